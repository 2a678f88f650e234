"""A second, differently made corpus for the benchmark: a plain Zipf draw over 20,000 words.

bench/generate.py draws ranked phrases of administrative language (about
4,900 entries, weight 1/(rank+1)) into bodies of about 2 KB. This corpus is
made another way, so that the search design is not tuned to one corpus:

- the vocabulary is 20,000 Vietnamese-looking words of one or two syllables,
  built from onsets, rhymes and tones (seeded, the same on every machine),
  with no phrases: only single words;
- words are drawn with Zipf weight 1/(rank+1)^1.1;
- body lengths are log-normal (median about 2.4 KB, from a few hundred
  bytes to over 20 KB), paragraphs of varying length, a list in one notice
  in five;
- titles are 4 to 16 words; numbers use another set of suffixes.

The source folder has the same format (bench/generate.py `render`), so the
same bundle build and import read it. `queries(count, seed)` is the query set
drawn from its vocabulary: common, mid-frequency and rare words, pairs,
numbers and the same typed without diacritics.

    python bench/corpus2.py --notices 1000 --seed 7 --out /tmp/src2
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

try:
    from bench import generate
except ImportError:  # pragma: no cover - run as a script
    import generate  # type: ignore[no-redef]

VOCABULARY = 20_000
EXPONENT = 1.1
VERSION = 1

_ONSETS = "b c ch d đ g gh h k kh l m n ng nh p ph qu r s t th tr v x".split()
_RHYMES = (
    "a ai am an ang anh ao au ay e em en eng eo i ia im in inh iu o oa oai oan oang oanh "
    "oi om on ong ô ôi ôm ôn ông ơ ơi ơm ơn u ua uân uây ui um un ung uông uy uyên "
    "ư ưa ưi ưng ươi ươm ươn ương ươu"
).split()
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # ngang sắc huyền hỏi ngã nặng
_SUFFIXES = ("QĐ-UBND", "TB-VP", "KH-SNV", "CV-STC", "BC-UBND", "HD-SYT", "TTr-UBND")


def _syllable(rng: random.Random) -> str:
    rhyme = rng.choice(_RHYMES)
    tone = rng.choice(_TONES)
    # The tone mark goes on the rhyme's first vowel: enough to look Vietnamese.
    text = rng.choice(_ONSETS) + rhyme[0] + tone + rhyme[1:]
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """20,000 distinct words, rank 0 the most frequent."""
    rng = random.Random("corpus2:vocabulary")
    words: dict[str, None] = {}
    while len(words) < VOCABULARY:
        n = 1 if rng.random() < 0.45 else 2
        words[" ".join(_syllable(rng) for _ in range(n))] = None
    return tuple(words)


@lru_cache(maxsize=1)
def _cum() -> list[float]:
    total, cum = 0.0, []
    for rank in range(VOCABULARY):
        total += 1.0 / (rank + 1) ** EXPONENT
        cum.append(total)
    return cum


def _words(rng: random.Random, k: int) -> str:
    return " ".join(rng.choices(vocabulary(), cum_weights=_cum(), k=k))


def _body(rng: random.Random) -> str:
    target = min(40_000, int(rng.lognormvariate(7.8, 0.75)))  # bytes; median ~2.4 KB
    parts: list[str] = []
    size = 0
    while size < target:
        if rng.random() < 0.04 and parts:
            block = "\n".join(
                f"- {_words(rng, rng.randint(3, 9))}" for _ in range(rng.randint(2, 6))
            )
        else:
            text = ". ".join(_words(rng, rng.randint(6, 30)) for _ in range(rng.randint(1, 6)))
            block = text[0].upper() + text[1:] + "."
        parts.append(block)
        size += len(block.encode("utf-8"))
    return "\n\n".join(parts)


def make_notice(index: int, count: int, seed: int) -> generate.Notice:
    rng = random.Random(f"corpus2:{seed}:{index}")
    cat_index = rng.randrange(len(generate.CATEGORIES))
    category, _w, doc_type, _suffix = generate.CATEGORIES[cat_index]
    span = generate.SPAN_DAYS * 24 * 3600
    published = generate.START + timedelta(seconds=span * index // max(count, 1))
    title = _words(rng, rng.randint(4, 16))
    number = None
    if doc_type is not None:
        number = f"{rng.randint(1, 999)}/{rng.choice(_SUFFIXES)}"
    return generate.Notice(
        id=f"c2-{index:06d}",
        title=title[0].upper() + title[1:],
        category=category,
        published=published,
        body=_body(rng),
        number=number,
        doc_type=doc_type,
        issuer=rng.choice(generate.ISSUERS) if doc_type else None,
        withdrawn=rng.random() < 1 / 500,
    )


def notices(count: int, seed: int) -> Iterator[generate.Notice]:
    for index in range(count):
        yield make_notice(index, count, seed)


def cached_source(cache: Path, count: int, seed: int) -> generate.SourceStats:
    """The folder for (count, seed) under *cache*, written once and reused."""
    root = Path(cache) / f"corpus2-n{count}-s{seed}-v{VERSION}"
    marker = root / generate.MARKER
    if marker.is_file():
        data = json.loads(marker.read_text(encoding="utf-8"))
        return generate.SourceStats(
            root, int(data["notices"]), int(data["withdrawn"]), int(data["bytes"])
        )
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    stats = generate.write_notices(root, notices(count, seed), seed)
    marker.write_text(json.dumps(stats.to_json()), encoding="utf-8")
    return stats


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def queries(seed: int = 7) -> list[tuple[str, str]]:
    """The query set for this corpus, drawn from its vocabulary by rank."""
    rng = random.Random(f"corpus2:{seed}:queries")
    words = vocabulary()
    common = [words[r] for r in range(0, 8)]
    mid = [words[r] for r in rng.sample(range(100, 1000), 8)]
    rare = [words[r] for r in rng.sample(range(5000, VOCABULARY), 8)]
    out = [(w, "common") for w in common]
    out += [(f"{a} {b}", "mid") for a, b in zip(mid[::2], mid[1::2], strict=True)]
    out += [(w, "mid") for w in mid[:4]]
    out += [(w, "rare") for w in rare]
    out += [(f"{rng.randint(1, 999)}/{rng.choice(_SUFFIXES)}", "number") for _ in range(4)]
    out += [(_fold(q), "folded") for q, _k in out[::3]]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    stats = generate.write_notices(args.out, notices(args.notices, args.seed), args.seed)
    print(json.dumps(stats.to_json(), ensure_ascii=False))


if __name__ == "__main__":
    main()
