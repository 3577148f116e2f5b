"""Convolution panel: stepping through every output cell reproduces the engine's output, for the
textbook examples, digits, several channels, strides and paddings (SAME with stride 2, a
non-dividing case), pooling; bad set-ups are explained instead of crashing."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from explorer.data import pixels_to_float
from explorer.engine import build_model
from explorer.engine import functional as F
from explorer.engine.conv_examples import get_example
from explorer.engine.kernels import preset
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.convolution import ConvolutionPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient
from tests.ui.datasets import small_dataset


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test starts from the textbook example and leaves no remembered set-up behind."""
    PanelSettings("convolution").clear()
    yield
    PanelSettings("convolution").clear()


@pytest.fixture
def panel(qtbot):
    model = build_model("lenet5", seed=0)
    client = EngineClient(load_live=lambda: (model, None, ""))
    state = AppState()
    p = ConvolutionPanel(client, state)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitUntil(lambda: p._snapshot is not None, timeout=10000)
    p.test_model = model
    yield p
    p.timer.stop()
    client.shutdown()


def _choose(combo, data):
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


def _choose_input(p, data):
    _choose(p.input_combo, data)
    p.input_combo.activated.emit(p.input_combo.currentIndex())  # as a user picking it


def _walk(p):
    """Step through every output cell with the Forward action; rebuild the map from what the
    panel shows (the result of each position)."""
    p.set_position(0)
    oh, ow = p.stepper.output_shape
    seen = {}
    for _ in range(p.stepper.n_positions):
        pos = p.current()
        seen[(pos.row, pos.col)] = pos.results if hasattr(pos, "results") else pos.result
        p.step(1)
    assert len(seen) == oh * ow
    if hasattr(pos, "results"):
        return np.array([[seen[(r, c)] for c in range(ow)] for r in range(oh)]).transpose(2, 0, 1)
    return np.array([[seen[(r, c)] for c in range(ow)] for r in range(oh)])


def test_textbook_example_gives_the_books_numbers(panel):
    ex = get_example("book_4x4")
    np.testing.assert_array_equal(_walk(panel), ex.expected)
    panel.set_position(0)
    html = panel.arithmetic.toPlainText()
    assert "1\u00d72 + 2\u00d70 + 3\u00d71" in html and "15" in html
    assert "(4 + 2*0 - 3)/1 + 1 = 2" in panel.size_text.toPlainText()
    _choose_input(panel, "example:book_bias")
    assert panel.bias_spin.value() == 3
    np.testing.assert_array_equal(_walk(panel), get_example("book_bias").expected)
    _choose_input(panel, "example:book_padding")
    np.testing.assert_array_equal(_walk(panel), get_example("book_padding").expected)


@pytest.mark.parametrize(
    "stride, pad_mode, pad, flip",
    [(1, "number", 0, False), (2, "same", 0, False), (2, "number", 1, True),
     (3, "valid", 0, False)],
)
def test_three_channel_stepping_equals_conv2d(panel, stride, pad_mode, pad, flip):
    ex = get_example("three_channel")
    _choose_input(panel, "example:three_channel")
    panel.stride_spin.setValue(stride)
    _choose(panel.pad_mode, pad_mode)
    panel.pad_spin.setValue(pad)
    panel.flip_check.setChecked(flip)
    panel.bias_spin.setValue(-1.5)
    padding = pad if pad_mode == "number" else pad_mode
    expected = F.conv2d(ex.x[None], ex.kernel[None], np.array([-1.5]), stride=stride,
                        padding=padding, flip=flip)[0, 0]
    np.testing.assert_array_equal(_walk(panel), expected)
    pos = panel.current()
    assert pos.channel_sums.shape == (3,)
    assert "total of the channel sums" in panel.arithmetic.toPlainText()
    assert len([g for g in panel.input_row.grids if g.isVisible()]) == 3


def test_digit_with_preset_non_dividing_stride(panel):
    _choose_input(panel, "test")
    panel.test_index.setValue(7)
    _choose(panel.kernel_combo, "preset:sobel_x")
    panel.stride_spin.setValue(2)
    digit = pixels_to_float(panel.state.dataset().test_images[7])
    expected = F.conv2d(digit[None, None], preset("sobel_x")[None, None].astype(np.float32),
                        np.zeros(1, np.float32), stride=2)[0, 0]
    got = _walk(panel)
    assert got.shape == (13, 13)
    np.testing.assert_array_equal(got, expected)
    text = panel.size_text.toPlainText()
    assert "not a multiple of the stride 2" in text and "With SAME padding instead" in text
    assert "drops the last padded row (27); no window ever reaches it." in text
    assert "So input row 27 (counted from 0) is lost: no window reads it." in text
    assert panel.input_row.grids[0].dropped == ((27,), (27,))  # hatched on the input view


def test_pooling_modes_mark_the_winner(panel):
    _choose_input(panel, "example:book_maxpool")
    assert panel.mode_combo.currentData() == "max"
    np.testing.assert_array_equal(_walk(panel)[0], get_example("book_maxpool").expected)
    panel.set_position(3)
    grid = panel.input_row.grids[0]
    (r, c), = grid._marks
    assert grid.values[r, c] == 2  # the winner of the last window is the 2 at (2, 3)
    _choose(panel.mode_combo, "avg")
    x = get_example("book_maxpool").x
    np.testing.assert_array_equal(_walk(panel), F.avg_pool2d(x[None], 2, 2)[0])
    assert "/ 4" in panel.arithmetic.toPlainText()


def test_keys_step_and_play(panel, qtbot):
    panel.set_position(0)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    assert panel.position == 1
    qtbot.keyClick(panel, Qt.Key.Key_End)
    assert panel.position == panel.stepper.n_positions - 1
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    assert panel.position == panel.stepper.n_positions - 2
    panel.speed.setValue(20)
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert panel.timer.isActive()
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=3000)  # stops at the last cell
    assert panel.position == panel.stepper.n_positions - 1


def test_bad_setups_are_explained_not_crashed(panel):
    _choose(panel.kernel_combo, "preset:gaussian")
    panel.size_spin.setValue(7)  # 7x7 on the 4x4 example without padding: no output
    assert panel.stepper is None
    assert "bigger than the padded input" in panel.message.text()
    panel.pad_spin.setValue(2)  # 4 + 2*2 = 8 >= 7: works again
    assert panel.stepper is not None and panel.stepper.output_shape == (2, 2)
    # the second conv layer's filters read 6 channels: the panel says which input to choose
    _choose_input(panel, "current")
    _choose(panel.kernel_combo, "learned")
    _choose(panel.filter_layer, "conv2")
    assert panel.stepper is None
    assert "reads the output of pool1" in panel.message.text()
    _choose_input(panel, "model")
    _choose(panel.map_layer, "pool1")
    _choose(panel.map_channel, -1)
    assert panel.stepper is not None and panel.stepper.x.shape == (6, 14, 14)
    w = panel.test_model.parameters()["conv2.weight"][panel.filter_index.value()]
    np.testing.assert_array_equal(panel.stepper.kernel, w)


def test_feature_map_input_matches_the_models_trace(panel):
    _choose_input(panel, "model")
    _choose(panel.map_layer, "conv1")
    _choose(panel.map_channel, 4)
    digit = pixels_to_float(panel.state.dataset().test_images[0])
    trace = dict(panel.test_model.trace(digit[None, None]))
    np.testing.assert_array_equal(panel.stepper.x[0], trace["conv1"][0, 4])


def test_flip_shows_the_rotated_kernel(panel):
    panel.flip_check.setChecked(True)
    k = get_example("book_4x4").kernel[0]
    np.testing.assert_array_equal(panel.kernel_row.grids[0].values, k[::-1, ::-1])
    assert "rotated 180" in panel.kernel_title.text()


def test_im2col_view_highlights_the_current_row(panel):
    _choose_input(panel, "example:book_padding")
    panel.set_position(6)
    view = panel.im2col_view
    (top, left, h, w, _), = view._highlights
    assert top + view.row_offset == 6 and w == 9
    np.testing.assert_array_equal(view.values[top], panel.stepper.cols[6])
    assert "(16, 9)" in panel.im2col_shapes.text()


def test_learned_filter_with_its_layers_geometry_reproduces_the_feature_map(panel):
    _choose_input(panel, "current")  # nothing drawn: test digit 0
    _choose(panel.kernel_combo, "learned")
    _choose(panel.filter_layer, "conv1")
    assert panel.pad_spin.value() == 2 and panel.stride_spin.value() == 1  # LeNet-5's conv1
    panel.filter_index.setValue(3)
    digit = pixels_to_float(panel.state.dataset().test_images[0])
    conv1 = dict(panel.test_model.trace(digit[None, None]))["conv1"][0, 3]
    got = panel.stepper.assemble()  # every position of the stepper the panel walks
    assert got.shape == (28, 28)
    np.testing.assert_allclose(got, conv1, rtol=1e-5, atol=1e-5)


def test_pooling_keeps_its_own_size_and_stride(panel):
    panel.stride_spin.setValue(1)
    _choose(panel.mode_combo, "max")
    assert (panel.size_spin.value(), panel.stride_spin.value()) == (2, 2)
    panel.size_spin.setValue(3)
    _choose(panel.mode_combo, "conv")
    assert panel.stride_spin.value() == 1
    _choose(panel.mode_combo, "avg")
    assert (panel.size_spin.value(), panel.stride_spin.value()) == (3, 2)


def test_follows_the_drawn_digit_only_when_shown(panel, qtbot):
    _choose_input(panel, "current")
    image = np.zeros((28, 28), np.float32)
    image[4:24, 13:15] = 1.0
    panel.hide()
    panel.state.set_current_input(image, "draw")
    assert panel._stale and not np.array_equal(panel.stepper.x[0], image)
    panel.show()
    np.testing.assert_array_equal(panel.stepper.x[0], image)
    _choose_input(panel, "model")
    _choose(panel.map_layer, "conv1")
    _choose(panel.map_channel, 0)
    conv1 = dict(panel.test_model.trace(image[None, None]))["conv1"][0, 0]
    qtbot.waitUntil(lambda: np.array_equal(panel.stepper.x[0], conv1), timeout=5000)


def test_random_setups_never_crash_and_always_match_the_engine(panel):
    """Any combination of the controls gives either a stepper equal to the engine or a message."""
    rng = np.random.default_rng(5)
    inputs = [panel.input_combo.itemData(i) for i in range(panel.input_combo.count())]
    kernels = [panel.kernel_combo.itemData(i) for i in range(panel.kernel_combo.count())]
    for _ in range(25):
        _choose_input(panel, inputs[rng.integers(len(inputs))])
        _choose(panel.mode_combo, ["conv", "max", "avg"][rng.integers(3)])
        _choose(panel.kernel_combo, kernels[rng.integers(len(kernels))])
        panel.size_spin.setValue(int(rng.integers(1, 8)))
        panel.stride_spin.setValue(int(rng.integers(1, 5)))
        _choose(panel.pad_mode, ["number", "same", "valid"][rng.integers(3)])
        panel.pad_spin.setValue(int(rng.integers(0, 4)))
        panel.flip_check.setChecked(bool(rng.integers(2)))
        st = panel.stepper
        if st is None:
            assert panel.message.text(), "an invalid set-up must say why"
            continue
        assert panel.message.text() == ""
        padding = panel.padding_value()
        if panel.mode_combo.currentData() == "conv":
            b = np.array([st.bias], st.x.dtype)
            expected = F.conv2d(st.x[None], st.kernel[None], b, stride=st.stride,
                                padding=padding, flip=st.flip)[0, 0]
        else:
            fn = F.max_pool2d if st.mode == "max" else F.avg_pool2d
            expected = fn(st.x[None], st.size, stride=st.stride, padding=padding)[0]
        np.testing.assert_array_equal(st.assemble(), expected)
        panel.set_position(int(rng.integers(0, st.n_positions)))
        assert panel.arithmetic.toPlainText()


def test_input_grid_names_padding_cells_in_input_coordinates(panel):
    panel.pad_spin.setValue(1)
    grid = panel.input_row.grids[0]
    assert grid.describe_cell(0, 0) == "row -1, column -1: input = 0 (padding)"
    assert grid.describe_cell(1, 1) == "row 0, column 0: input = 1"


def test_example_caption_names_the_users_settings_when_they_differ(panel):
    """The book's caption ("no padding, stride 1") never stands alone over another set-up."""
    book = get_example("book_4x4").description
    _choose_input(panel, "example:book_4x4")
    assert panel.current_input()[1] == book
    assert "Your settings" not in panel.input_title.text()
    panel.stride_spin.setValue(2)
    caption = panel.input_title.text()
    assert book in caption and "Your settings: stride 2, padding 0, bias 0." in caption
    panel.stride_spin.setValue(1)
    _choose(panel.pad_mode, "same")
    assert "Your settings: stride 1, SAME padding, bias 0." in panel.input_title.text()
    _choose(panel.pad_mode, "valid")  # VALID is the book's "no padding": nothing to add
    assert "Your settings" not in panel.input_title.text()
    _choose(panel.pad_mode, "number")
    panel.bias_spin.setValue(1.5)
    assert "bias 1.5." in panel.input_title.text()
    # the padding example with SAME padding is the book's padding 1 (3x3 kernel, stride 1)
    _choose_input(panel, "example:book_padding")
    _choose(panel.pad_mode, "same")
    assert "Your settings" not in panel.input_title.text()
    # pooling: the window size counts too
    _choose_input(panel, "example:book_maxpool")
    assert "Your settings" not in panel.input_title.text()
    panel.size_spin.setValue(3)
    assert "Your settings: 3\u00d73 window, stride 2, padding 0." in panel.input_title.text()
    # a conv example under pooling is named, not described with the book's conv set-up
    _choose_input(panel, "example:book_4x4")
    _choose(panel.mode_combo, "max")
    assert panel.current_input()[1] == "The input of \u201cTextbook: 4x4 input, 3x3 filter\u201d."


def test_output_size_text_uses_singular_and_plural():
    from explorer.ui.panels.convolution_text import output_size_html

    one = F.explain_output_size(28, 3, 2, 0)       # 25 / 2: remainder 1, row 27 lost
    assert "the last padded row (27); no window ever reaches it" in output_size_html("H", one, None)
    assert "So input column 27 (counted from 0) is lost" in output_size_html("W", one, None)
    two = F.explain_output_size(7, 2, 3, 0)       # 5 / 3: remainder 2, rows 5, 6 lost
    text = output_size_html("H", two, None)
    assert "(remainder 2): the floor drops the last 2 padded rows (5, 6)" in text
    assert "So 2 input rows are lost, rows 5, 6 (counted from 0)" in text
    assert "input row 2 falls between windows and is never read" in text
    gap = F.explain_output_size(9, 2, 4, 0)        # windows 0-1 and 4-5: 2, 3 skipped
    assert "2 input columns (2, 3) fall between windows" in output_size_html("W", gap, None)
    assert "(s)" not in text + output_size_html("W", gap, None)


def _second_panel(qtbot, model):
    client = EngineClient(load_live=lambda: (model, None, ""))
    p = ConvolutionPanel(client, AppState())
    qtbot.addWidget(p)
    return p, client


def test_setup_is_remembered(panel, qtbot):
    _choose_input(panel, "test")
    _choose(panel.kernel_combo, "preset:gaussian")
    panel.size_spin.setValue(5)
    panel.stride_spin.setValue(2)
    _choose(panel.pad_mode, "same")
    panel.flip_check.setChecked(True)
    panel.bias_spin.setValue(-0.5)
    panel.speed.setValue(12)
    again, client = _second_panel(qtbot, panel.test_model)
    try:
        assert again.input_combo.currentData() == "test"
        assert again.mode_combo.currentData() == "conv"
        assert again.kernel_combo.currentData() == "preset:gaussian"
        assert again.size_spin.value() == 5
        assert again.stride_spin.value() == 2 and again.pad_mode.currentData() == "same"
        assert again.flip_check.isChecked() and again.bias_spin.value() == -0.5
        assert again.speed.value() == 12 and again.timer.interval() == 1000 // 12
        assert again.stepper is not None and again.stepper.output_shape == (14, 14)
    finally:
        client.shutdown()


def test_remembered_example_and_pooling(panel, qtbot):
    _choose_input(panel, "example:book_padding")
    _choose(panel.mode_combo, "avg")
    panel.size_spin.setValue(3)
    again, client = _second_panel(qtbot, panel.test_model)
    try:
        assert again.input_combo.currentData() == "example:book_padding"
        assert again.mode_combo.currentData() == "avg" and again.size_spin.value() == 3
        assert again.stepper.mode == "avg"
    finally:
        client.shutdown()


def test_remembered_values_that_no_longer_exist_are_ignored(qtbot):
    s = PanelSettings("convolution")
    for key, value in (("input", "example:gone"), ("operation", "median"),
                       ("kernel", "preset:gone"), ("stride", "99"), ("paddingMode", "reflect"),
                       ("bias", "lots"), ("flip", "perhaps"), ("speed", "-4")):
        s.set(key, value)
    p, client = _second_panel(qtbot, build_model("lenet5", seed=0))
    try:
        assert p.input_combo.currentData() == "example:book_4x4"
        assert p.mode_combo.currentData() == "conv" and p.kernel_combo.currentData() == "example"
        assert p.stride_spin.value() == 1 and p.pad_mode.currentData() == "number"
        assert p.bias_spin.value() == 0 and not p.flip_check.isChecked() and p.speed.value() == 3
        np.testing.assert_array_equal(_walk(p), get_example("book_4x4").expected)
    finally:
        client.shutdown()


def test_a_digit_fits_the_view_and_scrolls_only_below_the_minimum_cell(panel, qtbot):
    from PySide6.QtWidgets import QSplitter, QWidget

    from explorer.ui.panels.convolution import MIN_CELL

    _choose_input(panel, "test")                     # a 28x28 digit with a 3x3 kernel
    views = panel.findChild(QWidget, "convViews")
    scroll = views.parentWidget().parentWidget()
    grid = panel.input_row.grids[0]

    def settle(w, h):
        panel.resize(w, h)
        qtbot.waitUntil(lambda: panel.size().toTuple() == (w, h), timeout=2000)
        for _ in range(3):
            qtbot.wait(20)

    settle(1300, 700)                                # room for cells above the minimum
    assert not scroll.verticalScrollBar().isVisible()
    assert views.height() == scroll.viewport().height()
    bottom = grid.mapTo(scroll.viewport(), grid.cell_rect(27, 27).bottomRight().toPoint())
    assert bottom.y() <= scroll.viewport().height()  # the last row is on screen
    assert grid._geometry()[0] > MIN_CELL
    split = panel.findChild(QSplitter)               # the explanations take most of the height:
    split.setSizes([260, 10000])                     # too little room even for the minimum
    qtbot.waitUntil(scroll.verticalScrollBar().isVisible, timeout=2000)
    assert grid._geometry()[0] >= MIN_CELL - 1e-6


def test_test_image_follows_a_smaller_data_set(panel):
    """Issue 10: test image #999, then a data set with 200 test images, then a new stride: the
    panel shows the last image and says so (it raised IndexError)."""
    _choose_input(panel, "test")
    panel.test_index.setValue(999)
    assert panel.test_index.value() == 999 and panel.stepper is not None
    panel.hide()                                   # the user is in the Data tab
    small = small_dataset(200)
    panel.state.set_dataset(small)
    assert panel.test_index.value() == 199
    assert "no test image #999" in panel.message.text() and not panel.message.is_error
    panel.show()
    panel.stride_spin.setValue(2)
    assert panel.stepper is not None
    np.testing.assert_array_equal(panel.stepper.x[0], pixels_to_float(small.test_images[199]))
    assert "Test image #199" in panel.input_title.text()


def test_remembered_test_index_past_the_end_is_clamped(qtbot):
    PanelSettings("convolution").set("input", "test")
    PanelSettings("convolution").set("testIndex", 10**6 - 1)
    p, client = _second_panel(qtbot, build_model("lenet5", seed=0))
    try:
        n = len(p.state.dataset().test_images)
        assert p.test_index.value() == n - 1 and p.stepper is not None
    finally:
        client.shutdown()


def test_every_note_and_problem_has_a_whole_sentence():
    from explorer.ui.conv_setup import Note, Problem
    from explorer.ui.panels.convolution_text import note_text, problem_text

    notes = [Note("example", ("desc", Note("your_pool_settings", (3, 2, "same")))),
             Note("example_other", ("t",)), Note("your_conv_settings", (2, "valid", 0.5)),
             Note("current_missing"), Note("current", ("draw",)), Note("test", (3, "7")),
             Note("map_all", ("conv1", 1)), Note("map_all", ("conv1", 6)),
             Note("map_channel", (2, "conv1")), Note("example_filter"), Note("book_filter"),
             Note("preset", ("d",)), Note("learned", (1, "conv2", -0.25)),
             Note("shared_kernel", (3,)), Note("test_clamped", (999, 199, 200)),
             Note("filter_clamped", (9, 5, 6)), Note("channel_clamped", (9, 5, 6))]
    for note in notes:
        text = note_text(note)
        assert text and "%" not in text, note
    assert "Your settings: 3\u00d73 window, stride 2, SAME padding." in note_text(notes[0])
    problems = [Problem("no_maps"), Problem("no_filters"), Problem("preset_size", ("G", 1, 7)),
                Problem("channels", (1, 6, None, None)), Problem("channels", (6, 1, "c", "p")),
                Problem("channels", (6, 3, None, None)), Problem("data", ("gone",)),
                Problem("empty_data", ("x",)), Problem("engine", ("kernel too big",))]
    for problem in problems:
        text = problem_text(problem)
        assert text and "%" not in text, problem
    assert problem_text(problems[3]).startswith("This filter has 1 channel but the input has 6")
    with pytest.raises(ValueError, match="no sentence"):
        note_text(Note("unknown"))


def test_max_to_average_pooling_keeps_the_convolutions_size_and_stride(panel):
    """Switching between the two poolings stored the pooling's size and stride as the
    convolution's: back in convolution the kernel size and stride were the pooling's."""
    panel.stride_spin.setValue(1)
    _choose(panel.kernel_combo, "preset:gaussian")
    panel.size_spin.setValue(5)
    _choose(panel.mode_combo, "max")
    _choose(panel.mode_combo, "avg")
    _choose(panel.mode_combo, "conv")
    assert (panel.size_spin.value(), panel.stride_spin.value()) == (5, 1)
