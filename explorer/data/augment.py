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
    cos = (np.cos(theta) * inv).astype(np.float32)[:, None]
    sin = (np.sin(theta) * inv).astype(np.float32)[:, None]
    shift = np.asarray(shift, dtype=np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    # Output pixel -> source position: undo the shift, then the rotation and scale.
    dy = yy.ravel()[None, :] - np.float32(cy) - shift[:, 0:1]
    dx = xx.ravel()[None, :] - np.float32(cx) - shift[:, 1:2]
    # Inverse rotation; rows grow downwards, hence the signs (checked against np.rot90).
    # Positions index a copy padded with a 1-pixel zero border (hence the +1); far-away
    # positions are clamped onto that border, so they read zeros.
    src_y = cos * dy
    src_y += sin * dx
    src_y += np.float32(cy + 1)
    src_x = cos * dx
    src_x -= sin * dy
    src_x += np.float32(cx + 1)
    np.clip(src_y, 0.0, h + 0.999, out=src_y)
    np.clip(src_x, 0.0, w + 0.999, out=src_x)
    # int32 indices gather faster; wider only for batches too large for them.
    index_type = np.int32 if n * (h + 2) * (w + 2) < 2**31 else np.intp
    y0 = src_y.astype(index_type)  # floor, the positions being >= 0
    x0 = src_x.astype(index_type)
    src_y -= y0  # from here on: the fractional parts, the bilinear weights
    src_x -= x0
    stride = w + 2
    padded = np.zeros((n, h + 2, stride), np.float32)
    padded[:, 1:-1, 1:-1] = images
    padded = padded.ravel()
    # Flat indices into the whole padded batch: one gather per corner for all images at once.
    i00 = y0 * stride
    i00 += x0
    i00 += (np.arange(n, dtype=index_type) * ((h + 2) * stride))[:, None]
    top = padded[i00]
    top += src_x * (padded[i00 + 1] - top)
    i00 += stride
    bottom = padded[i00]
    bottom += src_x * (padded[i00 + 1] - bottom)
    bottom -= top
    bottom *= src_y
    top += bottom
    return top.reshape(n, h, w)


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
