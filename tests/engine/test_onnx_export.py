"""export_onnx: the file any ONNX tool opens computes what the engine computes."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from explorer.data import load_builtin, pixels_to_float
from explorer.engine import build_model, list_models, load_default_model, load_model
from explorer.engine.onnx_io import (
    IR_VERSION,
    OPSET,
    OnnxUnavailableError,
    export_onnx,
    load_onnx,
)
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

onnx = pytest.importorskip("onnx")
from tests.engine.onnx_reference import run_reference as _reference  # noqa: E402

pytestmark = pytest.mark.usefixtures("one_blas_thread")


def inputs_for(model, n=16):
    """The built-in test digits for grey 28x28 models; for other input shapes random images in
    [0, 1] (a test fixture: no real colour images ship with the app)."""
    if tuple(model.input_shape) == (1, 28, 28):
        return pixels_to_float(load_builtin().test_images[:n])[:, None]
    return np.random.default_rng(5).random((n, *model.input_shape)).astype(np.float32)


def run_reference(path, x):
    return _reference(path, x, "input")


def assert_same_logits(got, want, what):
    # float32 sums in another order: compare to a tolerance relative to the logits' size
    scale = max(1.0, float(np.abs(want).max()))
    assert np.abs(got - want).max() <= 1e-5 * scale, f"{what}: max diff {np.abs(got - want).max()}"


@pytest.mark.parametrize("name", list_models())
def test_every_architecture_exports_a_checked_file_that_computes_the_same(tmp_path, name):
    model = build_model(name, seed=3)
    for key, p in model.parameters().items():  # biases that are not 0: they must be exported
        if key.endswith("bias"):
            p[...] = np.random.default_rng(len(key)).normal(0, 0.1, p.shape)
    path = tmp_path / f"{name}.onnx"
    export_onnx(model, path)
    proto = onnx.load(str(path))
    onnx.checker.check_model(proto, full_check=True)
    assert proto.ir_version == IR_VERSION == 9
    assert [(o.domain, o.version) for o in proto.opset_import] == [("", OPSET)]
    assert [i.name for i in proto.graph.input] == ["input"]
    dims = proto.graph.input[0].type.tensor_type.shape.dim
    assert [d.dim_param or d.dim_value for d in dims] == ["N", *model.input_shape]
    x = inputs_for(model, 20)  # more images than channels and fewer (mini_alexnet's 16, 32)
    assert_same_logits(run_reference(path, x), model.forward(x), f"{name} (reference)")


@pytest.mark.parametrize("name", list_models())
def test_every_architecture_runs_in_onnxruntime(tmp_path, name):
    ort = pytest.importorskip("onnxruntime")
    model = build_model(name, seed=4)
    path = tmp_path / f"{name}.onnx"
    export_onnx(model, path)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    x = inputs_for(model, 40)
    assert_same_logits(session.run(None, {"input": x})[0], model.forward(x), name)


def test_the_shipped_model_runs_in_onnxruntime_with_the_engines_answers(tmp_path):
    ort = pytest.importorskip("onnxruntime")
    model = load_default_model()
    path = tmp_path / "default.onnx"
    export_onnx(model, path)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    x = inputs_for(model, 500)
    logits = session.run(None, {"input": x})[0]
    assert_same_logits(logits, model.forward(x), "default model")
    np.testing.assert_array_equal(logits.argmax(axis=1), model.predict(x))
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    np.testing.assert_allclose(e / e.sum(axis=1, keepdims=True), model.predict_proba(x),
                               atol=1e-5)


def test_every_other_layer_kind_exports_right(tmp_path):
    # flip, stride 2 "same" (odd padding), explicit uneven padding, LeakyReLU, Sigmoid,
    # batch norm with real statistics, average pooling that counts padding, Dense on an image.
    spec = {"name": "mixed", "input_shape": [2, 13, 11], "layers": [
        {"type": "Conv2D", "filters": 4, "kernel_size": 3, "flip": True, "padding": 1},
        {"type": "BatchNorm2D", "eps": 1e-3},
        {"type": "LeakyReLU", "alpha": 0.2},
        {"type": "Conv2D", "filters": 5, "kernel_size": [4, 3], "stride": 2, "padding": "same"},
        {"type": "Sigmoid"},
        {"type": "AvgPool2D", "kernel_size": 3, "stride": 2, "padding": 1},
        {"type": "Conv2D", "filters": 3, "kernel_size": 2, "padding": [[0, 1], [1, 0]]},
        {"type": "Dense", "units": 7},
    ]}
    model = build_model(spec, seed=1)
    rng = np.random.default_rng(0)
    model.buffers()["bn1.running_mean"][...] = rng.normal(0, 0.3, 4)
    model.buffers()["bn1.running_var"][...] = rng.uniform(0.5, 2, 4)
    model.parameters()["bn1.gamma"][...] = rng.uniform(0.5, 1.5, 4)
    path = tmp_path / "mixed.onnx"
    export_onnx(model, path)
    x = rng.random((3, 2, 13, 11)).astype(np.float32)
    assert_same_logits(run_reference(path, x), model.forward(x), "mixed")
    back = load_onnx(path)
    # ONNX's Gemm takes (N, D): a Dense on images is exported as Flatten + Gemm
    assert [l["type"] for l in back.spec["layers"]] == [
        l["type"] for l in model.spec["layers"]][:-1] + ["Flatten", "Dense"]
    assert back.spec["layers"][0]["flip"] is False  # ONNX has cross-correlation: stored rotated
    np.testing.assert_array_equal(back.parameters()["conv1.weight"],
                                  model.parameters()["conv1.weight"][:, :, ::-1, ::-1])
    # "same" at stride 2 on 13x11 with a 4x3 kernel pads (1, 2) rows and (1, 1) columns
    assert back.spec["layers"][3]["padding"] == [[1, 2], [1, 1]]
    np.testing.assert_allclose(back.forward(x), model.forward(x), rtol=1e-5, atol=1e-6)


def test_an_lrn_of_even_size_is_refused_and_leaves_no_file(tmp_path):
    spec = [{"type": "Conv2D", "filters": 4, "kernel_size": 3},
            {"type": "LocalResponseNorm", "size": 4}, {"type": "Flatten"},
            {"type": "Dense", "units": 10}]
    path = tmp_path / "lrn.onnx"
    path.write_bytes(b"old")
    with pytest.raises(ValueError, match="lrn1.*even size 4.*odd sizes"):
        export_onnx(build_model(spec), path)
    assert path.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [path]


def test_export_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        export_onnx(build_model("lenet5"), tmp_path / "nowhere" / "m.onnx")


def test_without_the_onnx_package_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx now raises ImportError
    with pytest.raises(OnnxUnavailableError, match=r"pip install 'cnn-explorer\[onnx\]'"):
        export_onnx(build_model("lenet5"), tmp_path / "m.onnx")
    with pytest.raises(ImportError, match="ONNX support needs the onnx package"):
        load_onnx(tmp_path / "m.onnx")
    assert not (tmp_path / "m.onnx").exists()


def test_round_trip_keeps_spec_names_and_weights_and_trains_on(tmp_path):
    model = build_model("mini_alexnet", seed=2)
    path = tmp_path / "alex.onnx"
    export_onnx(model, path)
    back = load_model(path)  # load_model dispatches on the .onnx suffix
    assert back.name == "mini_alexnet"
    assert back.spec["layers"] == model.spec["layers"]  # dropout and LRN settings included
    for key, value in model.parameters().items():
        np.testing.assert_array_equal(back.parameters()[key], value)
    assert back.metadata["source"] == "onnx" and back.metadata["producer"].startswith("cnn")
    back.save(tmp_path / "alex.npz")
    again = load_model(tmp_path / "alex.npz")
    x = inputs_for(model, 4)
    np.testing.assert_array_equal(again.forward(x), model.forward(x))
    loss, grads = again.loss_and_gradients(x, np.arange(4))
    assert np.isfinite(loss) and set(grads) == set(model.parameters())
