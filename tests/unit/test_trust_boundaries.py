"""Trust boundaries between publishers and keys, on real archives and bundles.

Each test plays one attack from the second hardening round: a trusted
publisher that trespasses on another's notices, a new key that takes a
publisher over, a borrowed bundle id, a small-order public key, and a key
that forgets its publisher when it is removed and added again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db import provenance, queries, store
from db.archive import Archive
from desktop.bundles import importer
from desktop.bundles.builder import publisher_id_for
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle, verify_bundle
from desktop.messages import text
from tests.helpers.bundles import (
    KeyPair,
    Tamper,
    build,
    make_keys,
    manifest_of,
    notice_state,
    rewrite,
    snapshot,
    staging_contents,
    trust,
    write_notice,
    write_withdrawal,
)

PROVINCE = "UBND tỉnh Sơn Hà"
DISTRICT = "UBND huyện Tân Lập"
FINANCE = "Sở Tài chính"


class Publisher:
    """One publisher with its own key, building numbered bundles in tmp_path."""

    def __init__(self, root: Path, name: str, pair: KeyPair | None = None) -> None:
        self.root = root
        self.name = name
        self.id = publisher_id_for(name)
        self.pair = pair or make_keys(root / "keys")
        self.count = 0

    def bundle(self, fill: Callable[[Path], object], sequence: int, **kw: object) -> Path:
        self.count += 1
        src = self.root / f"src{self.count}"
        src.mkdir(parents=True)
        fill(src)
        out = self.root / f"{sequence}-{self.count}.bangtin"
        return build(src, self.pair, out, sequence=sequence, publisher=self.name, **kw).path


@pytest.fixture
def province(archive: Archive, tmp_path: Path) -> Publisher:
    pub = Publisher(tmp_path / "province", PROVINCE)
    trust(archive, pub.pair, PROVINCE)
    return pub


@pytest.fixture
def district(archive: Archive, tmp_path: Path) -> Publisher:
    pub = Publisher(tmp_path / "district", DISTRICT)
    trust(archive, pub.pair, DISTRICT)
    return pub


def refused(archive: Archive, bundle: Path, code: str) -> BundleError:
    """Import *bundle*, expect refusal with *code*, and check nothing changed."""
    before = snapshot(archive)
    with pytest.raises(BundleError) as caught:
        verify_bundle(archive, bundle)
    assert caught.value.code == code
    with pytest.raises(BundleError) as caught:
        import_bundle(archive, bundle)
    assert caught.value.code == code
    assert snapshot(archive) == before
    assert staging_contents(archive) == []
    return caught.value


def visible(archive: Archive) -> list[str]:
    with archive.reading() as session:
        return queries.notice_ids(session)


# -- 6. notices belong to their publisher --------------------------------------------------


def test_another_publisher_cannot_rewrite_a_notice(
    archive: Archive, province: Publisher, district: Publisher
) -> None:
    import_bundle(archive, province.bundle(lambda s: write_notice(s, "kh-54-2023"), 1))
    rewritten = district.bundle(
        lambda s: write_notice(s, "kh-54-2023", title="Bản giả mạo", updated="2023-05-01 08:00"),
        1,
    )
    error = refused(archive, rewritten, "notice_owned")
    assert error.params["id"] == "kh-54-2023"
    assert error.params["owner"] == PROVINCE
    assert error.message("vi") == (
        f"Văn bản «kh-54-2023» thuộc về {PROVINCE}; "
        f"gói dữ liệu của {DISTRICT} không được sửa hay thu hồi văn bản này."
    )
    assert "kh-54-2023" in error.message("en") and PROVINCE in error.message("en")
    assert notice_state(archive)["kh-54-2023"][3] == "Thông báo kh-54-2023"


def test_another_publisher_cannot_withdraw_a_notice(
    archive: Archive, province: Publisher, district: Publisher
) -> None:
    import_bundle(archive, province.bundle(lambda s: write_notice(s, "qd-1234-2023"), 1))
    withdrawal = district.bundle(
        lambda s: write_withdrawal(s, "qd-1234-2023", "2023-05-01 08:00"), 1
    )
    refused(archive, withdrawal, "notice_owned")
    assert visible(archive) == ["qd-1234-2023"]


def test_a_withdrawal_in_advance_blocks_only_its_own_publisher(
    archive: Archive, province: Publisher, district: Publisher
) -> None:
    """A withdrawal dated 2099 of an id nobody has sent must not pre-block it."""
    import_bundle(
        archive, district.bundle(lambda s: write_withdrawal(s, "qd-7-2024", "2099-01-01 00:00"), 1)
    )
    result = import_bundle(
        archive,
        province.bundle(lambda s: write_notice(s, "qd-7-2024", published="2024-01-07 08:00"), 1),
    )
    assert (result.added, result.unchanged) == (1, 0)
    assert visible(archive) == ["qd-7-2024"]
    # The district's bundles cannot touch it now that the province has it.
    late = district.bundle(lambda s: write_withdrawal(s, "qd-7-2024", "2099-02-01 00:00"), 2)
    refused(archive, late, "notice_owned")


def test_a_withdrawal_in_advance_still_holds_for_its_own_publisher(
    archive: Archive, province: Publisher, district: Publisher
) -> None:
    import_bundle(
        archive, district.bundle(lambda s: write_withdrawal(s, "tb-9", "2023-06-01 08:00"), 1)
    )
    with archive.reading() as session:
        assert provenance.early_withdrawals(session, "tb-9") == {
            district.id: _at("2023-06-01 08:00")
        }
    older = district.bundle(lambda s: write_notice(s, "tb-9", published="2023-05-01 08:00"), 2)
    assert import_bundle(archive, older).unchanged == 1
    assert visible(archive) == []
    newer = district.bundle(lambda s: write_notice(s, "tb-9", published="2023-07-01 08:00"), 3)
    assert import_bundle(archive, newer).added == 1
    assert visible(archive) == ["tb-9"]
    with archive.reading() as session:
        assert provenance.early_withdrawals(session, "tb-9") == {}


def test_two_publishers_may_withdraw_the_same_unknown_id(
    archive: Archive, province: Publisher, district: Publisher
) -> None:
    import_bundle(
        archive, district.bundle(lambda s: write_withdrawal(s, "x-1", "2023-06-01 08:00"), 1)
    )
    import_bundle(
        archive, province.bundle(lambda s: write_withdrawal(s, "x-1", "2023-06-02 08:00"), 1)
    )
    with archive.reading() as session:
        assert provenance.early_withdrawals(session, "x-1") == {
            district.id: _at("2023-06-01 08:00"),
            province.id: _at("2023-06-02 08:00"),
        }


def _at(stamp: str) -> datetime:
    from db.types import VN_TZ

    return datetime.fromisoformat(stamp).replace(tzinfo=VN_TZ)


# -- 7. a publisher bound to a key is not taken over ----------------------------------------


def test_a_second_key_cannot_take_over_a_bound_publisher(
    archive: Archive, province: Publisher, tmp_path: Path
) -> None:
    import_bundle(archive, province.bundle(lambda s: write_notice(s, "a"), 1))
    thief = Publisher(tmp_path / "thief", PROVINCE)
    trust(archive, thief.pair, "một khóa khác")
    frozen = thief.bundle(lambda s: write_notice(s, "b"), 2**53)
    refused(archive, frozen, "publisher_key_bound")
    modest = thief.bundle(lambda s: write_notice(s, "b"), 2)
    error = refused(archive, modest, "publisher_key_bound")
    assert error.params["bound"] == province.pair.key_id
    assert f"--replaces {province.pair.key_id}" in error.message("vi")
    # The real province bundles still import.
    assert import_bundle(archive, province.bundle(lambda s: write_notice(s, "c"), 2)).added == 1


def test_a_sequence_jump_beyond_the_bound_is_refused(archive: Archive, province: Publisher) -> None:
    import_bundle(archive, province.bundle(lambda s: write_notice(s, "a"), 1))
    error = refused(
        archive,
        province.bundle(lambda s: write_notice(s, "b"), 1 + importer.MAX_SEQUENCE_STEP + 1),
        "sequence_jump",
    )
    assert error.params["limit"] == 1 + importer.MAX_SEQUENCE_STEP
    refused(archive, province.bundle(lambda s: write_notice(s, "b"), 2**53), "sequence_jump")
    step = province.bundle(lambda s: write_notice(s, "b"), 1 + importer.MAX_SEQUENCE_STEP)
    assert import_bundle(archive, step).status == "imported"


def test_a_first_bundle_beyond_the_bound_is_refused(archive: Archive, province: Publisher) -> None:
    refused(
        archive,
        province.bundle(lambda s: write_notice(s, "a"), importer.MAX_SEQUENCE_STEP + 1),
        "sequence_jump",
    )


def test_replacing_a_key_is_an_explicit_act(
    archive: Archive, province: Publisher, tmp_path: Path
) -> None:
    import_bundle(archive, province.bundle(lambda s: write_notice(s, "a"), 1))
    successor = Publisher(tmp_path / "successor", PROVINCE)
    with archive.writing() as session:
        store.add_trusted_key(
            session, successor.pair.key_id, successor.pair.raw_public, "khóa mới", _now()
        )
        bound = store.replace_key(session, successor.pair.key_id, province.pair.key_id, _now())
    assert bound == province.id
    with archive.reading() as session:
        assert provenance.trusted_public_key(session, province.pair.key_id) is None
        assert provenance.trusted_public_key(session, successor.pair.key_id) == (
            successor.pair.raw_public,
            province.id,
        )
    assert import_bundle(archive, successor.bundle(lambda s: write_notice(s, "b"), 2)).added == 1
    refused(archive, province.bundle(lambda s: write_notice(s, "c"), 3), "untrusted_key")


def _now() -> datetime:
    return datetime.now(UTC)


# -- 8. "imported before" is per publisher and per manifest ---------------------------------


def test_another_publishers_bundle_id_does_not_shadow_the_real_bundle(
    archive: Archive, province: Publisher, district: Publisher, tmp_path: Path
) -> None:
    import_bundle(archive, province.bundle(lambda s: write_notice(s, "a"), 1))
    real = province.bundle(lambda s: write_notice(s, "b"), 2)
    real_id = manifest_of(real)["bundle_id"]

    def borrow(manifest: dict[str, object]) -> None:
        manifest["bundle_id"] = real_id

    squatter = rewrite(
        district.bundle(lambda s: write_notice(s, "d"), 1),
        tmp_path / "squatter.bangtin",
        Tamper(manifest=borrow, sign_with=district.pair),
    )
    assert import_bundle(archive, squatter).status == "imported"
    result = import_bundle(archive, real)
    assert (result.status, result.added) == ("imported", 1)
    assert import_bundle(archive, real).status == "already"


def test_a_changed_manifest_with_a_used_bundle_id_is_not_imported_before(
    archive: Archive, province: Publisher, tmp_path: Path
) -> None:
    first = province.bundle(lambda s: write_notice(s, "a"), 1)
    import_bundle(archive, first)

    def retitle(manifest: dict[str, object]) -> None:
        manifest["publisher"] = {"id": province.id, "name": PROVINCE + " (sửa)"}

    changed = rewrite(
        first, tmp_path / "changed.bangtin", Tamper(manifest=retitle, sign_with=province.pair)
    )
    refused(archive, changed, "rollback")


# -- 9. a small-order key never verifies -----------------------------------------------------

IDENTITY = bytes.fromhex("01" + "00" * 31)
ORDER_TWO = bytes.fromhex("ec" + "ff" * 30 + "7f")
NEGATIVE_ZERO = bytes.fromhex("01" + "00" * 30 + "80")


@pytest.mark.parametrize("raw", [IDENTITY, ORDER_TWO, NEGATIVE_ZERO], ids=["1", "p-1", "-0"])
def test_a_trusted_small_order_key_is_refused_at_verification(
    archive: Archive, province: Publisher, tmp_path: Path, raw: bytes
) -> None:
    """A key an older Bảng Tin trusted: a signature needs no private key at all."""
    from desktop.bundles import keys

    weak_id = keys.key_id(raw)
    with archive.writing() as session:
        store.add_trusted_key(session, weak_id, raw, "khóa yếu", _now())

    def claim(manifest: dict[str, object]) -> None:
        manifest["key_id"] = weak_id

    forged = rewrite(
        province.bundle(lambda s: write_notice(s, "gia-mao"), 1),
        tmp_path / "forged.bangtin",
        # R = the identity point, S = 0: valid for any message under this key.
        Tamper(manifest=claim, signature=lambda _sig: IDENTITY + bytes(32)),
    )
    error = refused(archive, forged, "weak_key")
    assert error.params == {"key_id": weak_id}
    assert text("weak_key", "en", key_id=weak_id) in error.message("en")


# -- 10. a removed key keeps its publisher ----------------------------------------------------


def test_a_removed_and_added_again_key_keeps_its_publisher(
    archive: Archive, province: Publisher, tmp_path: Path
) -> None:
    import_bundle(archive, province.bundle(lambda s: write_notice(s, "a"), 1))
    with archive.writing() as session:
        assert store.remove_trusted_key(session, province.pair.key_id) is True
    with archive.reading() as session:
        assert provenance.trusted_public_key(session, province.pair.key_id) is None
        assert provenance.trusted_keys(session) == []
    trust(archive, province.pair, "thêm lại")
    with archive.reading() as session:
        assert provenance.trusted_public_key(session, province.pair.key_id) == (
            province.pair.raw_public,
            province.id,
        )
    finance = Publisher(tmp_path / "finance", FINANCE, province.pair)
    error = refused(
        archive, finance.bundle(lambda s: write_notice(s, "stc-1"), 1), "key_publisher_mismatch"
    )
    assert error.params["bound"] == province.id
    assert import_bundle(archive, province.bundle(lambda s: write_notice(s, "b"), 2)).added == 1
