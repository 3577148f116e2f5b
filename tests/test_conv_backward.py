import numpy as np
import pytest

from explorer.engine import functional as F
from explorer.engine.conv_examples import get_example
from explorer.ui.conv_backward import conv_gradient_check


def test_textbook_gradient_check_matches_dw():
    ex = get_example("book_4x4")
    expected = np.array([[4, 8, 8], [4, 4, 8], [8, 4, 4]], dtype=float)
    for i in range(3):
        for j in range(3):
            chk = conv_gradient_check(ex.x, ex.kernel, np.ones((2, 2)), (0, i, j))
            assert chk.backprop == pytest.approx(expected[i, j])
            assert chk.numeric == pytest.approx(expected[i, j], rel=1e-6)
            assert chk.relative < 1e-6


@pytest.mark.parametrize("stride,padding,flip", [(1, 0, False), (2, 1, True), (3, "same", False)])
def test_random_gradient_check_agrees(stride, padding, flip):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 7, 6))
    k = rng.normal(size=(2, 3, 2))
    y = F.conv2d(x[None], k[None], np.zeros(1), stride=stride, padding=padding, flip=flip)[0, 0]
    dy = rng.normal(size=y.shape)
    chk = conv_gradient_check(x, k, dy, (1, 2, 0), stride=stride, padding=padding, flip=flip)
    assert chk.relative < 1e-6
    assert chk.h == 1e-3


def test_bad_index_and_step_are_value_errors():
    ex = get_example("book_4x4")
    with pytest.raises(ValueError, match="outside the kernel"):
        conv_gradient_check(ex.x, ex.kernel, np.ones((2, 2)), (0, 3, 0))
    with pytest.raises(ValueError, match="step h"):
        conv_gradient_check(ex.x, ex.kernel, np.ones((2, 2)), (0, 0, 0), h=0.0)


def test_setup_backward_builds_textbook_gradients():
    from explorer.ui.conv_setup import ConvSetup, ConvSources, resolve
    assert resolve(ConvSetup(), ConvSources()).backward is None
    b = resolve(ConvSetup(direction="backward"), ConvSources()).backward
    np.testing.assert_allclose(b.dweight, [[[4, 8, 8], [4, 4, 8], [8, 4, 4]]])
    assert b.dbias == pytest.approx(4)
    np.testing.assert_allclose(b.dx[0], [[2, 2, 1, 1], [2, 3, 4, 3], [1, 2, 5, 4], [1, 1, 2, 2]])
    with pytest.raises(ValueError, match="direction"):
        ConvSetup(direction="sideways")


# --- the backward stepper's set-up (dY presets, building up, the loss's dY) -----------------
from explorer.engine.stepper import ConvStepper, PoolStepper  # noqa: E402
from explorer.ui.conv_backward import (backward_for, built_up, loss_gradient,  # noqa: E402
                                       make_dy, n_steps)


def _book_stepper():
    ex = get_example("book_4x4")
    return ConvStepper(ex.x, ex.kernel)


def test_textbook_backward_from_ones_gives_the_issue_numbers():
    st = _book_stepper()
    bw = backward_for(st, make_dy("ones", st.output.shape[-2:]))
    np.testing.assert_allclose(bw.dweight[0], [[4, 8, 8], [4, 4, 8], [8, 4, 4]])
    assert bw.dbias == pytest.approx(4)
    np.testing.assert_allclose(bw.dx[0], [[2, 2, 1, 1], [2, 3, 4, 3], [1, 2, 5, 4],
                                          [1, 1, 2, 2]])
    assert (n_steps(bw, "dx"), n_steps(bw, "dw"), n_steps(bw, "db")) == (16, 9, 1)


def test_built_up_fills_cell_by_cell_and_ends_at_the_engines_answer():
    st = _book_stepper()
    bw = backward_for(st, make_dy("random", (2, 2), seed=3))
    for result in ("dx", "dw"):
        n = n_steps(bw, result)
        first = built_up(bw, result, 0)
        assert np.isfinite(first).sum() == 1
        half = built_up(bw, result, n // 2)
        assert np.isfinite(half).sum() == n // 2 + 1
        last = built_up(bw, result, n - 1)
        expected = bw.dx[0] if result == "dx" else bw.dweight[0]
        np.testing.assert_allclose(last[0], expected, atol=1e-12)
    np.testing.assert_allclose(built_up(bw, "db", 0), [bw.dbias])


def test_pooling_built_up_routes_to_the_winner_and_ends_at_dx():
    x = np.arange(16, dtype=float).reshape(1, 4, 4)
    st = PoolStepper(x, "max", 2, 2, 0)
    bw = backward_for(st, make_dy("random", st.output.shape, seed=1))
    first = built_up(bw, "dx", 0)
    assert np.isfinite(first).sum() == 1 and np.isfinite(first[0, 1, 1])  # the window's max
    np.testing.assert_allclose(np.nan_to_num(built_up(bw, "dx", bw.n_positions - 1)), bw.dx)


def test_dy_presets():
    np.testing.assert_array_equal(make_dy("ones", (2, 3)), np.ones((2, 3)))
    hot = make_dy("one_hot", (3, 3), cell=(5, -1))        # clamped into the grid
    assert hot.sum() == 1 and hot[2, 0] == 1
    a, b = make_dy("random", (4, 4), seed=7), make_dy("random", (4, 4), seed=7)
    np.testing.assert_array_equal(a, b)
    assert np.all(a == np.round(a)) and a.min() >= -2 and a.max() <= 2
    with pytest.raises(ValueError, match="preset"):
        make_dy("loss", (2, 2))


def test_wrong_dy_shape_is_a_value_error():
    st = _book_stepper()
    with pytest.raises(ValueError, match="dout must have shape"):
        backward_for(st, np.ones((3, 3)))


def test_loss_gradient_through_the_relu_gate_of_the_shipped_model():
    from explorer.engine.backprop import layer_output_gradient
    from explorer.engine.serialize import load_model
    from explorer.paths import DEFAULT_MODEL

    model = load_model(DEFAULT_MODEL)
    image = np.zeros((28, 28), dtype=np.float32)
    image[6:22, 12:16] = 1.0                                 # a "1"
    g = loss_gradient(image, model, "conv1", 2)
    assert g.relu == "relu1" and not g.true
    assert g.label == int(np.argmax(model.predict_proba(image[None, None])[0]))
    # the gradient below the ReLU is the one above it, where the gate is open, else 0
    np.testing.assert_allclose(g.dy, np.where(g.gate, g.dy_after, 0.0), atol=1e-7)
    np.testing.assert_array_equal(g.gate, g.pre > 0)
    dy, _ = layer_output_gradient(model, image[None, None], g.label, "conv1")
    np.testing.assert_allclose(g.dy, dy[0, 2], rtol=1e-6, atol=1e-9)
    assert loss_gradient(image, model, "conv1", 0, label=3).true
    with pytest.raises(ValueError, match="no filter 99"):
        loss_gradient(image, model, "conv1", 99)
