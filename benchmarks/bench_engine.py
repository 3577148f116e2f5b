"""Training throughput and batch-1 latency of whole networks, side by side with PyTorch eager.

Run: ``python benchmarks/bench_engine.py [--rounds 9] [--blas-threads 1 0] [--torch-threads 0 1]``
(``--measures batch1 batch1_forward --trainer-epochs 0``: the batch-1 rows alone).

For ``simple_convnet`` and ``lenet5`` (float32, the same weights on both sides) it prints, per
contender, three figures measured the same way on both sides:

- ``grads``: images/s of forward + loss + backward at batch 100, no optimiser step (ours:
  ``Model.loss_and_gradients``; torch: ``zero_grad``, forward, ``cross_entropy``,
  ``backward``);
- ``step``: the same plus a plain SGD update (ours: ``optimizer.update``; torch:
  ``torch.optim.SGD.step``);
- ``batch-1``: microseconds of one 28x28 image's class probabilities, numpy in and numpy out
  (ours: ``predict_proba``, the inference-only path of :mod:`explorer.engine.inference`;
  torch: ``inference_mode`` forward + softmax + ``.numpy()``); for ours also ``via forward``,
  the same probabilities through ``Model.forward`` and ``softmax`` (what ``predict_proba``
  ran before the inference path), for a before/after in the same run.

Contenders: ours with each ``--blas-threads`` count (default 1, as the app's engine thread
runs, and 0 = NumPy's default), ours with the batch as two halves of one BLAS thread each
(``--halves``, on by default: ``loss_and_gradients(threads=2)``, see
``explorer/engine/split.py``), the second half once on a helper thread and once in the helper
process (``explorer/second_process.py``, the app's way; their batch-1 figure is the one-thread
path's) and torch with each
``--torch-threads`` count (default 0 = torch's own default, and 1). Every figure is the median
of ``--rounds`` rounds; in each round every contender runs one block of each measure, in an
order that alternates between rounds, so machine noise hits all alike. Before every block the
process sleeps ``--idle`` seconds (default 0.2): OpenBLAS's and OpenMP's worker threads
busy-wait for a while after their last job, and would otherwise steal the core the next
contender runs on; then a quarter of the block, and at least ``--warm`` seconds (0.05), runs
untimed (after the sleep, caches are cold and the other core's thread asleep: LeNet-5's first
50 batch-1 calls took ~1.3x as long as the next ones). Both sides' thread
settings are printed (and threadpoolctl's view of the loaded thread pools, when it is
installed). Ratios compare each of ours with each torch (above 1: ours is faster), as the ratio
of the medians and as the median of the per-round ratios ("paired": steadier when the machine's
speed drifts from round to round). On a shared
machine, ``--clock cpu`` times the calling thread's CPU time instead of the wall clock: fair
only when every contender runs one thread (``--blas-threads 1 --torch-threads 1``).

Last, a real ``Trainer`` (one OpenBLAS thread, as the app's worker) on the built-in data:
images/s per epoch (batch 32, augmentation off and on, alternating epoch by epoch, no test
evaluation inside the timed epochs), the share of the time the training thread waits for its
augmented batch (made ahead on the other core; augmentation's real cost is 1 - on/off), and the
time one epoch of the full MNIST training set (60,000 images) would take at that rate. Both,
and the full-epoch rows below, for each ``--trainer-threads`` count (the model's ``threads``:
1, and 2 = each batch of ``explorer.engine.split.min_split_batch()`` images or more, 32 with
the helper process and 64 without, as two halves on both cores).
When a full 60,000-image IDX training set is at hand (``--epoch-data``, by default Debian's
``dataset-fashion-mnist`` package), one real epoch of it in the app's path (Adam, the
divergence guard's snapshot before every batch) at the app's batch size 64 and at 32,
augmentation off and on.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time

import numpy as np

from bench_training import print_full_epochs, print_trainer_rows  # benchmarks/ is sys.path[0]

from explorer import second_process
from explorer.data import load_builtin, load_dataset
from explorer.engine import blas, build_model, make_optimizer
from explorer.engine.layers import softmax

try:
    import torch
except ImportError:  # torch is optional: then only our numbers are printed
    torch = None

try:
    import threadpoolctl
except ImportError:  # optional: only adds a line about the loaded thread pools
    threadpoolctl = None

NETWORKS = ["simple_convnet", "lenet5"]
FULL_DATA = "/usr/share/datasets/fashion-mnist"  # apt-get install dataset-fashion-mnist
BATCH = 100
MEASURES = ("grads", "step", "batch1", "batch1_forward")


def torch_twin(model):
    """The same network in torch (Conv2d/Linear with our weights)."""
    nn = torch.nn
    mods = []
    for layer in model.layers:
        kind = layer.type_name
        if kind == "Conv2D":
            conv = nn.Conv2d(layer.in_channels, layer.filters, layer.kernel_size,
                             stride=layer.stride, padding=layer.padding)
            conv.weight.data = torch.from_numpy(layer.params["weight"].copy())
            conv.bias.data = torch.from_numpy(layer.params["bias"].copy())
            mods.append(conv)
        elif kind == "ReLU":
            mods.append(nn.ReLU())
        elif kind == "MaxPool2D":
            mods.append(nn.MaxPool2d(layer.kernel_size, layer.stride))
        elif kind == "Flatten":
            mods.append(nn.Flatten())
        elif kind == "Dense":
            lin = nn.Linear(layer.in_features, layer.units)
            lin.weight.data = torch.from_numpy(layer.params["weight"].T.copy())
            lin.bias.data = torch.from_numpy(layer.params["bias"].copy())
            mods.append(lin)
        else:
            raise ValueError(f"no torch twin for {kind}")
    return nn.Sequential(*mods)


def load() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "load average unknown"


def thread_report(torch_counts) -> list[str]:
    """Lines saying how many threads each side uses."""
    lines = [f"numpy {np.__version__}: OpenBLAS default {blas.blas_threads()} threads, "
             f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}"]
    if torch is not None:
        lines.append(f"torch {torch.__version__}: default {torch.get_num_threads()} intra-op "
                     f"threads (run with {', '.join(map(str, torch_counts))}), "
                     f"{torch.get_num_interop_threads()} inter-op, "
                     f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}, "
                     f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', 'unset')}")
    if threadpoolctl is not None:
        pools = threadpoolctl.threadpool_info()
        lines.append("threadpoolctl: " + "; ".join(
            f"{p.get('internal_api')} {os.path.basename(p.get('filepath', ''))} "
            f"{p.get('num_threads')} threads" for p in pools))
    lines.append(f"cores: {os.cpu_count()}; {load()}")
    return lines


def contenders(model, x, labels, one, configs, torch_counts, torch_default):
    """label -> (threads set-up, {measure: callable}) for ours and torch; ``configs`` are
    (label, OpenBLAS threads or None when OpenBLAS cannot be set, None or where the second
    half of a split batch runs: "thread" or "process")."""
    out = {}
    opt = make_optimizer("sgd", 0.01)

    def np_grads(threads):
        model.loss_and_gradients(x, labels, threads=threads)

    def np_step(threads):
        _, grads = model.loss_and_gradients(x, labels, threads=threads)
        opt.update(model.parameters(), grads)

    def np_infer():
        return model.predict_proba(one)

    def np_infer_forward():  # the layer (fused) path predict_proba took before
        return softmax(model.forward(one))

    def setup(n, halves):
        second_process.enabled = halves == "process"
        if n:
            blas.set_blas_threads(n)

    for label, n, halves in configs:
        t = 2 if halves else 1
        out[label] = (lambda n=n, h=halves: setup(n, h),
                      {"grads": lambda t=t: np_grads(t), "step": lambda t=t: np_step(t),
                       "batch1": np_infer, "batch1_forward": np_infer_forward})
    if torch is None:
        return out
    net = torch_twin(model)
    topt = torch.optim.SGD(net.parameters(), lr=0.01)
    tx, ty = torch.from_numpy(x), torch.from_numpy(labels)
    cross_entropy = torch.nn.functional.cross_entropy

    def t_grads():
        topt.zero_grad()
        cross_entropy(net(tx), ty).backward()

    def t_step():
        topt.zero_grad()
        cross_entropy(net(tx), ty).backward()
        topt.step()

    def t_infer():
        with torch.inference_mode():
            return torch.softmax(net(torch.from_numpy(one)), dim=1).numpy()

    diff = np.abs(t_infer() - np_infer()).max()
    assert diff < 1e-4, f"the torch twin of {model.name} disagrees with ours by {diff}"
    for t in torch_counts:
        n = t or torch_default
        out[f"torch eager, {n} thread{'s' if n != 1 else ''}"] = (
            lambda n=n: torch.set_num_threads(n),
            {"grads": t_grads, "step": t_step, "batch1": t_infer})
    return out


def measure(fns, rounds, steps, calls, idle, clock, measures=MEASURES, warm_s=0.05):
    """({label: {measure: median seconds per call}}, {label: {measure: [seconds per call
    of every round]}}) over interleaved rounds."""
    fns = {k: (setup, {m: f for m, f in calls_of.items() if m in measures})
           for k, (setup, calls_of) in fns.items()}
    for setup, calls_of in fns.values():  # warm up: buffers, caches, lazy init
        setup()
        for name, fn in calls_of.items():
            for _ in range(20 if name.startswith("batch1") else 3):
                fn()
    times = {k: {m: [] for m in calls_of} for k, (_, calls_of) in fns.items()}
    labels = list(fns)
    for r in range(rounds):
        for measure_name in measures:
            n = calls if measure_name.startswith("batch1") else steps
            warm = max(1, n // 4)
            for k in (labels if r % 2 == 0 else labels[::-1]):
                setup, calls_of = fns[k]
                if measure_name not in calls_of:  # torch has no "via forward"
                    continue
                setup()
                fn = calls_of[measure_name]
                time.sleep(idle)  # let the other side's spinning threads go to sleep
                # untimed: caches refilled, the idle core clocked up and the other core's
                # thread awake (a quarter of the block, and at least warm_s seconds)
                until = time.perf_counter() + warm_s
                for i in itertools.count():
                    if i >= warm and time.perf_counter() >= until:
                        break
                    fn()
                start = clock()
                for _ in range(n):
                    fn()
                times[k][measure_name].append((clock() - start) / n)
    med = {k: {m: statistics.median(v) for m, v in per.items()} for k, per in times.items()}
    return med, times


def paired_ratio(times, ours, theirs, measure_name):
    """Median over rounds of (their time / our time) in the same round: steadier than the
    ratio of the medians when the machine's speed drifts between rounds."""
    a, b = times[ours].get(measure_name), times[theirs].get(measure_name)
    if not a or not b:
        return None
    return statistics.median(t / o for o, t in zip(a, b))


def print_table(name, model, med, rounds, times):
    print(f"\n{name} ({model.n_params:,} parameters), batch {BATCH}, median of {rounds} rounds")
    print(f"  {'':26s} {'grads img/s':>12s} {'step img/s':>11s} {'batch-1 us':>11s} "
          f"{'via forward':>12s}")
    def cell(m, key, width):  # "-": not measured (--measures), or torch's "via forward"
        if key not in m:
            return f"{'-':>{width}s}"
        if key.startswith("batch1"):
            return f"{m[key] * 1e6:{width}.1f}"
        return f"{BATCH / m[key]:{width},.0f}"

    for k, m in med.items():
        print(f"  {k:26s} {cell(m, 'grads', 12)} {cell(m, 'step', 11)} {cell(m, 'batch1', 11)} "
              f"{cell(m, 'batch1_forward', 12)}")
    ours = [k for k in med if k.startswith("ours")]
    theirs = [k for k in med if k.startswith("torch")]
    for o in ours:
        for t in theirs:
            r = {}
            for m in ("grads", "step", "batch1"):
                paired = paired_ratio(times, o, t, m) if m in med[o] else None
                r[m] = "-" if paired is None else (
                    f"{med[t][m] / med[o][m]:.2f}x (paired {paired:.2f}x)")
            print(f"  {o} vs {t}: grads {r['grads']}, step {r['step']}, "
                  f"batch-1 {r['batch1']}")
    print("  (paired: the median over rounds of the ratio of the two blocks of one round)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds (median)")
    parser.add_argument("--steps", type=int, default=10, help="training steps per block")
    parser.add_argument("--calls", type=int, default=200, help="batch-1 calls per block")
    parser.add_argument("--idle", type=float, default=0.2,
                        help="seconds of sleep before every block (threads go idle)")
    parser.add_argument("--warm", type=float, default=0.05,
                        help="seconds of untimed calls after the sleep (at least a quarter "
                        "of the block)")
    parser.add_argument("--blas-threads", type=int, nargs="+", default=[1, 0],
                        help="OpenBLAS thread counts of our contenders (0 = NumPy's default)")
    parser.add_argument("--halves", action=argparse.BooleanOptionalAction, default=True,
                        help="also ours with the batch in two halves on two threads, one "
                        "BLAS thread each (Model.loss_and_gradients(threads=2))")
    parser.add_argument("--torch-threads", type=int, nargs="+", default=[0, 1],
                        help="torch.set_num_threads of the torch contenders (0 = its default)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall clock, or the calling thread's CPU time (one thread each)")
    parser.add_argument("--models", nargs="+", default=NETWORKS, choices=NETWORKS)
    parser.add_argument("--measures", nargs="+", default=list(MEASURES), choices=MEASURES,
                        help="what to time (e.g. batch1 batch1_forward: the batch-1 rows only)")
    parser.add_argument("--trainer-epochs", type=int, default=2,
                        help="timed Trainer epochs per setting (augmentation off and on, "
                        "alternating); 0 skips")
    parser.add_argument("--trainer-model", default="lenet5", choices=NETWORKS)
    parser.add_argument("--trainer-batch-size", type=int, default=32)
    parser.add_argument("--trainer-threads", type=int, nargs="+", default=[1, 2],
                        help="Model.threads of the Trainer and full-epoch rows (2: batches "
                        "as two halves on two threads)")
    parser.add_argument("--epoch-data", default=FULL_DATA,
                        help="an IDX folder of a full training set (60,000 images) for the "
                        "full-epoch rows, skipped when missing; default: Debian's "
                        "dataset-fashion-mnist package")
    parser.add_argument("--epoch-batch-sizes", type=int, nargs="*", default=[64, 32],
                        help="batch sizes of the full-epoch rows (64: the app's default)")
    parser.add_argument("--epoch-rounds", type=int, default=1)
    args = parser.parse_args(argv)
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter
    default_threads = blas.blas_threads()
    process_default = second_process.enabled
    configs = []  # (label, OpenBLAS threads, None or where a split batch's second half runs)
    if default_threads is None:
        print("warning: OpenBLAS not found, --blas-threads ignored")
        configs.append(("ours, BLAS default", None, False))
    else:
        for n in dict.fromkeys(t or default_threads for t in args.blas_threads):
            configs.append((f"ours, {n} BLAS thread{'s' if n != 1 else ''}", n, False))
    if args.halves and args.clock == "cpu":
        print("--clock cpu times one thread: the two-halves contender is left out")
    elif args.halves:
        one = 1 if default_threads else None
        configs.append(("ours, 2 halves, 2 threads", one, "thread"))
        configs.append(("ours, 2 halves, 2 processes", one, "process"))
    torch_default = torch.get_num_threads() if torch is not None else None
    torch_counts = list(dict.fromkeys(args.torch_threads))
    for line in thread_report(torch_counts):
        print(line)
    print(f"clock: {args.clock}; {args.idle:g} s idle before every block")

    rng = np.random.default_rng(0)
    x = rng.random((BATCH, 1, 28, 28), dtype=np.float32)
    labels = rng.integers(0, 10, BATCH)
    one = rng.random((1, 1, 28, 28), dtype=np.float32)
    for name in args.models:
        model = build_model(name, seed=0)
        fns = contenders(model, x, labels, one, configs, torch_counts, torch_default)
        med, times = measure(fns, args.rounds, args.steps, args.calls, args.idle, clock,
                             args.measures, args.warm)
        print_table(name, model, med, args.rounds, times)
    second_process.enabled = process_default  # as the app has it, for the Trainer rows
    if default_threads:
        blas.set_blas_threads(default_threads)
    if torch is not None:
        torch.set_num_threads(torch_default)
    if args.trainer_epochs > 0:
        print()
        with blas.limited_blas_threads(1):  # as the app's worker trains
            for threads in args.trainer_threads:
                print_trainer_rows(args.trainer_model, load_builtin(), args.trainer_epochs,
                                   args.trainer_batch_size, threads)
    if args.epoch_data and args.epoch_batch_sizes and os.path.isdir(args.epoch_data):
        print()
        with blas.limited_blas_threads(1):
            print_full_epochs(args.trainer_model, load_dataset(args.epoch_data),
                              args.epoch_batch_sizes, args.epoch_rounds,
                              args.trainer_threads)
    print(f"\n{load()}  (ratios above 1: ours is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
