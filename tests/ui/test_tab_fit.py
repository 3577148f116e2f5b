"""Tabs at 1280x800 need no scrolling: the Data tab's statistics column takes the viewport's
height (it was as tall as its wrapped texts wanted), the Layers table keeps four rows."""

import pytest
from PySide6.QtWidgets import QScrollArea

from explorer.engine import build_model
from explorer.ui.panels.data import DataPanel
from explorer.ui.panels.layers import LayersPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient


def _model():
    return build_model("lenet5", seed=1), None, ""


# what a 1280x800 window leaves a tab (menu, tabs, status bar), and with the timeline bar
@pytest.mark.parametrize("height", [725, 690])
def test_the_data_statistics_need_no_scrolling_at_1280x800(qtbot, tmp_path, height):
    client = EngineClient(load_live=_model)
    panel = DataPanel(client, AppState(), cache_dir=tmp_path)
    qtbot.addWidget(panel)
    try:
        panel.resize(1260, height)
        panel.show()
        qtbot.waitUntil(lambda: panel.stats_box.means_grid.count() == 10, timeout=15000)
        scroll = panel.findChild(QScrollArea, "dataStatsScroll")
        qtbot.wait(50)
        assert not scroll.verticalScrollBar().isVisible()
        assert scroll.widget().height() <= scroll.viewport().height()
    finally:
        panel.shutdown()
        client.shutdown()


def test_the_layers_table_shows_four_rows_in_a_short_window(qtbot):
    client = EngineClient(load_live=_model)
    panel = LayersPanel(client, AppState())
    qtbot.addWidget(panel)
    try:
        panel.resize(1004, 600)
        panel.show()
        qtbot.waitUntil(lambda: bool(panel.outputs), timeout=10000)
        qtbot.wait(50)
        table = panel.table
        visible = table.viewport().height() / table.verticalHeader().defaultSectionSize()
        assert visible >= 4 - 1e-6
    finally:
        client.shutdown()
