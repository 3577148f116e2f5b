"""CIFAR-10's binary format, colour data sets and the catalogue entry.

No CIFAR-10 images ship with the project (no Debian or PyPI package carries them), so every
test here runs on a GENERATED TEST FIXTURE: random pixels written in CIFAR-10's binary layout.
They are not CIFAR-10 images and must never be shown as such.
"""

from __future__ import annotations

import io
import tarfile

import numpy as np
import pytest

from explorer.data import Dataset, available_datasets, load_dataset, to_float
from explorer.data.catalogue import CATALOGUE
from explorer.data.cifar import (
    CIFAR10_CLASSES,
    RECORD_BYTES,
    TRAIN_FILES,
    find_cifar10,
    load_cifar10,
    parse_cifar_records,
    read_cifar_batch,
)


def fake_batch(n, seed):
    """(bytes in CIFAR-10's record layout, images (n, 32, 32, 3), labels (n,)): random pixels,
    a generated fixture, not CIFAR-10 images."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, n).astype(np.uint8)
    planes = rng.integers(0, 256, (n, 3, 32, 32)).astype(np.uint8)  # R, G, B planes
    records = np.concatenate([labels[:, None], planes.reshape(n, -1)], axis=1)
    return records.tobytes(), planes.transpose(0, 2, 3, 1), labels


def fake_files(n=4):
    files = {name: fake_batch(n, i)[0] for i, name in enumerate(TRAIN_FILES)}
    files["test_batch.bin"] = fake_batch(n, 9)[0]
    files["batches.meta.txt"] = ("\n".join(CIFAR10_CLASSES) + "\n\n").encode()
    return files


def write_tarball(path, files, folder="cifar-10-batches-bin", extra=()):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"{folder}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for info in extra:
            tar.addfile(info, io.BytesIO(b"x" * info.size) if info.isfile() else None)
    return path


def test_records_are_label_then_red_green_blue_planes():
    data, images, labels = fake_batch(5, 1)
    got_images, got_labels = parse_cifar_records(data, "x.bin")
    assert got_images.shape == (5, 32, 32, 3) and got_images.dtype == np.uint8
    np.testing.assert_array_equal(got_labels, labels)
    np.testing.assert_array_equal(got_images, images)
    record = np.frombuffer(data[:RECORD_BYTES], np.uint8)
    assert got_images[0, 0, 1, 0] == record[1 + 1]            # red, row 0, column 1
    assert got_images[0, 2, 0, 1] == record[1 + 1024 + 64]    # green, row 2, column 0
    assert got_images[0, 31, 31, 2] == record[-1]             # blue, last pixel


def test_bad_sizes_and_labels_are_value_errors_with_the_numbers(tmp_path):
    data = fake_batch(3, 2)[0]
    with pytest.raises(ValueError, match=r"x\.bin: 9,218 bytes is not a whole number.*3073"):
        parse_cifar_records(data[:-1], "x.bin")
    with pytest.raises(ValueError, match="0 bytes"):
        parse_cifar_records(b"", "x.bin")
    bad = bytearray(data)
    bad[RECORD_BYTES] = 17  # record 1's label
    with pytest.raises(ValueError, match="record 1 has label 17.*0..9.*CIFAR-100"):
        parse_cifar_records(bytes(bad), "x.bin")
    (tmp_path / "b.bin").write_bytes(data)
    assert read_cifar_batch(tmp_path / "b.bin")[0].shape == (3, 32, 32, 3)


def test_load_from_the_tarball_and_from_the_extracted_folder(tmp_path):
    files = fake_files()
    tarball = write_tarball(tmp_path / "cifar-10-binary.tar.gz", files)
    ds = load_cifar10(tarball)
    assert ds.n_train == 20 and ds.n_test == 4 and ds.class_names == CIFAR10_CLASSES
    assert ds.is_colour and ds.input_shape == (3, 32, 32)
    assert "Krizhevsky" in ds.attribution
    _, first, first_labels = fake_batch(4, 0)
    np.testing.assert_array_equal(ds.train_images[:4], first)
    np.testing.assert_array_equal(ds.train_labels[:4], first_labels)
    folder = tmp_path / "x" / "cifar-10-batches-bin"
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    assert find_cifar10(tmp_path / "x") == folder
    again = load_cifar10(tmp_path / "x")
    np.testing.assert_array_equal(again.train_images, ds.train_images)
    np.testing.assert_array_equal(again.test_labels, ds.test_labels)


def test_colour_batches_are_channel_first_floats():
    _, images, labels = fake_batch(6, 3)
    ds = Dataset("fixture", images, labels, images[:2], labels[:2])
    x, y = ds.batch("train", [4, 1])
    assert x.shape == (2, 3, 32, 32) and x.dtype == np.float32 and x.flags.c_contiguous
    np.testing.assert_allclose(x[0, 2], images[4, :, :, 2] / 255, rtol=1e-6)
    np.testing.assert_array_equal(y, labels[[4, 1]])
    assert to_float(images[:1, :, :, 0]).shape == (1, 1, 32, 32)  # grey stays (B, 1, H, W)
    with pytest.raises(ValueError, match=r"\(N, H, W, 3\) \(colour\), got \(6, 32, 32, 4\)"):
        Dataset("x", np.zeros((6, 32, 32, 4), np.uint8), labels, images[:2], labels[:2])
    with pytest.raises(ValueError, match="differ in size"):
        Dataset("x", images, labels, images[:2, :16, :16], labels[:2])


def test_a_colour_model_trains_on_a_colour_data_set():
    from explorer.engine import build_model
    from explorer.training import TrainConfig, Trainer

    _, images, labels = fake_batch(32, 4)
    ds = Dataset("fixture", images, labels, images[:8], labels[:8])
    model = build_model("tiny_vgg")
    before = model.parameters()["conv1.weight"].copy()
    config = TrainConfig(model="tiny_vgg", epochs=1, batch_size=16, eval_each_epoch=False)
    trainer = Trainer(model, ds, config)
    assert trainer.step_once()
    assert not np.array_equal(model.parameters()["conv1.weight"], before)
    assert trainer.evaluate().confusion.shape == (10, 10)


def test_unsafe_archive_members_are_refused(tmp_path):
    evil = tarfile.TarInfo("../../etc/data_batch_1.bin")
    evil.size = 3
    with pytest.raises(ValueError, match=r"refusing the archive member '\.\./\.\./etc"):
        load_cifar10(write_tarball(tmp_path / "a.tar.gz", fake_files(), extra=[evil]))
    absolute = tarfile.TarInfo("/tmp/readme.html")
    absolute.size = 1
    with pytest.raises(ValueError, match="absolute path"):
        load_cifar10(write_tarball(tmp_path / "b.tar.gz", fake_files(), extra=[absolute]))
    files = fake_files()
    del files["test_batch.bin"]
    link = tarfile.TarInfo("cifar-10-batches-bin/test_batch.bin")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    with pytest.raises(ValueError, match="not a regular file"):
        load_cifar10(write_tarball(tmp_path / "c.tar.gz", files, extra=[link]))


def test_missing_batches_and_broken_archives_name_the_file(tmp_path):
    files = fake_files()
    del files["data_batch_3.bin"]
    with pytest.raises(ValueError, match="has no data_batch_3.bin"):
        load_cifar10(write_tarball(tmp_path / "a.tar.gz", files))
    whole = write_tarball(tmp_path / "b.tar.gz", fake_files()).read_bytes()
    (tmp_path / "cut.tar.gz").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ValueError, match=r"cut\.tar\.gz is not a readable CIFAR-10 archive"):
        load_cifar10(tmp_path / "cut.tar.gz")
    short = fake_files()
    short["test_batch.bin"] = short["test_batch.bin"][:-5]
    with pytest.raises(ValueError, match=r"cifar-10-batches-bin/test_batch\.bin: 12,287 bytes"):
        load_cifar10(write_tarball(tmp_path / "d.tar.gz", short))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="holds neither cifar-10-binary.tar.gz"):
        load_cifar10(tmp_path / "empty")
    with pytest.raises(FileNotFoundError):
        load_cifar10(tmp_path / "nowhere")


def test_catalogue_entry_and_the_downloaded_set_as_a_named_source(tmp_path):
    from explorer.data.cache import set_cache_dir

    entry = CATALOGUE["cifar-10"]
    assert entry.layout == "cifar10-binary" and entry.class_names == CIFAR10_CLASSES
    (file,) = entry.files
    # The binary version's MD5 as published on the CIFAR page, and its size in bytes.
    assert (file.name, file.size, file.md5) == (
        "cifar-10-binary.tar.gz", 170_052_171, "c32a1d4ab5d03f1284b67883e8d87530")
    try:
        set_cache_dir(tmp_path)
        assert "cifar-10" not in available_datasets()
        with pytest.raises(FileNotFoundError, match="data download cifar-10"):
            load_dataset("cifar-10")
        (tmp_path / "cifar-10").mkdir()
        write_tarball(tmp_path / "cifar-10" / "cifar-10-binary.tar.gz", fake_files())
        assert "cifar-10" in available_datasets()
        ds = load_dataset("cifar-10")
        assert ds.name == "cifar-10" and ds.input_shape == (3, 32, 32) and ds.n_train == 20
    finally:
        set_cache_dir(None)
