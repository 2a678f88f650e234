"""The Qt binding must not leak references: on Python 3.11 a leaked None aborts the app."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_setters_do_not_leak_references_to_none() -> None:
    obj = QObject()
    obj.setObjectName("warm-up")
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("bảng tin")
    # None is immortal from Python 3.12 on, and its count never moves there.
    assert abs(sys.getrefcount(None) - before) < 100
