"""Small shared helpers for (N, C, H, W) arrays: input checks, zero/constant padding and
channel-major allocation. Used by the convolution (`functional`) and pooling (`pooling_ops`)
ops; no Qt, no other engine module.
"""

from __future__ import annotations

import numpy as np

__all__ = ["check_4d", "check_real", "is_channel_major", "zeros_nchw", "pad2d"]


def check_4d(x: np.ndarray, what: str = "x") -> np.ndarray:
    x = np.asarray(x)
    if x.ndim != 4:
        raise ValueError(
            f"{what} must be 4-D (N, C, H, W), got {x.ndim}-D with shape {x.shape}; "
            "add a batch axis with x[None] (and a channel axis for a single image)"
        )
    if not np.issubdtype(x.dtype, np.floating):
        check_real(x, what)
        x = x.astype(np.float64)
    return x


def check_real(a: np.ndarray, what: str) -> None:
    """ValueError unless ``a`` holds real numbers (bool, int or float): complex values would
    lose their imaginary part silently, other dtypes fail deep inside NumPy."""
    if not (a.dtype == bool or np.issubdtype(a.dtype, np.integer)
            or np.issubdtype(a.dtype, np.floating)):
        raise ValueError(f"{what} must hold real numbers (float, int or bool), got dtype "
                         f"{a.dtype}; for complex data pass the real part (a.real) explicitly")


def is_channel_major(x: np.ndarray) -> bool:
    """True when x (N, C, H, W) is laid out as (C, N, H, W) in memory, as conv outputs are."""
    return not x.flags.c_contiguous and x.transpose(1, 0, 2, 3).flags.c_contiguous


def zeros_nchw(shape, dtype, channel_major: bool, value: float = 0.0) -> np.ndarray:
    """A filled (N, C, H, W) array, laid out channel-major in memory when asked."""
    if channel_major:
        n, c, h, w = shape
        return np.full((c, n, h, w), value, dtype=dtype).transpose(1, 0, 2, 3)
    return np.full(shape, value, dtype=dtype)


def pad2d(x: np.ndarray, pads, value: float = 0.0) -> np.ndarray:
    """Pad the two spatial axes of ``x`` (N, C, H, W); returns ``x`` itself when no padding.
    The padded copy keeps a channel-major layout (see :func:`is_channel_major`)."""
    (top, bottom), (left, right) = pads
    if top == bottom == left == right == 0:
        return x
    n, c, h, w = x.shape
    # np.pad is slow for small arrays: fill a fresh array and copy the interior once.
    out = zeros_nchw((n, c, h + top + bottom, w + left + right), x.dtype,
                      is_channel_major(x), value)
    out[:, :, top : top + h, left : left + w] = x
    return out
