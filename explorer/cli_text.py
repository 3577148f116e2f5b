"""The command line's words in English or Chinese, from the app's own translation files.

The CLI runs without a ``QCoreApplication``: `set_language` loads
``explorer/i18n/cnn_explorer_<lang>.qm`` into a `QTranslator` and `translate` asks it
directly (only QtCore is imported). The language is ``--lang`` if given, else the locale
(``LANGUAGE`` / ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``); the remembered choice of the app is
not read (that would need QSettings and the app's organisation name: a script should behave
the same on every machine with the same environment).

Every text is written as ``translate("cli", "Whole sentence with %1")`` (lupdate finds it)
and filled with `explorer.ui.text.fill`; texts stored before they are shown are marked with
``QT_TRANSLATE_NOOP("cli", ...)`` and translated where they are used. argparse's own words
("usage:", "options:", its error sentences) are translated too, through the gettext hook that
argparse calls (`argparse_words`).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from contextlib import contextmanager

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from explorer.language import DEFAULT, SUPPORTED, env_ui_languages, from_system, qm_path

__all__ = ["set_language", "translate", "language", "cli_language", "argparse_words",
           "error_text"]

_state: dict = {"language": DEFAULT, "translator": None}


def cli_language(option: str | None, env: Mapping[str, str] = os.environ) -> str:
    """``option`` (``--lang``, already checked to be one of `SUPPORTED`) or the locale's."""
    return option if option is not None else from_system(env_ui_languages(env))


def set_language(language: str) -> bool:
    """Speak ``language`` (one of `SUPPORTED`) from now on; False (English is spoken) when its
    translation file is missing or damaged."""
    if language not in SUPPORTED:
        raise ValueError(f"language must be one of {SUPPORTED}, got {language!r}")
    translator = QTranslator()
    loaded = translator.load(str(qm_path(language)))
    _state["translator"] = translator if loaded else None
    _state["language"] = language if loaded else DEFAULT
    return loaded


def language() -> str:
    """The language `translate` speaks now."""
    return _state["language"]


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the current language (``text`` itself when it has no translation); for a
    plural text (``n >= 0``) the form for ``n``, with ``%n`` replaced by ``n``."""
    translator = _state["translator"]
    result = (translator.translate(context, text, disambiguation, n) if translator else "") or text
    return result.replace("%n", str(n)) if n >= 0 else result


def error_text(exc: BaseException) -> str:
    """What an engine or data error says, in the current language: a coded message (an
    `explorer.engine.messages.MessageError`, or a data error built by
    `explorer.data.messages.coded`) rendered as the app renders it
    (`explorer.ui.engine_strings.coded_message`, with this module's `translate`), any other
    exception as its own text (the same text in English)."""
    from explorer.ui.engine_strings import coded_message

    text = coded_message(exc, translate)
    return str(exc) if text is None else text


#: argparse's own words (Python 3.11-3.13 spell them so); argparse looks each one up with
#: gettext, which `argparse_words` points at our translation for the run.
ARGPARSE_WORDS = frozenset((
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
))


@contextmanager
def argparse_words():
    """For the block, argparse says its own words in the current language (its module-level
    gettext function is swapped for ours and put back afterwards)."""
    original = argparse._

    def gettext(message: str) -> str:
        return translate("argparse", message) if message in ARGPARSE_WORDS else message

    argparse._ = gettext
    try:
        yield
    finally:
        argparse._ = original
