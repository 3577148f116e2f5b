"""Saliency, SmoothGrad, Grad-CAM and the gradients under them: analytic cases, finite
differences, a slow Grad-CAM reference and PyTorch (when installed)."""

import numpy as np
import pytest

from explorer.engine import build_model
from explorer.engine import explain as E
from explorer.engine.explain_net import forward_to_rest, layer_index
from tests.engine.gradcheck import (
    assert_grad_close,
    numeric_gradient,
    one_blas_thread,  # noqa: F401  (fixture)
    sample_indices,
)

pytestmark = pytest.mark.usefixtures("one_blas_thread")

LINEAR = [{"type": "Flatten"}, {"type": "Dense", "units": 10}]


def _images(n, seed=0, dtype=np.float32):
    """(n, 1, 28, 28) in (0.05, 0.95): away from 0 and 1 so finite differences stay inside."""
    rng = np.random.default_rng(seed)
    return (0.05 + 0.9 * rng.random((n, 1, 28, 28))).astype(dtype)


def _linear_model(seed=0):
    model = build_model(LINEAR, seed=seed, dtype=np.float64)
    model.parameters()["fc1.bias"][...] = np.random.default_rng(seed + 1).normal(size=10)
    return model


# -- saliency ----------------------------------------------------------------------------------


def test_linear_model_saliency_is_the_absolute_weights():
    model = _linear_model()
    w = model.parameters()["fc1.weight"]  # (784, 10)
    x = _images(1, dtype=np.float64)
    for target in (0, 7):
        np.testing.assert_allclose(E.saliency(model, x, target),
                                   np.abs(w[:, target]).reshape(28, 28), rtol=1e-12)
    # SmoothGrad of a linear model: every noisy copy has the same gradient
    np.testing.assert_allclose(E.smoothgrad(model, x, 3, n=7, noise=0.3),
                               np.abs(w[:, 3]).reshape(28, 28), rtol=1e-12)


def test_linear_model_has_no_layer_for_grad_cam():
    model = _linear_model()
    with pytest.raises(ValueError, match="spatial extent"):
        E.grad_cam(model, _images(1), 0)
    with pytest.raises(ValueError, match="spatial extent"):
        E.grad_cam(model, _images(1), 0, layer="fc1")


@pytest.mark.parametrize("name", ["lenet5", "mini_inception", "lenet5_classic"])
def test_input_gradient_matches_finite_differences(name):
    model = build_model(name, seed=3, dtype=np.float64)
    x = _images(1, seed=1, dtype=np.float64)
    target = 4
    _, grad = E.activation_and_gradient(model, x, target)

    def logit():
        return float(model.forward(x)[0, target])

    idx = sample_indices(x.size, np.random.default_rng(0), 16)
    assert_grad_close(grad, numeric_gradient(logit, x, indices=idx), f"{name} d logit / d x",
                      indices=idx)
    np.testing.assert_allclose(E.saliency(model, x, target), np.abs(grad[0, 0]), rtol=1e-12)


@pytest.mark.parametrize("name,layer", [("lenet5", "pool2"), ("lenet5", "conv1"),
                                        ("mini_inception", "inception1"),
                                        ("mini_alexnet", "lrn2"), ("simple_convnet", "relu1")])
def test_layer_gradient_matches_finite_differences(name, layer):
    model = build_model(name, seed=2, dtype=np.float64)
    x = _images(1, seed=4, dtype=np.float64)
    target = 6
    acts, grad = E.activation_and_gradient(model, x, target, layer=layer)
    stop = layer_index(model, layer)
    a = np.ascontiguousarray(acts)
    np.testing.assert_array_equal(a, dict(model.trace(x))[layer])

    def logit():
        return float(forward_to_rest(model, a, stop)[0, target])

    # Only entries away from 0: a ReLU's zeros tie inside a later max-pool window, where
    # nudging one of them up makes it the maximum (no derivative there to compare with).
    live = np.flatnonzero(np.abs(a.reshape(-1)) > 1e-4)
    idx = live[sample_indices(live.size, np.random.default_rng(1), 16)].tolist()
    assert_grad_close(grad, numeric_gradient(logit, a, indices=idx),
                      f"{name} d logit / d {layer}", indices=idx)


def test_batch_gradient_rows_are_each_images_own():
    model = build_model("lenet5", seed=0, dtype=np.float64)
    x = _images(3, dtype=np.float64)
    targets = np.array([1, 5, 9])
    maps = E.saliency_maps(model, x, targets)
    for i in range(3):
        np.testing.assert_allclose(maps[i], E.saliency(model, x[i : i + 1], int(targets[i])),
                                   rtol=1e-10, atol=1e-14)


def test_smoothgrad_is_the_mean_gradient_over_noisy_copies_and_is_seeded():
    model = build_model("lenet5", seed=0, dtype=np.float64)
    x = _images(1, dtype=np.float64)
    rng = np.random.default_rng(5)
    noisy = x + rng.standard_normal((70, 1, 28, 28)) * 0.2  # n > one chunk of 64
    expected = np.zeros((1, 28, 28))
    for copy in noisy:
        expected += E.logit_gradient(model, copy[None], np.array([2]), -1)[1][0]
    expected = np.abs(expected / 70).max(axis=0)
    got = E.smoothgrad(model, x, 2, noise=0.2, n=70, seed=5)
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-14)
    np.testing.assert_array_equal(got, E.smoothgrad(model, x, 2, noise=0.2, n=70, seed=5))
    assert not np.allclose(got, E.smoothgrad(model, x, 2, noise=0.2, n=70, seed=6))
    np.testing.assert_allclose(E.smoothgrad(model, x, 2, noise=0.0, n=3),
                               E.saliency(model, x, 2), rtol=1e-10, atol=1e-14)


def test_saliency_against_torch():
    torch = pytest.importorskip("torch")
    model = build_model("lenet5", seed=1, dtype=np.float64)
    p = {k: torch.tensor(v) for k, v in model.parameters().items()}
    x = _images(2, seed=2, dtype=np.float64)
    xt = torch.tensor(x, requires_grad=True)
    f = torch.nn.functional
    h = f.max_pool2d(f.relu(f.conv2d(xt, p["conv1.weight"], p["conv1.bias"], padding=2)), 2)
    h = f.max_pool2d(f.relu(f.conv2d(h, p["conv2.weight"], p["conv2.bias"])), 2).flatten(1)
    h = f.relu(h @ p["fc1.weight"] + p["fc1.bias"])
    h = f.relu(h @ p["fc2.weight"] + p["fc2.bias"])
    logits = h @ p["fc3.weight"] + p["fc3.bias"]
    targets = [3, 8]
    logits[torch.arange(2), torch.tensor(targets)].sum().backward()
    expected = xt.grad.abs().amax(dim=1).numpy()
    np.testing.assert_allclose(E.saliency_maps(model, x, targets), expected, rtol=1e-9,
                               atol=1e-12)


# -- Grad-CAM ----------------------------------------------------------------------------------


def _slow_bilinear(low, out_h, out_w):
    """Bilinear resize with half-pixel centres, one output pixel at a time."""
    h, w = low.shape
    out = np.zeros((out_h, out_w))
    for oy in range(out_h):
        sy = min(max((oy + 0.5) * h / out_h - 0.5, 0.0), h - 1)
        y0 = int(np.floor(sy))
        y1, fy = min(y0 + 1, h - 1), sy - y0
        for ox in range(out_w):
            sx = min(max((ox + 0.5) * w / out_w - 0.5, 0.0), w - 1)
            x0 = int(np.floor(sx))
            x1, fx = min(x0 + 1, w - 1), sx - x0
            out[oy, ox] = ((1 - fy) * (1 - fx) * low[y0, x0] + (1 - fy) * fx * low[y0, x1]
                           + fy * (1 - fx) * low[y1, x0] + fy * fx * low[y1, x1])
    return out


def _slow_grad_cam(acts, grads, out_hw):
    """Grad-CAM from the definition: loops over channels and positions."""
    k, h, w = acts.shape
    weights = [sum(grads[c, i, j] for i in range(h) for j in range(w)) / (h * w)
               for c in range(k)]
    low = np.zeros((h, w))
    for i in range(h):
        for j in range(w):
            low[i, j] = max(0.0, sum(weights[c] * acts[c, i, j] for c in range(k)))
    up = _slow_bilinear(low, *out_hw)
    peak = up.max()
    return (up / peak if peak > 0 else up), low, np.array(weights)


@pytest.mark.parametrize("name,layer", [("lenet5", None), ("lenet5", "relu1"),
                                        ("mini_alexnet", None), ("mini_inception", "inception1"),
                                        ("simple_convnet", None)])
def test_grad_cam_equals_slow_reference(name, layer):
    model = build_model(name, seed=5, dtype=np.float64)
    x = _images(1, seed=3, dtype=np.float64)
    cam = E.grad_cam(model, x, 1, layer=layer)
    used = layer or E.default_cam_layer(model)
    assert cam.layer == used
    acts, grads = E.activation_and_gradient(model, x, 1, layer=used)
    ref_map, ref_low, ref_w = _slow_grad_cam(acts[0], grads[0], (28, 28))
    np.testing.assert_allclose(cam.weights, ref_w, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(cam.low_res, ref_low, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(cam.map, ref_map, rtol=1e-9, atol=1e-12)
    assert cam.raw_max == pytest.approx(ref_low.max())
    assert cam.map.shape == (28, 28) and cam.map.min() >= 0 and cam.map.max() <= 1


def test_default_cam_layers():
    expected = {"simple_convnet": "pool1", "lenet5": "pool2", "lenet5_classic": "pool2",
                "mini_alexnet": "pool3", "mini_inception": "pool2"}
    for name, layer in expected.items():
        assert E.default_cam_layer(build_model(name)) == layer


def _one_by_one_model(sign):
    """conv 1@1x1 (weight 1, bias 0: A = x), flatten, dense whose class-0 column is ``sign``:
    d logit_0 / d A = sign everywhere, so Grad-CAM = ReLU(sign * x)."""
    spec = [{"type": "Conv2D", "filters": 1, "kernel_size": 1}, {"type": "Flatten"},
            {"type": "Dense", "units": 10}]
    model = build_model(spec, dtype=np.float64)
    model.parameters()["conv1.weight"][...] = 1.0
    model.parameters()["fc1.weight"][:, 0] = sign
    return model


def test_grad_cam_analytic_and_all_negative_map_is_zero_without_dividing():
    x = _images(1, seed=9, dtype=np.float64)
    cam = E.grad_cam(_one_by_one_model(+1.0), x, 0)
    assert cam.layer == "conv1"
    np.testing.assert_allclose(cam.map, x[0, 0] / x.max(), rtol=1e-12)
    assert cam.raw_max == pytest.approx(x.max())
    negative = E.grad_cam(_one_by_one_model(-1.0), x, 0)  # would warn on 0/0 (warnings fail)
    assert negative.raw_max == 0.0
    np.testing.assert_array_equal(negative.map, np.zeros((28, 28)))
    assert np.all(np.isfinite(negative.map))


def test_weak_map_keeps_its_raw_maximum():
    x = _images(1, seed=2, dtype=np.float64)
    model = _one_by_one_model(+1.0)
    strong = E.grad_cam(model, x, 0)
    model.parameters()["fc1.weight"][:, 0] = 1e-3
    weak = E.grad_cam(model, x, 0)
    np.testing.assert_allclose(weak.map, strong.map, rtol=1e-9)  # the same picture ...
    assert weak.raw_max == pytest.approx(strong.raw_max * 1e-3)  # ... a thousand times weaker


def test_upsample_bilinear_against_torch():
    torch = pytest.importorskip("torch")
    low = np.random.default_rng(0).random((2, 5, 7))
    for size in ((28, 28), (10, 3), (5, 7)):
        expected = torch.nn.functional.interpolate(
            torch.tensor(low)[:, None], size=size, mode="bilinear", align_corners=False
        )[:, 0].numpy()
        np.testing.assert_allclose(E.upsample_bilinear(low, size), expected, rtol=1e-12,
                                   atol=1e-12)
        np.testing.assert_allclose(E.upsample_bilinear(low[0], size), _slow_bilinear(low[0],
                                   *size), rtol=1e-12, atol=1e-12)


# -- bad input ---------------------------------------------------------------------------------


def test_bad_input_raises_value_error_naming_it():
    model = build_model("lenet5")
    x = _images(1)
    cases = [
        (lambda: E.saliency(model, _images(2), 0), "one image"),
        (lambda: E.grad_cam(model, _images(3), 0), "one image"),
        (lambda: E.saliency(model, x, 10), "classes are 0..9"),
        (lambda: E.saliency(model, x, -1), "classes are 0..9"),
        (lambda: E.saliency(model, x, 1.5), "class index"),
        (lambda: E.saliency(model, x * 255, 0), r"\[0, 1\]"),
        (lambda: E.saliency(model, np.full((1, 1, 28, 28), np.nan), 0), "NaN"),
        (lambda: E.saliency(model, np.zeros((1, 1, 27, 28)), 0), "shape"),
        (lambda: E.saliency_maps(model, _images(3), [1, 2]), "2 target values for 3 images"),
        (lambda: E.grad_cam(model, x, 0, layer="conv9"), "no layer 'conv9'"),
        (lambda: E.grad_cam(model, x, 0, layer="fc1"), "spatial extent"),
        (lambda: E.smoothgrad(model, x, 0, n=0), "noisy copies"),
        (lambda: E.smoothgrad(model, x, 0, noise=-1), "noise"),
    ]
    for call, message in cases:
        with pytest.raises(ValueError, match=message):
            call()
