"""onnx's reference evaluator with a correct LRN, for the ONNX tests.

onnx 1.23's reference LRN (onnx/reference/ops/op_lrn.py) loops over the batch axis instead of
the channels: with fewer images than channels it leaves the last channels unnormalised, with
more it raises IndexError. This LRN follows the operator's specification:
``square_sum[n, c] = sum(x[n, i] ** 2 for i in [c - floor((size-1)/2), c + ceil((size-1)/2)])``,
``y = x / (bias + alpha / size * square_sum) ** beta``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

onnx_reference = pytest.importorskip("onnx.reference")
from onnx.reference.op_run import OpRun  # noqa: E402


class LRN(OpRun):
    op_domain = ""

    def _run(self, x, alpha=None, beta=None, bias=None, size=None):
        square_sum = np.zeros_like(x)
        channels = x.shape[1]
        before, after = math.floor((size - 1) / 2), math.ceil((size - 1) / 2)
        for c in range(channels):
            lo, hi = max(0, c - before), min(channels, c + after + 1)
            square_sum[:, c] = np.sum(x[:, lo:hi] ** 2, axis=1)
        return ((x / (bias + (alpha / size) * square_sum) ** beta).astype(x.dtype),)


def run_reference(path, x, input_name):
    """The graph at ``path`` run by onnx's reference evaluator (with the LRN above)."""
    evaluator = onnx_reference.ReferenceEvaluator(str(path), new_ops=[LRN])
    return evaluator.run(None, {input_name: x})[0]
