"""Convolution panel: a convolution or pooling walked through one output cell at a time.

Pick an input (the textbook's 4x4 example, a 3-channel example, the drawn or a test-set digit,
any feature map of the live model), a kernel (the textbook filter, a preset from
`explorer.engine.kernels`, any learned filter), the stride, padding and bias; then step. The
numbers come from `explorer.engine.stepper`, which takes them from the engine's own conv2d,
pooling, im2col and output-size functions. Model data (feature maps, learned filters) arrive
from the worker through ``client.request``.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSlider, QSpinBox, QSplitter, QTabWidget,
                               QTextBrowser, QVBoxLayout, QWidget)

from explorer.data import pixels_to_float
from explorer.engine import functional as F
from explorer.engine.conv_examples import CONV_EXAMPLES, POOL_EXAMPLES, get_example
from explorer.engine.stepper import ConvStepper, PoolStepper
from explorer.ui.engine_strings import tr_engine
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.convolution_views import ChannelRow, FitToViewport, Im2colView, cmap_for
from explorer.ui.panels.convolution_text import (conv_arithmetic_html, output_size_html,
                                                 pool_arithmetic_html)
from explorer.ui.widgets.imaging import value_range
from explorer.ui.widgets.number_grid import HIGHLIGHT, SECOND, format_number

#: The smallest input/output cell in pixels before the stepper's view scrolls (kernels: twice).
MIN_CELL = 8


def model_snapshot(image, model) -> dict:
    """Runs in the worker thread: what the Convolution panel needs from the live model.

    image : ndarray (28, 28) float32 in [0, 1]. Returns ``maps``: list of (layer name,
    (C, H, W) output) for every layer with a spatial output, and ``filters``: list of dicts
    (name, weight (F, C, KH, KW), bias (F,) or None, stride, padding, input_channels).
    """
    x = np.asarray(image, dtype=np.float32)[None, None]
    maps = [(name, out[0]) for name, out in model.trace(x) if out.ndim == 4]
    params = model.parameters()
    layers = {layer.name: layer for layer in model.layers}
    filters = []
    for key, weight in params.items():
        if key.endswith(".weight") and weight.ndim == 4:
            name = key[: -len(".weight")]
            layer = layers.get(name)
            filters.append({
                "name": name,
                "weight": weight,
                "bias": params.get(name + ".bias"),
                "stride": getattr(layer, "stride", None),
                "padding": getattr(layer, "padding", None),
            })
    return {"maps": maps, "filters": filters}


class ConvolutionPanel(QWidget):
    """Controls on the left; input, kernel and output grids, the step bar and the explanations
    (arithmetic, output size, im2col) on the right."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("convolutionPanel")
        self.client, self.state = client, state
        self.stepper: ConvStepper | PoolStepper | None = None
        self.position = 0
        self.error = ""
        self._snapshot: dict | None = None
        self._building = False
        self._mode_settings = {"conv": (3, 1), "pool": (2, 2)}  # (size, stride) per mode
        self._stale = False
        #: Remembered set-up (input, operation, kernel, stride, padding, flip, bias, speed)
        #: under "convolution/" in QSettings.
        self.settings = PanelSettings("convolution")

        self._build_controls()
        self._build_views()
        self._build_layout()

        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_play_tick)
        self._on_speed_change(self.speed.value())
        for key, slot in ((Qt.Key.Key_Right, lambda: self.step(1)),
                          (Qt.Key.Key_Left, lambda: self.step(-1)),
                          (Qt.Key.Key_Space, self.toggle_play),
                          (Qt.Key.Key_Home, lambda: self.set_position(0)),
                          (Qt.Key.Key_End, lambda: self.set_position(10**9))):
            sc = QShortcut(QKeySequence(key), self, slot)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        client.sigModelChanged.connect(self._on_model_change)
        state.sigCurrentInputChanged.connect(self._on_current_input_change)
        self._restore_settings()
        self.speed.valueChanged.connect(lambda v: self.settings.set("speed", int(v)))
        self.request_model_data()

    def __repr__(self) -> str:
        return f"ConvolutionPanel({self.stepper!r}, position={self.position})"

    # --- construction -------------------------------------------------------------------------
    def _build_controls(self):
        self.input_combo = QComboBox(self)
        self.input_combo.setObjectName("convInput")
        for ex in CONV_EXAMPLES + POOL_EXAMPLES:
            self.input_combo.addItem(tr_engine(ex.title), f"example:{ex.key}")
        self.input_combo.addItem(self.tr("Current input (Draw tab)"), "current")
        self.input_combo.addItem(self.tr("Test-set digit"), "test")
        self.input_combo.addItem(self.tr("Feature maps of the live model"), "model")
        self.input_combo.setToolTip(self.tr(
            "What the kernel slides over: the textbook's small numeric examples, a digit, or "
            "the output of any layer of the live network (for the second conv layer's filters "
            "choose the layer that feeds it)."))
        self.test_index = QSpinBox(self)
        self.test_index.setObjectName("convTestIndex")
        self.test_index.setRange(0, 0)
        self.test_index.setToolTip(self.tr("Which test-set image (its number in the test set)."))
        self.map_layer = QComboBox(self)
        self.map_layer.setObjectName("convMapLayer")
        self.map_layer.setToolTip(self.tr(
            "The layer whose output (for the current input) becomes the input here."))
        self.map_channel = QComboBox(self)
        self.map_channel.setObjectName("convMapChannel")
        self.map_channel.setToolTip(self.tr(
            "Use all channels of that layer (a filter then needs as many channels) or only one."))

        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("convMode")
        self.mode_combo.addItem(self.tr("Convolution"), "conv")
        self.mode_combo.addItem(self.tr("Max pooling"), "max")
        self.mode_combo.addItem(self.tr("Average pooling"), "avg")
        self.mode_combo.setToolTip(self.tr(
            "Convolution: multiply the window by the kernel and add up. Max pooling keeps the "
            "largest value of each window; average pooling its mean."))

        self.kernel_combo = QComboBox(self)
        self.kernel_combo.setObjectName("convKernel")
        self.kernel_combo.addItem(self.tr("Textbook filter"), "example")
        try:
            from explorer.engine.kernels import PRESETS
        except ImportError:  # the kernel library is optional for this panel
            PRESETS = {}
        self._presets = PRESETS
        for name, p in PRESETS.items():
            self.kernel_combo.addItem(tr_engine(p.title), f"preset:{name}")
        self.kernel_combo.addItem(self.tr("Learned filter of the live model"), "learned")
        self.kernel_combo.setToolTip(self.tr(
            "The filter: the textbook's 3x3 (or the 3-channel example's own filter), a classic "
            "image-processing kernel, or one the network learned."))
        self.filter_layer = QComboBox(self)
        self.filter_layer.setObjectName("convFilterLayer")
        self.filter_layer.setToolTip(self.tr("The convolution layer whose filter is used."))
        self.filter_index = QSpinBox(self)
        self.filter_index.setObjectName("convFilterIndex")
        self.filter_index.setToolTip(self.tr(
            "Which filter of that layer (each filter makes one output channel)."))

        self.size_spin = QSpinBox(self)
        self.size_spin.setObjectName("convKernelSize")
        self.size_spin.setRange(1, 7)
        self.size_spin.setValue(3)
        self.stride_spin = QSpinBox(self)
        self.stride_spin.setObjectName("convStride")
        self.stride_spin.setRange(1, 6)
        self.stride_spin.setToolTip(self.tr(
            "How many cells the window moves between two outputs (S in the formula)."))
        self.pad_mode = QComboBox(self)
        self.pad_mode.setObjectName("convPaddingMode")
        self.pad_mode.addItem(self.tr("Number"), "number")
        self.pad_mode.addItem(self.tr("SAME"), "same")
        self.pad_mode.addItem(self.tr("VALID"), "valid")
        self.pad_mode.setToolTip(self.tr(
            "Number: P zeros on every side. SAME: just enough zeros that the output has "
            "ceil(H/S) rows (an odd total puts the extra one at the bottom/right). VALID: none."))
        self.pad_spin = QSpinBox(self)
        self.pad_spin.setObjectName("convPadding")
        self.pad_spin.setRange(0, 4)
        self.pad_spin.setToolTip(self.tr("P: rows/columns of zeros added on every side."))
        self.flip_check = QCheckBox(self.tr("True convolution (rotate kernel 180\u00b0)"), self)
        self.flip_check.setObjectName("convFlip")
        self.flip_check.setToolTip(self.tr(
            "CNN layers compute cross-correlation: the kernel is used as it is. The "
            "mathematical convolution first rotates it by 180 degrees; tick to see the "
            "difference (the kernel view shows the rotated kernel)."))
        self.bias_spin = QDoubleSpinBox(self)
        self.bias_spin.setObjectName("convBias")
        self.bias_spin.setRange(-100.0, 100.0)
        self.bias_spin.setDecimals(2)
        self.bias_spin.setToolTip(self.tr("A number added to every output of this filter."))

        for combo in (self.input_combo, self.map_layer, self.map_channel, self.mode_combo,
                      self.kernel_combo, self.filter_layer, self.pad_mode):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        for w in (self.input_combo, self.map_layer, self.map_channel, self.mode_combo,
                  self.kernel_combo, self.filter_layer, self.pad_mode, self.test_index):
            signal = w.valueChanged if isinstance(w, QSpinBox) else w.currentIndexChanged
            signal.connect(self._on_setup_change)
        for w in (self.filter_index, self.size_spin, self.stride_spin, self.pad_spin):
            w.valueChanged.connect(self._on_setup_change)
        self.flip_check.toggled.connect(self._on_setup_change)
        self.bias_spin.valueChanged.connect(self._on_setup_change)
        self.input_combo.activated.connect(self._on_input_chosen)

        # stepping
        self.back_button = QPushButton(self.tr("\u25c0 Back"), self)
        self.back_button.setObjectName("convBack")
        self.back_button.setToolTip(self.tr("Previous output cell (Left arrow)."))
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setObjectName("convPlay")
        self.play_button.setToolTip(self.tr("Step through all output cells (Space)."))
        self.play_button.clicked.connect(self.toggle_play)
        self.forward_button = QPushButton(self.tr("Forward \u25b6"), self)
        self.forward_button.setObjectName("convForward")
        self.forward_button.setToolTip(self.tr("Next output cell (Right arrow)."))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setObjectName("convSpeed")
        self.speed.setRange(1, 20)
        self.speed.setValue(3)
        self.speed.setToolTip(self.tr("Playback speed in output cells per second."))
        self.speed.valueChanged.connect(self._on_speed_change)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("convSpeedLabel")
        self.position_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.position_slider.setObjectName("convPosition")
        self.position_slider.setToolTip(self.tr(
            "Every output cell in order, row by row (Home/End: first/last)."))
        self.position_slider.valueChanged.connect(self._on_slider_change)
        self.position_label = QLabel(self)
        self.position_label.setObjectName("convPositionLabel")

    def _build_views(self):
        # cells shrink to fit the window down to MIN_CELL pixels; only then does the view scroll
        self.input_row = ChannelRow(self, max_size=360, min_cell=MIN_CELL)
        self.input_row.setObjectName("convInputView")
        self.kernel_row = ChannelRow(self, cell_size=40, max_size=200, min_cell=2 * MIN_CELL)
        self.kernel_row.setObjectName("convKernelView")
        self.output_row = ChannelRow(self, max_size=300, min_cell=MIN_CELL)
        self.output_row.setObjectName("convOutputView")
        self.input_title = QLabel(self)
        self.kernel_title = QLabel(self)
        self.output_title = QLabel(self)
        for t in (self.input_title, self.kernel_title, self.output_title):
            t.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("convMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        self.arithmetic = QTextBrowser(self)
        self.arithmetic.setObjectName("convArithmetic")
        self.arithmetic.setToolTip(self.tr("The sum behind the highlighted output cell, written out."))
        self.size_text = QTextBrowser(self)
        self.size_text.setObjectName("convOutputSize")
        self.size_text.setToolTip(self.tr("Why the output has the size it has."))

        self.im2col = Im2colView(self)
        self.im2col.setObjectName("im2colView")
        self.im2col_view = self.im2col.matrix      # short names used by the tests
        self.im2col_shapes = self.im2col.shapes

    def _build_layout(self):
        setup = QGroupBox(self.tr("Set-up"), self)
        form = QFormLayout(setup)
        form.addRow(self.tr("&Input:"), self.input_combo)
        self._test_label = QLabel(self.tr("Test digit:"), self)
        form.addRow(self._test_label, self.test_index)
        self._map_label = QLabel(self.tr("Layer:"), self)
        maps = QHBoxLayout()
        maps.addWidget(self.map_layer, 2)
        maps.addWidget(self.map_channel, 1)
        form.addRow(self._map_label, maps)
        form.addRow(self.tr("&Operation:"), self.mode_combo)
        self._kernel_label = QLabel(self.tr("&Kernel:"), self)
        self._kernel_label.setBuddy(self.kernel_combo)
        form.addRow(self._kernel_label, self.kernel_combo)
        self._filter_label = QLabel(self.tr("Filter:"), self)
        filt = QHBoxLayout()
        filt.addWidget(self.filter_layer, 2)
        filt.addWidget(self.filter_index, 1)
        form.addRow(self._filter_label, filt)
        self._size_label = QLabel(self.tr("Kernel si&ze:"), self)
        self._size_label.setBuddy(self.size_spin)
        form.addRow(self._size_label, self.size_spin)
        form.addRow(self.tr("&Stride:"), self.stride_spin)
        pad = QHBoxLayout()
        pad.addWidget(self.pad_mode, 1)
        pad.addWidget(self.pad_spin, 1)
        pad_label = QLabel(self.tr("&Padding:"), self)
        pad_label.setBuddy(self.pad_mode)
        form.addRow(pad_label, pad)
        form.addRow(self.flip_check)
        self._bias_label = QLabel(self.tr("&Bias:"), self)
        self._bias_label.setBuddy(self.bias_spin)
        form.addRow(self._bias_label, self.bias_spin)
        left = QVBoxLayout()
        left.addWidget(setup)
        left.addWidget(self.message)
        left.addStretch(1)
        keys = QLabel(self.tr(
            "Keys: \u2190/\u2192 step, Space play/pause, Home/End first/last cell."), self)
        keys.setWordWrap(True)
        left.addWidget(keys)
        left_widget = QWidget(self)
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(330)
        left_widget.setMaximumWidth(400)

        views = FitToViewport(self)
        views.setObjectName("convViews")
        grid = QGridLayout(views)
        grid.addWidget(self.input_title, 0, 0)
        grid.addWidget(self.kernel_title, 0, 1)
        grid.addWidget(self.output_title, 0, 2)
        grid.addWidget(self.input_row, 1, 0)
        grid.addWidget(self.kernel_row, 1, 1)
        grid.addWidget(self.output_row, 1, 2)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(views)

        steps = QGridLayout()
        steps.addWidget(self.back_button, 0, 0)
        steps.addWidget(self.play_button, 0, 1)
        steps.addWidget(self.forward_button, 0, 2)
        steps.addWidget(QLabel(self.tr("Speed:"), self), 0, 3)
        steps.addWidget(self.speed, 0, 4)
        steps.addWidget(self.speed_label, 0, 5)
        steps.addWidget(self.position_label, 0, 6)
        steps.addWidget(self.position_slider, 1, 0, 1, 7)
        steps.setColumnStretch(6, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("convExplainTabs")
        self.tabs.addTab(self.arithmetic, self.tr("Arithmetic"))
        self.tabs.addTab(self.size_text, self.tr("Output size"))
        self.tabs.addTab(self.im2col, self.tr("im2col"))

        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(scroll, 1)
        tv.addLayout(steps)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 300])
        views.setMinimumHeight(300)
        main = QHBoxLayout(self)
        main.addWidget(left_widget)
        main.addWidget(split, 1)

    # --- model data ---------------------------------------------------------------------------
    def _model_image(self) -> np.ndarray:
        if self.state.current_input is not None:
            return self.state.current_input
        return self._test_image(0)

    def _test_image(self, index: int) -> np.ndarray:
        data = self.state.dataset()
        images = data.test_images
        index = int(np.clip(index, 0, len(images) - 1))
        return pixels_to_float(images[index])

    def request_model_data(self):
        """Ask the worker for the live model's feature maps (of the current input) and filters."""
        try:
            image = self._model_image()
        except (OSError, ValueError) as exc:
            self.message.setText(self.tr("No input for the model: {0}").format(exc))
            return
        self.client.request(partial(model_snapshot, image), owner=self, key="snapshot",
                            on_result=self._on_snapshot, on_error=self._on_snapshot_error)

    def _on_snapshot(self, result):
        self._snapshot = result
        self._building = True
        try:
            keep = self.map_layer.currentText()
            self.map_layer.clear()
            for name, arr in result["maps"]:
                self.map_layer.addItem(f"{name} {tuple(arr.shape)}", name)
            i = self.map_layer.findData(keep.split(" ")[0]) if keep else 0
            self.map_layer.setCurrentIndex(max(0, i))
            keep_f = self.filter_layer.currentData()
            self.filter_layer.clear()
            for f in result["filters"]:
                self.filter_layer.addItem(f"{f['name']} {tuple(f['weight'].shape)}", f["name"])
            i = self.filter_layer.findData(keep_f) if keep_f else 0
            self.filter_layer.setCurrentIndex(max(0, i))
            self._update_map_channels()
            self._update_filter_range()
        finally:
            self._building = False
        if self._source() == "model" or self.kernel_combo.currentData() == "learned":
            self.rebuild()

    def _on_snapshot_error(self, message):
        self.message.setText(self.tr("The live model could not answer: {0}").format(message))

    def _on_model_change(self, info):
        self._refresh_or_defer()

    def _on_current_input_change(self, image):
        self._refresh_or_defer()

    def _refresh_or_defer(self):
        """Follow a new input or model now if the panel is on screen, else when it is shown
        (no engine work for a hidden tab while the user draws)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.request_model_data()
        if self._source() == "current":
            self.rebuild()

    def _update_map_channels(self):
        keep = self.map_channel.currentData()
        self.map_channel.clear()
        arr = self._selected_map()
        if arr is None:
            return
        n = arr.shape[0]
        self.map_channel.addItem(self.tr("the only channel") if n == 1 else self.tr("all %n channels", "", n), -1)
        for c in range(arr.shape[0]):
            self.map_channel.addItem(self.tr("channel {0}").format(c), c)
        i = self.map_channel.findData(keep) if keep is not None else 1
        self.map_channel.setCurrentIndex(i if i >= 0 else 1)

    def _update_filter_range(self):
        f = self._selected_filter()
        self.filter_index.setRange(0, 0 if f is None else f["weight"].shape[0] - 1)

    def _selected_map(self):
        if not self._snapshot:
            return None
        name = self.map_layer.currentData()
        for n, arr in self._snapshot["maps"]:
            if n == name:
                return arr
        return None

    def _selected_filter(self):
        if not self._snapshot:
            return None
        name = self.filter_layer.currentData()
        for f in self._snapshot["filters"]:
            if f["name"] == name:
                return f
        return None

    # --- set-up ---------------------------------------------------------------------------------
    def _source(self) -> str:
        return str(self.input_combo.currentData() or "")

    def _load_example(self, key: str):
        """Set every control to the example's own values."""
        self._apply_example(key)
        self.rebuild()

    def _apply_example(self, key: str):
        """Set every control to the example's own values, without rebuilding."""
        ex = get_example(key)
        was_building, self._building = self._building, True
        try:
            self.input_combo.setCurrentIndex(self.input_combo.findData(f"example:{key}"))
            mode = ex.pool or "conv"
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
            if ex.kernel is not None:
                self.kernel_combo.setCurrentIndex(self.kernel_combo.findData("example"))
                self.size_spin.setValue(ex.kernel.shape[1])
            else:
                self.size_spin.setValue(ex.pool_size)
            self.stride_spin.setValue(ex.stride)
            if isinstance(ex.padding, str):
                self.pad_mode.setCurrentIndex(self.pad_mode.findData(ex.padding))
            else:
                self.pad_mode.setCurrentIndex(0)
                self.pad_spin.setValue(int(ex.padding))
            self.bias_spin.setValue(ex.bias)
            self.flip_check.setChecked(False)
        finally:
            self._building = was_building

    # --- remembered set-up ------------------------------------------------------------------------
    def _restore_settings(self):
        """Start with the set-up of last time: the textbook example first, then every stored
        value that still exists (an unknown input, kernel or mode is ignored)."""
        s = self.settings
        self._building = True
        try:
            stored_input = s.get("input") or ""
            example = stored_input.split(":", 1)[1] if stored_input.startswith("example:") else None
            try:
                self._apply_example(example or "book_4x4")
            except KeyError:  # an example that no longer exists
                self._apply_example("book_4x4")
            if example is None:
                s.restore_combo("input", self.input_combo)
            s.restore_combo("operation", self.mode_combo)
            s.restore_combo("kernel", self.kernel_combo)
            for key, spin, kind in (("size", self.size_spin, int), ("stride", self.stride_spin, int),
                                    ("padding", self.pad_spin, int), ("bias", self.bias_spin, float)):
                value = s.get(key, kind)
                if value is not None and spin.minimum() <= value <= spin.maximum():
                    spin.setValue(value)
            s.restore_combo("paddingMode", self.pad_mode)
            flip = s.get("flip", bool)
            if flip is not None:
                self.flip_check.setChecked(flip)
            speed = s.get("speed", int)
            if speed is not None and self.speed.minimum() <= speed <= self.speed.maximum():
                self.speed.setValue(speed)
        finally:
            self._building = False
        self.rebuild()

    def _save_settings(self):
        s = self.settings
        for key, combo in (("input", self.input_combo), ("operation", self.mode_combo),
                           ("kernel", self.kernel_combo), ("paddingMode", self.pad_mode)):
            s.remember_combo(key, combo)
        s.set("size", self.size_spin.value())
        s.set("stride", self.stride_spin.value())
        s.set("padding", self.pad_spin.value())
        s.set("flip", self.flip_check.isChecked())
        s.set("bias", self.bias_spin.value())
        s.set("speed", self.speed.value())

    def _on_input_chosen(self, index):
        source = self._source()
        if source.startswith("example:"):
            self._load_example(source.split(":", 1)[1])
        elif self.mode_combo.currentData() == "conv" and self.kernel_combo.currentData() == "example":
            # a digit with the book's 3x3 works, but a classic edge detector is more telling
            self._building = True
            i = self.kernel_combo.findData("preset:sobel_x")
            if i >= 0:
                self.kernel_combo.setCurrentIndex(i)
            self._building = False
            self.rebuild()

    def _on_setup_change(self, *args):
        if self._building:
            return
        sender = self.sender()
        if sender is self.mode_combo:
            # convolution and pooling keep their own size and stride (pooling starts as the
            # textbook's 2x2 window with stride 2)
            self._building = True
            new = "conv" if self.mode_combo.currentData() == "conv" else "pool"
            old = "pool" if new == "conv" else "conv"
            self._mode_settings[old] = (self.size_spin.value(), self.stride_spin.value())
            size, stride = self._mode_settings[new]
            self.size_spin.setValue(size)
            self.stride_spin.setValue(stride)
            self._building = False
        if (sender is self.kernel_combo and self.kernel_combo.currentData() == "learned") \
                or sender is self.filter_layer:
            self._building = True
            self._use_layer_geometry()
            self._building = False
        if sender is self.map_layer:
            self._building = True
            self._update_map_channels()
            self._building = False
        if sender is self.filter_layer:
            self._building = True
            self._update_filter_range()
            self._building = False
        self.rebuild()

    def _use_layer_geometry(self):
        """Set stride and padding to the chosen learned filter's layer, so the output here is
        that layer's own feature map when the input is what the layer receives."""
        f = self._selected_filter()
        if f is None or f["stride"] is None:
            return
        stride, padding = f["stride"], f["padding"]
        self.stride_spin.setValue(int(stride[0] if isinstance(stride, (tuple, list)) else stride))
        if isinstance(padding, str):
            self.pad_mode.setCurrentIndex(self.pad_mode.findData(padding.lower()))
        else:
            if isinstance(padding, (tuple, list)):
                padding = padding[0][0] if isinstance(padding[0], (tuple, list)) else padding[0]
            self.pad_mode.setCurrentIndex(self.pad_mode.findData("number"))
            self.pad_spin.setValue(int(padding))

    def current_input(self) -> tuple[np.ndarray, str]:
        """The (C, H, W) input for the chosen source and a caption for it."""
        source = self._source()
        if source.startswith("example:"):
            ex = get_example(source.split(":", 1)[1])
            if (self.mode_combo.currentData() == "conv") == (ex.pool is not None):
                # a convolution example used for pooling or the other way round
                return ex.x, self.tr("The input of \u201c{0}\u201d.").format(tr_engine(ex.title))
            return ex.x, self._with_settings_note(ex, tr_engine(ex.description))
        if source == "current":
            if self.state.current_input is None:
                return self._test_image(0)[None], self.tr(
                    "Nothing drawn yet: showing test digit 0. Draw in the Draw tab to use your own.")
            return np.asarray(self.state.current_input)[None], self.tr(
                "The current input ({0}), as the network sees it.").format(self.state.current_input_source)
        if source == "test":
            i = self.test_index.value()
            data = self.state.dataset()
            label = tr_engine(data.class_names[int(data.test_labels[i])])
            return self._test_image(i)[None], self.tr("Test image #{0}, labelled {1}.").format(i, label)
        arr = self._selected_map()
        if arr is None:
            raise ValueError(self.tr("The live model's feature maps have not arrived yet."))
        ch = self.map_channel.currentData()
        name = self.map_layer.currentData()
        if ch is None or ch < 0:
            if arr.shape[0] == 1:
                return arr, self.tr("The one channel of {0}'s output.").format(name)
            return arr, self.tr("All %n channels of {0}'s output.", "", arr.shape[0]).format(name)
        return arr[ch : ch + 1], self.tr("Channel {0} of {1}'s output.").format(ch, name)

    def _with_settings_note(self, ex, description: str) -> str:
        """``description`` (the book's set-up) followed by the user's stride, padding (window
        size for pooling, bias for convolution) whenever they differ from the example's own."""
        stride, padding = self.stride_spin.value(), self.padding_value()
        pool = ex.pool is not None
        size = self.size_spin.value() if pool else ex.kernel.shape[-1]
        try:
            ours = F.resolve_padding(padding, ex.x.shape[1:], (size, size), (stride, stride))
            book = F.resolve_padding(ex.padding, ex.x.shape[1:], (ex.pool_size if pool else size,) * 2,
                                     (ex.stride, ex.stride))
        except ValueError:
            ours, book = None, ()
        bias = self.bias_spin.value()
        same = stride == ex.stride and ours == book and (
            size == ex.pool_size if pool else abs(bias - ex.bias) < 1e-12)
        if same:
            return description
        if padding == "same":
            pad_text = self.tr("SAME padding")
        elif padding == "valid":
            pad_text = self.tr("VALID padding (none)")
        else:
            pad_text = self.tr("padding {0}").format(padding)
        if pool:
            note = self.tr("Your settings: {0}\u00d7{0} window, stride {1}, {2}.").format(size, stride, pad_text)
        else:
            note = self.tr("Your settings: stride {0}, {1}, bias {2}.").format(
                stride, pad_text, format_number(bias))
        return f"{description} <i>{note}</i>"

    def current_kernel(self, channels: int) -> tuple[np.ndarray, float, str]:
        """(kernel (C, KH, KW) or (KH, KW), bias, caption) for the chosen kernel source."""
        source = str(self.kernel_combo.currentData())
        bias = self.bias_spin.value()
        if source == "example":
            inp = self._source()
            ex = get_example(inp.split(":", 1)[1]) if inp.startswith("example:") else None
            if ex is not None and ex.kernel is not None and ex.kernel.shape[0] == channels:
                return ex.kernel, bias, self.tr("The example's filter.")
            return get_example("book_4x4").kernel[0], bias, self.tr("The textbook's 3x3 filter.")
        if source.startswith("preset:"):
            from explorer.engine.kernels import preset

            name = source.split(":", 1)[1]
            p = self._presets[name]
            size = self.size_spin.value() if p.sizes else None
            if p.sizes and size not in p.sizes:
                raise ValueError(self.tr("{0} takes sizes {1} to {2}.").format(
                    tr_engine(p.title), p.sizes[0], p.sizes[-1]))
            return preset(name, size=size), bias, tr_engine(p.description)
        f = self._selected_filter()
        if f is None:
            raise ValueError(self.tr("The live model's filters have not arrived yet."))
        i = min(self.filter_index.value(), f["weight"].shape[0] - 1)
        learned_bias = 0.0 if f["bias"] is None else float(f["bias"][i])
        return f["weight"][i], learned_bias + bias, self.tr(
            "Filter {0} of {1} (its learned bias {2} is added to the bias set here). With the "
            "layer's own stride and padding and the input {1} receives, the output is channel {0} "
            "of {1}'s output.").format(i, f["name"], format_number(learned_bias))

    def padding_value(self):
        mode = self.pad_mode.currentData()
        return self.pad_spin.value() if mode == "number" else mode

    def _update_enabled(self):
        source, mode, kernel = self._source(), self.mode_combo.currentData(), self.kernel_combo.currentData()
        conv = mode == "conv"
        self.test_index.setVisible(source == "test")
        self._test_label.setVisible(source == "test")
        for w in (self.map_layer, self.map_channel, self._map_label):
            w.setVisible(source == "model")
        for w in (self.kernel_combo, self._kernel_label, self.flip_check, self.bias_spin, self._bias_label):
            w.setEnabled(conv)
        learned = conv and kernel == "learned"
        for w in (self.filter_layer, self.filter_index, self._filter_label):
            w.setVisible(learned)
        self.pad_spin.setEnabled(self.pad_mode.currentData() == "number")
        if conv:
            self._size_label.setText(self.tr("Kernel si&ze:"))
            p = self._presets.get(str(kernel).split(":", 1)[-1]) if str(kernel).startswith("preset:") else None
            sized = p is not None and bool(p.sizes)
            self.size_spin.setEnabled(sized)
            self.size_spin.setToolTip(self.tr("The kernel is KH x KW = size x size.") if sized else self.tr(
                "This kernel has a fixed size. Box blur, Gaussian, Identity and Laplacian of "
                "Gaussian come in sizes 1-7."))
        else:
            self._size_label.setText(self.tr("Window si&ze:"))
            self.size_spin.setEnabled(True)
            self.size_spin.setToolTip(self.tr("The pooling window is size x size cells."))

    # --- the stepper ------------------------------------------------------------------------------
    def rebuild(self):
        """Read the controls, build a new stepper and show its first cell (or say what is wrong)."""
        self._update_enabled()
        self._save_settings()
        if self._source() == "test" and self.test_index.maximum() == 0:
            try:
                n = len(self.state.dataset().test_images)
            except (OSError, ValueError):
                n = 1
            self.test_index.blockSignals(True)
            self.test_index.setRange(0, max(0, n - 1))
            self.test_index.blockSignals(False)
        self.error = ""
        old = self.position
        try:
            x, input_caption = self.current_input()
            mode = self.mode_combo.currentData()
            stride = self.stride_spin.value()
            padding = self.padding_value()
            if mode == "conv":
                kernel, bias, kernel_caption = self.current_kernel(x.shape[0])
                if kernel.ndim == 3 and kernel.shape[0] != x.shape[0]:
                    raise ValueError(self._channel_hint(kernel.shape[0], x.shape[0]))
                self.stepper = ConvStepper(x, kernel, bias=bias, stride=stride, padding=padding,
                                           flip=self.flip_check.isChecked())
                if kernel.ndim == 2 and x.shape[0] > 1:
                    kernel_caption += " " + self.tr("The same kernel is used on each of the %n channels.", "",
                                                    x.shape[0])
            else:
                self.stepper = PoolStepper(x, mode, self.size_spin.value(), stride, padding)
                kernel_caption = ""
        except (ValueError, OSError) as exc:
            self.stepper = None
            self.error = str(exc)
            self._show_error()
            return
        self.message.setText("")
        self.input_title.setText("<b>" + self.tr("Input {0}, padded to {1}").format(
            "\u00d7".join(map(str, self.stepper.x.shape)),
            "\u00d7".join(map(str, self.stepper.padded.shape))) + "</b><br>" + input_caption)
        self.kernel_title.setText(self._kernel_title(kernel_caption))
        self._setup_static_views()
        n = self.stepper.n_positions
        self.position_slider.blockSignals(True)
        self.position_slider.setRange(0, n - 1)
        self.position_slider.blockSignals(False)
        self.set_position(min(old, n - 1))

    def _channel_hint(self, kernel_c: int, input_c: int) -> str:
        has = self.tr("This filter has 1 channel") if kernel_c == 1 else self.tr(
            "This filter has %n channels", "", kernel_c)
        but = self.tr("but the input has 1") if input_c == 1 else self.tr("but the input has %n", "", input_c)
        text = self.tr("{0} {1}: a filter needs one channel per input channel.").format(has, but)
        f = self._selected_filter()
        info = getattr(self.client, "model_info", None)
        if f is not None and info is not None:
            names = [row.get("name") for row in info.summary]
            if f["name"] in names and names.index(f["name"]) > 0:
                before = names[names.index(f["name"]) - 1]
                text += " " + self.tr("{0} reads the output of {1}: choose \u201cFeature maps of the "
                                      "live model\u201d, layer {1}, all channels.").format(f["name"], before)
        return text

    def _kernel_title(self, caption: str) -> str:
        st = self.stepper
        if isinstance(st, PoolStepper):
            what = self.tr("Max pooling") if st.mode == "max" else self.tr("Average pooling")
            return "<b>" + self.tr("{0}: {1}\u00d7{2} window, stride {3}").format(
                what, st.size[0], st.size[1], st.stride[0]) + "</b><br>" + self.tr(
                "No weights: each channel is pooled on its own.")
        shape = "\u00d7".join(map(str, st.kernel.shape))
        head = self.tr("Kernel {0}").format(shape)
        if st.flip:
            head += " " + self.tr("rotated 180\u00b0")
        return f"<b>{head}</b><br>{caption}"

    def _show_error(self):
        self.message.setText(self.error)
        self.input_title.setText("")
        self.kernel_title.setText("")
        self.output_title.setText("")
        self.arithmetic.setHtml("<p style='color:#b00020'>" + self.error.replace("<", "&lt;") + "</p>")
        self.position_label.setText(self.tr("no output"))
        self.position_slider.setRange(0, 0)
        for row in (self.input_row, self.kernel_row, self.output_row):
            row.set_count(0)
        self._show_size_only()

    def _show_size_only(self):
        """Even without a valid set-up, explain the sizes when they can be explained."""
        try:
            x, _ = self.current_input()
            mode = self.mode_combo.currentData()
            k = self.size_spin.value()
            if mode == "conv":
                kernel, _, _ = self.current_kernel(x.shape[0])
                k = kernel.shape[-1]
            expl = F.explain_output_size(x.shape[1], k, self.stride_spin.value(), self.padding_value())
            self.size_text.setHtml(output_size_html("H", expl, None))
        except (ValueError, OSError) as exc:
            self.size_text.setHtml(self.tr("The output size cannot be computed: {0}").format(exc))

    def _setup_static_views(self):
        st = self.stepper
        c = st.x.shape[0]
        in_cmap = cmap_for(st.x)
        levels = value_range(st.padded, in_cmap == "diverging")  # skips -inf (max-pool padding)
        self.input_row.set_count(c)
        for ch in range(c):
            g = self.input_row.grids[ch]
            g.set_matrix(st.padded[ch], levels=levels, cmap=in_cmap)
            g.set_padding(st.pads)
            g.set_dropped(st.explain_h.dropped + st.explain_h.skipped,
                          st.explain_w.dropped + st.explain_w.skipped)
            g.row_offset = -st.pads[0][0]
            g.col_offset = -st.pads[1][0]
            g.value_name = self.tr("input")
            self.input_row.captions[ch].setText(self.tr("channel {0}").format(ch) if c > 1 else "")
        if isinstance(st, ConvStepper):
            self.kernel_row.set_count(c)
            kc = cmap_for(st.applied_kernel)
            klevels = value_range(st.applied_kernel, kc == "diverging")
            for ch in range(c):
                g = self.kernel_row.grids[ch]
                g.set_matrix(st.applied_kernel[ch], levels=klevels, cmap=kc)
                g.value_name = self.tr("weight")
                self.kernel_row.captions[ch].setText(self.tr("channel {0}").format(ch) if c > 1 else "")
            self.output_row.set_count(1)
            g = self.output_row.grids[0]
            g.set_matrix(st.output, cmap=cmap_for(st.output))
            g.value_name = self.tr("output")
            self.output_row.captions[0].setText("")
            self.output_title.setText("<b>" + self.tr("Output {0}\u00d7{1}").format(*st.output_shape) + "</b><br>" + self.tr(
                "Bias {0} included. From the engine's conv2d.").format(format_number(st.bias)))
        else:
            self.kernel_row.set_count(0)
            self.output_row.set_count(c)
            oc = cmap_for(st.output)
            olevels = value_range(st.output, oc == "diverging")  # one scale for all channels
            for ch in range(c):
                g = self.output_row.grids[ch]
                g.set_matrix(st.output[ch], levels=olevels, cmap=oc)
                g.value_name = self.tr("output")
                self.output_row.captions[ch].setText(self.tr("channel {0}").format(ch) if c > 1 else "")
            self.output_title.setText("<b>" + self.tr("Output {0}\u00d7{1}\u00d7{2}").format(c, *st.output_shape) + "</b><br>" + self.tr(
                "From the engine's {0}.").format("max_pool2d" if st.mode == "max" else "avg_pool2d"))
        padding = self.padding_value()
        same_h = same_w = None
        if padding != "same":
            k = st.kernel_size if isinstance(st, ConvStepper) else st.size
            try:
                same_h = F.explain_output_size(st.x.shape[1], k[0], st.stride[0], "same")
                same_w = F.explain_output_size(st.x.shape[2], k[1], st.stride[1], "same")
            except ValueError:
                pass
        self.size_text.setHtml(
            "<p>" + output_size_html("H", st.explain_h, same_h) + "</p><p>"
            + output_size_html("W", st.explain_w, same_w) + "</p><p>"
            + self.tr("The hatched band of the input is the padding (zeros; for max pooling "
                      "\u2212\u221e, which never wins). Rows and columns tinted red are never "
                      "under any window: their values cannot change the output.") + "</p>")
        self.im2col.show_setup(st)

    # --- stepping ----------------------------------------------------------------------------------
    def set_position(self, index: int):
        if self.stepper is None:
            return
        index = int(np.clip(index, 0, self.stepper.n_positions - 1))
        self.position = index
        self.position_slider.blockSignals(True)
        self.position_slider.setValue(index)
        self.position_slider.blockSignals(False)
        self._render_position()

    def step(self, delta: int):
        if self.stepper is None:
            return
        self.set_position(self.position + delta)

    def toggle_play(self):
        if self.timer.isActive():
            self.timer.stop()
        elif self.stepper is not None:
            if self.position >= self.stepper.n_positions - 1:
                self.set_position(0)
            self._on_speed_change(self.speed.value())
            self.timer.start()
        self.play_button.setText(self.tr("Pause") if self.timer.isActive() else self.tr("Play"))

    def _on_play_tick(self):
        if self.stepper is None or self.position >= self.stepper.n_positions - 1:
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))
            return
        self.step(1)

    def _on_speed_change(self, value):
        self.timer.setInterval(int(1000 / max(1, value)))
        self.speed_label.setText(self.tr("1 cell/s") if value == 1 else self.tr("%n cells/s", "", value))

    def _on_slider_change(self, value):
        self.set_position(value)

    def current(self):
        """The `ConvPosition` / `PoolPosition` shown, or None when the set-up is invalid."""
        return None if self.stepper is None else self.stepper.position(self.position)

    def _render_position(self):
        st = self.stepper
        pos = st.position(self.position)
        top, left, kh, kw = pos.window
        self.position_label.setText(self.tr("cell {0} of {1} (row {2}, column {3})").format(
            pos.index + 1, st.n_positions, pos.row, pos.col))
        for ch, g in enumerate(self.input_row.grids[: st.x.shape[0]]):
            g.set_highlights([(top, left, kh, kw, HIGHLIGHT)])
            if getattr(pos, "winner", None) is None:  # convolution, or average pooling
                g.set_marks([])
            else:
                r, c = pos.winner[ch]
                g.set_marks([(top + r, left + c)])
        out_grids = self.output_row.grids[: (1 if isinstance(st, ConvStepper) else st.x.shape[0])]
        for g in out_grids:
            g.set_highlights([(pos.row, pos.col, 1, 1, SECOND)])
        if isinstance(st, ConvStepper):
            self.arithmetic.setHtml(conv_arithmetic_html(pos, st.applied_kernel, st.flip))
        else:
            self.arithmetic.setHtml(pool_arithmetic_html(pos, st.mode))
        self.im2col.show_position(st, pos)

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale or self._snapshot is None:
            self._refresh_or_defer()
