"""The right pane: the article in a QTextBrowser, with its text-size control.

The browser never follows a link itself: every click comes out as
`link_activated(QUrl)` and the window decides (notice:, attachment:, http).
Images come from the attachments the worker read when the notice was
opened; nothing is ever fetched from the network.

A table too big to lay out here comes cut short, with a "table:N" link;
the browser opens that one itself, whole, in a table view (desktop/ui/tableview.py).

On a dark desktop the article takes the dark stylesheet (desktop/ui/theme.py,
desktop/render/styles.py) and is shown again whenever the desktop switches.

Under the article, `FindBar` (desktop/ui/findbar.py) finds words in it
(Ctrl+F). Space pages down as usual; at the very end of the article it asks
for the next unread notice instead, as feed readers do.

Signals: `ArticleBrowser.link_activated(QUrl)`, `ArticleBrowser.end_reached()`,
`ArticleBrowser.page_shown()`, `ArticleBrowser.page_painted()` (the first
paint of each page set), `ZoomBar.zoom_changed(int)`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QPaintEvent, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.render.styles import themed
from desktop.ui import icons, theme

if TYPE_CHECKING:
    # PySide6 makes a Qt class's Python type (and its enums) when it is first named:
    # these are named when a notice is shown or a key is pressed, not at the first paint.
    from PySide6.QtGui import QImage, QKeyEvent

    from desktop.render.tables import TableData
    from desktop.ui.findbar import FindBar
    from desktop.ui.tableview import TableDialog

ZOOM_MIN = 50
ZOOM_MAX = 200
ZOOM_STEP = 10
ZOOM_DEFAULT = 100

ATTACHMENT_SCHEME = "attachment"
NOTICE_SCHEME = "notice"
#: desktop.render.markdown.TABLE_SCHEME, without importing the renderer here.
TABLE_SCHEME = "table"


def clamp_zoom(value: int) -> int:
    return max(ZOOM_MIN, min(ZOOM_MAX, int(value)))


class ArticleBrowser(QTextBrowser):
    """Shows one article's HTML at the chosen text size."""

    link_activated = Signal(QUrl)
    end_reached = Signal()
    #: A page was laid out whole (a notice, a message, the same page re-themed).
    page_shown = Signal()
    #: The page set last was painted (once for each page).
    page_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.anchorClicked.connect(self._on_anchor)
        self._images: dict[str, QImage] = {}
        self._tables: tuple[TableData, ...] = ()
        #: Whole tables open now, newest last.
        self.table_dialogs: list[TableDialog] = []
        self._base_point_size = self.font().pointSizeF()
        if self._base_point_size <= 0:
            self._base_point_size = 10.0
        self._zoom = ZOOM_DEFAULT
        self._html = ""
        self._unpainted = False
        self.dark = theme.current().dark
        theme.current().changed.connect(self.set_dark)
        self.retranslate()

    def set_dark(self, dark: bool) -> None:
        """Show the page again in the colours for a dark (or light) background."""
        if dark != self.dark:
            self.dark = dark
            if self._html:
                self._set_page(self._html, keep_place=True)

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Scale the text: the document's default font, which headings follow."""
        self._zoom = clamp_zoom(percent)
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * self._zoom / 100)
        self.document().setDefaultFont(font)

    def show_article(
        self,
        html: str,
        images: Mapping[str, bytes] | None = None,
        tables: Sequence[TableData] = (),
    ) -> None:
        from PySide6.QtGui import QImage

        self._tables = tuple(tables)
        self._images = {}
        for sha, data in (images or {}).items():
            image = QImage.fromData(data)
            if not image.isNull():
                self._images[sha] = image
        self._html = html
        self._set_page(html)

    def _set_page(self, html: str, *, keep_place: bool = False) -> None:
        position = self.verticalScrollBar().value()
        self.document().clear()
        self.set_zoom(self._zoom)
        self.setHtml(themed(html, self.dark))
        if keep_place:
            self.verticalScrollBar().setValue(position)
        self._unpainted = True
        self.page_shown.emit()

    def show_message(self, html: str) -> None:
        self.show_article(html, None)

    def tables(self) -> tuple[TableData, ...]:
        """The whole content of the tables the shown page cuts short."""
        return self._tables

    def open_table(self, index: int) -> None:
        """Show table *index* of the page whole, in its own window."""
        if not 0 <= index < len(self._tables):
            return
        from desktop.ui.tableview import TableDialog

        dialog = TableDialog(self._tables[index], self.window())
        self.table_dialogs.append(dialog)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        dialog.show()

    def _forget(self, dialog: TableDialog) -> None:
        if dialog in self.table_dialogs:
            self.table_dialogs.remove(dialog)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == TABLE_SCHEME:
            number = url.path()
            if number.isascii() and number.isdigit():
                self.open_table(int(number))
            return
        self.link_activated.emit(url)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # Only images already read from the archive; a remote URL stays blank,
        # so opening an article never touches the network.
        url = QUrl(url) if isinstance(url, str) else url
        if url.scheme() == ATTACHMENT_SCHEME and kind == QTextDocument.ResourceType.ImageResource:
            return self._images.get(url.path())
        if url.scheme() == "data":
            return super().loadResource(kind, url)
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._unpainted:
            self._unpainted = False
            self.page_painted.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        if (
            event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and bar.value() >= bar.maximum()
        ):
            self.end_reached.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Nội dung văn bản"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ZoomBar(QWidget):
    """ "Cỡ chữ: − 100% +": the article's text size, 50%–200%."""

    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoomBar")
        self._value = ZOOM_DEFAULT
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        self.caption = QLabel(self)
        self.smaller = QToolButton(self)
        self.smaller.setText("−")
        self.smaller.setIcon(icons.icon("zoom-out"))
        self.smaller.setObjectName("zoomOut")
        self.label = QLabel(self)
        self.label.setObjectName("zoomLabel")
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("200%") + 8)
        self.larger = QToolButton(self)
        self.larger.setText("+")
        self.larger.setIcon(icons.icon("zoom-in"))
        self.larger.setObjectName("zoomIn")
        layout.addStretch(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.smaller)
        layout.addWidget(self.label)
        layout.addWidget(self.larger)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.smaller.clicked.connect(self.zoom_out)
        self.larger.clicked.connect(self.zoom_in)
        self._show()
        self.retranslate()

    def value(self) -> int:
        return self._value

    def set_value(self, value: int) -> None:
        value = clamp_zoom(value)
        if value == self._value:
            return
        self._value = value
        self._show()
        self.zoom_changed.emit(value)

    def zoom_in(self) -> None:
        self.set_value(self._value + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_value(self._value - ZOOM_STEP)

    def reset(self) -> None:
        self.set_value(ZOOM_DEFAULT)

    def _show(self) -> None:
        self.label.setText(f"{self._value}%")
        self.smaller.setEnabled(self._value > ZOOM_MIN)
        self.larger.setEnabled(self._value < ZOOM_MAX)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Cỡ chữ:"))
        self.smaller.setToolTip(self.tr("Thu nhỏ chữ (Ctrl+−)"))
        self.smaller.setAccessibleName(self.tr("Thu nhỏ chữ"))
        self.larger.setToolTip(self.tr("Phóng to chữ (Ctrl+=)"))
        self.larger.setAccessibleName(self.tr("Phóng to chữ"))
        self.label.setAccessibleName(self.tr("Cỡ chữ hiện tại"))
        self.setAccessibleName(self.tr("Cỡ chữ"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ArticlePane(QWidget):
    """The zoom bar above the article browser, the find bar under it.

    The find bar is hidden until Ctrl+F: it is built (and its module
    imported) when first asked for, not before the window's first paint.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zoom_bar = ZoomBar(self)
        self.browser = ArticleBrowser(self)
        self._find_bar: FindBar | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.zoom_bar)
        self._layout.addWidget(self.browser, 1)
        self.zoom_bar.zoom_changed.connect(self.browser.set_zoom)

    @property
    def find_bar(self) -> FindBar:
        """The find bar under the article (built now if it was not yet)."""
        if self._find_bar is None:
            from desktop.ui.findbar import FindBar

            self._find_bar = FindBar(self.browser, self)
            self._layout.addWidget(self._find_bar)
            # Not the document's textChanged: that fires inside QTextDocument.clear(),
            # and finding (cursors, extra selections) in a document half cleared
            # corrupts Qt's memory. The page is searched once it is whole.
            self.browser.page_shown.connect(self._find_bar.page_changed)
        return self._find_bar

    def set_zoom(self, value: int) -> None:
        self.zoom_bar.set_value(value)
        self.browser.set_zoom(self.zoom_bar.value())
