"""The action table: every action is declared once, translated both ways, on its own keys."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from operator import attrgetter
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from desktop.paths import resources_dir
from desktop.ui.actions import (
    CONTEXT,
    OFFICE_ACTIONS,
    PRINT_ACTIONS,
    RECEIPT_ACTIONS,
    WINDOW_ACTIONS,
    ActionSpec,
    key_sequences,
)
from tests.helpers.sample import WindowFactory

EVERY = WINDOW_ACTIONS + PRINT_ACTIONS + OFFICE_ACTIONS + RECEIPT_ACTIONS


def translations(lang: str) -> dict[str, str]:
    """The finished translations of the "Actions" context in one language's .ts file."""
    root = ET.parse(resources_dir() / "translations" / f"bangtin_{lang}.ts").getroot()
    out: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                out[message.findtext("source") or ""] = translation.text or ""
    return out


def texts(spec: ActionSpec) -> list[str]:
    return [t for t in (spec.text, spec.tooltip) if t]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_action_has_its_words_in_both_languages(lang: str) -> None:
    shipped = translations(lang)
    missing = [t for spec in EVERY for t in texts(spec) if not shipped.get(t, "").strip()]
    assert missing == []


def test_english_words_differ_from_the_vietnamese_ones() -> None:
    english = translations("en")
    # Only a language's own name reads the same in both.
    same = [s.text for s in EVERY if english[s.text] == s.text]
    assert same == ["Tiếng Việt", "English"]


def test_names_are_unique_and_no_key_does_two_things(qapp: object) -> None:
    names = Counter(spec.name for spec in EVERY)
    assert [n for n, c in names.items() if c > 1] == []
    keys = Counter(
        seq.toString(QKeySequence.SequenceFormat.PortableText)
        for spec in EVERY
        for seq in key_sequences(spec)
    )
    assert [k for k, c in keys.items() if c > 1] == []
    assert keys["Ctrl+F"] == keys["Ctrl+K"] == keys["F6"] == 1


def test_the_window_builds_every_action_from_the_table(
    make_window: WindowFactory, populated: Path
) -> None:
    window = make_window(populated)
    for spec in WINDOW_ACTIONS:
        action = window.action(spec.name)
        assert action.objectName() == spec.name
        assert action.text() == spec.text
        assert action.isCheckable() == spec.checkable
        assert [s.toString() for s in action.shortcuts()] == [
            s.toString() for s in key_sequences(spec)
        ]
        assert callable(attrgetter(spec.slot)(window))
    for spec in PRINT_ACTIONS:
        assert callable(attrgetter(spec.slot)(window.print_actions))
    for spec in OFFICE_ACTIONS:
        assert callable(attrgetter(spec.slot)(window.office))
        assert window.office.action(spec.name).text() == spec.text
    window.set_language("en")
    assert window.action("importAction").text() == "Import bundle…"
    assert window.action("backAction").toolTip() == "Back to the previous notice (Alt+←)"
    assert window.print_actions.print_action.text() == "Print…"
