"""The source folder: front matter fields, and every error with its file and line."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.types import VN_TZ
from desktop.bundles.manifest import notice_from_json, notice_to_json
from desktop.bundles.source import SourceErrors, read_source
from tests.helpers.bundles import PDF, front_matter, write_notice, write_raw, write_withdrawal


def errors_of(src: Path) -> list[tuple[str, int, str]]:
    """(file, line, problem): the English sentence after its "File f, line n: "."""
    with pytest.raises(SourceErrors) as caught:
        read_source(src)
    errors = caught.value.errors
    assert all(e.message.startswith(f"File {e.file}, line {e.line}: ") for e in errors)
    return [(e.file, e.line, e.message.split(": ", 1)[1]) for e in errors]


def only_error(src: Path) -> tuple[str, int, str]:
    (error,) = errors_of(src)
    return error


# -- what a source folder holds ----------------------------------------------------------


def test_all_fields(tmp_path: Path) -> None:
    write_raw(tmp_path, "files/qd.pdf", PDF)
    write_raw(
        tmp_path,
        "van-ban/qd-1587.md",
        "---\n"
        "id: qd-1587-2023\n"
        "title: Quyết định số 1587/QĐ-UBND\n"
        "category: Văn bản / Quyết định\n"
        "published: 2023-03-27 08:15\n"
        "updated: 2023-03-28 10:00\n"
        "number: 1587/QĐ-UBND\n"
        "type: Quyết định\n"
        "issuer: UBND xã Demo\n"
        "issued: 2023-03-25\n"
        "summary: Về việc ban hành kế hoạch.\n"
        "related: [kh-54-2023, ct-07-2023, kh-54-2023]\n"
        "attachments:\n"
        "  - files/qd.pdf\n"
        "---\n"
        "\n"
        "# Quyết định\n"
        "\n"
        "Nội dung.\n",
    )
    (notice,) = read_source(tmp_path).notices
    assert notice.id == "qd-1587-2023"
    assert notice.title == "Quyết định số 1587/QĐ-UBND"
    assert notice.category == "Văn bản/Quyết định"
    assert notice.published == datetime(2023, 3, 27, 8, 15, tzinfo=VN_TZ)
    assert notice.published.utcoffset() == timedelta(hours=7)
    assert notice.updated == datetime(2023, 3, 28, 10, 0, tzinfo=VN_TZ)
    assert notice.revision == notice.updated
    assert notice.number == "1587/QĐ-UBND"
    assert notice.doc_type == "Quyết định"
    assert notice.issuer == "UBND xã Demo"
    assert notice.issued == date(2023, 3, 25)
    assert notice.summary == "Về việc ban hành kế hoạch."
    assert notice.related == ("kh-54-2023", "ct-07-2023")
    assert notice.body_markdown == "# Quyết định\n\nNội dung."
    assert notice.withdrawn is False
    (att,) = notice.attachments
    assert (att.name, att.media_type, att.size) == ("qd.pdf", "application/pdf", len(PDF))


def test_md_files_are_found_recursively(tmp_path: Path) -> None:
    write_notice(tmp_path, "a")
    write_notice(tmp_path, "b", name="x/y/z/b.md")
    write_raw(tmp_path, "ghi-chu.txt", "not a notice")
    write_raw(tmp_path, "x/README", "---\nnot: a notice\n---\n")
    folder = read_source(tmp_path)
    assert sorted(n.id for n in folder.notices) == ["a", "b"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2023-03-27 08:15", datetime(2023, 3, 27, 8, 15, tzinfo=VN_TZ)),
        ("2023-03-27T08:15:00", datetime(2023, 3, 27, 8, 15, tzinfo=VN_TZ)),
        ("2023-03-27", datetime(2023, 3, 27, tzinfo=VN_TZ)),
        ("2023-03-27 08:15:00+07:00", datetime(2023, 3, 27, 8, 15, tzinfo=VN_TZ)),
        ("2023-03-27 01:15:00Z", datetime(2023, 3, 27, 8, 15, tzinfo=VN_TZ)),
        ("'2023-03-27T03:15+02:00'", datetime(2023, 3, 27, 8, 15, tzinfo=VN_TZ)),
    ],
)
def test_published_is_local_unless_an_offset_is_given(
    tmp_path: Path, written: str, expected: datetime
) -> None:
    write_raw(tmp_path, "a.md", f"---\nid: a\ntitle: T\ncategory: C\npublished: {written}\n---\n")
    (notice,) = read_source(tmp_path).notices
    assert notice.published == expected
    assert notice.published.utcoffset() is not None


def test_categories_nest_with_slashes(tmp_path: Path) -> None:
    write_notice(tmp_path, "a", category=" Văn bản /  Quyết định ")
    write_notice(tmp_path, "b", category="Thông báo")
    write_notice(tmp_path, "c", category="Văn bản/Chỉ thị")
    folder = read_source(tmp_path)
    assert {n.id: n.category for n in folder.notices}["a"] == "Văn bản/Quyết định"
    assert folder.categories == ["Thông báo", "Văn bản/Chỉ thị", "Văn bản/Quyết định"]


def test_text_is_stored_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Quyết định về việc")
    write_notice(tmp_path, "a", title=decomposed, body=decomposed)
    (notice,) = read_source(tmp_path).notices
    assert notice.title == unicodedata.normalize("NFC", decomposed)
    assert notice.body_markdown == notice.title


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    text = "\ufeff---\r\nid: a\r\ntitle: T\r\ncategory: C\r\npublished: 2023-03-27\r\n---\r\nx\r\ny"
    write_raw(tmp_path, "a.md", text)
    (notice,) = read_source(tmp_path).notices
    assert notice.body_markdown == "x\ny"


def test_withdrawn_true_withdraws_a_notice_with_content(tmp_path: Path) -> None:
    write_notice(tmp_path, "a", withdrawn=True)
    (notice,) = read_source(tmp_path).notices
    assert notice.withdrawn is True


def test_withdrawal_without_content(tmp_path: Path) -> None:
    write_withdrawal(tmp_path, "dated", "2023-04-02 08:00")
    write_withdrawal(tmp_path, "undated")
    folder = read_source(tmp_path)
    assert folder.notices == []
    (w,) = folder.withdrawals
    assert (w.id, w.revision) == ("dated", datetime(2023, 4, 2, 8, 0, tzinfo=VN_TZ))
    assert folder.undated_withdrawals == ["undated"]


def test_the_same_file_used_twice_is_one_attachment(tmp_path: Path) -> None:
    write_raw(tmp_path, "files/a.pdf", PDF)
    write_raw(tmp_path, "files/b.pdf", PDF)
    write_notice(tmp_path, "a", attachments=["files/a.pdf", "files/b.pdf"])
    folder = read_source(tmp_path)
    assert len(folder.notices[0].attachments) == 2
    assert len(folder.attachment_files) == 1


def test_indented_dashes_inside_a_value_do_not_end_the_front_matter(tmp_path: Path) -> None:
    write_raw(
        tmp_path,
        "a.md",
        "---\nid: a\ntitle: T\ncategory: C\npublished: 2023-03-27\nsummary: |\n  one\n  ---\n"
        "  two\n---\nbody\n",
    )
    (notice,) = read_source(tmp_path).notices
    assert notice.summary == "one\n---\ntwo"
    assert notice.body_markdown == "body"


# -- errors: all at once, each with its file and line -------------------------------------


def test_every_error_in_the_folder_is_reported_at_once(tmp_path: Path) -> None:
    write_raw(tmp_path, "a.md", "---\nid: a\ncategory: C\npublished: 2023-03-27\n---\n")
    write_raw(
        tmp_path,
        "sub/b.md",
        "---\nid: b\ntitle: T\ncategory: C\npublished: hôm qua\ncolour: red\n---\n",
    )
    write_notice(tmp_path, "c", attachments=["files/none.pdf"])
    write_raw(tmp_path, "d.md", b"---\nid: d\ntitle: \xff\n---\n")
    write_raw(tmp_path, "e.md", "---\nid: e\ntitle: [unclosed\n---\n")
    write_notice(tmp_path, "a", name="z/a-again.md")
    errors = errors_of(tmp_path)
    assert [(f, line) for f, line, _ in errors] == [
        ("a.md", 1),
        ("c.md", 6),
        ("d.md", 3),
        ("e.md", 3),
        ("sub/b.md", 6),
        ("sub/b.md", 5),
        ("z/a-again.md", 2),
    ]
    messages = " | ".join(m for _, _, m in errors)
    for part in (
        "missing field 'title'",
        "the attachment 'files/none.pdf' was not found",
        "not valid UTF-8",
        "invalid YAML",
        "unknown field 'colour'",
        "bad date and time in 'published'",
        "the id 'a' is already used in a.md",
    ):
        assert part in messages


def test_no_bundle_is_written_while_errors_remain(tmp_path: Path) -> None:
    """Covered end to end in test_builder; here: SourceErrors has them all."""
    write_raw(tmp_path, "a.md", "---\nid: a\n---\n")
    with pytest.raises(SourceErrors) as caught:
        read_source(tmp_path)
    assert len(caught.value.errors) == 3  # title, category, published
    assert str(caught.value).count("File a.md, line 1: missing field") == 3


@pytest.mark.parametrize("missing", ["title", "category", "published"])
def test_missing_required_field(tmp_path: Path, missing: str) -> None:
    write_notice(tmp_path, "a", **{missing: None})
    file, line, message = only_error(tmp_path)
    assert (file, line, message) == ("a.md", 1, f"missing field '{missing}'.")


def test_missing_id(tmp_path: Path) -> None:
    write_raw(tmp_path, "a.md", "---\ntitle: T\ncategory: C\npublished: 2023-03-27\n---\n")
    assert only_error(tmp_path) == ("a.md", 1, "missing field 'id'.")


@pytest.mark.parametrize("field", ["title", "category"])
def test_empty_required_field(tmp_path: Path, field: str) -> None:
    write_notice(tmp_path, "a", **{field: "   "})
    file, line, message = only_error(tmp_path)
    assert message == f"the field '{field}' is empty."
    assert line == {"title": 3, "category": 4}[field]


@pytest.mark.parametrize("bad", ["a b", "-a", "a/b", "a\n", "", "x" * 121, "ý"])
def test_bad_id(tmp_path: Path, bad: str) -> None:
    write_notice(tmp_path, "a", id=bad, name="a.md")
    file, line, message = only_error(tmp_path)
    assert (file, line) == ("a.md", 2)
    assert "field 'id'" in message


def test_duplicate_id(tmp_path: Path) -> None:
    write_notice(tmp_path, "a", name="one.md")
    write_raw(
        tmp_path,
        "two.md",
        "---\ntitle: T\ncategory: C\n\nid: a\npublished: 2023-03-27\n---\n",
    )
    assert only_error(tmp_path) == ("two.md", 5, "the id 'a' is already used in one.md.")


def test_withdrawal_of_a_listed_id_is_a_duplicate(tmp_path: Path) -> None:
    write_notice(tmp_path, "a")
    write_withdrawal(tmp_path, "a")
    file, line, message = only_error(tmp_path)
    assert (file, line) == ("thu-hoi-a.md", 2) and "the id 'a' is already used" in message


@pytest.mark.parametrize(
    ("field", "value", "line"),
    [
        ("published", "hôm qua", 5),
        ("published", "2023-02-30", 5),  # looks like a YAML date, is not one
        ("published", "2023-13-01 08:15:00", 5),
        ("published", "27/03/2023", 5),
        ("published", "true", 5),
        ("published", "[2023]", 5),
        ("updated", "2023-02-29 25:00", 6),
        ("issued", "2023-02-30", 6),
        ("issued", "sớm", 6),
    ],
)
def test_bad_date(tmp_path: Path, field: str, value: str, line: int) -> None:
    lines = ["---", "id: a", "title: T", "category: C", "published: 2023-03-27"]
    if field == "published":
        lines[4] = f"published: {value}"
    else:
        lines.append(f"{field}: {value}")
    write_raw(tmp_path, "a.md", "\n".join([*lines, "---", "body"]))
    file, got_line, message = only_error(tmp_path)
    assert (file, got_line) == ("a.md", line)
    assert f"'{field}'" in message
    assert "bad date and time" in message if field != "issued" else "must be a date" in message


def test_offset_with_seconds(tmp_path: Path) -> None:
    """PyYAML takes this for a timestamp, then fails to build one."""
    write_notice(tmp_path, "a", name="a.md")
    write_raw(
        tmp_path,
        "a.md",
        "---\nid: a\ntitle: T\ncategory: C\npublished: 1912-01-01 00:00:00-00:16:08\n---\n",
    )
    (notice,) = read_source(tmp_path).notices
    assert notice.published.utcoffset() == -timedelta(minutes=16, seconds=8)


def test_updated_before_published(tmp_path: Path) -> None:
    write_notice(tmp_path, "a", published="2023-03-27 08:15", updated="2023-03-26 08:15")
    assert only_error(tmp_path) == ("a.md", 6, "'updated' is earlier than 'published'.")


def test_missing_attachment(tmp_path: Path) -> None:
    write_raw(tmp_path, "files/ok.pdf", PDF)
    write_notice(tmp_path, "a", attachments=["files/ok.pdf", "files/missing.pdf"])
    assert only_error(tmp_path) == ("a.md", 6, "the attachment 'files/missing.pdf' was not found.")


@pytest.mark.parametrize("entry", ["../outside.pdf", "/etc/passwd", "files/../../outside.pdf"])
def test_attachment_outside_the_folder(tmp_path: Path, entry: str) -> None:
    src = tmp_path / "src"
    write_raw(tmp_path, "outside.pdf", PDF)
    write_notice(src, "a", attachments=[entry])
    file, line, message = only_error(src)
    assert (file, line) == ("a.md", 6)
    assert "inside the source folder" in message


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_attachment_through_a_symlink(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_raw(tmp_path, "secret/key.pdf", PDF)
    src.mkdir()
    (src / "link.pdf").symlink_to(tmp_path / "secret" / "key.pdf")
    (src / "linkdir").symlink_to(tmp_path / "secret")
    write_notice(src, "a", attachments=["link.pdf"])
    write_notice(src, "b", attachments=["linkdir/key.pdf"])
    errors = errors_of(src)
    assert [(f, line) for f, line, _ in errors] == [("a.md", 6), ("b.md", 6)]
    assert all("symbolic link" in m for _, _, m in errors)


def test_invalid_utf8_reports_its_line(tmp_path: Path) -> None:
    write_raw(
        tmp_path,
        "a.md",
        "---\nid: a\ntitle: T\ncategory: C\npublished: 2023-03-27\n---\n\nđúng\n".encode()
        + b"sai \xc3\x28 ch\xe1\n",
    )
    utf8 = "the file is not valid UTF-8 text; save it again as UTF-8."
    assert only_error(tmp_path) == ("a.md", 9, utf8)


def test_unknown_fields(tmp_path: Path) -> None:
    write_notice(tmp_path, "a", author="x", Title="y")
    errors = errors_of(tmp_path)
    assert errors == [
        ("a.md", 6, "unknown field 'author'; check its spelling, capital letters included."),
        ("a.md", 7, "unknown field 'Title'; check its spelling, capital letters included."),
    ]


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("id: a\ntitle: [unclosed\ncategory: C", 4),  # where YAML finds it
        ("id: a\ntitle: T\n  bad: indent", 4),
        ("id: a\ntitle: 'open\ncategory: C\npublished: x", 3),
        ("id: a\n\tt: tab", 3),
        ("id: a\nnumber: !!int abc", 3),
        ("id: a\nnumber: !!python/object:os.system x", 3),
    ],
)
def test_bad_yaml(tmp_path: Path, front: str, line: int) -> None:
    write_raw(tmp_path, "a.md", f"---\n{front}\n---\nbody\n")
    file, got_line, message = only_error(tmp_path)
    assert (file, got_line) == ("a.md", line), message
    assert message.startswith("invalid YAML front matter")


@pytest.mark.parametrize(
    "text",
    ["no front matter\n", "---\nid: a\n", "---\n- a list\n---\n", "---\n---\n"],
    ids=["none", "unclosed", "list", "empty"],
)
def test_front_matter_shape(tmp_path: Path, text: str) -> None:
    write_raw(tmp_path, "a.md", text)
    file, _line, _message = only_error(tmp_path)
    assert file == "a.md"


def test_wrong_types(tmp_path: Path) -> None:
    write_raw(
        tmp_path,
        "a.md",
        "---\nid: a\ntitle: [x]\ncategory: C\npublished: 2023-03-27\nwithdrawn: maybe\n"
        "related: not-a-list\nattachments: {a: b}\nsummary: {x: 1}\n---\n",
    )
    errors = errors_of(tmp_path)
    assert sorted(line for _, line, _ in errors) == [3, 6, 7, 8, 9]


def test_nul_in_body(tmp_path: Path) -> None:
    write_notice(tmp_path, "a", body="a\x00b")
    assert only_error(tmp_path) == ("a.md", 7, "the body contains a NUL character.")


def test_limits_match_what_offices_accept(tmp_path: Path) -> None:
    write_notice(tmp_path, "a", title="x" * 2001)
    write_notice(tmp_path, "b", related=[f"r{i}" for i in range(1001)])
    write_notice(tmp_path, "c", body="x" * (4 * 1024 * 1024 + 1))
    messages = [m for _, _, m in errors_of(tmp_path)]
    assert len(messages) == 3
    assert "longer than 2000" in messages[0]
    assert "more than 1000" in messages[1]
    assert "body is longer" in messages[2]


def test_error_messages_stay_short(tmp_path: Path) -> None:
    """An alias bomb in a date field is quoted, not expanded."""
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefgh":
        prev = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    write_raw(tmp_path, "a.md", f"---\n{bomb}id: a\ntitle: T\ncategory: C\npublished: *h\n---\n")
    errors = errors_of(tmp_path)
    assert all(len(m) < 300 for _, _, m in errors)
    assert any("bad date and time in 'published'" in m for _, _, m in errors)


# -- properties -----------------------------------------------------------------------------

FIELDS = ["id", "title", "category", "published", "updated", "number", "type", "issuer"]
FIELDS += ["issued", "summary", "related", "attachments", "withdrawn", "other"]

ODD_ZONES = [
    UTC,
    VN_TZ,
    timezone(timedelta(hours=-9, minutes=-30)),
    timezone(-timedelta(minutes=16, seconds=8)),  # local mean time, as tzdata has for 1912
    timezone(timedelta(hours=23, minutes=59)),
]
yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.dates()
    | st.datetimes(timezones=st.none() | st.sampled_from(ODD_ZONES))
    | st.sampled_from(["2023-03-27", "2023-03-27 08:15", "a", "files/x.pdf", ""]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)
raw_scalars = st.from_regex(
    r"\A(-?[0-9]{1,5}(-[0-9]{1,3}(-[0-9]{1,3}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?)?)?"
    r"|!![a-z]{1,9} [a-z0-9]{0,4}|[\[\]{}&*!|>'\"%@`:#,?-]{1,4}[a-z]{0,3})\Z",
    fullmatch=True,
)


def _read_or_errors(text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_raw(Path(tmp), "a.md", text)
        try:
            folder = read_source(Path(tmp))
        except SourceErrors as exc:
            assert exc.errors
            assert all(e.file == "a.md" and e.line >= 1 for e in exc.errors)
        else:
            # What the reader accepts, an office accepts too.
            for notice in folder.notices:
                back = notice_from_json(notice_to_json(notice))
                assert replace(back, content_hash="") == notice


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS), yaml_values, max_size=8), st.text(max_size=40))
def test_arbitrary_field_values_never_crash(fields: dict[str, Any], body: str) -> None:
    base: dict[str, Any] = {"id": "a", "title": "T", "category": "C", "published": "2023-03-27"}
    base.update(fields)
    _read_or_errors(front_matter(base) + body)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FIELDS), raw_scalars), min_size=1, max_size=6))
def test_arbitrary_raw_front_matter_never_crashes(lines: list[tuple[str, str]]) -> None:
    front = "\n".join(f"{key}: {value}" for key, value in lines)
    _read_or_errors(f"---\nid: a\ntitle: T\ncategory: C\n{front}\n---\nbody\n")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    _read_or_errors(b"---\n" + data + b"\n---\n")


# -- round trip -------------------------------------------------------------------------

# "\x85" (NEL) is left out: PyYAML's own dump and load do not round-trip it.
no_nul = st.characters(exclude_characters="\x00\x85", exclude_categories=("Cs",))
#: Bidi controls, which the reader strips from every field (docs/bundle-format.md).
BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def nfc_strip(value: str) -> str:
    return unicodedata.normalize("NFC", BIDI_RE.sub("", value)).strip()


texts = st.text(no_nul, min_size=1, max_size=40).filter(lambda s: nfc_strip(s) != "")
part = st.text(
    st.characters(exclude_characters="\x00\x85/", exclude_categories=("Cs",)),
    min_size=1,
    max_size=12,
).filter(lambda s: nfc_strip(s) != "")
ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,20}\Z", fullmatch=True)
offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.datetimes(datetime(1990, 1, 1), datetime(2090, 1, 1)).map(
    lambda d: d.replace(second=0, microsecond=0)
)


@st.composite
def notices(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    published = draw(moments)
    tz = draw(st.none() | offsets)
    fields: dict[str, Any] = {
        "id": draw(ids),
        "title": draw(texts),
        "category": " / ".join(draw(st.lists(part, min_size=1, max_size=3))),
    }
    if tz is None:  # the portal's form, local time
        fields["published"] = draw(
            st.sampled_from([published.strftime("%Y-%m-%d %H:%M"), published])
        )
    else:
        fields["published"] = published.replace(tzinfo=tz)
    if draw(st.booleans()):
        later = published + draw(st.timedeltas(timedelta(0), timedelta(days=900)))
        fields["updated"] = later.replace(tzinfo=tz or VN_TZ, microsecond=0)
    for key in ("number", "type", "issuer", "summary"):
        value = draw(st.none() | texts)
        if value is not None:
            fields[key] = value
    if draw(st.booleans()):
        fields["issued"] = draw(st.dates(date(1990, 1, 1), date(2090, 1, 1)))
    related = draw(st.lists(ids, max_size=4, unique=True))
    if related:
        fields["related"] = related
    body = draw(
        st.text(st.characters(exclude_characters="\x00\r", exclude_categories=("Cs",)), max_size=80)
    )
    return fields, body


@settings(max_examples=200, deadline=None)
@given(notices())
def test_front_matter_round_trips(generated: tuple[dict[str, Any], str]) -> None:
    fields, body = generated
    with tempfile.TemporaryDirectory() as tmp:
        write_raw(Path(tmp), "a.md", front_matter(fields) + body)
        (notice,) = read_source(Path(tmp)).notices
    published = fields["published"]
    if isinstance(published, str):
        published = datetime.strptime(published, "%Y-%m-%d %H:%M")
    if published.tzinfo is None:
        published = published.replace(tzinfo=VN_TZ)
    assert notice.id == fields["id"]
    assert notice.title == nfc_strip(fields["title"])
    assert notice.category == "/".join(
        nfc_strip(p) for p in nfc_strip(fields["category"]).split("/")
    )
    assert notice.published == published
    assert notice.published.utcoffset() == published.utcoffset()
    assert notice.updated == fields.get("updated")
    assert notice.number == (nfc_strip(fields["number"]) if "number" in fields else None)
    assert notice.doc_type == (nfc_strip(fields["type"]) if "type" in fields else None)
    assert notice.issuer == (nfc_strip(fields["issuer"]) if "issuer" in fields else None)
    assert notice.summary == (nfc_strip(fields["summary"]) if "summary" in fields else None)
    assert notice.issued == fields.get("issued")
    assert notice.related == tuple(fields.get("related", ()))
    assert notice.body_markdown == unicodedata.normalize("NFC", BIDI_RE.sub("", body.strip("\n")))
    for text in (notice.title, notice.category, notice.body_markdown):
        assert unicodedata.is_normalized("NFC", text)
    # And through a bundle's JSON, unchanged.
    assert replace(notice_from_json(notice_to_json(notice)), content_hash="") == notice


def test_yaml_dump_is_what_publishers_write() -> None:
    """The round trip writes plain YAML, as a publisher would by hand."""
    text = front_matter({"id": "a", "title": "Quyết định", "published": "2023-03-27 08:15"})
    assert text == "---\nid: a\ntitle: Quyết định\npublished: 2023-03-27 08:15\n---\n"
    assert yaml.safe_load(text.strip("-\n")) == {
        "id": "a",
        "title": "Quyết định",
        "published": "2023-03-27 08:15",
    }
