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
        <source>Đánh dấu</source>
        <translation>Đánh dấu</translation>
    </message>
    <message>
        <source>Đánh dấu hoặc bỏ đánh dấu văn bản này (Ctrl+D)</source>
        <translation>Đánh dấu hoặc bỏ đánh dấu văn bản này (Ctrl+D)</translation>
    </message>
    <message>
        <source>Đánh dấu đã đọc tất cả</source>
        <translation>Đánh dấu đã đọc tất cả</translation>
    </message>
    <message>
        <source>Tìm kiếm…</source>
        <translation>Tìm kiếm…</translation>
    </message>
    <message>
        <source>Tìm văn bản trong kho dữ liệu (Ctrl+F)</source>
        <translation>Tìm văn bản trong kho dữ liệu (Ctrl+F)</translation>
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
</context>
<context>
    <name>ArchiveOpener</name>
    <message>
        <source>Đang mở kho dữ liệu…</source>
        <translation>Đang mở kho dữ liệu…</translation>
    </message>
    <message>
        <source>Không mở được kho dữ liệu</source>
        <translation>Không mở được kho dữ liệu</translation>
    </message>
    <message>
        <source>Đang chuẩn bị kho dữ liệu mẫu…</source>
        <translation>Đang chuẩn bị kho dữ liệu mẫu…</translation>
    </message>
    <message>
        <source>Không mở được kho dữ liệu mẫu</source>
        <translation>Không mở được kho dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Không tạo được kho dữ liệu mẫu.</source>
        <translation>Không tạo được kho dữ liệu mẫu.</translation>
    </message>
</context>
<context>
    <name>ArticleBrowser</name>
    <message>
        <source>Nội dung văn bản</source>
        <extracomment>desktop.render.markdown.TABLE_SCHEME, without importing the renderer here. Whole tables open now, newest last.</extracomment>
        <translation>Nội dung văn bản</translation>
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
        <source>Đã đánh dấu</source>
        <translation>Đã đánh dấu</translation>
    </message>
    <message>
        <source>{name}: {count} văn bản</source>
        <translation>{name}: {count} văn bản</translation>
    </message>
    <message>
        <source>{name}: {count} văn bản, {unread} chưa đọc</source>
        <translation>{name}: {count} văn bản, {unread} chưa đọc</translation>
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
        <source>Hủy</source>
        <translation>Hủy</translation>
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
        <source>{app} — kho dữ liệu mẫu</source>
        <translation>{app} — kho dữ liệu mẫu</translation>
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
        <translation>chưa đọc</translation>
    </message>
    <message>
        <source>đã đánh dấu</source>
        <translation>đã đánh dấu</translation>
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
        <translation>Tin liên quan</translation>
    </message>
    <message>
        <source>Tin mới nhất</source>
        <translation>Tin mới nhất</translation>
    </message>
</context>
<context>
    <name>OverviewController</name>
    <message>
        <source>Đã đánh dấu đã đọc {count} văn bản</source>
        <translation>Đã đánh dấu đã đọc {count} văn bản</translation>
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
    <name>Reader</name>
    <message>
        <source>Không tìm thấy văn bản này trong kho dữ liệu.</source>
        <translation>Không tìm thấy văn bản này trong kho dữ liệu.</translation>
    </message>
    <message>
        <source>Văn bản này đã bị thu hồi</source>
        <translation>Văn bản này đã bị thu hồi</translation>
    </message>
    <message>
        <source>Đã đánh dấu văn bản</source>
        <translation>Đã đánh dấu văn bản</translation>
    </message>
    <message>
        <source>Đã bỏ đánh dấu văn bản</source>
        <translation>Đã bỏ đánh dấu văn bản</translation>
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
    <name>SearchBar</name>
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
        <source>Tìm văn bản… (Ctrl+F)</source>
        <translation>Tìm văn bản… (Ctrl+F)</translation>
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
