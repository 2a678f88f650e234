"""The real `bangtin` on poisoned content: one odd value never breaks a command.

Archives that already hold an out-of-range date or a 999-level category (as
an older Bảng Tin imported them) are written with db.store, as that version
wrote them; bundles are built by the real builder and, where the builder
would refuse or clean the value, re-signed with the trusted key.
"""

from __future__ import annotations

import shlex
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from db.archive import open_archive
from db.records import NoticeRecord
from db.types import VN_TZ
from tests.helpers.bundles import build, make_keys, resign_notice, write_notice
from tests.helpers.cli import Cli, bangtin_command
from tests.helpers.notices import apply

UNEXPECTED = ("Lỗi không mong đợi", "Unexpected error")
SPOOFED = "Quyết định số 12 \u202eFDP.exe\u202c phê duyệt"
CLEAN = "Quyết định số 12 FDP.exe phê duyệt"


def no_surprise(*outputs: str) -> None:
    for out in outputs:
        assert not any(word in out for word in UNEXPECTED), out


def store_notices(data_dir: Path, notices: list[NoticeRecord]) -> None:
    from db import search

    archive = open_archive(data_dir)
    try:
        apply(archive, notices)
        with archive.writing() as session:
            search.rebuild_index(session)
    finally:
        archive.close()


def record(nid: str, published: datetime, **fields: object) -> NoticeRecord:
    fields.setdefault("title", f"Văn bản {nid}")
    fields.setdefault("category", "Thông báo")
    return NoticeRecord(id=nid, published=published, **fields)  # type: ignore[arg-type]


def test_an_archive_holding_dates_out_of_range_lists_searches_and_shows(
    cli: Cli, data_dir: Path
) -> None:
    store_notices(
        data_dir,
        [
            record("xua", datetime(1, 1, 1, tzinfo=VN_TZ)),
            record("xa", datetime.fromisoformat("9999-12-31T23:00:00-12:00")),
            record("nay", datetime(2023, 3, 27, 8, 0, tzinfo=VN_TZ)),
        ],
    )
    listed = cli("list")
    assert [line.split()[1] for line in listed.stdout.splitlines()] == ["xa", "nay", "xua"]
    assert listed.stdout.startswith("31/12/9999  xa")
    as_json = cli("list", "--json").json()
    assert [n["published"][:4] for n in as_json] == ["9999", "2023", "0001"]
    found = cli("search", "văn bản", "--json").json()
    assert {hit["id"] for hit in found["results"]} == {"xa", "nay", "xua"}
    shown = cli("show", "xua")
    no_surprise(listed.stderr, shown.stderr, shown.stdout)


def test_build_and_import_refuse_dates_out_of_range(cli: Cli, tmp_path: Path) -> None:
    pair = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    write_notice(src, "a", published="0001-01-01 00:00")
    write_notice(src, "b", published="9999-12-31 23:00:00-12:00")
    out = tmp_path / "a.bangtin"
    result = cli(
        "bundle",
        "build",
        src,
        *("--key", pair.private_path, "--publisher", "UBND xã", "--out", out),
        expect=1,
    )
    # Each problem with its file and line, then one sentence.
    assert result.err_lines[:2] == [
        "Tệp a.md, dòng 5: trường «published» nằm ngoài khoảng cho phép: ngày phải thuộc "
        "các năm 1900–2200 (giờ Việt Nam, UTC+7).",
        "Tệp b.md, dòng 5: trường «published» nằm ngoài khoảng cho phép: ngày phải thuộc "
        "các năm 1900–2200 (giờ Việt Nam, UTC+7).",
    ]
    assert result.err_lines[2] == "Thư mục nguồn có 2 lỗi; chưa tạo gói dữ liệu nào."
    assert not out.exists()

    ok = tmp_path / "ok"
    write_notice(ok, "a")
    bundle = build(ok, pair, tmp_path / "ok.bangtin").path
    hostile = resign_notice(
        bundle,
        tmp_path / "hostile.bangtin",
        pair,
        "a",
        lambda doc: doc.update(published="0001-01-01T00:00:00+07:00"),
    )
    cli("trust", "add", pair.public_path)
    refused = cli("import", hostile, expect=1)
    assert "1900–2200" in refused.stderr
    no_surprise(refused.stderr)
    assert cli("list").stdout.strip() == "Không có văn bản nào."


def test_an_archive_holding_a_999_level_category_lists_its_categories(
    cli: Cli, data_dir: Path
) -> None:
    deep = "/".join(f"Cấp {i}" for i in range(999))
    store_notices(data_dir, [record("sau", datetime(2023, 3, 27, tzinfo=VN_TZ), category=deep)])
    shown = cli("categories")
    lines = shown.stdout.splitlines()
    assert len(lines) == 999
    assert lines[-1] == "  " * 998 + "Cấp 998 (1)"
    assert len(cli("categories", "--json").json()) == 999
    no_surprise(shown.stderr)


def test_bidi_controls_never_reach_the_list(cli: Cli, tmp_path: Path) -> None:
    """Built from a spoofed source, and imported from a spoofed, re-signed bundle."""
    pair = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    write_notice(src, "qd-12", title=SPOOFED, number="12/QĐ-UBND", published="2023-03-27 08:00")
    write_notice(src, "qd-13", number="13/QĐ-UBND", published="2023-03-28 08:00")
    out = tmp_path / "b.bangtin"
    cli("bundle", "build", src, "--key", pair.private_path, "--publisher", "UBND xã", "--out", out)
    hostile = resign_notice(
        out, tmp_path / "hostile.bangtin", pair, "qd-13", lambda doc: doc.update(title=SPOOFED)
    )
    cli("trust", "add", pair.public_path)
    cli("import", hostile)
    listed = cli("list").stdout
    assert listed.count(CLEAN) == 2
    assert not any(ch in listed for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069")
    assert [n["title"] for n in cli("list", "--json").json()] == [CLEAN, CLEAN]
    # The printed page: a title that runs backwards would also turn "Số:" around.
    pdf = tmp_path / "in.pdf"
    cli("print", "qd-13", "qd-12", "--pdf", pdf)
    printed = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert printed.count("QUYẾT ĐỊNH SỐ 12 FDP.EXE PHÊ DUYỆT") == 2, printed
    assert "EXE.PDF" not in printed
    assert "Số: 12/QĐ-UBND" in printed and "Số: 13/QĐ-UBND" in printed


def test_list_into_a_pipe_closed_early_exits_quietly(cli: Cli, data_dir: Path) -> None:
    """`bangtin list | head -1`: far more than a pipe holds, read one line, closed."""
    start = datetime(2023, 3, 27, 8, 0, tzinfo=VN_TZ)
    store_notices(
        data_dir,
        [
            record(f"tb-{i:05d}", start - timedelta(hours=i), title=f"Thông báo số {i} " * 8)
            for i in range(3000)
        ],
    )
    command = " ".join(shlex.quote(part) for part in bangtin_command())
    proc = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} list | head -1"],
        env=cli.env,
        cwd=cli.cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    stdout, stderr = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert stdout.startswith("27/03/2023  tb-00000  Thông báo số 0")
    assert len(stdout.splitlines()) == 1
    assert stderr == ""
    # As `ls | head -1` does: killed by SIGPIPE, which a shell reports as 128 + 13.
    assert proc.returncode == 141
