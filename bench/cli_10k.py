"""Time `bangtin bundle build` and `bangtin import` on 10,000 notices.

Generates a seeded source folder of Vietnamese-like notices (about 2 KB of
body each, nested categories, some tables, attachments and withdrawals),
then runs the installed command on it in a temporary data dir and prints the
wall time of each step. Not a test: run it by hand.

    python bench/cli_10k.py [--notices 10000] [--seed 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CATEGORIES = (
    "Văn bản/Quyết định",
    "Văn bản/Công văn",
    "Văn bản/Kế hoạch",
    "Văn bản/Chỉ thị",
    "Thông báo",
    "Tin hoạt động/Kinh tế",
    "Tin hoạt động/Văn hóa - Xã hội",
    "Lịch công tác",
    "Thủ tục hành chính/Đất đai",
    "Thủ tục hành chính/Hộ tịch",
)
TYPES = {
    "Văn bản/Quyết định": ("Quyết định", "QĐ-UBND"),
    "Văn bản/Công văn": ("Công văn", "UBND-VP"),
    "Văn bản/Kế hoạch": ("Kế hoạch", "KH-UBND"),
    "Văn bản/Chỉ thị": ("Chỉ thị", "CT-UBND"),
    "Thông báo": ("Thông báo", "TB-UBND"),
}
SUBJECTS = (
    "công nhận xã đạt chuẩn nông thôn mới",
    "phòng, chống dịch bệnh gia súc, gia cầm",
    "tổ chức kỳ thi tuyển sinh vào lớp 10",
    "chuyển đổi số trong cơ quan nhà nước",
    "cải cách thủ tục hành chính",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "bảo đảm trật tự an toàn giao thông",
    "tiếp công dân định kỳ",
    "quản lý đất đai và xây dựng",
    "hỗ trợ hộ nghèo, hộ cận nghèo",
    "tuyển dụng viên chức",
    "phát triển du lịch cộng đồng",
)
WORDS = (
    "Ủy ban nhân dân xã phường thị trấn huyện tỉnh Sơn Hà thực hiện triển khai "
    "kế hoạch nhiệm vụ giải pháp trọng tâm năm 2023 các cơ quan đơn vị địa phương "
    "tăng cường công tác tuyên truyền phổ biến giáo dục pháp luật người dân doanh "
    "nghiệp bảo đảm tiến độ chất lượng hiệu quả báo cáo kết quả trước ngày tháng "
    "theo quy định hiện hành đề nghị Sở Ban ngành phối hợp chặt chẽ kiểm tra giám "
    "sát đánh giá tình hình thực tế đầu tư xây dựng hạ tầng giao thông nông thôn "
    "thủy lợi trường học trạm y tế nhà văn hóa thôn bản khu dân cư an ninh trật tự "
    "môi trường nước sạch vệ sinh an toàn thực phẩm dịch vụ công trực tuyến toàn trình"
).split()


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 24))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, target: int = 2048) -> str:
    parts: list[str] = []
    size = 0
    article = 1
    while size < target:
        if rng.random() < 0.1:
            rows = "\n".join(
                f"| {i} | Xã {rng.choice(WORDS).title()} | {rng.uniform(10, 99):.1f} |"
                for i in range(1, rng.randint(3, 6))
            )
            block = f"| STT | Đơn vị | Tỷ lệ (%) |\n|---|---|---|\n{rows}"
        else:
            block = f"**Điều {article}.** " + " ".join(sentence(rng) for _ in range(3))
            article += 1
        parts.append(block)
        size += len(block.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def write_source(root: Path, count: int, seed: int) -> tuple[int, int]:
    """Write *count* notices under *root*; returns (bytes of body, attachments)."""
    rng = random.Random(seed)
    files = root / "files"
    files.mkdir(parents=True)
    attachments = []
    for i in range(20):
        path = files / f"phu-luc-{i:02d}.pdf"
        path.write_bytes(b"%PDF-1.4\n" + rng.randbytes(rng.randint(20_000, 200_000)))
        attachments.append(path.name)
    total = 0
    start = time.mktime((2019, 1, 1, 7, 0, 0, 0, 0, -1))
    for n in range(1, count + 1):
        category = CATEGORIES[n % len(CATEGORIES)]
        year = 2019 + n * 5 // count
        ident = f"vb-{n:05d}-{year}"
        when = time.localtime(start + n * (5 * 365 * 86400 // count) + rng.randint(0, 3600))
        subject = rng.choice(SUBJECTS)
        lines = [
            f"id: {ident}",
            f'title: "Về việc {subject} (đợt {n})"',
            f'category: "{category}"',
            f"published: {time.strftime('%Y-%m-%d %H:%M', when)}",
        ]
        if category in TYPES:
            doc_type, suffix = TYPES[category]
            lines += [
                f'number: "{n}/{suffix}"',
                f'type: "{doc_type}"',
                'issuer: "Ủy ban nhân dân tỉnh Sơn Hà"',
            ]
        if n > 1 and rng.random() < 0.2:
            lines.append(f"related: [vb-{rng.randint(1, n - 1):05d}-{year}]")
        if rng.random() < 0.01:
            lines.append(f"attachments: [files/{rng.choice(attachments)}]")
        if rng.random() < 0.005:
            lines.append("withdrawn: true")
        text = body(rng)
        total += len(text.encode("utf-8"))
        folder = root / category.replace("/", os.sep).replace(" ", "-").lower()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{ident}.md").write_text(
            "---\n" + "\n".join(lines) + "\n---\n" + text, encoding="utf-8"
        )
    return total, len(attachments)


def bangtin() -> list[str]:
    name = "bangtin.exe" if sys.platform == "win32" else "bangtin"
    script = Path(sys.executable).parent / name
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "desktop.cli"]


def run(env: dict[str, str], *args: str | Path) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run(
        [*bangtin(), *(str(a) for a in args)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=3600,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"bangtin {' '.join(map(str, args))} failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed, proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it there")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bangtin-10k-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env["BANGTIN_DATA_DIR"] = str(work / "data")

        started = time.perf_counter()
        body_bytes, attachment_count = write_source(work / "src", args.notices, args.seed)
        generate = time.perf_counter() - started
        print(
            f"source: {args.notices} notices, {body_bytes / args.notices / 1024:.1f} KB body "
            f"on average, {attachment_count} attachment files ({generate:.1f} s to write)"
        )

        run(env, "keygen", "--out", work / "keys")
        key = work / "keys" / "publisher.key"
        bundle = work / "out" / "10k.bangtin"
        t_build, out = run(
            env,
            "bundle",
            "build",
            work / "src",
            "--key",
            key,
            "--publisher",
            "UBND tỉnh Sơn Hà",
            "--out",
            bundle,
            "--json",
        )
        built = json.loads(out)
        print(
            f"bundle build: {t_build:6.2f} s  ({built['notices']} notices, "
            f"{built['size'] / 1024 / 1024:.1f} MB)"
        )
        run(env, "trust", "add", work / "keys" / "publisher.pub")
        t_verify, _ = run(env, "bundle", "verify", bundle)
        print(f"bundle verify:{t_verify:6.2f} s")
        t_import, out = run(env, "import", bundle, "--json")
        result = json.loads(out)
        print(
            f"import:       {t_import:6.2f} s  (added {result['added']}, "
            f"withdrawn {result['withdrawn']})"
        )
        t_again, _ = run(env, "import", bundle, "--json")
        print(f"import again: {t_again:6.2f} s  (already imported)")
        t_list, _ = run(env, "list", "--limit", "50", "--json")
        print(f"list 50:      {t_list:6.2f} s")
        t_search, out = run(env, "search", "nong thon moi", "--json")
        print(f"search:       {t_search:6.2f} s  ({len(json.loads(out))} hits)")
        t_reindex, _ = run(env, "reindex")
        print(f"reindex:      {t_reindex:6.2f} s")


if __name__ == "__main__":
    main()
