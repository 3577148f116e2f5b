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

::

    with atomic_write(path, "w", encoding="utf-8") as f:   # a file object
        f.write(text)
    with atomic_path(path) as tmp:                         # a path, for writers that want one
        exporter.export(str(tmp))
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_write", "atomic_path"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new empty file next to ``target`` (mode 0o666 minus the umask): ``(fd, path)``.
    Hidden, and ending with ``target``'s suffix (writers that pick a format by it work)."""
    for _ in range(100):
        tmp = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp{target.suffix}")
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
