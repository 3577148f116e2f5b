"""The backward steppers: stepping through every cell rebuilds the engine's conv2d_backward /
pooling backward, an independent slow loop agrees, and so does PyTorch's autograd."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explorer.engine import functional as F
from explorer.engine.conv_examples import get_example
from explorer.engine.geometry import resolve_padding
from explorer.engine.stepper import ConvBackwardStepper, PoolBackwardStepper, relu_backward_gate


# ---------------------------------------------------------------- independent slow references
def _ref_conv_grads(x, w, dy, stride, pads, flip):
    """x (N,C,H,W), w (F,C,KH,KW), dy (N,F,OH,OW) -> dx, dw, db by scattering every product."""
    (sh, sw), ((t, b), (l, r)) = stride, pads
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    xp = np.zeros((n, c, h + t + b, wd + l + r))
    xp[:, :, t : t + h, l : l + wd] = x
    k = w[:, :, ::-1, ::-1] if flip else w
    dxp, dk = np.zeros_like(xp), np.zeros(w.shape)
    for s in range(n):
        for ff in range(f):
            for o in range(dy.shape[2]):
                for p in range(dy.shape[3]):
                    g = dy[s, ff, o, p]
                    for ch in range(c):
                        for i in range(kh):
                            for j in range(kw):
                                dxp[s, ch, o * sh + i, p * sw + j] += g * k[ff, ch, i, j]
                                dk[ff, ch, i, j] += g * xp[s, ch, o * sh + i, p * sw + j]
    dw = dk[:, :, ::-1, ::-1] if flip else dk
    return dxp[:, :, t : t + h, l : l + wd], dw, dy.sum(axis=(0, 2, 3))


def _torch_conv_grads(x, w, dy, stride, pads, flip):
    torch = pytest.importorskip("torch")
    (t, b), (l, r) = pads
    xt = torch.tensor(x, requires_grad=True)
    wt = torch.tensor(w, requires_grad=True)
    bt = torch.zeros(w.shape[0], dtype=torch.float64, requires_grad=True)
    xp = torch.nn.functional.pad(xt, (l, r, t, b))
    k = torch.flip(wt, dims=(2, 3)) if flip else wt
    y = torch.nn.functional.conv2d(xp, k, bt, stride=stride)
    y.backward(torch.tensor(dy))
    return xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy()


# ------------------------------------------------------------------------------- the textbook
def test_textbook_gradients_are_the_books_numbers():
    ex = get_example("book_4x4")
    s = ConvBackwardStepper(ex.x, ex.kernel, np.ones((2, 2)))
    expected_dw = [[4, 8, 8], [4, 4, 8], [8, 4, 4]]
    expected_dx = [[2, 2, 1, 1], [2, 3, 4, 3], [1, 2, 5, 4], [1, 1, 2, 2]]
    np.testing.assert_array_equal(s.dweight[0], expected_dw)
    assert s.dbias == 4
    np.testing.assert_array_equal(s.dx[0], expected_dx)
    np.testing.assert_array_equal(s.assemble_dx()[0], expected_dx)
    np.testing.assert_array_equal(s.assemble_dweight()[0], expected_dw)
    assert s.db_position().total == 4
    # dX cell (1, 1): the 3x3 window of the padded ones grid under the rotated filter.
    p = s.dx_position(1 * 4 + 1)
    np.testing.assert_array_equal(p.kernel[0], ex.kernel[0, ::-1, ::-1])
    np.testing.assert_array_equal(p.dy_window[0], [[0, 0, 0], [0, 1, 1], [0, 1, 1]])
    assert p.total == 3 and p.result == 3 and p.input_cell == (1, 1) and not p.cropped
    # dW cell (0, 1): it multiplied x[0:2, 1:3] = [[2, 3], [1, 2]]; times dY = 1: sum 8.
    q = s.dw_position(1)
    np.testing.assert_array_equal(q.x_cells[0], [[2, 3], [1, 2]])
    assert q.total == 8 and q.result == 8


def test_padding_is_cropped_and_the_grid_shows_where_dy_sits():
    ex = get_example("book_padding")
    dy = np.arange(16, dtype=float).reshape(4, 4)
    s = ConvBackwardStepper(ex.x, ex.kernel, dy, padding=1)
    assert s.full_dx.shape == (1, 1, 6, 6) and s.crop == (1, 1, 4, 4)
    assert s.cropped_mask.sum() == 36 - 16 and s.cropped_mask[0].all()
    cropped = [p for p in s.dx_positions() if p.cropped]
    assert len(cropped) == 20 and all(p.result is None for p in cropped)
    assert s.dy_grid.shape == (1, 1, 8, 8) and s.dy_grid_mask.sum() == 16
    assert s.dy_grid_position(3, 2) == (5, 4)
    assert s.dy_grid[0, 0, 5, 4] == dy[3, 2]


def test_stride_dilates_dy_and_unreached_rows_get_zero():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(1, 6, 6))
    dy = rng.normal(size=(2, 2))
    s = ConvBackwardStepper(x, rng.normal(size=(1, 3, 3)), dy, stride=2)
    # (6 - 3) // 2 + 1 = 2 outputs; windows reach rows 0..4: row 5 and column 5 get nothing.
    assert s.dy_dilated.shape == (1, 1, 3, 3)
    np.testing.assert_array_equal(s.dy_dilated[0, 0, 1], 0)  # the inserted zero row
    np.testing.assert_array_equal(s.dy_dilated[0, 0, ::2, ::2], dy)
    assert s.grid_pads == ((2, 3), (2, 3))
    np.testing.assert_array_equal(s.dx[0, 5], 0)
    np.testing.assert_array_equal(s.dx[0, :, 5], 0)
    np.testing.assert_allclose(s.assemble_dx(), s.dx, atol=1e-12)


# ----------------------------------------------------------------------- random and edge cases
paddings = st.one_of(
    st.sampled_from([0, 1, 2, "same", "valid"]),
    st.tuples(st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.tuples(st.integers(0, 2), st.integers(0, 2)),
              st.tuples(st.integers(0, 2), st.integers(0, 2))),
)


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 2),
    c=st.integers(1, 3),
    f=st.integers(1, 3),
    h=st.integers(1, 8),
    w=st.integers(1, 8),
    kh=st.integers(1, 4),
    kw=st.integers(1, 4),
    stride=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    padding=paddings,
    flip=st.booleans(),
    batched=st.booleans(),
)
def test_stepped_gradients_equal_the_engine_and_a_slow_loop(
        seed, n, c, f, h, w, kh, kw, stride, padding, flip, batched):
    pads = resolve_padding(padding, (h, w), (kh, kw), stride)
    assume(h + sum(pads[0]) >= kh and w + sum(pads[1]) >= kw)
    rng = np.random.default_rng(seed)
    n = n if batched else 1
    x = rng.normal(size=(n, c, h, w))
    weight = rng.normal(size=(f, c, kh, kw))
    oh = (h + sum(pads[0]) - kh) // stride[0] + 1
    ow = (w + sum(pads[1]) - kw) // stride[1] + 1
    dy = rng.normal(size=(n, f, oh, ow))
    s = ConvBackwardStepper(x if batched else x[0], weight, dy if batched else dy[0],
                            stride=stride, padding=padding, flip=flip)
    _, cache = F.conv2d_forward(x, weight, np.zeros(f), stride=stride, padding=padding,
                                flip=flip)
    dx, dw, db = F.conv2d_backward(dy, cache)
    np.testing.assert_allclose(s.dx4, dx, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(s.dweight, dw, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(s.dbias, db, rtol=1e-12, atol=1e-12)
    # The stepped arithmetic (dilate, pad, rotate, slide; window times dY) rebuilds them ...
    np.testing.assert_allclose(s.assemble_dx(), s.dx, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(s.assemble_dweight(), s.dweight, rtol=1e-10, atol=1e-10)
    # ... and agrees with scattering every product in a plain loop.
    ref_dx, ref_dw, ref_db = _ref_conv_grads(x, weight, dy, stride, pads, flip)
    np.testing.assert_allclose(s.dx4, ref_dx, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(s.dweight, ref_dw, rtol=1e-10, atol=1e-10)
    for i in range(f):
        assert s.db_position(i).total == pytest.approx(ref_db[i], rel=1e-12, abs=1e-12)
    for p in s.dx_positions():
        np.testing.assert_allclose(p.filter_sums, p.products.sum(axis=(1, 2)))
        if not p.cropped:
            assert p.total == pytest.approx(p.result, rel=1e-9, abs=1e-9)
    for q in s.dw_positions():
        assert q.x_cells.shape == q.dy.shape == (n, oh, ow)
        assert q.total == pytest.approx(q.result, rel=1e-9, abs=1e-9)


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    h=st.integers(2, 8),
    w=st.integers(2, 8),
    k=st.integers(1, 4),
    stride=st.integers(1, 3),
    padding=paddings,
    flip=st.booleans(),
)
def test_stepped_gradients_equal_torch_autograd(seed, h, w, k, stride, padding, flip):
    pytest.importorskip("torch")
    pads = resolve_padding(padding, (h, w), (k, k), stride)
    assume(h + sum(pads[0]) >= k and w + sum(pads[1]) >= k)
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(2, 2, h, w))
    weight = rng.normal(size=(3, 2, k, k))
    oh = (h + sum(pads[0]) - k) // stride + 1
    ow = (w + sum(pads[1]) - k) // stride + 1
    dy = rng.normal(size=(2, 3, oh, ow))
    s = ConvBackwardStepper(x, weight, dy, stride=stride, padding=padding, flip=flip)
    tdx, tdw, tdb = _torch_conv_grads(x, weight, dy, (stride, stride), pads, flip)
    np.testing.assert_allclose(s.assemble_dx(), tdx, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(s.assemble_dweight(), tdw, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(s.dbias, tdb, rtol=1e-9, atol=1e-9)


def test_float32_stays_float32_and_matches_to_float_tolerance():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(2, 6, 5)).astype(np.float32)
    weight = rng.normal(size=(2, 3, 3)).astype(np.float32)
    s = ConvBackwardStepper(x, weight, rng.normal(size=(3, 3)).astype(np.float32),
                            stride=2, padding="same")
    assert s.dx.dtype == np.float32 and s.dweight.dtype == np.float32
    np.testing.assert_allclose(s.assemble_dx(), s.dx, rtol=1e-5, atol=1e-5)


def test_bad_arguments_say_what_is_wrong():
    x, w = np.zeros((1, 4, 4)), np.zeros((1, 3, 3))
    with pytest.raises(ValueError, match=r"dout must have shape \(2, 2\).*got \(3, 3\)"):
        ConvBackwardStepper(x, w, np.zeros((3, 3)))
    with pytest.raises(ValueError, match="weight has 2 channels but x has 1"):
        ConvBackwardStepper(x, np.zeros((2, 3, 3)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="bigger than the padded input"):
        ConvBackwardStepper(x, np.zeros((1, 5, 5)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match="stride"):
        ConvBackwardStepper(x, w, np.zeros((2, 2)), stride=1.5)
    with pytest.raises(ValueError, match="x must have shape"):
        ConvBackwardStepper(np.zeros(4), w, np.zeros((2, 2)))
    with pytest.raises(IndexError):
        ConvBackwardStepper(x, w, np.zeros((2, 2))).dx_position(16)
    with pytest.raises(ValueError, match=r"dout must have shape \(1, 2, 2\)"):
        PoolBackwardStepper(x, np.zeros((1, 3, 3)))
    with pytest.raises(ValueError, match="'max' or 'avg'"):
        PoolBackwardStepper(x, np.zeros((1, 2, 2)), mode="min")
    with pytest.raises(ValueError, match="dout must hold real numbers, got dtype complex"):
        ConvBackwardStepper(x, w, np.zeros((2, 2), dtype=complex))
    with pytest.raises(ValueError, match="weight must hold real numbers"):
        ConvBackwardStepper(x, np.array([["a"]]), np.zeros((4, 4)))


def test_reprs_name_the_shapes():
    s = ConvBackwardStepper(np.zeros((1, 4, 4)), np.zeros((1, 3, 3)), np.zeros((2, 2)))
    assert "weight(1, 1, 3, 3)" in repr(s) and "total=" in repr(s.dx_position(0))
    assert "w[0, 0, 0, 0]" in repr(s.dw_position(0)) and "filter 0" in repr(s.db_position(0))
    p = PoolBackwardStepper(np.zeros((1, 4, 4)), np.zeros((1, 2, 2)))
    assert "max" in repr(p) and "-> 1 cells" in repr(p.position(0))


# ------------------------------------------------------------------------------------ pooling
def _ref_pool_grad(x, dy, mode, k, s, pads):
    """x (C,H,W), dy (C,OH,OW): plain loops, first maximum wins."""
    (t, b), (l, r) = pads
    c, h, w = x.shape
    xp = np.full((c, h + t + b, w + l + r), -np.inf if mode == "max" else 0.0)
    xp[:, t : t + h, l : l + w] = x
    dxp = np.zeros_like(xp)
    for ch in range(c):
        for o in range(dy.shape[1]):
            for p in range(dy.shape[2]):
                win = xp[ch, o * s : o * s + k, p * s : p * s + k]
                if mode == "max":
                    i, j = divmod(int(np.argmax(win)), k)  # np.argmax: the first maximum
                    dxp[ch, o * s + i, p * s + j] += dy[ch, o, p]
                else:
                    dxp[ch, o * s : o * s + k, p * s : p * s + k] += dy[ch, o, p] / (k * k)
    return dxp[:, t : t + h, l : l + w]


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    c=st.integers(1, 3),
    h=st.integers(2, 8),
    w=st.integers(2, 8),
    k=st.integers(1, 3),
    stride=st.integers(1, 3),
    padding=st.sampled_from([0, 1, "same"]),
    mode=st.sampled_from(["max", "avg"]),
    ties=st.booleans(),
)
def test_pool_backward_stepping_equals_engine_and_loop(seed, c, h, w, k, stride, padding,
                                                       mode, ties):
    if padding == 1 and k < 2:
        padding = 0
    pads = resolve_padding(padding, (h, w), (k, k), stride)
    assume(h + sum(pads[0]) >= k and w + sum(pads[1]) >= k)
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 2, size=(c, h, w)).astype(float) if ties else rng.normal(size=(c, h, w))
    oh = (h + sum(pads[0]) - k) // stride + 1
    ow = (w + sum(pads[1]) - k) // stride + 1
    dy = rng.normal(size=(c, oh, ow))
    s = PoolBackwardStepper(x, dy, mode, k, stride, padding)
    cache = (F.max_pool2d_forward if mode == "max" else F.avg_pool2d_forward)(
        x[None], k, stride, padding)[1]
    engine = (F.max_pool2d_backward if mode == "max" else F.avg_pool2d_backward)(dy[None], cache)
    np.testing.assert_array_equal(s.dx, engine[0])
    np.testing.assert_allclose(s.assemble(), engine[0], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(s.dx, _ref_pool_grad(x, dy, mode, k, stride, pads),
                               rtol=1e-12, atol=1e-12)
    for p in s.positions():
        assert sum(p.amounts) + p.lost == pytest.approx(p.dy, rel=1e-12, abs=1e-12)
        if mode == "max":
            i, j = p.winner
            assert len(p.destinations) == 1
            r, col = p.destinations[0]
            assert x[p.channel, r, col] == s.output[p.channel, p.row, p.col]
            assert (p.window[0] + i - pads[0][0], p.window[1] + j - pads[1][0]) == (r, col)


def test_max_pool_ties_go_to_the_first_cell_and_avg_padding_shares_are_lost():
    s = PoolBackwardStepper(np.ones((1, 4, 4)), np.ones((1, 2, 2)), "max", 2)
    assert s.position(0).winner == (0, 0) and s.position(0).destinations == ((0, 0),)
    a = PoolBackwardStepper(np.ones((1, 3, 3)), np.full((1, 2, 2), 4.0), "avg", 2, 2, 1)
    p = a.position(0)  # the top-left window holds 3 padding cells and x[0, 0]
    assert p.destinations == ((0, 0),) and p.amounts == (1.0,) and p.lost == 3.0


def test_pool_backward_equals_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(7)
    x = rng.normal(size=(2, 7, 6))
    dy = rng.normal(size=(2, 4, 3))
    for mode, fn in (("max", torch.nn.functional.max_pool2d),
                     ("avg", torch.nn.functional.avg_pool2d)):
        s = PoolBackwardStepper(x, dy, mode, 3, 2, 1)
        xt = torch.tensor(x[None], requires_grad=True)
        fn(xt, 3, 2, 1).backward(torch.tensor(dy[None]))
        np.testing.assert_allclose(s.assemble(), xt.grad.numpy()[0], rtol=1e-12, atol=1e-12)


# --------------------------------------------------------------------------------------- ReLU
def test_relu_gate_matches_the_relu_layer():
    from explorer.engine.layers import ReLU

    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 4, 4))
    x[0, 0, 0, 0] = 0.0
    dout = rng.normal(size=x.shape)
    mask, dx = relu_backward_gate(x, dout)
    layer = ReLU()
    layer.forward(x)
    np.testing.assert_array_equal(dx, layer.backward(dout))
    assert mask.dtype == bool and not mask[0, 0, 0, 0]
    np.testing.assert_array_equal(dx[~mask], 0)
    with pytest.raises(ValueError, match=r"dout has shape \(3,\) but the forward input"):
        relu_backward_gate(np.zeros(2), np.zeros(3))


def test_the_new_engine_modules_import_no_qt():
    """explorer.engine's __init__ does not import these, so test_no_qt does not see them."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import explorer.engine.geometry, explorer.engine.backward, explorer.engine.backprop\n"
        "import explorer.engine.insight, explorer.engine.stepper\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt modules imported: {out.stdout}"
