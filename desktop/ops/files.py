"""File work that does not touch the archive's database: attachment copies, USB scans.

These run on the task runner's second executor (desktop/tasks.py), so a slow
USB stick never queues in front of a search.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path

from desktop.paths import BUNDLE_SUFFIX

#: The longest file name we propose or write. Windows allows 255 characters in
#: a name but 260 in a whole path, so a long name in a deep folder would fail.
MAX_NAME = 120
_MAX_BYTES = 255
#: The longest extension kept whole when a name is cut short (".docx", ".xlsx").
_MAX_SUFFIX = 10
#: What an exported file's name keeps of a number or title: words and hyphens.
_WORDS = re.compile(r"[\w-]+")


def safe_file_name(name: str, fallback: str) -> str:
    """*name* made valid on Windows and Linux alike, or *fallback* if nothing is left.

    pathvalidate replaces the characters Windows forbids (``: * ? " < > |``,
    slashes, control characters), renames reserved names (CON, AUX, NUL,
    COM1…) and trailing dots and spaces; a long name is cut to `MAX_NAME`
    characters (and 255 bytes), keeping its extension.
    """
    # A leading dot would hide the file on Linux.
    text = unicodedata.normalize("NFC", name).strip().lstrip(".")
    stem, dot, suffix = text.rpartition(".")
    if not dot or not stem or len(suffix) > _MAX_SUFFIX or not suffix.isalnum():
        stem, suffix = text, ""
    ext = f".{suffix}" if suffix else ""
    stem = stem[: MAX_NAME - len(ext)]
    # Linux counts a name's bytes (255 at most), Windows its characters.
    while len((stem + ext).encode("utf-8")) > _MAX_BYTES:
        stem = stem[:-1]
    # Here, not at the top: the window imports this module before its first paint,
    # and pathvalidate (with `platform`) costs it more than all the rest of the module.
    from pathvalidate import sanitize_filename

    cleaned = sanitize_filename(
        stem.rstrip(" .") + ext, replacement_text="_", platform="windows", max_len=_MAX_BYTES
    ).strip(" ")
    return cleaned if cleaned.strip("._ ") else fallback


def ascii_text(text: str) -> str:
    """*text* without diacritics, case kept: "Kế hoạch Đ" -> "Ke hoach D"."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def export_file_name(number: str | None, title: str, suffix: str = ".pdf") -> str:
    """The name "Xuất PDF" proposes: "54-KH-UBND Ke hoach binh dang gioi.pdf".

    The number's slashes become hyphens and the title loses its diacritics,
    so the name reads the same on a USB stick, in an e-mail and on an old
    Windows; it is cut at a word so that it fits `MAX_NAME`.
    """
    head = "-".join(_WORDS.findall(ascii_text(number or "")))
    words = " ".join(_WORDS.findall(ascii_text(title)))
    text = " ".join(part for part in (head.strip(), words) if part)
    room = MAX_NAME - len(suffix)
    if len(text) > room:
        cut = text[:room]
        text = cut.rsplit(" ", 1)[0] if " " in cut[len(head) :] else cut
    text = text.strip(" .")
    return safe_file_name(text + suffix, "van-ban" + suffix) if text else "van-ban" + suffix


def copy_attachment(source: Path, name: str, temp_dir: Path) -> Path:
    """Copy an attachment out of the store so a viewer can open it.

    The viewer gets a read-only copy, never the store's file, so nothing can
    alter the archive.
    """
    if not source.is_file():
        raise FileNotFoundError(str(source))
    folder = temp_dir / source.name[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_file_name(name, source.name[:16])
    shutil.copyfile(source, target)
    os.chmod(target, 0o444)
    return target


def save_attachment(source: Path, target: Path) -> Path:
    """Save a copy of an attachment where the user chose."""
    if not source.is_file():
        raise FileNotFoundError(str(source))
    shutil.copyfile(source, target)
    return target


def find_bundles(root: Path) -> list[Path]:
    """Bundle files at the top of *root* and one folder down, sorted by name."""
    found: list[Path] = []
    try:
        top = sorted(root.iterdir())
    except OSError:
        return found
    for entry in top:
        try:
            if entry.is_file() and entry.suffix.lower() == BUNDLE_SUFFIX:
                found.append(entry)
            elif entry.is_dir() and not entry.name.startswith("."):
                for inner in sorted(entry.iterdir()):
                    if inner.is_file() and inner.suffix.lower() == BUNDLE_SUFFIX:
                        found.append(inner)
        except OSError:
            continue  # an unreadable folder on a stick is not an error
    return found
