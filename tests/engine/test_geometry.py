"""One rule for sizes, strides and padding in functional, the layers and the stepper:
whole floats are ints (2.0 -> 2), anything else that is not an int is a ValueError naming the
argument (before the fix the stepper turned a stride of 2.5 into 2 silently)."""

import numpy as np
import pytest

from explorer.engine import functional as F
from explorer.engine import geometry as G
from explorer.engine.layers import AvgPool2D, Conv2D, MaxPool2D
from explorer.engine.stepper import ConvStepper, PoolStepper


@pytest.mark.parametrize(
    "value, expected",
    [(2, (2, 2)), (2.0, (2, 2)), (np.int64(3), (3, 3)), (np.float32(3.0), (3, 3)),
     ((1, 2), (1, 2)), ([1.0, 2], (1, 2)), (np.array([2, 3]), (2, 3))],
)
def test_pair_accepts_ints_and_whole_floats(value, expected):
    got = G.pair(value, "stride")
    assert got == expected and all(type(v) is int for v in got)


@pytest.mark.parametrize("value", [2.5, True, "2", (1, 2, 3), (1, 2.5), float("nan"),
                                   float("inf"), None])
def test_pair_refuses_everything_else_naming_the_argument(value):
    with pytest.raises(ValueError, match="kernel_size must be an int or a pair"):
        G.pair(value, "kernel_size")


def test_as_int():
    assert G.as_int(4.0, "size", 1) == 4
    with pytest.raises(ValueError, match="size must be an int of at least 1, got 0"):
        G.as_int(0, "size", 1)
    with pytest.raises(ValueError, match=r"stride must be an int, got 1\.5"):
        G.as_int(1.5, "stride")


def test_functional_re_exports_the_shared_helpers():
    assert F.resolve_padding is G.resolve_padding
    assert F.conv_output_size is G.conv_output_size


def test_whole_floats_give_the_same_results_everywhere():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(1, 2, 7, 6))
    w = rng.normal(size=(3, 2, 3, 3))
    a = F.conv2d(x, w, stride=2, padding=1)
    np.testing.assert_array_equal(F.conv2d(x, w, stride=2.0, padding=1.0), a)
    np.testing.assert_array_equal(F.max_pool2d(x, 2.0, stride=(1.0, 2)),
                                  F.max_pool2d(x, 2, stride=(1, 2)))
    layer = Conv2D(3, 3.0, stride=2.0, padding=1)
    assert layer.kernel_size == (3, 3) and layer.stride == (2, 2)
    assert MaxPool2D(2.0).stride == (2, 2)
    st = ConvStepper(x[0], w[0], stride=2.0, padding=1.0)
    np.testing.assert_allclose(st.output, a[0, 0], rtol=1e-12, atol=1e-12)
    assert st.stride == (2, 2) and st.pads == ((1, 1), (1, 1))
    assert PoolStepper(x[0], "max", 2.0, 1.0).stride == (1, 1)
    explain = F.explain_output_size(7.0, 3.0, 2.0, 1.0)
    assert explain.output == 4 and explain.padded_size == 9


@pytest.mark.parametrize(
    "make, name",
    [
        (lambda: F.conv2d(np.zeros((1, 1, 4, 4)), np.zeros((1, 1, 3, 3)), stride=2.5), "stride"),
        (lambda: F.avg_pool2d(np.zeros((1, 1, 4, 4)), 2.5), "kernel_size"),
        (lambda: F.max_pool2d(np.zeros((1, 1, 4, 4)), 2, padding=0.5), "padding"),
        (lambda: Conv2D(2, 3, stride=1.5), "stride"),
        (lambda: AvgPool2D(2, stride=2.5), "stride"),
        (lambda: ConvStepper(np.zeros((1, 4, 4)), np.zeros((1, 3, 3)), stride=2.5), "stride"),
        (lambda: ConvStepper(np.zeros((1, 4, 4)), np.zeros((1, 3, 3)), padding=1.5), "padding"),
        (lambda: PoolStepper(np.zeros((1, 4, 4)), "max", 2.5), "pool size"),
        (lambda: F.explain_output_size(5, 3, 1.5), "stride"),
    ],
)
def test_fractional_sizes_are_refused_everywhere(make, name):
    with pytest.raises(ValueError, match=name):
        make()


def test_window_and_pool_geometry():
    assert G.window_geometry((1, 1, 7, 8), 3, 2, "same") == ((2, 2), ((1, 1), (0, 1)), (4, 4))
    assert G.window_geometry((7, 8), (3, 3), 1, 0) == ((1, 1), ((0, 0), (0, 0)), (5, 6))
    assert G.pool_geometry((6, 6), 2) == ((2, 2), (2, 2), ((0, 0), (0, 0)), (3, 3))
    with pytest.raises(ValueError, match="kernel width 5 is bigger than the padded input width 4"):
        G.window_geometry((9, 4), 5, 1, 0)
    with pytest.raises(ValueError, match="at most half the kernel size"):
        G.pool_geometry((6, 6), 2, 2, 2)
    assert G.same_padding_1d(8, 3, 2) == (0, 1)
