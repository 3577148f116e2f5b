"""The engine thread bridge: coalesced requests, stale results dropped, copies, errors,
training metrics while the GUI thread runs, pause/resume/stop, prompt shutdown."""

import threading
import time

import numpy as np
import pytest

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


def test_request_runs_in_the_worker_thread_and_returns_a_copy(client, qtbot):
    seen = {}

    def fn(model):
        seen["thread"] = threading.get_ident()
        return {"w": model.weights}

    with qtbot.waitSignal(client.sigResult, timeout=5000) as blocker:
        req = client.request("t", fn)
    topic, req_id, result = blocker.args
    assert (topic, req_id) == ("t", req)
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

    results = []
    client.sigResult.connect(lambda t, i, r: results.append((t, i, r)))
    first = client.request("draw", slow)           # the worker blocks in this one
    time.sleep(0.05)
    ids = [client.request("draw", lambda m, k=k: k) for k in range(20)]
    gate.set()
    qtbot.waitUntil(lambda: any(r[1] == ids[-1] for r in results), timeout=5000)
    qtbot.wait(50)
    # the first (already running) one finished but is stale: dropped; of the 20 queued only
    # the newest ran
    assert [r for r in results if r[0] == "draw"] == [("draw", ids[-1], 19)]
    assert first < ids[0]


def test_mutations_are_never_coalesced_and_announce_the_model(client, qtbot):
    changes = []
    client.sigModelChanged.connect(changes.append)

    def add(model):
        model.weights += 1

    for _ in range(5):
        client.mutate_model("edit", add)
    qtbot.waitUntil(lambda: len(changes) == 5, timeout=5000)
    np.testing.assert_array_equal(client.test_model.weights, [5, 5, 5])
    assert isinstance(changes[-1], ModelInfo) and changes[-1].accuracy == 0.5


def test_errors_reach_the_gui_with_a_message(client, qtbot):
    def bad(model):
        raise ValueError("kernel must be 3x3, got 4x4")

    with qtbot.waitSignal(client.sigError, timeout=5000) as blocker:
        client.request("k", bad)
    assert blocker.args[0] == "k" and "3x3" in blocker.args[2]


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
