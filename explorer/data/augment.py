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

import threading
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
    n, h, w = images.shape
    padded = np.zeros((n, h + 2, w + 2), dtype=images.dtype)  # np.pad is ~3x slower
    padded[:, 1:-1, 1:-1] = images
    out = reduce(images, padded[:, :-2, 1:-1])
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


def _thickness_into(padded: np.ndarray, p3: np.ndarray, x: np.ndarray, t: np.ndarray,
                    unit: float = 1.0) -> None:
    """Write each image ``unit * x[k]`` blended towards its dilation (t[k] >= 0) or erosion
    (t[k] < 0) by |t[k]| into the interior of p3 (N, H+2, W+2), a view of the flat array
    ``padded``, whose 1-pixel borders are zero (and stay so).

    One neighbourhood pass for the whole batch: erosion is the negated dilation of the negated
    image (with the zero border, min(a, 0) = -max(-a, 0) exactly), so the batch is multiplied
    by the sign s of t and dilated once, d; the result x + |t| (s d - x) is (1 - |t|) x + t d
    (times ``unit``: 1/255 turns 0..255 pixels into [0, 1] on the way, as both are linear).

    Everything after the first copy runs on the flat batch, where the 4 neighbours of a pixel
    are 1 and W+2 values away: contiguous operations, ~3x faster than on (N, H, W) views of
    the padded images. They write the borders too; the last step multiplies the borders by 0
    again, and it must stay the last: the warp relies on the zero border (sign flips may leave
    -0.0 there, which is still zero).
    """
    t = t.astype(np.float64)
    n, hp, wp = p3.shape
    size = n * hp * wp
    sign = np.where(t >= 0, 1, -1).astype(np.float32)
    p3[:, 1:-1, 1:-1] = x
    flat = padded[:size]
    rows = flat.reshape(n, hp * wp)
    np.multiply(rows, sign[:, None], out=rows)  # contiguous: faster than while copying x
    d = _buffer("dilated", (size,), np.float32)  # its first and last wp values stay 0
    lo, hi = wp, size - wp
    inner = d[lo:hi]
    np.maximum(flat[lo - 1 : hi - 1], flat[lo + 1 : hi + 1], out=inner)
    np.maximum(inner, flat[lo - wp : hi - wp], out=inner)
    np.maximum(inner, flat[lo + wp : hi + wp], out=inner)
    np.maximum(inner, flat[lo:hi], out=inner)
    d_rows = d.reshape(n, hp * wp)
    np.multiply(rows, (sign * (1 - np.abs(t)) * unit).astype(np.float32)[:, None], out=rows)
    np.multiply(d_rows, (t * unit).astype(np.float32)[:, None], out=d_rows)
    rows += d_rows
    rows *= _interior_mask(hp, wp)


#: (H+2, W+2) -> flat float32 mask of a padded image: 1 inside, 0 on the 1-pixel border.
_MASKS: dict = {}


def _interior_mask(hp: int, wp: int) -> np.ndarray:
    mask = _MASKS.get((hp, wp))
    if mask is None:
        mask = np.zeros((hp, wp), np.float32)
        mask[1:-1, 1:-1] = 1
        mask = mask.ravel()
        if len(_MASKS) < 8:
            _MASKS[(hp, wp)] = mask
    return mask


#: Whole numbers below this are exact in float32: flat pixel indices of smaller batches are
#: computed in float32 (see :func:`_warp_padded`), of bigger ones (18,000+ digits) in intp.
_FLOAT32_EXACT = 2**24

#: (h, w) -> (3, h*w) float32 rows y - cy, x - cx, 1 of every pixel (see :func:`affine_warp`).
_GRIDS: dict = {}


def _grid(h: int, w: int) -> np.ndarray:
    grid = _GRIDS.get((h, w))
    if grid is None:
        yy, xx = np.mgrid[0:h, 0:w]
        grid = np.empty((3, h * w), np.float32)
        grid[0] = yy.ravel() - (h - 1) / 2.0
        grid[1] = xx.ravel() - (w - 1) / 2.0
        grid[2] = 1
        if len(_GRIDS) < 8:
            _GRIDS[(h, w)] = grid
    return grid


#: Per-thread scratch arrays of the warp, reused from batch to batch: a fresh array of a few
#: hundred kB is new memory each time, and its page faults cost more than the arithmetic
#: (measured: 0.4 ms of a 0.7 ms warp of 32 digits).
_scratch = threading.local()


#: Scratch arrays up to this many values are kept (a batch of ~5,000 digits); bigger ones,
#: for a rare huge batch, are made for the call and freed after it.
_KEEP_MAX = 2**22


def _buffer(name: str, shape, dtype) -> np.ndarray:
    """This thread's scratch array ``name``; zeros when new (code that writes only part of
    it, as the padded images' interiors, may rely on the rest staying zero)."""
    arrays = getattr(_scratch, "arrays", None)
    if arrays is None:
        arrays = _scratch.arrays = {}
    a = arrays.get(name)
    if a is None or a.shape != shape or a.dtype != dtype:
        a = np.zeros(shape, dtype)
        if a.size <= _KEEP_MAX:
            arrays[name] = a
        else:
            arrays.pop(name, None)
    return a


def _padded(n: int, h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """(flat, p3): a scratch batch p3 (N, H+2, W+2) float32 with a zero 1-pixel border, a view
    of ``flat``, which has W+3 spare zeros after it (what the warp's shifted gathers may read).
    Its users keep the border zero (`_thickness_into` writes it and zeroes it again at its
    end); the interior is as the last call left it."""
    size = n * (h + 2) * (w + 2)
    flat = _buffer("padded", (size + w + 3,), np.float32)
    return flat, flat[:size].reshape(n, h + 2, w + 2)


def affine_warp(
    images: np.ndarray, angle_deg: np.ndarray, scale: np.ndarray, shift: np.ndarray
) -> np.ndarray:
    """Rotate, scale and shift each image about its centre, bilinear, zero outside.

    images : (N, H, W) float32; angle_deg : (N,) degrees, counter-clockwise on screen;
    scale : (N,) zoom factors; shift : (N, 2) pixels (down, right). Returns (N, H, W) float32.
    """
    n, h, w = images.shape
    flat, p3 = _padded(n, h, w)
    p3[:, 1:-1, 1:-1] = images
    return _warp_padded(flat, p3, angle_deg, scale, shift)


def _warp_padded(padded, p3, angle_deg, scale, shift) -> np.ndarray:
    """:func:`affine_warp` of the interiors of p3 (N, H+2, W+2), a view of the flat array
    ``padded``, as :func:`_padded` gives them.

    Vectorised over the batch: one small matrix product gives every output pixel's source
    position in every image, and four gathers with one index array (into the flat batch
    shifted by 0, 1, W+2 and W+3 pixels) fetch the four bilinear neighbours of every pixel.
    """
    n, h, w = p3.shape[0], p3.shape[1] - 2, p3.shape[2] - 2
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    theta = np.deg2rad(np.asarray(angle_deg, dtype=np.float64))
    inv = 1.0 / np.asarray(scale, dtype=np.float64)
    cos, sin = np.cos(theta) * inv, np.sin(theta) * inv
    sy, sx = np.asarray(shift, dtype=np.float64).T
    # Output pixel (y, x) -> source position: undo the shift, then the rotation and scale
    # (rows grow downwards, hence the signs; checked against np.rot90):
    #   src_y = cos*(y - cy - sy) + sin*(x - cx - sx) + cy
    #   src_x = cos*(x - cx - sx) - sin*(y - cy - sy) + cx
    # as (2N, 3) coefficients times the grid's rows (y - cy, x - cx, 1). Positions index a
    # copy padded with a 1-pixel zero border (hence the +1); far-away positions are clamped
    # onto that border (0 or H+1, W+1 exactly: the weight of the next row/column is then 0),
    # so they read zeros.
    coef = np.empty((2 * n, 3), np.float64)
    coef[:n, 0], coef[:n, 1] = cos, sin
    coef[:n, 2] = cy + 1 - cos * sy - sin * sx
    coef[n:, 0], coef[n:, 1] = -sin, cos
    coef[n:, 2] = cx + 1 - cos * sx + sin * sy
    # (2N, H*W): rows of src_y, then of src_x. Results of this size go to kept scratch
    # arrays: a fresh one above glibc's mmap threshold (128 kB) is new pages on every call.
    src = np.dot(coef.astype(np.float32), _grid(h, w),
                 out=_buffer("src", (2 * n, h * w), np.float32))
    if h == w:
        np.clip(src, 0.0, h + 1, out=src)
    else:
        np.clip(src[:n], 0.0, h + 1, out=src[:n])
        np.clip(src[n:], 0.0, w + 1, out=src[n:])
    whole = np.floor(src, out=_buffer("whole", src.shape, np.float32))
    src -= whole  # from here on: the fractional parts, the bilinear weights
    stride = w + 2
    size = (h + 2) * stride
    # Flat indices of every output pixel's top-left source pixel in the padded batch,
    # computed in float32 while they are exact there (below 2**24), as float32 -> int32 ->
    # intp is ~3x faster than float32 -> intp (np.take wants intp indices).
    if n * size < _FLOAT32_EXACT:
        # (in place: rows of whole, then its x rows' memory as int32; less memory to touch)
        flat_index = whole[:n]
        flat_index *= np.float32(stride)
        flat_index += whole[n:]
        flat_index += (np.arange(n, dtype=np.float32) * np.float32(size))[:, None]
        as_int32 = whole[n:].view(np.int32)
        np.copyto(as_int32, flat_index, casting="unsafe")
        i00 = _buffer("index64", flat_index.shape, np.intp)
        np.copyto(i00, as_int32)
    else:
        corner = whole.astype(np.intp)
        i00 = corner[:n]
        i00 *= stride
        i00 += corner[n:]
        i00 += (np.arange(n, dtype=np.intp) * size)[:, None]
    # The four neighbours: the same indices into the flat batch shifted by 0, 1, stride and
    # stride + 1 pixels. Past an image's last row or column they are the next row's or
    # image's zero border (or, at the very end, the spare zeros after the batch), with
    # weight 0 anyway. mode="clip" (a no-op: every index is in range) because "raise" writes
    # through a temporary copy of ``out``: 25 % slower.
    top = np.take(padded, i00, mode="clip")
    right = np.take(padded[1:], i00, out=_buffer("right", i00.shape, np.float32), mode="clip")
    below = np.take(padded[stride:], i00, out=_buffer("below", i00.shape, np.float32),
                    mode="clip")
    corner4 = np.take(padded[stride + 1 :], i00, out=_buffer("corner", i00.shape, np.float32),
                      mode="clip")
    frac_y, frac_x = src[:n], src[n:]
    right -= top
    right *= frac_x
    top += right  # the top row, interpolated
    corner4 -= below
    corner4 *= frac_x
    below += corner4  # the bottom row
    below -= top
    below *= frac_y
    top += below
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
    n = len(images)
    if n == 0:
        return images.astype(np.float32)
    if images.dtype == np.uint8:  # read as is: the thickness blend scales by 1/255 on the way
        x, unit = images, 1 / 255
    else:
        x, unit = images.astype(np.float32), 1.0

    t = rng.uniform(*p.thickness_range, size=n).astype(np.float32)
    angle = rng.uniform(-p.max_rotation, p.max_rotation, size=n)
    scale = rng.uniform(*p.scale_range, size=n)
    shift = rng.uniform(-p.max_shift, p.max_shift, size=(n, 2))
    padded, p3 = _padded(n, *x.shape[1:])
    _thickness_into(padded, p3, x, t, unit)
    x = _warp_padded(padded, p3, angle, scale, shift)
    return np.clip(x, 0.0, 1.0, out=x)
