"""File > Open model with .onnx files and File > Export as ONNX (issue 15)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

import explorer.app as app_module
from explorer.app import build_window
from explorer.ui.model_files import onnx_installed

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "onnx"


@pytest.fixture
def window(qtbot, monkeypatch):
    w = build_window()
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    warnings = w.test_warnings = []
    monkeypatch.setattr(app_module.QMessageBox, "warning",
                        lambda *args: warnings.append(args[2]))
    yield w
    w.shutdown()


def _erf_graph(path):
    rng = np.random.default_rng(0)
    graph = helper.make_graph(
        [helper.make_node("Erf", ["x"], ["h"], name="my_erf"),
         helper.make_node("Flatten", ["h"], ["f"], name="flat"),
         helper.make_node("Gemm", ["f", "W", "b"], ["y"], name="fc", transB=1)], "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1, 6, 6])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 4])],
        initializer=[numpy_helper.from_array(rng.random((4, 36)).astype(np.float32), "W"),
                     numpy_helper.from_array(np.zeros(4, np.float32), "b")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)
    path.write_bytes(model.SerializeToString())


def test_open_menu_offers_onnx_and_has_a_shortcut_for_export(window):
    file_menu = [m for m in window.menuBar().actions() if m.text() == "&File"][0].menu()
    texts = {a.text(): a for a in file_menu.actions() if not a.isSeparator()}
    assert ".onnx" in texts["&Open model..."].statusTip()
    assert texts["&Export as ONNX..."].shortcut().toString() == "Ctrl+E"


def test_opening_a_pytorch_onnx_file_makes_it_live(window, qtbot):
    path = DATA / "tinyvgg_torchscript.onnx"
    with qtbot.waitSignal(window.client.sigModelChanged, timeout=15000) as changed:
        window.load_model_file(str(path))
    info = changed.args[0]
    assert info.path == str(path)
    assert "tinyvgg_torchscript.onnx" in window.model_label.text()
    assert not window.test_warnings


def test_an_unsupported_operator_is_named_and_the_live_model_stays(window, qtbot, tmp_path):
    before = window.client.model_info
    path = tmp_path / "erf.onnx"
    _erf_graph(path)
    window.load_model_file(str(path))
    qtbot.waitUntil(lambda: bool(window.test_warnings), timeout=10000)
    text = window.test_warnings[0]
    assert "Erf node 'my_erf'" in text and "live model was not changed" in text
    assert "Traceback" not in text and "_Fail" not in text
    assert window.client.model_info is before


def test_without_the_onnx_package_the_message_says_what_to_install(window, qtbot, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)   # "import onnx" now raises ImportError
    assert not onnx_installed()
    before = window.client.model_info
    window.load_model_file(str(DATA / "lenet_torchscript.onnx"))
    qtbot.waitUntil(lambda: bool(window.test_warnings), timeout=10000)
    assert "pip install onnx" in window.test_warnings[0]
    assert window.client.model_info is before
    window.export_onnx_to(str(tmp_path / "out"))
    qtbot.waitUntil(lambda: len(window.test_warnings) == 2, timeout=10000)
    assert "pip install 'cnn-explorer[onnx]'" in window.test_warnings[1]
    assert not (tmp_path / "out.onnx").exists()


def test_export_writes_a_checked_onnx_file_with_the_engines_answers(window, qtbot, tmp_path):
    window.export_onnx_to(str(tmp_path / "live"))
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=15000)
    out = tmp_path / "live.onnx"
    assert str(out) in window.statusBar().currentMessage()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live.onnx"]  # no temporary left
    onnx.checker.check_model(onnx.load(str(out)))
    from explorer.engine import load_model
    from explorer.engine.onnx_io import load_onnx

    x = np.random.default_rng(1).random((2, 1, 28, 28)).astype(np.float32)
    live = load_model(window.client.model_info.path)
    np.testing.assert_allclose(load_onnx(out).forward(x), live.forward(x), atol=1e-5)
