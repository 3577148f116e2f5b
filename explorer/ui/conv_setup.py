"""The Convolution tab's set-up as a value, and the decisions that turn it into a stepper.

Qt-free (tests/test_conv_setup.py runs it without a window): the panel reads its form into a
`ConvSetup`, calls `resolve(setup, sources)` and renders the `ConvBuild` it gets back. This
module decides which input, kernel and geometry a set-up means, clamps indices that point past
what exists (a test image #999 in a set of 200), and reports what it cannot do as a `Problem`
(a kind and its numbers). Sentences for the user are written by the panel
(`explorer.ui.panels.convolution_text.note_text` / ``problem_text``), so they can be translated.

Shapes: an input ``x`` is ``(C, H, W)``; a kernel is ``(C, KH, KW)`` (a learned filter or a
multi-channel example) or ``(KH, KW)`` (applied to every input channel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from explorer.data import pixels_to_float
from explorer.data.model_input import input_batch
from explorer.data.sample_photos import DEFAULT_PHOTO, SAMPLE_PHOTOS
from explorer.engine import functional as F
from explorer.engine.conv_examples import CONV_EXAMPLES, POOL_EXAMPLES, get_example
from explorer.engine.kernels import PRESETS, preset
from explorer.engine.backward import ConvBackwardStepper, PoolBackwardStepper
from explorer.engine.stepper import ConvStepper, PoolStepper
from explorer.ui.conv_backward import backward_for
from explorer.ui.typed_input import DEFAULT as DEFAULT_TYPED
from explorer.ui.typed_input import as_batch

#: Operations: a convolution or one of the two poolings (the stepper's ``mode``).
OPERATIONS = ("conv", "max", "avg")
#: Forward: the output cell by cell; backward: the gradients (dY all ones) cell by cell.
DIRECTIONS = ("forward", "backward")
#: The form's ranges: kernel/window size, stride, padding number and bias.
SIZE_RANGE = (1, 7)
STRIDE_RANGE = (1, 6)
PADDING_RANGE = (0, 4)
BIAS_RANGE = (-100.0, 100.0)
#: Every input source the form offers (``example:<key>`` for each textbook example).
INPUTS = tuple(f"example:{ex.key}" for ex in CONV_EXAMPLES + POOL_EXAMPLES) + (
    "current", "test", "photo", "model", "typed")
#: Every kernel source (``preset:<name>`` for each kernel of `explorer.engine.kernels`).
KERNELS = ("example",) + tuple(f"preset:{name}" for name in PRESETS) + ("learned",)


@dataclass(frozen=True)
class ConvSetup:
    """Everything the Convolution tab's form says.

    ``input``: one of `INPUTS`; ``test_index``: the test image for ``"test"``; ``map_layer`` /
    ``map_channel`` (-1 = all channels): the feature map for ``"model"``; ``operation``: one of
    `OPERATIONS`; ``kernel``: one of `KERNELS`; ``size``: the kernel size of a sized preset or
    the pooling window; ``stride``; ``padding``: an int, ``"same"`` or ``"valid"``; ``flip``:
    rotate the kernel 180 degrees; ``bias``; ``filter_layer`` / ``filter_index``: the learned
    filter for ``"learned"``."""

    input: str = "example:book_4x4"
    test_index: int = 0
    map_layer: str | None = None
    map_channel: int = -1
    operation: str = "conv"
    kernel: str = "example"
    size: int = 3
    stride: int = 1
    padding: int | str = 0
    flip: bool = False
    bias: float = 0.0
    filter_layer: str | None = None
    filter_index: int = 0
    direction: str = "forward"
    #: Which image of a typed batch of two (N = 2) the forward stepper walks.
    image: int = 0
    #: The sample photo (`explorer.data.sample_photos`) for the input ``"photo"``.
    photo: str = DEFAULT_PHOTO

    def __post_init__(self):
        if self.direction not in DIRECTIONS:
            raise ValueError(f"ConvSetup direction must be one of {', '.join(DIRECTIONS)}; "
                             f"got {self.direction!r}")
        for name, value, allowed in (("input", self.input, INPUTS),
                                     ("photo", self.photo, SAMPLE_PHOTOS),
                                     ("operation", self.operation, OPERATIONS),
                                     ("kernel", self.kernel, KERNELS)):
            if value not in allowed:
                raise ValueError(f"ConvSetup {name} must be one of {', '.join(allowed)}; "
                                 f"got {value!r}")
        for name, value, low in (("size", self.size, 1), ("stride", self.stride, 1),
                                 ("test_index", self.test_index, 0),
                                 ("filter_index", self.filter_index, 0),
                                 ("map_channel", self.map_channel, -1),
                                 ("image", self.image, 0)):
            if int(value) != value or value < low:
                raise ValueError(f"ConvSetup {name} must be a whole number >= {low}, "
                                 f"got {value!r}")
        if isinstance(self.padding, str):
            if self.padding not in ("same", "valid"):
                raise ValueError(f"ConvSetup padding must be a number, 'same' or 'valid', "
                                 f"got {self.padding!r}")
        elif int(self.padding) != self.padding or self.padding < 0:
            raise ValueError(f"ConvSetup padding must be a whole number >= 0, "
                             f"got {self.padding!r}")

    @property
    def is_conv(self) -> bool:
        return self.operation == "conv"

    @property
    def example_key(self) -> str | None:
        """The textbook example chosen as input, or None."""
        return self.input.split(":", 1)[1] if self.input.startswith("example:") else None

    @property
    def preset_name(self) -> str | None:
        """The kernel preset chosen, or None."""
        return self.kernel.split(":", 1)[1] if self.kernel.startswith("preset:") else None

    @property
    def size_applies(self) -> bool:
        """Whether ``size`` means anything: a pooling window, or a preset that comes in sizes."""
        if not self.is_conv:
            return True
        p = PRESETS.get(self.preset_name or "")
        return p is not None and bool(p.sizes)

    @property
    def needs_model(self) -> bool:
        """Whether the set-up reads the live model (its feature maps or a learned filter)."""
        return self.input == "model" or (self.is_conv and self.kernel == "learned")


def example_setup(key: str, base: ConvSetup | None = None) -> ConvSetup:
    """``base`` (default: a fresh set-up) with the input, operation, kernel, size, stride,
    padding and bias of the textbook example ``key`` and no flip. KeyError for an unknown key."""
    ex = get_example(key)
    base = ConvSetup() if base is None else base
    conv = ex.kernel is not None
    return replace(base, input=f"example:{key}", operation=ex.pool or "conv",
                   kernel="example" if conv else base.kernel,
                   size=int(ex.kernel.shape[-1]) if conv else int(ex.pool_size),
                   stride=int(ex.stride), padding=ex.padding, bias=float(ex.bias), flip=False)


#: The (size, stride) each kind of operation starts with: a 3x3 kernel moved by 1, and the
#: textbook's 2x2 pooling window with stride 2.
START_GEOMETRY = {"conv": (3, 1), "pool": (2, 2)}


def operation_kind(operation: str) -> str:
    """``"conv"`` for a convolution, ``"pool"`` for either pooling."""
    return "conv" if operation == "conv" else "pool"


def switch_operation(setup: ConvSetup, previous: str, memory: dict) -> tuple[ConvSetup, dict]:
    """Convolution and pooling keep their own size and stride: ``setup`` has just changed
    operation from one of kind ``previous`` (``"conv"`` / ``"pool"``). Returns the set-up with
    the new kind's remembered (size, stride) and the memory holding the old kind's; an
    operation of the same kind (max to average pooling) changes nothing."""
    kind = operation_kind(setup.operation)
    if kind == previous:
        return setup, dict(memory)
    memory = {**START_GEOMETRY, **memory, previous: (setup.size, setup.stride)}
    size, stride = memory[kind]
    return replace(setup, size=size, stride=stride), memory


def choose_input(setup: ConvSetup) -> ConvSetup | None:
    """What picking ``setup.input`` from the list implies, or None for nothing: an example
    brings its own values; a digit under the textbook's 3x3 filter gets a classic edge
    detector (Sobel x), which shows more on a digit."""
    if setup.example_key is not None:
        return example_setup(setup.example_key, setup)
    if setup.is_conv and setup.kernel == "example" and "sobel_x" in PRESETS:
        return replace(setup, kernel="preset:sobel_x")
    return None


def layer_geometry(filt: dict) -> tuple[int, int | str] | None:
    """``(stride, padding)`` of a learned filter's layer (a ``model_snapshot`` filter dict), so
    that its output here is the layer's own feature map; None when the layer does not say."""
    stride, padding = filt.get("stride"), filt.get("padding")
    if stride is None:
        return None
    stride = int(stride[0] if isinstance(stride, (tuple, list)) else stride)
    if isinstance(padding, str):
        return stride, padding.lower()
    if isinstance(padding, (tuple, list)):
        padding = padding[0][0] if isinstance(padding[0], (tuple, list)) else padding[0]
    return stride, int(padding or 0)


def model_snapshot(image, model) -> dict:
    """Runs in the worker thread: what the Convolution panel needs from the live model.

    image : ndarray (28, 28) float32 in [0, 1]. Returns ``maps``: list of (layer name,
    (C, H, W) output) for every layer with a spatial output, and ``filters``: list of dicts
    (name, weight (F, C, KH, KW), bias (F,) or None, stride, padding).
    """
    x = input_batch(image)   # (1, C, H, W): grey or colour
    maps = [(name, out[0]) for name, out in model.trace(x) if out.ndim == 4]
    params = model.parameters()
    layers = {layer.name: layer for layer in model.layers}
    filters = []
    for key, weight in params.items():
        if key.endswith(".weight") and weight.ndim == 4:
            name = key[: -len(".weight")]
            layer = layers.get(name)
            filters.append({
                "name": name,
                "weight": weight,
                "bias": params.get(name + ".bias"),
                "stride": getattr(layer, "stride", None),
                "padding": getattr(layer, "padding", None),
            })
    return {"maps": maps, "filters": filters}


@dataclass(frozen=True)
class Note:
    """A sentence for the panel to write: its ``kind`` and the values it names."""

    kind: str
    args: tuple = ()


@dataclass(frozen=True)
class Problem:
    """Why a set-up cannot be stepped.

    Kinds and args: ``"no_maps"`` / ``"no_filters"`` (the live model has not answered yet);
    ``"no_photo"`` (the photo's key: the panel gave no way to load it);
    ``"preset_size"`` (preset title, smallest, largest size); ``"channels"`` (kernel channels,
    input channels, filter layer or None, the layer feeding it or None); ``"data"`` (the
    loader's message); ``"empty_data"`` (data set name); ``"engine"`` (the engine's message,
    e.g. a kernel larger than the padded input). A ``"data"`` or ``"engine"`` message is
    ``(English text, message code or None, values)``: see `explorer.engine.messages`."""

    kind: str
    args: tuple = ()


@dataclass
class ConvSources:
    """What a set-up is resolved against.

    ``current_input``: the app's (28, 28) input in [0, 1] or None, with ``current_source``;
    ``dataset``: a callable returning the active `explorer.data.Dataset` (may raise OSError or
    ValueError); ``snapshot``: ``model_snapshot``'s dict (``maps``: (name, (C, H, W)) pairs,
    ``filters``: dicts with name, weight (F, C, KH, KW), bias (F,) or None, stride, padding) or
    None; ``layer_names``: the live model's layer names in order (to say which layer feeds a
    filter); ``photo``: a callable taking a sample photo's key and returning it as an
    ``(H, W, 3)`` RGB image in [0, 1] (may raise ValueError), or None."""

    current_input: np.ndarray | None = None
    current_source: str = ""
    dataset: Callable | None = None
    snapshot: dict | None = None
    layer_names: tuple = ()
    typed: np.ndarray | None = None
    photo: Callable | None = None

    def __repr__(self) -> str:
        shape = None if self.current_input is None else self.current_input.shape
        maps = len((self.snapshot or {}).get("maps", ()))
        return (f"ConvSources(current_input={shape}, source={self.current_source!r}, "
                f"dataset={'yes' if self.dataset else 'no'}, maps={maps}, "
                f"layers={len(self.layer_names)})")

    def map(self, name):
        """The (C, H, W) output of layer ``name`` or None."""
        for n, arr in (self.snapshot or {}).get("maps", ()):
            if n == name:
                return arr
        return None

    def filter(self, name):
        """The filter dict of layer ``name`` or None."""
        for f in (self.snapshot or {}).get("filters", ()):
            if f["name"] == name:
                return f
        return None


@dataclass(frozen=True)
class ConvBuild:
    """The outcome of `resolve`.

    ``setup``: the set-up used (indices clamped to what exists); ``stepper``: a `ConvStepper` /
    `PoolStepper`, or None with a ``problem``; ``input_note`` / ``kernel_notes``: what the input
    and kernel are; ``notices``: what was changed (``Note("test_clamped", (asked, used,
    count))``, ``"filter_clamped"``, ``"channel_clamped"``); ``explain_h`` / ``explain_w``: the
    output-size explanations (also when only the stepping failed: then ``explain_w`` is None),
    ``same_h`` / ``same_w``: the same with SAME padding (None when SAME is chosen or impossible);
    ``size_problem``: why not even the size could be explained."""

    setup: ConvSetup
    stepper: ConvStepper | PoolStepper | None = None
    problem: Problem | None = None
    input_note: Note | None = None
    kernel_notes: tuple = ()
    notices: tuple = ()
    explain_h: object = None
    explain_w: object = None
    same_h: object = None
    same_w: object = None
    size_problem: Problem | None = None
    backward: ConvBackwardStepper | PoolBackwardStepper | None = None
    #: The typed batch (N, C, H, W) when it holds two images (the stepper walks image
    #: ``setup.image`` of it), else None.
    batch: np.ndarray | None = None
    #: Whether the input is an RGB image (a photo, or a colour model's drawn/test image): its
    #: channels are then red, green and blue, not numbered feature-map channels.
    rgb: bool = False

    @property
    def n_images(self) -> int:
        """Images in the input: 2 for a typed batch, else 1."""
        return 1 if self.batch is None else int(self.batch.shape[0])

    def batch_output(self) -> np.ndarray | None:
        """The engine's forward output of the whole batch, (N, OH, OW) for a convolution or
        (N, C, OH, OW) for a pooling, or None without a batch or a stepper."""
        st = self.stepper
        if self.batch is None or st is None:
            return None
        if isinstance(st, ConvStepper):
            return F.conv2d(self.batch, st.kernel[None], np.array([st.bias]), stride=st.stride,
                            padding=st.padding, flip=st.flip)[:, 0]
        pool = F.max_pool2d if st.mode == "max" else F.avg_pool2d
        return pool(self.batch, st.size, stride=st.stride, padding=st.padding)


class _Unresolvable(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.kind)
        self.problem = problem


def _engine_problem(exc: Exception, kind: str = "engine") -> Problem:
    """``Problem(kind, (English message, code, values))``: the code and values of an
    `explorer.engine.messages.MessageError` (None and () for another error) let the panel
    write the message in the user's language."""
    return Problem(kind, (str(exc), getattr(exc, "code", None), getattr(exc, "values", ())))


def _dataset(sources: ConvSources):
    try:
        data = sources.dataset()
    except (OSError, ValueError) as exc:
        raise _Unresolvable(_engine_problem(exc, "data")) from None
    if len(data.test_images) == 0:
        raise _Unresolvable(Problem("empty_data", (str(getattr(data, "name", "")),)))
    return data


def clamp_index(index: int, count: int) -> int:
    """``index`` moved into ``0 .. count - 1`` (0 when ``count`` is 0)."""
    return int(min(max(int(index), 0), max(0, int(count) - 1)))


def _input(setup: ConvSetup, sources: ConvSources, notices: list):
    """(x (C, H, W), note, setup with clamped indices)."""
    key = setup.example_key
    if key is not None:
        ex = get_example(key)
        if setup.is_conv == (ex.pool is not None):   # an example of the other operation
            return ex.x, Note("example_other", (ex.title,)), setup
        return ex.x, Note("example", (ex.description, _settings_note(setup, ex))), setup
    if setup.input == "typed":
        batch = as_batch(DEFAULT_TYPED if sources.typed is None else sources.typed)
        n = batch.shape[0]
        i = clamp_index(setup.image, n)
        if i != setup.image:
            setup = replace(setup, image=i)
        if n == 1:
            return batch[0], Note("typed", tuple(batch.shape[1:])), setup
        return batch[i], Note("typed_batch", (i, n) + tuple(batch.shape[1:])), setup
    if setup.input == "current":
        if sources.current_input is None:
            data = _dataset(sources)
            return (input_batch(pixels_to_float(data.test_images[0]))[0], Note("current_missing"),
                    setup)
        return (input_batch(sources.current_input)[0], Note("current", (sources.current_source,)),
                setup)
    if setup.input == "photo":
        if sources.photo is None:
            raise _Unresolvable(Problem("no_photo", (setup.photo,)))
        try:
            image = sources.photo(setup.photo)
        except ValueError as exc:
            raise _Unresolvable(_engine_problem(exc, "data")) from None
        x = input_batch(image)[0]
        return x, Note("photo", (setup.photo,) + tuple(x.shape)), setup
    if setup.input == "test":
        data = _dataset(sources)
        n = len(data.test_images)
        i = clamp_index(setup.test_index, n)
        if i != setup.test_index:
            notices.append(Note("test_clamped", (setup.test_index, i, n)))
            setup = replace(setup, test_index=i)
        label = data.class_names[int(data.test_labels[i])]
        return input_batch(pixels_to_float(data.test_images[i]))[0], Note("test", (i, label)), setup
    arr = sources.map(setup.map_layer)
    if arr is None:
        raise _Unresolvable(Problem("no_maps"))
    ch, n = setup.map_channel, arr.shape[0]
    if ch >= n:
        notices.append(Note("channel_clamped", (ch, n - 1, n)))
        ch = n - 1
        setup = replace(setup, map_channel=ch)
    if ch < 0:
        return arr, Note("map_all", (setup.map_layer, n)), setup
    return arr[ch: ch + 1], Note("map_channel", (ch, setup.map_layer)), setup


def _settings_note(setup: ConvSetup, ex) -> Note | None:
    """Where the user's stride, padding (window size / bias) differ from the example's own."""
    pool = ex.pool is not None
    size = setup.size if pool else ex.kernel.shape[-1]
    hw = ex.x.shape[1:]
    try:
        ours = F.resolve_padding(setup.padding, hw, (size, size), (setup.stride,) * 2)
        book = F.resolve_padding(ex.padding, hw, (ex.pool_size if pool else size,) * 2,
                                 (ex.stride, ex.stride))
    except ValueError:
        ours, book = None, ()
    same = setup.stride == ex.stride and ours == book and (
        size == ex.pool_size if pool else abs(setup.bias - ex.bias) < 1e-12)
    if same:
        return None
    if pool:
        return Note("your_pool_settings", (size, setup.stride, setup.padding))
    return Note("your_conv_settings", (setup.stride, setup.padding, setup.bias))


def _kernel(setup: ConvSetup, channels: int, sources: ConvSources, notices: list):
    """(kernel, bias, notes, setup with clamped indices)."""
    if setup.kernel == "example":
        ex = get_example(setup.example_key) if setup.example_key else None
        if ex is not None and ex.kernel is not None and ex.kernel.shape[0] == channels:
            return ex.kernel, setup.bias, (Note("example_filter", (ex.key,)),), setup
        return get_example("book_4x4").kernel[0], setup.bias, (Note("book_filter"),), setup
    name = setup.preset_name
    if name is not None:
        p = PRESETS.get(name)
        if p is None:
            raise _Unresolvable(Problem("engine", (f"unknown kernel preset {name!r}",)))
        if p.sizes and setup.size not in p.sizes:
            raise _Unresolvable(Problem("preset_size", (p.title, p.sizes[0], p.sizes[-1])))
        kernel = preset(name, size=setup.size if p.sizes else None)
        return kernel, setup.bias, (Note("preset", (p.description,)),), setup
    f = sources.filter(setup.filter_layer)
    if f is None:
        raise _Unresolvable(Problem("no_filters"))
    n = f["weight"].shape[0]
    i = clamp_index(setup.filter_index, n)
    if i != setup.filter_index:
        notices.append(Note("filter_clamped", (setup.filter_index, i, n)))
        setup = replace(setup, filter_index=i)
    learned = 0.0 if f["bias"] is None else float(f["bias"][i])
    return f["weight"][i], learned + setup.bias, (Note("learned", (i, f["name"], learned)),), setup


def _channel_problem(setup: ConvSetup, kernel_c: int, input_c: int, sources) -> Problem:
    layer = before = None
    if setup.kernel == "learned":
        layer = setup.filter_layer
        names = list(sources.layer_names)
        if layer in names and names.index(layer) > 0:
            before = names[names.index(layer) - 1]
    return Problem("channels", (kernel_c, input_c, layer, before))


def resolve(setup: ConvSetup, sources: ConvSources) -> ConvBuild:
    """Turn ``setup`` into a stepper, or say why it cannot be one. Never raises for a set-up
    the form can produce; an engine ValueError (a kernel larger than the padded input...)
    becomes ``Problem("engine", (message,))``."""
    notices: list = []
    x = kernel = None
    try:
        x, input_note, setup = _input(setup, sources, notices)
        kernel_notes: tuple = ()
        if setup.is_conv:
            kernel, bias, kernel_notes, setup = _kernel(setup, x.shape[0], sources, notices)
            if kernel.ndim == 3 and kernel.shape[0] != x.shape[0]:
                raise _Unresolvable(_channel_problem(setup, kernel.shape[0], x.shape[0], sources))
            try:
                stepper = ConvStepper(x, kernel, bias=bias, stride=setup.stride,
                                      padding=setup.padding, flip=setup.flip)
            except ValueError as exc:
                raise _Unresolvable(_engine_problem(exc)) from None
            if kernel.ndim == 2 and x.shape[0] > 1:
                kernel_notes += (Note("shared_kernel", (x.shape[0],)),)
        else:
            try:
                stepper = PoolStepper(x, setup.operation, setup.size, setup.stride, setup.padding)
            except ValueError as exc:
                raise _Unresolvable(_engine_problem(exc)) from None
    except _Unresolvable as exc:
        h, size_problem = _size_only(setup, x, kernel, exc.problem)
        return ConvBuild(setup=setup, problem=exc.problem, notices=tuple(notices), explain_h=h,
                         size_problem=size_problem)
    same_h = same_w = None
    if setup.padding != "same":
        k = stepper.kernel_size if setup.is_conv else stepper.size
        try:
            same_h = F.explain_output_size(x.shape[1], k[0], stepper.stride[0], "same")
            same_w = F.explain_output_size(x.shape[2], k[1], stepper.stride[1], "same")
        except ValueError:
            same_h = same_w = None
    batch = None
    if setup.input == "typed" and sources.typed is not None:
        full = as_batch(sources.typed)
        batch = full if full.shape[0] > 1 else None
    return ConvBuild(setup=setup, stepper=stepper, input_note=input_note,
                     kernel_notes=kernel_notes, notices=tuple(notices),
                     explain_h=stepper.explain_h, explain_w=stepper.explain_w,
                     same_h=same_h, same_w=same_w, backward=_backward(setup, stepper, batch),
                     batch=batch, rgb=is_rgb_input(setup, x))


#: The side of a sample photo when the live model does not take colour (CIFAR's 32x32).
PHOTO_SIDE = 32


def photo_size(model_input) -> dict:
    """``dict(height=, width=)`` of the sample photo input: the live model's input size when it
    takes 3 channels (so a first-layer filter sees what the network sees), else 32x32.
    ``model_input``: the model's ``(C, H, W)`` or None."""
    if model_input is not None and len(model_input) == 3 and int(model_input[0]) == 3:
        return {"height": int(model_input[1]), "width": int(model_input[2])}
    return {"height": PHOTO_SIDE, "width": PHOTO_SIDE}


def is_rgb_input(setup: ConvSetup, x) -> bool:
    """Whether the input ``x`` (C, H, W) of ``setup`` is a colour picture (red, green, blue):
    a sample photo, or the drawn/opened or test image of a colour model, with 3 channels.
    Feature maps, typed numbers and the numeric examples have numbered channels instead."""
    return setup.input in ("photo", "current", "test") and x is not None and x.shape[0] == 3


def _backward(setup: ConvSetup, stepper, batch=None):
    """The backward stepper of ``stepper`` with dY all ones (None going forward); for a
    convolution of a typed batch of two, of the whole batch (dW and db summed over it)."""
    if setup.direction != "backward":
        return None
    lead = (batch.shape[0],) if batch is not None and isinstance(stepper, ConvStepper) else ()
    return backward_for(stepper, np.ones(lead + stepper.output.shape), batch)


def _size_only(setup: ConvSetup, x, kernel, problem: Problem):
    """The row explanation of a set-up that cannot be stepped, when the sizes are known (else
    None and ``problem``: without an input or a kernel there is no size to explain)."""
    if x is None or (setup.is_conv and kernel is None):
        return None, problem
    k = kernel.shape[-1] if setup.is_conv else setup.size
    try:
        return F.explain_output_size(x.shape[1], k, setup.stride, setup.padding), None
    except ValueError as exc:
        return None, _engine_problem(exc)
