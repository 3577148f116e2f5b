"""Convolution and pooling, forward and backward, in plain NumPy (the textbook's Chapter 7).

Every array is ``(N, C, H, W)``: N images, C channels, H rows, W columns. ``stride`` and
``padding`` take an int or a pair ``(h, w)``; ``padding`` also takes ``"valid"`` (no padding) or
``"same"`` (TensorFlow's meaning: the output has ``ceil(H / S)`` rows, and an odd total padding
puts the extra row/column at the bottom/right) or the resolved form ``((top, bottom), (left,
right))`` that :func:`resolve_padding` returns. Numeric padding follows PyTorch: the output has
``floor((H + 2P - K) / S) + 1`` rows.

A convolution is im2col plus one matrix product, as in the book. :func:`im2col` gives the
book's ``(N*OH*OW, C*KH*KW)`` matrix; the convolution itself builds its transpose in a
channel-major layout that is faster in NumPy (see the note above :func:`conv2d_forward`), so
its output and input gradient are ``(N, C, H, W)`` views of ``(C, N, H, W)`` memory.

Float32 stays float32 and float64 stays float64 (the dtype of ``x`` decides); other inputs are
computed in float64. Every op is checked against slow loop versions and finite differences
in ``tests/engine/test_functional.py``; ``benchmarks/bench_ops.py`` times them against PyTorch.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .nchw import check_4d as _check_4d
from .nchw import check_real as _check_real
from .nchw import pad2d
from .output_size import OutputSizeExplanation, explain_output_size
from .pooling_ops import (
    PoolCache,
    avg_pool2d,
    avg_pool2d_backward,
    avg_pool2d_forward,
    max_pool2d,
    max_pool2d_backward,
    max_pool2d_forward,
)
from .geometry import (
    check_kernel,
    conv_output_size,
    resolve_padding,
    window_geometry,
)

__all__ = [
    "conv2d",
    "conv2d_forward",
    "conv2d_backward",
    "max_pool2d",
    "max_pool2d_forward",
    "max_pool2d_backward",
    "avg_pool2d",
    "avg_pool2d_forward",
    "avg_pool2d_backward",
    "im2col",
    "col2im",
    "pad2d",
    "resolve_padding",
    "conv_output_size",
    "explain_output_size",
    "OutputSizeExplanation",
    "ConvCache",
    "PoolCache",
]


# ----------------------------------------------------------------------------------------------
# im2col / col2im
# ----------------------------------------------------------------------------------------------


def _windows(x_p: np.ndarray, kernel_hw, stride_hw, out_hw) -> np.ndarray:
    """A read-only view ``(N, C, OH, OW, KH, KW)`` of every window of the padded ``x_p``."""
    sh, sw = stride_hw
    oh, ow = out_hw
    view = sliding_window_view(x_p, kernel_hw, axis=(2, 3))
    return view[:, :, : (oh - 1) * sh + 1 : sh, : (ow - 1) * sw + 1 : sw]


def im2col(x, kernel_size, stride=1, padding=0, *, out=None) -> np.ndarray:
    """Unroll every window of ``x`` into one row (the textbook's ``im2col``).

    x : ndarray of shape (N, C, H, W).
    Returns cols : ndarray of shape (N*OH*OW, C*KH*KW); rows ordered (n, oh, ow), columns
    ordered (c, kh, kw), so ``cols @ weight.reshape(F, -1).T`` is the convolution.
    out : optional C-contiguous array of that shape and x's dtype to write into (reused memory).
    """
    x = _check_4d(x)
    kernel_hw = check_kernel(kernel_size)
    stride_hw, pads, out_hw = window_geometry(x.shape, kernel_hw, stride, padding)
    n, c = x.shape[:2]
    (oh, ow), (kh, kw) = out_hw, kernel_hw
    shape = (n * oh * ow, c * kh * kw)
    if out is None:
        out = np.empty(shape, dtype=x.dtype)
    elif out.shape != shape or not out.flags.c_contiguous:
        raise ValueError(f"out must be a C-contiguous array of shape {shape}, got {out.shape}")
    windows = _windows(pad2d(x, pads), kernel_hw, stride_hw, out_hw)  # (N, C, OH, OW, KH, KW)
    np.copyto(out.reshape(n, oh, ow, c, kh, kw), windows.transpose(0, 2, 3, 1, 4, 5))
    return out


def col2im(cols, x_shape, kernel_size, stride=1, padding=0, *, out=None) -> np.ndarray:
    """Fold rows of windows back into an image, summing where windows overlap.

    cols : ndarray of shape (N*OH*OW, C*KH*KW) laid out as :func:`im2col` makes it.
    x_shape : (N, C, H, W) of the image the windows came from.
    Returns x : ndarray of shape (N, C, H, W). This is the adjoint of im2col:
    ``<im2col(x), y> == <x, col2im(y, x.shape, ...)>``, which is why it is the backward of it.
    out : optional array of shape x_shape to write into (it is overwritten).
    """
    cols = np.asarray(cols)
    if len(x_shape) != 4:
        raise ValueError(f"x_shape must be (N, C, H, W), got {tuple(x_shape)}")
    n, c, h, w = (int(s) for s in x_shape)
    kernel_hw = check_kernel(kernel_size)
    stride_hw, pads, out_hw = window_geometry((n, c, h, w), kernel_hw, stride, padding)
    (oh, ow), (kh, kw) = out_hw, kernel_hw
    expected = (n * oh * ow, c * kh * kw)
    if cols.shape != expected:
        raise ValueError(
            f"cols must have shape {expected} for x_shape {(n, c, h, w)}, kernel {kernel_hw}, "
            f"stride {stride_hw}, padding {pads}; got {cols.shape}"
        )
    if not np.issubdtype(cols.dtype, np.floating):
        cols = cols.astype(np.float64)
    (top, bottom), (left, right) = pads
    (sh, sw) = stride_hw
    # One transposing copy to (N, C, KH, KW, OH, OW) first: the KH*KW adds below then read
    # contiguous planes (about 2x faster than adding from the strided columns directly).
    planes = np.ascontiguousarray(cols.reshape(n, oh, ow, c, kh, kw).transpose(0, 3, 4, 5, 1, 2))
    padded = np.zeros((n, c, h + top + bottom, w + left + right), dtype=cols.dtype)
    for i in range(kh):  # overlapping windows add up: one strided add per kernel offset
        for j in range(kw):
            padded[:, :, i : i + (oh - 1) * sh + 1 : sh,
                   j : j + (ow - 1) * sw + 1 : sw] += planes[:, :, i, j]
    x = padded[:, :, top : top + h, left : left + w]
    if out is None:
        return np.ascontiguousarray(x)
    if out.shape != (n, c, h, w):
        raise ValueError(f"out must have shape {(n, c, h, w)}, got {out.shape}")
    out[...] = x
    return out


# ----------------------------------------------------------------------------------------------
# Convolution
# ----------------------------------------------------------------------------------------------
#
# Layout used inside the convolution (the transpose of the book's im2col matrix):
#   xp   : (C, N, Hp, Wp)          the zero-padded input, channel-major ("CNHW")
#   cols : (C*KH*KW, N*OH*OW)      one column per output position, so out = W @ cols
#   out  : (F, N*OH*OW)            the GEMM result, returned as an (N, F, OH, OW) view
# Every im2col write is then a whole contiguous (OH, OW) plane, the GEMMs are large BLAS calls
# over the whole batch, and a channel-major output feeds the next convolution without a
# transpose copy. (Tried and dropped: a "full width" im2col for stride 1 whose copies are
# longer but which computes Wp - OW wasted columns per output row: slower overall; and
# splitting the batch into cache-sized chunks: no gain with this machine's large L3.)


@dataclass(repr=False)
class ConvCache:
    """What :func:`conv2d_backward` needs from the forward pass.

    cols : ndarray of shape (C*KH*KW, N*OH*OW), the patches of the padded input (see the
    layout note above); weight : the (F, C, KH, KW) kernel actually slid over the input
    (already flipped when ``flip``), in the computation dtype.
    """

    cols: np.ndarray
    weight: np.ndarray
    x_shape: tuple
    weight_dtype: np.dtype
    bias_dtype: np.dtype | None  # None: the forward had no bias
    stride: tuple
    pads: tuple
    out_hw: tuple
    flip: bool

    def __repr__(self) -> str:
        return (
            f"ConvCache(x_shape={self.x_shape}, weight={self.weight.shape}, stride={self.stride}, "
            f"pads={self.pads}, out_hw={self.out_hw}, flip={self.flip})"
        )


# OpenBLAS (NumPy's BLAS) is up to 2-3x slower on a product whose inner dimension is small
# (K <= 64, as C*KH*KW = 25 in a first conv layer) and whose other side is very long; cutting
# the long side into blocks whose F x block result stays within 128 KB avoids that (measured
# on issue 2's 2-core Xeon: LeNet conv1 forward GEMM 0.9 -> 0.4 ms, its weight gradient
# 1.6 -> 0.6 ms). Larger inner dimensions go to BLAS in one call.
_SMALL_INNER = 64
_BLOCK_BYTES = 1 << 17


def _column_block(f: int, k: int, p: int, itemsize: int) -> int:
    """Block length for an (f x k) @ (k x p) product, or 0 for one BLAS call."""
    if k > _SMALL_INNER:
        return 0
    block = max(256, _BLOCK_BYTES // (f * itemsize) // 256 * 256)
    return block if p > 2 * block else 0


def _matmul_wide(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a (F, K) @ b (K, P) -> (F, P), in column blocks when K is small."""
    (f, k), p = a.shape, b.shape[1]
    block = _column_block(f, k, p, b.itemsize)
    if not block:
        return a @ b
    out = np.empty((f, p), dtype=np.result_type(a, b))
    for start in range(0, p, block):
        np.matmul(a, b[:, start : start + block], out=out[:, start : start + block])
    return out


def _matmul_nt_long(d: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """d (F, P) @ cols (K, P).T -> (F, K), summed over blocks of P when K is small."""
    (f, p), k = d.shape, cols.shape[0]
    block = _column_block(f, k, p, d.itemsize)
    if not block:  # the same product as (K, P) @ (P, F): ~1.7x faster in OpenBLAS
        return (cols @ d.T).T
    acc = d[:, :block] @ cols[:, :block].T
    for start in range(block, p, block):
        acc += d[:, start : start + block] @ cols[:, start : start + block].T
    return acc


def _check_conv_args(x, weight, bias):
    x = _check_4d(x)
    weight = np.asarray(weight)
    if weight.ndim != 4:
        raise ValueError(f"weight must be 4-D (F, C, KH, KW), got shape {weight.shape}")
    _check_real(weight, "weight")
    if weight.shape[0] < 1 or weight.shape[1] < 1:
        raise ValueError(
            f"weight needs at least 1 filter and 1 channel, got {weight.shape[0]} filters and "
            f"{weight.shape[1]} channels (shape {weight.shape})"
        )
    if weight.shape[1] != x.shape[1]:
        raise ValueError(
            f"channel mismatch: x has {x.shape[1]} channels (shape {x.shape}) but weight "
            f"expects {weight.shape[1]} (shape {weight.shape})"
        )
    if weight.shape[2] < 1 or weight.shape[3] < 1:
        raise ValueError(f"weight kernel must be at least 1x1, got shape {weight.shape}")
    if bias is not None:
        bias = np.asarray(bias)
        _check_real(bias, "bias")
        if bias.shape != (weight.shape[0],):
            raise ValueError(
                f"bias must have shape ({weight.shape[0]},) (one per filter), got {bias.shape}"
            )
    return x, weight, bias


def _padded_channel_major(x, pads) -> np.ndarray:
    """x (N, C, H, W) -> zero-padded, C-contiguous (C, N, Hp, Wp)."""
    (top, bottom), (left, right) = pads
    xt = x.transpose(1, 0, 2, 3)  # free when x is a channel-major view (a conv output)
    if top == bottom == left == right == 0:
        return np.ascontiguousarray(xt)
    n, c, h, w = x.shape
    xp = np.zeros((c, n, h + top + bottom, w + left + right), dtype=x.dtype)
    xp[:, :, top : top + h, left : left + w] = xt
    return xp


def _conv_cols(xp, kernel_hw, stride_hw, out_hw) -> np.ndarray:
    """Patches of the channel-major padded input xp (C, N, Hp, Wp).

    Returns cols : ndarray of shape (C*KH*KW, N*OH*OW), rows ordered (c, kh, kw), columns
    ordered (n, oh, ow): the transpose of the textbook's im2col matrix.
    """
    c, n = xp.shape[:2]
    (kh, kw), (sh, sw), (oh, ow) = kernel_hw, stride_hw, out_hw
    s = xp.strides
    # A view (C, KH, KW, N, OH, OW) of every window of the contiguous xp: no data is copied yet
    # (np.ndarray on xp's buffer does what as_strided does, several microseconds faster).
    windows = np.ndarray(
        (c, kh, kw, n, oh, ow), xp.dtype, xp, 0, (s[0], s[2], s[3], s[1], s[2] * sh, s[3] * sw)
    )
    cols = np.empty((c * kh * kw, n * oh * ow), dtype=xp.dtype)
    np.copyto(cols.reshape(windows.shape), windows)  # im2col in one copy with contiguous writes
    return cols


def _conv_col2im(dcols, x_shape, kernel_hw, stride_hw, pads, out_hw) -> np.ndarray:
    """Adjoint of :func:`_conv_cols` followed by cutting the padding away.

    dcols : (C*KH*KW, N*OH*OW). Returns dx (N, C, H, W), a channel-major view.
    """
    n, c, h, w = x_shape
    (kh, kw), (sh, sw), (oh, ow) = kernel_hw, stride_hw, out_hw
    (top, bottom), (left, right) = pads
    dxp = np.zeros((c, n, h + top + bottom, w + left + right), dtype=dcols.dtype)
    d6 = dcols.reshape(c, kh, kw, n, oh, ow)
    for i in range(kh):  # overlapping windows add up: one strided add per kernel offset
        for j in range(kw):
            dxp[:, :, i : i + (oh - 1) * sh + 1 : sh, j : j + (ow - 1) * sw + 1 : sw] += d6[:, i, j]
    return dxp[:, :, top : top + h, left : left + w].transpose(1, 0, 2, 3)


def conv2d_forward(x, weight, bias=None, stride=1, padding=0, flip=False):
    """Convolution forward pass; returns ``(out, cache)`` for :func:`conv2d_backward`.

    x : ndarray of shape (N, C, H, W); weight : (F, C, KH, KW); bias : (F,) or None.
    Returns out : ndarray of shape (N, F, OH, OW) in x's float dtype. ``out`` is a view of the
    channel-major GEMM result (not C-contiguous; ``np.ascontiguousarray`` it if you need to).
    ``flip=False`` is cross-correlation (every framework's "convolution");
    ``flip=True`` rotates each kernel 180 degrees first: the mathematician's convolution.
    """
    x, weight, bias = _check_conv_args(x, weight, bias)
    dtype = x.dtype
    f, c, kh, kw = weight.shape
    stride_hw, pads, (oh, ow) = window_geometry(x.shape, (kh, kw), stride, padding)
    n = x.shape[0]
    w_used = weight[:, :, ::-1, ::-1] if flip else weight
    w_used = np.ascontiguousarray(w_used, dtype=dtype)
    cols = _conv_cols(_padded_channel_major(x, pads), (kh, kw), stride_hw, (oh, ow))
    out = _matmul_wide(w_used.reshape(f, -1), cols)  # (F, CKK) @ (CKK, N*OH*OW): BLAS
    if bias is not None:
        out += bias.astype(dtype, copy=False)[:, None]
    cache = ConvCache(
        cols=cols,
        weight=w_used,
        x_shape=x.shape,
        weight_dtype=weight.dtype,
        bias_dtype=None if bias is None else bias.dtype,
        stride=stride_hw,
        pads=pads,
        out_hw=(oh, ow),
        flip=bool(flip),
    )
    return out.reshape(f, n, oh, ow).transpose(1, 0, 2, 3), cache


def conv2d_backward(dout, cache: ConvCache, *, need_dx: bool = True):
    """Convolution backward pass.

    dout : ndarray of shape (N, F, OH, OW), the loss gradient of the forward output.
    Returns ``(dx, dweight, dbias)`` with shapes (N, C, H, W), (F, C, KH, KW), (F,);
    ``dbias`` is None when the forward had no bias, and ``dx`` is None when ``need_dx=False``
    (the first layer: nothing upstream needs it, so the col2im is skipped). ``dx`` is a
    channel-major view like the forward output; ``dout`` is never modified.
    """
    n, c, h, w = cache.x_shape
    f, _, kh, kw = cache.weight.shape
    oh, ow = cache.out_hw
    dout = np.asarray(dout)
    if dout.shape != (n, f, oh, ow):
        raise ValueError(
            f"dout must have shape {(n, f, oh, ow)} (the forward output), got {dout.shape}"
        )
    dtype = cache.cols.dtype
    # (N, F, OH, OW) -> (F, N*OH*OW); free when dout is channel-major like our forward output.
    d2 = np.ascontiguousarray(dout.transpose(1, 0, 2, 3), dtype=dtype).reshape(f, -1)
    dw = _matmul_nt_long(d2, cache.cols).reshape(f, c, kh, kw)  # sums over all N*OH*OW positions
    if cache.flip:
        dw = dw[:, :, ::-1, ::-1]
    dweight = np.ascontiguousarray(dw, dtype=cache.weight_dtype)
    dbias = (None if cache.bias_dtype is None
             else d2.sum(axis=1).astype(cache.bias_dtype, copy=False))
    if not need_dx:
        return None, dweight, dbias
    dcols = cache.weight.reshape(f, -1).T @ d2  # (CKK, F) @ (F, N*OH*OW)
    dx = _conv_col2im(dcols, cache.x_shape, (kh, kw), cache.stride, cache.pads, cache.out_hw)
    return dx, dweight, dbias


def conv2d(x, weight, bias=None, stride=1, padding=0, flip=False) -> np.ndarray:
    """Convolution of x (N, C, H, W) with weight (F, C, KH, KW) -> (N, F, OH, OW), C-contiguous.

    See :func:`conv2d_forward` for the arguments.
    """
    return np.ascontiguousarray(conv2d_forward(x, weight, bias, stride, padding, flip)[0])
