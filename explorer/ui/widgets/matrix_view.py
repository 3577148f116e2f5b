"""A heat-map of a small matrix with its numbers written in the cells (confusion matrix).

(For numeric grids with padding bands and highlights, see ``number_grid.NumberGrid``.)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from explorer.ui.text import fill
from explorer.ui.widgets.live_text import LiveText, render

__all__ = ["MatrixView"]


class MatrixView(QWidget):
    """Paints a ``(R, C)`` matrix as coloured cells with their values and row/column labels.

    Used for the confusion matrix (rows: true class, columns: predicted class); the diagonal is
    tinted green, the rest orange, stronger for larger counts. ``sigCellClicked(row, col)``.

    ``row_title``, ``col_title`` and the placeholder are `LiveText`: pass ``lambda:
    self.tr("true")`` and they follow a change of language by themselves (plain strings must be
    set again by the owner's ``retranslate_ui``). ``cell_text``, when set, is the owner's whole
    sentence for a cell's tooltip (a `LiveText` with %1 the row label, %2 the column label and %3
    the value, e.g. ``lambda: self.tr("%3 images of a %1 were taken for a %2")``)."""

    sigCellClicked = Signal(int, int)

    def __init__(self, parent=None, row_title: LiveText = "", col_title: LiveText = ""):
        super().__init__(parent)
        self.matrix = np.zeros((0, 0))
        self.row_labels: list[str] = []
        self.col_labels: list[str] = []
        self.row_title, self.col_title = row_title, col_title
        self._placeholder: LiveText = ""
        self._hover_tip = ""
        self.cell_text: LiveText | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(150, 150)

    def __repr__(self) -> str:
        return f"MatrixView(shape={self.matrix.shape})"

    def set_matrix(self, matrix, row_labels=None, col_labels=None):
        """Show ``matrix`` ``(R, C)``; labels default to the row/column indices."""
        self.matrix = np.asarray(matrix)
        if self.matrix.ndim != 2:
            raise ValueError(f"MatrixView needs a 2-D array, got shape {self.matrix.shape}")
        r, c = self.matrix.shape
        self.row_labels = list(row_labels) if row_labels is not None else [str(i) for i in range(r)]
        self.col_labels = list(col_labels) if col_labels is not None else [str(i) for i in range(c)]
        self.update()

    @property
    def placeholder(self) -> str:
        """The text shown while the matrix is empty, in the current language."""
        return render(self._placeholder)

    def set_placeholder(self, text: LiveText):
        """Text shown while the matrix is empty (what to do to fill it)."""
        self._placeholder = text
        self.update()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Titles and placeholder are rendered at paint time; a tooltip this widget made on
        hover (not the owner's) is dropped, to be made anew in the new language."""
        if self._hover_tip and self.toolTip() == self._hover_tip:
            self.setToolTip("")
        self.update()

    def cell_tooltip(self, i: int, j: int) -> str:
        """The tooltip of cell ``(i, j)``, in the current language."""
        value = f"{self.matrix[i, j]:g}"
        if self.cell_text is not None:
            return fill(render(self.cell_text), self.row_labels[i], self.col_labels[j], value)
        return fill(self.tr("%1 %2, %3 %4: %5"), render(self.row_title), self.row_labels[i],
                    render(self.col_title), self.col_labels[j], value)

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def _geometry(self):
        r, c = self.matrix.shape
        left, top = 40, 34
        cell = max(8, min((self.width() - left - 4) // max(c, 1),
                          (self.height() - top - 4) // max(r, 1)))
        return left, top, cell

    def cell_at(self, pos):
        """``(row, col)`` under the widget position ``pos``, or None."""
        if self.matrix.size == 0:
            return None
        left, top, cell = self._geometry()
        col = (pos.x() - left) // cell
        row = (pos.y() - top) // cell
        if 0 <= row < self.matrix.shape[0] and 0 <= col < self.matrix.shape[1]:
            return int(row), int(col)
        return None

    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        text = self.palette().text().color()
        if self.matrix.size == 0:
            p.setPen(text)
            p.drawText(self.rect().adjusted(6, 6, -6, -6),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        left, top, cell = self._geometry()
        r, c = self.matrix.shape
        peak = float(np.max(self.matrix)) or 1.0
        p.setPen(text)
        p.drawText(QRect(left, 0, c * cell, 16), Qt.AlignmentFlag.AlignCenter,
                   render(self.col_title))
        p.save()
        p.translate(10, top + r * cell / 2)
        p.rotate(-90)
        p.drawText(QRect(-r * cell // 2, -8, r * cell, 16), Qt.AlignmentFlag.AlignCenter,
                   render(self.row_title))
        p.restore()
        for j in range(c):
            p.drawText(QRect(left + j * cell, 16, cell, 16), Qt.AlignmentFlag.AlignCenter,
                       self.col_labels[j])
        for i in range(r):
            p.setPen(text)
            p.drawText(QRect(20, top + i * cell, 18, cell), Qt.AlignmentFlag.AlignCenter,
                       self.row_labels[i])
            for j in range(c):
                v = float(self.matrix[i, j])
                t = v / peak
                base = (40, 160, 60) if i == j else (230, 120, 20)
                colour = QColor(*(int(255 - t * (255 - b)) for b in base))
                rect = QRect(left + j * cell, top + i * cell, cell, cell)
                p.fillRect(rect, colour if v else QColor(250, 250, 250))
                p.setPen(QColor(200, 200, 200))
                p.drawRect(rect)
                if v and cell >= 18:
                    p.setPen(QColor(0, 0, 0) if t < 0.6 else QColor(255, 255, 255))
                    label = f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}"
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        p.end()

    def mouseMoveEvent(self, event):
        cell = self.cell_at(event.position().toPoint())
        if cell is None:
            self.setToolTip("")
        else:
            self._hover_tip = self.cell_tooltip(*cell)
            self.setToolTip(self._hover_tip)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event):
        cell = self.cell_at(event.position().toPoint())
        if cell is not None:
            self.sigCellClicked.emit(*cell)
        super().mousePressEvent(event)
