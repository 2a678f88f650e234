"""Light or dark, as the system is: the window's palette and the article's colours.

Qt 6.5 and later say which colour scheme the desktop prefers
(`QStyleHints.colorScheme`) and tell when it changes. `Theme` follows it:
with a dark scheme it gives the application a dark palette (unless the
style drew one already), and tells the article, which swaps its stylesheet
for the dark one (desktop/render/styles.py). With no preference it keeps
whatever the palette is, light or dark.

The command line's `screenshot --dark` asks for the dark theme directly.

Signals: `Theme.changed(dark)`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.render.styles import DARK_BASE

_theme: Theme | None = None


def dark_palette() -> QPalette:
    """The window's colours on a dark desktop."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2d30",
        role.WindowText: "#e8e8e8",
        role.Base: DARK_BASE,
        role.AlternateBase: "#26282b",
        role.ToolTipBase: "#3c3f41",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#9a9a9a",
        role.Text: "#e8e8e8",
        role.Button: "#35383b",
        role.ButtonText: "#e8e8e8",
        role.BrightText: "#ffffff",
        role.Light: "#4a4d50",
        role.Midlight: "#3e4144",
        role.Mid: "#2f3134",
        role.Dark: "#1a1b1d",
        role.Shadow: "#000000",
        role.Highlight: "#2f65ca",
        role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
    }
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    for which in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, which, QColor("#7a7a7a"))
    return palette


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class Theme(QObject):
    """The application's light or dark look; see the module docstring."""

    changed = Signal(bool)

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._app = app
        self._light = app.palette()
        self.dark = palette_is_dark(self._light)

    def follow_system(self) -> None:
        """Take the desktop's scheme now, and whenever it changes."""
        hints = self._app.styleHints()
        hints.colorSchemeChanged.connect(self.apply_scheme)
        self.apply_scheme(hints.colorScheme())

    def apply_scheme(self, scheme: Qt.ColorScheme) -> None:
        if scheme == Qt.ColorScheme.Dark:
            self.set_dark(True)
        elif scheme == Qt.ColorScheme.Light:
            self.set_dark(False)

    def set_dark(self, dark: bool) -> None:
        if not palette_is_dark(self._app.palette()) and not self.dark:
            self._light = self._app.palette()
        if dark and not palette_is_dark(self._app.palette()):
            self._app.setPalette(dark_palette())
        elif not dark and palette_is_dark(self._app.palette()):
            self._app.setPalette(self._light)
        if dark != self.dark:
            self.dark = dark
            self.changed.emit(dark)


def current() -> Theme:
    """The application's theme (made on first use)."""
    global _theme
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication), "the theme needs the application"
    if _theme is None or _theme.parent() is not app:
        _theme = Theme(app)
    return _theme
