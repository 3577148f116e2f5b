"""The Convolution tab's "Numbers you type" input: a dialog with one editable table per channel.

The learner sets the rows, columns and channels (`explorer.ui.typed_input` limits: 1-32, 1-3),
fills the grid with a pattern or types numbers cell by cell, and the panel steps through the
convolution (or pooling) of exactly those numbers: every worked example of the chapter can be
typed in (the 7x7 input with stride 2, the 6x6 edge example, the (28, 31) size with P 2, S 3).
A second image makes a batch (N, C, H, W) with N = 2, as the chapter's batched data.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout)

from explorer.ui.text import fill
from explorer.ui.typed_input import (CHANNELS, IMAGES, PATTERNS, SIZE, as_batch, fill_pattern,
                                     parse_typed, resize)
from explorer.ui.widgets.message_label import MessageLabel
from explorer.ui.widgets.number_grid import format_value
from explorer.ui.widgets.signals import blocked

__all__ = ["TypedInputDialog", "parse_cell"]

BAD_CELL = QColor(255, 200, 200)
NO_COLOUR = QColor(0, 0, 0, 0)


def parse_cell(text: str) -> float | None:
    """A cell's number (a comma as the decimal mark and the minus sign are accepted), or None
    when the text is not a finite number. An empty cell is 0."""
    text = text.strip().replace("\u2212", "-").replace(",", ".")
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        return None
    return value if np.isfinite(value) else None


class TypedInputDialog(QDialog):
    """Edit a (C, H, W) input or a batch of two, (2, C, H, W). ``values()`` is the accepted
    array (after ``exec()``): (C, H, W) for one image, (2, C, H, W) for two."""

    def __init__(self, x: np.ndarray, parent=None):
        super().__init__(parent)
        self.setObjectName("typedInputDialog")
        self._x = as_batch(parse_typed(x))      # always (N, C, H, W) inside the dialog
        n, c, h, w = self._x.shape
        self.rows, self.cols, self.channels = QSpinBox(self), QSpinBox(self), QSpinBox(self)
        self.images = QSpinBox(self)
        for spin, (lo, hi), v, name in ((self.rows, SIZE, h, "typedRows"),
                                        (self.cols, SIZE, w, "typedColumns"),
                                        (self.channels, CHANNELS, c, "typedChannels"),
                                        (self.images, IMAGES, n, "typedImages")):
            spin.setRange(lo, hi)
            spin.setValue(v)
            spin.setObjectName(name)
            spin.valueChanged.connect(self._on_shape)
        self.pattern = QComboBox(self)
        self.pattern.setObjectName("typedPattern")
        for key in PATTERNS:
            self.pattern.addItem("", key)
        self.fill_button = QPushButton(self)
        self.fill_button.setObjectName("typedFill")
        self.fill_button.clicked.connect(self._on_fill)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("typedTables")
        self.message = MessageLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self._labels = [QLabel(self) for _ in range(5)]
        for label, spin in zip(self._labels[:3] + self._labels[4:],
                               (self.rows, self.cols, self.channels, self.images)):
            label.setBuddy(spin)
            form.addRow(label, spin)
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.pattern, 1)
        fill_row.addWidget(self.fill_button)
        self._labels[3].setBuddy(self.pattern)
        form.addRow(self._labels[3], fill_row)
        main = QVBoxLayout(self)
        main.addLayout(form)
        main.addWidget(self.tabs, 1)
        main.addWidget(self.message)
        main.addWidget(self.buttons)
        self._tables: list[QTableWidget] = []
        self._show_tables()
        self.retranslate_ui()
        self.resize(620, 520)

    # --- language -------------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.setWindowTitle(self.tr("Numbers you type"))
        for label, text in zip(self._labels, (self.tr("&Rows:"), self.tr("&Columns:"),
                                              self.tr("C&hannels:"), self.tr("&Fill with:"))):
            label.setText(text)
        self.rows.setToolTip(fill(self.tr("Rows of the input (%1 to %2)."), *SIZE))
        self.cols.setToolTip(fill(self.tr("Columns of the input (%1 to %2)."), *SIZE))
        self.channels.setToolTip(fill(self.tr(
            "Channels of the input (%1 to %2); the kernel then needs as many."), *CHANNELS))
        self._labels[4].setText(self.tr("&Images (N):"))
        self.images.setToolTip(self.tr(
            "1: one image (C, H, W). 2: a batch of two images (N, C, H, W), as the chapter's "
            "batched data: the forward pass gives each image its own output; backward gives "
            "each image its own dX, while dW and db add up both images' contributions."))
        names = (self.tr("Zeros"), self.tr("A ramp: (row + column) mod 5"),
                 self.tr("Random integers 0-9"), self.tr("A vertical edge: 10 | 0"))
        with blocked(self.pattern):
            for i, name in enumerate(names):
                self.pattern.setItemText(i, name)
        self.fill_button.setText(self.tr("Fi&ll"))
        self.fill_button.setToolTip(self.tr(
            "Replace every cell of every channel with the pattern (the values are chosen here, "
            "not taken from the book)."))
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, self._tab_text(i))
        for t in self._tables:
            t.setToolTip(self.tr("Type a number into any cell (an empty cell is 0)."))
        self._validate()

    # --- tables ---------------------------------------------------------------------------------
    def _tab_text(self, i: int) -> str:
        """Tab ``i``'s title: its channel, and its image when there are two."""
        n, c = self._x.shape[:2]
        if n == 1:
            return fill(self.tr("Channel %1"), i)
        return fill(self.tr("Image %1, channel %2"), i // c, i % c)

    def _show_tables(self):
        self._x = as_batch(self._x)
        n, c, h, w = self._x.shape
        while len(self._tables) < n * c:
            t = QTableWidget(self)
            t.setObjectName(f"typedTable{len(self._tables)}")
            t.horizontalHeader().setDefaultSectionSize(46)
            t.itemChanged.connect(lambda _item: self._validate())
            t.setToolTip(self.tr("Type a number into any cell (an empty cell is 0)."))
            self._tables.append(t)
        while self.tabs.count() > n * c:
            self.tabs.removeTab(self.tabs.count() - 1)
        for k in range(n * c):
            t = self._tables[k]
            image, ch = divmod(k, c)
            with blocked(t):
                t.setRowCount(h)
                t.setColumnCount(w)
                t.setVerticalHeaderLabels([str(i) for i in range(h)])
                t.setHorizontalHeaderLabels([str(j) for j in range(w)])
                for i in range(h):
                    for j in range(w):
                        t.setItem(i, j, QTableWidgetItem(
                            format_value(self._x[image, ch, i, j], None)))
            if self.tabs.indexOf(t) < 0:
                self.tabs.addTab(t, "")
            self.tabs.setTabText(k, self._tab_text(k))

    def _read(self) -> tuple[np.ndarray, list]:
        """The tables' numbers (N, C, H, W) and the (image, channel, row, col) of cells that
        are not."""
        n, c, h, w = self._x.shape
        x = np.zeros((n, c, h, w))
        bad = []
        for k in range(n * c):
            image, ch = divmod(k, c)
            t = self._tables[k]
            for i in range(h):
                for j in range(w):
                    item = t.item(i, j)
                    v = parse_cell(item.text() if item is not None else "")
                    if v is None:
                        bad.append((image, ch, i, j))
                    else:
                        x[image, ch, i, j] = v
        return x, bad

    def _validate(self) -> bool:
        x, bad = self._read()
        n, c = self._x.shape[:2]
        for k, t in enumerate(self._tables[: n * c]):
            image, ch = divmod(k, c)
            with blocked(t):
                for i in range(t.rowCount()):
                    for j in range(t.columnCount()):
                        item = t.item(i, j)
                        if item is not None:
                            item.setBackground(BAD_CELL if (image, ch, i, j) in bad
                                               else NO_COLOUR)
        ok = not bad
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if ok:
            self.message.show_info("")
        else:
            image, ch, i, j = bad[0]
            if n == 1:
                self.message.show_error(fill(self.tr(
                    "Channel %1, row %2, column %3 is not a number. Type a number such as 2, "
                    "-1.5 or 0.25 (an empty cell is 0)."), ch, i, j))
            else:
                self.message.show_error(fill(self.tr(
                    "Image %1, channel %2, row %3, column %4 is not a number. Type a number "
                    "such as 2, -1.5 or 0.25 (an empty cell is 0)."), image, ch, i, j))
        return ok

    def _on_shape(self):
        x, _bad = self._read()
        n, c = self.images.value(), self.channels.value()
        shape = (c, self.rows.value(), self.cols.value())
        kept = [resize(x[i] if i < x.shape[0] else x[0], shape)
                for i in range(n)]   # a new second image starts as a copy
        self._x = np.stack(kept)
        self._show_tables()
        self._validate()

    def _on_fill(self):
        n = self._x.shape[0]
        self._x = np.stack([fill_pattern(self.pattern.currentData(), self._x.shape[1:], seed=i)
                            for i in range(n)])
        self._show_tables()
        self._validate()

    def values(self) -> np.ndarray:
        """The numbers in the tables: (C, H, W) for one image, (2, C, H, W) for two
        (ValueError if a cell is not a number)."""
        x, bad = self._read()
        if bad:
            raise ValueError(f"cells {bad[:3]} are not numbers")
        return parse_typed(x)

    def accept(self):
        if self._validate():
            super().accept()
