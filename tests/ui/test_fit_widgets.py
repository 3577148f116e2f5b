"""Widgets that fit their room: a combo box that elides (whole text when hovered) only when
squeezed, and probability bars whose legend takes several lines in a narrow plot."""

import numpy as np
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.probability_bars import ProbabilityBars

LONG = "conv1 (6, 28, 28): six feature maps"


def test_a_fit_combo_box_shows_its_whole_text_when_there_is_room(qtbot):
    combo = FitComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["short", LONG])
    combo.setCurrentIndex(1)
    combo.setToolTip("Which layer")
    assert combo.minimumSizeHint().width() < combo.sizeHint().width()
    combo.resize(combo.sizeHint())
    combo.show()
    assert not combo.is_elided()
    assert combo.hover_text() == combo.toolTip() == "Which layer"


def test_a_squeezed_fit_combo_box_elides_and_says_the_whole_text(qtbot):
    combo = FitComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["short", LONG])
    combo.setToolTip("Which layer")
    combo.setCurrentIndex(1)
    combo.resize(combo.minimumSizeHint())
    combo.show()
    assert combo.is_elided()
    assert combo.hover_text() == LONG + "\nWhich layer"
    assert combo.toolTip() == "Which layer"        # what the panel set, whatever the width
    combo.setCurrentIndex(0)   # "short" fits even the narrow box
    assert not combo.is_elided() and combo.hover_text() == "Which layer"
    combo.grab()   # paints without error


def test_the_hover_text_follows_items_renamed_with_signals_blocked(qtbot):
    """A language switch rewrites the items with the combo's signals blocked, and the box is
    laid out only later: the whole text said on hover is the one shown at hover time (a tip
    stored at an earlier moment named the old text, or none)."""
    combo = FitComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["short", LONG])
    combo.setCurrentIndex(1)
    combo.resize(combo.minimumSizeHint())
    combo.show()
    renamed = "conv1 (6, 28, 28): six feature maps, renamed"
    combo.blockSignals(True)
    combo.setItemText(1, renamed)
    combo.blockSignals(False)
    assert combo.hover_text() == renamed
    combo.resize(combo.sizeHint())
    assert not combo.is_elided() and combo.hover_text() == ""
    combo.resize(combo.minimumSizeHint())
    QApplication.sendEvent(combo, QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5),
                                             combo.mapToGlobal(QPoint(5, 5))))
    assert QToolTip.text() == renamed
    QToolTip.hideText()


def test_the_bars_legend_wraps_in_a_narrow_plot(qtbot):
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_legend(lambda: "with your kernel", lambda: "its answer", lambda: "learned filter")
    bars.set_probabilities(np.full(10, 0.1))
    bars.resize(900, 200)
    bars.show()
    qtbot.wait(10)
    assert "<br>" not in bars.getPlotItem().titleLabel.text
    bars.resize(120, 200)
    qtbot.wait(10)
    assert bars.getPlotItem().titleLabel.text.count("<br>") == 2   # one entry a line


def test_a_side_column_gives_way_to_views_that_would_scroll_sideways():
    from explorer.ui.widgets.layout_fit import side_width

    assert side_width(370, 600, 684, 290, 400) == 290   # 84 short: down to the minimum
    assert side_width(370, 600, 650, 290, 400) == 320   # 50 short: exactly that much
    assert side_width(320, 800, 650, 290, 400) == 400   # room again: up to the maximum
