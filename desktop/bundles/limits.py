"""The limits a reader enforces on a bundle's zip, in one place.

The reader refuses a bundle that breaks them, and the builder checks every
bundle it writes against the same function, so that what a publisher builds
an office can import (docs/bundle-format.md, "Limits a reader enforces").
"""

from __future__ import annotations

import re
import stat
import zipfile

from desktop.bundles.errors import BundleCode, BundleError
from desktop.bundles.manifest import ENTRY_RE, MANIFEST_NAME, SIGNATURE_NAME

MAX_MANIFEST = 256 * 1024 * 1024
MAX_FILE = 1024 * 1024 * 1024
MAX_TOTAL = 16 * 1024 * 1024 * 1024
MAX_ENTRIES = 1_000_000
#: An entry larger than RATIO_FLOOR may be at most MAX_RATIO times its compressed size.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024


def ratio_too_high(file_size: int, compress_size: int) -> bool:
    """True for an entry a reader refuses as a suspected zip bomb."""
    return file_size > RATIO_FLOOR and file_size > MAX_RATIO * max(compress_size, 1)


def check_infos(infos: list[zipfile.ZipInfo], entry_re: re.Pattern[str] = ENTRY_RE) -> None:
    """Check a zip's central directory; raises BundleError at the first problem.

    *entry_re* is the allow-list of names beside the manifest and its
    signature: a bundle's by default, a receipt's for desktop/receipts.
    """
    if len(infos) > MAX_ENTRIES:
        raise BundleError(BundleCode.TOO_LARGE, name="(zip)")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise BundleError(BundleCode.DUPLICATE_ENTRY, name=name)
        seen.add(name)
        if info.is_dir() or name.endswith("/"):
            raise BundleError(BundleCode.DIR_ENTRY, name=name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BundleError(BundleCode.LINK_ENTRY, name=name)
        if info.flag_bits & 0x1:
            raise BundleError(BundleCode.ENCRYPTED_ENTRY, name=name)
        if name not in (MANIFEST_NAME, SIGNATURE_NAME) and not entry_re.match(name):
            raise BundleError(BundleCode.BAD_ENTRY_NAME, name=name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(BundleCode.UNSUPPORTED_COMPRESSION, name=name)
        limit = MAX_MANIFEST if name == MANIFEST_NAME else MAX_FILE
        if info.file_size > limit:
            raise BundleError(BundleCode.TOO_LARGE, name=name)
        if ratio_too_high(info.file_size, info.compress_size):
            raise BundleError(BundleCode.BOMB, name=name)
        total += info.file_size
        if total > MAX_TOTAL:
            raise BundleError(BundleCode.TOO_LARGE, name=name)
