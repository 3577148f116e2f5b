"""A batch's gradients as two halves computed at once (explorer.engine.split) equal one pass,
whether the second half runs in the helper process or on the helper thread."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from explorer import second_process
from explorer.engine import blas, build_model, make_optimizer, split
from explorer.engine.split import (MIN_SPLIT_BATCH, MIN_THREAD_SPLIT_BATCH, BatchSplit,
                                   min_split_batch, splittable)
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("one_blas_thread")


def batch(model, n, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.random((n, *model.input_shape)).astype(model.dtype)
    return x, rng.integers(0, 10, n)


@pytest.mark.parametrize("name", ["lenet5", "simple_convnet", "lenet5_classic"])
def test_two_halves_give_the_batch_gradients_float64(name, second_core):
    """Exact arithmetic would give the same numbers; float64 agrees to ~1e-15."""
    model = build_model(name, seed=3, dtype=np.float64)
    for n in (min_split_batch(), min_split_batch() + 7):  # odd: unequal halves, weighted
        x, y = batch(model, n, seed=n)
        loss, grads, probs = model.loss_and_gradients(x, y, return_probs=True, threads=1)
        grads = {k: v.copy() for k, v in grads.items()}
        loss2, grads2, probs2 = model.loss_and_gradients(x, y, return_probs=True, threads=2)
        assert isinstance(model._split, BatchSplit)
        assert loss2 == pytest.approx(loss, rel=1e-12)
        np.testing.assert_allclose(probs2, probs, rtol=1e-12, atol=1e-14)
        assert set(grads2) == set(grads)
        for key in grads:
            scale = float(np.abs(grads[key]).max())
            np.testing.assert_allclose(grads2[key], grads[key], rtol=1e-10,
                                       atol=1e-12 * scale, err_msg=f"{key}, batch {n}")
    assert second_core.jobs() == (2 if second_core.mode == "process" else 0)


def test_halves_differ_from_one_pass_only_by_float32_rounding(second_core):
    model = build_model("lenet5", seed=1)
    x, y = batch(model, 64)
    loss, grads = model.loss_and_gradients(x, y, threads=1)
    grads = {k: v.copy() for k, v in grads.items()}
    loss2, grads2 = model.loss_and_gradients(x, y, threads=2)
    assert loss2 == pytest.approx(loss, rel=1e-5)
    for key in grads:
        assert grads2[key].dtype == np.float32
        scale = float(np.abs(grads[key]).max())
        np.testing.assert_allclose(grads2[key], grads[key], rtol=1e-4, atol=1e-5 * scale,
                                   err_msg=key)
    assert second_core.jobs() == (1 if second_core.mode == "process" else 0)


def test_a_real_difference_is_caught():
    """The comparison above fails when one half's gradient is dropped (weights 1 and 0)."""
    model = build_model("lenet5", seed=1, dtype=np.float64)
    x, y = batch(model, min_split_batch())
    _, grads = model.loss_and_gradients(x, y, threads=1)
    full = grads["fc3.weight"].copy()
    half = x.shape[0] // 2
    _, half_grads = model.loss_and_gradients(x[:half], y[:half], threads=1)
    assert not np.allclose(half_grads["fc3.weight"], full, rtol=1e-4, atol=1e-8)


def test_weight_updates_reach_the_replica_and_training_matches(second_core):
    """The replica shares the weights: three SGD steps with halves equal three without."""
    one = build_model("lenet5", seed=2, dtype=np.float64)
    two = one.copy()
    two.threads = 2
    assert two.copy().threads == 2
    opt1, opt2 = make_optimizer("sgd", 0.05), make_optimizer("sgd", 0.05)
    for step in range(3):
        x, y = batch(one, min_split_batch(), seed=step)
        opt1.update(one.parameters(), one.loss_and_gradients(x, y)[1])
        opt2.update(two.parameters(), two.loss_and_gradients(x, y)[1])
    assert isinstance(two._split, BatchSplit)
    for key, p in one.parameters().items():
        np.testing.assert_allclose(two.parameters()[key], p, rtol=1e-9, atol=1e-12,
                                   err_msg=key)
    for mine, theirs in zip(two.layers, two._split.replica.layers):
        assert theirs.params is mine.params
    assert second_core.jobs() == (3 if second_core.mode == "process" else 0)


def test_small_batches_and_unsplittable_models_run_on_one_thread():
    model = build_model("lenet5", seed=0)
    x, y = batch(model, min_split_batch() - 1)
    model.loss_and_gradients(x, y, threads=2)
    assert model._split is None  # never made for a batch too small
    alex = build_model("mini_alexnet", seed=0)  # dropout: masks from one stream, in order
    assert not splittable(alex)
    assert not splittable(build_model("mini_inception", seed=0))  # sublayers
    assert splittable(model) and splittable(build_model("lenet5_classic", seed=0))
    x, y = batch(alex, min_split_batch())
    alex.loss_and_gradients(x, y, threads=2)
    assert alex._split is False


def test_wrong_labels_raise_the_one_pass_error(second_core):
    model = build_model("lenet5", seed=0)
    n = min_split_batch()
    x, _ = batch(model, n)
    with pytest.raises(ValueError, match=f"got {n - 1} labels for {n}"):
        model.loss_and_gradients(x, np.zeros(n - 1, int), threads=2)
    with pytest.raises(ValueError, match="labels must be in"):
        model.loss_and_gradients(x, np.full(n, 12), threads=2)
    loss, _ = model.loss_and_gradients(x, np.zeros(n, int), threads=2)  # still usable
    assert np.isfinite(loss)


def test_meanwhile_runs_once_the_second_half_is_sent_and_only_for_split_batches(second_core):
    """``meanwhile`` runs after the second half went to the other core and before this
    thread's half; if it raises, the second half is still collected (the next batch is right)
    and the error reaches the caller."""
    model = build_model("lenet5", seed=2, dtype=np.float64)
    x, y = batch(model, min_split_batch())
    _, want = model.loss_and_gradients(x, y)
    want = {k: v.copy() for k, v in want.items()}
    order = []
    original = model._gradients
    model._gradients = lambda *args: (order.append("own half"), original(*args))[1]
    _, grads = model.loss_and_gradients(x, y, threads=2,
                                        meanwhile=lambda: order.append("meanwhile"))
    assert order == ["meanwhile", "own half"]
    for key in want:
        np.testing.assert_allclose(grads[key], want[key], rtol=1e-10, atol=1e-13)
    order.clear()
    model.loss_and_gradients(x[:8], y[:8], threads=2, meanwhile=lambda: order.append("no"))
    assert order == ["own half"]  # a batch too small to split: never called

    def fails():
        raise RuntimeError("meanwhile failed")

    with pytest.raises(RuntimeError, match="meanwhile failed"):
        model.loss_and_gradients(x, y, threads=2, meanwhile=fails)
    _, grads = model.loss_and_gradients(x, y, threads=2)
    for key in want:
        np.testing.assert_allclose(grads[key], want[key], rtol=1e-10, atol=1e-13)


def test_the_second_half_runs_on_the_worker_with_one_blas_thread(monkeypatch):
    monkeypatch.setattr(second_process, "enabled", False)  # the helper thread
    model = build_model("lenet5", seed=0)
    x, y = batch(model, min_split_batch())
    seen = []
    replica_gradients = None

    def spy(*args):
        seen.append((threading.current_thread() is threading.main_thread(),
                     blas.blas_threads()))
        return replica_gradients(*args)

    model.loss_and_gradients(x, y, threads=2)  # makes the replica
    replica_gradients = model._split.replica._gradients
    monkeypatch.setattr(model._split.replica, "_gradients", spy)
    before = blas.blas_threads()
    if before is not None:
        blas.set_blas_threads(2)
    try:
        model.loss_and_gradients(x, y, threads=2)
        after = blas.blas_threads()
    finally:
        if before is not None:
            blas.set_blas_threads(before)
    assert seen and seen[0][0] is False
    if before is not None:
        assert seen[0][1] == 1 and after == 2  # one BLAS thread per half, restored after


def test_the_smallest_split_batch_depends_on_where_the_second_half_runs(monkeypatch):
    """32 images while the helper process may take the second half (both processes poll
    before they block, so a hand-over is cheap), 64 on the helper thread (its GIL hand-overs
    ate the gain at 32), and 64 again once the process was given up in this run."""
    assert MIN_SPLIT_BATCH == 32 and MIN_THREAD_SPLIT_BATCH == 64
    model = build_model("lenet5", seed=0)
    x, y = batch(model, 32)
    monkeypatch.setattr(second_process, "enabled", False)
    assert min_split_batch() == 64
    model.loss_and_gradients(x, y, threads=2)
    assert model._split is None  # a batch of 32 stays on this thread
    monkeypatch.setattr(second_process, "enabled", True)
    proc = second_process.SecondProcess()
    monkeypatch.setattr(second_process, "_shared", proc)
    try:
        assert min_split_batch() == 32
        start = proc.jobs_done
        model.loss_and_gradients(x, y, threads=2)
        assert isinstance(model._split, BatchSplit) and proc.jobs_done == start + 1
        proc._fail()  # given up: a later batch of 32 is not split at all
        assert min_split_batch() == 64 and not second_process.usable()
    finally:
        proc.close()


def test_default_threads():
    assert split.default_threads() in (1, 2)


def test_a_trainer_with_two_threads_trains_like_one(second_core):
    """The app's path (Adam, divergence guard) with batches as halves: the same run up to
    float rounding, and the guard's snapshot/restore still reach the shared weights."""
    from explorer.data import load_builtin
    from explorer.training import BatchEvent, TrainConfig, Trainer, build_from_config

    data = load_builtin()
    runs = {}
    for threads in (1, 2):
        cfg = TrainConfig(model="lenet5", epochs=1, batch_size=64, train_limit=256,
                          eval_each_epoch=False)
        model = build_from_config(cfg)
        model.threads = threads
        trainer = Trainer(model, data, cfg, pause_on_divergence=True)
        losses = [e.loss for e in trainer.steps() if isinstance(e, BatchEvent)]
        runs[threads] = (losses, model)
    (losses1, m1), (losses2, m2) = runs[1], runs[2]
    assert isinstance(m2._split, BatchSplit) and m1._split is None
    assert (second_core.jobs() >= 4) == (second_core.mode == "process")
    np.testing.assert_allclose(losses2, losses1, rtol=1e-4)
    for key, p in m1.parameters().items():
        np.testing.assert_allclose(m2.parameters()[key], p, rtol=1e-3,
                                   atol=1e-3 * float(np.abs(p).max()), err_msg=key)
