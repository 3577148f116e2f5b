"""What the Convolution tab's forward stepper shows at a step, Qt-free.

The output grid builds up as the stepper moves (`built_up_output`: cells computed so far hold
their value, the rest NaN, drawn empty); a click on an output cell jumps there
(`position_at`); a click on an input cell lists every output cell it feeds (`cells_fed_by`);
views of the same quantity share one colour scale unless the learner asks for per-view
contrast (`shared_levels`). Tests: tests/test_conv_steps.py.
"""

from __future__ import annotations

import numpy as np

from explorer.ui.levels import value_range

__all__ = ["built_up_output", "cells_fed_by", "position_at", "shared_levels"]


def built_up_output(output: np.ndarray, index: int) -> np.ndarray:
    """``output`` ((OH, OW), or (C, OH, OW) for a pooling: every channel's cell is computed at
    the same step) with the cells after step ``index`` (row-major over (OH, OW)) set to NaN."""
    out = np.array(output, dtype=np.float64)
    oh, ow = out.shape[-2:]
    flat = out.reshape(-1, oh * ow)
    flat[:, int(index) + 1:] = np.nan
    return flat.reshape(out.shape)


def position_at(stepper, row: int, col: int) -> int | None:
    """The step of output cell (row, col), or None outside the output."""
    oh, ow = stepper.output.shape[-2:]
    if 0 <= row < oh and 0 <= col < ow:
        return int(row) * int(ow) + int(col)
    return None


def cells_fed_by(stepper, row: int, col: int) -> list[tuple[int, int]]:
    """Every output cell (row, col) whose window covers input cell (``row``, ``col``) (input
    coordinates: 0 is the first row of the input, negative ones lie on the padding), in
    stepping order. Empty for a cell no window reaches."""
    (top, _), (left, _) = stepper.pads
    pr, pc = int(row) + top, int(col) + left      # padded-input coordinates
    kh, kw = stepper.kernel_size if hasattr(stepper, "kernel_size") else stepper.size
    sh, sw = stepper.stride
    oh, ow = stepper.output.shape[-2:]
    rows = [o for o in range(oh) if o * sh <= pr < o * sh + kh]
    cols = [o for o in range(ow) if o * sw <= pc < o * sw + kw]
    return [(r, c) for r in rows for c in cols]


def shared_levels(values, diverging: bool) -> tuple[float, float]:
    """One colour range for several views of the same quantity (the input grid, its im2col
    rows, a pooling's input and output): the range of all their finite values together
    (padding's -inf of max pooling left out)."""
    flat = [np.asarray(v, dtype=np.float64).ravel() for v in values]
    return value_range(np.concatenate(flat) if flat else np.zeros(0), diverging)
