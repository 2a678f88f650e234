<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="vi_VN">
<context>
    <name>Actions</name>
    <message>
        <source>Nhập gói dữ liệu…</source>
        <translation>Nhập gói dữ liệu…</translation>
    </message>
    <message>
        <source>Nhập gói dữ liệu (.bangtin) từ tệp (Ctrl+O)</source>
        <translation>Nhập gói dữ liệu (.bangtin) từ tệp (Ctrl+O)</translation>
    </message>
    <message>
        <source>Mở kho dữ liệu mẫu</source>
        <translation>Mở kho dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Khóa tin cậy…</source>
        <translation>Khóa tin cậy…</translation>
    </message>
    <message>
        <source>Mở kho dữ liệu của đơn vị</source>
        <translation>Mở kho dữ liệu của đơn vị</translation>
    </message>
    <message>
        <source>Rời kho dữ liệu mẫu, về kho dữ liệu của đơn vị</source>
        <translation>Rời kho dữ liệu mẫu, về kho dữ liệu của đơn vị</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Quay lại văn bản trước (Alt+←)</source>
        <translation>Quay lại văn bản trước (Alt+←)</translation>
    </message>
    <message>
        <source>Tiến tới</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Tiến tới văn bản sau (Alt+→)</source>
        <translation>Tiến tới văn bản sau (Alt+→)</translation>
    </message>
    <message>
        <source>Phóng to chữ</source>
        <translation>Phóng to chữ</translation>
    </message>
    <message>
        <source>Thu nhỏ chữ</source>
        <translation>Thu nhỏ chữ</translation>
    </message>
    <message>
        <source>Cỡ chữ mặc định</source>
        <translation>Cỡ chữ mặc định</translation>
    </message>
    <message>
        <source>Chuyển sang khung kế tiếp</source>
        <translation>Chuyển sang khung kế tiếp</translation>
    </message>
    <message>
        <source>Chuyển sang khung trước</source>
        <translation>Chuyển sang khung trước</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Lưu văn bản này vào mục «Đã lưu» để đọc lại, hoặc bỏ lưu (Ctrl+D)</source>
        <translation>Lưu văn bản này vào mục «Đã lưu» để đọc lại, hoặc bỏ lưu (Ctrl+D)</translation>
    </message>
    <message>
        <source>Bỏ lưu</source>
        <translation>Bỏ lưu</translation>
    </message>
    <message>
        <source>Văn bản chưa đọc kế tiếp</source>
        <translation>Văn bản chưa đọc kế tiếp</translation>
    </message>
    <message>
        <source>Mở văn bản chưa đọc kế tiếp trong danh sách (N)</source>
        <translation>Mở văn bản chưa đọc kế tiếp trong danh sách (N)</translation>
    </message>
    <message>
        <source>Đánh dấu chưa đọc</source>
        <translation>Đánh dấu chưa đọc</translation>
    </message>
    <message>
        <source>Đánh dấu các văn bản đã chọn (hoặc văn bản đang mở) là chưa đọc (Ctrl+U)</source>
        <translation>Đánh dấu các văn bản đã chọn (hoặc văn bản đang mở) là chưa đọc (Ctrl+U)</translation>
    </message>
    <message>
        <source>Tìm trong kho dữ liệu…</source>
        <translation>Tìm trong kho dữ liệu…</translation>
    </message>
    <message>
        <source>Tìm văn bản trong kho dữ liệu (Ctrl+K)</source>
        <translation>Tìm văn bản trong kho dữ liệu (Ctrl+K)</translation>
    </message>
    <message>
        <source>Tìm trong văn bản này…</source>
        <translation>Tìm trong văn bản này…</translation>
    </message>
    <message>
        <source>Tìm chữ trong văn bản đang mở (Ctrl+F)</source>
        <translation>Tìm chữ trong văn bản đang mở (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tìm tiếp</source>
        <translation>Tìm tiếp</translation>
    </message>
    <message>
        <source>Tìm ngược lại</source>
        <translation>Tìm ngược lại</translation>
    </message>
    <message>
        <source>Đánh dấu đã đọc tất cả</source>
        <translation>Đánh dấu đã đọc tất cả</translation>
    </message>
    <message>
        <source>Khóa gốc của tỉnh, khóa ký, hạn ủy quyền và khóa bị thu hồi</source>
        <translation>Khóa gốc của tỉnh, khóa ký, hạn ủy quyền và khóa bị thu hồi</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <source>Kho dữ liệu dùng chung trên máy chủ, và các cài đặt khác</source>
        <translation>Kho dữ liệu dùng chung trên máy chủ, và các cài đặt khác</translation>
    </message>
    <message>
        <source>Thoát tìm kiếm</source>
        <translation>Thoát tìm kiếm</translation>
    </message>
    <message>
        <source>In tất cả kết quả tìm kiếm…</source>
        <translation>In tất cả kết quả tìm kiếm…</translation>
    </message>
    <message>
        <source>Xuất PDF tất cả kết quả tìm kiếm…</source>
        <translation>Xuất PDF tất cả kết quả tìm kiếm…</translation>
    </message>
    <message>
        <source>In danh mục kết quả tìm kiếm…</source>
        <translation>In danh mục kết quả tìm kiếm…</translation>
    </message>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Giới thiệu Bảng Tin</source>
        <translation>Giới thiệu Bảng Tin</translation>
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
        <translation>In…</translation>
    </message>
    <message>
        <source>Xem trước và in văn bản này (Ctrl+P)</source>
        <translation>Xem trước và in văn bản này (Ctrl+P)</translation>
    </message>
    <message>
        <source>Xuất PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Lưu văn bản này thành tệp PDF</source>
        <translation>Lưu văn bản này thành tệp PDF</translation>
    </message>
    <message>
        <source>In các văn bản đã chọn…</source>
        <translation>In các văn bản đã chọn…</translation>
    </message>
    <message>
        <source>Xuất PDF các văn bản đã chọn…</source>
        <translation>Xuất PDF các văn bản đã chọn…</translation>
    </message>
    <message>
        <source>In danh mục các văn bản đã chọn…</source>
        <translation>In danh mục các văn bản đã chọn…</translation>
    </message>
    <message>
        <source>Xuất PDF danh mục các văn bản đã chọn…</source>
        <translation>Xuất PDF danh mục các văn bản đã chọn…</translation>
    </message>
    <message>
        <source>Đọc văn bản</source>
        <translation>Đọc văn bản</translation>
    </message>
    <message>
        <source>Danh sách và nội dung văn bản (Ctrl+1)</source>
        <translation>Danh sách và nội dung văn bản (Ctrl+1)</translation>
    </message>
    <message>
        <source>Sổ văn bản đến</source>
        <translation>Sổ văn bản đến</translation>
    </message>
    <message>
        <source>Sổ đăng ký văn bản đến (Ctrl+2)</source>
        <translation>Sổ đăng ký văn bản đến (Ctrl+2)</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Văn bản có hạn xử lý chưa hoàn thành (Ctrl+3)</source>
        <translation>Văn bản có hạn xử lý chưa hoàn thành (Ctrl+3)</translation>
    </message>
    <message>
        <source>Lược đồ văn bản</source>
        <translation>Lược đồ văn bản</translation>
    </message>
    <message>
        <source>Văn bản căn cứ, sửa đổi, thay thế, bãi bỏ của văn bản đang xem</source>
        <translation>Văn bản căn cứ, sửa đổi, thay thế, bãi bỏ của văn bản đang xem</translation>
    </message>
    <message>
        <source>In sổ…</source>
        <translation>In sổ…</translation>
    </message>
    <message>
        <source>Xem trước và in sổ văn bản đến của năm đang chọn (A4 ngang)</source>
        <translation>Xem trước và in sổ văn bản đến của năm đang chọn (A4 ngang)</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Lưu sổ văn bản đến của năm đang chọn thành tệp Excel (.xlsx)</source>
        <translation>Lưu sổ văn bản đến của năm đang chọn thành tệp Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Đã hoàn thành</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <source>Ghi “Hoàn thành” vào sổ cho văn bản đang chọn, bỏ nó khỏi danh sách</source>
        <translation>Ghi “Hoàn thành” vào sổ cho văn bản đang chọn, bỏ nó khỏi danh sách</translation>
    </message>
    <message>
        <source>Thông tin đơn vị…</source>
        <translation>Thông tin đơn vị…</translation>
    </message>
    <message>
        <source>Tên, mã định danh và khóa ký báo nhận của đơn vị</source>
        <translation>Tên, mã định danh và khóa ký báo nhận của đơn vị</translation>
    </message>
    <message>
        <source>Xuất báo nhận…</source>
        <translation>Xuất báo nhận…</translation>
    </message>
    <message>
        <source>Ghi báo nhận gửi tỉnh: đã nhận, vào sổ, xử lý những văn bản nào</source>
        <translation>Ghi báo nhận gửi tỉnh: đã nhận, vào sổ, xử lý những văn bản nào</translation>
    </message>
    <message>
        <source>Tình hình tiếp nhận…</source>
        <translation>Tình hình tiếp nhận…</translation>
    </message>
    <message>
        <source>Các đơn vị đã nhận, vào sổ, xử lý văn bản nào (theo báo nhận)</source>
        <translation>Các đơn vị đã nhận, vào sổ, xử lý văn bản nào (theo báo nhận)</translation>
    </message>
    <message>
        <source>Sao lưu kho dữ liệu</source>
        <translation>Sao lưu kho dữ liệu</translation>
    </message>
    <message>
        <source>Lưu một bản sao đã kiểm tra của kho dữ liệu vào thư mục sao lưu; các bản sao lưu cũ nhất được xóa bớt</source>
        <translation>Lưu một bản sao đã kiểm tra của kho dữ liệu vào thư mục sao lưu; các bản sao lưu cũ nhất được xóa bớt</translation>
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
        <translation>Kho dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Kho dữ liệu chung {database} trên {host}</source>
        <translation>Kho dữ liệu chung {database} trên {host}</translation>
    </message>
    <message>
        <source>{title} (chỉ đọc)</source>
        <translation>{title} (chỉ đọc)</translation>
    </message>
    <message>
        <source>Đang mở kho dữ liệu…</source>
        <translation>Đang mở kho dữ liệu…</translation>
    </message>
    <message>
        <source>Không mở được kho dữ liệu</source>
        <translation>Không mở được kho dữ liệu</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <source>Đang chuẩn bị kho dữ liệu mẫu…</source>
        <translation>Đang chuẩn bị kho dữ liệu mẫu…</translation>
    </message>
    <message>
        <source>Không mở được kho dữ liệu mẫu</source>
        <translation>Không mở được kho dữ liệu mẫu</translation>
    </message>
</context>
<context>
    <name>ArticleBrowser</name>
    <message>
        <source>Nội dung văn bản</source>
        <extracomment>desktop.render.markdown.TABLE_SCHEME, without importing the renderer here. A page was laid out whole (a notice, a message, the same page re-themed). The page set last was painted (once for each page). Whole tables open now, newest last.</extracomment>
        <translation>Nội dung văn bản</translation>
    </message>
</context>
<context>
    <name>ArticleTabs</name>
    <message>
        <source>Lược đồ</source>
        <translation>Lược đồ</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Toàn văn văn bản</source>
        <translation>Toàn văn văn bản</translation>
    </message>
    <message>
        <source>Văn bản căn cứ, sửa đổi, thay thế, bãi bỏ, hướng dẫn</source>
        <translation>Văn bản căn cứ, sửa đổi, thay thế, bãi bỏ, hướng dẫn</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Không có chương trình nào mở được {name}.</source>
        <translation>Không có chương trình nào mở được {name}.</translation>
    </message>
    <message>
        <source>Đã lưu {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
    <message>
        <source>Tệp đính kèm</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Không mở hoặc lưu được tệp đính kèm.</source>
        <translation>Không mở hoặc lưu được tệp đính kèm.</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>Đang sao lưu kho dữ liệu…</source>
        <translation>Đang sao lưu kho dữ liệu…</translation>
    </message>
    <message>
        <source>Sao lưu kho dữ liệu</source>
        <translation>Sao lưu kho dữ liệu</translation>
    </message>
</context>
<context>
    <name>CategoryModel</name>
    <message>
        <source>Tất cả</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Chưa đọc</source>
        <translation>Chưa đọc</translation>
    </message>
    <message>
        <source>Đã lưu</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>{name}: {unread} chưa đọc trên tổng số {count} văn bản</source>
        <translation>{name}: {unread} chưa đọc trên tổng số {count} văn bản</translation>
    </message>
</context>
<context>
    <name>CategoryTreeView</name>
    <message>
        <source>Chuyên mục</source>
        <translation>Chuyên mục</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Nhập gói dữ liệu</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <source>Gói dữ liệu Bảng Tin (*.bangtin)</source>
        <translation>Gói dữ liệu Bảng Tin (*.bangtin)</translation>
    </message>
    <message>
        <source>Mọi tệp (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Lưu tệp đính kèm</source>
        <translation>Lưu tệp đính kèm</translation>
    </message>
    <message>
        <source>Xuất sổ văn bản đến ra Excel</source>
        <translation>Xuất sổ văn bản đến ra Excel</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Tệp đính kèm</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Máy tính này chưa có chương trình nào mở được tệp «{name}».</source>
        <translation>Máy tính này chưa có chương trình nào mở được tệp «{name}».</translation>
    </message>
    <message>
        <source>Bạn có thể lưu tệp vào máy rồi mở bằng chương trình khác, hoặc chép sang máy khác.</source>
        <translation>Bạn có thể lưu tệp vào máy rồi mở bằng chương trình khác, hoặc chép sang máy khác.</translation>
    </message>
    <message>
        <source>Lưu tệp…</source>
        <translation>Lưu tệp…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Tìm thấy gói dữ liệu</source>
        <translation>Tìm thấy gói dữ liệu</translation>
    </message>
    <message>
        <source>Ổ đĩa «{volume}» có {count} gói dữ liệu. Nhập vào kho dữ liệu?</source>
        <translation>Ổ đĩa «{volume}» có {count} gói dữ liệu. Nhập vào kho dữ liệu?</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Không có kho dữ liệu</source>
        <translation>Không có kho dữ liệu</translation>
    </message>
    <message>
        <source>Không có kho dữ liệu ở {path}.</source>
        <translation>Không có kho dữ liệu ở {path}.</translation>
    </message>
    <message>
        <source>Nếu gõ nhầm tên thư mục, hãy chọn «Không» và mở lại đúng thư mục. Tạo kho dữ liệu mới, trống, ở thư mục này?</source>
        <translation>Nếu gõ nhầm tên thư mục, hãy chọn «Không» và mở lại đúng thư mục. Tạo kho dữ liệu mới, trống, ở thư mục này?</translation>
    </message>
    <message>
        <source>Tạo kho dữ liệu mới</source>
        <translation>Tạo kho dữ liệu mới</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Chọn tệp khóa công khai</source>
        <translation>Chọn tệp khóa công khai</translation>
    </message>
    <message>
        <source>Khóa công khai (*.pub *.root)</source>
        <translation>Khóa công khai (*.pub *.root)</translation>
    </message>
    <message>
        <source>Tin cậy</source>
        <translation>Tin cậy</translation>
    </message>
    <message>
        <source>Bỏ tin cậy</source>
        <translation>Bỏ tin cậy</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>từ {day}</source>
        <extracomment>The archive&apos;s document types and issuers, once read (`reading.filter_choices`).</extracomment>
        <translation>từ {day}</translation>
    </message>
    <message>
        <source>đến {day}</source>
        <translation>đến {day}</translation>
    </message>
    <message>
        <source>Mọi loại văn bản</source>
        <translation>Mọi loại văn bản</translation>
    </message>
    <message>
        <source>Mọi cơ quan ban hành</source>
        <translation>Mọi cơ quan ban hành</translation>
    </message>
    <message>
        <source>Lọc</source>
        <translation>Lọc</translation>
    </message>
    <message>
        <source>Lọc danh sách theo ngày đăng, loại văn bản, cơ quan ban hành</source>
        <translation>Lọc danh sách theo ngày đăng, loại văn bản, cơ quan ban hành</translation>
    </message>
    <message>
        <source>Bộ lọc</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>Hiện lại mọi văn bản</source>
        <translation>Hiện lại mọi văn bản</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>&amp;Loại:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>Loại văn bản</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>&amp;Cơ quan:</source>
        <translation>&amp;Cơ quan:</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Cơ quan ban hành</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Không thấy</source>
        <extracomment>Matches tinted at most; a one-letter search in a long decree finds thousands.</extracomment>
        <translation>Không thấy</translation>
    </message>
    <message>
        <source>Tìm trong văn bản:</source>
        <translation>Tìm trong văn bản:</translation>
    </message>
    <message>
        <source>Chữ cần tìm, có dấu hoặc không dấu</source>
        <translation>Chữ cần tìm, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Tìm trong văn bản</source>
        <translation>Tìm trong văn bản</translation>
    </message>
    <message>
        <source>Chỗ trước (Shift+F3)</source>
        <translation>Chỗ trước (Shift+F3)</translation>
    </message>
    <message>
        <source>Chỗ trước</source>
        <translation>Chỗ trước</translation>
    </message>
    <message>
        <source>Chỗ sau (F3)</source>
        <translation>Chỗ sau (F3)</translation>
    </message>
    <message>
        <source>Chỗ sau</source>
        <translation>Chỗ sau</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>Đóng thanh tìm kiếm</source>
        <translation>Đóng thanh tìm kiếm</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>Hướng dẫn sử dụng Bảng Tin</source>
        <translation>Hướng dẫn sử dụng Bảng Tin</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Văn bản chưa đọc kế tiếp, ở cuối văn bản</source>
        <translation>Văn bản chưa đọc kế tiếp, ở cuối văn bản</translation>
    </message>
    <message>
        <source>Phím cách</source>
        <translation>Phím cách</translation>
    </message>
    <message>
        <source>Mở văn bản đang chọn trong danh sách</source>
        <translation>Mở văn bản đang chọn trong danh sách</translation>
    </message>
    <message>
        <source>Thoát tìm kiếm, đóng thanh tìm trong văn bản</source>
        <translation>Thoát tìm kiếm, đóng thanh tìm trong văn bản</translation>
    </message>
    <message>
        <source>Giới thiệu Bảng Tin</source>
        <translation>Giới thiệu Bảng Tin</translation>
    </message>
    <message>
        <source>đang tính…</source>
        <translation>đang tính…</translation>
    </message>
    <message>
        <source>Chưa tin cậy khóa nào.</source>
        <translation>Chưa tin cậy khóa nào.</translation>
    </message>
    <message>
        <source>Đọc và lưu trữ văn bản, thông báo của cơ quan nhà nước, không cần mạng.</source>
        <translation>Đọc và lưu trữ văn bản, thông báo của cơ quan nhà nước, không cần mạng.</translation>
    </message>
    <message>
        <source>Kho dữ liệu:</source>
        <translation>Kho dữ liệu:</translation>
    </message>
    <message>
        <source>Dung lượng:</source>
        <translation>Dung lượng:</translation>
    </message>
    <message>
        <source>Nơi phát hành được tin cậy:</source>
        <translation>Nơi phát hành được tin cậy:</translation>
    </message>
    <message>
        <source>Tệp nhật ký (cảnh báo và lỗi):</source>
        <translation>Tệp nhật ký (cảnh báo và lỗi):</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Đang nhập {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <source>Đang kiểm tra chữ ký và chép gói dữ liệu…</source>
        <translation>Đang kiểm tra chữ ký và chép gói dữ liệu…</translation>
    </message>
    <message>
        <source>Đang ghi văn bản vào kho dữ liệu…</source>
        <translation>Đang ghi văn bản vào kho dữ liệu…</translation>
    </message>
    <message>
        <source>Đang cập nhật chỉ mục tìm kiếm…</source>
        <translation>Đang cập nhật chỉ mục tìm kiếm…</translation>
    </message>
    <message>
        <source>Sắp xong…</source>
        <translation>Sắp xong…</translation>
    </message>
    <message>
        <source>Đang nhập gói dữ liệu…</source>
        <translation>Đang nhập gói dữ liệu…</translation>
    </message>
    <message>
        <source>Nhập gói dữ liệu</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <source>Gói dữ liệu {name} đã được nhập trước đây; đã lấy lại từ gói {files} tệp đính kèm mà kho dữ liệu bị mất.</source>
        <translation>Gói dữ liệu {name} đã được nhập trước đây; đã lấy lại từ gói {files} tệp đính kèm mà kho dữ liệu bị mất.</translation>
    </message>
    <message>
        <source>Gói dữ liệu {name} đã được nhập trước đây; kho dữ liệu không thay đổi.</source>
        <translation>Gói dữ liệu {name} đã được nhập trước đây; kho dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>Đã nhập gói dữ liệu số {sequence} của {publisher}.</source>
        <translation>Đã nhập gói dữ liệu số {sequence} của {publisher}.</translation>
    </message>
    <message>
        <source>Văn bản mới: {n}</source>
        <translation>Văn bản mới: {n}</translation>
    </message>
    <message>
        <source>Văn bản cập nhật: {n}</source>
        <translation>Văn bản cập nhật: {n}</translation>
    </message>
    <message>
        <source>Văn bản thu hồi: {n}</source>
        <translation>Văn bản thu hồi: {n}</translation>
    </message>
    <message>
        <source>Không thay đổi: {n}</source>
        <translation>Không thay đổi: {n}</translation>
    </message>
    <message>
        <source>Không nhập được gói dữ liệu</source>
        <translation>Không nhập được gói dữ liệu</translation>
    </message>
    <message>
        <source>Đã hủy nhập gói dữ liệu; kho dữ liệu không thay đổi.</source>
        <translation>Đã hủy nhập gói dữ liệu; kho dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>Tệp: {name}. Kho dữ liệu không thay đổi.</source>
        <translation>Tệp: {name}. Kho dữ liệu không thay đổi.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Văn bản</source>
        <translation>&amp;Văn bản</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Danh sách và tìm kiếm</source>
        <translation>Danh sách và tìm kiếm</translation>
    </message>
    <message>
        <source>Thanh công cụ</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <source>Khung đọc văn bản</source>
        <translation>Khung đọc văn bản</translation>
    </message>
    <message>
        <source>Bảng Tin</source>
        <translation>Bảng Tin</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Cập nhật lần cuối</source>
        <translation>Cập nhật lần cuối</translation>
    </message>
    <message>
        <source>Cỡ chữ: {value}%</source>
        <translation>Cỡ chữ: {value}%</translation>
    </message>
</context>
<context>
    <name>NoticeListModel</name>
    <message>
        <source>chưa đọc</source>
        <extracomment>A row&apos;s flags, made once (combining flags makes a new enum value each time).</extracomment>
        <translation>chưa đọc</translation>
    </message>
    <message>
        <source>đã lưu</source>
        <translation>đã lưu</translation>
    </message>
    <message>
        <source>Tiêu đề</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Số ký hiệu</source>
        <translation>Số ký hiệu</translation>
    </message>
    <message>
        <source>Ngày đăng</source>
        <translation>Ngày đăng</translation>
    </message>
</context>
<context>
    <name>NoticeListView</name>
    <message>
        <source>Danh sách văn bản</source>
        <translation>Danh sách văn bản</translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <source>Tin liên quan</source>
        <extracomment>The roles an item answers, and its flags, made once: Qt asks data() for a dozen roles of each item it paints, and each `Qt.ItemDataRole.X` looked up runs Python code. Lines an item takes at most: a very long title must not fill the whole panel. Room around an item&apos;s text.</extracomment>
        <translation>Tin liên quan</translation>
    </message>
    <message>
        <source>Tin mới nhất</source>
        <translation>Tin mới nhất</translation>
    </message>
</context>
<context>
    <name>OfficeViews</name>
    <message>
        <source>Việc cần làm</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Không có việc cần làm</source>
        <translation>Không có việc cần làm</translation>
    </message>
    <message>
        <source>Việc cần làm: {count}</source>
        <translation>Việc cần làm: {count}</translation>
    </message>
    <message>
        <source>{count} quá hạn</source>
        <translation>{count} quá hạn</translation>
    </message>
    <message>
        <source>Mở danh sách việc cần làm (Ctrl+3)</source>
        <translation>Mở danh sách việc cần làm (Ctrl+3)</translation>
    </message>
    <message>
        <source>Văn bản</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Sổ văn bản đến</source>
        <translation>Sổ văn bản đến</translation>
    </message>
    <message>
        <source>Số việc cần làm</source>
        <translation>Số việc cần làm</translation>
    </message>
</context>
<context>
    <name>OverviewController</name>
    <message>
        <source>Đánh dấu đã đọc tất cả</source>
        <translation>Đánh dấu đã đọc tất cả</translation>
    </message>
    <message>
        <source>Đánh dấu đã đọc {count} văn bản chưa đọc trong «{name}»?</source>
        <translation>Đánh dấu đã đọc {count} văn bản chưa đọc trong «{name}»?</translation>
    </message>
    <message>
        <source>Đánh dấu đã đọc</source>
        <translation>Đánh dấu đã đọc</translation>
    </message>
    <message>
        <source>Đã đánh dấu đã đọc {count} văn bản</source>
        <translation>Đã đánh dấu đã đọc {count} văn bản</translation>
    </message>
    <message>
        <source>Tất cả chuyên mục</source>
        <translation>Tất cả chuyên mục</translation>
    </message>
    <message>
        <source>{total} văn bản, {unread} chưa đọc</source>
        <translation>{total} văn bản, {unread} chưa đọc</translation>
    </message>
    <message>
        <source>Chưa nhập gói dữ liệu nào</source>
        <translation>Chưa nhập gói dữ liệu nào</translation>
    </message>
    <message>
        <source>Cập nhật lần cuối: {when} từ {publisher}</source>
        <translation>Cập nhật lần cuối: {when} từ {publisher}</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Không tìm thấy văn bản {id} trong kho dữ liệu.</source>
        <translation>Không tìm thấy văn bản {id} trong kho dữ liệu.</translation>
    </message>
    <message>
        <source>Không in được: {error}</source>
        <translation>Không in được: {error}</translation>
    </message>
    <message>
        <source>Đã xuất {pages} trang ra {path}</source>
        <translation>Đã xuất {pages} trang ra {path}</translation>
    </message>
    <message>
        <source>In nhiều văn bản</source>
        <translation>In nhiều văn bản</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Xuất PDF</source>
        <translation>Xuất PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Xem trước khi in</source>
        <translation>Xem trước khi in</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Kho dữ liệu này chỉ đọc được (thư mục hoặc tệp không cho ghi, hoặc ổ đĩa chỉ đọc); kho dữ liệu không bị hỏng. Bạn vẫn đọc, tìm và in văn bản được, nhưng lượt xem, đánh dấu và gói dữ liệu mới không được lưu.</source>
        <translation>Kho dữ liệu này chỉ đọc được (thư mục hoặc tệp không cho ghi, hoặc ổ đĩa chỉ đọc); kho dữ liệu không bị hỏng. Bạn vẫn đọc, tìm và in văn bản được, nhưng lượt xem, đánh dấu và gói dữ liệu mới không được lưu.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>N: văn bản chưa đọc kế tiếp (hoặc phím cách ở cuối văn bản)</source>
        <extracomment>How long a notice passed in the list stays on screen before it counts as read. The longest the view count and the panels wait for the article to be painted. Whether the notice shown is read (False while `read_timer` runs). Asking for the view count and the panels, once the article is painted (`flush`).</extracomment>
        <translation>N: văn bản chưa đọc kế tiếp (hoặc phím cách ở cuối văn bản)</translation>
    </message>
    <message>
        <source>Ctrl+K: tìm trong kho dữ liệu; Ctrl+F: tìm trong văn bản đang mở</source>
        <translation>Ctrl+K: tìm trong kho dữ liệu; Ctrl+F: tìm trong văn bản đang mở</translation>
    </message>
    <message>
        <source>Ctrl+D: lưu văn bản để đọc lại; Ctrl+U: đánh dấu chưa đọc</source>
        <translation>Ctrl+D: lưu văn bản để đọc lại; Ctrl+U: đánh dấu chưa đọc</translation>
    </message>
    <message>
        <source>F1: hướng dẫn sử dụng</source>
        <translation>F1: hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Chọn một văn bản trong danh sách để đọc</source>
        <translation>Chọn một văn bản trong danh sách để đọc</translation>
    </message>
    <message>
        <source>Các phím tắt hay dùng:</source>
        <translation>Các phím tắt hay dùng:</translation>
    </message>
    <message>
        <source>Không tìm thấy văn bản này trong kho dữ liệu.</source>
        <translation>Không tìm thấy văn bản này trong kho dữ liệu.</translation>
    </message>
    <message>
        <source>Văn bản này đã bị thu hồi</source>
        <translation>Văn bản này đã bị thu hồi</translation>
    </message>
    <message>
        <source>Đã lưu văn bản</source>
        <translation>Đã lưu văn bản</translation>
    </message>
    <message>
        <source>Đã bỏ lưu văn bản</source>
        <translation>Đã bỏ lưu văn bản</translation>
    </message>
</context>
<context>
    <name>ReadingMarks</name>
    <message>
        <source>Đã đánh dấu chưa đọc {count} văn bản</source>
        <translation>Đã đánh dấu chưa đọc {count} văn bản</translation>
    </message>
    <message>
        <source>Không còn văn bản chưa đọc trong danh sách này</source>
        <translation>Không còn văn bản chưa đọc trong danh sách này</translation>
    </message>
</context>
<context>
    <name>ReceiptController</name>
    <message>
        <source>Chưa ghi báo nhận; {n} sự kiện chưa báo</source>
        <translation>Chưa ghi báo nhận; {n} sự kiện chưa báo</translation>
    </message>
    <message>
        <source>Báo nhận gần nhất: {when}; {n} sự kiện chưa báo</source>
        <translation>Báo nhận gần nhất: {when}; {n} sự kiện chưa báo</translation>
    </message>
    <message>
        <source>Thông tin đơn vị</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>Khóa ký báo nhận: {key_id}
Tệp khóa: {path}</source>
        <translation>Khóa ký báo nhận: {key_id}
Tệp khóa: {path}</translation>
    </message>
    <message>
        <source>Đã ghi thông tin đơn vị {name} ({code}).</source>
        <translation>Đã ghi thông tin đơn vị {name} ({code}).</translation>
    </message>
    <message>
        <source>Gửi tệp {path} cho tỉnh để tỉnh nhận báo nhận của đơn vị.</source>
        <translation>Gửi tệp {path} cho tỉnh để tỉnh nhận báo nhận của đơn vị.</translation>
    </message>
    <message>
        <source>Báo nhận</source>
        <translation>Báo nhận</translation>
    </message>
    <message>
        <source>Đơn vị chưa có thông tin; hãy vào Tệp → Thông tin đơn vị… trước.</source>
        <translation>Đơn vị chưa có thông tin; hãy vào Tệp → Thông tin đơn vị… trước.</translation>
    </message>
    <message>
        <source>Đã ghi báo nhận số {sequence} vào {path}.</source>
        <translation>Đã ghi báo nhận số {sequence} vào {path}.</translation>
    </message>
    <message>
        <source>{events} sự kiện, {bundles} gói dữ liệu, {reports} báo cáo.</source>
        <translation>{events} sự kiện, {bundles} gói dữ liệu, {reports} báo cáo.</translation>
    </message>
    <message>
        <source>Tỉnh đã xác nhận báo nhận số {sequence}.</source>
        <translation>Tỉnh đã xác nhận báo nhận số {sequence}.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialogs</name>
    <message>
        <source>Thông tin đơn vị</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>Ví dụ: UBND xã An Bình</source>
        <translation>Ví dụ: UBND xã An Bình</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Mã định danh</source>
        <translation>Mã định danh</translation>
    </message>
    <message>
        <source>Thư mục lưu khóa</source>
        <translation>Thư mục lưu khóa</translation>
    </message>
    <message>
        <source>Báo nhận</source>
        <translation>Báo nhận</translation>
    </message>
    <message>
        <source>Ghi báo nhận vào ổ đĩa «{volume}» để gửi lại cho tỉnh?</source>
        <translation>Ghi báo nhận vào ổ đĩa «{volume}» để gửi lại cho tỉnh?</translation>
    </message>
    <message>
        <source>Báo nhận cho tỉnh biết đơn vị đã nhận, vào sổ và xử lý những văn bản nào.</source>
        <translation>Báo nhận cho tỉnh biết đơn vị đã nhận, vào sổ và xử lý những văn bản nào.</translation>
    </message>
    <message>
        <source>Ghi báo nhận</source>
        <translation>Ghi báo nhận</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Xuất báo nhận</source>
        <translation>Xuất báo nhận</translation>
    </message>
    <message>
        <source>Báo nhận Bảng Tin (*.bangtin-receipt)</source>
        <translation>Báo nhận Bảng Tin (*.bangtin-receipt)</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Tình trạng xử lý không hợp lệ.</source>
        <extracomment>The clerk&apos;s columns and the name `set_register` gives each. Lines read when a year is shown: its last ones, where the view opens. Lines read at a time when the clerk scrolls to lines not read yet. Every line of the year; None where it has not been read yet. What the lines are of (year, status): lines read for another are dropped. Blocks asked for and not answered yet; blocks shown but to be read again.</extracomment>
        <translation>Tình trạng xử lý không hợp lệ.</translation>
    </message>
    <message>
        <source>Ngày chuyển phải có dạng ngày/tháng/năm, ví dụ 12/12/2023.</source>
        <translation>Ngày chuyển phải có dạng ngày/tháng/năm, ví dụ 12/12/2023.</translation>
    </message>
    <message>
        <source>Nội dung dài quá {limit} ký tự.</source>
        <translation>Nội dung dài quá {limit} ký tự.</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>ngày/tháng/năm</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>{count} văn bản</source>
        <translation>{count} văn bản</translation>
    </message>
    <message>
        <source>Đã ghi vào sổ: số đến {number}/{year}</source>
        <translation>Đã ghi vào sổ: số đến {number}/{year}</translation>
    </message>
    <message>
        <source>Sổ văn bản đến chưa có văn bản nào.</source>
        <translation>Sổ văn bản đến chưa có văn bản nào.</translation>
    </message>
    <message>
        <source>Đã xuất {count} dòng của sổ ra {path}</source>
        <translation>Đã xuất {count} dòng của sổ ra {path}</translation>
    </message>
    <message>
        <source>Không xuất được {path}: {reason}</source>
        <translation>Không xuất được {path}: {reason}</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Tình trạng:</source>
        <translation>Tình trạng:</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Năm của sổ</source>
        <translation>Năm của sổ</translation>
    </message>
    <message>
        <source>Lọc theo tình trạng xử lý</source>
        <translation>Lọc theo tình trạng xử lý</translation>
    </message>
    <message>
        <source>Sổ văn bản đến</source>
        <translation>Sổ văn bản đến</translation>
    </message>
</context>
<context>
    <name>RelationsView</name>
    <message>
        <source>Văn bản này không có văn bản căn cứ, sửa đổi hay thay thế.</source>
        <extracomment>The grey of a notice the archive lacks, as in the article.</extracomment>
        <translation>Văn bản này không có văn bản căn cứ, sửa đổi hay thay thế.</translation>
    </message>
    <message>
        <source>Lược đồ văn bản</source>
        <translation>Lược đồ văn bản</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Có phải bạn muốn tìm: {words}</source>
        <extracomment>A better spelling of the query (&quot;Có phải bạn muốn tìm: …&quot;), or None.</extracomment>
        <translation>Có phải bạn muốn tìm: {words}</translation>
    </message>
    <message>
        <source>Đang tìm…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>Không tìm thấy văn bản nào</source>
        <translation>Không tìm thấy văn bản nào</translation>
    </message>
    <message>
        <source>Hơn {count} văn bản</source>
        <translation>Hơn {count} văn bản</translation>
    </message>
    <message>
        <source>Tìm thấy {count} văn bản</source>
        <translation>Tìm thấy {count} văn bản</translation>
    </message>
    <message>
        <source>Tìm văn bản… (Ctrl+K)</source>
        <translation>Tìm văn bản… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Tìm kiếm văn bản</source>
        <translation>Tìm kiếm văn bản</translation>
    </message>
    <message>
        <source>Gõ từ cần tìm, có dấu hoặc không dấu; Esc để quay lại chuyên mục</source>
        <translation>Gõ từ cần tìm, có dấu hoặc không dấu; Esc để quay lại chuyên mục</translation>
    </message>
    <message>
        <source>Chỉ trong chuyên mục đang chọn</source>
        <translation>Chỉ trong chuyên mục đang chọn</translation>
    </message>
    <message>
        <source>Sắp xếp:</source>
        <translation>Sắp xếp:</translation>
    </message>
    <message>
        <source>Phù hợp nhất</source>
        <translation>Phù hợp nhất</translation>
    </message>
    <message>
        <source>Mới nhất</source>
        <translation>Mới nhất</translation>
    </message>
    <message>
        <source>Sắp xếp kết quả tìm kiếm</source>
        <translation>Sắp xếp kết quả tìm kiếm</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Kho dữ liệu dùng chung</source>
        <translation>Kho dữ liệu dùng chung</translation>
    </message>
    <message>
        <source>Kho dữ liệu riêng của máy này</source>
        <translation>Kho dữ liệu riêng của máy này</translation>
    </message>
    <message>
        <source>Kho dữ liệu chung trên máy chủ PostgreSQL</source>
        <translation>Kho dữ liệu chung trên máy chủ PostgreSQL</translation>
    </message>
    <message>
        <source>Máy chủ:</source>
        <translation>Máy chủ:</translation>
    </message>
    <message>
        <source>Cổng:</source>
        <translation>Cổng:</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu:</source>
        <translation>Cơ sở dữ liệu:</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>(giữ mật khẩu đã lưu)</source>
        <translation>(giữ mật khẩu đã lưu)</translation>
    </message>
    <message>
        <source>Mật khẩu được giữ trong kho mật khẩu của hệ điều hành, không bao giờ ghi vào tệp cài đặt.</source>
        <translation>Mật khẩu được giữ trong kho mật khẩu của hệ điều hành, không bao giờ ghi vào tệp cài đặt.</translation>
    </message>
    <message>
        <source>Kiểm tra kết nối</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>Cửa sổ này mở kho dữ liệu chung trên {server} theo dòng lệnh (--database) hoặc biến môi trường BANGTIN_DATABASE_URL; lựa chọn dưới đây chỉ dùng khi không có chúng.</source>
        <translation>Cửa sổ này mở kho dữ liệu chung trên {server} theo dòng lệnh (--database) hoặc biến môi trường BANGTIN_DATABASE_URL; lựa chọn dưới đây chỉ dùng khi không có chúng.</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Tên người dùng:</source>
        <translation>Tên người dùng:</translation>
    </message>
    <message>
        <source>Dấu đã đọc và văn bản đã lưu là của riêng từng người; sổ đăng ký, tình trạng xử lý và phiếu báo nhận là chung.</source>
        <translation>Dấu đã đọc và văn bản đã lưu là của riêng từng người; sổ đăng ký, tình trạng xử lý và phiếu báo nhận là chung.</translation>
    </message>
    <message>
        <source>Hãy nhập tên máy chủ và tên cơ sở dữ liệu.</source>
        <translation>Hãy nhập tên máy chủ và tên cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Đang kiểm tra kết nối…</source>
        <translation>Đang kiểm tra kết nối…</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <source>Kết nối được: máy chủ và cơ sở dữ liệu đều sẵn sàng.</source>
        <translation>Kết nối được: máy chủ và cơ sở dữ liệu đều sẵn sàng.</translation>
    </message>
    <message>
        <source>Máy chủ không cho đăng nhập: hãy kiểm tra tên đăng nhập, mật khẩu và quyền vào cơ sở dữ liệu này.</source>
        <translation>Máy chủ không cho đăng nhập: hãy kiểm tra tên đăng nhập, mật khẩu và quyền vào cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy chủ có tên này.</source>
        <translation>Không tìm thấy máy chủ có tên này.</translation>
    </message>
    <message>
        <source>Máy chủ không có cơ sở dữ liệu này.</source>
        <translation>Máy chủ không có cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>Máy chủ không trả lời.</source>
        <translation>Máy chủ không trả lời.</translation>
    </message>
    <message>
        <source>Không lưu được mật khẩu vào kho mật khẩu của hệ điều hành; hãy ghi nó vào tệp .pgpass của người dùng.</source>
        <translation>Không lưu được mật khẩu vào kho mật khẩu của hệ điều hành; hãy ghi nó vào tệp .pgpass của người dùng.</translation>
    </message>
    <message>
        <source>Đã kết nối lại tới máy chủ dữ liệu.</source>
        <translation>Đã kết nối lại tới máy chủ dữ liệu.</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ dữ liệu; đang thử kết nối lại…</source>
        <translation>Mất kết nối tới máy chủ dữ liệu; đang thử kết nối lại…</translation>
    </message>
</context>
<context>
    <name>StatusFilter</name>
    <message>
        <source>Hiệu lực:</source>
        <translation>Hiệu lực:</translation>
    </message>
    <message>
        <source>Tất cả văn bản</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <source>Lọc theo tình trạng hiệu lực</source>
        <translation>Lọc theo tình trạng hiệu lực</translation>
    </message>
</context>
<context>
    <name>TodoModel</name>
    <message>
        <source>Hạn xử lý</source>
        <extracomment>Colours of overdue and soon-due rows (the same red as the urgency stamp). Items read at a time.</extracomment>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Độ khẩn</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Văn bản</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Tình trạng xử lý</source>
        <translation>Tình trạng xử lý</translation>
    </message>
</context>
<context>
    <name>TodoView</name>
    <message>
        <source>Văn bản có hạn xử lý chưa hoàn thành, tính đến ngày {day}</source>
        <translation>Văn bản có hạn xử lý chưa hoàn thành, tính đến ngày {day}</translation>
    </message>
    <message>
        <source>Văn bản này chưa có trong sổ văn bản đến.</source>
        <translation>Văn bản này chưa có trong sổ văn bản đến.</translation>
    </message>
    <message>
        <source>Đã ghi hoàn thành: {title}</source>
        <translation>Đã ghi hoàn thành: {title}</translation>
    </message>
    <message>
        <source>Không có việc nào cần làm.</source>
        <translation>Không có việc nào cần làm.</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>Việc cần làm</translation>
    </message>
</context>
<context>
    <name>TrackingDialog</name>
    <message>
        <source>Tình hình tiếp nhận</source>
        <translation>Tình hình tiếp nhận</translation>
    </message>
    <message>
        <source>Chỉ văn bản quá hạn</source>
        <translation>Chỉ văn bản quá hạn</translation>
    </message>
    <message>
        <source>Chỉ văn bản có đơn vị chưa nhận</source>
        <translation>Chỉ văn bản có đơn vị chưa nhận</translation>
    </message>
</context>
<context>
    <name>TrackingModel</name>
    <message>
        <source>Văn bản</source>
        <extracomment>Cell colours by status: nothing heard, arrived, registered, in progress, done.</extracomment>
        <translation>Văn bản</translation>
    </message>
</context>
<context>
    <name>TrustController</name>
    <message>
        <source>Chưa có dữ liệu đã ký</source>
        <translation>Chưa có dữ liệu đã ký</translation>
    </message>
    <message>
        <source>Dữ liệu cập nhật đến ngày {day} (hôm nay)</source>
        <translation>Dữ liệu cập nhật đến ngày {day} (hôm nay)</translation>
    </message>
    <message>
        <source>Dữ liệu cập nhật đến ngày {day} (cách đây {days} ngày)</source>
        <translation>Dữ liệu cập nhật đến ngày {day} (cách đây {days} ngày)</translation>
    </message>
    <message>
        <source>Đã lâu không có dữ liệu mới: hãy xin tỉnh gói dữ liệu mới nhất. Một USB cũ trông giống hệt một USB mới, chỉ ngày ký cho biết dữ liệu mới đến đâu.</source>
        <translation>Đã lâu không có dữ liệu mới: hãy xin tỉnh gói dữ liệu mới nhất. Một USB cũ trông giống hệt một USB mới, chỉ ngày ký cho biết dữ liệu mới đến đâu.</translation>
    </message>
    <message>
        <source>Không tin cậy được khóa</source>
        <translation>Không tin cậy được khóa</translation>
    </message>
    <message>
        <source>khóa gốc của tỉnh</source>
        <translation>khóa gốc của tỉnh</translation>
    </message>
    <message>
        <source>khóa ký</source>
        <translation>khóa ký</translation>
    </message>
    <message>
        <source>Tin cậy {kind} «{name}»?

Dấu vân tay:
{fingerprint}</source>
        <translation>Tin cậy {kind} «{name}»?

Dấu vân tay:
{fingerprint}</translation>
    </message>
    <message>
        <source>Hãy so từng nhóm bốn ký tự với dấu vân tay in trên công văn của tỉnh. Chỉ bấm «Tin cậy» khi hai dãy giống hệt nhau: một khóa sai cho phép người lạ đưa văn bản giả vào kho dữ liệu.</source>
        <translation>Hãy so từng nhóm bốn ký tự với dấu vân tay in trên công văn của tỉnh. Chỉ bấm «Tin cậy» khi hai dãy giống hệt nhau: một khóa sai cho phép người lạ đưa văn bản giả vào kho dữ liệu.</translation>
    </message>
    <message>
        <source>Tin cậy khóa</source>
        <translation>Tin cậy khóa</translation>
    </message>
    <message>
        <source>Bỏ tin cậy «{label}»? Gói dữ liệu ký bằng khóa này sẽ bị từ chối.</source>
        <translation>Bỏ tin cậy «{label}»? Gói dữ liệu ký bằng khóa này sẽ bị từ chối.</translation>
    </message>
    <message>
        <source>Bỏ tin cậy</source>
        <translation>Bỏ tin cậy</translation>
    </message>
    <message>
        <source>Tin cậy khóa gốc mới…</source>
        <translation>Tin cậy khóa gốc mới…</translation>
    </message>
    <message>
        <source>Nói đơn giản: tỉnh đã thay khóa gốc sau lần cuối văn phòng nhận dữ liệu, và gói này không mang theo giấy chuyển giao từ khóa cũ. Văn phòng cần khóa gốc mới (tệp root.pub trên công văn của tỉnh) hoặc một gói dữ liệu mới hơn.</source>
        <translation>Nói đơn giản: tỉnh đã thay khóa gốc sau lần cuối văn phòng nhận dữ liệu, và gói này không mang theo giấy chuyển giao từ khóa cũ. Văn phòng cần khóa gốc mới (tệp root.pub trên công văn của tỉnh) hoặc một gói dữ liệu mới hơn.</translation>
    </message>
    <message>
        <source>Tin cậy khóa này…</source>
        <translation>Tin cậy khóa này…</translation>
    </message>
    <message>
        <source>Gói dữ liệu được ký bằng khóa {key_id}, khóa này chưa được tin cậy. Nếu đó đúng là khóa của đơn vị phát hành (đối chiếu mã khóa với công văn của tỉnh), hãy bấm «Tin cậy khóa này…» và chọn tệp khóa công khai (.pub) của đơn vị đó.</source>
        <translation>Gói dữ liệu được ký bằng khóa {key_id}, khóa này chưa được tin cậy. Nếu đó đúng là khóa của đơn vị phát hành (đối chiếu mã khóa với công văn của tỉnh), hãy bấm «Tin cậy khóa này…» và chọn tệp khóa công khai (.pub) của đơn vị đó.</translation>
    </message>
    <message>
        <source>Không nhập được gói dữ liệu</source>
        <translation>Không nhập được gói dữ liệu</translation>
    </message>
    <message>
        <source>Tệp: {name}. Kho dữ liệu không thay đổi.</source>
        <translation>Tệp: {name}. Kho dữ liệu không thay đổi.</translation>
    </message>
</context>
<context>
    <name>TrustedKeysDialog</name>
    <message>
        <source>Khóa tin cậy</source>
        <translation>Khóa tin cậy</translation>
    </message>
    <message>
        <source>Khóa</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Hạn, tình trạng</source>
        <translation>Hạn, tình trạng</translation>
    </message>
    <message>
        <source>Văn phòng chỉ nhận gói dữ liệu được ký bằng các khóa dưới đây. Khóa gốc của tỉnh ủy quyền cho các khóa ký; khóa bị thu hồi không còn được nhận.</source>
        <translation>Văn phòng chỉ nhận gói dữ liệu được ký bằng các khóa dưới đây. Khóa gốc của tỉnh ủy quyền cho các khóa ký; khóa bị thu hồi không còn được nhận.</translation>
    </message>
    <message>
        <source>Thêm từ tệp…</source>
        <translation>Thêm từ tệp…</translation>
    </message>
    <message>
        <source>Bỏ tin cậy</source>
        <translation>Bỏ tin cậy</translation>
    </message>
    <message>
        <source>Khóa gốc {name}</source>
        <translation>Khóa gốc {name}</translation>
    </message>
    <message>
        <source>Khóa gốc cũ {name}</source>
        <translation>Khóa gốc cũ {name}</translation>
    </message>
    <message>
        <source>{k} trên {n} khóa</source>
        <translation>{k} trên {n} khóa</translation>
    </message>
    <message>
        <source>đang dùng</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <source>đã thay</source>
        <translation>đã thay</translation>
    </message>
    <message>
        <source>ĐÃ THU HỒI: {reason}</source>
        <translation>ĐÃ THU HỒI: {reason}</translation>
    </message>
    <message>
        <source>hạn đến {day}</source>
        <translation>hạn đến {day}</translation>
    </message>
    <message>
        <source>Khóa tin cậy trực tiếp</source>
        <translation>Khóa tin cậy trực tiếp</translation>
    </message>
    <message>
        <source>Khóa bị thu hồi</source>
        <translation>Khóa bị thu hồi</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Chào mừng đến với Bảng Tin</source>
        <translation>Chào mừng đến với Bảng Tin</translation>
    </message>
    <message>
        <source>Kho dữ liệu chưa có văn bản nào. Hãy nhập một gói dữ liệu (tệp .bangtin):</source>
        <translation>Kho dữ liệu chưa có văn bản nào. Hãy nhập một gói dữ liệu (tệp .bangtin):</translation>
    </message>
    <message>
        <source>Cắm thẻ nhớ USB có gói dữ liệu vào máy: Bảng Tin sẽ tự tìm và hỏi bạn có muốn nhập không.</source>
        <translation>Cắm thẻ nhớ USB có gói dữ liệu vào máy: Bảng Tin sẽ tự tìm và hỏi bạn có muốn nhập không.</translation>
    </message>
    <message>
        <source>Hoặc chọn Tệp → Nhập gói dữ liệu… (Ctrl+O).</source>
        <translation>Hoặc chọn Tệp → Nhập gói dữ liệu… (Ctrl+O).</translation>
    </message>
    <message>
        <source>Hoặc kéo tệp gói dữ liệu thả vào cửa sổ này.</source>
        <translation>Hoặc kéo tệp gói dữ liệu thả vào cửa sổ này.</translation>
    </message>
    <message>
        <source>Muốn xem thử trước? Hãy mở kho dữ liệu mẫu.</source>
        <translation>Muốn xem thử trước? Hãy mở kho dữ liệu mẫu.</translation>
    </message>
    <message>
        <source>Nhập gói dữ liệu…</source>
        <translation>Nhập gói dữ liệu…</translation>
    </message>
    <message>
        <source>Mở kho dữ liệu mẫu</source>
        <translation>Mở kho dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Trang chào mừng</source>
        <translation>Trang chào mừng</translation>
    </message>
</context>
<context>
    <name>ZoomBar</name>
    <message>
        <source>Cỡ chữ:</source>
        <translation>Cỡ chữ:</translation>
    </message>
    <message>
        <source>Thu nhỏ chữ (Ctrl+−)</source>
        <translation>Thu nhỏ chữ (Ctrl+−)</translation>
    </message>
    <message>
        <source>Thu nhỏ chữ</source>
        <translation>Thu nhỏ chữ</translation>
    </message>
    <message>
        <source>Phóng to chữ (Ctrl+=)</source>
        <translation>Phóng to chữ (Ctrl+=)</translation>
    </message>
    <message>
        <source>Phóng to chữ</source>
        <translation>Phóng to chữ</translation>
    </message>
    <message>
        <source>Cỡ chữ hiện tại</source>
        <translation>Cỡ chữ hiện tại</translation>
    </message>
    <message>
        <source>Cỡ chữ</source>
        <translation>Cỡ chữ</translation>
    </message>
</context>
</TS>
