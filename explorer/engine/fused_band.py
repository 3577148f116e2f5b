"""The first fused stage's convolution as a banded matrix product (no full im2col).

A stride-1 convolution of few channels (LeNet's and SimpleConvNet's conv1: 1 channel, 5x5)
makes a poor matrix product the im2col way: (F, C*KH*KW) @ (C*KH*KW, OH*OW*N) has only F = 6
rows and a 25-long inner dimension, so OpenBLAS streams a 7.8 MB patch matrix (LeNet, batch
100) through a kernel that can hardly reuse it. Here the output columns are cut into blocks of
``B`` neighbouring columns (B = 2), and one small banded matrix T serves every block:

    z[block k][(b, f, pwl), (a, ph, n)] = sum over (wpl, c, i) of
        T[(b, f, pwl), (wpl, c, i)] * xpT[k*B + wpl, c, 2*ph + a + i, n]

with output column ow = k*B + 2*pwl + b, output row oh = 2*ph + a and
T[(b, f, pwl), (wpl, c, i)] = W[f, c, i, wpl - ow_local] (zero off the band). The right-hand
factor of block k is a row slice of ``cols`` = ``xpT`` with the KH kernel rows unrolled
((Wp*C*KH, OH*N): a fifth of im2col's size for 5x5 kernels), so all blocks are views of one
array and the forward pass is one stacked ``matmul`` (Wp/B products of (F*B, (B+KW-1)*C*KH)
@ (..., OH*N)); the band's zeros cost (B+KW-1)/KW = 1.2x the multiplications, which the
better-shaped products win back several times over (measured: conv1 forward and weight
gradient 2.5x faster than im2col's for LeNet-5 at batch 100 on a 2-core x86).

T's rows are ordered (b, f, pwl) and each block's product is made per window row a (columns
(ph, n)), so that the four cells of every 2x2 pooling window are four strided views of z with
contiguous runs of F*B/2*PH*N values, as :class:`~explorer.engine.fused.ConvReluPool` needs them.

Layouts: xpT (Wp, C, Hp, N) is the zero-padded input, width-outermost and batch-innermost;
z and dz are (nblk, 2, F*B, PH*N); the pooled quarters (m01, s, dm, ...) are
(nblk, F, B/2, PH*N); the stage's output is (F, PH, PW, N) as in the other layouts.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

__all__ = ["BandBuffers", "band_block"]

#: Output columns per block: the band's waste (B+KW-1)/KW against the products' shape
#: (measured on LeNet-5's conv1: 2 beats 4 by 3 %, 4 beats 14 by 1.8x).
BLOCK = 2
#: Banded only for convolutions of fewer filters: im2col's product (F, C*KH*KW) @ (..., M) is
#: then too flat for BLAS (SimpleConvNet's 30 filters: both ways equally fast).
MAX_FILTERS = 16
#: Smallest batch banded in a model's first stage (pool-major's threshold too), and in later
#: stages, which also need the input gradient. Against the plain order's row-wise input
#: gradient a whole LeNet-5 batch (banded conv2) is 1-2 % faster at 16 images, 9 % at 32,
#: 12 % at 50 (the halves of a split batch of 100), 19 % at 100, and 13 % slower at 4
#: (paired A/B on a 2-core EPYC, after the weight gradient ran transposed).
MIN_BATCH = 8
MIN_BATCH_DX = 16


def band_block(out_w: int) -> int | None:
    """Columns per block for a pooled width of ``out_w // 2`` (even, dividing 2*PW):
    :data:`BLOCK` when it divides, else 2; None for an output too narrow to pool."""
    span = 2 * (out_w // 2)
    if span < 2:
        return None
    return BLOCK if span % BLOCK == 0 else 2


class BandBuffers:
    """Scratch arrays of one banded stage for one input shape (N, C, H, W) and dtype.

    Same attributes as :class:`~explorer.engine.fused._StageBuffers` where the pooling code
    shares them (``quads``, ``dquads``, ``m01``, ``m23``, ``s01``, ``s23``, ``s``, ``dm``,
    ``top``, ``bottom``, ``out_shape``); ``zeros``/``pos`` have the output's shape.
    """

    banded = True
    chunks = ()

    def __init__(self, conv, x_shape, dtype, pads, out_hw):
        n, c, h, w = x_shape
        kh, kw = conv.kernel_size
        (top, bottom), (left, right) = pads
        oh, ow = out_hw
        f = conv.filters
        ph, pw = oh // 2, ow // 2
        blk = band_block(ow)
        if ph < 1 or blk is None:
            raise ValueError(f"{conv.name}: a {oh}x{ow} output is too small for 2x2 pooling")
        nblk = 2 * pw // blk
        hp, wp = h + top + bottom, w + left + right
        ckh = c * kh
        rows = (blk + kw - 1) * ckh  # T's columns: input columns of a block x (c, i)
        self.blk, self.nblk = blk, nblk
        self.interior = (slice(left, left + w), slice(None), slice(top, top + h), slice(None))
        self.xp = np.zeros((wp, c, hp, n), dtype=dtype)
        s = self.xp.strides
        # cols[(wp, c, i), (a, ph, n)] = xp[wp, c, 2*ph + a + i, n]: one strided copy.
        self.win_shape = (wp, c, kh, 2, ph, n)
        self.win_strides = (s[0], s[1], s[2], s[2], 2 * s[2], s[3])
        self.windows = as_strided(self.xp, shape=self.win_shape, strides=self.win_strides,
                                  writeable=False)
        m = 2 * ph * n
        self.cols = np.empty((wp * ckh, m), dtype=dtype)
        self.cols_nd = self.cols.reshape(self.win_shape)
        r = self.cols.strides[0]
        # Block k's factor: rows [k*B*C*KH, k*B*C*KH + rows) of cols, all views of one array.
        self.blocks = as_strided(self.cols, shape=(nblk, rows, m),
                                 strides=(blk * ckh * r, r, self.cols.strides[1]),
                                 writeable=False)
        # The products by window row a too: z[k, a] = T @ blocks[k][:, a's columns], so that
        # each cell of the pooling windows is a run of F*B/2*PH*N values in every block, not
        # of PH*N (the pooling's ufuncs run ~2x faster on LeNet's conv1; the products as fast).
        self.blocks_a = self.blocks.reshape(nblk, rows, 2, ph * n).transpose(0, 2, 1, 3)
        self.z = np.empty((nblk, 2, f * blk, ph * n), dtype=dtype)
        self.dz = np.empty_like(self.z)
        half = blk // 2

        def quads(a):  # (a, b) for a in (0, 1) for b in (0, 1): row a, column b of a window
            a6 = a.reshape(nblk, 2, 2, f, half, ph * n)
            return [a6[:, r_, b] for r_ in (0, 1) for b in (0, 1)]

        self.quads, self.dquads = quads(self.z), quads(self.dz)
        quarter = (nblk, f, half, ph * n)
        self.m01, self.m23 = np.empty(quarter, dtype), np.empty(quarter, dtype)
        self.s01, self.s23, self.s = (np.empty(quarter, bool) for _ in range(3))
        self.dm = np.empty(quarter, dtype)
        self.top = np.empty(quarter, dtype)
        self.bottom = np.empty(quarter, dtype)
        self.out_shape = (f, ph, pw, n)
        self.zeros = np.zeros(self.out_shape, dtype)
        self.pos = np.empty(self.out_shape, bool)
        self.ones = np.ones(half * ph * n, dtype)
        self.bias_shape = (f, 1, 1, 1)
        # T's non-zeros: T[(b, f, pwl), (ol + j, c, i)] = W[f, c, i, j] for every column
        # ol = 2*pwl + b of a block. For one ol they are F rows a constant step apart and a
        # contiguous run of KW*C*KH columns in (j, c, i) order: T is filled (and dW gathered)
        # by one strided copy per ol through (F, KW, C, KH) views, not by fancy indexing
        # (~40 us for LeNet's conv2, with the GIL held).
        self.t = np.zeros((f * blk, rows), dtype=dtype)
        self.band_shape = (f, kw, c, kh)
        self.bands = [(slice((ol % 2) * (f * half) + ol // 2, (ol % 2 + 1) * (f * half), half),
                       slice(ol * ckh, (ol + kw) * ckh)) for ol in range(blk)]
        self.t_views = [self.t[band].reshape(self.band_shape) for band in self.bands]
        assert all(np.shares_memory(v, self.t) for v in self.t_views)  # views, not copies
        self._dxp = None
        self._dtt = None

    def as_blocks(self, a4):
        """A (F, PH, PW, N) array as the (nblk, F, B/2, PH, N) view the quarters use."""
        f, ph, pw, n = a4.shape
        return a4.reshape(f, ph, self.nblk, self.blk // 2, n).transpose(2, 0, 3, 1, 4)

    def quarter5(self, q):
        """A (nblk, F, B/2, PH*N) quarter buffer as (nblk, F, B/2, PH, N)."""
        f, ph, _, n = self.out_shape
        return q.reshape(self.nblk, f, self.blk // 2, ph, n)

    def multiply(self, x, w):
        """Fill the padded input from x (N, C, H, W) and z = T(w) @ blocks; w (F, C, KH, KW) is
        the effective (already flipped) kernel."""
        self.xp[self.interior] = x.transpose(3, 1, 2, 0)
        np.copyto(self.cols_nd, self.windows)
        w_t = w.transpose(0, 3, 1, 2)  # (F, KW, C, KH), as the views
        for view in self.t_views:
            np.copyto(view, w_t)
        np.matmul(self.t, self.blocks_a, out=self.z)  # 2*nblk products in one call

    def weight_grad(self, shape):
        """dW (F, C, KH, KW) of the effective kernel from dz: sum over blocks of
        dz[k] @ blocks[k].T, then every band entry summed over the block's columns.

        The products run transposed, blocks[k] @ dz[k].T: OpenBLAS packs a transposed right
        factor slowly, and the long (PH*N) inner dimension is then contiguous in both factors
        (LeNet-5's conv2 at batch 100: 0.71 ms instead of 1.02 ms on a 2-core EPYC)."""
        if self._dtt is None:
            nblk, _, fb, _ = self.dz.shape
            self._dtt = np.empty((nblk, 2, self.blocks.shape[1], fb), self.dz.dtype)
        np.matmul(self.blocks_a, self.dz.transpose(0, 1, 3, 2), out=self._dtt)
        dt = self._dtt.sum(axis=(0, 1)).T  # (F*B, rows)
        dw = np.empty(shape, dt.dtype)  # (F, C, KH, KW); written through its (F, KW, C, KH) view
        out = dw.transpose(0, 3, 1, 2)
        views = [dt[band].reshape(self.band_shape) for band in self.bands]
        np.add(views[0], views[1], out=out)  # a block has 2 or more columns
        for v in views[2:]:
            out += v
        return dw

    def input_grad(self, kh):
        """dx (N, C, H, W) (a view of a scratch array): the adjoint of :meth:`multiply`.

        The product runs on dz with its columns reordered to (ph, a, n), the order of the
        output rows y = 2*ph + a: then each kernel row i adds a contiguous band of rows
        dxp[:, :, i : i + 2*PH] (runs of 2*PH*N values) instead of a row-interleaved view
        (runs of N); the reordering is one copy of dz, a fraction of what it saves."""
        nblk, _, fb, phn = self.dz.shape
        wp, c, _, n = self.xp.shape
        ph = phn // n
        if self._dxp is None:
            self._dxp = np.empty_like(self.xp)
            self._dzy = np.empty((nblk, fb, ph, 2, n), self.dz.dtype)
            self._dblocks = np.empty((nblk, self.blocks.shape[1], 2 * ph * n), self.dz.dtype)
            self._dcols = np.zeros_like(self.cols)  # rows no block covers stay zero
        np.copyto(self._dzy, self.dz.reshape(nblk, 2, fb, ph, n).transpose(0, 2, 3, 1, 4))
        dblocks = np.matmul(self.t.T, self._dzy.reshape(nblk, fb, -1), out=self._dblocks)
        dcols = self._dcols  # (Wp*C*KH, 2*PH*N): columns (y, n)
        step, rows = self.blocks.strides[0] // self.cols.strides[0], dblocks.shape[1]
        dcols[:rows] = dblocks[0]
        for k in range(1, nblk):  # neighbouring blocks share KW-1 input columns
            start, seen = k * step, (k - 1) * step + rows  # rows [start, seen) were written
            dcols[start:seen] += dblocks[k, : seen - start]
            dcols[seen : start + rows] = dblocks[k, seen - start :]
        dxp = self._dxp
        dxp.fill(0)
        d5 = dcols.reshape(wp, c, kh, 2 * ph, n)
        for i in range(kh):  # rows y + i of the padded input, for every kernel row i
            dxp[:, :, i : i + 2 * ph] += d5[:, :, i]
        return dxp[self.interior].transpose(3, 1, 2, 0)
