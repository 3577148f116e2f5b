"""The one "test image #i" picker: a spin box whose range follows the active data set.

Layers, Convolution and the Kernel lab each let the user pick an image of the active data set's
test split. The picker keeps its range at ``0 .. len(test_images) - 1`` of the data set in
`explorer.ui.state.AppState`; when the data set changes to a smaller one it moves the index
back into range and says so with `sigClamped` (the panel writes the sentence).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import QSpinBox

from explorer.ui.text import fill

#: The range used before the data set is known (a remembered index is kept until then).
UNKNOWN_MAX = 1_000_000


class ImageIndexPicker(QSpinBox):
    """A `QSpinBox` for a test-image index that follows ``state``'s data set.

    ``count`` is the number of test images of the active set (None until it was loaded: the
    set is loaded lazily, on `sync` or a data-set change). Signals: ``valueChanged(int)`` as
    any spin box (not when the data set moves the index); ``sigFollowed(asked, used, count)``
    after every data-set change, once the range is the new set's (``used != asked`` when the
    index had to move into it: the panel says so, then shows the image)."""

    sigFollowed = Signal(int, int, int)

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.count: int | None = None
        self.setRange(0, UNKNOWN_MAX)
        self.setAccelerated(True)
        state.sigDatasetChanged.connect(self._on_dataset_change)

    def __repr__(self) -> str:
        return f"ImageIndexPicker(#{self.value()} of {self.count})"

    def sync(self) -> int | None:
        """Load the active data set if needed and clamp to its size; the number of test
        images, or None when the set cannot be loaded (then nothing changes)."""
        if self.count is None:
            try:
                dataset = self.state.dataset()
            except (OSError, ValueError):
                return None
            self._follow(len(dataset.test_images))
        return self.count

    @staticmethod
    def moved_text(asked: int, used: int, count: int) -> str:
        """The one sentence every panel shows when the index had to move into a smaller set."""
        return fill(QCoreApplication.translate(
            "ImageIndexPicker", "The data set has %1 test images, so there is no test image "
            "#%2: showing #%3, the last one."), count, asked, used)

    def set_index(self, index: int) -> None:
        """Select ``index`` (clamped to the known range)."""
        self.setValue(int(index))

    def _on_dataset_change(self, dataset) -> None:
        asked = self.value()
        self._follow(len(dataset.test_images))
        self.sigFollowed.emit(asked, self.value(), self.count)

    def _follow(self, count: int) -> None:
        self.count = int(count)
        with QSignalBlocker(self):
            self.setRange(0, max(0, self.count - 1))
