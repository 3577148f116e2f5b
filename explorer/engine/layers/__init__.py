"""One small class per layer, each with ``forward`` / ``backward`` and named parameters.

Every layer follows the textbook's pattern: ``forward(x, training)`` keeps what the backward
pass needs on the layer, ``backward(dout)`` returns the gradient of the layer's input and fills
``grads`` (same keys as ``params``). ``backward`` never mutates ``dout``, and what
``forward``/``backward`` return is never a scratch buffer that a later call overwrites (identity
steps such as inference-mode Dropout or Flatten return their input or a view of it).

Shapes: image tensors are ``(N, C, H, W)``, flat ones ``(N, D)``; ``output_shape`` works on
shapes without the batch axis (``(C, H, W)`` or ``(D,)``). Parameters are created by
``build(input_shape, rng, ...)`` once the input shape is known (the model does this);
``spec()`` is a JSON-able dict from which :func:`build_layer` rebuilds the layer.

Convolution and max pooling have fast paths that give exactly the results of
:mod:`explorer.engine.functional` (tests/engine/test_layers.py proves it); each trick is
commented where it is used.

Modules: ``base`` (Layer), ``conv`` (Conv2D), ``pooling`` (MaxPool2D, AvgPool2D),
``activations`` (ReLU, LeakyReLU, Sigmoid, Tanh), ``dense`` (Flatten, Dense, Dropout),
``normalization`` (BatchNorm2D, LocalResponseNorm), ``inception`` (Inception), ``loss``
(softmax, SoftmaxCrossEntropy); this package re-exports them all and holds the registry
(:data:`LAYER_TYPES`, :func:`build_layer`).
"""

from __future__ import annotations

import inspect

from ...placeholders import Term
from ..messages import MessageError
from .activations import LeakyReLU, ReLU, Sigmoid, Tanh
from .base import Layer
from .conv import Conv2D
from .dense import Dense, Dropout, Flatten
from .inception import Inception
from .loss import SoftmaxCrossEntropy, softmax
from .normalization import BatchNorm2D, LocalResponseNorm
from .pooling import AvgPool2D, MaxPool2D

__all__ = [
    "Layer",
    "Conv2D",
    "MaxPool2D",
    "AvgPool2D",
    "ReLU",
    "LeakyReLU",
    "Sigmoid",
    "Tanh",
    "Flatten",
    "Dense",
    "Dropout",
    "BatchNorm2D",
    "LocalResponseNorm",
    "Inception",
    "SoftmaxCrossEntropy",
    "softmax",
    "LAYER_TYPES",
    "build_layer",
]


LAYER_TYPES: dict[str, type[Layer]] = {
    cls.type_name: cls
    for cls in (Conv2D, MaxPool2D, AvgPool2D, ReLU, LeakyReLU, Sigmoid, Tanh, Flatten, Dense,
                Dropout, BatchNorm2D, LocalResponseNorm, Inception)
}


def build_layer(spec: dict) -> Layer:
    """A layer from its spec (``{"type": "Conv2D", "name": "conv1", "filters": 30, ...}``).

    Raises ValueError for an unknown type or bad arguments, naming the layer.
    """
    if not isinstance(spec, dict):
        raise MessageError("layer_spec_not_dict", repr(spec))
    kwargs = dict(spec)
    type_name = kwargs.pop("type", None)
    cls = LAYER_TYPES.get(type_name)
    if cls is None:
        raise MessageError("layer_unknown_type", repr(type_name), ", ".join(sorted(LAYER_TYPES)))
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise _bad_settings(cls, type_name, spec.get("name"), kwargs, exc) from None


def _bad_settings(cls, type_name: str, name, kwargs: dict, exc: TypeError) -> MessageError:
    """Why ``cls(**kwargs)`` refused its settings, in words the UI translates (Python's own
    TypeError text is English): an unknown setting, a missing one, or else the raw reason."""
    shown = repr(name) if name else Term("(unnamed)")
    params = inspect.signature(cls).parameters
    unknown = sorted(set(kwargs) - set(params))
    missing = [p for p, v in params.items() if v.default is inspect.Parameter.empty
               and v.kind is v.POSITIONAL_OR_KEYWORD and p not in kwargs]
    if unknown:
        return MessageError("layer_unknown_setting", type_name, shown, repr(unknown[0]),
                            ", ".join(p for p in params if p != "rng"))
    if missing:
        return MessageError("layer_missing_setting", type_name, shown, repr(missing[0]))
    return MessageError("layer_bad_arguments", type_name, shown, str(exc))
