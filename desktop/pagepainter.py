"""The page painter: lays out `PrintSource`s on A4 and paints them on any paged device.

The Qt half of printing; the Qt-free template that decides what the pages
say is `desktop/render/printtemplate.py`.

Uses QtGui only (QTextDocument, QPdfWriter, QPainter), so the command line
renders PDFs headless with a QGuiApplication; the window hands in a QPrinter
from its print preview, which is a QPagedPaintDevice like QPdfWriter.

Each document is laid out for the device it is painted on, at that device's
resolution, from the print template alone: the window's on-screen zoom never
reaches it. Pagination is QTextDocument's own (lines never split across
pages; table header rows repeat), except for a long table given as rows
(`PagedTable`: the receipts report, the register book), which this module
cuts into one table per page itself; it adds the margins, the page number
centred in the top margin from page 2 on, and the footer line.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextOption,
    QTextTable,
)

from desktop.render.printtemplate import (
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    PageMargins,
    PrintSource,
    PrintStyle,
    indent_declaration,
)

log = logging.getLogger(__name__)

#: Letters a serif must hold to print Vietnamese: stacked marks and Đ.
VIETNAMESE_SAMPLE = "ạếữỵĐđẫậờợựẳ"
#: Times New Roman where installed; then metric-compatible serifs with full
#: Vietnamese coverage; DejaVu Serif last (wider, but it covers Vietnamese).
SERIF_CANDIDATES = ("Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif")
#: The footer line's size in points.
FOOTER_SIZE = 10.0
#: Resolution of PDFs written by `write_pdf`.
PDF_DPI = 1200


def font_covers(family: str, sample: str = VIETNAMESE_SAMPLE) -> bool:
    """Whether the installed *family* itself (no fallback font) has every letter of *sample*.

    QFontMetrics.inFont answers for the font *with* its fallbacks; a raw
    font of the matched file does not, which is what matters: Liberation
    Serif 1.x lacks the stacked marks that 2.x has, under the same name.
    """
    if not QFontDatabase.hasFamily(family):
        return False
    for bold in (False, True):
        font = QFont(family)
        font.setBold(bold)
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
        raw = QRawFont.fromFont(font)
        if not raw.isValid() or raw.familyName().casefold() != family.casefold():
            return False
        if not all(raw.supportsCharacter(ord(ch)) for ch in sample):
            return False
    return True


def choose_serif(candidates: Sequence[str] = SERIF_CANDIDATES) -> str:
    """The first candidate installed with full Vietnamese coverage."""
    for family in candidates:
        if font_covers(family):
            return family
    installed = [f for f in candidates if QFontDatabase.hasFamily(f)]
    log.warning("no serif with full Vietnamese coverage; printing with %s", installed or "Serif")
    return installed[0] if installed else "Serif"


@cache
def serif_family() -> str:
    """The print font, chosen once per run."""
    return choose_serif()


def _font(family: str, points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


# -- layout -------------------------------------------------------------------------------


class _Units:
    """Lengths for one device: in device pixels, or in the CSS pixels of text formats.

    QTextDocumentLayout scales every length in a format (margins, indents,
    borders, padding, image sizes) from CSS pixels (1/96 in) to the device;
    the page size and the painter work in device pixels.
    """

    def __init__(self, dpi: float) -> None:
        self.dpi = dpi

    def mm(self, value: float) -> float:
        """Millimetres in device pixels."""
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        """Points in device pixels."""
        return value * self.dpi / 72.0

    def fmt_from_device(self, value: float) -> float:
        return value * 96.0 / self.dpi


class PrintDocument(QTextDocument):
    """A print document: images only from the notice's own attachments, never from disk or
    the network."""

    def __init__(self, images: Mapping[str, bytes] | None = None) -> None:
        super().__init__()
        self.images: dict[str, QImage] = {}
        for sha, data in (images or {}).items():
            image = QImage.fromData(data)
            if not image.isNull():
                self.images[sha] = image

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        url = QUrl(name)
        if kind == QTextDocument.ResourceType.ImageResource and url.scheme() == "attachment":
            return self.images.get(url.path())
        return QImage()


@dataclass
class LaidOut:
    """One source laid out for one device: its document and page geometry."""

    source: PrintSource
    document: PrintDocument
    body: QRectF  # the margin box, in device pixels from the paper's corner
    #: The printed number of its first page, less one: a long table's later pages.
    first_number: int = 0
    _top_blocks: list[QTextBlock] | None = None

    @property
    def pages(self) -> int:
        return self.document.pageCount()

    def top_blocks(self) -> list[QTextBlock]:
        """The paragraphs of the root frame (not those inside tables)."""
        if self._top_blocks is None:
            spans = [
                (frame.firstPosition(), frame.lastPosition())
                for frame in self.document.rootFrame().childFrames()
            ]
            found: list[QTextBlock] = []
            block = self.document.begin()
            while block.isValid():
                at = block.position()
                if not any(first <= at <= last for first, last in spans):
                    found.append(block)
                block = block.next()
            self._top_blocks = found
        return self._top_blocks


def _crosses(rect: QRectF, y: float) -> bool:
    return rect.top() < y - 0.5 and rect.bottom() > y + 0.5


def _scale_images(doc: PrintDocument, body: QRectF, units: _Units) -> None:
    """Shrink images that would not fit in the margin box.

    An image pixel is a CSS pixel, as on screen. Only notices with images pay
    for this walk (PySide6 6.12 drops a reference to None on every call of a
    void binding under Python 3.11, so the walk is kept off text-only notices).
    """
    if not doc.images:
        return
    found: list[tuple[int, QTextImageFormat]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                found.append((fragment.position(), fmt.toImageFormat()))
            it += 1
        block = block.next()
    room_w = units.fmt_from_device(body.width())
    room_h = units.fmt_from_device(body.height()) * 0.9
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for position, image_fmt in found:
        image = doc.images.get(QUrl(image_fmt.name()).path())
        if image is None:
            continue
        width, height = float(image.width()), float(image.height())
        scale = min(1.0, room_w / width, room_h / height)
        image_fmt.setWidth(width * scale)
        image_fmt.setHeight(height * scale)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image_fmt)
    cursor.endEditBlock()


def body_rect(margins: PageMargins, dpi: float, landscape: bool = False) -> QRectF:
    """The margin box of an A4 page, in device pixels from the paper's corner."""
    units = _Units(dpi)
    if landscape:
        # The same margins, the binding edge still on the left.
        width = PAGE_HEIGHT_MM - margins.left - margins.right
        height = PAGE_WIDTH_MM - margins.top - margins.bottom
        return QRectF(
            units.mm(margins.left), units.mm(margins.top), units.mm(width), units.mm(height)
        )
    return QRectF(
        units.mm(margins.left),
        units.mm(margins.top),
        units.mm(margins.body_width_mm),
        units.mm(margins.body_height_mm),
    )


def _new_document(
    source: PrintSource,
    html: str,
    device: QPagedPaintDevice,
    style: PrintStyle,
    family: str,
    body: QRectF,
) -> PrintDocument:
    """*html* in a document set up for *device*, not yet given a page size."""
    dpi = float(device.logicalDpiY())
    doc = PrintDocument(source.images)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(_font(family, style.font_size))
    option = QTextOption()
    # A long word or number in a narrow table column breaks rather than
    # pushing the table past the margin.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setHtml(html.replace(indent_declaration(style), indent_declaration(style, dpi / 96.0)))
    _scale_images(doc, body, _Units(dpi))
    # Laid out once, at the end, for the device: a change after this would
    # lay the document out again (quadratic in a long table).
    doc.documentLayout().setPaintDevice(device)
    return doc


def lay_out(
    source: PrintSource,
    device: QPagedPaintDevice,
    style: PrintStyle,
    family: str | None = None,
    html: str | None = None,
    first_number: int = 0,
) -> LaidOut:
    """Lay *source* (or *html* in its place) out in pages for *device*, at the device's
    resolution."""
    family = family or serif_family()
    body = body_rect(style.margins, float(device.logicalDpiY()), source.landscape)
    doc = _new_document(source, source.html if html is None else html, device, style, family, body)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    _keep_rows_whole(doc, body.height())
    return LaidOut(source=source, document=doc, body=body, first_number=first_number)


#: Units of a long table laid out together to measure their heights.
MEASURE_UNITS = 50
#: Room left at the foot of a page cut by `lay_out_pages`, in millimetres.
PAGE_SLACK_MM = 2.0


def _unit_tops(doc: QTextDocument, units: Sequence[str]) -> list[float]:
    """The top of each unit's first row in *doc*'s table, then the table's bottom."""
    table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
    layout = doc.documentLayout()
    row = table.format().headerRowCount()
    last_column = table.columns() - 1  # never spanned from an earlier row
    tops: list[float] = []
    for unit in units:
        cell = table.cellAt(row, last_column)
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        row += unit.count("<tr")
    tops.append(layout.frameBoundingRect(table).bottom())
    return tops


def _cut(
    heights: Sequence[float], first_top: float, next_top: float, room: float
) -> list[list[int]]:
    """The units of each page, greedily: as many whole units as fit."""
    pages: list[list[int]] = [[]]
    y = first_top
    for index, height in enumerate(heights):
        if pages[-1] and y + height > room:
            pages.append([])
            y = next_top
        pages[-1].append(index)
        y += height
    return pages


def lay_out_pages(
    source: PrintSource,
    device: QPagedPaintDevice,
    style: PrintStyle,
    family: str | None = None,
) -> list[LaidOut]:
    """Lay *source* out; a long table (`source.table`) as one document per page.

    The units are measured in documents of `MEASURE_UNITS`, then cut into
    pages, each a table of its own under the repeated header: the time grows
    with the rows, where one document holding the whole table grows faster on
    every page laid out and painted. A page the measure misjudged still prints
    whole: its document simply takes two pages.
    """
    table = source.table
    if table is None:
        return [lay_out(source, device, style, family)]
    family = family or serif_family()
    dpi = float(device.logicalDpiY())
    body = body_rect(style.margins, dpi, source.landscape)

    def tops(units: Sequence[str], first: bool) -> list[float]:
        doc = _new_document(
            source, table.html(units, first=first, last=False), device, style, family, body
        )
        doc.setTextWidth(body.width())
        return _unit_tops(doc, units)

    units = table.units
    heights: list[float] = []
    first_top = next_top = 0.0
    for start in range(0, len(units), MEASURE_UNITS):
        # One unit more than measured: its top is where the last one ends.
        measured = tops(units[start : start + MEASURE_UNITS + 1], first=start == 0)
        if start == 0:
            first_top = measured[0]
        count = min(MEASURE_UNITS, len(units) - start)
        heights.extend(measured[i + 1] - measured[i] for i in range(count))
    if units:
        next_top = tops(units[:1], first=False)[0]
    room = body.height() - _Units(dpi).mm(PAGE_SLACK_MM)
    pages = _cut(heights, first_top, next_top, room)
    laid: list[LaidOut] = []
    number = 0
    for index, chosen in enumerate(pages):
        html = table.html(
            [units[i] for i in chosen], first=index == 0, last=index == len(pages) - 1
        )
        done = lay_out(source, device, style, family, html=html, first_number=number)
        number += done.pages
        laid.append(done)
    return laid


#: Rows moved to a new page at most, per document: each move lays it out again.
MAX_ROW_MOVES = 200


def _straddling_row(doc: QTextDocument, page_height: float) -> tuple[QTextTable, int] | None:
    """The first table row that starts on one page and ends on the next."""
    layout = doc.documentLayout()
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        # The first body row has no row above it: its whole table moves, once.
        moved = frame.format().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        for row in range(frame.format().headerRowCount() + bool(moved), frame.rows()):
            top = bottom = None
            for column in range(frame.columns()):
                cell = frame.cellAt(row, column)
                first = layout.blockBoundingRect(cell.firstCursorPosition().block())
                last = layout.blockBoundingRect(cell.lastCursorPosition().block())
                top = first.top() if top is None else min(top, first.top())
                bottom = last.bottom() if bottom is None else max(bottom, last.bottom())
            if top is None or bottom is None or bottom - top >= page_height:
                continue  # a row taller than a page has to split
            if int(top // page_height) != int((bottom - 1) // page_height):
                return frame, row
    return None


def _keep_rows_whole(doc: QTextDocument, page_height: float) -> None:
    """Move each table row that would split across pages to the next page,
    with a page break after the row above it (a break before the row itself
    makes Qt start two pages, the first holding only the repeated header); a
    first row's whole table moves ("Nơi nhận" and the signing block are one row).

    Qt paints a split cell once per page and only clips the part that
    belongs elsewhere; in a PDF the clipped text is still there, so copying or
    searching the PDF found those lines twice. A row kept whole avoids it.
    """
    for _ in range(MAX_ROW_MOVES):
        found = _straddling_row(doc, page_height)
        if found is None:
            return
        table, row = found
        if row == (table_format := table.format()).headerRowCount():
            table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            table.setFormat(table_format)
            continue
        for column in range(table.columns()):
            cursor = table.cellAt(row - 1, column).lastCursorPosition()
            block_format = cursor.blockFormat()
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter)
            cursor.setBlockFormat(block_format)


# -- painting -------------------------------------------------------------------------------


def page_layout(margins: PageMargins, landscape: bool = False) -> QPageLayout:
    """A4 with *margins*: what the device is told, so a page-setup dialog shows it."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(margins.left, margins.top, margins.right, margins.bottom),
        QPageLayout.Unit.Millimeter,
    )


def device_margins(device: QPagedPaintDevice) -> PageMargins:
    """The margins a device (a printer after page setup) asks for, moved into the decree's
    ranges."""
    m = device.pageLayout().margins(QPageLayout.Unit.Millimeter)
    return PageMargins.clamped(m.top(), m.bottom(), m.left(), m.right())


def paint(
    device: QPagedPaintDevice,
    sources: Sequence[PrintSource],
    style: PrintStyle | None = None,
    family: str | None = None,
) -> int:
    """Paint *sources* on *device*, each from a new page; returns the page count.

    The documents of one job share an orientation: all portrait or all landscape.
    """
    style = style or PrintStyle()
    family = family or serif_family()
    landscape = bool(sources) and sources[0].landscape
    if any(source.landscape != landscape for source in sources):
        raise ValueError("the documents of one print job must share an orientation")
    if not device.setPageLayout(page_layout(style.margins, landscape)):
        log.warning("the print device refused the page layout")
    laid = [done for source in sources for done in lay_out_pages(source, device, style, family)]
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the print device could not be opened")
    total = 0
    try:
        # The painter's origin is the device's paint rect (the margin box);
        # work from the paper's corner instead, to draw in the margins.
        dpi = float(device.logicalDpiY())
        origin = device.pageLayout().paintRectPixels(round(dpi)).topLeft()
        painter.translate(-origin.x(), -origin.y())
        for doc in laid:
            for page in range(doc.pages):
                if total:
                    device.newPage()
                total += 1
                _paint_page(painter, doc, page, family, style, dpi)
    finally:
        painter.end()
    return total


def _paint_page(
    painter: QPainter, doc: LaidOut, page: int, family: str, style: PrintStyle, dpi: float
) -> None:
    units = _Units(dpi)
    body = doc.body
    height = body.height()
    painter.save()
    painter.translate(body.left(), body.top() - page * height)
    clip = QRectF(0, page * height, body.width(), height)
    painter.setClipRect(clip)
    layout = doc.document.documentLayout()
    top, bottom = clip.top(), clip.bottom()
    # QTextLayout::draw also draws the line just above its clip. Outside the
    # painter's clip it is invisible, but a PDF would still carry its text
    # twice. So a paragraph that began on an earlier page is drawn here line
    # by line, and the layout's clip starts below it.
    carried = [b for b in doc.top_blocks() if _crosses(layout.blockBoundingRect(b), top)]
    start = max([top, *(layout.blockBoundingRect(b).bottom() for b in carried)])
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, start + 1, clip.width(), bottom - start - 2)
    context.palette.setColor(context.palette.ColorRole.Text, QColor(Qt.GlobalColor.black))
    painter.setPen(QColor(Qt.GlobalColor.black))
    for block in carried:
        text_layout = block.layout()
        origin = text_layout.position()
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            y = origin.y() + line.y()
            if y >= top - 0.5 and y + line.height() <= bottom + 0.5:
                line.draw(painter, origin)
    layout.draw(painter, context)
    painter.restore()

    painter.save()
    painter.setPen(QColor(Qt.GlobalColor.black))
    number = doc.first_number + page
    if number >= 1:
        # Decree 30: Arabic numerals, centred in the top margin, from page 2.
        painter.setFont(_font(family, style.font_size))
        number_box = QRectF(body.left(), 0, body.width(), body.top())
        painter.drawText(number_box, int(Qt.AlignmentFlag.AlignCenter), str(number + 1))
    footer_font = _font(family, FOOTER_SIZE, italic=True)
    painter.setFont(footer_font)
    metrics = QFontMetricsF(footer_font, painter.device())
    text = metrics.elidedText(doc.source.footer, Qt.TextElideMode.ElideMiddle, body.width())
    gap = units.mm(5)
    footer_box = QRectF(body.left(), body.bottom() + gap, body.width(), metrics.height() * 1.5)
    painter.drawText(
        footer_box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text
    )
    painter.restore()


def _pdf_writer(
    target: object, style: PrintStyle, title: str, landscape: bool = False
) -> QPdfWriter:
    writer: QPdfWriter = QPdfWriter(target)  # type: ignore[call-overload]
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(style.margins, landscape))
    writer.setCreator("Bảng Tin")
    writer.setTitle(title)
    return writer


def write_pdf(
    path: Path,
    sources: Sequence[PrintSource],
    style: PrintStyle | None = None,
    family: str | None = None,
) -> int:
    """Write *sources* to a PDF at *path*; returns the page count.

    Written to a temporary file beside *path* and renamed, so a failed run
    never leaves half a PDF under the name asked for.
    """
    if not sources:
        raise ValueError("nothing to print")
    style = style or PrintStyle()
    path = Path(path)
    title = sources[0].title if len(sources) == 1 else "Bảng Tin"
    partial = path.with_name(path.name + ".part")
    try:
        # Opened here first: a folder we may not write in raises an OSError
        # that says why, where QPdfWriter only fails to begin painting.
        partial.open("wb").close()
    except OSError as exc:
        exc.filename = str(path)
        raise
    writer = _pdf_writer(str(partial), style, title, sources[0].landscape)
    try:
        pages = paint(writer, sources, style, family)
        del writer  # QPdfWriter finishes the file when it is destroyed
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return pages
