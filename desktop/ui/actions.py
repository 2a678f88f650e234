"""Every action of the window, declared once: name, text, tooltip, shortcuts, icon, slot.

`WINDOW_ACTIONS` are the window's own; `PRINT_ACTIONS` belong to its print
actions (desktop/ui/printactions.py), `OFFICE_ACTIONS` to its office views
(desktop/ui/office.py), `RECEIPT_ACTIONS` to its receipts
(desktop/ui/receipting.py), `BACKUP_ACTIONS` to its backups
(desktop/ui/backingup.py). `build_actions` makes the QActions of
a table and connects each to its slot, a dotted path from the object that
owns them ("reader.go_back"); `retranslate_actions` sets their texts again
from the same table when the language changes. Windows and menus only
place actions; nothing else sets their text.

Texts are Vietnamese sources, marked for lupdate in the context "Actions".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.ui import icons

CONTEXT = "Actions"

Shortcut = str | QKeySequence.StandardKey


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for lupdate under *context*; it is translated when shown."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    """One action. `slot` is a dotted path from the owner, called with `argument` if set.

    `icon` names one of our icons (desktop/ui/icons.py), `theme_icon` one of
    the desktop's. Actions with the same `group` exclude each other. A
    checkable action with `checked_text` says it while checked ("Bỏ lưu").
    """

    name: str
    text: str
    slot: str
    tooltip: str = ""
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str = ""
    theme_icon: str = ""
    checkable: bool = False
    enabled: bool = True
    group: str = ""
    argument: str | int | None = None
    checked_text: str = ""


WINDOW_ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "importAction",
        QT_TRANSLATE_NOOP("Actions", "Nhập gói dữ liệu…"),
        "importer.choose_and_import",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Nhập gói dữ liệu (.bangtin) từ tệp (Ctrl+O)"),
        shortcuts=(QKeySequence.StandardKey.Open,),
        icon="import",
    ),
    ActionSpec(
        "demoAction", QT_TRANSLATE_NOOP("Actions", "Mở kho dữ liệu mẫu"), "opener.open_demo"
    ),
    ActionSpec(
        "officeAction",
        QT_TRANSLATE_NOOP("Actions", "Mở kho dữ liệu của đơn vị"),
        "opener.open_office",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Rời kho dữ liệu mẫu, về kho dữ liệu của đơn vị"),
        enabled=False,
    ),
    ActionSpec(
        "trustedKeysAction",
        QT_TRANSLATE_NOOP("Actions", "Khóa tin cậy…"),
        "trust.show_dialog",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Khóa gốc của tỉnh, khóa ký, hạn ủy quyền và khóa bị thu hồi"
        ),
    ),
    ActionSpec(
        "settingsAction",
        QT_TRANSLATE_NOOP("Actions", "Cài đặt…"),
        "sharing.show_dialog",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Kho dữ liệu dùng chung trên máy chủ, và các cài đặt khác"
        ),
        theme_icon="preferences-system",
    ),
    ActionSpec("quitAction", QT_TRANSLATE_NOOP("Actions", "Thoát"), "close", shortcuts=("Ctrl+Q",)),
    # View: history, text size, panes
    ActionSpec(
        "backAction",
        QT_TRANSLATE_NOOP("Actions", "Quay lại"),
        "reader.go_back",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Quay lại văn bản trước (Alt+←)"),
        shortcuts=("Alt+Left",),
        icon="back",
        enabled=False,
    ),
    ActionSpec(
        "forwardAction",
        QT_TRANSLATE_NOOP("Actions", "Tiến tới"),
        "reader.go_forward",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Tiến tới văn bản sau (Alt+→)"),
        shortcuts=("Alt+Right",),
        icon="forward",
        enabled=False,
    ),
    ActionSpec(
        "zoomInAction",
        QT_TRANSLATE_NOOP("Actions", "Phóng to chữ"),
        "article.zoom_bar.zoom_in",
        shortcuts=("Ctrl+=", "Ctrl++"),
        icon="zoom-in",
    ),
    ActionSpec(
        "zoomOutAction",
        QT_TRANSLATE_NOOP("Actions", "Thu nhỏ chữ"),
        "article.zoom_bar.zoom_out",
        shortcuts=("Ctrl+-",),
        icon="zoom-out",
    ),
    ActionSpec(
        "zoomResetAction",
        QT_TRANSLATE_NOOP("Actions", "Cỡ chữ mặc định"),
        "article.zoom_bar.reset",
        shortcuts=("Ctrl+0",),
    ),
    ActionSpec(
        "nextPaneAction",
        QT_TRANSLATE_NOOP("Actions", "Chuyển sang khung kế tiếp"),
        "cycle_panes",
        shortcuts=("F6",),
        argument=1,
    ),
    ActionSpec(
        "prevPaneAction",
        QT_TRANSLATE_NOOP("Actions", "Chuyển sang khung trước"),
        "cycle_panes",
        shortcuts=("Shift+F6",),
        argument=-1,
    ),
    ActionSpec(
        "refreshAction",
        QT_TRANSLATE_NOOP("Actions", "Làm mới"),
        "refresh",
        shortcuts=(QKeySequence.StandardKey.Refresh,),
    ),
    # Notice
    # "Lưu", not "Đánh dấu": a bookmark must not read like "Đánh dấu đã đọc".
    ActionSpec(
        "bookmarkAction",
        QT_TRANSLATE_NOOP("Actions", "Lưu"),
        "reader.toggle_bookmark",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Lưu văn bản này vào mục «Đã lưu» để đọc lại, hoặc bỏ lưu (Ctrl+D)"
        ),
        shortcuts=("Ctrl+D",),
        icon="bookmark",
        checkable=True,
        enabled=False,
        checked_text=QT_TRANSLATE_NOOP("Actions", "Bỏ lưu"),
    ),
    ActionSpec(
        "nextUnreadAction",
        QT_TRANSLATE_NOOP("Actions", "Văn bản chưa đọc kế tiếp"),
        "marking.next_unread",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Mở văn bản chưa đọc kế tiếp trong danh sách (N)"),
        shortcuts=("N",),
    ),
    ActionSpec(
        "markUnreadAction",
        QT_TRANSLATE_NOOP("Actions", "Đánh dấu chưa đọc"),
        "marking.mark_unread",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Đánh dấu các văn bản đã chọn (hoặc văn bản đang mở) là chưa đọc (Ctrl+U)"
        ),
        shortcuts=("Ctrl+U",),
    ),
    ActionSpec(
        "markAllReadAction",
        QT_TRANSLATE_NOOP("Actions", "Đánh dấu đã đọc tất cả"),
        "overview.mark_all_read",
        shortcuts=("Ctrl+Shift+R",),
        icon="mark-read",
    ),
    # The archive's search is Ctrl+K; Ctrl+F finds in the open article, as in
    # Kiwix and Calibre.
    ActionSpec(
        "searchAction",
        QT_TRANSLATE_NOOP("Actions", "Tìm trong kho dữ liệu…"),
        "search.focus",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Tìm văn bản trong kho dữ liệu (Ctrl+K)"),
        shortcuts=("Ctrl+K",),
    ),
    ActionSpec(
        "findAction",
        QT_TRANSLATE_NOOP("Actions", "Tìm trong văn bản này…"),
        "article.find_bar.open",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Tìm chữ trong văn bản đang mở (Ctrl+F)"),
        shortcuts=(QKeySequence.StandardKey.Find,),
    ),
    ActionSpec(
        "findNextAction",
        QT_TRANSLATE_NOOP("Actions", "Tìm tiếp"),
        "article.find_bar.find_next",
        shortcuts=(QKeySequence.StandardKey.FindNext,),
    ),
    ActionSpec(
        "findPreviousAction",
        QT_TRANSLATE_NOOP("Actions", "Tìm ngược lại"),
        "article.find_bar.find_previous",
        shortcuts=(QKeySequence.StandardKey.FindPrevious,),
    ),
    # Esc is taken only while there is a search to leave, so it still closes
    # menus and dialogs the rest of the time.
    ActionSpec(
        "leaveSearchAction",
        QT_TRANSLATE_NOOP("Actions", "Thoát tìm kiếm"),
        "search.leave",
        shortcuts=("Esc",),
        enabled=False,
    ),
    ActionSpec(
        "printResultsAction",
        QT_TRANSLATE_NOOP("Actions", "In tất cả kết quả tìm kiếm…"),
        "search.print_results",
        enabled=False,
    ),
    ActionSpec(
        "exportResultsPdfAction",
        QT_TRANSLATE_NOOP("Actions", "Xuất PDF tất cả kết quả tìm kiếm…"),
        "search.export_results",
        enabled=False,
    ),
    ActionSpec(
        "printResultsIndexAction",
        QT_TRANSLATE_NOOP("Actions", "In danh mục kết quả tìm kiếm…"),
        "search.print_results_index",
        enabled=False,
    ),
    # Help
    ActionSpec(
        "guideAction",
        QT_TRANSLATE_NOOP("Actions", "Hướng dẫn sử dụng"),
        "help.show_guide",
        shortcuts=(QKeySequence.StandardKey.HelpContents,),
        theme_icon="help-contents",
    ),
    ActionSpec(
        "shortcutsAction",
        QT_TRANSLATE_NOOP("Actions", "Phím tắt"),
        "help.show_shortcuts",
    ),
    ActionSpec(
        "aboutAction",
        QT_TRANSLATE_NOOP("Actions", "Giới thiệu Bảng Tin"),
        "help.show_about",
        theme_icon="help-about",
    ),
    # Language: each name in its own language.
    ActionSpec(
        "languageViAction",
        QT_TRANSLATE_NOOP("Actions", "Tiếng Việt"),
        "set_language",
        checkable=True,
        group="language",
        argument="vi",
    ),
    ActionSpec(
        "languageEnAction",
        QT_TRANSLATE_NOOP("Actions", "English"),
        "set_language",
        checkable=True,
        group="language",
        argument="en",
    ),
)

# The actions that show whether there is a search whose results to print.
RESULT_ACTIONS = ("printResultsAction", "exportResultsPdfAction", "printResultsIndexAction")

PRINT_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "printAction",
        QT_TRANSLATE_NOOP("Actions", "In…"),
        "print_current",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Xem trước và in văn bản này (Ctrl+P)"),
        shortcuts=(QKeySequence.StandardKey.Print,),
        theme_icon="document-print",
    ),
    ActionSpec(
        "exportPdfAction",
        QT_TRANSLATE_NOOP("Actions", "Xuất PDF…"),
        "export_current",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Lưu văn bản này thành tệp PDF"),
        theme_icon="application-pdf",
    ),
    ActionSpec(
        "printSelectionAction",
        QT_TRANSLATE_NOOP("Actions", "In các văn bản đã chọn…"),
        "print_selection",
    ),
    ActionSpec(
        "exportSelectionPdfAction",
        QT_TRANSLATE_NOOP("Actions", "Xuất PDF các văn bản đã chọn…"),
        "export_selection",
    ),
    ActionSpec(
        "printIndexAction",
        QT_TRANSLATE_NOOP("Actions", "In danh mục các văn bản đã chọn…"),
        "print_index",
    ),
    ActionSpec(
        "exportIndexPdfAction",
        QT_TRANSLATE_NOOP("Actions", "Xuất PDF danh mục các văn bản đã chọn…"),
        "export_index",
    ),
)


OFFICE_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "readerViewAction",
        QT_TRANSLATE_NOOP("Actions", "Đọc văn bản"),
        "show_reader",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Danh sách và nội dung văn bản (Ctrl+1)"),
        shortcuts=("Ctrl+1",),
        checkable=True,
        group="officeView",
    ),
    ActionSpec(
        "registerViewAction",
        QT_TRANSLATE_NOOP("Actions", "Sổ văn bản đến"),
        "show_register",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Sổ đăng ký văn bản đến (Ctrl+2)"),
        shortcuts=("Ctrl+2",),
        checkable=True,
        group="officeView",
    ),
    ActionSpec(
        "todoViewAction",
        QT_TRANSLATE_NOOP("Actions", "Việc cần làm"),
        "show_todo",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Văn bản có hạn xử lý chưa hoàn thành (Ctrl+3)"),
        shortcuts=("Ctrl+3",),
        checkable=True,
        group="officeView",
    ),
    ActionSpec(
        "relationsViewAction",
        QT_TRANSLATE_NOOP("Actions", "Lược đồ văn bản"),
        "show_relations",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Văn bản căn cứ, sửa đổi, thay thế, bãi bỏ của văn bản đang xem"
        ),
    ),
    ActionSpec(
        "printRegisterAction",
        QT_TRANSLATE_NOOP("Actions", "In sổ…"),
        "print_register",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Xem trước và in sổ văn bản đến của năm đang chọn (A4 ngang)"
        ),
        theme_icon="document-print",
    ),
    ActionSpec(
        "exportRegisterAction",
        QT_TRANSLATE_NOOP("Actions", "Xuất Excel…"),
        "export_register",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Lưu sổ văn bản đến của năm đang chọn thành tệp Excel (.xlsx)"
        ),
        theme_icon="x-office-spreadsheet",
    ),
    ActionSpec(
        "todoDoneAction",
        QT_TRANSLATE_NOOP("Actions", "Đã hoàn thành"),
        "mark_todo_done",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Ghi “Hoàn thành” vào sổ cho văn bản đang chọn, bỏ nó khỏi danh sách"
        ),
    ),
)

# Where the office views' actions go in the "Xem" menu (before "Ngôn ngữ").
OFFICE_VIEW_MENU = (
    "readerViewAction",
    "registerViewAction",
    "todoViewAction",
    "relationsViewAction",
    "-",
)

RECEIPT_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "officeInfoAction",
        QT_TRANSLATE_NOOP("Actions", "Thông tin đơn vị…"),
        "office_info",
        tooltip=QT_TRANSLATE_NOOP("Actions", "Tên, mã định danh và khóa ký báo nhận của đơn vị"),
    ),
    ActionSpec(
        "exportReceiptAction",
        QT_TRANSLATE_NOOP("Actions", "Xuất báo nhận…"),
        "export_receipt",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Ghi báo nhận gửi tỉnh: đã nhận, vào sổ, xử lý những văn bản nào"
        ),
    ),
    ActionSpec(
        "trackingAction",
        QT_TRANSLATE_NOOP("Actions", "Tình hình tiếp nhận…"),
        "show_tracking",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions", "Các đơn vị đã nhận, vào sổ, xử lý văn bản nào (theo báo nhận)"
        ),
        enabled=False,
    ),
)

BACKUP_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "backupAction",
        QT_TRANSLATE_NOOP("Actions", "Sao lưu kho dữ liệu"),
        "back_up",
        tooltip=QT_TRANSLATE_NOOP(
            "Actions",
            "Lưu một bản sao đã kiểm tra của kho dữ liệu vào thư mục sao lưu; "
            "các bản sao lưu cũ nhất được xóa bớt",
        ),
        enabled=False,
    ),
)


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The spec's shortcuts as key sequences (a standard key may stand for several)."""
    out: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            out.extend(QKeySequence.keyBindings(shortcut))
        else:
            out.append(QKeySequence(shortcut))
    return out


def _slot(owner: QObject, spec: ActionSpec) -> Callable[[], object]:
    """The slot, looked up when the action is triggered, not when it is made: what the
    window builds on first use (the find bar, the help) is not built for its action."""
    find, argument = attrgetter(spec.slot), spec.argument

    def call() -> object:
        target: Callable[..., object] = find(owner)
        return target() if argument is None else target(argument)

    return call


def build_actions(owner: QObject, host: QWidget, specs: Iterable[ActionSpec]) -> dict[str, QAction]:
    """Make the QActions of *specs* on *host* (shortcuts work anywhere in its window).

    Each is connected to its slot on *owner*; returns them by object name.
    """
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        action = QAction(host)
        action.setObjectName(spec.name)
        action.setShortcuts(key_sequences(spec))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if spec.icon:
            action.setIcon(icons.icon(spec.icon))
        elif spec.theme_icon:
            action.setIcon(QIcon.fromTheme(spec.theme_icon))
        action.setCheckable(spec.checkable)
        action.setEnabled(spec.enabled)
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(host)).addAction(action)
        slot = _slot(owner, spec)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        if spec.checked_text:
            action.toggled.connect(lambda _on, a=action, s=spec: _set_text(a, s))
        host.addAction(action)
        actions[spec.name] = action
    retranslate_actions(actions, specs)
    return actions


def retranslate_actions(actions: Mapping[str, QAction], specs: Iterable[ActionSpec]) -> None:
    """Set each action's text and tooltip in the language now installed."""
    for spec in specs:
        action = actions[spec.name]
        _set_text(action, spec)
        if spec.tooltip:
            action.setToolTip(QCoreApplication.translate(CONTEXT, spec.tooltip))


def _set_text(action: QAction, spec: ActionSpec) -> None:
    text = spec.checked_text if spec.checked_text and action.isChecked() else spec.text
    action.setText(QCoreApplication.translate(CONTEXT, text))


# -- where the window puts them ("-": a separator) ------------------------------------------

FILE_MENU = (
    "importAction",
    "demoAction",
    "officeAction",
    "-",
    "trustedKeysAction",
    "settingsAction",
    "-",
    "quitAction",
)
NOTICE_MENU = (
    "searchAction",
    "findAction",
    "findNextAction",
    "findPreviousAction",
    "-",
    "nextUnreadAction",
    "markUnreadAction",
    "bookmarkAction",
    "markAllReadAction",
)
HELP_MENU = ("guideAction", "shortcutsAction", "-", "aboutAction")
VIEW_MENU = (
    "backAction",
    "forwardAction",
    "-",
    "zoomInAction",
    "zoomOutAction",
    "zoomResetAction",
    "-",
    "nextPaneAction",
    "refreshAction",
    "-",
)
LANGUAGE_MENU = ("languageViAction", "languageEnAction")
TOOLBAR = (
    "backAction",
    "forwardAction",
    "-",
    "importAction",
    "bookmarkAction",
    "markAllReadAction",
)


def place(target: QWidget, names: Iterable[str], actions: Mapping[str, QAction]) -> None:
    """Add the named actions to a menu or toolbar, in order."""
    for name in names:
        if name == "-":
            separator = QAction(target)
            separator.setSeparator(True)
            target.addAction(separator)
        else:
            target.addAction(actions[name])
