"""MaxPool2D and AvgPool2D (PyTorch semantics: stride defaults to the kernel size)."""

from __future__ import annotations

import numpy as np

from .. import functional as F
from ..geometry import check_kernel, check_stride, pool_geometry
from .base import Layer, _padding_spec, _plain

__all__ = ["MaxPool2D", "AvgPool2D"]


class _Pool2D(Layer):
    """Shared geometry of the two poolings (PyTorch semantics: stride defaults to kernel)."""

    pad_value = 0.0

    def __init__(self, kernel_size=2, stride=None, padding=0, name=None):
        super().__init__(name or self.type_name.lower())
        self.kernel_size = check_kernel(kernel_size)
        self.stride = self.kernel_size if stride is None else check_stride(stride)
        self.padding = padding
        self._cache = None

    def config(self):
        return {
            "kernel_size": _plain(self.kernel_size),
            "stride": _plain(self.stride),
            "padding": _padding_spec(self.padding),
        }

    def _geometry(self, h, w):
        return pool_geometry((h, w), self.kernel_size, self.stride, self.padding)[1:]

    def output_shape(self, input_shape):
        c, h, w = input_shape
        _, _, (oh, ow) = self._geometry(h, w)
        return (c, oh, ow)

    def _windows(self, x):
        """Padded input and the KH*KW strided views (one per kernel offset), each (N, C, OH, OW)."""
        n, c, h, w = x.shape
        stride, pads, (oh, ow) = self._geometry(h, w)
        (top, bottom), (left, right) = pads
        xp = x if top + bottom + left + right == 0 else F.pad2d(x, pads, self.pad_value)
        (sh, sw), (kh, kw) = stride, self.kernel_size
        views = [
            (i, j, xp[:, :, i : i + (oh - 1) * sh + 1 : sh, j : j + (ow - 1) * sw + 1 : sw])
            for i in range(kh)
            for j in range(kw)
        ]
        return xp, pads, views

    def _scatter(self, parts, xp_shape, pads, x_shape, dtype):
        """Sum ``(i, j, grad)`` window parts back into an input-shaped gradient."""
        (top, _), (left, _) = pads
        n, c, h, w = x_shape
        stride = self.stride
        dxp = np.zeros(xp_shape, dtype=dtype)
        oh, ow = parts[0][2].shape[2:]
        for i, j, g in parts:
            dxp[:, :, i : i + (oh - 1) * stride[0] + 1 : stride[0],
                j : j + (ow - 1) * stride[1] + 1 : stride[1]] += g
        return dxp[:, :, top : top + h, left : left + w]


class MaxPool2D(_Pool2D):
    """Max pooling: x (N, C, H, W) -> (N, C, OH, OW); padding counts as -inf.

    The gradient goes to the first maximal cell of each window in row-major order (as
    :func:`explorer.engine.functional.max_pool2d_forward`'s argmax).
    """

    type_name = "MaxPool2D"
    pad_value = -np.inf

    def forward(self, x, training=False):
        x = np.asarray(x)
        xp, pads, views = self._windows(x)
        out = views[0][2].copy(order="K")  # "K": keep the input's memory layout (CHWN)
        for _, _, v in views[1:]:
            np.maximum(out, v, out=out)  # forward needs only maxima; backward finds winners
        self._cache = (x.shape, xp, pads, views, out)
        return out

    def backward(self, dout):
        if self._cache is None:
            raise RuntimeError(f"{self.name}.backward called before forward")
        x_shape, xp, pads, views, out = self._cache
        dtype = np.result_type(dout.dtype, xp.dtype)
        taken = np.zeros_like(out, dtype=bool)
        hit = np.empty_like(out, dtype=bool)
        part = np.empty_like(out, dtype=dtype)
        dxp = np.zeros(xp.shape, dtype=dtype)
        (sh, sw), (oh, ow) = self.stride, out.shape[2:]
        overlap = sh < self.kernel_size[0] or sw < self.kernel_size[1]
        for k, (i, j, v) in enumerate(views):
            if k == len(views) - 1:
                np.logical_not(taken, out=hit)  # the last cell wins whatever is left
            else:
                np.equal(v, out, out=hit)
                np.greater(hit, taken, out=hit)  # hit and not taken: the first max wins
                np.logical_or(taken, hit, out=taken)
            target = dxp[:, :, i : i + (oh - 1) * sh + 1 : sh, j : j + (ow - 1) * sw + 1 : sw]
            if overlap:
                np.multiply(dout, hit, out=part)
                target += part
            else:  # windows do not overlap: each input cell gets one value, written directly
                np.multiply(dout, hit, out=target)
        (top, _), (left, _) = pads
        return dxp[:, :, top : top + x_shape[2], left : left + x_shape[3]]


class AvgPool2D(_Pool2D):
    """Average pooling: x (N, C, H, W) -> (N, C, OH, OW); zero padding counts in the mean."""

    type_name = "AvgPool2D"

    def forward(self, x, training=False):
        x = np.asarray(x)
        xp, pads, views = self._windows(x)
        out = views[0][2].copy()
        for _, _, v in views[1:]:
            out += v
        out *= out.dtype.type(1.0 / (self.kernel_size[0] * self.kernel_size[1]))
        self._cache = (x.shape, xp.shape, pads, [(i, j) for i, j, _ in views])
        return out

    def backward(self, dout):
        if self._cache is None:
            raise RuntimeError(f"{self.name}.backward called before forward")
        x_shape, xp_shape, pads, offsets = self._cache
        share = dout * dout.dtype.type(1.0 / (self.kernel_size[0] * self.kernel_size[1]))
        parts = [(i, j, share) for i, j in offsets]
        return self._scatter(parts, xp_shape, pads, x_shape, share.dtype)

