"""Relevance: a judged query set over a citing corpus, ours beside libzim and plain bm25.

    python bench/relevance.py --notices 10000 --out bench/results

Builds the corpus of `bench/citing.py` into a fresh archive (the store and
the index, as an import leaves them) and into a ZIM, asks each query of the
judged set of three rankers in the same run, and prints MRR@10 and NDCG@10
per kind of query:

- ours: `db.search.ranked_ids` (relevance order); when it offers a spelling
  (`db.search.suggest`), the results of the spelling, as a clerk who clicks
  "Có phải bạn muốn tìm" gets them;
- bm25: the same archive's FTS5 index, every word folded and quoted, all
  required, ``ORDER BY bm25(search_main)`` (SQLite's own ranking);
- libzim: Kiwix's engine (Xapian) on a ZIM of the same notices, the query as
  typed.

Judgments come from the corpus: 2 = the document meant, 1 = relevant (the
notices of its family, or the main documents of the same topic). A query
whose meant document is not unique in the corpus counts every such
document as meant. bench/README.md lists the kinds.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/relevance.py`
    sys.path.insert(0, str(ROOT))

from bench.citing import corpus  # noqa: E402
from bench.generate import Notice  # noqa: E402
from bench.judged import (  # noqa: E402
    KINDS,
    TARGET_NDCG_VS_LIBZIM,
    TARGET_REF_MRR,
    WORD,
    Judged,
    K,
    judged_set,
)
from bench.report import percentile  # noqa: E402
from db import search  # noqa: E402
from db.archive import Archive, open_archive  # noqa: E402
from db.records import NoticeRecord  # noqa: E402
from db.store import apply_notices, ensure_categories, ensure_publisher  # noqa: E402


def mrr(ranked: Sequence[str], grades: dict[str, int]) -> float:
    for i, nid in enumerate(ranked[:K]):
        if grades.get(nid) == 2:
            return 1 / (i + 1)
    return 0.0


def ndcg(ranked: Sequence[str], grades: dict[str, int]) -> float:
    def dcg(gains: Sequence[int]) -> float:
        return float(sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:K])))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(nid, 0) for nid in ranked]) / ideal if ideal else 0.0


# -- the rankers ---------------------------------------------------------------------------


def build_archive(folder: Path, notices: Sequence[Notice]) -> Archive:
    archive = open_archive(folder)
    records = [
        NoticeRecord(
            id=n.id,
            title=n.title,
            category=n.category,
            published=n.published,
            body_markdown=n.body,
            number=n.number,
            doc_type=n.doc_type,
            issuer=n.issuer,
            summary=n.summary,
        )
        for n in notices
    ]
    with archive.writing() as session:
        ensure_publisher(session, "bench", "Bench")
        cats = ensure_categories(session, sorted({r.category for r in records}))
        changed: list[str] = []
        for start in range(0, len(records), 2000):
            counts = apply_notices(session, "bench", records[start : start + 2000], [], cats)
            changed.extend(counts.changed_ids)
        search.update_index(session, changed, [])
    return archive


def ours(archive: Archive) -> Callable[[str], list[str]]:
    def run(query: str) -> list[str]:
        with archive.reading() as session:
            mended = search.suggest(session, query)
            return search.ranked_ids(session, mended or query, limit=K)

    return run


def bm25(archive: Archive) -> Callable[[str], list[str]]:
    sql = (
        "SELECT k.notice_id FROM search_main JOIN search_key AS k ON k.rowid = search_main.rowid "
        "WHERE search_main MATCH ? ORDER BY bm25(search_main) LIMIT ?"
    )

    def run(query: str) -> list[str]:
        words = WORD.findall(search.fold_text(query.casefold()))
        if not words:
            return []
        expr = " AND ".join('"' + w + '"' for w in words)
        with archive.reading() as session:
            rows = session.connection().exec_driver_sql(sql, (expr, K)).fetchall()
        return [r[0] for r in rows]

    return run


def libzim(path: Path) -> Callable[[str], list[str]]:
    from libzim.reader import Archive as ZimArchive
    from libzim.search import Query, Searcher

    searcher = Searcher(ZimArchive(str(path)))

    def run(query: str) -> list[str]:
        return list(searcher.search(Query().set_query(query)).getResults(0, K))

    return run


# -- timing ---------------------------------------------------------------------------------


def time_search(count: int, rounds: int, work: Path) -> str:
    """Search p50/p95 (snippets included) at *count* notices of bench/generate.py,
    beside a bare MATCH, interleaved; the queries of bench/queries.py and of the
    judged set."""
    from bench import generate
    from bench.queries import QUERIES

    started = time.perf_counter()
    folder = work / "timing"
    if (folder / "archive.sqlite3").is_file():  # kept by an earlier run with --work
        archive = open_archive(folder)
    else:
        archive = build_archive(folder, list(generate.notices(count, 7)))
    built = time.perf_counter() - started
    standard = [q for q, _kind in QUERIES]
    queries = standard + [j.query for j in judged_set(corpus(3000, 11), 11)]
    bare_sql = "SELECT rowid FROM search_main WHERE search_main MATCH ? LIMIT 20"
    ours: list[float] = []
    ranking: list[float] = []
    bare: list[float] = []
    ours_standard: list[float] = []
    slowest: dict[str, float] = {}
    with archive.reading() as session:
        conn = session.connection()
        for q in queries:  # warm the page cache
            search.search(session, q)
        for _ in range(rounds):
            for q in queries:
                words = WORD.findall(search.fold_text(q.casefold()))
                expr = " AND ".join('"' + w + '"' for w in words)
                a = time.perf_counter()
                search.search(session, q)
                b = time.perf_counter()
                conn.exec_driver_sql(bare_sql, (expr,)).fetchall()
                c = time.perf_counter()
                search.ranked_ids(session, q)
                d = time.perf_counter()
                ours.append((b - a) * 1000)
                if q in standard:
                    ours_standard.append((b - a) * 1000)
                bare.append((c - b) * 1000)
                ranking.append((d - c) * 1000)
                slowest[q] = max(slowest.get(q, 0.0), (b - a) * 1000)
    archive.close()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    worst = sorted(slowest.items(), key=lambda kv: -kv[1])[:5]
    lines = [
        f"## Search time: {count:,} notices of bench/generate.py, {len(queries)} queries "
        f"× {rounds} rounds (index built in {built:.0f} s; load average {load})",
        "",
        "| figure | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|",
    ]
    for name, values in (
        ("search, snippets included", ours),
        ("the same, bench/queries.py only", ours_standard),
        ("ranking alone (ranked_ids)", ranking),
        ("bare MATCH … LIMIT 20", bare),
    ):
        lines.append(
            f"| {name} | {percentile(values, 50):.2f} | {percentile(values, 95):.2f} | "
            f"{max(values):.2f} |"
        )
    lines += ["", "Slowest queries (ms): " + "; ".join(f"`{q}` {t:.1f}" for q, t in worst)]
    return "\n".join(lines) + "\n"


# -- the run --------------------------------------------------------------------------------


@dataclass
class Row:
    kind: str
    queries: int
    mrr: dict[str, float]
    ndcg: dict[str, float]


def evaluate(
    judged: Sequence[Judged], rankers: dict[str, Callable[[str], list[str]]]
) -> tuple[list[Row], list[dict[str, object]]]:
    per: dict[str, dict[str, tuple[list[float], list[float]]]] = defaultdict(dict)
    details: list[dict[str, object]] = []
    for j in judged:
        entry: dict[str, object] = {
            "query": j.query,
            "kind": j.kind,
            "meant": sorted(k for k, g in j.grades.items() if g == 2),
        }
        for name, rank in rankers.items():
            top = rank(j.query)
            m, n = mrr(top, j.grades), ndcg(top, j.grades)
            for kind in (j.kind, "all"):
                lists = per[kind].setdefault(name, ([], []))
                lists[0].append(m)
                lists[1].append(n)
            entry[name] = {"mrr": round(m, 3), "ndcg": round(n, 3), "top": top[:5]}
        details.append(entry)
    rows = []
    for kind in (*KINDS, "all"):
        if kind not in per:
            continue
        values = per[kind]
        count = len(next(iter(values.values()))[0])
        rows.append(
            Row(
                kind,
                count,
                {name: statistics.mean(v[0]) for name, v in values.items()},
                {name: statistics.mean(v[1]) for name, v in values.items()},
            )
        )
    return rows, details


def table(rows: Sequence[Row], names: Sequence[str]) -> str:
    head = "| kind | queries | " + " | ".join(f"MRR@10 {n}" for n in names) + " | "
    head += " | ".join(f"NDCG@10 {n}" for n in names) + " |"
    lines = [head, "|---|---:|" + "---:|" * (2 * len(names))]
    for r in rows:
        cells = [f"{r.mrr[n]:.3f}" for n in names] + [f"{r.ndcg[n]:.3f}" for n in names]
        kind = f"**{r.kind}**" if r.kind == "all" else r.kind
        lines.append(f"| {kind} | {r.queries} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, help="write relevance.md and relevance.json here")
    parser.add_argument("--work", type=Path, help="build here and keep it (default: a temp dir)")
    parser.add_argument("--no-zim", action="store_true", help="skip libzim (not installed)")
    parser.add_argument(
        "--time",
        type=int,
        default=0,
        metavar="N",
        help="only time search at N notices of bench/generate.py (no relevance table)",
    )
    parser.add_argument("--rounds", type=int, default=5, help="passes over the queries, --time")
    args = parser.parse_args(argv)
    if args.time:
        with tempfile.TemporaryDirectory(prefix="bangtin-timing-") as tmp:
            text = time_search(args.time, args.rounds, args.work or Path(tmp))
        print(text)
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "search-time.md").write_text(text, encoding="utf-8")
        return 0

    started = time.perf_counter()
    data = corpus(args.notices, args.seed)
    judged = judged_set(data, args.seed)
    print(f"{len(data.notices)} notices, {len(data.families)} families, {len(judged)} queries")
    with tempfile.TemporaryDirectory(prefix="bangtin-relevance-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        archive = build_archive(work / "archive", data.notices)
        rankers = {"ours": ours(archive), "bm25": bm25(archive)}
        if not args.no_zim:
            from bench.run import build_zim

            zim = work / "notices.zim"
            if zim.exists():
                zim.unlink()
            build_zim(zim, data.notices)
            rankers["libzim"] = libzim(zim)
        rows, details = evaluate(judged, rankers)
        archive.close()
    names = list(rankers)
    report = table(rows, names)
    overall = next(r for r in rows if r.kind == "all")
    ref = next((r for r in rows if r.kind == "reference"), None)
    lines = [
        f"# Relevance: {len(judged)} judged queries, "
        f"{len(data.notices):,} notices (seed {args.seed})",
        "",
        report,
        "",
    ]
    if ref is not None:
        met = ref.mrr["ours"] >= TARGET_REF_MRR
        lines.append(
            f"- MRR@10 on references: {ref.mrr['ours']:.3f} "
            f"(target ≥ {TARGET_REF_MRR}: {'met' if met else 'NOT met'})"
        )
    if "libzim" in names:
        ratio = overall.ndcg["ours"] / overall.ndcg["libzim"]
        met = ratio >= TARGET_NDCG_VS_LIBZIM
        lines.append(
            f"- NDCG@10 overall: {overall.ndcg['ours']:.3f}, {ratio:.2f}× libzim's "
            f"{overall.ndcg['libzim']:.3f} "
            f"(target ≥ {TARGET_NDCG_VS_LIBZIM}×: {'met' if met else 'NOT met'})"
        )
    lines.append(f"- run: {time.perf_counter() - started:.0f} s")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "relevance.md").write_text(text, encoding="utf-8")
        (args.out / "relevance.json").write_text(
            json.dumps(
                {"rows": [asdict(r) for r in rows], "queries": details},
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
