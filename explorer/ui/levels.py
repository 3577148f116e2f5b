"""Display ranges of values, Qt-free: which value maps to each end of a colour map.

`widgets.imaging` draws with them; Qt-free deciders (e.g. `conv_steps`) choose them.
"""

from __future__ import annotations

import numpy as np

__all__ = ["value_range"]


def value_range(image: np.ndarray, diverging: bool = False) -> tuple[float, float]:
    """``(lo, hi)`` covering ``image``'s finite values; symmetric around 0 when
    ``diverging``; never lo == hi."""
    image = np.asarray(image)
    finite = image[np.isfinite(image)] if image.size else image
    if finite.size == 0:
        return (-1.0, 1.0) if diverging else (0.0, 1.0)
    lo, hi = float(finite.min()), float(finite.max())
    if diverging:
        m = max(abs(lo), abs(hi)) or 1.0
        return -m, m
    if hi - lo < 1e-12:
        return lo - 0.5, hi + 0.5
    return lo, hi
