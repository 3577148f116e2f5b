"""The training timeline bar: after a short run, scrubbing to a past epoch shows that network
in the Draw tab (and its filters in the Train tab); Back to live restores the live model; a
snapshot made live can be undone. The decisions (TimelineState) are tested without a window."""

import numpy as np
import pytest

from explorer.ui.panels.draw import DrawPanel
from explorer.ui.panels.train_results import TrainResults
from explorer.ui.state import AppState
from explorer.ui.timeline_logic import TimelineState, describe_snapshot
from explorer.ui.widgets.timeline_bar import TimelineBar
from explorer.worker import EngineClient


def _labels(*steps):
    return [{"epoch": -1 if s == 0 else i - 1, "accuracy": None if s == 0 else 0.5 + i / 10,
             "step": s} for i, s in enumerate(steps)]


def test_timeline_state_follows_snapshots_by_step_when_the_cap_drops_some():
    state = TimelineState()
    assert not state.visible and state.slider_range() == (0, 0)
    state.update({"labels": _labels(0, 2, 4, 6), "epochs": 3, "nbytes": 3 * 2**20,
                  "dropped": 0, "problem": ""})
    assert state.visible and state.slider_range() == (0, 3) and state.slider_value() == 3
    assert state.megabytes == pytest.approx(3.0)
    state.set_shown({**_labels(0, 2, 4)[2], "index": 2, "count": 4, "epochs": 3})
    assert state.shown_index == 2 and state.slider_value() == 2
    words = state.shown_words()
    assert (words.kind, words.epoch, words.epochs, words.step) == ("epoch", 2, 3, 4)
    assert words.accuracy == pytest.approx(70.0)
    # the cap dropped the snapshot of step 2: the shown one (step 4) is now index 1
    state.update({"labels": [_labels(0, 2, 4, 6)[i] for i in (0, 2, 3)], "epochs": 3})
    assert state.shown_index == 1
    state.update({"labels": _labels(0, 2), "epochs": 3})     # not kept any more
    assert state.shown_index is None and state.shown_words().epoch == 2
    state.start_run()
    assert state.labels == [] and state.shown is None and not state.visible
    assert describe_snapshot({"epoch": -1, "step": 0}, 3).kind == "before"
    partial = describe_snapshot({"epoch": 1, "step": 7, "partial": True, "accuracy": None}, 3)
    assert (partial.kind, partial.epoch, partial.step, partial.accuracy) == ("partial", 2, 7,
                                                                             None)


@pytest.fixture
def app(qtbot):
    from explorer.engine import build_model

    client = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    state = AppState()
    draw, bar, results = DrawPanel(client, state), TimelineBar(client), TrainResults()
    bar.sigShownFilters.connect(results.show_snapshot_filters)
    for widget in (draw, bar, results):
        qtbot.addWidget(widget)
        widget.show()
    qtbot.waitUntil(lambda: client.model_info is not None, timeout=10000)
    yield client, state, draw, bar, results
    client.shutdown()


def test_scrubbing_shows_an_epochs_network_in_the_draw_tab_and_back_to_live_restores(app,
                                                                                     qtbot):
    from explorer.data import load_builtin
    from explorer.training import TrainConfig

    client, state, draw, bar, results = app
    image = load_builtin().test_images[0].astype(np.float32) / 255.0
    state.set_current_input(image, "test set #0")
    qtbot.waitUntil(lambda: draw.last_result is not None, timeout=10000)
    live = draw.last_result["proba"].copy()
    results.show_filters(np.zeros((6, 1, 5, 5), np.float32))   # the run's own, shown before
    assert not bar.state.visible
    config = TrainConfig(model="lenet5", epochs=2, batch_size=16, train_limit=32, lr=0.01,
                         seed=2)
    with qtbot.waitSignal(client.sigTrainFinished, timeout=60000):
        client.start_training(config)
    qtbot.waitUntil(lambda: len(bar.state.labels) == 3, timeout=5000)
    assert bar.state.visible and bar.slider.maximum() == 2
    assert "snapshots" in bar.memory_label.text() and "MB" in bar.memory_label.text()
    epoch0 = client._worker.session.model_at(1)     # after epoch 0 (the run is idle now)
    expected = epoch0.predict_proba(image[None, None])[0]
    assert not np.allclose(expected, live, atol=1e-4)

    bar.slider.setValue(1)
    qtbot.waitUntil(lambda: bar.state.shown_index == 1, timeout=10000)
    qtbot.waitUntil(lambda: draw.last_result is not None and np.allclose(
        draw.last_result["proba"], expected, atol=1e-5), timeout=10000)
    assert "Showing epoch 1 of 2" in bar.shown_label.text()
    assert "not the live model" in bar.shown_label.text()
    assert "after epoch 1 of 2" in draw.model_note.text()
    assert bar.live_button.isEnabled() and bar.make_live_button.isEnabled()
    np.testing.assert_allclose(results._snapshot, epoch0.parameters()["conv1.weight"])
    assert "timeline snapshot" in results._filters_box.title()

    bar.live_button.click()
    qtbot.waitUntil(lambda: not bar.state.showing_snapshot, timeout=10000)
    qtbot.waitUntil(lambda: draw.last_result is not None and np.allclose(
        draw.last_result["proba"], live, atol=1e-5), timeout=10000)
    assert "live model" in bar.shown_label.text() and not bar.live_button.isEnabled()
    assert results._snapshot is None and "snapshot" not in results._filters_box.title()

    assert bar.slider.value() == 2       # while live, the handle rests on the newest snapshot
    bar.slider.sliderReleased.emit()     # releasing it there shows that snapshot
    qtbot.waitUntil(lambda: bar.state.shown_index == 2, timeout=10000)
    bar.make_live_button.click()
    qtbot.waitUntil(lambda: bar.undo_button.isVisibleTo(bar), timeout=10000)
    assert not bar.state.showing_snapshot and client.model_info.timeline is None
    final = client._worker.session.model_at(2).predict_proba(image[None, None])[0]
    qtbot.waitUntil(lambda: np.allclose(draw.last_result["proba"], final, atol=1e-5),
                    timeout=10000)
    bar.undo_button.click()
    qtbot.waitUntil(lambda: not bar.undo_button.isVisibleTo(bar), timeout=10000)
    qtbot.waitUntil(lambda: np.allclose(draw.last_result["proba"], live, atol=1e-5),
                    timeout=10000)
