"""Evaluating a model on a data set's split: accuracy, loss, confusion matrix, predictions,
whole (:func:`evaluate`) or one chunk at a time (:func:`evaluation_steps`, so a driver can stop or
serve other work between chunks). Qt-free; ``explorer.training`` re-exports these names."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.data import Dataset, to_float
from explorer.engine.layers import SoftmaxCrossEntropy

__all__ = ["EVAL_CHUNK", "Evaluation", "evaluate", "evaluation_steps"]


@dataclass(eq=False)
class Evaluation:
    """Result of :func:`evaluate` on one split.

    accuracy, loss : floats (mean cross-entropy)
    confusion : (K, K) int64 for K classes, ``confusion[true, predicted]``
    predictions : (N,) int64 predicted classes; labels : (N,) int64 true classes
    """

    accuracy: float
    loss: float
    confusion: np.ndarray
    predictions: np.ndarray
    labels: np.ndarray

    @property
    def misclassified(self) -> np.ndarray:
        """Indices (into the split) of the images predicted wrongly, ascending."""
        return np.flatnonzero(self.predictions != self.labels)

    def __repr__(self) -> str:
        return (
            f"Evaluation(accuracy={self.accuracy:.4f}, loss={self.loss:.4f}, "
            f"n={len(self.labels)}, wrong={len(self.misclassified)})"
        )


#: Images per chunk of the trainer's end-of-epoch evaluation (between chunks it yields and
#: checks the stop flag: ~70 ms per chunk for mini_alexnet, a few ms for lenet5).
EVAL_CHUNK = 100


def evaluate(model, dataset: Dataset, split: str = "test", batch_size: int = 500) -> Evaluation:
    """Accuracy, mean cross-entropy, confusion matrix and predictions of ``model`` on a split."""
    steps = evaluation_steps(model, dataset, split, batch_size)
    while True:
        try:
            next(steps)
        except StopIteration as end:
            return end.value


def evaluation_steps(model, dataset: Dataset, split: str = "test", batch_size: int = EVAL_CHUNK):
    """:func:`evaluate` one chunk at a time: a generator that yields ``(done, total)`` images
    after every chunk of ``batch_size`` and returns the :class:`Evaluation` (the value of its
    ``StopIteration``). The caller may stop between chunks or serve other work there."""
    images, labels = dataset.split(split)
    n = len(labels)
    predictions = np.empty(n, dtype=np.int64)
    loss_layer = SoftmaxCrossEntropy()
    total_loss = 0.0
    for start in range(0, n, batch_size):
        x = to_float(images[start : start + batch_size])
        y = labels[start : start + batch_size].astype(np.int64)
        logits = np.asarray(model.forward(x, training=False), dtype=np.float64)
        total_loss += loss_layer.forward(logits, y) * len(y)  # forward gives the batch mean
        predictions[start : start + len(y)] = logits.argmax(axis=1)
        yield start + len(y), n
    labels = labels.astype(np.int64)
    k = len(dataset.class_names)
    confusion = np.zeros((k, k), dtype=np.int64)
    np.add.at(confusion, (labels, predictions), 1)
    return Evaluation(
        accuracy=float(np.mean(predictions == labels)) if n else 0.0,
        loss=total_loss / max(n, 1),
        confusion=confusion,
        predictions=predictions,
        labels=labels,
    )
