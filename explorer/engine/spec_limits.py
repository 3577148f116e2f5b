"""Limits on model specs, and the shapes of a spec's arrays computed without allocating them.

A model file's spec is untrusted input: ``Conv2D(filters=100000)`` followed by a Dense layer
would allocate gigabytes before anything noticed. :func:`plan_arrays` walks the spec with the
layers' own ``output_shape`` (which allocates nothing), adds up the parameters each layer
would create and refuses the spec with a ValueError past the limits below. ``model_from_spec``
runs it before building; ``load_model`` also compares its shapes with the ``.npy`` headers
stored in the file before reading any array.
"""

from __future__ import annotations

import math

import numpy as np

from .layers import BatchNorm2D, Conv2D, Dense, Inception, build_layer
from .messages import MessageError, cause

__all__ = ["MAX_LAYERS", "MAX_SIDE", "MAX_PARAMS", "MAX_VALUES_PER_IMAGE", "check_input_shape",
           "plan_arrays"]

#: Limits on what a spec may ask for, checked before anything is allocated (a model file's
#: spec is untrusted input). The built-in models are far below them: simple_convnet, the
#: biggest, has 0.43 M parameters and at most 17,280 values per image in a layer.
MAX_LAYERS = 1000
MAX_SIDE = 4096
MAX_PARAMS = 100_000_000  # parameters + buffers: 400 MB in float32
MAX_VALUES_PER_IMAGE = 1 << 22  # one layer's output (or im2col patches) for one image


def check_input_shape(shape) -> list[int]:
    """``input_shape`` as ``[C, H, W]`` of positive ints up to MAX_SIDE; ValueError if not."""
    ok = (isinstance(shape, (list, tuple)) and len(shape) == 3
          and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                  and 1 <= v <= MAX_SIDE for v in shape))
    if not ok:
        raise MessageError("spec_input_shape", MAX_SIDE, repr(shape))
    c, h, w = (int(v) for v in shape)
    if c * h * w > MAX_VALUES_PER_IMAGE:
        raise MessageError("spec_input_too_large", [c, h, w], f"{c * h * w:,}",
                           f"{MAX_VALUES_PER_IMAGE:,}")
    return [c, h, w]


def _layer_arrays(layer, shape) -> tuple[dict, dict]:
    """The parameter and buffer shapes ``layer`` will create for inputs of ``shape`` (no batch
    axis), as ``({"weight": (F, C, KH, KW), ...}, {"running_mean": (C,), ...})``, computed
    without allocating them (tests/engine/test_serialize_limits.py checks this against
    ``build`` for every layer type)."""
    if isinstance(layer, Conv2D):
        kh, kw = layer.kernel_size
        oh, ow = layer.output_shape(shape)[1:]
        patches = shape[0] * kh * kw * oh * ow
        if patches > MAX_VALUES_PER_IMAGE:
            raise MessageError("spec_patches_too_large", layer.name, f"{patches:,}",
                               f"{MAX_VALUES_PER_IMAGE:,}")
        return {"weight": (layer.filters, shape[0], kh, kw), "bias": (layer.filters,)}, {}
    if isinstance(layer, Dense):
        return {"weight": (math.prod(shape), layer.units), "bias": (layer.units,)}, {}
    if isinstance(layer, BatchNorm2D):
        c = (shape[0],)
        return {"gamma": c, "beta": c}, {"running_mean": c, "running_var": c}
    if isinstance(layer, Inception):
        params = {}
        for branch in layer.branches:
            sub_shape = tuple(shape)
            for sub in branch:
                for key, value in _layer_arrays(sub, sub_shape)[0].items():
                    params[f"{sub.name}.{key}"] = value
                sub_shape = tuple(sub.output_shape(sub_shape))
        return params, {}
    return {}, {}


def plan_arrays(spec: dict) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """``(parameters, buffers)``: the shapes, keyed as ``Model.parameters()`` and
    ``Model.buffers()``, of the arrays the model of ``spec`` (normalised by
    ``models._normalise_spec``: every layer named) would have, computed without building it.

    Raises ValueError when a layer's arguments are bad or it cannot take its input, or the
    model would exceed MAX_PARAMS parameters or MAX_VALUES_PER_IMAGE values per image in a
    layer (so an untrusted spec is refused before gigabytes are allocated).
    """
    params: dict[str, tuple] = {}
    buffers: dict[str, tuple] = {}
    total, shape = 0, tuple(spec["input_shape"])
    for layer_spec in spec["layers"]:
        layer = build_layer(layer_spec)
        try:
            p, b = _layer_arrays(layer, shape)
            out = tuple(int(v) for v in layer.output_shape(shape))
        except ValueError as exc:
            raise MessageError("spec_layer_cannot_take_input", repr(layer.name), shape,
                               cause(exc)) from None
        params.update({f"{layer.name}.{k}": v for k, v in p.items()})
        buffers.update({f"{layer.name}.{k}": v for k, v in b.items()})
        total += sum(math.prod(v) for v in (*p.values(), *b.values()))
        if total > MAX_PARAMS:
            raise MessageError("spec_too_many_params", f"{MAX_PARAMS:,}", repr(layer.name),
                               f"{total:,}")
        if math.prod(out) > MAX_VALUES_PER_IMAGE:
            raise MessageError("spec_layer_output_too_large", repr(layer.name),
                               f"{math.prod(out):,}", out, f"{MAX_VALUES_PER_IMAGE:,}")
        shape = out
    return params, buffers
