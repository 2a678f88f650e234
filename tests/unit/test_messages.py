"""The one message catalog, and the one place that turns an error into a sentence."""

from __future__ import annotations

import errno
import sqlite3
import string
from pathlib import Path

import pytest

from db.errors import ArchiveError, BackupError, Damage, ErrorCode
from desktop.bundles.errors import BundleCode, BundleError, ImportCancelled, KeyFileError
from desktop.messages import CATALOG, LANGS, describe, describe_damage, text


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_both_languages_have_the_same_placeholders(key: str) -> None:
    vi, en = CATALOG[key]
    assert placeholders(vi) == placeholders(en), key


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_no_message_is_empty_or_padded(key: str) -> None:
    for template in CATALOG[key]:
        assert template.strip(), key
        assert template == template.strip(), key


def test_every_bundle_code_has_its_sentence() -> None:
    assert {code.value for code in BundleCode} <= set(CATALOG)


def test_text_fills_the_placeholders() -> None:
    assert text("posted_on", "vi", day="27/03/2023") == "Đăng ngày 27/03/2023"
    assert text("posted_on", "en", day="27/03/2023") == "Posted on 27/03/2023"


# -- describe ------------------------------------------------------------------------------

ARCHIVE = "/srv/bangtin/data"


def both(exc: BaseException, **kwargs: str) -> tuple[str, str]:
    vi, en = (describe(exc, lang, **kwargs) for lang in LANGS)
    for sentence in (vi, en):
        assert sentence.strip() and "{" not in sentence and "  " not in sentence, sentence
    return vi, en


@pytest.mark.parametrize(
    ("code", "key"),
    [
        (ErrorCode.BUSY, "busy"),
        (ErrorCode.NEWER, "archive_newer"),
        (ErrorCode.MISSING, "archive_missing"),
        (ErrorCode.DAMAGED, "archive_damaged"),
        (ErrorCode.DISK_FULL, "archive_disk_full"),
        (ErrorCode.READ_ONLY, "archive_read_only"),
        (ErrorCode.IO_ERROR, "archive_io_error"),
    ],
)
def test_archive_errors_by_code(code: ErrorCode, key: str) -> None:
    vi, en = both(ArchiveError(code, "detail"), archive_dir=ARCHIVE)
    assert vi == text(key, "vi", path=ARCHIVE)
    assert en == text(key, "en", path=ARCHIVE)


def test_an_archive_error_names_its_own_folder_when_the_caller_does_not() -> None:
    vi, _ = both(ArchiveError(ErrorCode.DAMAGED, "x", path=ARCHIVE, damage=Damage.BROKEN))
    assert vi == text("archive_damaged", "vi", path=ARCHIVE)
    # With no folder known at all, the sentence still reads well.
    _, en = both(ArchiveError(ErrorCode.DAMAGED, "not a SQLite database"))
    assert en == "The archive is damaged or is not a Bảng Tin archive."


def test_backup_errors() -> None:
    assert both(BackupError(ErrorCode.NO_BACKUP, "/b"))[0] == text("no_backup", "vi", path="/b")
    assert both(BackupError(ErrorCode.BAD_BACKUP, "/b/x"))[1] == text(
        "bad_backup", "en", path="/b/x"
    )
    assert both(BackupError(ErrorCode.MISSING, "/a/archive.sqlite3"), archive_dir=ARCHIVE)[1] == (
        text("archive_missing", "en", path=ARCHIVE)
    )


def test_refused_bundles_and_keys_say_their_own_sentence() -> None:
    refused = BundleError(BundleCode.UNTRUSTED_KEY, key_id="abc")
    assert both(refused) == (refused.message("vi"), refused.message("en"))
    key = KeyFileError("k.pub", "key_not_public")
    assert both(key)[1] == key.message("en")
    assert both(ImportCancelled())[0] == text("cancelled", "vi")


def test_a_real_sqlite_failure_is_described_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("INSERT INTO t VALUES (1)")
    finally:
        conn.close()
    assert both(caught.value, archive_dir=ARCHIVE)[1] == text(
        "archive_read_only", "en", path=ARCHIVE
    )


@pytest.mark.parametrize(
    ("number", "key"),
    [
        (errno.ENOSPC, "os_no_space"),
        (errno.EACCES, "os_no_permission"),
        (errno.EROFS, "os_read_only"),
        (errno.ENOENT, "file_missing"),
        (errno.EPIPE, "os_pipe"),
        (errno.EIO, "os_error"),
    ],
)
def test_operating_system_errors(number: int, key: str) -> None:
    exc = OSError(number, "reason", "/x/y.pdf")
    _, en = both(exc)
    assert en == text(key, "en", path="/x/y.pdf", reason="reason")


def test_an_os_error_without_a_file_name_still_reads_well() -> None:
    assert both(OSError(errno.ENOSPC, "No space left on device"))[1] == (
        "There is not enough disk space to write the file."
    )
    assert both(OSError(errno.ENOENT, "gone"))[1] == "Could not use the file: gone."


def test_memory_and_recursion() -> None:
    assert both(MemoryError())[0] == text("out_of_memory", "vi")
    assert both(RecursionError("maximum recursion depth exceeded"))[1] == text("too_deep", "en")


def test_anything_else_is_named_by_its_type_and_first_line() -> None:
    _, en = both(ValueError("bad value\nsecond line"))
    assert en == "Unexpected error: ValueError: bad value."


@pytest.mark.parametrize(
    ("damage", "key"),
    [
        (Damage.NOT_SQLITE, "damaged_not_sqlite"),
        (Damage.FOREIGN, "damaged_foreign"),
        (Damage.BROKEN, "damaged_broken"),
    ],
)
def test_the_kind_of_damage_by_its_code(damage: Damage, key: str) -> None:
    exc = ArchiveError(ErrorCode.DAMAGED, "any words at all", damage=damage)
    assert describe_damage(exc, "en") == text(key, "en")


def test_a_damaged_file_over_garbage_says_it_is_no_database(tmp_path: Path) -> None:
    from db.archive import DB_NAME, open_archive

    (tmp_path / DB_NAME).write_bytes(b"\x17" * 8192)
    with pytest.raises(ArchiveError) as caught:
        open_archive(tmp_path)
    assert describe_damage(caught.value, "vi") == text("damaged_not_sqlite", "vi")


# -- the window is never sent to a terminal -------------------------------------------------


def corrupt() -> sqlite3.DatabaseError:
    """SQLite's own error for damaged pages, as a read meets it."""
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = sqlite3.SQLITE_CORRUPT
    return error


WINDOW_CASES = [
    BundleError(BundleCode.WEAK_KEY, key_id="abcd1234"),
    BundleError(BundleCode.PUBLISHER_KEY_BOUND, publisher="so-gd", bound="1111", key_id="2222"),
    BundleError(BundleCode.IMPORT_DAMAGED_ARCHIVE),
    BackupError(ErrorCode.DAMAGED),
    corrupt(),
]


@pytest.mark.parametrize("exc", WINDOW_CASES, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("lang", LANGS)
def test_the_window_names_a_button_or_whom_to_ask_the_cli_its_command(
    exc: BaseException, lang: str
) -> None:
    window = describe(exc, lang, archive_dir="/kho")
    said = describe(exc, lang, archive_dir="/kho", cli=True)
    assert "bangtin " not in window, window
    assert "bangtin " in said, said
    assert any(
        words in window
        for words in ("Khóa tin cậy…", "Trusted keys…", "Khôi phục bản sao lưu", "Restore the")
        + ("hỏi tỉnh", "Ask the province")
    ), window
