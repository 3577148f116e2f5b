"""WeightTimeline: per-epoch snapshots under a memory cap, and models rebuilt from them."""

import numpy as np
import pytest

from explorer.engine import build_model
from explorer.engine.timeline import WeightTimeline


def _snapshot_bytes(model):
    return sum(a.nbytes for a in model.parameters().values()) + sum(
        a.nbytes for a in model.buffers().values()
    )


def _mark(model, value):
    """Set every parameter to ``value`` (so a snapshot says which epoch it came from)."""
    for p in model.parameters().values():
        p[...] = value


def test_snapshots_are_copies_and_model_at_restores_them():
    model = build_model("lenet5", seed=0)
    timeline = WeightTimeline(max_bytes=10 * _snapshot_bytes(model))
    first = {k: v.copy() for k, v in model.parameters().items()}
    timeline.add(model, epoch=0, accuracy=0.1)
    _mark(model, 0.5)  # later training must not change the stored snapshot
    timeline.add(model, epoch=1, accuracy=0.9, loss=0.3)
    assert len(timeline) == 2
    assert timeline.labels == [{"epoch": 0, "accuracy": 0.1},
                               {"epoch": 1, "accuracy": 0.9, "loss": 0.3}]
    old = timeline.model_at(0, model)
    for k, v in old.parameters().items():
        np.testing.assert_array_equal(v, first[k])
    assert old.metadata["timeline"] == {"epoch": 0, "accuracy": 0.1}
    assert np.all(model.parameters()["conv1.weight"] == 0.5)  # the template is untouched
    x = np.random.default_rng(0).random((2, 1, 28, 28)).astype(np.float32)
    np.testing.assert_allclose(old.forward(x), build_model("lenet5", seed=0).forward(x),
                               rtol=1e-6, atol=1e-6)


def test_buffers_are_kept():
    spec = [{"type": "Conv2D", "filters": 2, "kernel_size": 3}, {"type": "BatchNorm2D"},
            {"type": "Flatten"}, {"type": "Dense", "units": 10}]
    model = build_model(spec, seed=0)
    model.buffers()["bn1.running_mean"][...] = 3.0
    timeline = WeightTimeline(max_bytes=1 << 20)
    timeline.add(model, epoch=0)
    model.buffers()["bn1.running_mean"][...] = 0.0
    restored = timeline.model_at(-1, model)
    np.testing.assert_array_equal(restored.buffers()["bn1.running_mean"], 3.0)


def test_cap_drops_evenly_spaced_middle_snapshots_and_keeps_first_and_last():
    model = build_model("simple_convnet", seed=0)
    size = _snapshot_bytes(model)
    timeline = WeightTimeline(max_bytes=5 * size)  # room for 5
    dropped = []
    for epoch in range(17):
        _mark(model, float(epoch))
        dropped.append(timeline.add(model, epoch=epoch, accuracy=epoch / 20))
    assert len(timeline) == 5
    assert timeline.nbytes <= timeline.max_bytes
    assert timeline.dropped == 12 == sum(dropped)
    epochs = [label["epoch"] for label in timeline.labels]
    assert epochs[0] == 0 and epochs[-1] == 16
    assert epochs == [0, 4, 8, 12, 16]  # evenly spread over the run
    for i, epoch in enumerate(epochs):  # each kept snapshot still holds its own weights
        assert np.all(timeline.model_at(i, model).parameters()["fc1.weight"] == epoch)


def test_gaps_stay_even_while_training_goes_on():
    model = build_model("simple_convnet", seed=0)
    timeline = WeightTimeline(max_bytes=8 * _snapshot_bytes(model))
    for epoch in range(100):
        timeline.add(model, epoch=epoch)
    epochs = [label["epoch"] for label in timeline.labels]
    assert 4 <= len(epochs) <= 8 and epochs[0] == 0 and epochs[-1] == 99
    gaps = np.diff(epochs)
    assert len(set(gaps[:-1])) == 1 and gaps[-1] <= gaps[0], epochs  # even, newest at the end
    assert timeline.nbytes <= timeline.max_bytes


def test_bad_arguments_raise_value_error():
    model = build_model("lenet5", seed=0)
    for bad in (0, -1, 1.5, True, None):
        with pytest.raises(ValueError, match="max_bytes"):
            WeightTimeline(max_bytes=bad)
    small = WeightTimeline(max_bytes=_snapshot_bytes(model))  # one fits, two do not
    with pytest.raises(ValueError, match="cannot hold two"):
        small.add(model, epoch=0)
    assert len(small) == 0
    timeline = WeightTimeline(max_bytes=1 << 22)
    timeline.add(model, epoch=0)
    with pytest.raises(ValueError, match="another architecture"):
        timeline.add(build_model("simple_convnet"), epoch=1)
    with pytest.raises(ValueError, match="does not match"):
        timeline.model_at(0, build_model("simple_convnet"))
    for bad in (1, -2, 0.0, "0"):
        with pytest.raises(ValueError, match="snapshot index"):
            timeline.model_at(bad, model)
    timeline.clear()
    assert len(timeline) == 0 and timeline.dropped == 0
    timeline.add(build_model("simple_convnet"), epoch=0)  # another architecture after clear()


def test_relabel_changes_one_label_and_checks_the_index():
    model = build_model("lenet5", seed=0)
    timeline = WeightTimeline(max_bytes=1 << 20)
    timeline.add(model, epoch=0)
    timeline.add(model, epoch=1)
    timeline.relabel(-1, accuracy=0.5)
    assert timeline.labels == [{"epoch": 0, "accuracy": None}, {"epoch": 1, "accuracy": 0.5}]
    with pytest.raises(ValueError, match="snapshot index"):
        timeline.relabel(2, accuracy=0.1)
