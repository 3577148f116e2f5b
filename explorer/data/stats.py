"""What the data browser shows about a set of images: counts, mean images, pixel statistics.

All functions take ``(N, 28, 28) uint8`` images (0-255) and ``(N,) uint8`` labels and work
in chunks, so 60,000 images never become a 60,000-image float array.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["PixelStats", "class_counts", "dataset_statistics", "mean_images", "pixel_statistics",
           "samples_of_class"]

_CHUNK = 4096


def class_counts(labels: np.ndarray, n_classes: int = 10) -> np.ndarray:
    """How many samples carry each label: ``(n_classes,) int64``."""
    labels = np.asarray(labels)
    return np.bincount(labels.astype(np.intp, copy=False), minlength=n_classes)[:n_classes]


def mean_images(images: np.ndarray, labels: np.ndarray, n_classes: int = 10) -> np.ndarray:
    """The average image of each class, ``(n_classes, H, W) float32`` in ``[0, 1]`` (colour
    images ``(N, H, W, 3)`` give ``(n_classes, H, W, 3)``).

    A class without samples gets an all-zero image.
    """
    images = np.asarray(images)
    labels = np.asarray(labels)
    if len(images) != len(labels):
        raise ValueError(f"{len(images)} images but {len(labels)} labels")
    sums = np.zeros((n_classes,) + images.shape[1:], dtype=np.float64)
    for start in range(0, len(images), _CHUNK):
        chunk, chunk_labels = images[start:start + _CHUNK], labels[start:start + _CHUNK]
        for c in range(n_classes):
            sums[c] += chunk[chunk_labels == c].sum(axis=0, dtype=np.int64)
    counts = class_counts(labels, n_classes).astype(np.float64)
    means = sums / np.maximum(counts, 1).reshape((-1,) + (1,) * (images.ndim - 1)) / 255.0
    return means.astype(np.float32)


@dataclass(frozen=True)
class PixelStats:
    """Statistics of every pixel of a set of images, on the 0-1 scale the networks see.

    ``histogram`` is ``(bins,) int64`` counts over ``[0, 1]``; ``zero_fraction`` is the share
    of pixels that are exactly 0 (background).
    """

    n_images: int
    mean: float
    std: float
    minimum: float
    maximum: float
    zero_fraction: float
    histogram: np.ndarray
    bin_edges: np.ndarray

    def __repr__(self) -> str:
        return (
            f"PixelStats({self.n_images} images, mean={self.mean:.3f}, std={self.std:.3f}, "
            f"range=[{self.minimum:.2f}, {self.maximum:.2f}], zeros={self.zero_fraction:.1%})"
        )


def pixel_statistics(images: np.ndarray, bins: int = 32) -> PixelStats:
    """Mean, standard deviation, range, share of zeros and a histogram of all pixels.

    ``images`` is ``(N, H, W) uint8``; values are reported divided by 255.
    """
    images = np.asarray(images)
    if images.dtype != np.uint8:
        raise ValueError(f"pixel_statistics expects uint8 images, got {images.dtype}")
    if len(images) == 0:
        raise ValueError("pixel_statistics needs at least one image")
    # uint8 has 256 values: count each once, then every statistic is exact and cheap.
    value_counts = np.zeros(256, dtype=np.int64)
    for start in range(0, len(images), _CHUNK):
        value_counts += np.bincount(images[start:start + _CHUNK].ravel(), minlength=256)
    values = np.arange(256, dtype=np.float64) / 255.0
    total = value_counts.sum()
    mean = float((value_counts * values).sum() / total)
    var = float((value_counts * (values - mean) ** 2).sum() / total)
    present = np.nonzero(value_counts)[0]
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.minimum((values * bins).astype(np.intp), bins - 1)
    histogram = np.bincount(which, weights=value_counts, minlength=bins).astype(np.int64)
    return PixelStats(
        n_images=len(images),
        mean=mean,
        std=var ** 0.5,
        minimum=float(values[present[0]]),
        maximum=float(values[present[-1]]),
        zero_fraction=float(value_counts[0] / total),
        histogram=histogram,
        bin_edges=edges,
    )


def samples_of_class(labels: np.ndarray, label: int | None, count: int, *,
                     rng: np.random.Generator | None = None, start: int = 0) -> np.ndarray:
    """Indices of up to ``count`` samples to show, ``(k,) int64``.

    ``label=None`` takes every class. With ``rng`` the indices are a random choice (a fresh
    look at the set); ``start`` pages through them in order instead when ``rng`` is None.
    """
    labels = np.asarray(labels)
    pool = np.arange(len(labels)) if label is None else np.flatnonzero(labels == label)
    if rng is None:
        return pool[start:start + count]
    if len(pool) <= count:
        return pool
    return np.sort(rng.choice(pool, size=count, replace=False))


def dataset_statistics(dataset) -> dict:
    """What the data browser shows for both splits of an `explorer.data.Dataset`:
    ``{"train"|"test": {"counts": (10,) int64, "means": (10, 28, 28) float32 in [0, 1],
    "pixels": PixelStats}}``."""
    out = {}
    for split in ("train", "test"):
        images, labels = dataset.split(split)
        out[split] = {
            "counts": class_counts(labels),
            "means": mean_images(images, labels),
            "pixels": pixel_statistics(images),
        }
    return out
