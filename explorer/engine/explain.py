"""What the network learned: saliency, Grad-CAM, feature visualisation, embeddings (no Qt).

Every function takes a :class:`~explorer.engine.models.Model` and runs its layers one by one
(``layer.forward(x, False)`` then ``layer.backward(dout)``), so it works on every architecture
the app offers and needs nothing from the model beyond its layer objects. Gradients are taken
of a *logit* (the class score before the softmax), never of a probability: a softmax output
saturates near 1 and its gradient then says little about the image.

- :func:`saliency`, :func:`smoothgrad`: ``|d logit / d pixel|`` (Simonyan et al. 2014) and its
  average over noisy copies (Smilkov et al. 2017).
- :func:`grad_cam`: Grad-CAM (Selvaraju et al. 2017) at a layer with spatial extent.
- :func:`maximise_activation` / :func:`maximise_activation_steps`: regularised gradient ascent
  on a filter's mean pre-activation or a class logit (Erhan et al. 2009, Olah et al. 2017).
- :func:`top_activating`, :func:`feature_vectors`: the images a filter likes most; the
  penultimate layer's vectors, which :func:`embed` maps to 2-D (PCA or t-SNE) and
  :func:`nearest` searches (see :mod:`explorer.engine.explain_embed`).
- :func:`randomised_copy`, :func:`deletion_score`: sanity checks of a map (Adebayo et al.
  2018; the deletion test of Petsiuk et al. 2018).

Images are ``(N, C, H, W)`` floats in [0, 1] (or uint8 0..255), as :meth:`Model.predict_proba`
takes them; one image is ``(1, C, H, W)`` (``(H, W)`` is accepted for one channel). A model
is used from one thread at a time: these functions leave what backward needs on its layers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .explain_actmax import maximise_activation, maximise_activation_steps
from .explain_embed import EmbeddingCancelled, PCAMap, TSNEMap, embed, nearest
from .explain_net import (
    activation_and_gradient,
    check_images,
    check_targets,
    default_cam_layer,
    feature_vectors,
    layer_index,
    layer_output_shapes,
    logit_gradient,
    top_activating,
)
from .messages import MessageError
from .models import Model, model_from_spec

__all__ = [
    "saliency",
    "saliency_maps",
    "smoothgrad",
    "GradCam",
    "grad_cam",
    "grad_cam_maps",
    "default_cam_layer",
    "upsample_bilinear",
    "activation_and_gradient",
    "logit_gradient",
    "maximise_activation",
    "maximise_activation_steps",
    "top_activating",
    "feature_vectors",
    "embed",
    "nearest",
    "PCAMap",
    "TSNEMap",
    "EmbeddingCancelled",
    "parameterised_layers",
    "randomised_copy",
    "DeletionScore",
    "deletion_score",
]


# ----------------------------------------------------------------------------------------------
# Saliency
# ----------------------------------------------------------------------------------------------


def _one_image(model: Model, x, what: str) -> np.ndarray:
    """x as a (1, C, H, W) batch; ValueError for a batch of several images."""
    x = check_images(model, x, "x")
    if x.shape[0] != 1:
        raise ValueError(f"{what} takes one image (1, C, H, W), got a batch of {x.shape[0]} "
                         f"images (shape {x.shape})")
    return x


def saliency_maps(model: Model, images, targets) -> np.ndarray:
    """``|d logit_target / d input|``, maximum over channels, for a batch.

    images : (N, C, H, W) in [0, 1] (or uint8); targets : (N,) class indices (or one int for
    all). Returns (N, H, W) float (the model's dtype), not rescaled: compare images with it.
    """
    x = check_images(model, images, "images")
    t = check_targets(model, targets, x.shape[0])
    _, grad = logit_gradient(model, x, t, -1)
    return np.abs(grad).max(axis=1)


def saliency(model: Model, x, target: int) -> np.ndarray:
    """Vanilla-gradient saliency of one image: ``|d logit_target / d x|`` (H, W).

    x : (1, C, H, W) (or (H, W) for one channel) in [0, 1]; target : the class whose logit
    (the score before the softmax) is differentiated. The maximum over channels is taken.
    For a linear model (one Dense layer) this is ``|weight[:, target]|`` reshaped to the image.
    """
    return saliency_maps(model, _one_image(model, x, "saliency"), target)[0]


def smoothgrad(model: Model, x, target: int, *, noise: float = 0.15, n: int = 25,
               seed: int = 0) -> np.ndarray:
    """SmoothGrad: the saliency averaged over ``n`` noisy copies of one image, (H, W).

    Each copy is ``x + N(0, noise**2)`` (``noise`` is a fraction of the pixel range [0, 1];
    the copies are not clipped, as in the paper); the gradients of the target logit are
    averaged, then the absolute value is taken and the maximum over channels. Deterministic
    per ``seed`` (``np.random.default_rng(seed)`` draws the noise).
    """
    x = _one_image(model, x, "smoothgrad")
    t = check_targets(model, target, 1)
    try:
        noise_f = float(noise)
    except (TypeError, ValueError):
        noise_f = float("nan")
    if not (np.isfinite(noise_f) and noise_f >= 0):
        raise ValueError(f"smoothgrad noise must be a number >= 0, got {noise!r}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= 10_000:
        raise ValueError(f"smoothgrad n (number of noisy copies) must be an int in 1..10000, "
                         f"got {n!r}")
    rng = np.random.default_rng(seed)
    total = np.zeros(x.shape[1:], dtype=np.float64)
    chunk = 64
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        noisy = x + (rng.standard_normal((m, *x.shape[1:])) * noise_f).astype(x.dtype)
        _, grad = logit_gradient(model, noisy, np.repeat(t, m), -1)
        total += grad.sum(axis=0, dtype=np.float64)
    return np.abs(total / n).max(axis=0).astype(x.dtype)


# ----------------------------------------------------------------------------------------------
# Grad-CAM
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GradCam:
    """A Grad-CAM map of one image.

    map : (H, W) in [0, 1], the class-activation map upsampled (bilinear) to the input size
        and divided by its maximum (all zeros when nothing is positive).
    raw_max : the unscaled maximum of the low-resolution map (0 when nothing is positive):
        show it next to ``map`` so that a weak map is not read as a confident one.
    layer : the name of the layer whose output was used.
    low_res : (h, w) the unscaled map at that layer's resolution (ReLU applied).
    weights : (K,) the channel weights, the spatial mean of d logit / d activation.
    """

    map: np.ndarray
    raw_max: float
    layer: str
    low_res: np.ndarray
    weights: np.ndarray


def upsample_bilinear(maps: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Bilinear resize of ``maps`` (..., h, w) to (..., H, W) with half-pixel centres.

    The convention of ``torch.nn.functional.interpolate(mode="bilinear",
    align_corners=False)`` and OpenCV: output pixel ``o`` samples the input at
    ``(o + 0.5) * h / H - 0.5`` (clamped at the borders).
    """
    maps = np.asarray(maps)
    out_h, out_w = int(size[0]), int(size[1])
    wy = _interp_matrix(maps.shape[-2], out_h)
    wx = _interp_matrix(maps.shape[-1], out_w)
    return (wy @ maps @ wx.T).astype(maps.dtype, copy=False)


def _interp_matrix(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) linear-interpolation weights along one axis (half-pixel centres)."""
    src = (np.arange(n_out) + 0.5) * (n_in / n_out) - 0.5
    src = np.clip(src, 0.0, n_in - 1)
    i0 = np.floor(src).astype(int)
    i1 = np.minimum(i0 + 1, n_in - 1)
    frac = src - i0
    m = np.zeros((n_out, n_in))
    rows = np.arange(n_out)
    np.add.at(m, (rows, i0), 1.0 - frac)
    np.add.at(m, (rows, i1), frac)
    return m


def grad_cam_maps(model: Model, images, targets, layer: str | None = None):
    """Grad-CAM of a batch: ``(maps (N, H, W) in [0, 1], raw_max (N,), low_res (N, h, w),
    weights (N, K), layer name)``; see :func:`grad_cam`."""
    x = check_images(model, images, "images")
    t = check_targets(model, targets, x.shape[0])
    name = default_cam_layer(model) if layer is None else layer
    index = layer_index(model, name)
    shape = layer_output_shapes(model)[index]
    if len(shape) != 3 or shape[1] * shape[2] <= 1:
        raise MessageError("cam_needs_spatial_layer", model.name, repr(name), tuple(shape))
    acts, grads = logit_gradient(model, x, t, index)
    acts = acts.astype(np.float64)
    weights = grads.astype(np.float64).mean(axis=(2, 3))  # (N, K)
    low = np.maximum(np.einsum("nk,nkhw->nhw", weights, acts), 0.0)
    raw_max = low.reshape(len(low), -1).max(axis=1)
    up = upsample_bilinear(low, x.shape[2:])
    peak = up.reshape(len(up), -1).max(axis=1)
    scale = np.divide(1.0, peak, out=np.zeros_like(peak), where=peak > 0)
    maps = np.clip(up * scale[:, None, None], 0.0, 1.0)
    return maps, np.where(peak > 0, raw_max, 0.0), low, weights, name


def grad_cam(model: Model, x, target: int, layer: str | None = None) -> GradCam:
    """Grad-CAM of one image for class ``target`` at ``layer``'s output.

    x : (1, C, H, W) in [0, 1]. layer : a layer name whose output is (K, h, w) with h*w > 1
    (default: the last such layer, see :func:`default_cam_layer`). With A (K, h, w) that
    output and g = d logit_target / d A, the weights are ``w_k = mean(g_k)`` and the map is
    ``ReLU(sum_k w_k A_k)``, upsampled bilinearly to (H, W) and divided by its maximum. A map
    with no positive value is all zeros with ``raw_max`` 0 (nothing is divided by zero).
    """
    x = _one_image(model, x, "grad_cam")
    maps, raw_max, low, weights, name = grad_cam_maps(model, x, target, layer)
    return GradCam(map=maps[0], raw_max=float(raw_max[0]), layer=name, low_res=low[0],
                   weights=weights[0])


# ----------------------------------------------------------------------------------------------
# Sanity checks
# ----------------------------------------------------------------------------------------------


def parameterised_layers(model: Model) -> list[str]:
    """Names of the model's layers that hold parameters, from the top (output) down: the
    order in which a cascading randomisation re-initialises them."""
    return [layer.name for layer in reversed(model.layers) if layer.params]


def randomised_copy(model: Model, seed: int, *, top: int | None = None) -> Model:
    """A copy of ``model`` with re-initialised weights (the model-randomisation sanity check).

    top : None re-initialises every layer at once; ``k`` re-initialises only the ``k``
        parameterised layers nearest the output (a cascade: 1, 2, ... ``len(parameterised_
        layers(model))``), keeping the trained weights below them.
    The new weights come from the architecture's own initialiser with ``seed``; buffers of the
    re-initialised layers are reset too. ``metadata["randomised_layers"]`` lists them. A
    saliency or Grad-CAM map that does not change on such a copy does not explain the model.
    """
    names = parameterised_layers(model)
    if top is None:
        chosen = names
    else:
        if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or not (
            1 <= top <= len(names)
        ):
            raise ValueError(
                f"randomised_copy top must be an int in 1..{len(names)} (the {model.name} "
                f"layers with weights: {', '.join(names)}), got {top!r}"
            )
        chosen = names[: int(top)]
    fresh = model_from_spec(model.spec, seed=seed, dtype=model.dtype)
    clone = model.copy()
    chosen_set = set(chosen)
    for store, new in ((clone.parameters(), fresh.parameters()),
                       (clone.buffers(), fresh.buffers())):
        for key, value in store.items():
            if key.split(".", 1)[0] in chosen_set:
                value[...] = new[key]
    clone.metadata["randomised_layers"] = list(chosen)
    return clone


@dataclass(frozen=True)
class DeletionScore:
    """The deletion test: how much the class probability drops when pixels are removed.

    n : images; fraction : the share of pixels set to 0 in each image; pixels : how many.
    base : (N,) probability of the given label on the intact images; top : (N,) after removing
    the map's highest pixels; random : (N,) after removing as many random pixels.
    top_drop, random_drop : the mean drops ``mean(base - top)``, ``mean(base - random)``.
    A map that points at what the model uses has ``top_drop`` well above ``random_drop``.
    """

    n: int
    fraction: float
    pixels: int
    base: np.ndarray
    top: np.ndarray
    random: np.ndarray
    top_drop: float
    random_drop: float


def deletion_score(model: Model, images, labels, maps, fraction: float = 0.2,
                   seed: int = 0) -> DeletionScore:
    """Remove (set to 0) the top ``fraction`` of each map's pixels vs a random ``fraction``.

    images : (N, C, H, W) in [0, 1] (or uint8); labels : (N,) the classes whose probability
    is followed; maps : (N, H, W) importance per pixel (higher = more important; ties go to
    the first pixel in row order). Deterministic per ``seed`` (the random pixels).
    """
    x = check_images(model, images, "images")
    n, c, h, w = x.shape
    t = check_targets(model, labels, n, "labels")
    maps = np.asarray(maps)
    if maps.shape != (n, h, w):
        raise ValueError(f"deletion_score maps must have shape {(n, h, w)} (one map per image),"
                         f" got {maps.shape}")
    if not np.all(np.isfinite(maps)):
        raise ValueError("deletion_score maps contain NaN or infinite values")
    try:
        frac = float(fraction)
    except (TypeError, ValueError):
        frac = float("nan")
    if not 0.0 < frac < 1.0:
        raise ValueError(f"deletion_score fraction must be in (0, 1), got {fraction!r}")
    count = max(1, int(round(frac * h * w)))
    rng = np.random.default_rng(seed)
    order = np.argsort(-maps.reshape(n, -1), axis=1, kind="stable")[:, :count]
    rand = np.stack([rng.choice(h * w, size=count, replace=False) for _ in range(n)])
    rows = np.arange(n)[:, None]

    def removed(idx):
        out = x.reshape(n, c, h * w).copy()
        out[rows, :, idx] = 0  # (n, count, c) fancy-indexed block: every channel of a pixel
        return out.reshape(x.shape)

    base = model.predict_proba(x)[np.arange(n), t]
    top = model.predict_proba(removed(order))[np.arange(n), t]
    random = model.predict_proba(removed(rand))[np.arange(n), t]
    return DeletionScore(n=n, fraction=frac, pixels=count, base=base, top=top, random=random,
                         top_drop=float(np.mean(base - top)),
                         random_drop=float(np.mean(base - random)))
