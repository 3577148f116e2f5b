"""How many threads NumPy's BLAS (OpenBLAS) uses for matrix products, read and set at run time.

On a busy machine (more runnable threads than cores) a multi-threaded OpenBLAS waits for its
helper threads on every product and a training step gets several times slower; one thread is
then the better choice, while an idle multi-core machine gains from more. The
``OPENBLAS_NUM_THREADS`` environment variable sets this before NumPy is imported; these
functions change it afterwards, through OpenBLAS's own ``openblas_set_num_threads``.

Best effort: when NumPy is linked to another BLAS, :func:`blas_threads` returns None and
:func:`set_blas_threads` returns False.
"""

from __future__ import annotations

import contextlib
import ctypes
import glob
import os

import numpy as np

__all__ = ["blas_threads", "set_blas_threads", "limited_blas_threads"]

_GET = ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
        "openblas_get_num_threads")
_SET = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_",
        "openblas_set_num_threads")
_lib = None
_searched = False


def _openblas():
    """The OpenBLAS shared library NumPy loaded (via its wheel's .libs folder), or None."""
    global _lib, _searched
    if _searched:
        return _lib
    _searched = True
    base = os.path.dirname(os.path.dirname(np.__file__))
    candidates = glob.glob(os.path.join(base, "numpy.libs", "*openblas*"))
    candidates += glob.glob(os.path.join(os.path.dirname(np.__file__), ".dylibs", "*openblas*"))
    for path in candidates:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        get = next((getattr(lib, n) for n in _GET if hasattr(lib, n)), None)
        set_ = next((getattr(lib, n) for n in _SET if hasattr(lib, n)), None)
        if get is not None and set_ is not None:
            get.restype = ctypes.c_int
            set_.argtypes = [ctypes.c_int]
            set_.restype = None
            _lib = (get, set_)
            break
    return _lib


def blas_threads() -> int | None:
    """Threads OpenBLAS uses now, or None when it cannot be found."""
    lib = _openblas()
    return None if lib is None else int(lib[0]())


def set_blas_threads(n: int) -> bool:
    """Make OpenBLAS use ``n`` (>= 1) threads; False when OpenBLAS cannot be found."""
    if int(n) < 1:
        raise ValueError(f"BLAS threads must be at least 1, got {n}")
    lib = _openblas()
    if lib is None:
        return False
    lib[1](int(n))
    return True


@contextlib.contextmanager
def limited_blas_threads(n: int):
    """``with limited_blas_threads(1): ...`` runs the block with ``n`` BLAS threads."""
    before = blas_threads()
    set_blas_threads(n)
    try:
        yield
    finally:
        if before is not None:
            set_blas_threads(before)
