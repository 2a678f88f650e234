"""Printing: the A4 layout of Decree 30/2020/NĐ-CP, checked on real PDFs of the demo archive.

PDFs are read back with poppler-utils (pdfinfo, pdftotext -bbox): page size,
page count, the Vietnamese text, and every word's box against the margins.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from db import queries
from db.archive import open_archive
from db.records import NoticeDetail
from db.types import VN_TZ
from desktop import pagepainter
from desktop.demo import ensure_demo_archive
from desktop.ops.printing import UnknownNotice, collect
from desktop.render.printtemplate import (
    MARGIN_RANGES,
    PageMargins,
    PrintSource,
    PrintStyle,
    style_body,
    upper_title,
)
from desktop.ui import printactions
from desktop.ui.mainwindow import MainWindow
from tests.helpers.pdf import pdf_info, pdf_text
from tests.helpers.sample import WindowFactory

LONG_ID = "kh-54-2023"
TABLE_ID = "qd-2145-2023"
PRINTED_AT = datetime(2023, 6, 5, 7, 20, tzinfo=VN_TZ)
A4_PT = (595.0, 842.0)
MM = 72.0 / 25.4
# Glyph boxes from pdftotext include the font's ascent and descent: a line
# that sits exactly on the margin may poke out by a fraction of a point.
SLACK = 1.5
#: The footer's print date and time, whenever the test ran ("29/11/2026", "9:05", "CH").


FOOTER_TIME = re.compile(r"^(\d{2}/\d{2}/\d{4}|\d{1,2}:\d{2}|SA|CH)$")

# -- reading PDFs back ------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def pdf_pages(path: Path) -> list[list[Word]]:
    """Every page's words with their boxes, in points from the top-left corner."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    root = ET.fromstring(re.sub(r'xmlns="[^"]+"', "", out, count=1))
    pages: list[list[Word]] = []
    for page in root.iter("page"):
        assert (float(page.get("width", 0)), float(page.get("height", 0))) == A4_PT
        pages.append(
            [
                Word(
                    w.text or "",
                    float(w.get("xMin", 0)),
                    float(w.get("yMin", 0)),
                    float(w.get("xMax", 0)),
                    float(w.get("yMax", 0)),
                )
                for w in page.iter("word")
            ]
        )
    return pages


def flat(text: str) -> str:
    return " ".join(text.split())


def body_words(words: list[Word], margins: PageMargins) -> list[Word]:
    """Words inside the top and bottom margins' band (not the page number or footer)."""
    return [
        w
        for w in words
        if margins.top * MM - SLACK <= w.y0 and w.y1 <= A4_PT[1] - margins.bottom * MM + SLACK
    ]


def check_margins(path: Path, margins: PageMargins, footer_words: set[str]) -> None:
    """No glyph outside the margin box, except the page number (top margin, from page 2)
    and the footer line (bottom margin); those stay inside the page and the side margins."""
    left, right = margins.left * MM - SLACK, A4_PT[0] - margins.right * MM + SLACK
    top, bottom = margins.top * MM - SLACK, A4_PT[1] - margins.bottom * MM + SLACK
    for number, words in enumerate(pdf_pages(path), start=1):
        assert words, f"page {number} is empty"
        for w in words:
            where = f"page {number}: {w}"
            assert left <= w.x0 and w.x1 <= right, where
            assert 0 <= w.y0 and w.y1 <= A4_PT[1], where
            if w.y1 <= top + 2 * SLACK:
                assert number >= 2 and w.text == str(number), where
                assert abs((w.x0 + w.x1) / 2 - (left + right) / 2) < 2, where
            elif w.y0 >= bottom - 2 * SLACK:
                assert w.text in footer_words or FOOTER_TIME.match(w.text), where
            else:
                assert top <= w.y0 and w.y1 <= bottom, where


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("print") / "demo"
    ensure_demo_archive(path)
    return path


def sources_for(demo_dir: Path, ids: list[str], **kwargs: object) -> list[PrintSource]:
    archive = open_archive(demo_dir)
    try:
        return collect(archive, ids, "vi", PRINTED_AT, **kwargs)  # type: ignore[arg-type]
    finally:
        archive.close()


def detail(demo_dir: Path, notice_id: str) -> NoticeDetail:
    archive = open_archive(demo_dir)
    try:
        with archive.reading() as session:
            found = queries.get_notice(session, notice_id)
    finally:
        archive.close()
    assert found is not None
    return found


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: int
    notice: NoticeDetail


@pytest.fixture(scope="module")
def long_pdf(qapp: object, demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    path = tmp_path_factory.mktemp("pdf") / "long.pdf"
    pages = pagepainter.write_pdf(path, sources_for(demo_dir, [LONG_ID]))
    return Printed(path, pages, detail(demo_dir, LONG_ID))


@pytest.fixture(scope="module")
def table_pdf(qapp: object, demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    path = tmp_path_factory.mktemp("pdf") / "table.pdf"
    pages = pagepainter.write_pdf(path, sources_for(demo_dir, [TABLE_ID]))
    return Printed(path, pages, detail(demo_dir, TABLE_ID))


# -- the settings object -------------------------------------------------------------------


def test_margins_default_to_the_decree_and_refuse_values_outside_it() -> None:
    assert PageMargins().as_mapping() == {"top": 20, "bottom": 20, "left": 30, "right": 15}
    assert PageMargins(top=25, bottom=22, left=35, right=20).left == 35
    for name, (low, high) in MARGIN_RANGES.items():
        with pytest.raises(ValueError):
            PageMargins(**{name: low - 0.5})
        with pytest.raises(ValueError):
            PageMargins(**{name: high + 0.5})


def test_margins_from_untrusted_values_are_clamped_into_the_ranges() -> None:
    m = PageMargins.clamped(top="10", bottom=99, left="abc", right="17,5")
    assert m == PageMargins(top=20, bottom=25, left=30, right=17.5)
    assert PageMargins.from_mapping({"top": "nan", "left": None}) == PageMargins()
    assert PrintStyle(font_size=20).font_size == 14
    assert PrintStyle(font_size="12").font_size == 13  # type: ignore[arg-type]
    assert PrintStyle(indent_cm=3).indent_cm == 1.27


def test_the_print_font_is_a_serif_with_every_vietnamese_letter(qapp: object) -> None:
    family = pagepainter.serif_family()
    assert family in pagepainter.SERIF_CANDIDATES
    assert pagepainter.font_covers(family, "ạ ế ữ ỵ Đ".replace(" ", ""))
    assert not pagepainter.font_covers("No Such Font Family 123")
    # Choosing walks the list in order and skips what is not installed.
    assert pagepainter.choose_serif(("No Such Font Family 123", family)) == family


def test_body_styles_justify_and_indent_body_paragraphs_only() -> None:
    html = style_body(
        "<h2>I. MỤC ĐÍCH</h2><p>Đoạn.</p><ul><li><p>Mục.</p></li></ul>"
        '<table><tr><td><p>x</p></td></tr></table><a href="notice:x">y</a>',
        PrintStyle(),
    )
    assert html.count('align="justify" style="margin-top:0px') == 1
    assert "<h2" not in html and "font-weight:bold" in html
    assert html.count("text-indent:0px") == 2  # the list item's and the cell's paragraphs
    assert 'border="1"' in html and "border-collapse:collapse" in html
    assert '<a style="color:#000000" href="notice:x">' in html


# -- one long notice -----------------------------------------------------------------------


def test_the_long_notice_prints_on_a4_in_several_pages(long_pdf: Printed) -> None:
    info = pdf_info(long_pdf.path)
    assert info["Page size"].startswith("595 x 842 pts")
    assert int(info["Pages"]) == long_pdf.pages
    # 8 pages in Tinos or Liberation Serif 2; a wider fallback serif may need one or two more.
    assert 6 <= long_pdf.pages <= 10
    assert info["Title"] == long_pdf.notice.title


def test_the_pdf_is_real_nfc_text_with_the_header_and_footer(long_pdf: Printed) -> None:
    text = pdf_text(long_pdf.path)
    # pdftotext gives precomposed letters back as they were printed: no normalising here.
    assert unicodedata.is_normalized("NFC", text)
    flat_text = flat(text)
    assert upper_title(long_pdf.notice.title) in flat_text
    assert "KẾ HOẠCH THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2023" in flat_text
    assert "Số: 54/KH-UBND" in flat_text
    assert "Đăng ngày 27/03/2023" in flat_text
    assert "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ" in flat_text
    assert flat_text.count("In ngày 05/06/2023 7:20 SA") == long_pdf.pages
    assert "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;" in flat_text


def footer_words(printed: Printed) -> set[str]:
    line = f"Nguồn: {printed.notice.publisher_name} — In ngày 05/06/2023 7:20 SA"
    return set(line.split())


def test_no_glyph_of_the_long_notice_leaves_the_margins(long_pdf: Printed) -> None:
    check_margins(long_pdf.path, PageMargins(), footer_words(long_pdf))


def test_page_numbers_are_centred_in_the_top_margin_from_page_two(long_pdf: Printed) -> None:
    pages = pdf_pages(long_pdf.path)
    top = PageMargins().top * MM
    for number, words in enumerate(pages, start=1):
        in_margin = [w.text for w in words if w.y1 <= top]
        assert in_margin == ([] if number == 1 else [str(number)])


def test_body_text_is_justified_with_a_first_line_indent(long_pdf: Printed) -> None:
    first = pdf_pages(long_pdf.path)[0]
    left = PageMargins().left * MM
    starts = {w.text: w.x0 for w in first if w.text in ("Căn", "Thực")}
    indent_cm = (starts["Căn"] - left) / MM / 10
    assert 1.0 <= indent_cm <= 1.3
    # Wrapped lines of a justified paragraph start at the margin and end at it.
    right = A4_PT[0] - PageMargins().right * MM
    line_ends = {}
    for w in body_words(first, PageMargins()):
        key = round(w.y0)
        line_ends[key] = max(line_ends.get(key, 0.0), w.x1)
    assert sum(1 for end in line_ends.values() if abs(end - right) < 1.0) >= 10


def test_wider_margins_move_every_glyph_inward(
    qapp: object, demo_dir: Path, tmp_path: Path
) -> None:
    margins = PageMargins(top=25, bottom=25, left=35, right=20)
    path = tmp_path / "wide.pdf"
    pages = pagepainter.write_pdf(
        path, sources_for(demo_dir, [LONG_ID]), PrintStyle(margins=margins, font_size=14)
    )
    check_margins(path, margins, footer_words(Printed(path, pages, detail(demo_dir, LONG_ID))))
    assert pages > 8


# -- the long table --------------------------------------------------------------------------


def test_the_table_header_repeats_on_every_page_the_table_spans(table_pdf: Printed) -> None:
    texts = [flat(" ".join(w.text for w in page)) for page in pdf_pages(table_pdf.path)]
    first = next(i for i, t in enumerate(texts) if "Tên dịch vụ" in t)
    last = max(i for i, t in enumerate(texts) if "km" in t.split())  # the table's last row
    assert last - first >= 2, "the 68-row table should span at least three pages"
    for i in range(first, last + 1):
        assert texts[i].count("Tên dịch vụ") == 1, f"page {i + 1} lacks the header row"


def test_no_glyph_of_the_price_table_leaves_the_margins(table_pdf: Printed) -> None:
    check_margins(table_pdf.path, PageMargins(), footer_words(table_pdf))


def test_the_header_row_sits_at_the_top_of_each_continued_page(table_pdf: Printed) -> None:
    pages = pdf_pages(table_pdf.path)
    top = PageMargins().top * MM
    with_header = [i for i, words in enumerate(pages) if any(w.text == "STT" for w in words)]
    assert len(with_header) >= 3
    for i in with_header[1:]:
        header = next(w for w in pages[i] if w.text == "STT")
        assert header.y0 - top < 12
        assert header.y0 == min(w.y0 for w in body_words(pages[i], PageMargins()))


# -- several notices, and the index -----------------------------------------------------------


def test_each_notice_starts_on_a_new_page(
    qapp: object, demo_dir: Path, tmp_path: Path, long_pdf: Printed, table_pdf: Printed
) -> None:
    path = tmp_path / "both.pdf"
    pages = pagepainter.write_pdf(path, sources_for(demo_dir, [LONG_ID, TABLE_ID, LONG_ID]))
    assert pages == long_pdf.pages + table_pdf.pages  # the repeated id prints once
    second = flat(" ".join(w.text for w in pdf_pages(path)[long_pdf.pages]))
    assert second.startswith("ỦY BAN NHÂN DÂN TỈNH SƠN HÀ")
    assert "Số: 2145/QĐ-UBND" in second
    # Page numbers start again for the second notice.
    numbers = [
        w.text for w in pdf_pages(path)[long_pdf.pages + 1] if w.y1 <= PageMargins().top * MM
    ]
    assert numbers == ["2"]


def test_the_index_is_one_page_table_of_title_number_and_date(
    qapp: object, demo_dir: Path, tmp_path: Path
) -> None:
    ids = [LONG_ID, TABLE_ID, "tb-15-2023"]
    path = tmp_path / "index.pdf"
    assert pagepainter.write_pdf(path, sources_for(demo_dir, ids, index=True)) == 1
    text = flat(pdf_text(path))
    assert "DANH MỤC VĂN BẢN" in text and "Gồm 3 văn bản" in text
    for notice_id in ids:
        notice = detail(demo_dir, notice_id)
        assert notice.number and notice.number in text
        assert notice.published.strftime("%d/%m/%Y") in text
    assert "Kế hoạch thực hiện công tác bình đẳng giới năm" in text


def test_an_unknown_id_prints_nothing(demo_dir: Path) -> None:
    with pytest.raises(UnknownNotice) as caught:
        sources_for(demo_dir, [LONG_ID, "khong-co"])
    assert caught.value.notice_id == "khong-co"


# -- the window side -------------------------------------------------------------------------


@pytest.fixture
def demo_window(make_window: WindowFactory, demo_dir: Path, tmp_path: Path) -> MainWindow:
    data = tmp_path / "window-demo"
    shutil.copytree(demo_dir, data)
    return make_window(data)


def word_boxes(path: Path) -> list[list[Word]]:
    return pdf_pages(path)


def test_toolbar_menu_and_shortcut_hold_the_print_actions(demo_window: MainWindow) -> None:
    actions = printactions.install_print_actions(demo_window, current_id=lambda: LONG_ID)
    assert actions.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert actions.print_action.text() == "In…"
    assert actions.pdf_action.text() == "Xuất PDF…"
    assert actions.print_action in demo_window.toolbar.actions()
    assert actions.pdf_action in demo_window.toolbar.actions()
    assert actions.print_action in demo_window.actions()
    menu = actions.article_menu(demo_window.browser, QPoint(2, 2))
    try:
        assert actions.print_action in menu.actions()
        assert actions.pdf_action in menu.actions()
    finally:
        menu.deleteLater()


def test_the_zoom_never_changes_the_printed_pdf(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = printactions.install_print_actions(demo_window, current_id=lambda: LONG_ID)
    # The footer carries the print time; hold it still so only the zoom differs.
    import desktop.ops.printing as print_operation

    class _Frozen(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> _Frozen:
            return cls(2023, 6, 5, 7, 20, tzinfo=tz)

    monkeypatch.setattr(print_operation, "datetime", _Frozen)
    results: list[list[list[Word]]] = []
    for zoom in (50, 200):
        demo_window.article.set_zoom(zoom)
        assert demo_window.browser.zoom == zoom
        target = tmp_path / f"zoom-{zoom}.pdf"
        monkeypatch.setattr(printactions, "choose_pdf_path", lambda _parent, _name, t=target: t)
        with qtbot.waitSignal(actions.pdf_written, timeout=20000) as blocker:
            actions.pdf_action.trigger()
        assert blocker.args == [str(target), actions.last_pages]
        results.append(word_boxes(target))
    assert results[0] == results[1]
    assert len(results[0]) == actions.last_pages >= 6


def test_print_preview_paints_the_decree_layout_and_remembers_margins(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = printactions.install_print_actions(demo_window, current_id=lambda: TABLE_ID)
    out = tmp_path / "preview.pdf"
    seen: list[QPageLayout] = []

    def fake_preview(parent: object, printer: QPrinter, paint: object) -> None:
        seen.append(printer.pageLayout())
        # The user's page setup asks for margins outside the decree.
        layout = printer.pageLayout()
        layout.setUnits(QPageLayout.Unit.Millimeter)
        from PySide6.QtCore import QMarginsF

        layout.setMargins(QMarginsF(10, 40, 18, 10))
        printer.setPageLayout(layout)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        paint(printer)  # type: ignore[operator]

    monkeypatch.setattr(printactions, "run_preview", fake_preview)
    with qtbot.waitSignal(actions.preview_finished, timeout=20000) as blocker:
        actions.print_action.trigger()
    first = seen[0].margins(QPageLayout.Unit.Millimeter)
    assert (first.left(), first.top(), first.right(), first.bottom()) == (30, 20, 15, 20)
    assert blocker.args[0] == len(pdf_pages(out)) >= 3
    remembered = printactions.load_style(demo_window.settings).margins
    assert remembered == PageMargins(top=25, bottom=20, left=30, right=18)
    # The painted pages use the clamped margins: the title block starts 25 mm down.
    first_page = pdf_pages(out)[0]
    assert min(w.y0 for w in first_page) >= 25 * MM - SLACK
    assert min(w.x0 for w in first_page) >= 30 * MM - SLACK


def test_the_real_preview_dialog_asks_for_pages(qtbot: QtBot, demo_window: MainWindow) -> None:
    painted: list[int] = []
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    sources = sources_for(demo_window.data_dir, [LONG_ID])

    def paint(device: QPrinter) -> None:
        painted.append(pagepainter.paint(device, sources))

    dialog = printactions.make_preview_dialog(demo_window, printer, paint)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.paintRequested, timeout=20000):
        dialog.open()
    dialog.close()
    assert painted and 6 <= painted[0] <= 10


def test_selection_prints_each_notice_and_the_index(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = printactions.install_print_actions(
        demo_window, current_id=lambda: LONG_ID, selected_ids=lambda: [TABLE_ID, LONG_ID]
    )
    target = tmp_path / "index.pdf"
    monkeypatch.setattr(printactions, "choose_pdf_path", lambda _parent, _name: target)
    with qtbot.waitSignal(actions.pdf_written, timeout=20000) as blocker:
        actions.pdf_index_action.trigger()
    assert blocker.args[1] == 1
    text = flat(pdf_text(target))
    assert text.index("2145/QĐ-UBND") < text.index("54/KH-UBND")


def test_an_unknown_notice_reports_failure(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = printactions.install_print_actions(demo_window, current_id=lambda: "khong-co")
    monkeypatch.setattr(printactions, "choose_pdf_path", lambda _p, _n: tmp_path / "x.pdf")
    with qtbot.waitSignal(actions.failed, timeout=20000) as blocker:
        actions.pdf_action.trigger()
    assert "khong-co" in blocker.args[0]
    assert not (tmp_path / "x.pdf").exists()


def test_settings_round_trip_the_style(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    style = PrintStyle(margins=PageMargins(top=22, bottom=21, left=33, right=16), font_size=14)
    printactions.save_style(settings, style)
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert printactions.load_style(again) == style
    again.setValue(printactions.MARGIN_KEYS["left"], "5")
    assert printactions.load_style(again).margins.left == 30


def test_the_signing_block_never_splits_from_nơi_nhận(
    qapp: object, demo_dir: Path, tmp_path: Path
) -> None:
    # "Nơi nhận" and the signing block are one table row: when it met the foot
    # of a page, Qt split it, "Nơi nhận:" and "KT. GIÁM ĐỐC" on one page, the
    # rest on the next, and the PDF kept a clipped second "KT. GIÁM ĐỐC".
    archive = open_archive(demo_dir)
    try:
        with archive.reading() as session:
            ids = queries.notice_ids(session)
    finally:
        archive.close()
    signers = {d.signer.name for d in (detail(demo_dir, i) for i in ids) if d.signer}
    assert signers
    path = tmp_path / "all.pdf"
    pagepainter.write_pdf(path, sources_for(demo_dir, ids))
    pages = pdf_text(path).split("\f")
    signed = [page for page in pages if "Nơi nhận:" in page]
    assert signed
    for page in signed:
        assert any(name in page for name in signers), page[-300:]
