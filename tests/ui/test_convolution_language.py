"""The Convolution tab in another language and back, in each of its states: every text is
translated (the pseudo-translation wraps it in ⟦...⟧) and nothing stays in the old language."""

import pytest

from tests.ui.conv_panel import choose, choose_input, convolution_panel
from tests.ui.pseudo_translation import OPEN, all_texts, pseudo_language, untranslated_texts

#: Layer names with their shapes ("conv1 (6, 28, 28)") are data: the model's own names.
LAYER_ITEMS = [r"^\w+ \([\d, ]+\)$"]


@pytest.fixture
def panel(qtbot):
    with convolution_panel(qtbot) as p:
        yield p


def _texts(p):
    """Every text of the panel plus its explanation tabs' HTML (QTextBrowser is no label)."""
    return [t for _, t in all_texts(p)] + [p.arithmetic.toPlainText(),
                                            p.size_text.toPlainText()]


def _check_round_trip(qapp, p):
    position = p.position
    english = sorted(_texts(p))
    with pseudo_language(qapp):
        assert untranslated_texts(p, allowed=LAYER_ITEMS) == []
        # the explanations are HTML: every sentence in them is translated too
        for view in (p.arithmetic, p.size_text):
            text = view.toPlainText()
            assert not text or OPEN in text, text[:200]
        assert p.position == position
    assert not any(OPEN in t for t in _texts(p))
    assert sorted(_texts(p)) == english      # back to exactly what it showed
    assert p.position == position


def test_textbook_example_at_a_middle_step(qapp, panel):
    choose_input(panel, "example:book_4x4")
    panel.set_position(2)
    _check_round_trip(qapp, panel)


def test_three_channel_input(qapp, panel):
    choose_input(panel, "example:three_channel")
    assert panel.stepper.x.shape[0] == 3
    panel.set_position(3)
    _check_round_trip(qapp, panel)
    choose(panel.mode_combo, "max")   # pooling three channels: "%n rows per output cell"
    assert panel.stepper.x.shape[0] == 3
    with pseudo_language(qapp):
        assert "3 rows per output cell" in panel.im2col_shapes.text()
    _check_round_trip(qapp, panel)


def test_live_model_maps_with_a_learned_filter(qapp, panel):
    choose_input(panel, "model")
    choose(panel.kernel_combo, "learned")
    _check_round_trip(qapp, panel)


def test_invalid_set_up_shows_its_problem(qapp, panel):
    choose_input(panel, "example:book_4x4")
    choose(panel.kernel_combo, "preset:box_blur")
    choose(panel.pad_mode, "valid")
    panel.size_spin.setValue(7)
    assert panel.stepper is None and panel.message.is_error
    assert panel.message.text().startswith("kernel size 7 is bigger than the padded input")
    _check_round_trip(qapp, panel)
    with pseudo_language(qapp):   # the engine's message, through its code, filled with its values
        assert panel.message.text().startswith(OPEN + "kernel size 7 is bigger than the padded "
                                               "input size 4 (4 + 0 + 0)")
        assert OPEN + "kernel size 7 is bigger" in panel.size_text.toPlainText()


def test_test_image_input_and_a_moved_index(qapp, panel):
    choose_input(panel, "test")
    panel.test_index.setValue(5)
    panel.set_position(7)
    _check_round_trip(qapp, panel)


def test_pooling(qapp, panel):
    choose_input(panel, "example:book_maxpool")
    panel.set_position(1)
    assert panel.stepper is not None and panel.stepper.mode == "max"
    _check_round_trip(qapp, panel)
    choose(panel.mode_combo, "avg")
    _check_round_trip(qapp, panel)


def test_true_convolution_flip_on(qapp, panel):
    choose_input(panel, "example:book_4x4")
    panel.flip_check.setChecked(True)
    panel.set_position(1)
    assert panel.stepper.flip
    _check_round_trip(qapp, panel)


def test_playing_state_and_selection_survive(qapp, panel):
    choose_input(panel, "example:book_4x4")
    choose(panel.pad_mode, "same")
    panel.toggle_play()
    try:
        with pseudo_language(qapp):
            assert panel.play_button.text() == OPEN + "Pause" + "\u27e7"
            assert panel.pad_mode.currentData() == "same"
            assert panel.input_combo.currentData() == "example:book_4x4"
    finally:
        panel.toggle_play()
    assert panel.play_button.text() == "Play"
