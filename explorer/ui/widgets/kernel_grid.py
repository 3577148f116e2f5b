"""An editable grid of kernel weights (1x1 to 7x7) that checks every cell as it is typed.

Cells accept numbers and simple fractions (``explorer.engine.kernels.parse_cell``). A cell that
is not a number turns red, its tooltip says why, and the grid reports no kernel until it is
fixed: the last valid kernel stays in use. Cells show a short form of the value; the exact value
is kept (and shown in the tooltip), so a Gaussian loaded from the library stays exact.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from explorer.engine.kernels import MAX_KERNEL_SIZE, format_cell, parse_cell

_INVALID = QColor(255, 170, 170)
_NEG = np.array([60, 110, 230])
_POS = np.array([230, 80, 50])


def _tr(text: str) -> str:
    return QCoreApplication.translate("KernelGrid", text)


def _tint(value: float, scale: float) -> QColor:
    """A light blue (negative) / red (positive) tint; white for 0. Display only."""
    t = 0.0 if scale == 0 else min(1.0, abs(value) / scale) * 0.45
    base = _NEG if value < 0 else _POS
    rgb = (255 * (1 - t) + base * t).astype(int)
    return QColor(*rgb)


class KernelGrid(QTableWidget):
    """``sigKernelChanged(kernel)``: a ``(K, K)`` float64 array, after every edit that leaves all
    cells valid. ``sigInvalid(message)``: an edit left at least one invalid cell (message names
    the first). ``read_only=True`` makes a display grid (e.g. the learned filter)."""

    sigKernelChanged = Signal(object)
    sigInvalid = Signal(str)

    def __init__(self, parent=None, *, read_only: bool = False, cell_size: int = 50,
                 decimals: int | None = None):
        super().__init__(parent)
        self._read_only = read_only
        self._cell = cell_size
        self._decimals = decimals
        self._values = np.zeros((3, 3))
        self._errors: dict[tuple[int, int], str] = {}
        self._filling = False
        self.horizontalHeader().setVisible(False)
        self.verticalHeader().setVisible(False)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(cell_size)
            header.setMinimumSectionSize(10)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if read_only:
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        else:
            self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
            self.setToolTip(_tr("Type a weight in each cell: a number (-2, 0.5) or a fraction (1/16). "
                                "Tab or the arrow keys move to the next cell."))
        self.itemChanged.connect(self._on_item_changed)
        self.set_kernel(self._values)

    def __repr__(self) -> str:
        n = self._values.shape[0]
        state = f"{len(self._errors)} invalid" if self._errors else f"sum={self._values.sum():.4g}"
        return f"KernelGrid({n}x{n}, {state})"

    # --- reading ------------------------------------------------------------------------------
    @property
    def size(self) -> int:
        return self._values.shape[0]

    def kernel(self) -> np.ndarray | None:
        """A copy of the ``(K, K)`` kernel, or None while a cell is invalid."""
        return None if self._errors else self._values.copy()

    def errors(self) -> dict[tuple[int, int], str]:
        """``{(row, col): message}`` of the cells that are not numbers."""
        return dict(self._errors)

    # --- writing ------------------------------------------------------------------------------
    def set_kernel(self, kernel) -> None:
        """Show ``kernel`` ``(K, K)`` (resizing the grid), clear errors, emit ``sigKernelChanged``."""
        k = np.array(kernel, dtype=np.float64)
        if k.ndim != 2 or k.shape[0] != k.shape[1] or not 1 <= k.shape[0] <= MAX_KERNEL_SIZE:
            raise ValueError(f"the grid shows square kernels 1x1 to {MAX_KERNEL_SIZE}x{MAX_KERNEL_SIZE}, "
                             f"got shape {k.shape}")
        self._values = k
        self._errors.clear()
        n = k.shape[0]
        self._filling = True
        try:
            self.setRowCount(n)
            self.setColumnCount(n)
            for r in range(n):
                for c in range(n):
                    item = self.item(r, c)
                    if item is None:
                        item = QTableWidgetItem()
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                        self.setItem(r, c, item)
                    item.setText(self._format(k[r, c]))
        finally:
            self._filling = False
        self._restyle()
        side = n * self._cell + 2 * self.frameWidth()
        self.setFixedSize(side, side)
        self.sigKernelChanged.emit(k.copy())

    def _format(self, value: float) -> str:
        if self._decimals is None:
            # 3 significant digits without the leading zero fit a cell: .024, -.309, 16, 1.5
            value = float(value)
            if value == round(value) or abs(value) >= 1:
                return format_cell(round(value, 3))
            for digits in (3, 2, 1):  # a sign and 5 more characters fit a cell
                text = f"{value:.{digits}g}".replace("0.", ".", 1)
                if len(text.lstrip("-")) <= 5:
                    break
            return text
        value = float(value)
        if value == round(value):
            return str(int(round(value)))
        if abs(value) >= 1:
            return f"{value:.{max(0, self._decimals - 1)}f}"
        text = f"{value:.{self._decimals}f}"
        if float(text) == 0:
            return "0"
        # drop the leading zero so small cells fit: 0.12 -> .12, -0.12 -> -.12
        return text.replace("0.", ".", 1)

    def set_cell_text(self, row: int, col: int, text: str) -> None:
        """Type ``text`` into a cell, as the user would (for keyboard-free use and tests)."""
        self.item(row, col).setText(text)

    # --- internals ----------------------------------------------------------------------------
    def _on_item_changed(self, item: QTableWidgetItem):
        if self._filling:
            return
        r, c = item.row(), item.column()
        try:
            value = parse_cell(item.text())
        except ValueError as exc:
            self._errors[(r, c)] = str(exc)
        else:
            self._errors.pop((r, c), None)
            self._values[r, c] = value
        self._restyle()
        if self._errors:
            (er, ec), msg = min(self._errors.items())
            self.sigInvalid.emit(_tr("Row {0}, column {1}: {2}. Fix it to update the output; until then "
                                     "the last valid kernel stays.").format(er + 1, ec + 1, msg))
        else:
            self.sigKernelChanged.emit(self._values.copy())

    def _restyle(self):
        scale = float(np.abs(self._values).max()) if self._values.size else 0.0
        self._filling = True
        try:
            for r in range(self.rowCount()):
                for c in range(self.columnCount()):
                    item = self.item(r, c)
                    if item is None:
                        continue
                    if (r, c) in self._errors:
                        item.setBackground(QBrush(_INVALID))
                        item.setToolTip(_tr("Not used: {0}").format(self._errors[(r, c)]))
                    else:
                        v = self._values[r, c]
                        item.setBackground(QBrush(_tint(v, scale)))
                        item.setToolTip(_tr("Weight at row {0}, column {1}: {2!r}").format(r + 1, c + 1, float(v)))
                    if self._read_only:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        finally:
            self._filling = False

    def sizeHint(self) -> QSize:
        side = self.size * self._cell + 2 * self.frameWidth()
        return QSize(side, side)
