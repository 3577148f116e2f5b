"""Data sets: the built-in MNIST subset, folders of IDX files and their validation."""

import numpy as np
import pytest

from explorer.data import (
    BUILTIN_NAME,
    Dataset,
    available_datasets,
    load_builtin,
    load_dataset,
    load_idx_folder,
    write_idx,
)
from explorer.data.datasets import FILE_STEMS, SOURCES


@pytest.fixture(scope="module")
def builtin():
    return load_builtin()


def test_builtin_subset_shapes_and_class_counts(builtin):
    assert builtin.name == BUILTIN_NAME
    assert builtin.train_images.shape == (3000, 28, 28)
    assert builtin.test_images.shape == (1000, 28, 28)
    assert builtin.train_images.dtype == np.uint8 and builtin.train_labels.dtype == np.uint8
    np.testing.assert_array_equal(builtin.class_counts("train"), np.full(10, 300))
    np.testing.assert_array_equal(builtin.class_counts("test"), np.full(10, 100))
    assert builtin.class_names == tuple("0123456789")
    assert "LeCun" in builtin.attribution and "CC BY-SA" in builtin.attribution
    assert builtin.train_images.max() == 255
    assert "train=3000" in repr(builtin)


def test_builtin_is_listed_first():
    assert available_datasets()[0] == BUILTIN_NAME


def test_batch_converts_to_float_on_the_fly(builtin):
    x, y = builtin.batch("test", np.array([3, 1, 4]))
    assert x.shape == (3, 1, 28, 28) and x.dtype == np.float32
    assert y.dtype == np.int64
    np.testing.assert_allclose(x[1, 0], builtin.test_images[1] / 255.0, atol=1e-6)
    np.testing.assert_array_equal(y, builtin.test_labels[[3, 1, 4]])
    with pytest.raises(ValueError, match="unknown split 'valid'"):
        builtin.split("valid")


def _write_set(folder, n_train=6, n_test=4, train_labels=None, image_shape=(28, 28)):
    folder.mkdir(exist_ok=True)
    rng = np.random.default_rng(0)
    write_idx(folder / (FILE_STEMS["train_images"] + ".gz"),
              rng.integers(0, 256, (n_train, *image_shape), dtype=np.uint8))
    labels = np.arange(n_train, dtype=np.uint8) % 10 if train_labels is None else train_labels
    write_idx(folder / FILE_STEMS["train_labels"], labels)
    write_idx(folder / FILE_STEMS["test_images"],
              rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8))
    write_idx(folder / (FILE_STEMS["test_labels"] + ".gz"), np.arange(n_test, dtype=np.uint8))


def test_folder_of_idx_files_loads_by_path(tmp_path):
    _write_set(tmp_path / "mine")
    (tmp_path / "mine" / "README.md").write_text("My own digits, CC0.")
    ds = load_dataset(tmp_path / "mine")
    assert isinstance(ds, Dataset)
    assert (ds.name, ds.n_train, ds.n_test) == ("mine", 6, 4)
    assert ds.attribution == "My own digits, CC0."
    assert ds.class_names == tuple("0123456789")
    (tmp_path / "mine" / "classes.txt").write_text("\n".join("abcdefghij"))
    assert load_dataset(tmp_path / "mine").class_names == tuple("abcdefghij")


def test_count_mismatch_is_named(tmp_path):
    _write_set(tmp_path / "d", train_labels=np.zeros(5, np.uint8))
    with pytest.raises(ValueError, match="holds 6 images but .* holds 5 labels: the counts must"):
        load_idx_folder(tmp_path / "d")


def test_labels_out_of_range_are_named(tmp_path):
    _write_set(tmp_path / "d", train_labels=np.array([0, 1, 2, 3, 4, 12], np.uint8))
    with pytest.raises(ValueError, match=r"labels-idx1-ubyte: labels out of range.*largest 12"):
        load_idx_folder(tmp_path / "d")


def test_wrong_image_dimensions_are_named(tmp_path):
    _write_set(tmp_path / "d", image_shape=(32, 32))
    with pytest.raises(ValueError, match=r"train-images-idx3-ubyte.gz: wrong dimensions 6x32x32"):
        load_idx_folder(tmp_path / "d")


def test_missing_file_and_folder(tmp_path):
    _write_set(tmp_path / "d")
    (tmp_path / "d" / FILE_STEMS["test_images"]).unlink()
    with pytest.raises(ValueError, match="is missing t10k-images-idx3-ubyte"):
        load_dataset(tmp_path / "d")
    with pytest.raises(ValueError, match="is not a folder"):
        load_idx_folder(tmp_path / "nowhere")


def test_dataset_validates_arrays_built_in_code():
    images = np.zeros((3, 28, 28), np.uint8)
    with pytest.raises(ValueError, match="image/label count mismatch: 3 images but 2 labels"):
        Dataset("x", images, np.zeros(2, np.uint8), images, np.zeros(3, np.uint8))
    with pytest.raises(ValueError, match=r"labels out of range: found 0\.\.10, expected 0\.\.9"):
        Dataset("x", images, np.array([0, 1, 10], np.uint8), images, np.zeros(3, np.uint8))
    with pytest.raises(ValueError, match=r"wrong dimensions: images must have shape \(N, 28, 28\)"):
        Dataset("x", images[:, :20], np.zeros(3, np.uint8), images, np.zeros(3, np.uint8))
    with pytest.raises(ValueError, match="needs 10 class names"):
        Dataset("x", images, np.zeros(3, np.uint8), images, np.zeros(3, np.uint8), ("a", "b"))


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(ValueError, match="unknown data set 'emnist'.*mnist-subset"):
        load_dataset("emnist")


def test_named_source_not_installed_says_what_to_do(monkeypatch, tmp_path):
    from dataclasses import replace

    absent = replace(SOURCES["fashion-mnist"], candidates=(tmp_path / "absent",))
    monkeypatch.setitem(SOURCES, "fashion-mnist", absent)
    assert "fashion-mnist" not in available_datasets()
    with pytest.raises(FileNotFoundError,
                       match="not installed.*apt-get install dataset-fashion-mnist"):
        load_dataset("fashion-mnist")


def test_fashion_mnist_when_installed():
    if "fashion-mnist" not in available_datasets():
        pytest.skip("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)")
    ds = load_dataset("fashion-mnist")
    assert ds.train_images.shape == (60000, 28, 28) and ds.train_images.dtype == np.uint8
    assert ds.test_images.shape == (10000, 28, 28)
    assert ds.class_names[9] == "Ankle boot"
    assert "Zalando" in ds.attribution


def test_every_path_turns_pixels_into_the_same_floats():
    """Training batches, single digits shown by the panels and uint8 images given to the model
    all use one conversion, so a digit is bit for bit the same input whichever tab sent it."""
    from explorer.data import pixels_to_float, to_float
    from explorer.engine import build_model

    pixels = np.arange(256, dtype=np.uint8).reshape(16, 16)
    single = pixels_to_float(pixels)
    assert single.dtype == np.float32 and single.min() == 0 and single.max() == 1
    assert np.array_equal(to_float(pixels[None])[0, 0], single)
    model = build_model("lenet5", seed=0)
    digits = np.random.default_rng(0).integers(0, 256, (3, 28, 28), dtype=np.uint8)
    assert np.array_equal(
        model.predict_proba(digits[:, None]), model.predict_proba(to_float(digits))
    )
