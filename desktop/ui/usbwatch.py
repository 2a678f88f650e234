"""Watching for removable drives: a newly plugged USB stick may carry bundles.

`mounted_volumes()` lists the drives a user could plug in; `VolumeWatcher`
polls it with a QTimer (every 3 s) and emits `volume_added(Volume)` for each
drive that was not there at the previous poll. Tests replace
`mounted_volumes` to fake a stick.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStorageInfo, QTimer, Signal

POLL_MS = 3000

# Pseudo and system file systems never hold a clerk's bundles.
_SYSTEM_FS = {
    "autofs",
    "binfmt_misc",
    "bpf",
    "cgroup",
    "cgroup2",
    "configfs",
    "debugfs",
    "devpts",
    "devtmpfs",
    "fusectl",
    "hugetlbfs",
    "mqueue",
    "nsfs",
    "overlay",
    "proc",
    "pstore",
    "ramfs",
    "securityfs",
    "squashfs",
    "sysfs",
    "tmpfs",
    "tracefs",
}
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


@dataclass(frozen=True, order=True)
class Volume:
    root: Path
    name: str


def _looks_removable(root: str, fs_type: str) -> bool:
    if fs_type in _SYSTEM_FS:
        return False
    if sys.platform.startswith("win"):
        # Every drive but the system one (C:) may be a stick.
        return not root.upper().startswith("C:")
    return root.startswith(_REMOVABLE_ROOTS)


def mounted_volumes() -> list[Volume]:
    """Mounted drives that look removable, ready and readable."""
    out: list[Volume] = []
    for info in QStorageInfo.mountedVolumes():
        if not (info.isValid() and info.isReady()) or info.isRoot():
            continue
        root = info.rootPath()
        fs_type = bytes(info.fileSystemType().data()).decode("ascii", "replace")
        if not _looks_removable(root, fs_type):
            continue
        out.append(Volume(Path(root), info.displayName() or Path(root).name))
    return out


class VolumeWatcher(QObject):
    """Polls the mounted drives; emits `volume_added(Volume)` for new ones."""

    volume_added = Signal(object)

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._known: set[Volume] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Take the drives present now as known, then poll."""
        self._known = set(_current())
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        current = set(_current())
        if self._known is None:
            self._known = current
            return
        added = sorted(current - self._known)
        self._known = current
        for volume in added:
            self.volume_added.emit(volume)


def _current() -> list[Volume]:
    # A global looked up at call time, so that tests can replace `mounted_volumes`.
    return list(mounted_volumes())
