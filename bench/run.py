"""The benchmark suite: every figure measured beside its anchor, in the same run.

    python bench/run.py --notices 100000 --out bench/results

Generates (or reuses, cached by N and seed) a synthetic source folder, then
measures bundle build, import, reimport, a 1% delta, search (whole, and its
ranking alone) against a bare FTS5 MATCH and against libzim (Kiwix's engine)
on a ZIM of the same notices, recall of queries typed without diacritics,
the window's cold start, notice opening and idle memory against a bare
PySide6 window, and sizes. Writes
OUT/results.json (a list of rows {name, value, unit, anchor, anchor_value,
ratio, target, met}) and OUT/results.md. bench/README.md says what each
anchor is and why.

The machines are shared and noisy: read the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import importlib.metadata
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/run.py`
    sys.path.insert(0, str(ROOT))

from bench import generate, office  # noqa: E402
from bench.anchors import raw_insert, raw_rows, trusted_archive, zip_folder  # noqa: E402
from bench.queries import QUERIES, folded_queries  # noqa: E402
from bench.report import markdown, percentile  # noqa: E402
from bench.zimanchor import build_zim, time_libzim  # noqa: E402
from db import search as search_mod  # noqa: E402
from db.archive import Archive  # noqa: E402
from desktop.bundles import keys  # noqa: E402
from desktop.bundles.builder import build_bundle  # noqa: E402
from desktop.bundles.importer import import_bundle  # noqa: E402

PUBLISHER = "Sở Thông tin và Truyền thông tỉnh Sơn Hà"
FTS_TABLE = "search_main"  # the body index (db/search/schema.py)
PAGE = 20
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Row:
    """One figure beside its anchor."""

    name: str
    value: float
    unit: str
    anchor: str
    anchor_value: float | None
    ratio: float | None
    target: str | None
    met: bool | None


def make_row(
    name: str,
    value: float,
    unit: str,
    anchor: str,
    anchor_value: float | None,
    target: str | None = None,
    check: Callable[[float, float | None], bool] | None = None,
) -> Row:
    ratio = value / anchor_value if anchor_value else None
    met = check(value, ratio) if check is not None else None
    return Row(name, value, unit, anchor, anchor_value, ratio, target, met)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


@contextmanager
def timed(into: list[float]) -> Iterator[None]:
    gc.collect()
    start = time.perf_counter()
    yield
    into.append(time.perf_counter() - start)


# -- machine ---------------------------------------------------------------------------


def machine_facts(n: int, seed: int) -> dict[str, object]:
    from PySide6 import QtCore

    try:
        cpus_usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cpus_usable = os.cpu_count() or 0

    def version(dist: str) -> str:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "notices": n,
        "seed": seed,
        "date": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "cpus_usable": cpus_usable,
        "cpu": platform.processor() or platform.machine(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "qt": QtCore.qVersion(),
        "pyside6": version("PySide6-Essentials"),
        "sqlalchemy": version("SQLAlchemy"),
        "libzim": version("libzim"),
        "loadavg_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


# -- search ----------------------------------------------------------------------------


def bare_expr(query: str) -> str:
    """The query folded and split into words, each quoted: all must match."""
    words = _WORD.findall(search_mod.fold_text(query))
    return " AND ".join('"' + w + '"' for w in words)


@dataclass
class SearchTimes:
    ours: list[float]
    rank: list[float]
    bare: list[float]
    top: dict[str, list[str]]


def time_search(archive: Archive, rounds: int) -> SearchTimes:
    """Our `search` (snippets included), its ranking alone (`ranked_ids`) and a
    bare MATCH, interleaved, per query."""
    sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT {PAGE}"
    ours: list[float] = []
    rank: list[float] = []
    bare: list[float] = []
    top: dict[str, list[str]] = {}
    with archive.reading() as session:
        conn = session.connection()
        for query, _kind in QUERIES:  # warm the page cache and the statement cache
            top[query] = [h.id for h in search_mod.search(session, query, limit=PAGE)]
            if search_mod.ranked_ids(session, query, limit=PAGE) != top[query]:
                raise RuntimeError(f"ranked_ids and search disagree on {query!r}")
            conn.exec_driver_sql(sql, (bare_expr(query),)).fetchall()
        gc.collect()
        for _ in range(rounds):
            for query, _kind in QUERIES:
                expr = bare_expr(query)
                a = time.perf_counter()
                search_mod.search(session, query, limit=PAGE)
                b = time.perf_counter()
                conn.exec_driver_sql(sql, (expr,)).fetchall()
                c = time.perf_counter()
                search_mod.ranked_ids(session, query, limit=PAGE)
                d = time.perf_counter()
                ours.append((b - a) * 1000)
                bare.append((c - b) * 1000)
                rank.append((d - c) * 1000)
    return SearchTimes(ours, rank, bare, top)


def expected_matches(
    all_notices: Sequence[generate.Notice], queries: Sequence[str]
) -> dict[str, set[str]]:
    """For each query, the visible notices whose folded words include all its words."""
    wanted = {q: set(_WORD.findall(search_mod.fold_text(q))) for q in queries}
    found: dict[str, set[str]] = {q: set() for q in queries}
    for notice in all_notices:
        if notice.withdrawn:
            continue
        words = set(_WORD.findall(search_mod.fold_text(notice.text())))
        for q, terms in wanted.items():
            if terms <= words:
                found[q].add(notice.id)
    return found


def recall_at(top: Sequence[str], expected: set[str], k: int = PAGE) -> float:
    return len(set(top[:k]) & expected) / min(k, len(expected))


# -- window ----------------------------------------------------------------------------


def compile_bytecode() -> None:
    """Compile the app's modules to bytecode, as installing it does.

    pip and PyInstaller both ship .pyc files, so a clerk's window never
    compiles its source at start. A run from a source tree with
    PYTHONDONTWRITEBYTECODE set (some CI machines) would compile every module
    on every cold start: ~35 ms that no installed copy pays.
    """
    for package in ("desktop", "db"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def probe(
    mode: str, out: Path, data_dir: Path | None = None, ids: Path | None = None
) -> dict[str, Any]:
    cmd = [sys.executable, str(ROOT / "bench" / "window_probe.py"), mode, "--out", str(out)]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    if ids is not None:
        cmd += ["--ids", str(ids)]
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


# -- the run ---------------------------------------------------------------------------


def run(args: argparse.Namespace, work: Path) -> tuple[list[Row], dict[str, object]]:
    n, seed = args.notices, args.seed
    facts = machine_facts(n, seed)
    rows: list[Row] = []
    small = n <= 10_000
    repeat = args.repeat or (3 if small else 1)

    log(f"source folder: {n} notices, seed {seed} (cache {args.cache})")
    t0 = time.perf_counter()
    src = generate.cached_source(args.cache, n, seed)
    facts["generate_s"] = round(time.perf_counter() - t0, 1)
    facts["source_bytes"] = src.bytes

    key, public, _key_id = keys.generate_keypair(work / "keys")
    bundle = work / "full.bangtin"

    log("build: bundle vs zip of the folder")
    builds: list[float] = []
    zips: list[float] = []
    for i in range(repeat):
        with timed(zips):
            zip_folder(src.root, work / "source.zip")
        # The bundle kept is the last one built: the key's state remembers the
        # last build of sequence 1, which a delta names as its base.
        out = bundle if i == repeat - 1 else work / f"again-{i}.bangtin"
        with timed(builds):
            built = build_bundle(src.root, key, PUBLISHER, out, sequence=1)
        if out != bundle:
            out.unlink()
    bundle_bytes = built.size
    zip_bytes = (work / "source.zip").stat().st_size
    (work / "source.zip").unlink()
    rows.append(make_row("build", min(builds), "s", "zip -r of the source folder", min(zips)))

    log("import: the full bundle vs raw sqlite3 executemany of the same rows")
    imports: list[float] = []
    limits: list[float] = []
    archive: Archive | None = None
    for i in range(repeat):
        if archive is not None:
            archive.close()
        folder = work / f"archive-{i}"
        archive = trusted_archive(folder, public)
        with timed(imports):
            result = import_bundle(archive, bundle)
        assert result.status == "imported", result
        plan = raw_rows(archive.db_path)
        limits.append(raw_insert(work / f"raw-{i}", plan))
        del plan
        shutil.rmtree(work / f"raw-{i}")
        if i < repeat - 1:
            archive.close()
            archive = None
            shutil.rmtree(folder)
    assert archive is not None
    facts["imported"] = asdict(result)
    facts["archive_bytes"] = archive.db_path.stat().st_size
    first_import = min(imports)
    rows.append(
        make_row(
            "import",
            first_import,
            "s",
            "raw sqlite3 executemany of the same rows + FTS rows, one transaction",
            min(limits),
            "≤ 3× anchor",
            lambda _v, r: r is not None and r <= 3,
        )
    )

    log("reimport: the same bundle again")
    again: list[float] = []
    for _ in range(max(repeat, 3)):
        with timed(again):
            status = import_bundle(archive, bundle).status
        assert status == "already", status
    rows.append(
        make_row(
            "reimport",
            min(again),
            "s",
            "first import",
            first_import,
            "≤ 0.1× anchor",
            lambda _v, r: r is not None and r <= 0.1,
        )
    )

    log("search: our search() vs a bare FTS5 MATCH")
    rounds = args.rounds or (20 if small else 10)
    times = time_search(archive, rounds)
    p50, p95 = percentile(times.ours, 50), percentile(times.ours, 95)
    b50, b95 = percentile(times.bare, 50), percentile(times.bare, 95)
    r50, r95 = percentile(times.rank, 50), percentile(times.rank, 95)
    rows.append(make_row("search_p50", p50, "ms", "bare FTS5 MATCH p50", b50))
    rows.append(
        make_row(
            "search_p95",
            p95,
            "ms",
            "bare FTS5 MATCH p95",
            b95,
            "≤ 20 ms",
            lambda v, _r: v <= 20,
        )
    )
    rows.append(make_row("search_rank_p50", r50, "ms", "bare FTS5 MATCH p50", b50))
    rows.append(
        make_row(
            "search_rank_p95",
            r95,
            "ms",
            "bare FTS5 MATCH p95",
            b95,
            "≤ 1.5× anchor",
            lambda _v, r: r is not None and r <= 1.5,
        )
    )
    facts["search_by_kind"] = _by_kind(times)

    zim_path = work / "notices.zim"
    zim_rows: list[Row] = []
    if not args.no_zim:
        log("libzim: building a ZIM of the same notices")
        all_notices = list(generate.notices(n, seed))  # made once, outside the timing
        zim_build: list[float] = []
        with timed(zim_build):
            articles = build_zim(zim_path, all_notices)
        facts["zim_articles"] = articles
        zim_bytes = zim_path.stat().st_size
        rows.append(make_row("build_vs_zim", min(builds), "s", "libzim ZIM build", zim_build[0]))
        log("libzim: search")
        ztimes, ztop = time_libzim(zim_path, rounds)
        z50, z95 = percentile(ztimes, 50), percentile(ztimes, 95)
        zim_rows.append(make_row("search_p50_vs_libzim", p50, "ms", "libzim search p50", z50))
        zim_rows.append(make_row("search_p95_vs_libzim", p95, "ms", "libzim search p95", z95))
        log("recall on queries typed without diacritics")
        folded = folded_queries()
        expected = expected_matches(all_notices, folded)
        del all_notices
        ours_r, zim_r, per_query = [], [], {}
        for q in folded:
            if not expected[q]:
                continue
            a, b = recall_at(times.top[q], expected[q]), recall_at(ztop[q], expected[q])
            ours_r.append(a)
            zim_r.append(b)
            per_query[q] = {"expected": len(expected[q]), "ours": a, "libzim": b}
        facts["recall_by_query"] = per_query
        zim_rows.append(
            make_row(
                "recall_folded",
                statistics.mean(ours_r),
                "recall@20",
                "libzim recall@20",
                statistics.mean(zim_r),
            )
        )
    rows.extend(zim_rows)

    rows.extend(office.measure(archive, n, seed, work, make_row, facts))  # bench/office.py
    log("delta: 1% of the notices revised, built with since=")
    delta_src = work / "delta-src"
    stats = generate.write_delta(delta_src, n, seed)
    delta_bundle = work / "delta.bangtin"
    build_bundle(delta_src, key, PUBLISHER, delta_bundle, since=1)
    deltas: list[float] = []
    with timed(deltas):
        result = import_bundle(archive, delta_bundle)
    assert result.status == "imported", result
    facts["delta"] = {**asdict(result), "notices": stats.notices}
    rows.append(make_row("delta", deltas[0], "s", "first import", first_import))

    rows.append(
        make_row(
            "bundle_size", bundle_bytes / 1e6, "MB", "source files", src.bytes / 1e6, None, None
        )
    )
    if not args.no_zim:
        rows.append(
            make_row("bundle_size_vs_zim", bundle_bytes / 1e6, "MB", "ZIM", zim_bytes / 1e6)
        )
    rows.append(
        make_row(
            "archive_size",
            facts["archive_bytes"] / 1e6,  # type: ignore[operator]
            "MB",
            "source files",
            src.bytes / 1e6,
        )
    )
    facts["source_zip_bytes"] = zip_bytes

    ids_file = work / "ids.json"
    ids_file.write_text(json.dumps(sample_ids(archive, args.opens, seed)), encoding="utf-8")
    data_dir = archive.data_dir
    archive.close()

    log(f"window: {args.probe_runs} cold starts each, bare window and the reader")
    compile_bytecode()
    probe("bare", work / "warm-bare.json")  # one of each first, so both find the same disk cache
    probe("app", work / "warm-app.json", data_dir)
    bare_runs, app_runs = [], []
    for i in range(args.probe_runs):
        bare_runs.append(probe("bare", work / f"bare-{i}.json"))
        last = i == args.probe_runs - 1
        app_runs.append(probe("app", work / f"app-{i}.json", data_dir, ids_file if last else None))
    bare_paint = statistics.median(float(r["first_paint"]) for r in bare_runs)
    app_paint = statistics.median(float(r["first_paint"]) for r in app_runs)
    app_content = statistics.median(float(r["first_content"]) for r in app_runs)
    bare_rss = statistics.median(int(r["rss_idle"]) for r in bare_runs) / 2**20
    app_rss = statistics.median(int(r["rss_idle"]) for r in app_runs) / 2**20
    opens = [float(x) for x in app_runs[-1]["opens"]]
    rows.append(
        make_row(
            "first_paint",
            app_paint,
            "ms",
            "bare PySide6 QMainWindow, same start",
            bare_paint,
            "≤ 2× anchor",
            lambda _v, r: r is not None and r <= 2,
        )
    )
    rows.append(make_row("first_content", app_content, "ms", "bare QMainWindow", bare_paint))
    rows.append(
        make_row(
            "open_p95",
            percentile(opens, 95),
            "ms",
            "open p50",
            percentile(opens, 50),
            "≤ 50 ms",
            lambda v, _r: v <= 50,
        )
    )
    rows.append(
        make_row(
            "rss",
            app_rss,
            "MB",
            "bare QMainWindow RSS",
            bare_rss,
            "≤ 300 MB",
            lambda v, _r: v <= 300,
        )
    )
    facts["window"] = {
        "bare_first_paint_ms": [r["first_paint"] for r in bare_runs],
        "app_first_paint_ms": [r["first_paint"] for r in app_runs],
        "app_first_content_ms": [r["first_content"] for r in app_runs],
        "opens": len(opens),
        "open_max_ms": max(opens),
        "rss_after_opens_mb": int(app_runs[-1]["rss_after_opens"]) / 2**20,
    }
    facts["loadavg_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    order = [
        "import",
        "reimport",
        "delta",
        "search_p50",
        "search_p95",
        "search_rank_p50",
        "search_rank_p95",
        "search_p50_vs_libzim",
        "search_p95_vs_libzim",
        "recall_folded",
        "first_paint",
        "first_content",
        "open_p95",
        "rss",
        "build",
        "build_vs_zim",
        "bundle_size",
        "bundle_size_vs_zim",
        "archive_size",
    ]
    rows.sort(key=lambda r: order.index(r.name) if r.name in order else len(order))
    return rows, facts


def _by_kind(times: SearchTimes) -> dict[str, dict[str, float]]:
    per: dict[str, tuple[list[float], list[float], list[float]]] = {}
    kinds = [kind for _q, kind in QUERIES]
    for i, (ours, rank, bare) in enumerate(zip(times.ours, times.rank, times.bare, strict=True)):
        kind = kinds[i % len(kinds)]
        per.setdefault(kind, ([], [], []))
        per[kind][0].append(ours)
        per[kind][1].append(rank)
        per[kind][2].append(bare)
    return {
        kind: {
            "ours_p50": percentile(o, 50),
            "ours_p95": percentile(o, 95),
            "rank_p50": percentile(r, 50),
            "rank_p95": percentile(r, 95),
            "bare_p50": percentile(b, 50),
            "bare_p95": percentile(b, 95),
        }
        for kind, (o, r, b) in per.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "bangtin-bench-cache",
        help="where generated source folders are kept, by N and seed",
    )
    parser.add_argument("--work", type=Path, help="work here and keep it (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=0, help="build/import repeats (best kept)")
    parser.add_argument("--rounds", type=int, default=0, help="passes over the query set")
    parser.add_argument("--probe-runs", type=int, default=5)
    parser.add_argument("--opens", type=int, default=100)
    parser.add_argument("--no-zim", action="store_true", help="skip libzim (not installed)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
        rows, facts = run(args, args.work)
    else:
        with tempfile.TemporaryDirectory(prefix="bangtin-bench-") as tmp:
            rows, facts = run(args, Path(tmp))
    facts["run_s"] = round(time.perf_counter() - started, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(
        json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    (args.out / "facts.json").write_text(
        json.dumps(facts, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
    )
    (args.out / "results.md").write_text(markdown(rows, facts), encoding="utf-8")
    print(markdown(rows, facts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
