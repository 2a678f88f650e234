"""`bangtin import` killed with SIGKILL at many points: the archive is before or after.

A 5,000-notice bundle is built once, and one full import gives the "after"
state. Each kill starts from a copy of the pristine "before" folder (no -wal,
no -shm) and runs `bangtin import` with stderr on a pseudo terminal, so the
progress bar draws and the test reads where the child is.

Most kills happen at points the child reports: a stage, or a count within
one, some chosen and some drawn from a seeded random generator. When the
test reads the line it waits for, it stops the terminal's output
(tcflow TCOOFF, as Ctrl-S does), so the child blocks at its next progress
line and cannot run past the stage while the test sends SIGKILL. A few more
kills come after seeded random delays, wherever they land.

Nothing here depends on how fast the machine is. The test does not ask how
many kills land before the commit; instead, every kill is judged by what the
child had drawn when it died. The commit comes after the "Indexing" line and
before the "Done" line, so a child that never drew "Indexing" must leave the
archive before, one that drew "Done" must leave it after, and one killed in
between may leave either. After each kill: integrity_check is ok, the
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
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from db import backup
from db.archive import DB_NAME, STAGING_DIR, open_archive
from tests.helpers.bundles import build, make_keys, trust, write_notice
from tests.helpers.cli import bangtin_command, child_env

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and ptys are POSIX"),
    # Some thirty imports of 5,000 notices, each in a fresh process.
    pytest.mark.timeout(900),
]

NOTICES = 5000
SEED = 20240611
#: Kills at chosen points: (stage, at least this many done in it).
STAGE_KILLS = (
    ("staging", 1),
    ("backup", 0),
    ("applying", 0),
    ("applying", NOTICES // 2),
    ("indexing", 0),
    # After the commit, before the staging folder is cleared and the process ends.
    ("done", 0),
)
RANDOM_POINT_KILLS = 12
RANDOM_DELAY_KILLS = 8
#: A point kill whose child ran past its stage before the terminal stopped
#: (the test process was not scheduled in time) is tried again, this often.
ATTEMPTS = 10

LABELS = {
    "staging": "Copying and checking the bundle",
    "backup": "Backing up the archive",
    "applying": "Writing to the archive",
    "indexing": "Indexing for search",
    "done": "Done",
}
ORDER = list(LABELS)
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


@dataclass
class Child:
    """A running `bangtin import`, its terminal, and the progress lines it drew."""

    proc: subprocess.Popen[bytes]
    master: int
    tty_name: str
    text: str = ""
    lines: list[tuple[str, int]] = field(default_factory=list)

    def read(self, timeout: float) -> bool:
        """Read what the child drew within *timeout*; False once the terminal is closed."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: every process holding the terminal is gone
            return False
        if not chunk:
            return False
        self.text += chunk.decode("utf-8", "replace")
        self.lines = parse_lines(self.text)
        return True

    def read_all(self) -> None:
        while select.select([self.master], [], [], 0)[0]:
            if not self.read(0):
                break

    def stop_output(self) -> None:
        """Stop the terminal's output: the child's next progress line blocks."""
        fd = os.open(self.tty_name, os.O_RDWR | os.O_NOCTTY)
        try:
            termios.tcflow(fd, termios.TCOOFF)
        finally:
            os.close(fd)

    def last(self) -> tuple[str, int] | None:
        return self.lines[-1] if self.lines else None


def parse_lines(text: str) -> list[tuple[str, int]]:
    """(stage, done) for every whole progress line in *text*, in order."""
    found = []
    # Lines are drawn as "\r<label> <bar> <percent> (done/total)".
    for line in re.split(r"[\r\n]", text):
        found_count = PROGRESS_RE.search(line)
        if found_count is None:
            continue
        for stage, label in LABELS.items():
            if line.startswith(label + " "):
                found.append((stage, int(found_count.group(1))))
                break
    return found


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


def start_import(setup: Setup, data_dir: Path) -> Child:
    """`bangtin import` with stderr on a pty."""
    import pty

    master, slave = pty.openpty()
    tty_name = os.ttyname(slave)
    env = dict(setup.env, BANGTIN_DATA_DIR=str(data_dir))
    proc = subprocess.Popen(
        [*bangtin_command(), "--lang", "en", "import", str(setup.bundle)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
    )
    os.close(slave)
    return Child(proc, master, tty_name)


def run_to(child: Child, stage: str, at_least: int) -> None:
    """Read progress until *stage* shows *at_least* done, then stop the terminal."""
    while child.proc.poll() is None:
        if not child.read(5.0):
            break
        if any(s == stage and done >= at_least for s, done in child.lines):
            child.stop_output()
            # What the child drew before the terminal stopped is all there is.
            child.read_all()
            return
    raise AssertionError(f"the import ended before {stage} {at_least}:\n{child.text!r}")


def kill(child: Child) -> int | None:
    """SIGKILL the child if it still runs; returns its exit code when it had ended."""
    ended = child.proc.poll()
    if ended is None:
        child.proc.send_signal(signal.SIGKILL)
    code = child.proc.wait(timeout=60)
    child.read_all()
    os.close(child.master)
    if ended is None:
        if code == 0 and any(stage == "done" for stage, _done in child.lines):
            # It had drawn "Done" and was already exiting: a process in its
            # exit ignores SIGKILL, though poll() still said it was running.
            return code
        assert code == -signal.SIGKILL
        return None
    # It had ended, or ended by itself between the look and the signal: at a
    # random delay near the end of the import that happens, and is no failure.
    return code


def required(lines: list[tuple[str, int]]) -> str | None:
    """The state a kill must leave, from the lines drawn; None when either is right."""
    stages = {stage for stage, _done in lines}
    if "done" in stages:
        return "after"
    if "indexing" not in stages:
        return "before"
    return None


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


def judge(setup: Setup, data: Path, child: Child) -> str:
    outcome = check_after_kill(setup, data)
    must = required(child.lines)
    assert must in (None, outcome), (must, outcome, child.lines[-3:])
    return outcome


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
    data = root / "whole"
    reset(pristine, data)
    # Timed only to spread the delayed kills; no check depends on it.
    started = time.monotonic()
    child = start_import(probe, data)
    while child.read(5.0):
        pass
    assert child.proc.wait(timeout=120) == 0
    duration = time.monotonic() - started
    os.close(child.master)
    assert [s for s in ORDER if s in {stage for stage, _ in child.lines}] == ORDER, child.text
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
    points = list(STAGE_KILLS)
    for _ in range(RANDOM_POINT_KILLS):
        # Random points in the long stage, writing 5,000 notices. Staging copies
        # five chunks of notices and 40 small files within a few throttled
        # progress lines, so a point inside it cannot be stopped at reliably;
        # it is killed at its first line (STAGE_KILLS) and at random delays.
        points.append(("applying", rng.randint(0, NOTICES - 1)))
    data = tmp_path / "data"
    outcomes: dict[str, int] = {}
    retried: list[tuple[str, int]] = []

    for stage, at_least in points:
        for _attempt in range(ATTEMPTS):
            reset(setup.pristine, data)
            child = start_import(setup, data)
            run_to(child, stage, at_least)
            assert kill(child) is None, "a child with its terminal stopped cannot finish"
            outcome = judge(setup, data, child)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            last = child.last()
            if last is not None and last[0] == stage:
                break
            retried.append((stage, at_least))
        else:
            raise AssertionError(f"never stopped the child within {stage} ({at_least}): {retried}")

    # Kills at seeded random moments, from Python's start-up to the end of the
    # import: each is judged by what the child had drawn, wherever it lands.
    for _ in range(RANDOM_DELAY_KILLS):
        reset(setup.pristine, data)
        child = start_import(setup, data)
        deadline = time.monotonic() + rng.uniform(0.02, setup.duration)
        # Keep reading, so the terminal never fills and blocks the child.
        while child.proc.poll() is None and (left := deadline - time.monotonic()) > 0:
            if not child.read(left):
                break
        code = kill(child)
        assert code in (None, 0), child.text
        outcome = judge(setup, data, child)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1

    print(f"import took {setup.duration:.2f}s; outcomes {outcomes}; retried {retried}")


def test_the_next_import_after_a_kill_completes(setup: Setup, tmp_path: Path) -> None:
    data = tmp_path / "data"
    reset(setup.pristine, data)
    child = start_import(setup, data)
    run_to(child, "applying", NOTICES // 2)
    assert kill(child) is None
    assert check_after_kill(setup, data) == "before"
    again = start_import(setup, data)
    while again.read(5.0):
        pass
    assert again.proc.wait(timeout=120) == 0
    os.close(again.master)
    assert archive_state(data) == setup.after
