"""The fused fast path (explorer.engine.fused) equals running the layers one by one."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.engine import build_model, fused, fused_band
from explorer.engine.fused import ConvReluPool, FusedPlan
from explorer.engine.fused_band import BandBuffers
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("one_blas_thread")


def unfused(model):
    clone = model.copy()
    clone.fast = False
    return clone


def images(n, seed=0, dtype=np.float64):
    return np.random.default_rng(seed).random((n, 1, 28, 28)).astype(dtype)


CUSTOM = [
    # odd conv output (a floor pooling drops a row), stride 2, "same" padding, flip
    {"name": "odd", "layers": [
        {"type": "Conv2D", "filters": 3, "kernel_size": 4, "padding": 1, "flip": True},
        {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
        {"type": "Conv2D", "filters": 4, "kernel_size": 3, "stride": 2, "padding": "same"},
        {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
        {"type": "Flatten"}, {"type": "Dense", "units": 10}]},
    # three stages: later stride-1 stages with "same" padding and an odd output (dx by rows)
    {"name": "deep", "layers": [
        {"type": "Conv2D", "filters": 3, "kernel_size": 3, "padding": 1},
        {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
        {"type": "Conv2D", "filters": 4, "kernel_size": (3, 2), "padding": "same", "flip": True},
        {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
        {"type": "Conv2D", "filters": 5, "kernel_size": 3},
        {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
        {"type": "Flatten"}, {"type": "Dense", "units": 10}]},
]


@pytest.mark.parametrize("spec", ["simple_convnet", "lenet5", "mini_inception"] + CUSTOM,
                         ids=lambda s: s if isinstance(s, str) else s["name"])
def test_fused_forward_and_gradients_equal_layer_by_layer(spec):
    model = build_model(spec, seed=1, dtype=np.float64)
    assert any(isinstance(s, ConvReluPool) for s in model._fused.steps)
    for key, p in model.parameters().items():
        if key.endswith("bias"):
            p[...] = np.random.default_rng(2).standard_normal(p.shape) * 0.1
    ref = unfused(model)
    for n in (3, 1, 10, 3):  # small batches run plain, >= 8 images pool-major; buffers reused
        x = images(n, seed=n)
        labels = np.arange(n) % 10
        np.testing.assert_allclose(model.forward(x), ref.forward(x), rtol=1e-12, atol=1e-12)
        loss, grads = model.loss_and_gradients(x, labels)
        ref_loss, ref_grads = ref.loss_and_gradients(x, labels)
        assert loss == pytest.approx(ref_loss, rel=1e-12)
        assert set(grads) == set(ref_grads)
        for key in grads:
            np.testing.assert_allclose(grads[key], ref_grads[key], rtol=1e-10, atol=1e-12,
                                       err_msg=key)


def test_chunked_first_layer_equals_layer_by_layer():
    """Batches big enough for the chunked im2col/GEMM path of few-channel convolutions."""
    for name, n in (("lenet5", 22), ("simple_convnet", 30)):
        model = build_model(name, seed=4, dtype=np.float64)
        model._fused.steps[0].banded = False  # LeNet's first stage is banded at batch >= 8
        ref = unfused(model)
        x = images(n, seed=5)
        labels = np.arange(n) % 10
        _, grads = model.loss_and_gradients(x, labels)
        stage = model._fused.steps[0]
        assert stage._buffers and all(b.chunks for b in stage._buffers.values())
        _, ref_grads = ref.loss_and_gradients(x, labels)
        np.testing.assert_allclose(model.forward(x), ref.forward(x), rtol=1e-12, atol=1e-12)
        for key in grads:
            np.testing.assert_allclose(grads[key], ref_grads[key], rtol=1e-10, atol=1e-12,
                                       err_msg=key)


@pytest.mark.parametrize("spec", ["lenet5"] + CUSTOM,
                         ids=lambda s: s if isinstance(s, str) else s["name"])
def test_chunked_path_in_every_stage_and_layout(spec, monkeypatch):
    """With the chunking threshold lowered, every stage (pool-major first, plain later) chunks."""
    monkeypatch.setattr(fused, "CHUNK_MIN_COLUMNS", 32)
    monkeypatch.setattr(fused, "CHUNK_MAX_CKK", 200)
    model = build_model(spec, seed=6, dtype=np.float64)
    ref = unfused(model)
    x = images(3, seed=7)
    labels = np.array([1, 5, 7])
    _, grads = model.loss_and_gradients(x, labels)
    stages = [s for s in model._fused.steps if isinstance(s, ConvReluPool)]
    assert len(stages) >= 2 and stages[0].pool_major
    assert not any(st.pool_major for st in stages[1:])
    assert all(b.chunks for s in stages for b in s._buffers.values())
    _, ref_grads = ref.loss_and_gradients(x, labels)
    for key in grads:
        np.testing.assert_allclose(grads[key], ref_grads[key], rtol=1e-10, atol=1e-12,
                                   err_msg=key)
    np.testing.assert_allclose(model.forward(x), ref.forward(x), rtol=1e-12, atol=1e-12)


def test_pool_major_stage_input_gradient():
    """Pool-major is only chosen for the first stage, but its col2im path must be right too."""
    model = build_model("lenet5", seed=8, dtype=np.float64)
    model._fused.steps[1].pool_major = True
    model._fused.steps[1].banded = False
    ref = unfused(model)
    x = images(10, seed=2)
    labels = np.arange(10)
    _, grads = model.loss_and_gradients(x, labels)
    assert all(b.dz4 is None for b in model._fused.steps[1]._buffers.values())
    _, ref_grads = ref.loss_and_gradients(x, labels)
    for key in grads:
        np.testing.assert_allclose(grads[key], ref_grads[key], rtol=1e-10, atol=1e-12,
                                   err_msg=key)


BANDED = [
    # 3 channels, 7 filters, 3x4 kernel, padding (1, 2), flip: odd 29x30 output (B = 2 fits)
    {"name": "odd_band", "input_shape": [3, 28, 27], "layers": [
        {"type": "Conv2D", "filters": 7, "kernel_size": (3, 4), "padding": (1, 2), "flip": True},
        {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
        {"type": "Flatten"}, {"type": "Dense", "units": 10}]},
    # "same" padding, 5x5 kernel, 9x11 output: pooled width 5 (B = 4 does not divide 10)
    {"name": "narrow", "input_shape": [1, 9, 11], "layers": [
        {"type": "Conv2D", "filters": 2, "kernel_size": 5, "padding": "same"},
        {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
        {"type": "Conv2D", "filters": 3, "kernel_size": 2},
        {"type": "ReLU"}, {"type": "MaxPool2D", "kernel_size": 2},
        {"type": "Flatten"}, {"type": "Dense", "units": 10}]},
]


@pytest.mark.parametrize("block", [2, 4])
@pytest.mark.parametrize("spec", ["lenet5"] + BANDED,
                         ids=lambda s: s if isinstance(s, str) else s["name"])
def test_banded_first_stage_equals_layer_by_layer(spec, block, monkeypatch):
    """The banded first stage (batches >= 8): logits, every gradient, and its input gradient
    (which a model never asks of its first stage, but the stage computes on request)."""
    monkeypatch.setattr(fused_band, "BLOCK", block)
    model = build_model(spec, seed=9, dtype=np.float64)
    for key, p in model.parameters().items():
        if key.endswith("bias"):
            p[...] = np.random.default_rng(3).standard_normal(p.shape) * 0.1
    ref = unfused(model)
    rng = np.random.default_rng(block)
    for n in (9, 12, 9):  # buffers made per batch size and reused
        x = rng.random((n, *model.input_shape))
        labels = np.arange(n) % 10
        np.testing.assert_allclose(model.forward(x), ref.forward(x), rtol=1e-12, atol=1e-12)
        _, grads = model.loss_and_gradients(x, labels)
        buffers = model._fused.steps[0]._buffers
        assert all(isinstance(b, BandBuffers) for b in buffers.values())
        _, ref_grads = ref.loss_and_gradients(x, labels)
        for key in grads:
            np.testing.assert_allclose(grads[key], ref_grads[key], rtol=1e-10, atol=1e-12,
                                       err_msg=key)
        # dx of the stage against the layers' own backward (same upstream gradient)
        stage = model._fused.steps[0]
        out = stage.forward(x, for_backward=True)
        dout = rng.standard_normal(out.shape)
        dx = stage.backward(dout, need_input_grad=True)
        h = x
        for layer in stage.layers:
            h = layer.forward(h)
        d = dout
        for layer in reversed(stage.layers):
            d = layer.backward(d)
        np.testing.assert_allclose(dx, d, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("spec", ["lenet5"] + CUSTOM,
                         ids=lambda s: s if isinstance(s, str) else s["name"])
def test_later_stages_banded_from_min_batch_dx(spec):
    """From MIN_BATCH_DX images on, later stride-1 stages are banded too (their input gradient
    feeds the stage before): the whole model's gradients against the layers'."""
    model = build_model(spec, seed=5, dtype=np.float64)
    ref = unfused(model)
    n = fused_band.MIN_BATCH_DX
    x = images(n, seed=4)
    labels = np.arange(n) % 10
    _, grads = model.loss_and_gradients(x, labels)
    stages = [s for s in model._fused.steps if isinstance(s, ConvReluPool)]
    kinds = [type(b) for s in stages for b in s._buffers.values()]
    strides = [s.conv.stride for s in stages]
    assert kinds == [BandBuffers if st == (1, 1) else fused._StageBuffers for st in strides]
    _, ref_grads = ref.loss_and_gradients(x, labels)
    for key in grads:
        np.testing.assert_allclose(grads[key], ref_grads[key], rtol=1e-10, atol=1e-12,
                                   err_msg=key)


def test_banded_only_for_few_filters_and_batches():
    """SimpleConvNet's 30 filters make a good im2col product: it stays pool-major; one image
    runs in the plain order; LeNet-5's 6 filters at batch 8 are banded; its conv2 stage from
    batch 16 on."""
    for name, n, kinds in (("simple_convnet", 8, ["pool-major"]), ("lenet5", 7, ["plain"] * 2),
                           ("lenet5", 8, ["banded", "plain"]),
                           ("lenet5", 15, ["banded", "plain"]),
                           ("lenet5", 16, ["banded", "banded"])):
        model = build_model(name)
        model.loss_and_gradients(images(n, dtype=np.float32), np.arange(n) % 10)
        got = []
        for stage in model._fused.steps[: len(kinds)]:
            (b,) = stage._buffers.values()
            got.append("banded" if b.banded else ("plain" if b.dz4 is not None else "pool-major"))
        assert got == kinds, (name, n)


def test_ties_route_the_gradient_like_the_layers():
    """Equal pre-pool values from different patches: the first cell (row-major) must win."""
    model = build_model("lenet5", seed=3, dtype=np.float64)
    model.parameters()["conv1.weight"][...] = 1.0  # patch sums: integer images tie a lot
    model.parameters()["conv1.bias"][...] = 0.5
    ref = unfused(model)
    for n in (2, 9):  # plain and pool-major column orders
        _check_ties(model, ref, n)


def _check_ties(model, ref, n):
    x = np.round(images(n) * 2)
    labels = np.arange(n)
    _, grads = model.loss_and_gradients(x, labels)
    _, ref_grads = ref.loss_and_gradients(x, labels)
    for key in grads:
        np.testing.assert_allclose(grads[key], ref_grads[key], rtol=1e-10, atol=1e-12,
                                   err_msg=key)


def assert_close_to_float32_rounding(actual, desired, ulps, err_msg=""):
    """``actual`` equals ``desired`` up to ``ulps`` float32 units in the last place of the
    array's own scale (its largest magnitude): two GEMMs of different shapes may sum in
    another order, and BLAS does not promise the same bits across shapes or CPUs."""
    scale = float(np.abs(desired).max())
    tol = ulps * float(np.spacing(np.float32(scale)))
    np.testing.assert_allclose(actual, desired, rtol=0, atol=tol, err_msg=err_msg)


@pytest.mark.parametrize("name", ["simple_convnet", "lenet5", "mini_inception"])
def test_float32_fused_forward_and_gradients_agree_to_rounding(name):
    """What docs/ARCHITECTURE.md promises: the fused forward pass equals the layer-by-layer
    one to float32 rounding (a few units in the last place of the logits' scale; not the same
    bits: on an AMD EPYC with NumPy's OpenBLAS they differ by 3e-7); its gradients sum in
    another order, so they differ by rounding too (~1e-7 of the largest gradient, 1e-6 at
    most measured), never more."""
    model = build_model(name, seed=1)
    ref = unfused(model)
    for n in (1, 3, 10, 64):
        x = images(n, seed=n, dtype=np.float32)
        labels = np.arange(n) % 10
        assert_close_to_float32_rounding(model.forward(x), ref.forward(x), ulps=16,
                                         err_msg=f"logits, batch {n}")
        loss, grads = model.loss_and_gradients(x, labels)
        ref_loss, ref_grads = ref.loss_and_gradients(x, labels)
        assert loss == pytest.approx(ref_loss, rel=1e-5)
        for key in grads:
            scale = float(np.abs(ref_grads[key]).max())
            np.testing.assert_allclose(grads[key], ref_grads[key], rtol=1e-5,
                                       atol=1e-5 * scale, err_msg=f"{key}, batch {n}")


def test_the_rounding_check_fails_on_a_real_difference():
    a = np.array([1.0, -2.0, 0.5], dtype=np.float32)
    assert_close_to_float32_rounding(a + np.float32(2e-7), a, ulps=16)
    with pytest.raises(AssertionError):
        assert_close_to_float32_rounding(a + np.float32(1e-4), a, ulps=16)


def test_float32_fused_is_close_to_float64_and_returns_fresh_arrays():
    m32 = build_model("simple_convnet", seed=0)
    m64 = build_model("simple_convnet", seed=0, dtype=np.float64)
    x = images(4)
    p32 = m32.predict_proba(x.astype(np.float32))
    assert p32.dtype == np.float32
    np.testing.assert_allclose(p32, m64.predict_proba(x), atol=1e-5)
    kept = p32.copy()
    m32.predict_proba(images(4, seed=9).astype(np.float32))
    np.testing.assert_array_equal(p32, kept)


def test_models_without_a_fusable_triple_run_layer_by_layer():
    assert build_model("lenet5_classic")._fused is None
    same_pool = [{"type": "Conv2D", "filters": 2, "kernel_size": 3}, {"type": "ReLU"},
                 {"type": "MaxPool2D", "kernel_size": 2, "padding": "same"},
                 {"type": "Flatten"}, {"type": "Dense", "units": 10}]
    assert build_model(same_pool)._fused is None  # "same" pads odd-sized maps: never fused
    same_pool[2]["padding"] = "valid"
    assert build_model(same_pool)._fused is not None
    assert "ConvReluPool(conv1, relu1, pool1)" in repr(FusedPlan(build_model("lenet5").layers))
