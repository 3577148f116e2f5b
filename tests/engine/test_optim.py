"""Optimisers against hand-computed steps and against torch.optim (when installed)."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.engine import OPTIMIZERS, build_model, make_optimizer
from explorer.engine.optim import Adam, Optimizer
from tests.engine.gradcheck import one_blas_thread  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("one_blas_thread")


def one_param(value=(1.0, -2.0)):
    return {"w": np.array(value, dtype=np.float64)}


def test_sgd_step_and_changeable_lr():
    p = one_param()
    opt = make_optimizer("sgd", 0.1)
    opt.update(p, {"w": np.array([0.5, 1.0])})
    np.testing.assert_allclose(p["w"], [0.95, -2.1])
    opt.lr = 1.0
    opt.update(p, {"w": np.array([0.5, 1.0])})
    np.testing.assert_allclose(p["w"], [0.45, -3.1])


def test_weight_decay_adds_l2_to_the_gradient():
    p = one_param()
    make_optimizer("sgd", 0.1, weight_decay=0.5).update(p, {"w": np.array([0.0, 1.0])})
    # g + wd * w = [0.5, 0.0]
    np.testing.assert_allclose(p["w"], [0.95, -2.0])


def test_momentum_two_steps():
    p = one_param()
    opt = make_optimizer("momentum", 0.1, momentum=0.9)
    g = {"w": np.array([1.0, -1.0])}
    opt.update(p, g)  # v = -0.1 g
    np.testing.assert_allclose(p["w"], [0.9, -1.9])
    opt.update(p, g)  # v = 0.9 * v - 0.1 g = -0.19 g
    np.testing.assert_allclose(p["w"], [0.71, -1.71])


def test_adagrad_and_rmsprop_steps():
    p = one_param()
    opt = make_optimizer("adagrad", 0.5, eps=0.0)
    opt.update(p, {"w": np.array([2.0, -4.0])})  # h = g^2 -> step lr * sign(g)
    np.testing.assert_allclose(p["w"], [0.5, -1.5])
    opt.update(p, {"w": np.array([2.0, 0.0])})  # h = [8, 16]
    np.testing.assert_allclose(p["w"], [0.5 - 0.5 * 2 / np.sqrt(8), -1.5])

    p = one_param()
    opt = make_optimizer("rmsprop", 0.1, decay_rate=0.9, eps=0.0)
    opt.update(p, {"w": np.array([1.0, 3.0])})  # h = 0.1 g^2 -> step lr * g / (|g| sqrt(.1))
    np.testing.assert_allclose(p["w"], [1 - 0.1 / np.sqrt(0.1), -2 - 0.1 / np.sqrt(0.1)])


def test_adam_first_steps_move_by_lr():
    p = one_param()
    opt = make_optimizer("adam", 0.01, eps=0.0)
    opt.update(p, {"w": np.array([3.0, -0.2])})  # bias-corrected m/sqrt(v) = sign(g)
    np.testing.assert_allclose(p["w"], [0.99, -1.99])
    opt.update(p, {"w": np.array([3.0, -0.2])})
    np.testing.assert_allclose(p["w"], [0.98, -1.98])
    assert isinstance(opt, Adam) and "Adam(lr=0.01" in repr(opt)


def test_unknown_optimizer_and_bad_arguments():
    assert list(OPTIMIZERS) == ["sgd", "momentum", "adagrad", "rmsprop", "adam"]
    with pytest.raises(ValueError, match="unknown optimizer 'lbfgs'"):
        make_optimizer("lbfgs", 0.1)
    with pytest.raises(ValueError, match="learning rate must be positive"):
        make_optimizer("sgd", 0)
    with pytest.raises(ValueError, match="bad options"):
        make_optimizer("sgd", 0.1, momentum=0.9)
    with pytest.raises(ValueError, match="no gradient for parameters"):
        make_optimizer("sgd", 0.1).update(one_param(), {})


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_lowers_the_loss_of_a_model(name):
    model = build_model("lenet5", seed=0)
    rng = np.random.default_rng(0)
    x = rng.random((8, 1, 28, 28)).astype(np.float32)
    labels = rng.integers(0, 10, 8)
    opt = make_optimizer(name, {"sgd": 0.1, "momentum": 0.05, "adagrad": 0.01}.get(name, 0.002))
    first, _ = model.loss_and_gradients(x, labels)
    for _ in range(10):
        loss, grads = model.loss_and_gradients(x, labels)
        opt.update(model.parameters(), grads)
    assert loss < first * 0.8
    assert all(p.dtype == np.float32 for p in model.parameters().values())


TORCH_CASES = [
    ("sgd", {}, "SGD", {}),
    ("sgd", {"weight_decay": 0.1}, "SGD", {"weight_decay": 0.1}),
    ("momentum", {"momentum": 0.8}, "SGD", {"momentum": 0.8}),
    ("adagrad", {"eps": 1e-7, "weight_decay": 0.05}, "Adagrad",
     {"eps": 1e-7, "weight_decay": 0.05}),
    ("rmsprop", {"decay_rate": 0.95, "eps": 1e-7}, "RMSprop", {"alpha": 0.95, "eps": 1e-7}),
    ("adam", {"beta1": 0.8, "beta2": 0.99, "weight_decay": 0.01}, "Adam",
     {"betas": (0.8, 0.99), "weight_decay": 0.01}),
]


@pytest.mark.parametrize("name,kw,tname,tkw", TORCH_CASES,
                         ids=[c[0] + str(i) for i, c in enumerate(TORCH_CASES)])
def test_optimizers_match_torch_optim(name, kw, tname, tkw):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    w0 = rng.standard_normal((3, 4))
    grads = [rng.standard_normal((3, 4)) for _ in range(5)]
    params = {"w": w0.copy()}
    opt = make_optimizer(name, 0.05, **kw)
    tw = torch.tensor(w0.copy(), requires_grad=True)
    topt = getattr(torch.optim, tname)([tw], lr=0.05, **tkw)
    for g in grads:
        opt.update(params, {"w": g})
        tw.grad = torch.from_numpy(g.copy())
        topt.step()
    np.testing.assert_allclose(params["w"], tw.detach().numpy(), rtol=1e-10, atol=1e-12)


def test_adam_whole_model_step_equals_the_per_parameter_step():
    """Adam updates all parameters through flat arrays (one set of NumPy calls per step); the
    numbers are those of the per-parameter code to the bit, also with weight decay, after a
    reset, after its state was replaced by copies (a restored snapshot), and it falls back to
    the per-parameter code when the step counts differ between parameters."""
    rng = np.random.default_rng(3)
    shapes = {"a.weight": (4, 3), "a.bias": (3,), "b.weight": (2, 2, 3)}
    start = {k: rng.standard_normal(s).astype(np.float32) for k, s in shapes.items()}
    fast, slow = Adam(0.01, weight_decay=0.1), Adam(0.01, weight_decay=0.1)
    pf = {k: v.copy() for k, v in start.items()}
    ps = {k: v.copy() for k, v in start.items()}

    def slow_update(params, grads):  # the base class's loop over parameters
        Optimizer.update(slow, params, grads)

    for step in range(6):
        grads = {k: rng.standard_normal(s).astype(np.float32) for k, s in shapes.items()}
        fast.update(pf, grads)
        slow_update(ps, grads)
        if step == 2:
            fast.state = {k: {s: (v.copy() if isinstance(v, np.ndarray) else v)
                              for s, v in slots.items()} for k, slots in fast.state.items()}
        for k in shapes:
            np.testing.assert_array_equal(pf[k], ps[k], err_msg=f"{k} step {step}")
            np.testing.assert_array_equal(fast.state[k]["m"], slow.state[k]["m"])
            assert fast.state[k]["t"] == slow.state[k]["t"] == step + 1
    assert fast._flat is not None and fast.state["a.bias"]["m"].base is fast._flat.m
    fast.reset()
    slow.reset()
    grads = {k: np.ones(s, np.float32) for k, s in shapes.items()}
    fast.update(pf, grads)
    slow_update(ps, grads)
    for k in shapes:
        np.testing.assert_array_equal(pf[k], ps[k])
    fast.state["a.bias"]["t"] = 7  # step counts that differ: the per-parameter path
    slow.state["a.bias"]["t"] = 7
    fast.update(pf, grads)
    slow_update(ps, grads)
    assert fast.state["a.bias"]["t"] == 8 and fast.state["a.weight"]["t"] == 2
    for k in shapes:
        np.testing.assert_array_equal(pf[k], ps[k])


class _Params:
    """The two methods of a model that a Snapshot uses."""

    def __init__(self, params):
        self.params = params

    def parameters(self):
        return self.params

    def buffers(self):
        return {}


def test_snapshot_of_the_whole_model_adam_state_restores_it_exactly():
    """A Snapshot copies Adam's flat m and v (not per parameter); restoring gives the state,
    weights and step counts of that moment, and the run goes on with the same numbers as one
    that never left it."""
    from explorer.run_control import Snapshot

    rng = np.random.default_rng(5)
    shapes = {"a.weight": (4, 3), "a.bias": (3,)}
    grads = [{k: rng.standard_normal(s).astype(np.float32) for k, s in shapes.items()}
             for _ in range(6)]
    start = {k: rng.standard_normal(s).astype(np.float32) for k, s in shapes.items()}
    model, ref = _Params({k: v.copy() for k, v in start.items()}), _Params(
        {k: v.copy() for k, v in start.items()})
    opt, ref_opt = Adam(0.01), Adam(0.01)
    for g in grads[:3]:
        opt.update(model.params, g)
        ref_opt.update(ref.params, g)
    snap = Snapshot()
    snap.take(model, opt, epoch=0, batch=3)
    assert snap._flat is not None and not snap._optimizer  # saved as the flat arrays
    for g in grads[3:5]:  # the batches a divergence undoes
        opt.update(model.params, {k: v * 1e3 for k, v in g.items()})
    snap.restore(model, opt)
    assert opt.steps == ref_opt.steps == 3
    for k in shapes:
        np.testing.assert_array_equal(model.params[k], ref.params[k])
        for slot in ("m", "v", "t"):
            np.testing.assert_array_equal(opt.state[k][slot], ref_opt.state[k][slot])
    opt.update(model.params, grads[5])
    ref_opt.update(ref.params, grads[5])
    for k in shapes:
        np.testing.assert_array_equal(model.params[k], ref.params[k])
    snap.take(model, opt)  # and taken again, after the state was rebuilt from the restore
    assert snap._flat is not None
