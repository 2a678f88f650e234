"""`bangtin trust` and `bangtin key` at the trust boundaries, in subprocesses.

Weak and oversized key files are refused with one sentence; a removed key
keeps its publisher; a publisher changes key only with `--replaces`; a
public key can be written again from its private key; the data folder is
private to its user even under umask 000.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import Cli, import_log_rows
from tests.helpers.published import (
    BASE_SEQUENCE,
    DELTA_SEQUENCE,
    PUBLISHER,
    Published,
    copy_bundle,
    trust_and_import,
    write_base_source,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def pub_line(raw: bytes, comment: str = "khóa") -> str:
    return f"bangtin-ed25519 {base64.b64encode(raw).decode()} {comment}\n"


def trusted(cli: Cli) -> list[dict[str, str]]:
    return list(cli("trust", "list", "--json").json())


# -- weak and oversized key files ------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "vi", "en"),
    [
        ("00" * 32, "điểm bậc nhỏ", "small-order point"),
        ("01" + "00" * 31, "điểm bậc nhỏ", "small-order point"),
        ("ed" + "ff" * 30 + "7f", "không ở dạng chuẩn", "not canonically encoded"),
    ],
    ids=["zeros", "identity", "y=p"],
)
def test_trust_add_refuses_weak_public_keys(
    cli: Cli, tmp_path: Path, encoded: str, vi: str, en: str
) -> None:
    weak = tmp_path / "weak.pub"
    weak.write_text(pub_line(bytes.fromhex(encoded)), encoding="utf-8")
    refused = cli.fails("trust", "add", weak)
    assert refused.stderr.startswith(f"Không đọc được khóa {weak}: ")
    assert vi in refused.stderr
    assert en in cli.fails("--lang", "en", "trust", "add", weak).stderr
    assert trusted(cli) == []


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_trust_add_of_an_endless_file_is_one_sentence(cli: Cli) -> None:
    refused = cli.fails("trust", "add", "/dev/zero")
    assert "Không đọc được khóa /dev/zero: " in refused.stderr
    assert "MemoryError" not in refused.stderr and "Lỗi không mong đợi" not in refused.stderr
    english = cli.fails("--lang", "en", "trust", "add", "/dev/zero")
    assert "The key /dev/zero could not be read: " in english.stderr
    assert trusted(cli) == []


def test_a_long_comment_never_becomes_a_long_name(
    cli: Cli, tmp_path: Path, published: Published
) -> None:
    raw = base64.b64decode(published.public_key.read_text("utf-8").split()[1])
    huge = tmp_path / "huge.pub"
    huge.write_text(pub_line(raw, "x" * 100_000), encoding="utf-8")
    cli.fails("trust", "add", huge)
    assert trusted(cli) == []

    noisy = tmp_path / "noisy.pub"
    noisy.write_text(pub_line(raw, "Sở \u202eTT\u202c\x1b[31m " + "dài " * 200), encoding="utf-8")
    cli("trust", "add", noisy)
    [key] = trusted(cli)
    assert key["name"].startswith("Sở TT [31m dài dài")
    assert len(key["name"]) <= 120
    assert "\x1b" not in key["name"] and "\u202e" not in key["name"]


# -- a removed key keeps its publisher -------------------------------------------------------


@pytest.fixture
def own_key(published: Published, tmp_path: Path) -> Iterator[Path]:
    """A copy of the publisher's private key, so builds here touch no shared state."""
    folder = tmp_path / "own-key"
    folder.mkdir()
    key = folder / "publisher.key"
    shutil.copyfile(published.private_key, key)
    os.chmod(key, 0o600)
    yield key


def build(cli: Cli, src: Path, key: Path, publisher: str, out: Path, *extra: str) -> Path:
    cli("bundle", "build", src, "--key", key, "--publisher", publisher, "--out", out, *extra)
    return out


def test_a_removed_and_readded_key_keeps_its_publisher(
    cli: Cli, published: Published, own_key: Path, tmp_path: Path, data_dir: Path
) -> None:
    trust_and_import(cli, published, published.base)
    cli("trust", "remove", published.key_id)
    cli("trust", "add", published.public_key)
    [key] = trusted(cli)
    assert key["publisher"] == "ubnd-tinh-son-ha"

    src = write_base_source(tmp_path / "src")
    other = build(cli, src, own_key, "Sở Tài chính", tmp_path / "stc.bangtin", "--sequence", "1")
    refused = cli.fails("import", other)
    assert "chỉ được dùng cho đơn vị «ubnd-tinh-son-ha»" in refused.stderr
    assert len(import_log_rows(data_dir)) == 1


# -- a publisher changes key only with --replaces -----------------------------------------------


def test_a_new_key_for_a_bound_publisher_needs_replaces(
    cli: Cli, published: Published, tmp_path: Path, data_dir: Path
) -> None:
    trust_and_import(cli, published, published.base)
    cli("keygen", "--out", tmp_path / "new", "--name", "Khóa mới của tỉnh")
    new_key, new_pub = tmp_path / "new" / "publisher.key", tmp_path / "new" / "publisher.pub"
    src = write_base_source(tmp_path / "src")
    bundle = build(
        cli, src, new_key, PUBLISHER, tmp_path / "new.bangtin", "--sequence", str(DELTA_SEQUENCE)
    )

    cli("trust", "add", new_pub)
    refused = cli.fails("import", bundle)
    assert f"--replaces {published.key_id}" in refused.stderr
    assert len(import_log_rows(data_dir)) == 1

    unknown = cli.fails("trust", "add", new_pub, "--replaces", "0123456789abcdef")
    assert "0123456789abcdef" in unknown.stderr
    done = cli("trust", "add", new_pub, "--replaces", published.key_id)
    assert published.key_id in done.stdout
    [key] = trusted(cli)
    assert key["publisher"] == "ubnd-tinh-son-ha"
    [line] = cli("import", bundle, "--json").json_lines()
    assert (line["status"], line["sequence"]) == ("imported", DELTA_SEQUENCE)
    # The old key is no longer trusted.
    old = copy_bundle(published.next, tmp_path / "old-key")
    assert "chưa được tin cậy" in cli.fails("import", old).stderr


def test_a_sequence_far_beyond_the_last_is_refused(
    cli: Cli, published: Published, own_key: Path, tmp_path: Path
) -> None:
    trust_and_import(cli, published, published.base)
    src = write_base_source(tmp_path / "src")
    far = build(cli, src, own_key, PUBLISHER, tmp_path / "far.bangtin", "--sequence", str(2**53))
    refused = cli.fails("import", far)
    assert str(2**53) in refused.stderr
    assert str(BASE_SEQUENCE + 100_000) in refused.stderr


# -- the public key of a private key --------------------------------------------------------


def test_key_public_writes_the_public_key_again(cli: Cli, tmp_path: Path) -> None:
    cli("keygen", "--out", tmp_path / "k", "--name", "UBND tỉnh Sơn Hà")
    private, public = tmp_path / "k" / "publisher.key", tmp_path / "k" / "publisher.pub"
    line = public.read_text("utf-8")
    kid = hashlib.sha256(base64.b64decode(line.split()[1])).hexdigest()[:16]

    out = tmp_path / "lai" / "tinh.pub"
    out.parent.mkdir()
    done = cli("key", "public", private, "--out", out, "--name", "UBND tỉnh Sơn Hà")
    assert out.read_text("utf-8") == line
    assert kid in done.stdout and str(out) in done.stdout
    printed = cli("key", "public", private)
    assert printed.stdout.split()[:2] == line.split()[:2]

    refused = cli.fails("key", "public", private, "--out", out)
    assert str(out) in refused.stderr
    assert cli.fails("key", "public", public).stderr.startswith(f"Không đọc được khóa {public}")
    if Path("/dev/zero").exists():
        cli.fails("key", "public", "/dev/zero")


# -- the data folder belongs to its user --------------------------------------------------------


@posix_only
def test_the_data_folder_is_private_under_umask_000(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    old = os.umask(0)
    try:
        trust_and_import(cli, published, published.base)
    finally:
        os.umask(old)
    for folder in (data_dir, data_dir / "files", data_dir / "staging"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for path in data_dir.glob("archive.sqlite3*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    stored = [p for p in (data_dir / "files").rglob("*") if p.is_file()]
    assert stored and all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in stored)


@posix_only
def test_a_data_folder_others_can_write_is_reported(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    trust_and_import(cli, published)
    quiet = cli("trust", "list")
    assert quiet.stderr == ""
    os.chmod(data_dir, 0o777)
    warned = cli("trust", "list")
    assert warned.err_lines == [
        f"Thư mục dữ liệu {data_dir} cho phép người dùng khác trên máy này ghi vào; "
        f"hãy chỉ để tài khoản của bạn có quyền ghi (ví dụ: chmod 700 {data_dir})."
    ]
    english = cli("--lang", "en", "check")
    assert f"The data folder {data_dir} can be written by other users" in english.stderr
    os.chmod(data_dir, 0o700)
