"""Receipts in the window: the office's identity, writing receipts, the province's view.

At an office: Tệp → "Thông tin đơn vị…" (make or show the identity),
Tệp → "Xuất báo nhận…" (write a receipt anywhere), an offer to write one
onto the USB stick an import came from, the acknowledgements on a plugged
stick read on the way, and a status-bar label: when the last receipt was
written and how many events no receipt has carried yet. At the province
(an archive with enrolled offices): Xem → "Tình hình tiếp nhận…".

`install_receipts(window)` builds it and places its actions; the window
needs `runner`, `file_menu`, `view_menu`, `statusBar()`, `data_dir`, `lang`,
`importer` (its `imported` and `idle` signals) and `volume_watcher`.

Signals: `status_ready()` after the label was updated; `receipt_written(result)`;
`tracking_ready()` when the view shows its report; `status(text)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ops.changes import Changes
from desktop.render import dates
from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui.actions import RECEIPT_ACTIONS, build_actions, retranslate_actions
from desktop.ui.usbwatch import Volume

if TYPE_CHECKING:
    # Loaded when first used: receipts, their dialogs and the tracking view
    # are not part of the window's first screen.
    from desktop.ops import receipts
    from desktop.ui.trackingview import TrackingDialog

log = logging.getLogger(__name__)


class ReceiptController(QObject):
    """Owns the receipt actions, the status label and the tracking view."""

    status_ready = Signal()
    receipt_written = Signal(object)
    tracking_ready = Signal()
    status = Signal(str)

    def __init__(self, window: QWidget, runner: Runner, lang: Callable[[], str]) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._lang = lang
        self.state: receipts.ReceiptStatus | None = None
        self.enrolled = False
        self._volume: Volume | None = None
        self._imported = False
        self.tracking: TrackingDialog | None = None
        self.label = QLabel(window)
        self.label.setObjectName("receiptLabel")
        self.label.hide()
        self.actions = build_actions(self, window, RECEIPT_ACTIONS)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        retranslate_actions(self.actions, RECEIPT_ACTIONS)
        self._show_state()

    # -- keeping the label and the actions current -----------------------------------------

    def refresh(self) -> None:
        from desktop.ops import receipts

        def read(archive: Any) -> tuple[receipts.ReceiptStatus, bool]:
            return receipts.receipt_status(archive), receipts.has_enrolled(archive)

        self._runner.query(self, read, key="receipt-status", success=self._on_state)

    def apply_changes(self, changes: Changes) -> None:
        if changes:
            self.refresh()

    def _on_state(self, found: tuple[receipts.ReceiptStatus, bool]) -> None:
        self.state, self.enrolled = found
        self._show_state()
        self.status_ready.emit()

    def _show_state(self) -> None:
        state = self.state
        self.actions["trackingAction"].setVisible(self.enrolled)
        self.actions["trackingAction"].setEnabled(self.enrolled)
        if state is None or state.office is None:
            self.label.hide()
            return
        if state.last_written is None:
            text = self.tr("Chưa ghi báo nhận; {n} sự kiện chưa báo").format(n=state.untold)
        else:
            text = self.tr("Báo nhận gần nhất: {when}; {n} sự kiện chưa báo").format(
                when=dates.date_time(state.last_written, self._lang()), n=state.untold
            )
        self.label.setText(text)
        self.label.show()

    # -- the office's identity ----------------------------------------------------------------

    def office_info(self) -> None:
        """Tệp → "Thông tin đơn vị…": show the identity, or make one."""
        from desktop.ops import receipts
        from desktop.ui import receiptdialogs

        state = self.state
        if state is not None and state.office is not None:
            office = state.office
            dialogs.show_info(
                self._window,
                self.tr("Thông tin đơn vị"),
                self.tr("{name} ({code})").format(name=office.name, code=office.code),
                self.tr("Khóa ký báo nhận: {key_id}\nTệp khóa: {path}").format(
                    key_id=office.key_id, path=office.key_path or ""
                ),
            )
            return
        data_dir = getattr(self._window, "data_dir", Path.home())
        answer = receiptdialogs.ask_office_identity(self._window, Path(data_dir) / "khoa-don-vi")
        if answer is None:
            return
        self._runner.write(
            self,
            lambda archive: receipts.init_office(
                archive, answer.name, answer.code, answer.key_folder
            ),
            success=lambda office: self._on_identity(office, answer.key_folder),
            failure=self._on_failure,
        )

    def _on_identity(self, office: Any, folder: Path) -> None:
        from desktop.receipts.builder import PUBLIC_NAME

        dialogs.show_info(
            self._window,
            self.tr("Thông tin đơn vị"),
            self.tr("Đã ghi thông tin đơn vị {name} ({code}).").format(
                name=office.name, code=office.code
            ),
            self.tr("Gửi tệp {path} cho tỉnh để tỉnh nhận báo nhận của đơn vị.").format(
                path=folder / PUBLIC_NAME
            ),
        )

    # -- writing receipts -----------------------------------------------------------------------

    def export_receipt(self) -> None:
        """Tệp → "Xuất báo nhận…": write a receipt where the clerk chooses."""
        from desktop.ops import receipts
        from desktop.ui import receiptdialogs

        if not self._has_identity():
            return
        assert self.state is not None
        suggested = Path.home() / receipts.receipt_file_name(self.state)
        path = receiptdialogs.choose_receipt_path(self._window, suggested)
        if path is not None:
            self.write_to(path)

    def write_to(self, path: Path) -> None:
        from desktop.ops import receipts

        self._runner.write(
            self,
            lambda archive: receipts.write_receipt(archive, path),
            success=self._on_written,
            failure=self._on_failure,
        )

    def _has_identity(self) -> bool:
        if self.state is None or self.state.office is None:
            dialogs.show_error(
                self._window,
                self.tr("Báo nhận"),
                self.tr("Đơn vị chưa có thông tin; hãy vào Tệp → Thông tin đơn vị… trước."),
            )
            return False
        return True

    def _on_written(self, result: Any) -> None:
        self.receipt_written.emit(result)
        dialogs.show_info(
            self._window,
            self.tr("Báo nhận"),
            self.tr("Đã ghi báo nhận số {sequence} vào {path}.").format(
                sequence=result.sequence, path=result.path
            ),
            self.tr("{events} sự kiện, {bundles} gói dữ liệu, {reports} báo cáo.").format(
                events=result.events + result.opened,
                bundles=result.bundles,
                reports=result.reports,
            ),
        )

    def _on_failure(self, exc: BaseException) -> None:
        from desktop.messages import describe, text
        from desktop.ops.receipts import OfficeError

        if isinstance(exc, OfficeError):
            sentence = text(exc.code, self._lang(), **exc.params)
        else:
            sentence = describe(exc, self._lang())
        dialogs.show_error(self._window, self.tr("Báo nhận"), sentence)

    # -- the USB stick --------------------------------------------------------------------------

    def on_volume(self, volume: Volume) -> None:
        """A stick was plugged in: read the province's acknowledgements on it, remember it."""
        from desktop.ops import receipts

        self._volume, self._imported = volume, False
        self._runner.write(
            self, lambda archive: receipts.read_acks_on(archive, volume.root), success=self._on_acks
        )

    def _on_acks(self, results: list[Any]) -> None:
        done = [r for r in results if r.status == "acknowledged"]
        if done:
            self.status.emit(
                self.tr("Tỉnh đã xác nhận báo nhận số {sequence}.").format(
                    sequence=max(r.sequence for r in done)
                )
            )

    def on_imported(self, result: Any) -> None:
        if getattr(result, "status", None) == "imported":
            self._imported = True

    def on_import_idle(self) -> None:
        """The imports from a stick are done: offer to write a receipt onto it."""
        from desktop.ops import receipts
        from desktop.ui import receiptdialogs

        volume, imported = self._volume, self._imported
        self._volume, self._imported = None, False
        state = self.state
        if volume is None or not imported or state is None or state.office is None:
            return
        if receiptdialogs.offer_receipt(self._window, volume.name):
            self.write_to(volume.root / receipts.receipt_file_name(state))

    # -- the province's view --------------------------------------------------------------------

    def show_tracking(self) -> None:
        """Xem → "Tình hình tiếp nhận…"."""
        from desktop.ops import receipts
        from desktop.ui.trackingview import TrackingDialog

        if self.tracking is None:
            self.tracking = TrackingDialog(self._lang, self._window)
        self.tracking.show()
        self._runner.query(
            self,
            receipts.tracking_report,
            key="tracking",
            success=self._on_tracking,
            failure=self._on_failure,
        )

    def _on_tracking(self, report: receipts.TrackingReport) -> None:
        if self.tracking is not None:
            self.tracking.show_report(report)
            self.tracking_ready.emit()


def install_receipts(window: Any) -> ReceiptController:
    """Give *window* its receipt actions, label and stick handling (see the module)."""
    controller = ReceiptController(window, window.runner, lambda: window.lang)
    file_menu, view_menu = window.file_menu, window.view_menu
    quit_action = window.action("quitAction")
    file_menu.insertSeparator(quit_action)
    for name in ("officeInfoAction", "exportReceiptAction"):
        file_menu.insertAction(quit_action, controller.actions[name])
    file_menu.insertSeparator(quit_action)
    view_menu.addAction(controller.actions["trackingAction"])
    window.statusBar().addPermanentWidget(controller.label)
    window.runner.changes_made.connect(controller.apply_changes)
    window.importer.imported.connect(controller.on_imported)
    window.importer.idle.connect(controller.on_import_idle)
    window.volume_watcher.volume_added.connect(controller.on_volume)
    controller.status.connect(window.show_status)
    controller.retranslate()
    return controller
