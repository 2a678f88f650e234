"""Which bundles apply and what applying one does, on real archives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import delete

from db import filestore, provenance, queries, store
from db.archive import Archive, open_archive
from db.models import StoredFile
from db.types import VN_TZ, whole_seconds
from desktop.bundles.errors import BundleError, ImportCancelled
from desktop.bundles.importer import ImportResult, import_bundle, verify_bundle
from desktop.bundles.reader import REF_INDEX_NAME, stage_bundle
from desktop.messages import text
from tests.helpers.bundles import (
    PDF,
    PUBLISHER,
    PUBLISHER_ID,
    KeyPair,
    build,
    last_sequence,
    log_count,
    make_keys,
    notice_state,
    sha256,
    snapshot,
    staging_contents,
    trust,
    write_notice,
    write_raw,
    write_source1,
    write_source2,
    write_withdrawal,
)

pytestmark = [pytest.mark.archive(trusting="pair"), pytest.mark.engines]


def vn(stamp: str) -> int:
    """Stored seconds of a "YYYY-MM-DD HH:MM" time in +07:00."""
    return whole_seconds(datetime.fromisoformat(stamp).replace(tzinfo=VN_TZ))


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> KeyPair:
    return make_keys(tmp_path_factory.mktemp("keys"))


class Publisher:
    """Builds numbered bundles from folders in tmp_path, with one key."""

    def __init__(self, root: Path, pair: KeyPair, name: str = PUBLISHER) -> None:
        self.root = root
        self.pair = pair
        self.name = name
        self.count = 0

    def folder(self, fill: Callable[[Path], object]) -> Path:
        self.count += 1
        src = self.root / f"src{self.count}"
        src.mkdir(parents=True)
        fill(src)
        return src

    def bundle(self, fill: Callable[[Path], object], sequence: int, **kw: object) -> Path:
        src = self.folder(fill)
        out = self.root / f"{self.name}-{sequence}-{self.count}.bangtin"
        return build(src, self.pair, out, sequence=sequence, publisher=self.name, **kw).path


@pytest.fixture
def pub(pair: KeyPair, tmp_path: Path) -> Publisher:
    return Publisher(tmp_path / "publisher", pair)


def refused(archive: Archive, bundle: Path, code: str) -> BundleError:
    before = snapshot(archive)
    with pytest.raises(BundleError) as caught:
        import_bundle(archive, bundle)
    assert caught.value.code == code
    assert snapshot(archive) == before
    assert staging_contents(archive) == []
    return caught.value


def counts(result: ImportResult) -> tuple[int, int, int, int]:
    return (result.added, result.updated, result.withdrawn, result.unchanged)


# -- what an import writes ---------------------------------------------------------------


def test_full_bundle_into_an_empty_archive(archive: Archive, pub: Publisher) -> None:
    bundle = pub.bundle(write_source1, 1)
    result = import_bundle(archive, bundle)
    assert result.status == "imported"
    assert counts(result) == (3, 0, 0, 0)
    assert (result.kind, result.sequence, result.publisher_id) == ("full", 1, PUBLISHER_ID)
    state = notice_state(archive)
    assert state["a"] == (vn("2023-03-27 08:15"), False, True, "Quyết định số 1")
    assert set(state) == {"a", "b", "c"}
    assert last_sequence(archive) == 1
    with archive.reading() as session:
        (entry,) = provenance.import_log(session)
        detail = queries.get_notice(session, "a")
    assert (entry.bundle_id, entry.sequence, entry.added, entry.outcome) == (
        result.bundle_id,
        1,
        3,
        "imported",
    )
    # The attachment lands in the store under its hash, never under its name.
    assert detail is not None
    (att,) = detail.attachments
    assert att.name == "qd-1.pdf" and att.sha256 == sha256(PDF)
    assert archive.file_path(att.sha256).read_bytes() == PDF
    stored = [p.name for p in archive.files_dir.rglob("*") if p.is_file()]
    assert stored == [sha256(PDF)]
    assert staging_contents(archive) == []


def test_newer_revision_replaces_an_older_one(archive: Archive, pub: Publisher) -> None:
    import_bundle(archive, pub.bundle(lambda s: write_notice(s, "a", title="Bản đầu"), 1))
    newer = pub.bundle(
        lambda s: write_notice(s, "a", title="Bản sửa", updated="2023-04-01 10:00"), 2
    )
    assert counts(import_bundle(archive, newer)) == (0, 1, 0, 0)
    assert notice_state(archive)["a"] == (vn("2023-04-01 10:00"), False, True, "Bản sửa")


def test_older_or_equal_revision_changes_nothing(archive: Archive, pub: Publisher) -> None:
    first = lambda s: write_notice(s, "a", title="Bản mới", updated="2023-04-01 10:00")  # noqa: E731
    import_bundle(archive, pub.bundle(first, 1))
    older = pub.bundle(lambda s: write_notice(s, "a", title="Bản cũ"), 2)
    same = pub.bundle(
        lambda s: write_notice(s, "a", title="Cùng thời điểm", updated="2023-04-01 10:00"), 3
    )
    assert counts(import_bundle(archive, older)) == (0, 0, 0, 1)
    assert counts(import_bundle(archive, same)) == (0, 0, 0, 1)
    assert notice_state(archive)["a"][3] == "Bản mới"
    assert last_sequence(archive) == 3  # the sequence still moves forward


def test_withdrawn_notice_never_comes_back_from_an_older_copy(
    archive: Archive, pub: Publisher
) -> None:
    import_bundle(archive, pub.bundle(lambda s: write_notice(s, "a"), 1))
    withdraw = pub.bundle(lambda s: write_withdrawal(s, "a", "2023-04-02 08:00"), 2, since=1)
    assert counts(import_bundle(archive, withdraw)) == (0, 0, 1, 0)
    assert notice_state(archive)["a"][1] is True
    # A later full bundle, built from a folder that still has the old notice.
    stale = pub.bundle(lambda s: write_notice(s, "a"), 3)
    assert counts(import_bundle(archive, stale)) == (0, 0, 0, 1)
    assert notice_state(archive)["a"][:3] == (vn("2023-04-02 08:00"), True, True)
    with archive.reading() as session:
        assert queries.count_notices(session) == 0


def test_withdrawal_before_the_notice_is_remembered(archive: Archive, pub: Publisher) -> None:
    """A withdrawal of a notice this office never had keeps it out later."""
    import_bundle(archive, pub.bundle(lambda s: write_withdrawal(s, "x", "2023-04-02 08:00"), 1))
    with archive.reading() as session:
        (revision,) = provenance.early_withdrawals(session, "x").values()
    assert whole_seconds(revision) == vn("2023-04-02 08:00")
    import_bundle(archive, pub.bundle(lambda s: write_notice(s, "x"), 2))
    assert "x" not in notice_state(archive)
    with archive.reading() as session:
        assert queries.count_notices(session) == 0


def test_withdrawn_true_with_content(archive: Archive, pub: Publisher) -> None:
    import_bundle(archive, pub.bundle(lambda s: write_notice(s, "a"), 1))
    bundle = pub.bundle(
        lambda s: write_notice(s, "a", withdrawn=True, updated="2023-04-01 08:00"), 2
    )
    assert counts(import_bundle(archive, bundle)) == (0, 0, 1, 0)
    assert notice_state(archive)["a"][1:3] == (True, True)


def test_full_bundle_leaves_notices_it_does_not_list(archive: Archive, pub: Publisher) -> None:
    import_bundle(archive, pub.bundle(write_source1, 1))
    before = notice_state(archive)
    result = import_bundle(archive, pub.bundle(lambda s: write_notice(s, "z"), 2))
    assert counts(result) == (1, 0, 0, 0)
    after = notice_state(archive)
    assert {k: v for k, v in after.items() if k != "z"} == before


def test_typical_sequence_counts(archive: Archive, pub: Publisher) -> None:
    """Full 1; delta 2 updates b, adds d, withdraws c; full 3 re-sends everything."""
    r1 = import_bundle(archive, pub.bundle(write_source1, 1))
    r2 = import_bundle(archive, pub.bundle(write_source2, 2, since=1))

    def everything(src: Path) -> None:
        write_source1(src)
        (src / "van-ban" / "b.md").unlink()
        (src / "c.md").unlink()
        write_source2(src)  # b in its updated form, d, and c's withdrawal

    r3 = import_bundle(archive, pub.bundle(everything, 3))
    assert counts(r1) == (3, 0, 0, 0)
    assert counts(r2) == (1, 1, 1, 0)
    assert counts(r3) == (0, 0, 0, 4)  # a, b, d unchanged; c's withdrawal too
    assert [r.kind for r in (r1, r2, r3)] == ["full", "delta", "full"]
    with archive.reading() as session:
        log = provenance.import_log(session)
        assert sorted((e.sequence, e.added, e.updated, e.withdrawn, e.unchanged) for e in log) == [
            (1, 3, 0, 0, 0),
            (2, 1, 1, 1, 0),
            (3, 0, 0, 0, 4),
        ]
        assert queries.count_notices(session) == 3
    assert last_sequence(archive) == 3


# -- which bundles apply -----------------------------------------------------------------


def test_sequence_only_moves_forward(archive: Archive, pub: Publisher) -> None:
    seen = []
    for seq in (1, 2, 5):
        import_bundle(archive, pub.bundle(lambda s: write_notice(s, "a"), seq))
        seen.append(last_sequence(archive))
    assert seen == [1, 2, 5]


def test_delta_applies_when_base_is_at_or_below_the_last(archive: Archive, pub: Publisher) -> None:
    import_bundle(archive, pub.bundle(write_source1, 1))
    import_bundle(archive, pub.bundle(lambda s: write_notice(s, "e"), 2, since=1))
    # base 1 ≤ last 2 < 3: a delta on an older base still applies.
    result = import_bundle(archive, pub.bundle(lambda s: write_notice(s, "f"), 3, since=1))
    assert (result.status, result.kind, counts(result)) == ("imported", "delta", (1, 0, 0, 0))
    assert last_sequence(archive) == 3


@pytest.mark.parametrize(("have", "base"), [(0, 1), (1, 2), (3, 4)])
def test_delta_without_its_base_is_refused(
    archive: Archive, pub: Publisher, have: int, base: int
) -> None:
    if have:
        import_bundle(archive, pub.bundle(write_source1, have))
    delta = pub.bundle(lambda s: write_notice(s, "e"), base + 2, since=base)
    error = refused(archive, delta, "delta_needs_base")
    vi = error.message("vi")
    assert f"cần gói số {base} trước" in vi
    assert f"hãy nhập gói số {base} hoặc một gói đầy đủ" in vi
    assert f"needs bundle {base} first" in error.message("en")
    assert last_sequence(archive) == (have or None)


def test_full_bundle_applies_to_any_archive(archive: Archive, pub: Publisher) -> None:
    """No base needed: a full bundle 7 applies to an empty archive and after 1."""
    import_bundle(archive, pub.bundle(write_source1, 1))
    result = import_bundle(archive, pub.bundle(lambda s: write_notice(s, "e"), 7))
    assert result.status == "imported"
    assert last_sequence(archive) == 7


def test_bundle_imported_before_changes_nothing(archive: Archive, pub: Publisher) -> None:
    bundle = pub.bundle(write_source1, 1)
    import_bundle(archive, bundle)
    before = snapshot(archive)
    again = import_bundle(archive, bundle)
    assert again.status == "already"
    assert counts(again) == (0, 0, 0, 0)
    assert snapshot(archive) == before
    assert staging_contents(archive) == []
    sentence = text("already", "vi", sequence=again.sequence, publisher=again.publisher_name)
    assert sentence == f"Gói dữ liệu số 1 của {PUBLISHER} đã nhập trước đó."
    assert verify_bundle(archive, bundle).status == "already"


def test_bundle_imported_again_puts_back_the_attachments_the_archive_lost(
    archive: Archive, pub: Publisher
) -> None:
    bundle = pub.bundle(write_source1, 1)
    import_bundle(archive, bundle)
    whole = snapshot(archive)
    sha = sha256(PDF)
    if archive.on_server:  # what every PC fetches from
        with archive.writing() as session:
            session.execute(delete(StoredFile).where(StoredFile.sha256 == sha))
    else:
        archive.file_path(sha).unlink()
    again = import_bundle(archive, bundle)
    assert (again.status, again.restored_files) == ("already", 1)
    assert counts(again) == (0, 0, 0, 0)
    assert filestore.local_copy(archive, sha).read_bytes() == PDF
    assert snapshot(archive) == whole
    assert staging_contents(archive) == []
    # Nothing lost: the plain "already", with nothing staged.
    assert import_bundle(archive, bundle).restored_files == 0


def test_bundle_imported_before_even_after_newer_ones(archive: Archive, pub: Publisher) -> None:
    first = pub.bundle(write_source1, 1)
    import_bundle(archive, first)
    import_bundle(archive, pub.bundle(write_source2, 2, since=1))
    assert import_bundle(archive, first).status == "already"


@pytest.mark.parametrize(("applied", "old"), [(2, 1), (2, 2)])
def test_older_bundle_is_refused(archive: Archive, pub: Publisher, applied: int, old: int) -> None:
    """Rollback protection: a different bundle at or below the last sequence."""
    stale = pub.bundle(lambda s: write_notice(s, "a", title="cũ"), old)
    import_bundle(archive, pub.bundle(lambda s: write_notice(s, "a"), applied))
    error = refused(archive, stale, "rollback")
    assert f"số {old} của {PUBLISHER} cũ hơn gói số {applied}" in error.message("vi")


def test_sequences_are_per_publisher(archive: Archive, pub: Publisher, tmp_path: Path) -> None:
    other_keys = make_keys(tmp_path / "other-keys")
    trust(archive, other_keys, "UBND phường Khác")
    other = Publisher(tmp_path / "other", other_keys, "UBND phường Khác")
    import_bundle(archive, pub.bundle(lambda s: write_notice(s, "a"), 5))
    result = import_bundle(archive, other.bundle(lambda s: write_notice(s, "o"), 1))
    assert result.status == "imported"
    assert last_sequence(archive) == 5
    assert last_sequence(archive, "ubnd-phuong-khac") == 1


def test_key_bound_to_one_publisher_cannot_sign_for_another(
    archive: Archive, pub: Publisher, pair: KeyPair, tmp_path: Path
) -> None:
    import_bundle(archive, pub.bundle(lambda s: write_notice(s, "a"), 1))
    with archive.reading() as session:
        assert provenance.trusted_public_key(session, pair.key_id) == (
            pair.raw_public,
            PUBLISHER_ID,
        )
    impostor = Publisher(tmp_path / "impostor", pair, "UBND xã Giả")
    bundle = impostor.bundle(lambda s: write_notice(s, "a", title="Giả mạo"), 2)
    error = refused(archive, bundle, "key_publisher_mismatch")
    assert error.params == {"key_id": pair.key_id, "bound": PUBLISHER_ID, "claimed": "ubnd-xa-gia"}


# -- one transaction, cancel, crash ------------------------------------------------------


def test_failure_while_applying_rolls_everything_back(
    archive: Archive, pub: Publisher, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_bundle(archive, pub.bundle(write_source1, 1))
    before = snapshot(archive)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(store, "add_log", broken)
    with pytest.raises(RuntimeError):
        import_bundle(archive, pub.bundle(write_source2, 2, since=1))
    assert snapshot(archive) == before
    assert staging_contents(archive) == []


def test_cancel_while_staging(archive: Archive, pub: Publisher) -> None:
    import_bundle(archive, pub.bundle(write_source1, 1))
    bundle = pub.bundle(write_source2, 2, since=1)
    before = snapshot(archive)

    held: list[list[str]] = []

    def cancel() -> bool:
        held.append(staging_contents(archive))
        return True

    with pytest.raises(ImportCancelled):
        import_bundle(archive, bundle, cancel=cancel)
    # Asked once, with the staging folder made and locked, holding the
    # manifest's notice index and no entry yet.
    assert len(held) == 1
    folder = held[0][0]
    assert held == [[folder, f"{folder}/.lock", f"{folder}/{REF_INDEX_NAME}"]]
    assert snapshot(archive) == before
    assert staging_contents(archive) == []


def test_cancel_while_applying(archive: Archive, pub: Publisher) -> None:
    import_bundle(archive, pub.bundle(write_source1, 1))
    bundle = pub.bundle(write_source2, 2, since=1)
    before = snapshot(archive)
    stages: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        stages.append(stage)

    def cancel() -> bool:
        return "applying" in stages

    with pytest.raises(ImportCancelled):
        import_bundle(archive, bundle, progress=progress, cancel=cancel)
    assert "staging" in stages and "applying" in stages
    assert snapshot(archive) == before
    assert staging_contents(archive) == []
    # Nothing was half-done: the same bundle imports cleanly afterwards.
    assert counts(import_bundle(archive, bundle)) == (1, 1, 1, 0)


def test_cancel_at_the_last_chance(
    archive: Archive, pub: Publisher, pair: KeyPair, tmp_path: Path
) -> None:
    """Cancelling at the last question, after every write, still rolls back."""
    bundle = pub.bundle(write_source1, 1)
    asked = {"n": 0}

    def count() -> bool:
        asked["n"] += 1
        return False

    import_bundle(archive, bundle, cancel=count)
    last = asked["n"]
    assert last >= 3  # at least once per staged entry and once while applying

    fresh = open_archive(tmp_path / "fresh")
    try:
        trust(fresh, pair)
        before = snapshot(fresh)
        calls = {"n": 0}

        def cancel() -> bool:
            calls["n"] += 1
            with fresh.engine.connect() as conn:  # a separate reader sees nothing yet
                assert conn.exec_driver_sql("SELECT count(*) FROM notice").scalar_one() == 0
            return calls["n"] == last

        with pytest.raises(ImportCancelled):
            import_bundle(fresh, bundle, cancel=cancel)
        assert calls["n"] == last
        assert snapshot(fresh) == before
        assert log_count(fresh) == 0 and last_sequence(fresh) is None
        assert [p for p in fresh.files_dir.rglob("*") if p.is_file()] == []
        assert staging_contents(fresh) == []
    finally:
        fresh.close()


def test_staged_files_from_a_crash_are_removed_at_open(
    archive: Archive, pub: Publisher, tmp_path: Path
) -> None:
    import_bundle(archive, pub.bundle(write_source1, 1))
    before = snapshot(archive)
    leftover = archive.staging_dir / "0123456789abcdef0123456789abcdef"
    leftover.mkdir()
    (leftover / "notices_000001.json").write_bytes(b"[]")
    (leftover / ".lock").write_bytes(b"")  # its import was killed: nobody holds the lock
    (leftover / ("files_" + "0" * 64)).write_bytes(b"half a file")
    (archive.staging_dir / "stray.tmp").write_bytes(b"x")
    archive.close()
    reopened = open_archive(archive.data_dir, url=archive.url)
    try:
        assert staging_contents(reopened) == []
        assert reopened.staging_dir.is_dir()
        assert snapshot(reopened) == before
    finally:
        reopened.close()


def test_bundle_removed_after_staging_still_applies(archive: Archive, pub: Publisher) -> None:
    """After staging, the USB stick can go: everything is read from local disk."""
    bundle = pub.bundle(write_source1, 1)

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "applying" and bundle.exists():
            bundle.unlink()

    result = import_bundle(archive, bundle, progress=progress)
    assert not bundle.exists()
    assert counts(result) == (3, 0, 0, 0)
    assert archive.file_path(sha256(PDF)).read_bytes() == PDF


def test_staging_checks_every_entry_onto_local_disk(
    pair: KeyPair, pub: Publisher, tmp_path: Path
) -> None:
    bundle = pub.bundle(write_source1, 1)
    root = tmp_path / "staging"
    seen: list[tuple[str, int, int]] = []
    staged = stage_bundle(
        bundle,
        root,
        lambda kid: (pair.raw_public, None) if kid == pair.key_id else None,
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    try:
        assert seen == [("staging", 1, 2), ("staging", 2, 2)]
        assert staged.staging.parent == root
        assert staged.files[sha256(PDF)].read_bytes() == PDF
        assert staged.files[sha256(PDF)].is_relative_to(staged.staging)
        assert sorted(n.id for chunk in staged.notice_chunks() for n in chunk) == ["a", "b", "c"]
    finally:
        staged.discard()
    assert list(root.iterdir()) == []


def test_untrusted_bundle_stages_nothing(pub: Publisher, tmp_path: Path) -> None:
    bundle = pub.bundle(write_source1, 1)
    root = tmp_path / "staging"
    with pytest.raises(BundleError) as caught:
        stage_bundle(bundle, root, lambda kid: None)
    assert caught.value.code == "untrusted_key"
    assert list(root.iterdir()) == []


def test_attachment_shared_by_two_notices_is_stored_once(archive: Archive, pub: Publisher) -> None:
    def fill(src: Path) -> None:
        write_raw(src, "files/chung.pdf", PDF)
        write_raw(src, "files/ban-sao.pdf", PDF)
        write_notice(src, "a", attachments=["files/chung.pdf"])
        write_notice(src, "b", attachments=["files/ban-sao.pdf"])

    import_bundle(archive, pub.bundle(fill, 1))
    with archive.reading() as session:
        names = [
            att.name
            for nid in ("a", "b")
            for att in (queries.get_notice(session, nid) or pytest.fail()).attachments
        ]
    assert names == ["chung.pdf", "ban-sao.pdf"]
    assert [p.name for p in archive.files_dir.rglob("*") if p.is_file()] == [sha256(PDF)]
