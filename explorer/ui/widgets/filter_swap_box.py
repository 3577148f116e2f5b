"""“Into the network”: put the lab's kernel into one filter of a conv layer of the live model,
see that layer's feature map and the prediction change, and restore the learned filter.

All model access goes through the worker (``client.request`` / ``client.mutate_model`` with the
functions of ``explorer.engine.filter_swap``); this widget only shows what comes back.
"""

from __future__ import annotations

from functools import partial
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QVBoxLayout)

from explorer.engine import filter_swap
from explorer.ui.widgets.kernel_grid import KernelGrid
from explorer.ui.widgets.probability_bars import ProbabilityBars



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


def _map_view(title: str):
    """A small pyqtgraph view with one row-major ImageItem (created once)."""
    widget = pg.GraphicsLayoutWidget()
    widget.setBackground("w")
    widget.setFixedHeight(150)
    widget.setMinimumWidth(120)
    view = widget.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
    view.setMenuEnabled(False)
    item = pg.ImageItem(axisOrder="row-major")
    item.setLookupTable(pg.colormap.get("CET-D1").getLookupTable(nPts=256))
    view.addItem(item)
    widget.setToolTip(title)
    return widget, view, item


class FilterSwapBox(QGroupBox):
    """Needs the current kernel (``set_kernel``) and a way to get the network's input:
    ``network_input() -> (image (28, 28) float32 or None, description)``.
    ``sigFitRequested(n)``: the user asked for an ``n x n`` grid to match the chosen layer."""

    sigFitRequested = Signal(int)

    def __init__(self, client, network_input: Callable[[], tuple], parent=None):
        super().__init__(translate("FilterSwapBox", "Into the network"), parent)
        self.setObjectName("filterSwapBox")
        self.client = client
        self._network_input = network_input
        self._kernel: np.ndarray | None = None
        self._slots: list[filter_swap.ConvSlot] = []
        self._model_id: int | None = None
        #: (param, f, c) -> learned (KH, KW) values, for the slots holding the user's kernel now
        self.swapped: dict[tuple[str, int, int], np.ndarray] = {}
        self._swap_model_id: int | None = None
        self._probe_source = ""
        self._shown_key = None

        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(translate(
            "FilterSwapBox", "The conv layer of the live model whose filter you replace."))
        self.filter_spin = QSpinBox()
        self.filter_spin.setToolTip(translate(
            "FilterSwapBox", "Which filter (output channel) of the layer to replace."))
        self.channel_spin = QSpinBox()
        self.channel_spin.setToolTip(translate(
            "FilterSwapBox", "A filter has one kernel per input channel; this picks which one."))
        self.put_button = QPushButton(translate("FilterSwapBox", "&Put kernel into filter"))
        self.put_button.setToolTip(translate(
            "FilterSwapBox", "Replace the learned kernel of this filter and channel by the one in "
                             "the grid; the prediction everywhere in the app changes at once."))
        self.restore_button = QPushButton(translate("FilterSwapBox", "Restore lea&rned filter"))
        self.restore_button.setToolTip(translate(
            "FilterSwapBox", "Put back the exact learned weights of this filter."))
        self.fit_button = QPushButton()
        self.fit_button.setToolTip(translate(
            "FilterSwapBox", "Resize the kernel grid to this layer's kernel size."))
        self.fit_button.setVisible(False)
        self.fit_button.clicked.connect(self._on_fit_clicked)
        self.follow_check = QCheckBox(translate("FilterSwapBox", "Follo&w edits"))
        self.follow_check.setToolTip(translate(
            "FilterSwapBox", "While your kernel is in the filter, every valid edit goes into the "
                             "network at once and the feature map and prediction follow."))
        # 5x5 at 36 px a cell; a 7x7 kernel shrinks to 28 px so both grids fit side by side
        self.learned_grid = KernelGrid(read_only=True, cell_size=36, decimals=2, max_side=200)
        self.learned_grid.setToolTip(translate(
            "FilterSwapBox", "The weights the network learned for this filter and channel."))
        self.yours_grid = KernelGrid(read_only=True, cell_size=36, decimals=2, max_side=200)
        self.yours_grid.setToolTip(translate(
            "FilterSwapBox", "Your kernel, as it would go into the filter."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("filterSwapStatus")
        self.before_widget, self.before_view, self.before_item = _map_view(
            translate(
                "FilterSwapBox", "This layer's output for the chosen filter with the learned "
                                 "kernel"))
        self.after_widget, self.after_view, self.after_item = _map_view(
            translate("FilterSwapBox", "The same output with your kernel in the filter"))
        self.map_caption = QLabel(translate(
            "FilterSwapBox", "Press “Put kernel into filter” to see this layer's output and the "
                             "prediction with the learned filter and with yours."))
        self.map_caption.setWordWrap(True)
        self.bars = ProbabilityBars()
        self.bars.setObjectName("filterSwapBars")
        self.bars.set_legend(translate("FilterSwapBox", "with your kernel"),
                             translate("FilterSwapBox", "its answer"),
                             translate("FilterSwapBox", "learned filter"))
        self.bars.setFixedHeight(190)
        self.bars.setToolTip(translate(
            "FilterSwapBox", "Coloured bars: the prediction with your kernel. Grey bars: with the "
                             "learned filter."))
        self.prediction = QLabel()
        self.prediction.setObjectName("filterSwapPrediction")

        pick = QGridLayout()
        pick.addWidget(QLabel(translate("FilterSwapBox", "Layer")), 0, 0)
        pick.addWidget(self.layer_combo, 0, 1, 1, 3)
        pick.addWidget(QLabel(translate("FilterSwapBox", "Filter")), 1, 0)
        pick.addWidget(self.filter_spin, 1, 1)
        pick.addWidget(QLabel(translate("FilterSwapBox", "Channel")), 1, 2)
        pick.addWidget(self.channel_spin, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.put_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.follow_check)
        grids = QGridLayout()
        grids.addWidget(QLabel(translate(
            "FilterSwapBox", "Learned")), 0, 0, Qt.AlignmentFlag.AlignHCenter)
        grids.addWidget(QLabel(translate(
            "FilterSwapBox", "Yours")), 0, 1, Qt.AlignmentFlag.AlignHCenter)
        grids.addWidget(self.learned_grid, 1, 0, Qt.AlignmentFlag.AlignTop)
        grids.addWidget(self.yours_grid, 1, 1, Qt.AlignmentFlag.AlignTop)
        maps = QGridLayout()
        maps.addWidget(QLabel(translate("FilterSwapBox", "Feature map, learned")), 0, 0)
        maps.addWidget(QLabel(translate("FilterSwapBox", "Feature map, yours")), 0, 1)
        maps.addWidget(self.before_widget, 1, 0)
        maps.addWidget(self.after_widget, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addLayout(buttons)
        layout.addLayout(grids)
        layout.addWidget(self.status)
        layout.addWidget(self.fit_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(maps)
        layout.addWidget(self.map_caption)
        layout.addWidget(self.prediction)
        layout.addWidget(self.bars)
        layout.addStretch(1)

        self.layer_combo.currentIndexChanged.connect(self._on_slot_change)
        self.filter_spin.valueChanged.connect(self._on_slot_change)
        self.channel_spin.valueChanged.connect(self._on_slot_change)
        self.put_button.clicked.connect(self.put_kernel)
        self.restore_button.clicked.connect(self.restore_learned)
        client.sigModelChanged.connect(self._on_model_change)
        self._set_enabled(False)
        self.status.setText(translate("FilterSwapBox", "Waiting for the live model…"))
        if getattr(client, "model_info", None) is not None:
            self._on_model_change(client.model_info)

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
            self.status.setText(translate(
                "FilterSwapBox", "The filter still holds the kernel you put in before: press “Put "
                                 "kernel into filter” again, or tick “Follow edits”."))
            self.status.setProperty("sticky", True)

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
        if reason and square:
            self.fit_button.setText(translate(
                "FilterSwapBox", "Make the grid {0}x{0}").format(slot.shape[2]))
        if reason:
            self.status.setText(translate(
                "FilterSwapBox", "Cannot put this kernel in: {0}").format(reason))
        elif self.current_slot() is not None and not self.status.property("sticky"):
            self.status.setText("")

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
        self.filter_spin.setSuffix(translate("FilterSwapBox", " of 0–{0}").format(f_max))
        self.channel_spin.setSuffix(translate("FilterSwapBox", " of 0–{0}").format(c_max))
        key = self.current_key()
        if key != self._shown_key:  # a message about another filter no longer applies
            self.status.setProperty("sticky", False)
            self._shown_key = key
        if key in self.swapped:
            self.learned_grid.set_kernel(self.swapped[key])
            self.status.setText(translate("FilterSwapBox", "Your kernel is in this filter now."))
            self.status.setProperty("sticky", True)
        else:
            self.client.request(
                partial(filter_swap.read_filter, param=key[0], f=key[1], c=key[2]), owner=self,
                key="learned", on_result=self.learned_grid.set_kernel, on_error=self._on_error)
        self._update_fit()

    # --- talking to the worker --------------------------------------------------------------
    def _on_model_change(self, info):
        self.client.request(_slots_with_id, owner=self, key="slots",
                            on_result=lambda result: self._on_slots(*result),
                            on_error=self._on_error)

    def _on_error(self, message: str):
        self.status.setText(message)
        self.status.setProperty("sticky", True)

    def _on_slots(self, model_id: int, slots: list):
        if self._swap_model_id is not None and model_id != self._swap_model_id and self.swapped:
            self.status.setText(translate(
                "FilterSwapBox", "The live model changed: its filters are its own, nothing to "
                                 "restore."))
            self.status.setProperty("sticky", True)
            self.swapped.clear()
        self._model_id = model_id
        current = self.current_key()
        self._slots = list(slots)
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for s in self._slots:
            f, c, kh, kw = s.shape
            self.layer_combo.addItem(translate(
                "FilterSwapBox", "{0}: {1} filters × {2} channels, {3}x{4}").format(
                s.layer, f, c, kh, kw))
        self.layer_combo.blockSignals(False)
        if not self._slots:
            self._set_enabled(False)
            self.status.setText(translate("FilterSwapBox", "The live model has no conv layer."))
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
        reason = self._mismatch()
        if reason:
            self.status.setText(translate(
                "FilterSwapBox", "Cannot put this kernel in: {0}").format(reason))
            return
        image, source = self._network_input()
        self._probe_source = source
        fn = partial(_swap_job, param=key[0], f=key[1], c=key[2], kernel=self._kernel.copy(),
                     learned=self.swapped.get(key), image=image, layer=slot.layer)
        self.client.mutate_model(fn, owner=self, on_result=self._on_swapped,
                                 on_error=self._on_error)

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
                                 on_error=self._on_error)

    def _on_swapped(self, res: filter_swap.SwapResult):
        key = (res.param, res.f, res.c)
        self.swapped.setdefault(key, res.previous)
        self._swap_model_id = res.model_id
        self.learned_grid.set_kernel(self.swapped[key])
        self.status.setText(translate(
            "FilterSwapBox", "Your kernel is now filter {0}, channel {1} of {2}. Every panel uses "
                             "it; “Restore learned filter” puts the learned weights back.")
                            .format(res.f, res.c, res.param.rsplit(".", 1)[0]))
        self.status.setProperty("sticky", True)
        self._show_probes(learned=res.before, yours=res.after)
        self._update_buttons()

    def _on_restored(self, res: filter_swap.SwapResult):
        key = (res.param, res.f, res.c)
        self.swapped.pop(key, None)
        self.learned_grid.set_kernel(res.current)
        self.status.setText(translate(
            "FilterSwapBox", "Learned weights of filter {0}, channel {1} restored exactly.").format(
            res.f, res.c))
        self.status.setProperty("sticky", True)
        self._show_probes(learned=res.after, yours=res.before)
        self._update_buttons()

    def _show_probes(self, learned, yours):
        if learned is None or yours is None:
            self.map_caption.setText(translate(
                "FilterSwapBox", "No input image for the network yet: draw a digit or pick a test "
                                 "image."))
            return
        if learned.feature_map is not None and yours.feature_map is not None:
            m = float(max(np.abs(learned.feature_map).max(),
                          np.abs(yours.feature_map).max())) or 1.0
            self.before_item.setImage(learned.feature_map, levels=(-m, m))
            self.after_item.setImage(yours.feature_map, levels=(-m, m))
            self.map_caption.setText(translate(
                "FilterSwapBox", "Output of {0}, filter {1}, for {2} (blue negative, red "
                                 "positive, both on ±{3:.3g}).").format(yours.layer, yours.filter,
                                                                       self._probe_source, m))
        else:
            self.map_caption.setText(translate(
                "FilterSwapBox", "{0} sits inside a block, so its own output is not traced; the "
                                 "prediction below still shows the change.").format(yours.layer))
        self.bars.set_probabilities(yours.proba)
        self.bars.set_secondary(learned.proba)
        a, b = learned.prediction, yours.prediction
        self.prediction.setText(translate(
            "FilterSwapBox", "Prediction: learned {0} ({1:.1%}) → with your kernel {2} ({3:.1%})")
                                .format(a, learned.proba[a], b, yours.proba[b]))
