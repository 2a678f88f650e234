"""Why a receipt (or an acknowledgement) was refused, as a code plus the words to explain it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from desktop.bundles.errors import BundleError, Detail
from desktop.messages import text


class ReceiptCode(StrEnum):
    """Why a receipt was refused. Stable for scripts (`bangtin receipt import --json`).

    The sentence of each is the catalog entry `receipt_<code>`.
    """

    # Reading the receipt (the zip checks are the bundle reader's)
    UNREADABLE = "unreadable"
    NOT_RECEIPT = "not_receipt"
    NEWER_FORMAT = "newer_format"
    UNENROLLED = "unenrolled"
    BAD_SIGNATURE = "bad_signature"
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
    BAD_REPORT = "bad_report"
    # Whether it applies
    OTHER_OFFICE = "other_office"
    ROLLBACK = "rollback"
    SEQUENCE_JUMP = "sequence_jump"
    # The archive could not take it
    NO_SPACE = "no_space"
    DISK_FULL = "disk_full"
    BUSY = "busy"
    ARCHIVE_REPLACED = "archive_replaced"
    # Acknowledgements, at the office
    NOT_ACK = "not_ack"
    ACK_UNTRUSTED = "ack_untrusted"
    ACK_UNKNOWN = "ack_unknown"
    # Building, at the office
    NO_IDENTITY = "no_identity"
    NO_KEY = "no_key"
    KEY_MISMATCH = "key_mismatch"
    SEQUENCE_STATE = "sequence_state"
    # Attaching a report, at the office
    REPORT_TYPE = "report_type"
    REPORT_TOO_LARGE = "report_too_large"


class ReceiptError(Exception):
    """A receipt or an acknowledgement was refused, or one could not be written.

    Nothing in the archive changed. `code` is stable for scripts;
    `message(lang)` is one sentence. A parameter may be a bundle `Detail`.
    """

    def __init__(self, code: ReceiptCode | str, **params: Any) -> None:
        code = ReceiptCode(code)
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        values = {k: v.render(lang) if isinstance(v, Detail) else v for k, v in self.params.items()}
        return text(f"receipt_{self.code}", lang, **values)

    @classmethod
    def from_bundle(cls, exc: BundleError) -> ReceiptError:
        """The same refusal, said of a receipt: the zip checks are the bundle reader's."""
        try:
            return cls(ReceiptCode(exc.code.value), **exc.params)
        except ValueError:
            return cls(ReceiptCode.UNREADABLE, path=exc.params.get("path", ""))
