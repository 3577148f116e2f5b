"""The engine and data code are pure NumPy: a notebook user imports them without Qt."""

import subprocess
import sys


def test_engine_and_data_import_no_qt():
    code = (
        "import sys\n"
        "import explorer.engine, explorer.data, explorer.training\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt modules imported by the engine: {out.stdout}"
