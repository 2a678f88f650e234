"""The fixed query set of the search benchmark.

Each query has a kind: `common` words most notices hold, `mid` words a few
percent hold (place names too: their syllables are shared), `rare` specialised
terms of the vocabulary's tail (well under 1% of notices), `number`
document numbers as clerks type them, and `folded` queries typed without
diacritics (recall is measured on these: bench/run.py). The numbers exist at
every N: the generator draws them from 1..700 for each document type.
"""

from __future__ import annotations

QUERIES: tuple[tuple[str, str], ...] = (
    ("ủy ban nhân dân", "common"),
    ("thực hiện", "common"),
    ("kế hoạch công tác", "common"),
    ("theo quy định người dân", "common"),
    ("Thực hiện kế hoạch năm 2023", "common"),
    ("bảo hiểm y tế", "mid"),
    ("phòng cháy chữa cháy", "mid"),
    ("chuyển đổi số", "mid"),
    ("khai sinh", "mid"),
    ("hộ nghèo bảo trợ xã hội", "mid"),
    ("Sở Tài chính", "mid"),
    ("Xuân Bình", "mid"),
    ("Trạm y tế phường Ngọc Bình", "mid"),
    ("kè chắn sóng", "rare"),
    ("trầm hương", "rare"),
    ("cồng chiêng", "rare"),
    ("sao la", "rare"),
    ("mộc bản", "rare"),
    ("54/KH-UBND", "number"),
    ("123/QĐ-UBND", "number"),
    ("7/TB-UBND", "number"),
    ("45/NQ-HĐND", "number"),
    ("300 ubnd vp", "number"),
    ("uy ban nhan dan", "folded"),
    ("thuc hien ke hoach", "folded"),
    ("phong chay chua chay", "folded"),
    ("bao hiem y te", "folded"),
    ("chuyen doi so", "folded"),
    ("dang ky thuong tru", "folded"),
    ("duong giao thong nong thon", "folded"),
    ("giai phong mat bang", "folded"),
    ("xuan binh", "folded"),
    ("tram y te phuong ngoc binh", "folded"),
    ("dich ta lon chau phi", "folded"),
    ("cong chieng", "folded"),
    ("54/kh-ubnd", "folded"),
)


def folded_queries() -> list[str]:
    """The queries typed without diacritics, on which recall is measured."""
    return [q for q, kind in QUERIES if kind == "folded"]
