"""The fast path of :class:`~explorer.engine.models.Model`: Conv2D -> ReLU -> 2x2 MaxPool fused.

``Model.forward`` and ``Model.loss_and_gradients`` run the layers through a :class:`FusedPlan`:
every ``Conv2D, ReLU, MaxPool2D(2, stride 2, no padding)`` triple becomes one
:class:`ConvReluPool` stage, other layers run as they are. The results equal the layer-by-layer
ones (tests/engine/test_fused.py); ``Model.trace`` stays layer by layer, as every layer's
output must be shown there.

Why a stage is faster than its three layers:
- max pooling commutes with adding a per-channel bias and with ReLU (both are monotone), so
  the stage pools the raw convolution first and adds the bias and applies ReLU to a quarter of
  the values;
- it keeps activations "batch-innermost", (C, H, W, N) in memory: every strided copy of
  im2col/col2im then moves runs of N contiguous values (NCHW would move runs of a few
  pixels, ~5x slower for LeNet's 10x10 maps), and the stage's output is already the
  (C*H*W, N) matrix the next Dense layer multiplies (as a transposed view, no copy);
- every scratch array is allocated once per batch size and written with ``out=``.

Only when two pre-pool values of a window are equal after adding the bias but not before
(float rounding) may the gradient pick another, equally valid, winner.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from . import functional as F
from .layers import Conv2D, Dense, MaxPool2D, ReLU

__all__ = ["ConvReluPool", "FusedPlan", "fuse"]


class _StageBuffers:
    """Scratch arrays of one stage for one input shape (N, C, H, W) and dtype.

    The convolution's output columns are ordered "pool-major": (a, b, ph, pw, n) for output
    cell (oh, ow) = (2*ph + a, 2*pw + b). Each of the four cells of every 2x2 pooling window
    is then one contiguous block, so the pooling (and its backward) runs on contiguous arrays
    (numpy is ~10x slower on stride-2 views), and rows/columns a floor-pooling drops are
    never computed at all.
    """

    def __init__(self, conv: Conv2D, x_shape, dtype):
        n, c, h, w = x_shape
        kh, kw = conv.kernel_size
        (sh, sw), pads, (oh, ow) = F._geometry(x_shape, conv.kernel_size, conv.stride, conv.padding)
        (top, bottom), (left, right) = pads
        f = conv.filters
        ph, pw = oh // 2, ow // 2
        if ph < 1 or pw < 1:
            raise ValueError(f"{conv.name}: a {oh}x{ow} output is too small for 2x2 pooling")
        self.ph, self.pw = ph, pw
        self.interior = (slice(None), slice(top, top + h), slice(left, left + w), slice(None))
        self.xp = np.zeros((c, h + top + bottom, w + left + right, n), dtype=dtype)  # CHWN
        s = self.xp.strides
        shape = (c, kh, kw, 2, 2, ph, pw, n)
        strides = (s[0], s[1], s[2], s[1] * sh, s[2] * sw, 2 * sh * s[1], 2 * sw * s[2], s[3])
        # im2col as one copy: a read-only window view of the padded input, pool-major columns.
        self.windows = as_strided(self.xp, shape=shape, strides=strides, writeable=False)
        self.cols = np.empty((c * kh * kw, 4 * n * ph * pw), dtype=dtype)
        self.cols8 = self.cols.reshape(shape)
        self.z = np.empty((f, 4, ph * pw * n), dtype=dtype)  # conv output before its bias
        quarter = (f, ph * pw * n)
        self.m01, self.m23 = np.empty(quarter, dtype), np.empty(quarter, dtype)
        self.s01, self.s23, self.s, self.pos = (np.empty(quarter, bool) for _ in range(4))
        self.dm = np.empty(quarter, dtype)
        self.top = np.empty(quarter, dtype)
        self.bottom = np.empty(quarter, dtype)
        self.zeros = np.zeros(quarter, dtype)  # np.maximum against an array: faster than 0
        self.ones = np.ones(quarter[1], dtype)
        self.dz = np.empty_like(self.z)
        # Few-channel layers (CKK small, e.g. the first conv) run im2col and both GEMMs in
        # chunks of about one pooled row: each chunk is multiplied while still in the L2
        # cache, and OpenBLAS is much faster on many short products than on one with a
        # very long inner dimension (measured 1.5-2x for LeNet's and SimpleConvNet's conv1).
        self.chunks = []
        ckk = c * kh * kw
        if ckk <= 64 and 4 * ph * pw * n >= 16384:
            per_row = (ckk + f) * pw * n * self.cols.itemsize
            rows = max(1, (256 * 1024) // per_row)
            cols3 = self.cols.reshape(ckk, 4, ph * pw * n)
            for a in (0, 1):
                for b_ in (0, 1):
                    for r0 in range(0, ph, rows):
                        r1 = min(r0 + rows, ph)
                        q, cells = 2 * a + b_, slice(r0 * pw * n, r1 * pw * n)
                        self.chunks.append((
                            self.cols8[:, :, :, a, b_, r0:r1], self.windows[:, :, :, a, b_, r0:r1],
                            cols3[:, q, cells], self.z[:, q, cells], self.dz[:, q, cells],
                        ))
        self.out_shape = (f, ph, pw, n)
        self._dxp = None
        self._dwindows = None

    def dx_buffers(self):
        """(dxp, writeable window view of it): col2im's target, made on first use."""
        if self._dxp is None:
            self._dxp = np.empty_like(self.xp)
            self._dwindows = as_strided(self._dxp, shape=self.windows.shape,
                                        strides=self.windows.strides)
        return self._dxp, self._dwindows


class ConvReluPool:
    """Conv2D -> ReLU -> MaxPool2D(2) as one stage; parameters stay on ``conv``.

    forward: x (N, C, H, W) -> (N, F, OH//2, OW//2), a view of a fresh (F, PH, PW, N) array.
    """

    def __init__(self, conv: Conv2D, relu: ReLU, pool: MaxPool2D):
        self.conv, self.relu, self.pool = conv, relu, pool
        self.layers = (conv, relu, pool)
        self._buffers: dict = {}
        self._last = None

    def __repr__(self):
        return f"ConvReluPool({self.conv.name}, {self.relu.name}, {self.pool.name})"

    def _get(self, x_shape, dtype) -> _StageBuffers:
        key = (x_shape, dtype)
        buf = self._buffers.get(key)
        if buf is None:
            if len(self._buffers) >= 4:  # a few batch sizes: train, last batch, one image, eval
                self._buffers.pop(next(iter(self._buffers)))
            buf = self._buffers[key] = _StageBuffers(self.conv, x_shape, dtype)
        return buf

    def forward(self, x, training=False, for_backward=None):
        """``for_backward`` (default: ``training``) records each window's winner."""
        if for_backward is None:
            for_backward = training
        conv = self.conv
        w = conv.params["weight"]
        if x.ndim != 4 or x.shape[1] != conv.in_channels:
            raise ValueError(f"{conv.name} expects input (N, {conv.in_channels}, H, W), "
                             f"got shape {x.shape}")
        b = self._get(x.shape, w.dtype)
        b.xp[b.interior] = x.transpose(1, 2, 3, 0)  # into the padded batch-innermost buffer
        wm = conv._weight_matrix()
        if b.chunks:
            for cols_dst, win_src, cols_mat, z_out, _ in b.chunks:
                np.copyto(cols_dst, win_src)
                np.matmul(wm, cols_mat, out=z_out)
        else:
            np.copyto(b.cols8, b.windows)  # im2col: one strided copy with contiguous writes
            np.matmul(wm, b.cols, out=b.z.reshape(conv.filters, -1))  # (F, CKK) @ (CKK, M)
        q0, q1, q2, q3 = b.z[:, 0], b.z[:, 1], b.z[:, 2], b.z[:, 3]  # contiguous window cells
        out = np.empty(b.m01.shape, dtype=w.dtype)
        if for_backward:  # remember the winner: s01 (1 beat 0), s23 (3 beat 2), s (row 1 won)
            np.greater(q1, q0, out=b.s01)
            np.greater(q3, q2, out=b.s23)
        np.maximum(q0, q1, out=b.m01)
        np.maximum(q2, q3, out=b.m23)
        if for_backward:
            np.greater(b.m23, b.m01, out=b.s)  # strict: on a tie the first (top) row wins
        np.maximum(b.m01, b.m23, out=out)
        out += conv.params["bias"][:, None]  # bias after pooling: 4x fewer adds
        np.maximum(out, b.zeros, out=out)  # ReLU after pooling too (both are monotone)
        self._last = (b, x.shape, out, for_backward)
        return out.reshape(b.out_shape).transpose(3, 0, 1, 2)

    def backward(self, dout, need_input_grad=True):
        """dout (N, F, PH, PW) -> dx (N, C, H, W) (a scratch view) or None; fills conv.grads."""
        b, x_shape, out, recorded = self._last
        if not recorded:
            raise RuntimeError("ConvReluPool.backward needs a forward with for_backward=True")
        conv = self.conv
        f = conv.filters
        dm = b.dm
        np.greater(out, b.zeros, out=b.pos)
        shape4 = b.out_shape
        np.multiply(dout.transpose(1, 2, 3, 0), b.pos.reshape(shape4), out=dm.reshape(shape4))
        conv.grads["bias"] = dm @ b.ones  # a BLAS product: ~3x faster than dm.sum(axis=1)
        # Route each window's gradient to its winner (the first maximal cell, row-major);
        # x*mask and x - x*mask are exact, so each cell gets dm or 0.
        bottom, top, dz = b.bottom, b.top, b.dz
        np.multiply(dm, b.s, out=bottom)
        np.subtract(dm, bottom, out=top)
        np.multiply(top, b.s01, out=dz[:, 1])
        np.subtract(top, dz[:, 1], out=dz[:, 0])
        np.multiply(bottom, b.s23, out=dz[:, 3])
        np.subtract(bottom, dz[:, 3], out=dz[:, 2])
        kh, kw = conv.kernel_size
        c = conv.in_channels
        dz2 = dz.reshape(f, -1)
        # dW = dz @ cols.T, computed as (cols @ dz.T).T: OpenBLAS is 1.5-2x faster this way
        # round for these skinny shapes (F, CKK small; 4*PH*PW*N long).
        if b.chunks:
            acc = np.zeros((c * kh * kw, f), dtype=dz.dtype)
            for _, _, cols_mat, _, dz_part in b.chunks:
                acc += cols_mat @ dz_part.T
            dw = acc.T.reshape(f, c, kh, kw)
        else:
            dw = (b.cols @ dz2.T).T.reshape(f, c, kh, kw)
        conv.grads["weight"] = np.ascontiguousarray(dw[:, :, ::-1, ::-1]) if conv.flip else dw
        if not need_input_grad:
            return None
        dcols = (conv._weight_matrix().T @ dz2).reshape(b.windows.shape)
        dxp, dwin = b.dx_buffers()
        dxp.fill(0)
        for i in range(kh):  # col2im: one strided add per kernel offset (no overlaps within)
            for j in range(kw):
                dwin[:, i, j] += dcols[:, i, j]
        return dxp[b.interior].transpose(3, 0, 1, 2)


def _fusable(layers, i) -> bool:
    if i + 2 >= len(layers):
        return False
    conv, relu, pool = layers[i : i + 3]
    return (
        type(conv) is Conv2D
        and type(relu) is ReLU
        and type(pool) is MaxPool2D
        and pool.kernel_size == (2, 2)
        and pool.stride == (2, 2)
        and F.resolve_padding(pool.padding, (2, 2), (2, 2), (2, 2)) == ((0, 0), (0, 0))
    )


class FusedPlan:
    """The model's layers as steps: ConvReluPool stages where possible, else the layer itself."""

    def __init__(self, layers):
        self.steps = []
        i = 0
        while i < len(layers):
            if _fusable(layers, i):
                self.steps.append(ConvReluPool(*layers[i : i + 3]))
                i += 3
            else:
                self.steps.append(layers[i])
                i += 1

    def __repr__(self):
        return f"FusedPlan({self.steps!r})"

    def forward(self, x, training=False, for_backward=False):
        for step in self.steps:
            if isinstance(step, ConvReluPool):
                x = step.forward(x, training, for_backward or training)
            else:
                x = step.forward(x, training)
        return x

    def backward(self, dout):
        """Backward through every step; the first step skips its input gradient when it can."""
        for k in range(len(self.steps) - 1, -1, -1):
            step = self.steps[k]
            if k == 0 and isinstance(step, (ConvReluPool, Conv2D, Dense)):
                dout = step.backward(dout, need_input_grad=False)
            else:
                dout = step.backward(dout)
        return dout


def fuse(layers) -> FusedPlan | None:
    """A :class:`FusedPlan` when at least one stage can be fused, else None."""
    plan = FusedPlan(layers)
    return plan if any(isinstance(s, ConvReluPool) for s in plan.steps) else None
