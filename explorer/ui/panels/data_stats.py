"""The Data panel's statistics of one split: images per class (bars), the mean image of each
class, and the pixel statistics with their histogram. The numbers come from
`explorer.data.stats.dataset_statistics`; this box only renders them."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from explorer.data.datasets import N_CLASSES
from explorer.ui.engine_strings import tr_engine
from explorer.ui.text import fill
from explorer.ui.widgets import ImageGrid


def short_name(name: str, limit: int = 8) -> str:
    """A caption that fits under a 28x28 sample: ``"T-shirt/top" -> "T-shirt"``,
    ``"Ankle boot" -> "Boot"``; short names stay as they are."""
    if len(name) <= limit:
        return name
    first = name.split("/")[0]
    if len(first) <= limit:
        return first
    return name.split()[-1][:limit].capitalize()


def _still_plot(parent) -> pg.PlotWidget:
    """A white plot the mouse cannot pan, zoom or open a menu on."""
    plot = pg.PlotWidget(parent)
    plot.setBackground("w")
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    return plot


class DataStats(QGroupBox):
    """``set_class_count(n)`` for a newly shown set, then ``show_split(stats, class_names,
    split)`` with ``stats`` one split's entry of `dataset_statistics` (``counts`` (K,),
    ``means`` (K, 28, 28), ``pixels``), the set's English ``class_names`` and ``split``
    (``"train"`` or ``"test"``). Re-renders itself when the language changes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("statsBox")
        self._shown: tuple | None = None   # the last show_split arguments
        self.counts_plot = _still_plot(self)
        self.counts_plot.setObjectName("classCounts")
        # 100 pixels each: the column needs no scrolling at 1280x800 with the timeline bar shown
        self.counts_plot.setMinimumHeight(100)
        self.count_bars = pg.BarGraphItem(x=np.arange(N_CLASSES), height=np.zeros(N_CLASSES),
                                          width=0.7,
                                          brush=pg.mkBrush(40, 110, 200), pen=pg.mkPen(None))
        self.counts_plot.addItem(self.count_bars)
        self.means_grid = ImageGrid(self, cell_size=48, columns=5, levels=(0.0, 1.0))
        self.means_grid.setObjectName("meanImages")
        self.means_grid.setMinimumHeight(2 * (32 + 6 + 16) + 4)   # two rows of 32-pixel means
        self.pixel_label = QLabel(self)
        self.pixel_label.setObjectName("pixelStats")
        self.pixel_label.setWordWrap(True)
        self.pixel_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hist_plot = _still_plot(self)
        self.hist_plot.setObjectName("pixelHistogram")
        self.hist_plot.setLogMode(y=True)
        self.hist_plot.setMinimumHeight(100)
        self.hist_curve = self.hist_plot.plot(stepMode="center", fillLevel=0,
                                              brush=(40, 110, 200, 120), pen=pg.mkPen(40, 110, 200))
        self._counts_title, self._means_title, self._pixels_title = (
            QLabel(self), QLabel(self), QLabel(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self._counts_title)
        layout.addWidget(self.counts_plot, 1)
        layout.addWidget(self._means_title)
        layout.addWidget(self.means_grid)
        layout.addWidget(self._pixels_title)
        layout.addWidget(self.pixel_label)
        layout.addWidget(self.hist_plot, 1)
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"DataStats(shown={self._shown is not None})"

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text in the current language, the shown split's included."""
        self.counts_plot.setLabel("left", self.tr("images"))
        self.counts_plot.setLabel("bottom", self.tr("class"))
        self.counts_plot.setToolTip(self.tr(
            "How many images each class has in the chosen split. Balanced classes (equal bars) "
            "mean a network cannot score well by favouring one class."))
        self.means_grid.setToolTip(self.tr(
            "The average of all images of each class: bright where most samples of the class "
            "have ink. Blurry means the class is drawn in many different ways."))
        self.hist_plot.setLabel("bottom", self.tr("pixel value (0 = black, 1 = white)"))
        self.hist_plot.setLabel("left", self.tr("pixels (log)"))
        self.hist_plot.setToolTip(self.tr(
            "How often each brightness occurs over all pixels of the split (logarithmic scale): "
            "most pixels are black background, the ink is near white."))
        self._counts_title.setText(self.tr("Images per class"))
        self._means_title.setText(self.tr("Mean image of each class"))
        self._pixels_title.setText(self.tr("Pixel statistics"))
        if self._shown is not None:
            self.show_split(*self._shown)

    def set_class_count(self, n: int):
        """Bars and ticks for a set of ``n`` classes."""
        self.count_bars.setOpts(x=np.arange(n))
        self.counts_plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(n)]])

    def show_split(self, stats: dict, class_names, split: str):
        """Render one split's statistics (see the class docstring)."""
        self._shown = (stats, class_names, split)
        self.setTitle(self.tr("Training set at a glance") if split == "train"
                      else self.tr("Test set at a glance"))
        counts = stats["counts"]
        self.count_bars.setOpts(height=counts.astype(float))
        self.counts_plot.setYRange(0, max(1, int(counts.max())) * 1.1, padding=0)
        self.counts_plot.setXRange(-0.6, len(counts) - 0.4, padding=0)
        names = [tr_engine(n) for n in class_names]
        self.means_grid.set_images(stats["means"], captions=[short_name(n) for n in names],
                                   tooltips=[self._mean_tooltip(int(c), n)
                                             for c, n in zip(counts, names)])
        p = stats["pixels"]
        shape = np.shape(stats["means"])[1:]       # (H, W) grey or (H, W, 3) colour
        if len(shape) == 3:
            template = self.tr(
                "One colour image, %2 pixels with 3 values each (red, green, blue): mean %3, "
                "standard deviation %4, range %5 to %6; %7 of all values are exactly 0."
            ) if p.n_images == 1 else self.tr(
                "%1 colour images, %2 pixels each with 3 values per pixel (red, green, blue): "
                "mean %3, standard deviation %4, range %5 to %6; %7 of all values are exactly 0.")
        else:
            template = self.tr(
                "One image, %2 pixels: mean %3, standard deviation %4, range %5 to %6; "
                "%7 of all pixels are exactly 0 (background).") if p.n_images == 1 else self.tr(
                "%1 images, %2 pixels each: mean %3, standard deviation %4, range %5 to %6; "
                "%7 of all pixels are exactly 0 (background).")
        n_pixels = f"{shape[0] * shape[1]:,}"
        self.pixel_label.setText(fill(template, f"{p.n_images:,}", n_pixels, f"{p.mean:.3f}",
                                      f"{p.std:.3f}", f"{p.minimum:.2f}", f"{p.maximum:.2f}",
                                      f"{100 * p.zero_fraction:.1f} %"))
        self.hist_curve.setData(p.bin_edges, np.maximum(p.histogram, 1).astype(float))

    def _mean_tooltip(self, count: int, name: str) -> str:
        if count == 0:
            return fill(self.tr("no images of class %1"), name)
        if count == 1:
            return fill(self.tr("the one image of class %1 (a mean of one)"), name)
        return fill(self.tr("mean of the %1 images of class %2"), f"{count:,}", name)
