"""The Convolution tab's set-up form: widgets <-> `explorer.ui.conv_setup.ConvSetup`.

The form holds no maths: `setup` reads the controls into a `ConvSetup`, `show_setup` writes one
back (with the controls' signals blocked), and every user change ends in one ``sigChanged``.
The rules of what a change implies live in `explorer.ui.conv_setup` (an example's own values,
a learned filter's own stride and padding); the form keeps only what is about widgets: which
controls show, and the size/stride each operation had last.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QPushButton, QSpinBox)

from explorer.data.sample_photos import SAMPLE_PHOTOS
from explorer.engine.conv_examples import CONV_EXAMPLES, POOL_EXAMPLES
from explorer.engine.kernels import PRESETS
from explorer.ui import conv_setup as cs
from explorer.ui.conv_setup import (ConvSetup, choose_input, example_setup, layer_geometry,
                                    switch_operation)
from explorer.ui.engine_strings import tr_engine
from explorer.ui.sample_photos import photo_credit, photo_title
from explorer.ui.text import fill
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.image_picker import ImageIndexPicker
from explorer.ui.widgets.signals import blocked


def _within(bounds):
    """A validity check for `PanelSettings.get`: ``bounds[0] <= value <= bounds[1]``."""
    return lambda value: bounds[0] <= value <= bounds[1]


class ConvForm(QGroupBox):
    """The "Set-up" box: input, operation, kernel, size, stride, padding, flip and bias.

    ``sigChanged`` follows every user change, after what it implies was applied (choosing an
    example loads its values; choosing a learned filter takes its layer's stride and padding).
    ``sigExampleChosen`` tells the panel that an input was picked from the list (even the one
    already shown)."""

    sigChanged = Signal()
    #: "Edit numbers…" was clicked (the panel owns the typed input and its dialog).
    sigEditTyped = Signal()

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.snapshot: dict | None = None
        #: The (size, stride) each kind of operation had last (`conv_setup.switch_operation`).
        self.mode_memory = dict(cs.START_GEOMETRY)
        self._kind = "conv"   # the kind of operation shown: "conv" or "pool"
        self._build(state)
        self._layout()
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"ConvForm({self.setup()!r})"

    # --- widgets ---------------------------------------------------------------------------
    def _build(self, state):
        """The controls, without texts (`retranslate_ui` writes them); items carry their key
        as data."""
        self.input_combo = FitComboBox(self)
        self.input_combo.setObjectName("convInput")
        for ex in CONV_EXAMPLES + POOL_EXAMPLES:
            self.input_combo.addItem("", f"example:{ex.key}")
        for key in ("current", "test", "photo", "model", "typed"):
            self.input_combo.addItem("", key)
        self.photo_combo = FitComboBox(self)
        self.photo_combo.setObjectName("convPhoto")
        for key in SAMPLE_PHOTOS:
            self.photo_combo.addItem("", key)
        self.edit_typed = QPushButton(self)
        self.edit_typed.setObjectName("convEditTyped")
        self.edit_typed.clicked.connect(self.sigEditTyped)
        self.test_index = ImageIndexPicker(state, self)
        self.test_index.setObjectName("convTestIndex")
        self.map_layer = FitComboBox(self)
        self.map_layer.setObjectName("convMapLayer")
        self.map_channel = FitComboBox(self)
        self.map_channel.setObjectName("convMapChannel")

        self.mode_combo = FitComboBox(self)
        self.mode_combo.setObjectName("convMode")
        for key in cs.OPERATIONS:
            self.mode_combo.addItem("", key)

        self.kernel_combo = FitComboBox(self)
        self.kernel_combo.setObjectName("convKernel")
        for key in cs.KERNELS:
            self.kernel_combo.addItem("", key)
        self.filter_layer = FitComboBox(self)
        self.filter_layer.setObjectName("convFilterLayer")
        self.filter_index = QSpinBox(self)
        self.filter_index.setObjectName("convFilterIndex")

        self.size_spin = QSpinBox(self)
        self.size_spin.setObjectName("convKernelSize")
        self.size_spin.setRange(*cs.SIZE_RANGE)
        self.size_spin.setValue(3)
        self.stride_spin = QSpinBox(self)
        self.stride_spin.setObjectName("convStride")
        self.stride_spin.setRange(*cs.STRIDE_RANGE)
        self.pad_mode = FitComboBox(self)
        self.pad_mode.setObjectName("convPaddingMode")
        for key in ("number", "same", "valid"):
            self.pad_mode.addItem("", key)
        self.pad_spin = QSpinBox(self)
        self.pad_spin.setObjectName("convPadding")
        self.pad_spin.setRange(*cs.PADDING_RANGE)
        self.flip_check = QCheckBox(self)
        self.flip_check.setObjectName("convFlip")
        self.bias_spin = QDoubleSpinBox(self)
        self.bias_spin.setObjectName("convBias")
        self.bias_spin.setRange(*cs.BIAS_RANGE)
        self.bias_spin.setDecimals(2)

        self.combos = (self.input_combo, self.photo_combo, self.map_layer, self.map_channel,
                       self.mode_combo, self.kernel_combo, self.filter_layer, self.pad_mode)
        self.spins = (self.test_index, self.filter_index, self.size_spin, self.stride_spin,
                      self.pad_spin, self.bias_spin)
        for combo in self.combos:
            combo.currentIndexChanged.connect(self._on_change)
        for spin in self.spins:
            spin.valueChanged.connect(self._on_change)
        self.flip_check.toggled.connect(self._on_change)
        self.input_combo.activated.connect(self._on_input_chosen)

    def _layout(self):
        form = QFormLayout(self)

        def label(buddy=None):
            lab = QLabel(self)
            if buddy is not None:
                lab.setBuddy(buddy)
            return lab

        self._input_label = label(self.input_combo)
        form.addRow(self._input_label, self.input_combo)
        self._test_label = label()
        form.addRow(self._test_label, self.test_index)
        self._photo_label = label(self.photo_combo)
        form.addRow(self._photo_label, self.photo_combo)
        form.addRow(self.edit_typed)
        self._map_label = label()
        maps = QHBoxLayout()
        maps.addWidget(self.map_layer, 2)
        maps.addWidget(self.map_channel, 1)
        form.addRow(self._map_label, maps)
        self._mode_label = label(self.mode_combo)
        form.addRow(self._mode_label, self.mode_combo)
        self._kernel_label = label(self.kernel_combo)
        form.addRow(self._kernel_label, self.kernel_combo)
        self._filter_label = label()
        filt = QHBoxLayout()
        filt.addWidget(self.filter_layer, 2)
        filt.addWidget(self.filter_index, 1)
        form.addRow(self._filter_label, filt)
        self._size_label = label(self.size_spin)
        form.addRow(self._size_label, self.size_spin)
        self._stride_label = label(self.stride_spin)
        form.addRow(self._stride_label, self.stride_spin)
        pad = QHBoxLayout()
        pad.addWidget(self.pad_mode, 1)
        pad.addWidget(self.pad_spin, 1)
        self._pad_label = label(self.pad_mode)
        form.addRow(self._pad_label, pad)
        form.addRow(self.flip_check)
        self._bias_label = label(self.bias_spin)
        form.addRow(self._bias_label, self.bias_spin)

    # --- language ------------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text of the form in the current language: the title, labels, tooltips and the
        combo boxes' items (in place, by their data; the choice does not change)."""
        self.setTitle(self.tr("Set-up"))
        for lab, text in ((self._input_label, self.tr("&Input:")),
                          (self._test_label, self.tr("Test image:")),
                          (self._photo_label, self.tr("P&hoto:")),
                          (self._map_label, self.tr("Layer:")),
                          (self._mode_label, self.tr("&Operation:")),
                          (self._kernel_label, self.tr("&Kernel:")),
                          (self._filter_label, self.tr("Filter:")),
                          (self._stride_label, self.tr("&Stride:")),
                          (self._pad_label, self.tr("&Padding:")),
                          (self._bias_label, self.tr("&Bias:"))):
            lab.setText(text)
        examples = {f"example:{ex.key}": ex for ex in CONV_EXAMPLES + POOL_EXAMPLES}
        inputs = {"current": self.tr("Current input (Draw tab)"),
                  "test": self.tr("Test-set image"),
                  "photo": self.tr("Colour photo (R, G, B)"),
                  "model": self.tr("Feature maps of the live model"),
                  "typed": self.tr("Numbers you type")}
        self.edit_typed.setText(self.tr("Edit &numbers\u2026"))
        self.edit_typed.setToolTip(self.tr(
            "Type the input yourself: any size up to 32\u00d732, 1 to 3 channels, so that "
            "every worked example of the chapter can be entered."))
        operations = {"conv": self.tr("Convolution"), "max": self.tr("Max pooling"),
                      "avg": self.tr("Average pooling")}
        kernels = {"example": self.tr("Textbook filter"),
                   "learned": self.tr("Learned filter of the live model")}
        pad_modes = {"number": self.tr("Number"), "same": self.tr("SAME"),
                     "valid": self.tr("VALID")}
        with blocked(self.input_combo, self.mode_combo, self.kernel_combo, self.pad_mode,
                     self.map_channel, self.photo_combo):
            for i in range(self.photo_combo.count()):
                key = self.photo_combo.itemData(i)
                self.photo_combo.setItemText(i, photo_title(key))
                self.photo_combo.setItemData(i, photo_credit(key), Qt.ItemDataRole.ToolTipRole)
            for i in range(self.input_combo.count()):
                key = self.input_combo.itemData(i)
                ex = examples.get(key)
                self.input_combo.setItemText(i, inputs[key] if ex is None else tr_engine(ex.title))
                self.input_combo.setItemData(i, "" if ex is None else tr_engine(ex.description),
                                             Qt.ItemDataRole.ToolTipRole)
            for i in range(self.mode_combo.count()):
                self.mode_combo.setItemText(i, operations[self.mode_combo.itemData(i)])
            for i in range(self.kernel_combo.count()):
                key = self.kernel_combo.itemData(i)
                p = PRESETS.get(key.split(":", 1)[1]) if key.startswith("preset:") else None
                self.kernel_combo.setItemText(i, kernels[key] if p is None else tr_engine(p.title))
                self.kernel_combo.setItemData(i, "" if p is None else tr_engine(p.description),
                                              Qt.ItemDataRole.ToolTipRole)
            for i in range(self.pad_mode.count()):
                self.pad_mode.setItemText(i, pad_modes[self.pad_mode.itemData(i)])
            n = self.map_channel.count() - 1
            for i in range(self.map_channel.count()):
                self.map_channel.setItemText(i, self._channel_item_text(i - 1, n))
        self.input_combo.setToolTip(self.tr(
            "What the kernel slides over: the textbook's small numeric examples, a digit, a "
            "colour photo (three channels: red, green, blue), or the output of any layer of the "
            "live network (for the second conv layer's filters choose the layer that feeds it)."))
        self.test_index.setToolTip(self.tr("Which test-set image (its number in the test set)."))
        self.photo_combo.setToolTip(self.tr(
            "A real colour photo shipped with the app, scaled to the live model's input when it "
            "takes colour (else 32\u00d732): its red, green and blue channels are the three "
            "input channels, and a 3-channel filter has one slice for each."))
        self.map_layer.setToolTip(self.tr(
            "The layer whose output (for the current input) becomes the input here."))
        self.map_channel.setToolTip(self.tr(
            "Use all channels of that layer (a filter then needs as many channels) or only one."))
        self.mode_combo.setToolTip(self.tr(
            "Convolution: multiply the window by the kernel and add up. Max pooling keeps the "
            "largest value of each window; average pooling its mean."))
        self.kernel_combo.setToolTip(self.tr(
            "The filter: the textbook's 3x3 (or the 3-channel example's own filter), a classic "
            "image-processing kernel, or one the network learned."))
        self.filter_layer.setToolTip(self.tr("The convolution layer whose filter is used."))
        self.filter_index.setToolTip(self.tr(
            "Which filter of that layer (each filter makes one output channel)."))
        self.stride_spin.setToolTip(self.tr(
            "How many cells the window moves between two outputs (S in the formula)."))
        self.pad_mode.setToolTip(self.tr(
            "Number: P zeros on every side. SAME: just enough zeros that the output has "
            "ceil(H/S) rows (an odd total puts the extra one at the bottom/right). VALID: none."))
        self.pad_spin.setToolTip(self.tr("P: rows/columns of zeros added on every side."))
        self.flip_check.setText(self.tr("True convolution (rotate kernel 180\u00b0)"))
        self.flip_check.setToolTip(self.tr(
            "CNN layers compute cross-correlation: the kernel is used as it is. The "
            "mathematical convolution first rotates it by 180 degrees; tick to see the "
            "difference (the kernel view shows the rotated kernel)."))
        self.bias_spin.setToolTip(self.tr("A number added to every output of this filter."))
        self._update_visibility()   # the size label and tooltip, which depend on the operation

    def _controls(self):
        return self.combos + self.spins + (self.flip_check,)

    # --- widgets <-> ConvSetup -----------------------------------------------------------------
    def setup(self) -> ConvSetup:
        """The set-up the controls show."""
        mode = self.pad_mode.currentData()
        channel = self.map_channel.currentData()
        return ConvSetup(
            input=str(self.input_combo.currentData() or ""),
            test_index=self.test_index.value(),
            map_layer=self.map_layer.currentData(),
            map_channel=-1 if channel is None else int(channel),
            operation=str(self.mode_combo.currentData()),
            kernel=str(self.kernel_combo.currentData()),
            size=self.size_spin.value(),
            stride=self.stride_spin.value(),
            padding=self.pad_spin.value() if mode == "number" else mode,
            flip=self.flip_check.isChecked(),
            bias=self.bias_spin.value(),
            filter_layer=self.filter_layer.currentData(),
            filter_index=self.filter_index.value(),
            photo=str(self.photo_combo.currentData()))

    def show_setup(self, setup: ConvSetup) -> None:
        """Set every control to ``setup`` (values a control does not offer are left as they
        are: an unknown input, kernel or layer, a size out of range). Emits nothing."""
        with blocked(*self._controls()):
            for combo, data in ((self.input_combo, setup.input), (self.mode_combo, setup.operation),
                                (self.photo_combo, setup.photo),
                                (self.kernel_combo, setup.kernel),
                                (self.map_layer, setup.map_layer),
                                (self.filter_layer, setup.filter_layer)):
                i = combo.findData(data)
                if i >= 0:
                    combo.setCurrentIndex(i)
            self._fill_map_channels(setup.map_channel)
            self._fill_filter_range()
            self.test_index.set_index(setup.test_index)
            self.filter_index.setValue(setup.filter_index)
            for spin, value in ((self.size_spin, setup.size), (self.stride_spin, setup.stride)):
                if spin.minimum() <= value <= spin.maximum():
                    spin.setValue(int(value))
            if isinstance(setup.padding, str):
                self.pad_mode.setCurrentIndex(max(0, self.pad_mode.findData(setup.padding)))
            else:
                self.pad_mode.setCurrentIndex(0)
                self.pad_spin.setValue(int(setup.padding))
            self.flip_check.setChecked(bool(setup.flip))
            self.bias_spin.setValue(float(setup.bias))
        self._kind = cs.operation_kind(self.mode_combo.currentData())
        self._update_visibility()

    def set_snapshot(self, snapshot: dict) -> None:
        """Offer the live model's layers (``model_snapshot``'s ``maps`` and ``filters``),
        keeping the chosen layer, channel and filter where they still exist. Emits nothing."""
        self.snapshot = snapshot
        with blocked(*self._controls()):
            keep = self.map_layer.currentData()
            self.map_layer.clear()
            for name, arr in snapshot["maps"]:
                self.map_layer.addItem(f"{name} {tuple(arr.shape)}", name)
            self.map_layer.setCurrentIndex(max(0, self.map_layer.findData(keep)))
            keep = self.filter_layer.currentData()
            self.filter_layer.clear()
            for f in snapshot["filters"]:
                self.filter_layer.addItem(f"{f['name']} {tuple(f['weight'].shape)}", f["name"])
            self.filter_layer.setCurrentIndex(max(0, self.filter_layer.findData(keep)))
            self._fill_map_channels(self.map_channel.currentData())
            self._fill_filter_range()

    def _selected(self, kind: str, name):
        for item in (self.snapshot or {}).get(kind, ()):
            if (item[0] if kind == "maps" else item["name"]) == name:
                return item
        return None

    def _fill_map_channels(self, keep):
        chosen = self._selected("maps", self.map_layer.currentData())
        with blocked(self.map_channel):
            self.map_channel.clear()
            if chosen is None:
                return
            n = chosen[1].shape[0]
            for c in range(-1, n):
                self.map_channel.addItem(self._channel_item_text(c, n), c)
            i = self.map_channel.findData(keep) if keep is not None else 1
            self.map_channel.setCurrentIndex(i if i >= 0 else 1)

    def _channel_item_text(self, channel: int, n: int) -> str:
        """The map-channel item of ``channel`` (-1: all ``n`` channels)."""
        if channel >= 0:
            return fill(self.tr("channel %1"), channel)
        return self.tr("the only channel") if n == 1 else self.tr("all %n channels", "", n)

    def _fill_filter_range(self):
        f = self._selected("filters", self.filter_layer.currentData())
        with blocked(self.filter_index):
            self.filter_index.setRange(0, 0 if f is None else f["weight"].shape[0] - 1)

    # --- what a change implies -------------------------------------------------------------
    def _on_input_chosen(self, index):
        """An input picked from the list: an example brings its own values; a digit with the
        book's 3x3 gets a classic edge detector, which is more telling."""
        chosen = choose_input(self.setup())
        if chosen is not None:
            self.show_setup(chosen)
            self.sigChanged.emit()

    def _on_change(self, *args):
        sender = self.sender()
        setup = self.setup()
        setup, self.mode_memory = switch_operation(setup, self._kind, self.mode_memory)
        if sender is self.map_layer:
            self._fill_map_channels(self.map_channel.currentData())
            setup = self.setup()
        if sender is self.filter_layer:
            self._fill_filter_range()
            setup = self.setup()
        if (sender is self.kernel_combo and setup.kernel == "learned") \
                or sender is self.filter_layer:
            f = self._selected("filters", setup.filter_layer)
            geometry = None if f is None else layer_geometry(f)
            if geometry is not None:
                setup = replace(setup, stride=geometry[0], padding=geometry[1])
        self.show_setup(setup)
        self.sigChanged.emit()

    def _update_visibility(self):
        setup = self.setup()
        conv = setup.is_conv
        self._test_label.setVisible(setup.input == "test")
        self.test_index.setVisible(setup.input == "test")
        self._photo_label.setVisible(setup.input == "photo")
        self.photo_combo.setVisible(setup.input == "photo")
        self.edit_typed.setVisible(setup.input == "typed")
        for w in (self.map_layer, self.map_channel, self._map_label):
            w.setVisible(setup.input == "model")
        for w in (self.kernel_combo, self._kernel_label, self.flip_check, self.bias_spin,
                  self._bias_label):
            w.setEnabled(conv)
        for w in (self.filter_layer, self.filter_index, self._filter_label):
            w.setVisible(conv and setup.kernel == "learned")
        self.pad_spin.setEnabled(self.pad_mode.currentData() == "number")
        self.size_spin.setEnabled(setup.size_applies)
        if not conv:
            self._size_label.setText(self.tr("Window si&ze:"))
            self.size_spin.setToolTip(self.tr("The pooling window is size x size cells."))
            return
        self._size_label.setText(self.tr("Kernel si&ze:"))
        self.size_spin.setToolTip(self.tr("The kernel is KH x KW = size x size.")
                                  if setup.size_applies else self.tr(
            "This kernel has a fixed size. Box blur, Gaussian, Identity and Laplacian of "
            "Gaussian come in sizes 1-7."))

    # --- remembered set-up -----------------------------------------------------------------------
    def restore(self, settings) -> None:
        """Start from the set-up of last time (`PanelSettings` ``settings``): the textbook
        example first, then every stored value that is still offered. Emits nothing."""
        s = settings
        stored = s.get("input", str, "", valid=lambda v: v in cs.INPUTS)
        key = stored.split(":", 1)[1] if stored.startswith("example:") else "book_4x4"
        setup = example_setup(key)
        pad_mode = s.get("paddingMode", str, None, valid=lambda v: v in ("number", "same", "valid"))
        padding = s.get("padding", int, 0, valid=_within(cs.PADDING_RANGE))
        setup = replace(
            setup,
            input=stored or setup.input,
            test_index=s.get("testIndex", int, 0, valid=lambda v: v >= 0),
            photo=s.get("photo", str, setup.photo, valid=lambda v: v in SAMPLE_PHOTOS),
            operation=s.get("operation", str, setup.operation, valid=lambda v: v in cs.OPERATIONS),
            kernel=s.get("kernel", str, setup.kernel, valid=lambda v: v in cs.KERNELS),
            size=s.get("size", int, setup.size, valid=_within(cs.SIZE_RANGE)),
            stride=s.get("stride", int, setup.stride, valid=_within(cs.STRIDE_RANGE)),
            padding=(setup.padding if pad_mode is None else
                     padding if pad_mode == "number" else pad_mode),
            flip=s.get("flip", bool, False),
            bias=s.get("bias", float, setup.bias, valid=_within(cs.BIAS_RANGE)))
        self.show_setup(setup)

    def save(self, settings) -> None:
        """Remember the set-up in `PanelSettings` ``settings``."""
        setup = self.setup()
        settings.set("input", setup.input)
        settings.set("testIndex", setup.test_index)
        settings.set("photo", setup.photo)
        settings.set("operation", setup.operation)
        settings.set("kernel", setup.kernel)
        settings.set("paddingMode", self.pad_mode.currentData())
        settings.set("size", setup.size)
        settings.set("stride", setup.stride)
        settings.set("padding", self.pad_spin.value())
        settings.set("flip", setup.flip)
        settings.set("bias", setup.bias)
