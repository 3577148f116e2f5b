#!/usr/bin/env python3
"""Screenshots of every tab for docs/, in one language and one window size.

    DISPLAY=:99 python scripts/screenshots.py --lang zh_CN --size 1280x800 --out docs/zh_CN

Run it under a real X server (e.g. ``Xvfb :99 -screen 0 1400x900x24``) with a settings folder of
its own (``HOME``/``XDG_CONFIG_HOME`` pointing at a scratch folder): it starts the app, sets the
window size, shows each tab in a state worth looking at (a test digit as the input, the
Convolution tab's backward stepper on the textbook example, a short training run) and saves
``<tab>.png`` for each. It reads the window as the user sees it (``QWidget.grab``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer.app import build_window  # noqa: E402
from explorer.ui.language import install_language  # noqa: E402

#: (file name, panel objectName, set-up run before the picture, wait in ms)
SHOTS = (
    ("draw", "drawPanel", "seven", 1200),
    ("layers", "layersPanel", None, 1200),
    ("convolution", "convolutionPanel", "forward", 800),
    ("convolution-backward", "convolutionPanel", "backward", 800),
    ("train", "trainPanel", "train", 9000),
    ("data", "dataPanel", None, 1200),
    ("kernels", "kernelPanel", None, 1200),
    ("explain", "explainPanel", None, 3000),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=("en", "zh_CN"))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--only", help="comma-separated file names from the list above")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("CNN Explorer")
    app.setApplicationName("CNN Explorer")
    problem = install_language(args.lang)
    if problem:
        print(problem, file=sys.stderr)
    window = build_window()
    window.resize(width, height)
    window.show()
    shots = [s for s in SHOTS if not args.only or s[0] in args.only.split(",")]
    names = [p.objectName() for p in window.panels]

    def set_up(what, panel):
        if what in ("forward", "backward"):
            i = panel.direction_combo.findData(what)
            panel.direction_combo.setCurrentIndex(i)
            if what == "backward":
                view = panel.backward_view
                view.result_combo.setCurrentIndex(view.result_combo.findData("dw"))
                view.set_position(4)
            else:
                panel.set_position(1)
        elif what == "train":   # a finished run (the default pace would take ~25 s)
            panel.pace.setCurrentIndex(panel.pace.findData("fast"))
            panel.start_button.click()
        elif what == "seven":   # a hand-drawn 7, stroke by stroke as the mouse would
            canvas = panel.canvas
            t = canvas._target()
            scale = t.width() / canvas.image_array().shape[1]
            canvas._begin(QPointF(t.left() + 70 * scale, t.top() + 60 * scale))
            for x, y in ((130, 58), (205, 62), (170, 130), (140, 190), (120, 235)):
                canvas._stroke_to(QPointF(x, y), 1.0)
            canvas._end()

    def take(i=0):
        if i == len(shots):
            window.close()
            app.quit()
            return
        name, panel_name, what, wait = shots[i]
        panel = window.panels[names.index(panel_name)]
        window.tabs.setCurrentWidget(panel)
        set_up(what, panel)

        def save():
            path = args.out / f"{name}.png"
            window.grab().save(str(path))
            print(path)
            take(i + 1)

        QTimer.singleShot(wait, save)

    # a test digit as everybody's input, as a learner would pick one in the Data tab
    QTimer.singleShot(2500, take)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
