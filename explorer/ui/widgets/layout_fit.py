"""Layouts inside a resizable `QScrollArea` that take the viewport's size instead of their
preferred one.

A word-wrapped label gives a layout a height-for-width, and `QScrollArea` then makes the widget
as tall as its *preferred* height: views that would shrink to fit the window end behind a
scroll bar. `FitToViewport` (the Convolution tab's grids) and `ColumnsLayout` (the Kernel lab's
columns) keep them on screen; scrolling starts only below their minimum size.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget


class FitToViewport(QWidget):
    """The contents of a resizable `QScrollArea` that takes the viewport's height whenever its
    layout's minimum fits: QScrollArea makes a widget whose layout has height-for-width (any
    word-wrapped label) as tall as its *preferred* height, so grids that would shrink to fit
    ended behind a scroll bar. Scrolling now starts only below the minimum (e.g. the grids'
    smallest cells)."""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        return max(layout.minimumHeightForWidth(width), self.minimumHeight())


class ColumnsLayout(QHBoxLayout):
    """Side-by-side columns that never report a height-for-width (see the module docstring)."""

    def hasHeightForWidth(self) -> bool:
        return False
