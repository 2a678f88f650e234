"""Fixtures for the window's tests: archives built with db.store, and windows on them."""

from __future__ import annotations

import hashlib
import shutil
import struct
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db import store
from db.archive import open_archive
from db.records import AttachmentRecord, ImportLogEntry, NoticeRecord
from db.types import VN_TZ
from desktop.tasks import TaskRunner
from desktop.ui import i18n
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import settings_for
from tests.helpers.runner import SyncRunner

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
    """The sample notices in the archive of *data_dir*, or on the server at *url*."""
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns whenever a top-level window gets size
    # constraints (any window with a layout); that is not a problem of ours.
    for item in items:
        if "tests/gui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def vietnamese_again() -> Iterator[None]:
    """A test that switches to English must not leave the next one in English."""
    yield
    if i18n.current_language() != "vi":
        i18n.install_language("vi")


@pytest.fixture
def populated(data_dir: Path) -> Path:
    populate(data_dir)
    return data_dir


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> WindowFactory:
    """Open a window on a data dir; synchronous runner unless `threaded=True`."""

    def make(
        data_dir: Path, *, threaded: bool = False, lang: str = "vi", **kwargs: object
    ) -> MainWindow:
        runner = TaskRunner() if threaded else SyncRunner()
        window = MainWindow(
            data_dir,
            runner=runner,
            settings=settings_for(data_dir),
            lang=lang,
            watch_volumes=bool(kwargs.pop("watch_volumes", False)),
            **kwargs,  # type: ignore[arg-type]
        )
        runner.setParent(window)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        if threaded:
            with qtbot.waitSignals([window.overview_ready, window.list_ready], timeout=10000):
                window.start()
        else:
            window.start()
        return window

    return make


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped demo archive, made once; tests copy it (`demo`), never change it."""
    from desktop.demo import ensure_demo_archive

    path = tmp_path_factory.mktemp("demo-template") / "demo"
    ensure_demo_archive(path)
    return path


@pytest.fixture
def demo(demo_template: Path, data_dir: Path) -> Path:
    """A copy of the demo archive (every office field, its day DEMO_TODAY) in the data dir."""
    shutil.copytree(demo_template, data_dir)
    return data_dir
