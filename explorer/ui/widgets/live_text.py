"""Texts that follow the language: a plain string, or a function that translates it afresh.

A shared widget that shows a caption chosen by its owner (a placeholder, a legend, a status
message) cannot translate that caption again itself: it does not know the source text or its
context. It accepts a `LiveText` instead: either an already translated ``str`` (the owner sets
it again in its own ``retranslate_ui``) or a zero-argument callable such as
``lambda: self.tr("Draw a digit")`` / ``lambda: fill(self.tr("%1 filters"), n)``, which the
widget calls again whenever the language changes (and whenever it paints), so the owner need
not remember it.
"""

from __future__ import annotations

from collections.abc import Callable

# A translated string, or a function returning the text in the current language.
LiveText = str | Callable[[], str]


def render(text: LiveText | None) -> str:
    """The text to show now: ``text()`` for a callable, ``text`` itself for a string, "" for
    None. Either goes through ``str()``, so a `explorer.worker_thread.FailureText` (a failure
    from the engine thread) is said in the current language."""
    if text is None:
        return ""
    return str(text() if callable(text) else text)
