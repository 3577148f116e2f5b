"""The geometry of a window sliding over an image: sizes, strides, padding, output sizes.

One set of rules for :mod:`explorer.engine.functional`, the layers and the stepper. Sizes are
ints; a float that is a whole number (``2.0``, as a spin box or a JSON file may give) is taken
as that int, any other float (``2.5``), a bool, NaN or a string is refused with a ValueError
naming the argument. ``padding`` takes an int, a pair ``(ph, pw)``, the resolved form
``((top, bottom), (left, right))``, ``"valid"`` (none) or ``"same"`` (TensorFlow's meaning:
the output has ``ceil(H / S)`` rows and an odd total padding puts the extra row/column at the
bottom/right). Numeric padding follows PyTorch: ``floor((H + 2P - K) / S) + 1`` output rows.

Pure Python/NumPy, no Qt.
"""

from __future__ import annotations

import math

import numpy as np

from explorer.engine.messages import MessageError

__all__ = [
    "as_int",
    "pair",
    "check_stride",
    "check_kernel",
    "same_padding_1d",
    "resolve_padding",
    "conv_output_size",
    "window_geometry",
    "pool_geometry",
]


def _whole(value) -> int | None:
    """``value`` as an int when it is an int or a whole float (not a bool), else None."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, np.integer)):
        return int(value)
    if (isinstance(value, (float, np.floating)) and math.isfinite(value)
            and value == int(value) and abs(value) <= 2**31):
        return int(value)   # (a float far beyond any size is a corrupt spec, not a size)
    return None


def as_int(value, name: str, low: int | None = None) -> int:
    """One size as an int (2.0 -> 2); ValueError naming ``name`` for 2.5, True, "2", or a
    value below ``low``."""
    v = _whole(value)
    if v is None or (low is not None and v < low):
        least = "" if low is None else f" of at least {low}"
        raise ValueError(f"{name} must be an int{least}, got {value!r}")
    return v


def _as_int(value, name: str, whole) -> int:
    """One entry of a size or pair; ``whole`` is what the error message shows."""
    v = _whole(value)
    if v is None:
        raise ValueError(f"{name} must be an int or a pair of ints (h, w), got {whole!r}")
    return v


def pair(value, name: str) -> tuple[int, int]:
    """An int or a pair of ints -> ``(h, w)``.

    Whole floats count as ints (2.0 -> 2); anything else (2.5, True, "2", a triple) is a
    ValueError naming ``name``. No range check: see :func:`check_stride` / :func:`check_kernel`.
    """
    if type(value) is tuple and len(value) == 2 and type(value[0]) is int and type(value[1]) is int:
        return value  # the common case first: this runs several times per op (batch-1 latency)
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name} must be an int or a pair of ints (h, w), got {value!r}")
        return _as_int(value[0], name, value), _as_int(value[1], name, value)
    if isinstance(value, np.ndarray) and value.shape == (2,):
        return _as_int(value[0].item(), name, value), _as_int(value[1].item(), name, value)
    v = _as_int(value, name, value)
    return v, v


def check_stride(stride, name: str = "stride") -> tuple[int, int]:
    """A stride (int or pair) -> ``(sh, sw)``, each at least 1."""
    sh, sw = pair(stride, name)
    if sh < 1 or sw < 1:
        raise ValueError(f"{name} must be at least 1, got {(sh, sw)}")
    return sh, sw


def check_kernel(kernel_size, name: str = "kernel_size") -> tuple[int, int]:
    """A kernel size (int or pair) -> ``(kh, kw)``, each at least 1."""
    kh, kw = pair(kernel_size, name)
    if kh < 1 or kw < 1:
        raise ValueError(f"{name} must be at least 1, got {(kh, kw)}")
    return kh, kw


def same_padding_1d(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """TensorFlow's SAME rule along one axis -> ``(before, after)``: the output has
    ``ceil(size / stride)`` cells, and an odd total puts the extra cell after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def resolve_padding(padding, in_hw, kernel_hw, stride_hw
                    ) -> tuple[tuple[int, int], tuple[int, int]]:
    """Padding of any accepted form -> ``((top, bottom), (left, right))`` in pixels.

    padding : int, ``(ph, pw)``, ``((top, bottom), (left, right))``, ``"valid"`` or ``"same"``.
    in_hw, kernel_hw, stride_hw : ``(H, W)`` of the input, ``(KH, KW)``, ``(SH, SW)``
    (ints are accepted for square sizes).
    """
    h, w = pair(in_hw, "input size")
    kh, kw = check_kernel(kernel_hw)
    sh, sw = check_stride(stride_hw)
    if isinstance(padding, str):
        mode = padding.lower()
        if mode == "valid":
            return (0, 0), (0, 0)
        if mode == "same":
            return same_padding_1d(h, kh, sh), same_padding_1d(w, kw, sw)
        raise ValueError(f'padding must be an int, a pair, "valid" or "same", got {padding!r}')
    if (
        isinstance(padding, (tuple, list))
        and len(padding) == 2
        and all(isinstance(p, (tuple, list)) for p in padding)
    ):
        (top, bottom), (left, right) = pair(padding[0], "padding"), pair(padding[1], "padding")
    else:
        try:
            ph, pw = pair(padding, "padding")
        except ValueError:
            raise ValueError(
                f'padding must be an int, a pair, "valid" or "same", got {padding!r}'
            ) from None
        top = bottom = ph
        left = right = pw
    if min(top, bottom, left, right) < 0:
        raise ValueError(f"padding must not be negative, got {padding!r}")
    return (top, bottom), (left, right)


def conv_output_size(size: int, kernel: int, stride: int, pad_before: int, pad_after: int) -> int:
    """Output length of a window sliding along one axis:
    ``floor((size + pads - kernel)/stride) + 1``.

    Raises ValueError when the kernel does not fit into the padded input.
    """
    if stride < 1:
        raise ValueError(f"stride must be at least 1, got {stride}")
    padded = size + pad_before + pad_after
    if kernel > padded:
        raise MessageError("kernel_bigger_than_input", kernel, padded, size, pad_before,
                           pad_after)
    return (padded - kernel) // stride + 1


def window_geometry(x_shape, kernel_hw, stride, padding):
    """``(stride_hw, pads, out_hw)`` of a window op on ``x_shape``, whose last two entries are
    ``(H, W)`` (``(N, C, H, W)``, ``(C, H, W)`` or ``(H, W)``).

    Raises ValueError when the kernel does not fit into the padded input (naming the axis).
    """
    h, w = int(x_shape[-2]), int(x_shape[-1])
    kh, kw = check_kernel(kernel_hw)
    sh, sw = check_stride(stride)
    pads = resolve_padding(padding, (h, w), (kh, kw), (sh, sw))
    (top, bottom), (left, right) = pads
    for code, size, k, before, after in (
        ("kernel_taller_than_input", h, kh, top, bottom),
        ("kernel_wider_than_input", w, kw, left, right),
    ):
        if k > size + before + after:
            raise MessageError(code, k, size + before + after, size, before, after)
    oh = conv_output_size(h, kh, sh, top, bottom)
    ow = conv_output_size(w, kw, sw, left, right)
    return (sh, sw), pads, (oh, ow)


def pool_geometry(in_hw, kernel_size, stride=None, padding=0):
    """``(kernel_hw, stride_hw, pads, out_hw)`` of a pooling of an ``(H, W)`` input.

    PyTorch's rules: ``stride=None`` means the kernel size, and numeric padding may be at most
    half the kernel (else some windows would hold only padding); ``"same"`` is not limited.
    """
    kernel_hw = check_kernel(kernel_size)
    if stride is None:
        stride = kernel_hw
    stride_hw, pads, out_hw = window_geometry(tuple(in_hw), kernel_hw, stride, padding)
    if not isinstance(padding, str):
        (top, bottom), (left, right) = pads
        if max(top, bottom) > kernel_hw[0] // 2 or max(left, right) > kernel_hw[1] // 2:
            raise MessageError("pool_padding_too_large", repr(padding), kernel_hw)
    return kernel_hw, stride_hw, pads, out_hw
