"""preprocess_digit: MNIST's recipe (crop, fit 20x20, centre by mass) on drawings and on MNIST."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.data import load_builtin, preprocess_digit
from explorer.data.preprocess import EMPTY_LEVEL, INK_FRACTION, area_resample_matrix


def _bbox(img):
    rows = np.flatnonzero(img.any(axis=1))
    cols = np.flatnonzero(img.any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def _centre_of_mass(img):
    idx = np.arange(img.shape[0])
    return (img.sum(1) @ idx) / img.sum(), (img.sum(0) @ idx) / img.sum()


def _slow_area_matrix(n_in, n_out, sub=1000):
    """Reference: sample the box-filter footprint of each output pixel at many points."""
    m = np.zeros((n_out, n_in))
    for i in range(n_out):
        pos = (i + (np.arange(sub) + 0.5) / sub) * n_in / n_out
        np.add.at(m[i], np.floor(pos).astype(int), 1.0 / sub)
    return m


@pytest.mark.parametrize("n_in,n_out", [(280, 20), (20, 20), (7, 20), (13, 5), (1, 20)])
def test_area_resample_matrix_matches_slow_reference(n_in, n_out):
    fast = area_resample_matrix(n_in, n_out)
    np.testing.assert_allclose(fast, _slow_area_matrix(n_in, n_out), atol=2e-3)
    np.testing.assert_allclose(fast.sum(axis=1), 1.0, rtol=1e-5)


def test_small_off_centre_digit_is_scaled_to_20_and_centred_by_mass():
    canvas = np.zeros((280, 280), np.float32)
    canvas[10:70, 200:230] = 1.0  # a tall bar in the top-right corner ...
    canvas[10:20, 180:230] = 1.0  # ... with a flag: a "7"-ish shape, mass off its box centre
    out = preprocess_digit(canvas)
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert max(_bbox(out > 0.01)) == 20
    cy, cx = _centre_of_mass(out)
    assert abs(cy - 14) <= 0.5 and abs(cx - 14) <= 0.5
    assert out.max() == pytest.approx(1.0) and out.min() >= 0


def test_aspect_ratio_is_kept_and_tiny_digits_are_enlarged():
    img = np.zeros((50, 50), np.uint8)
    img[5:15, 30:35] = 255  # 10 x 5 pixels
    out = preprocess_digit(img)
    assert _bbox(out > 0.01) == (20, 10)


def test_scale_of_input_does_not_matter():
    rng = np.random.default_rng(3)
    img = np.zeros((60, 40), np.float32)
    img[10:50, 5:30] = rng.random((40, 25))
    np.testing.assert_allclose(preprocess_digit(img), preprocess_digit(img * 255), atol=1e-6)


def test_empty_image_gives_zeros():
    out = preprocess_digit(np.zeros((280, 280)))
    assert out.shape == (28, 28) and out.dtype == np.float32 and not out.any()
    assert not preprocess_digit(np.full((280, 280), 1e-9)).any()  # numerical dust, not ink
    assert not preprocess_digit(np.full((50, 50), EMPTY_LEVEL)).any()
    assert preprocess_digit(np.full((50, 50), 1 / 255)).max() == 1  # one grey level is ink


def test_faint_noise_does_not_stretch_the_crop_but_faint_ink_inside_stays():
    digit = np.zeros((100, 100), np.float32)
    digit[30:70, 40:44] = digit[30:70, 56:60] = 1.0  # two bars: a 40 x 20 box
    faint = digit.copy()
    faint[48:52, 48:52] = 0.5 * INK_FRACTION  # below the floor, but inside the box: kept
    clean, with_faint = preprocess_digit(digit), preprocess_digit(faint)
    assert _bbox(clean > 0) == _bbox(with_faint > 0) == (20, 10)
    assert (with_faint > 0).sum() == (clean > 0).sum() + 4  # the 4x4 block, halved
    rng = np.random.default_rng(4)
    noisy = digit + rng.random(digit.shape, dtype=np.float32) * 0.5 * INK_FRACTION
    out = preprocess_digit(noisy)
    assert _bbox(out > 0) == (20, 10)  # the noise around the box is cropped away
    assert _bbox(out > 0.5) == _bbox(clean > 0.5) == (20, 10)


def test_mnist_digits_pass_through_nearly_unchanged():
    ds = load_builtin()
    digits = ds.test_images[:300]
    diffs = np.array([np.abs(preprocess_digit(d) - d / 255.0).max() for d in digits])
    # MNIST digits already are 20-pixel boxes centred by mass (rounded): only the brightness
    # normalisation (max to 1) may change a few grey levels.
    assert np.mean(diffs < 0.01) >= 0.98
    assert np.median(diffs) < 1e-3


@pytest.mark.parametrize(
    "bad,match",
    [
        (np.zeros((2, 28, 28)), "2-D grey image"),
        (np.zeros((0, 5)), "empty image"),
        (np.full((5, 5), np.nan), "NaN or infinite"),
        (-np.ones((5, 5)), "negative grey level"),
    ],
)
def test_bad_input_says_what_is_wrong(bad, match):
    with pytest.raises(ValueError, match=match):
        preprocess_digit(bad)


def test_input_is_not_modified():
    img = np.zeros((30, 30), np.float32)
    img[3:9, 4:7] = 0.5
    before = img.copy()
    preprocess_digit(img)
    np.testing.assert_array_equal(img, before)


def test_shipped_model_predictions_barely_change_after_preprocessing():
    from explorer.engine import load_default_model

    model = load_default_model()
    digits = load_builtin().test_images[:500]
    raw = model.predict(digits[:, None] / 255.0)
    processed = model.predict(np.stack([preprocess_digit(d) for d in digits])[:, None])
    assert np.mean(raw == processed) >= 0.99


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 120), st.integers(1, 120), st.integers(0, 200), st.integers(0, 200),
    st.integers(0, 2**32 - 1),
)
def test_any_blob_comes_out_boxed_normalised_and_centred(h, w, top, left, seed):
    canvas = np.zeros((320, 320), np.float32)
    # + 0.06: every pixel is ink (above INK_FRACTION of the maximum)
    canvas[top : top + h, left : left + w] = np.random.default_rng(seed).random((h, w)) + 0.06
    out = preprocess_digit(canvas)
    assert out.dtype == np.float32 and out.min() >= 0 and out.max() == pytest.approx(1.0)
    bh, bw = _bbox(out > 0)
    assert max(bh, bw) == 20 and abs(min(bh, bw) - 20 * min(h, w) / max(h, w)) <= 1
    cy, cx = _centre_of_mass(out)
    ys, xs = np.nonzero(out)
    # Centred by mass, unless that would push the box out of the field: then it is kept whole,
    # against the border it would have crossed.
    assert abs(cy - 14) <= 0.5 + 1e-4 or ys.min() == 0 or ys.max() == 27
    assert abs(cx - 14) <= 0.5 + 1e-4 or xs.min() == 0 or xs.max() == 27


def test_a_lopsided_digit_is_kept_whole_inside_the_field():
    # A 1x4 stroke, heavy on the left: its centre of mass at column 14 would put the light right
    # end beyond column 27. The box is kept whole, against the right border.
    canvas = np.zeros((100, 100), np.float32)
    canvas[50, 10:14] = [1.0, 0.3, 0.1, 0.07]
    out = preprocess_digit(canvas)
    cols = np.flatnonzero(out.any(axis=0))
    assert len(cols) == 20 and cols[-1] == 27
