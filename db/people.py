"""Whose reading state a unit of work reads and writes.

On an office's shared archive (PostgreSQL) each person has their own unread
marks, openings and bookmarks: `reading_state` rows carry the person, the OS
login name by default. The SQLite archive on one PC has one reader, ''.
`Archive.reading()` and `Archive.writing()` set the person for their block;
queries ask `person()` and join through `state_of`.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import ColumnElement, and_

from db.models import ReadingState

#: The reader of the SQLite archive on one PC.
NOBODY_IN_PARTICULAR = ""

_PERSON: ContextVar[str] = ContextVar("bangtin_person", default=NOBODY_IN_PARTICULAR)


def person() -> str:
    """The person whose reading state this unit of work reads and writes."""
    return _PERSON.get()


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Read and write *name*'s reading state in the block."""
    token = _PERSON.set(name)
    try:
        yield
    finally:
        _PERSON.reset(token)


def login_name() -> str:
    """This computer's login name: who reads, on a shared archive, unless chosen otherwise."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def state_of(notice_id: Any) -> ColumnElement[bool]:
    """The join to this person's `reading_state` row of the notice *notice_id*."""
    return and_(ReadingState.notice_id == notice_id, ReadingState.person == person())


def mine() -> ColumnElement[bool]:
    """This person's `reading_state` rows."""
    return ReadingState.person == person()
