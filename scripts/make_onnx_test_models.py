"""Write the small ONNX models the tests import (tests/data/onnx/), made by PyTorch's exporters.

    PYTHONPATH=. python scripts/make_onnx_test_models.py [--out tests/data/onnx]

Needs torch, onnx and onnxscript (the dynamo exporter); the tests that read the files need only
onnx. Three networks, each exported twice: by the TorchScript-based exporter
(``torch.onnx.export(..., dynamo=False)``) and by the dynamo-based one (``dynamo=True``), which
write different graphs for the same network (e.g. Flatten vs Reshape, Shape/Gather/Concat shape
arithmetic, other node names and opsets):

- ``lenet``: LeNet-style on 1x28x28 with batch norm (eval mode, non-trivial running
  statistics), ReLU, max pool, tanh, average pool, ``torch.flatten``, LeakyReLU, dropout,
  sigmoid and a final softmax (so its output is probabilities);
- ``tinyvgg``: CNN Explainer's Tiny VGG on 3x32x32 (two blocks of two 3x3 convs with 10 filters
  + ReLU and a 2x2 max pool, ``x.view(x.size(0), -1)``, one dense layer to 10 logits);
- ``inception``: a conv, max pool, the engine's Inception module (its four branches and a
  channel Concat), global average pooling and a dense layer, on 1x28x28.

Weights come from ``torch.manual_seed(SEED)``; the fixed inputs (in [0, 1]) from
``np.random.default_rng(SEED)``. For every network it saves ``<net>.input.npy`` and
``<net>.expected.npy`` (PyTorch's output for that input), and ``manifest.json`` says which
file is which and whether the output is logits or probabilities.
"""

from __future__ import annotations

import argparse
import json
import warnings
from pathlib import Path

import numpy as np

SEED = 2026
N_IMAGES = 6


def _networks(torch):
    nn = torch.nn

    class LeNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
            self.bn1 = nn.BatchNorm2d(6)
            self.conv2 = nn.Conv2d(6, 16, 5)
            self.fc1 = nn.Linear(400, 120)
            self.drop = nn.Dropout(0.3)
            self.fc2 = nn.Linear(120, 84)
            self.fc3 = nn.Linear(84, 10)

        def forward(self, x):
            x = nn.functional.max_pool2d(torch.relu(self.bn1(self.conv1(x))), 2)
            x = nn.functional.avg_pool2d(torch.tanh(self.conv2(x)), 2)
            x = torch.flatten(x, 1)
            x = self.drop(nn.functional.leaky_relu(self.fc1(x), 0.1))
            x = self.fc3(torch.sigmoid(self.fc2(x)))
            return torch.softmax(x, dim=1)

    class TinyVGG(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(3, 10, 3), nn.ReLU(), nn.Conv2d(10, 10, 3), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(10, 10, 3), nn.ReLU(), nn.Conv2d(10, 10, 3), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.fc = nn.Linear(250, 10)

        def forward(self, x):
            x = self.features(x)
            return self.fc(x.view(x.size(0), -1))

    class Inception(nn.Module):
        """The engine's Inception layer (explorer/engine/layers/inception.py), in PyTorch."""

        def __init__(self, c, b1, b2r, b2, b3r, b3, b4):
            super().__init__()
            self.b1 = nn.Sequential(nn.Conv2d(c, b1, 1), nn.ReLU())
            self.b2 = nn.Sequential(nn.Conv2d(c, b2r, 1), nn.ReLU(),
                                    nn.Conv2d(b2r, b2, 3, padding=1), nn.ReLU())
            self.b3 = nn.Sequential(nn.Conv2d(c, b3r, 1), nn.ReLU(),
                                    nn.Conv2d(b3r, b3, 5, padding=2), nn.ReLU())
            self.b4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(c, b4, 1),
                                    nn.ReLU())

        def forward(self, x):
            return torch.cat([self.b1(x), self.b2(x), self.b3(x), self.b4(x)], dim=1)

    class MiniInception(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
            self.inception = Inception(8, 4, 4, 8, 2, 4, 4)
            self.fc = nn.Linear(20, 10)

        def forward(self, x):
            x = nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
            x = self.inception(x)
            x = nn.functional.adaptive_avg_pool2d(x, 1)
            return self.fc(torch.flatten(x, 1))

    return {
        "lenet": (LeNet, (1, 28, 28), "probabilities"),
        "tinyvgg": (TinyVGG, (3, 32, 32), "logits"),
        "inception": (MiniInception, (1, 28, 28), "logits"),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "tests" /
                                              "data" / "onnx"))
    args = parser.parse_args(argv)
    import torch

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for key, (cls, shape, kind) in _networks(torch).items():
        torch.manual_seed(SEED)
        net = cls()
        for module in net.modules():  # batch norm with statistics that are not 0 and 1
            if isinstance(module, torch.nn.BatchNorm2d):
                module.running_mean.uniform_(-0.5, 0.5)
                module.running_var.uniform_(0.5, 2.0)
                module.weight.data.uniform_(0.5, 1.5)
                module.bias.data.uniform_(-0.2, 0.2)
        net.eval()
        x = np.random.default_rng(SEED).random((N_IMAGES, *shape)).astype(np.float32)
        with torch.no_grad():
            expected = net(torch.from_numpy(x)).numpy()
        np.save(out / f"{key}.input.npy", x)
        np.save(out / f"{key}.expected.npy", expected)
        example = (torch.from_numpy(x[:2]),)
        files = {}
        for exporter in ("torchscript", "dynamo"):
            name = f"{key}_{exporter}.onnx"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if exporter == "torchscript":
                    torch.onnx.export(net, example, str(out / name), dynamo=False,
                                      input_names=["input"], output_names=["output"],
                                      dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})
                else:
                    program = torch.onnx.export(
                        net, example, dynamo=True, input_names=["input"],
                        output_names=["output"],
                        dynamic_shapes=({0: torch.export.Dim("N")},))
                    program.save(str(out / name))
            files[exporter] = name
            print(f"{name}: {(out / name).stat().st_size:,} bytes")
        manifest[key] = {"files": files, "input": f"{key}.input.npy",
                         "expected": f"{key}.expected.npy", "output": kind,
                         "input_shape": list(shape), "torch": torch.__version__}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
