"""A one-line label that may get narrower than its text and then shows it elided ("…").

`text()` stays the whole text (tests and tooltips read it); only the painting is shortened.
The status bar's model label uses it, so a long message gets room (see
`explorer.ui.status_policy.model_label_width`).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    """Preferred width: the whole text; minimum: ``minimum`` pixels (or the text, if shorter)."""

    def __init__(self, parent=None, minimum: int = 160):
        super().__init__(parent)
        self._minimum = minimum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def text_width(self) -> int:
        """Pixels the whole text needs (with the label's margins)."""
        return super().sizeHint().width()

    def is_elided(self) -> bool:
        return self.contentsRect().width() < self.fontMetrics().horizontalAdvance(self.text())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(self._minimum, hint.width()), hint.height())

    def paintEvent(self, event):
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)
