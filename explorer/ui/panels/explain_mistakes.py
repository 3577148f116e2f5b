"""A confusion-matrix cell's mistakes shown in the Explain tab's feature space, Qt-free.

The Train tab builds a selection from its run's test evaluation (`mistake_selection`); the
Explain tab's feature space keeps it as a `MistakeSelection`, which decides which of those test
images are dots of the map (the map holds the first N test images of the active data set, and
only when that data set is the one the run was tested on) and what the caption says.
"""

from __future__ import annotations

import numpy as np

from explorer.data.core import to_float

__all__ = ["MAX_THUMBNAILS", "MistakeSelection", "mistake_selection"]

#: At most this many thumbnails of the mistakes are listed.
MAX_THUMBNAILS = 40


def mistake_selection(evaluation: dict, pair: tuple[int, int] | None) -> dict:
    """The mistakes of one confusion cell (``pair`` = (true, predicted); None: all mistakes)
    from an evaluation payload (`explorer.session.evaluation_payload`): ``true``, ``pred`` (the
    pair, or None), ``index`` (M,) test-set numbers, ``images`` (M, 28, 28) or (M, H, W, 3) uint8,
    ``true_labels``, ``pred_labels`` (M,), ``class_names`` and ``count`` (M)."""
    true, pred = np.asarray(evaluation["wrong_true"]), np.asarray(evaluation["wrong_pred"])
    if pair is None:
        rows = np.arange(len(true))
    else:
        if pair[0] == pair[1]:
            raise ValueError(f"a diagonal cell ({pair[0]}, {pair[1]}) holds no mistakes")
        rows = np.flatnonzero((true == pair[0]) & (pred == pair[1]))
    return {"true": None if pair is None else int(pair[0]),
            "pred": None if pair is None else int(pair[1]),
            "index": np.asarray(evaluation["wrong_index"])[rows].astype(int),
            "images": np.asarray(evaluation["wrong_images"])[rows],
            "true_labels": true[rows].astype(int), "pred_labels": pred[rows].astype(int),
            "class_names": list(evaluation["class_names"]), "count": int(len(rows))}


class MistakeSelection:
    """A selection (see `mistake_selection`) placed on a feature map of test images.

    ``in_map`` (M,) bool: the mistake is a dot of the map (its test number is below the map's
    size and the map's image there is the same picture); ``thumbnails``: the rows listed (at
    most ``MAX_THUMBNAILS``)."""

    def __init__(self, selection: dict):
        self.selection = selection
        self.index = np.asarray(selection["index"], dtype=int)
        self.in_map = np.zeros(len(self.index), dtype=bool)
        self.other_data = False    # the map's images are not the ones the run was tested on

    def __repr__(self) -> str:
        return (f"MistakeSelection({self.selection['true']}->{self.selection['pred']}, "
                f"{self.count} images, {int(self.in_map.sum())} in the map)")

    @property
    def count(self) -> int:
        return int(self.selection["count"])

    @property
    def pair(self) -> tuple[int, int] | None:
        t, p = self.selection["true"], self.selection["pred"]
        return None if t is None else (t, p)

    def place(self, map_images: np.ndarray | None) -> np.ndarray:
        """Match the mistakes with the map's test images ``(N, C, H, W)`` in [0, 1] (None: no
        map yet); returns the map rows (indices into the map) of the mistakes in it."""
        self.in_map = np.zeros(len(self.index), dtype=bool)
        self.other_data = False
        if map_images is None or not len(self.index):
            return np.zeros(0, dtype=int)
        n = len(map_images)
        candidates = np.flatnonzero(self.index < n)
        if len(candidates):
            # Both in the model's layout (M, C, H, W): grey and colour alike.
            ours = to_float(np.asarray(self.selection["images"])[candidates])
            theirs = np.asarray(map_images, dtype=np.float32)[self.index[candidates]]
            if ours.shape[1:] != theirs.shape[1:]:
                same = np.zeros(len(candidates), dtype=bool)
            else:
                same = np.abs(ours - theirs).reshape(len(candidates), -1).max(axis=1) < 1.5 / 255
            self.in_map[candidates[same]] = True
            self.other_data = not same.any()
        return self.index[self.in_map]

    def thumbnails(self) -> np.ndarray:
        """The rows of the selection listed as thumbnails (the first ``MAX_THUMBNAILS``)."""
        return np.arange(min(self.count, MAX_THUMBNAILS))

    def caption(self, row: int, short_names) -> str:
        """A thumbnail's caption: "true→predicted" with the classes' short names."""
        s = self.selection
        return f"{short_names[s['true_labels'][row]]}\u2192{short_names[s['pred_labels'][row]]}"
