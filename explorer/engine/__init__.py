"""The from-scratch NumPy CNN engine (no Qt): ops, layers, models, optimisers, model files.

    from explorer.engine import build_model, load_model, list_models
    model = build_model("lenet5", seed=0)           # float32; dtype=np.float64 works too
    probs = model.predict_proba(images)             # (N, 1, 28, 28) in [0, 1] -> (N, 10)
    loss, grads = model.loss_and_gradients(images, labels)

Submodules: ``functional`` (conv/pool/im2col ops), ``layers``, ``models``, ``optim``,
``init`` (weight initialisers), ``serialize`` (model files), ``fused`` (the fast path of
``Model``), ``blas`` (BLAS thread count).
"""

from . import blas, functional, fused, init, layers, models, optim, serialize
from .models import Model, build_model, describe_model, list_models
from .optim import OPTIMIZERS, make_optimizer
from .serialize import load_default_model, load_model

__all__ = [
    "Model",
    "build_model",
    "describe_model",
    "list_models",
    "load_model",
    "load_default_model",
    "make_optimizer",
    "OPTIMIZERS",
    "blas",
    "functional",
    "fused",
    "init",
    "layers",
    "models",
    "optim",
    "serialize",
]
