"""Root keys, delegated signing keys, revocation, rotation and thresholds, on real archives.

Each test plays one of TUF's attacks (docs/security.md maps them) against
real bundles built by the builder and a real archive: a refused bundle
changes nothing, and what an applied bundle teaches is remembered.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from db import provenance, trust
from db.archive import Archive
from desktop.bundles import trustcheck
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from desktop.bundles.trustdocs import TrustFields
from desktop.messages import text
from tests.helpers.bundles import (
    PUBLISHER_ID,
    KeyPair,
    make_keys,
    manifest_of,
    snapshot,
    write_notice,
)
from tests.helpers.bundles import (
    trust as trust_key,
)
from tests.helpers.trustchain import (
    RootKeys,
    build_trusted,
    delegation,
    make_root,
    make_threshold_root,
    revocation,
    rotation,
    trust_root,
)


class Province:
    """Builds numbered bundles in tmp_path with trust fields."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def bundle(
        self, signing: KeyPair, sequence: int, fields: TrustFields | None, **kw: Any
    ) -> Path:
        self.count += 1
        src = self.root / f"src{self.count}"
        src.mkdir(parents=True)
        write_notice(src, f"tb-{self.count}", title=f"Thông báo số {self.count}")
        out = self.root / f"{sequence}-{self.count}.bangtin"
        return build_trusted(src, signing, out, fields=fields, sequence=sequence, **kw).path


@pytest.fixture
def province(tmp_path: Path) -> Province:
    return Province(tmp_path / "province")


@pytest.fixture
def root(tmp_path: Path) -> RootKeys:
    return make_root(tmp_path / "root1")


@pytest.fixture
def signing(tmp_path: Path) -> KeyPair:
    return make_keys(tmp_path / "signing1")


def refused(archive: Archive, bundle: Path, code: str) -> BundleError:
    before = snapshot(archive)
    with pytest.raises(BundleError) as caught:
        import_bundle(archive, bundle)
    assert caught.value.code == code, caught.value.message("en")
    assert snapshot(archive) == before
    return caught.value


def test_a_key_the_trusted_root_delegated_imports(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair
) -> None:
    trust_root(archive, root)
    bundle = province.bundle(signing, 1, TrustFields(delegation=delegation(root, signing)))
    assert manifest_of(bundle)["version"] == 3
    assert import_bundle(archive, bundle).status == "imported"
    with archive.reading() as session:
        (found,) = trust.delegations(session)
        assert (found.key_id, found.publisher_id, found.until) == (
            signing.key_id,
            PUBLISHER_ID,
            date(2030, 12, 31),
        )
        assert trust.publisher_root(session, PUBLISHER_ID) == root.fingerprint
        assert trust.latest_signed(session) is not None


def test_a_bundle_without_trust_fields_stays_version_1(
    archive: Archive, province: Province, signing: KeyPair
) -> None:
    trust_key(archive, signing)
    bundle = province.bundle(signing, 1, None)
    assert manifest_of(bundle)["version"] == 1
    assert import_bundle(archive, bundle).status == "imported"


def test_a_root_the_office_does_not_trust_is_named(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair
) -> None:
    bundle = province.bundle(signing, 1, TrustFields(delegation=delegation(root, signing)))
    error = refused(archive, bundle, "untrusted_root")
    assert root.fingerprint[:16] in error.message("vi")


def test_a_delegation_not_signed_by_the_root_is_refused(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair, tmp_path: Path
) -> None:
    trust_root(archive, root)
    thief = make_root(tmp_path / "thief")
    forged = delegation(root, signing, signers=thief.privates)
    refused(archive, province.bundle(signing, 1, TrustFields(delegation=forged)), "bad_delegation")


def test_a_delegated_key_cannot_sign_for_another_publisher(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair
) -> None:
    trust_root(archive, root)
    other = delegation(root, signing, publisher="so-tai-chinh")
    bundle = province.bundle(signing, 1, TrustFields(delegation=other))
    refused(archive, bundle, "key_publisher_mismatch")


def test_a_revocation_refuses_every_bundle_of_the_key_older_ones_too(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair, tmp_path: Path
) -> None:
    trust_root(archive, root)
    first = province.bundle(signing, 1, TrustFields(delegation=delegation(root, signing)))
    # Made by the thief before the revocation, with a later sequence: never applied.
    stolen = province.bundle(signing, 9, TrustFields(delegation=delegation(root, signing)))
    import_bundle(archive, first)
    second_key = make_keys(tmp_path / "signing2")
    fields = TrustFields(
        delegation=delegation(root, second_key),
        revocations=(revocation(root, signing.key_id, "Khóa bị lộ"),),
    )
    import_bundle(archive, province.bundle(second_key, 2, fields))
    error = refused(archive, stolen, "key_revoked")
    assert "Khóa bị lộ" in error.message("vi") and signing.key_id in error.message("en")
    with archive.reading() as session:
        assert list(trust.revocations(session)) == [signing.key_id]


def test_a_bundle_that_revokes_its_own_key_is_refused(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair
) -> None:
    trust_root(archive, root)
    fields = TrustFields(
        delegation=delegation(root, signing), revocations=(revocation(root, signing.key_id),)
    )
    refused(archive, province.bundle(signing, 1, fields), "key_revoked")


def test_a_revocation_signed_by_another_root_is_ignored(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair, tmp_path: Path
) -> None:
    trust_root(archive, root)
    stranger = make_root(tmp_path / "stranger")
    fields = TrustFields(
        delegation=delegation(root, signing), revocations=(revocation(stranger, signing.key_id),)
    )
    assert import_bundle(archive, province.bundle(signing, 1, fields)).status == "imported"
    with archive.reading() as session:
        assert trust.revocations(session) == {}


def test_a_directly_trusted_key_is_refused_once_revoked(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair, tmp_path: Path
) -> None:
    trust_root(archive, root)
    direct = make_keys(tmp_path / "direct")
    trust_key(archive, direct, "UBND xã Khác")
    fields = TrustFields(
        delegation=delegation(root, signing), revocations=(revocation(root, direct.key_id),)
    )
    import_bundle(archive, province.bundle(signing, 1, fields))
    refused(archive, province.bundle(direct, 1, None, publisher="UBND xã Khác"), "key_revoked")


def test_the_office_follows_two_rotations_it_skipped(
    archive: Archive, province: Province, root: RootKeys, tmp_path: Path
) -> None:
    trust_root(archive, root)
    second, third = make_root(tmp_path / "root2"), make_root(tmp_path / "root3")
    signing = make_keys(tmp_path / "signing3")
    fields = TrustFields(
        delegation=delegation(third, signing),
        root_chain=(rotation(root, second), rotation(second, third)),
    )
    assert import_bundle(archive, province.bundle(signing, 1, fields)).status == "imported"
    with archive.reading() as session:
        assert [r.fingerprint for r in trust.roots(session)] == [third.fingerprint]
        history = {r.fingerprint: r for r in trust.roots(session, current_only=False)}
    assert history[root.fingerprint].superseded_at is not None
    assert history[third.fingerprint].previous == second.fingerprint


def test_a_rotation_not_signed_by_the_root_before_it_is_refused(
    archive: Archive, province: Province, root: RootKeys, tmp_path: Path
) -> None:
    trust_root(archive, root)
    second, third = make_root(tmp_path / "root2"), make_root(tmp_path / "root3")
    signing = make_keys(tmp_path / "signing3")
    forged = rotation(RootKeys(root.privates, second.root), third)
    fields = TrustFields(
        delegation=delegation(third, signing), root_chain=(rotation(root, second), forged)
    )
    refused(archive, province.bundle(signing, 1, fields), "bad_root_chain")


def test_a_rotation_the_office_missed_is_explained(
    archive: Archive, province: Province, root: RootKeys, tmp_path: Path
) -> None:
    trust_root(archive, root)
    second, third = make_root(tmp_path / "root2"), make_root(tmp_path / "root3")
    signing = make_keys(tmp_path / "signing3")
    fields = TrustFields(
        delegation=delegation(third, signing), root_chain=(rotation(second, third),)
    )
    error = refused(archive, province.bundle(signing, 1, fields), "root_needed")
    assert "đổi khóa gốc" in error.message("vi")


def test_a_delegation_by_a_replaced_root_is_refused(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair, tmp_path: Path
) -> None:
    trust_root(archive, root)
    second = make_root(tmp_path / "root2")
    new_signing = make_keys(tmp_path / "signing2")
    fields = TrustFields(
        delegation=delegation(second, new_signing), root_chain=(rotation(root, second),)
    )
    import_bundle(archive, province.bundle(new_signing, 1, fields))
    old = province.bundle(signing, 2, TrustFields(delegation=delegation(root, signing)))
    refused(archive, old, "delegation_superseded")


def test_a_threshold_root_needs_enough_signatures(
    archive: Archive, province: Province, signing: KeyPair
) -> None:
    board = make_threshold_root(3, 2)
    trust_root(archive, board)
    one = delegation(board, signing, signers=board.privates[:1])
    refused(archive, province.bundle(signing, 1, TrustFields(delegation=one)), "bad_delegation")
    two = delegation(board, signing, signers=board.privates[1:])
    assert import_bundle(
        archive, province.bundle(signing, 2, TrustFields(delegation=two))
    ).status == ("imported")


def test_a_delegation_expired_by_a_signed_time_is_refused(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair
) -> None:
    trust_root(archive, root)
    short = delegation(root, signing, until=date(2024, 2, 1))
    bundle = province.bundle(signing, 1, TrustFields(delegation=short))
    refused(archive, bundle, "delegation_expired")


def test_the_newest_signed_time_seen_proves_expiry(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair, tmp_path: Path
) -> None:
    trust_root(archive, root)
    later = make_keys(tmp_path / "signing2")
    newer = datetime(2024, 8, 1, tzinfo=UTC)
    fields = TrustFields(delegation=delegation(root, later))
    import_bundle(archive, province.bundle(later, 1, fields, created=newer))
    # Signed in March, with a delegation to June: the archive already holds August.
    short = TrustFields(delegation=delegation(root, signing, until=date(2024, 6, 30)))
    early = datetime(2024, 3, 2, tzinfo=UTC)
    bundle = province.bundle(signing, 2, short, created=early)
    error = refused(archive, bundle, "delegation_expired")
    assert "2024-08-01" in error.message("en")


def test_the_local_clock_alone_only_warns(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair
) -> None:
    trust_root(archive, root)
    fields = TrustFields(delegation=delegation(root, signing, until=date(2024, 6, 30)))
    bundle = province.bundle(signing, 1, fields, created=datetime(2024, 3, 2, tzinfo=UTC))
    result = import_bundle(archive, bundle)
    assert result.status == "imported"
    assert [w.code for w in result.warnings] == ["warn_delegation_clock"]


def test_a_stick_for_another_province_is_refused_until_trusted(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair
) -> None:
    trust_root(archive, root)
    ours = TrustFields(delegation=delegation(root, signing), channel="tinh-son-ha")
    import_bundle(archive, province.bundle(signing, 1, ours))
    theirs = TrustFields(delegation=delegation(root, signing), channel="tinh-binh-an")
    bundle = province.bundle(signing, 2, theirs)
    error = refused(archive, bundle, "channel_foreign")
    assert "tinh-binh-an" in error.message("vi")
    with archive.writing() as session:
        trust.add_channel(session, "tinh-binh-an", datetime.now(UTC), explicit=True)
    assert import_bundle(archive, bundle).status == "imported"


def test_a_delta_for_another_history_names_the_bundle_it_needs(
    archive: Archive, province: Province, tmp_path: Path
) -> None:
    signing = make_keys(tmp_path / "signing")
    trust_key(archive, signing)
    ours = province.bundle(signing, 1, None)
    import_bundle(archive, ours)
    # Another machine built its own bundle 1 with a copy of the key, then a delta on it.
    clone = make_keys(tmp_path / "clone")
    clone = KeyPair(
        clone.private_path, clone.public_path, signing.key_id, signing.raw_public, signing.private
    )
    clone.private_path.write_bytes(signing.private_path.read_bytes())
    theirs = province.bundle(clone, 1, None)
    delta = province.bundle(clone, 2, TrustFields(channel="tinh-son-ha"), since=1)
    needed = manifest_of(theirs)["bundle_id"]
    assert manifest_of(delta)["base"]["bundle_id"] == needed
    error = refused(archive, delta, "delta_base_differs")
    assert needed in error.message("en") and manifest_of(ours)["bundle_id"] in error.message("en")


def test_a_delta_on_the_office_history_applies(
    archive: Archive, province: Province, signing: KeyPair
) -> None:
    trust_key(archive, signing)
    import_bundle(archive, province.bundle(signing, 1, None))
    delta = province.bundle(signing, 2, TrustFields(channel="tinh-son-ha"), since=1)
    assert import_bundle(archive, delta).status == "imported"


def test_a_publisher_bound_to_a_root_refuses_a_new_direct_key(
    archive: Archive, province: Province, root: RootKeys, signing: KeyPair, tmp_path: Path
) -> None:
    trust_root(archive, root)
    import_bundle(
        archive, province.bundle(signing, 1, TrustFields(delegation=delegation(root, signing)))
    )
    intruder = make_keys(tmp_path / "intruder")
    trust_key(archive, intruder)
    refused(archive, province.bundle(intruder, 2, None), "publisher_root_bound")


def test_a_root_delegation_moves_a_publisher_off_its_direct_key(
    archive: Archive, province: Province, root: RootKeys, tmp_path: Path
) -> None:
    old = make_keys(tmp_path / "old")
    trust_key(archive, old)
    import_bundle(archive, province.bundle(old, 1, None))
    trust_root(archive, root)
    signing = make_keys(tmp_path / "signing")
    bundle = province.bundle(signing, 2, TrustFields(delegation=delegation(root, signing)))
    assert import_bundle(archive, bundle).status == "imported"
    with archive.reading() as session:
        assert provenance.publisher(session, PUBLISHER_ID) is not None


def test_every_refusal_is_a_sentence_in_both_languages() -> None:
    for code in (
        "untrusted_root",
        "root_needed",
        "bad_root_chain",
        "bad_delegation",
        "delegation_superseded",
        "delegation_expired",
        "key_revoked",
        "publisher_root_bound",
        "channel_foreign",
        "delta_base_differs",
    ):
        error = BundleError(
            code,
            key_id="k",
            root="r",
            reason="x",
            publisher="p",
            until="u",
            seen="s",
            channel="c",
            ours="o",
            sequence=2,
            base=1,
            needed="n",
            have="h",
        )
        assert "{" not in error.message("vi") and "{" not in error.message("en")
        assert error.message("vi") != error.message("en")
    assert text("freshness", "vi", day="2024-03-01", days=3).startswith("Dữ liệu cập nhật đến ngày")


def test_the_resolver_ignores_a_bundle_without_trust_fields(archive: Archive) -> None:
    with archive.reading() as session:
        resolve = trustcheck.resolver(session)
        assert resolve("0123456789abcdef", {"format": "bangtin-bundle", "version": 2}) is None
