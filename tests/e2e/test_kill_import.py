"""`bangtin import` killed with SIGKILL at 30+ moments: the archive is before or after.

A 5,000-notice bundle is built once. One full import is timed and gives the
"after" state; then each kill starts from a copy of the pristine "before"
folder (no -wal, no -shm), runs `bangtin import` with stderr on a pseudo
terminal (so the progress bar draws and the test can see the stage), and
kills it either after a seeded random delay spread over the measured
duration, or at a chosen stage: staging under way, the backup, writing at
half the notices, indexing. After each kill: integrity_check is ok, the
notices, revisions, publisher sequence and import log equal the before or
the after state exactly, every backup on disk is whole, and the next open
leaves nothing in staging. The incoming register (số đến) is part of that
state: numbered in the import's transaction, it runs 1, 2, 3… with no gap
and no number twice, before or after.
"""

from __future__ import annotations

import os
import random
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from db import backup
from db.archive import DB_NAME, STAGING_DIR, open_archive
from tests.e2e.conftest import bangtin_command, child_env
from tests.unit.bundlekit import build, make_keys, trust, write_notice

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and ptys are POSIX")

NOTICES = 5000
RANDOM_KILLS = 30
SEED = 20240611
STAGE_KILLS = (
    ("staging", 1),
    ("backup", 0),
    ("applying", NOTICES // 2),
    ("applying", NOTICES),
    ("indexing", 0),
)
LABELS = {
    "staging": "Copying and checking the bundle",
    "backup": "Backing up the archive",
    "applying": "Writing to the archive",
    "indexing": "Indexing for search",
}
PROGRESS_RE = re.compile(r"\((\d+)/(\d+)\)")

State = dict[str, list[tuple[Any, ...]]]


@dataclass(frozen=True)
class Setup:
    bundle: Path
    pristine: Path
    before: State
    after: State
    duration: float
    env: dict[str, str]


def archive_state(data_dir: Path) -> State:
    """What an import changes, read with plain sqlite3 (after integrity_check)."""
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {
            "notice": conn.execute(
                "SELECT id, revision, withdrawn FROM notice ORDER BY id"
            ).fetchall(),
            "publisher": conn.execute(
                "SELECT id, last_sequence, last_bundle_id FROM publisher ORDER BY id"
            ).fetchall(),
            "import_log": conn.execute(
                "SELECT bundle_id, publisher_id, sequence, kind, added, updated, withdrawn,"
                " unchanged, outcome FROM import_log ORDER BY id"
            ).fetchall(),
            "attachment": conn.execute(
                "SELECT notice_id, position, sha256 FROM attachment ORDER BY 1, 2"
            ).fetchall(),
            "register": conn.execute(
                "SELECT year, number, notice_id FROM register_entry ORDER BY year, number"
            ).fetchall(),
        }
    finally:
        conn.close()


def reset(pristine: Path, data_dir: Path) -> None:
    shutil.rmtree(data_dir, ignore_errors=True)
    shutil.copytree(pristine, data_dir)
    assert not Path(f"{data_dir / DB_NAME}-wal").exists()
    assert not Path(f"{data_dir / DB_NAME}-shm").exists()


def start_import(setup: Setup, data_dir: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`bangtin import` with stderr on a pty; returns the process and the pty's reading end."""
    import pty

    master, slave = pty.openpty()
    env = dict(setup.env, BANGTIN_DATA_DIR=str(data_dir))
    proc = subprocess.Popen(
        [*bangtin_command(), "--lang", "en", "import", str(setup.bundle)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
    )
    os.close(slave)
    return proc, master


def wait_for_stage(proc: subprocess.Popen[bytes], master: int, stage: str, at_least: int) -> bool:
    """Read progress from the pty until *stage* shows *at_least* done; False if it never did."""
    label = LABELS[stage]
    seen = ""
    while proc.poll() is None:
        ready, _, _ = select.select([master], [], [], 5.0)
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536).decode("utf-8", "replace")
        except OSError:  # the child closed the terminal
            return False
        seen = (seen + chunk)[-4000:]
        for line in seen.split("\r"):
            if line.startswith(label):
                found = PROGRESS_RE.search(line)
                if found and int(found.group(1)) >= at_least:
                    return True
    return False


def drain(master: int) -> None:
    try:
        while select.select([master], [], [], 0)[0]:
            if not os.read(master, 65536):
                break
    except OSError:
        pass
    os.close(master)


def check_register(state: State) -> None:
    """Each year's incoming numbers run from 1 with no gap, each notice once."""
    lines = state["register"]
    years = {year for year, _number, _notice in lines}
    for year in years:
        numbers = [number for y, number, _notice in lines if y == year]
        assert numbers == list(range(1, len(numbers) + 1)), f"a gap or a repeat in {year}"
    assert len({notice for _y, _n, notice in lines}) == len(lines)


def check_after_kill(setup: Setup, data_dir: Path) -> str:
    state = archive_state(data_dir)
    assert state in (setup.before, setup.after), "the archive is neither before nor after"
    check_register(state)
    for made in backup.list_backups(data_dir):
        assert backup.check_file(made).ok, f"half a backup: {made.name}"
    archive = open_archive(data_dir)
    try:
        # A kill between making a staging folder and locking it leaves an
        # empty folder, which the open keeps for an hour (its owner might be
        # alive and about to lock it); a staged file is never left behind.
        left = [p for p in (data_dir / STAGING_DIR).rglob("*") if not p.is_dir()]
        assert left == []
    finally:
        archive.close()
    assert archive_state(data_dir) == state
    return "before" if state == setup.before else "after"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    root = tmp_path_factory.mktemp("kill")
    pair = make_keys(root / "keys")
    # A first small bundle makes the before state more than an empty archive.
    first = root / "src-first"
    write_notice(
        first,
        "dau-tien",
        title="Văn bản đầu tiên",
        number="01/TB-UBND",
        published="2023-01-02 08:00",
    )
    first_bundle = build(first, pair, root / "first.bangtin", sequence=1).path
    src = root / "src"
    for i in range(40):
        (src / "files").mkdir(parents=True, exist_ok=True)
        (src / "files" / f"phu-luc-{i}.pdf").write_bytes(b"%PDF-1.4\n" + bytes([i]) * 3000)
    for i in range(NOTICES):
        extra: dict[str, Any] = {}
        if i < 40:
            extra["attachments"] = [f"files/phu-luc-{i}.pdf"]
        write_notice(
            src,
            f"tb-{i:05d}",
            body=f"Thông báo số {i} về lịch tiếp công dân.\n\n- mục một\n- mục hai\n",
            title=f"Thông báo số {i}/TB-UBND",
            number=f"{i}/TB-UBND",
            published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d} 08:00",
            category=f"Thông báo/Nhóm {i % 7}",
            name=f"g{i % 50}/tb-{i:05d}.md",
            **extra,
        )
    bundle = build(src, pair, root / "big.bangtin", sequence=2).path

    pristine = root / "pristine"
    archive = open_archive(pristine)
    try:
        trust(archive, pair)
        from desktop.bundles.importer import import_bundle

        import_bundle(archive, first_bundle)
    finally:
        archive.close()
    shutil.rmtree(pristine / "backups")
    before = archive_state(pristine)

    env = child_env(dict(os.environ), root / "netguard.log")
    probe = Setup(bundle, pristine, before, {}, 0.0, env)
    data = root / "timed"
    reset(pristine, data)
    started = time.monotonic()
    proc, master = start_import(probe, data)
    assert proc.wait(timeout=120) == 0
    duration = time.monotonic() - started
    drain(master)
    after = archive_state(data)
    assert len(after["notice"]) == NOTICES + 1
    assert after != before
    # Every notice has a number, so every one has its line in the register.
    assert len(before["register"]) == 1 and len(after["register"]) == NOTICES + 1
    check_register(after)
    assert not (root / "netguard.log").exists() or (root / "netguard.log").read_text() == ""
    return Setup(bundle, pristine, before, after, duration, env)


def test_killed_imports_leave_the_archive_before_or_after(setup: Setup, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    # Spread over the whole run, from Python's start-up to the last commit.
    delays = sorted(rng.uniform(0.02, setup.duration * 0.95) for _ in range(RANDOM_KILLS))
    plans: list[tuple[str, float | tuple[str, int]]] = [("delay", d) for d in delays]
    plans += [("stage", s) for s in STAGE_KILLS]
    data = tmp_path / "data"
    outcomes: dict[str, int] = {}
    landed = 0
    stage_hits: list[str] = []
    for kind, when in plans:
        reset(setup.pristine, data)
        proc, master = start_import(setup, data)
        if kind == "delay":
            assert isinstance(when, float)
            try:
                proc.wait(timeout=when)  # waits on the process, not a sleep
            except subprocess.TimeoutExpired:
                pass
        else:
            assert isinstance(when, tuple)
            if wait_for_stage(proc, master, *when):
                stage_hits.append(when[0])
        running = proc.poll() is None
        if running:
            proc.send_signal(signal.SIGKILL)
            landed += 1
        code = proc.wait(timeout=60)
        drain(master)
        assert code == (-signal.SIGKILL if running else 0)
        outcome = check_after_kill(setup, data)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(f"import took {setup.duration:.2f}s; kills landed {landed}; outcomes {outcomes}")
    assert landed >= 30, (landed, outcomes)
    assert outcomes.get("before", 0) >= 20, outcomes
    assert set(stage_hits) == {"staging", "backup", "applying", "indexing"}, stage_hits


def test_the_next_import_after_a_kill_completes(setup: Setup, tmp_path: Path) -> None:
    data = tmp_path / "data"
    reset(setup.pristine, data)
    proc, master = start_import(setup, data)
    assert wait_for_stage(proc, master, "applying", NOTICES // 2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    drain(master)
    assert check_after_kill(setup, data) == "before"
    again, master = start_import(setup, data)
    assert again.wait(timeout=120) == 0
    drain(master)
    assert archive_state(data) == setup.after
