"""What the Train panel (`explorer.ui.panels.train`) runs and shows around its own code: the
worker-thread functions it requests (the built-in architectures, saving the trained model) and
the scroll area that holds its settings form."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


def describe_architectures(_live_model) -> list[tuple[str, str, int, bool]]:
    """Runs in the worker: ``(name, description, parameter count, has dropout layers)`` of every
    built-in model."""
    from explorer.engine import build_model, describe_model, list_models

    rows = []
    for name in list_models():
        model = build_model(name)
        has_dropout = any(row["type"] == "Dropout" for row in model.summary())
        rows.append((name, describe_model(name), model.n_params, has_dropout))
    return rows


def save_model_file(path, model):
    model.save(path)
    return path


class FittingScroll(QScrollArea):
    """A vertical scroll area as tall as its widget when there is room, shorter (scrolling)
    when there is not."""

    def __init__(self, widget: QWidget, parent=None):
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        widget.installEventFilter(self)

    def sizeHint(self) -> QSize:
        hint = self.widget().sizeHint()
        width = max(self.viewport().width(), 1)
        widget = self.widget()
        height = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(),
                     height if height > 0 else hint.height())

    def eventFilter(self, watched, event):
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()    # the form's texts changed: so does the height it needs
        return super().eventFilter(watched, event)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()    # wrapped texts take another height at another width
