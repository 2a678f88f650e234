"""Reading the PDFs the program writes, with poppler's command-line tools."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext lays it out, UTF-8."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields: "Pages", "Page size", "Title", …"""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout
    info: dict[str, str] = {}
    for line in out.decode("utf-8").splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info
