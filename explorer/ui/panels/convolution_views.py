"""Views of the Convolution panel: the Direction control, a row of per-channel grids and the
im2col tab.

They show what a `explorer.engine.stepper` stepper holds; no maths here.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout,
                               QWidget)

from explorer.engine.stepper import ConvStepper
from explorer.ui.text import fill
from explorer.ui.widgets.colour_scale import ColourScale
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.image_grid import ImageGrid
from explorer.ui.widgets.imaging import cmap_for
from explorer.ui.widgets.number_grid import HIGHLIGHT, SECOND, NumberGrid, format_number
from explorer.ui.widgets.signals import blocked

#: Rows of the im2col matrix shown around the current one.
IM2COL_ROWS = 9


class DirectionBox(QWidget):
    """The Direction control (Forward / Backward) of the Convolution tab."""

    sigChanged = Signal(str)   # "forward" or "backward"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.combo = FitComboBox(self)
        self.combo.setObjectName("directionCombo")
        for key in ("forward", "backward"):
            self.combo.addItem("", key)
        self.label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        self.combo.currentIndexChanged.connect(lambda _i: self.sigChanged.emit(self.direction))
        self.retranslate_ui()

    @property
    def direction(self) -> str:
        return self.combo.currentData()

    def set_direction(self, direction: str):
        i = self.combo.findData(direction)
        if i >= 0:
            self.combo.setCurrentIndex(i)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.label.setText(self.tr("&Direction:"))
        with blocked(self.combo):
            self.combo.setItemText(0, self.tr("Forward: the output"))
            self.combo.setItemText(1, self.tr("Backward: the gradients"))
        self.combo.setItemData(0, self.tr(
            "Step through the forward pass: each output cell as a sum of input \u00d7 kernel."),
            Qt.ItemDataRole.ToolTipRole)
        self.combo.setItemData(1, self.tr(
            "Step through backpropagation: from an output gradient dY to the input gradient "
            "dX, the kernel gradient dW and the bias gradient db."), Qt.ItemDataRole.ToolTipRole)
        self.combo.setToolTip(self.tr(
            "Forward computes the output; Backward shows how a gradient arriving at the output "
            "flows back to the input and the weights (the chain rule, cell by cell)."))


#: The height in cells from which three or more grids of a wrapping `ChannelRow` take two lines.
WRAP_FROM = 20


class ChannelRow(QWidget):
    """One `NumberGrid` per channel, side by side, each with a caption above it, and the
    colour bar of their common scale under them (`set_scale`); before the grids, optionally,
    the picture they come from in colour (`set_preview`). With ``wrap``, three or more large
    grids (`WRAP_FROM` rows or more) go in two lines: a photo's preview and R, then G and B,
    each grid wider than in one line; small ones (a 4x4 example) stay in one line, where a
    short window gives them more room."""

    def __init__(self, parent=None, *, cell_size: int = 34, max_size: int = 380, min_cell: int = 0,
                 wrap: bool = False):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._layout = QGridLayout()
        self._wrap = wrap
        self._boxes: list[QVBoxLayout] = []
        self._shown = 0
        self._rows = 0       # the grids' height in cells (set_count)
        outer.addLayout(self._layout, 1)
        self.preview = ImageGrid(self, cell_size=72, levels=(0.0, 1.0))
        self.preview.setObjectName("channelRowPreview")
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.preview.setFixedWidth(80)
        self.preview.hide()
        self.scale = ColourScale(self)
        self.scale.setMinimumWidth(140)   # room for the bar between its two numbers
        self.scale.hide()
        outer.addWidget(self.scale)
        self.grids: list[NumberGrid] = []
        self.captions: list[QLabel] = []
        self._cell_size, self._max_size, self._min_cell = cell_size, max_size, min_cell

    def __repr__(self) -> str:
        return f"ChannelRow({len(self.grids)} grids)"

    def set_count(self, n: int, cells: tuple[int, int] | None = None):
        """Show ``n`` grids (more are created when needed, extra ones hidden); ``cells``: the
        (rows, columns) they are about to show (whether they wrap into two lines)."""
        self._rows = int(cells[0]) if cells else 0
        while len(self.grids) < n:
            box = QVBoxLayout()
            caption = QLabel(self)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid = NumberGrid(self, cell_size=self._cell_size, max_size=self._max_size,
                              min_cell=self._min_cell)
            box.addWidget(caption)
            box.addWidget(grid, 1)
            self._boxes.append(box)
            self.grids.append(grid)
            self.captions.append(caption)
        self._shown = n
        self._arrange()
        for i, (g, c) in enumerate(zip(self.grids, self.captions)):
            g.setVisible(i < n)
            c.setVisible(i < n)
            if i >= n:
                c.clear()   # no stale caption (in the old language) left behind
        if n == 0:
            self.scale.hide()

    def _arrange(self) -> None:
        """Put the preview (when shown) and the shown grids in one line, or in two with
        ``wrap`` and three or more large ones; and set the grids' smallest cell."""
        layout = self._layout
        layout.removeWidget(self.preview)
        for box in self._boxes:
            layout.removeItem(box)
        items = ([self.preview] if not self.preview.isHidden() else []) + self._boxes[:self._shown]
        count = max(1, len(items))
        wrap = self._wrap and count >= 3 and self._rows >= WRAP_FROM
        columns = (count + 1) // 2 if wrap else count
        for c in range(layout.columnCount()):
            layout.setColumnStretch(c, 0)
        for i, item in enumerate(items):
            row, col = divmod(i, columns)
            if item is self.preview:
                layout.addWidget(item, row, col, Qt.AlignmentFlag.AlignCenter)
            else:
                layout.addLayout(item, row, col)
                layout.setColumnStretch(col, 1)
        for box in self._boxes[self._shown:]:      # hidden ones stay owned by the layout
            layout.addLayout(box, 2, len(self._boxes))
        # the row asks for about the room of one channel at the smallest cell, whatever the
        # count: a photo's three 36x36 channels beside the kernel and the output fit the tab
        # (the cells get smaller) instead of pushing them off to the side or down
        min_cell = max(2, self._min_cell // count) if self._min_cell else 0
        for g in self.grids:
            g.set_min_cell(min_cell)

    def set_preview(self, image, caption: str = "") -> None:
        """Show ``image`` ``(H, W, 3)`` in [0, 1] in colour before the grids, captioned
        (already translated); None hides it."""
        if image is None:
            self.preview.set_images([])
            self.preview.hide()
        else:
            self.preview.set_images([image], [caption])
            self.preview.show()
        self._arrange()

    def set_scale(self, levels, cmap: str):
        """Show the colour bar of ``levels`` (lo, hi) in ``cmap`` under the grids."""
        self.scale.set_range(levels[0], levels[1], cmap)
        self.scale.show()


class Im2colView(QWidget):
    """The im2col tab: the unrolled input (rows around the current one, highlighted), the filter
    as one row, the output as one column, and the shapes of everything involved.

    For pooling it shows the current output cell's windows, one row per channel, with the
    max-pool winners circled."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shapes = QLabel(self)
        self.shapes.setObjectName("im2colShapes")
        self.shapes.setWordWrap(True)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.matrix = NumberGrid(self, cell_size=30, max_size=520)
        self.matrix.setObjectName("im2colMatrix")
        self.kernel = NumberGrid(self, cell_size=30, max_size=520)
        self.kernel.setObjectName("im2colKernel")
        self.output = NumberGrid(self, cell_size=30, max_size=300)
        self.output.setObjectName("im2colOutput")
        self.kernel_caption = QLabel(self)
        self.kernel_caption.setWordWrap(True)
        self.output_caption = QLabel(self)
        # colour bars: the im2col rows (the input's scale unless per-view contrast), the filter
        self.matrix_scale = ColourScale(self)
        self.kernel_scale = ColourScale(self)
        for bar in (self.matrix_scale, self.kernel_scale):
            bar.setMinimumWidth(120)
        self.dot = QLabel("\u00b7", self)
        g = QGridLayout(self)
        g.addWidget(self.shapes, 0, 0, 1, 3)
        g.addWidget(self.caption, 1, 0)
        g.addWidget(self.output_caption, 1, 2)
        g.addWidget(self.matrix, 2, 0)
        g.addWidget(self.dot, 2, 1)
        g.addWidget(self.output, 2, 2)
        g.addWidget(self.matrix_scale, 3, 0)
        g.addWidget(self.kernel_caption, 4, 0, 1, 3)
        g.addWidget(self.kernel, 5, 0, 1, 3)
        g.addWidget(self.kernel_scale, 6, 0, 1, 3)
        g.setColumnStretch(0, 5)
        g.setColumnStretch(2, 1)
        g.setRowStretch(2, 3)
        g.setRowStretch(5, 1)
        #: The stepper and position shown (their texts are written again on a language change).
        self._stepper = self._position = None
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"Im2colView({self.matrix.values.shape})"

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """The static texts, then the shapes and captions of the stepper and position shown."""
        self.matrix.value_name = self.tr("input value")
        self.matrix.setToolTip(self.tr(
            "im2col: every receptive window unrolled into one row; the highlighted row is the "
            "current output cell's window."))
        self.kernel.value_name = self.tr("weight")
        self.output_caption.setText(self.tr("output (one column)"))
        if self._stepper is not None:
            self._setup_texts(self._stepper)
            if self._position is not None:
                self._position_texts(self._stepper, self._position)

    def show_setup(self, st):
        """Shapes and the filter row of a new stepper."""
        self._stepper, self._position = st, None
        conv = isinstance(st, ConvStepper)
        for w in (self.kernel, self.output, self.output_caption, self.dot, self.kernel_scale):
            w.setVisible(conv)
        if conv:
            self.kernel.set_matrix(st.kernel_row[None, :], cmap=cmap_for(st.kernel_row))
            self.kernel_scale.set_range(*self.kernel.levels, self.kernel.cmap)
        self._setup_texts(st)

    def _setup_texts(self, st):
        if isinstance(st, ConvStepper):
            n_rows, n_cols = st.cols.shape
            c, kh, kw = st.kernel.shape
            self.shapes.setText(fill(self.tr(
                "x: (N, C, H, W) = (1, %1, %2, %3);  weight: (out, in, h, w) = (1, %1, %4, %5);  "
                "im2col(x): (N\u00b7OH\u00b7OW, C\u00b7KH\u00b7KW) = (%6, %7);  "
                "cols @ weight.reshape(1, \u22121).T = (%6, 1), reshaped to (1, 1, %8, %9)."
            ), c, st.x.shape[1], st.x.shape[2], kh, kw, n_rows, n_cols, *st.output_shape))
            self.kernel_caption.setText(self.tr(
                "The filter as one row, weight.reshape(out, \u22121), rotated 180\u00b0 first: "
                "the same (c, kh, kw) order as the im2col columns.") if st.flip else self.tr(
                "The filter as one row, weight.reshape(out, \u22121): the same (c, kh, kw) order "
                "as the im2col columns."))
        else:
            c = st.x.shape[0]
            self.shapes.setText(fill(self._pool_im2col_text(st.mode, c), st.size[0], st.size[1]))
            self.kernel_caption.setText("")

    def _pool_im2col_text(self, mode: str, c: int) -> str:
        """How pooling uses im2col, for ``c`` channels (%1, %2: the window); whole sentences
        for max/mean and for one/several rows (%n) per output cell."""
        if mode == "max":
            return self.tr(
                "Pooling in \u201cDeep Learning from Scratch\u201d (chapter 7) also uses im2col: "
                "the windows become rows, reshaped so each "
                "row holds one channel's %1\u00d7%2 window (one row per output cell here); the "
                "maximum of each row is the output.") if c == 1 else self.tr(
                "Pooling in \u201cDeep Learning from Scratch\u201d (chapter 7) also uses im2col: "
                "the windows become rows, reshaped so each "
                "row holds one channel's %1\u00d7%2 window (%n rows per output cell here); the "
                "maximum of each row is the output.", "", c)
        return self.tr(
            "Pooling in \u201cDeep Learning from Scratch\u201d (chapter 7) also uses im2col: "
                "the windows become rows, reshaped so each "
            "row holds one channel's %1\u00d7%2 window (one row per output cell here); the "
            "mean of each row is the output.") if c == 1 else self.tr(
            "Pooling in \u201cDeep Learning from Scratch\u201d (chapter 7) also uses im2col: "
                "the windows become rows, reshaped so each "
            "row holds one channel's %1\u00d7%2 window (%n rows per output cell here); the "
            "mean of each row is the output.", "", c)

    def show_position(self, st, pos, levels=None):
        """Highlight the current position's row (conv) or show its windows (pooling);
        ``levels``: the input grid's colour range, shared by these rows of the same input
        values (None: the rows' own range, per-view contrast)."""
        self._stepper, self._position = st, pos
        in_cmap = cmap_for(st.padded)
        if isinstance(st, ConvStepper):
            n = st.cols.shape[0]
            start = int(np.clip(pos.im2col_row - IM2COL_ROWS // 2, 0, max(0, n - IM2COL_ROWS)))
            stop = min(n, start + IM2COL_ROWS)
            rows = st.cols[start:stop]
            self.matrix.row_offset = start
            self.matrix.set_matrix(rows, levels=levels, cmap=in_cmap)
            self.matrix.set_marks([])
            self.matrix.set_highlights([(pos.im2col_row - start, 0, 1, rows.shape[1], HIGHLIGHT)])
            self.output.row_offset = start
            self.output.set_matrix(st.output.reshape(-1)[start:stop, None],
                                   cmap=cmap_for(st.output))
            self.output.set_highlights([(pos.im2col_row - start, 0, 1, 1, SECOND)])
        else:
            kw = pos.window[3]
            rows = pos.patch.reshape(pos.patch.shape[0], -1)
            self.matrix.row_offset = 0
            self.matrix.set_matrix(rows, levels=levels, cmap=in_cmap)
            marks = [] if pos.winner is None else [(ch, r * kw + c)
                                                   for ch, (r, c) in enumerate(pos.winner)]
            self.matrix.set_marks(marks)
            self.matrix.set_highlights([])
        self.matrix_scale.set_range(*self.matrix.levels, self.matrix.cmap)
        self._position_texts(st, pos)

    def _position_texts(self, st, pos):
        if isinstance(st, ConvStepper):
            n = st.cols.shape[0]
            start = self.matrix.row_offset
            stop = min(n, start + IM2COL_ROWS)
            if n == 1:
                shown = self.tr("Shown: im2col row 0, the only row: the window of the only "
                                "output cell.")
            else:
                shown = fill(self.tr(
                    "Shown: im2col rows %1 to %2, of %n rows in all (row r is the window of "
                    "output cell r, output cells counted row by row from 0).", "", n),
                    start, stop - 1)
            self.caption.setText(shown + " " + fill(self.tr(
                "Row %1 \u00b7 filter + bias = %2."), pos.im2col_row, format_number(pos.result)))
            return
        self.caption.setText(self.tr(
            "This output cell's windows, one row per channel (output = max of each row).")
            if st.mode == "max" else self.tr(
            "This output cell's windows, one row per channel (output = mean of each row)."))
