"""Conv2D: im2col + one matrix product, with scratch memory reused per input shape."""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from ..geometry import check_kernel, check_stride, resolve_padding, window_geometry
from ..init import init_weight
from ..messages import MessageError
from .base import Layer, _padding_spec, _plain

__all__ = ["Conv2D"]


class _ConvPlan:
    """Scratch memory of one Conv2D for one input shape, allocated once and reused.

    xp : (C, Hp, Wp, N) the zero-padded input, batch-innermost ("CHWN"): every strided copy
    of im2col/col2im then moves runs of N contiguous values instead of a few pixels.
    cols : (C*KH*KW, OH*OW*N) the patches; ``windows`` is a read-only strided view of xp with
    shape (C, KH, KW, OH, OW, N), so im2col is a single ``np.copyto(cols, windows)``.
    """

    def __init__(self, x_shape, kernel_hw, stride_hw, pads, out_hw, dtype):
        n, c, h, w = x_shape
        kh, kw = kernel_hw
        sh, sw = stride_hw
        (top, bottom), (left, right) = pads
        oh, ow = out_hw
        self.interior = (slice(None), slice(top, top + h), slice(left, left + w), slice(None))
        self.xp = np.zeros((c, h + top + bottom, w + left + right, n), dtype=dtype)
        s = self.xp.strides
        self.win_shape = (c, kh, kw, oh, ow, n)
        self.win_strides = (s[0], s[1], s[2], s[1] * sh, s[2] * sw, s[3])
        self.windows = as_strided(self.xp, shape=self.win_shape, strides=self.win_strides,
                                  writeable=False)
        self.cols = np.empty((c * kh * kw, oh * ow * n), dtype=dtype)
        self.cols6 = self.cols.reshape(self.win_shape)


class Conv2D(Layer):
    """2-D convolution (cross-correlation unless ``flip``) of ``filters`` kernels.

    x : (N, C, H, W) -> out : (N, filters, OH, OW). weight : (filters, C, KH, KW), bias :
    (filters,). ``stride`` int or pair; ``padding`` int, pair, "valid" or "same" (see
    :mod:`explorer.engine.functional`); ``flip=True`` rotates kernels 180 degrees (true
    convolution).

    The returned array is laid out batch-innermost in memory ((F, OH, OW, N) transposed to
    (N, F, OH, OW), a view), which keeps the next layers' strided copies contiguous.
    """

    type_name = "Conv2D"

    def __init__(self, filters: int, kernel_size, stride=1, padding=0, flip: bool = False,
                 in_channels: int | None = None, name: str | None = None):
        super().__init__(name or "conv")
        if not isinstance(filters, (int, np.integer)) or isinstance(filters, bool) or filters < 1:
            raise MessageError("layer_filters", repr(filters))
        self.filters = int(filters)
        self.kernel_size = check_kernel(kernel_size)
        self.stride = check_stride(stride)
        resolve_padding(padding, (max(self.kernel_size[0], 1), max(self.kernel_size[1], 1)),
                        self.kernel_size, self.stride)  # validates the form early
        self.padding = padding
        self.flip = bool(flip)
        self.in_channels = None if in_channels is None else int(in_channels)
        self._plans: dict = {}
        self._plan: _ConvPlan | None = None
        self._x_shape = None

    def config(self):
        cfg = {
            "filters": self.filters,
            "kernel_size": _plain(self.kernel_size),
            "stride": _plain(self.stride),
            "padding": _padding_spec(self.padding),
            "flip": self.flip,
        }
        if self.in_channels is not None:
            cfg["in_channels"] = self.in_channels
        return cfg

    def build(self, input_shape, rng, *, init="he", weight_init_std=None, dtype=np.float32):
        c = int(input_shape[0])
        if self.in_channels is not None and self.in_channels != c:
            raise MessageError("layer_in_channels", self.name, self.in_channels, c,
                               tuple(input_shape))
        self.in_channels = c
        self.output_shape(input_shape)  # raises if the kernel does not fit
        kh, kw = self.kernel_size
        shape = (self.filters, c, kh, kw)
        self.params["weight"] = init_weight(shape, c * kh * kw, rng, init, weight_init_std, dtype)
        self.params["bias"] = np.zeros(self.filters, dtype=dtype)

    def _geometry(self, h, w):
        return window_geometry((h, w), self.kernel_size, self.stride, self.padding)

    def output_shape(self, input_shape):
        c, h, w = input_shape
        _, _, (oh, ow) = self._geometry(h, w)
        return (self.filters, oh, ow)

    def _get_plan(self, x_shape, dtype) -> _ConvPlan:
        key = (x_shape, np.dtype(dtype))
        plan = self._plans.get(key)
        if plan is None:
            stride, pads, out_hw = self._geometry(*x_shape[2:])
            plan = _ConvPlan(x_shape, self.kernel_size, stride, pads, out_hw, dtype)
            plan.out_hw = out_hw
            plan.stride, plan.pads = stride, pads
            if len(self._plans) >= 4:  # a few batch sizes (train, last batch, 1 image, eval)
                self._plans.pop(next(iter(self._plans)))
            self._plans[key] = plan
        return plan

    def _weight_matrix(self) -> np.ndarray:
        w = self.params["weight"]
        if self.flip:
            w = w[:, :, ::-1, ::-1]
        return np.ascontiguousarray(w).reshape(self.filters, -1)

    def forward(self, x, training=False):
        x = np.asarray(x)
        if x.ndim != 4 or x.shape[1] != self.in_channels:
            raise ValueError(
                f"{self.name} expects input (N, {self.in_channels}, H, W), got shape {x.shape}"
            )
        n = x.shape[0]
        dtype = self.params["weight"].dtype
        plan = self._get_plan(x.shape, dtype)
        # Copy into the padded batch-innermost buffer: one transposing copy, borders stay zero.
        plan.xp[plan.interior] = x.transpose(1, 2, 3, 0)
        np.copyto(plan.cols6, plan.windows)  # im2col in one strided copy, contiguous writes
        out = np.matmul(self._weight_matrix(), plan.cols)  # (F, CKK) @ (CKK, OH*OW*N): BLAS
        out += self.params["bias"][:, None]
        self._plan = plan
        self._x_shape = x.shape
        oh, ow = plan.out_hw
        return out.reshape(self.filters, oh, ow, n).transpose(3, 0, 1, 2)

    def backward(self, dout, need_input_grad: bool = True):
        """dout (N, F, OH, OW) -> dx (N, C, H, W); fills grads. With ``need_input_grad=False``
        (the model's first layer) the col2im is skipped and None is returned."""
        plan = self._plan
        if plan is None:
            raise RuntimeError(f"{self.name}.backward called before forward")
        n, c, h, w = self._x_shape
        f = self.filters
        kh, kw = self.kernel_size
        dtype = plan.cols.dtype
        # (N, F, OH, OW) -> (F, OH*OW*N); free when dout is batch-innermost like our output.
        d2 = np.ascontiguousarray(dout.transpose(1, 2, 3, 0), dtype=dtype).reshape(f, -1)
        dw = (plan.cols @ d2.T).T.reshape(f, c, kh, kw)  # = d2 @ cols.T, faster in OpenBLAS
        if self.flip:
            dw = np.ascontiguousarray(dw[:, :, ::-1, ::-1])
        self.grads["weight"] = dw
        self.grads["bias"] = d2.sum(axis=1)
        if not need_input_grad:
            return None
        dcols = (self._weight_matrix().T @ d2).reshape(plan.win_shape)
        dxp = np.zeros(plan.xp.shape, dtype=dtype)
        dwin = as_strided(dxp, shape=plan.win_shape, strides=plan.win_strides)
        for i in range(kh):  # col2im: one strided add per kernel offset (no overlaps within)
            for j in range(kw):
                dwin[:, i, j] += dcols[:, i, j]
        return dxp[plan.interior].transpose(3, 0, 1, 2)

