"""Numbers behind the teaching views around the backward pass (pure NumPy, no Qt).

- :func:`receptive_field`: the input box a unit of any layer sees.
- :func:`connectivity`: a convolution's local connectivity and weight sharing, counted
  against a fully connected layer with the same input and output sizes.
- :func:`shift_image`, :func:`pooling_shift_effect`: how much a pooled map and a prediction
  change when the image moves by a few pixels.
- :func:`update_ratios`, :func:`weight_change`: the size of an update (or of the change since
  a run started) relative to the size of the weights.
- :func:`inception_anatomy`: an Inception block's branches, their channel ranges in the
  concatenated output and what the 1x1 reductions save.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .geometry import as_int, check_kernel, pool_geometry, window_geometry
from .layers import (
    AvgPool2D,
    BatchNorm2D,
    Conv2D,
    Dropout,
    Inception,
    LeakyReLU,
    LocalResponseNorm,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
)
from .models import Model

__all__ = [
    "ReceptiveField",
    "receptive_field",
    "Connectivity",
    "connectivity",
    "shift_image",
    "ShiftEffect",
    "pooling_shift_effect",
    "update_ratios",
    "WeightChange",
    "weight_change",
    "InceptionBranch",
    "InceptionAnatomy",
    "inception_anatomy",
]

#: Layers that act on each pixel position by itself (LRN mixes channels, not positions).
_POINTWISE = (ReLU, LeakyReLU, Sigmoid, Tanh, Dropout, BatchNorm2D, LocalResponseNorm)


# ---------------------------------------------------------------------------- receptive field
@dataclass(frozen=True)
class ReceptiveField:
    """The input box a unit sees, in input pixels.

    top, left, bottom, right : the box clipped to the input; bottom/right are one past the
    last row/column, so ``image[..., top:bottom, left:right]`` is the field. ``unclipped`` is
    the same box before clipping (it may reach into the padding, outside the image) and
    ``size`` its (height, width). ``whole_input`` is True at and after a Flatten/Dense layer.
    """

    top: int
    left: int
    bottom: int
    right: int
    unclipped: tuple[int, int, int, int]
    size: tuple[int, int]
    whole_input: bool = False


def _window_back(layer, in_shape, rows, cols):
    """Input (rows, cols) intervals (inclusive) seen by output intervals through one layer."""
    h, w = in_shape[1], in_shape[2]
    if isinstance(layer, Conv2D):
        kernel = layer.kernel_size
        stride, pads, _ = window_geometry((h, w), kernel, layer.stride, layer.padding)
    elif isinstance(layer, (MaxPool2D, AvgPool2D)):
        kernel, stride, pads, _ = pool_geometry((h, w), layer.kernel_size, layer.stride,
                                                layer.padding)
    elif isinstance(layer, _POINTWISE):
        return rows, cols
    elif isinstance(layer, Inception):
        spans = []
        for branch in layer.branches:
            shape, shapes = tuple(in_shape), []
            for sub in branch:
                shapes.append(shape)
                shape = sub.output_shape(shape)
            r, c = rows, cols
            for sub, shape in zip(reversed(branch), reversed(shapes)):
                r, c = _window_back(sub, shape, r, c)
            spans.append((r, c))
        return ((min(s[0][0] for s in spans), max(s[0][1] for s in spans)),
                (min(s[1][0] for s in spans), max(s[1][1] for s in spans)))
    else:
        raise ValueError(f"receptive_field does not know layer {layer.name!r} of type "
                         f"{layer.type_name}")
    (sh, sw), ((top, _), (left, _)) = stride, pads
    return ((rows[0] * sh - top, rows[1] * sh - top + kernel[0] - 1),
            (cols[0] * sw - left, cols[1] * sw - left + kernel[1] - 1))


def receptive_field(model: Model, layer_name: str, row: int, col: int = 0) -> ReceptiveField:
    """The input box that unit (row, col) of layer ``layer_name`` depends on (any channel:
    every channel of a position sees the same box).

    For a flat layer (Flatten, Dense and after), ``row`` is the unit index, ``col`` must be 0
    and the field is the whole input. Raises ValueError for an unknown layer or a position
    outside the layer's output.
    """
    rows = model.summary()
    names = [r["name"] for r in rows]
    if layer_name not in names:
        raise ValueError(f"model {model.name!r} has no layer {layer_name!r}; its layers are "
                         f"{', '.join(names)}")
    at = names.index(layer_name)
    out_shape = rows[at]["output_shape"]
    row, col = as_int(row, "row"), as_int(col, "col")
    _, h, w = model.input_shape
    if len(out_shape) == 1:
        if not (0 <= row < out_shape[0] and col == 0):
            raise ValueError(f"{layer_name} has {out_shape[0]} units: row must be in "
                             f"0..{out_shape[0] - 1} and col 0, got ({row}, {col})")
        return ReceptiveField(0, 0, h, w, (0, 0, h, w), (h, w), whole_input=True)
    if not (0 <= row < out_shape[1] and 0 <= col < out_shape[2]):
        raise ValueError(f"({row}, {col}) is outside {layer_name}'s output of "
                         f"{out_shape[1]}x{out_shape[2]}")
    r, c = (row, row), (col, col)
    for i in range(at, -1, -1):
        r, c = _window_back(model.layers[i], rows[i]["input_shape"], r, c)
    unclipped = (r[0], c[0], r[1] + 1, c[1] + 1)
    return ReceptiveField(max(r[0], 0), max(c[0], 0), min(r[1] + 1, h), min(c[1] + 1, w),
                          unclipped, (r[1] - r[0] + 1, c[1] - c[0] + 1))


# ------------------------------------------------------------------------------- connectivity
@dataclass(frozen=True, repr=False)
class Connectivity:
    """A convolution compared with a fully connected layer of the same sizes.

    input_shape (C_in, H, W), output_shape (C_out, OH, OW). ``dense_weights`` =
    (C_in*H*W) * (C_out*OH*OW) weights + C_out*OH*OW biases (every input to every output);
    ``conv_weights`` = KH*KW*C_in*C_out + C_out (one kernel per filter, shared by all
    positions). ``wiring`` : int ndarray of shape (OH*OW, KH*KW), for each output position
    (row-major) the flat input positions ``row * W + col`` it is wired to, -1 where the
    window lies on padding; ``connections`` (OH*OW,) how many real inputs each one has.
    """

    input_shape: tuple[int, int, int]
    output_shape: tuple[int, int, int]
    kernel: tuple[int, int]
    dense_weights: int
    conv_weights: int
    wiring: np.ndarray
    connections: np.ndarray

    @property
    def ratio(self) -> float:
        """How many times more parameters the fully connected layer needs."""
        return self.dense_weights / self.conv_weights

    def __repr__(self) -> str:
        return (f"Connectivity(input{self.input_shape} -> output{self.output_shape}, dense "
                f"{self.dense_weights:,} vs conv {self.conv_weights:,} weights)")


def connectivity(h: int, w: int, kernel, stride=1, padding=0, c_in: int = 1,
                 c_out: int = 1) -> Connectivity:
    """Count and list the connections of a convolution of an (c_in, h, w) input (see
    :class:`Connectivity`); the 6x6 input with a 3x3 kernel has 16 outputs wired to 9 each."""
    h, w = as_int(h, "h", 1), as_int(w, "w", 1)
    c_in, c_out = as_int(c_in, "c_in", 1), as_int(c_out, "c_out", 1)
    kh, kw = check_kernel(kernel, "kernel")
    (sh, sw), ((top, _), (left, _)), (oh, ow) = window_geometry((h, w), (kh, kw), stride,
                                                                padding)
    rows = (np.arange(oh) * sh - top)[:, None, None, None] + np.arange(kh)[None, None, :, None]
    cols = (np.arange(ow) * sw - left)[None, :, None, None] + np.arange(kw)[None, None, None, :]
    rows, cols = np.broadcast_arrays(rows, cols)
    inside = (rows >= 0) & (rows < h) & (cols >= 0) & (cols < w)
    wiring = np.where(inside, rows * w + cols, -1).reshape(oh * ow, kh * kw)
    n_in, n_out = c_in * h * w, c_out * oh * ow
    return Connectivity(
        input_shape=(c_in, h, w), output_shape=(c_out, oh, ow), kernel=(kh, kw),
        dense_weights=n_in * n_out + n_out, conv_weights=kh * kw * c_in * c_out + c_out,
        wiring=wiring, connections=(wiring >= 0).sum(axis=1),
    )


# ------------------------------------------------------------------------------------ shifts
def shift_image(x, dx: int, dy: int) -> np.ndarray:
    """x moved ``dx`` pixels right and ``dy`` pixels down (negative: left/up), zero filled.

    x : ndarray whose last two axes are (H, W), e.g. (H, W), (C, H, W) or (N, C, H, W).
    Returns a new array of the same shape and dtype.
    """
    x = np.asarray(x)
    if x.ndim < 2:
        raise ValueError(f"shift_image needs an image (..., H, W), got shape {x.shape}")
    dx, dy = as_int(dx, "dx"), as_int(dy, "dy")
    h, w = x.shape[-2:]
    out = np.zeros_like(x)
    if abs(dx) >= w or abs(dy) >= h:
        return out
    src_r = slice(max(-dy, 0), h - max(dy, 0))
    dst_r = slice(max(dy, 0), h - max(-dy, 0))
    src_c = slice(max(-dx, 0), w - max(dx, 0))
    dst_c = slice(max(dx, 0), w - max(-dx, 0))
    out[..., dst_r, dst_c] = x[..., src_r, src_c]
    return out


@dataclass(frozen=True, repr=False)
class ShiftEffect:
    """A layer's output and the prediction before and after shifting the image.

    before, after : ndarrays of the layer's output shape (C, OH, OW) for one image.
    changed : how many of the ``cells`` output values moved by more than the tolerance.
    prediction_before/after : class indices; probs_before/after : (K,) softmax.
    """

    shifted: np.ndarray
    before: np.ndarray
    after: np.ndarray
    changed: int
    cells: int
    prediction_before: int
    prediction_after: int
    probs_before: np.ndarray
    probs_after: np.ndarray

    def __repr__(self) -> str:
        return (f"ShiftEffect({self.changed} of {self.cells} cells changed, prediction "
                f"{self.prediction_before} -> {self.prediction_after})")


def pooling_shift_effect(model: Model, x, dx: int, dy: int, layer_name: str,
                         atol: float = 1e-6) -> ShiftEffect:
    """Shift image x (C, H, W) / (H, W) by (dx, dy) and compare ``layer_name``'s output (a
    pooling layer, for the lesson; any layer works) and the prediction. Inference mode."""
    x = np.asarray(x)
    if x.ndim == 2:
        x = x[None]
    if x.shape != tuple(model.input_shape):
        raise ValueError(f"x must be one image of shape {tuple(model.input_shape)}, got "
                         f"{x.shape}")
    names = [layer.name for layer in model.layers]
    if layer_name not in names:
        raise ValueError(f"model {model.name!r} has no layer {layer_name!r}; its layers are "
                         f"{', '.join(names)}")
    if not (np.isfinite(atol) and atol >= 0):
        raise ValueError(f"atol must be a finite number >= 0, got {atol!r}")
    shifted = shift_image(x, dx, dy)
    both = np.stack([x, shifted])
    before, after = dict(model.trace(both))[layer_name]
    probs = model.predict_proba(both)
    changed = int(np.count_nonzero(np.abs(after - before) > atol))
    return ShiftEffect(shifted=shifted, before=before, after=after, changed=changed,
                       cells=int(before.size), prediction_before=int(probs[0].argmax()),
                       prediction_after=int(probs[1].argmax()), probs_before=probs[0],
                       probs_after=probs[1])


# ---------------------------------------------------------------------------- update sizes
def _check_same(a: dict, b: dict, what: str):
    if set(a) != set(b):
        raise ValueError(f"{what}: the two dicts must have the same keys; only in the first: "
                         f"{sorted(set(a) - set(b))}, only in the second: "
                         f"{sorted(set(b) - set(a))}")
    for k in a:
        if np.shape(a[k]) != np.shape(b[k]):
            raise ValueError(f"{what}: {k} has shape {np.shape(a[k])} in the first dict and "
                             f"{np.shape(b[k])} in the second")


def _ratio(diff_sq: float, base_sq: float) -> float:
    if base_sq == 0:
        return 0.0 if diff_sq == 0 else float("inf")
    return float(np.sqrt(diff_sq / base_sq))


def update_ratios(before: dict, after: dict, per: str = "tensor") -> dict[str, float]:
    """``||after - before|| / ||before||`` (L2 norms) for a per-batch health plot.

    before, after : ``{"conv1.weight": ndarray, ...}`` (Model.parameters() copied before and
    after an optimiser step). per : "tensor" (one ratio per parameter array) or "layer" (the
    arrays of a layer pooled: ``conv1`` from conv1.weight and conv1.bias; an Inception
    block's sub-layers count as the block). A zero-norm ``before`` gives 0 if nothing moved,
    else inf. Around 1e-3 is the usual healthy size.
    """
    if per not in ("tensor", "layer"):
        raise ValueError(f"per must be 'tensor' or 'layer', got {per!r}")
    _check_same(before, after, "update_ratios")
    sums: dict[str, list[float]] = {}
    for key in before:
        # In the arrays' own float32 or float64 (the session calls this after every batch:
        # converting LeNet-5's weights to float64 took ~0.45 ms of a ~3 ms batch, this ~0.1),
        # the squares summed in float64 (pairwise): ratios agree with float64 to ~1e-8.
        b, a = _float_array(before[key]), _float_array(after[key])
        d = np.subtract(a, b, dtype=np.result_type(a, b)).ravel()
        name = key if per == "tensor" else key.split(".")[0]
        acc = sums.setdefault(name, [0.0, 0.0])
        acc[0] += float(np.add.reduce(np.square(d, out=d), dtype=np.float64))
        acc[1] += float(np.add.reduce(np.square(b.ravel()), dtype=np.float64))
    return {name: _ratio(d, b) for name, (d, b) in sums.items()}


def _float_array(value) -> np.ndarray:
    """``value`` as a float32 or float64 array (other dtypes as float64)."""
    arr = np.asarray(value)
    return arr if arr.dtype in (np.float32, np.float64) else arr.astype(np.float64)


@dataclass(frozen=True)
class WeightChange:
    """How far one parameter array moved since the run started: ``distance`` =
    ||current - initial||, ``relative`` = distance / ||initial|| (inf if the start was 0)."""

    distance: float
    relative: float
    initial_norm: float
    current_norm: float


def weight_change(initial: dict, current: dict) -> dict[str, WeightChange]:
    """Per parameter array, the change since the run started (see :class:`WeightChange`)."""
    _check_same(initial, current, "weight_change")
    out = {}
    for key in initial:
        a = np.asarray(initial[key], dtype=np.float64)
        c = np.asarray(current[key], dtype=np.float64)
        d_sq, a_sq = float(np.vdot(c - a, c - a)), float(np.vdot(a, a))
        out[key] = WeightChange(distance=float(np.sqrt(d_sq)), relative=_ratio(d_sq, a_sq),
                                initial_norm=float(np.sqrt(a_sq)),
                                current_norm=float(np.linalg.norm(c)))
    return out


# --------------------------------------------------------------------------------- inception
@dataclass(frozen=True)
class InceptionBranch:
    """One branch: its sub-layer names, a readable recipe ("1x1 conv 8 -> ReLU"), its output
    channels and their range ``[start, stop)`` in the block's concatenated output."""

    name: str
    layers: tuple[str, ...]
    recipe: str
    channels: int
    channel_range: tuple[int, int]
    params: int


@dataclass(frozen=True)
class InceptionAnatomy:
    """An Inception block opened up.

    params : the block's parameter count; params_without_reduction : the same block with the
    3x3 and 5x5 convolutions applied straight to the block's input (no 1x1 reductions).
    mults / mults_without_reduction : multiplications per output pixel (sum of KH*KW*C_in*C_out
    over the block's convolutions) with and without the reductions.
    """

    name: str
    in_channels: int
    out_channels: int
    branches: tuple[InceptionBranch, ...]
    params: int
    params_without_reduction: int
    mults: int
    mults_without_reduction: int


def _recipe(layer) -> str:
    if isinstance(layer, Conv2D):
        kh, kw = layer.kernel_size
        return f"{kh}x{kw} conv {layer.filters}"
    if isinstance(layer, MaxPool2D):
        kh, kw = layer.kernel_size
        return f"{kh}x{kw} max pool"
    return layer.type_name


def inception_anatomy(model: Model, layer_name: str) -> InceptionAnatomy:
    """Branches, channel ranges and parameter counts of the Inception layer ``layer_name``."""
    layer = next((item for item in model.layers if item.name == layer_name), None)
    if not isinstance(layer, Inception):
        kinds = [item.name for item in model.layers if isinstance(item, Inception)]
        raise ValueError(f"{layer_name!r} is not an Inception layer of {model.name!r}; its "
                         f"Inception layers: {', '.join(kinds) or 'none'}")
    c_in = next(r["input_shape"][0] for r in model.summary() if r["name"] == layer_name)
    branches, start, mults = [], 0, 0
    for i, branch in enumerate(layer.branches, 1):
        convs = [sub for sub in branch if isinstance(sub, Conv2D)]
        out = convs[-1].filters
        for conv in convs:
            mults += conv.kernel_size[0] * conv.kernel_size[1] * conv.in_channels * conv.filters
        branches.append(InceptionBranch(
            name=f"b{i}", layers=tuple(sub.name for sub in branch),
            recipe=" -> ".join(_recipe(sub) for sub in branch), channels=out,
            channel_range=(start, start + out), params=sum(sub.n_params for sub in branch)))
        start += out
    s = layer.sizes
    direct = {3: s["b2"], 5: s["b3"]}  # the 3x3 and 5x5 convolutions on the raw input
    params_direct = (branches[0].params + branches[3].params
                     + sum(k * k * c_in * f + f for k, f in direct.items()))
    mults_direct = (c_in * s["b1"] + c_in * s["b4"]
                    + sum(k * k * c_in * f for k, f in direct.items()))
    return InceptionAnatomy(
        name=layer_name, in_channels=int(c_in), out_channels=start, branches=tuple(branches),
        params=layer.n_params, params_without_reduction=params_direct, mults=mults,
        mults_without_reduction=mults_direct,
    )
