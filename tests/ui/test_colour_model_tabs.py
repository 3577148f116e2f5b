"""Smoke test: with a colour (3x32x32) live model and the colour data set, every tab can be
visited and shows something sensible instead of failing (issue 15)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

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


def _panel(window, name):
    return window.panels[[p.objectName() for p in window.panels].index(name)]


def _visit_every_tab(window, qtbot):
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(300)


def test_every_tab_works_with_a_colour_model(window, qtbot, tmp_path):
    errors = []
    window.client.sigUnhandledError.connect(errors.append)
    with qtbot.waitSignal(window.client.sigModelChanged, timeout=15000):
        window.client.replace_live_model(_tiny_vgg, owner=window)
    draw = _panel(window, "drawPanel")
    assert not draw.canvas.isEnabled()
    assert "3x32x32" in draw.canvas_note.text() and "1x28x28" in draw.canvas_note.text()

    window.state.set_dataset(COLOUR_MNIST_NAME)
    _visit_every_tab(window, qtbot)
    data = _panel(window, "dataPanel")
    qtbot.waitUntil(lambda: data.dataset is not None and data.dataset.is_colour, timeout=15000)
    data._on_sample_clicked(0)
    assert window.state.current_input.shape == (32, 32, 3)
    # the Draw tab classifies the colour image as it is
    qtbot.waitUntil(lambda: draw.last_result is not None, timeout=10000)
    assert draw.last_result["pre"].shape == (32, 32, 3)
    np.testing.assert_allclose(draw.last_result["proba"].sum(), 1.0, atol=1e-5)

    # Kernel lab: the current (colour) image, filtered by brightness, probes the network
    kernels = _panel(window, "kernelPanel")
    window.tabs.setCurrentWidget(kernels)
    kernels.source_combo.setCurrentIndex(kernels.source_combo.findData("digit"))
    assert kernels.image.shape == (32, 32) and "brightness" in kernels.input_note.text()
    qtbot.waitUntil(lambda: kernels.network.layer_combo.count() > 0, timeout=10000)
    with qtbot.waitSignal(window.client.sigModelChanged, timeout=10000):
        kernels.network.put_kernel()
    qtbot.wait(300)
    assert "could not" not in kernels.network.status.text()

    _visit_every_tab(window, qtbot)

    # an own picture, scaled and centre-cropped to the model's 32x32 colour input
    pixels = np.zeros((40, 80, 3), np.uint8)
    pixels[:, :, 0] = 255                       # red, with a green middle square
    pixels[10:30, 30:50] = (0, 255, 0)
    path = tmp_path / "photo.png"
    QImage(pixels.data, 80, 40, 240, QImage.Format.Format_RGB888).save(str(path))
    window.tabs.setCurrentWidget(draw)
    image = draw.picture_bar.open(str(path))
    assert image.shape == (32, 32, 3)
    np.testing.assert_allclose(image[16, 16], (0, 1, 0), atol=0.02)    # the middle is green
    np.testing.assert_allclose(image[1, 1], (1, 0, 0), atol=0.02)      # the edge red
    assert "photo.png" in window.state.current_input_source
    qtbot.waitUntil(lambda: draw.last_result is not None
                    and np.array_equal(draw.last_result["pre"], image), timeout=10000)
    assert not errors


def test_a_grey_model_with_colour_data_says_so_instead_of_failing(window, qtbot):
    """The shipped 1x28x28 model stays live while the colour set is chosen: each tab that runs
    the network says the input does not fit; nothing raises."""
    errors = []
    window.client.sigUnhandledError.connect(errors.append)
    window.state.set_dataset(COLOUR_MNIST_NAME)
    data = _panel(window, "dataPanel")
    window.tabs.setCurrentWidget(data)
    qtbot.waitUntil(lambda: data.dataset is not None and data.dataset.is_colour, timeout=15000)
    data._on_sample_clicked(1)
    _visit_every_tab(window, qtbot)
    draw = _panel(window, "drawPanel")
    qtbot.waitUntil(lambda: draw.last_error is not None, timeout=5000)
    assert "3x32x32" in draw.last_error and "1x28x28" in draw.last_error
    assert not errors
