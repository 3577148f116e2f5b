"""The Draw tab with a network that does not take 28x28 grey digits (issue 15): a colour model
(e.g. Tiny VGG, 3x32x32) gets its input from an opened picture or the Data tab instead of the
drawing canvas.

`InputFit` decides, without Qt, what the panel can do with the live model's input shape and a
given image; `PictureBar` is the "Open image..." button, the "Sample photo" menu (real photos
shipped with the app, so a colour model has an input offline) and their note. The panel
(draw.py) wires them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from explorer.data.model_input import fits_input, image_chw
from explorer.ui.image_files import IMAGE_FILTER, load_fitted_picture
from explorer.ui.sample_photos import SAMPLE_PHOTOS, load_sample_photo, photo_credit, photo_title
from explorer.ui.text import fill

__all__ = ["CANVAS_INPUT", "InputFit", "PictureBar", "shape_words"]

#: The only input the drawing canvas makes: one 28x28 grey digit.
CANVAS_INPUT = (1, 28, 28)


def shape_words(shape) -> str:
    """``(3, 32, 32)`` as "3x32x32"."""
    return "x".join(str(int(s)) for s in shape)


@dataclass(frozen=True)
class InputFit:
    """What the Draw tab can do with a model whose input is ``shape`` (C, H, W)."""

    shape: tuple[int, int, int] | None

    @property
    def canvas_works(self) -> bool:
        """The drawing canvas makes 1x28x28 digits: only such a model can read it."""
        return self.shape is None or tuple(self.shape) == CANVAS_INPUT

    def fits(self, image) -> bool:
        """Whether ``image`` ((H, W) or (H, W, 3)) is exactly what the model takes."""
        return self.shape is None or fits_input(image, self.shape)

    def mismatch(self, image) -> str:
        """The sentence for an input the model cannot take, in the current language."""
        return fill(QCoreApplication.translate(
            "DrawPanel", "This input is %1 (channels x height x width) but the live model "
                         "takes %2: open a picture (Open image... or Sample photo) or choose "
                         "an image of the right kind in the Data tab."),
            shape_words(image_chw(image)), shape_words(self.shape))


class PictureBar(QWidget):
    """"Open image...", "Sample photo" (a menu of the photos in resources/photos) and a line
    saying what happened; emits ``sigPicture(image, name)`` with the picture scaled and
    centre-cropped to the live model's input."""

    sigPicture = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("drawPictureBar")
        self.shape: tuple[int, int, int] | None = None
        self.button = QPushButton(self)
        self.button.setObjectName("openPictureButton")
        self.button.clicked.connect(self.choose)
        self.samples = QPushButton(self)
        self.samples.setObjectName("samplePhotoButton")
        self.sample_menu = QMenu(self.samples)
        self.sample_menu.setObjectName("samplePhotoMenu")
        for key in SAMPLE_PHOTOS:
            action = self.sample_menu.addAction("")
            action.setData(key)
            action.triggered.connect(lambda _checked=False, key=key: self.open_sample(key))
        self.samples.setMenu(self.sample_menu)
        self.note = QLabel(self)
        self.note.setObjectName("openPictureNote")
        self.note.setWordWrap(True)
        self._note = None   # callable rendering the note in the current language
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.samples)
        layout.addWidget(self.note, 1)
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.button.setText(self.tr("&Open image..."))
        self.button.setToolTip(self.tr(
            "Open your own picture (PNG or JPEG): it is scaled and centre-cropped to the live "
            "model's input, shown as the network sees it, and classified."))
        self.samples.setText(self.tr("Sample &photo"))
        self.samples.setToolTip(self.tr(
            "A real photo shipped with the app (public domain or CC0), scaled and centre-cropped "
            "to the live model's input: a colour model has something to classify offline."))
        for action in self.sample_menu.actions():
            action.setText(photo_title(action.data()))
            action.setToolTip(photo_credit(action.data()))
        self.note.setText(self._note() if self._note is not None else "")

    def set_shape(self, shape) -> None:
        """The live model's input (C, H, W)."""
        self.shape = None if shape is None else tuple(shape)

    def choose(self):
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open image"), str(Path.home()),
            QCoreApplication.translate("ImageFiles", IMAGE_FILTER))
        if path:
            self.open(path)

    def open(self, path) -> np.ndarray | None:
        """Read ``path`` for the live model and emit it; a failure is said in the note."""
        c, h, w = self.shape or CANVAS_INPUT
        try:
            image = load_fitted_picture(path, c, h, w)
        except ValueError as exc:
            return self._failed(exc)
        name = Path(path).name
        self._say(lambda: fill(self.tr("%1, scaled and centre-cropped to %2x%3 pixels."),
                               name, w, h))
        self.sigPicture.emit(image, name)
        return image

    def _say(self, render) -> None:
        """Show ``render()`` in the note, again after a language switch."""
        self._note = render
        self.note.setText(render())

    def _failed(self, problem: ValueError) -> None:
        """Say why a picture could not be used (a PictureError says it in the current
        language at each str())."""
        self._say(lambda: str(problem))
        return None

    def open_sample(self, key: str) -> np.ndarray | None:
        """Fit the sample photo ``key`` to the live model and emit it (a failure is said in
        the note)."""
        c, h, w = self.shape or CANVAS_INPUT
        try:
            image = load_sample_photo(key, c, h, w)
        except ValueError as exc:
            return self._failed(exc)
        self._say(lambda: fill(self.tr(
            "The sample photo \u201c%1\u201d, scaled and centre-cropped to %2x%3 pixels. %4"),
            photo_title(key), w, h, photo_credit(key)))
        self.sigPicture.emit(image, photo_title(key))
        return image
