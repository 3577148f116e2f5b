"""The backward pass of a convolution and of pooling, one cell at a time (pure NumPy, no Qt).

:class:`ConvBackwardStepper` writes out the textbook's three gradients of a convolution

- **dX**: dY with zeros inserted between its rows/columns (for stride > 1), padded by K-1 on
  every side (and by the rows/columns the forward pass never reached at the bottom/right),
  slid under the kernel rotated 180 degrees. The result covers the *padded* input; the forward
  pass's padding is cropped off at the end (those cells are gradients for padding zeros).
- **dW**: for each kernel cell, the input cells it multiplied (one per output position)
  times dY, summed.
- **db**: the sum of dY per filter.

:class:`PoolBackwardStepper` routes each dY cell back through its pooling window (to the
winner for max pooling, an equal share to every cell for average pooling).

The ``dx`` / ``dweight`` / ``dbias`` attributes are the engine's own results
(:func:`functional.conv2d_backward`, ``max_pool2d_backward``, ``avg_pool2d_backward``); the
positions are the arithmetic written out, computed separately here, so that a test can check
that stepping through every cell rebuilds the engine's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from . import functional as F
from .geometry import check_kernel, check_stride, pool_geometry, window_geometry

__all__ = [
    "ConvBackwardStepper",
    "DxPosition",
    "DwPosition",
    "DbPosition",
    "PoolBackwardStepper",
    "PoolGradPosition",
    "relu_backward_gate",
]


def _float(a, what: str) -> np.ndarray:
    """``a`` as a float array (ints and bools -> float64); ValueError naming ``what`` else."""
    a = np.asarray(a)
    if a.dtype == bool or np.issubdtype(a.dtype, np.integer):
        return a.astype(np.float64)
    if not np.issubdtype(a.dtype, np.floating):
        raise ValueError(f"{what} must hold real numbers, got dtype {a.dtype}")
    return a


def relu_backward_gate(x_forward, dout) -> tuple[np.ndarray, np.ndarray]:
    """The ReLU's backward as a gate: ``(mask, dx)``.

    x_forward : ndarray of any shape, the ReLU's input in the forward pass.
    dout : ndarray of the same shape, the gradient arriving from above.
    mask : bool ndarray, True where x > 0 (the gate is open); dx = dout where open, else 0
    (at x == 0 the gradient is 0, as in the engine's ReLU layer).
    """
    x_forward, dout = _float(x_forward, "x_forward"), _float(dout, "dout")
    if x_forward.shape != dout.shape:
        raise ValueError(
            f"relu_backward_gate: dout has shape {dout.shape} but the forward input has "
            f"shape {x_forward.shape}; they must match"
        )
    mask = x_forward > 0
    return mask, np.where(mask, dout, dout.dtype.type(0))


# ---------------------------------------------------------------------------------- convolution
@dataclass(frozen=True, repr=False)
class DxPosition:
    """One cell of the full (padded-input sized) dX, explained.

    row, col : the cell in padded-input coordinates; ``input_cell`` is (row, col) in the real
    input, or None when the cell is padding (``cropped``: computed, then thrown away).
    window : (top, left, KH, KW) on ``dy_grid``. dy_window, kernel, products : ndarrays of shape
    (F, KH, KW): the grid under the window, the kernel rotated 180 degrees (filter f, this
    channel) and their product. filter_sums (F,); ``total`` their sum; ``result`` the engine's
    dx value of ``input_cell`` (None when cropped).
    """

    index: int
    sample: int
    channel: int
    row: int
    col: int
    window: tuple[int, int, int, int]
    dy_window: np.ndarray
    kernel: np.ndarray
    products: np.ndarray
    filter_sums: np.ndarray
    total: float
    cropped: bool
    input_cell: tuple[int, int] | None
    result: float | None

    def __repr__(self) -> str:
        where = "cropped" if self.cropped else f"dx{self.input_cell}"
        return (f"DxPosition(#{self.index} at ({self.row}, {self.col}), {where}, "
                f"total={self.total:.6g})")


@dataclass(frozen=True, repr=False)
class DwPosition:
    """One weight cell (filter, channel, row, col) of dW, explained.

    offset : (i, j), where this weight sits in the kernel as applied (rotated when flip).
    window : (top, left, height, width) in padded-input coordinates of the cells it multiplied,
    taken every ``stride`` rows/columns. x_cells, dy, products : ndarrays of shape
    (N, OH, OW): those input values, dY, their product. ``total`` is the sum; ``result`` the
    engine's dweight value.
    """

    index: int
    filter: int
    channel: int
    row: int
    col: int
    offset: tuple[int, int]
    window: tuple[int, int, int, int]
    x_cells: np.ndarray
    dy: np.ndarray
    products: np.ndarray
    total: float
    result: float

    def __repr__(self) -> str:
        return (f"DwPosition(#{self.index} w[{self.filter}, {self.channel}, {self.row}, "
                f"{self.col}], total={self.total:.6g})")


@dataclass(frozen=True, repr=False)
class DbPosition:
    """The bias gradient of one filter: dy (N, OH, OW) summed; ``result`` the engine's."""

    filter: int
    dy: np.ndarray
    total: float
    result: float

    def __repr__(self) -> str:
        return f"DbPosition(filter {self.filter}, total={self.total:.6g})"


class ConvBackwardStepper:
    """The gradients of one convolution ``y = conv(x, weight) + b``, walkable cell by cell.

    x : (C, H, W), (N, C, H, W) or (H, W) (one channel). weight : (C, KH, KW) for one filter,
    (F, C, KH, KW), or (KH, KW) for one channel. dout : the gradient of the forward output:
    (OH, OW) for one image and one filter, (F, OH, OW), (N, OH, OW) or (N, F, OH, OW).
    stride, padding, flip : as in :func:`functional.conv2d`.

    Results, shaped like the arguments: ``dx`` (like x), ``dweight`` (like weight), ``dbias``
    (a float for one filter, else (F,)), from :func:`functional.conv2d_backward`.

    Internals, always 4-D: ``x4`` (N, C, H, W), ``weight4`` (F, C, KH, KW), ``dout4``
    (N, F, OH, OW); ``applied_kernel`` (F, C, KH, KW), the kernel as slid in the forward pass;
    ``rotated_kernel`` the same rotated 180 degrees (the kernel dX slides); ``padded_x``
    (N, C, Hp, Wp); ``dy_dilated`` (N, F, (OH-1)*SH+1, (OW-1)*SW+1); ``dy_grid``
    (N, F, Hp+KH-1, Wp+KW-1), the dilated dY padded by ``grid_pads``; ``dy_grid_mask``
    (Hp+KH-1, Wp+KW-1), True where a real dY cell sits; ``full_dx`` (N, C, Hp, Wp), dX over
    the padded input; ``crop`` (top, left, H, W), the part of full_dx that is dX;
    ``cropped_mask`` (Hp, Wp), True for the cells thrown away.
    """

    def __init__(self, x, weight, dout, stride=1, padding=0, flip: bool = False):
        x = _float(x, "x")
        if x.ndim not in (2, 3, 4):
            raise ValueError(f"x must have shape (C, H, W), (N, C, H, W) or (H, W), got {x.shape}")
        self._batched = x.ndim == 4
        x4 = x if x.ndim == 4 else (x[None, None] if x.ndim == 2 else x[None])
        weight = _float(weight, "weight").astype(x4.dtype, copy=False)
        if weight.ndim not in (2, 3, 4):
            raise ValueError(
                f"weight must have shape (C, KH, KW), (F, C, KH, KW) or (KH, KW), got "
                f"{weight.shape}"
            )
        self._multi = weight.ndim == 4
        w4 = weight if weight.ndim == 4 else (weight[None, None] if weight.ndim == 2
                                               else weight[None])
        n, c, h, w = x4.shape
        f, wc, kh, kw = w4.shape
        if wc != c:
            raise ValueError(
                f"the weight has {wc} channels but x has {c}: a filter needs one channel per "
                "input channel"
            )
        self.stride, self.pads, (oh, ow) = window_geometry((h, w), (kh, kw), stride, padding)
        expected = (n,) if self._batched else ()
        expected += (f,) if self._multi else ()
        expected += (oh, ow)
        dout = _float(dout, "dout")
        if dout.shape != expected:
            raise ValueError(
                f"dout must have shape {expected} (the forward output for x {x.shape}, weight "
                f"{weight.shape}, stride {self.stride}, padding {padding!r}), got {dout.shape}"
            )
        self.padding, self.flip = padding, bool(flip)
        self.x4, self.weight4 = x4, w4
        self.dout4 = dout.astype(x4.dtype, copy=False).reshape(n, f, oh, ow)
        self.out_hw = (oh, ow)

        # The engine's answer.
        bias = np.zeros(f, dtype=x4.dtype)
        _, cache = F.conv2d_forward(x4, w4, bias, stride=self.stride, padding=self.pads, flip=flip)
        dx4, dw4, db = F.conv2d_backward(self.dout4, cache)
        self.dx4 = np.ascontiguousarray(dx4)
        self.dweight4 = np.ascontiguousarray(dw4)
        self.dbias1 = np.asarray(db)
        self.dx = self.dx4.reshape(x.shape)
        self.dweight = self.dweight4.reshape(weight.shape)
        self.dbias = self.dbias1 if self._multi else float(self.dbias1[0])

        # The explanation: dilate, pad, slide the rotated kernel.
        (top, bottom), (left, right) = self.pads
        hp, wp = h + top + bottom, w + left + right
        sh, sw = self.stride
        self.applied_kernel = w4[:, :, ::-1, ::-1] if self.flip else w4
        self.rotated_kernel = np.ascontiguousarray(self.applied_kernel[:, :, ::-1, ::-1])
        self.padded_x = np.pad(x4, ((0, 0), (0, 0), (top, bottom), (left, right)))
        dh, dw_ = (oh - 1) * sh + 1, (ow - 1) * sw + 1
        self.dy_dilated = np.zeros((n, f, dh, dw_), dtype=x4.dtype)
        self.dy_dilated[:, :, ::sh, ::sw] = self.dout4
        # K-1 before; K-1 plus the rows the forward windows never reached after.
        self.grid_pads = ((kh - 1, hp - dh), (kw - 1, wp - dw_))
        self.dy_grid = np.pad(self.dy_dilated, ((0, 0), (0, 0)) + self.grid_pads)
        self.dy_grid_mask = np.zeros(self.dy_grid.shape[2:], dtype=bool)
        self.dy_grid_mask[kh - 1 : kh - 1 + dh : sh, kw - 1 : kw - 1 + dw_ : sw] = True
        windows = sliding_window_view(self.dy_grid, (kh, kw), axis=(2, 3))  # (N,F,Hp,Wp,KH,KW)
        self.full_dx = np.einsum("nfabij,fcij->ncab", windows, self.rotated_kernel)
        self.crop = (top, left, h, w)
        self.cropped_mask = np.ones((hp, wp), dtype=bool)
        self.cropped_mask[top : top + h, left : left + w] = False

    # -- sizes ---------------------------------------------------------------------------------
    @property
    def kernel_size(self) -> tuple[int, int]:
        return int(self.weight4.shape[2]), int(self.weight4.shape[3])

    @property
    def n_dx_positions(self) -> int:
        """Cells of full_dx: N * C * Hp * Wp."""
        return self.full_dx.size

    @property
    def n_dw_positions(self) -> int:
        """Weight cells: F * C * KH * KW."""
        return self.weight4.size

    def dy_grid_position(self, row: int, col: int) -> tuple[int, int]:
        """Where dY cell (row, col) sits in ``dy_grid``."""
        kh, kw = self.kernel_size
        return kh - 1 + row * self.stride[0], kw - 1 + col * self.stride[1]

    # -- dX ------------------------------------------------------------------------------------
    def dx_position(self, index: int) -> DxPosition:
        """Cell ``index`` of full_dx, row-major over (N, C, Hp, Wp)."""
        n_pos = self.n_dx_positions
        if not 0 <= index < n_pos:
            raise IndexError(f"dx position {index} is outside 0..{n_pos - 1}")
        sample, channel, row, col = (int(v) for v in np.unravel_index(index, self.full_dx.shape))
        kh, kw = self.kernel_size
        dy_window = self.dy_grid[sample, :, row : row + kh, col : col + kw]
        kernel = self.rotated_kernel[:, channel]
        products = dy_window * kernel
        sums = products.sum(axis=(1, 2))
        top, left, h, w = self.crop
        cropped = bool(self.cropped_mask[row, col])
        cell = None if cropped else (row - top, col - left)
        result = None if cropped else float(self.dx4[sample, channel, cell[0], cell[1]])
        return DxPosition(
            index=int(index), sample=sample, channel=channel, row=row, col=col,
            window=(row, col, kh, kw), dy_window=dy_window, kernel=kernel, products=products,
            filter_sums=sums, total=float(sums.sum()), cropped=cropped, input_cell=cell,
            result=result,
        )

    def dx_positions(self):
        return (self.dx_position(i) for i in range(self.n_dx_positions))

    def assemble_dx(self) -> np.ndarray:
        """dX (shaped like x) rebuilt from the per-cell totals, cropped cells left out."""
        out = np.zeros(self.x4.shape, dtype=self.full_dx.dtype)
        for p in self.dx_positions():
            if not p.cropped:
                out[p.sample, p.channel, p.input_cell[0], p.input_cell[1]] = p.total
        return out.reshape(self.dx.shape)

    # -- dW and db -----------------------------------------------------------------------------
    def dw_position(self, index: int) -> DwPosition:
        """Weight cell ``index``, row-major over (F, C, KH, KW)."""
        n_pos = self.n_dw_positions
        if not 0 <= index < n_pos:
            raise IndexError(f"dw position {index} is outside 0..{n_pos - 1}")
        f, c, i, j = (int(v) for v in np.unravel_index(index, self.weight4.shape))
        kh, kw = self.kernel_size
        ai, aj = (kh - 1 - i, kw - 1 - j) if self.flip else (i, j)
        (sh, sw), (oh, ow) = self.stride, self.out_hw
        x_cells = self.padded_x[:, c, ai : ai + (oh - 1) * sh + 1 : sh,
                                aj : aj + (ow - 1) * sw + 1 : sw]
        dy = self.dout4[:, f]
        products = x_cells * dy
        return DwPosition(
            index=int(index), filter=f, channel=c, row=i, col=j, offset=(ai, aj),
            window=(ai, aj, (oh - 1) * sh + 1, (ow - 1) * sw + 1), x_cells=x_cells, dy=dy,
            products=products, total=float(products.sum()),
            result=float(self.dweight4[f, c, i, j]),
        )

    def dw_positions(self):
        return (self.dw_position(i) for i in range(self.n_dw_positions))

    def assemble_dweight(self) -> np.ndarray:
        """dW (shaped like weight) rebuilt from the per-cell totals."""
        out = np.array([p.total for p in self.dw_positions()], dtype=self.dweight4.dtype)
        return out.reshape(self.dweight.shape)

    def db_position(self, filter_index: int = 0) -> DbPosition:
        f = self.weight4.shape[0]
        if not 0 <= filter_index < f:
            raise IndexError(f"filter {filter_index} is outside 0..{f - 1}")
        dy = self.dout4[:, filter_index]
        return DbPosition(filter=int(filter_index), dy=dy, total=float(dy.sum()),
                          result=float(self.dbias1[filter_index]))

    def __repr__(self) -> str:
        return (f"ConvBackwardStepper(x{self.x4.shape}, weight{self.weight4.shape}, "
                f"dout{self.dout4.shape}, stride={self.stride}, padding={self.padding!r}, "
                f"flip={self.flip})")


# -------------------------------------------------------------------------------------- pooling
@dataclass(frozen=True, repr=False)
class PoolGradPosition:
    """Where one dY cell (channel, row, col) of a pooling goes.

    window : (top, left, KH, KW) in padded-input coordinates. dy : the arriving gradient.
    destinations : tuple of (row, col) input cells that receive a part; amounts : the parts
    (the same order). winner : (i, j) inside the window for max pooling, else None.
    lost : what falls on padding cells (average pooling counts padding, so that share is
    computed and thrown away).
    """

    index: int
    channel: int
    row: int
    col: int
    window: tuple[int, int, int, int]
    dy: float
    destinations: tuple
    amounts: tuple
    winner: tuple[int, int] | None
    lost: float

    def __repr__(self) -> str:
        return (f"PoolGradPosition(#{self.index} c{self.channel} at ({self.row}, {self.col}), "
                f"dy={self.dy:.6g} -> {len(self.destinations)} cells)")


class PoolBackwardStepper:
    """The backward pass of max or average pooling of one image, walkable dY cell by dY cell.

    x : (C, H, W) or (H, W); dout : (C, OH, OW) or (OH, OW), the gradient of the pooled output.
    mode, size, stride, padding : as in :class:`explorer.engine.stepper.PoolStepper`.
    ``output`` (C, OH, OW) is the forward result; ``dx`` (like x) the engine's
    ``max_pool2d_backward`` / ``avg_pool2d_backward``.
    Max pooling sends each dY to its window's winner (the first maximum in row-major order
    when cells tie, as the engine); average pooling gives every cell of the window dY/(KH*KW),
    padding cells included (PyTorch's count_include_pad), whose shares are lost.
    """

    def __init__(self, x, dout, mode: str = "max", size=2, stride=None, padding=0):
        if mode not in ("max", "avg"):
            raise ValueError(f"pooling mode must be 'max' or 'avg', got {mode!r}")
        x = _float(x, "x")
        if x.ndim not in (2, 3):
            raise ValueError(f"x must have shape (C, H, W) or (H, W), got {x.shape}")
        x3 = x[None] if x.ndim == 2 else x
        self.mode = mode
        self.size = check_kernel(size, "pool size")
        self.stride = self.size if stride is None else check_stride(stride)
        self.padding = padding
        c, h, w = x3.shape
        _, _, self.pads, (oh, ow) = pool_geometry((h, w), self.size, self.stride, padding)
        expected = (oh, ow) if x.ndim == 2 else (c, oh, ow)
        dout = _float(dout, "dout")
        if dout.shape != expected:
            raise ValueError(
                f"dout must have shape {expected} (the pooled output for x {x.shape}, size "
                f"{self.size}, stride {self.stride}, padding {padding!r}), got {dout.shape}"
            )
        self.x3 = x3
        self.dout3 = dout.astype(x3.dtype, copy=False).reshape(c, oh, ow)
        forward = F.max_pool2d_forward if mode == "max" else F.avg_pool2d_forward
        out, cache = forward(x3[None], self.size, stride=self.stride, padding=padding)
        self.output = out[0]  # (C, OH, OW), the forward result
        backward = F.max_pool2d_backward if mode == "max" else F.avg_pool2d_backward
        self.dx = np.ascontiguousarray(backward(self.dout3[None], cache)[0]).reshape(x.shape)
        self._argmax = cache.argmax[0] if mode == "max" else None  # (C, OH, OW)

    @property
    def output_shape(self) -> tuple[int, int]:
        return int(self.dout3.shape[1]), int(self.dout3.shape[2])

    @property
    def n_positions(self) -> int:
        """dY cells: C * OH * OW."""
        return self.dout3.size

    def position(self, index: int) -> PoolGradPosition:
        """dY cell ``index``, row-major over (C, OH, OW)."""
        n_pos = self.n_positions
        if not 0 <= index < n_pos:
            raise IndexError(f"position {index} is outside 0..{n_pos - 1}")
        c, o, p = (int(v) for v in np.unravel_index(index, self.dout3.shape))
        (kh, kw), (sh, sw) = self.size, self.stride
        top, left = o * sh, p * sw
        (pt, _), (pl, _) = self.pads
        h, w = self.x3.shape[1:]
        dy = float(self.dout3[c, o, p])
        if self.mode == "max":
            flat = int(self._argmax[c, o, p])
            cells = [divmod(flat, kw)]
            share = dy
        else:
            cells = [(i, j) for i in range(kh) for j in range(kw)]
            share = dy / (kh * kw)
        destinations, amounts, lost = [], [], 0.0
        for i, j in cells:
            r, col = top + i - pt, left + j - pl
            if 0 <= r < h and 0 <= col < w:
                destinations.append((r, col))
                amounts.append(share)
            else:
                lost += share
        return PoolGradPosition(
            index=int(index), channel=c, row=o, col=p, window=(top, left, kh, kw), dy=dy,
            destinations=tuple(destinations), amounts=tuple(amounts),
            winner=cells[0] if self.mode == "max" else None, lost=lost,
        )

    def positions(self):
        return (self.position(i) for i in range(self.n_positions))

    def assemble(self) -> np.ndarray:
        """dX (shaped like x) rebuilt by adding every position's amounts."""
        out = np.zeros(self.x3.shape, dtype=np.float64)
        for pos in self.positions():
            for (r, c), amount in zip(pos.destinations, pos.amounts):
                out[pos.channel, r, c] += amount
        return out.reshape(self.dx.shape)

    def __repr__(self) -> str:
        return (f"PoolBackwardStepper({self.mode}, x{self.x3.shape}, size={self.size}, "
                f"stride={self.stride}, padding={self.padding!r})")
