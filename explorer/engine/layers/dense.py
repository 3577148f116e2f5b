"""Flatten, the fully connected Dense layer and (inverted) Dropout."""

from __future__ import annotations

import numpy as np

from ..init import init_weight
from ..messages import MessageError
from .base import Layer

__all__ = ["Flatten", "Dense", "Dropout"]


class Flatten(Layer):
    """(N, C, H, W) -> (N, C*H*W), in C order (channel, row, column)."""

    type_name = "Flatten"

    def __init__(self, name=None):
        super().__init__(name or "flatten")
        self._shape = None

    def output_shape(self, input_shape):
        return (int(np.prod(input_shape)),)

    def forward(self, x, training=False):
        self._shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dout):
        return dout.reshape(self._shape)


class Dense(Layer):
    """Fully connected (the textbook's Affine): x (N, D) -> x @ weight + bias, (N, units).

    weight : (D, units), bias : (units,). A (N, C, H, W) input is flattened first.
    """

    type_name = "Dense"

    def __init__(self, units: int, in_features: int | None = None, name=None):
        super().__init__(name or "fc")
        if not isinstance(units, (int, np.integer)) or isinstance(units, bool) or units < 1:
            raise MessageError("layer_units", repr(units))
        self.units = int(units)
        self.in_features = None if in_features is None else int(in_features)
        self._x = None
        self._x_shape = None

    def config(self):
        cfg = {"units": self.units}
        if self.in_features is not None:
            cfg["in_features"] = self.in_features
        return cfg

    def build(self, input_shape, rng, *, init="he", weight_init_std=None, dtype=np.float32):
        d = int(np.prod(input_shape))
        if self.in_features is not None and self.in_features != d:
            raise MessageError("layer_in_features", self.name, self.in_features, d,
                               tuple(input_shape))
        self.in_features = d
        self.params["weight"] = init_weight((d, self.units), d, rng, init, weight_init_std, dtype)
        self.params["bias"] = np.zeros(self.units, dtype=dtype)

    def output_shape(self, input_shape):
        return (self.units,)

    def forward(self, x, training=False):
        self._x_shape = x.shape
        x2 = x.reshape(x.shape[0], -1)
        if x2.shape[1] != self.in_features:
            raise ValueError(
                f"{self.name} expects {self.in_features} input features, got shape {x.shape}"
            )
        self._x = x2
        out = x2 @ self.params["weight"]
        out += self.params["bias"]
        return out

    def backward(self, dout, need_input_grad: bool = True):
        x2 = self._x
        self.grads["weight"] = x2.T @ dout
        self.grads["bias"] = dout.sum(axis=0)
        if not need_input_grad:
            return None
        if x2.flags.f_contiguous and not x2.flags.c_contiguous:
            # The input was batch-innermost (a fused stage's output): give dx that layout too.
            return (self.params["weight"] @ dout.T).T.reshape(self._x_shape)
        return (dout @ self.params["weight"].T).reshape(self._x_shape)


class Dropout(Layer):
    """Inverted dropout: in training, zero each value with probability ``rate`` and scale the
    rest by 1/(1-rate); at inference the identity.

    ``rng`` is the :class:`numpy.random.Generator` that draws the masks; a model hands all its
    dropout layers one generator seeded from the model's seed.
    """

    type_name = "Dropout"
    has_training_mode = True

    def __init__(self, rate: float = 0.5, name=None, rng: np.random.Generator | None = None):
        super().__init__(name or "dropout")
        if not 0.0 <= float(rate) < 1.0:
            raise MessageError("layer_dropout_rate", repr(rate))
        self.rate = float(rate)
        self.rng = rng if rng is not None else np.random.default_rng(0)
        self._mask = None

    def config(self):
        return {"rate": self.rate}

    def forward(self, x, training=False):
        if not training or self.rate == 0.0:
            self._mask = None
            return x
        keep = self.rng.random(x.shape, dtype=np.float64) >= self.rate
        self._mask = keep.astype(x.dtype) * x.dtype.type(1.0 / (1.0 - self.rate))
        return x * self._mask

    def backward(self, dout):
        return dout if self._mask is None else dout * self._mask

