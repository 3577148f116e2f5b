"""A grid of numbers drawn as coloured cells: input patches, kernels, feature maps, im2col rows.

Shows the values written in the cells when they fit, the value under the mouse as a tooltip and
through ``sigCellHovered``, a shaded band for padding, highlighted rectangles (the receptive
window, the current output cell, the current im2col row) and marked cells (the max-pool winner).
Only display scaling happens here; the values come from the engine.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from explorer.ui.text import fill
from explorer.ui.widgets.imaging import to_qimage, value_range
from explorer.ui.widgets.live_text import LiveText, render

HIGHLIGHT = QColor(255, 140, 0)     # receptive window / current cell
SECOND = QColor(0, 170, 90)         # a second highlight (e.g. the output cell)
MARK = QColor(230, 0, 160)          # max-pool winner


def format_value(value: float, decimals: int | None = None) -> str:
    """Short text for one cell: integers without decimals, -inf as the minus-infinity sign."""
    if not math.isfinite(value):
        if math.isnan(value):
            return ""  # no value here (e.g. the unused end of a wrapped vector)
        return "\u2212\u221e" if value < 0 else "\u221e"
    if decimals is None:
        if float(value).is_integer() and abs(value) < 1e6:
            return str(int(value)).replace("-", "\u2212")
        decimals = 2 if abs(value) >= 0.01 or value == 0 else 3
    text = f"{value:.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")  # -0.001 at 2 decimals is 0.00: a negative zero is no other value
    return text.replace("-", "\u2212")


def format_number(value: float) -> str:
    """A number for running text: integers plainly, others with 4 significant digits."""
    value = float(value)
    if math.isfinite(value) and not value.is_integer():
        return f"{value:.4g}".replace("-", "\u2212")
    return format_value(value)


class NumberGrid(QWidget):
    """Paints a 2-D array ``(H, W)`` as square cells.

    ``set_matrix(values, levels=None, cmap="grey")`` sets the data (``levels`` = (lo, hi) of the
    colour map, default the array's own range). ``set_padding(((top, bottom), (left, right)))``
    marks the outer band as padding; ``set_highlights([(top, left, h, w, QColor), ...])`` draws
    rectangles; ``set_marks([(row, col), ...])`` circles cells. ``row_offset`` /
    ``col_offset`` are added to indices in tooltips and signals (a slice of a bigger matrix).
    ``min_cell`` (pixels) makes the grid ask its layout for room for cells of at least that size
    (0: only the 40x40 minimum), so a parent scroll area scrolls rather than squash it further.
    ``value_name`` names the values in the cell tooltips (a `LiveText`: ``lambda:
    self.tr("weight")`` follows a change of language; None says "value"); the owner's own
    tooltip is added under them. The tooltips are made on hover, so they are always in the
    current language.
    """

    sigCellHovered = Signal(int, int, float)   # row, col (with offsets), value; -1, -1 on leave
    sigCellClicked = Signal(int, int)

    def __init__(self, parent=None, *, cell_size: int = 34, max_size: int = 420, min_cell: int = 0):
        super().__init__(parent)
        self._values = np.zeros((0, 0))
        self._levels = (0.0, 1.0)
        self._cmap = "grey"
        self._image = None
        self._pads = ((0, 0), (0, 0))
        self._highlights: list[tuple] = []
        self._dropped: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
        self._marks: list[tuple[int, int]] = []
        self._decimals: int | None = None
        self._cell_size = cell_size
        self._max_size = max_size
        self._min_cell = int(min_cell)
        self.row_offset = 0
        self.col_offset = 0
        #: When set, the grid is a long vector wrapped into rows of this width: tooltips then
        #: name the element ``row * flat_width + col`` instead of a row and column.
        self.flat_width: int | None = None
        self.flat_labels: list[str] | None = None
        #: a label under each column (e.g. the classes under a row of scores), or None
        self.column_labels: list[str] | None = None
        self.value_name: LiveText | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(40, 40)

    def __repr__(self) -> str:
        return f"NumberGrid({self._values.shape}, levels={self._levels}, cmap={self._cmap!r})"

    # --- data -------------------------------------------------------------------------------
    @property
    def values(self) -> np.ndarray:
        return self._values

    @property
    def levels(self) -> tuple[float, float]:
        return self._levels

    @property
    def cmap(self) -> str:
        return self._cmap

    @property
    def highlights(self) -> list[tuple]:
        return list(self._highlights)

    @property
    def dropped(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return self._dropped

    def set_matrix(self, values, levels=None, cmap: str = "grey", decimals: int | None = None):
        values = np.asarray(values, dtype=np.float64)
        if values.ndim == 1:
            values = values[None, :]
        if values.ndim != 2:
            raise ValueError(f"NumberGrid shows 2-D arrays, got shape {values.shape}")
        self._values = values
        self._cmap = cmap
        self._levels = (
            tuple(levels) if levels is not None else value_range(values, cmap == "diverging")
        )
        self._decimals = decimals
        self._image = to_qimage(values, self._levels, cmap) if values.size else None
        self._ask_for_room()
        self.update()

    def _ask_for_room(self):
        """The minimum size: ``min_cell`` pixels per cell of the values shown."""
        h, w = self._values.shape if self._values is not None else (0, 0)
        self.setMinimumSize(max(40, w * self._min_cell + 2), max(40, h * self._min_cell + 2))
        self.updateGeometry()

    def set_min_cell(self, pixels: int):
        """Ask the layout for cells of at least ``pixels``."""
        self._min_cell = int(pixels)
        self._ask_for_room()

    def set_padding(self, pads):
        self._pads = (tuple(pads[0]), tuple(pads[1]))
        self.update()

    def set_dropped(self, rows=(), cols=()):
        """Mark whole rows/columns as never reached by any window: cross-hatched in a neutral
        grey and outlined (no colour of the value maps, so it cannot read as a value)."""
        self._dropped = (tuple(int(r) for r in rows), tuple(int(c) for c in cols))
        self.update()

    def set_highlights(self, rects):
        """``rects``: iterable of ``(top, left, height, width, QColor)`` in cell units."""
        self._highlights = list(rects)
        self.update()

    def set_marks(self, cells):
        self._marks = [(int(r), int(c)) for r, c in cells]
        self.update()

    # --- geometry -----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        h, w = self._values.shape if self._values.size else (3, 3)
        cell = self._cell_size
        scale = min(1.0, self._max_size / max(h * cell, w * cell, 1))
        return QSize(max(40, int(w * cell * scale)) + 2, max(40, int(h * cell * scale)) + 2)

    def _geometry(self) -> tuple[float, float, float]:
        """(cell size, x0, y0) of the square-cell layout centred in the widget."""
        h, w = self._values.shape
        if h == 0 or w == 0:
            return 0.0, 0.0, 0.0
        band = self._label_band()
        cell = min((self.width() - 2) / w, (self.height() - 2 - band) / h)
        x0 = (self.width() - cell * w) / 2
        y0 = (self.height() - band - cell * h) / 2
        return cell, x0, y0

    def _label_band(self) -> int:
        """Pixels under the cells for the column labels (0 without them)."""
        return self.fontMetrics().height() + 4 if self.column_labels else 0

    def cell_at(self, pos) -> tuple[int, int] | None:
        cell, x0, y0 = self._geometry()
        if cell <= 0:
            return None
        c = int((pos.x() - x0) // cell)
        r = int((pos.y() - y0) // cell)
        h, w = self._values.shape
        if 0 <= r < h and 0 <= c < w:
            return r, c
        return None

    def cell_rect(self, row: int, col: int) -> QRectF:
        cell, x0, y0 = self._geometry()
        return QRectF(x0 + col * cell, y0 + row * cell, cell, cell)

    def _in_padding(self, r: int, c: int) -> bool:
        (top, bottom), (left, right) = self._pads
        h, w = self._values.shape
        return r < top or r >= h - bottom or c < left or c >= w - right

    def describe_cell(self, r: int, c: int) -> str:
        """The tooltip of cell ``(r, c)``: its place and value, in the current language."""
        value = self._values[r, c]
        number = format_value(value, 4 if not float(value).is_integer() else None)
        if self.flat_width:
            i = r * self.flat_width + c
            if math.isnan(value):
                return ""
            name = self.flat_labels[i] if self.flat_labels and i < len(self.flat_labels) else str(i)
            return fill(self.tr("element %1: %2"), name, number)
        what = render(self.value_name) or self.tr("value")
        row, col = r + self.row_offset, c + self.col_offset
        if self._in_padding(r, c):
            return fill(self.tr("row %1, column %2: %3 = %4 (padding)"), row, col, what, number)
        return fill(self.tr("row %1, column %2: %3 = %4"), row, col, what, number)

    # --- events --------------------------------------------------------------------------------
    def mouseMoveEvent(self, event):
        cell = self.cell_at(event.position())
        if cell is None:
            self.sigCellHovered.emit(-1, -1, 0.0)
            QToolTip.hideText()
            return
        r, c = cell
        self.sigCellHovered.emit(
            r + self.row_offset, c + self.col_offset, float(self._values[r, c])
        )
        if QToolTip.isVisible():  # keep an open tooltip on the cell under the mouse
            self._show_cell_tip(cell, event.globalPosition().toPoint())

    def _show_cell_tip(self, cell, global_pos) -> None:
        text = self.describe_cell(*cell)
        if self.toolTip():
            text = f"{text}\n{self.toolTip()}" if text else self.toolTip()
        if text:
            QToolTip.showText(global_pos, text, self)
        else:
            QToolTip.hideText()

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            cell = self.cell_at(event.pos())
            if cell is not None:
                self._show_cell_tip(cell, event.globalPos())
                return True
        return super().event(event)

    def leaveEvent(self, event):
        self.sigCellHovered.emit(-1, -1, 0.0)
        super().leaveEvent(event)

    def mousePressEvent(self, event):
        cell = self.cell_at(event.position())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sigCellClicked.emit(cell[0] + self.row_offset, cell[1] + self.col_offset)
        super().mousePressEvent(event)

    # --- painting -------------------------------------------------------------------------------
    def _number_font(self, cell: float) -> QFont | None:
        """The largest font (14 px down to 8 px) in which every number fits its cell, or None."""
        if cell < 14:
            return None
        values = self._values.ravel()
        if values.size > 1024:  # a spread-out sample is enough to find the widest text
            values = values[:: values.size // 1024 + 1]
        sample = {format_value(v, self._decimals) for v in values} or {"0"}
        font = QFont(self.font())
        for px in range(max(8, min(14, int(cell * 0.4))), 7, -1):
            font.setPixelSize(px)
            if max(QFontMetrics(font).horizontalAdvance(t) for t in sample) + 4 <= cell:
                return font
        return None

    def paintEvent(self, event):
        cell, x0, y0 = self._geometry()
        if cell <= 0 or self._image is None:
            return
        h, w = self._values.shape
        p = QPainter(self)
        target = QRectF(x0, y0, cell * w, cell * h)
        p.drawImage(target, self._image)
        # padding band: hatched so it reads as "not part of the image"
        (top, bottom), (left, right) = self._pads
        if top or bottom or left or right:
            brush = QBrush(QColor(120, 120, 120, 150), Qt.BrushStyle.BDiagPattern)
            p.setPen(Qt.PenStyle.NoPen)
            for rect in (
                QRectF(x0, y0, cell * w, cell * top),
                QRectF(x0, y0 + cell * (h - bottom), cell * w, cell * bottom),
                QRectF(x0, y0 + cell * top, cell * left, cell * (h - top - bottom)),
                QRectF(
                    x0 + cell * (w - right),
                    y0 + cell * top,
                    cell * right,
                    cell * (h - top - bottom),
                ),
            ):
                if rect.width() > 0 and rect.height() > 0:
                    p.fillRect(rect, brush)
            p.setPen(QPen(QColor(90, 90, 90), 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(
                QRectF(
                    x0 + cell * left,
                    y0 + cell * top,
                    cell * (w - left - right),
                    cell * (h - top - bottom),
                )
            )
        rows, cols = self._dropped
        if rows or cols:
            hatch = QBrush(QColor(90, 90, 90, 170), Qt.BrushStyle.DiagCrossPattern)
            bands = [QRectF(x0, y0 + r * cell, cell * w, cell) for r in rows]
            bands += [QRectF(x0 + c * cell, y0, cell, cell * h) for c in cols]
            for band in bands:
                p.fillRect(band, QColor(200, 200, 200, 140))   # neutral: washes out the value
                p.fillRect(band, hatch)
            p.setPen(QPen(QColor(70, 70, 70), 1.5, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            for band in bands:
                p.drawRect(band)
        if cell >= 8:
            p.setPen(QPen(QColor(160, 160, 160), 1))
            for i in range(h + 1):
                p.drawLine(QPointF(x0, y0 + i * cell), QPointF(x0 + w * cell, y0 + i * cell))
            for j in range(w + 1):
                p.drawLine(QPointF(x0 + j * cell, y0), QPointF(x0 + j * cell, y0 + h * cell))
        font = self._number_font(cell)
        if font is not None:
            p.setFont(font)
            lo, hi = self._levels
            for r in range(h):
                for c in range(w):
                    v = self._values[r, c]
                    t = (v - lo) / (hi - lo) if hi > lo and math.isfinite(v) else 0.0
                    if self._cmap == "diverging":
                        dark = abs(t - 0.5) > 0.35
                    else:
                        dark = t < 0.55
                    p.setPen(QColor(255, 255, 255) if dark else QColor(0, 0, 0))
                    p.drawText(
                        self.cell_rect(r, c),
                        Qt.AlignmentFlag.AlignCenter,
                        format_value(v, self._decimals),
                    )
        if self.column_labels:
            p.setFont(self.font())
            p.setPen(self.palette().text().color())
            metrics = self.fontMetrics()
            for c, label in enumerate(self.column_labels[:w]):
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(cell))
                p.drawText(QRectF(x0 + c * cell, y0 + h * cell + 2, cell, metrics.height()),
                           Qt.AlignmentFlag.AlignCenter, text)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for top_, left_, hh, ww, colour in self._highlights:
            p.setPen(QPen(colour, max(2.0, min(4.0, cell / 8))))
            p.drawRect(QRectF(x0 + left_ * cell, y0 + top_ * cell, ww * cell, hh * cell))
        p.setPen(QPen(MARK, max(2.0, min(3.0, cell / 10))))
        for r, c in self._marks:
            p.drawEllipse(
                self.cell_rect(r, c).adjusted(cell * 0.12, cell * 0.12, -cell * 0.12, -cell * 0.12)
            )
        p.end()
