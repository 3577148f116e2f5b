"""Open any folder of IDX files named like MNIST's, with clear messages when something is off.

A folder qualifies when it holds the four files of the MNIST distribution, gzip-compressed
or not, under either spelling in use::

    train-images-idx3-ubyte[.gz]   train-labels-idx1-ubyte[.gz]
    t10k-images-idx3-ubyte[.gz]    t10k-labels-idx1-ubyte[.gz]
    (or train-images.idx3-ubyte, ... as some unzip tools name them)

Images must be ``(N, 28, 28) uint8`` and labels ``(N,) uint8`` in ``0..9`` with the same
``N`` per split: that is what CNN Explorer's networks take. The files are read with
:func:`explorer.data.idx.read_idx`; this module adds what a data set needs on top.

An optional ``classes.txt`` (ten lines) names the classes; otherwise they are ``"0".."9"``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from explorer.data.core import DIGIT_NAMES, Dataset
from explorer.data.idx import read_idx
from explorer.data.messages import coded, message_of
from explorer.data.registry import SOURCES

__all__ = [
    "IdxFolderError",
    "IdxFolderFiles",
    "find_idx_files",
    "looks_like_idx_folder",
    "read_idx_folder",
    "read_class_names",
    "open_idx_folder",
    "IMAGE_SHAPE",
    "N_CLASSES",
]

IMAGE_SHAPE = (28, 28)
N_CLASSES = 10
_ROLES = {
    "train_images": ("train-images", 3),
    "train_labels": ("train-labels", 1),
    "test_images": ("t10k-images", 3),
    "test_labels": ("t10k-labels", 1),
}


class IdxFolderError(ValueError):
    """A folder that is not a usable IDX data set; the message says what is wrong and what to do."""


@dataclass(frozen=True)
class IdxFolderFiles:
    """The four IDX files found in a folder."""

    folder: Path
    train_images: Path
    train_labels: Path
    test_images: Path
    test_labels: Path

    def __repr__(self) -> str:
        names = ", ".join(getattr(self, r).name for r in _ROLES)
        return f"IdxFolderFiles({str(self.folder)!r}: {names})"


def _candidates(stem: str, ndim: int) -> list[str]:
    names = [f"{stem}-idx{ndim}-ubyte", f"{stem}.idx{ndim}-ubyte"]
    return [n + ext for n in names for ext in (".gz", "")]


def find_idx_files(folder: str | os.PathLike) -> IdxFolderFiles:
    """Locate the four MNIST-named IDX files in ``folder``.

    Raises ``IdxFolderError`` naming the missing files (and the files that are there) when
    the folder does not hold all four, ``OSError`` when it cannot be listed.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise coded(IdxFolderError, "folder_not_a_folder", folder)
    found: dict[str, Path] = {}
    missing: list[str] = []
    for role, (stem, ndim) in _ROLES.items():
        for name in _candidates(stem, ndim):
            if (folder / name).is_file():
                found[role] = folder / name
                break
        else:
            missing.append(f"{stem}-idx{ndim}-ubyte(.gz)")
    if missing:
        present = sorted(p.name for p in folder.iterdir() if p.is_file())[:12]
        if not present:
            raise coded(IdxFolderError, "folder_missing_files_empty", folder, ", ".join(missing))
        raise coded(IdxFolderError, "folder_missing_files", folder, ", ".join(missing),
                    ", ".join(present))
    return IdxFolderFiles(folder=folder, **found)


def looks_like_idx_folder(folder: str | os.PathLike) -> bool:
    """True when ``folder`` holds the four MNIST-named files (their content is not read)."""
    try:
        find_idx_files(folder)
    except (IdxFolderError, OSError):
        return False
    return True


def read_class_names(folder: str | os.PathLike) -> tuple[str, ...] | None:
    """The ten names in ``folder/classes.txt`` (one per line), or None when there is none."""
    path = Path(folder) / "classes.txt"
    if not path.is_file():
        return None
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(names) != N_CLASSES:
        raise coded(IdxFolderError, "folder_class_count", path, len(names), N_CLASSES)
    return tuple(names)


def _check_images(path: Path, images: np.ndarray) -> None:
    if images.dtype != np.uint8:
        raise coded(IdxFolderError, "folder_images_not_uint8", path.name, images.dtype)
    if images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE:
        dims = "x".join(str(s) for s in images.shape)
        raise coded(IdxFolderError, "folder_images_wrong_shape", path.name, dims)


def _check_labels(path: Path, labels: np.ndarray) -> None:
    if labels.ndim != 1:
        dims = "x".join(str(s) for s in labels.shape)
        raise coded(IdxFolderError, "folder_labels_wrong_shape", path.name, dims)
    if labels.dtype != np.uint8:
        raise coded(IdxFolderError, "folder_labels_not_uint8", path.name, labels.dtype)
    bad = labels >= N_CLASSES
    if bad.any():
        first = int(np.argmax(bad))
        raise coded(IdxFolderError, "folder_labels_out_of_range", path.name,
                    f"{int(bad.sum()):,}", f"{first:,}", int(labels[first]), int(labels.max()))


def read_idx_folder(folder: str | os.PathLike) -> dict[str, np.ndarray]:
    """Read and validate the four files of an MNIST-style folder.

    Returns ``{"train_images": (N,28,28) uint8, "train_labels": (N,) uint8,
    "test_images": (M,28,28) uint8, "test_labels": (M,) uint8}``.

    Raises ``IdxFolderError`` (a ``ValueError``) that names the file and what is wrong:
    missing file, wrong magic, truncated data, wrong dimensions, image and label counts
    that differ, labels out of range.
    """
    files = find_idx_files(folder)
    arrays: dict[str, np.ndarray] = {}
    for role in _ROLES:
        path = getattr(files, role)
        try:
            array = read_idx(path)
        except ValueError as exc:
            code = message_of(exc)
            if code is None:
                raise IdxFolderError(str(exc)) from None
            raise coded(IdxFolderError, code[0], *code[1]) from None
        (_check_images if role.endswith("images") else _check_labels)(path, array)
        arrays[role] = array
    for split in ("train", "test"):
        n_img, n_lab = len(arrays[f"{split}_images"]), len(arrays[f"{split}_labels"])
        if n_img != n_lab:
            raise coded(IdxFolderError, "folder_counts_differ",
                        getattr(files, split + "_images").name, f"{n_img:,}",
                        getattr(files, split + "_labels").name, f"{n_lab:,}")
        if n_img == 0:
            raise coded(IdxFolderError, f"folder_{split}_empty", files.folder)
    return arrays


def open_idx_folder(folder: str | os.PathLike, name: str | None = None,
                    class_names=None, attribution: str | None = None):
    """A :class:`explorer.data.Dataset` from a folder of MNIST-named IDX files, validated.

    ``class_names`` defaults to the folder's ``classes.txt`` or the digits ``"0".."9"``;
    ``attribution`` to the folder's README (``README.md``/``README.txt``) or its path.
    Raises ``IdxFolderError`` (a ``ValueError``) saying which file is wrong and how.
    """
    folder = Path(folder).expanduser()
    arrays = read_idx_folder(folder)
    # A folder that is a known set's (Debian's Fashion-MNIST, a download) keeps its names.
    known = next((s for s in SOURCES.values()
                  if any(_same_folder(folder, c) for c in s.candidates)), None)
    if class_names is None:
        class_names = read_class_names(folder) or (known.class_names if known else DIGIT_NAMES)
    if attribution is None and known is not None:
        attribution = known.attribution
    if attribution is None:
        for readme in ("README.md", "README.txt"):
            if (folder / readme).is_file():
                attribution = (folder / readme).read_text(encoding="utf-8", errors="replace")
                break
        else:
            attribution = f"IDX files in {folder}"
    return Dataset(name=name or folder.name, class_names=tuple(class_names),
                   attribution=attribution, path=folder, **arrays)


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
