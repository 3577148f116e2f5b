"""Explain panel: what the network learned, on the learner's own drawing and network.

Four views in sub-tabs:

- **On my drawing** (:class:`DrawingView`): saliency (plain or SmoothGrad) and Grad-CAM maps of
  the current input for the predicted or a picked class, live as the user draws (requests
  coalesced per key), with the raw maximum beside each scaled map and a sanity check against a
  randomised copy.
- **What a filter wants** (explain_views.ActMaxView): activation maximisation growing live.
- **A whole layer** (explain_grid.LayerGridView): act-max images of every filter of a conv
  layer and of every class, grown in the background; the top test images of a picked cell.
- **Feature space** (explain_space.FeatureSpaceView): a layer's feature vectors as a 2-D map.

Every computation on the model runs in the engine thread (``client.request``); the decisions
live in the Qt-free explorer/ui/panels/explain_logic.py.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout,
                               QLabel, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from explorer.ui.engine_strings import engine_message, tr_engine
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.explain_logic import (ExplainChoices, drawing_maps_job, sanity_job,
                                              similarity_word)
from explorer.ui.panels.explain_grid import LayerGridView
from explorer.ui.panels.explain_space import FeatureSpaceView
from explorer.ui.panels.explain_views import ActMaxView, class_names_of
from explorer.ui.panels.explain_widgets import OverlayView, RenderedLabel, RenderedMessage
from explorer.ui.text import fill
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
        self._sanity_image: np.ndarray | None = None
        #: What the two maps show: "empty" (nothing drawn), "maps" (self.result) or "error".
        self._maps_state = "empty"
        self._build()
        client.sigModelChanged.connect(self._on_model_change)
        state.sigCurrentInputChanged.connect(self._on_input)
        self._on_model_change(client.model_info)
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"DrawingView(result={None if self.result is None else self.result['target']})"

    def _build(self):
        self.class_combo = QComboBox(self)
        self.class_combo.setObjectName("explainClass")
        self.class_combo.currentIndexChanged.connect(self.refresh)
        self.layer_combo = QComboBox(self)
        self.layer_combo.setObjectName("explainCamLayer")
        self.layer_combo.currentIndexChanged.connect(self._on_layer)
        self.class_label = QLabel(self)
        self.layer_label = QLabel(self)
        self.smooth_box = QCheckBox(self)
        self.smooth_box.setObjectName("explainSmoothGrad")
        self.smooth_box.toggled.connect(self._on_smooth)
        self.smooth_noise = QDoubleSpinBox(self)
        self.smooth_noise.setObjectName("explainSmoothNoise")
        self.smooth_noise.setRange(0.0, 1.0)
        self.smooth_noise.setSingleStep(0.05)
        self.smooth_noise.setDecimals(2)
        self.smooth_noise.setValue(0.15)
        self.smooth_noise.valueChanged.connect(self.refresh)
        self.smooth_count = QSpinBox(self)
        self.smooth_count.setObjectName("explainSmoothCount")
        self.smooth_count.setRange(1, 200)
        self.smooth_count.setValue(25)
        self.smooth_count.valueChanged.connect(self.refresh)
        self.noise_label = QLabel(self)
        self.count_label = QLabel(self)
        self.smooth_noise.setEnabled(False)
        self.smooth_count.setEnabled(False)
        self.saliency_view = OverlayView(self)
        self.saliency_view.setObjectName("explainSaliency")
        self.cam_view = OverlayView(self)
        self.cam_view.setObjectName("explainGradCam")
        self.info = RenderedLabel(self)
        self.info.setObjectName("explainInfo")
        self.sanity_method = QComboBox(self)
        self.sanity_method.setObjectName("explainSanityMethod")
        self.sanity_method.addItem("", "gradcam")
        self.sanity_method.addItem("", "saliency")
        self.sanity_button = QPushButton(self)
        self.sanity_button.setObjectName("explainSanityButton")
        self.sanity_button.clicked.connect(self.run_sanity_check)
        self.sanity_trained = OverlayView(self, size=150)
        self.sanity_trained.setObjectName("explainSanityTrained")
        self.sanity_random = OverlayView(self, size=150)
        self.sanity_random.setObjectName("explainSanityRandom")
        self.sanity_text = RenderedLabel(self)
        self.sanity_text.setObjectName("explainSanityText")
        self.message = RenderedMessage(self)
        self.message.setObjectName("explainMessage")

        top = QHBoxLayout()
        top.addWidget(self.class_label)
        top.addWidget(self.class_combo, 1)
        top.addWidget(self.layer_label)
        top.addWidget(self.layer_combo, 1)
        smooth = QHBoxLayout()
        smooth.addWidget(self.smooth_box)
        smooth.addWidget(self.noise_label)
        smooth.addWidget(self.smooth_noise)
        smooth.addWidget(self.count_label)
        smooth.addWidget(self.smooth_count)
        smooth.addStretch(1)
        maps = QHBoxLayout()
        maps.addWidget(self.saliency_view, 1)
        maps.addWidget(self.cam_view, 1)
        sanity = QGridLayout()
        sanity.addWidget(self.sanity_method, 0, 0)
        sanity.addWidget(self.sanity_button, 0, 1)
        sanity.addWidget(self.sanity_trained, 1, 0)
        sanity.addWidget(self.sanity_random, 1, 1)
        sanity.addWidget(self.sanity_text, 2, 0, 1, 2)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addLayout(top)
        self.main_layout.addLayout(smooth)
        self.main_layout.addLayout(maps, 3)
        self.main_layout.addWidget(self.info)
        self.main_layout.addLayout(sanity, 2)
        self.main_layout.addWidget(self.message)

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every static text, then the maps' captions, the sentences and the messages again."""
        self.class_combo.setToolTip(self.tr(
            "The class whose score the maps explain: the network's own answer, or any class "
            "you pick (where would it look to call this digit a 3?)."))
        self.layer_combo.setToolTip(self.tr(
            "The layer Grad-CAM reads: an early conv layer gives a fine map, a late one a "
            "coarse map of what the later layers use."))
        self.class_label.setText(self.tr("Explain the class:"))
        self.layer_label.setText(self.tr("Grad-CAM layer:"))
        self.saliency_view.setToolTip(self.tr(
            "Saliency: how much the class score would change if a pixel changed (the absolute "
            "gradient), scaled to its maximum and drawn over the digit."))
        self.cam_view.setToolTip(self.tr(
            "Grad-CAM: the chosen layer's maps weighted by how much they raise the class "
            "score, positive part only, enlarged to the image and scaled to its maximum."))
        self.smooth_box.setText(self.tr("SmoothGrad"))
        self.smooth_box.setToolTip(self.tr(
            "Average the saliency over noisy copies of the drawing: the speckle of single "
            "pixels averages out and the strokes that matter remain. Slower: one gradient "
            "per copy."))
        self.noise_label.setText(self.tr("Noise:"))
        self.smooth_noise.setToolTip(self.tr(
            "The spread of the noise added to each copy, as a fraction of the pixel range "
            "(0.1 to 0.2 works well; 0 gives the plain saliency)."))
        self.count_label.setText(self.tr("Copies:"))
        self.smooth_count.setToolTip(self.tr(
            "How many noisy copies are averaged: more give a smoother map and take longer."))
        with blocked(self.sanity_method):
            self.sanity_method.setItemText(0, self.tr("Grad-CAM"))
            self.sanity_method.setItemText(1, self.tr("Saliency"))
        self.sanity_method.setToolTip(self.tr("The map the sanity check compares."))
        self.sanity_button.setText(self.tr("Sanity check"))
        self.sanity_button.setToolTip(self.tr(
            "Compute the same map on a copy of the network with random weights. A map that "
            "barely changes shows the image's outline, not what the network learned."))
        self.sanity_trained.setToolTip(self.tr("The map of the trained network."))
        self.sanity_random.setToolTip(self.tr("The same map on a copy with random weights."))
        self._label_combos()
        self._show_maps()
        self.info.rerender()
        self.sanity_text.rerender()
        self.message.rerender()
        self._show_sanity()

    def _label_combos(self):
        """The class and layer combos' texts, from their items' data (the selection stays)."""
        names = class_names_of(self.client.model_info)
        default = self.choices.default_cam_layer()
        with blocked(self.class_combo, self.layer_combo):
            for i in range(self.class_combo.count()):
                k = self.class_combo.itemData(i)
                self.class_combo.setItemText(i, self.tr("the predicted class") if k is None
                                             else fill(self.tr("class %1"), tr_engine(names[k])))
            for i in range(self.layer_combo.count()):
                name = self.layer_combo.itemData(i)
                self.layer_combo.setItemText(i, fill(self.tr("%1 (default)"), name)
                                             if name == default else name)

    # --- model, input, requests ---------------------------------------------------------------
    def _on_model_change(self, info):
        names = class_names_of(info)
        self.choices = ExplainChoices(list(info.summary) if info is not None else [])
        with blocked(self.class_combo, self.layer_combo):
            self.class_combo.clear()
            self.class_combo.addItem("", None)
            for i in range(len(names)):
                self.class_combo.addItem("", i)
            self.layer_combo.clear()
            default = self.choices.default_cam_layer()
            for name in self.choices.cam_layer_options():
                self.layer_combo.addItem("", name)
            restored = self.settings.restore_combo("camLayer", self.layer_combo)
            if not restored and default is not None:
                self.layer_combo.setCurrentIndex(self.layer_combo.findData(default))
        self._label_combos()
        self.sanity = None
        self.sanity_trained.clear()
        self.sanity_random.clear()
        self.sanity_text.show_text(None)
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

    def smooth(self) -> tuple[float, int] | None:
        """``(noise, copies)`` when SmoothGrad is on, else None (the plain saliency)."""
        if not self.smooth_box.isChecked():
            return None
        return float(self.smooth_noise.value()), int(self.smooth_count.value())

    def _on_smooth(self, on):
        self.smooth_noise.setEnabled(bool(on))
        self.smooth_count.setEnabled(bool(on))
        self.refresh()

    def map_job(self, image):
        """The engine-thread job that makes both maps of ``image`` (H, W) with the current
        choices (``fn(model)``; a newer request replaces it, an older answer is dropped)."""
        return partial(drawing_maps_job, image, self.picked_class(), self.cam_layer(),
                       smooth=self.smooth())

    def refresh(self, *args):
        """Ask for the maps of the current input (coalesced: only the newest drawing counts)."""
        image = self.input_image()
        if image is None:
            self._maps_state = "empty"
            self._show_maps()
            return
        self._image = image
        self.client.request(self.map_job(image), owner=self, key="maps",
                            on_result=self._on_maps, on_error=self._on_error)

    def _on_error(self, message):
        self._maps_state = "error"
        self.message.show_rendered(
            lambda: fill(self.tr("The maps could not be computed: %1"), message))
        self._show_maps()

    def _on_maps(self, result):
        self.result = result
        self._maps_state = "maps"
        if self.message.is_error:
            self.message.clear()
        self._show_maps()
        self.info.show_text(self._info_text)

    def _class_name(self, k: int) -> str:
        names = class_names_of(self.client.model_info)
        return tr_engine(names[k]) if 0 <= k < len(names) else str(k)

    def _show_maps(self):
        """Draw the two maps (or the placeholder) for the state last shown, in the current
        language."""
        if self._maps_state == "empty":
            self.saliency_view.clear(self.tr("Draw a digit in the Draw tab to see its maps."))
            self.cam_view.clear("")
            return
        if self._maps_state == "error" or self.result is None:
            self.saliency_view.clear(self.tr("This view does not apply to this network."))
            self.cam_view.clear("")
            return
        result = self.result
        tname = self._class_name(result["target"])
        sal = result["saliency"]
        peak = float(sal.max())
        scaled = sal / peak if peak > 0 else np.zeros_like(sal)
        if result.get("smooth") is None:
            caption = fill(self.tr("Saliency for %1: largest gradient %2, shown as 1"), tname,
                           format_number(result["saliency_max"]))
        else:
            noise, n = result["smooth"]
            caption = fill(self.tr("SmoothGrad for %1, mean of %n noisy copies (noise %2): "
                                   "largest value %3, shown as 1", "", n), tname,
                           f"{noise:.2f}", format_number(result["saliency_max"]))
        self.saliency_view.set_maps(self._image, scaled, caption)
        if "cam" in result:
            self.cam_view.set_maps(self._image, result["cam"], fill(self.tr(
                "Grad-CAM at %1 for %2: raw maximum %3, shown as 1"), result["cam_layer"], tname,
                format_number(result["cam_raw_max"])))
        else:
            self.cam_view.clear(fill(self.tr("Grad-CAM does not apply here: %1"),
                                     engine_message(result["cam_error"])))

    def _info_text(self) -> str:
        """The sentence under the maps for ``self.result``, in the current language."""
        result = self.result
        proba = result["probabilities"]
        text = fill(self.tr("The network answers %1 (%2 %). The maps explain the score of %3."),
                    self._class_name(result["predicted"]),
                    f"{100 * float(proba[result['predicted']]):.1f}",
                    self._class_name(result["target"]))
        if "cam" in result and result["cam_raw_max"] == 0:
            text += " " + self.tr("Nothing in the Grad-CAM layer raises this class's score: the "
                                  "map is empty, not a confident 'nowhere'.")
        return text

    # --- sanity check -------------------------------------------------------------------------
    def run_sanity_check(self):
        if self.result is None or self._image is None:
            self.sanity_text.show_text(
                lambda: self.tr("Draw a digit first: the check compares its maps."))
            return
        method = self.sanity_method.currentData()
        if method == "gradcam" and "cam" not in self.result:
            method = "saliency"
        self.sanity_text.show_text(lambda: self.tr("Computing the map on a randomised copy..."))
        self.client.request(partial(sanity_job, self._image, self.result["target"],
                                    self.result.get("cam_layer"), method, 0),
                            owner=self, key="sanity", on_result=self._on_sanity,
                            on_error=self._on_sanity_error)

    def _on_sanity_error(self, message):
        self.sanity_text.show_text(
            lambda: fill(self.tr("The sanity check could not run: %1"), message))

    def _on_sanity(self, result):
        self.sanity = result
        self._sanity_image = self._image
        self._show_sanity()
        self.sanity_text.show_text(self._sanity_sentence)

    def _show_sanity(self):
        """The two maps of the last sanity check with their captions (current language)."""
        result = self.sanity
        if result is None:
            return

        def scaled(m):
            peak = float(np.max(m))
            return m / peak if peak > 0 else np.zeros_like(m)

        image = self._sanity_image
        self.sanity_trained.set_maps(image, scaled(result["trained"]),
                                     self.tr("Trained network"))
        self.sanity_random.set_maps(image, scaled(result["random"]),
                                    self.tr("Same architecture, random weights"))

    def _sanity_sentence(self) -> str:
        r = self.sanity["correlation"]
        word = similarity_word(r)
        if word == "unknown":
            return self.tr("One of the two maps is flat, so they cannot be compared.")
        text = {
            "similar": self.tr("Correlation %1: the maps are similar, so this map shows "
                               "little of what the network learned."),
            "partly": self.tr("Correlation %1: the maps are partly alike; read the trained "
                              "map with care."),
            "different": self.tr("Correlation %1: the maps differ, so the trained map "
                                 "depends on what the network learned (it passes this "
                                 "check)."),
        }[word]
        return fill(text, f"{r:.2f}")


class ExplainPanel(QWidget):
    """The Explain tab: four views in sub-tabs (on my drawing, what a filter wants, a whole
    layer, feature space)."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("explainPanel")
        self.client, self.state = client, state
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("explainTabs")
        self.drawing = DrawingView(client, state, self)
        self.actmax = ActMaxView(client, state, self)
        self.grid = LayerGridView(client, state, self)
        self.space = FeatureSpaceView(client, state, self)
        for view in (self.drawing, self.actmax, self.grid, self.space):
            self.tabs.addTab(view, "")
        self.space.sigInputChosen.connect(lambda: self.tabs.setCurrentWidget(self.drawing))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """The sub-tabs' titles and tooltips (each view retranslates itself)."""
        self.tabs.setTabText(0, self.tr("On my drawing"))
        self.tabs.setTabText(1, self.tr("What a filter wants"))
        self.tabs.setTabText(2, self.tr("A whole layer"))
        self.tabs.setTabText(3, self.tr("Feature space"))
        self.tabs.setTabToolTip(0, self.tr("Which pixels the network's answer depends on."))
        self.tabs.setTabToolTip(1, self.tr("The image a filter or a class responds to most."))
        self.tabs.setTabToolTip(2, self.tr("What every filter of a conv layer, and every class, "
                                           "responds to most, side by side."))
        self.tabs.setTabToolTip(3, self.tr("How the network arranges the test digits."))

    def __repr__(self) -> str:
        return f"ExplainPanel(tab={self.tabs.currentIndex()})"

    def show_mistakes(self, selection: dict):
        """The Train tab's confusion-cell mistakes (routed by the window): the feature space
        circles and lists them."""
        self.tabs.setCurrentWidget(self.space)
        self.space.show_mistakes(selection)

    def shutdown(self):
        """Stop the background work (the t-SNE job) when the window closes (MainWindow calls
        ``shutdown`` on every panel that has one)."""
        self.grid.shutdown()
        self.space.shutdown()
