"""load_onnx: models made by PyTorch's two exporters and hand-made graphs of every supported
operator become engine models that compute the same; everything else is refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from explorer.engine import load_model
from explorer.engine.onnx_io import load_onnx
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from tests.engine.onnx_reference import run_reference  # noqa: E402

pytestmark = pytest.mark.usefixtures("one_blas_thread")

DATA = Path(__file__).resolve().parents[1] / "data" / "onnx"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
EXPORTED = [(net, exporter) for net, entry in MANIFEST.items() for exporter in entry["files"]]


def _outputs(model, entry, x):
    return model.predict_proba(x) if entry["output"] == "probabilities" else model.forward(x)


@pytest.mark.parametrize(("net", "exporter"), EXPORTED)
def test_pytorch_exports_give_pytorchs_answers(net, exporter):
    entry = MANIFEST[net]
    model = load_onnx(DATA / entry["files"][exporter])
    x = np.load(DATA / entry["input"])
    expected = np.load(DATA / entry["expected"])
    assert model.input_shape == tuple(entry["input_shape"])
    got = _outputs(model, entry, x)
    assert np.abs(got - expected).max() <= 1e-5
    np.testing.assert_array_equal(got.argmax(axis=1), expected.argmax(axis=1))


@pytest.mark.parametrize("net", list(MANIFEST))
def test_both_exporters_give_the_same_engine_model(net):
    files = MANIFEST[net]["files"]
    a, b = (load_onnx(DATA / files[e]) for e in ("torchscript", "dynamo"))
    assert a.spec["layers"] == b.spec["layers"]
    for key, value in a.parameters().items():
        np.testing.assert_array_equal(b.parameters()[key], value)


def test_what_the_importer_maps_each_network_to():
    lenet = load_onnx(DATA / MANIFEST["lenet"]["files"]["dynamo"])
    assert [l.type_name for l in lenet.layers] == [
        "Conv2D", "ReLU", "MaxPool2D", "Conv2D", "Tanh", "AvgPool2D", "Flatten", "Dense",
        "LeakyReLU", "Dense", "Sigmoid", "Dense"]
    assert "softmax" in " ".join(lenet.metadata["notes"]).lower()  # the final Softmax dropped
    assert lenet.metadata["source"] == "onnx" and lenet.metadata["opset"] >= 17
    inception = load_onnx(DATA / MANIFEST["inception"]["files"]["torchscript"])
    assert [l.type_name for l in inception.layers] == [
        "Conv2D", "ReLU", "MaxPool2D", "Inception", "AvgPool2D", "Flatten", "Dense"]
    assert inception.layers[3].sizes == dict(b1=4, b2_reduce=4, b2=8, b3_reduce=2, b3=4, b4=4)


def test_an_imported_model_saves_as_npz_and_trains(tmp_path):
    model = load_model(DATA / MANIFEST["tinyvgg"]["files"]["torchscript"])
    x = np.load(DATA / "tinyvgg.input.npy")
    model.save(tmp_path / "vgg.npz")
    again = load_model(tmp_path / "vgg.npz")
    np.testing.assert_array_equal(again.forward(x), model.forward(x))
    loss, grads = again.loss_and_gradients(x, np.arange(len(x)) % 10)
    assert np.isfinite(loss) and grads["fc1.weight"].shape == (250, 10)


# -- hand-made graphs ----------------------------------------------------------------------------


def make_file(tmp_path, nodes, inits, in_shape, out_dim, *, opset=17, name="g.onnx",
              input_dims=None):
    """Write a graph with input "x" (N, *in_shape) and output "y" (N, out_dim)."""
    graph = helper.make_graph(
        nodes, "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                       input_dims or ["N", *in_shape])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", out_dim])],
        initializer=[numpy_helper.from_array(np.asarray(v, dtype=v.dtype), k)
                     for k, v in inits.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)],
                              ir_version=9)
    path = tmp_path / name
    path.write_bytes(model.SerializeToString())
    return path


def rand(rng, *shape, scale=0.3):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def head(rng, d, k=4):
    """Flatten + Gemm(transB=1) from value "h" to "y"."""
    nodes = [helper.make_node("Flatten", ["h"], ["f"], name="flat"),
             helper.make_node("Gemm", ["f", "W", "b"], ["y"], name="fc", transB=1)]
    return nodes, {"W": rand(rng, k, d), "b": rand(rng, k)}


def check_against_reference(path, in_shape, rng, n=3):
    x = rng.random((n, *in_shape)).astype(np.float32)
    want = run_reference(path, x, "x")
    got = load_onnx(path).forward(x)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    return load_onnx(path)


@pytest.mark.parametrize(("auto_pad", "stride", "out_hw"), [
    ("SAME_UPPER", 2, (5, 4)), ("SAME_LOWER", 2, (5, 4)), ("VALID", 1, (7, 6)),
    ("NOTSET", 2, (4, 4)),
])
def test_conv_padding_modes(tmp_path, auto_pad, stride, out_hw):
    rng = np.random.default_rng(1)
    attrs = dict(auto_pad=auto_pad, strides=[stride, stride])
    if auto_pad == "NOTSET":
        attrs["pads"] = [0, 1, 1, 0]  # top, left, bottom, right: uneven
    conv = helper.make_node("Conv", ["x", "K", "c"], ["h"], name="conv", **attrs)
    nodes, inits = head(rng, 3 * out_hw[0] * out_hw[1])
    path = make_file(tmp_path, [conv, *nodes], {"K": rand(rng, 3, 2, 4, 3), "c": rand(rng, 3),
                                               **inits}, (2, 10, 8), 4)
    model = check_against_reference(path, (2, 10, 8), rng)
    assert model.summary()[0]["output_shape"] == (3, *out_hw)


def test_pools_activations_batchnorm_lrn_dropout_and_matmul_add(tmp_path):
    rng = np.random.default_rng(2)
    c = 4
    nodes = [
        helper.make_node("Conv", ["x", "K"], ["a"], name="conv", pads=[1, 1, 1, 1]),  # no bias
        helper.make_node("BatchNormalization", ["a", "g", "bb", "m", "v"], ["b"], name="bn",
                         epsilon=1e-3),
        helper.make_node("LeakyRelu", ["b"], ["c"], name="lrelu", alpha=0.2),
        helper.make_node("LRN", ["c"], ["d"], name="lrn", size=3, alpha=0.9, beta=0.7,
                         bias=0.5),
        helper.make_node("MaxPool", ["d"], ["e"], name="maxpool", kernel_shape=[3, 3],
                         strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("AveragePool", ["e"], ["f"], name="avgpool", kernel_shape=[2, 2],
                         strides=[1, 1], pads=[1, 1, 0, 0], count_include_pad=1),
        helper.make_node("Sigmoid", ["f"], ["g1"], name="sig"),
        helper.make_node("GlobalAveragePool", ["g1"], ["g2"], name="gap"),
        helper.make_node("Reshape", ["g2", "shape"], ["g3"], name="reshape"),
        helper.make_node("Dropout", ["g3", "ratio"], ["g4"], name="drop"),
        helper.make_node("MatMul", ["g4", "W1"], ["g5"], name="matmul"),
        helper.make_node("Add", ["g5", "b1"], ["g6"], name="add"),
        helper.make_node("Tanh", ["g6"], ["g7"], name="tanh"),
        helper.make_node("Identity", ["g7"], ["g8"], name="id"),
        helper.make_node("Gemm", ["g8", "W2", "b2"], ["g9"], name="gemm", alpha=0.5, beta=2.0),
        helper.make_node("LogSoftmax", ["g9"], ["y"], name="logsoftmax", axis=1),
    ]
    inits = {"K": rand(rng, c, 3, 3, 3), "g": rng.uniform(0.5, 1.5, c).astype(np.float32),
             "bb": rand(rng, c), "m": rand(rng, c), "v": rng.uniform(0.5, 2, c).astype(np.float32),
             "shape": np.array([0, -1], np.int64), "ratio": np.array(0.25, np.float32),
             "W1": rand(rng, c, 6), "b1": rand(rng, 6), "W2": rand(rng, 6, 5), "b2": rand(rng, 5)}
    path = make_file(tmp_path, nodes, inits, (3, 9, 9), 5)
    x = rng.random((3, 3, 9, 9)).astype(np.float32)
    want = run_reference(path, x, "x")  # log-probabilities
    model = load_onnx(path)
    np.testing.assert_allclose(np.log(model.predict_proba(x)), want, rtol=1e-5, atol=1e-5)
    assert [l.type_name for l in model.layers] == [
        "Conv2D", "BatchNorm2D", "LeakyReLU", "LocalResponseNorm", "MaxPool2D", "AvgPool2D",
        "Sigmoid", "AvgPool2D", "Flatten", "Dropout", "Dense", "Tanh", "Dense"]
    assert model.layers[9].rate == 0.25 and model.layers[2].alpha == 0.2
    assert model.layers[3].alpha == 0.9  # float32 attributes read back as the short decimal
    assert "LogSoftmax" in model.metadata["notes"][0]


def refused(tmp_path, nodes, inits, in_shape=(1, 6, 6), out_dim=4, **kw):
    path = make_file(tmp_path, nodes, inits, in_shape, out_dim, **kw)
    with pytest.raises(ValueError) as info:
        load_onnx(path)
    assert str(path) in str(info.value)
    return str(info.value)


def test_unsupported_operators_and_attributes_are_refused_by_name(tmp_path):
    rng = np.random.default_rng(3)
    nodes, inits = head(rng, 36)
    erf = helper.make_node("Erf", ["x"], ["h"], name="my_erf")
    assert "Erf node 'my_erf'" in refused(tmp_path, [erf, *nodes], inits)
    K = {"K": rand(rng, 2, 1, 3, 3)}
    nodes2, inits2 = head(rng, 2 * 6 * 6)
    dil = helper.make_node("Conv", ["x", "K"], ["h"], name="c", dilations=[2, 2], pads=[2] * 4)
    assert "dilations" in refused(tmp_path, [dil, *nodes2], {**K, **inits2})
    grouped = helper.make_node("Conv", ["x", "K2"], ["h"], name="c", group=2, pads=[1] * 4)
    assert "grouped" in refused(tmp_path, [grouped, *nodes2],
                                {"K2": rand(rng, 2, 1, 3, 3), **inits2}, in_shape=(2, 6, 6))
    nodes3, inits3 = head(rng, 9)
    ceil = helper.make_node("MaxPool", ["x"], ["h"], name="p", kernel_shape=[2, 2],
                            strides=[2, 2], ceil_mode=1)
    assert "ceil_mode" in refused(tmp_path, [ceil, *nodes3], inits3, in_shape=(1, 5, 5))
    avg = helper.make_node("AveragePool", ["x"], ["h"], name="p", kernel_shape=[3, 3],
                           strides=[2, 2], pads=[1] * 4)
    assert "count_include_pad" in refused(tmp_path, [avg, *nodes3], inits3)


def test_a_softmax_that_is_not_last_and_non_inception_branches_are_refused(tmp_path):
    rng = np.random.default_rng(4)
    nodes, inits = head(rng, 36)
    sm = helper.make_node("Softmax", ["x"], ["h"], name="early", axis=1)
    assert "only a final softmax" in refused(tmp_path, [sm, *nodes], inits)
    residual = [helper.make_node("Relu", ["x"], ["r"], name="relu"),
                helper.make_node("Add", ["x", "r"], ["h"], name="skip")]
    msg = refused(tmp_path, [*residual, *nodes], inits)
    assert "feeds 2 nodes" in msg and "Inception" in msg


def test_inputs_without_fixed_sizes_are_refused(tmp_path):
    rng = np.random.default_rng(5)
    nodes, inits = head(rng, 36)
    relu = helper.make_node("Relu", ["x"], ["h"], name="relu")
    msg = refused(tmp_path, [relu, *nodes], inits, input_dims=["N", 1, "H", "W"])
    assert "fixed C, H and W" in msg
    msg = refused(tmp_path, [relu, *nodes], inits, input_dims=["N", 1, 100000, 6])
    assert "4096" in msg


def test_reshape_to_anything_but_n_by_minus_one_is_refused(tmp_path):
    rng = np.random.default_rng(6)
    nodes = [helper.make_node("Reshape", ["x", "s"], ["f"], name="r"),
             helper.make_node("Gemm", ["f", "W"], ["y"], name="fc")]
    msg = refused(tmp_path, nodes, {"s": np.array([-1, 6], np.int64), "W": rand(rng, 6, 4)})
    assert "reshapes to [-1, 6]" in msg


def test_corrupt_and_foreign_files_are_value_errors_naming_them(tmp_path):
    good = DATA / MANIFEST["tinyvgg"]["files"]["torchscript"]
    data = good.read_bytes()
    cut = tmp_path / "cut.onnx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match=r"cut\.onnx"):
        load_onnx(cut)
    empty = tmp_path / "empty.onnx"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="empty"):
        load_onnx(empty)
    npz = tmp_path / "model.onnx"
    npz.write_bytes(b"PK\x03\x04" + bytes(200))
    with pytest.raises(ValueError, match=r"model\.onnx"):
        load_onnx(npz)
    with pytest.raises(FileNotFoundError):
        load_onnx(tmp_path / "missing.onnx")
    with pytest.raises(IsADirectoryError):
        load_onnx(tmp_path)


def test_a_tensor_claiming_more_values_than_it_holds_is_refused_before_allocating(tmp_path):
    rng = np.random.default_rng(7)
    nodes, inits = head(rng, 36)
    relu = helper.make_node("Relu", ["x"], ["h"], name="relu")
    path = make_file(tmp_path, [relu, *nodes], inits, (1, 6, 6), 4)
    proto = onnx.load(str(path))
    w = proto.graph.initializer[0]
    del w.dims[:]
    w.dims.extend([4, 2**40])  # 4 TB as float32; the file holds 144 values
    path.write_bytes(proto.SerializeToString())
    with pytest.raises(ValueError, match="corrupt"):
        load_onnx(path)


def test_weights_stored_outside_the_file_are_refused(tmp_path):
    rng = np.random.default_rng(8)
    nodes, inits = head(rng, 36)
    relu = helper.make_node("Relu", ["x"], ["h"], name="relu")
    path = make_file(tmp_path, [relu, *nodes], inits, (1, 6, 6), 4)
    proto = onnx.load(str(path))
    onnx.save_model(proto, str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="weights.bin", size_threshold=0)
    with pytest.raises(ValueError, match="external file"):
        load_onnx(path)
