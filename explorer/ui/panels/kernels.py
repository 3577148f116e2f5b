"""Kernel lab: edit a convolution kernel, see what it does to an image, put it into the network.

Left: the kernel grid, its sum, normalise / scale, flip, the library. Middle: the input and the
filtered output (diverging colours for signed values, colour bar, value range, histogram),
padding mode and edge-magnitude view. Right: “Into the network” (`FilterSwapBox`).

Small inputs (28x28 digits, the built-in pictures) are filtered right here within a frame by the
engine's `filter_image`; large ones (opened files) go through the worker so the window never
freezes. The panel does no maths of its own.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QFileDialog, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSlider,
                               QSplitter, QVBoxLayout, QWidget)

from explorer.data import pixels_to_float
from explorer.engine import kernels as K
from explorer.engine.filtering import filter_image
from explorer.engine.images import BUILTIN_PICTURES, builtin_picture
from explorer.ui.engine_strings import tr_engine
from explorer.ui.image_files import IMAGE_FILTER, load_grey_image
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.kernel_views import FilterResultView
from explorer.ui.panels import kernel_words as words
from explorer.ui.panels.kernel_settings import restore_kernel_lab, save_kernel_lab
from explorer.ui.text import fill
from explorer.ui.widgets.filter_swap_box import FilterSwapBox
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.image_picker import ImageIndexPicker
from explorer.ui.widgets.kernel_grid import KernelGrid
from explorer.ui.widgets.kernel_library import KernelLibrary
from explorer.ui.widgets.layout_fit import FitToViewport, VerticalScroll
from explorer.ui.widgets.live_text import LiveText, render
from explorer.ui.widgets.message_label import MessageLabel
from explorer.ui.widgets.signals import blocked
from explorer.ui.widgets.size_spin import SquareSizeSpin

APPLY_KEY = "filter"
#: Inputs with more pixels than this are filtered in the worker thread.
SYNC_PIXELS = 160 * 160
_SIGMA_STEPS = 10  # slider units per 1.0 of sigma
_CELL = 46  # pixels per cell of the kernel grid
_MAX_GRID_SIDE = 7 * 40  # a 7x7 grid gets 40 px cells to fit a 1300x860 window


def _run_without_model(fn, model):
    """Adapter for ``client.request``: the worker passes the model first; filtering ignores it."""
    return fn()


def _open_problem(path) -> str:
    """Why the picture at ``path`` cannot be opened, in the current language (the reader says
    it: read again, which fails fast, when the language changes)."""
    try:
        load_grey_image(path)
    except ValueError as exc:
        return str(exc)
    return ""


class KernelPanel(QWidget):
    """The Kernel lab tab (objectName ``kernelPanel``)."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("kernelPanel")
        self.client = client
        self.state = state
        self.kernel: np.ndarray = K.preset("sobel_x")     # the last valid kernel
        self.image: np.ndarray | None = None              # (H, W) float32 in [0, 1]
        self._colour_image: np.ndarray | None = None       # the colour original, if any
        # what the image is, a noun phrase for the network box's captions ("the current digit")
        self.image_description: LiveText = ""
        self._input_note: LiveText = ""                   # the line under the input choice
        self.active_preset: str | None = None
        self._loading = False
        self._file_image = None
        self._settings = PanelSettings("kernels")

        self._build_editor()
        self._build_views()
        self.network = FilterSwapBox(client, self.network_input)
        self.network.sigFitRequested.connect(self.size_spin.setValue)

        self.status = MessageLabel()
        self.status.setObjectName("kernelStatus")
        # under the middle column, whose pictures give way: a line across the whole lab took
        # height from the side columns (the network column's chart, at 1280x800)
        self.views_box.layout().addWidget(self.status)
        self.retranslate_ui()
        # three columns the user can widen or narrow (a splitter, no fixed widths); the side
        # columns scroll only up and down, so a short window scrolls them and a narrow one
        # (1024 pixels, any language) still shows all three side by side
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setObjectName("kernelColumns")
        self.columns.setChildrenCollapsible(False)
        for i, column in enumerate((VerticalScroll(FitToViewport.around(self.editor_box)),
                                    self.views_box,
                                    VerticalScroll(FitToViewport.around(self.network)))):
            if i != 1:
                column.setFrameShape(QScrollArea.Shape.NoFrame)
            self.columns.addWidget(column)
            self.columns.setStretchFactor(i, (0, 3, 1)[i])   # the network column's texts wrap less
        # below the columns' minimum (a window narrower than 1024 pixels) the lab scrolls
        # instead of making the window wider than the screen
        body = QScrollArea()
        body.setWidgetResizable(True)
        body.setFrameShape(QScrollArea.Shape.NoFrame)
        body.setWidget(self.columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)   # the columns' height, at 1280x800 with the
        layout.addWidget(body, 1)                # timeline bar shown

        self.grid.sigKernelChanged.connect(self._on_grid_kernel)
        self.grid.sigInvalid.connect(self._on_grid_invalid)
        self.size_spin.valueChanged.connect(self._on_size_change)
        self.sigma_slider.valueChanged.connect(self._on_sigma_change)
        self.normalise_button.clicked.connect(self.normalise)
        self.scale_button.clicked.connect(self.apply_scale)
        self.flip_check.toggled.connect(self._on_options_change)
        self.padding_combo.currentIndexChanged.connect(self._on_options_change)
        self.view_combo.currentIndexChanged.connect(self._on_options_change)
        self.source_combo.currentIndexChanged.connect(self._on_source_change)
        self.test_index.valueChanged.connect(self._on_source_change)
        self.open_button.clicked.connect(self.open_image_dialog)
        self.library.sigPresetChosen.connect(self.load_preset)
        self.library.sigUserKernelChosen.connect(self._on_user_kernel)
        self.library.sigMessage.connect(self.show_message)
        self.library.add_button.clicked.connect(self._on_add_current)
        state.sigCurrentInputChanged.connect(self._on_current_input_change)
        self.test_index.sigFollowed.connect(self._on_dataset_followed)

        self._restore_settings()   # the last session's kernel, input, padding and view
        self._on_source_change()
        if self.library.startup_problem:
            self.show_error(self.library.startup_problem)

    def __repr__(self) -> str:
        k = self.kernel.shape[0]
        img = None if self.image is None else self.image.shape
        return f"KernelPanel(kernel={k}x{k} {self.active_preset or 'custom'}, image={img})"

    # --- settings ------------------------------------------------------------------------------
    def _restore_settings(self):
        restore_kernel_lab(self, self._settings)

    def _save_settings(self):
        save_kernel_lab(self, self._settings)

    # --- building ------------------------------------------------------------------------------
    def _build_editor(self):
        self.editor_box = QGroupBox()
        self.grid = KernelGrid(cell_size=_CELL, max_side=_MAX_GRID_SIDE)
        self.grid.setObjectName("kernelGrid")
        self.size_spin = SquareSizeSpin(K.MAX_KERNEL_SIZE)
        self.size_spin.setRange(1, K.MAX_KERNEL_SIZE)
        self.size_spin.setValue(3)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("kernelSum")
        self.normalise_button = QPushButton()
        self.scale_spin = QDoubleSpinBox()
        self.scale_spin.setRange(-100.0, 100.0)
        self.scale_spin.setDecimals(3)
        self.scale_spin.setSingleStep(0.5)
        self.scale_spin.setValue(2.0)
        self.scale_button = QPushButton()
        self.sigma_label = QLabel()
        self.sigma_slider = QSlider(Qt.Orientation.Horizontal)
        self.sigma_slider.setRange(2, 50)
        self.sigma_slider.setValue(10)
        self.flip_check = QCheckBox()
        self.flip_note = QLabel()
        self.flip_note.setWordWrap(True)
        self.flip_note.setObjectName("kernelFlipNote")
        self.library = KernelLibrary()
        self.size_label, self.library_label = QLabel(), QLabel()

        top = QHBoxLayout()
        top.addWidget(self.size_label)
        top.addWidget(self.size_spin)
        top.addStretch(1)
        top.addWidget(self.sum_label)
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.normalise_button)
        scale_row.addStretch(1)
        scale_row.addWidget(self.scale_spin)
        scale_row.addWidget(self.scale_button)
        sigma_row = QHBoxLayout()
        sigma_row.addWidget(self.sigma_label)
        sigma_row.addWidget(self.sigma_slider, 1)
        layout = QVBoxLayout(self.editor_box)
        layout.addLayout(top)
        layout.addWidget(self.grid, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(scale_row)
        layout.addLayout(sigma_row)
        layout.addWidget(self.flip_check)
        layout.addWidget(self.flip_note)
        layout.addWidget(self.library_label)
        layout.addWidget(self.library, 1)
        self.editor_box.setMaximumWidth(420)

    def _build_views(self):
        self.views_box = QGroupBox()
        self.source_combo = FitComboBox()
        self.source_combo.addItem("", "digit")
        self.source_combo.addItem("", "test")
        for key in BUILTIN_PICTURES:
            self.source_combo.addItem("", key)
        self.source_combo.setCurrentIndex(self.source_combo.findData("checkerboard"))
        self.test_index = ImageIndexPicker(self.state)
        self.open_button = QPushButton()
        self.padding_combo = FitComboBox()
        for mode in ("zero", "reflect", "replicate"):
            self.padding_combo.addItem("", mode)
        self.view_combo = FitComboBox()
        self.view_combo.addItem("", False)
        self.view_combo.addItem("", True)
        # (FitComboBox: the column's minimum is not the longest item in the longest language;
        # a combo squeezed below its text shows it elided, the whole text in its tooltip)
        self.results = FilterResultView()
        # the view's parts, as the panel's (tests and the settings read them here)
        self.after_title, self.range_label = self.results.after_title, self.results.range_label
        self.hist_curve = self.results.hist_curve
        self.input_label, self.padding_label, self.show_label = QLabel(), QLabel(), QLabel()

        controls = QGridLayout()
        controls.addWidget(self.input_label, 0, 0)
        controls.addWidget(self.source_combo, 0, 1)
        controls.addWidget(self.test_index, 0, 2)
        controls.addWidget(self.open_button, 0, 3)
        controls.addWidget(self.padding_label, 1, 0)
        controls.addWidget(self.padding_combo, 1, 1)
        controls.addWidget(self.show_label, 1, 2)
        controls.addWidget(self.view_combo, 1, 3)
        self.input_note = QLabel()
        self.input_note.setWordWrap(True)
        self.input_note.setObjectName("kernelInputNote")
        layout = QVBoxLayout(self.views_box)
        layout.addLayout(controls)
        layout.addWidget(self.input_note)
        layout.addWidget(self.results, 1)

    @property
    def result(self):
        """The `FilterResult` on screen (None before the first)."""
        return self.results.result

    # --- language -------------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every static text of the lab, then the kernel's and the input's descriptions, in the
        current language (the library, the grid, the result view, the network box and the
        status line retranslate themselves)."""
        self.editor_box.setTitle(self.tr("Kernel"))
        self.size_label.setText(self.tr("Size"))
        self.size_spin.setToolTip(self.tr("Kernel size n × n (1 to 7; even sizes put the centre up "
                                          "and to the left of the middle)."))
        self.sum_label.setToolTip(self.tr("Sum 1 keeps the brightness (blurs); sum 0 makes flat "
                                          "areas 0 (edge detectors)."))
        self.normalise_button.setText(self.tr("&Normalise"))
        self.normalise_button.setToolTip(self.tr("Divide every weight by the sum so the kernel "
                                                 "sums to 1."))
        self.scale_spin.setToolTip(self.tr("Factor for “Scale”: every weight is multiplied by it."))
        self.scale_button.setText(self.tr("Scale (&x)"))
        self.scale_button.setToolTip(self.tr("Multiply every weight by the factor on the left."))
        self.sigma_slider.setToolTip(self.tr("Sigma of the Gaussian (and Laplacian of Gaussian): "
                                             "how wide it spreads. Pick one of those presets to "
                                             "use it."))
        self.flip_check.setText(self.tr("True convolution (fl&ip the kernel 180°)"))
        self.flip_check.setToolTip(self.tr(
            "Off: cross-correlation, what a CNN layer computes (the kernel is laid on the image as "
            "written). On: the kernel is rotated by 180° first, the convolution of signal "
            "processing."))
        self.library_label.setText(self.tr("<b>Library</b>"))
        self.views_box.setTitle(self.tr("Image"))
        self.input_label.setText(self.tr("Input"))
        self.padding_label.setText(self.tr("Padding"))
        self.show_label.setText(self.tr("Show"))
        self._retranslate_combos()
        self.test_index.setPrefix(self.tr("#"))
        self.test_index.setToolTip(self.tr("Which image of the active data set's test split."))
        self.open_button.setText(self.tr("&Open image…"))
        self.open_button.setToolTip(fill(self.tr(
            "Filter a PNG or JPEG of your own (shown in grey; large pictures are scaled down to %1 "
            "pixels)."), 512))
        self._describe_kernel()
        if self.grid.errors():   # the last valid kernel is described, but its sum is not in use
            self.sum_label.setText(self.tr("Sum: ?"))
        self.input_note.setText(render(self._input_note))

    def _retranslate_combos(self) -> None:
        """The combo boxes' items and tooltips, in place (by their data; the choice stays)."""
        tip = Qt.ItemDataRole.ToolTipRole
        with blocked(self.source_combo, self.padding_combo, self.view_combo):
            for combo, texts in ((self.source_combo, words.source_texts()),
                                 (self.padding_combo, words.padding_texts()),
                                 (self.view_combo, words.view_texts())):
                for i in range(combo.count()):
                    text, item_tip = texts[combo.itemData(i)]
                    combo.setItemText(i, text)
                    combo.setItemData(i, item_tip, tip)
        self.source_combo.setToolTip(self.tr("What to filter."))
        self.padding_combo.setToolTip(self.tr("How the image is extended past its border so the "
                                              "output keeps the input's size."))
        self.view_combo.setToolTip(self.tr(
            "Edge magnitude: gx is the response to this kernel, gy to the kernel transposed (Sobel "
            "y is Sobel x transposed), combined into the strength of the edge in any direction."))

    # --- messages ------------------------------------------------------------------------------
    def show_message(self, text: LiveText) -> None:
        """Say ``text`` on the status line: a function translating it (said again when the
        language changes) or an already translated string."""
        self.status.show_info(text)

    def show_error(self, text: LiveText) -> None:
        """Say ``text`` (as for `show_message`) on the status line, as an error."""
        self.status.show_error(text)

    # --- the kernel -----------------------------------------------------------------------------
    def _set_grid(self, kernel: np.ndarray, preset_name: str | None):
        """Show ``kernel`` in the grid as coming from ``preset_name`` (None: custom)."""
        self._loading = True
        try:
            with blocked(self.size_spin):
                self.size_spin.setValue(kernel.shape[0])
            self.active_preset = preset_name
            self.grid.set_kernel(kernel)
        finally:
            self._loading = False
        self._kernel_changed(self.grid.kernel())

    def load_preset(self, name: str) -> None:
        """Load the preset ``name`` at the current size (if it takes one) and sigma."""
        p = K.PRESETS[name]
        size = None
        if p.sizes:  # keep the size while re-loading the same preset, else its own default
            size = self.size_spin.value() if self.active_preset == name else p.default_size
        sigma = self.sigma() if p.uses_sigma else None
        self._set_grid(K.preset(name, size, sigma), name)
        self.show_message(lambda: fill(self.tr("%1: %2"), tr_engine(p.title),
                                       tr_engine(p.description)))

    def sigma(self) -> float:
        return self.sigma_slider.value() / _SIGMA_STEPS

    def _on_user_kernel(self, named):
        self._set_grid(np.array(named.values), None)
        self.show_message(lambda: fill(self.tr("Loaded your kernel “%1”."), named.name))

    def _on_grid_kernel(self, kernel):
        if self._loading:
            return
        # the user typed into a cell: the kernel is no longer the preset as generated
        self.active_preset = None
        self.library.clear_selection()
        self._kernel_changed(kernel)

    def _on_grid_invalid(self, _message: str):
        self.network.set_kernel(None)
        self.sum_label.setText(self.tr("Sum: ?"))
        self.show_message(self.grid.invalid_message)   # every bad cell, in the current language

    def _kernel_changed(self, kernel):
        if kernel is None:
            return
        self.kernel = kernel
        self._describe_kernel()
        self.network.set_kernel(kernel)
        self._save_settings()
        self.refilter()

    def _describe_kernel(self) -> None:
        """The sum (and what it does), sigma and the flip note of the kernel, in words."""
        self.sum_label.setText(words.sum_text(self.kernel))
        p = K.PRESETS.get(self.active_preset) if self.active_preset else None
        sigma_on = bool(p and p.uses_sigma)
        self.sigma_slider.setEnabled(sigma_on)
        self.sigma_label.setText(fill(self.tr("σ = %1"), f"{self.sigma():.1f}") if sigma_on
                                 else self.tr("σ (Gaussian only)"))
        self.sigma_label.setEnabled(sigma_on)
        self.flip_note.setText(words.flip_text(K.flip_effect(self.kernel)))

    def _on_size_change(self, size: int):
        p = K.PRESETS.get(self.active_preset) if self.active_preset else None
        if p is not None and size in p.sizes:
            self._set_grid(K.preset(p.name, size, self.sigma() if p.uses_sigma else None), p.name)
        else:
            self._set_grid(K.resized(self.kernel, size), None)
            self.library.clear_selection()

    def _on_sigma_change(self, _value: int):
        p = K.PRESETS.get(self.active_preset) if self.active_preset else None
        if p is not None and p.uses_sigma:
            self._set_grid(K.preset(p.name, self.size_spin.value(), self.sigma()), p.name)

    def normalise(self) -> None:
        """Scale the kernel so its weights sum to 1 (explains why not when it sums to 0)."""
        try:
            k = K.normalise(self.kernel)
        except ValueError:   # the only kernel the grid lets through that fails: a zero sum
            self.show_error(lambda: self.tr(
                "Cannot normalise: the kernel sums to 0, so no factor makes it sum to 1. Edge and "
                "Laplacian kernels sum to 0 on purpose: a flat area gives 0."))
            return
        same = self.active_preset and np.allclose(k, self.kernel)
        self._set_grid(k, self.active_preset if same else None)

    def apply_scale(self) -> None:
        """Multiply every weight by the scale factor."""
        self._set_grid(K.scaled(self.kernel, self.scale_spin.value()), None)
        self.library.clear_selection()

    def _on_add_current(self):
        suggested = ""
        if self.active_preset:
            title = tr_engine(K.PRESETS[self.active_preset].title).lower()
            suggested = fill(self.tr("my %1"), title)
        self.library.ask_and_add(self.kernel, suggested)

    # --- the image ------------------------------------------------------------------------------
    def _on_source_change(self, *_):
        source = self.source_combo.currentData()
        self.test_index.setVisible(source == "test")
        if source == "digit":
            img = self.state.current_input
            if img is None:
                self.image = np.zeros((28, 28), np.float32)
                self.image_description = lambda: self.tr("an empty digit")
                self._input_note = lambda: self.tr("Nothing drawn yet: draw a digit in the Draw "
                                                   "tab and it appears here.")
            else:
                self.image = np.asarray(img, np.float32)
                self.image_description = lambda: self.tr("the current digit")
                origin = self.state.current_input_source
                if origin:
                    self._input_note = lambda: fill(self.tr(
                        "The current digit (from %1), 28x28 as the network sees it."), origin)
                else:
                    self._input_note = lambda: self.tr(
                        "The current digit (from the Draw tab), 28x28 as the network sees it.")
        elif source == "test":
            self.image, self._input_note = self._test_image()
        elif source == "file":
            g = self._file_image
            self.image, self.image_description = g.pixels, lambda: self.tr("your picture")
            self._input_note = partial(self._file_note, g)
        else:
            title, desc, _ = BUILTIN_PICTURES[source]
            self.image = builtin_picture(source)
            self.image_description = lambda: tr_engine(title).lower()
            self._input_note = lambda: tr_engine(desc)
        self._colour_image = None
        if self.image is not None and self.image.ndim == 3:   # a colour image (H, W, 3)
            self._colour_image, self.image = self.image, self.image.mean(axis=2)
            plain = self._input_note
            self._input_note = lambda: fill(self.tr(
                "%1 It is a colour image: the kernel filters its brightness (the mean of red, "
                "green and blue); the network gets the colour image."), render(plain))
        self.input_note.setText(render(self._input_note))
        self._save_settings()
        if self.image is not None:
            self.results.show_input(self.image)
        self.refilter()

    def _file_note(self, g) -> str:
        """The line under the input for an opened picture ``g`` (a `GreyImage`)."""
        h, w = g.pixels.shape
        if (w, h) != tuple(g.original_size):
            return fill(self.tr("Your picture, %1x%2 pixels, scaled down to %3x%4 so filtering "
                                "stays interactive; shown in grey."), *g.original_size, w, h)
        return fill(self.tr("Your picture, %1x%2, in grey."), w, h)

    def open_image_file(self, path) -> bool:
        """Use the picture at ``path`` (grey, scaled down when large). False with a message if
        not."""
        try:
            g = load_grey_image(path)
        except ValueError:
            self.show_error(partial(_open_problem, path))
            return False
        self._file_image = g
        i = self.source_combo.findData("file")
        if i < 0:
            self.source_combo.addItem(self.tr("Opened picture"), "file")
            i = self.source_combo.count() - 1
        if self.source_combo.currentIndex() == i:
            self._on_source_change()
        else:
            self.source_combo.setCurrentIndex(i)
        if g.note:
            name = Path(path).name
            self.show_message(lambda: fill(self.tr(
                "%1 is %2x%3 pixels; it was scaled down to %4x%5 so filtering stays interactive."),
                name, *g.original_size, *g.pixels.shape[::-1]))
        return True

    def open_image_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a picture"), "",
                                              QCoreApplication.translate("ImageFiles",
                                                                         IMAGE_FILTER))
        if path:
            self.open_image_file(path)

    def _test_image(self):
        """``(image (28, 28) float32 or None, note)`` for the picked test image (None, with
        the reason, when the data set cannot be loaded or has no test images); ``note`` is a
        function saying it in the current language."""
        try:
            ds = self.state.dataset()
        except (ValueError, OSError):
            return None, lambda: self.tr("The active data set could not be loaded: choose "
                                         "another one in the Data tab, or another input.")
        n = self.test_index.sync()   # the active data set's range
        if not n:
            return None, lambda: fill(self.tr("The data set %1 has no test images."), ds.name)
        i = self.test_index.value()
        label = ds.class_names[int(ds.test_labels[i])]
        self.image_description = lambda: fill(self.tr("test image #%1"), i)
        return pixels_to_float(ds.test_images[i]), lambda: fill(self.tr(
            "Test image #%1 of %2 (%3), labelled \u201c%4\u201d."), i, n, ds.name,
            tr_engine(label))

    def _on_current_input_change(self, image):
        if self.source_combo.currentData() == "digit":
            self._on_source_change()

    def _on_dataset_followed(self, asked: int, used: int, count: int):
        """The data set changed (the picker already clamped its index): filter the new set's
        image and say so when the index had to move."""
        if self.source_combo.currentData() != "test":
            return
        self._on_source_change()
        if used != asked:
            self.show_message(partial(ImageIndexPicker.moved_text, asked, used, count))

    def network_input(self):
        """``(image (28, 28) float32 or None, description)`` for probing the network; the
        description is a `LiveText` noun phrase."""
        digit = self.source_combo.currentData() in ("digit", "test")
        if digit and self._colour_image is not None:
            return self._colour_image, self.image_description
        if digit and self.image is not None and self.image.shape == (28, 28):
            return self.image, self.image_description
        if self.state.current_input is not None:
            return (np.asarray(self.state.current_input, np.float32),
                    lambda: self.tr("the current digit"))
        try:
            ds = self.state.dataset()
        except (ValueError, OSError):
            return None, ""
        return pixels_to_float(ds.test_images[0]), lambda: fill(self.tr("test image #%1"), 0)

    # --- filtering ------------------------------------------------------------------------------
    def _on_options_change(self, *_):
        self._save_settings()
        self.refilter()

    def refilter(self) -> None:
        """Filter the current image with the current kernel: here for small images, in the
        worker for large ones (the result arrives later; stale ones are dropped)."""
        if self.image is None:
            return
        job = partial(filter_image, self.image, self.kernel.copy(),
                      self.padding_combo.currentData(), self.flip_check.isChecked(),
                      bool(self.view_combo.currentData()))
        if self.image.size <= SYNC_PIXELS:
            self.client.cancel(self, APPLY_KEY)   # a large image's answer would be stale now
            self.show_result(job())
        else:
            h, w = self.image.shape
            self.results.show_pending(w, h)
            self.client.request(partial(_run_without_model, job), owner=self, key=APPLY_KEY,
                                on_result=self.show_result, on_error=self._on_filter_error)

    def _on_filter_error(self, message: str):
        """The worker could not filter the picture (``message``: its English detail)."""
        self.show_error(lambda: self.tr(
            "Filtering this picture failed, and the last output stays. Try a smaller picture or "
            "open it again."))

    def show_result(self, result) -> None:
        """Draw a `FilterResult`: output image, colour bar, value range, histogram."""
        self.results.show_result(result)
        self.status.clear_stale_error()   # ("could not read fake.png" is over now)
