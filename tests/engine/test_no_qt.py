"""The engine, data and training code and the panels' Qt-free decision modules are pure NumPy:
a notebook user imports them without Qt. Every module of explorer.engine and explorer.data is
imported (walked with pkgutil, so a new module is covered without editing this test)."""

import subprocess
import sys

QT_FREE = ["explorer.training", "explorer.session", "explorer.run_control", "explorer.evaluation",
           "explorer.train_config", "explorer.crossing", "explorer.ui.conv_setup",
           "explorer.ui.conv_backward", "explorer.ui.layer_trace",
           "explorer.ui.panels.train_logic", "explorer.failures", "explorer.second_core",
           "explorer.second_process", "explorer.second_process_child",
           "explorer.ui.levels",
           "explorer.ui.conv_steps"]


def test_engine_data_and_decision_modules_import_no_qt():
    code = (
        "import importlib, pkgutil, sys\n"
        "import explorer.engine, explorer.data\n"
        "names = [m.name for pkg in (explorer.engine, explorer.data)\n"
        "         for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.')]\n"
        f"names += {QT_FREE!r}\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph'))\n"
        "print(len(names), ','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, bad = out.stdout.strip().split(" ", 1) if " " in out.stdout.strip() else (
        out.stdout.strip(), "")
    assert int(count) > 40, out.stdout
    assert bad == "", f"Qt modules imported by a Qt-free module: {bad}"
