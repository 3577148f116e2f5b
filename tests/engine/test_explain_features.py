"""Activation maximisation, top-activating images, feature vectors, randomised copies, the
deletion test, and every function on every built-in architecture."""

import numpy as np
import pytest

from explorer.engine import build_model, list_models
from explorer.engine import explain as E
from explorer.engine.explain_actmax import gaussian_blur, objective_value
from explorer.engine.explain_net import backward_from, forward_to, logit_gradient
from tests.engine.gradcheck import (
    assert_grad_close,
    numeric_gradient,
    one_blas_thread,  # noqa: F401  (fixture)
    sample_indices,
)

pytestmark = pytest.mark.usefixtures("one_blas_thread")


def _images(n, seed=0, dtype=np.float32, shape=(1, 28, 28)):
    rng = np.random.default_rng(seed)
    return (0.05 + 0.9 * rng.random((n, *shape))).astype(dtype)


# -- activation maximisation -------------------------------------------------------------------


@pytest.mark.parametrize("objective", [{"target": 3}, {"channel": 2},
                                       {"layer": "conv1", "channel": 5},
                                       {"layer": "fc2", "channel": 7}])
def test_act_max_increases_its_objective(objective):
    model = build_model("lenet5", seed=0)
    grey = np.full((1, 28, 28), 0.5, dtype=np.float32)
    image = E.maximise_activation(model, steps=40, **objective)
    assert image.shape == (1, 28, 28) and image.dtype == np.float32
    assert image.min() >= 0 and image.max() <= 1
    assert objective_value(model, image, **objective) > objective_value(model, grey, **objective)


def test_act_max_is_deterministic_per_seed_and_steps_match():
    model = build_model("lenet5", seed=1)
    a = E.maximise_activation(model, target=4, steps=15, seed=3, start="noise")
    b = E.maximise_activation(model, target=4, steps=15, seed=3, start="noise")
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, E.maximise_activation(model, target=4, steps=15, seed=4,
                                                       start="noise"))
    steps = list(E.maximise_activation_steps(model, target=4, steps=15, seed=3, start="noise"))
    assert [s for s, _, _ in steps] == list(range(1, 16))
    np.testing.assert_array_equal(steps[-1][1], a)
    assert all(np.isfinite(obj) for _, _, obj in steps)
    assert steps[-1][2] > steps[0][2]


def test_act_max_objective_gradient_matches_finite_differences():
    """The ascent direction: d (mean of a conv channel) / d image, by finite differences."""
    model = build_model("lenet5", seed=2, dtype=np.float64)
    x = _images(1, seed=1, dtype=np.float64)
    index, channel = 3, 4  # conv2
    acts = forward_to(model, x, index)
    dscore = np.zeros_like(acts)
    dscore[0, channel] = 1.0 / acts[0, channel].size
    grad = backward_from(model, dscore, index)

    def objective():
        return objective_value(model, x[0], layer="conv2", channel=channel)

    idx = sample_indices(x.size, np.random.default_rng(0), 16)
    assert_grad_close(grad, numeric_gradient(objective, x, indices=idx), "d conv2[4] / d x",
                      indices=idx)


def test_gaussian_blur_keeps_the_sum_inside_and_matches_a_direct_kernel():
    image = np.zeros((1, 1, 15, 15))
    image[0, 0, 7, 7] = 1.0
    out = gaussian_blur(image, 1.0)
    assert out.sum() == pytest.approx(1.0)
    taps = np.exp(-0.5 * np.arange(-3, 4) ** 2)
    taps /= taps.sum()
    np.testing.assert_allclose(out[0, 0, 4:11, 4:11], np.outer(taps, taps), rtol=1e-12)
    np.testing.assert_array_equal(gaussian_blur(image, 0), image)


def test_act_max_bad_arguments():
    model = build_model("lenet5")
    cases = [
        ({}, "target= .* or channel="),
        ({"target": 1, "channel": 0}, "not both"),
        ({"target": 10}, "classes are 0..9"),
        ({"channel": 16}, r"'conv2' .* 0..15"),
        ({"layer": "nope", "channel": 0}, "no layer 'nope'"),
        ({"target": 1, "steps": 0}, "steps"),
        ({"target": 1, "lr": -1}, "lr"),
        ({"target": 1, "l2": 1.0}, "l2"),
        ({"target": 1, "blur": float("nan")}, "blur"),
        ({"target": 1, "start": "white"}, "start"),
    ]
    for kwargs, message in cases:
        with pytest.raises(ValueError, match=message):
            E.maximise_activation(model, **kwargs)
    with pytest.raises(ValueError, match="no Conv2D"):
        E.maximise_activation(build_model([{"type": "Flatten"}, {"type": "Dense", "units": 10}]),
                              channel=0)


# -- top-activating images, feature vectors ----------------------------------------------------


def test_top_activating_matches_a_trace():
    model = build_model("lenet5", seed=0)
    x = _images(40, seed=2)
    scores = dict(model.trace(x))["conv2"][:, 5].mean(axis=(1, 2))
    expected = np.argsort(-scores, kind="stable")[:9]
    np.testing.assert_array_equal(E.top_activating(model, x, "conv2", 5), expected)
    np.testing.assert_array_equal(E.top_activating(model, x, "conv2", 5, k=9, batch_size=7),
                                  expected)
    units = dict(model.trace(x))["fc1"][:, 3]
    np.testing.assert_array_equal(E.top_activating(model, x, "fc1", 3, k=4),
                                  np.argsort(-units, kind="stable")[:4])
    assert len(E.top_activating(model, x[:3], "conv1", 0, k=9)) == 3
    with pytest.raises(ValueError, match="0..5"):
        E.top_activating(model, x, "conv1", 6)
    with pytest.raises(ValueError, match="k must be"):
        E.top_activating(model, x, "conv1", 0, k=0)
    with pytest.raises(ValueError, match="batch_size"):
        E.top_activating(model, x, "conv1", 0, batch_size=0)


def test_feature_vectors_default_to_the_last_dense_layers_input():
    model = build_model("lenet5", seed=0)
    x = _images(30, seed=3)
    trace = dict(model.trace(x))
    np.testing.assert_array_equal(E.feature_vectors(model, x), trace["relu4"])
    np.testing.assert_allclose(E.feature_vectors(model, x, batch_size=7), trace["relu4"],
                               rtol=1e-5, atol=1e-6)  # other BLAS blocking, other rounding
    np.testing.assert_array_equal(E.feature_vectors(model, x, layer="pool2"),
                                  trace["pool2"].reshape(30, -1))
    linear = build_model([{"type": "Dense", "units": 10}])
    np.testing.assert_array_equal(E.feature_vectors(linear, x), x.reshape(30, -1))
    with pytest.raises(ValueError, match="batch_size"):
        E.feature_vectors(model, x, batch_size=0)


# -- sanity checks -----------------------------------------------------------------------------


def test_randomised_copy_cascades_from_the_top():
    model = build_model("lenet5", seed=0)
    before = {k: v.copy() for k, v in model.parameters().items()}
    assert E.parameterised_layers(model) == ["fc3", "fc2", "fc1", "conv2", "conv1"]
    top2 = E.randomised_copy(model, seed=9, top=2)
    assert top2.metadata["randomised_layers"] == ["fc3", "fc2"]
    for key, value in top2.parameters().items():
        changed = not np.array_equal(value, before[key])
        if key.endswith("weight"):
            assert changed == (key.split(".")[0] in ("fc3", "fc2")), key
    everything = E.randomised_copy(model, seed=9)
    assert all(not np.array_equal(v, before[k])
               for k, v in everything.parameters().items() if k.endswith("weight"))
    np.testing.assert_array_equal(E.randomised_copy(model, seed=9).parameters()["conv1.weight"],
                                  everything.parameters()["conv1.weight"])
    for key, value in model.parameters().items():  # the original is untouched
        np.testing.assert_array_equal(value, before[key])
    x = _images(1)
    assert not np.allclose(E.saliency(everything, x, 0), E.saliency(model, x, 0))
    for bad in (0, 6, True, 1.0):
        with pytest.raises(ValueError, match="top must be an int in 1..5"):
            E.randomised_copy(model, seed=1, top=bad)


def test_deletion_score_removes_the_maps_top_pixels():
    # A linear model that reads only 20 pixels: its saliency marks exactly them.
    model = build_model([{"type": "Flatten"}, {"type": "Dense", "units": 10}], dtype=np.float64)
    w = model.parameters()["fc1.weight"]
    w[...] = 0
    rng = np.random.default_rng(0)
    reads = rng.choice(784, size=20, replace=False)
    w[reads, 0] = 0.5
    x = _images(6, seed=1, dtype=np.float64)
    labels = np.zeros(6, dtype=int)
    maps = E.saliency_maps(model, x, labels)
    score = E.deletion_score(model, x, labels, maps, fraction=0.2, seed=0)
    assert score.n == 6 and score.pixels == round(0.2 * 784)
    # slow reference for the top removal: zero the 157 highest-map pixels one image at a time
    for i in range(6):
        y = x[i].copy().reshape(-1)
        order = sorted(range(784), key=lambda p: (-maps[i].reshape(-1)[p], p))[: score.pixels]
        y[order] = 0
        p = model.predict_proba(y.reshape(1, 1, 28, 28))[0, 0]
        assert score.top[i] == pytest.approx(p)
    assert score.top_drop > 0.5 and score.top_drop > 10 * abs(score.random_drop)
    same = E.deletion_score(model, x, labels, maps, seed=0)
    np.testing.assert_array_equal(same.random, score.random)
    with pytest.raises(ValueError, match="maps must have shape"):
        E.deletion_score(model, x, labels, maps[:, :-1])
    for bad in (1.0, 0, "a", None):
        with pytest.raises(ValueError, match="fraction"):
            E.deletion_score(model, x, labels, maps, fraction=bad)
    with pytest.raises(ValueError, match="labels 10 is not a class"):
        E.deletion_score(model, x, labels + 10, maps)


# -- every architecture ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list_models())
def test_every_function_on_every_architecture(name):
    model = build_model(name, seed=0)
    c, h, w = model.input_shape
    x = _images(12, seed=4, shape=(c, h, w))
    one = x[:1]
    before = model.forward(x)
    weights = {k: v.copy() for k, v in model.parameters().items()}
    for m in (E.saliency(model, one, 2), E.smoothgrad(model, one, 2, n=4)):
        assert m.shape == (h, w) and np.all(np.isfinite(m)) and m.min() >= 0
    cam = E.grad_cam(model, one, 2)
    assert cam.map.shape == (h, w) and 0 <= cam.map.min() and cam.map.max() <= 1
    assert cam.raw_max >= 0 and cam.layer == E.default_cam_layer(model)
    image = E.maximise_activation(model, target=2, steps=5)
    assert image.shape == (c, h, w) and 0 <= image.min() and image.max() <= 1
    image = E.maximise_activation(model, channel=0, steps=5)
    assert image.shape == (c, h, w)
    top = E.top_activating(model, x, cam.layer, 0, k=4)
    assert top.shape == (4,) and len(set(top.tolist())) == 4
    features = E.feature_vectors(model, x)
    assert features.shape[0] == 12 and np.all(np.isfinite(features))
    assert E.embed(features, "pca").points.shape == (12, 2)
    assert E.nearest(features, features[3], k=1)[0] == 3
    randomised = E.randomised_copy(model, seed=1, top=1)
    assert randomised.forward(one).shape == (1, 10)
    labels = model.predict(x)
    maps, raw, _, _, _ = E.grad_cam_maps(model, x, labels)
    score = E.deletion_score(model, x, labels, maps)
    assert np.isfinite(score.top_drop) and np.isfinite(score.random_drop)
    single = E.grad_cam(model, one, int(labels[0]))
    np.testing.assert_allclose(maps[0], single.map, rtol=1e-4, atol=1e-5)
    _, grads = logit_gradient(model, x, labels, -1)
    assert grads.shape == x.shape
    # explaining leaves the model as it was: same weights, same answers (fast path included)
    for key, value in model.parameters().items():
        np.testing.assert_array_equal(value, weights[key])
    np.testing.assert_array_equal(model.forward(x), before)
