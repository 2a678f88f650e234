"""A read-only folder that binds the tests too, even when they run as root.

Root writes past file modes through two Linux capabilities, CAP_DAC_OVERRIDE
and CAP_FOWNER, and reads past them through CAP_DAC_READ_SEARCH: in a
container or CI running as root, a folder made read-only with chmod would be
written all the same, and a test of "read-only" would prove nothing. So:

- `read_only(folder)` makes a folder and everything in it read-only, and
  gives the modes back afterwards (so that pytest can remove it);
- `unprivileged()` lowers those capabilities on the calling thread for the
  block (threads started inside, like the window's task runner, inherit
  that); they stay permitted, so they are raised again after it;
- `drop_for_child` is a `preexec_fn` that takes them from a subprocess for
  good (from its bounding set, which is what root's capabilities are
  recomputed from when it runs `bangtin`); `drop_for_good` also takes them
  from the calling process itself, for a child forked without an exec
  (tests/helpers/forkserver.py).

Without root, or off Linux, the last two change nothing: modes bind already.
"""

from __future__ import annotations

import ctypes
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER (linux/capability.h).
_CAPS = (1, 2, 3)
_PR_CAPBSET_DROP = 24
_CAP_VERSION_3 = 0x20080522


def _root_on_linux() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


class _Header(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Data(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _capabilities() -> tuple[_Header, ctypes.Array[_Data]]:
    header, data = _Header(_CAP_VERSION_3, 0), (_Data * 2)()
    if _libc().capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    return header, data


def _set_effective(mask: int) -> None:
    header, data = _capabilities()
    data[0].effective = mask
    if _libc().capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")


@contextmanager
def unprivileged() -> Iterator[None]:
    """Within the block this thread (and threads it starts) honours file modes, as root too."""
    if not _root_on_linux():
        yield
        return
    _header, data = _capabilities()
    saved = int(data[0].effective)
    lowered = saved
    for cap in _CAPS:
        lowered &= ~(1 << cap)
    _set_effective(lowered)
    try:
        yield
    finally:
        _set_effective(saved)


def drop_for_child() -> None:
    """`preexec_fn`: the child, and whatever it runs, honours file modes, as root too."""
    if not _root_on_linux():
        return
    libc = _libc()
    for cap in _CAPS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def drop_for_good() -> None:
    """In a forked child that runs `bangtin` without exec: the same as `drop_for_child`,
    and out of this process's own effective and permitted sets as well (they are
    recomputed from the bounding set only by an exec)."""
    if not _root_on_linux():
        return
    drop_for_child()
    header, data = _capabilities()
    for cap in _CAPS:
        for field in ("effective", "permitted", "inheritable"):
            setattr(data[0], field, getattr(data[0], field) & ~(1 << cap))
    if _libc().capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")


_READ_ONLY_FILE = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
_READ_ONLY_DIR = _READ_ONLY_FILE | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH


@contextmanager
def read_only(folder: Path, *, files_only: bool = False) -> Iterator[Path]:
    """*folder* and all in it read-only for the block (only its files with *files_only*)."""
    saved: list[tuple[Path, int]] = []
    paths = [folder, *folder.rglob("*")]
    # Files first, folders last and deepest first: a folder stays enterable
    # until what is inside it is done.
    for path in sorted(paths, key=lambda p: (p.is_dir(), -len(p.parts))):
        if path.is_symlink() or (files_only and path.is_dir()):
            continue
        saved.append((path, stat.S_IMODE(path.stat().st_mode)))
        path.chmod(_READ_ONLY_DIR if path.is_dir() else _READ_ONLY_FILE)
    try:
        yield folder
    finally:
        for path, mode in reversed(saved):
            path.chmod(mode)
