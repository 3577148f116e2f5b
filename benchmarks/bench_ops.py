"""Time the functional ops on LeNet-5 / SimpleConvNet shapes, side by side with PyTorch.

Run: ``python benchmarks/bench_ops.py [--repeat 30] [--dtype float32]``. Prints, per op, the
median time of forward and forward+backward in microseconds for explorer.engine.functional and
(when installed) torch eager, interleaved in one run so that machine noise hits both alike,
and the ratio torch/ours (above 1 means ours is faster). For im2col the second column is
im2col followed by col2im (torch: unfold then fold). First conv layers skip their input
gradient (need_dx=False), as a training loop does and as torch does for an input that does not
require grad.

On a busy machine wall-clock times mostly measure the other processes: then compare CPU time
with one thread on each side, ``OPENBLAS_NUM_THREADS=1 python benchmarks/bench_ops.py
--cpu-time --torch-threads 1``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

from explorer.engine import functional as fn

try:
    import torch
except ImportError:  # torch is optional: then only our numbers are printed
    torch = None

# name, x shape, op, args: conv (filters, kernel, stride, padding, need_dx) / pool (kernel)
CASES = [
    ("lenet5 conv1 6@5x5 pad2", (100, 1, 28, 28), "conv", (6, 5, 1, 2, False)),
    ("lenet5 pool1 2x2", (100, 6, 28, 28), "max", (2,)),
    ("lenet5 conv2 16@5x5", (100, 6, 14, 14), "conv", (16, 5, 1, 0, True)),
    ("lenet5 pool2 2x2", (100, 16, 10, 10), "max", (2,)),
    ("simple conv1 30@5x5", (100, 1, 28, 28), "conv", (30, 5, 1, 0, False)),
    ("simple pool1 2x2", (100, 30, 24, 24), "max", (2,)),
    ("classic avgpool 2x2", (100, 6, 28, 28), "avg", (2,)),
    ("im2col / col2im 5x5", (100, 6, 14, 14), "cols", (5,)),
    ("batch-1 conv1 30@5x5", (1, 1, 28, 28), "conv", (30, 5, 1, 0, False)),
    ("batch-1 lenet conv2", (1, 6, 14, 14), "conv", (16, 5, 1, 0, True)),
]


CLOCK = time.perf_counter


def median_us(fn_, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = CLOCK()
        fn_()
        times.append(CLOCK() - t0)
    return statistics.median(times) * 1e6


def ours(kind, x, args, rng):
    if kind == "conv":
        f, k, s, p, need_dx = args
        w = (rng.standard_normal((f, x.shape[1], k, k)) * 0.1).astype(x.dtype)
        b = np.zeros(f, dtype=x.dtype)
        fwd = lambda: fn.conv2d_forward(x, w, b, s, p)  # noqa: E731
        out, _ = fwd()
        g = np.ones_like(out)

        def both():
            _, cache = fwd()
            fn.conv2d_backward(g, cache, need_dx=need_dx)

        return fwd, both
    if kind == "cols":  # the book's im2col, then col2im as its backward
        k = args[0]
        return (lambda: fn.im2col(x, k)), (lambda: fn.col2im(fn.im2col(x, k), x.shape, k))
    forward, backward = {
        "max": (fn.max_pool2d_forward, fn.max_pool2d_backward),
        "avg": (fn.avg_pool2d_forward, fn.avg_pool2d_backward),
    }[kind]
    out, _ = forward(x, args[0])
    g = np.ones_like(out)

    def both():
        _, cache = forward(x, args[0])
        backward(g, cache)

    return (lambda: forward(x, args[0])), both


def theirs(kind, x, args, rng):
    tf = torch.nn.functional
    if kind == "conv":
        f, k, s, p, need_dx = args
        xt = torch.tensor(x, requires_grad=need_dx)
        w = torch.tensor((rng.standard_normal((f, x.shape[1], k, k)) * 0.1).astype(x.dtype),
                         requires_grad=True)
        b = torch.zeros(f, dtype=w.dtype, requires_grad=True)
        op = lambda: tf.conv2d(xt, w, b, stride=s, padding=p)  # noqa: E731
    elif kind == "cols":  # unfold = im2col (layout (N, C*KH*KW, L)), fold = col2im
        xt = torch.tensor(x)
        k = args[0]
        size = x.shape[2:]
        fwd = lambda: tf.unfold(xt, k)  # noqa: E731
        return fwd, (lambda: tf.fold(tf.unfold(xt, k), size, k))
    else:
        xt = torch.tensor(x, requires_grad=True)
        pool = tf.max_pool2d if kind == "max" else tf.avg_pool2d
        op = lambda: pool(xt, args[0])  # noqa: E731
    with torch.no_grad():
        g = torch.ones_like(op())

    def fwd():
        with torch.no_grad():
            op()

    def both():
        op().backward(g)

    return fwd, both


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    parser.add_argument("--cpu-time", action="store_true", help="time CPU use, not wall clock")
    parser.add_argument("--torch-threads", type=int, default=None, help="torch.set_num_threads")
    args = parser.parse_args()
    global CLOCK
    if args.cpu_time:
        CLOCK = time.process_time
    if torch and args.torch_threads:
        torch.set_num_threads(args.torch_threads)
    rng = np.random.default_rng(0)
    clock = "CPU time" if args.cpu_time else "wall clock"
    if hasattr(os, "getloadavg"):  # on a shared machine compare ratios, not absolute numbers
        print("load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"numpy {np.__version__}, {args.dtype}, {clock}, "
          + (f"torch {torch.__version__} ({torch.get_num_threads()} threads)" if torch
             else "torch not installed"))
    print(f"{'case':28s} {'fwd us':>9s} {'torch':>9s} {'ratio':>6s} "
          f"{'fwd+bwd us':>11s} {'torch':>9s} {'ratio':>6s}")
    for name, shape, kind, op_args in CASES:
        x = rng.standard_normal(shape).astype(args.dtype)
        mine = ours(kind, x, op_args, rng)
        other = theirs(kind, x, op_args, rng) if torch else None
        row = {}
        for label in ("fwd", "both"):
            idx = 0 if label == "fwd" else 1
            a, b = [], []
            for _ in range(3):  # interleave rounds so drifting load hits both
                a.append(median_us(mine[idx], args.repeat))
                if other:
                    b.append(median_us(other[idx], args.repeat))
            row[label] = (min(a), min(b) if b else float("nan"))
        cells = []
        for label in ("fwd", "both"):
            m, t = row[label]
            cells.append(f"{m:9.0f} {t:9.0f} {t / m:6.2f}")
        print(f"{name:28s} {cells[0]} {cells[1]:>28s}")


if __name__ == "__main__":
    main()
