"""Fuzzing the importer with mutated bundles (hypothesis).

A mutation is a short list of operations on a small valid bundle: flipped
bytes in the zip or inside an entry, entries reordered, duplicated or
dropped, manifest and notice fields replaced with odd or huge values,
a deeply nested manifest. Manifests are re-signed with the trusted key (so a
mutation gets past the signature), unless an operation says not to. The only
allowed outcomes are a clean refusal (BundleError), after which every row is
as before and nothing is left in staging, or a successful import.

`bench/fuzz_long.py` runs the same `mutate` and `check_outcome` for ten minutes.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import sqlite3
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.archive import Archive, open_archive
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from desktop.bundles.manifest import MANIFEST_NAME, SIGNATURE_NAME, canonical_json, content_hash
from desktop.messages import CATALOG
from tests.helpers.bundles import (
    Entry,
    KeyPair,
    World,
    read_entries,
    sign_manifest,
    snapshot,
    staging_contents,
)

Op = tuple[Any, ...]

MANIFEST_PATHS = (
    "version",
    "format",
    "key_id",
    "bundle_id",
    "sequence",
    "base_sequence",
    "kind",
    "created",
    "categories",
    "categories.0",
    "entries",
    "entries.0.name",
    "entries.0.size",
    "entries.0.sha256",
    "entries.1.size",
    "entries.1.name",
    "notices",
    "notices.0.id",
    "notices.0.revision",
    "notices.0.chunk",
    "notices.1.sha256",
    "withdrawals",
    "withdrawals.0.id",
    "withdrawals.0.revision",
    "publisher",
    "publisher.id",
    "publisher.name",
)
NOTICE_PATHS = (
    "id",
    "title",
    "category",
    "published",
    "updated",
    "body_markdown",
    "summary",
    "number",
    "withdrawn",
    "related",
    "attachments",
    "attachments.0.sha256",
    "attachments.0.size",
    "attachments.0.name",
    "attachments.0.media_type",
)
HUGE_TEXT = "Đ" * 300_000
ODD_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    2**31,
    2**63,
    -(2**63) - 1,
    10**100,
    "",
    "../../etc/passwd",
    "files/" + "0" * 64,
    "notices/000002.json",
    "\u202e\u0000\ufeff",
    "2023-02-30T25:61:00+07:00",
    "9999-12-31T23:59:59+14:00",
    HUGE_TEXT,
    [],
    {},
    [None],
    {"id": 1},
)


# -- the mutations ----------------------------------------------------------------------


def _set_path(doc: Any, path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        if isinstance(doc, list) and part.isdigit() and int(part) < len(doc):
            doc = doc[int(part)]
        elif isinstance(doc, dict) and part in doc:
            doc = doc[part]
        else:
            return
    last = parts[-1]
    if isinstance(doc, list) and last.isdigit() and int(last) < len(doc):
        doc[int(last)] = value
    elif isinstance(doc, dict):
        doc[last] = value


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def mutate(base: list[Entry], signer: KeyPair, ops: list[Op]) -> bytes:
    """The bytes of a bundle made from *base*'s entries by *ops*."""
    original_sig = next(e.data for e in base if e.name == SIGNATURE_NAME)
    manifest: dict[str, Any] = json.loads(next(e.data for e in base if e.name == MANIFEST_NAME))
    content = [
        Entry(e.name, e.data, e.compress_type, e.external_attr)
        for e in base
        if e.name not in (MANIFEST_NAME, SIGNATURE_NAME)
    ]
    sign = True
    redeclare = True
    raw_manifest: bytes | None = None
    flips: list[tuple[float, int]] = []
    for op in ops:
        kind = op[0]
        if kind == "flip":
            flips.append((op[1], op[2]))
        elif kind == "reorder":
            random.Random(op[1]).shuffle(content)
        elif kind == "duplicate" and content:
            item = content[op[1] % len(content)]
            content.append(Entry(item.name, item.data, item.compress_type))
        elif kind == "drop" and content:
            content.pop(op[1] % len(content))
        elif kind == "entry_flip" and content:
            item = content[op[1] % len(content)]
            if item.data:
                data = bytearray(item.data)
                data[int(op[2] * (len(data) - 1))] ^= op[3]
                item.data = bytes(data)
            redeclare = redeclare and op[4]
        elif kind == "notice":
            for item in content:
                if item.name.startswith("notices/"):
                    try:
                        docs = json.loads(item.data)
                    except ValueError:  # an earlier flip broke the chunk already
                        break
                    if not isinstance(docs, list) or not docs:
                        break
                    doc = docs[op[1] % len(docs)]
                    _set_path(doc, op[2], op[3])
                    item.data = canonical_json(docs)
                    if op[4] and isinstance(doc, dict):
                        # Make the manifest agree, so that the notice itself is judged.
                        for ref in _dicts(manifest.get("notices")):
                            if ref.get("id") == doc.get("id"):
                                ref["sha256"] = content_hash(doc)
                    break
        elif kind == "manifest":
            _set_path(manifest, op[1], op[2])
        elif kind == "deep_json":
            raw_manifest = b"[" * op[1] + b"]" * op[1]
        elif kind == "unsigned":
            sign = False
    if redeclare:
        for ent in _dicts(manifest.get("entries")):
            for item in content:
                if item.name == ent.get("name"):
                    ent["size"] = len(item.data)
                    ent["sha256"] = hashlib.sha256(item.data).hexdigest()
    manifest_bytes = raw_manifest if raw_manifest is not None else canonical_json(manifest)
    signature = sign_manifest(manifest_bytes, signer) if sign else original_sig
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as zf:
        warnings.simplefilter("ignore")  # a duplicated entry is the point, not a mistake
        for item in [
            *content,
            Entry(MANIFEST_NAME, manifest_bytes),
            Entry(SIGNATURE_NAME, signature, zipfile.ZIP_STORED),
        ]:
            info = zipfile.ZipInfo(item.name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = item.compress_type
            info.external_attr = item.external_attr
            zf.writestr(info, item.data)
    data = bytearray(buffer.getvalue())
    for where, xor in flips:
        data[int(where * (len(data) - 1))] ^= xor
    return bytes(data)


def random_ops(rng: random.Random) -> list[Op]:
    """The same operations as `ops()`, drawn with plain `random` (bench/fuzz_long.py)."""

    def value() -> Any:
        roll = rng.random()
        if roll < 0.6:
            return rng.choice(ODD_VALUES)
        if roll < 0.8:
            return rng.randint(-(2**65), 2**65)
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 20)))

    made: list[Op] = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(
            ["flip", "reorder", "duplicate", "drop", "entry_flip", "notice", "manifest"]
            + ["deep_json", "unsigned"] * (rng.random() < 0.1)
        )
        if kind == "flip":
            made.append((kind, rng.random(), rng.randint(1, 255)))
        elif kind == "reorder":
            made.append((kind, rng.randint(0, 10**6)))
        elif kind in ("duplicate", "drop"):
            made.append((kind, rng.randint(0, 5)))
        elif kind == "entry_flip":
            made.append(
                (kind, rng.randint(0, 5), rng.random(), rng.randint(1, 255), rng.random() < 0.7)
            )
        elif kind == "notice":
            made.append(
                (kind, rng.randint(0, 5), rng.choice(NOTICE_PATHS), value(), rng.random() < 0.7)
            )
        elif kind == "manifest":
            made.append((kind, rng.choice(MANIFEST_PATHS), value()))
        elif kind == "deep_json":
            made.append((kind, rng.choice([10, 1000, 100_000])))
        else:
            made.append((kind,))
    return made


def values() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(ODD_VALUES),
        st.integers(min_value=-(2**65), max_value=2**65),
        st.text(max_size=20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.lists(st.integers(min_value=-5, max_value=5), max_size=3),
    )


def ops() -> st.SearchStrategy[list[Op]]:
    fraction = st.floats(min_value=0.0, max_value=1.0)
    byte = st.integers(min_value=1, max_value=255)
    index = st.integers(min_value=0, max_value=5)
    one = st.one_of(
        st.tuples(st.just("flip"), fraction, byte),
        st.tuples(st.just("reorder"), st.integers(min_value=0, max_value=10**6)),
        st.tuples(st.just("duplicate"), index),
        st.tuples(st.just("drop"), index),
        st.tuples(st.just("entry_flip"), index, fraction, byte, st.booleans()),
        st.tuples(st.just("notice"), index, st.sampled_from(NOTICE_PATHS), values(), st.booleans()),
        st.tuples(st.just("manifest"), st.sampled_from(MANIFEST_PATHS), values()),
        st.tuples(st.just("deep_json"), st.sampled_from([10, 1000, 100_000])),
        st.tuples(st.just("unsigned")),
    )
    return st.lists(one, min_size=1, max_size=4)


# -- one try: import, and judge the outcome ---------------------------------------------------


Rows = dict[str, list[tuple[Any, ...]]]


def rows(archive: Archive) -> Rows:
    return {k: v for k, v in snapshot(archive).items() if k != "files/"}


@dataclass
class Target:
    """An archive to fuzz, and the pristine database file to put back after a success."""

    archive: Archive
    pristine: Path
    before: Rows

    def reset(self) -> None:
        # The online backup API writes the pristine pages into the live file,
        # which is faster than reopening (and migrating) an archive each time.
        self.archive.engine.dispose()
        src = sqlite3.connect(self.pristine)
        dst = sqlite3.connect(self.archive.db_path)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        shutil.rmtree(self.archive.data_dir / "backups", ignore_errors=True)


def make_target(world: World, folder: Path) -> Target:
    shutil.copytree(world.template, folder, ignore=shutil.ignore_patterns("backups"))
    archive = open_archive(folder)
    pristine = folder.parent / (folder.name + "-pristine.sqlite3")
    src = sqlite3.connect(archive.db_path)
    dst = sqlite3.connect(pristine)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return Target(archive=archive, pristine=pristine, before=rows(archive))


def check_outcome(target: Target, bundle: Path) -> str:
    """Import *bundle*; return "refused:<code>", "imported" or "already".

    Raises AssertionError when the outcome is anything else, or when a
    refusal changed the archive or left staged files behind.
    """
    archive = target.archive
    try:
        result = import_bundle(archive, bundle)
    except BundleError as exc:
        assert rows(archive) == target.before, f"refusal {exc.code} changed the archive"
        assert staging_contents(archive) == [], exc.code
        for lang, template in zip(("vi", "en"), CATALOG[exc.code], strict=True):
            # Every placeholder is filled (the bundle's own text may hold braces).
            for _text, field, _spec, _conv in Formatter().parse(template):
                if field:
                    assert "{" + field + "}" not in exc.message(lang), (exc.code, field)
        return f"refused:{exc.code}"
    assert staging_contents(archive) == []
    if result.status == "imported":
        target.reset()
        assert rows(archive) == target.before
    return result.status


# -- the test ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def target(world: World) -> Iterator[Target]:
    made = make_target(world, world.root / "fuzzed")
    yield made
    made.archive.close()


@pytest.fixture(scope="module")
def base(world: World) -> list[Entry]:
    return read_entries(world.bundle2)


def test_the_unmutated_bundle_imports(world: World, target: Target, base: list[Entry]) -> None:
    bundle = world.root / "plain.bangtin"
    bundle.write_bytes(mutate(base, world.keys, []))
    assert check_outcome(target, bundle) == "imported"


def test_mutated_bundles_are_refused_cleanly_or_imported(
    world: World, target: Target, base: list[Entry]
) -> None:
    outcomes: dict[str, int] = {}
    bundle = world.root / "mutated.bangtin"

    @settings(
        max_examples=1000,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(ops=ops())
    def one(ops: list[Op]) -> None:
        bundle.write_bytes(mutate(base, world.keys, ops))
        outcome = check_outcome(target, bundle)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1

    one()
    # The examples must not all die at the first check, or the fuzz proves little.
    reached = {k for k in outcomes if k not in ("refused:bad_signature", "refused:not_bundle")}
    assert sum(outcomes.values()) >= 1000, outcomes
    assert "imported" in outcomes, outcomes
    assert len(reached) >= 8, outcomes
    print(sorted(outcomes.items(), key=lambda kv: -kv[1]))
