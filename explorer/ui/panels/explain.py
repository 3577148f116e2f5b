"""Explain panel: what the network learned, on the learner's own drawing and network.

Three views in sub-tabs:

- **On my drawing** (:class:`DrawingView`): saliency and Grad-CAM maps of the current input for
  the predicted or a picked class, live as the user draws (requests coalesced per key), with
  the raw maximum beside each scaled map and a sanity check against a randomised copy.
- **What a filter wants** (explain_views.ActMaxView): activation maximisation growing live.
- **Feature space** (explain_views.FeatureSpaceView): the penultimate layer as a 2-D map.

Every computation on the model runs in the engine thread (``client.request``); the decisions
live in the Qt-free explorer/ui/panels/explain_logic.py.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QTabWidget, QVBoxLayout, QWidget)

from explorer.ui.engine_strings import tr_engine
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.explain_logic import (ExplainChoices, drawing_maps_job, sanity_job,
                                              similarity_word)
from explorer.ui.panels.explain_views import ActMaxView, FeatureSpaceView, class_names_of
from explorer.ui.panels.explain_widgets import OverlayView
from explorer.ui.text import fill
from explorer.ui.widgets.message_label import MessageLabel
from explorer.ui.widgets.number_grid import format_number
from explorer.ui.widgets.signals import blocked


class DrawingView(QWidget):
    """Saliency and Grad-CAM of the current input; the sanity check below them."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("explainDrawing")
        self.client, self.state = client, state
        self.choices = ExplainChoices()
        self.settings = PanelSettings("explain")
        self.result: dict | None = None
        self.sanity: dict | None = None
        self._image: np.ndarray | None = None
        self._build()
        client.sigModelChanged.connect(self._on_model_change)
        state.sigCurrentInputChanged.connect(self._on_input)
        self._on_model_change(client.model_info)

    def __repr__(self) -> str:
        return f"DrawingView(result={None if self.result is None else self.result['target']})"

    def _build(self):
        self.class_combo = QComboBox(self)
        self.class_combo.setObjectName("explainClass")
        self.class_combo.setToolTip(self.tr(
            "The class whose score the maps explain: the network's own answer, or any class "
            "you pick (where would it look to call this digit a 3?)."))
        self.class_combo.currentIndexChanged.connect(self.refresh)
        self.layer_combo = QComboBox(self)
        self.layer_combo.setObjectName("explainCamLayer")
        self.layer_combo.setToolTip(self.tr(
            "The layer Grad-CAM reads: an early conv layer gives a fine map, a late one a "
            "coarse map of what the later layers use."))
        self.layer_combo.currentIndexChanged.connect(self._on_layer)
        self.saliency_view = OverlayView(self)
        self.saliency_view.setObjectName("explainSaliency")
        self.saliency_view.setToolTip(self.tr(
            "Saliency: how much the class score would change if a pixel changed (the absolute "
            "gradient), scaled to its maximum and drawn over the digit."))
        self.cam_view = OverlayView(self)
        self.cam_view.setObjectName("explainGradCam")
        self.cam_view.setToolTip(self.tr(
            "Grad-CAM: the chosen layer's maps weighted by how much they raise the class "
            "score, positive part only, enlarged to the image and scaled to its maximum."))
        self.info = QLabel(self)
        self.info.setObjectName("explainInfo")
        self.info.setWordWrap(True)
        self.sanity_method = QComboBox(self)
        self.sanity_method.setObjectName("explainSanityMethod")
        self.sanity_method.addItem(self.tr("Grad-CAM"), "gradcam")
        self.sanity_method.addItem(self.tr("Saliency"), "saliency")
        self.sanity_method.setToolTip(self.tr("The map the sanity check compares."))
        self.sanity_button = QPushButton(self.tr("Sanity check"), self)
        self.sanity_button.setObjectName("explainSanityButton")
        self.sanity_button.setToolTip(self.tr(
            "Compute the same map on a copy of the network with random weights. A map that "
            "barely changes shows the image's outline, not what the network learned."))
        self.sanity_button.clicked.connect(self.run_sanity_check)
        self.sanity_trained = OverlayView(self, size=150)
        self.sanity_trained.setObjectName("explainSanityTrained")
        self.sanity_trained.setToolTip(self.tr("The map of the trained network."))
        self.sanity_random = OverlayView(self, size=150)
        self.sanity_random.setObjectName("explainSanityRandom")
        self.sanity_random.setToolTip(self.tr("The same map on a copy with random weights."))
        self.sanity_text = QLabel(self)
        self.sanity_text.setObjectName("explainSanityText")
        self.sanity_text.setWordWrap(True)
        self.message = MessageLabel(self)
        self.message.setObjectName("explainMessage")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Explain the class:"), self))
        top.addWidget(self.class_combo, 1)
        top.addWidget(QLabel(self.tr("Grad-CAM layer:"), self))
        top.addWidget(self.layer_combo, 1)
        maps = QHBoxLayout()
        maps.addWidget(self.saliency_view, 1)
        maps.addWidget(self.cam_view, 1)
        sanity = QGridLayout()
        sanity.addWidget(self.sanity_method, 0, 0)
        sanity.addWidget(self.sanity_button, 0, 1)
        sanity.addWidget(self.sanity_trained, 1, 0)
        sanity.addWidget(self.sanity_random, 1, 1)
        sanity.addWidget(self.sanity_text, 2, 0, 1, 2)
        main = QVBoxLayout(self)
        main.addLayout(top)
        main.addLayout(maps, 3)
        main.addWidget(self.info)
        main.addLayout(sanity, 2)
        main.addWidget(self.message)

    # --- model, input, requests ---------------------------------------------------------------
    def _on_model_change(self, info):
        names = class_names_of(info)
        self.choices = ExplainChoices(list(info.summary) if info is not None else [])
        with blocked(self.class_combo, self.layer_combo):
            self.class_combo.clear()
            self.class_combo.addItem(self.tr("the predicted class"), None)
            for i, name in enumerate(names):
                self.class_combo.addItem(fill(self.tr("class %1"), name), i)
            self.layer_combo.clear()
            default = self.choices.default_cam_layer()
            for name in self.choices.cam_layer_options():
                label = fill(self.tr("%1 (default)"), name) if name == default else name
                self.layer_combo.addItem(label, name)
            restored = self.settings.restore_combo("camLayer", self.layer_combo)
            if not restored and default is not None:
                self.layer_combo.setCurrentIndex(self.layer_combo.findData(default))
        self.sanity = None
        self.sanity_trained.clear()
        self.sanity_random.clear()
        self.sanity_text.setText("")
        self.refresh()

    def _on_layer(self, *args):
        self.settings.remember_combo("camLayer", self.layer_combo)
        self.refresh()

    def _on_input(self, image):
        self.refresh()

    def picked_class(self):
        return self.class_combo.currentData()

    def cam_layer(self):
        return self.layer_combo.currentData()

    def input_image(self) -> np.ndarray | None:
        """The drawing (28, 28) float32, or None when nothing is drawn yet."""
        return None if self.state.current_input is None else np.asarray(self.state.current_input)

    def refresh(self, *args):
        """Ask for the maps of the current input (coalesced: only the newest drawing counts)."""
        image = self.input_image()
        if image is None:
            self.saliency_view.clear(self.tr("Draw a digit in the Draw tab to see its maps."))
            self.cam_view.clear("")
            return
        self._image = image
        self.client.request(partial(drawing_maps_job, image, self.picked_class(),
                                    self.cam_layer()),
                            owner=self, key="maps", on_result=self._on_maps,
                            on_error=self._on_error)

    def _on_error(self, message):
        self.message.show_error(fill(self.tr("The maps could not be computed: %1"), message))
        self.saliency_view.clear(self.tr("This view does not apply to this network."))
        self.cam_view.clear("")

    def _on_maps(self, result):
        self.result = result
        if self.message.is_error:
            self.message.clear()
        names = class_names_of(self.client.model_info)
        target = result["target"]
        tname = tr_engine(names[target]) if target < len(names) else str(target)
        sal = result["saliency"]
        peak = float(sal.max())
        scaled = sal / peak if peak > 0 else np.zeros_like(sal)
        self.saliency_view.set_maps(self._image, scaled, fill(self.tr(
            "Saliency for %1: largest gradient %2, shown as 1"), tname,
            format_number(result["saliency_max"])))
        if "cam" in result:
            self.cam_view.set_maps(self._image, result["cam"], fill(self.tr(
                "Grad-CAM at %1 for %2: raw maximum %3, shown as 1"), result["cam_layer"], tname,
                format_number(result["cam_raw_max"])))
            weak = result["cam_raw_max"] == 0
        else:
            self.cam_view.clear(fill(self.tr("Grad-CAM does not apply here: %1"),
                                     result["cam_error"]))
            weak = False
        proba = result["probabilities"]
        text = fill(self.tr("The network answers %1 (%2 %). The maps explain the score of %3."),
                    tr_engine(names[result["predicted"]]) if result["predicted"] < len(names)
                    else result["predicted"], f"{100 * float(proba[result['predicted']]):.1f}",
                    tname)
        if weak:
            text += " " + self.tr("Nothing in the Grad-CAM layer raises this class's score: the "
                                  "map is empty, not a confident 'nowhere'.")
        self.info.setText(text)

    # --- sanity check -------------------------------------------------------------------------
    def run_sanity_check(self):
        if self.result is None or self._image is None:
            self.sanity_text.setText(self.tr("Draw a digit first: the check compares its maps."))
            return
        method = self.sanity_method.currentData()
        if method == "gradcam" and "cam" not in self.result:
            method = "saliency"
        self.sanity_text.setText(self.tr("Computing the map on a randomised copy..."))
        self.client.request(partial(sanity_job, self._image, self.result["target"],
                                    self.result.get("cam_layer"), method, 0),
                            owner=self, key="sanity", on_result=self._on_sanity,
                            on_error=self._on_sanity_error)

    def _on_sanity_error(self, message):
        self.sanity_text.setText(fill(self.tr("The sanity check could not run: %1"), message))

    def _on_sanity(self, result):
        self.sanity = result
        image = self._image

        def scaled(m):
            peak = float(np.max(m))
            return m / peak if peak > 0 else np.zeros_like(m)

        self.sanity_trained.set_maps(image, scaled(result["trained"]),
                                     self.tr("Trained network"))
        self.sanity_random.set_maps(image, scaled(result["random"]),
                                    self.tr("Same architecture, random weights"))
        r = result["correlation"]
        word = similarity_word(r)
        if word == "unknown":
            text = self.tr("One of the two maps is flat, so they cannot be compared.")
        else:
            text = {
                "similar": self.tr("Correlation %1: the maps are similar, so this map shows "
                                   "little of what the network learned."),
                "partly": self.tr("Correlation %1: the maps are partly alike; read the trained "
                                  "map with care."),
                "different": self.tr("Correlation %1: the maps differ, so the trained map "
                                     "depends on what the network learned (it passes this "
                                     "check)."),
            }[word]
            text = fill(text, f"{r:.2f}")
        self.sanity_text.setText(text)


class ExplainPanel(QWidget):
    """The Explain tab: three views in sub-tabs (on my drawing, what a filter wants, feature
    space)."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("explainPanel")
        self.client, self.state = client, state
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("explainTabs")
        self.drawing = DrawingView(client, state, self)
        self.actmax = ActMaxView(client, state, self)
        self.space = FeatureSpaceView(client, state, self)
        self.tabs.addTab(self.drawing, self.tr("On my drawing"))
        self.tabs.addTab(self.actmax, self.tr("What a filter wants"))
        self.tabs.addTab(self.space, self.tr("Feature space"))
        self.tabs.setTabToolTip(0, self.tr("Which pixels the network's answer depends on."))
        self.tabs.setTabToolTip(1, self.tr("The image a filter or a class responds to most."))
        self.tabs.setTabToolTip(2, self.tr("How the network arranges the test digits."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def __repr__(self) -> str:
        return f"ExplainPanel(tab={self.tabs.currentIndex()})"

    def shutdown(self):
        """Stop the background work (the t-SNE job) when the window closes (MainWindow calls
        ``shutdown`` on every panel that has one)."""
        self.space.shutdown()
