"""Write an engine :class:`~explorer.engine.models.Model` as an ONNX graph.

The graph takes ``"input"`` (N, C, H, W) float32 (N free, C, H, W the model's
``input_shape``) and gives ``"logits"`` (N, K), the engine's ``Model.forward`` in inference
mode. Each layer becomes the ONNX operator(s) that compute the same thing, named after the
layer:

- Conv2D -> Conv (padding resolved to explicit ``pads``; ``flip=True`` kernels are stored
  rotated, as ONNX's Conv is a cross-correlation), ReLU/LeakyReLU/Sigmoid/Tanh -> Relu/
  LeakyRelu/Sigmoid/Tanh, MaxPool2D -> MaxPool, AvgPool2D -> AveragePool with
  ``count_include_pad=1`` (the engine counts zero padding), Flatten -> Flatten, Dense -> Gemm
  (weight (in, out), no transpose), BatchNorm2D -> BatchNormalization (running statistics),
  LocalResponseNorm -> LRN (odd sizes: ONNX centres even windows the other way),
  Inception -> its four branches and a Concat, Dropout -> Dropout (the identity at inference;
  kept so that a re-imported model trains with the same rate).

Weights are written as float32 (a float64 model is rounded). The file gets IR version
:data:`~.onnx_io.IR_VERSION` and opset :data:`~.onnx_io.OPSET`, passes
``onnx.checker.check_model`` and is written atomically.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from explorer._atomic import atomic_write

from . import functional as F
from .layers import (
    AvgPool2D,
    BatchNorm2D,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    Inception,
    LeakyReLU,
    LocalResponseNorm,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
)
from .messages import MessageError, MessageFileNotFoundError
from .onnx_common import IR_VERSION, OPSET, require_onnx

__all__ = ["export_onnx", "INPUT_NAME", "OUTPUT_NAME"]

INPUT_NAME = "input"
OUTPUT_NAME = "logits"


class _Graph:
    """Collects nodes and initializers while the layers are walked."""

    def __init__(self, onnx):
        self.onnx = onnx
        self.h = onnx.helper
        self.nodes = []
        self.inits = []

    def weight(self, name, array):
        arr = np.array(array, dtype=np.float32, order="C")  # keeps 0-d arrays 0-d
        self.inits.append(self.onnx.numpy_helper.from_array(arr, name))
        return name

    def node(self, op, inputs, output, name, **attrs):
        self.nodes.append(self.h.make_node(op, list(inputs), [output], name=name, **attrs))
        return output


def _pads(layer, in_shape):
    """ONNX ``pads`` [top, left, bottom, right] of a window layer for input (C, H, W)."""
    (top, bottom), (left, right) = F.resolve_padding(layer.padding, in_shape[1:],
                                                     layer.kernel_size, layer.stride)
    return [int(top), int(left), int(bottom), int(right)]


def _conv(g, layer: Conv2D, x, in_shape, name):
    w = layer.params["weight"]
    if layer.flip:
        w = w[:, :, ::-1, ::-1]
    return g.node("Conv", [x, g.weight(f"{name}.weight", w),
                           g.weight(f"{name}.bias", layer.params["bias"])], name, name,
                  kernel_shape=list(layer.kernel_size), strides=list(layer.stride),
                  pads=_pads(layer, in_shape), dilations=[1, 1], group=1)


def _layer(g, layer, x, in_shape, name):
    """Add the nodes of one layer; returns the name of its output value (or x when the layer
    is left out)."""
    if isinstance(layer, Conv2D):
        return _conv(g, layer, x, in_shape, name)
    if isinstance(layer, ReLU):
        return g.node("Relu", [x], name, name)
    if isinstance(layer, LeakyReLU):
        return g.node("LeakyRelu", [x], name, name, alpha=float(layer.alpha))
    if isinstance(layer, Sigmoid):
        return g.node("Sigmoid", [x], name, name)
    if isinstance(layer, Tanh):
        return g.node("Tanh", [x], name, name)
    if isinstance(layer, (MaxPool2D, AvgPool2D)):
        attrs = dict(kernel_shape=list(layer.kernel_size), strides=list(layer.stride),
                     pads=_pads(layer, in_shape))
        if isinstance(layer, MaxPool2D):
            return g.node("MaxPool", [x], name, name, **attrs)
        return g.node("AveragePool", [x], name, name, count_include_pad=1, **attrs)
    if isinstance(layer, Flatten):
        return g.node("Flatten", [x], name, name, axis=1)
    if isinstance(layer, Dense):
        if len(in_shape) != 1:  # the engine's Dense flattens (N, C, H, W) itself
            x = g.node("Flatten", [x], f"{name}.flatten", f"{name}.flatten", axis=1)
        return g.node("Gemm", [x, g.weight(f"{name}.weight", layer.params["weight"]),
                               g.weight(f"{name}.bias", layer.params["bias"])], name, name)
    if isinstance(layer, Dropout):  # the identity at inference; kept so that the rate survives
        ratio = g.weight(f"{name}.ratio", np.array(layer.rate, dtype=np.float32))
        return g.node("Dropout", [x, ratio], name, name)
    if isinstance(layer, BatchNorm2D):
        ins = [x, g.weight(f"{name}.gamma", layer.params["gamma"]),
               g.weight(f"{name}.beta", layer.params["beta"]),
               g.weight(f"{name}.running_mean", layer.buffers["running_mean"]),
               g.weight(f"{name}.running_var", layer.buffers["running_var"])]
        # ONNX's momentum weighs the old running value: 1 - the engine's (PyTorch's) momentum.
        return g.node("BatchNormalization", ins, name, name, epsilon=float(layer.eps),
                      momentum=1.0 - float(layer.momentum))
    if isinstance(layer, LocalResponseNorm):
        if layer.size % 2 == 0:
            raise MessageError("onnx_export_lrn_even", repr(name), layer.size)
        return g.node("LRN", [x], name, name, size=layer.size, alpha=float(layer.alpha),
                      beta=float(layer.beta), bias=float(layer.k))
    if isinstance(layer, Inception):
        outs = []
        for branch in layer.branches:
            y, shape = x, in_shape
            for sub in branch:
                y = _layer(g, sub, y, shape, f"{name}.{sub.name}")
                shape = tuple(sub.output_shape(shape))
            outs.append(y)
        return g.node("Concat", outs, name, name, axis=1)
    raise MessageError("onnx_export_no_layer", repr(name), layer.type_name)


def build_onnx_model(model):
    """The ``onnx.ModelProto`` of ``model`` (checked with ``onnx.checker.check_model``)."""
    onnx = require_onnx()
    g = _Graph(onnx)
    x, shape = INPUT_NAME, tuple(model.input_shape)
    for layer in model.layers:
        x = _layer(g, layer, x, shape, layer.name)
        shape = tuple(layer.output_shape(shape))
    if x == INPUT_NAME or len(shape) != 1:
        raise MessageError("onnx_export_no_scores", model.name)
    # The last node writes the graph output directly.
    last = g.nodes[-1]
    last.output[0] = OUTPUT_NAME
    tp = onnx.TensorProto.FLOAT
    graph = g.h.make_graph(
        g.nodes, model.name,
        [g.h.make_tensor_value_info(INPUT_NAME, tp, ["N", *map(int, model.input_shape)])],
        [g.h.make_tensor_value_info(OUTPUT_NAME, tp, ["N", int(shape[0])])],
        initializer=g.inits,
    )
    proto = g.h.make_model(graph, opset_imports=[g.h.make_opsetid("", OPSET)],
                           producer_name="cnn-explorer", ir_version=IR_VERSION)
    chw = ", ".join(map(str, model.input_shape))
    proto.doc_string = (
        f"{model.name} from CNN Explorer. Input: images (N, {chw}) float32 with pixels in "
        "[0, 1]. Output: logits (N, K); apply softmax for probabilities."
    )
    spec = model.spec
    spec.pop("dtype", None)
    g.h.set_model_props(proto, {"cnn_explorer.name": model.name,
                                "cnn_explorer.spec": json.dumps(spec)})
    onnx.checker.check_model(proto, full_check=True)
    return proto


def export_onnx(model, path) -> None:
    """Write ``model`` as an ONNX file at ``path`` (atomically; the folder must exist).

    Raises :class:`~.onnx_io.OnnxUnavailableError` without the onnx package, ValueError for a
    layer ONNX cannot express and FileNotFoundError when the folder does not exist.
    """
    path = Path(path)
    proto = build_onnx_model(model)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise MessageFileNotFoundError("onnx_export_no_folder", str(path), str(folder))
    with atomic_write(path, "wb") as fh:
        fh.write(proto.SerializeToString())
