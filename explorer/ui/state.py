"""State shared by the panels: the current input digit and the active data set.

Holds no maths: the current input arrives already preprocessed (by the engine, in the worker).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal

from explorer.data import BUILTIN_NAME, load_dataset


class AppState(QObject):
    """The current input and the active data set.

    ``current_input`` is a float32 array in ``[0, 1]``: ``(28, 28)`` grey (preprocessed like
    MNIST), another ``(H, W)`` grey or an ``(H, W, 3)`` colour image (RGB, channel-last: a colour
    data set's image, an opened photo), or None; ``current_input_source`` says where it came
    from (``"the Draw tab"``, ``"test set #17"``...) in the language shown now: a panel may
    give `set_current_input` a callable that renders the source sentence
    (``lambda: fill(self.tr("test set #%1"), 17)``), and every read of
    ``current_input_source`` calls it again, so the text follows a language switch.
    ``dataset()`` loads the active `explorer.data.Dataset` lazily (the built-in MNIST subset until
    `set_dataset` chooses another, by a name of ``explorer.data.available_datasets()`` or a
    folder path).
    """

    sigCurrentInputChanged = Signal(object)   # the (H, W) or (H, W, 3) float32 array or None
    sigDatasetChanged = Signal(object)        # the new Dataset
    sigDatasetListChanged = Signal()          # a set was downloaded: available_datasets() grew

    def __init__(self, parent=None):
        super().__init__(parent)
        self.current_input: np.ndarray | None = None
        self._source: str | Callable[[], str] = ""
        self._dataset = None
        self._dataset_name = BUILTIN_NAME

    def __repr__(self) -> str:
        shape = None if self.current_input is None else self.current_input.shape
        return (f"AppState(current_input={shape}, source={self.current_input_source!r}, "
                f"dataset={self._dataset_name!r})")

    @property
    def current_input_source(self) -> str:
        """Where the current input came from, in the language shown now ("" for none)."""
        return str(self._source()) if callable(self._source) else self._source

    @property
    def current_input_origin(self) -> str | Callable[[], str]:
        """The source as `set_current_input` received it (a text or its callable): a panel
        that keeps it renders it again when the language changes."""
        return self._source

    def set_current_input(self, image, source: str | Callable[[], str]):
        """Make ``image`` ((H, W) or (H, W, 3) values in [0, 1], or None) the input every
        panel shows.

        ``source``: where it came from, as a text or as a callable without arguments that
        returns the text in the current language (called on every read)."""
        if image is not None:
            image = np.array(image, dtype=np.float32, copy=True)
            if not (image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 3)):
                raise ValueError(f"the current input must be (H, W) or (H, W, 3), got shape "
                                 f"{image.shape}")
            if not np.all(np.isfinite(image)):
                raise ValueError("the current input contains NaN or infinite values")
            image.setflags(write=False)
        self.current_input = image
        self._source = source if callable(source) else str(source)
        self.sigCurrentInputChanged.emit(image)

    @property
    def dataset_name(self) -> str:
        return self._dataset_name

    def dataset(self):
        """The active `explorer.data.Dataset` (loaded on first use)."""
        if self._dataset is None:
            self._dataset = load_dataset(self._dataset_name)
        return self._dataset

    def set_dataset(self, dataset_or_name):
        """Switch the active data set (a `Dataset` or a name/path for ``load_dataset``).
        Raises ValueError/OSError from the loader, and then nothing changes."""
        if isinstance(dataset_or_name, str):
            name = dataset_or_name
            dataset = load_dataset(name)
        else:
            dataset = dataset_or_name
            name = getattr(dataset, "name", "custom")
        self._dataset, self._dataset_name = dataset, name
        self.sigDatasetChanged.emit(dataset)

    def datasets_changed(self):
        """Say that ``explorer.data.available_datasets()`` may list other sets now (a download
        finished): panels that list them refresh their lists."""
        self.sigDatasetListChanged.emit()


ORGANISATION = "CNN Explorer"
APPLICATION = "CNN Explorer"


def app_settings():
    """The app's `QSettings` (organisation and application "CNN Explorer"). Tests redirect it
    to a temporary folder with ``QSettings.setPath`` (tests/ui/conftest.py)."""
    from PySide6.QtCore import QSettings

    return QSettings(ORGANISATION, APPLICATION)
