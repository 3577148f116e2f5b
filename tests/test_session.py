"""The app's training session without Qt: one pause mechanism, single steps, stop within a batch
or an evaluation chunk, learning-rate changes, smoothed loss, filter snapshots and the outcome."""

import numpy as np
import pytest

from explorer.data import Dataset, load_builtin
from explorer.session import LearningRateEvent, TrainingSession
from explorer.training import (
    BatchEvent,
    DivergedEvent,
    EpochEvent,
    EvaluatingEvent,
    FinishedEvent,
    TrainConfig,
    Trainer,
    build_from_config,
)


@pytest.fixture(scope="module")
def data():
    full = load_builtin()
    test_idx = np.concatenate([np.flatnonzero(full.test_labels == d)[:20] for d in range(10)])
    return Dataset("mnist-small", full.train_images[:640], full.train_labels[:640],
                   full.test_images[test_idx], full.test_labels[test_idx])


def _session(data, clock=None, timeline_bytes=None, **kw):
    cfg = TrainConfig(**{"model": "lenet5", "epochs": 2, "lr": 0.002, "batch_size": 32,
                         "train_limit": 64, **kw})
    trainer = Trainer(build_from_config(cfg), data, cfg, pause_on_divergence=True)
    extra = {} if timeline_bytes is None else {"timeline_bytes": timeline_bytes}
    if clock is None:
        return TrainingSession(trainer, **extra)
    return TrainingSession(trainer, filter_interval=1.0, clock=clock, **extra)


def _kinds(updates):
    return [type(u["event"]) for u in updates]


def _run(session, limit=200):
    updates = []
    for _ in range(limit):
        if session.finished:
            break
        updates += session.tick()
    return updates


def test_a_run_is_ticked_batch_by_batch_to_its_outcome(data):
    session = _session(data)
    first = session.tick()
    assert _kinds(first) == [BatchEvent] and first[0]["step"] == 1
    assert first[0]["smoothed_loss"] == pytest.approx(first[0]["event"].loss)   # bias-corrected
    second = session.tick()    # the epoch's last batch, then the first evaluation chunk
    assert _kinds(second) == [BatchEvent, EvaluatingEvent]
    rest = _run(session)
    kinds = _kinds(rest)
    assert kinds.count(BatchEvent) == 2 and kinds.count(EpochEvent) == 2
    assert kinds[-1] is FinishedEvent and session.state == "finished"
    outcome = rest[-1]
    assert outcome["reason"] == "completed" and outcome["model"] is session.model
    ev = outcome["evaluation"]
    assert ev["confusion"].shape == (10, 10) and ev["confusion"].sum() == 200
    assert ev["n_wrong"] == len(ev["wrong_index"]) and ev["class_names"] == list(data.class_names)
    assert outcome["filters"].shape == (6, 1, 5, 5)
    assert session.tick() == []


def test_pause_does_nothing_until_resumed_and_steps_run_one_batch_each(data):
    session = _session(data)
    session.control.pause()
    assert session.tick() == [] and session.state == "paused" and session.step == 0
    session.control.request_step()
    assert _kinds(session.tick()) == [BatchEvent] and session.tick() == []
    session.control.request_step()    # the epoch's last batch: its evaluation runs to the end
    updates = _run(session, limit=50)
    kinds = _kinds(updates)
    assert kinds.count(BatchEvent) == 1 and kinds[-1] is EpochEvent
    assert session.state == "paused" and not session.has_work and session.step == 2
    session.control.resume()
    assert _kinds(session.tick()) == [BatchEvent]


def test_stop_is_served_within_one_evaluation_chunk(data):
    session = _session(data, epochs=1)
    updates = session.tick() + session.tick()
    assert _kinds(updates)[-1] is EvaluatingEvent and session.evaluating
    session.control.stop()
    updates = session.tick()
    assert _kinds(updates) == [FinishedEvent] and updates[0]["reason"] == "stopped"
    assert updates[0]["evaluation"]["confusion"].sum() == 200    # the weights as they are


def test_closing_during_the_last_evaluation_sends_no_outcome(data):
    session = _session(data, epochs=1)
    session.tick()
    session.control.close()
    assert session.tick() == [] and not session.finished     # nothing more is done at all


def test_a_learning_rate_change_applies_at_the_next_batch(data):
    session = _session(data)
    session.control.set_lr(0.05)
    changed, update = session.tick()
    assert changed["event"] == LearningRateEvent(old=0.002, new=0.05, from_step=1)
    assert update["event"].lr == 0.05 and session.trainer.lr == 0.05
    session.control.set_lr(0.05)        # the same rate again: nothing to say
    assert _kinds(session.tick()) == [BatchEvent, EvaluatingEvent]
    session.control.set_lr(float("nan"))
    updates = session.tick()
    assert "learning rate must be a positive number" in updates[0]["error"]
    assert session.trainer.lr == 0.05


def test_filters_go_with_a_batch_at_most_once_per_interval():
    now = [0.0]
    session = _session(load_builtin(), clock=lambda: now[0], epochs=1, train_limit=128)
    sent = []
    for t in (0.0, 0.5, 1.2, 1.5):
        now[0] = t
        sent.append("filters" in session.tick()[0])
    assert sent == [True, False, True, False]


def test_a_divergence_pauses_the_session_and_a_lower_rate_recovers(data):
    session = _session(data, optimizer="adam", lr=5.0, epochs=1, train_limit=640,
                       eval_each_epoch=False)
    updates = _run(session, limit=5)
    assert _kinds(updates)[-1] is DivergedEvent and session.diverged
    assert updates[-1]["filters"] is not None and np.isfinite(updates[-1]["filters"]).all()
    assert session.state == "paused" and session.tick() == []
    session.control.set_lr(0.001)
    session.control.resume()
    rest = _run(session)
    assert DivergedEvent not in _kinds(rest) and rest[-1]["reason"] == "completed"
    assert rest[-1]["diverged"] and rest[-1]["evaluation"]["accuracy"] > 0.3


def test_filters_go_with_their_change_since_the_run_started(data):
    session = _session(data, optimizer="adam", lr=0.01)
    initial = session.model.parameters()["conv1.weight"].copy()
    (update,) = session.tick()
    filters, change = update["filters"], update["filters_change"]
    assert change.shape == filters.shape == (6, 1, 5, 5)
    np.testing.assert_allclose(change, filters - initial, atol=1e-12)
    assert np.abs(change).max() > 0      # Adam moved the first layer
    expected = np.linalg.norm(change) / np.linalg.norm(filters - change)
    assert update["filters_change_relative"] == pytest.approx(expected, rel=1e-6)


def test_every_batch_carries_the_update_to_weight_ratio_of_each_layer(data):
    session = _session(data, optimizer="sgd", lr=0.05)
    before = {k: v.copy() for k, v in session.model.parameters().items()}
    (update,) = session.tick()
    after = session.model.parameters()
    ratios = update["update_ratios"]
    layers = {key.split(".")[0] for key in after}
    assert set(ratios) == layers
    for layer, ratio in ratios.items():
        keys = [k for k in after if k.split(".")[0] == layer]
        d = sum(float(np.sum((after[k] - before[k]) ** 2)) for k in keys)
        b = sum(float(np.sum(before[k] ** 2)) for k in keys)
        assert ratio == pytest.approx(np.sqrt(d / b), rel=1e-6) and ratio > 0
    evaluating = session.tick()[-1]    # the last batch, then an evaluation chunk
    assert isinstance(evaluating["event"], EvaluatingEvent) and "update_ratios" not in evaluating


def _weights(model):
    return {k: v.copy() for k, v in model.parameters().items()}


def test_the_session_keeps_the_weights_before_training_and_after_each_epoch(data):
    session = _session(data)
    start = _weights(session.model)
    updates = _run(session)
    epochs = [u for u in updates if isinstance(u["event"], EpochEvent)]
    assert [len(u["timeline"]["labels"]) for u in epochs] == [2, 3]
    summary = updates[-1]["timeline"]
    assert [label["epoch"] for label in summary["labels"]] == [-1, 0, 1]
    assert [label["step"] for label in summary["labels"]] == [0, 2, 4]
    assert summary["labels"][2]["accuracy"] == pytest.approx(epochs[1]["event"].test_accuracy)
    assert summary["epochs"] == 2 and summary["problem"] == "" and summary["dropped"] == 0
    one = sum(v.nbytes for v in session.model.parameters().values()) + sum(
        v.nbytes for v in session.model.buffers().values())
    assert summary["nbytes"] == 3 * one
    before = session.model_at(0)
    assert before.metadata["trained"] is False and "accuracy" not in before.metadata
    for key, value in before.parameters().items():
        np.testing.assert_array_equal(value, start[key])
    last = session.model_at(-1)
    assert last.metadata["accuracy"] == pytest.approx(epochs[1]["event"].test_accuracy)
    for key, value in last.parameters().items():
        np.testing.assert_array_equal(value, session.model.parameters()[key])
    assert last is not session.model and last.parameters()["conv1.weight"] is not (
        session.model.parameters()["conv1.weight"])
    middle = session.model_at(1)
    assert not np.allclose(middle.parameters()["conv1.weight"], start["conv1.weight"])
    assert not np.allclose(middle.parameters()["conv1.weight"],
                           session.model.parameters()["conv1.weight"])


def test_a_run_stopped_within_an_epoch_keeps_its_last_weights_with_their_accuracy(data):
    session = _session(data, epochs=3)
    session.tick()              # one batch of the first epoch
    session.control.stop()
    outcome = _run(session)[-1]
    labels = outcome["timeline"]["labels"]
    assert [label["epoch"] for label in labels] == [-1, 0]
    assert labels[-1]["partial"] is True and labels[-1]["step"] == 1
    assert labels[-1]["accuracy"] == pytest.approx(outcome["evaluation"]["accuracy"])


def test_the_timeline_stays_under_its_memory_cap(data):
    model_bytes = 4 * 61706 + 1024    # LeNet-5's parameters, with room for its buffers
    session = _session(data, epochs=6, timeline_bytes=3 * model_bytes)
    outcome = _run(session, limit=400)[-1]
    summary = outcome["timeline"]
    assert summary["nbytes"] <= 3 * model_bytes and summary["dropped"] == 7 - len(
        summary["labels"])
    epochs = [label["epoch"] for label in summary["labels"]]
    assert epochs[0] == -1 and epochs[-1] == 5    # the first and the newest are kept


def test_a_timeline_too_small_for_two_snapshots_is_dropped_with_the_reason(data):
    session = _session(data, timeline_bytes=1000)
    assert session.timeline is None and "cannot hold two" in session.timeline_problem
    outcome = _run(session)[-1]
    assert outcome["reason"] == "completed" and outcome["timeline"]["labels"] == []
    with pytest.raises(ValueError, match="cannot hold two"):
        session.model_at(0)
