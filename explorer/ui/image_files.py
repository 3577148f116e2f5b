"""Reading PNG/JPEG (and other Qt-readable) pictures: grey arrays for the Kernel lab, and a
photo scaled and centre-cropped to a network's input for the Draw tab.

Decoding needs Qt's image plugins, so this lives in the UI layer; it hands the engine a plain
``(H, W)`` float32 array in [0, 1].
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QImage, QImageReader

from explorer.ui.text import fill

#: Pictures larger than this on their longest side are scaled down (keeps filtering interactive).
MAX_SIDE = 512
#: The most pixels a picture may have to be opened at all, checked from the file's header
#: before decoding. Qt refuses to decode images past its allocation limit
#: (``QImageReader.allocationLimit()``, 256 MB: 64 M pixels at 4 bytes each) and then says
#: only "Unable to read image data"; this limit stays below it, so a picture is either decoded
#: or refused with a message giving its size and the limit.
MAX_PIXELS = 40_000_000
#: The file dialog's filter: show it with ``translate("ImageFiles", IMAGE_FILTER)``.
IMAGE_FILTER = QT_TRANSLATE_NOOP("ImageFiles", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)")


translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


class PictureError(ValueError):
    """A picture that cannot be used; ``str()`` says why in the current language (each time:
    a message kept on screen follows View > Language)."""

    def __init__(self, render: Callable[[], str]):
        super().__init__()
        self._render = render

    def __str__(self) -> str:
        return self._render()


@dataclass(frozen=True, eq=False)
class GreyImage:
    """``pixels`` ``(H, W)`` float32 in [0, 1]; ``original_size`` ``(W, H)`` of the file;
    ``note`` a message for the user when the picture was scaled down (else "")."""

    pixels: np.ndarray
    original_size: tuple[int, int]
    note: str = ""

    def __repr__(self) -> str:
        h, w = self.pixels.shape
        return f"GreyImage({w}x{h}, from {self.original_size[0]}x{self.original_size[1]})"


def qimage_to_grey(image: QImage) -> np.ndarray:
    """``(H, W)`` float32 in [0, 1] of a QImage (converted to 8-bit grey; alpha is ignored)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    h, w = grey.height(), grey.width()
    buf = np.frombuffer(grey.constBits(), dtype=np.uint8, count=grey.bytesPerLine() * h)
    rows = buf.reshape(h, grey.bytesPerLine())[:, :w]
    return rows.astype(np.float32) / 255.0


def read_picture(path) -> QImage:
    """Decode the picture ``path`` (PNG, JPEG... with its orientation applied). Raises
    ``ValueError`` saying what went wrong when it cannot be read or is too large."""
    path = Path(path)
    if not path.is_file():
        raise PictureError(lambda: fill(translate(
            "ImageFiles", "%1 does not exist or is not a file."), str(path)))
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    claimed = reader.size()  # from the header; invalid when the format does not say
    if claimed.isValid() and claimed.width() * claimed.height() > MAX_PIXELS:
        width, height = claimed.width(), claimed.height()
        raise PictureError(lambda: fill(
            translate("ImageFiles", "%1 is %2x%3 pixels, too large to open: the limit is %4 "
                      "million pixels (for example 8000x5000). Scale it down in an image editor "
                      "first."),
            path.name, width, height, MAX_PIXELS // 1_000_000))
    image = reader.read()
    if image.isNull():
        error = reader.error()
        raise PictureError(lambda: read_error_text(error, path.name))
    return image


#: Why QImageReader could not read a picture, by its error code, in our own words (Qt's
#: ``errorString()`` is English: "Unsupported image format").
_READ_ERRORS = {
    QImageReader.ImageReaderError.FileNotFoundError: QT_TRANSLATE_NOOP(
        "ImageFiles", "%1 does not exist or is not a file."),
    QImageReader.ImageReaderError.DeviceError: QT_TRANSLATE_NOOP(
        "ImageFiles", "Could not read %1: the file cannot be opened (check that you may read "
                      "it). Open a PNG or JPEG file you may read."),
    QImageReader.ImageReaderError.UnsupportedFormatError: QT_TRANSLATE_NOOP(
        "ImageFiles", "Could not read %1: it is not in a picture format CNN Explorer can open. "
                      "Open a PNG or JPEG file."),
    QImageReader.ImageReaderError.InvalidDataError: QT_TRANSLATE_NOOP(
        "ImageFiles", "Could not read %1: its picture data is damaged or incomplete. Open a "
                      "complete PNG or JPEG file."),
}


def read_error_text(error: QImageReader.ImageReaderError, name: str) -> str:
    """Why the picture ``name`` could not be read (``error``: ``QImageReader.error()``), as a
    sentence in the current language that says what to do."""
    template = _READ_ERRORS.get(error, QT_TRANSLATE_NOOP(
        "ImageFiles", "Could not read %1 as a picture. Open a PNG or JPEG file."))
    return fill(translate("ImageFiles", template), name)


def load_grey_image(path, max_side: int = MAX_SIDE) -> GreyImage:
    """Read ``path`` as grey; scale it down (smoothly, keeping its shape) when its longest side
    exceeds ``max_side``. Raises ``ValueError`` saying what went wrong when it cannot be read."""
    path = Path(path)
    image = read_picture(path)
    w, h = image.width(), image.height()
    note = ""
    if max(w, h) > max_side:
        image = image.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        note = fill(translate("ImageFiles", "%1 is %2x%3 pixels; it was scaled down to %4x%5 so "
                              "filtering stays interactive."), path.name, w, h, image.width(),
                    image.height())
    return GreyImage(qimage_to_grey(image), (w, h), note)


def fit_picture(image: QImage, height: int, width: int) -> QImage:
    """``image`` scaled (smoothly, keeping its shape) to cover ``width`` x ``height`` and
    centre-cropped to exactly that: what a network with that input size gets to see."""
    scaled = image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                          Qt.TransformationMode.SmoothTransformation)
    left = (scaled.width() - width) // 2
    top = (scaled.height() - height) // 2
    return scaled.copy(left, top, width, height)


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """``(H, W, 3)`` float32 in [0, 1] of a QImage (RGB; alpha is ignored)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = rgb.height(), rgb.width()
    buf = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=rgb.bytesPerLine() * h)
    rows = buf.reshape(h, rgb.bytesPerLine())[:, :3 * w].reshape(h, w, 3)
    return rows.astype(np.float32) / 255.0


def load_fitted_picture(path, channels: int, height: int, width: int) -> np.ndarray:
    """Read ``path`` scaled and centre-cropped to ``height`` x ``width`` (`fit_picture`):
    ``(H, W, 3)`` colour for ``channels`` 3, ``(H, W)`` grey for 1, float32 in [0, 1].
    Raises ``ValueError`` saying what went wrong."""
    if channels not in (1, 3):
        raise PictureError(lambda: fill(translate(
            "ImageFiles", "A picture has 1 (grey) or 3 (colour) channels; this network takes "
                          "%1."), channels))
    fitted = fit_picture(read_picture(path), height, width)
    return qimage_to_rgb(fitted) if channels == 3 else qimage_to_grey(fitted)
