"""Convolution panel: a convolution or pooling walked through one output cell at a time.

Pick an input (the textbook's 4x4 example, a 3-channel example, the drawn or a test-set image,
any feature map of the live model), a kernel (the textbook filter, a preset from
`explorer.engine.kernels`, any learned filter), the stride, padding and bias; then step. The
panel is a form (`explorer.ui.panels.convolution_form.ConvForm`, widgets <-> `ConvSetup`) plus
views: `explorer.ui.conv_setup.resolve` decides what a set-up means and builds the stepper
(`explorer.engine.stepper`, which takes every number from the engine's own conv2d, pooling,
im2col and output-size functions). Model data (feature maps, learned filters) arrive from the
worker through ``client.request``.
"""

from __future__ import annotations

import html
from dataclasses import replace
from functools import partial

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QSlider, QSplitter, QStackedWidget,
                               QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from explorer.data import pixels_to_float
from explorer.data.model_input import fits_input
from explorer.engine.stepper import ConvStepper, PoolStepper
from explorer.crossing import input_shape_of
from explorer.ui.conv_setup import ConvBuild, ConvSources, model_snapshot, photo_size, resolve
from explorer.ui.engine_strings import engine_message
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.sample_photos import load_sample_photo
from explorer.ui.panels.convolution_backward import BackwardView, DirectionBox
from explorer.ui.panels.convolution_ideas import ConnectivityView, ShiftView
from explorer.ui.panels.convolution_input import TypedInputDialog
from explorer.ui.panels.convolution_form import ConvForm
from explorer.ui.panels.convolution_text import note_text, output_size_html, problem_text
from explorer.ui.panels.convolution_stepping import SteppingMixin
from explorer.ui.panels.convolution_views import ChannelRow, Im2colView
from explorer.ui.text import fill
from explorer.ui.typed_input import DEFAULT as DEFAULT_TYPED
from explorer.ui.typed_input import from_settings, to_settings
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.image_picker import ImageIndexPicker
from explorer.ui.widgets.layout_fit import FitToViewport, GiveWay
from explorer.ui.widgets.message_label import ERROR_COLOUR, MessageLabel
from explorer.ui.widgets.signals import blocked

#: The smallest input/output cell in pixels before the stepper's view scrolls (kernels: twice); 7,
#: as the backward view's: a photo's three channels, the kernel and the output fit at 1024 wide.
MIN_CELL = 7

__all__ = ["MIN_CELL", "ConvolutionPanel", "model_snapshot"]


class ConvolutionPanel(SteppingMixin, QWidget):
    """The set-up form on the left; input, kernel and output grids, the step bar and the
    explanations (arithmetic, output size, im2col) on the right.

    ``build`` is the last `explorer.ui.conv_setup.ConvBuild` shown; ``stepper`` its stepper
    (None when the set-up cannot be stepped: ``message`` says why)."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("convolutionPanel")
        self.client, self.state = client, state
        self.build: ConvBuild | None = None
        #: The colour range shared by the input and its im2col rows (None: per-view contrast).
        self.input_levels: tuple | None = None
        self.position = 0
        self._snapshot: dict | None = None
        self._stale = False
        #: Remembered set-up (input, operation, kernel, stride, padding, flip, bias, speed)
        #: under "convolution/" in QSettings.
        self.settings = PanelSettings("convolution")
        #: The "Numbers you type" input (C, H, W), remembered; None: the default 7x7.
        self.typed = from_settings(self.settings.get("typed", str, ""))

        self.form = ConvForm(state, self)
        for name in ("input_combo", "test_index", "map_layer", "map_channel", "mode_combo",
                     "kernel_combo", "filter_layer", "filter_index", "size_spin", "stride_spin",
                     "pad_mode", "pad_spin", "flip_check", "bias_spin"):
            setattr(self, name, getattr(self.form, name))   # the form's controls, by name
        #: The message under the form: (a function without arguments that writes it in the
        #: current language, whether it is an error), or None for no message.
        self._message: tuple | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_play_tick)
        self._build_controls()
        self._build_views()
        self._build_layout()
        self.retranslate_ui()
        for key, slot in ((Qt.Key.Key_Right, lambda: self.step(1)),
                          (Qt.Key.Key_Left, lambda: self.step(-1)),
                          (Qt.Key.Key_Space, self.toggle_play),
                          (Qt.Key.Key_Home, lambda: self.set_position(0)),
                          (Qt.Key.Key_End, self.run_to_end)):
            sc = QShortcut(QKeySequence(key), self, slot)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        client.sigModelChanged.connect(self._on_model_change)
        if getattr(client, "model_info", None) is not None:
            self._on_model_change(client.model_info)
        state.sigCurrentInputChanged.connect(self._on_current_input_change)
        self.test_index.sigFollowed.connect(self._on_dataset_followed)
        self.form.sigChanged.connect(self.rebuild)
        self.form.sigEditTyped.connect(self.edit_typed_input)
        self.form.restore(self.settings)
        self.direction_box.set_direction(self.settings.get(
            "direction", str, "forward", valid=lambda v: v in ("forward", "backward")))
        self.direction_box.sigChanged.connect(self._on_direction_change)
        self.speed.setValue(self.settings.get(
            "speed", int, self.speed.value(),
            valid=lambda v: self.speed.minimum() <= v <= self.speed.maximum()))
        self._on_speed_change(self.speed.value())
        self.speed.valueChanged.connect(lambda v: self.settings.set("speed", int(v)))
        self.rebuild()
        self.request_model_data()

    def __repr__(self) -> str:
        return f"ConvolutionPanel({self.stepper!r}, position={self.position})"

    @property
    def stepper(self) -> ConvStepper | PoolStepper | None:
        return None if self.build is None else self.build.stepper

    # --- construction -------------------------------------------------------------------------
    def _build_controls(self):
        # stepping
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("convBack")
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.play_button = QPushButton(self)
        self.play_button.setObjectName("convPlay")
        self.play_button.clicked.connect(self.toggle_play)
        self.forward_button = QPushButton(self)
        self.forward_button.setObjectName("convForward")
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setObjectName("convSpeed")
        self.speed.setRange(1, 20)
        self.speed.setValue(3)
        self.speed.valueChanged.connect(self._on_speed_change)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("convSpeedLabel")
        self.position_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.position_slider.setObjectName("convPosition")
        self.position_slider.valueChanged.connect(self._on_slider_change)
        self.position_label = QLabel(self)
        self.position_label.setWordWrap(True)   # long step texts wrap in a narrow window
        self.position_label.setObjectName("convPositionLabel")
        self.speed_caption = QLabel(self)
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("convRunToEnd")
        self.run_button.clicked.connect(self.run_to_end)
        # views of one quantity share one colour scale unless the learner asks otherwise
        self.contrast_check = QCheckBox(self)
        self.contrast_check.setObjectName("convPerViewContrast")
        self.contrast_check.setChecked(self.settings.get("perViewContrast", bool, False))
        self.contrast_check.toggled.connect(self._on_contrast)
        # the backward pass (issue 12): Forward / Backward, and the view shown in Backward
        self.direction_box = DirectionBox(self)
        self.direction_combo = self.direction_box.combo
        self.backward_view = BackwardView(self.client, self)
        # a typed batch of two images (issue 12): which image the stepper walks
        self.image_label = QLabel(self)
        self.image_combo = FitComboBox(self)
        self.image_combo.setObjectName("convImage")
        self.image_label.setBuddy(self.image_combo)
        self.image_combo.currentIndexChanged.connect(lambda _i: self.rebuild())

    def _build_views(self):
        # cells shrink to fit the window down to MIN_CELL pixels; only then does the view scroll
        self.input_row = ChannelRow(self, max_size=360, min_cell=MIN_CELL, wrap=True)
        self.input_row.setObjectName("convInputView")
        self.kernel_row = ChannelRow(self, cell_size=40, max_size=200, min_cell=2 * MIN_CELL)
        self.kernel_row.setObjectName("convKernelView")
        self.output_row = ChannelRow(self, max_size=300, min_cell=MIN_CELL, wrap=True)
        self.output_row.setObjectName("convOutputView")
        self.input_title = QLabel(self)
        self.kernel_title = QLabel(self)
        self.output_title = QLabel(self)
        for t in (self.input_title, self.kernel_title, self.output_title):
            t.setWordWrap(True)
        self.message = MessageLabel(self)
        self.message.setObjectName("convMessage")
        self.fed_label = QLabel(self)
        self.fed_label.setObjectName("convFedLabel")
        self.fed_label.setWordWrap(True)
        self.fed_label.hide()

        self.arithmetic = QTextBrowser(self)
        self.arithmetic.setObjectName("convArithmetic")
        self.size_text = QTextBrowser(self)
        self.size_text.setObjectName("convOutputSize")

        self.im2col = Im2colView(self)
        self.im2col.setObjectName("im2colView")
        self.im2col_view = self.im2col.matrix      # short names used by the tests
        self.im2col_shapes = self.im2col.shapes

    def _build_layout(self):
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addWidget(self.direction_box)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_label)
        image_row.addWidget(self.image_combo, 1)
        left.addLayout(image_row)
        left.addWidget(self.contrast_check)
        left.addWidget(self.message)
        left.addStretch(1)
        self.keys_label = QLabel(self)
        self.keys_label.setWordWrap(True)
        left.addWidget(self.keys_label)
        left_widget = QWidget(self)
        left_widget.setLayout(left)

        views = FitToViewport(self)
        views.setObjectName("convViews")
        grid = QGridLayout(views)
        grid.setContentsMargins(4, 4, 4, 4)   # the grids' pixels, at 1024 wide
        grid.addWidget(self.input_title, 0, 0)
        grid.addWidget(self.kernel_title, 0, 1)
        grid.addWidget(self.output_title, 0, 2)
        grid.addWidget(self.input_row, 1, 0)
        grid.addWidget(self.kernel_row, 1, 1)
        grid.addWidget(self.output_row, 1, 2)
        grid.addWidget(self.fed_label, 2, 0, 1, 3)
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
        steps.addWidget(self.run_button, 0, 3)
        steps.setColumnStretch(4, 1)
        # two short rows rather than one long one: the tab stays usable ~730 px wide
        bar = QHBoxLayout()
        bar.addWidget(self.position_label, 2)   # wraps only when the row is narrow
        bar.addWidget(self.position_slider, 3)
        bar.addSpacing(8)
        bar.addWidget(self.speed_caption)
        bar.addWidget(self.speed, 1)
        bar.addWidget(self.speed_label)
        steps.addLayout(bar, 1, 0, 1, 5)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("convExplainTabs")
        self.connectivity = ConnectivityView(self)
        self.shift_view = ShiftView(self.client, self._shift_image, self)
        for view in (self.arithmetic, self.size_text, self.im2col, self.connectivity,
                     self.shift_view):
            if not isinstance(view, QTextBrowser):   # scrolls itself: no minimum height
                holder = QScrollArea(self)
                holder.setWidgetResizable(True)
                holder.setWidget(view)
                view = holder
            self.tabs.addTab(view, "")

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
        split.setSizes([640, 200])   # the grids first; the explanations scroll
        views.setMinimumHeight(300)
        self.stack = QStackedWidget(self)   # page 0: forward views; page 1: the backward pass
        self.stack.addWidget(split)
        self.stack.addWidget(self.backward_view)
        main = QHBoxLayout(self)
        main.setContentsMargins(6, 6, 6, 6)   # with the grid's 4: a digit fits 1024 wide
        main.addWidget(left_widget)
        main.addWidget(self.stack, 1)
        # the set-up column narrows (its combos elide) before the grids scroll sideways
        self._give_way = GiveWay(left_widget, (scroll, self.backward_view.views_scroll), 290, 400)

    def show_explanation(self, view: QWidget):
        """Bring the explanation tab holding ``view`` (e.g. ``self.shift_view``) to the front
        (the larger views sit in a scroll area of their own)."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is view or (isinstance(page, QScrollArea) and page.widget() is view):
                self.tabs.setCurrentIndex(i)
                return

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every static text, then the current set-up's titles, explanations, step and message
        again in the current language (the step shown does not change)."""
        self.back_button.setText(self.tr("\u25c0 Back"))
        self.back_button.setToolTip(self.tr("Previous output cell (Left arrow)."))
        self.play_button.setToolTip(self.tr("Step through all output cells (Space)."))
        self.forward_button.setText(self.tr("Forward \u25b6"))
        self.forward_button.setToolTip(self.tr("Next output cell (Right arrow)."))
        self.speed.setToolTip(self.tr("Playback speed in output cells per second."))
        self.speed_caption.setText(self.tr("Speed:"))
        self.run_button.setText(self.tr("Run to the end"))
        self.run_button.setToolTip(self.tr(
            "Complete the stepping at once: the whole output, the last cell highlighted (End)."))
        self.contrast_check.setText(self.tr("Per-view contrast"))
        self.contrast_check.setToolTip(self.tr(
            "Off: the input, its im2col rows and a pooling's output share one colour scale, so "
            "one value has one colour everywhere. On: each view stretches its own range."))
        self._image_texts()
        self.position_slider.setToolTip(self.tr(
            "Every output cell in order, row by row (Home/End: first/last)."))
        self.arithmetic.setToolTip(self.tr(
            "The sum behind the highlighted output cell, written out."))
        self.size_text.setToolTip(self.tr("Why the output has the size it has."))
        self.keys_label.setText(self.tr(
            "Keys: \u2190/\u2192 step, Space play/pause, Home/End first/last cell. Click an "
            "output cell to go there, an input cell to see the output cells it feeds."))
        for i, text in enumerate((self.tr("Arithmetic"), self.tr("Output size"),
                                  self.tr("im2col"), self.tr("Local connectivity"),
                                  self.tr("Pooling and shifts"))):
            self.tabs.setTabText(i, text)
        self._show_play_state()
        self._on_speed_change(self.speed.value())
        if self.build is not None:
            self._show_build()
        self._render_message()

    def _say(self, render, error: bool = False):
        """Show ``render()`` (a function writing the message in the current language) under
        the form, and write it again after a change of language; ``render=None`` clears it."""
        self._message = None if render is None else (render, error)
        self._render_message()

    def _render_message(self):
        if self._message is None:
            self.message.clear()
            return
        render, error = self._message
        (self.message.show_error if error else self.message.show_info)(render())

    # --- model data ---------------------------------------------------------------------------
    def _model_image(self) -> np.ndarray:
        """The image the live model's feature maps are computed for: the current input, else
        test image 0; for a colour model that neither fits (a grey data set is active), the
        sample photo chosen in the form, so its filters and maps still arrive."""
        if self.state.current_input is not None:
            image = self.state.current_input
        else:
            image = pixels_to_float(self.state.dataset().test_images[0])
        shape = input_shape_of(getattr(self.client, "model_info", None))
        if shape is not None and shape[0] == 3 and not fits_input(image, shape):
            return self._photo(self.form.setup().photo)
        return image

    def _photo(self, key: str) -> np.ndarray:
        """The sample photo ``key`` at the live model's input size (32x32 for a grey one)."""
        info = getattr(self.client, "model_info", None)
        return load_sample_photo(key, 3, **photo_size(input_shape_of(info)))

    def request_model_data(self):
        """Ask the worker for the live model's feature maps (of the current input) and filters."""
        try:
            image = self._model_image()
        except (OSError, ValueError, IndexError) as exc:
            error = exc   # `exc` is unbound after the block; the message is written again later
            self._say(lambda: fill(self.tr("No input for the model: %1"), engine_message(error)),
                      error=True)
            return
        self.client.request(partial(model_snapshot, image), owner=self, key="snapshot",
                            on_result=self._on_snapshot, on_error=self._on_snapshot_error)

    def _on_snapshot(self, result):
        self._snapshot = result
        self.form.set_snapshot(result)
        if self.form.setup().needs_model:
            self.rebuild()

    def _on_snapshot_error(self, message):
        self._say(lambda: fill(self.tr("The live model could not answer: %1"), message),
                  error=True)

    def _shift_image(self):
        """The (28, 28) input of the shift view: the drawn digit or test image 0."""
        try:
            return self._model_image()
        except (OSError, ValueError, IndexError):
            return None

    def _on_model_change(self, info):
        self.shift_view.set_layers([row.get("name") for row in info.summary
                                    if "Pool" in str(row.get("type", ""))])
        self._refresh_or_defer()

    def _on_current_input_change(self, image):
        self._refresh_or_defer()

    def _on_dataset_followed(self, asked: int, used: int, count: int):
        """The data set changed (the picker already clamped its index): show the new set's
        image and, when the index had to move, say so."""
        setup = self.form.setup()
        drawn = self.state.current_input is not None
        if setup.input == "model" or (setup.input == "current" and not drawn):
            self._refresh_or_defer()
        if setup.input in ("test", "current"):
            self.rebuild()
        if setup.input == "test" and used != asked and self.stepper is not None:
            self._say(lambda: ImageIndexPicker.moved_text(asked, used, count))

    def _refresh_or_defer(self):
        """Follow a new input or model now if the panel is on screen, else when it is shown
        (no engine work for a hidden tab while the user draws)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.request_model_data()
        self.shift_view.refresh()
        if self.form.setup().input in ("current", "photo"):   # a photo follows the model's size
            self.rebuild()

    # --- the stepper ------------------------------------------------------------------------------
    def padding_value(self):
        """The padding chosen: an int, "same" or "valid"."""
        return self.form.setup().padding

    def current_input(self) -> tuple[np.ndarray, str] | None:
        """The (C, H, W) input of the set-up shown and its caption, or None when it has none."""
        b = self.build
        if b is None or b.stepper is None:
            return None
        return b.stepper.x, note_text(b.input_note)

    def _sources(self) -> ConvSources:
        info = getattr(self.client, "model_info", None)
        names = tuple(row.get("name") for row in info.summary) if info is not None else ()
        return ConvSources(current_input=self.state.current_input,
                           current_source=self.state.current_input_source,
                           dataset=self.state.dataset, snapshot=self._snapshot,
                           layer_names=names, typed=self.typed,
                           photo=self._photo)

    def rebuild(self):
        """Resolve the form's set-up, show its first cell (or the cell shown before, when it
        still exists) or say what is wrong."""
        setup = self.form.setup()
        if setup.input == "test":
            self.test_index.sync()   # the active data set's range, loaded on first use
            setup = self.form.setup()
        setup = replace(setup, image=max(0, self.image_combo.currentIndex()))
        build = resolve(setup, self._sources())
        if build.setup != setup:      # an index clamped to what exists
            self.form.show_setup(build.setup)
        self._show_images(build)
        self.form.save(self.settings)
        self.build = build
        self.fed = None          # an input cell clicked under the last set-up means nothing now
        self._update_backward()
        if build.stepper is None:
            self._say(lambda: problem_text(build.problem), error=True)
        else:
            self._say(lambda: " ".join(note_text(n) for n in build.notices))
        self._show_build()

    def _show_build(self):
        """Show ``self.build``: its grids, titles and explanations at the current step, or what
        is wrong with it (the message under the form is the caller's)."""
        build = self.build
        if build.stepper is None:
            self._show_problem(build)
            return
        st = build.stepper
        self.input_title.setText("<b>" + fill(self.tr("Input %1, padded to %2"),
                                              "\u00d7".join(map(str, st.x.shape)),
                                              "\u00d7".join(map(str, st.padded.shape)))
                                 + "</b><br>" + note_text(build.input_note))
        self.kernel_title.setText(self._kernel_title(build))
        self._setup_static_views()
        n = st.n_positions
        with blocked(self.position_slider):
            self.position_slider.setRange(0, n - 1)
        self.set_position(min(self.position, n - 1))

    def _kernel_title(self, build: ConvBuild) -> str:
        st = build.stepper
        if isinstance(st, PoolStepper):
            head = (self.tr("Max pooling: %1\u00d7%2 window, stride %3") if st.mode == "max" else
                    self.tr("Average pooling: %1\u00d7%2 window, stride %3"))
            return "<b>" + fill(head, st.size[0], st.size[1], st.stride[0]) + "</b><br>" + self.tr(
                "No weights: each channel is pooled on its own.")
        shape = "\u00d7".join(map(str, st.kernel.shape))
        head = (fill(self.tr("Kernel %1, rotated 180\u00b0"), shape) if st.flip else
                fill(self.tr("Kernel %1"), shape))
        caption = " ".join(note_text(n) for n in build.kernel_notes)
        return f"<b>{head}</b><br>{caption}"

    def _show_problem(self, build: ConvBuild):
        text = problem_text(build.problem)
        self.input_title.setText("")
        self.kernel_title.setText("")
        self.output_title.setText("")
        self.arithmetic.setHtml(f"<p style='color:{ERROR_COLOUR}'>"
                                + html.escape(text, quote=False) + "</p>")
        self.position_label.setText(self.tr("no output"))
        with blocked(self.position_slider):
            self.position_slider.setRange(0, 0)
        for row in (self.input_row, self.kernel_row, self.output_row):
            row.set_count(0)
        if build.explain_h is not None:   # even without a stepper, explain the size
            self.size_text.setHtml(output_size_html("H", build.explain_h, None))
        else:
            self.size_text.setHtml(fill(self.tr("The output size cannot be computed: %1"),
                                        problem_text(build.size_problem)))

    def edit_typed_input(self):
        """Open the dialog for the typed input; on OK remember it and show it."""
        dialog = TypedInputDialog(DEFAULT_TYPED if self.typed is None else self.typed, self)
        if dialog.exec() != TypedInputDialog.DialogCode.Accepted:
            return
        self.typed = dialog.values()
        self.settings.set("typed", to_settings(self.typed))
        self.rebuild()

    # --- the backward pass ---------------------------------------------------------------------
    @property
    def backward_shown(self) -> bool:
        return self.direction_box.direction == "backward"

    def _on_direction_change(self, direction: str):
        self.settings.set("direction", direction)
        self.timer.stop()
        self._show_play_state()
        self.backward_view.stop()
        self._update_backward()

    def _update_backward(self):
        """Show the backward pass of the current set-up (only computed while it is shown)."""
        backward = self.backward_shown
        self.stack.setCurrentIndex(1 if backward else 0)
        if backward:
            b = self.build
            self.backward_view.set_forward(self.stepper, self._loss_source,
                                           None if b is None else b.batch,
                                           0 if b is None else b.setup.image,
                                           b is not None and b.rgb)

    def _loss_source(self):
        """(image, layer, filter, label) for the loss's real dY, or None when the set-up is not
        a learned filter of the live network (the view checks the shapes when they arrive)."""
        b = self.build
        if b is None or b.stepper is None or b.setup.kernel != "learned":
            return None
        setup = b.setup
        label = None
        try:
            if setup.input == "test":
                data = self.state.dataset()
                image = pixels_to_float(data.test_images[setup.test_index])
                label = int(data.test_labels[setup.test_index])
            elif setup.input == "photo":
                image = self._photo(setup.photo)
            else:
                image = self._model_image()
        except (OSError, ValueError, IndexError):
            return None
        return image, setup.filter_layer, setup.filter_index, label

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale or self._snapshot is None:
            self._refresh_or_defer()
