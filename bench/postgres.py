"""The PostgreSQL archive's import and search, each beside its anchor, on a throwaway cluster.

    python bench/postgres.py --notices 100000 --out bench/results-postgresql

Starts a cluster of its own (`initdb` in a temporary folder, a Unix socket
there only, as tests/helpers/postgres.py starts the tests'), generates (or
reuses) the source folder of bench/run.py for N and seed, builds its bundle
and measures:

- import: `import_bundle` of the full bundle into a fresh PostgreSQL archive
  (verify, stage, one transaction, the search index), beside the anchor: a
  psycopg ``COPY`` of the same notices' (id, title, body, number, date) into
  a plain table of a fresh database, then a GIN index on
  ``to_tsvector('simple', title || ' ' || body)``, in one transaction: no
  Bảng Tin code or schema. The client's CPU time of the import goes into
  the facts (``pg_import_client_cpu_s``): the server makes the tsvectors
  meanwhile, so the client sets the pace.
- search: `db.search.search(session, q, limit=20)`, snippets included, and
  `ranked_ids`, over bench/queries.py, beside a bare
  ``SELECT … WHERE main_tsv @@ q LIMIT 20`` on the same index and connection
  (every word folded, all required), interleaved.
- with ``--corpus zipf``, the source folder and queries of bench/corpus2.py
  instead (a different vocabulary and lengths: run.py's second corpus).
- with ``--sqlite``, the same bundle imported into a SQLite archive and
  searched in the same run, and how many queries have the same first result
  and the same first 20 on both engines.

Writes OUT/results.json, OUT/results.md and OUT/facts.json as bench/run.py does.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/postgres.py`
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from bench import corpus2, generate  # noqa: E402
from bench.anchors import trusted_archive  # noqa: E402
from bench.queries import QUERIES  # noqa: E402
from bench.report import markdown, percentile  # noqa: E402
from bench.run import (  # noqa: E402
    PUBLISHER,
    Row,
    cpu_stolen_s,
    log,
    machine_facts,
    make_row,
    stolen_share,
)
from db import search, store  # noqa: E402
from db.archive import Archive, open_archive  # noqa: E402
from db.search.pgquery import folded_tsq  # noqa: E402
from db.search.query import parse  # noqa: E402
from desktop.bundles import keys  # noqa: E402
from desktop.bundles.builder import build_bundle  # noqa: E402
from desktop.bundles.importer import import_bundle  # noqa: E402
from tests.helpers.postgres import database_url, start_cluster, stop_cluster  # noqa: E402

PAGE = 20
_RAW_TABLE = "CREATE TABLE raw (id text, title text, body text, number text, published bigint)"
_RAW_INDEX = "CREATE INDEX raw_words ON raw USING gin (to_tsvector('simple', title || ' ' || body))"


def _create(admin: str, name: str) -> str:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return database_url(admin, name)


def server_archive(folder: Path, url: str, public_key: Path) -> Archive:
    archive = open_archive(folder, url=url)
    raw, _comment = keys.load_public_key(public_key)
    with archive.writing() as session:
        store.add_trusted_key(session, keys.key_id(raw), raw, "bench", datetime.now(UTC))
    return archive


def raw_copy(archive_url: str, anchor_url: str) -> float:
    """The anchor of import: COPY of the notices' rows and a GIN index, in seconds."""
    with psycopg.connect(archive_url) as src:
        rows = src.execute(
            "SELECT id, title, body_markdown, number, published FROM notice"
        ).fetchall()
    gc.collect()
    with psycopg.connect(anchor_url) as conn:
        start = time.perf_counter()
        with conn.transaction():
            conn.execute(_RAW_TABLE)
            with conn.cursor().copy(
                "COPY raw (id, title, body, number, published) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
            conn.execute(_RAW_INDEX)
        return time.perf_counter() - start


def time_search(archive: Archive, rounds: int, queries: list[tuple[str, str]]) -> dict[str, Any]:
    """Ours with snippets, its ranking alone and a bare tsquery, interleaved (ms)."""
    ours: list[float] = []
    rank: list[float] = []
    bare: list[float] = []
    by_kind: dict[str, list[float]] = {}
    top: dict[str, list[str]] = {}
    with archive.reading() as session:
        db: Any = session.connection().connection.driver_connection
        sql = "SELECT rank_key FROM search_main WHERE main_tsv @@ %s::tsquery LIMIT 20"
        for query, _kind in queries:  # warm the server's caches and prepared statements
            top[query] = [h.id for h in search.search(session, query, limit=PAGE)]
            if search.ranked_ids(session, query, limit=PAGE) != top[query]:
                raise RuntimeError(f"ranked_ids and search disagree on {query!r}")
        gc.collect()
        for _ in range(rounds):
            for query, kind in queries:
                tsq = folded_tsq(parse(query + " "))
                a = time.perf_counter()
                search.search(session, query, limit=PAGE)
                b = time.perf_counter()
                db.execute(sql, (tsq,)).fetchall()
                c = time.perf_counter()
                search.ranked_ids(session, query, limit=PAGE)
                d = time.perf_counter()
                ours.append((b - a) * 1000)
                bare.append((c - b) * 1000)
                rank.append((d - c) * 1000)
                by_kind.setdefault(kind, []).append((b - a) * 1000)
    return {"ours": ours, "rank": rank, "bare": bare, "by_kind": by_kind, "top": top}


def sqlite_search(archive: Archive, rounds: int, queries: list[tuple[str, str]]) -> dict[str, Any]:
    ours: list[float] = []
    top: dict[str, list[str]] = {}
    with archive.reading() as session:
        for query, _kind in queries:
            top[query] = [h.id for h in search.search(session, query, limit=PAGE)]
        gc.collect()
        for _ in range(rounds):
            for query, _kind in queries:
                a = time.perf_counter()
                search.search(session, query, limit=PAGE)
                ours.append((time.perf_counter() - a) * 1000)
    return {"ours": ours, "top": top}


def run(args: argparse.Namespace, work: Path) -> tuple[list[Row], dict[str, object]]:
    n, seed = args.notices, args.seed
    rounds = args.rounds or (20 if n <= 10_000 else 10)
    facts = machine_facts(n, seed)
    facts["engine"] = "postgresql"
    facts["corpus"] = args.corpus
    portal = args.corpus == "portal"
    queries = QUERIES if portal else corpus2.queries(seed)
    rows: list[Row] = []
    log(f"source folder: {n} notices of {args.corpus}, seed {seed}")
    src = (generate if portal else corpus2).cached_source(args.cache, n, seed)
    key, public, _key_id = keys.generate_keypair(work / "keys")
    bundle = work / "full.bangtin"
    build_bundle(src.root, key, PUBLISHER, bundle, sequence=1)

    # Beside the work folder, not in it: the cluster may run as another user
    # (when the bench runs as root), who must reach its folder.
    cluster = Path(tempfile.mkdtemp(prefix="bangtin-pgbench-"))
    admin = start_cluster(cluster)
    try:
        with psycopg.connect(admin) as conn:
            facts["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
        archive_url = _create(admin, "bench_archive")
        anchor_url = _create(admin, "bench_raw")
        log("import: the full bundle vs COPY of the same rows + a GIN index")
        archive = server_archive(work / "local", archive_url, public)
        gc.collect()
        cpu = time.process_time()
        start = time.perf_counter()
        result = import_bundle(archive, bundle)
        imported = time.perf_counter() - start
        # The client's own CPU: while the server makes the tsvectors in
        # parallel, the client sets the import's pace.
        facts["pg_import_client_cpu_s"] = round(time.process_time() - cpu, 1)
        assert result.status == "imported", result
        facts["imported"] = asdict(result)
        limit = raw_copy(archive_url, anchor_url)
        rows.append(
            make_row(
                "pg_import",
                imported,
                "s",
                "psycopg COPY of (id, title, body, number, date) + GIN tsvector index",
                limit,
                "≤ 3× anchor",
                lambda _v, r: r is not None and r <= 3,
            )
        )
        with psycopg.connect(archive_url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
            size = conn.execute("SELECT pg_database_size(current_database())").fetchone()
            facts["archive_bytes"] = size[0] if size else None
        if args.import_only:
            archive.close()
            return rows, facts

        log(f"search: {rounds} rounds of {len(queries)} queries")
        times = time_search(archive, rounds, queries)
        archive.close()
        bare50, bare95 = percentile(times["bare"], 50), percentile(times["bare"], 95)
        rows += [
            make_row(
                "pg_search_p50", percentile(times["ours"], 50), "ms", "bare tsquery p50", bare50
            ),
            make_row(
                "pg_search_p95",
                percentile(times["ours"], 95),
                "ms",
                "bare tsquery p95",
                bare95,
                "≤ 30 ms",
                lambda v, _r: v <= 30,
            ),
            make_row(
                "pg_search_rank_p50",
                percentile(times["rank"], 50),
                "ms",
                "bare tsquery p50",
                bare50,
            ),
            make_row(
                "pg_search_rank_p95",
                percentile(times["rank"], 95),
                "ms",
                "bare tsquery p95",
                bare95,
            ),
        ]
        facts["pg_search_by_kind"] = {
            kind: {"p50": percentile(v, 50), "p95": percentile(v, 95)}
            for kind, v in times["by_kind"].items()
        }
        if args.sqlite:
            log("the same bundle into SQLite, searched the same way")
            lite = trusted_archive(work / "sqlite", public)
            start = time.perf_counter()
            assert import_bundle(lite, bundle).status == "imported"
            facts["sqlite_import_s"] = round(time.perf_counter() - start, 1)
            other = sqlite_search(lite, rounds, queries)
            lite.close()
            p95 = percentile(other["ours"], 95)
            rows.append(
                make_row(
                    "pg_search_p95_vs_sqlite",
                    percentile(times["ours"], 95),
                    "ms",
                    "SQLite search p95, same run",
                    p95,
                )
            )
            same_top = sum(times["top"][q][:1] == other["top"][q][:1] for q, _ in queries)
            same_page = sum(times["top"][q] == other["top"][q] for q in times["top"])
            facts["engines_same_first"] = f"{same_top} of {len(queries)}"
            facts["engines_same_page"] = f"{same_page} of {len(queries)}"
            facts["sqlite_search_p50"] = statistics.median(other["ours"])
    finally:
        stop_cluster(cluster)
    return rows, facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "bangtin-bench-cache"
    )
    parser.add_argument("--rounds", type=int, default=0, help="passes over the query set")
    parser.add_argument(
        "--corpus",
        choices=("portal", "zipf"),
        default="portal",
        help="bench/generate.py (portal) or bench/corpus2.py (zipf)",
    )
    parser.add_argument("--sqlite", action="store_true", help="SQLite beside it, same bundle")
    parser.add_argument(
        "--import-only", action="store_true", help="the import and its anchor, no search"
    )
    args = parser.parse_args(argv)
    started, stolen = time.perf_counter(), cpu_stolen_s()
    with tempfile.TemporaryDirectory(prefix="bangtin-pgbench-") as tmp:
        rows, facts = run(args, Path(tmp))
    facts["run_s"] = round(time.perf_counter() - started, 1)
    facts["cpu_stolen_share"] = stolen_share(stolen, facts["run_s"])
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
    print(
        json.dumps(
            {k: facts[k] for k in facts if k.startswith(("pg_search_by", "engines", "sqlite"))},
            indent=1,
            default=str,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
