"""Back and Forward through the notices opened (desktop/ui/history.py, no Qt)."""

from __future__ import annotations

import subprocess
import sys

from desktop.ui.history import History


def test_history_is_plain_python() -> None:
    probe = "import sys, desktop.ui.history; print('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_back_and_forward_walk_the_notices_opened() -> None:
    history = History()
    assert history.entries() == ([], -1)
    assert history.current() is None
    assert not history.can_go_back() and not history.can_go_forward()
    assert history.back() is None and history.forward() is None
    for notice in ("a", "b", "c"):
        history.visit(notice)
    assert history.entries() == (["a", "b", "c"], 2)
    assert history.can_go_back() and not history.can_go_forward()
    assert history.back() == "b"
    assert history.back() == "a"
    assert history.back() is None
    assert not history.can_go_back() and history.can_go_forward()
    assert history.forward() == "b"
    assert history.current() == "b"


def test_opening_the_notice_shown_adds_nothing() -> None:
    history = History()
    history.visit("a")
    history.visit("a")
    assert history.entries() == (["a"], 0)


def test_a_new_notice_from_the_middle_drops_the_forward_ones() -> None:
    history = History()
    for notice in ("a", "b", "c"):
        history.visit(notice)
    history.back()
    history.back()
    history.visit("d")
    assert history.entries() == (["a", "d"], 1)
    assert not history.can_go_forward()
    history.clear()
    assert history.entries() == ([], -1)
