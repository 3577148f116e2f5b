"""The per-layer update/weight ratio of each batch (``||update|| / ||weights||``), on a log
scale: the standard health signal of a run. The curves are created once per layer and updated
in place; the values come from the session's ``update_ratios`` (see explorer.session).

Points are kept as they come and drawn at most every ``REDRAW_MS`` (as the loss curve), and
only while the plot is shown: it shares its box with the filters, and setting five curves' data
on every batch of a fast run took ~2 ms of the GUI thread per batch (LeNet-5 at batch 32 on two
cores: a fifth of the GUI thread's time, which the training thread then waited for in GIL
hand-overs)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QTimer

from explorer.ui.widgets.training_curves import REDRAW_MS

#: One colour per layer, in the order the layers first appear.
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")


class UpdateRatioPlot(pg.PlotWidget):
    """``add(step, ratios)`` appends one batch (``ratios`` ``{layer: float}``; zero, inf and nan
    ratios are left out, a log axis cannot show them); ``clear_run()`` empties the plot."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("updateRatioPlot")
        self.setBackground("w")
        self.setLogMode(y=True)
        self.addLegend(offset=(-10, 10), labelTextColor="k")
        self._points: dict[str, tuple[list[float], list[float]]] = {}
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._stale: set[str] = set()  # curves with points not drawn yet
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.flush)
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Title, axis labels and tooltip in the current language (the legend holds the
        layers' names, which stay as they are)."""
        self.setTitle(self.tr("Update / weight ratio per layer"), color="k")
        self.setLabel("left", self.tr("||update|| / ||weights||"))
        self.setLabel("bottom", self.tr("batch"))
        self.setToolTip(self.tr(
            "How much each layer's weights changed in one batch, relative to their size (log "
            "scale). About 1e-3 is healthy; much larger (1e-1 and up) means the learning rate "
            "is too high, much smaller (1e-5) that the layer barely learns."))

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale:  # points that came while the plot was hidden
            self.flush()

    def clear_run(self):
        """Forget the last run's points (the curves stay, emptied)."""
        self._redraw.stop()
        self._stale.clear()
        for name, curve in self._curves.items():
            self._points[name] = ([], [])
            curve.setData([], [])

    def add(self, step: int, ratios: dict[str, float]):
        """One batch's ratios ``{layer: ratio}`` at x = ``step``."""
        for name, value in ratios.items():
            if not (math.isfinite(value) and value > 0):
                continue
            if name not in self._curves:
                colour = COLOURS[len(self._curves) % len(COLOURS)]
                self._curves[name] = self.plot([], [], pen=pg.mkPen(colour, width=1.5),
                                               name=name)
                self._points[name] = ([], [])
            xs, ys = self._points[name]
            xs.append(float(step))
            ys.append(float(value))
            self._stale.add(name)
        if self._stale and self.isVisible() and not self._redraw.isActive():
            self._redraw.start()

    def flush(self):
        """Draw the points added since the last redraw now."""
        self._redraw.stop()
        for name in self._stale:
            xs, ys = self._points[name]
            self._curves[name].setData(np.asarray(xs), np.asarray(ys))
        self._stale.clear()

    def drawn(self, name: str) -> int:
        """How many points of one layer's curve are on the plot now (``series`` has them all)."""
        curve = self._curves.get(name)
        x = curve.getData()[0] if curve is not None else None
        return 0 if x is None else len(x)

    def series(self, name: str) -> tuple[list[float], list[float]]:
        """The points ``(steps, ratios)`` of one layer's curve so far."""
        xs, ys = self._points.get(name, ([], []))
        return list(xs), list(ys)
