"""Opening IDX folders: the built-in subset, Debian's Fashion-MNIST, and generated broken files."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import numpy as np
import pytest

from explorer.data import available_datasets, load_dataset, write_idx
from explorer.data.cache import default_cache_dir, register_cached_sources, set_cache_dir
from explorer.data.catalogue import CATALOGUE
from explorer.data.folders import (
    IdxFolderError,
    find_idx_files,
    looks_like_idx_folder,
    open_idx_folder,
    read_idx_folder,
)
from explorer.data.stats import class_counts, mean_images, pixel_statistics, samples_of_class
from explorer.paths import BUILTIN_DATA

FASHION = Path("/usr/share/datasets/fashion-mnist")
NAMES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


def _write_set(folder: Path, n_train=20, n_test=10, gz=True, **override):
    """Write a small valid MNIST-layout set, with ``override[role]`` arrays replacing parts."""
    rng = np.random.default_rng(3)
    arrays = {
        "train_images": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train_labels": (np.arange(n_train) % 10).astype(np.uint8),
        "test_images": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "test_labels": (np.arange(n_test) % 10).astype(np.uint8),
    }
    arrays.update(override)
    folder.mkdir(parents=True, exist_ok=True)
    for role, array in arrays.items():
        write_idx(folder / (NAMES[role] + (".gz" if gz else "")), array)
    return arrays


def test_builtin_subset_opens_with_its_counts_and_balance():
    ds = open_idx_folder(BUILTIN_DATA)
    assert ds.train_images.shape == (3000, 28, 28) and ds.train_images.dtype == np.uint8
    assert ds.test_images.shape == (1000, 28, 28)
    assert class_counts(ds.train_labels).tolist() == [300] * 10
    assert class_counts(ds.test_labels).tolist() == [100] * 10
    assert "LeCun" in ds.attribution


@pytest.mark.skipif(not FASHION.is_dir(), reason="apt-get install dataset-fashion-mnist")
def test_debian_fashion_mnist_opens_and_appears_by_itself():
    ds = open_idx_folder(FASHION)
    assert ds.train_images.shape == (60000, 28, 28) and ds.test_images.shape == (10000, 28, 28)
    assert ds.class_names[9] == "Ankle boot"
    assert class_counts(ds.train_labels).tolist() == [6000] * 10
    assert "fashion-mnist" in available_datasets()


@pytest.mark.parametrize("gz", [True, False])
def test_generated_folder_round_trips(tmp_path, gz):
    arrays = _write_set(tmp_path / "mine", gz=gz)
    got = read_idx_folder(tmp_path / "mine")
    for role, array in arrays.items():
        np.testing.assert_array_equal(got[role], array)
    ds = open_idx_folder(tmp_path / "mine")
    assert ds.name == "mine" and ds.class_names == tuple("0123456789")


def test_other_spelling_and_class_names_file(tmp_path):
    folder = tmp_path / "dots"
    _write_set(folder, gz=False)
    for stem in NAMES.values():  # train-images-idx3-ubyte -> train-images.idx3-ubyte
        head, _, tail = stem.rpartition("-idx")
        (folder / stem).rename(folder / f"{head}.idx{tail}")
    (folder / "classes.txt").write_text("\n".join(f"class {i}" for i in range(10)))
    ds = open_idx_folder(folder)
    assert ds.class_names[3] == "class 3"
    (folder / "classes.txt").write_text("a\nb\n")
    with pytest.raises(IdxFolderError, match="exactly 10 lines"):
        open_idx_folder(folder)


def test_missing_files_are_named(tmp_path):
    _write_set(tmp_path / "s")
    (tmp_path / "s" / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(IdxFolderError, match=r"missing t10k-labels-idx1-ubyte\(\.gz\)") as info:
        find_idx_files(tmp_path / "s")
    assert "train-images-idx3-ubyte.gz" in str(info.value)  # what is there
    assert not looks_like_idx_folder(tmp_path / "s")
    with pytest.raises(IdxFolderError, match="not a folder"):
        find_idx_files(tmp_path / "nothing-here")


def test_wrong_magic(tmp_path):
    _write_set(tmp_path / "s", gz=False)
    path = tmp_path / "s" / "train-images-idx3-ubyte"
    data = bytearray(path.read_bytes())
    data[0:2] = b"PK"
    path.write_bytes(bytes(data))
    with pytest.raises(IdxFolderError, match="wrong magic"):
        read_idx_folder(tmp_path / "s")


def test_truncated_gzip_file(tmp_path):
    _write_set(tmp_path / "s")
    path = tmp_path / "s" / "train-images-idx3-ubyte.gz"
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(IdxFolderError, match="train-images-idx3-ubyte.gz"):
        read_idx_folder(tmp_path / "s")


def test_truncated_data(tmp_path):
    _write_set(tmp_path / "s")
    path = tmp_path / "s" / "t10k-images-idx3-ubyte.gz"
    raw = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(raw[:-100]))
    with pytest.raises(IdxFolderError, match="truncated"):
        read_idx_folder(tmp_path / "s")


def test_wrong_dimensions(tmp_path):
    rng = np.random.default_rng(0)
    _write_set(tmp_path / "s", train_images=rng.integers(0, 256, (20, 32, 32), dtype=np.uint8))
    with pytest.raises(IdxFolderError, match=r"wrong dimensions 20x32x32.*28x28"):
        read_idx_folder(tmp_path / "s")


def test_labels_with_two_dimensions(tmp_path):
    _write_set(tmp_path / "s", test_labels=np.zeros((10, 2), dtype=np.uint8))
    with pytest.raises(IdxFolderError, match="t10k-labels.*wrong dimensions 10x2"):
        read_idx_folder(tmp_path / "s")


def test_float_pixels_are_refused(tmp_path):
    _write_set(tmp_path / "s", train_images=np.zeros((20, 28, 28), dtype=np.float32))
    with pytest.raises(IdxFolderError, match="float32.*uint8"):
        read_idx_folder(tmp_path / "s")


def test_counts_that_differ(tmp_path):
    _write_set(tmp_path / "s", train_labels=np.zeros(19, dtype=np.uint8))
    with pytest.raises(IdxFolderError, match="20 images but .* 19 labels"):
        read_idx_folder(tmp_path / "s")


def test_labels_out_of_range(tmp_path):
    labels = (np.arange(20) % 10).astype(np.uint8)
    labels[[4, 7]] = [12, 200]
    _write_set(tmp_path / "s", train_labels=labels)
    with pytest.raises(
        IdxFolderError, match=r"out of range: 2 of the labels.*index 4 is 12.*largest 200"
    ):
        read_idx_folder(tmp_path / "s")


def test_empty_split(tmp_path):
    _write_set(tmp_path / "s", n_test=0)
    with pytest.raises(IdxFolderError, match="test files .* hold no images"):
        read_idx_folder(tmp_path / "s")


def test_downloaded_sets_are_named_sources(tmp_path, monkeypatch):
    try:
        set_cache_dir(tmp_path)
        assert "kmnist" not in available_datasets()
        with pytest.raises(FileNotFoundError, match="data download kmnist"):
            load_dataset("kmnist")
        _write_set(tmp_path / "kmnist")
        assert "kmnist" in available_datasets()
        ds = load_dataset("kmnist")
        assert ds.class_names == CATALOGUE["kmnist"].class_names
        assert "CODH" in ds.attribution
    finally:
        set_cache_dir(None)
    monkeypatch.setenv("CNN_EXPLORER_DATA_DIR", str(tmp_path / "elsewhere"))
    assert default_cache_dir() == tmp_path / "elsewhere"
    register_cached_sources()


# --- statistics the data browser shows ------------------------------------------------------


def test_mean_images_match_a_plain_loop():
    rng = np.random.default_rng(1)
    images = rng.integers(0, 256, (50, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 9, 50).astype(np.uint8)  # class 9 has no samples
    means = mean_images(images, labels)
    assert means.shape == (10, 28, 28) and means.dtype == np.float32
    for c in range(9):
        ref = (
            images[labels == c].astype(np.float64).mean(axis=0) / 255 if (labels == c).any() else 0
        )
        np.testing.assert_allclose(means[c], ref, atol=1e-6)
    assert not means[9].any()


def test_pixel_statistics_match_numpy():
    rng = np.random.default_rng(2)
    images = rng.integers(0, 256, (30, 28, 28), dtype=np.uint8)
    images[:5] = 0
    stats = pixel_statistics(images, bins=16)
    x = images.astype(np.float64) / 255
    assert stats.n_images == 30
    assert stats.mean == pytest.approx(x.mean()) and stats.std == pytest.approx(x.std())
    assert stats.minimum == 0.0 and stats.maximum == pytest.approx(x.max())
    assert stats.zero_fraction == pytest.approx((images == 0).mean())
    ref, _ = np.histogram(x, bins=16, range=(0, 1))
    assert stats.histogram.tolist() == ref.tolist()
    assert "mean=" in repr(stats)
    with pytest.raises(ValueError, match="uint8"):
        pixel_statistics(x)


def test_samples_of_class():
    labels = np.array([0, 1, 2, 1, 1, 0], dtype=np.uint8)
    assert samples_of_class(labels, 1, 2).tolist() == [1, 3]
    assert samples_of_class(labels, 1, 2, start=2).tolist() == [4]
    assert samples_of_class(labels, None, 10).tolist() == list(range(6))
    picked = samples_of_class(labels, 1, 2, rng=np.random.default_rng(0))
    assert len(picked) == 2 and set(picked.tolist()) <= {1, 3, 4}


def test_copy_of_builtin_with_gz_and_raw_mixed(tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(BUILTIN_DATA, folder)
    raw = gzip.decompress((folder / "t10k-labels-idx1-ubyte.gz").read_bytes())
    (folder / "t10k-labels-idx1-ubyte.gz").unlink()
    (folder / "t10k-labels-idx1-ubyte").write_bytes(raw)
    assert open_idx_folder(folder).n_test == 1000


def test_dataset_statistics_cover_both_splits():
    from explorer.data.stats import dataset_statistics

    stats = dataset_statistics(open_idx_folder(BUILTIN_DATA))
    assert stats["train"]["counts"].tolist() == [300] * 10
    assert stats["test"]["counts"].tolist() == [100] * 10
    assert stats["train"]["means"].shape == (10, 28, 28)
    assert stats["test"]["pixels"].n_images == 1000
    assert 0.05 < stats["train"]["pixels"].mean < 0.25  # mostly black background, white ink
