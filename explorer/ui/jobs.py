"""Long jobs that must not hold up the engine thread (downloads, loading a large data set), each
in its own `QThread`, and the keeper of jobs released while still running."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from explorer.ui.engine_strings import engine_message
from explorer.ui.text import fill
from explorer.failures import is_bad_input, print_if_bug

__all__ = ["BackgroundJob", "JobFailure"]


def _user_message(exc: BaseException) -> str:
    """What went wrong, for the user, in the current language: the message of bad input
    (ValueError/OSError, whose texts say what to do; a coded engine or data message is
    translated), otherwise a sentence saying that the program failed (a bug) with the details
    (the exception's name and text) inside it."""
    text = str(exc)
    if is_bad_input(exc):
        return (engine_message(exc) if text else "") or type(exc).__name__
    return fill(QCoreApplication.translate(
        "BackgroundJob", "The job failed because of an error in the program (%1: %2). The "
        "details are printed in the terminal; please report them."),
        type(exc).__name__, text or "-")


class JobFailure:
    """Why a job failed: its exception (without the traceback, which would keep the job's
    frames alive), shown by `text` in the language current at each call, so a message still
    on screen is rendered again after View > Language. ``str()`` is `text`."""

    __slots__ = ("exc",)

    def __init__(self, exc: BaseException):
        self.exc = exc.with_traceback(None)

    def __repr__(self) -> str:
        return f"JobFailure({type(self.exc).__name__}, code={self.code!r})"

    @property
    def code(self) -> str | None:
        """The stable id of the message (an engine or data message code), None without one."""
        code = getattr(self.exc, "code", None)
        return code if isinstance(code, str) else None

    def text(self) -> str:
        return _user_message(self.exc)

    __str__ = text


class BackgroundJob(QThread):
    """A long job that must not hold up the engine thread: a download, loading a large data set.

    ``fn(report, cancel)`` runs in this job's own thread; ``report(obj)`` arrives in the GUI
    thread as ``sigProgress(obj)``, the return value as ``sigDone(result)``, an exception as
    ``sigFailed(failure, cancelled)`` (a `JobFailure`, whose ``text()`` is the message in the
    current language; ``cancelled`` is True when `cancel` was asked first).
    ``cancel`` is a `threading.Event` that ``fn`` checks. The result is handed over, not
    copied: ``fn`` must keep no reference to it. Used by the Data panel (issue 7).
    """

    sigProgress = Signal(object)
    sigDone = Signal(object)
    sigFailed = Signal(object, bool)     # (JobFailure, cancelled)

    def __init__(self, fn: Callable, parent=None):
        super().__init__(parent)
        self._fn = fn
        self.cancel_event = threading.Event()

    def __repr__(self) -> str:
        return f"BackgroundJob(running={self.isRunning()}, cancelled={self.cancel_event.is_set()})"

    def cancel(self):
        """Ask ``fn`` to stop (thread-safe; ``fn`` decides when it can)."""
        self.cancel_event.set()

    def release(self, wait_ms: int = 500) -> bool:
        """Cancel and wait at most ``wait_ms`` for the thread (called when the app closes).

        Returns True when it ended. Otherwise (``fn`` is stuck, e.g. a connection waiting for
        a silent server until its timeout) the job is detached from its parent and kept alive
        until its thread ends, so closing never waits for it and no running thread is
        destroyed with its parent; the application waits for such jobs only after its last
        window has gone (``aboutToQuit``). Connect the job's signals to slots of QObjects (bound
        methods): a receiver deleted meanwhile is then disconnected by Qt."""
        self.cancel()
        if self.wait(int(wait_ms)):
            return True
        _JobKeeper.instance().keep(self)
        return False

    def run(self):
        try:
            result = self._fn(self.sigProgress.emit, self.cancel_event)
        except Exception as exc:  # noqa: BLE001 - the GUI shows every failure
            cancelled = self.cancel_event.is_set()
            if not cancelled:
                print_if_bug(exc)
            self.sigFailed.emit(JobFailure(exc), cancelled)
            return
        self.sigDone.emit(result)


class _JobKeeper(QObject):
    """Holds the `BackgroundJob`s released while their thread still runs, until it ends.
    Lives in the GUI thread (created there on first use); looks at its jobs when one says it
    finished and every ``POLL_MS`` (a job may finish between ``release``'s wait and ``keep``)."""

    POLL_MS = 200
    #: How long quitting waits for released jobs before they are abandoned (`wait_all`).
    QUIT_WAIT_MS = 150
    _instance: _JobKeeper | None = None

    def __init__(self):
        super().__init__()
        self._jobs: set[BackgroundJob] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._reap)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait_all)

    def __repr__(self) -> str:
        return f"_JobKeeper({len(self._jobs)} running)"

    @classmethod
    def instance(cls) -> _JobKeeper:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    @property
    def jobs(self) -> frozenset:
        return frozenset(self._jobs)

    def keep(self, job: BackgroundJob):
        job.setParent(None)              # its parent may now be destroyed without it
        self._jobs.add(job)
        job.finished.connect(self._reap)   # queued: runs here, in the GUI thread
        self._timer.start()

    @Slot()
    def _reap(self):
        """Drop the jobs whose thread has ended."""
        for job in list(self._jobs):
            if not shiboken6.isValid(job):   # deleted by its finished->deleteLater
                self._jobs.discard(job)
            elif job.isFinished():
                job.wait()
                self._jobs.discard(job)
        if not self._jobs:
            self._timer.stop()

    @Slot()
    def wait_all(self, timeout_ms: int | None = None) -> int:
        """The app is quitting (no window is left): wait at most ``timeout_ms`` (default
        `QUIT_WAIT_MS`) in all for the kept jobs to end. Returns how many still run: a download
        waiting on a silent server can take its whole socket timeout, and the user closed the
        window, so `run_app` then ends the process without them (`abandoned_jobs`)."""
        budget = self.QUIT_WAIT_MS if timeout_ms is None else int(timeout_ms)
        deadline = time.monotonic() + budget / 1000.0
        for job in list(self._jobs):
            if shiboken6.isValid(job):
                left = max(0, int((deadline - time.monotonic()) * 1000))
                job.wait(left)
        self._reap()
        return len(self._jobs)


def abandoned_jobs() -> int:
    """How many released background jobs still run (0 when none was ever released)."""
    keeper = _JobKeeper._instance
    return 0 if keeper is None else sum(
        1 for job in keeper.jobs if shiboken6.isValid(job) and job.isRunning())
