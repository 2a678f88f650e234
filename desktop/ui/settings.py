"""What the window remembers (QSettings in an INI file beside the archive).

The file is `settings.ini` in the data dir, never the system's registry or
the user's config folder, so a portable install carries it along and tests
that redirect the data dir never touch the real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.ui.article import ZOOM_DEFAULT, clamp_zoom

FILE_NAME = "settings.ini"

GEOMETRY = "window/geometry"
MAIN_SPLITTER = "window/mainSplitter"
ARTICLE_SPLITTER = "window/articleSplitter"
ZOOM = "article/zoom"
LANGUAGE = "ui/language"

LANGS = ("vi", "en")


def settings_for(data_dir: Path) -> QSettings:
    """The settings beside the archive in *data_dir*.

    The folder is not made here: a window sent to a mistyped folder must not
    leave one behind (QSettings makes it when it first writes a setting).
    """
    return QSettings(str(data_dir / FILE_NAME), QSettings.Format.IniFormat)


def normalize_lang(lang: object) -> str:
    text = str(lang or "").strip().lower().replace("-", "_")
    short = text.split("_", 1)[0]
    return short if short in LANGS else "vi"


def language(settings: QSettings) -> str | None:
    value = settings.value(LANGUAGE)
    return normalize_lang(value) if value else None


def zoom(settings: QSettings) -> int:
    try:
        return clamp_zoom(int(str(settings.value(ZOOM, ZOOM_DEFAULT))))
    except ValueError:
        return ZOOM_DEFAULT


def blob(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
