"""raw_resize: the plain 28x28 shrink of a whole image (no crop, no centring), by area."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.data.preprocess import raw_resize


def _slow_block_mean(img, n=28):
    """Reference for sizes that are multiples of 28: the mean of each block, by loops."""
    h, w = img.shape
    bh, bw = h // n, w // n
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            out[i, j] = img[i * bh:(i + 1) * bh, j * bw:(j + 1) * bw].mean()
    return out


def test_a_canvas_becomes_the_mean_of_each_10x10_block():
    rng = np.random.default_rng(1)
    canvas = rng.integers(0, 256, (280, 280)).astype(np.uint8)
    out = raw_resize(canvas)
    assert out.shape == (28, 28) and out.dtype == np.float32
    np.testing.assert_allclose(out, _slow_block_mean(canvas / 255.0), atol=1e-5)


def test_integers_are_0_to_255_and_floats_0_to_1():
    rng = np.random.default_rng(2)
    img = rng.integers(0, 256, (56, 84)).astype(np.uint8)
    np.testing.assert_allclose(raw_resize(img), raw_resize(img / 255.0), atol=1e-6)
    np.testing.assert_allclose(raw_resize(img.astype(np.int64)), raw_resize(img), atol=0)
    assert raw_resize(np.ones((5, 5), bool)).min() == pytest.approx(1.0)


def test_nothing_is_cropped_or_centred():
    """A dot in the top-left corner stays there (preprocess_digit would centre it)."""
    img = np.zeros((280, 280), np.uint8)
    img[:20, :20] = 255
    out = raw_resize(img)
    assert out[:2, :2].min() == pytest.approx(1.0)
    assert out[2:].max() == 0 and out[:, 2:].max() == 0


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 90), w=st.integers(1, 90), level=st.floats(0.0, 1.0))
def test_any_size_keeps_a_constant_brightness(h, w, level):
    out = raw_resize(np.full((h, w), level, np.float32))
    assert out.shape == (28, 28)
    np.testing.assert_allclose(out, level, atol=1e-5)


@pytest.mark.parametrize("bad, match", [
    (np.zeros((3, 28, 28)), "2-D"),
    (np.zeros((0, 5)), "empty"),
    (np.full((4, 4), np.nan), "NaN"),
    (np.full((4, 4), 2.0), r"\[0, 1\]"),
    (-np.ones((4, 4), np.int16), "negative"),
    (np.full((4, 4), "a"), "numbers"),
])
def test_bad_input_says_what_is_wrong(bad, match):
    with pytest.raises(ValueError, match=match):
        raw_resize(bad)


def test_input_is_not_modified():
    img = np.arange(100, dtype=np.float64).reshape(10, 10) / 100
    before = img.copy()
    raw_resize(img)
    np.testing.assert_array_equal(img, before)
