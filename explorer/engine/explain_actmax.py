"""Activation maximisation: the image a filter or a class "wants to see" (no Qt).

Gradient ascent on the input, starting from a grey (or noisy) image, on either

- a filter's mean *pre-activation*: the mean over positions of channel ``channel`` of
  ``layer``'s output (a Conv2D's output is before its ReLU, so a filter that is silent on grey
  still has a gradient); a Dense layer's unit works the same way;
- or a class *logit* (the score before the softmax: maximising a probability can also be done
  by pushing the other classes down, which teaches nothing about the class).

Unregularised ascent gives high-frequency noise that excites the filter but looks like
nothing. Three standard regularisers (Yosinski et al. 2015, Olah et al. 2017) keep the picture
readable: a random shift ("jitter", ``np.roll`` by up to ``jitter`` pixels) before each step,
an L2 decay pulling pixels towards 0 (the background of a digit), and a Gaussian blur every
``blur_every`` steps. Pixels stay in [0, 1]. Each step moves by ``lr`` times the gradient
divided by its root mean square, so ``lr`` is about the change per pixel and per step.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import numpy as np

from .explain_net import (
    backward_from,
    channel_objective,
    channel_scores,
    check_targets,
    forward_to,
    last_conv_layer,
    layer_output_shapes,
)
from .models import Model

__all__ = ["maximise_activation", "maximise_activation_steps", "gaussian_blur"]

STARTS = ("grey", "noise")


def gaussian_blur(images: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur of ``images`` (..., H, W) with standard deviation ``sigma``
    pixels (kernel radius ceil(3 sigma), borders reflected); sigma 0 returns a copy."""
    images = np.asarray(images)
    if sigma <= 0:
        return images.copy()
    radius = max(1, int(np.ceil(3 * sigma)))
    taps = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    taps /= taps.sum()
    out = images.astype(np.float64)
    for axis in (-2, -1):
        size = out.shape[axis]
        pad = [(0, 0)] * out.ndim
        pad[axis] = (radius, radius)
        padded = np.pad(out, pad, mode="reflect" if size > radius else "edge")
        acc = np.zeros_like(out)
        for i, weight in enumerate(taps):
            acc += weight * np.take(padded, np.arange(i, i + size), axis=axis)
        out = acc
    return out.astype(images.dtype, copy=False)


def _resolve(model: Model, layer, channel, target) -> tuple[int, int, str]:
    """``(layer index, channel, description)`` of the objective."""
    if target is not None:
        if layer is not None or channel is not None:
            raise ValueError("give either target= (a class logit) or layer=/channel= (a filter "
                             f"or unit), not both; got target={target!r}, layer={layer!r}, "
                             f"channel={channel!r}")
        t = int(check_targets(model, target, 1)[0])
        return len(model.layers) - 1, t, f"logit of class {t}"
    if channel is None:
        raise ValueError("maximise_activation needs target= (a class) or channel= (a filter of "
                         "layer=, by default the last Conv2D layer)")
    name = last_conv_layer(model) if layer is None else layer
    index, ch = channel_objective(model, name, channel)
    return index, ch, f"mean of {name} channel {ch}"


def _check_settings(steps, lr, l2, blur, blur_every, jitter, start):
    def positive_int(value, what, minimum):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
            raise ValueError(f"maximise_activation {what} must be an int >= {minimum}, "
                             f"got {value!r}")

    positive_int(steps, "steps", 1)
    positive_int(blur_every, "blur_every", 1)
    positive_int(jitter, "jitter", 0)
    for what, value, ok in (("lr", lr, lambda v: v > 0), ("l2", l2, lambda v: 0 <= v < 1),
                            ("blur", blur, lambda v: v >= 0)):
        try:
            v = float(value)
        except (TypeError, ValueError):
            v = float("nan")
        if not (np.isfinite(v) and ok(v)):
            raise ValueError(f"maximise_activation {what} is out of range: got {value!r} "
                             "(lr > 0, 0 <= l2 < 1, blur >= 0 pixels)")
    if start not in STARTS:
        raise ValueError(f"maximise_activation start must be one of {STARTS}, got {start!r}")


def maximise_activation_steps(
    model: Model, *, layer: str | None = None, channel: int | None = None,
    target: int | None = None, steps: int = 200, lr: float = 0.05, seed: int = 0,
    l2: float = 0.01, blur: float = 0.5, blur_every: int = 4, jitter: int = 2,
    start: str = "grey",
) -> Iterator[tuple[int, np.ndarray, float]]:
    """Gradient ascent one step at a time, for live display.

    Yields ``(step, image, objective)`` for step 1..steps: image (C, H, W) in [0, 1] after the
    step (a fresh array), objective the value measured on that step's (jittered) input before
    the update. Arguments as :func:`maximise_activation`.
    """
    index, ch, _ = _resolve(model, layer, channel, target)
    _check_settings(steps, lr, l2, blur, blur_every, jitter, start)
    rng = np.random.default_rng(seed)
    c, h, w = model.input_shape
    if start == "grey":
        x = np.full((1, c, h, w), 0.5, dtype=model.dtype)
    else:
        x = np.clip(0.5 + 0.1 * rng.standard_normal((1, c, h, w)), 0, 1).astype(model.dtype)
    shape = layer_output_shapes(model)[index]
    dscore = np.zeros((1, *shape), dtype=model.dtype)
    dscore[0, ch] = 1.0 / int(np.prod(shape[1:], dtype=np.int64))  # d mean / d activation
    lr, l2, blur = float(lr), float(l2), float(blur)
    for step in range(1, steps + 1):
        dy, dx = (rng.integers(-jitter, jitter + 1, size=2) if jitter else (0, 0))
        shifted = np.roll(x, (int(dy), int(dx)), axis=(2, 3))
        acts = forward_to(model, shifted, index)
        objective = float(channel_scores(acts, ch)[0])
        grad = backward_from(model, dscore, index)
        grad = np.roll(grad, (-int(dy), -int(dx)), axis=(2, 3))
        rms = float(np.sqrt(np.mean(np.square(grad, dtype=np.float64))))
        if rms > 0:
            x = x + (lr / rms) * grad
        x = x * (1.0 - l2)
        if blur > 0 and step % blur_every == 0:
            x = gaussian_blur(x, blur)
        x = np.clip(x, 0.0, 1.0).astype(model.dtype, copy=False)
        yield step, x[0].copy(), objective


def maximise_activation(
    model: Model, *, layer: str | None = None, channel: int | None = None,
    target: int | None = None, steps: int = 200, lr: float = 0.05, seed: int = 0,
    l2: float = 0.01, blur: float = 0.5, blur_every: int = 4, jitter: int = 2,
    start: str = "grey",
) -> np.ndarray:
    """An image (C, H, W) in [0, 1] that excites a filter or a class, by regularised ascent.

    Objective: ``target=k`` maximises the logit of class k; otherwise ``channel`` of ``layer``
    (default: the last Conv2D layer), its mean over positions (a Conv2D's output is the
    pre-activation, before the ReLU); a flat layer's unit is its value.
    steps : gradient steps; lr : change per pixel per step (the gradient is divided by its RMS);
    l2 : decay towards 0 per step (0 <= l2 < 1); blur : Gaussian sigma in pixels applied every
    ``blur_every`` steps (0: none); jitter : the largest random shift in pixels (0: none);
    start : "grey" (all 0.5) or "noise" (0.5 + N(0, 0.1^2)).
    Deterministic per ``seed`` (``np.random.default_rng(seed)`` draws shifts and noise).
    """
    steps_iter = maximise_activation_steps(
        model, layer=layer, channel=channel, target=target, steps=steps, lr=lr, seed=seed,
        l2=l2, blur=blur, blur_every=blur_every, jitter=jitter, start=start,
    )
    (_, image, _), = deque(steps_iter, maxlen=1)  # run to the end, keep the last step
    return image


def objective_value(model: Model, image: np.ndarray, *, layer: str | None = None,
                    channel: int | None = None, target: int | None = None) -> float:
    """The act-max objective of ``image`` (C, H, W) (no jitter): a filter's mean activation or
    a class logit, as :func:`maximise_activation` defines it."""
    index, ch, _ = _resolve(model, layer, channel, target)
    x = np.asarray(image, dtype=model.dtype)[None]
    return float(channel_scores(forward_to(model, x, index), ch)[0])
