"""The Convolution tab's set-up without a window: `explorer.ui.conv_setup` picks the input,
kernel and geometry, clamps indices to what exists and reports problems as values."""

import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from explorer.data import Dataset, pixels_to_float
from explorer.data.datasets import FASHION_NAMES
from explorer.engine import build_model
from explorer.engine import functional as F
from explorer.engine.conv_examples import CONV_EXAMPLES, POOL_EXAMPLES, get_example
from explorer.engine.kernels import preset
from explorer.ui.conv_setup import (INPUTS, KERNELS, START_GEOMETRY, ConvSetup, ConvSources,
                                    Note, Problem, choose_input, clamp_index, example_setup,
                                    layer_geometry, model_snapshot, resolve, switch_operation)


def _dataset(n_test=5, names=FASHION_NAMES, seed=0):
    rng = np.random.default_rng(seed)
    return Dataset(name=f"tiny{n_test}",
                   train_images=rng.integers(0, 256, (3, 28, 28), dtype=np.uint8),
                   train_labels=np.array([0, 1, 2], np.uint8),
                   test_images=rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
                   test_labels=(np.arange(n_test) % 10).astype(np.uint8), class_names=names)


def _snapshot(seed=0):
    """What the panel's worker request returns, computed here directly (no thread)."""
    model = build_model("lenet5", seed=seed)
    image = np.zeros((28, 28), np.float32)
    image[6:22, 12:16] = 1.0
    return model, image, model_snapshot(image, model)


def test_the_qt_free_panel_models_import_no_qt():
    code = ("import sys\nimport explorer.ui.conv_setup, explorer.ui.layer_trace, explorer.ui.text\n"
            "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("ex", CONV_EXAMPLES + POOL_EXAMPLES, ids=lambda ex: ex.key)
def test_every_example_with_its_own_values_gives_the_books_output(ex):
    build = resolve(example_setup(ex.key), ConvSources())
    assert build.problem is None and build.notices == ()
    assert build.input_note == Note("example", (ex.description, None))
    if ex.expected is not None:
        out = build.stepper.assemble()
        np.testing.assert_array_equal(out[0] if out.ndim == 3 else out, ex.expected)


def test_the_users_settings_are_named_when_they_differ_from_the_example():
    setup = replace(example_setup("book_4x4"), stride=2)
    note = resolve(setup, ConvSources()).input_note
    assert note.args[1] == Note("your_conv_settings", (2, 0, 0.0))
    # VALID is the book's "no padding": nothing to add
    valid = resolve(replace(setup, stride=1, padding="valid"), ConvSources())
    assert valid.input_note.args[1] is None
    pool = replace(example_setup("book_maxpool"), size=3)
    assert resolve(pool, ConvSources()).input_note.args[1] == Note("your_pool_settings", (3, 2, 0))
    other = replace(example_setup("book_4x4"), operation="max", size=2, stride=2)
    assert resolve(other, ConvSources()).input_note == Note(
        "example_other", (get_example("book_4x4").title,))


def test_test_image_index_past_the_end_is_clamped_and_reported():
    data = _dataset(n_test=5)
    build = resolve(ConvSetup(input="test", test_index=999, kernel="preset:sobel_x"),
                    ConvSources(dataset=lambda: data))
    assert build.setup.test_index == 4
    assert build.notices == (Note("test_clamped", (999, 4, 5)),)
    np.testing.assert_array_equal(build.stepper.x[0], pixels_to_float(data.test_images[4]))
    assert build.input_note == Note("test", (4, FASHION_NAMES[4]))
    assert clamp_index(-3, 5) == 0 and clamp_index(7, 0) == 0


def test_an_unloadable_or_empty_data_set_is_a_problem_not_an_exception():
    def broken():
        raise OSError("t10k-images-idx3-ubyte: no such file")

    build = resolve(ConvSetup(input="test"), ConvSources(dataset=broken))
    assert build.stepper is None
    assert build.problem == Problem("data", ("t10k-images-idx3-ubyte: no such file", None, ()))
    # "current" without a drawing falls back to test image 0: same problem
    assert resolve(ConvSetup(input="current"), ConvSources(dataset=broken)).problem.kind == "data"


def test_current_input_and_its_fallback():
    data = _dataset()
    image = np.linspace(0, 1, 784, dtype=np.float32).reshape(28, 28)
    build = resolve(ConvSetup(input="current"), ConvSources(current_input=image,
                                                            current_source="draw"))
    np.testing.assert_array_equal(build.stepper.x[0], image)
    assert build.input_note == Note("current", ("draw",))
    build = resolve(ConvSetup(input="current"), ConvSources(dataset=lambda: data))
    assert build.input_note == Note("current_missing")
    np.testing.assert_array_equal(build.stepper.x[0], pixels_to_float(data.test_images[0]))


def test_model_inputs_and_learned_filters_without_a_snapshot_wait():
    assert resolve(ConvSetup(input="model"), ConvSources()).problem == Problem("no_maps")
    build = resolve(ConvSetup(kernel="learned"), ConvSources())
    assert build.problem == Problem("no_filters") and build.explain_h is None


def test_learned_filter_with_its_layers_geometry_reproduces_the_feature_map():
    model, image, snap = _snapshot()
    conv1 = snap["filters"][0]
    assert layer_geometry(conv1) == (1, 2)   # LeNet-5's conv1: stride 1, padding 2
    setup = ConvSetup(input="current", kernel="learned", filter_layer="conv1", filter_index=3,
                      stride=1, padding=2)
    build = resolve(setup, ConvSources(current_input=image, snapshot=snap))
    expected = dict(model.trace(image[None, None]))["conv1"][0, 3]
    np.testing.assert_allclose(build.stepper.assemble(), expected, rtol=1e-5, atol=1e-5)
    note = build.kernel_notes[0]
    assert note.kind == "learned" and note.args[:2] == (3, "conv1")


def test_filter_and_channel_indices_past_the_end_are_clamped():
    _, image, snap = _snapshot()
    n = snap["filters"][0]["weight"].shape[0]
    build = resolve(ConvSetup(input="current", kernel="learned", filter_layer="conv1",
                              filter_index=n + 5), ConvSources(current_input=image, snapshot=snap))
    assert build.setup.filter_index == n - 1
    assert Note("filter_clamped", (n + 5, n - 1, n)) in build.notices
    build = resolve(ConvSetup(input="model", map_layer="conv1", map_channel=50,
                              kernel="preset:sobel_x"), ConvSources(snapshot=snap))
    assert build.setup.map_channel == n - 1 and build.stepper.x.shape[0] == 1


def test_a_filter_with_too_many_channels_names_the_layer_that_feeds_it():
    model, image, snap = _snapshot()
    names = tuple(layer.name for layer in model.layers)
    setup = ConvSetup(input="current", kernel="learned", filter_layer="conv2")
    build = resolve(setup, ConvSources(current_input=image, snapshot=snap, layer_names=names))
    assert build.stepper is None
    assert build.problem == Problem("channels", (6, 1, "conv2", "pool1"))
    assert build.explain_h is not None   # the sizes are still explained
    build = resolve(replace(setup, input="model", map_layer="pool1", map_channel=-1),
                    ConvSources(snapshot=snap, layer_names=names))
    assert build.stepper.x.shape == (6, 14, 14)
    np.testing.assert_array_equal(build.stepper.kernel, snap["filters"][1]["weight"][0])


def test_engine_errors_and_bad_preset_sizes_are_problems():
    too_big = ConvSetup(kernel="preset:gaussian", size=7)   # 7x7 on the 4x4 example
    build = resolve(too_big, ConvSources())
    assert build.problem.kind == "engine"
    assert "bigger than the padded input" in build.problem.args[0]
    # the engine's message code and values travel along, for the panel to translate
    assert build.problem.args[1:] == ("kernel_bigger_than_input", (7, 4, 4, 0, 0))
    assert build.size_problem is not None and build.size_problem.kind == "engine"
    assert resolve(replace(too_big, padding=2), ConvSources()).stepper.output_shape == (2, 2)
    build = resolve(ConvSetup(kernel="preset:log", size=2), ConvSources())
    assert build.problem == Problem("preset_size", ("Laplacian of Gaussian", 3, 7))


def test_random_setups_resolve_to_the_engine_or_a_problem():
    """Every set-up the form can make gives a stepper equal to the engine's output or a
    Problem, never an exception."""
    model, image, snap = _snapshot()
    data = _dataset(n_test=7)
    sources = ConvSources(current_input=image, dataset=lambda: data, snapshot=snap,
                          layer_names=tuple(layer.name for layer in model.layers))
    layers = [name for name, _ in snap["maps"]]
    rng = np.random.default_rng(11)
    seen = {"stepper": 0, "problem": 0}
    for _ in range(150):
        setup = ConvSetup(
            input=INPUTS[rng.integers(len(INPUTS))], test_index=int(rng.integers(0, 20)),
            map_layer=layers[rng.integers(len(layers))], map_channel=int(rng.integers(-1, 20)),
            operation=["conv", "max", "avg"][rng.integers(3)],
            kernel=KERNELS[rng.integers(len(KERNELS))], size=int(rng.integers(1, 8)),
            stride=int(rng.integers(1, 7)),
            padding=[int(rng.integers(0, 5)), "same", "valid"][rng.integers(3)],
            flip=bool(rng.integers(2)), bias=float(rng.normal()),
            filter_layer=["conv1", "conv2"][rng.integers(2)], filter_index=int(rng.integers(0, 20)))
        build = resolve(setup, sources)
        if build.stepper is None:
            assert isinstance(build.problem, Problem)
            seen["problem"] += 1
            continue
        seen["stepper"] += 1
        st = build.stepper
        if build.setup.is_conv:
            b = np.array([st.bias], st.x.dtype)
            expected = F.conv2d(st.x[None], st.kernel[None], b, stride=st.stride,
                                padding=build.setup.padding, flip=st.flip)[0, 0]
        else:
            fn = F.max_pool2d if st.mode == "max" else F.avg_pool2d
            expected = fn(st.x[None], st.size, stride=st.stride, padding=build.setup.padding)[0]
        np.testing.assert_array_equal(st.assemble(), expected)
    assert seen["stepper"] > 30 and seen["problem"] > 5


def test_example_setup_keeps_what_the_example_does_not_set():
    base = ConvSetup(input="test", test_index=7, kernel="preset:sobel_x", flip=True)
    setup = example_setup("book_maxpool", base)
    assert (setup.operation, setup.size, setup.stride, setup.kernel) == ("max", 2, 2,
                                                                         "preset:sobel_x")
    assert setup.test_index == 7 and not setup.flip
    assert example_setup("book_bias").bias == 3
    with pytest.raises(KeyError):
        example_setup("gone")
    build = resolve(replace(base, input="example:three_channel", flip=False), ConvSources())
    np.testing.assert_array_equal(build.stepper.kernel[0], preset("sobel_x"))
    assert build.kernel_notes[-1] == Note("shared_kernel", (3,))


def test_convolution_and_pooling_keep_their_own_size_and_stride():
    conv = ConvSetup(size=5, stride=1)
    pool, memory = switch_operation(replace(conv, operation="max"), "conv", {})
    assert (pool.size, pool.stride) == START_GEOMETRY["pool"] and memory["conv"] == (5, 1)
    pool = replace(pool, size=3)
    avg, memory2 = switch_operation(replace(pool, operation="avg"), "pool", memory)
    assert (avg.size, avg.stride) == (3, 2) and memory2 == memory   # same kind: nothing moves
    back, memory = switch_operation(replace(avg, operation="conv"), "pool", memory)
    assert (back.size, back.stride) == (5, 1) and memory["pool"] == (3, 2)


def test_choosing_an_input_from_the_list():
    chosen = choose_input(ConvSetup(input="example:book_padding", stride=3, bias=2.0))
    assert chosen == example_setup("book_padding", ConvSetup(input="example:book_padding"))
    digit = choose_input(ConvSetup(input="test", kernel="example"))
    assert digit.kernel == "preset:sobel_x"                  # more telling on a digit
    assert choose_input(ConvSetup(input="test", kernel="preset:gaussian")) is None
    assert choose_input(ConvSetup(input="model", operation="max")) is None


@pytest.mark.parametrize("field, value, words", [
    ("input", "example:gone", "input must be one of"), ("operation", "median", "operation"),
    ("kernel", "preset:gone", "kernel"), ("stride", 0, "stride must be a whole number >= 1"),
    ("size", 2.5, "size"), ("test_index", -1, "test_index"), ("padding", "reflect", "padding"),
    ("padding", -2, "padding must be a whole number >= 0"), ("map_channel", -2, "map_channel")])
def test_a_setup_the_form_cannot_make_is_a_clear_error(field, value, words):
    with pytest.raises(ValueError, match=words) as info:
        ConvSetup(**{field: value})
    assert repr(value) in str(info.value)


def _photo(key):
    """A stand-in for the panel's photo loader: a 6x5 RGB gradient, red growing to the right."""
    image = np.zeros((6, 5, 3), np.float32)
    image[..., 0] = np.linspace(0, 1, 5)[None, :]
    image[..., 2] = 0.5
    return image


def test_a_photo_is_an_rgb_input_whose_channel_sums_add_up():
    from explorer.ui.conv_setup import is_rgb_input

    setup = ConvSetup(input="photo", photo="coffee", kernel="preset:sobel_x")
    build = resolve(setup, ConvSources(photo=_photo))
    assert build.problem is None and build.rgb
    assert build.stepper.x.shape == (3, 6, 5)
    np.testing.assert_allclose(build.stepper.x[0], _photo("")[..., 0])
    assert build.input_note == Note("photo", ("coffee", 3, 6, 5))
    pos = build.stepper.position(0)
    assert pos.total == pytest.approx(sum(pos.channel_sums))
    assert pos.channel_sums[1] == pytest.approx(0.0)     # the green channel is all zeros
    # the same input as numbers typed in is not a picture: its channels keep their numbers
    typed = resolve(replace(setup, input="typed"), ConvSources(typed=build.stepper.x))
    assert typed.problem is None and not typed.rgb
    assert not is_rgb_input(ConvSetup(input="test"), np.zeros((1, 28, 28)))
    assert is_rgb_input(ConvSetup(input="test"), np.zeros((3, 32, 32)))
    assert not is_rgb_input(ConvSetup(input="model"), np.zeros((3, 8, 8)))


def test_a_photo_without_a_loader_or_unreadable_is_a_problem():
    build = resolve(ConvSetup(input="photo", photo="cat"), ConvSources())
    assert build.stepper is None and build.problem == Problem("no_photo", ("cat",))

    def broken(key):
        raise ValueError(f"{key}.png could not be read")

    build = resolve(ConvSetup(input="photo", photo="cat"), ConvSources(photo=broken))
    assert build.problem.kind == "data" and "cat.png" in build.problem.args[0]
    with pytest.raises(ValueError, match="photo"):
        ConvSetup(photo="dog")


def test_the_photo_takes_a_colour_models_input_size():
    from explorer.ui.conv_setup import photo_size

    assert photo_size((3, 64, 48)) == {"height": 64, "width": 48}
    assert photo_size((1, 28, 28)) == photo_size(None) == {"height": 32, "width": 32}


def test_a_learned_colour_filter_on_a_photo_gives_the_layers_feature_map():
    model = build_model("tiny_vgg", seed=0)
    rng = np.random.default_rng(1)
    photo = rng.random((32, 32, 3)).astype(np.float32)
    snap = model_snapshot(photo, model)
    first = snap["filters"][0]
    setup = replace(ConvSetup(input="photo", kernel="learned", filter_layer=first["name"],
                              filter_index=2),
                    stride=layer_geometry(first)[0], padding=layer_geometry(first)[1])
    build = resolve(setup, ConvSources(photo=lambda key: photo, snapshot=snap))
    assert build.problem is None and build.rgb and build.stepper.kernel.shape[0] == 3
    before_relu = F.conv2d(photo.transpose(2, 0, 1)[None], first["weight"], first["bias"],
                           stride=build.stepper.stride, padding=build.stepper.padding)[0, 2]
    np.testing.assert_allclose(build.stepper.output, before_relu, rtol=1e-5, atol=1e-5)


def test_the_three_channel_examples_filter_note_names_its_example():
    build = resolve(example_setup("three_channel"), ConvSources())
    assert build.kernel_notes == (Note("example_filter", ("three_channel",)),)
    assert not build.rgb                      # numbered channels, not a picture
