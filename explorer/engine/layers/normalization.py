"""BatchNorm2D and AlexNet's LocalResponseNorm."""

from __future__ import annotations

import numpy as np

from ..messages import MessageError
from .base import Layer

__all__ = ["BatchNorm2D", "LocalResponseNorm"]


class BatchNorm2D(Layer):
    """Batch normalisation over (N, H, W) per channel, with learned gamma and beta (C,).

    Training: normalise by the batch mean and (biased) variance and update the running
    statistics as ``running = (1 - momentum) * running + momentum * batch`` (the running variance
    uses the unbiased batch variance, as PyTorch). Inference: normalise by the running stats.
    """

    type_name = "BatchNorm2D"
    has_training_mode = True

    def __init__(self, momentum: float = 0.1, eps: float = 1e-5, name=None):
        super().__init__(name or "bn")
        self.momentum = float(momentum)
        self.eps = float(eps)
        self._cache = None

    def config(self):
        return {"momentum": self.momentum, "eps": self.eps}

    def build(self, input_shape, rng, *, init="he", weight_init_std=None, dtype=np.float32):
        c = int(input_shape[0])
        self.params["gamma"] = np.ones(c, dtype=dtype)
        self.params["beta"] = np.zeros(c, dtype=dtype)
        self.buffers["running_mean"] = np.zeros(c, dtype=dtype)
        self.buffers["running_var"] = np.ones(c, dtype=dtype)

    def forward(self, x, training=False):
        axes = (0, 2, 3)
        if training:
            m = x.shape[0] * x.shape[2] * x.shape[3]
            mean = x.mean(axis=axes)
            xc = x - mean[:, None, None]
            var = (xc * xc).mean(axis=axes)
            mom = self.momentum
            self.buffers["running_mean"] *= 1 - mom
            self.buffers["running_mean"] += mom * mean
            self.buffers["running_var"] *= 1 - mom
            self.buffers["running_var"] += mom * var * (m / max(m - 1, 1))
        else:
            xc = x - self.buffers["running_mean"][:, None, None]
            var = self.buffers["running_var"]
        inv_std = (1.0 / np.sqrt(var + self.eps)).astype(x.dtype)
        xhat = xc * inv_std[:, None, None]
        self._cache = (xhat, inv_std, training)
        return xhat * self.params["gamma"][:, None, None] + self.params["beta"][:, None, None]

    def backward(self, dout):
        xhat, inv_std, training = self._cache
        axes = (0, 2, 3)
        self.grads["gamma"] = (dout * xhat).sum(axis=axes)
        self.grads["beta"] = dout.sum(axis=axes)
        dxhat = dout * self.params["gamma"][:, None, None]
        if not training:
            return dxhat * inv_std[:, None, None]
        mean_d = dxhat.mean(axis=axes)[:, None, None]
        mean_dx = (dxhat * xhat).mean(axis=axes)[:, None, None]
        return (dxhat - mean_d - xhat * mean_dx) * inv_std[:, None, None]


class LocalResponseNorm(Layer):
    """AlexNet's local response normalisation across channels (PyTorch's formula):

    ``y_c = x_c / (k + alpha/size * sum_{c' near c} x_{c'}**2) ** beta``, where the window holds
    ``size`` channels: ``size//2`` before c and ``(size-1)//2`` after. x, y : (N, C, H, W).
    """

    type_name = "LocalResponseNorm"

    def __init__(self, size: int = 5, alpha: float = 1e-4, beta: float = 0.75, k: float = 2.0,
                 name=None):
        super().__init__(name or "lrn")
        if int(size) < 1:
            raise MessageError("layer_lrn_size", repr(size))
        self.size, self.alpha, self.beta, self.k = int(size), float(alpha), float(beta), float(k)
        self._cache = None

    def config(self):
        return {"size": self.size, "alpha": self.alpha, "beta": self.beta, "k": self.k}

    @staticmethod
    def _window_sum(a, before, after):
        """out[:, c] = sum of a[:, c-before .. c+after] (channels outside [0, C) count zero)."""
        out = np.zeros_like(a)
        c = a.shape[1]
        for off in range(-before, after + 1):
            lo, hi = max(0, -off), min(c, c - off)
            if lo < hi:
                out[:, lo:hi] += a[:, lo + off : hi + off]
        return out

    def _power(self, scale):
        """scale ** -beta; AlexNet's beta = 0.75 as 1/(sqrt(s) * sqrt(sqrt(s))), ~5x faster
        than np.power with a fractional exponent."""
        if self.beta == 0.75:
            r = np.sqrt(scale)
            out = np.sqrt(r)
            out *= r
            return np.reciprocal(out, out=out)
        return scale ** scale.dtype.type(-self.beta)

    def forward(self, x, training=False):
        before, after = self.size // 2, (self.size - 1) // 2
        scale = self._window_sum(x * x, before, after)
        scale *= x.dtype.type(self.alpha / self.size)
        scale += x.dtype.type(self.k)
        power = self._power(scale)  # s ** -beta, kept for the backward pass
        out = x * power
        self._cache = (x, scale, power, out)
        return out

    def backward(self, dout):
        x, scale, power, out = self._cache
        before, after = self.size // 2, (self.size - 1) // 2
        # d y_c / d x_j = [c == j] s_c^-beta - 2 alpha beta / size * x_c x_j s_c^(-beta-1)
        # for j in c's window; summing over c is a window sum with the window mirrored.
        t = dout * out
        t /= scale
        back = self._window_sum(t, after, before)
        back *= x
        back *= x.dtype.type(2.0 * self.alpha * self.beta / self.size)
        dx = dout * power
        dx -= back
        return dx

