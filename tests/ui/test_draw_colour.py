"""The Draw tab with a colour model (issue 15): the canvas is off and says why, a colour image
is classified as it is, a wrong-sized input is refused in words, and every text translates."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.crossing import input_shape_of
from explorer.ui.panels.draw_colour import InputFit
from tests.ui.test_draw_panel import SHARED_WIDGET_TEXTS
from tests.ui.draw_panel import draw_panel


@pytest.fixture
def panel(qtbot):
    with draw_panel(qtbot, "tiny_vgg", seed=0) as shown:
        yield shown


def test_input_fit_decisions():
    grey, colour = InputFit((1, 28, 28)), InputFit((3, 32, 32))
    assert grey.canvas_works and not colour.canvas_works
    assert InputFit(None).canvas_works           # no model yet: nothing to refuse
    assert colour.fits(np.zeros((32, 32, 3))) and not colour.fits(np.zeros((28, 28)))
    assert grey.fits(np.zeros((28, 28))) and not grey.fits(np.zeros((28, 28, 3)))
    assert "1x28x28" in colour.mismatch(np.zeros((28, 28))) and "3x32x32" in colour.mismatch(
        np.zeros((28, 28)))


def test_input_shape_comes_from_the_models_first_layer(panel):
    assert input_shape_of(panel.client.model_info) == (3, 32, 32)
    assert input_shape_of(None) is None


def test_a_colour_model_turns_the_canvas_off_and_classifies_colour_images(panel, qtbot, qapp):
    from tests.ui.pseudo_translation import all_texts, pseudo_language, untranslated_texts

    assert not panel.canvas.isEnabled() and not panel.clear_button.isEnabled()
    assert not panel.canvas_note.isHidden() and panel.raw_switch.isHidden()
    assert panel.confidence.text() == "Open a picture or click an image in the Data tab."
    image = np.random.default_rng(0).random((32, 32, 3)).astype(np.float32)
    panel.state.set_current_input(image, "a test")
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=10000)
    np.testing.assert_array_equal(panel.last_result["pre"], image)
    assert panel.canvas.is_empty()
    assert panel.source_note.text() == "Input from a test, classified as it is."

    with pseudo_language(qapp):
        assert [t for t in untranslated_texts(panel)
                if not t.startswith(SHARED_WIDGET_TEXTS)] == []
    assert not any("\u27e6" in text for _, text in all_texts(panel))

    panel.state.set_current_input(np.zeros((28, 28), np.float32), "a grey digit")
    qtbot.waitUntil(lambda: panel.last_result is None, timeout=5000)
    assert "1x28x28" in panel.confidence.text() and "3x32x32" in panel.confidence.text()


def test_a_sample_photo_is_an_input_offline(panel, qtbot, qapp):
    from explorer.data.sample_photos import SAMPLE_PHOTOS
    from tests.ui.pseudo_translation import pseudo_language, untranslated_texts

    bar = panel.picture_bar
    actions = bar.sample_menu.actions()
    assert [a.data() for a in actions] == list(SAMPLE_PHOTOS)
    assert [a.text() for a in actions][:2] == ["Cat", "Astronaut"]
    actions[2].trigger()                                   # Coffee
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=10000)
    image = panel.state.current_input
    assert image.shape == (32, 32, 3) and image.dtype == np.float32
    np.testing.assert_array_equal(panel.last_result["pre"], image)
    assert "Coffee" in bar.note.text() and "32x32" in bar.note.text()
    assert "CC0" in bar.note.text()
    with pseudo_language(qapp):
        assert untranslated_texts(bar) == []
        assert all("\u27e6" in a.text() for a in bar.sample_menu.actions())
    assert "Coffee" in bar.note.text()


def test_a_missing_sample_photo_is_said_again_after_a_language_switch(panel, qapp, monkeypatch,
                                                                      tmp_path):
    # the failure was kept as the English text of its moment
    from explorer.ui import sample_photos
    from tests.ui.pseudo_translation import pseudo_language

    monkeypatch.setattr(sample_photos, "photo_path", lambda key: tmp_path / "gone.png")
    sample_photos._fitted.cache_clear()
    bar = panel.picture_bar
    assert bar.open_sample("rocket") is None
    english = bar.note.text()
    assert "gone.png" in english
    with pseudo_language(qapp):
        assert bar.note.text() != english and "\u27e6" in bar.note.text()
    assert bar.note.text() == english
    sample_photos._fitted.cache_clear()
