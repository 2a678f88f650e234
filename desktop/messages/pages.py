"""Words on the pages the program renders: the article and the printed notice.

Each entry: key -> (Vietnamese, English), with the same {placeholders} in both.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # The article page (desktop/render/article.py)
    "posted_on": ("Đăng ngày {day}", "Posted on {day}"),
    "label_views": ("Lượt xem", "Views"),
    "label_number": ("Số ký hiệu", "Number"),
    "label_doc_type": ("Loại văn bản", "Document type"),
    "label_issuer": ("Cơ quan ban hành", "Issued by"),
    "label_issued": ("Ngày ban hành", "Issued on"),
    "label_summary": ("Trích yếu", "Summary"),
    "label_attachments": ("Tệp đính kèm", "Attachments"),
    "label_open": ("Mở", "Open"),
    "label_save_attachment": ("Lưu tệp đính kèm…", "Save attachment…"),
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
}
