"""Optimisers: SGD, Momentum, AdaGrad, RMSProp and Adam, as tiny classes (the textbook's ch. 6).

Each has ``lr`` (which may change between steps, e.g. from a slider) and
``update(params, grads)``, which updates the arrays of ``params`` in place (``params`` is
``Model.parameters()``; ``grads`` has the same keys). State (velocities, squared-gradient sums)
is kept per parameter name.

Weight decay is L2 regularisation added to the gradient: each step uses
``g + weight_decay * w`` in place of ``g`` (the loss gains ``weight_decay/2 * sum(w**2)``),
exactly as ``torch.optim``'s ``weight_decay`` argument (not AdamW's decoupled decay).
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["Optimizer", "SGD", "Momentum", "AdaGrad", "RMSProp", "Adam", "OPTIMIZERS",
           "make_optimizer"]


class Optimizer:
    """Base class: applies weight decay, then ``_step`` per parameter."""

    name = "optimizer"

    def __init__(self, lr: float, weight_decay: float = 0.0):
        if not float(lr) > 0:
            raise ValueError(f"learning rate must be positive, got {lr!r}")
        if float(weight_decay) < 0:
            raise ValueError(f"weight decay must not be negative, got {weight_decay!r}")
        self.lr = float(lr)
        self.weight_decay = float(weight_decay)
        self.state: dict[str, dict[str, np.ndarray]] = {}
        self.steps = 0

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """One step: every ``params[k]`` is updated in place from ``grads[k]``."""
        missing = sorted(set(params) - set(grads))
        if missing:
            raise ValueError(f"no gradient for parameters {missing}")
        self.steps += 1
        for key, p in params.items():
            g = grads[key]
            if g.shape != p.shape:
                raise ValueError(f"gradient of {key} has shape {g.shape}, parameter {p.shape}")
            if self.weight_decay:
                g = g + self.weight_decay * p
            self._step(key, p, g)

    def _slot(self, key: str, slot: str, like: np.ndarray) -> np.ndarray:
        """Per-parameter state array (zeros at first, reset if the parameter's shape changed)."""
        st = self.state.setdefault(key, {})
        arr = st.get(slot)
        if arr is None or arr.shape != like.shape or arr.dtype != like.dtype:
            arr = st[slot] = np.zeros_like(like)
        return arr

    def reset(self) -> None:
        """Forget all state (velocities, averages, step count)."""
        self.state.clear()
        self.steps = 0

    def _step(self, key: str, p: np.ndarray, g: np.ndarray) -> None:
        raise NotImplementedError

    def _extra(self) -> str:
        return ""

    def __repr__(self) -> str:
        wd = f", weight_decay={self.weight_decay:g}" if self.weight_decay else ""
        return f"{type(self).__name__}(lr={self.lr:g}{self._extra()}{wd})"


class SGD(Optimizer):
    """w -= lr * g"""

    name = "sgd"

    def _step(self, key, p, g):
        p -= self.lr * g


class Momentum(Optimizer):
    """v = momentum * v - lr * g;  w += v   (the textbook's form)."""

    name = "momentum"

    def __init__(self, lr, weight_decay=0.0, momentum: float = 0.9):
        super().__init__(lr, weight_decay)
        self.momentum = float(momentum)

    def _step(self, key, p, g):
        v = self._slot(key, "v", p)
        v *= self.momentum
        v -= self.lr * g
        p += v

    def _extra(self):
        return f", momentum={self.momentum:g}"


class AdaGrad(Optimizer):
    """h += g**2;  w -= lr * g / (sqrt(h) + eps)"""

    name = "adagrad"

    def __init__(self, lr, weight_decay=0.0, eps: float = 1e-7):
        super().__init__(lr, weight_decay)
        self.eps = float(eps)

    def _step(self, key, p, g):
        h = self._slot(key, "h", p)
        h += g * g
        p -= self.lr * g / (np.sqrt(h) + self.eps)


class RMSProp(Optimizer):
    """h = decay * h + (1 - decay) * g**2;  w -= lr * g / (sqrt(h) + eps)"""

    name = "rmsprop"

    def __init__(self, lr, weight_decay=0.0, decay_rate: float = 0.99, eps: float = 1e-7):
        super().__init__(lr, weight_decay)
        self.decay_rate = float(decay_rate)
        self.eps = float(eps)

    def _step(self, key, p, g):
        h = self._slot(key, "h", p)
        h *= self.decay_rate
        h += (1 - self.decay_rate) * g * g
        p -= self.lr * g / (np.sqrt(h) + self.eps)

    def _extra(self):
        return f", decay_rate={self.decay_rate:g}"


class Adam(Optimizer):
    """Adam with bias correction (t counts steps from 1):

    m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g**2;
    w -= lr * (m / (1-b1**t)) / (sqrt(v / (1-b2**t)) + eps)   (as torch.optim.Adam)
    """

    name = "adam"

    def __init__(self, lr=0.001, weight_decay=0.0, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8):
        super().__init__(lr, weight_decay)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)

    def update(self, params, grads):
        flat = _FlatState.of(self, params) if params else None
        if flat is None:
            return super().update(params, grads)
        missing = sorted(set(params) - set(grads))
        if missing:
            raise ValueError(f"no gradient for parameters {missing}")
        for key, p in params.items():
            if grads[key].shape != p.shape:
                raise ValueError(f"gradient of {key} has shape {grads[key].shape}, "
                                 f"parameter {p.shape}")
        self.steps += 1
        g = flat.gather(params, grads, self.weight_decay)
        t = flat.t + 1
        for key in params:
            self.state[key]["t"] = t
        flat.t = t
        self._adam(flat.m, flat.v, g, flat.tmp, t)
        flat.apply(params)

    def _step(self, key, p, g):
        m = self._slot(key, "m", p)
        v = self._slot(key, "v", p)
        st = self.state[key]
        t = st["t"] = st.get("t", 0) + 1
        p -= self._adam(m, v, g, np.empty_like(g), t)

    def _adam(self, m, v, g, tmp, t):
        """Update m and v from g in place; return the step (in ``tmp``) to subtract."""
        # In place and in the parameter's dtype: Python floats as factors (np.sqrt of one would
        # be a float64 NumPy scalar and turn every float32 temporary into float64).
        m *= self.beta1
        np.multiply(g, 1 - self.beta1, out=tmp)
        m += tmp
        v *= self.beta2
        np.multiply(g, g, out=tmp)
        tmp *= 1 - self.beta2
        v += tmp
        denom = np.sqrt(v)
        denom *= 1 / math.sqrt(1 - self.beta2**t)
        denom += self.eps
        np.divide(m, denom, out=tmp)
        tmp *= self.lr / (1 - self.beta1**t)
        return tmp

    def _slot(self, key, slot, like):
        st = self.state.get(key)
        if st is not None and slot in st and st[slot].shape != like.shape:
            st.clear()  # the parameter changed shape: start over, step count included
        return super()._slot(key, slot, like)

    def _extra(self):
        return f", beta1={self.beta1:g}, beta2={self.beta2:g}"


class _FlatState:
    """Adam's m and v of all parameters as views of two flat arrays, so that one step is a
    dozen NumPy calls on the whole model instead of a dozen per parameter (LeNet-5 has ten
    parameters, five of them biases of 6-120 values, where the calls' overhead is the cost).

    ``optimizer.state[key]`` keeps its meaning ({"m", "v", "t"} per parameter): "m" and "v"
    are the views. Every element gets the very same float operations as in the per-parameter
    path, so both give the same numbers to the bit. When the state is not (or no longer) made
    of these views (a first step, :meth:`Optimizer.reset`, a restored snapshot), the flat
    arrays are rebuilt from it; state that cannot be (per-parameter step counts that differ,
    other shapes) runs the per-parameter path.
    """

    def __init__(self, params, dtype):
        self.keys = tuple(params)
        self.shapes = tuple(p.shape for p in params.values())
        self.dtype = dtype
        sizes = [p.size for p in params.values()]
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).tolist()
        total = self.offsets[-1]
        self.m, self.v = np.zeros(total, dtype), np.zeros(total, dtype)
        self.g, self.tmp = np.empty(total, dtype), np.empty(total, dtype)
        self.t = 0

        def views(flat):
            return [flat[a:b].reshape(shape) for a, b, shape in
                    zip(self.offsets[:-1], self.offsets[1:], self.shapes)]

        self.m_views, self.v_views = views(self.m), views(self.v)
        self.g_views, self.tmp_views = views(self.g), views(self.tmp)

    def is_current(self, state) -> bool:
        """True when ``state`` (an optimiser's) is exactly this flat state's views."""
        return len(state) == len(self.keys) and all(
            key in state and state[key].get("m") is m and state[key].get("v") is v
            and state[key].get("t") == self.t
            for key, m, v in zip(self.keys, self.m_views, self.v_views))

    def slices(self):
        """(key, shape, start, stop) of every parameter in the flat arrays."""
        return zip(self.keys, self.shapes, self.offsets[:-1], self.offsets[1:])

    @staticmethod
    def of(opt, params):
        """The optimiser's flat state for ``params`` (made or rebuilt when needed), or None."""
        first = next(iter(params.values()))
        dtype = first.dtype
        flat = getattr(opt, "_flat", None)
        if (flat is not None and flat.keys == tuple(params) and flat.dtype == dtype
                and flat.shapes == tuple(p.shape for p in params.values())
                and flat.is_current(opt.state)):
            return flat
        if any(p.dtype != dtype for p in params.values()):
            return None
        steps = {opt.state[key].get("t", 0) if key in opt.state else 0 for key in params}
        if len(steps) != 1:
            return None
        flat = _FlatState(params, dtype)
        flat.t = steps.pop()
        for key, p, m, v in zip(flat.keys, params.values(), flat.m_views, flat.v_views):
            old = opt.state.get(key, {})
            for slot, view in (("m", m), ("v", v)):
                saved = old.get(slot)
                if saved is not None:
                    if saved.shape != p.shape:
                        return None
                    view[...] = saved
            opt.state[key] = {"m": m, "v": v, "t": flat.t}
        opt._flat = flat
        return flat

    def gather(self, params, grads, weight_decay):
        """The flat gradient (plus weight decay, as g + weight_decay * p)."""
        for key, p, view in zip(self.keys, params.values(), self.g_views):
            if weight_decay:
                np.multiply(p, weight_decay, out=view)
                view += grads[key]
            else:
                view[...] = grads[key]
        return self.g

    def apply(self, params):
        for p, step in zip(params.values(), self.tmp_views):
            p -= step


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Momentum, AdaGrad, RMSProp, Adam)
}


def make_optimizer(name: str, lr: float, *, weight_decay: float = 0.0, **kw) -> Optimizer:
    """An optimiser by name (``sgd``, ``momentum``, ``adagrad``, ``rmsprop``, ``adam``).

    Extra keywords go to the class (``momentum=``, ``beta1=``, ``eps=``, ``decay_rate=``).
    """
    cls = OPTIMIZERS.get(str(name).lower())
    if cls is None:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    try:
        return cls(lr, weight_decay=weight_decay, **kw)
    except TypeError as exc:
        raise ValueError(f"bad options for optimizer {name!r}: {exc}") from None
