"""Layer-by-layer passes for :mod:`explorer.engine.explain`: gradients of a logit (or of a
filter's activation) with respect to the input or to any layer's output, feature vectors.

The passes call each layer's ``forward(x, training=False)`` and ``backward(dout)`` directly
(never the fused fast path, whose layers keep no per-layer state), so the gradient of any
output with respect to any layer's output is available without changing :class:`Model`.
"""

from __future__ import annotations

import numpy as np

from .layers import Conv2D, Dense
from .messages import MessageError
from .models import Model

__all__ = [
    "check_images",
    "check_targets",
    "layer_index",
    "layer_output_shapes",
    "default_cam_layer",
    "forward_to",
    "backward_from",
    "activation_and_gradient",
    "logit_gradient",
    "feature_vectors",
    "top_activating",
]


def check_images(model: Model, images, what: str = "images") -> np.ndarray:
    """``images`` as a (N, C, H, W) batch in the model's dtype (floats in [0, 1] or uint8
    0..255 as :meth:`Model.predict_proba` takes them); ValueError naming ``what`` otherwise."""
    try:
        return model._as_batch(images, check_range=True)
    except ValueError as exc:
        raise ValueError(f"{what}: {exc}") from None


def n_classes(model: Model) -> int:
    """The number of logits the model outputs."""
    return int(layer_output_shapes(model)[-1][0])


def check_targets(model: Model, targets, n: int, what: str = "target") -> np.ndarray:
    """Class indices (n,) int64 from one int or a sequence of n ints in [0, classes);
    ValueError naming ``what`` ("target", "labels") otherwise."""
    k = n_classes(model)
    t = np.asarray(targets)
    if t.dtype.kind not in "iu" or t.ndim > 1:
        raise ValueError(f"{what} must be a class index (an int in 0..{k - 1}) or an array of "
                         f"them, got {targets!r}")
    t = np.broadcast_to(t.astype(np.int64), (n,)) if t.ndim == 0 else t.astype(np.int64)
    if t.shape != (n,):
        raise ValueError(f"got {t.shape[0]} {what} values for {n} images")
    if t.size and (t.min() < 0 or t.max() >= k):
        bad = int(t[(t < 0) | (t >= k)][0])
        raise ValueError(f"{what} {bad} is not a class of {model.name}: classes are "
                         f"0..{k - 1}")
    return np.ascontiguousarray(t)


def check_batch_size(batch_size) -> int:
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or (
        batch_size < 1
    ):
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    return int(batch_size)


def layer_output_shapes(model: Model) -> list[tuple]:
    """Each layer's output shape without the batch axis, (C, H, W) or (D,), in order."""
    shapes, shape = [], tuple(model.input_shape)
    for layer in model.layers:
        shape = tuple(layer.output_shape(shape))
        shapes.append(shape)
    return shapes


def layer_index(model: Model, name) -> int:
    """The position of the layer called ``name`` in ``model.layers``; ValueError listing the
    names when there is none."""
    for i, layer in enumerate(model.layers):
        if layer.name == name:
            return i
    names = ", ".join(layer.name for layer in model.layers)
    raise MessageError("model_has_no_layer", model.name, repr(name), names)


def default_cam_layer(model: Model) -> str:
    """The last layer whose output has spatial extent (C, h, w) with h*w > 1 (Grad-CAM's
    default: the most semantic maps that still say *where*)."""
    for layer, shape in zip(reversed(model.layers), reversed(layer_output_shapes(model))):
        if len(shape) == 3 and shape[1] * shape[2] > 1:
            return layer.name
    raise MessageError("cam_no_spatial_layer", model.name)


def forward_to(model: Model, x: np.ndarray, stop: int) -> np.ndarray:
    """Run layers ``0..stop`` (inclusive) in inference mode on a checked batch x (N, C, H, W);
    returns layer ``stop``'s output (x itself for stop = -1)."""
    for layer in model.layers[: stop + 1]:
        x = layer.forward(x, False)
    return x


def backward_from(model: Model, dout: np.ndarray, top: int, stop: int = -1) -> np.ndarray:
    """Backpropagate ``dout`` (the gradient of layer ``top``'s output) down to the output of
    layer ``stop`` (-1: the input image), after a :func:`forward_to` reaching ``top``."""
    for layer in model.layers[stop + 1 : top + 1][::-1]:
        dout = layer.backward(dout)
    return dout


def activation_and_gradient(model: Model, images, targets, layer: str | None = None):
    """``(A, d sum_n logit[n, target_n] / d A)`` with A the output of ``layer``.

    images : (N, C, H, W) in [0, 1]; targets : (N,) class indices (or one int). layer None
    means the input itself: then A is the (checked) images and the gradient is the input
    gradient (N, C, H, W). Images do not interact, so row n of the gradient is the gradient of
    image n's own target logit. Both arrays have the layer's output shape with the batch axis.
    """
    x = check_images(model, images, "images")
    t = check_targets(model, targets, x.shape[0])
    stop = -1 if layer is None else layer_index(model, layer)
    return logit_gradient(model, x, t, stop)


def logit_gradient(model: Model, x: np.ndarray, t: np.ndarray, stop: int):
    """:func:`activation_and_gradient` on an already checked batch x (N, C, H, W) (its pixels
    may leave [0, 1], e.g. SmoothGrad's noisy copies) and targets t (N,), at layer ``stop``."""
    top = len(model.layers) - 1
    acts = forward_to(model, x, stop)
    logits = forward_to_rest(model, acts, stop)
    dlogits = np.zeros_like(logits)
    dlogits[np.arange(len(t)), t] = 1
    grad = backward_from(model, dlogits, top, stop)
    return np.array(acts, copy=True, order="C"), np.ascontiguousarray(grad)


def forward_to_rest(model: Model, acts: np.ndarray, stop: int) -> np.ndarray:
    """Run layers ``stop + 1 ..`` on ``acts`` (layer ``stop``'s output): the logits (N, K)."""
    for layer in model.layers[stop + 1 :]:
        acts = layer.forward(acts, False)
    return acts


def _default_feature_index(model: Model) -> int:
    """The layer whose output feeds the last Dense layer (-1: the input image)."""
    for i in range(len(model.layers) - 1, -1, -1):
        if isinstance(model.layers[i], Dense):
            return i - 1
    raise ValueError(f"{model.name} has no Dense layer: name the layer to take features from")


def feature_vectors(model: Model, images, layer: str | None = None,
                    batch_size: int = 256) -> np.ndarray:
    """Each image's activations at ``layer``, flattened: (N, D) in the model's dtype.

    images : (N, C, H, W) in [0, 1] (or uint8). layer None is the penultimate layer: the input
    of the last Dense layer (e.g. LeNet-5's 84 values after fc2's ReLU), the features the
    classifier separates linearly. Runs in slices of ``batch_size`` images.
    """
    batch_size = check_batch_size(batch_size)
    x = check_images(model, images, "images")
    stop = _default_feature_index(model) if layer is None else layer_index(model, layer)
    shape = tuple(model.input_shape) if stop < 0 else layer_output_shapes(model)[stop]
    out = np.empty((x.shape[0], int(np.prod(shape))), dtype=model.dtype)
    for i in range(0, x.shape[0], batch_size):
        part = forward_to(model, x[i : i + batch_size], stop)
        out[i : i + len(part)] = part.reshape(len(part), -1)
    return out


def channel_objective(model: Model, layer: str, channel) -> tuple[int, int]:
    """Check that ``channel`` is a channel (or unit) of ``layer``; ``(layer index, channel)``."""
    index = layer_index(model, layer)
    shape = layer_output_shapes(model)[index]
    if isinstance(channel, bool) or not isinstance(channel, (int, np.integer)) or not (
        0 <= channel < shape[0]
    ):
        raise ValueError(f"{model.name} layer {layer!r} outputs {tuple(shape)}: channel must be "
                         f"an int in 0..{shape[0] - 1}, got {channel!r}")
    return index, int(channel)


def channel_scores(acts: np.ndarray, channel: int) -> np.ndarray:
    """(N,) the mean of channel ``channel`` of acts (N, C, h, w), or unit ``channel`` of (N, D)."""
    a = acts[:, channel]
    return a.reshape(len(a), -1).mean(axis=1, dtype=np.float64)


def last_conv_layer(model: Model) -> str:
    """The name of the model's last Conv2D layer (act-max's default layer)."""
    for layer in reversed(model.layers):
        if isinstance(layer, Conv2D):
            return layer.name
    raise ValueError(f"{model.name} has no Conv2D layer: name the layer to visualise")


def top_activating(model: Model, images, layer: str, channel: int, k: int = 9,
                   batch_size: int = 256) -> np.ndarray:
    """Indices (k,) of the images whose mean activation of ``channel`` at ``layer`` is largest,
    highest first (ties: the lower index first); fewer when there are fewer images.

    images : (N, C, H, W) in [0, 1] (or uint8); for a flat layer (D,) the channel is a unit.
    """
    index, channel = channel_objective(model, layer, channel)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"top_activating k must be a positive int, got {k!r}")
    batch_size = check_batch_size(batch_size)
    x = check_images(model, images, "images")
    scores = np.empty(x.shape[0])
    for i in range(0, x.shape[0], batch_size):
        part = forward_to(model, x[i : i + batch_size], index)
        scores[i : i + len(part)] = channel_scores(part, channel)
    return np.argsort(-scores, kind="stable")[: int(k)]
