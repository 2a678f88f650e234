"""A large vocabulary of Vietnamese administrative language, ranked for a Zipf draw.

Written for the benchmarks (bench/generate.py): the words and phrases that
notices of a provincial portal are made of. Rank 0 is the most frequent, so
"ủy ban nhân dân" and "thực hiện" land in most generated notices, as they do
in real ones, while agency names, fictional place names and long
verb–object phrases form the long tail that rare-term queries hit.

`ranked()` returns the whole list (several thousand entries, NFC, no
duplicates), built by hand-written lists and a few fixed combinations of
them. Nothing here is random: the list is the same on every machine.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: The words that open or fill nearly every notice, most frequent first.
CORE = """
ủy ban nhân dân|thực hiện|theo quy định|tổ chức|cơ quan|đơn vị|triển khai|kế hoạch
công tác|địa phương|năm 2023|người dân|trên địa bàn|quản lý|đề nghị|các cấp|nhà nước
căn cứ|xã|phường|huyện|tỉnh|thành phố|chủ tịch|cán bộ|công chức|viên chức|tình hình
kết quả|báo cáo|tăng cường|bảo đảm|chỉ đạo|hướng dẫn|phối hợp|kiểm tra|giám sát
nhiệm vụ|giải pháp|trọng tâm|hiệu quả|chất lượng|tiến độ|thời gian|trước ngày|tháng
năm|ngày|lĩnh vực|doanh nghiệp|hộ gia đình|cá nhân|tổ chức|sở|ban|ngành|đoàn thể
thông báo|quyết định|công văn|văn bản|hồ sơ|thủ tục hành chính|dịch vụ công|trực tuyến
tuyên truyền|phổ biến|giáo dục pháp luật|an ninh|trật tự|an toàn|xã hội|kinh tế
văn hóa|y tế|giáo dục|môi trường|đất đai|xây dựng|giao thông|nông nghiệp|nông thôn
năm 2022|năm 2024|quý|đợt|lần|số|về việc|nội dung|yêu cầu|quy định|chính sách
""".replace("\n", "|")

#: Administrative nouns and noun phrases.
NOUNS = """
bộ phận một cửa|trung tâm phục vụ hành chính công|cổng dịch vụ công quốc gia
cổng thông tin điện tử|trang thông tin điện tử|hệ thống quản lý văn bản|chữ ký số
chứng thư số|cơ sở dữ liệu|dữ liệu dân cư|căn cước công dân|định danh điện tử
tài khoản định danh|mã số thuế|sổ hộ khẩu|giấy khai sinh|giấy chứng nhận kết hôn
trích lục hộ tịch|giấy xác nhận tình trạng hôn nhân|giấy chứng nhận quyền sử dụng đất
quyền sở hữu nhà ở|tài sản gắn liền với đất|bản đồ địa chính|quy hoạch sử dụng đất
kế hoạch sử dụng đất|hạn mức giao đất|bồi thường|hỗ trợ|tái định cư|giải phóng mặt bằng
thu hồi đất|giao đất|cho thuê đất|chuyển mục đích sử dụng đất|tranh chấp đất đai
đơn thư|khiếu nại|tố cáo|kiến nghị|phản ánh|tiếp công dân|hòa giải ở cơ sở|trợ giúp pháp lý
tư pháp|hộ tịch|chứng thực|bản sao|chữ ký|hợp đồng|giao dịch|lý lịch tư pháp|quốc tịch
nuôi con nuôi|khai sinh|khai tử|kết hôn|giám hộ|thay đổi hộ tịch|cải chính hộ tịch
ngân sách nhà nước|dự toán|quyết toán|thu chi ngân sách|nguồn vốn|vốn đầu tư công
kế hoạch đầu tư công trung hạn|giải ngân|tạm ứng|thanh toán|công trình|dự án|gói thầu
nhà thầu|đấu thầu|chỉ định thầu|hồ sơ mời thầu|nghiệm thu|bàn giao|đưa vào sử dụng
chủ đầu tư|ban quản lý dự án|tư vấn giám sát|thiết kế cơ sở|báo cáo kinh tế kỹ thuật
hạ tầng kỹ thuật|hạ tầng giao thông|đường giao thông nông thôn|cầu dân sinh|kênh mương
thủy lợi|hồ chứa nước|đê điều|trạm bơm|hệ thống cấp nước|nước sạch|vệ sinh môi trường
rác thải sinh hoạt|chất thải rắn|nước thải|ô nhiễm môi trường|đa dạng sinh học
biến đổi khí hậu|thiên tai|bão|lũ lụt|sạt lở đất|hạn hán|xâm nhập mặn|rét đậm rét hại
phòng chống thiên tai|tìm kiếm cứu nạn|cứu hộ|cứu trợ|di dời dân|khu neo đậu tàu thuyền
phòng cháy chữa cháy|cứu nạn cứu hộ|an toàn thực phẩm|vệ sinh an toàn thực phẩm
ngộ độc thực phẩm|cơ sở sản xuất kinh doanh|hộ kinh doanh|giấy phép kinh doanh
giấy chứng nhận đăng ký doanh nghiệp|thuế giá trị gia tăng|thuế thu nhập cá nhân
thuế sử dụng đất phi nông nghiệp|lệ phí trước bạ|phí|lệ phí|hóa đơn điện tử
thị trường|giá cả|hàng hóa|hàng giả|gian lận thương mại|buôn lậu|chợ|siêu thị
trung tâm thương mại|khu công nghiệp|cụm công nghiệp|làng nghề|hợp tác xã|tổ hợp tác
trang trại|chăn nuôi|trồng trọt|lúa|ngô|rau màu|cây ăn quả|cây công nghiệp|cà phê
hồ tiêu|cao su|điều|chè|mía|sắn|keo|rừng trồng|rừng phòng hộ|rừng đặc dụng
bảo vệ rừng|phòng cháy chữa cháy rừng|khai thác gỗ|lâm sản|thủy sản|nuôi trồng thủy sản
đánh bắt hải sản|tàu cá|ngư dân|khuyến nông|khuyến ngư|giống cây trồng|vật nuôi
dịch tả lợn châu Phi|cúm gia cầm|lở mồm long móng|viêm da nổi cục|bệnh dại|tiêm phòng
vắc xin|tiêm chủng mở rộng|trạm y tế|bệnh viện|trung tâm y tế|bác sĩ|nhân viên y tế
khám chữa bệnh|bảo hiểm y tế|bảo hiểm xã hội|bảo hiểm thất nghiệp|lương hưu|trợ cấp
người có công với cách mạng|thương binh|bệnh binh|liệt sĩ|thân nhân liệt sĩ
bà mẹ Việt Nam anh hùng|cựu chiến binh|người cao tuổi|người khuyết tật|trẻ em
trẻ em có hoàn cảnh đặc biệt|hộ nghèo|hộ cận nghèo|hộ mới thoát nghèo|giảm nghèo bền vững
bảo trợ xã hội|an sinh xã hội|nhà ở xã hội|nhà đại đoàn kết|nhà tình nghĩa|việc làm
lao động|giải quyết việc làm|đào tạo nghề|xuất khẩu lao động|người lao động|tiền lương
an toàn vệ sinh lao động|bình đẳng giới|phòng chống bạo lực gia đình|gia đình văn hóa
khu dân cư văn hóa|thôn văn hóa|tổ dân phố văn hóa|đời sống văn hóa|di tích lịch sử
di sản văn hóa|lễ hội truyền thống|thể dục thể thao|thư viện|nhà văn hóa|sân vận động
du lịch cộng đồng|điểm du lịch|homestay|ẩm thực|nghệ thuật quần chúng|câu lạc bộ
trường mầm non|trường tiểu học|trường trung học cơ sở|trường trung học phổ thông
học sinh|sinh viên|giáo viên|cán bộ quản lý giáo dục|năm học|học kỳ|kỳ thi
tuyển sinh|tốt nghiệp trung học phổ thông|phổ cập giáo dục|xóa mù chữ|khuyến học
học bổng|cơ sở vật chất|thiết bị dạy học|sách giáo khoa|chương trình giáo dục phổ thông
dân số|kế hoạch hóa gia đình|mất cân bằng giới tính khi sinh|chăm sóc sức khỏe sinh sản
dinh dưỡng|suy dinh dưỡng|sức khỏe cộng đồng|dịch bệnh|sốt xuất huyết|tay chân miệng
bệnh truyền nhiễm|phòng chống dịch|khai báo y tế|cách ly|quốc phòng|quân sự
dân quân tự vệ|lực lượng vũ trang|nghĩa vụ quân sự|khám tuyển nghĩa vụ quân sự
tuyển quân|giao nhận quân|quân nhân|hậu phương quân đội|diễn tập|công an xã
công an phường|lực lượng tham gia bảo vệ an ninh trật tự ở cơ sở|tội phạm|ma túy
tệ nạn xã hội|cờ bạc|mại dâm|vi phạm pháp luật|xử phạt vi phạm hành chính|biên bản
quyết định xử phạt|cưỡng chế|tang vật|phương tiện|tai nạn giao thông|vi phạm nồng độ cồn
mũ bảo hiểm|hành lang an toàn giao thông|biển báo|tải trọng|xe quá tải|bến xe
vận tải hành khách|đăng kiểm|giấy phép lái xe|đường tỉnh|đường huyện|quốc lộ
chuyển đổi số|chính quyền điện tử|chính quyền số|kinh tế số|xã hội số|công dân số
tổ công nghệ số cộng đồng|hạ tầng số|an toàn thông tin|an ninh mạng|thanh toán không dùng tiền mặt
cải cách hành chính|chỉ số cải cách hành chính|chỉ số hài lòng|kỷ luật kỷ cương hành chính
văn hóa công vụ|đạo đức công vụ|tinh giản biên chế|vị trí việc làm|biên chế|thi đua
khen thưởng|kỷ luật|bằng khen|giấy khen|danh hiệu|chiến sĩ thi đua|lao động tiên tiến
tập thể lao động xuất sắc|đánh giá xếp loại|bổ nhiệm|miễn nhiệm|luân chuyển|điều động
tuyển dụng|thi tuyển|xét tuyển|nâng ngạch|nâng lương|nghỉ hưu|thôi việc|bồi dưỡng
tập huấn|hội nghị|hội thảo|tọa đàm|cuộc họp|phiên họp|kỳ họp|hội đồng nhân dân
đại biểu hội đồng nhân dân|thường trực hội đồng nhân dân|nghị quyết|chương trình hành động
mặt trận tổ quốc|đoàn thanh niên|hội liên hiệp phụ nữ|hội nông dân|hội cựu chiến binh
liên đoàn lao động|hội chữ thập đỏ|hội người cao tuổi|hội khuyến học|công đoàn
chi bộ|đảng ủy|đảng viên|nghị quyết đại hội
học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh
bầu cử|cử tri|danh sách cử tri|tổ bầu cử|khu vực bỏ phiếu|tiếp xúc cử tri|ý kiến cử tri
xây dựng nông thôn mới|nông thôn mới nâng cao|nông thôn mới kiểu mẫu|đô thị văn minh
chỉnh trang đô thị|trật tự đô thị|lấn chiếm vỉa hè|quảng cáo|cây xanh|chiếu sáng công cộng
nghĩa trang|thoát nước|cấp phép xây dựng|giấy phép xây dựng|trật tự xây dựng|nhà ở riêng lẻ
công trình vi phạm|tháo dỡ|khu đô thị|khu tái định cư|quy hoạch chung|quy hoạch chi tiết
quy hoạch phân khu|thẩm định|phê duyệt|điều chỉnh|bổ sung|sửa đổi|thay thế|bãi bỏ
hiệu lực thi hành|phạm vi điều chỉnh|đối tượng áp dụng|điều khoản thi hành|tổ chức thực hiện
kinh phí thực hiện|nguồn kinh phí|phụ lục|biểu mẫu|mẫu đơn|tờ khai|danh mục|danh sách
bảng tổng hợp|số liệu|chỉ tiêu|tỷ lệ|mục tiêu|định hướng|tầm nhìn|lộ trình|giai đoạn
giai đoạn 2021-2025|giai đoạn 2026-2030|sáu tháng đầu năm|sáu tháng cuối năm|cuối năm
quý I|quý II|quý III|quý IV|tuần|hằng tháng|hằng quý|hằng năm|định kỳ|đột xuất
thời hạn|thời điểm|địa điểm|thành phần|đại diện lãnh đạo|lãnh đạo|thủ trưởng|người đứng đầu
văn phòng|bộ phận|tổ công tác|ban chỉ đạo|ban chỉ huy|tổ giúp việc|hội đồng|ủy viên
thường trực|thành viên|trưởng ban|phó trưởng ban|trưởng phòng|phó trưởng phòng|giám đốc
phó giám đốc|chánh văn phòng|trưởng thôn|tổ trưởng tổ dân phố|bí thư chi bộ|trưởng công an xã
chỉ huy trưởng quân sự|công chức địa chính|công chức tư pháp hộ tịch|công chức văn hóa xã hội
công chức tài chính kế toán|công chức văn phòng thống kê|người hoạt động không chuyên trách
""".replace("\n", "|")

#: Verbs and verb phrases of official writing.
VERBS = """
ban hành|thông qua|phê duyệt|chấp thuận|đồng ý|thống nhất|giao|phân công|ủy quyền
chịu trách nhiệm|tham mưu|đề xuất|trình|báo cáo|tổng hợp|theo dõi|đôn đốc|nhắc nhở
kiểm tra|thanh tra|giám sát|đánh giá|rà soát|thống kê|điều tra|khảo sát|xác minh
xử lý|giải quyết|tiếp nhận|trả kết quả|hướng dẫn|phổ biến|quán triệt|tuyên truyền
vận động|khuyến khích|hỗ trợ|tạo điều kiện|bảo đảm|duy trì|nâng cao|cải thiện
đẩy mạnh|tăng cường|tập trung|ưu tiên|huy động|lồng ghép|bố trí|phân bổ|cấp phát
thu hồi|đình chỉ|tạm dừng|hủy bỏ|bãi bỏ|sửa đổi|bổ sung|điều chỉnh|thay thế|gia hạn
cấp mới|cấp lại|cấp đổi|đăng ký|đăng ký thường trú|đăng ký tạm trú|khai báo|xác nhận
chứng nhận|công nhận|công bố|niêm yết|công khai|đăng tải|cập nhật|số hóa|lưu trữ
tổ chức thực hiện|triển khai thực hiện|phối hợp thực hiện|nghiêm túc thực hiện
khẩn trương|kịp thời|chủ động|thường xuyên|nghiêm cấm|xử lý nghiêm|chấn chỉnh|khắc phục
phòng ngừa|ngăn chặn|đấu tranh|trấn áp|phát hiện|truy quét|tuần tra|kiểm soát
ứng phó|sơ tán|di dời|cứu trợ|thăm hỏi|tặng quà|trao tặng|biểu dương|khen thưởng
kỷ niệm|chào mừng|tổ chức lễ|phát động|hưởng ứng|tham gia|đóng góp|ủng hộ|quyên góp
học tập|bồi dưỡng|đào tạo|tập huấn|sát hạch|tuyển chọn|bầu|bãi nhiệm|kiện toàn
thành lập|giải thể|sáp nhập|chia tách|sắp xếp|tổ chức lại|kiện toàn tổ chức bộ máy
""".replace("\n", "|")

#: Modifiers and connectives that fill sentences.
FILLERS = """
các|những|mọi|toàn bộ|từng|mỗi|được|bị|đã|đang|sẽ|chưa|không|phải|cần|nên|có thể
trong|ngoài|trên|dưới|giữa|sau|trước|khi|nếu|để|nhằm|theo|tại|của|cho|với|và|hoặc
nhưng|tuy nhiên|đồng thời|bên cạnh đó|ngoài ra|do đó|vì vậy|cụ thể|nhất là|đặc biệt
có liên quan|kèm theo|nêu trên|sau đây|dưới đây|như sau|kể từ ngày|đến ngày|đến nay
hiện nay|thời gian qua|thời gian tới|sắp tới|còn lại|chủ yếu|cơ bản|đầy đủ|chính xác
đúng quy định|công khai minh bạch|đúng đối tượng|đúng thời gian|chặt chẽ|đồng bộ
kịp thời|nghiêm túc|hiệu quả|thiết thực|bền vững|toàn diện|trọng điểm|cấp bách
lâu dài|thường xuyên|liên tục|tích cực|chủ động|sáng tạo|linh hoạt|quyết liệt
""".replace("\n", "|")

#: Agencies of a province, a district and a commune.
AGENCIES = """
Văn phòng Ủy ban nhân dân tỉnh|Sở Nội vụ|Sở Tư pháp|Sở Kế hoạch và Đầu tư|Sở Tài chính
Sở Công Thương|Sở Nông nghiệp và Phát triển nông thôn|Sở Nông nghiệp và Môi trường
Sở Giao thông vận tải|Sở Xây dựng|Sở Tài nguyên và Môi trường|Sở Thông tin và Truyền thông
Sở Khoa học và Công nghệ|Sở Lao động - Thương binh và Xã hội|Sở Văn hóa, Thể thao và Du lịch
Sở Giáo dục và Đào tạo|Sở Y tế|Thanh tra tỉnh|Ban Dân tộc|Ban Quản lý các khu công nghiệp
Công an tỉnh|Bộ Chỉ huy Quân sự tỉnh|Bộ Chỉ huy Bộ đội Biên phòng tỉnh|Cục Thuế tỉnh
Kho bạc Nhà nước tỉnh|Bảo hiểm xã hội tỉnh|Cục Thống kê tỉnh|Ngân hàng Chính sách xã hội
Đài Phát thanh và Truyền hình tỉnh|Báo Sơn Hà|Trung tâm Phục vụ hành chính công tỉnh
Văn phòng Ủy ban nhân dân huyện|Phòng Nội vụ|Phòng Tư pháp|Phòng Tài chính - Kế hoạch
Phòng Kinh tế và Hạ tầng|Phòng Quản lý đô thị|Phòng Tài nguyên và Môi trường
Phòng Nông nghiệp và Phát triển nông thôn|Phòng Lao động - Thương binh và Xã hội
Phòng Văn hóa và Thông tin|Phòng Giáo dục và Đào tạo|Phòng Y tế|Thanh tra huyện
Trung tâm Y tế huyện|Trung tâm Văn hóa - Thể thao|Ban Quản lý dự án đầu tư xây dựng
Công an huyện|Ban Chỉ huy Quân sự huyện|Chi cục Thuế khu vực|Chi nhánh Văn phòng đăng ký đất đai
Văn phòng Hội đồng nhân dân và Ủy ban nhân dân|Ủy ban Mặt trận Tổ quốc Việt Nam
Hội đồng nhân dân tỉnh|Hội đồng nhân dân huyện|Hội đồng nhân dân xã|Ủy ban nhân dân tỉnh
Ủy ban nhân dân huyện|Ủy ban nhân dân xã|Ủy ban nhân dân phường|Ủy ban nhân dân thị trấn
Ban Chỉ đạo phòng chống thiên tai và tìm kiếm cứu nạn|Ban Chỉ đạo xây dựng nông thôn mới
Ban Chỉ đạo chuyển đổi số|Ban Chỉ đạo công tác giảm nghèo|Hội đồng thi đua khen thưởng
Hội đồng phối hợp phổ biến giáo dục pháp luật|Ban Chỉ huy phòng thủ dân sự
""".replace("\n", "|")

#: Kinds of documents a portal lists.
DOC_TYPES = """
Quyết định|Công văn|Kế hoạch|Thông báo|Chỉ thị|Nghị quyết|Báo cáo|Tờ trình|Hướng dẫn
Giấy mời|Thông tư|Nghị định|Luật|Công điện|Đề án|Chương trình|Quy chế|Quy định|Biên bản
Hợp đồng|Giấy ủy quyền|Phương án|Dự thảo|Thông cáo báo chí|Lịch công tác|Kết luận
""".replace("\n", "|")

#: Syllables of the fictional places of Sơn Hà province.
PLACE_SYLLABLES = """
An|Bình|Hòa|Phú|Tân|Thạnh|Lộc|Phước|Long|Hưng|Thịnh|Đông|Tây|Nam|Bắc|Trung|Sơn|Hà
Hải|Thủy|Lâm|Mỹ|Quang|Minh|Đức|Nghĩa|Tiến|Thành|Hiệp|Lợi|Vĩnh|Xuân|Hạ|Thu|Cát|Kim
Ngọc|Hồng|Thanh|Cẩm|Điện|Quế|Tam|Duy|Đại|Khánh|Diên|Vạn|Ninh|Gia|Yên|Thái|Hoàng
""".replace("\n", "|")

PLACE_KINDS = ("xã", "phường", "thị trấn", "thôn", "tổ dân phố", "khu phố", "ấp", "bản")

#: Specialised terms that few notices use: the rare words of the tail.
RARE = """
thủy văn|khí tượng|địa chất|khoáng sản|cát sỏi lòng sông|đê bao|kè chắn sóng|kè sông
thủy điện nhỏ|điện mặt trời mái nhà|điện gió|lưới điện nông thôn|trạm biến áp|lò đốt rác
bãi chôn lấp|nhà máy xử lý nước thải|cây dược liệu|ba kích|sâm|quế|hồi|sa nhân|đinh lăng
nấm linh chi|mật ong|yến sào|tằm tơ|dâu tằm|cá lồng|tôm thẻ chân trắng|cua|ốc hương|rong biển
muối|nước mắm|gốm|mây tre đan|dệt thổ cẩm|đan lát|rèn|nón lá|chiếu cói|bánh tráng|rượu cần
cồng chiêng|hát bả trạo|bài chòi|dân ca|võ cổ truyền|đua ghe|kéo co|đẩy gậy|bắn nỏ|ném còn
thủy lôi|vật liệu nổ|bom mìn sót lại|tàu thuyền vỏ thép|ngư trường|bãi ngang|cồn cát|đầm phá
rừng ngập mặn|san hô|rùa biển|voọc|sao la|chim di cư|gỗ quý hiếm|trầm hương|lan rừng
cây di sản|giếng cổ|đình làng|lăng mộ|sắc phong|mộc bản|bia đá|thư tịch cổ|hiện vật
sổ đỏ|sổ hồng|trích đo địa chính|mốc giới|hành lang bảo vệ nguồn nước|giếng khoan|bể lọc
máy lọc nước|xe cứu thương|xe chữa cháy|bình chữa cháy|loa truyền thanh|đài truyền thanh
bảng điện tử|ki ốt tra cứu|máy lấy số thứ tự|camera giám sát|mã QR|ví điện tử|thẻ ATM
""".replace("\n", "|")

#: Verbs that take the objects below in long, rarer phrases.
ACTION_VERBS = (
    "tăng cường",
    "triển khai",
    "đẩy mạnh",
    "nâng cao hiệu quả",
    "tổ chức kiểm tra",
    "rà soát",
    "hướng dẫn thực hiện",
    "báo cáo kết quả",
    "tuyên truyền về",
    "kiện toàn",
)
ACTION_OBJECTS = (
    "công tác phòng chống thiên tai",
    "công tác cải cách hành chính",
    "công tác tiếp công dân",
    "công tác quản lý đất đai",
    "công tác bảo vệ môi trường",
    "công tác phòng cháy chữa cháy",
    "công tác giảm nghèo",
    "công tác chuyển đổi số",
    "công tác thi đua khen thưởng",
    "công tác dân số",
    "công tác an toàn giao thông",
    "công tác quản lý trật tự xây dựng",
    "công tác tuyển quân",
    "công tác bầu cử",
    "công tác phổ biến giáo dục pháp luật",
    "công tác phòng chống dịch bệnh",
    "công tác quản lý thị trường",
    "công tác bảo trợ xã hội",
    "công tác hòa giải ở cơ sở",
    "công tác văn thư lưu trữ",
    "chương trình mục tiêu quốc gia",
    "phong trào toàn dân đoàn kết xây dựng đời sống văn hóa",
    "đề án phát triển ứng dụng dữ liệu về dân cư",
    "bộ chỉ số đánh giá chất lượng phục vụ người dân",
    "mô hình dân vận khéo",
    "phong trào thi đua yêu nước",
)


def _split(block: str) -> list[str]:
    return [w.strip() for w in block.split("|") if w.strip()]


def _places() -> list[str]:
    syllables = _split(PLACE_SYLLABLES)
    names: list[str] = []
    # A fixed walk over pairs: every name is "A B" with A ≠ B, the order fixed.
    for step in range(1, len(syllables)):
        for i, first in enumerate(syllables):
            second = syllables[(i + step) % len(syllables)]
            names.append(f"{first} {second}")
    places: list[str] = []
    for n, name in enumerate(names[:1800]):
        places.append(f"{PLACE_KINDS[n % len(PLACE_KINDS)]} {name}")
    # Bare names too: "Hòa An" alone appears in addresses and titles.
    places.extend(names[:1200])
    return places


def _agency_places(agencies: list[str], places: list[str]) -> list[str]:
    communes = [p for p in places if p.startswith(("xã ", "phường ", "thị trấn "))]
    out = []
    for i, place in enumerate(communes[:600]):
        head = ("Ủy ban nhân dân", "Công an", "Trạm y tế", "Trường tiểu học", "Hội nông dân")[i % 5]
        out.append(f"{head} {place}")
    for i, agency in enumerate(agencies[:40]):
        out.append(f"{agency} tỉnh Sơn Hà" if i % 2 else f"{agency} huyện Hòa Sơn")
    return out


def _actions() -> list[str]:
    return [f"{v} {o}" for o in ACTION_OBJECTS for v in ACTION_VERBS]


@lru_cache(maxsize=1)
def ranked() -> tuple[str, ...]:
    """Every entry, most frequent first; NFC and without duplicates."""
    core = _split(CORE)
    nouns = _split(NOUNS)
    verbs = _split(VERBS)
    fillers = _split(FILLERS)
    agencies = _split(AGENCIES)
    doc_types = [d.lower() for d in _split(DOC_TYPES)]
    places = _places()
    # The middle ranks mix the kinds, as running text does: a filler, a verb,
    # two nouns, now and then an agency or a document type.
    middle: list[str] = []
    streams = [fillers, verbs, nouns, nouns, doc_types, agencies]
    cursors = [0] * len(streams)
    while any(c < len(s) for c, s in zip(cursors, streams, strict=True)):
        for k, stream in enumerate(streams):
            if cursors[k] < len(stream):
                middle.append(stream[cursors[k]])
                cursors[k] += 1
    tail = [*_agency_places(agencies, places), *_actions(), *places, *_split(RARE)]
    seen: dict[str, None] = {}
    for entry in (*core, *middle, *tail):
        seen.setdefault(unicodedata.normalize("NFC", entry), None)
    return tuple(seen)


def zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    """Cumulative weights of ranks 0..count-1 under 1/(rank+1)**exponent."""
    total = 0.0
    cumulative = []
    for rank in range(count):
        total += 1.0 / (rank + 1) ** exponent
        cumulative.append(total)
    return cumulative


if __name__ == "__main__":  # pragma: no cover - a quick look at the list
    words = ranked()
    print(len(words), "entries;", sum(len(w.split()) for w in words), "words in all")
    print(words[:12], words[-5:])
