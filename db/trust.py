"""The trust chain's tables: roots, delegations, revocations, channels, signed time.

Reads return frozen dataclasses; writes take the caller's session, so an
import records what a bundle taught (a rotation, a revocation, a
delegation, the office's channel, the newest signed time) in the same
transaction that applies it. The rules that decide what to record are in
desktop/bundles/trustcheck.py.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.models import (
    ImportLog,
    KeyDelegation,
    KeyRevocation,
    PublisherTrust,
    TrustedChannel,
    TrustedRoot,
)


@dataclass(frozen=True)
class RootInfo:
    """A root the office trusts or trusted; `current` when neither superseded nor removed."""

    fingerprint: str
    public_keys: tuple[bytes, ...]
    threshold: int
    name: str
    added_at: datetime
    previous: str | None
    superseded_at: datetime | None
    removed_at: datetime | None

    @property
    def current(self) -> bool:
        return self.superseded_at is None and self.removed_at is None


@dataclass(frozen=True)
class DelegationInfo:
    key_id: str
    public_key: bytes
    publisher_id: str
    root_fingerprint: str
    until: date
    created: datetime
    seen_at: datetime


@dataclass(frozen=True)
class RevocationInfo:
    key_id: str
    root_fingerprint: str
    reason: str
    created: datetime
    seen_at: datetime
    bundle_id: str | None


@dataclass(frozen=True)
class ChannelInfo:
    channel: str
    added_at: datetime
    explicit: bool


def _root(row: TrustedRoot) -> RootInfo:
    return RootInfo(
        fingerprint=row.fingerprint,
        public_keys=tuple(base64.b64decode(k) for k in row.public_keys),
        threshold=row.threshold,
        name=row.name,
        added_at=row.added_at,
        previous=row.previous,
        superseded_at=row.superseded_at,
        removed_at=row.removed_at,
    )


# -- reads -----------------------------------------------------------------------------------


def roots(session: Session, *, current_only: bool = True) -> list[RootInfo]:
    query = select(TrustedRoot).order_by(TrustedRoot.added_at, TrustedRoot.fingerprint)
    if current_only:
        query = query.where(TrustedRoot.superseded_at.is_(None), TrustedRoot.removed_at.is_(None))
    return [_root(r) for r in session.scalars(query)]


def delegations(session: Session) -> list[DelegationInfo]:
    return [
        DelegationInfo(
            key_id=d.key_id,
            public_key=d.public_key,
            publisher_id=d.publisher_id,
            root_fingerprint=d.root_fingerprint,
            until=d.until,
            created=d.created,
            seen_at=d.seen_at,
        )
        for d in session.scalars(select(KeyDelegation).order_by(KeyDelegation.until))
    ]


def revocations(session: Session) -> dict[str, RevocationInfo]:
    """Every revoked key id → its revocation."""
    return {
        r.key_id: RevocationInfo(
            key_id=r.key_id,
            root_fingerprint=r.root_fingerprint,
            reason=r.reason,
            created=r.created,
            seen_at=r.seen_at,
            bundle_id=r.bundle_id,
        )
        for r in session.scalars(select(KeyRevocation).order_by(KeyRevocation.seen_at))
    }


def channels(session: Session) -> list[ChannelInfo]:
    return [
        ChannelInfo(channel=c.channel, added_at=c.added_at, explicit=c.explicit)
        for c in session.scalars(select(TrustedChannel).order_by(TrustedChannel.added_at))
    ]


def latest_signed(session: Session) -> datetime | None:
    """The newest `created` of any bundle applied here: a lower bound for the time now."""
    return session.scalar(
        select(PublisherTrust.last_signed_at)
        .where(PublisherTrust.last_signed_at.is_not(None))
        .order_by(PublisherTrust.last_signed_at.desc())
        .limit(1)
    )


def signed_times(session: Session) -> dict[str, datetime]:
    """Publisher id → the newest `created` of its bundles applied here."""
    return {
        pid: at
        for pid, at in session.execute(
            select(PublisherTrust.publisher_id, PublisherTrust.last_signed_at).where(
                PublisherTrust.last_signed_at.is_not(None)
            )
        )
        if at is not None
    }


def publisher_root(session: Session, publisher_id: str) -> str | None:
    row = session.get(PublisherTrust, publisher_id)
    return None if row is None else row.root_fingerprint


def applied_at_sequence(
    session: Session, publisher_id: str, sequence: int
) -> list[tuple[str, str | None]]:
    """(bundle id, manifest hash) of each bundle of *publisher_id* applied with *sequence*."""
    return [
        (bid, digest)
        for bid, digest in session.execute(
            select(ImportLog.bundle_id, ImportLog.manifest_sha256).where(
                ImportLog.publisher_id == publisher_id,
                ImportLog.sequence == sequence,
                ImportLog.outcome == "imported",
            )
        )
    ]


# -- writes ----------------------------------------------------------------------------------


def add_root(
    session: Session,
    fingerprint: str,
    public_keys: Sequence[bytes],
    threshold: int,
    name: str,
    at: datetime,
) -> bool:
    """Trust a root (again); False when it is trusted already."""
    row = session.get(TrustedRoot, fingerprint)
    if row is not None:
        if row.removed_at is None and row.superseded_at is None:
            return False
        row.removed_at = None
        row.superseded_at = None
        return True
    session.add(
        TrustedRoot(
            fingerprint=fingerprint,
            public_keys=[base64.b64encode(k).decode("ascii") for k in public_keys],
            threshold=threshold,
            name=name,
            added_at=at,
            previous=None,
        )
    )
    return True


def remove_root(session: Session, fingerprint: str, at: datetime) -> str | None:
    """Stop trusting the current root whose fingerprint starts with *fingerprint*
    (16 hex digits at least); returns its full fingerprint, or None."""
    if len(fingerprint) < 16:
        return None
    found = [
        r
        for r in session.scalars(
            select(TrustedRoot).where(
                TrustedRoot.fingerprint.startswith(fingerprint.lower(), autoescape=True),
                TrustedRoot.removed_at.is_(None),
                TrustedRoot.superseded_at.is_(None),
            )
        )
    ]
    if len(found) != 1:
        return None
    found[0].removed_at = at
    return found[0].fingerprint


def follow_rotation(
    session: Session,
    old: str,
    new: str,
    public_keys: Sequence[bytes],
    threshold: int,
    at: datetime,
) -> None:
    """The office follows its root *old* to *new*: the publishers bound to it move too."""
    old_row = session.get(TrustedRoot, old)
    name = old_row.name if old_row is not None else ""
    if old_row is not None:
        old_row.superseded_at = at
    row = session.get(TrustedRoot, new)
    if row is None:
        session.add(
            TrustedRoot(
                fingerprint=new,
                public_keys=[base64.b64encode(k).decode("ascii") for k in public_keys],
                threshold=threshold,
                name=name,
                added_at=at,
                previous=old,
            )
        )
    else:
        row.superseded_at = None
        row.removed_at = None
        row.previous = old
    session.execute(
        update(PublisherTrust)
        .where(PublisherTrust.root_fingerprint == old)
        .values(root_fingerprint=new)
    )


def record_delegation(session: Session, info: DelegationInfo) -> None:
    """Keep the newest delegation of a key (by its signed `created`)."""
    row = session.get(KeyDelegation, info.key_id)
    if row is None:
        session.add(
            KeyDelegation(
                key_id=info.key_id,
                public_key=info.public_key,
                publisher_id=info.publisher_id,
                root_fingerprint=info.root_fingerprint,
                until=info.until,
                created=info.created,
                seen_at=info.seen_at,
            )
        )
    elif info.created >= row.created:
        row.public_key = info.public_key
        row.publisher_id = info.publisher_id
        row.root_fingerprint = info.root_fingerprint
        row.until = info.until
        row.created = info.created
        row.seen_at = info.seen_at


def record_revocation(session: Session, info: RevocationInfo) -> bool:
    """Remember a revocation (the first one seen of a key wins); True when new."""
    if session.get(KeyRevocation, info.key_id) is not None:
        return False
    session.add(
        KeyRevocation(
            key_id=info.key_id,
            root_fingerprint=info.root_fingerprint,
            reason=info.reason,
            created=info.created,
            seen_at=info.seen_at,
            bundle_id=info.bundle_id,
        )
    )
    return True


def add_channel(session: Session, channel: str, at: datetime, *, explicit: bool) -> bool:
    """Take bundles of *channel*; False when it was taken already."""
    row = session.get(TrustedChannel, channel)
    if row is not None:
        if explicit and not row.explicit:
            row.explicit = True
        return False
    session.add(TrustedChannel(channel=channel, added_at=at, explicit=explicit))
    return True


def note_signed(
    session: Session, publisher_id: str, created: datetime, root_fingerprint: str | None
) -> None:
    """After applying a bundle: its signed time, and the root line its key came from."""
    row = session.get(PublisherTrust, publisher_id)
    if row is None:
        row = PublisherTrust(publisher_id=publisher_id)
        session.add(row)
    if row.last_signed_at is None or created > row.last_signed_at:
        row.last_signed_at = created
    if root_fingerprint is not None and row.root_fingerprint is None:
        row.root_fingerprint = root_fingerprint
