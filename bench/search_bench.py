"""Benchmark of db.search on a synthetic archive (not a test).

Generates N seeded notices (Zipf-distributed Vietnamese administrative
phrases, ~2 KB bodies, publication times in random order), writes them through
db.store into a fresh archive in a temporary folder, builds the index, then
times `search()` (snippets included) against a bare FTS5 query ordered by bm25
on the same index, and prints p50/p95 per query class.

    python bench/search_bench.py --notices 100000
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from db import search as search_mod
from db.archive import open_archive
from db.records import NoticeRecord
from db.search.query import folded_expr, parse
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ

PHRASES = [
    "ủy ban nhân dân",
    "thực hiện",
    "năm 2023",
    "theo quy định",
    "công dân",
    "phường",
    "xã",
    "thông báo",
    "kế hoạch",
    "triển khai",
    "đăng ký",
    "hồ sơ",
    "giải quyết",
    "thủ tục hành chính",
    "bộ phận một cửa",
    "tổ chức",
    "cá nhân",
    "đề nghị",
    "căn cứ",
    "quyết định",
    "chủ tịch",
    "phó chủ tịch",
    "cán bộ",
    "công chức",
    "địa bàn",
    "tuyên truyền",
    "phòng chống",
    "dịch bệnh",
    "an toàn giao thông",
    "đường",
    "dương",
    "trật tự",
    "đô thị",
    "môi trường",
    "vệ sinh",
    "bình đẳng giới",
    "hộ nghèo",
    "bảo hiểm y tế",
    "bảo hiểm xã hội",
    "người cao tuổi",
    "trẻ em",
    "giáo dục",
    "trường học",
    "học sinh",
    "khu dân cư",
    "tổ dân phố",
    "mặt trận tổ quốc",
    "đoàn thanh niên",
    "hội phụ nữ",
    "cựu chiến binh",
    "quân sự",
    "công an",
    "an ninh",
    "đất đai",
    "xây dựng",
    "giấy phép",
    "kinh doanh",
    "thuế",
    "ngân sách",
    "tài chính",
    "kiểm tra",
    "giám sát",
    "báo cáo",
    "kết quả",
    "tháng",
    "quý",
    "năm 2022",
    "năm 2024",
    "Đà Nẵng",
    "Hà Nội",
    "Hồ Chí Minh",
    "Huế",
    "Cần Thơ",
    "phòng cháy chữa cháy",
    "lũ lụt",
    "thiên tai",
    "cứu trợ",
    "khen thưởng",
    "kỷ luật",
    "tiếp công dân",
    "khiếu nại",
    "tố cáo",
    "hòa giải",
    "tư pháp",
    "hộ tịch",
    "kết hôn",
    "khai sinh",
    "khai tử",
    "chứng thực",
    "văn hóa",
    "thể thao",
    "du lịch",
    "lễ hội",
    "nông nghiệp",
    "thủy lợi",
    "chăn nuôi",
    "tiêm chủng",
    "vắc xin",
    "y tế",
    "trạm y tế",
    "dân số",
    "kế hoạch hóa gia đình",
    "lao động",
    "việc làm",
    "chính sách",
    "người có công",
    "liệt sĩ",
    "thương binh",
    "chuyển đổi số",
    "dịch vụ công trực tuyến",
    "cổng thông tin",
]
EXTRA = [f"từ{i}" for i in range(4000)]  # a long tail of rare words
CATEGORIES = ["Tin tức/Thông báo", "Tin tức/Sự kiện", "Văn bản/Quyết định", "Văn bản/Kế hoạch"]
TYPES = [("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("TB", "Thông báo"), ("CV", "Công văn")]

QUERIES: dict[str, list[str]] = {
    "common 2-3 words": ["ủy ban", "thực hiện", "năm 2023", "uy ban nhan", "thuc hien"],
    "common 1 word": ["phuong", "công dân", "ke hoach", "xa"],
    "mid 1-2 words": ["khai sinh", "tiem chung", "chuyen doi so", "da nang"],
    "diacritics exact": ["đường", "dương", "Đà Nẵng", "bình đẳng"],
    "rare": ["từ3999", "tu3500 ket hon", "liet si tu3000"],
    "as you type": ["binh da", "thu tuc h", "chuy", "kh"],
    "number": ["54/KH-UBND", "54 kh ubnd", "1234/qd-ubnd"],
}


def _zipf_weights(n: int) -> list[float]:
    return [1.0 / (rank + 1) for rank in range(n)]


def generate(n: int, seed: int = 20231) -> list[NoticeRecord]:
    rng = random.Random(seed)
    weights = _zipf_weights(len(PHRASES))
    extra_weights = _zipf_weights(len(EXTRA))
    start = datetime(2019, 1, 1, tzinfo=VN_TZ)
    span = int(timedelta(days=5 * 365).total_seconds())
    notices = []
    for i in range(n):
        words: list[str] = []
        size = 0
        while size < 2000:
            phrase = (
                rng.choices(EXTRA, extra_weights)[0]
                if rng.random() < 0.05
                else rng.choices(PHRASES, weights)[0]
            )
            words.append(phrase)
            size += len(phrase) + 1
        paragraphs = [" ".join(words[k : k + 40]) + "." for k in range(0, len(words), 40)]
        body = "\n\n".join(paragraphs)
        code, type_name = TYPES[i % len(TYPES)]
        number = f"{i + 1}/{code}-UBND"
        title_words = rng.choices(PHRASES, weights, k=6)
        notices.append(
            NoticeRecord(
                id=f"n{i:07d}",
                title=f"{type_name} về " + " ".join(title_words),
                category=CATEGORIES[i % len(CATEGORIES)],
                published=start + timedelta(seconds=rng.randrange(span)),
                body_markdown=body,
                number=number,
                doc_type=type_name,
                issuer="UBND phường Hòa Cường Bắc",
                summary=" ".join(rng.choices(PHRASES, weights, k=8)),
            )
        )
    return notices


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="build the archive here and keep it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "archive"
        archive = open_archive(folder)
        t0 = time.perf_counter()
        notices = generate(args.notices)
        t1 = time.perf_counter()
        with archive.writing() as session:
            ensure_publisher(session, "bench", "Bench")
            ids = ensure_categories(session, CATEGORIES)
            for k in range(0, len(notices), 5000):
                apply_notices(session, "bench", notices[k : k + 5000], [], ids)
        t2 = time.perf_counter()
        with archive.writing() as session:
            indexed = search_mod.rebuild_index(session)
        t3 = time.perf_counter()
        print(
            f"{args.notices} notices: generated {t1 - t0:.1f} s, stored {t2 - t1:.1f} s, "
            f"indexed {indexed} in {t3 - t2:.1f} s; "
            f"file {archive.db_path.stat().st_size / 1e6:.0f} MB"
        )
        print(f"{'class':22} {'search p50':>11} {'p95':>8} {'bare p50':>10} {'p95':>8}  ratio95")
        all_ours: list[float] = []
        all_bare: list[float] = []
        with archive.reading() as session:
            raw = session.connection()
            for name, queries in QUERIES.items():
                ours: list[float] = []
                bare: list[float] = []
                for q in queries:
                    expr = folded_expr(parse(q))
                    for _ in range(args.repeat):
                        a = time.perf_counter()
                        search_mod.search(session, q)
                        b = time.perf_counter()
                        raw.exec_driver_sql(
                            "SELECT rowid FROM search_main WHERE search_main MATCH ? "
                            "ORDER BY rank LIMIT 20",
                            (expr,),
                        ).fetchall()
                        c = time.perf_counter()
                        ours.append((b - a) * 1000)
                        bare.append((c - b) * 1000)
                all_ours += ours
                all_bare += bare
                p95o, p95b = percentile(ours, 95), percentile(bare, 95)
                print(
                    f"{name:22} {statistics.median(ours):9.2f}ms {p95o:6.2f}ms "
                    f"{statistics.median(bare):8.2f}ms {p95b:6.2f}ms  {p95o / p95b:6.2f}x"
                )
            p95o, p95b = percentile(all_ours, 95), percentile(all_bare, 95)
            print(
                f"{'all':22} {statistics.median(all_ours):9.2f}ms {p95o:6.2f}ms "
                f"{statistics.median(all_bare):8.2f}ms {p95b:6.2f}ms  {p95o / p95b:6.2f}x"
            )
            for q in ("ủy ban", "đường", "54 kh ubnd"):
                top = search_mod.search(session, q, limit=3)
                print(q, "→", [(h.number, round(h.score, 4), h.snippet[:60]) for h in top])
        archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
