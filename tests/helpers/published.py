"""One publisher's key and bundles, built once per session with the real `bangtin`.

`published` builds a publisher's key and four bundles from small Vietnamese
source folders written here:

- base (full, sequence 5): five notices, one of them withdrawn, an attachment,
  a table, a related link, a title with HTML characters, a title written NFD;
- delta (since 5, sequence 6): one notice updated, one added, one withdrawn;
- old (full, sequence 3): the base folder again, for rollback;
- next (since 6, sequence 7): one more notice.

`library` imports base and delta, once, into an archive that tests read with
`--data-dir`, or copy into their own data dir with `library_copy`.
"""

from __future__ import annotations

import hashlib
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.bundles import write_front
from tests.helpers.cli import Cli, session_cli

PUBLISHER = "UBND tỉnh Sơn Hà"
PUBLISHER_ID = "ubnd-tinh-son-ha"
BASE_SEQUENCE = 5
DELTA_SEQUENCE = 6
OLD_SEQUENCE = 3
NEXT_SEQUENCE = 7

ATTACHMENT_NAME = "danh-sach-xa.pdf"
ATTACHMENT_BYTES = b"%PDF-1.4\n% Danh s\xc3\xa1ch x\xc3\xa3\n" + bytes(range(256)) * 8
ATTACHMENT_SHA = hashlib.sha256(ATTACHMENT_BYTES).hexdigest()

QD_TITLE = "Quyết định công nhận các xã đạt chuẩn nông thôn mới năm 2022"
TB_TITLE = "Thông báo <b>lịch</b> tiếp công dân & họp dân tháng 4/2023"
CV_TITLE = "Công văn về phòng chống dịch cúm gia cầm"
KH_NEW_TITLE = "Kế hoạch chuyển đổi số năm 2023"
KH_WITHDRAWN_TITLE = "Kế hoạch tổ chức Tết Trồng cây (đã thu hồi)"
TB52_TITLE = "Thông báo nghỉ lễ Giỗ Tổ Hùng Vương, 30/4 và 1/5"
TB68_TITLE = "Thông báo tuyển dụng viên chức năm 2023"

#: What `list` shows once base and delta are imported: newest first, no withdrawn.
LIBRARY_IDS = ["tb-52-2023", "kh-54-2023", "tb-15-2023", "qd-118-2023"]

# Lines a reader must never see as markup, whatever the notice says.
HOSTILE_BODY = """
<script>alert("xss")</script>

[Xem thêm](javascript:alert(1)) và <img src=x onerror="alert(2)">
"""


# -- source folders -------------------------------------------------------------------------


def write_base_source(root: Path) -> Path:
    """The publisher's first folder: five notices across nested categories."""
    files = root / "files"
    files.mkdir(parents=True, exist_ok=True)
    (files / ATTACHMENT_NAME).write_bytes(ATTACHMENT_BYTES)
    # Written decomposed (NFD), as some editors save it: it must come out NFC.
    qd_title_nfd = unicodedata.normalize("NFD", QD_TITLE)
    assert qd_title_nfd != QD_TITLE
    write_front(
        root,
        "van-ban/quyet-dinh/qd-118-2023.md",
        f"""
id: qd-118-2023
title: "{qd_title_nfd}"
category: "Văn bản/Quyết định"
published: 2023-01-18 14:20
number: "118/QĐ-UBND"
type: "Quyết định"
issuer: "Ủy ban nhân dân tỉnh Sơn Hà"
issued: 2023-01-16
summary: "Công nhận 05 xã đạt chuẩn nông thôn mới năm 2022."
related: [tb-15-2023, khong-co-2022]
attachments: [files/{ATTACHMENT_NAME}]
""",
        """**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN HÀ**

**Điều 1.** Công nhận các xã sau đây đạt chuẩn nông thôn mới năm 2022:

| STT | Tên xã | Huyện | Số tiêu chí đạt |
|---|---|---|---|
| 1 | Xã Tân Mỹ | Tân Lập | 19/19 |
| 2 | Xã Ngọc Hải | Ngọc Khê | 19/19 |

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.
""",
    )
    write_front(
        root,
        "thong-bao/tb-15-2023.md",
        f"""
id: tb-15-2023
title: '{TB_TITLE}'
category: "Thông báo"
published: 2023-03-27 08:00
number: "15/TB-UBND"
type: "Thông báo"
""",
        "Ủy ban nhân dân xã thông báo lịch tiếp công dân định kỳ tháng 4/2023.\n" + HOSTILE_BODY,
    )
    write_front(
        root,
        "van-ban/cong-van/cv-312-2023.md",
        f"""
id: cv-312-2023
title: "{CV_TITLE}"
category: "Văn bản/Công văn"
published: 2023-02-10 09:30
number: "312/UBND-NN"
type: "Công văn"
""",
        "Đề nghị các xã tăng cường tiêm phòng vắc xin cúm gia cầm cho đàn gà, vịt.\n",
    )
    write_front(
        root,
        "van-ban-moi/kh-54-2023.md",
        f"""
id: kh-54-2023
title: "{KH_NEW_TITLE}"
category: "Văn bản mới"
published: 2023-04-05 15:00
number: "54/KH-UBND"
type: "Kế hoạch"
""",
        "Đẩy mạnh dịch vụ công trực tuyến toàn trình ở cấp xã.\n",
    )
    write_front(
        root,
        "van-ban/ke-hoach/kh-05-2023.md",
        f"""
id: kh-05-2023
title: "{KH_WITHDRAWN_TITLE}"
category: "Văn bản/Kế hoạch"
published: 2023-01-05 07:45
withdrawn: true
""",
        "Kế hoạch này đã được thay thế.\n",
    )
    return root


def write_delta_source(root: Path) -> Path:
    """The next folder: tb-15 updated, tb-52 added, cv-312 withdrawn."""
    write_front(
        root,
        "thong-bao/tb-15-2023.md",
        f"""
id: tb-15-2023
title: '{TB_TITLE}'
category: "Thông báo"
published: 2023-03-27 08:00
updated: 2023-04-02 10:00
number: "15/TB-UBND"
type: "Thông báo"
""",
        """Lịch tiếp công dân tháng 4/2023 được dời sang thứ Sáu.

| Ngày | Người tiếp công dân |
|---|---|
| 07/4/2023 | Chủ tịch UBND xã |
| 21/4/2023 | Phó Chủ tịch UBND xã |
"""
        + HOSTILE_BODY,
    )
    write_front(
        root,
        "thong-bao/tb-52-2023.md",
        f"""
id: tb-52-2023
title: "{TB52_TITLE}"
category: "Thông báo"
published: 2023-04-20 16:00
""",
        "Cán bộ, công chức nghỉ lễ từ ngày 29/4 đến hết ngày 3/5/2023.\n",
    )
    write_front(
        root,
        "van-ban/cong-van/cv-312-2023.md",
        """
id: cv-312-2023
withdrawn: true
updated: 2023-04-15 08:00
""",
    )
    return root


def write_next_source(root: Path) -> Path:
    write_front(
        root,
        "thong-bao/tb-68-2023.md",
        f"""
id: tb-68-2023
title: "{TB68_TITLE}"
category: "Thông báo"
published: 2023-05-02 08:30
""",
        "Ủy ban nhân dân xã thông báo tuyển dụng 02 viên chức năm 2023.\n",
    )
    return root


@dataclass(frozen=True)
class Published:
    """A publisher's key pair and the bundles built from the folders above."""

    private_key: Path
    public_key: Path
    key_id: str
    base_source: Path
    base: Path
    delta: Path
    old: Path
    next: Path
    base_build: dict[str, Any]
    delta_build: dict[str, Any]


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    root = tmp_path_factory.mktemp("publisher")
    run = session_cli(root)

    keys = root / "keys"
    out = run("keygen", "--out", keys, "--name", "Sở Thông tin và Truyền thông")
    private, public = keys / "publisher.key", keys / "publisher.pub"
    raw = _public_raw(public)
    key_id = hashlib.sha256(raw).hexdigest()[:16]
    assert key_id in out.stdout

    base_src = write_base_source(root / "src-base")
    delta_src = write_delta_source(root / "src-delta")
    bundles = root / "bundles"

    def build(src: Path, name: str, *extra: str) -> dict[str, Any]:
        result = run(
            "bundle",
            "build",
            src,
            "--key",
            private,
            "--publisher",
            PUBLISHER,
            "--out",
            bundles / name,
            "--json",
            *extra,
        )
        return dict(result.json())

    base_build = build(base_src, "base.bangtin", "--sequence", str(BASE_SEQUENCE))
    delta_build = build(delta_src, "delta.bangtin", "--since", str(BASE_SEQUENCE))
    build(base_src, "old.bangtin", "--sequence", str(OLD_SEQUENCE))
    next_build = build(
        write_next_source(root / "src-next"), "next.bangtin", "--since", str(DELTA_SEQUENCE)
    )
    assert next_build["sequence"] == NEXT_SEQUENCE
    return Published(
        private_key=private,
        public_key=public,
        key_id=key_id,
        base_source=base_src,
        base=bundles / "base.bangtin",
        delta=bundles / "delta.bangtin",
        old=bundles / "old.bangtin",
        next=bundles / "next.bangtin",
        base_build=base_build,
        delta_build=delta_build,
    )


@dataclass(frozen=True)
class Library:
    """An archive with base and delta imported; tests must not change it."""

    data_dir: Path
    imports: list[dict[str, Any]]
    notices: list[dict[str, Any]]


@pytest.fixture(scope="session")
def library(published: Published, tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("library")
    run = session_cli(root)
    imports = trust_and_import(run, published, published.base, published.delta)
    notices = run("list", "--json").json()
    assert ids_of(notices) == LIBRARY_IDS
    return Library(data_dir=root / "data", imports=imports, notices=notices)


@pytest.fixture
def library_copy(library: Library, data_dir: Path) -> Path:
    """This test's data dir, holding a copy of the library archive."""
    shutil.copytree(library.data_dir, data_dir)
    return data_dir


def tamper(bundle: Path, dest: Path) -> Path:
    """Copy *bundle* to *dest* with the byte in the middle of the zip flipped."""
    import struct
    import zipfile

    data = bytearray(bundle.read_bytes())
    middle = len(data) // 2
    # The test means "damaged content": make sure the middle is entry data,
    # not a header field that zip readers never look at.
    with zipfile.ZipFile(bundle) as zf:
        inside = False
        for info in zf.infolist():
            at = info.header_offset
            name_len, extra_len = struct.unpack("<HH", data[at + 26 : at + 30])
            start = at + 30 + name_len + extra_len
            inside = inside or start <= middle < start + info.compress_size
    assert inside, "the middle of the bundle is not inside an entry's data"
    data[middle] ^= 0x5A
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(bytes(data))
    return dest


def _public_raw(pub: Path) -> bytes:
    import base64

    return base64.b64decode(pub.read_text("utf-8").split()[1])


def copy_bundle(bundle: Path, dest_dir: Path, name: str | None = None) -> Path:
    """A copy of *bundle* in *dest_dir* (under *name*), as a stick would carry it."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / (name or bundle.name)
    shutil.copyfile(bundle, dest)
    return dest


def trust_and_import(cli: Cli, published: Published, *bundles: Path) -> list[dict[str, Any]]:
    """Trust the publisher's key, import *bundles*; returns the import JSON lines."""
    cli("trust", "add", published.public_key)
    if not bundles:
        return []
    result = cli("import", *bundles, "--json")
    lines = result.json_lines()
    assert [line["status"] for line in lines] == ["imported"] * len(bundles), result.describe()
    # Redirected stderr gets no progress lines: it is kept for the reason of a failure.
    assert result.stderr == "", result.describe()
    return lines


def ids_of(notices: Sequence[dict[str, Any]]) -> list[str]:
    return [n["id"] for n in notices]
