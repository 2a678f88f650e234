"""desktop.render.dates prints exactly what QLocale vi_VN prints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

from desktop.render.dates import date_time, posted_line, short_date, time_only

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
VN_OFFSET = QTimeZone(7 * 3600)


def moments() -> list[datetime]:
    """Every 7 minutes over two days (all hours and both sides of noon), plus far dates."""
    start = datetime(2023, 6, 4, 16, 0, tzinfo=UTC)
    steps = [start + timedelta(minutes=7 * step) for step in range(2 * 24 * 60 // 7)]
    far = [datetime(year, 12, 31, 17, 0, tzinfo=UTC) for year in (1999, 2000, 2024, 2099)]
    return steps + far


def qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), VN_OFFSET)


def test_qlocale_words_are_what_we_assume() -> None:
    assert (VIETNAMESE.amText(), VIETNAMESE.pmText()) == ("SA", "CH")
    assert (ENGLISH.amText(), ENGLISH.pmText()) == ("AM", "PM")


def test_date_time_matches_qlocale() -> None:
    for moment in moments():
        expected = VIETNAMESE.toString(qt(moment), "dd/MM/yyyy h:mm AP")
        assert date_time(moment) == expected
        assert date_time(moment, "en") == ENGLISH.toString(qt(moment), "dd/MM/yyyy h:mm AP")


def test_other_forms_match_qlocale() -> None:
    for moment in moments():
        assert time_only(moment) == VIETNAMESE.toString(qt(moment), "h:mm AP")
        assert short_date(moment) == VIETNAMESE.toString(qt(moment), "dd/MM/yyyy")
        expected = "Đăng ngày " + VIETNAMESE.toString(qt(moment), "dd - MM - yyyy")
        assert posted_line(moment) == expected
