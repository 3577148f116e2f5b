"""What each layer type does, in one phrase, for the Layers tab (translated at use).

The phrases are marked with ``QT_TRANSLATE_NOOP`` in the ``LayersPanel`` context (the panel
translates them with its own ``self.tr``); the panel fits them into whole sentences
("conv1 (Conv2D) receives 1x28x28 and %4.") or ends one with the sentence template ``"%1."``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidgetItem

from explorer.ui.layer_trace import shape_text
from explorer.ui.text import fill

def describe_type(kind: str) -> str:
    """What a layer type does, in one phrase (untranslated: pass it through ``tr``)."""
    return {
        "Conv2D": QT_TRANSLATE_NOOP("LayersPanel", "slides its filters over every input channel "
                                                   "and adds the results"),
        "ReLU": QT_TRANSLATE_NOOP("LayersPanel", "keeps positive values, sets negative ones to 0"),
        "Tanh": QT_TRANSLATE_NOOP("LayersPanel", "squashes every value into (-1, 1)"),
        "Sigmoid": QT_TRANSLATE_NOOP("LayersPanel", "squashes every value into (0, 1)"),
        "LeakyReLU": QT_TRANSLATE_NOOP("LayersPanel", "keeps positive values, scales negative "
                                                      "ones down"),
        "MaxPool2D": QT_TRANSLATE_NOOP("LayersPanel", "keeps the largest value of each window, "
                                                      "channel by channel"),
        "AvgPool2D": QT_TRANSLATE_NOOP("LayersPanel", "averages each window, channel by channel"),
        "Flatten": QT_TRANSLATE_NOOP("LayersPanel", "lays all maps out as one long vector (no "
                                                    "computation)"),
        "Dense": QT_TRANSLATE_NOOP("LayersPanel", "every output is a weighted sum of all inputs "
                                                  "plus a bias"),
        "Dropout": QT_TRANSLATE_NOOP("LayersPanel", "during training drops random values; here "
                                                    "(inference) it passes them on"),
        "LocalResponseNorm": QT_TRANSLATE_NOOP("LayersPanel", "divides each value by the activity "
                                                              "of neighbouring channels"),
        "BatchNorm2D": QT_TRANSLATE_NOOP("LayersPanel", "normalises each channel with learned "
                                                        "scale and shift"),
        "Inception": QT_TRANSLATE_NOOP("LayersPanel", "runs 1x1, 3x3, 5x5 and pooling branches "
                                                      "side by side and stacks their maps"),
    }.get(kind, "")


translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


def retranslate_static(panel) -> None:
    """Set every static text of a `LayersPanel` (labels, buttons, tooltips, headers, the grids'
    placeholders and value names) in the current language; its ``retranslate_ui`` then renders
    the dynamic ones. The texts are in the panel's own context, ``LayersPanel``."""
    panel.heading.setText(translate("LayersPanel", "<b>The network, layer by layer</b>"))
    panel.table.setHorizontalHeaderLabels([
        translate("LayersPanel", "Layer"), translate("LayersPanel", "Type"),
        translate("LayersPanel", "Receives"), translate("LayersPanel", "Output (C,H,W)"),
        translate("LayersPanel", "Parameters")])
    panel.table.setToolTip(translate(
        "LayersPanel",
        "Every layer in order: what it receives, the shape of its output (channels, height, "
        "width; or a vector length) and how many numbers it learns. Click a row or use "
        "Page Up / Page Down."))
    panel.prev_button.setText(translate("LayersPanel", "\u25b2 Previous"))
    panel.prev_button.setToolTip(translate("LayersPanel", "The layer before (Page Up)."))
    panel.next_button.setText(translate("LayersPanel", "Next \u25bc"))
    panel.next_button.setToolTip(translate("LayersPanel", "The layer after (Page Down)."))
    panel.source_box.setTitle(translate("LayersPanel", "Input"))
    panel.use_current.setText(translate("LayersPanel", "Current input (Draw tab)"))
    panel.use_current.setToolTip(translate(
        "LayersPanel", "Follow the digit drawn in the Draw tab, live."))
    panel.use_test.setText(translate("LayersPanel", "Test-set digit:"))
    panel.use_test.setToolTip(translate(
        "LayersPanel", "Look at one digit of the test set instead."))
    panel.test_index.setToolTip(translate("LayersPanel", "Number of the test-set image."))
    panel.input_view.setToolTip(translate("LayersPanel", "The 28x28 image fed to the network."))
    panel.per_map.setText(translate("LayersPanel", "Scale each map on its own"))
    panel.per_map.setToolTip(translate(
        "LayersPanel",
        "Off: one colour scale for the whole layer, so brightness compares across maps "
        "(a dark map really is weak). On: every map stretched to its own range, to see the "
        "shape of weak maps."))
    panel.maps.setToolTip(translate(
        "LayersPanel", "One image per channel. Click a map to open it large."))
    panel.maps.set_placeholder(translate("LayersPanel", "Waiting for the network's answer..."))
    panel.strip.setToolTip(translate(
        "LayersPanel", "The layer's output vector, one cell per value."))
    panel.strip.value_name = translate("LayersPanel", "value")
    panel.detail.value_name = translate("LayersPanel", "activation")
    panel.detail.setToolTip(translate("LayersPanel", "Hover to read each value."))
    panel.kernels.setToolTip(translate(
        "LayersPanel",
        "The kernel applied to each input channel (blue negative, red positive); click one "
        "to read its numbers."))
    panel.kernel_numbers.value_name = translate("LayersPanel", "weight")
    panel.source_map.value_name = translate("LayersPanel", "input value")


def type_sentence(kind: str) -> str:
    """What a layer of type ``kind`` does (`describe_type`), translated, as a sentence."""
    text = translate("LayersPanel", describe_type(kind))
    return fill(translate("LayersPanel", "%1.", "a layer type's description ended as a sentence"),
                text[:1].upper() + text[1:])


def fill_table(table, summary: list[dict], fv: int | None) -> None:
    """One row per layer of ``summary`` (``Model.summary()`` rows) in the Layers tab's
    ``table``, with what it receives and a tooltip saying what it does; row ``fv`` (the
    feature vector) starred."""
    table.setRowCount(len(summary))
    for i, row in enumerate(summary):
        receives = translate("LayersPanel", "the image") if i == 0 else summary[i - 1]["name"]
        cells = [row["name"], row["type"], receives, shape_text(row["output_shape"]),
                 f"{row['n_params']:,}"]
        tip = fill(translate("LayersPanel", "%1 (%2) receives %3 and %4."), row["name"],
                   row["type"], shape_text(row["input_shape"]),
                   translate("LayersPanel", describe_type(row["type"])))
        if i == fv:
            cells[0] += " \u2605"
            tip += "\n" + translate("LayersPanel", "The feature vector: the classifier reads "
                                                   "this layer's output.")
        for j, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            if j == 4:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(i, j, item)


class NoTestImages(ValueError):
    """The active data set has no test images (``name``: the set's name)."""

    def __init__(self, name: str):
        super().__init__(f"the data set {name} has no test images")
        self.name = name
