"""``python main.py data download NAME``: fetch a catalogue data set from the command line.

::

    python main.py data download mnist
    python main.py data download fashion-mnist --dir ~/datasets

Progress (bytes, rate, ETA) goes to stderr, redrawn in place on a terminal and one line per
tenth otherwise; the folder goes to stdout. Ctrl+C cancels (files already verified are kept,
the next run continues) and exits 130. Registered into ``explorer.cli``'s ``data`` group
with :func:`explorer.cli_common.register_data_command`; its words go through
`explorer.cli_text.translate` (of Qt, only QtCore is imported).
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP

from explorer.cli_common import CliError, register_data_command
from explorer.cli_text import error_text, translate
from explorer.ui.text import fill

__all__ = ["register", "cmd_data_download", "DownloadPrinter"]


class DownloadPrinter:
    """Prints `explorer.data.download.DownloadProgress` snapshots to a text stream."""

    def __init__(self, stream, width: int = 30):
        self.stream = stream
        self.width = width
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self._last_tenth = -1
        self._last_draw = 0.0

    def __call__(self, p) -> None:
        filled = int(self.width * p.fraction)
        text = fill(translate("cli", "%1 [%2] file %3/%4 %5"), p.dataset,
                    "#" * filled + "-" * (self.width - filled), p.file_index + 1, p.n_files,
                    p.describe())
        if self.tty:
            now = time.monotonic()
            if now - self._last_draw >= 0.1 or p.done == p.total:
                self._last_draw = now
                self.stream.write("\r" + text + "\x1b[K")
                self.stream.flush()
            return
        tenth = int(10 * p.fraction)
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self.stream.write(text + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _add_arguments(parser) -> None:
    from explorer.data.catalogue import CATALOGUE

    parser.add_argument("name", help=fill(translate("cli", "data set: %1"), ", ".join(CATALOGUE)))
    parser.add_argument("--dir", default=None,
                        help=translate("cli", "folder for downloaded sets (default: the app's "
                                              "data folder, or $CNN_EXPLORER_DATA_DIR)"))
    parser.add_argument("--quiet", action="store_true",
                        help=translate("cli", "no progress output"))


def cmd_data_download(args) -> int:
    from explorer.data.cache import cache_dir, set_cache_dir
    from explorer.data.catalogue import catalogue_entry
    from explorer.data.download import DownloadError, download_dataset, format_bytes, is_cached

    try:
        entry = catalogue_entry(args.name)
    except ValueError as exc:
        raise CliError(error_text(exc)) from None
    folder = set_cache_dir(args.dir) if args.dir else cache_dir()
    title = translate("engine", entry.title)  # the app's translation of the data module's words
    if is_cached(folder, entry):
        print(fill(translate("cli", "%1 is already downloaded: %2"), title, folder / entry.key),
              file=sys.stderr)
        print(folder / entry.key)
        return 0
    if not args.quiet:
        print(fill(translate("cli", "Downloading %1 (%2, %3) into %4"), title,
                   format_bytes(entry.total_size), entry.licence, folder), file=sys.stderr)
    printer = None if args.quiet else DownloadPrinter(sys.stderr)
    try:  # Ctrl+C stops it where it is; the .part folder keeps what was verified
        result = download_dataset(entry, folder, progress=printer)
    except DownloadError as exc:
        raise CliError(error_text(exc)) from None
    finally:
        if printer is not None:
            printer.close()
    if not args.quiet:
        print(translate("engine", entry.attribution), file=sys.stderr)
        print(fill(translate("cli", "Use it with: python main.py train --data %1 ..."),
                   entry.key), file=sys.stderr)
    print(result)
    return 0


def register() -> None:
    """Add ``data download`` to the CLI's ``data`` group (idempotent)."""
    register_data_command("download", QT_TRANSLATE_NOOP(
        "cli", "download MNIST, Fashion-MNIST or KMNIST (checked against the published MD5s; "
               "never fetched twice)"), _add_arguments, cmd_data_download)
