"""A colour data set made here, offline: the built-in MNIST digits, each drawn in a random
foreground colour on a random, clearly different background colour.

No colour photo set ships with CNN Explorer (CIFAR-10 is in the download catalogue), so the
colour architectures (Tiny VGG, the colour LeNet) need something to train on offline. This set
is honest about what it is: the 4,000 real handwritten digits of ``resources/data/mnist-subset``
(3,000 train, 1,000 test, the same split), each one

- padded from 28x28 to 32x32 (2 pixels of background on every side), the input size of the
  colour architectures;
- coloured: pixel = background + ink * (foreground - background), ink = MNIST grey / 255, with
  foreground and background drawn at random (uniform RGB, at least ``MIN_CONTRAST`` apart so
  the digit stays visible);
- with a little colour noise (uniform, +-``NOISE`` grey levels per channel) on top.

The label is still the digit; the colours are independent of it, so a network must learn the
digit's shape and ignore the colour. The images are generated when the set is loaded
(deterministic from ``SEED``: the same images every time and on every machine with NumPy's
PCG64), never stored. Qt-free like the rest of ``explorer.data``.
"""

from __future__ import annotations

import numpy as np

from explorer.data.core import DIGIT_NAMES, MNIST_ATTRIBUTION, Dataset
from explorer.data.datasets import DatasetSource, load_idx_folder
from explorer.data.messages import coded
from explorer.data.registry import register_source
from explorer.paths import BUILTIN_DATA

__all__ = ["COLOUR_MNIST_NAME", "ColourMnistSource", "colourise", "SEED", "SIZE"]

COLOUR_MNIST_NAME = "colour-mnist"
SEED = 2026
#: Side of the made images (the colour architectures take 3x32x32).
SIZE = 32
#: Smallest distance between foreground and background colour (Euclidean, in grey levels).
MIN_CONTRAST = 160.0
#: Colour noise: uniform in [-NOISE, NOISE] grey levels, per pixel and channel.
NOISE = 12

TITLE = "Colour MNIST (made here from the MNIST subset: 3,000 train + 1,000 test, 32x32 colour)"
ATTRIBUTION = ("Made by CNN Explorer from the built-in MNIST subset: each digit padded to 32x32 "
               "and drawn in a random colour on a random different background, with a little "
               "colour noise. Not photos and not CIFAR. " + MNIST_ATTRIBUTION)


def _colour_pairs(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` (foreground, background) RGB colours, float (n, 3) in [0, 255], every pair at least
    MIN_CONTRAST apart (pairs too close are drawn again)."""
    fg = rng.uniform(0, 255, (n, 3))
    bg = rng.uniform(0, 255, (n, 3))
    close = np.linalg.norm(fg - bg, axis=1) < MIN_CONTRAST
    while close.any():
        k = int(close.sum())
        fg[close] = rng.uniform(0, 255, (k, 3))
        bg[close] = rng.uniform(0, 255, (k, 3))
        close = np.linalg.norm(fg - bg, axis=1) < MIN_CONTRAST
    return fg, bg


def colourise(grey: np.ndarray, rng: np.random.Generator, size: int = SIZE) -> np.ndarray:
    """Grey digits ``(N, 28, 28) uint8`` -> ``(N, size, size, 3) uint8`` colour images (see the
    module docstring); ``size`` >= 28 pads evenly (the extra pixel, if odd, at the bottom/right)."""
    grey = np.asarray(grey)
    n, h, w = grey.shape
    if size < max(h, w):
        raise ValueError(f"cannot pad {h}x{w} images to {size}x{size}")
    top, left = (size - h) // 2, (size - w) // 2
    ink = np.zeros((n, size, size, 1), np.float32)
    ink[:, top:top + h, left:left + w, 0] = grey.astype(np.float32) / 255
    fg, bg = _colour_pairs(rng, n)
    fg = fg.astype(np.float32)[:, None, None, :]
    bg = bg.astype(np.float32)[:, None, None, :]
    image = bg + ink * (fg - bg)
    image += rng.uniform(-NOISE, NOISE, image.shape).astype(np.float32)
    return np.rint(image).clip(0, 255).astype(np.uint8)


class ColourMnistSource(DatasetSource):
    """The made-here colour set: available whenever the built-in MNIST subset is."""

    def load(self) -> Dataset:
        folder = self.locate()
        if folder is None:
            raise coded(FileNotFoundError, "colour_mnist_subset_missing", repr(self.name),
                        ", ".join(str(c) for c in self.candidates))
        grey = load_idx_folder(folder, self.name, DIGIT_NAMES, "")
        rng = np.random.default_rng(SEED)
        train = colourise(grey.train_images, rng)
        test = colourise(grey.test_images, rng)
        return Dataset(self.name, train, grey.train_labels, test, grey.test_labels,
                       DIGIT_NAMES, self.attribution or "", None)


register_source(ColourMnistSource(COLOUR_MNIST_NAME, TITLE, (BUILTIN_DATA,), DIGIT_NAMES,
                                  ATTRIBUTION, layout="colour-mnist"))
