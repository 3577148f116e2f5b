"""``python main.py export-onnx``: the file it writes, and its errors in one line."""

import sys

import pytest

from explorer.cli import main
from explorer.paths import DEFAULT_MODEL
from tests.cli_locale import english_cli  # noqa: F401 (autouse: the CLI speaks English here)


def test_export_then_evaluate_the_onnx_file_gives_the_same_accuracy(tmp_path, capsys):
    pytest.importorskip("onnx")
    out = tmp_path / "default.onnx"
    assert main(["export-onnx", str(DEFAULT_MODEL), str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}: lenet5, 61,706 parameters, input (N, 1, 28, 28)" in printed
    assert "logits (N, 10)" in printed and "opset 17" in printed
    assert main(["evaluate", str(DEFAULT_MODEL)]) == 0
    from_npz = capsys.readouterr().out
    assert main(["evaluate", str(out)]) == 0
    from_onnx = capsys.readouterr().out
    accuracy = [line for line in from_npz.splitlines() if line.startswith("accuracy")]
    assert accuracy and accuracy[0] in from_onnx


@pytest.mark.parametrize(("argv", "message"), [
    (["export-onnx", "missing.npz", "x.onnx"], "cannot load missing.npz"),
    (["export-onnx", str(DEFAULT_MODEL), "x.npz"], "must end in .onnx"),
])
def test_errors_print_one_line_and_exit_2(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_without_the_onnx_package_it_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    assert main(["export-onnx", str(DEFAULT_MODEL), str(tmp_path / "m.onnx")]) == 2
    err = capsys.readouterr().err
    assert "ONNX support needs the onnx package: pip install 'cnn-explorer[onnx]'" in err
    assert err.count("\n") == 1 and not (tmp_path / "m.onnx").exists()
    (tmp_path / "m.onnx").write_bytes(b"whatever")
    assert main(["evaluate", str(tmp_path / "m.onnx")]) == 2  # load_model: one line as well
    assert "pip install 'cnn-explorer[onnx]'" in capsys.readouterr().err
