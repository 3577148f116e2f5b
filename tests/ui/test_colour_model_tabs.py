"""Smoke test: with a colour (3x32x32) live model and the colour data set, every tab can be
visited and shows something sensible instead of failing (issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from explorer.app import build_window
from explorer.data.colour_mnist import COLOUR_MNIST_NAME


def _tiny_vgg(_live):
    from explorer.engine import build_model

    return build_model("tiny_vgg", seed=0), None, ""


@pytest.fixture
def window(qtbot):
    w = build_window()
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    yield w
    w.shutdown()


def test_every_tab_works_with_a_colour_model(window, qtbot):
    errors = []
    window.client.sigUnhandledError.connect(errors.append)
    with qtbot.waitSignal(window.client.sigModelChanged, timeout=15000):
        window.client.replace_live_model(_tiny_vgg, owner=window)
    window.state.set_dataset(COLOUR_MNIST_NAME)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(400)
        QApplication.processEvents()
    data = window.panels[[p.objectName() for p in window.panels].index("dataPanel")]
    qtbot.waitUntil(lambda: data.dataset is not None and data.dataset.is_colour, timeout=15000)
    data._on_sample_clicked(0)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(400)
    assert not errors
