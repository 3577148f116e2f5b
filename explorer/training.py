"""The Qt-free trainer: mini-batch training as a generator that yields one event per batch.

::

    trainer = Trainer(build_model("lenet5", seed=0), load_builtin(), TrainConfig(epochs=3))
    for event in trainer.steps():
        print(event)            # BatchEvent ..., EpochEvent ..., FinishedEvent

The caller (the CLI, or the app's worker thread) drives the generator; nothing here starts a
thread. ``pause()``, ``resume()``, ``stop()`` and ``request_step()`` act on the trainer's
:class:`RunControl`, thread-safe flags that ``steps()`` checks between batches, never inside one.
It is the one pause mechanism: the app's training session (``explorer.session``) shares it.

While paused, ``steps()`` yields a :class:`PausedEvent` every ``pause_poll`` seconds (0.1 s by
default) rather than blocking, so a worker driving it stays responsive and can itself decide to
stop. The end-of-epoch test evaluation runs in chunks of ``EVAL_CHUNK`` images with an
:class:`EvaluatingEvent` after each, and ``stop()`` is honoured between chunks.

Divergence: when a batch makes the loss, a gradient or a weight NaN or infinite (or the loss
explodes), the run either ends (``FinishedEvent("diverged")``, the default, for the CLI) or, with
``Trainer(..., pause_on_divergence=True)`` (the app), restores the last *known good* weights,
buffers and optimiser state, yields a :class:`DivergedEvent` saying why and what to try, and
pauses itself: after ``resume()`` (a lower ``lr`` set meanwhile) that batch runs again.

Known good: the state before a batch whose loss was sane (finite and at most
``SANE_LOSS_FACTOR`` times a uniform guess's), or the state the run started from. The state just
before the failing batch is not good enough: the damage is done by the *update* of an earlier
batch and shows only in the next batch's loss (Adam at lr 5: batch 1's update ruins LeNet-5,
batch 2's loss is 8e9), so restoring it would fail again at once whatever the learning rate.

Determinism: the batch order, augmentation and the model's dropout masks all come from
generators seeded by ``config.seed`` (the model's from ``build_model(..., seed=)``), so the same
config on the same model gives the same weights, bit for bit. Each batch's augmentation has its
own generator (seed, epoch, batch), so it may be made ahead on another core
(`explorer.data.augment_ahead`) and a batch retried after a divergence gets the same one.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

import numpy as np

from explorer.data import AugmentParams, Dataset, to_float
from explorer.data.augment_ahead import AugmentAhead
from explorer.engine.split import default_threads, min_split_batch
from explorer.engine.optim import make_optimizer
from explorer.evaluation import EVAL_CHUNK, Evaluation, evaluate, evaluation_steps
from explorer.run_control import RunControl, Snapshot
from explorer.train_config import TrainConfig, build_from_config

__all__ = [
    "TrainConfig",
    "Trainer",
    "RunControl",
    "BatchEvent",
    "EpochEvent",
    "PausedEvent",
    "DivergedEvent",
    "EvaluatingEvent",
    "FinishedEvent",
    "EVAL_CHUNK",
    "format_duration",
    "evaluation_steps",
    "Evaluation",
    "evaluate",
    "build_from_config",
]


# --- events ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchEvent:
    """One mini-batch done. ``batch`` counts from 0 within ``epoch`` (from 0 too);
    ``images_per_s`` is this epoch's throughput so far; ``elapsed``/``eta`` in seconds
    (training time only, pauses excluded)."""

    epoch: int
    batch: int
    n_batches: int
    loss: float
    accuracy: float
    images_per_s: float
    elapsed: float
    eta: float
    lr: float


@dataclass(frozen=True)
class EpochEvent:
    """One epoch done: mean training loss/accuracy over its batches (with dropout and
    augmentation on) and, when evaluated, the test split's (None otherwise)."""

    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float
    test_loss: float | None
    test_accuracy: float | None
    seconds: float


@dataclass(frozen=True)
class PausedEvent:
    """Yielded every ``pause_poll`` seconds while paused (nothing was computed)."""

    epoch: int
    batch: int


@dataclass(frozen=True)
class DivergedEvent:
    """The batch ``batch`` of ``epoch`` (both from 0) made the loss, a gradient or a weight NaN
    or infinite, or the loss exploded (``batch == n_batches - 1`` also covers a non-finite test
    loss after that epoch). The weights, buffers and optimiser state are back to the last known
    good ones, those before batch ``restored_batch`` of epoch ``restored_epoch`` (both from 0),
    and the trainer has paused itself; on resume the batch ``batch`` runs again. ``loss`` is the
    batch's loss (may be NaN/inf), ``lr`` the learning rate it used, ``suggested_lr`` a tenth of
    it; ``message`` says what happened and what to try."""

    epoch: int
    batch: int
    loss: float
    lr: float
    suggested_lr: float
    message: str
    restored_epoch: int = 0
    restored_batch: int = 0


@dataclass(frozen=True)
class EvaluatingEvent:
    """The end-of-epoch test evaluation after ``epoch`` (from 0) has done ``done`` of
    ``total`` images (yielded after every chunk; nothing else changed)."""

    epoch: int
    done: int
    total: int


@dataclass(frozen=True)
class FinishedEvent:
    """Training is over: ``reason`` is ``"completed"``, ``"stopped"`` or ``"diverged"``;
    ``message`` explains it to the user."""

    reason: str
    message: str


Event = BatchEvent | EpochEvent | PausedEvent | DivergedEvent | EvaluatingEvent | FinishedEvent


def format_duration(seconds: float) -> str:
    """``"m:ss"`` below an hour, ``"1h05m"`` from one hour on (progress bars and ETAs)."""
    seconds = max(0, int(round(seconds)))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60:d}:{seconds % 60:02d}"


#: A batch whose mean loss exceeds this many times the loss of a uniform guess (ln of the number
#: of classes, 2.3 for ten) has blown up even while its numbers are still finite: Adam at a
#: learning rate of 9 drives LeNet-5's loss to 1e11 and leaves a dead network that answers one
#: class for everything, without ever producing a NaN.
EXPLODED_LOSS_FACTOR = 100
#: The state before a batch is known good when that batch's loss is finite and at most this many
#: times a uniform guess's (a network that has learned something is below 1x).
SANE_LOSS_FACTOR = 2


def _all_finite(arrays) -> bool:
    """True when no array holds a NaN or an infinity. Fast first: a sum of squares (one BLAS
    call per array, no temporary) is finite whenever every value is; only when it is not (a
    NaN, an infinity, or values so large that the squares overflow) is every value checked."""
    for a in arrays:
        if not math.isfinite(float(np.vdot(a, a))) and not np.isfinite(a).all():
            return False
    return True


def _nonfinite(value: float) -> str:
    return "NaN" if math.isnan(value) else "infinite"


def _loss_text(loss: float) -> str:
    return f"loss {loss:.4g}, " if math.isfinite(loss) else ""


# --- the trainer ----------------------------------------------------------------------------


@dataclass
class _EpochStats:
    loss_sum: float = 0.0
    correct: int = 0
    seen: int = 0
    seconds: float = 0.0


class Trainer:
    """Trains ``model`` in place on ``dataset``'s train split as configured.

    Drive it with :meth:`steps` (a generator) or :meth:`run`; :meth:`step_once` runs exactly one
    batch. ``on_event``, if given, is called with every event as well. ``pause_on_divergence``:
    undo a batch that makes anything NaN/infinite and pause (:class:`DivergedEvent`) instead of
    ending the run (for an app where someone can lower the learning rate and resume).
    """

    def __init__(
        self,
        model,
        dataset: Dataset,
        config: TrainConfig | None = None,
        on_event: Callable[[Event], None] | None = None,
        pause_poll: float = 0.1,
        augment_params: AugmentParams | None = None,
        pause_on_divergence: bool = False,
        control: RunControl | None = None,
    ):
        self.model = model
        self.dataset = dataset
        self.config = config or TrainConfig()
        self.config.validate()
        wanted = tuple(getattr(model, "input_shape", dataset.input_shape))
        if tuple(dataset.input_shape) != wanted:
            raise ValueError(
                f"{model.name} takes {'x'.join(map(str, wanted))} images but the data set "
                f"{dataset.name} has {'x'.join(map(str, dataset.input_shape))} images "
                "(channels x height x width): choose an architecture made for this data "
                "(tiny_vgg or lenet5_colour for 3x32x32 colour images) or another data set")
        if self.config.augment and dataset.is_colour:
            raise ValueError(
                "augmentation (random shift, rotation, scale and stroke thickness) is made for "
                f"grey digits; switch it off to train on the colour images of {dataset.name}")
        self.on_event = on_event
        self.pause_poll = float(pause_poll)
        self.pause_on_divergence = bool(pause_on_divergence)
        self._snapshot = Snapshot()   # before the current batch
        self._good = Snapshot()       # the last known good state (see the module docstring)
        self._last_batch: tuple | None = None  # (loss sum, correct, seen, seconds) to undo it
        self.augment_params = augment_params or AugmentParams()
        self.optimizer = make_optimizer(
            self.config.optimizer, self.config.lr, weight_decay=self.config.weight_decay
        )
        self.rng = np.random.default_rng([self.config.seed, 2])  # not the model's streams
        self._augment = AugmentAhead(self.config.seed, self.augment_params)
        n = dataset.n_train
        self.n_train = min(n, self.config.train_limit) if self.config.train_limit else n
        self.n_batches = math.ceil(self.n_train / self.config.batch_size)
        self.epoch = 0
        self.batch = 0
        self.finished: FinishedEvent | None = None
        self.history: dict = {"batch_loss": [], "batch_accuracy": [], "epochs": []}
        self.last_evaluation: Evaluation | None = None
        self._evaluation_current = False  # last_evaluation was made with the current weights
        self._order = None
        self._stats = _EpochStats()
        self._elapsed = 0.0
        self.control = control or RunControl()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        state = self.finished.reason if self.finished else ("paused" if self.paused else "ready")
        return (
            f"Trainer({getattr(self.model, 'name', type(self.model).__name__)!r}, "
            f"{self.dataset.name!r}, epoch {self.epoch + 1}/{self.config.epochs}, "
            f"batch {self.batch}/{self.n_batches}, lr={self.lr:g}, {state})"
        )

    # -- thread-safe controls --

    @property
    def lr(self) -> float:
        return self.optimizer.lr

    @lr.setter
    def lr(self, value: float) -> None:
        value = float(value)
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"learning rate must be a positive number, got {value!r}")
        self.optimizer.lr = value  # a float assignment: atomic, read by the next batch

    def pause(self) -> None:
        """Pause before the next batch (the current one finishes)."""
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    def stop(self) -> None:
        """Stop before the next batch; ``steps()`` then yields ``FinishedEvent("stopped")``."""
        self.control.stop()

    def request_step(self) -> None:
        """While paused, make ``steps()`` run exactly one more batch (from any thread)."""
        self.control.request_step()

    @property
    def paused(self) -> bool:
        return self.control.paused

    @property
    def stopped(self) -> bool:
        return self.control.stopped

    # -- driving --

    def steps(self) -> Iterator[Event]:
        """Train to the end, yielding every event; ends after a :class:`FinishedEvent`."""
        control = self.control
        while self.finished is None:
            if control.stopped:
                yield self._emit(self._finish("stopped", self._stopped_message()))
                return
            if control.paused:
                if control.take_step():
                    yield from self._advance()
                    continue
                control.wait_resumed(self.pause_poll)
                if control.paused and not control.step_pending:
                    yield self._emit(PausedEvent(self.epoch, self.batch))
                continue
            yield from self._advance()

    def run(self) -> FinishedEvent:
        """Train to the end (calling ``on_event`` for every event); returns the final event."""
        for _ in self.steps():
            pass
        return self.finished

    def step_once(self) -> list[Event]:
        """Run exactly one batch now, in the calling thread; returns its events (the batch's,
        and the epoch's and the final one when the batch ends them). Call it from the thread
        that drives the model, e.g. while ``steps()`` is paused."""
        if self.finished is not None:
            return []
        return list(self._advance())

    def evaluate(self, split: str = "test",
                 should_stop: Callable[[], bool] | None = None) -> Evaluation | None:
        """Evaluate the model now (accuracy, loss, confusion, predictions) and keep the result.

        After the run has finished, a test-split evaluation also updates
        ``model.metadata["accuracy"]`` (e.g. after a stop in mid-epoch). ``should_stop`` is
        asked between chunks of ``EVAL_CHUNK`` images: when it says True the evaluation is
        abandoned and None returned (nothing kept)."""
        with self._lock:
            steps = evaluation_steps(self.model, self.dataset, split, EVAL_CHUNK)
            while True:
                try:
                    next(steps)
                except StopIteration as end:
                    result = end.value
                    break
                if should_stop is not None and should_stop():
                    return None
            self.last_evaluation = result
            self._evaluation_current = split == "test"
            if self.finished is not None and split == "test":
                self._store_metadata(self.finished.reason)
        return self.last_evaluation

    # -- internals --

    def _emit(self, event):
        if self.on_event is not None:
            self.on_event(event)
        return event

    def _stopped_message(self) -> str:
        return (
            f"Stopped by the user at epoch {self.epoch + 1}, batch {self.batch} of "
            f"{self.n_batches}; the model keeps the weights learned so far."
        )

    def _advance(self) -> Iterator[Event]:
        """One batch, then the epoch's end and the run's end when they come."""
        with self._lock:
            event = self._train_batch()
        yield self._emit(event)
        if isinstance(event, BatchEvent) and self.batch == self.n_batches:
            yield from self._end_epoch()

    def _train_batch(self) -> Event:
        """One mini-batch: its BatchEvent, or what a divergence gives (see the class)."""
        cfg = self.config
        if self._order is None:
            self._order = self.rng.permutation(self.n_train)
            self._stats = _EpochStats()
        start = time.perf_counter()
        idx = self._order[self.batch * cfg.batch_size : (self.batch + 1) * cfg.batch_size]
        images = self.dataset.train_images[idx]
        split = self._split_batches()
        if cfg.augment:
            x = self._augment.get((self.epoch, self.batch), images)[:, None]
            if not split:
                self._augment_next()  # made on the second core while this batch trains
        else:
            x = to_float(images)
        y = self.dataset.train_labels[idx].astype(np.int64)

        if self.pause_on_divergence:
            self._snapshot.take(self.model, self.optimizer, self.epoch, self.batch)
            if not self._good.taken:   # the state the run starts from
                self._good.take(self.model, self.optimizer, self.epoch, self.batch)
        # Overflow is how divergence shows itself: it is detected below, not warned about.
        # A split batch: the next batch's augmentation is sent to the other core right after
        # that core's half of this one, and made there as soon as the half is done.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            loss, grads, probs = self.model.loss_and_gradients(
                x, y, training=True, return_probs=True,
                meanwhile=self._augment_next if cfg.augment and split else None)
            loss = float(loss)
            if not math.isfinite(loss):
                return self._diverged(loss, "the loss became " + _nonfinite(loss))
            guess = math.log(len(self.dataset.class_names))
            if loss > EXPLODED_LOSS_FACTOR * guess:
                return self._diverged(loss, f"the loss exploded (a uniform guess gives "
                                            f"{guess:.2f})")
            if self.pause_on_divergence and loss <= SANE_LOSS_FACTOR * guess:
                # the weights before this batch gave a sane loss: the new known good state
                self._good, self._snapshot = self._snapshot, self._good
            if not _all_finite(grads.values()):
                return self._diverged(loss, "a gradient became NaN or infinite")
            params = self.model.parameters()
            self.optimizer.update(params, grads)
            self._evaluation_current = False
            if not _all_finite(params.values()):
                return self._diverged(loss, "a weight became NaN or infinite")
        predicted = probs.argmax(axis=1)

        seconds = time.perf_counter() - start
        self._elapsed += seconds
        st = self._stats
        st.seconds += seconds
        correct = int(np.sum(predicted == y))
        st.loss_sum += loss * len(y)
        st.correct += correct
        st.seen += len(y)
        self._last_batch = (loss * len(y), correct, len(y), seconds)
        accuracy = correct / len(y)
        self.history["batch_loss"].append(float(loss))
        self.history["batch_accuracy"].append(accuracy)

        done = self.epoch * self.n_batches + self.batch + 1
        total = cfg.epochs * self.n_batches
        event = BatchEvent(
            epoch=self.epoch,
            batch=self.batch,
            n_batches=self.n_batches,
            loss=float(loss),
            accuracy=accuracy,
            images_per_s=st.seen / st.seconds if st.seconds > 0 else 0.0,
            elapsed=self._elapsed,
            eta=self._elapsed / done * (total - done),
            lr=self.lr,
        )
        self.batch += 1
        return event

    def _split_batches(self) -> bool:
        """Whether batches are split over both cores (explorer.engine.split)."""
        return (getattr(self.model, "threads", 1) > 1
                and self.config.batch_size >= min_split_batch())

    def _augment_next(self) -> None:
        """Start augmenting the epoch's next batch on the second core: while this one trains,
        or, when this batch is split over both cores, right after that core's half of it;
        not when there is no next batch in this epoch (the next epoch's order is not drawn
        yet)."""
        nxt = self.batch + 1
        size = self.config.batch_size
        if nxt < self.n_batches and default_threads() > 1:
            self._augment.ahead((self.epoch, nxt),
                                self.dataset.train_images[self._order[nxt * size:(nxt + 1) * size]])

    def _diverged(self, loss: float, what: str) -> Event:
        """The current batch went wrong: end the run, or undo the batch and pause."""
        if not self.pause_on_divergence:
            return self._finish("diverged", self._diverged_message(loss, what))
        self._good.restore(self.model, self.optimizer)
        self._evaluation_current = False
        self.control.pause()
        lr = self.lr
        return DivergedEvent(epoch=self.epoch, batch=self.batch, loss=loss, lr=lr,
                             suggested_lr=lr / 10, message=self._paused_message(loss, what),
                             restored_epoch=self._good.epoch, restored_batch=self._good.batch)

    def restored_parameters(self) -> dict[str, np.ndarray]:
        """The known good parameters a divergence restores (read them, do not change them)."""
        return self._good.parameters()

    def _evaluate_in_chunks(self) -> Iterator[Event]:
        """The test evaluation, an EvaluatingEvent after each chunk; ``self.last_evaluation``
        is set at the end, and stays as it was when ``stop()`` came in between."""
        t = time.perf_counter()
        steps = evaluation_steps(self.model, self.dataset, "test", EVAL_CHUNK)
        try:
            while not self.control.stopped:
                with self._lock, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                    try:
                        done, total = next(steps)
                    except StopIteration as end:
                        self.last_evaluation = end.value
                        self._evaluation_current = True
                        return
                yield self._emit(EvaluatingEvent(self.epoch, done, total))
        finally:
            self._elapsed += time.perf_counter() - t

    def _undo_last_batch(self) -> None:
        """Take the epoch's last batch back (its weights were restored): it runs again."""
        loss_sum, correct, seen, seconds = self._last_batch
        st = self._stats
        st.loss_sum -= loss_sum
        st.correct -= correct
        st.seen -= seen
        st.seconds -= seconds
        self._elapsed -= seconds
        self.history["batch_loss"].pop()
        self.history["batch_accuracy"].pop()
        self.batch -= 1

    def _end_epoch(self) -> Iterator[Event]:
        cfg = self.config
        st = self._stats
        last = self.epoch + 1 == cfg.epochs
        test_loss = test_acc = None
        if cfg.eval_each_epoch or last:
            before = self.last_evaluation
            yield from self._evaluate_in_chunks()
            if self.last_evaluation is before:  # stopped during the evaluation
                yield self._emit(self._finish("stopped", (
                    f"Stopped by the user during the test evaluation after epoch "
                    f"{self.epoch + 1}; the model keeps the weights learned so far.")))
                return
            test_loss, test_acc = self.last_evaluation.loss, self.last_evaluation.accuracy
            if not math.isfinite(test_loss):
                what = (f"the test loss after epoch {self.epoch + 1} became "
                        f"{_nonfinite(test_loss)}")
                if self.pause_on_divergence:
                    self._undo_last_batch()
                    self._evaluation_current = False
                yield self._emit(self._diverged(test_loss, what))
                return
        event = EpochEvent(
            epoch=self.epoch,
            epochs=cfg.epochs,
            train_loss=st.loss_sum / max(st.seen, 1),
            train_accuracy=st.correct / max(st.seen, 1),
            test_loss=test_loss,
            test_accuracy=test_acc,
            seconds=st.seconds,
        )
        self.history["epochs"].append(asdict(event))
        self.epoch += 1
        if not last and cfg.lr_decay != 1.0:
            self.optimizer.lr *= cfg.lr_decay
        self.batch = 0
        self._order = None
        yield self._emit(event)
        if last:
            acc = f"{test_acc:.2%}" if test_acc is not None else "n/a"
            yield self._emit(self._finish(
                "completed", f"Trained {cfg.epochs} epoch(s): test accuracy {acc}."))

    def _diverged_message(self, loss: float, what: str) -> str:
        return (
            f"Training diverged: {what} at epoch {self.epoch + 1}, batch {self.batch + 1} "
            f"({_loss_text(loss)}learning rate {self.lr:g}, optimizer {self.config.optimizer}); "
            "the weights are no longer usable. Start again with a lower learning rate "
            f"(e.g. {self.lr / 10:g}), a different optimizer (adam is forgiving) or a smaller "
            "weight_init_std."
        )

    def _paused_message(self, loss: float, what: str) -> str:
        decay = (f" Weight decay {self.config.weight_decay:g} is large: try 0.0001 or 0."
                 if self.config.weight_decay > 0.01 else
                 " A little weight decay (e.g. 0.0001) also keeps the weights small.")
        good = self._good
        where = ("that batch" if (good.epoch, good.batch) == (self.epoch, self.batch) else
                 f"epoch {good.epoch + 1}, batch {good.batch + 1} (the last known good weights)")
        return (
            f"Training diverged: {what} at epoch {self.epoch + 1}, batch {self.batch + 1} "
            f"({_loss_text(loss)}learning rate {self.lr:g}, optimizer {self.config.optimizer}). "
            f"The weights were restored to what they were before {where} and training is "
            f"paused. Lower the learning rate (e.g. to {self.lr / 10:g}, a tenth) and resume; "
            "or stop and start again with the adam optimizer (the most forgiving)." + decay
        )

    def _finish(self, reason: str, message: str) -> FinishedEvent:
        """End the run with ``reason`` (sets ``finished`` and the model's metadata)."""
        self._augment.close()
        self.finished = FinishedEvent(reason, message)
        self._store_metadata(reason)
        return self.finished

    def _store_metadata(self, reason: str) -> None:
        """Put the JSON-able history, accuracy, data set and config in ``model.metadata``."""
        meta = getattr(self.model, "metadata", None)
        if meta is None:
            return
        ev = self.last_evaluation
        meta["history"] = {
            "batch_loss": list(self.history["batch_loss"]),
            "batch_accuracy": list(self.history["batch_accuracy"]),
            "epochs": [dict(e) for e in self.history["epochs"]],
            "finished": reason,
        }
        # Only an accuracy measured with the weights being saved (None after a stop mid-epoch).
        meta["accuracy"] = ev.accuracy if ev is not None and self._evaluation_current else None
        meta["dataset"] = self.dataset.name
        meta["config"] = self.config.to_dict()
