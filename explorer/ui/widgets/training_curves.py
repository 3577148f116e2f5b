"""Live training curves (pyqtgraph): per-batch loss and per-epoch accuracy, with PNG/CSV export.

The curve items are created once; new points are pushed with ``setData``. The values (losses,
accuracies, the smoothed loss) come from the trainer through the worker. The newest batch's loss
is a dot of its own (a line needs two points: without it batch 1 would show nothing), and a
learning-rate change during a run is a labelled vertical line.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer

from explorer._atomic import atomic_path

#: The loss curve is redrawn at most this often (ms) however fast batches arrive.
REDRAW_MS = 100

#: The plots' texts (context "TrainingCurves"), translated when shown: `retranslate`.
LOSS_TITLE = QT_TRANSLATE_NOOP("TrainingCurves", "Loss (cross-entropy)")
LOSS_AXIS = QT_TRANSLATE_NOOP("TrainingCurves", "loss")
BATCH_AXIS = QT_TRANSLATE_NOOP("TrainingCurves", "mini-batch")
ACCURACY_TITLE = QT_TRANSLATE_NOOP("TrainingCurves", "Accuracy per epoch")
ACCURACY_AXIS = QT_TRANSLATE_NOOP("TrainingCurves", "accuracy (%)")
EPOCH_AXIS = QT_TRANSLATE_NOOP("TrainingCurves", "epoch")
BATCH_LOSS = QT_TRANSLATE_NOOP("TrainingCurves", "batch loss")
SMOOTHED = QT_TRANSLATE_NOOP("TrainingCurves", "smoothed")
TEST_LOSS = QT_TRANSLATE_NOOP("TrainingCurves", "test loss (per epoch)")
TRAIN_ACCURACY = QT_TRANSLATE_NOOP("TrainingCurves", "train")
TEST_ACCURACY = QT_TRANSLATE_NOOP("TrainingCurves", "test")
LR_MARK = QT_TRANSLATE_NOOP("TrainingCurves", "learning rate %1")


def _tr(text: str) -> str:
    """``text`` (one of the constants above) in the current language."""
    return QCoreApplication.translate("TrainingCurves", text)


def _lr_label(lr: float) -> str:
    return _tr(LR_MARK).replace("%1", f"{lr:g}")


def rename_legend_entry(plot: pg.PlotWidget, item, name: str) -> None:
    """Show ``name`` for the curve ``item`` in ``plot``'s legend (and as the item's name)."""
    item.opts["name"] = name
    legend = plot.getPlotItem().legend
    label = legend.getLabel(item) if legend is not None else None
    if label is not None:
        label.setText(name)
        legend.updateSize()


def _plot(legend_offset=(-10, 10)) -> pg.PlotWidget:
    """An empty white plot with a legend; its texts come from `TrainingCurves.retranslate`."""
    plot = pg.PlotWidget()
    plot.setBackground("w")
    plot.addLegend(offset=legend_offset, labelTextColor="k")
    for side in ("left", "bottom"):
        plot.getAxis(side).enableAutoSIPrefix(False)   # never "loss (x0.001)"
    return plot


class TrainingCurves:
    """Two plots: ``loss_plot`` (objectName ``lossPlot``) and ``accuracy_plot``
    (``accuracyPlot``), and the data behind them.

    ``add_batch(step, loss, smoothed)`` appends one mini-batch; ``add_epoch(step, epoch,
    train_acc, test_acc, test_loss)`` one epoch (``test_*`` may be None); ``add_lr_mark(step,
    old, new)`` marks where a new learning rate took over; ``clear()`` empties;
    ``export(base)`` writes ``base-loss.png``, ``base-accuracy.png``, ``base-batches.csv`` and
    ``base-epochs.csv`` atomically and returns their paths. Not a widget: the widget that
    shows the plots calls `retranslate` when the language changes.
    """

    def __init__(self):
        self.loss_plot = _plot()
        self.loss_plot.setObjectName("lossPlot")
        self.accuracy_plot = _plot(legend_offset=(-10, -10))   # bottom right: curves rise
        self.accuracy_plot.setObjectName("accuracyPlot")
        self.accuracy_plot.setYRange(0, 100, padding=0.02)
        self.loss_plot.disableAutoRange()
        self._raw = self.loss_plot.plot(name=_tr(BATCH_LOSS),
                                        pen=pg.mkPen((120, 160, 230), width=1))
        self._smooth = self.loss_plot.plot(name=_tr(SMOOTHED),
                                           pen=pg.mkPen((20, 60, 170), width=2))
        # the newest batch's loss: a dot (not in the legend)
        self._newest = pg.ScatterPlotItem(size=7, pen=None, brush=pg.mkBrush(20, 60, 170))
        self.loss_plot.addItem(self._newest)
        self.lr_marks: list[tuple[int, float, float, pg.InfiniteLine]] = []
        self._test_loss = self.loss_plot.plot(name=_tr(TEST_LOSS),
                                              pen=pg.mkPen((200, 60, 20), width=2),
                                              symbol="o", symbolBrush=(200, 60, 20), symbolSize=7)
        self._train_acc = self.accuracy_plot.plot(
            name=_tr(TRAIN_ACCURACY), pen=pg.mkPen((20, 60, 170), width=2), symbol="o",
            symbolBrush=(20, 60, 170), symbolSize=7)
        self._test_acc = self.accuracy_plot.plot(
            name=_tr(TEST_ACCURACY), pen=pg.mkPen((200, 60, 20), width=2), symbol="s",
            symbolBrush=(200, 60, 20), symbolSize=7)
        # Redrawing a plot costs milliseconds: batches arriving faster than REDRAW_MS are drawn
        # together, so a fast run never floods the GUI thread.
        self._redraw = QTimer(self.loss_plot)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.flush)
        self.clear()
        self.retranslate()

    def retranslate(self):
        """Titles, axis labels and legend names in the current language."""
        for plot, title, left, bottom in (
                (self.loss_plot, LOSS_TITLE, LOSS_AXIS, BATCH_AXIS),
                (self.accuracy_plot, ACCURACY_TITLE, ACCURACY_AXIS, EPOCH_AXIS)):
            plot.setTitle(_tr(title), color="k")
            plot.setLabel("left", _tr(left))
            plot.setLabel("bottom", _tr(bottom))
        for plot, item, name in ((self.loss_plot, self._raw, BATCH_LOSS),
                                 (self.loss_plot, self._smooth, SMOOTHED),
                                 (self.loss_plot, self._test_loss, TEST_LOSS),
                                 (self.accuracy_plot, self._train_acc, TRAIN_ACCURACY),
                                 (self.accuracy_plot, self._test_acc, TEST_ACCURACY)):
            rename_legend_entry(plot, item, _tr(name))
        for _step, _old, new, line in self.lr_marks:
            line.label.setText(_lr_label(new))

    def __repr__(self) -> str:
        return f"TrainingCurves(batches={len(self.batches)}, epochs={len(self.epochs)})"

    def clear(self):
        self.batches: list[tuple] = []     # (step, epoch, batch, loss, smoothed)
        self.epochs: list[tuple] = []      # (step, epoch, train_acc, test_acc, test_loss)
        self._xy = np.zeros((0, 3))        # step, loss, smoothed: grown by doubling
        self._redraw.stop()
        self._x_limit, self._y_limit = 10, 0.5
        self.loss_plot.setRange(xRange=(0, self._x_limit), yRange=(0, self._y_limit), padding=0.02)
        self._epoch_limit = 0
        self._fit_epoch_range(0)
        for item in (self._raw, self._smooth, self._test_loss, self._train_acc, self._test_acc):
            item.setData([], [])
        self._newest.setData([], [])
        for *_values, line in self.lr_marks:
            self.loss_plot.removeItem(line)
        self.lr_marks = []

    def add_batch(self, step: int, epoch: int, batch: int, loss: float, smoothed: float):
        self.batches.append((step, epoch, batch, loss, smoothed))
        n = len(self.batches)
        if n > len(self._xy):
            grown = np.zeros((max(256, 2 * n), 3))
            grown[: n - 1] = self._xy[: n - 1]
            self._xy = grown
        self._xy[n - 1] = (step, loss, smoothed)
        if not self._redraw.isActive():
            self._redraw.start()

    def flush(self):
        """Push the batches received since the last redraw to the plot now."""
        self._redraw.stop()
        n = len(self.batches)
        self._raw.setData(self._xy[:n, 0], self._xy[:n, 1])
        self._smooth.setData(self._xy[:n, 0], self._xy[:n, 2])
        self._newest.setData(self._xy[n - 1 : n, 0], self._xy[n - 1 : n, 1])
        if n:
            self._fit_loss_range(self._xy[n - 1, 0], float(np.max(self._xy[:n, 1])))

    def _fit_loss_range(self, last_step: float, top: float):
        """Grow the loss plot's ranges in steps (x: 1-2-5 series, y: half units) instead of on
        every redraw: an unchanged range lets pyqtgraph reuse its drawn axes, which makes a
        redraw several times cheaper while training."""
        x_limit = self._x_limit
        while last_step > x_limit:
            x_limit = {1: 2, 2: 5, 5: 10}[int(f"{x_limit:e}"[0])] * 10 ** int(np.log10(x_limit))
        y_limit = max(self._y_limit, np.ceil(top * 1.05 * 2) / 2) if np.isfinite(top) else \
            self._y_limit
        if (x_limit, y_limit) != (self._x_limit, self._y_limit):
            self._x_limit, self._y_limit = x_limit, y_limit
            self.loss_plot.setRange(xRange=(0, x_limit), yRange=(0, y_limit), padding=0.02)

    def add_lr_mark(self, step: int, old: float, new: float):
        """A vertical line just before batch ``step`` (the first trained with the learning
        rate ``new``), labelled with it; a second change before the same batch moves the
        label (the mark keeps the rate the run had before)."""
        if self.lr_marks and self.lr_marks[-1][0] == step:
            _step, old, _new, line = self.lr_marks.pop()
        else:
            line = pg.InfiniteLine(
                pos=step - 0.5, angle=90, movable=False,
                pen=pg.mkPen((90, 90, 90), width=1, style=Qt.PenStyle.DashLine),
                # the label runs up along the line from its foot (the legend is top right)
                label="", labelOpts={"position": 0.05, "rotateAxis": (1, 0),
                                     "color": (60, 60, 60), "fill": (255, 255, 255, 200),
                                     "anchors": [(0, 1), (0, 1)]})
            self.loss_plot.addItem(line, ignoreBounds=True)
        line.label.setText(_lr_label(new))
        line.setToolTip(_lr_label(new))
        self.lr_marks.append((step, old, new, line))

    def add_epoch(self, step: int, epoch: int, train_acc: float, test_acc, test_loss):
        self.flush()
        self.epochs.append((step, epoch, train_acc, test_acc, test_loss))
        e = np.asarray([r[1] + 1 for r in self.epochs], dtype=float)
        self._train_acc.setData(e, [100 * r[2] for r in self.epochs])
        tested = [r for r in self.epochs if r[3] is not None]
        self._test_acc.setData([r[1] + 1 for r in tested], [100 * r[3] for r in tested])
        self._test_loss.setData([r[0] for r in tested], [r[4] for r in tested])
        if tested:
            self._fit_loss_range(step, max(r[4] for r in tested))
        self._fit_epoch_range(len(self.epochs))

    def _fit_epoch_range(self, n: int):
        """Whole-epoch ticks on a range that grows in steps (see `_fit_loss_range`)."""
        if n > self._epoch_limit or n == 0:
            self._epoch_limit = next(k for k in (5, 10, 20, 50, 100, 200, 500, 10**6) if k >= n)
            step = max(1, self._epoch_limit // 10)
            self.accuracy_plot.setXRange(0.5, self._epoch_limit + 0.5, padding=0)
            self.accuracy_plot.getAxis("bottom").setTicks(
                [[(k, str(k)) for k in range(step, self._epoch_limit + 1, step)]])

    # --- export ---------------------------------------------------------------------------
    def export(self, base) -> list[Path]:
        """Write the plots (PNG) and the numbers (CSV) next to ``base``; returns the paths."""
        from pyqtgraph.exporters import ImageExporter

        self.flush()
        base = Path(base)
        if base.suffix.lower() in (".png", ".csv"):
            base = base.with_suffix("")
        written = []
        for plot, name in ((self.loss_plot, "loss"), (self.accuracy_plot, "accuracy")):
            target = base.parent / f"{base.name}-{name}.png"
            exporter = ImageExporter(plot.getPlotItem())
            exporter.parameters()["width"] = max(800, int(plot.width()))
            _atomic(target, lambda tmp, exporter=exporter: exporter.export(str(tmp)))
            written.append(target)
        rows = [("step", "epoch", "batch", "loss", "smoothed_loss")] + self.batches
        target = base.parent / f"{base.name}-batches.csv"
        _atomic(target, lambda tmp: _write_csv(tmp, rows))
        written.append(target)
        rows = [("step", "epoch", "train_accuracy", "test_accuracy", "test_loss")] + [
            tuple("" if v is None else v for v in r) for r in self.epochs]
        target = base.parent / f"{base.name}-epochs.csv"
        _atomic(target, lambda tmp: _write_csv(tmp, rows))
        written.append(target)
        return written


def _write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def _atomic(target: Path, write):
    """Call ``write(tmp)`` on a temporary file in ``target``'s folder (same suffix, normal
    permissions: ``explorer._atomic``), then rename it over ``target``."""
    with atomic_path(target) as tmp:
        write(tmp)
        if not os.path.getsize(tmp):
            raise OSError(f"nothing was written to {target}")
