"""The trust chain end to end with the real `bangtin`: a province's year, an office's stick.

The province keeps a root offline, delegates a signing key, replaces it and
revokes the old one, then rotates its root twice; the office trusts the
first root once, skips a bundle, and follows the rotations it never saw.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from db.types import VN_TZ
from tests.helpers.bundles import write_notice
from tests.helpers.cli import Cli

PROVINCE = "UBND tỉnh Sơn Hà"
CHANNEL = "tinh-son-ha"


def _source(root: Path, number: int) -> Path:
    src = root / f"src{number}"
    write_notice(src, f"tb-{number}-2024", title=f"Thông báo số {number}")
    return src


def _fingerprint(cli: Cli, path: Path) -> str:
    return cli("key", "fingerprint", path).stdout.strip()


def _build(cli: Cli, root: Path, number: int, key: Path, *extra: str | Path) -> Path:
    out = root / f"bundle{number}.bangtin"
    cli(
        "bundle", "build", _source(root, number), "--key", key, "--publisher", PROVINCE,
        "--out", out, "--sequence", str(number), "--channel", CHANNEL, *extra,
    )  # fmt: skip
    return out


def test_rotate_revoke_rotate_the_root_twice_and_skip_a_bundle(cli: Cli, tmp_path: Path) -> None:
    p = tmp_path / "province"
    made = cli("keygen", "--root", "--out", p / "root1", "--name", "Tỉnh Sơn Hà")
    root1 = _fingerprint(cli, p / "root1" / "root.pub")
    assert root1 in made.stdout and len(root1.split()) == 16
    cli("keygen", "--out", p / "signing1")
    cli("keygen", "--out", p / "signing2")
    for n in (1, 2):
        cli(
            "key", "delegate", "--root", p / "root1" / "root.key",
            "--signing", p / f"signing{n}" / "publisher.pub", "--publisher", PROVINCE,
            "--until", "2099-12-31", "--out", p / f"delegation{n}.json",
        )  # fmt: skip
    first = _build(
        cli, p, 1, p / "signing1" / "publisher.key", "--delegation", p / "delegation1.json"
    )
    # Built with the first key, not yet imported anywhere: later stolen.
    stolen = _build(
        cli, p, 9, p / "signing1" / "publisher.key", "--delegation", p / "delegation1.json"
    )

    # The office trusts the root after comparing the fingerprint on the dispatch.
    added = cli("trust", "add", p / "root1" / "root.pub")
    assert root1 in added.stdout
    cli("import", first)

    # A new signing key; the old one is revoked and the revocation travels.
    old_id = _key_id(cli, p / "signing1" / "publisher.pub")
    cli(
        "key", "revoke", old_id, "--root", p / "root1" / "root.key",
        "--reason", "Máy tính văn thư bị mất trộm", "--out", p / "revoke1.json",
    )  # fmt: skip
    second = _build(
        cli, p, 2, p / "signing2" / "publisher.key",
        "--delegation", p / "delegation2.json", "--revocations", p / "revoke1.json",
    )  # fmt: skip
    cli("import", second)
    refused = cli.fails("import", stolen)
    assert old_id in refused.stderr and "Máy tính văn thư bị mất trộm" in refused.stderr

    # The root is rotated twice; the new root delegates the signing key again.
    cli("keygen", "--root", "--out", p / "root2")
    cli("keygen", "--root", "--out", p / "root3")
    cli(
        "key", "rotate-root", "--old", p / "root1" / "root.key",
        "--new", p / "root2" / "root.pub", "--out", p / "rotate12.json",
    )  # fmt: skip
    cli(
        "key", "rotate-root", "--old", p / "root2" / "root.key",
        "--new", p / "root3" / "root.pub", "--out", p / "rotate23.json",
    )  # fmt: skip
    cli(
        "key", "delegate", "--root", p / "root3" / "root.key",
        "--signing", p / "signing2" / "publisher.pub", "--publisher", PROVINCE,
        "--until", "2099-12-31", "--out", p / "delegation3.json",
    )  # fmt: skip
    chain = ("--root-chain", p / "rotate12.json", p / "rotate23.json")
    later = ("--delegation", p / "delegation3.json", "--revocations", p / "revoke1.json")
    _build(cli, p, 3, p / "signing2" / "publisher.key", *later, *chain)  # never reaches the office
    fourth = _build(cli, p, 4, p / "signing2" / "publisher.key", *later, *chain)
    cli("import", fourth)

    status = cli("status", "--json").json()
    root3 = _fingerprint(cli, p / "root3" / "root.pub").replace(" ", "")
    current = [r["fingerprint"] for r in status["roots"] if r["current"]]
    assert current == [root3]
    assert {r["fingerprint"] for r in status["roots"]} >= {root1.replace(" ", ""), root3}
    assert [r["key_id"] for r in status["revoked"]] == [old_id]
    assert status["revoked"][0]["reason"] == "Máy tính văn thư bị mất trộm"
    assert status["channels"] == [CHANNEL]
    assert status["latest_signed"] is not None and status["days_since"] is not None
    assert [p["last_sequence"] for p in status["publishers"]] == [4]
    # The stolen key stays refused after the rotations, too.
    cli.fails("import", stolen)


def _key_id(cli: Cli, pub: Path) -> str:
    import hashlib

    fingerprint = _fingerprint(cli, pub).replace(" ", "")
    assert len(fingerprint) == 64 and hashlib.sha256(b"").hexdigest() != fingerprint
    return fingerprint[:16]


def test_a_root_fingerprint_is_the_same_everywhere(cli: Cli, tmp_path: Path) -> None:
    made = cli("keygen", "--root", "--out", tmp_path / "root")
    printed = _fingerprint(cli, tmp_path / "root" / "root.pub")
    assert printed in made.stdout
    assert printed in cli("trust", "add", tmp_path / "root" / "root.pub").stdout
    assert printed in cli("trust", "list").stdout


def test_a_root_key_is_never_taken_for_a_signing_key(cli: Cli, tmp_path: Path) -> None:
    cli("keygen", "--root", "--out", tmp_path / "root")
    src = _source(tmp_path, 1)
    refused = cli.fails(
        "bundle", "build", src, "--key", tmp_path / "root" / "root.key", "--publisher", PROVINCE,
        "--out", tmp_path / "b.bangtin", "--delegation", tmp_path / "missing.json",
    )  # fmt: skip
    assert "missing.json" in refused.stderr


def test_a_threshold_root_needs_two_leaders(cli: Cli, tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        cli("keygen", "--root", "--out", tmp_path / name)
    cli(
        "key", "root", *(tmp_path / n / "root.pub" for n in "abc"), "--threshold", "2",
        "--out", tmp_path / "board.root",
    )  # fmt: skip
    cli("keygen", "--out", tmp_path / "signing")
    args = (
        "key", "delegate", "--root-file", tmp_path / "board.root",
        "--signing", tmp_path / "signing" / "publisher.pub", "--publisher", PROVINCE,
        "--until", "2099-12-31",
    )  # fmt: skip
    alone = cli.fails(*args, "--root", tmp_path / "a" / "root.key", "--out", tmp_path / "d1.json")
    assert "2" in alone.stderr
    cli(
        *args, "--root", tmp_path / "a" / "root.key", "--root", tmp_path / "c" / "root.key",
        "--out", tmp_path / "d2.json",
    )  # fmt: skip
    bundle = _build(
        cli,
        tmp_path,
        1,
        tmp_path / "signing" / "publisher.key",
        "--delegation",
        tmp_path / "d2.json",
    )
    cli("trust", "add", tmp_path / "board.root")
    assert cli("import", "--json", bundle).json_lines()[0]["status"] == "imported"


def test_a_stick_for_another_province_needs_an_explicit_trust(cli: Cli, tmp_path: Path) -> None:
    cli("keygen", "--out", tmp_path / "k")
    key = tmp_path / "k" / "publisher.key"
    cli("trust", "add", tmp_path / "k" / "publisher.pub")
    cli("import", _build(cli, tmp_path, 1, key))
    out = tmp_path / "other.bangtin"
    cli(
        "bundle", "build", _source(tmp_path, 2), "--key", key, "--publisher", PROVINCE,
        "--out", out, "--sequence", "2", "--channel", "tinh-binh-an",
    )  # fmt: skip
    refused = cli.fails("import", out)
    assert "trust add-channel tinh-binh-an" in refused.stderr
    cli("trust", "add-channel", "tinh-binh-an")
    cli("import", out)


def test_status_prints_the_freshness_line(cli: Cli, tmp_path: Path) -> None:
    cli("keygen", "--out", tmp_path / "k")
    cli("trust", "add", tmp_path / "k" / "publisher.pub")
    cli("import", _build(cli, tmp_path, 1, tmp_path / "k" / "publisher.key"))
    text = cli("status").stdout
    # Signed today: said so, not "0 days ago".
    assert "Dữ liệu cập nhật đến ngày" in text and "(hôm nay)" in text
    # Days as a clerk writes them (dd/mm/yyyy), not ISO; --json keeps ISO for scripts.
    today = datetime.now(VN_TZ).date()
    assert today.strftime("%d/%m/%Y") in text and today.isoformat() not in text
    # The size as the window's "Giới thiệu" says it: "245 KB", "1,9 MB", never "0.2 MB".
    assert re.fullmatch(r"Kho dữ liệu: .+ \((\d+ KB|\d+,\d MB)\)", text.splitlines()[0])
    english = cli("--lang", "en", "status", "--stale-days", "100000").stdout
    assert "Data up to" in english and "(today)" in english and "long time" not in english


def test_add_dir_trusts_a_root_beside_signing_keys(cli: Cli, tmp_path: Path) -> None:
    cli("keygen", "--root", "--out", tmp_path / "keys")
    cli("keygen", "--out", tmp_path / "keys")
    added = cli("trust", "add-dir", tmp_path / "keys")
    root = _fingerprint(cli, tmp_path / "keys" / "root.pub")
    assert root in added.stdout
    status = cli("status", "--json").json()
    assert [r["fingerprint"] for r in status["roots"]] == [root.replace(" ", "")]
    assert len(status["keys"]) == 1
