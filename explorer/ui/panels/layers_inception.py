"""The Inception block opened up, for the Layers tab (issue 12): its four branches side by
side, each branch's channels coloured in the block's concatenated output, and what the block
would cost without its 1x1 reductions.

The numbers come from the engine (`explorer.engine.insight.inception_anatomy`) in the worker
(`inception_job`); `InceptionBox` draws the channel strip and says the rest in sentences.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSizePolicy, QWidget

from explorer.engine.insight import inception_anatomy
from explorer.ui.text import fill

#: One colour per branch (b1..b4), used in the strip and beside each branch's line.
BRANCH_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd")


def inception_job(layer: str, model) -> dict:
    """Runs in the worker thread: the block's anatomy and, per branch, its steps as
    ``(kind, kernel, filters)`` tuples (kind "Conv2D", "ReLU" or "MaxPool2D"; kernel
    ``(KH, KW)`` or None; filters an int or None), for the panel to put into words."""
    block = next((item for item in model.layers if item.name == layer), None)
    if block is None:   # the live model was replaced while the request waited
        raise ValueError(f"the live model {model.name} has no layer {layer!r}")
    steps = [[(sub.type_name, tuple(getattr(sub, "kernel_size", ())) or None,
               getattr(sub, "filters", None)) for sub in branch] for branch in block.branches]
    return {"anatomy": inception_anatomy(model, layer), "steps": steps}


class ChannelStrip(QWidget):
    """The block's output channels in a row, each coloured by the branch that made it, with
    the first channel of each branch written under its segment."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ranges: list[tuple[int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(34)

    def __repr__(self) -> str:
        return f"ChannelStrip({self.ranges})"

    def set_ranges(self, ranges) -> None:
        """``ranges``: ``[start, stop)`` of every branch's channels, in order."""
        self.ranges = [(int(a), int(b)) for a, b in ranges]
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 34)

    def paintEvent(self, event):
        if not self.ranges:
            return
        total = self.ranges[-1][1]
        cell = (self.width() - 2) / max(total, 1)
        p = QPainter(self)
        for i, (start, stop) in enumerate(self.ranges):
            colour = QColor(BRANCH_COLOURS[i % len(BRANCH_COLOURS)])
            for c in range(start, stop):
                p.fillRect(QRectF(1 + c * cell, 1, max(cell - 1, 1), 16), colour)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(1 + start * cell, 18, max((stop - start) * cell, 20), 16),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(start))
        p.end()


class InceptionBox(QGroupBox):
    """Shown while an Inception layer is selected: its branches and the cost comparison.
    ``set_layer(name, kind)`` with the selected layer (hidden unless ``kind`` is Inception)."""

    def __init__(self, client, parent=None):
        super().__init__(parent)
        self.setObjectName("inceptionBox")
        self.client = client
        self.layer: str | None = None
        self.result: dict | None = None
        self.error: str | None = None
        self.strip = ChannelStrip(self)
        self.strip.setObjectName("inceptionChannels")
        self.intro = QLabel(self)
        self.intro.setObjectName("inceptionIntro")
        self.intro.setWordWrap(True)
        self.branch_labels = []
        layout = QGridLayout(self)
        layout.addWidget(self.intro, 0, 0, 1, 2)
        layout.addWidget(self.strip, 1, 0, 1, 2)
        for i, colour in enumerate(BRANCH_COLOURS):
            swatch = QLabel("\u25a0", self)
            swatch.setStyleSheet(f"color: {colour}; font-size: 14pt;")
            label = QLabel(self)
            label.setObjectName(f"inceptionBranch{i + 1}")
            label.setWordWrap(True)
            layout.addWidget(swatch, 2 + i, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, 2 + i, 1)
            self.branch_labels.append(label)
        self.comparison = QLabel(self)
        self.comparison.setObjectName("inceptionComparison")
        self.comparison.setWordWrap(True)
        layout.addWidget(self.comparison, 6, 0, 1, 2)
        layout.setColumnStretch(1, 1)
        self.setVisible(False)
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"InceptionBox(layer={self.layer!r}, ready={self.result is not None})"

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.setTitle(self.tr("Inception opened up"))
        self.strip.setToolTip(self.tr(
            "The block's output channels in order: each branch's maps are stacked after the "
            "previous branch's. The colour says which branch made a channel."))
        self._render()

    def set_layer(self, name: str | None, kind: str | None) -> None:
        """Follow the selected layer: ask the worker for the block when it is an Inception."""
        if kind != "Inception":
            self.layer, self.result, self.error = None, None, None
            self.setVisible(False)
            return
        if name == self.layer and (self.result is not None or self.error is not None):
            return
        self.layer, self.result, self.error = name, None, None
        self.setVisible(True)
        self._render()
        self.client.request(partial(inception_job, name), owner=self, key="inception",
                            on_result=self._on_result, on_error=self._on_error)

    def _on_result(self, result: dict) -> None:
        self.result = result
        self.strip.set_ranges([b.channel_range for b in result["anatomy"].branches])
        self._render()

    def _on_error(self, message: str) -> None:
        self.error = message
        self._render()

    def _step_text(self, kind: str, kernel, filters) -> str:
        if kind == "Conv2D":
            return fill(self.tr("%1\u00d7%2 convolution, %3 filters"), kernel[0], kernel[1],
                        filters)
        if kind == "MaxPool2D":
            return fill(self.tr("%1\u00d7%2 max pooling"), kernel[0], kernel[1])
        return kind   # ReLU: a name kept in Latin letters

    def _render(self) -> None:
        if self.error is not None:
            self.intro.setText(fill(self.tr("The block could not be opened: %1"), self.error))
        elif self.result is None:
            self.intro.setText(self.tr("Opening the block..."))
        for label in self.branch_labels:
            label.setText("")
        self.comparison.setText("")
        if self.result is None:
            return
        a = self.result["anatomy"]
        self.intro.setText(fill(self.tr(
            "%1 runs four branches side by side on the same %2 input channels and stacks their "
            "maps into %3 output channels:"), a.name, a.in_channels, a.out_channels))
        for i, (branch, steps) in enumerate(zip(a.branches, self.result["steps"])):
            recipe = " \u2192 ".join(self._step_text(*step) for step in steps)
            self.branch_labels[i].setText(fill(self.tr(
                "Branch %1: %2. Channels %3 to %4 of the output; %5 parameters."),
                i + 1, recipe, branch.channel_range[0], branch.channel_range[1] - 1,
                f"{branch.params:,}"))
        self.comparison.setText(fill(self.tr(
            "Without the 1x1 reductions (the 3x3 and 5x5 convolutions applied to all %1 input "
            "channels) the block would need %2 parameters instead of %3, %4 times as many, and "
            "%5 multiplications per pixel instead of %6."), a.in_channels,
            f"{a.params_without_reduction:,}", f"{a.params:,}",
            f"{a.params_without_reduction / a.params:.1f}", f"{a.mults_without_reduction:,}",
            f"{a.mults:,}"))
