"""Text normalisation: NFC on the way in, and the folding that search uses.

Clerks type without diacritics and write "đ" as "d", so the index and the
query fold text the same way: NFC, then đ/Đ → d, then combining marks
removed, then casefold.
"""

from __future__ import annotations

import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """Return *text* in Unicode NFC, the form the archive stores."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Fold *text* for matching: no diacritics, no đ, no case."""
    text = unicodedata.normalize("NFC", text).translate(_D_MAP)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()
