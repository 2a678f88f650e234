"""Room in the status bar for a message: the long permanent labels step aside while it shows.

The status bar keeps four labels on its right (to-do, counts, last import,
freshness); a message such as "Đã xuất 1 trang ra …/tên tệp.pdf" got what was
left of the bar and was cut after a few words. While a message shows, the two
long labels hide, as QStatusBar hides its ordinary widgets; they come back with
the message's end.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar, QWidget

#: The permanent labels that give way: the last import, and how fresh the data are.
GIVING_WAY = ("updateLabel", "freshnessLabel")


def give_way_to_messages(bar: QStatusBar) -> None:
    """Hide the long labels of *bar* while it shows a message."""

    def on_message(message: str) -> None:
        for name in GIVING_WAY:
            label = bar.findChild(QWidget, name)
            if label is not None:
                label.setVisible(not message)

    bar.messageChanged.connect(on_message)
