"""What defines a training run: :class:`TrainConfig` (JSON-able, validated) and
:func:`build_from_config`. Qt-free; ``explorer.training`` re-exports both names."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

from explorer.data import BUILTIN_NAME
from explorer.engine.optim import OPTIMIZERS

__all__ = ["TrainConfig", "build_from_config"]


@dataclass
class TrainConfig:
    """Everything that defines a training run (JSON-able via :meth:`to_dict`).

    model : architecture name (``explorer.engine.list_models()``) or a JSON spec dict
    epochs, batch_size : passes over the training split, images per mini-batch
    lr, optimizer, weight_decay : learning rate, ``sgd``/``momentum``/``adagrad``/``rmsprop``/
        ``adam``, L2 weight decay
    init, weight_init_std, dropout : passed to ``build_model`` (None: the architecture's default)
    augment : random shift/rotation/scale/thickness on every training batch
    seed : seeds the model's initial weights, the batch order and the augmentation
    eval_each_epoch : evaluate on the test split after every epoch (else only after the last)
    dataset : data set name or folder (``explorer.data.load_dataset``) for the CLI and the
        worker to load; the Trainer itself trains on the Dataset object it is given
    train_limit : use only the first N training images (None: all), for quick experiments
    lr_decay : at the end of every epoch the learning rate (whatever it is then, a value set
        while running included) is multiplied by this, in (0, 1]; 1 keeps it constant
    """

    model: str | dict = "lenet5"
    epochs: int = 5
    batch_size: int = 64
    lr: float = 0.001
    optimizer: str = "adam"
    weight_decay: float = 0.0
    init: str | None = None
    weight_init_std: float | None = None
    dropout: float | None = None
    augment: bool = False
    seed: int = 0
    eval_each_epoch: bool = True
    dataset: str = BUILTIN_NAME
    train_limit: int | None = None
    lr_decay: float = 1.0

    def __post_init__(self):
        self.validate()

    def validate(self) -> None:
        """Raise ``ValueError`` saying which setting is wrong and what is allowed."""
        if not (isinstance(self.epochs, int) and self.epochs >= 1):
            raise ValueError(f"epochs must be a whole number >= 1, got {self.epochs!r}")
        if not (isinstance(self.batch_size, int) and self.batch_size >= 1):
            raise ValueError(f"batch size must be a whole number >= 1, got {self.batch_size!r}")
        if not (math.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"learning rate must be a positive number, got {self.lr!r}")
        if str(self.optimizer).lower() not in OPTIMIZERS:
            raise ValueError(
                f"unknown optimizer {self.optimizer!r}; choose one of {', '.join(OPTIMIZERS)}"
            )
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            raise ValueError(f"weight decay must be >= 0, got {self.weight_decay!r}")
        if self.dropout is not None and not 0 <= self.dropout < 1:
            raise ValueError(f"dropout must be in [0, 1), got {self.dropout!r}")
        if not (math.isfinite(self.lr_decay) and 0 < self.lr_decay <= 1):
            raise ValueError(f"lr_decay must be in (0, 1] (1: constant), got {self.lr_decay!r}")
        if self.train_limit is not None and self.train_limit < 1:
            raise ValueError(f"train_limit must be >= 1 or None, got {self.train_limit!r}")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> TrainConfig:
        """Rebuild from :meth:`to_dict`; unknown keys raise ``ValueError`` naming them."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown training settings {unknown}; known: {sorted(known)}")
        return cls(**data)


def build_from_config(config: TrainConfig):
    """``build_model`` with the architecture, seed and init options of ``config``."""
    from explorer.engine import build_model

    return build_model(
        config.model,
        seed=config.seed,
        init=config.init,
        weight_init_std=config.weight_init_std,
        dropout=config.dropout,
    )
