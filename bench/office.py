"""The office views at N notices: validity, the incoming register, the deadlines.

Each figure is an operation the window or the command line runs
(`desktop.ops.*`, and the register and to-do views' loaders), timed
interleaved with its anchor: bare stdlib `sqlite3` statements on plain
tables of the same notices (`doc`, `rel`, `reg`), made here from the
generated notices themselves, so the anchor shares neither our code nor our
schema. bench/README.md says which target each row is held to.

Run by bench/run.py on its archive, or alone:

    python bench/office.py --notices 10000 --out bench/results --work /tmp/office

(alone it builds the bundle and imports it, keeping both in --work for the next run).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/office.py`
    sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402
from bench.officegen import AS_OF  # noqa: E402
from bench.report import percentile  # noqa: E402

if TYPE_CHECKING:
    from bench.run import Row
    from db.archive import Archive

#: make_row of bench/run.py (passed in: run.py imports this module).
MakeRow = Callable[..., "Row"]
PAGE = 200  # desktop.ops.reading.PAGE_SIZE: rows per page of the notice list
SAMPLES = 60
LIST_TARGET_MS = 50.0  # the open target: what a click waits for

PLAIN_SCHEMA = """
CREATE TABLE doc (id TEXT PRIMARY KEY, title TEXT, number TEXT, doc_type TEXT, issuer TEXT,
  summary TEXT, category TEXT, published INTEGER, effective TEXT, expires TEXT,
  deadline TEXT, urgency TEXT, withdrawn INTEGER, body TEXT);
CREATE INDEX doc_published ON doc (withdrawn, published, id);
CREATE INDEX doc_deadline ON doc (deadline);
CREATE INDEX doc_expires ON doc (expires);
CREATE TABLE rel (source TEXT, relation TEXT, target TEXT, PRIMARY KEY (source, relation, target));
CREATE INDEX rel_target ON rel (target);
CREATE INDEX rel_relation ON rel (relation);
CREATE TABLE reg (year INTEGER, num INTEGER, notice_id TEXT UNIQUE, received_at INTEGER,
  assigned_to TEXT, handed_over TEXT, note TEXT, status TEXT, PRIMARY KEY (year, num));
"""

# -- the anchor's plain tables -------------------------------------------------------------


def plain_archive(path: Path, n: int, seed: int, year: int) -> sqlite3.Connection:
    """The plain tables of the generated notices, register lines numbered in *year*."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.executescript(PLAIN_SCHEMA)
    docs, rels, regs = [], [], []
    received = int(datetime.now(UTC).timestamp())
    for notice in generate.notices(n, seed):
        o = notice.office
        docs.append(
            (
                notice.id,
                notice.title,
                notice.number,
                notice.doc_type,
                notice.issuer,
                notice.summary,
                notice.category,
                int(notice.published.timestamp()),
                o.effective and o.effective.isoformat(),
                o.expires and o.expires.isoformat(),
                o.deadline and o.deadline.isoformat(),
                o.urgency,
                int(notice.withdrawn),
                notice.body,
            )
        )
        rels.extend((notice.id, kind, t) for kind, ids in o.relations for t in ids)
        if notice.number and not notice.withdrawn:
            regs.append((year, len(regs) + 1, notice.id, received, None, None, None, "received"))
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO doc VALUES ({','.join('?' * 14)})", docs)
    conn.executemany("INSERT INTO rel VALUES (?, ?, ?)", rels)
    conn.executemany("INSERT INTO reg VALUES (?, ?, ?, ?, ?, ?, ?, ?)", regs)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    return conn


_PAGE_SQL = (
    "SELECT id, title, number, published, category, urgency, effective, expires FROM doc "
    "WHERE withdrawn = 0 ORDER BY published DESC, id DESC LIMIT ? OFFSET ?"
)
#: What a status needs of the notices that relate to a page: their kind and start.
_TOWARD_SQL = (
    "SELECT r.target, r.relation, s.effective, s.published, s.withdrawn FROM rel r "
    "JOIN doc s ON s.id = r.source WHERE r.target IN ({})"
)


def bare_page(conn: sqlite3.Connection, offset: int) -> None:
    rows = conn.execute(_PAGE_SQL, (PAGE, offset)).fetchall()
    ids = [r[0] for r in rows]
    conn.execute(_TOWARD_SQL.format(",".join("?" * len(ids))), ids).fetchall()


def bare_notice(conn: sqlite3.Connection, notice_id: str, body: bool) -> None:
    cols = "*" if body else "id, title, number, doc_type, effective, expires, published"
    conn.execute(f"SELECT {cols} FROM doc WHERE id = ?", (notice_id,)).fetchone()
    out = conn.execute("SELECT relation, target FROM rel WHERE source = ?", (notice_id,))
    into = conn.execute("SELECT relation, source FROM rel WHERE target = ?", (notice_id,))
    others = [r[1] for r in out.fetchall()] + [r[1] for r in into.fetchall()]
    conn.execute(
        "SELECT id, title, number, doc_type, effective, published, withdrawn FROM doc "
        f"WHERE id IN ({','.join('?' * len(others))})",
        others,
    ).fetchall()


#: The notices out of force on a day, as anyone would write it on plain tables.
_ENDED = """
WITH ended(id) AS (
  SELECT id FROM doc WHERE withdrawn = 0 AND expires <= :day
  UNION
  SELECT r.target FROM rel r JOIN doc s ON s.id = r.source
  WHERE r.relation IN ('replaces', 'repeals') AND s.withdrawn = 0
    AND coalesce(s.effective, date(s.published, 'unixepoch', '+7 hours')) <= :day)
"""


def bare_expired(conn: sqlite3.Connection) -> int:
    """The status filter's first page and count, "Hết hiệu lực toàn bộ"."""
    day = {"day": AS_OF.isoformat()}
    conn.execute(
        _ENDED + "SELECT id, title, number, published, category, urgency FROM doc "
        "WHERE withdrawn = 0 AND id IN ended ORDER BY published DESC, id DESC LIMIT 200",
        day,
    ).fetchall()
    total: int = conn.execute(
        _ENDED + "SELECT count(*) FROM doc WHERE withdrawn = 0 AND id IN ended", day
    ).fetchone()[0]
    return total


_REG_SQL = (
    "SELECT g.year, g.num, g.received_at, g.notice_id, d.issuer, d.number, d.doc_type, "
    "d.title, d.summary, g.assigned_to, g.handed_over, g.note, g.status, d.withdrawn, "
    "d.deadline, d.urgency FROM reg g JOIN doc d ON d.id = g.notice_id WHERE g.year = ? "
    "ORDER BY g.num"
)


def bare_register_view(conn: sqlite3.Connection, year: int) -> int:
    """What the view opens on: the years, the year's count and its last PAGE lines."""
    conn.execute("SELECT DISTINCT year FROM reg ORDER BY year DESC").fetchall()
    conn.execute("SELECT count(*) FROM reg WHERE year = ?", (year,)).fetchone()
    last = _REG_SQL.replace("ORDER BY g.num", "ORDER BY g.num DESC LIMIT ?")
    return len(conn.execute(last, (year, PAGE)).fetchall())


def bare_register_block(conn: sqlite3.Connection, year: int, offset: int) -> int:
    """PAGE lines from *offset* on, by number: the numbers of a year have no gap."""
    block = _REG_SQL.replace("WHERE g.year = ?", "WHERE g.year = ? AND g.num > ? AND g.num <= ?")
    return len(conn.execute(block, (year, offset, offset + PAGE)).fetchall())


def bare_register_year(conn: sqlite3.Connection, year: int) -> int:
    return len(conn.execute(_REG_SQL, (year,)).fetchall())


def bare_set(conn: sqlite3.Connection, year: int, number: int, who: str) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "UPDATE reg SET assigned_to = ?, status = 'in_progress' WHERE year = ? AND num = ?",
        (who, year, number),
    )
    conn.execute("COMMIT")
    conn.execute("SELECT * FROM reg WHERE year = ? AND num = ?", (year, number)).fetchone()


_TODO_FROM = (
    "FROM doc d LEFT JOIN reg g ON g.notice_id = d.id WHERE d.deadline IS NOT NULL "
    "AND d.withdrawn = 0 AND (g.status IS NULL OR g.status != 'done')"
)
_TODO_SQL = (
    "SELECT d.id, d.title, d.number, d.deadline, d.urgency, g.status, g.year, g.num "
    + _TODO_FROM
    + " ORDER BY d.deadline, d.id"
)


def bare_todo(conn: sqlite3.Connection, limit: int | None) -> int:
    """The to-do list: all of it, or its count, overdue count and first *limit* items."""
    if limit is None:
        return len(conn.execute(_TODO_SQL).fetchall())
    conn.execute(
        "SELECT count(*), sum(d.deadline < ?) " + _TODO_FROM, (AS_OF.isoformat(),)
    ).fetchone()
    return len(conn.execute(_TODO_SQL + " LIMIT ?", (limit,)).fetchall())


# -- timing ----------------------------------------------------------------------------------


def interleaved(
    cases: Sequence[Any], ours: Callable[[Any], object], bare: Callable[[Any], object]
) -> tuple[list[float], list[float]]:
    """Each case by ours, then by the anchor, in ms; one warm-up pass first."""
    for case in cases[:3]:
        ours(case)
        bare(case)
    gc.collect()
    a_ms, b_ms = [], []
    for case in cases:
        t0 = time.perf_counter()
        ours(case)
        t1 = time.perf_counter()
        bare(case)
        t2 = time.perf_counter()
        a_ms.append((t1 - t0) * 1000)
        b_ms.append((t2 - t1) * 1000)
    return a_ms, b_ms


#: p50 of each p95 row, ours and the anchor's: on a loaded machine p95 is the noise's.
MEDIANS: dict[str, tuple[float, float]] = {}


def _p95_row(
    make_row: MakeRow,
    name: str,
    times: tuple[list[float], list[float]],
    anchor: str,
    target: str,
    check: Callable[[float, float | None], bool],
) -> Row:
    ours, bare = times
    MEDIANS[name] = (round(percentile(ours, 50), 2), round(percentile(bare, 50), 2))
    return make_row(name, percentile(ours, 95), "ms", anchor, percentile(bare, 95), target, check)


def _within(limit_ms: float) -> Callable[[float, float | None], bool]:
    return lambda v, _r: v <= limit_ms


def _ratio(limit: float) -> Callable[[float, float | None], bool]:
    return lambda _v, r: r is not None and r <= limit


def measure(
    archive: Archive, n: int, seed: int, work: Path, make_row: MakeRow, facts: dict[str, Any]
) -> list[Row]:
    """The office rows on *archive*, which holds the generated notices of (n, seed)."""
    from desktop.ops import lookup, reading
    from desktop.ops import register as reg_ops
    from desktop.ops import validity as val_ops
    from desktop.ui.registermodel import BLOCK, load_lines, load_page
    from desktop.ui.todoview import PAGE as TODO_PAGE
    from desktop.ui.todoview import load_todo

    print(f"[{time.strftime('%H:%M:%S')}] office views: validity, register, to-do", flush=True)
    archive.as_of = AS_OF  # the corpus's last day: bench/officegen.py
    rng = random.Random(f"{seed}:office")
    years = reg_ops.register_years(archive)
    year = years[0]
    plain_path = work / "plain-office.sqlite"
    plain_path.unlink(missing_ok=True)
    conn = plain_archive(plain_path, n, seed, year)
    office: dict[str, Any] = {"as_of": AS_OF.isoformat(), "register_year": year}
    facts["office"] = office
    rows: list[Row] = []
    try:
        visible = conn.execute("SELECT count(*) FROM doc WHERE withdrawn = 0").fetchone()[0]
        pages = max(1, visible // PAGE)
        offsets = [0, *(PAGE * rng.randrange(pages) for _ in range(SAMPLES - 1))]
        page_anchor = "bare SELECT of the page + the relations toward it, plain tables"
        times = interleaved(
            offsets,
            lambda o: reading.list_page(archive, reading.ListQuery(), o),
            lambda o: bare_page(conn, o),
        )
        rows.append(
            _p95_row(
                make_row,
                "list_page_status_p95",
                times,
                page_anchor,
                f"≤ {LIST_TARGET_MS:.0f} ms",
                _within(LIST_TARGET_MS),
            )
        )
        times = interleaved(
            list(range(12)),
            lambda _i: lookup.list_details(archive, None, PAGE, AS_OF),
            lambda _i: bare_page(conn, 0),
        )
        rows.append(
            _p95_row(
                make_row,
                "list_json_page_p95",
                times,
                page_anchor,
                f"≤ {LIST_TARGET_MS:.0f} ms",
                _within(LIST_TARGET_MS),
            )
        )

        relating = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM doc WHERE withdrawn = 0 AND (id IN (SELECT source FROM rel) "
                "OR id IN (SELECT target FROM rel)) ORDER BY id"
            )
        ]
        office["notices_with_relations"] = len(relating)
        chosen = rng.sample(relating, min(SAMPLES, len(relating)))
        times = interleaved(
            chosen,
            lambda i: val_ops.notice_validity(archive, i),
            lambda i: bare_notice(conn, i, body=False),
        )
        notice_anchor = "bare SELECT of the row, its relations both ways and their rows"
        rows.append(
            _p95_row(
                make_row,
                "notice_validity_p95",
                times,
                notice_anchor,
                "≤ 50 ms",
                _within(50),
            )
        )
        times = interleaved(
            chosen,
            lambda i: lookup.notice(archive, i, AS_OF),
            lambda i: bare_notice(conn, i, body=True),
        )
        rows.append(
            _p95_row(
                make_row,
                "show_json_p95",
                times,
                notice_anchor + ", body included",
                "≤ 50 ms",
                _within(50),
            )
        )

        expired = reading.ListQuery(status="expired")
        found: list[int] = []
        times = interleaved(
            list(range(12)),
            lambda _i: found.append(reading.list_page(archive, expired, 0).total),
            lambda _i: found.append(-bare_expired(conn)),
        )
        office["expired"] = {"ours": found[0], "anchor": -found[1]}
        rows.append(
            _p95_row(
                make_row,
                "status_filter_page_p95",
                times,
                "bare SQL of the expired set's first page and count, plain tables",
                f"≤ {LIST_TARGET_MS:.0f} ms",
                _within(LIST_TARGET_MS),
            )
        )
        for status in val_ops.STATUSES:
            t0 = time.perf_counter()
            total = reading.list_page(archive, reading.ListQuery(status=status), 0).total
            office[f"status_{status}"] = {
                "notices": total,
                "first_page_ms": (time.perf_counter() - t0) * 1000,
            }

        total: list[int] = []
        times = interleaved(
            list(range(12)),
            lambda _i: total.append(load_page(archive, year, None).total),
            lambda _i: bare_register_view(conn, year),
        )
        office["register_lines"] = total[0]
        rows.append(
            _p95_row(
                make_row,
                "register_view_p95",
                times,
                "bare SELECT of the years, the year's count and its last 200 lines",
                f"≤ {LIST_TARGET_MS:.0f} ms",
                _within(LIST_TARGET_MS),
            )
        )
        blocks = [BLOCK * rng.randrange(max(1, total[0] // BLOCK)) for _ in range(SAMPLES)]
        times = interleaved(
            blocks,
            lambda o: load_lines(archive, year, None, o),
            lambda o: bare_register_block(conn, year, o),
        )
        rows.append(
            _p95_row(
                make_row,
                "register_scroll_p95",
                times,
                "bare SELECT of 200 lines by number, joined to their notices",
                f"≤ {LIST_TARGET_MS:.0f} ms",
                _within(LIST_TARGET_MS),
            )
        )
        times = interleaved(
            list(range(6)),
            lambda _i: reg_ops.list_register(archive, year),
            lambda _i: bare_register_year(conn, year),
        )
        rows.append(
            make_row(
                "register_year",
                statistics.median(times[0]),
                "ms",
                "bare SELECT of the whole year's lines joined to their notices",
                statistics.median(times[1]),
                "≤ 3× anchor",
                _ratio(3),
            )
        )
        numbers = rng.sample(range(1, total[0] + 1), min(SAMPLES, total[0]))
        times = interleaved(
            numbers,
            lambda k: reg_ops.set_register(
                archive, year, k, assigned_to="Văn phòng", status="in_progress"
            ),
            lambda k: bare_set(conn, year, k, "Văn phòng"),
        )
        rows.append(
            _p95_row(
                make_row,
                "register_set_p95",
                times,
                "bare UPDATE of the line in its own transaction (WAL, synchronous=FULL)",
                "≤ 50 ms",
                _within(50),
            )
        )

        items: list[tuple[int, int]] = []
        times = interleaved(
            list(range(12)),
            lambda _i: items.append(((page := load_todo(archive)).total, page.overdue)),
            lambda _i: bare_todo(conn, TODO_PAGE),
        )
        office["todo_items"], office["todo_overdue"] = items[0]
        rows.append(
            _p95_row(
                make_row,
                "todo_view_p95",
                times,
                "bare SELECT of the count and first 200 notices with a deadline not done",
                f"≤ {LIST_TARGET_MS:.0f} ms",
                _within(LIST_TARGET_MS),
            )
        )
        times = interleaved(
            list(range(6)),
            lambda _i: reg_ops.todo_list(archive, AS_OF),
            lambda _i: bare_todo(conn, None),
        )
        rows.append(
            make_row(
                "todo_all",
                statistics.median(times[0]),
                "ms",
                "bare SELECT of every notice with a deadline not done, by deadline",
                statistics.median(times[1]),
                "≤ 3× anchor",
                _ratio(3),
            )
        )
    finally:
        conn.close()
        plain_path.unlink(missing_ok=True)
    office["p50_ms_ours_anchor"] = dict(MEDIANS)
    return rows


# -- alone -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    from bench import run
    from bench.report import markdown
    from desktop.bundles import keys
    from desktop.bundles.builder import build_bundle
    from desktop.bundles.importer import import_bundle

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "bangtin-bench-cache"
    )
    parser.add_argument("--work", type=Path, required=True, help="the archive is kept here")
    args = parser.parse_args(argv)
    n, seed, work = args.notices, args.seed, args.work / f"n{args.notices}-s{args.seed}"
    work.mkdir(parents=True, exist_ok=True)
    facts = run.machine_facts(n, seed)
    folder = work / "archive"
    if not (work / "imported").is_file():
        from bench.anchors import trusted_archive

        run.log(f"source folder, bundle and import: {n} notices")
        src = generate.cached_source(args.cache, n, seed)
        key, public, _id = keys.generate_keypair(work / "keys")
        bundle = work / "full.bangtin"
        build_bundle(src.root, key, run.PUBLISHER, bundle, sequence=1)
        archive = trusted_archive(folder, public)
        assert import_bundle(archive, bundle).status == "imported"
        (work / "imported").write_text("imported\n", encoding="utf-8")
    else:
        from db.archive import open_archive

        archive = open_archive(folder, create=False)
    try:
        rows = measure(archive, n, seed, work, run.make_row, facts)
    finally:
        archive.close()
    facts["loadavg_end"] = run.os.getloadavg()
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"office-{n}"
    stem.with_suffix(".json").write_text(
        json.dumps(
            {"rows": [run.asdict(r) for r in rows], "facts": facts},
            ensure_ascii=False,
            indent=2,
            default=str,
        )
        + "\n",
        encoding="utf-8",
    )
    text = markdown(rows, facts).replace("# Benchmark results", "# Office views")
    text += "\n## Office views\n\n" + "\n".join(
        f"- {k}: {json.dumps(v, ensure_ascii=False, default=str)}"
        for k, v in facts["office"].items()
    )
    stem.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
