"""Trust from the window: the trusted-keys dialog, the freshness line, and the import's offer.

`TrustController` owns three things:

- the status bar's freshness line, "Dữ liệu cập nhật đến ngày X (cách đây N
  ngày)", from the newest signed time the archive has seen, warning after
  the configured number of days (settings `trust/staleDays`, default 30):
  the defence against a stale stick that fits offices without internet;
- `TrustedKeysDialog` (desktop/ui/trustedkeys.py, loaded when first
  opened): the roots with their current signing keys, expiry dates and
  revocations, the keys trusted directly, "Thêm từ tệp…" and "Bỏ tin cậy";
- the offer "Tin cậy khóa này…" when an import is refused for an untrusted
  key or root, and a plain explanation when a bundle needs a root the
  office missed.

Nothing is trusted without the clerk confirming the fingerprint, shown in
groups of four beside the warning to compare it with the one printed on the
province's dispatch. Every question goes through desktop/ui/dialogs.py, so
tests answer them without modal waits.

Signals: `trusted(bool)` after a key or root was trusted (True) or the
clerk declined (False); `overview_shown()` when the dialog's list is filled;
`freshness_shown()` when the status bar's line is set.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from desktop.ops.changes import Changes
from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui import settings as prefs
from desktop.ui.statusroom import give_way_to_messages

if TYPE_CHECKING:
    from desktop.bundles.errors import BundleError
    from desktop.ops import trust as trustops
    from desktop.ui.importing import ImportController
    from desktop.ui.trustedkeys import TrustedKeysDialog

# The refusals after which the window offers to trust a key or root.
OFFER_CODES = ("untrusted_key", "untrusted_root", "root_needed")
# Item data: what "Bỏ tin cậy" removes (a key id, or a root's fingerprint).
IDENT_ROLE = Qt.ItemDataRole.UserRole


def _today() -> date:
    from db.validity import today

    return today()


def grouped(fingerprint: str) -> str:
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


class TrustController(QObject):
    """The freshness line, the trusted-keys dialog, and trusting from a refused import."""

    trusted = Signal(bool)
    overview_shown = Signal()
    freshness_shown = Signal()

    def __init__(
        self,
        window: QMainWindow,
        runner: Runner,
        importer: ImportController,
        *,
        settings: QSettings,
        today: Callable[[], date] = _today,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._importer = importer
        self._settings = settings
        self._today = today
        self._latest: datetime | None = None
        self._as_of: date | None = None
        self._known = False
        self.dialog: TrustedKeysDialog | None = None
        self.freshness_label = QLabel(window)
        self.freshness_label.setObjectName("freshnessLabel")
        window.statusBar().addPermanentWidget(self.freshness_label)
        give_way_to_messages(window.statusBar())
        importer.trust_offer = self.offer

    # -- the status bar ---------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        if changes.archive or changes.notices or changes.trust:
            self.reload()

    def reload(self) -> None:
        from desktop.ops import trust as trustops  # loaded once the archive is open

        self._runner.query(
            self, trustops.latest_signed_as_of, key="freshness", success=self._show_freshness
        )
        if self.dialog is not None and self.dialog.isVisible():
            self._load_overview()

    def _show_freshness(self, answer: tuple[datetime | None, date | None]) -> None:
        # The demo is reckoned on its own day, as its to-do list is (desktop/demoday.py).
        (self._latest, self._as_of), self._known = answer, True
        self.retranslate()
        self.freshness_shown.emit()

    def retranslate(self) -> None:
        """Set the freshness line (and the open dialog's words) in the language now installed."""
        if self.dialog is not None:
            self.dialog.retranslate()
        label = self.freshness_label
        if not self._known:
            label.setText("")
            return
        from desktop.ops import trust as trustops

        fresh = trustops.freshness(
            self._latest,
            self._as_of or self._today(),
            prefs.stale_days(self._settings),
            own_day=self._as_of is not None,
        )
        if fresh.day is None:
            label.setText(self.tr("Chưa có dữ liệu đã ký"))
            label.setToolTip("")
            label.setProperty("stale", False)
            return
        if not fresh.days:  # signed today (None only when there is no day)
            text = self.tr("Dữ liệu cập nhật đến ngày {day} (hôm nay)").format(
                day=fresh.day.strftime("%d/%m/%Y")
            )
        else:
            text = self.tr("Dữ liệu cập nhật đến ngày {day} (cách đây {days} ngày)").format(
                day=fresh.day.strftime("%d/%m/%Y"), days=fresh.days
            )
        label.setText(("⚠ " + text) if fresh.stale else text)
        label.setProperty("stale", fresh.stale)
        label.setToolTip(
            self.tr(
                "Đã lâu không có dữ liệu mới: hãy xin tỉnh gói dữ liệu mới nhất. Một USB cũ "
                "trông giống hệt một USB mới, chỉ ngày ký cho biết dữ liệu mới đến đâu."
            )
            if fresh.stale
            else ""
        )

    # -- the dialog -------------------------------------------------------------------------

    def show_dialog(self) -> None:
        """Menu → "Khóa tin cậy…": open the dialog and fill it.

        A dialog with a parent stays above the window, so it needs no raising.
        """
        if self.dialog is None:
            from desktop.ui.trustedkeys import TrustedKeysDialog

            self.dialog = TrustedKeysDialog(self, self._window)
        self.dialog.show()
        self._load_overview()

    def _load_overview(self) -> None:
        from desktop.ops import trust as trustops

        self._runner.query(
            self, trustops.trust_overview, key="trust-overview", success=self._show_overview
        )

    def _show_overview(self, overview: trustops.TrustOverview) -> None:
        if self.dialog is not None:
            self.dialog.show_overview(overview)
        self.overview_shown.emit()

    def add_from_file(self, then: Callable[[], None] | None = None) -> None:
        """Ask for a key file, read it off the GUI thread, then ask the clerk to confirm."""
        path = dialogs.choose_key_file(self._parent())
        if path is None:
            self.trusted.emit(False)
            return
        from desktop.ops import trust as trustops

        self._runner.files(
            self,
            lambda: trustops.read_trust_file(path),
            success=lambda found: self._confirm(found, then),
            failure=self._refused_file,
        )

    def _refused_file(self, exc: BaseException) -> None:
        from desktop.messages import describe

        dialogs.show_error(
            self._parent(), self.tr("Không tin cậy được khóa"), describe(exc, self._lang())
        )
        self.trusted.emit(False)

    def _confirm(self, found: trustops.TrustCandidate, then: Callable[[], None] | None) -> None:
        kind = self.tr("khóa gốc của tỉnh") if found.kind == "root" else self.tr("khóa ký")
        text = self.tr("Tin cậy {kind} «{name}»?\n\nDấu vân tay:\n{fingerprint}").format(
            kind=kind, name=found.name, fingerprint=grouped(found.fingerprint)
        )
        warning = self.tr(
            "Hãy so từng nhóm bốn ký tự với dấu vân tay in trên công văn của tỉnh. Chỉ bấm "
            "«Tin cậy» khi hai dãy giống hệt nhau: một khóa sai cho phép người lạ đưa văn "
            "bản giả vào kho dữ liệu."
        )
        if not dialogs.confirm_trust(self._parent(), self.tr("Tin cậy khóa"), text, warning):
            self.trusted.emit(False)
            return

        from desktop.ops import trust as trustops

        def done(added: bool) -> None:
            self.trusted.emit(True)
            if then is not None:
                then()

        self._runner.write(
            self,
            lambda archive: trustops.trust_candidate(archive, found),
            success=done,
            failure=self._refused_file,
        )

    def remove(self, ident: str, label: str) -> None:
        question = self.tr("Bỏ tin cậy «{label}»? Gói dữ liệu ký bằng khóa này sẽ bị từ chối.")
        if not dialogs.confirm_untrust(
            self._parent(), self.tr("Bỏ tin cậy"), question.format(label=label)
        ):
            return
        from desktop.ops import trust as trustops

        self._runner.write(self, lambda archive: trustops.remove_trusted(archive, ident))

    # -- a refused import -------------------------------------------------------------------

    def offer(self, exc: BundleError, path: Path) -> bool:
        """Called by the importer for every refusal; True when this controller answered it."""
        if exc.code not in OFFER_CODES:
            return False
        text = exc.message(self._lang())
        if exc.code == "root_needed":
            offer = self.tr("Tin cậy khóa gốc mới…")
            text += "\n\n" + self.tr(
                "Nói đơn giản: tỉnh đã thay khóa gốc sau lần cuối văn phòng nhận dữ liệu, và "
                "gói này không mang theo giấy chuyển giao từ khóa cũ. Văn phòng cần khóa gốc "
                "mới (tệp root.pub trên công văn của tỉnh) hoặc một gói dữ liệu mới hơn."
            )
        else:
            offer = self.tr("Tin cậy khóa này…")
        if exc.code == "untrusted_key":
            # The core's sentence sends the clerk to «bangtin trust add»; here the
            # window's own button does it.
            text = self.tr(
                "Gói dữ liệu được ký bằng khóa {key_id}, khóa này chưa được tin cậy. Nếu đó "
                "đúng là khóa của đơn vị phát hành (đối chiếu mã khóa với công văn của tỉnh), "
                "hãy bấm «Tin cậy khóa này…» và chọn tệp khóa công khai (.pub) của đơn vị đó."
            ).format(key_id=exc.params.get("key_id", ""))
        title = self.tr("Không nhập được gói dữ liệu")
        detail = self.tr("Tệp: {name}. Kho dữ liệu không thay đổi.").format(name=path.name)
        if dialogs.offer_trust(self._parent(), title, text, detail, offer):
            self.add_from_file(then=lambda: self._importer.import_files([path]))
        return True

    def _parent(self) -> QWidget:
        return self.dialog if self.dialog is not None and self.dialog.isVisible() else self._window

    def _lang(self) -> str:
        lang = getattr(self._window, "lang", "vi")
        return lang if isinstance(lang, str) else "vi"
