"""Bundle format v2: the office's fields in the source folder, in bundles and in the archive."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db import queries
from db.archive import Archive
from db.records import Signer
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from desktop.bundles.manifest import (
    ManifestError,
    content_hash,
    notice_from_json,
    notice_to_json,
)
from desktop.bundles.source import SourceError, SourceErrors, read_source
from tests.helpers.bundles import (
    KeyPair,
    Tamper,
    build,
    edit_notice,
    make_keys,
    manifest_of,
    rewrite,
    write_notice,
    write_raw,
)

FULL: dict[str, Any] = {
    "number": "54/KH-UBND",
    "effective": "2024-01-01",
    "expires": "2025-12-31",
    "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn An"},
    "field": "Y tế",
    "urgency": "thuong-khan",
    "deadline": "2024-02-15",
    "recipients": ["Như trên", "Lưu: VT"],
    "relations": {"replaces": ["kh-10-2022"], "based_on": ["qd-1-2020", "luat-2019"]},
}


@pytest.fixture
def pair(tmp_path: Path) -> KeyPair:
    return make_keys(tmp_path / "keys")


pytestmark = pytest.mark.archive(trusting="pair")


def source_errors(src: Path) -> list[SourceError]:
    with pytest.raises(SourceErrors) as caught:
        read_source(src)
    return caught.value.errors


# -- the source folder -------------------------------------------------------------------


def test_every_v2_field_is_read(tmp_path: Path) -> None:
    write_notice(tmp_path, "kh-54", **FULL)
    (notice,) = read_source(tmp_path).notices
    assert notice.effective == date(2024, 1, 1)
    assert notice.expires == date(2025, 12, 31)
    assert notice.signer == Signer(
        title="CHỦ TỊCH", name="Nguyễn Văn An", authority="TM. ỦY BAN NHÂN DÂN"
    )
    assert notice.sector == "Y tế"
    assert notice.urgency == "thuong-khan"
    assert notice.deadline == date(2024, 2, 15)
    assert notice.recipients == ("Như trên", "Lưu: VT")
    # Grouped in the format's order of relations, each list as written.
    assert notice.relations == (
        ("based_on", "qd-1-2020"),
        ("based_on", "luat-2019"),
        ("replaces", "kh-10-2022"),
    )
    assert notice.uses_v2


def test_a_notice_without_v2_fields_is_a_v1_notice(tmp_path: Path) -> None:
    write_notice(tmp_path, "tb-1")
    (notice,) = read_source(tmp_path).notices
    assert not notice.uses_v2
    assert set(notice_to_json(notice)) == {
        "id",
        "title",
        "category",
        "published",
        "updated",
        "number",
        "type",
        "issuer",
        "issued",
        "summary",
        "withdrawn",
        "related",
        "attachments",
        "body_markdown",
    }


@pytest.mark.parametrize(
    ("field", "value", "code", "vi_words", "en_words"),
    [
        ("effective", "01/01/2024", "src_bad_date", "NNNN-TT-NN", "YYYY-MM-DD"),
        ("deadline", "2024-02-30", "src_bad_date", "NNNN-TT-NN", "YYYY-MM-DD"),
        ("expires", "2024-01-01 08:00", "src_bad_date", "NNNN-TT-NN", "YYYY-MM-DD"),
        ("urgency", "gấp", "src_bad_urgency", "khan, thuong-khan hoặc hoa-toc", "khan"),
        ("urgency", "KHAN", "src_bad_urgency", "hoa-toc", "hoa-toc"),
        ("signer", "Nguyễn Văn An", "src_bad_signer", "title và name", "a title and a name"),
        ("recipients", "Như trên", "src_bad_recipients", "danh sách", "a list"),
        ("recipients", [], "src_bad_recipients", "danh sách", "a list"),
        ("field", ["Y tế"], "src_bad_text", "một dòng chữ", "one line of text"),
        ("relations", ["kh-1"], "src_bad_relations", "based_on", "based_on"),
    ],
)
def test_a_bad_value_gets_one_sentence_with_file_line_and_form(
    tmp_path: Path, field: str, value: Any, code: str, vi_words: str, en_words: str
) -> None:
    write_notice(tmp_path, "kh-1", name="van-ban/kh-1.md", **{field: value})
    (error,) = source_errors(tmp_path)
    line = next(
        n
        for n, text in enumerate((tmp_path / "van-ban/kh-1.md").read_text().split("\n"), 1)
        if text.startswith(f"{field}:")
    )
    assert (error.file, error.line, error.code) == ("van-ban/kh-1.md", line, code)
    vi, en = error.localized("vi"), error.localized("en")
    assert vi.startswith(f"Tệp van-ban/kh-1.md, dòng {line}: ")
    assert en.startswith(f"File van-ban/kh-1.md, line {line}: ")
    assert vi_words in vi and en_words in en
    assert str(error) == en and "{" not in vi.replace("{authority", "")


def test_a_nested_problem_names_its_own_line(tmp_path: Path) -> None:
    write_raw(
        tmp_path,
        "qd.md",
        "---\n"
        "id: qd-2\n"
        "title: Quyết định\n"
        "category: Văn bản\n"
        "published: 2024-01-02\n"
        "relations:\n"
        "  based_on: [qd-1]\n"
        "  cancels: [qd-0]\n"
        "signer:\n"
        "  title: CHỦ TỊCH\n"
        "  name: [1, 2]\n"
        "---\n",
    )
    errors = {e.code: e for e in source_errors(tmp_path)}
    assert errors["src_bad_relation_kind"].line == 8
    assert "cancels" in errors["src_bad_relation_kind"].localized("en")
    assert errors["src_bad_signer"].line == 11


def test_expires_must_follow_effective(tmp_path: Path) -> None:
    write_notice(tmp_path, "qd-3", effective="2024-05-01", expires="2024-05-01")
    (error,) = source_errors(tmp_path)
    assert error.code == "src_date_order"
    assert "2024-05-01" in error.localized("vi")


def test_a_notice_cannot_relate_to_itself(tmp_path: Path) -> None:
    write_notice(tmp_path, "qd-4", relations={"amends": ["qd-4"]})
    (error,) = source_errors(tmp_path)
    assert error.code == "src_self_relation"


def test_one_relation_id_may_be_written_without_a_list(tmp_path: Path) -> None:
    write_notice(tmp_path, "qd-5", relations={"repeals": "qd-1", "guides": None})
    (notice,) = read_source(tmp_path).notices
    assert notice.relations == (("repeals", "qd-1"),)


# -- bundles -------------------------------------------------------------------------------


def test_the_builder_writes_v1_unless_a_notice_uses_v2(tmp_path: Path, pair: KeyPair) -> None:
    write_notice(tmp_path / "plain", "tb-1")
    plain = build(tmp_path / "plain", pair, tmp_path / "plain.bangtin").path
    assert manifest_of(plain)["version"] == 1
    write_notice(tmp_path / "office", "tb-1")
    write_notice(tmp_path / "office", "kh-2", urgency="khan")
    office = build(tmp_path / "office", pair, tmp_path / "office.bangtin").path
    assert manifest_of(office)["version"] == 2


def test_v2_fields_round_trip_through_json(tmp_path: Path) -> None:
    write_notice(tmp_path, "kh-54", **FULL)
    (notice,) = read_source(tmp_path).notices
    doc = notice_to_json(notice)
    back = notice_from_json(doc, 2)
    assert replace(back, content_hash="") == notice
    assert back.content_hash == content_hash(doc)
    # A version 1 bundle does not know these fields.
    with pytest.raises(ManifestError, match="unknown fields"):
        notice_from_json(doc, 1)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("effective", "2024-1-1"),
        ("deadline", 20240101),
        ("urgency", "gap"),
        ("signer", {"title": "CHỦ TỊCH"}),
        ("signer", {"title": "CHỦ TỊCH", "name": "An", "seal": "x"}),
        ("recipients", []),
        ("recipients", ["a\nb"]),
        ("relations", {"replaces": []}),
        ("relations", {"replaces": ["a", "a"]}),
        ("relations", {"replaces": ["kh-54"]}),
        ("relations", {"supersedes": ["a"]}),
        ("relations", {"replaces": ["../x"]}),
        ("field", ""),
    ],
)
def test_a_bad_v2_value_in_a_bundle_is_refused(tmp_path: Path, field: str, value: Any) -> None:
    write_notice(tmp_path, "kh-54", **FULL)
    (notice,) = read_source(tmp_path).notices
    doc = notice_to_json(notice)
    doc[field] = value
    with pytest.raises(ManifestError):
        notice_from_json(doc, 2)


def test_expires_before_effective_in_a_bundle_is_refused(tmp_path: Path) -> None:
    write_notice(tmp_path, "kh-54", **FULL)
    doc = notice_to_json(read_source(tmp_path).notices[0])
    doc["expires"] = "2023-12-31"
    with pytest.raises(ManifestError, match="later than"):
        notice_from_json(doc, 2)


def test_a_v1_bundle_carrying_a_v2_field_is_refused(
    tmp_path: Path, pair: KeyPair, archive: Archive
) -> None:
    write_notice(tmp_path / "src", "tb-1")
    bundle = build(tmp_path / "src", pair, tmp_path / "b.bangtin").path

    def sneak(entries: Any) -> None:
        edit_notice(entries, "tb-1", lambda doc: doc.update(urgency="khan"))

    spoiled = rewrite(bundle, tmp_path / "spoiled.bangtin", Tamper(entries=sneak, sign_with=pair))
    with pytest.raises(BundleError) as caught:
        import_bundle(archive, spoiled)
    assert caught.value.code == "bad_notice"


def test_an_imported_v2_notice_keeps_its_fields(
    tmp_path: Path, pair: KeyPair, archive: Archive
) -> None:
    write_notice(tmp_path / "src", "kh-54", **FULL)
    write_notice(tmp_path / "src", "kh-10-2022", number="10/KH-UBND", issued="2022-02-01")
    import_bundle(archive, build(tmp_path / "src", pair, tmp_path / "b.bangtin").path)
    with archive.reading() as session:
        detail = queries.get_notice(session, "kh-54", as_of=date(2024, 3, 1))
        old = queries.get_notice(session, "kh-10-2022", as_of=date(2024, 3, 1))
    assert detail is not None and old is not None
    assert detail.signer == Signer("CHỦ TỊCH", "Nguyễn Văn An", "TM. ỦY BAN NHÂN DÂN")
    assert (detail.effective, detail.expires, detail.deadline) == (
        date(2024, 1, 1),
        date(2025, 12, 31),
        date(2024, 2, 15),
    )
    assert (detail.sector, detail.urgency) == ("Y tế", "thuong-khan")
    assert detail.recipients == ("Như trên", "Lưu: VT")
    # The edges to notices the archive lacks are kept, by id.
    assert [(r.relation, r.id, r.direction, r.title) for r in detail.relations] == [
        ("based_on", "qd-1-2020", "out", None),
        ("based_on", "luat-2019", "out", None),
        ("replaces", "kh-10-2022", "out", "Thông báo kh-10-2022"),
    ]
    assert old.validity is not None and old.validity.status == "expired"
    assert [(b.relation, b.id) for b in old.validity.because] == [("replaced_by", "kh-54")]
    assert old.validity.since == date(2024, 1, 1)
