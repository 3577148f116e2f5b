"""Random distortions of training digits, vectorised over a batch.

Scanned MNIST digits are neat; digits drawn with a mouse are thicker or thinner, a little
rotated, off-centre and of varying size. Training on randomly distorted copies teaches the
network to read both. Every random draw comes from the ``np.random.Generator`` passed in, so a
seeded training run is reproducible.

Per image, in this order:

1. stroke thickness: blend towards a grey dilation (thicker) or erosion (thinner) with the
   4-neighbourhood, by a random amount;
2. an affine warp about the image centre: rotation, uniform scale and shift, sampled with
   bilinear interpolation (zero outside the image).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["AugmentParams", "augment_batch", "dilate", "erode", "affine_warp"]


@dataclass(frozen=True)
class AugmentParams:
    """Ranges of the random distortions (each drawn uniformly per image).

    max_shift : pixels, along each axis, in [-max_shift, max_shift]
    max_rotation : degrees, in [-max_rotation, max_rotation]
    scale_range : (low, high) zoom factor (1 = unchanged)
    thickness_range : (low, high) in [-1, 1]; -1 = full erosion, 0 = unchanged, 1 = full dilation
    """

    max_shift: float = 2.0
    max_rotation: float = 12.0
    scale_range: tuple[float, float] = (0.85, 1.1)
    thickness_range: tuple[float, float] = (-0.4, 0.8)

    def __post_init__(self):
        if not (self.max_shift >= 0 and self.max_rotation >= 0):
            raise ValueError(
                "max_shift and max_rotation must be >= 0, "
                f"got {self.max_shift}, {self.max_rotation}"
            )
        lo, hi = self.scale_range
        if not 0 < lo <= hi:
            raise ValueError(f"scale_range must be 0 < low <= high, got {self.scale_range}")
        lo, hi = self.thickness_range
        if not -1 <= lo <= hi <= 1:
            raise ValueError(
                f"thickness_range must satisfy -1 <= low <= high <= 1, got {self.thickness_range}"
            )


def _neighbourhood(images: np.ndarray, reduce) -> np.ndarray:
    """Reduce (max or min) each pixel with its 4 neighbours; outside the image counts as 0."""
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    centre = padded[:, 1:-1, 1:-1]
    out = reduce(centre, padded[:, :-2, 1:-1])
    reduce(out, padded[:, 2:, 1:-1], out=out)
    reduce(out, padded[:, 1:-1, :-2], out=out)
    reduce(out, padded[:, 1:-1, 2:], out=out)
    return out


def dilate(images: np.ndarray) -> np.ndarray:
    """Grey dilation, plus-shaped 3x3 element: (N, H, W) -> (N, H, W), strokes ~2 px thicker."""
    return _neighbourhood(images, np.maximum)


def erode(images: np.ndarray) -> np.ndarray:
    """Grey erosion, plus-shaped 3x3 element: (N, H, W) -> (N, H, W), strokes ~2 px thinner."""
    return _neighbourhood(images, np.minimum)


def affine_warp(
    images: np.ndarray, angle_deg: np.ndarray, scale: np.ndarray, shift: np.ndarray
) -> np.ndarray:
    """Rotate, scale and shift each image about its centre, bilinear, zero outside.

    images : (N, H, W) float32; angle_deg : (N,) degrees, counter-clockwise on screen;
    scale : (N,) zoom factors; shift : (N, 2) pixels (down, right). Returns (N, H, W) float32.
    """
    n, h, w = images.shape
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    theta = np.deg2rad(np.asarray(angle_deg, dtype=np.float64))
    inv = 1.0 / np.asarray(scale, dtype=np.float64)
    cos, sin = np.cos(theta) * inv, np.sin(theta) * inv
    yy, xx = np.mgrid[0:h, 0:w]
    # Output pixel -> source position: undo the shift, then the rotation and scale.
    dy = yy.ravel()[None, :] - cy - shift[:, 0:1]
    dx = xx.ravel()[None, :] - cx - shift[:, 1:2]
    # Inverse rotation; rows grow downwards, hence the signs (checked against np.rot90).
    src_y = cos[:, None] * dy + sin[:, None] * dx + cy
    src_x = cos[:, None] * dx - sin[:, None] * dy + cx
    # Sample from a copy padded with a 1-pixel zero border; clamp far-away positions onto it.
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1))).reshape(n, -1)
    src_y = np.clip(src_y + 1.0, 0.0, h + 0.999)
    src_x = np.clip(src_x + 1.0, 0.0, w + 0.999)
    y0 = np.floor(src_y).astype(np.intp)
    x0 = np.floor(src_x).astype(np.intp)
    fy = (src_y - y0).astype(np.float32)
    fx = (src_x - x0).astype(np.float32)
    stride = w + 2
    i00 = y0 * stride + x0
    top = (
        np.take_along_axis(padded, i00, 1) * (1 - fx) + np.take_along_axis(padded, i00 + 1, 1) * fx
    )
    i10 = i00 + stride
    bottom = (
        np.take_along_axis(padded, i10, 1) * (1 - fx) + np.take_along_axis(padded, i10 + 1, 1) * fx
    )
    return (top * (1 - fy) + bottom * fy).reshape(n, h, w).astype(np.float32, copy=False)


def augment_batch(
    images: np.ndarray, rng: np.random.Generator, params: AugmentParams | None = None
) -> np.ndarray:
    """Randomly distorted copies of a batch of digits.

    Parameters
    ----------
    images : ndarray of shape (N, H, W)
        uint8 0..255 (as stored in a Dataset) or floats in [0, 1]. Not modified.
    rng : np.random.Generator
        The only source of randomness (never the global ``np.random``).
    params : AugmentParams, optional
        The ranges of the distortions; the defaults suit MNIST and mouse-drawn digits.

    Returns
    -------
    ndarray of shape (N, H, W), float32 in [0, 1]
    """
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"augment_batch needs an np.random.Generator, got {type(rng).__name__}")
    images = np.asarray(images)
    if images.ndim != 3:
        raise ValueError(f"augment_batch expects images of shape (N, H, W), got {images.shape}")
    p = params or AugmentParams()
    x = images.astype(np.float32)
    if images.dtype == np.uint8:
        x *= np.float32(1 / 255)
    n = len(x)
    if n == 0:
        return x

    t = rng.uniform(*p.thickness_range, size=n).astype(np.float32)[:, None, None]
    thick, thin = dilate(x), erode(x)
    x = np.where(t >= 0, x + t * (thick - x), x - t * (thin - x))

    angle = rng.uniform(-p.max_rotation, p.max_rotation, size=n)
    scale = rng.uniform(*p.scale_range, size=n)
    shift = rng.uniform(-p.max_shift, p.max_shift, size=(n, 2))
    x = affine_warp(x, angle, scale, shift)
    return np.clip(x, 0.0, 1.0, out=x)
