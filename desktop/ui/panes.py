"""Moving the keyboard focus: Tab through the window in reading order, and F6 and Shift+F6
from pane to pane, as desktop programs do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def set_tab_order(window: Any) -> None:
    """Tab walks *window*'s panes in reading order (desktop/ui/mainwindow.py's widgets)."""
    order = [
        window.tree,
        window.search_bar.box,
        window.search_bar.in_category,
        *window.filter_bar.focus_chain(),
        window.list_view,
        window.article.zoom_bar.smaller,
        window.article.zoom_bar.larger,
        window.browser,
        window.related_panel.view,
        window.latest_panel.view,
    ]
    for first, second in zip(order, order[1:], strict=False):
        QWidget.setTabOrder(first, second)


def cycle(panes: Sequence[QWidget], step: int) -> None:
    """Focus the pane *step* away from the one holding the focus (the first when none does)."""
    focused = QApplication.focusWidget()
    current = -1
    for i, pane in enumerate(panes):
        if focused is not None and (focused is pane or pane.isAncestorOf(focused)):
            current = i
            break
    panes[(current + step) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)
