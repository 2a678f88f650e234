"""The socket guard itself must work, or "no test touches the network" means nothing."""

from __future__ import annotations

import socket

import psycopg
import pytest

from tests.helpers.fixtures import SocketBlocked
from tests.helpers.postgres import admin_execute


def test_opening_an_internet_socket_fails() -> None:
    with pytest.raises(SocketBlocked):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_name_lookup_fails() -> None:
    with pytest.raises(SocketBlocked):
        socket.getaddrinfo("example.org", 80)


def test_a_database_server_other_than_the_test_cluster_is_refused(pg_server: str) -> None:
    with pytest.raises(SocketBlocked):
        psycopg.connect("host=127.0.0.1 port=5432 dbname=postgres user=bangtin")
    with pytest.raises(SocketBlocked):
        psycopg.connect(host="db.example.org", dbname="postgres")
    with pytest.raises(SocketBlocked):
        # No host: libpq's default socket, not the test cluster's.
        psycopg.Connection.connect("dbname=postgres")


def test_the_test_cluster_is_reachable(pg_server: str) -> None:
    admin_execute(pg_server, "SELECT 1")
