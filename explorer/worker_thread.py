"""The engine-thread side of `explorer.worker`: the `Worker` that owns the live model and the
training run, what it is asked to start (`TrainJob`), how its failures reach the GUI thread
(`shown_failure`) and the start-up model (`default_live_model`). `explorer.worker` re-exports
these names; see its docstring for how requests, training and the timeline work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal, Slot

from explorer.engine.split import default_threads
from explorer.failures import is_bad_input, print_if_bug
from explorer.crossing import ModelInfo, PendingRequests, detach
from explorer.session import TrainingSession, _user_message, first_filters
from explorer.training import (
    FinishedEvent,
    RunControl,
    Trainer,
    build_from_config,
)

#: Which model a request runs on: the live one (default) or the one of the current/last run.
#: While a training-timeline snapshot is shown, read-only requests on LIVE run on that snapshot
#: (every view shows the network as it was then); LIVE_MODEL is the live model even then (save).
LIVE = "live"
TRAINING = "training"
LIVE_MODEL = "live-model"


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


def _failure(exc: BaseException) -> BaseException:
    """``exc`` to send to the GUI thread: without its traceback (the engine thread's frames)."""
    return exc.with_traceback(None)


def _render_failure(failure) -> str:
    if not isinstance(failure, BaseException):
        return str(failure)
    if is_bad_input(failure) and str(failure):
        from explorer.ui.engine_strings import engine_message

        return engine_message(failure)
    return _user_message(failure)


class FailureText(str):
    """What the worker sent about a failure, as the GUI shows it. Its value is the message in
    the language current when it arrived (so it can be set on a label or compared like any
    text); ``str()`` renders it again in the current language. `explorer.ui.text.fill` calls
    ``str()`` on its values, so a panel that keeps a render function
    (``lambda: fill(self.tr("... %1"), message)``) shows the detail in the new language after
    View > Language, with the sentence around it."""

    def __new__(cls, failure):
        self = super().__new__(cls, _render_failure(failure))
        self.failure = failure
        return self

    def __str__(self) -> str:
        return _render_failure(self.failure)

    def __repr__(self) -> str:
        return f"FailureText({self.failure!r})"


def shown_failure(failure) -> FailureText:
    """What the worker sent about a failure (an exception, or a sentence already in the user's
    language) as a `FailureText`; called in the GUI thread. A coded engine or data message is
    translated (`engine_message`), also again after a language switch; a bug keeps its name
    and English text."""
    return FailureText(failure)


class Worker(QObject):
    """Lives in the engine thread; never touched from the GUI thread except through the
    thread-safe `PendingRequests` store, the `threading.Event` flags and queued signals."""

    sigDone = Signal(int, object)        # (request id, detached result)
    # failures carry the exception (or a sentence already translated): the GUI thread renders
    # it in the current language (`shown_failure`)
    sigFailed = Signal(int, object)      # (request id, exception or message for the user)
    sigLoadFailed = Signal(object)       # the live model could not be loaded at the start
    sigTrainError = Signal(object)       # a run could not start or failed
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
        self.shown = None            # a timeline snapshot shown instead of the live model
        self._replaced = None        # (model, path) the last snapshot made live replaced
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
            self.sigLoadFailed.emit(_failure(exc))

    @Slot()
    def drain(self):
        """Run every pending request (called on wake-up and between training batches)."""
        if self._control.closing.is_set():
            return
        for kind, req_id, fn, target in self._pending.take_all():
            if kind == "timeline":
                self._run_timeline(req_id, *fn)
                continue
            model = self.training_model if target == TRAINING else self.live
            if kind == "request" and target == LIVE and self.shown is not None:
                model = self.shown
            elif kind == "replace" or (kind == "mutate" and target != TRAINING):
                self.shown = None     # the live model changes: it is shown again
            if model is None and (kind != "replace" or target == TRAINING):
                self.sigFailed.emit(req_id, QCoreApplication.translate(
                    "EngineClient", "No training run yet.") if target == TRAINING else
                    QCoreApplication.translate("EngineClient", "No live model yet."))
                continue
            try:
                result = fn(model)
                if kind == "replace":       # fn returned (model, path, note)
                    self.live, self.live_path, note = result
                    self.sigModelChanged.emit(ModelInfo.of(self.live, self.live_path, note))
                    result = None
                elif kind == "mutate" and target != TRAINING:
                    self.sigModelChanged.emit(ModelInfo.of(self.live, self.live_path))
                self.sigDone.emit(req_id, detach(result))
            except Exception as exc:  # noqa: BLE001
                print_if_bug(exc)
                self.sigFailed.emit(req_id, _failure(exc))

    # --- the training timeline ------------------------------------------------------------
    def _run_timeline(self, req_id: int, action: str, index: int | None = None):
        """Show a snapshot of the last run, the live model again, make a snapshot live or undo
        that (see the module docstring); answers the shown model's info and first filters."""
        try:
            session = self.session
            if action in ("show", "make_live"):
                if session is None:
                    raise ValueError(QCoreApplication.translate("EngineClient",
                                                                "No training run yet."))
                model = session.model_at(index)
                n = len(session.timeline)
                model.metadata["timeline"].update(
                    index=int(index) % n, count=n, epochs=int(session.trainer.config.epochs))
                if action == "show":
                    self.shown = model
                else:
                    model.metadata.pop("timeline")
                    self._replaced = (self.live, self.live_path)
                    self.live, self.live_path, self.shown = model, None, None
            elif action == "live":
                self.shown = None
            elif action == "undo":
                if self._replaced is None:
                    raise ValueError(QCoreApplication.translate(
                        "EngineClient", "No snapshot was made live: nothing to undo."))
                (self.live, self.live_path), self._replaced = self._replaced, None
                self.shown = None
            else:
                raise ValueError(f"unknown timeline action {action!r}")
        except Exception as exc:  # noqa: BLE001
            print_if_bug(exc)
            self.sigFailed.emit(req_id, _failure(exc))
            return
        if self.shown is not None:
            info = ModelInfo.of(self.shown)
        else:
            info = ModelInfo.of(self.live, self.live_path)
        self.sigModelChanged.emit(info)
        shown = self.shown if self.shown is not None else self.live
        self.sigDone.emit(req_id, detach({"info": info, "filters": first_filters(shown),
                                          "can_undo": self._replaced is not None}))

    # --- training ---------------------------------------------------------------------------
    @Slot(object)
    def start_training(self, job: TrainJob):
        if self._running:
            self.sigTrainError.emit(QCoreApplication.translate(
                "EngineClient", "A run is already going: stop it first."))
            return
        try:
            model = job.make_model() if job.make_model else build_from_config(job.config)
            # batches of 32+ as two halves on two cores (explorer/engine/split.py): a full
            # 60,000-image LeNet-5 epoch at batch 64 took 3.5 s instead of 4.6 s on 2 idle cores
            model.threads = default_threads()
            dataset = job.load_data() if job.load_data else self._dataset(job.config.dataset)
            trainer = Trainer(model, dataset, job.config, pause_on_divergence=True,
                              control=self._control)
        except Exception as exc:  # noqa: BLE001
            print_if_bug(exc)   # a bug, not a bad choice (a model that does not fit)
            self.sigTrainError.emit(_failure(exc))
            self.sigTrainState.emit("idle")
            return
        self.training_model = model
        model.metadata["class_names"] = list(dataset.class_names)   # saved with the model
        self.session = TrainingSession(trainer)
        if self.shown is not None:    # the last run's timeline is gone: show the live model
            self.shown = None
            self.sigModelChanged.emit(ModelInfo.of(self.live, self.live_path))
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
                self.sigTrainError.emit(update.get("exception") or update["error"])
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


def _copy_of_model(model):
    return model.copy(), None, ""


def default_live_model():
    """``(model, path, note)`` for the start: the shipped model, else an untrained LeNet-5."""
    from explorer.engine import build_model, load_model
    from explorer.paths import DEFAULT_MODEL

    if Path(DEFAULT_MODEL).is_file():
        return load_model(DEFAULT_MODEL), str(DEFAULT_MODEL), ""
    model = build_model("lenet5", seed=0)
    model.metadata["trained"] = False
    # English here; the Draw tab shows it translated (the same source in context EngineClient)
    return model, None, QT_TRANSLATE_NOOP(
        "EngineClient",
        "No trained model is shipped yet: this LeNet-5 is untrained (its answers are guesses). "
        "Train one in the Train tab and press \u201cMake live\u201d, or open a model file.")
