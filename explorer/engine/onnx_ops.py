"""One converter per ONNX operator, for :mod:`explorer.engine.onnx_import`.

Each takes the reader, the node, the name of its data input and that value's shape without the
batch axis ((C, H, W) or (D,)), appends ``(layer spec, {param: array}, node)`` to
``reader.layers`` when the node becomes a layer, and returns ``(output name, output shape)``.
Layer specs leave ``name`` as None; the importer fills it in.
"""

from __future__ import annotations

import numpy as np

from . import functional as F
from .messages import cause
from .onnx_common import OnnxGraphError, node_error, node_name

__all__ = ["convert_node", "convert_inception"]


_fail = node_error


def _attrs(reader, node):
    return {a.name: reader.onnx.helper.get_attribute_value(a) for a in node.attribute}


def _num(value) -> float:
    """An ONNX float attribute (stored as float32) as the shortest float that rounds to it:
    1e-4 comes back as 0.0001, not 9.99999974738e-05."""
    return float(str(np.float32(value)))


def _f32(a):
    return np.ascontiguousarray(a, dtype=np.float32)


def _need_image(node, shape):
    if len(shape) != 3:
        raise _fail("onnx_needs_images", node, shape[0])


def _window(node, a, shape, kernel, *, default_stride):
    """Engine ``(stride, padding)`` for a Conv/Pool node's attributes on input (C, H, W)."""
    if any(int(d) != 1 for d in a.get("dilations", [1, 1])):
        raise _fail("onnx_dilations", node, list(a["dilations"]))
    strides = tuple(int(s) for s in a.get("strides", default_stride))
    if len(strides) != 2 or min(strides) < 1:
        raise _fail("onnx_strides", node, list(strides))
    auto = a.get("auto_pad", b"NOTSET")
    auto = auto.decode() if isinstance(auto, bytes) else str(auto)
    h, w = shape[1:]
    if auto in ("SAME_UPPER", "SAME_LOWER"):
        (t, b), (l, r) = F.resolve_padding("same", (h, w), kernel, strides)
        # SAME_UPPER puts an odd extra row/column at the bottom/right (the engine's "same").
        padding = "same" if auto == "SAME_UPPER" else [[b, t], [r, l]]
    elif auto == "VALID":
        padding = 0
    elif auto == "NOTSET":
        pads = [int(p) for p in a.get("pads", [0, 0, 0, 0])]
        if len(pads) != 4 or min(pads) < 0:
            raise _fail("onnx_pads", node, pads)
        top, left, bottom, right = pads
        padding = _plain_padding(((top, bottom), (left, right)))
    else:
        raise _fail("onnx_auto_pad", node, repr(auto))
    return list(strides), padding


def _plain_padding(pads):
    """((top, bottom), (left, right)) in the engine's shortest form: int, [ph, pw] or as is."""
    (top, bottom), (left, right) = pads
    if top == bottom and left == right:
        return int(top) if top == left else [int(top), int(left)]
    return [[int(top), int(bottom)], [int(left), int(right)]]


def _conv(reader, node, x, shape):
    _need_image(node, shape)
    a = _attrs(reader, node)
    if int(a.get("group", 1)) != 1:
        raise _fail("onnx_grouped", node, a["group"])
    if len(node.input) < 2:
        raise _fail("onnx_no_weight", node)
    weight = reader.const(node.input[1], node, "weight")
    if weight.ndim != 4 or weight.shape[1] != shape[0] or min(weight.shape) < 1:
        raise _fail("onnx_conv_weight", node, weight.shape, shape[0])
    f, _, kh, kw = weight.shape
    if "kernel_shape" in a and tuple(a["kernel_shape"]) != (kh, kw):
        raise _fail("onnx_kernel_shape_differs", node, list(a["kernel_shape"]), kh, kw)
    bias = np.zeros(f, np.float32)
    if len(node.input) > 2 and node.input[2]:
        bias = reader.const(node.input[2], node, "bias")
        if bias.shape != (f,):
            raise _fail("onnx_bias_shape", node, bias.shape, f)
    stride, padding = _window(node, a, shape, (kh, kw), default_stride=(1, 1))
    spec = {"type": "Conv2D", "name": None, "filters": int(f), "kernel_size": [kh, kw],
            "stride": stride, "padding": padding}
    reader.add(spec, {"weight": _f32(weight), "bias": _f32(bias)}, node)
    return node.output[0], _out_shape(node, spec, shape)


def _out_shape(node, spec, shape):
    from .layers import build_layer

    try:
        out = tuple(build_layer({**spec, "name": "probe"}).output_shape(shape))
    except ValueError as exc:
        raise _fail("onnx_node_problem", node, cause(exc)) from None
    return out


def _pool(reader, node, x, shape):
    _need_image(node, shape)
    a = _attrs(reader, node)
    kernel = tuple(int(k) for k in a.get("kernel_shape", ()))
    if len(kernel) != 2 or min(kernel) < 1:
        raise _fail("onnx_pool_kernel", node, list(kernel))
    if int(a.get("ceil_mode", 0)) != 0:
        raise _fail("onnx_ceil_mode", node)
    if node.op_type == "MaxPool" and int(a.get("storage_order", 0)) != 0:
        raise _fail("onnx_storage_order", node)
    reader._single_output(node)
    stride, padding = _window(node, a, shape, kernel, default_stride=(1, 1))
    pads = F.resolve_padding(padding, shape[1:], kernel, stride)
    if (node.op_type == "AveragePool" and int(a.get("count_include_pad", 0)) == 0
            and any(p for pair in pads for p in pair)):
        raise _fail("onnx_count_include_pad", node)
    kind = "MaxPool2D" if node.op_type == "MaxPool" else "AvgPool2D"
    spec = {"type": kind, "name": None, "kernel_size": list(kernel), "stride": stride,
            "padding": _plain_padding(pads)}
    reader.add(spec, {}, node)
    return node.output[0], _out_shape(node, spec, shape)


def _gemm(reader, node, x, shape):
    a = _attrs(reader, node)
    if int(a.get("transA", 0)) != 0:
        raise _fail("onnx_trans_a", node)
    if len(shape) != 1:
        raise _fail("onnx_needs_flat", node, shape)
    w = reader.const(node.input[1], node, "weight (B)")
    if w.ndim != 2:
        raise _fail("onnx_weight_not_matrix", node, w.shape)
    w = w.T if int(a.get("transB", 0)) else w
    if w.shape[0] != shape[0]:
        raise _fail("onnx_dense_weight", node, w.shape, shape[0])
    w = w * float(a.get("alpha", 1.0))
    bias = np.zeros(w.shape[1], np.float32)
    if len(node.input) > 2 and node.input[2]:
        c = reader.const(node.input[2], node, "bias (C)")
        if c.size not in (1, w.shape[1]) or c.ndim > 2 or (c.ndim == 2 and c.shape[0] != 1):
            raise _fail("onnx_bias_shape", node, c.shape, w.shape[1])
        bias = np.broadcast_to(c.reshape(-1), (w.shape[1],)) * float(a.get("beta", 1.0))
    reader.add({"type": "Dense", "name": None, "units": int(w.shape[1])},
               {"weight": _f32(w), "bias": _f32(bias)}, node)
    return node.output[0], (int(w.shape[1]),)


def _matmul(reader, node, x, shape):
    if node.input[0] != x:
        raise _fail("onnx_matmul_left", node)
    if len(shape) != 1:
        raise _fail("onnx_needs_flat", node, shape)
    w = reader.const(node.input[1], node, "weight")
    if w.ndim != 2 or w.shape[0] != shape[0]:
        raise _fail("onnx_dense_weight", node, w.shape, shape[0])
    out, bias = node.output[0], np.zeros(w.shape[1], np.float32)
    nxt = reader.next_node(out)
    if len(nxt) == 1 and nxt[0].op_type == "Add":
        add = nxt[0]
        other = [i for i in add.input if i != out]
        if len(other) == 1:
            b = reader.const(other[0], add, "bias")
            if b.size != w.shape[1]:
                raise _fail("onnx_add_bias_shape", add, b.shape, node.op_type, node_name(node),
                            w.shape[1])
            bias, out = b.reshape(-1), add.output[0]
            reader.done.add(id(add))
    reader.add({"type": "Dense", "name": None, "units": int(w.shape[1])},
               {"weight": _f32(w), "bias": _f32(bias)}, node)
    return out, (int(w.shape[1]),)


def _flatten(reader, node, x, shape):
    a = _attrs(reader, node)
    axis = int(a.get("axis", 1))
    if axis != 1:
        raise _fail("onnx_flatten_axis", node, axis)
    if len(shape) == 1:
        return node.output[0], shape  # already flat
    reader.add({"type": "Flatten", "name": None}, {}, node)
    return node.output[0], (int(np.prod(shape)),)


def _reshape(reader, node, x, shape):
    target = np.asarray(reader.const(node.input[1], node, "shape")).astype(np.int64).ravel()
    d = int(np.prod(shape))
    allowzero = int(_attrs(reader, node).get("allowzero", 0))
    # (N, -1), (N, D), (0, -1) ("copy N"), (-1, D); with allowzero a 0 means an empty axis.
    ok = (len(target) == 2 and target[0] >= -1 and target[1] in (-1, d)
          and not (target[0] == -1 and target[1] == -1)
          and not (allowzero and 0 in target.tolist()))
    if not ok:
        raise _fail("onnx_reshape", node, target.tolist())
    if len(shape) == 1:
        return node.output[0], shape
    reader.add({"type": "Flatten", "name": None}, {}, node)
    return node.output[0], (d,)


def _batchnorm(reader, node, x, shape):
    _need_image(node, shape)
    a = _attrs(reader, node)
    if int(a.get("training_mode", 0)):
        raise _fail("onnx_training_mode", node)
    reader._single_output(node)
    arrays = [reader.const(n, node, what) for n, what in
              zip(node.input[1:5], ("scale", "bias (B)", "mean", "variance"))]
    if len(arrays) != 4 or any(v.shape != (shape[0],) for v in arrays):
        raise _fail("onnx_batchnorm_shapes", node, shape[0])
    if np.any(arrays[3] < 0):
        raise _fail("onnx_negative_variance", node)
    spec = {"type": "BatchNorm2D", "name": None, "eps": _num(a.get("epsilon", 1e-5)),
            "momentum": _num(1.0 - _num(a.get("momentum", 0.9)))}
    params = dict(zip(("gamma", "beta", "running_mean", "running_var"), map(_f32, arrays)))
    reader.add(spec, params, node)
    return node.output[0], shape


def _lrn(reader, node, x, shape):
    _need_image(node, shape)
    a = _attrs(reader, node)
    size = int(a.get("size", 0))
    if size < 1 or size % 2 == 0:
        raise _fail("onnx_lrn_size", node, size)
    reader.add({"type": "LocalResponseNorm", "name": None, "size": size,
                "alpha": _num(a.get("alpha", 1e-4)), "beta": _num(a.get("beta", 0.75)),
                "k": _num(a.get("bias", 1.0))}, {}, node)
    return node.output[0], shape


def _dropout(reader, node, x, shape):
    reader._single_output(node)
    rate = _num(_attrs(reader, node).get("ratio", 0.5))
    if len(node.input) > 1 and node.input[1]:
        rate = _num(np.asarray(reader.const(node.input[1], node, "ratio")).ravel()[0])
    if not 0.0 <= rate < 1.0:
        raise _fail("onnx_dropout_ratio", node, rate)
    reader.add({"type": "Dropout", "name": None, "rate": rate}, {}, node)
    return node.output[0], shape


def _global_avg(reader, node, x, shape):
    _need_image(node, shape)
    c, h, w = shape
    reader.add({"type": "AvgPool2D", "name": None, "kernel_size": [h, w], "stride": [h, w],
                "padding": 0}, {}, node)
    return node.output[0], (c, 1, 1)


def _reduce_mean(reader, node, x, shape):
    """ReduceMean over H and W (how the dynamo exporter writes adaptive_avg_pool2d(x, 1)):
    a global average pool, then a Flatten when keepdims=0."""
    _need_image(node, shape)
    a = _attrs(reader, node)
    axes = a.get("axes")
    if axes is None and len(node.input) > 1 and node.input[1]:
        axes = np.asarray(reader.const(node.input[1], node, "axes")).ravel().tolist()
    if sorted(int(ax) % 4 for ax in (axes or [])) != [2, 3]:
        raise _fail("onnx_reduce_axes", node, axes)
    out, shape = _global_avg(reader, node, x, shape)
    if not int(a.get("keepdims", 1)):
        reader.add({"type": "Flatten", "name": None}, {}, node)
        shape = (shape[0],)
    return out, shape


def _softmax(reader, node, x, shape):
    out = node.output[0]
    if reader.next_node(out) or out not in reader.outputs:
        raise _fail("onnx_softmax_not_last", node)
    axis = int(_attrs(reader, node).get("axis", -1))
    if len(shape) != 1 or axis not in (1, -1):
        raise _fail("onnx_softmax_axis", node, axis, shape)
    reader.notes.append(
        f"The final {node.op_type} ({node.name or 'unnamed'}) was dropped: the engine's model "
        "outputs logits and applies softmax itself (Model.predict_proba).")
    # Reroute: the graph output is now the softmax's input.
    reader.outputs.add(x)
    return x, shape


def _simple(kind, **attr_map):
    def convert(reader, node, x, shape):
        a = _attrs(reader, node)
        spec = {"type": kind, "name": None}
        for key, (onnx_key, default) in attr_map.items():
            spec[key] = _num(a.get(onnx_key, default))
        reader.add(spec, {}, node)
        return node.output[0], shape
    return convert


def _identity(reader, node, x, shape):
    return node.output[0], shape


_CONVERTERS = {
    "Conv": _conv, "Relu": _simple("ReLU"), "LeakyRelu": _simple("LeakyReLU",
                                                                 alpha=("alpha", 0.01)),
    "Sigmoid": _simple("Sigmoid"), "Tanh": _simple("Tanh"), "MaxPool": _pool,
    "AveragePool": _pool, "GlobalAveragePool": _global_avg, "Flatten": _flatten,
    "Reshape": _reshape, "Gemm": _gemm, "MatMul": _matmul, "BatchNormalization": _batchnorm,
    "LRN": _lrn, "Dropout": _dropout, "ReduceMean": _reduce_mean, "Identity": _identity,
    "Softmax": _softmax, "LogSoftmax": _softmax,
}


def convert_node(reader, node, x, shape):
    """Convert one node of the chain (see the module docstring)."""
    conv = _CONVERTERS.get(node.op_type)
    if conv is None or node.domain not in ("", "ai.onnx"):
        raise _fail("onnx_unknown_operator", node, repr(node.op_type),
                    ", ".join(sorted(_CONVERTERS)))
    if node.input[0] != x and node.op_type != "MatMul":
        raise _fail("onnx_data_not_first", node, list(node.input).index(x))
    return conv(reader, node, x, shape)


# -- Inception --------------------------------------------------------------------------------

#: The engine's Inception branches: (op, kernel, padding) steps; "conv" steps are each
#: followed by a Relu.
_INCEPTION = (
    (("Conv", 1, 0),),
    (("Conv", 1, 0), ("Conv", 3, 1)),
    (("Conv", 1, 0), ("Conv", 5, 2)),
    (("MaxPool", 3, 1), ("Conv", 1, 0)),
)
_SIZE_KEYS = (("b1",), ("b2_reduce", "b2"), ("b3_reduce", "b3"), ("b4",))
_SUB_NAMES = (("b1_1x1",), ("b2_reduce", "b2_3x3"), ("b3_reduce", "b3_5x5"), ("b4_1x1",))


def _branch_chain(reader, fork, start, concat_inputs):
    """The nodes from ``start`` (a consumer of ``fork``) along single consumers up to a value
    that is an input of a Concat; returns (nodes, concat node, end value)."""
    chain, node = [], start
    for _ in range(16):
        chain.append(node)
        out = node.output[0]
        nxt = reader.next_node(out)
        if len(nxt) == 1 and nxt[0].op_type == "Concat":
            return chain, nxt[0], out
        if len(nxt) != 1:
            break
        node = nxt[0]
    raise OnnxGraphError("onnx_branches_do_not_meet", repr(fork))


def convert_inception(reader, x, shape, nodes):
    """A fork: map its four branches onto the engine's Inception layer or refuse."""
    # the nodes as "Conv 'b1', Relu 'r1'" (operator and name: no English word between them)
    why = OnnxGraphError("onnx_fork", repr(x), len(nodes),
                         ", ".join(f"{n.op_type} {node_name(n)}" for n in nodes))
    if len(shape) != 3 or len(nodes) != 4:
        raise why
    chains, concat = {}, None
    for start in nodes:
        chain, cat, end = _branch_chain(reader, x, start, None)
        if concat is not None and cat is not concat:
            raise why
        concat = cat
        chains[end] = chain
    if int(_attrs(reader, concat).get("axis", 0)) not in (1, -3) or set(concat.input) != set(
            chains) or len(concat.input) != 4:
        raise why
    sizes, params = {}, {}
    for b, end in enumerate(concat.input):
        chain = chains[end]
        steps = [n for n in chain if n.op_type != "Relu"]
        relus = [i for i, n in enumerate(chain) if n.op_type == "Relu"]
        want = _INCEPTION[b]
        conv_at = [i for i, n in enumerate(chain) if n.op_type == "Conv"]
        if (len(steps) != len(want) or [n.op_type for n in steps] != [w[0] for w in want]
                or relus != [i + 1 for i in conv_at]):
            raise why
        sub, cur = [], shape
        names = iter(_SUB_NAMES[b])
        keys = iter(_SIZE_KEYS[b])
        for node, (op, k, p) in zip(steps, want):
            a = _attrs(reader, node)
            if op == "MaxPool":
                kernel = tuple(a.get("kernel_shape", ()))
                stride, padding = _window(node, a, cur, (3, 3), default_stride=(1, 1))
                if kernel != (3, 3) or stride != [1, 1] or padding != 1:
                    raise why
                continue
            n0 = len(reader.layers)
            _, cur = _conv(reader, node, node.input[0], cur)
            spec, arrays, _ = reader.layers.pop(n0)
            if (spec["kernel_size"] != [k, k] or spec["stride"] != [1, 1]
                    or spec["padding"] != p):
                raise why
            sizes[next(keys)] = spec["filters"]
            name = next(names)
            params.update({f"{name}.{key}": v for key, v in arrays.items()})
            sub.append(node)
    for chain in chains.values():
        reader.done.update(id(n) for n in chain)
    reader.done.add(id(concat))
    reader.add({"type": "Inception", "name": None, **sizes}, params, concat)
    c = sizes["b1"] + sizes["b2"] + sizes["b3"] + sizes["b4"]
    return concat.output[0], (c, shape[1], shape[2])
