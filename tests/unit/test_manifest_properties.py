"""Manifest and notice parsing: any input is either accepted or a ManifestError.

The manifest and every notice arrive from a USB stick; a surprise in them
must end as a refusal, never as another exception half way through an import.
"""

from __future__ import annotations

import copy
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.bundles.manifest import (
    ENTRY_RE,
    HEX64,
    ID_RE,
    Manifest,
    ManifestError,
    canonical_json,
    manifest_from_json,
    notice_from_json,
    parse_json_bytes,
    peek_version,
)
from tests.helpers.bundles import (
    build,
    chunk_docs,
    make_keys,
    manifest_of,
    read_entries,
    write_source1,
    write_source2,
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: For the extra properties, beyond the ones the spec asks for: fewer examples.
LIGHT = settings(SETTINGS, max_examples=100)


@cache
def samples() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A real manifest (a delta with a withdrawal) and its notices, built once."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pair = make_keys(root / "keys")
        write_source1(root / "src")
        write_source2(root / "src" / "more")
        (root / "src" / "more" / "b.md").unlink()
        (root / "src" / "c.md").unlink()
        # d's attachment path is relative to the folder root.
        (root / "src" / "files" / "ke-hoach.txt").write_bytes(
            (root / "src" / "more" / "files" / "ke-hoach.txt").read_bytes()
        )
        bundle = build(root / "src", pair, root / "x.bangtin", since=3, sequence=9).path
        return manifest_of(bundle), chunk_docs(read_entries(bundle))


def valid_manifest() -> dict[str, Any]:
    return copy.deepcopy(samples()[0])


def valid_notice(index: int = 0) -> dict[str, Any]:
    return copy.deepcopy(samples()[1][index])


# -- the samples are valid ---------------------------------------------------------------


def test_samples_parse() -> None:
    manifest = manifest_from_json(valid_manifest())
    assert isinstance(manifest, Manifest)
    assert (manifest.kind, manifest.base_sequence, manifest.sequence) == ("delta", 3, 9)
    assert [w.id for w in manifest.withdrawals] == ["c"]
    assert {n.id for n in manifest.notices} == {"a", "b", "d"}
    assert canonical_json(manifest.to_json()) == canonical_json(valid_manifest())
    for doc in samples()[1]:
        assert notice_from_json(doc).id == doc["id"]


# -- JSON-like values ------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(
        [
            "bangtin-bundle",
            "full",
            "delta",
            "notices/000001.json",
            "files/" + "a" * 64,
            "a" * 64,
            "a" * 16,
            "a" * 32,
            "2023-03-27T08:15:00+07:00",
            "2023-03-27T08:15:00",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+23:59",
            "\ud800",
            "x\x00",
            "",
            " ",
        ]
    )
)
json_like = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=8,
)


def only_manifest_error(data: Any) -> None:
    try:
        manifest_from_json(data)
    except ManifestError:
        pass


def only_notice_error(data: Any) -> None:
    try:
        notice_from_json(data)
    except ManifestError:
        pass


@SETTINGS
@given(json_like)
def test_manifest_from_arbitrary_values(data: Any) -> None:
    only_manifest_error(data)
    peek_version(data)


MANIFEST_KEYS = [
    "format", "version", "publisher", "key_id", "bundle_id", "sequence", "kind",
    "base_sequence", "created", "categories", "notices", "withdrawals", "entries",
]  # fmt: skip


@LIGHT
@given(st.dictionaries(st.sampled_from(MANIFEST_KEYS), json_like, max_size=13))
def test_manifest_from_arbitrary_objects_with_its_keys(data: dict[str, Any]) -> None:
    base = valid_manifest()
    base.update(data)
    only_manifest_error(base)


# -- mutated valid manifests ---------------------------------------------------------------


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside *value* (dict keys and list indexes)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


def mutate(doc: Any, path: tuple[Any, ...], action: str, new: Any) -> Any:
    if not path:
        return new
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "replace":
        parent[last] = new
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[f"{last}_extra"] = new
    elif action == "add":
        parent.insert(last, new)
    elif action == "duplicate":
        if isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return doc


mutations = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.sampled_from(["replace", "delete", "add", "duplicate"]),
        json_like,
    ),
    min_size=1,
    max_size=3,
)


def apply_mutations(doc: Any, steps: list[tuple[int, str, Any]]) -> Any:
    for index, action, new in steps:
        options = paths(doc)
        doc = mutate(doc, options[index % len(options)], action, new)
    return doc


@SETTINGS
@given(mutations)
def test_mutated_manifests(steps: list[tuple[int, str, Any]]) -> None:
    only_manifest_error(apply_mutations(valid_manifest(), steps))


@LIGHT
@given(mutations, st.integers(0, 2))
def test_mutated_notices(steps: list[tuple[int, str, Any]], which: int) -> None:
    only_notice_error(apply_mutations(valid_notice(which), steps))


@LIGHT
@given(json_like)
def test_notice_from_arbitrary_values(data: Any) -> None:
    only_notice_error(data)


# -- parse_json_bytes --------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=300))
def test_parse_json_bytes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        parse_json_bytes(data)
    except ValueError:  # includes UnicodeDecodeError and JSONDecodeError
        pass


@LIGHT
@given(st.binary(max_size=40), st.integers(0, 10_000))
def test_parse_json_bytes_on_damaged_manifests(noise: bytes, where: int) -> None:
    raw = canonical_json(valid_manifest())
    at = where % len(raw)
    try:
        parse_json_bytes(raw[:at] + noise + raw[at + len(noise) :])
    except ValueError:
        pass


@LIGHT
@given(json_like)
def test_parse_json_bytes_reads_what_canonical_json_writes(value: Any) -> None:
    try:
        data = canonical_json(value)
    except UnicodeEncodeError:
        return  # a lone surrogate: not text a bundle can carry
    try:
        json.dumps(value, allow_nan=False)
    except ValueError:  # NaN or infinity: written, but not JSON
        with pytest.raises(ValueError):
            parse_json_bytes(data)
        return
    assert parse_json_bytes(data) == json.loads(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff",
        b'"\xc3"',
        b"[NaN]",
        b"[Infinity]",
        b'{"a":1,"a":2}',
        b'["\\ud800"]',
        b'{"\\udfff":1}',
        b"[" * 50_000 + b"]" * 50_000,
        b'{"a":' * 50_000,
    ],
    ids=[
        "empty",
        "bad-byte",
        "cut-utf8",
        "nan",
        "infinity",
        "duplicate-key",
        "lone-high-surrogate",
        "lone-low-surrogate-key",
        "deep",
        "deep-unclosed",
    ],  # fmt: skip
)
def test_parse_json_bytes_refusals(data: bytes) -> None:
    with pytest.raises(ValueError):
        parse_json_bytes(data)


def test_parse_json_bytes_accepts_surrogate_pairs() -> None:
    assert parse_json_bytes(b'["\\ud83d\\ude00", "Vi\\u1ec7t"]') == ["😀", "Việt"]


# -- fields that must be refused ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("version",), 4),  # 1, 2 and 3 are read; a newer one is not
        (("version",), 0),
        (("version",), True),
        (("format",), "other"),
        (("sequence",), 0),
        (("sequence",), 2**53 + 1),
        (("sequence",), 9.0),
        (("kind",), "full"),  # a full bundle has no base
        (("base_sequence",), 9),
        (("key_id",), "A" * 16),
        (("bundle_id",), "a" * 31 + "\n"),
        (("publisher", "id"), "ubnd-xa-demo\n"),
        (("publisher", "name"), "\ud800"),
        (("publisher", "name"), " "),
        (("created",), "2023-03-27T08:15:00"),
        (("created",), "hôm nay"),
        (("categories", 0), "a//b"),
        (("categories", 0), "x\ud800"),
        (("entries", 0, "name"), "notices/000001.json\n"),
        (("entries", 0, "name"), "../notices/000001.json"),
        (("entries", 0, "size"), -1),
        (("entries", 0, "sha256"), "A" * 64),
        (("entries", 1, "name"), "files/" + "0" * 64),  # not named by its hash
        (("notices", 0, "id"), "a\n"),
        (("notices", 0, "chunk"), "notices/000009.json"),
        (("notices", 0, "revision"), "2023-03-27"),
        (("withdrawals", 0, "id"), "a"),  # listed twice
    ],
)
def test_manifest_refusals(path: tuple[Any, ...], value: Any) -> None:
    doc = valid_manifest()
    mutate(doc, path, "replace", value)
    with pytest.raises(ManifestError):
        manifest_from_json(doc)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("id", "a\n"),
        ("id", "../a"),
        ("title", "\ud800"),
        ("title", "x\x00"),
        ("title", "x" * 2001),
        ("category", "a/ /b"),
        ("published", "2023-03-27T08:15:00"),
        ("issued", "2023-3-7"),
        ("withdrawn", "yes"),
        ("related", ["ok", "not ok"]),
        ("attachments", [{"name": "a/b.pdf", "media_type": "a/b", "size": 1, "sha256": "0" * 64}]),
        ("attachments", [{"name": "a.pdf", "media_type": "A/B", "size": 1, "sha256": "0" * 64}]),
        ("attachments", [{"name": "a", "media_type": "a/b\n", "size": 1, "sha256": "0" * 64}]),
        ("extra", 1),
    ],
)
def test_notice_refusals(key: str, value: Any) -> None:
    doc = valid_notice()
    doc[key] = value
    with pytest.raises(ManifestError):
        notice_from_json(doc)


def test_patterns_do_not_take_a_trailing_newline() -> None:
    assert ENTRY_RE.match("notices/000001.json")
    assert not ENTRY_RE.match("notices/000001.json\n")
    assert not ID_RE.match("a\n")
    assert not HEX64.match("0" * 64 + "\n")
