"""The Layers panel's arrangement (`explorer.ui.panels.layers.LayersPanel`): the summary
table, layer navigation, input choice and receptive field on the left; the selected layer's
maps over the opened map with what produced it on the right. No texts here: the panel's
`retranslate_ui` sets them (`layers_text.retranslate_static`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QScrollArea,
                               QSplitter, QVBoxLayout, QWidget)


def build_layout(panel) -> None:
    """Lay out the widgets ``panel._build_widgets`` made; adds ``panel.source_box`` (the input
    choice) and ``panel.heading`` (the table's heading)."""
    nav = QHBoxLayout()
    nav.addWidget(panel.prev_button)
    nav.addWidget(panel.next_button)
    source = panel.source_box = QGroupBox(panel)
    sl = QGridLayout(source)
    sl.addWidget(panel.use_current, 0, 0, 1, 2)
    sl.addWidget(panel.use_test, 1, 0)
    sl.addWidget(panel.test_index, 1, 1)
    sl.addWidget(panel.input_view, 0, 2, 3, 1)
    sl.addWidget(panel.input_note, 2, 0, 1, 2)
    left = QVBoxLayout()
    panel.heading = QLabel(panel)
    left.addWidget(panel.heading)
    # the table and the receptive field share the height (the field took it all: two
    # rows of the table at 1024x700)
    left.addWidget(panel.table, 3)
    left.addLayout(nav)
    left.addWidget(source)
    left.addWidget(panel.field_box, 2)
    left.addWidget(panel.message)
    left_w = QWidget(panel)
    left_w.setLayout(left)

    top = QWidget(panel)
    tl = QVBoxLayout(top)
    tl.setContentsMargins(0, 0, 0, 0)
    tl.addWidget(panel.layer_title)
    row = QHBoxLayout()
    row.addWidget(panel.colour_scale, 1)
    row.addWidget(panel.per_map)
    tl.addLayout(row)
    scroll = QScrollArea(panel)
    scroll.setWidgetResizable(True)
    inner = QWidget(scroll)
    il = QVBoxLayout(inner)
    il.addWidget(panel.inception_box)   # scrolls with the maps it explains
    il.addWidget(panel.maps, 1)
    il.addWidget(panel.strip, 1)
    scroll.setWidget(inner)
    tl.addWidget(scroll, 1)

    bottom = QWidget(panel)
    bl = QGridLayout(bottom)
    bl.addWidget(panel.detail_title, 0, 0)
    bl.addWidget(panel.source_title, 0, 1)
    bl.addWidget(panel.detail, 1, 0, 3, 1)
    bl.addWidget(panel.kernels, 1, 1)
    bl.addWidget(panel.source_map, 1, 1)
    bl.addWidget(panel.kernel_caption, 2, 1)
    bl.addWidget(panel.kernel_numbers, 3, 1)
    bl.addWidget(panel.hover_label, 4, 0, 1, 2)
    bl.setColumnStretch(0, 1)
    bl.setColumnStretch(1, 1)
    bl.setRowStretch(1, 1)
    bl.setRowStretch(3, 2)

    right = QSplitter(Qt.Orientation.Vertical, panel)
    right.addWidget(top)
    right.addWidget(bottom)
    right.setSizes([420, 380])
    split = QSplitter(Qt.Orientation.Horizontal, panel)
    split.addWidget(left_w)
    split.addWidget(right)
    split.setSizes([470, 900])
    main = QHBoxLayout(panel)
    main.addWidget(split)
