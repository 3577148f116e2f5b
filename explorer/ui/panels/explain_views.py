"""The Explain tab's "What a filter wants" and "Feature space" views.

- :class:`ActMaxView`: activation maximisation advanced a chunk of steps per engine request
  (explain_logic.ActMaxRun), so the image grows live and the engine thread stays responsive;
  beside it the nine test images that excite the same filter (or class) most.
- :class:`FeatureSpaceView`: the penultimate-layer vectors of the test images as a 2-D map (PCA
  at once, t-SNE in a `BackgroundJob` on the array the engine thread computed), the current
  drawing as a star, its nearest test images by feature and by pixel distance.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QProgressBar, QPushButton, QSlider, QSpinBox, QVBoxLayout,
                               QWidget)

from explorer.engine import explain as E
from explorer.ui.engine_strings import tr_engine
from explorer.ui.jobs import BackgroundJob
from explorer.ui.panels.explain_logic import (MAX_MAP_IMAGES, ActMaxRun, ExplainChoices,
                                              features_job, map_images, place_drawing_job,
                                              top_activating_job)
from explorer.ui.text import fill
from explorer.ui.widgets.image_grid import ImageGrid
from explorer.ui.widgets.message_label import MessageLabel
from explorer.ui.widgets.number_grid import format_number
from explorer.ui.widgets.signals import blocked

#: Act-max steps per engine request: the engine thread serves other requests in between.
CHUNK = 10

#: One colour per class in the feature map (tab10).
CLASS_COLOURS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40),
                 (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127),
                 (188, 189, 34), (23, 190, 207)]


def class_names_of(info) -> list[str]:
    """The live model's class names (digits when no model is known)."""
    if info is None:
        return [str(d) for d in range(10)]
    return [str(n) for n in info.class_names]


def _channels(image: np.ndarray) -> list[np.ndarray]:
    """The 2-D images to show for one (C, H, W) image: each channel."""
    return [image[c] for c in range(image.shape[0])]


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

    def __repr__(self) -> str:
        return f"ActMaxView(running={self.running}, run={self.run!r})"

    def _slider(self, name, lo, hi, value, tip):
        s = QSlider(Qt.Orientation.Horizontal, self)
        s.setObjectName(name)
        s.setRange(lo, hi)
        s.setValue(value)
        s.setToolTip(tip)
        return s

    def _build(self):
        self.what = QComboBox(self)
        self.what.setObjectName("actMaxWhat")
        self.what.setToolTip(self.tr("Maximise a class score (the logit, before the softmax) "
                                     "or the mean output of one filter of a layer."))
        self.what.currentIndexChanged.connect(self._on_what)
        self.channel = QSpinBox(self)
        self.channel.setObjectName("actMaxChannel")
        self.channel.setToolTip(self.tr("Which filter (or unit) of the layer."))
        self.steps = QSpinBox(self)
        self.steps.setObjectName("actMaxSteps")
        self.steps.setRange(1, 2000)
        self.steps.setValue(200)
        self.steps.setToolTip(self.tr("How many gradient-ascent steps to run."))
        self.l2 = self._slider("actMaxL2", 0, 50, 10, self.tr(
            "L2 decay (0 to 0.05 per step): pulls pixels back towards black, the background "
            "of a digit."))
        self.blur = self._slider("actMaxBlur", 0, 20, 5, self.tr(
            "Blur (0 to 2 pixels, every 4 steps): removes the fine noise that excites a "
            "filter but looks like nothing."))
        self.jitter = self._slider("actMaxJitter", 0, 4, 2, self.tr(
            "Jitter (0 to 4 pixels): a random shift before each step, so the image must work "
            "wherever it sits."))
        self.seed = QSpinBox(self)
        self.seed.setObjectName("actMaxSeed")
        self.seed.setRange(0, 999_999)
        self.seed.setToolTip(self.tr("The seed of the random shifts: the same seed gives the "
                                     "same image."))
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("actMaxStart")
        self.start_button.setToolTip(self.tr("Start from a grey image and climb the objective "
                                             "(press again to stop)."))
        self.start_button.clicked.connect(self.toggle)
        self.image = ImageGrid(self, cell_size=168, levels=(0.0, 1.0))
        self.image.setObjectName("actMaxImage")
        self.image.setToolTip(self.tr("The image as the ascent changes it (one cell per colour "
                                      "channel)."))
        self.image.set_placeholder(self.tr("Press Start."))
        self.progress = QLabel(self)
        self.progress.setObjectName("actMaxProgress")
        self.curve_plot = pg.PlotWidget(self)
        self.curve_plot.setObjectName("actMaxCurve")
        self.curve_plot.setBackground("w")
        self.curve_plot.setLabel("left", self.tr("objective"))
        self.curve_plot.setLabel("bottom", self.tr("step"))
        self.curve_plot.setToolTip(self.tr("The objective at every step: it should rise."))
        self.curve = self.curve_plot.plot(pen=pg.mkPen((20, 60, 170), width=2))
        self.top = ImageGrid(self, cell_size=56, columns=3, levels=(0.0, 1.0))
        self.top.setObjectName("actMaxTop")
        self.top.setToolTip(self.tr("The test images that excite the same filter (or give the "
                                    "class the highest score) most."))
        self.message = MessageLabel(self)
        self.message.setObjectName("actMaxMessage")

        form = QFormLayout()
        form.addRow(self.tr("Maximise:"), self.what)
        form.addRow(self.tr("Filter:"), self.channel)
        form.addRow(self.tr("Steps:"), self.steps)
        form.addRow(self.tr("L2 decay:"), self.l2)
        form.addRow(self.tr("Blur:"), self.blur)
        form.addRow(self.tr("Jitter:"), self.jitter)
        form.addRow(self.tr("Seed:"), self.seed)
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
        right.addWidget(QLabel(self.tr("Test images that excite it most:"), self))
        right.addWidget(self.top, 1)
        main = QHBoxLayout(self)
        main.addLayout(left)
        main.addLayout(middle, 2)
        main.addLayout(right, 1)

    def _on_model_change(self, info):
        self.stop()
        self.run = None
        choices = ExplainChoices(list(info.summary) if info is not None else [])
        with blocked(self.what):
            self.what.clear()
            for i, name in enumerate(class_names_of(info)):
                self.what.addItem(fill(self.tr("class %1"), tr_engine(name)), ("class", i, 0))
            for name, channels in choices.filter_layers():
                self.what.addItem(fill(self.tr("a filter of %1"), name),
                                  ("layer", name, channels))
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
            self.message.show_error(fill(self.tr("No test images: %1"), exc))
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
        self.image.set_images(_channels(result["image"]))
        objectives = result["objectives"]
        self.curve.setData(np.arange(1, len(objectives) + 1), objectives)
        self.progress.setText(fill(self.tr("Step %1 of %2, objective %3."), result["step"],
                                   result["steps"], format_number(objectives[-1])))
        if result["done"]:
            self.stop()
        elif self.running:
            self._next_chunk()

    def _on_chunk_error(self, message):
        self.stop()
        self.message.show_error(fill(self.tr("The ascent could not run: %1"), message))

    def _on_top(self, indices):
        images = self._top_images
        self.top.set_images([images[i].mean(axis=0) for i in indices],
                            [f"#{int(i)}" for i in indices])

    def _on_top_error(self, message):
        self.top.set_images([])
        self.message.show_error(fill(self.tr("The most exciting test images could not be "
                                             "found: %1"), message))


class FeatureSpaceView(QWidget):
    """The test images' penultimate-layer vectors as a 2-D scatter, the drawing as a star."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("explainSpace")
        self.client, self.state = client, state
        self.features: np.ndarray | None = None
        self.labels: np.ndarray | None = None
        self.images: np.ndarray | None = None
        self.space_map = None
        self.method = "pca"
        self.job: BackgroundJob | None = None
        #: How many test images the map shows (the first ones of the active data set).
        self.limit = MAX_MAP_IMAGES
        self._dirty = True
        self._build()
        client.sigModelChanged.connect(self._on_model_change)
        state.sigCurrentInputChanged.connect(self._on_input)
        state.sigDatasetChanged.connect(self._on_model_change)

    def __repr__(self) -> str:
        n = None if self.features is None else len(self.features)
        return f"FeatureSpaceView(points={n}, method={self.method!r})"

    def _build(self):
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("explainScatter")
        self.plot.setBackground("w")
        self.plot.setToolTip(self.tr(
            "Every test image as one dot at the place its feature vector maps to, coloured by "
            "its label; the star is your drawing."))
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="k")
        self.scatters: list[pg.ScatterPlotItem] = []
        self.star = pg.ScatterPlotItem(symbol="star", size=22, brush=pg.mkBrush(0, 0, 0),
                                       pen=pg.mkPen("w"))
        self.star.setZValue(10)
        self.plot.addItem(self.star)
        self.tsne_button = QPushButton(self.tr("Compute t-SNE"), self)
        self.tsne_button.setObjectName("explainTsne")
        self.tsne_button.setToolTip(self.tr(
            "A t-SNE map keeps neighbours together (distances between clusters mean little). "
            "It takes a while and runs in the background."))
        self.tsne_button.clicked.connect(self.start_tsne)
        self.pca_button = QPushButton(self.tr("Show PCA"), self)
        self.pca_button.setObjectName("explainPca")
        self.pca_button.setToolTip(self.tr("The PCA map: the two directions in which the "
                                           "feature vectors vary most."))
        self.pca_button.clicked.connect(self.show_pca)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("explainTsneCancel")
        self.cancel_button.setToolTip(self.tr("Stop computing the t-SNE map."))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_tsne)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("explainTsneProgress")
        self.progress.setToolTip(self.tr("t-SNE iterations done."))
        self.status = QLabel(self)
        self.status.setObjectName("explainSpaceStatus")
        self.status.setWordWrap(True)
        self.near_features = ImageGrid(self, cell_size=56, levels=(0.0, 1.0))
        self.near_features.setObjectName("explainNearFeatures")
        self.near_features.setToolTip(self.tr("The 5 test images whose feature vectors are "
                                              "closest to your drawing's."))
        self.near_pixels = ImageGrid(self, cell_size=56, levels=(0.0, 1.0))
        self.near_pixels.setObjectName("explainNearPixels")
        self.near_pixels.setToolTip(self.tr("The 5 test images closest to your drawing pixel "
                                            "by pixel."))
        self.message = MessageLabel(self)
        self.message.setObjectName("explainSpaceMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.pca_button)
        buttons.addWidget(self.tsne_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        near = QGridLayout()
        near.addWidget(QLabel(self.tr("Nearest by features:"), self), 0, 0)
        near.addWidget(self.near_features, 1, 0)
        near.addWidget(QLabel(self.tr("Nearest by pixels:"), self), 0, 1)
        near.addWidget(self.near_pixels, 1, 1)
        main = QVBoxLayout(self)
        main.addLayout(buttons)
        main.addWidget(self.plot, 3)
        main.addWidget(self.status)
        main.addLayout(near, 1)
        main.addWidget(self.message)

    # --- features and the map -----------------------------------------------------------------
    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self.request_features()

    def _on_model_change(self, *args):
        self.cancel_tsne()
        self._dirty = True
        self.features = self.space_map = None
        if self.isVisible():
            self.request_features()

    def request_features(self):
        """Ask the engine thread for the test images' features and their PCA map."""
        self._dirty = False
        try:
            images, labels = map_images(self.state.dataset(), self.limit)
        except (OSError, ValueError) as exc:
            self.message.show_error(fill(self.tr("No test images: %1"), exc))
            return
        self.images, self.labels = images, labels
        self.status.setText(self.tr("Computing the feature vectors of the test images..."))
        self.client.request(partial(features_job, images), owner=self, key="features",
                            on_result=self._on_features, on_error=self._on_error)

    def _on_error(self, message):
        self.message.show_error(fill(self.tr("The feature map could not be made: %1"), message))
        self.status.setText("")

    def _on_features(self, result):
        if self.message.is_error:
            self.message.clear()
        self.features = result["features"]
        self.space_map, self.method = result["map"], "pca"
        self._show_points(result["points"])
        ratio = float(self.space_map.explained_variance_ratio.sum())
        self.status.setText(fill(self.tr(
            "PCA of %1 test images' %2-number feature vectors; the two axes keep %3 % of their "
            "variance."), len(self.features), self.features.shape[1], f"{100 * ratio:.0f}"))
        self.place_drawing()

    def show_pca(self):
        self.cancel_tsne()
        self.request_features()

    def point_count(self) -> int:
        """How many points the scatter shows (the drawing's star not counted)."""
        return sum(len(s.data) for s in self.scatters)

    def _show_points(self, points: np.ndarray):
        names = class_names_of(self.client.model_info)
        n_classes = max(len(names), int(self.labels.max()) + 1 if len(self.labels) else 0)
        while len(self.scatters) < n_classes:
            k = len(self.scatters)
            colour = CLASS_COLOURS[k % len(CLASS_COLOURS)]
            item = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(*colour, 170))
            self.plot.addItem(item)
            self.scatters.append(item)
        self.legend.clear()
        for k, item in enumerate(self.scatters):
            mask = self.labels == k
            item.setData(points[mask, 0], points[mask, 1])
            if mask.any():
                self.legend.addItem(item, tr_engine(names[k]) if k < len(names) else str(k))

    # --- the drawing --------------------------------------------------------------------------
    def _on_input(self, image):
        self.place_drawing()

    def place_drawing(self):
        """Put the current drawing into the map and find its nearest test images."""
        image = self.state.current_input
        if image is None or self.space_map is None or self.features is None:
            return
        pixels = self.images.reshape(len(self.images), -1)
        self.client.request(partial(place_drawing_job, np.asarray(image), self.features,
                                    pixels, self.space_map),
                            owner=self, key="place", on_result=self._on_placed,
                            on_error=self._on_place_error)

    def _on_place_error(self, message):
        self.star.setData([], [])
        self.message.show_error(fill(self.tr("Your drawing could not be placed: %1"), message))

    def _on_placed(self, result):
        x, y = result["point"]
        self.star.setData([x], [y])
        names = class_names_of(self.client.model_info)

        def shown(indices):
            return ([self.images[i].mean(axis=0) for i in indices],
                    [tr_engine(names[self.labels[i]]) if self.labels[i] < len(names)
                     else str(self.labels[i]) for i in indices])

        self.near_features.set_images(*shown(result["near_features"]))
        self.near_pixels.set_images(*shown(result["near_pixels"]))

    # --- t-SNE in the background --------------------------------------------------------------
    def start_tsne(self):
        """Run t-SNE on the features already computed, in a background thread."""
        if self.features is None:
            self.message.show_info(self.tr("Wait for the PCA map: t-SNE starts from the same "
                                           "feature vectors."))
            return
        self.cancel_tsne()
        features = np.array(self.features, copy=True)

        def work(report, cancel):
            return E.embed(features, "tsne", seed=0,
                           progress=lambda done, total, kl: report((done, total)),
                           cancelled=cancel.is_set)

        self.job = BackgroundJob(work, self)
        self.job.sigProgress.connect(self._on_tsne_progress)
        self.job.sigDone.connect(self._on_tsne_done)
        self.job.sigFailed.connect(self._on_tsne_failed)
        self.tsne_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Computing the t-SNE map in the background..."))
        self.job.start()

    def _end_job(self):
        self.tsne_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.job = None

    def _on_tsne_progress(self, value):
        done, total = value
        self.progress.setRange(0, int(total))
        self.progress.setValue(int(done))

    def _on_tsne_done(self, tsne_map):
        self._end_job()
        self.space_map, self.method = tsne_map, "tsne"
        self._show_points(tsne_map.points)
        self.status.setText(fill(self.tr(
            "t-SNE of %1 test images: neighbours in the map are neighbours in feature space; "
            "the distances between clusters and their sizes mean little."), len(tsne_map.points)))
        self.place_drawing()

    def _on_tsne_failed(self, message, cancelled):
        self._end_job()
        if cancelled:
            self.status.setText(self.tr("t-SNE cancelled; the map shows the PCA."))
        else:
            self.message.show_error(fill(self.tr("t-SNE failed: %1"), message))

    def cancel_tsne(self):
        if self.job is not None:
            job = self.job
            for sig in (job.sigProgress, job.sigDone, job.sigFailed):
                sig.disconnect()
            job.release()
            self._end_job()
            self.status.setText(self.tr("t-SNE cancelled; the map shows the PCA."))

    def shutdown(self):
        self.cancel_tsne()
