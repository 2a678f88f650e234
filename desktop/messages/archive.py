"""The archive and its backups: opening, damage, a full disk, restore and check.

Each entry: key -> (Vietnamese, English), with the same {placeholders} in both.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # The archive
    "archive_damaged": (
        "Kho dữ liệu {path} bị hỏng hoặc không phải kho của Bảng Tin.",
        "The archive {path} is damaged or is not a Bảng Tin archive.",
    ),
    "archive_newer": (
        "Kho dữ liệu {path} được tạo bởi phiên bản Bảng Tin mới hơn, vui lòng cập nhật Bảng Tin.",
        "The archive {path} was made by a newer Bảng Tin, please update Bảng Tin.",
    ),
    "archive_not_a_folder": (
        "{path} là một tệp, không phải thư mục; thư mục dữ liệu phải là một thư mục "
        "(hãy chọn thư mục khác). Không có gì bị thay đổi.",
        "{path} is a file, not a folder; the data folder must be a folder "
        "(choose another). Nothing was changed.",
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
    "stage_saving": ("Đang lưu vào kho dữ liệu", "Saving to the archive"),
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
    "check_files_lost": (
        "Thiếu hoặc hỏng {count} tệp đính kèm trong thư mục dữ liệu; hãy nhập lại các gói "
        "dữ liệu có các tệp đó (Bảng Tin sẽ lấy lại tệp từ gói).",
        "{count} attached files are missing from the data folder or damaged; import again "
        "the bundles that carry them (Bảng Tin puts the files back from them).",
    ),
    # The shared archive on a PostgreSQL server: PostgreSQL's own tools do it
    "server_backup_taken": (
        "Đã sao lưu kho dữ liệu dùng chung {where} bằng pg_dump của PostgreSQL vào {path}.",
        "The shared archive {where} was backed up with PostgreSQL's pg_dump to {path}.",
    ),
    "server_restored": (
        "Đã khôi phục kho dữ liệu dùng chung {where} từ {source} bằng pg_restore của PostgreSQL.",
        "The shared archive {where} was restored from {source} with PostgreSQL's pg_restore.",
    ),
    "backup_waiting": (
        "Chương trình khác đang nhập gói dữ liệu; sẽ sao lưu khi nhập xong…",
        "Another program is importing a bundle; the backup starts when it is done…",
    ),
    "backup_waiting_server": (
        "Máy khác đang nhập gói dữ liệu; sẽ sao lưu khi máy đó nhập xong…",
        "Another computer is importing a bundle; the backup starts when it is done…",
    ),
    "server_restore_waiting_import": (
        "Máy khác đang nhập gói dữ liệu; sẽ khôi phục khi máy đó nhập xong…",
        "Another computer is importing a bundle; the restore starts when it is done…",
    ),
    "server_restore_waiting_sessions": (
        "Đang chờ máy khác xong việc đang dở với kho dữ liệu dùng chung (một giao dịch còn mở "
        "trên máy chủ) rồi mới khôi phục…",
        "Waiting for another computer to finish what it is doing with the shared archive (a "
        "transaction still open on the server) before restoring…",
    ),
    "server_no_backup": (
        "Chưa có bản sao lưu nào của kho dữ liệu dùng chung {where} trong {path}; "
        "hãy chỉ ra tệp .dump cần khôi phục.",
        "There is no backup of the shared archive {where} in {path}; "
        "name the .dump file to restore.",
    ),
    "restore_dump_to_pc": (
        "{path} là bản sao lưu của kho dữ liệu dùng chung trên máy chủ PostgreSQL, không phải "
        "của kho trên máy này; hãy khôi phục nó bằng «bangtin --database ĐỊA_CHỈ restore "
        "{path}». Kho dữ liệu không thay đổi.",
        "{path} is a backup of a shared archive on a PostgreSQL server, not of this PC's "
        "archive; restore it with «bangtin --database ADDRESS restore {path}». "
        "The archive is unchanged.",
    ),
    "restore_sqlite_to_server": (
        "{path} là kho dữ liệu (hoặc bản sao lưu) của một máy, không phải bản sao lưu của "
        "kho dữ liệu dùng chung; để chép nó lên máy chủ, hãy dùng «bangtin migrate-to». "
        "Kho dữ liệu không thay đổi.",
        "{path} is a PC's archive (or its backup), not a backup of the shared archive; "
        "to copy it onto the server, use «bangtin migrate-to». The archive is unchanged.",
    ),
    "restore_not_a_backup": (
        "{path} không phải bản sao lưu kho dữ liệu của Bảng Tin (hoặc đã hỏng đến mức không "
        "nhận ra được); kho dữ liệu không thay đổi.",
        "{path} is not a Bảng Tin archive backup (or is damaged beyond recognition); "
        "the archive is unchanged.",
    ),
    "restore_not_a_dump": (
        "{path} không phải bản sao lưu của kho dữ liệu dùng chung (tệp .dump do pg_dump ghi); "
        "kho dữ liệu không thay đổi.",
        "{path} is not a backup of the shared archive (a .dump file written by pg_dump); "
        "the archive is unchanged.",
    ),
    "server_restored_aside": (
        "Trạng thái trước khi khôi phục được giữ lại tại {aside}.",
        "The state before the restore is kept in {aside}.",
    ),
    "server_restored_no_aside": (
        "Không giữ lại được trạng thái trước khi khôi phục: pg_dump không đọc được cơ sở "
        "dữ liệu đó (Lý do: {reason}).",
        "The state before the restore could not be kept: pg_dump could not read that "
        "database (reason: {reason}).",
    ),
    "server_backup_pruned": (
        "Đã xóa {count} bản sao lưu cũ nhất của cơ sở dữ liệu này "
        "(Bảng Tin giữ {keep} bản mới nhất).",
        "Removed the {count} oldest backups of this database (Bảng Tin keeps the newest {keep}).",
    ),
    "server_check_ok": (
        "Kho dữ liệu dùng chung {where} trả lời và đọc được hết ({rows} dòng, "
        "phiên bản cấu trúc {revision}).",
        "The shared archive {where} answers and reads to the end (rows read: {rows}, "
        "schema revision {revision}).",
    ),
    "pg_tool_missing": (
        "Không tìm thấy chương trình {tool} của PostgreSQL, cần để sao lưu và khôi phục kho "
        "dữ liệu dùng chung: trên Debian hãy cài gói postgresql-client "
        "(sudo apt install postgresql-client); trên Windows hãy cài PostgreSQL từ "
        "https://www.postgresql.org/download/windows/ rồi thêm thư mục bin của nó vào PATH.",
        "PostgreSQL's {tool} was not found; it is needed to back up and restore the shared "
        "archive: on Debian install the package postgresql-client "
        "(sudo apt install postgresql-client); on Windows install PostgreSQL from "
        "https://www.postgresql.org/download/windows/ and add its bin folder to PATH.",
    ),
    "pg_tool_failed": (
        "{tool} của PostgreSQL không làm được việc; kho dữ liệu không thay đổi. Lý do: {reason}",
        "PostgreSQL's {tool} failed; the archive is unchanged. The reason: {reason}",
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
    # The same damage said in the window, which offers the backup with a button
    "import_damaged_archive_window": (
        "Không nhập gói dữ liệu vì kho dữ liệu bị hỏng (có trang dữ liệu không đọc được); "
        "kho dữ liệu không thay đổi. Hãy bấm «Khôi phục bản sao lưu» khi Bảng Tin hỏi, "
        "hoặc nhờ người phụ trách máy tính của văn phòng.",
        "The bundle was not imported because the archive is damaged (some of its pages "
        "cannot be read); the archive is unchanged. Click 'Restore the backup' when Bảng Tin "
        "asks, or ask whoever looks after the office's computers.",
    ),
    "archive_pages_damaged_window": (
        "Kho dữ liệu {path} bị hỏng (có trang dữ liệu không đọc được); hãy bấm «Khôi phục "
        "bản sao lưu» khi Bảng Tin hỏi, hoặc nhờ người phụ trách máy tính của văn phòng.",
        "The archive {path} is damaged (some of its pages cannot be read); click 'Restore the "
        "backup' when Bảng Tin asks, or ask whoever looks after the office's computers.",
    ),
    "backup_damaged_window": (
        "Kho dữ liệu {path} bị hỏng (có trang dữ liệu không đọc được) nên không sao lưu; "
        "các bản sao lưu cũ được giữ nguyên. Hãy bấm «Khôi phục bản sao lưu» khi Bảng Tin "
        "hỏi, hoặc nhờ người phụ trách máy tính của văn phòng.",
        "The archive {path} is damaged (some of its pages cannot be read), so it was not "
        "backed up; the older backups are kept. Click 'Restore the backup' when Bảng Tin "
        "asks, or ask whoever looks after the office's computers.",
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
    "stage_waiting_server": (
        "Máy khác đang nhập gói dữ liệu",
        "Another computer is importing a bundle",
    ),
    # The shared archive on a PostgreSQL server ({path}: postgresql://user@host/database)
    "archive_server_unreachable": (
        "Không kết nối được tới máy chủ dữ liệu {path}: hãy kiểm tra tên máy chủ, mạng, "
        "và PostgreSQL có đang chạy trên máy đó không.",
        "Cannot reach the database server {path}: check the server's name, the network, "
        "and that PostgreSQL is running there.",
    ),
    "archive_server_login": (
        "Máy chủ dữ liệu {path} không cho đăng nhập: hãy kiểm tra tên người dùng, "
        "mật khẩu và quyền vào cơ sở dữ liệu này, rồi thử lại.",
        "The database server {path} refused the login: check the user name, the password "
        "and the user's right to this database, then try again.",
    ),
    "archive_server_no_database": (
        "Máy chủ dữ liệu không có cơ sở dữ liệu {path}; hãy kiểm tra tên, "
        "hoặc tạo cơ sở dữ liệu đó trên máy chủ trước.",
        "The database server has no database {path}; check its name, "
        "or create that database on the server first.",
    ),
    "archive_server_url": (
        "“{path}” không phải địa chỉ máy chủ PostgreSQL; hãy ghi theo dạng "
        "postgresql://NGƯỜI_DÙNG@MÁY_CHỦ/CƠ_SỞ_DỮ_LIỆU.",
        "“{path}” is not a PostgreSQL server's address; write it as "
        "postgresql://USER@HOST/DATABASE.",
    ),
    "archive_server_lost": (
        "Mất kết nối tới máy chủ dữ liệu {path}; việc đang làm chưa được ghi, "
        "không có gì bị mất, hãy thử lại khi máy chủ chạy lại.",
        "Lost the connection to the database server {path}; what was being done was not "
        "written, nothing is lost, try again when the server is back.",
    ),
    "archive_not_on_server": (
        "Việc này chưa làm được với kho dữ liệu dùng chung trên máy chủ PostgreSQL {path}.",
        "This cannot be done yet with the shared archive on the PostgreSQL server {path}.",
    ),
    "archive_not_on_server_search": (
        "Tìm kiếm chưa dùng được với kho dữ liệu dùng chung trên máy chủ PostgreSQL {path}; "
        "danh sách, lọc và xem văn bản vẫn dùng được.",
        "Search is not available yet with the shared archive on the PostgreSQL server {path}; "
        "lists, filters and reading notices work.",
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
