"""The judged query set of the relevance bench: queries a clerk types, graded from the corpus.

2 = the document meant, 1 = relevant (the notices of its family, or the main
documents of the same topic). Kinds: references in natural order,
abbreviations, issuer plus topic, partial titles without diacritics, typos
(Telex and VNI slips), common words, and dates. bench/relevance.py runs it.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bench.citing import TYPES, VERBS, Corpus, Family
from db.folding import fold

K = 10
WORD = re.compile(r"[^\W_]+")
KINDS = ("reference", "abbreviation", "issuer_topic", "partial_title", "typo", "common", "date")
#: Targets of the relevance issue.
TARGET_REF_MRR = 0.95
TARGET_NDCG_VS_LIBZIM = 1.15


@dataclass(frozen=True)
class Judged:
    """One query, its kind, and its graded judgments (notice id → 2 or 1)."""

    query: str
    kind: str
    grades: dict[str, int]


# -- the judged set -------------------------------------------------------------------------


def _f(text: str) -> str:
    return " ".join(WORD.findall(fold(text)))


def _lead(number: str) -> str:
    return number.split("/")[0]


def _family_grades(
    fam: Family, meant: Sequence[str], same_topic: Sequence[Family]
) -> dict[str, int]:
    grades = {m: 1 for m in fam.members}
    for other in same_topic:
        grades.setdefault(other.main.id, 1)
    for m in meant:
        grades[m] = 2
    return grades


def _typo(rng: random.Random, word: str) -> str:
    """One slip of the fingers: two letters swapped, one doubled or one dropped."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.75:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1 :]


_TONE_KEYS = {  # combining tone mark → (Telex key, VNI key)
    "\u0301": ("s", "1"),
    "\u0300": ("f", "2"),
    "\u0309": ("r", "3"),
    "\u0303": ("x", "4"),
    "\u0323": ("j", "5"),
}
_SHAPE_KEYS = {  # combining mark of the letter's shape → (Telex keys, VNI key)
    "\u0302": (None, "6"),  # circumflex: Telex doubles the letter
    "\u031b": ("w", "7"),  # horn
    "\u0306": ("w", "8"),  # breve
}


def _keys(word: str, vni: bool) -> str:
    """*word* as typed with Telex or VNI keys on a keyboard left in plain mode.

    Shape keys follow their letter ("ee", "e6"), the tone key ends the word
    ("quyeets", "quye6t1" is typed "quye61t" as often: VNI puts it after the vowel).
    """
    out: list[str] = []
    tone = ""
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONE_KEYS:
            tone = _TONE_KEYS[ch][vni]
            if vni:  # VNI typists put the tone right after the vowel
                out.append(tone)
                tone = ""
        elif ch in _SHAPE_KEYS:
            telex, key = _SHAPE_KEYS[ch]
            out.append(key if vni else (telex or out[-1]))
        elif ch == "đ":
            out.append("d9" if vni else "dd")
        else:
            out.append(ch)
    return "".join(out) + tone


def judged_set(data: Corpus, seed: int) -> list[Judged]:
    """At least 150 judged queries of the kinds in `KINDS`."""
    rng = random.Random(f"judged:{seed}")
    notices = {n.id: n for n in data.notices}
    by_ref: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    by_lead: dict[str, list[str]] = defaultdict(list)
    for doc in data.notices:
        if doc.number:
            by_ref[doc.doc_type, _lead(doc.number)].append(doc.id)
            by_lead[_lead(doc.number)].append(doc.id)
    by_topic: dict[str, list[Family]] = defaultdict(list)
    for fam in data.families:
        by_topic[fam.topic].append(fam)
    out: list[Judged] = []
    families = list(data.families)
    rng.shuffle(families)

    # References in natural order: the meant document is unique by type and number.
    unique = [f for f in families if len(by_ref[f.main.doc_type, _lead(f.main.number or "")]) == 1]
    for i, fam in enumerate(unique[:40]):
        main = fam.main
        n = _lead(main.number or "")
        code = TYPES[main.doc_type or ""][0] or "CV"
        forms = (
            f"{_f(main.doc_type or '')} {n}",
            f"{(main.doc_type or '').lower()} số {n}",
            f"{code.lower()} {n}",
            f"{code}{n}",
            f"{n}/{code}",
            f"{fold(code)} {n} {fold(fam.issuer.symbol)}",
        )
        query = forms[i % len(forms)]
        if len(by_lead[n]) == 1 and i % 7 == 6:
            query = f"so {n}"
        grades = {m: 1 for m in fam.members}
        grades[main.id] = 2
        out.append(Judged(query, "reference", grades))
    # Công văn are referred to as "công văn 312" and "cv 312".
    letters = [
        notices[m]
        for fam in families
        for m in fam.members[1:]
        if notices[m].doc_type == "Công văn"
        and len(by_ref["Công văn", _lead(notices[m].number or "")]) == 1
    ]
    for i, letter in enumerate(letters[:10]):
        n = _lead(letter.number or "")
        out.append(Judged(("cong van ", "cv ")[i % 2] + n, "reference", {letter.id: 2}))

    # Abbreviations: a type or issuer abbreviation with the topic.
    for i, fam in enumerate(families[:30]):
        main = fam.main
        code = TYPES[main.doc_type or ""][0] or "CV"
        topic_words = _f(fam.topic).split()
        words = " ".join(topic_words[: rng.randint(3, len(topic_words))])
        if i % 2 == 0:
            query = f"{fold(code)} {words} {fam.year}"
            key: tuple[object, ...] = (main.doc_type, fam.topic, fam.year)
            meant = [f.main.id for f in data.families if (f.main.doc_type, f.topic, f.year) == key]
        else:
            query = f"{fold(fam.issuer.symbol)} {fold(code)} {words}"
            key = (main.doc_type, fam.topic, fam.issuer.symbol)
            meant = [
                f.main.id
                for f in data.families
                if (f.main.doc_type, f.topic, f.issuer.symbol) == key
            ]
        out.append(Judged(query, "abbreviation", _family_grades(fam, meant, by_topic[fam.topic])))

    # Issuer and topic, in words, with or without diacritics.
    for i, fam in enumerate(families[30:60]):
        said = f"{fam.issuer.short} {fam.topic.replace(',', '')}"
        query = said if i % 2 else _f(said)
        meant = [f.main.id for f in data.families if (f.topic, f.issuer) == (fam.topic, fam.issuer)]
        out.append(Judged(query, "issuer_topic", _family_grades(fam, meant, by_topic[fam.topic])))

    def titled(words: Sequence[str]) -> list[str]:
        """The main documents whose title holds every one of *words*."""
        wanted = set(words)
        return [f.main.id for f in data.families if wanted <= set(_f(f.main.title).split())]

    def remembered(fam: Family, i: int) -> list[str] | None:
        """What a clerk remembers of a title: its type or verb and part of its topic."""
        topic = _f(fam.topic).split()
        part = topic[: rng.randint(min(3, len(topic)), len(topic))]
        title = _f(fam.main.title).split()
        lead = (
            _f(fam.main.doc_type or "").split()
            if i % 2 == 0
            else title[len(title) - len(title) :][:0]
        )
        if i % 2:
            verb = next(
                (_f(v).split() for v in VERBS if f" {_f(v)} " in f" {' '.join(title)} "), []
            )
            lead = verb
        words = [*lead, *part]
        if len(titled(words)) > 3:
            words += ["nam", str(fam.year)]
        return words if 0 < len(titled(words)) <= 3 else None

    # Partial titles without diacritics: part of what a title says.
    for i, fam in enumerate(families[60:100]):
        recalled = remembered(fam, i)
        if recalled is None:
            continue
        out.append(
            Judged(
                " ".join(recalled),
                "partial_title",
                _family_grades(fam, titled(recalled), by_topic[fam.topic]),
            )
        )

    # Typos: a slip in a remembered title, or Telex/VNI keys left in a reference.
    for i, fam in enumerate(families[100:145]):
        main = fam.main
        if i % 3 == 2 and main.doc_type:
            n = _lead(main.number or "")
            if len(by_ref[main.doc_type, n]) != 1:
                continue
            query = " ".join(_keys(w, vni=bool(i % 2)) for w in main.doc_type.split()) + f" {n}"
            grades = {m: 1 for m in fam.members}
            grades[main.id] = 2
            out.append(Judged(query, "typo", grades))
            continue
        recalled = remembered(fam, i)
        if recalled is None:
            continue
        meant = titled(recalled)
        long = [j for j, w in enumerate(recalled) if len(w) >= 4 and not w.isdigit()]
        if not long:
            continue
        j = rng.choice(long)
        recalled[j] = _typo(rng, recalled[j])
        grades = _family_grades(fam, meant, by_topic[fam.topic])
        out.append(Judged(" ".join(recalled), "typo", grades))

    # Common words: routine reports and schedules, every word in most notices.
    routine = [
        n
        for n in data.notices
        if n.title.startswith(("Báo cáo tình hình", "Thông báo lịch tiếp công dân", "Giấy mời họp"))
    ]
    rng.shuffle(routine)
    seen: set[str] = set()
    for notice in routine:
        if len(seen) >= 25:
            break
        query = _f(notice.title)
        if query in seen:
            continue
        seen.add(query)
        same = [n.id for n in routine if _f(n.title) == query]
        # The same report or schedule of other months is relevant too.
        stem = query.split(" thang ")[0]
        grades = {d.id: 1 for d in routine if _f(d.title).split(" thang ")[0] == stem}
        grades.update(dict.fromkeys(same, 2))
        out.append(Judged(query, "common", grades))

    # Dates: a topic and a month, written as clerks write months.
    reports = [d for d in data.notices if d.title.startswith("Báo cáo kết quả thực hiện")]
    rng.shuffle(reports)
    for i, notice in enumerate(reports[:15]):
        topic = next(f.topic for f in data.families if notice.id in f.members)
        part = " ".join(_f(topic).split()[:4])
        when = notice.published
        month = (
            f"thang {when.month} {when.year}",
            f"{when.month:02d}/{when.year}",
            f"thang {when.month} nam {when.year}",
        )[i % 3]
        query = f"bao cao {part} {month}"
        grades = {}
        for doc in reports:
            if (
                doc.published.year == when.year
                and doc.published.month == when.month
                and f" {part} " in f" {_f(doc.body)} "
            ):
                grades[doc.id] = 2
            elif f" {part} " in f" {_f(doc.title)} ":
                grades[doc.id] = 1
        grades[notice.id] = 2
        out.append(Judged(query, "date", grades))
    return out


# -- metrics -----------------------------------------------------------------------------
