"""A training timeline: a snapshot of the weights after each epoch, within a memory cap (no Qt).

    timeline = WeightTimeline(max_bytes=64 * 2**20)
    for epoch ...:
        timeline.add(model, epoch=epoch, accuracy=acc)       # copies parameters + buffers
    old = timeline.model_at(0, model)                        # the network after epoch 0

A LeNet-5 snapshot is 0.25 MB. When the snapshots outgrow ``max_bytes`` the timeline drops
every other middle snapshot (it keeps every 2nd added, then every 4th, ...), so what is kept
stays evenly spaced over the run; the first and the newest are always kept. The memory used
stays between about half of the cap and the cap.
"""

from __future__ import annotations

import numpy as np

from .models import Model

__all__ = ["WeightTimeline"]


class WeightTimeline:
    """Snapshots of a model's weights (parameters and buffers) over training.

    max_bytes : the memory cap of all snapshots together (> 0); it must hold at least two
        (the first and the last), or :meth:`add` raises ValueError.
    Attributes: ``dropped`` (how many snapshots were dropped to stay under the cap), ``labels``
    (one dict per kept snapshot: ``epoch``, ``accuracy`` and any extra keys given to add),
    ``nbytes`` (the memory held), ``len(timeline)``.
    """

    def __init__(self, max_bytes: int = 64 * 2**20):
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, (int, np.integer)) or (
            max_bytes <= 0
        ):
            raise ValueError(f"WeightTimeline max_bytes must be a positive int, got {max_bytes!r}")
        self.max_bytes = int(max_bytes)
        self.clear()

    def __len__(self) -> int:
        return len(self._snapshots)

    def __repr__(self) -> str:
        return (f"WeightTimeline({len(self)} snapshots, {self.nbytes:,} of {self.max_bytes:,} "
                f"bytes, {self.dropped} dropped)")

    @property
    def labels(self) -> list[dict]:
        """One dict per kept snapshot, oldest first: ``{"epoch": ..., "accuracy": ..., ...}``."""
        return [dict(label) for label in self._labels]

    @property
    def nbytes(self) -> int:
        return int(sum(a.nbytes for snap in self._snapshots for a in snap.values()))

    def clear(self) -> None:
        """Forget every snapshot (e.g. when a new training run starts)."""
        self.dropped = 0
        self._snapshots: list[dict[str, np.ndarray]] = []
        self._labels: list[dict] = []
        self._order: list[int] = []  # the add() count of each kept snapshot
        self._added = 0
        self._stride = 1  # kept: every stride-th snapshot added, and the newest
        self._keys: tuple | None = None

    def add(self, model: Model, *, epoch, accuracy: float | None = None, **extra) -> int:
        """Copy the model's parameters and buffers as a new last snapshot; returns how many
        snapshots were dropped to stay under the cap by this call.

        Every snapshot must come from the same architecture (same names and shapes);
        ValueError otherwise, or when two snapshots of this model exceed ``max_bytes``.
        """
        snap = {f"param/{k}": v.copy() for k, v in model.parameters().items()}
        snap.update({f"buffer/{k}": v.copy() for k, v in model.buffers().items()})
        keys = tuple((k, v.shape, v.dtype.str) for k, v in snap.items())
        if self._keys is not None and keys != self._keys:
            raise ValueError(f"WeightTimeline holds snapshots of another architecture; "
                             f"{model.name}'s weights differ in names or shapes (clear() first)")
        size = sum(v.nbytes for v in snap.values())
        if 2 * size > self.max_bytes:
            raise ValueError(f"WeightTimeline max_bytes={self.max_bytes:,} cannot hold two "
                             f"snapshots (first and last) of {model.name}: one is {size:,} "
                             f"bytes")
        self._keys = keys
        before = len(self._snapshots)
        if self._order and self._order[-1] % self._stride:
            self._remove([len(self._order) - 1])  # the previous newest was off the grid
        self._snapshots.append(snap)
        label = {"epoch": epoch, "accuracy": None if accuracy is None else float(accuracy)}
        label.update(extra)
        self._labels.append(label)
        self._order.append(self._added)
        self._added += 1
        while len(self._snapshots) * size > self.max_bytes:
            self._stride *= 2
            last = len(self._order) - 1
            self._remove([i for i, o in enumerate(self._order) if o % self._stride and i < last])
        dropped = before + 1 - len(self._snapshots)
        self.dropped += dropped
        return dropped

    def relabel(self, index: int, **changes) -> None:
        """Update snapshot ``index``'s label (e.g. its accuracy, measured after it was added)."""
        self.weights_at(index)   # checks the index
        self._labels[int(index)].update(changes)

    def _remove(self, indices) -> None:
        for i in sorted(indices, reverse=True):
            for seq in (self._snapshots, self._labels, self._order):
                del seq[i]

    def weights_at(self, index: int) -> dict[str, np.ndarray]:
        """Snapshot ``index`` (negative counts from the end) as ``{"param/conv1.weight": arr,
        "buffer/...": arr}`` (the stored arrays: do not modify them)."""
        n = len(self._snapshots)
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not (
            -n <= index < n
        ):
            raise ValueError(f"snapshot index must be an int in {-n}..{n - 1} (the timeline "
                             f"holds {n}), got {index!r}")
        return self._snapshots[int(index)]

    def model_at(self, index: int, template_model: Model) -> Model:
        """A copy of ``template_model`` carrying snapshot ``index``'s weights and buffers
        (spec, metadata and settings come from the template; ``metadata["timeline"]`` is the
        snapshot's label)."""
        snap = self.weights_at(index)
        clone = template_model.copy()
        stores = {"param": clone.parameters(), "buffer": clone.buffers()}
        expected = {f"{kind}/{k}" for kind, store in stores.items() for k in store}
        if expected != set(snap):
            missing = sorted(expected ^ set(snap))[:3]
            raise ValueError(f"{template_model.name} does not match the timeline's "
                             f"architecture (differs at {', '.join(missing)})")
        for key, value in snap.items():
            kind, name = key.split("/", 1)
            target = stores[kind][name]
            if target.shape != value.shape:
                raise ValueError(f"{template_model.name} {name} has shape {target.shape}; the "
                                 f"timeline holds {value.shape}")
            target[...] = value
        clone.metadata["timeline"] = dict(self._labels[int(index)])
        return clone
