"""File > Export as ONNX's worker job and the words for a model file that could not be opened
or written (File > Open model / Export as ONNX): the engine's own message, then what to do.

The advice depends on facts, not on the message's wording: whether the file is an ONNX file
(its name) and whether the optional ``onnx`` package is installed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from explorer.ui.text import fill

__all__ = ["export_advice", "export_onnx_file", "model_file_advice", "onnx_installed"]

translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


def onnx_installed() -> bool:
    """Whether the optional ``onnx`` package can be imported."""
    from explorer.engine.onnx_io import OnnxUnavailableError, require_onnx

    try:
        require_onnx()
    except OnnxUnavailableError:
        return False
    return True


def export_onnx_file(path, model):
    """Worker job: write ``model`` to ``path`` as ONNX (atomically, by the engine); returns
    (path, the input shape as "C x H x W")."""
    from explorer.engine.onnx_io import export_onnx

    export_onnx(model, path)
    return path, " x ".join(str(s) for s in model.input_shape)


def _install_advice(message: str) -> str:
    return fill(translate(
        "MainWindow", "%1\n\nInstall the onnx package (pip install 'cnn-explorer[onnx]', or pip "
                      "install onnx) and try again. The live model was not changed."), message)


def model_file_advice(message: str, path: str) -> str:
    """The message box text when the model file ``path`` could not be opened."""
    if Path(path).suffix.lower() == ".onnx":
        if not onnx_installed():
            return _install_advice(message)
        return fill(translate(
            "MainWindow", "%1\n\nThe live model was not changed. CNN Explorer opens ONNX graphs "
                          "made of the layers it has (convolution, pooling, dense layers, the "
                          "usual activations); export your network without the operator named "
                          "above, or open a .npz model saved by CNN Explorer."), message)
    return fill(translate(
        "MainWindow", "%1\n\nThe live model was not changed. Pick a .npz file saved by CNN "
                      "Explorer (File > Save model as, or the Train tab's Save model) or an ONNX "
                      "file (.onnx)."), message)


def export_advice(message: str) -> str:
    """The message box text when File > Export as ONNX failed."""
    if not onnx_installed():
        return _install_advice(message)
    return fill(translate(
        "MainWindow", "The model could not be exported: %1\n\nChoose another folder or file "
                      "name."), message)
