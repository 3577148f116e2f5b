"""Widgets that fit their room: a combo box that elides (whole text in its tooltip) only when
squeezed, and probability bars whose legend takes several lines in a narrow plot."""

import numpy as np

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
    assert combo.toolTip() == "Which layer"


def test_a_squeezed_fit_combo_box_elides_and_says_the_whole_text(qtbot):
    combo = FitComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["short", LONG])
    combo.setToolTip("Which layer")
    combo.setCurrentIndex(1)
    combo.resize(combo.minimumSizeHint())
    combo.show()
    assert combo.is_elided()
    assert combo.toolTip() == LONG + "\nWhich layer"
    combo.setCurrentIndex(0)   # "short" fits even the narrow box
    assert not combo.is_elided() and combo.toolTip() == "Which layer"
    combo.grab()   # paints without error


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
