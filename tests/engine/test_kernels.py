"""Kernel lab engine: presets, parse_cell, kernel sets, filtering, built-in pictures, filter swap.

Filtering is checked against a slow double loop written here from the definition."""

import json
import math
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import filter_swap, filtering, images, kernels
from explorer.engine.kernels import parse_cell, preset

# --------------------------------------------------------------------------------------------
# Independent slow reference


def slow_filter(image, kernel, padding="zero", flip=False):
    """out[i, j] = sum_{u,v} k[u, v] * x[i + u - top, j + v - left], the outside of the image
    given by ``padding``, from the definition, one pixel at a time."""
    x = np.asarray(image, dtype=np.float64)
    k = np.asarray(kernel, dtype=np.float64)
    if flip:
        k = k[::-1, ::-1]
    h, w = x.shape
    kh, kw = k.shape
    top, left = (kh - 1) // 2, (kw - 1) // 2

    def pixel(r, c):
        if 0 <= r < h and 0 <= c < w:
            return x[r, c]
        if padding == "zero":
            return 0.0
        if padding == "replicate":
            return x[min(max(r, 0), h - 1), min(max(c, 0), w - 1)]
        # reflect about the edge pixel (d c b | a b c d), period 2(n-1)
        def refl(i, n):
            if n == 1:
                return 0
            period = 2 * (n - 1)
            i = abs(i) % period
            return period - i if i >= n else i
        return x[refl(r, h), refl(c, w)]

    out = np.zeros((h, w))
    for i in range(h):
        for j in range(w):
            out[i, j] = sum(
                k[u, v] * pixel(i + u - top, j + v - left) for u in range(kh) for v in range(kw)
            )
    return out


# --------------------------------------------------------------------------------------------
# Presets

FIXED = {
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "sobel_x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "sobel_y": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "prewitt_x": [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
    "prewitt_y": [[-1, -1, -1], [0, 0, 0], [1, 1, 1]],
    "scharr_x": [[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]],
    "scharr_y": [[-3, -10, -3], [0, 0, 0], [3, 10, 3]],
    "laplacian4": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
    "laplacian8": [[1, 1, 1], [1, -8, 1], [1, 1, 1]],
    "emboss": [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
    "outline": [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
}


@pytest.mark.parametrize("name", sorted(FIXED))
def test_fixed_presets_have_the_textbook_values(name):
    np.testing.assert_array_equal(preset(name), np.array(FIXED[name], dtype=float))
    assert kernels.PRESETS[name].description


def test_every_preset_is_described_and_registered():
    assert set(kernels.PRESETS) == set(FIXED) | {"identity", "box_blur", "gaussian", "log"}
    for name, p in kernels.PRESETS.items():
        assert p.name == name and p.title and p.description.endswith(".")
        if p.pair:
            np.testing.assert_array_equal(preset(p.pair), preset(name).T)
            assert kernels.PRESETS[p.pair].pair == name


@pytest.mark.parametrize("size", range(1, 8))
def test_identity_and_box_blur(size):
    k = preset("identity", size)
    assert k.shape == (size, size) and k.sum() == 1 and k[(size - 1) // 2, (size - 1) // 2] == 1
    np.testing.assert_allclose(preset("box_blur", size), np.full((size, size), 1 / size**2))
    img = np.random.default_rng(size).random((9, 11))
    for padding in filtering.PADDING_MODES:  # odd and even sizes keep the image in place
        np.testing.assert_allclose(filtering.apply_kernel(img, k, padding), img, atol=1e-12)


@pytest.mark.parametrize("size,sigma", [(1, 1.0), (3, 0.5), (4, 1.0), (5, 1.0), (7, 2.5), (6, 0.3)])
def test_gaussian_sums_to_one_and_matches_the_closed_form(size, sigma):
    k = preset("gaussian", size, sigma)
    assert math.isclose(k.sum(), 1.0, rel_tol=1e-12)
    # separable closed form: normalised 1-D Gaussian outer itself
    t = np.arange(size) - (size - 1) / 2
    g = np.exp(-(t**2) / (2 * sigma**2))
    g /= g.sum()
    np.testing.assert_allclose(k, np.outer(g, g), rtol=1e-12)
    # continuous density ratio: value at (0, 1) over value at (0, 0) for odd sizes
    if size >= 3 and size % 2:
        c = size // 2
        assert math.isclose(k[c, c + 1] / k[c, c], math.exp(-1 / (2 * sigma**2)), rel_tol=1e-12)


def test_gaussian_widens_with_sigma():
    narrow, wide = preset("gaussian", 7, 0.5), preset("gaussian", 7, 2.0)
    assert narrow[3, 3] > wide[3, 3] and narrow[0, 0] < wide[0, 0]


@pytest.mark.parametrize("size,sigma", [(3, 0.8), (5, 1.0), (7, 1.4), (4, 1.0)])
def test_laplacian_of_gaussian(size, sigma):
    k = preset("log", size, sigma)
    assert abs(k.sum()) < 1e-12
    np.testing.assert_allclose(k, k.T)
    np.testing.assert_allclose(k, k[::-1, ::-1])
    t = np.arange(size) - (size - 1) / 2
    y, x = np.meshgrid(t, t, indexing="ij")
    r2 = x**2 + y**2
    ref = -1 / (np.pi * sigma**4) * (1 - r2 / (2 * sigma**2)) * np.exp(-r2 / (2 * sigma**2))
    np.testing.assert_allclose(k, ref - ref.mean(), atol=1e-15)
    if size % 2:
        assert k[size // 2, size // 2] == k.min() < 0


def test_preset_rejects_bad_arguments():
    with pytest.raises(ValueError, match="unknown kernel preset 'blurr'"):
        preset("blurr")
    with pytest.raises(ValueError, match="fixed 3x3"):
        preset("sobel_x", 5)
    with pytest.raises(ValueError, match="no sigma"):
        preset("box_blur", 3, 1.0)
    with pytest.raises(ValueError, match="sizes 1 to 7"):
        preset("gaussian", 9)
    with pytest.raises(ValueError, match="sizes 3 to 7"):
        preset("log", 2)
    with pytest.raises(ValueError, match="positive"):
        preset("gaussian", 5, 0)
    assert preset("sobel_x", 3).shape == (3, 3)


# --------------------------------------------------------------------------------------------
# Edges, flip, padding


def test_sobel_x_sign_on_a_vertical_edge_and_silence_on_a_constant_image():
    edge = images.vertical_edge(16)  # dark left, bright right
    out = filtering.apply_kernel(edge, preset("sobel_x"), "replicate")
    assert out[:, 7:9].min() == 4.0  # rising left-to-right: positive, 1 + 2 + 1
    assert np.all(out[:, :7] == 0) and np.all(out[:, 9:] == 0)
    mirrored = filtering.apply_kernel(edge[:, ::-1], preset("sobel_x"), "replicate")
    assert mirrored[:, 7:9].max() == -4.0  # bright-to-dark: negative
    # no horizontal edge
    assert np.all(filtering.apply_kernel(edge, preset("sobel_y"), "replicate") == 0)
    flat = np.full((12, 12), 0.7)
    for name in ("sobel_x", "sobel_y", "prewitt_x", "scharr_y", "laplacian4", "laplacian8",
                 "log", "outline"):
        for padding in ("reflect", "replicate"):
            np.testing.assert_allclose(
                filtering.apply_kernel(flat, preset(name), padding), 0, atol=1e-12
            )


def test_flip_changes_sobels_sign_but_not_gaussians():
    img = np.random.default_rng(3).random((20, 17))
    for name in ("sobel_x", "sobel_y", "prewitt_x", "scharr_y"):
        k = preset(name)
        np.testing.assert_allclose(
            filtering.apply_kernel(img, k, flip=True), -filtering.apply_kernel(img, k, flip=False)
        )
    for name in ("gaussian", "box_blur", "laplacian8", "log"):
        k = preset(name)
        np.testing.assert_allclose(
            filtering.apply_kernel(img, k, flip=True), filtering.apply_kernel(img, k, flip=False)
        )


def test_flip_effect_names_what_flipping_does():
    for name in ("sobel_x", "sobel_y", "prewitt_y", "scharr_x"):
        assert kernels.flip_effect(preset(name)) == "negated"
    for name in ("gaussian", "box_blur", "laplacian4", "laplacian8", "log", "sharpen", "outline",
                 "identity"):
        assert kernels.flip_effect(preset(name)) == "same"
    assert kernels.flip_effect(preset("emboss")) == "different"
    assert kernels.flip_effect(preset("identity", 4)) == "different"  # even: the 1 moves


@pytest.mark.parametrize("padding", filtering.PADDING_MODES)
@pytest.mark.parametrize("kshape", [(1, 1), (3, 3), (2, 2), (4, 3), (5, 5), (7, 6)])
@pytest.mark.parametrize("flip", [False, True])
def test_apply_kernel_matches_the_slow_reference(padding, kshape, flip):
    rng = np.random.default_rng(zlib.crc32(repr((padding, kshape, flip)).encode()))
    img = rng.random((9, 8))
    k = rng.normal(size=kshape)
    np.testing.assert_allclose(
        filtering.apply_kernel(img, k, padding, flip),
        slow_filter(img, k, padding, flip),
        atol=1e-12,
    )


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 10), w=st.integers(1, 10), kh=st.integers(1, 7), kw=st.integers(1, 7),
       padding=st.sampled_from(filtering.PADDING_MODES), seed=st.integers(0, 2**31))
def test_apply_kernel_property(h, w, kh, kw, padding, seed):
    rng = np.random.default_rng(seed)
    img, k = rng.random((h, w)), rng.normal(size=(kh, kw))
    np.testing.assert_allclose(
        filtering.apply_kernel(img, k, padding), slow_filter(img, k, padding), atol=1e-11
    )


def test_large_images_are_filtered_in_bands_with_the_same_result(monkeypatch):
    img = np.random.default_rng(5).random((23, 19))
    k = np.random.default_rng(6).normal(size=(5, 4))
    whole = filtering.apply_kernel(img, k, "reflect")
    monkeypatch.setattr(filtering, "_BAND_ELEMENTS", 19 * 20 * 3)  # 3 rows per band
    np.testing.assert_allclose(filtering.apply_kernel(img, k, "reflect"), whole, atol=1e-12)


def test_filtering_rejects_bad_input():
    with pytest.raises(ValueError, match="unknown padding mode 'wrap'"):
        filtering.apply_kernel(np.zeros((4, 4)), np.ones((3, 3)), "wrap")
    with pytest.raises(ValueError, match="2-D"):
        filtering.apply_kernel(np.zeros((2, 4, 4)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="1x1 to 7x7"):
        filtering.apply_kernel(np.zeros((4, 4)), np.ones((8, 3)))
    with pytest.raises(ValueError, match="NaN"):
        filtering.apply_kernel(np.zeros((4, 4)), [[np.nan]])


def test_edge_magnitude_and_filter_image():
    img = images.circles(32)
    kx = preset("sobel_x")
    res = filtering.filter_image(img, kx, "replicate", magnitude=True)
    gx = filtering.apply_kernel(img, kx, "replicate")
    gy = filtering.apply_kernel(img, preset("sobel_y"), "replicate")
    np.testing.assert_allclose(res.output, np.sqrt(gx**2 + gy**2), rtol=1e-6)
    assert res.output.dtype == np.float32 and res.minimum >= 0 and not res.signed
    assert res.hist_counts.sum() == img.size and len(res.hist_edges) == len(res.hist_counts) + 1
    signed = filtering.filter_image(img, kx)
    assert (
        signed.signed
        and signed.minimum == pytest.approx(gx.min())
        and "cross-correlation" in repr(signed)
    )
    flat = filtering.filter_image(np.ones((5, 5)), preset("identity"))
    assert flat.hist_counts.tolist() == [25] and flat.hist_edges.tolist() == [0.5, 1.5]


# --------------------------------------------------------------------------------------------
# Cells and normalising


@pytest.mark.parametrize("text,value", [
    ("1", 1.0), ("-2", -2.0), ("0.5", 0.5), (".25", 0.25), ("+3", 3.0), ("1e-3", 0.001),
    ("2.", 2.0), ("1/16", 1 / 16), (" 3 / 4 ", 0.75), ("-1/8", -0.125), ("1/-4", -0.25),
    ("0.5/2", 0.25), ("１／１６", 1 / 16), ("\u22122", -2.0), ("  7\t", 7.0),
])
def test_parse_cell_accepts_numbers_and_fractions(text, value):
    assert parse_cell(text) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize("text,msg", [
    ("", "empty cell"), ("   ", "empty cell"), ("abc", "not a number"),
    ("1/0", "divides by zero"), ("1//2", "not a number"), ("nan", "not a number"),
    ("inf", "not a number"), ("1e400", "too large"), ("1/2/3", "not a number"),
    ("2x", "not a number"), ("1_0", "not a number"), ("--1", "not a number"),
])
def test_parse_cell_rejects_with_a_message(text, msg):
    with pytest.raises(ValueError, match=msg):
        parse_cell(text)


def test_format_cell_round_trips():
    for v in (0.0, 1.0, -2.0, 0.0625, 1 / 9, -0.125, 10.0):
        assert parse_cell(kernels.format_cell(v)) == pytest.approx(v, rel=1e-3)
    assert kernels.format_cell(-2.0) == "-2" and kernels.format_cell(1 / 16) == "0.0625"


def test_normalise():
    k = np.array([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]])
    n = kernels.normalise(k)
    assert n.sum() == pytest.approx(1.0) and n[1, 1] == pytest.approx(0.25)
    assert k[1, 1] == 4.0  # input untouched
    np.testing.assert_allclose(kernels.normalise(-k), n)
    with pytest.raises(ValueError, match="sums to 0"):
        kernels.normalise(preset("sobel_x"))
    with pytest.raises(ValueError, match="sums to 0"):
        kernels.normalise(np.zeros((3, 3)))
    assert kernels.kernel_sum(preset("sharpen")) == 1.0


def test_scaled_and_resized():
    np.testing.assert_array_equal(kernels.scaled(preset("sobel_x"), 0.5), preset("sobel_x") / 2)
    with pytest.raises(ValueError, match="finite"):
        kernels.scaled(preset("sobel_x"), float("nan"))
    big = kernels.resized(preset("sobel_x"), 5)
    assert big.shape == (5, 5) and big[1:4, 1:4].tolist() == FIXED["sobel_x"] and big.sum() == 0
    np.testing.assert_array_equal(kernels.resized(big, 3), preset("sobel_x"))
    np.testing.assert_array_equal(kernels.resized(preset("identity", 4), 3), preset("identity", 3))
    assert kernels.resized(preset("sharpen"), 1).tolist() == [[5.0]]
    with pytest.raises(ValueError, match="between 1 and 7"):
        kernels.resized(preset("sharpen"), 8)


# --------------------------------------------------------------------------------------------
# Kernel sets


def test_kernel_set_round_trip_is_atomic(tmp_path):
    ks = [kernels.named_kernel("my blur", preset("gaussian", 3, 0.8), "soft"),
          kernels.named_kernel("边缘", [[1, -1], [1, -1]])]
    path = tmp_path / "sub" / "set.json"
    kernels.save_kernel_set(path, ks)
    assert [p.name for p in path.parent.iterdir()] == ["set.json"]  # no temp file left behind
    back = kernels.load_kernel_set(path)
    assert back == ks and back[1].name == "边缘"
    assert json.loads(path.read_text("utf-8"))["format"] == kernels.KERNEL_SET_FORMAT
    assert "2x2" in repr(back[1])


def test_failed_save_keeps_the_old_file(tmp_path):
    path = tmp_path / "set.json"
    kernels.save_kernel_set(path, [kernels.named_kernel("a", [[1.0]])])
    before = path.read_text("utf-8")
    dup = [kernels.named_kernel("a", [[1.0]]), kernels.named_kernel("a", [[2.0]])]
    with pytest.raises(ValueError, match="unique"):
        kernels.save_kernel_set(path, dup)
    assert path.read_text("utf-8") == before and len(list(tmp_path.iterdir())) == 1


def _doc(kernels_list, **kw):
    doc = {"format": kernels.KERNEL_SET_FORMAT, "version": 1, "kernels": kernels_list}
    doc.update(kw)
    return json.dumps(doc)


@pytest.mark.parametrize("text,msg", [
    ("{not json", "not valid JSON"),
    ("[]", "not a CNN Explorer kernel set"),
    (_doc([], version=7), "version 7"),
    (_doc({}), "must be a list"),
    (_doc([[1]]), "must be an object"),
    (_doc([{"name": "a", "values": [1, 2]}]), "list of rows"),
    (_doc([{"name": "a", "values": [[1, 2], [3]]}]), "different lengths"),
    (_doc([{"name": "a", "values": [["x"]]}]), "not a number"),
    (_doc([{"name": "a", "values": [[True]]}]), "not a number"),
    (_doc([{"name": "", "values": [[1]]}]), "non-empty name"),
    (_doc([{"name": "a", "values": [[1, 2, 3]]}]), "square"),
    (_doc([{"name": "a", "values": [[1] * 8] * 8}]), "1x1 to 7x7"),
    (_doc([{"name": "a", "values": [[1]]}, {"name": "a", "values": [[2]]}]), "repeated: a"),
])
def test_kernel_set_validation_messages(text, msg):
    with pytest.raises(ValueError, match=msg):
        kernels.kernel_set_from_json(text, source="k.json")


def test_load_kernel_set_of_a_binary_file(tmp_path):
    p = tmp_path / "x.json"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ValueError, match="not a text file"):
        kernels.load_kernel_set(p)


# --------------------------------------------------------------------------------------------
# Built-in pictures


def test_builtin_pictures():
    for name, (title, desc, _) in images.BUILTIN_PICTURES.items():
        img = images.builtin_picture(name)
        assert img.dtype == np.float32 and img.ndim == 2 and title and desc
        assert img.min() == 0.0 and img.max() == 1.0
    g = images.gradient(5)
    np.testing.assert_allclose(g[0], [0, 0.25, 0.5, 0.75, 1])
    np.testing.assert_array_equal(g[0], g[4])
    cb = images.checkerboard(8, 2)
    assert cb[0, 0] == 1 and cb[0, 2] == 0 and cb[2, 2] == 1
    with pytest.raises(ValueError, match="unknown picture"):
        images.builtin_picture("moon")


def test_text_picture_uses_the_bitmap_font():
    t = images.text("I", scale=1, margin=0)
    np.testing.assert_array_equal(t[:, 2], np.ones(7))  # the stem of the I
    assert t[0].tolist() == [0, 1, 1, 1, 0]
    assert images.text("ab", scale=2, margin=1).shape == (7 * 2 + 2, 11 * 2 + 2)
    with pytest.raises(ValueError, match="no '@'"):
        images.text("a@b")


# --------------------------------------------------------------------------------------------
# Putting a kernel into a model


class _Layer:
    def __init__(self, name, params):
        self.name, self.params = name, params


class TinyModel:
    """Follows the Model contract: one conv (2 filters, 2 channels, 3x3), a 2nd conv, dense."""

    name = "tiny"

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.layers = [
            _Layer("conv1", {"weight": rng.normal(size=(2, 1, 3, 3)).astype(np.float32),
                             "bias": np.zeros(2, np.float32)}),
            _Layer("conv2", {"weight": rng.normal(size=(3, 2, 3, 3)).astype(np.float32)}),
            _Layer("fc", {"weight": rng.normal(size=(3 * 28 * 28, 10)).astype(np.float32) * 0.01}),
        ]

    def parameters(self):
        return {f"{l.name}.{k}": v for l in self.layers for k, v in l.params.items()}

    def trace(self, x):
        from explorer.engine import functional

        a = functional.conv2d(x, self.layers[0].params["weight"], padding="same")
        b = functional.conv2d(a, self.layers[1].params["weight"], padding="same")
        logits = b.reshape(len(x), -1) @ self.layers[2].params["weight"]
        return [("conv1", a), ("conv2", b), ("fc", logits)]

    def predict_proba(self, x):
        z = self.trace(x)[-1][1]
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)


def test_swap_changes_that_filter_only_and_restore_is_exact():
    model = TinyModel()
    before = {k: v.copy() for k, v in model.parameters().items()}
    slots = filter_swap.conv_slots(model)
    assert [(s.param, s.shape) for s in slots] == [
        ("conv1.weight", (2, 1, 3, 3)),
        ("conv2.weight", (3, 2, 3, 3)),
    ]
    image = images.checkerboard(28, 4)
    res = filter_swap.swap_in(model, "conv2.weight", 1, 0, preset("sobel_x"), image)
    after = model.parameters()
    for name, arr in after.items():
        if name != "conv2.weight":
            np.testing.assert_array_equal(arr, before[name])
    changed = after["conv2.weight"] != before["conv2.weight"]
    assert changed[1, 0].all() and changed.sum() == 9
    np.testing.assert_array_equal(after["conv2.weight"][1, 0], preset("sobel_x").astype(np.float32))
    np.testing.assert_array_equal(res.previous, before["conv2.weight"][1, 0])
    assert res.before.feature_map.shape == (28, 28) and res.after.proba.shape == (10,)
    assert not np.allclose(res.before.feature_map, res.after.feature_map)
    back = filter_swap.restore(model, res.model_id, "conv2.weight", 1, 0, res.previous, image)
    for name, arr in model.parameters().items():
        assert arr.dtype == before[name].dtype
        np.testing.assert_array_equal(arr, before[name])  # bit for bit
    np.testing.assert_array_equal(back.after.feature_map, res.before.feature_map)


def test_swap_refuses_and_changes_nothing():
    model = TinyModel()
    w = model.parameters()["conv1.weight"].copy()
    with pytest.raises(ValueError, match="uses 3x3 kernels but yours is 5x5"):
        filter_swap.write_filter(model, "conv1.weight", 0, 0, preset("gaussian", 5))
    with pytest.raises(ValueError, match="no filter 2"):
        filter_swap.write_filter(model, "conv1.weight", 2, 0, preset("sobel_x"))
    with pytest.raises(ValueError, match="no channel 1"):
        filter_swap.write_filter(model, "conv1.weight", 0, 1, preset("sobel_x"))
    with pytest.raises(ValueError, match="no parameter 'conv9.weight'"):
        filter_swap.write_filter(model, "conv9.weight", 0, 0, preset("sobel_x"))
    np.testing.assert_array_equal(model.parameters()["conv1.weight"], w)
    res = filter_swap.swap_in(model, "conv1.weight", 0, 0, preset("sobel_x"))
    with pytest.raises(ValueError, match="replaced"):
        filter_swap.restore(TinyModel(), res.model_id, "conv1.weight", 0, 0, res.previous)


def test_kernel_lab_engine_modules_import_no_qt():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import explorer.engine.kernels, explorer.engine.filtering, explorer.engine.images, "
        "explorer.engine.filter_swap\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
