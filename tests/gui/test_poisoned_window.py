"""The window on poisoned content: one odd notice never empties a pane or stalls the window.

Archives that already hold an out-of-range date or a 999-level category are
written with db.store, as an older Bảng Tin wrote them; spoofed titles come
in through a real bundle, re-signed with the trusted key. A big table is
checked for what keeps the window responsive (the page lays out only its
head, the whole table is fetched lazily, both off a busy GUI thread); how
long the GUI thread stalls is the benchmark's to measure, not a test's.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QUrl
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db import store
from db.archive import open_archive
from db.folding import BIDI_CONTROLS
from db.records import NoticeRecord
from db.types import VN_TZ
from desktop.bundles.importer import import_bundle
from desktop.ui.noticelist import TITLE
from tests.helpers.bundles import build, make_keys, resign_notice, trust, write_notice
from tests.helpers.sample import PUBLISHER_ID, PUBLISHER_NAME, WindowFactory

SPOOFED = "Quyết định số 12 \u202eFDP.exe\u202c phê duyệt"
CLEAN = "Quyết định số 12 FDP.exe phê duyệt"
CONTROLS = [chr(c) for c in (0x61C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))]
T0 = datetime(2023, 6, 1, 8, 0, tzinfo=VN_TZ)


def stored(data_dir: Path, notices: list[NoticeRecord]) -> None:
    archive = open_archive(data_dir)
    try:
        with archive.writing() as session:
            store.ensure_publisher(session, PUBLISHER_ID, PUBLISHER_NAME)
            ids = store.ensure_categories(session, sorted({n.category for n in notices}))
            store.apply_notices(session, PUBLISHER_ID, notices, [], ids)
    finally:
        archive.close()


def record(nid: str, published: datetime, **fields: object) -> NoticeRecord:
    fields.setdefault("title", f"Văn bản {nid}")
    fields.setdefault("category", "Thông báo")
    return NoticeRecord(id=nid, published=published, **fields)  # type: ignore[arg-type]


def list_titles(window: object) -> list[str]:
    model = window.list_model()  # type: ignore[attr-defined]
    assert model is not None
    return [str(model.data(model.index(r, TITLE))) for r in range(model.rowCount())]


# -- 12. dates out of range ------------------------------------------------------------


def test_out_of_range_dates_still_fill_the_list(make_window: WindowFactory, data_dir: Path) -> None:
    stored(
        data_dir,
        [
            record("xua", datetime(1, 1, 1, tzinfo=VN_TZ)),
            record("xa", datetime.fromisoformat("9999-12-31T23:00:00-12:00")),
            record("nay", T0),
        ],
    )
    window = make_window(data_dir)
    assert list_titles(window) == ["Văn bản xa", "Văn bản nay", "Văn bản xua"]
    assert window.latest_panel.model.rowCount() == 3
    window.open_notice("xua")
    assert window.current is not None and window.current.id == "xua"


# -- 13. a 999-level category ------------------------------------------------------------


def test_a_999_level_category_fills_the_tree(make_window: WindowFactory, data_dir: Path) -> None:
    deep = "/".join(f"Cấp {i}" for i in range(999))
    stored(data_dir, [record("sau", T0, category=deep)])
    window = make_window(data_dir)
    model = window.tree.category_model
    index = model.index_of((deep, "all"))
    assert index.isValid()
    depth = 0
    while index.isValid():
        index = model.parent(index)
        depth += 1
    assert depth == 999
    # Counted in place on the next overview: the shape is compared node by node.
    window.overview.reload()
    assert model.index_of((deep, "all")).isValid()


# -- 14. bidi controls -------------------------------------------------------------------


@pytest.fixture
def spoofed_archive(data_dir: Path, tmp_path: Path) -> Path:
    """qd-12 built from a spoofed source, qd-13 spoofed inside a re-signed bundle."""
    pair = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    write_notice(src, "qd-12", title=SPOOFED, number="12/\u202eQĐ", published="2023-03-27 08:00")
    write_notice(src, "qd-13", published="2023-03-28 08:00")
    bundle = build(src, pair, tmp_path / "b.bangtin").path
    hostile = resign_notice(
        bundle, tmp_path / "h.bangtin", pair, "qd-13", lambda doc: doc.update(title=SPOOFED)
    )
    archive = open_archive(data_dir)
    try:
        trust(archive, pair)
        import_bundle(archive, hostile)
    finally:
        archive.close()
    return data_dir


def test_bidi_controls_reach_no_window_surface(
    make_window: WindowFactory, spoofed_archive: Path
) -> None:
    window = make_window(spoofed_archive)
    titles = list_titles(window)
    latest = [window.latest_panel.model.text(r) for r in range(2)]
    window.open_notice("qd-12")
    page = window.browser.toPlainText()
    assert titles == [CLEAN, CLEAN]
    assert all(CLEAN in line for line in latest)
    assert CLEAN in page and "12/QĐ" in page
    for text in (*titles, *latest, page, window.windowTitle()):
        assert not any(ch in text for ch in CONTROLS), repr(text)


def test_the_controls_the_format_strips_are_the_ones_tested() -> None:
    import re

    assert re.fullmatch(f"[{BIDI_CONTROLS}]+", "".join(CONTROLS))


# -- 15. big tables --------------------------------------------------------------------------


def table(rows: int, cols: int) -> str:
    head = "| " + " | ".join(f"Cột {c}" for c in range(cols)) + " |\n"
    rule = "|" + "---|" * cols + "\n"
    body = "".join(
        "| " + " | ".join(f"{r}.{c} đồng" for c in range(cols)) + " |\n" for r in range(rows)
    )
    return head + rule + body


@pytest.mark.parametrize(("rows", "cols"), [(3000, 30), (1000, 8)])
def test_a_big_table_never_stalls_the_window(
    make_window: WindowFactory, data_dir: Path, qtbot: QtBot, rows: int, cols: int
) -> None:
    stored(
        data_dir,
        [
            record("bang-gia", T0, body_markdown="Bảng giá đất:\n\n" + table(rows, cols)),
            record("khac", T0 - timedelta(days=1)),
        ],
    )
    window = make_window(data_dir, threaded=True)
    with qtbot.waitSignal(window.article_ready, timeout=120_000):
        window.open_notice("bang-gia")
    page = window.browser.toPlainText()
    assert "0.0 đồng" in page and "Bảng giá đất" in page
    assert f"{rows - 1}.0 đồng" not in page  # laid out in part, the rest a click away
    assert "Xem toàn bộ bảng" in page and 'href="table:0"' in window.browser.toHtml()

    dialogs = window.browser.table_dialogs
    # The link the page shows under the cut table, clicked.
    window.browser.anchorClicked.emit(QUrl("table:0"))
    qtbot.waitUntil(lambda: bool(dialogs), timeout=120_000)
    view = dialogs[-1].view
    model = view.model()
    assert model.rowCount() < rows and model.canFetchMore(QModelIndex())  # fetched lazily
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert (model.rowCount(), model.columnCount()) == (rows, cols)
    last = model.index(rows - 1, cols - 1)
    assert model.data(last) == f"{rows - 1}.{cols - 1} đồng"
    assert model.headerData(0, view.horizontalHeader().orientation()) == "Cột 0"


def test_a_small_table_is_laid_out_whole(make_window: WindowFactory, data_dir: Path) -> None:
    stored(data_dir, [record("nho", T0, body_markdown=table(12, 4))])
    window = make_window(data_dir)
    window.open_notice("nho")
    assert "11.3 đồng" in window.browser.toPlainText()
    assert window.browser.tables() == ()


def test_the_whole_table_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    from desktop.render.tables import TableData
    from desktop.ui.tableview import TableModel

    data = TableData(
        caption="Bảng 1",
        header=("A", "B"),
        rows=tuple((f"{r}a", f"{r}b") for r in range(450)),
    )
    model = TableModel(data)
    assert model.rowCount() < 450  # fetched in pages, as the list is
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert model.data(model.index(449, 1)) == "449b"
