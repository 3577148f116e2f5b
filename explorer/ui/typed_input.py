"""The numbers a learner types as the Convolution tab's input, Qt-free.

An input typed by hand is a (C, H, W) array of finite numbers, 1-3 channels and 1-32 rows and
columns (large enough for the chapter's (28, 31) non-square example, small enough to type), or
a batch of two such images, (N, C, H, W) with N = 2, as the chapter's batched data. It is
remembered in the settings as JSON; `from_settings` accepts anything and returns None for
what is not a valid input, so a damaged settings file never stops the tab.
"""

from __future__ import annotations

import json

import numpy as np

__all__ = ["CHANNELS", "DEFAULT", "IMAGES", "PATTERNS", "SIZE", "as_batch", "fill_pattern",
           "from_settings", "parse_typed", "resize", "to_settings"]

#: Allowed rows/columns and channels.
SIZE = (1, 32)
CHANNELS = (1, 3)
#: Images in a typed batch (N): one, or two for the chapter's batched (N, C, H, W) data.
IMAGES = (1, 2)
#: Ways to fill the grid before (or instead of) typing.
PATTERNS = ("zeros", "ramp", "random", "edge")


def fill_pattern(pattern: str, shape, seed: int = 0) -> np.ndarray:
    """A (C, H, W) float64 array: ``"zeros"``; ``"ramp"`` ((row + column) mod 5, so that
    windows differ); ``"random"`` (integers 0-9 from ``seed``); ``"edge"`` (10 on the left
    half, 0 on the right: the classic vertical-edge example, values chosen here)."""
    c, h, w = _check_shape(shape)
    if pattern == "zeros":
        return np.zeros((c, h, w))
    if pattern == "ramp":
        r, col = np.indices((h, w))
        return np.broadcast_to((r + col) % 5, (c, h, w)).astype(np.float64)
    if pattern == "random":
        return np.random.default_rng(int(seed)).integers(0, 10, size=(c, h, w)).astype(float)
    if pattern == "edge":
        x = np.zeros((c, h, w))
        x[:, :, : (w + 1) // 2] = 10.0
        return x
    raise ValueError(f"pattern must be one of {', '.join(PATTERNS)}; got {pattern!r}")


def _check_shape(shape) -> tuple[int, int, int]:
    if len(shape) != 3:
        raise ValueError(f"a typed input has shape (C, H, W); got {tuple(shape)}")
    c, h, w = (int(v) for v in shape)
    if not CHANNELS[0] <= c <= CHANNELS[1]:
        raise ValueError(f"a typed input has {CHANNELS[0]}-{CHANNELS[1]} channels; got {c}")
    for name, n in (("rows", h), ("columns", w)):
        if not SIZE[0] <= n <= SIZE[1]:
            raise ValueError(f"a typed input has {SIZE[0]}-{SIZE[1]} {name}; got {n}")
    return c, h, w


def parse_typed(values) -> np.ndarray:
    """``values`` (nested lists or an array, (C, H, W) or (H, W)) as a (C, H, W) float64
    array, or a batch (N, C, H, W) with N = 2 as such (N = 1 gives (C, H, W)); ValueError for
    a ragged list, a size outside the limits or a non-finite number."""
    try:
        x = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"a typed input must be a grid of numbers: {exc}") from None
    if x.ndim == 2:
        x = x[None]
    if x.ndim == 4:
        if not IMAGES[0] <= x.shape[0] <= IMAGES[1]:
            raise ValueError(f"a typed batch has {IMAGES[0]}-{IMAGES[1]} images; "
                             f"got {x.shape[0]}")
        if x.shape[0] == 1:
            x = x[0]
    _check_shape(x.shape[-3:] if x.ndim == 4 else x.shape)
    if not np.all(np.isfinite(x)):
        raise ValueError("a typed input holds finite numbers only (no NaN or infinity)")
    return x


def as_batch(x) -> np.ndarray:
    """A typed input (C, H, W) or (N, C, H, W) as a batch (N, C, H, W)."""
    x = np.asarray(x, dtype=np.float64)
    return x[None] if x.ndim == 3 else x


def resize(x: np.ndarray, shape) -> np.ndarray:
    """``x`` (C, H, W) cut or zero-extended to ``shape``: what is kept keeps its place."""
    c, h, w = _check_shape(shape)
    out = np.zeros((c, h, w))
    cc, hh, ww = (min(a, b) for a, b in zip(x.shape, (c, h, w)))
    out[:cc, :hh, :ww] = x[:cc, :hh, :ww]
    return out


def to_settings(x: np.ndarray) -> str:
    """JSON for the settings file."""
    return json.dumps(parse_typed(x).tolist())


def from_settings(text) -> np.ndarray | None:
    """The input stored by `to_settings`, or None for anything else (junk is ignored)."""
    if not isinstance(text, str) or len(text) > 200_000:
        return None
    try:
        return parse_typed(json.loads(text))
    except (ValueError, RecursionError):
        return None


#: What the typed input starts as: the chapter's 7x7 input (stride 2 gives 3x3), values ours.
DEFAULT = fill_pattern("ramp", (1, 7, 7))
