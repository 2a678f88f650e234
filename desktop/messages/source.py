"""A publisher's source folder: each problem `bangtin bundle build` finds in it.

Each entry: key -> (Vietnamese, English), with the same {placeholders} in both.
Field names stay as the files spell them (YAML keys: «id», «published»…).
The bundle format v2 fields have their sentences in office.py.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # The folder itself
    "src_no_folder": (
        "Không tìm thấy thư mục nguồn {file}.",
        "The source folder {file} does not exist.",
    ),
    "src_not_a_folder": (
        "{file} là một tệp, không phải thư mục nguồn.",
        "{file} is a file, not a source folder.",
    ),
    "src_duplicate_id": (
        "Tệp {file}, dòng {line}: mã «{ident}» đã được dùng trong tệp {other}.",
        "File {file}, line {line}: the id '{ident}' is already used in {other}.",
    ),
    "src_changed": (
        "Tệp {file}, dòng {line}: tệp đã bị sửa trong lúc tạo gói, không còn là văn bản "
        "«{ident}»; hãy tạo lại gói.",
        "File {file}, line {line}: the file changed while the bundle was built and is no "
        "longer the notice '{ident}'; build the bundle again.",
    ),
    # categories.yaml
    "src_bad_category_order": (
        "Tệp {file}, dòng {line}: tệp thứ tự chuyên mục không đọc được; nó phải là văn bản "
        "UTF-8 viết theo YAML.",
        "File {file}, line {line}: the category order file cannot be read; it must be "
        "UTF-8 text written in YAML.",
    ),
    "src_category_order_not_list": (
        "Tệp {file}, dòng {line}: tệp thứ tự chuyên mục phải là một danh sách đường dẫn "
        "chuyên mục, mỗi dòng một mục như «- Thông báo/Y tế».",
        "File {file}, line {line}: the category order file must be a list of category "
        "paths, one item a line such as '- Thông báo/Y tế'.",
    ),
    # The shape of a file
    "src_invalid_utf8": (
        "Tệp {file}, dòng {line}: tệp không phải văn bản UTF-8 hợp lệ; hãy lưu lại tệp "
        "với bảng mã UTF-8.",
        "File {file}, line {line}: the file is not valid UTF-8 text; save it again as UTF-8.",
    ),
    "src_no_front_matter": (
        "Tệp {file}, dòng {line}: tệp phải bắt đầu bằng một dòng «---» rồi đến phần đầu YAML.",
        "File {file}, line {line}: the file must start with a '---' line and YAML front matter.",
    ),
    "src_unclosed_front_matter": (
        "Tệp {file}, dòng {line}: phần đầu YAML thiếu dòng «---» để kết thúc.",
        "File {file}, line {line}: the front matter has no closing '---' line.",
    ),
    "src_bad_yaml": (
        "Tệp {file}, dòng {line}: phần đầu YAML không đọc được: «{detail}».",
        "File {file}, line {line}: invalid YAML front matter: {detail}.",
    ),
    "src_yaml_too_deep": (
        "Tệp {file}, dòng {line}: phần đầu YAML lồng nhau quá sâu.",
        "File {file}, line {line}: the YAML front matter is nested too deeply.",
    ),
    "src_not_a_mapping": (
        "Tệp {file}, dòng {line}: phần đầu YAML phải là các dòng «trường: giá trị», "
        "ví dụ «id: tb-01».",
        "File {file}, line {line}: the front matter must be a mapping of fields, "
        "such as 'id: tb-01'.",
    ),
    # Fields
    "src_unknown_field": (
        "Tệp {file}, dòng {line}: không có trường «{field}»; hãy kiểm tra chính tả, "
        "kể cả chữ hoa và chữ thường.",
        "File {file}, line {line}: unknown field '{field}'; check its spelling, "
        "capital letters included.",
    ),
    "src_missing_field": (
        "Tệp {file}, dòng {line}: thiếu trường «{field}».",
        "File {file}, line {line}: missing field '{field}'.",
    ),
    "src_empty_field": (
        "Tệp {file}, dòng {line}: trường «{field}» đang để trống.",
        "File {file}, line {line}: the field '{field}' is empty.",
    ),
    "src_not_text": (
        "Tệp {file}, dòng {line}: trường «{field}» phải là một dòng chữ, "
        "không phải danh sách, bảng hay true/false.",
        "File {file}, line {line}: the field '{field}' must be text, "
        "not a list, a mapping or true/false.",
    ),
    "src_field_nul": (
        "Tệp {file}, dòng {line}: trường «{field}» chứa ký tự NUL.",
        "File {file}, line {line}: the field '{field}' contains a NUL character.",
    ),
    "src_field_too_long": (
        "Tệp {file}, dòng {line}: trường «{field}» dài quá {limit} ký tự.",
        "File {file}, line {line}: the field '{field}' is longer than {limit} characters.",
    ),
    "src_bad_withdrawn": (
        "Tệp {file}, dòng {line}: trường «withdrawn» phải là true hoặc false.",
        "File {file}, line {line}: the field 'withdrawn' must be true or false.",
    ),
    "src_bad_id": (
        "Tệp {file}, dòng {line}: trường «id» phải gồm 1 đến 120 chữ cái không dấu, "
        "chữ số, «.», «_» hoặc «-», bắt đầu bằng chữ cái hoặc chữ số.",
        "File {file}, line {line}: the field 'id' must be 1 to 120 letters without accents, "
        "digits, '.', '_' or '-', starting with a letter or a digit.",
    ),
    "src_bad_datetime": (
        "Tệp {file}, dòng {line}: trường «{field}» phải là ngày giờ viết NNNN-TT-NN GG:PP, "
        "ví dụ 2024-01-15 08:30, nhưng đang là {value}.",
        "File {file}, line {line}: bad date and time in '{field}': it must be written "
        "YYYY-MM-DD HH:MM, for example 2024-01-15 08:30, but it is {value}.",
    ),
    "src_out_of_range": (
        "Tệp {file}, dòng {line}: trường «{field}» nằm ngoài khoảng cho phép: ngày phải "
        "thuộc các năm {first}–{last} (giờ Việt Nam, UTC+7).",
        "File {file}, line {line}: '{field}' is out of range: dates must lie in the years "
        "{first}–{last} (UTC+7).",
    ),
    "src_updated_before_published": (
        "Tệp {file}, dòng {line}: ngày cập nhật «updated» sớm hơn ngày đăng «published».",
        "File {file}, line {line}: 'updated' is earlier than 'published'.",
    ),
    "src_category_empty_level": (
        "Tệp {file}, dòng {line}: trường «category» có một cấp để trống "
        "(hai dấu «/» liền nhau, hoặc «/» ở đầu hay cuối).",
        "File {file}, line {line}: the field 'category' has an empty level "
        "(two '/' together, or a '/' at the start or the end).",
    ),
    "src_category_too_deep": (
        "Tệp {file}, dòng {line}: trường «category» có quá {limit} cấp.",
        "File {file}, line {line}: the field 'category' has more than {limit} levels.",
    ),
    "src_category_level_too_long": (
        "Tệp {file}, dòng {line}: trường «category» có một cấp dài quá {limit} ký tự.",
        "File {file}, line {line}: the field 'category' has a level longer than "
        "{limit} characters.",
    ),
    "src_bad_related": (
        "Tệp {file}, dòng {line}: trường «related» phải là danh sách mã văn bản "
        "(chữ, số, «.», «_», «-»), ví dụ [qd-118-2023].",
        "File {file}, line {line}: the field 'related' must be a list of notice ids "
        "(letters, digits, '.', '_', '-'), for example [qd-118-2023].",
    ),
    "src_bad_attachments": (
        "Tệp {file}, dòng {line}: trường «attachments» phải là danh sách đường dẫn tệp, "
        "ví dụ [files/qd-118.pdf].",
        "File {file}, line {line}: the field 'attachments' must be a list of file paths, "
        "for example [files/qd-118.pdf].",
    ),
    "src_attachment_outside": (
        "Tệp {file}, dòng {line}: tệp đính kèm «{path}» phải nằm trong thư mục nguồn.",
        "File {file}, line {line}: the attachment '{path}' must be a path inside "
        "the source folder.",
    ),
    "src_attachment_missing": (
        "Tệp {file}, dòng {line}: không tìm thấy tệp đính kèm «{path}».",
        "File {file}, line {line}: the attachment '{path}' was not found.",
    ),
    "src_attachment_symlink": (
        "Tệp {file}, dòng {line}: tệp đính kèm «{path}» là một liên kết tượng trưng; "
        "hãy chép chính tệp vào thư mục nguồn.",
        "File {file}, line {line}: the attachment '{path}' is a symbolic link; "
        "copy the file itself into the source folder.",
    ),
    # The body
    "src_body_nul": (
        "Tệp {file}, dòng {line}: nội dung văn bản chứa ký tự NUL.",
        "File {file}, line {line}: the body contains a NUL character.",
    ),
    "src_body_too_long": (
        "Tệp {file}, dòng {line}: nội dung văn bản dài quá {limit} ký tự.",
        "File {file}, line {line}: the body is longer than {limit} characters.",
    ),
}
