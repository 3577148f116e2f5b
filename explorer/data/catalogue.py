"""Known data sets that can be downloaded: where from, which files, how big, which checksum.

Every entry but one is in MNIST's layout (four gzip-compressed IDX files, 28x28 uint8 images
and uint8 labels 0-9), so the same loader reads all of them once they are on disk; CIFAR-10
(``layout="cifar10-binary"``) is one tarball of colour images that
:mod:`explorer.data.cifar` reads.

Where the numbers come from:

- MNIST: file names and sizes as published on Yann LeCun's MNIST page; the MD5s are the
  ones torchvision and most other loaders check (its ``datasets/mnist.py``), because the
  original page publishes none. The second mirror is the copy PyTorch hosts for exactly
  this reason (the original host often refuses scripted downloads).
- Fashion-MNIST: names and MD5s from the "Get the Data" table of Zalando Research's README
  (github.com/zalandoresearch/fashion-mnist); exact byte sizes as served by both mirrors.
  The second mirror is the copy Keras downloads from. (Debian's ``dataset-fashion-mnist``
  recompresses the files, so its .gz files have other sizes and MD5s: it is read as a
  folder, never checked against this table.)
- KMNIST: names, URLs and licence text from the README of ROIS-CODH's repository
  (github.com/rois-codh/kmnist); MD5s as torchvision checks them (the README gives none);
  byte sizes as served by CODH.
- CIFAR-10: the binary version's file name and MD5 (c32a1d4ab5d03f1284b67883e8d87530) as
  published in the download table of www.cs.toronto.edu/~kriz/cifar.html ("CIFAR-10 binary
  version (suitable for C programs)", 162 MB); the byte size, 170,052,171, is the one that
  page's 162 MiB rounds and that loaders which check the size use. Not verified against a
  download here (this machine has no access to the host); a mismatch fails the MD5 check of
  the download, never loads a wrong file. The page states no licence, only the request to
  cite the technical report, which the attribution does.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.data.messages import coded

__all__ = ["RemoteFile", "CatalogueEntry", "CATALOGUE", "catalogue_entry", "catalogue_names"]


@dataclass(frozen=True)
class RemoteFile:
    """One file of a data set: its name on every mirror, its size in bytes and its MD5."""

    name: str
    size: int
    md5: str

    def __repr__(self) -> str:
        return f"RemoteFile({self.name!r}, {self.size:,} bytes, md5={self.md5[:8]}...)"


@dataclass(frozen=True)
class CatalogueEntry:
    """A downloadable data set.

    ``mirrors`` are base URLs (ending in ``/``) tried in order; ``files[i]`` is fetched from
    ``mirror + files[i].name``. ``class_names`` has 10 entries (label 0..9).
    """

    key: str
    title: str
    description: str
    homepage: str
    mirrors: tuple[str, ...]
    files: tuple[RemoteFile, ...]
    class_names: tuple[str, ...]
    licence: str
    attribution: str
    #: How the files are read: "idx" (four MNIST-layout IDX files) or "cifar10-binary".
    layout: str = "idx"

    @property
    def total_size(self) -> int:
        """Bytes to download for the whole set."""
        return sum(f.size for f in self.files)

    def __repr__(self) -> str:
        return (
            f"CatalogueEntry({self.key!r}, {len(self.files)} files, "
            f"{self.total_size / 1e6:.1f} MB, {len(self.mirrors)} mirrors)"
        )


_MNIST_FILES = (
    RemoteFile("train-images-idx3-ubyte.gz", 9_912_422, "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
    RemoteFile("train-labels-idx1-ubyte.gz", 28_881, "d53e105ee54ea40749a09fcbcd1e9432"),
    RemoteFile("t10k-images-idx3-ubyte.gz", 1_648_877, "9fb629c4189551a2d022fa330f9573f3"),
    RemoteFile("t10k-labels-idx1-ubyte.gz", 4_542, "ec29112dd5afa0611ce80d1b7f02629c"),
)

_FASHION_FILES = (
    RemoteFile("train-images-idx3-ubyte.gz", 26_421_880, "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
    RemoteFile("train-labels-idx1-ubyte.gz", 29_515, "25c81989df183df01b3e8a0aad5dffbe"),
    RemoteFile("t10k-images-idx3-ubyte.gz", 4_422_102, "bef4ecab320f06d8554ea6380940ec79"),
    RemoteFile("t10k-labels-idx1-ubyte.gz", 5_148, "bb300cfdad3c16e7a12a480ee83cd310"),
)

_KMNIST_FILES = (
    RemoteFile("train-images-idx3-ubyte.gz", 18_165_135, "bdb82020997e1d708af4cf47b453dcf7"),
    RemoteFile("train-labels-idx1-ubyte.gz", 29_497, "e144d726b3acfaa3e44228e80efcd344"),
    RemoteFile("t10k-images-idx3-ubyte.gz", 3_041_136, "5c965bf0a639b31b8f53240b1b52f4d7"),
    RemoteFile("t10k-labels-idx1-ubyte.gz", 5_120, "7320c461ea6c1c855c0b718fb2a4b134"),
)

_CIFAR10_FILES = (
    RemoteFile("cifar-10-binary.tar.gz", 170_052_171, "c32a1d4ab5d03f1284b67883e8d87530"),
)

CATALOGUE: dict[str, CatalogueEntry] = {
    "mnist": CatalogueEntry(
        key="mnist",
        title="MNIST",
        description="70,000 handwritten digits 0-9 (60,000 to train, 10,000 to test).",
        homepage="http://yann.lecun.com/exdb/mnist/",
        mirrors=(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "http://yann.lecun.com/exdb/mnist/",
        ),
        files=_MNIST_FILES,
        class_names=tuple(str(d) for d in range(10)),
        licence="CC BY-SA 3.0",
        attribution=(
            "MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, "
            "licensed under CC BY-SA 3.0."
        ),
    ),
    "fashion-mnist": CatalogueEntry(
        key="fashion-mnist",
        title="Fashion-MNIST",
        description="70,000 photos of clothing in 10 classes, a harder drop-in for MNIST.",
        homepage="https://github.com/zalandoresearch/fashion-mnist",
        mirrors=(
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            "https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
        ),
        files=_FASHION_FILES,
        class_names=(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
        ),
        licence="MIT",
        attribution="Fashion-MNIST, copyright Zalando SE, licensed under the MIT licence.",
    ),
    "kmnist": CatalogueEntry(
        key="kmnist",
        title="Kuzushiji-MNIST",
        description="70,000 cursive Japanese (kuzushiji) characters, one per row of hiragana.",
        homepage="https://github.com/rois-codh/kmnist",
        mirrors=(
            "https://codh.rois.ac.jp/kmnist/dataset/kmnist/",
            "http://codh.rois.ac.jp/kmnist/dataset/kmnist/",
        ),
        files=_KMNIST_FILES,
        # The hiragana each class stands for, romanised as the README's class map does.
        class_names=("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"),
        licence="CC BY-SA 4.0",
        attribution=(
            '"KMNIST Dataset" (created by CODH), adapted from "Kuzushiji Dataset" '
            "(created by NIJL and others), doi:10.20676/00000341, licensed under CC BY-SA 4.0."
        ),
    ),
    "cifar-10": CatalogueEntry(
        key="cifar-10",
        title="CIFAR-10",
        description="60,000 colour photos of 32x32 pixels in 10 classes (50,000 to train, "
        "10,000 to test).",
        homepage="https://www.cs.toronto.edu/~kriz/cifar.html",
        mirrors=("https://www.cs.toronto.edu/~kriz/",),
        files=_CIFAR10_FILES,
        class_names=("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
                     "ship", "truck"),
        licence="no licence stated; cite Krizhevsky 2009",
        attribution=(
            "CIFAR-10 by Alex Krizhevsky, Vinod Nair and Geoffrey Hinton (University of "
            'Toronto), from "Learning Multiple Layers of Features from Tiny Images", Alex '
            "Krizhevsky, 2009."
        ),
        layout="cifar10-binary",
    ),
}


def catalogue_names() -> list[str]:
    """Keys of the downloadable data sets, e.g. ``["mnist", "fashion-mnist", "kmnist"]``."""
    return list(CATALOGUE)


def catalogue_entry(name: str) -> CatalogueEntry:
    """The entry for ``name`` (case-insensitive; ``fashion_mnist`` and ``fashionmnist`` work too).

    Raises ``ValueError`` naming the known data sets when ``name`` is none of them.
    """
    key = name.strip().lower().replace("_", "-")
    aliases = {"fashionmnist": "fashion-mnist", "fashion": "fashion-mnist", "k-mnist": "kmnist",
               "cifar10": "cifar-10", "cifar": "cifar-10"}
    key = aliases.get(key, key)
    if key not in CATALOGUE:
        known = ", ".join(CATALOGUE)
        raise coded(ValueError, "catalogue_unknown", repr(name), known)
    return CATALOGUE[key]
