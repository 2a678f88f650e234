"""The command line's help: every command and option, the names of values, argparse's words.

Keys: `cmd_*` a command's one-line help, `opt_*` an option's help, `mv_*` the
name of a value in the usage line, `bad_*` why a value was refused (naming
the form expected), and `argparse_*` the words of Python's argparse, whose
English text is the second element exactly as argparse writes it (with its
%-placeholders), so that a usage error is said in one language.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "cli_description": (
        "Bảng Tin: đọc và lưu trữ văn bản, thông báo của tỉnh khi không có mạng. "
        "Không có lệnh nào thì mở cửa sổ chương trình.",
        "Bảng Tin: read and keep the province's documents and notices offline. "
        "With no command, the program's window opens.",
    ),
    # Names of values in the usage line
    "mv_folder": ("THƯ_MỤC", "FOLDER"),
    "mv_file": ("TỆP", "FILE"),
    "mv_key": ("TỆP_KHÓA", "KEY_FILE"),
    "mv_name": ("TÊN", "NAME"),
    "mv_text": ("CHỮ", "TEXT"),
    "mv_status": ("TÌNH_TRẠNG", "STATUS"),
    "mv_id": ("MÃ", "ID"),
    "mv_incoming_number": ("SỐ_ĐẾN", "INCOMING_NUMBER"),
    "mv_command": ("LỆNH", "COMMAND"),
    "mv_key_id": ("MÃ_KHÓA", "KEY_ID"),
    # Options every command takes
    "opt_version": ("in số phiên bản rồi thoát", "print the version and exit"),
    "opt_help": ("in trợ giúp này rồi thoát", "print this help and exit"),
    "opt_data_dir": (
        "thư mục kho dữ liệu, dùng cả khi có biến môi trường BANGTIN_DATABASE_URL; phải có "
        "sẵn kho dữ liệu, trừ khi dùng «init» hoặc «--create»",
        "the archive's folder, used even when the environment variable BANGTIN_DATABASE_URL "
        "is set; it must hold an archive already, unless with 'init' or '--create'",
    ),
    "opt_database": (
        "kho dữ liệu dùng chung trên máy chủ PostgreSQL, dạng postgresql://NGƯỜI_DÙNG@MÁY/TÊN "
        "(hoặc biến môi trường BANGTIN_DATABASE_URL, khi không ghi «--data-dir»); phải có sẵn "
        "kho, trừ khi dùng «init»",
        "the shared archive on a PostgreSQL server, as postgresql://USER@HOST/NAME "
        "(or the environment variable BANGTIN_DATABASE_URL, when no '--data-dir' is given); "
        "it must hold an archive already, unless with 'init'",
    ),
    "opt_lang": ("ngôn ngữ của chương trình: vi hoặc en", "the program's language: vi or en"),
    "opt_demo": (
        "dùng kho dữ liệu mẫu, tách riêng khỏi kho dữ liệu của đơn vị",
        "use the demo archive, kept apart from the office's archive",
    ),
    "opt_create": (
        "tạo kho dữ liệu mới nếu thư mục chưa có",
        "create a new archive if the folder has none",
    ),
    "opt_json": (
        "in kết quả, cả lỗi, dạng JSON (một đối tượng mỗi dòng)",
        "print the result, errors included, as JSON (one object a line)",
    ),
    # Keys and bundles
    "cmd_keygen": ("tạo cặp khóa ký gói dữ liệu", "create a key pair for signing bundles"),
    "opt_keygen_out": (
        "thư mục ghi publisher.key và publisher.pub",
        "folder to write publisher.key and publisher.pub in",
    ),
    "opt_key_name": ("ghi chú trong khóa công khai", "a note in the public key"),
    "cmd_key": ("khóa ký gói dữ liệu", "bundle signing keys"),
    "cmd_key_public": (
        "ghi lại khóa công khai từ khóa bí mật",
        "write the public key of a private key again",
    ),
    "opt_key_private": ("tệp khóa bí mật (publisher.key)", "the private key file (publisher.key)"),
    "opt_key_public_out": (
        "tệp .pub cần ghi; mặc định in ra màn hình",
        "the .pub file to write; printed by default",
    ),
    "cmd_bundle": ("tạo hoặc kiểm tra gói dữ liệu", "build or check bundles"),
    "cmd_bundle_build": (
        "tạo và ký gói dữ liệu từ thư mục nguồn",
        "build and sign a bundle from a source folder",
    ),
    "opt_build_src": (
        "thư mục nguồn: các tệp .md có phần đầu YAML",
        "the source folder: .md files with YAML front matter",
    ),
    "opt_build_key": ("tệp khóa bí mật dùng để ký", "the private key file to sign with"),
    "opt_build_publisher": ("tên đơn vị ban hành", "the publisher's name"),
    "opt_build_out": ("tệp gói dữ liệu cần ghi (.bangtin)", "the bundle file to write (.bangtin)"),
    "opt_build_since": (
        "tạo gói bổ sung (delta) dựa trên gói số này",
        "build a delta on top of the bundle with this sequence",
    ),
    "opt_build_sequence": (
        "số thứ tự của gói; mặc định lớn hơn gói trước một",
        "the bundle's sequence; by default one more than the last",
    ),
    "cmd_bundle_verify": (
        "kiểm tra gói dữ liệu, không ghi gì",
        "check a bundle without writing anything",
    ),
    "opt_bundle_file": ("tệp gói dữ liệu (.bangtin)", "the bundle file (.bangtin)"),
    # Trust
    "cmd_trust": ("quản lý khóa tin cậy", "manage trusted keys"),
    "cmd_trust_add": (
        "tin cậy khóa công khai của một đơn vị ban hành",
        "trust a publisher's public key",
    ),
    "opt_trust_file": ("tệp khóa công khai (.pub)", "the public key file (.pub)"),
    "opt_trust_name": ("tên hiển thị của khóa", "the key's display name"),
    "opt_trust_replaces": (
        "khóa mới ký thay cho đơn vị của khóa cũ này",
        "the new key signs for the publisher of this old key",
    ),
    "cmd_trust_add_dir": (
        "tin cậy mọi khóa *.pub trong một thư mục",
        "trust every *.pub key in a folder",
    ),
    "opt_trust_folder": ("thư mục chứa các khóa .pub", "the folder holding the .pub keys"),
    "cmd_trust_list": ("liệt kê các khóa tin cậy", "list the trusted keys"),
    "cmd_trust_remove": ("thôi tin cậy một khóa", "stop trusting a key"),
    "opt_trust_key_id": (
        "mã khóa (16 ký tự, xem «bangtin trust list»)",
        "the key id (16 characters, see 'bangtin trust list')",
    ),
    # Import and reading
    "cmd_init": (
        "tạo kho dữ liệu mới, trống, ở thư mục kho dữ liệu",
        "create a new, empty archive in the data folder",
    ),
    "cmd_import": ("nhập gói dữ liệu", "import bundles"),
    "opt_import_files": ("các tệp gói dữ liệu (.bangtin)", "the bundle files (.bangtin)"),
    "cmd_list": ("liệt kê văn bản, mới nhất trước", "list notices, newest first"),
    "opt_category": (
        "chỉ văn bản thuộc chuyên mục này (tên đầy đủ, hoặc cấp cuối, có dấu hay không)",
        "only notices in this category (its full path, or its last level, with or "
        "without diacritics)",
    ),
    "opt_limit": ("số văn bản nhiều nhất", "the most notices to show"),
    "cmd_categories": ("liệt kê chuyên mục", "list categories"),
    "cmd_show": ("xem một văn bản", "show one notice"),
    "opt_show_id": ("mã văn bản, ví dụ kh-54-2023", "the notice's id, e.g. kh-54-2023"),
    "opt_show_html": ("in trang HTML của văn bản", "print the notice's HTML page"),
    "opt_as_of": ("tính hiệu lực đến ngày này", "reckon validity as of this day"),
    "cmd_search": ("tìm kiếm văn bản", "search notices"),
    "opt_search_query": ("những từ cần tìm", "the words to search for"),
    "opt_from": ("chỉ văn bản đăng từ ngày này", "only notices published on or after this day"),
    "opt_to": ("chỉ văn bản đăng đến ngày này", "only notices published on or before this day"),
    "opt_type": (
        "chỉ văn bản loại này, ví dụ «Kế hoạch»",
        "only documents of this type, as the notices name it (a plan: Kế hoạch)",
    ),
    "opt_sort": (
        "phù hợp nhất (relevance) hoặc mới nhất (newest)",
        "best match (relevance) or newest first (newest)",
    ),
    # Looking after the archive
    "cmd_reindex": ("lập lại chỉ mục tìm kiếm", "rebuild the search index"),
    "cmd_backup": ("sao lưu kho dữ liệu ngay", "back up the archive now"),
    "cmd_backup_prune": ("xóa bản sao lưu cũ", "remove older backups"),
    "opt_keep": ("số bản sao lưu giữ lại", "how many backups to keep"),
    "cmd_restore": ("khôi phục kho dữ liệu từ bản sao lưu", "restore the archive from a backup"),
    "opt_restore_file": (
        "bản sao lưu; mặc định là bản mới nhất",
        "the backup; the newest by default",
    ),
    "cmd_migrate_to": (
        "chuyển kho dữ liệu của máy này vào kho dùng chung trên máy chủ PostgreSQL",
        "move this computer's archive into the shared archive on a PostgreSQL server",
    ),
    "opt_migrate_url": (
        "cơ sở dữ liệu PostgreSQL trống, dạng postgresql://NGƯỜI_DÙNG@MÁY/TÊN",
        "an empty PostgreSQL database, as postgresql://USER@HOST/NAME",
    ),
    "cmd_check": ("kiểm tra kho dữ liệu có bị hỏng không", "check whether the archive is damaged"),
    "cmd_screenshot": ("chụp cửa sổ ra tệp PNG", "save a picture of the window as PNG"),
    "opt_shot_out": ("tệp PNG cần ghi", "the PNG file to write"),
    "opt_shot_notice": ("mở văn bản có mã này", "open the notice with this id"),
    "opt_shot_size": (
        "kích thước cửa sổ RỘNGxCAO, ví dụ 1280x800",
        "the window's size WIDTHxHEIGHT, e.g. 1280x800",
    ),
    "opt_shot_search": ("hiện kết quả tìm kiếm những từ này", "show the results for these words"),
    "cmd_print": (
        "in văn bản ra tệp PDF (khổ A4, thể thức hành chính)",
        "print notices to a PDF file (A4, administrative layout)",
    ),
    "opt_print_ids": ("mã các văn bản cần in", "the ids of the notices to print"),
    "opt_pdf": ("tệp PDF cần ghi", "the PDF file to write"),
    "opt_print_index": (
        "chỉ in danh mục: tên, số, ngày",
        "print only the index: title, number, date",
    ),
    # The incoming register
    "cmd_register": ("sổ đăng ký văn bản đến", "the incoming register"),
    "cmd_register_list": ("liệt kê sổ văn bản đến", "list the incoming register"),
    "opt_year": ("năm của sổ; mặc định năm nay", "the register's year; this year by default"),
    "opt_status": (
        "tình trạng xử lý: «đã tiếp nhận», «đang xử lý» hoặc «hoàn thành» "
        "(hoặc received, in_progress, done)",
        "the handling status: 'received', 'in progress' or 'done'",
    ),
    "cmd_register_set": (
        "ghi người nhận, ngày chuyển, tình trạng, ghi chú",
        "set the recipient, hand-over date, status and note",
    ),
    "opt_incoming_number": ("số đến trong sổ", "the incoming number in the register"),
    "opt_assigned_to": ("đơn vị hoặc người nhận", "the unit or person it went to"),
    "opt_handed_over": (
        "ngày chuyển, dạng 28/12/2023 hoặc 2023-12-28",
        "the day it was handed over, as 28/12/2023 or 2023-12-28",
    ),
    "opt_note": ("ghi chú", "a note"),
    "cmd_register_print": ("in sổ văn bản đến ra PDF (A4 ngang)", "print the register to PDF"),
    "cmd_register_export": ("xuất sổ văn bản đến ra tệp Excel", "export the register to Excel"),
    "opt_xlsx": ("tệp Excel cần ghi (.xlsx)", "the Excel file to write (.xlsx)"),
    "cmd_todo": (
        "việc cần làm: văn bản có hạn xử lý chưa hoàn thành",
        "to do: notices with a deadline not yet done",
    ),
    # Why a value was refused
    "bad_status": (
        "«{value}» không phải là tình trạng xử lý; hãy viết «đã tiếp nhận», «đang xử lý» "
        "hoặc «hoàn thành»",
        "'{value}' is not a handling status; write 'received', 'in progress' or 'done'",
    ),
    "bad_day": (
        "«{value}» không phải là ngày; hãy viết YYYY-MM-DD (hoặc DD/MM/YYYY)",
        "'{value}' is not a day; write YYYY-MM-DD (or DD/MM/YYYY)",
    ),
    "bad_count": (
        "«{value}» không phải là số nguyên từ {least} trở lên",
        "'{value}' is not a whole number of {least} or more",
    ),
    "bad_query": ("hãy gõ ít nhất một từ cần tìm", "type at least one word to search for"),
    "bad_size": (
        "«{value}» không phải là kích thước RỘNGxCAO, mỗi chiều từ 200 đến 8000, ví dụ 1280x800",
        "'{value}' is not a size WIDTHxHEIGHT, each from 200 to 8000, e.g. 1280x800",
    ),
    # argparse's own words (the English is argparse's msgid, exactly)
    "argparse_usage": ("cách dùng:", "usage:"),
    "argparse_positionals": ("tham số", "positional arguments"),
    "argparse_options": ("tùy chọn", "options"),
    "argparse_help": ("in trợ giúp này rồi thoát", "show this help message and exit"),
    "argparse_unrecognized": ("không hiểu tham số: %s", "unrecognized arguments: %s"),
    "argparse_required": (
        "thiếu tham số bắt buộc: %s",
        "the following arguments are required: %s",
    ),
    "argparse_one_of": ("cần một trong các tham số %s", "one of the arguments %s is required"),
    "argparse_argument": (
        "tham số %(argument_name)s: %(message)s",
        "argument %(argument_name)s: %(message)s",
    ),
    "argparse_expected_one": ("cần đúng một giá trị", "expected one argument"),
    "argparse_expected_at_most_one": (
        "cần nhiều nhất một giá trị",
        "expected at most one argument",
    ),
    "argparse_expected_at_least_one": (
        "cần ít nhất một giá trị",
        "expected at least one argument",
    ),
    "argparse_expected_n": ("cần %s giá trị", "expected %s argument"),
    "argparse_expected_n_plural": ("cần %s giá trị", "expected %s arguments"),
    "argparse_choice": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "argparse_type": (
        "giá trị %(type)s không hợp lệ: %(value)r",
        "invalid %(type)s value: %(value)r",
    ),
    "argparse_not_allowed": ("không dùng cùng với %s", "not allowed with argument %s"),
    "argparse_ambiguous": (
        "tùy chọn %(option)s không rõ, có thể là %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "argparse_ignored": (
        "tùy chọn này không nhận giá trị: %r",
        "ignored explicit argument %r",
    ),
    # Added with the trust chain and the window's views
    "opt_keygen_root": (
        "tạo khóa gốc của tỉnh (root.key, root.pub), giữ ngoại tuyến",
        "make the province's root key (root.key, root.pub), to keep offline",
    ),
    "opt_build_delegation": (
        "ủy quyền của khóa gốc cho khóa ký này",
        "the root's delegation to this signing key",
    ),
    "opt_build_revocations": (
        "các tệp thu hồi khóa do khóa gốc ký, mang theo gói dữ liệu",
        "revocations signed by the root, carried in the bundle",
    ),
    "opt_build_root_chain": (
        "chuỗi khóa gốc (mỗi lần đổi khóa gốc một tệp), mang theo gói dữ liệu",
        "the root chain (one file per root rotation), carried in the bundle",
    ),
    "opt_build_channel": ("mã tỉnh (kênh) của gói dữ liệu", "the province's id (channel)"),
    "opt_shot_view": (
        "thẻ cần chụp: reader (đọc văn bản), relations (lược đồ), register (sổ văn bản đến), "
        "todo (việc cần làm)",
        "the tab to draw: reader, relations (the notice's relations), register (incoming), todo",
    ),
    "opt_shot_type": (
        "lọc danh sách theo loại văn bản này",
        "filter the list to this document type",
    ),
    "opt_shot_dark": ("vẽ giao diện tối", "draw the dark theme"),
    # The trust chain's commands (desktop/cli/trustchain.py)
    "cmd_trust_add_channel": (
        "nhận gói dữ liệu của một tỉnh khác (kênh)",
        "accept the bundles of another province (channel)",
    ),
    "opt_channel": ("mã tỉnh (kênh)", "the province's id (channel)"),
    "cmd_status": (
        "tình trạng kho dữ liệu, khóa tin cậy và độ mới của dữ liệu",
        "the archive's state, its trusted keys and how fresh its data is",
    ),
    "opt_stale_days": (
        "cảnh báo khi dữ liệu cũ hơn ngần này ngày (mặc định 30)",
        "warn when the data is older than this many days (default 30)",
    ),
    "cmd_key_delegate": (
        "khóa gốc ủy quyền cho một khóa ký đến một ngày",
        "the root delegates to a signing key until a day",
    ),
    "cmd_key_revoke": ("khóa gốc thu hồi một khóa ký", "the root revokes a signing key"),
    "cmd_key_rotate_root": (
        "khóa gốc cũ ký chuyển sang khóa gốc mới",
        "the old root signs the move to a new root",
    ),
    "cmd_key_root": (
        "tạo khóa gốc k trên n từ các tệp root.pub",
        "make a k-of-n root from root.pub files",
    ),
    "cmd_key_fingerprint": (
        "in dấu vân tay của khóa để đối chiếu với công văn của tỉnh",
        "print a key's fingerprint, to compare with the province's dispatch",
    ),
    "opt_root_key": (
        "tệp khóa gốc bí mật (lặp lại cho k trên n)",
        "a root private key (repeat for k of n)",
    ),
    "opt_root_file": (
        "tệp khóa gốc k trên n (khi khóa gốc có nhiều khóa)",
        "the k-of-n root file (when the root has several keys)",
    ),
    "opt_signing_pub": ("khóa công khai của khóa ký", "the signing key's public key"),
    "opt_until": ("ủy quyền có hạn đến ngày này", "the delegation holds until this day"),
    "opt_trust_out": ("tệp cần ghi", "the file to write"),
    "opt_revoke_key_id": ("mã khóa ký bị thu hồi", "the id of the signing key revoked"),
    "opt_reason": ("lý do thu hồi", "why it is revoked"),
    "opt_old_key": (
        "khóa gốc bí mật cũ (lặp lại cho k trên n)",
        "an old root private key (repeat for k of n)",
    ),
    "opt_new_pub": (
        "khóa gốc công khai mới (lặp lại cho nhiều khóa)",
        "a new root public key (repeat for several)",
    ),
    "opt_threshold": ("số chữ ký cần có (k)", "how many signatures are needed (k)"),
    "opt_root_pubs": ("các tệp root.pub", "the root.pub files"),
    "opt_fingerprint_file": ("tệp khóa", "the key file"),
    # Receipts back to the province (desktop/cli/receipts.py)
    "cmd_office": (
        "thông tin đơn vị và khóa ký báo nhận",
        "the office's identity and its receipt key",
    ),
    "cmd_office_init": (
        "tạo khóa ký báo nhận và ghi tên, mã định danh của đơn vị",
        "make the office's receipt key and record its name and code",
    ),
    "cmd_office_show": (
        "đơn vị, báo nhận gần nhất và số sự kiện chưa báo",
        "the office, its last receipt and the events not yet reported",
    ),
    "cmd_office_trust": ("các đơn vị gửi báo nhận về tỉnh", "the offices that send receipts"),
    "cmd_office_trust_add": (
        "nhận báo nhận của đơn vị có khóa này (office.pub)",
        "accept receipts from the office with this key (office.pub)",
    ),
    "cmd_office_trust_list": ("liệt kê các đơn vị đã ghi danh", "list the enrolled offices"),
    "cmd_office_trust_remove": (
        "không nhận báo nhận ký bằng khóa này nữa",
        "no longer accept receipts signed with this key",
    ),
    "opt_office_name": ("tên đơn vị", "the office's name"),
    "opt_office_code": (
        "mã định danh của đơn vị, ví dụ 000.00.12.H56",
        "the office's agency code, e.g. 000.00.12.H56",
    ),
    "opt_office_key_out": (
        "thư mục ghi office.key và office.pub",
        "where to write office.key and office.pub",
    ),
    "opt_office_pub": ("khóa công khai của đơn vị", "the office's public key"),
    "cmd_receipt": ("báo nhận văn bản gửi về tỉnh", "receipts sent back to the province"),
    "cmd_receipt_build": (
        "ghi báo nhận (*.bangtin-receipt)",
        "write a receipt (*.bangtin-receipt)",
    ),
    "cmd_receipt_attach": (
        "đính kèm báo cáo (PDF, DOCX, XLSX, ODT) vào văn bản",
        "attach a report (PDF, DOCX, XLSX, ODT) to a notice",
    ),
    "cmd_receipt_import": ("nhập báo nhận của các đơn vị", "import the offices' receipts"),
    "cmd_receipt_ack": (
        "đọc xác nhận của tỉnh (*.bangtin-ack)",
        "read the province's acknowledgement (*.bangtin-ack)",
    ),
    "opt_receipt_out": ("tệp báo nhận cần ghi", "the receipt file to write"),
    "opt_receipt_key": (
        "khóa của đơn vị; mặc định là khóa «office init» đã tạo",
        "the office's key; by default the one 'office init' made",
    ),
    "opt_receipt_notice": ("mã văn bản", "the notice's id"),
    "opt_receipt_report": ("tệp báo cáo", "the report file"),
    "opt_receipt_files": ("các tệp báo nhận", "the receipt files"),
    "opt_ack_file": ("tệp xác nhận của tỉnh", "the province's acknowledgement file"),
    "cmd_receipts": ("tình hình tiếp nhận của các đơn vị", "how the offices received documents"),
    "cmd_receipts_report": (
        "mỗi văn bản: đơn vị nào đã nhận, vào sổ, xử lý",
        "for each notice: which offices received, registered and handled it",
    ),
    "cmd_receipts_ack": (
        "ghi xác nhận đã nhận báo nhận, để chép cho các đơn vị",
        "write the acknowledgement of the receipts, to copy for the offices",
    ),
    "opt_report_notice": ("chỉ văn bản này", "only this notice"),
    "opt_report_office": ("chỉ đơn vị có mã này", "only the office with this code"),
    "opt_report_as_of": ("tính trễ hạn đến ngày này", "count lateness up to this day"),
    "opt_report_pdf": ("in bảng ra tệp PDF khổ A4", "print the table to an A4 PDF"),
    "opt_ack_key": ("khóa ký gói dữ liệu của tỉnh", "the province's bundle signing key"),
    "opt_ack_out": ("tệp xác nhận cần ghi", "the acknowledgement file to write"),
}
