"""A notice's validity badge and urgency stamp, painted in a list row.

The list's title cell shows the urgency at its left, as a red stamp ("HỎA
TỐC", "THƯỢNG KHẨN", "KHẨN"), and the validity status at its right, as a
coloured badge ("Còn hiệu lực", "Hết hiệu lực toàn bộ"…), in the colours
the article uses (desktop/render/article.py). Models answer BADGES_ROLE
with a `Badges`; `paint_badges` paints them and returns the option with the
room left for the title, which the delegate then paints as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPen
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    # PySide6 makes a Qt class's Python type, with all its enums (QStyle's are
    # many), when it is first named: these are named when rows are painted.
    from PySide6.QtWidgets import QStyleOptionViewItem

#: A row's `Badges` (None when it has neither a status nor an urgency).
BADGES_ROLE = Qt.ItemDataRole.UserRole + 20

#: (text, background) of each status's badge, as in the article.
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "in_force": ("#1b6e20", "#e3f4e4"),
    "not_yet": ("#8a5a00", "#fff3d6"),
    "partly_expired": ("#a85400", "#ffe9d6"),
    "expired": ("#a8071a", "#fde2e1"),
}
#: The stamp's red (Decree 30 prints urgency in red).
STAMP_COLOR = "#c00000"
_PAD = 4
_GAP = 6
#: The title keeps at least this many average characters: in a narrow list
#: the status badge first takes its short form ("Hết hiệu lực"), then a
#: badge that only reassures ("Còn hiệu lực") gives way (the article still
#: shows it). A badge that warns keeps its short form as long as it fits in
#: the cell at all, as does the stamp: urgency and lost force must not be missed.
MIN_TITLE_CHARS = 14
#: The statuses whose badge warns that a notice is (partly) out of force.
WARNING_STATUSES = frozenset({"expired", "partly_expired"})


@dataclass(frozen=True)
class Badges:
    """What a row shows beside its title: the urgency's words, the status, its words and their
    short form for a narrow list."""

    urgency: str = ""
    status: str | None = None
    status_text: str = ""
    status_short: str = ""

    def __bool__(self) -> bool:
        return bool(self.urgency or self.status_text)


def _small_font(option: QStyleOptionViewItem, *, bold: bool) -> QFont:
    font = QFont(option.font)
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(7.0, size * 0.85))
    font.setBold(bold)
    return font


def badge_layout(option: QStyleOptionViewItem, badges: Badges) -> tuple[int, int, str]:
    """How wide the stamp (left) and the badge (right) are, with their gaps (0 when absent),
    and the badge's words: its full form, else its short form, as the cell's width allows."""
    left = right = 0
    words = ""
    if badges.urgency:
        metrics = QFontMetrics(_small_font(option, bold=True))
        left = metrics.horizontalAdvance(badges.urgency) + 2 * _PAD + _GAP
    if left > option.rect.width():
        left = 0
    if badges.status_text:
        metrics = QFontMetrics(_small_font(option, bold=False))
        title_min = MIN_TITLE_CHARS * QFontMetrics(option.font).averageCharWidth()
        forms = [badges.status_text]
        if badges.status_short and badges.status_short != badges.status_text:
            forms.append(badges.status_short)
        for form in forms:
            width = metrics.horizontalAdvance(form) + 2 * _PAD + _GAP
            if option.rect.width() - left - width >= title_min:
                right, words = width, form
                break
        else:
            # No room for both: the title first, unless the badge warns.
            if badges.status in WARNING_STATUSES:
                width = metrics.horizontalAdvance(forms[-1]) + 2 * _PAD + _GAP
                if left + width <= option.rect.width():
                    right, words = width, forms[-1]
    return left, right, words


def paint_badges(
    painter: QPainter, option: QStyleOptionViewItem, badges: Badges
) -> QStyleOptionViewItem:
    """Paint the row's background, stamp and badge; return *option* narrowed to the title's room.

    The background is painted across the whole cell first, so the selection
    and alternate colours reach under the stamp and the badge too.
    """
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    panel = QStyleOptionViewItem(option)
    panel.text = ""
    panel.icon = QIcon()
    style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, panel, painter, widget)
    left, right, words = badge_layout(option, badges)
    rect = option.rect
    # A fixed band at the top of the row: a search result's snippet lines stay below it.
    line = QFontMetrics(option.font).height()
    band = QRect(rect.left(), rect.top() + 2, rect.width(), line + 2)
    if rect.height() < line + 6:
        band = QRect(rect.left(), rect.top(), rect.width(), rect.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if badges.urgency and left:
        font = _small_font(option, bold=True)
        painter.setFont(font)
        box = QRectF(band.left() + 2, band.top() + 2, left - _GAP, band.height() - 4)
        color = QColor(STAMP_COLOR)
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 2, 2)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), badges.urgency)
    if words and right:
        font = _small_font(option, bold=False)
        painter.setFont(font)
        ink, fill = STATUS_COLORS.get(badges.status or "", ("#444444", "#eeeeee"))
        box = QRectF(
            band.right() - right + _GAP - 2, band.top() + 2, right - _GAP, band.height() - 4
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setPen(QColor(ink))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), words)
    painter.restore()
    narrowed = QStyleOptionViewItem(option)
    narrowed.rect = QRect(
        rect.left() + left, rect.top(), rect.width() - left - right, rect.height()
    )
    return narrowed
