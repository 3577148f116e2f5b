"""The Convolution tab's stepping decisions (Qt-free) and the typed batch of two images."""

import numpy as np
import pytest

from explorer.engine import functional as F
from explorer.engine.stepper import ConvStepper, PoolStepper
from explorer.ui.conv_backward import backward_for, built_up, conv_gradient_check, n_steps
from explorer.ui.conv_setup import ConvSetup, ConvSources, resolve
from explorer.ui.conv_steps import built_up_output, cells_fed_by, position_at, shared_levels
from explorer.ui.typed_input import as_batch, fill_pattern, from_settings, parse_typed, to_settings


def _batch(seed=3, shape=(2, 2, 5, 6)):
    return np.random.default_rng(seed).integers(-3, 4, size=shape).astype(float)


def test_output_builds_up_cell_by_cell():
    out = np.arange(6.0).reshape(2, 3)
    first = built_up_output(out, 0)
    assert first[0, 0] == 0 and np.isnan(first).sum() == 5
    fourth = built_up_output(out, 3)
    np.testing.assert_array_equal(fourth[~np.isnan(fourth)], [0, 1, 2, 3])
    pooled = built_up_output(np.ones((3, 2, 2)), 1)   # every channel at the same step
    assert np.isnan(pooled).sum() == 3 * 2 and not np.isnan(pooled[:, 0, 1]).any()
    np.testing.assert_array_equal(built_up_output(out, 5), out)


def test_an_input_cell_feeds_the_windows_that_cover_it():
    st = ConvStepper(np.zeros((1, 7, 7)), np.ones((3, 3)), stride=2)   # 3x3 output
    assert cells_fed_by(st, 0, 0) == [(0, 0)]
    assert cells_fed_by(st, 2, 2) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert len(cells_fed_by(st, 3, 3)) == 1
    st = ConvStepper(np.zeros((1, 8, 8)), np.ones((3, 3)), stride=2, padding="valid")
    assert cells_fed_by(st, 7, 0) == []                 # row 7: under no window
    padded = ConvStepper(np.zeros((1, 4, 4)), np.ones((3, 3)), padding=1)
    assert cells_fed_by(padded, 0, 0) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert cells_fed_by(padded, -1, -1) == [(0, 0)]      # a padding cell
    pool = PoolStepper(np.zeros((2, 4, 4)), "max", 2, 2)
    assert cells_fed_by(pool, 3, 2) == [(1, 1)]
    # each output cell is fed by exactly KH*KW input cells: the counts add up
    st = ConvStepper(np.zeros((1, 6, 5)), np.ones((2, 3)), stride=1)
    total = sum(len(cells_fed_by(st, r, c)) for r in range(6) for c in range(5))
    assert total == st.n_positions * 6


def test_click_positions_and_shared_levels():
    st = ConvStepper(np.zeros((1, 5, 5)), np.ones((3, 3)))
    assert position_at(st, 1, 2) == 5 and position_at(st, 3, 0) is None
    assert shared_levels([np.array([[0, 2]]), np.array([[-np.inf, 5]])], False) == (0.0, 5.0)
    assert shared_levels([np.array([[-1, 2]]), np.array([[3.0]])], True) == (-3.0, 3.0)


def test_typed_batch_of_two_is_parsed_and_remembered():
    x = _batch()
    np.testing.assert_array_equal(from_settings(to_settings(x)), x)
    assert parse_typed(x[:1]).shape == (2, 5, 6)        # N = 1 is one image
    assert as_batch(fill_pattern("ramp", (1, 3, 3))).shape == (1, 1, 3, 3)
    with pytest.raises(ValueError, match="images"):
        parse_typed(np.zeros((3, 1, 2, 2)))


def _build(x, **kw):
    setup = ConvSetup(input="typed", kernel="preset:sobel_x", **kw)
    return resolve(setup, ConvSources(typed=x))


def test_image_one_of_a_batch_is_image_one_alone():
    x = _batch()
    build = _build(x, image=1, stride=2, padding=1)
    assert build.n_images == 2 and build.setup.image == 1
    np.testing.assert_array_equal(build.stepper.x, x[1])
    alone = ConvStepper(x[1], build.stepper.kernel, stride=2, padding=1)
    # the batched conv2d's output for image 1 equals the forward of image 1 alone
    np.testing.assert_allclose(build.batch_output()[1], alone.output)
    np.testing.assert_allclose(build.stepper.assemble(), alone.output)
    assert _build(x, image=7).setup.image == 1            # clamped to the batch
    pooled = resolve(ConvSetup(input="typed", operation="max", size=2, stride=2, image=1),
                     ConvSources(typed=x))
    np.testing.assert_array_equal(pooled.batch_output()[1], pooled.stepper.output)


def test_batch_backward_dw_is_the_sum_of_each_images_dw():
    x = _batch(seed=5)
    build = _build(x, image=1, stride=2, padding=1)
    st = build.stepper
    dy = np.random.default_rng(1).integers(-2, 3, size=(2,) + st.output_shape).astype(float)
    bw = backward_for(st, dy, build.batch)
    per_image = []
    for i in range(2):
        _, cache = F.conv2d_forward(x[i:i + 1], st.kernel[None], np.zeros(1), stride=2,
                                    padding=1)
        dx, dw, db = F.conv2d_backward(dy[i][None, None], cache)
        per_image.append((dx[0], dw[0], db[0]))
        np.testing.assert_allclose(bw.dx[i], dx[0])          # dX per image
    np.testing.assert_allclose(bw.dweight, per_image[0][1] + per_image[1][1])
    assert bw.dbias == pytest.approx(per_image[0][2] + per_image[1][2])
    # stepping dX walks one image; built_up shows that image's dX
    per = n_steps(bw, "dx")
    assert per * 2 == bw.n_dx_positions
    done = built_up(bw, "dx", per - 1, image=1)
    top, left, h, w = bw.crop
    np.testing.assert_allclose(done[:, top:top + h, left:left + w], per_image[1][0])
    # a dW cell's products hold both images' contributions
    p = bw.dw_position(4)
    parts = p.products.reshape(2, -1).sum(axis=1)
    assert parts.sum() == pytest.approx(p.result)
    check = conv_gradient_check(x, st.kernel, dy, (0, 1, 1), stride=2, padding=1)
    assert check.backprop == pytest.approx(bw.dweight[0, 1, 1])
    assert check.relative < 1e-6


def test_shared_levels_is_one_value_range_over_every_view():
    # Two views of the same quantity: their joint range, symmetric when diverging.
    assert shared_levels([np.array([[1.0, 2.0]]), np.array([[-3.0]])], True) == (-3.0, 3.0)
    assert shared_levels([np.array([2.0, -np.inf]), np.array([5.0])], diverging=False) == (2.0, 5.0)
    assert shared_levels([np.array([4.0]), np.array([4.0])], diverging=False) == (3.5, 4.5)

