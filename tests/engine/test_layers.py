"""Layers: finite-difference gradients (float64), agreement with the functional ops, specs."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import functional as fn
from explorer.engine import layers as L
from tests.engine.gradcheck import check_layer, numeric_gradient, assert_grad_close
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("one_blas_thread")


def built(layer, input_shape, seed=0, dtype=np.float64, init="he"):
    layer.build(input_shape, np.random.default_rng(seed), init=init, dtype=dtype)
    return layer


def rand(shape, seed=1):
    return np.random.default_rng(seed).standard_normal(shape)


# -- finite differences, one layer at a time ---------------------------------------------------

CONV_CASES = [
    dict(filters=3, kernel_size=3),
    dict(filters=2, kernel_size=3, stride=2, padding=1),
    dict(filters=2, kernel_size=(2, 3), stride=(2, 1), padding="same"),
    dict(filters=2, kernel_size=3, padding="valid", flip=True),
    dict(filters=2, kernel_size=(3, 2), stride=2, padding=(1, 0), flip=True),
]


@pytest.mark.parametrize("kw", CONV_CASES,
                         ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
def test_conv2d_gradients_match_finite_differences(kw):
    layer = built(L.Conv2D(name="conv1", **kw), (2, 7, 6))
    layer.params["bias"][:] = rand(layer.params["bias"].shape, 5)
    check_layer(layer, rand((2, 2, 7, 6)), np.random.default_rng(0))


@pytest.mark.parametrize(
    "cls,kw",
    [
        (L.MaxPool2D, dict(kernel_size=2)),
        (L.MaxPool2D, dict(kernel_size=3, stride=1, padding=1)),
        (L.MaxPool2D, dict(kernel_size=3, stride=2)),
        (L.AvgPool2D, dict(kernel_size=2)),
        (L.AvgPool2D, dict(kernel_size=3, stride=2, padding=1)),
    ],
)
def test_pool_gradients_match_finite_differences(cls, kw):
    layer = cls(name="pool1", **kw)
    check_layer(layer, rand((2, 3, 7, 6)), np.random.default_rng(0))


@pytest.mark.parametrize(
    "layer",
    [L.ReLU(name="relu1"), L.LeakyReLU(0.1, name="lrelu1"), L.Sigmoid(name="s1"),
     L.Tanh(name="t1"), L.Flatten(name="flatten")],
    ids=lambda l: l.type_name,
)
def test_elementwise_gradients_match_finite_differences(layer):
    check_layer(layer, rand((2, 3, 4, 5)), np.random.default_rng(0))


def test_dense_gradients_match_finite_differences_flat_and_image_input():
    layer = built(L.Dense(4, name="fc1"), (12,))
    layer.params["bias"][:] = rand(4, 3)
    check_layer(layer, rand((3, 12)), np.random.default_rng(0))
    layer2 = built(L.Dense(5, name="fc2"), (3, 2, 2))
    check_layer(layer2, rand((2, 3, 2, 2)), np.random.default_rng(1))


def test_dropout_gradient_with_a_fixed_mask_and_identity_at_inference():
    layer = L.Dropout(0.4, name="dropout1")

    def reseed():
        layer.rng = np.random.default_rng(11)

    x = rand((4, 3, 5, 5))
    check_layer(layer, x, np.random.default_rng(0), training=True, before_forward=reseed)
    reseed()
    out = layer.forward(x, training=True)
    kept = out != 0
    assert 0.3 < 1 - kept.mean() < 0.5
    np.testing.assert_allclose(out[kept], x[kept] / 0.6)
    assert np.array_equal(layer.forward(x, training=False), x)


@pytest.mark.parametrize("training", [True, False])
def test_batchnorm_gradients_match_finite_differences(training):
    layer = built(L.BatchNorm2D(name="bn1"), (3, 4, 4))
    layer.params["gamma"][:] = [0.5, 1.5, -1.0]
    layer.params["beta"][:] = [0.1, -0.2, 0.3]
    layer.buffers["running_mean"][:] = [0.2, -0.1, 0.0]
    layer.buffers["running_var"][:] = [1.5, 0.7, 2.0]
    check_layer(layer, rand((3, 3, 4, 4)) * 2 + 1, np.random.default_rng(0), training=training)


def test_batchnorm_normalises_in_training_and_tracks_running_stats():
    layer = built(L.BatchNorm2D(momentum=0.5, name="bn1"), (2, 3, 3))
    x = rand((5, 2, 3, 3)) * 3 + 4
    out = layer.forward(x, training=True)
    np.testing.assert_allclose(out.mean(axis=(0, 2, 3)), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=(0, 2, 3)), 1, rtol=1e-4)
    np.testing.assert_allclose(layer.buffers["running_mean"], 0.5 * x.mean(axis=(0, 2, 3)))
    np.testing.assert_allclose(layer.buffers["running_var"],
                               0.5 + 0.5 * x.var(axis=(0, 2, 3), ddof=1))


@pytest.mark.parametrize("size", [5, 4, 1])
def test_lrn_gradients_match_finite_differences(size):
    layer = L.LocalResponseNorm(size=size, alpha=0.3, beta=0.75, k=1.5, name="lrn1")
    check_layer(layer, rand((2, 6, 3, 3)), np.random.default_rng(0))


def test_lrn_matches_loop_definition():
    layer = L.LocalResponseNorm(size=4, alpha=0.2, beta=0.6, k=2.0)
    x = rand((1, 7, 2, 2))
    out = layer.forward(x)
    expect = np.empty_like(x)
    for c in range(7):
        lo, hi = max(0, c - 2), min(7, c + 1 + 1)  # size//2 before, (size-1)//2 after
        s = 2.0 + 0.2 / 4 * (x[:, lo:hi] ** 2).sum(axis=1)
        expect[:, c] = x[:, c] / s**0.6
    np.testing.assert_allclose(out, expect, rtol=1e-12)


def test_lrn_matches_torch():
    torch = pytest.importorskip("torch")
    x = rand((2, 8, 3, 3))
    for size in (5, 4):
        layer = L.LocalResponseNorm(size=size, alpha=1e-2, beta=0.75, k=2.0)
        ref = torch.nn.LocalResponseNorm(size, alpha=1e-2, beta=0.75, k=2.0)
        np.testing.assert_allclose(layer.forward(x), ref(torch.from_numpy(x)).numpy(), rtol=1e-10)


def test_inception_gradients_output_and_param_names():
    layer = built(L.Inception(2, 2, 3, 1, 2, 2, name="inception1"), (3, 5, 5))
    assert layer.output_shape((3, 5, 5)) == (9, 5, 5)
    assert "b2_3x3.weight" in layer.params and "b4_1x1.bias" in layer.params
    assert layer.params["b3_5x5.weight"].shape == (2, 1, 5, 5)
    for key in layer.params:  # biases off zero so every ReLU sees both signs
        if key.endswith("bias"):
            layer.params[key][:] = rand(layer.params[key].shape, 9) * 0.1
    x = rand((2, 3, 5, 5))
    check_layer(layer, x, np.random.default_rng(0), k=15)
    assert set(layer.grads) == set(layer.params)


def test_inception_concatenates_the_four_branches_on_channels():
    layer = built(L.Inception(2, 2, 3, 1, 2, 2), (3, 6, 6))
    x = rand((2, 3, 6, 6))
    out = layer.forward(x)
    b1 = np.maximum(fn.conv2d(x, layer.params["b1_1x1.weight"], layer.params["b1_1x1.bias"]), 0)
    pooled = fn.max_pool2d(x, 3, stride=1, padding=1)
    p = layer.params
    b4 = np.maximum(fn.conv2d(pooled, p["b4_1x1.weight"], p["b4_1x1.bias"]), 0)
    np.testing.assert_allclose(out[:, :2], b1, rtol=1e-12)
    np.testing.assert_allclose(out[:, 7:], b4, rtol=1e-12)


# -- the layers' fast paths agree with explorer.engine.functional ------------------------------


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(1, 3), c=st.integers(1, 3), f=st.integers(1, 3),
    h=st.integers(3, 8), w=st.integers(3, 8), kh=st.integers(1, 3), kw=st.integers(1, 3),
    stride=st.integers(1, 3),
    padding=st.sampled_from([0, 1, "same", "valid", (1, 0)]),
    flip=st.booleans(), seed=st.integers(0, 2**16),
)
def test_conv2d_layer_equals_functional(n, c, f, h, w, kh, kw, stride, padding, flip, seed):
    layer = L.Conv2D(f, (kh, kw), stride=stride, padding=padding, flip=flip)
    built(layer, (c, h, w), seed)
    rng = np.random.default_rng(seed)
    layer.params["bias"][:] = rng.standard_normal(f)
    x = rng.standard_normal((n, c, h, w))
    out = layer.forward(x)
    ref, cache = fn.conv2d_forward(x, layer.params["weight"], layer.params["bias"], stride,
                                   padding, flip)
    np.testing.assert_allclose(out, ref, rtol=1e-12, atol=1e-12)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    rdx, rdw, rdb = fn.conv2d_backward(dout, cache)
    np.testing.assert_allclose(dx, rdx, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.grads["weight"], rdw, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.grads["bias"], rdb, rtol=1e-12, atol=1e-12)
    assert layer.output_shape((c, h, w)) == out.shape[1:]


@settings(max_examples=40, deadline=None)
@given(
    kind=st.sampled_from(["max", "avg"]), n=st.integers(1, 2), c=st.integers(1, 3),
    h=st.integers(3, 8), w=st.integers(3, 8), k=st.integers(1, 3),
    stride=st.sampled_from([None, 1, 2, 3]), pad=st.integers(0, 1), ties=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_pool_layers_equal_functional(kind, n, c, h, w, k, stride, pad, ties, seed):
    pad = min(pad, k // 2)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, h, w))
    if ties:  # many equal values: the gradient must go to the same (first) cell
        x = np.round(x)
    cls, fwd, bwd = (
        (L.MaxPool2D, fn.max_pool2d_forward, fn.max_pool2d_backward)
        if kind == "max"
        else (L.AvgPool2D, fn.avg_pool2d_forward, fn.avg_pool2d_backward)
    )
    layer = cls(k, stride=stride, padding=pad)
    out = layer.forward(x)
    ref, cache = fwd(x, k, stride, pad)
    np.testing.assert_array_equal(out, ref)
    dout = rng.standard_normal(out.shape)
    np.testing.assert_allclose(layer.backward(dout), bwd(dout, cache), rtol=1e-12, atol=1e-12)
    assert layer.output_shape((c, h, w)) == out.shape[1:]


def test_conv2d_float32_stays_float32_and_agrees_with_float64():
    layer64 = built(L.Conv2D(4, 3, padding=1), (2, 6, 6), dtype=np.float64)
    layer32 = built(L.Conv2D(4, 3, padding=1), (2, 6, 6), dtype=np.float32)
    x = rand((2, 2, 6, 6))
    out32 = layer32.forward(x.astype(np.float32))
    assert out32.dtype == np.float32
    np.testing.assert_allclose(out32, layer64.forward(x), rtol=1e-5, atol=1e-5)


def test_conv2d_results_are_fresh_arrays_not_reused_buffers():
    layer = built(L.Conv2D(2, 3), (1, 5, 5))
    a = layer.forward(rand((1, 1, 5, 5), 1))
    a_copy = a.copy()
    layer.forward(rand((1, 1, 5, 5), 2))
    np.testing.assert_array_equal(a, a_copy)


def test_conv2d_first_layer_can_skip_the_input_gradient():
    layer = built(L.Conv2D(2, 3), (1, 5, 5))
    layer.forward(rand((2, 1, 5, 5)))
    assert layer.backward(rand((2, 2, 3, 3)), need_input_grad=False) is None
    assert layer.grads["weight"].shape == (2, 1, 3, 3)


def test_conv2d_rejects_wrong_channels_with_a_clear_message():
    layer = built(L.Conv2D(2, 3), (3, 5, 5))
    with pytest.raises(ValueError, match=r"expects input \(N, 3, H, W\)"):
        layer.forward(rand((1, 1, 5, 5)))


# -- softmax cross-entropy ---------------------------------------------------------------------


def test_softmax_cross_entropy_value_gradient_and_stability():
    loss = L.SoftmaxCrossEntropy()
    logits = rand((4, 10)) * 3
    labels = np.array([0, 3, 9, 3])
    value = loss.forward(logits, labels)
    lse = np.log(np.exp(logits).sum(axis=1))
    np.testing.assert_allclose(value, np.mean(lse - logits[np.arange(4), labels]), rtol=1e-12)
    grad = loss.backward()
    num = numeric_gradient(lambda: loss.forward(logits, labels), logits)
    assert_grad_close(grad, num, "softmax cross-entropy")
    huge = np.array([[1e4, 0.0, -1e4], [-1e4, 1e4, 1e4]], dtype=np.float32)
    value = loss.forward(huge, np.array([0, 2]))
    assert np.isfinite(value) and abs(value - np.log(2) / 2) < 1e-6
    assert np.all(np.isfinite(loss.backward()))
    one_hot = np.eye(10)[labels]
    assert loss.forward(logits, one_hot) == pytest.approx(loss.forward(logits, labels))
    with pytest.raises(ValueError, match="labels must be in"):
        loss.forward(logits, np.array([0, 1, 2, 10]))


def test_softmax_rows_sum_to_one_without_overflow():
    p = L.softmax(np.array([[1000.0, 0.0], [0.0, 0.0]]))
    np.testing.assert_allclose(p, [[1, 0], [0.5, 0.5]])


# -- specs, registry, repr ---------------------------------------------------------------------


ALL_LAYERS = [
    L.Conv2D(4, (3, 2), stride=(2, 1), padding="same", flip=True, name="conv1"),
    L.MaxPool2D(3, stride=2, padding=1, name="pool1"),
    L.AvgPool2D(2, name="pool2"),
    L.ReLU(name="relu1"), L.LeakyReLU(0.2, name="lrelu1"), L.Sigmoid(name="sigmoid1"),
    L.Tanh(name="tanh1"), L.Flatten(name="flatten"), L.Dense(7, name="fc1"),
    L.Dropout(0.3, name="dropout1"), L.BatchNorm2D(momentum=0.2, name="bn1"),
    L.LocalResponseNorm(3, name="lrn1"), L.Inception(1, 2, 3, 4, 5, 6, name="inception1"),
]


@pytest.mark.parametrize("layer", ALL_LAYERS, ids=lambda l: l.type_name)
def test_spec_is_json_and_rebuilds_the_same_layer(layer):
    spec = json.loads(json.dumps(layer.spec()))
    again = L.build_layer(spec)
    assert type(again) is type(layer)
    assert again.spec() == layer.spec()
    assert layer.name in repr(layer) and layer.type_name in repr(layer)


def test_build_layer_rejects_unknown_types_and_bad_arguments():
    with pytest.raises(ValueError, match="unknown layer type 'Conv3D'"):
        L.build_layer({"type": "Conv3D"})
    # the setting is named (in words the UI translates, not Python's TypeError text)
    with pytest.raises(ValueError, match="Dense layer 'd' has no setting 'colour'; its settings "
                                         "are units, in_features, name") as info:
        L.build_layer({"type": "Dense", "name": "d", "units": 3, "colour": "red"})
    assert info.value.code == "layer_unknown_setting"
    with pytest.raises(ValueError, match=r"Conv2D layer \(unnamed\) needs the setting 'filters'"):
        L.build_layer({"type": "Conv2D", "kernel_size": 3})
    with pytest.raises(ValueError, match="filters must be a positive int"):
        L.build_layer({"type": "Conv2D", "filters": 0, "kernel_size": 3})


def test_output_shapes():
    assert L.Conv2D(8, 5, padding=2).output_shape((1, 28, 28)) == (8, 28, 28)
    assert L.Conv2D(8, 3, stride=2, padding="same").output_shape((1, 7, 7)) == (8, 4, 4)
    assert L.MaxPool2D(2).output_shape((8, 7, 7)) == (8, 3, 3)
    assert L.MaxPool2D(3, stride=2).output_shape((32, 7, 7)) == (32, 3, 3)
    assert L.Flatten().output_shape((16, 5, 5)) == (400,)
    with pytest.raises(ValueError, match="bigger than the padded input"):
        L.Conv2D(2, 5).output_shape((1, 3, 3))


def test_layers_package_exports_every_layer_and_the_registry():
    import importlib

    for name in L.__all__:
        assert getattr(L, name) is not None, name
    for type_name, cls in L.LAYER_TYPES.items():
        module = importlib.import_module(cls.__module__)
        assert module.__name__.startswith("explorer.engine.layers.") and cls.__name__ in L.__all__
        assert getattr(module, cls.__name__) is cls and getattr(L, cls.__name__) is cls
        assert L.build_layer({"type": type_name, **_MINIMAL_ARGS.get(type_name, {})}).type_name \
            == type_name


_MINIMAL_ARGS = {
    "Conv2D": {"filters": 2, "kernel_size": 3}, "Dense": {"units": 3},
    "Inception": {"b1": 1, "b2_reduce": 1, "b2": 1, "b3_reduce": 1, "b3": 1, "b4": 1},
}
