"""Small in-memory data sets for the UI tests (a set smaller than the built-in one, to check
that pickers follow a data-set change)."""

import numpy as np

from explorer.data import Dataset


def small_dataset(n_test: int, seed: int = 3) -> Dataset:
    """Two training images and ``n_test`` random 28x28 test images labelled 0..9 in turn."""
    rng = np.random.default_rng(seed)
    return Dataset(name=f"small{n_test}",
                   train_images=rng.integers(0, 256, (2, 28, 28), dtype=np.uint8),
                   train_labels=np.array([0, 1], np.uint8),
                   test_images=rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
                   test_labels=(np.arange(n_test) % 10).astype(np.uint8))
