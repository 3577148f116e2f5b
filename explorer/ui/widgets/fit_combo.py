"""A combo box that never cuts its text: as wide as its longest item where the layout has the
room, narrower only down to a few characters, and then it draws the current text elided ("…")
and says the whole text when hovered.

`FitComboBox` is a drop-in `QComboBox`; `fit_combo(combo)` sets the same policy on a combo that
already exists (its text is then not elided, but sized to its contents).

The whole text is added to the hover tip when the tip is asked for (`hover_text`), not stored
in `toolTip()`: the box's width and text change in many ways (a layout pass, a language switch
that rewrites the items with their signals blocked, a box laid out only once shown), and a tip
computed at one of those moments goes stale at the next. `toolTip()` stays the tip the panel
set, so it reads the same in every language and after every resize.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QToolTip

#: The narrowest a combo box gets, in average characters (then it elides).
MIN_CHARS = 6


def fit_combo(combo: QComboBox) -> QComboBox:
    """Size ``combo`` to its longest item (the list and the box show whole texts)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class FitComboBox(QComboBox):
    """Preferred width: the longest item. Minimum width: ``min_chars`` characters (the layout may
    squeeze it there); while narrower than its text it shows the text elided, and hovering shows
    the whole text above the box's own tooltip."""

    def __init__(self, parent=None, min_chars: int = MIN_CHARS):
        super().__init__(parent)
        self._min_chars = min_chars
        fit_combo(self)

    def minimumSizeHint(self) -> QSize:
        hint = super().sizeHint()   # the longest item plus the frame and the arrow
        fm = self.fontMetrics()
        longest = max((fm.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                      default=0)
        chrome = max(0, hint.width() - longest)
        narrow = chrome + min(longest, self._min_chars * fm.averageCharWidth())
        return QSize(narrow, hint.height())

    def is_elided(self) -> bool:
        """Whether the current text is cut to fit (and shown elided) at the present width."""
        return self._elided(self._label_rect().width()) != self.currentText()

    def hover_text(self) -> str:
        """What hovering shows now: the whole current text when it is elided, then the tooltip
        set with `setToolTip` (one line each; empty when there is nothing to say)."""
        whole = self.currentText() if self.is_elided() else ""
        return "\n".join(t for t in (whole, self.toolTip()) if t)

    def _label_rect(self):
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)

    def _elided(self, width: int) -> str:
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight,
                                             width)

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            text = self.hover_text()
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event):
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self._elided(self._label_rect().width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
