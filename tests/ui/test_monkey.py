"""A monkey in the window (issue 10): thousands of random actions - clicks on enabled buttons,
combo entries, spin boxes at their extremes, garbage text, slider moves, tab switches, key
presses, strokes on the canvas, menu actions - with every file dialog answered from a fixed mix
of good and bad files. Any uncaught exception (GUI thread, engine thread, background jobs) or Qt
warning fails the test (pytest-qt captures exceptions raised in slots; `qt_log_level_fail`).

Seeded and reproducible: `pytest tests/ui/test_monkey.py --monkey-actions 10000` runs 10,000
actions for each of the three seeds; CI runs fewer.
"""

from __future__ import annotations

import os
import random
import shutil
import threading
import traceback
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QApplication,
                               QComboBox, QDialog, QDoubleSpinBox, QFileDialog, QInputDialog,
                               QLineEdit, QMessageBox, QSpinBox, QWidget)

import explorer.worker as worker_module
from explorer.app import build_window
from explorer.data import write_idx
from explorer.paths import DEFAULT_MODEL
from explorer.ui.widgets.draw_canvas import DrawCanvas

SEEDS = (0, 1, 2)
LOCAL_ACTIONS = 10_000
CI_ACTIONS = 300

KEYS = [Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Escape,
        Qt.Key.Key_Delete, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home,
        Qt.Key.Key_End, Qt.Key.Key_Return, Qt.Key.Key_Z, Qt.Key.Key_Tab]
GARBAGE = ["", "abc", "-1", "1e400", "nan", "0", "99999999999", "3/0", "1/16", "[[", "🙂", " ",
           "0.5", "-7", "x" * 300]
#: Menu entries the monkey leaves alone: they end the session it is testing.
SKIP_ACTIONS = {"&Quit", "Quit", "E&xit", "&Close"}


def _n_actions(config) -> int:
    given = config.getoption("--monkey-actions")
    if given is not None:
        return given
    return CI_ACTIONS if os.environ.get("CI") else LOCAL_ACTIONS


@pytest.fixture
def files(tmp_path):
    """Good and bad files of every kind a dialog of the app can open."""
    good_model = tmp_path / "good.npz"
    shutil.copy(DEFAULT_MODEL, good_model)
    bad_model = tmp_path / "bad.npz"
    bad_model.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(Path(DEFAULT_MODEL).read_bytes()[:5000])
    picture = tmp_path / "picture.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(0x808080)
    assert image.save(str(picture))
    bad_picture = tmp_path / "bad.png"
    bad_picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    kernels = tmp_path / "kernels.json"
    kernels.write_text('{"kernels": [{"name": "mine", "values": [[0, 1, 0], [1, -4, 1], '
                       '[0, 1, 0]]}]}')
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    huge = tmp_path / "huge.json"
    huge.write_text('{"kernels": [{"name": "n", "values": [[' + "9" * 400 + "]]}]}")
    idx = tmp_path / "idx"
    idx.mkdir()
    rng = np.random.default_rng(0)
    for split, n in (("train", 60), ("t10k", 20)):
        write_idx(idx / f"{split}-images-idx3-ubyte.gz",
                  rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(idx / f"{split}-labels-idx1-ubyte.gz",
                  rng.integers(0, 10, n, dtype=np.uint8))
    bad_idx = tmp_path / "bad-idx"
    bad_idx.mkdir()
    (bad_idx / "train-images-idx3-ubyte.gz").write_bytes(b"\x1f\x8b garbage")
    out = tmp_path / "out"
    out.mkdir()
    return {
        "open": [good_model, bad_model, truncated, picture, bad_picture, kernels, nested, huge,
                 tmp_path / "missing.npz", ""],
        "save": [out / "saved.npz", out / "curves", out / "kernels.json", tmp_path,
                 Path("/proc/no-such-dir/x.npz"), ""],
        "folder": [idx, bad_idx, tmp_path, ""],
    }


@pytest.fixture
def quiet_dialogs(monkeypatch, files):
    """Every modal dialog answers at once: file dialogs from ``files``, message boxes with their
    default, input dialogs with a name."""
    rng = random.Random(1234)
    pick = lambda kind: str(rng.choice(files[kind]))  # noqa: E731
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (pick("open"), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (pick("save"), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: pick("folder"))
    answers = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
               QMessageBox.StandardButton.Cancel]
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: rng.choice(answers))
    monkeypatch.setattr(QMessageBox, "about", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "aboutQt", lambda *a, **k: None)
    monkeypatch.setattr(QApplication, "aboutQt", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: rng.choice(answers))
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: (rng.choice(["mine", "", "x" * 80]), rng.random() < 0.7))

    def offline(*args, **kwargs):
        raise urllib.error.URLError("no network in the monkey test")

    monkeypatch.setattr(urllib.request, "urlopen", offline)


@pytest.fixture
def engine_faults(monkeypatch):
    """Tracebacks the engine thread or a background job prints for a bug (not bad input), and
    exceptions escaping any Python thread."""
    faults = []
    real = traceback.print_exc

    def record(*args, **kwargs):
        faults.append(traceback.format_exc())
        real(*args, **kwargs)

    monkeypatch.setattr(worker_module.traceback, "print_exc", record)
    monkeypatch.setattr(threading, "excepthook",
                        lambda hook_args: faults.append(repr(hook_args.exc_value)))
    return faults


def _menu_actions(actions) -> list[QAction]:
    """The entries of the menu bar's menus and their submenus (what a user can pick)."""
    out = []
    for a in actions:
        if a.menu() is not None:
            out += _menu_actions(a.menu().actions())
        elif a.text() and not a.isSeparator():
            out.append(a)
    return out


def _candidates(root: QWidget) -> list[QWidget]:
    out = []
    for w in root.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled()):
            continue
        if isinstance(w, (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit,
                          QAbstractSlider, DrawCanvas)):
            if isinstance(w, QLineEdit) and isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
                continue   # a spin box's own editor: the spin box is driven directly
            out.append(w)
    return out


def _act(window, rng: random.Random, log: list) -> None:
    roll = rng.random()
    if roll < 0.05:
        i = rng.randrange(window.tabs.count())
        log.append(f"tab {i}")
        window.tabs.setCurrentIndex(i)
        return
    if roll < 0.08:
        actions = [a for a in _menu_actions(window.menuBar().actions())
                   if a.isEnabled() and a.text() not in SKIP_ACTIONS
                   and a.menuRole() != QAction.MenuRole.QuitRole]   # Quit in any language
        action = rng.choice(actions)
        log.append(f"menu {action.text()!r}")
        action.trigger()
        return
    panel = window.tabs.currentWidget()
    if roll < 0.16:
        key = rng.choice(KEYS)
        mod = rng.choice([Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier])
        target = QApplication.focusWidget() or panel
        log.append(f"key {key} {mod} on {type(target).__name__}")
        QTest.keyClick(target, key, mod)
        return
    widgets = _candidates(panel)
    if not widgets:
        return
    w = rng.choice(widgets)
    name = f"{type(w).__name__}({w.objectName()!r})"
    if isinstance(w, DrawCanvas):
        points = [QPoint(rng.randrange(w.width()), rng.randrange(w.height())) for _ in range(4)]
        log.append(f"stroke on {name}")
        QTest.mousePress(w, Qt.MouseButton.LeftButton, pos=points[0])
        for p in points[1:]:
            QTest.mouseMove(w, p)
        QTest.mouseRelease(w, Qt.MouseButton.LeftButton, pos=points[-1])
    elif isinstance(w, QAbstractButton):
        log.append(f"click {name} {w.text()!r}")
        w.click()
    elif isinstance(w, QComboBox):
        if w.count():
            i = rng.randrange(w.count())
            log.append(f"combo {name} -> {i}")
            w.setCurrentIndex(i)
        if w.isEditable():
            w.setEditText(rng.choice(GARBAGE))
    elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
        value = rng.choice([w.minimum(), w.maximum(), w.minimum() + (w.maximum() - w.minimum())
                            * rng.random()])
        value = int(value) if isinstance(w, QSpinBox) else value
        log.append(f"spin {name} -> {value}")
        w.setValue(value)
        if rng.random() < 0.2:   # typed text, cut to the range by the box
            w.lineEdit().setText(rng.choice(GARBAGE))
            w.editingFinished.emit()
    elif isinstance(w, QAbstractSlider):
        value = rng.randint(w.minimum(), w.maximum())
        log.append(f"slider {name} -> {value}")
        w.setValue(value)
    elif isinstance(w, QLineEdit) and not w.isReadOnly():
        text = rng.choice(GARBAGE)
        log.append(f"text {name} <- {text[:20]!r}")
        w.setText(text)
        w.editingFinished.emit()
        w.returnPressed.emit()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_monkey_cannot_break_the_window(qtbot, request, seed, quiet_dialogs, engine_faults,
                                          monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    n = _n_actions(request.config)
    window = build_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.client.model_info is not None, timeout=20000)
    rng = random.Random(seed)
    log: list[str] = []
    try:
        for i in range(n):
            _act(window, rng, log)
            QApplication.processEvents()
            if i % 50 == 0:
                qtbot.wait(1)
            assert not engine_faults, f"after action {i} ({log[-1:]}):\n{engine_faults[0]}"
            assert window.isVisible(), f"the window closed after action {i}: {log[-3:]}"
    except BaseException:
        print("last actions:", *log[-15:], sep="\n  ")
        raise
    window.close()
    assert not window.client._thread.isRunning()
    assert not engine_faults, engine_faults[0]
    print(f"seed {seed}: {n} actions without a fault")
