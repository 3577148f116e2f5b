"""Models on colour images of any size: 3x32x32 (tiny_vgg, lenet5_colour) and 3x64x64."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.engine import build_model, load_model
from explorer.engine.models import ARCHITECTURES
from tests.engine.gradcheck import check_model, one_blas_thread  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("one_blas_thread")

COLOUR = ["tiny_vgg", "lenet5_colour"]


def images(n=2, shape=(3, 32, 32), seed=4):
    return np.random.default_rng(seed).random((n, *shape))


@pytest.mark.parametrize("name", COLOUR)
def test_colour_architectures_declare_their_input_and_run(name):
    model = build_model(name)
    assert model.input_shape == (3, 32, 32) == tuple(model.spec["input_shape"])
    x = images(5).astype(np.float32)
    probs = model.predict_proba(x)
    assert probs.shape == (5, 10)
    np.testing.assert_allclose(probs.sum(axis=1), 1, rtol=1e-5)
    model.fast = False
    np.testing.assert_array_equal(model.forward(x), build_model(name).forward(x))
    as_uint8 = (x * 255).round().astype(np.uint8)  # 0..255 pixels are divided by 255
    assert model.predict(as_uint8).shape == (5,)
    rows = model.summary()
    trace = model.trace(x[:2])
    assert [t[0] for t in trace] == [r["name"] for r in rows]
    for (_, out), row in zip(trace, rows):
        assert out.shape == (2,) + tuple(row["output_shape"])
    assert model.input_gradient(x[:2], np.array([1, 2])).shape == (2, 3, 32, 32)


def test_tiny_vgg_has_cnn_explainers_shapes():
    shapes = [r["output_shape"] for r in build_model("tiny_vgg").summary()]
    assert shapes == [(10, 30, 30), (10, 30, 30), (10, 28, 28), (10, 28, 28), (10, 14, 14),
                      (10, 12, 12), (10, 12, 12), (10, 10, 10), (10, 10, 10), (10, 5, 5),
                      (250,), (10,)]
    # CNN Explainer's own input size, 64x64: the same layers, a 10x13x13 map before the dense
    spec = {**ARCHITECTURES["tiny_vgg"], "name": "tiny_vgg_64", "input_shape": [3, 64, 64]}
    spec.pop("description")
    big = build_model(spec)
    assert big.summary()[-1]["input_shape"] == (1690,)
    assert big.predict_proba(images(1, (3, 64, 64))).shape == (1, 10)


def test_lenet5_colour_has_lenets_shapes():
    rows = build_model("lenet5_colour").summary()
    assert [r["output_shape"] for r in rows[:6]] == [
        (6, 28, 28), (6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 10, 10), (16, 5, 5)]
    assert rows[0]["n_params"] == 6 * 3 * 5 * 5 + 6


@pytest.mark.parametrize("name", COLOUR)
def test_colour_gradients_match_finite_differences(name):
    model = build_model(name, seed=2, dtype=np.float64)
    for key, p in model.parameters().items():
        if key.endswith("bias"):
            p[...] = np.random.default_rng(len(key)).standard_normal(p.shape) * 0.05
    # seed 5: no ReLU input or pooling tie lies within the finite-difference step (with seed 4
    # one of tiny_vgg's 1,800 conv1 outputs does, and h = 1e-6 straddles the kink)
    x = images(2, seed=5)
    check_model(model, x, np.array([3, 7]), np.random.default_rng(0), k=4)
    model.fast = False  # the layer-by-layer path as well
    check_model(model, x, np.array([3, 7]), np.random.default_rng(1), k=3)


@pytest.mark.parametrize("name", COLOUR)
def test_colour_models_save_and_load(tmp_path, name):
    model = build_model(name, seed=5)
    model.save(tmp_path / "m.npz")
    back = load_model(tmp_path / "m.npz")
    assert back.input_shape == (3, 32, 32)
    x = images(3).astype(np.float32)
    np.testing.assert_array_equal(back.forward(x), model.forward(x))


def test_wrong_shapes_name_the_expected_colour_shape():
    model = build_model("tiny_vgg")
    with pytest.raises(ValueError, match=r"\(N, 3, 32, 32\), got \(2, 1, 28, 28\)"):
        model.predict_proba(np.zeros((2, 1, 28, 28)))
    with pytest.raises(ValueError, match=r"\(N, 3, 32, 32\), got \(32, 32\)"):
        model.predict_proba(np.zeros((32, 32)))  # a grey image is not promoted to colour
