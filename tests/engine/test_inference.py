"""The inference-only path of predict_proba / predict (explorer.engine.inference) against the
layer-by-layer forward: every architecture, batch sizes 1, small and chunked, the layouts and
layers it has steps for, weights edited between calls, several threads, and the fallback."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from explorer.engine import build_model, inference, list_models
from explorer.engine.inference_conv import ConvStep, PhaseConvStep
from explorer.engine.layers import Layer, softmax
from explorer.engine.models import Model
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("one_blas_thread")


def _with_biases(model, seed=1):
    """Non-zero biases (and batch-norm statistics), so that a misplaced bias shows."""
    rng = np.random.default_rng(seed)
    for key, value in model.parameters().items():
        if key.endswith("bias") or key.endswith("beta"):
            value[...] = rng.normal(0, 0.2, value.shape)
        elif key.endswith("gamma"):
            value[...] = rng.uniform(0.5, 1.5, value.shape)
    for key, value in model.buffers().items():
        value[...] = rng.uniform(0.5, 1.5, value.shape) if key.endswith("var") else \
            rng.normal(0, 0.2, value.shape)
    return model


def _images(model, n, seed=0):
    c, h, w = model.input_shape
    return np.random.default_rng(seed).random((n, c, h, w)).astype(model.dtype)


def _reference(model, x):
    """Logits of the layer-by-layer forward (no fused stages, no inference plan)."""
    fast = model.fast
    model.fast = False
    try:
        return model.forward(x)
    finally:
        model.fast = fast


def _check(model, x, tol):
    ref = _reference(model, x)
    proba = model.predict_proba(x)
    np.testing.assert_allclose(proba, softmax(ref.copy()), rtol=0, atol=tol)
    assert proba.shape == ref.shape and proba.dtype == model.dtype
    pred = model.predict(x)
    top2 = np.sort(ref, axis=1)[:, -2:]
    clear = top2[:, 1] - top2[:, 0] > 1e-3  # no near-tie: the argmax is the same
    np.testing.assert_array_equal(pred[clear], ref.argmax(axis=1)[clear])
    assert pred.dtype == np.int64


@pytest.mark.parametrize("name", list_models())
@pytest.mark.parametrize("n", [1, 3, inference.CHUNK + 5])
def test_every_architecture_equals_the_layer_by_layer_forward(name, n):
    model = _with_biases(build_model(name, seed=2))
    _check(model, _images(model, n, seed=n), tol=2e-6)
    assert not inference._plans(model).get("unsupported")


@pytest.mark.parametrize("name", ["lenet5", "simple_convnet", "tiny_vgg", "mini_inception"])
def test_float64_models_agree_to_float64_rounding(name):
    model = _with_biases(build_model(name, seed=3, dtype=np.float64))
    for n in (1, 2, 9):
        x = _images(model, n, seed=n)
        np.testing.assert_allclose(model.predict_proba(x), softmax(_reference(model, x)),
                                   rtol=1e-12, atol=1e-14)


_CUSTOM = {
    # odd padding offsets (the phase layout's four-copy write), a flipped kernel, a pool
    # right after the conv, odd map sizes where floor pooling drops a row
    "pad1_flip": [{"type": "Conv2D", "filters": 4, "kernel_size": 3, "padding": 1,
                   "flip": True}, {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
                  {"type": "Conv2D", "filters": 5, "kernel_size": 4},
                  {"type": "MaxPool2D", "kernel_size": 2},
                  {"type": "Flatten"}, {"type": "Dense", "units": 7}],
    # stride 2, "same" padding, 1x1 convs, pools with padding and overlap, other activations
    "strided": [{"type": "Conv2D", "filters": 3, "kernel_size": 3, "stride": 2,
                 "padding": "same"}, {"type": "LeakyReLU", "alpha": 0.1},
                {"type": "Conv2D", "filters": 4, "kernel_size": 1}, {"type": "Sigmoid"},
                {"type": "MaxPool2D", "kernel_size": 3, "stride": 2, "padding": 1},
                {"type": "Conv2D", "filters": 2, "kernel_size": 2}, {"type": "Tanh"},
                {"type": "AvgPool2D", "kernel_size": 2, "padding": 1},
                {"type": "Dense", "units": 5}],
    # batch norm, a lone activation after a pool, dropout, dense without flatten
    "bn": [{"type": "Conv2D", "filters": 3, "kernel_size": 5, "padding": 2},
           {"type": "BatchNorm2D"}, {"type": "ReLU"},
           {"type": "MaxPool2D", "kernel_size": 2, "stride": 1}, {"type": "Tanh"},
           {"type": "Dropout", "rate": 0.3}, {"type": "Dense", "units": 6}, {"type": "ReLU"},
           {"type": "Dense", "units": 4}],
}


@pytest.mark.parametrize("layers", list(_CUSTOM))
@pytest.mark.parametrize("shape", [(1, 13, 13), (2, 12, 11)])
@pytest.mark.parametrize("phase", [True, False])
def test_custom_layers_and_layouts(layers, shape, phase, monkeypatch):
    monkeypatch.setattr(inference, "use_phase", phase)
    model = _with_biases(build_model({"name": "t", "input_shape": list(shape),
                                      "layers": _CUSTOM[layers]}, seed=4))
    for n in (1, 2, 6):
        _check(model, _images(model, n, seed=n), tol=2e-6)


def test_each_layout_is_used_where_it_fits():
    """Batch 1 of LeNet-5: the phase layout for conv1 (long quadrants), the wide one for conv2;
    from WIDE_MAX_BATCH + 1 images on the plain im2col."""
    model = build_model("lenet5")
    one = inference.compile_plan(model, (1, 1, 28, 28)).steps
    assert isinstance(one[0], PhaseConvStep) and isinstance(one[1], ConvStep)
    assert one[1].cols.shape[1] == 10 * 14  # wide: OH rows of the padded width
    many = inference.compile_plan(model, (inference.WIDE_MAX_BATCH + 1, 1, 28, 28)).steps
    assert isinstance(many[0], ConvStep) and many[0].cols.shape[1] == 28 * 28 * 5


@pytest.mark.parametrize("act", [[], [{"type": "ReLU"}]])
def test_phase_step_pools_with_and_without_relu(act):
    """The phase step's one reduction over the quadrants (and, with ReLU, a block of zeros)."""
    layers = [{"type": "Conv2D", "filters": 4, "kernel_size": 5, "padding": 2}, *act,
              {"type": "MaxPool2D", "kernel_size": 2}, {"type": "Flatten"},
              {"type": "Dense", "units": 5}]
    model = _with_biases(build_model({"name": "t", "input_shape": [1, 20, 20],
                                      "layers": layers}, seed=10, dtype=np.float64))
    step = inference.compile_plan(model, (1, 1, 20, 20)).steps[0]
    assert isinstance(step, PhaseConvStep) and step.z.shape[0] == 4 + len(act)
    for n in (1, 2):
        x = _images(model, n, seed=n)
        np.testing.assert_allclose(model.predict_proba(x), softmax(_reference(model, x)),
                                   atol=1e-12)


@pytest.mark.parametrize("n", [1, 2, inference.CHUNK + 1])
def test_weights_edited_in_place_are_used_by_the_next_call(n):
    """Training, a filter swap or a timeline step writes into the parameter arrays: the
    plans cached from an earlier call must compute with the new values."""
    model = build_model("lenet5", seed=5, dtype=np.float64)  # float64: tight tolerances
    x = _images(model, n)
    before = model.predict_proba(x)
    rng = np.random.default_rng(6)
    for value in model.parameters().values():
        value[...] = rng.normal(0, 0.3, value.shape)
    after = model.predict_proba(x)
    assert np.abs(after - before).max() > 1e-2
    np.testing.assert_allclose(after, softmax(_reference(model, x)), atol=1e-12)
    model.parameters()["conv2.bias"][...] += 1.0  # one array alone, too
    np.testing.assert_allclose(model.predict_proba(x), softmax(_reference(model, x)),
                               atol=1e-12)


@pytest.mark.parametrize("n", [1, 3])
def test_flipped_kernels_edited_in_place_are_used_by_the_next_call(n):
    """Both conv steps copy the layer's (flipped) kernels into their weight matrix on every
    call: a true convolution's weights written in place must show in the next prediction."""
    model = build_model({"name": "t", "input_shape": [1, 12, 12],
                         "layers": _CUSTOM["pad1_flip"]}, seed=8, dtype=np.float64)
    x = _images(model, n)
    model.predict_proba(x)  # the plans are compiled
    rng = np.random.default_rng(9)
    for key, value in model.parameters().items():
        if key.startswith("conv"):
            value[...] = rng.normal(0, 0.5, value.shape)
    np.testing.assert_allclose(model.predict_proba(x), softmax(_reference(model, x)),
                               atol=1e-12)


def test_results_are_fresh_arrays():
    model = build_model("lenet5")
    a, b = _images(model, 1, seed=1), _images(model, 1, seed=2)
    first = model.predict_proba(a)
    kept = first.copy()
    model.predict_proba(b)
    np.testing.assert_array_equal(first, kept)
    for n in (1, 4, inference.CHUNK + 2):
        first_pred = model.predict(_images(model, n, seed=3))
        kept = first_pred.copy()
        model.predict(_images(model, n, seed=4))
        np.testing.assert_array_equal(first_pred, kept)


def test_threads_do_not_share_scratch_memory():
    """Two threads predicting different images on one model at once get their own answers."""
    model = build_model("lenet5", seed=7)
    inputs = [_images(model, 1, seed=10), _images(model, 1, seed=11)]
    expected = [softmax(_reference(model, x)) for x in inputs]
    errors, plans = [], []
    start = threading.Barrier(2)

    def run(k):
        start.wait()
        for _ in range(300):
            got = model.predict_proba(inputs[k])
            if not np.allclose(got, expected[k], atol=2e-6):
                errors.append(k)
                return
        plans.append(id(inference._plans(model)))

    threads = [threading.Thread(target=run, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(set(plans)) == 2


class _Double(Layer):
    """A layer type the inference module has no step for."""

    type_name = "Double"

    def forward(self, x, training=False):
        return x * 2


def test_a_model_with_an_unknown_layer_uses_its_forward():
    base = build_model({"name": "t", "input_shape": [1, 6, 6],
                        "layers": [{"type": "Flatten"}, {"type": "Dense", "units": 3}]})
    model = Model({"name": "t", "input_shape": [1, 6, 6], "layers": []},
                  [*base.layers, _Double("double")])
    x = _images(model, 2)
    np.testing.assert_allclose(model.predict_proba(x), softmax(model.forward(x) * 1.0),
                               atol=1e-7)
    np.testing.assert_array_equal(model.predict(x), model.forward(x).argmax(axis=1))
    assert inference._plans(model).get("unsupported")


def test_inputs_are_checked_and_converted_as_before():
    model = build_model("lenet5")
    x = _images(model, 2)
    ref = model.predict_proba(x)
    # One image takes the batch-1 plan, two the batched one: float32 sums in another order,
    # so a few units in the last place apart (which ones depends on the CPU's BLAS kernels).
    close = dict(rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(model.predict_proba(x[:, 0]), ref, **close)  # (N, H, W)
    np.testing.assert_allclose(model.predict_proba(x[0, 0])[0], ref[0], **close)  # (H, W)
    np.testing.assert_allclose(model.predict_proba(x.astype(np.float64)), ref, **close)
    pixels = (x * 255).round().astype(np.uint8)
    np.testing.assert_allclose(model.predict_proba(pixels),
                               model.predict_proba(pixels.astype(np.float32) / 255), atol=1e-6)
    bad = x.copy()
    bad[0, 0, 3, 3] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        model.predict_proba(bad)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        model.predict(x * 255)
    with pytest.raises(ValueError, match="expects images of shape"):
        model.predict_proba(x[:, :, :20])


def test_fast_false_predicts_layer_by_layer():
    model = _with_biases(build_model("lenet5"))
    x = _images(model, 2)
    model.fast = False
    np.testing.assert_array_equal(model.predict_proba(x), softmax(_reference(model, x)))
    assert x.shape not in inference._plans(model)


def test_a_model_that_has_predicted_can_still_be_deep_copied_and_pickled():
    # the plans' per-thread scratch (a threading.local) is left out of copies
    import copy
    import pickle

    model = build_model("lenet5", seed=0)
    x = np.random.default_rng(0).random((2, 1, 28, 28)).astype(np.float32)
    expected = model.predict_proba(x)
    for clone in (copy.deepcopy(model), pickle.loads(pickle.dumps(model))):
        np.testing.assert_allclose(clone.predict_proba(x), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(model.predict_proba(x), expected, rtol=1e-5, atol=1e-6)
