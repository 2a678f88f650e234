"""Opening a notice in three parts: the article shown, the view counted, the panels."""

from __future__ import annotations

import pytest

from db import queries
from db.archive import Archive
from desktop.ops import reading
from desktop.ops.changes import Changes
from tests.helpers.notices import apply, at, notice

pytestmark = pytest.mark.engines


@pytest.fixture
def two(archive: Archive) -> Archive:
    apply(archive, [notice("a", days=1), notice("b", days=2)])
    return archive


def _views(archive: Archive, notice_id: str) -> int:
    with archive.reading() as session:
        detail = queries.get_notice(session, notice_id)
    assert detail is not None
    return detail.views


def test_the_article_shows_the_view_about_to_be_counted_and_writes_nothing(two: Archive) -> None:
    opened = reading.open_article(two, "a", "vi", counting=at(5))
    assert opened.detail is not None
    assert (opened.detail.views, opened.detail.first_opened) == (1, at(5))
    assert "Lượt xem: 1" in opened.html
    assert _views(two, "a") == 0
    # Without a count (a re-render), the page shows what is stored.
    assert "Lượt xem: 0" in reading.open_article(two, "a", "vi").html


def test_the_view_counted_is_the_one_the_article_showed(two: Archive) -> None:
    shown = reading.open_article(two, "a", "vi", counting=at(5))
    counted = reading.count_view(two, "a", at(5))
    assert shown.detail is not None and counted.value is not None
    assert counted.value.views == shown.detail.views == 1
    assert counted.changes == Changes(read=frozenset({"a"}))
    with two.reading() as session:
        stored = queries.get_notice(session, "a")
    assert stored is not None
    assert (stored.views, stored.first_opened, stored.last_opened) == (
        1,
        shown.detail.first_opened,
        shown.detail.last_opened,
    )
    # Once read, an opening counts without saying it again.
    again = reading.count_view(two, "a", at(6))
    assert again.value is not None and again.value.views == 2
    assert not again.changes


def test_a_view_passed_in_the_list_is_counted_but_not_read(two: Archive) -> None:
    shown = reading.open_article(two, "b", "vi", counting=at(5), mark_read=False)
    assert shown.detail is not None and shown.detail.first_opened is None
    counted = reading.count_view(two, "b", at(5), mark_read=False)
    assert counted.value is not None and counted.value.views == 1
    assert not counted.changes


def test_a_notice_the_archive_lacks_is_neither_shown_nor_counted(two: Archive) -> None:
    opened = reading.open_article(two, "missing", "vi", counting=at(5))
    assert (opened.detail, opened.html) == (None, "")
    counted = reading.count_view(two, "missing", at(5))
    assert counted.value is None and not counted.changes


def test_the_panels_hold_the_related_and_the_newest(two: Archive) -> None:
    panels = reading.panels(two, "a")
    assert [s.id for s in panels.related] == ["b"]
    assert [s.id for s in panels.latest] == ["b", "a"]  # newest first
