"""The throwaway PostgreSQL cluster `.ci/run` starts and stops with tests/helpers/postgres.py."""

from __future__ import annotations

import tempfile
from pathlib import Path

import psycopg
import pytest

from tests.helpers.postgres import ALLOWED_HOSTS, connect_params, main, url_for


def test_ci_starts_a_cluster_on_a_socket_only_and_stops_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bangtin-ci-"))
    ALLOWED_HOSTS.add(str(folder))
    try:
        assert main(["start", str(folder)]) == 0
        url = capsys.readouterr().out.strip()
        assert url == url_for(folder)
        # Listening on the socket in its folder, and nowhere else.
        assert any(p.name.startswith(".s.PGSQL.") for p in folder.iterdir())
        with psycopg.connect(**connect_params(url)) as conn:  # type: ignore[arg-type]
            listening = conn.execute("SHOW listen_addresses").fetchone()
        assert listening == ("",)
    finally:
        assert main(["stop", str(folder)]) == 0
        ALLOWED_HOSTS.discard(str(folder))
    assert not folder.exists()
