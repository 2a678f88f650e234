"""The words of a notice's validity status and urgency: "Còn hiệu lực", "HỎA TỐC"…

Qt-free; the labels are vbpl.vn's and Decree 30's, from desktop/messages. A
module of their own, apart from desktop/render/office.py's banners and
relation groups: the window's list and its "Hiệu lực" filter name statuses
before the first paint, and need nothing else of it.
"""

from __future__ import annotations

from desktop.messages import text


def status_label(status: str | None, lang: str = "vi") -> str:
    """ "Còn hiệu lực", "Hết hiệu lực toàn bộ"…; empty for news."""
    return text(f"status_{status}", lang) if status else ""


def status_short_label(status: str | None, lang: str = "vi") -> str:
    """ "Hết hiệu lực", "Hết một phần"…: a status's words for a narrow list; empty for news."""
    return text(f"status_short_{status}", lang) if status else ""


def urgency_label(urgency: str | None, lang: str = "vi") -> str:
    """ "HỎA TỐC", "THƯỢNG KHẨN", "KHẨN"; empty when not urgent."""
    return text(f"urgency_{urgency}", lang) if urgency else ""
