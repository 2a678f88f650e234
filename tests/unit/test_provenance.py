"""Publishers, their trusted keys and the import log: written by db.store, read by db.provenance."""

from __future__ import annotations

import unicodedata

from db.archive import Archive
from db.models import Publisher
from db.provenance import (
    bundle_applied,
    import_log,
    last_import,
    publisher,
    publishers,
    trusted_keys,
    trusted_public_key,
)
from db.records import ImportLogEntry
from db.store import (
    add_log,
    add_trusted_key,
    advance_publisher,
    bind_key,
    ensure_publisher,
    remove_trusted_key,
)
from tests.helpers.notices import PUBLISHER, at


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# -- publishers, keys, log ----------------------------------------------------------------------


def test_ensure_publisher_creates_and_renames(archive: Archive) -> None:
    with archive.writing() as session:
        ensure_publisher(session, "p", _nfd("UBND xã Cũ"))
    with archive.writing() as session:
        ensure_publisher(session, "p", _nfd("UBND phường Mới"))
    with archive.reading() as session:
        info = publisher(session, "p")
        assert info is not None
        assert info.name == "UBND phường Mới"
        assert info.last_sequence == 0
        assert [p.id for p in publishers(session)] == ["p"]
        assert publisher(session, "khac") is None


def test_advance_publisher_never_moves_backwards(archive: Archive) -> None:
    with archive.writing() as session:
        ensure_publisher(session, "p", "UBND")
        advance_publisher(session, "p", 5, "bundle-5", at(1))
    with archive.writing() as session:
        advance_publisher(session, "p", 3, "bundle-3", at(2))
    with archive.reading() as session:
        info = publisher(session, "p")
        assert info is not None
        assert (info.last_sequence, info.last_bundle_id, info.last_imported_at) == (
            5,
            "bundle-5",
            at(2),
        )
    with archive.writing() as session:
        advance_publisher(session, "p", 6, "bundle-6", at(3))
        row = session.get(Publisher, "p")
        assert row is not None
        assert (row.last_sequence, row.last_bundle_id) == (6, "bundle-6")


def test_trusted_keys(archive: Archive) -> None:
    key = bytes(range(32))
    with archive.writing() as session:
        ensure_publisher(session, "p", "UBND")
        assert add_trusted_key(session, "k1", key, _nfd("Khóa của tỉnh"), at(0)) is True
        assert add_trusted_key(session, "k1", key, "lần hai", at(1)) is False
        bind_key(session, "k1", "p")
    with archive.writing() as session:
        bind_key(session, "k1", "q")  # a bound key keeps its first publisher
    with archive.reading() as session:
        assert trusted_public_key(session, "k1") == (key, "p")
        [info] = trusted_keys(session)
        assert (info.key_id, info.name, info.publisher_id) == ("k1", "Khóa của tỉnh", "p")
    with archive.writing() as session:
        assert remove_trusted_key(session, "k1") is True
        assert remove_trusted_key(session, "k1") is False
    with archive.reading() as session:
        assert trusted_public_key(session, "k1") is None


def _log(bundle_id: str, sequence: int, outcome: str = "imported") -> ImportLogEntry:
    return ImportLogEntry(
        bundle_id=bundle_id,
        publisher_id=PUBLISHER,
        sequence=sequence,
        kind="full",
        imported_at=at(sequence),
        added=sequence,
        updated=0,
        withdrawn=0,
        unchanged=1,
        outcome=outcome,
        reason=None if outcome == "imported" else "đã nhập",
    )


def test_import_log_newest_first(archive: Archive) -> None:
    with archive.writing() as session:
        add_log(session, _log("b1", 1))
        add_log(session, _log("b2", 2))
        add_log(session, _log("b2", 2, outcome="already"))
    with archive.reading() as session:
        entries = import_log(session)
        assert [(e.bundle_id, e.outcome) for e in entries] == [
            ("b2", "already"),
            ("b2", "imported"),
            ("b1", "imported"),
        ]
        assert entries[1] == _log("b2", 2)
        assert len(import_log(session, limit=1)) == 1
        assert bundle_applied(session, "b1") is True
        assert bundle_applied(session, "b9") is False
        assert last_import(session) == _log("b2", 2)


def test_last_import_is_none_on_a_fresh_archive(archive: Archive) -> None:
    with archive.reading() as session:
        assert last_import(session) is None
        assert import_log(session) == []
