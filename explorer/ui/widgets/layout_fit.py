"""Layouts inside a resizable `QScrollArea` that take the viewport's size instead of their
preferred one.

A word-wrapped label gives a layout a height-for-width, and `QScrollArea` then makes the widget
as tall as its *preferred* height: views that would shrink to fit the window end behind a
scroll bar. `FitToViewport` (the Convolution tab's grids) and `ColumnsLayout` (the Kernel lab's
columns) keep them on screen; scrolling starts only below their minimum size. `VerticalScroll`
is a column that scrolls only up and down and asks for the width its contents need, in
whatever language their texts are.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget


class FitToViewport(QWidget):
    """The contents of a resizable `QScrollArea` that takes the viewport's height whenever its
    layout's minimum fits: QScrollArea makes a widget whose layout has height-for-width (any
    word-wrapped label) as tall as its *preferred* height, so grids that would shrink to fit
    ended behind a scroll bar. Scrolling now starts only below the minimum (e.g. the grids'
    smallest cells)."""

    @classmethod
    def around(cls, widget: QWidget) -> FitToViewport:
        """A `FitToViewport` holding just ``widget`` (no margins), for a scroll area."""
        holder = cls()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        return holder

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        return max(layout.minimumHeightForWidth(width), self.minimumHeight())


class ColumnsLayout(QHBoxLayout):
    """Side-by-side columns that never report a height-for-width (see the module docstring)."""

    def hasHeightForWidth(self) -> bool:
        return False


class VerticalScroll(QScrollArea):
    """A resizable scroll area around ``widget`` that scrolls only vertically. Its size hints
    are as wide as the widget's minimum plus the vertical scroll bar, so the surrounding layout
    gives it that width: texts that grow with the language (longer buttons) widen the column
    instead of hiding behind a horizontal scroll bar."""

    def __init__(self, widget: QWidget, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)
        widget.installEventFilter(self)

    def _needed_width(self) -> int:
        return (self.widget().minimumSizeHint().width()
                + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._needed_width(), self.minimumWidth()), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(self._needed_width(), self.minimumWidth()), hint.height())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()   # the contents' minimum may have changed (new texts)
        return super().eventFilter(watched, event)


def side_width(side: int, viewport: int, needed: int, lo: int, hi: int) -> int:
    """The width a side column should take so that the views beside it need no horizontal
    scrolling: the views' viewport is ``viewport`` pixels wide and their contents need
    ``needed``; the column (now ``side`` wide) gives way down to ``lo`` and takes what the views
    leave up to ``hi``."""
    return max(lo, min(hi, side + viewport - needed))


class GiveWay(QObject):
    """Lets ``side`` (a column of controls beside some views) narrow down to ``lo`` pixels
    while the views in the visible one of ``scrolls`` (resizable `QScrollArea`\\ s) would
    otherwise scroll sideways, and widen up to ``hi`` where they leave the room: a fixed
    preferred width made the Convolution tab's grids scroll sideways in a 1024-pixel window
    as soon as the set-up's texts got long. It follows the viewports' sizes and the views'
    contents."""

    def __init__(self, side: QWidget, scrolls, lo: int, hi: int):
        super().__init__(side)
        self._side, self._scrolls, self._lo, self._hi = side, list(scrolls), lo, hi
        side.setMinimumWidth(lo)
        side.setMaximumWidth(hi)
        for scroll in self._scrolls:
            scroll.viewport().installEventFilter(self)
            scroll.widget().installEventFilter(self)

    def fit(self) -> None:
        """Set the side column's largest width for the views shown now."""
        for scroll in self._scrolls:
            if scroll.isVisible():
                needed = scroll.widget().minimumSizeHint().width()
                width = side_width(self._side.width(), scroll.viewport().width(), needed,
                                   self._lo, self._hi)
                if width != self._side.maximumWidth():
                    self._side.setMaximumWidth(width)
                return

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.fit()
        return False
