"""Every place on disk Bảng Tin reads or writes, decided in one place.

Order of precedence for the data dir: `--data-dir`, then the environment
variable BANGTIN_DATA_DIR, then `portable.ini` beside the executable, then
platformdirs' user data dir. Tests redirect it with the environment variable.

The archive is the shared one on a PostgreSQL server when `--database`
names it, or when BANGTIN_DATABASE_URL does and no `--data-dir` was typed:
what is typed on the command line beats what the environment says
(`database_url`, `archive_source`).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "bangtin"
ENV_DATA_DIR = "BANGTIN_DATA_DIR"
#: The office's shared archive on a PostgreSQL server, when it has one.
ENV_DATABASE_URL = "BANGTIN_DATABASE_URL"
#: Where the log file goes instead of the user log folder (tests, a shared PC).
ENV_LOG_DIR = "BANGTIN_LOG_DIR"
LOG_NAME = "bangtin.log"
PORTABLE_MARKER = "portable.ini"
BUNDLE_SUFFIX = ".bangtin"


def _portable_dir() -> Path | None:
    exe_dir = Path(sys.executable).resolve().parent
    if getattr(sys, "frozen", False) and (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "data"
    return None


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder that holds the office's archive."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    portable = _portable_dir()
    if portable is not None:
        return portable
    import platformdirs  # only here: the window imports this module before its first paint

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_url(override: str | None = None, *, folder_named: bool = False) -> str | None:
    """The PostgreSQL URL of the office's shared archive, or None for the SQLite file.

    `--database`, then the environment variable BANGTIN_DATABASE_URL unless
    *folder_named* (a `--data-dir` typed on the command line, which beats the
    environment). An empty `--database` is returned as given, to be refused
    as any bad address is (never this PC's own archive instead); an empty
    variable is unset.
    """
    if override is not None:
        return override
    if folder_named:
        return None
    return os.environ.get(ENV_DATABASE_URL) or None


def archive_source(data_dir_override: str | None = None, database: str | None = None) -> str:
    """What chose the archive, for `status` to say: "database_option" (`--database`),
    "data_dir_option" (`--data-dir`), "database_env", "data_dir_env", "portable" or
    "default" (the user data folder)."""
    if database is not None:
        return "database_option"
    if not data_dir_override and os.environ.get(ENV_DATABASE_URL):
        return "database_env"
    return folder_source(data_dir_override)


def folder_source(override: str | None = None) -> str:
    """What chose the data folder (`data_dir`'s order): "data_dir_option",
    "data_dir_env", "portable" or "default"."""
    if override:
        return "data_dir_option"
    if os.environ.get(ENV_DATA_DIR):
        return "data_dir_env"
    return "portable" if _portable_dir() is not None else "default"


def log_dir() -> Path:
    """The folder of the log file (desktop/logfile.py): BANGTIN_LOG_DIR, else
    `logs/` beside a portable install's data, else platformdirs' user log folder."""
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env).expanduser()
    portable = _portable_dir()
    if portable is not None:
        return portable.with_name("logs")
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The log file itself (its older parts are beside it, ending .1 and .2)."""
    return log_dir() / LOG_NAME


def demo_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The demo archive's folder: beside the real one, never inside it."""
    base = data_dir(override)
    return base.with_name(base.name + "-demo")


def documents_dir() -> Path:
    """The user's Documents folder, where saved files go first (the home folder if none)."""
    import platformdirs

    found = Path(platformdirs.user_documents_dir())
    return found if found.is_dir() else Path.home()


@cache
def resources_dir() -> Path:
    """The installed resources folder (icons, translations, the demo archive).

    Looked up once: the window asks for it a dozen times before its first paint.
    The package's own folder when it is one (a source tree, pip, PyInstaller):
    `importlib.resources`, which also knows other kinds of installs, costs the
    first paint ~3 ms of imports.
    """
    from importlib.util import find_spec

    spec = find_spec("desktop.resources")
    found = list(spec.submodule_search_locations or ()) if spec is not None else []
    if len(found) == 1 and Path(found[0]).is_dir():
        return Path(found[0])
    from importlib.resources import as_file, files

    root = files("desktop.resources")
    with as_file(root) as path:
        return Path(path)


def demo_source_dir() -> Path:
    return resources_dir() / "demo" / "source"


def demo_bundle_path() -> Path:
    return resources_dir() / "demo" / ("demo" + BUNDLE_SUFFIX)


def demo_public_key_path() -> Path:
    return resources_dir() / "demo" / "demo-publisher.pub"
