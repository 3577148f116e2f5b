"""Built-in test pictures for the Kernel lab, generated here (no image files shipped).

Every picture is an ``(H, W)`` float32 array of grey values in [0, 1] (0 black, 1 white).
The text picture uses a tiny built-in 5x7 bitmap font (A-Z, 0-9 and a little punctuation), so it
looks the same on every machine and needs no Qt. Loading PNG/JPEG files is done in the UI layer
(``explorer.ui.image_files``), which hands a grey array back to the engine.

Pure NumPy: no Qt here.
"""

from __future__ import annotations

import numpy as np

DEFAULT_SIZE = 128


def _check_shape(height: int, width: int) -> tuple[int, int]:
    height, width = int(height), int(width)
    if height < 1 or width < 1:
        raise ValueError(f"a picture needs a positive size, got {height}x{width}")
    return height, width


def checkerboard(size: int = DEFAULT_SIZE, square: int = 16) -> np.ndarray:
    """``(size, size)`` black and white squares of ``square`` pixels; the top-left one is white."""
    size, _ = _check_shape(size, size)
    if square < 1:
        raise ValueError(f"square must be at least 1 pixel, got {square}")
    idx = np.arange(size) // square
    return (((idx[:, None] + idx[None, :]) % 2) == 0).astype(np.float32)


def circles(size: int = DEFAULT_SIZE) -> np.ndarray:
    """``(size, size)``: white rings of decreasing width around the centre, on black.

    The edges run in every direction, so edge kernels show which directions they see."""
    size, _ = _check_shape(size, size)
    c = (size - 1) / 2.0
    y, x = np.mgrid[0:size, 0:size].astype(np.float64)
    r = np.hypot(y - c, x - c) / max(c, 1.0)  # 0 at the centre, 1 at the middle of an edge
    img = np.zeros((size, size), dtype=np.float32)
    for inner, outer in ((0.0, 0.12), (0.25, 0.4), (0.52, 0.62), (0.72, 0.78), (0.86, 0.9)):
        img[(r >= inner) & (r < outer)] = 1.0
    return img


def gradient(size: int = DEFAULT_SIZE) -> np.ndarray:
    """``(size, size)``: brightness rising linearly from 0 on the left to 1 on the right.

    A first derivative (Sobel x) gives a constant there; a second derivative (Laplacian) gives 0."""
    size, _ = _check_shape(size, size)
    row = np.linspace(0.0, 1.0, size, dtype=np.float32)
    return np.tile(row, (size, 1))


def vertical_edge(size: int = DEFAULT_SIZE) -> np.ndarray:
    """``(size, size)``: black left half, white right half (a single dark-to-bright step)."""
    size, _ = _check_shape(size, size)
    img = np.zeros((size, size), dtype=np.float32)
    img[:, size // 2 :] = 1.0
    return img


# 5x7 glyphs, one string of 7 rows each ('#' = ink).
_FONT_ROWS = {
    "A": ".###.|#...#|#...#|#####|#...#|#...#|#...#",
    "B": "####.|#...#|#...#|####.|#...#|#...#|####.",
    "C": ".###.|#...#|#....|#....|#....|#...#|.###.",
    "D": "####.|#...#|#...#|#...#|#...#|#...#|####.",
    "E": "#####|#....|#....|####.|#....|#....|#####",
    "F": "#####|#....|#....|####.|#....|#....|#....",
    "G": ".###.|#...#|#....|#.###|#...#|#...#|.####",
    "H": "#...#|#...#|#...#|#####|#...#|#...#|#...#",
    "I": ".###.|..#..|..#..|..#..|..#..|..#..|.###.",
    "J": "..###|...#.|...#.|...#.|...#.|#..#.|.##..",
    "K": "#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#",
    "L": "#....|#....|#....|#....|#....|#....|#####",
    "M": "#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#",
    "N": "#...#|#...#|##..#|#.#.#|#..##|#...#|#...#",
    "O": ".###.|#...#|#...#|#...#|#...#|#...#|.###.",
    "P": "####.|#...#|#...#|####.|#....|#....|#....",
    "Q": ".###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#",
    "R": "####.|#...#|#...#|####.|#.#..|#..#.|#...#",
    "S": ".####|#....|#....|.###.|....#|....#|####.",
    "T": "#####|..#..|..#..|..#..|..#..|..#..|..#..",
    "U": "#...#|#...#|#...#|#...#|#...#|#...#|.###.",
    "V": "#...#|#...#|#...#|#...#|#...#|.#.#.|..#..",
    "W": "#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.",
    "X": "#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#",
    "Y": "#...#|#...#|.#.#.|..#..|..#..|..#..|..#..",
    "Z": "#####|....#|...#.|..#..|.#...|#....|#####",
    "0": ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
    "1": "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
    "2": ".###.|#...#|....#|...#.|..#..|.#...|#####",
    "3": "#####|...#.|..#..|...#.|....#|#...#|.###.",
    "4": "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
    "5": "#####|#....|####.|....#|....#|#...#|.###.",
    "6": "..##.|.#...|#....|####.|#...#|#...#|.###.",
    "7": "#####|....#|...#.|..#..|.#...|.#...|.#...",
    "8": ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
    "9": ".###.|#...#|#...#|.####|....#|...#.|.##..",
    " ": ".....|.....|.....|.....|.....|.....|.....",
    ".": ".....|.....|.....|.....|.....|.##..|.##..",
    "-": ".....|.....|.....|#####|.....|.....|.....",
    "+": ".....|..#..|..#..|#####|..#..|..#..|.....",
    "!": "..#..|..#..|..#..|..#..|..#..|.....|..#..",
    "?": ".###.|#...#|....#|...#.|..#..|.....|..#..",
    "/": "....#|....#|...#.|..#..|.#...|#....|#....",
}
FONT_CHARS = "".join(sorted(_FONT_ROWS))
_GLYPHS = {
    ch: np.array([[c == "#" for c in row] for row in rows.split("|")], dtype=np.float32)
    for ch, rows in _FONT_ROWS.items()
}


def text(message: str = "CNN 2026", scale: int = 3, margin: int = 4) -> np.ndarray:
    """White ``message`` on black in the built-in 5x7 font, each font pixel ``scale`` pixels wide,
    one line; shape ``(7 * scale + 2 * margin, len(message) * 6 * scale - scale + 2 * margin)``.

    Lower-case letters are drawn as capitals; other characters raise ``ValueError``."""
    if scale < 1 or margin < 0:
        raise ValueError(f"scale must be >= 1 and margin >= 0, got scale={scale}, margin={margin}")
    msg = message.upper()
    if not msg:
        raise ValueError("the text is empty")
    missing = sorted({c for c in msg if c not in _GLYPHS})
    if missing:
        unknown = " ".join(repr(c) for c in missing)
        raise ValueError(f"the built-in font has no {unknown}; it knows {FONT_CHARS!r}")
    cols = []
    for i, ch in enumerate(msg):
        if i:
            cols.append(np.zeros((7, 1), dtype=np.float32))
        cols.append(_GLYPHS[ch])
    line = np.concatenate(cols, axis=1)
    line = np.kron(line, np.ones((scale, scale), dtype=np.float32))
    return np.pad(line, margin).astype(np.float32)


#: Built-in pictures by key: (title, one-line description, function returning (H, W) float32).
BUILTIN_PICTURES = {
    "checkerboard": (
        "Checkerboard",
        "Sharp horizontal and vertical edges and corners.",
        checkerboard,
    ),
    "circles": ("Circles", "Rings whose edges run in every direction.", circles),
    "gradient": (
        "Gradient",
        "Brightness rising steadily left to right: no edges at all.",
        gradient,
    ),
    "vertical_edge": (
        "Vertical edge",
        "Dark left half, bright right half: one clean step.",
        vertical_edge,
    ),
    "text": (
        "Text",
        "Letters and digits in a small bitmap font: thin strokes.",
        lambda: text("CNN 2026 ABC"),
    ),
}


def builtin_picture(name: str) -> np.ndarray:
    """The built-in picture ``name`` (a key of ``BUILTIN_PICTURES``) as ``(H, W)`` float32 in
    [0, 1]."""
    try:
        return BUILTIN_PICTURES[name][2]()
    except KeyError:
        raise ValueError(
            f"unknown picture {name!r}; choose one of {', '.join(BUILTIN_PICTURES)}"
        ) from None
