"""Apply a 2-D kernel to a 2-D image, the way a one-filter convolution layer does.

Images are ``(H, W)`` float arrays, kernels ``(KH, KW)``. The output has the input's size: the
image is padded by ``(KH - 1) // 2`` rows on top and the rest at the bottom (the same for
columns), like TensorFlow's "same" padding, and then ``functional.conv2d`` runs with padding 0.
Large images are filtered in horizontal bands so memory stays small.

Pure NumPy: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.engine import functional
from explorer.engine.kernels import check_kernel

#: Padding modes: zero (constant 0), reflect (mirror without repeating the edge:
#: ``d c b | a b c d``), replicate (repeat the edge pixel: ``a a a | a b c d``).
PADDING_MODES = ("zero", "reflect", "replicate")
_NP_PAD_MODE = {"zero": "constant", "reflect": "reflect", "replicate": "edge"}

# im2col holds (rows * W) x (KH * KW) numbers per band; this bounds one band to ~32 MB of float64.
_BAND_ELEMENTS = 4_000_000


def check_image(image) -> np.ndarray:
    """``image`` as an ``(H, W)`` float64 array; ``ValueError`` if not 2-D, empty or not finite."""
    x = np.asarray(image, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError(f"an image is a 2-D (H, W) array of grey values, got shape {x.shape}")
    if x.size == 0:
        raise ValueError(f"the image is empty (shape {x.shape})")
    if not np.all(np.isfinite(x)):
        raise ValueError("the image holds NaN or infinity")
    return x


def same_padding(kernel_hw: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]]:
    """``((top, bottom), (left, right))`` that keeps the output size: ``top = (KH - 1) // 2``
    and ``bottom = KH - 1 - top`` (an even kernel puts the extra row at the bottom), likewise
    columns."""
    # The engine's SAME rule at stride 1 (it then does not depend on the image size).
    return functional.resolve_padding("same", kernel_hw, kernel_hw, 1)


def pad_image(image: np.ndarray, kernel_hw: tuple[int, int], padding: str = "zero") -> np.ndarray:
    """``image`` ``(H, W)`` padded for a same-size output: ``(H + KH - 1, W + KW - 1)``."""
    if padding not in _NP_PAD_MODE:
        raise ValueError(
            f"unknown padding mode {padding!r}; choose one of {', '.join(PADDING_MODES)}"
        )
    return np.pad(image, same_padding(kernel_hw), mode=_NP_PAD_MODE[padding])


def apply_kernel(image, kernel, padding: str = "zero", flip: bool = False) -> np.ndarray:
    """Filter ``image`` ``(H, W)`` with ``kernel`` ``(KH, KW)``; returns ``(H, W)`` float64.

    ``flip=False`` is cross-correlation (what a CNN layer computes: the kernel is laid on the image
    as written); ``flip=True`` rotates the kernel by 180 degrees first, which is the true
    convolution of signal processing. ``padding`` is one of ``PADDING_MODES``."""
    x = check_image(image)
    k = check_kernel(kernel)
    padded = pad_image(x, k.shape, padding)
    h, w = x.shape
    kh, kw = k.shape
    weight = k[None, None]
    rows = max(1, _BAND_ELEMENTS // max(1, w * kh * kw))
    out = np.empty((h, w), dtype=np.float64)
    for r0 in range(0, h, rows):
        r1 = min(h, r0 + rows)
        band = padded[r0 : r1 + kh - 1][None, None]
        out[r0:r1] = functional.conv2d(band, weight, None, stride=1, padding=0, flip=flip)[0, 0]
    return out


def edge_magnitude(gx: np.ndarray, gy: np.ndarray) -> np.ndarray:
    """``sqrt(gx**2 + gy**2)`` of two ``(H, W)`` responses (x and y derivative): how strong the
    edge is, whatever its direction."""
    gx = np.asarray(gx, dtype=np.float64)
    gy = np.asarray(gy, dtype=np.float64)
    if gx.shape != gy.shape:
        raise ValueError(
            f"x and y responses must have the same shape, got {gx.shape} and {gy.shape}"
        )
    return np.hypot(gx, gy)


def histogram(values: np.ndarray, bins: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """``(counts (bins,), edges (bins + 1,))`` of all values; a constant array gets one bin
    of width 1 around its value (centred) so it can still be drawn."""
    v = np.asarray(values, dtype=np.float64).ravel()
    lo, hi = (float(v.min()), float(v.max())) if v.size else (0.0, 0.0)
    if hi - lo < 1e-12 * max(1.0, abs(lo), abs(hi)):
        return np.array([v.size], dtype=np.int64), np.array([lo - 0.5, lo + 0.5])
    counts, edges = np.histogram(v, bins=bins, range=(lo, hi))
    return counts.astype(np.int64), edges


@dataclass(frozen=True, eq=False)
class FilterResult:
    """What the Kernel lab shows for one kernel on one image.

    ``output`` ``(H, W)`` float32 (the response, or the edge magnitude when ``magnitude``);
    ``minimum`` / ``maximum`` its value range; ``hist_counts`` ``(B,)`` / ``hist_edges``
    ``(B + 1,)`` its histogram; ``signed`` whether any value is negative (shown on a diverging
    map)."""

    output: np.ndarray
    minimum: float
    maximum: float
    hist_counts: np.ndarray
    hist_edges: np.ndarray
    padding: str
    flip: bool
    magnitude: bool

    @property
    def signed(self) -> bool:
        return self.minimum < 0

    def __repr__(self) -> str:
        h, w = self.output.shape
        kind = (
            "magnitude" if self.magnitude else ("convolution" if self.flip else "cross-correlation")
        )
        return (
            f"FilterResult({h}x{w} {kind}, padding={self.padding!r}, "
            f"range=[{self.minimum:.4g}, {self.maximum:.4g}])"
        )


def filter_image(
    image,
    kernel,
    padding: str = "zero",
    flip: bool = False,
    magnitude: bool = False,
    bins: int = 64,
) -> FilterResult:
    """Everything the Kernel lab draws for ``kernel`` ``(KH, KW)`` on ``image`` ``(H, W)``.

    With ``magnitude=True`` the output is ``edge_magnitude(image * kernel, image * kernel.T)``: the
    kernel is taken as the x derivative and its transpose as the y derivative (Sobel, Prewitt and
    Scharr y are exactly their x kernels transposed)."""
    k = check_kernel(kernel)
    out = apply_kernel(image, k, padding, flip)
    if magnitude:
        out = edge_magnitude(out, apply_kernel(image, k.T, padding, flip))
    counts, edges = histogram(out, bins)
    return FilterResult(
        output=out.astype(np.float32),
        minimum=float(out.min()),
        maximum=float(out.max()),
        hist_counts=counts,
        hist_edges=edges,
        padding=padding,
        flip=bool(flip),
        magnitude=bool(magnitude),
    )
