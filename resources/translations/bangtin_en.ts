<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>Actions</name>
    <message>
        <source>Nhập gói dữ liệu…</source>
        <translation>Import bundle…</translation>
    </message>
    <message>
        <source>Nhập gói dữ liệu (.bangtin) từ tệp (Ctrl+O)</source>
        <translation>Import a bundle (.bangtin) from a file (Ctrl+O)</translation>
    </message>
    <message>
        <source>Mở kho dữ liệu mẫu</source>
        <translation>Open the demo archive</translation>
    </message>
    <message>
        <source>Khóa tin cậy…</source>
        <translation>Trusted keys…</translation>
    </message>
    <message>
        <source>Mở kho dữ liệu của đơn vị</source>
        <translation>Open the office&apos;s archive</translation>
    </message>
    <message>
        <source>Rời kho dữ liệu mẫu, về kho dữ liệu của đơn vị</source>
        <translation>Leave the demo archive for the office&apos;s own archive</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Quay lại văn bản trước (Alt+←)</source>
        <translation>Back to the previous notice (Alt+←)</translation>
    </message>
    <message>
        <source>Tiến tới</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Tiến tới văn bản sau (Alt+→)</source>
        <translation>Forward to the next notice (Alt+→)</translation>
    </message>
    <message>
        <source>Phóng to chữ</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Thu nhỏ chữ</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Cỡ chữ mặc định</source>
        <translation>Default text size</translation>
    </message>
    <message>
        <source>Chuyển sang khung kế tiếp</source>
        <translation>Next pane</translation>
    </message>
    <message>
        <source>Chuyển sang khung trước</source>
        <translation>Previous pane</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Lưu văn bản này vào mục «Đã lưu» để đọc lại, hoặc bỏ lưu (Ctrl+D)</source>
        <translation>Save this notice under “Saved” to read it again, or unsave it (Ctrl+D)</translation>
    </message>
    <message>
        <source>Bỏ lưu</source>
        <translation>Unsave</translation>
    </message>
    <message>
        <source>Văn bản chưa đọc kế tiếp</source>
        <translation>Next unread notice</translation>
    </message>
    <message>
        <source>Mở văn bản chưa đọc kế tiếp trong danh sách (N)</source>
        <translation>Open the next unread notice in the list (N)</translation>
    </message>
    <message>
        <source>Đánh dấu chưa đọc</source>
        <translation>Mark as unread</translation>
    </message>
    <message>
        <source>Đánh dấu các văn bản đã chọn (hoặc văn bản đang mở) là chưa đọc (Ctrl+U)</source>
        <translation>Mark the selected notices (or the open one) as unread (Ctrl+U)</translation>
    </message>
    <message>
        <source>Tìm trong kho dữ liệu…</source>
        <translation>Search the archive…</translation>
    </message>
    <message>
        <source>Tìm văn bản trong kho dữ liệu (Ctrl+K)</source>
        <translation>Search the notices in the archive (Ctrl+K)</translation>
    </message>
    <message>
        <source>Tìm trong văn bản này…</source>
        <translation>Find in this notice…</translation>
    </message>
    <message>
        <source>Tìm chữ trong văn bản đang mở (Ctrl+F)</source>
        <translation>Find words in the open notice (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tìm tiếp</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>Tìm ngược lại</source>
        <translation>Find previous</translation>
    </message>
    <message>
        <source>Đánh dấu đã đọc tất cả</source>
        <translation>Mark all as read</translation>
    </message>
    <message>
        <source>Khóa gốc của tỉnh, khóa ký, hạn ủy quyền và khóa bị thu hồi</source>
        <translation>The province&apos;s root keys, signing keys, delegation expiry and revoked keys</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Kho dữ liệu dùng chung trên máy chủ, và các cài đặt khác</source>
        <translation>The shared archive on a server, and other settings</translation>
    </message>
    <message>
        <source>Thoát tìm kiếm</source>
        <translation>Leave the search</translation>
    </message>
    <message>
        <source>In tất cả kết quả tìm kiếm…</source>
        <translation>Print all search results…</translation>
    </message>
    <message>
        <source>Xuất PDF tất cả kết quả tìm kiếm…</source>
        <translation>Export all search results as PDF…</translation>
    </message>
    <message>
        <source>In danh mục kết quả tìm kiếm…</source>
        <translation>Print a list of the search results…</translation>
    </message>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Giới thiệu Bảng Tin</source>
        <translation>About Bảng Tin</translation>
    </message>
    <message>
        <source>Tiếng Việt</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Xem trước và in văn bản này (Ctrl+P)</source>
        <translation>Preview and print this notice (Ctrl+P)</translation>
    </message>
    <message>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Lưu văn bản này thành tệp PDF</source>
        <translation>Save this notice as a PDF file</translation>
    </message>
    <message>
        <source>In các văn bản đã chọn…</source>
        <translation>Print the selected notices…</translation>
    </message>
    <message>
        <source>Xuất PDF các văn bản đã chọn…</source>
        <translation>Export the selected notices as PDF…</translation>
    </message>
    <message>
        <source>In danh mục các văn bản đã chọn…</source>
        <translation>Print a list of the selected notices…</translation>
    </message>
    <message>
        <source>Xuất PDF danh mục các văn bản đã chọn…</source>
        <translation>Export a list of the selected notices as PDF…</translation>
    </message>
    <message>
        <source>Đọc văn bản</source>
        <translation>Read notices</translation>
    </message>
    <message>
        <source>Danh sách và nội dung văn bản (Ctrl+1)</source>
        <translation>The list of notices and the notice itself (Ctrl+1)</translation>
    </message>
    <message>
        <source>Sổ văn bản đến</source>
        <translation>Incoming register</translation>
    </message>
    <message>
        <source>Sổ đăng ký văn bản đến (Ctrl+2)</source>
        <translation>The register of incoming documents (Ctrl+2)</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Văn bản có hạn xử lý chưa hoàn thành (Ctrl+3)</source>
        <translation>Notices with a deadline not yet done (Ctrl+3)</translation>
    </message>
    <message>
        <source>Lược đồ văn bản</source>
        <translation>Document relations</translation>
    </message>
    <message>
        <source>Văn bản căn cứ, sửa đổi, thay thế, bãi bỏ của văn bản đang xem</source>
        <translation>What the open notice is based on, amends, replaces or repeals, and what does so to it</translation>
    </message>
    <message>
        <source>In sổ…</source>
        <translation>Print register…</translation>
    </message>
    <message>
        <source>Xem trước và in sổ văn bản đến của năm đang chọn (A4 ngang)</source>
        <translation>Preview and print the chosen year&apos;s incoming register (A4 landscape)</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Lưu sổ văn bản đến của năm đang chọn thành tệp Excel (.xlsx)</source>
        <translation>Save the chosen year&apos;s incoming register as an Excel file (.xlsx)</translation>
    </message>
    <message>
        <source>Đã hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Ghi “Hoàn thành” vào sổ cho văn bản đang chọn, bỏ nó khỏi danh sách</source>
        <translation>Write “Done” in the register for the chosen notice and take it off the list</translation>
    </message>
    <message>
        <source>Thông tin đơn vị…</source>
        <translation>Office details…</translation>
    </message>
    <message>
        <source>Tên, mã định danh và khóa ký báo nhận của đơn vị</source>
        <translation>The office&apos;s name, agency code and receipt key</translation>
    </message>
    <message>
        <source>Xuất báo nhận…</source>
        <translation>Export receipt…</translation>
    </message>
    <message>
        <source>Ghi báo nhận gửi tỉnh: đã nhận, vào sổ, xử lý những văn bản nào</source>
        <translation>Write a receipt for the province: which documents were received, registered, handled</translation>
    </message>
    <message>
        <source>Tình hình tiếp nhận…</source>
        <translation>Receipt status…</translation>
    </message>
    <message>
        <source>Các đơn vị đã nhận, vào sổ, xử lý văn bản nào (theo báo nhận)</source>
        <translation>Which documents the offices received, registered and handled (from their receipts)</translation>
    </message>
    <message>
        <source>Sao lưu kho dữ liệu</source>
        <translation>Back up the archive</translation>
    </message>
    <message>
        <source>Lưu một bản sao đã kiểm tra của kho dữ liệu vào thư mục sao lưu; các bản sao lưu cũ nhất được xóa bớt</source>
        <translation>Save a checked copy of the archive in the backups folder; the oldest backups are removed</translation>
    </message>
</context>
<context>
    <name>ArchiveOpener</name>
    <message>
        <source>Bảng Tin</source>
        <extracomment>The server of the archive shown, when it is the shared one. A password typed this session that no keyring could keep. The step under way, as its status message says it (`_say_progress`): the archive it leads to, how to word it (for a change of language), the text shown.</extracomment>
        <translation>Bảng Tin</translation>
    </message>
    <message>
        <source>Kho dữ liệu mẫu</source>
        <translation>Demo archive</translation>
    </message>
    <message>
        <source>Kho dữ liệu chung {database} trên {host}</source>
        <translation>Shared archive {database} on {host}</translation>
    </message>
    <message>
        <source>{title} (chỉ đọc)</source>
        <translation>{title} (read-only)</translation>
    </message>
    <message>
        <source>Đang mở kho dữ liệu…</source>
        <translation>Opening the archive…</translation>
    </message>
    <message>
        <source>Không mở được kho dữ liệu</source>
        <translation>Cannot open the archive</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Đang chuẩn bị kho dữ liệu mẫu…</source>
        <translation>Preparing the demo archive…</translation>
    </message>
    <message>
        <source>Không mở được kho dữ liệu mẫu</source>
        <translation>Cannot open the demo archive</translation>
    </message>
</context>
<context>
    <name>ArticleBrowser</name>
    <message>
        <source>Nội dung văn bản</source>
        <extracomment>desktop.render.markdown.TABLE_SCHEME, without importing the renderer here. A page was laid out whole (a notice, a message, the same page re-themed). The page set last was painted (once for each page). Whole tables open now, newest last.</extracomment>
        <translation>Notice text</translation>
    </message>
</context>
<context>
    <name>ArticleTabs</name>
    <message>
        <source>Lược đồ</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Toàn văn văn bản</source>
        <translation>The full text of the notice</translation>
    </message>
    <message>
        <source>Văn bản căn cứ, sửa đổi, thay thế, bãi bỏ, hướng dẫn</source>
        <translation>Documents it is based on, amends, replaces, repeals or guides</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Không có chương trình nào mở được {name}.</source>
        <translation>No program can open {name}.</translation>
    </message>
    <message>
        <source>Đã lưu {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Tệp đính kèm</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Không mở hoặc lưu được tệp đính kèm.</source>
        <translation>The attachment could not be opened or saved.</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>Đang sao lưu kho dữ liệu…</source>
        <translation>Backing up the archive…</translation>
    </message>
    <message>
        <source>Sao lưu kho dữ liệu</source>
        <translation>Back up the archive</translation>
    </message>
</context>
<context>
    <name>CategoryModel</name>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Chưa đọc</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>{name}: {unread} chưa đọc trên tổng số {count} văn bản</source>
        <translation>{name}: {unread} unread of {count} notices</translation>
    </message>
</context>
<context>
    <name>CategoryTreeView</name>
    <message>
        <source>Chuyên mục</source>
        <translation>Categories</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Nhập gói dữ liệu</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <source>Gói dữ liệu Bảng Tin (*.bangtin)</source>
        <translation>Bảng Tin bundles (*.bangtin)</translation>
    </message>
    <message>
        <source>Mọi tệp (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Lưu tệp đính kèm</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>Xuất sổ văn bản đến ra Excel</source>
        <translation>Export the incoming register to Excel</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Tệp đính kèm</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Máy tính này chưa có chương trình nào mở được tệp «{name}».</source>
        <translation>No program on this computer opens “{name}”.</translation>
    </message>
    <message>
        <source>Bạn có thể lưu tệp vào máy rồi mở bằng chương trình khác, hoặc chép sang máy khác.</source>
        <translation>You can save the file, then open it with another program or copy it to another computer.</translation>
    </message>
    <message>
        <source>Lưu tệp…</source>
        <translation>Save file…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tìm thấy gói dữ liệu</source>
        <translation>Bundles found</translation>
    </message>
    <message>
        <source>Ổ đĩa «{volume}» có {count} gói dữ liệu. Nhập vào kho dữ liệu?</source>
        <translation>The drive “{volume}” holds {count} bundle(s). Import them into the archive?</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Không có kho dữ liệu</source>
        <translation>No archive</translation>
    </message>
    <message>
        <source>Không có kho dữ liệu ở {path}.</source>
        <translation>There is no archive in {path}.</translation>
    </message>
    <message>
        <source>Nếu gõ nhầm tên thư mục, hãy chọn «Không» và mở lại đúng thư mục. Tạo kho dữ liệu mới, trống, ở thư mục này?</source>
        <translation>If the folder&apos;s name was mistyped, choose &apos;No&apos; and open the right folder. Create a new, empty archive in this folder?</translation>
    </message>
    <message>
        <source>Tạo kho dữ liệu mới</source>
        <translation>Create a new archive</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn tệp khóa công khai</source>
        <translation>Choose a public key file</translation>
    </message>
    <message>
        <source>Khóa công khai (*.pub *.root)</source>
        <translation>Public keys (*.pub *.root)</translation>
    </message>
    <message>
        <source>Tin cậy</source>
        <translation>Trust</translation>
    </message>
    <message>
        <source>Bỏ tin cậy</source>
        <translation>Stop trusting</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>từ {day}</source>
        <extracomment>The archive&apos;s document types and issuers, once read (`reading.filter_choices`).</extracomment>
        <translation>from {day}</translation>
    </message>
    <message>
        <source>đến {day}</source>
        <translation>until {day}</translation>
    </message>
    <message>
        <source>Mọi loại văn bản</source>
        <translation>Any document type</translation>
    </message>
    <message>
        <source>Mọi cơ quan ban hành</source>
        <translation>Any issuer</translation>
    </message>
    <message>
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Lọc danh sách theo ngày đăng, loại văn bản, cơ quan ban hành</source>
        <translation>Filter the list by date, document type and issuer</translation>
    </message>
    <message>
        <source>Bộ lọc</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation>Clear filter</translation>
    </message>
    <message>
        <source>Hiện lại mọi văn bản</source>
        <translation>Show every notice again</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>&amp;Loại:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>Loại văn bản</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>&amp;Cơ quan:</source>
        <translation>&amp;Issuer:</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Issuer</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Không thấy</source>
        <extracomment>Matches tinted at most; a one-letter search in a long decree finds thousands.</extracomment>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Tìm trong văn bản:</source>
        <translation>Find in notice:</translation>
    </message>
    <message>
        <source>Chữ cần tìm, có dấu hoặc không dấu</source>
        <translation>Words to find, with or without diacritics</translation>
    </message>
    <message>
        <source>Tìm trong văn bản</source>
        <translation>Find in notice</translation>
    </message>
    <message>
        <source>Chỗ trước (Shift+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <source>Chỗ trước</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <source>Chỗ sau (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <source>Chỗ sau</source>
        <translation>Next match</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Đóng thanh tìm kiếm</source>
        <translation>Close the find bar</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>Hướng dẫn sử dụng Bảng Tin</source>
        <translation>Bảng Tin user guide</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Văn bản chưa đọc kế tiếp, ở cuối văn bản</source>
        <translation>Next unread notice, at the end of a notice</translation>
    </message>
    <message>
        <source>Phím cách</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Mở văn bản đang chọn trong danh sách</source>
        <translation>Open the notice selected in the list</translation>
    </message>
    <message>
        <source>Thoát tìm kiếm, đóng thanh tìm trong văn bản</source>
        <translation>Leave the search, close the find bar</translation>
    </message>
    <message>
        <source>Giới thiệu Bảng Tin</source>
        <translation>About Bảng Tin</translation>
    </message>
    <message>
        <source>đang tính…</source>
        <translation>counting…</translation>
    </message>
    <message>
        <source>Chưa tin cậy khóa nào.</source>
        <translation>No key is trusted yet.</translation>
    </message>
    <message>
        <source>Đọc và lưu trữ văn bản, thông báo của cơ quan nhà nước, không cần mạng.</source>
        <translation>Reads and keeps official notices and documents, without a network.</translation>
    </message>
    <message>
        <source>Kho dữ liệu:</source>
        <translation>Archive:</translation>
    </message>
    <message>
        <source>Dung lượng:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>Nơi phát hành được tin cậy:</source>
        <translation>Trusted publishers:</translation>
    </message>
    <message>
        <source>Tệp nhật ký (cảnh báo và lỗi):</source>
        <translation>Log file (warnings and errors):</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Đang nhập {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>Đang kiểm tra chữ ký và chép gói dữ liệu…</source>
        <translation>Checking the signature and copying the bundle…</translation>
    </message>
    <message>
        <source>Đang ghi văn bản vào kho dữ liệu…</source>
        <translation>Writing notices into the archive…</translation>
    </message>
    <message>
        <source>Đang cập nhật chỉ mục tìm kiếm…</source>
        <translation>Updating the search index…</translation>
    </message>
    <message>
        <source>Sắp xong…</source>
        <translation>Almost done…</translation>
    </message>
    <message>
        <source>Đang nhập gói dữ liệu…</source>
        <translation>Importing the bundle…</translation>
    </message>
    <message>
        <source>Nhập gói dữ liệu</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <source>Gói dữ liệu {name} đã được nhập trước đây; đã lấy lại từ gói {files} tệp đính kèm mà kho dữ liệu bị mất.</source>
        <translation>The bundle {name} was imported before; {files} attached files the archive had lost were put back from it.</translation>
    </message>
    <message>
        <source>Gói dữ liệu {name} đã được nhập trước đây; kho dữ liệu không thay đổi.</source>
        <translation>The bundle {name} was imported before; the archive is unchanged.</translation>
    </message>
    <message>
        <source>Đã nhập gói dữ liệu số {sequence} của {publisher}.</source>
        <translation>Imported bundle number {sequence} from {publisher}.</translation>
    </message>
    <message>
        <source>Văn bản mới: {n}</source>
        <translation>New notices: {n}</translation>
    </message>
    <message>
        <source>Văn bản cập nhật: {n}</source>
        <translation>Updated notices: {n}</translation>
    </message>
    <message>
        <source>Văn bản thu hồi: {n}</source>
        <translation>Withdrawn notices: {n}</translation>
    </message>
    <message>
        <source>Không thay đổi: {n}</source>
        <translation>Unchanged: {n}</translation>
    </message>
    <message>
        <source>Không nhập được gói dữ liệu</source>
        <translation>The bundle could not be imported</translation>
    </message>
    <message>
        <source>Đã hủy nhập gói dữ liệu; kho dữ liệu không thay đổi.</source>
        <translation>Import cancelled; the archive is unchanged.</translation>
    </message>
    <message>
        <source>Tệp: {name}. Kho dữ liệu không thay đổi.</source>
        <translation>File: {name}. The archive is unchanged.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Văn bản</source>
        <translation>&amp;Notice</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Danh sách và tìm kiếm</source>
        <translation>List and search</translation>
    </message>
    <message>
        <source>Thanh công cụ</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Khung đọc văn bản</source>
        <translation>Reading panes</translation>
    </message>
    <message>
        <source>Bảng Tin</source>
        <translation>Bảng Tin</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Notice count</translation>
    </message>
    <message>
        <source>Cập nhật lần cuối</source>
        <translation>Last update</translation>
    </message>
    <message>
        <source>Cỡ chữ: {value}%</source>
        <translation>Text size: {value}%</translation>
    </message>
</context>
<context>
    <name>NoticeListModel</name>
    <message>
        <source>chưa đọc</source>
        <extracomment>A row&apos;s flags, made once (combining flags makes a new enum value each time).</extracomment>
        <translation>unread</translation>
    </message>
    <message>
        <source>đã lưu</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Số ký hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ngày đăng</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>NoticeListView</name>
    <message>
        <source>Danh sách văn bản</source>
        <translation>Notice list</translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <source>Tin liên quan</source>
        <extracomment>The roles an item answers, and its flags, made once: Qt asks data() for a dozen roles of each item it paints, and each `Qt.ItemDataRole.X` looked up runs Python code. Lines an item takes at most: a very long title must not fill the whole panel. Room around an item&apos;s text.</extracomment>
        <translation>Related notices</translation>
    </message>
    <message>
        <source>Tin mới nhất</source>
        <translation>Latest notices</translation>
    </message>
</context>
<context>
    <name>OfficeViews</name>
    <message>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Không có việc cần làm</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <source>Việc cần làm: {count}</source>
        <translation>To do: {count}</translation>
    </message>
    <message>
        <source>{count} quá hạn</source>
        <translation>{count} overdue</translation>
    </message>
    <message>
        <source>Mở danh sách việc cần làm (Ctrl+3)</source>
        <translation>Open the to-do list (Ctrl+3)</translation>
    </message>
    <message>
        <source>Văn bản</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Sổ văn bản đến</source>
        <translation>Incoming register</translation>
    </message>
    <message>
        <source>Số việc cần làm</source>
        <translation>Things to do</translation>
    </message>
</context>
<context>
    <name>OverviewController</name>
    <message>
        <source>Đánh dấu đã đọc tất cả</source>
        <translation>Mark all as read</translation>
    </message>
    <message>
        <source>Đánh dấu đã đọc {count} văn bản chưa đọc trong «{name}»?</source>
        <translation>Mark the {count} unread notices in “{name}” as read?</translation>
    </message>
    <message>
        <source>Đánh dấu đã đọc</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <source>Đã đánh dấu đã đọc {count} văn bản</source>
        <translation>Marked {count} notices as read</translation>
    </message>
    <message>
        <source>Tất cả chuyên mục</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>{total} văn bản, {unread} chưa đọc</source>
        <translation>{total} notices, {unread} unread</translation>
    </message>
    <message>
        <source>Chưa nhập gói dữ liệu nào</source>
        <translation>No bundle imported yet</translation>
    </message>
    <message>
        <source>Cập nhật lần cuối: {when} từ {publisher}</source>
        <translation>Last updated: {when} from {publisher}</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Không tìm thấy văn bản {id} trong kho dữ liệu.</source>
        <translation>Notice {id} is not in the archive.</translation>
    </message>
    <message>
        <source>Không in được: {error}</source>
        <translation>Could not print: {error}</translation>
    </message>
    <message>
        <source>Đã xuất {pages} trang ra {path}</source>
        <translation>Exported {pages} pages to {path}</translation>
    </message>
    <message>
        <source>In nhiều văn bản</source>
        <translation>Print several notices</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Xuất PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Xem trước khi in</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Kho dữ liệu này chỉ đọc được (thư mục hoặc tệp không cho ghi, hoặc ổ đĩa chỉ đọc); kho dữ liệu không bị hỏng. Bạn vẫn đọc, tìm và in văn bản được, nhưng lượt xem, đánh dấu và gói dữ liệu mới không được lưu.</source>
        <translation>This archive can only be read (its folder or file may not be written, or the disk is read-only); it is not damaged. You can still read, search and print notices, but views, bookmarks and new bundles are not kept.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>N: văn bản chưa đọc kế tiếp (hoặc phím cách ở cuối văn bản)</source>
        <extracomment>How long a notice passed in the list stays on screen before it counts as read. The longest the view count and the panels wait for the article to be painted. Whether the notice shown is read (False while `read_timer` runs). Asking for the view count and the panels, once the article is painted (`flush`).</extracomment>
        <translation>N: the next unread notice (or Space at the end of a notice)</translation>
    </message>
    <message>
        <source>Ctrl+K: tìm trong kho dữ liệu; Ctrl+F: tìm trong văn bản đang mở</source>
        <translation>Ctrl+K: search the archive; Ctrl+F: find in the open notice</translation>
    </message>
    <message>
        <source>Ctrl+D: lưu văn bản để đọc lại; Ctrl+U: đánh dấu chưa đọc</source>
        <translation>Ctrl+D: save a notice to read again; Ctrl+U: mark as unread</translation>
    </message>
    <message>
        <source>F1: hướng dẫn sử dụng</source>
        <translation>F1: user guide</translation>
    </message>
    <message>
        <source>Chọn một văn bản trong danh sách để đọc</source>
        <translation>Choose a notice in the list to read it</translation>
    </message>
    <message>
        <source>Các phím tắt hay dùng:</source>
        <translation>Handy keys:</translation>
    </message>
    <message>
        <source>Không tìm thấy văn bản này trong kho dữ liệu.</source>
        <translation>This notice is not in the archive.</translation>
    </message>
    <message>
        <source>Văn bản này đã bị thu hồi</source>
        <translation>This notice has been withdrawn</translation>
    </message>
    <message>
        <source>Đã lưu văn bản</source>
        <translation>Notice saved</translation>
    </message>
    <message>
        <source>Đã bỏ lưu văn bản</source>
        <translation>Notice unsaved</translation>
    </message>
</context>
<context>
    <name>ReadingMarks</name>
    <message>
        <source>Đã đánh dấu chưa đọc {count} văn bản</source>
        <translation>Marked {count} notices as unread</translation>
    </message>
    <message>
        <source>Không còn văn bản chưa đọc trong danh sách này</source>
        <translation>No unread notice left in this list</translation>
    </message>
</context>
<context>
    <name>ReceiptController</name>
    <message>
        <source>Chưa ghi báo nhận; {n} sự kiện chưa báo</source>
        <translation>No receipt written yet; {n} events not yet told</translation>
    </message>
    <message>
        <source>Báo nhận gần nhất: {when}; {n} sự kiện chưa báo</source>
        <translation>Last receipt: {when}; {n} events not yet told</translation>
    </message>
    <message>
        <source>Thông tin đơn vị</source>
        <translation>Office details</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>Khóa ký báo nhận: {key_id}
Tệp khóa: {path}</source>
        <translation>Receipt key: {key_id}
Key file: {path}</translation>
    </message>
    <message>
        <source>Đã ghi thông tin đơn vị {name} ({code}).</source>
        <translation>Recorded the office {name} ({code}).</translation>
    </message>
    <message>
        <source>Gửi tệp {path} cho tỉnh để tỉnh nhận báo nhận của đơn vị.</source>
        <translation>Send the file {path} to the province so that it accepts the office&apos;s receipts.</translation>
    </message>
    <message>
        <source>Báo nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Đơn vị chưa có thông tin; hãy vào Tệp → Thông tin đơn vị… trước.</source>
        <translation>The office has no details yet; use File → Office details… first.</translation>
    </message>
    <message>
        <source>Đã ghi báo nhận số {sequence} vào {path}.</source>
        <translation>Wrote receipt {sequence} to {path}.</translation>
    </message>
    <message>
        <source>{events} sự kiện, {bundles} gói dữ liệu, {reports} báo cáo.</source>
        <translation>{events} events, {bundles} bundles, {reports} reports.</translation>
    </message>
    <message>
        <source>Tỉnh đã xác nhận báo nhận số {sequence}.</source>
        <translation>The province acknowledged receipt {sequence}.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialogs</name>
    <message>
        <source>Thông tin đơn vị</source>
        <translation>Office details</translation>
    </message>
    <message>
        <source>Ví dụ: UBND xã An Bình</source>
        <translation>For example: UBND xã An Bình</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Mã định danh</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <source>Thư mục lưu khóa</source>
        <translation>Key folder</translation>
    </message>
    <message>
        <source>Báo nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Ghi báo nhận vào ổ đĩa «{volume}» để gửi lại cho tỉnh?</source>
        <translation>Write a receipt onto the drive &apos;{volume}&apos; to send back to the province?</translation>
    </message>
    <message>
        <source>Báo nhận cho tỉnh biết đơn vị đã nhận, vào sổ và xử lý những văn bản nào.</source>
        <translation>A receipt tells the province which documents the office received, registered and handled.</translation>
    </message>
    <message>
        <source>Ghi báo nhận</source>
        <translation>Write receipt</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Xuất báo nhận</source>
        <translation>Export receipt</translation>
    </message>
    <message>
        <source>Báo nhận Bảng Tin (*.bangtin-receipt)</source>
        <translation>Bảng Tin receipts (*.bangtin-receipt)</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Tình trạng xử lý không hợp lệ.</source>
        <extracomment>The clerk&apos;s columns and the name `set_register` gives each. Lines read when a year is shown: its last ones, where the view opens. Lines read at a time when the clerk scrolls to lines not read yet. Every line of the year; None where it has not been read yet. What the lines are of (year, status): lines read for another are dropped. Blocks asked for and not answered yet; blocks shown but to be read again.</extracomment>
        <translation>That is not a handling status.</translation>
    </message>
    <message>
        <source>Ngày chuyển phải có dạng ngày/tháng/năm, ví dụ 12/12/2023.</source>
        <translation>The hand-over day must be day/month/year, for example 12/12/2023.</translation>
    </message>
    <message>
        <source>Nội dung dài quá {limit} ký tự.</source>
        <translation>The text is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>{count} văn bản</source>
        <translation>{count} documents</translation>
    </message>
    <message>
        <source>Đã ghi vào sổ: số đến {number}/{year}</source>
        <translation>Written in the register: incoming no. {number}/{year}</translation>
    </message>
    <message>
        <source>Sổ văn bản đến chưa có văn bản nào.</source>
        <translation>The incoming register has no documents yet.</translation>
    </message>
    <message>
        <source>Đã xuất {count} dòng của sổ ra {path}</source>
        <translation>Exported {count} register lines to {path}</translation>
    </message>
    <message>
        <source>Không xuất được {path}: {reason}</source>
        <translation>Could not export {path}: {reason}</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Tình trạng:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Năm của sổ</source>
        <translation>Register year</translation>
    </message>
    <message>
        <source>Lọc theo tình trạng xử lý</source>
        <translation>Filter by handling status</translation>
    </message>
    <message>
        <source>Sổ văn bản đến</source>
        <translation>Incoming register</translation>
    </message>
</context>
<context>
    <name>RelationsView</name>
    <message>
        <source>Văn bản này không có văn bản căn cứ, sửa đổi hay thay thế.</source>
        <extracomment>The grey of a notice the archive lacks, as in the article.</extracomment>
        <translation>This notice has no documents it is based on, amends or replaces, nor any that amend or replace it.</translation>
    </message>
    <message>
        <source>Lược đồ văn bản</source>
        <translation>Document relations</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Có phải bạn muốn tìm: {words}</source>
        <extracomment>A better spelling of the query (&quot;Có phải bạn muốn tìm: …&quot;), or None.</extracomment>
        <translation>Did you mean: {words}</translation>
    </message>
    <message>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Không tìm thấy văn bản nào</source>
        <translation>No notices found</translation>
    </message>
    <message>
        <source>Hơn {count} văn bản</source>
        <translation>More than {count} notices</translation>
    </message>
    <message>
        <source>Tìm thấy {count} văn bản</source>
        <translation>{count} notices found</translation>
    </message>
    <message>
        <source>Tìm văn bản… (Ctrl+K)</source>
        <translation>Search notices… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Tìm kiếm văn bản</source>
        <translation>Search notices</translation>
    </message>
    <message>
        <source>Gõ từ cần tìm, có dấu hoặc không dấu; Esc để quay lại chuyên mục</source>
        <translation>Type the words to find, with or without diacritics; Esc returns to the category</translation>
    </message>
    <message>
        <source>Chỉ trong chuyên mục đang chọn</source>
        <translation>Only in the selected category</translation>
    </message>
    <message>
        <source>Sắp xếp:</source>
        <translation>Sort:</translation>
    </message>
    <message>
        <source>Phù hợp nhất</source>
        <translation>Best match</translation>
    </message>
    <message>
        <source>Mới nhất</source>
        <translation>Newest</translation>
    </message>
    <message>
        <source>Sắp xếp kết quả tìm kiếm</source>
        <translation>Order of search results</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Kho dữ liệu dùng chung</source>
        <translation>Shared archive</translation>
    </message>
    <message>
        <source>Kho dữ liệu riêng của máy này</source>
        <translation>This PC&apos;s own archive</translation>
    </message>
    <message>
        <source>Kho dữ liệu chung trên máy chủ PostgreSQL</source>
        <translation>The shared archive on a PostgreSQL server</translation>
    </message>
    <message>
        <source>Máy chủ:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Cổng:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>(giữ mật khẩu đã lưu)</source>
        <translation>(keep the saved password)</translation>
    </message>
    <message>
        <source>Mật khẩu được giữ trong kho mật khẩu của hệ điều hành, không bao giờ ghi vào tệp cài đặt.</source>
        <translation>The password is kept in the operating system&apos;s keyring, never written to the settings file.</translation>
    </message>
    <message>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Cửa sổ này mở kho dữ liệu chung trên {server} theo dòng lệnh (--database) hoặc biến môi trường BANGTIN_DATABASE_URL; lựa chọn dưới đây chỉ dùng khi không có chúng.</source>
        <translation>This window opens the shared archive on {server}, as the command line (--database) or the environment variable BANGTIN_DATABASE_URL says; the choice below is used only without them.</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Tên người dùng:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Dấu đã đọc và văn bản đã lưu là của riêng từng người; sổ đăng ký, tình trạng xử lý và phiếu báo nhận là chung.</source>
        <translation>Read marks and saved notices are each person&apos;s own; the register, handling status and receipts are shared.</translation>
    </message>
    <message>
        <source>Hãy nhập tên máy chủ và tên cơ sở dữ liệu.</source>
        <translation>Enter the server&apos;s name and the database&apos;s name.</translation>
    </message>
    <message>
        <source>Đang kiểm tra kết nối…</source>
        <translation>Testing the connection…</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <source>Kết nối được: máy chủ và cơ sở dữ liệu đều sẵn sàng.</source>
        <translation>Connected: the server and the database are ready.</translation>
    </message>
    <message>
        <source>Máy chủ không cho đăng nhập: hãy kiểm tra tên đăng nhập, mật khẩu và quyền vào cơ sở dữ liệu này.</source>
        <translation>The server refused the login: check the user name, the password and the right to this database.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy chủ có tên này.</source>
        <translation>No server by this name was found.</translation>
    </message>
    <message>
        <source>Máy chủ không có cơ sở dữ liệu này.</source>
        <translation>The server has no database by this name.</translation>
    </message>
    <message>
        <source>Máy chủ không trả lời.</source>
        <translation>The server is not answering.</translation>
    </message>
    <message>
        <source>Không lưu được mật khẩu vào kho mật khẩu của hệ điều hành; hãy ghi nó vào tệp .pgpass của người dùng.</source>
        <translation>The password could not be kept in the operating system&apos;s keyring; write it into the user&apos;s .pgpass file.</translation>
    </message>
    <message>
        <source>Đã kết nối lại tới máy chủ dữ liệu.</source>
        <translation>Connected to the database server again.</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ dữ liệu; đang thử kết nối lại…</source>
        <translation>Lost the connection to the database server; trying to reconnect…</translation>
    </message>
</context>
<context>
    <name>StatusFilter</name>
    <message>
        <source>Hiệu lực:</source>
        <translation>Validity:</translation>
    </message>
    <message>
        <source>Tất cả văn bản</source>
        <translation>All notices</translation>
    </message>
    <message>
        <source>Lọc theo tình trạng hiệu lực</source>
        <translation>Filter by validity</translation>
    </message>
</context>
<context>
    <name>TodoModel</name>
    <message>
        <source>Hạn xử lý</source>
        <extracomment>Colours of overdue and soon-due rows (the same red as the urgency stamp). Items read at a time.</extracomment>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Văn bản</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Tình trạng xử lý</source>
        <translation>Handling status</translation>
    </message>
</context>
<context>
    <name>TodoView</name>
    <message>
        <source>Văn bản có hạn xử lý chưa hoàn thành, tính đến ngày {day}</source>
        <translation>Notices with a deadline not yet done, as of {day}</translation>
    </message>
    <message>
        <source>Văn bản này chưa có trong sổ văn bản đến.</source>
        <translation>This notice is not in the incoming register.</translation>
    </message>
    <message>
        <source>Đã ghi hoàn thành: {title}</source>
        <translation>Marked done: {title}</translation>
    </message>
    <message>
        <source>Không có việc nào cần làm.</source>
        <translation>There is nothing to do.</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
</context>
<context>
    <name>TrackingDialog</name>
    <message>
        <source>Tình hình tiếp nhận</source>
        <translation>Receipt status</translation>
    </message>
    <message>
        <source>Chỉ văn bản quá hạn</source>
        <translation>Only overdue documents</translation>
    </message>
    <message>
        <source>Chỉ văn bản có đơn vị chưa nhận</source>
        <translation>Only documents some office has not received</translation>
    </message>
</context>
<context>
    <name>TrackingModel</name>
    <message>
        <source>Văn bản</source>
        <extracomment>Cell colours by status: nothing heard, arrived, registered, in progress, done.</extracomment>
        <translation>Document</translation>
    </message>
</context>
<context>
    <name>TrustController</name>
    <message>
        <source>Chưa có dữ liệu đã ký</source>
        <translation>No signed data yet</translation>
    </message>
    <message>
        <source>Dữ liệu cập nhật đến ngày {day} (hôm nay)</source>
        <translation>Data up to {day} (today)</translation>
    </message>
    <message>
        <source>Dữ liệu cập nhật đến ngày {day} (cách đây {days} ngày)</source>
        <translation>Data up to {day} ({days} days ago)</translation>
    </message>
    <message>
        <source>Đã lâu không có dữ liệu mới: hãy xin tỉnh gói dữ liệu mới nhất. Một USB cũ trông giống hệt một USB mới, chỉ ngày ký cho biết dữ liệu mới đến đâu.</source>
        <translation>No new data for a long time: ask the province for the newest bundle. An old USB stick looks exactly like a new one; only the signed date tells how recent the data is.</translation>
    </message>
    <message>
        <source>Không tin cậy được khóa</source>
        <translation>The key could not be trusted</translation>
    </message>
    <message>
        <source>khóa gốc của tỉnh</source>
        <translation>the province&apos;s root key</translation>
    </message>
    <message>
        <source>khóa ký</source>
        <translation>the signing key</translation>
    </message>
    <message>
        <source>Tin cậy {kind} «{name}»?

Dấu vân tay:
{fingerprint}</source>
        <translation>Trust {kind} &apos;{name}&apos;?

Fingerprint:
{fingerprint}</translation>
    </message>
    <message>
        <source>Hãy so từng nhóm bốn ký tự với dấu vân tay in trên công văn của tỉnh. Chỉ bấm «Tin cậy» khi hai dãy giống hệt nhau: một khóa sai cho phép người lạ đưa văn bản giả vào kho dữ liệu.</source>
        <translation>Compare each group of four characters with the fingerprint printed on the province&apos;s dispatch. Press &apos;Trust&apos; only when the two are exactly the same: a wrong key lets a stranger put forged documents into the archive.</translation>
    </message>
    <message>
        <source>Tin cậy khóa</source>
        <translation>Trust a key</translation>
    </message>
    <message>
        <source>Bỏ tin cậy «{label}»? Gói dữ liệu ký bằng khóa này sẽ bị từ chối.</source>
        <translation>Stop trusting &apos;{label}&apos;? Bundles signed with this key will be refused.</translation>
    </message>
    <message>
        <source>Bỏ tin cậy</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <source>Tin cậy khóa gốc mới…</source>
        <translation>Trust the new root…</translation>
    </message>
    <message>
        <source>Nói đơn giản: tỉnh đã thay khóa gốc sau lần cuối văn phòng nhận dữ liệu, và gói này không mang theo giấy chuyển giao từ khóa cũ. Văn phòng cần khóa gốc mới (tệp root.pub trên công văn của tỉnh) hoặc một gói dữ liệu mới hơn.</source>
        <translation>In plain words: the province replaced its root key after this office last received data, and this bundle does not carry the hand-over from the old key. The office needs the new root (the root.pub file sent with the province&apos;s dispatch) or a newer bundle.</translation>
    </message>
    <message>
        <source>Tin cậy khóa này…</source>
        <translation>Trust this key…</translation>
    </message>
    <message>
        <source>Gói dữ liệu được ký bằng khóa {key_id}, khóa này chưa được tin cậy. Nếu đó đúng là khóa của đơn vị phát hành (đối chiếu mã khóa với công văn của tỉnh), hãy bấm «Tin cậy khóa này…» và chọn tệp khóa công khai (.pub) của đơn vị đó.</source>
        <translation>The bundle is signed with key {key_id}, which is not trusted. If it really is the publisher&apos;s key (compare the key id with the province&apos;s dispatch), click &quot;Trust this key…&quot; and choose that publisher&apos;s public key file (.pub).</translation>
    </message>
    <message>
        <source>Không nhập được gói dữ liệu</source>
        <translation>The bundle could not be imported</translation>
    </message>
    <message>
        <source>Tệp: {name}. Kho dữ liệu không thay đổi.</source>
        <translation>File: {name}. The archive is unchanged.</translation>
    </message>
</context>
<context>
    <name>TrustedKeysDialog</name>
    <message>
        <source>Khóa tin cậy</source>
        <translation>Trusted keys</translation>
    </message>
    <message>
        <source>Khóa</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>Hạn, tình trạng</source>
        <translation>Expiry, state</translation>
    </message>
    <message>
        <source>Văn phòng chỉ nhận gói dữ liệu được ký bằng các khóa dưới đây. Khóa gốc của tỉnh ủy quyền cho các khóa ký; khóa bị thu hồi không còn được nhận.</source>
        <translation>This office accepts only bundles signed with the keys below. The province&apos;s root delegates the signing keys; a revoked key is no longer accepted.</translation>
    </message>
    <message>
        <source>Thêm từ tệp…</source>
        <translation>Add from file…</translation>
    </message>
    <message>
        <source>Bỏ tin cậy</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <source>Khóa gốc {name}</source>
        <translation>Root {name}</translation>
    </message>
    <message>
        <source>Khóa gốc cũ {name}</source>
        <translation>Old root {name}</translation>
    </message>
    <message>
        <source>{k} trên {n} khóa</source>
        <translation>{k} of {n} keys</translation>
    </message>
    <message>
        <source>đang dùng</source>
        <translation>in use</translation>
    </message>
    <message>
        <source>đã thay</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>ĐÃ THU HỒI: {reason}</source>
        <translation>REVOKED: {reason}</translation>
    </message>
    <message>
        <source>hạn đến {day}</source>
        <translation>valid until {day}</translation>
    </message>
    <message>
        <source>Khóa tin cậy trực tiếp</source>
        <translation>Keys trusted directly</translation>
    </message>
    <message>
        <source>Khóa bị thu hồi</source>
        <translation>Revoked keys</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Chào mừng đến với Bảng Tin</source>
        <translation>Welcome to Bảng Tin</translation>
    </message>
    <message>
        <source>Kho dữ liệu chưa có văn bản nào. Hãy nhập một gói dữ liệu (tệp .bangtin):</source>
        <translation>The archive holds no notices yet. Import a bundle (a .bangtin file):</translation>
    </message>
    <message>
        <source>Cắm thẻ nhớ USB có gói dữ liệu vào máy: Bảng Tin sẽ tự tìm và hỏi bạn có muốn nhập không.</source>
        <translation>Plug in a USB stick that carries a bundle: Bảng Tin finds it and asks whether to import it.</translation>
    </message>
    <message>
        <source>Hoặc chọn Tệp → Nhập gói dữ liệu… (Ctrl+O).</source>
        <translation>Or choose File → Import bundle… (Ctrl+O).</translation>
    </message>
    <message>
        <source>Hoặc kéo tệp gói dữ liệu thả vào cửa sổ này.</source>
        <translation>Or drag the bundle file and drop it onto this window.</translation>
    </message>
    <message>
        <source>Muốn xem thử trước? Hãy mở kho dữ liệu mẫu.</source>
        <translation>Want to try it first? Open the demo archive.</translation>
    </message>
    <message>
        <source>Nhập gói dữ liệu…</source>
        <translation>Import bundle…</translation>
    </message>
    <message>
        <source>Mở kho dữ liệu mẫu</source>
        <translation>Open the demo archive</translation>
    </message>
    <message>
        <source>Trang chào mừng</source>
        <translation>Welcome page</translation>
    </message>
</context>
<context>
    <name>ZoomBar</name>
    <message>
        <source>Cỡ chữ:</source>
        <translation>Text size:</translation>
    </message>
    <message>
        <source>Thu nhỏ chữ (Ctrl+−)</source>
        <translation>Smaller text (Ctrl+−)</translation>
    </message>
    <message>
        <source>Thu nhỏ chữ</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Phóng to chữ (Ctrl+=)</source>
        <translation>Larger text (Ctrl+=)</translation>
    </message>
    <message>
        <source>Phóng to chữ</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Cỡ chữ hiện tại</source>
        <translation>Current text size</translation>
    </message>
    <message>
        <source>Cỡ chữ</source>
        <translation>Text size</translation>
    </message>
</context>
</TS>
