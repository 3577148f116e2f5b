"""The last English details are coded too: a model spec that cannot be built (alone or as the
detail of a model file's 'cannot be built'), Grad-CAM's refusal, each ONNX import refusal (the
operator and the node's name as values) and a download's connection failure. Their English
``str()`` is what it was; the UI renders them in the current language, nested details too."""

from __future__ import annotations

import errno
import http.client
import json
import re
import socket
import urllib.error
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from explorer.data import download
from explorer.data.messages import DATA_MESSAGES, Message
from explorer.engine import build_model, load_model
from explorer.engine.explain import grad_cam
from explorer.engine.messages import MESSAGES, MessageError
from explorer.ui.data_strings import data_value
from explorer.ui.engine_strings import engine_message
from tests.ui.pseudo_translation import CLOSE, OPEN, pseudo_language

ROOT = Path(__file__).resolve().parents[2]


def test_every_code_raised_in_the_engine_is_listed():
    """A typo in a code raised on a rare path would be a KeyError only when it happens."""
    call = re.compile(r'(?:Error|_fail|_Fail|node_error)\(\s*"([a-z0-9_]+)"')
    raised = set()
    for path in (ROOT / "explorer" / "engine").glob("*.py"):
        raised |= set(call.findall(path.read_text(encoding="utf-8")))
    assert {"spec_seed", "onnx_unknown_operator", "cam_needs_spatial_layer"} <= raised
    assert raised - set(MESSAGES) == set()


def test_a_bad_spec_is_coded_and_its_english_unchanged(qapp):
    with pytest.raises(MessageError) as info:
        build_model("lenet5", seed=-1)
    assert str(info.value) == ("seed must be a non-negative integer (the same seed gives the "
                               "same model), got -1")
    assert info.value.code == "spec_seed"
    with pytest.raises(ValueError, match="unknown model 'nope'; built-in models: "):
        build_model("nope")
    with pseudo_language(qapp):
        assert engine_message(info.value) == f"{OPEN}{info.value}{CLOSE}"


def test_a_model_files_unbuildable_spec_is_translated_to_its_innermost_detail(qapp,
                                                                               tmp_path):
    path = tmp_path / "m.npz"
    build_model("lenet5", seed=0).save(path)
    with np.load(path) as npz:
        arrays = dict(npz)
    spec = json.loads(arrays["__spec__"].tobytes())
    spec["layers"][0]["kernel_size"] = 40                  # bigger than the 28x28 input
    arrays["__spec__"] = np.frombuffer(json.dumps(spec).encode(), np.uint8)
    np.savez(path, **arrays)
    with pytest.raises(MessageError) as info:
        load_model(path)
    exc = info.value
    assert exc.code == "model_spec_unbuildable"
    detail = exc.values[1]
    assert detail.code == "spec_layer_cannot_take_input"
    assert str(exc).startswith(f"{path}: the architecture cannot be built: layer 'conv1' "
                               "cannot take input of shape (1, 28, 28): kernel")
    with pseudo_language(qapp):
        shown = engine_message(exc)
    # three sentences, each translated, the innermost (the geometry) too
    assert shown.startswith(f"{OPEN}{path}: the architecture cannot be built: {OPEN}layer "
                            f"'conv1' cannot take input of shape (1, 28, 28): {OPEN}kernel")
    assert shown.endswith(CLOSE * 3)


def test_a_hand_edited_layer_setting_is_named_in_the_current_language(qapp, tmp_path):
    # a typo in a layer's settings ("filtrs") used to show Python's English TypeError text
    path = tmp_path / "m.npz"
    build_model("lenet5", seed=0).save(path)
    with np.load(path) as npz:
        arrays = dict(npz)
    spec = json.loads(arrays["__spec__"].tobytes())
    spec["layers"][0]["filtrs"] = spec["layers"][0].pop("filters")
    arrays["__spec__"] = np.frombuffer(json.dumps(spec).encode(), np.uint8)
    np.savez(path, **arrays)
    with pytest.raises(MessageError) as info:
        load_model(path)
    assert "Conv2D layer 'conv1' has no setting 'filtrs'; its settings are filters" in str(
        info.value)
    with pseudo_language(qapp):
        shown = engine_message(info.value)
    assert f"{OPEN}Conv2D layer 'conv1' has no setting 'filtrs'" in shown


def test_grad_cams_refusal_is_coded(qapp):
    mlp = build_model({"name": "mlp", "layers": [{"type": "Flatten"},
                                                 {"type": "Dense", "units": 10}]}, seed=0)
    x = np.zeros((1, 1, 28, 28), np.float32)
    with pytest.raises(MessageError) as info:
        grad_cam(mlp, x, 0)
    assert str(info.value) == ("Grad-CAM needs a layer with spatial extent (an output "
                               "(C, h, w) with h*w > 1); mlp has none")
    with pytest.raises(MessageError, match="has no layer 'nope'; its layers are: flatten1"):
        grad_cam(mlp, x, 0, "nope")
    with pseudo_language(qapp):
        assert engine_message(info.value).startswith(f"{OPEN}Grad-CAM needs")


class _Chinese(QTranslator):
    """Two real translations (a reordering template and a term), as the .qm will hold."""

    TEXTS = {
        MESSAGES["onnx_add_bias_shape"]: "%1 节点 %2：%4 节点 %5 之后的偏置形状是 %3，应为 (%6,)",
        MESSAGES["onnx_cannot_import"]: "%1：无法导入这个 ONNX 模型：%2",
        "(unnamed)": "（未命名）",
    }

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.TEXTS.get(source, "") if context == "engine" else ""


def _onnx_refusal(tmp_path):
    """An ONNX file whose MatMul + Add has a bias of the wrong size (the Add unnamed)."""
    pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node("Flatten", ["x"], ["f"], name="flat"),
         helper.make_node("MatMul", ["f", "W"], ["m"], name="mm"),
         helper.make_node("Add", ["m", "b"], ["y"])],
        "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1, 2, 2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3])],
        initializer=[numpy_helper.from_array(np.zeros((4, 3), np.float32), "W"),
                     numpy_helper.from_array(np.zeros(5, np.float32), "b")])
    path = tmp_path / "bias.onnx"
    path.write_bytes(helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9).SerializeToString())
    return path


def test_an_onnx_refusal_names_operator_and_node_in_the_current_language(qapp, tmp_path):
    path = _onnx_refusal(tmp_path)
    with pytest.raises(MessageError) as info:
        load_model(path)
    exc = info.value
    assert str(exc) == (f"{path}: cannot import this ONNX model: Add node (unnamed): bias of "
                        "shape (5,) after MatMul node 'mm', expected (3,)")
    assert exc.code == "onnx_cannot_import" and exc.values[1].code == "onnx_add_bias_shape"
    with pseudo_language(qapp):
        shown = engine_message(exc)
    assert f"{OPEN}Add node {OPEN}(unnamed){CLOSE}: bias of shape (5,)" in shown
    chinese = _Chinese()
    QCoreApplication.installTranslator(chinese)
    try:
        shown = engine_message(exc)
    finally:
        QCoreApplication.removeTranslator(chinese)
    assert shown == (f"{path}：无法导入这个 ONNX 模型：Add 节点 （未命名）：MatMul 节点 'mm' "
                     "之后的偏置形状是 (5,)，应为 (3,)")


@pytest.mark.parametrize("failure, code", [
    (urllib.error.URLError(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")),
     "reason_refused"),
    (urllib.error.URLError(socket.gaierror(-2, "Name or service not known")),
     "reason_name_unknown"),
    (urllib.error.URLError(OSError(errno.ENETUNREACH, "Network is unreachable")),
     "reason_unreachable"),
    (urllib.error.URLError(TimeoutError("timed out")), "reason_timed_out"),
])
def test_common_connection_failures_are_said_in_words(qapp, failure, code):
    line = download._describe(failure)
    assert line.code == "attempt_cannot_connect" and line.values[0].code == code
    assert str(line) == f"cannot connect ({DATA_MESSAGES[code]})"
    with pseudo_language(qapp):
        assert data_value(line) == f"{OPEN}cannot connect ({OPEN}{DATA_MESSAGES[code]}" \
                                   f"{CLOSE}){CLOSE}"


def test_http_client_failures_are_coded_and_a_rare_reason_kept():
    assert download._describe(http.client.RemoteDisconnected("x")) == \
        Message("reason_no_answer")
    assert download._describe(http.client.IncompleteRead(b"ab", 10)) == \
        Message("reason_incomplete")
    assert str(download._describe(http.client.BadStatusLine("HTP/1"))) == \
        "the server's answer is not valid HTTP (BadStatusLine)"
    assert download._describe(ConnectionResetError(errno.ECONNRESET, "reset")) == \
        Message("reason_reset")
    rare = urllib.error.URLError(OSError(errno.EPROTO, "Protocol error"))
    assert str(download._describe(rare)) == "cannot connect ([Errno 71] Protocol error)"


def test_onnx_exports_refusals_are_coded(qapp, tmp_path):
    pytest.importorskip("onnx")
    from explorer.engine.onnx_common import OnnxUnavailableError
    from explorer.engine.onnx_io import export_onnx

    with pytest.raises(FileNotFoundError) as info:
        export_onnx(build_model("lenet5", seed=0), tmp_path / "none" / "m.onnx")
    assert info.value.code == "onnx_export_no_folder"
    assert str(info.value) == (f"cannot write {tmp_path / 'none' / 'm.onnx'}: folder "
                               f"{tmp_path / 'none'} does not exist")
    missing = OnnxUnavailableError("onnx_unavailable")     # an ImportError and a ValueError
    assert isinstance(missing, ImportError) and isinstance(missing, ValueError)
    with pseudo_language(qapp):
        assert engine_message(info.value).startswith(f"{OPEN}cannot write")
        assert engine_message(missing) == f"{OPEN}{missing}{CLOSE}"
