"""Why a bundle was refused, as a code plus the words to explain it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from desktop.messages import text


class BundleCode(StrEnum):
    """Why a bundle was refused. Stable for scripts (`bangtin import --json`).

    Each value is also the key of its sentence in desktop/messages.
    """

    # Reading the bundle
    UNREADABLE = "unreadable"
    NOT_BUNDLE = "not_bundle"
    NEWER_FORMAT = "newer_format"
    UNTRUSTED_KEY = "untrusted_key"
    BAD_SIGNATURE = "bad_signature"
    KEY_PUBLISHER_MISMATCH = "key_publisher_mismatch"
    WEAK_KEY = "weak_key"
    BAD_ENTRY_NAME = "bad_entry_name"
    DUPLICATE_ENTRY = "duplicate_entry"
    LINK_ENTRY = "link_entry"
    DIR_ENTRY = "dir_entry"
    ENCRYPTED_ENTRY = "encrypted_entry"
    UNSUPPORTED_COMPRESSION = "unsupported_compression"
    UNLISTED_ENTRY = "unlisted_entry"
    MISSING_ENTRY = "missing_entry"
    TOO_LARGE = "too_large"
    BOMB = "bomb"
    SIZE_MISMATCH = "size_mismatch"
    HASH_MISMATCH = "hash_mismatch"
    BAD_JSON = "bad_json"
    BAD_MANIFEST = "bad_manifest"
    BAD_NOTICE = "bad_notice"
    # Whether it applies to this archive
    ROLLBACK = "rollback"
    DELTA_NEEDS_BASE = "delta_needs_base"
    PUBLISHER_KEY_BOUND = "publisher_key_bound"
    SEQUENCE_JUMP = "sequence_jump"
    NOTICE_OWNED = "notice_owned"
    # The trust chain (desktop/bundles/trustcheck.py)
    UNTRUSTED_ROOT = "untrusted_root"
    ROOT_NEEDED = "root_needed"
    BAD_ROOT_CHAIN = "bad_root_chain"
    BAD_DELEGATION = "bad_delegation"
    DELEGATION_SUPERSEDED = "delegation_superseded"
    DELEGATION_EXPIRED = "delegation_expired"
    KEY_REVOKED = "key_revoked"
    PUBLISHER_ROOT_BOUND = "publisher_root_bound"
    CHANNEL_FOREIGN = "channel_foreign"
    DELTA_BASE_DIFFERS = "delta_base_differs"
    # The archive could not take it
    NO_SPACE = "no_space"
    DISK_FULL = "disk_full"
    BUSY = "busy"
    ARCHIVE_REPLACED = "archive_replaced"
    IMPORT_DAMAGED_ARCHIVE = "import_damaged_archive"
    DEMO_ARCHIVE = "demo_archive"
    NOT_A_FILE = "not_a_file"


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

    def __init__(self, code: BundleCode | str, **params: Any) -> None:
        code = BundleCode(code)
        super().__init__(text(code, "en", **_rendered(params, "en")))
        self.code = code
        self.params = params

    def message(self, lang: str = "vi", *, code: str | None = None) -> str:
        """The sentence; *code*: another sentence for the same refusal (the window's)."""
        return text(code or self.code, lang, **_rendered(self.params, lang))


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
        self.detail = text(code, "en", **_rendered(params, "en"))
        super().__init__(f"{path}: {self.detail}")

    def message(self, lang: str = "vi") -> str:
        detail = text(self.code, lang, **_rendered(self.params, lang))
        return text("bad_key", lang, path=self.path, detail=detail)
