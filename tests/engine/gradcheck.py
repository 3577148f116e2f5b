"""Finite-difference gradient checks (float64) for layers and models.

Central differences ``(f(x + h) - f(x - h)) / 2h`` with h = 1e-6 have an error of order h**2
times the third derivative plus rounding of order eps/h (~1e-10), so analytic and numeric
gradients of smooth float64 functions agree to ~1e-7 relative.
"""

from __future__ import annotations

import numpy as np
import pytest

from explorer.engine import blas

H = 1e-6


@pytest.fixture
def one_blas_thread():
    """Run a test with one OpenBLAS thread: on a busy machine, OpenBLAS's helper threads make
    the many small products of these tests 10-30x slower (an N=2 forward: 3 ms -> 80 ms)."""
    with blas.limited_blas_threads(1):
        yield


def numeric_gradient(f, x: np.ndarray, h: float = H, indices=None) -> np.ndarray:
    """d f() / d x by central differences, perturbing ``x`` in place (restored afterwards).

    f : callable without arguments returning a float (it reads x).
    indices : optional iterable of flat indices to check (others are left 0).
    """
    grad = np.zeros_like(x, dtype=np.float64)
    flat = x.reshape(-1)  # a view: x must be contiguous
    assert np.shares_memory(flat, x), "numeric_gradient needs a contiguous array"
    gflat = grad.reshape(-1)
    for i in range(flat.size) if indices is None else indices:
        old = flat[i]
        flat[i] = old + h
        plus = f()
        flat[i] = old - h
        minus = f()
        flat[i] = old
        gflat[i] = (plus - minus) / (2 * h)
    return grad


def assert_grad_close(analytic, numeric, what: str, rtol=1e-5, atol=1e-7, indices=None):
    """Compare gradients (optionally only at ``indices``), with a message naming ``what``."""
    a = np.asarray(analytic, dtype=np.float64).reshape(-1)
    n = np.asarray(numeric, dtype=np.float64).reshape(-1)
    if indices is not None:
        idx = np.asarray(list(indices))
        a, n = a[idx], n[idx]
    err = np.abs(a - n)
    tol = atol + rtol * np.abs(n)
    worst = int(np.argmax(err - tol)) if err.size else 0
    assert np.all(err <= tol), (
        f"{what}: analytic and numeric gradients differ; worst at {worst}: "
        f"analytic {a[worst]:.10g} numeric {n[worst]:.10g} (max abs err {err.max():.3g})"
    )


def sample_indices(size: int, rng: np.random.Generator, k: int = 12):
    """Up to ``k`` distinct flat indices of an array of ``size`` elements."""
    if size <= k:
        return list(range(size))
    return sorted(rng.choice(size, size=k, replace=False).tolist())


def check_layer(layer, x: np.ndarray, rng: np.random.Generator, training: bool = True,
                before_forward=None, k: int | None = None, rtol=1e-5, atol=1e-7):
    """Check ``layer``'s input and parameter gradients for the scalar loss sum(out * R).

    before_forward : optional callable run before every forward (e.g. to reset a dropout rng).
    k : check only k random entries of each array (None: all of them).
    """
    x = np.ascontiguousarray(x, dtype=np.float64)

    def run():
        if before_forward is not None:
            before_forward()
        return layer.forward(x, training)

    out = run()
    r = rng.standard_normal(out.shape)
    r_copy = r.copy()
    dx = layer.backward(r)
    assert np.array_equal(r, r_copy), f"{layer.name}.backward mutated dout"
    grads = {k_: v.copy() for k_, v in layer.grads.items()}

    def loss():
        return float(np.sum(run() * r))

    idx = None if k is None else sample_indices(x.size, rng, k)
    assert_grad_close(dx, numeric_gradient(loss, x, indices=idx), f"{layer.name} d(input)",
                      rtol, atol, idx)
    for name, p in layer.params.items():
        idx = None if k is None else sample_indices(p.size, rng, k)
        assert_grad_close(grads[name], numeric_gradient(loss, p, indices=idx),
                          f"{layer.name} d({name})", rtol, atol, idx)


def check_model(model, x: np.ndarray, labels, rng: np.random.Generator, k: int = 6,
                before_forward=None, rtol=1e-5, atol=1e-8):
    """Check every parameter gradient of ``model.loss_and_gradients`` at ``k`` random entries."""

    def run():
        if before_forward is not None:
            before_forward()
        return model.loss_and_gradients(x, labels, training=True)

    _, grads = run()
    grads = {name: g.copy() for name, g in grads.items()}
    assert set(grads) == set(model.parameters())

    def loss():
        if before_forward is not None:
            before_forward()
        return model.loss(x, labels, training=True)

    for name, p in model.parameters().items():
        idx = sample_indices(p.size, rng, k)
        assert_grad_close(grads[name], numeric_gradient(loss, p, indices=idx),
                          f"{model.name} d({name})", rtol, atol, idx)
