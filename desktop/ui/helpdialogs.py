"""The Help menu: the clerk's guide, the keyboard shortcuts, and "Giới thiệu Bảng Tin".

The guide is an HTML page shipped in resources/help (guide_vi.html, and
guide_en.html in English), read offline and shown inside the program. The
shortcuts are read from the action tables (desktop/ui/actions.py), so the
list never goes stale. "Giới thiệu" shows the version, the archive's folder
and size (measured on the runner's files thread) and the publishers whose
keys the office trusts (read on the database thread), and where the log
file of warnings and errors is (desktop/logfile.py).

Each dialog is modeless and kept on the controller (`guide`, `shortcuts`,
`about`) so that tests read it without clicking.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDir, QObject, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import app_version
from desktop.paths import log_file, resources_dir
from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui.actions import CONTEXT, PRINT_ACTIONS, WINDOW_ACTIONS, ActionSpec, key_sequences

if TYPE_CHECKING:
    from desktop.ops.about import TrustedPublisher


def guide_path(lang: str) -> Path:
    """The guide's page in *lang* (Vietnamese when there is none in it)."""
    folder = resources_dir() / "help"
    wanted = folder / f"guide_{lang}.html"
    return wanted if wanted.is_file() else folder / "guide_vi.html"


def shortcut_rows(specs: Sequence[ActionSpec]) -> list[tuple[str, str]]:
    """(what, keys) for every action of *specs* that has a shortcut, in table order."""
    rows: list[tuple[str, str]] = []
    for spec in specs:
        keys = key_sequences(spec)
        if not keys:
            continue
        what = QCoreApplication.translate(CONTEXT, spec.text).replace("&", "")
        shown = ", ".join(
            dict.fromkeys(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        )
        rows.append((what.rstrip("…"), shown))
    return rows


class HelpDialog(QDialog):
    """A page of help in a browser that opens web links outside and keeps the rest in."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            dialogs.open_url(url)
        elif url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())


class HelpController(QObject):
    """Opens the help dialogs for one window."""

    def __init__(
        self,
        runner: Runner,
        window: QWidget,
        *,
        lang: Callable[[], str],
        archive_dir: Callable[[], Path | None],
    ) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._lang = lang
        self._archive_dir = archive_dir
        self.guide: HelpDialog | None = None
        self.shortcuts: HelpDialog | None = None
        self.about: HelpDialog | None = None
        self._size: int | None = None
        self._trusted: tuple[TrustedPublisher, ...] | None = None

    def _dialog(self, current: HelpDialog | None, name: str) -> HelpDialog:
        if current is None:
            current = HelpDialog(self._window, name)
        return current

    def show_guide(self) -> None:
        """F1: the clerk's guide, in the window's language."""
        self.guide = self._dialog(self.guide, "guideDialog")
        path = guide_path(self._lang())
        self.guide.setWindowTitle(self.tr("Hướng dẫn sử dụng Bảng Tin"))
        self.guide.browser.setSearchPaths([str(path.parent)])
        self.guide.browser.setHtml(path.read_text(encoding="utf-8"))
        self.guide.show()
        self.guide.activateWindow()

    def show_shortcuts(self) -> None:
        """Every shortcut of the window, read from the action tables."""
        self.shortcuts = self._dialog(self.shortcuts, "shortcutsDialog")
        self.shortcuts.setWindowTitle(self.tr("Phím tắt"))
        rows = shortcut_rows(WINDOW_ACTIONS + PRINT_ACTIONS)
        rows += [
            (self.tr("Văn bản chưa đọc kế tiếp, ở cuối văn bản"), self.tr("Phím cách")),
            (self.tr("Mở văn bản đang chọn trong danh sách"), "Enter"),
            (self.tr("Thoát tìm kiếm, đóng thanh tìm trong văn bản"), "Esc"),
        ]
        body = "".join(
            f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
            for what, keys in rows
        )
        heading = html.escape(self.tr("Phím tắt"))
        self.shortcuts.browser.setHtml(
            f'<h2>{heading}</h2><table cellpadding="4" cellspacing="0">{body}</table>'
        )
        self.shortcuts.show()
        self.shortcuts.activateWindow()

    def show_about(self) -> None:
        """Version, the archive's folder and size, and the trusted publishers."""
        self.about = self._dialog(self.about, "aboutDialog")
        self.about.setWindowTitle(self.tr("Giới thiệu Bảng Tin"))
        self.about.resize(560, 420)
        self._size, self._trusted = None, None
        self._fill_about()
        folder = self._archive_dir()
        if folder is not None:
            from desktop.ops import about  # not before the window's first paint

            self._runner.files(
                self, lambda: about.folder_size(folder), key="about-size", success=self._on_size
            )
            self._runner.query(self, about.trusted, key="about-trusted", success=self._on_trusted)
        self.about.show()
        self.about.activateWindow()

    def _on_size(self, size: int) -> None:
        self._size = size
        self._fill_about()

    def _on_trusted(self, trusted: tuple[TrustedPublisher, ...]) -> None:
        self._trusted = trusted
        self._fill_about()

    def _fill_about(self) -> None:
        if self.about is None:
            return
        # Here, not at the top: the article renderer loads Markdown, which the
        # window keeps off its start.
        from desktop.render.article import human_size

        esc = html.escape
        folder = self._archive_dir()
        waiting = self.tr("đang tính…")
        none = self.tr("Chưa tin cậy khóa nào.")
        blurb = self.tr("Đọc và lưu trữ văn bản, thông báo của cơ quan nhà nước, không cần mạng.")
        words = [
            self.tr("Kho dữ liệu:"),
            self.tr("Dung lượng:"),
            self.tr("Nơi phát hành được tin cậy:"),
            self.tr("Tệp nhật ký (cảnh báo và lỗi):"),
        ]
        archive_word, size_word, trusted_word, log_word = (esc(word) for word in words)
        log_path = QDir.toNativeSeparators(str(log_file()))
        size = waiting if self._size is None else human_size(self._size, self._lang())
        if self._trusted is None:
            trusted = f"<p>{esc(waiting)}</p>"
        elif not self._trusted:
            trusted = f"<p>{esc(none)}</p>"
        else:
            items = "".join(
                f"<li>{esc(t.name)}<br><small>{esc(_grouped(t.key_id))}</small></li>"
                for t in self._trusted
            )
            trusted = f"<ul>{items}</ul>"
        self.about.browser.setHtml(
            f"<h2>Bảng Tin {esc(app_version())}</h2><p>{esc(blurb)}</p>"
            f"<p><b>{archive_word}</b> {esc(str(folder or '—'))}<br>"
            f"<b>{size_word}</b> {esc(size)}</p>"
            f"<p><b>{trusted_word}</b></p>{trusted}"
            f"<p><b>{log_word}</b> {esc(log_path)}</p>"
        )


def _grouped(key_id: str) -> str:
    """A fingerprint in groups of four, as it is printed on the province's dispatch."""
    return " ".join(key_id[i : i + 4] for i in range(0, len(key_id), 4))
