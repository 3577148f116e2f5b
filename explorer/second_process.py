"""A helper *process* that puts the machine's second core to work without sharing the GIL.

Two pieces of the training path can hand work to the second core: the second half of a split
batch (`explorer.engine.split`) and the next batch's augmentation
(`explorer.data.augment_ahead`). On a helper thread (`explorer.second_core`) they gain less
than a core should give: every NumPy call takes and gives back the GIL, and on a 2-core
machine the hand-overs between ~150 calls a step made two halves of a LeNet-5 batch of 100
take ~40 % longer together than one half alone. A separate Python process has its own GIL.

Protocol (no pickle): the parent starts ``python -m explorer.second_process_child``, writes a
job to its stdin as a length-prefixed JSON header (the job's kind, settings and where its
arrays lie) and puts the arrays themselves in memory-mapped scratch files that both processes
map (a slot of two per job that may be out: ``in`` written by the parent, ``out`` by the
child); the child answers on its stdout with a JSON header. A kind of job (its arrays' names,
dtypes and shapes) gets a plan once: the layout, the header's text and an id under which both
sides keep their views of the arrays; a training batch's job then does not work them out again
(LeNet-5: the parent's layouts and header took ~75 us of every batch, now ~30). The child
computes and nothing else: it builds a model from a spec the parent sends, copies the weights
the parent sends with every job, and never reads a user's file. It exits when its stdin closes
(the parent ended, however it ended).

Waking a process blocked on a pipe took ~40 us on a 2-core VM, and a split batch waited for it
twice (the child for its job, the parent for the answer): each side first polls a shared page
of two counters (:class:`_Bell`) for up to :data:`SPIN` seconds, then reads the pipe. A ping's
round trip went from ~120-150 to ~40-50 us, and a LeNet-5 batch of 100 as two halves took
0.96-0.98x the time (paired rounds). Between polls both yield their core (``sched_yield``) and
the parent its GIL: in the app the GUI thread needs the CPU too, and a plain busy loop there
made training 30-40 % slower end to end than blocking at once (it is now on a par or faster).

:class:`SecondProcess` is the parent's side; :func:`shared` gives the process-wide one, started
on first use. Anything that goes wrong (cannot start, died, a job failed) raises
:class:`Unavailable`, and the caller does the work itself; a process that failed once is not
started again in this run. Qt-free.
"""

from __future__ import annotations

import atexit
import json
import math
import mmap
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time

import numpy as np

__all__ = ["SecondProcess", "Unavailable", "shared", "enabled", "usable"]

#: Set to False (or the environment variable EXPLORER_SECOND_PROCESS=0) to keep all work in
#: this process: the helper thread is used instead.
enabled = os.environ.get("EXPLORER_SECOND_PROCESS", "1") != "0"
#: Largest scratch file (bytes); a bigger job is done in this process.
MAX_SCRATCH = 64 << 20
_HEADER = struct.Struct("<I")
_MAX_HEADER = 1 << 24
#: Kinds of job (arrays' names, dtypes and shapes) whose layouts are kept.
_MAX_PLANS = 16
#: Seconds each process polls for the other's next message before it blocks on the pipe
#: (see _Bell): a split batch's answer and the next batch's job usually come within this.
SPIN = 0.002


class Unavailable(Exception):
    """The helper process cannot do this job: do it in this process."""


class _Scratch:
    """A memory-mapped temporary file of ``size`` bytes that another process maps by path.

    The parent deletes the file's name once the child has mapped it (:meth:`forget_name`):
    the memory lives on in both mappings and goes back to the system with the last of them,
    so a crash of either process leaves no file behind (not on Windows, which cannot delete
    a mapped file: there :meth:`close` deletes it)."""

    _made = 0

    def __init__(self, size: int, path: str | None = None):
        self.size = int(size)
        self.named = True
        self._views: dict[object, dict[str, np.ndarray]] = {}  # see views()
        if path is None:
            if self.size > MAX_SCRATCH:
                raise Unavailable(f"a job of {self.size} bytes is too big to share")
            folder = "/dev/shm" if os.path.isdir("/dev/shm") else None  # RAM, not disk
            try:
                fd, self.path = tempfile.mkstemp(prefix="explorer-", suffix=".scratch",
                                                 dir=folder)
            except OSError as e:
                raise Unavailable(f"cannot make a scratch file: {e}") from e
            self.owner = True
            try:
                os.ftruncate(fd, self.size)
                if hasattr(os, "posix_fallocate"):
                    # reserve the pages now: a full /dev/shm then fails here, not with a
                    # SIGBUS when the mapping is written
                    os.posix_fallocate(fd, 0, self.size)
                self.map = mmap.mmap(fd, self.size)
            except OSError as e:
                os.close(fd)
                os.unlink(self.path)
                raise Unavailable(f"cannot make a scratch file: {e}") from e
            os.close(fd)
            _Scratch._made += 1
            self.serial = _Scratch._made  # tells the child a new file from a reused name
        else:
            self.path, self.owner = path, False
            with open(path, "r+b") as f:
                self.map = mmap.mmap(f.fileno(), self.size)

    def array(self, dtype, shape, offset) -> np.ndarray:
        return np.ndarray(tuple(shape), dtype=np.dtype(dtype), buffer=self.map, offset=offset)

    def views(self, key, layout) -> dict[str, np.ndarray]:
        """{name: array} of a layout in this file, kept under ``key`` (None: made afresh):
        a training job sends the same arrays every batch, and making ~25 views costs ~25 us."""
        cache = self._views
        got = cache.get(key) if key is not None else None
        if got is None:
            got = {name: self.array(dtype, shape, offset) for name, dtype, shape, offset in layout}
            if key is not None:
                if len(cache) >= _MAX_PLANS:
                    cache.pop(next(iter(cache)))
                cache[key] = got
        return got

    def forget_name(self) -> None:
        if self.owner and self.named and os.name != "nt":
            self.named = False
            try:
                os.unlink(self.path)
            except OSError:
                pass

    def close(self) -> None:
        self._views = {}  # views of the map would keep it open
        try:
            self.map.close()
        except BufferError:  # an array still views it: the mapping ends with that array
            pass
        if self.owner and self.named:
            self.named = False
            try:
                os.unlink(self.path)
            except OSError:
                pass


#: Give the core to another runnable thread, if any (and the GIL up): os.sched_yield where
#: there is one, else a zero sleep (which at least gives the GIL up).
_yield = getattr(os, "sched_yield", None) or (lambda: time.sleep(0))


class _Bell:
    """Two counters in a shared page, polled for a short while before a blocking pipe read:
    jobs sent (written by the parent) and answers written (by the child).

    A process blocked on a pipe took ~40 us to wake up on a 2-core VM (a one-byte round trip
    between two processes: 94 us sleeping, 12 us polling), twice per split batch (the child
    waking for the job, the parent for the answer). Each side therefore polls the other's
    counter for up to ``spin`` seconds (yielding its core to any other runnable thread between
    polls) and then reads the pipe, which by then holds the message. The counters are only a
    hint: every message still goes through the pipe, so a counter out of step costs one
    ``spin`` of waiting, never a wrong answer."""

    SENT, ANSWERED = 0, 1

    def __init__(self, spin: float, path: str | None = None):
        self.spin = float(spin)
        self.scratch = _Scratch(64, path)
        self.path = self.scratch.path
        self.count = memoryview(self.scratch.map).cast("q")
        if path is None:
            self.count[self.SENT] = self.count[self.ANSWERED] = 0

    def wait_above(self, index: int, value: int) -> None:
        """Return once counter ``index`` exceeds ``value``, or after ``spin`` seconds. Between
        polls the process yields its core to any other runnable thread (the GUI's, say) and
        gives the GIL up, so that polling only uses time nobody else wants."""
        count = self.count
        if count[index] > value or self.spin <= 0:
            return
        clock, pause = time.perf_counter, _yield
        end = clock() + self.spin
        while count[index] <= value and clock() < end:
            pause()

    def close(self) -> None:
        self.count.release()  # the map cannot close while a view of it is open
        self.scratch.close()


def _layout(arrays: dict[str, tuple[np.dtype, tuple]]) -> tuple[list, int]:
    """[[name, dtype str, shape, offset], ...] and the bytes they need (64-byte aligned)."""
    out, offset = [], 0
    for name, (dtype, shape) in arrays.items():
        dtype = np.dtype(dtype)
        out.append([name, dtype.str, [int(s) for s in shape], offset])
        offset += -(-math.prod(shape) * dtype.itemsize // 64) * 64
    return out, max(offset, 64)


class _Plan:
    """Where the arrays of one kind of job lie in the scratch files, worked out once, and the
    job's header text, kept per meta and pair of files (a training job's repeat from batch to
    batch). The id lets the child keep its views of the arrays too."""

    def __init__(self, plan_id: int, inputs: dict[str, tuple], outputs: dict[str, tuple]):
        self.id = plan_id
        self.in_layout, self.in_size = _layout(inputs)
        self.out_layout, self.out_size = _layout(outputs)
        self._heads: dict[tuple, bytes] = {}  # (kind, meta, in serial, out serial) -> header

    def header(self, kind: str, meta: dict, src: _Scratch, dst: _Scratch, slot: int) -> bytes:
        try:
            key = (kind, tuple(meta.items()), src.serial, dst.serial)
            head = self._heads.get(key)
        except TypeError:  # a list in meta: made each time
            key = head = None
        if head is None:
            head = json.dumps({
                "kind": kind, "meta": meta,
                "in": [src.path, src.size, src.serial, self.in_layout, self.id, slot],
                "out": [dst.path, dst.size, dst.serial, self.out_layout, self.id, slot]}).encode()
            if key is not None:
                if len(self._heads) >= _MAX_PLANS:
                    self._heads.clear()
                self._heads[key] = head
        return head


def _write_msg(stream, header: dict | bytes) -> None:
    data = header if isinstance(header, bytes) else json.dumps(header).encode()
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exact(stream, n: int) -> bytes | None:
    """n bytes from a pipe (a raw read may return fewer), None at its end."""
    parts, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _read_msg(stream) -> dict | None:
    raw = _read_exact(stream, _HEADER.size)
    if raw is None:
        return None
    (length,) = _HEADER.unpack(raw)
    if length > _MAX_HEADER:
        raise ValueError(f"a message header of {length} bytes")
    data = _read_exact(stream, length)
    return None if data is None else json.loads(data)


class SecondProcess:
    """The parent's side of the helper process: ``ticket = submit(...)``, then
    ``result(ticket)``.

    Two jobs at a time, each in its own slot of scratch files, answered in the order sent; a
    job dropped for a later one (see :meth:`submit` and :meth:`result`) has its ``result``
    raise :class:`Unavailable` (its owner does the work itself). ``inputs`` are arrays copied
    into the slot's ``in`` file; ``outputs`` name the arrays the job writes (dtype, shape);
    ``result`` returns copies of them, or views with ``copy=False``.
    """

    def __init__(self, spin: float | None = None):
        self._lock = threading.RLock()
        self._proc: subprocess.Popen | None = None
        self._spin = SPIN if spin is None else spin  # see _Bell (0: block on the pipe at once)
        self._bell: _Bell | None = None
        self._sent = self._answered = 0  # messages through the pipe, as the bell counts them
        # Two slots of scratch files ([in, out] each): two jobs may be out at once, each in
        # its own slot, answered in the order sent (see submit).
        self._slots: list[list[_Scratch | None]] = [[None, None], [None, None]]
        self._pending: list[tuple[int, _Plan, int]] = []  # (ticket, plan, slot), oldest first
        self._plans: dict[tuple, _Plan] = {}  # by the arrays' names, dtypes and shapes
        self._made_plans = 0
        self._tickets = 0
        self.jobs_done = 0  # results handed back (tests check the process did the work)
        self._model_ids: dict[str, int] = {}  # spec text -> id
        self._built: set[int] = set()  # ids whose spec the running child has been sent
        self._broken = False

    # -- life -------------------------------------------------------------------------------

    def _start(self) -> None:
        if self._broken or not enabled:
            raise Unavailable("the helper process is off")
        if self._proc is not None:
            if self._proc.poll() is None:
                return
            self._fail()  # it ended on its own: not started again
            raise Unavailable("the helper process has ended")
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                   MKL_NUM_THREADS="1")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        try:
            if self._bell is None:
                self._bell = _Bell(self._spin)
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "explorer.second_process_child", self._bell.path,
                 repr(self._spin)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                bufsize=0)
        except (OSError, Unavailable) as e:
            self._fail()
            raise Unavailable(f"cannot start the helper process: {e}") from e
        self._built.clear()
        self._sent = self._answered = 0

    def _fail(self) -> None:
        """Give the process up for this run: later jobs raise Unavailable at once."""
        self._broken = True
        self._end(timeout=2)

    def _end(self, timeout: float) -> None:
        """End the process: it exits when its stdin closes, or is killed after ``timeout``."""
        self._pending = []
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def close(self) -> None:
        """End the process and delete the scratch files."""
        with self._lock:
            self._end(timeout=5)
            for slot in self._slots:
                for scratch in slot:
                    if scratch is not None:
                        scratch.close()
                slot[:] = [None, None]
            if self._bell is not None:
                self._bell.close()
                self._bell = None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    # -- jobs -------------------------------------------------------------------------------

    def _scratch(self, slot: int, which: int, size: int) -> _Scratch:
        """Scratch file ``which`` (0 in, 1 out) of ``slot``, grown to ``size`` bytes."""
        current = self._slots[slot][which]
        if current is None or current.size < size:
            grown = _Scratch(max(size, min(2 * (current.size if current else 0), MAX_SCRATCH)))
            if current is not None:
                current.close()
            current = self._slots[slot][which] = grown
        return current

    def submit(self, kind: str, meta: dict, inputs: dict[str, np.ndarray],
               outputs: dict[str, tuple], spec_text: str | None = None) -> int:
        """Send a job; its ticket for :meth:`result`. Unavailable when it cannot be sent.

        Two jobs may be out at once (a split batch's second half, then the next batch's
        augmentation, which the child starts as soon as the half is done); the child does them
        in the order sent. A third job first collects and drops the oldest one's answer.

        ``spec_text``: the JSON spec of the model the job needs; ``meta`` gets its id as
        "model" and, the first time the running child is sent that id, the spec as "spec"
        (None after that: the child keeps each model it built)."""
        with self._lock:
            if len(self._pending) >= len(self._slots):
                try:
                    self._collect(self._pending[0][0])
                except Unavailable:
                    pass
            self._start()
            busy = {slot for _, _, slot in self._pending}
            slot = next(i for i in range(len(self._slots)) if i not in busy)
            if spec_text is not None:
                model = self._model_ids.setdefault(spec_text, len(self._model_ids))
                meta = dict(meta, model=model,
                            spec=None if model in self._built else spec_text)
            plan = self._plan(inputs, outputs)
            src = self._scratch(slot, 0, plan.in_size)
            dst = self._scratch(slot, 1, plan.out_size)
            for name, view in src.views(plan.id, plan.in_layout).items():
                np.copyto(view, inputs[name])
            try:
                _write_msg(self._proc.stdin, plan.header(kind, meta, src, dst, slot))
            except (OSError, ValueError) as e:
                self._fail()
                raise Unavailable(f"the helper process has ended: {e}") from e
            self._sent += 1
            self._bell.count[_Bell.SENT] = self._sent  # the child may be polling for it
            if spec_text is not None:
                self._built.add(meta["model"])  # sent: the child builds it with this job
            self._tickets += 1
            self._pending.append((self._tickets, plan, slot))
            return self._tickets

    def _plan(self, inputs: dict[str, np.ndarray], outputs: dict[str, tuple]) -> _Plan:
        key = (tuple((k, a.dtype, a.shape) for k, a in inputs.items()),
               tuple((k, d, tuple(s)) for k, (d, s) in outputs.items()))
        plan = self._plans.get(key)
        if plan is None:
            ins = {k: (a.dtype, a.shape) for k, a in inputs.items()}
            if len(self._plans) >= _MAX_PLANS:
                self._plans.pop(next(iter(self._plans)))
            self._made_plans += 1
            plan = self._plans[key] = _Plan(self._made_plans, ins, outputs)
        return plan

    def result(self, ticket: int, copy: bool = True) -> tuple[dict, dict[str, np.ndarray]]:
        """(meta, {name: array}) of job ``ticket``; Unavailable if it failed or was dropped.

        Answers come in the order the jobs were sent: asking for a later job's first drops
        the earlier job's answer (its ``result`` then raises Unavailable).

        ``copy=False`` gives views of the scratch file instead of copies: they hold the
        answer only until another job is sent into the same slot (which may be the next
        :meth:`submit`), which a caller reading them at once (a split batch summing its
        halves' gradients) may accept for ~15 us less."""
        with self._lock:
            got = self._collect(ticket, copy)
            self.jobs_done += 1
            return got

    def _collect(self, ticket: int, copy: bool = True) -> tuple[dict, dict[str, np.ndarray]]:
        with self._lock:
            if not any(t == ticket for t, _, _ in self._pending):
                raise Unavailable("the job was dropped for a later one")
            while True:
                this, plan, slot = self._pending.pop(0)
                self._bell.wait_above(_Bell.ANSWERED, self._answered)
                self._answered += 1
                try:
                    answer = _read_msg(self._proc.stdout)
                except (OSError, ValueError) as e:
                    answer = {"ok": False, "error": str(e)}
                if answer is None:
                    self._fail()
                    raise Unavailable("the helper process has ended")
                for scratch in (*self._slots[slot], self._bell.scratch):
                    scratch.forget_name()  # the child has mapped these files by now
                if not answer.get("ok"):
                    self._built.clear()  # perhaps a model was not built: send the specs again
                    if this == ticket:
                        raise Unavailable(answer.get("error", "the job failed"))
                if this == ticket:
                    break
            views = self._slots[slot][1].views(plan.id, plan.out_layout)
            out = {name: (view.copy() if copy else view) for name, view in views.items()}
            return answer.get("meta", {}), out


_shared: SecondProcess | None = None
_shared_lock = threading.Lock()


def usable() -> bool:
    """Whether jobs may go to the helper process now: it is on and was not given up in this
    run (this does not start it)."""
    return enabled and (_shared is None or not _shared._broken)


def shared() -> SecondProcess:
    """The process-wide :class:`SecondProcess` (its process starts with the first job)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SecondProcess()
            atexit.register(_shared.close)
        return _shared
