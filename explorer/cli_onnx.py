"""``python main.py export-onnx MODEL OUT.onnx``: write a model as an ONNX file.

::

    python main.py export-onnx resources/models/default.npz lenet5.onnx

The file opens in Netron and runs in onnxruntime: input ``"input"`` (N, C, H, W) float32 with
pixels in [0, 1], output ``"logits"`` (N, K). Needs the optional onnx package
(``pip install 'cnn-explorer[onnx]'``); without it, or for a bad model file, one line
``error: ...`` and exit status 2 (as every command). Added to ``explorer.cli``'s parser by
:func:`add_parser`; its words go through `explorer.cli_text.translate`.
"""

from __future__ import annotations

from pathlib import Path

from explorer.cli_common import CliError
from explorer.cli_text import error_text, translate
from explorer.ui.text import fill

__all__ = ["add_parser", "cmd_export_onnx"]


def cmd_export_onnx(args) -> int:
    from explorer.engine import load_model
    from explorer.engine.onnx_io import OPSET, export_onnx

    out = Path(args.out)
    if out.suffix.lower() != ".onnx":
        raise CliError(fill(translate("cli", "the output file %1 must end in .onnx"), out))
    try:
        model = load_model(args.model_file)
    except (OSError, ValueError) as exc:
        raise CliError(fill(translate("cli", "cannot load %1: %2"), args.model_file,
                            error_text(exc))) from None
    try:
        export_onnx(model, out)
    except (OSError, ValueError) as exc:  # OnnxUnavailableError is a ValueError too
        raise CliError(fill(translate("cli", "cannot export %1 to %2: %3"),
                            args.model_file, out, error_text(exc))) from None
    shape = ", ".join(str(s) for s in model.input_shape)
    n_classes = model.summary()[-1]["output_shape"][0]
    print(fill(translate("cli", "wrote %1: %2, %3 parameters, input (N, %4), output logits "
                                "(N, %5), ONNX opset %6"),
               out, model.name, f"{model.n_params:,}", shape, n_classes, OPSET))
    return 0


def add_parser(sub) -> None:
    """Add the ``export-onnx`` command to ``sub`` (the parser's subcommands)."""
    p = sub.add_parser(
        "export-onnx",
        help=translate("cli", "write a model as an ONNX file (Netron, onnxruntime, ...)"),
        description=translate(
            "cli", "Write a model (.npz, or .onnx) as an ONNX file: input 'input' (N, C, H, W) "
                   "float32 in [0, 1], output 'logits' (N, K). Needs the onnx package: "
                   "pip install 'cnn-explorer[onnx]'."))
    p.add_argument("model_file", metavar="MODEL_FILE",
                   help=translate("cli", "a model saved by `train --out` or the app, e.g. "
                                         "resources/models/default.npz"))
    p.add_argument("out", metavar="OUT_ONNX",
                   help=translate("cli", "the ONNX file to write (.onnx)"))
    p.set_defaults(run=cmd_export_onnx)
