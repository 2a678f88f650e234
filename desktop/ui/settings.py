"""What the window remembers (QSettings in an INI file beside the archive).

The file is `settings.ini` in the data dir, never the system's registry or
the user's config folder, so a portable install carries it along and tests
that redirect the data dir never touch the real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop import paths
from desktop.ops.sharing import DEFAULT_PORT, ServerChoice
from desktop.ui.article import ZOOM_DEFAULT, clamp_zoom

FILE_NAME = "settings.ini"

GEOMETRY = "window/geometry"
MAIN_SPLITTER = "window/mainSplitter"
ARTICLE_SPLITTER = "window/articleSplitter"
ZOOM = "article/zoom"
LANGUAGE = "ui/language"
#: After this many days without newer signed data the status bar warns (freeze attacks).
STALE_DAYS = "trust/staleDays"
STALE_DAYS_DEFAULT = 30
#: The folder a PDF or an attachment was last saved in.
SAVE_FOLDER = "files/lastFolder"

#: "local" (this PC's own archive) or "server" (the shared archive on PostgreSQL).
ARCHIVE_KIND = "archive/kind"
SERVER_HOST = "archive/host"
SERVER_PORT = "archive/port"
SERVER_DATABASE = "archive/database"
SERVER_USER = "archive/user"

#: Whose read marks and bookmarks the shared archive shows; the login name when unset.
READER = "user/name"

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


def stale_days(settings: QSettings) -> int:
    """Days without newer signed data before the status bar warns (1–3650, default 30)."""
    try:
        value = int(str(settings.value(STALE_DAYS, STALE_DAYS_DEFAULT)))
    except ValueError:
        return STALE_DAYS_DEFAULT
    return min(max(value, 1), 3650)


def save_folder(settings: QSettings | None) -> Path:
    """Where to propose saving a file: the folder used last, else Documents."""
    value = settings.value(SAVE_FOLDER) if settings is not None else None
    if value:
        folder = Path(str(value))
        if folder.is_dir():
            return folder
    return paths.documents_dir()


def remember_save_folder(settings: QSettings | None, target: Path) -> None:
    """A file was saved at *target*: propose its folder next time."""
    if settings is not None:
        settings.setValue(SAVE_FOLDER, str(target.parent))
        settings.sync()


def server_choice(settings: QSettings) -> ServerChoice | None:
    """The shared archive's server the settings choose, or None for this PC's own archive."""
    if str(settings.value(ARCHIVE_KIND, "local")) != "server":
        return None
    host = str(settings.value(SERVER_HOST, "") or "").strip()
    database = str(settings.value(SERVER_DATABASE, "") or "").strip()
    if not host or not database:
        return None
    try:
        port = int(str(settings.value(SERVER_PORT, DEFAULT_PORT)))
    except ValueError:
        port = DEFAULT_PORT
    user = str(settings.value(SERVER_USER, "") or "").strip()
    return ServerChoice(host=host, port=port, database=database, user=user)


def server_fields(settings: QSettings) -> ServerChoice:
    """The server fields as last entered, even while this PC's own archive is chosen."""
    try:
        port = int(str(settings.value(SERVER_PORT, DEFAULT_PORT)))
    except ValueError:
        port = DEFAULT_PORT
    return ServerChoice(
        host=str(settings.value(SERVER_HOST, "") or ""),
        port=port,
        database=str(settings.value(SERVER_DATABASE, "") or ""),
        user=str(settings.value(SERVER_USER, "") or ""),
    )


def save_server_choice(settings: QSettings, choice: ServerChoice, *, shared: bool) -> None:
    """Remember the server (never its password) and whether the shared archive is used."""
    settings.setValue(ARCHIVE_KIND, "server" if shared else "local")
    settings.setValue(SERVER_HOST, choice.host)
    settings.setValue(SERVER_PORT, choice.port)
    settings.setValue(SERVER_DATABASE, choice.database)
    settings.setValue(SERVER_USER, choice.user)
    settings.sync()


def reader(settings: QSettings) -> str:
    """The person at this PC the settings name; "" for the OS login name (db/people.py)."""
    return str(settings.value(READER, "") or "").strip()
