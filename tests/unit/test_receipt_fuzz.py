"""Fuzzing the receipt reader with mutated receipts (hypothesis).

A mutation is a short list of operations on office A's first receipt:
flipped bytes in the zip or in the report, entries reordered, duplicated or
dropped, manifest fields set to odd or huge values, a deeply nested
manifest. The manifest is re-signed with the office's enrolled key unless an
operation says not to, so most mutations reach the checks after the
signature. The only allowed outcomes: a clean refusal (ReceiptError), after
which every row is as before and nothing is staged, or a successful import.
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
from pathlib import Path
from string import Formatter
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.archive import Archive, open_archive
from desktop.bundles.manifest import MANIFEST_NAME, SIGNATURE_NAME, canonical_json
from desktop.messages import CATALOG
from desktop.receipts.errors import ReceiptError
from desktop.receipts.importer import import_receipt
from tests.helpers.bundles import Entry, read_entries, snapshot, staging_contents
from tests.helpers.receipts import ReceiptWorld, sign_receipt

Op = tuple[Any, ...]

MANIFEST_PATHS = (
    "format",
    "version",
    "office",
    "office.code",
    "office.name",
    "key_id",
    "receipt_id",
    "sequence",
    "acknowledged",
    "created",
    "bundles",
    "bundles.0.publisher",
    "bundles.0.sequence",
    "bundles.0.bundle_id",
    "bundles.0.manifest_sha256",
    "bundles.0.imported",
    "events",
    "events.0.notice",
    "events.0.status",
    "events.0.at",
    "events.0.person",
    "events.3.incoming",
    "events.3.incoming.year",
    "events.3.incoming.number",
    "opened",
    "reports",
    "reports.0.notice",
    "reports.0.name",
    "reports.0.media_type",
    "reports.0.size",
    "reports.0.sha256",
    "reports.0.attached",
    "entries",
    "entries.0.name",
    "entries.0.size",
    "entries.0.sha256",
)
ODD_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    2**31,
    2**63,
    10**100,
    "",
    "../../etc/passwd",
    "files/" + "0" * 64,
    "notices/000001.json",
    "\u202e\u0000\ufeff",
    "2023-02-30T25:61:00+07:00",
    "9999-12-31T23:59:59+14:00",
    "03",
    "06",
    "Đ" * 100_000,
    [],
    {},
    [None],
    {"year": 2024, "number": 1},
)


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


def mutate(base: list[Entry], signer: Ed25519PrivateKey, ops: list[Op]) -> bytes:
    """The bytes of a receipt made from *base*'s entries by *ops*."""
    original_sig = next(e.data for e in base if e.name == SIGNATURE_NAME)
    manifest: Any = json.loads(next(e.data for e in base if e.name == MANIFEST_NAME))
    content = [
        Entry(e.name, e.data, e.compress_type, e.external_attr)
        for e in base
        if e.name not in (MANIFEST_NAME, SIGNATURE_NAME)
    ]
    sign, redeclare = True, True
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
            data = bytearray(item.data)
            data[int(op[2] * (len(data) - 1))] ^= op[3]
            item.data = bytes(data)
            redeclare = redeclare and op[4]
        elif kind == "manifest":
            _set_path(manifest, op[1], op[2])
        elif kind == "deep_json":
            raw_manifest = b"[" * op[1] + b"]" * op[1]
        elif kind == "unsigned":
            sign = False
    entries = manifest.get("entries") if isinstance(manifest, dict) else None
    if redeclare and isinstance(entries, list):
        for ent in [e for e in entries if isinstance(e, dict)]:
            for item in content:
                if item.name == ent.get("name"):
                    ent["size"] = len(item.data)
                    ent["sha256"] = hashlib.sha256(item.data).hexdigest()
    manifest_bytes = raw_manifest if raw_manifest is not None else canonical_json(manifest)
    signature = sign_receipt(manifest_bytes, signer) if sign else original_sig
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as zf:
        warnings.simplefilter("ignore")  # a duplicated entry is the point
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


def values() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(ODD_VALUES),
        st.integers(min_value=-(2**65), max_value=2**65),
        st.text(max_size=20),
        st.floats(allow_nan=False, allow_infinity=False),
    )


def ops() -> st.SearchStrategy[list[Op]]:
    fraction = st.floats(min_value=0.0, max_value=1.0)
    byte = st.integers(min_value=1, max_value=255)
    index = st.integers(min_value=0, max_value=3)
    one = st.one_of(
        st.tuples(st.just("flip"), fraction, byte),
        st.tuples(st.just("reorder"), st.integers(min_value=0, max_value=10**6)),
        st.tuples(st.just("duplicate"), index),
        st.tuples(st.just("drop"), index),
        st.tuples(st.just("entry_flip"), index, fraction, byte, st.booleans()),
        st.tuples(st.just("manifest"), st.sampled_from(MANIFEST_PATHS), values()),
        st.tuples(st.just("manifest"), st.sampled_from(MANIFEST_PATHS), values()),
        st.tuples(st.just("deep_json"), st.sampled_from([10, 1000, 100_000])),
        st.tuples(st.just("unsigned")),
    )
    return st.lists(one, min_size=1, max_size=4)


Rows = dict[str, list[tuple[Any, ...]]]


def rows(archive: Archive) -> Rows:
    return {k: v for k, v in snapshot(archive).items() if k != "files/"}


def restore(archive: Archive, pristine: Path) -> None:
    archive.engine.dispose()
    src, dst = sqlite3.connect(pristine), sqlite3.connect(archive.db_path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def test_mutated_receipts_are_refused_cleanly_or_imported(
    receipt_world: ReceiptWorld, tmp_path: Path
) -> None:
    folder = tmp_path / "province"
    shutil.copytree(receipt_world.province_template, folder)
    archive = open_archive(folder)
    pristine = tmp_path / "pristine.sqlite3"
    src, dst = sqlite3.connect(archive.db_path), sqlite3.connect(pristine)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    before = rows(archive)
    base = read_entries(receipt_world.receipt1)
    signer = receipt_world.office_a.private
    receipt = tmp_path / "mutated.bangtin-receipt"
    outcomes: dict[str, int] = {}

    @settings(
        max_examples=400,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(ops=ops())
    def one(ops: list[Op]) -> None:
        receipt.write_bytes(mutate(base, signer, ops))
        try:
            result = import_receipt(archive, receipt)
        except ReceiptError as exc:
            assert rows(archive) == before, f"refusal {exc.code} changed the archive"
            assert staging_contents(archive) == [], exc.code
            templates = CATALOG[f"receipt_{exc.code}"]
            for lang, template in zip(("vi", "en"), templates, strict=True):
                # Every placeholder is filled (the receipt's own text may hold braces).
                for _text, field, _spec, _conv in Formatter().parse(template):
                    if field:
                        assert "{" + field + "}" not in exc.message(lang), (exc.code, field)
            outcomes[f"refused:{exc.code}"] = outcomes.get(f"refused:{exc.code}", 0) + 1
            return
        assert staging_contents(archive) == []
        outcomes[result.status] = outcomes.get(result.status, 0) + 1
        restore(archive, pristine)
        assert rows(archive) == before

    try:
        receipt.write_bytes(mutate(base, signer, []))
        assert import_receipt(archive, receipt).status == "imported"
        restore(archive, pristine)
        one()
    finally:
        archive.close()
    reached = {k for k in outcomes if k not in ("refused:bad_signature", "refused:not_receipt")}
    assert sum(outcomes.values()) >= 400, outcomes
    assert "imported" in outcomes, outcomes
    assert len(reached) >= 6, outcomes
    print(sorted(outcomes.items(), key=lambda kv: -kv[1]))
