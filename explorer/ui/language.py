"""Installing the interface language: our translation and Qt's own, switchable at run time.

`install_language("zh_CN")` loads ``explorer/i18n/cnn_explorer_zh_CN.qm`` and Qt's
``qtbase_zh_CN.qm`` (file dialogs, message-box buttons) from Qt's translations folder, removes
the translators of the previous language and sets the default `QLocale`. Installing or removing
a translator makes Qt send ``LanguageChange`` to every window, and each widget retranslates in
its ``changeEvent``. A missing or damaged file never stops the app: the interface falls back to
English (the source texts) and the problem is returned as a sentence for the user.

The choice itself (``--lang``, the setting, the system locale) is made Qt-free in
`explorer.language`; `startup_language` feeds it what Qt knows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from explorer.language import (CJK_FONT_PACKAGE, DEFAULT, SUPPORTED, LanguageChoice,
                               choose_language, needs_cjk_font_warning, qm_path)
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.text import fill

#: Where the remembered choice lives: ``language/language`` ("en" or "zh_CN") and
#: ``language/cjkFontWarned`` (true once the missing-font warning was shown).
SETTINGS_GROUP = "language"

_state = {"language": DEFAULT, "translators": [], "files": []}


def current_language() -> str:
    """The language installed last (``"en"`` before any install)."""
    return _state["language"]


def installed_files() -> list[Path]:
    """The .qm files of the translators installed now (ours first, then Qt's)."""
    return list(_state["files"])


def qt_translations_dir() -> Path:
    """Qt's own translations (qtbase_*.qm), as this Qt build reports them."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def remove_language() -> None:
    """Remove the installed translators (the source texts, English without plural forms, show
    again) and forget the language; tests use it to leave the application as they found it."""
    for translator in _state["translators"]:
        QCoreApplication.removeTranslator(translator)
    _state.update(language=DEFAULT, translators=[], files=[])


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    if path.is_file() and translator.load(str(path)):
        return translator
    return None


def install_language(language: str, folder: Path | None = None) -> str | None:
    """Make ``language`` (one of `SUPPORTED`) the interface language; returns None, or a
    sentence (in the language now shown) when its translation could not be loaded and the
    interface fell back to English. ``folder`` overrides where our .qm files are (tests)."""
    if language not in SUPPORTED:
        raise ValueError(f"language must be one of {SUPPORTED}, got {language!r}")
    remove_language()
    problem = None
    ours = qm_path(language, folder)
    translator = _load(ours)
    if translator is None:
        problem = fill(QCoreApplication.translate(
            "Language", "The translation file %1 is missing or damaged; the interface stays in "
                        "English. Reinstall CNN Explorer to repair it."), str(ours))
        if language != DEFAULT:
            language = DEFAULT
            english = _load(qm_path(DEFAULT, folder))
            if english is not None:
                _state["translators"].append(english)
                _state["files"].append(qm_path(DEFAULT, folder))
    else:
        _state["translators"].append(translator)
        _state["files"].append(ours)
    if language != DEFAULT:
        qt_file = qt_translations_dir() / f"qtbase_{language}.qm"
        qt_translator = _load(qt_file)
        if qt_translator is not None:  # a Qt without its translations: its buttons stay English
            _state["translators"].append(qt_translator)
            _state["files"].append(qt_file)
    QLocale.setDefault(QLocale(language))
    _state["language"] = language
    for translator in _state["translators"]:
        QCoreApplication.installTranslator(translator)
    return problem


def remembered_language() -> str | None:
    """The value stored by View > Language (unchecked: `choose_language` judges it)."""
    return PanelSettings(SETTINGS_GROUP).get("language")


def remember_language(language: str) -> None:
    PanelSettings(SETTINGS_GROUP).set("language", language)


def startup_language(option: str | None) -> LanguageChoice:
    """The language for this run: ``--lang`` (``option``), else the remembered one, else the
    system's (Qt's ``uiLanguages``, which follow LANGUAGE / LC_ALL / LC_MESSAGES / LANG)."""
    return choose_language(option, remembered_language(), QLocale.system().uiLanguages())


def rejected_text(choice: LanguageChoice) -> str | None:
    """The sentence for a rejected ``--lang`` or setting value, or None."""
    if choice.rejected is None:
        return None
    where, value = choice.rejected
    if where == "option":
        text = QCoreApplication.translate(
            "Language", "Unknown language \u201c%1\u201d for --lang; the choices are %2. "
                        "Using English.")
    else:
        text = QCoreApplication.translate(
            "Language", "The settings name an unknown language \u201c%1\u201d (the choices "
                        "are %2). Using English; choose one in View > Language.")
    return fill(text, value, ", ".join(SUPPORTED))


def cjk_families() -> list[str]:
    """Font families that can write Simplified Chinese (empty: Chinese shows as boxes)."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def cjk_font_warning(language: str) -> str | None:
    """The once-only warning that Chinese needs a font, or None; remembers that it was given."""
    settings = PanelSettings(SETTINGS_GROUP)
    if not needs_cjk_font_warning(language, cjk_families(),
                                  settings.get("cjkFontWarned", bool, False)):
        return None
    settings.set("cjkFontWarned", True)
    return fill(QCoreApplication.translate(
        "Language", "No font on this computer can show Chinese characters, so they appear as "
                    "boxes. Install a CJK font (on Debian or Ubuntu: sudo apt install %1) and "
                    "restart CNN Explorer."), CJK_FONT_PACKAGE)
