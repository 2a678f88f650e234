"""`bangtin keygen`: a private key only its owner can read, never overwritten."""

from __future__ import annotations

import base64
import hashlib
import stat
import sys
from pathlib import Path

from tests.helpers.cli import Cli


def test_keygen_writes_a_private_key_0600_and_a_public_key(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "khóa" / "sở-tt"
    result = cli("keygen", "--out", out, "--name", "Sở Thông tin và Truyền thông")
    private, public = out / "publisher.key", out / "publisher.pub"

    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    if sys.platform != "win32":  # Windows has no POSIX modes; ACLs guard the file there
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    prefix, encoded, comment = public.read_text("utf-8").rstrip("\n").split(" ", 2)
    assert prefix == "bangtin-ed25519"
    assert comment == "Sở Thông tin và Truyền thông"
    raw = base64.b64decode(encoded)
    assert len(raw) == 32
    key_id = hashlib.sha256(raw).hexdigest()[:16]
    assert result.stdout.startswith(f"Đã tạo khóa {key_id}:")
    assert result.stderr == ""


def test_keygen_refuses_to_overwrite_a_key(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "keys"
    cli("keygen", "--out", out)
    private, public = out / "publisher.key", out / "publisher.pub"
    before = (private.read_bytes(), public.read_bytes())

    refused = cli.fails("keygen", "--out", out, "--name", "khóa mới")
    assert refused.stderr.strip() == f"Đã có khóa tại {private}; không ghi đè."
    assert refused.stdout == ""
    english = cli.fails("--lang", "en", "keygen", "--out", out)
    assert "it was not overwritten" in english.stderr
    assert (private.read_bytes(), public.read_bytes()) == before
