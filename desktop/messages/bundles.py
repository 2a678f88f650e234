"""Why a bundle was refused, why its manifest or a notice breaks the format, what applies.

Each entry: key -> (Vietnamese, English), with the same {placeholders} in both.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # Reading a bundle
    "unreadable": (
        "Không đọc được tệp gói dữ liệu {path}: tệp bị hỏng, bị cắt cụt hoặc đã bị rút ra.",
        "The bundle file {path} could not be read: it is damaged, truncated or was removed.",
    ),
    "not_a_file": (
        "{path} là một thư mục, không phải tệp gói dữ liệu (.bangtin); hãy chọn một tệp trong đó.",
        "{path} is a folder, not a bundle file (.bangtin); choose a file inside it.",
    ),
    "demo_archive": (
        "Kho dữ liệu mẫu chỉ để xem thử và không nhận gói dữ liệu; hãy nhập vào kho dữ liệu "
        "của đơn vị (Tệp → Mở kho dữ liệu của đơn vị, hoặc bỏ «--demo»).",
        "The demo archive is only for trying the program and takes no bundles; import into "
        "the office's archive (File → Open the office's archive, or leave out '--demo').",
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
    # The same two, said in the window: what to click, or whom to ask
    "weak_key_window": (
        "Khóa tin cậy {key_id} là một khóa yếu (điểm bậc nhỏ hoặc không ở dạng chuẩn) "
        "mà ai cũng giả được chữ ký; hãy bỏ tin cậy nó: menu Tệp → «Khóa tin cậy…», "
        "chọn khóa {key_id} rồi bấm «Bỏ tin cậy».",
        "The trusted key {key_id} is a weak key (a small-order or non-canonical point) "
        "with which anyone can forge signatures; stop trusting it: File menu → "
        "'Trusted keys…', choose the key {key_id} and click 'Stop trusting'.",
    ),
    "publisher_key_bound_window": (
        "Đơn vị {publisher} đã gắn với khóa {bound}; khóa {key_id} chỉ được ký thay cho đơn vị "
        "này khi văn phòng chọn thay khóa. Hãy hỏi tỉnh xem đơn vị đó có đổi khóa không "
        "(đối chiếu mã khóa với công văn của tỉnh); nếu có, nhờ người phụ trách máy tính "
        "của văn phòng thay khóa.",
        "The publisher {publisher} is bound to key {bound}; key {key_id} may sign for it "
        "only once the office chooses to replace the key. Ask the province whether that "
        "publisher changed its key (compare the key id with the province's dispatch); if so, "
        "ask whoever looks after the office's computers to replace it.",
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
    "already_files_restored": (
        "Đã lấy lại từ gói {files} tệp đính kèm mà kho dữ liệu bị mất.",
        "{files} attached files the archive had lost were put back from it.",
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
}
