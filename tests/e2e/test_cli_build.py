"""`bangtin bundle build`: every source error with its file and line, and no bundle then."""

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


#: Words of the English sentences, none of which a Vietnamese one has.
ENGLISH = {"the", "field", "missing", "invalid", "bad", "unknown", "duplicate", "must", "not"}
ENGLISH |= {"file", "line", "date", "time", "found", "already", "earlier", "exist", "does"}


def _where(line: str) -> str:
    """ "file:line" of a problem printed as "Tệp file, dòng line: ..."."""
    found = re.match(r"^Tệp (\S+), dòng (\d+): ", line)
    assert found, line
    return f"{found[1]}:{found[2]}"


def _english_in(line: str) -> set[str]:
    """English words in *line*, outside the «» that quote a value or YAML's own words."""
    return set(re.findall(r"[a-z]+", re.sub(r"«[^»]*»", "", line).lower())) & ENGLISH


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
    located = {_where(line) for line in errors}
    assert located == {
        "thong-bao/thieu-tieu-de.md:1",
        "van-ban/sai-ngay.md:5",
        "van-ban/sai-ngay.md:6",
        "van-ban/sai-ngay.md:7",
        "hong-yaml.md:3",  # where the unclosed quote begins
        "trung-ma.md:2",
    }
    assert not [line for line in errors if _english_in(line)], errors
    assert any("thiếu trường «title»" in line and "thieu-tieu-de" in line for line in errors)
    assert any("«published»" in line for line in errors)
    assert any("không có trường «tag»" in line for line in errors)
    assert any("«files/khong-co.pdf»" in line for line in errors)
    assert "Tệp trung-ma.md, dòng 2: mã «tot-2023» đã được dùng trong tệp tot.md." in errors
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


def test_the_problems_a_tester_met_are_vietnamese_sentences(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    src = tmp_path / "nguồn"
    write_front(src, "a.md", "title: T\ncategory: C\npublished: 2024-02-01")
    write_front(src, "b.md", "id: b\ntitle: [x, y\ncategory: C")
    write_front(src, "c.md", "id: c\ntitle: T\ncategory: C\npublished: 2024-02-30")
    (src / "d.md").write_bytes(b"---\nid: d\ntitle: T\xc3\x28\n---\n")
    key = ("--key", published.private_key, "--publisher", PUBLISHER)
    out = ("--out", tmp_path / "b.bangtin")
    errors = cli("bundle", "build", src, *key, *out, expect=1).err_lines
    assert errors == [
        "Tệp a.md, dòng 1: thiếu trường «id».",
        "Tệp b.md, dòng 4: phần đầu YAML không đọc được: «did not find expected ',' or ']'».",
        "Tệp c.md, dòng 5: trường «published» phải là ngày giờ viết NNNN-TT-NN GG:PP, "
        "ví dụ 2024-01-15 08:30, nhưng đang là «2024-02-30».",
        "Tệp d.md, dòng 3: tệp không phải văn bản UTF-8 hợp lệ; hãy lưu lại tệp với bảng mã UTF-8.",
        "Thư mục nguồn có 4 lỗi; chưa tạo gói dữ liệu nào.",
    ]
    assert not [line for line in errors if _english_in(line)]
    typo = cli("bundle", "build", "thong-bao-typo", *key, *out, expect=1).err_lines
    assert typo == [
        "Không tìm thấy thư mục nguồn thong-bao-typo.",
        "Thư mục nguồn có 1 lỗi; chưa tạo gói dữ liệu nào.",
    ]
    assert not (tmp_path / "b.bangtin").exists()
