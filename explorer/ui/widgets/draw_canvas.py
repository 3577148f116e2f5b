"""A square canvas for drawing a digit with the mouse or a pen tablet (white ink on black)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CANVAS_SIZE = 280  #: pixels of the drawing (10x MNIST's 28), whatever the widget's size
UNDO_DEPTH = 50


class DrawCanvas(QWidget):
    """Draws antialiased round strokes into a ``CANVAS_SIZE`` square grey image.

    ``image_array()`` returns the drawing as a ``(CANVAS_SIZE, CANVAS_SIZE)`` uint8 array (ink
    255). Every stroke can be undone (``undo``); ``clear`` is undoable too. ``sigChanged`` fires
    on every pen move that changed pixels; ``sigStrokeFinished`` when the pen is lifted.
    With ``eraser`` on, strokes paint black. A tablet pen's pressure scales the brush width.
    """

    sigChanged = Signal()
    sigStrokeFinished = Signal()

    def __init__(self, parent=None, size: int = CANVAS_SIZE):
        super().__init__(parent)
        self.setObjectName("drawCanvas")
        self._image = QImage(size, size, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._undo: list[QImage] = []
        self._last: QPointF | None = None
        self.brush_width = 20.0
        self.eraser = False
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def __repr__(self) -> str:
        return (f"DrawCanvas(size={self._image.width()}, brush={self.brush_width}, "
                f"eraser={self.eraser}, empty={self.is_empty()}, undo={len(self._undo)})")

    # --- model ----------------------------------------------------------------------------
    def image_array(self) -> np.ndarray:
        """The drawing, ``(H, W)`` uint8, ink = 255 (a copy)."""
        img = self._image
        h, w, bpl = img.height(), img.width(), img.bytesPerLine()
        buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=h * bpl)
        return buf.reshape(h, bpl)[:, :w].copy()

    def is_empty(self) -> bool:
        return not self.image_array().any()

    def clear(self):
        """Erase everything (undoable)."""
        if self.is_empty():
            return
        self._push_undo()
        self._image.fill(0)
        self.update()
        self.sigChanged.emit()
        self.sigStrokeFinished.emit()

    def undo(self):
        """Restore the drawing as it was before the last stroke (or clear)."""
        if not self._undo:
            return
        self._image = self._undo.pop()
        self.update()
        self.sigChanged.emit()
        self.sigStrokeFinished.emit()

    def set_image_array(self, array: np.ndarray):
        """Replace the drawing with ``array`` (2-D, 0..255), resized to the canvas (undoable)."""
        a = np.ascontiguousarray(np.clip(array, 0, 255).astype(np.uint8))
        if a.ndim != 2:
            raise ValueError(f"the canvas takes a 2-D grey image, got shape {a.shape}")
        self._push_undo()
        src = QImage(a.data, a.shape[1], a.shape[0], a.shape[1], QImage.Format.Format_Grayscale8)
        self._image = src.scaled(self._image.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation).convertToFormat(
            QImage.Format.Format_Grayscale8)
        self.update()
        self.sigChanged.emit()
        self.sigStrokeFinished.emit()

    def _push_undo(self):
        self._undo.append(self._image.copy())
        del self._undo[:-UNDO_DEPTH]

    # --- geometry -------------------------------------------------------------------------
    def _target(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_canvas(self, pos: QPointF) -> QPointF:
        t = self._target()
        scale = self._image.width() / t.width()
        return QPointF((pos.x() - t.left()) * scale, (pos.y() - t.top()) * scale)

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # --- drawing --------------------------------------------------------------------------
    def _begin(self, pos: QPointF):
        self._push_undo()
        self._last = self._to_canvas(pos)
        self._stroke_to(self._last, 1.0)

    def _stroke_to(self, point: QPointF, pressure: float):
        p = QPainter(self._image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(0, 0, 0) if self.eraser else QColor(255, 255, 255)
        width = max(1.0, self.brush_width * (2.0 if self.eraser else 1.0) * pressure)
        p.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.drawLine(self._last, point)
        p.end()
        self.update(self._dirty_rect(self._last, point, width))
        self._last = point
        self.sigChanged.emit()

    def _dirty_rect(self, a: QPointF, b: QPointF, width: float):
        """The widget rectangle a segment from ``a`` to ``b`` (canvas pixels) repaints: only
        that part is redrawn while the pen moves."""
        t = self._target()
        scale = t.width() / self._image.width()
        pad = width / 2 + 2
        left, right = min(a.x(), b.x()) - pad, max(a.x(), b.x()) + pad
        top, bottom = min(a.y(), b.y()) - pad, max(a.y(), b.y()) + pad
        return QRectF(t.left() + left * scale, t.top() + top * scale,
                      (right - left) * scale, (bottom - top) * scale).toAlignedRect().adjusted(
            -1, -1, 1, 1)

    def _end(self):
        if self._last is not None:
            self._last = None
            self.sigStrokeFinished.emit()

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event):
        if self._last is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._stroke_to(self._to_canvas(event.position()), 1.0)

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()

    def tabletEvent(self, event):
        kind = event.type()
        pressure = min(1.5, max(0.2, event.pressure() * 1.5))
        if kind == event.Type.TabletPress:
            self._begin(event.position())
        elif kind == event.Type.TabletMove and self._last is not None:
            self._stroke_to(self._to_canvas(event.position()), pressure)
        elif kind == event.Type.TabletRelease:
            self._end()
        event.accept()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setClipRect(event.rect())
        p.fillRect(event.rect(), self.palette().window())
        t = self._target()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(t, self._image)
        p.end()
