"""The Explain tab's "Feature space" view.

:class:`FeatureSpaceView` maps the test images' feature vectors at a chosen layer (the
penultimate one by default; flatten and the hidden fully connected layers as the live
architecture has them) to 2-D: PCA at once, t-SNE in a `BackgroundJob` on the array the engine
thread computed. The current drawing is a star, its nearest test images by feature and by pixel
distance are shown below, and hovering over a dot shows that test image. Mistakes sent from the
Train tab's confusion matrix (`show_mistakes`) are circled in the map and listed as thumbnails;
clicking one makes it the current input (``sigInputChosen``: the panel shows its maps).
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from explorer.engine import explain as E
from explorer.ui.engine_strings import engine_message, tr_engine
from explorer.ui.jobs import BackgroundJob
from explorer.data import pixels_to_float
from explorer.ui.panels.explain_logic import (MAX_MAP_IMAGES, ExplainChoices, features_job,
                                              map_images, place_drawing_job)
from explorer.ui.panels.explain_mistakes import MistakeSelection
from explorer.ui.panels.train_results import short_names
from explorer.ui.panels.explain_views import class_names_of
from explorer.ui.panels.explain_widgets import RenderedLabel, RenderedMessage
from explorer.ui.text import fill
from explorer.ui.widgets.image_grid import ImageGrid
from explorer.ui.widgets.signals import blocked

#: One colour per class in the feature map (tab10).
CLASS_COLOURS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40),
                 (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127),
                 (188, 189, 34), (23, 190, 207)]


class FeatureSpaceView(QWidget):
    """The test images' feature vectors as a 2-D scatter, the drawing as a star."""

    #: a listed mistake was clicked and is now the current input
    sigInputChosen = Signal()

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("explainSpace")
        self.client, self.state = client, state
        self.choices = ExplainChoices()
        self.features: np.ndarray | None = None
        self.labels: np.ndarray | None = None
        self.images: np.ndarray | None = None
        self.space_map = None
        self.method = "pca"
        self.job: BackgroundJob | None = None
        #: How many test images the map shows (the first ones of the active data set).
        self.limit = MAX_MAP_IMAGES
        #: The test image under the mouse (its index), and the last placed drawing's answer.
        self.hovered: int | None = None
        self._placed: dict | None = None
        self._dirty = True
        #: mistakes of a confusion cell sent from the Train tab, and the map's points
        self.mistakes: MistakeSelection | None = None
        self.points: np.ndarray | None = None
        self._build()
        client.sigModelChanged.connect(self._on_model_change)
        state.sigCurrentInputChanged.connect(self._on_input)
        state.sigDatasetChanged.connect(self._on_model_change)
        self._fill_layers(client.model_info)
        self.retranslate_ui()

    def __repr__(self) -> str:
        n = None if self.features is None else len(self.features)
        return f"FeatureSpaceView(points={n}, method={self.method!r}, layer={self.layer()!r})"

    def _build(self):
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("explainScatter")
        self.plot.setBackground("w")
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="k")
        self.scatters: list[pg.ScatterPlotItem] = []
        self.star = pg.ScatterPlotItem(symbol="star", size=22, brush=pg.mkBrush(0, 0, 0),
                                       pen=pg.mkPen("w"))
        self.star.setZValue(10)
        self.plot.addItem(self.star)
        self.highlight = pg.ScatterPlotItem(symbol="o", size=13, brush=None,
                                            pen=pg.mkPen(0, 0, 0, width=2))
        self.highlight.setZValue(9)
        self.plot.addItem(self.highlight)
        self.mistake_grid = ImageGrid(self, cell_size=40, levels=(0.0, 255.0))
        self.mistake_grid.setObjectName("explainMistakes")
        self.mistake_grid.sigImageClicked.connect(self._on_mistake_clicked)
        self.mistake_caption = RenderedLabel(self)
        self.mistake_caption.setObjectName("explainMistakesCaption")
        self.mistake_caption.setWordWrap(True)
        self.mistake_clear = QPushButton(self)
        self.mistake_clear.setObjectName("explainMistakesClear")
        self.mistake_clear.clicked.connect(self.clear_mistakes)
        for widget in (self.mistake_grid, self.mistake_caption, self.mistake_clear):
            widget.setVisible(False)
        self.layer_label = QLabel(self)
        self.layer_combo = QComboBox(self)
        self.layer_combo.setObjectName("explainFeatureLayer")
        self.layer_combo.currentIndexChanged.connect(self._on_layer)
        self.tsne_button = QPushButton(self)
        self.tsne_button.setObjectName("explainTsne")
        self.tsne_button.clicked.connect(self.start_tsne)
        self.pca_button = QPushButton(self)
        self.pca_button.setObjectName("explainPca")
        self.pca_button.clicked.connect(self.show_pca)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("explainTsneCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_tsne)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("explainTsneProgress")
        self.status = RenderedLabel(self)
        self.status.setObjectName("explainSpaceStatus")
        self.hover_view = ImageGrid(self, cell_size=84, columns=1, levels=(0.0, 1.0))
        self.hover_view.setObjectName("explainHoverDigit")
        self.near_features = ImageGrid(self, cell_size=56, levels=(0.0, 1.0))
        self.near_features.setObjectName("explainNearFeatures")
        self.near_pixels = ImageGrid(self, cell_size=56, levels=(0.0, 1.0))
        self.near_pixels.setObjectName("explainNearPixels")
        self.near_features_label = QLabel(self)
        self.near_pixels_label = QLabel(self)
        self.message = RenderedMessage(self)
        self.message.setObjectName("explainSpaceMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.layer_label)
        buttons.addWidget(self.layer_combo)
        buttons.addWidget(self.pca_button)
        buttons.addWidget(self.tsne_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        plot_row = QHBoxLayout()
        plot_row.addWidget(self.plot, 4)
        plot_row.addWidget(self.hover_view, 1)
        near = QGridLayout()
        near.addWidget(self.near_features_label, 0, 0)
        near.addWidget(self.near_features, 1, 0)
        near.addWidget(self.near_pixels_label, 0, 1)
        near.addWidget(self.near_pixels, 1, 1)
        main = QVBoxLayout(self)
        main.addLayout(buttons)
        main.addLayout(plot_row, 3)
        main.addWidget(self.status)
        main.addLayout(near, 1)
        mistakes_row = QHBoxLayout()
        mistakes_row.addWidget(self.mistake_caption, 1)
        mistakes_row.addWidget(self.mistake_clear)
        main.addLayout(mistakes_row)
        main.addWidget(self.mistake_grid, 1)
        main.addWidget(self.message)

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every static text, the layer combo, the legend, then the status, the message and
        the captions of the shown digits."""
        self.plot.setToolTip(self.tr(
            "Every test image as one dot at the place its feature vector maps to, coloured by "
            "its label; the star is your drawing."))
        self.layer_label.setText(self.tr("Layer:"))
        self.layer_combo.setToolTip(self.tr(
            "Which layer's outputs are the feature vectors: flatten holds the last feature "
            "maps as they are, a fully connected layer what the classifier made of them, the "
            "penultimate layer what the last layer separates into classes."))
        self.tsne_button.setText(self.tr("Compute t-SNE"))
        self.tsne_button.setToolTip(self.tr(
            "A t-SNE map keeps neighbours together (distances between clusters mean little). "
            "It takes a while and runs in the background."))
        self.pca_button.setText(self.tr("Show PCA"))
        self.pca_button.setToolTip(self.tr("The PCA map: the two directions in which the "
                                           "feature vectors vary most."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop computing the t-SNE map."))
        self.progress.setToolTip(self.tr("t-SNE iterations done."))
        self.hover_view.setToolTip(self.tr("The test image under the mouse pointer in the map."))
        self.hover_view.set_placeholder(self.tr("Point at a dot to see its digit."))
        self.near_features.setToolTip(self.tr("The 5 test images whose feature vectors are "
                                              "closest to your drawing's."))
        self.near_pixels.setToolTip(self.tr("The 5 test images closest to your drawing pixel "
                                            "by pixel."))
        self.mistake_clear.setText(self.tr("Clear"))
        self.mistake_clear.setToolTip(self.tr("Forget the mistakes sent from the Train tab."))
        self.mistake_grid.setToolTip(self.tr(
            "The test digits of the chosen confusion-matrix cell, captioned true\u2192predicted. "
            "Click one to make it the current input and see where the network looked."))
        self.near_features_label.setText(self.tr("Nearest by features:"))
        self.near_pixels_label.setText(self.tr("Nearest by pixels:"))
        self._label_layers()
        self._update_legend()
        self.status.rerender()
        self.message.rerender()
        self._show_hovered()
        self._show_placed()
        self._show_mistakes()

    def _label_layers(self):
        with blocked(self.layer_combo):
            for i in range(self.layer_combo.count()):
                name = self.layer_combo.itemData(i)
                self.layer_combo.setItemText(
                    i, self.tr("penultimate layer") if name is None else name)

    def _fill_layers(self, info):
        """The layer combo for the live model, keeping the chosen layer when it still exists."""
        self.choices = ExplainChoices(list(info.summary) if info is not None else [])
        chosen = self.layer_combo.currentData()
        with blocked(self.layer_combo):
            self.layer_combo.clear()
            if self.choices.has_penultimate():
                self.layer_combo.addItem("", None)
            for name in self.choices.feature_layers():
                self.layer_combo.addItem("", name)
            index = self.layer_combo.findData(chosen) if chosen is not None else 0
            self.layer_combo.setCurrentIndex(max(0, index))
        self._label_layers()

    def layer(self) -> str | None:
        """The layer the feature vectors come from (None: the penultimate layer)."""
        return self.layer_combo.currentData()

    # --- features and the map -----------------------------------------------------------------
    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self.request_features()

    def _on_model_change(self, *args):
        self._fill_layers(self.client.model_info)
        self._on_layer()

    def _on_layer(self, *args):
        """A new model, data set or layer: the map is made again (when the view is shown)."""
        self.cancel_tsne()
        self._dirty = True
        self.features = self.space_map = self.points = None
        self.hovered = self._placed = None
        self.star.setData([], [])
        self.highlight.setData([], [])
        if self.isVisible():
            self.request_features()

    def request_features(self):
        """Ask the engine thread for the test images' features and their PCA map."""
        self._dirty = False
        if self.layer_combo.count() == 0:
            self.message.show_rendered(lambda: self.tr(
                "This network has no flatten or fully connected layer, so there are no feature "
                "vectors to map."))
            self.status.show_text(None)
            return
        try:
            images, labels = map_images(self.state.dataset(), self.limit)
        except (OSError, ValueError) as exc:
            error = exc.with_traceback(None)    # said again in the new language if switched
            self.message.show_rendered(lambda: fill(self.tr("No test images: %1"),
                                                    engine_message(error)))
            return
        self.images, self.labels = images, labels
        self.status.show_text(
            lambda: self.tr("Computing the feature vectors of the test images..."))
        self.client.request(partial(features_job, images, self.layer()), owner=self,
                            key="features", on_result=self._on_features, on_error=self._on_error)

    def _on_error(self, message):
        self.message.show_rendered(
            lambda: fill(self.tr("The feature map could not be made: %1"), message))
        self.status.show_text(None)

    def _on_features(self, result):
        if self.message.is_error:
            self.message.clear()
        self.features = result["features"]
        self.space_map, self.method = result["map"], "pca"
        self._show_points(result["points"])
        ratio = float(self.space_map.explained_variance_ratio.sum())
        n, dims = len(self.features), self.features.shape[1]
        self.status.show_text(lambda: fill(self.tr(
            "PCA of %1 test images' %2-number feature vectors; the two axes keep %3 % of their "
            "variance."), n, dims, f"{100 * ratio:.0f}"))
        self.place_drawing()

    def show_pca(self):
        self.cancel_tsne()
        self.request_features()

    def point_count(self) -> int:
        """How many points the scatter shows (the drawing's star not counted)."""
        return sum(len(s.data) for s in self.scatters)

    def _show_points(self, points: np.ndarray):
        """points (N, 2): one dot per test image, one scatter item per class; each dot keeps
        its image's index as data (for the hover)."""
        names = class_names_of(self.client.model_info)
        n_classes = max(len(names), int(self.labels.max()) + 1 if len(self.labels) else 0)
        while len(self.scatters) < n_classes:
            k = len(self.scatters)
            colour = CLASS_COLOURS[k % len(CLASS_COLOURS)]
            item = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(*colour, 170),
                                      hoverable=True, hoverSize=9)
            item.sigHovered.connect(self._on_hover)
            self.plot.addItem(item)
            self.scatters.append(item)
        for k, item in enumerate(self.scatters):
            mask = self.labels == k
            item.setData(points[mask, 0], points[mask, 1], data=np.flatnonzero(mask))
        self.points = points
        self._update_legend()
        self._circle_mistakes()

    def _update_legend(self):
        """The legend: one entry per class present, in the current language."""
        self.legend.clear()
        if self.labels is None:
            return
        for k, item in enumerate(self.scatters):
            if np.any(self.labels == k):
                self.legend.addItem(item, self._class_name(k))

    def _class_name(self, k: int) -> str:
        names = class_names_of(self.client.model_info)
        return tr_engine(names[k]) if 0 <= k < len(names) else str(k)

    # --- hover --------------------------------------------------------------------------------
    def _on_hover(self, item, points, event=None):
        """A scatter's ``sigHovered``: show the first test image under the pointer."""
        if len(points) == 0:
            return
        self.hovered = int(points[0].data())
        self._show_hovered()

    def _show_hovered(self):
        i = self.hovered
        if i is None or self.images is None or i >= len(self.images):
            self.hover_view.set_images([])
            return
        caption = fill(self.tr("test image %1: %2"), i, self._class_name(int(self.labels[i])))
        self.hover_view.set_images([self.images[i].mean(axis=0)], [caption])

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
                                    pixels, self.space_map, self.layer()),
                            owner=self, key="place", on_result=self._on_placed,
                            on_error=self._on_place_error)

    def _on_place_error(self, message):
        self.star.setData([], [])
        self.message.show_rendered(
            lambda: fill(self.tr("Your drawing could not be placed: %1"), message))

    def _on_placed(self, result):
        x, y = result["point"]
        self.star.setData([x], [y])
        self._placed = result
        self._show_placed()

    def _show_placed(self):
        if self._placed is None or self.images is None:
            return
        wanted = [*self._placed["near_features"], *self._placed["near_pixels"]]
        if any(int(i) >= len(self.images) for i in wanted):
            return   # placed among an older, larger set of images (the map was recomputed since)

        def shown(indices):
            return ([self.images[i].mean(axis=0) for i in indices],
                    [self._class_name(int(self.labels[i])) for i in indices])

        self.near_features.set_images(*shown(self._placed["near_features"]))
        self.near_pixels.set_images(*shown(self._placed["near_pixels"]))

    # --- mistakes from the Train tab ----------------------------------------------------------
    def show_mistakes(self, selection: dict):
        """Circle a confusion cell's mistakes (`explain_mistakes.mistake_selection`) in the
        map and list them below it."""
        self.mistakes = MistakeSelection(selection)
        self._circle_mistakes()
        rows = self.mistakes.thumbnails()
        short = short_names(selection["class_names"])
        self.mistake_grid.set_images(selection["images"][rows],
                                     [self.mistakes.caption(r, short) for r in rows])
        for widget in (self.mistake_grid, self.mistake_caption, self.mistake_clear):
            widget.setVisible(True)

    def clear_mistakes(self):
        self.mistakes = None
        self.highlight.setData([], [])
        self.mistake_grid.set_images([])
        for widget in (self.mistake_grid, self.mistake_caption, self.mistake_clear):
            widget.setVisible(False)

    def _circle_mistakes(self):
        if self.mistakes is None:
            return
        rows = self.mistakes.place(self.images if self.points is not None else None)
        if self.points is None or not len(rows):
            self.highlight.setData([], [])
        else:
            self.highlight.setData(self.points[rows, 0], self.points[rows, 1])
        self._show_mistakes()

    def _show_mistakes(self):
        """The caption of the listed mistakes, in the current language."""
        m = self.mistakes
        if m is None:
            return
        n, circled = m.count, int(m.in_map.sum())
        size = 0 if self.images is None else len(self.images)
        pair = m.pair

        def render():
            if pair is None:
                what = self.tr("All %n misclassified test images of the last training run.",
                               "", n)
            else:
                what = fill(self.tr("%1 taken for %2: %n test images of the last training "
                                    "run.", "", n), self._class_name(pair[0]),
                            self._class_name(pair[1]))
            if self.points is None:
                where = self.tr("They will be circled when the map is ready.")
            elif m.other_data:
                where = self.tr("The map shows another data set's test images, so none of "
                                "them is circled: choose the run's data set in the Data tab.")
            else:
                where = fill(self.tr("%n of them circled in the map (it holds the first %1 "
                                     "test images).", "", circled), f"{size:,}")
            return " ".join((what, where, self.tr("Click a digit below to see where the "
                                                  "network looked.")))
        self.mistake_caption.show_text(render)

    def _on_mistake_clicked(self, row: int):
        m = self.mistakes
        if m is None or row >= len(m.thumbnails()):
            return
        number = int(m.index[row])
        image = pixels_to_float(m.selection["images"][row])
        if image.shape != (28, 28):
            return
        self.state.set_current_input(image, lambda: fill(self.tr("test set #%1"), number))
        self.sigInputChosen.emit()

    # --- t-SNE in the background --------------------------------------------------------------
    def start_tsne(self):
        """Run t-SNE on the features already computed, in a background thread."""
        if self.features is None:
            self.message.show_rendered(lambda: self.tr(
                "Wait for the PCA map: t-SNE starts from the same feature vectors."),
                error=False)
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
        self.status.show_text(lambda: self.tr("Computing the t-SNE map in the background..."))
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
        n = len(tsne_map.points)
        self.status.show_text(lambda: fill(self.tr(
            "t-SNE of %1 test images: neighbours in the map are neighbours in feature space; "
            "the distances between clusters and their sizes mean little."), n))
        self.place_drawing()

    def _on_tsne_failed(self, failure, cancelled):
        self._end_job()
        if cancelled:
            self.status.show_text(lambda: self.tr("t-SNE cancelled; the map shows the PCA."))
        else:
            self.message.show_rendered(lambda: fill(self.tr("t-SNE failed: %1"), failure.text()))

    def cancel_tsne(self):
        if self.job is not None:
            job = self.job
            for sig in (job.sigProgress, job.sigDone, job.sigFailed):
                sig.disconnect()
            job.release()
            self._end_job()
            self.status.show_text(lambda: self.tr("t-SNE cancelled; the map shows the PCA."))

    def shutdown(self):
        self.cancel_tsne()
