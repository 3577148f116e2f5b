"""The command line, driven through main(argv): train, evaluate, data list, and its errors."""

import io

import numpy as np
import pytest

from explorer.cli import ProgressPrinter, format_confusion, main
from explorer.engine import load_model
from explorer.training import BatchEvent, EpochEvent, FinishedEvent
from tests.cli_locale import english_cli  # noqa: F401 (autouse: the CLI speaks English here)


def test_train_then_evaluate_a_tiny_run(tmp_path, capsys):
    out = tmp_path / "m.npz"
    code = main(["train", "--model", "lenet5", "--epochs", "1", "--limit", "960", "--lr", "0.002",
                 "--batch-size", "32", "--seed", "1", "--augment", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert out.is_file()
    assert "epoch 1 [" in captured.err and "eta" in captured.err and "img/s" in captured.err
    assert "epoch 1/1: train loss" in captured.err
    assert f"saved {out}" in captured.out
    model = load_model(out)
    assert model.metadata["config"]["augment"] is True
    assert model.metadata["config"]["train_limit"] == 960
    accuracy = model.metadata["accuracy"]
    assert accuracy > 0.5  # 960 images, 1 epoch: well above chance (0.1)

    assert main(["evaluate", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"accuracy {accuracy:.2%}" in printed
    assert "mnist-subset test split (1000 images)" in printed
    rows = [line for line in printed.splitlines() if line[:1].isdigit()]
    assert len(rows) == 10
    assert sum(int(v) for row in rows for v in row.split()[1:]) == 1000


def test_data_list_shows_the_builtin_set(capsys):
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    assert "mnist-subset" in out and "resources/data/mnist-subset" in out


@pytest.mark.parametrize(
    "argv,message",
    [
        (["train", "--lr", "-1", "--out", "{tmp}/m.npz"], "learning rate must be a positive"),
        (["train", "--model", "resnet", "--out", "{tmp}/m.npz"], "unknown model 'resnet'"),
        (["train", "--data", "emnist", "--out", "{tmp}/m.npz"], "unknown data set 'emnist'"),
        (["train", "--out", "{tmp}/missing/m.npz"], "does not exist"),
        (["train", "--out", "{tmp}/m.txt"], "must end in .npz"),
        (["evaluate", "{tmp}/none.npz"], "cannot load"),
    ],
)
def test_errors_print_one_line_and_exit_2(tmp_path, capsys, argv, message):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.glob("*.npz"))


def test_evaluate_rejects_a_file_that_is_not_a_model(tmp_path, capsys):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file")
    assert main(["evaluate", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("error: cannot load")


def test_data_group_offers_download(capsys):
    assert main(["data", "--help"]) == 0
    out = capsys.readouterr().out
    assert "list" in out and "download" in out


def test_usage_errors_exit_2(capsys):
    assert main(["train"]) == 2  # --out is required
    assert "--out" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
    assert main(["--help"]) == 0


def test_progress_in_a_pipe_prints_a_line_per_tenth():
    stream = io.StringIO()
    printer = ProgressPrinter(stream)
    for b in range(100):
        printer(BatchEvent(0, b, 100, 1.0, 0.5, 1000.0, b * 0.1, (99 - b) * 0.1, 0.001))
    printer(EpochEvent(0, 1, 1.0, 0.5, 0.9, 0.75, 10.0))
    printer(FinishedEvent("completed", "done"))
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert len(lines) == 11 + 2
    assert lines[0].startswith("epoch 1 [") and "1/100" in lines[0] and "eta 0:10" in lines[0]
    assert "100/100" in lines[10] and "eta 0:00" in lines[10]
    assert lines[11] == (
        "epoch 1/1: train loss 1.0000 acc 50.00%, test loss 0.9000 acc 75.00% (10.0 s)"
    )
    assert lines[12] == "completed: done"


def test_progress_on_a_terminal_redraws_in_place():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    printer = ProgressPrinter(stream)
    printer(BatchEvent(0, 0, 2, 1.0, 0.5, 1000.0, 0.1, 0.1, 0.001))
    printer(BatchEvent(0, 1, 2, 1.0, 0.5, 1000.0, 0.2, 0.0, 0.001))
    text = stream.getvalue()
    assert text.startswith("\r") and text.count("\r") == 2 and "\n" not in text


def test_confusion_text_is_aligned():
    text = format_confusion(np.diag(np.arange(10)) * 100, [str(d) for d in range(10)])
    lines = text.splitlines()
    assert len(lines) == 11 and len({len(line) for line in lines[1:]}) == 1
    assert lines[10].split()[-1] == "900"
    header = format_confusion(np.eye(10, dtype=int), ["T-shirt/top"] * 10).splitlines()[0]
    assert header.split()[:2] == ["T-sh", "T-sh"]  # long names are cut, columns stay apart


def test_documented_command_matches_the_shipped_model():
    import re
    import shlex

    from explorer.cli import build_parser
    from explorer.engine import load_default_model
    from explorer.paths import MODELS

    readme = (MODELS / "README.md").read_text(encoding="utf-8")
    command = re.search(r"python main\.py (train .*)", readme).group(1)
    args = build_parser().parse_args(shlex.split(command))
    config = load_default_model().metadata["config"]
    assert args.out == "resources/models/default.npz"
    documented = {"model": args.model, "epochs": args.epochs, "batch_size": args.batch_size,
                  "lr": args.lr, "optimizer": args.optimizer, "seed": args.seed,
                  "augment": args.augment, "dataset": args.data, "train_limit": args.limit,
                  "lr_decay": args.lr_decay}
    assert documented == {key: config[key] for key in documented}
    accuracy = load_default_model().metadata["accuracy"]
    assert f"{accuracy:.2%}".replace("%", " %") in readme


def test_a_diverging_run_stops_with_exit_2_and_saves_nothing(tmp_path, capsys):
    """The CLI has nobody to lower the learning rate and resume: it ends the run and says why."""
    out = tmp_path / "m.npz"
    code = main(["train", "--model", "lenet5", "--epochs", "50", "--limit", "64", "--optimizer",
                 "sgd", "--lr", "1e39", "--batch-size", "16", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "error: Training diverged: a weight became NaN or infinite at epoch 1, batch 1" in err
    assert "Start again with a lower learning rate" in err
    assert not out.exists()


def _interrupting_printer(at_batches):
    """A ProgressPrinter that, at the given global batch counts ({count: presses}), calls the
    SIGINT handler the train command installed, as a Ctrl+C from the terminal would (no real
    signal is sent)."""
    import signal

    class Interrupting(ProgressPrinter):
        seen = 0

        def __call__(self, event):
            super().__call__(event)
            if isinstance(event, BatchEvent):
                Interrupting.seen += 1
                for _ in range(at_batches.get(Interrupting.seen, 0)):
                    handler = signal.getsignal(signal.SIGINT)
                    assert callable(handler) and handler is not signal.default_int_handler, \
                        "train did not install its own Ctrl+C handler"
                    handler(signal.SIGINT, None)

    return Interrupting


TINY_RUN = ["train", "--model", "simple_convnet", "--epochs", "3", "--limit", "256",
            "--batch-size", "32", "--seed", "2", "--eval-last-only"]


def test_first_ctrl_c_stops_cooperatively_and_saves_the_finished_epochs(tmp_path, capsys,
                                                                        monkeypatch):
    import signal

    before = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr("explorer.cli.ProgressPrinter", _interrupting_printer({11: 1}))
    out = tmp_path / "m.npz"
    assert main(TINY_RUN + ["--out", str(out)]) == 130
    captured = capsys.readouterr()
    assert "stopping after the current batch" in captured.err
    assert f"stopped by Ctrl+C after 1 complete epoch(s) of 3: saved {out}" in captured.out
    model = load_model(out)
    history = model.metadata["history"]
    assert history["finished"] == "stopped"
    assert len(history["epochs"]) == 1 and len(history["batch_loss"]) == 11  # 8 + 3 batches
    assert model.metadata["accuracy"] is None  # weights after the stop were never evaluated
    assert signal.getsignal(signal.SIGINT) is before


def test_second_ctrl_c_aborts_without_saving(tmp_path, capsys, monkeypatch):
    import signal

    before = signal.getsignal(signal.SIGINT)
    # two presses during batch 2, before the stop it asked for is honoured
    monkeypatch.setattr("explorer.cli.ProgressPrinter", _interrupting_printer({2: 2}))
    out = tmp_path / "m.npz"
    assert main(TINY_RUN + ["--out", str(out)]) == 130
    assert "interrupted: the model was not saved" in capsys.readouterr().err
    assert not out.exists()
    assert signal.getsignal(signal.SIGINT) is before


def test_evaluate_help_explains_the_model_file(capsys):
    assert main(["evaluate", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "MODEL_FILE a model saved by `train --out` or the app (.npz)" in help_text
