"""The trusted-keys dialog, the freshness line, and trusting a key from a refused import.

Every question the window asks goes through desktop/ui/dialogs.py and is
answered by the `dialog_stub` fixture: no modal box ever waits.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from db import provenance, queries, trust
from db.archive import open_archive
from db.types import VN_TZ
from desktop.bundles.builder import build_bundle
from desktop.bundles.importer import import_bundle
from desktop.bundles.trustdocs import TrustFields
from desktop.ui import settings as prefs
from desktop.ui.trustdialog import IDENT_ROLE
from tests.helpers.bundles import KeyPair, make_keys, write_notice
from tests.helpers.bundles import trust as trust_key
from tests.helpers.dialogs import DialogStub
from tests.helpers.sample import WindowFactory
from tests.helpers.trustchain import (
    RootKeys,
    build_trusted,
    delegation,
    make_root,
    revocation,
    rotation,
    trust_root,
)


def _bundle(
    tmp_path: Path, signing: KeyPair, name: str, fields: TrustFields | None, **kw: Any
) -> Path:
    src = tmp_path / f"src-{name}"
    write_notice(src, f"tb-{name}", title=f"Thông báo {name}")
    return build_trusted(src, signing, tmp_path / f"{name}.bangtin", fields=fields, **kw).path


def _counts(data_dir: Path) -> tuple[int, int, int]:
    archive = open_archive(data_dir)
    try:
        with archive.reading() as session:
            return (
                queries.count_notices(session),
                len(trust.roots(session)),
                len(provenance.trusted_keys(session)),
            )
    finally:
        archive.close()


@pytest.fixture
def root(tmp_path: Path) -> RootKeys:
    return make_root(tmp_path / "root")


@pytest.fixture
def signing(tmp_path: Path) -> KeyPair:
    return make_keys(tmp_path / "signing")


def test_the_dialog_lists_roots_signing_keys_and_revocations(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    root: RootKeys,
    signing: KeyPair,
    dialog_stub: DialogStub,
) -> None:
    old = make_keys(tmp_path / "old")
    archive = open_archive(data_dir)
    trust_root(archive, root, "Tỉnh Sơn Hà")
    fields = TrustFields(
        delegation=delegation(root, signing), revocations=(revocation(root, old.key_id, "Bị lộ"),)
    )
    import_bundle(archive, _bundle(tmp_path, signing, "one", fields))
    archive.close()
    window = make_window(data_dir)
    window.action("trustedKeysAction").trigger()
    dialog = window.trust.dialog
    assert dialog is not None and dialog.isVisible()
    tree = dialog.tree
    top = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    labels = [item.text(0) for item in top if item is not None]
    assert labels == ["Khóa gốc Tỉnh Sơn Hà", "Khóa bị thu hồi"]
    root_item = top[0]
    assert root_item is not None and root_item.childCount() == 1
    child = root_item.child(0)
    assert child is not None
    assert child.text(0) == signing.key_id and child.text(2) == "hạn đến 31/12/2030"
    revoked = top[1]
    assert revoked is not None
    revoked_key = revoked.child(0)
    assert revoked_key is not None and revoked_key.text(2) == "Bị lộ"
    assert root_item.data(0, IDENT_ROLE) == root.fingerprint
    assert dialog_stub.names() == []


def test_nothing_is_trusted_without_confirming_the_fingerprint(
    make_window: WindowFactory, data_dir: Path, root: RootKeys, dialog_stub: DialogStub
) -> None:
    window = make_window(data_dir)
    window.action("trustedKeysAction").trigger()
    dialog_stub.script("choose_key_file", root.public_path, root.public_path)
    dialog_stub.script("confirm_trust", False, True)
    assert window.trust.dialog is not None
    window.trust.dialog.add_button.click()
    assert _counts(data_dir)[1] == 0
    _name, (_parent, _title, text, warning) = dialog_stub.calls[-1]
    groups = text.split("\n")[-1].split(" ")
    assert len(groups) == 16 and all(len(g) == 4 for g in groups)
    assert "".join(groups) == root.fingerprint
    assert "công văn của tỉnh" in warning
    window.trust.dialog.add_button.click()
    assert _counts(data_dir)[1] == 1
    tree = window.trust.dialog.tree
    assert tree.topLevelItemCount() == 1


def test_a_refused_import_offers_to_trust_the_key_then_imports(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    signing: KeyPair,
    dialog_stub: DialogStub,
) -> None:
    bundle = _bundle(tmp_path, signing, "one", None)
    window = make_window(data_dir)
    dialog_stub.script("offer_trust", True)
    dialog_stub.script("choose_key_file", signing.public_path)
    dialog_stub.script("confirm_trust", True)
    window.importer.import_files([bundle])
    assert dialog_stub.names() == ["offer_trust", "choose_key_file", "confirm_trust", "show_info"]
    offer = dialog_stub.calls[0][1]
    assert signing.key_id in offer[2] and offer[4] == "Tin cậy khóa này…"
    # The window's sentence names its own button, not a command to type.
    assert "«Tin cậy khóa này…»" in offer[2] and "bangtin" not in offer[2]
    assert offer[3] == "Tệp: one.bangtin. Kho dữ liệu không thay đổi."
    assert _counts(data_dir) == (1, 0, 1)


def test_declining_the_offer_changes_nothing(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    signing: KeyPair,
    dialog_stub: DialogStub,
) -> None:
    bundle = _bundle(tmp_path, signing, "one", None)
    window = make_window(data_dir)
    window.importer.import_files([bundle])
    assert dialog_stub.names() == ["offer_trust"]
    assert _counts(data_dir) == (0, 0, 0)


def test_a_missed_root_is_explained_in_plain_words(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    root: RootKeys,
    signing: KeyPair,
    dialog_stub: DialogStub,
) -> None:
    archive = open_archive(data_dir)
    trust_root(archive, root)
    archive.close()
    second, third = make_root(tmp_path / "r2"), make_root(tmp_path / "r3")
    fields = TrustFields(
        delegation=delegation(third, signing), root_chain=(rotation(second, third),)
    )
    window = make_window(data_dir)
    window.importer.import_files([_bundle(tmp_path, signing, "one", fields)])
    assert dialog_stub.names() == ["offer_trust"]
    _parent, _title, text, _detail, offer = dialog_stub.calls[0][1]
    assert "tỉnh đã thay khóa gốc" in text and offer == "Tin cậy khóa gốc mới…"


def test_a_revoked_key_is_an_error_that_names_the_reason(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    root: RootKeys,
    signing: KeyPair,
    dialog_stub: DialogStub,
) -> None:
    archive = open_archive(data_dir)
    trust_root(archive, root)
    archive.close()
    fields = TrustFields(
        delegation=delegation(root, signing),
        revocations=(revocation(root, signing.key_id, "Máy bị mất"),),
    )
    window = make_window(data_dir)
    window.importer.import_files([_bundle(tmp_path, signing, "one", fields)])
    assert dialog_stub.names() == ["show_error"]
    text = dialog_stub.calls[0][1][2]
    assert signing.key_id in text and "Máy bị mất" in text


def test_removing_a_key_asks_first(
    make_window: WindowFactory,
    data_dir: Path,
    signing: KeyPair,
    dialog_stub: DialogStub,
) -> None:
    archive = open_archive(data_dir)
    trust_key(archive, signing)
    archive.close()
    window = make_window(data_dir)
    window.action("trustedKeysAction").trigger()
    dialog = window.trust.dialog
    assert dialog is not None
    direct = dialog.tree.topLevelItem(0)
    assert direct is not None
    key_item = direct.child(0)
    assert key_item is not None
    dialog.tree.setCurrentItem(key_item)
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    assert _counts(data_dir)[2] == 1
    dialog_stub.script("confirm_untrust", True)
    dialog.remove_button.click()
    assert _counts(data_dir)[2] == 0
    assert dialog.tree.topLevelItemCount() == 0


def test_the_status_bar_says_how_old_the_data_is(
    make_window: WindowFactory, data_dir: Path, tmp_path: Path, signing: KeyPair
) -> None:
    archive = open_archive(data_dir)
    trust_key(archive, signing)
    noon = datetime.now(VN_TZ).replace(hour=12, minute=0, second=0, microsecond=0)
    created = (noon - timedelta(days=40)).astimezone(UTC)
    src = tmp_path / "src"
    write_notice(src, "tb-1", title="Thông báo cũ")
    bundle = build_bundle(
        src, signing.private_path, "UBND xã Demo", tmp_path / "old.bangtin", created=created
    ).path
    import_bundle(archive, bundle)
    archive.close()
    window = make_window(data_dir)
    label = window.trust.freshness_label
    day = (noon - timedelta(days=40)).strftime("%d/%m/%Y")
    assert label.text() == f"⚠ Dữ liệu cập nhật đến ngày {day} (cách đây 40 ngày)"
    assert label.property("stale") is True
    window.settings.setValue(prefs.STALE_DAYS, 60)
    window.trust.retranslate()
    assert label.text() == f"Dữ liệu cập nhật đến ngày {day} (cách đây 40 ngày)"
    assert label.property("stale") is False


def test_an_archive_without_signed_data_says_so(make_window: WindowFactory, data_dir: Path) -> None:
    window = make_window(data_dir)
    assert window.trust.freshness_label.text() == "Chưa có dữ liệu đã ký"
