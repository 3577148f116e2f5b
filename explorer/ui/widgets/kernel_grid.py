"""An editable grid of kernel weights (1x1 to 7x7) that checks every cell as it is typed.

Cells accept numbers and simple fractions (``explorer.engine.kernels.parse_cell``). A cell that
is not a number is marked unmistakably (yellow, a thick red frame, red bold text: unlike any
weight's blue/red tint), its tooltip says why, and the grid reports no kernel until it is
fixed: the last valid kernel stays in use. Cells show a short form of the value; the exact value
is kept (and shown in the tooltip), so a Gaussian loaded from the library stays exact.
"""

from __future__ import annotations

import math
import unicodedata

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableWidget,
                               QTableWidgetItem)

from explorer.engine.kernels import MAX_KERNEL_SIZE, format_cell, parse_cell
from explorer.ui.text import fill

#: An invalid cell: yellow (no weight is ever tinted yellow) framed in red, with red bold text.
_INVALID = QColor(255, 235, 90)
_INVALID_FRAME = QColor(200, 0, 0)
_INVALID_ROLE = Qt.ItemDataRole.UserRole + 1
_NEG = np.array([60, 110, 230])
_POS = np.array([230, 80, 50])


translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


def cell_problem(text: str) -> str:
    """Why ``text`` (which `parse_cell` refused) is not a weight, in the current language."""
    shown = text.strip()
    s = unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()
    if not s:
        return translate("KernelGrid", "the cell is empty: type a number such as 0, -2, 0.5 or "
                                       "a fraction such as 1/16")
    if "/" in s:
        try:
            if float(s.split("/", 1)[1]) == 0:
                return fill(translate("KernelGrid", "“%1” divides by zero: the number under the "
                                                    "/ must not be 0"), shown)
        except ValueError:
            pass
    try:
        value = float(s)
    except ValueError:
        value = None
    if value is not None and not math.isnan(value):
        return fill(translate("KernelGrid", "“%1” is too large to be a kernel weight"), shown)
    return fill(translate("KernelGrid", "“%1” is not a number: use digits with an optional sign "
                                        "and decimal point (-2, 0.5) or a fraction a/b (1/16)"),
                shown)


def _tint(value: float, scale: float) -> QColor:
    """A light blue (negative) / red (positive) tint; white for 0. Display only."""
    t = 0.0 if scale == 0 else min(1.0, abs(value) / scale) * 0.45
    base = _NEG if value < 0 else _POS
    rgb = (255 * (1 - t) + base * t).astype(int)
    return QColor(*rgb)


class _CellDelegate(QStyledItemDelegate):
    """Paints the cell as usual, then a thick red frame around an invalid cell."""

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        if index.data(_INVALID_ROLE):
            painter.save()
            pen = QPen(_INVALID_FRAME, 3)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class KernelGrid(QTableWidget):
    """``sigKernelChanged(kernel)``: a ``(K, K)`` float64 array, after every edit that leaves all
    cells valid. ``sigInvalid(message)``: an edit left at least one invalid cell (message names
    every invalid cell, in reading order; `invalid_message` says it again in the current
    language). ``read_only=True`` makes a display grid (e.g. the
    learned filter). Cells are ``cell_size`` pixels square, smaller for large kernels when
    ``max_side`` caps the grid's side."""

    sigKernelChanged = Signal(object)
    sigInvalid = Signal(str)

    def __init__(self, parent=None, *, read_only: bool = False, cell_size: int = 50,
                 decimals: int | None = None, max_side: int | None = None):
        super().__init__(parent)
        self._read_only = read_only
        self._cell_size = cell_size
        #: cells shrink so that a large kernel (6x6, 7x7) stays within this many pixels
        self._max_side = max_side
        self._cell = cell_size
        self._decimals = decimals
        self._values = np.zeros((3, 3))
        # (row, col) -> the text typed into a cell that is not a number
        self._errors: dict[tuple[int, int], str] = {}
        self._filling = False
        self._forwarding = False
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
            # no SelectedClicked: it opens the editor only after a double-click interval, and a
            # key typed meanwhile went to the view's keyboard search (the selection jumped to
            # another cell starting with that digit). A click on the current cell edits it at
            # once instead (`_edit_clicked`), and any printable key edits the current cell.
            triggers = QAbstractItemView.EditTrigger
            self.setEditTriggers(triggers.CurrentChanged | triggers.DoubleClicked
                                 | triggers.EditKeyPressed | triggers.AnyKeyPressed)
            self.clicked.connect(self._edit_clicked)
        self._delegate = _CellDelegate(self)
        self.setItemDelegate(self._delegate)
        self.itemChanged.connect(self._on_item_changed)
        self.set_kernel(self._values)
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- typing -------------------------------------------------------------------------------
    def keyboardSearch(self, search: str) -> None:
        """No search by typed text: a typed character belongs in the current cell."""

    def keyPressEvent(self, event) -> None:
        """A printable key edits the current cell (its editor gets the key). A printable key
        that reaches the grid while the cell's editor is open (the editor does not have the
        focus yet) goes on to that editor, so fast typing never lands in another cell."""
        index = self.currentIndex()
        text = event.text()
        control = event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                       | Qt.KeyboardModifier.AltModifier
                                       | Qt.KeyboardModifier.MetaModifier)
        if (not self._read_only and index.isValid() and text and text.isprintable()
                and not control):
            editor = self.indexWidget(index)
            if self.state() == QAbstractItemView.State.EditingState and editor is not None:
                if not self._forwarding:
                    self._forwarding = True   # a key the editor ignores comes back here
                    try:
                        QCoreApplication.sendEvent(editor, event)
                    finally:
                        self._forwarding = False
                return
            if self.edit(index, QAbstractItemView.EditTrigger.AnyKeyPressed, event):
                return
        super().keyPressEvent(event)

    def _edit_clicked(self, index) -> None:
        if (self.state() != QAbstractItemView.State.EditingState
                and self.indexWidget(index) is None):   # not when the click opened an editor
            self.edit(index)

    def retranslate_ui(self) -> None:
        """The grid's tooltip and every cell's tooltip in the current language."""
        if not self._read_only:
            self.setToolTip(translate("KernelGrid", "Type a weight in each cell: a number (-2, "
                                      "0.5) or a fraction (1/16). Tab or the arrow keys move to "
                                      "the next cell."))
        self._restyle()

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
        """``{(row, col): message}`` of the cells that are not numbers (current language)."""
        return {cell: cell_problem(text) for cell, text in self._errors.items()}

    # --- writing ------------------------------------------------------------------------------
    def set_kernel(self, kernel) -> None:
        """Show ``kernel`` ``(K, K)`` (resizing the grid), clear errors, emit
        ``sigKernelChanged``."""
        k = np.array(kernel, dtype=np.float64)
        if k.ndim != 2 or k.shape[0] != k.shape[1] or not 1 <= k.shape[0] <= MAX_KERNEL_SIZE:
            raise ValueError(f"the grid shows square kernels 1x1 to "
                             f"{MAX_KERNEL_SIZE}x{MAX_KERNEL_SIZE}, got shape {k.shape}")
        self._values = k
        self._errors.clear()
        n = k.shape[0]
        self._cell = self.cell_size_for(n)
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
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setDefaultSectionSize(self._cell)
            for i in range(n):
                header.resizeSection(i, self._cell)
        side = n * self._cell + 2 * self.frameWidth()
        self.setFixedSize(side, side)
        self.sigKernelChanged.emit(k.copy())

    def cell_size_for(self, n: int) -> int:
        """Pixels per cell of an ``n x n`` kernel: ``cell_size``, or less if ``max_side`` needs."""
        if self._max_side is None:
            return self._cell_size
        return max(16, min(self._cell_size, self._max_side // n))

    def _format(self, value: float) -> str:
        if self._decimals is None:
            # 3 significant digits without the leading zero fit a cell: .024, -.309, 16, 1.5
            value = float(value)
            if value == round(value) or abs(value) >= 1:
                return format_cell(round(value, 3))
            fits = self.fontMetrics().horizontalAdvance
            for digits in (3, 2, 1):  # as many digits as the cell's width shows
                text = f"{value:.{digits}g}".replace("0.", ".", 1).replace("e-0", "e-")
                if fits(text) + 8 <= self._cell:
                    break
            else:  # tiny weights in narrow cells: 2e-4 (the tooltip has the exact value)
                text = f"{value:.0e}".replace("e-0", "e-")
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
        except ValueError:
            self._errors[(r, c)] = item.text()
        else:
            self._errors.pop((r, c), None)
            self._values[r, c] = value
        self._restyle()
        if self._errors:
            self.sigInvalid.emit(self.invalid_message())
        else:
            self.sigKernelChanged.emit(self._values.copy())

    def invalid_message(self) -> str:
        """Every invalid cell, in reading order, with why, in the current language; empty when
        all cells are numbers."""
        if not self._errors:
            return ""
        cells = [fill(translate("KernelGrid", "row %1, column %2: %3"), r + 1, c + 1,
                      cell_problem(text)) for (r, c), text in sorted(self._errors.items())]
        listed = translate("KernelGrid", "; ", "separator between the invalid cells of a list"
                           ).join(cells)
        if len(self._errors) == 1:
            return fill(translate("KernelGrid", "Invalid cell (yellow, framed in red): %1. Fix it "
                                  "to update the output; until then the last valid kernel stays."),
                        listed)
        n = len(self._errors)   # (lupdate misses a plural whose count is a call)
        return fill(translate("KernelGrid", "%n invalid cells (yellow, framed in red): %1. Fix "
                              "them to update the output; until then the last valid kernel "
                              "stays.", "", n), listed)

    def _restyle(self):
        scale = float(np.abs(self._values).max()) if self._values.size else 0.0
        self._filling = True
        try:
            for r in range(self.rowCount()):
                for c in range(self.columnCount()):
                    item = self.item(r, c)
                    if item is None:
                        continue
                    bad = (r, c) in self._errors
                    item.setData(_INVALID_ROLE, bad)
                    font = QFont(self.font())
                    font.setBold(bad)
                    item.setFont(font)
                    if bad:
                        item.setBackground(QBrush(_INVALID))
                        item.setForeground(QBrush(_INVALID_FRAME))
                        item.setToolTip(fill(translate("KernelGrid", "Not used: %1"),
                                             cell_problem(self._errors[(r, c)])))
                    else:
                        v = self._values[r, c]
                        item.setBackground(QBrush(_tint(v, scale)))
                        item.setForeground(QBrush(QColor(0, 0, 0)))
                        # the exact value (+ 0.0: a negative zero reads as 0.0)
                        item.setToolTip(fill(translate("KernelGrid", "Weight at row %1, column "
                                                       "%2: %3"), r + 1, c + 1,
                                             repr(float(v) + 0.0)))
                    if self._read_only:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        finally:
            self._filling = False

    def sizeHint(self) -> QSize:
        side = self.size * self._cell + 2 * self.frameWidth()
        return QSize(side, side)
