"""The fast path of :class:`~explorer.engine.models.Model`: Conv2D -> ReLU -> 2x2 MaxPool fused.

``Model.forward`` and ``Model.loss_and_gradients`` run the layers through a :class:`FusedPlan`:
every ``Conv2D, ReLU, MaxPool2D(2, stride 2, no padding)`` triple becomes one
:class:`ConvReluPool` stage, other layers run as they are. The forward pass agrees with the
layer-by-layer one to float rounding (a few units in the last place: its matrix products have
other shapes, and BLAS promises no particular summation order), and so do the gradients, which
also sum in another order (~1e-7 of the largest gradient in float32; tests/engine/test_fused.py).
``Model.trace`` stays layer by layer, as every layer's output must be shown there.

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
from . import fused_band
from .fused_band import BandBuffers
from .geometry import window_geometry
from .layers import Conv2D, Dense, MaxPool2D, ReLU

__all__ = ["ConvReluPool", "FusedPlan", "fuse"]

#: Chunk im2col+GEMM for convolutions with C*KH*KW <= CHUNK_MAX_CKK and at least this many
#: output columns (output cells x batch); small batches run as one product.
CHUNK_MIN_COLUMNS = 16384
CHUNK_MAX_CKK = 64
#: Bytes of one chunk's patches and products (L2 is 1-4 MB per core on current CPUs).
CHUNK_BYTES = 256 * 1024


class _StageBuffers:
    """Scratch arrays of one stage for one input shape (N, C, H, W) and dtype.

    Memory is batch-innermost: the padded input is (C, Hp, Wp, N) and the conv output z is
    (F, M) with M = output cells x N. Two orders of the output cells:

    - "pool-major" (a, b, ph, pw, n) for cell (oh, ow) = (2*ph + a, 2*pw + b): each of the
      four cells of every 2x2 window is one contiguous block, so the pooling and its
      backward run on contiguous arrays (1.5-3x faster for many filters), and rows a floor
      pooling drops are never computed; used by a model's first stage (which needs no dx)
      for batches of 8 images or more;
    - "plain" (oh, ow, n): im2col and col2im copy runs of OW*N values, 1.3-3x faster than
      pool-major's runs of N; used where the input gradient is needed, and for small batches.

    ``quads`` are the four cells of every window as views of z: (F, PH*PW*N) blocks in
    pool-major order, (F, PH, PW, N) stride-2 views in plain order; the pooled buffers
    (``m01``, ``s``, ``dm``, ...) have the same shapes.
    """

    banded = False

    def __init__(self, conv: Conv2D, x_shape, dtype, pool_major: bool):
        n, c, h, w = x_shape
        kh, kw = conv.kernel_size
        (sh, sw), pads, (oh, ow) = window_geometry(x_shape, conv.kernel_size, conv.stride,
                                                   conv.padding)
        (top, bottom), (left, right) = pads
        f = conv.filters
        ph, pw = oh // 2, ow // 2
        if ph < 1 or pw < 1:
            raise ValueError(f"{conv.name}: a {oh}x{ow} output is too small for 2x2 pooling")
        ckk = c * kh * kw
        self.interior = (slice(None), slice(top, top + h), slice(left, left + w), slice(None))
        self.xp = np.zeros((c, h + top + bottom, w + left + right, n), dtype=dtype)  # CHWN
        s = self.xp.strides
        if pool_major:
            shape = (c, kh, kw, 2, 2, ph, pw, n)
            strides = (s[0], s[1], s[2], s[1] * sh, s[2] * sw, 2 * sh * s[1], 2 * sw * s[2], s[3])
            row_cols = pw * n  # columns per pooled row of one quadrant
            self.z = np.empty((f, 4 * ph * pw * n), dtype=dtype)
            # 2-D (F, PH*PW*N) blocks: ufuncs run one long loop per filter.
            self.quads = [self.z.reshape(f, 4, -1)[:, k] for k in range(4)]
            self.dz = np.empty_like(self.z)
            self.dquads = [self.dz.reshape(f, 4, -1)[:, k] for k in range(4)]
            quarter = (f, ph * pw * n)
        else:
            shape = (c, kh, kw, oh, ow, n)
            strides = (s[0], s[1], s[2], s[1] * sh, s[2] * sw, s[3])
            row_cols = ow * n
            self.z = np.empty((f, oh * ow * n), dtype=dtype)
            z4 = self.z.reshape(f, oh, ow, n)
            self.quads = [z4[:, a : 2 * ph : 2, b : 2 * pw : 2] for a in (0, 1) for b in (0, 1)]
            self.dz = np.zeros_like(self.z)  # cells no window covers (odd sizes) stay zero
            dz4 = self.dz.reshape(f, oh, ow, n)
            self.dquads = [dz4[:, a : 2 * ph : 2, b : 2 * pw : 2] for a in (0, 1) for b in (0, 1)]
            quarter = (f, ph, pw, n)
        # im2col as one copy: a read-only (C, KH, KW, <cells>, N) window view of the input.
        self.windows = as_strided(self.xp, shape=shape, strides=strides, writeable=False)
        self.cols = np.empty((ckk, self.z.shape[1]), dtype=dtype)
        self.cols_nd = self.cols.reshape(shape)
        self.bias_shape = (f,) + (1,) * (len(quarter) - 1)
        self.m01, self.m23 = np.empty(quarter, dtype), np.empty(quarter, dtype)
        self.s01, self.s23, self.s, self.pos = (np.empty(quarter, bool) for _ in range(4))
        self.dm = np.empty(quarter, dtype)
        self.top = np.empty(quarter, dtype)
        self.bottom = np.empty(quarter, dtype)
        self.zeros = np.zeros(quarter, dtype)  # np.maximum against an array: faster than 0
        self.ones = np.ones(ph * pw * n, dtype)
        # Few-channel layers (CKK small, e.g. the first conv) run im2col and both GEMMs in
        # chunks of a few output rows: each chunk is multiplied while still in the L2
        # cache, and OpenBLAS is much faster on many short products than on one with a
        # very long inner dimension (measured 1.5-2x for LeNet's and SimpleConvNet's conv1).
        self.chunks = []
        if ckk <= CHUNK_MAX_CKK and self.z.shape[1] >= CHUNK_MIN_COLUMNS:
            step = max(1, CHUNK_BYTES // ((ckk + f) * row_cols * self.cols.itemsize))
            # (window view, cols view) per block of `step` rows, in the order of z's columns;
            # slicing (never reshaping: that could copy a strided view) keeps them views.
            if pool_major:
                blocks = [(self.windows[:, :, :, a, b, r0 : r0 + step],
                           self.cols_nd[:, :, :, a, b, r0 : r0 + step])
                          for a in (0, 1) for b in (0, 1) for r0 in range(0, ph, step)]
            else:
                blocks = [(self.windows[:, :, :, r0 : r0 + step],
                           self.cols_nd[:, :, :, r0 : r0 + step])
                          for r0 in range(0, oh, step)]
            start = 0
            for win_src, cols_dst in blocks:
                cells = slice(start, start + win_src[0, 0, 0].size)
                start = cells.stop
                self.chunks.append((cols_dst, win_src, self.cols[:, cells], self.z[:, cells],
                                    self.dz[:, cells]))
            assert start == self.z.shape[1]
        self.out_shape = (f, ph, pw, n)
        self.stride = (sh, sw)
        self.dz4 = None if pool_major else self.dz.reshape(f, oh, ow, n)
        self._dxp = None
        self._dwindows = None
        self._dzw = None

    def dx_buffers(self):
        """(dxp, writeable window view of it): col2im's target, made on first use."""
        if self._dxp is None:
            self._dxp = np.empty_like(self.xp)
            self._dwindows = as_strided(self._dxp, shape=self.windows.shape,
                                        strides=self.windows.strides)
        return self._dxp, self._dwindows

    def dz_width_buffers(self, f, kw, c, kh):
        """(dzw, g) for :meth:`ConvReluPool._dx_by_rows`, made on first use: dzw (F, KW, OH,
        Wp, N) holds dz shifted by j columns (its zero borders are never written), g the
        (C*KH, OH*Wp*N) product."""
        if self._dzw is None:
            _, oh, ow, n = self.dz4.shape
            wp = self.xp.shape[2]
            self._dzw = np.zeros((f, kw, oh, wp, n), dtype=self.dz.dtype)
            self._g = np.empty((c * kh, oh * wp * n), dtype=self.dz.dtype)
        return self._dzw, self._g


class ConvReluPool:
    """Conv2D -> ReLU -> MaxPool2D(2) as one stage; parameters stay on ``conv``.

    forward: x (N, C, H, W) -> (N, F, OH//2, OW//2), a view of a fresh (F, PH, PW, N) array.
    ``pool_major`` picks the column order (see :class:`_StageBuffers`); a model's first stage
    uses it, as it never computes an input gradient. ``banded`` computes a stride-1
    convolution of few filters as a banded product instead
    (:class:`~explorer.engine.fused_band.BandBuffers`), for batches of ``MIN_BATCH`` images or
    more in the first stage and ``MIN_BATCH_DX`` in later ones (see fused_band).
    """

    def __init__(self, conv: Conv2D, relu: ReLU, pool: MaxPool2D, pool_major: bool = False,
                 banded: bool = False):
        self.conv, self.relu, self.pool = conv, relu, pool
        self.layers = (conv, relu, pool)
        self.pool_major = pool_major
        self.banded = banded
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
            buf = self._buffers[key] = self._new_buffers(x_shape, dtype)
        return buf

    def _new_buffers(self, x_shape, dtype):
        conv = self.conv
        min_batch = fused_band.MIN_BATCH if self.pool_major else fused_band.MIN_BATCH_DX
        if self.banded and x_shape[0] >= min_batch and conv.filters <= fused_band.MAX_FILTERS:
            stride, pads, out_hw = window_geometry(x_shape, conv.kernel_size, conv.stride,
                                                   conv.padding)
            if stride == (1, 1) and out_hw[1] >= 2:
                return BandBuffers(conv, x_shape, dtype, pads, out_hw)
        # Pool-major pays off for batches; one image copies faster in the plain order.
        pool_major = self.pool_major and x_shape[0] >= 8
        return _StageBuffers(conv, x_shape, dtype, pool_major)

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
        wm = conv._weight_matrix()
        if b.banded:
            b.multiply(x, wm.reshape(w.shape))
        else:
            b.xp[b.interior] = x.transpose(1, 2, 3, 0)  # into the padded batch-innermost buffer
            if b.chunks:
                for cols_dst, win_src, cols_mat, z_out, _ in b.chunks:
                    np.copyto(cols_dst, win_src)
                    np.matmul(wm, cols_mat, out=z_out)
            else:
                np.copyto(b.cols_nd, b.windows)  # im2col: one strided copy, contiguous writes
                np.matmul(wm, b.cols, out=b.z)  # (F, CKK) @ (CKK, M): BLAS
        q0, q1, q2, q3 = b.quads  # the four cells of every window, (F, PH, PW, N) each
        if b.banded:  # out (F, PH, PW, N); the quarters are (nblk, F, B/2, PH*N) blocks
            out = np.empty(b.out_shape, dtype=w.dtype)
            m01, m23, out_q = b.quarter5(b.m01), b.quarter5(b.m23), b.as_blocks(out)
        else:
            out = np.empty(b.m01.shape, dtype=w.dtype)
            m01, m23, out_q = b.m01, b.m23, out
        if for_backward:  # remember the winner: s01 (1 beat 0), s23 (3 beat 2), s (row 1 won)
            np.greater(q1, q0, out=b.s01)
            np.greater(q3, q2, out=b.s23)
        np.maximum(q0, q1, out=b.m01)
        np.maximum(q2, q3, out=b.m23)
        if for_backward:
            np.greater(b.m23, b.m01, out=b.s)  # strict: on a tie the first (top) row wins
        np.maximum(m01, m23, out=out_q)
        out += conv.params["bias"].reshape(b.bias_shape)  # bias after pooling: 4x fewer adds
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
        if b.banded:
            np.multiply(b.as_blocks(dout.transpose(1, 2, 3, 0)), b.as_blocks(b.pos),
                        out=b.quarter5(dm))
            conv.grads["bias"] = (dm.reshape(b.nblk, f, -1) @ b.ones).sum(axis=0)
        else:
            shape4 = b.out_shape  # 4-D views of the (maybe 2-D) quarter buffers
            np.multiply(dout.transpose(1, 2, 3, 0), b.pos.reshape(shape4),
                        out=dm.reshape(shape4))
            conv.grads["bias"] = dm.reshape(f, -1) @ b.ones  # BLAS: ~3x faster than dm.sum
        # Route each window's gradient to its winner (the first maximal cell, row-major);
        # x*mask and x - x*mask are exact, so each cell gets dm or 0.
        bottom, top, dz = b.bottom, b.top, b.dz
        d0, d1, d2, d3 = b.dquads
        np.multiply(dm, b.s, out=bottom)
        np.subtract(dm, bottom, out=top)
        np.multiply(top, b.s01, out=d1)
        np.subtract(top, d1, out=d0)
        np.multiply(bottom, b.s23, out=d3)
        np.subtract(bottom, d3, out=d2)
        kh, kw = conv.kernel_size
        c = conv.in_channels
        # dW = dz @ cols.T, computed as (cols @ dz.T).T: OpenBLAS is 1.5-2x faster this way
        # round for these skinny shapes (F, CKK small; M long).
        if b.banded:
            dw = b.weight_grad((f, c, kh, kw))
        elif b.chunks:
            acc = np.zeros((c * kh * kw, f), dtype=dz.dtype)
            for _, _, cols_mat, _, dz_part in b.chunks:
                acc += cols_mat @ dz_part.T
            dw = acc.T.reshape(f, c, kh, kw)
        else:
            dw = (b.cols @ dz.T).T.reshape(f, c, kh, kw)
        conv.grads["weight"] = np.ascontiguousarray(dw[:, :, ::-1, ::-1]) if conv.flip else dw
        if not need_input_grad:
            return None
        if b.banded:
            return b.input_grad(kh)
        if b.dz4 is not None and b.stride == (1, 1):
            return self._dx_by_rows(b)
        dcols = (conv._weight_matrix().T @ dz).reshape(b.windows.shape)
        dxp, dwin = b.dx_buffers()
        dxp.fill(0)
        for i in range(kh):  # col2im: one strided add per kernel offset (no overlaps within)
            for j in range(kw):
                dwin[:, i, j] += dcols[:, i, j]
        return dxp[b.interior].transpose(3, 0, 1, 2)

    def _dx_by_rows(self, b: _StageBuffers):
        """The input gradient of a stride-1 convolution without a full col2im.

        dx[c, y, x] = sum_{f,i,j} W[f,c,i,j] dz[f, y-i, x-j]. Copy dz shifted by each kernel
        column j (KW copies: ``dzw``), one GEMM sums over (f, j) for every kernel row i at once,
        then KW row-shifted adds of whole image rows sum over i. That is 1.3x faster than
        im2col's adjoint, whose KH*KW adds move runs of only N values (LeNet's conv2).
        """
        conv = self.conv
        f, c = conv.filters, conv.in_channels
        kh, kw = conv.kernel_size
        dzw, g = b.dz_width_buffers(f, kw, c, kh)
        oh, ow = b.dz4.shape[1:3]
        for j in range(kw):
            dzw[:, j, :, j : j + ow] = b.dz4
        w_rows = conv._weight_matrix().reshape(f, c, kh, kw).transpose(1, 2, 0, 3)
        np.matmul(w_rows.reshape(c * kh, f * kw), dzw.reshape(f * kw, -1), out=g)
        g5 = g.reshape(c, kh, oh, dzw.shape[3], -1)
        dxp, _ = b.dx_buffers()
        dxp.fill(0)
        for i in range(kh):
            dxp[:, i : i + oh] += g5[:, i]
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
        and _no_padding(pool.padding)
    )


def _no_padding(padding) -> bool:
    """True for padding that is zero for every input size ("same" may pad odd sizes)."""
    if isinstance(padding, str):
        return padding.lower() == "valid"
    return F.resolve_padding(padding, (2, 2), (2, 2), (2, 2)) == ((0, 0), (0, 0))


class FusedPlan:
    """The model's layers as steps: ConvReluPool stages where possible, else the layer itself."""

    def __init__(self, layers):
        self.steps = []
        i = 0
        while i < len(layers):
            if _fusable(layers, i):
                self.steps.append(ConvReluPool(*layers[i : i + 3], pool_major=i == 0,
                                               banded=True))
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
