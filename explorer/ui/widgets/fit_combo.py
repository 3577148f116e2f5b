"""A combo box that never cuts its text: as wide as its longest item where the layout has the
room, narrower only down to a few characters, and then it draws the current text elided ("…")
with the whole text as its tooltip.

`FitComboBox` is a drop-in `QComboBox`; `fit_combo(combo)` sets the same policy on a combo that
already exists (its text is then not elided, but sized to its contents).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter

#: The narrowest a combo box gets, in average characters (then it elides).
MIN_CHARS = 6


def fit_combo(combo: QComboBox) -> QComboBox:
    """Size ``combo`` to its longest item (the list and the box show whole texts)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class FitComboBox(QComboBox):
    """Preferred width: the longest item. Minimum width: ``min_chars`` characters (the layout may
    squeeze it there); while narrower than its text it shows the text elided and says the whole
    text in its tooltip (a tooltip set with `setToolTip` comes after it)."""

    def __init__(self, parent=None, min_chars: int = MIN_CHARS):
        super().__init__(parent)
        self._min_chars = min_chars
        self._own_tip = ""
        fit_combo(self)
        self.currentTextChanged.connect(self._update_tip)

    def minimumSizeHint(self) -> QSize:
        hint = super().sizeHint()   # the longest item plus the frame and the arrow
        fm = self.fontMetrics()
        longest = max((fm.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                      default=0)
        chrome = max(0, hint.width() - longest)
        narrow = chrome + min(longest, self._min_chars * fm.averageCharWidth())
        return QSize(narrow, hint.height())

    def setToolTip(self, text: str) -> None:
        self._own_tip = text
        self._update_tip()

    def is_elided(self) -> bool:
        """Whether the current text is cut to fit (and shown elided)."""
        return self._elided(self._label_rect().width()) != self.currentText()

    def _label_rect(self):
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)

    def _elided(self, width: int) -> str:
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight,
                                             width)

    def _update_tip(self, *_):
        whole = self.currentText() if self.is_elided() else ""
        tip = "\n".join(t for t in (whole, self._own_tip) if t)
        super().setToolTip(tip)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._update_tip()

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._update_tip()

    def paintEvent(self, event):
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self._elided(self._label_rect().width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
