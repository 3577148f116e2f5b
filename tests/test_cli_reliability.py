"""The command line when files, folders and disks misbehave (issue 10): it checks the output
before training, keeps a trained model when the final save fails, prints one human line per
problem and never a traceback."""

from __future__ import annotations

import errno
import json
import os

import numpy as np
import pytest

from explorer import _atomic, cli
from explorer.cli import main
from explorer.engine import build_model, load_model
from explorer.engine.models import Model
from tests.cli_locale import english_cli  # noqa: F401 (autouse: the CLI speaks English here)

QUICK = ["train", "--model", "lenet5", "--epochs", "1", "--limit", "64", "--batch-size", "32",
         "--eval-last-only"]


def one_error_line(capsys, started_training=False):
    err = capsys.readouterr().err
    assert "Traceback" not in err
    last = err.rstrip("\n").splitlines()[-1]
    assert last.startswith("error: ") and err.count("error: ") == 1
    assert ("epoch 1" in err) == started_training
    return last


def test_out_being_a_folder_is_refused_before_training(tmp_path, capsys):
    out = tmp_path / "m.npz"
    out.mkdir()
    assert main(QUICK + ["--out", str(out)]) == 2
    assert one_error_line(capsys) == (f"error: cannot write {out}: it is a folder; give a file "
                                      "name ending in .npz")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused_before_training(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert main(QUICK + ["--out", str(folder / "m.npz")]) == 2
    finally:
        folder.chmod(0o755)
    assert "Permission denied" in one_error_line(capsys)


def test_an_unwritable_folder_or_full_disk_is_found_before_training(tmp_path, capsys,
                                                                    monkeypatch):
    out = tmp_path / "m.npz"

    def no_permission(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".m.x.probe"))

    monkeypatch.setattr(_atomic, "_create_temp", no_permission)
    assert main(QUICK + ["--out", str(out)]) == 2
    line = one_error_line(capsys)
    assert line == f"error: cannot write {out}: Permission denied (folder {tmp_path})"
    monkeypatch.undo()

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd, mode):
            self.fh = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            self.fh.flush()

        def fileno(self):
            return self.fh.fileno()

    monkeypatch.setattr(cli.os, "fdopen", FullDisk)
    assert main(QUICK + ["--out", str(out)]) == 2
    assert one_error_line(capsys) == (f"error: cannot write {out}: No space left on device "
                                      f"(folder {tmp_path})")
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # the probe was removed


def test_a_failing_final_save_keeps_the_model_in_a_fallback_file(tmp_path, capsys,
                                                                 monkeypatch):
    out = tmp_path / "m.npz"
    fallback = tmp_path / "temp"
    fallback.mkdir()
    real_save = Model.save

    def save(model, path):
        if str(path) == str(out):  # the disk filled up during training
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".m.1.tmp.npz"))
        real_save(model, path)

    monkeypatch.setattr(Model, "save", save)
    monkeypatch.setattr(cli.tempfile, "gettempdir", lambda: str(fallback))
    assert main(QUICK + ["--out", str(out)]) == 2
    line = one_error_line(capsys, started_training=True)
    saved = list(fallback.glob("m-*.npz"))
    assert len(saved) == 1 and load_model(saved[0]).name == "lenet5"
    assert line == (f"error: cannot save the model to {out}: No space left on device; it was "
                    f"saved to {saved[0]} instead")
    assert ".tmp" not in line and not out.exists()


def test_divergence_is_said_once_and_the_run_is_described_in_words(tmp_path, capsys):
    code = main(["train", "--model", "lenet5", "--epochs", "50", "--limit", "64", "--optimizer",
                 "sgd", "--lr", "1e39", "--batch-size", "16", "--out", str(tmp_path / "m.npz")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("Training diverged") == 1
    assert err.splitlines()[0].startswith(
        "training lenet5 (12 layers, 61,706 parameters) on mnist-subset (3,000 training and "
        "1,000 test images): 50 epoch(s), batch 16, sgd lr 1e+39")
    assert "Model(" not in err and "Dataset(" not in err


def _tampered(tmp_path, change):
    path = tmp_path / "m.npz"
    build_model("lenet5").save(path)
    with np.load(path) as npz:
        arrays = {k: npz[k] for k in npz.files}
    change(arrays)
    np.savez(path, **arrays)
    return path


def _json(arrays, key, change):
    doc = json.loads(arrays[key].tobytes())
    change(doc)
    arrays[key] = np.frombuffer(json.dumps(doc).encode(), np.uint8)


@pytest.mark.parametrize("make, message", [
    (lambda p: (p.write_bytes(b"PK\x03\x04" + bytes(100)), p)[1], "not a readable model file"),
    (lambda p: _tampered(p.parent, lambda a: _json(
        a, "__spec__", lambda s: s["layers"][0].__setitem__("filters", 100000))),
     "values per image"),
    (lambda p: _tampered(p.parent, lambda a: _json(
        a, "__spec__", lambda s: s.__setitem__("input_shape", "abc"))), "'input_shape' must be"),
    (lambda p: _tampered(p.parent, lambda a: _json(
        a, "__metadata__", lambda m: m.__setitem__("dataset", 5))),
     "names its data set as 5, not a name or folder; choose one with --data"),
])
def test_evaluate_with_a_corrupt_file_prints_one_line(tmp_path, capsys, make, message):
    path = make(tmp_path / "m.npz")
    assert main(["evaluate", str(path)]) == 2
    assert message in one_error_line(capsys)


def test_train_with_a_bad_data_folder_prints_one_line(tmp_path, capsys):
    folder = tmp_path / "digits"
    folder.mkdir()
    for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                 "t10k-labels-idx1-ubyte"):
        (folder / name).write_bytes(bytes([0, 0, 8, 3]) + (10**9).to_bytes(4, "big") * 3)
    assert main(QUICK + ["--data", str(folder), "--out", str(tmp_path / "m.npz")]) == 2
    assert "train-images-idx3-ubyte: the header claims shape" in one_error_line(capsys)
