"""Bad input or a bug? One rule for every thread, Qt-free.

A ValueError or OSError is bad input or a file problem: its message says what went wrong and
what to do. Any other exception is a bug in the program: its traceback goes to the terminal,
where the details the user is asked to report are kept.
"""

from __future__ import annotations

import traceback

__all__ = ["is_bad_input", "print_if_bug"]


def is_bad_input(exc: BaseException) -> bool:
    """A ValueError or OSError: bad input or a file problem, whose message says what to do;
    any other exception is a bug in the program."""
    return isinstance(exc, (ValueError, OSError))


def print_if_bug(exc: BaseException) -> None:
    """Print the traceback being handled when ``exc`` is a bug (not bad input)."""
    if not is_bad_input(exc):
        traceback.print_exc()
