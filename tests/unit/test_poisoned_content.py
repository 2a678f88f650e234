"""Content that could poison a whole archive: one odd value must not break every list.

Each kind is refused twice, where a publisher builds (with file and line) and
where an office imports (a signed, hostile bundle); and an archive that
already holds such a value, from before these checks, still lists, counts
and searches.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from db import search
from db.archive import Archive, open_archive
from db.queries import categories, get_notice, latest_notices, list_notices, notice_details
from db.types import VN_TZ
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from desktop.bundles.limits import MAX_RATIO, RATIO_FLOOR
from desktop.bundles.manifest import (
    MAX_CATEGORY_DEPTH,
    MAX_CATEGORY_LEVEL,
)
from desktop.bundles.source import SourceErrors, read_source
from desktop.messages import CATALOG
from tests.helpers.bundles import (
    KeyPair,
    Tamper,
    World,
    build,
    make_keys,
    notice_state,
    resign_notice,
    rewrite,
    snapshot,
    staging_contents,
    trust,
    write_notice,
)
from tests.helpers.notices import apply, notice

CHUNK = "notices/000001.json"
#: Every bidi control the format strips: embeddings, overrides, isolates, marks.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
SPOOFED = "Quyết định số 12 \u202eFDP.exe\u202c phê duyệt"
CLEAN = "Quyết định số 12 FDP.exe phê duyệt"


pytestmark = pytest.mark.archive(world=True)


@pytest.fixture
def pair(tmp_path: Path) -> KeyPair:
    return make_keys(tmp_path / "keys")


def source_errors(src: Path) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        read_source(src)
    return [str(e) for e in caught.value.errors]


def resigned(
    world: World, tmp_path: Path, nid: str, change: Callable[[dict[str, Any]], None]
) -> Path:
    """Bundle 2 with notice *nid* changed and re-signed with the trusted key."""
    return resign_notice(world.bundle2, tmp_path / "hostile.bangtin", world.keys, nid, change)


def refused(archive: Archive, bundle: Path) -> BundleError:
    before = snapshot(archive)
    with pytest.raises(BundleError) as caught:
        import_bundle(archive, bundle)
    assert snapshot(archive) == before
    assert staging_contents(archive) == []
    return caught.value


# -- 12. dates out of range ------------------------------------------------------------

OUT_OF_RANGE = ["0001-01-01 00:00", "9999-12-31 23:00:00-12:00", "1899-12-31 23:59", "2201-01-01"]


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_build_refuses_a_date_out_of_range(pair: KeyPair, tmp_path: Path, value: str) -> None:
    src = tmp_path / "src"
    write_notice(src, "a", published=value)
    write_notice(src, "b", published="2023-03-27 08:15", updated=value)
    errors = source_errors(src)
    assert len(errors) == 2, errors
    assert all("out of range" in e and "1900" in e and "2200" in e for e in errors), errors
    assert errors[0].startswith("File a.md, line 5:") and errors[1].startswith("File b.md, line 6:")


def test_build_accepts_the_edges_of_the_range(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_notice(src, "a", published="1900-01-01 00:00")
    # 2200-12-31 23:00 at -12:00 is 2201-01-01 in Vietnam: out; at +07:00 it is in.
    write_notice(src, "b", published="2200-12-31 23:59")
    assert len(read_source(src).notices) == 2


@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:00+07:00", "9999-12-31T00:00:00-12:00", "1899-12-31T16:59:59+00:00"]
)
def test_import_refuses_a_date_out_of_range(
    world: World, archive: Archive, tmp_path: Path, value: str
) -> None:
    bundle = resigned(world, tmp_path, "d", lambda doc: doc.update(published=value))
    error = refused(archive, bundle)
    # The signed manifest carries the same time as the notice's revision.
    assert error.code == "bad_manifest"
    assert "1900–2200" in error.message("vi") and "1900–2200" in error.message("en")


def test_import_refuses_an_issued_date_out_of_range(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    bundle = resigned(world, tmp_path, "d", lambda doc: doc.update(issued="0001-01-01"))
    assert refused(archive, bundle).code == "bad_notice"


def test_import_refuses_a_withdrawal_out_of_range(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    def future(manifest: dict[str, Any]) -> None:
        manifest["withdrawals"][0]["revision"] = "9999-12-31T23:00:00-12:00"

    bundle = rewrite(
        world.bundle2,
        tmp_path / "hostile.bangtin",
        Tamper(manifest=future, sign_with=world.keys),
    )
    assert refused(archive, bundle).code == "bad_manifest"


def stored_out_of_range(folder: Path) -> Archive:
    """An archive holding what an older Bảng Tin imported: dates in year 1 and 9999."""
    arch = open_archive(folder)
    apply(
        arch,
        [
            notice("xua", published=datetime(1, 1, 1, tzinfo=VN_TZ), title="Văn bản năm một"),
            notice(
                "xa",
                published=datetime.fromisoformat("9999-12-31T23:00:00-12:00"),
                title="Văn bản năm vạn",
            ),
            notice("nay", days=1, title="Văn bản bình thường"),
        ],
    )
    with arch.writing() as session:
        search.rebuild_index(session)
    return arch


def test_an_archive_holding_an_out_of_range_date_still_lists(tmp_path: Path) -> None:
    arch = stored_out_of_range(tmp_path / "archive")
    try:
        with arch.reading() as session:
            rows = list_notices(session)
            latest = latest_notices(session, 5)
            detail = get_notice(session, "xua")
            hits = search.search(session, "văn bản")
    finally:
        arch.close()
    assert [r.id for r in rows] == ["xa", "nay", "xua"]
    assert [r.id for r in latest] == ["xa", "nay", "xua"]
    assert detail is not None and detail.published.year == 1
    assert rows[0].published.year == 9999 and rows[0].published.utcoffset() is not None
    assert {h.id for h in hits} == {"xa", "nay", "xua"}


# -- 13. categories too deep -------------------------------------------------------------


def deep(levels: int) -> str:
    return "/".join(f"Cấp {i}" for i in range(levels))


def test_build_refuses_a_category_too_deep_or_too_long(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_notice(src, "a", category=deep(MAX_CATEGORY_DEPTH + 1))
    write_notice(src, "b", category="Văn bản/" + "x" * (MAX_CATEGORY_LEVEL + 1))
    write_notice(src, "c", category=deep(MAX_CATEGORY_DEPTH))
    errors = source_errors(src)
    assert len(errors) == 2, errors
    assert (
        errors[0].startswith("File a.md, line 4:") and f"{MAX_CATEGORY_DEPTH} levels" in errors[0]
    )
    assert (
        errors[1].startswith("File b.md, line 4:")
        and f"{MAX_CATEGORY_LEVEL} characters" in errors[1]
    )


@pytest.mark.parametrize("levels", [MAX_CATEGORY_DEPTH + 1, 999])
def test_import_refuses_a_category_too_deep(
    world: World, archive: Archive, tmp_path: Path, levels: int
) -> None:
    bundle = resigned(world, tmp_path, "d", lambda doc: doc.update(category=deep(levels)))
    error = refused(archive, bundle)
    assert error.code in ("bad_manifest", "bad_notice")


def test_an_archive_holding_a_999_level_category_still_counts(tmp_path: Path) -> None:
    arch = open_archive(tmp_path / "archive")
    try:
        apply(arch, [notice("sau", category=deep(999)), notice("nong", category="Tin tức")])
        with arch.reading() as session:
            found = categories(session)
    finally:
        arch.close()
    by_path = {c.path: c for c in found}
    assert len(found) == 1000
    assert by_path[deep(999)].parent == deep(998)
    assert by_path["Cấp 0"].count == 1 and by_path["Tin tức"].count == 1
    # Tree order: every category right after its parent's subtree starts.
    paths = [c.path for c in found]
    assert paths.index(deep(998)) == paths.index(deep(999)) - 1


# -- 14. bidi controls -------------------------------------------------------------------


def test_build_strips_bidi_controls_from_every_field(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_notice(
        src,
        "a",
        title=SPOOFED,
        category="Văn\u202e bản/Quyết\u2067 định\u2069",
        number="12/\u202eQĐ",
        type="Quyết\u200f định",
        issuer="UBND\u061c tỉnh",
        summary="Trích\u200e yếu",
        body="Nội \u202edung\u202c.",
    )
    (rec,) = read_source(src).notices
    assert rec.title == CLEAN
    assert rec.category == "Văn bản/Quyết định"
    values = (rec.number, rec.doc_type, rec.issuer, rec.summary, rec.body_markdown)
    assert values == ("12/QĐ", "Quyết định", "UBND tỉnh", "Trích yếu", "Nội dung.")


def test_build_refuses_a_title_of_bidi_controls_only(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_notice(src, "a", title=BIDI)
    (error,) = source_errors(src)
    assert "'title' is empty" in error


def test_import_strips_bidi_controls_from_every_field(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    def spoof(doc: dict[str, Any]) -> None:
        doc.update(
            title=SPOOFED,
            number="12/\u202eQĐ",
            type="Quyết\u200f định",
            issuer="UBND\u061c tỉnh",
            summary="Trích\u200e yếu",
            body_markdown="Nội \u202edung\u202c.",
            category="Thông báo/\u202eLịch",
        )
        doc["attachments"][0]["name"] = "\u202etxt.exe"

    import_bundle(archive, resigned(world, tmp_path, "d", spoof))
    with archive.reading() as session:
        detail = get_notice(session, "d")
        paths = [c.path for c in categories(session)]
    assert detail is not None
    assert detail.title == CLEAN
    values = (detail.number, detail.doc_type, detail.issuer, detail.summary, detail.body_markdown)
    assert values == ("12/QĐ", "Quyết định", "UBND tỉnh", "Trích yếu", "Nội dung.")
    assert detail.category == "Thông báo/Lịch"
    assert detail.attachments[0].name == "txt.exe"
    assert not any(ch in "".join(paths) for ch in BIDI)


def test_import_strips_bidi_controls_from_the_publisher_name(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    def rename(manifest: dict[str, Any]) -> None:
        manifest["publisher"]["name"] = "UBND \u202exã\u202c Demo"

    bundle = rewrite(
        world.bundle2, tmp_path / "b.bangtin", Tamper(manifest=rename, sign_with=world.keys)
    )
    result = import_bundle(archive, bundle)
    assert result.publisher_name == "UBND xã Demo"


def test_an_archive_holding_bidi_controls_shows_none(tmp_path: Path) -> None:
    """Written before imports stripped them: every read that feeds a surface cleans them."""
    arch = open_archive(tmp_path / "archive")
    try:
        apply(arch, [notice("qd-12", title=SPOOFED, number="12/\u202eQĐ", issuer="UBND\u2067")])
        with arch.writing() as session:
            search.rebuild_index(session)
        with arch.reading() as session:
            (row,) = list_notices(session)
            detail = get_notice(session, "qd-12")
            (many,) = notice_details(session, ["qd-12"])
            (hit,) = search.search(session, "quyết định")
    finally:
        arch.close()
    assert (row.title, row.number) == (CLEAN, "12/QĐ")
    assert detail is not None and (detail.title, detail.number, detail.issuer) == (
        CLEAN,
        "12/QĐ",
        "UBND",
    )
    assert many == detail
    assert hit.title == CLEAN


# -- 16. build and reader share their limits -----------------------------------------------


def test_a_repetitive_body_that_builds_also_imports(pair: KeyPair, tmp_path: Path) -> None:
    """3.6 MB of one repeated line deflates far past the reader's ratio limit."""
    src = tmp_path / "src"
    write_notice(src, "dai", body="Bảng giá đất năm 2023. " * 150_000)
    bundle = build(src, pair, tmp_path / "b.bangtin").path
    with zipfile.ZipFile(bundle) as zf:
        info = zf.getinfo(CHUNK)
    assert info.file_size > 3_000_000
    assert not (info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size)
    arch = open_archive(tmp_path / "archive")
    try:
        trust(arch, pair)
        result = import_bundle(arch, bundle)
        assert result.added == 1
        assert notice_state(arch)["dai"][3] == "Thông báo dai"
    finally:
        arch.close()


def test_a_repetitive_attachment_that_builds_also_imports(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "files").mkdir(parents=True)
    (src / "files" / "bang.csv").write_bytes(b"0;0;0;0\n" * 1_000_000)
    write_notice(src, "a", attachments=["files/bang.csv"])
    bundle = build(src, pair, tmp_path / "b.bangtin").path
    arch = open_archive(tmp_path / "archive")
    try:
        trust(arch, pair)
        assert import_bundle(arch, bundle).added == 1
    finally:
        arch.close()


# -- clear messages -----------------------------------------------------------------------


def test_a_refused_notice_is_explained_in_one_language(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    """The reason names the field, in the sentence's own language."""
    bundle = resigned(world, tmp_path, "d", lambda doc: doc.update(title="a\x00b"))
    error = refused(archive, bundle)
    assert error.code == "bad_notice"
    vi, en = error.message("vi"), error.message("en")
    assert vi == "Văn bản «d» trong gói dữ liệu không hợp lệ: trường «title» chứa ký tự NUL."
    assert en == "The notice 'd' in the bundle is not valid: 'title' contains a NUL character."


def test_every_detail_has_both_languages_with_the_same_fields() -> None:
    import string

    details = [code for code in CATALOG if code.startswith("detail_")]
    assert len(details) >= 20
    for code in details:
        vi, en = CATALOG[code]
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (vi, en)]
        assert fields[0] == fields[1], code
        assert vi != en, code
