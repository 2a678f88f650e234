"""The abbreviations clerks type: document types (Decree 30/2020, Appendix III) and issuers.

A document's number carries the abbreviation of its type and issuer
("54/KH-UBND": Kế hoạch of the Ủy ban nhân dân), and clerks type either
form: "kh 54" or "kế hoạch 54", "ubnd" or "ủy ban nhân dân". Everything here
is folded (`db.folding.fold`), so "QĐ" is "qd" and "HĐND" is "hdnd".

`DOC_TYPES` maps each abbreviation to the type names it stands for (a few
stand for two: "HD" is Hướng dẫn, and "HĐ", Hợp đồng, folds to it too);
`ISSUERS` maps issuer abbreviations to their words. `TYPE_NAMES` is the
other way: a type's words, folded, to its abbreviations.
"""

from __future__ import annotations

from db.folding import fold

__all__ = [
    "DOC_TYPES",
    "ISSUERS",
    "SYLLABLES",
    "TYPE_NAMES",
    "expansions",
    "is_code",
]

# Appendix III of Decree 30/2020/NĐ-CP, the types of the Law on legal documents
# that notices cite most, and Công văn, whose number has no type abbreviation
# but which clerks call "CV".
_TYPES: tuple[tuple[str, str], ...] = (
    ("NQ", "Nghị quyết"),
    ("QĐ", "Quyết định"),
    ("CT", "Chỉ thị"),
    ("QC", "Quy chế"),
    ("QyĐ", "Quy định"),
    ("TC", "Thông cáo"),
    ("TB", "Thông báo"),
    ("HD", "Hướng dẫn"),
    ("CTr", "Chương trình"),
    ("KH", "Kế hoạch"),
    ("PA", "Phương án"),
    ("ĐA", "Đề án"),
    ("DA", "Dự án"),
    ("BC", "Báo cáo"),
    ("BB", "Biên bản"),
    ("TTr", "Tờ trình"),
    ("HĐ", "Hợp đồng"),
    ("CĐ", "Công điện"),
    ("GNh", "Bản ghi nhớ"),
    ("TTh", "Bản thỏa thuận"),
    ("GUQ", "Giấy ủy quyền"),
    ("GM", "Giấy mời"),
    ("GGT", "Giấy giới thiệu"),
    ("GNP", "Giấy nghỉ phép"),
    ("PG", "Phiếu gửi"),
    ("PC", "Phiếu chuyển"),
    ("PB", "Phiếu báo"),
    ("SY", "Bản sao y"),
    ("TS", "Bản trích sao"),
    ("SL", "Bản sao lục"),
    ("CV", "Công văn"),
    ("NĐ", "Nghị định"),
    ("TT", "Thông tư"),
    ("TTLT", "Thông tư liên tịch"),
    ("PL", "Pháp lệnh"),
)

# Issuers as their abbreviations appear in numbers ("…-UBND", "…-SGDĐT").
_ISSUERS: tuple[tuple[str, str], ...] = (
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("VP", "Văn phòng"),
    ("VPUB", "Văn phòng Ủy ban"),
    ("BCĐ", "Ban chỉ đạo"),
    ("BCHQS", "Ban chỉ huy quân sự"),
    ("CP", "Chính phủ"),
    ("TTg", "Thủ tướng"),
    ("SGDĐT", "Sở Giáo dục và Đào tạo"),
    ("SGD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("STNMT", "Sở Tài nguyên và Môi trường"),
    ("SYT", "Sở Y tế"),
    ("STC", "Sở Tài chính"),
    ("SNV", "Sở Nội vụ"),
    ("SXD", "Sở Xây dựng"),
    ("SGTVT", "Sở Giao thông vận tải"),
    ("SKHĐT", "Sở Kế hoạch và Đầu tư"),
    ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("SLĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("STTTT", "Sở Thông tin và Truyền thông"),
    ("SCT", "Sở Công Thương"),
    ("STP", "Sở Tư pháp"),
    ("SKHCN", "Sở Khoa học và Công nghệ"),
)


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def _code(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


DOC_TYPES: dict[str, tuple[str, ...]] = {}
for _abbr, _name in _TYPES:
    DOC_TYPES[_code(_abbr)] = (*DOC_TYPES.get(_code(_abbr), ()), _words(_name))

TYPE_NAMES: dict[str, tuple[str, ...]] = {}
for _abbr, _name in _TYPES:
    TYPE_NAMES[_words(_name)] = (*TYPE_NAMES.get(_words(_name), ()), _code(_abbr))

ISSUERS: dict[str, str] = {_code(a): _words(n) for a, n in _ISSUERS}

#: Abbreviations that are also Vietnamese words ("da": da, đá, đã; "sy": sỹ):
#: alone in a query they are words; they mean a type only next to a number.
SYLLABLES = frozenset({"da", "sy", "tu", "hu", "ca"})


def is_code(word: str) -> bool:
    """Whether the folded *word* is a type or issuer abbreviation."""
    return word in DOC_TYPES or word in ISSUERS


def expansions(word: str) -> tuple[str, ...]:
    """The folded words an abbreviation stands for, when alone it means them.

    "kh" → ("ke hoach",), "ubnd" → ("uy ban nhan dan",); () for words, and
    for abbreviations that are also words (`SYLLABLES`).
    """
    if word in SYLLABLES:
        return ()
    return DOC_TYPES.get(word, ()) + ((ISSUERS[word],) if word in ISSUERS else ())
