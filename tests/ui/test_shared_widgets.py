"""The shared widgets the panels use: one message line, one test-image picker that follows
the data set, blocking several widgets' signals at once, and every widget's texts following a
change of language at run time."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox

from explorer.ui.state import AppState
from explorer.ui.text import fill
from explorer.ui.widgets.colour_scale import ColourScale
from explorer.ui.widgets.image_grid import ImageGrid
from explorer.ui.widgets.image_picker import ImageIndexPicker
from explorer.ui.widgets.kernel_grid import KernelGrid
from explorer.ui.widgets.kernel_library import KernelLibrary
from explorer.ui.widgets.matrix_view import MatrixView
from explorer.ui.widgets.message_label import ERROR_COLOUR, MessageLabel
from explorer.ui.widgets.number_grid import NumberGrid, format_value
from explorer.ui.widgets.probability_bars import ProbabilityBars
from explorer.ui.widgets.signals import blocked
from tests.ui.datasets import small_dataset
from tests.ui.pseudo_translation import CLOSE, OPEN, all_texts, pseudo_language, untranslated_texts


def test_message_label_shows_info_and_errors_in_one_colour(qtbot):
    label = MessageLabel()
    qtbot.addWidget(label)
    label.show_error("Could not open the data set: <b>x</b>")
    assert label.is_error and ERROR_COLOUR in label.styleSheet()
    assert label.text() == "Could not open the data set: <b>x</b>"   # plain text, never HTML
    label.show_info("Showing #199.")
    assert not label.is_error and label.styleSheet() == ""
    label.show_error("")
    assert not label.is_error
    label.clear()
    assert label.text() == "" and not label.is_error


def test_picker_follows_the_data_set_and_says_when_it_moved(qtbot):
    state = AppState()
    state.set_dataset(small_dataset(1000))
    picker = ImageIndexPicker(state)
    qtbot.addWidget(picker)
    assert picker.sync() == 1000 and picker.maximum() == 999
    picker.setValue(999)
    followed, changed = [], []
    picker.sigFollowed.connect(lambda *a: followed.append(a))
    picker.valueChanged.connect(changed.append)
    state.set_dataset(small_dataset(200))
    assert picker.value() == 199 and picker.count == 200
    assert followed == [(999, 199, 200)] and changed == []
    state.set_dataset(small_dataset(500))                  # a larger set: nothing moves
    assert picker.value() == 199 and followed[-1] == (199, 199, 500)
    picker.setValue(10**6)
    assert picker.value() == 499


def test_picker_keeps_a_remembered_index_until_the_set_is_known(qtbot):
    state = AppState()
    picker = ImageIndexPicker(state)
    qtbot.addWidget(picker)
    picker.set_index(5000)                            # before the data set was loaded
    assert picker.value() == 5000 and picker.count is None
    state.set_dataset(small_dataset(30))
    assert picker.value() == 29


def test_picker_with_a_set_that_cannot_load_changes_nothing(qtbot, monkeypatch):
    state = AppState()
    monkeypatch.setattr(state, "dataset", lambda: (_ for _ in ()).throw(OSError("gone")))
    picker = ImageIndexPicker(state)
    qtbot.addWidget(picker)
    picker.set_index(7)
    assert picker.sync() is None and picker.value() == 7


def test_blocked_silences_several_widgets_and_restores_them(qtbot):
    a, b = QSpinBox(), QSpinBox()
    for w in (a, b):
        qtbot.addWidget(w)
    b.blockSignals(True)                              # already blocked before: stays blocked
    seen = []
    a.valueChanged.connect(seen.append)
    with pytest.raises(RuntimeError), blocked(a, b):
        a.setValue(3)
        raise RuntimeError("while writing")
    assert seen == [] and not a.signalsBlocked() and b.signalsBlocked()
    a.setValue(4)
    assert seen == [4]


# --- run-time language switching (issue 14) ------------------------------------------------------


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(320, 240)
    widget.show()
    return widget


def _switches(qapp, widget, allowed=()):
    """Every text of ``widget`` is translated under the pseudo-language, English after."""
    with pseudo_language(qapp):
        assert untranslated_texts(widget, allowed) == []
    assert not any(OPEN in text for _, text in all_texts(widget))


def test_message_label_says_a_live_message_again_in_the_new_language(qtbot, qapp):
    label = _shown(qtbot, MessageLabel())
    label.show_error(lambda: fill(QCoreApplication.translate("Test", "Could not read %1."), "x"))
    _switches(qapp, label)
    with pseudo_language(qapp):
        assert label.text() == OPEN + "Could not read x." + CLOSE and label.is_error
    assert label.text() == "Could not read x."
    label.show_info("Already translated.")   # a plain string is shown as given
    with pseudo_language(qapp):
        assert label.text() == "Already translated."


def test_colour_scale_retranslates_its_tooltip_legend_and_note(qtbot, qapp):
    scale = _shown(qtbot, ColourScale())
    scale.set_range(-2.0, 3.0, "diverging")
    _switches(qapp, scale)
    with pseudo_language(qapp):
        assert scale.legend_text() == OPEN + "blue < 0 < red" + CLOSE
    scale.set_range(0.0, 1.0)
    assert scale.legend_text() == "dark = low, bright = high"
    scale.set_note(lambda: QCoreApplication.translate("Test", "each map has its own range"))
    with pseudo_language(qapp):
        assert scale.note.startswith(OPEN)
        scale.grab()   # paints the note
    assert scale.note == "each map has its own range"


def test_probability_bars_retranslate_axes_and_legend(qtbot, qapp):
    bars = _shown(qtbot, ProbabilityBars())
    bars.set_legend(lambda: QCoreApplication.translate("Test", "your digit"),
                    lambda: QCoreApplication.translate("Test", "best"))
    bars.set_probabilities(np.linspace(0, 1, 10))
    _switches(qapp, bars)
    with pseudo_language(qapp):
        assert [t for _, t in bars.legend_entries] == [OPEN + "your digit" + CLOSE,
                                                       OPEN + "best" + CLOSE]
    assert "your digit" in bars.getPlotItem().titleLabel.text


def test_matrix_view_and_image_grid_placeholders_and_tooltips_follow(qtbot, qapp):
    tr = QCoreApplication.translate
    matrix = _shown(qtbot, MatrixView(row_title=lambda: tr("Test", "true"),
                                      col_title=lambda: tr("Test", "predicted")))
    matrix.setToolTip("")
    matrix.set_placeholder(lambda: tr("Test", "Train to fill it."))
    with pseudo_language(qapp):
        assert matrix.placeholder == OPEN + "Train to fill it." + CLOSE
        matrix.set_matrix(np.array([[3, 1], [0, 4]]))
        assert matrix.cell_tooltip(0, 1) == (OPEN + "%1 %2, %3 %4: %5" + CLOSE).replace(
            "%1", OPEN + "true" + CLOSE).replace("%2", "0").replace(
            "%3", OPEN + "predicted" + CLOSE).replace("%4", "1").replace("%5", "1")
    assert matrix.cell_tooltip(0, 1) == "true 0, predicted 1: 1"
    matrix.cell_text = lambda: tr("Test", "%3 images of a %1 taken for a %2")
    assert matrix.cell_tooltip(1, 1) == "4 images of a 1 taken for a 1"

    grid = _shown(qtbot, ImageGrid())
    grid.setToolTip(tr("Test", "The owner's tooltip."))
    grid.set_placeholder(lambda: tr("Test", "Draw a digit"))
    with pseudo_language(qapp):
        assert grid.placeholder == OPEN + "Draw a digit" + CLOSE
        grid.grab()
    # the owner's tooltip is the owner's to translate: the grid leaves it alone
    assert grid.toolTip() == "The owner's tooltip." and grid.placeholder == "Draw a digit"


def test_number_grid_tooltips_are_whole_sentences_in_the_current_language(qtbot, qapp):
    grid = _shown(qtbot, NumberGrid())
    grid.set_matrix(np.array([[1.0, -0.001], [2.5, 0.0]]))
    grid.set_padding(((1, 0), (0, 0)))
    assert grid.describe_cell(0, 1) == "row 0, column 1: value = \u22120.0010 (padding)"
    assert grid.describe_cell(1, 0) == "row 1, column 0: value = 2.5000"
    grid.value_name = lambda: QCoreApplication.translate("Test", "weight")
    with pseudo_language(qapp):
        text = grid.describe_cell(1, 1)
        assert text.startswith(OPEN + "row 1, column 1: ") and OPEN + "weight" + CLOSE in text
    assert format_value(-0.004, 2) == "0.00"   # a negative zero is no other value


def test_kernel_grid_and_library_retranslate(qtbot, qapp, tmp_path, monkeypatch):
    from explorer.ui.widgets import kernel_library

    monkeypatch.setattr(kernel_library, "user_kernels_path", lambda: tmp_path / "k.json")
    grid = _shown(qtbot, KernelGrid())
    grid.set_cell_text(0, 0, "x")
    grid.set_cell_text(2, 2, "")
    _switches(qapp, grid)
    with pseudo_language(qapp):
        message = grid.invalid_message()
        assert message.startswith(OPEN) and OPEN + "“%1” is not a number" not in message
        assert OPEN + "“x” is not a number" in message and "2 invalid cells" in message
    assert grid.invalid_message().startswith("2 invalid cells")
    assert grid.errors()[(2, 2)].startswith("the cell is empty")

    library = _shown(qtbot, KernelLibrary())
    library.add_user_kernel("mine", np.eye(3))
    library.select("preset", "box_blur")
    # the user's kernel keeps the name the user typed
    _switches(qapp, library, allowed=[r"\bmine\b"])
    assert library.list.currentItem().data(kernel_library._ROLE) == ("preset", "box_blur")
    assert library.description.text().startswith("<b>Box blur</b>: ")


def test_a_legend_packed_for_a_narrower_width_does_not_widen_the_plot(qtbot):
    # made before it has a width (as the Kernel lab does), the legend was packed on one long
    # line; packed again only after pyqtgraph's layout, the plot kept that width: classes 8
    # and 9 were cut off on the right
    from explorer.ui.widgets.probability_bars import ProbabilityBars

    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_legend(lambda: "with your kernel", lambda: "its answer", lambda: "learned filter")
    bars.resize(280, 220)
    bars.show()
    qtbot.waitExposed(bars)
    qtbot.wait(20)
    assert len(bars._legend_layout) > 1
    assert bars.getPlotItem().sceneBoundingRect().right() <= bars.width() + 1


def test_image_grid_captions_fit_their_cells(qtbot):
    # 55 mistakes in a narrow box: whole captions ran into each other; now each is cut to its
    # cell ("…"; hovering a cell shows its caption whole)
    grid = ImageGrid()
    qtbot.addWidget(grid)
    grid.set_images(np.zeros((55, 28, 28), np.float32), captions=["1\u21927"] * 55)
    wide = grid.fontMetrics().horizontalAdvance("1\u21927")
    assert grid.caption_shown(0, wide + 4) == "1\u21927"
    shown = grid.caption_shown(0, wide // 2)
    assert shown != "1\u21927" and grid.fontMetrics().horizontalAdvance(shown) <= wide // 2 + 1
    assert grid.caption_shown(0, 2) == ""          # too narrow for anything but "…": nothing
