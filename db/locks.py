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
