"""Loading and training on a full-size data set: time, resident memory, images/s.

Run: ``python benchmarks/bench_data.py [--data fashion-mnist] [--batches 150] [--model lenet5]``
(Fashion-MNIST: ``apt-get install dataset-fashion-mnist``, or ``python main.py data download
fashion-mnist``).

Prints, for the 60,000 + 10,000 images of the set:

- load time and resident memory (VmRSS from /proc/self/status) before and after, next to the
  data's own size (uint8 images + labels); the peak (VmHWM) shows the transient cost of
  decompressing; the goal is a resident growth near the data's size (uint8 kept, batches
  converted to float32 on the fly);
- the time of the Data panel's statistics (class counts, mean images, pixel histogram);
- training throughput (images/s) of a real ``Trainer`` over ``--batches`` mini-batches,
  the extrapolated time of one 60,000-image epoch, and the resident memory while training.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from explorer.data import load_dataset
from explorer.data.stats import dataset_statistics
from explorer.training import TrainConfig, Trainer, build_from_config


def memory_mb() -> dict[str, float]:
    """``{"rss": current, "peak": high-water mark}`` in MB (Linux /proc; else resource)."""
    status = Path("/proc/self/status")
    if status.is_file():
        values = {}
        for line in status.read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024  # kB -> MB
        return {"rss": values["VmRSS"], "peak": values["VmHWM"]}
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss": float("nan"), "peak": peak}


def _malloc_trim() -> float | None:
    """Ask glibc to return freed heap to the system; the RSS afterwards (None off glibc)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return None
    return memory_mb()["rss"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="fashion-mnist", help="data set name or IDX folder")
    parser.add_argument("--model", default="lenet5")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--batches", type=int, default=150, help="mini-batches to time")
    args = parser.parse_args(argv)

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine: "
          "numbers are noisy)")
    before = memory_mb()
    start = time.perf_counter()
    try:
        ds = load_dataset(args.data)
    except (OSError, ValueError) as exc:
        print(f"cannot load {args.data!r}: {exc}", file=sys.stderr)
        return 2
    load_s = time.perf_counter() - start
    after = memory_mb()
    arrays = (ds.train_images, ds.train_labels, ds.test_images, ds.test_labels)
    data_mb = sum(a.nbytes for a in arrays) / 2**20
    as_float_mb = sum(a.size for a in arrays[::2]) * 4 / 2**20
    print(f"\n{ds!r}")
    print(f"{'load time':28s} {load_s:8.2f} s")
    print(f"{'data size (uint8 + labels)':28s} {data_mb:8.1f} MB   (as float32 it would be "
          f"{as_float_mb:.1f} MB)")
    print(f"{'RSS before load':28s} {before['rss']:8.1f} MB")
    print(f"{'RSS after load':28s} {after['rss']:8.1f} MB   (+{after['rss'] - before['rss']:.1f} "
          f"MB = {(after['rss'] - before['rss']) / data_mb:.2f} x data)")
    print(f"{'peak RSS while loading':28s} {after['peak']:8.1f} MB   "
          f"(+{after['peak'] - before['rss']:.1f} MB transient: compressed + raw bytes)")

    trimmed = _malloc_trim()
    if trimmed is not None:
        print(f"{'RSS after malloc_trim':28s} {trimmed:8.1f} MB   "
              f"(+{trimmed - before['rss']:.1f} MB: the rest was freed heap the C library "
              "had not yet given back)")

    start = time.perf_counter()
    dataset_statistics(ds)
    print(f"{'Data panel statistics':28s} {time.perf_counter() - start:8.2f} s   (counts, mean "
          "images, pixel histogram of both splits)")

    config = TrainConfig(model=args.model, epochs=1, batch_size=args.batch_size,
                         dataset=args.data, eval_each_epoch=False)
    model = build_from_config(config)
    trainer = Trainer(model, ds, config)
    steps = trainer.steps()
    next(steps)  # the first batch pays for allocations: not timed
    rss_train = []
    start = time.perf_counter()
    for i in range(args.batches):
        event = next(steps)
        if i % 25 == 0:
            rss_train.append(memory_mb()["rss"])
    seconds = time.perf_counter() - start
    ips = args.batches * args.batch_size / seconds
    print(f"\ntraining {args.model}, batch {args.batch_size}, {args.batches} batches "
          f"({args.batches * args.batch_size:,} images), last loss {event.loss:.3f}")
    print(f"{'training images/s':28s} {ips:8.0f}")
    print(f"{'one 60,000-image epoch':28s} {ds.n_train / ips / 60:8.1f} min (extrapolated)")
    base = trimmed if trimmed is not None else after["rss"]
    print(f"{'RSS while training':28s} {max(rss_train):8.1f} MB   (+{max(rss_train) - base:.1f} "
          "MB over the loaded data: model, optimiser state, batch arrays, NumPy buffers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
