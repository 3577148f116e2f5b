"""The training timeline through the engine thread: a snapshot shown instead of the live model
for read-only requests, back to live, made live with undo, and any change of the live model
showing it again."""

import numpy as np
import pytest
from PySide6.QtCore import QObject

from explorer.worker import LIVE_MODEL, EngineClient

X = np.random.default_rng(0).random((2, 1, 28, 28)).astype(np.float32)


@pytest.fixture
def engine(qtbot):
    from explorer.engine import build_model

    c = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    qtbot.waitUntil(lambda: c.model_info is not None, timeout=10000)
    yield c
    c.shutdown()


def _ask(engine, qtbot, owner, fn, **kw):
    out = []
    engine.request(fn, owner=owner, key="ask", on_result=out.append, on_error=out.append, **kw)
    qtbot.waitUntil(lambda: bool(out), timeout=10000)
    return out[0]


def _step(engine, qtbot, owner, action, index=None):
    out = []
    engine.timeline(action, index, owner=owner, on_result=out.append, on_error=out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10000)
    return out[0]


def test_a_snapshot_is_shown_made_live_and_undone_without_touching_the_live_model(engine,
                                                                                   qtbot):
    from explorer.training import TrainConfig

    owner = QObject(engine)
    proba = lambda m: m.predict_proba(X)                            # noqa: E731
    live = _ask(engine, qtbot, owner, proba)
    assert "No training run" in _step(engine, qtbot, owner, "show", 0)
    config = TrainConfig(model="lenet5", epochs=2, batch_size=16, train_limit=32, lr=0.01,
                         seed=1)
    with qtbot.waitSignal(engine.sigTrainFinished, timeout=60000) as done:
        engine.start_training(config)
    labels = done.args[0]["timeline"]["labels"]
    assert [label["epoch"] for label in labels] == [-1, 0, 1]
    session = engine._worker.session            # idle now: read from this thread
    expected = [proba(session.model_at(i)) for i in range(3)]

    changes = []
    engine.sigModelChanged.connect(changes.append)
    answer = _step(engine, qtbot, owner, "show", 1)
    assert answer["info"].timeline["epoch"] == 0 and answer["info"].timeline["count"] == 3
    assert changes[-1].timeline["index"] == 1 and engine.model_info.timeline is not None
    np.testing.assert_allclose(_ask(engine, qtbot, owner, proba), expected[1], atol=1e-6)
    np.testing.assert_allclose(answer["filters"],
                               session.model_at(1).parameters()["conv1.weight"])
    # the live model is untouched: a LIVE_MODEL request (saving) still sees it
    np.testing.assert_allclose(_ask(engine, qtbot, owner, proba, target=LIVE_MODEL), live,
                               atol=1e-6)
    assert _step(engine, qtbot, owner, "live")["info"].timeline is None
    np.testing.assert_allclose(_ask(engine, qtbot, owner, proba), live, atol=1e-6)

    # a mutation of the live model shows the live model again
    _step(engine, qtbot, owner, "show", 0)
    engine.mutate_model(lambda m: None, owner=owner)
    qtbot.waitUntil(lambda: changes[-1].timeline is None, timeout=10000)
    np.testing.assert_allclose(_ask(engine, qtbot, owner, proba), live, atol=1e-6)

    made = _step(engine, qtbot, owner, "make_live", 2)
    assert made["info"].timeline is None and made["can_undo"]
    assert made["info"].accuracy == pytest.approx(labels[2]["accuracy"])
    np.testing.assert_allclose(_ask(engine, qtbot, owner, proba, target=LIVE_MODEL),
                               expected[2], atol=1e-6)
    undone = _step(engine, qtbot, owner, "undo")
    assert not undone["can_undo"]
    np.testing.assert_allclose(_ask(engine, qtbot, owner, proba), live, atol=1e-6)
    assert "nothing to undo" in _step(engine, qtbot, owner, "undo")
