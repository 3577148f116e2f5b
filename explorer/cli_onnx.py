"""``python main.py export-onnx MODEL OUT.onnx``: write a model as an ONNX file.

::

    python main.py export-onnx resources/models/default.npz lenet5.onnx

The file opens in Netron and runs in onnxruntime: input ``"input"`` (N, C, H, W) float32 with
pixels in [0, 1], output ``"logits"`` (N, K). Needs the optional onnx package
(``pip install 'cnn-explorer[onnx]'``); without it, or for a bad model file, one line
``error: ...`` and exit status 2 (as every command). Added to ``explorer.cli``'s parser by
:func:`add_parser`; no Qt is imported.
"""

from __future__ import annotations

from pathlib import Path

from explorer.cli_common import CliError

__all__ = ["add_parser", "cmd_export_onnx"]


def cmd_export_onnx(args) -> int:
    from explorer.engine import load_model
    from explorer.engine.onnx_io import OPSET, export_onnx

    out = Path(args.out)
    if out.suffix.lower() != ".onnx":
        raise CliError(f"the output file {out} must end in .onnx")
    try:
        model = load_model(args.model_file)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot load {args.model_file}: {exc}") from None
    try:
        export_onnx(model, out)
    except (OSError, ValueError) as exc:  # OnnxUnavailableError is a ValueError too
        raise CliError(f"cannot export {args.model_file} to {out}: {exc}") from None
    shape = ", ".join(str(s) for s in model.input_shape)
    n_classes = model.summary()[-1]["output_shape"][0]
    print(f"wrote {out}: {model.name}, {model.n_params:,} parameters, input (N, {shape}), "
          f"output logits (N, {n_classes}), ONNX opset {OPSET}")
    return 0


def add_parser(sub) -> None:
    """Add the ``export-onnx`` command to ``sub`` (the parser's subcommands)."""
    p = sub.add_parser(
        "export-onnx", help="write a model as an ONNX file (Netron, onnxruntime, ...)",
        description="Write a model (.npz, or .onnx) as an ONNX file: input 'input' "
        "(N, C, H, W) float32 in [0, 1], output 'logits' (N, K). Needs the onnx package: "
        "pip install 'cnn-explorer[onnx]'.")
    p.add_argument("model_file", metavar="MODEL_FILE",
                   help="a model saved by `train --out` or the app, e.g. "
                   "resources/models/default.npz")
    p.add_argument("out", metavar="OUT_ONNX", help="the ONNX file to write (.onnx)")
    p.set_defaults(run=cmd_export_onnx)
