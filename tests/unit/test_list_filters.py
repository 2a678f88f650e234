"""Filters above the list: days, document type and issuer, for a list and for a search alike."""

from __future__ import annotations

from datetime import date

import pytest

from db import search
from db.archive import Archive
from db.common import NoticeFilter
from desktop.ops import reading, searching
from desktop.ops.reading import ListQuery
from desktop.ops.searching import SearchQuery
from tests.helpers.notices import apply, notice

KH = "Văn bản/Kế hoạch"


@pytest.fixture
def filled(archive: Archive) -> Archive:
    """Five plans and decisions over three days, two spellings of one document type."""
    counts = apply(
        archive,
        [
            # BASE_TIME is 27/03/2023 07:20 +07:00.
            notice(
                "kh1",
                category=KH,
                days=0,
                doc_type="Kế hoạch",
                issuer="UBND xã",
                title="Kế hoạch tiêm chủng",
            ),
            notice(
                "kh2",
                category=KH,
                days=1.1,
                doc_type="KẾ HOẠCH",
                issuer="UBND huyện",
                title="Kế hoạch phòng chống bão",
            ),
            notice(
                "qd1",
                days=1,
                doc_type="Quyết định",
                issuer="UBND xã",
                title="Quyết định tiêm chủng",
            ),
            notice(
                "qd2",
                days=2,
                doc_type="Quyết định",
                issuer="UBND xã",
                title="Quyết định khen thưởng",
            ),
            notice("tb1", days=2.1, title="Thông báo tiêm chủng"),
        ],
    )
    with archive.writing() as session:
        search.update_index(session, counts.changed_ids, counts.removed_ids)
    return archive


def listed(archive: Archive, where: NoticeFilter, category: str | None = None) -> list[str]:
    page = reading.list_page(archive, ListQuery(category, filters=where), 0)
    assert page.total == len(page.rows)
    return [row.id for row in page.rows]


def test_no_filter_lists_everything(filled: Archive) -> None:
    assert not NoticeFilter()
    assert listed(filled, NoticeFilter()) == ["tb1", "qd2", "kh2", "qd1", "kh1"]


def test_days_are_inclusive_in_vietnam_time(filled: Archive) -> None:
    assert NoticeFilter(date_from=date(2023, 3, 28))
    assert listed(filled, NoticeFilter(date_from=date(2023, 3, 28))) == ["tb1", "qd2", "kh2", "qd1"]
    assert listed(filled, NoticeFilter(date_to=date(2023, 3, 28))) == ["kh2", "qd1", "kh1"]
    one_day = NoticeFilter(date_from=date(2023, 3, 28), date_to=date(2023, 3, 28))
    assert listed(filled, one_day) == ["kh2", "qd1"]
    assert (
        listed(filled, NoticeFilter(date_from=date(2023, 3, 30), date_to=date(2023, 3, 27))) == []
    )
    assert listed(filled, NoticeFilter(date_to=date.max)) == listed(filled, NoticeFilter())


def test_document_type_and_issuer_ignore_case_and_diacritics(filled: Archive) -> None:
    assert listed(filled, NoticeFilter(doc_type="ke hoach")) == ["kh2", "kh1"]
    assert listed(filled, NoticeFilter(doc_type="Kế hoạch", issuer="ubnd xa")) == ["kh1"]
    assert listed(filled, NoticeFilter(issuer="UBND xã"), category="Văn bản") == [
        "qd2",
        "qd1",
        "kh1",
    ]
    assert listed(filled, NoticeFilter(doc_type="Chỉ thị")) == []


def test_sorting_keeps_the_filter(filled: Archive) -> None:
    query = ListQuery(order="title", descending=False, filters=NoticeFilter(doc_type="quyet dinh"))
    page = reading.list_page(filled, query, 0)
    assert [row.id for row in page.rows] == ["qd2", "qd1"]
    assert page.total == 2


def test_choices_have_one_spelling_each_sorted(filled: Archive) -> None:
    choices = reading.filter_choices(filled)
    assert len(choices.doc_types) == 2
    assert choices.doc_types[0] in ("Kế hoạch", "KẾ HOẠCH")
    assert choices.doc_types[1] == "Quyết định"
    assert choices.issuers == ("UBND huyện", "UBND xã")


def test_a_search_keeps_to_the_same_filters(filled: Archive) -> None:
    def found(where: NoticeFilter) -> list[str]:
        page = searching.search_page(filled, SearchQuery("tiêm chủng", filters=where), 0)
        ids = searching.search_ids(filled, SearchQuery("tiêm chủng", filters=where))
        assert sorted(ids) == sorted(row.summary.id for row in page.rows)
        return sorted(ids)

    assert found(NoticeFilter()) == ["kh1", "qd1", "tb1"]
    assert found(NoticeFilter(doc_type="quyết định")) == ["qd1"]
    assert found(NoticeFilter(date_from=date(2023, 3, 28))) == ["qd1", "tb1"]
    assert found(NoticeFilter(issuer="UBND xa", date_to=date(2023, 3, 27))) == ["kh1"]
