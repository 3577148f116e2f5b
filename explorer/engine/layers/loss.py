"""Softmax and the softmax cross-entropy loss (the textbook's SoftmaxWithLoss)."""

from __future__ import annotations

import numpy as np


__all__ = ["softmax", "SoftmaxCrossEntropy"]


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax of (N, K) logits, stable (the row maximum is subtracted first)."""
    z = logits - logits.max(axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


class SoftmaxCrossEntropy:
    """Softmax followed by the mean cross-entropy over the batch (the textbook's
    SoftmaxWithLoss), computed with log-sum-exp so large logits never overflow.

    forward(logits (N, K), labels (N,) ints or (N, K) one-hot/probabilities) -> float loss;
    backward() -> dlogits (N, K) = (softmax - target) / N.
    """

    def __init__(self):
        self._probs = None
        self._target = None

    def __repr__(self):
        return "SoftmaxCrossEntropy()"

    def forward(self, logits, labels) -> float:
        logits = np.asarray(logits)
        n, k = logits.shape
        labels = np.asarray(labels)
        if labels.ndim == 1:
            if labels.shape[0] != n:
                raise ValueError(f"got {labels.shape[0]} labels for {n} logits rows")
            if not np.issubdtype(labels.dtype, np.integer):
                raise ValueError(f"class labels must be integers, got dtype {labels.dtype}")
            if n and (labels.min() < 0 or labels.max() >= k):
                raise ValueError(f"labels must be in [0, {k}), got {labels.min()}..{labels.max()}")
            target = np.zeros_like(logits)
            target[np.arange(n), labels] = 1
        elif labels.shape == logits.shape:
            target = labels.astype(logits.dtype)
        else:
            raise ValueError(f"labels must be (N,) or {logits.shape}, got {labels.shape}")
        z = logits - logits.max(axis=1, keepdims=True)
        log_sum = np.log(np.exp(z).sum(axis=1, keepdims=True))
        log_probs = z - log_sum
        self._probs = np.exp(log_probs)
        self._target = target
        return float(-(target * log_probs).sum() / max(n, 1))

    @property
    def probs(self) -> np.ndarray | None:
        """Softmax (N, K) of the last ``forward`` (None before the first); each forward makes
        a new array and backward does not change it."""
        return self._probs

    def backward(self) -> np.ndarray:
        n = self._probs.shape[0]
        return (self._probs - self._target) / self._probs.dtype.type(max(n, 1))

