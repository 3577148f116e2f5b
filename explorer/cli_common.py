"""What every command-line module shares: the error type and the ``data`` subcommand registry.

``explorer.cli`` builds the parser; ``explorer.cli_data`` and ``explorer.cli_onnx`` add
commands to it. All three import this module and it imports none of them, so the imports run
one way (cli -> cli_data / cli_onnx -> cli_common). No Qt is imported.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["CliError", "DATA_COMMANDS", "register_data_command"]


class CliError(Exception):
    """A user mistake or bad input: printed as one line, exit status 2."""


#: Extra ``data`` subcommands: name -> (help, add_arguments(parser), run(args) -> int).
DATA_COMMANDS: dict[str, tuple[str, Callable, Callable]] = {}


def register_data_command(name: str, help: str, add_arguments: Callable, run: Callable) -> None:
    """Add ``python main.py data NAME`` (e.g. ``download``) without editing the parser."""
    DATA_COMMANDS[name] = (help, add_arguments, run)
