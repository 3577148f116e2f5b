"""GoogLeNet's Inception module: four branches concatenated on channels."""

from __future__ import annotations

import numpy as np

from .activations import ReLU
from .base import Layer
from .conv import Conv2D
from .pooling import MaxPool2D

__all__ = ["Inception"]


class Inception(Layer):
    """GoogLeNet's Inception module: four branches on one input, concatenated on channels.

    - b1: 1x1 conv (``b1`` filters) -> ReLU
    - b2: 1x1 conv (``b2_reduce``) -> ReLU -> 3x3 conv pad 1 (``b2``) -> ReLU
    - b3: 1x1 conv (``b3_reduce``) -> ReLU -> 5x5 conv pad 2 (``b3``) -> ReLU
    - b4: 3x3 max pool stride 1 pad 1 -> 1x1 conv (``b4``) -> ReLU

    The 1x1 "reductions" shrink the channels before the costly 3x3/5x5 kernels.
    x : (N, C, H, W) -> (N, b1 + b2 + b3 + b4, H, W). Parameters are named after the sub-layer:
    ``b2_3x3.weight`` (in a model: ``inception1.b2_3x3.weight``).
    """

    type_name = "Inception"

    def __init__(self, b1: int, b2_reduce: int, b2: int, b3_reduce: int, b3: int, b4: int,
                 name=None):
        super().__init__(name or "inception")
        self.sizes = dict(b1=int(b1), b2_reduce=int(b2_reduce), b2=int(b2),
                          b3_reduce=int(b3_reduce), b3=int(b3), b4=int(b4))
        s = self.sizes
        self.branches = [
            [Conv2D(s["b1"], 1, name="b1_1x1"), ReLU(name="b1_relu")],
            [Conv2D(s["b2_reduce"], 1, name="b2_reduce"), ReLU(name="b2_relu1"),
             Conv2D(s["b2"], 3, padding=1, name="b2_3x3"), ReLU(name="b2_relu2")],
            [Conv2D(s["b3_reduce"], 1, name="b3_reduce"), ReLU(name="b3_relu1"),
             Conv2D(s["b3"], 5, padding=2, name="b3_5x5"), ReLU(name="b3_relu2")],
            [MaxPool2D(3, stride=1, padding=1, name="b4_pool"), Conv2D(s["b4"], 1, name="b4_1x1"),
             ReLU(name="b4_relu")],
        ]
        self._splits = None

    @property
    def sublayers(self):
        return [layer for branch in self.branches for layer in branch]

    def config(self):
        return dict(self.sizes)

    def build(self, input_shape, rng, *, init="he", weight_init_std=None, dtype=np.float32):
        for branch in self.branches:
            shape = tuple(input_shape)
            for layer in branch:
                layer.build(shape, rng, init=init, weight_init_std=weight_init_std, dtype=dtype)
                shape = layer.output_shape(shape)
        # The block's params are the sub-layers' own arrays (edits reach them), dotted names.
        self.params = {f"{l.name}.{k}": v for l in self.sublayers for k, v in l.params.items()}

    def output_shape(self, input_shape):
        c, h, w = input_shape
        s = self.sizes
        return (s["b1"] + s["b2"] + s["b3"] + s["b4"], h, w)

    def forward(self, x, training=False):
        outs = []
        for branch in self.branches:
            y = x
            for layer in branch:
                y = layer.forward(y, training)
            outs.append(y)
        self._splits = np.cumsum([o.shape[1] for o in outs])[:-1]
        return np.concatenate(outs, axis=1)

    def backward(self, dout):
        dx = None
        for branch, d in zip(self.branches, np.split(dout, self._splits, axis=1)):
            for layer in reversed(branch):
                d = layer.backward(d)
            dx = d if dx is None else dx + d
        self.grads = {f"{l.name}.{k}": v for l in self.sublayers for k, v in l.grads.items()}
        return dx

    def __repr__(self):
        args = ", ".join(f"{k}={v}" for k, v in self.sizes.items())
        return f"Inception(name={self.name!r}, {args})"

