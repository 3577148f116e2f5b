"""Command line: ``python main.py train|evaluate|data ...`` (no Qt is imported).

::

    python main.py train --model lenet5 --epochs 10 --augment --out m.npz
    python main.py evaluate m.npz [--data fashion-mnist]
    python main.py data list

Progress goes to stderr (a redrawn bar on a terminal, a line per 10 % of an epoch otherwise);
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
        text = (
            f"epoch {ev.epoch + 1} [{bar}] {done}/{ev.n_batches} loss {ev.loss:.4f} "
            f"acc {ev.accuracy:.3f} {ev.images_per_s:,.0f} img/s "
            f"elapsed {format_duration(ev.elapsed)} eta {format_duration(ev.eta)}"
        )
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
        test = (
            f", test loss {ev.test_loss:.4f} acc {ev.test_accuracy:.2%}"
            if ev.test_accuracy is not None
            else ""
        )
        self._line(
            f"epoch {ev.epoch + 1}/{ev.epochs}: train loss {ev.train_loss:.4f} "
            f"acc {ev.train_accuracy:.2%}{test} ({ev.seconds:.1f} s)"
        )

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
        raise CliError(str(exc)) from None


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
        self.stream.write("\nstopping after the current batch; the model will be saved "
                          "(press Ctrl+C again to abort without saving)\n")
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
    """What went wrong, without the file name (which may be a hidden temporary file's)."""
    return exc.strerror or str(exc) or type(exc).__name__


def check_writable(out: Path, n_bytes: int = 0) -> None:
    """CliError unless a model file can be written at ``out``: not a folder, in an existing
    folder where a file of ``n_bytes`` can be created (a hidden probe file is written and
    removed: this catches read-only folders and, for sizes that do not fit, full disks)."""
    from explorer._atomic import probe_writable

    folder = out.parent
    if out.is_dir():
        raise CliError(f"cannot write {out}: it is a folder; give a file name ending in .npz")
    if not folder.is_dir():
        raise CliError(f"cannot write {out}: folder {folder} does not exist")
    if out.suffix != ".npz":
        raise CliError(f"the model file must end in .npz, got {out.name}")
    try:
        probe_writable(out, n_bytes)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {_os_reason(exc)} (folder {folder})") from None


def save_or_fallback(model, out: Path) -> Path:
    """Save ``model`` to ``out``; when that fails after a training run, save it to a
    timestamped file in the temp folder (else the current folder) so the run is not lost,
    then raise CliError naming ``out``, the reason and where the model is."""
    try:
        model.save(out)
        return out
    except (OSError, ValueError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else str(exc)
    name = f"{out.stem}-{time.strftime('%Y%m%d-%H%M%S')}.npz"
    for folder in (Path(tempfile.gettempdir()), Path.cwd()):
        try:
            model.save(folder / name)
        except (OSError, ValueError):
            continue
        raise CliError(f"cannot save the model to {out}: {reason}; it was saved to "
                       f"{folder / name} instead")
    raise CliError(f"cannot save the model to {out}: {reason}; saving it to the temp folder "
                   "and to the current folder failed too, so the trained model is lost")


def describe_run(model, dataset) -> str:
    """One sentence for the start of a run: what is trained on what."""
    return (f"training {model.name} ({len(model.layers)} layers, {model.n_params:,} parameters) "
            f"on {dataset.name} ({dataset.n_train:,} training and {dataset.n_test:,} test "
            "images)")


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
        raise CliError(str(exc).strip("'\"")) from None
    dataset = _load_data(args.data)
    # a model file is a little bigger than its arrays; probe with room for them before training
    check_writable(out, sum(p.nbytes for p in model.parameters().values()) + (64 << 10))
    err = sys.stderr
    err.write(
        f"{describe_run(model, dataset)}: {config.epochs} epoch(s), batch {config.batch_size}, "
        f"{config.optimizer} lr {config.lr:g}"
        + (f" x{config.lr_decay:g}/epoch" if config.lr_decay != 1 else "")
        + f", augment {'on' if config.augment else 'off'}, "
        f"seed {config.seed}\n"
    )
    trainer = Trainer(model, dataset, config, on_event=ProgressPrinter(err))
    try:
        with StopOnInterrupt(trainer, err):
            finished = trainer.run()
    except KeyboardInterrupt:
        err.write("\ninterrupted: the model was not saved\n")
        return 130
    if finished.reason == "diverged":
        raise CliError(finished.message)
    save_or_fallback(model, out)
    acc = model.metadata.get("accuracy")
    acc_text = f"{acc:.2%}" if acc is not None else "not measured"
    if finished.reason == "stopped":
        done = len(model.metadata.get("history", {}).get("epochs", []))
        print(f"stopped by Ctrl+C after {done} complete epoch(s) of {config.epochs}: "
              f"saved {out} ({model.n_params:,} parameters, test accuracy {acc_text}; "
              f"measure it with: python main.py evaluate {out})")
        return 130
    print(f"saved {out} ({model.n_params:,} parameters, test accuracy {acc_text})")
    return 0


def format_confusion(confusion: np.ndarray, class_names) -> str:
    """The confusion matrix as aligned text: rows are true classes, columns predictions."""
    width = max(5, len(str(int(confusion.max()))) + 1)
    short = [str(n)[: width - 1] for n in class_names]  # keep a space between columns
    label_w = max(len(str(n)) for n in class_names) + 1
    lines = [" " * label_w + "".join(s.rjust(width) for s in short) + "   (true \\ predicted)"]
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
        raise CliError(f"cannot load {args.model_file}: {exc}") from None
    data = args.data or model.metadata.get("dataset") or BUILTIN_NAME
    if not isinstance(data, str):
        raise CliError(f"{args.model_file} names its data set as {data!r}, not a name or "
                       "folder; choose one with --data")
    dataset = _load_data(data)
    try:
        result = evaluate(model, dataset, "test")
    except ValueError as exc:  # e.g. a model made for other image sizes than the data set's
        raise CliError(f"cannot evaluate {args.model_file} on {dataset.name}: {exc}") from None
    print(f"{model.name} ({len(model.layers)} layers, {model.n_params:,} parameters) on "
          f"{dataset.name} test split ({len(result.labels)} images)")
    print(f"accuracy {result.accuracy:.2%}  loss {result.loss:.4f}  "
          f"wrong {len(result.misclassified)}")
    print(format_confusion(result.confusion, dataset.class_names))
    return 0


def cmd_data_list(args) -> int:
    from explorer.data.cache import cache_dir
    from explorer.data.datasets import SOURCES
    from explorer.paths import RESOURCES

    for name, source in SOURCES.items():
        folder = source.locate()
        if folder is None:
            where = "not installed" + (f" ({source.hint})" if source.hint else "")
        else:  # built in (shipped), downloaded (cache folder) or installed (by the system)
            kind = ("built in" if folder.resolve().is_relative_to(RESOURCES.resolve())
                    else "downloaded" if folder.resolve().is_relative_to(cache_dir().resolve())
                    else "installed")
            where = f"{kind}: {folder}"
        print(f"{name:16s} {source.title}\n{'':16s} {where}")
    return 0


# --- parser -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    from explorer.data import BUILTIN_NAME
    from explorer.engine import OPTIMIZERS, list_models

    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="CNN Explorer command line: train and evaluate models, manage data sets. "
        "Run without a command to open the app.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    train = sub.add_parser(
        "train",
        help="train a model and save it as .npz",
        description="Train a network on a data set's training split and save it as .npz. "
        "The shipped model was made with: python main.py train --model lenet5 --epochs 30 "
        "--batch-size 32 --lr 0.002 --lr-decay 0.9 --optimizer adam --seed 0 --augment "
        "--out resources/models/default.npz",
    )
    train.add_argument("--model", default="lenet5",
                       help=f"architecture: {', '.join(list_models())}")
    train.add_argument("--epochs", type=int, default=10, help="passes over the data (default 10)")
    train.add_argument("--batch-size", type=int, default=64, help="images per step (default 64)")
    train.add_argument("--lr", type=float, default=0.001, help="learning rate (default 0.001)")
    train.add_argument("--lr-decay", type=float, default=1.0,
                       help="multiply the learning rate by this after every epoch (default 1)")
    train.add_argument("--optimizer", default="adam", choices=list(OPTIMIZERS),
                       help="update rule (default adam)")
    train.add_argument("--weight-decay", type=float, default=0.0,
                       help="L2 penalty on the weights (default 0)")
    train.add_argument("--init", default=None, help="weight init: normal, he or xavier")
    train.add_argument("--weight-init-std", type=float, default=None, help="std for --init normal")
    train.add_argument("--dropout", type=float, default=None, help="rate of every Dropout layer")
    train.add_argument("--augment", action=argparse.BooleanOptionalAction, default=False,
                       help="random shift/rotation/scale/stroke thickness (default off)")
    train.add_argument("--seed", type=int, default=0,
                       help="seeds the initial weights, batch order and augmentation (default 0)")
    train.add_argument("--data", default=BUILTIN_NAME, help="data set name or IDX folder")
    train.add_argument("--limit", type=int, default=None,
                       help="use only the first N training images")
    train.add_argument("--eval-last-only", action="store_true",
                       help="evaluate on the test split only after the last epoch")
    train.add_argument("--out", required=True, help="model file to write (.npz)")
    train.set_defaults(run=cmd_train)

    ev = sub.add_parser("evaluate", help="accuracy and confusion matrix on the test split")
    ev.add_argument("model_file", metavar="MODEL_FILE",
                    help="a model saved by `train --out` or the app (.npz), e.g. "
                    "resources/models/default.npz")
    ev.add_argument("--data", default=None,
                    help="data set name or IDX folder (default: the one it was trained on)")
    ev.set_defaults(run=cmd_evaluate)
    cli_onnx.add_parser(sub)  # "export-onnx" (issue 15)

    data = sub.add_parser("data", help="data sets")
    data_sub = data.add_subparsers(dest="data_command", required=True, metavar="DATA_COMMAND")
    data_sub.add_parser("list", help="the known data sets and where they are").set_defaults(
        run=cmd_data_list
    )
    cli_data.register()  # adds "data download" (issue 7)
    for name, (help_text, add_arguments, run) in DATA_COMMANDS.items():
        p = data_sub.add_parser(name, help=help_text)
        add_arguments(p)
        p.set_defaults(run=run)
    return parser


def main(argv=None) -> int:
    """Run one command; returns the exit status (0 ok, 2 error, 130 interrupted)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse printed its usage message already
        return int(exc.code or 0)
    try:
        return int(args.run(args))
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `python main.py evaluate m.npz | head`: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush stays quiet
        return 0
