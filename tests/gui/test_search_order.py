"""Search results in the window: "Sắp xếp: Phù hợp nhất / Mới nhất", remembered, and
"Có phải bạn muốn tìm: …" when a search finds little, a click away from searching for it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.ui.mainwindow import MainWindow
from desktop.ui.searching import SORT_KEY
from desktop.ui.searchpane import SearchResultsModel
from desktop.ui.settings import settings_for
from tests.helpers.sample import WindowFactory


def results(window: MainWindow) -> SearchResultsModel:
    model = window.list_model()
    assert isinstance(model, SearchResultsModel)
    return model


def search(window: MainWindow, qtbot: QtBot, text: str) -> SearchResultsModel:
    with qtbot.waitSignal(window.search_ready):
        window.search_for(text)
    return results(window)


def test_the_order_is_chosen_beside_the_results(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    bar = window.search_bar
    best = search(window, qtbot, "ke hoach tuyen sinh")
    assert bar.sort_box.isVisibleTo(window)
    assert [bar.sort_box.itemText(i) for i in range(bar.sort_box.count())] == [
        "Phù hợp nhất",
        "Mới nhất",
    ]
    assert bar.sort_label.text() == "Sắp xếp:" and bar.sort() == "relevance"
    assert best.notice_ids()[0] == "kh-468-2023"  # the plan meant, not the newest mention
    with qtbot.waitSignal(window.search_ready):
        bar.sort_box.setCurrentIndex(bar.sort_box.findData("newest"))
    newest = results(window)
    assert newest.query.sort == "newest"
    days = [newest.summary(i).published for i in range(newest.rowCount())]
    assert days == sorted(days, reverse=True)
    assert sorted(newest.notice_ids()) == sorted(best.notice_ids())


def test_the_order_chosen_is_remembered_for_the_next_window(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    window.search_bar.sort_box.setCurrentIndex(window.search_bar.sort_box.findData("newest"))
    assert QSettings(str(demo / "settings.ini"), QSettings.Format.IniFormat).value(SORT_KEY) == (
        "newest"
    )
    window.close()
    again = make_window(demo)
    assert again.search_bar.sort() == "newest"
    assert search(again, qtbot, "ke hoach").query.sort == "newest"


def test_a_window_that_remembers_nothing_leaves_the_order_alone(
    make_window: WindowFactory, demo: Path
) -> None:
    window = make_window(demo, remember=False)
    window.search_bar.sort_box.setCurrentIndex(1)
    assert settings_for(demo).value(SORT_KEY) is None


def test_a_mistyped_search_offers_the_words_meant_and_a_click_searches_them(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    bar = window.search_bar
    assert search(window, qtbot, "ke hoahc").rowCount() == 0
    assert bar.suggestion.isVisibleTo(window)
    assert bar.suggestion.text().startswith("Có phải bạn muốn tìm: ")
    assert "ke hoach" in bar.suggestion.text()
    with qtbot.waitSignal(window.search_ready):
        bar.suggestion.linkActivated.emit("suggestion")
    assert bar.box.text() == "ke hoach"
    assert results(window).rowCount() > 5
    assert not bar.suggestion.isVisibleTo(window)


def test_a_search_that_finds_enough_offers_nothing(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    search(window, qtbot, "quyeets ddinhj")
    assert "quyết định" in window.search_bar.suggestion.text()
    search(window, qtbot, "ke hoach")
    assert results(window).suggestion is None
    assert not window.search_bar.suggestion.isVisibleTo(window)
    # Esc forgets the search and its suggestion.
    window.search.leave()
    assert not window.search_bar.suggestion.isVisibleTo(window)
