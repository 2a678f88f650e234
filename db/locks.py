"""OS file locks that go away with the process that holds them, however it ends.

Kept apart from db.archive so that code with no use for SQLAlchemy (building
a bundle) can lock files without importing it.
"""

from __future__ import annotations

import sys


def try_lock(fd: int) -> bool:
    """Take an exclusive OS lock on the open file *fd* without waiting; False if held."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(fd: int) -> None:
    """Release the lock `try_lock` took on *fd*."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def byte_locked_elsewhere(path: str, offset: int) -> bool:
    """True when another process holds a POSIX record lock on byte *offset* of *path*.

    Asks by trying to take an exclusive lock there without waiting, and
    drops it at once. POSIX record locks belong to the process: closing any
    handle on the file drops all of this process's locks on it, so call
    this only on a file this process has not opened otherwise. False on
    Windows (which cannot delete a file another program holds open) and
    when the file cannot be opened.
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return False
    import fcntl
    import os

    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset, os.SEEK_SET)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset, os.SEEK_SET)
        return False
    finally:
        os.close(fd)
