"""The window figures of bench/run.py: cold starts, first content, opens, memory.

Each runs bench/window_probe.py in a fresh process, alternated with its
anchor: a bare QMainWindow's first paint (start, first content), and a bare
SELECT plus `QTextBrowser.setHtml` of the same HTML (opening a notice).
First content is also measured after an unclean exit: a process that opened
the archive, counted a view (a write) and died without closing, leaving
its -wal behind, as a power cut or a killed program does.
"""

from __future__ import annotations

import compileall
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.bare import write_pages
from bench.report import percentile
from db.archive import Archive

ROOT = Path(__file__).resolve().parent.parent

#: A process that writes to the archive and dies without closing it.
_CRASH = """
import os, sys
from datetime import UTC, datetime
from db.archive import open_archive
from db import store
archive = open_archive(sys.argv[1])
with archive.writing() as session:
    store.record_view(session, sys.argv[2], datetime.now(UTC))
os._exit(0)
"""


def compile_bytecode() -> None:
    """Compile the app's modules to bytecode, as installing it does.

    pip and PyInstaller both ship .pyc files, so a clerk's window never
    compiles its source at start. A run from a source tree with
    PYTHONDONTWRITEBYTECODE set (some CI machines) would compile every module
    on every cold start: ~35 ms that no installed copy pays.
    """
    for package in ("desktop", "db"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def probe(mode: str, out: Path, *extra: str | Path) -> dict[str, Any]:
    cmd = [sys.executable, str(ROOT / "bench" / "window_probe.py"), mode, "--out", str(out)]
    cmd += [str(x) for x in extra]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["BENCH_T0_NS"] = str(time.monotonic_ns())
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"window probe {mode} failed:\n{proc.stdout}\n{proc.stderr}")
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def sample_ids(archive: Archive, count: int, seed: int) -> list[str]:
    with archive.reading() as session:
        ids = [
            r[0]
            for r in session.connection().exec_driver_sql(
                "SELECT id FROM notice WHERE withdrawn = 0 AND has_content = 1 ORDER BY id"
            )
        ]
    return random.Random(f"{seed}:opens").sample(ids, min(count, len(ids)))


def crash_after_write(data_dir: Path, notice_id: str) -> None:
    """Leave the archive as a killed program leaves it: its -wal not empty."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(
        [sys.executable, "-c", _CRASH, str(data_dir), notice_id], env=env, check=True, timeout=600
    )
    wal = data_dir / "archive.sqlite3-wal"
    if not (wal.exists() and wal.stat().st_size > 0):
        raise RuntimeError("the crash left no -wal behind")


Make = Callable[..., Any]


def window_rows(
    make_row: Make, work: Path, data_dir: Path, ids: list[str], runs: int
) -> tuple[list[Any], dict[str, Any]]:
    """The window's rows (first paint, first content, after an unclean exit, opens, RSS)."""
    ids_file = work / "ids.json"
    ids_file.write_text(json.dumps(ids), encoding="utf-8")
    pages_file = work / "pages.json"
    data = ("--data-dir", data_dir)
    compile_bytecode()
    probe("bare", work / "warm-bare.json")  # one of each first, so both find the same disk cache
    probe("app", work / "warm-app.json", *data)
    bare_runs, app_runs, crash_runs = [], [], []
    for i in range(runs):
        bare_runs.append(probe("bare", work / f"bare-{i}.json"))
        last = i == runs - 1
        opens = ("--ids", ids_file, "--pages-out", pages_file) if last else ()
        app_runs.append(probe("app", work / f"app-{i}.json", *data, *opens))
    for i in range(runs):
        crash_after_write(data_dir, ids[i % len(ids)])
        crash_runs.append(probe("app", work / f"crash-{i}.json", *data))
    pages = json.loads(pages_file.read_text(encoding="utf-8"))
    pages_db = work / "pages.sqlite3"
    pages_db.unlink(missing_ok=True)
    write_pages(pages_db, pages)
    shown = work / "shown.json"
    shown.write_text(json.dumps([i for i in ids if i in pages]), encoding="utf-8")
    bare_open = probe("bare-open", work / "bare-open.json", "--pages", pages_db, "--ids", shown)

    def median(runs_: list[dict[str, Any]], key: str) -> float:
        return statistics.median(float(r[key]) for r in runs_)

    bare_paint = median(bare_runs, "first_paint")
    content = median(app_runs, "first_content")
    opens = [float(x) for x in app_runs[-1]["opens"]]
    bare_opens = [float(x) for x in bare_open["opens"]]
    rows = [
        make_row(
            "first_paint",
            median(app_runs, "first_paint"),
            "ms",
            "bare PySide6 QMainWindow, same start",
            bare_paint,
            "≤ 2× anchor",
            lambda _v, r: r is not None and r <= 2,
        ),
        make_row(
            "first_content",
            content,
            "ms",
            "bare QMainWindow first paint",
            bare_paint,
            "≤ 500 ms and ≤ 3× anchor",
            lambda v, r: v <= 500 and r is not None and r <= 3,
        ),
        make_row(
            "first_content_unclean",
            median(crash_runs, "first_content"),
            "ms",
            "first content after a clean exit",
            content,
            "≤ 1.5× anchor",
            lambda _v, r: r is not None and r <= 1.5,
        ),
        make_row(
            "open_p95",
            percentile(opens, 95),
            "ms",
            "bare SELECT + QTextBrowser.setHtml p95",
            percentile(bare_opens, 95),
            "≤ 50 ms and ≤ 3× anchor",
            lambda v, r: v <= 50 and r is not None and r <= 3,
        ),
        make_row(
            "rss",
            median(app_runs, "rss_idle") / 2**20,
            "MB",
            "bare QMainWindow RSS",
            median(bare_runs, "rss_idle") / 2**20,
            "≤ 300 MB",
            lambda v, _r: v <= 300,
        ),
    ]
    facts = {
        "bare_first_paint_ms": [r["first_paint"] for r in bare_runs],
        "app_first_paint_ms": [r["first_paint"] for r in app_runs],
        "app_first_content_ms": [r["first_content"] for r in app_runs],
        "unclean_first_content_ms": [r["first_content"] for r in crash_runs],
        "opens": len(opens),
        "open_p50_ms": percentile(opens, 50),
        "open_max_ms": max(opens),
        "bare_open_p50_ms": percentile(bare_opens, 50),
        "rss_after_opens_mb": int(app_runs[-1]["rss_after_opens"]) / 2**20,
    }
    return rows, facts
