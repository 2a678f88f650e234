"""The dialog stub that GUI tests use records calls and answers as scripted."""

from __future__ import annotations

import ast
import types
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.dialogs import DEFAULT_ANSWERS, DialogStub


def fake_dialogs() -> types.ModuleType:
    module = types.ModuleType("fake_dialogs")

    def real(*_args: Any) -> Any:
        raise AssertionError("a real dialog opened")

    for name in DEFAULT_ANSWERS:
        setattr(module, name, real)
    return module


def test_calls_are_recorded_and_answered_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    module = fake_dialogs()
    stub = DialogStub()
    stub.install(module, monkeypatch)
    stub.script("choose_bundle_file", "a.bangtin", "b.bangtin")

    assert module.choose_bundle_file("window") == "a.bangtin"
    module.show_error("window", "Lỗi", "Gói hỏng")
    assert module.choose_bundle_file("window") == "b.bangtin"
    # Scripted answers used up: the default, as if the user closed the chooser.
    assert module.choose_bundle_file("window") is None
    assert module.open_url("https://example.org") is True

    assert stub.names() == [
        "choose_bundle_file",
        "show_error",
        "choose_bundle_file",
        "choose_bundle_file",
        "open_url",
    ]
    assert stub.calls[1] == ("show_error", ("window", "Lỗi", "Gói hỏng"))
    assert stub.unused() == {}


def test_unused_answers_and_unknown_dialogs_are_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stub = DialogStub()
    stub.script("offer_bundles", ["x.bangtin"])
    assert stub.unused() == {"offer_bundles": [["x.bangtin"]]}
    with pytest.raises(KeyError):
        stub.script("choose_colour", "red")
    missing = types.ModuleType("no_dialogs")
    with pytest.raises(AttributeError):
        stub.install(missing, monkeypatch)


def test_the_stub_replaces_every_dialog_of_the_window() -> None:
    # Read, not imported: the unit suite runs without Qt.
    source = Path(__file__).resolve().parents[2] / "desktop" / "ui" / "dialogs.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    public = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    }
    # A new dialog function needs a default answer in tests/helpers/dialogs.py.
    assert public - {"make_progress"} == set(DEFAULT_ANSWERS)
