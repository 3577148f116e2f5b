"""A grid of small images with captions (filters, feature maps, misclassified digits)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.ui.widgets.imaging import is_rgb, rgb_qimage, to_qimage, value_range
from explorer.ui.widgets.live_text import LiveText, render


class ImageGrid(QWidget):
    """Paints ``N`` images ``(N, H, W)`` in a grid, each with an optional caption.

    ``levels``: ``"shared"`` (one value range for all, so brightness compares across cells),
    ``"each"`` (every image scaled to its own range) or an explicit ``(lo, hi)``.
    ``cmap``: ``"grey"`` or ``"diverging"`` (for signed values such as filter weights).
    Clicking a cell emits ``sigImageClicked(index)``; hovering shows its caption and value range.
    Captions and tooltips are the owner's (already translated; it sets them again when the
    language changes); the placeholder is a `LiveText`, so ``lambda: self.tr("Draw a digit")``
    follows a change of language by itself.
    """

    sigImageClicked = Signal(int)

    def __init__(self, parent=None, *, cell_size: int = 48, columns: int | None = None,
                 cmap: str = "grey", levels="shared", centred: bool = False):
        super().__init__(parent)
        #: the cells in the middle of the widget (else at its top left)
        self.centred = centred
        self.cell_size = int(cell_size)
        self.columns = columns
        self.cmap = cmap
        self.levels = levels
        self._images: list = []
        self._ranges: list = []
        self._captions: list[str] = []
        self._tooltips: list[str] = []
        self._highlight: int | None = None
        self._placeholder: LiveText = ""
        self._hover_tip = ""
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(self.cell_size + 8, self.cell_size + 24)

    def __repr__(self) -> str:
        return f"ImageGrid(n={len(self._images)}, cmap={self.cmap!r}, levels={self.levels!r})"

    def count(self) -> int:
        return len(self._images)

    def captions(self) -> list[str]:
        return list(self._captions)

    def set_images(self, images, captions=None, tooltips=None):
        """Show ``images`` ``(N, H, W)`` (or a list of 2-D arrays) with optional captions.
        A colour image ``(H, W, 3)`` (RGB, channel-last) is shown in its own colours, its
        three channels scaled by the same range."""
        arrays = [np.asarray(a, dtype=np.float64) for a in images]
        for a in arrays:
            if not (a.ndim == 2 or is_rgb(a)):
                raise ValueError(f"ImageGrid needs 2-D or (H, W, 3) images, got shape {a.shape}")
        diverging = self.cmap == "diverging"
        if isinstance(self.levels, tuple):
            ranges = [self.levels] * len(arrays)
        elif self.levels == "each" or not arrays:
            ranges = [value_range(a, diverging) for a in arrays]
        else:
            stacked = np.concatenate([a.ravel() for a in arrays])
            ranges = [value_range(stacked, diverging)] * len(arrays)
        self._images = [rgb_qimage(a, r) if is_rgb(a) else to_qimage(a, r, self.cmap)
                        for a, r in zip(arrays, ranges)]
        self._ranges = ranges
        self._captions = list(captions) if captions is not None else [""] * len(arrays)
        self._tooltips = list(tooltips) if tooltips is not None else list(self._captions)
        self.updateGeometry()
        self.update()

    @property
    def placeholder(self) -> str:
        """The text shown while there are no images, in the current language."""
        return render(self._placeholder)

    def set_placeholder(self, text: LiveText):
        """Text shown while there are no images (what to do to get some)."""
        self._placeholder = text
        self.update()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """The placeholder is rendered at paint time; a tooltip this widget made on hover (not
        the owner's) is dropped, to be made anew in the new language."""
        if self._hover_tip and self.toolTip() == self._hover_tip:
            self.setToolTip("")
        self.update()

    def set_highlight(self, index: int | None):
        self._highlight = index
        self.update()

    # --- layout -----------------------------------------------------------------------
    def _grid(self) -> tuple[int, int, int]:
        """``(columns, cell size, caption height)``: the largest cells that fit every image."""
        n = max(1, len(self._images))
        caption = 16 if any(self._captions) else 0
        width, height = self.width() - 4, self.height() - 4
        choices = [self.columns] if self.columns else range(1, n + 1)
        best = (1, 0)
        for cols in choices:
            rows = math.ceil(n / cols)
            size = min(width // cols - 6, height // rows - 6 - caption)
            if size > best[1]:
                best = (cols, size)
        cols, size = best
        return cols, max(4, min(size, 4 * self.cell_size)), caption

    def _cell_rect(self, i: int) -> QRect:
        cols, size, caption = self._grid()
        r, c = divmod(i, cols)
        left = top = 2
        if self.centred:
            rows = math.ceil(max(1, len(self._images)) / cols)
            left = max(2, (self.width() - cols * (size + 6)) // 2)
            top = max(2, (self.height() - rows * (size + 6 + caption)) // 2)
        return QRect(left + c * (size + 6), top + r * (size + 6 + caption), size, size)

    def sizeHint(self) -> QSize:
        n = max(1, len(self._images))
        cols = self.columns or min(n, 8)
        rows = math.ceil(n / cols)
        caption = 16 if any(self._captions) else 0
        return QSize(cols * (self.cell_size + 6) + 4, rows * (self.cell_size + 6 + caption) + 4)

    def index_at(self, pos) -> int | None:
        for i in range(len(self._images)):
            if self._cell_rect(i).contains(pos):
                return i
        return None

    # --- events -----------------------------------------------------------------------
    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        if not self._images:
            p.setPen(self.palette().text().color())
            p.drawText(self.rect().adjusted(6, 6, -6, -6),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        _, size, caption = self._grid()
        for i, img in enumerate(self._images):
            rect = self._cell_rect(i)
            p.drawImage(rect, img)
            p.setPen(QPen(QColor(255, 120, 0), 3) if i == self._highlight
                     else QPen(QColor(128, 128, 128), 1))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            if caption and self._captions[i]:
                # no wider than its cell ("…" where cut; hovering shows it whole): captions
                # wider than small cells ran into each other ("1→70→8…")
                text = self.caption_shown(i, size + 6)
                p.setPen(self.palette().text().color())
                p.drawText(QRect(rect.left() - 3, rect.bottom() + 1, size + 6, caption),
                           Qt.AlignmentFlag.AlignCenter, text)
        p.end()

    def caption_shown(self, index: int, width: int) -> str:
        """Caption ``index`` as painted in a cell ``width`` pixels wide: elided to fit, or
        nothing where only "…" would be left."""
        shown = self.fontMetrics().elidedText(self._captions[index], Qt.TextElideMode.ElideRight,
                                              width)
        return "" if shown == "\u2026" else shown

    def mouseMoveEvent(self, event):
        i = self.index_at(event.position().toPoint())
        if i is None:
            self.setToolTip("")
        else:
            lo, hi = self._ranges[i]
            tip = self._tooltips[i] if i < len(self._tooltips) else ""
            # + 0.0: a negative zero reads as 0
            self._hover_tip = f"{tip}\n[{lo + 0.0:.3g}, {hi + 0.0:.3g}]".strip()
            self.setToolTip(self._hover_tip)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event):
        i = self.index_at(event.position().toPoint())
        if i is not None:
            self.sigImageClicked.emit(i)
        super().mousePressEvent(event)
