"""Migrating the search index: an old archive comes out searching as a new one does.

Revision 0003 fills the index with its own frozen copy of the index code, so
these tests are what ties that copy to the live `db.search`: an archive
migrated from 0001 or 0002 must hold the same index, and give the same
results, snippets and scores, as one that had the same notices imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from db import search
from db.archive import DB_NAME, Archive, _alembic_config, make_engine, open_archive, upgrade
from db.records import ImportCounts, NoticeRecord
from db.search.text import inflate
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ
from tests.helpers.notices import PUBLISHER, at, notice, withdrawal

BODY = """# Kế hoạch

Theo đề nghị của công dân, **Ủy ban** nhân dân phường tổ chức
[đăng ký](https://dichvucong.gov.vn/dang-ky) kết hôn tại bộ phận một cửa.

- Tuyến đường Nguyễn Trãi, phường Dương Nội
- Hạn chót: 30/6

| Hạng mục | Kinh phí |
|----------|----------|
| Phòng chống dịch | 120 triệu |

---

<small>Nơi nhận: như trên</small>
"""

LONG = " ".join(["Thông tin chung về tình hình kinh tế xã hội của phường."] * 12)

CORPUS: tuple[NoticeRecord, ...] = (
    notice(
        "ke-hoach",
        title="Kế hoạch phòng chống dịch bệnh năm 2023",
        body_markdown=BODY,
        summary="Tóm tắt:  kế hoạch   của phường.",
        number="54/KH-UBND",
        doc_type="Kế hoạch",
        issuer="UBND phường",
        category="Văn bản/Kế hoạch",
        days=3,
    ),
    notice(
        "quyet-dinh",
        title="Quyết định về việc thu phí vệ sinh",
        body_markdown="Phí thu trên tuyến đường Dương Quảng Hàm và đường 54.",
        number="123/QĐ-UBND",
        doc_type="Quyết định",
        issuer="UBND quận",
        days=2,
    ),
    # Text whose folding changes its length, and text that is not Latin.
    notice(
        "lich-tiep",
        title="Thông báo lịch tiếp công dân",
        body_markdown="Đoàn Straße, ﬁle đính kèm, İstanbul, ǅemal, 漢字 và Ωmega.",
        category="Tin tức",
        published=at(1),
    ),
    # Published in the same second as the one before: one block, two rowids.
    notice(
        "lich-hop",
        title="Thông báo lịch họp tổ dân phố",
        body_markdown=LONG + " Đăng ký kết hôn tại phường. " + LONG,
        category="Tin tức/Địa phương",
        published=at(1),
    ),
    notice(
        "sac-lenh",
        title="Sắc lệnh số 1",
        body_markdown="Toàn dân đoàn kết.",
        published=datetime(1945, 9, 2, 9, tzinfo=VN_TZ),
    ),
    notice(
        "tuong-lai",
        title="Kế hoạch dài hạn",
        body_markdown="Kế hoạch cho thế kỷ sau.",
        published=datetime(2600, 1, 1, 8, tzinfo=VN_TZ),
    ),
    notice("thu-hoi", title="Lễ hội pháo hoa Đà Nẵng", withdrawn=True),
)
CATEGORIES = sorted({n.category for n in CORPUS})
# A withdrawal of a notice the archive never had: a row without content.
WITHDRAWALS = (withdrawal("chua-co", 4),)

QUERIES = (
    "ke hoach",
    "kế hoạch phòng",
    "Kế hoạch ",
    "54/KH-UBND",
    "54 kh ubnd",
    "54",
    "123/qđ",
    "thu phi",
    "đường",
    "duong",
    "dang ky ket hon",
    '"lich tiep"',
    '"thong bao lich',
    "thong",
    "strasse",
    "file",
    "istanbul",
    "漢字",
    "omega",
    "sac lenh",
    "da nang",
    "noi nhan",
    "kinh phi",
    "tinh hinh kinh te",
)
FILTERS = (
    search.SearchFilter(),
    search.SearchFilter(category="Văn bản"),
    search.SearchFilter(category="Tin tức"),
    search.SearchFilter(date_from=date(1900, 1, 1), date_to=at(2).date()),
    search.SearchFilter(date_to=date(1950, 1, 1)),
    search.SearchFilter(doc_type="ke hoach"),
    search.SearchFilter(issuer="UBND quận"),
)


def _write(session: Session) -> ImportCounts:
    ensure_publisher(session, PUBLISHER, "UBND xã Demo")
    ids = ensure_categories(session, CATEGORIES)
    return apply_notices(session, PUBLISHER, CORPUS, WITHDRAWALS, ids)


def _old_archive(folder: Path, start: str) -> None:
    """An archive left at revision *start* by an older Bảng Tin, holding CORPUS.

    CORPUS is written by today's store and then stepped down to *start*:
    writing into the old schema with today's code would use tables that
    revision never had (the downgrades put the rows where it kept them).
    """
    folder.mkdir()
    engine = make_engine(folder / DB_NAME)
    try:
        upgrade(engine)
        with Session(engine) as session, session.begin():
            _write(session)
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), start)
        with Session(engine) as session, session.begin():
            if start == "0002":
                # Archives that reached 0002 had these tables filled: 0003 drops them.
                session.execute(text("INSERT INTO search_key VALUES (1, 'ke-hoach', 1, '', '')"))
                session.execute(text("INSERT INTO search_main (rowid, title) VALUES (1, 'cu')"))
                session.execute(text("INSERT INTO search_term VALUES ('cu')"))
    finally:
        engine.dispose()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Archive]:
    """A new archive with CORPUS imported the way the importer does it."""
    arch = open_archive(tmp_path / "fresh")
    with arch.writing() as session:
        counts = _write(session)
        search.update_index(session, counts.changed_ids, counts.removed_ids)
    yield arch
    arch.close()


def _index_rows(session: Session) -> tuple[object, ...]:
    schema = session.execute(
        text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'search%' ORDER BY name")
    ).all()
    keys = session.execute(text("SELECT * FROM search_key ORDER BY rowid")).all()
    main = session.execute(text("SELECT rowid, * FROM search_main ORDER BY rowid")).all()
    title = session.execute(text("SELECT rowid, * FROM search_title ORDER BY rowid")).all()
    number = session.execute(text("SELECT rowid, * FROM search_number ORDER BY rowid")).all()
    terms = session.execute(text("SELECT term FROM search_term ORDER BY term")).all()
    texts = session.execute(text("SELECT * FROM search_text ORDER BY rowid")).all()
    return (schema, keys, main, title, number, terms, texts)


def _results(archive: Archive) -> dict[tuple[str, int], tuple[object, ...]]:
    """Every query under every filter: the hits as shown, their order, and the count."""
    found: dict[tuple[str, int], tuple[object, ...]] = {}
    with archive.reading() as session:
        for query in QUERIES:
            for i, where in enumerate(FILTERS):
                hits = [
                    (h.id, h.title, h.published, h.number, h.category, h.snippet, h.spans, h.score)
                    for h in search.search(session, query, where, limit=50)
                ]
                ranked = search.ranked_ids(session, query, where, limit=50)
                found[query, i] = (hits, ranked, search.count_matches(session, query, where))
    return found


@pytest.mark.parametrize("start", ["0001", "0002"])
def test_a_migrated_archive_searches_as_a_new_one(
    tmp_path: Path, fresh: Archive, start: str
) -> None:
    _old_archive(tmp_path / "old", start)
    migrated = open_archive(tmp_path / "old")
    try:
        with migrated.reading() as old, fresh.reading() as new:
            assert _index_rows(old) == _index_rows(new)
        results = _results(migrated)
        assert results == _results(fresh)
    finally:
        migrated.close()
    # Not an empty comparison: the corpus is found, and the withdrawn notice is not.
    assert results["54 kh ubnd", 0][1][:1] == ["ke-hoach"]
    assert results["strasse", 0][1] == ["lich-tiep"]
    assert results["da nang", 0][1] == []
    assert sum(1 for hits, _ranked, _count in results.values() if hits) >= 40


@pytest.mark.parametrize("start", ["0001", "0002"])
def test_the_migrated_index_is_what_rebuild_index_makes(tmp_path: Path, start: str) -> None:
    _old_archive(tmp_path / "old", start)
    archive = open_archive(tmp_path / "old")
    try:
        with archive.reading() as session:
            migrated = _index_rows(session)
            assert search.ranked_ids(session, "dang ky") == ["ke-hoach", "lich-hop"]
        with archive.writing() as session:
            assert search.rebuild_index(session) == len(CORPUS) - 1
        with archive.reading() as session:
            assert _index_rows(session) == migrated
    finally:
        archive.close()


def test_downgrading_drops_the_index(fresh: Archive) -> None:
    with fresh.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0001")
    with fresh.reading() as session:
        names = set(
            session.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'search%'"))
            .scalars()
            .all()
        )
        assert names == set()
        assert session.execute(text("SELECT count(*) FROM notice")).scalar() == len(CORPUS) + 1


def test_an_archive_at_0008_is_upgraded_in_place(tmp_path: Path, fresh: Archive) -> None:
    """0011 turns the 0003 layout (tables with their own content) into the lean one."""
    _old_archive(tmp_path / "old", "0002")
    engine = make_engine(tmp_path / "old" / DB_NAME)
    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "0008")  # 0003 fills the old layout
            assert conn.exec_driver_sql("SELECT count(*) FROM search_main_content").scalar()
    finally:
        engine.dispose()
    archive = open_archive(tmp_path / "old")
    try:
        assert _results(archive) == _results(fresh)
        with archive.reading() as session, fresh.reading() as other:
            assert _index_rows(session) == _index_rows(other)
        # Deleting from a contentless table takes the values it was indexed
        # with: a notice indexed by the migration leaves no word behind.
        newer = notice(
            "ke-hoach",
            title="Kế hoạch mới",
            body_markdown="Nội dung khác hẳn.",
            category="Văn bản/Kế hoạch",
            days=3,
            revision_days=9,
        )
        with archive.writing() as session:
            ids = ensure_categories(session, [newer.category])
            counts = apply_notices(session, PUBLISHER, [newer], [], ids)
            search.update_index(session, counts.changed_ids, counts.removed_ids)
        with archive.reading() as session:
            assert search.ranked_ids(session, "phong chong dich") == []
            assert search.ranked_ids(session, "noi dung khac") == ["ke-hoach"]
            stale = session.execute(
                text("SELECT count(*) FROM search_main WHERE search_main MATCH 'phong'")
            ).scalar()
            assert stale == 0
    finally:
        archive.close()


def test_the_index_keeps_no_second_copy_of_the_text(fresh: Archive) -> None:
    with fresh.reading() as session:
        names = set(
            session.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'search%'"))
            .scalars()
            .all()
        )
        assert not {"search_main_content", "search_title_content", "search_number_content"} & names
        plain = inflate(
            session.execute(
                text(
                    "SELECT t.plain_z FROM search_text AS t JOIN search_key AS k "
                    "ON k.rowid = t.rowid WHERE k.notice_id = 'ke-hoach'"
                )
            ).scalar_one()
        )
    # Stripped of its Markdown once, at import: searches never strip it again.
    assert plain.startswith("Tóm tắt: kế hoạch của phường. Kế hoạch Theo đề nghị")
    assert "**" not in plain and "](" not in plain


def test_0017_compresses_the_plain_text_of_an_archive_at_0013(
    tmp_path: Path, fresh: Archive
) -> None:
    """An archive whose index 0011 filled with plain text searches as a new one after 0017,
    and going back to 0013 gives the plain text back."""
    _old_archive(tmp_path / "old", "0002")
    engine = make_engine(tmp_path / "old" / DB_NAME)
    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "0013")
            # In rowid order: 0026 gives the rows other rowids, in the same order.
            plain = (
                conn.exec_driver_sql("SELECT plain FROM search_text ORDER BY rowid").scalars().all()
            )
            assert len(plain) == len(CORPUS) - 1
    finally:
        engine.dispose()
    archive = open_archive(tmp_path / "old")
    try:
        with archive.reading() as session, fresh.reading() as other:
            assert _index_rows(session) == _index_rows(other)
            stored = (
                session.execute(text("SELECT plain_z FROM search_text ORDER BY rowid"))
                .scalars()
                .all()
            )
        assert [inflate(z) for z in stored] == plain
        assert all(
            len(z) < len(p.encode()) for z, p in zip(stored, plain, strict=True) if len(z) > 200
        )
        assert _results(archive) == _results(fresh)
        with archive.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0013")
            back = (
                conn.exec_driver_sql("SELECT plain FROM search_text ORDER BY rowid").scalars().all()
            )
        assert back == plain
    finally:
        archive.close()


def test_0022_drops_the_prefix_indexes_and_searches_as_before(
    tmp_path: Path, fresh: Archive
) -> None:
    """An archive at 0020, whose word tables have prefix indexes, comes out of 0022
    as a new one; going back to 0020 gives them back, filled, with the same results."""
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(folder / DB_NAME)
    try:
        upgrade(engine)
        with Session(engine) as session, session.begin():
            counts = _write(session)
            search.update_index(session, counts.changed_ids, counts.removed_ids)
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0020")
    finally:
        engine.dispose()

    def ddl(conn: Connection) -> str:
        return " ".join(
            conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name IN ('search_main', 'search_title')"
            ).scalars()
        )

    engine = make_engine(folder / DB_NAME)
    try:
        with engine.begin() as conn:
            assert ddl(conn).count("prefix = '2 3'") == 2
    finally:
        engine.dispose()
    archive = open_archive(folder)
    try:
        with archive.reading() as session, fresh.reading() as other:
            assert _index_rows(session) == _index_rows(other)
        results = _results(archive)
        assert results == _results(fresh)
        with archive.engine.begin() as conn:
            assert "prefix" not in ddl(conn)
            command.downgrade(_alembic_config(conn), "0020")
            assert ddl(conn).count("prefix = '2 3'") == 2
            rows = conn.exec_driver_sql("SELECT count(*) FROM search_main").scalar()
            assert rows == len(CORPUS) - 1
            # FTS5 checks each prefix index against the terms' own doclists.
            for table in ("search_main", "search_title"):
                conn.exec_driver_sql(
                    f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)"
                )
    finally:
        archive.close()


def test_0026_spaces_the_rowids_and_going_back_gives_the_seconds_again(fresh: Archive) -> None:
    """Down to 0025 each rowid is its publication second's block again, in the
    same order; up again the index is the one a new archive has."""
    with fresh.reading() as session:
        before = _index_rows(session)
        order = session.execute(text("SELECT notice_id FROM search_key ORDER BY rowid")).all()
    with fresh.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0025")
        rows = conn.exec_driver_sql(
            "SELECT k.rowid, k.notice_id, n.published FROM search_key AS k "
            "JOIN notice AS n ON n.id = k.notice_id ORDER BY k.rowid"
        ).all()
        assert [(nid,) for _r, nid, _p in rows] == [tuple(r) for r in order]
        # The old layout: ((9999-12-31 - published) << 20) + n.
        assert [r >> 20 for r, _n, _p in rows] == [253_402_300_799 - p for _r, _n, p in rows]
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM search_key AS k JOIN search_text AS t ON t.rowid = k.rowid"
        ).scalar() == len(rows)
        for table in ("search_main", "search_title", "search_number"):
            conn.exec_driver_sql(
                f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)"
            )
        command.upgrade(_alembic_config(conn), "head")
    with fresh.reading() as session:
        assert _index_rows(session) == before
    assert _results(fresh)["54 kh ubnd", 0][1][:1] == ["ke-hoach"]
