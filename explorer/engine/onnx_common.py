"""What the ONNX modules share, importing none of them: the format versions written, the error
for a missing ``onnx`` package and the error for a graph the importer cannot take.

:mod:`.onnx_io` (the public entry points), :mod:`.onnx_export`, :mod:`.onnx_import` and
:mod:`.onnx_ops` all import this module, so their imports run one way
(onnx_io -> onnx_export / onnx_import -> onnx_ops -> onnx_common).
"""

from __future__ import annotations

from .messages import MessageError, Term

__all__ = ["OnnxUnavailableError", "OnnxGraphError", "node_error", "node_name", "require_onnx",
           "IR_VERSION", "OPSET"]

#: What export_onnx writes: IR version 9 and the default-domain opset 17 (ONNX 1.12+), read by
#: every onnxruntime since 1.13 and by Netron.
IR_VERSION = 9
OPSET = 17

class OnnxUnavailableError(MessageError, ImportError):
    """The optional ``onnx`` package is not installed (the message says how to get it).

    Also a ValueError, so that callers that report bad model files (the CLI's ``evaluate``,
    File > Open model) show this message in one line too."""


def require_onnx():
    """The ``onnx`` module; :class:`OnnxUnavailableError` when it is not installed."""
    try:
        import onnx
    except ImportError:
        raise OnnxUnavailableError("onnx_unavailable") from None
    return onnx


class OnnxGraphError(MessageError):
    """A problem with an ONNX graph being imported (a coded message: a ValueError whose
    ``code`` and ``values`` the UI translates); ``load_onnx`` adds the file name."""


def node_name(node):
    """How a message names ``node``: its name quoted, or the term "(unnamed)"."""
    return repr(node.name) if node.name else Term("(unnamed)")


def node_error(code: str, node, *values) -> OnnxGraphError:
    """The refusal ``code`` about ``node``: its ``%1 node %2`` are the node's operator and
    name, ``values`` fill ``%3``.."""
    return OnnxGraphError(code, node.op_type, node_name(node), *values)
