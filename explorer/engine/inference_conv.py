"""Inference steps of convolutions for :mod:`explorer.engine.inference`: Conv2D with its
activation and max pool fused (:class:`ConvStep`), and the phase-split Conv2D -> ReLU ->
2x2 max pool of small batches (:class:`PhaseConvStep`), plus the in-place activations every
step shares. Steps take (C, H, W, N) arrays (batch innermost, any strides) and return scratch
arrays of their own; weights are read from the layer on every call.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .geometry import pool_geometry, window_geometry
from .layers import Conv2D, LeakyReLU, ReLU, Sigmoid, Tanh

__all__ = ["ConvStep", "PhaseConvStep", "activation", "bound_activation"]


def activation(layer):
    """In-place function of an activation layer, or None when ``layer`` is not one."""
    t = type(layer)
    if t is ReLU:
        return lambda a: np.maximum(a, 0, out=a)
    if t is Tanh:
        return lambda a: np.tanh(a, out=a)
    if t is Sigmoid:  # as the layer: (1 + tanh(x/2)) / 2, in the same order
        def sigmoid(a):
            half = a.dtype.type(0.5)
            a *= half
            np.tanh(a, out=a)
            a += 1
            a *= half
        return sigmoid
    if t is LeakyReLU:
        def leaky(a):
            np.copyto(a, np.where(a > 0, a, a * a.dtype.type(layer.alpha)))
        return leaky
    return None


_max_reduce = np.maximum.reduce


def _window_view(flat, base, shape, strides):
    """A read-only strided view of the 1-D array ``flat`` from element ``base`` (strides in
    elements, any sign); AssertionError if it would reach outside ``flat`` (as_strided does
    not check)."""
    lo = base + sum((d - 1) * s for d, s in zip(shape, strides) if s < 0)
    hi = base + sum((d - 1) * s for d, s in zip(shape, strides) if s > 0)
    assert 0 <= lo and hi < flat.size, (base, shape, strides, flat.size)
    it = flat.itemsize
    return as_strided(flat[base:], shape=shape, strides=tuple(s * it for s in strides),
                      writeable=False)


def bound_activation(act_layer, target):
    """The activation ``act_layer`` applied in place to the fixed array ``target`` (a
    zero-argument function; None without activation). ReLU compares against a zero array:
    NumPy then runs one contiguous loop, ~2x faster than against the scalar 0."""
    if act_layer is None:
        return None
    if type(act_layer) is ReLU:
        zeros = np.zeros(target.shape, target.dtype)
        return lambda: np.maximum(target, zeros, out=target)
    act = activation(act_layer)
    return lambda: act(target)


class ConvStep:
    """Conv2D (+ activation) (+ max pool without padding, with ReLU or no activation).

    ``wide`` (stride 1): the patches of a whole output row are taken with the padded input's
    full width, Wp cells instead of OW, so that every patch row is one contiguous run of
    OH*Wp*N values: im2col is one copy of C*KH*KW runs (instead of C*KH*KW*OH runs of OW*N,
    slow at small batches), for Wp/OW times the products; the extra cells, whose windows wrap
    into the next row, are never read.
    """

    def __init__(self, conv: Conv2D, in_shape, dtype, act=None, pool=None, wide=False):
        c, h, w, n = in_shape
        self.conv = conv
        kh, kw = conv.kernel_size
        (sh, sw), pads, (oh, ow) = window_geometry((h, w), conv.kernel_size, conv.stride,
                                                   conv.padding)
        (top, bottom), (left, right) = pads
        f = conv.filters
        hp, wp = h + top + bottom, w + left + right
        self.direct = (kh, kw, sh, sw) == (1, 1, 1, 1) and top + bottom + left + right == 0
        wide = wide and not self.direct and (sh, sw) == (1, 1)
        if not self.direct:
            size = c * hp * wp * n
            flat = np.zeros(size + (kw * n if wide else 0), dtype)  # spare zeros: wide rows
            self.xp = flat[:size].reshape(c, hp, wp, n)
            self.interior = self.xp[:, top : top + h, left : left + w]
            s = self.xp.strides
            s = [v // flat.itemsize for v in s]
            if wide:
                shape = (c, kh, kw, oh * wp * n)
                strides = (s[0], s[1], s[2], s[3])
            else:
                shape = (c, kh, kw, oh, ow, n)
                strides = (s[0], s[1], s[2], s[1] * sh, s[2] * sw, s[3])
            self.windows = _window_view(flat, 0, shape, strides)
            ckk = c * kh * kw
            # the patches, then a row of ones: the bias is one more column of the weights
            self.cols = np.empty((ckk + 1, int(np.prod(shape[3:]))), dtype)
            self.cols[ckk] = 1
            self.cols_nd = self.cols[:ckk].reshape(shape)
            self.wb = np.empty((f, ckk + 1), dtype)
            self.w4 = self.wb[:, :ckk].reshape(f, c, kh, kw)  # a view: one copy per call
        self.z = np.empty((f, oh * (wp if wide else ow) * n), dtype)
        zfull = self.z.reshape(f, oh, -1, n)
        z4 = zfull[:, :, :ow]
        self.rows = None
        if pool is None:
            self.out = z4
        else:
            (pkh, pkw), (psh, psw), _, (ph, pw) = pool_geometry((oh, ow), pool.kernel_size,
                                                                pool.stride, 0)
            self.out = np.empty((f, ph, pw, n), dtype)
            if (pkh, pkw, psh, psw) == (2, 2, 2, 2):
                # rows first (runs of a whole row), then columns: 2 maxima instead of 3
                self.rows = np.empty((f, ph, zfull.shape[2], n), dtype)
                self.views = [zfull[:, 0 : 2 * ph : 2], zfull[:, 1 : 2 * ph : 2],
                              self.rows[:, :, 0 : 2 * pw : 2], self.rows[:, :, 1 : 2 * pw : 2]]
            else:
                self.views = [z4[:, i : i + (ph - 1) * psh + 1 : psh,
                                 j : j + (pw - 1) * psw + 1 : psw]
                              for i in range(pkh) for j in range(pkw)]
        self.pooled = pool is not None
        self.out_shape = self.out.shape
        self.act = bound_activation(act, self.out)
        self.run = self._bind()

    def __call__(self, x):
        return self.run(x)

    def _bind(self):
        """This step as one closure over its arrays: locals instead of attribute look-ups, at
        batch 1 ~1 us less per call (:meth:`__call__` and the plan call it)."""
        conv, direct, pooled, act = self.conv, self.direct, self.pooled, self.act
        z, out, rows, views = self.z, self.out, self.rows, getattr(self, "views", None)
        if not direct:
            wb, w4, interior = self.wb, self.w4, self.interior
            cols_nd, windows, cols = self.cols_nd, self.windows, self.cols
        copyto, dot, maximum, add = np.copyto, np.dot, np.maximum, np.add

        def run(x):
            if direct:
                dot(conv._weight_matrix(), x.reshape(x.shape[0], -1), out=z)
                add(z, conv.params["bias"][:, None], out=z)
            else:
                w = conv.params["weight"]  # the current weights and bias, every call
                copyto(w4, w[:, :, ::-1, ::-1] if conv.flip else w)
                wb[:, -1] = conv.params["bias"]
                copyto(interior, x)
                copyto(cols_nd, windows)  # im2col: one strided copy
                dot(wb, cols, out=z)
            if pooled:
                if rows is not None:
                    maximum(views[0], views[1], out=rows)
                    maximum(views[2], views[3], out=out)
                elif len(views) == 1:
                    copyto(out, views[0])
                else:
                    maximum(views[0], views[1], out=out)
                    for v in views[2:]:
                        maximum(out, v, out=out)
            if act is not None:
                act()
            return out

        return run


class PhaseConvStep:
    """Stride-1 Conv2D -> ReLU (or nothing) -> MaxPool2D(2, stride 2), for small batches.

    A 2x2 pool of a conv output reads its four "quadrants", the cells (2p+a, 2q+b) for a, b
    in {0, 1}. The padded input is kept split into its four phases (even/odd rows x even/odd
    columns: ``q`` (C, 2, 2, Hq, Wq, N)); then, for every kernel offset and quadrant, a patch
    row is one contiguous run of PH*Wq*N values of one phase ("wide" rows: each output row also
    computes Wq - PW cells that nobody reads, whose windows wrap into the next row). im2col is
    4 strided copies of such runs (one per parity of kernel row and column), a batched product
    writes each quadrant as a contiguous (F, PH*Wq*N) block, with the bias as one more column
    of weights against a constant row of ones, and the pool and ReLU are one reduction over
    the quadrants' blocks and a block of zeros (``max(a, b, c, d, 0)``: ~2 us at LeNet's
    conv1, against ~2.8 for four maxima). NumPy runs ops on contiguous operands without
    its general iterator: at batch 1 that is ~0.6 us an op against ~2 us for strided views.
    """

    def __init__(self, conv: Conv2D, in_shape, dtype, relu: bool):
        c, h, w, n = in_shape
        kh, kw = conv.kernel_size
        _, ((top, bottom), (left, right)), (oh, ow) = window_geometry(
            (h, w), conv.kernel_size, conv.stride, conv.padding)
        f, ckk = conv.filters, c * kh * kw
        ph, pw = oh // 2, ow // 2
        hq, wq = (h + top + bottom + 1) // 2, (w + left + right + 1) // 2
        self.conv = conv
        length = ph * wq * n  # one quadrant's columns (wide rows)
        size = c * 4 * hq * wq * n
        self.flat = np.zeros(size + (kh // 2 + 1) * wq * n + n, dtype)  # spare zeros after
        self.q = self.flat[:size].reshape(c, 2, 2, hq, wq, n)
        # The input's cells by parity of their padded row and column: (dst, src slices).
        if top % 2 == left % 2 == h % 2 == w % 2 == 0:  # one copy: (C, y, pu, x, pv, N)
            dst = self.q[:, :, :, top // 2 : (top + h) // 2, left // 2 : (left + w) // 2]
            self.writes = [(dst.transpose(0, 3, 1, 4, 2, 5), (c, h // 2, 2, w // 2, 2, n))]
            self.split = False
        else:
            self.split = True
            self.writes = []
            for pu in (0, 1):
                for pv in (0, 1):
                    y0, x0 = (pu - top) % 2, (pv - left) % 2  # first input row/col this parity
                    ny, nx = len(range(y0, h, 2)), len(range(x0, w, 2))
                    if ny and nx:
                        qy, qx = (top + y0) // 2, (left + x0) // 2
                        self.writes.append(
                            (self.q[:, pu, pv, qy : qy + ny, qx : qx + nx],
                             (slice(None), slice(y0, None, 2), slice(x0, None, 2))))
        it = self.flat.itemsize
        s_c, s_pu, s_pv, s_y, s_x = (s // it for s in self.q.strides[:5])
        # Per quadrant: the patches (CKK rows, then a row of ones for the bias), (4, CKK+1, L).
        self.cols = np.empty((4, ckk + 1, length), dtype)
        self.cols[:, ckk] = 1
        self.copies = []
        cols5 = self.cols[:, :ckk].reshape(2, 2, c, kh, kw, length)

        def offset(a, p, s_p, s_d):  # element offset of quadrant a's row for kernel parity p
            return ((a + p) % 2) * s_p + ((a + p) // 2) * s_d

        for ip in (0, 1):
            for jp in (0, 1):
                nki, nkj = len(range(ip, kh, 2)), len(range(jp, kw, 2))
                if not (nki and nkj):
                    continue
                base = offset(0, ip, s_pu, s_y) + offset(0, jp, s_pv, s_x)
                strides = (s_c, s_y, s_x, offset(1, ip, s_pu, s_y) - offset(0, ip, s_pu, s_y),
                           offset(1, jp, s_pv, s_x) - offset(0, jp, s_pv, s_x), 1)
                src = _window_view(self.flat, base, (c, nki, nkj, 2, 2, length), strides)
                # kernel rows ip, ip+2, ... and columns jp, jp+2, ... of every quadrant
                dst = cols5[:, :, :, ip::2, jp::2].transpose(2, 3, 4, 0, 1, 5)
                self.copies.append((dst, src))
        self.wb = np.empty((f, ckk + 1), dtype)  # the weights, then the bias
        self.w4 = self.wb[:, :ckk].reshape(f, c, kh, kw)  # a view: one copy per call
        # The 4 quadrants' products, then (with ReLU) a block of zeros: the pool and the ReLU
        # are one maximum over the blocks (max(a, b, c, d, 0) = relu(max(a, b, c, d)), exact).
        self.z = np.empty((5 if relu else 4, f, length), dtype)
        self.z[4:] = 0
        self.products = self.z[:4]  # contiguous: the matmul writes into it directly
        self.out = np.empty((f, length), dtype)
        self.view = self.out.reshape(f, ph, wq, n)[:, :, :pw]
        self.out_shape = self.view.shape
        self.run = self._bind()

    def __call__(self, x):
        return self.run(x)

    def _bind(self):
        """This step as one closure over its arrays (as :meth:`ConvStep._bind`)."""
        conv, wb, w4, cols, products, z, out, view = (
            self.conv, self.wb, self.w4, self.cols, self.products, self.z, self.out, self.view)
        split, copies = self.split, self.copies
        if split:
            writes = self.writes
        else:
            ((dst, shape),) = self.writes
        copyto, matmul = np.copyto, np.matmul

        def run(x):
            w = conv.params["weight"]  # the current weights and bias, every call
            copyto(w4, w[:, :, ::-1, ::-1] if conv.flip else w)
            wb[:, -1] = conv.params["bias"]
            if split:
                for d, src in writes:
                    copyto(d, x[src])
            else:
                copyto(dst, x.reshape(shape))
            for d, src in copies:
                copyto(d, src)
            matmul(wb, cols, out=products)  # 4 products, one per quadrant
            _max_reduce(z, 0, None, out)  # pool (+ ReLU): one reduction of whole blocks
            return view

        return run
