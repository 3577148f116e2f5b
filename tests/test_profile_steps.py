"""benchmarks/profile_steps.py: it prints every step of a training batch in both directions,
its sums add up, and its step-by-step loop refuses to time anything but what
Model.loss_and_gradients computes."""

from __future__ import annotations

from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
# NumPy's and torch's own thread settings: the script must not change the test process's
QUICK = ["--batch", "4", "--batches", "3", "--blas-threads", "0", "--torch-threads", "0"]


@pytest.fixture
def profile_steps(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import profile_steps

    return profile_steps


def rows(out: str) -> dict[str, list[str]]:
    """The table's rows: label -> its cells (numbers or "-")."""
    table = {}
    for line in out.splitlines():
        if line.startswith("  ") and not line.startswith("  ("):
            label, cells = line[2:30].strip(), line[30:].split()
            table[label] = cells
    return table


@pytest.mark.parametrize("model", ["lenet5", "simple_convnet"])
def test_every_step_is_printed_and_the_sums_add_up(profile_steps, capsys, model):
    assert profile_steps.main(["--model", model, "--no-torch", *QUICK]) == 0
    table = rows(capsys.readouterr().out)
    steps = {"lenet5": ["conv1+relu1+pool1", "conv2+relu2+pool2", "flatten", "fc1", "relu3",
                        "fc2", "relu4", "fc3"],
             "simple_convnet": ["conv1+relu1+pool1", "flatten", "fc1", "relu2", "fc2"]}[model]
    assert list(table) == ["step", *steps, "loss (and its gradient)", "sum of the steps",
                           "whole batch, one call"]
    forward = sum(float(table[s][0]) for s in [*steps, "loss (and its gradient)"])
    backward = sum(float(table[s][1]) for s in steps)
    assert table["loss (and its gradient)"][1] == "-"
    assert float(table["sum of the steps"][0]) == pytest.approx(forward, abs=0.005)
    assert float(table["sum of the steps"][1]) == pytest.approx(backward, abs=0.005)
    shares = [float(table[s][2].rstrip("%")) for s in [*steps, "loss (and its gradient)"]]
    assert sum(shares) == pytest.approx(100, abs=0.1 * len(shares))
    assert float(table["whole batch, one call"][0]) > 0


def test_a_loop_that_no_longer_computes_the_models_batch_is_refused(profile_steps,
                                                                     monkeypatch, capsys):
    forward = profile_steps.Ours._forward

    def lose_relu3(self, step, x):  # a step's output the loop drops: other numbers
        y = forward(self, step, x)
        return x if getattr(step, "name", "") == "relu3" else y

    monkeypatch.setattr(profile_steps.Ours, "_forward", lose_relu3)
    with pytest.raises(SystemExit, match="no longer matches Model.loss_and_gradients: loss"):
        profile_steps.main(["--no-torch", *QUICK])
    assert "sum of the steps" not in capsys.readouterr().out


def test_torch_runs_the_same_steps_beside_ours(profile_steps, capsys):
    pytest.importorskip("torch")
    assert profile_steps.main(QUICK) == 0
    table = rows(capsys.readouterr().out)
    assert table["step"][-3:] == ["torch", "bwd", "torch/ours"]
    conv = table["conv2+relu2+pool2"]
    assert len(conv) == 6 and conv[5].endswith("x") and float(conv[3]) > 0
