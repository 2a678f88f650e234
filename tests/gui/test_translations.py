"""Every window string is translated both ways, and the shipped .qm files match.

That the .ts files hold every string of the code is checked by running
lupdate over the source, a CI step beside the other source checks
(.ci/lupdate_check.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.paths import resources_dir
from desktop.ui import i18n
from desktop.ui.categorytree import ALL
from desktop.ui.noticelist import TITLE
from tests.helpers.sample import WindowFactory

TRANSLATIONS = resources_dir() / "translations"
LANGS = ("vi", "en")


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is needed to check the translations (it ships with PySide6)"
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    out: dict[tuple[str, str], ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang: str) -> None:
    messages = _messages(TRANSLATIONS / f"bangtin_{lang}.ts")
    assert len(messages) > 50
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") is None, (context, source, translation.get("type"))
        assert (translation.text or "").strip(), (context, source)
        # Placeholders must survive translation, or .format() breaks at run time.
        for part in source.split("{")[1:]:
            placeholder = "{" + part.split("}")[0] + "}"
            assert placeholder in (translation.text or ""), (context, source)


def test_both_languages_hold_the_same_strings() -> None:
    assert set(_messages(TRANSLATIONS / "bangtin_vi.ts")) == set(
        _messages(TRANSLATIONS / "bangtin_en.ts")
    )


@pytest.mark.parametrize("lang", LANGS)
def test_qm_files_are_compiled_from_the_ts_files(lang: str, tmp_path: Path) -> None:
    out = tmp_path / f"bangtin_{lang}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TRANSLATIONS / f"bangtin_{lang}.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (TRANSLATIONS / f"bangtin_{lang}.qm").read_bytes()


def test_switching_to_english_retranslates_the_live_window(
    make_window: WindowFactory, populated: Path
) -> None:
    window = make_window(populated)
    model = window.list_model()
    assert model is not None
    window.list_view.setCurrentIndex(model.index(0, 0))
    window.list_view.clicked.emit(model.index(0, 0))  # a click reads it at once
    assert "Lượt xem: 1" in window.browser.toPlainText()
    window.action("languageEnAction").trigger()
    assert i18n.current_language() == "en"
    assert window.file_menu.title() == "&File"
    assert window.language_menu.title() == "&Language"
    assert window.action("importAction").text() == "Import bundle…"
    assert window.related_panel.title() == "Related notices"
    assert window.latest_panel.title() == "Latest notices"
    current = window.list_model()
    assert current is not None
    assert current.headerData(TITLE, Qt.Orientation.Horizontal) == "Title"
    assert window.tree.category_model.index_of(ALL).data() == "All (2/3)"
    assert window.counts_label.text() == "3 notices, 2 unread"
    assert window.update_label.text().startswith("Last updated: 05/06/2023 3:20 PM from ")
    assert window.article.zoom_bar.caption.text() == "Text size:"
    assert window.latest_panel.model.text(0).endswith("(05/06/2023 7:20 AM)")
    # Re-rendering the article in the new language is not another view.
    assert window.current is not None and window.current.views == 1
    window.close()
    again = make_window(populated, lang="en")
    assert again.lang == "en" and again.action("languageEnAction").isChecked()
    again.action("languageViAction").trigger()
    assert again.file_menu.title() == "&Tệp"
    assert again.tree.category_model.index_of(ALL).data() == "Tất cả (2/3)"


def test_language_is_remembered(make_window: WindowFactory, populated: Path) -> None:
    from desktop.ui import settings as prefs

    window = make_window(populated)
    window.set_language("en")
    window.close()
    assert prefs.language(prefs.settings_for(populated)) == "en"
