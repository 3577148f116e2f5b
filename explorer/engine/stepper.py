"""Convolution and pooling one output position at a time, for the Convolution panel.

Pure NumPy. Every number comes from :mod:`explorer.engine.functional`: the output map from
``conv2d`` / ``max_pool2d`` / ``avg_pool2d``, each receptive window from ``im2col`` (its row for
that position), the padding from ``resolve_padding`` and the size arithmetic from
``explain_output_size``. The per-position products and sums are the explanation written out;
the ``result`` of a position is always the engine's own output value, so stepping through every
position reproduces the engine's output exactly.

Shapes: one sample, no batch axis. ``x`` is ``(C, H, W)`` (a 2-D ``(H, W)`` is taken as one
channel), a conv kernel is ``(C, KH, KW)`` (one filter; a 2-D ``(KH, KW)`` kernel is applied
to every input channel). A kernel that does not fit the padded input raises the engine's
ValueError, which says what to change.

The backward pass, stepped the same way (:class:`ConvBackwardStepper`,
:class:`PoolBackwardStepper`, :func:`relu_backward_gate`), lives in
:mod:`explorer.engine.backward` and is re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.engine import functional as F
from explorer.engine.backward import (
    ConvBackwardStepper,
    PoolBackwardStepper,
    relu_backward_gate,
)
from explorer.engine.geometry import check_kernel, check_stride, resolve_padding

__all__ = ["ConvPosition", "ConvStepper", "PoolPosition", "PoolStepper",
           # the backward pass lives in explorer.engine.backward
           "ConvBackwardStepper", "PoolBackwardStepper", "relu_backward_gate"]


def _as_chw(x, what: str) -> np.ndarray:
    x = np.asarray(x)
    if x.ndim == 2:
        x = x[None]
    if x.ndim != 3:
        raise ValueError(f"{what} must have shape (C, H, W) or (H, W), got shape {x.shape}")
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(np.float64)
    return x


@dataclass(frozen=True, repr=False)
class ConvPosition:
    """One output cell of a convolution, explained.

    window : (top, left, height, width) of the receptive field in padded-input coordinates.
    patch, products : ndarray of shape (C, KH, KW) (input values under the window, and
    patch * kernel as the kernel is applied, i.e. rotated when flip=True).
    channel_sums : ndarray of shape (C,). ``total`` is their sum, ``result`` the engine's
    output value (total + bias up to float rounding).
    """

    index: int
    row: int
    col: int
    window: tuple[int, int, int, int]
    patch: np.ndarray
    products: np.ndarray
    channel_sums: np.ndarray
    total: float
    bias: float
    result: float
    im2col_row: int

    def __repr__(self) -> str:
        return f"ConvPosition(#{self.index} at ({self.row}, {self.col}), result={self.result:.6g})"


class ConvStepper:
    """A single-filter convolution of one (C, H, W) input, walkable position by position.

    Attributes: ``x`` (C,H,W); ``kernel`` (C,KH,KW) as given; ``applied_kernel`` (C,KH,KW), the
    kernel as it is multiplied (rotated 180 degrees when ``flip``); ``pads`` ((top, bottom),
    (left, right)); ``padded`` (C, H+top+bottom, W+left+right); ``output`` (OH, OW) from
    ``functional.conv2d``; ``cols`` (OH*OW, C*KH*KW) from ``functional.im2col``; ``kernel_row``
    (C*KH*KW,) the applied kernel flattened in im2col's column order; ``explain_h`` /
    ``explain_w`` the output-size explanations.
    """

    def __init__(self, x, kernel, bias: float = 0.0, stride=1, padding=0, flip: bool = False):
        self.x = _as_chw(x, "the input")
        kernel = np.asarray(kernel, dtype=self.x.dtype)
        if kernel.ndim == 2:
            kernel = np.broadcast_to(kernel, (self.x.shape[0],) + kernel.shape).copy()
        if kernel.ndim != 3:
            raise ValueError(
                f"the kernel must have shape (C, KH, KW) or (KH, KW), got shape {kernel.shape}"
            )
        if kernel.shape[0] != self.x.shape[0]:
            raise ValueError(
                f"the kernel has {kernel.shape[0]} channels but the input has {self.x.shape[0]}: "
                "a filter needs one channel per input channel"
            )
        self.kernel = kernel
        self.bias = float(bias)
        self.stride = check_stride(stride)
        self.padding = padding
        self.flip = bool(flip)
        c, h, w = self.x.shape
        kh, kw = kernel.shape[1:]
        self.pads = resolve_padding(padding, (h, w), (kh, kw), self.stride)
        self.explain_h = F.explain_output_size(h, kh, self.stride[0], self.pads[0])
        self.explain_w = F.explain_output_size(w, kw, self.stride[1], self.pads[1])
        self.padded = np.pad(self.x, ((0, 0), tuple(self.pads[0]), tuple(self.pads[1])))
        x4 = self.x[None]
        b = np.array([self.bias], dtype=self.x.dtype)
        self.output = F.conv2d(x4, kernel[None], b, stride=self.stride, padding=padding,
                               flip=self.flip)[0, 0]
        self.cols = F.im2col(x4, (kh, kw), stride=self.stride, padding=padding)
        self.applied_kernel = kernel[:, ::-1, ::-1].copy() if self.flip else kernel
        self.kernel_row = self.applied_kernel.reshape(-1)

    @property
    def kernel_size(self) -> tuple[int, int]:
        return int(self.kernel.shape[1]), int(self.kernel.shape[2])

    @property
    def output_shape(self) -> tuple[int, int]:
        return int(self.output.shape[0]), int(self.output.shape[1])

    @property
    def n_positions(self) -> int:
        return self.output.size

    def position(self, index: int) -> ConvPosition:
        """The explanation of output cell number ``index`` (row-major over (OH, OW))."""
        n = self.n_positions
        if not 0 <= index < n:
            raise IndexError(f"position {index} is outside 0..{n - 1}")
        oh, ow = divmod(int(index), self.output.shape[1])
        kh, kw = self.kernel_size
        patch = self.cols[index].reshape(self.kernel.shape)
        products = patch * self.applied_kernel
        sums = products.sum(axis=(1, 2))
        return ConvPosition(
            index=int(index),
            row=oh,
            col=ow,
            window=(oh * self.stride[0], ow * self.stride[1], kh, kw),
            patch=patch,
            products=products,
            channel_sums=sums,
            total=float(sums.sum()),
            bias=self.bias,
            result=float(self.output[oh, ow]),
            im2col_row=int(index),
        )

    def positions(self):
        """Every position in order (row by row)."""
        return (self.position(i) for i in range(self.n_positions))

    def assemble(self) -> np.ndarray:
        """The (OH, OW) map rebuilt from the per-position results."""
        out = np.empty(self.output_shape, dtype=self.output.dtype)
        for p in self.positions():
            out[p.row, p.col] = p.result
        return out

    def __repr__(self) -> str:
        return (
            f"ConvStepper(x{self.x.shape}, kernel{self.kernel.shape}, stride={self.stride}, "
            f"padding={self.padding!r}, flip={self.flip}, output{self.output.shape})"
        )


@dataclass(frozen=True, repr=False)
class PoolPosition:
    """One output position of a pooling, for every channel at once.

    window : (top, left, height, width) in padded-input coordinates.
    patch : ndarray of shape (C, KH, KW), the padded input under the window.
    winner : ndarray of shape (C, 2) with the (row, col) inside the window of each channel's
    maximum (max pooling only, else None). results : ndarray of shape (C,), engine values.
    """

    index: int
    row: int
    col: int
    window: tuple[int, int, int, int]
    patch: np.ndarray
    winner: np.ndarray | None
    results: np.ndarray

    def __repr__(self) -> str:
        return (f"PoolPosition(#{self.index} at ({self.row}, {self.col}), "
                f"results={np.round(self.results, 4)})")


class PoolStepper:
    """Max or average pooling of one (C, H, W) input, walkable position by position.

    ``padded`` (C, Hp, Wp) shows the padding the way the engine counts it: zeros for average
    pooling (they count in the mean), -inf for max pooling (padding never wins).
    ``output`` (C, OH, OW) comes from ``functional.max_pool2d`` / ``avg_pool2d``.
    """

    def __init__(self, x, mode: str = "max", size=2, stride=None, padding=0):
        if mode not in ("max", "avg"):
            raise ValueError(f"pooling mode must be 'max' or 'avg', got {mode!r}")
        self.x = _as_chw(x, "the input")
        self.mode = mode
        self.size = check_kernel(size, "pool size")
        self.stride = self.size if stride is None else check_stride(stride)
        self.padding = padding
        c, h, w = self.x.shape
        self.pads = resolve_padding(padding, (h, w), self.size, self.stride)
        self.explain_h = F.explain_output_size(h, self.size[0], self.stride[0], self.pads[0])
        self.explain_w = F.explain_output_size(w, self.size[1], self.stride[1], self.pads[1])
        fill = -np.inf if mode == "max" else 0.0
        self.padded = np.pad(
            self.x, ((0, 0), tuple(self.pads[0]), tuple(self.pads[1])), constant_values=fill
        )
        x4 = self.x[None]
        if mode == "max":
            out, cache = F.max_pool2d_forward(x4, self.size, stride=self.stride, padding=padding)
            self._argmax = cache.argmax[0]  # (C, OH, OW): row-major index inside the window
        else:
            out = F.avg_pool2d(x4, self.size, stride=self.stride, padding=padding)
            self._argmax = None
        self.output = out[0]

    @property
    def output_shape(self) -> tuple[int, int]:
        return int(self.output.shape[1]), int(self.output.shape[2])

    @property
    def n_positions(self) -> int:
        oh, ow = self.output_shape
        return oh * ow

    def position(self, index: int) -> PoolPosition:
        n = self.n_positions
        if not 0 <= index < n:
            raise IndexError(f"position {index} is outside 0..{n - 1}")
        oh, ow = divmod(int(index), self.output_shape[1])
        top, left = oh * self.stride[0], ow * self.stride[1]
        kh, kw = self.size
        patch = self.padded[:, top : top + kh, left : left + kw]
        winner = None
        if self._argmax is not None:
            flat = self._argmax[:, oh, ow]
            winner = np.stack([flat // kw, flat % kw], axis=1)
        return PoolPosition(
            index=int(index),
            row=oh,
            col=ow,
            window=(top, left, kh, kw),
            patch=patch,
            winner=winner,
            results=self.output[:, oh, ow].copy(),
        )

    def positions(self):
        return (self.position(i) for i in range(self.n_positions))

    def assemble(self) -> np.ndarray:
        """The (C, OH, OW) output rebuilt from the per-position results."""
        out = np.empty(self.output.shape, dtype=self.output.dtype)
        for p in self.positions():
            out[:, p.row, p.col] = p.results
        return out

    def __repr__(self) -> str:
        return (
            f"PoolStepper({self.mode}, x{self.x.shape}, size={self.size}, stride={self.stride}, "
            f"padding={self.padding!r}, output{self.output.shape})"
        )


