"""Element-wise activations: ReLU, LeakyReLU, Sigmoid, Tanh."""

from __future__ import annotations

import numpy as np

from .base import Layer

__all__ = ["ReLU", "LeakyReLU", "Sigmoid", "Tanh"]


class ReLU(Layer):
    """max(x, 0) elementwise; the gradient is 1 where x > 0, else 0."""

    type_name = "ReLU"

    def __init__(self, name=None):
        super().__init__(name or "relu")
        self._out = None

    def forward(self, x, training=False):
        out = np.maximum(x, 0)
        self._out = out
        return out

    def backward(self, dout):
        return dout * (self._out > 0)


class LeakyReLU(Layer):
    """x where x > 0, else ``alpha * x``."""

    type_name = "LeakyReLU"

    def __init__(self, alpha: float = 0.01, name=None):
        super().__init__(name or "leakyrelu")
        self.alpha = float(alpha)
        self._x = None

    def config(self):
        return {"alpha": self.alpha}

    def forward(self, x, training=False):
        self._x = x
        return np.where(x > 0, x, x * x.dtype.type(self.alpha))

    def backward(self, dout):
        return np.where(self._x > 0, dout, dout * dout.dtype.type(self.alpha))


class Sigmoid(Layer):
    """1 / (1 + exp(-x)), computed as (1 + tanh(x/2)) / 2: no overflow for large |x|."""

    type_name = "Sigmoid"

    def __init__(self, name=None):
        super().__init__(name or "sigmoid")
        self._out = None

    def forward(self, x, training=False):
        half = x.dtype.type(0.5)
        out = np.tanh(x * half)
        out += 1
        out *= half
        self._out = out
        return out

    def backward(self, dout):
        return dout * self._out * (1 - self._out)


class Tanh(Layer):
    """tanh(x); the gradient is 1 - tanh(x)**2."""

    type_name = "Tanh"

    def __init__(self, name=None):
        super().__init__(name or "tanh")
        self._out = None

    def forward(self, x, training=False):
        self._out = np.tanh(x)
        return self._out

    def backward(self, dout):
        return dout * (1 - self._out * self._out)

