"""The Qt-free trainer: it learns, obeys pause/stop/step between batches, stops on NaN,
is deterministic for a seed, and records a JSON-able history in the model's metadata."""

import json
import threading

import numpy as np
import pytest

from explorer.data import Dataset, load_builtin
from explorer.engine import build_model, load_model
from explorer.training import (
    BatchEvent,
    DivergedEvent,
    EpochEvent,
    EvaluatingEvent,
    FinishedEvent,
    PausedEvent,
    TrainConfig,
    Trainer,
    build_from_config,
    evaluate,
    evaluation_steps,
)


@pytest.fixture(scope="module")
def full():
    return load_builtin()


@pytest.fixture(scope="module")
def data(full):
    """640 training and 200 test digits (20 of each class): keeps these tests fast."""
    test_idx = np.concatenate([np.flatnonzero(full.test_labels == d)[:20] for d in range(10)])
    return Dataset("mnist-small", full.train_images[:640], full.train_labels[:640],
                   full.test_images[test_idx], full.test_labels[test_idx])


def _trainer(data, **kw):
    cfg = TrainConfig(**{"model": "simple_convnet", "epochs": 1, "lr": 0.001, "train_limit": 320,
                         **kw})
    return Trainer(build_from_config(cfg), data, cfg)


def test_short_run_learns_well_above_chance(full):
    cfg = TrainConfig(model="lenet5", epochs=1, batch_size=32, lr=0.002, train_limit=1000)
    model = build_from_config(cfg)
    events = list(Trainer(model, full, cfg).steps())
    kinds = [type(e) for e in events]
    assert kinds.count(BatchEvent) == 32 and kinds.count(EpochEvent) == 1
    assert isinstance(events[-1], FinishedEvent) and events[-1].reason == "completed"
    epoch = events[-2]
    assert epoch.test_accuracy > 0.7  # chance is 0.1
    batches = [e for e in events if isinstance(e, BatchEvent)]
    first, last = batches[0], batches[-1]
    assert last.loss < first.loss
    assert (first.epoch, first.batch, first.n_batches) == (0, 0, 32)
    assert first.images_per_s > 0 and last.eta == 0 and last.elapsed > first.elapsed


def test_augmented_run_learns_too(data):
    trainer = _trainer(data, augment=True, model="lenet5", lr=0.002, train_limit=640,
                       batch_size=32)
    finished = trainer.run()
    assert finished.reason == "completed"
    assert trainer.last_evaluation.accuracy > 0.5


def test_pause_and_stop_are_honoured_between_batches(data):
    trainer = _trainer(data, batch_size=32)
    trainer.pause_poll = 0.01
    seen = []

    def on_event(ev):
        seen.append(ev)
        if isinstance(ev, BatchEvent) and ev.batch == 2:
            trainer.pause()
        if isinstance(ev, PausedEvent) and sum(isinstance(e, PausedEvent) for e in seen) == 3:
            trainer.stop()

    trainer.on_event = on_event
    events = list(trainer.steps())
    batches = [e for e in events if isinstance(e, BatchEvent)]
    assert [b.batch for b in batches] == [0, 1, 2]
    assert sum(isinstance(e, PausedEvent) for e in events) == 3
    assert events == seen
    assert events[-1].reason == "stopped" and "epoch 1, batch 3 of 10" in events[-1].message
    assert trainer.model.metadata["accuracy"] is None  # never measured with these weights
    assert trainer.model.metadata["history"]["finished"] == "stopped"
    result = trainer.evaluate()
    assert trainer.model.metadata["accuracy"] == result.accuracy


def test_stop_before_the_first_batch_trains_nothing(data):
    trainer = _trainer(data)
    before = {k: v.copy() for k, v in trainer.model.parameters().items()}
    trainer.stop()
    assert [type(e) for e in trainer.steps()] == [FinishedEvent]
    for k, v in trainer.model.parameters().items():
        np.testing.assert_array_equal(v, before[k])


def test_resume_from_another_thread_and_single_steps_while_paused(data):
    trainer = _trainer(data, batch_size=64)  # 5 batches
    trainer.pause_poll = 0.01
    trainer.pause()
    gen = trainer.steps()
    assert isinstance(next(gen), PausedEvent)
    trainer.request_step()
    ev = next(gen)
    assert isinstance(ev, BatchEvent) and ev.batch == 0
    assert isinstance(next(gen), PausedEvent)  # still paused after the one step
    timer = threading.Timer(0.05, trainer.resume)
    timer.start()
    rest = list(gen)
    timer.join()
    assert [e.batch for e in rest if isinstance(e, BatchEvent)] == [1, 2, 3, 4]
    assert rest[-1].reason == "completed"


def test_step_once_runs_exactly_one_batch(data):
    trainer = _trainer(data, batch_size=160)  # 2 batches, 1 epoch
    first = trainer.step_once()
    assert [type(e) for e in first] == [BatchEvent] and trainer.batch == 1
    second = trainer.step_once()
    # the test set's 200 images are evaluated in 2 chunks, reported between batch and epoch
    assert [type(e) for e in second] == [BatchEvent, EvaluatingEvent, EvaluatingEvent,
                                         EpochEvent, FinishedEvent]
    assert [(e.done, e.total) for e in second[1:3]] == [(100, 200), (200, 200)]
    assert trainer.step_once() == []


def test_learning_rate_changes_while_running(data):
    trainer = _trainer(data)
    gen = trainer.steps()
    assert next(gen).lr == pytest.approx(0.001)
    trainer.lr = 0.0003
    assert next(gen).lr == pytest.approx(0.0003)
    assert trainer.optimizer.lr == pytest.approx(0.0003)
    with pytest.raises(ValueError, match="learning rate must be a positive number"):
        trainer.lr = float("nan")
    gen.close()


def test_lr_decay_multiplies_the_learning_rate_after_each_epoch(data):
    trainer = _trainer(data, epochs=3, train_limit=64, batch_size=32, lr=0.004, lr_decay=0.5,
                       eval_each_epoch=False)
    lrs = [(e.epoch, e.lr) for e in trainer.steps() if isinstance(e, BatchEvent)]
    assert lrs == [(0, 0.004), (0, 0.004), (1, 0.002), (1, 0.002), (2, 0.001), (2, 0.001)]
    assert trainer.lr == pytest.approx(0.001)  # no decay after the last epoch


def test_huge_learning_rate_stops_with_diverged(data):
    trainer = _trainer(data, optimizer="sgd", lr=1e9)
    events = list(trainer.steps())
    finished = events[-1]
    assert finished.reason == "diverged"
    assert "lower learning rate" in finished.message
    assert len([e for e in events if isinstance(e, BatchEvent)]) < 10
    assert all(np.isfinite(e.loss) for e in events if isinstance(e, BatchEvent))


#: A small net with dropout: the test covers every random stream (weights, order, augment, masks).
DROPOUT_NET = {"name": "tiny_dropout", "layers": [
    {"type": "Conv2D", "filters": 4, "kernel_size": 5}, {"type": "ReLU"},
    {"type": "MaxPool2D", "kernel_size": 2}, {"type": "Flatten"},
    {"type": "Dropout", "rate": 0.5}, {"type": "Dense", "units": 10}]}


def test_same_seed_same_weights_other_seed_other_weights(data):
    def weights(seed):
        trainer = _trainer(data, seed=seed, augment=True, model=DROPOUT_NET, train_limit=128,
                           batch_size=32)
        trainer.run()
        return trainer.model.parameters()

    a, b, c = weights(3), weights(3), weights(4)
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])
    assert any(not np.array_equal(a[k], c[k]) for k in a)


def test_eval_only_after_the_last_epoch_when_asked(data):
    trainer = _trainer(data, epochs=2, eval_each_epoch=False, train_limit=64)
    epochs = [e for e in trainer.steps() if isinstance(e, EpochEvent)]
    assert epochs[0].test_accuracy is None and epochs[1].test_accuracy is not None


def test_evaluate_gives_confusion_and_misclassified(data):
    model = build_model("simple_convnet", seed=0)
    result = evaluate(model, data, "test", batch_size=64)
    assert result.confusion.shape == (10, 10) and result.confusion.sum() == 200
    np.testing.assert_array_equal(result.confusion.sum(axis=1), np.full(10, 20))
    assert np.trace(result.confusion) / 200 == pytest.approx(result.accuracy)
    wrong = result.misclassified
    assert len(wrong) == 200 - np.trace(result.confusion)
    assert np.all(result.predictions[wrong] != data.test_labels[wrong])
    probs = model.predict_proba(data.batch("test", np.arange(200))[0])
    np.testing.assert_array_equal(result.predictions, probs.argmax(axis=1))
    ref_loss = -np.mean(np.log(probs[np.arange(200), data.test_labels]))
    assert result.loss == pytest.approx(ref_loss, rel=1e-4)


def test_history_is_json_and_saved_with_the_model(data, tmp_path):
    trainer = _trainer(data, epochs=2, train_limit=128, batch_size=64)
    trainer.run()
    meta = json.loads(json.dumps(trainer.model.metadata))
    assert len(meta["history"]["batch_loss"]) == 4 and len(meta["history"]["epochs"]) == 2
    assert meta["accuracy"] == pytest.approx(trainer.last_evaluation.accuracy)
    assert meta["dataset"] == "mnist-small" and meta["config"]["epochs"] == 2
    assert TrainConfig.from_dict(meta["config"]) == trainer.config
    trainer.model.save(tmp_path / "m.npz")
    assert load_model(tmp_path / "m.npz").metadata["history"] == meta["history"]


@pytest.mark.parametrize(
    "kw,match",
    [
        ({"epochs": 0}, "epochs must be"),
        ({"batch_size": 0}, "batch size must be"),
        ({"lr": 0.0}, "learning rate must be"),
        ({"optimizer": "adamw"}, "unknown optimizer 'adamw'"),
        ({"dropout": 1.0}, "dropout must be"),
        ({"weight_decay": -1.0}, "weight decay must be"),
        ({"lr_decay": 0.0}, "lr_decay must be in"),
        ({"lr_decay": 1.5}, "lr_decay must be in"),
    ],
)
def test_config_rejects_bad_settings(kw, match):
    with pytest.raises(ValueError, match=match):
        TrainConfig(**kw)


def test_config_from_dict_names_unknown_keys():
    with pytest.raises(ValueError, match=r"unknown training settings \['momentum'\]"):
        TrainConfig.from_dict({"momentum": 0.9})


def test_shipped_model_reaches_97_percent_and_records_its_command(full):
    from explorer.engine import load_default_model

    model = load_default_model()
    assert model.name == "lenet5"
    result = evaluate(model, full, "test")
    assert result.accuracy >= 0.97
    assert model.metadata["accuracy"] == pytest.approx(result.accuracy, abs=1e-3)
    config = TrainConfig.from_dict(model.metadata["config"])
    assert (config.seed, config.augment, config.dataset) == (0, True, "mnist-subset")
    assert len(model.metadata["history"]["epochs"]) == config.epochs


# --- divergence in the app: undo the batch and pause (pause_on_divergence) --------------------


def _pausing_trainer(data, **kw):
    cfg = TrainConfig(**{"model": "simple_convnet", "epochs": 1, "lr": 0.01,
                         "optimizer": "momentum", "train_limit": 320, "batch_size": 32, **kw})
    return Trainer(build_from_config(cfg), data, cfg, pause_on_divergence=True)


def _state(trainer):
    params = {k: v.copy() for k, v in trainer.model.parameters().items()}
    opt = {k: {s: np.copy(v) for s, v in slots.items()}
           for k, slots in trainer.optimizer.state.items()}
    return params, opt, trainer.optimizer.steps


def test_huge_lr_pauses_restores_the_weights_and_says_what_to_try(data):
    trainer = _pausing_trainer(data)
    for _ in range(3):
        assert [type(e) for e in trainer.step_once()] == [BatchEvent]
    before = _state(trainer)
    trainer.lr = 1e39  # the update overflows float32: every weight it touches becomes inf/NaN
    (event,) = trainer.step_once()
    assert isinstance(event, DivergedEvent)
    assert (event.epoch, event.batch, event.lr, event.suggested_lr) == (0, 3, 1e39, 1e38)
    assert "a weight became NaN or infinite at epoch 1, batch 4" in event.message
    assert "restored" in event.message and "a tenth" in event.message
    assert "adam" in event.message
    assert trainer.paused and trainer.finished is None and trainer.batch == 3
    params, opt, steps = _state(trainer)
    for key, value in params.items():
        assert np.isfinite(value).all()
        np.testing.assert_array_equal(value, before[0][key])
    for key, slots in opt.items():
        for slot, value in slots.items():
            np.testing.assert_array_equal(value, before[1][key][slot])
    assert steps == before[2]
    assert len(trainer.history["batch_loss"]) == 3


def test_lowering_the_lr_and_resuming_trains_on_from_the_restored_weights(data):
    trainer = _pausing_trainer(data, epochs=2, eval_each_epoch=False)
    trainer.lr = 1e9  # the first update ruins the weights; the second batch's loss overflows
    events = []
    for event in trainer.steps():
        events.append(event)
        if isinstance(event, DivergedEvent):
            break
    assert isinstance(events[-1], DivergedEvent) and trainer.paused
    # the second batch's loss is ~1e21: caught as an explosion before it overflows to inf
    assert events[-1].loss > 100 * np.log(10) and "the loss exploded" in events[-1].message
    for key, value in trainer.model.parameters().items():
        assert np.isfinite(value).all()
        np.testing.assert_array_equal(value, trainer.restored_parameters()[key])

    # the way the app recovers: a fresh trainer state is not needed, only a lower lr
    trainer = _pausing_trainer(data, epochs=3, eval_each_epoch=False)
    for _ in range(2):
        trainer.step_once()
    trainer.lr = 1e39
    assert isinstance(trainer.step_once()[0], DivergedEvent)
    trainer.lr = 0.01
    trainer.resume()
    rest = list(trainer.steps())
    batches = [e for e in rest if isinstance(e, BatchEvent)]
    assert (batches[0].epoch, batches[0].batch) == (0, 2)   # the undone batch runs again
    assert rest[-1].reason == "completed"
    losses = trainer.history["batch_loss"]
    assert len(losses) == 30 and all(np.isfinite(losses))
    assert np.mean(losses[-10:]) < np.mean(losses[:5])      # it learns on


def test_after_adam_at_lr_5_a_lower_rate_really_recovers(full):
    # Issue 10: batch 1's update at lr 5 ruins LeNet-5 and only batch 2's loss shows it.
    # Restoring the state just before batch 2 kept the ruined weights: every lower rate diverged
    # again at once with the same loss. The known good state is the one before batch 1.
    cfg = TrainConfig(model="lenet5", optimizer="adam", lr=5.0, epochs=1, batch_size=64)
    trainer = Trainer(build_from_config(cfg), full, cfg, pause_on_divergence=True)
    initial = {k: v.copy() for k, v in trainer.model.parameters().items()}
    events = []
    for event in trainer.steps():
        events.append(event)
        if isinstance(event, DivergedEvent):
            break
    diverged = events[-1]
    assert isinstance(diverged, DivergedEvent) and (diverged.epoch, diverged.batch) == (0, 1)
    assert (diverged.restored_epoch, diverged.restored_batch) == (0, 0)
    assert "before epoch 1, batch 1 (the last known good weights)" in diverged.message
    for key, value in trainer.model.parameters().items():
        np.testing.assert_array_equal(value, initial[key])
    trainer.lr = 0.001
    trainer.resume()
    rest = list(trainer.steps())
    assert not any(isinstance(e, DivergedEvent) for e in rest)
    losses = [e.loss for e in rest if isinstance(e, BatchEvent)]
    assert len(losses) == trainer.n_batches - 1 and all(np.isfinite(losses))
    assert np.mean(losses[-10:]) < 0.6 * np.mean(losses[:5])       # it learns again
    assert rest[-1].reason == "completed"
    assert trainer.last_evaluation.accuracy > 0.5                   # chance is 0.1


def test_a_divergence_within_a_sane_batch_restores_the_state_before_it(data):
    # the loss of the batch was sane, its own update blew up: the state before it is good
    trainer = _pausing_trainer(data, epochs=2, eval_each_epoch=False)
    for _ in range(4):
        trainer.step_once()
    before = {k: v.copy() for k, v in trainer.model.parameters().items()}
    trainer.lr = 1e39
    (event,) = trainer.step_once()
    assert (event.restored_epoch, event.restored_batch) == (event.epoch, event.batch) == (0, 4)
    assert "restored to what they were before that batch" in event.message
    for key, value in trainer.model.parameters().items():
        np.testing.assert_array_equal(value, before[key])


def test_without_pause_on_divergence_the_run_ends_as_before(data):
    trainer = _trainer(data, optimizer="sgd")
    trainer.step_once()
    trainer.lr = 1e39
    (finished,) = trainer.step_once()
    assert finished.reason == "diverged" and "Start again with a lower learning rate" in \
        finished.message
    assert trainer.finished is finished


# --- the end-of-epoch evaluation runs in chunks ------------------------------------------------


def test_evaluation_in_chunks_equals_one_pass(data):
    model = build_model("simple_convnet", seed=1)
    whole = evaluate(model, data, "test", batch_size=500)
    steps = evaluation_steps(model, data, "test", batch_size=64)
    progress = []
    while True:
        try:
            progress.append(next(steps))
        except StopIteration as end:
            chunked = end.value
            break
    assert progress == [(64, 200), (128, 200), (192, 200), (200, 200)]
    assert chunked.accuracy == whole.accuracy
    assert chunked.loss == pytest.approx(whole.loss, rel=1e-6)
    np.testing.assert_array_equal(chunked.confusion, whole.confusion)


def test_stop_during_the_evaluation_ends_the_run_between_chunks(data):
    trainer = _trainer(data, batch_size=160)
    events = []
    for event in trainer.steps():
        events.append(event)
        if isinstance(event, EvaluatingEvent):
            trainer.stop()
    assert [type(e) for e in events] == [BatchEvent, BatchEvent, EvaluatingEvent, FinishedEvent]
    assert events[-1].reason == "stopped" and "evaluation" in events[-1].message
    assert trainer.last_evaluation is None


def test_evaluate_can_be_abandoned_between_chunks(data):
    trainer = _trainer(data)
    asked = []

    def should_stop():
        asked.append(1)
        return True

    assert trainer.evaluate("test", should_stop=should_stop) is None
    assert asked == [1] and trainer.last_evaluation is None   # after the first of 2 chunks
    result = trainer.evaluate("test", should_stop=lambda: False)
    assert result is trainer.last_evaluation and len(result.labels) == 200


def test_a_loss_that_explodes_without_a_nan_also_counts_as_diverging(data):
    # Adam at lr 9 (the Train panel's highest) blows LeNet-5's loss up to ~1e11 and leaves a
    # dead network that answers one class for everything, all in finite numbers.
    trainer = _pausing_trainer(data, model="lenet5", optimizer="adam", lr=9.0, epochs=3,
                               eval_each_epoch=False)
    events = []
    for event in trainer.steps():
        events.append(event)
        if isinstance(event, DivergedEvent):
            break
    diverged = events[-1]
    assert isinstance(diverged, DivergedEvent) and trainer.paused
    assert np.isfinite(diverged.loss) and diverged.loss > 100 * np.log(10)
    assert "the loss exploded" in diverged.message and diverged.suggested_lr == pytest.approx(0.9)
    assert all(e.loss <= 100 * np.log(10) for e in events if isinstance(e, BatchEvent))


def test_durations_read_as_minutes_then_hours():
    from explorer.training import format_duration

    assert [format_duration(s) for s in (-3, 0, 59.6, 61, 3599, 3600, 3900)] == \
        ["0:00", "0:00", "1:00", "1:01", "59:59", "1h00m", "1h05m"]


def test_all_finite_check_is_exact():
    """The trainer's quick finiteness check (sums of squares first) answers as np.isfinite:
    values whose squares overflow are still finite, one NaN or infinity anywhere is not."""
    from explorer.training import _all_finite

    base = [np.ones((3, 4), np.float32), np.arange(5, dtype=np.float32)[::2]]
    assert _all_finite(base)
    assert _all_finite(base + [np.full(4, 3e38, np.float32)])  # squares overflow: finite
    for bad in (np.nan, np.inf, -np.inf):
        arr = np.zeros((2, 3), np.float32)
        arr[1, 2] = bad
        assert not _all_finite(base + [arr])
        assert not _all_finite([arr.T])  # any layout
