"""Where notices come from: publishers, their trusted keys, and the import log.

Reads only; every function returns plain dataclasses. The writes are in
db/store.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import EarlyWithdrawal, ImportLog, Notice, Publisher, TrustedKey
from db.records import ImportLogEntry, PublisherInfo, TrustedKeyInfo


def trusted_keys(session: Session) -> list[TrustedKeyInfo]:
    """The keys this office trusts now (not the removed ones it remembers)."""
    return [
        TrustedKeyInfo(
            key_id=k.key_id, name=k.name, publisher_id=k.publisher_id, added_at=k.added_at
        )
        for k in session.scalars(
            select(TrustedKey)
            .where(TrustedKey.removed_at.is_(None))
            .order_by(TrustedKey.added_at, TrustedKey.key_id)
        )
    ]


def trusted_public_key(session: Session, key_id: str) -> tuple[bytes, str | None] | None:
    """The raw public key and bound publisher of a trusted key id, if trusted."""
    row = session.get(TrustedKey, key_id)
    if row is None or row.removed_at is not None:
        return None
    return (row.public_key, row.publisher_id)


def keys_bound_to(session: Session, publisher_id: str) -> list[str]:
    """Ids of every key bound to *publisher_id*, trusted now or removed."""
    return list(
        session.scalars(
            select(TrustedKey.key_id)
            .where(TrustedKey.publisher_id == publisher_id)
            .order_by(TrustedKey.added_at, TrustedKey.key_id)
        )
    )


def foreign_notice(
    session: Session, publisher_id: str, ids: Iterable[str]
) -> tuple[str, str, str] | None:
    """The first of *ids* that another publisher owns: (id, owner id, owner name).

    *ids* come in order, each once (a bundle's may be many: they are read a
    batch at a time, never held whole).
    """
    for batch in _batches(ids, 500):
        row = session.execute(
            select(Notice.id, Publisher.id, Publisher.name)
            .join(Publisher, Publisher.id == Notice.publisher_id)
            .where(Notice.id.in_(batch), Publisher.id != publisher_id)
            .order_by(Notice.id)
            .limit(1)
        ).first()
        if row is not None:
            return (row[0], row[1], row[2])
    return None


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def early_withdrawals(session: Session, notice_id: str) -> dict[str, datetime]:
    """Publisher id → time of its withdrawal of *notice_id*, which the archive does not hold."""
    return {
        pid: rev
        for pid, rev in session.execute(
            select(EarlyWithdrawal.publisher_id, EarlyWithdrawal.revision).where(
                EarlyWithdrawal.notice_id == notice_id
            )
        )
    }


def publishers(session: Session) -> list[PublisherInfo]:
    return [
        PublisherInfo(
            id=p.id,
            name=p.name,
            last_sequence=p.last_sequence,
            last_bundle_id=p.last_bundle_id,
            last_imported_at=p.last_imported_at,
        )
        for p in session.scalars(select(Publisher).order_by(Publisher.id))
    ]


def publisher(session: Session, publisher_id: str) -> PublisherInfo | None:
    p = session.get(Publisher, publisher_id)
    if p is None:
        return None
    return PublisherInfo(
        id=p.id,
        name=p.name,
        last_sequence=p.last_sequence,
        last_bundle_id=p.last_bundle_id,
        last_imported_at=p.last_imported_at,
    )


def import_log(session: Session, limit: int | None = None) -> list[ImportLogEntry]:
    """The import log, newest first."""
    query = select(ImportLog).order_by(ImportLog.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [
        ImportLogEntry(
            bundle_id=e.bundle_id,
            publisher_id=e.publisher_id,
            sequence=e.sequence,
            kind=e.kind,
            imported_at=e.imported_at,
            added=e.added,
            updated=e.updated,
            withdrawn=e.withdrawn,
            unchanged=e.unchanged,
            outcome=e.outcome,
            reason=e.reason,
            manifest_sha256=e.manifest_sha256,
        )
        for e in session.scalars(query)
    ]


def bundle_applied(session: Session, bundle_id: str) -> bool:
    return (
        session.scalar(select(ImportLog.id).where(ImportLog.bundle_id == bundle_id).limit(1))
        is not None
    )


def applied_before(
    session: Session, publisher_id: str, bundle_id: str, manifest_sha256: str
) -> bool:
    """Whether this very bundle was applied: same publisher, bundle id and manifest.

    A bundle id alone proves nothing: another publisher, or a changed
    manifest, may carry it. Log entries from before schema 0004 have no
    manifest hash and match by publisher and bundle id.
    """
    found = session.scalar(
        select(ImportLog.id)
        .where(
            ImportLog.bundle_id == bundle_id,
            ImportLog.publisher_id == publisher_id,
            or_(
                ImportLog.manifest_sha256 == manifest_sha256,
                ImportLog.manifest_sha256.is_(None),
            ),
        )
        .limit(1)
    )
    return found is not None


def last_import(session: Session) -> ImportLogEntry | None:
    """The newest applied bundle, for "Cập nhật lần cuối"."""
    entries = [e for e in import_log(session, limit=20) if e.outcome == "imported"]
    return entries[0] if entries else None
