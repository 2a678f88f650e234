"""F6 and Shift+F6: moving the keyboard focus from pane to pane, as desktop programs do."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def cycle(panes: Sequence[QWidget], step: int) -> None:
    """Focus the pane *step* away from the one holding the focus (the first when none does)."""
    focused = QApplication.focusWidget()
    current = -1
    for i, pane in enumerate(panes):
        if focused is not None and (focused is pane or pane.isAncestorOf(focused)):
            current = i
            break
    panes[(current + step) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)
