"""Two ideas around convolution and pooling, as tabs under the Convolution tab's stepper.

`ConnectivityView`: the chapter's 6x6 example drawn as neurons: every output neuron is wired to
the 3x3 input neurons under its window, and the wires of the same kernel weight share a colour
(weight sharing), with the count "fully connected: N weights; convolution: 9 + 1"
(`explorer.engine.insight.connectivity`).

`ShiftView`: move the input digit -3..3 pixels and see how much of a pooling layer's output and
the network's answer change (`explorer.engine.insight.pooling_shift_effect`, run in the engine
thread with the live model).
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGridLayout, QHBoxLayout,
                               QLabel, QScrollArea, QSizePolicy, QSlider, QSpinBox,
                               QVBoxLayout, QWidget)

from explorer.engine.insight import connectivity, pooling_shift_effect
from explorer.ui.text import fill
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.imaging import cmap_for, value_range
from explorer.ui.widgets.message_label import MessageLabel
from explorer.ui.widgets.number_grid import NumberGrid
from explorer.ui.widgets.signals import blocked

__all__ = ["ConnectivityView", "ShiftView", "WiringCanvas"]

SHIFT_KEY = "shift"
#: One colour per kernel weight (up to 5x5), so that shared weights read as the same colour.
_PALETTE = [QColor.fromHsv(int(360 * i / 25 * 7) % 360, 200, 200) for i in range(25)]


class WiringCanvas(QWidget):
    """Input neurons (left grid), output neurons (right grid) and the wires between them.

    ``set_wiring(conn)`` takes an `explorer.engine.insight.Connectivity`; a click on an output
    neuron selects it (``sigSelected(index)``); ``show_all`` draws every wire faintly."""

    sigSelected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.conn = None
        self.selected = 0
        self.show_all = True
        self.setMinimumSize(180, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_wiring(self, conn):
        self.conn = conn
        self.selected = min(self.selected, conn.wiring.shape[0] - 1)
        self.update()

    def _layout(self):
        """Centres of the input and output neurons and the radius, for the widget's size."""
        _, h, w = self.conn.input_shape
        _, oh, ow = self.conn.output_shape
        width, height = self.width(), self.height()
        cols = w + ow + 3                     # input, a gap of three, output
        step = min(width / (cols + 1), height / (max(h, oh) + 1))
        r = step * 0.3
        x0 = (width - step * (cols - 1)) / 2
        y_in = (height - step * (h - 1)) / 2
        y_out = (height - step * (oh - 1)) / 2
        inputs = [QPointF(x0 + j * step, y_in + i * step) for i in range(h) for j in range(w)]
        x1 = x0 + (w + 3) * step
        outputs = [QPointF(x1 + j * step, y_out + i * step) for i in range(oh) for j in range(ow)]
        return inputs, outputs, r

    def paintEvent(self, event):
        if self.conn is None:
            return
        inputs, outputs, r = self._layout()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        wiring = self.conn.wiring
        for o, row in enumerate(wiring):
            chosen = o == self.selected
            if not (chosen or self.show_all):
                continue
            for k, i in enumerate(row):
                if i < 0:
                    continue
                colour = QColor(_PALETTE[k % len(_PALETTE)])
                colour.setAlpha(255 if chosen else 45)
                p.setPen(QPen(colour, 2.2 if chosen else 1.0))
                p.drawLine(inputs[i], outputs[o])
        used = set(int(i) for i in wiring[self.selected] if i >= 0)
        for i, c in enumerate(inputs):
            p.setPen(QPen(QColor(60, 60, 60), 1))
            p.setBrush(QColor(255, 190, 90) if i in used else QColor(235, 235, 235))
            p.drawEllipse(c, r, r)
        for o, c in enumerate(outputs):
            p.setPen(QPen(QColor(0, 120, 70) if o == self.selected else QColor(60, 60, 60),
                          2.5 if o == self.selected else 1))
            p.setBrush(QColor(120, 210, 160) if o == self.selected else QColor(235, 235, 235))
            p.drawEllipse(c, r, r)
        p.end()

    def output_at(self, pos) -> int | None:
        if self.conn is None:
            return None
        _, outputs, r = self._layout()
        for o, c in enumerate(outputs):
            if (c - pos).manhattanLength() <= 2 * r:
                return o
        return None

    def mousePressEvent(self, event):
        o = self.output_at(event.position())
        if o is not None:
            self.selected = o
            self.sigSelected.emit(o)
            self.update()
        super().mousePressEvent(event)


class ConnectivityView(QWidget):
    """The wiring of a small convolution and the weight counts, with its controls."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("connectivityView")
        self.size_spin = QSpinBox(self)
        self.size_spin.setObjectName("connectivitySize")
        self.size_spin.setRange(3, 8)
        self.size_spin.setValue(6)
        self.kernel_spin = QSpinBox(self)
        self.kernel_spin.setObjectName("connectivityKernel")
        self.kernel_spin.setRange(1, 5)
        self.kernel_spin.setValue(3)
        self.stride_spin = QSpinBox(self)
        self.stride_spin.setObjectName("connectivityStride")
        self.stride_spin.setRange(1, 3)
        self.all_check = QCheckBox(self)
        self.all_check.setObjectName("connectivityAll")
        self.all_check.setChecked(True)
        self.canvas = WiringCanvas(self)
        self.canvas.setObjectName("connectivityCanvas")
        self.counts = QLabel(self)
        self.counts.setObjectName("connectivityCounts")
        self.counts.setWordWrap(True)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, spin in zip(self.labels, (self.size_spin, self.kernel_spin, self.stride_spin)):
            label.setBuddy(spin)
            form.addRow(label, spin)
        form.addRow(self.all_check)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(_scrolled(self.counts, self), 1)
        main = QHBoxLayout(self)
        main.addLayout(left, 2)
        main.addWidget(self.canvas, 3)
        for spin in (self.size_spin, self.kernel_spin, self.stride_spin):
            spin.valueChanged.connect(self.refresh)
        self.all_check.toggled.connect(self._on_all)
        self.canvas.sigSelected.connect(lambda _o: self._render_counts())
        self.conn = None
        self.retranslate_ui()
        self.refresh()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.labels[0].setText(self.tr("&Input size:"))
        self.labels[1].setText(self.tr("&Kernel size:"))
        self.labels[2].setText(self.tr("S&tride:"))
        self.size_spin.setToolTip(self.tr("The input is N\u00d7N neurons (the chapter uses 6)."))
        self.kernel_spin.setToolTip(self.tr("Each output neuron sees a K\u00d7K window."))
        self.stride_spin.setToolTip(self.tr("How far the window moves between output neurons."))
        self.all_check.setText(self.tr("Show every connection"))
        self.all_check.setToolTip(self.tr(
            "Off: only the wires of the chosen output neuron (click one on the right)."))
        self.canvas.setToolTip(self.tr(
            "Left: the input neurons; right: the output neurons. Each output is wired only to "
            "the inputs under its window (local connectivity), and wires of the same colour "
            "carry the same weight in every window (weight sharing). Click an output neuron."))
        self._render_counts()

    def _on_all(self, on: bool):
        self.canvas.show_all = on
        self.canvas.update()

    def refresh(self):
        n, k = self.size_spin.value(), self.kernel_spin.value()
        if k > n:
            with blocked(self.kernel_spin):
                self.kernel_spin.setValue(n)
            k = n
        self.conn = connectivity(n, n, k, stride=self.stride_spin.value())
        self.canvas.set_wiring(self.conn)
        self._render_counts()

    def _render_counts(self):
        c = self.conn
        if c is None:
            return
        _, h, w = c.input_shape
        _, oh, ow = c.output_shape
        kh, kw = c.kernel
        o = self.canvas.selected
        self.counts.setText("<p>" + fill(self.tr(
            "%1\u00d7%2 input neurons, %3\u00d7%4 output neurons. Output neuron %5 (row %6, "
            "column %7) is wired to %8 input neurons."), h, w, oh, ow, o, o // ow, o % ow,
            int(c.connections[o])) + "</p><p>" + fill(self.tr(
                "<b>Fully connected</b>: every output wired to every input: %1 \u00d7 %2 "
                "weights + %2 biases = <b>%3</b> parameters."), h * w, oh * ow,
            f"{c.dense_weights:,}") + "</p><p>" + fill(self.tr(
                "<b>Convolution</b>: %1\u00d7%2 shared weights + 1 bias = <b>%3</b> parameters, "
                "whatever the size of the input."), kh, kw, c.conv_weights) + "</p>")


class ShiftView(QWidget):
    """Shift the input and compare a pooling layer's output and the prediction."""

    def __init__(self, client, image_source, parent=None):
        super().__init__(parent)
        self.setObjectName("shiftView")
        self.client = client
        self._image_source = image_source     # () -> the (28, 28) input, or None
        self.effect = None
        self.original = None
        self.layer_combo = FitComboBox(self)
        self.layer_combo.setObjectName("shiftLayer")
        self.dx = QSlider(Qt.Orientation.Horizontal, self)
        self.dx.setObjectName("shiftX")
        self.dy = QSlider(Qt.Orientation.Horizontal, self)
        self.dy.setObjectName("shiftY")
        for s in (self.dx, self.dy):
            s.setRange(-3, 3)
            s.setTickPosition(QSlider.TickPosition.TicksBelow)
            s.setPageStep(1)
        self.channel = QSpinBox(self)
        self.channel.setObjectName("shiftChannel")
        self.labels = [QLabel(self) for _ in range(4)]
        self.summary = QLabel(self)
        self.summary.setObjectName("shiftSummary")
        self.summary.setWordWrap(True)
        self.message = MessageLabel(self)
        self.grids = [NumberGrid(self, cell_size=8, max_size=170) for _ in range(4)]
        self.captions = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, w in zip(self.labels, (self.layer_combo, self.dx, self.dy, self.channel)):
            label.setBuddy(w)
            form.addRow(label, w)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.message)
        left.addWidget(_scrolled(self.summary, self), 1)
        grid = QGridLayout()
        for i, (cap, g) in enumerate(zip(self.captions, self.grids)):
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap.setWordWrap(True)
            grid.addWidget(cap, 0, i)
            grid.addWidget(g, 1, i)
            grid.setColumnStretch(i, 1)
        main = QHBoxLayout(self)
        main.addLayout(left, 2)
        main.addLayout(grid, 5)
        self.layer_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for w in (self.dx, self.dy):
            w.valueChanged.connect(lambda _v: self.refresh())
        self.channel.valueChanged.connect(lambda _v: self._render())
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.labels[0].setText(self.tr("&Pooling layer:"))
        self.labels[1].setText(self.tr("Shift &right:"))
        self.labels[2].setText(self.tr("Shift &down:"))
        self.labels[3].setText(self.tr("C&hannel:"))
        self.layer_combo.setToolTip(self.tr(
            "The live network's pooling layer whose output is compared."))
        self.dx.setToolTip(self.tr("Move the digit left (negative) or right, in pixels."))
        self.dy.setToolTip(self.tr("Move the digit up (negative) or down, in pixels."))
        self.channel.setToolTip(self.tr("Which channel of the pooled output is drawn."))
        self.captions[0].setText(self.tr("The input"))
        self.captions[1].setText(self.tr("Shifted"))
        self.captions[2].setText(self.tr("Pooled output before"))
        self.captions[3].setText(self.tr("Pooled output after"))
        self._render()

    def set_layers(self, names):
        """The pooling layers of the live model (names)."""
        current = self.layer_combo.currentData()
        with blocked(self.layer_combo):
            self.layer_combo.clear()
            for name in names:
                self.layer_combo.addItem(name, name)
            i = self.layer_combo.findData(current)
            self.layer_combo.setCurrentIndex(max(i, 0))
        self.refresh()

    def refresh(self):
        """Ask the engine thread for the effect of the chosen shift (when shown)."""
        layer = self.layer_combo.currentData()
        image = self._image_source()
        if layer is None or image is None or not self.isVisible():
            self._render()
            return
        job = partial(_shift_job, np.asarray(image, dtype=np.float32), self.dx.value(),
                      self.dy.value(), layer)
        self.client.request(job, owner=self, key=SHIFT_KEY, on_result=self._on_effect,
                            on_error=self._on_error)

    def showEvent(self, event):
        super().showEvent(event)
        self.refresh()

    def _on_effect(self, result):
        self.effect, self.original = result
        with blocked(self.channel):
            self.channel.setRange(0, self.effect.before.shape[0] - 1)
        self.message.show_info("")
        self._render()

    def _on_error(self, message):
        self.message.show_error(
            lambda: fill(self.tr("The live model could not answer: %1"), message))

    def _render(self):
        e = self.effect
        if self.layer_combo.count() == 0:
            self.summary.setText(self.tr("The live network has no pooling layer."))
            return
        if e is None:
            self.summary.setText(self.tr("Move a slider to shift the input."))
            return
        ch = min(self.channel.value(), e.before.shape[0] - 1)
        self.grids[0].set_matrix(self.original[0], levels=(0.0, 1.0))
        self.grids[1].set_matrix(e.shifted[0], levels=(0.0, 1.0))
        both = np.concatenate([e.before[ch].ravel(), e.after[ch].ravel()])
        cmap = cmap_for(both)
        lv = value_range(both, cmap == "diverging")
        self.grids[2].set_matrix(e.before[ch], levels=lv, cmap=cmap)
        self.grids[3].set_matrix(e.after[ch], levels=lv, cmap=cmap)
        self.grids[3].set_marks([tuple(v) for v in np.argwhere(np.abs(
            e.after[ch] - e.before[ch]) > 1e-6)])
        pb, pa = e.prediction_before, e.prediction_after
        answer = (fill(self.tr("The answer stays %1 (%2 % before, %3 % after)."), pb,
                       f"{100 * e.probs_before[pb]:.1f}", f"{100 * e.probs_after[pa]:.1f}")
                  if pb == pa else
                  fill(self.tr("The answer changes from %1 (%2 %) to %3 (%4 %)."), pb,
                       f"{100 * e.probs_before[pb]:.1f}", pa, f"{100 * e.probs_after[pa]:.1f}"))
        self.summary.setText("<p>" + fill(self.tr(
            "Shifted by %1 px right and %2 px down: %3 of %4 pooled values changed (%5 %)."),
            self.dx.value(), self.dy.value(), e.changed, e.cells,
            f"{100 * e.changed / max(1, e.cells):.0f}") + "</p><p>" + answer + "</p><p>"
            + self.tr("Max pooling keeps a window's largest value wherever it sits inside the "
                      "window, so a small shift changes fewer pooled values than pixels; the "
                      "circled cells are the ones that changed.") + "</p>")


def _scrolled(label: QLabel, parent) -> QScrollArea:
    """``label`` (word-wrapped text) in a frameless area that scrolls when the tab is short."""
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(label)
    area.setMinimumWidth(160)
    return area


def _shift_job(image, dx, dy, layer, model):
    """Runs in the worker thread: the shift's effect, with the unshifted input attached."""
    original = np.asarray(image)[None] if np.ndim(image) == 2 else np.asarray(image)
    return pooling_shift_effect(model, image, dx, dy, layer), original
