"""A stand-in for desktop.ui.dialogs that records each call and answers as scripted.

The window opens every dialog through a function of `desktop.ui.dialogs`
(pytest-qt's advice on dialogs), so a GUI test takes the `dialog_stub`
fixture instead of clicking modal boxes:

    dialog_stub.script("choose_bundle_file", bundle)
    window.import_action.trigger()
    assert dialog_stub.names() == ["choose_bundle_file", "show_info"]

This module imports no Qt, so the unit suite can load it as a plugin.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

#: What each replaced dialog answers when the test scripted nothing: the
#: user closed the chooser, the browser opened, no bundle was picked.
DEFAULT_ANSWERS: dict[str, Any] = {
    "choose_bundle_file": None,
    "choose_save_path": None,
    "choose_xlsx_path": None,
    "open_url": True,
    "show_info": None,
    "show_error": None,
    "offer_bundles": [],
    "choose_key_file": None,
    "confirm_trust": False,
    "confirm_untrust": False,
    "offer_trust": False,
    "offer_save_instead": False,
    "confirm": True,
    "ask_create_archive": False,
}


class DialogStub:
    """Records `(name, args)` for every call of a replaced dialog function.

    Answers come from the queue that `script` fills for that name, then from
    the defaults.
    """

    def __init__(self, defaults: dict[str, Any] | None = None) -> None:
        self.defaults = dict(DEFAULT_ANSWERS if defaults is None else defaults)
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._scripted: dict[str, deque[Any]] = {}

    def script(self, name: str, *answers: Any) -> None:
        """Queue *answers* for the next calls of *name*, in order."""
        if name not in self.defaults:
            raise KeyError(f"{name} is not a dialog this stub replaces")
        self._scripted.setdefault(name, deque()).extend(answers)

    def names(self) -> list[str]:
        """The names of the dialogs called so far, in order."""
        return [name for name, _args in self.calls]

    def unused(self) -> dict[str, list[Any]]:
        """Scripted answers that no call took."""
        return {name: list(queue) for name, queue in self._scripted.items() if queue}

    def function(self, name: str) -> Callable[..., Any]:
        """The replacement for dialog *name*."""

        def replacement(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args + tuple(kwargs.values())))
            queue = self._scripted.get(name)
            if queue:
                return queue.popleft()
            return self.defaults[name]

        replacement.__name__ = name
        return replacement

    def install(self, module: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
        """Replace each dialog function of *module* that this stub answers for."""
        for name in self.defaults:
            if not callable(getattr(module, name, None)):
                raise AttributeError(f"{module.__name__} has no dialog {name}")
            monkeypatch.setattr(module, name, self.function(name))


@pytest.fixture
def dialog_stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[DialogStub]:
    """Every dialog of desktop.ui.dialogs replaced; unused scripted answers fail the test."""
    from desktop.ui import dialogs

    stub = DialogStub()
    stub.install(dialogs, monkeypatch)
    yield stub
    assert stub.unused() == {}, "scripted dialog answers that no call took"
