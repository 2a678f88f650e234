"""Why a bundle was refused, as a code plus the words to explain it."""

from __future__ import annotations

from typing import Any

from desktop.messages import text


class BundleError(Exception):
    """A bundle was refused; nothing in the archive changed.

    `code` is stable for scripts; `message(lang)` is one clear sentence.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(text(code, "en", **params))
        self.code = code
        self.params = params

    def message(self, lang: str = "vi") -> str:
        return text(self.code, lang, **self.params)


class ImportCancelled(Exception):
    """The user cancelled an import before it was applied; nothing changed."""


class KeyFileError(Exception):
    """A key file is missing, not in the expected form, or holds a weak key.

    `code` names the reason in the message catalog (`key_*`), so that the
    whole sentence, reason included, is in the user's language.
    """

    def __init__(self, path: str, code: str, **params: Any) -> None:
        self.path = path
        self.code = code
        self.params = params
        #: The reason in English, for logs and `str()`.
        self.detail = text(code, "en", **params)
        super().__init__(f"{path}: {self.detail}")

    def message(self, lang: str = "vi") -> str:
        return text("bad_key", lang, path=self.path, detail=text(self.code, lang, **self.params))
