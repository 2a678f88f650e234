"""Build, trust, import and read back; what import answers and when it refuses."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.helpers.cli import Cli, import_log_rows
from tests.helpers.published import (
    ATTACHMENT_BYTES,
    ATTACHMENT_NAME,
    ATTACHMENT_SHA,
    BASE_SEQUENCE,
    DELTA_SEQUENCE,
    LIBRARY_IDS,
    NEXT_SEQUENCE,
    OLD_SEQUENCE,
    PUBLISHER,
    PUBLISHER_ID,
    QD_TITLE,
    TB52_TITLE,
    TB68_TITLE,
    TB_TITLE,
    Library,
    Published,
    ids_of,
    tamper,
    trust_and_import,
)


def test_round_trip_build_trust_import_list_categories_show(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    built = published.base_build
    assert built["publisher"] == PUBLISHER_ID
    assert (built["sequence"], built["kind"], built["base_sequence"]) == (
        BASE_SEQUENCE,
        "full",
        None,
    )
    # kh-05-2023 is published withdrawn: a withdrawal, as the import below counts it.
    assert (built["notices"], built["withdrawals"], built["attachments"]) == (4, 1, 1)
    assert built["size"] == published.base.stat().st_size

    [line] = trust_and_import(cli, published, published.base)
    assert line["publisher"] == PUBLISHER_ID
    assert line["sequence"] == BASE_SEQUENCE
    assert line["reason"] is None
    # The notice that arrives already withdrawn counts as withdrawn, not added.
    assert (line["added"], line["updated"], line["withdrawn"], line["unchanged"]) == (4, 0, 1, 0)

    notices = cli("list", "--json").json()
    # Newest first; the withdrawn kh-05-2023 is left out.
    assert ids_of(notices) == ["kh-54-2023", "tb-15-2023", "cv-312-2023", "qd-118-2023"]
    by_id = {n["id"]: n for n in notices}

    qd = cli("show", "qd-118-2023", "--json").json()
    assert qd["title"] == QD_TITLE  # written NFD in the source, stored NFC
    assert qd["category"] == "Văn bản/Quyết định"
    assert qd["published"] == "2023-01-18T14:20:00+07:00"
    assert qd["updated"] is None
    assert qd["number"] == "118/QĐ-UBND"
    assert qd["type"] == "Quyết định"
    assert qd["issuer"] == "Ủy ban nhân dân tỉnh Sơn Hà"
    assert qd["issued"] == "2023-01-16"
    assert qd["summary"] == "Công nhận 05 xã đạt chuẩn nông thôn mới năm 2022."
    assert qd["withdrawn"] is False
    assert qd["related"] == ["tb-15-2023", "khong-co-2022"]
    assert qd["attachments"] == [
        {"name": ATTACHMENT_NAME, "size": len(ATTACHMENT_BYTES), "sha256": ATTACHMENT_SHA}
    ]
    assert isinstance(qd["views"], int)
    assert qd["body_markdown"].startswith("**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN HÀ**")
    assert "| 1 | Xã Tân Mỹ | Tân Lập | 19/19 |" in qd["body_markdown"]
    # list gives the same fields as show, less the body.
    listed = {k: v for k, v in by_id["qd-118-2023"].items() if k != "views"}
    shown = {k: v for k, v in qd.items() if k not in ("views", "body_markdown")}
    assert listed == shown

    # The attachment's bytes are in the archive's store under their hash.
    stored = data_dir / "files" / ATTACHMENT_SHA[:2] / ATTACHMENT_SHA
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == ATTACHMENT_SHA

    # A withdrawn notice is still there by its id, marked withdrawn.
    assert cli("show", "kh-05-2023", "--json").json()["withdrawn"] is True

    categories = {c["path"]: c for c in cli("categories", "--json").json()}
    assert set(categories) == {
        "Thông báo",
        "Văn bản",
        "Văn bản/Công văn",
        "Văn bản/Kế hoạch",
        "Văn bản/Quyết định",
        "Văn bản mới",
    }
    assert categories["Văn bản/Quyết định"]["parent"] == "Văn bản"
    assert categories["Văn bản/Quyết định"]["name"] == "Quyết định"
    assert categories["Văn bản mới"]["parent"] is None
    assert categories["Thông báo"]["count"] == 1

    [key] = cli("trust", "list", "--json").json()
    assert key["key_id"] == published.key_id
    assert key["publisher"] == PUBLISHER_ID  # bound by the first import

    # Importing the same bundle again: exit 0, nothing changes.
    [again] = cli("import", published.base, "--json").json_lines()
    assert again["status"] == "already"
    assert again["sequence"] == BASE_SEQUENCE
    assert "đã nhập trước đó" in again["reason"]
    assert (again["added"], again["updated"], again["withdrawn"]) == (0, 0, 0)
    [row] = import_log_rows(data_dir)
    assert row[:4] == (line["bundle_id"], PUBLISHER_ID, BASE_SEQUENCE, "full")


def test_untrusted_key_is_refused_until_trusted_and_after_removal(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    refused = cli.fails("import", published.base)
    assert refused.stdout == ""
    assert published.key_id in refused.stderr
    assert "chưa được tin cậy" in refused.stderr
    assert "bangtin trust add" in refused.stderr
    assert import_log_rows(data_dir) == []

    cli("trust", "add", published.public_key, "--name", "Sở TT&TT")
    [key] = cli("trust", "list", "--json").json()
    assert (key["key_id"], key["name"], key["publisher"]) == (published.key_id, "Sở TT&TT", None)
    cli("trust", "remove", published.key_id)
    unknown = cli.fails("trust", "remove", published.key_id)
    assert published.key_id in unknown.stderr

    [line] = cli("import", published.base, "--json", expect=1).json_lines()
    assert line["status"] == "refused"
    assert line["code"] == "untrusted_key"
    assert (line["added"], line["updated"], line["withdrawn"], line["unchanged"]) == (0, 0, 0, 0)
    assert import_log_rows(data_dir) == []


def test_refused_bundles_leave_the_archive_unchanged(
    cli: Cli, published: Published, library: Library, library_copy: Path, tmp_path: Path
) -> None:
    log_before = import_log_rows(library_copy)
    tampered = tamper(published.next, tmp_path / "usb" / "next.bangtin")
    missing = tmp_path / "usb" / "không-có.bangtin"
    not_bundle = tmp_path / "usb" / "ghi-chú.bangtin"
    not_bundle.write_text("đây không phải gói dữ liệu", encoding="utf-8")

    damaged = cli.fails("import", tampered)
    # The file is named once: by the sentence when it names it, else before it.
    assert damaged.stderr.count(str(tampered)) == 1
    assert "không mong đợi" not in damaged.stderr
    rollback = cli.fails("import", published.old)
    assert f"Gói dữ liệu số {OLD_SEQUENCE} của {PUBLISHER} cũ hơn gói số {DELTA_SEQUENCE}" in (
        rollback.stderr
    )

    lines = cli("import", tampered, published.old, missing, not_bundle, "--json", expect=1)
    codes = [line["code"] for line in lines.json_lines()]
    assert codes[1:] == ["rollback", "file_missing", "not_bundle"]
    assert codes[0] in {
        "bad_signature",
        "bad_json",
        "bad_manifest",
        "hash_mismatch",
        "size_mismatch",
        "not_bundle",
        "unreadable",
    }
    assert {line["status"] for line in lines.json_lines()} == {"refused"}

    assert cli("list", "--json").json() == library.notices
    assert import_log_rows(library_copy) == log_before

    # The genuine bundle still applies after all that.
    [applied] = cli("import", published.next, "--json").json_lines()
    assert (applied["status"], applied["sequence"], applied["added"]) == (
        "imported",
        NEXT_SEQUENCE,
        1,
    )
    assert cli("list", "--limit", "1", "--json").json()[0]["title"] == TB68_TITLE


def test_delta_is_refused_before_its_base_and_applies_after(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    built = published.delta_build
    assert (built["kind"], built["sequence"], built["base_sequence"]) == (
        "delta",
        DELTA_SEQUENCE,
        BASE_SEQUENCE,
    )
    assert (built["notices"], built["withdrawals"]) == (2, 1)

    cli("trust", "add", published.public_key)
    refused = cli.fails("import", published.delta)
    assert f"cần gói số {BASE_SEQUENCE} trước" in refused.stderr
    [line] = cli("--lang", "en", "import", published.delta, "--json", expect=1).json_lines()
    assert line["code"] == "delta_needs_base"
    assert f"needs bundle {BASE_SEQUENCE} first" in line["reason"]
    assert import_log_rows(data_dir) == []

    # One refusal among several files still exits 1; the others are imported.
    result = cli("import", published.delta, published.base, published.delta, "--json", expect=1)
    early, base, delta = result.json_lines()
    assert early["status"] == "refused"
    assert base["status"] == "imported"
    assert (delta["status"], delta["sequence"]) == ("imported", DELTA_SEQUENCE)
    assert (delta["added"], delta["updated"], delta["withdrawn"], delta["unchanged"]) == (
        1,
        1,
        1,
        0,
    )

    notices = cli("list", "--json").json()
    assert ids_of(notices) == LIBRARY_IDS  # cv-312-2023 withdrawn by the delta
    assert notices[0]["title"] == TB52_TITLE
    tb15 = cli("show", "tb-15-2023", "--json").json()
    assert tb15["title"] == TB_TITLE
    assert tb15["updated"] == "2023-04-02T10:00:00+07:00"
    assert "dời sang thứ Sáu" in tb15["body_markdown"]
    assert [row[2:4] for row in import_log_rows(data_dir)] == [
        (BASE_SEQUENCE, "full"),
        (DELTA_SEQUENCE, "delta"),
    ]


def test_messages_in_english(cli: Cli, published: Published, library: Library) -> None:
    refused = cli.fails("--lang", "en", "import", published.base)
    assert "is not trusted" in refused.stderr
    assert "'bangtin trust add'" in refused.stderr
    lib = ("--data-dir", library.data_dir, "--lang", "en")
    again = cli(*lib, "import", published.base)
    assert again.stdout.strip() == f"Bundle {BASE_SEQUENCE} from {PUBLISHER} was imported before."
    missing = cli.fails(*lib, "show", "khong-co")
    assert missing.stderr.strip() == "There is no notice with id 'khong-co' in the archive."
