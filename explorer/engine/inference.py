"""The inference-only forward pass behind :meth:`Model.predict_proba` and :meth:`Model.predict`.

At batch 1 a forward pass is ~0.3 M multiply-adds: the cost of the layer-by-layer path is
Python and allocation (backward caches, fresh arrays, shape logic repeated on every call), not
arithmetic. An :class:`InferencePlan` is compiled once per input shape: every scratch array
allocated, every im2col window view and pooling view made, and each layer reduced to a few
NumPy calls writing with ``out=`` (:mod:`explorer.engine.inference_conv` for convolutions):

- a convolution is one strided copy (im2col) and one matrix product, the bias being one more
  column of the weights against a constant row of ones in the patches; a following ReLU and
  max pool without padding are fused into it: pooling comes first and ReLU applies to the
  pooled values only (max commutes with any monotone function, and float rounding is
  monotone too, so this is exact);
- at small batches (at most :data:`WIDE_MAX_BATCH` images) the patches are taken in "wide"
  rows, and a stride-1 conv followed by a 2x2 pool keeps its input split by the parity of
  rows and columns ("phases"), so that im2col copies a few long runs and the pooling
  compares contiguous blocks: at batch 1 NumPy's per-call cost, not arithmetic, dominates,
  and operations on contiguous arrays skip its general strided iterator;
- activations are kept batch-innermost, (C, H, W, N) in memory, as
  :mod:`explorer.engine.fused` does: the last pooled map is already the (C*H*W, N) matrix a
  Dense layer multiplies, and a Dense layer is one product ``weight.T @ x`` into a buffer;
- Dropout is the identity; BatchNorm, local response norm, the other activations and
  poolings, and Inception modules (branch by branch) have steps of their own; a model with
  any other layer type (or ``model.fast = False``) runs its own forward.

Weights are read from the layers on every call (``layer.params[...]``), so training, a filter
swap or a timeline step that writes into them is seen by the next prediction; a plan only
keeps geometry and scratch memory.

Thread safety: plans (their scratch arrays) live in a ``threading.local`` of the model, so the
worker thread, an Explain request or the CLI may predict at the same time without sharing a
buffer; the layers' own caches (what backward reads) are never touched. Batches bigger than
:data:`CHUNK` images run in chunks of that size through the same cached plans, which bounds the
scratch memory of a thread (a few MB for the built-in models).

Results equal the layer-by-layer forward up to float rounding (the matrix products have other
shapes, and BLAS promises no summation order): tests/engine/test_inference.py.
"""

from __future__ import annotations

import math
import threading

import numpy as np

from .geometry import pool_geometry, window_geometry
from .inference_conv import ConvStep, PhaseConvStep, activation, bound_activation
from .layers import (
    AvgPool2D,
    BatchNorm2D,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    Inception,
    LocalResponseNorm,
    MaxPool2D,
    ReLU,
    softmax,
)

__all__ = ["CHUNK", "InferencePlan", "Unsupported", "compile_plan", "predict_proba", "predict"]

#: Batches are run in chunks of at most this many images (plans are cached per thread for a
#: few chunk shapes; LeNet-5's scratch memory at 32 images is ~3 MB; 16-64 measured fastest
#: at batch 512).
CHUNK = 32
#: Plans kept per thread and model (the chunk, a last partial chunk, one image, ...).
MAX_PLANS = 4


class Unsupported(Exception):
    """A layer this module has no inference step for: the model's own forward is used."""


# ----------------------------------------------------------------------------------------------
# Steps. Each takes a (C, H, W, N) or (D, N) array (any strides) and returns its output, a
# scratch array of the step (or a view of its input). ``owned`` at compile time says whether
# the input is plan memory that may be changed in place (never the caller's images).
# ----------------------------------------------------------------------------------------------


class _DenseStep:
    """Dense (+ activation): out (U, N) = weight.T @ x (D, N) + bias."""

    def __init__(self, dense: Dense, in_shape, dtype, act=None):
        d = int(np.prod(in_shape[:-1]))
        if d != dense.in_features:
            raise Unsupported(f"{dense.name}: {d} inputs, expects {dense.in_features}")
        self.dense, self.d = dense, d
        self.out = np.empty((dense.units, in_shape[-1]), dtype)
        self.out_shape = self.out.shape
        # One image: vectors, so that the bias and the activation run on contiguous 1-D arrays
        self.vec = self.out[:, 0] if in_shape[-1] == 1 else None
        self.act = bound_activation(act, self.out if self.vec is None else self.vec)
        self.run = self._bind()

    def __call__(self, x):
        return self.run(x)

    def _bind(self):
        """This step as one closure over its arrays (locals instead of attribute look-ups)."""
        dense, vec, out, act, d = self.dense, self.vec, self.out, self.act, self.d
        dot, matmul, add = np.dot, np.matmul, np.add

        def run(x):
            p = dense.params
            if vec is not None:
                dot(x.reshape(d), p["weight"], out=vec)
                add(vec, p["bias"], out=vec)
            else:
                matmul(p["weight"].T, x.reshape(d, -1), out=out)
                add(out, p["bias"][:, None], out=out)
            if act is not None:
                act()
            return out

        return run


class _ActStep:
    """A lone activation, into a scratch array of its own unless its input is plan memory."""

    def __init__(self, act, in_shape, dtype, owned):
        self.act, self.out_shape = act, tuple(in_shape)
        self.out = None if owned else np.empty(in_shape, dtype)

    def __call__(self, x):
        if self.out is not None:
            np.copyto(self.out, x)
            x = self.out
        self.act(x)
        return x


class _FlattenStep:
    def __init__(self, in_shape):
        self.out_shape = (int(np.prod(in_shape[:-1])), in_shape[-1])

    def __call__(self, x):
        return x.reshape(self.out_shape)  # (C, H, W, N) -> (C*H*W, N): NCHW's flatten order


class _PoolStep:
    """MaxPool2D or AvgPool2D as the layers compute them (the same order of operations)."""

    def __init__(self, pool, in_shape, dtype):
        c, h, w, n = in_shape
        (kh, kw), (sh, sw), pads, (oh, ow) = pool_geometry((h, w), pool.kernel_size,
                                                           pool.stride, pool.padding)
        (top, bottom), (left, right) = pads
        self.is_max = isinstance(pool, MaxPool2D)
        self.xp = None
        if top + bottom + left + right:
            self.xp = np.full((c, h + top + bottom, w + left + right, n), pool.pad_value, dtype)
            self.interior = self.xp[:, top : top + h, left : left + w]
        self.offsets = [(slice(i, i + (oh - 1) * sh + 1, sh), slice(j, j + (ow - 1) * sw + 1, sw))
                        for i in range(kh) for j in range(kw)]
        self.out = np.empty((c, oh, ow, n), dtype)
        self.out_shape = self.out.shape
        self.scale = self.out.dtype.type(1.0 / (kh * kw))

    def __call__(self, x):
        if self.xp is not None:
            self.interior[...] = x
            x = self.xp
        views = [x[:, a, b] for a, b in self.offsets]
        out = self.out
        np.copyto(out, views[0])
        if self.is_max:
            for v in views[1:]:
                np.maximum(out, v, out=out)
        else:
            for v in views[1:]:
                out += v
            out *= self.scale
        return out


class _BatchNormStep:
    """BatchNorm2D at inference (running statistics), in the layer's order of operations."""

    def __init__(self, bn: BatchNorm2D, in_shape):
        self.bn, self.out_shape = bn, tuple(in_shape)

    def __call__(self, x):
        bn, col = self.bn, (-1, 1, 1, 1)
        xc = x - bn.buffers["running_mean"].reshape(col)
        inv_std = (1.0 / np.sqrt(bn.buffers["running_var"] + bn.eps)).astype(x.dtype)
        xhat = xc * inv_std.reshape(col)
        return xhat * bn.params["gamma"].reshape(col) + bn.params["beta"].reshape(col)


class _LrnStep:
    """LocalResponseNorm across channels (axis 0 here), as the layer computes it."""

    def __init__(self, lrn: LocalResponseNorm, in_shape):
        self.lrn, self.out_shape = lrn, tuple(in_shape)

    def __call__(self, x):
        lrn = self.lrn
        before, after = lrn.size // 2, (lrn.size - 1) // 2
        sq = x * x
        scale = np.zeros_like(sq)
        c = sq.shape[0]
        for off in range(-before, after + 1):
            lo, hi = max(0, -off), min(c, c - off)
            if lo < hi:
                scale[lo:hi] += sq[lo + off : hi + off]
        scale *= x.dtype.type(lrn.alpha / lrn.size)
        scale += x.dtype.type(lrn.k)
        return x * lrn._power(scale)


class _InceptionStep:
    """The four branches, each a list of steps, written into slices of one output."""

    def __init__(self, block: Inception, in_shape, dtype):
        self.branches, sizes = [], []
        for branch in block.branches:
            steps, shape = _compile(branch, in_shape, dtype, owned=False)
            self.branches.append(steps)
            sizes.append(shape[0])
        _, h, w, n = in_shape
        self.out = np.empty((sum(sizes), h, w, n), dtype)
        self.out_shape = self.out.shape
        bounds = np.cumsum([0, *sizes])
        self.slices = [self.out[a:b] for a, b in zip(bounds[:-1], bounds[1:])]

    def __call__(self, x):
        for steps, dst in zip(self.branches, self.slices):
            y = x
            for step in steps:
                y = step(y)
            dst[...] = y
        return self.out


# ----------------------------------------------------------------------------------------------
# Compiling
# ----------------------------------------------------------------------------------------------


def _max_pool_fusable(layer) -> bool:
    """A max pool without padding (whatever the input size), which commutes with the bias."""
    if type(layer) is not MaxPool2D:
        return False
    if isinstance(layer.padding, str):
        return layer.padding.lower() == "valid"
    pads = np.ravel(np.asarray(layer.padding, dtype=object)).tolist()
    return all(p == 0 for p in pads)


def _phase_fits(conv, pool, in_shape) -> bool:
    """Whether :class:`~explorer.engine.inference_conv.PhaseConvStep` computes this conv and
    2x2 pool, and its quadrants are long enough to pay for its 4 products (``use_phase``: a
    switch for comparisons)."""
    if not (use_phase and conv.stride == (1, 1) and pool.kernel_size == (2, 2)
            and pool.stride == (2, 2)):
        return False
    _, h, w, n = in_shape
    _, ((top, bottom), (left, right)), (oh, _) = window_geometry(
        (h, w), conv.kernel_size, conv.stride, conv.padding)
    return (oh // 2) * ((w + left + right + 1) // 2) * n >= PHASE_MIN_COLUMNS


#: Use PhaseConvStep where it fits (False: ConvStep; for tests and measurements).
use_phase = True
#: Batches up to this size use the small-batch layouts (wide rows, phases); bigger ones
#: im2col with runs of OW*N values, already long.
WIDE_MAX_BATCH = 4
#: The phase layout for quadrants of at least this many columns (LeNet's and SimpleConvNet's
#: conv1 at batch 1: 224 and 168; LeNet's conv2: 35, where one wide product is faster).
PHASE_MIN_COLUMNS = 64


def _compile(layers, in_shape, dtype, owned):
    """``(steps, out_shape)`` for ``layers`` on (C, H, W, N) input; Unsupported if a layer has
    no step."""
    steps, shape, i = [], tuple(in_shape), 0
    while i < len(layers):
        layer, t = layers[i], type(layers[i])
        nxt = layers[i + 1] if i + 1 < len(layers) else None
        used = 1
        if t is Conv2D or t is Dense:
            if len(shape) != (4 if t is Conv2D else len(shape)):
                raise Unsupported(f"{layer.name}: input shape {shape}")
            act = nxt if nxt is not None and activation(nxt) is not None else None
            used += act is not None
            if t is Conv2D:
                after = layers[i + used] if i + used < len(layers) else None
                pool = None
                if (act is None or type(act) is ReLU) and after is not None and \
                        _max_pool_fusable(after):
                    pool, used = after, used + 1
                small = shape[-1] <= WIDE_MAX_BATCH
                if small and pool is not None and _phase_fits(layer, pool, shape):
                    step = PhaseConvStep(layer, shape, dtype, relu=act is not None)
                else:
                    step = ConvStep(layer, shape, dtype, act, pool, wide=small)
            else:
                step = _DenseStep(layer, shape, dtype, act)
        elif t is Dropout:
            i += 1
            continue
        elif t is Flatten:
            step = _FlattenStep(shape)
        elif activation(layer) is not None:
            step = _ActStep(activation(layer), shape, dtype, owned)
        elif t is MaxPool2D or t is AvgPool2D:
            step = _PoolStep(layer, shape, dtype)
        elif t is BatchNorm2D:
            step = _BatchNormStep(layer, shape)
        elif t is LocalResponseNorm:
            step = _LrnStep(layer, shape)
        elif t is Inception:
            step = _InceptionStep(layer, shape, dtype)
        else:
            raise Unsupported(f"no inference step for {t.__name__}")
        steps.append(step)
        shape = tuple(step.out_shape)
        owned = not isinstance(step, _FlattenStep) or owned
        i += used
    return steps, shape


class InferencePlan:
    """A model's forward pass at inference for one batch shape (N, C, H, W), with its scratch
    memory; :meth:`run` gives the logits as a (K, N) scratch array (valid until the next run)."""

    def __init__(self, layers, x_shape, dtype):
        n, c, h, w = x_shape
        self.steps, out_shape = _compile(list(layers), (c, h, w, n), np.dtype(dtype),
                                         owned=False)
        if len(out_shape) != 2:
            raise Unsupported(f"the last layer outputs {out_shape}, not class scores")
        # the steps' closures where they have one (no method call in between)
        self.calls = [getattr(step, "run", step) for step in self.steps]

    def run(self, x):
        """Logits (K, N) of a checked batch x (N, C, H, W) in the plan's dtype."""
        y = x.transpose(1, 2, 3, 0)
        for call in self.calls:
            y = call(y)
        return y


def compile_plan(model, x_shape) -> InferencePlan:
    """A fresh plan of ``model`` for batches of shape ``x_shape`` (Unsupported if it has a
    layer without an inference step)."""
    return InferencePlan(model.layers, tuple(x_shape), model.dtype)


# ----------------------------------------------------------------------------------------------
# Entry points (called by Model.predict_proba and Model.predict)
# ----------------------------------------------------------------------------------------------


def _plans(model) -> dict:
    """This thread's plans of ``model``: shape -> plan, and ``"unsupported": True`` once a layer
    has no inference step (the model then always takes its own forward)."""
    local = model.__dict__.get("_inference_local")
    if local is None:
        local = model.__dict__.setdefault("_inference_local", threading.local())
    plans = getattr(local, "plans", None)
    if plans is None:
        plans = local.plans = {}
    return plans


_min, _max = np.minimum.reduce, np.maximum.reduce


def _checked(model, x):
    """x as a checked (N, C, H, W) batch: a fast path for arrays already in the model's dtype
    and range, else :meth:`Model._as_batch` (its conversions and error messages)."""
    if type(x) is np.ndarray and x.dtype == model.dtype:
        c, h, w = model.input_shape
        if x.ndim == 2 and c == 1 and x.shape == (h, w):
            x = x.reshape(1, 1, h, w)
        elif x.ndim == 3 and c == 1 and x.shape[1:] == (h, w):
            x = x.reshape(-1, 1, h, w)
        if x.ndim == 4 and x.shape[1:] == model.input_shape and x.shape[0]:
            # NaN fails both comparisons, +-inf one: such batches go on to _as_batch's error.
            # (The ufuncs' reduce directly: x.min() adds a Python-level call, ~0.2 us each.)
            if _min(x, None) >= -1e-3 and _max(x, None) <= 1 + 1e-3:
                return x
    return model._as_batch(x, check_range=True)


def _logits(model, x):
    """Logits (K, N) of ``model`` for checked images x (N, C, H, W), or None when the model
    has a layer without an inference step or ``model.fast`` is False (the caller then uses its
    forward). Up to
    :data:`CHUNK` images the array is this thread's scratch memory: use it before the next
    call."""
    if not model.fast:  # layer by layer, for checking: the model's own forward
        return None
    plans = _plans(model)
    plan = plans.get(x.shape)  # a compiled plan of this shape: the common case, first
    if plan is not None:
        return plan.run(x)
    if plans.get("unsupported"):
        return None
    n = x.shape[0]
    try:
        if n <= CHUNK:
            return _plan(plans, model, x.shape).run(x)
        out = None
        for start in range(0, n, CHUNK):
            part = x[start : start + CHUNK]
            z = _plan(plans, model, part.shape).run(part)
            if out is None:
                out = np.empty((z.shape[0], n), z.dtype)
            out[:, start : start + part.shape[0]] = z
        return out
    except Unsupported:
        plans.clear()
        plans["unsupported"] = True
        return None


def _plan(plans, model, shape):
    plan = plans.get(shape)
    if plan is None:
        if len(plans) >= MAX_PLANS:
            plans.pop(next(iter(plans)))
        plan = plans[shape] = compile_plan(model, shape)
    return plan


def predict_proba(model, x):
    """:meth:`Model.predict_proba`: class probabilities (N, K), a fresh array."""
    x = _checked(model, x)
    z = _logits(model, x)
    if z is None:
        z = model._forward_sliced(x, False).T
    # softmax over classes (layers.softmax; a new array, as z.T - max makes one)
    if z.shape[1] == 1:  # one image: 10 numbers are faster in Python floats than in NumPy
        v = z[:, 0].tolist()
        top = max(v)
        e = [math.exp(a - top) for a in v]
        total = math.fsum(e)
        return np.array([[a / total for a in e]], dtype=z.dtype)
    return softmax(z.T)


def predict(model, x):
    """:meth:`Model.predict`: the predicted class (N,) int64."""
    x = _checked(model, x)
    z = _logits(model, x)
    if z is None:
        return model._forward_sliced(x, False).argmax(axis=1)
    return z.argmax(axis=0)
