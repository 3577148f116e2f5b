"""Receptive fields (checked by perturbing pixels), connectivity counts, shifts, update
ratios and the Inception anatomy, each against an independent computation."""

import numpy as np
import pytest

from explorer.engine import build_model
from explorer.engine.insight import (
    connectivity,
    inception_anatomy,
    pooling_shift_effect,
    receptive_field,
    shift_image,
    update_ratios,
    weight_change,
)
from explorer.engine.layers import Conv2D, Dense

PLAIN = {
    "name": "plain", "input_shape": [2, 11, 10],
    "layers": [
        {"type": "Conv2D", "name": "conv1", "filters": 3, "kernel_size": 3, "padding": 1},
        {"type": "ReLU", "name": "relu1"},
        {"type": "AvgPool2D", "name": "pool1", "kernel_size": 2},
        {"type": "Conv2D", "name": "conv2", "filters": 2, "kernel_size": 3, "stride": 2,
         "padding": "same"},
        {"type": "Tanh", "name": "tanh1"},
        {"type": "Conv2D", "name": "conv3", "filters": 2, "kernel_size": [2, 3],
         "padding": [[0, 1], [1, 0]]},
        {"type": "Flatten", "name": "flatten"},
        {"type": "Dense", "name": "fc1", "units": 3},
    ],
}

WITH_INCEPTION = {
    "name": "incep", "input_shape": [1, 12, 12],
    "layers": [
        {"type": "Conv2D", "name": "conv1", "filters": 2, "kernel_size": 3},
        {"type": "ReLU", "name": "relu1"},
        {"type": "MaxPool2D", "name": "pool1", "kernel_size": 3, "stride": 2, "padding": 1},
        {"type": "Inception", "name": "inception1", "b1": 2, "b2_reduce": 2, "b2": 3,
         "b3_reduce": 1, "b3": 2, "b4": 2},
        {"type": "LocalResponseNorm", "name": "lrn1", "size": 3},
        {"type": "Flatten", "name": "flatten"},
        {"type": "Dense", "name": "fc1", "units": 4},
    ],
}


def _positive(spec):
    """float64 model with positive weights and zero biases: on a positive image every unit is
    a strictly increasing function of every pixel it depends on (ReLUs stay open and a big
    enough increase wins every max pool), so a pixel's effect shows exactly its field."""
    model = build_model(spec, seed=0, dtype=np.float64)
    rng = np.random.default_rng(1)
    for key, value in model.parameters().items():
        value[...] = rng.uniform(0.5, 1.0, value.shape) if key.endswith("weight") else 0.0
    return model


def _brute_force_fields(model, layer_names):
    """{layer: (OH, OW, H, W) bool}: which input pixels change each output position."""
    c, h, w = model.input_shape
    base = np.full((c, h, w), 0.01)
    batch = np.repeat(base[None], h * w + 1, axis=0)
    for k in range(h * w):
        batch[k + 1, :, k // w, k % w] = 1.0  # a big push on one pixel (all channels)
    trace = dict((name, out) for name, out in model.trace(batch) if name in layer_names)
    out = {}
    for name, y in trace.items():
        moved = np.abs(y[1:] - y[:1]) > 1e-12 * (1 + np.abs(y[:1]))  # (HW, C, OH, OW)
        out[name] = moved.any(axis=1).reshape(h, w, *y.shape[2:]).transpose(2, 3, 0, 1)
    return out


@pytest.mark.parametrize("spec, layers", [
    (PLAIN, ["conv1", "relu1", "pool1", "conv2", "tanh1", "conv3"]),
    (WITH_INCEPTION, ["conv1", "pool1", "inception1", "lrn1"]),
])
def test_receptive_field_matches_perturbing_pixels(spec, layers):
    model = _positive(spec)
    fields = _brute_force_fields(model, layers)
    for name in layers:
        field = fields[name]
        for r in range(field.shape[0]):
            for c in range(field.shape[1]):
                rf = receptive_field(model, name, r, c)
                box = np.zeros(field.shape[2:], dtype=bool)
                box[rf.top : rf.bottom, rf.left : rf.right] = True
                assert np.array_equal(field[r, c], box), (name, r, c, rf)
                t, l_, b, r_ = rf.unclipped
                assert rf.size == (b - t, r_ - l_)


def test_receptive_field_sizes_and_flat_layers():
    model = build_model("mini_inception", seed=0)
    rf = receptive_field(model, "inception1", 0, 0)
    # conv 3x3 pad 1 -> pool 2 -> 5x5 pad 2 branch: 12x12, reaching 5 pixels above the image.
    assert rf.unclipped == (-5, -5, 7, 7) and rf.size == (12, 12)
    assert (rf.top, rf.left, rf.bottom, rf.right) == (0, 0, 7, 7)
    whole = receptive_field(model, "fc1", 5)
    assert whole.whole_input and (whole.bottom, whole.right) == (28, 28)
    with pytest.raises(ValueError, match=r"\(14, 0\) is outside inception1's output of 14x14"):
        receptive_field(model, "inception1", 14, 0)
    with pytest.raises(ValueError, match="no layer 'conv9'"):
        receptive_field(model, "conv9", 0, 0)
    with pytest.raises(ValueError, match="fc1 has 64 units"):
        receptive_field(model, "fc1", 64)


def test_connectivity_of_the_6x6_example():
    con = connectivity(6, 6, 3)
    assert con.input_shape == (1, 6, 6) and con.output_shape == (1, 4, 4)
    assert con.wiring.shape == (16, 9) and (con.connections == 9).all()
    assert con.wiring[5].tolist() == [7, 8, 9, 13, 14, 15, 19, 20, 21]  # output (1, 1)
    assert con.conv_weights == 10 and con.dense_weights == 36 * 16 + 16
    assert con.ratio == pytest.approx(59.2)


@pytest.mark.parametrize("h, w, k, stride, padding, c_in, c_out", [
    (6, 6, 3, 1, 0, 1, 1), (7, 5, 3, 2, 1, 2, 3), (8, 8, 5, 1, "same", 3, 4),
    (5, 6, 2, 3, "valid", 1, 2),
])
def test_connectivity_matches_loops_and_real_layers(h, w, k, stride, padding, c_in, c_out):
    con = connectivity(h, w, k, stride, padding, c_in, c_out)
    conv = Conv2D(c_out, k, stride=stride, padding=padding)
    conv.build((c_in, h, w), np.random.default_rng(0))
    assert con.conv_weights == conv.n_params
    assert con.output_shape == conv.output_shape((c_in, h, w))
    n_out = int(np.prod(con.output_shape))
    dense = Dense(n_out)
    dense.build((c_in, h, w), np.random.default_rng(0))
    assert con.dense_weights == dense.n_params
    # Slow loop: the input cells under each window.
    _, oh, ow = con.output_shape
    (top, _), (left, _) = conv._geometry(h, w)[1]
    s = stride
    for o in range(oh):
        for p in range(ow):
            expect = [(o * s - top + i) * w + (p * s - left + j)
                      if 0 <= o * s - top + i < h and 0 <= p * s - left + j < w else -1
                      for i in range(k) for j in range(k)]
            assert con.wiring[o * ow + p].tolist() == expect
    with pytest.raises(ValueError, match="kernel"):
        connectivity(h, w, 2.5)


def test_shift_image_against_a_loop():
    x = np.arange(2 * 4 * 5, dtype=float).reshape(2, 4, 5) + 1
    for dx in range(-6, 7):
        for dy in range(-5, 6):
            got = shift_image(x, dx, dy)
            expect = np.zeros_like(x)
            for r in range(4):
                for c in range(5):
                    if 0 <= r - dy < 4 and 0 <= c - dx < 5:
                        expect[:, r, c] = x[:, r - dy, c - dx]
            np.testing.assert_array_equal(got, expect)
    with pytest.raises(ValueError, match="dx must be an int"):
        shift_image(x, 0.5, 0)
    with pytest.raises(ValueError, match=r"\(\.\.\., H, W\)"):
        shift_image(np.zeros(3), 1, 0)


def test_pooling_shift_effect_by_the_pool_size_moves_the_pooled_map():
    spec = {"name": "p", "input_shape": [1, 12, 12], "layers": [
        {"type": "MaxPool2D", "name": "pool1", "kernel_size": 2},
        {"type": "Flatten"}, {"type": "Dense", "name": "fc", "units": 3}]}
    model = build_model(spec, seed=0, dtype=np.float64)
    x = np.zeros((12, 12))
    x[3:8, 4:7] = np.random.default_rng(0).random((5, 3))
    eff = pooling_shift_effect(model, x, 2, 0, "pool1")
    np.testing.assert_array_equal(eff.after[:, :, 1:], eff.before[:, :, :-1])
    assert eff.changed == int(np.count_nonzero(eff.after != eff.before))
    assert eff.cells == 36 and 0 < eff.changed < 36
    small = pooling_shift_effect(model, x, 1, 0, "pool1")
    assert small.changed == int(np.count_nonzero(np.abs(small.after - small.before) > 1e-6))
    same = pooling_shift_effect(model, x, 0, 0, "pool1")
    assert same.changed == 0 and same.prediction_before == same.prediction_after
    np.testing.assert_allclose(same.probs_before.sum(), 1.0)
    assert "cells changed" in repr(eff)
    with pytest.raises(ValueError, match="no layer 'pool9'"):
        pooling_shift_effect(model, x, 1, 0, "pool9")
    with pytest.raises(ValueError, match=r"one image of shape \(1, 12, 12\)"):
        pooling_shift_effect(model, np.zeros((3, 12, 12)), 1, 0, "pool1")


def test_update_ratios_and_weight_change():
    before = {"conv1.weight": np.full((2, 2), 2.0), "conv1.bias": np.zeros(2),
              "inc.b1_1x1.weight": np.ones(3), "inc.b2_3x3.weight": np.ones(1),
              "fc.bias": np.zeros(2)}
    after = {k: v.copy() for k, v in before.items()}
    after["conv1.weight"][0, 0] += 0.4
    after["conv1.bias"][1] = 0.3
    after["inc.b1_1x1.weight"][0] = 1.1
    per_tensor = update_ratios(before, after)
    assert per_tensor["conv1.weight"] == pytest.approx(0.4 / 4.0)
    assert per_tensor["conv1.bias"] == float("inf") and per_tensor["fc.bias"] == 0.0
    per_layer = update_ratios(before, after, per="layer")
    assert set(per_layer) == {"conv1", "inc", "fc"}
    assert per_layer["conv1"] == pytest.approx(0.5 / 4.0)
    assert per_layer["inc"] == pytest.approx(0.1 / 2.0)
    change = weight_change(before, after)
    assert change["conv1.weight"].distance == pytest.approx(0.4)
    assert change["conv1.weight"].relative == pytest.approx(0.1)
    norm = np.linalg.norm(after["conv1.weight"])
    assert change["conv1.weight"].current_norm == pytest.approx(norm)
    with pytest.raises(ValueError, match=r"only in the first: \['fc.bias'\]"):
        update_ratios(before, {k: v for k, v in after.items() if k != "fc.bias"})
    with pytest.raises(ValueError, match=r"conv1.bias has shape \(2,\)"):
        weight_change(before, {**after, "conv1.bias": np.zeros(3)})
    with pytest.raises(ValueError, match="per must be"):
        update_ratios(before, after, per="model")


def test_inception_anatomy_of_mini_inception():
    model = build_model("mini_inception", seed=0, dtype=np.float64)
    ana = inception_anatomy(model, "inception1")
    assert ana.in_channels == 16 and ana.out_channels == 40
    assert [b.channel_range for b in ana.branches] == [(0, 8), (8, 24), (24, 32), (32, 40)]
    assert ana.params == 2452 == sum(b.params for b in ana.branches)
    # Without reductions: 3x3 and 5x5 convolutions built on the 16-channel input directly.
    direct = 0
    for filters, k in ((16, 3), (8, 5)):
        conv = Conv2D(filters, k, padding=k // 2)
        conv.build((16, 14, 14), np.random.default_rng(0))
        direct += conv.n_params
    assert ana.params_without_reduction == direct + ana.branches[0].params + ana.branches[3].params
    assert ana.mults == 16 * 8 + 16 * 8 + 9 * 8 * 16 + 16 * 4 + 25 * 4 * 8 + 16 * 8
    assert ana.mults_without_reduction == 16 * 8 + 9 * 16 * 16 + 25 * 16 * 8 + 16 * 8
    assert ana.branches[1].recipe == "1x1 conv 8 -> ReLU -> 3x3 conv 16 -> ReLU"
    # The ranges are where each branch's output sits in the block's output.
    layer = model.layers[3]
    x = np.random.default_rng(0).random((1, 16, 14, 14))
    out = layer.forward(x)
    for branch, info in zip(layer.branches, ana.branches):
        y = x
        for sub in branch:
            y = sub.forward(y)
        np.testing.assert_array_equal(out[:, slice(*info.channel_range)], y)
    with pytest.raises(ValueError, match="'pool1' is not an Inception layer.*inception1"):
        inception_anatomy(model, "pool1")


def test_update_ratios_of_float32_weights_agree_with_float64():
    """The session calls update_ratios after every batch in the weights' own float32 (the
    squares summed in float64): the ratios agree with a float64 computation to a tolerance,
    and arrays of other dtypes (ints) are taken as float64."""
    rng = np.random.default_rng(7)
    before = {"fc1.weight": rng.standard_normal((400, 120)).astype(np.float32),
              "fc1.bias": rng.standard_normal(120).astype(np.float32),
              "conv1.weight": rng.standard_normal((6, 1, 5, 5)).astype(np.float32)}
    after = {k: (v + np.float32(1e-3) * rng.standard_normal(v.shape)).astype(np.float32)
             for k, v in before.items()}
    for per in ("tensor", "layer"):
        got = update_ratios(before, after, per=per)
        sums = {}
        for key, b in before.items():
            b64, a64 = b.astype(np.float64), after[key].astype(np.float64)
            acc = sums.setdefault(key if per == "tensor" else key.split(".")[0], [0.0, 0.0])
            acc[0] += float(np.sum((a64 - b64) ** 2))
            acc[1] += float(np.sum(b64 ** 2))
        assert set(got) == set(sums)
        for name, (d, b) in sums.items():
            assert got[name] == pytest.approx(np.sqrt(d / b), rel=1e-6)
    ints = update_ratios({"w.weight": np.array([3, 4])}, {"w.weight": np.array([3, 5])})
    assert ints["w.weight"] == pytest.approx(1 / 5)
