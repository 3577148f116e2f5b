"""Max and average pooling, forward and backward (PyTorch semantics: stride defaults to the
window, average pooling counts zero padding). Re-exported by `explorer.engine.functional`.
"""

from __future__ import annotations


import numpy as np

from .geometry import pool_geometry
from .nchw import check_4d, is_channel_major, pad2d, zeros_nchw

__all__ = ["PoolCache", "max_pool2d", "max_pool2d_forward", "max_pool2d_backward", "avg_pool2d",
           "avg_pool2d_forward", "avg_pool2d_backward"]


# ----------------------------------------------------------------------------------------------
# Pooling
# ----------------------------------------------------------------------------------------------


class PoolCache:
    """What a pooling backward needs from its forward pass.

    For max pooling, ``argmax`` is an int8 ndarray of shape (N, C, OH, OW) (int32 for windows
    of more than 127 cells): the row-major index ``kh * KW + kw`` of the winning cell inside
    its window, the first one when several cells tie. It is worked out on first use (a
    training step never needs it), and ``argmax_input()`` turns it into input coordinates.
    """

    def __init__(self, kind, x_shape, kernel, stride, pads, out_hw, xp=None, out=None,
                 channel_major=False):
        self.kind = kind
        self.channel_major = channel_major  # dx gets the memory layout x had
        self.x_shape = tuple(x_shape)
        self.kernel = kernel
        self.stride = stride
        self.pads = pads
        self.out_hw = out_hw
        self._xp = xp  # max pooling: the -inf padded input and the output, to find winners
        self._out = out
        self._argmax = None

    def _offsets(self):
        """Kernel offsets (i, j) in row-major order, each with its (N, C, OH, OW) index."""
        (kh, kw), (sh, sw), (oh, ow) = self.kernel, self.stride, self.out_hw
        every = slice(None)
        return [
            (i, j, (every, every, slice(i, i + (oh - 1) * sh + 1, sh),
                    slice(j, j + (ow - 1) * sw + 1, sw)))
            for i in range(kh)
            for j in range(kw)
        ]

    def winners(self):
        """Yield ``(i, j, index, hit)`` per kernel offset; ``hit`` (N, C, OH, OW) is True where
        that cell is its window's first maximum. ``hit`` is reused: use it before the next."""
        if self.kind != "max":
            raise ValueError("average pooling has no winning cells")
        out = self._out
        taken = np.zeros(out.shape, dtype=bool)
        hit = np.empty(out.shape, dtype=bool)
        offsets = self._offsets()
        for k, (i, j, index) in enumerate(offsets):
            if k == len(offsets) - 1:
                np.logical_not(taken, out=hit)  # whatever is left (also windows whose max is NaN)
            else:
                np.equal(self._xp[index], out, out=hit)
                np.greater(hit, taken, out=hit)  # hit and not taken: the first maximum wins
                taken |= hit
            yield i, j, index, hit

    @property
    def argmax(self) -> np.ndarray | None:
        """(N, C, OH, OW) index of each window's winning cell (None for average pooling)."""
        if self.kind != "max":
            return None
        if self._argmax is None:
            kw = self.kernel[1]
            small = self.kernel[0] * kw < 128
            argmax = np.zeros(self._out.shape, dtype=np.int8 if small else np.int32)
            for i, j, _, hit in self.winners():
                np.copyto(argmax, i * kw + j, where=hit, casting="unsafe")
            self._argmax = argmax
        return self._argmax

    def argmax_input(self) -> tuple[np.ndarray, np.ndarray]:
        """Input (rows, columns) of every max-pool winner, each of shape (N, C, OH, OW)."""
        if self.kind != "max":
            raise ValueError("average pooling has no argmax")
        kw = self.kernel[1]
        oh, ow = self.out_hw
        rows = np.arange(oh)[:, None] * self.stride[0] - self.pads[0][0] + self.argmax // kw
        cols = np.arange(ow)[None, :] * self.stride[1] - self.pads[1][0] + self.argmax % kw
        return rows, cols

    def __repr__(self) -> str:
        return (
            f"PoolCache({self.kind!r}, x_shape={self.x_shape}, kernel={self.kernel}, "
            f"stride={self.stride}, pads={self.pads}, out_hw={self.out_hw})"
        )


def _pool_setup(x, kernel_size, stride, padding):
    """Check pooling arguments -> ``(x, kernel_hw, stride_hw, pads, out_hw)``."""
    x = check_4d(x)
    return (x, *pool_geometry(x.shape[2:], kernel_size, stride, padding))


def max_pool2d_forward(x, kernel_size, stride=None, padding=0):
    """Max pooling forward (PyTorch semantics: stride defaults to kernel_size, padding is -inf).

    x : ndarray of shape (N, C, H, W). Returns ``(out, cache)``: out (N, C, OH, OW) and a
    :class:`PoolCache` whose ``argmax`` marks the winning cell of each window (the first one
    in row-major order when several cells tie). The cache refers to ``x`` (as the textbook's
    Pooling layer does): do not modify ``x`` in place before the backward pass.
    """
    x, kernel_hw, stride_hw, pads, out_hw = _pool_setup(x, kernel_size, stride, padding)
    xp = pad2d(x, pads, -np.inf)
    cache = PoolCache("max", x.shape, kernel_hw, stride_hw, pads, out_hw, xp,
                      channel_major=is_channel_major(x))
    offsets = cache._offsets()
    out = xp[offsets[0][2]].copy(order="K")  # keeps a channel-major layout for the next conv
    for _, _, index in offsets[1:]:
        np.maximum(out, xp[index], out=out)  # the maxima only; winners are found when needed
    cache._out = out.copy(order="K")  # private: the caller may add a bias or ReLU to out in place
    return out, cache


def max_pool2d_backward(dout, cache: PoolCache) -> np.ndarray:
    """Max pooling backward: each output gradient goes to the winning cell of its window.

    dout : ndarray of shape (N, C, OH, OW). Returns dx : (N, C, H, W) in the memory layout of
    the forward input (channel-major after a convolution; a view when there was padding).
    """
    dout, dxp = _pool_grad_setup(dout, cache)
    overlap = cache.stride[0] < cache.kernel[0] or cache.stride[1] < cache.kernel[1]
    part = np.empty_like(dout) if overlap else None
    for _, _, index, hit in cache.winners():
        if overlap:
            np.multiply(dout, hit, out=part)
            dxp[index] += part
        else:  # windows do not overlap: write straight into the gradient, no temporary
            np.multiply(dout, hit, out=dxp[index])
    return _unpad(dxp, cache)


def avg_pool2d_forward(x, kernel_size, stride=None, padding=0):
    """Average pooling forward (PyTorch semantics: stride defaults to kernel_size, zero padding
    counts in the average: every window divides by KH*KW, also with ``padding="same"``, where
    TensorFlow would divide by the number of real cells instead).

    x : ndarray of shape (N, C, H, W). Returns ``(out, cache)`` with out (N, C, OH, OW).
    """
    x, kernel_hw, stride_hw, pads, out_hw = _pool_setup(x, kernel_size, stride, padding)
    xp = pad2d(x, pads, 0.0)
    cache = PoolCache("avg", x.shape, kernel_hw, stride_hw, pads, out_hw,
                      channel_major=is_channel_major(x))
    offsets = cache._offsets()
    out = xp[offsets[0][2]].copy(order="K")  # keeps a channel-major layout for the next conv
    for _, _, index in offsets[1:]:
        out += xp[index]
    out *= x.dtype.type(1.0 / (kernel_hw[0] * kernel_hw[1]))  # a NumPy scalar keeps float32
    return out, cache


def avg_pool2d_backward(dout, cache: PoolCache) -> np.ndarray:
    """Average pooling backward: each output gradient is shared equally by its KH*KW cells.

    dout : ndarray of shape (N, C, OH, OW). Returns dx : (N, C, H, W), laid out as for max
    pooling.
    """
    dout, dxp = _pool_grad_setup(dout, cache)
    share = dout * dout.dtype.type(1.0 / (cache.kernel[0] * cache.kernel[1]))
    overlap = cache.stride[0] < cache.kernel[0] or cache.stride[1] < cache.kernel[1]
    for _, _, index in cache._offsets():
        if overlap:
            dxp[index] += share
        else:  # windows do not overlap: each cell receives exactly one share
            dxp[index] = share
    return _unpad(dxp, cache)


def _pool_grad_setup(dout, cache: PoolCache):
    """Check dout against the cache; return it (float) and a zero padded-input gradient."""
    n, c, h, w = cache.x_shape
    oh, ow = cache.out_hw
    dout = np.asarray(dout)
    if dout.shape != (n, c, oh, ow):
        raise ValueError(
            f"dout must have shape {(n, c, oh, ow)} (the forward output), got {dout.shape}"
        )
    if not np.issubdtype(dout.dtype, np.floating):
        dout = dout.astype(np.float64)
    (top, bottom), (left, right) = cache.pads
    padded_shape = (n, c, h + top + bottom, w + left + right)
    # A channel-major dx lets the conv below take its dout without a transposing copy.
    return dout, zeros_nchw(padded_shape, dout.dtype, cache.channel_major)


def _unpad(dxp, cache: PoolCache) -> np.ndarray:
    (top, _), (left, _) = cache.pads
    h, w = cache.x_shape[2:]
    if dxp.shape[2:] == (h, w):
        return dxp
    return dxp[:, :, top : top + h, left : left + w]


def max_pool2d(x, kernel_size, stride=None, padding=0) -> np.ndarray:
    """Max pooling of x (N, C, H, W) -> (N, C, OH, OW); see :func:`max_pool2d_forward`."""
    return max_pool2d_forward(x, kernel_size, stride, padding)[0]


def avg_pool2d(x, kernel_size, stride=None, padding=0) -> np.ndarray:
    """Average pooling of x (N, C, H, W) -> (N, C, OH, OW); see :func:`avg_pool2d_forward`."""
    return avg_pool2d_forward(x, kernel_size, stride, padding)[0]
