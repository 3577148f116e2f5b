"""Where the project's bundled resources live (data set, shipped model, images).

The repository keeps them in a top-level ``resources/`` folder. ``pyproject.toml`` installs that
folder as the data-only package ``explorer._resources``, so they are found in every kind of
install:

- a wheel or a normal ``pip install .``: ``<site-packages>/explorer/_resources/``;
- an editable install (``pip install -e .``) or a checkout that was never installed
  (``python main.py`` in the repository): the ``resources/`` folder next to the ``explorer``
  package. (setuptools' editable finder does not import a data-only subpackage that has no
  ``__init__.py``, so there ``find_spec`` finds nothing and the repository folder is used.)

All four names are :class:`pathlib.Path` objects of real folders and files on disk (the data
loaders and ``np.load`` need real paths), resolved once at import.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

#: The name under which ``resources/`` is installed (see ``[tool.setuptools]`` in pyproject.toml).
RESOURCES_PACKAGE = "explorer._resources"

#: ``resources/`` next to the package, as in the repository.
_CHECKOUT_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def find_resources() -> Path:
    """The folder that holds ``data/`` and ``models/``.

    The installed package ``explorer._resources`` if Python can find it as a folder on disk,
    else the repository's ``resources/`` folder (which may not exist if the install is broken;
    the users of these paths then say which file is missing).
    """
    try:
        spec = importlib.util.find_spec(RESOURCES_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is not None:
        for location in spec.submodule_search_locations or ():
            folder = Path(location)
            if folder.is_dir():
                return folder.resolve()
    return _CHECKOUT_RESOURCES


#: The folder with the bundled data set and models (repository: ``resources/``).
RESOURCES = find_resources()
#: The built-in MNIST subset (four gzipped IDX files and their README).
BUILTIN_DATA = RESOURCES / "data" / "mnist-subset"
#: The shipped models and their README.
MODELS = RESOURCES / "models"
#: The model the app opens with.
DEFAULT_MODEL = MODELS / "default.npz"
