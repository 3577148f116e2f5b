"""gradient_check and layer_output_gradient: backprop next to finite differences, on copies."""

import dataclasses

import numpy as np
import pytest

from explorer.engine import build_model
from explorer.engine.backprop import float64_copy, gradient_check, layer_output_gradient
from explorer.engine.layers import SoftmaxCrossEntropy, softmax

SMALL = {
    "name": "small",
    "input_shape": [2, 8, 8],
    "layers": [
        {"type": "Conv2D", "name": "conv1", "filters": 3, "kernel_size": 3, "padding": 1},
        {"type": "ReLU", "name": "relu1"},
        {"type": "MaxPool2D", "name": "pool1", "kernel_size": 2},
        {"type": "Conv2D", "name": "conv2", "filters": 4, "kernel_size": 3, "stride": 2,
         "padding": "same"},
        {"type": "Tanh", "name": "tanh1"},
        {"type": "Flatten", "name": "flatten"},
        {"type": "Dropout", "name": "drop", "rate": 0.5},
        {"type": "Dense", "name": "fc1", "units": 5},
    ],
}


def _image(seed=0, shape=(2, 8, 8)):
    return np.random.default_rng(seed).random(shape)


@pytest.mark.parametrize("param, index", [("conv1.weight", (1, 0, 2, 1)), ("conv1.bias", 2),
                                          ("conv2.weight", 17), ("fc1.weight", (3, 4)),
                                          ("fc1.bias", (0,))])
def test_gradient_check_agrees_and_leaves_the_model_alone(param, index):
    model = build_model(SMALL, seed=1)  # float32
    before = {k: v.copy() for k, v in model.parameters().items()}
    res = gradient_check(model, _image(), 3, param, index)
    assert res.agrees(rtol=1e-6), res
    assert res.relative < 1e-6
    assert res.param_name == param and len(res.index) == model.parameters()[param].ndim
    assert res.weight == pytest.approx(float(before[param][res.index]), rel=1e-6)
    for k, v in model.parameters().items():
        assert v.dtype == np.float32
        np.testing.assert_array_equal(v, before[k])
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.h = 1.0


def test_gradient_check_of_a_linear_model_is_x_times_p_minus_t():
    spec = {"name": "lin", "input_shape": [1, 3, 3],
            "layers": [{"type": "Flatten"}, {"type": "Dense", "name": "fc", "units": 4}]}
    model = build_model(spec, seed=2, dtype=np.float64)
    x = _image(1, (1, 3, 3))
    res = gradient_check(model, x, 1, "fc.weight", (5, 1))
    p = softmax(x.reshape(1, -1) @ model.parameters()["fc.weight"])[0]
    assert res.backprop == pytest.approx(x.reshape(-1)[5] * (p[1] - 1), rel=1e-12)
    assert res.numeric == pytest.approx(res.backprop, rel=1e-7)


def test_a_wrong_gradient_is_caught():
    """The check can fail: a loss computed at a shifted weight disagrees with backprop."""
    model = build_model(SMALL, seed=1, dtype=np.float64)
    good = gradient_check(model, _image(), 0, "conv1.weight", 0)
    model.parameters()["conv1.weight"].reshape(-1)[0] += 0.5
    moved = gradient_check(model, _image(), 0, "conv1.weight", 0)
    assert not np.isclose(moved.backprop, good.backprop, rtol=1e-3)


def test_gradient_check_bad_arguments():
    model = build_model(SMALL, seed=1)
    with pytest.raises(ValueError, match="no parameter 'conv9.weight'.*conv1.weight"):
        gradient_check(model, _image(), 0, "conv9.weight", 0)
    with pytest.raises(ValueError, match=r"index \(0, 0, 5, 0\) is not inside conv1.weight"):
        gradient_check(model, _image(), 0, "conv1.weight", (0, 0, 5, 0))
    with pytest.raises(ValueError, match="flat index 0..2"):
        gradient_check(model, _image(), 0, "conv1.bias", 3)
    with pytest.raises(ValueError, match="h must be a positive"):
        gradient_check(model, _image(), 0, "conv1.bias", 0, h=0)
    with pytest.raises(ValueError, match=r"label must be in 0..4, got 7"):
        gradient_check(model, _image(), 7, "conv1.bias", 0)
    with pytest.raises(ValueError, match="expects images of shape"):
        gradient_check(model, np.zeros((3, 3)), 0, "conv1.bias", 0)


def test_float64_copy_keeps_buffers_and_weights():
    model = build_model("mini_inception", seed=3)
    clone = float64_copy(model)
    assert clone.dtype == np.float64 and clone.fast is False
    for k, v in model.parameters().items():
        np.testing.assert_array_equal(clone.parameters()[k], v.astype(np.float64))


def _rest_loss(model, layer_name, y, labels):
    names = [layer.name for layer in model.layers]
    out = y
    for layer in model.layers[names.index(layer_name) + 1 :]:
        out = layer.forward(out, False)
    return SoftmaxCrossEntropy().forward(out, labels)


@pytest.mark.parametrize("layer_name", ["conv1", "relu1", "pool1", "conv2", "flatten", "fc1"])
def test_layer_output_gradient_matches_finite_differences(layer_name):
    model = build_model(SMALL, seed=4, dtype=np.float64)
    x = _image(5)
    dy, y = layer_output_gradient(model, x, 2, layer_name)
    assert dy.shape == y.shape and y.shape[0] == 1
    assert dy.flags.c_contiguous and y.flags.c_contiguous
    trace = dict(model.trace(x[None]))
    np.testing.assert_allclose(y, trace[layer_name], rtol=1e-12)
    rng = np.random.default_rng(0)
    labels = np.array([2])
    h = 1e-6
    # ReLU outputs of 0 that meet max pooling are kinks (a tie of zeros): check elsewhere.
    smooth = np.flatnonzero(y.reshape(-1) != 0)
    for flat in rng.choice(smooth, size=min(8, smooth.size), replace=False):
        yp, ym = y.copy(), y.copy()
        yp.reshape(-1)[flat] += h
        ym.reshape(-1)[flat] -= h
        numeric = (_rest_loss(model, layer_name, yp, labels)
                   - _rest_loss(model, layer_name, ym, labels)) / (2 * h)
        assert dy.reshape(-1)[flat] == pytest.approx(numeric, rel=1e-5, abs=1e-9)


def test_layer_output_gradient_of_the_logits_is_p_minus_t():
    model = build_model(SMALL, seed=4, dtype=np.float64)
    dy, y = layer_output_gradient(model, _image(6), 1, "fc1")
    t = np.zeros(5)
    t[1] = 1
    np.testing.assert_allclose(dy[0], softmax(y)[0] - t, rtol=1e-12, atol=1e-15)
    with pytest.raises(ValueError, match="no layer 'conv7'; its layers are conv1, relu1"):
        layer_output_gradient(model, _image(), 0, "conv7")


def test_dy_from_the_loss_fed_to_the_backward_stepper_gives_the_models_gradients():
    """The lead's panel chain: dY of conv2 from the loss, conv2's input from the trace, the
    stepper's dW/db/dX equal the model's own backprop."""
    from explorer.engine.stepper import ConvBackwardStepper

    model = build_model(SMALL, seed=4, dtype=np.float64)
    x = _image(7)
    dy, _ = layer_output_gradient(model, x, 3, "conv2")
    conv_input = dict(model.trace(x[None]))["pool1"][0]
    conv = model.layers[3]
    s = ConvBackwardStepper(conv_input, conv.params["weight"], dy[0], stride=conv.stride,
                            padding=conv.padding, flip=conv.flip)
    _, grads = model.loss_and_gradients(x[None], np.array([3]), training=False)
    np.testing.assert_allclose(s.assemble_dweight(), grads["conv2.weight"], rtol=1e-10,
                               atol=1e-14)
    np.testing.assert_allclose(s.dbias, grads["conv2.bias"], rtol=1e-10, atol=1e-14)
    dy_pool, _ = layer_output_gradient(model, x, 3, "pool1")
    np.testing.assert_allclose(s.assemble_dx(), dy_pool[0], rtol=1e-10, atol=1e-14)
