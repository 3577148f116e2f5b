"""Turning arrays into QImages for display (grey or a diverging blue-white-red map).

Only display scaling lives here (value range to 0..255); the values come from the engine.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from explorer.ui.levels import value_range

#: A blue-white-red colour table for signed values (index 0 = most negative).
_t = np.linspace(-1.0, 1.0, 256)
DIVERGING_LUT = np.stack([
    np.where(_t < 0, 255 * (1 + _t), 255),
    255 * (1 - np.abs(_t)),
    np.where(_t > 0, 255 * (1 - _t), 255),
], axis=1).clip(0, 255).astype(np.uint8)
#: The colour of a cell without a value (NaN): pale yellow-grey, in neither colour map.
NO_VALUE = np.array([236, 233, 222], dtype=np.uint8)
GREY_LUT = np.repeat(np.arange(256, dtype=np.uint8)[:, None], 3, axis=1)


def cmap_for(values) -> str:
    """The colour map for ``values``: ``"grey"`` when none is negative, ``"diverging"``
    (blue-white-red) when some are (non-finite values, e.g. max-pool padding, are ignored)."""
    finite = np.asarray(values)[np.isfinite(values)]
    return "diverging" if finite.size and finite.min() < 0 else "grey"


def to_qimage(image: np.ndarray, levels: tuple[float, float] | None = None,
              cmap: str = "grey") -> QImage:
    """A ``QImage`` (RGB888, its own copy of the pixels) of a 2-D array ``(H, W)``.

    ``levels=(lo, hi)`` map to the ends of the colour map (default: the image's own range);
    ``cmap`` is ``"grey"`` (lo black, hi white) or ``"diverging"`` (blue, white at the middle,
    red). NaN cells (no value yet, e.g. a result still being built) are a pale neutral
    colour that belongs to neither map's range."""
    image = np.asarray(image, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError(f"to_qimage needs a 2-D array, got shape {image.shape}")
    lo, hi = levels if levels is not None else value_range(image, cmap == "diverging")
    scale = 255.0 / (hi - lo) if hi > lo else 0.0
    idx = np.nan_to_num((image - lo) * scale, nan=0.0).clip(0, 255).astype(np.uint8)
    lut = DIVERGING_LUT if cmap == "diverging" else GREY_LUT
    rgb = np.ascontiguousarray(lut[idx])
    rgb[np.isnan(image)] = NO_VALUE
    h, w = idx.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def is_rgb(image) -> bool:
    """Whether ``image`` is a colour image ``(H, W, 3)`` (RGB, channel-last)."""
    shape = np.shape(image)
    return len(shape) == 3 and shape[2] == 3


def rgb_qimage(image: np.ndarray, levels: tuple[float, float] | None = None) -> QImage:
    """A ``QImage`` (RGB888, its own copy) of a colour image ``(H, W, 3)``: ``levels=(lo, hi)``
    map to 0 and 255 in every channel (default: the image's own range), so (0, 1) shows a
    model's float input and (0, 255) uint8 pixels as they are. NaN shows as black."""
    image = np.asarray(image, dtype=np.float64)
    if not is_rgb(image):
        raise ValueError(f"rgb_qimage needs an (H, W, 3) array, got shape {image.shape}")
    lo, hi = levels if levels is not None else value_range(image)
    scale = 255.0 / (hi - lo) if hi > lo else 0.0
    rgb = np.ascontiguousarray(
        np.nan_to_num((image - lo) * scale, nan=0.0).clip(0, 255).astype(np.uint8))
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
