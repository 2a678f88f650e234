"""Text normalisation: NFC on the way in, and the folding that search uses.

Clerks type without diacritics and write "đ" as "d", so the index and the
query fold text the same way: NFC, then đ/Đ → d, then combining marks
removed, then casefold.
"""

from __future__ import annotations

import re
import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})

#: Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
#: the marks LRM, RLM and ALM: they make text read differently from what it
#: says ("12 \u202eFDP.exe" shows as "12 exe.PDF"), and Vietnamese needs none.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")


def nfc(text: str) -> str:
    """Return *text* in Unicode NFC, the form the archive stores."""
    return unicodedata.normalize("NFC", text)


def strip_bidi(text: str) -> str:
    """Return *text* without bidi controls."""
    return _BIDI_RE.sub("", text)


def clean_field(text: str) -> str:
    """*text* as the archive stores it: without bidi controls, in NFC."""
    return nfc(_BIDI_RE.sub("", text))


def fold(text: str) -> str:
    """Fold *text* for matching: no diacritics, no đ, no case."""
    text = unicodedata.normalize("NFC", text).translate(_D_MAP)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()
