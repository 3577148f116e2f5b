"""Where a training batch's time goes, step by step and direction by direction, ours side by
side with PyTorch eager.

Run: ``python benchmarks/profile_steps.py [--model lenet5] [--batch 100] [--batches 200]``.

Our steps are the ones ``Model.loss_and_gradients`` runs on one thread: a fused
Conv2D -> ReLU -> MaxPool2D stage (:class:`explorer.engine.fused.ConvReluPool`) is one step,
any other layer is its own, and the loss (softmax cross-entropy, forward and its gradient) is
one more. Each step's forward and backward is timed on its own, in the order of a real batch
(forward steps, loss, backward steps in reverse; the first step skips its input gradient, as
training does). Torch runs the same network with the same weights (``bench_engine.torch_twin``)
grouped into the same steps; each group's input is detached from the previous group so that its
backward (input and weight gradients) can be timed on its own, and the first group's input
needs no gradient, as ours. Ours and torch alternate batch by batch, so machine noise hits both
alike; each cell is the median over ``--batches`` batches in milliseconds. The whole batch
(``loss_and_gradients``; torch's ``zero_grad`` + forward + ``cross_entropy`` + ``backward``) is
timed too: its difference from the sum of the steps is the timers' and the hand-overs' cost.

Threads: ours with ``--blas-threads`` OpenBLAS threads (default 1, as the app's engine thread
trains a batch that is not split), torch with ``--torch-threads`` (default 1: a per-step
comparison of one core each; bench_engine.py compares whole batches with torch's 2 threads).

Before timing, the script checks that its step-by-step loop computes what
``Model.loss_and_gradients`` does (loss and every gradient) and that torch's loss agrees with
ours: it stops with an error instead of printing numbers of another computation.

For a sampling profile of the NumPy calls inside our steps, run this script under py-spy:
``py-spy record --rate 500 -o ours.svg -- python benchmarks/profile_steps.py --no-torch``
(at 2000 samples/s py-spy fell behind on a 2-core VM).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np

from bench_engine import NETWORKS, thread_report, torch_twin  # benchmarks/ is sys.path[0]
from explorer.engine import blas, build_model
from explorer.engine.fused import ConvReluPool
from explorer.engine.layers import Conv2D, Dense

try:
    import torch
except ImportError:  # torch is optional: then only our numbers are printed
    torch = None

LOSS = "loss"


def step_name(step) -> str:
    layers = step.layers if isinstance(step, ConvReluPool) else (step,)
    return "+".join(layer.name for layer in layers)


class Ours:
    """The model's training batch split into its steps, each timed on its own."""

    def __init__(self, model):
        self.model = model
        fused = model._fused if model.fast else None
        self.steps = list(fused.steps) if fused is not None else list(model.layers)
        self.names = [step_name(s) for s in self.steps]

    def _forward(self, step, x):
        if isinstance(step, ConvReluPool):
            return step.forward(x, True, True)  # training, keep what backward needs
        return step.forward(x, True)

    def _backward(self, k, step, dout):
        if k == 0 and isinstance(step, (ConvReluPool, Conv2D, Dense)):
            return step.backward(dout, need_input_grad=False)
        return step.backward(dout)

    def batch(self, x, labels, times):
        """One batch, step by step; ``times[name]`` gets [forward s, backward s]. The loss."""
        clock, y = time.perf_counter, x
        for step, name in zip(self.steps, self.names):
            t = clock()
            y = self._forward(step, y)
            times[name][0] = clock() - t
        loss_layer = self.model.loss_layer
        t = clock()
        loss = loss_layer.forward(y, labels)
        dout = loss_layer.backward()
        times[LOSS][0], times[LOSS][1] = clock() - t, 0.0
        for k in range(len(self.steps) - 1, -1, -1):
            t = clock()
            dout = self._backward(k, self.steps[k], dout)
            times[self.names[k]][1] = clock() - t
        return loss

    def grads(self):
        return {f"{layer.name}.{k}": v for layer in self.model.layers
                for k, v in layer.grads.items()}

    def whole(self, x, labels):
        self.model.loss_and_gradients(x, labels, threads=1)


class Torch:
    """The same steps in torch eager: a group of modules per step of ours."""

    def __init__(self, model, steps):
        mods = list(torch_twin(model))
        index = {id(layer): i for i, layer in enumerate(model.layers)}
        self.net = torch.nn.Sequential(*mods)
        self.groups = []
        for step in steps:
            layers = step.layers if isinstance(step, ConvReluPool) else (step,)
            self.groups.append(torch.nn.Sequential(*(mods[index[id(la)]] for la in layers)))
        self.names = [step_name(s) for s in steps]

    def batch(self, x, labels, times):
        clock, ce = time.perf_counter, torch.nn.functional.cross_entropy
        self.net.zero_grad(set_to_none=True)
        ins, outs, y = [], [], x
        with torch.enable_grad():
            for k, (group, name) in enumerate(zip(self.groups, self.names)):
                t = clock()
                inp = y.detach().requires_grad_(k > 0)
                y = group(inp)
                times[name][0] = clock() - t
                ins.append(inp)
                outs.append(y)
            t = clock()
            logits = y.detach().requires_grad_(True)
            loss = ce(logits, labels)
            loss.backward()
            grad = logits.grad
            times[LOSS][0], times[LOSS][1] = clock() - t, 0.0
            for k in range(len(self.groups) - 1, -1, -1):
                t = clock()
                outs[k].backward(grad)
                grad = ins[k].grad
                times[self.names[k]][1] = clock() - t
        return float(loss.detach())

    def whole(self, x, labels):
        self.net.zero_grad(set_to_none=True)
        torch.nn.functional.cross_entropy(self.net(x), labels).backward()


def check(model, ours, x, labels, twin, tx, tlabels):
    """Stop unless the step loop computes Model.loss_and_gradients' numbers (and torch's loss
    agrees): the profile must time the computation it claims to."""
    times = {name: [0.0, 0.0] for name in [*ours.names, LOSS]}
    loss = ours.batch(x, labels, times)
    mine = {k: v.copy() for k, v in ours.grads().items()}
    ref_loss, ref = model.loss_and_gradients(x, labels, threads=1)
    problems = []
    if not np.isclose(loss, ref_loss, rtol=1e-5):
        problems.append(f"loss {loss} against {ref_loss}")
    for key, g in ref.items():
        if key not in mine or not np.allclose(mine[key], g, rtol=1e-4, atol=1e-6):
            problems.append(f"gradient {key}")
    if twin is not None:
        theirs = twin.batch(tx, tlabels, {name: [0.0, 0.0] for name in times})
        if not np.isclose(theirs, ref_loss, rtol=1e-4):
            problems.append(f"torch's loss {theirs} against ours {ref_loss}")
    if problems:
        raise SystemExit("profile_steps: the step-by-step loop no longer matches "
                         "Model.loss_and_gradients: " + "; ".join(problems))


def profile(model, x, labels, batches, with_torch=True):
    """{side: {step name: (median forward s, median backward s)}} and {side: median whole
    batch s}, side "ours" and (when torch runs) "torch"."""
    ours = Ours(model)
    names = [*ours.names, LOSS]
    twin = Torch(model, ours.steps) if with_torch and torch is not None else None
    tx = torch.from_numpy(x) if twin else None
    tlabels = torch.from_numpy(np.asarray(labels, dtype=np.int64)) if twin else None
    check(model, ours, x, labels, twin, tx, tlabels)
    sides = {"ours": (ours, x, labels)}
    if twin is not None:
        sides["torch"] = (twin, tx, tlabels)
    steps = {s: {n: ([], []) for n in names} for s in sides}
    whole = {s: [] for s in sides}
    times = {n: [0.0, 0.0] for n in names}
    for _ in range(3):  # warm: buffers, caches, lazy set-up
        for side, *args in sides.values():
            side.batch(*args, times)
            side.whole(*args)
    for b in range(batches):
        order = list(sides) if b % 2 == 0 else list(sides)[::-1]
        for s in order:
            side, *args = sides[s]
            side.batch(*args, times)
            for n in names:
                steps[s][n][0].append(times[n][0])
                steps[s][n][1].append(times[n][1])
            t = time.perf_counter()
            side.whole(*args)
            whole[s].append(time.perf_counter() - t)
    med = {s: {n: (statistics.median(f), statistics.median(b)) for n, (f, b) in per.items()}
           for s, per in steps.items()}
    return med, {s: statistics.median(v) for s, v in whole.items()}


def print_profile(name, batch, batches, med, whole) -> None:
    ours, theirs = med["ours"], med.get("torch")
    names = list(ours)
    ms = 1e3
    total = sum(f + b for f, b in ours.values())
    print(f"\n{name}, batch {batch}, float32: median of {batches} batches, ms "
          f"(share: of ours' sum of the steps)")
    head = f"  {'step':28s} {'ours fwd':>9s} {'ours bwd':>9s} {'share':>6s}"
    if theirs:
        head += f" {'torch fwd':>10s} {'torch bwd':>10s} {'torch/ours':>10s}"
    print(head)
    def cell(seconds, width, step):  # the loss's gradient is timed with its forward
        return f"{'-':>{width}s}" if step == LOSS else f"{seconds * ms:{width}.3f}"

    for n in names:
        f, b = ours[n]
        label = "loss (and its gradient)" if n == LOSS else n
        line = f"  {label:28s} {f * ms:9.3f} {cell(b, 9, n)} {100 * (f + b) / total:5.1f}%"
        if theirs:
            tf, tb = theirs[n]
            line += f" {tf * ms:10.3f} {cell(tb, 10, n)} {(tf + tb) / (f + b):9.2f}x"
        print(line)
    fsum = sum(f for f, _ in ours.values())
    bsum = sum(b for _, b in ours.values())
    line = f"  {'sum of the steps':28s} {fsum * ms:9.3f} {bsum * ms:9.3f} {100:5.1f}%"
    if theirs:
        tf = sum(f for f, _ in theirs.values())
        tb = sum(b for _, b in theirs.values())
        line += f" {tf * ms:10.3f} {tb * ms:10.3f} {(tf + tb) / (fsum + bsum):9.2f}x"
    print(line)
    line = f"  {'whole batch, one call':28s} {whole['ours'] * ms:19.3f} {'':6s}"
    if theirs:
        line += f" {whole['torch'] * ms:21.3f} {whole['torch'] / whole['ours']:9.2f}x"
    print(line.rstrip())
    if theirs:
        print("  (torch/ours above 1: ours is faster)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="lenet5", choices=NETWORKS)
    parser.add_argument("--batch", type=int, default=100, help="images per batch")
    parser.add_argument("--batches", type=int, default=200, help="timed batches (median)")
    parser.add_argument("--blas-threads", type=int, default=1,
                        help="OpenBLAS threads of ours (0 = NumPy's default)")
    parser.add_argument("--torch-threads", type=int, default=1,
                        help="torch.set_num_threads (0 = its default)")
    parser.add_argument("--no-torch", action="store_true", help="time ours only")
    args = parser.parse_args(argv)
    if args.batch < 1 or args.batches < 1:
        parser.error("--batch and --batches must be at least 1")
    with_torch = torch is not None and not args.no_torch
    if args.blas_threads and not blas.set_blas_threads(args.blas_threads):
        print("warning: OpenBLAS not found, --blas-threads ignored")
    if with_torch and args.torch_threads:
        torch.set_num_threads(args.torch_threads)
    for line in thread_report([torch.get_num_threads()] if with_torch else []):
        if with_torch or not line.startswith("torch"):
            print(line)
    if not with_torch:
        print("torch: not used" + (" (not installed)" if torch is None else " (--no-torch)"))
    rng = np.random.default_rng(0)
    model = build_model(args.model, seed=0)
    x = rng.random((args.batch, *model.input_shape), dtype=np.float32)
    labels = rng.integers(0, 10, args.batch)
    med, whole = profile(model, x, labels, args.batches, with_torch)
    print_profile(args.model, args.batch, args.batches, med, whole)
    return 0


if __name__ == "__main__":
    sys.exit(main())
