"""A run's pace without Qt: `RunControl.sleep` wakes at once for every change of the run, and a
paced `TrainingSession` holds batches back (a fake clock says when) yet answers a pause, a
stop, a single step or a new pace at once."""

import threading
import time

import numpy as np
import pytest

from explorer.data import Dataset, load_builtin
from explorer.run_control import PACES, RunControl
from explorer.session import TrainingSession
from explorer.training import BatchEvent, FinishedEvent, TrainConfig, Trainer, build_from_config


@pytest.fixture(scope="module")
def data():
    full = load_builtin()
    test_idx = np.concatenate([np.flatnonzero(full.test_labels == d)[:10] for d in range(10)])
    return Dataset("mnist-small", full.train_images[:128], full.train_labels[:128],
                   full.test_images[test_idx], full.test_labels[test_idx])


def _session(data, interval, clock=time.perf_counter, max_wait=0.0):
    """2 epochs of 2 batches of 32 images."""
    cfg = TrainConfig(model="lenet5", epochs=2, lr=0.002, batch_size=32, train_limit=64)
    trainer = Trainer(build_from_config(cfg), data, cfg, pause_on_divergence=True)
    trainer.control.set_interval(interval)
    return TrainingSession(trainer, clock=clock, max_wait=max_wait)


def _kinds(updates):
    return [type(u["event"]) for u in updates]


def _later(action, seconds=0.05):
    """Run ``action`` in another thread after ``seconds`` (as the GUI thread would)."""
    timer = threading.Timer(seconds, action)
    timer.start()
    return timer


@pytest.mark.parametrize("change", ["pause", "resume", "stop", "close", "request_step",
                                    "set_interval"])
def test_a_sleep_wakes_at_once_for_every_change_of_the_run(change):
    control = RunControl()
    args = (0.5,) if change == "set_interval" else ()
    _later(lambda: getattr(control, change)(*args))
    start = time.perf_counter()
    assert control.sleep(20.0) is True
    assert time.perf_counter() - start < 5.0      # woken, not timed out (20 s)


def test_a_sleep_without_a_change_lasts_its_time_and_a_pace_survives_a_new_run():
    control = RunControl()
    assert control.sleep(0.01) is False
    control.set_interval(PACES["watch"])
    control.stop()
    control.reset()
    assert control.interval == PACES["watch"] and not control.stopped
    for bad in (-1.0, float("nan")):
        with pytest.raises(ValueError, match="pace interval"):
            control.set_interval(bad)
    assert control.interval == PACES["watch"]


def test_the_pace_holds_each_batch_back_until_it_is_due(data):
    now = [100.0]
    session = _session(data, interval=10.0, clock=lambda: now[0])
    assert _kinds(session.tick()) == [BatchEvent]        # the first batch at once
    assert session.tick() == [] and session.step == 1    # due 10 s after the first began
    now[0] += 9.0
    assert session.tick() == [] and session.step == 1
    now[0] += 1.0
    assert _kinds(session.tick())[0] is BatchEvent and session.step == 2   # the epoch's last
    assert session.evaluating
    while session.evaluating:                            # the test evaluation is never held
        assert session.tick() != []
    assert session.tick() == [] and session.step == 2
    session.control.set_interval(0.0)                    # "as fast as possible": at once
    assert _kinds(session.tick()) == [BatchEvent] and session.step == 3


def test_a_single_step_and_a_stop_are_not_held_back_by_the_pace(data):
    now = [0.0]
    session = _session(data, interval=10.0, clock=lambda: now[0])
    session.tick()
    session.control.pause()
    session.control.request_step()
    assert _kinds(session.tick())[0] is BatchEvent and session.step == 2
    while session.evaluating:
        session.tick()
    session.control.resume()
    assert session.tick() == []
    session.control.stop()
    (finished,) = session.tick()
    assert isinstance(finished["event"], FinishedEvent) and finished["reason"] == "stopped"


@pytest.mark.parametrize("change", ["stop", "pause"])
def test_a_pause_or_a_stop_is_answered_during_a_long_paced_wait(data, change):
    session = _session(data, interval=30.0, max_wait=30.0)   # real clock, long waits
    session.tick()
    _later(getattr(session.control, change))
    start = time.perf_counter()
    updates = session.tick()
    waited = time.perf_counter() - start
    assert waited < 10.0                 # not the 30 s the pace asked for
    if change == "stop":
        assert session.finished and updates[-1]["reason"] == "stopped"
    else:
        assert updates == [] and session.state == "paused" and not session.has_work


def test_a_paced_batch_tells_the_paced_time_left_and_speed(data):
    now = [0.0]
    session = _session(data, interval=50.0, clock=lambda: now[0])
    (update,) = session.tick()
    event = update["event"]
    # 2 epochs x 2 batches of 32: 3 left, each 50 s apart (the computing takes far less)
    assert event.eta == pytest.approx(3 * 50.0, rel=1e-6)
    assert event.images_per_s == pytest.approx(32 / 50.0, rel=0.05)
    assert session.trainer.history["batch_loss"] == [event.loss]
