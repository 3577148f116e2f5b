"""The Train panel's decisions, Qt-free: which controls are enabled in which state, what the
progress bar says while paused, whether making the network live needs a warning, and when a
typed learning rate was cut to the box's limits. The panel renders these (its texts translated
there); tests/ui/test_train_logic.py checks them without a window.

Run states come from ``EngineClient.train_state``: ``"idle"``, ``"starting"``, ``"running"``,
``"paused"``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.data.datasets import N_CLASSES

__all__ = ["Controls", "RunView", "clamp", "CHANCE_MARGIN"]

#: A test accuracy below ``CHANCE_MARGIN`` times chance (1 / number of classes) means the network
#: learned nothing usable (a diverged run stopped at 10 % on ten classes).
CHANCE_MARGIN = 1.5


@dataclass(frozen=True)
class Controls:
    """Enabled state of each control (``pause_resumes``: the Pause button says Resume)."""

    start: bool
    pause: bool
    pause_resumes: bool
    stop: bool
    step: bool
    make_live: bool
    save: bool
    export: bool
    settings: bool


def clamp(value: float, minimum: float, maximum: float) -> tuple[float, bool]:
    """``value`` limited to ``[minimum, maximum]`` and whether it had to be cut."""
    if not math.isfinite(value):
        return minimum, True
    limited = min(max(value, minimum), maximum)
    return limited, limited != value


class RunView:
    """What the Train panel knows about the current or last run, updated from the engine's
    signals, and the decisions derived from it.

    ``state``: the run state; ``has_model``: a run has started or ended (its model can be made
    live or saved); ``has_curves``: there are points to export; ``diverged``: the run paused
    itself after a divergence and no batch has run since; ``ran_diverged``: a divergence
    happened at some point of this run; ``accuracy``: the last measured test accuracy (None
    before one); ``n_classes``: classes of the run's data set; ``last_batch``: ``(epoch, batch,
    n_batches)`` of the newest batch (from 0) or None.
    """

    def __init__(self, n_classes: int = N_CLASSES):
        self.state = "idle"
        self.n_classes = n_classes
        self.new_run(n_classes)
        self.has_model = False

    def __repr__(self) -> str:
        return (f"RunView({self.state}, model={self.has_model}, curves={self.has_curves}, "
                f"diverged={self.diverged}, accuracy={self.accuracy})")

    def new_run(self, n_classes: int | None = None) -> None:
        """Forget the last run (Start was pressed)."""
        if n_classes is not None:
            self.n_classes = n_classes
        self.has_curves = False
        self.diverged = False
        self.ran_diverged = False
        self.accuracy: float | None = None
        self.last_batch: tuple[int, int, int] | None = None
        self.finished_reason: str | None = None

    # -- updates --

    def set_state(self, state: str) -> None:
        self.state = state
        if state in ("starting", "running", "paused"):
            self.has_model = True

    def batch_done(self, epoch: int, batch: int, n_batches: int) -> None:
        self.has_curves = True
        self.diverged = False
        self.last_batch = (epoch, batch, n_batches)

    def epoch_done(self, test_accuracy: float | None) -> None:
        self.has_curves = True
        if test_accuracy is not None:
            self.accuracy = test_accuracy

    def divergence(self) -> None:
        self.diverged = self.ran_diverged = True

    def finished(self, reason: str, accuracy: float | None) -> None:
        self.finished_reason = reason
        self.diverged = self.diverged or reason == "diverged"
        self.accuracy = accuracy
        self.has_model = True

    # -- decisions --

    @property
    def running(self) -> bool:
        return self.state in ("starting", "running", "paused")

    def controls(self) -> Controls:
        state, running = self.state, self.running
        return Controls(
            start=not running,
            pause=state in ("running", "paused"),
            pause_resumes=state == "paused",
            stop=running,
            step=state in ("idle", "paused"),
            make_live=self.has_model and state != "starting",
            save=self.has_model and state != "starting",
            export=self.has_curves,
            settings=not running,
        )

    def paused_position(self) -> tuple[int, int, int] | None:
        """Where a paused run stands, ``(epoch, batch, n_batches)`` counted from 1 (the bar
        says "paused at epoch e, batch b/n"), or None before its first batch."""
        if self.last_batch is None:
            return None
        epoch, batch, n_batches = self.last_batch
        return epoch + 1, batch + 1, n_batches

    def make_live_risk(self) -> str | None:
        """Why making this network live needs a confirmation: ``"diverged"`` (the run diverged
        and has not trained a batch since), ``"chance"`` (its test accuracy is near chance), or
        None (no warning)."""
        if self.diverged:
            return "diverged"
        if self.accuracy is not None and self.accuracy < CHANCE_MARGIN / self.n_classes:
            return "chance"
        return None
