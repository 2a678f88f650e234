"""Every word of the core, the command line, the article page and print, in Vietnamese and English.

The window translates its own strings with Qt Linguist; the core has no Qt,
so the sentences it reports (why a bundle was refused, what an import did)
and the words on the pages it renders live here, keyed by a stable code.
Each sentence is one clear sentence, with the same {placeholders} in both
languages (tests/unit/test_messages.py checks it).

`describe(exc, lang)` is the one place that turns an error into a sentence.

This module imports nothing heavy: the window imports it before first paint.
"""

from __future__ import annotations

import errno
from os import PathLike
from typing import Any

DEFAULT_LANG = "vi"
LANGS = ("vi", "en")

CATALOG: dict[str, tuple[str, str]] = {
    # Reading a bundle
    "unreadable": (
        "Không đọc được tệp gói dữ liệu {path}: tệp bị hỏng, bị cắt cụt hoặc đã bị rút ra.",
        "The bundle file {path} could not be read: it is damaged, truncated or was removed.",
    ),
    "not_bundle": (
        "Tệp {path} không phải là gói dữ liệu Bảng Tin.",
        "The file {path} is not a Bảng Tin bundle.",
    ),
    "newer_format": (
        "Gói dữ liệu này được tạo bởi phiên bản Bảng Tin mới hơn, vui lòng cập nhật Bảng Tin.",
        "This bundle was made by a newer Bảng Tin, please update Bảng Tin.",
    ),
    "untrusted_key": (
        "Gói dữ liệu được ký bằng khóa {key_id} chưa được tin cậy; "
        "hãy thêm khóa công khai của đơn vị phát hành bằng lệnh «bangtin trust add».",
        "The bundle is signed with key {key_id}, which is not trusted; "
        "add the publisher's public key with 'bangtin trust add'.",
    ),
    "bad_signature": (
        "Chữ ký của gói dữ liệu không hợp lệ: gói đã bị sửa đổi hoặc bị hỏng.",
        "The bundle's signature is not valid: the bundle was altered or is damaged.",
    ),
    "key_publisher_mismatch": (
        "Khóa {key_id} chỉ được dùng cho đơn vị «{bound}», "
        "nhưng gói dữ liệu ghi đơn vị «{claimed}».",
        "Key {key_id} signs for publisher '{bound}', but the bundle claims '{claimed}'.",
    ),
    "bad_entry_name": (
        "Gói dữ liệu chứa mục không được phép: «{name}».",
        "The bundle contains an entry that is not allowed: '{name}'.",
    ),
    "duplicate_entry": (
        "Gói dữ liệu chứa hai mục trùng tên «{name}».",
        "The bundle contains two entries named '{name}'.",
    ),
    "link_entry": (
        "Gói dữ liệu chứa liên kết tượng trưng «{name}», điều này không được phép.",
        "The bundle contains a symbolic link '{name}', which is not allowed.",
    ),
    "dir_entry": (
        "Gói dữ liệu chứa thư mục «{name}», điều này không được phép.",
        "The bundle contains a directory entry '{name}', which is not allowed.",
    ),
    "encrypted_entry": (
        "Gói dữ liệu chứa mục được mã hóa «{name}», điều này không được phép.",
        "The bundle contains an encrypted entry '{name}', which is not allowed.",
    ),
    "unsupported_compression": (
        "Mục «{name}» trong gói dữ liệu dùng kiểu nén không được hỗ trợ.",
        "The entry '{name}' uses a compression method that is not supported.",
    ),
    "unlisted_entry": (
        "Gói dữ liệu chứa mục «{name}» không có trong danh mục đã ký.",
        "The bundle contains an entry '{name}' that its signed manifest does not list.",
    ),
    "missing_entry": (
        "Gói dữ liệu thiếu mục «{name}» mà danh mục đã ký liệt kê.",
        "The bundle lacks the entry '{name}' that its signed manifest lists.",
    ),
    "too_large": (
        "Mục «{name}» trong gói dữ liệu lớn quá mức cho phép.",
        "The entry '{name}' in the bundle is larger than allowed.",
    ),
    "bomb": (
        "Mục «{name}» trong gói dữ liệu có tỷ lệ nén bất thường (nghi là bom nén).",
        "The entry '{name}' has an abnormal compression ratio (a suspected zip bomb).",
    ),
    "size_mismatch": (
        "Mục «{name}» trong gói dữ liệu có kích thước khác với danh mục đã ký.",
        "The entry '{name}' does not have the size its signed manifest declares.",
    ),
    "hash_mismatch": (
        "Mục «{name}» trong gói dữ liệu có mã băm khác với danh mục đã ký.",
        "The entry '{name}' does not have the hash its signed manifest declares.",
    ),
    "bad_json": (
        "Mục «{name}» trong gói dữ liệu không phải là JSON UTF-8 hợp lệ.",
        "The entry '{name}' is not valid UTF-8 JSON.",
    ),
    "bad_manifest": (
        "Danh mục của gói dữ liệu không hợp lệ: {detail}.",
        "The bundle's manifest is not valid: {detail}.",
    ),
    "bad_notice": (
        "Văn bản «{id}» trong gói dữ liệu không hợp lệ: {detail}.",
        "The notice '{id}' in the bundle is not valid: {detail}.",
    ),
    # Which bundles apply
    "already": (
        "Gói dữ liệu số {sequence} của {publisher} đã nhập trước đó.",
        "Bundle {sequence} from {publisher} was imported before.",
    ),
    "rollback": (
        "Gói dữ liệu số {sequence} của {publisher} cũ hơn gói số {last} đã nhập; "
        "không thể nhập lại gói cũ.",
        "Bundle {sequence} from {publisher} is older than bundle {last}, already imported; "
        "an older bundle cannot be applied.",
    ),
    "delta_needs_base": (
        "Gói bổ sung số {sequence} của {publisher} cần gói số {base} trước "
        "(kho hiện có gói số {last}); hãy nhập gói số {base} hoặc một gói đầy đủ.",
        "Delta bundle {sequence} from {publisher} needs bundle {base} first "
        "(the archive has bundle {last}); import bundle {base} or a full bundle.",
    ),
    "no_space": (
        "Không đủ dung lượng đĩa để nhập gói dữ liệu này (cần khoảng {needed} MB).",
        "Not enough disk space to import this bundle (about {needed} MB needed).",
    ),
    "busy": (
        "Kho dữ liệu đang được một chương trình Bảng Tin khác sử dụng; vui lòng thử lại sau.",
        "The archive is in use by another Bảng Tin program; please try again later.",
    ),
    "cancelled": (
        "Đã hủy nhập gói dữ liệu; kho dữ liệu không thay đổi.",
        "The import was cancelled; the archive is unchanged.",
    ),
    "imported": (
        "Đã nhập gói số {sequence} của {publisher}: thêm {added}, cập nhật {updated}, "
        "thu hồi {withdrawn}, không đổi {unchanged}.",
        "Imported bundle {sequence} from {publisher}: {added} added, {updated} updated, "
        "{withdrawn} withdrawn, {unchanged} unchanged.",
    ),
    # The archive
    "archive_damaged": (
        "Kho dữ liệu {path} bị hỏng hoặc không phải kho của Bảng Tin.",
        "The archive {path} is damaged or is not a Bảng Tin archive.",
    ),
    "archive_newer": (
        "Kho dữ liệu {path} được tạo bởi phiên bản Bảng Tin mới hơn, vui lòng cập nhật Bảng Tin.",
        "The archive {path} was made by a newer Bảng Tin, please update Bảng Tin.",
    ),
    "archive_missing": (
        "Chưa có kho dữ liệu tại {path}.",
        "There is no archive at {path}.",
    ),
    "archive_read_only": (
        "Không ghi được vào kho dữ liệu {path}: tệp hoặc thư mục chỉ cho đọc, "
        "hoặc tài khoản này không có quyền ghi. Kho dữ liệu không bị hỏng.",
        "The archive {path} cannot be written: the file or its folder is read-only, "
        "or this account may not write there. The archive is not damaged.",
    ),
    "archive_io_error": (
        "Ổ đĩa chứa kho dữ liệu {path} báo lỗi đọc ghi; hãy kiểm tra ổ đĩa hoặc cáp nối "
        "rồi thử lại.",
        "The disk holding the archive {path} reported a read or write error; "
        "check the disk or its cable and try again.",
    ),
    "archive_disk_full": (
        "Không đủ dung lượng đĩa để ghi vào kho dữ liệu {path}; kho dữ liệu không thay đổi.",
        "There is not enough disk space to write to the archive {path}; the archive is unchanged.",
    ),
    # Publishing
    "source_errors": (
        "Thư mục nguồn có {count} lỗi; chưa tạo gói dữ liệu nào.",
        "The source folder has {count} errors; no bundle was written.",
    ),
    "bad_key": (
        "Không đọc được khóa {path}: {detail}.",
        "The key {path} could not be read: {detail}.",
    ),
    "bad_sequence": (
        "Số thứ tự gói {sequence} phải lớn hơn số của gói nền {since}.",
        "The bundle sequence {sequence} must be larger than the base bundle's {since}.",
    ),
    "key_exists": (
        "Đã có khóa tại {path}; không ghi đè.",
        "A key already exists at {path}; it was not overwritten.",
    ),
    # Printing from the command line
    "pdf_written": ("Đã ghi {pages} trang vào {path}.", "Wrote {pages} pages to {path}."),
    "pdf_failed": (
        "Không ghi được tệp PDF {path}: {reason}.",
        "Could not write the PDF {path}: {reason}.",
    ),
    "no_folder": ("thư mục không tồn tại", "the folder does not exist"),
    # The command line
    "upgrading": (
        "Đang nâng cấp kho dữ liệu cho phiên bản Bảng Tin này "
        "(chỉ một lần; kho lớn có thể mất vài phút)…",
        "Upgrading the archive for this version of Bảng Tin "
        "(once only; a large archive can take a few minutes)…",
    ),
    "usage": (
        "Lệnh không đúng cú pháp: {detail}. Xem «bangtin --help».",
        "Wrong command syntax: {detail}. See 'bangtin --help'.",
    ),
    "not_found": (
        "Không có văn bản mã «{id}» trong kho dữ liệu.",
        "There is no notice with id '{id}' in the archive.",
    ),
    "file_missing": (
        "Không tìm thấy tệp {path}.",
        "The file {path} was not found.",
    ),
    "verified": (
        "Gói dữ liệu số {sequence} của {publisher} hợp lệ và có thể nhập.",
        "Bundle {sequence} from {publisher} is valid and can be imported.",
    ),
    "built": (
        "Đã tạo gói dữ liệu số {sequence} ({kind}) gồm {notices} văn bản, {withdrawals} thu hồi, "
        "{attachments} tệp đính kèm: {path}",
        "Built bundle {sequence} ({kind}) with {notices} notices, {withdrawals} withdrawals, "
        "{attachments} attachments: {path}",
    ),
    "key_written": (
        "Đã tạo khóa {key_id}: khóa bí mật {private} (giữ kín), khóa công khai {public}.",
        "Created key {key_id}: private key {private} (keep it secret), public key {public}.",
    ),
    "trusted": (
        "Đã tin cậy khóa {key_id} ({name}).",
        "Key {key_id} ({name}) is now trusted.",
    ),
    "trusted_already": (
        "Khóa {key_id} đã được tin cậy từ trước.",
        "Key {key_id} was trusted already.",
    ),
    "untrusted": (
        "Đã bỏ tin cậy khóa {key_id}.",
        "Key {key_id} is no longer trusted.",
    ),
    "unknown_key": (
        "Không có khóa tin cậy nào mã {key_id}.",
        "No trusted key has the id {key_id}.",
    ),
    "no_keys": (
        "Chưa tin cậy khóa nào.",
        "No key is trusted yet.",
    ),
    "empty_list": (
        "Không có văn bản nào.",
        "There are no notices.",
    ),
    "did_you_mean": (
        "Có phải bạn muốn tìm: {query}",
        "Did you mean: {query}",
    ),
    "no_display": (
        "Không mở được cửa sổ: máy này không có màn hình đồ họa.",
        "The window cannot open: this machine has no graphical display.",
    ),
    "unexpected": (
        "Lỗi không mong đợi: {detail}.",
        "Unexpected error: {detail}.",
    ),
    # Errors of the operating system, and the last resorts
    "the_file": ("tệp", "the file"),
    "os_no_space": (
        "Không đủ dung lượng đĩa để ghi {path}.",
        "There is not enough disk space to write {path}.",
    ),
    "os_no_permission": (
        "Không có quyền truy cập {path}.",
        "Permission to use {path} was denied.",
    ),
    "os_read_only": (
        "Không ghi được {path}: ổ đĩa chỉ cho đọc.",
        "Cannot write {path}: the disk is read-only.",
    ),
    "os_pipe": (
        "Chương trình nhận kết quả đã đóng trước khi đọc hết.",
        "The program reading the output closed it before the end.",
    ),
    "os_error": (
        "Không dùng được {path}: {reason}.",
        "Could not use {path}: {reason}.",
    ),
    "out_of_memory": (
        "Máy không đủ bộ nhớ để làm việc này; hãy đóng bớt chương trình khác rồi thử lại.",
        "The computer ran out of memory for this; close other programs and try again.",
    ),
    "too_deep": (
        "Nội dung lồng nhau quá sâu nên không xử lý được.",
        "The content is nested too deeply to be processed.",
    ),
    "stage_notices": ("Đang ghi văn bản", "Writing notices"),
    "stage_attachments": ("Đang ghi tệp đính kèm", "Writing attachments"),
    "stage_staging": ("Đang sao chép và kiểm tra gói", "Copying and checking the bundle"),
    "stage_applying": ("Đang ghi vào kho dữ liệu", "Writing to the archive"),
    "stage_indexing": ("Đang lập chỉ mục tìm kiếm", "Indexing for search"),
    "stage_done": ("Xong", "Done"),
    "reindexed": (
        "Đã lập lại chỉ mục tìm kiếm cho {count} văn bản.",
        "Rebuilt the search index for {count} notices.",
    ),
    # Reliability: a full disk, backups, restore and check
    "disk_full": (
        "Không đủ dung lượng đĩa: ổ đĩa đã đầy trong lúc nhập gói dữ liệu; "
        "kho dữ liệu không thay đổi.",
        "Not enough disk space: the disk filled up during the import; the archive is unchanged.",
    ),
    "stage_backup": ("Đang sao lưu kho dữ liệu", "Backing up the archive"),
    "backup_taken": (
        "Đã sao lưu kho dữ liệu vào {path}.",
        "The archive was backed up to {path}.",
    ),
    "no_backup": (
        "Chưa có bản sao lưu nào trong {path}.",
        "There is no backup in {path}.",
    ),
    "bad_backup": (
        "Bản sao lưu {path} bị hỏng; kho dữ liệu không thay đổi.",
        "The backup {path} is damaged; the archive is unchanged.",
    ),
    "restored": (
        "Đã khôi phục kho dữ liệu từ {source}; tệp cũ được giữ lại tại {aside}.",
        "The archive was restored from {source}; the old file was kept at {aside}.",
    ),
    "restored_fresh": (
        "Đã khôi phục kho dữ liệu từ {source}.",
        "The archive was restored from {source}.",
    ),
    "check_ok": (
        "Kho dữ liệu {path} không có lỗi (phiên bản cấu trúc {revision}).",
        "The archive {path} is sound (schema revision {revision}).",
    ),
    "check_damaged": (
        "Kho dữ liệu {path} bị hỏng ({detail}); hãy khôi phục bằng lệnh «bangtin restore».",
        "The archive {path} is damaged ({detail}); restore it with 'bangtin restore'.",
    ),
    # The window's way out of a damaged archive (shown at start)
    "damaged_title": ("Kho dữ liệu bị hỏng", "The archive is damaged"),
    "damaged_explain": (
        "Không mở được kho dữ liệu {path}: {reason}. "
        "Tệp hỏng sẽ được giữ lại bên cạnh, không bị xóa.",
        "The archive {path} cannot be opened: {reason}. "
        "The damaged file will be kept beside it, not deleted.",
    ),
    "damaged_not_sqlite": (
        "tệp không còn là cơ sở dữ liệu (có thể đã bị ghi đè)",
        "the file is no longer a database (it may have been overwritten)",
    ),
    "damaged_foreign": (
        "tệp là cơ sở dữ liệu của một chương trình khác",
        "the file is another program's database",
    ),
    "damaged_broken": (
        "tệp bị hỏng hoặc bị cắt cụt (có thể do mất điện hoặc lỗi ổ đĩa)",
        "the file is damaged or truncated (perhaps a power cut or a failing disk)",
    ),
    "damaged_backup_note": (
        "Bản sao lưu mới nhất: {name}.",
        "The newest backup: {name}.",
    ),
    "damaged_no_backup_note": (
        "Chưa có bản sao lưu nào; chỉ có thể tạo kho dữ liệu mới.",
        "There is no backup yet; only a new archive can be started.",
    ),
    "damaged_restore": ("Khôi phục bản sao lưu", "Restore the backup"),
    "damaged_new": ("Tạo kho dữ liệu mới", "Start a new archive"),
    "damaged_later": ("Để sau", "Not now"),
    "damaged_restored": (
        "Đã khôi phục bản sao lưu {name}; tệp hỏng được giữ tại {aside}.",
        "Restored the backup {name}; the damaged file was kept at {aside}.",
    ),
    "damaged_started_new": (
        "Đã tạo kho dữ liệu mới; tệp hỏng được giữ tại {aside}.",
        "Started a new archive; the damaged file was kept at {aside}.",
    ),
    "damaged_recovery_failed": (
        "Không khôi phục được kho dữ liệu: {detail}.",
        "The archive could not be recovered: {detail}.",
    ),
    # The article page (desktop/render/article.py)
    "posted_on": ("Đăng ngày {day}", "Posted on {day}"),
    "label_views": ("Lượt xem", "Views"),
    "label_number": ("Số ký hiệu", "Number"),
    "label_doc_type": ("Loại văn bản", "Document type"),
    "label_issuer": ("Cơ quan ban hành", "Issued by"),
    "label_issued": ("Ngày ban hành", "Issued on"),
    "label_summary": ("Trích yếu", "Summary"),
    "label_attachments": ("Tệp đính kèm", "Attachments"),
    "label_withdrawn": ("Văn bản này đã bị thu hồi", "This document has been withdrawn"),
    # The printed page (desktop/render/printtemplate.py)
    "print_number": ("Số: {number}", "No.: {number}"),
    "print_updated": ("Cập nhật ngày {day}", "Updated on {day}"),
    "print_printed": ("In ngày {when}", "Printed on {when}"),
    "print_source": ("Nguồn: {publisher}", "Source: {publisher}"),
    "print_withdrawn": ("VĂN BẢN NÀY ĐÃ BỊ THU HỒI", "THIS NOTICE HAS BEEN WITHDRAWN"),
    "print_attachments": ("Tệp đính kèm:", "Attachments:"),
    "print_index_title": ("DANH MỤC VĂN BẢN", "LIST OF NOTICES"),
    "print_index_count": ("Gồm {count} văn bản", "{count} notices"),
    "print_col_no": ("STT", "No."),
    "print_col_title": ("Tên văn bản", "Title"),
    "print_col_number": ("Số ký hiệu", "Number"),
    "print_col_date": ("Ngày đăng", "Posted"),
    "app_name": ("Bảng Tin", "Bảng Tin"),
}


def text(code: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The sentence for *code* in *lang*, with *params* filled in."""
    vi, en = CATALOG[code]
    template = en if lang == "en" else vi
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


# -- errors as sentences --------------------------------------------------------------------

#: The sentence for each archive error code (db.errors.ErrorCode values).
_ARCHIVE_SENTENCES = {
    "busy": "busy",
    "newer": "archive_newer",
    "missing": "archive_missing",
    "damaged": "archive_damaged",
    "disk_full": "archive_disk_full",
    "read_only": "archive_read_only",
    "io_error": "archive_io_error",
}


def describe(
    exc: BaseException,
    lang: str = DEFAULT_LANG,
    *,
    archive_dir: str | PathLike[str] | None = None,
) -> str:
    """One sentence in *lang* that says what went wrong, for any exception.

    Covers the archive's and backups' errors (by code), refused bundles and
    key files, SQLite failures (sorted by SQLite's result code), the usual
    operating-system errors, running out of memory or stack, and, last, any
    other error by its type and first line. *archive_dir* names the archive
    in the sentences about it when the error does not carry its own path.
    """
    # Imported here: db.errors and the bundle errors import this module's callers.
    from db.errors import ArchiveError, BackupError, ErrorCode, classify
    from desktop.bundles.errors import BundleError, ImportCancelled, KeyFileError

    if isinstance(exc, BundleError | KeyFileError):
        return exc.message(lang)
    if isinstance(exc, ImportCancelled):
        return text("cancelled", lang)
    if isinstance(exc, ArchiveError):
        named = exc.detail if exc.code is ErrorCode.MISSING else None
        return _archive_sentence(exc.code, lang, archive_dir or exc.path or named)
    if isinstance(exc, BackupError):
        if exc.code is ErrorCode.NO_BACKUP:
            return text("no_backup", lang, path=exc.detail)
        if exc.code is ErrorCode.MISSING:
            return _archive_sentence(exc.code, lang, archive_dir or exc.detail)
        return text("bad_backup", lang, path=exc.detail)
    code = classify(exc)
    if code is not None:
        return _archive_sentence(code, lang, archive_dir)
    if isinstance(exc, OSError):
        return _os_sentence(exc, lang)
    if isinstance(exc, MemoryError):
        return text("out_of_memory", lang)
    if isinstance(exc, RecursionError):
        return text("too_deep", lang)
    first_line = (str(exc).strip().splitlines() or [""])[0][:300]
    return text("unexpected", lang, detail=f"{type(exc).__name__}: {first_line}")


def describe_damage(exc: BaseException, lang: str = DEFAULT_LANG) -> str:
    """What is wrong with a damaged archive file, by `ArchiveError.damage`.

    The reason in the window's offer to restore a backup ("damaged_explain").
    """
    key = _DAMAGE_SENTENCES.get(str(getattr(exc, "damage", None)), "damaged_broken")
    return text(key, lang)


#: The reason for each kind of damage (db.errors.Damage values).
_DAMAGE_SENTENCES = {"not_sqlite": "damaged_not_sqlite", "foreign": "damaged_foreign"}


def _archive_sentence(code: str, lang: str, where: str | PathLike[str] | None) -> str:
    sentence = text(_ARCHIVE_SENTENCES.get(code, "archive_damaged"), lang, path=where or "")
    # Without a path, "Kho dữ liệu {path} bị hỏng" must not keep a double space.
    return sentence if where else " ".join(sentence.split())


def _os_sentence(exc: OSError, lang: str) -> str:
    named = exc.filename if exc.filename not in (None, "") else None
    path = str(named) if named is not None else text("the_file", lang)
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return text("os_no_space", lang, path=path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return text("os_no_permission", lang, path=path)
    if exc.errno == errno.EROFS:
        return text("os_read_only", lang, path=path)
    if exc.errno == errno.EPIPE:
        return text("os_pipe", lang)
    if exc.errno == errno.ENOENT and named is not None:
        return text("file_missing", lang, path=path)
    return text("os_error", lang, path=path, reason=reason)
