"""Installing the window's language: Qt translators from resources/translations.

Source strings are Vietnamese; `bangtin_vi.qm` and `bangtin_en.qm` both
ship. Changing language at run time sends QEvent.LanguageChange to every
widget, which retranslates itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from desktop.paths import resources_dir
from desktop.ui.settings import normalize_lang

_installed: QTranslator | None = None
_lang = "vi"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qm_path(lang: str) -> Path:
    return translations_dir() / f"bangtin_{normalize_lang(lang)}.qm"


def current_language() -> str:
    return _lang


def install_language(lang: str) -> bool:
    """Switch the application's translator; returns False if the .qm is missing."""
    global _installed, _lang
    app = QCoreApplication.instance()
    lang = normalize_lang(lang)
    translator = QTranslator(app)
    ok = translator.load(str(qm_path(lang)))
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed.deleteLater()
        _installed = None
    if ok:
        QCoreApplication.installTranslator(translator)
        _installed = translator
    _lang = lang
    # Deliver the LanguageChange events now, so every widget has its new
    # words before the caller goes on (and before the next paint).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_GB"))
    return ok
