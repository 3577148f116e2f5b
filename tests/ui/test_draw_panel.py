"""Draw panel: QTest mouse strokes on the canvas reach the engine and come back as a prediction."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest

from explorer.ui.panels.draw import DrawPanel, classify_drawing
from explorer.ui.state import AppState
from explorer.worker import EngineClient
from tests.ui.draw_panel import draw_panel


def _small_model():
    from explorer.engine import build_model

    model = build_model("simple_convnet", seed=1)
    return model, None, ""


@pytest.fixture
def panel(qtbot):
    with draw_panel(qtbot, "simple_convnet", seed=1) as shown:
        yield shown


def _stroke(canvas, points):
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(*points[0]))
    for p in points[1:]:
        QTest.mouseMove(canvas, QPoint(*p))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(*points[-1]))


def _vertical(canvas, x):
    side = min(canvas.width(), canvas.height())
    x0, y0 = (canvas.width() - side) // 2, (canvas.height() - side) // 2
    return [(x0 + int(x * side), y0 + int(f * side)) for f in np.linspace(0.2, 0.8, 15)]


def test_drawing_leads_to_a_prediction(panel, qtbot):
    canvas = panel.findChild(type(panel.canvas), "drawCanvas")
    label = panel.findChild(type(panel.predicted), "predictedDigit")
    assert label.text() == "?"
    _stroke(canvas, _vertical(canvas, 0.5))
    qtbot.waitUntil(lambda: label.text() in "0123456789" and label.text() != "", timeout=5000)
    result = panel.last_result
    assert result["pre"].shape == (28, 28)
    assert np.isclose(result["proba"].sum(), 1.0, atol=1e-4)
    assert label.text() == str(int(np.argmax(result["proba"])))
    np.testing.assert_allclose(panel.bars.probabilities, result["proba"])
    # the drawn digit became the app's current input
    assert panel.state.current_input is not None
    np.testing.assert_array_equal(panel.state.current_input, result["pre"])


def test_clear_empties_and_undo_restores(panel, qtbot):
    canvas = panel.canvas
    _stroke(canvas, _vertical(canvas, 0.3))
    first = canvas.image_array()
    assert first.any()
    _stroke(canvas, _vertical(canvas, 0.7))
    both = canvas.image_array()
    assert (both > first).any()
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(canvas.image_array(), first)
    qtbot.waitUntil(lambda: panel.predicted.text() != "?", timeout=5000)
    QTest.mouseClick(panel.findChild(type(panel.clear_button), "clearButton"),
                     Qt.MouseButton.LeftButton)
    assert not canvas.image_array().any()
    qtbot.waitUntil(lambda: panel.predicted.text() == "?", timeout=5000)
    assert panel.state.current_input is None
    assert not panel.bars.probabilities.any()
    canvas.undo()   # the clear itself is undoable
    np.testing.assert_array_equal(canvas.image_array(), first)
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert not canvas.image_array().any()


def test_eraser_removes_ink(panel):
    canvas = panel.canvas
    _stroke(canvas, _vertical(canvas, 0.5))
    ink = int(canvas.image_array().sum())
    panel.eraser.setChecked(True)
    _stroke(canvas, _vertical(canvas, 0.5))
    assert int(canvas.image_array().sum()) < ink // 10


def test_raw_comparison_shows_second_answer(panel, qtbot):
    panel.raw_switch.setChecked(True)
    _stroke(panel.canvas, _vertical(panel.canvas, 0.2))
    qtbot.waitUntil(lambda: panel.last_result is not None and "raw" in panel.last_result,
                    timeout=5000)
    assert panel.raw_view.count() == 1 and panel.raw_view.isVisible()
    assert panel.raw_answer.text()


def test_classify_drawing_uses_the_engine_preprocessing():
    from explorer.data import preprocess_digit

    model, _, _ = _small_model()
    raw = np.zeros((280, 280), np.uint8)
    raw[40:200, 30:60] = 255
    out = classify_drawing(raw, model, with_raw=True)
    np.testing.assert_array_equal(out["pre"], preprocess_digit(raw))
    np.testing.assert_allclose(out["proba"], model.predict_proba(out["pre"][None, None])[0])
    assert out["raw"].shape == (28, 28)
    from explorer.data.preprocess import raw_resize

    np.testing.assert_array_equal(out["raw"], raw_resize(raw))
    # the raw resize keeps the stroke where it was: in the left part of the field
    assert out["raw"][:, :7].sum() > 0 and out["raw"][:, 14:].sum() == 0


def test_a_pen_tablet_draws_with_pressure(qtbot):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
    from PySide6.QtWidgets import QApplication

    from explorer.ui.widgets.draw_canvas import DrawCanvas

    pen = QPointingDevice("test pen", 1, QInputDevice.DeviceType.Stylus,
                          QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)

    def stroke(canvas, x, pressure):
        left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        for kind, y, p, buttons in ((QEvent.Type.TabletPress, 40, pressure, left),
                                    (QEvent.Type.TabletMove, 240, pressure, left),
                                    (QEvent.Type.TabletRelease, 240, 0.0, none)):
            event = QTabletEvent(kind, pen, QPointF(x, y), QPointF(x, y), p, 0.0, 0.0, 0.0, 0.0,
                                 0.0, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                                 buttons)
            QApplication.sendEvent(canvas, event)
            assert event.isAccepted()

    canvas = DrawCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(280, 280)
    canvas.show()
    stroke(canvas, 70, 0.3)
    light = canvas.image_array()
    stroke(canvas, 200, 1.0)
    both = canvas.image_array()
    light_width = (light[140] > 128).sum()
    heavy_width = (both[140, 140:] > 128).sum()
    assert light_width > 0 and heavy_width > 2 * light_width   # more pressure, wider line
    canvas.undo()
    np.testing.assert_array_equal(canvas.image_array(), light)


def test_answers_use_the_class_names_the_live_model_learned(qtbot):
    from explorer.data.datasets import FASHION_NAMES
    from explorer.engine import build_model

    def fashion_model():
        model = build_model("lenet5", seed=2)
        model.metadata.update(accuracy=0.8, class_names=list(FASHION_NAMES))
        return model, None, ""

    client = EngineClient(load_live=fashion_model)
    panel = DrawPanel(client, AppState())
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitUntil(lambda: client.model_info is not None, timeout=10000)
    _stroke(panel.canvas, _vertical(panel.canvas, 0.5))
    qtbot.waitUntil(lambda: panel.predicted.text() in FASHION_NAMES, timeout=5000)
    assert panel.predicted.text() == FASHION_NAMES[int(np.argmax(panel.last_result["proba"]))]
    assert panel.bars.class_names[9] == "Ankle"
    client.shutdown()


def test_an_input_chosen_in_another_tab_is_shown_and_classified(panel, qtbot):
    """A test-set digit sent by the Data/Train tab lands on the canvas with its source, is
    classified as it is, keeps its source in the app state (no echo), and drawing over it
    makes it a drawing again."""
    from explorer.data import load_builtin

    ds = load_builtin()
    image = ds.test_images[3].astype(np.float32) / 255.0
    panel.state.set_current_input(image, "test set #3")
    assert panel.canvas.image_array().any()
    assert panel.source_note.isVisibleTo(panel)
    assert "test set #3" in panel.source_note.text()
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=5000)
    np.testing.assert_array_equal(panel.last_result["pre"], image)
    model = _small_model()[0]
    np.testing.assert_allclose(panel.last_result["proba"],
                               model.predict_proba(image[None, None])[0], rtol=1e-5, atol=1e-6)
    assert panel.predicted.text() == str(int(np.argmax(panel.last_result["proba"])))
    # the Draw panel did not replace the input with its own copy
    assert panel.state.current_input_source == "test set #3"
    np.testing.assert_array_equal(panel.state.current_input, image)

    _stroke(panel.canvas, _vertical(panel.canvas, 0.1))
    assert panel.external_source is None
    assert not panel.source_note.isVisibleTo(panel)
    qtbot.waitUntil(lambda: panel.state.current_input_source == "the Draw tab", timeout=5000)
    assert not np.array_equal(panel.state.current_input, image)

    # a new sample replaces the drawing; Esc clears it and the input with it
    panel.state.set_current_input(ds.test_images[4].astype(np.float32) / 255.0, "test set #4")
    assert "test set #4" in panel.source_note.text()
    QTest.keyClick(panel.canvas, Qt.Key.Key_Escape)
    assert panel.external_source is None
    qtbot.waitUntil(lambda: panel.predicted.text() == "?", timeout=5000)
    assert panel.state.current_input is None


def test_a_data_set_change_keeps_the_input_chosen_from_the_old_set(panel, qtbot):
    """Issue 10 checked here: the Draw tab holds the chosen image itself, not an index into
    the data set, so a smaller data set cannot leave it pointing past the end."""
    from explorer.data import Dataset, load_builtin

    image = load_builtin().test_images[999].astype(np.float32) / 255.0
    panel.state.set_current_input(image, "MNIST test image #999")
    rng = np.random.default_rng(0)
    panel.state.set_dataset(Dataset(
        name="small200", train_images=rng.integers(0, 256, (2, 28, 28), dtype=np.uint8),
        train_labels=np.array([0, 1], np.uint8),
        test_images=rng.integers(0, 256, (200, 28, 28), dtype=np.uint8),
        test_labels=(np.arange(200) % 10).astype(np.uint8)))
    assert panel.canvas.image_array().any() and panel.source_note.isVisibleTo(panel)
    assert "MNIST test image #999" in panel.source_note.text()
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=5000)
    np.testing.assert_array_equal(panel.last_result["pre"], image)


def test_model_note_is_one_sentence_for_each_case(qtbot):
    """Edits without a measured accuracy read "Live model: name; edited ..." (the note was
    built from fragments and began the edit clause with a stray "(measured before the edit)")."""
    from explorer.engine import build_model

    model = build_model("simple_convnet", seed=1)
    model.metadata.update(trained=True, edits=[{"layer": "conv1", "filter": 0, "channel": 0}])
    client = EngineClient(load_live=lambda: (model, None, ""))
    panel = DrawPanel(client, AppState())
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: client.model_info is not None, timeout=10000)
        text = panel.model_note.text()
        assert text.startswith("Live model: simple_convnet; ") and "conv1 filter 0" in text
        assert "measured before" not in text
    finally:
        client.shutdown()


#: Texts a shared widget sets and retranslates itself (its own tests check them, in
#: tests/ui/test_shared_widgets.py): the probability chart's axis labels.
SHARED_WIDGET_TEXTS = ("probabilityChart.axis: ",)


def _pseudo_check(panel, qapp):
    """Every text of the panel is translated under the pseudo-language and English after."""
    from tests.ui.pseudo_translation import all_texts, pseudo_language, untranslated_texts

    with pseudo_language(qapp):
        assert [t for t in untranslated_texts(panel)
                if not t.startswith(SHARED_WIDGET_TEXTS)] == []
    assert not any("⟦" in text for _, text in all_texts(panel))


def test_every_text_retranslates_empty_drawn_compared_and_sent(panel, qtbot, qapp):
    """Issue 14: a language switch re-renders every text of the Draw tab in each of its states
    (empty; a drawing classified; the raw comparison on; a training image sent by another tab),
    from the result it shows, without asking the engine again."""
    from explorer.data import load_builtin
    from explorer.ui.text import fill
    from tests.ui.pseudo_translation import pseudo_language

    _pseudo_check(panel, qapp)
    assert panel.confidence.text() == "Draw a digit on the black square."

    _stroke(panel.canvas, _vertical(panel.canvas, 0.5))
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=5000)
    result = panel.last_result
    _pseudo_check(panel, qapp)
    assert panel.last_result is result   # re-rendered, not recomputed
    assert panel.confidence.text().endswith(" sure")
    assert panel.state.current_input_source == "the Draw tab"
    with pseudo_language(qapp):
        assert panel.state.current_input_source == "⟦the Draw tab⟧"

    panel.raw_switch.setChecked(True)
    qtbot.waitUntil(lambda: panel.raw_answer.text().startswith("answer: "), timeout=5000)
    _pseudo_check(panel, qapp)
    assert panel.raw_answer.text().startswith("answer: ")

    image = load_builtin().train_images[5].astype(np.float32) / 255.0
    panel.state.set_current_input(
        image, lambda: fill(QCoreApplication.translate("DataPanel", "%1 training image #%2"),
                            "mnist-subset", 5))
    qtbot.waitUntil(lambda: panel.last_result is not None
                    and panel.last_result["pre"] is not result["pre"], timeout=5000)
    assert "mnist-subset training image #5" in panel.source_note.text()
    with pseudo_language(qapp):
        assert "⟦%1 training image #%2⟧" not in panel.source_note.text()
        assert "⟦mnist-subset training image #5⟧" in panel.source_note.text()
    _pseudo_check(panel, qapp)
    assert "Input from mnist-subset training image #5" in panel.source_note.text()


def test_an_error_line_retranslates(panel, qapp):
    """The error line is rendered again in the new language, with the worker's message."""
    from tests.ui.pseudo_translation import pseudo_language

    panel._on_error("the model has no weights")
    with pseudo_language(qapp):
        assert panel.confidence.text() == "⟦Could not classify: the model has no weights⟧"
    assert panel.confidence.text() == "Could not classify: the model has no weights"
