"""Ten probability bars (pyqtgraph), created once and updated in place."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont, QFontMetrics

from explorer.data.datasets import N_CLASSES
from explorer.ui.widgets.live_text import LiveText, render

_MAIN = (40, 110, 200)
_BEST = (220, 90, 20)
_SECOND = (150, 150, 150)


translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


class ProbabilityBars(pg.PlotWidget):
    """Bars for ``n`` class probabilities; the most likely class is coloured.

    ``set_probabilities(p)`` with ``p`` of shape ``(n,)``; ``set_secondary(q)`` shows a second,
    grey series beside it (e.g. the prediction for the raw, unpreprocessed resize) or hides it
    when ``q`` is None. Class labels come from ``class_names`` (the owner's, translated: it sets
    them again when the language changes). ``set_legend`` writes a one-line legend above the bars
    (a coloured square per series); its texts are `LiveText`, so ``lambda: self.tr(...)`` follows
    a change of language by itself. The axis labels are the widget's own."""

    def __init__(self, class_names=None, parent=None):
        super().__init__(parent=parent)
        self.class_names = list(class_names or [str(i) for i in range(N_CLASSES)])
        n = len(self.class_names)
        self._x = np.arange(n, dtype=float)
        self.setBackground("w")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setYRange(0, 1.0, padding=0.02)
        self.setXRange(-0.6, n - 0.4, padding=0)
        self.getAxis("bottom").setTicks([list(zip(self._x, self.class_names))])
        self._bars = pg.BarGraphItem(x=self._x, height=np.zeros(n), width=0.7,
                                     brushes=[pg.mkBrush(_MAIN)] * n, pen=pg.mkPen(None))
        self._secondary = pg.BarGraphItem(x=self._x + 0.2, height=np.zeros(n), width=0.3,
                                          brush=pg.mkBrush(_SECOND), pen=pg.mkPen(None))
        self._secondary.setVisible(False)
        self.addItem(self._bars)
        self.addItem(self._secondary)
        self.probabilities = np.zeros(n)
        self._legend: list[tuple[tuple, LiveText]] = []
        self._legend_layout: list[list[int]] = []
        self.retranslate_ui()

    def __repr__(self) -> str:
        best = int(self.probabilities.argmax())
        return f"ProbabilityBars(n={len(self.class_names)}, best={best})"

    @property
    def legend_entries(self) -> list[tuple[tuple, str]]:
        """``[(rgb, text), ...]`` of the legend, in the current language."""
        return [(colour, render(text)) for colour, text in self._legend]

    def set_legend(self, main: LiveText, best: LiveText | None = None,
                   secondary: LiveText | None = None):
        """Say what the bars are, above them: ``main`` for the blue bars, ``best`` for the orange
        bar of the most likely class, ``secondary`` for the grey bars (None: not listed)."""
        self._legend = [(colour, text) for colour, text in
                        ((_MAIN, main), (_BEST, best), (_SECOND, secondary)) if text]
        self._show_legend()

    def _legend_lines(self) -> list[list[int]]:
        """The legend's entries (indices) packed into lines that fit the widget's width."""
        font = QFont(self.font())
        font.setPointSize(9)
        fm = QFontMetrics(font)
        swatch = QFont(self.font())
        swatch.setPointSize(12)
        # the 12-point swatch, two spaces and a margin: CJK text, drawn by the title's rich
        # text with a fallback font, came out wider than an estimate of 3 line heights
        extra = QFontMetrics(swatch).horizontalAdvance("\u25a0") + 3 * fm.horizontalAdvance(" ") \
            + fm.height()
        room = self.width() - 20
        lines: list[list[int]] = []
        used = 0
        for i, (_, text) in enumerate(self.legend_entries):
            width = int(fm.horizontalAdvance(text) * 1.1) + extra
            if lines and used + width <= room:
                lines[-1].append(i)
                used += width
            else:
                lines.append([i])
                used = width
        return lines

    def _show_legend(self):
        if not self._legend:
            return
        # as many lines as the width needs: one line longer than the widget widened the plot
        # beyond it (the classes on the right were cut off)
        lines = self._legend_lines()
        self._legend_layout = lines
        swatch = "<span style='color: rgb({0},{1},{2}); font-size: 12pt'>&#9632;</span> {3}"
        entries = [swatch.format(*colour, html.escape(text))
                   for colour, text in self.legend_entries]
        self.setTitle("<br>".join("&nbsp;&nbsp;".join(entries[i] for i in line)
                                  for line in lines), color="k", size="9pt")
        height = 30 + 20 * (len(lines) - 1)
        plot = self.getPlotItem()   # pyqtgraph gives the title one 30-pixel row: room for all
        plot.layout.setRowFixedHeight(0, height)
        plot.titleLabel.setMinimumHeight(height)
        plot.titleLabel.setMaximumHeight(height)

    def resizeEvent(self, event):
        # the legend is packed for the new width first: the title's minimum width is its longest
        # line, and pyqtgraph lays the plot out in super().resizeEvent (packed after it, a plot
        # that had been wider kept its width and was cut on the right)
        legend = self.__dict__.get("_legend")   # (pyqtgraph resizes during __init__)
        if legend and self._legend_lines() != self._legend_layout:
            self._show_legend()
        super().resizeEvent(event)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Axis labels and the legend in the current language."""
        self.setLabel("left", translate("ProbabilityBars", "probability"))
        self.setLabel("bottom", translate("ProbabilityBars", "class"))
        self._show_legend()

    def set_class_names(self, names):
        self.class_names = list(names)
        self.getAxis("bottom").setTicks([list(zip(self._x, self.class_names))])

    def set_probabilities(self, p):
        p = np.asarray(p, dtype=float).reshape(-1)
        if p.shape != self._x.shape:
            raise ValueError(f"expected {self._x.size} probabilities, got {p.size}")
        self.probabilities = p
        best = int(np.argmax(p))
        brushes = [pg.mkBrush(_BEST if i == best else _MAIN) for i in range(p.size)]
        compact = self._secondary.isVisible()
        self._bars.setOpts(height=p, brushes=brushes, x=self._x - (0.2 if compact else 0.0),
                           width=0.4 if compact else 0.7)

    def set_secondary(self, q):
        if q is None:
            self._secondary.setVisible(False)
        else:
            self._secondary.setOpts(height=np.asarray(q, dtype=float).reshape(-1))
            self._secondary.setVisible(True)
        self.set_probabilities(self.probabilities)

    def clear_probabilities(self):
        self.set_probabilities(np.zeros(self._x.size))
