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

``tick()`` returns update dicts, each with ``"event"`` (a ``BatchEvent``, ``EpochEvent``,
``EvaluatingEvent``, ``DivergedEvent`` or ``FinishedEvent``) and ``"step"`` (batches done in
this session):

- ``BatchEvent``: ``smoothed_loss`` (bias-corrected running mean of the batch losses) and, at
  most every ``filter_interval`` seconds, ``filters`` (a copy of the first conv layer's weights
  ``(F, C, KH, KW)``) with ``filters_change`` (those weights minus the ones the run started
  with, same shape) and ``filters_change_relative`` (||change|| / ||initial||); and always
  ``update_ratios`` (``{layer: ||update|| / ||weights before||}`` for this batch, see
  :func:`explorer.engine.insight.update_ratios`);
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

import math
import time
import traceback
from collections.abc import Callable

import numpy as np

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

__all__ = ["TrainingSession", "evaluation_payload", "first_filters", "FILTER_INTERVAL",
           "SMOOTHING", "MAX_WRONG", "TIMELINE_BYTES"]

#: How often (seconds) the first layer's filters go with a batch update.
FILTER_INTERVAL = 0.25
#: Weight of the newest batch in the smoothed loss curve (exponential moving average).
SMOOTHING = 0.1
#: At most this many misclassified test images go with the outcome (uint8, 784 bytes each).
MAX_WRONG = 2000
#: Memory cap of a run's weight timeline (LeNet-5: 0.25 MB a snapshot).
TIMELINE_BYTES = 64 * 2**20


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
    return text if isinstance(exc, (ValueError, OSError)) else f"{type(exc).__name__}: {text}"


class TrainingSession:
    """Drives ``trainer`` (built with ``pause_on_divergence=True`` for the app) one tick at a
    time; see the module docstring. ``clock`` gives seconds (for the filters' interval)."""

    def __init__(self, trainer: Trainer, *, filter_interval: float = FILTER_INTERVAL,
                 clock: Callable[[], float] = time.perf_counter,
                 timeline_bytes: int = TIMELINE_BYTES):
        self.trainer = trainer
        self.control = trainer.control
        trainer.pause_poll = 0.0      # the generator must never wait: tick() returns instead
        self.filter_interval = float(filter_interval)
        self._clock = clock
        self._steps = trainer.steps()
        self._ema = 0.0
        self._filters_sent = -math.inf
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
            try:
                self.trainer.lr = lr
            except ValueError as exc:
                updates.append({"error": str(exc), "exception": exc.with_traceback(None)})
        if not self.has_work:
            return updates
        try:
            while True:          # one batch, plus the epoch/run ends it already computed
                self._before = None if self.evaluating else _copy_parameters(self.model)
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
            if not isinstance(exc, (ValueError, OSError)):
                traceback.print_exc()   # a bug, not bad input: keep the trace
            outcome = self._finish("error", _user_message(exc), failed=True,
                                   exception=exc.with_traceback(None))
        return updates + ([outcome] if outcome is not None else [])

    def _update(self, event) -> dict:
        update = {"event": event, "step": self.step}
        if isinstance(event, BatchEvent):
            self.step += 1
            update["step"] = self.step
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
