"""Which language the app and the CLI speak: the decision, without Qt.

The interface exists in English and Simplified Chinese (`SUPPORTED`). The language is, in
this order: ``--lang`` on the command line, else the one remembered in the settings (chosen in
View > Language), else the first language of the system's list that we can speak (Qt's
``QLocale.system().uiLanguages()`` for the app, `env_ui_languages` for the CLI: ``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``). Chinese means Simplified Chinese: a Traditional Chinese
system (zh_TW, zh_HK, zh_MO, zh-Hant) gets English. A value that names no language we have
(``--lang fr``, junk in the settings file) gives English and says so in `LanguageChoice.rejected`.

The compiled translations are ``explorer/i18n/cnn_explorer_<language>.qm`` (`qm_path`); English
has one too, for the plural forms of ``%n`` texts ("1 filter" / "3 filters").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The languages the interface speaks, as their Qt locale names.
SUPPORTED = ("en", "zh_CN")
#: The language of the source texts, used whenever nothing better is known.
DEFAULT = "en"
#: Each language's name in its own language (the View > Language menu shows these untranslated).
NATIVE_NAMES = {"en": "English", "zh_CN": "中文 (简体)"}
#: The folder with the .ts sources and the compiled .qm files (shipped as package data).
I18N_DIR = Path(__file__).resolve().parent / "i18n"
#: The Debian/Ubuntu package that brings Chinese glyphs (named by the CJK font warning).
CJK_FONT_PACKAGE = "fonts-noto-cjk"



def _is_traditional(parts: list[str]) -> bool:
    """``["zh", "hant", "tw"]`` -> True: the script says so, else Taiwan, Hong Kong, Macau."""
    if "hant" in parts or "hans" in parts:
        return "hant" in parts
    return any(region in parts for region in ("tw", "hk", "mo"))


def normalize(value: object) -> str | None:
    """The supported language ``value`` names, or None.

    Accepts Qt and POSIX spellings in any case: ``en``, ``en_GB``, ``en-US``, ``zh_CN``,
    ``zh-CN``, ``zh``, ``zh-Hans-CN``, ``zh_CN.UTF-8``; Traditional Chinese and every other
    language give None."""
    if not isinstance(value, str):
        return None
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if code == "en" or code.startswith("en_"):
        return "en"
    if code == "zh" or code.startswith("zh_"):
        return None if _is_traditional(code.split("_")) else "zh_CN"
    return None


def from_system(ui_languages: Sequence[str]) -> str:
    """The language for a system whose preferred languages are ``ui_languages`` (best first,
    e.g. ``["zh-CN", "zh-Hans-CN", "en-US"]``): the first English or Chinese entry decides
    (Traditional Chinese means English); other languages are skipped; none gives English."""
    for entry in ui_languages:
        code = str(entry).strip().replace("-", "_").lower()
        if code == "zh" or code.startswith("zh_"):
            return normalize(code) or DEFAULT
        if normalize(code) is not None:
            return normalize(code)
    return DEFAULT


def env_ui_languages(env: Mapping[str, str]) -> list[str]:
    """The preferred languages the POSIX environment ``env`` names, best first (what gettext
    reads): ``LANGUAGE`` (a colon-separated list) unless the locale is C/POSIX, then the
    locale from ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``. Encodings and modifiers
    are dropped (``zh_CN.UTF-8`` -> ``zh_CN``)."""
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    locale = locale.split(".")[0].split("@")[0]
    languages = []
    if locale not in ("", "C", "POSIX"):
        languages += [part for part in env.get("LANGUAGE", "").split(":") if part]
        languages.append(locale)
    return languages


@dataclass(frozen=True)
class LanguageChoice:
    """The language to use and why.

    ``source`` is ``"option"`` (``--lang``), ``"setting"`` (remembered), ``"system"`` (the
    locale) or ``"fallback"`` (a rejected value: English). ``rejected`` is ``(where, value)``
    for a value that names no supported language (``where`` is ``"option"`` or ``"setting"``),
    else None; the caller turns it into a sentence."""

    language: str
    source: str
    rejected: tuple[str, str] | None = None


def choose_language(option: str | None, setting: object,
                    ui_languages: Sequence[str]) -> LanguageChoice:
    """The language for this run: ``option`` (``--lang``, None when not given) wins, then
    ``setting`` (the remembered choice, None or "" when there is none), then the system's
    ``ui_languages``. A bad option or setting gives English with ``rejected`` set."""
    if option is not None:
        language = normalize(option)
        if language is None:
            return LanguageChoice(DEFAULT, "fallback", ("option", str(option)))
        return LanguageChoice(language, "option")
    if setting not in (None, ""):
        language = normalize(setting)
        if language is None:
            return LanguageChoice(DEFAULT, "fallback", ("setting", str(setting)))
        return LanguageChoice(language, "setting")
    return LanguageChoice(from_system(ui_languages), "system")


def qm_path(language: str, folder: Path | None = None) -> Path:
    """The compiled translation of ``language`` (``explorer/i18n/cnn_explorer_<lang>.qm``)."""
    return (folder or I18N_DIR) / f"cnn_explorer_{language}.qm"


def needs_cjk_font_warning(language: str, cjk_families: Sequence[str],
                           already_warned: bool) -> bool:
    """True when the user should be told to install a CJK font: Chinese is chosen, no font
    family can write Simplified Chinese, and the warning was not shown before."""
    return language == "zh_CN" and not cjk_families and not already_warned


def split_lang_option(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` / ``--lang=X`` taken out of ``argv`` (anywhere before a ``--``):
    ``(X, the other arguments)``; ``(None, argv)`` when it is not given. A ``--lang``
    without a value gives ``""`` (which `choose_language` rejects)."""
    rest, value, args = [], None, list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--lang":
            value = args[i + 1] if i + 1 < len(args) else ""
            i += 2
            continue
        if arg.startswith("--lang="):
            value = arg[len("--lang="):]
        else:
            rest.append(arg)
        i += 1
    return value, rest
