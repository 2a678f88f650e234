"""The filters above the list: days, document type, issuer, with or without a search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from db import queries, search
from db.archive import open_archive
from db.common import NoticeFilter
from desktop.ui.mainwindow import MainWindow

QD118, QD642, TB02 = "qd-118-2023", "qd-642-2023", "tb-02-2023"


@pytest.fixture
def indexed(populated: Path) -> Path:
    archive = open_archive(populated)
    try:
        with archive.writing() as session:
            search.update_index(session, queries.notice_ids(session), [])
    finally:
        archive.close()
    return populated


def shown_ids(window: MainWindow) -> list[str]:
    model = window.list_model()
    assert model is not None
    return [model.notice_id(row) for row in range(model.rowCount())]


def test_the_fields_fold_out_and_offer_the_archives_own_values(
    make_window: object, populated: Path
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    bar = window.filter_bar
    assert bar.isVisible() and not bar.fields.isVisible()
    bar.toggle.click()
    assert bar.fields.isVisible()
    assert [bar.type_box.itemText(i) for i in range(bar.type_box.count())] == [
        "Mọi loại văn bản",
        "Quyết định",
    ]
    assert bar.issuer_box.itemText(1) == "Ủy ban nhân dân tỉnh Sơn Hà"
    assert not bar.clear_button.isVisible()


def test_filters_narrow_the_list_and_clear(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    bar = window.filter_bar
    bar.set_expanded(True)
    assert shown_ids(window) == [QD118, TB02, QD642]
    bar.from_check.setChecked(True)
    bar.from_edit.setDate(QDate(2023, 4, 1))
    assert shown_ids(window) == [QD118, TB02, QD642]  # nothing until the pause ends
    bar.timer.timeout.emit()
    assert shown_ids(window) == [QD118, TB02]
    assert bar.summary.text() == "từ 01/04/2023"
    bar.type_box.setCurrentIndex(1)
    bar.apply_now()
    assert shown_ids(window) == [QD118]
    assert bar.summary.text() == "từ 01/04/2023 · Quyết định"
    # Another category keeps the filter.
    window.tree.select_key(("Văn bản", "all"))
    assert shown_ids(window) == [QD118]
    assert bar.clear_button.isVisible()
    bar.clear_button.click()
    assert shown_ids(window) == [QD118, QD642]
    assert window.listing.filters == NoticeFilter()
    assert not bar.from_check.isChecked() and bar.type_box.currentIndex() == 0


def test_the_end_day_never_comes_before_the_first(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    bar = window.filter_bar
    bar.from_check.setChecked(True)
    bar.from_edit.setDate(QDate(2023, 4, 1))
    bar.to_check.setChecked(True)
    bar.to_edit.setDate(QDate(2023, 3, 1))
    bar.apply_now()
    assert bar.current().date_to == date(2023, 4, 1)


def test_filters_narrow_a_search_too(make_window: object, indexed: Path) -> None:
    window = make_window(indexed)  # type: ignore[operator]
    window.search_for("quyết định")
    assert sorted(shown_ids(window)) == sorted([QD118, QD642, TB02])
    window.filter_bar.set_filters(NoticeFilter(doc_type="quyet dinh"))
    assert shown_ids(window) == [QD118]
    assert window.search.query is not None
    assert window.search.query.filters.doc_type == "quyet dinh"
    assert window.search_bar.count_label.text() == "Tìm thấy 1 văn bản"
    window.filter_bar.set_filters(NoticeFilter(date_to=date(2023, 3, 31)))
    assert shown_ids(window) == [QD642]
    window.search.leave()  # Esc: back to the list, still filtered
    assert shown_ids(window) == [QD642]
