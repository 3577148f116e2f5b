"""Augmented batches made one batch ahead on the other core (in the helper process, or on the
helper thread): the same pixels as made on time, whatever the order, and a training run with
them equals one without them, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from explorer import training
from explorer.data import AugmentParams, load_builtin
from explorer.data.augment_ahead import AugmentAhead


@pytest.fixture(scope="module")
def digits():
    return load_builtin().train_images[:96]


def test_a_batch_made_ahead_equals_one_made_on_time(digits, second_core):
    ahead, on_time = AugmentAhead(3, AugmentParams()), AugmentAhead(3, AugmentParams())
    ahead.ahead((0, 1), digits[32:64])
    first = ahead.get((0, 0), digits[:32])          # another key: made now, the other dropped
    np.testing.assert_array_equal(first, on_time.get((0, 0), digits[:32]))
    ahead.ahead((0, 1), digits[32:64])
    np.testing.assert_array_equal(ahead.get((0, 1), digits[32:64]),
                                  on_time.get((0, 1), digits[32:64]))
    # a batch retried (after a divergence) gets the same distortions; another batch others
    np.testing.assert_array_equal(on_time.get((0, 1), digits[32:64]),
                                  on_time.get((0, 1), digits[32:64]))
    assert not np.array_equal(on_time.get((0, 2), digits[32:64]),
                              on_time.get((0, 1), digits[32:64]))
    assert not np.array_equal(AugmentAhead(4, AugmentParams()).get((0, 1), digits[32:64]),
                              on_time.get((0, 1), digits[32:64]))
    ahead.ahead((0, 2), digits[64:])
    ahead.close()
    assert "ahead=None" in repr(ahead)
    assert second_core.jobs() == (1 if second_core.mode == "process" else 0)  # one was used


def _trained_weights(monkeypatch, cores: int):
    monkeypatch.setattr(training, "default_threads", lambda: cores)
    dataset = load_builtin()
    cfg = training.TrainConfig(model="lenet5", epochs=1, batch_size=32, augment=True,
                               train_limit=160, eval_each_epoch=False, seed=7)
    model = training.build_from_config(cfg)
    made_ahead = []
    original = AugmentAhead.ahead
    monkeypatch.setattr(AugmentAhead, "ahead",
                        lambda self, key, images: (made_ahead.append(key),
                                                   original(self, key, images)))
    training.Trainer(model, dataset, cfg).run()
    return {k: v.copy() for k, v in model.parameters().items()}, made_ahead


def test_a_run_with_batches_made_ahead_equals_one_without(monkeypatch, second_core):
    with_ahead, made = _trained_weights(monkeypatch, cores=2)
    without, none_made = _trained_weights(monkeypatch, cores=1)
    assert made == [(0, 1), (0, 2), (0, 3), (0, 4)] and none_made == []
    assert second_core.jobs() == (4 if second_core.mode == "process" else 0)
    for key in with_ahead:
        np.testing.assert_array_equal(with_ahead[key], without[key])


def test_split_batches_are_augmented_ahead_after_the_other_half(monkeypatch, second_core):
    """Batches of 64 split over both cores: the next batch is sent to the other core right
    after its half of the current one (two jobs out at once), and the run equals one whose
    batches are all made on time, bit for bit."""
    monkeypatch.setattr(training, "default_threads", lambda: 2)
    dataset = load_builtin()
    runs, original = [], AugmentAhead.ahead
    for ahead in (True, False):
        cfg = training.TrainConfig(model="lenet5", epochs=1, batch_size=64, augment=True,
                                   train_limit=256, eval_each_epoch=False, seed=5)
        model = training.build_from_config(cfg)
        model.threads = 2
        made = []
        monkeypatch.setattr(AugmentAhead, "ahead",
                            lambda self, key, images, on=ahead, made=made: (
                                made.append(key), on and original(self, key, images)))
        training.Trainer(model, dataset, cfg).run()
        runs.append(({k: v.copy() for k, v in model.parameters().items()}, made))
    (with_ahead, made), (on_time, _) = runs
    assert made == [(0, 1), (0, 2), (0, 3)]
    # in the process: 3 batches made ahead, and the 4 batches' second halves of both runs
    assert second_core.jobs() == (3 + 2 * 4 if second_core.mode == "process" else 0)
    for key in with_ahead:
        np.testing.assert_array_equal(with_ahead[key], on_time[key])
