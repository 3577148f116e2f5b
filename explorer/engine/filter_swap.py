"""Put a hand-made kernel into one filter of a conv layer of a model, and take it out again.

A conv layer's weight has shape ``(F, C, KH, KW)``: ``F`` filters, each with one ``(KH, KW)``
kernel per input channel ``C``. These functions replace the single kernel ``weight[f, c]`` and
report what the network does with it. They run in the worker thread with the live model
(``fn(model, ...)``), so the model is always the first argument.

Pure NumPy: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.engine.kernels import check_kernel


@dataclass(frozen=True)
class ConvSlot:
    """One conv layer's weight: ``param`` (``"conv1.weight"``), ``layer`` (``"conv1"``) and its
    ``shape`` ``(F, C, KH, KW)``; ``traced`` says whether ``Model.trace`` reports this layer's
    output (layers nested in a block such as Inception are not traced one by one)."""

    param: str
    layer: str
    shape: tuple[int, int, int, int]
    traced: bool

    def __repr__(self) -> str:
        f, c, kh, kw = self.shape
        return f"ConvSlot({self.param!r}, {f} filters x {c} channels, {kh}x{kw})"


def conv_slots(model) -> list[ConvSlot]:
    """Every 4-D weight of ``model`` (its conv layers) in the model's order."""
    traced = {layer.name for layer in model.layers}
    out = []
    for name, arr in model.parameters().items():
        if arr.ndim == 4 and name.endswith(".weight"):
            layer = name[: -len(".weight")]
            out.append(ConvSlot(name, layer, tuple(int(s) for s in arr.shape), layer in traced))
    return out


def _weight(model, param: str) -> np.ndarray:
    params = model.parameters()
    if param not in params:
        raise ValueError(
            f"the live model ({model.name}) has no parameter {param!r}; pick another layer"
        )
    w = params[param]
    if w.ndim != 4:
        raise ValueError(f"{param} has shape {w.shape}: it is not a conv weight (F, C, KH, KW)")
    return w


def _check_index(param: str, w: np.ndarray, f: int, c: int) -> None:
    nf, nc = w.shape[:2]
    if not 0 <= f < nf:
        raise ValueError(f"{param} has filters 0 to {nf - 1}; there is no filter {f}")
    if not 0 <= c < nc:
        raise ValueError(f"{param} has input channels 0 to {nc - 1}; there is no channel {c}")


def read_filter(model, param: str, f: int, c: int) -> np.ndarray:
    """A copy of ``weight[f, c]``, shape ``(KH, KW)``, in the model's dtype."""
    w = _weight(model, param)
    _check_index(param, w, f, c)
    return w[f, c].copy()


def size_mismatch(kernel_hw: tuple[int, int], slot_hw: tuple[int, int], param: str) -> str | None:
    """None when a ``kernel_hw`` kernel fits a ``slot_hw`` filter, else the reason for the user."""
    if tuple(kernel_hw) == tuple(slot_hw):
        return None
    kh, kw = kernel_hw
    sh, sw = slot_hw
    return (
        f"{param} uses {sh}x{sw} kernels but yours is {kh}x{kw}: a filter's size is fixed by the "
        f"layer (its weights are {sh}x{sw} per channel). Set the grid to {sh}x{sw} first."
    )


def write_filter(model, param: str, f: int, c: int, kernel) -> np.ndarray:
    """Replace ``weight[f, c]`` of ``param`` by ``kernel`` ``(KH, KW)`` in place and return the
    previous values (a copy, same dtype). Nothing else in the model changes.

    Raises ``ValueError`` (and changes nothing) when the sizes differ or the indices are out of
    range."""
    w = _weight(model, param)
    _check_index(param, w, f, c)
    k = check_kernel(kernel)
    reason = size_mismatch(k.shape, w.shape[2:], param)
    if reason:
        raise ValueError(reason)
    old = w[f, c].copy()
    w[f, c] = k.astype(w.dtype)
    return old


@dataclass(frozen=True, eq=False)
class Probe:
    """What the network does with one input: ``proba`` ``(10,)`` class probabilities, and
    ``feature_map`` ``(H, W)`` the output channel ``filter`` of the probed layer (None when that
    layer is not traced on its own); ``layer`` and ``filter`` name what was probed."""

    proba: np.ndarray
    feature_map: np.ndarray | None
    layer: str
    filter: int

    @property
    def prediction(self) -> int:
        return int(np.argmax(self.proba))

    def __repr__(self) -> str:
        fm = None if self.feature_map is None else self.feature_map.shape
        return (f"Probe({self.layer!r} filter {self.filter}, predicts {self.prediction} "
                f"({self.proba[self.prediction]:.1%}), feature_map={fm})")


def probe(model, image, layer: str, f: int) -> Probe:
    """Run ``image`` in [0, 1] through ``model``: ``(H, W)`` grey or ``(H, W, 3)`` colour of
    the model's input size (e.g. 28x28 grey); return the probabilities and the output channel
    ``f`` of ``layer``."""
    x = np.asarray(image, dtype=np.float32)
    batch = (x[None, None] if x.ndim == 2 else
             np.ascontiguousarray(x.transpose(2, 0, 1)[None]) if x.ndim == 3 else x)
    want = tuple(getattr(model, "input_shape", (1, 28, 28)))
    if batch.ndim != 4 or batch.shape[1:] != want:
        raise ValueError(f"the network takes {'x'.join(map(str, want))} images "
                         f"(channels x height x width), got an image of shape {x.shape}")
    outputs = model.trace(batch)
    fmap = None
    for name, out in outputs:
        if name == layer and out.ndim == 4 and 0 <= f < out.shape[1]:
            fmap = np.asarray(out[0, f], dtype=np.float32).copy()
    proba = np.asarray(model.predict_proba(batch)[0], dtype=np.float64)
    return Probe(proba=proba, feature_map=fmap, layer=layer, filter=int(f))


@dataclass(frozen=True, eq=False)
class SwapResult:
    """The outcome of ``swap_in`` / ``restore``: the key ``(param, f, c)``, the kernel now in
    the model ``current`` ``(KH, KW)``, the kernel it replaced ``previous``, ``model_id`` (identity
    of the model it was done on, to refuse restoring into another model) and the network's
    response before and after (``Probe``; None without an input image)."""

    param: str
    f: int
    c: int
    current: np.ndarray
    previous: np.ndarray
    model_id: int
    before: Probe | None
    after: Probe | None


def swap_in(
    model, param: str, f: int, c: int, kernel, image=None, layer: str | None = None
) -> SwapResult:
    """``write_filter`` plus a probe of ``image`` (28x28, optional) before and after the change."""
    layer = layer or param.rsplit(".", 1)[0]
    before = probe(model, image, layer, f) if image is not None else None
    previous = write_filter(model, param, f, c, kernel)
    after = probe(model, image, layer, f) if image is not None else None
    return SwapResult(
        param, f, c, read_filter(model, param, f, c), previous, id(model), before, after
    )


def restore(model, model_id: int, param: str, f: int, c: int, learned: np.ndarray, image=None,
            layer: str | None = None) -> SwapResult:
    """Put the exact ``learned`` values back into ``weight[f, c]`` (same dtype, bit for bit).

    Refuses (``ValueError``) when the live model is not the one the kernel was put into."""
    if id(model) != model_id:
        raise ValueError(
            "the live model was replaced since you put your kernel in (loaded, retrained or made "
            "live), so its filters are already its own: there is nothing to restore"
        )
    learned = np.asarray(learned)
    w = _weight(model, param)
    if learned.dtype != w.dtype:
        raise ValueError(f"learned weights are {learned.dtype} but {param} is {w.dtype}")
    return swap_in(model, param, f, c, learned, image, layer)


def record_edit(model, param: str, f: int, c: int, kernel) -> None:
    """Note in ``model.metadata["edits"]`` (saved with the model) that ``param[f, c]`` holds a
    hand-made kernel: its accuracy was measured before. One entry per filter and channel."""
    edits = [e for e in model.metadata.get("edits", []) if
             (e.get("param"), e.get("filter"), e.get("channel")) != (param, f, c)]
    if kernel is not None:
        edits.append({"layer": param.rsplit(".", 1)[0], "param": param, "filter": int(f),
                      "channel": int(c), "kernel": np.asarray(kernel, dtype=float).tolist()})
    if edits:
        model.metadata["edits"] = edits
    else:
        model.metadata.pop("edits", None)
