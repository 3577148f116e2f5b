"""The one thread bridge between the GUI and the NumPy engine.

`EngineClient` lives in the GUI thread. It owns a `QThread` and a `Worker` that lives in that
thread and owns the *live* model (the one the Draw/Layers/Kernel panels look at) and, while a run
is going, the *training* model with its `explorer.training.Trainer`.

Requests are plain callables ``fn(model) -> result`` run in the worker thread:

- `EngineClient.request(topic, fn)` is coalesced per topic: a newer request replaces a pending one
  of the same topic, and a result whose id is older than the newest request of its topic is
  dropped. While the pen moves only the newest drawing is classified.
- `EngineClient.mutate_model(topic, fn)` is never coalesced; after it ran, `sigModelChanged`.

Results cross the thread boundary as copies (`detach`): a panel never holds an array the worker
still writes. Training is an `explorer.session.TrainingSession` (Qt-free: run control, smoothed
loss, filter snapshots, the outcome); the worker only ticks it once per turn of its event loop (a
batch, or a chunk of the end-of-epoch test evaluation) and forwards its updates as signals, so
requests and shutdown are served between batches and chunks. Pause, step, stop and a new
learning rate go through the session's `explorer.training.RunControl` (thread-safe flags), so
they work while the worker is busy (a queued slot would wait for the whole run). A batch that
makes the loss or the weights NaN/infinite rolls the weights back to the last known good ones
and the run pauses (``sigTrainDiverged``): lower the learning rate and resume.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import threading
import traceback
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from explorer.session import TrainingSession, first_filters
from explorer.training import (
    BatchEvent,
    DivergedEvent,
    EpochEvent,
    EvaluatingEvent,
    FinishedEvent,
    RunControl,
    Trainer,
    build_from_config,
)

#: Topic used for errors of the training run and of model file operations.
TRAIN_TOPIC = "train"
MODEL_TOPIC = "model"
LIVE = "live"
TRAINING = "training"


@dataclass(frozen=True)
class ModelInfo:
    """What the GUI shows about a model: name, parameter count, accuracy (None if unknown),
    ``summary`` (the list of ``Model.summary()`` dicts), the file it came from (or None),
    ``trained`` (False for a freshly initialised network), a ``note`` for the user and the
    ``class_names`` of the data it learned (digits unless trained on e.g. Fashion-MNIST).
    ``edits``: the hand edits made to its weights since its accuracy was measured (the Kernel
    lab's ``metadata["edits"]``: dicts with ``layer``, ``filter``, ``channel``)."""

    name: str
    n_params: int
    accuracy: float | None
    summary: list = field(default_factory=list)
    path: str | None = None
    trained: bool = True
    note: str = ""
    class_names: tuple = tuple(str(d) for d in range(10))
    edits: tuple = ()

    @classmethod
    def of(cls, model, path=None, note="") -> ModelInfo:
        meta = getattr(model, "metadata", {}) or {}
        acc = meta.get("accuracy", meta.get("test_accuracy"))
        trained = bool(meta.get("trained", acc is not None or "history" in meta))
        return cls(
            name=str(model.name),
            n_params=int(model.n_params),
            accuracy=None if acc is None else float(acc),
            summary=copy.deepcopy(model.summary()),
            path=None if path is None else str(path),
            trained=trained,
            note=note,
            class_names=tuple(meta.get("class_names") or (str(d) for d in range(10))),
            edits=tuple(dict(e) for e in meta.get("edits") or ()),
        )


def detach(obj: Any) -> Any:
    """A copy of ``obj`` safe to hand to another thread: arrays copied, containers rebuilt.

    Dataclass instances are copied field by field; other objects are returned as they are
    (strings, numbers and other immutable values need no copy)."""
    if isinstance(obj, np.ndarray):
        return obj.copy()
    if isinstance(obj, dict):
        return {k: detach(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        items = [detach(v) for v in obj]
        return type(obj)(*items) if hasattr(obj, "_fields") else tuple(items)
    if isinstance(obj, list):
        return [detach(v) for v in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: detach(getattr(obj, f.name))
                                           for f in dataclasses.fields(obj) if f.init})
    return obj


class PendingRequests:
    """Thread-safe store of requests waiting for the worker.

    Keys are topics for coalesced requests (a newer one replaces the older) and unique keys for
    model mutations. ``put`` returns True when the store was empty, i.e. the worker needs waking.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._items: OrderedDict[str, tuple] = OrderedDict()

    def put(self, key: str, item: tuple) -> bool:
        with self._lock:
            was_empty = not self._items
            self._items.pop(key, None)
            self._items[key] = item
            return was_empty

    def take_all(self) -> list[tuple]:
        with self._lock:
            items = list(self._items.values())
            self._items.clear()
            return items

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __repr__(self) -> str:
        with self._lock:
            return f"PendingRequests({list(self._items)})"


@dataclass
class TrainJob:
    """What `Worker` needs to start a run. ``config`` is the `explorer.training.TrainConfig`;
    ``make_model()`` / ``load_data()`` (defaults: ``build_from_config(config)`` and
    ``load_dataset(config.dataset)``) are called in the worker thread, so building and loading
    never block the GUI; ``start_paused`` starts paused (for stepping one batch at a time)."""

    config: Any
    make_model: Callable[[], Any] | None = None
    load_data: Callable[[], Any] | None = None
    start_paused: bool = False


def _user_message(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if not isinstance(exc, (ValueError, OSError)) else text


class Worker(QObject):
    """Lives in the engine thread; never touched from the GUI thread except through the
    thread-safe `PendingRequests` store, the `threading.Event` flags and queued signals."""

    sigResult = Signal(str, int, object)
    sigError = Signal(str, int, str)
    sigModelChanged = Signal(object)
    sigTrainStarted = Signal(object)     # dict(info, class_names, n_batches, epochs, filters)
    sigTrainEvent = Signal(object)       # a session update: dict(event=..., step, ...)
    sigTrainFinished = Signal(object)    # dict(reason, message, info, evaluation, filters, ...)
    sigTrainState = Signal(str)          # "running", "paused", "idle"
    sigTrainProgressTick = Signal()      # internal: schedule the next batch

    def __init__(self, pending: PendingRequests, control: RunControl,
                 load_live: Callable[[], tuple]):
        super().__init__()
        self._pending = pending
        self._control = control
        self._load_live = load_live
        self.live = None
        self.live_path = None
        self.training_model = None
        self.session: TrainingSession | None = None
        self._running = False
        self._tick_pending = False   # a queued _train_tick will come
        self._datasets = {}
        # queued: each batch returns to the event loop (a direct call would recurse batch after
        # batch and never let queued wake-ups or the thread's quit run)
        self.sigTrainProgressTick.connect(self._train_tick, Qt.ConnectionType.QueuedConnection)

    def __repr__(self) -> str:
        live = getattr(self.live, "name", None)
        return f"Worker(live={live!r}, training={self._running}, pending={len(self._pending)})"

    # --- set up and requests --------------------------------------------------------------
    @Slot()
    def start(self):
        """First slot run in the thread: load the live model (shipped model or untrained)."""
        try:
            self.live, self.live_path, note = self._load_live()
            self.sigModelChanged.emit(ModelInfo.of(self.live, self.live_path, note))
        except Exception as exc:  # noqa: BLE001 - the GUI shows every failure
            self.sigError.emit(MODEL_TOPIC, 0, _user_message(exc))

    @Slot()
    def drain(self):
        """Run every pending request (called on wake-up and between training batches)."""
        if self._control.closing.is_set():
            return
        for kind, topic, req_id, fn, target in self._pending.take_all():
            model = self.training_model if target == TRAINING else self.live
            if model is None and kind != "replace":
                what = "training run" if target == TRAINING else "live model"
                self.sigError.emit(topic, req_id, f"No {what} yet.")
                continue
            try:
                result = fn(model)
                if kind == "replace":       # fn returned (model, path, note)
                    self.live, self.live_path, note = result
                    self.sigModelChanged.emit(ModelInfo.of(self.live, self.live_path, note))
                    result = None
                elif kind == "mutate" and target == LIVE:
                    self.sigModelChanged.emit(ModelInfo.of(self.live, self.live_path))
                self.sigResult.emit(topic, req_id, detach(result))
            except Exception as exc:  # noqa: BLE001
                if not isinstance(exc, (ValueError, OSError)):
                    traceback.print_exc()   # a bug, not bad input: keep the trace
                self.sigError.emit(topic, req_id, _user_message(exc))

    # --- training ---------------------------------------------------------------------------
    @Slot(object)
    def start_training(self, job: TrainJob):
        if self._running:
            self.sigError.emit(TRAIN_TOPIC, 0, "A run is already going: stop it first.")
            return
        try:
            model = job.make_model() if job.make_model else build_from_config(job.config)
            dataset = job.load_data() if job.load_data else self._dataset(job.config.dataset)
            trainer = Trainer(model, dataset, job.config, pause_on_divergence=True,
                              control=self._control)
        except Exception as exc:  # noqa: BLE001
            traceback.print_exc()
            self.sigError.emit(TRAIN_TOPIC, 0, _user_message(exc))
            self.sigTrainState.emit("idle")
            return
        self.training_model = model
        model.metadata["class_names"] = list(dataset.class_names)   # saved with the model
        self.session = TrainingSession(trainer)
        if job.start_paused:
            self._control.pause()
        self._running = True
        self.sigTrainStarted.emit({"info": ModelInfo.of(model, note="training"),
                                   "class_names": list(dataset.class_names),
                                   "n_batches": trainer.n_batches,
                                   "epochs": job.config.epochs,
                                   "filters": first_filters(model)})
        self.sigTrainState.emit(self.session.state)
        self._schedule_tick()

    def _schedule_tick(self):
        self._tick_pending = True
        self.sigTrainProgressTick.emit()

    def _dataset(self, name):
        from explorer.data import load_dataset

        if name not in self._datasets:
            self._datasets[name] = load_dataset(name)
        return self._datasets[name]

    @Slot()
    def _train_tick(self):
        """One session tick (a batch or an evaluation chunk), its updates sent as signals,
        pending requests served, then the next tick scheduled (queued, so the event loop runs
        in between: wake-ups and shutdown are handled between batches)."""
        self._tick_pending = False
        if not self._running or self._control.closing.is_set():
            return
        session = self.session
        for update in session.tick():
            if "error" in update:
                self.sigError.emit(TRAIN_TOPIC, 0, update["error"])
            elif isinstance(update["event"], FinishedEvent):
                self._finish(update)
            else:
                self.sigTrainEvent.emit(update)
        if session.finished:
            self._running = False
            if session.outcome is not None:    # None: the app closed during the evaluation
                self.sigTrainState.emit("idle")
                self.drain()
            return
        if not session.has_work:
            self.sigTrainState.emit("paused")
            self.drain()
            return
        self.drain()
        self._schedule_tick()

    def _finish(self, update: dict):
        """Send the outcome of the run (the model described for the GUI)."""
        self._control.resume()
        outcome = {key: value for key, value in update.items() if key not in ("event", "model")}
        outcome["info"] = ModelInfo.of(update["model"], note=update["reason"])
        self.sigTrainFinished.emit(detach(outcome))

    @Slot()
    def resume_tick(self):
        """Resume, stop or step asked by the GUI: run a tick now unless one is queued already
        (a second chain of ticks would run batches twice per event-loop turn)."""
        if self._running:
            self.sigTrainState.emit(self.session.state)
            if not self._tick_pending:
                self._train_tick()


def default_live_model():
    """``(model, path, note)`` for the start: the shipped model, else an untrained LeNet-5."""
    from explorer.engine import build_model, load_model
    from explorer.paths import DEFAULT_MODEL

    if Path(DEFAULT_MODEL).is_file():
        return load_model(DEFAULT_MODEL), str(DEFAULT_MODEL), ""
    model = build_model("lenet5", seed=0)
    model.metadata["trained"] = False
    return model, None, (
        "No trained model is shipped yet: this LeNet-5 is untrained (its answers are guesses). "
        "Train one in the Train tab and press \u201cMake live\u201d, or open a model file.")


class EngineClient(QObject):
    """The GUI thread's handle on the engine thread (see the module docstring)."""

    sigResult = Signal(str, int, object)
    sigError = Signal(str, int, str)
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

    _sigWake = Signal()
    _sigStartTraining = Signal(object)
    _sigResumeTraining = Signal()

    def __init__(self, parent=None, load_live: Callable[[], tuple] = default_live_model):
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}
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
        self._worker.sigResult.connect(self._on_result)
        self._worker.sigError.connect(self._on_error)
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
                f"train_state={self.train_state!r}, pending={len(self._pending)})")

    # --- requests ------------------------------------------------------------------------------
    def request(self, topic: str, fn: Callable, *, target: str = LIVE) -> int:
        """Run ``fn(model)`` in the worker; the result arrives as ``sigResult(topic, id, copy)``.

        ``target`` is ``"live"`` (default) or ``"training"`` (the model of the current/last run).
        Coalesced per topic; stale results are dropped."""
        req_id = next(self._ids)
        self._latest[topic] = req_id
        self._put(topic, ("request", topic, req_id, fn, target))
        return req_id

    def mutate_model(self, topic: str, fn: Callable, *, target: str = LIVE) -> int:
        """Run ``fn(model)`` (which may edit it in place); never coalesced; then
        ``sigModelChanged``. The result (``fn``'s return value) also arrives as ``sigResult``."""
        req_id = next(self._ids)
        self._latest.setdefault(topic, 0)
        self._put(f"{topic}#{req_id}", ("mutate", topic, req_id, fn, target))
        return req_id

    def replace_live_model(self, topic: str, fn: Callable) -> int:
        """``fn(training_model_or_live)`` returns ``(model, path, note)`` that becomes the live
        model (open a file, make the trained model live)."""
        req_id = next(self._ids)
        self._latest.setdefault(topic, 0)
        self._put(f"{topic}#{req_id}", ("replace", topic, req_id, fn, LIVE))
        return req_id

    def make_training_model_live(self) -> int:
        """Copy the model of the current/last run and make the copy the live model."""
        req_id = next(self._ids)
        self._latest.setdefault(MODEL_TOPIC, 0)

        def fn(model):
            return model.copy(), None, ""

        self._put(f"{MODEL_TOPIC}#{req_id}", ("replace", MODEL_TOPIC, req_id, fn, TRAINING))
        return req_id

    def _put(self, key, item):
        if self._pending.put(key, item):
            self._sigWake.emit()

    def _on_result(self, topic, req_id, result):
        if req_id >= self._latest.get(topic, 0):
            self.sigResult.emit(topic, req_id, result)

    def _on_error(self, topic, req_id, message):
        if req_id <= 0 or req_id >= self._latest.get(topic, 0):
            self.sigError.emit(topic, req_id, message)

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
        """Change the learning rate of the running trainer (applied before the next batch)."""
        self.control.set_lr(lr)

    @property
    def is_training(self) -> bool:
        return self.train_state in ("starting", "running", "paused")

    def _on_train_event(self, update):
        signal = {BatchEvent: self.sigTrainBatch, EpochEvent: self.sigTrainEpoch,
                  DivergedEvent: self.sigTrainDiverged,
                  EvaluatingEvent: self.sigTrainEvaluating}[type(update["event"])]
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
