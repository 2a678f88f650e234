"""A notice's validity status from its own row: what the list shows beside each notice.

Standard library only: the window's first page (db/firstlook.py) shows the
badges before SQLAlchemy is loaded. `db.validity` holds the rules
(`status_of`) and keeps these in step with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db.common import VN_TZ


@dataclass(frozen=True)
class Standing:
    """What of a notice's validity depends on other notices, stored on its row.

    It changes only when the archive does, so imports keep it
    (db/validitystore.py) and a status on any day is then a pure function
    of the row (`stored_status`, `status_condition`).
    """

    #: The first day a present notice that replaces or repeals it takes effect.
    ended_on: date | None = None
    #: The same for a present notice that partly repeals it.
    partly_on: date | None = None
    #: It has legal fields, states a relation, or a present notice states one toward it.
    legal: bool = False


def stored_status(
    effective: date | None,
    expires: date | None,
    standing: Standing,
    day: date,
) -> str | None:
    """The status on *day* of a notice with these columns: `status_of`'s, from its row alone."""
    if not standing.legal:
        return None
    if (expires is not None and expires <= day) or (
        standing.ended_on is not None and standing.ended_on <= day
    ):
        return "expired"
    if effective is not None and effective > day:
        return "not_yet"
    if standing.partly_on is not None and standing.partly_on <= day:
        return "partly_expired"
    return "in_force"


def today() -> date:
    """Today in Vietnam: the day statuses are shown for unless another is asked."""
    return datetime.now(VN_TZ).date()
