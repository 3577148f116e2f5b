"""ONNX in and out: ``export_onnx(model, path)`` and ``load_onnx(path) -> Model``.

ONNX (onnx.ai) is the exchange format most tools read: Netron draws the graph, onnxruntime
runs it, PyTorch and others write it. The ``onnx`` package is optional (``pip install
'cnn-explorer[onnx]'``) and imported only when a function here is called; without it they raise
:class:`OnnxUnavailableError` with that advice.

- :func:`export_onnx` (:mod:`.onnx_export`) writes an engine model as an ONNX graph: input
  ``"input"`` (N, C, H, W) float32, output ``"logits"`` (N, K) (apply softmax for probabilities,
  as ``Model.predict_proba`` does).
- :func:`load_onnx` (:mod:`.onnx_import`) turns an ONNX graph of the operators the engine has
  into an engine :class:`~explorer.engine.models.Model` that can be saved as .npz and trained
  further; anything else is refused with a ValueError naming the operator and the node.
"""

from __future__ import annotations

__all__ = ["OnnxUnavailableError", "require_onnx", "export_onnx", "load_onnx", "IR_VERSION",
           "OPSET"]

#: What export_onnx writes: IR version 9 and the default-domain opset 17 (ONNX 1.12+), read by
#: every onnxruntime since 1.13 and by Netron.
IR_VERSION = 9
OPSET = 17

_ADVICE = "ONNX support needs the onnx package: pip install 'cnn-explorer[onnx]'"


class OnnxUnavailableError(ImportError, ValueError):
    """The optional ``onnx`` package is not installed (the message says how to get it).

    Also a ValueError, so that callers that report bad model files (the CLI's ``evaluate``,
    File > Open model) show this message in one line too."""


def require_onnx():
    """The ``onnx`` module; :class:`OnnxUnavailableError` when it is not installed."""
    try:
        import onnx
    except ImportError:
        raise OnnxUnavailableError(_ADVICE) from None
    return onnx


def export_onnx(model, path) -> None:
    """Write ``model`` to ``path`` as an ONNX file (atomically); see :mod:`.onnx_export`."""
    from .onnx_export import export_onnx as _export

    _export(model, path)


def load_onnx(path):
    """An engine Model from the ONNX file at ``path``; see :mod:`.onnx_import`."""
    from .onnx_import import load_onnx as _load

    return _load(path)
