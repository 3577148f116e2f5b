"""Filling translated sentences: Qt's ``%1``..``%9`` placeholders, as ``QString.arg`` does.

Every user-visible sentence is translated whole, with numbered placeholders a translator may
reorder (``self.tr("Filter %1 of %2")``); `fill` puts the values in. Plural sentences keep
Qt's own ``%n`` (``self.tr(text, "", n)``), which Qt replaces before `fill` sees the text.
Qt-free, so that it can be used (and tested) anywhere.
"""

from __future__ import annotations

from explorer.placeholders import fill

__all__ = ["fill"]
