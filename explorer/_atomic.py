"""Atomic file writes that give the new file the permissions a plain ``open()`` would.

A file is written to a temporary file in the target's folder and renamed over the target only
when everything was written (and flushed to disk), so a crash or an error never leaves half a
file behind. ``tempfile.mkstemp`` would create that temporary file with mode 0600, making every
saved model or kernel set unreadable to other users; here it is created with
``os.open(..., 0o666)``, so the kernel applies the process umask exactly as for
``open(path, "w")`` (0644 with the usual umask 022). When the target exists already, the new
file keeps the old one's permission bits, as an in-place rewrite would.

Every atomic writer of the project uses this module (engine, data, kernels, curve export). It
is pure standard library: the Qt-free engine imports it.

A process killed while writing (``kill -9``, a power cut) leaves its temporary file behind:
``.NAME.XXXXXXXX.tmp.SUFFIX`` next to the target, hidden. Each new write to a target first
removes the stale temporary files *of that target*: exactly this name pattern (the target's
stem and suffix around 8 lowercase hex digits), regular files only (never a folder or a
symbolic link), and only those not modified for STALE_SECONDS. A write in progress keeps
touching its file, and ours finish in well under a second, so a file untouched for a minute
belongs to a writer that died; the age test (not a process id) also holds on shared folders
where another machine's process ids mean nothing. Files of other targets, and anything not
named by this module, are never touched.

::

    with atomic_write(path, "w", encoding="utf-8") as f:   # a file object
        f.write(text)
    with atomic_path(path) as tmp:                         # a path, for writers that want one
        exporter.export(str(tmp))
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_write", "atomic_path", "probe_writable", "remove_stale_temps", "STALE_SECONDS"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)

#: A temporary file of ours not modified for this long is left over from a killed writer.
STALE_SECONDS = 60.0


def _temp_name(target: Path, token: str) -> str:
    return f".{target.stem}.{token}.tmp{target.suffix}"


def remove_stale_temps(target: str | os.PathLike, now: float | None = None) -> list[Path]:
    """Delete the temporary files a killed writer left next to ``target`` (see the module
    docstring for which ones: our exact pattern, regular files, older than STALE_SECONDS).
    Returns the paths removed; files that vanish or cannot be removed meanwhile are skipped."""
    target = Path(target)
    pattern = re.compile(re.escape(f".{target.stem}.") + "[0-9a-f]{8}"
                         + re.escape(f".tmp{target.suffix}"))
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(target.parent if str(target.parent) else "."))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_SECONDS:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new empty file next to ``target`` (mode 0o666 minus the umask): ``(fd, path)``.
    Hidden, and ending with ``target``'s suffix (writers that pick a format by it work).
    Stale temporary files of earlier, killed writes to ``target`` are removed first."""
    remove_stale_temps(target)
    for _ in range(100):
        tmp = target.with_name(_temp_name(target, secrets.token_hex(4)))
        try:
            return os.open(tmp, _FLAGS, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file next to {target}")


def _keep_mode(tmp: Path, target: Path) -> None:
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return
    os.chmod(tmp, mode)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield the path of a new empty temporary file next to ``path``; when the block ends
    without an error it replaces ``path`` (else it is deleted and ``path`` is untouched).
    For writers that take a file name. The caller's writer must close the file itself."""
    target = Path(path)
    fd, tmp = _create_temp(target)
    os.close(fd)
    try:
        yield tmp
        _keep_mode(tmp, target)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "wb", *, encoding: str | None = None,
                 newline: str | None = None):
    """Yield a file object (``mode`` ``"wb"`` or ``"w"``) on a temporary file next to ``path``;
    when the block ends without an error the data is flushed to disk (fsync) and the file
    replaces ``path``. On an error the temporary file is deleted and ``path`` is untouched."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write writes whole files: mode 'w' or 'wb', got {mode!r}")
    target = Path(path)
    fd, tmp = _create_temp(target)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _keep_mode(tmp, target)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def probe_writable(path: str | os.PathLike, n_bytes: int = 0) -> None:
    """Check that a file of ``n_bytes`` can be written next to ``path`` the way
    :func:`atomic_write` would: create the same kind of temporary file, write ``n_bytes``
    zeros, flush them to disk and delete it. Raises the OSError met (read-only folder, full
    disk, ...); a probe left by a killed process is removed like any stale temporary file."""
    fd, tmp = _create_temp(Path(path))
    try:
        with os.fdopen(fd, "wb") as fh:
            chunk = bytes(min(n_bytes, 1 << 20))
            left = n_bytes
            while left > 0:
                left -= fh.write(chunk[:left])
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        tmp.unlink(missing_ok=True)
