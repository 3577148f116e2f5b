#!/usr/bin/env python3
"""GUI responsiveness of the app (prints numbers; not a test).

1. The longest stall of the GUI event loop while a training run goes on in the engine thread
   (the whole main window shown, Train tab visible, curves updating). Target: under 30 ms.
   A 1 ms QTimer records when the event loop gets round to it; a stall is the gap between two
   ticks minus the timer's own interval.
2. The time from a mouse move on the Draw canvas to the probability bars showing the answer for
   that drawing (or a newer one), idle and while training. Target: under 30 ms at the 95th
   percentile (idle). Moves come every 8 ms (a 125 Hz mouse).
3. Training speed in the app, "As fast as possible" on the built-in data (LeNet-5, batch 32 and
   64, augmentation on, the Train tab shown): images/s end to end (batches the panel received
   per second, the epochs' test evaluations included) and as the progress bar says (the
   batches' own time), and the GUI thread's share of a core. Compare with bench_training.py's
   Trainer rows (no window): the difference is what the GUI costs the engine thread (GIL
   hand-overs, the second core shared with the helper process); the event loop's stalls
   meanwhile too.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--seconds 6]``
(offscreen by default; set DISPLAY and QT_QPA_PLATFORM=xcb to measure on a real screen).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # as explorer/app.py sets for the app

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from explorer.app import build_window, configure_runtime, ensure_application  # noqa: E402
from explorer.ui.panels.draw import CLASSIFY_KEY  # noqa: E402


def spin(app, seconds):
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_for(app, predicate, timeout=30.0):
    end = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > end:
            raise TimeoutError("timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def measure_stalls(app, seconds):
    """Gaps between 1 ms timer ticks (ms) during ``seconds`` of event loop."""
    ticks = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    timer.start(1)
    spin(app, seconds)
    timer.stop()
    gaps = np.diff(np.asarray(ticks)) - 1.0
    return np.clip(gaps, 0, None)


def measure_draw_latency(app, panel, n_strokes=8, moves=40):
    """Latency (ms) from each mouse move to the bars showing a drawing at least that new."""
    canvas = panel.canvas
    bars = panel.bars
    pending = []          # (move time, canvas version) not answered yet
    latencies = []
    version = {"n": 0}
    original = bars.set_probabilities

    def set_probabilities(p):
        original(p)
        now = time.perf_counter()
        answered = (panel.last_result or {}).get("_version", 0)
        keep = []
        for t, v in pending:
            if v <= answered:
                latencies.append((now - t) * 1000.0)
            else:
                keep.append((t, v))
        pending[:] = keep

    original_request = panel.client.request

    def request(fn, **kw):
        if kw.get("key") == CLASSIFY_KEY:
            v = version["n"]
            return original_request(lambda m: _tag(fn(m), v), **kw)
        return original_request(fn, **kw)

    panel.client.request = request
    bars.set_probabilities = set_probabilities
    side = min(canvas.width(), canvas.height())
    x0, y0 = (canvas.width() - side) // 2, (canvas.height() - side) // 2
    rng = np.random.default_rng(0)
    try:
        for _ in range(n_strokes):
            canvas.clear()
            pts = np.cumsum(rng.normal(0, side / 60, (moves, 2)), axis=0) + side / 2
            pts = np.clip(pts, side * 0.1, side * 0.9).astype(int)
            QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             QPoint(x0 + pts[0, 0], y0 + pts[0, 1]))
            for x, y in pts[1:]:
                version["n"] += 1
                pending.append((time.perf_counter(), version["n"]))
                QTest.mouseMove(canvas, QPoint(x0 + x, y0 + y))
                spin(app, 0.008)
            QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                               QPoint(x0 + pts[-1, 0], y0 + pts[-1, 1]))
            wait_for(app, lambda: not pending, timeout=30)
    finally:
        panel.client.request = original_request
        bars.set_probabilities = original
    return np.asarray(latencies)


def _tag(result, version):
    if result is not None:
        result["_version"] = version
    return result


def summary(values, unit="ms"):
    if len(values) == 0:
        return "no samples"
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return (f"n={len(values)}  median {p50:.1f} {unit}  p95 {p95:.1f} {unit}  "
            f"p99 {p99:.1f} {unit}  max {np.max(values):.1f} {unit}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="training time measured")
    parser.add_argument("--model", default="lenet5", help="architecture trained meanwhile")
    parser.add_argument("--speed-seconds", type=float, default=6.0,
                        help="seconds of fast training measured per batch size (0 skips)")
    args = parser.parse_args(argv)

    app = ensure_application()
    configure_runtime()            # as run_app() does
    window = build_window()
    try:
        return run(app, window, args)
    finally:
        window.close()


def run(app, window, args):
    window.resize(1280, 820)
    window.show()
    wait_for(app, lambda: window.client.model_info is not None)
    draw = window.findChild(QWidget, "drawPanel")
    train = window.findChild(QWidget, "trainPanel")
    print(f"platform {app.platformName()}, {os.cpu_count()} CPUs, model {args.model}")

    window.tabs.setCurrentWidget(draw)
    spin(app, 0.3)
    idle_stalls = measure_stalls(app, 1.0)
    print(f"event-loop stall, idle                : {summary(idle_stalls)}")
    idle = measure_draw_latency(app, draw)
    print(f"mouse move -> bars, idle              : {summary(idle)}   (target p95 < 30 ms)")

    train.architecture.setCurrentIndex(train.architecture.findData(args.model))
    train.dataset.setCurrentIndex(train.dataset.findData("mnist-subset"))
    train.batch_size.setValue(64)
    train.train_limit.setValue(0)
    train.epochs.setValue(50)
    train.augment.setChecked(False)
    train.pace.setCurrentIndex(train.pace.findData("watch"))  # not a pace remembered from before
    window.tabs.setCurrentWidget(train)
    train.start()
    wait_for(app, lambda: train.n_batches_seen >= 2, timeout=60)
    stalls = measure_stalls(app, args.seconds)
    n = train.n_batches_seen
    print(f"event-loop stall, training (Train tab): {summary(stalls)}   (target max < 30 ms)"
          f"   [{n} batches so far]")
    window.tabs.setCurrentWidget(draw)
    spin(app, 0.2)
    busy = measure_draw_latency(app, draw, n_strokes=4)
    print(f"mouse move -> bars, while training    : {summary(busy)}   (a batch must finish "
          "first: bounded by the batch time)")
    if args.speed_seconds > 0:
        window.client.stop()
        wait_for(app, lambda: window.client.train_state == "idle", timeout=60)
        for batch_size in (32, 64):
            rate, shown, gui, stalls = measure_training_speed(
                app, window, train, batch_size, args.speed_seconds, args.model)
            print(f"fast training, batch {batch_size}, augmented : {rate:,.0f} img/s end to "
                  f"end, {shown:,.0f} img/s in the progress bar, GUI thread {100 * gui:.0f} % "
                  "of a core")
            print(f"  event-loop stall meanwhile          : {summary(stalls)}")
        train.pace.setCurrentIndex(train.pace.findData("watch"))
        train.start()  # closing mid-training, below
        wait_for(app, lambda: train.n_batches_seen >= 2, timeout=60)
    start = time.perf_counter()
    window.close()
    print(f"closing the window mid-training took  : {1000 * (time.perf_counter() - start):.0f} ms")
    return 0


def measure_training_speed(app, window, train, batch_size, seconds, model):
    """(images/s end to end, median images/s the progress bar showed, GUI thread's CPU share)
    of a fast run with augmentation."""
    train.architecture.setCurrentIndex(train.architecture.findData(model))
    train.dataset.setCurrentIndex(train.dataset.findData("mnist-subset"))
    train.batch_size.setValue(batch_size)
    train.train_limit.setValue(0)
    train.epochs.setValue(1000)
    train.augment.setChecked(True)
    train.pace.setCurrentIndex(train.pace.findData("fast"))
    window.tabs.setCurrentWidget(train)
    shown = []

    def record(payload):  # what the progress bar says: the batches' own speed
        shown.append(payload["event"].images_per_s)

    window.client.sigTrainBatch.connect(record)
    try:
        train.start()
        wait_for(app, lambda: len(shown) >= 5, timeout=60)
        n0, t0, cpu0 = train.n_batches_seen, time.perf_counter(), time.thread_time()
        stalls = measure_stalls(app, seconds)
        n1, t1, cpu1 = train.n_batches_seen, time.perf_counter(), time.thread_time()
        window.client.stop()
        wait_for(app, lambda: window.client.train_state == "idle", timeout=60)
    finally:
        window.client.sigTrainBatch.disconnect(record)
    rate = (n1 - n0) * batch_size / (t1 - t0)
    return rate, float(np.median(shown[-50:])), (cpu1 - cpu0) / (t1 - t0), stalls


if __name__ == "__main__":
    sys.exit(main())
