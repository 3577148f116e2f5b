"""Slow, obviously correct loop versions of the functional ops (used only by tests).

Written straight from the definitions, one output cell at a time, sharing no code with
``explorer.engine.functional`` (padding included) so that a bug there cannot hide here.
All arrays are float64 ``(N, C, H, W)``; pads are ``((top, bottom), (left, right))``.
"""

from __future__ import annotations

import math

import numpy as np


def same_pads(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """TensorFlow's SAME padding along one axis, from its documentation."""
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def padded(x, pads, value=0.0):
    """Pad the spatial axes of x one cell at a time."""
    (top, bottom), (left, right) = pads
    n, c, h, w = x.shape
    out = np.full((n, c, h + top + bottom, w + left + right), value, dtype=np.float64)
    for a in range(n):
        for b in range(c):
            for i in range(h):
                for j in range(w):
                    out[a, b, i + top, j + left] = x[a, b, i, j]
    return out


def out_len(padded_size: int, kernel: int, stride: int) -> int:
    """Count window positions by walking them: starts 0, S, 2S, ... while the window fits."""
    count, start = 0, 0
    while start + kernel <= padded_size:
        count += 1
        start += stride
    return count


def conv2d(x, weight, bias, stride, pads, flip=False):
    """out[n, f, i, j] = b[f] + sum_{c, u, v} xp[n, c, i*SH + u, j*SW + v] * w[f, c, u, v]
    (w rotated 180 degrees when flip)."""
    sh, sw = stride
    xp = padded(x, pads)
    n, c, hp, wp = xp.shape
    f, _, kh, kw = weight.shape
    if flip:
        rot = np.empty_like(weight, dtype=np.float64)
        for u in range(kh):
            for v in range(kw):
                rot[:, :, u, v] = weight[:, :, kh - 1 - u, kw - 1 - v]
        weight = rot
    oh, ow = out_len(hp, kh, sh), out_len(wp, kw, sw)
    out = np.zeros((n, f, oh, ow))
    for a in range(n):
        for k in range(f):
            for i in range(oh):
                for j in range(ow):
                    total = 0.0 if bias is None else float(bias[k])
                    for ch in range(c):
                        for u in range(kh):
                            for v in range(kw):
                                total += xp[a, ch, i * sh + u, j * sw + v] * weight[k, ch, u, v]
                    out[a, k, i, j] = total
    return out


def max_pool2d(x, kernel, stride, pads):
    """Max over each window of the -inf padded input; also the row-major index of the first
    maximum inside its window."""
    (kh, kw), (sh, sw) = kernel, stride
    xp = padded(x, pads, -np.inf)
    n, c, hp, wp = xp.shape
    oh, ow = out_len(hp, kh, sh), out_len(wp, kw, sw)
    out = np.empty((n, c, oh, ow))
    arg = np.empty((n, c, oh, ow), dtype=int)
    for a in range(n):
        for b in range(c):
            for i in range(oh):
                for j in range(ow):
                    best, best_k = -np.inf, 0
                    for u in range(kh):
                        for v in range(kw):
                            val = xp[a, b, i * sh + u, j * sw + v]
                            if val > best:
                                best, best_k = val, u * kw + v
                    out[a, b, i, j] = best
                    arg[a, b, i, j] = best_k
    return out, arg


def avg_pool2d(x, kernel, stride, pads):
    """Mean over each window of the zero padded input, always dividing by KH*KW."""
    (kh, kw), (sh, sw) = kernel, stride
    xp = padded(x, pads)
    n, c, hp, wp = xp.shape
    oh, ow = out_len(hp, kh, sh), out_len(wp, kw, sw)
    out = np.empty((n, c, oh, ow))
    for a in range(n):
        for b in range(c):
            for i in range(oh):
                for j in range(ow):
                    total = 0.0
                    for u in range(kh):
                        for v in range(kw):
                            total += xp[a, b, i * sh + u, j * sw + v]
                    out[a, b, i, j] = total / (kh * kw)
    return out


def im2col(x, kernel, stride, pads):
    """Rows (n, oh, ow), columns (c, kh, kw): one window per row, the textbook's layout."""
    (kh, kw), (sh, sw) = kernel, stride
    xp = padded(x, pads)
    n, c, hp, wp = xp.shape
    oh, ow = out_len(hp, kh, sh), out_len(wp, kw, sw)
    cols = np.empty((n * oh * ow, c * kh * kw))
    for a in range(n):
        for i in range(oh):
            for j in range(ow):
                row = (a * oh + i) * ow + j
                for ch in range(c):
                    for u in range(kh):
                        for v in range(kw):
                            cols[row, (ch * kh + u) * kw + v] = xp[a, ch, i * sh + u, j * sw + v]
    return cols
