"""The archive's folder: private modes, who may write it, staging, and the write lock.

Whoever can replace the archive file can trust their own key, so folders
are created 0700 and the archive file 0600, whatever the umask, and
`writable_by_others` tells a folder made before, or by hand, that others
could change. `may_write` tells a folder this program may only read.

Imports only the standard library and db.locks (db.errors when a lock is
waited for); db.archive re-exports these names where callers have always
found them.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from db.locks import byte_locked_elsewhere, try_lock, unlock

DB_NAME = "archive.sqlite3"
#: The first bytes of every SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"
FILES_DIR = "files"
STAGING_DIR = "staging"
#: Beside the archive while a vacuum an upgrade asked for is still to do (db.archive).
VACUUM_PENDING = "vacuum.pending"


def make_private_dir(folder: Path) -> None:
    """Create *folder*, and any parents missing, readable and writable by this user only.

    A folder that exists already is left as it is (see `writable_by_others`).
    The mode is a request: Windows ignores it, and the folder's ACL decides.
    """
    missing: list[Path] = []
    here = Path(folder)
    while not here.exists() and here.parent != here:
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            pass


def create_private_file(path: Path) -> None:
    """Create *path* empty with mode 0600 unless it exists.

    When it cannot be created (a read-only folder), SQLite's own attempt
    fails next and is reported as for any archive that cannot be opened.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return
    os.close(fd)


def writable_by_others(data_dir: Path) -> bool:
    """Whether another user of this computer could replace the archive.

    True when the data folder or the archive file is writable by others,
    or the folder sits in a folder others can write without the sticky bit
    (they could rename the data folder away and put their own in its place).
    Always False on Windows, where POSIX modes say nothing.
    """
    if os.name == "nt":
        return False
    data_dir = Path(data_dir)
    for path in (data_dir, data_dir / DB_NAME):
        try:
            if path.stat().st_mode & stat.S_IWOTH:
                return True
        except OSError:
            continue
    try:
        parent = data_dir.resolve().parent.stat().st_mode
    except OSError:
        return False
    return bool(parent & stat.S_IWOTH) and not parent & stat.S_ISVTX


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of *path*, or None when there is no file."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in *folder* durable (a no-op on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; NTFS journals renames itself
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


LOCK_NAME = ".lock"
#: A staging folder with no lock file is left alone this long: its import may
#: have created the folder and not yet its lock.
UNLOCKED_GRACE_S = 3600


class StagingClaim:
    """An import's hold on its staging folder, an OS lock on `<folder>/.lock`.

    While an import holds it, another program opening the archive (the
    window, or `bangtin list`) leaves the folder alone; once its process is
    gone, for whatever reason, the lock is gone too and the folder is stale.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fh = (folder / LOCK_NAME).open("a+b")
        if not try_lock(self._fh.fileno()):  # pragma: no cover - a fresh folder
            self._fh.close()
            raise OSError(f"staging folder {folder} is in use")

    def release(self) -> None:
        if not self._fh.closed:
            unlock(self._fh.fileno())
            self._fh.close()


WRITE_LOCK_NAME = "write.lock"
#: How often a program waiting for the write lock looks again.
_LOCK_POLL_S = 0.05


@contextmanager
def write_lock(
    data_dir: Path,
    *,
    wait_s: float = 0.0,
    waiting: Callable[[], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[None]:
    """Hold the archive's write lock, an OS lock on `DATA/write.lock`, for the block.

    An import holds it from staging to commit, and a restore while it
    replaces the file. SQLite's own lock is not enough for that: a restore
    renames another file into place, and a program waiting for SQLite's lock
    on the old file would then write into the file set aside. The OS drops
    the lock with its process, however that ends.

    Waits up to *wait_s* seconds for another program to let go, calling
    *waiting* once when it has to wait. Raises ArchiveError("busy") when
    the wait ends without the lock, ("cancelled") when *cancel* says so.
    """
    # Here, not at the top: the first look (db/firstlook.py) reads the archive
    # with this module's checks, before the errors' codes are needed.
    from db.errors import ArchiveError, ErrorCode

    path = Path(data_dir) / WRITE_LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as fh:
        deadline = time.monotonic() + wait_s
        told = False
        while not try_lock(fh.fileno()):
            if cancel is not None and cancel():
                raise ArchiveError(ErrorCode.CANCELLED)
            if time.monotonic() >= deadline:
                raise ArchiveError(ErrorCode.BUSY, "another program is writing to the archive")
            if not told and waiting is not None:
                told = True
                waiting()
            time.sleep(_LOCK_POLL_S)
        try:
            yield
        finally:
            unlock(fh.fileno())


def _stale(folder: Path) -> bool:
    lock = folder / LOCK_NAME
    if not lock.exists():
        try:
            age = time.time() - folder.stat().st_mtime
        except OSError:
            return False
        return age > UNLOCKED_GRACE_S
    try:
        with lock.open("a+b") as fh:
            if not try_lock(fh.fileno()):
                return False
            unlock(fh.fileno())
    except OSError:
        return False
    return True


def clear_staging(data_dir: Path) -> None:
    """Remove what interrupted imports left in the staging folder.

    Folders of imports still running in another program are kept.
    """
    staging = data_dir / STAGING_DIR
    make_private_dir(staging)
    for child in staging.iterdir():
        if child.is_dir() and not child.is_symlink():
            if _stale(child):
                shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _writable(path: Path) -> bool:
    # The effective ids, as the kernel checks an open(): a process that gave
    # up its rights (or runs setuid) must not be told what its real user may do.
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def may_write(data_dir: Path) -> bool:
    """Whether this program may write the archive in *data_dir*: its file and its folder.

    The folder too: SQLite makes the -wal and -shm files there, and imports
    their staging folder and backups.
    """
    data_dir = Path(data_dir)
    return _writable(data_dir) and _writable(data_dir / DB_NAME)


def header_length(db_path: Path) -> int | None:
    """The bytes the database file's own header says it holds (its pages × the page size).

    The header is what the file itself says, as of the last checkpoint: pages
    a -wal adds are not in it. None when the header does not say (it is
    trusted only while its change counter matches the one the size was
    written with, as SQLite does) or cannot be read.
    """
    try:
        with db_path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    if len(header) < 100:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages == 0 or header[24:28] != header[92:96]:
        return None
    return pages * page_size


#: Archives up to this size get a full quick_check at every open.
THOROUGH_CHECK_BYTES = 64 * 1024 * 1024


#: The byte of the -shm file every SQLite connection holds a read lock on
#: (the "dead man switch", SQLite's os_unix.c: UNIX_SHM_DMS).
_SHM_DMS_BYTE = 128


def wal_missing(data_dir: Path) -> bool:
    """True when another program holds the archive open and its -wal was deleted.

    That program still holds the journal and writes it back into the file
    when it closes, so nothing is lost; until then another program would
    read the file without it (an older state, or "disk I/O error") and a
    write beside it could truly damage the file. Looked at before SQLite
    touches the files: SQLite itself would make a new, empty -wal.
    """
    db_path = Path(data_dir) / DB_NAME
    shm = db_path.with_name(DB_NAME + "-shm")
    wal = db_path.with_name(DB_NAME + "-wal")
    if not shm.exists() or wal.exists():
        return False
    return byte_locked_elsewhere(str(shm), _SHM_DMS_BYTE)
