"""Layers panel: for every architecture, selecting each layer shows the right number of maps
(or values) with the right shapes; maps open with their filters; the view follows the input."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from explorer.data import pixels_to_float
from explorer.engine import build_model, list_models
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.layers import LayersPanel, feature_vector_index
from explorer.ui.state import AppState
from explorer.worker import EngineClient
from tests.ui.datasets import small_dataset


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test starts from the defaults and leaves no remembered layer behind."""
    PanelSettings("layers").clear()
    yield
    PanelSettings("layers").clear()


def _make(qtbot, arch):
    model = build_model(arch, seed=1)
    client = EngineClient(load_live=lambda: (model, None, ""))
    state = AppState()
    panel = LayersPanel(client, state)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitUntil(lambda: bool(panel.outputs), timeout=10000)
    return panel, client, state, model


@pytest.fixture
def lenet(qtbot):
    panel, client, state, model = _make(qtbot, "lenet5")
    # A twin with the same weights: the worker's thread runs ``model`` (its layers keep
    # scratch buffers), so tracing it from the test's thread at the same time raced with it.
    panel.test_model = build_model("lenet5", seed=1)
    yield panel
    client.shutdown()


def _digit(state, i=0):
    return pixels_to_float(state.dataset().test_images[i])


# The panel feeds 28x28 digits: the architectures for other input shapes (tiny_vgg,
# lenet5_colour) wait for the panel's colour support (issue 15, Qt part).
GREY_MODELS = [n for n in list_models() if build_model(n).input_shape == (1, 28, 28)]


@pytest.mark.parametrize("arch", GREY_MODELS)
def test_every_layer_shows_its_maps_with_the_right_shapes(qtbot, arch):
    panel, client, state, model = _make(qtbot, arch)
    try:
        summary = model.summary()
        assert panel.table.rowCount() == len(summary)
        trace = dict(model.trace(_digit(state)[None, None]))
        for row in summary:
            panel.select_layer(row["name"])
            out = panel.outputs[row["name"]]
            assert out.shape == tuple(row["output_shape"])
            np.testing.assert_array_equal(out, trace[row["name"]][0])
            if len(row["output_shape"]) == 3:
                c, h, w = row["output_shape"]
                assert panel.maps.isVisibleTo(panel) and not panel.strip.isVisibleTo(panel)
                assert panel.maps.count() == c
                panel.open_map(c - 1)
                assert panel.detail.values.shape == (h, w)
            else:
                (d,) = row["output_shape"]
                assert panel.strip.isVisibleTo(panel) and not panel.maps.isVisibleTo(panel)
                shown = panel.strip.values.ravel()
                np.testing.assert_array_equal(shown[:d], out)
                assert np.isnan(shown[d:]).all()
    finally:
        client.shutdown()


def test_summary_columns_and_feature_vector(lenet):
    t = lenet.table
    names = [t.item(i, 0).text() for i in range(t.rowCount())]
    assert names[0] == "conv1" and t.item(0, 2).text() == "the image"
    assert t.item(3, 2).text() == "pool1" and t.item(3, 3).text() == "16\u00d710\u00d710"
    assert "receives 6\u00d714\u00d714" in t.item(3, 2).toolTip()
    assert t.item(3, 4).text() == "2,416"  # 16*6*5*5 + 16
    fv = feature_vector_index(lenet.summary)
    assert lenet.summary[fv]["name"] == "relu4" and "\u2605" in names[fv]
    lenet.select_layer("relu4")
    assert "feature vector" in lenet.layer_title.text() and "fc3" in lenet.layer_title.text()


def test_page_keys_and_buttons_step_through_layers(lenet, qtbot):
    lenet.select_layer("conv1")
    assert not lenet.prev_button.isEnabled()
    lenet.table.setFocus()
    qtbot.keyClick(lenet.table, Qt.Key.Key_PageDown)
    assert lenet.selected_layer == "relu1"
    lenet.next_button.click()
    assert lenet.selected_layer == "pool1"
    qtbot.keyClick(lenet.table, Qt.Key.Key_PageUp)
    assert lenet.selected_layer == "relu1"
    lenet.select_layer("fc3")
    assert not lenet.next_button.isEnabled()


def test_opened_conv_map_shows_its_filters_and_bias(lenet):
    lenet.select_layer("conv2")
    lenet.open_map(5)
    w = lenet.test_model.parameters()["conv2.weight"][5]
    b = lenet.test_model.parameters()["conv2.bias"][5]
    assert lenet.kernels.count() == 6  # one 5x5 kernel per input channel (pool1 has 6)
    np.testing.assert_array_equal(lenet.kernel_numbers.values, w[0])
    lenet.kernels.sigImageClicked.emit(4)
    np.testing.assert_array_equal(lenet.kernel_numbers.values, w[4])
    assert "6 channels of pool1" in lenet.source_title.text()
    assert "bias" in lenet.source_title.text()
    assert f"{float(b):.4g}".replace("-", "\u2212") in lenet.source_title.text()
    lenet.select_layer("pool1")
    lenet.open_map(2)
    np.testing.assert_array_equal(lenet.source_map.values, lenet.outputs["relu1"][2])


def test_shared_and_per_map_scale(lenet):
    lenet.select_layer("conv1")
    out = lenet.outputs["conv1"]
    lo, hi = lenet.colour_scale.range
    assert lo == pytest.approx(-np.abs(out).max()) and hi == pytest.approx(np.abs(out).max())
    assert lenet.maps.levels == "shared"
    lenet.per_map.setChecked(True)
    assert lenet.maps.levels == "each"
    assert "own minimum" in lenet.colour_scale._note


def _close(a, b) -> bool:
    """Equal to float32 rounding (two models, two threads: the same sums, but not promised to
    be the same bits)."""
    return a.shape == b.shape and np.allclose(a, b, rtol=1e-5, atol=1e-6)


def test_follows_the_drawn_input_and_the_test_picker(lenet, qtbot):
    image = np.zeros((28, 28), np.float32)
    image[6:22, 12:16] = 1.0
    lenet.state.set_current_input(image, "draw")
    expected = dict(lenet.test_model.trace(image[None, None]))
    qtbot.waitUntil(lambda: _close(lenet.outputs["conv1"], expected["conv1"][0]), timeout=20000)
    lenet.use_test.setChecked(True)
    lenet.test_index.setValue(3)
    expected = dict(lenet.test_model.trace(_digit(lenet.state, 3)[None, None]))
    qtbot.waitUntil(lambda: _close(lenet.outputs["fc3"], expected["fc3"][0]), timeout=20000)
    assert "Test digit #3" in lenet.input_note.text()


def test_filter_text_is_singular_for_one_input_channel(lenet):
    lenet.select_layer("conv1")  # reads the image: one channel
    lenet.open_map(0)
    text = lenet.source_title.text()
    assert "one 5\u00d75 kernel on the only channel of the image, plus the bias" in text
    assert "1 channels" not in text and "1 results" not in text
    lenet.select_layer("conv2")  # reads pool1: six channels
    lenet.open_map(0)
    assert "(6 channels of pool1), the 6 results added" in lenet.source_title.text()


def test_selected_layer_and_scaling_are_remembered(qtbot):
    panel, client, state, model = _make(qtbot, "lenet5")
    assert panel.selected_layer == "conv1" and not panel.per_map.isChecked()
    panel.select_layer("pool2")
    panel.per_map.setChecked(True)
    client.shutdown()
    again, client2, _, _ = _make(qtbot, "lenet5")
    try:
        assert again.selected_layer == "pool2" and again.per_map.isChecked()
        selected = again.table.selectionModel().selectedRows()[0].row()
        assert selected == again.layer_names().index("pool2")
    finally:
        client2.shutdown()


def test_a_remembered_layer_the_model_lacks_is_ignored(qtbot):
    settings = PanelSettings("layers")
    settings.set("layer", "inception1")      # mini_inception's, not lenet5's
    settings.set("perMapScale", "not a bool")
    panel, client, _, _ = _make(qtbot, "lenet5")
    try:
        assert panel.selected_layer == "conv1" and not panel.per_map.isChecked()
        assert settings.get("layer") == "conv1"
    finally:
        client.shutdown()


def test_test_picker_follows_a_smaller_data_set(lenet, qtbot):
    """Issue 10: test image #999, then a set of 200 test images: the panel clamps to #199,
    says so and shows that image's layers."""
    lenet.use_test.setChecked(True)
    lenet.test_index.setValue(999)
    assert lenet.test_index.value() == 999
    small = small_dataset(200)
    lenet.state.set_dataset(small)
    assert lenet.test_index.value() == 199
    assert "no test image #999" in lenet.message.text() and not lenet.message.is_error
    image = pixels_to_float(small.test_images[199])
    expected = dict(lenet.test_model.trace(image[None, None]))
    qtbot.waitUntil(lambda: _close(lenet.outputs["fc3"], expected["fc3"][0]), timeout=20000)
    assert "Test digit #199" in lenet.input_note.text()
    lenet.test_index.setValue(5000)                 # the picker offers only what exists
    assert lenet.test_index.value() == 199


def test_logits_are_labelled_with_the_models_class_names(qtbot):
    from explorer.data.datasets import FASHION_NAMES

    model = build_model("lenet5", seed=1)
    model.metadata["class_names"] = list(FASHION_NAMES)
    client = EngineClient(load_live=lambda: (model, None, ""))
    panel = LayersPanel(client, AppState())
    qtbot.addWidget(panel)
    panel.show()
    try:
        qtbot.waitUntil(lambda: client.model_info is not None and bool(panel.outputs),
                        timeout=10000)
        panel.select_layer(panel.layer_names()[-1])
        assert panel.strip.flat_labels[1] == "class \u201cTrouser\u201d"
        assert "digit" not in " ".join(panel.strip.flat_labels)
        assert "T-shirt/top" in panel.layer_title.text()
    finally:
        client.shutdown()


def _pseudo_check(panel, qapp):
    """Every text is translated under the pseudo-language, and English again after it."""
    from tests.ui.pseudo_translation import all_texts, pseudo_language, untranslated_texts

    with pseudo_language(qapp):
        assert untranslated_texts(panel) == []
        pseudo_title = panel.layer_title.text()
    assert "⟦" in pseudo_title
    assert not any("⟦" in text for _, text in all_texts(panel))


@pytest.mark.parametrize("layer", ["conv2", "pool1", "fc1"])
def test_every_text_retranslates_for_each_kind_of_layer(lenet, qapp, layer):
    """Issue 14: with a conv, a pooling and a dense layer selected (a map opened, a kernel
    chosen, a cell hovered), a language switch re-renders every text from the outputs the
    panel holds: the activations are not asked for again."""
    from tests.ui.pseudo_translation import pseudo_language

    lenet.select_layer(layer)
    if lenet.outputs[layer].ndim == 3:
        lenet.open_map(1)
        lenet.detail.sigCellHovered.emit(2, 3, 0.5)
    if layer == "conv2":
        lenet.kernels.sigImageClicked.emit(4)
    outputs = lenet.outputs
    english = (lenet.layer_title.text(), lenet.source_title.text(), lenet.hover_label.text(),
               lenet.table.item(0, 2).text(), lenet.table.item(0, 0).toolTip())
    _pseudo_check(lenet, qapp)
    with pseudo_language(qapp):
        assert lenet.table.item(0, 2).text() == "⟦the image⟧"
        if layer != "fc1":
            assert lenet.hover_label.text() == "⟦row 2, column 3: 0.5⟧"
    assert lenet.outputs is outputs
    assert (lenet.layer_title.text(), lenet.source_title.text(), lenet.hover_label.text(),
            lenet.table.item(0, 2).text(), lenet.table.item(0, 0).toolTip()) == english
    if layer == "conv2":
        np.testing.assert_array_equal(lenet.kernel_numbers.values,
                                      lenet.test_model.parameters()["conv2.weight"][1][4])


def test_a_test_image_and_messages_retranslate(lenet, qtbot, qapp):
    """With a test-set image as input, its note and the "moved into a smaller set" message
    come back in the new language; so does an error from the network."""
    from tests.ui.pseudo_translation import pseudo_language

    lenet.use_test.setChecked(True)
    lenet.test_index.setValue(999)
    lenet.state.set_dataset(small_dataset(200))
    assert "no test image #999" in lenet.message.text()
    _pseudo_check(lenet, qapp)
    with pseudo_language(qapp):
        assert lenet.input_note.text().startswith("⟦Test digit #199, labelled")
    assert lenet.input_note.text().startswith("Test digit #199, labelled")
    lenet._on_trace_error("out of memory")
    with pseudo_language(qapp):
        assert lenet.message.text() == "⟦The network could not run: out of memory⟧"
        assert lenet.message.is_error
    assert lenet.message.text() == "The network could not run: out of memory"


def test_a_clicked_unit_shows_its_receptive_field_on_the_input(lenet, qtbot, qapp):
    """Issue 12: clicking a cell of the opened map outlines, on the 28x28 input, the box the
    engine's `receptive_field` gives for that unit, and says its size in words (also after a
    language switch); another layer clears it."""
    from explorer.engine.insight import receptive_field
    from tests.ui.pseudo_translation import pseudo_language

    box = lenet.field_box
    assert box.field is None and "Click a unit" in box.text.text()
    lenet.select_layer("conv2")
    lenet.open_map(3)
    lenet.detail.sigCellClicked.emit(4, 6)
    qtbot.waitUntil(lambda: box.field is not None, timeout=10000)
    expected = receptive_field(lenet.test_model, "conv2", 4, 6)
    assert box.field == expected and box.unit == ("conv2", 4, 6)
    f = expected
    assert box.grid._highlights[0][:4] == (f.top, f.left, f.bottom - f.top, f.right - f.left)
    assert box.grid.values.shape == (28, 28)
    text = box.text.text()
    assert f"sees a {f.size[0]}\u00d7{f.size[1]} patch of the input" in text
    assert f"rows {f.top} to {f.bottom - 1}, columns {f.left} to {f.right - 1}" in text
    _pseudo_check(lenet, qapp)
    with pseudo_language(qapp):
        assert box.text.text().startswith("⟦Unit (row 4, column 6) of conv2 sees a ")
    assert box.text.text() == text

    lenet.select_layer("conv1")       # padding 2: the corner unit's field leaves the image
    lenet.open_map(0)
    lenet.detail.sigCellClicked.emit(0, 0)
    qtbot.waitUntil(lambda: box.unit == ("conv1", 0, 0) and box.field is not None,
                    timeout=10000)
    assert box.field.size == (5, 5) and (box.field.top, box.field.left) == (0, 0)
    assert "on the padding around the image: 3\u00d73 of its pixels are inside" in (
        box.text.text())
    lenet.select_layer("pool1")
    assert box.field is None and "Click a unit" in box.text.text()


def test_the_inception_block_opens_into_its_four_branches(qtbot, qapp):
    """Issue 12: selecting the Inception layer shows its four branches with each one's
    channels in the concatenated output (coloured strip) and the parameter comparison
    without the 1x1 reductions, from the engine's `inception_anatomy`; in both languages."""
    from explorer.engine.insight import inception_anatomy
    from tests.ui.pseudo_translation import pseudo_language

    panel, client, state, model = _make(qtbot, "mini_inception")
    try:
        box = panel.inception_box
        panel.select_layer("conv1")
        assert not box.isVisibleTo(panel)
        panel.select_layer("inception1")
        qtbot.waitUntil(lambda: box.result is not None, timeout=10000)
        assert box.isVisibleTo(panel)
        expected = inception_anatomy(build_model("mini_inception", seed=1), "inception1")
        assert box.result["anatomy"] == expected
        assert box.strip.ranges == [b.channel_range for b in expected.branches]
        assert box.strip.ranges[-1][1] == panel.outputs["inception1"].shape[0]
        assert box.branch_labels[1].text() == (
            "Branch 2: 1\u00d71 convolution, 8 filters \u2192 ReLU \u2192 3\u00d73 convolution, "
            f"16 filters \u2192 ReLU. Channels 8 to 23 of the output; "
            f"{expected.branches[1].params:,} parameters.")
        assert "3\u00d73 max pooling" in box.branch_labels[3].text()
        text = box.comparison.text()
        assert f"would need {expected.params_without_reduction:,} parameters instead of " \
               f"{expected.params:,}" in text
        _pseudo_check(panel, qapp)
        with pseudo_language(qapp):
            assert box.branch_labels[0].text().startswith("⟦Branch 1: ⟦1\u00d71 convolution")
        assert box.comparison.text() == text
        panel.select_layer("pool2")
        assert not box.isVisibleTo(panel)
    finally:
        client.shutdown()
