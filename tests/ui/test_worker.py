"""The engine thread bridge: coalesced requests, stale results dropped, copies, errors,
training metrics while the GUI thread runs, pause/resume/stop, prompt shutdown."""

import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QObject

from explorer.worker import EngineClient, ModelInfo, PendingRequests, detach


class _Model:
    """A stand-in live model for the request tests (the worker never looks inside)."""

    name = "double"
    n_params = 3
    metadata = {"accuracy": 0.5}

    def __init__(self):
        self.weights = np.zeros(3)
        self.thread = None

    def summary(self):
        return [{"name": "w", "type": "Dense", "n_params": 3}]

    def copy(self):
        other = _Model()
        other.weights = self.weights.copy()
        return other


@pytest.fixture
def client(qtbot):
    model = _Model()
    c = EngineClient(load_live=lambda: (model, None, ""))
    qtbot.waitUntil(lambda: c.model_info is not None, timeout=5000)
    c.test_model = model
    yield c
    c.shutdown()


class _Receiver:
    """Collects the answers delivered to one owner."""

    def __init__(self):
        self.owner = QObject()
        self.results, self.errors = [], []

    def ask(self, client, fn, key="k", **kw):
        return client.request(fn, owner=self.owner, key=key, on_result=self.results.append,
                              on_error=self.errors.append, **kw)


def test_request_runs_in_the_worker_thread_and_returns_a_copy(client, qtbot):
    seen = {}

    def fn(model):
        seen["thread"] = threading.get_ident()
        return {"w": model.weights}

    rx = _Receiver()
    rx.ask(client, fn)
    qtbot.waitUntil(lambda: bool(rx.results), timeout=5000)
    (result,) = rx.results
    assert seen["thread"] != threading.get_ident()
    assert result["w"] is not client.test_model.weights
    np.testing.assert_array_equal(result["w"], client.test_model.weights)


def test_requests_are_coalesced_and_stale_results_dropped(client, qtbot):
    gate = threading.Event()
    ran = []

    def slow(model):
        gate.wait(5)
        ran.append("slow")
        return "slow"

    rx = _Receiver()
    first = rx.ask(client, slow, key="draw")           # the worker blocks in this one
    qtbot.waitUntil(lambda: len(client._pending) == 0, timeout=5000)   # taken by the worker
    ids = [rx.ask(client, lambda m, k=k: k, key="draw") for k in range(20)]
    gate.set()
    qtbot.waitUntil(lambda: client.awaited(rx.owner) == 0, timeout=5000)
    # the first (already running) one finished but is stale: dropped; of the 20 queued only
    # the newest ran
    assert rx.results == [19] and ran == ["slow"]
    assert first < ids[0]


def test_keys_are_per_owner_and_per_key(client, qtbot):
    a, b = _Receiver(), _Receiver()
    a.ask(client, lambda m: "a1", key="x")
    a.ask(client, lambda m: "a2", key="y")
    b.ask(client, lambda m: "b1", key="x")
    qtbot.waitUntil(lambda: len(a.results) == 2 and len(b.results) == 1, timeout=5000)
    assert sorted(a.results) == ["a1", "a2"] and b.results == ["b1"]


def test_a_destroyed_owner_gets_nothing_and_its_pending_requests_never_run(client, qtbot):
    gate = threading.Event()
    ran = []
    blocker = _Receiver()
    blocker.ask(client, lambda m: gate.wait(5))
    qtbot.waitUntil(lambda: len(client._pending) == 0, timeout=5000)
    rx = _Receiver()
    rx.ask(client, lambda m: ran.append("pending") or "late")
    called = []
    rx.owner.destroyed.connect(lambda *_: called.append(True))
    rx.owner.deleteLater()
    qtbot.waitUntil(lambda: bool(called), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: client.awaited(blocker.owner) == 0, timeout=5000)
    probe = _Receiver()
    probe.ask(client, lambda m: "after")
    qtbot.waitUntil(lambda: probe.results == ["after"], timeout=5000)
    assert rx.results == [] and ran == []
    assert client.awaited(rx.owner) == 0


def test_cancel_drops_an_answer_on_its_way(client, qtbot):
    gate = threading.Event()
    rx = _Receiver()
    rx.ask(client, lambda m: gate.wait(5) and "stale", key="classify")
    qtbot.waitUntil(lambda: len(client._pending) == 0, timeout=5000)
    client.cancel(rx.owner, "classify")
    gate.set()
    probe = _Receiver()
    probe.ask(client, lambda m: "after")
    qtbot.waitUntil(lambda: probe.results == ["after"], timeout=5000)
    assert rx.results == []


def test_mutations_are_never_coalesced_and_announce_the_model(client, qtbot):
    changes = []
    client.sigModelChanged.connect(changes.append)

    def add(model):
        model.weights += 1
        return float(model.weights[0])

    rx = _Receiver()
    for _ in range(5):
        client.mutate_model(add, owner=rx.owner, on_result=rx.results.append)
    qtbot.waitUntil(lambda: len(changes) == 5 and len(rx.results) == 5, timeout=5000)
    np.testing.assert_array_equal(client.test_model.weights, [5, 5, 5])
    assert rx.results == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert isinstance(changes[-1], ModelInfo) and changes[-1].accuracy == 0.5


def test_errors_reach_whoever_asked_with_a_message(client, qtbot):
    def bad(model):
        raise ValueError("kernel must be 3x3, got 4x4")

    rx = _Receiver()
    rx.ask(client, bad)
    qtbot.waitUntil(lambda: bool(rx.errors), timeout=5000)
    assert "3x3" in rx.errors[0] and rx.results == []
    # without an error handler the failure is still said, on the client's catch-all signal
    with qtbot.waitSignal(client.sigUnhandledError, timeout=5000) as blocker:
        client.request(bad, owner=rx.owner, key="other")
    assert "3x3" in blocker.args[0]


def test_an_owner_must_be_a_qobject(client):
    with pytest.raises(TypeError, match="owner"):
        client.request(lambda m: 1, owner="panel", key="k")
    with pytest.raises(ValueError, match="target"):
        client.request(lambda m: 1, owner=QObject(), key="k", target="other")


def test_pending_store_replaces_per_key():
    store = PendingRequests()
    assert store.put("a", (1,)) is True
    assert store.put("a", (2,)) is False
    assert store.put("b", (3,)) is False
    assert store.take_all() == [(2,), (3,)]
    assert len(store) == 0


def test_detach_copies_arrays_inside_containers():
    a = np.arange(3)
    out = detach({"x": [a, (a,)], "y": "s"})
    assert out["x"][0] is not a and out["x"][1][0] is not a
    np.testing.assert_array_equal(out["x"][0], a)


# --- training in the worker -----------------------------------------------------------------

def _config(**kw):
    from explorer.training import TrainConfig

    base = dict(model="lenet5", epochs=200, batch_size=16, train_limit=64, lr=0.001,
                eval_each_epoch=False, seed=3)
    base.update(kw)
    return TrainConfig(**base)


@pytest.fixture
def engine(qtbot):
    from explorer.engine import build_model

    c = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    qtbot.waitUntil(lambda: c.model_info is not None, timeout=10000)
    yield c
    c.shutdown()


def test_training_emits_batches_while_the_gui_thread_runs(engine, qtbot):
    from PySide6.QtCore import QTimer

    gui_ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: gui_ticks.append(time.perf_counter()))
    timer.start(5)
    batches = []
    engine.sigTrainBatch.connect(lambda p: batches.append((time.perf_counter(), p)))
    engine.start_training(_config())
    qtbot.waitUntil(lambda: len(batches) >= 12, timeout=30000)
    timer.stop()
    first, last = batches[0][0], batches[-1][0]
    # the GUI event loop kept turning while the batches ran (it was not blocked for the run);
    # how often depends on the machine's load, so only "at all" is asserted
    assert sum(first < t < last for t in gui_ticks) >= 1
    event = batches[-1][1]["event"]
    assert np.isfinite(event.loss) and event.n_batches == 4
    assert [p["step"] for _, p in batches] == list(range(1, len(batches) + 1))
    # a prediction is served between batches while training runs
    rx = _Receiver()
    rx.ask(engine, lambda m: m.predict_proba(np.zeros((1, 1, 28, 28), np.float32)))
    qtbot.waitUntil(lambda: bool(rx.results), timeout=10000)
    assert rx.results[0].shape == (1, 10)
    with qtbot.waitSignal(engine.sigTrainFinished, timeout=20000) as done:
        engine.stop()
    assert done.args[0]["reason"] == "stopped"


def test_pause_stops_metrics_resume_continues_stop_ends(engine, qtbot):
    batches = []
    engine.sigTrainBatch.connect(batches.append)
    engine.start_training(_config())
    qtbot.waitUntil(lambda: len(batches) >= 2, timeout=20000)
    engine.pause()
    qtbot.waitUntil(lambda: engine.train_state == "paused", timeout=10000)
    n = len(batches)
    qtbot.wait(400)
    assert len(batches) == n
    engine.step_one_batch()
    qtbot.waitUntil(lambda: len(batches) == n + 1, timeout=10000)
    qtbot.wait(200)
    assert len(batches) == n + 1 and engine.train_state == "paused"
    engine.resume()
    qtbot.waitUntil(lambda: len(batches) >= n + 4, timeout=20000)
    engine.set_lr(0.0005)
    qtbot.waitUntil(lambda: batches[-1]["event"].lr == 0.0005, timeout=10000)
    with qtbot.waitSignal(engine.sigTrainFinished, timeout=20000) as done:
        engine.stop()
    outcome = done.args[0]
    assert outcome["reason"] == "stopped"
    ev = outcome["evaluation"]
    assert ev["confusion"].shape == (10, 10) and ev["confusion"].sum() == 1000
    assert len(ev["wrong_images"]) == len(ev["wrong_true"]) == min(ev["n_wrong"], 2000)
    assert ev["n_wrong"] == ev["confusion"].sum() - np.trace(ev["confusion"])
    assert outcome["info"].trained and outcome["info"].accuracy == ev["accuracy"]
    qtbot.waitUntil(lambda: engine.train_state == "idle", timeout=5000)
    n = len(batches)
    qtbot.wait(300)
    assert len(batches) == n


def test_completed_run_can_be_made_live(engine, qtbot):
    changes = []
    engine.sigModelChanged.connect(changes.append)
    with qtbot.waitSignal(engine.sigTrainFinished, timeout=30000) as done:
        engine.start_training(_config(epochs=1, train_limit=32))
    assert done.args[0]["reason"] == "completed"
    # the app trains batches of 32+ as two halves where the process has two cores
    from explorer.engine.split import default_threads
    assert engine._worker.training_model.threads == default_threads()
    engine.make_training_model_live(owner=QObject(engine))
    qtbot.waitUntil(lambda: bool(changes), timeout=10000)
    assert changes[-1].trained and changes[-1].accuracy == done.args[0]["evaluation"]["accuracy"]


def test_a_diverging_run_pauses_and_resumes_with_a_lower_lr(engine, qtbot):
    batches, diverged = [], []
    engine.sigTrainBatch.connect(batches.append)
    engine.sigTrainDiverged.connect(diverged.append)
    rx = _Receiver()
    checks = rx.results
    engine.start_training(_config(optimizer="sgd", lr=0.01))
    qtbot.waitUntil(lambda: len(batches) >= 3, timeout=20000)
    engine.set_lr(1e39)   # the next update overflows float32
    qtbot.waitUntil(lambda: bool(diverged), timeout=20000)
    qtbot.waitUntil(lambda: engine.train_state == "paused", timeout=5000)
    event = diverged[0]["event"]
    assert event.lr == 1e39 and "restored" in event.message and "learning rate" in event.message
    assert diverged[0]["filters"] is not None and np.isfinite(diverged[0]["filters"]).all()
    n = len(batches)
    rx.ask(engine, lambda m: all(np.isfinite(v).all() for v in m.parameters().values()),
           target="training")
    qtbot.waitUntil(lambda: bool(checks), timeout=5000)
    assert checks == [True] and len(batches) == n          # paused: no batch meanwhile
    engine.set_lr(0.01)
    engine.resume()
    qtbot.waitUntil(lambda: len(batches) >= n + 3, timeout=20000)
    resumed = [b["event"] for b in batches[n:]]
    assert (resumed[0].epoch, resumed[0].batch) == (event.epoch, event.batch)  # runs again
    assert all(np.isfinite(e.loss) and e.lr == 0.01 for e in resumed)
    engine.stop()
    qtbot.waitUntil(lambda: engine.train_state == "idle", timeout=20000)


def test_bad_settings_are_reported_not_raised(engine, qtbot):
    with qtbot.waitSignal(engine.sigTrainError, timeout=10000) as blocker:
        engine.start_training(_config(dataset="no-such-set"))
    assert "no-such-set" in blocker.args[0]
    qtbot.waitUntil(lambda: engine.train_state == "idle", timeout=5000)


def test_shutdown_during_training_is_prompt(qtbot):
    from explorer.engine import build_model

    c = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    batches = []
    c.sigTrainBatch.connect(batches.append)
    c.start_training(_config())
    qtbot.waitUntil(lambda: len(batches) >= 2, timeout=20000)
    start = time.perf_counter()
    assert c.shutdown(timeout_ms=1000)
    assert time.perf_counter() - start < 1.0
    assert not c._thread.isRunning()


def test_stepping_runs_exactly_one_batch_each_across_epoch_ends(engine, qtbot):
    batches, epochs = [], []
    engine.sigTrainBatch.connect(batches.append)
    engine.sigTrainEpoch.connect(epochs.append)
    engine.start_training(_config(epochs=3, train_limit=32, eval_each_epoch=True),
                          start_paused=True)
    qtbot.waitUntil(lambda: engine.train_state == "paused", timeout=10000)
    for k in range(1, 4):
        engine.step_one_batch()
        qtbot.waitUntil(lambda k=k: len(batches) == k, timeout=10000)
    qtbot.wait(200)
    assert len(batches) == 3 and len(epochs) == 1       # 2 batches per epoch
    assert epochs[0]["event"].test_accuracy is not None
    assert engine.train_state == "paused"


def test_every_batch_returns_to_the_worker_event_loop(engine, qtbot):
    """Batches are scheduled through the worker's event loop, not by calling the next batch
    from the last one: the stack does not grow batch after batch (it overflowed after ~1000)."""
    import traceback

    batches = []
    engine.sigTrainBatch.connect(batches.append)
    rx = _Receiver()
    depths = rx.results

    def probe(model):
        return len(traceback.extract_stack())

    engine.start_training(_config())
    for n in (3, 12):
        qtbot.waitUntil(lambda n=n: len(batches) >= n, timeout=20000)
        rx.ask(engine, probe)
        k = len(depths)
        qtbot.waitUntil(lambda k=k: len(depths) > k, timeout=10000)
    assert depths[0] == depths[1]
    engine.stop()
    qtbot.waitUntil(lambda: engine.train_state == "idle", timeout=20000)


def test_shutdown_during_the_end_of_epoch_evaluation_is_prompt(qtbot):
    """mini_alexnet evaluates the 1,000 test digits in ~0.7 s: closing in the middle of that must
    not wait for the end (the evaluation returns to the event loop after every chunk)."""
    from explorer.engine import build_model

    c = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    evaluating = []
    c.sigTrainEvaluating.connect(evaluating.append)
    c.start_training(_config(model="mini_alexnet", train_limit=8, batch_size=8,
                             eval_each_epoch=True))
    qtbot.waitUntil(lambda: bool(evaluating), timeout=30000)
    first = evaluating[0]["event"]
    assert first.done < first.total          # caught in the middle of the evaluation
    start = time.perf_counter()
    assert c.shutdown(timeout_ms=1000)
    assert time.perf_counter() - start < 1.0
    assert not c._thread.isRunning()
