"""The Kernel lab needs no scrolling at 1280x800 with the training timeline bar shown (issue
17), in English and Chinese, once a kernel is in the network (feature maps and chart shown) and
a message is on the status line: the prediction chart keeps a readable height."""

import numpy as np
import pytest

from explorer.engine import build_model
from explorer.ui.language import install_language
from explorer.ui.panels.kernels import KernelPanel
from explorer.ui.state import AppState, app_settings
from explorer.ui.widgets import kernel_library
from explorer.worker import EngineClient

#: The tab's room in a 1280x800 window with the timeline bar shown (menu, tab bar, timeline
#: bar and status bar take about 106 pixels).
ROOM = (1260, 690)


@pytest.fixture(params=["en", "zh_CN"])
def panel(request, qtbot, tmp_path, monkeypatch):
    install_language(request.param)
    monkeypatch.setattr(kernel_library, "user_kernels_path", lambda: tmp_path / "k.json")
    app_settings().remove("kernels")
    client = EngineClient(load_live=lambda: (build_model("lenet5", seed=3), None, ""))
    p = KernelPanel(client, AppState())
    qtbot.addWidget(p)
    try:
        p.resize(*ROOM)
        p.show()
        qtbot.waitUntil(lambda: p.network.current_slot() is not None, timeout=10000)
        yield p
    finally:
        client.shutdown()
        app_settings().remove("kernels")
        install_language("en")


def test_the_lab_with_a_kernel_in_the_network_needs_no_scrolling(panel, qtbot):
    net = panel.network
    digit = np.zeros((28, 28), np.float32)
    digit[4:24, 12:16] = 1.0
    panel.state.set_current_input(digit, "draw")
    panel.library.select("preset", "log")        # 5x5 as conv1's; said on the status line
    assert panel.status.isVisible() and panel.status.text()
    net.put_kernel()
    qtbot.waitUntil(lambda: net.before_widget.isVisible(), timeout=10000)
    qtbot.wait(50)
    for i in (0, 2):
        column = panel.columns.widget(i)
        assert not column.verticalScrollBar().isVisible(), i
    assert net.bars.height() >= 160
