"""explorer.engine.functional against the slow loop reference, finite differences and torch."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explorer.engine import functional as fn
from tests.engine import reference as ref
from tests.engine.gradcheck import numeric_gradient

# derandomize: the same examples on every run (fixed seeds), so CI never flakes.
FAST = settings(max_examples=50, deadline=None, derandomize=True)
FD = settings(max_examples=25, deadline=None, derandomize=True)


# ----------------------------------------------------------------------------------------------
# Strategies: small geometries with every padding form
# ----------------------------------------------------------------------------------------------

int_or_pair = lambda lo, hi: st.one_of(  # noqa: E731
    st.integers(lo, hi), st.tuples(st.integers(lo, hi), st.integers(lo, hi))
)


def ref_pads(padding, hw, khw, shw):
    """Pads the reference expects, worked out independently of functional.resolve_padding."""
    if padding == "valid":
        return (0, 0), (0, 0)
    if padding == "same":
        return ref.same_pads(hw[0], khw[0], shw[0]), ref.same_pads(hw[1], khw[1], shw[1])
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    return (ph, ph), (pw, pw)


@st.composite
def geometries(draw, max_kernel=4, pool=False):
    """(x_shape, kernel_hw, stride, padding, pads) with the kernel always fitting."""
    kh, kw = draw(st.integers(1, max_kernel)), draw(st.integers(1, max_kernel))
    stride = draw(int_or_pair(1, 3))
    shw = (stride, stride) if isinstance(stride, int) else stride
    if pool:
        padding = draw(
            st.one_of(
                st.sampled_from(["valid", "same"]),
                st.tuples(st.integers(0, kh // 2), st.integers(0, kw // 2)),
                st.integers(0, min(kh, kw) // 2),
            )
        )
    else:
        padding = draw(st.one_of(st.sampled_from(["valid", "same"]), int_or_pair(0, 2)))
    numeric = (padding, padding) if isinstance(padding, int) else padding
    min_h = 1 if padding == "same" else max(1, kh - (0 if padding == "valid" else 2 * numeric[0]))
    min_w = 1 if padding == "same" else max(1, kw - (0 if padding == "valid" else 2 * numeric[1]))
    h = draw(st.integers(min_h, min_h + 6))
    w = draw(st.integers(min_w, min_w + 6))
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    return (n, c, h, w), (kh, kw), stride, padding, ref_pads(padding, (h, w), (kh, kw), shw)


def as_pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


# ----------------------------------------------------------------------------------------------
# Convolution
# ----------------------------------------------------------------------------------------------


@FAST
@given(geometries(), st.integers(1, 3), st.booleans(), st.booleans(), st.integers(0, 2**32 - 1))
def test_conv2d_matches_loop_reference(geom, f, flip, with_bias, seed):
    x_shape, (kh, kw), stride, padding, pads = geom
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(x_shape)
    w = rng.standard_normal((f, x_shape[1], kh, kw))
    b = rng.standard_normal(f) if with_bias else None
    got = fn.conv2d(x, w, b, stride=stride, padding=padding, flip=flip)
    want = ref.conv2d(x, w, b, as_pair(stride), pads, flip=flip)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@FD
@given(geometries(max_kernel=3), st.integers(1, 2), st.booleans(), st.booleans(),
       st.integers(0, 2**32 - 1))
def test_conv2d_backward_matches_finite_differences(geom, f, flip, with_bias, seed):
    x_shape, (kh, kw), stride, padding, _ = geom
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(x_shape)
    w = rng.standard_normal((f, x_shape[1], kh, kw))
    b = rng.standard_normal(f) if with_bias else None
    out, cache = fn.conv2d_forward(x, w, b, stride, padding, flip)
    proj = rng.standard_normal(out.shape)  # loss = <conv(x), proj>: its gradient is proj

    def loss():
        return float(np.sum(fn.conv2d(x, w, b, stride, padding, flip) * proj))

    proj_before = proj.copy()
    dx, dw, db = fn.conv2d_backward(proj, cache)
    np.testing.assert_array_equal(proj, proj_before)  # backward never mutates dout
    np.testing.assert_allclose(dx, numeric_gradient(loss, x), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(dw, numeric_gradient(loss, w), rtol=1e-6, atol=1e-7)
    if with_bias:
        np.testing.assert_allclose(db, numeric_gradient(loss, b), rtol=1e-6, atol=1e-7)
    else:
        assert db is None
    dx2, dw2, db2 = fn.conv2d_backward(proj, cache, need_dx=False)
    assert dx2 is None
    np.testing.assert_array_equal(dw2, dw)


def test_conv2d_textbook_example():
    """The book's Figure 7-4 (4x4 input, 3x3 filter) and Figure 7-5 (+ bias 3)."""
    x = np.array([[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]], dtype=np.float64)
    w = np.array([[2, 0, 1], [0, 1, 2], [1, 0, 2]], dtype=np.float64)
    out = fn.conv2d(x[None, None], w[None, None])
    np.testing.assert_array_equal(out[0, 0], [[15, 16], [6, 15]])
    out = fn.conv2d(x[None, None], w[None, None], bias=np.array([3.0]))
    np.testing.assert_array_equal(out[0, 0], [[18, 19], [9, 18]])


def test_conv2d_flip_is_true_convolution():
    """A true convolution with a one-hot kernel at the top-left shifts the image down-right."""
    x = np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4)
    k = np.zeros((1, 1, 3, 3))
    k[0, 0, 0, 0] = 1.0
    corr = fn.conv2d(x, k, padding=1)
    conv = fn.conv2d(x, k, padding=1, flip=True)
    np.testing.assert_array_equal(corr[0, 0, 1:, 1:], x[0, 0, :-1, :-1])  # picks up-left
    np.testing.assert_array_equal(conv[0, 0, :-1, :-1], x[0, 0, 1:, 1:])  # picks down-right


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_conv_and_pool_keep_dtype(dtype):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 3, 8, 8)).astype(dtype)
    w = rng.standard_normal((4, 3, 3, 3))  # float64 weight must not upcast a float32 input
    out, cache = fn.conv2d_forward(x, w, np.zeros(4, dtype=np.float32), padding="same")
    assert out.dtype == dtype
    dx, dw, db = fn.conv2d_backward(np.ones_like(out), cache)
    assert dx.dtype == dtype
    assert dw.dtype == w.dtype and db.dtype == np.float32  # gradients match their parameters
    for fwd, bwd in ((fn.max_pool2d_forward, fn.max_pool2d_backward),
                     (fn.avg_pool2d_forward, fn.avg_pool2d_backward)):
        p, c = fwd(x, 2)
        assert p.dtype == dtype
        assert bwd(np.ones_like(p), c).dtype == dtype
    assert fn.im2col(x, 3).dtype == dtype


def test_float32_conv_is_close_to_float64():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((3, 2, 9, 9))
    w = rng.standard_normal((5, 2, 3, 3))
    out32 = fn.conv2d(x.astype(np.float32), w.astype(np.float32), stride=2, padding="same")
    np.testing.assert_allclose(out32, fn.conv2d(x, w, stride=2, padding="same"),
                               rtol=1e-4, atol=1e-4)


def test_same_padding_stride_2_odd_size_puts_extra_at_bottom_right():
    x = np.arange(25, dtype=np.float64).reshape(1, 1, 5, 5)
    k = np.ones((1, 1, 2, 2))
    out = fn.conv2d(x, k, stride=2, padding="same")  # ceil(5/2) = 3; total pad 1, all after
    assert out.shape == (1, 1, 3, 3)
    np.testing.assert_array_equal(out, ref.conv2d(x, k, None, (2, 2), ((0, 1), (0, 1))))


# ----------------------------------------------------------------------------------------------
# Pooling
# ----------------------------------------------------------------------------------------------


@FAST
@given(geometries(pool=True), st.booleans(), st.integers(0, 2**32 - 1))
def test_pooling_matches_loop_reference(geom, default_stride, seed):
    x_shape, kernel, stride, padding, pads = geom
    if default_stride:
        stride = None
    shw = kernel if stride is None else as_pair(stride)
    if isinstance(padding, str):
        pads = ref_pads(padding, x_shape[2:], kernel, shw)
    # with the default stride a SAME geometry can change; discard one that then does not fit
    assume(all(k <= s + a + b for k, s, (a, b) in zip(kernel, x_shape[2:], pads)))
    x = np.random.default_rng(seed).standard_normal(x_shape)
    got, cache = fn.max_pool2d_forward(x, kernel, stride, padding)
    want, arg = ref.max_pool2d(x, kernel, shw, pads)
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(cache.argmax, arg)
    np.testing.assert_allclose(
        fn.avg_pool2d(x, kernel, stride, padding), ref.avg_pool2d(x, kernel, shw, pads),
        rtol=1e-12, atol=1e-14
    )


@FD
@given(geometries(max_kernel=3, pool=True), st.integers(0, 2**32 - 1))
def test_pooling_backward_matches_finite_differences(geom, seed):
    x_shape, kernel, stride, padding, _ = geom
    rng = np.random.default_rng(seed)
    # Distinct values 0.01 apart: a finite-difference step can never swap a window's winner.
    x = rng.permutation(np.prod(x_shape)).reshape(x_shape) * 0.01 + 0.001 * rng.random()
    for forward, backward in ((fn.max_pool2d_forward, fn.max_pool2d_backward),
                              (fn.avg_pool2d_forward, fn.avg_pool2d_backward)):
        out, cache = forward(x, kernel, stride, padding)
        proj = rng.standard_normal(out.shape)

        def loss(forward=forward, proj=proj):
            return float(np.sum(forward(x, kernel, stride, padding)[0] * proj))

        np.testing.assert_allclose(backward(proj, cache), numeric_gradient(loss, x),
                                   rtol=1e-6, atol=1e-7)


def test_max_pool_argmax_marks_the_winner():
    x = np.array([[1, 2, 1, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 4, 0, 1]],
                 dtype=np.float64)[None, None]
    out, cache = fn.max_pool2d_forward(x, 2)
    np.testing.assert_array_equal(out[0, 0], [[2, 3], [4, 2]])  # the book's Figure 7-14 style
    np.testing.assert_array_equal(cache.argmax[0, 0], [[1, 3], [3, 1]])
    rows, cols = cache.argmax_input()
    np.testing.assert_array_equal(x[0, 0][rows[0, 0], cols[0, 0]], out[0, 0])


def test_max_pool_ties_go_to_the_first_cell():
    x = np.ones((1, 1, 2, 2))
    out, cache = fn.max_pool2d_forward(x, 2)
    assert cache.argmax[0, 0, 0, 0] == 0
    np.testing.assert_array_equal(fn.max_pool2d_backward(np.ones_like(out), cache)[0, 0],
                                  [[1, 0], [0, 0]])


def test_avg_pool_counts_zero_padding():
    x = np.ones((1, 1, 2, 2))
    out = fn.avg_pool2d(x, 2, stride=2, padding=1)  # every window holds one real cell
    np.testing.assert_array_equal(out, np.full((1, 1, 2, 2), 0.25))


def test_max_pool_backward_survives_in_place_edits_of_the_output():
    """A layer may add a bias or ReLU to the pooled output in place before backward."""
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 3, 6, 6))
    out, cache = fn.max_pool2d_forward(x, 2)
    expected = fn.max_pool2d_backward(np.ones_like(out), fn.max_pool2d_forward(x, 2)[1])
    out += 5.0
    np.maximum(out, 0.0, out=out)
    np.testing.assert_array_equal(fn.max_pool2d_backward(np.ones_like(out), cache), expected)
    _, arg = ref.max_pool2d(x, (2, 2), (2, 2), ((0, 0), (0, 0)))
    np.testing.assert_array_equal(cache.argmax, arg)


def test_ops_accept_non_contiguous_inputs_and_chain():
    """Conv outputs are channel-major views; feeding them (or any strided view) onwards works."""
    rng = np.random.default_rng(7)
    x = rng.standard_normal((3, 2, 12, 10))
    w1, w2 = rng.standard_normal((4, 2, 3, 3)), rng.standard_normal((5, 4, 3, 3))
    h, c1 = fn.conv2d_forward(x[:, :, ::-1], w1, padding=1)  # a flipped (negative-stride) view
    assert not h.flags.c_contiguous
    y, c2 = fn.conv2d_forward(h, w2, stride=2)
    h_ref = ref.conv2d(np.ascontiguousarray(x[:, :, ::-1]), w1, None, (1, 1), ((1, 1), (1, 1)))
    np.testing.assert_allclose(y, ref.conv2d(h_ref, w2, None, (2, 2), ((0, 0), (0, 0))),
                               rtol=1e-12, atol=1e-12)
    p, pc = fn.max_pool2d_forward(h, 2)
    np.testing.assert_array_equal(
        p, ref.max_pool2d(np.ascontiguousarray(h), (2, 2), (2, 2), ((0, 0), (0, 0)))[0])
    g = rng.standard_normal(y.shape)
    dh, _, _ = fn.conv2d_backward(g[:, :, :, :], c2)
    dx, _, _ = fn.conv2d_backward(dh, c1)  # a channel-major view as dout
    dx2, _, _ = fn.conv2d_backward(np.ascontiguousarray(dh), c1)
    np.testing.assert_allclose(dx, dx2, rtol=1e-13, atol=1e-13)
    assert fn.max_pool2d_backward(np.ones(p.shape), pc).shape == h.shape
    # Pooling keeps the channel-major layout both ways, with the same numbers as on C order.
    hc = np.ascontiguousarray(h)
    for fwd, bwd in ((fn.max_pool2d_forward, fn.max_pool2d_backward),
                     (fn.avg_pool2d_forward, fn.avg_pool2d_backward)):
        for kernel, stride, padding in ((2, None, 0), (3, 2, 1), (3, 1, (1, 0))):
            p, pc = fwd(h, kernel, stride, padding)
            pr, prc = fwd(hc, kernel, stride, padding)
            assert p.transpose(1, 0, 2, 3).flags.c_contiguous and pr.flags.c_contiguous
            np.testing.assert_array_equal(p, pr)
            g = rng.standard_normal(p.shape)
            dh = bwd(g, pc)
            assert dh.strides[1] > dh.strides[0]  # channel-major memory, like h
            np.testing.assert_array_equal(dh, bwd(g, prc))


def test_integer_input_is_computed_in_float64():
    x = np.arange(16, dtype=np.uint8).reshape(1, 1, 4, 4)
    out = fn.conv2d(x, np.ones((1, 1, 2, 2), dtype=np.float32))
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out[0, 0, 0], [10, 14, 18])


# ----------------------------------------------------------------------------------------------
# im2col / col2im
# ----------------------------------------------------------------------------------------------


@FAST
@given(geometries(), st.integers(0, 2**32 - 1))
def test_im2col_matches_reference_and_col2im_is_its_adjoint(geom, seed):
    x_shape, kernel, stride, padding, pads = geom
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(x_shape)
    cols = fn.im2col(x, kernel, stride, padding)
    np.testing.assert_array_equal(cols, ref.im2col(x, kernel, as_pair(stride), pads))
    y = rng.standard_normal(cols.shape)
    back = fn.col2im(y, x_shape, kernel, stride, padding)
    assert back.shape == x_shape
    assert np.isclose(np.vdot(cols, y), np.vdot(x, back), rtol=1e-12, atol=1e-12)


def test_im2col_out_buffer_is_filled_and_returned():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3, 6, 5))
    buf = np.empty((2 * 4 * 3, 3 * 3 * 3))
    assert fn.im2col(x, 3, out=buf) is buf
    np.testing.assert_array_equal(buf, fn.im2col(x, 3))
    with pytest.raises(ValueError, match=r"shape \(24, 27\)"):
        fn.im2col(x, 3, out=np.empty((24, 26)))
    back = np.full(x.shape, 7.0)
    assert fn.col2im(buf, x.shape, 3, out=back) is back
    np.testing.assert_array_equal(back, fn.col2im(buf, x.shape, 3))


def test_im2col_textbook_shapes():
    """The book's example: (1, 3, 7, 7) with a 5x5 filter -> (9, 75); batch 10 -> (90, 75)."""
    rng = np.random.default_rng(4)
    assert fn.im2col(rng.random((1, 3, 7, 7)), 5).shape == (9, 75)
    assert fn.im2col(rng.random((10, 3, 7, 7)), 5).shape == (90, 75)


# ----------------------------------------------------------------------------------------------
# Bad arguments
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(x_shape=(1, 1, 3, 3), w_shape=(1, 1, 5, 5)),
         r"kernel height 5 is bigger than the padded input height 3"),
        (dict(x_shape=(1, 1, 8, 3), w_shape=(1, 1, 3, 5), padding=(0, 0)),
         r"kernel width 5 .* width 3"),
        (dict(x_shape=(1, 2, 5, 5), w_shape=(1, 3, 3, 3)),
         r"channel mismatch: x has 2 channels .* expects 3"),
        (dict(x_shape=(2, 5, 5), w_shape=(1, 2, 3, 3)), r"x must be 4-D \(N, C, H, W\), got 3-D"),
        (dict(x_shape=(1, 1, 5, 5), w_shape=(1, 3, 3)), r"weight must be 4-D"),
        (dict(x_shape=(1, 1, 5, 5), w_shape=(1, 1, 3, 3), padding="full"),
         r"\"valid\" or \"same\", got 'full'"),
        (dict(x_shape=(1, 1, 5, 5), w_shape=(1, 1, 3, 3), padding=-1),
         r"padding must not be negative"),
        (dict(x_shape=(1, 1, 5, 5), w_shape=(1, 1, 3, 3), padding=1.5), r"padding must be an int"),
        (dict(x_shape=(1, 1, 5, 5), w_shape=(1, 1, 3, 3), stride=0),
         r"stride must be at least 1, got \(0, 0\)"),
        (dict(x_shape=(1, 1, 5, 5), w_shape=(1, 1, 3, 3), stride=(1, 2, 3)),
         r"stride must be an int or a pair"),
        (dict(x_shape=(1, 1, 5, 5), w_shape=(2, 1, 3, 3), bias_shape=(3,)),
         r"bias must have shape \(2,\)"),
        (dict(x_shape=(1, 1, 5, 5), w_shape=(0, 1, 3, 3)),
         r"at least 1 filter and 1 channel, got 0 filters and 1 channels"),
        (dict(x_shape=(1, 0, 5, 5), w_shape=(2, 0, 3, 3)),
         r"got 2 filters and 0 channels \(shape \(2, 0, 3, 3\)\)"),
    ],
)
def test_conv2d_bad_arguments_raise_clear_errors(kwargs, message):
    x = np.zeros(kwargs.pop("x_shape"))
    w = np.zeros(kwargs.pop("w_shape"))
    bias_shape = kwargs.pop("bias_shape", None)
    b = None if bias_shape is None else np.zeros(bias_shape)
    with pytest.raises(ValueError, match=message):
        fn.conv2d(x, w, b, **kwargs)


def test_complex_and_non_numeric_inputs_are_refused_up_front():
    x, w = np.zeros((1, 1, 5, 5)), np.zeros((2, 1, 3, 3))
    cx = x.astype(complex)  # filterwarnings=error: a ComplexWarning would fail this test too
    for call in (lambda: fn.conv2d(cx, w), lambda: fn.max_pool2d(cx, 2),
                 lambda: fn.avg_pool2d_forward(cx, 2), lambda: fn.im2col(cx, 3)):
        with pytest.raises(ValueError, match=r"x must hold real numbers .* got dtype complex128"):
            call()
    with pytest.raises(ValueError, match=r"weight must hold real numbers .* complex64"):
        fn.conv2d(x, w.astype(np.complex64))
    with pytest.raises(ValueError, match=r"bias must hold real numbers"):
        fn.conv2d(x, w, np.zeros(2, dtype=complex))
    with pytest.raises(ValueError, match=r"x must hold real numbers .* got dtype <U1"):
        fn.max_pool2d(np.full((1, 1, 2, 2), "a"), 2)


def test_pool_and_backward_bad_arguments():
    x = np.zeros((1, 1, 4, 4))
    with pytest.raises(ValueError, match=r"at most half the kernel size"):
        fn.max_pool2d(x, 2, padding=2)
    with pytest.raises(ValueError, match=r"kernel_size must be at least 1"):
        fn.avg_pool2d(x, 0)
    with pytest.raises(ValueError, match=r"kernel height 5 is bigger"):
        fn.max_pool2d(x, 5)
    out, cache = fn.max_pool2d_forward(x, 2)
    with pytest.raises(ValueError, match=r"dout must have shape \(1, 1, 2, 2\)"):
        fn.max_pool2d_backward(np.zeros((1, 1, 3, 3)), cache)
    out, cache = fn.conv2d_forward(x, np.zeros((2, 1, 3, 3)))
    with pytest.raises(ValueError, match=r"dout must have shape \(1, 2, 2, 2\)"):
        fn.conv2d_backward(np.zeros((1, 1, 2, 2)), cache)
    with pytest.raises(ValueError, match=r"cols must have shape \(4, 9\)"):
        fn.col2im(np.zeros((5, 9)), x.shape, 3)


def test_reprs_are_useful():
    _, cache = fn.conv2d_forward(np.zeros((1, 1, 5, 5)), np.zeros((2, 1, 3, 3)), stride=2,
                                 padding="same")
    assert "ConvCache(x_shape=(1, 1, 5, 5), weight=(2, 1, 3, 3), stride=(2, 2)" in repr(cache)
    _, pcache = fn.max_pool2d_forward(np.zeros((1, 1, 4, 4)), 2)
    assert repr(pcache).startswith("PoolCache('max', x_shape=(1, 1, 4, 4), kernel=(2, 2)")


# ----------------------------------------------------------------------------------------------
# An independent check against PyTorch (skipped when torch is not installed)
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("stride, padding", [(1, 0), (2, 1), ((2, 1), (1, 2)), (1, 2)])
def test_against_torch(stride, padding):
    torch = pytest.importorskip("torch")
    tf = torch.nn.functional
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 3, 9, 8))
    w = rng.standard_normal((4, 3, 5, 3))
    b = rng.standard_normal(4)
    xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    yt = tf.conv2d(xt, wt, bt, stride=stride, padding=padding)
    y, cache = fn.conv2d_forward(x, w, b, stride, padding)
    np.testing.assert_allclose(y, yt.detach().numpy(), rtol=1e-12, atol=1e-12)
    g = rng.standard_normal(y.shape)
    yt.backward(torch.tensor(g))
    for mine, theirs in zip(fn.conv2d_backward(g, cache), (xt, wt, bt)):
        np.testing.assert_allclose(mine, theirs.grad.numpy(), rtol=1e-12, atol=1e-12)

    pool_pad = padding if isinstance(padding, tuple) else min(padding, 1)
    for mine_f, mine_b, theirs in ((fn.max_pool2d_forward, fn.max_pool2d_backward, tf.max_pool2d),
                                   (fn.avg_pool2d_forward, fn.avg_pool2d_backward, tf.avg_pool2d)):
        xt = torch.tensor(x, requires_grad=True)
        yt = theirs(xt, (3, 4), stride, pool_pad)
        y, cache = mine_f(x, (3, 4), stride, pool_pad)
        np.testing.assert_allclose(y, yt.detach().numpy(), rtol=1e-12, atol=1e-12)
        g = rng.standard_normal(y.shape)
        yt.backward(torch.tensor(g))
        np.testing.assert_allclose(mine_b(g, cache), xt.grad.numpy(), rtol=1e-12, atol=1e-12)


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel lengths")
def test_same_padding_against_torch_even_kernels():
    """torch's padding="same" (stride 1) also puts the odd extra row/column at the bottom/right."""
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(8)
    x = rng.standard_normal((2, 3, 7, 6))
    w = rng.standard_normal((4, 3, 4, 2))
    want = torch.nn.functional.conv2d(torch.tensor(x), torch.tensor(w), padding="same").numpy()
    np.testing.assert_allclose(fn.conv2d(x, w, padding="same"), want, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_blocked_products_of_large_first_layers_match_one_product(dtype):
    """A first layer (C*KH*KW = 25) on a large batch runs its GEMMs in column blocks: check
    them against one product over the book's im2col matrix (a separate code path)."""
    rng = np.random.default_rng(9)
    x = rng.standard_normal((40, 1, 28, 28)).astype(dtype)
    w = rng.standard_normal((6, 1, 5, 5)).astype(dtype)
    cols = fn.im2col(x, 5).astype(np.float64)  # (40*24*24, 25)
    assert fn._column_block(6, 25, cols.shape[0], x.itemsize) > 0  # really blocked
    out, cache = fn.conv2d_forward(x, w)
    want = (cols @ w.reshape(6, -1).T.astype(np.float64)).reshape(40, 24, 24, 6)
    want = want.transpose(0, 3, 1, 2)
    tol = 1e-4 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(out, want, rtol=tol, atol=tol)
    g = rng.standard_normal(out.shape).astype(dtype)
    _, dw, _ = fn.conv2d_backward(g, cache, need_dx=False)
    dw_want = (g.transpose(1, 0, 2, 3).reshape(6, -1).astype(np.float64) @ cols).reshape(w.shape)
    np.testing.assert_allclose(dw, dw_want, rtol=tol, atol=tol * 100)
