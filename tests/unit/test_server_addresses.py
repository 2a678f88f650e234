"""How the shared archive's address is shown and taken: what IT staff paste.

The address a sentence shows is the one the user gave, less its password:
a socket folder, a port and sslmode stay, and the commands we suggest work
when pasted into a shell. An address libpq refuses before connecting (a bad
sslmode) is a bad address, not a server that cannot be reached, and an
empty `--database` never opens this PC's own archive instead.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from psycopg.conninfo import conninfo_to_dict
from sqlalchemy.engine import make_url

from db.errors import ArchiveError, ErrorCode
from db.server import display_url
from desktop.cli import main
from desktop.cli.output import shell_word
from desktop.messages import describe, text
from desktop.render.article import human_size


def without_password(url: str) -> dict[str, str]:
    return {k: v for k, v in conninfo_to_dict(url).items() if k != "password"}


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://bangtin@/qa1?host=/tmp/qa-pg",
        "postgresql://bangtin:bi-mat@/qa1?host=/tmp/qa-pg&port=5999",
        "postgresql://van-thu:bi-mat@may-chu:5433/kho?sslmode=require",
        "postgres://bangtin@may-chu/kho%20xa?connect_timeout=5",
    ],
)
def test_the_shown_address_is_the_given_one_without_its_password(url: str) -> None:
    shown = display_url(url)
    assert "bi-mat" not in shown
    assert conninfo_to_dict(shown) == without_password(url.replace("postgres:", "postgresql:"))
    assert display_url(shown) == shown


def test_a_suggested_word_reaches_the_command_whole() -> None:
    url = "postgresql://bangtin@/qa1?host=/tmp/qa-pg&port=5999"
    assert shlex.split(f"bangtin --database {shell_word(url)} init")[2] == url
    assert shell_word("/tmp/kho") == "/tmp/kho"
    assert shlex.split(f"ls {shell_word('/tmp/kho của xã')}") == ["ls", "/tmp/kho của xã"]


def suggested(sentence: str) -> list[str]:
    """The command inside «…» of a sentence, as a shell would split it."""
    found = re.search(r"«(bangtin [^»]*)»", sentence)
    assert found is not None, sentence
    return shlex.split(found.group(1).removesuffix(" …"))[1:]


def test_the_init_a_missing_archive_suggests_works_as_printed(
    pg_empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A socket folder and a port: the address IT staff type for a local server.
    url = make_url(pg_empty_url).update_query_dict({"port": "5432"}).render_as_string(False)
    local = ["--data-dir", str(tmp_path / "pc")]
    assert main([*local, "--database", url, "list"]) == 1
    err = capsys.readouterr().err.strip()
    shown = display_url(url)
    assert err == text("no_archive_on_server", "vi", path=shown, word=shell_word(shown))
    assert "?host=" in err and "port=5432" in err
    assert main([*local, *suggested(err)]) == 0
    capsys.readouterr()
    assert main([*local, "--database", url, "list"]) == 0


def test_the_command_migrate_to_suggests_works_as_printed(
    pg_empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = ["--data-dir", str(tmp_path / "pc")]
    assert main([*local, "init"]) == 0
    assert main([*local, "migrate-to", pg_empty_url]) == 0
    next_step = capsys.readouterr().out.strip().splitlines()[-1]
    assert next_step == text("migrated_next", "vi", word=shell_word(display_url(pg_empty_url)))
    assert main([*local, *suggested(next_step), "list"]) == 0


def test_a_bad_sslmode_is_a_bad_address_not_an_unreachable_server(
    pg_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(pg_server).update_query_dict({"sslmode": "bogus"}).render_as_string(False)
    assert main(["--data-dir", str(tmp_path / "pc"), "--database", url, "list"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == describe(ArchiveError(ErrorCode.SERVER_URL, path=display_url(url)), "vi")


def test_an_empty_database_option_is_refused_not_this_pcs_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    local = ["--data-dir", str(tmp_path / "pc")]
    assert main([*local, "init"]) == 0
    capsys.readouterr()
    assert main([*local, "--database", "", "list"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == describe(ArchiveError(ErrorCode.SERVER_URL, path=""), "vi")
    # An empty variable is one not set: the PC's own archive, as documented.
    monkeypatch.setenv("BANGTIN_DATABASE_URL", "")
    assert main([*local, "list"]) == 0


def test_status_on_a_server_describes_the_server_not_this_pcs_folder(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from sqlalchemy import text as sql

    from db.server import make_server_engine

    local = ["--data-dir", str(tmp_path / "pc"), "--database", pg_url]
    assert main([*local, "status", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    engine = make_server_engine(pg_url)
    try:
        with engine.connect() as conn:
            size = conn.scalar(sql("SELECT pg_database_size(current_database())"))
    finally:
        engine.dispose()
    assert (found["path"], found["size"]) == (display_url(pg_url), size)
    assert main([*local, "--lang", "en", "status"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == text("status_path", "en", path=display_url(pg_url), size=human_size(size, "en"))
    assert str(tmp_path) not in first
