"""Atomic writes (explorer._atomic) give files the permissions of a plain open(): the umask
decides, not mkstemp's private 0600; every writer of the project uses them."""

import contextlib
import os
import stat
import sys

import numpy as np
import pytest

from explorer._atomic import atomic_path, atomic_write

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@contextlib.contextmanager
def umask(value):
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_new_file_gets_0666_minus_the_umask(tmp_path, mask, expected):
    with umask(mask):
        with atomic_write(tmp_path / "a.bin") as f:
            f.write(b"abc")
        with atomic_path(tmp_path / "b.png") as tmp:
            assert tmp.suffix == ".png" and tmp.name.startswith(".")
            tmp.write_bytes(b"png")
        with open(tmp_path / "plain", "w"):
            pass
    assert mode(tmp_path / "a.bin") == mode(tmp_path / "b.png") == expected
    assert mode(tmp_path / "plain") == expected
    assert (tmp_path / "a.bin").read_bytes() == b"abc"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "b.png", "plain"]


def test_rewriting_keeps_the_files_permissions(tmp_path):
    target = tmp_path / "k.json"
    target.write_text("old")
    os.chmod(target, 0o600)
    with atomic_write(target, "w", encoding="utf-8") as f:
        f.write("new")
    assert target.read_text() == "new" and mode(target) == 0o600


def test_an_error_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "m.npz"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as f:
            f.write(b"half")
            raise RuntimeError("disk full")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]
    with pytest.raises(ValueError, match="mode 'w' or 'wb'"):
        with atomic_write(target, "a"):
            pass


def test_every_writer_of_the_project_gives_normal_permissions(tmp_path):
    from explorer.data import write_idx
    from explorer.data.catalogue import CATALOGUE
    from explorer.data.download import _write_attribution
    from explorer.engine import build_model
    from explorer.engine.kernels import named_kernel, save_kernel_set

    with umask(0o022):
        build_model("simple_convnet").save(tmp_path / "model.npz")
        edge = named_kernel("edge", [[1.0, -1.0], [1.0, -1.0]])
        save_kernel_set(tmp_path / "kernels.json", [edge])
        write_idx(tmp_path / "labels.idx1-ubyte.gz", np.arange(10, dtype=np.uint8))
        _write_attribution(tmp_path, next(iter(CATALOGUE.values())))
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["README.txt", "kernels.json", "labels.idx1-ubyte.gz", "model.npz"]
    assert {p.name: mode(p) for p in tmp_path.iterdir()} == {n: 0o644 for n in written}


def test_no_writer_uses_mkstemp_or_a_hand_made_temporary_file():
    """One helper for every atomic write: no module makes its own temporary files (but the
    helper process's scratch memory, shared by mapping a file nobody keeps: second_process)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "explorer"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name not in ("_atomic.py", "second_process.py")
                 and any(s in p.read_text(encoding="utf-8")
                         for s in ("mkstemp", "NamedTemporaryFile", ".tmp\""))]
    assert offenders == []
