"""Model files: bit-exact round trips, atomic writes, clean failures on bad files."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from explorer import paths
from explorer.engine import build_model, load_default_model, load_model, serialize
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("one_blas_thread")

NAMES = ["simple_convnet", "lenet5", "lenet5_classic", "mini_alexnet", "mini_inception"]


def images(n=2):
    return np.random.default_rng(3).random((n, 1, 28, 28))


@pytest.mark.parametrize("name", NAMES)
def test_round_trip_is_bit_exact(tmp_path, name):
    model = build_model(name, seed=7)
    model.metadata = {"accuracy": 0.987, "dataset": "mnist", "history": [[1, 0.5], [2, 0.25]]}
    path = tmp_path / f"{name}.npz"
    model.save(path)
    loaded = load_model(path)
    assert loaded.spec == model.spec and loaded.metadata == model.metadata
    assert loaded.dtype == model.dtype
    params, again = model.parameters(), loaded.parameters()
    assert list(again) == list(params)
    for key in params:
        assert again[key].dtype == params[key].dtype
        np.testing.assert_array_equal(again[key], params[key])
    np.testing.assert_array_equal(loaded.predict_proba(images()), model.predict_proba(images()))


def test_round_trip_float64_and_batchnorm_buffers(tmp_path):
    spec = [{"type": "Conv2D", "filters": 2, "kernel_size": 3}, {"type": "BatchNorm2D"},
            {"type": "ReLU"}, {"type": "Flatten"}, {"type": "Dense", "units": 10}]
    model = build_model(spec, dtype=np.float64)
    model.loss_and_gradients(images(4), np.arange(4))  # training updates the running stats
    assert not np.all(model.buffers()["bn1.running_var"] == 1)
    model.save(tmp_path / "bn.npz")
    loaded = load_model(tmp_path / "bn.npz")
    assert loaded.dtype == np.float64
    for key, value in model.buffers().items():
        np.testing.assert_array_equal(loaded.buffers()[key], value)
    np.testing.assert_array_equal(loaded.forward(images()), model.forward(images()))


def test_file_is_plain_npz_without_pickles(tmp_path):
    path = tmp_path / "m.npz"
    build_model("lenet5").save(path)
    with np.load(path, allow_pickle=False) as npz:
        assert npz["__spec__"].dtype == np.uint8
        spec = json.loads(npz["__spec__"].tobytes())
        assert spec["name"] == "lenet5" and spec["dtype"] == "float32"
        assert all(npz[k].dtype != object for k in npz.files)
        assert "param/conv1.weight" in npz.files


def test_save_is_atomic_and_keeps_the_old_file_when_it_fails(tmp_path):
    path = tmp_path / "m.npz"
    model = build_model("lenet5")
    model.save(path)
    before = path.read_bytes()
    model.metadata["bad"] = object()
    with pytest.raises(ValueError, match="metadata cannot be saved as JSON"):
        model.save(path)
    assert path.read_bytes() == before
    model.metadata = {"epochs": np.int64(3)}  # NumPy scalars are fine
    model.save(path)
    assert load_model(path).metadata == {"epochs": 3}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"]  # no temp file left


def test_save_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        build_model("lenet5").save(tmp_path / "nope" / "m.npz")


def test_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "absent.npz")


def saved(tmp_path, name="lenet5"):
    path = tmp_path / "m.npz"
    build_model(name).save(path)
    return path


def rewrite(path, change):
    """Rewrite the npz at ``path`` with ``change(arrays)`` applied to its dict of arrays."""
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    change(arrays)
    np.savez(path, **arrays)


def test_truncated_file_is_a_value_error(tmp_path):
    path = saved(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="not a readable model file"):
        load_model(path)


def test_corrupt_bytes_are_a_value_error(tmp_path):
    path = saved(tmp_path)
    data = bytearray(path.read_bytes())
    start = len(data) // 3
    data[start : start + 64] = bytes(64)
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError):
        load_model(path)


def test_not_a_zip_is_a_value_error_without_numpys_pickle_advice(tmp_path):
    path = tmp_path / "m.npz"
    path.write_text("this is not a model\n")
    with pytest.raises(ValueError, match=r"not a CNN Explorer model file \(.npz, a zip archive\)"
                                         r": it is text beginning “this”") as info:
        load_model(path)
    assert "pickle" not in str(info.value) and "b'" not in str(info.value)
    np.save(tmp_path / "single.npy", np.zeros(3))
    with pytest.raises(ValueError, match=r"not a CNN Explorer model file .* single NumPy array"):
        load_model(tmp_path / "single.npy")
    (tmp_path / "empty.npz").write_bytes(b"")
    with pytest.raises(ValueError, match="it is an empty file"):
        load_model(tmp_path / "empty.npz")
    pickled = tmp_path / "pickled.npz"
    pickled.write_bytes(b"\x80\x04\x95" + bytes(40))  # what np.load would offer to unpickle
    with pytest.raises(ValueError, match="not a CNN Explorer model file") as info:
        load_model(pickled)
    assert "allow_pickle" not in str(info.value)
    assert "first bytes are 80 04 95 00 (hexadecimal)" in str(info.value)   # no b'\x80...'
    (tmp_path / "garb.npz").write_bytes(b"garb")
    with pytest.raises(ValueError, match="it is text beginning “garb”"):
        load_model(tmp_path / "garb.npz")


def test_a_folder_says_it_is_a_folder(tmp_path):
    with pytest.raises(IsADirectoryError, match=r"is a folder, not a model file"):
        load_model(tmp_path)


def test_a_file_without_format_entry_is_refused(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda a: a.pop("__format__"))
    with pytest.raises(ValueError, match="has no __format__ entry: .* not a CNN Explorer model"):
        load_model(path)
    rewrite(path, lambda a: a.__setitem__("__format__", np.array([1.0])))
    with pytest.raises(ValueError, match=r"__format__ must be one integer, got 1 value\(s\) of "
                                         r"dtype float64"):
        load_model(path)
    rewrite(path, lambda a: a.__setitem__("__format__", np.array([1, 1])))
    with pytest.raises(ValueError, match=r"__format__ must be one integer, got 2 value"):
        load_model(path)
    rewrite(path, lambda a: a.__setitem__("__format__", np.array([0])))
    with pytest.raises(ValueError, match="format 0 does not exist"):
        load_model(path)


def test_missing_spec_is_a_value_error(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda a: a.pop("__spec__"))
    with pytest.raises(ValueError, match="no __spec__"):
        load_model(path)


def test_unknown_layer_type_is_a_value_error(tmp_path):
    path = saved(tmp_path)

    def change(arrays):
        spec = json.loads(arrays["__spec__"].tobytes())
        spec["layers"][1]["type"] = "Swish"
        arrays["__spec__"] = np.frombuffer(json.dumps(spec).encode(), dtype=np.uint8)

    rewrite(path, change)
    with pytest.raises(ValueError, match="unknown layer type 'Swish'"):
        load_model(path)


def test_shape_mismatch_missing_and_extra_arrays_are_value_errors(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda a: a.__setitem__("param/fc1.weight", np.zeros((400, 7), np.float32)))
    with pytest.raises(ValueError, match=r"fc1.weight has shape \(400, 7\).*needs \(400, 120\)"):
        load_model(path)
    path = saved(tmp_path)
    rewrite(path, lambda a: a.pop("param/conv2.bias"))
    with pytest.raises(ValueError, match="missing for param/conv2.bias"):
        load_model(path)
    path = saved(tmp_path)
    rewrite(path, lambda a: a.__setitem__("param/fc9.weight", np.zeros(3, np.float32)))
    with pytest.raises(ValueError, match="unexpected arrays param/fc9.weight"):
        load_model(path)
    path = saved(tmp_path)
    rewrite(path, lambda a: a.__setitem__("param/fc3.bias", np.full(10, np.nan, np.float32)))
    with pytest.raises(ValueError, match="NaN"):
        load_model(path)


def test_bad_spec_json_is_a_value_error(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda a: a.__setitem__("__spec__", np.frombuffer(b"{not json", np.uint8)))
    with pytest.raises(ValueError, match="not valid JSON"):
        load_model(path)


def test_a_zip_without_npy_members_is_a_value_error(tmp_path):
    path = tmp_path / "m.npz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(ValueError):
        load_model(path)


def test_load_default_model_explains_how_to_make_it(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DEFAULT_MODEL", tmp_path / "default.npz")
    with pytest.raises(FileNotFoundError, match="python main.py train --model lenet5"):
        load_default_model()
    build_model("lenet5", seed=3).save(tmp_path / "default.npz")
    model = load_default_model()
    assert model.name == "lenet5"


def test_format_version_is_checked(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda a: a.__setitem__("__format__", np.array([serialize.FORMAT_VERSION + 1])))
    version = serialize.FORMAT_VERSION
    with pytest.raises(ValueError, match=rf"uses model file format {version + 1}, newer than the "
                                         rf"format {version} this version"):
        load_model(path)
