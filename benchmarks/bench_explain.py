"""How fast and how good the explanations are (explorer.engine.explain) with the shipped model.

Run: ``python benchmarks/bench_explain.py [--rounds 20] [--n 1000] [--no-tsne]``.

Speed (median of ``--rounds``; wall clock, the machine's load average printed first):
saliency + Grad-CAM of one drawing (target < 20 ms), SmoothGrad (25 copies), act-max of one
class for 200 steps (< 2 s), the layer grid (every filter of each conv layer, 100 steps each,
and its longest engine request), the features of ``--n`` test digits and their PCA map (< 200 ms),
their t-SNE map (< 15 s, one run) and placing one new point into it.

Quality: the deletion test on the built-in test set (the drop in the true class's probability
when the top 20 % of the Grad-CAM / saliency pixels are set to 0, against 20 % random pixels),
how many of the 10 act-max class images the model classifies as their own class, and the
leave-one-out 5-nearest-neighbour accuracy of the digits in the 2-D PCA and t-SNE maps (and in
the full feature space, for comparison). Prints numbers only; no assertions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

from explorer.data import load_builtin
from explorer.engine import blas, load_default_model
from explorer.engine import explain as E
from explorer.ui.panels.explain_logic import ExplainChoices, GridRun

#: The Explain tab's layer grid advances this many steps per engine request (explain_grid.py;
#: not imported from there, which would need Qt).
GRID_CHUNK = 20


def median_ms(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def knn_accuracy(points: np.ndarray, labels: np.ndarray, k: int = 5) -> float:
    """Leave-one-out k-NN accuracy (majority vote, ties to the nearest's label)."""
    order = E.nearest(points, points, k=k + 1)[:, 1:]  # drop each point itself
    hits = 0
    for i, nb in enumerate(order):
        votes = np.bincount(labels[nb], minlength=10)
        best = np.flatnonzero(votes == votes.max())
        guess = labels[nb[0]] if labels[nb[0]] in best else best[0]
        hits += guess == labels[i]
    return hits / len(labels)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--n", type=int, default=1000, help="test digits in the maps")
    ap.add_argument("--no-tsne", action="store_true", help="skip the t-SNE map (the slow one)")
    args = ap.parse_args(argv)
    blas.set_blas_threads(1)  # as in the app's worker
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine)")
    model = load_default_model()
    data = load_builtin()
    n_test = min(args.n, data.n_test)
    images, labels = data.batch("test", np.arange(n_test))
    print(f"model {model.name} ({model.n_params:,} params), {n_test} test digits of "
          f"{data.name}")

    # -- speed ---------------------------------------------------------------------------------
    one = images[:1]
    target = int(model.predict(one)[0])
    sal = median_ms(lambda: E.saliency(model, one, target), args.rounds)
    cam = median_ms(lambda: E.grad_cam(model, one, target), args.rounds)
    both = median_ms(lambda: (E.saliency(model, one, target), E.grad_cam(model, one, target)),
                     args.rounds)
    smooth = median_ms(lambda: E.smoothgrad(model, one, target), max(3, args.rounds // 4))
    print(f"saliency {sal:.2f} ms, Grad-CAM {cam:.2f} ms, both {both:.2f} ms (target < 20), "
          f"SmoothGrad x25 {smooth:.1f} ms")
    t = time.perf_counter()
    act = [E.maximise_activation(model, target=k, steps=200) for k in range(10)]
    per_class = (time.perf_counter() - t) / 10
    print(f"act-max 200 steps: {per_class:.2f} s per class (target < 2)")
    for name, filters in ExplainChoices(model.summary()).conv_layers():
        run = GridRun([{"layer": name, "channel": c} for c in range(filters)], steps=100)
        chunks = []
        t = time.perf_counter()
        while not run.done:
            t0 = time.perf_counter()
            run.advance(model, GRID_CHUNK)
            chunks.append(time.perf_counter() - t0)
        print(f"layer grid {name}: {filters} filters x 100 steps in "
              f"{time.perf_counter() - t:.1f} s, longest engine request {1e3 * max(chunks):.0f} "
              f"ms ({GRID_CHUNK} steps)")
    feats = E.feature_vectors(model, images)
    feat_ms = median_ms(lambda: E.feature_vectors(model, images), 3)
    pca_ms = median_ms(lambda: E.embed(feats, "pca"), 5)
    print(f"features of {n_test} digits {feat_ms:.0f} ms + PCA {pca_ms:.1f} ms = "
          f"{feat_ms + pca_ms:.0f} ms (target < 200)")
    tsne_map = None
    if not args.no_tsne:
        t = time.perf_counter()
        tsne_map = E.embed(feats, "tsne", seed=0)
        tsne_s = time.perf_counter() - t
        place = median_ms(lambda: tsne_map.transform(feats[:1]), 5)
        print(f"t-SNE of {n_test}: {tsne_s:.1f} s (target < 15); placing one new point "
              f"{place:.0f} ms")

    # -- quality -------------------------------------------------------------------------------
    t_true = labels
    cams, raw, _, _, layer = E.grad_cam_maps(model, images, t_true)
    sal_maps = E.saliency_maps(model, images, t_true)
    for what, maps in ((f"Grad-CAM ({layer})", cams), ("saliency", sal_maps)):
        s = E.deletion_score(model, images, t_true, maps, fraction=0.2, seed=0)
        print(f"deletion test, {what}: mean p(true) {s.base.mean():.3f} -> top 20 % removed "
              f"{s.top.mean():.3f} (drop {s.top_drop:.3f}), random 20 % removed "
              f"{s.random.mean():.3f} (drop {s.random_drop:.3f})")
    print(f"Grad-CAM raw maximum: median {np.median(raw):.3g}, "
          f"{np.mean(raw == 0) * 100:.1f} % of maps all zero")
    own = model.predict(np.stack(act))
    print(f"act-max class images classified as their own class: {int(np.sum(own == np.arange(10)))}"
          f" of 10 (predicted {own.tolist()})")
    pca_map = E.embed(feats, "pca")
    line = (f"5-NN accuracy (leave one out): features ({feats.shape[1]}-D) "
            f"{knn_accuracy(feats, t_true):.3f}, PCA 2-D {knn_accuracy(pca_map.points, t_true):.3f}"
            f" (explained variance {pca_map.explained_variance_ratio.sum():.2f})")
    if tsne_map is not None:
        line += f", t-SNE 2-D {knn_accuracy(tsne_map.points, t_true):.3f}"
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
