"""How long the Kernel lab takes to filter one image, side by side with a plain NumPy reference.

Run: ``python benchmarks/bench_kernels.py [--rounds 7] [--ui]``.

For image sizes 28x28 (a digit), 128x128 (the built-in pictures) and 512x512 (the largest
opened picture) and kernel sizes 3x3 and 7x7 it prints the median time of
``explorer.engine.filtering.filter_image`` (pad + ``functional.conv2d`` in bands + range +
histogram) and of a reference that pads the same way and sums ``KH * KW`` shifted copies of the
image (no im2col), interleaved round by round. With ``--ui`` it also times one cell edit in the
real panel (offscreen): typing a cell until the output is redrawn. A frame at 60 Hz is 16.7 ms;
the panel filters inputs up to 160x160 in the GUI thread and larger ones in the worker.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from explorer.engine.filtering import filter_image, pad_image
from explorer.engine.kernels import preset


def shifted_sum(image, kernel, padding="zero"):
    """Reference: ``sum_{u,v} k[u,v] * padded[u:u+H, v:v+W]``."""
    p = pad_image(np.asarray(image, np.float64), kernel.shape, padding)
    h, w = image.shape
    out = np.zeros((h, w))
    for u in range(kernel.shape[0]):
        for v in range(kernel.shape[1]):
            out += kernel[u, v] * p[u : u + h, v : v + w]
    return out


def _time(fn, n):
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n


def bench_engine(rounds: int):
    rng = np.random.default_rng(0)
    print(f"load average: {os.getloadavg()[0]:.2f} (shared machine: compare ratios)")
    print(f"{'image':>9} {'kernel':>6} {'filter_image ms':>16} {'shifted-sum ms':>15} {'ratio':>6}")
    for side in (28, 128, 512):
        img = rng.random((side, side)).astype(np.float32)
        for name, size in (("gaussian", 3), ("gaussian", 7)):
            k = preset(name, size, 1.0)
            np.testing.assert_allclose(filter_image(img, k).output, shifted_sum(img, k),
                                       rtol=1e-4, atol=1e-5)
            reps = max(1, int(20000 / side**1.5))
            ours, ref = [], []
            for _ in range(rounds):
                ours.append(_time(lambda img=img, k=k: filter_image(img, k, "reflect"), reps))
                ref.append(_time(lambda img=img, k=k: shifted_sum(img, k, "reflect"), reps))
            a, b = statistics.median(ours) * 1e3, statistics.median(ref) * 1e3
            print(f"{side:>4}x{side:<4} {size}x{size:<4} {a:>16.3f} {b:>15.3f} {b / a:>6.2f}")


def bench_ui(rounds: int):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from explorer.engine import build_model
    from explorer.ui.panels.kernels import KernelPanel
    from explorer.ui.state import AppState
    from explorer.ui.widgets import kernel_library
    from explorer.worker import EngineClient

    folder = Path(tempfile.mkdtemp(prefix="bench-kernels-"))
    kernel_library.user_kernels_path = lambda: folder / "my-kernels.json"  # never the user's file
    client = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    panel = KernelPanel(client, AppState())
    panel.resize(1300, 800)
    panel.show()
    app.processEvents()
    print(f"{'input':>12} {'cell edit -> output drawn, ms (median)':>40}")
    for key in ("test", "checkerboard"):
        panel.source_combo.setCurrentIndex(panel.source_combo.findData(key))
        panel.library.select("preset", "box_blur")
        times = []
        for i in range(rounds * 5):
            t = time.perf_counter()
            panel.grid.set_cell_text(1, 1, str(i % 3 + 1))
            app.processEvents()
            times.append(time.perf_counter() - t)
        h, w = panel.image.shape
        print(f"{f'{h}x{w}':>12} {statistics.median(times) * 1e3:>40.2f}")
    client.shutdown()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--ui", action="store_true",
                    help="also time a cell edit in the panel (offscreen)")
    args = ap.parse_args()
    bench_engine(args.rounds)
    if args.ui:
        bench_ui(args.rounds)


if __name__ == "__main__":
    main()
