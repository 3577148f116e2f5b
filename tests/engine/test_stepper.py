"""The stepper walks a convolution / pooling one output cell at a time and must reproduce the
engine's output exactly, with windows and arithmetic that an independent slow loop agrees with."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explorer.engine import functional as F
from explorer.engine.conv_examples import CONV_EXAMPLES, POOL_EXAMPLES, get_example
from explorer.engine.stepper import ConvStepper, PoolStepper


# ---------------------------------------------------------------- independent slow references
def _ref_pads(size, k, s, padding):
    """(before, after) for one axis, written from the TensorFlow definition of SAME."""
    if padding == "valid":
        return 0, 0
    if padding == "same":
        out = math.ceil(size / s)
        total = max((out - 1) * s + k - size, 0)
        return total // 2, total - total // 2
    return padding, padding


def _ref_conv(x, kernel, bias, stride, padding, flip):
    """x (C,H,W), kernel (C,KH,KW) -> (OH,OW), padded (C,Hp,Wp); plain loops."""
    c, h, w = x.shape
    _, kh, kw = kernel.shape
    t, b = _ref_pads(h, kh, stride, padding)
    l, r = _ref_pads(w, kw, stride, padding)
    xp = np.zeros((c, h + t + b, w + l + r))
    xp[:, t : t + h, l : l + w] = x
    k = kernel[:, ::-1, ::-1] if flip else kernel
    oh = (xp.shape[1] - kh) // stride + 1
    ow = (xp.shape[2] - kw) // stride + 1
    out = np.zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            acc = 0.0
            for ch in range(c):
                for u in range(kh):
                    for v in range(kw):
                        acc += xp[ch, i * stride + u, j * stride + v] * k[ch, u, v]
            out[i, j] = acc + bias
    return out, xp


def _ref_pool(x, mode, size, stride, padding):
    c, h, w = x.shape
    t, b = _ref_pads(h, size, stride, padding)
    l, r = _ref_pads(w, size, stride, padding)
    fill = -np.inf if mode == "max" else 0.0
    xp = np.full((c, h + t + b, w + l + r), fill)
    xp[:, t : t + h, l : l + w] = x
    oh = (xp.shape[1] - size) // stride + 1
    ow = (xp.shape[2] - size) // stride + 1
    out = np.zeros((c, oh, ow))
    for ch in range(c):
        for i in range(oh):
            for j in range(ow):
                win = xp[ch, i * stride : i * stride + size, j * stride : j * stride + size]
                out[ch, i, j] = win.max() if mode == "max" else win.sum() / (size * size)
    return out


def _check_conv(x, kernel, bias, stride, padding, flip):
    st_ = ConvStepper(x, kernel, bias=bias, stride=stride, padding=padding, flip=flip)
    engine = F.conv2d(
        x[None], kernel[None], np.array([bias], x.dtype), stride=stride, padding=padding, flip=flip
    )
    ref, xp = _ref_conv(
        x.astype(np.float64), kernel.astype(np.float64), bias, stride, padding, flip
    )
    assert st_.padded.shape == xp.shape
    np.testing.assert_array_equal(st_.padded, xp.astype(x.dtype))
    # Stepping through every position rebuilds the engine's output bit for bit ...
    np.testing.assert_array_equal(st_.assemble(), engine[0, 0])
    assert st_.n_positions == ref.size
    tol = 1e-4 if x.dtype == np.float32 else 1e-10
    for p in st_.positions():
        top, left, kh, kw = p.window
        # ... each shown window is the right slice of the visibly padded input ...
        np.testing.assert_array_equal(
            p.patch, xp[:, top : top + kh, left : left + kw].astype(x.dtype)
        )
        # ... and the arithmetic written out adds up to the value (independent loop agrees).
        assert p.total + p.bias == pytest.approx(p.result, rel=tol, abs=tol)
        assert p.result == pytest.approx(ref[p.row, p.col], rel=tol, abs=tol)
        np.testing.assert_allclose(p.channel_sums, p.products.sum(axis=(1, 2)))
        np.testing.assert_array_equal(st_.cols[p.im2col_row], p.patch.reshape(-1))
    return st_


# ------------------------------------------------------------------------------- examples
@pytest.mark.parametrize(
    "ex", [e for e in CONV_EXAMPLES if e.expected is not None], ids=lambda e: e.key
)
def test_textbook_conv_examples_give_the_books_numbers(ex):
    st_ = ConvStepper(ex.x, ex.kernel, bias=ex.bias, stride=ex.stride, padding=ex.padding)
    np.testing.assert_array_equal(st_.assemble(), ex.expected)
    first = st_.position(0)
    assert first.total + first.bias == ex.expected[0, 0]  # integers: exact


def test_textbook_first_cell_products_are_written_out():
    st_ = ConvStepper(get_example("book_4x4").x, get_example("book_4x4").kernel)
    p = st_.position(0)
    # 1*2 + 2*0 + 3*1 + 0*0 + 1*1 + 2*2 + 3*1 + 0*0 + 1*2 = 15 (the book's first output)
    assert p.products[0].tolist() == [[2, 0, 3], [0, 1, 4], [3, 0, 2]]
    assert p.total == 15 and p.result == 15


def test_three_channel_example_sums_channels():
    ex = get_example("three_channel")
    st_ = _check_conv(ex.x, ex.kernel, 0.0, 1, 0, False)
    p = st_.position(3)
    assert p.channel_sums.shape == (3,)
    assert p.result == p.channel_sums.sum()


def test_textbook_max_pool_example_and_winners():
    ex = get_example("book_maxpool")
    st_ = PoolStepper(ex.x, "max", ex.pool_size, ex.stride)
    np.testing.assert_array_equal(st_.assemble()[0], ex.expected)
    for p in st_.positions():
        r, c = p.winner[0]
        assert p.patch[0, r, c] == p.results[0]
    assert POOL_EXAMPLES[0].key == "book_maxpool"


# ----------------------------------------------------------------- random and edge cases
@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    c=st.integers(1, 3),
    h=st.integers(1, 9),
    w=st.integers(1, 9),
    k=st.integers(1, 4),
    stride=st.integers(1, 3),
    padding=st.sampled_from([0, 1, 2, "same", "valid"]),
    flip=st.booleans(),
    dtype=st.sampled_from([np.float32, np.float64]),
)
def test_stepping_reproduces_conv2d(seed, c, h, w, k, stride, padding, flip, dtype):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(c, h, w)).astype(dtype)
    kernel = rng.normal(size=(c, k, k)).astype(dtype)
    pt, pb = _ref_pads(h, k, stride, padding)
    pl, pr = _ref_pads(w, k, stride, padding)
    if h + pt + pb < k or w + pl + pr < k:
        with pytest.raises(ValueError, match="bigger than the padded input"):
            ConvStepper(x, kernel, stride=stride, padding=padding)
        return
    _check_conv(x, kernel, float(rng.normal()), stride, padding, flip)


def test_same_padding_with_stride_2():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 7, 8))
    st_ = _check_conv(x, rng.normal(size=(2, 3, 3)), 0.5, 2, "same", False)
    assert st_.output_shape == (4, 4)  # ceil(7/2), ceil(8/2)
    # 8 columns, stride 2, 3 wide: 1 column of padding, put on the right (TensorFlow rule)
    assert tuple(st_.pads[1]) == (0, 1)


def test_non_dividing_case_reports_dropped_rows():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(1, 6, 6))
    st_ = _check_conv(x, rng.normal(size=(1, 3, 3)), 0.0, 2, 0, True)
    assert st_.output_shape == (2, 2)
    assert not st_.explain_h.divides
    assert 5 in st_.explain_h.dropped_input  # the last row is never under a window


def test_flip_uses_the_rotated_kernel():
    ex = get_example("book_4x4")
    st_ = ConvStepper(ex.x, ex.kernel, flip=True)
    np.testing.assert_array_equal(st_.applied_kernel[0], ex.kernel[0, ::-1, ::-1])
    np.testing.assert_array_equal(st_.kernel_row, ex.kernel[0, ::-1, ::-1].reshape(-1))


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    c=st.integers(1, 3),
    h=st.integers(2, 9),
    w=st.integers(2, 9),
    size=st.integers(1, 3),
    stride=st.integers(1, 3),
    padding=st.sampled_from([0, 1, "same"]),
    mode=st.sampled_from(["max", "avg"]),
)
def test_stepping_reproduces_pooling(seed, c, h, w, size, stride, padding, mode):
    if padding == 1 and size < 2:  # PyTorch rule: padding at most half the window
        padding = 0
    pt, pb = _ref_pads(h, size, stride, padding)
    pl, pr = _ref_pads(w, size, stride, padding)
    assume(h + pt + pb >= size and w + pl + pr >= size)  # the window fits the padded input
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(c, h, w))
    st_ = PoolStepper(x, mode, size, stride, padding)
    fn = F.max_pool2d if mode == "max" else F.avg_pool2d
    np.testing.assert_array_equal(
        st_.assemble(), fn(x[None], size, stride=stride, padding=padding)[0]
    )
    np.testing.assert_allclose(
        st_.assemble(), _ref_pool(x, mode, size, stride, padding), rtol=1e-12
    )
    for p in st_.positions():
        if mode == "max":
            for ch in range(c):
                r, col = p.winner[ch]
                assert p.patch[ch, r, col] == p.results[ch]
        else:
            assert p.winner is None
            np.testing.assert_allclose(p.patch.mean(axis=(1, 2)), p.results, rtol=1e-12)


def test_bad_shapes_say_what_is_wrong():
    with pytest.raises(ValueError, match="kernel has 2 channels but the input has 1"):
        ConvStepper(np.zeros((1, 4, 4)), np.zeros((2, 3, 3)))
    with pytest.raises(ValueError, match="bigger than the padded input"):
        ConvStepper(np.zeros((1, 2, 2)), np.zeros((1, 3, 3)))
    with pytest.raises(ValueError, match="stride must be at least 1"):
        ConvStepper(np.zeros((1, 4, 4)), np.zeros((1, 3, 3)), stride=0)
    with pytest.raises(ValueError, match="'max' or 'avg'"):
        PoolStepper(np.zeros((1, 4, 4)), "min")
    with pytest.raises(IndexError):
        ConvStepper(np.zeros((1, 4, 4)), np.zeros((1, 3, 3))).position(4)


def test_repr_names_the_shapes():
    st_ = ConvStepper(np.zeros((1, 4, 4)), np.zeros((1, 3, 3)), stride=1)
    assert "x(1, 4, 4)" in repr(st_) and "output(2, 2)" in repr(st_)
    assert "result=" in repr(st_.position(0))
