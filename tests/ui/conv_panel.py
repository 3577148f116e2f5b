"""The Convolution panel as the UI tests build it: a LeNet-5 live model in its own engine
thread, the panel shown at 1200x800 once the model's maps have arrived, and helpers that pick
combo items as a user would."""

from __future__ import annotations

from contextlib import contextmanager

from explorer.engine import build_model
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.convolution import ConvolutionPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient


@contextmanager
def convolution_panel(qtbot, wait_for_maps: bool = True, architecture: str = "lenet5",
                      dataset: str | None = None):
    """Yield a shown `ConvolutionPanel` (``test_model``: its live model, an ``architecture``
    of `explorer.engine.build_model`; ``dataset``: the active data set's name, None for the
    default); its remembered set-up is cleared before and after, its timers stopped and its
    engine thread shut down after."""
    PanelSettings("convolution").clear()
    model = build_model(architecture, seed=0)
    client = EngineClient(load_live=lambda: (model, None, ""))
    state = AppState()
    if dataset is not None:
        state.set_dataset(dataset)
    p = ConvolutionPanel(client, state)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    if wait_for_maps:
        qtbot.waitUntil(lambda: p._snapshot is not None, timeout=10000)
    p.test_model = model
    try:
        yield p
    finally:
        p.timer.stop()
        p.backward_view.stop()
        client.shutdown()
        PanelSettings("convolution").clear()


def choose(combo, data):
    """Select the item whose data is ``data`` (it must exist)."""
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


def choose_input(p, data):
    """Pick an input from the form's list as a user does (the form reacts to ``activated``)."""
    choose(p.input_combo, data)
    p.input_combo.activated.emit(p.input_combo.currentIndex())
