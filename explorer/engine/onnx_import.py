"""Read an ONNX file into an engine :class:`~explorer.engine.models.Model`.

The graph must be a chain of operators the engine has, from one image input (N, C, H, W) with
fixed C, H, W to one output of class scores (N, K):

- Conv (any kernel, strides, ``pads`` or ``auto_pad`` SAME_UPPER / SAME_LOWER / VALID; no
  dilation or groups) -> Conv2D; Relu, LeakyRelu, Sigmoid, Tanh -> the activations;
- MaxPool, AveragePool (``ceil_mode=0``; AveragePool with padding needs
  ``count_include_pad=1``, the engine's rule), GlobalAveragePool -> MaxPool2D / AvgPool2D;
- Flatten, or Reshape to (N, -1) (a constant shape, or the Shape -> Gather -> Unsqueeze ->
  Concat computation the TorchScript exporter writes for ``x.view(x.size(0), -1)``) -> Flatten;
- Gemm (``transB`` either way, ``alpha``/``beta`` folded into the weights), MatMul (+ Add of a
  bias) with a constant (in, out) weight -> Dense;
- BatchNormalization (inference) -> BatchNorm2D; LRN (odd size) -> LocalResponseNorm;
  Dropout -> Dropout; Identity is skipped;
- a fork whose branches meet in a Concat on channels -> the engine's Inception layer, when the
  branches are exactly its four (1x1; 1x1 -> 3x3; 1x1 -> 5x5; 3x3 max pool -> 1x1, each conv
  followed by Relu); other branchings are refused;
- a final Softmax (or LogSoftmax) is dropped: the engine's models output logits and apply
  softmax themselves (``Model.predict_proba``); the model's metadata says so.

Anything else raises ValueError naming the file, the operator and the node. Weights are read as
stored (NCHW, OIHW, Gemm's (out, in) with transB=1, MatMul's (in, out)) and kept as float32.
Sizes are checked before anything is allocated: a malformed file is a ValueError naming it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

from .messages import (MessageError, MessageFileNotFoundError, MessageIsADirectoryError, Term,
                       cause)
from .onnx_common import OnnxGraphError, node_error, require_onnx
from .onnx_ops import convert_inception, convert_node

__all__ = ["load_onnx", "MAX_FILE_BYTES", "MAX_INPUT_SIDE"]

#: Protobuf cannot hold more than 2 GB; an engine model is a few MB.
MAX_FILE_BYTES = 2**31 - 1
#: Largest input channel count / height / width accepted (the engine runs on the CPU).
MAX_INPUT_SIDE = 4096
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_SHAPE_OPS = {"Shape", "Gather", "Unsqueeze", "Concat", "Constant", "Squeeze", "Cast", "Slice"}


#: A problem with the graph; load_onnx adds the file name.
_Fail = OnnxGraphError


def _attrs(onnx, node) -> dict:
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _tensor_array(onnx, tensor) -> np.ndarray:
    """An initializer (a TensorProto) as a NumPy array, its size checked against its data
    first."""
    dims = list(tensor.dims)
    if any(d < 0 for d in dims):
        raise _Fail("onnx_tensor_negative_dims", repr(tensor.name), dims)
    if tensor.data_location == onnx.TensorProto.EXTERNAL:
        raise _Fail("onnx_tensor_external", repr(tensor.name))
    dtype = onnx.helper.tensor_dtype_to_np_dtype(tensor.data_type) if tensor.data_type else None
    if dtype is None or dtype.kind not in "fiu":
        raise _Fail("onnx_tensor_type", repr(tensor.name), tensor.data_type)
    count = int(np.prod(dims, dtype=object)) if dims else 1
    if tensor.HasField("raw_data"):
        have = len(tensor.raw_data) // dtype.itemsize
    else:
        field = onnx.helper.tensor_dtype_to_field(tensor.data_type)
        have = len(getattr(tensor, field))
        if dtype == np.float16:
            have = len(tensor.int32_data)
    if have != count:
        raise _Fail("onnx_tensor_corrupt", repr(tensor.name), dims, count, have)
    return onnx.numpy_helper.to_array(tensor)


def _static_input(onnx, graph, init_names):
    """(name, (C, H, W)) of the graph's one image input."""
    inputs = [i for i in graph.input if i.name not in init_names]
    if len(inputs) != 1:
        raise _Fail("onnx_inputs_count", len(inputs), ", ".join(i.name for i in inputs))
    value = inputs[0]
    ttype = value.type.tensor_type
    if not value.type.HasField("tensor_type") or ttype.elem_type not in (
            onnx.TensorProto.FLOAT, onnx.TensorProto.DOUBLE, onnx.TensorProto.FLOAT16):
        raise _Fail("onnx_input_not_float", repr(value.name))
    dims = [d.dim_value if d.HasField("dim_value") else None for d in ttype.shape.dim]
    if len(dims) != 4 or any(d is None for d in dims[1:]):
        shown = ["?" if d is None else d for d in dims]
        raise _Fail("onnx_input_shape", repr(value.name), shown)
    chw = tuple(int(d) for d in dims[1:])
    if min(chw) < 1 or max(chw) > MAX_INPUT_SIDE:
        raise _Fail("onnx_input_size", repr(value.name), *chw, MAX_INPUT_SIDE)
    return value.name, chw


class _Reader:
    """Walks the graph from the input along the chain of consumers, building layer specs."""

    def __init__(self, onnx, graph):
        self.onnx = onnx
        self.graph = graph
        self.consts: dict[str, np.ndarray] = {}
        for t in graph.initializer:
            self.consts[t.name] = _tensor_array(onnx, t)
        self.consumers: dict[str, list] = {}
        self.producer: dict[str, object] = {}
        for node in graph.node:
            for name in node.input:
                if name:
                    self.consumers.setdefault(name, []).append(node)
            for name in node.output:
                if name:
                    self.producer[name] = node
        self.outputs = {o.name for o in graph.output}
        self.layers: list[tuple[dict, dict, object]] = []  # (spec, params, node)
        self.notes: list[str] = []
        self.done: set[int] = set()

    # -- constants -----------------------------------------------------------------------------
    def const(self, name, node, what):
        """The constant array of value ``name`` (an initializer or a Constant node's output)."""
        if name in self.consts:
            return self.consts[name]
        prod = self.producer.get(name)
        if prod is not None and prod.op_type in _SHAPE_OPS:
            return self._fold(name)
        raise node_error("onnx_not_constant", node, Term(what), repr(name))

    def _fold(self, name):
        """Evaluate the shape arithmetic behind ``name``; a Shape of the data gives the batch
        size as 0 (Reshape's "copy this dimension")."""
        if name in self.consts:
            return self.consts[name]
        node = self.producer.get(name)
        if node is None or node.op_type not in _SHAPE_OPS:
            raise _Fail("onnx_not_shape_computation", repr(name))
        a = _attrs(self.onnx, node)
        op = node.op_type
        if op == "Constant":
            if "value" not in a:
                raise node_error("onnx_constant_not_tensor", node)
            out = np.asarray(self.onnx.numpy_helper.to_array(a["value"]))
        elif op == "Shape":
            shape = self.shapes.get(node.input[0])
            if shape is None:
                raise node_error("onnx_shape_unknown", node)
            out = np.array([0, *shape], dtype=np.int64)
            start, end = a.get("start", 0), a.get("end", None)
            out = out[start:end]
        else:
            args = [self._fold(i) for i in node.input if i]
            if op == "Gather":
                out = np.take(args[0], args[1], axis=a.get("axis", 0))
            elif op == "Unsqueeze":
                axes = a.get("axes", args[1].tolist() if len(args) > 1 else [0])
                out = np.expand_dims(args[0], tuple(axes))
            elif op == "Squeeze":
                out = np.squeeze(args[0])
            elif op == "Concat":
                out = np.concatenate([np.atleast_1d(x) for x in args], axis=a.get("axis", 0))
            elif op == "Cast":
                out = args[0]
            else:  # Slice
                starts, ends = int(args[1].ravel()[0]), int(args[2].ravel()[0])
                out = args[0][starts:ends]
        self.consts[name] = out
        return out

    # -- the walk ------------------------------------------------------------------------------
    def next_node(self, value):
        """The unconverted nodes that take ``value`` as data (a Shape node only reads its
        shape, for a Reshape: it is evaluated when that Reshape asks)."""
        return [n for n in self.consumers.get(value, [])
                if id(n) not in self.done and n.op_type != "Shape"]

    def add(self, spec, params, node):
        self.layers.append((spec, params, node))

    def read(self, input_name, chw):
        self.shapes = {input_name: chw}
        value, shape = input_name, chw
        while True:
            nodes = self.next_node(value)
            if not nodes:
                if value not in self.outputs:
                    raise _Fail("onnx_leads_nowhere", repr(value))
                return value, shape
            if len(nodes) > 1:
                value, shape = self._fork(value, shape, nodes)
                continue
            node = nodes[0]
            self.done.add(id(node))
            value, shape = self._op(node, value, shape)
            self.shapes[value] = shape

    def _single_output(self, node):
        extra = [o for o in node.output[1:] if o and self.consumers.get(o)]
        if extra:
            raise node_error("onnx_extra_output", node, repr(extra[0]))
        return node.output[0]

    def _op(self, node, value, shape):
        return convert_node(self, node, value, shape)

    def _fork(self, value, shape, nodes):
        return convert_inception(self, value, shape, nodes)


def _layer_names(layers):
    """The node names as layer names (for files export_onnx wrote) when every one is a plain
    unique identifier; otherwise None (the engine then names them conv1, relu1, ...)."""
    names = [node.name for _, _, node in layers]
    if all(_NAME.match(n or "") for n in names) and len(set(names)) == len(names):
        return names
    return None


def _read_proto(onnx, path: Path):
    if not path.exists():
        raise MessageFileNotFoundError("onnx_file_missing", str(path))
    if path.is_dir():
        raise MessageIsADirectoryError("onnx_file_is_folder", str(path))
    size = path.stat().st_size
    if size == 0:
        raise MessageError("onnx_file_empty", str(path))
    if size > MAX_FILE_BYTES:
        raise MessageError("onnx_file_too_large", str(path), f"{size:,}")
    data = path.read_bytes()
    try:
        proto = onnx.load_model_from_string(data)
    except Exception as exc:  # protobuf's DecodeError and friends
        raise MessageError("onnx_file_unreadable", str(path), type(exc).__name__,
                           str(exc)) from None
    if not proto.HasField("graph") or not proto.graph.node:
        raise MessageError("onnx_no_nodes", str(path))
    return proto


def load_onnx(path):
    """An engine :class:`Model` from the ONNX file at ``path`` (float32, input shape from the
    file, metadata naming the source and what was dropped).

    Raises :class:`~.onnx_io.OnnxUnavailableError` without the onnx package,
    FileNotFoundError / IsADirectoryError, and ValueError naming the file and what is wrong
    (not ONNX, corrupt tensors, an operator or a pattern the engine does not have).
    """
    from .models import model_from_spec

    onnx = require_onnx()
    path = Path(path)
    proto = _read_proto(onnx, path)
    graph = proto.graph
    try:
        for opset in proto.opset_import:
            if opset.domain not in ("", "ai.onnx"):
                raise _Fail("onnx_domain", repr(opset.domain))
        reader = _Reader(onnx, graph)
        input_name, chw = _static_input(onnx, graph, set(reader.consts))
        last, shape = reader.read(input_name, chw)
        if len(graph.output) != 1:
            raise _Fail("onnx_outputs_count", len(graph.output))
        if len(shape) != 1 or not reader.layers:
            raise _Fail("onnx_output_shape", ("N", *shape))
        leftover = [n for n in graph.node if id(n) not in reader.done
                    and n.op_type not in _SHAPE_OPS]
        if leftover:
            raise node_error("onnx_off_path", leftover[0])
        ours = proto.producer_name == "cnn-explorer"
        names = _layer_names(reader.layers) if ours else None
        specs = []
        for i, (spec, _, _) in enumerate(reader.layers):
            spec = dict(spec)
            if names is not None:
                spec["name"] = names[i]
            specs.append(spec)
        props = {p.key: p.value for p in proto.metadata_props}
        stem = props.get("cnn_explorer.name") if ours else None
        stem = stem or re.sub(r"[^A-Za-z0-9_]+", "_", path.stem).strip("_") or "onnx_model"
        model_spec = {"name": stem, "input_shape": list(chw), "init": "he", "layers": specs}
        try:
            model = model_from_spec(model_spec, dtype=np.float32, seed=0)
        except ValueError as exc:
            raise _Fail("onnx_layers_do_not_fit", cause(exc)) from None
        for layer, (_, params, node) in zip(model.layers, reader.layers):
            _assign(layer, params, node)
    except _Fail as exc:
        raise MessageError("onnx_cannot_import", str(path), exc) from None
    model.metadata = {
        "source": "onnx",
        "onnx_file": os.fspath(path.name),
        "producer": f"{proto.producer_name} {proto.producer_version}".strip(),
        "opset": max((o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")),
                     default=0),
        "notes": reader.notes,
    }
    return model


def _assign(layer, params, node):
    """Copy the imported arrays into the built layer, shapes checked."""
    targets = dict(layer.params)
    targets.update(layer.buffers)
    for key, value in params.items():
        target = targets.get(key)
        if target is None or target.shape != value.shape:
            raise node_error("onnx_param_shape", node, key, value.shape,
                             None if target is None else target.shape)
        if not np.all(np.isfinite(value)):
            raise node_error("onnx_param_not_finite", node, key)
        target[...] = value
