"""The "Nội dung" / "Lược đồ (N)" tabs over the article, and the page of a tab built later.

The "Lược đồ" view (desktop/ui/relationsview.py) and the office's register
and to-do views are not on the first screen: each tab holds a `LaterPage`
until it is first shown, and only then is the view's module imported and
the view built into it. A count on a tab is kept by its owner, not read
from the view, so it is right before the view is built.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

CONTENT_TAB, RELATIONS_TAB = 0, 1


class LaterPage(QWidget):
    """An empty tab page until `fill(view)` puts its view in it; focus goes to the view."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.view: QWidget | None = None

    def fill(self, view: QWidget) -> None:
        self.view = view
        self._layout.addWidget(view)
        self.setFocusProxy(view)
        view.show()  # at once, not when the event loop next runs
        # Sized now, before it is filled: rows that wrap are measured at its width.
        self._layout.activate()


class ArticleTabs(QTabWidget):
    """ "Nội dung" (the article) and "Lược đồ (N)" (its relations), as vbpl.vn's tabs."""

    def __init__(self, article: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleTabs")
        self.setDocumentMode(True)
        self.relations_page = LaterPage("relationsPage")
        self._count = 0
        self.addTab(article, "")
        self.addTab(self.relations_page, "")
        self.retranslate()

    def update_count(self, count: int) -> None:
        """Show *count* related notices on the "Lược đồ" tab."""
        self._count = count
        label = self.tr("Lược đồ")
        self.setTabText(RELATIONS_TAB, f"{label} ({count})" if count else label)

    def retranslate(self) -> None:
        self.setTabText(CONTENT_TAB, self.tr("Nội dung"))
        self.setTabToolTip(CONTENT_TAB, self.tr("Toàn văn văn bản"))
        self.setTabToolTip(
            RELATIONS_TAB, self.tr("Văn bản căn cứ, sửa đổi, thay thế, bãi bỏ, hướng dẫn")
        )
        self.update_count(self._count)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
