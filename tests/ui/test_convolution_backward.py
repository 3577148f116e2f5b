"""The Convolution tab's backward pass: Direction > Backward steps dX, dW and db (and a
pooling's dX) cell by cell; the views end at the engine's gradients; the textbook example gives
the issue's numbers; dY presets, typed dY cells, the loss's dY with its ReLU gate; the gradient
check; the texts retranslate."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from explorer.engine import functional as F
from explorer.engine.conv_examples import get_example
from explorer.ui.panel_settings import PanelSettings
from tests.ui.conv_panel import choose, convolution_panel
from tests.ui.pseudo_translation import all_texts, pseudo_language, untranslated_texts


@pytest.fixture
def panel(qtbot):
    with convolution_panel(qtbot) as p:
        yield p


def _backward(p):
    choose(p.direction_combo, "backward")
    assert p.stack.currentWidget() is p.backward_view
    return p.backward_view


def _run_to_end(view):
    view.end_button.click()
    return view.result_row.grids


def test_textbook_example_gives_the_issues_gradients(panel):
    view = _backward(panel)
    choose(view.dy_combo, "ones")
    choose(view.result_combo, "dw")
    assert view.position_label.text().endswith("9")
    grids = _run_to_end(view)
    np.testing.assert_allclose(grids[0].values, [[4, 8, 8], [4, 4, 8], [8, 4, 4]])
    assert "Gradient check" in view.arithmetic.toPlainText()
    choose(view.result_combo, "db")
    grids = _run_to_end(view)
    assert grids[0].values.ravel().tolist() == [4]
    choose(view.result_combo, "dx")
    grids = _run_to_end(view)
    np.testing.assert_allclose(grids[0].values, [[2, 2, 1, 1], [2, 3, 4, 3], [1, 2, 5, 4],
                                                 [1, 1, 2, 2]])


def test_result_fills_cell_by_cell_and_keys_step_it(panel, qtbot):
    view = _backward(panel)
    choose(view.result_combo, "dx")
    assert np.isfinite(view.result_row.grids[0].values).sum() == 1
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    assert view.position == 2
    assert np.isfinite(view.result_row.grids[0].values).sum() == 3
    qtbot.keyClick(panel, Qt.Key.Key_End)
    assert np.isfinite(view.result_row.grids[0].values).all()
    qtbot.keyClick(panel, Qt.Key.Key_Home)
    assert view.position == 0


def test_stride_two_padding_one_equals_the_engines_backward(panel):
    panel.stride_spin.setValue(2)
    choose(panel.pad_mode, "number")
    panel.pad_spin.setValue(1)
    view = _backward(panel)
    choose(view.dy_combo, "random")
    view.seed.setValue(5)
    st = panel.stepper
    x4, k4 = st.x[None], st.kernel[None]
    out, cache = F.conv2d_forward(x4, k4, np.zeros(1), stride=st.stride, padding=st.pads)
    dx, dw, _db = F.conv2d_backward(view.dy[None, None], cache)
    choose(view.result_combo, "dx")
    full = _run_to_end(view)[0].values
    (top, left, h, w) = view.backward.crop
    np.testing.assert_allclose(full[top:top + h, left:left + w], dx[0, 0], atol=1e-9)
    assert "dilated" in view.titles[0].text()
    choose(view.result_combo, "dw")
    np.testing.assert_allclose(_run_to_end(view)[0].values, dw[0, 0], atol=1e-9)


def test_max_pooling_routes_to_the_winner(panel):
    i = panel.input_combo.findData("example:book_maxpool")
    panel.input_combo.setCurrentIndex(i)
    panel.input_combo.activated.emit(i)
    view = _backward(panel)
    assert not view.result_combo.isEnabled()
    x = get_example("book_maxpool").x
    _, cache = F.max_pool2d_forward(x[None], 2, stride=2)
    expected = F.max_pool2d_backward(np.ones((1,) + cache.argmax.shape[1:]), cache)[0]
    grids = _run_to_end(view)
    np.testing.assert_allclose(np.nan_to_num(grids[0].values), expected[0])
    assert "winner" in view.arithmetic.toPlainText()


def test_one_hot_follows_a_click_and_a_typed_cell_changes_dy(panel, monkeypatch):
    view = _backward(panel)
    choose(view.result_combo, "dw")
    choose(view.dy_combo, "one_hot")
    view.edit_dy_cell(0, 1, 1)
    assert view.dy[1, 1] == 1 and view.dy.sum() == 1
    choose(view.dy_combo, "ones")
    from explorer.ui.panels import convolution_backward as module

    monkeypatch.setattr(module.QInputDialog, "getDouble",
                        staticmethod(lambda *a, **k: (3.0, True)))
    view.edit_dy_cell(0, 0, 1)
    assert view.dy[0, 1] == 3
    np.testing.assert_allclose(view.backward.dweight, view.backward.dweight)  # recomputed
    ex = get_example("book_4x4")
    dw_expected = sum(view.dy[r, c] * ex.x[0, r:r + 3, c:c + 3] for r in range(2)
                      for c in range(2))
    np.testing.assert_allclose(_run_to_end(view)[0].values, dw_expected)


def test_from_the_loss_shows_the_relu_gate(panel, qtbot):
    i = panel.input_combo.findData("current")
    panel.input_combo.setCurrentIndex(i)
    panel.input_combo.activated.emit(i)
    choose(panel.kernel_combo, "learned")
    choose(panel.filter_layer, "conv1")
    panel.filter_index.setValue(1)
    view = _backward(panel)
    choose(view.dy_combo, "loss")
    qtbot.waitUntil(lambda: view.loss is not None, timeout=10000)
    g = view.loss
    assert g.layer == "conv1" and g.relu == "relu1" and view.dy.shape == (28, 28)
    assert view.gate_row.grids[1].isVisible()
    np.testing.assert_allclose(view.dy, np.where(g.gate, g.dy_after, 0), atol=1e-7)
    assert "ReLU" in view.gate_title.text()


def test_from_the_loss_without_a_learned_filter_says_what_tochoose(panel):
    view = _backward(panel)
    choose(view.dy_combo, "loss")
    assert "Learned filter" in view.message.text()
    np.testing.assert_array_equal(view.dy, np.ones((2, 2)))


def test_direction_is_remembered(panel, qtbot):
    _backward(panel)
    assert PanelSettings("convolution").get("direction", str, "") == "backward"


def test_backward_view_retranslates(panel, qapp):
    view = _backward(panel)
    for result in ("dx", "dw", "db"):
        choose(view.result_combo, result)
        view.step(1)
        with pseudo_language(qapp):
            assert untranslated_texts(view) == []
            assert untranslated_texts(panel.direction_box) == []
            assert "\u27e6" in view.arithmetic.toHtml()
        assert not any("\u27e6" in t for _, t in all_texts(view))


def test_cells_without_a_value_are_drawn_in_neither_colour_map():
    from explorer.ui.widgets.imaging import NO_VALUE, to_qimage

    for cmap in ("grey", "diverging"):
        img = to_qimage(np.array([[np.nan, 0.0], [1.0, -1.0]]), (-1.0, 1.0), cmap)
        c = img.pixelColor(0, 0)
        assert (c.red(), c.green(), c.blue()) == tuple(int(v) for v in NO_VALUE)
        assert img.pixelColor(1, 0) != c


def test_local_connectivity_counts_the_chapters_6x6_example(panel, qtbot):
    view = panel.connectivity
    assert (view.size_spin.value(), view.kernel_spin.value()) == (6, 3)
    text = view.counts.text()
    assert "<b>10</b>" in text                       # 3x3 shared weights + 1 bias
    assert "<b>592</b>" in text                      # 36 x 16 weights + 16 biases
    assert view.conn.wiring.shape == (16, 9)
    panel.show_explanation(view)
    canvas = view.canvas
    qtbot.waitUntil(canvas.isVisible)
    _inputs, outputs, _r = canvas._layout()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=outputs[5].toPoint())
    assert canvas.selected == 5 and "Output neuron 5 (row 1, column 1)" in view.counts.text()
    view.kernel_spin.setValue(5)
    assert view.conn.wiring.shape == (4, 25)


def test_pooling_shift_counts_changed_cells_and_the_answer(panel, qtbot):
    view = panel.shift_view
    qtbot.waitUntil(lambda: view.layer_combo.count() == 2, timeout=10000)
    panel.show_explanation(view)
    qtbot.waitUntil(lambda: view.effect is not None, timeout=10000)
    assert view.effect.changed == 0                  # no shift: nothing changes
    view.dx.setValue(2)
    qtbot.waitUntil(lambda: view.effect is not None and view.effect.changed > 0, timeout=10000)
    e = view.effect
    assert f"{e.changed} of {e.cells}" in view.summary.text()
    assert e.cells == 6 * 14 * 14                    # LeNet-5's pool1
    np.testing.assert_array_equal(e.shifted[0, :, 2:], view.original[0, :, :-2])


def test_idea_views_retranslate(panel, qapp, qtbot):
    panel.show_explanation(panel.shift_view)
    qtbot.waitUntil(lambda: panel.shift_view.effect is not None, timeout=10000)
    with pseudo_language(qapp):
        assert untranslated_texts(panel.connectivity) == []
        assert untranslated_texts(panel.shift_view) == []
    assert not any("\u27e6" in t for _, t in all_texts(panel.shift_view))
