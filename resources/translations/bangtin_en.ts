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
        <source>Đánh dấu</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>Đánh dấu hoặc bỏ đánh dấu văn bản này (Ctrl+D)</source>
        <translation>Bookmark this notice, or remove the bookmark (Ctrl+D)</translation>
    </message>
    <message>
        <source>Đánh dấu đã đọc tất cả</source>
        <translation>Mark all as read</translation>
    </message>
    <message>
        <source>Tìm kiếm…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>Tìm văn bản trong kho dữ liệu (Ctrl+F)</source>
        <translation>Search the notices in the archive (Ctrl+F)</translation>
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
</context>
<context>
    <name>ArchiveOpener</name>
    <message>
        <source>Đang mở kho dữ liệu…</source>
        <translation>Opening the archive…</translation>
    </message>
    <message>
        <source>Không mở được kho dữ liệu</source>
        <translation>Cannot open the archive</translation>
    </message>
    <message>
        <source>Đang chuẩn bị kho dữ liệu mẫu…</source>
        <translation>Preparing the demo archive…</translation>
    </message>
    <message>
        <source>Không mở được kho dữ liệu mẫu</source>
        <translation>Cannot open the demo archive</translation>
    </message>
    <message>
        <source>Không tạo được kho dữ liệu mẫu.</source>
        <translation>The demo archive could not be created.</translation>
    </message>
</context>
<context>
    <name>ArticleBrowser</name>
    <message>
        <source>Nội dung văn bản</source>
        <extracomment>desktop.render.markdown.TABLE_SCHEME, without importing the renderer here. Whole tables open now, newest last.</extracomment>
        <translation>Notice text</translation>
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
        <source>Đã đánh dấu</source>
        <translation>Bookmarked</translation>
    </message>
    <message>
        <source>{name}: {count} văn bản</source>
        <translation>{name}: {count} notices</translation>
    </message>
    <message>
        <source>{name}: {count} văn bản, {unread} chưa đọc</source>
        <translation>{name}: {count} notices, {unread} unread</translation>
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
        <source>Hủy</source>
        <translation>Cancel</translation>
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
        <source>{app} — kho dữ liệu mẫu</source>
        <translation>{app} — demo archive</translation>
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
        <translation>unread</translation>
    </message>
    <message>
        <source>đã đánh dấu</source>
        <translation>bookmarked</translation>
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
        <translation>Related notices</translation>
    </message>
    <message>
        <source>Tin mới nhất</source>
        <translation>Latest notices</translation>
    </message>
</context>
<context>
    <name>OverviewController</name>
    <message>
        <source>Đã đánh dấu đã đọc {count} văn bản</source>
        <translation>Marked {count} notices as read</translation>
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
    <name>Reader</name>
    <message>
        <source>Không tìm thấy văn bản này trong kho dữ liệu.</source>
        <translation>This notice is not in the archive.</translation>
    </message>
    <message>
        <source>Văn bản này đã bị thu hồi</source>
        <translation>This notice has been withdrawn</translation>
    </message>
    <message>
        <source>Đã đánh dấu văn bản</source>
        <translation>Notice bookmarked</translation>
    </message>
    <message>
        <source>Đã bỏ đánh dấu văn bản</source>
        <translation>Bookmark removed</translation>
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
    <name>SearchBar</name>
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
        <source>Tìm văn bản… (Ctrl+F)</source>
        <translation>Search notices… (Ctrl+F)</translation>
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
