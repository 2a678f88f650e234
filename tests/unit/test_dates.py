"""The portal's date forms, in +07:00, without Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from db.types import VN_TZ, whole_seconds
from desktop.render.dates import date_time, posted_line, short_date, time_only


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


def test_posted_line() -> None:
    assert posted_line(vn(2023, 3, 27, 9, 0)) == "Đăng ngày 27 - 03 - 2023"
    assert posted_line(vn(2023, 3, 27, 9, 0), "en") == "Posted on 27 - 03 - 2023"
    assert posted_line(date(2023, 1, 4)) == "Đăng ngày 04 - 01 - 2023"


def test_short_date() -> None:
    assert short_date(vn(2023, 3, 27, 23, 59)) == "27/03/2023"
    assert short_date(date(2023, 1, 4), "en") == "04/01/2023"


@pytest.mark.parametrize(
    ("hour", "minute", "vi", "en"),
    [
        (7, 20, "7:20 SA", "7:20 AM"),
        (0, 5, "12:05 SA", "12:05 AM"),
        (11, 59, "11:59 SA", "11:59 AM"),
        (12, 5, "12:05 CH", "12:05 PM"),
        (15, 20, "3:20 CH", "3:20 PM"),
        (23, 0, "11:00 CH", "11:00 PM"),
    ],
)
def test_time_only(hour: int, minute: int, vi: str, en: str) -> None:
    moment = vn(2023, 6, 5, hour, minute)
    assert time_only(moment) == vi
    assert time_only(moment, "en") == en


def test_date_time() -> None:
    assert date_time(vn(2023, 6, 5, 7, 20)) == "05/06/2023 7:20 SA"
    assert date_time(vn(2023, 6, 5, 7, 20), "en") == "05/06/2023 7:20 AM"


def test_converted_to_vietnam_time_first() -> None:
    # 20:30 UTC on 26 March is 03:30 on 27 March in Vietnam.
    moment = datetime(2023, 3, 26, 20, 30, tzinfo=UTC)
    assert date_time(moment) == "27/03/2023 3:30 SA"
    assert posted_line(moment) == "Đăng ngày 27 - 03 - 2023"
    minus_five = datetime(2023, 3, 26, 15, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert date_time(minus_five) == "27/03/2023 3:30 SA"


def test_naive_datetime_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        date_time(datetime(2023, 3, 27, 9, 0))


def test_unknown_language_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        posted_line(vn(2023, 3, 27, 9, 0), "fr")


@given(
    st.datetimes(
        timezones=st.sampled_from([UTC, VN_TZ, timezone(timedelta(hours=-9, minutes=-30))])
        | st.none()
    )
)
@example(datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC))
@example(datetime(1, 1, 1, tzinfo=VN_TZ))
def test_whole_seconds_is_the_floor_of_the_seconds_since_the_epoch(value: datetime) -> None:
    given_zone = value if value.tzinfo is not None else value.replace(tzinfo=VN_TZ)
    since = given_zone - datetime(1970, 1, 1, tzinfo=UTC)
    assert whole_seconds(value) == since // timedelta(seconds=1)
