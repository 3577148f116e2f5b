"""An English locale for tests of the CLI's English texts, whatever the machine's locale is.

The CLI speaks the locale's language (``LANGUAGE`` / ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``)
when ``--lang`` is not given, so a test that reads its English words must set the locale
itself: import `english_cli` into the test module (an autouse fixture works in the module that
imports it). The language is set back to English afterwards too.
"""

from __future__ import annotations

import pytest

from explorer import cli_text


@pytest.fixture(autouse=True)
def english_cli():
    # its own MonkeyPatch: a test's ``monkeypatch.undo()`` must not bring the locale back
    with pytest.MonkeyPatch.context() as patch:
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            patch.delenv(name, raising=False)
        patch.setenv("LANG", "C.UTF-8")
        yield
    cli_text.set_language("en")
