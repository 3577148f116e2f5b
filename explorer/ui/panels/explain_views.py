"""The Explain tab's "What a filter wants" view.

- :class:`ActMaxView`: activation maximisation advanced a chunk of steps per engine request
  (explain_logic.ActMaxRun), so the image grows live and the engine thread stays responsive;
  beside it the nine test images that excite the same filter (or class) most.

The feature-space view is in explorer/ui/panels/explain_space.py.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QSlider, QSpinBox, QVBoxLayout, QWidget)

from explorer.ui.engine_strings import engine_message, tr_engine
from explorer.ui.panels.explain_logic import (ActMaxRun, ExplainChoices, actmax_views,
                                              display_image, map_images, top_activating_job)
from explorer.ui.panels.convolution_text import colour_name
from explorer.ui.panels.explain_widgets import RenderedLabel, RenderedMessage
from explorer.ui.text import fill
from explorer.ui.widgets.image_grid import ImageGrid
from explorer.ui.widgets.number_grid import format_number
from explorer.ui.widgets.signals import blocked

#: Act-max steps per engine request: the engine thread serves other requests in between.
CHUNK = 10


def class_names_of(info) -> list[str]:
    """The live model's class names (digits when no model is known)."""
    if info is None:
        return [str(d) for d in range(10)]
    return [str(n) for n in info.class_names]


class ActMaxView(QWidget):
    """Pick a class or a layer's filter; the ascent runs in chunks, live."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("explainActMax")
        self.client, self.state = client, state
        self.run: ActMaxRun | None = None
        self.running = False
        self.last: dict | None = None
        self._build()
        client.sigModelChanged.connect(self._on_model_change)
        self._on_model_change(client.model_info)
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"ActMaxView(running={self.running}, run={self.run!r})"

    def _slider(self, name, lo, hi, value):
        s = QSlider(Qt.Orientation.Horizontal, self)
        s.setObjectName(name)
        s.setRange(lo, hi)
        s.setValue(value)
        return s

    def _build(self):
        self.what = QComboBox(self)
        self.what.setObjectName("actMaxWhat")
        self.what.currentIndexChanged.connect(self._on_what)
        self.channel = QSpinBox(self)
        self.channel.setObjectName("actMaxChannel")
        self.steps = QSpinBox(self)
        self.steps.setObjectName("actMaxSteps")
        self.steps.setRange(1, 2000)
        self.steps.setValue(200)
        self.l2 = self._slider("actMaxL2", 0, 50, 10)
        self.blur = self._slider("actMaxBlur", 0, 20, 5)
        self.jitter = self._slider("actMaxJitter", 0, 4, 2)
        self.seed = QSpinBox(self)
        self.seed.setObjectName("actMaxSeed")
        self.seed.setRange(0, 999_999)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("actMaxStart")
        self.start_button.clicked.connect(self.toggle)
        self.image = ImageGrid(self, cell_size=168, levels=(0.0, 1.0))
        self.image.setObjectName("actMaxImage")
        self.progress = RenderedLabel(self)
        self.progress.setObjectName("actMaxProgress")
        self.curve_plot = pg.PlotWidget(self)
        self.curve_plot.setObjectName("actMaxCurve")
        self.curve_plot.setBackground("w")
        self.curve = self.curve_plot.plot(pen=pg.mkPen((20, 60, 170), width=2))
        self.top = ImageGrid(self, cell_size=56, columns=3, levels=(0.0, 1.0))
        self.top.setObjectName("actMaxTop")
        self.top_label = QLabel(self)
        self.message = RenderedMessage(self)
        self.message.setObjectName("actMaxMessage")

        form = QFormLayout()
        self.form_labels = []
        for field in (self.what, self.channel, self.steps, self.l2, self.blur, self.jitter,
                      self.seed):
            label = QLabel(self)
            self.form_labels.append(label)
            form.addRow(label, field)
        form.addRow(self.start_button)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.progress)
        left.addWidget(self.message)
        left.addStretch(1)
        middle = QVBoxLayout()
        middle.addWidget(self.image, 2)
        middle.addWidget(self.curve_plot, 1)
        right = QVBoxLayout()
        right.addWidget(self.top_label)
        right.addWidget(self.top, 1)
        main = QHBoxLayout(self)
        main.addLayout(left)
        main.addLayout(middle, 2)
        main.addLayout(right, 1)

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every static text, the objective combo's items, then the step line and message."""
        self.what.setToolTip(self.tr("Maximise a class score (the logit, before the softmax) "
                                     "or the mean output of one filter of a layer."))
        self.channel.setToolTip(self.tr("Which filter (or unit) of the layer."))
        self.steps.setToolTip(self.tr("How many gradient-ascent steps to run."))
        self.l2.setToolTip(self.tr(
            "L2 decay (0 to 0.05 per step): pulls pixels back towards black, the background "
            "of a digit."))
        self.blur.setToolTip(self.tr(
            "Blur (0 to 2 pixels, every 4 steps): removes the fine noise that excites a "
            "filter but looks like nothing."))
        self.jitter.setToolTip(self.tr(
            "Jitter (0 to 4 pixels): a random shift before each step, so the image must work "
            "wherever it sits."))
        self.seed.setToolTip(self.tr("The seed of the random shifts: the same seed gives the "
                                     "same image."))
        for label, text in zip(self.form_labels, (
                self.tr("Maximise:"), self.tr("Filter:"), self.tr("Steps:"),
                self.tr("L2 decay:"), self.tr("Blur:"), self.tr("Jitter:"), self.tr("Seed:"))):
            label.setText(text)
        self.start_button.setText(self.tr("Stop") if self.running else self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start from a grey image and climb the objective "
                                             "(press again to stop)."))
        self.image.setToolTip(self.tr(
            "The image as the ascent changes it. A colour network's image is shown in colour, "
            "stretched so its darkest value is black and its brightest white, then its red, "
            "green and blue channels on the same scale (a bright cell: much of that colour)."))
        self.image.set_placeholder(self.tr("Press Start."))
        self.curve_plot.setLabel("left", self.tr("objective"))
        self.curve_plot.setLabel("bottom", self.tr("step"))
        self.curve_plot.setToolTip(self.tr("The objective at every step: it should rise."))
        self.top.setToolTip(self.tr("The test images that excite the same filter (or give the "
                                    "class the highest score) most."))
        self.top_label.setText(self.tr("Test images that excite it most:"))
        self._label_what()
        if self.last is not None:
            self._show_image()
        self.progress.rerender()
        self.message.rerender()

    def _label_what(self):
        """The objective combo's texts from its items' data (the selection stays)."""
        names = class_names_of(self.client.model_info)
        with blocked(self.what):
            for i in range(self.what.count()):
                kind, value, _ = self.what.itemData(i)
                self.what.setItemText(i, fill(self.tr("class %1"), tr_engine(names[value]))
                                      if kind == "class"
                                      else fill(self.tr("a filter of %1"), value))

    def _on_model_change(self, info):
        self.stop()
        self.run = None
        choices = ExplainChoices(list(info.summary) if info is not None else [])
        with blocked(self.what):
            self.what.clear()
            for i in range(len(class_names_of(info))):
                self.what.addItem("", ("class", i, 0))
            for name, channels in choices.filter_layers():
                self.what.addItem("", ("layer", name, channels))
        self._label_what()
        self._on_what()

    def _on_what(self, *args):
        data = self.what.currentData()
        is_layer = data is not None and data[0] == "layer"
        self.channel.setEnabled(is_layer)
        self.channel.setRange(0, max(0, data[2] - 1) if is_layer else 0)

    def objective(self) -> dict:
        """``dict(layer=..., channel=...)`` or ``dict(target=...)`` for the current choice."""
        kind, value, _ = self.what.currentData()
        if kind == "class":
            return {"target": int(value)}
        return {"layer": value, "channel": int(self.channel.value())}

    def toggle(self):
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self):
        """A new run from grey with the current settings; the top images are asked for too."""
        if self.what.currentData() is None:
            return
        obj = self.objective()
        self.run = ActMaxRun(steps=self.steps.value(), seed=self.seed.value(),
                             l2=self.l2.value() / 1000, blur=self.blur.value() / 10,
                             jitter=self.jitter.value(), **obj)
        self.running = True
        self.start_button.setText(self.tr("Stop"))
        self.message.clear()
        self._next_chunk()
        try:
            images, _ = map_images(self.state.dataset())
        except (OSError, ValueError) as exc:
            error = exc      # rendered in the language of the moment (View > Language)
            self.message.show_rendered(
                lambda: fill(self.tr("No test images: %1"), engine_message(error)))
            return
        self._top_images = images
        self.client.request(partial(top_activating_job, images, obj.get("layer"),
                                    obj.get("channel"), obj.get("target")),
                            owner=self, key="top", on_result=self._on_top,
                            on_error=self._on_top_error)

    def stop(self):
        self.running = False
        self.client.cancel(self, "chunk")
        self.start_button.setText(self.tr("Start"))

    def _next_chunk(self):
        self.client.request(partial(self.run.advance, n=CHUNK), owner=self, key="chunk",
                            on_result=self._on_chunk, on_error=self._on_chunk_error)

    def _on_chunk(self, result):
        self.last = result
        self._show_image()
        objectives = result["objectives"]
        self.curve.setData(np.arange(1, len(objectives) + 1), objectives)
        self.progress.show_text(lambda: fill(self.tr("Step %1 of %2, objective %3."),
                                             result["step"], result["steps"],
                                             format_number(objectives[-1])))
        if result["done"]:
            self.stop()
        elif self.running:
            self._next_chunk()

    def _show_image(self):
        """The last act-max image: in colour and channel by channel for a colour network."""
        images, kinds = actmax_views(self.last["image"])
        rgb = "colour" in kinds     # an RGB picture: its channels are named by colour

        def name(kind) -> str:
            if kind == "grey":
                return ""
            if kind == "colour":
                return self.tr("colour")
            return colour_name(kind) if rgb else fill(self.tr("channel %1"), kind)

        self.image.set_images(images, [name(k) for k in kinds])

    def _on_chunk_error(self, message):
        self.stop()
        self.message.show_rendered(
            lambda: fill(self.tr("The ascent could not run: %1"), message))

    def _on_top(self, indices):
        images = self._top_images
        self.top.set_images([display_image(images[i], stretch=False) for i in indices],
                            [f"#{int(i)}" for i in indices])

    def _on_top_error(self, message):
        self.top.set_images([])
        self.message.show_rendered(lambda: fill(self.tr(
            "The most exciting test images could not be found: %1"), message))
