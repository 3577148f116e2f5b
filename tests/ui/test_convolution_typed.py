"""The Convolution tab's "Numbers you type" input: the dialog, the stepper over typed numbers,
the chapter's examples typed in, junk cells refused, the input remembered."""

import numpy as np
import pytest

from explorer.engine import functional as F
from explorer.ui.panels import convolution as conv_module
from explorer.ui.panels.convolution import ConvolutionPanel
from explorer.ui.panels.convolution_input import TypedInputDialog, parse_cell
from explorer.ui.state import AppState
from explorer.ui.typed_input import DEFAULT, fill_pattern
from tests.ui.conv_panel import choose_input, convolution_panel
from tests.ui.pseudo_translation import pseudo_language, untranslated_texts


@pytest.fixture
def panel(qtbot):
    with convolution_panel(qtbot, wait_for_maps=False) as p:
        yield p


def _type_input(p):
    choose_input(p, "typed")


def test_cells_parse_like_a_person_types_them():
    assert parse_cell("") == 0.0
    assert parse_cell(" 2,5 ") == 2.5
    assert parse_cell("\u22121") == -1.0
    assert parse_cell("abc") is None and parse_cell("inf") is None and parse_cell("1/0") is None


def test_seven_by_seven_with_stride_two_gives_three_by_three(panel):
    _type_input(panel)
    assert panel.form.edit_typed.isVisible()
    np.testing.assert_array_equal(panel.stepper.x, DEFAULT)
    panel.stride_spin.setValue(2)
    assert panel.stepper.output_shape == (3, 3)
    assert "7\u00d77" in panel.input_title.text() or "7" in panel.input_title.text()


def test_the_non_square_example_28_by_31_with_p2_s3(panel, monkeypatch):
    x = fill_pattern("random", (1, 28, 31), seed=1)

    def fake_exec(dialog):
        dialog.rows.setValue(28)
        dialog.cols.setValue(31)
        dialog._x = x
        dialog._show_tables()
        return TypedInputDialog.DialogCode.Accepted

    monkeypatch.setattr(conv_module.TypedInputDialog, "exec", fake_exec)
    _type_input(panel)
    panel.form.edit_typed.click()
    panel.stride_spin.setValue(3)
    i = panel.pad_mode.findData("number")
    panel.pad_mode.setCurrentIndex(i)
    panel.pad_spin.setValue(2)
    assert panel.stepper.output_shape == (10, 11)     # (28+4-3)/3+1, (31+4-3)/3+1
    ref = F.conv2d(x[None], panel.stepper.kernel[None], np.zeros(1), stride=3, padding=2)[0, 0]
    np.testing.assert_allclose(panel.stepper.assemble(), ref)
    # remembered for the next start
    again = ConvolutionPanel(panel.client, AppState())
    np.testing.assert_array_equal(again.typed, x)
    again.deleteLater()


def test_dialog_refuses_a_cell_that_is_not_a_number(qtbot):
    d = TypedInputDialog(DEFAULT)
    qtbot.addWidget(d)
    d._tables[0].item(2, 3).setText("1/0")
    ok = d.buttons.button(d.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "row 2, column 3" in d.message.text()
    d._tables[0].item(2, 3).setText("-1,5")
    assert ok.isEnabled()
    assert d.values()[0, 2, 3] == -1.5


def test_dialog_resizes_keeping_values_and_fills_patterns(qtbot):
    d = TypedInputDialog(DEFAULT)
    qtbot.addWidget(d)
    d.channels.setValue(2)
    d.rows.setValue(6)
    d.cols.setValue(6)
    v = d.values()
    assert v.shape == (2, 6, 6)
    np.testing.assert_array_equal(v[0], DEFAULT[0, :6, :6])
    d.pattern.setCurrentIndex(d.pattern.findData("edge"))
    d.fill_button.click()
    assert d.values()[1, 0].tolist() == [10, 10, 10, 0, 0, 0]
    assert d.tabs.count() == 2


def test_dialog_retranslates(qtbot, qapp):
    d = TypedInputDialog(DEFAULT)
    qtbot.addWidget(d)
    d.show()
    with pseudo_language(qapp):
        assert untranslated_texts(d) == []


def test_dialog_types_a_second_image(qtbot):
    d = TypedInputDialog(DEFAULT)
    qtbot.addWidget(d)
    d.images.setValue(2)
    assert d.tabs.count() == 2 and d.tabs.tabText(1) == "Image 1, channel 0"
    d._tables[1].item(0, 0).setText("9")
    v = d.values()
    assert v.shape == (2, 1, 7, 7) and v[1, 0, 0, 0] == 9
    np.testing.assert_array_equal(v[0], DEFAULT)           # image 0 kept
    d._tables[1].item(1, 2).setText("x")
    assert "Image 1, channel 0, row 1, column 2" in d.message.text()
    d._tables[1].item(1, 2).setText("1")
    d.images.setValue(1)
    assert d.values().shape == (1, 7, 7) and d.tabs.count() == 1
