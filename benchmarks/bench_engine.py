"""Training throughput and batch-1 latency of whole networks, side by side with PyTorch eager.

Run: ``python benchmarks/bench_engine.py [--rounds 9] [--steps 10] [--blas-threads 1 0]``.
Ours runs as two contenders by default: with one OpenBLAS thread, as the app runs the engine
(explorer/app.py: the GUI keeps the other core; on a busy machine a multi-threaded OpenBLAS
is also several times slower), and with NumPy's default thread count (``0``). Torch keeps
its own default thread count unless ``--torch-threads`` is given.

For ``simple_convnet`` and ``lenet5`` (float32) it prints
- training throughput at batch 100 (images/s of forward + backward + SGD update), and
- batch-1 inference latency (``predict_proba`` of one 28x28 image, numpy in, numpy out),
for explorer.engine and, when torch is installed, the same network in torch eager (same
weights, float32, ``torch.set_num_threads`` left at its default). The two run interleaved, in
alternating rounds, so machine noise hits both alike; each figure is the median over rounds
and the ratio says how many times faster ours is (above 1: ours wins). The machine's load
average is printed too: on a shared machine, compare ratios, not absolute numbers.

Last, the trainer's throughput on the built-in data: a real ``Trainer`` (one OpenBLAS thread,
as the app's worker), images/s per epoch with augmentation off and on, alternating epoch by
epoch (bench_training.py's table; ``--trainer-epochs 0`` skips it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np

from bench_training import print_epoch_throughputs  # benchmarks/ is sys.path[0] when run

from explorer.data import load_builtin
from explorer.engine import blas, build_model, make_optimizer

try:
    import torch
except ImportError:  # torch is optional: then only our numbers are printed
    torch = None

NETWORKS = ["simple_convnet", "lenet5"]
BATCH = 100


def torch_twin(model):
    """The same network in torch (Conv2d/Linear with our weights), or None without torch."""
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


def time_per_call(fn, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


def load() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "load average unknown"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9, help="alternating rounds (median)")
    parser.add_argument("--steps", type=int, default=10, help="training steps per round")
    parser.add_argument("--calls", type=int, default=200, help="batch-1 calls per round")
    parser.add_argument("--blas-threads", type=int, nargs="+", default=[1, 0],
                        help="OpenBLAS thread counts to run ours with, each as its own "
                        "contender (default: 1, as the app, and 0 = NumPy's default)")
    parser.add_argument("--torch-threads", type=int, default=None,
                        help="torch.set_num_threads (default: torch's own choice)")
    parser.add_argument("--models", nargs="+", default=NETWORKS, choices=NETWORKS)
    parser.add_argument("--trainer-epochs", type=int, default=2,
                        help="epochs of the Trainer on the built-in data, augmentation off and "
                        "on alternating (images/s per epoch, as bench_training.py); 0 skips")
    parser.add_argument("--trainer-model", default="lenet5", choices=NETWORKS,
                        help="network of the Trainer rows (default lenet5)")
    parser.add_argument("--trainer-batch-size", type=int, default=32,
                        help="batch size of the Trainer rows (default 32, as bench_training.py)")
    args = parser.parse_args(argv)
    if args.torch_threads is not None and torch is not None:
        torch.set_num_threads(args.torch_threads)
    default_threads = blas.blas_threads()
    if default_threads is None:
        print("warning: OpenBLAS not found, --blas-threads ignored")
        args.blas_threads = [0]
    configs = []  # (label, OpenBLAS threads)
    for t in dict.fromkeys(args.blas_threads):
        n = default_threads if t == 0 else t
        configs.append((f"ours, {n} BLAS thread{'s' if n != 1 else ''}", n))

    rng = np.random.default_rng(0)
    x = rng.random((BATCH, 1, 28, 28), dtype=np.float32)
    labels = rng.integers(0, 10, BATCH)
    one = rng.random((1, 1, 28, 28), dtype=np.float32)
    torch_info = f"{torch.__version__} ({torch.get_num_threads()} threads)" if torch else "-"
    print(f"numpy {np.__version__} (OpenBLAS default {default_threads} threads), "
          f"torch {torch_info}; {load()}")

    for name in args.models:
        model = build_model(name, seed=0)
        opt = make_optimizer("sgd", 0.01)

        def np_train(model=model, opt=opt):
            _, grads = model.loss_and_gradients(x, labels)
            opt.update(model.parameters(), grads)

        def np_infer(model=model):
            return model.predict_proba(one)

        # contender label -> (set-up before timing, train step, batch-1 inference)
        fns = {}
        for label, n in configs:
            fns[label] = (lambda n=n: blas.set_blas_threads(n) if n else None, np_train, np_infer)
        if torch is not None:
            net = torch_twin(model)
            topt = torch.optim.SGD(net.parameters(), lr=0.01)
            loss_fn = torch.nn.CrossEntropyLoss()
            tx, ty = torch.from_numpy(x), torch.from_numpy(labels)

            def t_train(net=net, topt=topt, loss_fn=loss_fn, tx=tx, ty=ty):
                topt.zero_grad()
                loss_fn(net(tx), ty).backward()
                topt.step()

            def t_infer(net=net):
                with torch.no_grad():
                    return torch.softmax(net(torch.from_numpy(one)), dim=1).numpy()

            with torch.no_grad():
                diff = np.abs(t_infer() - np_infer()).max()
            assert diff < 1e-4, f"the torch twin of {name} disagrees with ours by {diff}"
            label = f"torch eager ({torch.get_num_threads()} threads)"
            fns[label] = (lambda: None, t_train, t_infer)

        for setup, train, infer in fns.values():  # warm up: buffers, caches, lazy init
            setup()
            for _ in range(3):
                train()
            for _ in range(20):
                infer()
        train_t = {k: [] for k in fns}
        infer_t = {k: [] for k in fns}
        for r in range(args.rounds):
            order = list(fns) if r % 2 == 0 else list(fns)[::-1]
            for k in order:
                fns[k][0]()
                train_t[k].append(time_per_call(fns[k][1], args.steps))
            for k in order:
                fns[k][0]()
                infer_t[k].append(time_per_call(fns[k][2], args.calls))
        med_train = {k: statistics.median(v) for k, v in train_t.items()}
        med_infer = {k: statistics.median(v) for k, v in infer_t.items()}
        ref = next((k for k in fns if k.startswith("torch")), None)
        print(f"\n{name} ({model.n_params:,} parameters), median of {args.rounds} rounds")
        print(f"  {'':28s} {'train img/s':>11s} {'vs torch':>9s}   "
              f"{'batch-1 us':>10s} {'vs torch':>9s}")
        for k in fns:
            tr, inf = med_train[k], med_infer[k]
            r_tr = f"{med_train[ref] / tr:8.2f}x" if ref and k != ref else ""
            r_inf = f"{med_infer[ref] / inf:8.2f}x" if ref and k != ref else ""
            print(f"  {k:28s} {BATCH / tr:11.0f} {r_tr:>9s}   {inf * 1e6:10.1f} {r_inf:>9s}")
    blas.set_blas_threads(default_threads) if default_threads else None
    if args.trainer_epochs > 0:
        print()
        with blas.limited_blas_threads(1):  # as the app's worker trains
            print_epoch_throughputs(args.trainer_model, load_builtin(), args.trainer_epochs,
                                    args.trainer_batch_size)
    print(f"\n{load()}  (ratios above 1: ours is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
