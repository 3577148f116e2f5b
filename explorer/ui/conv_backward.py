"""The Convolution tab's backward pass, Qt-free: the gradient check beside the stepper.

For the stepper's own loss ``L = sum(dY * Y)`` with ``Y = conv(x, w) + b``, dL/dW is exactly the
dW of :class:`explorer.engine.backward.ConvBackwardStepper`; :func:`conv_gradient_check` puts
that value next to the numeric central difference ``(L(w + h) - L(w - h)) / 2h``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.engine import functional as F
from explorer.engine.backward import ConvBackwardStepper, PoolBackwardStepper
from explorer.engine.messages import MessageError

__all__ = ["DY_PRESETS", "RESULTS", "ConvGradientCheck", "LossGradient", "backward_for", "built_up",
           "conv_gradient_check", "loss_gradient", "make_dy", "n_images", "n_steps"]


@dataclass(frozen=True)
class ConvGradientCheck:
    """One weight's gradient two ways. ``index`` (c, i, j) into the (C, KH, KW) kernel;
    ``backprop`` the stepper's dW there; ``numeric`` the central difference with step ``h``;
    ``relative`` = |backprop - numeric| / max(|backprop|, |numeric|) (0 when both are 0)."""

    index: tuple
    backprop: float
    numeric: float
    h: float
    relative: float


def conv_gradient_check(x, kernel, dy, index, stride=1, padding=0, flip: bool = False,
                        h: float = 1e-3) -> ConvGradientCheck:
    """x : (C, H, W), or a batch (N, C, H, W) with dy (N, OH, OW) (then L sums over the
    images, as dW does); kernel : (C, KH, KW); dy : (OH, OW), the forward output's gradient;
    index : (c, i, j) of the weight checked. Computed in float64. ValueError (a coded
    `explorer.engine.messages.MessageError`) for an index outside the kernel or a step h that
    is not a positive finite number."""
    x = np.asarray(x, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    dy = np.asarray(dy, dtype=np.float64)
    if not (np.isfinite(h) and h > 0):
        raise MessageError("gradient_step_not_positive", repr(h))
    index = tuple(int(v) for v in index)
    if len(index) != 3 or not all(0 <= v < n for v, n in zip(index, kernel.shape)):
        raise MessageError("weight_index_outside_kernel", index, kernel.shape)
    stepper = ConvBackwardStepper(x, kernel, dy, stride=stride, padding=padding, flip=flip)
    backprop = float(stepper.dweight[index])

    x4 = x if x.ndim == 4 else x[None]

    def loss(w):
        y = F.conv2d(x4, w[None], np.zeros(1), stride=stride, padding=padding, flip=flip)
        return float(np.sum(dy * (y[:, 0] if x.ndim == 4 else y[0, 0])))

    plus, minus = kernel.copy(), kernel.copy()
    plus[index] += h
    minus[index] -= h
    numeric = (loss(plus) - loss(minus)) / (2 * h)
    scale = max(abs(backprop), abs(numeric))
    relative = 0.0 if scale == 0 else abs(backprop - numeric) / scale
    return ConvGradientCheck(index=index, backprop=backprop, numeric=numeric, h=float(h),
                             relative=relative)


# --- the backward stepper's set-up -----------------------------------------------------------
#: The output gradients dY the learner can start from ("loss" is computed by the live model).
DY_PRESETS = ("ones", "one_hot", "random", "loss")
#: What a convolution's backward pass is stepped through: dX, dW or db (pooling has only dX).
RESULTS = ("dx", "dw", "db")
#: Random dY are small integers, so every product can be checked by hand.
RANDOM_RANGE = (-2, 2)


def make_dy(preset: str, shape, *, cell=(0, 0), seed: int = 0) -> np.ndarray:
    """An output gradient of ``shape`` ((OH, OW) or (C, OH, OW)), float64.

    ``"ones"``: all ones (the textbook's choice: then dW is the sum of the input windows);
    ``"one_hot"``: a single 1 at ``cell`` (row, col) of every channel (clamped into the grid),
    so dX shows where one output cell's gradient goes; ``"random"``: integers in
    `RANDOM_RANGE` from ``seed``. ``"loss"`` needs the live model: use `loss_gradient`."""
    shape = tuple(int(v) for v in shape)
    if preset == "ones":
        return np.ones(shape)
    if preset == "one_hot":
        dy = np.zeros(shape)
        r = min(max(int(cell[0]), 0), shape[-2] - 1)
        c = min(max(int(cell[1]), 0), shape[-1] - 1)
        dy[..., r, c] = 1.0
        return dy
    if preset == "random":
        rng = np.random.default_rng(int(seed))
        return rng.integers(RANDOM_RANGE[0], RANDOM_RANGE[1] + 1, size=shape).astype(np.float64)
    raise ValueError(f"dY preset must be one of ones, one_hot, random (loss comes from the "
                     f"model); got {preset!r}")


def backward_for(stepper, dy, batch=None):
    """The backward stepper of a forward ``ConvStepper``/``PoolStepper`` for the gradient
    ``dy`` of its output ((OH, OW) for a convolution, (C, OH, OW) for a pooling). With
    ``batch`` (N, C, H, W) a convolution's backward pass covers the whole batch (dy then
    (N, OH, OW)): dX per image, dW and db summed over the images; a pooling has no weights,
    so it stays the stepper's own image. ValueError (from the engine) when dy does not have
    the output's shape."""
    from explorer.engine.stepper import ConvStepper

    dy = np.asarray(dy, dtype=np.float64)
    if isinstance(stepper, ConvStepper):
        x = stepper.x if batch is None else np.asarray(batch, dtype=np.float64)
        return ConvBackwardStepper(x, stepper.kernel, dy, stride=stepper.stride,
                                   padding=stepper.padding, flip=stepper.flip)
    return PoolBackwardStepper(stepper.x, dy, stepper.mode, stepper.size, stepper.stride,
                               stepper.padding)


def n_images(backward) -> int:
    """Images in the backward pass's batch (1 for a pooling or a single image)."""
    if isinstance(backward, PoolBackwardStepper):
        return 1
    return int(backward.x4.shape[0])


def n_steps(backward, result: str) -> int:
    """How many cells the stepper walks for ``result`` ("dx", "dw", "db"; pooling: "dx"); dX
    is walked one image at a time, so for a batch it is the cells of one image's dX."""
    if isinstance(backward, PoolBackwardStepper):
        return backward.n_positions
    if result == "dx":
        return backward.n_dx_positions // n_images(backward)
    if result == "dw":
        return backward.n_dw_positions
    if result == "db":
        return int(backward.weight4.shape[0])
    raise ValueError(f"result must be one of {', '.join(RESULTS)}; got {result!r}")


def built_up(backward, result: str, index: int, image: int = 0) -> np.ndarray:
    """The result as far as the stepper has come: cells computed up to and including step
    ``index`` hold their value, the rest NaN (shown empty).

    Convolution ``"dx"``: (C, Hp, Wp) of sample ``image`` over the padded input (the cropped
    band is part of the walk); ``"dw"``: (C, KH, KW) of the filter being stepped; ``"db"``:
    (F,). Pooling: dX (C, H, W), the gradient routed by dY cells 0..index (a cell that
    receives from two windows shows the sum so far)."""
    index = int(index)
    if isinstance(backward, PoolBackwardStepper):
        out = np.zeros(backward.x3.shape)
        touched = np.zeros(backward.x3.shape, dtype=bool)
        for i in range(min(index + 1, backward.n_positions)):
            p = backward.position(i)
            for (r, c), amount in zip(p.destinations, p.amounts):
                out[p.channel, r, c] += amount
                touched[p.channel, r, c] = True
        return np.where(touched, out, np.nan)
    if result == "dx":
        full = backward.full_dx[image].astype(np.float64)
        flat = full.reshape(-1).copy()
        flat[index + 1:] = np.nan
        return flat.reshape(full.shape)
    if result == "dw":
        f, c, kh, kw = backward.weight4.shape
        filt = index // (c * kh * kw)
        values = backward.dweight4[filt].astype(np.float64).reshape(-1).copy()
        values[index - filt * c * kh * kw + 1:] = np.nan
        return values.reshape(c, kh, kw)
    values = np.asarray(backward.dbias1, dtype=np.float64).copy()
    values[index + 1:] = np.nan
    return values


@dataclass(frozen=True)
class LossGradient:
    """The real dY of one filter of a network layer for one image (from `loss_gradient`).

    ``layer``/``filter``: which; ``label``: the class the loss was computed for (``true``:
    the data set's label, else the network's own prediction); ``dy`` (OH, OW): dL/d(layer
    output); ``relu``: the name of the ReLU after the layer or None, then ``dy_after`` (OH, OW)
    the gradient arriving at the ReLU's output, ``pre`` (OH, OW) the layer's output (the
    ReLU's input) and ``gate`` (OH, OW) bool, where the gradient passes (pre > 0)."""

    layer: str
    filter: int
    label: int
    true: bool
    dy: np.ndarray
    relu: str | None = None
    dy_after: np.ndarray | None = None
    pre: np.ndarray | None = None
    gate: np.ndarray | None = None


def loss_gradient(image, model, layer: str, filter_index: int, label: int | None = None
                  ) -> LossGradient:
    """Runs in the worker thread: dY of filter ``filter_index`` of ``layer`` when the live
    model sees ``image`` (28, 28) (or (C, H, W)) with the cross-entropy loss for ``label``
    (None: the model's own prediction). When a ReLU follows the layer, its gate is
    returned too (`explorer.engine.backward.relu_backward_gate`)."""
    from explorer.engine.backprop import layer_output_gradient
    from explorer.engine.backward import relu_backward_gate

    x = np.asarray(image, dtype=np.float32)
    x = x[None, None] if x.ndim == 2 else x[None]
    true = label is not None
    if label is None:
        label = int(np.argmax(model.predict_proba(x)[0]))
    dy, y = layer_output_gradient(model, x, int(label), layer)
    if not 0 <= filter_index < dy.shape[1]:
        raise ValueError(f"layer {layer} has {dy.shape[1]} filters; there is no filter "
                         f"{filter_index}")
    names = [lay.name for lay in model.layers]
    at = names.index(layer)
    following = model.layers[at + 1] if at + 1 < len(names) else None
    if following is None or type(following).__name__ != "ReLU":
        return LossGradient(layer, int(filter_index), int(label), true,
                            np.asarray(dy[0, filter_index], dtype=np.float64))
    dy_after, _ = layer_output_gradient(model, x, int(label), following.name)
    pre = np.asarray(y[0, filter_index], dtype=np.float64)
    after = np.asarray(dy_after[0, filter_index], dtype=np.float64)
    gate, _gated = relu_backward_gate(pre, after)
    return LossGradient(layer, int(filter_index), int(label), true,
                        np.asarray(dy[0, filter_index], dtype=np.float64), following.name,
                        after, pre, gate)
