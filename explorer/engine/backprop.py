"""Backpropagation made visible on a whole model (pure NumPy, no Qt).

- :func:`gradient_check`: one weight's backprop gradient next to the numeric central
  difference ``(L(w + h) - L(w - h)) / 2h``, computed in float64 on a copy of the model.
- :func:`layer_output_gradient`: the real dY arriving at a layer's output from the loss, for
  one image and a label, to feed :class:`explorer.engine.backward.ConvBackwardStepper`.

Both run in inference mode (dropout off, batch norm on its running statistics), so the loss is
a fixed function of the weights and the numbers are reproducible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .layers import SoftmaxCrossEntropy
from .models import Model, model_from_spec

__all__ = ["GradientCheck", "gradient_check", "layer_output_gradient", "float64_copy"]


@dataclass(frozen=True)
class GradientCheck:
    """The outcome of :func:`gradient_check` for one weight.

    backprop : dL/dw from the backward pass; numeric : (L(w+h) - L(w-h)) / 2h; ``relative``:
    ``|backprop - numeric| / max(|backprop|, |numeric|)`` (0 when both are 0); ``loss`` L(w);
    ``weight`` the weight's value; ``index`` a tuple into the parameter's shape.
    """

    param_name: str
    index: tuple
    weight: float
    loss: float
    backprop: float
    numeric: float
    h: float
    relative: float

    def agrees(self, rtol: float = 1e-4, atol: float = 1e-8) -> bool:
        """Whether the two gradients agree within ``atol + rtol * |numeric|``."""
        return abs(self.backprop - self.numeric) <= atol + rtol * abs(self.numeric)


def float64_copy(model: Model) -> Model:
    """A float64 model with the same architecture, weights and buffers (the original is not
    touched; the fast fused path is turned off, so every layer runs its own backward)."""
    clone = model_from_spec(model.spec, dtype=np.float64, seed=0)
    params = clone.parameters()
    for key, value in model.parameters().items():
        params[key][...] = value
    buffers = clone.buffers()
    for key, value in model.buffers().items():
        buffers[key][...] = value
    clone.fast = False
    return clone


def _labels(model: Model, x, label) -> tuple[np.ndarray, np.ndarray]:
    """x as a checked (N, C, H, W) batch and label as N class indices."""
    x = np.asarray(x)
    if x.shape == tuple(model.input_shape):
        x = x[None]  # one (C, H, W) image
    x = model._as_batch(x)  # the model's own checks: shape, dtype, finite pixels, 0..255 ints
    labels = np.atleast_1d(np.asarray(label))
    if labels.dtype == bool or not np.issubdtype(labels.dtype, np.integer):
        if not (np.issubdtype(labels.dtype, np.floating) and np.all(labels == np.round(labels))):
            raise ValueError(f"label must be a class index (an int), got {label!r}")
        labels = labels.astype(np.int64)
    if labels.shape != (x.shape[0],):
        raise ValueError(f"got {labels.size} labels for {x.shape[0]} images")
    n_classes = model.summary()[-1]["output_shape"][0]
    if labels.min() < 0 or labels.max() >= n_classes:
        raise ValueError(f"label must be in 0..{n_classes - 1}, got {label!r}")
    return x, labels


def gradient_check(model: Model, x, label, param_name: str, index, h: float = 1e-5
                   ) -> GradientCheck:
    """Check one weight's gradient by finite differences.

    model : any Model (float32 or float64); it is copied to float64 and never modified.
    x : one image (C, H, W) / (H, W), or a batch (N, C, H, W), as :meth:`Model.predict_proba`
    takes it. label : the class index (or N of them); the loss is the mean cross-entropy.
    param_name : a key of ``model.parameters()`` (``"conv1.weight"``); index : a flat int or
    a tuple into that parameter's shape. h : the step, > 0 (1e-5 suits float64: truncation
    ~h**2, rounding ~1e-16/h).
    """
    params = model.parameters()
    if param_name not in params:
        raise ValueError(
            f"model {model.name!r} has no parameter {param_name!r}; its parameters are "
            f"{', '.join(params)}"
        )
    shape = params[param_name].shape
    try:
        if isinstance(index, (int, np.integer)) and not isinstance(index, bool):
            if not 0 <= index < int(np.prod(shape)):
                raise IndexError
            idx = tuple(int(i) for i in np.unravel_index(int(index), shape))
        else:
            idx = tuple(int(i) for i in index)
            if len(idx) != len(shape) or any(not 0 <= i < s for i, s in zip(idx, shape)):
                raise IndexError
    except (IndexError, TypeError, ValueError):
        raise ValueError(
            f"index {index!r} is not inside {param_name} of shape {shape} (give a flat index "
            f"0..{int(np.prod(shape)) - 1} or a tuple of {len(shape)} ints)"
        ) from None
    if not (isinstance(h, (int, float, np.floating)) and math.isfinite(h) and h > 0):
        raise ValueError(f"h must be a positive finite number, got {h!r}")
    m = float64_copy(model)
    x, labels = _labels(m, x, label)
    loss, grads = m.loss_and_gradients(x, labels, training=False)
    backprop = float(grads[param_name][idx])
    w = m.parameters()[param_name]
    old = float(w[idx])
    w[idx] = old + h
    plus = m.loss(x, labels)
    w[idx] = old - h
    minus = m.loss(x, labels)
    w[idx] = old
    numeric = (plus - minus) / (2 * h)
    scale = max(abs(backprop), abs(numeric))
    relative = 0.0 if scale == 0 else abs(backprop - numeric) / scale
    return GradientCheck(param_name=param_name, index=idx, weight=old, loss=float(loss),
                         backprop=backprop, numeric=float(numeric), h=float(h),
                         relative=float(relative))


def layer_output_gradient(model: Model, x, label, layer_name: str
                          ) -> tuple[np.ndarray, np.ndarray]:
    """``(dy, y)``: a layer's output y for image(s) x and the gradient of the loss w.r.t. it.

    x, label : as in :func:`gradient_check` (one image gives arrays with a batch axis of 1).
    layer_name : a name in ``model.layers`` ("conv1", "pool1", "fc1", ...).
    Returns dy and y, both of the layer's output shape with the batch axis, (N, C, H, W) or
    (N, D), fresh C-contiguous arrays in the model's dtype. The loss is the mean cross-entropy
    over the N images (so dy carries the 1/N). Runs the model's own layers in inference mode
    (as :meth:`Model.input_gradient` does): use it from the thread that owns the model.
    """
    names = [layer.name for layer in model.layers]
    if layer_name not in names:
        raise ValueError(
            f"model {model.name!r} has no layer {layer_name!r}; its layers are {', '.join(names)}"
        )
    x, labels = _labels(model, x, label)
    at = names.index(layer_name)
    out, y = x, None
    for i, layer in enumerate(model.layers):
        out = layer.forward(out, False)
        if i == at:
            y = np.array(out, copy=True, order="C")
    loss = SoftmaxCrossEntropy()
    loss.forward(out, labels)
    dout = loss.backward()
    for layer in reversed(model.layers[at + 1 :]):
        dout = layer.backward(dout)
    return np.array(dout, copy=True, order="C"), y
