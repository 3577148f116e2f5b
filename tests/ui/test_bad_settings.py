"""Nothing a settings file holds may stop the app: every stored value is read through
`PanelSettings`, and a value that cannot be used falls back to the default (issue 10)."""

import pytest

import explorer.app as app_module
from explorer.app import build_window
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.state import app_settings

#: Hand-edited or corrupted values, as a text editor leaves them in the settings file.
JUNK = ["abc", "2.5", "1e7", "-1", "nan", "inf", "1e400", "", "[[[[[[", "9" * 400,
        "[" * 5000 + "]" * 5000, "true", "@ByteArray(junk)"]

KEYS = ["draw/brush", "draw/compareRaw", "train/lr", "train/batch", "train/epochs",
        "train/limit", "train/weightDecay", "train/dropout", "train/augment", "train/model",
        "train/dataset", "train/optimizer", "train/init", "window/tab", "window/geometry",
        "kernels/sigma", "kernels/size", "kernels/preset", "kernels/custom", "kernels/padding",
        "kernels/magnitude", "kernels/flip", "kernels/input", "kernels/testIndex",
        "layers/layer", "layers/source", "layers/testIndex", "convolution/input",
        "convolution/stride", "convolution/padding", "convolution/testIndex",
        "data/split", "data/class", "files/lastDir"]


@pytest.mark.parametrize("junk", JUNK)
def test_the_window_opens_whatever_the_settings_hold(qtbot, junk):
    settings = app_settings()
    for key in KEYS:
        settings.setValue(key, junk)
    settings.sync()
    w = build_window()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    draw = w.panels[0]
    assert 6 <= draw.brush.value() <= 40
    assert 0 <= w.tabs.currentIndex() < w.tabs.count()
    w.close()
    assert not w.client._thread.isRunning()


def test_a_bad_number_falls_back_to_the_default():
    s = PanelSettings("probe")
    for raw, kind, expected in [("2.5", int, 7), ("abc", float, 7), ("nan", float, 7),
                                ("inf", float, 7), ("1e400", float, 7), ("9" * 400, int, 7),
                                ("3", int, 3), ("0.25", float, 0.25), ("maybe", bool, 7),
                                ("true", bool, True)]:
        s.set("v", raw)
        assert s.get("v", kind, 7) == expected, raw
    s.set("v", "50")
    assert s.get("v", int, 7, valid=lambda v: v <= 10) == 7


def test_a_failure_while_the_window_is_built_ends_cleanly(qtbot, monkeypatch):
    """An exception in a panel's constructor: the engine thread is stopped (Qt would abort the
    process for a running thread destroyed with its window) and the user is told."""

    class Broken(app_module.DrawPanel):
        def __init__(self, *args, **kw):
            raise RuntimeError("panel exploded")

    told = []
    monkeypatch.setattr(app_module, "PANELS", [(Broken, "x", "y")] + app_module.PANELS[1:])
    monkeypatch.setattr(app_module, "startup_failed", told.append)
    threads = []
    real_init = app_module.EngineClient.__init__

    def spy(self, *args, **kw):
        real_init(self, *args, **kw)
        threads.append(self._thread)

    monkeypatch.setattr(app_module.EngineClient, "__init__", spy)
    assert app_module.run_app() == 1
    assert "panel exploded" in str(told[0])
    assert threads and not threads[0].isRunning()
