"""Run control shared by whoever steers a training run and whoever drives it, and the snapshot
a diverging run rolls back to. Qt-free; ``explorer.training`` re-exports :class:`RunControl`."""

from __future__ import annotations

import threading

import numpy as np

__all__ = ["RunControl", "Snapshot", "PACES"]

#: The paces a run can go at: at least this many seconds from the start of one mini-batch to
#: the start of the next. "watch" draws every batch and takes the default run (LeNet-5, 3
#: epochs of the built-in 3,000 digits: 141 batches) about 25 s instead of 1.5 s.
PACES = {"watch": 0.15, "fast": 0.0}


class RunControl:
    """Thread-safe run control shared by whoever steers a run (any thread) and whoever drives
    it (reads between batches): pause/resume, single steps while paused, stop, a learning rate
    to apply at the next batch, ``closing`` (the app is closing: do no more work at all) and the
    pace (``interval``: the least seconds between the starts of two batches, kept by `reset`).

    The driver waits for its pace with :meth:`sleep`, which returns as soon as the run is
    paused, resumed, stopped, closed, stepped or given another pace."""

    def __init__(self):
        self._resumed = threading.Event()
        self._resumed.set()
        self._stop = threading.Event()
        self.closing = threading.Event()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._generation = 0      # counts the changes a sleep wakes up for
        self._steps = 0
        self._lr: float | None = None
        self._interval = 0.0

    def __repr__(self) -> str:
        return (f"RunControl(paused={self.paused}, stopped={self.stopped}, "
                f"single_steps={self._steps}, closing={self.closing.is_set()}, "
                f"interval={self._interval:g})")

    def _wake(self) -> None:
        """Wake every `sleep` (call with the lock held)."""
        self._generation += 1
        self._changed.notify_all()

    def sleep(self, seconds: float) -> bool:
        """Wait up to ``seconds``; True when woken early by a pause, resume, stop, close,
        single step or new pace (the caller then looks again at what to do)."""
        with self._changed:
            generation = self._generation
            return self._changed.wait_for(lambda: self._generation != generation,
                                          max(0.0, seconds))

    @property
    def interval(self) -> float:
        """Seconds at least from the start of one batch to the start of the next (0: none)."""
        return self._interval

    def set_interval(self, seconds: float) -> None:
        """Change the pace (also during a run: a waiting driver looks again at once)."""
        seconds = float(seconds)
        if not seconds >= 0:
            raise ValueError(f"a pace interval must be 0 or more seconds, got {seconds!r}")
        with self._changed:
            self._interval = seconds
            self._wake()

    def pause(self) -> None:
        self._resumed.clear()
        self._notify()

    def resume(self) -> None:
        self._resumed.set()
        self._notify()

    def stop(self) -> None:
        self._stop.set()
        self._resumed.set()   # wake a paused loop so it can finish
        self._notify()

    def _notify(self) -> None:
        """`_wake` with the lock it needs (for callers that do not hold it)."""
        with self._changed:
            self._wake()

    def close(self) -> None:
        """The app is closing: stop, and do no more work (not even a last evaluation)."""
        self.closing.set()
        self.stop()

    def request_step(self) -> None:
        """While paused, one more batch may run."""
        with self._lock:
            self._steps += 1
            self._wake()

    def take_step(self) -> bool:
        """True (and one requested step used up) when a single step was requested."""
        with self._lock:
            if self._steps:
                self._steps -= 1
                return True
            return False

    @property
    def step_pending(self) -> bool:
        with self._lock:
            return self._steps > 0

    def set_lr(self, lr: float) -> None:
        """A learning rate for the driver to apply before the next batch."""
        with self._lock:
            self._lr = float(lr)

    def take_lr(self) -> float | None:
        with self._lock:
            lr, self._lr = self._lr, None
            return lr

    def wait_resumed(self, timeout: float) -> bool:
        return self._resumed.wait(timeout)

    @property
    def paused(self) -> bool:
        return not self._resumed.is_set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def reset(self) -> None:
        """Ready for a new run (``closing`` and the pace stay)."""
        self._resumed.set()
        self._stop.clear()
        with self._lock:
            self._steps = 0
            self._lr = None


def _copy_into(store: dict, live: dict) -> None:
    """Copy every array of ``live`` into ``store``'s array of the same key (allocated once)."""
    for key, value in live.items():
        saved = store.get(key)
        if isinstance(value, np.ndarray):
            if saved is None or saved.shape != value.shape or saved.dtype != value.dtype:
                store[key] = value.copy()
            else:
                np.copyto(saved, value)
        else:
            store[key] = value  # an int step count
    for key in set(store) - set(live):
        del store[key]


class Snapshot:
    """The model's parameters and buffers and the optimiser's state as they were before batch
    ``batch`` of epoch ``epoch``, so a diverging run can be undone. ``take`` copies into arrays
    allocated once (for LeNet-5's 62k parameters with Adam: ~0.7 MB copied per batch); Adam's
    whole-model state (:class:`~explorer.engine.optim._FlatState`) is copied as its two flat
    arrays rather than twenty per-parameter ones."""

    def __init__(self):
        self._params: dict = {}
        self._buffers: dict = {}
        self._optimizer: dict[str, dict] = {}
        self._flat = None  # (optimizer's _FlatState, its step count) when saved flat
        self._flat_arrays: dict = {}  # "m", "v" -> copies of the flat arrays
        self._steps = 0
        self.epoch = 0
        self.batch = 0
        self.taken = False

    def __repr__(self) -> str:
        return (f"Snapshot(before epoch {self.epoch} batch {self.batch}, {len(self._params)} "
                f"params, optimizer steps {self._steps})")

    def take(self, model, optimizer, epoch: int = 0, batch: int = 0) -> None:
        self.epoch, self.batch, self.taken = epoch, batch, True
        _copy_into(self._params, model.parameters())
        _copy_into(self._buffers, model.buffers())
        flat = getattr(optimizer, "_flat", None)
        if flat is not None and flat.is_current(optimizer.state):
            self._flat = (flat, flat.t)
            _copy_into(self._flat_arrays, {"m": flat.m, "v": flat.v})
            self._optimizer.clear()
        else:
            self._flat = None
            for key in set(self._optimizer) - set(optimizer.state):
                del self._optimizer[key]
            for key, slots in optimizer.state.items():
                _copy_into(self._optimizer.setdefault(key, {}), slots)
        self._steps = optimizer.steps

    def restore(self, model, optimizer) -> None:
        for key, live in model.parameters().items():
            np.copyto(live, self._params[key])
        for key, live in model.buffers().items():
            np.copyto(live, self._buffers[key])
        if self._flat is not None:  # per-parameter views of fresh copies of the flat arrays
            flat, t = self._flat
            m, v = self._flat_arrays["m"].copy(), self._flat_arrays["v"].copy()
            optimizer.state = {key: {"m": m[a:b].reshape(shape), "v": v[a:b].reshape(shape),
                                     "t": t} for key, shape, a, b in flat.slices()}
        else:
            optimizer.state = {key: {slot: (v.copy() if isinstance(v, np.ndarray) else v)
                                     for slot, v in slots.items()}
                               for key, slots in self._optimizer.items()}
        optimizer.steps = self._steps

    def parameters(self) -> dict[str, np.ndarray]:
        """The saved parameters (read them, do not change them)."""
        return self._params
