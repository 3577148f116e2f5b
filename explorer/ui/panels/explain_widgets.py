"""A map drawn over the digit it explains, with its colour bar (the Explain tab's views), and
the labels whose texts are made again after a language change."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from explorer.ui.widgets.message_label import MessageLabel

#: Black -> red -> yellow -> white: how strongly a pixel counts (0 = not at all).
_t = np.linspace(0.0, 1.0, 256)
HEAT_LUT = np.stack([np.clip(3 * _t, 0, 1), np.clip(3 * _t - 1, 0, 1),
                     np.clip(3 * _t - 2, 0, 1)], axis=1)


def overlay_rgb(image: np.ndarray, heat: np.ndarray, alpha: float = 0.65) -> np.ndarray:
    """(H, W, 3) uint8: the grey image (H, W) in [0, 1] blended with the heat colours of
    ``heat`` (H, W) in [0, 1]; the heat's weight grows with its value (0 shows the digit).
    A colour image (H, W, 3) is shown by its brightness (the mean of its channels), so the heat
    colours stay readable."""
    image = np.clip(np.nan_to_num(np.asarray(image, dtype=np.float64)), 0, 1)
    if image.ndim == 3:
        image = image.mean(axis=2)
    heat = np.clip(np.nan_to_num(np.asarray(heat, dtype=np.float64)), 0, 1)
    if image.shape != heat.shape:
        raise ValueError(f"overlay needs an image and a map of the same shape, got {image.shape}"
                         f" and {heat.shape}")
    colour = HEAT_LUT[(heat * 255).astype(np.uint8)]
    weight = (alpha * np.sqrt(heat))[..., None]
    grey = np.repeat(image[..., None] * 0.8, 3, axis=2)
    return np.ascontiguousarray((255 * ((1 - weight) * grey + weight * colour)).astype(np.uint8))


class OverlayView(QWidget):
    """Paints a map ``(H, W)`` in [0, 1] over a grey image ``(H, W)`` and, below, the colour
    bar from 0 to 1 with a caption. ``set_maps(image, heat, caption)``; ``clear(text)``."""

    def __init__(self, parent=None, size: int = 196):
        super().__init__(parent)
        self._size = int(size)
        self._qimage: QImage | None = None
        self._caption = ""
        self._placeholder = ""
        self.heat: np.ndarray | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(self._size // 2, self._size // 2 + 40)
        bar = np.ascontiguousarray((HEAT_LUT * 255).astype(np.uint8)[None])
        self._bar = QImage(bar.data, 256, 1, 3 * 256, QImage.Format.Format_RGB888).copy()

    def __repr__(self) -> str:
        return f"OverlayView(shown={self.heat is not None}, caption={self._caption!r})"

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size + 44)

    def set_maps(self, image: np.ndarray, heat: np.ndarray, caption: str = ""):
        rgb = overlay_rgb(image, heat)
        h, w, _ = rgb.shape
        self._qimage = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self.heat = np.asarray(heat)
        self._caption = caption
        self.update()

    def clear(self, text: str = ""):
        self._qimage, self.heat, self._placeholder = None, None, text
        self._caption = ""
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        side = max(10, min(self.width(), self.height() - 44))
        square = QRectF((self.width() - side) / 2, 0, side, side)
        text_colour = self.palette().text().color()
        if self._qimage is None:
            p.setPen(text_colour)
            p.drawText(square, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self._placeholder)
            p.end()
            return
        p.drawImage(square, self._qimage)
        bar = QRectF(square.left() + 20, side + 4, max(10, side - 40), 10)
        p.drawImage(bar, self._bar)
        p.setPen(QColor(120, 120, 120))
        p.drawRect(bar)
        p.setPen(text_colour)
        p.drawText(QRectF(square.left(), side + 2, 18, 14), Qt.AlignmentFlag.AlignRight, "0")
        p.drawText(QRectF(bar.right() + 2, side + 2, 18, 14), Qt.AlignmentFlag.AlignLeft, "1")
        p.drawText(QRectF(0, side + 16, self.width(), 28),
                   Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self._caption)
        p.end()


class RenderedLabel(QLabel):
    """A label that keeps *how* its text was made, so that a language change can make it again.

    ``show_text(render)`` sets ``render()`` (a callable that calls the owner's ``tr`` and ``fill``)
    as the text and keeps ``render``; ``rerender()`` (from the owner's ``retranslate_ui``)
    calls it again; ``show_text(None)`` empties the label."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self._render: Callable[[], str] | None = None

    def __repr__(self) -> str:
        return f"RenderedLabel({self.text()!r})"

    def show_text(self, render: Callable[[], str] | None) -> None:
        self._render = render
        self.setText("" if render is None else render())

    def rerender(self) -> None:
        self.setText("" if self._render is None else self._render())


class RenderedMessage(MessageLabel):
    """A :class:`MessageLabel` whose information or error is made again by ``rerender()``
    after a language change (``show_rendered(render, error=True)``; ``clear()`` forgets it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._render: tuple[Callable[[], str], bool] | None = None

    def show_rendered(self, render: Callable[[], str], error: bool = True) -> None:
        self._render = (render, bool(error))
        self._show(render(), error)

    def clear(self) -> None:
        self._render = None
        super().clear()

    def rerender(self) -> None:
        if self._render is not None:
            render, error = self._render
            self._show(render(), error)
