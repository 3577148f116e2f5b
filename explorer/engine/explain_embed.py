"""Maps of feature vectors in 2-D (PCA, t-SNE) and nearest-neighbour search (no Qt).

``embed(features, "pca")`` is NumPy's SVD with fixed signs; ``embed(features, "tsne")`` uses
openTSNE (Poličar et al. 2024), whose embeddings can place *new* points into an existing map
(``transform``): the live drawing lands among the digits that look like it without moving them.
Both results have ``points`` (N, 2) and ``transform(new_features) -> (M, 2)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .messages import MessageError

__all__ = ["PCAMap", "TSNEMap", "EmbeddingCancelled", "embed", "nearest", "check_features"]

METHODS = ("pca", "tsne")
TSNE_OPTIONS = {"perplexity", "n_iter", "early_exaggeration_iter", "progress", "cancelled",
                "every"}


class EmbeddingCancelled(Exception):
    """Raised by :func:`embed` when its ``cancelled`` callable returned True."""


def check_features(features, what: str = "features", min_rows: int = 1) -> np.ndarray:
    """``features`` as a finite float64 (N, D) array; ValueError naming ``what`` otherwise."""
    f = np.asarray(features)
    if f.dtype.kind not in "iuf" or f.ndim != 2:
        raise ValueError(f"{what} must be a 2-D array of numbers (N, D), got shape {f.shape} "
                         f"dtype {f.dtype}")
    if f.shape[0] < min_rows or f.shape[1] < 1:
        raise ValueError(f"{what} needs at least {min_rows} rows and 1 column, got shape "
                         f"{f.shape}")
    f = f.astype(np.float64)
    if not np.all(np.isfinite(f)):
        raise ValueError(f"{what} contain NaN or infinite values")
    return f


@dataclass(frozen=True)
class PCAMap:
    """A principal-component map.

    mean : (D,); components : (k, D) orthonormal rows, each signed so that its entry of
    largest magnitude is positive (the same data always gives the same picture);
    explained_variance_ratio : (k,); points : (N, k) the projected training features.
    """

    mean: np.ndarray
    components: np.ndarray
    explained_variance_ratio: np.ndarray
    points: np.ndarray

    def transform(self, features) -> np.ndarray:
        """Project new features (M, D) onto the components: (M, k)."""
        f = check_features(features, "features to place")
        if f.shape[1] != self.mean.shape[0]:
            raise ValueError(f"features to place have {f.shape[1]} columns; the map was made "
                             f"from {self.mean.shape[0]}")
        return (f - self.mean) @ self.components.T


def pca(features, n_components: int = 2) -> PCAMap:
    """PCA by SVD of the centred features (N, D); see :class:`PCAMap`."""
    f = check_features(features, min_rows=2)
    k = n_components
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= min(f.shape):
        raise ValueError(f"n_components must be an int in 1..{min(f.shape)} for features of "
                         f"shape {f.shape}, got {n_components!r}")
    mean = f.mean(axis=0)
    centred = f - mean
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    comps = vt[:k].copy()
    signs = np.sign(comps[np.arange(k), np.argmax(np.abs(comps), axis=1)])
    comps *= np.where(signs == 0, 1.0, signs)[:, None]
    var = s**2
    total = var.sum()
    ratio = var[:k] / total if total > 0 else np.zeros(k)
    return PCAMap(mean=mean, components=comps, explained_variance_ratio=ratio,
                  points=centred @ comps.T)


class TSNEMap:
    """A t-SNE map made by openTSNE.

    points : (N, 2) the embedded training features; ``transform(features)`` places new points
    (M, D) into the existing map (M, 2) without moving the old ones (openTSNE's
    ``TSNEEmbedding.transform``); ``embedding`` is openTSNE's object.
    """

    def __init__(self, embedding, n_features: int):
        self.embedding = embedding
        self.points = np.asarray(embedding, dtype=np.float64).copy()
        self._n_features = n_features

    def transform(self, features, **kwargs) -> np.ndarray:
        """Place new features (M, D) into the map: (M, 2); keyword arguments go to openTSNE."""
        f = check_features(features, "features to place")
        if f.shape[1] != self._n_features:
            raise ValueError(f"features to place have {f.shape[1]} columns; the map was made "
                             f"from {self._n_features}")
        return np.asarray(self.embedding.transform(f, **kwargs), dtype=np.float64).copy()

    def __repr__(self) -> str:
        return f"TSNEMap({len(self.points)} points)"


class _Progress:
    """openTSNE callback: reports overall progress and stops when cancelled."""

    def __init__(self, phases, progress, cancelled):
        self.phases = phases  # iterations per optimisation phase
        self.phase = -1
        self.progress = progress
        self.cancelled = cancelled
        self.was_cancelled = False

    def optimization_about_to_start(self):
        self.phase += 1

    def __call__(self, iteration, error, embedding):
        done = sum(self.phases[: max(self.phase, 0)]) + iteration
        if self.progress is not None:
            self.progress(int(done), int(sum(self.phases)), float(error))
        if self.cancelled is not None and self.cancelled():
            self.was_cancelled = True
            return True
        return False


def tsne(features, seed: int = 0, *, perplexity: float = 30.0, n_iter: int = 500,
         early_exaggeration_iter: int = 250, progress: Callable | None = None,
         cancelled: Callable[[], bool] | None = None, every: int = 25) -> TSNEMap:
    """t-SNE of features (N, D) with openTSNE (one thread, ``random_state=seed``).

    perplexity is lowered to (N - 1) / 3 for small N. progress(done, total, kl) is called
    every ``every`` iterations; when ``cancelled()`` returns True the run stops and
    :class:`EmbeddingCancelled` is raised.
    """
    f = check_features(features, min_rows=4)
    for what, value in (("n_iter", n_iter), ("early_exaggeration_iter", early_exaggeration_iter),
                        ("every", every)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"t-SNE {what} must be a positive int, got {value!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not (
        0 <= seed < 2**32
    ):
        raise ValueError(f"t-SNE seed must be an int in 0..2**32-1 (the same seed gives the "
                         f"same map), got {seed!r}")
    try:
        perp = float(perplexity)
    except (TypeError, ValueError):
        perp = float("nan")
    if not (np.isfinite(perp) and perp > 0):
        raise ValueError(f"t-SNE perplexity must be a positive number, got {perplexity!r}")
    perp = min(perp, (f.shape[0] - 1) / 3)
    if np.all(f == f[0]):   # openTSNE's PCA start would divide by a zero variance
        raise MessageError("features_all_equal", f.shape[0])
    import openTSNE  # imported here: loading it takes a moment and only t-SNE needs it

    hook = _Progress([early_exaggeration_iter, n_iter], progress, cancelled)
    model = openTSNE.TSNE(
        n_components=2, perplexity=perp, n_iter=n_iter,
        early_exaggeration_iter=early_exaggeration_iter, n_jobs=1, random_state=int(seed),
        callbacks=[hook], callbacks_every_iters=every, verbose=False,
    )
    embedding = model.fit(f)
    if hook.was_cancelled:
        raise EmbeddingCancelled("t-SNE was cancelled")
    return TSNEMap(embedding, f.shape[1])


def embed(features, method: str = "pca", seed: int = 0, **kwargs):
    """A 2-D map of features (N, D): ``"pca"`` -> :class:`PCAMap`, ``"tsne"`` ->
    :class:`TSNEMap` (keyword arguments of :func:`tsne`: perplexity, n_iter, progress,
    cancelled, ...). Both have ``points`` (N, 2) and ``transform(new) -> (M, 2)``. PCA does not
    use ``seed`` (it is exact)."""
    if method == "pca":
        if kwargs:
            raise ValueError(f"PCA takes no options, got {', '.join(sorted(kwargs))}")
        return pca(features, 2)
    if method == "tsne":
        unknown = sorted(set(kwargs) - TSNE_OPTIONS)
        if unknown:
            raise ValueError(f"unknown t-SNE option(s) {', '.join(unknown)}; options: "
                             f"{', '.join(sorted(TSNE_OPTIONS))}")
        return tsne(features, seed, **kwargs)
    raise ValueError(f"unknown embedding method {method!r}; choose one of {', '.join(METHODS)}")


def nearest(features, query, k: int = 5) -> np.ndarray:
    """Indices of the ``k`` rows of features (N, D) closest to query (Euclidean), nearest
    first (ties: lower index first). query (D,) -> (k,); query (M, D) -> (M, k)."""
    f = check_features(features)
    q = np.asarray(query)
    single = q.ndim == 1
    q = check_features(q[None] if single else q, "query")
    if q.shape[1] != f.shape[1]:
        raise ValueError(f"query has {q.shape[1]} values per row; features have {f.shape[1]}")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= len(f):
        raise ValueError(f"k must be an int in 1..{len(f)} (the number of features), got {k!r}")
    d2 = (q * q).sum(1)[:, None] - 2 * q @ f.T + (f * f).sum(1)[None, :]
    order = np.argsort(d2, axis=1, kind="stable")[:, : int(k)]
    return order[0] if single else order
