"""A horizontal colour bar: what the colours of a map mean, with the value range written out."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.ui.text import fill
from explorer.ui.widgets.imaging import DIVERGING_LUT, GREY_LUT
from explorer.ui.widgets.live_text import LiveText, render
from explorer.ui.widgets.number_grid import format_value


class ColourScale(QWidget):
    """Paints the colour map from ``lo`` (left) to ``hi`` (right) with the two values and, for
    a diverging map, the 0 in the middle. ``set_range(lo, hi, cmap)``; ``set_note(text)`` writes a
    short explanation instead of the numbers (e.g. "each map uses its own range"): a `LiveText`,
    so ``lambda: self.tr(...)`` follows a change of language by itself (a plain string must be
    set again by the owner's ``retranslate_ui``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lo, self._hi, self._cmap = 0.0, 1.0, "grey"
        self._note: LiveText = ""
        self._has_range = False   # no tooltip before the first range
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(34)
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"ColourScale({self._lo:.4g}..{self._hi:.4g}, {self._cmap!r})"

    @property
    def range(self) -> tuple[float, float]:
        return self._lo, self._hi

    @property
    def note(self) -> str:
        """The note shown instead of the numbers, in the current language ("" for none)."""
        return render(self._note)

    def set_range(self, lo: float, hi: float, cmap: str = "grey"):
        self._lo, self._hi, self._cmap = float(lo), float(hi), cmap
        self._note = ""
        self._has_range = True
        self.retranslate_ui()

    def set_note(self, text: LiveText):
        self._note = text
        self.update()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """The tooltip for the current range; the painted texts follow at the next paint."""
        if self._has_range:
            self.setToolTip(fill(self.tr("Colours run from %1 (left) to %2 (right)."),
                                 format_value(self._lo, 3), format_value(self._hi, 3)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(260, 34)

    def paintEvent(self, event):
        p = QPainter(self)
        lut = DIVERGING_LUT if self._cmap == "diverging" else GREY_LUT
        row = np.ascontiguousarray(lut[None, :, :])
        img = QImage(row.data, 256, 1, 3 * 256, QImage.Format.Format_RGB888).copy()
        bar = QRectF(60, 2, max(10, self.width() - 120), 14)
        p.drawImage(bar, img)
        p.setPen(QColor(120, 120, 120))
        p.drawRect(bar)
        p.setPen(self.palette().text().color())
        text_rect = QRectF(0, 18, self.width(), 16)
        note = self.note
        if note:
            p.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, note)
        else:
            p.drawText(
                QRectF(0, 2, 56, 14),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                format_value(self._lo, 3),
            )
            p.drawText(
                QRectF(bar.right() + 4, 2, 56, 14),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                format_value(self._hi, 3),
            )
            p.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self.legend_text())
        p.end()

    def legend_text(self) -> str:
        """The line under the bar: what the colours mean, in the current language."""
        if self._cmap == "diverging" and self._lo < 0 < self._hi:
            return self.tr("blue < 0 < red")
        return self.tr("dark = low, bright = high")
