"""The demo archive: the bundled demo notices, in a data dir of their own.

The demo bundle is signed with a demo key that ships in resources/. It is
trusted only inside the demo data dir, never in an office's archive.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from db import provenance, register, store
from db.archive import Archive, open_archive
from db.common import VN_TZ
from desktop import paths
from desktop.bundles import keys
from desktop.bundles.errors import BundleCode, BundleError
from desktop.bundles.importer import import_bundle
from desktop.bundles.manifest import MANIFEST_NAME, parse_json_bytes
from desktop.demoday import DEMO_MARKER, DEMO_TODAY, is_demo_archive

DEMO_KEY_NAME = "Bảng Tin (dữ liệu mẫu)"
_MARKER_TEXT = "Kho dữ liệu mẫu của Bảng Tin: chỉ để xem thử. / Bảng Tin's demo archive.\n"


def refuse_in_demo(archive: Archive) -> None:
    """Raise BundleError(DEMO_ARCHIVE) when *archive* is the demo: real bundles go elsewhere.

    The demo holds the shipped notices only; a real bundle imported there
    would mix with them, and a clerk could take it for the office's archive.
    """
    if is_demo_archive(archive):
        raise BundleError(BundleCode.DEMO_ARCHIVE)


def demo_bundle_id(bundle: Path | None = None) -> str | None:
    """The bundle id of the shipped demo bundle, read from its manifest."""
    import zipfile

    with zipfile.ZipFile(bundle or paths.demo_bundle_path()) as zf:
        data = parse_json_bytes(zf.read(MANIFEST_NAME))
    value = data.get("bundle_id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def ensure_demo_archive(demo_dir: Path) -> None:
    """Make *demo_dir* hold the shipped demo archive, importing it if needed.

    The demo is disposable: when the shipped bundle changed since the demo
    archive was made, the old demo archive is replaced.
    """
    wanted = demo_bundle_id()
    archive = open_archive(demo_dir)
    _mark(demo_dir)
    try:
        with archive.reading() as session:
            applied = wanted is not None and provenance.bundle_applied(session, wanted)
            has_log = bool(provenance.import_log(session, limit=1))
    finally:
        archive.close()
    if applied:
        return
    if has_log:
        shutil.rmtree(demo_dir)
    archive = open_archive(demo_dir)
    _mark(demo_dir)
    try:
        _import_demo(archive)
    finally:
        archive.close()


def _mark(demo_dir: Path) -> None:
    marker = demo_dir / DEMO_MARKER
    if not marker.is_file():
        marker.write_text(_MARKER_TEXT, encoding="utf-8")


def _import_demo(archive: Archive) -> None:

    raw, _comment = keys.load_public_key(paths.demo_public_key_path())
    with archive.writing() as session:
        store.add_trusted_key(session, keys.key_id(raw), raw, DEMO_KEY_NAME, datetime.now(UTC))
    import_bundle(archive, paths.demo_bundle_path())
    _date_the_register(archive)


#: What the demo's clerk has written in the register: (notice id, columns). Every demo
#: document came on the demo's day (`_date_the_register`), so none is passed on earlier.
DEMO_CLERK: tuple[tuple[str, dict[str, object]], ...] = (
    (
        "cv-3105-2023",
        {
            "assigned_to": "Công chức Văn hóa – Xã hội",
            "handed_over": DEMO_TODAY,
            "status": "in_progress",
        },
    ),
    (
        "kh-281-2023",
        {"assigned_to": "Công chức Văn phòng – Thống kê", "handed_over": DEMO_TODAY},
    ),
    (
        "kh-468-2023",
        {
            "assigned_to": "Hiệu trưởng Trường THCS xã",
            "handed_over": DEMO_TODAY,
            "status": "done",
            "note": "Đã niêm yết tại bảng tin UBND xã",
        },
    ),
)


def _date_the_register(archive: Archive) -> None:
    """Put the demo's register in the demo's year, and fill a few of the clerk's columns.

    The import numbered the notices on today's date; the demo lives on
    DEMO_TODAY, so its register is that year's, and its bundle was imported
    that morning (the status bar's "Cập nhật lần cuối" beside "Dữ liệu cập nhật
    đến ngày 28/12/2023 (hôm nay)" said the clock's day).
    """
    from sqlalchemy import select, update

    from db.models import ImportLog, Publisher, RegisterEntry

    received = datetime(DEMO_TODAY.year, DEMO_TODAY.month, DEMO_TODAY.day, 8, 0, tzinfo=VN_TZ)
    with archive.writing() as session:
        session.execute(update(RegisterEntry).values(year=DEMO_TODAY.year, received_at=received))
        session.execute(update(ImportLog).values(imported_at=received))
        session.execute(update(Publisher).values(last_imported_at=received))
        lines = dict(session.execute(select(RegisterEntry.notice_id, RegisterEntry.number)).all())
        for notice_id, columns in DEMO_CLERK:
            if notice_id in lines:
                register.set_register_fields(session, DEMO_TODAY.year, lines[notice_id], **columns)
