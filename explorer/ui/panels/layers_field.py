"""The receptive field of one unit, for the Layers tab (issue 12): click a cell of the opened
feature map and the part of the 28x28 input that unit depends on is outlined, with its size.

The box is computed by the engine (`explorer.engine.insight.receptive_field`) in the worker
(`receptive_field_job`); `ReceptiveFieldBox` only draws it and says it in words.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from explorer.data.model_input import channel_planes
from explorer.engine.insight import ReceptiveField, receptive_field
from explorer.ui.text import fill
from explorer.ui.widgets.message_label import ERROR_COLOUR
from explorer.ui.widgets.number_grid import HIGHLIGHT, NumberGrid


translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


def show_input(grid, image) -> None:
    """Show the network's input in the Layers tab's ``grid`` (an ImageGrid): a grey image
    alone; a colour image (H, W, 3) in colour beside its red, green and blue channels, the
    three planes the first convolution's 3-D filters actually slide over."""
    image = np.asarray(image)
    if image.ndim != 3:
        grid.columns = 1
        grid.set_images([image])
        return
    names = [translate("LayersPanel", "colour"), translate("LayersPanel", "red"),
             translate("LayersPanel", "green"), translate("LayersPanel", "blue")]
    tips = [translate("LayersPanel", "The input image as you see it."),
            translate("LayersPanel", "The input's red channel: bright where there is much "
                                     "red. The first layer's filters have one slice per channel."),
            translate("LayersPanel", "The input's green channel: bright where there is much "
                                     "green. The first layer's filters have one slice per "
                                     "channel."),
            translate("LayersPanel", "The input's blue channel: bright where there is much "
                                     "blue. The first layer's filters have one slice per "
                                     "channel.")]
    grid.columns = 2
    grid.set_images([image, *channel_planes(image)], captions=names, tooltips=tips)


def receptive_field_job(layer: str, row: int, col: int, model) -> ReceptiveField:
    """Runs in the worker thread: the input box unit (``row``, ``col``) of ``layer`` sees."""
    return receptive_field(model, layer, row, col)


class ReceptiveFieldBox(QGroupBox):
    """The network's (28, 28) input with one unit's receptive field outlined, and a sentence
    giving the unit, the field's size and where it lies (or why there is none)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("receptiveFieldBox")
        self.grid = NumberGrid(self, cell_size=7, max_size=200)
        self.grid.setObjectName("receptiveFieldInput")
        self.text = QLabel(self)
        self.text.setObjectName("receptiveFieldText")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.text)
        #: (layer, row, col) of the unit shown, its field, or an error message
        self.unit: tuple[str, int, int] | None = None
        self.field: ReceptiveField | None = None
        self.error: str | None = None
        self._colour = False   # a colour input is shown as the mean of its channels
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"ReceptiveFieldBox(unit={self.unit}, field={self.field})"

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.setTitle(self.tr("Receptive field"))
        self.setToolTip(self.tr(
            "Click a unit (a cell) of the opened feature map: the input pixels it depends on "
            "are outlined here. Each layer of filters or pooling widens the field."))
        self.grid.value_name = (self.tr("input value (mean of red, green and blue)")
                                if self._colour else self.tr("input value"))
        self._render_text()

    def set_input(self, image: np.ndarray) -> None:
        """Show ``image`` ((H, W) values in [0, 1]) under the outline; a colour image (H, W, 3)
        as the mean of its channels (the field is the same for every channel)."""
        image = np.asarray(image)
        colour = image.ndim == 3
        if colour != self._colour:
            self._colour = colour
            self.retranslate_ui()
        self.grid.set_matrix(image.mean(axis=2) if colour else image, levels=(0.0, 1.0))

    def clear(self) -> None:
        """No unit chosen (another layer or map is shown)."""
        self.unit, self.field, self.error = None, None, None
        self.grid.set_highlights([])
        self._render_text()

    def show_field(self, unit: tuple[str, int, int], field: ReceptiveField) -> None:
        """Outline ``field`` for ``unit`` = (layer, row, col)."""
        self.unit, self.field, self.error = unit, field, None
        self.grid.set_highlights([(field.top, field.left, field.bottom - field.top,
                                   field.right - field.left, HIGHLIGHT)])
        self._render_text()

    def show_error(self, unit: tuple[str, int, int], message: str) -> None:
        self.unit, self.field, self.error = unit, None, message
        self.grid.set_highlights([])
        self._render_text()

    def _render_text(self) -> None:
        self.text.setStyleSheet(f"color: {ERROR_COLOUR};" if self.error else "")
        if self.unit is None:
            self.text.setText(self.tr(
                "Click a unit of the opened feature map to see which input pixels it sees."))
            return
        layer, row, col = self.unit
        if self.error is not None:
            self.text.setText(fill(self.tr(
                "The receptive field of %1 at row %2, column %3 could not be found: %4"),
                layer, row, col, self.error))
            return
        f = self.field
        height, width = f.size
        text = fill(self.tr(
            "Unit (row %1, column %2) of %3 sees a %4\u00d7%5 patch of the input: rows %6 to "
            "%7, columns %8 to %9 (every channel of %3 sees the same patch there)."),
            row, col, layer, height, width, f.top, f.bottom - 1, f.left, f.right - 1)
        inside = (f.bottom - f.top, f.right - f.left)
        if inside != (height, width):
            text += " " + fill(self.tr(
                "Part of it lies on the padding around the image: %1\u00d7%2 of its pixels "
                "are inside."), inside[0], inside[1])
        self.text.setText(text)
