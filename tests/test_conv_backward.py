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
