"""What the office trusts, for the window's trusted-keys dialog and `bangtin status`.

Reads return frozen dataclasses; writes return `Written(value,
Changes(trust=True))`. Reading a key file (`read_trust_file`) touches no
archive, so the window runs it on the files thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from desktop.ops.changes import NO_CHANGES, Changes, Written

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import PublisherInfo, TrustedKeyInfo
    from db.trust import ChannelInfo, RevocationInfo


@dataclass(frozen=True)
class SigningKey:
    """A signing key a root delegated: for whom, until when, and whether it was revoked."""

    key_id: str
    publisher_id: str
    until: date
    revoked: str | None


@dataclass(frozen=True)
class RootRow:
    """A root the office trusts (`current`) or followed past by a rotation."""

    fingerprint: str
    name: str
    threshold: int
    key_count: int
    added_at: datetime
    current: bool
    previous: str | None
    signing: tuple[SigningKey, ...]


@dataclass(frozen=True)
class TrustOverview:
    roots: tuple[RootRow, ...]
    keys: tuple[TrustedKeyInfo, ...]
    revocations: tuple[RevocationInfo, ...]
    channels: tuple[ChannelInfo, ...]
    latest_signed: datetime | None


def trust_overview(archive: Archive) -> TrustOverview:
    from db import provenance, trust

    with archive.reading() as session:
        revoked = trust.revocations(session)
        delegated = trust.delegations(session)
        rows = []
        for root in trust.roots(session, current_only=False):
            if root.removed_at is not None:
                continue
            signing = tuple(
                SigningKey(
                    key_id=d.key_id,
                    publisher_id=d.publisher_id,
                    until=d.until,
                    revoked=revoked[d.key_id].reason if d.key_id in revoked else None,
                )
                for d in delegated
                if d.root_fingerprint == root.fingerprint
            )
            rows.append(
                RootRow(
                    fingerprint=root.fingerprint,
                    name=root.name,
                    threshold=root.threshold,
                    key_count=len(root.public_keys),
                    added_at=root.added_at,
                    current=root.current,
                    previous=root.previous,
                    signing=signing,
                )
            )
        return TrustOverview(
            roots=tuple(rows),
            keys=tuple(provenance.trusted_keys(session)),
            revocations=tuple(revoked.values()),
            channels=tuple(trust.channels(session)),
            latest_signed=trust.latest_signed(session),
        )


@dataclass(frozen=True)
class Freshness:
    """How new the archive's signed data is: the day, and how many days ago."""

    day: date | None
    days: int | None
    stale: bool


def freshness(
    latest: datetime | None, today: date, stale_days: int, *, own_day: bool = False
) -> Freshness:
    """The newest signed day, as of *today*. A future day (a wrong clock) counts as 0 days.

    *own_day*: *today* is the archive's own day (the demo's), not the clock's;
    data signed after it are reckoned as of that day, as its deadlines are.
    """
    from db.types import VN_TZ

    if latest is None:
        return Freshness(None, None, False)
    day = latest.astimezone(VN_TZ).date()
    if own_day:
        day = min(day, today)
    days = max(0, (today - day).days)
    return Freshness(day, days, days > stale_days)


def latest_signed(archive: Archive) -> datetime | None:
    from db import trust

    with archive.reading() as session:
        return trust.latest_signed(session)


def latest_signed_as_of(archive: Archive) -> tuple[datetime | None, date | None]:
    """The newest signed time, and the archive's own day (the demo's; None: the clock's)."""
    return latest_signed(archive), archive.as_of


# -- trusting from a file ---------------------------------------------------------------------


@dataclass(frozen=True)
class TrustCandidate:
    """A key file read and checked, not yet trusted: what the clerk confirms."""

    path: Path
    kind: Literal["key", "root"]
    fingerprint: str
    key_id: str
    name: str
    public_keys: tuple[bytes, ...]
    threshold: int = 1


def read_trust_file(path: Path) -> TrustCandidate:
    """A `.pub` signing key, a `root.pub` or a k-of-n root file; raises KeyFileError."""
    import hashlib

    from desktop.bundles import keys, trustdocs

    data = Path(path).read_bytes()[: keys.MAX_KEY_FILE + 1] if Path(path).is_file() else b""
    text = data.decode("utf-8", errors="replace")
    if trustdocs.is_root_text(text):
        root, name = trustdocs.load_root(Path(path))
        return TrustCandidate(
            path=Path(path),
            kind="root",
            fingerprint=root.fingerprint,
            key_id=root.fingerprint[:16],
            name=name or keys.clean_name(Path(path).stem),
            public_keys=root.keys,
            threshold=root.threshold,
        )
    raw, comment = keys.load_public_key(Path(path))
    return TrustCandidate(
        path=Path(path),
        kind="key",
        fingerprint=hashlib.sha256(raw).hexdigest(),
        key_id=keys.key_id(raw),
        name=comment or keys.clean_name(Path(path).stem),
        public_keys=(raw,),
    )


def trust_candidate(archive: Archive, candidate: TrustCandidate) -> Written[bool]:
    """Trust what the clerk confirmed; the value is False when it was trusted already."""
    from datetime import UTC

    from db import store, trust

    now = datetime.now(UTC)
    with archive.writing() as session:
        if candidate.kind == "root":
            added = trust.add_root(
                session,
                candidate.fingerprint,
                candidate.public_keys,
                candidate.threshold,
                candidate.name,
                now,
            )
        else:
            added = store.add_trusted_key(
                session, candidate.key_id, candidate.public_keys[0], candidate.name, now
            )
    return Written(added, Changes(trust=True) if added else NO_CHANGES)


def remove_trusted(archive: Archive, ident: str) -> Written[bool]:
    """Stop trusting a signing key (by key id) or a root (by fingerprint)."""
    from datetime import UTC

    from db import store, trust

    now = datetime.now(UTC)
    with archive.writing() as session:
        removed = store.remove_trusted_key(session, ident, now)
        if not removed:
            removed = trust.remove_root(session, ident, now) is not None
    return Written(removed, Changes(trust=True) if removed else NO_CHANGES)


def last_bundles(archive: Archive) -> list[tuple[PublisherInfo, datetime | None]]:
    """Each publisher with the newest signed time of its bundles applied here."""
    from db import provenance, trust

    with archive.reading() as session:
        signed = trust.signed_times(session)
        return [(p, signed.get(p.id)) for p in provenance.publishers(session)]
