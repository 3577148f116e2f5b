"""Main window smoke test: built, shown, every panel visible, menus work, closed cleanly."""

import time

import pytest
from PySide6.QtCore import QMargins, QSettings
from PySide6.QtWidgets import QWidget

import explorer.app as app_module
from explorer.app import PANELS, build_window
from explorer.ui.state import app_settings


@pytest.fixture
def window(qtbot):
    w = build_window()
    qtbot.addWidget(w)
    yield w
    w.close()


def test_window_shows_every_panel_and_closes(window, qtbot):
    window.show()
    qtbot.waitUntil(lambda: window.client.model_info is not None, timeout=15000)
    names = [p.objectName() for p in window.panels]
    assert len(names) == len(PANELS) and "drawPanel" in names
    for i, panel in enumerate(window.panels):
        window.tabs.setCurrentIndex(i)
        qtbot.waitUntil(panel.isVisible, timeout=2000)
        title, text = window.view_help_text()
        assert title and len(text) > 80, f"no help page for {panel.objectName()}"
    # the status bar names the live model and its size
    status = window.model_label.text()
    assert window.client.model_info.name in status
    assert f"{window.client.model_info.n_params:,}" in status
    window.close()
    assert not window.client._thread.isRunning()


def test_view_menu_has_a_shortcut_per_panel(window):
    view = [m for m in window.menuBar().actions() if m.text() == "&View"][0].menu()
    shortcuts = [a.shortcut().toString() for a in view.actions() if not a.isSeparator()]
    for i in range(len(window.panels)):
        assert f"Ctrl+{i + 1}" in shortcuts


def test_about_names_the_mnist_attribution(window):
    text = window.about_text()
    assert "LeCun" in text and "CC BY-SA 3.0" in text


def test_last_tab_and_geometry_are_remembered(qtbot):
    w = build_window()
    qtbot.addWidget(w)
    w.show()
    target = w.size().shrunkBy(QMargins(0, 0, 20, 15))
    w.resize(target)
    qtbot.waitUntil(lambda: w.size() == target, timeout=2000)
    w.tabs.setCurrentIndex(w.tabs.count() - 1)
    w.close()
    assert app_settings().value("window/tab") is not None
    w2 = build_window()
    qtbot.addWidget(w2)
    w2.show()
    assert w2.tabs.currentIndex() == w.tabs.count() - 1
    assert w2.size() == target
    w2.close()


def test_settings_are_in_the_test_folder(_temporary_settings):
    path = app_settings().fileName()
    assert path.startswith(str(_temporary_settings)), path
    assert QSettings().fileName().startswith(str(_temporary_settings))


def test_untrained_start_is_said_clearly(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr("explorer.paths.DEFAULT_MODEL", tmp_path / "missing.npz")
    w = build_window()
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    assert not w.client.model_info.trained
    assert "UNTRAINED" in w.model_label.text()
    from PySide6.QtWidgets import QLabel

    note = w.findChild(QLabel, "drawModelNote").text()
    assert "untrained" in note and "Train" in note
    w.close()


def test_opening_a_bad_model_file_keeps_the_live_model(window, qtbot, tmp_path, monkeypatch):
    qtbot.waitUntil(lambda: window.client.model_info is not None, timeout=15000)
    before = window.client.model_info
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file")
    warnings = []
    monkeypatch.setattr(app_module.QMessageBox, "warning",
                        lambda *args: warnings.append(args[2]))
    window.load_model_file(str(bad))
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert "bad.npz" in warnings[0] or "not" in warnings[0].lower()
    assert window.client.model_info is before


def test_closing_during_training_is_prompt_and_clean(qtbot):
    w = build_window()
    qtbot.addWidget(w)
    w.show()
    panel = w.findChild(QWidget, "trainPanel")
    panel.architecture.setCurrentIndex(panel.architecture.findData("lenet5"))
    panel.dataset.setCurrentIndex(panel.dataset.findData("mnist-subset"))
    panel.batch_size.setValue(16)
    panel.train_limit.setValue(320)
    panel.epochs.setValue(50)
    w.tabs.setCurrentWidget(panel)
    panel.start_button.click()
    qtbot.waitUntil(lambda: panel.n_batches_seen >= 2, timeout=20000)
    start = time.perf_counter()
    w.close()
    # Prompt: closing stops after the current batch instead of running the remaining ~1000
    # batches (minutes). The bound is generous so a loaded 2-core machine cannot fail it.
    assert time.perf_counter() - start < 15.0
    assert not w.client._thread.isRunning()


def test_saving_and_opening_a_model_file(window, qtbot, tmp_path):
    qtbot.waitUntil(lambda: window.client.model_info is not None, timeout=15000)
    path = tmp_path / "live.npz"
    window.save_model_to(str(path))
    qtbot.waitUntil(lambda: "Saved the model" in window.statusBar().currentMessage(),
                    timeout=10000)
    assert path.is_file()
    with qtbot.waitSignal(window.client.sigModelChanged, timeout=10000) as changed:
        window.load_model_file(str(path))
    assert changed.args[0].path == str(path)
    assert "live.npz" in window.model_label.text()
