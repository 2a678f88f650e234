"""The demo archive: its source folder is rich enough, and its bundle is up to date."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest

from db import provenance, queries
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
            assert len(provenance.import_log(session)) == 1
    finally:
        archive.close()


def test_demo_uses_every_field_of_an_office(demo_source: SourceFolder) -> None:
    from desktop.bundles.officefields import to_json
    from desktop.demoday import DEMO_TODAY

    notices = demo_source.notices
    used = {key for n in notices for key in to_json(n)}
    assert used == {
        "effective",
        "expires",
        "signer",
        "field",
        "urgency",
        "deadline",
        "recipients",
        "relations",
    }
    relations = {relation for n in notices for relation, _target in n.relations}
    assert {"replaces", "partly_repeals"} <= relations
    assert any(n.effective and n.effective > DEMO_TODAY for n in notices)
    deadlines = sorted(n.deadline for n in notices if n.deadline)
    assert len(deadlines) == 3
    assert sum(d < DEMO_TODAY for d in deadlines) == 1
    assert any(n.urgency and n.doc_type == "Công văn" for n in notices)


def test_demo_archive_shows_validity_and_the_register(tmp_path: Path) -> None:
    from db import register, validity
    from desktop.demoday import DEMO_TODAY

    demo_dir = tmp_path / "demo"
    ensure_demo_archive(demo_dir)
    archive = open_archive(demo_dir)
    try:
        with archive.reading() as session:
            ids = queries.notice_ids(session)
            statuses = validity.statuses(session, ids, DEMO_TODAY)
            found = {s for s in statuses.values() if s is not None}
            rows = register.register_rows(session, DEMO_TODAY.year)
            todo = register.todo(session, DEMO_TODAY)
    finally:
        archive.close()
    assert found == {"not_yet", "in_force", "partly_expired", "expired"}
    assert [r.incoming_number for r in rows] == list(range(1, len(rows) + 1))
    assert {r.status for r in rows} == {"received", "in_progress", "done"}
    assert [t.days_left < 0 for t in todo] == [True, False, False]
