"""A picture or a PDF asked for in a folder that may not be written: one sentence, in the
user's language, naming the file; nothing of Qt's on stderr, nothing written.

Each `bangtin` runs without the rights that let root write past file modes
(tests/helpers/unprivileged.py), as an office clerk's account would.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from desktop.messages import text
from tests.helpers.cli import Cli
from tests.helpers.published import Library
from tests.helpers.unprivileged import read_only

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX modes: Windows folders have no read-only mode"
)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_screenshot_into_a_read_only_folder_says_so(
    cli: Cli, library: Library, tmp_path: Path, lang: str
) -> None:
    office = shutil.copytree(library.data_dir, tmp_path / "office")
    shut = tmp_path / "shut"
    shut.mkdir()
    out = shut / "a.png"
    with read_only(shut):
        refused = cli.fails(
            "--lang", lang, "--data-dir", office, "screenshot", "--out", out, unprivileged=True
        )
    reason = text("reason_no_permission", lang)
    assert refused.err_lines == [text("screenshot_failed", lang, path=out, reason=reason)]
    assert list(shut.iterdir()) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_pdf_into_a_read_only_folder_says_only_our_sentence(
    cli: Cli, library: Library, tmp_path: Path, lang: str
) -> None:
    office = shutil.copytree(library.data_dir, tmp_path / "office")
    shut = tmp_path / "shut"
    shut.mkdir()
    out = shut / "a.pdf"
    with read_only(shut):
        refused = cli.fails(
            "--lang", lang, "--data-dir", office, "print", "tb-52-2023", "--pdf", out,
            unprivileged=True,
        )  # fmt: skip
    reason = text("reason_no_permission", lang)
    assert refused.err_lines == [text("pdf_failed", lang, path=out, reason=reason)]
    assert "QPainter" not in refused.stderr
    assert list(shut.iterdir()) == []
