"""The notices the reader went through, for Back and Forward (Alt+← / Alt+→).

Plain Python, no Qt: the article controller (desktop/ui/reader.py) keeps one.
"""

from __future__ import annotations


class History:
    """Notice ids in the order they were opened, and where the reader stands among them.

    Opening a notice from the middle of the history drops the ones after it,
    as a web browser does; opening the notice already shown adds nothing.
    """

    def __init__(self) -> None:
        self._ids: list[str] = []
        self._pos = -1

    def visit(self, notice_id: str) -> None:
        if self.current() == notice_id:
            return
        del self._ids[self._pos + 1 :]
        self._ids.append(notice_id)
        self._pos = len(self._ids) - 1

    def current(self) -> str | None:
        return self._ids[self._pos] if 0 <= self._pos < len(self._ids) else None

    def can_go_back(self) -> bool:
        return self._pos > 0

    def can_go_forward(self) -> bool:
        return 0 <= self._pos < len(self._ids) - 1

    def back(self) -> str | None:
        """Step back; the notice to show, or None at the start."""
        if not self.can_go_back():
            return None
        self._pos -= 1
        return self._ids[self._pos]

    def forward(self) -> str | None:
        """Step forward; the notice to show, or None at the end."""
        if not self.can_go_forward():
            return None
        self._pos += 1
        return self._ids[self._pos]

    def clear(self) -> None:
        self._ids.clear()
        self._pos = -1

    def entries(self) -> tuple[list[str], int]:
        """The ids, oldest first, and the index of the one shown (-1: none)."""
        return list(self._ids), self._pos
