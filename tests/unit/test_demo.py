"""The demo archive: its source folder is rich enough, and its bundle is up to date."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest

from db import queries
from db.archive import open_archive
from desktop import paths
from desktop.bundles import keys
from desktop.bundles.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    content_hash,
    notice_to_json,
    parse_json_bytes,
    signed_bytes,
)
from desktop.bundles.source import SourceFolder, read_source
from desktop.demo import ensure_demo_archive


@pytest.fixture(scope="module")
def demo_source() -> SourceFolder:
    return read_source(paths.demo_source_dir())


def test_demo_source_has_what_the_product_promises(demo_source: SourceFolder) -> None:
    notices = demo_source.notices
    assert len(notices) >= 40
    assert len({n.category for n in notices}) >= 6
    assert {n.published.year for n in notices} == {2023}
    assert len({n.published.month for n in notices}) == 12
    assert sum(1 for n in notices if n.number) >= 30
    assert sum(1 for n in notices if n.related) >= 10
    pdfs = [a for n in notices for a in n.attachments if a.media_type == "application/pdf"]
    assert len({a.sha256 for a in pdfs}) >= 2
    longest_table = max(n.body_markdown.count("\n|") for n in notices)
    assert longest_table >= 40
    longest_words = max(len(n.body_markdown.split()) for n in notices)
    assert longest_words >= 3000


def test_demo_text_is_nfc(demo_source: SourceFolder) -> None:
    for n in demo_source.notices:
        for text in (n.title, n.body_markdown, n.summary or "", n.issuer or ""):
            assert unicodedata.is_normalized("NFC", text), n.id


def test_demo_links_point_inside_the_demo_except_one(demo_source: SourceFolder) -> None:
    ids = {n.id for n in demo_source.notices}
    dangling = {r for n in demo_source.notices for r in n.related if r not in ids}
    # One link is left dangling on purpose: the reader must skip it.
    assert len(dangling) == 1


def test_demo_bundle_matches_its_source_and_key(demo_source: SourceFolder) -> None:
    with zipfile.ZipFile(paths.demo_bundle_path()) as zf:
        raw = zf.read(MANIFEST_NAME)
        signature = zf.read(SIGNATURE_NAME)
    public, _comment = keys.load_public_key(paths.demo_public_key_path())
    assert keys.verify(public, signature, signed_bytes(raw))
    manifest = parse_json_bytes(raw)
    shipped = {ref["id"]: ref["sha256"] for ref in manifest["notices"]}
    expected = {n.id: content_hash(notice_to_json(n)) for n in demo_source.notices}
    assert shipped == expected, "run packaging/make-demo-bundle.sh after editing the demo"
    assert manifest["categories"] == demo_source.categories


def test_demo_archive_imports_into_its_own_folder(tmp_path: Path) -> None:
    demo_dir = tmp_path / "demo"
    ensure_demo_archive(demo_dir)
    ensure_demo_archive(demo_dir)  # a second call changes nothing
    archive = open_archive(demo_dir)
    try:
        with archive.reading() as session:
            assert queries.count_notices(session) >= 40
            assert len(queries.import_log(session)) == 1
    finally:
        archive.close()
