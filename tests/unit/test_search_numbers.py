"""Search by document number: every way a clerk types "54/KH-UBND" finds it first."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from db import search
from db.archive import Archive
from db.records import NoticeRecord
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ

T0 = datetime(2023, 6, 5, 7, 20, tzinfo=VN_TZ)

# Every test on SQLite and on PostgreSQL (the `archive` fixture, tests/helpers).
pytestmark = pytest.mark.engines

NOTICES = [
    NoticeRecord(
        id="kh54",
        title="Kế hoạch tổ chức Tết Trung thu",
        category="Văn bản/Kế hoạch",
        published=T0,
        number="54/KH-UBND",
        doc_type="Kế hoạch",
        body_markdown="Nội dung kế hoạch.",
    ),
    NoticeRecord(
        id="qd1234",
        title="Quyết định về việc thu phí vệ sinh",
        category="Văn bản/Quyết định",
        published=T0,
        number="1234/QĐ-UBND",
        doc_type="Quyết định",
        body_markdown="Nội dung quyết định.",
    ),
    # Newer notices that mention the same pieces, or look alike, to rank below.
    NoticeRecord(
        id="mentions",
        title="Triển khai kế hoạch",
        category="Tin tức",
        published=T0 + timedelta(days=30),
        body_markdown="Căn cứ Kế hoạch số 54/KH-UBND và Quyết định số 1234/QĐ-UBND.",
    ),
    NoticeRecord(
        id="kh540",
        title="Kế hoạch khác",
        category="Văn bản/Kế hoạch",
        published=T0 + timedelta(days=20),
        number="540/KH-UBND",
        body_markdown="Số 54, KH, UBND.",
    ),
    NoticeRecord(
        id="kh154",
        title="Kế hoạch nữa",
        category="Văn bản/Kế hoạch",
        published=T0 + timedelta(days=10),
        number="154/KH-UBND",
    ),
    NoticeRecord(
        id="qd12345",
        title="Quyết định khác",
        category="Văn bản/Quyết định",
        published=T0 + timedelta(days=40),
        number="12345/QĐ-UBND",
        body_markdown="Không liên quan đến 1234.",
    ),
]


@pytest.fixture
def numbered(archive: Archive) -> Archive:
    """The shared empty archive with NOTICES applied and indexed."""
    with archive.writing() as session:
        ensure_publisher(session, "ubnd", "UBND phường")
        cats = ensure_categories(session, [n.category for n in NOTICES])
        counts = apply_notices(session, "ubnd", NOTICES, [], cats)
        search.update_index(session, counts.changed_ids, counts.removed_ids)
    return archive


def top(archive: Archive, query: str) -> list[str]:
    with archive.reading() as session:
        return [h.id for h in search.search(session, query)]


@pytest.mark.parametrize(
    "query", ["54/KH-UBND", "54/kh-ubnd", "54 kh ubnd", "54KHUBND", "54-KH-UBND", " 54 / KH "]
)
def test_plan_number_in_any_spelling_comes_first(numbered: Archive, query: str) -> None:
    found = top(numbered, query)
    assert found[0] == "kh54"


@pytest.mark.parametrize(
    "query", ["1234/QĐ-UBND", "1234/qd-ubnd", "1234 qđ ubnd", "1234 QD UBND", "1234qdubnd"]
)
def test_decision_number_in_any_spelling_comes_first(numbered: Archive, query: str) -> None:
    found = top(numbered, query)
    assert found[0] == "qd1234"
    if not query.isalnum():
        # Typed in pieces, the words also find the notice that cites the number.
        assert "mentions" in found[1:]


def test_a_number_prefix_lists_exact_number_before_longer_ones(numbered: Archive) -> None:
    found = top(numbered, "54")
    assert found[:2] == ["kh54", "kh540"]
    assert "kh154" not in found[:2]


def test_number_match_carries_the_top_score(numbered: Archive) -> None:
    with numbered.reading() as session:
        hits = search.search(session, "54 kh ubnd")
    assert hits[0].number == "54/KH-UBND"
    assert hits[0].score > hits[1].score + 1


def test_words_of_a_number_do_not_match_inside_other_numbers(numbered: Archive) -> None:
    # "kh" is a prefix of the notice's words, never of "qđ".
    assert "qd1234" not in top(numbered, "54/KH")
