"""Models: architectures by name, gradients by finite differences, determinism, API."""

from __future__ import annotations

import json

import numpy as np
import pytest

from explorer.engine import Model, build_model, describe_model, list_models
from explorer.engine import layers as L
from tests.engine.gradcheck import check_model
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("one_blas_thread")

NAMES = ["simple_convnet", "lenet5", "lenet5_classic", "mini_alexnet", "mini_inception"]
#: Architectures for 3x32x32 colour images (tests/engine/test_colour_models.py).
COLOUR_NAMES = ["tiny_vgg", "lenet5_colour"]


def images(n=2, seed=3):
    return np.random.default_rng(seed).random((n, 1, 28, 28))


def test_list_and_describe_models():
    assert list_models() == NAMES + COLOUR_NAMES
    for name in NAMES:
        text = describe_model(name)
        assert isinstance(text, str) and 20 < len(text) < 200 and "\n" not in text
    with pytest.raises(ValueError, match="unknown model 'vgg'.*lenet5"):
        describe_model("vgg")
    with pytest.raises(ValueError, match="unknown model 'vgg'"):
        build_model("vgg")


@pytest.mark.parametrize("name", NAMES)
def test_every_architecture_gradient_matches_finite_differences(name):
    model = build_model(name, seed=1, dtype=np.float64)
    for key, p in model.parameters().items():  # nonzero biases: every unit's gradient is tested
        if key.endswith("bias") or key.endswith("beta"):
            p[...] = np.random.default_rng(len(key)).standard_normal(p.shape) * 0.05

    def fixed_dropout():
        model.rng = np.random.default_rng(7)

    check_model(model, images(2), np.array([3, 7]), np.random.default_rng(0), k=4,
                before_forward=fixed_dropout)


def test_batchnorm_custom_model_gradient_in_training_mode():
    spec = [
        {"type": "Conv2D", "filters": 3, "kernel_size": 5, "stride": 2},
        {"type": "BatchNorm2D"},
        {"type": "LeakyReLU", "alpha": 0.1},
        {"type": "AvgPool2D", "kernel_size": 2},
        {"type": "Flatten"},
        {"type": "Dense", "units": 10},
    ]
    model = build_model(spec, seed=2, dtype=np.float64)
    assert [l.name for l in model.layers] == ["conv1", "bn1", "lrelu1", "pool1", "flatten1", "fc1"]
    check_model(model, images(3), np.array([1, 2, 3]), np.random.default_rng(0), k=5)
    assert set(model.buffers()) == {"bn1.running_mean", "bn1.running_var"}


@pytest.mark.parametrize("name", NAMES)
def test_architectures_shapes_probabilities_and_summary(name):
    model = build_model(name)
    assert isinstance(model, Model) and model.input_shape == (1, 28, 28)
    probs = model.predict_proba(images(3))
    assert probs.shape == (3, 10) and probs.dtype == np.float32
    np.testing.assert_allclose(probs.sum(axis=1), 1, rtol=1e-5)
    assert model.predict(images(3)).shape == (3,)
    rows = model.summary()
    assert [r["name"] for r in rows] == [l.name for l in model.layers]
    assert rows[-1]["output_shape"] == (10,)
    assert sum(r["n_params"] for r in rows) == model.n_params
    trace = model.trace(images(2))
    assert [t[0] for t in trace] == [r["name"] for r in rows]
    for (_, out), row in zip(trace, rows):
        assert out.shape == (2,) + row["output_shape"]
    json.dumps(model.spec)
    assert name in repr(model)


def test_textbook_architectures_have_the_books_shapes():
    simple = build_model("simple_convnet")
    assert [l.name for l in simple.layers] == ["conv1", "relu1", "pool1", "flatten", "fc1",
                                               "relu2", "fc2"]
    assert simple.n_params == 30 * 25 + 30 + 4320 * 100 + 100 + 100 * 10 + 10
    shapes = {k: v.shape for k, v in build_model("lenet5").parameters().items()}
    assert shapes["conv1.weight"] == (6, 1, 5, 5) and shapes["conv2.weight"] == (16, 6, 5, 5)
    assert shapes["fc1.weight"] == (400, 120) and shapes["fc3.weight"] == (84, 10)
    classic = build_model("lenet5_classic")
    assert {type(l) for l in classic.layers} >= {L.Tanh, L.AvgPool2D}
    alex = build_model("mini_alexnet")
    assert {type(l) for l in alex.layers} >= {L.LocalResponseNorm, L.Dropout, L.ReLU}
    inc = build_model("mini_inception")
    assert "inception1.b2_3x3.weight" in inc.parameters()
    assert "inception1.b3_reduce.weight" in inc.parameters()


def test_trace_returns_copies_and_forward_returns_fresh_arrays():
    model = build_model("lenet5")
    x = images(1)
    trace = model.trace(x)
    trace[0][1][...] = 0
    assert np.any(model.trace(x)[0][1] != 0)
    first = model.forward(x)
    kept = first.copy()
    model.forward(images(1, seed=9))
    np.testing.assert_array_equal(first, kept)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_model_other_seed_other_model(name):
    a, b, c = build_model(name, seed=4), build_model(name, seed=4), build_model(name, seed=5)
    for key in a.parameters():
        np.testing.assert_array_equal(a.parameters()[key], b.parameters()[key])
    assert any(not np.array_equal(a.parameters()[k], c.parameters()[k])
               for k in a.parameters() if k.endswith("weight"))
    la, ga = a.loss_and_gradients(images(2), [1, 2])
    lb, gb = b.loss_and_gradients(images(2), [1, 2])
    assert la == lb and all(np.array_equal(ga[k], gb[k]) for k in ga)


def test_float64_models_work_and_agree_with_float32():
    m64 = build_model("lenet5", seed=0, dtype=np.float64)
    m32 = build_model("lenet5", seed=0)
    assert all(p.dtype == np.float64 for p in m64.parameters().values())
    p64, p32 = m64.predict_proba(images(2)), m32.predict_proba(images(2))
    assert p64.dtype == np.float64
    np.testing.assert_allclose(p32, p64, atol=1e-5)
    loss, grads = m64.loss_and_gradients(images(2), np.array([0, 1]))
    assert all(g.dtype == np.float64 for g in grads.values())


def test_parameter_edits_change_the_models_output():
    model = build_model("simple_convnet")
    x = images(1)
    before = model.predict_proba(x)
    model.parameters()["fc2.bias"][3] += 5.0
    after = model.predict_proba(x)
    assert after[0, 3] > before[0, 3] + 0.5
    model.parameters()["conv1.weight"][...] = 0
    assert np.all(model.trace(x)[0][1] == model.parameters()["conv1.bias"][None, :, None, None])


def test_gradients_have_the_parameters_keys_and_shapes():
    model = build_model("mini_inception")
    loss, grads = model.loss_and_gradients(images(2), np.array([0, 9]))
    assert np.isfinite(loss)
    params = model.parameters()
    assert set(grads) == set(params)
    assert all(grads[k].shape == params[k].shape for k in params)


def test_initialisers_have_the_documented_scale():
    def std_of(model, key):
        return float(model.parameters()[key].std())

    normal = build_model("lenet5", init="normal", weight_init_std=0.05)
    assert std_of(normal, "fc1.weight") == pytest.approx(0.05, rel=0.05)
    he = build_model("lenet5", init="he")
    assert std_of(he, "fc1.weight") == pytest.approx(np.sqrt(2 / 400), rel=0.05)
    xavier = build_model("lenet5", init="xavier")
    assert std_of(xavier, "fc1.weight") == pytest.approx(np.sqrt(1 / 400), rel=0.05)
    assert std_of(build_model("simple_convnet"), "fc1.weight") == pytest.approx(0.01, rel=0.05)
    assert np.all(he.parameters()["fc1.bias"] == 0)
    with pytest.raises(ValueError, match="unknown weight initialisation"):
        build_model("lenet5", init="uniform")


def test_dropout_override_and_train_vs_inference():
    model = build_model("mini_alexnet", dropout=0.25)
    rates = [l.rate for l in model.layers if isinstance(l, L.Dropout)]
    assert rates == [0.25, 0.25]
    x = images(2)
    np.testing.assert_array_equal(model.forward(x), model.forward(x))
    assert not np.array_equal(model.forward(x, training=True), model.forward(x, training=True))


def test_custom_spec_dict_and_bad_specs():
    spec = {"name": "tiny", "layers": [
        {"type": "Conv2D", "name": "c", "filters": 2, "kernel_size": 3, "stride": 3},
        {"type": "ReLU"}, {"type": "Flatten"}, {"type": "Dense", "units": 10}]}
    model = build_model(spec)
    assert model.name == "tiny" and model.predict_proba(images(1)).shape == (1, 10)
    assert build_model(model.spec).spec == model.spec
    with pytest.raises(ValueError, match="unknown layer type"):
        build_model([{"type": "Conv9D"}])
    with pytest.raises(ValueError, match="must output class scores"):
        build_model([{"type": "Conv2D", "filters": 2, "kernel_size": 3}])
    with pytest.raises(ValueError, match="cannot take input of shape"):
        build_model([{"type": "Conv2D", "filters": 2, "kernel_size": 40}, {"type": "Flatten"},
                     {"type": "Dense", "units": 10}])
    with pytest.raises(ValueError, match="repeated"):
        build_model([{"type": "Flatten", "name": "a"}, {"type": "Dense", "units": 10, "name": "a"}])


def test_build_model_rejects_bad_seed_std_and_dropout_with_the_values():
    for seed in (None, -1, 1.5, "0", True):
        with pytest.raises(ValueError, match=rf"seed must be a non-negative integer.*{seed!r}"):
            build_model("lenet5", seed=seed)
    assert build_model("lenet5", seed=np.int64(3)).n_params == build_model("lenet5").n_params
    for std in (0, -0.01, float("nan"), float("inf"), "big"):
        with pytest.raises(ValueError, match=rf"weight_init_std must be a positive.*{std!r}"):
            build_model("simple_convnet", weight_init_std=std)
    with pytest.raises(ValueError, match=r"weight_init_std=0.05 only applies to init 'normal'"
                                         r"; lenet5 uses init 'he'"):
        build_model("lenet5", weight_init_std=0.05)
    with pytest.raises(ValueError, match="simple_convnet uses init 'xavier'"):
        build_model("simple_convnet", init="xavier", weight_init_std=0.05)
    assert build_model("simple_convnet", init="he").spec["init"] == "he"  # spec's std unused
    for name in ("simple_convnet", "lenet5", "lenet5_classic", "mini_inception"):
        with pytest.raises(ValueError, match=rf"dropout=0.3 was given but {name} has no Dropout"):
            build_model(name, dropout=0.3)
    with pytest.raises(ValueError, match=r"dropout must be in \[0, 1\), got 1.5"):
        build_model("mini_alexnet", dropout=1.5)


def test_input_shapes_accepted_and_rejected():
    model = build_model("lenet5")
    one = images(1)[0, 0]
    np.testing.assert_allclose(model.predict_proba(one), model.predict_proba(one[None, None]))
    assert model.predict_proba(np.zeros((4, 28, 28), dtype=np.uint8)).shape == (4, 10)
    with pytest.raises(ValueError, match=r"expects images of shape \(N, 1, 28, 28\)"):
        model.predict_proba(np.zeros((1, 1, 32, 32)))
    with pytest.raises(ValueError, match="empty batch"):
        model.predict_proba(np.zeros((0, 1, 28, 28)))
    bad = images(2)
    bad[1, 0, 3, 4] = np.nan
    with pytest.raises(ValueError, match="NaN or infinite"):
        model.loss_and_gradients(bad, np.array([1, 2]))


def test_integer_images_are_scaled_and_out_of_range_floats_rejected():
    model = build_model("lenet5", seed=2)
    ink = (images(3) * 255).round().astype(np.uint8)
    as_float = ink.astype(np.float32) / np.float32(255)
    for fn in (model.predict_proba, model.predict):
        np.testing.assert_allclose(fn(ink), fn(as_float), rtol=1e-6, atol=1e-7)
        np.testing.assert_allclose(fn(ink.astype(np.int64)), fn(as_float), rtol=1e-6, atol=1e-7)
    for (name_a, a), (_, b) in zip(model.trace(ink), model.trace(as_float)):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6, err_msg=name_a)
    assert model.predict_proba(images(1) * (1 + 5e-4)).shape == (1, 10)  # rounding tolerance
    for fn in (model.predict_proba, model.predict, model.trace):
        with pytest.raises(ValueError, match=r"in \[0, 1\], got values from 0 to 255"):
            fn(ink.astype(np.float32) * (255 / ink.max()))
        with pytest.raises(ValueError, match="from -0.49"):
            fn(images(1) - 0.5)
        with pytest.raises(ValueError, match="NaN or infinite"):
            fn(np.full((1, 1, 28, 28), np.inf))


def test_copy_continues_the_same_dropout_masks():
    model = build_model("mini_alexnet", seed=3)
    model.forward(images(2), training=True)  # advance the generator
    clone = model.copy()
    x = images(2)
    np.testing.assert_array_equal(clone.forward(x, training=True), model.forward(x, training=True))


def test_copy_is_deep():
    model = build_model("mini_inception")
    model.metadata["accuracy"] = 0.5
    clone = model.copy()
    assert clone.spec == model.spec and clone.metadata == {"accuracy": 0.5}
    x = images(1)
    np.testing.assert_array_equal(clone.forward(x), model.forward(x))
    clone.parameters()["fc2.bias"][:] += 1
    clone.metadata["accuracy"] = 0.9
    assert not np.array_equal(clone.forward(x), model.forward(x))
    assert model.metadata["accuracy"] == 0.5


def test_input_gradient_matches_finite_differences():
    from tests.engine.gradcheck import assert_grad_close, numeric_gradient

    model = build_model("lenet5", dtype=np.float64)
    x = np.ascontiguousarray(images(1))
    labels = np.array([4])
    grad = model.input_gradient(x, labels)
    idx = list(range(300, 330))
    num = numeric_gradient(lambda: model.loss(x, labels), x, indices=idx)
    assert_grad_close(grad, num, "input gradient", indices=idx)


def torch_twin(model, torch):
    """The same network in torch (float64, our weights) for an independent check."""
    nn = torch.nn
    mods = []
    for layer in model.layers:
        kind = layer.type_name
        if kind == "Conv2D":
            mod = nn.Conv2d(layer.in_channels, layer.filters, layer.kernel_size,
                            stride=layer.stride, padding=layer.padding).double()
            mod.weight.data = torch.from_numpy(layer.params["weight"].copy())
            mod.bias.data = torch.from_numpy(layer.params["bias"].copy())
        elif kind == "Dense":
            mod = nn.Linear(layer.in_features, layer.units).double()
            mod.weight.data = torch.from_numpy(layer.params["weight"].T.copy())
            mod.bias.data = torch.from_numpy(layer.params["bias"].copy())
        elif kind in ("MaxPool2D", "AvgPool2D"):
            cls = nn.MaxPool2d if kind == "MaxPool2D" else nn.AvgPool2d
            mod = cls(layer.kernel_size, layer.stride, padding=layer.padding)
        elif kind == "LocalResponseNorm":
            mod = nn.LocalResponseNorm(layer.size, layer.alpha, layer.beta, layer.k)
        else:
            mod = {"ReLU": nn.ReLU, "Tanh": nn.Tanh, "Flatten": nn.Flatten,
                   "Dropout": nn.Identity}[kind]()
        mods.append(mod)
    return nn.Sequential(*mods)


@pytest.mark.parametrize("name", ["simple_convnet", "lenet5", "lenet5_classic", "mini_alexnet"])
def test_loss_and_gradients_match_torch_autograd(name):
    torch = pytest.importorskip("torch")
    model = build_model(name, seed=5, dtype=np.float64,
                        dropout=0.0 if name == "mini_alexnet" else None)
    for key, p in model.parameters().items():
        if key.endswith("bias"):
            p[...] = np.random.default_rng(1).standard_normal(p.shape) * 0.1
    net = torch_twin(model, torch)
    x = images(4)
    labels = np.array([0, 3, 5, 9])
    loss, grads = model.loss_and_gradients(x, labels)
    t_loss = torch.nn.functional.cross_entropy(net(torch.from_numpy(x)), torch.from_numpy(labels))
    t_loss.backward()
    assert loss == pytest.approx(t_loss.item(), rel=1e-10)
    for layer, mod in zip(model.layers, net):
        if not layer.params:
            continue
        tw = mod.weight.grad.numpy()
        expect = tw.T if layer.type_name == "Dense" else tw  # torch's Linear is (out, in)
        np.testing.assert_allclose(grads[f"{layer.name}.weight"], expect, rtol=1e-8,
                                   atol=1e-12, err_msg=layer.name)
        np.testing.assert_allclose(grads[f"{layer.name}.bias"], mod.bias.grad.numpy(),
                                   rtol=1e-8, atol=1e-12, err_msg=layer.name)


@pytest.mark.parametrize("name", ["lenet5", "lenet5_classic"])
def test_big_inference_batches_run_in_slices_with_the_same_result(name):
    model = build_model(name, dtype=np.float64)
    x = images(11)
    whole = model.forward(x)
    model.max_batch = 4
    np.testing.assert_allclose(model.forward(x), whole, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(model.predict_proba(x).sum(axis=1), 1)
    assert model.predict(x).shape == (11,)


@pytest.mark.parametrize("fast", [True, False])
def test_loss_and_gradients_can_return_the_batchs_probabilities(fast):
    model = build_model("lenet5", seed=0)
    model.fast = fast
    x = np.random.default_rng(3).random((6, 1, 28, 28), dtype=np.float32)
    y = np.arange(6)
    loss, grads = model.loss_and_gradients(x, y, training=False)
    loss2, grads2, probs = model.loss_and_gradients(x, y, training=False, return_probs=True)
    assert loss2 == loss and grads2.keys() == grads.keys()
    np.testing.assert_allclose(probs, L.softmax(model.forward(x)), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    _, _, again = model.loss_and_gradients(x[:2], y[:2], return_probs=True)
    assert again.shape == (2, 10) and probs.shape == (6, 10)   # a new array, not overwritten
