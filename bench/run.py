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
import gc
import importlib.metadata
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/run.py`
    sys.path.insert(0, str(ROOT))

from bench import bare, corpus2, generate, office  # noqa: E402
from bench.anchors import trusted_archive, zip_folder  # noqa: E402
from bench.measure import run_child  # noqa: E402
from bench.queries import QUERIES, folded_queries  # noqa: E402
from bench.report import markdown, percentile  # noqa: E402
from bench.windowrun import sample_ids, window_rows  # noqa: E402
from bench.zimanchor import build_zim, time_libzim  # noqa: E402
from db import search as search_mod  # noqa: E402
from db.archive import Archive, open_archive  # noqa: E402
from desktop.bundles import keys  # noqa: E402
from desktop.bundles.builder import build_bundle  # noqa: E402
from desktop.bundles.importer import import_bundle  # noqa: E402

PUBLISHER = "Sở Thông tin và Truyền thông tỉnh Sơn Hà"
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


def cpu_stolen_s() -> float | None:
    """CPU seconds the machine's host has kept from its CPUs since boot (Linux's
    ``steal`` in /proc/stat), or None where it is not told: on a shared virtual
    machine, what a run lost to its neighbours."""
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError, AttributeError):
        return None


def stolen_share(start: float | None, wall_s: float) -> float | None:
    """The share of the CPUs' time stolen since *start* (`cpu_stolen_s`), over *wall_s*."""
    end = cpu_stolen_s()
    if start is None or end is None or wall_s <= 0:
        return None
    return round((end - start) / (wall_s * (os.cpu_count() or 1)), 3)


# -- search ----------------------------------------------------------------------------


@dataclass
class SearchTimes:
    ours: list[float]
    rank: list[float]
    bare: list[float]
    bm25: list[float]
    top: dict[str, list[str]]


def time_search(
    archive: Archive, bare_dir: Path, rounds: int, queries: Sequence[tuple[str, str]]
) -> SearchTimes:
    """Our `search` (snippets included), its ranking alone (`ranked_ids`), a
    bare MATCH on the bare import's FTS5 table and the same ordered by bm25,
    interleaved, per query."""
    bare_conn = bare.connect(bare_dir)
    ours: list[float] = []
    rank: list[float] = []
    bare_ms: list[float] = []
    bm25: list[float] = []
    top: dict[str, list[str]] = {}
    with archive.reading() as session:
        for query, _kind in queries:  # warm the page cache and the statement cache
            top[query] = [h.id for h in search_mod.search(session, query, limit=PAGE)]
            if search_mod.ranked_ids(session, query, limit=PAGE) != top[query]:
                raise RuntimeError(f"ranked_ids and search disagree on {query!r}")
            bare.bare_search(bare_conn, bare.bare_expr(query))
            bare.bare_ranked(bare_conn, bare.bare_expr(query))
        gc.collect()
        for _ in range(rounds):
            for query, _kind in queries:
                expr = bare.bare_expr(query)
                a = time.perf_counter()
                search_mod.search(session, query, limit=PAGE)
                b = time.perf_counter()
                bare.bare_search(bare_conn, expr)
                c = time.perf_counter()
                search_mod.ranked_ids(session, query, limit=PAGE)
                d = time.perf_counter()
                bare.bare_ranked(bare_conn, expr)
                e = time.perf_counter()
                ours.append((b - a) * 1000)
                bare_ms.append((c - b) * 1000)
                rank.append((d - c) * 1000)
                bm25.append((e - d) * 1000)
    bare_conn.close()
    return SearchTimes(ours, rank, bare_ms, bm25, top)


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


# -- the run ---------------------------------------------------------------------------


def run(args: argparse.Namespace, work: Path) -> tuple[list[Row], dict[str, object]]:
    n, seed = args.notices, args.seed
    facts = machine_facts(n, seed)
    rows: list[Row] = []
    small = n <= 10_000
    repeat = args.repeat or (3 if small else 1)

    portal = args.corpus == "portal"
    facts["corpus"] = args.corpus
    queries = QUERIES if portal else corpus2.queries(seed)
    log(f"source folder: {n} notices of {args.corpus}, seed {seed} (cache {args.cache})")
    t0 = time.perf_counter()
    src = (generate if portal else corpus2).cached_source(args.cache, n, seed)
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
        built = run_child("build", src.root, key, out)  # its own process: its peak RSS
        builds.append(built["seconds"])
        if out != bundle:
            out.unlink()
    bundle_bytes = built["size"]
    zip_bytes = (work / "source.zip").stat().st_size
    (work / "source.zip").unlink()
    rows.append(make_row("build", min(builds), "s", "zip -r of the source folder", min(zips)))
    rows.append(
        make_row(
            "build_rss",
            built["peak_rss"] / 2**20,
            "MB",
            "–",
            None,
            "≤ 300 MB",
            lambda v, _r: v <= 300,
        )
    )

    log("import: the full bundle vs the bare import of the same notices")
    bare_rows = list(bare.source_rows(src.root))  # read before any clock starts
    imports: list[dict[str, float]] = []
    anchors: list[float] = []
    for i in range(repeat):
        folder = work / f"archive-{i}"
        trusted_archive(folder, public).close()
        imports.append(run_child("import", folder, bundle))  # its own process: RSS, disk
        assert imports[-1]["status"] == "imported", imports[-1]
        shutil.rmtree(work / "bare", ignore_errors=True)
        anchors.append(bare.bare_import(work / "bare", bare_rows))
        if i < repeat - 1:
            shutil.rmtree(folder)
    del bare_rows
    archive = open_archive(folder)
    best = min(imports, key=lambda r: r["seconds"])
    facts["imported"] = imports
    facts["archive_bytes"] = archive.db_path.stat().st_size
    facts["bare_bytes"] = (work / "bare" / bare.BARE_DB).stat().st_size
    first_import = best["seconds"]
    rows.append(
        make_row(
            "import",
            first_import,
            "s",
            "bare import: executemany into one table + one FTS5 table, one transaction",
            min(anchors),
            "≤ 3× anchor",
            lambda _v, r: r is not None and r <= 3,
        )
    )
    rows.append(
        make_row(
            "import_rss",
            max(r["peak_rss"] for r in imports) / 2**20,
            "MB",
            "–",
            None,
            "≤ 300 MB",
            lambda v, _r: v <= 300,
        )
    )
    rows.append(
        make_row(
            "import_disk",
            max(r["peak_disk"] for r in imports) / 1e6,
            "MB",
            "final data folder",
            best["final_disk"] / 1e6,
            "≤ 1.3× anchor",
            lambda _v, r: r is not None and r <= 1.3,
        )
    )
    if args.memory:
        # Build and import only: their memory at sizes where the rest of the
        # run would take hours (bench/results/scaling.md).
        archive.close()
        facts["loadavg_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
        return rows, facts

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
    times = time_search(archive, work / "bare", rounds, queries)
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
            "≤ 10 ms",
            lambda v, _r: v <= 10,
        )
    )
    rows.append(
        make_row(
            "search_p99",
            percentile(times.ours, 99),
            "ms",
            "bare FTS5 MATCH p99",
            percentile(times.bare, 99),
            "≤ 25 ms",
            lambda v, _r: v <= 25,
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
    # No target: what the ranking costs beside a bare query that ranks too.
    rows.append(
        make_row(
            "search_rank_p95_vs_bm25",
            r95,
            "ms",
            "bare FTS5 MATCH by bm25 p95",
            percentile(times.bm25, 95),
        )
    )
    facts["search_by_kind"] = _by_kind(times, queries)

    zim_path = work / "notices.zim"
    zim_rows: list[Row] = []
    if not args.no_zim and portal:
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

    if portal:  # the office views and the delta use notices of bench/generate.py
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
    if not args.no_zim and portal:
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
            "≤ 2.5× anchor",
            lambda _v, r: r is not None and r <= 2.5,
        )
    )
    facts["source_zip_bytes"] = zip_bytes

    ids = sample_ids(archive, args.opens, seed)
    data_dir = archive.data_dir
    archive.close()

    log(f"window: {args.probe_runs} cold starts each, bare window and the reader")
    window, facts["window"] = window_rows(make_row, work, data_dir, ids, args.probe_runs)
    rows.extend(window)
    facts["loadavg_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    order = [
        "import",
        "import_rss",
        "import_disk",
        "reimport",
        "delta",
        "search_p50",
        "search_p95",
        "search_p99",
        "search_rank_p50",
        "search_rank_p95",
        "search_rank_p95_vs_bm25",
        "search_p50_vs_libzim",
        "search_p95_vs_libzim",
        "recall_folded",
        "first_paint",
        "first_content",
        "first_content_unclean",
        "open_p95",
        "rss",
        "build",
        "build_rss",
        "build_vs_zim",
        "bundle_size",
        "bundle_size_vs_zim",
        "archive_size",
    ]
    rows.sort(key=lambda r: order.index(r.name) if r.name in order else len(order))
    return rows, facts


def _by_kind(times: SearchTimes, queries: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    per: dict[str, tuple[list[float], list[float], list[float], list[float]]] = {}
    kinds = [kind for _q, kind in queries]
    timed_rows = zip(times.ours, times.rank, times.bare, times.bm25, strict=True)
    for i, (ours, rank, b, bm) in enumerate(timed_rows):
        kind = kinds[i % len(kinds)]
        per.setdefault(kind, ([], [], [], []))
        per[kind][0].append(ours)
        per[kind][1].append(rank)
        per[kind][2].append(b)
        per[kind][3].append(bm)
    return {
        kind: {
            "ours_p50": percentile(o, 50),
            "ours_p95": percentile(o, 95),
            "rank_p50": percentile(r, 50),
            "rank_p95": percentile(r, 95),
            "bare_p50": percentile(b, 50),
            "bare_p95": percentile(b, 95),
            "bm25_p50": percentile(m, 50),
            "bm25_p95": percentile(m, 95),
        }
        for kind, (o, r, b, m) in per.items()
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
    parser.add_argument(
        "--memory",
        action="store_true",
        help="build and import only, beside their anchors (their time, memory and disk)",
    )
    parser.add_argument(
        "--corpus",
        choices=("portal", "zipf"),
        default="portal",
        help="bench/generate.py (portal) or bench/corpus2.py (zipf: no delta, no libzim)",
    )
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
