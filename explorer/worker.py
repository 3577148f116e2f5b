"""The one thread bridge between the GUI and the NumPy engine.

`EngineClient` lives in the GUI thread. It owns a `QThread` and a `Worker` (in
`explorer.worker_thread`, re-exported here) that lives in that thread and owns the *live*
model (the one the Draw/Layers/Kernel panels look at) and, while a run is going, the
*training* model with its `explorer.training.Trainer`.

Requests are plain callables ``fn(model) -> result`` run in the worker thread, and every result
goes back to whoever asked for it (superqt's per-call delivery, not a broadcast):

- `EngineClient.request(fn, owner=panel, key="classify", on_result=..., on_error=...)` is
  coalesced per ``(owner, key)``: a newer request replaces a pending one of the same key, and
  the answer of a request that a newer one superseded is dropped. While the pen moves only the
  newest drawing is classified.
- `EngineClient.mutate_model(fn, owner=..., ...)` is never coalesced; after it ran,
  `sigModelChanged`. `replace_live_model` makes ``fn``'s model the live one.
- ``on_result(copy)`` / ``on_error(message)`` run in the GUI thread, and only while ``owner`` (a
  QObject, usually the panel) exists: destroying it cancels its requests. A request without an
  ``on_error`` reports failures on `EngineClient.sigUnhandledError`.

Results cross the thread boundary as copies (`detach`): a panel never holds an array the worker
still writes. Training is an `explorer.session.TrainingSession` (Qt-free: run control, smoothed
loss, filter snapshots, the outcome); the worker only ticks it once per turn of its event loop (a
batch, or a chunk of the end-of-epoch test evaluation) and forwards its updates as signals, so
requests and shutdown are served between batches and chunks. Pause, step, stop and a new
learning rate go through the session's `explorer.training.RunControl` (thread-safe flags), so
they work while the worker is busy (a queued slot would wait for the whole run). A batch that
makes the loss or the weights NaN/infinite rolls the weights back to the last known good ones
and the run pauses (``sigTrainDiverged``): lower the learning rate and resume.

The training timeline: the session keeps the weights after each epoch;
`EngineClient.timeline` ``("show", i)`` makes a copy with snapshot ``i``'s weights the *shown*
model (read-only requests on the live model run on it, and ``sigModelChanged`` carries its
`ModelInfo` with ``timeline`` set), ``("live",)`` shows the live model again, ``("make_live",
i)`` makes snapshot ``i`` the live model (the one replaced is kept for ``("undo",)``). Any
change of the live model (a mutation, a replacement, a new run) shows the live model again.
"""

from __future__ import annotations

import itertools
import traceback  # noqa: F401 - the Worker's module uses it; tests patch worker.traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from explorer.crossing import ModelInfo, PendingRequests, detach  # noqa: F401 (re-exported)
from explorer.session import LearningRateEvent
from explorer.training import (
    BatchEvent,
    DivergedEvent,
    EpochEvent,
    EvaluatingEvent,
    RunControl,
)
from explorer.worker_thread import (  # noqa: F401 (re-exported)
    FailureText,
    LIVE,
    LIVE_MODEL,
    TRAINING,
    TrainJob,
    Worker,
    _copy_of_model,
    default_live_model,
    shown_failure,
)


@dataclass
class _Delivery:
    """Where the answer of one request goes: ``owner``'s callbacks, if it still exists and no
    newer request of the same coalescing ``key`` was made meanwhile."""

    owner: QObject
    on_result: Callable[[Any], None] | None
    on_error: Callable[[str], None] | None
    key: str | None      # None: never coalesced (mutations, model replacement)


class EngineClient(QObject):
    """The GUI thread's handle on the engine thread (see the module docstring)."""

    #: a request without ``on_error`` failed (message for the user)
    sigUnhandledError = Signal(object)
    #: the live model could not be loaded at the start (message)
    sigLoadFailed = Signal(object)
    #: a training run could not start or failed (message)
    sigTrainError = Signal(object)
    sigModelChanged = Signal(object)
    sigTrainStarted = Signal(object)
    sigTrainBatch = Signal(object)
    sigTrainEpoch = Signal(object)
    sigTrainFinished = Signal(object)
    sigTrainState = Signal(str)
    #: dict(event=DivergedEvent, step, filters): a batch was undone and the run paused itself
    sigTrainDiverged = Signal(object)
    #: dict(event=EvaluatingEvent, step): progress of the end-of-epoch test evaluation
    sigTrainEvaluating = Signal(object)
    #: dict(event=LearningRateEvent, step): a new learning rate was applied to the run
    sigTrainLearningRate = Signal(object)

    _sigWake = Signal()
    _sigStartTraining = Signal(object)
    _sigResumeTraining = Signal()

    def __init__(self, parent=None, load_live: Callable[[], tuple] = default_live_model):
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}            # coalescing key -> newest request id
        self._deliveries: dict[int, _Delivery] = {}  # request id -> where its answer goes
        self._owners: set[int] = set()               # owners whose destruction we watch
        self._pending = PendingRequests()
        self.model_info: ModelInfo | None = None
        self.train_state = "idle"
        self._thread = QThread()
        self._thread.setObjectName("engineThread")
        self.control = RunControl()
        self._worker = Worker(self._pending, self.control, load_live)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        self._thread.finished.connect(self._worker.deleteLater)
        self._sigWake.connect(self._worker.drain)
        self._sigStartTraining.connect(self._worker.start_training)
        self._sigResumeTraining.connect(self._worker.resume_tick)
        self._worker.sigDone.connect(self._on_done)
        self._worker.sigFailed.connect(self._on_failed)
        self._worker.sigLoadFailed.connect(self._on_load_failed)
        self._worker.sigTrainError.connect(self._on_train_error)
        self._worker.sigModelChanged.connect(self._on_model_changed)
        self._worker.sigTrainStarted.connect(self.sigTrainStarted)
        self._worker.sigTrainEvent.connect(self._on_train_event)
        self._worker.sigTrainFinished.connect(self.sigTrainFinished)
        self._worker.sigTrainState.connect(self._on_train_state)
        app = QCoreApplication.instance()
        if app is not None:   # never leave the thread running when the application quits
            app.aboutToQuit.connect(self.shutdown)
        self._thread.start()

    def __repr__(self) -> str:
        return (f"EngineClient(model={getattr(self.model_info, 'name', None)!r}, "
                f"train_state={self.train_state!r}, pending={len(self._pending)}, "
                f"awaited={len(self._deliveries)})")

    # --- requests ------------------------------------------------------------------------------
    def request(self, fn: Callable, *, owner: QObject, key: str,
                on_result: Callable[[Any], None] | None = None,
                on_error: Callable[[str], None] | None = None, target: str = LIVE) -> int:
        """Run ``fn(model)`` in the worker; ``on_result(copy of the result)`` follows in the GUI
        thread. Coalesced per ``(owner, key)``: a newer request of the same key replaces a
        pending one, and an older answer still arriving is dropped. ``target`` is ``"live"``
        (default) or ``"training"`` (the model of the current/last run). Returns the id."""
        return self._submit("request", fn, owner, on_result, on_error, target, key)

    def mutate_model(self, fn: Callable, *, owner: QObject,
                     on_result: Callable[[Any], None] | None = None,
                     on_error: Callable[[str], None] | None = None, target: str = LIVE) -> int:
        """Run ``fn(model)`` (which may edit it in place); never coalesced; then
        ``sigModelChanged`` (for the live model); ``on_result`` gets ``fn``'s return value."""
        return self._submit("mutate", fn, owner, on_result, on_error, target, None)

    def replace_live_model(self, fn: Callable, *, owner: QObject,
                           on_result: Callable[[Any], None] | None = None,
                           on_error: Callable[[str], None] | None = None,
                           target: str = LIVE) -> int:
        """``fn(model)`` (the live model, or the training model for ``target="training"``)
        returns ``(model, path, note)``, which becomes the live model (open a file, make the
        trained model live); ``on_result(None)`` follows ``sigModelChanged``."""
        return self._submit("replace", fn, owner, on_result, on_error, target, None)

    def make_training_model_live(self, *, owner: QObject,
                                 on_result: Callable[[Any], None] | None = None,
                                 on_error: Callable[[str], None] | None = None) -> int:
        """Copy the model of the current/last run and make the copy the live model."""
        return self.replace_live_model(_copy_of_model, owner=owner, on_result=on_result,
                                       on_error=on_error, target=TRAINING)

    def timeline(self, action: str, index: int | None = None, *, owner: QObject,
                 on_result: Callable[[Any], None] | None = None,
                 on_error: Callable[[str], None] | None = None) -> int:
        """The training timeline (see the module docstring): ``action`` is ``"show"`` (snapshot
        ``index`` of the current/last run becomes the shown model), ``"live"`` (show the live
        model), ``"make_live"`` (snapshot ``index`` becomes the live model) or ``"undo"`` (the
        model it replaced is live again). ``sigModelChanged`` follows with the shown model's
        info; ``on_result`` gets ``{"info", "filters" (first conv weights or None),
        "can_undo"}``. Never coalesced: the steps happen in order."""
        return self._submit("timeline", (action, index), owner, on_result, on_error, LIVE, None)

    def cancel(self, owner: QObject, key: str | None = None) -> None:
        """Forget ``owner``'s requests (only those of ``key`` when given): pending ones never
        run and answers already on their way are dropped. A mutation the worker already took
        still happens; only its answer is dropped."""
        if key is None:
            self._forget_owner(id(owner))
            return
        full_key = self._key(owner, key)
        self._pending.discard(lambda k: k == full_key)
        self._latest.pop(full_key, None)
        for req_id, delivery in list(self._deliveries.items()):
            if delivery.key == full_key:
                del self._deliveries[req_id]

    def awaited(self, owner: QObject) -> int:
        """How many requests of ``owner`` still wait for their answer."""
        return sum(d.owner is owner for d in self._deliveries.values())

    @staticmethod
    def _key(owner: QObject, key: str) -> str:
        return f"{id(owner)}/{key}"

    def _submit(self, kind, fn, owner, on_result, on_error, target, key) -> int:
        if not isinstance(owner, QObject):
            raise TypeError(f"owner must be the QObject that receives the answer, got {owner!r}")
        if target not in (LIVE, TRAINING, LIVE_MODEL):
            raise ValueError(f"target must be {LIVE!r}, {LIVE_MODEL!r} or {TRAINING!r}, got "
                             f"{target!r}")
        self._watch(owner)
        req_id = next(self._ids)
        if key is None:
            full_key, pending_key = None, f"{id(owner)}/#{req_id}"
        else:
            full_key = pending_key = self._key(owner, key)
            superseded = self._latest.get(full_key)
            if superseded is not None:
                self._deliveries.pop(superseded, None)
            self._latest[full_key] = req_id
        self._deliveries[req_id] = _Delivery(owner, on_result, on_error, full_key)
        if self._pending.put(pending_key, (kind, req_id, fn, target)):
            self._sigWake.emit()
        return req_id

    def _watch(self, owner: QObject) -> None:
        """Cancel ``owner``'s requests when it is destroyed (once per owner)."""
        oid = id(owner)
        if oid not in self._owners:
            self._owners.add(oid)
            owner.destroyed.connect(partial(self._on_owner_destroyed, oid))

    def _on_owner_destroyed(self, oid: int, *_):
        self._owners.discard(oid)
        self._forget_owner(oid)

    def _forget_owner(self, oid: int):
        prefix = f"{oid}/"
        self._pending.discard(lambda k: k.startswith(prefix))
        for req_id, delivery in list(self._deliveries.items()):
            if id(delivery.owner) == oid:
                del self._deliveries[req_id]
        for key in [k for k in self._latest if k.startswith(prefix)]:
            del self._latest[key]

    def _take_delivery(self, req_id: int) -> _Delivery | None:
        delivery = self._deliveries.pop(req_id, None)
        if delivery is None or not shiboken6.isValid(delivery.owner):
            return None
        if delivery.key is not None and self._latest.get(delivery.key) == req_id:
            del self._latest[delivery.key]
        return delivery

    @Slot(int, object)
    def _on_done(self, req_id, result):
        delivery = self._take_delivery(req_id)
        if delivery is not None and delivery.on_result is not None:
            delivery.on_result(result)

    @Slot(int, object)
    def _on_failed(self, req_id, failure):
        message = shown_failure(failure)
        delivery = self._take_delivery(req_id)
        if delivery is None:
            return
        if delivery.on_error is not None:
            delivery.on_error(message)
        else:
            self.sigUnhandledError.emit(message)

    @Slot(object)
    def _on_load_failed(self, failure):
        self.sigLoadFailed.emit(shown_failure(failure))

    @Slot(object)
    def _on_train_error(self, failure):
        self.sigTrainError.emit(shown_failure(failure))

    def _on_model_changed(self, info):
        self.model_info = info
        self.sigModelChanged.emit(info)

    # --- training ------------------------------------------------------------------------------
    def start_training(self, config, make_model: Callable | None = None,
                       load_data: Callable | None = None, *, start_paused: bool = False):
        """Start a run of ``config`` (a `TrainConfig`) in the worker; ``make_model()`` and
        ``load_data()`` (defaults from the config) run there. Emits ``sigTrainStarted``,
        ``sigTrainBatch`` / ``sigTrainEpoch`` / ``sigTrainEvaluating`` / ``sigTrainDiverged``
        (dicts with the event) and ``sigTrainFinished``."""
        self.control.reset()
        self.train_state = "starting"
        self._sigStartTraining.emit(TrainJob(config, make_model, load_data, start_paused))

    def pause(self):
        self.control.pause()

    def resume(self):
        self.control.resume()
        self._sigResumeTraining.emit()

    def stop(self):
        self.control.stop()
        self._sigResumeTraining.emit()

    def step_one_batch(self):
        """Run exactly one batch of a paused run."""
        self.control.pause()
        self.control.request_step()
        self._sigResumeTraining.emit()

    def set_lr(self, lr: float):
        """Change the learning rate of the running trainer (applied before the next batch;
        ``sigTrainLearningRate`` says from which)."""
        self.control.set_lr(lr)

    def set_pace(self, interval: float):
        """Seconds at least between the starts of two batches, for this run and the next ones
        (0: as fast as possible; see `explorer.run_control.PACES`)."""
        self.control.set_interval(interval)

    @property
    def is_training(self) -> bool:
        return self.train_state in ("starting", "running", "paused")

    def _on_train_event(self, update):
        signal = {BatchEvent: self.sigTrainBatch, EpochEvent: self.sigTrainEpoch,
                  DivergedEvent: self.sigTrainDiverged,
                  EvaluatingEvent: self.sigTrainEvaluating,
                  LearningRateEvent: self.sigTrainLearningRate}[type(update["event"])]
        signal.emit(update)

    def _on_train_state(self, state):
        self.train_state = state
        self.sigTrainState.emit(state)

    # --- shutdown ------------------------------------------------------------------------------
    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Stop training and the thread. Returns True when the thread ended within the time;
        otherwise waits (a batch never takes long) rather than destroy a running thread."""
        if not self._thread.isRunning():
            return True
        self.control.close()
        self._pending.take_all()
        self._thread.quit()
        ok = self._thread.wait(int(timeout_ms))
        if not ok:
            self._thread.wait()
        return ok
