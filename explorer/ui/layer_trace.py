"""What the Layers panel shows, computed without Qt: every layer's output for one image, the
filters, which layer is the feature vector, and how to lay a long vector out as a block.

`trace_for_panel` runs in the worker thread (``client.request``); the rest are small helpers
the panel and its tests use.
"""

from __future__ import annotations

from explorer.data.model_input import input_batch

__all__ = ["feature_vector_index", "shape_text", "trace_for_panel", "wrap_width"]


def trace_for_panel(image, model) -> dict:
    """Runs in the worker thread: every layer's output for one image and the conv filters.

    image : ndarray (H, W) grey or (H, W, 3) colour, float32 in [0, 1]. Returns ``outputs``:
    list of (layer name, array without the batch axis: (C, H, W) or (D,)); ``filters``:
    {layer name: (weight (F, C, KH, KW), bias (F,) or None)} for the top-level conv layers;
    ``summary``: the model's summary rows; ``model``: its name.
    """
    x = input_batch(image)
    outputs = [(name, out[0]) for name, out in model.trace(x)]
    params = model.parameters()
    filters = {}
    for layer in model.layers:
        w = params.get(f"{layer.name}.weight")
        if w is not None and w.ndim == 4:
            filters[layer.name] = (w, params.get(f"{layer.name}.bias"))
    return {"outputs": outputs, "filters": filters, "summary": model.summary(), "model": model.name}


def feature_vector_index(summary) -> int | None:
    """Index of the layer whose output the final classifier (the last Dense layer) reads."""
    dense = [i for i, row in enumerate(summary) if row.get("type") == "Dense"]
    if not dense or dense[-1] == 0:
        return None
    return dense[-1] - 1


def shape_text(shape) -> str:
    """``(6, 28, 28)`` as ``6×28×28``."""
    return "\u00d7".join(str(s) for s in shape)


def wrap_width(n: int) -> int:
    """Row width for showing a vector of n values as a compact block."""
    if n <= 60:
        return n
    best = max(d for d in range(1, 61) if n % d == 0)
    return best if best >= 16 else 50
