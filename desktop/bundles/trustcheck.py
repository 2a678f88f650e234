"""What an office does with a bundle's trust fields, as a TUF client would.

1. **Follow the root chain.** From each root the office trusts, the
   rotations a bundle carries are followed one by one, 1 → 2 → … → N, each
   signed by the threshold of the root before it; a chain that forks or
   breaks is refused.
2. **Check the delegation.** A key the office does not trust directly
   signs only when the newest root of a trusted line delegated it, for the
   publisher the bundle names.
3. **Apply revocations.** A revocation signed by a root of the line the
   office follows is kept for good; a bundle signed by a revoked key is
   refused, older ones included.
4. **Time.** The newest `created` of any bundle applied (or the bundle's
   own `created`, a statement by its signer) proves a delegation expired;
   the local clock alone only warns, as commune PCs' clocks are often wrong.
5. **Mix-and-match and province.** A delta whose base differs from the
   bundle the office applied at that sequence is refused, naming the one it
   needs; a bundle for another province (channel) is refused unless the
   office trusts that channel.

`resolver` serves the reader (step 2, before the signature is checked);
`check` decides the rest inside the import's transaction; `record` writes
what the bundle taught. Nothing is recorded for a refused bundle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from db import provenance, trust
from db.types import VN_TZ
from desktop.bundles.errors import BundleCode, BundleError, Detail
from desktop.bundles.manifest import Manifest, ManifestError, peek_version
from desktop.bundles.trustdocs import (
    Delegation,
    Revocation,
    Root,
    Rotation,
    TrustFields,
    fields_from_json,
)

#: The reader's hook: (key id, unverified manifest object) -> (raw key, bound publisher).
Resolver = Callable[[str, Any], tuple[bytes, str | None] | None]
#: For tests: what "today" is on this PC.
Clock = Callable[[], datetime]


def short(fingerprint: str) -> str:
    """A fingerprint as sentences name it: the first 16 hex digits."""
    return fingerprint[:16]


@dataclass(frozen=True)
class Line:
    """A trusted root and the roots a bundle's chain leads it to (start first)."""

    start: str
    roots: tuple[tuple[str, Root], ...]
    steps: tuple[tuple[str, Rotation], ...] = ()

    @property
    def end(self) -> str:
        return self.roots[-1][0]

    def root(self, fingerprint: str) -> Root | None:
        return dict(self.roots).get(fingerprint)


def _office_roots(session: Session) -> list[tuple[str, Root]]:
    found: list[tuple[str, Root]] = []
    for info in trust.roots(session):
        try:
            found.append((info.fingerprint, Root.of(info.public_keys, info.threshold)))
        except ValueError:
            continue
    return found


def check_linear(chain: tuple[Rotation, ...]) -> None:
    for before, after in zip(chain, chain[1:], strict=False):
        if after.previous != before.new.fingerprint:
            raise BundleError(BundleCode.BAD_ROOT_CHAIN, root=short(after.previous))


def follow(office: list[tuple[str, Root]], chain: tuple[Rotation, ...]) -> list[Line]:
    """Each trusted root, followed along *chain* as far as it leads.

    Raises BundleError (BAD_ROOT_CHAIN) for a chain that is not one line,
    or a rotation not signed by the threshold of the root it follows.
    """
    check_linear(chain)
    lines: list[Line] = []
    for fingerprint, root in office:
        roots: list[tuple[str, Root]] = [(fingerprint, root)]
        steps: list[tuple[str, Rotation]] = []
        start = next((i for i, r in enumerate(chain) if r.previous == fingerprint), None)
        if start is not None:
            current = root
            for rotation in chain[start:]:
                if not rotation.signed_by(current):
                    raise BundleError(
                        BundleCode.BAD_ROOT_CHAIN, root=short(rotation.new.fingerprint)
                    )
                steps.append((roots[-1][0], rotation))
                current = rotation.new
                roots.append((current.fingerprint, current))
        lines.append(Line(fingerprint, tuple(roots), tuple(steps)))
    return lines


def _fields(data: Any) -> TrustFields | None:
    if peek_version(data) != 3 or not isinstance(data, dict):
        return None
    try:
        return fields_from_json(data)
    except ManifestError as exc:
        raise BundleError(BundleCode.BAD_MANIFEST, detail=exc.detail) from exc


def _delegated(
    session: Session, delegation: Delegation, lines: list[Line], chain: tuple[Rotation, ...]
) -> Line:
    """The line whose newest root signed *delegation*; BundleError when none.

    A bundle whose chain leads from no trusted root to the delegating one is
    a rotation the office missed (ROOT_NEEDED); with no chain at all, the
    root is simply not trusted (UNTRUSTED_ROOT: the window offers to trust it).
    """
    for line in lines:
        if line.end == delegation.root:
            root = line.root(delegation.root)
            assert root is not None
            if not delegation.signed_by(root):
                raise BundleError(BundleCode.BAD_DELEGATION, key_id=delegation.key_id)
            return line
    every = trust.roots(session, current_only=False)
    superseded = {r.fingerprint for r in every if r.superseded_at is not None}
    if delegation.root in superseded or any(delegation.root in dict(li.roots) for li in lines):
        raise BundleError(
            BundleCode.DELEGATION_SUPERSEDED, key_id=delegation.key_id, root=short(delegation.root)
        )
    if lines and chain:
        raise BundleError(
            BundleCode.ROOT_NEEDED, key_id=delegation.key_id, root=short(delegation.root)
        )
    raise BundleError(
        BundleCode.UNTRUSTED_ROOT, key_id=delegation.key_id, root=short(delegation.root)
    )


def resolver(session: Session) -> Resolver:
    """The reader's hook for a key not trusted directly: a delegation by a trusted root."""

    def resolve(key_id: str, data: Any) -> tuple[bytes, str | None] | None:
        fields = _fields(data)
        if fields is None or fields.delegation is None or fields.delegation.key_id != key_id:
            return None
        lines = follow(_office_roots(session), fields.root_chain)
        _delegated(session, fields.delegation, lines, fields.root_chain)
        return fields.delegation.key, fields.delegation.publisher

    return resolve


@dataclass(frozen=True)
class Verdict:
    """What a bundle that applies teaches the office, and what to warn about."""

    #: The root that delegated the signing key (None: a key trusted directly).
    root: str | None = None
    delegation: Delegation | None = None
    steps: tuple[tuple[str, Rotation], ...] = ()
    revocations: tuple[Revocation, ...] = ()
    set_channel: str | None = None
    warnings: tuple[Detail, ...] = field(default_factory=tuple)


def _today() -> datetime:
    return datetime.now(UTC)


def check(session: Session, manifest: Manifest, clock: Clock = _today) -> Verdict:
    """Decide the trust rules for *manifest*'s bundle; raises BundleError to refuse it."""
    fields = manifest.trust or TrustFields()
    lines = follow(_office_roots(session), fields.root_chain)
    name = manifest.publisher_name
    direct = provenance.trusted_public_key(session, manifest.key_id) is not None
    delegation = fields.delegation
    line: Line | None = None
    if not direct:
        if delegation is None or delegation.key_id != manifest.key_id:
            raise BundleError(BundleCode.UNTRUSTED_KEY, key_id=manifest.key_id)
        line = _delegated(session, delegation, lines, fields.root_chain)

    # Revocations: only a root of a line the office follows can sign one.
    known = trust.revocations(session)
    fresh: list[Revocation] = []
    revoked = {k: v.reason for k, v in known.items()}
    for revocation in fields.revocations:
        signer = next((li.root(revocation.root) for li in lines if li.root(revocation.root)), None)
        if signer is None or not revocation.signed_by(signer):
            continue
        if revocation.key_id not in revoked:
            fresh.append(revocation)
            revoked[revocation.key_id] = revocation.reason
    if manifest.key_id in revoked:
        raise BundleError(
            BundleCode.KEY_REVOKED,
            key_id=manifest.key_id,
            reason=revoked[manifest.key_id],
            publisher=name,
        )

    warnings: list[Detail] = []
    if line is not None and delegation is not None:
        proven = max(filter(None, (trust.latest_signed(session), manifest.created)))
        if proven.astimezone(VN_TZ).date() > delegation.until:
            raise BundleError(
                BundleCode.DELEGATION_EXPIRED,
                key_id=manifest.key_id,
                until=delegation.until.isoformat(),
                seen=proven.astimezone(VN_TZ).date().isoformat(),
            )
        if clock().astimezone(VN_TZ).date() > delegation.until:
            warnings.append(
                Detail(
                    "warn_delegation_clock",
                    key_id=manifest.key_id,
                    until=delegation.until.isoformat(),
                )
            )

    # A publisher bound to a root line stays with it.
    bound_root = trust.publisher_root(session, manifest.publisher_id)
    if bound_root is not None:
        same_line = line is not None and line.root(bound_root) is not None
        legacy = direct and manifest.key_id in provenance.keys_bound_to(
            session, manifest.publisher_id
        )
        if not same_line and not legacy:
            raise BundleError(
                BundleCode.PUBLISHER_ROOT_BOUND,
                publisher=name,
                key_id=manifest.key_id,
                root=short(bound_root),
            )

    set_channel = _check_channel(session, fields.channel)
    _check_base(session, manifest, fields)
    return Verdict(
        root=line.end if line is not None else None,
        delegation=delegation if line is not None else None,
        steps=tuple(step for li in lines for step in li.steps),
        revocations=tuple(fresh),
        set_channel=set_channel,
        warnings=tuple(warnings),
    )


def _check_channel(session: Session, channel: str | None) -> str | None:
    """The channel to record as the office's own, or None; refuses another province."""
    if channel is None:
        return None
    taken = [c.channel for c in trust.channels(session)]
    if not taken:
        return channel
    if channel not in taken:
        raise BundleError(BundleCode.CHANNEL_FOREIGN, channel=channel, ours=", ".join(taken))
    return None


def _check_base(session: Session, manifest: Manifest, fields: TrustFields) -> None:
    if manifest.kind != "delta" or fields.base_bundle_id is None:
        return
    assert manifest.base_sequence is not None
    applied = trust.applied_at_sequence(session, manifest.publisher_id, manifest.base_sequence)
    if not applied:
        return
    for bundle_id, digest in applied:
        if bundle_id == fields.base_bundle_id and digest in (None, fields.base_digest):
            return
    raise BundleError(
        BundleCode.DELTA_BASE_DIFFERS,
        sequence=manifest.sequence,
        publisher=manifest.publisher_name,
        base=manifest.base_sequence,
        needed=fields.base_bundle_id,
        have=applied[0][0],
    )


def record(session: Session, manifest: Manifest, verdict: Verdict, now: datetime) -> None:
    """Write what an applied bundle taught, in the import's own transaction."""
    for old, rotation in verdict.steps:
        trust.follow_rotation(
            session,
            old,
            rotation.new.fingerprint,
            rotation.new.keys,
            rotation.new.threshold,
            now,
        )
    for revocation in verdict.revocations:
        trust.record_revocation(
            session,
            trust.RevocationInfo(
                key_id=revocation.key_id,
                root_fingerprint=revocation.root,
                reason=revocation.reason,
                created=revocation.created,
                seen_at=now,
                bundle_id=manifest.bundle_id,
            ),
        )
    if verdict.delegation is not None:
        d = verdict.delegation
        trust.record_delegation(
            session,
            trust.DelegationInfo(
                key_id=d.key_id,
                public_key=d.key,
                publisher_id=d.publisher,
                root_fingerprint=d.root,
                until=d.until,
                created=d.created,
                seen_at=now,
            ),
        )
    if verdict.set_channel is not None:
        trust.add_channel(session, verdict.set_channel, now, explicit=False)
    trust.note_signed(session, manifest.publisher_id, manifest.created, verdict.root)
