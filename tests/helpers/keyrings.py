"""A keyring for the tests: a JSON file in the test's own folder, never the user's keyring.

Autouse: every test runs with it, so that no test, and nothing the window
does under test, reads or writes the real OS keyring. `test_keyring`
gives the backend to tests that look inside it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring
from keyring.errors import PasswordDeleteError


class FolderKeyring(KeyringBackend):
    """Keeps passwords in `keyring.json` in a folder of the test's own."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.path = folder / "keyring.json"

    def _load(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        return dict(json.loads(self.path.read_text(encoding="utf-8")))

    def _save(self, data: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\n{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(data)


@pytest.fixture(autouse=True)
def test_keyring(tmp_path: Path) -> Iterator[FolderKeyring]:
    """The keyring every test uses: a file in its tmp_path (afterwards one that keeps nothing)."""
    backend = FolderKeyring(tmp_path / "keyring")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(FailKeyring())
