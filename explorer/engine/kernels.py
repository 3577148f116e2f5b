"""Convolution kernel presets, cell parsing and kernel-set files for the Kernel lab.

Every kernel is a 2-D float64 array of shape ``(KH, KW)`` with ``1 <= KH, KW <= MAX_KERNEL_SIZE``.
The sign conventions are those of cross-correlation (what a CNN layer computes): ``sobel_x``
gives a positive response where the image gets brighter from left to right, ``sobel_y`` where it
gets brighter from top to bottom. Applying kernels to images lives in
:mod:`explorer.engine.filtering`.

Pure NumPy: no Qt here.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from explorer._atomic import atomic_write
from explorer.engine.messages import MessageError, Term

MAX_KERNEL_SIZE = 7
KERNEL_SET_FORMAT = "cnn-explorer-kernel-set"
KERNEL_SET_VERSION = 1


# --------------------------------------------------------------------------------------------
# Preset functions
# --------------------------------------------------------------------------------------------


def _check_size(size: int, minimum: int = 1) -> int:
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)):
        raise MessageError("kernel_size_not_integer", repr(size))
    size = int(size)
    if not minimum <= size <= MAX_KERNEL_SIZE:
        raise MessageError("kernel_size_range", minimum, MAX_KERNEL_SIZE, size)
    return size


def _check_sigma(sigma: float) -> float:
    sigma = float(sigma)
    if not math.isfinite(sigma) or sigma <= 0:
        raise MessageError("sigma_not_positive", sigma)
    return sigma


def _centred_grid(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates ``(y, x)`` of shape ``(size, size)`` measured from the kernel's centre
    ``(size - 1) / 2`` (a half-cell offset for even sizes)."""
    c = (size - 1) / 2.0
    r = np.arange(size, dtype=np.float64) - c
    return np.meshgrid(r, r, indexing="ij")


def identity(size: int = 3) -> np.ndarray:
    """``(size, size)`` kernel with a single 1 at row/column ``(size - 1) // 2``.

    With "same" padding (extra row/column at the bottom/right) that cell lines up with the
    output pixel, so the output equals the input for odd and even sizes."""
    size = _check_size(size)
    k = np.zeros((size, size))
    k[(size - 1) // 2, (size - 1) // 2] = 1.0
    return k


def box_blur(size: int = 3) -> np.ndarray:
    """``(size, size)`` kernel of equal weights ``1 / size**2``: the mean of the neighbourhood."""
    size = _check_size(size)
    return np.full((size, size), 1.0 / (size * size))


def gaussian(size: int = 5, sigma: float = 1.0) -> np.ndarray:
    """``(size, size)`` samples of ``exp(-(x**2 + y**2) / (2 sigma**2))`` around the centre,
    divided by their sum so the kernel sums to 1 (keeps the brightness)."""
    size = _check_size(size)
    sigma = _check_sigma(sigma)
    y, x = _centred_grid(size)
    k = np.exp(-(x * x + y * y) / (2.0 * sigma * sigma))
    return k / k.sum()


def sharpen() -> np.ndarray:
    """3x3: the pixel times 5 minus its four neighbours (identity plus a negative Laplacian)."""
    return np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]])


def sobel_x() -> np.ndarray:
    """3x3 horizontal derivative with [1, 2, 1] smoothing; positive where brightness rises to
    the right."""
    return np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


def sobel_y() -> np.ndarray:
    """3x3 vertical derivative (``sobel_x`` transposed); positive where brightness rises
    downwards."""
    return sobel_x().T.copy()


def prewitt_x() -> np.ndarray:
    """3x3 horizontal derivative with plain [1, 1, 1] smoothing."""
    return np.array([[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]])


def prewitt_y() -> np.ndarray:
    """3x3 vertical derivative (``prewitt_x`` transposed)."""
    return prewitt_x().T.copy()


def scharr_x() -> np.ndarray:
    """3x3 horizontal derivative with [3, 10, 3] smoothing (more rotation-invariant than Sobel)."""
    return np.array([[-3.0, 0.0, 3.0], [-10.0, 0.0, 10.0], [-3.0, 0.0, 3.0]])


def scharr_y() -> np.ndarray:
    """3x3 vertical derivative (``scharr_x`` transposed)."""
    return scharr_x().T.copy()


def laplacian4() -> np.ndarray:
    """3x3 discrete Laplacian over the 4 direct neighbours; sums to 0."""
    return np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])


def laplacian8() -> np.ndarray:
    """3x3 discrete Laplacian over all 8 neighbours; sums to 0."""
    return np.array([[1.0, 1.0, 1.0], [1.0, -8.0, 1.0], [1.0, 1.0, 1.0]])


def laplacian_of_gaussian(size: int = 5, sigma: float = 1.0) -> np.ndarray:
    """``(size, size)`` samples of the Laplacian of a Gaussian,
    ``-(1 / (pi sigma**4)) (1 - r**2 / (2 sigma**2)) exp(-r**2 / (2 sigma**2))``,
    shifted by a constant so the kernel sums to exactly 0 (a flat region gives 0)."""
    size = _check_size(size)
    sigma = _check_sigma(sigma)
    y, x = _centred_grid(size)
    q = (x * x + y * y) / (2.0 * sigma * sigma)
    k = -(1.0 / (math.pi * sigma**4)) * (1.0 - q) * np.exp(-q)
    return k - k.mean()


def emboss() -> np.ndarray:
    """3x3 diagonal derivative plus the pixel itself: relief lit from the bottom right."""
    return np.array([[-2.0, -1.0, 0.0], [-1.0, 1.0, 1.0], [0.0, 1.0, 2.0]])


def outline() -> np.ndarray:
    """3x3: 8 times the pixel minus its 8 neighbours (negative 8-neighbour Laplacian)."""
    return np.array([[-1.0, -1.0, -1.0], [-1.0, 8.0, -1.0], [-1.0, -1.0, -1.0]])


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """One library entry: ``make(**kwargs) -> (KH, KW)`` array.

    ``sizes`` lists the sizes ``make`` accepts (empty: fixed 3x3); ``uses_sigma`` says whether it
    takes ``sigma``; ``pair`` names the preset that measures the other direction (x <-> y)."""

    name: str
    title: str
    description: str
    make: Callable[..., np.ndarray]
    sizes: tuple[int, ...] = ()
    default_size: int = 3
    uses_sigma: bool = False
    default_sigma: float = 1.0
    pair: str | None = None

    def __repr__(self) -> str:
        extra = f", sizes={self.sizes[0]}..{self.sizes[-1]}" if self.sizes else ""
        extra += ", sigma" if self.uses_sigma else ""
        return f"Preset({self.name!r}{extra})"


_ALL = tuple(range(1, MAX_KERNEL_SIZE + 1))

PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset("identity", "Identity", "Copies the image unchanged: a single 1 at the centre.",
               identity, _ALL, 3),
        Preset("box_blur", "Box blur",
               "Averages the neighbourhood with equal weights: a simple blur.",
               box_blur, _ALL, 3),
        Preset("gaussian", "Gaussian blur",
               "Weighted average, heaviest at the centre; sigma sets how wide the blur is.",
               gaussian, _ALL, 5, uses_sigma=True, default_sigma=1.0),
        Preset("sharpen", "Sharpen", "Boosts the pixel against its neighbours: edges look crisper.",
               sharpen),
        Preset("sobel_x", "Sobel x",
               "Left-right brightness change (vertical edges); sign says dark-to-bright or back.",
               sobel_x, pair="sobel_y"),
        Preset("sobel_y", "Sobel y",
               "Top-bottom brightness change (horizontal edges); sign says which way.",
               sobel_y, pair="sobel_x"),
        Preset("prewitt_x", "Prewitt x", "Left-right change with plain averaging across the edge.",
               prewitt_x, pair="prewitt_y"),
        Preset("prewitt_y", "Prewitt y", "Top-bottom change with plain averaging across the edge.",
               prewitt_y, pair="prewitt_x"),
        Preset("scharr_x", "Scharr x", "Left-right change, tuned to treat all edge angles alike.",
               scharr_x, pair="scharr_y"),
        Preset("scharr_y", "Scharr y", "Top-bottom change, tuned to treat all edge angles alike.",
               scharr_y, pair="scharr_x"),
        Preset("laplacian4", "Laplacian (4-neighbour)",
               "Second derivative: zero on flat areas and ramps, strong at thin lines and corners.",
               laplacian4),
        Preset("laplacian8", "Laplacian (8-neighbour)",
               "Second derivative using the diagonals too: responds to edges in every direction.",
               laplacian8),
        Preset("log", "Laplacian of Gaussian",
               "Blurs, then takes the Laplacian: finds blobs and edges of a size set by sigma.",
               laplacian_of_gaussian, _ALL[2:], 5, uses_sigma=True, default_sigma=1.0),
        Preset("emboss", "Emboss", "Diagonal derivative plus the image: looks like a lit relief.",
               emboss),
        Preset("outline", "Outline", "Pixel minus all neighbours: keeps only the outlines.",
               outline),
    )
}


def preset(name: str, size: int | None = None, sigma: float | None = None) -> np.ndarray:
    """The preset ``name`` as a fresh ``(KH, KW)`` float64 array.

    ``size`` / ``sigma`` default to the preset's own; passing one a preset does not take (e.g. a
    size for Sobel, which is fixed at 3x3) raises ``ValueError``."""
    try:
        p = PRESETS[name]
    except KeyError:
        raise ValueError(
            f"unknown kernel preset {name!r}; choose one of {', '.join(PRESETS)}"
        ) from None
    kwargs: dict[str, float | int] = {}
    if p.sizes:
        size = p.default_size if size is None else size
        if size not in p.sizes:
            raise MessageError("preset_sizes", Term(p.title), p.sizes[0], p.sizes[-1], size)
        kwargs["size"] = size
    elif size is not None and size != 3:
        raise MessageError("preset_fixed_size", Term(p.title), size)
    if p.uses_sigma:
        kwargs["sigma"] = p.default_sigma if sigma is None else sigma
    elif sigma is not None:
        raise MessageError("preset_no_sigma", Term(p.title))
    return p.make(**kwargs)


# --------------------------------------------------------------------------------------------
# Cells, sums, normalising
# --------------------------------------------------------------------------------------------

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER_RE = re.compile(rf"^{_NUMBER}$")
_FRACTION_RE = re.compile(rf"^({_NUMBER})\s*/\s*({_NUMBER})$")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-"})


def parse_cell(text: str) -> float:
    """Read one kernel cell: a number (``"-2"``, ``"0.5"``, ``"1e-3"``) or a simple fraction
    (``"1/16"``, ``" 3 / 4 "``, ``"-1/8"``). Full-width digits and the typographic minus sign
    are accepted. Raises ``ValueError`` with a message for the user otherwise."""
    if not isinstance(text, str):
        raise ValueError(f"expected text, got {type(text).__name__}")
    s = unicodedata.normalize("NFKC", text).translate(_MINUS_SIGNS).strip()
    if not s:
        raise MessageError("cell_empty")
    if _NUMBER_RE.match(s):
        value = float(s)
    else:
        m = _FRACTION_RE.match(s)
        if m is None:
            raise MessageError("cell_not_a_number", repr(text.strip()))
        num, den = float(m.group(1)), float(m.group(2))
        if den == 0:
            raise MessageError("cell_divides_by_zero", repr(text.strip()))
        value = num / den
    if not math.isfinite(value):
        raise MessageError("cell_too_large", repr(text.strip()))
    return value


def format_cell(value: float) -> str:
    """Short text for a cell: ``"1"``, ``"-0.5"``, ``"0.0625"``, ``"0.1111"`` (4 significant
    digits)."""
    value = float(value)
    if value == 0:
        return "0"
    if value == round(value) and abs(value) < 1e6:
        return str(int(round(value)))
    return f"{value:.4g}"


def kernel_sum(kernel: np.ndarray) -> float:
    """Sum of the kernel's weights: 1 keeps brightness, 0 means a flat area gives 0."""
    return float(np.sum(check_kernel(kernel)))


def normalise(kernel: np.ndarray) -> np.ndarray:
    """The kernel divided by its sum, so it sums to 1 (a new ``(KH, KW)`` float64 array).

    Raises ``ValueError`` when the sum is (close to) zero: edge and Laplacian kernels sum to 0 on
    purpose and cannot be scaled to sum 1."""
    k = check_kernel(kernel)
    total = float(k.sum())
    scale = float(np.abs(k).sum())
    if scale == 0 or abs(total) <= 1e-12 * scale:
        raise MessageError("kernel_sums_to_zero")
    return k / total


def scaled(kernel: np.ndarray, factor: float) -> np.ndarray:
    """Every weight multiplied by ``factor`` (a new ``(KH, KW)`` float64 array)."""
    factor = float(factor)
    if not math.isfinite(factor):
        raise MessageError("scale_not_finite", factor)
    return check_kernel(kernel) * factor


def resized(kernel: np.ndarray, size: int) -> np.ndarray:
    """The kernel cropped or zero-padded to ``(size, size)`` around its centre cell
    ``(K - 1) // 2``, so a centred kernel stays centred (new cells are 0)."""
    size = _check_size(size)
    k = check_kernel(kernel)
    out = np.zeros((size, size))
    ci, co = (np.array(k.shape) - 1) // 2, (size - 1) // 2
    for r in range(k.shape[0]):
        for c in range(k.shape[1]):
            rr, cc = r - ci[0] + co, c - ci[1] + co
            if 0 <= rr < size and 0 <= cc < size:
                out[rr, cc] = k[r, c]
    return out


def flip_effect(kernel: np.ndarray) -> str:
    """What a true convolution (kernel rotated 180 degrees) does compared with cross-correlation:
    ``"same"`` (the rotated kernel is identical: Gaussian, box blur, Laplacian), ``"negated"``
    (it becomes its own negative: Sobel, Prewitt, Scharr, so every response changes sign) or
    ``"different"`` (any other change, e.g. emboss)."""
    k = check_kernel(kernel)
    r = k[::-1, ::-1]
    tol = 1e-12 * max(1.0, float(np.abs(k).max()))
    if np.allclose(r, k, rtol=0, atol=tol):
        return "same"
    if np.allclose(r, -k, rtol=0, atol=tol):
        return "negated"
    return "different"


def check_kernel(kernel) -> np.ndarray:
    """``kernel`` as a ``(KH, KW)`` float64 array; ``ValueError`` if it is not 2-D, is larger than
    ``MAX_KERNEL_SIZE`` or holds NaN/infinity."""
    try:
        k = np.asarray(kernel, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:  # text, ragged rows, 10**400, ...
        raise MessageError("kernel_not_numbers", exc) from None
    if k.ndim != 2:
        raise MessageError("kernel_not_2d", k.shape)
    if not (1 <= k.shape[0] <= MAX_KERNEL_SIZE and 1 <= k.shape[1] <= MAX_KERNEL_SIZE):
        raise MessageError("kernel_size_limits", k.shape[0], k.shape[1], MAX_KERNEL_SIZE)
    if not np.all(np.isfinite(k)):
        raise MessageError("kernel_not_finite")
    return k


def kernel_from_json(text, source: str = Term("the saved kernel")) -> np.ndarray:
    """A kernel ``(KH, KW)`` float64 from JSON text such as ``"[[1, 0], [0, -1]]"`` (how the
    Kernel lab keeps a custom kernel in its settings). Every problem is a ValueError naming
    ``source``: not text, too long, invalid or deeply nested JSON, huge numbers, a bad kernel."""
    if not isinstance(text, str):
        raise MessageError("source_not_text", source, type(text).__name__)
    if len(text) > MAX_KERNEL_SET_BYTES:
        raise MessageError("source_too_long", source, f"{MAX_KERNEL_SET_BYTES:,}")
    try:
        values = json.loads(text)
    except RecursionError:
        raise MessageError("source_nested_too_deeply", source) from None
    except ValueError as exc:  # JSONDecodeError, or an integer of more than 4300 digits
        raise MessageError("source_not_json", source, exc) from None
    try:
        return check_kernel(values)
    except ValueError as exc:
        raise MessageError("source_problem", source, exc) from None


#: The biggest kernel-set file read (bytes; the text's characters are limited to the same
#: number): a set of 1000 7x7 kernels is ~0.5 MB.
MAX_KERNEL_SET_BYTES = 4_000_000


# --------------------------------------------------------------------------------------------
# Kernel sets (JSON)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NamedKernel:
    """A user's kernel: ``name`` (unique in its set), ``values`` ``(K, K)`` float64,
    ``description``."""

    name: str
    values: np.ndarray
    description: str = ""

    def __repr__(self) -> str:
        kh, kw = self.values.shape
        return f"NamedKernel({self.name!r}, {kh}x{kw}, sum={float(self.values.sum()):.4g})"

    def __eq__(self, other) -> bool:
        if not isinstance(other, NamedKernel):
            return NotImplemented
        return (self.name, self.description) == (other.name, other.description) and np.array_equal(
            self.values, other.values
        )

    __hash__ = None  # holds an array


def named_kernel(name: str, values, description: str = "") -> NamedKernel:
    """Validated ``NamedKernel``: a non-empty name, a square kernel 1x1..7x7 of finite numbers."""
    if not isinstance(name, str) or not name.strip():
        raise MessageError("kernel_needs_name")
    if not isinstance(description, str):
        raise MessageError("kernel_description_not_text", repr(name))
    try:
        k = check_kernel(values)
    except ValueError as exc:
        raise MessageError("kernel_problem", repr(name), exc) from None
    if k.shape[0] != k.shape[1]:
        raise MessageError("kernel_not_square", repr(name), k.shape[0], k.shape[1])
    k = k.copy()
    k.flags.writeable = False
    return NamedKernel(name.strip(), k, description)


def kernel_set_to_json(kernels: list[NamedKernel]) -> str:
    """The JSON text of a kernel set (format ``cnn-explorer-kernel-set``, version 1)."""
    names = [k.name for k in kernels]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise MessageError("kernel_names_repeated", ", ".join(dupes))
    doc = {
        "format": KERNEL_SET_FORMAT,
        "version": KERNEL_SET_VERSION,
        "kernels": [
            {"name": k.name, "description": k.description, "values": k.values.tolist()}
            for k in kernels
        ],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False)


def kernel_set_from_json(text: str, source: str = Term("kernel set")) -> list[NamedKernel]:
    """Parse and validate a kernel set; ``ValueError`` naming ``source`` and what is wrong."""
    if len(text) > MAX_KERNEL_SET_BYTES:
        raise MessageError("set_too_many_characters", source, f"{MAX_KERNEL_SET_BYTES:,}")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MessageError("set_not_json", source, exc.lineno, exc.colno, exc.msg) from None
    except RecursionError:
        raise MessageError("set_nested_too_deeply", source) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise MessageError("set_unusable_json", source, exc) from None
    if not isinstance(doc, dict) or doc.get("format") != KERNEL_SET_FORMAT:
        raise MessageError("set_wrong_format", source, KERNEL_SET_FORMAT)
    version = doc.get("version")
    if version != KERNEL_SET_VERSION:
        raise MessageError("set_wrong_version", source, repr(version), KERNEL_SET_VERSION)
    items = doc.get("kernels")
    if not isinstance(items, list):
        raise MessageError("set_kernels_not_a_list", source)
    out: list[NamedKernel] = []
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise MessageError("set_item_not_an_object", source, i)
        values = item.get("values")
        if not (isinstance(values, list) and all(isinstance(r, list) for r in values)):
            raise MessageError("set_item_without_rows", source, i)
        if len({len(r) for r in values}) > 1:
            raise MessageError("set_item_ragged", source, i)
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                   for r in values for v in r):
            raise MessageError("set_item_not_a_number", source, i)
        try:
            out.append(named_kernel(item.get("name", ""), values, item.get("description", "")))
        except ValueError as exc:
            raise MessageError("set_item_problem", source, i, exc) from None
    names = [k.name for k in out]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise MessageError("set_names_repeated", source, ", ".join(dupes))
    return out


def save_kernel_set(path, kernels: list[NamedKernel]) -> None:
    """Write ``kernels`` to ``path`` as JSON, atomically (a temporary file, then a rename), so a
    crash never leaves half a file."""
    path = Path(path)
    text = kernel_set_to_json(kernels)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "w", encoding="utf-8") as f:
        f.write(text)


def load_kernel_set(path) -> list[NamedKernel]:
    """Read a kernel set written by :func:`save_kernel_set`; ``ValueError`` / ``OSError`` say
    what is wrong (every malformed file is a ValueError: bad or deeply nested JSON, huge
    numbers, a file of more than MAX_KERNEL_SET_BYTES)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_KERNEL_SET_BYTES + 1)
        if len(raw) > MAX_KERNEL_SET_BYTES:
            raise MessageError("set_file_too_large", path.name, f"{MAX_KERNEL_SET_BYTES:,}")
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MessageError("set_file_not_text", path.name) from None
    return kernel_set_from_json(text, source=path.name)
