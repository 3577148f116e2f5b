"""Trainer throughput on the built-in data, augmentation off and on; data-path costs.

Run: ``python benchmarks/bench_training.py [--model lenet5] [--epochs 2] [--batch-size 32]``.

Prints, for each epoch of a real ``Trainer`` run on the 3,000 built-in training digits
(no test evaluation in the timed epochs), the training images/s with augmentation off and on,
the share of the batch time the training thread spends in ``AugmentAhead.get`` and ``.ahead``
(waiting for its augmented batch made ahead on the other core, and sending the next batch's
work there: ``explorer.data.augment_ahead``; measured within one
epoch, so a machine whose speed drifts between epochs moves it less than on/off, which also
counts what the other core's work costs this one in memory traffic), their medians over the
epochs after the first (which also starts the helper process), and a full MNIST epoch (60,000
images) estimated from the rates; the two runs alternate epoch by epoch so machine noise hits
both alike. Then the cost of the
pieces on their own: ``augment_batch`` (images/s) and ``preprocess_digit`` on a 280x280 canvas
(ms per call, the app calls it on every pen move; the goal is under 1 ms). The load average is
printed too: on a shared machine compare the two columns, not absolute numbers.

Last, the cost of the app's divergence guard (``Trainer(..., pause_on_divergence=True)`` copies
the weights and optimiser state before every batch): epochs alternating guard off and on, and
the snapshot alone against one training batch (medians).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time

import numpy as np

from explorer.data.augment_ahead import AugmentAhead
from explorer.data import augment_batch, load_builtin, preprocess_digit
from explorer.training import EpochEvent, TrainConfig, Trainer, build_from_config


MNIST_TRAIN = 60_000  # images in the full MNIST training set


class _TimedAugment:
    """Stands in for a method of ``AugmentAhead`` and adds up the seconds it takes: ``get``
    (the training thread's wait for its augmented batch: the whole augmentation, or what is
    left of one made ahead on the other core) and ``ahead`` (sending the next batch's work to
    the other core)."""

    def __init__(self, fn):
        self.fn, self.seconds = fn, 0.0

    def __call__(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start


def epoch_throughputs(model_name, dataset, epochs, batch_size, threads=1):
    """Alternate one epoch without and one with augmentation; ``threads`` is the model's
    :attr:`~explorer.engine.models.Model.threads` (2: each batch as two halves at once).

    Returns one dict per epoch: ``{augment: (images/s of the Trainer's batches, images/s of
    the wall clock around them, share of the batch time in AugmentAhead.get and .ahead: the
    augmentation's cost on the training thread, measured within the epoch, so unlike on/off
    it does not move with a machine whose speed drifts between epochs)}``.
    Each Trainer is
    configured for one epoch more than is timed, so that no timed epoch includes the test
    evaluation that ends a run.
    """
    trainers = {}
    for augment in (False, True):
        cfg = TrainConfig(model=model_name, epochs=epochs + 1, batch_size=batch_size,
                          augment=augment, eval_each_epoch=False)
        model = build_from_config(cfg)
        model.threads = threads
        trainers[augment] = Trainer(model, dataset, cfg).steps()
    timed = {name: _TimedAugment(getattr(AugmentAhead, name)) for name in ("get", "ahead")}
    rows = []
    try:
        AugmentAhead.get = lambda self, *args: timed["get"](self, *args)
        AugmentAhead.ahead = lambda self, *args: timed["ahead"](self, *args)
        for _epoch in range(epochs):
            row = {}
            for augment, steps in trainers.items():
                for t in timed.values():
                    t.seconds = 0.0
                start = time.perf_counter()
                for event in steps:
                    if isinstance(event, EpochEvent):
                        wall = time.perf_counter() - start
                        spent = sum(t.seconds for t in timed.values())
                        row[augment] = (dataset.n_train / event.seconds,
                                        dataset.n_train / wall, spent / event.seconds)
                        break
            rows.append(row)
    finally:
        for name, t in timed.items():
            setattr(AugmentAhead, name, t.fn)
    return rows


def print_trainer_rows(model_name, dataset, epochs, batch_size, threads=1):
    """Print :func:`epoch_throughputs` as a table (also used by bench_engine.py): images/s
    per epoch with augmentation off and on, augmentation's share of the batch time, and a
    full MNIST epoch (60,000 images) estimated from each rate."""
    print(f"Trainer: {model_name}, batch {batch_size}, {dataset.n_train:,} training images "
          f"({dataset.name}), model.threads={threads}, images/s per epoch of the Trainer's "
          "batch time (wall clock around the generator in brackets)")
    print(f"{'epoch':>5} {'augment off':>20} {'augment on':>20} {'on/off':>7} "
          f"{'augment share':>14}")
    rows = epoch_throughputs(model_name, dataset, epochs, batch_size, threads)
    for i, row in enumerate(rows):
        off, on = row[False], row[True]
        print(f"{i + 1:>5} {off[0]:>10,.0f} ({off[1]:>7,.0f}) {on[0]:>10,.0f} ({on[1]:>7,.0f}) "
              f"{on[0] / off[0]:>7.2f} {100 * on[2]:>13.1f}%")
    later = rows[1:] or rows  # the first epoch also starts the helper process
    print(f"median of epochs {2 if len(rows) > 1 else 1}-{len(rows)}: on/off "
          f"{statistics.median(r[True][0] / r[False][0] for r in later):.2f}, augmentation's "
          f"share of the batch time (in AugmentAhead.get and .ahead) "
          f"{100 * statistics.median(r[True][2] for r in later):.1f}%")
    best_off = max(row[False][1] for row in rows)
    best_on = max(row[True][1] for row in rows)
    print(f"full MNIST epoch ({MNIST_TRAIN:,} images) at the best wall-clock rate: "
          f"{MNIST_TRAIN / best_off:.1f} s augmentation off, {MNIST_TRAIN / best_on:.1f} s on")


def full_epoch_seconds(model_name, dataset, batch_size, augment, guard=True, threads=1):
    """(seconds of the Trainer's batches, wall-clock seconds) of one whole training epoch as
    the app runs it (``pause_on_divergence=True``: the snapshot before every batch, Adam, one
    BLAS thread set by the caller), without the test evaluation."""
    cfg = TrainConfig(model=model_name, epochs=2, batch_size=batch_size, augment=augment,
                      eval_each_epoch=False)
    model = build_from_config(cfg)
    model.threads = threads  # 2: each batch as two halves on two threads
    trainer = Trainer(model, dataset, cfg, pause_on_divergence=guard)
    start = time.perf_counter()
    for event in trainer.steps():
        if isinstance(event, EpochEvent):
            return event.seconds, time.perf_counter() - start
    raise RuntimeError("the run ended before its first epoch did")


def print_full_epochs(model_name, dataset, batch_sizes, rounds=1, threads=(1,)):
    """One whole epoch of ``dataset`` per batch size and ``threads`` (the model's
    :attr:`~explorer.engine.models.Model.threads`), augmentation off and on (alternating; the
    best of ``rounds`` epochs each, as the machine may be shared)."""
    print(f"Full epoch: {model_name} on {dataset.n_train:,} training images ({dataset.name}), "
          "the app's path (Adam, divergence guard on, one BLAS thread), seconds of the "
          "Trainer's batches (wall clock in brackets), best of "
          f"{rounds}")
    print(f"{'batch':>5} {'threads':>7} {'augment off':>18} {'augment on':>18}")
    for batch_size in batch_sizes:
        best = {(t, a): (math.inf, math.inf) for t in threads for a in (False, True)}
        for _ in range(rounds):
            for t in threads:
                for augment in (False, True):
                    batch_s, wall = full_epoch_seconds(model_name, dataset, batch_size,
                                                       augment, threads=t)
                    best[t, augment] = min(best[t, augment], (batch_s, wall))
        for t in threads:
            off, on = best[t, False], best[t, True]
            print(f"{batch_size:>5} {t:>7} {off[0]:>8.2f} s ({off[1]:>5.2f}) "
                  f"{on[0]:>8.2f} s ({on[1]:>5.2f})")


def guard_throughputs(model_name, dataset, epochs, batch_size):
    """Alternate one epoch without and one with the divergence guard; images/s of each."""
    trainers = {}
    for guard in (False, True):
        cfg = TrainConfig(model=model_name, epochs=epochs, batch_size=batch_size,
                          eval_each_epoch=False)
        trainers[guard] = Trainer(build_from_config(cfg), dataset, cfg,
                                  pause_on_divergence=guard).steps()
    rows = []
    for _ in range(epochs):
        row = {}
        for guard, steps in trainers.items():
            for event in steps:
                if isinstance(event, EpochEvent):
                    row[guard] = dataset.n_train / event.seconds
                    break
        rows.append(row)
    return rows


def snapshot_vs_batch_ms(model_name, dataset, batch_size, rounds=100):
    """Median ms of the guard's snapshot and of one training batch (guard off)."""
    cfg = TrainConfig(model=model_name, epochs=1000, batch_size=batch_size, eval_each_epoch=False)
    trainer = Trainer(build_from_config(cfg), dataset, cfg)
    trainer.step_once()  # optimiser state exists from here on
    snap, batch = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        trainer._snapshot.take(trainer.model, trainer.optimizer)
        snap.append(time.perf_counter() - t)
        t = time.perf_counter()
        trainer.step_once()
        batch.append(time.perf_counter() - t)
    return statistics.median(snap) * 1e3, statistics.median(batch) * 1e3


def augment_rate(dataset, batch_size, rounds=200):
    """images/s of augment_batch on one batch, from the median of ``rounds`` calls."""
    rng = np.random.default_rng(0)
    images = dataset.train_images[:batch_size]
    augment_batch(images, rng)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        augment_batch(images, rng)
        times.append(time.perf_counter() - start)
    return batch_size / statistics.median(times)


def preprocess_ms(rounds=300):
    canvas = np.zeros((280, 280), np.float32)
    yy, xx = np.mgrid[0:280, 0:280]
    ring = np.abs(np.hypot(yy - 120, xx - 150) - 70) < 12  # a drawn "0", off-centre
    canvas[ring] = 1.0
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        preprocess_digit(canvas)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3, min(times) * 1e3


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="lenet5")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)

    dataset = load_builtin()
    print(f"load average {os.getloadavg()[0]:.2f}; {dataset!r}")
    print_trainer_rows(args.model, dataset, args.epochs, args.batch_size)
    print(f"augment_batch alone: {augment_rate(dataset, args.batch_size):,.0f} images/s "
          f"(batch {args.batch_size})")
    median, best = preprocess_ms()
    print(f"preprocess_digit on a 280x280 canvas: median {median:.3f} ms, best {best:.3f} ms "
          "(goal < 1 ms)")
    print(f"{args.model}, batch {args.batch_size}: divergence guard (snapshot before each batch)")
    print(f"{'epoch':>5} {'guard off':>12} {'guard on':>12} {'on/off':>7}")
    for i, row in enumerate(guard_throughputs(args.model, dataset, args.epochs, args.batch_size)):
        print(f"{i + 1:>5} {row[False]:>12,.0f} {row[True]:>12,.0f} {row[True] / row[False]:>7.2f}")
    snap, batch = snapshot_vs_batch_ms(args.model, dataset, args.batch_size)
    print(f"snapshot {snap:.3f} ms vs one batch {batch:.2f} ms (median): "
          f"{100 * snap / batch:.1f} % per batch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
