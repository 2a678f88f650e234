"""Spelling suggestions, "Có phải bạn muốn tìm: …", from the archive's own words.

When a query finds nothing or very little, each word the index has never
seen is mended, in this order:

1. Telex or VNI keys left in it by a keyboard in the wrong mode:
   "quyeets" → "quyết", "ddinhj" → "định", "quye61t" → "quyết".
2. A word of the archive one edit away (a letter added, dropped, changed, or
   two swapped: "hoahc" → "hoach"), else two edits away among the words that
   begin with the same letter.

Of the few mended queries this gives, the one that finds the most notices is
suggested, and only if it finds more than the query as typed. The archive's
words are `search_term` (every term the index has held, folded, and every
word with diacritics as written).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable, Iterable

from db.folding import nfc
from db.search.query import Query, parse
from db.search.schema import marks
from db.search.text import WORD, fold_text

__all__ = ["FEW", "LETTERS", "Words", "edit_distance", "mend", "telex", "vni"]

#: A query that finds fewer notices than this gets a suggestion, when one finds more.
FEW = 3
LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: Words looked at for two edits: those starting with the same letter, this many at most.
SCAN = 6000
#: Neighbouring pairs are counted up to this many notices.
PHRASE_CAP = 200
#: Spellings tried for each word, and words mended, at most.
PER_WORD = 10
MAX_WORDS = 3

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_TELEX_TONES = {"s": _ACUTE, "f": _GRAVE, "r": _HOOK, "x": _TILDE, "j": _DOT}
_VNI_TONES = {"1": _ACUTE, "2": _GRAVE, "3": _HOOK, "4": _TILDE, "5": _DOT}
_FINALS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED = frozenset("ăâêôơư")
_TELEX_MARKS = (
    ("uow", "ươ"),
    ("aa", "â"),
    ("aw", "ă"),
    ("ee", "ê"),
    ("oo", "ô"),
    ("ow", "ơ"),
    ("uw", "ư"),
    ("w", "ư"),
)


def _nucleus(word: str) -> list[int]:
    """Positions of the vowels that carry the tone: "qu" and "gi" are onsets."""
    start = 0
    if word.startswith("qu") or (word.startswith("gi") and len(word) > 2 and word[2] in _VOWELS):
        start = 2
    found: list[int] = []
    for i in range(start, len(word)):
        if word[i] in _VOWELS:
            found.append(i)
        elif found:
            break
    if not found and start == 2:  # "gì": the i is the vowel
        found = [1]
    return found


def _place(word: str, tone: str | None) -> list[str]:
    """*word* with *tone* on the vowel that carries it; both places when rules differ."""
    if tone is None:
        return [word]
    vowels = _nucleus(word)
    if not vowels:
        return []
    marked = [i for i in vowels if word[i] in _MARKED]
    if marked:
        spots = [marked[-1]]
    elif vowels[-1] + 1 < len(word) or len(vowels) == 1:
        spots = [vowels[-1]]  # a final consonant follows: "hoạch", "quyết"
    elif len(vowels) == 3:
        spots = [vowels[1]]
    else:
        spots = [vowels[0], vowels[1]]  # "hòa" and "hoà" are both written
    return [nfc(word[: i + 1] + tone + word[i + 1 :]) for i in spots]


def telex(word: str) -> list[str]:
    """What *word* means if it was typed with Telex keys, or [] if it has none."""
    if not word.isalpha() or not word.isascii():
        return []
    w, tone = word, None
    for i in range(len(w) - 1, 0, -1):
        if w[i] in _TELEX_TONES and w[i + 1 :] in _FINALS and any(c in "aeiouy" for c in w[:i]):
            tone, w = _TELEX_TONES[w[i]], w[:i] + w[i + 1 :]
            break
    changed = tone is not None
    if w.startswith("dd"):
        w, changed = "đ" + w[2:], True
    for keys, letter in _TELEX_MARKS:
        if keys in w:
            w, changed = w.replace(keys, letter), True
    return _place(w, tone) if changed else []


_VNI_MARKS: dict[str, Callable[[str], str]] = {
    "6": lambda c: {"a": "â", "e": "ê", "o": "ô"}.get(c, ""),
    "7": lambda c: {"o": "ơ", "u": "ư"}.get(c, ""),
    "8": lambda c: {"a": "ă"}.get(c, ""),
    "9": lambda c: {"d": "đ"}.get(c, ""),
}


def vni(word: str) -> list[str]:
    """What *word* means if it was typed with VNI keys ("quye61t"), or [] if not."""
    if not word.isascii() or not word[:1].isalpha() or word.isalpha():
        return []
    letters: list[str] = []
    tone = None
    for ch in word:
        if ch in _VNI_TONES:
            tone = _VNI_TONES[ch]
        elif ch in _VNI_MARKS:
            mark = _VNI_MARKS[ch]
            spot = next((i for i in reversed(range(len(letters))) if mark(letters[i])), None)
            if spot is None:
                return []
            letters[spot] = mark(letters[spot])
            if ch == "7" and spot > 0 and letters[spot - 1] == "u":  # "uo7" is "ươ"
                letters[spot - 1] = "ư"
        elif ch.isalpha():
            letters.append(ch)
        else:
            return []
    return _place("".join(letters), tone)


def edit_distance(a: str, b: str, most: int = 2) -> int:
    """Edits (insert, delete, change, swap two neighbours) from *a* to *b*; most+1 if more."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > most:
            return most + 1
        before, row = row, current
    return min(row[-1], most + 1)


def _edits(word: str) -> set[str]:
    """Every string one edit from *word*."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    out |= {a + c + b for a, b in splits for c in LETTERS}
    out.discard(word)
    return out


class Words:
    """The archive's words, looked up in `search_term` (`db.search.pgquery` has the server's)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def known(self, words: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(words))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found.update(
                r[0]
                for r in self._db.execute(
                    f"SELECT term FROM search_term WHERE term IN ({marks(len(chunk))})", chunk
                )
            )
        return found

    def starting(self, prefix: str) -> bool:
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        row = self._db.execute(
            "SELECT 1 FROM search_term WHERE term > ? AND term < ? LIMIT 1", (prefix, after)
        ).fetchone()
        return row is not None

    def phrase(self, pair: tuple[str, str]) -> int:
        """How many notices hold the two folded words side by side (up to PHRASE_CAP)."""
        text = " ".join(fold_text(w) for w in pair)
        sql = "SELECT rowid FROM search_main WHERE search_main MATCH ? LIMIT ?"
        (found,) = self._db.execute(
            f"SELECT count(*) FROM ({sql})", ('"' + text.replace('"', "") + '"', PHRASE_CAP)
        ).fetchone()
        return int(found)

    def near(self, word: str) -> list[str]:
        """Words one edit away, else two, closest first (at most PER_WORD)."""
        one = sorted(self.known(_edits(word)), key=lambda w: _likeness(word, w))
        if one:
            return one[:PER_WORD]
        found = sorted(
            (d, term)
            for term in self.starting_with_letter(word)
            if term.isascii() and term.isalpha() and (d := edit_distance(word, term)) <= 2
        )
        return [term for _d, term in found[:PER_WORD]]

    def starting_with_letter(self, word: str) -> list[str]:
        """The words looked at for two edits: SCAN of those that begin as *word* does."""
        after = chr(ord(word[0]) + 1)
        rows = self._db.execute(
            "SELECT term FROM search_term WHERE term >= ? AND term < ? LIMIT ?",
            (word[0], after, SCAN),
        )
        return [term for (term,) in rows]


def _likeness(typed: str, word: str) -> tuple[int, int, str]:
    # Slips keep the first letter and the length more often than not.
    return (typed[0] != word[0], abs(len(typed) - len(word)), word)


def _spellings(word: str, typed: str, words: Words) -> list[str]:
    """What the unknown folded *word* (typed as *typed*) may have been meant as."""
    decoded = telex(typed) or vni(typed)
    if decoded:
        known = words.known([*decoded, *(fold_text(d) for d in decoded)])
        exact = [d for d in decoded if d in known]
        if exact:
            return exact[:1]
        folded = [fold_text(d) for d in decoded if fold_text(d) in known]
        if folded:
            return folded[:1]
    if word.isalpha() and len(word) >= 3:
        return words.near(word)
    return []


def mend(
    db: sqlite3.Connection,
    query: str,
    count: Callable[[str], int],
    *,
    words: Words | None = None,
) -> tuple[str, int] | None:
    """The best mended *query* and how many notices it finds, or None.

    *count* tells how many notices a query finds (capped is fine); *words*
    are the archive's (those of *db* when not given).
    """
    q: Query = parse(query)
    words = words or Words(db)
    typed = {t.folded: t.exact or t.folded for t in q.terms}
    last = q.groups[-1] if q.groups else None
    known = words.known(typed)
    fixes: dict[str, list[str]] = {}
    for word, as_typed in typed.items():
        if word in known or word.isdigit():
            continue
        if last is not None and last.prefix and word == last.terms[-1].folded:
            if words.starting(word):
                continue  # still being typed, and words start with it
        spellings = _spellings(word, as_typed, words)
        if spellings:
            fixes[word] = spellings
        if len(fixes) >= MAX_WORDS:
            break
    if not fixes:
        return None
    # One word at a time: the spelling most often written next to its
    # neighbours (their phrase in the index), then the one whose query finds
    # the most. Counting the whole query alone would favour common words
    # ("trien dai" over "trien khai") in an archive where bodies hold them all.
    order = [t.folded for t in q.terms]
    chosen: dict[str, str] = {}
    for word, spellings in fixes.items():
        at = order.index(word)
        before = chosen.get(order[at - 1], order[at - 1]) if at > 0 else None
        after = chosen.get(order[at + 1], order[at + 1]) if at + 1 < len(order) else None
        left_out = {w: "" for w in fixes if w not in chosen and w != word}
        best_key, pick = (-1, -1), spellings[0]
        for spelling in spellings:
            together = sum(
                words.phrase(pair)
                for pair in (
                    (before, spelling) if before and before not in left_out else None,
                    (spelling, after) if after and after not in left_out else None,
                )
                if pair
            )
            key = (together, count(_replace(query, {**chosen, **left_out, word: spelling})))
            if key > best_key:
                best_key, pick = key, spelling
        chosen[word] = pick
    mended = _replace(query, chosen)
    found = count(mended)
    return (mended, found) if found > 0 else None


def _replace(query: str, fixes: dict[str, str]) -> str:
    """*query* with each word whose fold is a key of *fixes* replaced by its value."""

    def swap(m: object) -> str:
        word: str = m.group(0)  # type: ignore[attr-defined]
        return fixes.get(fold_text(word.casefold()), word)

    return " ".join(WORD.sub(swap, unicodedata.normalize("NFC", query)).split())
