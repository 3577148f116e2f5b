"""The status-bar sentence about a rejected ``--lang`` value follows View > Language while it
is shown (the pseudo-translation wraps each translated text in ⟦...⟧)."""

from __future__ import annotations

from explorer.app import startup_messages
from explorer.ui.language import current_language
from tests.ui.pseudo_translation import CLOSE, OPEN, pseudo_language
from tests.ui.test_language_switch import window  # noqa: F401 (fixture)


def test_a_rejected_lang_value_is_said_again_in_the_new_language(window, qapp):  # noqa: F811
    renders = startup_messages("fr")
    assert current_language() == "en" and len(renders) == 1
    window.show_startup_messages(renders)
    english = window.statusBar().currentMessage()
    assert "\u201cfr\u201d" in english and "zh_CN" in english
    with pseudo_language(qapp):
        shown = window.statusBar().currentMessage()
        assert shown.startswith(OPEN) and shown.endswith(CLOSE) and "\u201cfr\u201d" in shown
    assert window.statusBar().currentMessage() == english


def test_a_good_lang_value_says_nothing():
    assert startup_messages("en") == []
