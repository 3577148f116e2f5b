"""The Layers tab's score strip (the last layer) names its classes under the cells."""

import numpy as np

from explorer.engine import build_model
from explorer.ui.panels.layers import LayersPanel
from explorer.ui.state import AppState
from explorer.ui.widgets.number_grid import NumberGrid
from explorer.worker import EngineClient


def test_the_score_strip_has_its_digits_under_it(qtbot):
    model = build_model("lenet5", seed=1)
    client = EngineClient(load_live=lambda: (model, None, ""))
    panel = LayersPanel(client, AppState())
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    try:
        qtbot.waitUntil(lambda: bool(panel.outputs), timeout=10000)
        names = panel.layer_names()
        panel.select_layer(names[-1])
        assert panel.strip.column_labels == [str(d) for d in range(10)]
        panel.select_layer(names[-3])   # a hidden dense layer: numbered, no class labels
        assert panel.strip.column_labels is None
    finally:
        client.shutdown()


def test_column_labels_take_a_band_under_the_cells(qtbot):
    grid = NumberGrid(cell_size=40)
    qtbot.addWidget(grid)
    grid.resize(400, 60)
    grid.set_matrix(np.arange(10.0)[None, :])
    plain = grid.cell_rect(0, 0)
    grid.column_labels = [str(d) for d in range(10)]
    labelled = grid.cell_rect(0, 0)
    assert labelled.bottom() + grid.fontMetrics().height() <= grid.height()
    assert labelled.top() < plain.top()   # the cells move up to leave the band
    grid.show()
    grid.grab()   # paints the labels without error
