"""A task runner that answers at once, on the calling thread (as Picard's FakeThreadPool).

It is `desktop.tasks.Runner` with the same supersede, drop-for-dead-owner
and changes-broadcast rules; only *when* work runs differs. A test can hold
requests (`holding = True`), then let them through in any order with
`release`, to play out answers that arrive late or out of order.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from db.archive import Archive
from desktop.tasks import Opener, Request, Runner, open_archive


class SyncRunner(Runner):
    """Runs every request as soon as it is made, unless the test holds them."""

    background = False

    def __init__(self, parent: QObject | None = None, *, opener: Opener = open_archive) -> None:
        super().__init__(parent, opener=opener)
        #: While True, requests wait in `held` instead of running.
        self.holding = False
        self.held: list[Request] = []

    @property
    def archive(self) -> Archive | None:
        """The open archive, for tests that read it directly."""
        return self._holder.archive

    def opened(self, data_dir: Path) -> SyncRunner:
        """Open *data_dir* at once (no owner waits for it); returns self."""
        self.open(self, data_dir)
        return self

    def release(self, request: Request) -> None:
        """Run a held request now and deliver its answer."""
        self.held.remove(request)
        self._deliver(self._execute(request))

    def _dispatch(self, request: Request) -> None:
        if self.holding:
            self.held.append(request)
        else:
            self._deliver(self._execute(request))
