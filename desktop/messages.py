"""Messages of the core and the command line, in Vietnamese and English.

The window translates its own strings with Qt Linguist; the core has no Qt,
so the sentences it reports (why a bundle was refused, what an import did)
live here, keyed by a stable code. Each is one clear sentence.
"""

from __future__ import annotations

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
    "no_display": (
        "Không mở được cửa sổ: máy này không có màn hình đồ họa.",
        "The window cannot open: this machine has no graphical display.",
    ),
    "unexpected": (
        "Lỗi không mong đợi: {detail}.",
        "Unexpected error: {detail}.",
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
    # Backups that cannot rot (issue 13): verified, ordered, within budget, locked
    "import_damaged_archive": (
        "Không nhập gói dữ liệu vì kho dữ liệu bị hỏng (có trang dữ liệu không đọc được); "
        "kho dữ liệu không thay đổi, hãy khôi phục bản sao lưu bằng lệnh «bangtin restore».",
        "The bundle was not imported because the archive is damaged (some of its pages "
        "cannot be read); the archive is unchanged, restore a backup with 'bangtin restore'.",
    ),
    "archive_pages_damaged": (
        "Kho dữ liệu {path} bị hỏng (có trang dữ liệu không đọc được); "
        "hãy khôi phục bằng lệnh «bangtin restore».",
        "The archive {path} is damaged (some of its pages cannot be read); "
        "restore it with 'bangtin restore'.",
    ),
    "archive_replaced": (
        "Kho dữ liệu vừa được một chương trình khác khôi phục từ bản sao lưu; "
        "gói dữ liệu chưa được nhập, hãy mở lại Bảng Tin rồi nhập lại.",
        "Another program has just restored the archive from a backup; "
        "the bundle was not imported, open Bảng Tin again and import it again.",
    ),
    "archive_wal_missing": (
        "Tệp nhật ký {path}-wal đã bị xóa trong khi một chương trình Bảng Tin khác đang mở "
        "kho dữ liệu; không có gì bị mất, hãy đóng chương trình đó rồi thử lại.",
        "The journal file {path}-wal was deleted while another Bảng Tin program had the "
        "archive open; nothing is lost, close that program and try again.",
    ),
    "stage_waiting": (
        "Đang chờ chương trình khác nhập xong",
        "Waiting for another program's import",
    ),
    "restore_busy": (
        "Đang có chương trình nhập gói dữ liệu vào kho {path}; chưa khôi phục gì, "
        "hãy thử lại khi nhập xong.",
        "A bundle is being imported into the archive {path}; nothing was restored, "
        "try again when the import has finished.",
    ),
    "backup_damaged": (
        "Kho dữ liệu {path} bị hỏng (có trang dữ liệu không đọc được) nên không sao lưu; "
        "các bản sao lưu cũ được giữ nguyên, hãy khôi phục bằng lệnh «bangtin restore».",
        "The archive {path} is damaged (some of its pages cannot be read), so it was not "
        "backed up; the older backups are kept, restore one with 'bangtin restore'.",
    ),
    "backup_no_space": (
        "Không đủ dung lượng đĩa để sao lưu kho dữ liệu (cần khoảng {needed} MB, "
        "còn {free} MB); kho dữ liệu và bản sao lưu mới nhất không thay đổi.",
        "Not enough disk space to back up the archive (about {needed} MB needed, "
        "{free} MB free); the archive and the newest backup are unchanged.",
    ),
    "backup_disk_full": (
        "Ổ đĩa đã đầy trong lúc sao lưu; bản sao lưu dở dang đã được xóa, "
        "kho dữ liệu không thay đổi.",
        "The disk filled up during the backup; the partial copy was removed "
        "and the archive is unchanged.",
    ),
    "backup_pruned": (
        "Đã xóa {count} bản sao lưu cũ nhất (Bảng Tin giữ tối đa {keep} bản, "
        "trong giới hạn dung lượng đĩa).",
        "Removed the {count} oldest backups (Bảng Tin keeps at most {keep}, "
        "within the disk's free space).",
    ),
    "prune_done": (
        "Đã xóa {removed} bản sao lưu cũ; còn giữ {kept} bản ({size} MB).",
        "Removed {removed} older backups; {kept} kept ({size} MB).",
    ),
    "sequence_state_unreadable": (
        "Không đọc được tệp ghi số thứ tự gói {path}; chưa tạo gói dữ liệu nào, "
        "hãy sửa hoặc chép lại tệp đó từ bản lưu.",
        "The bundle sequence file {path} cannot be read; no bundle was written, "
        "repair that file or copy it back from a saved copy.",
    ),
    "sequence_state_unwritable": (
        "Không ghi được số thứ tự gói vào {path} (thư mục của khóa không ghi được?); "
        "chưa tạo gói dữ liệu nào.",
        "The bundle sequence could not be recorded in {path} (is the key's folder "
        "read-only?); no bundle was written.",
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
}


def text(code: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The sentence for *code* in *lang*, with *params* filled in."""
    vi, en = CATALOG[code]
    template = en if lang == "en" else vi
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
