"""Temporary files left by a killed save are removed by the next save of the same file, and
nothing else is (explorer._atomic.remove_stale_temps; issue 10)."""

from __future__ import annotations

import os
import time

import numpy as np

from explorer._atomic import STALE_SECONDS, atomic_path, atomic_write
from explorer.engine import build_model


def aged(path, seconds):
    path.write_bytes(b"half a file")
    t = time.time() - seconds
    os.utime(path, (t, t))
    return path


def test_stale_temporary_files_of_the_target_are_removed_by_the_next_save(tmp_path):
    old = STALE_SECONDS + 30
    stale = [aged(tmp_path / f".model.{h}.tmp.npz", old) for h in ("0123abcd", "ffffffff")]
    keep = [
        aged(tmp_path / ".model.0123abcd.tmp.npz.part", old),   # not our pattern
        aged(tmp_path / ".model.0123ABCD.tmp.npz", old),        # upper-case: not ours
        aged(tmp_path / ".model.0123abc.tmp.npz", old),         # 7 digits
        aged(tmp_path / ".other.0123abcd.tmp.npz", old),        # another target's
        aged(tmp_path / ".model.0123abcd.tmp.json", old),       # another suffix
        aged(tmp_path / ".model.aaaabbbb.tmp.npz", 5),          # fresh: a write in progress
        aged(tmp_path / "model.0123abcd.tmp.npz", old),         # not hidden
    ]
    folder = tmp_path / ".model.12345678.tmp.npz"
    folder.mkdir()
    os.utime(folder, (0, 0))
    link = tmp_path / ".model.87654321.tmp.npz"
    link.symlink_to(keep[0])
    build_model("lenet5").save(tmp_path / "model.npz")
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in keep) and folder.is_dir() and link.is_symlink()
    assert (tmp_path / "model.npz").is_file()
    leftovers = {p.name for p in tmp_path.iterdir()}
    assert leftovers == {p.name for p in keep} | {folder.name, link.name, "model.npz"}


def test_every_atomic_writer_cleans_up(tmp_path):
    a = aged(tmp_path / ".set.00000000.tmp.json", STALE_SECONDS + 1)
    with atomic_write(tmp_path / "set.json", "w", encoding="utf-8") as fh:
        fh.write("{}")
    b = aged(tmp_path / ".curves.00000000.tmp.png", STALE_SECONDS + 1)
    with atomic_path(tmp_path / "curves.png") as tmp:
        tmp.write_bytes(np.zeros(3, np.uint8).tobytes())
    assert not a.exists() and not b.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["curves.png", "set.json"]
