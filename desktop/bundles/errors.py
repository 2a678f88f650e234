"""Why a bundle was refused, as a code plus the words to explain it."""

from __future__ import annotations

from typing import Any

from desktop.messages import text


class Detail:
    """Part of a sentence, kept as a code and its values until a language is chosen.

    A refusal's reason ("'title' contains a NUL character") is put into the
    sentence that explains it in the same language, never in English alone.
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params

    def render(self, lang: str) -> str:
        return text(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Detail({self.code!r}, {self.params!r})"


def _rendered(params: dict[str, Any], lang: str) -> dict[str, Any]:
    return {k: v.render(lang) if isinstance(v, Detail) else v for k, v in params.items()}


class BundleError(Exception):
    """A bundle was refused; nothing in the archive changed.

    `code` is stable for scripts; `message(lang)` is one clear sentence.
    A parameter may be a `Detail`, rendered in the sentence's language.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(text(code, "en", **_rendered(params, "en")))
        self.code = code
        self.params = params

    def message(self, lang: str = "vi") -> str:
        return text(self.code, lang, **_rendered(self.params, lang))


class ImportCancelled(Exception):
    """The user cancelled an import before it was applied; nothing changed."""


class KeyFileError(Exception):
    """A key file is missing or not in the expected form."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail

    def message(self, lang: str = "vi") -> str:
        return text("bad_key", lang, path=self.path, detail=self.detail)
