"""One small class per layer, each with ``forward`` / ``backward`` and named parameters.

Every layer follows the textbook's pattern: ``forward(x, training)`` keeps what the backward
pass needs on the layer, ``backward(dout)`` returns the gradient of the layer's input and fills
``grads`` (same keys as ``params``). ``backward`` never mutates ``dout``, and what
``forward``/``backward`` return is never a scratch buffer that a later call overwrites (identity
steps such as inference-mode Dropout or Flatten return their input or a view of it).

Shapes: image tensors are ``(N, C, H, W)``, flat ones ``(N, D)``; ``output_shape`` works on
shapes without the batch axis (``(C, H, W)`` or ``(D,)``). Parameters are created by
``build(input_shape, rng, ...)`` once the input shape is known (the model does this);
``spec()`` is a JSON-able dict from which :func:`build_layer` rebuilds the layer.

Convolution and max pooling have fast paths that give exactly the results of
:mod:`explorer.engine.functional` (tests/engine/test_layers.py proves it); each trick is
commented where it is used.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from . import functional as F
from .init import init_weight

__all__ = [
    "Layer",
    "Conv2D",
    "MaxPool2D",
    "AvgPool2D",
    "ReLU",
    "LeakyReLU",
    "Sigmoid",
    "Tanh",
    "Flatten",
    "Dense",
    "Dropout",
    "BatchNorm2D",
    "LocalResponseNorm",
    "Inception",
    "SoftmaxCrossEntropy",
    "softmax",
    "LAYER_TYPES",
    "build_layer",
]


def _pair(value, name):
    """An int or a pair -> ``(h, w)`` (ValueError naming ``name`` otherwise)."""
    return F._pair(value, name)


def _plain(value):
    """A pair ``(a, a)`` -> ``a`` so specs stay short; tuples -> lists (JSON)."""
    if isinstance(value, tuple):
        return value[0] if value[0] == value[1] else list(value)
    return value


def _padding_spec(padding):
    if isinstance(padding, str):
        return padding.lower()
    if isinstance(padding, (tuple, list)):
        return [list(p) if isinstance(p, (tuple, list)) else p for p in padding]
    return int(padding)


def _shape_str(a):
    return "x".join(str(s) for s in a.shape)


class Layer:
    """Base class: a named step of a network.

    Attributes
    ----------
    name : str, unique inside its model ("conv1", "relu1", ...)
    params : dict local name -> ndarray ("weight", "bias", "gamma", "beta")
    grads : dict with the same keys, filled by :meth:`backward`
    buffers : dict of non-trained state saved with the model (BatchNorm's running stats)
    """

    type_name = "Layer"
    #: Whether forward behaves differently in training (dropout, batch norm).
    has_training_mode = False

    def __init__(self, name: str | None = None):
        self.name = name or self.type_name.lower()
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.buffers: dict[str, np.ndarray] = {}
        self.built = False

    # -- construction -------------------------------------------------------------------------
    def build(self, input_shape, rng: np.random.Generator, *, init="he", weight_init_std=None,
              dtype=np.float32) -> None:
        """Create the parameters for inputs of ``input_shape`` (no batch axis)."""
        self.built = True

    def config(self) -> dict:
        """The constructor arguments (besides ``name``), JSON-able."""
        return {}

    def spec(self) -> dict:
        """JSON-able description: ``build_layer(layer.spec())`` rebuilds the layer."""
        return {"type": self.type_name, "name": self.name, **self.config()}

    # -- computation --------------------------------------------------------------------------
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, dout: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def output_shape(self, input_shape) -> tuple:
        return tuple(input_shape)

    @property
    def n_params(self) -> int:
        return int(sum(p.size for p in self.params.values()))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.config().items())
        shapes = ", ".join(f"{k}={_shape_str(v)}" for k, v in self.params.items())
        inner = ", ".join(s for s in (f"name={self.name!r}", args, shapes) if s)
        return f"{self.type_name}({inner})"


# ----------------------------------------------------------------------------------------------
# Convolution
# ----------------------------------------------------------------------------------------------


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
            raise ValueError(f"Conv2D filters must be a positive int, got {filters!r}")
        self.filters = int(filters)
        self.kernel_size = F._check_kernel(kernel_size)
        self.stride = F._check_stride(stride)
        F.resolve_padding(padding, (max(self.kernel_size[0], 1), max(self.kernel_size[1], 1)),
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
            raise ValueError(
                f"{self.name}: spec says in_channels={self.in_channels} but the input has {c} "
                f"channels (input shape {tuple(input_shape)})"
            )
        self.in_channels = c
        self.output_shape(input_shape)  # raises if the kernel does not fit
        kh, kw = self.kernel_size
        shape = (self.filters, c, kh, kw)
        self.params["weight"] = init_weight(shape, c * kh * kw, rng, init, weight_init_std, dtype)
        self.params["bias"] = np.zeros(self.filters, dtype=dtype)
        self.built = True

    def _geometry(self, h, w):
        return F._geometry((1, 1, h, w), self.kernel_size, self.stride, self.padding)

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


# ----------------------------------------------------------------------------------------------
# Pooling
# ----------------------------------------------------------------------------------------------


class _Pool2D(Layer):
    """Shared geometry of the two poolings (PyTorch semantics: stride defaults to kernel)."""

    pad_value = 0.0

    def __init__(self, kernel_size=2, stride=None, padding=0, name=None):
        super().__init__(name or self.type_name.lower())
        self.kernel_size = F._check_kernel(kernel_size)
        self.stride = self.kernel_size if stride is None else F._check_stride(stride)
        self.padding = padding
        self._cache = None

    def config(self):
        return {
            "kernel_size": _plain(self.kernel_size),
            "stride": _plain(self.stride),
            "padding": _padding_spec(self.padding),
        }

    def _geometry(self, h, w):
        return F._pool_setup(np.empty((1, 1, h, w), dtype=np.float32), self.kernel_size,
                             self.stride, self.padding)[2:]

    def output_shape(self, input_shape):
        c, h, w = input_shape
        _, _, (oh, ow) = self._geometry(h, w)
        return (c, oh, ow)

    def _windows(self, x):
        """Padded input and the KH*KW strided views (one per kernel offset), each (N, C, OH, OW)."""
        n, c, h, w = x.shape
        stride, pads, (oh, ow) = self._geometry(h, w)
        (top, bottom), (left, right) = pads
        xp = x if top + bottom + left + right == 0 else F._pad(x, pads, self.pad_value)
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
        self._cache = (x.shape, xp.shape, pads, [(i, j) for i, j, _ in views], x.dtype)
        return out

    def backward(self, dout):
        if self._cache is None:
            raise RuntimeError(f"{self.name}.backward called before forward")
        x_shape, xp_shape, pads, offsets, dtype = self._cache
        share = dout * dout.dtype.type(1.0 / (self.kernel_size[0] * self.kernel_size[1]))
        parts = [(i, j, share) for i, j in offsets]
        return self._scatter(parts, xp_shape, pads, x_shape, share.dtype)


# ----------------------------------------------------------------------------------------------
# Activations
# ----------------------------------------------------------------------------------------------


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


# ----------------------------------------------------------------------------------------------
# Shape and dense layers
# ----------------------------------------------------------------------------------------------


class Flatten(Layer):
    """(N, C, H, W) -> (N, C*H*W), in C order (channel, row, column)."""

    type_name = "Flatten"

    def __init__(self, name=None):
        super().__init__(name or "flatten")
        self._shape = None

    def output_shape(self, input_shape):
        return (int(np.prod(input_shape)),)

    def forward(self, x, training=False):
        self._shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dout):
        return dout.reshape(self._shape)


class Dense(Layer):
    """Fully connected (the textbook's Affine): x (N, D) -> x @ weight + bias, (N, units).

    weight : (D, units), bias : (units,). A (N, C, H, W) input is flattened first.
    """

    type_name = "Dense"

    def __init__(self, units: int, in_features: int | None = None, name=None):
        super().__init__(name or "fc")
        if not isinstance(units, (int, np.integer)) or isinstance(units, bool) or units < 1:
            raise ValueError(f"Dense units must be a positive int, got {units!r}")
        self.units = int(units)
        self.in_features = None if in_features is None else int(in_features)
        self._x = None
        self._x_shape = None

    def config(self):
        cfg = {"units": self.units}
        if self.in_features is not None:
            cfg["in_features"] = self.in_features
        return cfg

    def build(self, input_shape, rng, *, init="he", weight_init_std=None, dtype=np.float32):
        d = int(np.prod(input_shape))
        if self.in_features is not None and self.in_features != d:
            raise ValueError(
                f"{self.name}: spec says in_features={self.in_features} but the input has {d} "
                f"features (input shape {tuple(input_shape)})"
            )
        self.in_features = d
        self.params["weight"] = init_weight((d, self.units), d, rng, init, weight_init_std, dtype)
        self.params["bias"] = np.zeros(self.units, dtype=dtype)
        self.built = True

    def output_shape(self, input_shape):
        return (self.units,)

    def forward(self, x, training=False):
        self._x_shape = x.shape
        x2 = x.reshape(x.shape[0], -1)
        if x2.shape[1] != self.in_features:
            raise ValueError(
                f"{self.name} expects {self.in_features} input features, got shape {x.shape}"
            )
        self._x = x2
        out = x2 @ self.params["weight"]
        out += self.params["bias"]
        return out

    def backward(self, dout, need_input_grad: bool = True):
        x2 = self._x
        self.grads["weight"] = x2.T @ dout
        self.grads["bias"] = dout.sum(axis=0)
        if not need_input_grad:
            return None
        if x2.flags.f_contiguous and not x2.flags.c_contiguous:
            # The input was batch-innermost (a fused stage's output): give dx that layout too.
            return (self.params["weight"] @ dout.T).T.reshape(self._x_shape)
        return (dout @ self.params["weight"].T).reshape(self._x_shape)


class Dropout(Layer):
    """Inverted dropout: in training, zero each value with probability ``rate`` and scale the
    rest by 1/(1-rate); at inference the identity.

    ``rng`` is the :class:`numpy.random.Generator` that draws the masks; a model hands all its
    dropout layers one generator seeded from the model's seed.
    """

    type_name = "Dropout"
    has_training_mode = True

    def __init__(self, rate: float = 0.5, name=None, rng: np.random.Generator | None = None):
        super().__init__(name or "dropout")
        if not 0.0 <= float(rate) < 1.0:
            raise ValueError(f"Dropout rate must be in [0, 1), got {rate!r}")
        self.rate = float(rate)
        self.rng = rng if rng is not None else np.random.default_rng(0)
        self._mask = None

    def config(self):
        return {"rate": self.rate}

    def forward(self, x, training=False):
        if not training or self.rate == 0.0:
            self._mask = None
            return x
        keep = self.rng.random(x.shape, dtype=np.float64) >= self.rate
        self._mask = keep.astype(x.dtype) * x.dtype.type(1.0 / (1.0 - self.rate))
        return x * self._mask

    def backward(self, dout):
        return dout if self._mask is None else dout * self._mask


class BatchNorm2D(Layer):
    """Batch normalisation over (N, H, W) per channel, with learned gamma and beta (C,).

    Training: normalise by the batch mean and (biased) variance and update the running
    statistics as ``running = (1 - momentum) * running + momentum * batch`` (the running variance
    uses the unbiased batch variance, as PyTorch). Inference: normalise by the running stats.
    """

    type_name = "BatchNorm2D"
    has_training_mode = True

    def __init__(self, momentum: float = 0.1, eps: float = 1e-5, name=None):
        super().__init__(name or "bn")
        self.momentum = float(momentum)
        self.eps = float(eps)
        self._cache = None

    def config(self):
        return {"momentum": self.momentum, "eps": self.eps}

    def build(self, input_shape, rng, *, init="he", weight_init_std=None, dtype=np.float32):
        c = int(input_shape[0])
        self.params["gamma"] = np.ones(c, dtype=dtype)
        self.params["beta"] = np.zeros(c, dtype=dtype)
        self.buffers["running_mean"] = np.zeros(c, dtype=dtype)
        self.buffers["running_var"] = np.ones(c, dtype=dtype)
        self.built = True

    def forward(self, x, training=False):
        axes = (0, 2, 3)
        if training:
            m = x.shape[0] * x.shape[2] * x.shape[3]
            mean = x.mean(axis=axes)
            xc = x - mean[:, None, None]
            var = (xc * xc).mean(axis=axes)
            mom = self.momentum
            self.buffers["running_mean"] *= 1 - mom
            self.buffers["running_mean"] += mom * mean
            self.buffers["running_var"] *= 1 - mom
            self.buffers["running_var"] += mom * var * (m / max(m - 1, 1))
        else:
            xc = x - self.buffers["running_mean"][:, None, None]
            var = self.buffers["running_var"]
        inv_std = (1.0 / np.sqrt(var + self.eps)).astype(x.dtype)
        xhat = xc * inv_std[:, None, None]
        self._cache = (xhat, inv_std, training)
        return xhat * self.params["gamma"][:, None, None] + self.params["beta"][:, None, None]

    def backward(self, dout):
        xhat, inv_std, training = self._cache
        axes = (0, 2, 3)
        self.grads["gamma"] = (dout * xhat).sum(axis=axes)
        self.grads["beta"] = dout.sum(axis=axes)
        dxhat = dout * self.params["gamma"][:, None, None]
        if not training:
            return dxhat * inv_std[:, None, None]
        m = dout.shape[0] * dout.shape[2] * dout.shape[3]
        mean_d = dxhat.mean(axis=axes)[:, None, None]
        mean_dx = (dxhat * xhat).mean(axis=axes)[:, None, None]
        return (dxhat - mean_d - xhat * mean_dx) * inv_std[:, None, None]


class LocalResponseNorm(Layer):
    """AlexNet's local response normalisation across channels (PyTorch's formula):

    ``y_c = x_c / (k + alpha/size * sum_{c' near c} x_{c'}**2) ** beta``, where the window holds
    ``size`` channels: ``size//2`` before c and ``(size-1)//2`` after. x, y : (N, C, H, W).
    """

    type_name = "LocalResponseNorm"

    def __init__(self, size: int = 5, alpha: float = 1e-4, beta: float = 0.75, k: float = 2.0,
                 name=None):
        super().__init__(name or "lrn")
        if int(size) < 1:
            raise ValueError(f"LocalResponseNorm size must be at least 1, got {size!r}")
        self.size, self.alpha, self.beta, self.k = int(size), float(alpha), float(beta), float(k)
        self._cache = None

    def config(self):
        return {"size": self.size, "alpha": self.alpha, "beta": self.beta, "k": self.k}

    @staticmethod
    def _window_sum(a, before, after):
        """out[:, c] = sum of a[:, c-before .. c+after] (channels outside [0, C) count zero)."""
        out = np.zeros_like(a)
        c = a.shape[1]
        for off in range(-before, after + 1):
            lo, hi = max(0, -off), min(c, c - off)
            if lo < hi:
                out[:, lo:hi] += a[:, lo + off : hi + off]
        return out

    def _power(self, scale):
        """scale ** -beta; AlexNet's beta = 0.75 as 1/(sqrt(s) * sqrt(sqrt(s))), ~5x faster
        than np.power with a fractional exponent."""
        if self.beta == 0.75:
            r = np.sqrt(scale)
            out = np.sqrt(r)
            out *= r
            return np.reciprocal(out, out=out)
        return scale ** scale.dtype.type(-self.beta)

    def forward(self, x, training=False):
        before, after = self.size // 2, (self.size - 1) // 2
        scale = self._window_sum(x * x, before, after)
        scale *= x.dtype.type(self.alpha / self.size)
        scale += x.dtype.type(self.k)
        power = self._power(scale)  # s ** -beta, kept for the backward pass
        out = x * power
        self._cache = (x, scale, power, out)
        return out

    def backward(self, dout):
        x, scale, power, out = self._cache
        before, after = self.size // 2, (self.size - 1) // 2
        # d y_c / d x_j = [c == j] s_c^-beta - 2 alpha beta / size * x_c x_j s_c^(-beta-1)
        # for j in c's window; summing over c is a window sum with the window mirrored.
        t = dout * out
        t /= scale
        back = self._window_sum(t, after, before)
        back *= x
        back *= x.dtype.type(2.0 * self.alpha * self.beta / self.size)
        dx = dout * power
        dx -= back
        return dx


# ----------------------------------------------------------------------------------------------
# Inception block
# ----------------------------------------------------------------------------------------------


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
        self.built = True

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


# ----------------------------------------------------------------------------------------------
# Loss
# ----------------------------------------------------------------------------------------------


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax of (N, K) logits, stable (the row maximum is subtracted first)."""
    z = logits - logits.max(axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


class SoftmaxCrossEntropy:
    """Softmax followed by the mean cross-entropy over the batch (the textbook's
    SoftmaxWithLoss), computed with log-sum-exp so large logits never overflow.

    forward(logits (N, K), labels (N,) ints or (N, K) one-hot/probabilities) -> float loss;
    backward() -> dlogits (N, K) = (softmax - target) / N.
    """

    def __init__(self):
        self._probs = None
        self._target = None

    def __repr__(self):
        return "SoftmaxCrossEntropy()"

    def forward(self, logits, labels) -> float:
        logits = np.asarray(logits)
        n, k = logits.shape
        labels = np.asarray(labels)
        if labels.ndim == 1:
            if labels.shape[0] != n:
                raise ValueError(f"got {labels.shape[0]} labels for {n} logits rows")
            if not np.issubdtype(labels.dtype, np.integer):
                raise ValueError(f"class labels must be integers, got dtype {labels.dtype}")
            if n and (labels.min() < 0 or labels.max() >= k):
                raise ValueError(f"labels must be in [0, {k}), got {labels.min()}..{labels.max()}")
            target = np.zeros_like(logits)
            target[np.arange(n), labels] = 1
        elif labels.shape == logits.shape:
            target = labels.astype(logits.dtype)
        else:
            raise ValueError(f"labels must be (N,) or {logits.shape}, got {labels.shape}")
        z = logits - logits.max(axis=1, keepdims=True)
        log_sum = np.log(np.exp(z).sum(axis=1, keepdims=True))
        log_probs = z - log_sum
        self._probs = np.exp(log_probs)
        self._target = target
        return float(-(target * log_probs).sum() / max(n, 1))

    @property
    def probs(self) -> np.ndarray | None:
        """Softmax (N, K) of the last ``forward`` (None before the first); each forward makes
        a new array and backward does not change it."""
        return self._probs

    def backward(self) -> np.ndarray:
        n = self._probs.shape[0]
        return (self._probs - self._target) / self._probs.dtype.type(max(n, 1))


# ----------------------------------------------------------------------------------------------
# Registry
# ----------------------------------------------------------------------------------------------


LAYER_TYPES: dict[str, type[Layer]] = {
    cls.type_name: cls
    for cls in (Conv2D, MaxPool2D, AvgPool2D, ReLU, LeakyReLU, Sigmoid, Tanh, Flatten, Dense,
                Dropout, BatchNorm2D, LocalResponseNorm, Inception)
}


def build_layer(spec: dict) -> Layer:
    """A layer from its spec (``{"type": "Conv2D", "name": "conv1", "filters": 30, ...}``).

    Raises ValueError for an unknown type or bad arguments, naming the layer.
    """
    if not isinstance(spec, dict):
        raise ValueError(f"a layer spec must be a dict with a 'type', got {spec!r}")
    kwargs = dict(spec)
    type_name = kwargs.pop("type", None)
    cls = LAYER_TYPES.get(type_name)
    if cls is None:
        raise ValueError(
            f"unknown layer type {type_name!r} in spec {spec!r}; known types: "
            f"{', '.join(sorted(LAYER_TYPES))}"
        )
    try:
        return cls(**kwargs)
    except TypeError as exc:
        name = spec.get("name")
        raise ValueError(f"bad arguments for {type_name} layer {name!r}: {exc}") from None
