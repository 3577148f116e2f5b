"""Augmentation: exact geometry on known cases, reproducibility, ranges, slow references."""

import threading

import numpy as np
import pytest

from explorer.data import AugmentParams, augment_batch, load_builtin
from explorer.data.augment import affine_warp, dilate, erode

IDENTITY = AugmentParams(max_shift=0, max_rotation=0, scale_range=(1, 1), thickness_range=(0, 0))


@pytest.fixture(scope="module")
def digits():
    return load_builtin().train_images[:32]


def test_shape_dtype_range_and_input_untouched(digits):
    before = digits.copy()
    out = augment_batch(digits, np.random.default_rng(0))
    assert out.shape == digits.shape and out.dtype == np.float32
    assert out.min() >= 0 and out.max() <= 1
    np.testing.assert_array_equal(digits, before)


def test_same_seed_same_batch_other_seed_other_batch(digits):
    a = augment_batch(digits, np.random.default_rng(5))
    b = augment_batch(digits, np.random.default_rng(5))
    c = augment_batch(digits, np.random.default_rng(6))
    np.testing.assert_array_equal(a, b)
    assert np.abs(a - c).max() > 0.5


def test_zero_ranges_are_the_identity(digits):
    out = augment_batch(digits, np.random.default_rng(0), IDENTITY)
    np.testing.assert_allclose(out, digits / 255.0, atol=1e-6)


def test_distortions_keep_the_digit_mostly_in_frame(digits):
    out = augment_batch(digits, np.random.default_rng(1))
    ink_in = (digits / 255.0).sum(axis=(1, 2))
    ink_out = out.sum(axis=(1, 2))
    assert np.all(ink_out > 0.5 * ink_in) and np.all(ink_out < 2.5 * ink_in)


def test_rotation_by_90_degrees_is_rot90():
    img = np.random.default_rng(2).random((2, 28, 28)).astype(np.float32)
    out = affine_warp(img, np.array([90.0, -90.0]), np.ones(2), np.zeros((2, 2)))
    np.testing.assert_allclose(out[0], np.rot90(img[0]), atol=1e-5)
    np.testing.assert_allclose(out[1], np.rot90(img[1], k=-1), atol=1e-5)


def test_integer_shift_moves_pixels_down_and_right():
    img = np.random.default_rng(3).random((1, 28, 28)).astype(np.float32)
    out = affine_warp(img, np.zeros(1), np.ones(1), np.array([[2.0, 3.0]]))
    np.testing.assert_allclose(out[0, 2:, 3:], img[0, :-2, :-3], atol=1e-6)
    assert not out[0, :2].any() and not out[0, :, :3].any()


def test_scale_two_enlarges_about_the_centre():
    img = np.zeros((1, 29, 29), np.float32)
    img[0, 14, 16] = 1.0  # two pixels right of the centre (14, 14)
    out = affine_warp(img, np.zeros(1), np.full(1, 2.0), np.zeros((1, 2)))
    assert out[0, 14, 18] == pytest.approx(1.0)


def _slow_morph(img, reduce):
    out = np.empty_like(img)
    h, w = img.shape
    for y in range(h):
        for x in range(w):
            vals = [img[y, x]]
            for dy, dx in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                yy, xx = y + dy, x + dx
                vals.append(img[yy, xx] if 0 <= yy < h and 0 <= xx < w else 0.0)
            out[y, x] = reduce(vals)
    return out


def test_dilation_and_erosion_match_slow_reference():
    img = np.random.default_rng(4).random((2, 9, 11)).astype(np.float32)
    for i in range(2):
        np.testing.assert_array_equal(dilate(img)[i], _slow_morph(img[i], max))
        np.testing.assert_array_equal(erode(img)[i], _slow_morph(img[i], min))


def test_thickness_range_makes_strokes_thicker_or_thinner(digits):
    thick = AugmentParams(0, 0, (1, 1), (1, 1))
    thin = AugmentParams(0, 0, (1, 1), (-1, -1))
    ink = (digits / 255.0).sum()
    assert augment_batch(digits, np.random.default_rng(0), thick).sum() > 1.5 * ink
    assert augment_batch(digits, np.random.default_rng(0), thin).sum() < 0.7 * ink


def test_bad_arguments():
    with pytest.raises(TypeError, match="np.random.Generator"):
        augment_batch(np.zeros((1, 28, 28)), np.random)
    with pytest.raises(ValueError, match=r"\(N, H, W\)"):
        augment_batch(np.zeros((28, 28)), np.random.default_rng(0))
    with pytest.raises(ValueError, match="scale_range"):
        AugmentParams(scale_range=(1.2, 0.8))
    with pytest.raises(ValueError, match="thickness_range"):
        AugmentParams(thickness_range=(-2, 0))


def _slow_warp(img, angle_deg, scale, shift):
    """Per-pixel bilinear warp, written out: the source of output (y, x) is the inverse
    rotation/scale about the centre of (y - shift_y, x - shift_x); zero outside the image."""
    h, w = img.shape
    cy, cx = (h - 1) / 2, (w - 1) / 2
    c, s = np.cos(np.deg2rad(angle_deg)) / scale, np.sin(np.deg2rad(angle_deg)) / scale
    out = np.zeros((h, w))

    def pixel(yy, xx):
        return float(img[yy, xx]) if 0 <= yy < h and 0 <= xx < w else 0.0

    for y in range(h):
        for x in range(w):
            dy, dx = y - cy - shift[0], x - cx - shift[1]
            sy, sx = c * dy + s * dx + cy, c * dx - s * dy + cx
            y0, x0 = int(np.floor(sy)), int(np.floor(sx))
            fy, fx = sy - y0, sx - x0
            top = pixel(y0, x0) * (1 - fx) + pixel(y0, x0 + 1) * fx
            bottom = pixel(y0 + 1, x0) * (1 - fx) + pixel(y0 + 1, x0 + 1) * fx
            out[y, x] = top * (1 - fy) + bottom * fy
    return out


def test_warp_and_whole_batch_match_slow_references():
    """affine_warp against the per-pixel loop (large angles, zooms and shifts that leave the
    frame), and augment_batch against the per-image recipe of the module docstring with the
    same random draws: blend towards the dilation (t >= 0) or erosion (t < 0), warp, clip."""
    rng = np.random.default_rng(9)
    img = rng.random((5, 9, 11)).astype(np.float32)
    angle, scale = rng.uniform(-60, 60, 5), rng.uniform(0.5, 2.0, 5)
    shift = rng.uniform(-6, 6, (5, 2))
    out = affine_warp(img, angle, scale, shift)
    for i in range(5):
        np.testing.assert_allclose(out[i], _slow_warp(img[i], angle[i], scale[i], shift[i]),
                                   atol=1e-5)

    p = AugmentParams(max_shift=3, max_rotation=30, scale_range=(0.7, 1.3),
                      thickness_range=(-1, 1))
    images = (rng.random((6, 12, 10)) * 255).astype(np.uint8)
    out = augment_batch(images, np.random.default_rng(3), p)
    draws = np.random.default_rng(3)
    t = draws.uniform(*p.thickness_range, size=6)
    angle = draws.uniform(-p.max_rotation, p.max_rotation, size=6)
    scale = draws.uniform(*p.scale_range, size=6)
    shift = draws.uniform(-p.max_shift, p.max_shift, size=(6, 2))
    x = images / 255.0
    for i in range(6):
        towards = _slow_morph(x[i], max if t[i] >= 0 else min)
        thick = x[i] + abs(t[i]) * (towards - x[i])
        ref = np.clip(_slow_warp(thick, angle[i], scale[i], shift[i]), 0, 1)
        np.testing.assert_allclose(out[i], ref, atol=1e-5)
    as_float = augment_batch(images / 255.0, np.random.default_rng(3), p)
    np.testing.assert_allclose(as_float, out, atol=1e-6)  # floats in [0, 1]: the same digits
    assert augment_batch(images[:0], np.random.default_rng(3)).shape == (0, 12, 10)


def test_batches_too_big_to_keep_scratch_arrays_for_give_the_same_digits(monkeypatch):
    """Scratch arrays above augment._KEEP_MAX values are made per call, not kept: same result."""
    from explorer.data import augment

    images = load_builtin().train_images[:6]
    kept = augment_batch(images, np.random.default_rng(1))
    monkeypatch.setattr(augment, "_KEEP_MAX", 10)
    monkeypatch.setattr(augment, "_scratch", threading.local())
    np.testing.assert_array_equal(augment_batch(images, np.random.default_rng(1)), kept)
    assert not augment._scratch.arrays  # nothing kept


def test_flat_indices_in_float32_or_in_intp_give_the_same_digits(monkeypatch):
    """Batches past float32's exact whole numbers compute the warp's indices in intp."""
    from explorer.data import augment

    images = load_builtin().train_images[:5]
    fast = augment_batch(images, np.random.default_rng(2))
    monkeypatch.setattr(augment, "_FLOAT32_EXACT", 0)
    np.testing.assert_array_equal(augment_batch(images, np.random.default_rng(2)), fast)
