"""Model files from untrusted sources: sizes and specs are checked before anything big is read
or allocated, and every malformed file is a ValueError naming it (issue 10)."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.engine import build_model, load_model, serialize
from explorer.engine.models import planned_arrays
from explorer.engine.spec_limits import MAX_PARAMS, MAX_VALUES_PER_IMAGE


def arrays_of(model) -> dict[str, np.ndarray]:
    """What Model.save writes for ``model``, as a dict of arrays to tamper with."""
    path_arrays = {
        "__format__": np.array([serialize.FORMAT_VERSION]),
        "__spec__": np.frombuffer(json.dumps(model.spec).encode(), np.uint8),
        "__metadata__": np.frombuffer(b"{}", np.uint8),
    }
    path_arrays.update({f"param/{k}": v for k, v in model.parameters().items()})
    path_arrays.update({f"buffer/{k}": v for k, v in model.buffers().items()})
    return path_arrays


def write(path, arrays, spec=None, compressed=False):
    """An .npz of ``arrays`` with ``spec`` (any JSON value) as its ``__spec__``."""
    arrays = dict(arrays)
    if spec is not None:
        arrays["__spec__"] = np.frombuffer(json.dumps(spec).encode(), np.uint8)
    (np.savez_compressed if compressed else np.savez)(path, **arrays)
    return path


@pytest.fixture
def lenet(tmp_path):
    model = build_model("lenet5")
    return tmp_path / "m.npz", arrays_of(model), model.spec


def spy_reads(monkeypatch):
    """Record the size of every array np.lib.format.read_array returns."""
    sizes = []
    real = np.lib.format.read_array

    def spy(*args, **kwargs):
        out = real(*args, **kwargs)
        sizes.append(out.size)
        return out

    monkeypatch.setattr(np.lib.format, "read_array", spy)
    return sizes


def test_a_spec_claiming_100000_filters_is_refused_before_building(lenet, monkeypatch):
    path, arrays, spec = lenet
    spec["layers"][0]["filters"] = 100000
    sizes = spy_reads(monkeypatch)
    with pytest.raises(ValueError, match=rf"{path.name}: the architecture cannot be built: .*conv1"
                                         r".* values per image"):
        load_model(write(path, arrays, spec))
    assert max(sizes) < 10_000  # only __format__ and the spec were read


def test_a_spec_claiming_a_huge_dense_layer_is_a_value_error_not_a_memory_error(lenet):
    path, arrays, spec = lenet
    spec["layers"][-1]["units"] = 3_000_000_000
    with pytest.raises(ValueError, match=rf"{path.name}: .*more than {MAX_PARAMS:,} parameters"):
        load_model(write(path, arrays, spec))
    with pytest.raises(ValueError, match="more than 100,000,000 parameters"):
        build_model([{"type": "Flatten"}, {"type": "Dense", "units": 10**400}])
    with pytest.raises(ValueError, match="values per image"):
        build_model([{"type": "Conv2D", "filters": 100000, "kernel_size": 5},
                     {"type": "Flatten"}, {"type": "Dense", "units": 10}])


def test_an_npy_header_claiming_10_to_the_12_items_is_refused_from_its_header(tmp_path):
    path = tmp_path / "m.npz"
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f4", "fortran_order": False, "shape": (10**12,)})
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("__format__.npy", _npy(np.array([1])))
        zf.writestr("param/conv1.weight.npy", header.getvalue() + bytes(64))
    with pytest.raises(ValueError, match=r"m.npz: param/conv1.weight claims shape \(1000000000000,"
                                         r"\) of float32 \(4,000,000,000,000 bytes\) but its "
                                         r"member holds 64 bytes"):
        load_model(path)


def _npy(arr) -> bytes:
    buf = io.BytesIO()
    np.save(buf, arr)
    return buf.getvalue()


def test_a_big_deflated_array_is_refused_before_it_is_read(lenet, monkeypatch):
    path, arrays, spec = lenet
    arrays["junk"] = np.zeros(16 << 20, np.float32)  # 64 MB, deflated to ~64 KB
    write(path, arrays, compressed=True)
    assert path.stat().st_size < 2 << 20
    sizes = spy_reads(monkeypatch)
    with pytest.raises(ValueError, match="unexpected arrays junk"):
        load_model(path)
    assert max(sizes) < 10_000
    monkeypatch.setattr(serialize, "MAX_ARRAY_BYTES", 32 << 20)
    with pytest.raises(ValueError, match=r"claims more than 33,554,432 bytes of arrays"):
        load_model(path)
    assert max(sizes) < 10_000


def test_a_parameter_with_the_wrong_dtype_is_refused_from_its_header(lenet):
    path, arrays, spec = lenet
    arrays["param/fc3.bias"] = np.zeros(10, np.int32)
    with pytest.raises(ValueError, match="param/fc3.bias has dtype int32, expected floats"):
        load_model(write(path, arrays))


@pytest.mark.parametrize("change, message", [
    (lambda s: s.__setitem__("input_shape", "abc"), "'input_shape' must be"),
    (lambda s: s.__setitem__("input_shape", [1, 28.0, 28]), "'input_shape' must be"),
    (lambda s: s.__setitem__("input_shape", [1, 0, 28]), "'input_shape' must be"),
    (lambda s: s.__setitem__("input_shape", [1, 10**9, 10**9]), "'input_shape' must be"),
    (lambda s: s.__setitem__("name", 7), "'name' must be a string"),
    (lambda s: s.__setitem__("init", ["he"]), "'init' must be a string"),
    (lambda s: s["layers"][0].__setitem__("name", 5), "layer 0's 'name' must be a string"),
    (lambda s: s["layers"][0].__setitem__("type", ["Conv2D"]), "layer 0's 'type' must be a"),
    (lambda s: s["layers"][0].__setitem__("filters", -6), "filters must be a positive int"),
    (lambda s: s["layers"][0].__setitem__("filters", 0), "filters must be a positive int"),
    (lambda s: s["layers"][0].__setitem__("filters", 6.5), "filters must be a positive int"),
    (lambda s: s["layers"][0].__setitem__("kernel_size", "5"), "kernel_size must be an int"),
    (lambda s: s["layers"][0].__setitem__("kernel_size", 10**400), "cannot be built"),
    (lambda s: s["layers"][0].__setitem__("padding", 10**6), "values per image"),
    (lambda s: s["layers"][0].__setitem__("stride", [1, 2, 3]), "stride must be"),
    (lambda s: s["layers"][2].__setitem__("kernel_size", 1e300), "kernel_size must be"),
    (lambda s: s["layers"][7].__setitem__("units", "120"), "units must be a positive int"),
    (lambda s: s["layers"][7].__setitem__("in_features", [4]), "cannot be built"),
    (lambda s: s.__setitem__("layers", {"a": 1}), "non-empty list"),
    (lambda s: s.__setitem__("layers", [7]), "must be a dict with a 'type'"),
])
def test_malformed_specs_are_value_errors_naming_the_file(lenet, change, message):
    path, arrays, spec = lenet
    change(spec)
    with pytest.raises(ValueError, match=message) as info:
        load_model(write(path, arrays, spec))
    assert str(path) in str(info.value)


def test_deeply_nested_or_huge_json_is_a_value_error(lenet):
    path, arrays, spec = lenet
    arrays["__spec__"] = np.frombuffer(b"[" * 100_000 + b"]" * 100_000, np.uint8)
    with pytest.raises(ValueError, match="__spec__ is not valid JSON"):
        load_model(write(path, arrays))
    arrays["__spec__"] = np.frombuffer(b"1" * 5000, np.uint8)  # past Python's 4300 digits
    with pytest.raises(ValueError, match="__spec__ is not valid JSON"):
        load_model(write(path, arrays))


#: JSON values a mutation may put anywhere in a spec.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30)
    | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6,
)


def _paths(obj, prefix=()):
    """Every (path, value) position inside a JSON value."""
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


def _set(obj, path, value):
    if not path:
        return value
    target = obj
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return obj


BASE_SPEC = build_model("lenet5").spec
SPEC_PATHS = list(_paths(BASE_SPEC))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(SPEC_PATHS), JSON_VALUES), min_size=1, max_size=3))
def test_fuzzed_specs_load_or_give_a_value_error(tmp_path, mutations):
    """Any mutation of a saved spec gives a model or a ValueError naming the file, never
    another exception (TypeError, OverflowError, MemoryError, ...)."""
    spec = json.loads(json.dumps(BASE_SPEC))
    for where, value in mutations:
        try:
            spec = _set(spec, where, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this position
    path = write(tmp_path / "fuzz.npz", arrays_of(build_model("lenet5")), spec)
    try:
        load_model(path)
    except ValueError as exc:
        assert str(path) in str(exc)


@pytest.mark.parametrize("spec", [
    "lenet5", "mini_alexnet", "mini_inception",
    [{"type": "Conv2D", "filters": 3, "kernel_size": (3, 2), "stride": 2, "padding": "same"},
     {"type": "BatchNorm2D"}, {"type": "LeakyReLU"}, {"type": "AvgPool2D"},
     {"type": "LocalResponseNorm"}, {"type": "Sigmoid"}, {"type": "Tanh"},
     {"type": "Inception", "b1": 2, "b2_reduce": 2, "b2": 3, "b3_reduce": 1, "b3": 2, "b4": 2},
     {"type": "MaxPool2D", "kernel_size": 3, "stride": 2, "padding": 1}, {"type": "Flatten"},
     {"type": "Dropout"}, {"type": "Dense", "units": 10}],
], ids=lambda s: s if isinstance(s, str) else "every_layer_type")
def test_planned_arrays_are_what_building_creates(spec):
    model = build_model(spec)
    params, buffers = planned_arrays(spec)
    assert params == {k: v.shape for k, v in model.parameters().items()}
    assert buffers == {k: v.shape for k, v in model.buffers().items()}
    assert max(np.prod(r["output_shape"]) for r in model.summary()) < MAX_VALUES_PER_IMAGE
