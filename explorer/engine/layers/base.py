"""The :class:`Layer` base class and the spec helpers every layer shares."""

from __future__ import annotations

import numpy as np

__all__ = ["Layer"]


def _plain(value):
    """A pair ``(a, a)`` -> ``a`` so specs stay short; tuples -> lists (JSON)."""
    if isinstance(value, tuple):
        return value[0] if value[0] == value[1] else list(value)
    return value


def _padding_spec(padding):
    if isinstance(padding, str):
        return padding.lower()
    if isinstance(padding, (tuple, list)):
        return [list(p) if isinstance(p, (tuple, list)) else p for p in padding]
    return int(padding)


def _shape_str(a):
    return "x".join(str(s) for s in a.shape)


class Layer:
    """Base class: a named step of a network.

    Attributes
    ----------
    name : str, unique inside its model ("conv1", "relu1", ...)
    params : dict local name -> ndarray ("weight", "bias", "gamma", "beta")
    grads : dict with the same keys, filled by :meth:`backward`
    buffers : dict of non-trained state saved with the model (BatchNorm's running stats)
    """

    type_name = "Layer"
    #: Whether forward behaves differently in training (dropout, batch norm).
    has_training_mode = False

    def __init__(self, name: str | None = None):
        self.name = name or self.type_name.lower()
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.buffers: dict[str, np.ndarray] = {}

    # -- construction -------------------------------------------------------------------------
    def build(self, input_shape, rng: np.random.Generator, *, init="he", weight_init_std=None,
              dtype=np.float32) -> None:
        """Create the parameters for inputs of ``input_shape`` (no batch axis)."""

    def config(self) -> dict:
        """The constructor arguments (besides ``name``), JSON-able."""
        return {}

    def spec(self) -> dict:
        """JSON-able description: ``build_layer(layer.spec())`` rebuilds the layer."""
        return {"type": self.type_name, "name": self.name, **self.config()}

    # -- computation --------------------------------------------------------------------------
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, dout: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def output_shape(self, input_shape) -> tuple:
        return tuple(input_shape)

    @property
    def n_params(self) -> int:
        return int(sum(p.size for p in self.params.values()))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.config().items())
        shapes = ", ".join(f"{k}={_shape_str(v)}" for k, v in self.params.items())
        inner = ", ".join(s for s in (f"name={self.name!r}", args, shapes) if s)
        return f"{self.type_name}({inner})"

