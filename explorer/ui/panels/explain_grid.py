"""The Explain tab's "A whole layer" view: what every filter of a conv layer wants, and the
ten classes, as two grids of activation-maximisation images.

The images are computed a chunk of steps per engine request (explain_logic.GridRun), so the
engine thread keeps serving the other views and the GUI never waits; a progress bar and a
Cancel button follow the run. A click on a cell asks for the five test images that excite
that filter most (by mean activation) or give that class the highest score.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from explorer.ui.engine_strings import engine_message, tr_engine
from explorer.ui.panels.explain_logic import (ExplainChoices, GridRun, display_image,
                                              map_images, top_activating_job)
from explorer.ui.panels.explain_views import class_names_of
from explorer.ui.panels.explain_widgets import RenderedLabel, RenderedMessage
from explorer.ui.text import fill
from explorer.ui.widgets.image_grid import ImageGrid
from explorer.ui.widgets.signals import blocked

#: Ascent steps per engine request (all images of a run share the engine thread this way).
GRID_CHUNK = 20
#: How many test images are shown beside a picked cell.
TOP_K = 5


def shown_image(image: np.ndarray) -> np.ndarray:
    """The picture of one act-max image (C, H, W): ``(H, W)`` grey as it is, or ``(H, W, 3)``
    colour stretched per image to the full range (`explain_logic.display_image`)."""
    return display_image(image, stretch=np.shape(image)[0] != 1)


class LayerGridView(QWidget):
    """All filters of a chosen conv layer, and the classes, grown in the background."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("explainGrid")
        self.client, self.state = client, state
        self.choices = ExplainChoices()
        self.run: GridRun | None = None
        self.running = False
        #: What the last run was for: the layer's name and how many filters it has.
        self.run_layer: tuple[str, int] | None = None
        self.class_images: list[np.ndarray] | None = None
        self.picked: tuple[str, int] | None = None   # ("filter" | "class", index)
        self._top_images: np.ndarray | None = None
        self._build()
        client.sigModelChanged.connect(self._on_model_change)
        self._on_model_change(client.model_info)
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"LayerGridView(running={self.running}, run={self.run!r})"

    def _build(self):
        self.layer_label = QLabel(self)
        self.layer_combo = QComboBox(self)
        self.layer_combo.setObjectName("gridLayer")
        self.steps_label = QLabel(self)
        self.steps = QSpinBox(self)
        self.steps.setObjectName("gridSteps")
        self.steps.setRange(1, 1000)
        self.steps.setValue(100)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("gridStart")
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("gridCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("gridProgress")
        self.status = RenderedLabel(self)
        self.status.setObjectName("gridStatus")
        self.filters_label = RenderedLabel(self)
        self.filters = ImageGrid(self, cell_size=64, levels=(0.0, 1.0))
        self.filters.setObjectName("gridFilters")
        self.filters.sigImageClicked.connect(lambda i: self.pick("filter", i))
        self.classes_label = QLabel(self)
        self.classes = ImageGrid(self, cell_size=64, columns=5, levels=(0.0, 1.0))
        self.classes.setObjectName("gridClasses")
        self.classes.sigImageClicked.connect(lambda i: self.pick("class", i))
        self.top_label = RenderedLabel(self)
        self.top_label.setObjectName("gridTopLabel")
        self.top = ImageGrid(self, cell_size=56, columns=1, levels=(0.0, 1.0))
        self.top.setObjectName("gridTop")
        self.message = RenderedMessage(self)
        self.message.setObjectName("gridMessage")

        controls = QHBoxLayout()
        controls.addWidget(self.layer_label)
        controls.addWidget(self.layer_combo)
        controls.addWidget(self.steps_label)
        controls.addWidget(self.steps)
        controls.addWidget(self.start_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress, 1)
        grids = QGridLayout()
        grids.addWidget(self.filters_label, 0, 0)
        grids.addWidget(self.filters, 1, 0)
        grids.addWidget(self.classes_label, 2, 0)
        grids.addWidget(self.classes, 3, 0)
        grids.addWidget(self.top_label, 0, 1)
        grids.addWidget(self.top, 1, 1, 3, 1)
        grids.setColumnStretch(0, 4)
        grids.setColumnStretch(1, 1)
        grids.setRowStretch(1, 3)
        grids.setRowStretch(3, 2)
        main = QVBoxLayout(self)
        main.addLayout(controls)
        main.addWidget(self.status)
        main.addLayout(grids, 1)
        main.addWidget(self.message)

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every static text, then the status, the grids' captions and the message."""
        self.layer_label.setText(self.tr("Conv layer:"))
        self.layer_combo.setToolTip(self.tr(
            "The conv layer whose filters are all visualised, each in its own cell."))
        self.steps_label.setText(self.tr("Steps per image:"))
        self.steps.setToolTip(self.tr(
            "Gradient-ascent steps for each image (with the regularisers' default settings of "
            "the single view)."))
        self.start_button.setText(self.tr("Compute"))
        self.start_button.setToolTip(self.tr(
            "Grow an image for every filter of the layer (and, once per network, for every "
            "class) in the background; the other views keep working meanwhile."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop computing the grid; finished images stay."))
        self.progress.setToolTip(self.tr("Images finished so far."))
        self.filters.setToolTip(self.tr(
            "Each cell: the image that makes one filter's mean output largest, grown from "
            "grey (a colour network's image is shown in colour, stretched so its darkest value "
            "is black and its brightest white). Click a cell to see the test images that excite "
            "that filter most."))
        self.filters.set_placeholder(self.tr("Press Compute."))
        self.classes_label.setText(self.tr("The classes:"))
        self.classes.setToolTip(self.tr(
            "Each cell: the image that makes one class score (the logit) largest. An image "
            "that excites a class need not look like its digits."))
        self.classes.set_placeholder(self.tr("Computed with the first grid."))
        self.top.setToolTip(self.tr(
            "The test images with the highest mean activation of the picked filter (or the "
            "highest score of the picked class), highest first."))
        self.top.set_placeholder(self.tr("Click a cell."))
        self._label_layers()
        self.status.rerender()
        self.filters_label.rerender()
        self.top_label.rerender()
        self.message.rerender()
        self._show_classes()

    def _label_layers(self):
        with blocked(self.layer_combo):
            for i in range(self.layer_combo.count()):
                name, filters = self.layer_combo.itemData(i)
                self.layer_combo.setItemText(
                    i, fill(self.tr("%1 (%n filter(s))", "", filters), name))

    # --- model --------------------------------------------------------------------------------
    def _on_model_change(self, info):
        self.cancel()
        self.choices = ExplainChoices(list(info.summary) if info is not None else [])
        with blocked(self.layer_combo):
            self.layer_combo.clear()
            for name, filters in self.choices.conv_layers():
                self.layer_combo.addItem("", (name, filters))
        self._label_layers()
        self.run = self.run_layer = self.class_images = self.picked = None
        self.filters.set_images([])
        self.classes.set_images([])
        self.top.set_images([])
        self.top_label.show_text(None)
        self.filters_label.show_text(None)
        self.progress.setValue(0)
        if self.layer_combo.count() == 0:
            self.start_button.setEnabled(False)
            self.status.show_text(lambda: self.tr(
                "This network has no conv layer: there are no filters to show."))
        else:
            self.start_button.setEnabled(True)
            self.status.show_text(None)

    # --- the run ------------------------------------------------------------------------------
    def start(self):
        """Grow the images of every filter of the chosen layer, and of the classes when they
        are not computed yet for this network."""
        data = self.layer_combo.currentData()
        if data is None:
            return
        self.cancel()
        name, filters = data
        objectives = [{"layer": name, "channel": c} for c in range(filters)]
        if self.class_images is None:
            objectives += [{"target": k} for k in range(len(class_names_of(
                self.client.model_info)))]
        self.run = GridRun(objectives, steps=self.steps.value())
        self.run_layer = (name, filters)
        self.picked = None
        self.top.set_images([])
        self.top_label.show_text(None)
        self.filters.set_images([])
        self.filters_label.show_text(lambda: fill(self.tr("The %n filter(s) of %1:", "", filters),
                                                  name))
        self.running = True
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.message.clear()
        self.progress.setRange(0, len(objectives))
        self.progress.setValue(0)
        self._show_running(0, len(objectives))
        self._next_chunk()

    def _show_running(self, done, total):
        steps = self.run.steps
        self.status.show_text(lambda: fill(self.tr(
            "Computing image %1 of %2, %3 steps each, in the background..."),
            min(done + 1, total), total, steps))

    def _next_chunk(self):
        self.client.request(partial(self.run.advance, n=GRID_CHUNK), owner=self, key="grid",
                            on_result=self._on_chunk, on_error=self._on_error)

    def _on_chunk(self, result):
        name, filters = self.run_layer
        images = result["images"]
        self.filters.set_images([shown_image(a) for a in images[:filters]],
                                [str(c) for c in range(min(filters, len(images)))])
        if len(images) > filters:
            self.class_images = None if not result["finished"] else images[filters:]
            self._show_classes(images[filters:])
        self.progress.setValue(result["done"])
        if result["finished"]:
            self._end()
            total, steps = result["total"], self.run.steps
            self.status.show_text(lambda: fill(self.tr(
                "Done: %1 images, %2 steps each. Click one to see the test images that excite "
                "it most."), total, steps))
        elif self.running:
            self._show_running(result["done"], result["total"])
            self._next_chunk()

    def _show_classes(self, images=None):
        """The class grid (``images``: list of (C, H, W); None: the finished class images)."""
        images = self.class_images if images is None else images
        if not images:
            return
        names = class_names_of(self.client.model_info)
        self.classes.set_images([shown_image(a) for a in images],
                                [tr_engine(names[k]) if k < len(names) else str(k)
                                 for k in range(len(images))])

    def _on_error(self, message):
        self._end()
        self.message.show_rendered(
            lambda: fill(self.tr("The grid could not be computed: %1"), message))

    def _end(self):
        self.running = False
        self.client.cancel(self, "grid")
        self.start_button.setEnabled(self.layer_combo.count() > 0)
        self.cancel_button.setEnabled(False)

    def cancel(self):
        """Stop the run; the images finished so far stay."""
        if not self.running:
            return
        self._end()
        done, total = len(self.run.images), len(self.run.objectives)
        self.status.show_text(lambda: fill(self.tr("Cancelled after %1 of %2 images."),
                                           done, total))

    # --- the test images that excite a cell ---------------------------------------------------
    def pick(self, kind: str, index: int):
        """Show the test images that excite filter ``index`` of the grid's layer (kind
        "filter") or give class ``index`` the highest score (kind "class")."""
        if kind == "filter" and self.run_layer is None:
            return
        try:
            images, _ = map_images(self.state.dataset())
        except (OSError, ValueError) as exc:
            error = exc      # rendered in the language of the moment (View > Language)
            self.message.show_rendered(
                lambda: fill(self.tr("No test images: %1"), engine_message(error)))
            return
        self.picked = (kind, int(index))
        self.filters.set_highlight(index if kind == "filter" else None)
        self.classes.set_highlight(index if kind == "class" else None)
        self._top_images = images
        if kind == "filter":
            layer = self.run_layer[0]
            job = partial(top_activating_job, images, layer, int(index), None, k=TOP_K)
            self.top_label.show_text(lambda: fill(self.tr(
                "Test images that excite filter %1 of %2 most:"), index, layer))
        else:
            job = partial(top_activating_job, images, None, None, int(index), k=TOP_K)
            self.top_label.show_text(lambda: fill(self.tr(
                "Test images with the highest score for class %1:"),
                tr_engine(class_names_of(self.client.model_info)[index])))
        self.client.request(job, owner=self, key="top", on_result=self._on_top,
                            on_error=self._on_top_error)

    def _on_top(self, indices):
        images = self._top_images
        self.top.set_images([display_image(images[i], stretch=False) for i in indices],
                            [f"#{int(i)}" for i in indices])

    def _on_top_error(self, message):
        self.top.set_images([])
        self.message.show_rendered(lambda: fill(self.tr(
            "The most exciting test images could not be found: %1"), message))

    def shutdown(self):
        self.cancel()
