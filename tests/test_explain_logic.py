"""The Explain tab's Qt-free decisions and engine jobs (explorer/ui/panels/explain_logic.py),
tested without a window."""

import numpy as np
import pytest

from explorer.data import load_builtin
from explorer.engine import build_model
from explorer.engine import explain as E
from explorer.ui.panels.explain_logic import (ActMaxRun, ExplainChoices, GridRun, correlation,
                                              drawing_maps_job, features_job, map_images,
                                              place_drawing_job, sanity_job, similarity_word,
                                              top_activating_job)


@pytest.fixture(scope="module")
def lenet():
    return build_model("lenet5", seed=3)


@pytest.fixture(scope="module")
def digits():
    images, labels = map_images(load_builtin(), limit=60)
    return images, labels


def test_choices_list_conv_layers_and_the_engines_default(lenet):
    choices = ExplainChoices(lenet.summary())
    convs = [r["name"] for r in lenet.summary() if r["type"] == "Conv2D"]
    assert choices.cam_layers() == convs
    assert choices.default_cam_layer() == E.default_cam_layer(lenet)
    options = choices.cam_layer_options()
    assert options[: len(convs)] == convs and E.default_cam_layer(lenet) in options
    layers = dict(choices.filter_layers())
    assert set(convs) <= set(layers)
    assert lenet.layers[-1].name not in layers  # the logits are the classes
    assert all(n == r["output_shape"][0] for r in lenet.summary()
               for name, n in layers.items() if r["name"] == name)


def test_dense_only_model_has_no_grad_cam_layer():
    mlp = build_model({"name": "mlp", "layers": [{"type": "Flatten"},
                                                 {"type": "Dense", "units": 10}]}, seed=0)
    choices = ExplainChoices(mlp.summary())
    assert choices.cam_layers() == [] and choices.default_cam_layer() is None
    out = drawing_maps_job(np.zeros((28, 28), np.float32), None, None, mlp)
    assert "cam" not in out and "spatial extent" in str(out["cam_error"])
    assert out["cam_error"].code == "cam_no_spatial_layer"
    assert out["saliency"].shape == (28, 28)


def test_target_is_the_picked_class_else_the_predicted_one():
    assert ExplainChoices.target(7, None) == 7
    assert ExplainChoices.target(7, 0) == 0


def test_correlation_and_its_words():
    a = np.arange(16.0).reshape(4, 4)
    assert correlation(a, 2 * a + 1) == pytest.approx(1.0)
    assert correlation(a, -a) == pytest.approx(-1.0)
    assert correlation(a, np.ones((4, 4))) is None
    with pytest.raises(ValueError, match="same shape"):
        correlation(a, np.ones((3, 3)))
    assert [similarity_word(r) for r in (None, 0.9, 0.3, 0.0)] == [
        "unknown", "similar", "partly", "different"]


def test_drawing_maps_follow_the_picked_class(lenet, digits):
    image = digits[0][0, 0]
    a = drawing_maps_job(image, None, None, lenet)
    assert a["target"] == a["predicted"] == int(np.argmax(lenet.predict_proba(image[None, None])))
    other = (a["predicted"] + 1) % 10
    b = drawing_maps_job(image, other, None, lenet)
    assert b["target"] == other
    np.testing.assert_allclose(b["saliency"], E.saliency(lenet, image[None, None], other),
                               rtol=1e-5)
    assert not np.allclose(a["saliency"], b["saliency"])
    assert a["cam"].shape == (28, 28) and a["cam_layer"] == E.default_cam_layer(lenet)


def test_colour_model_says_the_drawing_does_not_fit():
    vgg = build_model("tiny_vgg", seed=0)
    with pytest.raises(ValueError, match="shape"):
        drawing_maps_job(np.zeros((28, 28), np.float32), None, None, vgg)


def test_sanity_job_compares_with_a_randomised_copy(lenet, digits):
    image = digits[0][0, 0]
    out = sanity_job(image, 3, None, "saliency", 0, lenet)
    np.testing.assert_allclose(out["trained"], E.saliency(lenet, image[None, None], 3),
                               rtol=1e-5)
    rand = E.randomised_copy(lenet, 0)
    np.testing.assert_allclose(out["random"], E.saliency(rand, image[None, None], 3), rtol=1e-5)
    assert out["correlation"] == pytest.approx(correlation(out["trained"], out["random"]))
    cam = sanity_job(image, 3, None, "gradcam", 0, lenet)
    assert cam["trained"].shape == cam["random"].shape == (28, 28)


def test_actmax_run_in_chunks_equals_one_run(lenet):
    run = ActMaxRun(steps=25, target=4, seed=2)
    first = run.advance(lenet, 10)
    assert first["step"] == 10 and len(first["objectives"]) == 10 and not first["done"]
    run.advance(lenet, 10)
    last = run.advance(lenet, 10)
    assert last["step"] == 25 and last["done"] and len(last["objectives"]) == 25
    whole = E.maximise_activation(lenet, target=4, steps=25, seed=2)
    np.testing.assert_allclose(last["image"], whole, atol=1e-6)
    assert last["objectives"][-1] > last["objectives"][0]


def test_actmax_run_restarts_on_another_model(lenet):
    run = ActMaxRun(steps=20, layer=None, channel=1)
    run.advance(lenet, 5)
    other = build_model("lenet5", seed=4)
    out = run.advance(other, 3)
    assert run.restarted and out["step"] == 3
    with pytest.raises(ValueError, match="steps"):
        ActMaxRun(steps=0, target=1)


def test_top_activating_job_for_a_filter_and_a_class(lenet, digits):
    images, _ = digits
    conv = ExplainChoices(lenet.summary()).cam_layers()[0]
    idx = top_activating_job(images, conv, 2, None, lenet)
    np.testing.assert_array_equal(idx, E.top_activating(lenet, images, conv, 2, k=9))
    idx = top_activating_job(images, None, None, 5, lenet)
    logits = E.feature_vectors(lenet, images, lenet.layers[-1].name)[:, 5]
    assert idx[0] == int(np.argmax(logits)) and len(idx) == 9


def test_features_and_placing_the_drawing(lenet, digits):
    images, _ = digits
    out = features_job(images, None, lenet)
    assert out["points"].shape == (len(images), 2)
    pixels = images.reshape(len(images), -1)
    placed = place_drawing_job(images[7, 0], out["features"], pixels, out["map"], None, lenet)
    np.testing.assert_allclose(placed["point"], out["points"][7], atol=1e-4)
    assert placed["near_features"][0] == 7 and placed["near_pixels"][0] == 7
    assert len(placed["near_features"]) == len(placed["near_pixels"]) == 5


def test_map_images_limits_and_rejects_an_empty_set():
    data = load_builtin()
    images, labels = map_images(data, limit=10)
    assert images.shape[0] == labels.shape[0] == 10

    class Empty:
        name, n_test = "empty", 0

    with pytest.raises(ValueError, match="no test images"):
        map_images(Empty())


def test_grid_run_makes_each_objectives_image_across_chunks(lenet):
    objectives = [{"layer": "conv1", "channel": c} for c in range(3)] + [{"target": 7}]
    run = GridRun(objectives, steps=7, seed=2)
    outs = []
    while not run.done:
        outs.append(run.advance(lenet, 5))  # chunks that end in the middle of an image
    assert [o["done"] for o in outs] == [0, 1, 2, 2, 3, 4]
    assert outs[-1]["finished"] and outs[-1]["total"] == 4 and len(outs[-1]["images"]) == 4
    for objective, image in zip(objectives, run.images):
        expected = E.maximise_activation(lenet, steps=7, seed=2, l2=0.01, blur=0.5, jitter=2,
                                         **objective)
        np.testing.assert_allclose(image, expected, rtol=1e-6)
    assert run.advance(lenet, 5)["done"] == 4  # nothing more to do
    with pytest.raises(ValueError, match="at least one objective"):
        GridRun([], steps=3)
    with pytest.raises(ValueError, match="steps"):
        GridRun(objectives, steps=0)


def test_choices_for_the_layer_grid_and_the_feature_layers():
    lenet = ExplainChoices(build_model("lenet5", seed=0).summary())
    assert lenet.conv_layers() == [("conv1", 6), ("conv2", 16)]
    assert lenet.feature_layers() == ["flatten", "fc1", "fc2"] and lenet.has_penultimate()
    vgg = ExplainChoices(build_model("tiny_vgg", seed=0).summary())
    assert vgg.feature_layers() == ["flatten"]  # its only Dense layer gives the class scores
    assert not ExplainChoices([]).has_penultimate() and ExplainChoices([]).conv_layers() == []


def test_drawing_maps_job_smoothgrad(lenet, digits):
    images, _ = digits
    out = drawing_maps_job(images[0, 0], 3, None, lenet, smooth=(0.1, 4))
    expected = E.smoothgrad(lenet, images[:1], 3, noise=0.1, n=4, seed=0)
    np.testing.assert_allclose(out["saliency"], expected, rtol=1e-6)
    assert out["smooth"] == (0.1, 4)
    assert drawing_maps_job(images[0, 0], 3, None, lenet)["smooth"] is None


def test_top_activating_job_takes_k(lenet, digits):
    images, _ = digits
    idx = top_activating_job(images, "conv2", 4, None, lenet, k=5)
    np.testing.assert_array_equal(idx, E.top_activating(lenet, images, "conv2", 4, k=5))


def test_colour_actmax_images_are_shown_in_colour_and_channel_by_channel():
    from explorer.ui.panels.explain_logic import actmax_views, display_image

    rng = np.random.default_rng(0)
    image = 0.45 + 0.1 * rng.random((3, 5, 4))     # a narrow band around grey, as the ascent
    image[0] += 0.05                                 # a little more red
    views, kinds = actmax_views(image)
    assert kinds == ["colour", 0, 1, 2]
    colour = views[0]
    assert colour.shape == (5, 4, 3)
    assert colour.min() == pytest.approx(0.0) and colour.max() == pytest.approx(1.0)
    # one scale for all channels: the colour balance stays (red is still the brightest)
    assert colour[..., 0].mean() > colour[..., 1].mean()
    for k in range(3):
        np.testing.assert_allclose(views[1 + k], colour[..., k])
    np.testing.assert_allclose(display_image(image), colour)
    np.testing.assert_allclose(display_image(image, stretch=False), image.transpose(1, 2, 0))
    grey = rng.random((1, 5, 4))
    g_views, g_kinds = actmax_views(grey)
    assert g_kinds == ["grey"] and np.array_equal(g_views[0], grey[0])   # as it is
    flat, _ = actmax_views(np.full((3, 2, 2), 0.3))
    assert np.allclose(flat[0], 0.5)
