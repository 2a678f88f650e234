"""Installing the window's language: Qt translators from resources/translations.

Source strings are Vietnamese; `bangtin_vi.qm` and `bangtin_en.qm` both
ship. Qt's own dialogs and menus (file and print dialogs, the print
preview, "Copy / Select All") speak English unless a catalog says
otherwise, and Qt ships none in Vietnamese: `qtbase_vi.qm` is ours, and is
installed with the Vietnamese window. Changing language at run time sends
QEvent.LanguageChange to every widget, which retranslates itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from desktop.paths import resources_dir
from desktop.ui.settings import normalize_lang

_installed: QTranslator | None = None
_qt_installed: QTranslator | None = None
_lang = "vi"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qm_path(lang: str) -> Path:
    return translations_dir() / f"bangtin_{normalize_lang(lang)}.qm"


def qt_qm_path(lang: str) -> Path:
    """Our catalog of Qt's own strings in *lang* (there is one for Vietnamese only)."""
    return translations_dir() / f"qtbase_{normalize_lang(lang)}.qm"


def current_language() -> str:
    return _lang


def install_language(lang: str) -> bool:
    """Switch the application's translator; returns False if the .qm is missing."""
    global _installed, _qt_installed, _lang
    app = QCoreApplication.instance()
    lang = normalize_lang(lang)
    translator = QTranslator(app)
    ok = translator.load(str(qm_path(lang)))
    for old in (_installed, _qt_installed):
        if old is not None:
            QCoreApplication.removeTranslator(old)
            old.deleteLater()
    _installed = _qt_installed = None
    qt_path = qt_qm_path(lang)
    if qt_path.is_file():
        qt_translator = QTranslator(app)
        if qt_translator.load(str(qt_path)):
            QCoreApplication.installTranslator(qt_translator)
            _qt_installed = qt_translator
    if ok:
        QCoreApplication.installTranslator(translator)
        _installed = translator
    _lang = lang
    # Deliver the LanguageChange events now, so every widget has its new
    # words before the caller goes on (and before the next paint).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_GB"))
    return ok
