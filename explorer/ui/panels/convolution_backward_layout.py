"""The arrangement of the Convolution tab's backward view
(`explorer.ui.panels.convolution_backward.BackwardView`): the result and dY choices on top, the
dY / middle / result grids with the ReLU gate below them, the step buttons and slider, and the
arithmetic under a splitter. No texts here: the view's `retranslate_ui` sets them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout,
                               QWidget)

from explorer.ui.widgets.layout_fit import FitToViewport


def backward_layout(view) -> None:
    """Lay out the widgets `BackwardView.__init__` made."""

    top = QHBoxLayout()
    top.addWidget(view.result_label)
    top.addWidget(view.result_combo)
    top.addSpacing(12)
    top.addWidget(view.dy_label)
    top.addWidget(view.dy_combo)
    top.addWidget(view.seed)
    top.addStretch(1)

    views = FitToViewport(view)
    grid = QGridLayout(views)
    grid.setContentsMargins(4, 4, 4, 4)   # the grids' pixels, at 1024 wide
    for i, (title, row) in enumerate(zip(view.titles, (view.dy_row, view.middle_row,
                                                         view.result_row))):
        grid.addWidget(title, 0, i)
        grid.addWidget(row, 1, i)
    grid.addWidget(view.gate_title, 2, 0, 1, 3)
    grid.addWidget(view.gate_row, 3, 0, 1, 3)
    grid.setColumnStretch(0, 4)
    grid.setColumnStretch(1, 3)
    grid.setColumnStretch(2, 4)
    grid.setRowStretch(1, 3)
    grid.setRowStretch(3, 1)
    scroll = view.views_scroll = QScrollArea(view)
    scroll.setWidgetResizable(True)
    scroll.setWidget(views)
    views.setMinimumHeight(260)

    steps = QHBoxLayout()
    for w in (view.back_button, view.play_button, view.forward_button, view.end_button):
        steps.addWidget(w)
    steps.addStretch(1)
    bar = QHBoxLayout()               # a second row: the tab stays usable ~730 px wide
    bar.addWidget(view.position_label, 1)   # wraps only when the row is narrow
    bar.addWidget(view.slider, 2)

    upper = QWidget(view)
    uv = QVBoxLayout(upper)
    uv.setContentsMargins(0, 0, 0, 0)
    uv.addLayout(top)
    uv.addWidget(view.message)
    uv.addWidget(scroll, 1)
    uv.addLayout(steps)
    uv.addLayout(bar)
    split = QSplitter(Qt.Orientation.Vertical, view)
    split.addWidget(upper)
    split.addWidget(view.arithmetic)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    split.setSizes([640, 180])   # the grids first; the arithmetic scrolls
    main = QVBoxLayout(view)
    main.setContentsMargins(0, 0, 0, 0)
    main.addWidget(split)
