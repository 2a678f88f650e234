"""`bangtin bundle build`: every source error with file:line, and no bundle then."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers.bundles import write_front
from tests.helpers.cli import Cli
from tests.helpers.published import BASE_SEQUENCE, PUBLISHER, Published


def _broken_source(root: Path) -> Path:
    write_front(
        root,
        "thong-bao/thieu-tieu-de.md",
        """
id: tb-01-2023
category: "Thông báo"
published: 2023-03-01 08:00
""",
        "Thiếu tiêu đề.\n",
    )
    write_front(
        root,
        "van-ban/sai-ngay.md",
        """
id: cv-02-2023
title: "Công văn có ngày sai"
category: "Văn bản"
published: "ngày 32 tháng 13"
tag: "không có trường này"
attachments: [files/khong-co.pdf]
""",
    )
    (root / "hong-yaml.md").write_text(
        '---\nid: kh-03-2023\ntitle: "chưa đóng ngoặc\ncategory: [\n---\nNội dung.\n',
        encoding="utf-8",
    )
    write_front(
        root,
        "trung-ma.md",
        """
id: tot-2023
title: "Trùng mã với tệp khác"
category: "Thông báo"
published: 2023-03-02 08:00
""",
    )
    # A good file among the bad ones changes nothing: still no bundle.
    write_front(
        root,
        "tot.md",
        """
id: tot-2023
title: "Văn bản hợp lệ"
category: "Thông báo"
published: 2023-03-03 08:00
""",
    )
    return root


def test_source_errors_are_all_listed_with_file_and_line(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    src = _broken_source(tmp_path / "nguồn")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = cli(
        "bundle",
        "build",
        src,
        "--key",
        published.private_key,
        "--publisher",
        PUBLISHER,
        "--out",
        out_dir / "b.bangtin",
        expect=1,
    )
    lines = result.err_lines
    assert lines[-1] == "Thư mục nguồn có 6 lỗi; chưa tạo gói dữ liệu nào."
    errors = lines[:-1]
    assert all(re.match(r"^[^:]+\.md:\d+: ", line) for line in errors), lines
    located = {line.split(": ", 1)[0] for line in errors}
    assert located == {
        "thong-bao/thieu-tieu-de.md:1",
        "van-ban/sai-ngay.md:5",
        "van-ban/sai-ngay.md:6",
        "van-ban/sai-ngay.md:7",
        "hong-yaml.md:3",  # where the unclosed quote begins
        "trung-ma.md:2",
    }
    assert any("'title'" in line and "thieu-tieu-de" in line for line in errors)
    assert any("'published'" in line for line in errors)
    assert any("unknown field 'tag'" in line for line in errors)
    assert any("files/khong-co.pdf" in line for line in errors)
    assert any("duplicate id 'tot-2023' (also in tot.md)" in line for line in errors)
    assert result.stdout == ""
    assert list(out_dir.iterdir()) == []


def test_bad_sequence_and_bad_key_are_one_sentence(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "b.bangtin"
    common = ("--publisher", PUBLISHER, "--out", out)
    seq = cli.fails(
        "bundle",
        "build",
        published.base_source,
        "--key",
        published.private_key,
        *common,
        "--since",
        str(BASE_SEQUENCE),
        "--sequence",
        str(BASE_SEQUENCE),
    )
    assert seq.stderr.strip() == (
        f"Số thứ tự gói {BASE_SEQUENCE} phải lớn hơn số của gói nền {BASE_SEQUENCE}."
    )
    key = cli.fails(
        "--lang",
        "en",
        "bundle",
        "build",
        published.base_source,
        "--key",
        published.public_key,
        *common,
    )
    assert key.stderr.startswith(f"The key {published.public_key} could not be read:")
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
