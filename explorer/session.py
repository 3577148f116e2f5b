"""The app's training session: one run of a :class:`~explorer.training.Trainer`, driven one step
at a time, Qt-free.

::

    session = TrainingSession(Trainer(model, dataset, config, pause_on_divergence=True))
    while not session.finished:
        for update in session.tick():       # one batch, or one evaluation chunk, or the end
            show(update)

Whoever steers the run (the GUI thread) uses ``session.control``, the trainer's
:class:`~explorer.training.RunControl` and the only pause mechanism: ``pause()``, ``resume()``,
``request_step()``, ``stop()``, ``set_lr()``, ``close()``. The driver (the worker thread) calls
:meth:`TrainingSession.tick`, which never blocks: while paused it does nothing and returns
``[]``. Each tick runs one batch (with the epoch's end and the run's end it brings), or one
chunk of the end-of-epoch test evaluation (finished even when a pause came meanwhile), so a stop
or a close is served within one batch or one chunk.

The run's pace (``control.interval``, see :data:`explorer.run_control.PACES`) holds each batch
back until ``interval`` seconds after the start of the one before: ``tick()`` then waits at most
``max_wait`` seconds (in ``control.sleep``, which wakes at once on a pause, stop, close, single
step or new pace) and returns ``[]`` if the batch is still not due, so its driver serves other
work in between. A paced run's ``BatchEvent`` gives the paced speed and time left.

``tick()`` returns update dicts, each with ``"event"`` (a ``BatchEvent``, ``EpochEvent``,
``EvaluatingEvent``, ``DivergedEvent`` or ``FinishedEvent``) and ``"step"`` (batches done in
this session):

- ``BatchEvent``: ``smoothed_loss`` (bias-corrected running mean of the batch losses) and, at
  most every ``filter_interval`` seconds, ``filters`` (a copy of the first conv layer's weights
  ``(F, C, KH, KW)``) with ``filters_change`` (those weights minus the ones the run started
  with, same shape) and ``filters_change_relative`` (||change|| / ||initial||); and always
  ``update_ratios`` (``{layer: ||update|| / ||weights before||}`` for this batch, see
  :func:`explorer.engine.insight.update_ratios`);
- ``LearningRateEvent``: a new learning rate was applied (``old``, ``new``, and ``from_step``,
  the step of the first batch trained with it);
- ``DivergedEvent``: ``filters`` (the restored weights);
- ``EpochEvent``: ``timeline`` (see below);
- ``FinishedEvent``: ``reason`` and ``message`` (also on the event), ``filters``, ``model``
  (the trained model: the driver describes it), ``evaluation`` (see
  :func:`evaluation_payload`, None when nothing was trained or the run failed) and
  ``timeline``; when the run
  failed, ``exception`` (what went wrong, for the UI to show in the user's language), and
  when only the final evaluation failed, ``evaluation_error``.

A learning rate the trainer refuses gives an update ``{"error": English text, "exception": the
ValueError}``.

The session keeps a :class:`~explorer.engine.timeline.WeightTimeline` (``session.timeline``,
None when two snapshots of this architecture would not fit in ``timeline_bytes``; then
``timeline_problem`` says why): the weights before the first batch, after each epoch, and at the
end of a run stopped within an epoch. ``timeline`` in an update is :meth:`timeline_summary`.
"""

from __future__ import annotations

import dataclasses
import math
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from explorer.failures import is_bad_input, print_if_bug
from explorer.engine.insight import update_ratios, weight_change
from explorer.engine.timeline import WeightTimeline
from explorer.training import (
    BatchEvent,
    DivergedEvent,
    EpochEvent,
    EvaluatingEvent,
    FinishedEvent,
    PausedEvent,
    Trainer,
)

__all__ = ["TrainingSession", "LearningRateEvent", "evaluation_payload", "first_filters",
           "FILTER_INTERVAL", "SMOOTHING", "MAX_WRONG", "MAX_WAIT", "TIMELINE_BYTES"]

#: How often (seconds) the first layer's filters go with a batch update.
FILTER_INTERVAL = 0.25
#: Weight of the newest batch in the smoothed loss curve (exponential moving average).
SMOOTHING = 0.1
#: A paced tick waits at most this long (seconds) before giving its driver the hand back.
MAX_WAIT = 0.05
#: At most this many misclassified test images go with the outcome (uint8, 784 bytes each).
MAX_WRONG = 2000
#: Memory cap of a run's weight timeline (LeNet-5: 0.25 MB a snapshot).
TIMELINE_BYTES = 64 * 2**20


@dataclass(frozen=True)
class LearningRateEvent:
    """The learning rate changed from ``old`` to ``new``; the batch of step ``from_step`` (the
    session's count, from 1) is the first trained with ``new``."""

    old: float
    new: float
    from_step: int


def first_filters(model) -> np.ndarray | None:
    """A copy of the first conv layer's weights ``(F, C, KH, KW)``, or None without one."""
    for value in model.parameters().values():
        if value.ndim == 4:
            return value.copy()
    return None


def _copy_parameters(model) -> dict[str, np.ndarray]:
    """A copy of every parameter array (the norms of the batch's update need the old ones)."""
    return {key: value.copy() for key, value in model.parameters().items()}


def evaluation_payload(evaluation, dataset, max_wrong: int = MAX_WRONG) -> dict:
    """What the results view needs of an ``Evaluation`` on ``dataset``'s test split:
    ``accuracy``, ``loss``, ``confusion`` (K, K), ``n_wrong`` and the first ``max_wrong``
    mistakes: ``wrong_index`` (M,), ``wrong_images`` (M, 28, 28) uint8, ``wrong_true`` (M,),
    ``wrong_pred`` (M,); ``class_names`` (K str)."""
    wrong = evaluation.misclassified[:max_wrong]
    images, _ = dataset.split("test")
    return {"accuracy": evaluation.accuracy, "loss": evaluation.loss,
            "confusion": evaluation.confusion, "wrong_index": wrong,
            "wrong_images": images[wrong], "wrong_true": evaluation.labels[wrong],
            "wrong_pred": evaluation.predictions[wrong],
            "n_wrong": int(len(evaluation.misclassified)),
            "class_names": list(dataset.class_names)}


def _user_message(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if is_bad_input(exc) else f"{type(exc).__name__}: {text}"


class TrainingSession:
    """Drives ``trainer`` (built with ``pause_on_divergence=True`` for the app) one tick at a
    time; see the module docstring. ``clock`` gives seconds (for the filters' interval and the
    pace)."""

    def __init__(self, trainer: Trainer, *, filter_interval: float = FILTER_INTERVAL,
                 clock: Callable[[], float] = time.perf_counter, max_wait: float = MAX_WAIT,
                 timeline_bytes: int = TIMELINE_BYTES):
        self.trainer = trainer
        self.control = trainer.control
        trainer.pause_poll = 0.0      # the generator must never wait: tick() returns instead
        self.filter_interval = float(filter_interval)
        self._clock = clock
        self._steps = trainer.steps()
        self._ema = 0.0
        self._filters_sent = -math.inf
        self.max_wait = float(max_wait)
        self._batch_started = -math.inf     # clock time the last batch started (for the pace)
        self._initial_filters = first_filters(trainer.model)   # (F, C, KH, KW) or None
        self._before: dict | None = None    # parameters copied before the current batch
        self.step = 0
        self.evaluating = False       # an end-of-epoch evaluation is half done
        self.finished = False
        self.diverged = False         # a divergence happened in this run (even if recovered)
        self.outcome: dict | None = None
        self.timeline: WeightTimeline | None = WeightTimeline(timeline_bytes)
        self.timeline_problem = ""
        self._snapshot_step = -1      # self.step when the newest snapshot was taken
        self._snapshot(epoch=-1)      # the weights the run starts from

    def __repr__(self) -> str:
        return (f"TrainingSession({self.state}, step {self.step}, "
                f"diverged={self.diverged}, {self.control!r})")

    @property
    def state(self) -> str:
        """``"running"``, ``"paused"`` or ``"finished"``."""
        if self.finished:
            return "finished"
        if self.control.paused and not self.evaluating and not self.control.stopped:
            return "paused"
        return "running"

    @property
    def has_work(self) -> bool:
        """True when :meth:`tick` would do something (not finished, and running, stopping,
        evaluating or with a single step asked for while paused)."""
        control = self.control
        return not self.finished and (not control.paused or control.stopped or self.evaluating
                                      or control.step_pending)

    @property
    def model(self):
        return self.trainer.model

    def tick(self) -> list[dict]:
        """One step of the run (see the module docstring); ``[]`` when paused or finished."""
        control = self.control
        if self.finished or control.closing.is_set():
            return []
        updates: list[dict] = []
        lr = control.take_lr()
        if lr is not None:
            old = self.trainer.lr
            try:
                self.trainer.lr = lr
            except ValueError as exc:
                updates.append({"error": str(exc), "exception": exc.with_traceback(None)})
            else:
                if self.trainer.lr != old:
                    updates.append({"event": LearningRateEvent(old, self.trainer.lr,
                                                               self.step + 1),
                                    "step": self.step})
        if not self.has_work or self._held_back():
            return updates
        try:
            while True:          # one batch, plus the epoch/run ends it already computed
                if self.evaluating:
                    self._before = None
                else:
                    self._before = _copy_parameters(self.model)
                    self._batch_started = self._clock()
                event = next(self._steps)
                self.evaluating = isinstance(event, EvaluatingEvent)
                if isinstance(event, FinishedEvent):
                    outcome = self._finish(event.reason, event.message)
                    return updates + ([outcome] if outcome is not None else [])
                if isinstance(event, PausedEvent):    # nothing was computed
                    return updates
                updates.append(self._update(event))
                if isinstance(event, BatchEvent) and event.batch + 1 < event.n_batches:
                    return updates
                if isinstance(event, EpochEvent) and event.epoch + 1 < event.epochs:
                    return updates
                if isinstance(event, (EvaluatingEvent, DivergedEvent)):
                    return updates
        except StopIteration:
            outcome = self._finish("completed", "")
        except Exception as exc:  # noqa: BLE001 - the user sees every failure
            print_if_bug(exc)
            outcome = self._finish("error", _user_message(exc), failed=True,
                                   exception=exc.with_traceback(None))
        return updates + ([outcome] if outcome is not None else [])

    def _due_in(self) -> float:
        """Seconds until the pace lets the next batch start (0 or less: now)."""
        return self._batch_started + self.control.interval - self._clock()

    def _held_back(self) -> bool:
        """True when the pace holds the next batch back, after waiting up to ``max_wait`` for
        it (never for an evaluation chunk, a stop or a single step asked for while paused)."""
        control = self.control
        if self.evaluating or control.stopped or control.paused:
            return False
        wait = self._due_in()
        if wait <= 0:
            return False
        control.sleep(min(wait, self.max_wait))
        if control.stopped:
            return False
        return control.paused or self._due_in() > 0

    def _paced(self, event: BatchEvent) -> BatchEvent:
        """``event`` with the speed and time left of the pace when the pace, not the
        computation, sets them."""
        done = event.epoch * event.n_batches + event.batch + 1
        computing = event.elapsed / done        # seconds per batch spent computing
        interval = self.control.interval
        if computing <= 0 or interval <= computing:
            return event
        slower = interval / computing
        return dataclasses.replace(event, eta=event.eta * slower,
                                   images_per_s=event.images_per_s / slower)

    def _update(self, event) -> dict:
        update = {"event": event, "step": self.step}
        if isinstance(event, BatchEvent):
            self.step += 1
            update["step"] = self.step
            update["event"] = self._paced(event)
            # exponential moving average, bias-corrected so the first points are not pulled
            # towards 0 (the same correction as Adam's)
            self._ema = (1 - SMOOTHING) * self._ema + SMOOTHING * event.loss
            update["smoothed_loss"] = self._ema / (1 - (1 - SMOOTHING) ** self.step)
            now = self._clock()
            if now - self._filters_sent >= self.filter_interval:
                self._filters_sent = now
                update.update(self._filters_payload())
            if self._before is not None:
                update["update_ratios"] = update_ratios(self._before, self.model.parameters(),
                                                        per="layer")
        elif isinstance(event, DivergedEvent):
            self.diverged = True
            update["filters"] = first_filters(self.model)
        elif isinstance(event, EpochEvent):
            self._snapshot(epoch=event.epoch, accuracy=event.test_accuracy,
                           train_accuracy=event.train_accuracy)
            update["timeline"] = self.timeline_summary()
        return update

    # --- the weight timeline ------------------------------------------------------------------
    def _snapshot(self, *, epoch: int, accuracy: float | None = None, **extra) -> None:
        """Keep the weights as they are now (``epoch`` -1: before training); a timeline that
        cannot hold this architecture is dropped and ``timeline_problem`` says why."""
        if self.timeline is None:
            return
        try:
            self.timeline.add(self.model, epoch=epoch, accuracy=accuracy, step=self.step,
                              **extra)
        except ValueError as exc:
            self.timeline, self.timeline_problem = None, str(exc)
            return
        self._snapshot_step = self.step

    def timeline_summary(self) -> dict:
        """What the GUI shows of the timeline: ``labels`` (one dict per kept snapshot, oldest
        first: ``epoch`` (-1 before training), ``accuracy`` (test, or None), ``step`` (batches
        done), ``partial`` for a run stopped within an epoch), ``epochs`` (of the run),
        ``nbytes``, ``max_bytes``, ``dropped`` and ``problem`` ("" or why there is none)."""
        timeline = self.timeline
        return {"labels": timeline.labels if timeline is not None else [],
                "epochs": int(self.trainer.config.epochs),
                "nbytes": timeline.nbytes if timeline is not None else 0,
                "max_bytes": timeline.max_bytes if timeline is not None else 0,
                "dropped": timeline.dropped if timeline is not None else 0,
                "problem": self.timeline_problem}

    def model_at(self, index: int):
        """A copy of the run's model with snapshot ``index``'s weights (see
        ``WeightTimeline.model_at``), its ``metadata["accuracy"]`` that snapshot's test accuracy
        (unknown: removed) and ``metadata["trained"]`` False before the first batch."""
        if self.timeline is None:
            raise ValueError(self.timeline_problem or "this run keeps no weight timeline")
        model = self.timeline.model_at(index, self.model)
        label = model.metadata["timeline"]
        model.metadata.pop("test_accuracy", None)
        if label.get("accuracy") is None:
            model.metadata.pop("accuracy", None)
        else:
            model.metadata["accuracy"] = label["accuracy"]
        model.metadata["trained"] = label.get("step", 0) > 0
        return model

    def _filters_payload(self) -> dict:
        """``filters`` ``(F, C, KH, KW)`` and, when the run's first ones are known,
        ``filters_change`` (same shape, current minus initial) and ``filters_change_relative``."""
        current = first_filters(self.model)
        out = {"filters": current}
        initial = self._initial_filters
        if current is not None and initial is not None and initial.shape == current.shape:
            out["filters_change"] = current - initial
            change = weight_change({"w": initial}, {"w": current})["w"]
            out["filters_change_relative"] = change.relative
        return out

    def _finish(self, reason: str, message: str, failed: bool = False,
                exception: BaseException | None = None) -> dict | None:
        """The run ended: its outcome with the test evaluation of the weights it ends with
        (measured now after a stop; None, and nothing sent, when the app closes meanwhile)."""
        self.finished = True
        self.evaluating = False
        self._steps = None
        trainer = self.trainer
        if self.step != self._snapshot_step and not failed:   # stopped within an epoch
            self._snapshot(epoch=trainer.epoch, partial=True)
        outcome = {"event": FinishedEvent(reason, message), "step": self.step,
                   "reason": reason, "message": message, "evaluation": None,
                   "filters": first_filters(self.model), "model": self.model,
                   "diverged": self.diverged}
        if exception is not None:
            outcome["exception"] = exception   # the UI renders it in the user's language
        if not failed and reason in ("completed", "stopped") and trainer.batch + trainer.epoch:
            try:
                evaluation = trainer.last_evaluation
                if reason != "completed" or evaluation is None:
                    # in chunks: closing the app meanwhile abandons it at once
                    evaluation = trainer.evaluate("test",
                                                  should_stop=self.control.closing.is_set)
                    if evaluation is None:
                        return None
                    # measured with exactly these weights: saved with the model
                    self.model.metadata["accuracy"] = evaluation.accuracy
                    self._label_last_snapshot(evaluation.accuracy)
                outcome["evaluation"] = evaluation_payload(evaluation, trainer.dataset)
            except Exception as exc:  # noqa: BLE001
                traceback.print_exc()
                outcome["message"] += f" (evaluation failed: {_user_message(exc)})"
                outcome["evaluation_error"] = exc.with_traceback(None)
        outcome["timeline"] = self.timeline_summary()
        self.outcome = outcome
        return outcome

    def _label_last_snapshot(self, accuracy: float) -> None:
        """The end-of-run evaluation of a stopped run measured the newest snapshot's weights."""
        if self.timeline is not None and self._snapshot_step == self.step:
            self.timeline.relabel(-1, accuracy=float(accuracy))
