"""Command line: ``python main.py train|evaluate|data ...`` (of Qt, only QtCore is imported).

::

    python main.py train --model lenet5 --epochs 10 --augment --out m.npz
    python main.py evaluate m.npz [--data fashion-mnist]
    python main.py data list

``--lang zh_CN|en`` (anywhere before ``--``; default: the locale) chooses the language of the
messages and of ``--help`` (explorer/cli_text.py). Progress goes to stderr (a redrawn bar on a
terminal, a line per 10 % of an epoch otherwise);
results go to stdout. A wrong argument or a bad file prints one line ``error: ...`` and exits
with status 2, without a traceback. During ``train`` a first Ctrl+C asks the trainer to stop
after the current batch, then saves the model so far (``metadata["history"]["finished"]`` is
``"stopped"``) and exits 130; a second Ctrl+C aborts at once without saving (exit 130).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from explorer import cli_data, cli_onnx
from explorer.cli_common import DATA_COMMANDS, CliError, register_data_command
from explorer.cli_text import argparse_words, cli_language, error_text, set_language, translate
from explorer.language import SUPPORTED, normalize, split_lang_option
from explorer.ui.text import fill

__all__ = ["main", "build_parser", "register_data_command", "CliError"]


# --- progress ---------------------------------------------------------------------------------


class ProgressPrinter:
    """Prints training events as a progress bar with ETA to a text stream.

    On a terminal the bar is redrawn in place (at most 10 times a second); on a pipe or file it
    prints one line per tenth of an epoch, so logs stay readable.
    """

    def __init__(self, stream, width: int = 30):
        self.stream = stream
        self.width = width
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self._last_draw = 0.0
        self._last_tenth = -1

    def __call__(self, event) -> None:
        from explorer.training import BatchEvent, EpochEvent, FinishedEvent

        if isinstance(event, BatchEvent):
            self._batch(event)
        elif isinstance(event, EpochEvent):
            self._epoch(event)
        elif isinstance(event, FinishedEvent) and event.reason != "diverged":
            # a divergence ends the command with its one "error: ..." line instead
            self._line(f"{event.reason}: {event.message}")

    def _batch(self, ev) -> None:
        from explorer.training import format_duration

        done = ev.batch + 1
        frac = done / ev.n_batches
        filled = int(self.width * frac)
        bar = "#" * filled + "-" * (self.width - filled)
        text = fill(translate("cli", "epoch %1 [%2] %3/%4 loss %5 acc %6 %7 img/s elapsed %8 "
                                     "eta %9"),
                    ev.epoch + 1, bar, done, ev.n_batches, f"{ev.loss:.4f}", f"{ev.accuracy:.3f}",
                    f"{ev.images_per_s:,.0f}", format_duration(ev.elapsed),
                    format_duration(ev.eta))
        if self.tty:
            now = time.monotonic()
            if now - self._last_draw >= 0.1 or done == ev.n_batches:
                self._last_draw = now
                self.stream.write("\r" + text + "\x1b[K")
                self.stream.flush()
        else:
            tenth = int(frac * 10)
            if tenth != self._last_tenth and (tenth > 0 or ev.batch == 0):
                self._last_tenth = tenth
                self._line(text)
            if done == ev.n_batches:
                self._last_tenth = -1

    def _epoch(self, ev) -> None:
        if ev.test_accuracy is not None:
            self._line(fill(translate(
                "cli", "epoch %1/%2: train loss %3 acc %4, test loss %5 acc %6 (%7 s)"),
                ev.epoch + 1, ev.epochs, f"{ev.train_loss:.4f}", f"{ev.train_accuracy:.2%}",
                f"{ev.test_loss:.4f}", f"{ev.test_accuracy:.2%}", f"{ev.seconds:.1f}"))
        else:
            self._line(fill(translate("cli", "epoch %1/%2: train loss %3 acc %4 (%5 s)"),
                            ev.epoch + 1, ev.epochs, f"{ev.train_loss:.4f}",
                            f"{ev.train_accuracy:.2%}", f"{ev.seconds:.1f}"))

    def _line(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()


# --- commands ---------------------------------------------------------------------------------


def _load_data(name_or_path: str):
    from explorer.data import load_dataset

    try:
        return load_dataset(name_or_path)
    except (OSError, ValueError) as exc:
        raise CliError(error_text(exc)) from None


class StopOnInterrupt:
    """A SIGINT handler for a training run: the first Ctrl+C asks ``trainer`` to stop after
    the current batch (finished epochs are kept and saved), a second one raises
    KeyboardInterrupt (abort). Use as a context manager; it installs itself only in the main
    thread (signal handlers live there) and restores the previous handler on exit."""

    def __init__(self, trainer, stream):
        self.trainer, self.stream = trainer, stream
        self.interrupts = 0
        self._previous = None

    def __call__(self, signum=signal.SIGINT, frame=None) -> None:
        self.interrupts += 1
        if self.interrupts > 1:
            raise KeyboardInterrupt
        self.trainer.stop()
        self.stream.write("\n" + translate(
            "cli", "stopping after the current batch; the model will be saved (press Ctrl+C "
                   "again to abort without saving)") + "\n")
        self.stream.flush()

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None


def _os_reason(exc: OSError) -> str:
    """What went wrong, without the file name (which may be a hidden temporary file's); a
    coded error (e.g. the model's "folder does not exist", an OSError without ``strerror``)
    in the current language."""
    return exc.strerror or error_text(exc) or type(exc).__name__


def check_writable(out: Path, n_bytes: int = 0) -> None:
    """CliError unless a model file can be written at ``out``: not a folder, in an existing
    folder where a file of ``n_bytes`` can be created (a hidden probe file is written and
    removed: this catches read-only folders and, for sizes that do not fit, full disks)."""
    from explorer._atomic import probe_writable

    folder = out.parent
    if out.is_dir():
        raise CliError(fill(translate(
            "cli", "cannot write %1: it is a folder; give a file name ending in .npz"), out))
    if not folder.is_dir():
        raise CliError(fill(translate("cli", "cannot write %1: folder %2 does not exist"),
                            out, folder))
    if out.suffix != ".npz":
        raise CliError(fill(translate("cli", "the model file must end in .npz, got %1"),
                            out.name))
    try:
        probe_writable(out, n_bytes)
    except OSError as exc:
        raise CliError(fill(translate("cli", "cannot write %1: %2 (folder %3)"),
                            out, _os_reason(exc), folder)) from None


def save_or_fallback(model, out: Path) -> Path:
    """Save ``model`` to ``out``; when that fails after a training run, save it to a
    timestamped file in the temp folder (else the current folder) so the run is not lost,
    then raise CliError naming ``out``, the reason and where the model is."""
    try:
        model.save(out)
        return out
    except (OSError, ValueError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else error_text(exc)
    name = f"{out.stem}-{time.strftime('%Y%m%d-%H%M%S')}.npz"
    for folder in (Path(tempfile.gettempdir()), Path.cwd()):
        try:
            model.save(folder / name)
        except (OSError, ValueError):
            continue
        raise CliError(fill(translate(
            "cli", "cannot save the model to %1: %2; it was saved to %3 instead"),
            out, reason, folder / name))
    raise CliError(fill(translate(
        "cli", "cannot save the model to %1: %2; saving it to the temp folder and to the "
               "current folder failed too, so the trained model is lost"), out, reason))


def describe_run(model, dataset) -> str:
    """One sentence for the start of a run: what is trained on what."""
    return fill(translate("cli", "training %1 (%2 layers, %3 parameters) on %4 (%5 training and "
                                 "%6 test images)"),
                model.name, len(model.layers), f"{model.n_params:,}", dataset.name,
                f"{dataset.n_train:,}", f"{dataset.n_test:,}")


def cmd_train(args) -> int:
    from explorer.training import TrainConfig, Trainer, build_from_config

    out = Path(args.out)
    check_writable(out)
    try:
        config = TrainConfig(
            model=args.model,
            epochs=args.epochs,
            batch_size=args.batch_size,
            lr=args.lr,
            optimizer=args.optimizer,
            weight_decay=args.weight_decay,
            init=args.init,
            weight_init_std=args.weight_init_std,
            dropout=args.dropout,
            augment=args.augment,
            seed=args.seed,
            eval_each_epoch=not args.eval_last_only,
            dataset=args.data,
            train_limit=args.limit,
            lr_decay=args.lr_decay,
        )
        model = build_from_config(config)
    except (ValueError, KeyError) as exc:
        raise CliError(error_text(exc).strip("'\"")) from None
    dataset = _load_data(args.data)
    # a model file is a little bigger than its arrays; probe with room for them before training
    check_writable(out, sum(p.nbytes for p in model.parameters().values()) + (64 << 10))
    err = sys.stderr
    augment = translate("cli", "on") if config.augment else translate("cli", "off")
    if config.lr_decay != 1:
        settings = fill(translate(
            "cli", "%1: %2 epoch(s), batch %3, %4 lr %5 x%6/epoch, augment %7, seed %8"),
            describe_run(model, dataset), config.epochs, config.batch_size, config.optimizer,
            f"{config.lr:g}", f"{config.lr_decay:g}", augment, config.seed)
    else:
        settings = fill(translate(
            "cli", "%1: %2 epoch(s), batch %3, %4 lr %5, augment %6, seed %7"),
            describe_run(model, dataset), config.epochs, config.batch_size, config.optimizer,
            f"{config.lr:g}", augment, config.seed)
    err.write(settings + "\n")
    try:
        trainer = Trainer(model, dataset, config, on_event=ProgressPrinter(err))
    except ValueError as exc:   # the model and the data do not fit together
        raise CliError(str(exc)) from None
    try:
        with StopOnInterrupt(trainer, err):
            finished = trainer.run()
    except KeyboardInterrupt:
        err.write("\n" + translate("cli", "interrupted: the model was not saved") + "\n")
        return 130
    if finished.reason == "diverged":
        raise CliError(finished.message)
    save_or_fallback(model, out)
    acc = model.metadata.get("accuracy")
    acc_text = f"{acc:.2%}" if acc is not None else translate("cli", "not measured")
    if finished.reason == "stopped":
        done = len(model.metadata.get("history", {}).get("epochs", []))
        print(fill(translate(
            "cli", "stopped by Ctrl+C after %1 complete epoch(s) of %2: saved %3 (%4 parameters, "
                   "test accuracy %5; measure it with: python main.py evaluate %3)"),
            done, config.epochs, out, f"{model.n_params:,}", acc_text))
        return 130
    print(fill(translate("cli", "saved %1 (%2 parameters, test accuracy %3)"),
               out, f"{model.n_params:,}", acc_text))
    return 0


def format_confusion(confusion: np.ndarray, class_names) -> str:
    """The confusion matrix as aligned text: rows are true classes, columns predictions."""
    width = max(5, len(str(int(confusion.max()))) + 1)
    short = [str(n)[: width - 1] for n in class_names]  # keep a space between columns
    label_w = max(len(str(n)) for n in class_names) + 1
    lines = [" " * label_w + "".join(s.rjust(width) for s in short) + "   "
             + translate("cli", "(true \\ predicted)")]
    for name, row in zip(class_names, confusion):
        lines.append(str(name).ljust(label_w) + "".join(str(int(v)).rjust(width) for v in row))
    return "\n".join(lines)


def cmd_evaluate(args) -> int:
    from explorer.data import BUILTIN_NAME
    from explorer.engine import load_model
    from explorer.training import evaluate

    try:
        model = load_model(args.model_file)
    except (OSError, ValueError, KeyError) as exc:
        raise CliError(fill(translate("cli", "cannot load %1: %2"), args.model_file,
                            error_text(exc))) from None
    data = args.data or model.metadata.get("dataset") or BUILTIN_NAME
    if not isinstance(data, str):
        raise CliError(fill(translate(
            "cli", "%1 names its data set as %2, not a name or folder; choose one with --data"),
            args.model_file, repr(data)))
    dataset = _load_data(data)
    try:
        result = evaluate(model, dataset, "test")
    except ValueError as exc:  # e.g. a model made for other image sizes than the data set's
        raise CliError(fill(translate("cli", "cannot evaluate %1 on %2: %3"),
                            args.model_file, dataset.name, error_text(exc))) from None
    print(fill(translate("cli", "%1 (%2 layers, %3 parameters) on %4 test split (%5 images)"),
               model.name, len(model.layers), f"{model.n_params:,}", dataset.name,
               len(result.labels)))
    print(fill(translate("cli", "accuracy %1  loss %2  wrong %3"), f"{result.accuracy:.2%}",
               f"{result.loss:.4f}", len(result.misclassified)))
    print(format_confusion(result.confusion, dataset.class_names))
    return 0


def cmd_data_list(args) -> int:
    from explorer.data.cache import cache_dir
    from explorer.data.datasets import SOURCES
    from explorer.paths import RESOURCES

    for name, source in SOURCES.items():
        folder = source.locate()
        if folder is None:
            # the data module's words are translated in the app's "engine" context
            # (explorer/ui/engine_strings.py); one that is not listed there stays English
            where = (fill(translate("cli", "not installed (%1)"), translate("engine", source.hint))
                     if source.hint
                     else translate("cli", "not installed"))
        elif folder.resolve().is_relative_to(RESOURCES.resolve()):   # shipped
            where = fill(translate("cli", "built in: %1"), folder)
        elif folder.resolve().is_relative_to(cache_dir().resolve()):
            where = fill(translate("cli", "downloaded: %1"), folder)
        else:  # by the system
            where = fill(translate("cli", "installed: %1"), folder)
        print(f"{name:16s} {translate('engine', source.title)}\n{'':16s} {where}")
    return 0


# --- parser -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    """The parser, its texts in the current language (`explorer.cli_text.set_language`)."""
    from explorer.data import BUILTIN_NAME
    from explorer.engine import OPTIMIZERS, list_models

    parser = argparse.ArgumentParser(
        prog="python main.py",
        description=translate(
            "cli", "CNN Explorer command line: train and evaluate models, manage data sets. "
                   "Run without a command to open the app."),
    )
    parser.add_argument("--lang", choices=SUPPORTED, help=translate(
        "cli", "language of the messages and of this help (default: the locale, from "
               "LANGUAGE, LC_ALL, LC_MESSAGES or LANG)"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    train = sub.add_parser(
        "train",
        help=translate("cli", "train a model and save it as .npz"),
        description=translate(
            "cli", "Train a network on a data set's training split and save it as .npz. The "
                   "shipped model was made with: python main.py train --model lenet5 --epochs "
                   "30 --batch-size 32 --lr 0.002 --lr-decay 0.9 --optimizer adam --seed 0 "
                   "--augment --out resources/models/default.npz"),
    )
    train.add_argument("--model", default="lenet5", help=fill(
        translate("cli", "architecture: %1"), ", ".join(list_models())))
    train.add_argument("--epochs", type=int, default=10,
                       help=translate("cli", "passes over the data (default 10)"))
    train.add_argument("--batch-size", type=int, default=64,
                       help=translate("cli", "images per step (default 64)"))
    train.add_argument("--lr", type=float, default=0.001,
                       help=translate("cli", "learning rate (default 0.001)"))
    train.add_argument("--lr-decay", type=float, default=1.0, help=translate(
        "cli", "multiply the learning rate by this after every epoch (default 1)"))
    train.add_argument("--optimizer", default="adam", choices=list(OPTIMIZERS),
                       help=translate("cli", "update rule (default adam)"))
    train.add_argument("--weight-decay", type=float, default=0.0,
                       help=translate("cli", "L2 penalty on the weights (default 0)"))
    train.add_argument("--init", default=None,
                       help=translate("cli", "weight init: normal, he or xavier"))
    train.add_argument("--weight-init-std", type=float, default=None,
                       help=translate("cli", "std for --init normal"))
    train.add_argument("--dropout", type=float, default=None,
                       help=translate("cli", "rate of every Dropout layer"))
    train.add_argument("--augment", action=argparse.BooleanOptionalAction, default=False,
                       help=translate("cli", "random shift/rotation/scale/stroke thickness "
                                             "(default off)"))
    train.add_argument("--seed", type=int, default=0, help=translate(
        "cli", "seeds the initial weights, batch order and augmentation (default 0)"))
    train.add_argument("--data", default=BUILTIN_NAME,
                       help=translate("cli", "data set name or IDX folder"))
    train.add_argument("--limit", type=int, default=None,
                       help=translate("cli", "use only the first N training images"))
    train.add_argument("--eval-last-only", action="store_true", help=translate(
        "cli", "evaluate on the test split only after the last epoch"))
    train.add_argument("--out", required=True,
                       help=translate("cli", "model file to write (.npz)"))
    train.set_defaults(run=cmd_train)

    ev = sub.add_parser("evaluate", help=translate(
        "cli", "accuracy and confusion matrix on the test split"))
    ev.add_argument("model_file", metavar="MODEL_FILE", help=translate(
        "cli", "a model saved by `train --out` or the app (.npz), e.g. "
               "resources/models/default.npz"))
    ev.add_argument("--data", default=None, help=translate(
        "cli", "data set name or IDX folder (default: the one it was trained on)"))
    ev.set_defaults(run=cmd_evaluate)
    cli_onnx.add_parser(sub)  # "export-onnx" (issue 15)

    data = sub.add_parser("data", help=translate("cli", "data sets"))
    data_sub = data.add_subparsers(dest="data_command", required=True, metavar="DATA_COMMAND")
    data_sub.add_parser("list", help=translate(
        "cli", "the known data sets and where they are")).set_defaults(run=cmd_data_list)
    cli_data.register()  # adds "data download" (issue 7)
    for name, (help_text, add_arguments, run) in DATA_COMMANDS.items():
        # a registered help text is marked with QT_TRANSLATE_NOOP("cli", ...) where it is written
        p = data_sub.add_parser(name, help=translate("cli", help_text))
        add_arguments(p)
        p.set_defaults(run=run)
    return parser


def choose_cli_language(argv) -> tuple[list[str], str | None]:
    """Take ``--lang`` out of ``argv`` and speak its language (else the locale's); returns
    the other arguments and, for a ``--lang`` that names no language, the error to print."""
    option, rest = split_lang_option(argv)
    language = normalize(option) if option is not None else None
    set_language(cli_language(language))
    if option is not None and language is None:
        return rest, fill(translate("cli", "unknown language \u201c%1\u201d for --lang; choose "
                                           "one of: %2"), option, ", ".join(SUPPORTED))
    return rest, None


def main(argv=None) -> int:
    """Run one command; returns the exit status (0 ok, 2 error, 130 interrupted)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    argv, problem = choose_cli_language(argv)
    if problem:
        print(fill(translate("cli", "error: %1"), problem), file=sys.stderr)
        return 2
    with argparse_words():
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # argparse printed its usage message already
            return int(exc.code or 0)
    try:
        return int(args.run(args))
    except CliError as exc:
        print(fill(translate("cli", "error: %1"), exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(translate("cli", "interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `python main.py evaluate m.npz | head`: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush stays quiet
        return 0
