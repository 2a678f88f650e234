"""The text the index holds: fast folding, Markdown to plain words, the columns of a notice."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, filterfalse

from db.folding import fold, nfc

# The stored form of a notice's plain text (``search_text.plain_z``) is its
# body's (UTF-8, zlib).
from db.types import deflated as deflate
from db.types import inflated as inflate

__all__ = [
    "FOLD_TABLE",
    "ODD",
    "WORD",
    "WORD_END",
    "body_pieces",
    "body_pieces_nfc",
    "body_text",
    "deflate",
    "exact_columns",
    "exact_words",
    "fold_map",
    "fold_text",
    "inflate",
    "marked_words",
    "number_column",
    "opt_fold",
    "plain_text",
    "words",
]

WORD = re.compile(r"[^\W_]+")
WORD_END = re.compile(r"[^\W_]*")

# -- folding -----------------------------------------------------------------------

# Latin, IPA, combining diacriticals and Latin Extended Additional (Vietnamese):
# for text made only of these, folding character by character gives exactly
# fold(text), and a translate table does it at C speed.
_UNSAFE = re.compile("[^\u0000-\u036f\u1e00-\u1eff]")
FOLD_TABLE: dict[int, str] = {}
_ODD_CHARS: list[str] = []
for _lo, _hi in ((0, 0x370), (0x1E00, 0x1F00)):
    for _cp in range(_lo, _hi):
        _ch = chr(_cp)
        _f = fold(_ch)
        if _f != _ch:
            FOLD_TABLE[_cp] = _f
        if len(_f) != 1:
            _ODD_CHARS.append(_ch)
# Characters whose fold is not one character: offsets shift past them.

# The same table as a list by code point (the character itself where folding
# keeps it): str.translate looks a list up about twice as fast as a dict, and
# a code point past its end stays as it is, as one missing from the dict does.
_FOLD_LIST: list[str] = [FOLD_TABLE.get(cp, chr(cp)) for cp in range(0x1F00)]


def _negated_class(keep: Iterable[int]) -> str:
    ranges: list[list[int]] = []
    for cp in sorted(keep):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[^" + "".join(re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in ranges) + "]"


#: Any character that is unsafe or whose fold is not exactly one character.
ODD = re.compile(
    _negated_class(
        cp
        for lo, hi in ((0, 0x370), (0x1E00, 0x1F00))
        for cp in range(lo, hi)
        if chr(cp) not in set(_ODD_CHARS)
    )
)


def fold_text(text: str) -> str:
    """`db.folding.fold`, faster for Vietnamese and Latin text."""
    if _UNSAFE.search(text):
        return fold(text)
    return text.translate(_FOLD_LIST)


def fold_map(text: str) -> tuple[str, list[int] | None]:
    """Fold *text* and say where each folded character came from.

    Returns (folded, starts): starts[i] is the index in *text* of the character
    that produced folded[i], plus len(text) at the end; None when folding kept
    every offset.
    """
    if not ODD.search(text):
        return text.translate(_FOLD_LIST), None
    parts: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        f = FOLD_TABLE.get(ord(ch), ch) if not _UNSAFE.match(ch) else fold(ch)
        parts.append(f)
        starts.extend([i] * len(f))
    starts.append(len(text))
    return "".join(parts), starts


# -- text of a notice ------------------------------------------------------------

_MD_IMAGE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_REF = re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.M)
_MD_TAG = re.compile(r"<[^>\n]{1,200}>")
# A list item's marker, at the start of the text and at the start of a line:
# ``^`` with re.M, but the lines' pattern starts with its newline, which the
# regular expression engine looks for quickly, where it tried ``^`` at every
# character (a fifth of the time of making a body's plain text).
_MD_LIST_FIRST = re.compile(r"[ \t]*(?:[-+*]|\d+[.)])[ \t]+")
_MD_LIST = re.compile(r"\n[ \t]*(?:[-+*]|\d+[.)])[ \t]+")
_MD_RULE = re.compile(r"^[ \t]*[-=:]{3,}[-=: \t]*$", re.M)
#: Markdown's syntax characters, each made a space.
_MD_CHARS = "#*_>`|~\\"


def plain_text(markdown: str) -> str:
    """The words of a Markdown text on one line, without its syntax characters."""
    return " ".join(_plain_words(markdown))


def _plain_words(markdown: str) -> list[str]:
    """`plain_text` of *markdown* cut at its spaces: its words, none empty."""
    return _plain_source(markdown).split()


def _plain_source(markdown: str) -> str:
    """*markdown* without its syntax: `plain_text` is its words joined by single spaces."""
    text = markdown
    if "]:" in text:
        text = _MD_REF.sub(" ", text)
    if "](" in text:
        text = _MD_IMAGE_LINK.sub(r"\1", text)
    if "<" in text:
        text = _MD_TAG.sub(" ", text)
    # Each syntax character a space, by str.replace (a tenth of the time of a
    # regular expression for runs of them): a run becomes several spaces,
    # which the list and rule patterns below take as they take one, and
    # which the split into words drops.
    for char in _MD_CHARS:
        if char in text:
            text = text.replace(char, " ")
    if "\n" in text:
        text = _MD_LIST.sub("\n ", text)
    if first := _MD_LIST_FIRST.match(text):
        text = " " + text[first.end() :]
    if "--" in text or "==" in text:
        text = _MD_RULE.sub(" ", text)
    return text


@lru_cache(maxsize=65536)
def _is_marked(word: str) -> bool:
    return fold_text(word) != word


# ASCII bytes that end a word become spaces; the bytes of other characters
# (UTF-8, all >= 0x80) stay, so that bytes.split() cuts the casefolded text
# into tokens, each a run of words joined by non-ASCII characters that are
# not word characters ("“quyết", "a–b"), or one word, which it nearly always is.
_TOKEN_BYTES = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(range(128, 256))


def _tokens(text: str) -> list[bytes]:
    # surrogatepass: str.encode refuses lone surrogates, which are no word characters.
    return nfc(text).casefold().encode("utf-8", "surrogatepass").translate(_TOKEN_BYTES).split()


@lru_cache(maxsize=65536)
def _marked_in(token: bytes) -> tuple[str, ...]:
    """The words of a non-ASCII *token* that carry diacritics, in order."""
    return tuple(filter(_is_marked, WORD.findall(token.decode("utf-8", "surrogatepass"))))


def _marked(distinct: Iterable[bytes]) -> dict[str, None]:
    # A word's first token comes first among the distinct tokens, so first
    # seen order is kept; an ASCII token holds no word with diacritics.
    return dict.fromkeys(chain.from_iterable(map(_marked_in, filterfalse(bytes.isascii, distinct))))


def _exact(distinct: Iterable[bytes]) -> str:
    return " ".join(_marked(distinct))


def marked_words(text: str) -> tuple[str, ...]:
    """The words of `exact_words(text)`, one by one."""
    if text.isascii():
        return ()
    return tuple(_marked(dict.fromkeys(_tokens(text))))


def exact_words(*texts: str | None) -> str:
    """The distinct casefolded words that carry diacritics, in first-seen order."""
    # Distinct tokens first, split in C from the UTF-8 bytes, and only the
    # non-ASCII ones looked at, through a cache: the regular expression over
    # every word of a body cost more than folding it.
    return _exact(dict.fromkeys(chain.from_iterable(_tokens(t) for t in texts if t)))


def exact_columns(title: str | None, *others: str | None) -> tuple[str, str]:
    """``(exact_words(title), exact_words(title, *others))``, the title's words found once."""
    title_tokens = dict.fromkeys(_tokens(title)) if title else {}
    rest = chain.from_iterable(_tokens(t) for t in others if t)
    return _exact(title_tokens), _exact(dict.fromkeys(chain(title_tokens, rest)))


_ASCII_WORDS = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + b" " * 128


def words(text: str) -> list[str]:
    """``WORD.findall(text)``; for ASCII text (folded text nearly always is) at
    C speed: half the time for a folded body."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    return WORD.findall(text)


def body_text(summary: str | None, body_markdown: str | None) -> str:
    """The text the index's body column folds, and snippets are cut from."""
    plain = plain_text(body_markdown or "")
    return f"{' '.join(summary.split())} {plain}" if summary else plain


def body_pieces(summary: str | None, body_markdown: str | None) -> list[str]:
    """``body_text(summary, body_markdown).split(" ")``, without making the text first."""
    return body_pieces_nfc(summary, body_markdown)[0]


def body_pieces_nfc(summary: str | None, body_markdown: str | None) -> tuple[list[str], bool]:
    """`body_pieces`, and True when their text (`body_text`) is known to be in NFC.

    It is when the summary and the body without its syntax are: the text is
    theirs with each run of spaces made one space, and a space (as every
    other whitespace character in NFC) neither combines with a character
    beside it nor moves past one in NFC. False: not known either way.
    """
    source = _plain_source(body_markdown or "")
    plain = source.split() or [""]
    known = unicodedata.is_normalized("NFC", source)
    if not summary:
        return plain, known
    known = known and unicodedata.is_normalized("NFC", summary)
    return [*(summary.split() or [""]), *plain], known


def _compact(text: str) -> str:
    return "".join(WORD.findall(fold_text(nfc(text))))


def number_column(number: str | None) -> str:
    """A document number folded, then as one compact token: "54/kh-ubnd 54khubnd"."""
    if not number:
        return ""
    folded = fold_text(nfc(number))
    return f"{folded} {_compact(number)}"


def opt_fold(text: str | None) -> str | None:
    """*text* folded and stripped, as the filter columns hold it; None for none."""
    return fold_text(nfc(text)).strip() if text else None
