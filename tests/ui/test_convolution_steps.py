"""Issue 17's stepping and colours and issue 12's typed batch, in the Convolution panel: the
output built up cell by cell, clicks on the grids, run to the end, the speed remembered, one
colour scale per quantity, a batch of two images forward and backward."""

import numpy as np
import pytest

from explorer.engine import functional as F
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels import convolution as conv_module
from explorer.ui.panels.convolution_input import TypedInputDialog
from explorer.ui.widgets.number_grid import MARK
from tests.ui.conv_panel import choose, choose_input, convolution_panel


@pytest.fixture
def panel(qtbot):
    with convolution_panel(qtbot, wait_for_maps=False) as p:
        yield p


def _shown(p, k=0):
    return p.output_row.grids[k].values


def test_the_output_builds_up_and_a_click_jumps(panel):
    panel.set_position(0)                               # the textbook example: 2x2 output
    assert np.isnan(_shown(panel)).sum() == 3 and _shown(panel)[0, 0] == 15
    panel.step(1)
    assert np.isnan(_shown(panel)).sum() == 2
    panel.output_row.grids[0].sigCellClicked.emit(1, 1)
    assert panel.position == 3 and not np.isnan(_shown(panel)).any()
    panel.set_position(0)
    panel.run_button.click()
    assert panel.position == 3 and not np.isnan(_shown(panel)).any()
    np.testing.assert_array_equal(_shown(panel), [[15, 16], [6, 15]])


def test_an_input_cell_shows_the_output_cells_it_feeds(panel):
    panel.input_row.grids[0].sigCellClicked.emit(1, 2)
    assert "feeds 4 output cells" in panel.fed_label.text()
    def outlined():
        return {(r, c) for r, c, _h, _w, colour in panel.output_row.grids[0].highlights
                if colour == MARK}

    assert outlined() == {(0, 0), (0, 1), (1, 0), (1, 1)}
    panel.input_row.grids[0].sigCellClicked.emit(0, 0)
    assert "feeds one output cell" in panel.fed_label.text() and outlined() == {(0, 0)}


def test_the_speed_is_remembered(qtbot):
    with convolution_panel(qtbot, wait_for_maps=False) as p:
        p.speed.setValue(17)
        assert PanelSettings("convolution").get("speed", int, 0) == 17
        again = conv_module.ConvolutionPanel(p.client, p.state)
        qtbot.addWidget(again)
        assert again.speed.value() == 17 and again.timer.interval() == 1000 // 17


def test_pooling_input_and_output_share_one_scale_unless_per_view(panel):
    choose_input(panel, "example:book_maxpool")
    shared = panel.input_row.grids[0].levels
    assert panel.output_row.grids[0].levels == shared
    assert panel.im2col_view.levels == shared
    assert panel.input_row.scale.isVisible() and panel.output_row.scale.isVisible()
    assert panel.input_row.scale.range == shared
    panel.contrast_check.setChecked(True)
    assert panel.output_row.grids[0].levels != panel.input_row.grids[0].levels
    panel.contrast_check.setChecked(False)


def test_stride_two_valid_rows_are_hatched_not_tinted(panel):
    choose_input(panel, "test")
    panel.stride_spin.setValue(2)
    grid = panel.input_row.grids[0]
    assert grid.dropped == ((27,), (27,))
    image = grid.grab().toImage()
    for r, c in ((27, 5), (5, 27), (27, 27)):                # grey, never the red of "> 0"
        colour = image.pixelColor(grid.cell_rect(r, c).center().toPoint())
        rgb = (colour.red(), colour.green(), colour.blue())
        assert max(rgb) - min(rgb) < 30, rgb
    assert "cross-hatched in grey" in panel.size_text.toPlainText()
    assert "tinted red" not in panel.size_text.toPlainText()


def _type_batch(p, monkeypatch, x):
    def fake_exec(dialog):
        dialog.images.setValue(2)
        dialog._x = x
        dialog._show_tables()
        return TypedInputDialog.DialogCode.Accepted

    monkeypatch.setattr(conv_module.TypedInputDialog, "exec", fake_exec)
    choose_input(p, "typed")
    p.form.edit_typed.click()


def test_a_batch_of_two_images_forward_and_backward(panel, monkeypatch):
    x = np.random.default_rng(4).integers(0, 5, size=(2, 1, 5, 5)).astype(float)
    _type_batch(panel, monkeypatch, x)
    assert panel.image_combo.isVisible() and panel.image_combo.count() == 2
    assert panel.output_row.grids[1].isVisible()
    panel.image_combo.setCurrentIndex(1)
    np.testing.assert_array_equal(panel.stepper.x, x[1])
    alone = F.conv2d(x[1][None], panel.stepper.kernel[None], np.zeros(1))[0, 0]
    panel.run_to_end()
    np.testing.assert_allclose(_shown(panel, 1), alone)     # image 1's output, computed alone
    assert panel.position_label.text().startswith("image 1:")
    panel.output_row.grids[0].sigCellClicked.emit(0, 0)     # a cell of image 0: step it
    assert panel.image == 0 and panel.position == 0
    # backward: dW summed over both images, said and shown in the arithmetic
    choose(panel.direction_combo, "backward")
    view = panel.backward_view
    choose(view.result_combo, "dw")
    view.set_position(0)
    bw = view.backward
    assert bw.x4.shape[0] == 2
    per = []
    for i in range(2):
        _, cache = F.conv2d_forward(x[i:i + 1], panel.stepper.kernel[None], np.zeros(1))
        per.append(F.conv2d_backward(np.ones((1, 1) + panel.stepper.output_shape), cache)[1])
    np.testing.assert_allclose(bw.dweight, per[0][0] + per[1][0])
    text = view.arithmetic.toPlainText()
    assert "summed over the batch" in text and "image 1:" in text
    assert "both images" in view.titles[2].text()


def test_a_digit_is_not_cut_at_1024x700_and_the_tab_stays_narrow(panel, qtbot):
    from PySide6.QtWidgets import QWidget

    choose_input(panel, "test")
    assert panel.minimumSizeHint().width() <= 690      # the window (~45 px more) <= ~734
    panel.resize(1000, 610)                             # the tab's room in a 1024x700 window
    qtbot.waitUntil(lambda: panel.size().toTuple() == (1000, 610), timeout=2000)
    qtbot.wait(30)
    views = panel.findChild(QWidget, "convViews")
    scroll = views.parentWidget().parentWidget()
    assert not scroll.horizontalScrollBar().isVisible()
    grid = panel.input_row.grids[0]
    corner = grid.mapTo(scroll.viewport(), grid.cell_rect(27, 27).bottomRight().toPoint())
    assert corner.x() <= scroll.viewport().width() and corner.y() <= scroll.viewport().height()


def test_a_batch_backward_steps_dx_per_image(panel, monkeypatch):
    x = np.random.default_rng(6).integers(0, 5, size=(2, 1, 4, 4)).astype(float)
    _type_batch(panel, monkeypatch, x)
    choose(panel.direction_combo, "backward")
    panel.image_combo.setCurrentIndex(1)
    view = panel.backward_view
    choose(view.result_combo, "dx")
    view.set_position(10**9)
    assert view.position_label.text().startswith("image 1:")
    bw = view.backward
    top, left, h, w = bw.crop
    shown = view.result_row.grids[0].values[top:top + h, left:left + w]
    _, cache = F.conv2d_forward(x[1:], panel.stepper.kernel[None], np.zeros(1))
    dx1 = F.conv2d_backward(np.ones((1, 1) + panel.stepper.output_shape), cache)[0][0, 0]
    np.testing.assert_allclose(shown, dx1)                 # image 1's own dX
    assert "Image 1 of the batch of 2" in view.titles[0].text()
