"""The operations the window's office views run: the demo's own day, the status filter on a
list and a search, the search order and its suggestion. No Qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.archive import Archive, open_archive
from desktop.demo import ensure_demo_archive
from desktop.demoday import DEMO_TODAY, archive_day
from desktop.ops import register, searching, validity
from desktop.ops.reading import ListQuery, list_page
from desktop.ops.searching import SearchQuery, search_ids, search_page
from desktop.tasks import open_archive as window_open


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office-ops") / "demo"
    ensure_demo_archive(path)
    return path


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Archive]:
    """The demo archive as the window opens it: on the demo's own day."""
    archive = window_open(demo_dir)
    yield archive
    archive.close()


def test_the_window_opens_the_demo_on_its_day_and_an_office_on_today(
    demo: Archive, tmp_path: Path
) -> None:
    assert demo.as_of == DEMO_TODAY == archive_day(demo)
    office = window_open(tmp_path / "office")
    try:
        assert office.as_of is None
    finally:
        office.close()
    # The day reaches the to-do list: the demo's overdue deadline is overdue by 3 days.
    assert [item.days_left for item in register.todo_list(demo)][:1] == [-3]
    assert register.todo_count(demo).overdue == 1


def test_the_list_keeps_only_notices_with_the_status_chosen_and_pages_through_them(
    demo: Archive,
) -> None:
    wanted = validity.notices_with_status(demo, "in_force")
    assert len(wanted) >= 4
    first = list_page(demo, ListQuery(status="in_force"), 0, limit=2)
    rest = list_page(demo, ListQuery(status="in_force"), 2, limit=50)
    assert first.total == rest.total == len(wanted)
    ids = [r.id for r in first.rows + rest.rows]
    assert len(ids) == len(set(ids)) and set(ids) == wanted
    assert all(r.status == "in_force" for r in first.rows + rest.rows)
    dates = [r.published for r in first.rows + rest.rows]
    assert dates == sorted(dates, reverse=True)
    # Only "not yet in force" on the demo's day; a list on another day would differ.
    assert [r.id for r in list_page(demo, ListQuery(status="not_yet"), 0).rows] == ["kh-281-2023"]


def test_a_search_keeps_only_results_with_the_status_chosen(demo: Archive) -> None:
    every = search_page(demo, SearchQuery("tuyen sinh lop 10"), 0)
    kept = search_page(demo, SearchQuery("tuyen sinh lop 10", status="expired"), 0)
    assert [r.summary.id for r in kept.rows] == ["kh-412-2023"]
    assert kept.found == 1 and kept.complete
    assert {r.summary.id for r in kept.rows} < {r.summary.id for r in every.rows}
    assert search_ids(demo, SearchQuery("tuyen sinh lop 10", status="expired")) == ["kh-412-2023"]


def test_the_order_chosen_reaches_the_search(demo: Archive) -> None:
    best = search_page(demo, SearchQuery("ke hoach tuyen sinh"), 0)
    newest = search_page(demo, SearchQuery("ke hoach tuyen sinh", sort="newest"), 0)
    assert best.rows[0].summary.id == "kh-468-2023"
    days = [r.summary.published for r in newest.rows]
    assert days == sorted(days, reverse=True) and days != [r.summary.published for r in best.rows]
    unknown = search_page(demo, SearchQuery("ke hoach tuyen sinh", sort="tên"), 0)
    assert [r.summary.id for r in unknown.rows] == [r.summary.id for r in best.rows]


def test_a_first_page_that_finds_little_carries_a_better_spelling(demo: Archive) -> None:
    assert search_page(demo, SearchQuery("ke hoahc"), 0).suggestion == "ke hoach"
    assert search_page(demo, SearchQuery("ke hoach"), 0).suggestion is None
    assert searching.SUGGEST_BELOW == 10


def test_open_archive_keeps_no_archive_open_when_the_day_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.demoday

    closed: list[bool] = []
    real_close = Archive.close

    def close(self: Archive) -> None:
        closed.append(True)
        real_close(self)

    def broken(_archive: Archive) -> None:
        raise OSError("disk went away")

    monkeypatch.setattr(Archive, "close", close)
    monkeypatch.setattr(desktop.demoday, "archive_day", broken)
    with pytest.raises(OSError):
        window_open(tmp_path / "office")
    assert closed == [True]
    open_archive(tmp_path / "office").close()  # and it opens again afterwards
