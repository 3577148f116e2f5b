"""What every coded message shares (Qt-free): `fill`, the one filler of Qt's ``%1``..``%9``
placeholders, and `Term`, a value that is program text itself.

The engine's messages (`explorer.engine.messages`), the data modules' (`explorer.data.messages`)
and the UI's translated sentences (`explorer.ui.text` re-exports `fill`) all fill their
templates here, so an English ``str()`` and a translated rendering put the values in the same
way.
"""

from __future__ import annotations

import re

__all__ = ["Term", "fill"]

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *args) -> str:
    """``template`` with ``%1``..``%9`` replaced by ``str(args[0])``..``str(args[8])``.

    One pass, so a value that itself contains ``%2`` is never replaced again; a placeholder
    without a value is left as it is (as QString.arg leaves it)."""
    if len(args) > 9:
        raise ValueError(f"fill takes at most 9 values (%1..%9), got {len(args)}")

    def value(match: re.Match) -> str:
        i = int(match.group(1)) - 1
        return str(args[i]) if i < len(args) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


class Term(str):
    """A value of a coded message that is program text itself (a kernel preset's title, a data
    set's title, an installation hint): the UI shows it translated, where a plain ``str`` value
    (a path, a user's typed text) is shown as it is."""

    __slots__ = ()
