"""Turn any grey image of a digit into a 28x28 MNIST-style input, the way MNIST was made.

MNIST's recipe (LeCun, Cortes, Burges): the digit is cropped to its ink, scaled to fit a 20x20
box keeping its aspect ratio (anti-aliased), then placed in a 28x28 field so that its centre of
mass sits at the centre. Measured on the built-in digits, MNIST's centres of mass lie at row and
column index 14.0 on average with a spread of +-0.5 pixel (uniform): the shift was rounded to
whole pixels. :func:`preprocess_digit` does the same (rounded shift, target index 14), so an
MNIST digit passes through unchanged apart from the brightness normalisation.
"""

from __future__ import annotations

import numpy as np

__all__ = ["preprocess_digit", "raw_resize", "area_resample_matrix", "BOX_SIZE", "FIELD_SIZE",
           "CENTRE", "INK_FRACTION", "EMPTY_LEVEL"]

BOX_SIZE = 20  #: the digit's longer side after scaling, in pixels
FIELD_SIZE = 28  #: the output image is FIELD_SIZE x FIELD_SIZE
CENTRE = 14  #: row/column index where the centre of mass lands (MNIST's own average)
#: Pixels brighter than this fraction of the brightest one define the ink's bounding box, so
#: faint noise or a dim background does not stretch the crop (fainter pixels inside it stay).
#: 2 % (5 grey levels of 255) keeps 98.9 % of the built-in test digits unchanged to 0.01 and
#: every prediction of the shipped model; 5 % would recrop 4 % of them (their faint rims).
INK_FRACTION = 0.02
#: An image whose brightest pixel is at most this (in its own scale, 0..1 or 0..255) has no ink:
#: far below one grey level of an 8-bit image (1/255), so only numerical dust is discarded.
EMPTY_LEVEL = 1e-6


def area_resample_matrix(n_in: int, n_out: int) -> np.ndarray:
    """The ``(n_out, n_in)`` float32 matrix that resamples one axis by area averaging.

    Output pixel ``i`` covers the input interval ``[i*n_in/n_out, (i+1)*n_in/n_out)``; its value
    is the mean of the input over that interval, each input pixel weighted by how much of it lies
    inside. Shrinking averages (anti-aliasing), enlarging repeats pixels and blends at the seams.
    Each row sums to 1, so brightness is preserved.
    """
    if n_in < 1 or n_out < 1:
        raise ValueError(f"sizes must be at least 1, got n_in={n_in}, n_out={n_out}")
    scale = n_in / n_out  # input pixels per output pixel
    lo = np.arange(n_out)[:, None] * scale
    hi = lo + scale
    j = np.arange(n_in)[None, :]
    overlap = np.clip(np.minimum(hi, j + 1) - np.maximum(lo, j), 0.0, None)
    return (overlap / scale).astype(np.float32)


def preprocess_digit(image: np.ndarray) -> np.ndarray:
    """MNIST-style normalisation of one digit image.

    Parameters
    ----------
    image : ndarray of shape (H, W)
        Grey levels with the ink bright on a dark background, any non-negative scale (0..1 and
        0..255 both work); bool and integer arrays are accepted. Any size, e.g. a 280x280 canvas.

    Returns
    -------
    ndarray of shape (28, 28), float32 in [0, 1]
        The ink cropped to its bounding box (the pixels brighter than ``INK_FRACTION`` = 2 % of
        the brightest; fainter pixels inside the box are kept, those outside dropped), scaled by
        area averaging so its longer side is 20 pixels (aspect ratio kept), shifted by a whole
        number of pixels so its centre of mass is at row and column 14, and rescaled so its
        brightest pixel is 1. An image without ink (brightest pixel at most ``EMPTY_LEVEL`` =
        1e-6, e.g. all zeros) gives all zeros.

    Raises
    ------
    ValueError
        If ``image`` is not 2-D, is empty, or holds NaN/inf or negative values.
    """
    img = np.asarray(image)
    if img.ndim != 2:
        raise ValueError(f"preprocess_digit expects a 2-D grey image, got shape {img.shape}")
    if img.size == 0:
        raise ValueError(f"preprocess_digit got an empty image of shape {img.shape}")
    img = img.astype(np.float32, copy=False)
    if not np.isfinite(img).all():
        raise ValueError("preprocess_digit: the image contains NaN or infinite values")
    if (img < 0).any():
        raise ValueError(
            f"preprocess_digit: negative grey level {float(img.min())}; expected ink bright "
            "on a dark background, 0..1 or 0..255"
        )
    out = np.zeros((FIELD_SIZE, FIELD_SIZE), dtype=np.float32)
    top_level = float(img.max())
    if top_level <= EMPTY_LEVEL:
        return out
    ink = img > INK_FRACTION * top_level
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    crop = img[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = crop.shape
    factor = BOX_SIZE / max(h, w)
    out_h = max(1, int(np.floor(h * factor + 0.5)))
    out_w = max(1, int(np.floor(w * factor + 0.5)))
    box = area_resample_matrix(h, out_h) @ crop @ area_resample_matrix(w, out_w).T

    mass = box.sum()
    cy = float(box.sum(axis=1) @ np.arange(out_h, dtype=np.float32)) / mass
    cx = float(box.sum(axis=0) @ np.arange(out_w, dtype=np.float32)) / mass
    # A lopsided digit's centre of mass would push part of its box out of the field: keep the
    # whole box inside (it is at most 20 of 28 pixels) rather than cut ink off.
    top = min(max(int(np.floor(CENTRE - cy + 0.5)), 0), FIELD_SIZE - out_h)
    left = min(max(int(np.floor(CENTRE - cx + 0.5)), 0), FIELD_SIZE - out_w)
    out[top : top + out_h, left : left + out_w] = box
    peak = out.max()
    if peak > 0:
        out /= peak
    return np.clip(out, 0.0, 1.0, out=out)


def raw_resize(image: np.ndarray) -> np.ndarray:
    """The whole image simply shrunk (or enlarged) to 28x28: no cropping, scaling or centring.

    What a network would see without MNIST's preprocessing (the Draw panel shows it beside
    :func:`preprocess_digit`'s result to explain why that matters).

    Parameters
    ----------
    image : ndarray of shape (H, W)
        Grey levels, ink bright on dark: integers (bool, uint8...) are 0..255 pixels and are
        divided by 255; floats are already in [0, 1]. Any size, e.g. a 280x280 canvas.

    Returns
    -------
    ndarray of shape (28, 28), float32 in [0, 1]
        Each output pixel is the area-weighted mean of the input pixels it covers
        (:func:`area_resample_matrix` along both axes), so brightness is kept, not normalised.

    Raises
    ------
    ValueError
        If ``image`` is not 2-D, is empty, holds NaN/inf or negative values, or floats above 1.
    """
    img = np.asarray(image)
    if img.ndim != 2:
        raise ValueError(f"raw_resize expects a 2-D grey image, got shape {img.shape}")
    if img.size == 0:
        raise ValueError(f"raw_resize got an empty image of shape {img.shape}")
    if img.dtype.kind in "biu":
        pixels = img.astype(np.float32) / (1.0 if img.dtype.kind == "b" else 255.0)
    elif img.dtype.kind == "f":
        pixels = img.astype(np.float32)
        if not np.isfinite(pixels).all():
            raise ValueError("raw_resize: the image contains NaN or infinite values")
        if float(pixels.max()) > 1.0:
            raise ValueError(
                f"raw_resize: float pixels must be in [0, 1], got a maximum of "
                f"{float(pixels.max()):g} (pass 0..255 images as integers)"
            )
    else:
        raise ValueError(f"raw_resize expects numbers, got dtype {img.dtype}")
    if (pixels < 0).any():
        raise ValueError(f"raw_resize: negative grey level {float(pixels.min()):g}")
    h, w = pixels.shape
    small = area_resample_matrix(h, FIELD_SIZE) @ pixels @ area_resample_matrix(w, FIELD_SIZE).T
    return np.clip(small, 0.0, 1.0).astype(np.float32)
