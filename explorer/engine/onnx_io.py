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

from .onnx_common import IR_VERSION, OPSET, OnnxUnavailableError, require_onnx
from .onnx_export import export_onnx
from .onnx_import import load_onnx

__all__ = ["OnnxUnavailableError", "require_onnx", "export_onnx", "load_onnx", "IR_VERSION",
           "OPSET"]
