"""Writing to widgets without hearing the echo: block several objects' signals at once."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager

from PySide6.QtCore import QSignalBlocker


@contextmanager
def blocked(*objects):
    """Block the signals of every object in ``objects`` while the ``with`` body runs (each
    object's previous blocked state comes back afterwards, also after an exception)."""
    with ExitStack() as stack:
        for obj in objects:
            stack.enter_context(QSignalBlocker(obj))
        yield
