"""The Draw tab's layout: the canvas keeps its size when the "Input from …" note appears, the
28x28 preview grows with its box, and the model is named once (in the status bar) unless
there is something to warn about."""

import numpy as np
import pytest

from tests.ui.draw_panel import draw_panel


@pytest.fixture
def panel(qtbot):
    with draw_panel(qtbot, "simple_convnet", seed=1, size=(1260, 700), trained=True) as shown:
        yield shown


def test_the_canvas_keeps_its_size_when_the_source_note_appears(panel, qtbot):
    qtbot.wait(20)
    before = panel.canvas.size()
    image = np.zeros((28, 28), np.float32)
    image[8:20, 12:16] = 1.0
    panel.state.set_current_input(image, "test image #3 (Data tab)")
    qtbot.waitUntil(panel.source_note.isVisible, timeout=2000)
    qtbot.wait(20)
    assert panel.source_note.text()
    assert panel.canvas.size() == before
    note = panel.source_note.geometry()
    assert panel.canvas.geometry().contains(note.center())   # over the canvas's lower edge


def test_the_preview_grows_with_its_box(panel, qtbot):
    qtbot.wait(20)
    rect = panel.seen._cell_rect(0)
    assert rect.width() > 160      # was 130 in a box four times as wide
    assert abs(rect.center().x() - panel.seen.width() // 2) <= 4   # in the middle


def test_the_model_is_named_only_in_the_status_bar_unless_there_is_a_warning(panel):
    assert panel.model_note.text() == "" and not panel.model_note.isVisible()
