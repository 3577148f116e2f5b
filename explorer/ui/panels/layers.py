"""Layers panel: the network layer by layer, with every feature map of the current input.

The model summary lists every layer (output shape, parameters, what it receives). For the
current input (the Draw tab's digit or a test-set digit) the selected layer's output is shown as
a grid of maps (conv/pool/activation layers) or a value strip (dense layers), with a colour bar.
Clicking a map opens it large with per-pixel values, beside the filters that produced it. The
activations come from `Model.trace` run in the worker (``client.request``, coalesced per topic,
so drawing updates the view live without queueing up work).
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QHeaderView,
                               QLabel, QPushButton, QRadioButton, QTableWidget, QWidget)

from explorer.data import pixels_to_float
from explorer.data.datasets import N_CLASSES
from explorer.ui.engine_strings import engine_message, tr_engine
from explorer.ui.layer_trace import (feature_vector_index, shape_text, trace_for_panel,
                                     wrap_width)
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.text import fill
from explorer.ui.widgets.colour_scale import ColourScale
from explorer.ui.widgets.image_grid import ImageGrid
from explorer.ui.widgets.image_picker import ImageIndexPicker
from explorer.ui.widgets.imaging import cmap_for, value_range
from explorer.ui.widgets.message_label import MessageLabel
from explorer.ui.widgets.number_grid import NumberGrid, format_number
from explorer.ui.widgets.signals import blocked

from .layers_field import ReceptiveFieldBox, receptive_field_job, show_input
from .layers_text import describe_type as _describe_type
from .layers_inception import InceptionBox
from .layers_layout import build_layout
from .layers_text import NoTestImages, fill_table, retranslate_static, type_sentence


class LayersPanel(QWidget):
    """Summary table and input choice on the left; the selected layer's maps, their colour bar
    and the opened map with its filters on the right."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("layersPanel")
        self.client, self.state = client, state
        self.summary: list[dict] = []
        self.outputs: dict[str, np.ndarray] = {}
        self.filters: dict = {}
        self.selected_layer: str | None = None
        self.opened_map: int | None = None
        self._dirty = True
        #: Renders the input note / the message line in the current language (kept so that
        #: a language switch renders them again); the message's flag says "error".
        self._input_note = lambda: ""
        self._message: tuple = (None, False)
        self._hovered: tuple | None = None   # (row, column, value) under the pointer
        self._kernel_index = 0
        #: Remembered choices (selected layer, per-map scaling) under "layers/" in QSettings.
        self.settings = PanelSettings("layers")
        #: The layer to select when the model's summary arrives (the one chosen last time).
        self._wanted_layer = self.settings.get("layer", str, None)

        self._build_widgets()
        build_layout(self)
        self.per_map.setChecked(self.settings.get("perMapScale", bool, False))
        self.per_map.toggled.connect(lambda on: self.settings.set("perMapScale", bool(on)))
        for key, slot in ((Qt.Key.Key_PageDown, self.select_next),
                          (Qt.Key.Key_PageUp, self.select_previous)):
            sc = QShortcut(QKeySequence(key), self, slot)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        client.sigModelChanged.connect(self._on_model_change)
        state.sigCurrentInputChanged.connect(self._on_current_input_change)
        if client.model_info is not None:
            self._set_summary(client.model_info.summary)
        self.retranslate_ui()
        self.request_trace()

    def __repr__(self) -> str:
        return (f"LayersPanel(layer={self.selected_layer!r}, layers={len(self.summary)}, "
                f"opened={self.opened_map})")

    # --- construction ---------------------------------------------------------------------------
    def _build_widgets(self):
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("layersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self.prev_button = QPushButton(self)
        self.prev_button.setObjectName("layersPrevious")
        self.prev_button.clicked.connect(self.select_previous)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("layersNext")
        self.next_button.clicked.connect(self.select_next)

        self.use_current = QRadioButton(self)
        self.use_current.setObjectName("layersUseCurrent")
        self.use_test = QRadioButton(self)
        self.use_test.setObjectName("layersUseTest")
        group = QButtonGroup(self)
        group.addButton(self.use_current)
        group.addButton(self.use_test)
        self.use_current.setChecked(True)
        self.test_index = ImageIndexPicker(self.state, self)
        self.test_index.setObjectName("layersTestIndex")
        self.input_view = ImageGrid(self, cell_size=84, columns=1, levels=(0.0, 1.0))
        self.input_view.setObjectName("layersInput")
        self._shown_input = None   # the input shown (its captions follow the language)
        self.input_note = QLabel(self)
        self.input_note.setWordWrap(True)
        self.use_current.toggled.connect(self._on_source_change)
        self.test_index.valueChanged.connect(self._on_source_change)
        self.test_index.sigFollowed.connect(self._on_dataset_followed)

        self.layer_title = QLabel(self)
        self.layer_title.setObjectName("layerTitle")
        self.layer_title.setWordWrap(True)
        self.layer_title.setTextFormat(Qt.TextFormat.RichText)
        self.inception_box = InceptionBox(self.client, self)
        self.per_map = QCheckBox(self)
        self.per_map.setObjectName("perMapScale")
        self.per_map.toggled.connect(self._render_layer)
        self.colour_scale = ColourScale(self)
        self.colour_scale.setObjectName("layersColourScale")
        self.maps = ImageGrid(self, cell_size=64)
        self.maps.setObjectName("featureMaps")
        self.maps.sigImageClicked.connect(self.open_map)
        self.strip = NumberGrid(self, cell_size=26, max_size=900)
        self.strip.setObjectName("valueStrip")

        self.detail_title = QLabel(self)
        self.detail_title.setObjectName("mapDetailTitle")
        self.detail_title.setWordWrap(True)
        self.detail = NumberGrid(self, cell_size=22, max_size=420)
        self.detail.setObjectName("mapDetail")
        self.hover_label = QLabel(self)
        self.hover_label.setObjectName("mapHoverValue")
        self.detail.sigCellHovered.connect(self._on_detail_hover)
        self.detail.sigCellClicked.connect(self.show_receptive_field)
        self.field_box = ReceptiveFieldBox(self)
        self.source_title = QLabel(self)
        self.source_title.setObjectName("mapSourceTitle")
        self.source_title.setWordWrap(True)
        self.kernels = ImageGrid(self, cell_size=40, cmap="diverging")
        self.kernels.setObjectName("mapKernels")
        self.kernels.sigImageClicked.connect(self._show_kernel)
        self.kernel_caption = QLabel(self)
        self.kernel_caption.setObjectName("mapKernelCaption")
        self.kernel_numbers = NumberGrid(self, cell_size=46, max_size=330)
        self.kernel_numbers.setObjectName("mapKernelNumbers")
        self.source_map = NumberGrid(self, cell_size=14, max_size=240)
        self.source_map.setObjectName("mapSourceMap")
        self.message = MessageLabel(self)
        self.message.setObjectName("layersMessage")

    # --- language -------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text in the current language: the static ones, then the table's rows, the
        input note, the message and the selected layer's texts re-rendered from what the
        panel shows (the activations are not asked for again)."""
        retranslate_static(self)
        if self.summary:
            with blocked(self.table):
                fill_table(self.table, self.summary, feature_vector_index(self.summary))
        self.input_note.setText(self._input_note())
        if self._shown_input is not None:   # its captions in the new language
            show_input(self.input_view, self._shown_input)
        self._show_message(*self._message)
        self._render_layer()

    def _show_message(self, render, error: bool = False):
        """Show ``render()`` (None: nothing) in the message line, and keep ``render`` so that
        a language switch shows it again in the new language."""
        self._message = (render, error)
        text = render() if render is not None else ""
        if error:
            self.message.show_error(text)
        elif text:
            self.message.show_info(text)
        else:
            self.message.clear()

    # --- input and requests ----------------------------------------------------------------
    def input_image(self) -> tuple[np.ndarray, str]:
        """The (28, 28) float32 image in [0, 1] the panel shows, and where it comes from."""
        image, note = self._input()
        return image, note()

    def _input(self):
        """The (28, 28) image and a callable rendering its note in the current language.
        Raises `NoTestImages`, or OSError/ValueError when the data set cannot be loaded."""
        if self.use_test.isChecked() or self.state.current_input is None:
            data = self.state.dataset()
            if len(data.test_images) == 0:
                raise NoTestImages(data.name)
            self.test_index.sync()   # the active data set's range
            i = self.test_index.value()
            image = pixels_to_float(data.test_images[i])
            label = data.class_names[int(data.test_labels[i])]
            if not self.use_test.isChecked():
                return image, lambda: fill(self.tr(
                    "Nothing drawn yet: test digit #%1 (%2). Draw in the Draw tab to see your "
                    "own digit here."), i, tr_engine(label))
            return image, lambda: fill(self.tr("Test digit #%1, labelled %2."), i,
                                       tr_engine(label))
        return np.asarray(self.state.current_input), lambda: fill(
            self.tr("The current input (%1)."), self.state.current_input_source)

    def request_trace(self):
        """Ask the worker for every layer's output (only while visible; otherwise on show)."""
        try:
            image, note = self._input()
        except NoTestImages as exc:
            name = exc.name
            self._show_message(lambda: fill(self.tr(
                "No input image: the data set %1 has no test images."), name), error=True)
            return
        except (OSError, ValueError) as exc:
            error = exc.with_traceback(None)    # said again in the new language if switched
            self._show_message(lambda: fill(self.tr(
                "No input image: the data set could not be loaded (%1)."), engine_message(error)),
                error=True)
            return
        self._shown_input = image
        show_input(self.input_view, image)
        self.field_box.set_input(image)
        self._input_note = note
        self.input_note.setText(note())
        if not self.isVisible() and self.outputs:
            self._dirty = True
            return
        self._dirty = False
        self.client.request(partial(trace_for_panel, image), owner=self, key="trace",
                            on_result=self._on_trace, on_error=self._on_trace_error)

    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self.request_trace()

    def _on_source_change(self, *args):
        self.request_trace()

    def _on_current_input_change(self, image):
        if not self.use_test.isChecked():
            self.request_trace()

    def _on_model_change(self, info):
        self.inception_box.set_layer(None, None)   # the new model's block may differ
        if info is not None:
            self._set_summary(info.summary)
        self._dirty = True
        self.request_trace()

    def _on_trace_error(self, message):
        self._show_message(lambda: fill(self.tr("The network could not run: %1"), message),
                           error=True)

    def _on_dataset_followed(self, asked: int, used: int, count: int):
        """The data set changed (the picker already clamped its index): show the new set's
        image if a test image is shown, and say so when the index had to move."""
        if not (self.use_test.isChecked() or self.state.current_input is None):
            return
        self._dirty = True
        self.request_trace()
        if used != asked and self.use_test.isChecked():
            self._show_message(lambda: ImageIndexPicker.moved_text(asked, used, count))

    def _on_trace(self, result):
        if self.message.is_error:
            self._show_message(None)
        if [r["name"] for r in result["summary"]] != [r["name"] for r in self.summary]:
            self._set_summary(result["summary"])
        self.outputs = dict(result["outputs"])
        self.filters = result["filters"]
        self._render_layer()

    # --- summary and selection -------------------------------------------------------------
    def _set_summary(self, summary):
        self.summary = list(summary)
        keep = self.selected_layer or self._wanted_layer
        self._wanted_layer = None  # a remembered layer this model lacks is forgotten
        fv = feature_vector_index(self.summary)
        with blocked(self.table):
            fill_table(self.table, self.summary, fv)
        header = self.table.horizontalHeader()
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(min(480, header.length() + scroll_bar
                                       + 2 * self.table.frameWidth()))
        # at least four rows of layers in view (the receptive field below shrinks instead)
        rows = min(4, self.table.rowCount())
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + rows * row_height + 2 * self.table.frameWidth())
        names = [r["name"] for r in self.summary]
        self.select_layer(keep if keep in names else (names[0] if names else None))

    def layer_names(self) -> list[str]:
        return [r["name"] for r in self.summary]

    def select_layer(self, name: str | None):
        if name is None:
            return
        names = self.layer_names()
        if name not in names:
            raise ValueError(f"no layer named {name!r}; the layers are {', '.join(names)}")
        self.selected_layer = name
        self.settings.set("layer", name)
        self.opened_map = None
        self._kernel_index = 0
        self._hovered = None
        self.field_box.clear()
        self.detail.set_marks([])
        with blocked(self.table):
            self.table.selectRow(names.index(name))
        self.prev_button.setEnabled(names.index(name) > 0)
        self.next_button.setEnabled(names.index(name) < len(names) - 1)
        self._render_layer()

    def select_next(self):
        names = self.layer_names()
        if names and self.selected_layer in names:
            self.select_layer(names[min(len(names) - 1, names.index(self.selected_layer) + 1)])

    def select_previous(self):
        names = self.layer_names()
        if names and self.selected_layer in names:
            self.select_layer(names[max(0, names.index(self.selected_layer) - 1)])

    def _on_table_selection(self):
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.select_layer(self.layer_names()[rows[0].row()])

    # --- rendering -------------------------------------------------------------------------
    def class_names(self) -> list[str]:
        """The live model's class names, translated (digits unless it learned another set)."""
        info = getattr(self.client, "model_info", None)
        names = info.class_names if info is not None else tuple(str(d) for d in range(N_CLASSES))
        return [tr_engine(str(n)) for n in names]

    def _maps_before(self, index, channels: int) -> bool:
        """Whether the layer before ``index`` output ``channels`` maps (a layer without
        filters, such as ReLU or pooling, made each of its maps from one of those)."""
        if index is None or index == 0:
            return False
        before = self.outputs.get(self.summary[index - 1]["name"])
        return before is not None and before.ndim == 3 and before.shape[0] == channels

    def _row(self, name):
        for i, r in enumerate(self.summary):
            if r["name"] == name:
                return i, r
        return None, None

    def _render_layer(self):
        name = self.selected_layer
        index, row = self._row(name)
        if row is None:
            return
        out = self.outputs.get(name)
        fv = feature_vector_index(self.summary)
        title = fill(self.tr("%1 \u2014 %2, output %3"), f"<b>{name}</b>", row["type"],
                     shape_text(row["output_shape"]))
        what = _describe_type(row["type"])
        if what:
            title += "<br>" + type_sentence(row["type"])
        if index == fv:
            classifier = self.summary[index + 1]["name"]
            title += "<br><b style='color:#c06000'>" + fill(self.tr(
                "The feature vector: these %1 numbers are what the classifier (%2) reads. "
                "Everything before extracted them from the image."),
                int(np.prod(row["output_shape"])), classifier) + "</b>"
        elif index == len(self.summary) - 1:
            names = self.class_names()
            title += "<br>" + fill(self.tr(
                "The scores (logits) for the %1 classes (%2 \u2026 %3); softmax turns them into "
                "probabilities."), len(names), names[0], names[-1])
        self.layer_title.setText(title)
        self.inception_box.set_layer(name, row["type"])
        if out is None:
            self.maps.setVisible(True)
            self.strip.setVisible(False)
            self.maps.set_images([])
            return
        if out.ndim == 3:
            self._render_maps(name, out)
        else:
            self._render_strip(out, index == len(self.summary) - 1)
        if self.opened_map is not None and out.ndim == 3 and self.opened_map < out.shape[0]:
            self.open_map(self.opened_map)
        else:
            self._clear_detail()
            if out.ndim != 3:
                self.detail_title.setText(self.tr(
                    "A vector has no maps: hover over a cell above to read its value."))

    def _render_maps(self, name, out):
        self.maps.setVisible(True)
        self.strip.setVisible(False)
        cmap = cmap_for(out)
        self.maps.cmap = cmap
        self.maps.levels = "each" if self.per_map.isChecked() else "shared"
        c = out.shape[0]
        captions = [str(i) for i in range(c)]
        tips = [fill(self.tr("%1 channel %2: min %3, max %4"), name, i,
                     format_number(out[i].min()), format_number(out[i].max())) for i in range(c)]
        self.maps.set_images(list(out), captions, tips)
        self.maps.set_highlight(self.opened_map)
        lo, hi = value_range(out, cmap == "diverging")
        self.colour_scale.set_range(lo, hi, cmap)
        if self.per_map.isChecked():
            self.colour_scale.set_note(fill(self.tr(
                "each map stretched from its own minimum to maximum (layer range %1 to %2)"),
                format_number(out.min()), format_number(out.max())))
        self.per_map.setEnabled(True)

    def _render_strip(self, out, is_logits: bool):
        self.maps.setVisible(False)
        self.strip.setVisible(True)
        n = out.size
        width = wrap_width(n)
        rows = -(-n // width)
        padded = np.full(rows * width, np.nan)
        padded[:n] = out
        cmap = cmap_for(out)
        lo, hi = value_range(out, cmap == "diverging")
        self.strip.flat_width = width
        self.strip.flat_labels = [fill(self.tr("class \u201c%1\u201d"), name)
                                  for name in self.class_names()] if is_logits else None
        # the scores in one row, each over its class (0-9): which score is which digit
        self.strip.column_labels = (list(self.class_names()) if is_logits and rows == 1
                                    else None)
        self.strip.set_matrix(padded.reshape(rows, width), levels=(lo, hi), cmap=cmap)
        self.colour_scale.set_range(lo, hi, cmap)
        self.per_map.setEnabled(False)

    def _clear_detail(self):
        self.detail_title.setText(self.tr("Click a feature map to open it here."))
        self.detail.set_matrix(np.zeros((0, 0)))
        self.source_title.setText("")
        self.kernels.set_images([])
        self.kernels.setVisible(False)
        self.kernel_numbers.setVisible(False)
        self.kernel_caption.setVisible(False)
        self.source_map.setVisible(False)
        self.hover_label.setText("")

    def open_map(self, channel: int):
        """Show map ``channel`` of the selected layer large, beside what produced it."""
        name = self.selected_layer
        out = self.outputs.get(name)
        if out is None or out.ndim != 3 or not 0 <= channel < out.shape[0]:
            return
        self.opened_map = channel
        self.maps.set_highlight(channel)
        m = out[channel]
        self.detail.set_matrix(m, cmap=cmap_for(m))
        self.detail_title.setText(fill(self.tr("<b>%1, channel %2</b> (%3)"), name, channel,
                                       shape_text(m.shape)))
        index, row = self._row(name)
        self.kernels.setVisible(False)
        self.kernel_numbers.setVisible(False)
        self.kernel_caption.setVisible(False)
        self.source_map.setVisible(False)
        if name in self.filters:
            weight, bias = self.filters[name]
            w = weight[channel]  # (C_in, KH, KW)
            b = 0.0 if bias is None else float(bias[channel])
            src = self.summary[index - 1]["name"] if index > 0 else self.tr("the image")
            n = w.shape[0]
            if n == 1:
                text = self.tr("Made by filter %1: one %2\u00d7%3 kernel on the only channel of "
                               "%4, plus the bias %5.")
            else:
                text = self.tr("Made by filter %1: one %2\u00d7%3 kernel per input channel (%n "
                               "channels of %4), the %n results added, plus the bias %5.", "", n)
            self.source_title.setText(fill(text, channel, w.shape[1], w.shape[2], src,
                                           format_number(b)))
            self.kernels.set_images(list(w), [str(i) for i in range(w.shape[0])],
                                    [fill(self.tr("kernel for input channel %1"), i)
                                     for i in range(w.shape[0])])
            self.kernels.setVisible(True)
            self._show_kernel(self._kernel_index if self._kernel_index < n else 0)
        elif self._maps_before(index, out.shape[0]) and row["type"] != "Inception":
            prev = self.summary[index - 1]["name"]
            src = self.outputs[prev][channel]
            self.source_title.setText(fill(self.tr(
                "No filter: %1 %2. It made this map from channel %3 of %4, shown below."),
                row["type"], self.tr(_describe_type(row["type"])), channel, prev))
            self.source_map.set_matrix(src, cmap=cmap_for(src))
            self.source_map.setVisible(True)
        else:
            what = _describe_type(row["type"])
            self.source_title.setText(type_sentence(row["type"]) if what else "")
        self._on_detail_hover(*(self._hovered or (-1, -1, 0.0)))

    def show_receptive_field(self, row: int, col: int):
        """Outline on the input what unit (``row``, ``col``) of the opened map sees (the box
        is computed by the engine, in the worker)."""
        unit = (self.selected_layer, int(row), int(col))
        self.detail.set_marks([(row, col)])
        self.client.request(partial(receptive_field_job, *unit), owner=self, key="field",
                            on_result=partial(self.field_box.show_field, unit),
                            on_error=partial(self.field_box.show_error, unit))

    def _show_kernel(self, index: int):
        name = self.selected_layer
        if name not in self.filters or self.opened_map is None:
            return
        w = self.filters[name][0][self.opened_map]
        if not 0 <= index < w.shape[0]:
            return
        self._kernel_index = index
        self.kernels.set_highlight(index)
        k = w[index]
        self.kernel_numbers.set_matrix(k, cmap="diverging", decimals=2)
        self.kernel_caption.setText(fill(self.tr("Kernel for input channel %1 (click another "
                                                 "above):"), index))
        self.kernel_caption.setVisible(True)
        self.kernel_numbers.setVisible(True)

    def _on_detail_hover(self, r, c, value):
        self._hovered = None if r < 0 else (r, c, value)
        if r < 0:
            self.hover_label.setText(self.tr("Hover over the map to read its values."))
        else:
            self.hover_label.setText(fill(self.tr("row %1, column %2: %3"), r, c,
                                          format_number(value)))

