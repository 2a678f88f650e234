"""The system's dark mode: a dark palette, and articles readable in both themes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.render.styles import DARK_BASE, DARK_STYLESHEET, STYLESHEET, themed
from desktop.ui import theme

RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_pairs(stylesheet: str, base: str) -> list[tuple[str, str, str]]:
    """(rule, text colour, background) for every rule that sets a text colour."""
    pairs = []
    for selector, body in RULE.findall(stylesheet):
        props = dict(
            (name.strip(), value.strip())
            for name, _, value in (p.partition(":") for p in body.split(";"))
            if name.strip()
        )
        if "color" in props:
            pairs.append((selector.strip(), props["color"], props.get("background-color", base)))
    return pairs


@pytest.mark.parametrize(
    ("stylesheet", "base", "least"),
    [(STYLESHEET, "#ffffff", 4.5), (DARK_STYLESHEET, DARK_BASE, 7.0)],
)
def test_every_text_colour_reads_against_its_background(
    stylesheet: str, base: str, least: float
) -> None:
    pairs = text_pairs(stylesheet, base)
    assert len(pairs) > 10
    weak = [
        (rule, fg, bg, round(contrast(QColor(fg), QColor(bg)), 1))
        for rule, fg, bg in pairs
        if contrast(QColor(fg), QColor(bg)) < least and rule != "span.missing"
    ]
    assert weak == []


def test_the_dark_stylesheet_has_every_rule_of_the_light_one() -> None:
    def selectors(sheet: str) -> list[str]:
        return [selector.strip() for selector, _body in RULE.findall(sheet)]

    assert selectors(DARK_STYLESHEET) == selectors(STYLESHEET)
    page = f"<html><head><style>{STYLESHEET}</style></head><body>x</body></html>"
    assert DARK_STYLESHEET in themed(page, True) and themed(page, False) == page


@pytest.fixture
def light_again(qapp: QApplication) -> Iterator[theme.Theme]:
    current = theme.current()
    yield current
    current.set_dark(False)


def test_the_window_follows_the_system_scheme(
    qtbot: QtBot, make_window: object, populated: Path, light_again: theme.Theme
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    model = window.list_model()
    window.list_view.setCurrentIndex(model.index(0, 0))
    assert window.current is not None
    light_again.apply_scheme(Qt.ColorScheme.Dark)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Base).lightness() < 60
    # Widgets take the application's palette from posted events.
    qtbot.waitUntil(
        lambda: window.browser.palette().color(QPalette.ColorRole.Base).lightness() < 60
    )
    assert window.browser.dark
    picture = window.browser.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    corner = QColor(picture.pixel(picture.width() - 3, picture.height() - 3))
    assert corner.lightness() < 60  # a dark page
    lights = sum(
        1
        for y in range(0, picture.height(), 3)
        for x in range(0, picture.width(), 3)
        if QColor(picture.pixel(x, y)).lightness() > 180
    )
    assert lights > 50  # light letters on it
    title = window.browser.document().find("Quyết định")
    assert title.charFormat().foreground().color().lightness() > 150
    light_again.apply_scheme(Qt.ColorScheme.Light)
    assert app.palette().color(QPalette.ColorRole.Base).lightness() > 200
    assert not window.browser.dark
    assert (
        window.browser.document().find("Quyết định").charFormat().foreground().color().lightness()
        < 120
    )
    light_again.apply_scheme(Qt.ColorScheme.Unknown)  # no preference: nothing changes
    assert not window.browser.dark
