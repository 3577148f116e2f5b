"""The Convolution tab's combo boxes show their whole text where there is room and "…" plus the
whole text on hover where there is not (issue 17): the textbook input reads whole in Chinese at
1280x800, and at 1024x700 nothing in the tab hides sideways."""

import pytest
from PySide6.QtWidgets import QComboBox, QScrollArea

from explorer.ui.language import install_language
from explorer.ui.widgets.fit_combo import FitComboBox
from tests.ui.conv_panel import choose, choose_input, convolution_panel


@pytest.fixture
def chinese():
    install_language("zh_CN")
    yield
    install_language("en")


def test_every_combo_of_the_tab_elides_with_its_whole_text_on_hover(qtbot):
    with convolution_panel(qtbot, wait_for_maps=False) as p:
        combos = p.findChildren(QComboBox)
        assert len(combos) >= 10
        assert [c.objectName() for c in combos if not isinstance(c, FitComboBox)] == []


def test_the_textbook_input_reads_whole_in_chinese_at_1280x800(qtbot, chinese):
    with convolution_panel(qtbot) as p:
        choose_input(p, "example:book_4x4")
        p.resize(1260, 725)     # what a 1280x800 window leaves a tab
        qtbot.wait(30)
        assert p.input_combo.currentText() == "教材：4x4 输入，3x3 滤波器"
        assert not p.input_combo.is_elided()
        for state in ("model", "backward"):
            if state == "model":
                choose_input(p, "model")
                choose(p.kernel_combo, "learned")
            else:
                choose(p.direction_combo, "backward")
            qtbot.wait(30)
            cut = [c.objectName() for c in p.findChildren(FitComboBox)
                   if c.isVisible() and c.is_elided()]
            assert cut == [], state


@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_nothing_hides_sideways_at_1024x700_in_chinese(qtbot, chinese, direction):
    with convolution_panel(qtbot) as p:
        choose_input(p, "model")
        choose(p.kernel_combo, "learned")
        choose(p.direction_combo, direction)
        p.resize(1000, 610)     # what a 1024x700 window leaves a tab
        def sideways():
            return [s.objectName() or type(s).__name__ for s in p.findChildren(QScrollArea)
                    if s.isVisible() and s.horizontalScrollBar().isVisible()]

        # the layout settles over a few passes (a scroll bar may show for one of them)
        qtbot.waitUntil(lambda: sideways() == [], timeout=3000)
        # (a cut combo shows its whole text when hovered: test_fit_widgets)
