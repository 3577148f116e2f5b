"""Download a catalogue data set into a cache directory, safely.

Pure standard library (urllib), no Qt: the app calls :func:`download_dataset` from a
background thread and passes ``QStandardPaths``' AppDataLocation as ``cache_dir``; the CLI
and notebooks pass any directory.

Guarantees:

- A data set appears as ``cache_dir/<key>/`` only when all its files are there and every
  one matched its published size and MD5: the files are fetched into ``cache_dir/<key>.part/``
  (each as ``<file>.part`` until it is verified) and the folder is renamed at the end.
  A cancelled, dropped or corrupt download never yields a half data set.
- A verified file is kept in the ``.part`` folder, so a later attempt fetches only what is
  missing; an interrupted file resumes with an HTTP ``Range`` request where the server
  honours it (and starts again where it does not).
- Each file is tried on every mirror in turn; connection errors are retried on the same
  mirror (resuming), a 404 or a wrong checksum moves on to the next mirror.
- A cached set is never fetched again.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import os
import shutil
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explorer._atomic import atomic_write
from explorer.data.catalogue import CatalogueEntry, RemoteFile, catalogue_entry
from explorer.data.messages import Lines, Message, Term, coded

__all__ = [
    "DownloadProgress",
    "DownloadCancelled",
    "DownloadError",
    "download_dataset",
    "cached_dataset_dir",
    "is_cached",
    "cached_datasets",
    "format_bytes",
    "format_eta",
    "remove_cached",
]

USER_AGENT = "cnn-explorer/0.1 (data set download)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class DownloadProgress:
    """A snapshot for a progress bar.

    ``done`` and ``total`` count bytes of the whole data set (files already verified count
    as done); ``rate`` is bytes/s over the last few seconds (0 before the first measure);
    ``eta`` is seconds left, ``None`` while the rate is unknown.
    """

    dataset: str
    file: str
    file_index: int
    n_files: int
    done: int
    total: int
    rate: float
    eta: float | None
    url: str

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    def describe(self) -> str:
        """``"3.2 MB of 9.9 MB, 1.1 MB/s, 6 s left"``."""
        text = f"{format_bytes(self.done)} of {format_bytes(self.total)}"
        if self.rate > 0:
            text += f", {format_bytes(self.rate)}/s"
        if self.eta is not None:
            text += f", {format_eta(self.eta)} left"
        return text

    def __repr__(self) -> str:
        return (
            f"DownloadProgress({self.dataset!r}, file {self.file_index + 1}/{self.n_files} "
            f"{self.file!r}, {self.describe()})"
        )


class DownloadCancelled(Exception):
    """The cancel flag was set; verified files are kept for next time, nothing else."""


class DownloadError(OSError):
    """Every mirror failed for a file; the message lists each attempt and what to do."""


def format_bytes(n: float) -> str:
    """``1536 -> "1.5 KB"`` (decimal units, as download sizes are usually given)."""
    for unit in ("B", "KB", "MB", "GB"):
        if abs(n) < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    raise AssertionError("unreachable")


def format_eta(seconds: float) -> str:
    """``75 -> "1 min 15 s"``."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _entry(name: str | CatalogueEntry) -> CatalogueEntry:
    return name if isinstance(name, CatalogueEntry) else catalogue_entry(name)


def cached_dataset_dir(cache_dir: str | os.PathLike, name: str | CatalogueEntry) -> Path:
    """Where the data set ``name`` lives (or will live) under ``cache_dir``."""
    return Path(cache_dir) / _entry(name).key


def _is_complete(folder: Path, entry: CatalogueEntry) -> bool:
    return all(
        (folder / f.name).is_file() and (folder / f.name).stat().st_size == f.size
        for f in entry.files
    )


def is_cached(cache_dir: str | os.PathLike, name: str | CatalogueEntry) -> bool:
    """True when every file of ``name`` is in the cache with its published size.

    Files only get their final names after their MD5 matched, so this does not hash again.
    """
    return _is_complete(cached_dataset_dir(cache_dir, name), _entry(name))


def cached_datasets(cache_dir: str | os.PathLike) -> list[str]:
    """Catalogue keys of the data sets complete in ``cache_dir``, in catalogue order."""
    from explorer.data.catalogue import CATALOGUE

    return [key for key in CATALOGUE if is_cached(cache_dir, key)]


class _RateMeter:
    """Bytes per second over a sliding window of a few seconds."""

    def __init__(self, window: float = 3.0, clock: Callable[[], float] = time.monotonic):
        self._window = window
        self._clock = clock
        self._samples: list[tuple[float, int]] = []
        self._count = 0

    def add(self, n: int) -> float:
        now = self._clock()
        self._count += n
        self._samples.append((now, self._count))
        while len(self._samples) > 2 and now - self._samples[0][0] > self._window:
            self._samples.pop(0)
        t0, c0 = self._samples[0]
        return (self._count - c0) / (now - t0) if now > t0 else 0.0


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _SocketAborter:
    """While a download runs, a small thread waits for the cancel flag and then shuts down the
    socket of the connection being read, so a read blocked on a stalled server returns at once
    instead of after the socket timeout. (A connection still waiting for the server's first
    answer is not attached yet: that wait ends with the timeout.)"""

    POLL = 0.05  # seconds between looks at the cancel flag

    def __init__(self, cancel: threading.Event):
        self._cancel = cancel
        self._lock = threading.Lock()
        self._sock = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="download-abort", daemon=True)

    def __repr__(self) -> str:
        return f"_SocketAborter(attached={self._sock is not None}, cancel={self._cancel.is_set()})"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._done.set()
        self._thread.join()

    def _run(self):
        while not self._done.is_set():
            if self._cancel.wait(self.POLL):
                with self._lock:
                    if self._sock is not None:
                        _shut(self._sock)
                return

    def attach(self, response) -> None:
        """Abort ``response``'s socket on cancel (the caller checks the flag right after)."""
        raw = getattr(getattr(response, "fp", None), "raw", None)
        with self._lock:
            self._sock = getattr(raw, "_sock", None)

    def detach(self) -> None:
        with self._lock:
            self._sock = None


def _shut(sock) -> None:
    """Shut a (possibly TLS) socket down from another thread: its blocked read sees the end."""
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # closed already


class _Downloader:
    """State of one :func:`download_dataset` call (progress accounting, cancel flag)."""

    def __init__(self, entry, progress, cancel, timeout, attempts, backoff):
        self.entry = entry
        self.progress = progress
        self.cancel = cancel if cancel is not None else threading.Event()
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.done_before_file = 0
        self.meter = _RateMeter()
        self.last_report = 0.0
        self.aborter: _SocketAborter | None = None

    # -- progress -------------------------------------------------------------------
    def report(self, index: int, file: RemoteFile, file_done: int, url: str, rate: float,
               force: bool = False):
        if self.progress is None:
            return
        now = time.monotonic()
        if not force and now - self.last_report < 0.1:
            return
        self.last_report = now
        total = self.entry.total_size
        done = min(total, self.done_before_file + file_done)
        eta = (total - done) / rate if rate > 0 else None
        self.progress(
            DownloadProgress(
                dataset=self.entry.key, file=file.name, file_index=index,
                n_files=len(self.entry.files), done=done, total=total, rate=rate, eta=eta, url=url,
            )
        )

    def check_cancel(self):
        if self.cancel.is_set():
            raise coded(DownloadCancelled, "download_cancelled", Term(self.entry.title))

    # -- one file -------------------------------------------------------------------
    def fetch_file(self, index: int, file: RemoteFile, part_dir: Path, mirrors: list[str]) -> str:
        """Fetch ``file`` into ``part_dir`` and verify it; return the mirror that worked."""
        final = part_dir / file.name
        partial = part_dir / (file.name + ".part")
        failures: list[Message] = []
        for mirror in mirrors:
            url = mirror + file.name
            for attempt in range(self.attempts):
                self.check_cancel()
                try:
                    self._fetch_once(index, file, url, partial)
                except DownloadCancelled:
                    raise
                except urllib.error.HTTPError as exc:
                    failures.append(Message("attempt_http", url, exc.code, exc.reason))
                    partial.unlink(missing_ok=True)
                    break  # the server answered: asking again will not help, try the next mirror
                except (OSError, http.client.HTTPException, _ShortRead) as exc:
                    failures.append(Message("attempt_retry", url, attempt + 1, _describe(exc)))
                    if attempt + 1 < self.attempts and self.backoff > 0:
                        if self.cancel.wait(self.backoff * (attempt + 1)):
                            self.check_cancel()
                    continue  # retry this mirror; the partial file is resumed
                size = partial.stat().st_size
                if size != file.size:
                    failures.append(Message("attempt_wrong_size", url, f"{size:,}",
                                            f"{file.size:,}"))
                    partial.unlink(missing_ok=True)
                    break
                md5 = _md5(partial)
                if md5 != file.md5:
                    failures.append(Message("attempt_md5", url, md5, file.md5))
                    partial.unlink(missing_ok=True)
                    break
                os.replace(partial, final)
                return mirror
        # A partial file left by a dropped connection stays: the next attempt resumes it.
        n_files = len(self.entry.files)
        attempts = Lines(failures)
        if n_files == 1:
            raise coded(DownloadError, "download_failed_one", file.name, Term(self.entry.title),
                        attempts)
        raise coded(DownloadError, "download_failed_many", file.name, Term(self.entry.title),
                    attempts, n_files)

    def _fetch_once(self, index: int, file: RemoteFile, url: str, partial: Path) -> None:
        have = partial.stat().st_size if partial.exists() else 0
        if have >= file.size:  # a finished or over-long partial file: start again cleanly
            partial.unlink()
            have = 0
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        if have:
            request.add_header("Range", f"bytes={have}-")
        try:
            response = urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 416 and have:  # our partial file does not fit this server's copy
                partial.unlink()
                raise _ShortRead(Message("attempt_no_resume")) from None
            raise
        with response:
            if self.aborter is not None:
                self.aborter.attach(response)
            try:
                self.check_cancel()
                self._read_body(index, file, url, partial, response, have)
            finally:
                if self.aborter is not None:
                    self.aborter.detach()

    def _read_body(self, index, file, url, partial, response, have) -> None:
        """Write ``response``'s body to ``partial`` (appending after ``have`` bytes on a 206)."""
        if have and response.status == 206:
            if _range_start(response) != have:  # resumed somewhere else: start again
                partial.unlink()
                raise _ShortRead(Message("attempt_resumed_elsewhere"))
            mode = "ab"
        else:  # no partial file, or the server ignored the Range header: from the start
            have, mode = 0, "wb"
        length = response.headers.get("Content-Length")
        expected = have + int(length) if length is not None else None
        with open(partial, mode) as out:
            received = have
            self.report(index, file, received, url, 0.0, force=True)
            while True:
                self.check_cancel()
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                out.write(chunk)
                received += len(chunk)
                rate = self.meter.add(len(chunk))
                self.report(index, file, received, url, rate)
            out.flush()
            os.fsync(out.fileno())
        self.check_cancel()  # a cancel aborts the socket: the body then ends early
        if expected is not None and received < expected:
            raise _ShortRead(Message("attempt_connection_closed", f"{received:,}",
                                     f"{expected:,}"))


class _ShortRead(Exception):
    """The body ended before Content-Length: retried, resuming where it stopped."""


def _range_start(response) -> int | None:
    value = response.headers.get("Content-Range", "")  # "bytes 100-199/200"
    try:
        return int(value.split()[1].split("-")[0])
    except (IndexError, ValueError):
        return None


#: The operating system's common reasons a connection fails, by errno.
_REASONS = {errno.ECONNREFUSED: "reason_refused", errno.ENETUNREACH: "reason_unreachable",
            errno.EHOSTUNREACH: "reason_unreachable", errno.ETIMEDOUT: "reason_timed_out",
            errno.ECONNRESET: "reason_reset"}


def _reason(reason) -> Message | str:
    """Why a connection failed, for ``cannot connect (%1)``: the common reasons (refused, name
    not found, network unreachable, timed out, reset, an unverified certificate) as coded
    words; a rarer one as its own (English) text."""
    if isinstance(reason, ssl.SSLCertVerificationError):
        return Message("reason_certificate")
    if isinstance(reason, socket.gaierror):
        return Message("reason_name_unknown")
    if isinstance(reason, TimeoutError):
        return Message("reason_timed_out")
    if isinstance(reason, OSError) and reason.errno in _REASONS:
        return Message(_REASONS[reason.errno])
    return str(reason) or type(reason).__name__


def _describe(exc: BaseException) -> Message | str:
    """Why one attempt failed: a coded sentence, or the exception's own (English) text for a
    rarer failure."""
    if isinstance(exc, _ShortRead) and isinstance(exc.args[0], Message):
        return exc.args[0]
    if isinstance(exc, urllib.error.URLError):
        return Message("attempt_cannot_connect", _reason(exc.reason))
    if isinstance(exc, TimeoutError):
        return Message("attempt_timed_out")
    if isinstance(exc, http.client.RemoteDisconnected):   # before ConnectionResetError
        return Message("reason_no_answer")
    if isinstance(exc, http.client.IncompleteRead):
        return Message("reason_incomplete")
    if isinstance(exc, http.client.HTTPException):
        return Message("reason_not_http", type(exc).__name__)
    return _reason(exc)


def download_dataset(
    name: str | CatalogueEntry,
    cache_dir: str | os.PathLike,
    *,
    progress: Callable[[DownloadProgress], None] | None = None,
    cancel: threading.Event | None = None,
    mirrors: list[str] | None = None,
    timeout: float = 20.0,
    attempts: int = 3,
    backoff: float = 1.0,
) -> Path:
    """Download the catalogue data set ``name`` into ``cache_dir`` and return its folder.

    Parameters
    ----------
    name : a catalogue key (``"mnist"``, ``"fashion-mnist"``, ``"kmnist"``) or an entry.
    cache_dir : the directory that holds downloaded sets (created if missing).
    progress : called with a :class:`DownloadProgress` at most 10 times a second, in the
        calling thread.
    cancel : set it from any thread to stop within one 64 KiB chunk
        (:class:`DownloadCancelled` is raised); a read stalled on a silent server is
        aborted within 0.05 s (the socket is shut down), a connection still waiting for the
        server's first answer ends with ``timeout``.
    mirrors : base URLs to use instead of the catalogue's (tests, a local mirror).
    timeout : seconds without an answer before a connection counts as failed.
    attempts : tries per mirror for connection errors (each resumes the partial file).
    backoff : seconds to wait before the second try, twice that before the third, ...

    Returns ``cache_dir/<key>`` holding the verified files. If it is already complete,
    nothing is fetched. Raises :class:`DownloadError` when a file fails on every mirror.
    """
    entry = _entry(name)
    cache = Path(cache_dir)
    final_dir = cache / entry.key
    if _is_complete(final_dir, entry):
        return final_dir
    if final_dir.exists():
        raise coded(DownloadError, "download_folder_incomplete", final_dir, Term(entry.title))
    part_dir = cache / (entry.key + ".part")
    part_dir.mkdir(parents=True, exist_ok=True)
    job = _Downloader(entry, progress, cancel, timeout, attempts, backoff)
    order = list(mirrors if mirrors is not None else entry.mirrors)
    try:
        with _SocketAborter(job.cancel) as job.aborter:
            _fetch_all(job, entry, part_dir, order)
    except DownloadError:
        if not any(part_dir.iterdir()):  # nothing worth keeping for a later attempt
            part_dir.rmdir()
        raise
    _write_attribution(part_dir, entry)
    os.replace(part_dir, final_dir)
    return final_dir


def _fetch_all(job: _Downloader, entry: CatalogueEntry, part_dir: Path, order: list[str]):
    """Fetch every file of ``entry`` missing from ``part_dir``, the mirror that worked first."""
    for index, file in enumerate(entry.files):
        target = part_dir / file.name
        if not (target.is_file() and target.stat().st_size == file.size):
            worked = job.fetch_file(index, file, part_dir, order)
            order.remove(worked)
            order.insert(0, worked)  # the next files start with the mirror that worked
        job.done_before_file += file.size
        job.report(index, file, 0, "", job.meter.add(0), force=True)


def _write_attribution(folder: Path, entry: CatalogueEntry) -> None:
    text = (
        f"{entry.title}\n{entry.description}\n\nHome page: {entry.homepage}\n"
        f"Licence: {entry.licence}\n{entry.attribution}\n\n"
        + "".join(f"{f.name}  {f.size} bytes  md5 {f.md5}\n" for f in entry.files)
    )
    with atomic_write(folder / "README.txt", "w", encoding="utf-8") as f:
        f.write(text)


def remove_cached(cache_dir: str | os.PathLike, name: str | CatalogueEntry) -> None:
    """Delete a cached data set and any unfinished download of it."""
    entry = _entry(name)
    for folder in (Path(cache_dir) / entry.key, Path(cache_dir) / (entry.key + ".part")):
        if folder.exists():
            shutil.rmtree(folder)
