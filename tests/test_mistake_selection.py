"""A confusion cell's mistakes placed on the Explain tab's feature map, without Qt."""

import numpy as np
import pytest

from explorer.ui.panels.explain_mistakes import (MAX_THUMBNAILS, MistakeSelection,
                                                 mistake_selection)


def _evaluation(test_images):
    index = np.array([1, 4, 7, 9, 12, 50])
    return {"wrong_index": index, "wrong_images": test_images[index],
            "wrong_true": np.array([3, 3, 5, 3, 2, 3]), "wrong_pred": np.array([5, 5, 3, 5, 7, 8]),
            "class_names": [str(d) for d in range(10)]}


@pytest.fixture
def test_images():
    return np.random.default_rng(0).integers(0, 256, (60, 28, 28)).astype(np.uint8)


def test_a_cell_selects_its_mistakes_and_none_selects_all(test_images):
    ev = _evaluation(test_images)
    cell = mistake_selection(ev, (3, 5))
    assert (cell["true"], cell["pred"], cell["count"]) == (3, 5, 3)
    np.testing.assert_array_equal(cell["index"], [1, 4, 9])
    np.testing.assert_array_equal(cell["images"], test_images[[1, 4, 9]])
    assert list(cell["true_labels"]) == [3, 3, 3] and list(cell["pred_labels"]) == [5, 5, 5]
    every = mistake_selection(ev, None)
    assert every["true"] is None and every["count"] == 6
    assert mistake_selection(ev, (0, 1))["count"] == 0
    with pytest.raises(ValueError, match="diagonal"):
        mistake_selection(ev, (4, 4))


def test_only_mistakes_whose_picture_is_in_the_map_are_placed(test_images):
    selection = MistakeSelection(mistake_selection(_evaluation(test_images), None))
    assert len(selection.place(None)) == 0
    map_images = (test_images[:10].astype(np.float32) / 255)[:, None]     # the first 10
    rows = selection.place(map_images)
    np.testing.assert_array_equal(rows, [1, 4, 7, 9])     # 12 and 50 are beyond the map
    assert list(selection.in_map) == [True, True, True, True, False, False]
    assert not selection.other_data
    # a map of another data set (other pictures at the same numbers) circles nothing
    other = np.random.default_rng(1).random((60, 1, 28, 28)).astype(np.float32)
    assert len(selection.place(other)) == 0 and selection.other_data
    assert selection.caption(2, [str(d) for d in range(10)]) == "5\u21923"


def test_colour_mistakes_are_placed_on_a_colour_map():
    # Colour data: the payload's pictures are (M, H, W, 3) uint8, the map's (N, 3, H, W)
    # floats, as the data set's batch() gives them.
    from explorer.data.core import to_float

    colour = np.random.default_rng(2).integers(0, 256, (60, 32, 32, 3)).astype(np.uint8)
    selection = MistakeSelection(mistake_selection(_evaluation(colour), None))
    rows = selection.place(to_float(colour[:10]))
    np.testing.assert_array_equal(rows, [1, 4, 7, 9])
    assert not selection.other_data
    # the same pictures with the channels swapped are another data set's
    swapped = to_float(colour[:10, :, :, ::-1])
    assert len(selection.place(swapped)) == 0 and selection.other_data


def test_thumbnails_are_capped(test_images):
    n = MAX_THUMBNAILS + 5
    ev = {"wrong_index": np.arange(n), "wrong_images": np.zeros((n, 28, 28), np.uint8),
          "wrong_true": np.zeros(n, int), "wrong_pred": np.ones(n, int),
          "class_names": [str(d) for d in range(10)]}
    selection = MistakeSelection(mistake_selection(ev, (0, 1)))
    assert len(selection.thumbnails()) == MAX_THUMBNAILS and selection.count == n
