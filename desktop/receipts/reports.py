"""Report files an office attaches to a notice: PDF, DOCX, XLSX or ODT, at most 20 MB.

The type is judged by the name's extension and the file's first bytes (and,
for the zipped office formats, the part that makes them what they are), never
by the name alone: a report travels to the province, where someone opens it.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.receipts.errors import ReceiptCode, ReceiptError
from desktop.receipts.manifest import MAX_FILE_NAME, MAX_REPORT, REPORT_TYPES

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
#: The part of each zipped format that makes it what it is.
_ZIPPED_PART = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
    ".odt": "mimetype",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
COPY_BLOCK = 1024 * 1024


def extension_of(name: str) -> str | None:
    lowered = name.lower()
    for extension in REPORT_TYPES:
        if lowered.endswith(extension) and len(lowered) > len(extension):
            return extension
    return None


def head_matches(head: bytes, media_type: str) -> bool:
    """Whether a file's first bytes fit *media_type* (the check the province makes)."""
    if media_type == REPORT_TYPES[".pdf"]:
        return head.startswith(PDF_MAGIC)
    return head.startswith(ZIP_MAGIC)


def _zipped_part_ok(path: Path, extension: str) -> bool:
    part = _ZIPPED_PART[extension]
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if part not in names:
                return False
            if extension == ".odt":
                with zf.open(part) as fh:
                    return fh.read(len(_ODT_MIMETYPE) + 1).strip() == _ODT_MIMETYPE
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        return False
    return True


@dataclass(frozen=True)
class CheckedReport:
    """A report file fit to attach: its name, type, size and hash."""

    name: str
    media_type: str
    size: int
    sha256: str


def check_report(path: Path, name: str | None = None) -> CheckedReport:
    """Check the file at *path* as a report called *name* (its own name by default).

    Raises ReceiptError, or OSError when it cannot be read.
    """
    name = name or path.name
    extension = extension_of(name)
    if extension is None or len(name) > MAX_FILE_NAME:
        raise ReceiptError(ReceiptCode.REPORT_TYPE, name=name[:MAX_FILE_NAME])
    media_type = REPORT_TYPES[extension]
    size = os.stat(path).st_size
    if size > MAX_REPORT:
        raise ReceiptError(ReceiptCode.REPORT_TOO_LARGE, name=name, limit=MAX_REPORT // 1_000_000)
    digest = hashlib.sha256()
    read = 0
    with path.open("rb") as fh:
        head = fh.read(8)
        digest.update(head)
        read += len(head)
        while block := fh.read(COPY_BLOCK):
            read += len(block)
            if read > MAX_REPORT:
                raise ReceiptError(
                    ReceiptCode.REPORT_TOO_LARGE, name=name, limit=MAX_REPORT // 1_000_000
                )
            digest.update(block)
    if read == 0 or not head_matches(head, media_type):
        raise ReceiptError(ReceiptCode.REPORT_TYPE, name=name)
    if extension in _ZIPPED_PART and not _zipped_part_ok(path, extension):
        raise ReceiptError(ReceiptCode.REPORT_TYPE, name=name)
    return CheckedReport(name=name, media_type=media_type, size=read, sha256=digest.hexdigest())
