"""A seeded corpus of notices that cite each other by number, for the relevance bench.

Real archives are made of families: a plan, decision or directive
("Kế hoạch số 54/KH-UBND … về phòng, chống dịch tả lợn châu Phi năm 2023"),
then the letters that carry it out ("V/v triển khai Kế hoạch số 54/KH-UBND"),
the reports on it, the news of it, each opening with "Căn cứ …" or "Thực hiện
Kế hoạch số 54/KH-UBND ngày 12/3/2023 của UBND tỉnh …". Around them, routine
notices: meeting invitations, reception schedules, news. `corpus(count,
seed)` writes such an archive: documents are numbered as offices number
them (one sequence per issuer, type and year), so the same number comes back
in other years and from other issuers, and the common words of
`bench/vocabulary.py` fill every body.

Each family is kept (`Family`): `bench/relevance.py` asks for its documents
the ways clerks do and judges the answers by it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

try:  # run as a script or imported as bench.citing
    from bench import vocabulary
    from bench.generate import Notice
except ImportError:  # pragma: no cover - the script's own folder is on sys.path
    import vocabulary  # type: ignore[no-redef]
    from generate import Notice  # type: ignore[no-redef]

from db.types import VN_TZ

START = datetime(2020, 1, 1, 7, 30, tzinfo=VN_TZ)


@dataclass(frozen=True)
class Issuer:
    """Who signs: full name, the short form in running text, and the number's symbol."""

    name: str
    short: str
    symbol: str
    place: str


ISSUERS: tuple[Issuer, ...] = (
    Issuer("Ủy ban nhân dân tỉnh Sơn Hà", "UBND tỉnh", "UBND", "tỉnh Sơn Hà"),
    Issuer("Ủy ban nhân dân huyện Hòa Sơn", "UBND huyện Hòa Sơn", "UBND", "huyện Hòa Sơn"),
    Issuer("Ủy ban nhân dân thành phố Sơn Hà", "UBND thành phố", "UBND", "thành phố Sơn Hà"),
    Issuer("Hội đồng nhân dân tỉnh Sơn Hà", "HĐND tỉnh", "HĐND", "tỉnh Sơn Hà"),
    Issuer("Sở Giáo dục và Đào tạo tỉnh Sơn Hà", "Sở Giáo dục và Đào tạo", "SGDĐT", "tỉnh"),
    Issuer(
        "Sở Tài nguyên và Môi trường tỉnh Sơn Hà", "Sở Tài nguyên và Môi trường", "STNMT", "tỉnh"
    ),
    Issuer("Sở Y tế tỉnh Sơn Hà", "Sở Y tế", "SYT", "tỉnh"),
    Issuer("Sở Nội vụ tỉnh Sơn Hà", "Sở Nội vụ", "SNV", "tỉnh"),
    Issuer(
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Sơn Hà",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "SNNPTNT",
        "tỉnh",
    ),
)

#: (type, abbreviation in numbers or None for Công văn, category)
TYPES: dict[str, tuple[str | None, str]] = {
    "Kế hoạch": ("KH", "Văn bản/Kế hoạch"),
    "Quyết định": ("QĐ", "Văn bản/Quyết định"),
    "Chỉ thị": ("CT", "Văn bản/Chỉ thị"),
    "Nghị quyết": ("NQ", "Văn bản/Nghị quyết"),
    "Hướng dẫn": ("HD", "Văn bản/Hướng dẫn"),
    "Đề án": ("ĐA", "Văn bản/Đề án"),
    "Chương trình": ("CTr", "Văn bản/Chương trình"),
    "Công văn": (None, "Văn bản/Công văn"),
    "Báo cáo": ("BC", "Văn bản/Báo cáo"),
    "Thông báo": ("TB", "Thông báo"),
    "Giấy mời": ("GM", "Thông báo"),
    "Tờ trình": ("TTr", "Văn bản/Tờ trình"),
}

#: Topics of the families: which issuers take them up, and the words their bodies use.
TOPICS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("phòng, chống dịch tả lợn châu Phi", ("UBND", "SNNPTNT"), "chăn nuôi tiêu độc khử trùng"),
    ("phòng, chống bệnh sốt xuất huyết", ("UBND", "SYT"), "diệt lăng quăng phun hóa chất"),
    ("tiêm chủng mở rộng cho trẻ em", ("SYT", "UBND"), "vắc xin trạm y tế"),
    ("tuyển sinh vào lớp 10 trung học phổ thông", ("SGDĐT",), "thí sinh điểm thi"),
    ("tổ chức kỳ thi tốt nghiệp trung học phổ thông", ("SGDĐT", "UBND"), "thí sinh hội đồng thi"),
    ("bồi dưỡng học sinh giỏi cấp tỉnh", ("SGDĐT",), "đội tuyển giáo viên"),
    ("cải cách hành chính", ("UBND", "SNV"), "bộ phận một cửa chỉ số"),
    ("chuyển đổi số", ("UBND",), "dịch vụ công trực tuyến chữ ký số"),
    ("tinh giản biên chế", ("SNV", "UBND"), "vị trí việc làm công chức"),
    ("quản lý đất đai và khoáng sản", ("STNMT", "UBND"), "khai thác cát sỏi lòng sông"),
    ("bảo vệ môi trường làng nghề", ("STNMT",), "nước thải chất thải rắn"),
    ("thu gom, xử lý rác thải sinh hoạt", ("STNMT", "UBND"), "bãi chôn lấp phân loại"),
    ("phòng cháy, chữa cháy rừng", ("UBND", "SNNPTNT"), "kiểm lâm mùa khô"),
    ("phòng, chống thiên tai và tìm kiếm cứu nạn", ("UBND",), "bão lũ sạt lở di dời"),
    ("xây dựng nông thôn mới", ("UBND", "SNNPTNT"), "tiêu chí xã đạt chuẩn"),
    ("giảm nghèo bền vững", ("UBND",), "hộ nghèo hộ cận nghèo"),
    ("bảo đảm trật tự an toàn giao thông", ("UBND",), "mũ bảo hiểm nồng độ cồn"),
    ("vệ sinh an toàn thực phẩm", ("SYT", "UBND"), "ngộ độc bếp ăn tập thể"),
    ("phát triển du lịch cộng đồng", ("UBND",), "homestay lễ hội"),
    ("kiện toàn tổ chức bộ máy", ("SNV",), "sắp xếp đơn vị sự nghiệp"),
    ("dự toán ngân sách nhà nước", ("HĐND", "UBND"), "thu chi phân bổ vốn"),
    ("kế hoạch đầu tư công trung hạn", ("HĐND", "UBND"), "danh mục dự án vốn"),
    (
        "chính sách hỗ trợ phát triển sản xuất nông nghiệp",
        ("HĐND", "SNNPTNT"),
        "giống cây trồng vật nuôi",
    ),
    ("khám sức khỏe định kỳ cho người cao tuổi", ("SYT",), "trạm y tế người cao tuổi"),
    ("phòng, chống đuối nước trẻ em", ("SGDĐT", "UBND"), "dạy bơi hè"),
    ("thi đua khen thưởng", ("SNV", "UBND"), "danh hiệu bằng khen"),
    ("đăng ký kết hôn và khai sinh trực tuyến", ("UBND",), "hộ tịch tư pháp"),
    ("cấp giấy chứng nhận quyền sử dụng đất", ("STNMT",), "hồ sơ địa chính"),
    ("trồng cây xanh đô thị", ("UBND",), "vỉa hè công viên"),
    ("nước sạch nông thôn", ("SNNPTNT",), "công trình cấp nước"),
)

VERBS = ("triển khai", "tổ chức thực hiện", "tăng cường", "đẩy mạnh", "thực hiện")
#: Types a family's main document may be; the last two only for HĐND.
MAIN_TYPES = ("Kế hoạch", "Quyết định", "Chỉ thị", "Hướng dẫn", "Đề án", "Chương trình")


@dataclass
class Family:
    """One main document and the notices about it: the ground truth of the judged set."""

    main: Notice
    issuer: Issuer
    topic: str
    year: int
    members: list[str] = field(default_factory=list)  # the main id and the citing ids


@dataclass
class Corpus:
    notices: list[Notice]
    families: list[Family]


class _Numbers:
    """Each issuer numbers each type in its own sequence, from 1 each year."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._next: dict[tuple[str, str, int], int] = {}

    def take(self, issuer: Issuer, doc_type: str, year: int) -> str:
        key = (issuer.name, doc_type, year)
        n = self._next.get(key, self._rng.randint(1, 40))
        self._next[key] = n + self._rng.randint(1, 6)
        code = TYPES[doc_type][0]
        if code is None:  # Công văn: the issuer and its office, "312/UBND-VP"
            return f"{n}/{issuer.symbol}-VP"
        return f"{n}/{code}-{issuer.symbol}"


def _words() -> tuple[Sequence[str], list[float]]:
    words = vocabulary.ranked()
    weights = vocabulary.zipf_weights(len(words))
    total = 0.0
    cum = []
    for w in weights:
        total += w
        cum.append(total)
    return words, cum


_WORDS, _CUM = _words()


def _filler(rng: random.Random, sentences: int, extra: str = "") -> str:
    out = []
    pool = extra.split()
    for _ in range(sentences):
        words = rng.choices(_WORDS, cum_weights=_CUM, k=rng.randint(9, 18))
        if pool and rng.random() < 0.5:
            words.insert(rng.randrange(len(words)), rng.choice(pool))
        text = " ".join(words)
        out.append(text[0].upper() + text[1:] + ".")
    return " ".join(out)


def _day(when: datetime) -> str:
    return f"{when.day}/{when.month}/{when.year}"


def _cite(doc: Notice, issuer: Issuer, topic: str) -> str:
    return (
        f"{doc.doc_type} số {doc.number} ngày {_day(doc.published)} của {issuer.short} về {topic}"
    )


def _main_body(rng: random.Random, issuer: Issuer, topic: str, extra: str, basis: str) -> str:
    return "\n\n".join(
        (
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            f"Căn cứ {basis};" if basis else "Căn cứ tình hình thực tế của địa phương;",
            f"{issuer.name} ban hành văn bản về {topic} như sau:",
            "**I. MỤC ĐÍCH, YÊU CẦU**",
            _filler(rng, rng.randint(2, 4), extra),
            "**II. NỘI DUNG THỰC HIỆN**",
            "\n".join(f"- {_filler(rng, 1, extra)}" for _ in range(rng.randint(2, 4))),
            "**III. TỔ CHỨC THỰC HIỆN**",
            _filler(rng, rng.randint(2, 3)),
        )
    )


def corpus(count: int, seed: int) -> Corpus:
    """*count* notices (about), families and routine ones, the same for a seed."""
    rng = random.Random(f"citing:{seed}")
    numbers = _Numbers(rng)
    notices: list[Notice] = []
    families: list[Family] = []
    span = (datetime(2024, 12, 31, tzinfo=VN_TZ) - START).total_seconds()
    n_families = max(4, count // 14)
    by_symbol: dict[str, list[Issuer]] = {}
    for issuer in ISSUERS:
        by_symbol.setdefault(issuer.symbol, []).append(issuer)
    laws: list[str] = []

    def nid() -> str:
        return f"rv-{len(notices):06d}"

    for _ in range(n_families):
        topic, symbols, extra = rng.choice(TOPICS)
        issuer = rng.choice(by_symbol[rng.choice(symbols)])
        when = START + timedelta(seconds=rng.uniform(0, span * 0.9))
        year = when.year
        doc_type = "Nghị quyết" if issuer.symbol == "HĐND" else rng.choice(MAIN_TYPES)
        verb = rng.choice(VERBS)
        where = f" trên địa bàn {issuer.place}" if rng.random() < 0.5 else ""
        title = f"{doc_type} {verb} {topic}{where} năm {year}"
        if doc_type == "Quyết định":
            title = f"Quyết định ban hành Kế hoạch {verb} {topic} năm {year}"
        basis = rng.choice(laws) if laws and rng.random() < 0.7 else ""
        main = Notice(
            id=nid(),
            title=title,
            category=TYPES[doc_type][1],
            published=when,
            body=_main_body(rng, issuer, topic, extra, basis),
            number=numbers.take(issuer, doc_type, year),
            doc_type=doc_type,
            issuer=issuer.name,
            summary=f"{verb.capitalize()} {topic} năm {year}." if rng.random() < 0.4 else None,
        )
        notices.append(main)
        family = Family(main, issuer, topic, year, [main.id])
        families.append(family)
        cite = _cite(main, issuer, topic)
        laws.append(cite)
        # The notices that carry it out, cite it, report on it, over the months after.
        for _k in range(rng.randint(2, 6)):
            later = when + timedelta(days=rng.uniform(3, 300))
            kind = rng.choice(("Công văn", "Báo cáo", "Thông báo", "news", "Kế hoạch", "Giấy mời"))
            who = rng.choice(ISSUERS)
            ref = f"{main.doc_type} số {main.number}"
            if kind == "Công văn":
                title = rng.choice(
                    (
                        f"V/v triển khai {ref} của {issuer.short}",
                        f"Về việc {rng.choice(VERBS)} {topic}",
                    )
                )
                body = (
                    f"Thực hiện {cite}, {who.name} đề nghị các cơ quan, đơn vị:\n\n"
                    + "\n".join(f"- {_filler(rng, 1, extra)}" for _ in range(3))
                    + "\n\n"
                    + _filler(rng, 2)
                )
            elif kind == "Báo cáo":
                period = rng.choice(("6 tháng đầu năm", "năm", "quý III"))
                title = f"Báo cáo kết quả thực hiện {topic} {period} {later.year}"
                body = f"Thực hiện {cite}, {who.name} báo cáo kết quả như sau:\n\n" + _filler(
                    rng, rng.randint(4, 7), extra
                )
            elif kind == "Thông báo":
                title = f"Thông báo kết luận của Chủ tịch {who.short} tại cuộc họp về {topic}"
                body = (
                    f"Ngày {_day(later)}, {who.short} họp nghe báo cáo tình hình thực hiện "
                    f"{ref}. {_filler(rng, rng.randint(3, 5), extra)}"
                )
            elif kind == "Giấy mời":
                title = f"Giấy mời dự hội nghị triển khai {ref}"
                body = f"{who.name} trân trọng kính mời dự hội nghị về {topic}. {_filler(rng, 2)}"
            elif kind == "Kế hoạch":
                title = f"Kế hoạch {rng.choice(VERBS)} {topic} năm {later.year}"
                body = _main_body(rng, who, topic, extra, cite)
            else:
                title = f"{who.place.capitalize()}: {rng.choice(VERBS)} {topic}"
                body = f"Theo {ref} của {issuer.short}, {_filler(rng, 1, extra)} " + _filler(
                    rng, rng.randint(3, 6), extra
                )
            kind_type = None if kind == "news" else kind
            category = "Tin hoạt động" if kind_type is None else TYPES[kind_type][1]
            notice = Notice(
                id=nid(),
                title=title,
                category=category,
                published=later,
                body=body,
                number=numbers.take(who, kind_type, later.year) if kind_type else None,
                doc_type=kind_type,
                issuer=who.name if kind_type else None,
            )
            notices.append(notice)
            family.members.append(notice.id)
    # Routine notices until *count*: schedules, invitations, news of anything.
    while len(notices) < count:
        when = START + timedelta(seconds=rng.uniform(0, span))
        who = rng.choice(ISSUERS)
        kind = rng.choice(("Thông báo", "Giấy mời", "Công văn", "news", "news", "Báo cáo"))
        subject = rng.choice(vocabulary.ACTION_OBJECTS)
        if kind == "Thông báo":
            title = f"Thông báo lịch tiếp công dân tháng {when.month} năm {when.year}"
        elif kind == "Giấy mời":
            title = f"Giấy mời họp giao ban {subject}"
        elif kind == "Công văn":
            title = f"Về việc {rng.choice(vocabulary.ACTION_VERBS)} {subject}"
        elif kind == "Báo cáo":
            title = f"Báo cáo tình hình {subject} tháng {when.month} năm {when.year}"
        else:
            place = rng.choice(_WORDS[-1200:]).capitalize()
            title = f"{place}: {rng.choice(vocabulary.ACTION_VERBS)} {subject}"
        basis = f"Căn cứ {rng.choice(laws)}. " if laws and rng.random() < 0.3 else ""
        kind_type = None if kind == "news" else kind
        notices.append(
            Notice(
                id=nid(),
                title=title,
                category="Tin hoạt động" if kind_type is None else TYPES[kind_type][1],
                published=when,
                body=basis + _filler(rng, rng.randint(6, 12)),
                number=numbers.take(who, kind_type, when.year) if kind_type else None,
                doc_type=kind_type,
                issuer=who.name if kind_type else None,
            )
        )
    return Corpus(notices, families)
