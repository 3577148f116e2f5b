"""The data set type and what every data module shares: :class:`Dataset` (train and test splits
of uint8 images with labels 0..9), the pixel conversion to the models' float32 layout, and the
names of the built-in classes.

The bottom of the data layer: it imports no other ``explorer.data`` module, so
:mod:`explorer.data.folders`, :mod:`explorer.data.cifar` and :mod:`explorer.data.datasets` can
all build on it without import cycles. ``explorer.data.datasets`` re-exports every name here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = [
    "Dataset",
    "BUILTIN_NAME",
    "N_CLASSES",
    "IMAGE_SHAPE",
    "COLOUR_CHANNELS",
    "DIGIT_NAMES",
    "FASHION_NAMES",
    "MNIST_ATTRIBUTION",
    "FILE_STEMS",
    "pixels_to_float",
    "to_float",
]

BUILTIN_NAME = "mnist-subset"
N_CLASSES = 10
IMAGE_SHAPE = (28, 28)
#: Colour images are stored channel-last, (N, H, W, COLOUR_CHANNELS) uint8, as image files and
#: widgets hold them; :meth:`Dataset.batch` gives the models (B, 3, H, W).
COLOUR_CHANNELS = 3
DIGIT_NAMES = tuple(str(d) for d in range(10))
FASHION_NAMES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)
MNIST_ATTRIBUTION = (
    "MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges (CC BY-SA 3.0)."
)
FILE_STEMS = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


@dataclass(eq=False)
class Dataset:
    """Train and test splits of uint8 images with labels 0..9.

    train_images : (N, 28, 28) uint8 grey, or (N, H, W, 3) uint8 colour (RGB, channel-last);
    train_labels : (N,) uint8; test_images (M, ...) like train_images, test_labels (M,) uint8
    class_names : 10 names, ``class_names[label]``
    attribution : who made the data and under which licence (show it next to the images)
    """

    name: str
    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray
    class_names: tuple[str, ...] = DIGIT_NAMES
    attribution: str = ""
    path: Path | None = field(default=None)

    def __post_init__(self):
        self.class_names = tuple(self.class_names)
        if len(self.class_names) != N_CLASSES:
            raise ValueError(
                f"data set {self.name!r}: needs {N_CLASSES} class names, "
                f"got {len(self.class_names)}"
            )
        for split in ("train", "test"):
            images, labels = self.split(split)
            _check_pair(images, labels, f"data set {self.name!r}, {split} split")
        if self.train_images.shape[1:] != self.test_images.shape[1:]:
            raise ValueError(
                f"data set {self.name!r}: train images {self.train_images.shape[1:]} and test "
                f"images {self.test_images.shape[1:]} differ in size"
            )

    @property
    def is_colour(self) -> bool:
        """Whether the images are colour (N, H, W, 3) rather than grey (N, 28, 28)."""
        return self.train_images.ndim == 4

    @property
    def input_shape(self) -> tuple[int, int, int]:
        """``(C, H, W)`` of one image as a model takes it: (1, 28, 28) or (3, H, W)."""
        shape = self.train_images.shape
        return (shape[3], shape[1], shape[2]) if self.is_colour else (1, shape[1], shape[2])

    def split(self, which: str) -> tuple[np.ndarray, np.ndarray]:
        """``(images (N, 28, 28) or (N, H, W, 3) uint8, labels (N,) uint8)`` of ``"train"`` or
        ``"test"``."""
        if which == "train":
            return self.train_images, self.train_labels
        if which == "test":
            return self.test_images, self.test_labels
        raise ValueError(f"unknown split {which!r}: use 'train' or 'test'")

    def batch(self, which: str, indices) -> tuple[np.ndarray, np.ndarray]:
        """Images ``(B, C, H, W) float32`` in [0, 1] (``(B, 1, 28, 28)`` grey, ``(B, 3, H, W)``
        colour) and labels ``(B,) int64`` at ``indices``."""
        images, labels = self.split(which)
        return to_float(images[indices]), labels[indices].astype(np.int64)

    @property
    def n_train(self) -> int:
        return len(self.train_labels)

    @property
    def n_test(self) -> int:
        return len(self.test_labels)

    def class_counts(self, which: str = "train") -> np.ndarray:
        """``(10,)`` int: how many images of each class the split holds."""
        return np.bincount(self.split(which)[1], minlength=N_CLASSES)

    def __repr__(self) -> str:
        return (
            f"Dataset({self.name!r}, train={self.n_train}, test={self.n_test}, "
            f"classes={list(self.class_names)})"
        )


def pixels_to_float(pixels: np.ndarray) -> np.ndarray:
    """uint8 pixels of any shape -> float32 in [0, 1], the same shape.

    The one conversion every path uses (training batches, the panels' test digits, integer
    images given to ``Model.predict_proba``): a multiplication by 1/255 in float32, so a digit
    reaches the network bit for bit the same whichever tab it came from."""
    out = np.asarray(pixels).astype(np.float32)
    out *= np.float32(1 / 255)
    return out


def to_float(images: np.ndarray) -> np.ndarray:
    """``(B, H, W) uint8`` -> ``(B, 1, H, W) float32`` in [0, 1], the model's input layout;
    colour ``(B, H, W, C) uint8`` -> ``(B, C, H, W) float32`` (a contiguous copy)."""
    images = np.asarray(images)
    if images.ndim == 4:
        return np.ascontiguousarray(pixels_to_float(images).transpose(0, 3, 1, 2))
    return pixels_to_float(images)[:, None]


def _check_pair(images: np.ndarray, labels: np.ndarray, what: str) -> None:
    grey = images.ndim == 3 and images.shape[1:] == IMAGE_SHAPE
    colour = (images.ndim == 4 and images.shape[3] == COLOUR_CHANNELS
              and min(images.shape[1:3]) >= 1)
    if not (grey or colour):
        raise ValueError(
            f"{what}: wrong dimensions: images must have shape (N, 28, 28) (grey) or "
            f"(N, H, W, 3) (colour), got {images.shape}"
        )
    if images.dtype != np.uint8:
        raise ValueError(f"{what}: images must be uint8 (0..255), got {images.dtype}")
    if labels.ndim != 1:
        raise ValueError(
            f"{what}: wrong dimensions: labels must have shape (N,), got {labels.shape}"
        )
    if len(images) != len(labels):
        raise ValueError(
            f"{what}: image/label count mismatch: {len(images)} images but {len(labels)} labels"
        )
    if labels.dtype.kind not in "iu":
        raise ValueError(f"{what}: labels must be integers, got {labels.dtype}")
    if labels.size and (labels.min() < 0 or labels.max() >= N_CLASSES):
        raise ValueError(
            f"{what}: labels out of range: found {int(labels.min())}..{int(labels.max())}, "
            f"expected 0..{N_CLASSES - 1}"
        )
