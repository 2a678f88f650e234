"""The command line: publishing, key files, printing, and what each command says.

Each entry: key -> (Vietnamese, English), with the same {placeholders} in both.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
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
    # Why a key file was refused: the {detail} of "bad_key"
    "key_unreadable": (
        "tệp không đọc được hoặc không phải văn bản UTF-8",
        "the file cannot be read or is not UTF-8 text",
    ),
    "key_missing": ("không có tệp này", "there is no such file"),
    "key_is_folder": (
        "đây là một thư mục, không phải tệp khóa",
        "it is a folder, not a key file",
    ),
    "key_too_large": (
        "tệp lớn hơn {limit} byte, không tệp khóa nào lớn như vậy",
        "the file is larger than {limit} bytes, which no key file is",
    ),
    "key_not_private": (
        "đây không phải là khóa bí mật Ed25519 không mật khẩu",
        "it is not an unencrypted Ed25519 private key",
    ),
    "key_not_public": (
        "đây không phải là khóa công khai dạng «bangtin-ed25519 …»",
        "it is not a public key of the form 'bangtin-ed25519 …'",
    ),
    "key_bad_base64": (
        "phần khóa không phải là base64 hợp lệ",
        "the key part is not valid base64",
    ),
    "key_wrong_length": (
        "khóa công khai Ed25519 phải dài đúng 32 byte",
        "an Ed25519 public key is exactly 32 bytes long",
    ),
    "key_non_canonical": (
        "khóa công khai không ở dạng chuẩn của Ed25519",
        "the public key is not canonically encoded",
    ),
    "key_off_curve": (
        "khóa công khai không phải là một điểm trên đường cong Ed25519",
        "the public key is not a point on the Ed25519 curve",
    ),
    "key_small_order": (
        "khóa công khai là một điểm bậc nhỏ, với nó ai cũng giả được chữ ký",
        "the public key is a small-order point, with which anyone can forge signatures",
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
    "reason_no_permission": (
        "không có quyền ghi vào thư mục này",
        "there is no permission to write in that folder",
    ),
    "reason_read_only": ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
    "reason_no_space": ("không đủ dung lượng đĩa", "there is not enough disk space"),
    "reason_not_opened": ("không mở được tệp để ghi", "the file could not be opened for writing"),
    "screenshot_failed": (
        "Không ghi được ảnh chụp cửa sổ {path}: {reason}.",
        "Could not write the window's picture {path}: {reason}.",
    ),
    "screenshot_not_made": (
        "Không chụp được cửa sổ vào {path}.",
        "The window's picture was not saved to {path}.",
    ),
    # The command line
    "upgrading": (
        "Đang nâng cấp kho dữ liệu cho phiên bản Bảng Tin này "
        "(chỉ một lần; kho lớn có thể mất vài phút)…",
        "Upgrading the archive for this version of Bảng Tin "
        "(once only; a large archive can take a few minutes)…",
    ),
    "usage": (
        "Lệnh không đúng cú pháp: {detail}. Xem «{command} --help».",
        "Wrong command syntax: {detail}. See '{command} --help'.",
    ),
    "not_found": (
        "Không có văn bản mã «{id}» trong kho dữ liệu.",
        "There is no notice with id '{id}' in the archive.",
    ),
    "category_unknown": (
        "Không có chuyên mục «{category}»; các chuyên mục hiện có: {paths}.",
        "There is no category '{category}'; the categories are: {paths}.",
    ),
    "category_ambiguous": (
        "«{category}» là tên của nhiều chuyên mục: {paths}; hãy ghi tên đầy đủ.",
        "'{category}' names several categories: {paths}; give the full path.",
    ),
    "migrated_to": (
        "Đã chuyển kho dữ liệu vào {where}: {notices} văn bản, {files} tệp đính kèm; "
        "số dòng của cả {tables} bảng đã được đếm lại trên máy chủ và khớp.",
        "The archive was moved into {where}: {notices} notices, {files} attached files; "
        "the rows of all {tables} tables were counted again on the server and match.",
    ),
    "migrated_files_missing": (
        "{missing} tệp đính kèm không còn (hoặc đã hỏng) trong thư mục dữ liệu của máy này "
        "nên không được chuyển; hãy nhập lại gói dữ liệu có các tệp đó.",
        "{missing} attached files were missing (or damaged) in this computer's data folder "
        "and were not moved; import the bundles that carry them again.",
    ),
    "migrated_next": (
        "Từ nay hãy dùng «bangtin --database {word} …», hoặc đặt biến môi trường "
        "BANGTIN_DATABASE_URL; kho dữ liệu trên máy này được giữ nguyên.",
        "From now on use 'bangtin --database {word} …', or set the environment variable "
        "BANGTIN_DATABASE_URL; the archive on this computer is kept as it was.",
    ),
    "migrate_target_not_empty": (
        "Cơ sở dữ liệu {where} không trống; chỉ chuyển kho dữ liệu vào một cơ sở dữ liệu "
        "trống, chưa có gì được chép.",
        "The database {where} is not empty; an archive is moved only into an empty database, "
        "nothing was copied.",
    ),
    "migrate_not_postgresql": (
        "{url} không phải địa chỉ cơ sở dữ liệu PostgreSQL (dạng postgresql://NGƯỜI_DÙNG@MÁY/TÊN).",
        "{url} is not a PostgreSQL database address (as postgresql://USER@HOST/NAME).",
    ),
    "migrate_from_server": (
        "«migrate-to» chuyển kho dữ liệu trên máy này; đừng dùng kèm «--database».",
        "'migrate-to' moves the archive on this computer; do not give '--database' with it.",
    ),
    "migrate_no_archive": (
        "Không có kho dữ liệu ở {path} để chuyển lên máy chủ; nếu cơ quan chưa có kho dữ liệu "
        "nào, hãy tạo kho trên máy chủ bằng «bangtin --database {word} init».",
        "There is no archive in {path} to move onto the server; if the office has no archive "
        "yet, make one on the server with 'bangtin --database {word} init'.",
    ),
    "migrate_count_mismatch": (
        "Số dòng của bảng {table} không khớp ({read} đọc, {written} ghi); chưa có gì được giữ "
        "lại trên máy chủ.",
        "The rows of the table {table} do not match ({read} read, {written} written); nothing "
        "was kept on the server.",
    ),
    "no_archive_on_server": (
        "Cơ sở dữ liệu {path} chưa có kho dữ liệu; nếu đúng là cơ sở dữ liệu này, hãy tạo kho "
        "bằng «bangtin --database {word} init».",
        "The database {path} holds no archive yet; if that is the right database, create the "
        "archive with 'bangtin --database {word} init'.",
    ),
    "no_archive_here": (
        "Không có kho dữ liệu ở {path}; nếu đúng là thư mục này, hãy tạo kho dữ liệu mới "
        "bằng «bangtin --data-dir {word} init».",
        "There is no archive in {path}; if that is the right folder, create a new archive "
        "with 'bangtin --data-dir {word} init'.",
    ),
    "archive_created": (
        "Đã tạo kho dữ liệu mới ở {path}.",
        "Created a new archive in {path}.",
    ),
    "archive_exists": (
        "Đã có kho dữ liệu ở {path}; không thay đổi gì.",
        "There is an archive in {path} already; nothing was changed.",
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
        "Đã tạo gói dữ liệu số {sequence} ({kind}) gồm {notices}, {withdrawals}, "
        "{attachments}: {path}",
        "Built bundle {sequence} ({kind}) with {notices}, {withdrawals}, {attachments}: {path}",
    ),
    "built_full": ("gói đầy đủ", "full"),
    "built_delta": ("gói bổ sung", "delta"),
    "built_notices": ("{count} văn bản", "{count} notices"),
    "built_notices_one": ("{count} văn bản", "{count} notice"),
    "built_withdrawals": ("{count} văn bản thu hồi", "{count} withdrawals"),
    "built_withdrawals_one": ("{count} văn bản thu hồi", "{count} withdrawal"),
    "built_attachments": ("{count} tệp đính kèm", "{count} attachments"),
    "built_attachments_one": ("{count} tệp đính kèm", "{count} attachment"),
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
    "key_replaced": (
        "Đã tin cậy khóa {key_id} ({name}) thay cho khóa {old} của đơn vị {publisher}; "
        "khóa {old} không còn được tin cậy.",
        "Key {key_id} ({name}) now signs for {publisher} in place of key {old}, "
        "which is no longer trusted.",
    ),
    "key_replaces_other": (
        "Khóa {key_id} đã gắn với đơn vị {bound}, nên không thể thay cho khóa {old}.",
        "Key {key_id} is bound to the publisher {bound}, so it cannot replace key {old}.",
    ),
    "public_written": (
        "Đã ghi khóa công khai {key_id} vào {path}.",
        "Wrote the public key {key_id} to {path}.",
    ),
    "cannot_write": (
        "Không ghi được tệp {path}: thư mục không có hoặc không được phép ghi.",
        "The file {path} could not be written: its folder is missing or not writable.",
    ),
    "public_exists": (
        "Đã có tệp {path}; không ghi đè.",
        "The file {path} already exists; it was not overwritten.",
    ),
    "data_dir_exposed": (
        "Thư mục dữ liệu {path} cho phép người dùng khác trên máy này ghi vào; "
        "hãy chỉ để tài khoản của bạn có quyền ghi (ví dụ: chmod 700 {path}).",
        "The data folder {path} can be written by other users of this computer; "
        "let only your own account write to it (for example: chmod 700 {path}).",
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
}
