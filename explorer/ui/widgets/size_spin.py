"""A spin box for a square size that reads "3 × 3"."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox


class SquareSizeSpin(QSpinBox):
    """A `QSpinBox` for ``n`` in ``1 .. maximum`` that shows and accepts "n × n"."""

    def __init__(self, maximum: int, parent=None):
        super().__init__(parent)
        self._largest = int(maximum)

    def textFromValue(self, value: int) -> str:
        return f"{value} × {value}"

    def valueFromText(self, text: str) -> int:
        head = text.split("×")[0].strip()
        return int(head) if head.isdigit() else self.value()

    def validate(self, text, pos):
        head = text.split("×")[0].strip()
        if head.isdigit() and 1 <= int(head) <= self._largest:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos
