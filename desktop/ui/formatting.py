"""Dates and times as the portal writes them, through QLocale.

"27/03/2023" in lists, "05/06/2023 7:20 SA" beside links (SA/CH in
Vietnamese, AM/PM in English). Every time is shown in +07:00.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from db.types import VN_TZ

_LOCALES = {"vi": QLocale("vi_VN"), "en": QLocale("en_GB")}


def locale_for(lang: str) -> QLocale:
    return _LOCALES.get(lang, _LOCALES["vi"])


def _qt(dt: datetime) -> QDateTime:
    # Shown in Vietnam's time whatever the machine's zone is.
    local = dt.astimezone(VN_TZ) if dt.tzinfo is not None else dt
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def short_date(dt: datetime, lang: str = "vi") -> str:
    """27/03/2023"""
    return locale_for(lang).toString(_qt(dt), "dd/MM/yyyy")


def date_time(dt: datetime, lang: str = "vi") -> str:
    """05/06/2023 7:20 SA"""
    return locale_for(lang).toString(_qt(dt), "dd/MM/yyyy h:mm AP")
