"""The Convolution tab's backward pass, Qt-free: the gradient check beside the stepper.

For the stepper's own loss ``L = sum(dY * Y)`` with ``Y = conv(x, w) + b``, dL/dW is exactly the
dW of :class:`explorer.engine.backward.ConvBackwardStepper`; :func:`conv_gradient_check` puts
that value next to the numeric central difference ``(L(w + h) - L(w - h)) / 2h``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.engine import functional as F
from explorer.engine.backward import ConvBackwardStepper
from explorer.engine.messages import MessageError

__all__ = ["ConvGradientCheck", "conv_gradient_check"]


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
    """x : (C, H, W); kernel : (C, KH, KW); dy : (OH, OW), the forward output's gradient;
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

    def loss(w):
        y = F.conv2d(x[None], w[None], np.zeros(1), stride=stride, padding=padding, flip=flip)
        return float(np.sum(dy * y[0, 0]))

    plus, minus = kernel.copy(), kernel.copy()
    plus[index] += h
    minus[index] -= h
    numeric = (loss(plus) - loss(minus)) / (2 * h)
    scale = max(abs(backprop), abs(numeric))
    relative = 0.0 if scale == 0 else abs(backprop - numeric) / scale
    return ConvGradientCheck(index=index, backprop=backprop, numeric=numeric, h=float(h),
                             relative=relative)
