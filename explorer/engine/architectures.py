"""The built-in architectures by name (SimpleConvNet, LeNet-5 modern and 1998-style, mini
AlexNet, mini Inception, Tiny VGG, colour LeNet) as layer specs, and the default layer-name
prefixes. Pure data: `explorer.engine.models` builds them.
"""

from __future__ import annotations

INPUT_SHAPE = (1, 28, 28)


def _conv(name, filters, k, **kw):
    return {"type": "Conv2D", "name": name, "filters": filters, "kernel_size": k, **kw}


def _act(kind, name):
    return {"type": kind, "name": name}


def _pool(kind, name, k=2, **kw):
    return {"type": kind, "name": name, "kernel_size": k, **kw}


def _dense(name, units):
    return {"type": "Dense", "name": name, "units": units}


def _lenet(description, *, init, act, act_prefix, pool, input_shape=None, pad1=2):
    """LeNet-5's shapes (conv 6@5x5 pad ``pad1``, pool, conv 16@5x5, pool, dense 120, 84, 10)
    with the given activation layer type, its name prefix and pooling layer type; the
    ``input_shape`` (C, H, W) when it is not the built-in (1, 28, 28)."""
    a = [_act(act, f"{act_prefix}{i}") for i in range(1, 5)]
    arch = {"input_shape": list(input_shape)} if input_shape is not None else {}
    return {
        "description": description,
        "init": init,
        **arch,
        "layers": [
            _conv("conv1", 6, 5, padding=pad1), a[0], _pool(pool, "pool1"),
            _conv("conv2", 16, 5), a[1], _pool(pool, "pool2"),
            _act("Flatten", "flatten"), _dense("fc1", 120), a[2],
            _dense("fc2", 84), a[3], _dense("fc3", 10),
        ],
    }


ARCHITECTURES: dict[str, dict] = {
    "simple_convnet": {
        "description": "SimpleConvNet of the book Deep Learning from Scratch (chapter 7): conv "
        "30@5x5, ReLU, 2x2 max pool, dense 100, ReLU, dense 10 (normal init, std 0.01, the "
        "book's values).",
        "init": "normal",
        "weight_init_std": 0.01,
        "layers": [
            _conv("conv1", 30, 5), _act("ReLU", "relu1"), _pool("MaxPool2D", "pool1"),
            _act("Flatten", "flatten"), _dense("fc1", 100), _act("ReLU", "relu2"),
            _dense("fc2", 10),
        ],
    },
    "lenet5": _lenet(
        "LeNet-5, modern: two conv 5x5 + ReLU + 2x2 max pool stages "
        "(6 and 16 filters), then dense 120, 84, 10 (He init).",
        init="he", act="ReLU", act_prefix="relu", pool="MaxPool2D",
    ),
    "lenet5_classic": _lenet(
        "LeNet-5 as in 1998: the same shapes with tanh activations and "
        "2x2 average-pool subsampling (Xavier init).",
        init="xavier", act="Tanh", act_prefix="tanh", pool="AvgPool2D",
    ),
    "mini_alexnet": {
        "description": "A small AlexNet for 28x28: conv 3x3 + ReLU + local response norm + "
        "max pool twice, two more convs, overlapping 3x3/2 max pool, dense 128 and 64 with "
        "dropout (He init).",
        "init": "he",
        "layers": [
            _conv("conv1", 16, 3, padding=1), _act("ReLU", "relu1"),
            {"type": "LocalResponseNorm", "name": "lrn1", "size": 5, "alpha": 1e-4,
             "beta": 0.75, "k": 2.0},
            _pool("MaxPool2D", "pool1"),
            _conv("conv2", 32, 3, padding=1), _act("ReLU", "relu2"),
            {"type": "LocalResponseNorm", "name": "lrn2", "size": 5, "alpha": 1e-4,
             "beta": 0.75, "k": 2.0},
            _pool("MaxPool2D", "pool2"),
            _conv("conv3", 48, 3, padding=1), _act("ReLU", "relu3"),
            _conv("conv4", 32, 3, padding=1), _act("ReLU", "relu4"),
            _pool("MaxPool2D", "pool3", 3, stride=2),
            _act("Flatten", "flatten"),
            {"type": "Dropout", "name": "dropout1", "rate": 0.5},
            _dense("fc1", 128), _act("ReLU", "relu5"),
            {"type": "Dropout", "name": "dropout2", "rate": 0.5},
            _dense("fc2", 64), _act("ReLU", "relu6"),
            _dense("fc3", 10),
        ],
    },
    "mini_inception": {
        "description": "A small GoogLeNet: conv 3x3 + ReLU + max pool, one Inception module "
        "(1x1, 1x1->3x3, 1x1->5x5, pool->1x1 branches), max pool, dense 64, dense 10 (He init).",
        "init": "he",
        "layers": [
            _conv("conv1", 16, 3, padding=1), _act("ReLU", "relu1"), _pool("MaxPool2D", "pool1"),
            {"type": "Inception", "name": "inception1", "b1": 8, "b2_reduce": 8, "b2": 16,
             "b3_reduce": 4, "b3": 8, "b4": 8},
            _pool("MaxPool2D", "pool2"),
            _act("Flatten", "flatten"), _dense("fc1", 64), _act("ReLU", "relu2"),
            _dense("fc2", 10),
        ],
    },
    # Architectures for colour images declare their own "input_shape" (C, H, W); the ones
    # above take the built-in (1, 28, 28).
    "tiny_vgg": {
        "description": "Tiny VGG as CNN Explainer shows it, for 3x32x32 colour images: two "
        "blocks of two conv 10@3x3 + ReLU, each block followed by 2x2 max pool, then dense "
        "10 (He init).",
        "init": "he",
        "input_shape": [3, 32, 32],
        "layers": [
            _conv("conv1", 10, 3), _act("ReLU", "relu1"),
            _conv("conv2", 10, 3), _act("ReLU", "relu2"), _pool("MaxPool2D", "pool1"),
            _conv("conv3", 10, 3), _act("ReLU", "relu3"),
            _conv("conv4", 10, 3), _act("ReLU", "relu4"), _pool("MaxPool2D", "pool2"),
            _act("Flatten", "flatten"), _dense("fc1", 10),
        ],
    },
    "lenet5_colour": _lenet(
        "LeNet-5 for 3x32x32 colour images (as in 1998, 32x32 without padding): conv 6@5x5 "
        "and 16@5x5, each + ReLU + 2x2 max pool, then dense 120, 84, 10 (He init).",
        init="he", act="ReLU", act_prefix="relu", pool="MaxPool2D",
        input_shape=(3, 32, 32), pad1=0,
    ),
}

#: Name prefixes for layers a custom spec leaves unnamed: conv1, relu1, pool1, fc1, ...
_PREFIX = {
    "Conv2D": "conv", "MaxPool2D": "pool", "AvgPool2D": "pool", "ReLU": "relu",
    "LeakyReLU": "lrelu", "Sigmoid": "sigmoid", "Tanh": "tanh", "Flatten": "flatten",
    "Dense": "fc", "Dropout": "dropout", "BatchNorm2D": "bn", "LocalResponseNorm": "lrn",
    "Inception": "inception",
}


def list_models() -> list[str]:
    """Names of the built-in architectures, in teaching order."""
    return list(ARCHITECTURES)


def describe_model(name: str) -> str:
    """One line describing a built-in architecture (for the UI)."""
    if name not in ARCHITECTURES:
        raise ValueError(f"unknown model {name!r}; built-in models: {', '.join(ARCHITECTURES)}")
    return ARCHITECTURES[name]["description"]
