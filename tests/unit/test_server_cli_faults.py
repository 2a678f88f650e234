"""The `bangtin` command on a shared archive when the server is busy or goes away.

A second PC's import says once that it waits for the other one; a restore
says what it waits for; a server lost mid-import is one sentence naming the
server, with nothing of psycopg's own logging before it.
"""

from __future__ import annotations

import io
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from db.archive import open_archive
from db.errors import ArchiveError, ErrorCode
from db.server import display_url
from desktop.cli import main
from desktop.cli.output import ProgressBar
from desktop.messages import describe
from desktop.messages import text as say
from tests.helpers.bundles import World, trust
from tests.helpers.postgres import admin_execute


@pytest.fixture
def office(world: World, pg_url: str, tmp_path: Path) -> list[str]:
    """The command's first arguments for a PC of an office whose archive trusts the world's keys."""
    pc = open_archive(tmp_path / "pc", url=pg_url)
    try:
        trust(pc, world.keys)
    finally:
        pc.close()
    return ["--data-dir", str(tmp_path / "pc"), "--database", pg_url]


def test_a_server_lost_mid_import_is_one_sentence_naming_the_server(
    office: list[str],
    world: World,
    pg_url: str,
    pg_server: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name = make_url(pg_url).database

    def server_stops_while_indexing(_bar: ProgressBar, stage: str, _done: int, _total: int) -> None:
        if stage == "indexing":
            admin_execute(
                pg_server,
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                f"WHERE datname = '{name}'",
            )

    monkeypatch.setattr(ProgressBar, "__call__", server_stops_while_indexing)
    # As in a terminal: no handler but Python's last resort, which writes to stderr.
    monkeypatch.setattr(logging.root, "handlers", [])
    assert main([*office, "import", str(world.bundle1)]) == 1
    out, err = capsys.readouterr()
    lost = describe(ArchiveError(ErrorCode.SERVER_LOST, path=display_url(pg_url)), "vi")
    assert err.strip().splitlines() == [lost]
    assert out == ""


def test_a_pipeline_the_server_dropped_leaves_no_noise_before_the_sentence(
    office: list[str],
    pg_url: str,
    pg_server: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import psycopg

    from db.server import engine_url

    # As in a terminal: no handler but Python's last resort, which writes to stderr.
    monkeypatch.setattr(logging.root, "handlers", [])
    assert main([*office, "list"]) == 0
    capsys.readouterr()
    # What the search index's pipeline meets when the server stops mid-import.
    conn = psycopg.connect(engine_url(pg_url).set(drivername="postgresql").render_as_string(False))
    try:
        pid = conn.info.backend_pid
        with pytest.raises(psycopg.OperationalError), conn.pipeline():
            admin_execute(pg_server, f"SELECT pg_terminate_backend({pid}, 10000)")
            conn.execute("SELECT 1").fetchone()
    finally:
        conn.close()
    assert capsys.readouterr().err == ""
    # Not lost, though: the log file keeps it for whoever looks into it.
    kept = (tmp_path / "log" / "bangtin.log").read_text(encoding="utf-8")
    assert "cli list WARNING psycopg: " in kept and "Pipeline" in kept


def test_a_server_lost_mid_migration_is_named_not_this_pcs_folder(
    pg_empty_url: str,
    pg_server: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from db import transfer

    copy = transfer.copy_archive

    def server_stops_first(reading: Any, writing: Any, **kwargs: Any) -> Any:
        pid = writing.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        admin_execute(pg_server, f"SELECT pg_terminate_backend({pid}, 10000)")
        return copy(reading, writing, **kwargs)

    local = ["--data-dir", str(tmp_path / "pc")]
    assert main([*local, "init"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(transfer, "copy_archive", server_stops_first)
    assert main([*local, "--lang", "en", "migrate-to", pg_empty_url]) == 1
    err = capsys.readouterr().err.strip()
    assert err == describe(
        ArchiveError(ErrorCode.SERVER_LOST, path=display_url(pg_empty_url)), "en"
    )


def test_a_server_error_names_its_server_over_the_data_folder() -> None:
    # The window describes failures with its data folder at hand; a server's
    # error carries the server's address, and that is the one named.
    url = "postgresql://bangtin@/kho?host=/run/postgresql"
    for code in (ErrorCode.SERVER_LOST, ErrorCode.SERVER_UNREACHABLE, ErrorCode.SERVER_LOGIN):
        sentence = describe(ArchiveError(code, path=url), "vi", archive_dir="/tmp/qa/kho")
        assert url in sentence and "/tmp/qa/kho" not in sentence
    folder = describe(ArchiveError(ErrorCode.DAMAGED, path="x"), "vi", archive_dir="/tmp/qa/kho")
    assert "/tmp/qa/kho" in folder


class Watched(io.StringIO):
    """stderr that tells when a line holding *words* has been written."""

    def __init__(self, words: str) -> None:
        super().__init__()
        self.words = words
        self.seen = threading.Event()

    def write(self, s: str) -> int:
        written = super().write(s)
        if self.words in self.getvalue():
            self.seen.set()
        return written


def test_a_second_pcs_import_says_once_that_it_waits(
    office: list[str], world: World, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.server import import_lock, make_server_engine

    sentence = say("stage_waiting_server", "vi") + "…"
    stderr = Watched(sentence)
    monkeypatch.setattr(sys, "stderr", stderr)  # not a terminal: said all the same
    codes: list[int] = []
    other_pc = make_server_engine(pg_url)
    try:
        with import_lock(other_pc, wait_s=0):
            importing = threading.Thread(
                target=lambda: codes.append(main([*office, "import", str(world.bundle1)]))
            )
            importing.start()
            assert stderr.seen.wait(60)
        importing.join(60)
    finally:
        other_pc.dispose()
    assert codes == [0]
    assert stderr.getvalue().splitlines() == [sentence]


def restore_behind(office: list[str], words: str, hold: Any) -> tuple[list[int], str]:
    """Restore the office's backup while *hold* (a context manager) is in place;
    let go when the command has said *words*. The exit codes and stderr."""
    assert main([*office, "backup"]) == 0
    stderr = Watched(words)
    codes: list[int] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stderr", stderr)
        with hold:
            restoring = threading.Thread(target=lambda: codes.append(main([*office, "restore"])))
            restoring.start()
            assert stderr.seen.wait(60), stderr.getvalue()
        restoring.join(60)
    return codes, stderr.getvalue()


def test_a_restore_says_it_waits_for_another_pcs_import(
    office: list[str], pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.server import import_lock, make_server_engine

    words = say("server_restore_waiting_import", "vi")
    other_pc = make_server_engine(pg_url)
    try:
        codes, err = restore_behind(office, words, import_lock(other_pc, wait_s=0))
    finally:
        other_pc.dispose()
    assert codes == [0]
    assert err.splitlines() == [words]


def test_a_restore_says_it_waits_for_another_sessions_open_transaction(
    office: list[str], pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from contextlib import contextmanager

    from sqlalchemy import text as sql

    from db.server import make_server_engine

    @contextmanager
    def reading_on_another_pc() -> Iterator[None]:
        engine = make_server_engine(pg_url)
        try:
            with engine.connect() as conn:  # a transaction left open after a read
                conn.execute(sql("SELECT count(*) FROM notice")).scalar()
                yield
        finally:
            engine.dispose()

    words = say("server_restore_waiting_sessions", "vi")
    codes, err = restore_behind(office, words, reading_on_another_pc())
    assert codes == [0]
    assert err.splitlines() == [words]
