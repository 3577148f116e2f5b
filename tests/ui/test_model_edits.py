"""A kernel put into the live model is said everywhere: status bar, Draw panel, saved file."""


import pytest

from explorer.app import build_window
from explorer.engine import load_model
from explorer.ui.engine_strings import describe_edits


@pytest.fixture
def window(qtbot):
    w = build_window()
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    yield w
    w.close()


def _panel(window, name):
    return next(p for p in window.panels if p.objectName() == name)


def test_describe_edits():
    assert describe_edits(()) == ""
    assert describe_edits([{"layer": "conv1", "filter": 0, "channel": 0}]) == \
        "edited: conv1 filter 0 (channel 0) replaced"
    two = describe_edits([{"layer": "conv1", "filter": 0, "channel": 0},
                          {"layer": "conv2", "filter": 3, "channel": 4}])
    assert two == "edited: conv1 filter 0 (channel 0), conv2 filter 3 (channel 4) replaced"


def test_an_edited_live_model_says_so_and_saves_the_edit(window, qtbot, tmp_path):
    kernels, draw = _panel(window, "kernelPanel"), _panel(window, "drawPanel")
    box = kernels.network
    qtbot.waitUntil(lambda: box.current_slot() is not None, timeout=5000)
    box.select("conv1.weight", 0, 0)
    size = box.current_slot().shape[2]
    kernels.library.select("preset", "gaussian")
    kernels.size_spin.setValue(size)
    trained_info = window.client.model_info
    assert not trained_info.edits and "edited" not in window.model_label.text()

    box.put_button.click()
    qtbot.waitUntil(lambda: bool(window.client.model_info.edits), timeout=5000)
    status = window.model_label.text()
    assert "edited: conv1 filter 0 (channel 0) replaced" in status
    assert "measured before the edit" in status
    assert "measured before the edit" in draw.model_note.text()
    assert "conv1 filter 0" in draw.model_note.text()

    path = tmp_path / "edited.npz"
    window.save_model_to(str(path))
    qtbot.waitUntil(lambda: "Saved the model" in window.statusBar().currentMessage(),
                    timeout=10000)
    saved = load_model(path)
    (edit,) = saved.metadata["edits"]
    assert (edit["layer"], edit["filter"], edit["channel"]) == ("conv1", 0, 0)
    assert len(edit["kernel"]) == size
    assert "with your kernel edits" in window.statusBar().currentMessage()

    box.restore_button.click()
    qtbot.waitUntil(lambda: not window.client.model_info.edits, timeout=5000)
    assert "edited" not in window.model_label.text()
    assert "before the edit" not in draw.model_note.text()
    assert window.client.model_info.accuracy == trained_info.accuracy
