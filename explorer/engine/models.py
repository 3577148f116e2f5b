"""Architectures by name and the :class:`Model` that runs them.

A model is an ordered list of named layers (``conv1``, ``relu1``, ``pool1``, ..., ``fc1``) plus
a softmax cross-entropy loss. Its architecture is a JSON-able spec::

    {"name": "lenet5", "input_shape": [1, 28, 28], "init": "he",
     "layers": [{"type": "Conv2D", "name": "conv1", "filters": 6, "kernel_size": 5,
                 "padding": 2}, {"type": "ReLU", "name": "relu1"}, ...]}

``build_model`` accepts a name from :func:`list_models`, such a dict, or just the list of layer
specs (names are filled in when missing).
"""

from __future__ import annotations

import copy as _copy
import json
import math

import numpy as np

from . import inference as _inference
from .init import INITS
from .messages import MessageError, cause
from .layers import (
    Conv2D,
    Dense,
    Dropout,
    Layer,
    SoftmaxCrossEntropy,
    build_layer,
)
from .architectures import _PREFIX, ARCHITECTURES, INPUT_SHAPE, describe_model, list_models
from .spec_limits import MAX_LAYERS, check_input_shape, plan_arrays
from .split import BatchSplit, min_split_batch, splittable

__all__ = ["Model", "ARCHITECTURES", "list_models", "describe_model", "build_model",
           "model_from_spec", "planned_arrays"]


class Model:
    """A network: layers in order, a loss, an architecture spec and metadata.

    Attributes: ``name``, ``spec`` (JSON-able), ``layers`` (list of Layer), ``input_shape``
    ((C, H, W): (1, 28, 28) for the grey built-ins, (3, 32, 32) for tiny_vgg and
    lenet5_colour; any shape a spec declares), ``dtype``, ``metadata`` (JSON-able dict saved
    with the model: accuracy, data set, history, ...), ``rng`` (the generator dropout draws from).

    A model keeps scratch buffers and what backward needs on its layers: use one model from
    one thread at a time (the app's worker owns the live one; training works on a copy()).
    """

    def __init__(self, spec: dict, layers: list[Layer], *, dtype=np.float32,
                 rng: np.random.Generator | None = None, metadata: dict | None = None):
        self.name = spec.get("name", "custom")
        self.layers = layers
        self.input_shape = tuple(spec.get("input_shape", INPUT_SHAPE))
        self.dtype = np.dtype(dtype)
        self._spec = spec
        self.metadata = dict(metadata or {})
        self.loss_layer = SoftmaxCrossEntropy()
        self.rng = rng if rng is not None else np.random.default_rng(0)
        self._fused = _fuse_plan(layers)
        #: Use the fused fast path (:mod:`explorer.engine.fused`) in forward and
        #: loss_and_gradients, and the inference path (:mod:`explorer.engine.inference`) in
        #: predict_proba and predict; False runs layer by layer (forward and gradients equal
        #: up to float rounding; for checking).
        self.fast = True
        #: Threads :meth:`loss_and_gradients` may use: with 2, a batch of
        #: :func:`~explorer.engine.split.min_split_batch` images or more (32 with the helper
        #: process, 64 without) is computed as two halves at once (:mod:`explorer.engine.split`;
        #: equal up to float rounding).
        self.threads = 1
        self._split = None

    # -- description --------------------------------------------------------------------------
    @property
    def spec(self) -> dict:
        """The architecture as a JSON-able dict (a copy)."""
        out = {k: v for k, v in self._spec.items() if k != "layers"}
        out["layers"] = [layer.spec() for layer in self.layers]
        out["dtype"] = self.dtype.name
        return _copy.deepcopy(out)

    @property
    def rng(self) -> np.random.Generator:
        return self._rng

    @rng.setter
    def rng(self, rng: np.random.Generator) -> None:
        """Set the generator of every dropout layer (e.g. a fixed one for reproducible runs)."""
        self._rng = rng
        for layer in _all_layers(self.layers):
            if isinstance(layer, Dropout):
                layer.rng = rng

    def parameters(self) -> dict[str, np.ndarray]:
        """``{"conv1.weight": array, ...}``: the live arrays; editing one edits the model."""
        return {f"{l.name}.{k}": v for l in self.layers for k, v in l.params.items()}

    def buffers(self) -> dict[str, np.ndarray]:
        """Non-trained state saved with the model: ``{"bn1.running_mean": array, ...}``."""
        return {f"{l.name}.{k}": v for l in _all_layers(self.layers) for k, v in l.buffers.items()}

    @property
    def n_params(self) -> int:
        return int(sum(p.size for p in self.parameters().values()))

    def summary(self) -> list[dict]:
        """One dict per layer: name, type, input_shape, output_shape, n_params."""
        rows, shape = [], self.input_shape
        for layer in self.layers:
            out = tuple(layer.output_shape(shape))
            rows.append({"name": layer.name, "type": layer.type_name, "input_shape": shape,
                         "output_shape": out, "n_params": layer.n_params})
            shape = out
        return rows

    def __repr__(self) -> str:
        return (f"Model({self.name!r}, {len(self.layers)} layers, {self.n_params:,} params, "
                f"{self.dtype.name})")

    # -- inference ----------------------------------------------------------------------------
    def _as_batch(self, x, check_range: bool = False) -> np.ndarray:
        """x as (N, C, H, W) in the model's dtype; (H, W) and (N, H, W) are accepted when C=1.

        Integer images (uint8 0..255 as stored in IDX files and drawn on canvases) are divided
        by 255; bool images become 0/1. With ``check_range`` (inference), float images must be
        in [0, 1] (a tolerance of 1e-3), the range the models were trained on: 0..255 floats
        would saturate every answer. Non-finite pixels always raise ValueError.
        """
        x = np.asarray(x)
        c, h, w = self.input_shape
        if x.ndim == 2 and c == 1:
            x = x[None, None]
        elif x.ndim == 3 and c == 1 and x.shape[1:] == (h, w):
            x = x[:, None]
        if x.ndim != 4 or x.shape[1:] != (c, h, w):
            raise MessageError("input_wrong_shape", self.name, f"(N, {c}, {h}, {w})",
                               tuple(x.shape))
        if x.shape[0] == 0:
            raise MessageError("input_empty", self.name)
        kind = x.dtype.kind  # dtype.kind, not np.issubdtype: ~1 us each at batch 1
        if kind in "iu":
            # 0..255 pixels -> [0, 1], as explorer.data.pixels_to_float does (times 1/255)
            x = x.astype(self.dtype) * self.dtype.type(1 / 255)
        elif kind == "b":
            x = x.astype(self.dtype)
        elif kind != "f":
            raise MessageError("input_not_numbers", str(x.dtype))
        elif x.dtype != self.dtype:
            x = x.astype(self.dtype)
        lo, hi = float(x.min()), float(x.max())  # NaN propagates; +-inf shows up here too
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise MessageError("input_not_finite")
        if check_range and kind == "f" and (hi > 1 + 1e-3 or lo < -1e-3):
            raise MessageError("input_out_of_range", f"{lo:g}", f"{hi:g}")
        return x

    #: Inference splits bigger batches into slices of this many images, so that evaluating a
    #: whole test set at once does not allocate gigabytes of im2col patches.
    max_batch = 512

    def forward(self, x, training: bool = False) -> np.ndarray:
        """Logits (N, 10) of images x (N, C, H, W); ``training`` turns on dropout/batch stats."""
        return self._forward_sliced(self._as_batch(x), training)

    def _forward_sliced(self, x, training):
        """Logits of a batch already checked by _as_batch, in slices of max_batch."""
        n, step = x.shape[0], self.max_batch
        if not training and n > step:
            parts = [self._forward(x[i : i + step], False) for i in range(0, n, step)]
            return np.concatenate(parts)
        return self._forward(x, training)

    def _forward(self, x, training):
        if self.fast and self._fused is not None:
            return self._fused.forward(x, training)
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def predict_proba(self, x) -> np.ndarray:
        """Class probabilities (N, K) of x (N, C, H, W) (:attr:`input_shape`): floats in
        [0, 1] or integers 0..255 (divided by 255). Floats outside [0, 1] raise ValueError.

        Runs the inference-only path of :mod:`explorer.engine.inference` (equal to
        :meth:`forward` up to float rounding; safe to call from several threads at once)."""
        return _inference.predict_proba(self, x)

    def predict(self, x) -> np.ndarray:
        """Predicted class (N,) int64 of x (N, C, H, W), as in :meth:`predict_proba`."""
        return _inference.predict(self, x)

    def trace(self, x) -> list[tuple[str, np.ndarray]]:
        """Every layer's output in order, as ``[(name, array copy), ...]`` (inference mode);
        x as in :meth:`predict_proba`."""
        x = self._as_batch(x, check_range=True)
        out = []
        for layer in self.layers:
            x = layer.forward(x, False)
            out.append((layer.name, np.array(x, copy=True, order="C")))
        return out

    # -- training -----------------------------------------------------------------------------
    def loss(self, x, labels, training: bool = False) -> float:
        """Mean softmax cross-entropy of the batch (labels (N,) ints)."""
        return self.loss_layer.forward(self.forward(x, training), labels)

    def loss_and_gradients(self, x, labels, training: bool = True, *, return_probs=False,
                           threads: int | None = None, meanwhile=None):
        """``(loss, {param_name: gradient})`` of the mean cross-entropy on one batch.

        The gradients are fresh arrays with the keys and shapes of :meth:`parameters`.
        With ``return_probs=True`` the result is ``(loss, grads, probs)``: ``probs`` (N, 10) is
        the batch's softmax from the same forward pass (dropout on when ``training``), a fresh
        array the model does not reuse, e.g. for the batch's accuracy without a second pass.
        ``threads`` (default :attr:`threads`): 2 splits a large enough batch of a model
        without dropout or batch norm into two halves computed on two threads.
        ``meanwhile``: a callable run on this thread once the second half of a split batch is
        on its way to the other core, before this thread's half (not called for a batch that
        is not split): work sent to the other core there is done right after that half.
        """
        x = self._as_batch(x)
        threads = self.threads if threads is None else threads
        split = None
        if (threads > 1 and x.shape[0] >= min_split_batch()
                and np.shape(labels)[:1] == x.shape[:1]):
            split = self._batch_split()
        if split is not None:
            loss, grads, probs = split.run(x, np.asarray(labels), training, meanwhile)
        else:
            loss, grads, probs = self._gradients(x, labels, training)
        if return_probs:
            return loss, grads, probs
        return loss, grads

    def _gradients(self, x, labels, training):
        """``(loss, grads, probs)`` of a batch already checked by _as_batch, on this thread."""
        if self.fast and self._fused is not None:
            logits = self._fused.forward(x, training, for_backward=True)
            loss = self.loss_layer.forward(logits, labels)
            self._fused.backward(self.loss_layer.backward())
        else:
            loss = self.loss_layer.forward(self.forward(x, training), labels)
            dout = self.loss_layer.backward()
            for i in range(len(self.layers) - 1, -1, -1):
                dout = _backward(self.layers[i], dout, need_input_grad=i > 0)
        grads = {f"{l.name}.{k}": v for l in self.layers for k, v in l.grads.items()}
        return loss, grads, self.loss_layer.probs

    def _batch_split(self):
        """The :class:`~explorer.engine.split.BatchSplit` of this model, made on first use;
        None for a model whose batches cannot be split (dropout, batch norm)."""
        if self._split is None:
            if not splittable(self):
                self._split = False
            else:
                replica = model_from_spec(self.spec, dtype=self.dtype, seed=0)
                self._split = BatchSplit(self, replica)
        return self._split or None

    def input_gradient(self, x, labels) -> np.ndarray:
        """Gradient of the loss with respect to the images (N, C, H, W) (a saliency map)."""
        x = self._as_batch(x)
        out = x
        for layer in self.layers:
            out = layer.forward(out, False)
        self.loss_layer.forward(out, labels)
        dout = self.loss_layer.backward()
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return np.ascontiguousarray(dout)

    # -- copies and files ---------------------------------------------------------------------
    def __getstate__(self) -> dict:
        """What `copy.deepcopy` and pickle take: everything but the inference path's per-thread
        scratch (a ``threading.local``, which cannot be copied; a copy builds its own)."""
        state = self.__dict__.copy()
        state.pop("_inference_local", None)
        return state

    def copy(self) -> Model:
        """A deep copy: weights, buffers, spec, metadata and the dropout generator's state
        (scratch buffers are not shared)."""
        clone = model_from_spec(self.spec, dtype=self.dtype, seed=0)
        for key, value in self.parameters().items():
            clone.parameters()[key][...] = value
        for key, value in self.buffers().items():
            clone.buffers()[key][...] = value
        clone.metadata = json.loads(json.dumps(self.metadata, default=_json_default))
        clone.fast, clone.max_batch, clone.threads = self.fast, self.max_batch, self.threads
        clone.rng = _copy.deepcopy(self.rng)  # same dropout masks from here on
        return clone

    def save(self, path) -> None:
        """Write the model to ``path`` (.npz, atomically); see :mod:`explorer.engine.serialize`.

        Delegates to the saver :mod:`explorer.engine.serialize` installs with
        :func:`set_saver` when it is imported (``explorer.engine`` imports it, and that package
        runs before this module can be used), so this module does not import serialize, which
        builds on it."""
        if _saver is None:
            raise RuntimeError("no model saver installed: import explorer.engine.serialize")
        _saver(self, path)


#: ``save_model(model, path)`` of :mod:`explorer.engine.serialize` (a late-bound hook: see
#: :meth:`Model.save`); None until serialize is imported.
_saver = None


def set_saver(save) -> None:
    """Make :meth:`Model.save` call ``save(model, path)``; serialize does this on import."""
    global _saver
    _saver = save


def _backward(layer, dout, need_input_grad):
    """Backward of one layer; the first layer's input gradient is skipped when it can be."""
    if not need_input_grad and isinstance(layer, (Conv2D, Dense)):
        return layer.backward(dout, need_input_grad=False)
    return layer.backward(dout)


def _all_layers(layers):
    for layer in layers:
        yield layer
        yield from getattr(layer, "sublayers", ())


def _json_default(obj):
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    raise TypeError(f"{type(obj).__name__} is not JSON-serialisable")


def _fuse_plan(layers):
    """The fused fast path (see :mod:`explorer.engine.fused`), or None: layer by layer."""
    from .fused import fuse

    return fuse(layers)


# ----------------------------------------------------------------------------------------------
# Building
# ----------------------------------------------------------------------------------------------


def _normalise_spec(name_or_spec) -> dict:
    if isinstance(name_or_spec, str):
        if name_or_spec not in ARCHITECTURES:
            raise MessageError("spec_unknown_model", repr(name_or_spec), ", ".join(ARCHITECTURES))
        arch = ARCHITECTURES[name_or_spec]
        spec = {"name": name_or_spec, "input_shape": list(INPUT_SHAPE),
                **{k: v for k, v in arch.items() if k != "description"}}
    elif isinstance(name_or_spec, (list, tuple)):
        spec = {"name": "custom", "layers": list(name_or_spec)}
    elif isinstance(name_or_spec, dict):
        spec = dict(name_or_spec)
        if "layers" not in spec:
            raise MessageError("spec_no_layers")
    else:
        raise MessageError("spec_wrong_type", type(name_or_spec).__name__)
    spec = _copy.deepcopy(spec)
    spec.setdefault("name", "custom")
    spec.setdefault("input_shape", list(INPUT_SHAPE))
    if not isinstance(spec["name"], str):
        raise MessageError("spec_name_not_text", repr(spec["name"]))
    spec["input_shape"] = check_input_shape(spec["input_shape"])
    for key in ("init", "description"):
        if spec.get(key) is not None and not isinstance(spec[key], str):
            raise MessageError("spec_key_not_text", repr(key), repr(spec[key]))
    if not isinstance(spec["layers"], list) or not spec["layers"]:
        raise MessageError("spec_layers_empty")
    if len(spec["layers"]) > MAX_LAYERS:
        raise MessageError("spec_too_many_layers", MAX_LAYERS, len(spec["layers"]))
    counts: dict[str, int] = {}
    seen = set()
    for i, layer in enumerate(spec["layers"]):
        if not isinstance(layer, dict) or "type" not in layer:
            raise MessageError("spec_layer_not_dict", i, repr(layer))
        if not isinstance(layer["type"], str):
            raise MessageError("spec_layer_type_not_text", i, repr(layer["type"]))
        if layer.get("name") is not None and not isinstance(layer["name"], str):
            raise MessageError("spec_layer_name_not_text", i, repr(layer["name"]))
        prefix = _PREFIX.get(layer["type"], layer["type"].lower())
        counts[prefix] = counts.get(prefix, 0) + 1
        if not layer.get("name"):
            layer["name"] = f"{prefix}{counts[prefix]}"
        if layer["name"] in seen or "." in layer["name"]:
            raise MessageError("spec_layer_name_repeated", repr(layer["name"]))
        seen.add(layer["name"])
    return spec


def planned_arrays(name_or_spec) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """``(parameters, buffers)``: the shapes, keyed as :meth:`Model.parameters` and
    :meth:`Model.buffers`, of the arrays the spec's model would have, computed without building
    it (see :mod:`explorer.engine.spec_limits`). ValueError for a malformed, impossible or
    oversized spec."""
    return plan_arrays(_normalise_spec(name_or_spec))


def model_from_spec(spec: dict, *, seed: int = 0, dtype=np.float32, init=None,
                    weight_init_std=None, dropout=None) -> Model:
    """Build a :class:`Model` from a normalised spec (see :func:`build_model`)."""
    spec = _normalise_spec(spec)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise MessageError("spec_seed", repr(seed))
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise MessageError("spec_dtype", dtype)
    init = init or spec.get("init") or "he"
    if init not in INITS:
        raise MessageError("spec_unknown_init", repr(init), ", ".join(INITS))
    if weight_init_std is not None:
        try:
            std_value = float(weight_init_std)
        except (TypeError, ValueError):
            std_value = float("nan")
        if not (np.isfinite(std_value) and std_value > 0):
            raise MessageError("spec_init_std_not_positive", repr(weight_init_std))
        if init != "normal":
            raise MessageError("spec_init_std_needs_normal", repr(weight_init_std),
                               spec["name"], repr(init))
    std = weight_init_std if weight_init_std is not None else spec.get("weight_init_std")
    spec["init"] = init
    if std is not None:
        spec["weight_init_std"] = float(std)
    if dropout is not None:
        if not 0.0 <= float(dropout) < 1.0:
            raise MessageError("spec_dropout_range", repr(dropout))
        n_dropout = sum(layer_spec["type"] == "Dropout" for layer_spec in spec["layers"])
        if n_dropout == 0:
            raise MessageError("spec_dropout_no_layer", repr(dropout), spec["name"],
                               len(spec["layers"]))
        for layer_spec in spec["layers"]:
            if layer_spec["type"] == "Dropout":
                layer_spec["rate"] = float(dropout)
    spec.pop("dtype", None)
    plan_arrays(spec)  # refuses oversized or impossible specs before allocating anything
    rng = np.random.default_rng(seed)
    layers, shape = [], tuple(spec["input_shape"])
    for layer_spec in spec["layers"]:
        layer = build_layer(layer_spec)
        try:
            layer.build(shape, rng, init=init, weight_init_std=std, dtype=dtype)
            shape = tuple(layer.output_shape(shape))
        except ValueError as exc:
            raise MessageError("spec_layer_cannot_take_input", repr(layer.name), shape,
                               cause(exc)) from None
        layers.append(layer)
    if len(shape) != 1:
        raise MessageError("spec_last_layer_not_scores", layers[-1].name, shape)
    dropout_rng = np.random.default_rng([seed, 1])  # its own stream: weights stay seed-stable
    return Model(spec, layers, dtype=dtype, rng=dropout_rng)


def build_model(name_or_spec, *, seed: int = 0, dtype=np.float32, init=None,
                weight_init_std=None, dropout=None) -> Model:
    """A freshly initialised model.

    name_or_spec : a name from :func:`list_models`, a spec dict ``{"name", "layers", ...}``
        or a list of layer specs.
    seed : a non-negative int (None is refused: a model is always reproducible); weights
        (and dropout masks) come from ``np.random.default_rng(seed)``; the same seed gives the
        same model.
    dtype : float32 (default) or float64.
    init : "normal", "he" or "xavier" (default: the architecture's own).
    weight_init_std : the std (> 0) for init "normal" (the textbook's ``weight_init_std``);
        given with another init it raises ValueError.
    dropout : overrides the rate of every Dropout layer, in [0, 1); ValueError for a model
        without Dropout layers.

    Raises ValueError, with the values received, for any invalid argument.
    """
    return model_from_spec(name_or_spec, seed=seed, dtype=dtype, init=init,
                           weight_init_std=weight_init_std, dropout=dropout)
