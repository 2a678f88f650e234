"""Receipts: an office's identity, its receipts, the province's acknowledgements and report.

Each entry: key -> (Vietnamese, English), with the same {placeholders} in both.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # Why a receipt was refused (desktop/receipts/errors.py: "receipt_" + code)
    "receipt_unreadable": (
        "Không đọc được tệp báo nhận {path}: tệp bị hỏng, bị cắt cụt hoặc đã bị rút ra.",
        "The receipt file {path} could not be read: it is damaged, truncated or was removed.",
    ),
    "receipt_not_receipt": (
        "Tệp {path} không phải là báo nhận Bảng Tin.",
        "The file {path} is not a Bảng Tin receipt.",
    ),
    "receipt_newer_format": (
        "Báo nhận này được tạo bởi phiên bản Bảng Tin mới hơn, vui lòng cập nhật Bảng Tin.",
        "This receipt was made by a newer Bảng Tin, please update.",
    ),
    "receipt_unenrolled": (
        "Báo nhận được ký bằng khóa {key_id} của một đơn vị chưa được đăng ký "
        "(bangtin office trust add).",
        "The receipt is signed with the key {key_id} of an office that is not enrolled "
        "(bangtin office trust add).",
    ),
    "receipt_bad_signature": (
        "Chữ ký của báo nhận không hợp lệ: tệp đã bị sửa đổi hoặc không do đơn vị ký.",
        "The receipt's signature is not valid: the file was changed or not signed by the office.",
    ),
    "receipt_weak_key": (
        "Khóa {key_id} của đơn vị là khóa yếu, không chứng minh được gì; báo nhận bị từ chối.",
        "The office's key {key_id} is a weak key that proves nothing; the receipt is refused.",
    ),
    "receipt_bad_entry_name": (
        "Báo nhận chứa mục không được phép: «{name}».",
        "The receipt contains an entry that is not allowed: '{name}'.",
    ),
    "receipt_duplicate_entry": (
        "Báo nhận chứa hai mục cùng tên «{name}».",
        "The receipt contains two entries named '{name}'.",
    ),
    "receipt_link_entry": (
        "Báo nhận chứa liên kết tượng trưng «{name}», không được phép.",
        "The receipt contains a symbolic link '{name}', which is not allowed.",
    ),
    "receipt_dir_entry": (
        "Báo nhận chứa thư mục «{name}», không được phép.",
        "The receipt contains a directory '{name}', which is not allowed.",
    ),
    "receipt_encrypted_entry": (
        "Mục «{name}» trong báo nhận bị mã hóa, không được phép.",
        "The entry '{name}' in the receipt is encrypted, which is not allowed.",
    ),
    "receipt_unsupported_compression": (
        "Mục «{name}» trong báo nhận dùng cách nén không được hỗ trợ.",
        "The entry '{name}' in the receipt uses an unsupported compression.",
    ),
    "receipt_unlisted_entry": (
        "Mục «{name}» có trong báo nhận nhưng không có trong danh mục đã ký.",
        "The entry '{name}' is in the receipt but not in its signed manifest.",
    ),
    "receipt_missing_entry": (
        "Mục «{name}» có trong danh mục đã ký nhưng thiếu trong báo nhận.",
        "The entry '{name}' is in the signed manifest but missing from the receipt.",
    ),
    "receipt_too_large": (
        "Mục «{name}» trong báo nhận lớn quá mức cho phép.",
        "The entry '{name}' in the receipt is larger than allowed.",
    ),
    "receipt_bomb": (
        "Mục «{name}» trong báo nhận có tỷ lệ nén bất thường (nghi là bom nén).",
        "The entry '{name}' in the receipt has an abnormal compression ratio "
        "(a suspected zip bomb).",
    ),
    "receipt_size_mismatch": (
        "Mục «{name}» trong báo nhận có kích thước khác với danh mục đã ký.",
        "The entry '{name}' in the receipt differs in size from the signed manifest.",
    ),
    "receipt_hash_mismatch": (
        "Mục «{name}» trong báo nhận có mã băm khác với danh mục đã ký.",
        "The entry '{name}' in the receipt differs in hash from the signed manifest.",
    ),
    "receipt_bad_json": (
        "Mục «{name}» trong báo nhận không phải JSON hợp lệ.",
        "The entry '{name}' in the receipt is not valid JSON.",
    ),
    "receipt_bad_manifest": (
        "Danh mục của báo nhận không hợp lệ: {detail}.",
        "The receipt's manifest is not valid: {detail}.",
    ),
    "receipt_bad_report": (
        "Báo cáo «{name}» trong báo nhận không phải tệp PDF, DOCX, XLSX hoặc ODT như đã khai.",
        "The report '{name}' in the receipt is not the PDF, DOCX, XLSX or ODT file it claims.",
    ),
    "receipt_other_office": (
        "Khóa {key_id} là của đơn vị {office}, nhưng báo nhận lại nói về đơn vị {claimed}: "
        "một đơn vị chỉ được báo về chính mình.",
        "The key {key_id} belongs to the office {office}, but the receipt speaks for "
        "{claimed}: an office may only report about itself.",
    ),
    "receipt_rollback": (
        "Báo nhận số {sequence} của đơn vị {office} cũ hơn báo nhận số {last} đã nhập; "
        "không thể nhập lại báo nhận cũ.",
        "Receipt {sequence} from {office} is older than receipt {last}, already imported; "
        "an older receipt cannot be imported.",
    ),
    "receipt_sequence_jump": (
        "Báo nhận số {sequence} của đơn vị {office} vượt quá xa báo nhận số {last} đã nhập "
        "(tối đa {limit}); báo nhận bị từ chối.",
        "Receipt {sequence} from {office} is too far beyond receipt {last}, already imported "
        "(at most {limit}); it is refused.",
    ),
    "receipt_no_space": (
        "Không đủ dung lượng đĩa để nhập báo nhận: cần thêm khoảng {needed} MB.",
        "Not enough disk space to import the receipt: about {needed} MB more is needed.",
    ),
    "receipt_disk_full": (
        "Không đủ dung lượng đĩa: ổ đĩa đã đầy khi nhập báo nhận; kho dữ liệu không thay đổi.",
        "Not enough disk space: the disk filled up while importing the receipt; "
        "the archive is unchanged.",
    ),
    "receipt_busy": (
        "Kho dữ liệu đang bận vì một chương trình khác đang ghi; hãy thử lại sau.",
        "The archive is busy because another program is writing to it; try again later.",
    ),
    "receipt_archive_replaced": (
        "Kho dữ liệu đã được thay bằng một bản khác khi chương trình đang mở; "
        "hãy mở lại Bảng Tin rồi nhập lại.",
        "The archive was replaced while the program had it open; "
        "open Bảng Tin again and import again.",
    ),
    "receipt_not_ack": (
        "Tệp {path} không phải là xác nhận báo nhận Bảng Tin.",
        "The file {path} is not a Bảng Tin receipt acknowledgement.",
    ),
    "receipt_ack_untrusted": (
        "Xác nhận báo nhận được ký bằng khóa {key_id}, không phải khóa của tỉnh mà đơn vị tin cậy.",
        "The acknowledgement is signed with the key {key_id}, not a province key this office "
        "trusts.",
    ),
    "receipt_ack_unknown": (
        "Xác nhận nói về báo nhận số {sequence}, nhưng đơn vị không ghi báo nhận nào như vậy.",
        "The acknowledgement names receipt {sequence}, but this office wrote no such receipt.",
    ),
    "receipt_no_identity": (
        "Kho dữ liệu chưa có thông tin đơn vị; hãy chạy bangtin office init trước.",
        "The archive has no office identity yet; run bangtin office init first.",
    ),
    "receipt_no_key": (
        "Không tìm thấy khóa ký báo nhận của đơn vị ({path}); hãy chỉ rõ bằng --key.",
        "The office's receipt key ({path}) was not found; name it with --key.",
    ),
    "receipt_key_mismatch": (
        "Khóa {path} không phải là khóa {key_id} của đơn vị.",
        "The key {path} is not the office's key {key_id}.",
    ),
    "receipt_sequence_state": (
        "Không đọc hoặc ghi được số thứ tự báo nhận trong {path}; chưa ghi báo nhận nào.",
        "The receipt sequence in {path} could not be read or written; no receipt was written.",
    ),
    "receipt_report_type": (
        "Tệp «{name}» không phải là báo cáo PDF, DOCX, XLSX hoặc ODT.",
        "The file '{name}' is not a PDF, DOCX, XLSX or ODT report.",
    ),
    "receipt_report_too_large": (
        "Tệp «{name}» lớn hơn {limit} MB, không đính kèm được.",
        "The file '{name}' is larger than {limit} MB and cannot be attached.",
    ),
    "detail_report_missing": (
        "báo cáo «{name}» không có trong báo nhận",
        "the report '{name}' is not in the receipt",
    ),
    "detail_entry_unused": (
        "mục «{name}» không thuộc báo cáo nào",
        "the entry '{name}' belongs to no report",
    ),
    # The office's identity (bangtin office)
    "office_bad_code": (
        "«{agency}» không phải là mã định danh đơn vị; mã gồm chữ in hoa, chữ số và dấu chấm, "
        "ví dụ 000.00.12.H56.",
        "'{agency}' is not an agency code; a code is capital letters, digits and dots, "
        "for example 000.00.12.H56.",
    ),
    "office_bad_name": (
        "Tên đơn vị không được để trống.",
        "The office's name must not be empty.",
    ),
    "office_exists": (
        "Kho dữ liệu đã có thông tin đơn vị: {name} ({agency}), khóa {key_id}; "
        "tỉnh đã biết khóa này nên không tạo khóa mới.",
        "The archive already has an office identity: {name} ({agency}), key {key_id}; "
        "the province knows this key, so no new one is made.",
    ),
    "office_key_exists": (
        "Đã có khóa {path}; không ghi đè lên khóa cũ.",
        "The key {path} exists already; it is not overwritten.",
    ),
    "office_initialized": (
        "Đã ghi thông tin đơn vị {name} ({agency}), khóa {key_id}. "
        "Gửi tệp {public} cho tỉnh để đăng ký.",
        "Recorded the office {name} ({agency}), key {key_id}. "
        "Send the file {public} to the province to be enrolled.",
    ),
    "office_shown": (
        "Đơn vị {name} ({agency}), khóa {key_id}.",
        "Office {name} ({agency}), key {key_id}.",
    ),
    "receipt_never": (
        "Chưa ghi báo nhận nào; {untold} sự kiện chưa báo.",
        "No receipt written yet; {untold} events not yet told.",
    ),
    "receipt_last": (
        "Báo nhận gần nhất: số {sequence}, ghi lúc {when}; {untold} sự kiện chưa báo.",
        "Last receipt: number {sequence}, written {when}; {untold} events not yet told.",
    ),
    "report_unknown_notice": (
        "Không có văn bản mã «{id}» trong kho dữ liệu để đính kèm báo cáo.",
        "There is no notice with id '{id}' in the archive to attach a report to.",
    ),
    "report_attached": (
        "Đã đính kèm báo cáo «{name}» vào văn bản {id} ({sha}); báo nhận kế tiếp sẽ mang theo.",
        "Attached the report '{name}' to the notice {id} ({sha}); the next receipt carries it.",
    ),
    "report_attached_already": (
        "Báo cáo «{name}» đã được đính kèm vào văn bản {id} ({sha}) trước đó.",
        "The report '{name}' was attached to the notice {id} ({sha}) before.",
    ),
    "receipt_write_failed": (
        "Không ghi được tệp {path}: {reason}.",
        "Could not write the file {path}: {reason}.",
    ),
    "receipt_built": (
        "Đã ghi báo nhận số {sequence}: {bundles} gói dữ liệu, {events} sự kiện, "
        "{opened} lần mở đầu tiên, {reports} báo cáo, vào {path}.",
        "Wrote receipt {sequence}: {bundles} bundles, {events} events, {opened} first "
        "openings, {reports} reports, to {path}.",
    ),
    "ack_applied": (
        "{publisher} đã xác nhận báo nhận số {sequence}; báo nhận sau chỉ mang những gì mới hơn.",
        "{publisher} acknowledged receipt {sequence}; the next receipt carries only what is newer.",
    ),
    "ack_already": (
        "Báo nhận số {sequence} đã được {publisher} xác nhận trước đó.",
        "Receipt {sequence} was acknowledged by {publisher} before.",
    ),
    "ack_none": (
        "Xác nhận của {publisher} không nói về báo nhận nào của đơn vị này.",
        "The acknowledgement from {publisher} names no receipt of this office.",
    ),
    # At the province
    "office_pub_no_code": (
        "Khóa {path} không ghi mã định danh đơn vị; hãy cho biết bằng --code.",
        "The key {path} names no agency code; give it with --code.",
    ),
    "office_key_other": (
        "Khóa {key_id} đã được đăng ký cho đơn vị {agency}; một khóa chỉ nói thay một đơn vị.",
        "The key {key_id} is enrolled for the office {agency}; a key speaks for one office only.",
    ),
    "office_enrolled": (
        "Đã đăng ký đơn vị {name} ({agency}), khóa {key_id}.",
        "Enrolled the office {name} ({agency}), key {key_id}.",
    ),
    "office_enrolled_already": (
        "Đơn vị {name} ({agency}), khóa {key_id}, đã được đăng ký trước đó.",
        "The office {name} ({agency}), key {key_id}, was enrolled before.",
    ),
    "office_key_unknown": (
        "Không có đơn vị nào đăng ký với khóa {key_id}.",
        "No office is enrolled with the key {key_id}.",
    ),
    "office_removed": (
        "Từ nay không nhận báo nhận ký bằng khóa {key_id}; những gì đã nhận vẫn giữ.",
        "Receipts signed with the key {key_id} are no longer accepted; what came before is kept.",
    ),
    "office_none_enrolled": ("Chưa đăng ký đơn vị nào.", "No office is enrolled."),
    "office_unknown": (
        "Không có đơn vị nào đăng ký với mã «{agency}».",
        "No office is enrolled with the code '{agency}'.",
    ),
    "receipt_imported": (
        "Đã nhập báo nhận số {sequence} của {office} ({agency}): {bundles} gói dữ liệu, "
        "{events} sự kiện, {reports} báo cáo mới.",
        "Imported receipt {sequence} from {office} ({agency}): {bundles} bundles, "
        "{events} events, {reports} reports that are new.",
    ),
    "receipt_already": (
        "Báo nhận số {sequence} của {office} đã nhập trước đó.",
        "Receipt {sequence} from {office} was imported before.",
    ),
    "ack_written": (
        "Đã ghi xác nhận cho {offices} đơn vị vào {path}; chép tệp này cùng gói dữ liệu kế tiếp.",
        "Wrote the acknowledgement for {offices} offices to {path}; copy it with the next bundle.",
    ),
    # The report (desktop/render/receiptreport.py)
    "rcpt_title": ("TÌNH HÌNH TIẾP NHẬN VĂN BẢN", "HOW OFFICES RECEIVED THE DOCUMENTS"),
    "rcpt_as_of": ("Tính đến ngày {day}", "As of {day}"),
    "rcpt_offices": ("Các đơn vị", "The offices"),
    "rcpt_status_none": ("Chưa nhận", "Not received"),
    "rcpt_status_01": ("Đã đến", "Received"),
    "rcpt_status_03": ("Đã vào sổ", "Registered"),
    "rcpt_status_05": ("Đang xử lý", "In progress"),
    "rcpt_status_06": ("Hoàn thành", "Done"),
    "rcpt_not_held": (
        "Văn bản mã {id} (chưa rõ số và tên)",
        "Document {id} (number and title not known)",
    ),
    "rcpt_not_held_note": (
        "{count} văn bản các đơn vị báo về không có trong kho dữ liệu này: báo nhận chỉ ghi "
        "mã văn bản, không ghi số và tên. Nhập vào kho này các gói dữ liệu đã gửi các đơn vị "
        "thì báo cáo ghi được số và tên văn bản.",
        "{count} documents the offices told of are not in this archive: a receipt names a "
        "document by its id only, not by its number and title. Import the bundles sent to "
        "the offices into this archive and the report shows their numbers and titles.",
    ),
    "rcpt_incoming": ("số đến {number}", "incoming no. {number}"),
    "rcpt_reports": ("{count} báo cáo", "{count} reports"),
    "rcpt_answered_late": ("trả lời trễ {days} ngày", "answered {days} days late"),
    "rcpt_overdue": ("quá hạn {days} ngày", "{days} days overdue"),
    "rcpt_deadline": ("hạn {day}", "due {day}"),
    "rcpt_last_receipt": ("báo nhận số {sequence} lúc {when}", "receipt {sequence} at {when}"),
    "rcpt_no_receipt": ("chưa có báo nhận", "no receipt yet"),
    "rcpt_last_bundle": (
        "gói số {sequence} của {publisher}, nhập ngày {when}",
        "bundle {sequence} of {publisher}, imported {when}",
    ),
    "rcpt_last_bundle_unnamed": (
        "gói số {sequence} của đơn vị ban hành mã «{publisher}», nhập ngày {when}",
        "bundle {sequence} of the publisher with the id '{publisher}', imported {when}",
    ),
    "rcpt_no_bundle": ("chưa nhập gói dữ liệu nào", "no bundle applied yet"),
    "rcpt_behind": ("chậm {count} gói", "{count} bundles behind"),
    "rcpt_up_to_date": ("đã cập nhật đủ", "up to date"),
    "rcpt_col_notice": ("Văn bản", "Document"),
    "rcpt_col_office": ("Đơn vị", "Office"),
    "rcpt_col_status": ("Tình trạng", "Status"),
    "rcpt_col_time": ("Thời gian", "Time"),
    "rcpt_col_receipt": ("Báo nhận gần nhất", "Last receipt"),
    "rcpt_col_bundle": ("Gói dữ liệu gần nhất", "Last bundle"),
    "rcpt_col_behind": ("Còn thiếu", "Behind"),
}
