"""Where the project's bundled resources live (data set, shipped model, images)."""

from pathlib import Path

#: The repository's ``resources/`` folder (the package is installed in editable mode).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BUILTIN_DATA = RESOURCES / "data" / "mnist-subset"
MODELS = RESOURCES / "models"
DEFAULT_MODEL = MODELS / "default.npz"
