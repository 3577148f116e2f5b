"""The Convolution tab on a colour photo (issue 15): the input's channels and the filter's
slices are named red, green and blue, the arithmetic adds the three colour sums, feature maps
keep "channel %1", the 3-channel example says which of its values were chosen here, and every
new text is translated."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.engine.conv_examples import get_example
from explorer.engine.stepper import ConvStepper
from explorer.ui.conv_setup import Note
from explorer.ui.panels.convolution_text import (channel_caption, conv_arithmetic_html,
                                                 note_text, pool_arithmetic_html, slice_caption)
from tests.ui.conv_panel import choose, choose_input, convolution_panel
from tests.ui.pseudo_translation import pseudo_language, untranslated_texts

LAYER_ITEMS = [r"^\w+ \([\d, ]+\)$"]


def test_captions_name_colours_only_for_a_picture():
    assert [channel_caption(c, 3, rgb=True) for c in range(3)] == [
        "R (red)", "G (green)", "B (blue)"]
    assert [slice_caption(c, 3, rgb=True) for c in range(3)] == [
        "R slice", "G slice", "B slice"]
    assert channel_caption(1, 3) == slice_caption(1, 3) == "channel 1"
    assert channel_caption(0, 1, rgb=True) == ""
    assert channel_caption(4, 6, rgb=True) == "channel 4"   # six channels are no picture


def test_the_arithmetic_names_the_colour_sums_and_the_examples_source():
    ex = get_example("three_channel")
    st = ConvStepper(ex.x, ex.kernel)
    pos = st.position(0)
    rgb = conv_arithmetic_html(pos, st.applied_kernel, False, rgb=True)
    assert "R (red):" in rgb and "B (blue):" in rgb and "total of the R, G and B sums" in rgb
    plain = conv_arithmetic_html(pos, st.applied_kernel, False, example="three_channel")
    assert "channel 2:" in plain and "R (red)" not in plain
    assert "The input and filter values of channels 1, 2 were chosen here for this app; the " \
        "other channels are the book's." in plain
    book = get_example("book_4x4")
    bst = ConvStepper(book.x, book.kernel)
    assert "chosen here" not in conv_arithmetic_html(bst.position(0), bst.applied_kernel, False,
                                                     example="book_4x4")
    assert note_text(Note("example_filter", ("three_channel",))) == (
        "The example's filter: channels 1, 2 were chosen here, the others are the book's.")
    assert note_text(Note("example_filter", ("book_4x4",))) == "The example's filter."
    from explorer.engine.stepper import PoolStepper
    pst = PoolStepper(ex.x, "max", 2, 2, 0)
    assert "G (green):" in pool_arithmetic_html(pst.position(0), "max", rgb=True)


@pytest.fixture
def panel(qtbot):
    from explorer.data.colour_mnist import COLOUR_MNIST_NAME

    with convolution_panel(qtbot, architecture="tiny_vgg", dataset=COLOUR_MNIST_NAME) as p:
        yield p


def test_a_photo_through_a_learned_colour_filter(qapp, panel):
    choose_input(panel, "photo")
    assert panel.form.photo_combo.isVisibleTo(panel)
    choose(panel.form.photo_combo, "astronaut")
    choose(panel.kernel_combo, "learned")
    st = panel.stepper
    assert st is not None and st.x.shape == (3, 32, 32) and st.kernel.shape[0] == 3
    assert panel.build.rgb
    assert [c.text() for c in panel.input_row.captions[:3]] == ["R (red)", "G (green)",
                                                                  "B (blue)"]
    assert [c.text() for c in panel.kernel_row.captions[:3]] == [
        "R slice", "G slice", "B slice"]
    text = panel.arithmetic.toPlainText()
    assert "G (green):" in text and "total of the R, G and B sums" in text
    assert "Astronaut" in panel.input_title.text()
    preview = panel.input_row.preview            # the photo itself, in colour, before R, G, B
    assert preview.isVisibleTo(panel) and preview.captions() == ["in colour"]
    pos = st.position(0)
    assert pos.total == pytest.approx(sum(pos.channel_sums))
    with pseudo_language(qapp):
        assert untranslated_texts(panel, allowed=LAYER_ITEMS) == []
        assert "\u27e6" in panel.arithmetic.toPlainText()
    # the backward pass names a weight's slice by its colour too
    choose(panel.direction_combo, "backward")
    view = panel.backward_view
    choose(view.result_combo, "dw")
    view.set_position(2 * 9)          # a weight of the third (blue) slice
    assert "(the B (blue) slice)" in view.arithmetic.toPlainText()
    choose(panel.direction_combo, "forward")
    # the first layer's feature maps have numbered channels, not colours
    choose_input(panel, "model")
    choose(panel.kernel_combo, "preset:sobel_x")
    choose(panel.map_channel, -1)
    assert panel.stepper is not None and panel.stepper.x.shape[0] == 10
    assert not panel.build.rgb
    assert panel.input_row.captions[1].text() == "channel 1"
    assert not panel.input_row.preview.isVisibleTo(panel)


def test_the_photo_choice_is_remembered(panel):
    choose_input(panel, "photo")
    choose(panel.form.photo_combo, "rocket")
    from explorer.ui.panel_settings import PanelSettings

    assert PanelSettings("convolution").get("photo", str, "") == "rocket"
    assert np.isfinite(panel.stepper.output).all()


def test_a_colour_model_with_a_grey_data_set_gets_its_filters_from_the_photo(qtbot):
    """The default (grey MNIST) data set does not fit Tiny VGG: the maps and filters are
    computed for the sample photo instead, so a learned filter can be stepped over it."""
    with convolution_panel(qtbot, architecture="tiny_vgg") as p:
        assert p._snapshot["maps"][0][1].shape[0] == 10        # conv1's maps arrived
        choose_input(p, "photo")
        choose(p.kernel_combo, "learned")
        assert p.stepper is not None and p.stepper.kernel.shape == (3, 3, 3)


@pytest.mark.parametrize("size", [(1260, 720), (1000, 610)])   # 1280x800 and 1024x700 windows
def test_a_photos_three_channels_fit_beside_the_kernel_and_the_output(qtbot, panel, size):
    # each of three 36x36 padded channels asked for 8-pixel cells: the kernel and the output
    # were pushed off to the side, behind a sideways scroll bar
    from PySide6.QtWidgets import QScrollArea

    choose_input(panel, "photo")
    choose(panel.kernel_combo, "learned")
    for direction in ("forward", "backward"):
        choose(panel.direction_combo, direction)
        panel.resize(*size)
        # the layout settles over a few passes (a scroll bar may show for one of them)
        qtbot.waitUntil(lambda: [s for s in panel.findChildren(QScrollArea) if s.isVisible()
                                 and s.horizontalScrollBar().isVisible()] == [], timeout=3000)


def test_the_examples_source_is_told_only_with_the_examples_own_filter(qtbot, panel):
    # with a Sobel filter on the 3-channel example's input, "the filter is the book's" was wrong
    choose_input(panel, "example:three_channel")
    choose(panel.kernel_combo, "example")
    assert "were chosen here for this app" in panel.arithmetic.toPlainText()
    choose(panel.kernel_combo, "preset:sobel_x")
    assert "chosen here" not in panel.arithmetic.toPlainText()


def test_a_photos_channels_take_two_lines_and_a_small_examples_one(qtbot, panel):
    # three 32x32 grids and the preview in one line left each a third of the width
    choose_input(panel, "photo")
    choose(panel.kernel_combo, "learned")
    qtbot.wait(30)
    r, g, b = panel.input_row.grids[:3]
    assert g.y() > r.y() and b.y() == g.y() and b.x() > g.x()     # preview, R / G, B
    choose_input(panel, "example:three_channel")
    qtbot.wait(30)
    r, g, b = panel.input_row.grids[:3]
    assert r.y() == g.y() == b.y() and r.x() < g.x() < b.x()      # 4x4 grids: one line
