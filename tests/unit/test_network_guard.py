"""The socket guard itself must work, or "no test touches the network" means nothing."""

from __future__ import annotations

import socket

import pytest

from tests.helpers.fixtures import SocketBlocked


def test_opening_an_internet_socket_fails() -> None:
    with pytest.raises(SocketBlocked):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_name_lookup_fails() -> None:
    with pytest.raises(SocketBlocked):
        socket.getaddrinfo("example.org", 80)
