"""A small archive for the window's tests, built with db.store, and the window factory's type."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import struct
import tempfile
import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from db import search, store
from db.archive import DB_NAME, open_archive
from db.records import AttachmentRecord, ImportLogEntry, NoticeDetail, NoticeRecord
from db.types import VN_TZ
from desktop.ui.mainwindow import MainWindow

T0 = datetime(2023, 3, 27, 9, 0, tzinfo=VN_TZ)
PUBLISHER_ID = "ubnd-tinh-son-ha"
PUBLISHER_NAME = "UBND tỉnh Sơn Hà"


def _png(width: int = 2, height: int = 2) -> bytes:
    """A tiny valid PNG, made here so the test carries no binary blob."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xb3\x26\x1e" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG_1PX = _png()
PDF_BYTES = b"%PDF-1.4\n% Bang Tin test attachment\n%%EOF\n"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


PNG_SHA = _sha(PNG_1PX)
PDF_SHA = _sha(PDF_BYTES)


def sample_notices(extra: int = 0) -> list[NoticeRecord]:
    """A small archive: two categories with a sub-category, links, a withdrawn notice."""
    notices = [
        NoticeRecord(
            id="qd-118-2023",
            title="Quyết định phê duyệt kế hoạch chuyển đổi số năm 2023",
            category="Văn bản/Quyết định",
            published=datetime(2023, 6, 5, 7, 20, tzinfo=VN_TZ),
            number="118/QĐ-UBND",
            doc_type="Quyết định",
            issuer="Ủy ban nhân dân tỉnh Sơn Hà",
            body_markdown=(
                "Nội dung **quyết định**.\n\n| Cột | Giá trị |\n|---|---|\n| A | 1 |\n\n"
                f"![Sơ đồ](attachment:{PNG_SHA})\n"
            ),
            related=("tb-02-2023", "khong-co-trong-kho", "ct-thu-hoi"),
            attachments=(
                AttachmentRecord("quyet-dinh.pdf", "application/pdf", len(PDF_BYTES), PDF_SHA),
                AttachmentRecord("so-do.png", "image/png", len(PNG_1PX), PNG_SHA),
            ),
        ),
        NoticeRecord(
            id="qd-642-2023",
            title="Quyết định về quy chế làm việc",
            category="Văn bản/Quyết định",
            published=datetime(2023, 3, 27, 15, 20, tzinfo=VN_TZ),
            number="642/QĐ-UBND",
            body_markdown="Quy chế.",
        ),
        NoticeRecord(
            id="tb-02-2023",
            title="Thông báo lịch tiếp công dân tháng 4",
            category="Tin tức",
            published=datetime(2023, 4, 1, 8, 0, tzinfo=VN_TZ),
            number="02/TB-UBND",
            body_markdown="Lịch tiếp công dân. Xem [quyết định](notice:qd-118-2023).",
            related=("qd-118-2023",),
        ),
        NoticeRecord(
            id="ct-thu-hoi",
            title="Chỉ thị đã bị thu hồi",
            category="Tin tức",
            published=datetime(2023, 2, 1, 8, 0, tzinfo=VN_TZ),
            body_markdown="Chỉ thị cũ.",
            withdrawn=True,
        ),
    ]
    for i in range(extra):
        notices.append(
            NoticeRecord(
                id=f"tin-{i:05d}",
                title=f"Tin số {i}",
                category="Tin tức/Trong tỉnh",
                published=T0 - timedelta(hours=i + 1),
                number=f"{i}/TB",
                body_markdown=f"Tin thứ {i}.",
            )
        )
    return notices


def populate(
    data_dir: Path, *, extra: int = 0, logged: bool = True, url: str | None = None
) -> None:
    """The sample notices in the archive of *data_dir*, or on the server at *url*.

    A new SQLite archive is a copy of one made once per test process for
    the same arguments: the same files, without the migrations and writes
    per test.
    """
    if url is None and not (data_dir / DB_NAME).exists():
        key = (extra, logged)
        if key not in _POPULATED:
            template = Path(tempfile.mkdtemp(prefix="bangtin-sample-")) / "data"
            atexit.register(shutil.rmtree, template.parent, True)
            _populate(template, extra=extra, logged=logged, url=None)
            _POPULATED[key] = template
        shutil.copytree(_POPULATED[key], data_dir, dirs_exist_ok=True)
        return
    _populate(data_dir, extra=extra, logged=logged, url=url)


#: (extra, logged) -> a data dir that `_populate` made: what `populate` copies.
_POPULATED: dict[tuple[int, bool], Path] = {}


def _populate(data_dir: Path, *, extra: int, logged: bool, url: str | None) -> None:
    archive = open_archive(data_dir, url=url)
    try:
        notices = sample_notices(extra)
        with archive.writing() as session:
            store.ensure_publisher(session, PUBLISHER_ID, PUBLISHER_NAME)
            ids = store.ensure_categories(session, sorted({n.category for n in notices}))
            store.apply_notices(session, PUBLISHER_ID, notices, [], ids)
            if logged:
                store.add_log(
                    session,
                    ImportLogEntry(
                        bundle_id="b" * 32,
                        publisher_id=PUBLISHER_ID,
                        sequence=1,
                        kind="full",
                        imported_at=datetime(2023, 6, 5, 15, 20, tzinfo=VN_TZ),
                        added=len(notices),
                        updated=0,
                        withdrawn=0,
                        unchanged=0,
                        outcome="imported",
                        reason=None,
                    ),
                )
        for data in (PNG_1PX, PDF_BYTES):
            path = archive.file_path(_sha(data))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    finally:
        archive.close()


WindowFactory = Callable[..., MainWindow]


def shown_window(
    qtbot: QtBot, data_dir: Path, *, database_url: str | None = None, interactive: bool = False
) -> MainWindow:
    """A window with a threaded runner, shown but not started: the test starts it."""
    from desktop.tasks import TaskRunner
    from desktop.ui.settings import settings_for

    runner = TaskRunner()
    window = MainWindow(
        data_dir,
        runner=runner,
        settings=settings_for(data_dir),
        watch_volumes=False,
        interactive=interactive,
        database_url=database_url,
    )
    runner.setParent(window)
    qtbot.addWidget(window)
    window.show()
    return window


def stored_notice(data_dir: Path, notice_id: str) -> NoticeDetail:
    """*notice_id* as the archive in *data_dir* holds it, read by an archive opened for it."""
    from db import queries

    archive = open_archive(data_dir)
    try:
        with archive.reading() as session:
            detail = queries.get_notice(session, notice_id)
    finally:
        archive.close()
    assert detail is not None
    return detail


QUYET_DINH = ["qd-118-2023", "qd-642-2023", "tb-02-2023"]


def index_archive(data_dir: Path, extra: int = 0, url: str | None = None) -> None:
    archive = open_archive(data_dir, url=url)
    try:
        with archive.writing() as session:
            search.update_index(session, [n.id for n in sample_notices(extra)], [])
    finally:
        archive.close()


def ids(window: MainWindow) -> list[str]:
    model = window.list_model()
    assert model is not None
    return [model.notice_id(i) for i in range(model.rowCount())]


def type_and_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_bar.box.clear()
    qtbot.keyClicks(window.search_bar.box, text)
    assert window.search.timer.isActive()
    # The debounce's time is the timer's business: fire it instead of waiting.
    with qtbot.waitSignal(window.search_ready, timeout=10000):
        window.search.timer.timeout.emit()
