"""CIFAR-10 in its official binary version (``cifar-10-binary.tar.gz``): no pickles.

The tarball (Alex Krizhevsky, "Learning Multiple Layers of Features from Tiny Images", 2009;
www.cs.toronto.edu/~kriz/cifar.html) holds a folder ``cifar-10-batches-bin/`` with
``data_batch_1.bin`` ... ``data_batch_5.bin`` (10,000 training images each), ``test_batch.bin``
(10,000 test images), ``batches.meta.txt`` (the class names, one a line) and ``readme.html``.

Every ``.bin`` file is a run of 3,073-byte records: one label byte (0..9), then the 32x32 red
plane, the green plane and the blue plane (1,024 bytes each, row by row). The reader checks that
a file's size is a multiple of 3,073 and every label is 0..9, and gives images channel-last,
``(N, 32, 32, 3)`` uint8, as :class:`explorer.data.datasets.Dataset` holds colour images.

:func:`load_cifar10` reads the tarball directly (nothing is extracted, so no member can be
written outside its folder; member names are still checked: no absolute paths, no ``..``, only
regular files) or a folder of the extracted ``.bin`` files.
"""

from __future__ import annotations

import os
import tarfile
from pathlib import Path, PurePosixPath

import numpy as np

from explorer.data.core import Dataset
from explorer.data.messages import coded

__all__ = [
    "CIFAR10_CLASSES",
    "CIFAR10_ATTRIBUTION",
    "RECORD_BYTES",
    "TARBALL",
    "parse_cifar_records",
    "read_cifar_batch",
    "find_cifar10",
    "load_cifar10",
]

SIDE = 32
PLANE = SIDE * SIDE
RECORD_BYTES = 1 + 3 * PLANE  # 3073
TARBALL = "cifar-10-binary.tar.gz"
FOLDER = "cifar-10-batches-bin"
TRAIN_FILES = tuple(f"data_batch_{i}.bin" for i in range(1, 6))
TEST_FILE = "test_batch.bin"
META_FILE = "batches.meta.txt"
#: The 50,000 + 10,000 images of the full set, as the largest member we accept (bytes).
MAX_MEMBER_BYTES = 60_000 * RECORD_BYTES
CIFAR10_CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
                   "ship", "truck")
CIFAR10_ATTRIBUTION = (
    "CIFAR-10 by Alex Krizhevsky, Vinod Nair and Geoffrey Hinton (University of Toronto), from "
    '"Learning Multiple Layers of Features from Tiny Images", Alex Krizhevsky, 2009.'
)


def parse_cifar_records(data: bytes, source: str) -> tuple[np.ndarray, np.ndarray]:
    """Records of a ``.bin`` file -> ``(images (N, 32, 32, 3) uint8, labels (N,) uint8)``.

    Raises ValueError naming ``source`` when the size is not a multiple of 3073 bytes (or is 0)
    or a label is outside 0..9.
    """
    size = len(data)
    if size == 0 or size % RECORD_BYTES:
        raise coded(ValueError, "cifar_not_whole_records", source, f"{size:,}", RECORD_BYTES)
    records = np.frombuffer(data, dtype=np.uint8).reshape(-1, RECORD_BYTES)
    labels = records[:, 0].copy()
    bad = np.flatnonzero(labels > 9)
    if bad.size:
        raise coded(ValueError, "cifar_bad_label", source, int(bad[0]), int(labels[bad[0]]))
    # R, G, B planes -> (N, 3, 32, 32) -> channel-last (N, 32, 32, 3), contiguous
    images = np.ascontiguousarray(
        records[:, 1:].reshape(-1, 3, SIDE, SIDE).transpose(0, 2, 3, 1))
    return images, labels


def read_cifar_batch(path: str | os.PathLike) -> tuple[np.ndarray, np.ndarray]:
    """One ``.bin`` batch file -> ``(images (N, 32, 32, 3) uint8, labels (N,) uint8)``."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_MEMBER_BYTES:
        raise coded(ValueError, "cifar_batch_too_large", path, f"{size:,}")
    return parse_cifar_records(path.read_bytes(), str(path))


def _class_names(text: str | None) -> tuple[str, ...]:
    names = tuple(line.strip() for line in (text or "").splitlines() if line.strip())
    return names if len(names) == 10 else CIFAR10_CLASSES


def _check_member(member: tarfile.TarInfo, archive: Path) -> str | None:
    """The file name of an archive member we read (data/test batch, meta), or None to skip it.
    Raises ValueError for a member whose name could escape a folder or that is not a file."""
    name = PurePosixPath(member.name)
    if name.is_absolute() or ".." in name.parts or "\\" in member.name:
        raise coded(ValueError, "cifar_unsafe_member", archive, repr(member.name))
    wanted = (*TRAIN_FILES, TEST_FILE, META_FILE)
    if name.name not in wanted:
        return None
    if not member.isfile():
        raise coded(ValueError, "cifar_member_not_a_file", archive, repr(member.name))
    if member.size > MAX_MEMBER_BYTES:
        raise coded(ValueError, "cifar_member_too_large", archive, repr(member.name),
                    f"{member.size:,}")
    return name.name


def _read_tarball(path: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    try:
        with tarfile.open(path, "r:*") as tar:
            for member in tar:
                key = _check_member(member, path)
                if key is None:
                    continue
                if key in found:
                    raise coded(ValueError, "cifar_member_twice", path, key)
                fh = tar.extractfile(member)
                found[key] = fh.read() if fh is not None else b""
    except (tarfile.TarError, EOFError, OSError) as exc:
        if isinstance(exc, (FileNotFoundError, IsADirectoryError, PermissionError)):
            raise
        raise coded(ValueError, "cifar_unreadable_archive", path, str(exc)) from None
    return found


def find_cifar10(folder: str | os.PathLike) -> Path | None:
    """Where CIFAR-10 is in ``folder``: the tarball, the extracted ``cifar-10-batches-bin``
    folder, or ``folder`` itself when it holds the ``.bin`` files; None if nowhere."""
    folder = Path(folder)
    candidates = (folder / TARBALL, folder / FOLDER, folder)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
        if candidate.is_dir() and all((candidate / n).is_file() for n in (*TRAIN_FILES,
                                                                          TEST_FILE)):
            return candidate
    return None


def load_cifar10(path: str | os.PathLike, name: str = "cifar-10"):
    """CIFAR-10 as a :class:`~explorer.data.core.Dataset` of colour images: 50,000 train
    and 10,000 test images ``(N, 32, 32, 3)`` uint8 with labels 0..9.

    path : ``cifar-10-binary.tar.gz``, the extracted ``cifar-10-batches-bin`` folder, or a folder
        holding either. Raises FileNotFoundError when nothing is there and ValueError naming the
        file for a missing batch, a truncated or foreign file, or a label outside 0..9.
    """
    given = Path(path)
    if not given.exists():
        raise coded(FileNotFoundError, "cifar_missing", given)
    where = given if given.is_file() else find_cifar10(given)
    if where is None:
        raise coded(ValueError, "cifar_no_files", given, TARBALL,
                    f"{', '.join(TRAIN_FILES)}, {TEST_FILE}")
    if where.is_file():
        files = _read_tarball(where)
        source = lambda key: f"{where}: {FOLDER}/{key}"  # noqa: E731
    else:
        files = {}
        for key in (*TRAIN_FILES, TEST_FILE, META_FILE):
            if (where / key).is_file():
                size = (where / key).stat().st_size
                if size > MAX_MEMBER_BYTES:
                    raise coded(ValueError, "cifar_batch_too_large", where / key, f"{size:,}")
                files[key] = (where / key).read_bytes()
        source = lambda key: str(where / key)  # noqa: E731
    missing = [k for k in (*TRAIN_FILES, TEST_FILE) if k not in files]
    if missing:
        raise coded(ValueError, "cifar_incomplete", where, ", ".join(missing))
    train = [parse_cifar_records(files.pop(k), source(k)) for k in TRAIN_FILES]
    test_images, test_labels = parse_cifar_records(files.pop(TEST_FILE), source(TEST_FILE))
    meta = files.get(META_FILE)
    return Dataset(
        name,
        np.concatenate([t[0] for t in train]),
        np.concatenate([t[1] for t in train]),
        test_images,
        test_labels,
        _class_names(meta.decode("utf-8", "replace") if meta else None),
        CIFAR10_ATTRIBUTION,
        path=where,
    )
