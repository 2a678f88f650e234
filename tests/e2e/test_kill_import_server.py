"""`bangtin --database … import` killed with SIGKILL: the shared archive is before or after.

A real `bangtin` process imports a 2,000-notice bundle into a database of
the test cluster, with stderr on a pseudo terminal so that its progress bar
draws; the test kills it while it writes the notices (well before the
commit, which comes after "Indexing"), and again once the attachment is
in `stored_file` and only the commit is left ("Saving to the archive"). The
server rolls back what the dead connection had not committed and lets go
of its advisory lock, so the archive is exactly as before (its file store
too: the bundle carries an attachment) or, had the commit won the race with
the kill, wholly after; and the next PC's import goes through at once.
"""

from __future__ import annotations

import hashlib
import os
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from db.archive import open_archive
from desktop.bundles.importer import import_bundle
from tests.helpers.bundles import PDF, build, make_keys, trust, write_notice, write_raw
from tests.helpers.cli import bangtin_command, child_env

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and ptys are POSIX"),
    pytest.mark.timeout(300),
]

NOTICES = 2000
WRITING = "Writing to the archive"
#: Drawn once the files are stored, just before the commit.
SAVING = "Saving to the archive"


def state(url: str, folder: Path) -> dict[str, list[tuple[Any, ...]]]:
    archive = open_archive(folder, url=url)
    try:
        with archive.engine.connect() as conn:
            return {
                table: [
                    tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))
                ]
                for table in (
                    "notice",
                    "publisher",
                    "import_log",
                    "register_entry",
                    "stored_file",  # the attachments' content, every PC's
                )
            }
    finally:
        archive.close()


def import_until(url: str, bundle: Path, env: dict[str, str], label: str) -> str:
    """Run `bangtin import` and SIGKILL it once it has drawn *label*; returns what it drew."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*bangtin_command(), "--lang", "en", "--database", url, "import", str(bundle)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
    )
    os.close(slave)
    drawn = ""
    try:
        while label not in drawn and proc.poll() is None:
            if select.select([master], [], [], 5.0)[0]:
                try:
                    drawn += os.read(master, 65536).decode("utf-8", "replace")
                except OSError:
                    break
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        os.close(master)
    assert label in drawn, drawn
    return drawn


def test_a_killed_import_leaves_the_shared_archive_before_or_after(
    pg_url: str, tmp_path: Path
) -> None:
    pair = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    write_raw(src, "files/qd.pdf", PDF)
    for i in range(NOTICES):
        write_notice(
            src,
            f"tb-{i:05d}",
            attachments=["files/qd.pdf"] if i == NOTICES - 1 else [],
            body=f"Thông báo số {i} về lịch tiếp công dân.\n",
            title=f"Thông báo số {i}/TB-UBND",
            published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d} 08:00",
            name=f"g{i % 40}/tb-{i:05d}.md",
        )
    bundle = build(src, pair, tmp_path / "big.bangtin", sequence=1).path
    archive = open_archive(tmp_path / "setup", url=pg_url)
    try:
        trust(archive, pair)
    finally:
        archive.close()
    before = state(pg_url, tmp_path / "look")
    env = child_env(dict(os.environ), tmp_path / "netguard.log")
    env["BANGTIN_DATA_DIR"] = str(tmp_path / "pc1")

    import_until(pg_url, bundle, env, WRITING)
    assert state(pg_url, tmp_path / "look") == before

    # Killed with every row and the attachment's content written, before the commit.
    import_until(pg_url, bundle, env, SAVING)
    killed = state(pg_url, tmp_path / "look")
    if killed == before:
        # Another PC imports at once: the dead one's advisory lock is gone.
        other = open_archive(tmp_path / "pc2", url=pg_url)
        try:
            assert import_bundle(other, bundle, wait_s=0).added == NOTICES
        finally:
            other.close()
    after = state(pg_url, tmp_path / "look")
    assert len(after["notice"]) == NOTICES and len(after["import_log"]) == 1
    assert [row[0] for row in after["stored_file"]] == [hashlib.sha256(PDF).hexdigest()]
    assert killed in (before, after)
