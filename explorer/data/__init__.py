"""Data for the engine, pure NumPy: IDX files, data sets, digit preprocessing, augmentation.

``read_idx``/``write_idx`` handle the MNIST file format; ``load_dataset`` / ``load_builtin`` give
a :class:`Dataset` (uint8 images, labels, class names, attribution); ``preprocess_digit`` turns a
drawing into an MNIST-style 28x28 input; ``augment_batch`` distorts training digits at random.
"""

from explorer.data.augment import AugmentParams, augment_batch
from explorer.data.datasets import (
    BUILTIN_NAME,
    DIGIT_NAMES,
    FASHION_NAMES,
    Dataset,
    DatasetSource,
    available_datasets,
    load_builtin,
    load_dataset,
    load_idx_folder,
    register_source,
    resolve_dataset,
    pixels_to_float,
    to_float,
)
from explorer.data.cache import register_cached_sources
from explorer.data import colour_mnist  # noqa: F401,E402  (registers "colour-mnist")
from explorer.data.idx import read_idx, write_idx
from explorer.data.preprocess import preprocess_digit

# Downloaded catalogue sets (MNIST, KMNIST, Fashion-MNIST in the cache folder) join the named
# sources. Here rather than in datasets.py: the package runs before any of its modules is used,
# and explorer.data.cache builds on explorer.data.datasets (the imports run one way).
register_cached_sources()

__all__ = [
    "AugmentParams",
    "augment_batch",
    "BUILTIN_NAME",
    "DIGIT_NAMES",
    "FASHION_NAMES",
    "Dataset",
    "DatasetSource",
    "available_datasets",
    "load_builtin",
    "load_dataset",
    "load_idx_folder",
    "register_source",
    "resolve_dataset",
    "pixels_to_float",
    "to_float",
    "read_idx",
    "write_idx",
    "preprocess_digit",
]
