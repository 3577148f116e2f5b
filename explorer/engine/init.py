"""Weight initialisers: the textbook's normal(std), He and Xavier.

All three draw from a normal distribution centred on zero; they differ only in the standard
deviation, which depends on ``fan_in`` (the number of inputs one output unit sees: ``C*KH*KW``
for a convolution, ``in`` for a dense layer):

- ``"normal"``: a fixed ``std`` (the textbook's ``weight_init_std``, 0.01 by default);
- ``"he"``: ``sqrt(2 / fan_in)``, for ReLU networks (He et al. 2015);
- ``"xavier"``: ``sqrt(1 / fan_in)``, for sigmoid/tanh networks, as the textbook defines it
  (Glorot & Bengio's variant averages fan-in and fan-out).

Biases start at zero.
"""

from __future__ import annotations

import math

import numpy as np

INITS = ("normal", "he", "xavier")
DEFAULT_NORMAL_STD = 0.01


def init_std(method: str, fan_in: int, std: float | None = None) -> float:
    """The standard deviation ``method`` uses for a layer with ``fan_in`` inputs per unit."""
    if method == "normal":
        return DEFAULT_NORMAL_STD if std is None else float(std)
    if fan_in <= 0:
        raise ValueError(f"fan_in must be positive, got {fan_in}")
    if method == "he":
        return math.sqrt(2.0 / fan_in)
    if method == "xavier":
        return math.sqrt(1.0 / fan_in)
    raise ValueError(f"unknown weight initialisation {method!r}; choose one of {', '.join(INITS)}")


def init_weight(
    shape: tuple[int, ...],
    fan_in: int,
    rng: np.random.Generator,
    method: str = "he",
    std: float | None = None,
    dtype=np.float32,
) -> np.ndarray:
    """A weight array of ``shape`` drawn from ``N(0, init_std(method, fan_in, std)**2)``.

    Drawn in float64 then cast, so float32 and float64 models built from one seed agree.
    """
    scale = init_std(method, fan_in, std)
    return (rng.standard_normal(shape) * scale).astype(dtype)
