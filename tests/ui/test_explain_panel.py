"""Explain panel: maps for a drawn digit, live; class choice; sanity check; act-max growing;
the feature map with one point per test image; a colour model says what does not apply."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from explorer.data import pixels_to_float
from explorer.engine import build_model
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels import explain_logic
from explorer.ui.panels.explain import ExplainPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient
from tests.ui.pseudo_translation import all_texts, pseudo_language, untranslated_texts


@pytest.fixture(autouse=True)
def _fresh_settings():
    PanelSettings("explain").clear()
    yield
    PanelSettings("explain").clear()


def _make(qtbot, arch):
    model = build_model(arch, seed=1)
    client = EngineClient(load_live=lambda: (model, None, ""))
    state = AppState()
    qtbot.waitUntil(lambda: client.model_info is not None, timeout=10000)
    panel = ExplainPanel(client, state)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    return panel, client, state


@pytest.fixture
def lenet(qtbot):
    panel, client, state = _make(qtbot, "lenet5")
    yield panel, state
    panel.shutdown()
    client.shutdown()


def _digit(state, i=0):
    return pixels_to_float(state.dataset().test_images[i])


def test_panel_shows_maps_for_a_drawn_digit(qtbot, lenet):
    panel, state = lenet
    view = panel.drawing
    assert panel.objectName() == "explainPanel"
    assert view.saliency_view.heat is None
    state.set_current_input(_digit(state), "test")
    qtbot.waitUntil(lambda: view.result is not None, timeout=10000)
    assert view.saliency_view.heat.shape == (28, 28)
    assert view.cam_view.heat.shape == (28, 28)
    assert view.result["target"] == view.result["predicted"]
    assert "raw maximum" in view.cam_view._caption
    # drawing another digit updates the maps
    first = view.result["saliency"].copy()
    state.set_current_input(_digit(state, 1), "test")
    qtbot.waitUntil(lambda: not np.allclose(view.result["saliency"], first), timeout=10000)


def test_class_choice_changes_the_map(qtbot, lenet):
    panel, state = lenet
    view = panel.drawing
    state.set_current_input(_digit(state), "test")
    qtbot.waitUntil(lambda: view.result is not None, timeout=10000)
    predicted = view.result["predicted"]
    before = view.result["saliency"].copy()
    other = (predicted + 1) % 10
    view.class_combo.setCurrentIndex(view.class_combo.findData(other))
    qtbot.waitUntil(lambda: view.result["target"] == other, timeout=10000)
    assert not np.allclose(view.result["saliency"], before)


def test_grad_cam_layer_choice(qtbot, lenet):
    panel, state = lenet
    view = panel.drawing
    layers = [view.layer_combo.itemData(i) for i in range(view.layer_combo.count())]
    assert len(layers) >= 2
    state.set_current_input(_digit(state), "test")
    qtbot.waitUntil(lambda: view.result is not None, timeout=10000)
    view.layer_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.result.get("cam_layer") == layers[0], timeout=10000)


def test_sanity_check_shows_two_maps_and_a_sentence(qtbot, lenet):
    panel, state = lenet
    view = panel.drawing
    view.run_sanity_check()
    assert "Draw a digit first" in view.sanity_text.text()
    state.set_current_input(_digit(state), "test")
    qtbot.waitUntil(lambda: view.result is not None, timeout=10000)
    view.sanity_button.click()
    qtbot.waitUntil(lambda: view.sanity is not None, timeout=10000)
    assert view.sanity_trained.heat is not None and view.sanity_random.heat is not None
    assert "Correlation" in view.sanity_text.text() or "flat" in view.sanity_text.text()


def test_actmax_runs_live_and_the_objective_rises(qtbot, lenet):
    panel, state = lenet
    view = panel.actmax
    panel.tabs.setCurrentWidget(view)
    view.what.setCurrentIndex(3)  # class 3
    view.steps.setValue(40)
    view.start_button.click()
    assert view.running
    qtbot.waitUntil(lambda: view.last is not None and view.last["done"], timeout=20000)
    objectives = view.last["objectives"]
    assert len(objectives) == 40 and objectives[-1] > objectives[0]
    assert not view.running and view.image.count() == 1
    assert "Step 40 of 40" in view.progress.text()
    qtbot.waitUntil(lambda: view.top.count() == 9, timeout=10000)


def test_actmax_on_a_filter_can_be_stopped(qtbot, lenet):
    panel, state = lenet
    view = panel.actmax
    kinds = [view.what.itemData(i)[0] for i in range(view.what.count())]
    view.what.setCurrentIndex(kinds.index("layer"))
    assert view.channel.isEnabled() and view.channel.maximum() >= 1
    view.channel.setValue(1)
    view.steps.setValue(2000)
    view.start_button.click()
    qtbot.waitUntil(lambda: view.last is not None and view.last["step"] >= 10, timeout=20000)
    view.start_button.click()
    assert not view.running
    step = view.last["step"]
    qtbot.wait(200)
    assert view.last["step"] == step < 2000


def test_feature_space_has_one_point_per_test_image(qtbot, lenet):
    panel, state = lenet
    view = panel.space
    state.set_current_input(_digit(state, 2), "test")
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.features is not None, timeout=20000)
    assert view.point_count() == len(view.features) == min(explain_logic.MAX_MAP_IMAGES,
                                                       state.dataset().n_test)
    qtbot.waitUntil(lambda: view.near_features.count() == 5, timeout=10000)
    assert view.near_pixels.count() == 5 and len(view.star.data) == 1


def test_colour_model_says_what_does_not_apply(qtbot):
    panel, client, state = _make(qtbot, "tiny_vgg")
    try:
        state.set_current_input(_digit(state), "test")
        view = panel.drawing
        qtbot.waitUntil(lambda: view.message.is_error, timeout=10000)
        assert "could not be computed" in view.message.text()
        act = panel.actmax
        act.steps.setValue(10)
        act.start_button.click()
        qtbot.waitUntil(lambda: act.last is not None and act.last["done"], timeout=20000)
        # the image in colour, then its red, green and blue channels
        assert act.image.count() == 4
        assert act.image.captions() == ["colour", "R (red)", "G (green)", "B (blue)"]
        panel.tabs.setCurrentWidget(panel.space)
        qtbot.waitUntil(lambda: panel.space.message.is_error, timeout=20000)
    finally:
        panel.shutdown()
        client.shutdown()


def test_tsne_runs_in_the_background_and_can_be_cancelled(qtbot, lenet):
    panel, state = lenet
    view = panel.space
    view.limit = 80
    state.set_current_input(_digit(state, 2), "test")
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.features is not None, timeout=20000)
    assert view.point_count() == 80
    view.tsne_button.click()
    assert view.job is not None and not view.tsne_button.isEnabled()
    view.cancel_button.click()
    assert view.job is None and view.tsne_button.isEnabled()
    assert view.method == "pca"
    view.tsne_button.click()
    qtbot.waitUntil(lambda: view.method == "tsne", timeout=60000)
    assert view.point_count() == 80 and view.progress.value() > 0
    qtbot.waitUntil(lambda: len(view.star.data) == 1 and view.near_features.count() == 5,
                    timeout=20000)


def _check_translated(panel):
    assert untranslated_texts(panel) == []


def test_every_view_retranslates_in_every_state(qtbot, qapp, lenet):
    panel, state = lenet
    with pseudo_language(qapp):
        _check_translated(panel)  # nothing drawn yet: the placeholders
        view = panel.drawing
        state.set_current_input(_digit(state), "test")
        qtbot.waitUntil(lambda: view.result is not None, timeout=10000)
        view.sanity_button.click()
        qtbot.waitUntil(lambda: view.sanity is not None, timeout=10000)
        _check_translated(panel)  # a saliency and a sanity check shown
        assert view.info.text().startswith("⟦") and view.sanity_text.text().startswith("⟦")
        assert view.cam_view._caption.startswith("⟦")
        act = panel.actmax
        panel.tabs.setCurrentWidget(act)
        act.steps.setValue(2000)
        act.start_button.click()
        qtbot.waitUntil(lambda: act.last is not None and act.last["step"] >= 10, timeout=20000)
        _check_translated(panel)  # act-max running: "Stop" and the step line
        act.start_button.click()
        _check_translated(panel)
        space = panel.space
        space.limit = 80
        panel.tabs.setCurrentWidget(space)
        qtbot.waitUntil(lambda: space.features is not None, timeout=20000)
        item = next(s for s in space.scatters if len(s.data))
        item.sigHovered.emit(item, item.points()[:1], None)
        assert space.hover_view.count() == 1
        assert space.hover_view.captions()[0].startswith("⟦")
        _check_translated(panel)  # a PCA map shown, a digit hovered
        space.tsne_button.click()
        qtbot.waitUntil(lambda: space.progress.value() > 0 or space.method == "tsne",
                        timeout=60000)
        _check_translated(panel)  # t-SNE running (or just finished)
        space.cancel_button.click()
    # back to English: every text, including the ones made while the pseudo-language was on
    assert not any("⟦" in t for _, t in all_texts(panel))
    assert "raw maximum" in panel.drawing.cam_view._caption
    assert "Correlation" in panel.drawing.sanity_text.text() or \
        "flat" in panel.drawing.sanity_text.text()
    assert panel.actmax.progress.text().startswith("Step ")
    assert "test image" in panel.space.hover_view.captions()[0]


def test_an_error_is_retranslated(qtbot, qapp):
    panel, client, state = _make(qtbot, "tiny_vgg")
    try:
        state.set_current_input(_digit(state), "test")
        view = panel.drawing
        qtbot.waitUntil(lambda: view.message.is_error, timeout=10000)
        with pseudo_language(qapp):
            _check_translated(panel)
            assert view.message.text().startswith("⟦")
        assert view.message.text().startswith("The maps could not be computed")
    finally:
        panel.shutdown()
        client.shutdown()


def test_smoothgrad_toggle_runs_in_the_engine_thread(qtbot, lenet):
    from explorer.engine import explain as E

    panel, state = lenet
    view = panel.drawing
    assert not view.smooth_noise.isEnabled() and view.smooth() is None
    digit = _digit(state)
    state.set_current_input(digit, "test")
    qtbot.waitUntil(lambda: view.result is not None, timeout=10000)
    plain = view.result["saliency"].copy()
    view.smooth_box.setChecked(True)
    view.smooth_count.setValue(8)   # the request made with 25 copies is replaced (coalesced)
    qtbot.waitUntil(lambda: view.result["smooth"] == (0.15, 8), timeout=10000)
    assert view.smooth_noise.isEnabled()
    same_model = build_model("lenet5", seed=1)  # the live model of the fixture
    expected = E.smoothgrad(same_model, digit[None, None], view.result["target"], noise=0.15,
                            n=8)
    np.testing.assert_allclose(view.result["saliency"], expected, rtol=1e-5)
    assert not np.allclose(view.result["saliency"], plain)
    assert "SmoothGrad" in view.saliency_view._caption and "8 noisy" in \
        view.saliency_view._caption
    view.smooth_box.setChecked(False)
    qtbot.waitUntil(lambda: view.result["smooth"] is None, timeout=10000)
    np.testing.assert_allclose(view.result["saliency"], plain)


def test_layer_grid_grows_every_filter_and_the_classes_in_the_background(qtbot, qapp, lenet):
    panel, state = lenet
    view = panel.grid
    panel.tabs.setCurrentWidget(view)
    layers = [view.layer_combo.itemData(i) for i in range(view.layer_combo.count())]
    assert [name for name, _ in layers] == ["conv1", "conv2"]
    view.steps.setValue(5)
    view.start_button.click()
    assert view.running and view.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not view.running, timeout=30000)
    assert view.filters.count() == 6 and view.classes.count() == 10
    assert view.progress.value() == 16 and "Done" in view.status.text()
    view.filters.sigImageClicked.emit(2)
    qtbot.waitUntil(lambda: view.top.count() == 5, timeout=10000)
    assert "filter 2 of conv1" in view.top_label.text()
    with pseudo_language(qapp):
        _check_translated(panel)  # a finished grid, a picked filter
        view.classes.sigImageClicked.emit(4)
        qtbot.waitUntil(lambda: view.picked == ("class", 4), timeout=10000)
        _check_translated(panel)
    assert "class 4" in view.top_label.text()
    # the second layer: the classes are kept, only its 16 filters are grown; cancel stops it
    view.layer_combo.setCurrentIndex(1)
    view.steps.setValue(1000)
    view.start_button.click()
    assert len(view.run.objectives) == 16
    qtbot.waitUntil(lambda: view.progress.value() >= 1, timeout=30000)
    with pseudo_language(qapp):
        _check_translated(panel)  # running
    view.cancel_button.click()
    assert not view.running and "Cancelled after" in view.status.text()
    done = view.progress.value()
    qtbot.wait(300)
    assert view.progress.value() == done < 16 and view.classes.count() == 10


def test_feature_space_layer_switch_and_hovered_digit(qtbot, lenet):
    panel, state = lenet
    view = panel.space
    view.limit = 60
    state.set_current_input(_digit(state, 2), "test")
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.features is not None, timeout=20000)
    assert view.layer() is None and view.features.shape == (60, 84)  # the penultimate layer
    layers = [view.layer_combo.itemData(i) for i in range(view.layer_combo.count())]
    assert layers == [None, "flatten", "fc1", "fc2"]
    for name, dims in (("flatten", 400), ("fc1", 120)):
        view.layer_combo.setCurrentIndex(layers.index(name))
        assert view.features is None and len(view.star.data) == 0  # the old map is dropped
        qtbot.waitUntil(lambda: view.features is not None, timeout=20000)
        assert view.features.shape == (60, dims) and view.point_count() == 60
        qtbot.waitUntil(lambda: len(view.star.data) == 1, timeout=10000)
    # the mouse over a dot shows that test image (each dot carries its image's index)
    # (the dot's place on screen is taken again at every try: the plot may still re-range)
    item = next(s for s in view.scatters if len(s.data))
    point = item.points()[0]

    def hover_the_dot():
        at = view.plot.mapFromScene(item.mapToScene(point.pos()))
        QTest.mouseMove(view.plot.viewport(), at + QPoint(1, 0))
        QTest.mouseMove(view.plot.viewport(), at)
        return view.hovered is not None

    qtbot.waitUntil(hover_the_dot, timeout=5000)
    i = view.hovered  # the dot under the pointer (another one may lie on top of it)
    assert view.hover_view.count() == 1
    points = view.space_map.points
    np.testing.assert_allclose(points[i], [point.pos().x(), point.pos().y()],
                               atol=0.05 * float(np.ptp(points)))
    assert view.hover_view.captions()[0] == f"test image {i}: {int(view.labels[i])}"


def test_feature_layers_follow_the_architecture(qtbot):
    panel, client, state = _make(qtbot, "tiny_vgg")
    try:
        view = panel.space
        layers = [view.layer_combo.itemData(i) for i in range(view.layer_combo.count())]
        assert layers == [None, "flatten"]  # its only Dense layer gives the class scores
        assert [name for name, _ in (panel.grid.layer_combo.itemData(i) for i in
                                     range(panel.grid.layer_combo.count()))] == [
            "conv1", "conv2", "conv3", "conv4"]
    finally:
        panel.shutdown()
        client.shutdown()


def test_act_max_captions_name_colours_only_for_an_rgb_picture(lenet):
    # a 4-channel network's image raised KeyError: 3 (it was given the colour names)
    panel, _ = lenet
    view = panel.actmax
    rng = np.random.default_rng(0)
    view.last = {"image": rng.random((4, 6, 6))}
    view._show_image()
    assert view.image.captions() == ["channel 0", "channel 1", "channel 2", "channel 3"]
    view.last = {"image": rng.random((3, 6, 6))}
    view._show_image()
    assert view.image.captions() == ["colour", "R (red)", "G (green)", "B (blue)"]
    view.last = {"image": rng.random((1, 6, 6))}
    view._show_image()
    assert view.image.captions() == [""]
