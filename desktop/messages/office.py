"""The office's duty: bundle v2's fields, validity, urgency, the register and deadlines.

Each entry: key -> (Vietnamese, English), with the same {placeholders} in both.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
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
    # The same, short, for a badge in a narrow list
    "status_short_not_yet": ("Chưa hiệu lực", "Not yet"),
    "status_short_in_force": ("Còn hiệu lực", "In force"),
    "status_short_partly_expired": ("Hết một phần", "Partly out"),
    "status_short_expired": ("Hết hiệu lực", "Expired"),
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
    "register_year_empty": (
        "Sổ văn bản đến năm {year} chưa có văn bản nào; không có gì để ghi.",
        "The {year} incoming register has no documents yet; there is nothing to write.",
    ),
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
    "register_day_to_come": (
        "«{field}» không thể là một ngày sau hôm nay ({today}).",
        "'{field}' cannot be a day after today ({today}).",
    ),
    "register_before_received": (
        "«{field}» không thể trước «{received}» của văn bản ({day}).",
        "'{field}' cannot be before '{received}', the day the document came ({day}).",
    ),
    "register_bad_value": (
        "Cột «{field}» của sổ văn bản đến không nhận giá trị này.",
        "The incoming register's column '{field}' cannot take this value.",
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
