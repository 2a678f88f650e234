"""The trust chain: roots, delegations, revocations, rotations, channels, freshness, `status`.

Each entry: key -> (Vietnamese, English), with the same {placeholders} in both.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # Why a bundle was refused (desktop/bundles/trustcheck.py)
    "untrusted_root": (
        "Gói dữ liệu được ký bằng khóa {key_id} do khóa gốc {root} ủy quyền, "
        "nhưng văn phòng chưa tin cậy khóa gốc này; hãy thêm khóa gốc của tỉnh "
        "(root.pub) sau khi đối chiếu dấu vân tay với công văn của tỉnh.",
        "The bundle is signed with key {key_id}, delegated by root {root}, which this "
        "office does not trust; add the province's root (root.pub) after comparing its "
        "fingerprint with the one printed on the province's dispatch.",
    ),
    "root_needed": (
        "Gói dữ liệu này cần khóa gốc mới {root} của tỉnh mà văn phòng chưa có: "
        "tỉnh đã đổi khóa gốc, và gói không mang đủ chuỗi đổi khóa từ khóa gốc văn phòng "
        "đang tin cậy; hãy xin tỉnh một gói dữ liệu mới hơn (mang đủ chuỗi khóa gốc) "
        "hoặc công văn có dấu vân tay của khóa gốc mới.",
        "This bundle needs the province's new root {root}, which this office does not "
        "have: the province changed its root keys, and the bundle does not carry the "
        "whole chain from the root this office trusts; ask the province for a newer "
        "bundle (carrying the whole root chain) or the dispatch with the new root's "
        "fingerprint.",
    ),
    "bad_root_chain": (
        "Chuỗi đổi khóa gốc trong gói dữ liệu không hợp lệ (tại khóa gốc {root}): "
        "gói đã bị sửa đổi hoặc không phải do tỉnh tạo.",
        "The bundle's root chain is not valid (at root {root}): the bundle was altered "
        "or was not made by the province.",
    ),
    "bad_delegation": (
        "Giấy ủy quyền cho khóa {key_id} trong gói dữ liệu không có đủ chữ ký hợp lệ của khóa gốc.",
        "The delegation of key {key_id} in the bundle lacks enough valid root signatures.",
    ),
    "delegation_superseded": (
        "Khóa {key_id} được ủy quyền bởi khóa gốc cũ {root}, đã được tỉnh thay thế; "
        "gói dữ liệu phải được ký bằng khóa do khóa gốc mới ủy quyền.",
        "Key {key_id} was delegated by the old root {root}, which the province has "
        "replaced; bundles must be signed by a key the new root delegated.",
    ),
    "delegation_expired": (
        "Ủy quyền của khóa {key_id} đã hết hạn ngày {until} (kho dữ liệu đã có dữ liệu "
        "ký ngày {seen}); gói dữ liệu này không được nhập.",
        "The delegation of key {key_id} expired on {until} (the archive holds data "
        "signed on {seen}); this bundle was not imported.",
    ),
    "key_revoked": (
        "Khóa {key_id} của {publisher} đã bị tỉnh thu hồi (lý do: {reason}); mọi gói "
        "dữ liệu ký bằng khóa này đều bị từ chối.",
        "Key {key_id} of {publisher} was revoked by the province (reason: {reason}); "
        "every bundle signed with it is refused.",
    ),
    "publisher_root_bound": (
        "Đơn vị {publisher} nhận khóa ký từ khóa gốc {root}; khóa {key_id} không do khóa "
        "gốc đó ủy quyền nên không được ký thay cho đơn vị này.",
        "The publisher {publisher} takes its signing keys from root {root}; key {key_id} "
        "was not delegated by that root and may not sign for it.",
    ),
    "channel_foreign": (
        "Gói dữ liệu này dành cho tỉnh «{channel}», còn văn phòng nhận dữ liệu của "
        "«{ours}»; nếu đúng là cần nhận, hãy tin cậy tỉnh đó bằng lệnh "
        "«bangtin trust add-channel {channel}».",
        "This bundle is for the province '{channel}', and this office takes data for "
        "'{ours}'; if it is really needed, trust that province with "
        "'bangtin trust add-channel {channel}'.",
    ),
    "delta_base_differs": (
        "Gói bổ sung số {sequence} của {publisher} được tạo trên gói số {base} mã {needed}, "
        "nhưng kho dữ liệu đã nhập một gói số {base} khác (mã {have}); hãy nhập gói "
        "{needed} hoặc một gói đầy đủ.",
        "Delta bundle {sequence} from {publisher} was made on bundle {base} with id "
        "{needed}, but the archive applied another bundle {base} (id {have}); import "
        "bundle {needed} or a full bundle.",
    ),
    "warn_delegation_clock": (
        "Lưu ý: theo đồng hồ của máy này, ủy quyền của khóa {key_id} đã hết hạn ngày "
        "{until}; hãy kiểm tra ngày giờ của máy và xin tỉnh khóa ký mới.",
        "Note: by this computer's clock, the delegation of key {key_id} expired on "
        "{until}; check the computer's date and ask the province for a new signing key.",
    ),
    # Why a document in the manifest breaks the format
    "detail_weak_key": (
        "trường «{field}» là một khóa yếu hoặc không ở dạng chuẩn",
        "'{field}' is a weak or non-canonical key",
    ),
    "detail_threshold": (
        "trường «{field}» phải là số khóa cần ký, từ 1 đến số khóa",
        "'{field}' must be how many keys must sign, from 1 to the number of keys",
    ),
    # Why a key file or trust document was refused: the {detail} of "bad_key"
    "key_is_root": (
        "đây là khóa gốc của tỉnh (root.pub), không phải khóa ký",
        "this is a province's root key (root.pub), not a signing key",
    ),
    "key_not_root": (
        "tệp không phải khóa gốc (root.pub) hay tệp khóa gốc nhiều khóa",
        "the file is neither a root key (root.pub) nor a k-of-n root file",
    ),
    "trust_not_document": (
        "tệp không phải tài liệu tin cậy của Bảng Tin (JSON)",
        "the file is not a Bảng Tin trust document (JSON)",
    ),
    "trust_bad_document": (
        "tài liệu không hợp lệ: {detail}",
        "the document is not valid: {detail}",
    ),
    # The province's commands
    "root_written": (
        "Đã tạo khóa gốc: {private} (khóa bí mật, cất giữ ngoại tuyến) và {public}. "
        "Dấu vân tay để in trên công văn: {fingerprint}",
        "Root key written: {private} (private, keep it offline) and {public}. "
        "Fingerprint to print on the dispatch: {fingerprint}",
    ),
    "delegation_written": (
        "Đã ủy quyền cho khóa {key_id} ký cho {publisher} đến hết ngày {until}: {path}",
        "Key {key_id} delegated to sign for {publisher} until the end of {until}: {path}",
    ),
    "revocation_written": (
        "Đã ghi văn bản thu hồi khóa {key_id}: {path}",
        "Revocation of key {key_id} written: {path}",
    ),
    "rotation_written": (
        "Đã ghi việc đổi khóa gốc {old} sang {new}: {path}",
        "Root rotation from {old} to {new} written: {path}",
    ),
    "root_file_written": (
        "Đã ghi khóa gốc {threshold} trên {keys} khóa: {path}. Dấu vân tay: {fingerprint}",
        "Root of {threshold} of {keys} keys written: {path}. Fingerprint: {fingerprint}",
    ),
    "root_file_needed": (
        "Khóa gốc có nhiều khóa: hãy chỉ ra tệp khóa gốc bằng «--root-file».",
        "The root has several keys: name its root file with '--root-file'.",
    ),
    "root_key_not_in_root": (
        "Khóa {key_id} không thuộc khóa gốc {path}.",
        "Key {key_id} is not one of the root {path}.",
    ),
    "threshold_not_met": (
        "Khóa gốc cần {threshold} khóa ký, mới có {given}.",
        "The root needs {threshold} keys to sign, and {given} were given.",
    ),
    "bad_threshold": (
        "Số khóa cần ký {threshold} không hợp lệ với {keys} khóa (1–16 khóa khác nhau).",
        "A threshold of {threshold} is not valid with {keys} keys (1–16 distinct keys).",
    ),
    "rotation_same_root": (
        "Khóa gốc mới trùng với khóa gốc cũ.",
        "The new root is the same as the old one.",
    ),
    "reason_needed": (
        "Hãy ghi lý do thu hồi khóa («--reason»).",
        "Give the reason for the revocation ('--reason').",
    ),
    "bad_channel": (
        "Mã tỉnh «{channel}» không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu «-».",
        "The province id '{channel}' is not valid: use lower-case letters, digits and '-'.",
    ),
    "delegation_other_key": (
        "Giấy ủy quyền dành cho khóa {delegated}, không phải khóa ký {key_id} này.",
        "The delegation is for key {delegated}, not for this signing key {key_id}.",
    ),
    "delegation_other_publisher": (
        "Giấy ủy quyền dành cho đơn vị «{delegated}», không phải «{publisher}».",
        "The delegation is for the publisher '{delegated}', not '{publisher}'.",
    ),
    "delegation_expired_build": (
        "Giấy ủy quyền đã hết hạn ngày {until}; hãy xin khóa gốc ủy quyền lại.",
        "The delegation expired on {until}; ask for a new one from the root.",
    ),
    # The office's commands
    "root_trusted": (
        "Đã tin cậy khóa gốc {name}, dấu vân tay {fingerprint}.",
        "Now trusting the root {name}, fingerprint {fingerprint}.",
    ),
    "root_trusted_already": (
        "Khóa gốc {name} ({fingerprint}) đã được tin cậy từ trước.",
        "The root {name} ({fingerprint}) was trusted already.",
    ),
    "root_untrusted": (
        "Đã bỏ tin cậy khóa gốc {fingerprint}.",
        "The root {fingerprint} is no longer trusted.",
    ),
    "channel_trusted": (
        "Đã nhận gói dữ liệu của tỉnh «{channel}».",
        "Bundles for the province '{channel}' are now accepted.",
    ),
    "channel_trusted_already": (
        "Gói dữ liệu của tỉnh «{channel}» đã được nhận từ trước.",
        "Bundles for the province '{channel}' were accepted already.",
    ),
    # Freshness and `bangtin status`
    "freshness": (
        "Dữ liệu cập nhật đến ngày {day} (cách đây {days} ngày)",
        "Data up to {day} ({days} days ago)",
    ),
    "freshness_today": (
        "Dữ liệu cập nhật đến ngày {day} (hôm nay)",
        "Data up to {day} (today)",
    ),
    "freshness_stale": (
        "Dữ liệu cập nhật đến ngày {day} (cách đây {days} ngày) — đã lâu không có dữ liệu "
        "mới, hãy xin tỉnh gói dữ liệu mới nhất",
        "Data up to {day} ({days} days ago) — no new data for a long time, ask the "
        "province for the newest bundle",
    ),
    "status_path": ("Kho dữ liệu: {path} ({size})", "Archive: {path} ({size})"),
    "status_chosen": ("Chọn theo: {how}", "Chosen by: {how}"),
    "chosen_database_option": ("tùy chọn --database", "the option --database"),
    "chosen_data_dir_option": ("tùy chọn --data-dir", "the option --data-dir"),
    "chosen_database_env": (
        "biến môi trường BANGTIN_DATABASE_URL",
        "the environment variable BANGTIN_DATABASE_URL",
    ),
    "chosen_data_dir_env": (
        "biến môi trường BANGTIN_DATA_DIR",
        "the environment variable BANGTIN_DATA_DIR",
    ),
    "chosen_portable": (
        "tệp portable.ini bên cạnh chương trình",
        "the file portable.ini beside the program",
    ),
    "chosen_default": (
        "mặc định (thư mục dữ liệu của người dùng)",
        "default (the user's data folder)",
    ),
    "chosen_demo": ("tùy chọn --demo", "the option --demo"),
    "status_env_unused": (
        "Biến môi trường BANGTIN_DATABASE_URL có đặt nhưng không được dùng, vì dòng lệnh "
        "đã chọn kho dữ liệu khác.",
        "The environment variable BANGTIN_DATABASE_URL is set but not used, because the "
        "command line chose another archive.",
    ),
    "status_notices": ("Văn bản: {count}", "Notices: {count}"),
    "status_log": (
        "Tệp nhật ký (cảnh báo và lỗi): {path}",
        "Log file (warnings and errors): {path}",
    ),
    "status_no_signed": (
        "Chưa có dữ liệu đã ký nào được nhập bằng phiên bản này.",
        "No signed data imported by this version yet.",
    ),
    "status_channels": ("Tỉnh: {channels}", "Province: {channels}"),
    "status_root": ("Khóa gốc {name}: {fingerprint}", "Root {name}: {fingerprint}"),
    "status_root_old": (
        "Khóa gốc cũ {name} (đã thay): {fingerprint}",
        "Old root {name} (replaced): {fingerprint}",
    ),
    "status_signing": (
        "khóa ký {key_id} cho {publisher}, hạn đến {until}",
        "signing key {key_id} for {publisher}, valid until {until}",
    ),
    "status_signing_revoked": (
        "khóa ký {key_id} cho {publisher}, hạn đến {until}: ĐÃ THU HỒI ({reason})",
        "signing key {key_id} for {publisher}, valid until {until}: REVOKED ({reason})",
    ),
    "status_key": (
        "Khóa tin cậy trực tiếp {key_id}: {name}",
        "Key trusted directly {key_id}: {name}",
    ),
    "status_revoked": ("Khóa bị thu hồi {key_id}: {reason}", "Revoked key {key_id}: {reason}"),
    "status_publisher": (
        "{name}: gói số {sequence}, ký ngày {day}",
        "{name}: bundle {sequence}, signed on {day}",
    ),
}
