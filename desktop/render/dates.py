"""Dates and times as the portal shows them (QLocale vi_VN), without Qt.

Every time is shown in +07:00. The 12-hour forms match
QLocale(Vietnamese, Vietnam).toString(dt, "dd/MM/yyyy h:mm AP") exactly
(tests/gui/test_dates_qlocale.py checks it): hour without a leading zero,
"SA" before noon and "CH" from noon; English uses "AM"/"PM".
"""

from __future__ import annotations

from datetime import date, datetime

from db.common import VN_TZ

_AM_PM = {"vi": ("SA", "CH"), "en": ("AM", "PM")}


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the archive only holds aware times")
    return moment.astimezone(VN_TZ)


def _day(value: date | datetime) -> date:
    return _local(value).date() if isinstance(value, datetime) else value


def _lang(lang: str) -> str:
    if lang not in _AM_PM:
        raise ValueError(f"unknown language {lang!r}")
    return lang


def posted_line(value: date | datetime, lang: str = "vi") -> str:
    """ "Đăng ngày 27 - 03 - 2023" ("Posted on 27 - 03 - 2023")."""
    # Here, not at the top: the window's list needs dates, not the catalogs, to paint.
    from desktop.messages import text

    day = _day(value)
    return text("posted_on", _lang(lang), day=f"{day.day:02d} - {day.month:02d} - {day.year:04d}")


def short_date(value: date | datetime, lang: str = "vi") -> str:
    """ "27/03/2023" in both languages."""
    _lang(lang)
    day = _day(value)
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def time_only(moment: datetime, lang: str = "vi") -> str:
    """ "3:20 CH" ("3:20 PM")."""
    local = _local(moment)
    am, pm = _AM_PM[_lang(lang)]
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02d} {am if local.hour < 12 else pm}"


def date_time(moment: datetime, lang: str = "vi") -> str:
    """ "05/06/2023 7:20 SA" ("05/06/2023 7:20 AM")."""
    return f"{short_date(moment, lang)} {time_only(moment, lang)}"
