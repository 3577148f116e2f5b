"""What one live update of the Layers and Convolution panels costs (issue 5).

Run: ``python benchmarks/bench_panels_inside.py [--repeat 20]`` (offscreen Qt is set up here).

Prints, per architecture, the median time of

- ``trace``: the worker-side request of the Layers panel (``trace_for_panel``: every layer's
  output for one 28x28 digit plus copies of the conv filters), i.e. the engine work per pen move;
- ``render``: the GUI-side handling of that result (``LayersPanel._on_result``) with the first
  conv layer selected and one map opened.

and for the Convolution panel the time to build a stepper for a 28x28 digit with a 3x3 kernel
(``rebuild``) and to show one position (``step``: grids, arithmetic, im2col view). While drawing
the Draw panel classifies at most every 16 ms, so one update should stay well below that.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def _median_ms(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])

    from explorer.engine import build_model, list_models
    from explorer.ui.panels.convolution import ConvolutionPanel
    from explorer.ui.panels.layers import LayersPanel, trace_for_panel
    from explorer.ui.state import AppState
    from explorer.worker import EngineClient

    state = AppState()
    digit = state.dataset().test_images[0].astype(np.float32) / np.float32(255)
    print(f"{'model':16} {'trace ms':>9} {'render ms':>10}")
    for name in list_models():
        model = build_model(name, seed=0)
        client = EngineClient(load_live=lambda m=model: (m, None, ""))
        panel = LayersPanel(client, state)
        panel.resize(1300, 850)
        panel.show()
        result = trace_for_panel(digit, model)
        t_trace = _median_ms(lambda model=model: trace_for_panel(digit, model), args.repeat)
        panel._on_result("layers.trace", 10**9, result)
        panel.select_layer(model.summary()[0]["name"])
        panel.open_map(0)

        def render(panel=panel, result=result):
            panel._on_result("layers.trace", 10**9, result)
            app.processEvents()

        t_render = _median_ms(render, args.repeat)
        print(f"{name:16} {t_trace:9.2f} {t_render:10.2f}")
        panel.close()
        client.shutdown()

    model = build_model("lenet5", seed=0)
    client = EngineClient(load_live=lambda: (model, None, ""))
    conv = ConvolutionPanel(client, state)
    conv.resize(1300, 850)
    conv.show()
    conv.input_combo.setCurrentIndex(conv.input_combo.findData("test"))
    conv._on_input_chosen(0)
    t_rebuild = _median_ms(conv.rebuild, args.repeat)

    def step():
        conv.step(1 if conv.position < conv.stepper.n_positions - 1 else -conv.position)
        app.processEvents()

    t_step = _median_ms(step, args.repeat * 5)
    print(f"convolution panel, 28x28 digit, 3x3 kernel: rebuild {t_rebuild:.2f} ms, "
          f"step {t_step:.2f} ms ({conv.stepper.n_positions} positions)")
    conv.close()
    client.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
