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
    "weak_key": (
        "Khóa tin cậy {key_id} là một khóa yếu (điểm bậc nhỏ hoặc không ở dạng chuẩn) "
        "mà ai cũng giả được chữ ký; hãy bỏ tin cậy nó bằng lệnh «bangtin trust remove {key_id}».",
        "The trusted key {key_id} is a weak key (a small-order or non-canonical point) "
        "with which anyone can forge signatures; stop trusting it with "
        "'bangtin trust remove {key_id}'.",
    ),
    "publisher_key_bound": (
        "Đơn vị {publisher} đã gắn với khóa {bound}; khóa {key_id} chỉ được ký thay cho đơn vị "
        "này khi văn thư chọn thay khóa bằng lệnh «bangtin trust add KHÓA.pub --replaces {bound}».",
        "The publisher {publisher} is bound to key {bound}; key {key_id} may sign for it "
        "only once the office replaces the key with "
        "'bangtin trust add KEY.pub --replaces {bound}'.",
    ),
    "notice_owned": (
        "Văn bản «{id}» thuộc về {owner}; "
        "gói dữ liệu của {publisher} không được sửa hay thu hồi văn bản này.",
        "The notice '{id}' belongs to {owner}; "
        "a bundle from {publisher} may not change or withdraw it.",
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
    # Why a manifest or a notice breaks the format: the {detail} of the two above.
    # Field names are the format's own (docs/bundle-format.md), in both languages.
    "detail_missing": ("thiếu trường «{field}»", "'{field}' is missing"),
    "detail_not_text": ("trường «{field}» phải là chuỗi ký tự", "'{field}' must be a string"),
    "detail_too_long": ("trường «{field}» dài quá mức cho phép", "'{field}' is too long"),
    "detail_nul": ("trường «{field}» chứa ký tự NUL", "'{field}' contains a NUL character"),
    "detail_not_unicode": (
        "trường «{field}» không phải văn bản Unicode hợp lệ",
        "'{field}' is not valid Unicode",
    ),
    # Bundle format v2's fields (desktop/bundles/officefields.py)
    "detail_v2_line": (
        "trường «{field}» phải là một dòng chữ, tối đa {limit} ký tự",
        "'{field}' must be one line of text, at most {limit} characters",
    ),
    "detail_v2_expires_first": (
        "ngày hết hiệu lực («expires») phải sau ngày có hiệu lực («effective»)",
        "'expires' must be later than 'effective'",
    ),
    "detail_v2_signer": (
        "trường «signer» phải có «authority», «title» và «name»",
        "'signer' must be an object with 'authority', 'title' and 'name'",
    ),
    "detail_v2_urgency": (
        "trường «urgency» phải là một trong: {choices}",
        "'urgency' must be one of {choices}",
    ),
    "detail_v2_recipients": (
        "trường «recipients» phải là danh sách từ 1 đến {limit} nơi nhận",
        "'recipients' must be a list of 1 to {limit} names",
    ),
    "detail_v2_relations": (
        "trường «relations» phải ánh xạ từ quan hệ tới danh sách mã văn bản",
        "'relations' must be an object from relation to notice ids",
    ),
    "detail_v2_relation_unknown": (
        "trường «relations» có quan hệ không biết «{relation}»",
        "'relations' has an unknown relation '{relation}'",
    ),
    "detail_v2_relation_ids": (
        "«relations.{relation}» phải là danh sách các mã văn bản khác nhau",
        "'relations.{relation}' must be a list of distinct notice ids",
    ),
    "detail_v2_relation_self": (
        "«relations.{relation}» nêu chính văn bản này",
        "'relations.{relation}' names the notice itself",
    ),
    "detail_v2_relations_many": (
        "trường «relations» nêu quá {limit} mã văn bản",
        "'relations' lists more than {limit} ids",
    ),
    "detail_empty": ("trường «{field}» để trống", "'{field}' is empty"),
    "detail_not_time": (
        "trường «{field}» phải là thời điểm theo ISO 8601",
        "'{field}' must be an ISO 8601 time",
    ),
    "detail_no_offset": (
        "trường «{field}» phải ghi độ lệch múi giờ so với UTC",
        "'{field}' must carry a UTC offset",
    ),
    "detail_date_range": (
        "trường «{field}» nằm ngoài khoảng năm {first}–{last} (giờ Việt Nam)",
        "'{field}' is outside the years {first}–{last} (Vietnam time)",
    ),
    "detail_not_date": ("trường «{field}» phải là ngày YYYY-MM-DD", "'{field}' must be a date"),
    "detail_not_integer": (
        "trường «{field}» phải là số nguyên",
        "'{field}' must be a whole number",
    ),
    "detail_number_range": (
        "trường «{field}» có giá trị ngoài giới hạn",
        "'{field}' is out of range",
    ),
    "detail_not_bool": (
        "trường «{field}» phải là true hoặc false",
        "'{field}' must be true or false",
    ),
    "detail_not_list": ("trường «{field}» phải là danh sách", "'{field}' must be a list"),
    "detail_not_object": ("mục «{field}» phải là đối tượng JSON", "'{field}' must be an object"),
    "detail_not_id_list": (
        "trường «{field}» phải là danh sách mã văn bản",
        "'{field}' must be a list of notice ids",
    ),
    "detail_unknown_fields": (
        "«{where}» có trường không được phép: {fields}",
        "'{where}' has unknown fields: {fields}",
    ),
    "detail_bad_id": (
        "trường «{field}» không phải mã văn bản hợp lệ",
        "'{field}' is not a valid id",
    ),
    "detail_invalid": ("trường «{field}» không hợp lệ", "'{field}' is not valid"),
    "detail_wrong_value": ("trường «{field}» có giá trị sai", "'{field}' has the wrong value"),
    "detail_empty_level": (
        "trường «{field}» có một cấp chuyên mục để trống",
        "'{field}' has an empty level",
    ),
    "detail_category_depth": (
        "trường «{field}» có chuyên mục sâu quá {levels} cấp",
        "'{field}' has a category deeper than {levels} levels",
    ),
    "detail_category_level": (
        "trường «{field}» có tên chuyên mục dài quá {chars} ký tự",
        "'{field}' has a category name longer than {chars} characters",
    ),
    "detail_name_path": (
        "tên tệp đính kèm «{field}» không được chứa đường dẫn",
        "the attachment '{field}' must not hold a path",
    ),
    "detail_bad_media_type": (
        "tệp đính kèm có kiểu «{field}» không hợp lệ",
        "an attachment has a bad '{field}'",
    ),
    "detail_bad_hash": ("trường «{field}» không phải mã băm SHA-256", "'{field}' is not a SHA-256"),
    "detail_bad_kind": (
        "trường «{field}» phải là «full» hoặc «delta»",
        "'{field}' must be 'full' or 'delta'",
    ),
    "detail_base_order": (
        "trường «{field}» phải nhỏ hơn «sequence»",
        "'{field}' must be smaller than 'sequence'",
    ),
    "detail_full_base": (
        "gói đầy đủ không được có trường «{field}»",
        "a full bundle has no '{field}'",
    ),
    "detail_listed_twice": ("«{name}» được liệt kê hai lần", "'{name}' is listed twice"),
    "detail_file_name": (
        "mục «{name}» không mang tên theo mã băm của nó",
        "the entry '{name}' is not named by its hash",
    ),
    "detail_bad_chunk": (
        "trường «{field}» không chỉ tới một mục của gói",
        "'{field}' names no entry of the bundle",
    ),
    "detail_unknown_version": ("phiên bản định dạng không rõ", "unknown format version"),
    "detail_not_listed": (
        "văn bản không có trong danh mục đã ký",
        "it is not listed in the signed manifest",
    ),
    "detail_revision_differs": (
        "thời điểm sửa đổi khác với danh mục đã ký",
        "its revision differs from the signed manifest",
    ),
    "detail_category_unlisted": (
        "chuyên mục không có trong danh mục đã ký",
        "its category is not in the signed manifest",
    ),
    "detail_attachment_missing": (
        "tệp đính kèm «{name}» không có trong gói",
        "the attachment '{name}' is not in the bundle",
    ),
    "detail_absent": (
        "văn bản có trong danh mục đã ký nhưng không có trong gói",
        "it is listed in the signed manifest but absent",
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
    "sequence_jump": (
        "Gói dữ liệu số {sequence} của {publisher} vượt quá xa gói số {last} đã nhập "
        "(tối đa là số {limit}); gói này không được nhập.",
        "Bundle {sequence} from {publisher} jumps too far beyond bundle {last}, already "
        "imported (the most allowed is {limit}); it was not imported.",
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
    # Why a key file was refused: the {detail} of "bad_key"
    "key_unreadable": (
        "tệp không đọc được hoặc không phải văn bản UTF-8",
        "the file cannot be read or is not UTF-8 text",
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
    "label_table_link": (
        "Bảng {number} có {rows} dòng, {cols} cột; trang này hiện {shown} dòng đầu. "
        "Xem toàn bộ bảng",
        "Table {number} has {rows} rows and {cols} columns; this page shows "
        "the first {shown}. Show the whole table",
    ),
    "label_table_caption": (
        "Bảng {number} ({rows} dòng, {cols} cột)",
        "Table {number} ({rows} rows, {cols} columns)",
    ),
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
    # Bundle format v2 in a source folder (desktop/bundles/officefields.py)
    "src_bad_date": (
        "Tệp {file}, dòng {line}: trường «{field}» phải là một ngày viết NNNN-TT-NN, "
        "ví dụ 2024-01-15, nhưng đang là {value}.",
        "File {file}, line {line}: the field '{field}' must be a date written YYYY-MM-DD, "
        "for example 2024-01-15, but it is {value}.",
    ),
    "src_date_order": (
        "Tệp {file}, dòng {line}: ngày hết hiệu lực «expires» ({expires}) phải sau "
        "ngày có hiệu lực «effective» ({effective}).",
        "File {file}, line {line}: the day it expires, 'expires' ({expires}), must come after "
        "the day it takes effect, 'effective' ({effective}).",
    ),
    "src_bad_text": (
        "Tệp {file}, dòng {line}: trường «{field}» phải là một dòng chữ, không quá {limit} ký tự.",
        "File {file}, line {line}: the field '{field}' must be one line of text "
        "of at most {limit} characters.",
    ),
    "src_bad_urgency": (
        "Tệp {file}, dòng {line}: trường «urgency» phải là khan, thuong-khan hoặc hoa-toc, "
        "nhưng đang là {value}.",
        "File {file}, line {line}: the field 'urgency' must be khan, thuong-khan or hoa-toc, "
        "but it is {value}.",
    ),
    "src_bad_signer": (
        "Tệp {file}, dòng {line}: trường «signer» phải có title và name (authority không bắt "
        "buộc), mỗi mục một dòng chữ, ví dụ "
        '{{authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn An"}}.',
        "File {file}, line {line}: the field 'signer' must have a title and a name "
        "(authority is optional), each one line of text, for example "
        '{{authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn An"}}.',
    ),
    "src_bad_recipients": (
        "Tệp {file}, dòng {line}: trường «recipients» phải là danh sách từ 1 đến {count} nơi "
        'nhận, mỗi nơi một dòng chữ không quá {limit} ký tự, ví dụ ["Như trên", "Lưu: VT"].',
        "File {file}, line {line}: the field 'recipients' must be a list of 1 to {count} "
        "recipients, each one line of at most {limit} characters, for example "
        '["Như trên", "Lưu: VT"].',
    ),
    "src_bad_relations": (
        "Tệp {file}, dòng {line}: trường «relations» phải là một bảng từ quan hệ "
        "(based_on, amends, replaces, repeals, partly_repeals, guides, corrects) "
        "đến danh sách mã văn bản.",
        "File {file}, line {line}: the field 'relations' must map a relation "
        "(based_on, amends, replaces, repeals, partly_repeals, guides, corrects) "
        "to a list of notice ids.",
    ),
    "src_bad_relation_kind": (
        "Tệp {file}, dòng {line}: {relation} không phải là một quan hệ; hãy dùng based_on, "
        "amends, replaces, repeals, partly_repeals, guides hoặc corrects.",
        "File {file}, line {line}: {relation} is not a relation; use based_on, amends, "
        "replaces, repeals, partly_repeals, guides or corrects.",
    ),
    "src_bad_relation_ids": (
        "Tệp {file}, dòng {line}: quan hệ «{relation}» phải là danh sách mã văn bản "
        "(chữ, số, «.», «_», «-»), ví dụ [qd-118-2023].",
        "File {file}, line {line}: the relation '{relation}' must be a list of notice ids "
        "(letters, digits, '.', '_', '-'), for example [qd-118-2023].",
    ),
    "src_self_relation": (
        "Tệp {file}, dòng {line}: quan hệ «{relation}» không được chỉ đến chính văn bản này.",
        "File {file}, line {line}: the relation '{relation}' must not name this notice itself.",
    ),
    "src_too_many": (
        "Tệp {file}, dòng {line}: trường «{field}» liệt kê quá {limit} mục.",
        "File {file}, line {line}: the field '{field}' lists more than {limit} items.",
    ),
    # Validity (db/validity.py), with vbpl.vn's words
    "status_not_yet": ("Chưa có hiệu lực", "Not yet in force"),
    "status_in_force": ("Còn hiệu lực", "In force"),
    "status_partly_expired": ("Hết hiệu lực một phần", "Partly expired"),
    "status_expired": ("Hết hiệu lực toàn bộ", "Expired"),
    "banner_expired": (
        "Văn bản này đã hết hiệu lực từ ngày {day}.",
        "This document has been out of force since {day}.",
    ),
    "banner_replaced": (
        "Văn bản này đã hết hiệu lực từ ngày {day} — bị thay thế bởi {by}.",
        "This document has been out of force since {day} — replaced by {by}.",
    ),
    "banner_repealed": (
        "Văn bản này đã hết hiệu lực từ ngày {day} — bị bãi bỏ bởi {by}.",
        "This document has been out of force since {day} — repealed by {by}.",
    ),
    "banner_partly": (
        "Văn bản này đã hết hiệu lực một phần từ ngày {day} — bị bãi bỏ một phần bởi {by}.",
        "This document has been partly out of force since {day} — partly repealed by {by}.",
    ),
    "banner_not_yet": (
        "Văn bản này có hiệu lực từ ngày {day}.",
        "This document takes effect on {day}.",
    ),
    "label_effective": ("Ngày có hiệu lực", "In force from"),
    "label_expires": ("Ngày hết hiệu lực", "In force until"),
    "label_field": ("Lĩnh vực", "Field"),
    "label_deadline": ("Hạn xử lý", "Deadline"),
    "label_signer": ("Người ký", "Signed by"),
    "label_status": ("Tình trạng hiệu lực", "Validity"),
    "label_relations": ("Lược đồ", "Related documents"),
    "relation_named": ("{type} số {number}", "{type} No. {number}"),
    "relation_since": ("{name} (từ ngày {day})", "{name} (from {day})"),
    "relation_missing": (
        "{id} (chưa có trong kho dữ liệu)",
        "{id} (not in the archive)",
    ),
    "rel_based_on_out": ("Văn bản căn cứ", "Based on"),
    "rel_based_on_in": ("Văn bản được căn cứ", "Basis for"),
    "rel_amends_out": ("Văn bản được sửa đổi", "Amends"),
    "rel_amends_in": ("Văn bản sửa đổi", "Amended by"),
    "rel_replaces_out": ("Văn bản bị thay thế", "Replaces"),
    "rel_replaces_in": ("Văn bản thay thế", "Replaced by"),
    "rel_repeals_out": ("Văn bản bị bãi bỏ", "Repeals"),
    "rel_repeals_in": ("Văn bản bãi bỏ", "Repealed by"),
    "rel_partly_repeals_out": ("Văn bản bị bãi bỏ một phần", "Partly repeals"),
    "rel_partly_repeals_in": ("Văn bản bãi bỏ một phần", "Partly repealed by"),
    "rel_guides_out": ("Văn bản được hướng dẫn", "Guides"),
    "rel_guides_in": ("Văn bản hướng dẫn", "Guided by"),
    "rel_corrects_out": ("Văn bản được đính chính", "Corrects"),
    "rel_corrects_in": ("Văn bản đính chính", "Corrected by"),
    # Urgency (độ khẩn), as Decree 30 prints it
    "urgency_khan": ("KHẨN", "URGENT"),
    "urgency_thuong-khan": ("THƯỢNG KHẨN", "VERY URGENT"),
    "urgency_hoa-toc": ("HỎA TỐC", "IMMEDIATE"),
    "print_recipients": ("Nơi nhận:", "Recipients:"),
    # The incoming register (Sổ đăng ký văn bản đến, Decree 30/2020, Appendix IV)
    "reg_received": ("Đã tiếp nhận", "Received"),
    "reg_in_progress": ("Đang xử lý", "In progress"),
    "reg_done": ("Hoàn thành", "Done"),
    "reg_withdrawn": ("đã thu hồi", "withdrawn"),
    "reg_book_title": ("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "INCOMING DOCUMENTS REGISTER"),
    "reg_book_year": ("Năm {year}", "Year {year}"),
    "reg_book_span": (
        "Từ số {first} đến số {last}; từ ngày {start} đến ngày {end}",
        "From number {first} to number {last}; from {start} to {end}",
    ),
    "reg_col_received": ("Ngày đến", "Received"),
    "reg_col_number": ("Số đến", "No."),
    "reg_col_issuer": ("Tác giả", "Issued by"),
    "reg_col_doc_number": ("Số, ký hiệu", "Number"),
    "reg_col_issued": ("Ngày tháng", "Dated"),
    "reg_col_title": ("Tên loại và trích yếu nội dung", "Type and summary"),
    "reg_col_assigned": ("Đơn vị hoặc người nhận", "Unit or person receiving"),
    "reg_col_handed": ("Ngày chuyển", "Handed over"),
    "reg_col_signed": ("Ký nhận", "Signature"),
    "reg_col_note": ("Ghi chú", "Note"),
    "reg_col_status": ("Tình trạng xử lý", "Status"),
    "reg_col_deadline": ("Hạn xử lý", "Deadline"),
    "reg_col_notice": ("Mã văn bản", "Notice id"),
    "register_empty": (
        "Sổ văn bản đến chưa có văn bản nào.",
        "The incoming register has no documents yet.",
    ),
    "register_unknown": (
        "Sổ văn bản đến năm {year} không có số đến {number}.",
        "The incoming register of {year} has no incoming number {number}.",
    ),
    "register_nothing": (
        "Hãy cho biết ít nhất một mục cần ghi: --assigned-to, --handed-over, --status hoặc --note.",
        "Say at least one thing to record: --assigned-to, --handed-over, --status or --note.",
    ),
    "register_updated": (
        "Đã ghi vào sổ văn bản đến: số đến {number}/{year}.",
        "Recorded in the incoming register: incoming number {number}/{year}.",
    ),
    "register_text_too_long": (
        "Nội dung «{field}» dài quá {limit} ký tự hoặc có ký tự không hợp lệ.",
        "The text for '{field}' is longer than {limit} characters or holds an invalid character.",
    ),
    "xlsx_written": (
        "Đã ghi {rows} dòng của sổ văn bản đến năm {year} vào {path}.",
        "Wrote {rows} rows of the {year} incoming register to {path}.",
    ),
    "xlsx_failed": (
        "Không ghi được tệp Excel {path}: {reason}.",
        "Could not write the Excel file {path}: {reason}.",
    ),
    # Deadlines (Việc cần làm)
    "todo_title": ("Việc cần làm", "To do"),
    "todo_empty": ("Không có việc nào cần làm.", "There is nothing to do."),
    "todo_overdue": ("quá hạn {days} ngày", "{days} days overdue"),
    "todo_today": ("hết hạn hôm nay", "due today"),
    "todo_left": ("còn {days} ngày", "{days} days left"),
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
    from db.errors import ArchiveError, BackupError, Damage, ErrorCode, classify, damage_of
    from desktop.bundles.errors import BundleError, ImportCancelled, KeyFileError

    if isinstance(exc, BundleError | KeyFileError):
        return exc.message(lang)
    if isinstance(exc, ImportCancelled):
        return text("cancelled", lang)
    if isinstance(exc, ArchiveError):
        named = exc.detail if exc.code is ErrorCode.MISSING else None
        where = archive_dir or exc.path or named
        if exc.code is ErrorCode.WAL_MISSING:
            return text("archive_wal_missing", lang, path=exc.detail)
        if exc.code is ErrorCode.CANCELLED:
            return text("cancelled", lang)
        return _archive_sentence(exc.code, lang, where)
    if isinstance(exc, BackupError):
        where = archive_dir or ""
        if exc.code is ErrorCode.NO_BACKUP:
            return text("no_backup", lang, path=exc.detail)
        if exc.code is ErrorCode.MISSING:
            return _archive_sentence(exc.code, lang, archive_dir or exc.detail)
        if exc.code is ErrorCode.DAMAGED:
            return text("backup_damaged", lang, path=where)
        if exc.code is ErrorCode.NO_SPACE:
            if exc.needed is not None and exc.free is not None:
                return text("backup_no_space", lang, needed=exc.needed, free=exc.free)
            return text("backup_disk_full", lang)
        if exc.code is ErrorCode.BUSY:
            return text("restore_busy", lang, path=where)
        return text("bad_backup", lang, path=exc.detail)
    code = classify(exc)
    if code is ErrorCode.DAMAGED and damage_of(exc) is Damage.BROKEN:
        # Damaged pages met while reading (a list, a search): the file is ours.
        return text("archive_pages_damaged", lang, path=archive_dir or "")
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
