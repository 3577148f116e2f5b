"""The Draw panel as the UI tests build it: a live model in its own engine thread, the panel
shown at a given size once the model's description has arrived."""

from __future__ import annotations

from contextlib import contextmanager

from explorer.engine import build_model
from explorer.ui.panels.draw import DrawPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient


@contextmanager
def draw_panel(qtbot, architecture: str, seed: int, size=(900, 600), trained: bool = False):
    """Yield a shown `DrawPanel` whose live model is ``build_model(architecture, seed)``
    (marked trained when ``trained``); its engine thread is shut down after."""
    def load():
        model = build_model(architecture, seed=seed)
        if trained:
            model.metadata["trained"] = True
        return model, None, ""

    client = EngineClient(load_live=load)
    panel = DrawPanel(client, AppState())
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitUntil(lambda: client.model_info is not None, timeout=10000)
    try:
        yield panel
    finally:
        client.shutdown()
