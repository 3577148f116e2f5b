"""What crosses the thread boundary between the engine thread and the GUI: `ModelInfo` (what
the GUI shows about a model) and `detach` (copies, so a panel never holds an array the engine
thread still writes), plus `PendingRequests`, the thread-safe store of requests waiting for the
engine thread. Qt-free: `explorer.worker` is the bridge that uses them.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from explorer.data.datasets import N_CLASSES

__all__ = ["ModelInfo", "PendingRequests", "detach", "input_shape_of"]


@dataclass(frozen=True)
class ModelInfo:
    """What the GUI shows about a model: name, parameter count, accuracy (None if unknown),
    ``summary`` (the list of ``Model.summary()`` dicts), the file it came from (or None),
    ``trained`` (False for a freshly initialised network), a ``note`` for the user and the
    ``class_names`` of the data it learned (digits unless trained on e.g. Fashion-MNIST).
    ``edits``: the hand edits made to its weights since its accuracy was measured (the Kernel
    lab's ``metadata["edits"]``: dicts with ``layer``, ``filter``, ``channel``).
    ``timeline``: None for the live model; for a training run's weight snapshot shown instead
    of it (the timeline), that snapshot's label (``epoch``, -1 before training, ``accuracy``,
    ``step``...) with ``index``, ``count`` (snapshots kept) and ``epochs`` (of the run)."""

    name: str
    n_params: int
    accuracy: float | None
    summary: list = field(default_factory=list)
    path: str | None = None
    trained: bool = True
    note: str = ""
    class_names: tuple = tuple(str(d) for d in range(N_CLASSES))
    edits: tuple = ()
    timeline: dict | None = None

    @classmethod
    def of(cls, model, path=None, note="") -> ModelInfo:
        meta = getattr(model, "metadata", {}) or {}
        acc = meta.get("accuracy", meta.get("test_accuracy"))
        trained = bool(meta.get("trained", acc is not None or "history" in meta))
        return cls(
            name=str(model.name),
            n_params=int(model.n_params),
            accuracy=None if acc is None else float(acc),
            summary=copy.deepcopy(model.summary()),
            path=None if path is None else str(path),
            trained=trained,
            note=note,
            class_names=tuple(meta.get("class_names") or (str(d) for d in range(N_CLASSES))),
            edits=tuple(dict(e) for e in meta.get("edits") or ()),
            timeline=dict(meta["timeline"]) if meta.get("timeline") else None,
        )


def input_shape_of(info) -> tuple[int, int, int] | None:
    """The model's input ``(C, H, W)`` from its `ModelInfo` (None when unknown)."""
    summary = getattr(info, "summary", None) or []
    if not summary or "input_shape" not in summary[0]:
        return None
    shape = tuple(int(s) for s in summary[0]["input_shape"])
    return shape if len(shape) == 3 else None


def detach(obj: Any) -> Any:
    """A copy of ``obj`` safe to hand to another thread: arrays copied, containers rebuilt.

    Dataclass instances are copied field by field; other objects are returned as they are
    (strings, numbers and other immutable values need no copy)."""
    if isinstance(obj, np.ndarray):
        return obj.copy()
    if isinstance(obj, dict):
        return {k: detach(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        items = [detach(v) for v in obj]
        return type(obj)(*items) if hasattr(obj, "_fields") else tuple(items)
    if isinstance(obj, list):
        return [detach(v) for v in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: detach(getattr(obj, f.name))
                                           for f in dataclasses.fields(obj) if f.init})
    return obj


class PendingRequests:
    """Thread-safe store of requests waiting for the worker.

    Keys are topics for coalesced requests (a newer one replaces the older) and unique keys for
    model mutations. ``put`` returns True when the store was empty, i.e. the worker needs waking.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._items: OrderedDict[str, tuple] = OrderedDict()

    def put(self, key: str, item: tuple) -> bool:
        with self._lock:
            was_empty = not self._items
            self._items.pop(key, None)
            self._items[key] = item
            return was_empty

    def discard(self, predicate: Callable[[str], bool]) -> None:
        """Forget the pending items whose key satisfies ``predicate``."""
        with self._lock:
            for key in [k for k in self._items if predicate(k)]:
                del self._items[key]

    def take_all(self) -> list[tuple]:
        with self._lock:
            items = list(self._items.values())
            self._items.clear()
            return items

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __repr__(self) -> str:
        with self._lock:
            return f"PendingRequests({list(self._items)})"
