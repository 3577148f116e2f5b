"""“Into the network”: put the lab's kernel into one filter of a conv layer of the live model,
see that layer's feature map and the prediction change, and restore the learned filter.

All model access goes through the worker (``client.request`` / ``client.mutate_model`` with the
functions of ``explorer.engine.filter_swap``); this widget only shows what comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QVBoxLayout)

from explorer.engine import filter_swap
from explorer.ui.text import fill
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.kernel_grid import KernelGrid
from explorer.ui.widgets.live_text import LiveText, render
from explorer.ui.widgets.probability_bars import ProbabilityBars
from explorer.ui.widgets.signals import blocked

translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


def _slots_with_id(model):
    return id(model), filter_swap.conv_slots(model)


def _swap_job(model, param, f, c, kernel, learned, image, layer):
    """Runs in the worker: back to the learned filter first (if one was swapped out before), so
    ``before`` is always the learned network; then put ``kernel`` in and record the edit."""
    if learned is not None:
        filter_swap.write_filter(model, param, f, c, learned)
    result = filter_swap.swap_in(model, param, f, c, kernel, image, layer)
    filter_swap.record_edit(model, param, f, c, kernel)
    return result


def _restore_job(model, model_id, param, f, c, learned, image, layer):
    """Runs in the worker: the exact learned weights back, and the edit's record removed."""
    result = filter_swap.restore(model, model_id, param, f, c, learned, image, layer)
    filter_swap.record_edit(model, param, f, c, None)
    return result


def _map_view():
    """A small pyqtgraph view with one row-major ImageItem (created once)."""
    widget = pg.GraphicsLayoutWidget()
    widget.setBackground("w")
    widget.setMinimumSize(100, 70)   # grows with the column's free height (up to 200)
    widget.setMaximumHeight(200)
    view = widget.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
    view.setMenuEnabled(False)
    item = pg.ImageItem(axisOrder="row-major")
    item.setLookupTable(pg.colormap.get("CET-D1").getLookupTable(nPts=256))
    view.addItem(item)
    return widget, view, item


class FilterSwapBox(QGroupBox):
    """Needs the current kernel (``set_kernel``) and a way to get the network's input:
    ``network_input() -> (image (28, 28) float32 or None, description)``, the description a
    `LiveText` noun phrase ("the current digit") that the captions quote.
    ``sigFitRequested(n)``: the user asked for an ``n x n`` grid to match the chosen layer."""

    sigFitRequested = Signal(int)

    def __init__(self, client, network_input: Callable[[], tuple], parent=None):
        super().__init__(parent)
        self.setObjectName("filterSwapBox")
        self.client = client
        self._network_input = network_input
        self._kernel: np.ndarray | None = None
        self._slots: list[filter_swap.ConvSlot] = []
        self._model_id: int | None = None
        #: (param, f, c) -> learned (KH, KW) values, for the slots holding the user's kernel now
        self.swapped: dict[tuple[str, int, int], np.ndarray] = {}
        self._swap_model_id: int | None = None
        self._probe_source: LiveText = ""
        self._shown_key = None
        # the texts on show, as functions of the current language (re-said on a change)
        self._status_text: LiveText = ""
        self._caption_text: LiveText = ""
        self._prediction_text: LiveText = ""

        self.layer_combo = FitComboBox()
        self.filter_spin = QSpinBox()
        self.channel_spin = QSpinBox()
        self.put_button = QPushButton()
        self.restore_button = QPushButton()
        self.fit_button = QPushButton()
        self.fit_button.setVisible(False)
        self.fit_button.clicked.connect(self._on_fit_clicked)
        self.follow_check = QCheckBox()
        # 5x5 at 32 px a cell (both grids fit a 1024-pixel window); a 7x7 kernel shrinks to 25 px
        self.learned_grid = KernelGrid(read_only=True, cell_size=32, decimals=2, max_side=180)
        self.yours_grid = KernelGrid(read_only=True, cell_size=32, decimals=2, max_side=180)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("filterSwapStatus")
        self.before_widget, self.before_view, self.before_item = _map_view()
        self.after_widget, self.after_view, self.after_item = _map_view()
        self.map_caption = QLabel()
        self.map_caption.setWordWrap(True)
        self.bars = ProbabilityBars()
        self.bars.setObjectName("filterSwapBars")
        self.bars.set_legend(lambda: translate("FilterSwapBox", "with your kernel"),
                             lambda: translate("FilterSwapBox", "its answer"),
                             lambda: translate("FilterSwapBox", "learned filter"))
        self.bars.setMinimumHeight(130)   # grows with the column's free height
        self.bars.setMaximumHeight(260)
        self.prediction = QLabel()
        self.prediction.setObjectName("filterSwapPrediction")
        self.prediction.setWordWrap(True)   # one line set the column's minimum width (1024 px)
        self.layer_label, self.filter_label, self.channel_label = QLabel(), QLabel(), QLabel()
        self.learned_label, self.yours_label = QLabel(), QLabel()
        self.learned_map_label, self.yours_map_label = QLabel(), QLabel()

        pick = QGridLayout()
        pick.addWidget(self.layer_label, 0, 0)
        pick.addWidget(self.layer_combo, 0, 1, 1, 3)
        pick.addWidget(self.filter_label, 1, 0)
        pick.addWidget(self.filter_spin, 1, 1)
        pick.addWidget(self.channel_label, 1, 2)
        pick.addWidget(self.channel_spin, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.put_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        grids = QGridLayout()
        grids.addWidget(self.learned_label, 0, 0, Qt.AlignmentFlag.AlignHCenter)
        grids.addWidget(self.yours_label, 0, 1, Qt.AlignmentFlag.AlignHCenter)
        grids.addWidget(self.learned_grid, 1, 0, Qt.AlignmentFlag.AlignTop)
        grids.addWidget(self.yours_grid, 1, 1, Qt.AlignmentFlag.AlignTop)
        maps = QGridLayout()
        maps.addWidget(self.learned_map_label, 0, 0)
        maps.addWidget(self.yours_map_label, 0, 1)
        maps.addWidget(self.before_widget, 1, 0)
        maps.addWidget(self.after_widget, 1, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)   # thirteen rows: the chart gets the height at 1280x800
        layout.addLayout(pick)
        layout.addLayout(buttons)
        # on a row of its own: beside the two buttons it made the column wider than a
        # 1280-pixel window leaves it (a horizontal scroll bar, in English and in Chinese)
        layout.addWidget(self.follow_check)
        layout.addLayout(grids)
        layout.addWidget(self.status)
        layout.addWidget(self.fit_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(maps, 1)
        layout.addWidget(self.map_caption)
        layout.addWidget(self.prediction)
        layout.addWidget(self.bars, 3)
        layout.addStretch(0)

        self.layer_combo.currentIndexChanged.connect(self._on_slot_change)
        self.filter_spin.valueChanged.connect(self._on_slot_change)
        self.channel_spin.valueChanged.connect(self._on_slot_change)
        self.put_button.clicked.connect(self.put_kernel)
        self.restore_button.clicked.connect(self.restore_learned)
        client.sigModelChanged.connect(self._on_model_change)
        self._set_enabled(False)
        self._show_maps(False)
        self._say(lambda: translate("FilterSwapBox", "Waiting for the live model…"))
        self._caption(lambda: translate(
            "FilterSwapBox", "Press “Put kernel into filter” to see this layer's output and the "
                             "prediction with the learned filter and with yours."))
        self.retranslate_ui()
        if getattr(client, "model_info", None) is not None:
            self._on_model_change(client.model_info)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every label, button and tooltip, the layer list (selection kept), the spin boxes'
        suffixes and the messages on show, in the current language."""
        self.setTitle(self.tr("Into the network"))
        self.layer_combo.setToolTip(self.tr(
            "The conv layer of the live model whose filter you replace."))
        self.filter_spin.setToolTip(self.tr(
            "Which filter (output channel) of the layer to replace."))
        self.channel_spin.setToolTip(self.tr(
            "A filter has one kernel per input channel; this picks which one."))
        self.put_button.setText(self.tr("&Put kernel into filter"))
        self.put_button.setToolTip(self.tr(
            "Replace the learned kernel of this filter and channel by the one in the grid; the "
            "prediction everywhere in the app changes at once."))
        self.restore_button.setText(self.tr("Restore lea&rned filter"))
        self.restore_button.setToolTip(self.tr(
            "Put back the exact learned weights of this filter."))
        self.fit_button.setToolTip(self.tr("Resize the kernel grid to this layer's kernel size."))
        self.follow_check.setText(self.tr("Follo&w edits"))
        self.follow_check.setToolTip(self.tr(
            "While your kernel is in the filter, every valid edit goes into the network at once "
            "and the feature map and prediction follow."))
        self.learned_grid.setToolTip(self.tr(
            "The weights the network learned for this filter and channel."))
        self.yours_grid.setToolTip(self.tr("Your kernel, as it would go into the filter."))
        self.before_widget.setToolTip(self.tr(
            "This layer's output for the chosen filter with the learned kernel"))
        self.after_widget.setToolTip(self.tr("The same output with your kernel in the filter"))
        self.bars.setToolTip(self.tr(
            "Coloured bars: the prediction with your kernel. Grey bars: with the learned "
            "filter."))
        self.layer_label.setText(self.tr("Layer"))
        self.filter_label.setText(self.tr("Filter"))
        self.channel_label.setText(self.tr("Channel"))
        self.learned_label.setText(self.tr("Learned"))
        self.yours_label.setText(self.tr("Yours"))
        self.learned_map_label.setText(self.tr("Feature map, learned"))
        self.yours_map_label.setText(self.tr("Feature map, yours"))
        with blocked(self.layer_combo):
            for i, s in enumerate(self._slots):
                self.layer_combo.setItemText(i, self._slot_text(s))
        self._update_suffixes()
        self._update_fit_text()
        self._show_status()
        self.map_caption.setText(render(self._caption_text))
        self.prediction.setText(render(self._prediction_text))

    # --- the texts on show ---------------------------------------------------------------------
    def _say(self, text: LiveText, sticky: bool | None = None) -> None:
        """Show ``text`` on the status line (``sticky``: kept when the selection is the same)."""
        self._status_text = text
        self._show_status()
        if sticky is not None:
            self.status.setProperty("sticky", sticky)

    def _show_status(self) -> None:
        """The status line in the current language; hidden while it says nothing (its empty
        line took height the prediction chart needs)."""
        text = render(self._status_text)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _caption(self, text: LiveText) -> None:
        self._caption_text = text
        self.map_caption.setText(render(text))

    @staticmethod
    def _slot_text(s: filter_swap.ConvSlot) -> str:
        f, c, kh, kw = s.shape
        return fill(translate("FilterSwapBox", "%1: %2 filters × %3 channels, %4x%5"),
                    s.layer, f, c, kh, kw)

    def _update_suffixes(self) -> None:
        slot = self.current_slot()
        if slot is None:
            return
        for spin, top in ((self.filter_spin, slot.shape[0] - 1),
                          (self.channel_spin, slot.shape[1] - 1)):
            spin.setSuffix(fill(translate("FilterSwapBox", " of 0–%1"), top))

    def _update_fit_text(self) -> None:
        slot = self.current_slot()
        if slot is not None:
            self.fit_button.setText(fill(translate("FilterSwapBox", "Make the grid %1x%2"),
                                         slot.shape[2], slot.shape[3]))

    def _mismatch_text(self) -> str:
        """Why the kernel does not fit the chosen layer, in the current language ("" if it
        fits)."""
        slot = self.current_slot()
        if not self._mismatch():
            return ""
        kh, kw = self._kernel.shape
        return fill(translate(
            "FilterSwapBox", "Cannot put this kernel in: %1 uses %2x%3 kernels but yours is "
            "%4x%5. A filter's size is fixed by the layer (its weights are %2x%3 per channel): "
            "set the grid to %2x%3 first."), slot.layer, slot.shape[2], slot.shape[3], kh, kw)

    def __repr__(self) -> str:
        slot = self.current_slot()
        return f"FilterSwapBox(slot={slot.param if slot else None}, swapped={sorted(self.swapped)})"

    # --- selection -------------------------------------------------------------------------------
    def current_slot(self) -> filter_swap.ConvSlot | None:
        i = self.layer_combo.currentIndex()
        return self._slots[i] if 0 <= i < len(self._slots) else None

    def current_key(self) -> tuple[str, int, int] | None:
        slot = self.current_slot()
        if slot is None:
            return None
        return slot.param, self.filter_spin.value(), self.channel_spin.value()

    def select(self, param: str, f: int = 0, c: int = 0) -> None:
        """Choose ``param`` (e.g. ``"conv1.weight"``), filter ``f`` and channel ``c``."""
        for i, s in enumerate(self._slots):
            if s.param == param:
                self._apply_selection(i, f, c)
                return
        raise ValueError(f"no conv layer {param!r}")

    def _apply_selection(self, index: int, f: int, c: int) -> None:
        widgets = (self.layer_combo, self.filter_spin, self.channel_spin)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.layer_combo.setCurrentIndex(index)
            slot = self._slots[index]
            self.filter_spin.setRange(0, slot.shape[0] - 1)
            self.channel_spin.setRange(0, slot.shape[1] - 1)
            self.filter_spin.setValue(f)
            self.channel_spin.setValue(c)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._on_slot_change()

    def set_kernel(self, kernel: np.ndarray | None) -> None:
        """The lab's current valid kernel (None while the grid is invalid)."""
        self._kernel = None if kernel is None else np.array(kernel, dtype=np.float64)
        if self._kernel is not None:
            self.yours_grid.set_kernel(self._kernel)
        self._update_fit()
        key = self.current_key()
        if self._kernel is None or key not in self.swapped or self._mismatch():
            return
        if self.follow_check.isChecked():
            self.put_kernel()
        else:
            self._say(lambda: translate(
                "FilterSwapBox", "The filter still holds the kernel you put in before: press “Put "
                                 "kernel into filter” again, or tick “Follow edits”."), True)

    def _set_enabled(self, on: bool):
        for w in (self.layer_combo, self.filter_spin, self.channel_spin):
            w.setEnabled(on)
        self._update_buttons()

    def _update_buttons(self):
        key = self.current_key()
        self.put_button.setEnabled(key is not None and self._kernel is not None)
        self.restore_button.setEnabled(key is not None and key in self.swapped)

    def _mismatch(self) -> str | None:
        slot = self.current_slot()
        if slot is None or self._kernel is None:
            return None
        return filter_swap.size_mismatch(self._kernel.shape, slot.shape[2:], slot.layer)

    def _update_fit(self):
        self._update_buttons()
        reason = self._mismatch()
        slot = self.current_slot()
        square = slot is not None and slot.shape[2] == slot.shape[3]
        self.fit_button.setVisible(bool(reason) and square)
        self._update_fit_text()
        if reason:
            self._say(self._mismatch_text)
        elif self.current_slot() is not None and not self.status.property("sticky"):
            self._say("")

    def _on_fit_clicked(self):
        slot = self.current_slot()
        if slot is not None:
            self.sigFitRequested.emit(int(slot.shape[2]))

    def _on_slot_change(self, *_):
        slot = self.current_slot()
        if slot is None:
            self._update_buttons()
            return
        f_max, c_max = slot.shape[0] - 1, slot.shape[1] - 1
        for spin, top in ((self.filter_spin, f_max), (self.channel_spin, c_max)):
            spin.blockSignals(True)
            spin.setRange(0, top)
            spin.blockSignals(False)
        self._update_suffixes()
        key = self.current_key()
        if key != self._shown_key:  # a message about another filter no longer applies
            self.status.setProperty("sticky", False)
            self._shown_key = key
        if key in self.swapped:
            self.learned_grid.set_kernel(self.swapped[key])
            self._say(lambda: translate("FilterSwapBox", "Your kernel is in this filter now."),
                      True)
        else:
            self.client.request(
                partial(filter_swap.read_filter, param=key[0], f=key[1], c=key[2]), owner=self,
                key="learned", on_result=self.learned_grid.set_kernel,
                on_error=self._on_read_error)
        self._update_fit()

    # --- talking to the worker --------------------------------------------------------------
    def _on_model_change(self, info):
        self.client.request(_slots_with_id, owner=self, key="slots",
                            on_result=lambda result: self._on_slots(*result),
                            on_error=self._on_read_error)

    def _on_read_error(self, message: str):
        """The worker could not read the model's layers or a filter (``message``: its English
        detail, not shown)."""
        self._say(lambda: translate(
            "FilterSwapBox", "The live model's filters could not be read. Load or train a model, "
                             "then pick the layer again."), True)

    def _on_put_error(self, message: str):
        self._say(lambda: translate(
            "FilterSwapBox", "Your kernel could not be put into this filter, and the network is "
                             "unchanged. The live model may have changed meanwhile: pick the "
                             "layer again and retry."), True)

    def _on_restore_error(self, message: str):
        self._say(lambda: translate(
            "FilterSwapBox", "The learned filter could not be put back: the live model was most "
                             "likely replaced since you put your kernel in (loaded, retrained or "
                             "made live), so its filters are already its own."), True)

    def _on_slots(self, model_id: int, slots: list):
        if self._swap_model_id is not None and model_id != self._swap_model_id and self.swapped:
            self._say(lambda: translate(
                "FilterSwapBox", "The live model changed: its filters are its own, nothing to "
                                 "restore."), True)
            self.swapped.clear()
        self._model_id = model_id
        current = self.current_key()
        self._slots = list(slots)
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for s in self._slots:
            self.layer_combo.addItem(self._slot_text(s), s.param)
        self.layer_combo.blockSignals(False)
        if not self._slots:
            self._set_enabled(False)
            self._say(lambda: translate("FilterSwapBox", "The live model has no conv layer."))
            return
        self._set_enabled(True)
        index = next((i for i, s in enumerate(self._slots) if current and s.param == current[0]), 0)
        same = current and self._slots[index].param == current[0]
        self._apply_selection(index, *(current[1:] if same else (0, 0)))

    def put_kernel(self) -> None:
        """Put the grid's kernel into the chosen filter/channel (via the worker)."""
        key, slot = self.current_key(), self.current_slot()
        if key is None or self._kernel is None:
            return
        if self._mismatch():
            self._say(self._mismatch_text)
            return
        image, source = self._network_input()
        self._probe_source = source
        fn = partial(_swap_job, param=key[0], f=key[1], c=key[2], kernel=self._kernel.copy(),
                     learned=self.swapped.get(key), image=image, layer=slot.layer)
        self.client.mutate_model(fn, owner=self, on_result=self._on_swapped,
                                 on_error=self._on_put_error)

    def restore_learned(self) -> None:
        """Bring back the exact learned weights of the chosen filter/channel."""
        key, slot = self.current_key(), self.current_slot()
        if key not in self.swapped:
            return
        image, source = self._network_input()
        self._probe_source = source
        fn = partial(_restore_job, model_id=self._swap_model_id, param=key[0], f=key[1], c=key[2],
                     learned=self.swapped[key], image=image, layer=slot.layer)
        self.client.mutate_model(fn, owner=self, on_result=self._on_restored,
                                 on_error=self._on_restore_error)

    def _on_swapped(self, res: filter_swap.SwapResult):
        key = (res.param, res.f, res.c)
        self.swapped.setdefault(key, res.previous)
        self._swap_model_id = res.model_id
        self.learned_grid.set_kernel(self.swapped[key])
        layer = res.param.rsplit(".", 1)[0]
        self._say(lambda: fill(translate(
            "FilterSwapBox", "Your kernel is now filter %1, channel %2 of %3. Every panel uses "
                             "it; “Restore learned filter” puts the learned weights back."),
            res.f, res.c, layer), True)
        self._show_probes(learned=res.before, yours=res.after)
        self._update_buttons()

    def _on_restored(self, res: filter_swap.SwapResult):
        key = (res.param, res.f, res.c)
        self.swapped.pop(key, None)
        self.learned_grid.set_kernel(res.current)
        self._say(lambda: fill(translate(
            "FilterSwapBox", "Learned weights of filter %1, channel %2 restored exactly."),
            res.f, res.c), True)
        self._show_probes(learned=res.after, yours=res.before)
        self._update_buttons()

    def _show_maps(self, on: bool) -> None:
        """Show the two feature maps (hidden while there is none: two blank boxes took the
        height the prediction chart needs)."""
        for w in (self.before_widget, self.after_widget, self.learned_map_label,
                  self.yours_map_label):
            w.setVisible(on)

    def _show_probes(self, learned, yours):
        if learned is None or yours is None:
            self._caption(lambda: translate(
                "FilterSwapBox", "No input image for the network yet: draw a digit or pick a test "
                                 "image."))
            return
        source = self._probe_source
        if learned.feature_map is not None and yours.feature_map is not None:
            m = float(max(np.abs(learned.feature_map).max(),
                          np.abs(yours.feature_map).max())) or 1.0
            self.before_item.setImage(learned.feature_map, levels=(-m, m))
            self.after_item.setImage(yours.feature_map, levels=(-m, m))
            self._show_maps(True)
            self._caption(lambda: fill(translate(
                "FilterSwapBox", "Output of %1, filter %2, for %3 (blue negative, red positive, "
                                 "both on ±%4)."),
                yours.layer, yours.filter, render(source), f"{m:.3g}"))
        else:
            self._show_maps(False)
            self._caption(lambda: fill(translate(
                "FilterSwapBox", "%1 sits inside a block, so its own output is not traced; the "
                                 "prediction below still shows the change."), yours.layer))
        self.bars.set_probabilities(yours.proba)
        self.bars.set_secondary(learned.proba)
        a, b = learned.prediction, yours.prediction
        pa, pb = f"{learned.proba[a]:.1%}", f"{yours.proba[b]:.1%}"
        self._prediction_text = lambda: fill(translate(
            "FilterSwapBox", "Prediction: learned %1 (%2) → yours %3 (%4)"),
            a, pa, b, pb)
        self.prediction.setText(render(self._prediction_text))
