"""Builders for the trust chain: root keys, delegations, revocations, rotations.

Everything is real: root keys written by keygen, documents signed by them
and parsed back by the same functions a bundle's reader uses, bundles built
by the builder with those documents in their manifests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db import trust
from db.archive import Archive
from desktop.bundles import keys, trustdocs
from desktop.bundles.builder import BuildResult, build_bundle
from desktop.bundles.trustdocs import Root, TrustFields
from tests.helpers.bundles import PUBLISHER, PUBLISHER_ID, KeyPair

CREATED = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
UNTIL = date(2030, 12, 31)


@dataclass(frozen=True)
class RootKeys:
    """A root: its private keys and the public description offices trust."""

    privates: tuple[Ed25519PrivateKey, ...]
    root: Root
    public_path: Path | None = None

    @property
    def fingerprint(self) -> str:
        return self.root.fingerprint


def make_root(folder: Path, comment: str = "Tỉnh Sơn Hà") -> RootKeys:
    """A one-key root written by `keygen --root`."""
    private_path, public_path, _kid = keys.generate_keypair(folder, comment, root=True)
    private = keys.load_private_key(private_path)
    return RootKeys((private,), Root.of([keys.public_raw(private)]), public_path)


def make_threshold_root(count: int, threshold: int) -> RootKeys:
    privates = tuple(Ed25519PrivateKey.generate() for _ in range(count))
    return RootKeys(privates, Root.of([keys.public_raw(k) for k in privates], threshold))


def trust_root(archive: Archive, root: RootKeys, name: str = "Tỉnh Sơn Hà") -> None:
    with archive.writing() as session:
        trust.add_root(
            session, root.fingerprint, root.root.keys, root.root.threshold, name, datetime.now(UTC)
        )


def delegation(
    root: RootKeys,
    signing: KeyPair,
    *,
    publisher: str = PUBLISHER_ID,
    until: date = UNTIL,
    created: datetime = CREATED,
    signers: Sequence[Ed25519PrivateKey] | None = None,
) -> trustdocs.Delegation:
    envelope = trustdocs.make_delegation(
        root.privates if signers is None else signers,
        root.root,
        signing.raw_public,
        publisher,
        until,
        created,
    )
    return trustdocs.delegation_from_json(envelope)


def revocation(
    root: RootKeys, key_id: str, reason: str = "Máy tính bị mất trộm", created: datetime = CREATED
) -> trustdocs.Revocation:
    envelope = trustdocs.make_revocation(root.privates, root.root, key_id, reason, created)
    return trustdocs.revocation_from_json(envelope)


def rotation(old: RootKeys, new: RootKeys, created: datetime = CREATED) -> trustdocs.Rotation:
    envelope = trustdocs.make_rotation(old.privates, old.root, new.root, created)
    return trustdocs.rotation_from_json(envelope)


def build_trusted(
    src: Path,
    signing: KeyPair,
    out: Path,
    *,
    fields: TrustFields | None = None,
    publisher: str = PUBLISHER,
    **kwargs: Any,
) -> BuildResult:
    """Build a bundle signed by *signing* that carries *fields* (format version 3)."""
    return build_bundle(src, signing.private_path, publisher, out, trust=fields, **kwargs)
