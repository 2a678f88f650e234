"""`bangtin receipt import` killed with SIGKILL: the province's archive is before or after.

A receipt with 20,000 events (office A's first receipt, re-signed with more
events) is imported by a child held at a stage (tests/helpers/held.py): it
reports the stage on a pipe and waits, so the test kills it exactly there,
with no timer. While staging, and inside the write transaction after 0,
5,000 and 15,000 events, the kill must leave the archive as it was; after
the commit ("done"), as it is after the import. Each time integrity_check
is ok, the next open leaves nothing staged, and the next import completes.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from db.archive import DB_NAME, STAGING_DIR, open_archive
from db.types import VN_TZ
from tests.helpers.cli import Cli
from tests.helpers.held import start_held
from tests.helpers.receipts import ReceiptTamper, ReceiptWorld, rewrite_receipt

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    pytest.mark.timeout(600),
]

EVENTS = 20_000
KILLS = (("staging", 1), ("applying", 0), ("applying", 5000), ("applying", 15_000))

State = dict[str, list[tuple[Any, ...]]]


def state(data_dir: Path) -> State:
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {
            # Not the time of the import: the whole import and a killed one ran apart.
            "receipt_imported": conn.execute(
                "SELECT office_code, key_id, sequence, receipt_id, manifest_sha256, bundles,"
                " events, reports FROM receipt_imported ORDER BY 1, 3"
            ).fetchall(),
            **{
                table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3, 4").fetchall()
                for table in ("receipt_bundle", "receipt_event", "receipt_report")
            },
        }
    finally:
        conn.close()


def big_receipt(rw: ReceiptWorld, out: Path) -> Path:
    start = datetime(2024, 1, 1, 8, 0, tzinfo=VN_TZ)

    def more(manifest: dict[str, Any]) -> None:
        manifest["events"].extend(
            {
                "notice": f"tb-{i:05d}",
                "status": "01",
                "at": (start + timedelta(minutes=i)).isoformat(),
                "person": None,
                "incoming": None,
            }
            for i in range(EVENTS - len(manifest["events"]))
        )

    return rewrite_receipt(
        rw.receipt1, out, ReceiptTamper(manifest=more, sign_with=rw.office_a.private)
    )


def check_staging_left(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    try:
        left = [p for p in (data_dir / STAGING_DIR).rglob("*") if not p.is_dir()]
        assert left == []
    finally:
        archive.close()


def test_killed_receipt_imports_leave_the_archive_before_or_after(
    receipt_world: ReceiptWorld, cli: Cli, tmp_path: Path
) -> None:
    receipt = big_receipt(receipt_world, tmp_path / "big.bangtin-receipt")
    pristine = receipt_world.province_template
    before = state(pristine)
    whole = tmp_path / "whole"
    shutil.copytree(pristine, whole)
    cli("--data-dir", whole, "receipt", "import", receipt)
    after = state(whole)
    assert len(after["receipt_event"]) == EVENTS and before["receipt_event"] == []

    data = tmp_path / "data"
    for stage, at in (*KILLS, ("done", 0)):
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(pristine, data)
        child = start_held(
            cli, ["--data-dir", data, "receipt", "import", receipt], stage=stage, at=at
        )
        assert child.reached(), child.finish().describe()
        child.kill()
        found = state(data)
        assert found == (after if stage == "done" else before), (stage, at)
        check_staging_left(data)
        assert state(data) == found

    # After a kill inside the transaction, the same receipt imports completely.
    shutil.rmtree(data)
    shutil.copytree(pristine, data)
    child = start_held(
        cli, ["--data-dir", data, "receipt", "import", receipt], stage="applying", at=5000
    )
    assert child.reached()
    child.kill()
    assert state(data) == before
    cli("--data-dir", data, "receipt", "import", receipt)
    assert state(data) == after
