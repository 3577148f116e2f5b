"""The training timeline bar's decisions, Qt-free: which snapshots exist, which one is shown and
how each is described (the bar renders the sentences).

The worker's session keeps a snapshot of the weights before training and after each epoch (see
`explorer.session.TrainingSession.timeline_summary`); the bar lets the learner show one instead
of the live model. Snapshots are identified by ``step`` (batches done when taken): when the
memory cap drops middle snapshots their indices shift, their steps do not.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SnapshotWords", "TimelineState", "describe_snapshot"]


@dataclass(frozen=True)
class SnapshotWords:
    """What a snapshot is, for a sentence: ``kind`` is ``"before"`` (the initial weights),
    ``"epoch"`` (after epoch ``epoch`` of ``epochs``, counted from 1 as the Train tab counts
    them) or ``"partial"`` (a run stopped in epoch ``epoch`` after ``step`` batches);
    ``accuracy`` the test accuracy in % (None: not measured)."""

    kind: str
    epoch: int = 0
    epochs: int = 0
    step: int = 0
    accuracy: float | None = None


def describe_snapshot(label: dict, epochs: int) -> SnapshotWords:
    """A snapshot label (``epoch`` from 0, -1 before training; ``step``; ``accuracy`` in
    [0, 1] or None; ``partial``) as `SnapshotWords`."""
    acc = label.get("accuracy")
    acc = None if acc is None else 100.0 * float(acc)
    epoch, step = int(label.get("epoch", 0)), int(label.get("step", 0))
    if epoch < 0 or step == 0:
        return SnapshotWords("before", 0, epochs, 0, acc)
    if label.get("partial"):
        return SnapshotWords("partial", epoch + 1, epochs, step, acc)
    return SnapshotWords("epoch", epoch + 1, epochs, step, acc)


class TimelineState:
    """The snapshots of the current/last run and the one shown.

    ``labels``: one dict per kept snapshot (oldest first); ``epochs``, ``nbytes``, ``dropped``,
    ``problem`` from the last summary; ``shown``: the label of the snapshot shown instead of the
    live model (None: the live model is shown); ``can_undo``: a snapshot was made live and the
    model it replaced can come back.
    """

    def __init__(self):
        self.labels: list[dict] = []
        self.epochs = 0
        self.nbytes = 0
        self.dropped = 0
        self.problem = ""
        self.shown: dict | None = None
        self.can_undo = False

    def __repr__(self) -> str:
        return (f"TimelineState({len(self.labels)} snapshots, shown={self.shown_index}, "
                f"{self.megabytes:.2f} MB)")

    def start_run(self) -> None:
        """A new run starts: the last run's snapshots are gone (the worker shows live)."""
        self.labels, self.nbytes, self.dropped, self.problem = [], 0, 0, ""
        self.shown = None

    def update(self, summary: dict | None) -> None:
        """The session's newest ``timeline_summary`` (from an epoch's end or the run's end)."""
        if not summary:
            return
        self.labels = [dict(label) for label in summary.get("labels", [])]
        self.epochs = int(summary.get("epochs", 0))
        self.nbytes = int(summary.get("nbytes", 0))
        self.dropped = int(summary.get("dropped", 0))
        self.problem = str(summary.get("problem", ""))

    def set_shown(self, timeline_label: dict | None) -> None:
        """What the worker shows now: a snapshot's label (`ModelInfo.timeline`) or None (live)."""
        self.shown = None if timeline_label is None else dict(timeline_label)

    @property
    def visible(self) -> bool:
        """The bar is worth showing: there is a snapshot to go to, or one is shown, or the run
        could keep none (the bar says why)."""
        return bool(self.labels) or self.shown is not None or bool(self.problem)

    @property
    def showing_snapshot(self) -> bool:
        return self.shown is not None

    @property
    def shown_index(self) -> int | None:
        """The shown snapshot's index among ``labels`` (by its step), None when the live model
        is shown or the snapshot was dropped since."""
        if self.shown is None:
            return None
        for i, label in enumerate(self.labels):
            if label.get("step") == self.shown.get("step"):
                return i
        return None

    def slider_range(self) -> tuple[int, int]:
        """Slider positions: one per kept snapshot, 0 the oldest."""
        return 0, max(0, len(self.labels) - 1)

    def slider_value(self) -> int:
        """Where the slider's handle sits: the shown snapshot, else the newest (the end)."""
        index = self.shown_index
        return index if index is not None else max(0, len(self.labels) - 1)

    def words(self, index: int) -> SnapshotWords:
        return describe_snapshot(self.labels[index], self.epochs)

    def shown_words(self) -> SnapshotWords | None:
        """The shown snapshot described (even when the cap dropped it from ``labels``)."""
        if self.shown is None:
            return None
        return describe_snapshot(self.shown, int(self.shown.get("epochs", self.epochs)))

    @property
    def megabytes(self) -> float:
        return self.nbytes / 2**20
