"""A confusion cell of the Train tab shown in the Explain tab: "Show these in Explain" sends the
mistakes, the feature map circles those it holds, the thumbnails list them, and a click on one
makes it the input of "On my drawing"."""

import numpy as np

from explorer.data import pixels_to_float
from explorer.ui.panels.train_results import TrainResults
from tests.ui.pseudo_translation import pseudo_language, untranslated_texts
from tests.ui.test_explain_panel import lenet  # noqa: F401 (fixture)


def _evaluation(dataset):
    index = np.array([3, 10, 40, 500])          # 500: beyond the map's 60 images
    true = np.array([4, 4, 9, 4])
    return {"wrong_index": index, "wrong_images": dataset.test_images[index],
            "wrong_true": true, "wrong_pred": np.array([9, 9, 4, 9]),
            "confusion": np.eye(10, dtype=int) * 5, "accuracy": 0.9, "loss": 0.3,
            "n_wrong": 4, "class_names": [str(d) for d in range(10)]}


def test_a_confusion_cell_is_circled_listed_and_explained(qtbot, qapp, lenet):  # noqa: F811
    panel, state = lenet
    results = TrainResults()
    qtbot.addWidget(results)
    sent = []
    results.sigExplainMistakes.connect(sent.append)
    assert not results.explain_button.isEnabled()
    results.show_evaluation(_evaluation(state.dataset()))
    results.confusion.sigCellClicked.emit(4, 9)
    assert results.explain_button.isEnabled()
    results.explain_button.click()
    selection = sent[-1]
    assert (selection["true"], selection["pred"], selection["count"]) == (4, 9, 3)

    space = panel.space
    space.limit = 60
    panel.show_mistakes(selection)
    assert panel.tabs.currentWidget() is space and space.mistake_grid.count() == 3
    assert "map is ready" in space.mistake_caption.text()
    qtbot.waitUntil(lambda: space.features is not None, timeout=20000)
    assert len(space.highlight.data) == 2          # test images 3 and 10; 500 is not a dot
    np.testing.assert_allclose(sorted(space.highlight.data["x"]),
                               sorted(space.points[[3, 10], 0]))
    text = space.mistake_caption.text()
    assert "4 taken for 9: 3 test images" in text and "2 of them circled" in text
    with pseudo_language(qapp):
        assert untranslated_texts(panel) == []
        assert space.mistake_caption.text().startswith("⟦")

    space.mistake_grid.sigImageClicked.emit(2)      # test image 500
    np.testing.assert_array_equal(state.current_input,
                                  pixels_to_float(state.dataset().test_images[500]))
    assert state.current_input_source == "test set #500"
    assert panel.tabs.currentWidget() is panel.drawing
    qtbot.waitUntil(lambda: panel.drawing.result is not None, timeout=10000)

    space.mistake_clear.click()
    assert space.mistakes is None and len(space.highlight.data) == 0
    assert not space.mistake_grid.isVisibleTo(space)
