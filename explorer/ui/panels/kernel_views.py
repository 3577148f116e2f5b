"""The Kernel lab's middle column below its controls: the input and the filtered output side by
side (grey input; diverging colours with a colour bar for signed outputs), the output's value
range in words and its histogram.

`FilterResultView.show_result` draws a `explorer.engine.filtering.FilterResult`; the view keeps
the last one and says its texts again when the language changes. Its strings keep the
``KernelPanel`` translation context, where they were before this view was split off.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from explorer.engine import kernels as K
from explorer.ui.text import fill

translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


def _view(widget: pg.GraphicsLayoutWidget, row: int, col: int):
    """A ViewBox at ``(row, col)`` of ``widget`` holding one row-major ImageItem (created once)."""
    view = widget.addViewBox(row=row, col=col, lockAspect=True, invertY=True, enableMouse=False)
    view.setMenuEnabled(False)
    item = pg.ImageItem(axisOrder="row-major")
    view.addItem(item)
    return view, item


class FilterResultView(QWidget):
    """Input and output pictures, colour bar, value range and histogram of one filtering.

    ``show_input(image)`` with ``image`` ``(H, W)`` float in [0, 1]; ``show_result(result)``
    with a `FilterResult` (``output`` ``(H, W)``, ``hist_edges`` ``(B + 1,)``, ``hist_counts``
    ``(B,)``); ``show_pending(w, h)`` while a large image is filtered in the worker."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None            # the FilterResult on screen
        self._pending: tuple[int, int] | None = None
        self.pictures = pg.GraphicsLayoutWidget()
        self.pictures.setBackground("w")
        self.pictures.setMinimumSize(240, 170)   # grows with the column
        self.before_title = self.pictures.addLabel("", row=0, col=0, color="k")
        self.after_title = self.pictures.addLabel("", row=0, col=1, color="k")
        self.before_view, self.before_item = _view(self.pictures, 1, 0)
        self.after_view, self.after_item = _view(self.pictures, 1, 1)
        self.colour_bar = pg.ColorBarItem(values=(-1, 1), colorMap=pg.colormap.get("CET-D1"),
                                          interactive=False, colorMapMenu=False, width=16)
        self.colour_bar.setImageItem(self.after_item)
        # the input fills its view at any size (the output view is linked to it): a range set
        # once for the first layout left a tiny picture in a view that later got another shape
        self.before_view.sigResized.connect(self._fit_input)
        self.pictures.addItem(self.colour_bar, row=1, col=2)
        self._grey = pg.ColorMap(pos=[0.0, 1.0], color=[(0, 0, 0), (255, 255, 255)])
        self._diverging = pg.colormap.get("CET-D1")
        self.before_item.setLookupTable(self._grey.getLookupTable(nPts=256))
        self.range_label = QLabel()
        self.range_label.setObjectName("kernelRange")
        self.range_label.setWordWrap(True)
        self.histogram = pg.PlotWidget()
        self.histogram.setBackground("w")
        self.histogram.setMinimumHeight(110)
        self.histogram.setMenuEnabled(False)
        self.histogram.setMouseEnabled(x=False, y=False)
        self.histogram.hideButtons()
        self.histogram.getAxis("bottom").enableAutoSIPrefix(False)
        self.histogram.getAxis("left").enableAutoSIPrefix(False)
        self.hist_curve = self.histogram.plot(stepMode="center", fillLevel=0,
                                              brush=(70, 120, 200, 160),
                                              pen=pg.mkPen((40, 80, 160)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pictures, 3)
        layout.addWidget(self.range_label)
        layout.addWidget(self.histogram, 2)
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Titles, axis labels and tooltips, then the last result's texts, in the current
        language."""
        self.before_title.setText(translate("KernelPanel", "Input"), color="k")
        self.pictures.setToolTip(translate(
            "KernelPanel", "Left: the input in grey. Right: the kernel slid over it; signed "
                           "outputs are blue (negative) to red (positive), the bar gives the "
                           "values."))
        self.histogram.setLabel("bottom", translate("KernelPanel", "output value"))
        self.histogram.setLabel("left", translate("KernelPanel", "pixels"))
        self.histogram.setToolTip(translate("KernelPanel",
                                            "How many output pixels have each value."))
        self._show_texts()

    def show_input(self, image: np.ndarray) -> None:
        """Show ``image`` ``(H, W)`` in [0, 1] on the left; the output follows its zoom."""
        self.before_item.setImage(image, levels=(0.0, 1.0))
        self._fit_input()
        self.after_view.setXLink(self.before_view)
        self.after_view.setYLink(self.before_view)

    def _fit_input(self, *_):
        if self.before_item.image is not None:
            self.before_view.autoRange(padding=0.02)

    def show_pending(self, width: int, height: int) -> None:
        """Say that a ``width`` x ``height`` image is being filtered (in the worker)."""
        self._pending = (width, height)
        self._show_texts()

    def show_result(self, result) -> None:
        """Draw a `FilterResult`: output image, colour bar, value range, histogram."""
        self.result = result
        self._pending = None
        levels, cmap = self._levels(result)
        self.colour_bar.setColorMap(cmap)
        self.colour_bar.setLevels(levels)
        self.after_item.setImage(result.output, autoLevels=False)
        self.after_item.setLevels(levels)
        self.hist_curve.setData(result.hist_edges, result.hist_counts)
        self._show_texts()

    def _levels(self, result):
        lo, hi = result.minimum, result.maximum
        if result.signed:
            m = max(abs(lo), abs(hi)) or 1.0
            return (-m, m), self._diverging
        low = min(0.0, lo)
        return (low, hi if hi > low else low + 1.0), self._grey

    def _show_texts(self) -> None:
        """The output's title and the range line for the last result (or the pending one)."""
        result = self.result
        if result is None:
            self.after_title.setText(translate("KernelPanel", "Output"), color="k")
        else:
            kind = (translate("KernelPanel", "edge magnitude") if result.magnitude else
                    translate("KernelPanel", "true convolution") if result.flip else
                    translate("KernelPanel", "cross-correlation"))
            self.after_title.setText(fill(translate("KernelPanel", "Output (%1)"), kind),
                                     color="k")
        if self._pending is not None:
            self.range_label.setText(fill(translate("KernelPanel", "Filtering %1x%2 pixels…"),
                                          *self._pending))
        elif result is not None:
            lo, hi = f"{result.minimum + 0.0:.4g}", f"{result.maximum + 0.0:.4g}"
            if result.signed:
                self.range_label.setText(fill(translate(
                    "KernelPanel", "Output range %1 to %2; colours: blue negative, white 0, red "
                                   "positive."), lo, hi))
            else:
                (black, white), _ = self._levels(result)
                self.range_label.setText(fill(translate(
                    "KernelPanel", "Output range %1 to %2; colours: black %3, white %4."),
                    lo, hi, K.format_cell(black), K.format_cell(white)))
        else:
            self.range_label.setText("")
