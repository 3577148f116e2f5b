"""Filling translated sentences: Qt's ``%1``..``%9`` placeholders, as ``QString.arg`` does.

Every user-visible sentence is translated whole, with numbered placeholders a translator may
reorder (``self.tr("Filter %1 of %2")``); `fill` puts the values in. Plural sentences keep
Qt's own ``%n`` (``self.tr(text, "", n)``), which Qt replaces before `fill` sees the text.
Qt-free, so that it can be used (and tested) anywhere.
"""

from __future__ import annotations

import re

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
