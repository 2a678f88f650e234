"""Seeded synthetic source folders of Vietnamese notices, for the benchmarks.

`notices(count, seed)` yields the notices; `write_source` writes them as a
publisher's source folder (Markdown with YAML front matter, the format
desktop/bundles/source.py reads). Every notice is drawn from its own
generator seeded with (seed, index), so one notice can be made again alone:
`write_delta` rewrites 1% of them as newer revisions without generating the rest.

Bodies are about 2 KB of UTF-8, words drawn with a Zipf-like frequency from
bench/vocabulary.py; about one notice in eight has a table, one in forty an
attachment, one in three hundred is withdrawn (thu hồi).

    python bench/generate.py --notices 1000 --seed 7 --out /tmp/src
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

try:  # run as a script (python bench/generate.py) or imported as bench.generate
    from bench import officegen, vocabulary
except ImportError:  # pragma: no cover - the script's own folder is on sys.path
    import officegen  # type: ignore[no-redef]
    import vocabulary  # type: ignore[no-redef]

from db.types import VN_TZ

BODY_BYTES = 1700  # the last block overshoots: bodies average about 2 KB
START = datetime(2019, 1, 1, 7, 0, tzinfo=VN_TZ)
SPAN_DAYS = 5 * 365
ATTACHMENT_POOL = 24
MARKER = ".bench-complete.json"
#: Bump when a change here changes the folders written for a seed.
GENERATOR_VERSION = 3

#: (category path, weight, document type or None, number suffix)
CATEGORIES: tuple[tuple[str, int, str | None, str], ...] = (
    ("Văn bản/Quyết định", 14, "Quyết định", "QĐ-UBND"),
    ("Văn bản/Công văn", 14, "Công văn", "UBND-VP"),
    ("Văn bản/Kế hoạch", 10, "Kế hoạch", "KH-UBND"),
    ("Văn bản/Chỉ thị", 3, "Chỉ thị", "CT-UBND"),
    ("Văn bản/Nghị quyết", 3, "Nghị quyết", "NQ-HĐND"),
    ("Thông báo", 16, "Thông báo", "TB-UBND"),
    ("Tin hoạt động/Kinh tế", 10, None, ""),
    ("Tin hoạt động/Văn hóa - Xã hội", 10, None, ""),
    ("Tin hoạt động/Quốc phòng - An ninh", 5, None, ""),
    ("Lịch công tác", 4, None, ""),
    ("Thủ tục hành chính/Đất đai", 4, None, ""),
    ("Thủ tục hành chính/Hộ tịch", 4, None, ""),
    ("Thủ tục hành chính/Kinh doanh", 3, None, ""),
)
_CAT_CUM = []
_total = 0
for _c in CATEGORIES:
    _total += _c[1]
    _CAT_CUM.append(_total)

ISSUERS = (
    "Ủy ban nhân dân tỉnh Sơn Hà",
    "Ủy ban nhân dân huyện Hòa Sơn",
    "Ủy ban nhân dân thành phố Sơn Hà",
    "Văn phòng Ủy ban nhân dân tỉnh",
    "Sở Nội vụ tỉnh Sơn Hà",
    "Sở Tài chính tỉnh Sơn Hà",
    "Sở Y tế tỉnh Sơn Hà",
    "Hội đồng nhân dân tỉnh Sơn Hà",
)


@dataclass(frozen=True)
class Notice:
    """One generated notice, as its source file states it."""

    id: str
    title: str
    category: str
    published: datetime
    body: str
    number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    summary: str | None = None
    updated: datetime | None = None
    related: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    withdrawn: bool = False
    #: Bundle format v2: validity, relations, deadline, urgency (bench/officegen.py).
    office: officegen.OfficeFields = officegen.OfficeFields()

    def path(self) -> str:
        """Where the notice lives in the folder, relative to its root."""
        top = self.category.replace(" - ", "-").replace(" ", "-").lower()
        return f"{top}/{self.published.year}/{self.id}.md"

    def text(self) -> str:
        """Everything the archive indexes of it, as one string."""
        parts = (self.title, self.number, self.doc_type, self.issuer, self.summary, self.body)
        return "\n".join(p for p in parts if p)


def notice_id(index: int) -> str:
    return f"vb-{index:06d}"


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], list[float]]:
    words = vocabulary.ranked()
    return words, vocabulary.zipf_weights(len(words))


def _sentence(rng: random.Random, words: Sequence[str], cum: Sequence[float]) -> str:
    text = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(10, 22)))
    return text[0].upper() + text[1:] + "."


def _table(rng: random.Random, words: Sequence[str]) -> str:
    places = [w for w in words[-600:] if " " in w]
    rows = [
        f"| {i} | {rng.choice(places)} | {rng.randint(10, 900)} | {rng.uniform(40, 100):.1f} |"
        for i in range(1, rng.randint(4, 9))
    ]
    return "| STT | Đơn vị | Số hồ sơ | Tỷ lệ đúng hạn (%) |\n|---|---|---:|---:|\n" + "\n".join(
        rows
    )


def _body(rng: random.Random, words: Sequence[str], cum: Sequence[float], table: bool) -> str:
    blocks: list[str] = []
    size = 0
    article = 1
    table_at = rng.randint(1, 3) if table else -1
    while size < BODY_BYTES:
        if len(blocks) == table_at:
            block = _table(rng, words)
        elif rng.random() < 0.15:
            block = "\n".join(f"- {_sentence(rng, words, cum)}" for _ in range(rng.randint(2, 4)))
        else:
            lead = f"**Điều {article}.** " if rng.random() < 0.5 else ""
            article += 1 if lead else 0
            block = lead + " ".join(_sentence(rng, words, cum) for _ in range(rng.randint(2, 4)))
        blocks.append(block)
        size += len(block.encode("utf-8")) + 2
    return "\n\n".join(blocks)


def _category_at(pick: float) -> tuple[str, int, str | None, str]:
    return CATEGORIES[next(i for i, c in enumerate(_CAT_CUM) if pick < c)]


@lru_cache(maxsize=200_000)
def doc_type_of(index: int, seed: int) -> str | None:
    """The document type of notice *index*, without making it: its generator's first draw."""
    return _category_at(random.Random(f"{seed}:{index}").random() * _total)[2]


def make_notice(index: int, count: int, seed: int) -> Notice:
    """Notice number *index* (0-based) of a folder of *count*, always the same."""
    rng = random.Random(f"{seed}:{index}")
    words, cum = _words()
    category, _w, doc_type, suffix = _category_at(rng.random() * _total)
    step = SPAN_DAYS * 86400 / max(count, 1)
    published = START + timedelta(seconds=int(index * step) + rng.randint(0, 3599))
    published = published.replace(second=0)
    topic = rng.choice(vocabulary.ACTION_OBJECTS)
    verb = rng.choice(vocabulary.ACTION_VERBS)
    number = issuer = None
    if doc_type is not None:
        number = f"{rng.randint(1, 700)}/{suffix}"
        issuer = ISSUERS[rng.randrange(len(ISSUERS))]
        title = f"{doc_type} về việc {verb} {topic} năm {published.year}"
    else:
        place = rng.choice(words[-1200:])
        title = f"{place}: {verb} {topic}"
        title = title[0].upper() + title[1:]
    summary = _sentence(rng, words, cum) if rng.random() < 0.4 else None
    related: tuple[str, ...] = ()
    if index > 0 and rng.random() < 0.15:
        related = tuple(
            dict.fromkeys(notice_id(rng.randrange(index)) for _ in range(rng.randint(1, 3)))
        )
    attachments: tuple[str, ...] = ()
    if rng.random() < 0.025:
        attachments = (f"files/phu-luc-{rng.randrange(ATTACHMENT_POOL):02d}.pdf",)
    body = _body(rng, words, cum, table=rng.random() < 0.125)
    if attachments:
        body += f"\n\nChi tiết xem [phụ lục kèm theo]({attachments[0]})."
    return Notice(
        id=notice_id(index),
        title=title,
        category=category,
        published=published,
        body=body,
        number=number,
        doc_type=doc_type,
        issuer=issuer,
        summary=summary,
        related=related,
        attachments=attachments,
        withdrawn=rng.random() < 1 / 300,
        office=officegen.draw(index, seed, published, doc_type, lambda j: doc_type_of(j, seed)),
    )


def notices(count: int, seed: int) -> Iterator[Notice]:
    """The *count* notices of the folder for *seed*, in order."""
    for index in range(count):
        yield make_notice(index, count, seed)


def _when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def render(notice: Notice) -> str:
    """The source file of *notice*: YAML front matter, then the Markdown body."""

    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is valid YAML

    lines = [
        "---",
        f"id: {notice.id}",
        f"title: {q(notice.title)}",
        f"category: {q(notice.category)}",
        f"published: {_when(notice.published)}",
    ]
    if notice.updated is not None:
        lines.append(f"updated: {_when(notice.updated)}")
    if notice.number:
        lines.append(f"number: {q(notice.number)}")
    if notice.doc_type:
        lines.append(f"type: {q(notice.doc_type)}")
    if notice.issuer:
        lines.append(f"issuer: {q(notice.issuer)}")
    if notice.summary:
        lines.append(f"summary: {q(notice.summary)}")
    if notice.related:
        lines.append(f"related: [{', '.join(notice.related)}]")
    if notice.attachments:
        lines.append(f"attachments: [{', '.join(notice.attachments)}]")
    if notice.withdrawn:
        lines.append("withdrawn: true")
    lines.extend(officegen.front_matter(notice.office))
    lines.append("---")
    return "\n".join(lines) + "\n" + notice.body + "\n"


def _write_pool(root: Path, seed: int) -> int:
    rng = random.Random(f"{seed}:attachments")
    files = root / "files"
    files.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(ATTACHMENT_POOL):
        data = b"%PDF-1.4\n" + rng.randbytes(rng.randint(8_000, 60_000)) + b"\n%%EOF\n"
        (files / f"phu-luc-{i:02d}.pdf").write_bytes(data)
        total += len(data)
    return total


@dataclass(frozen=True)
class SourceStats:
    """What a written folder holds."""

    root: Path
    notices: int
    withdrawn: int
    bytes: int

    def to_json(self) -> dict[str, object]:
        return {
            "root": str(self.root),
            "notices": self.notices,
            "withdrawn": self.withdrawn,
            "bytes": self.bytes,
        }


def _write_all(root: Path, items: Iterator[Notice], seed: int) -> SourceStats:
    total = _write_pool(root, seed)
    made: set[Path] = set()
    count = withdrawn = 0
    for notice in items:
        path = root / notice.path()
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = render(notice).encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        count += 1
        withdrawn += notice.withdrawn
    return SourceStats(root=root, notices=count, withdrawn=withdrawn, bytes=total)


def write_notices(root: Path, items: Iterator[Notice], seed: int) -> SourceStats:
    """Write *items* (and the attachment pool) as a source folder into *root*."""
    return _write_all(root, items, seed)


def write_source(root: Path, count: int, seed: int) -> SourceStats:
    """Write the folder of *count* notices for *seed* into the empty folder *root*."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    return _write_all(root, notices(count, seed), seed)


def delta_indexes(count: int, seed: int, fraction: float = 0.01) -> list[int]:
    """Which notices the delta revises: *fraction* of them, spread at random."""
    rng = random.Random(f"{seed}:delta")
    return sorted(rng.sample(range(count), max(1, round(count * fraction))))


def revise(notice: Notice) -> Notice:
    """A newer revision of *notice*: a day later, with an amendment paragraph."""
    when = notice.published + timedelta(days=1)
    return replace(
        notice,
        updated=when,
        withdrawn=False,
        title=notice.title + " (sửa đổi)",
        body=notice.body + "\n\n**Sửa đổi, bổ sung.** Nội dung trên được điều chỉnh theo ý kiến "
        "của các cơ quan, đơn vị có liên quan.",
    )


def write_delta(root: Path, count: int, seed: int, fraction: float = 0.01) -> SourceStats:
    """Write a folder with newer revisions of *fraction* of the full folder's notices."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    items = (revise(make_notice(i, count, seed)) for i in delta_indexes(count, seed, fraction))
    return _write_all(root, items, seed)


def folder_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in Path(root).rglob("*") if p.is_file())


def fingerprint() -> str:
    """Changes when the vocabulary or the generator does: cached folders are keyed by it."""
    text = "\n".join((str(GENERATOR_VERSION), *vocabulary.ranked()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def cached_source(cache: Path, count: int, seed: int) -> SourceStats:
    """The full folder for (count, seed) under *cache*, written once and reused."""
    root = Path(cache) / f"src-n{count}-s{seed}-{fingerprint()}"
    marker = root / MARKER
    if marker.is_file():
        data = json.loads(marker.read_text(encoding="utf-8"))
        return SourceStats(root, int(data["notices"]), int(data["withdrawn"]), int(data["bytes"]))
    if root.exists():
        shutil.rmtree(root)  # an interrupted earlier write
    stats = write_source(root, count, seed)
    marker.write_text(json.dumps(stats.to_json()), encoding="utf-8")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    stats = write_source(args.out, args.notices, args.seed)
    print(json.dumps(stats.to_json(), ensure_ascii=False))


if __name__ == "__main__":
    main()
