"""Small numeric convolution and pooling examples for the stepper (pure NumPy).

The textbook is Koki Saito's "Deep Learning from Scratch" (Chinese edition:
《深度学习入门：基于Python的理论与实现》). Its chapter 7 prints the first ones: the 4x4 input with
a 3x3 filter (Figure 7-3), with bias 3 (Figure 7-5) and with padding 1 (Figure 7-6), and the
2x2 max pooling (Figure 7-14); ``expected`` holds the result printed in the book so a test can
check the engine against it. The 3-channel example follows the book's Figure 7-8 layout (a
3-channel 4x4 input and a 3-channel 3x3 filter): its channel 0 is the book's input and filter,
channels 1 and 2 were chosen here. Each description names the book and says which numbers are
its own, because the app shows it on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["ConvExample", "CONV_EXAMPLES", "POOL_EXAMPLES", "get_example"]


@dataclass(frozen=True, repr=False)
class ConvExample:
    """One small worked example.

    x : ndarray of shape (C, H, W); kernel : ndarray of shape (C, KH, KW) (None for pooling);
    expected : ndarray of shape (OH, OW) (one output map) or None when the book prints none.
    For pooling examples ``pool`` is ``"max"`` or ``"avg"`` and ``pool_size`` the window size.
    ``chosen_here``: the channels whose input and filter values were chosen for this app (the
    others are the book's; empty: every number is the book's).
    """

    key: str
    title: str
    description: str
    x: np.ndarray
    kernel: np.ndarray | None = None
    bias: float = 0.0
    stride: int = 1
    padding: int | str = 0
    pool: str | None = None
    pool_size: int = 2
    expected: np.ndarray | None = field(default=None)
    chosen_here: tuple[int, ...] = ()

    def __repr__(self) -> str:
        k = "" if self.kernel is None else f", kernel{tuple(self.kernel.shape)}"
        return f"ConvExample({self.key!r}, x{tuple(self.x.shape)}{k})"


def _a(rows) -> np.ndarray:
    return np.array(rows, dtype=np.float64)


_BOOK_INPUT = _a([[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]])
_BOOK_FILTER = _a([[2, 0, 1], [0, 1, 2], [1, 0, 2]])

CONV_EXAMPLES: tuple[ConvExample, ...] = (
    ConvExample(
        key="book_4x4",
        title="Textbook: 4x4 input, 3x3 filter",
        description=(
            "Figure 7-3 of \u201cDeep Learning from Scratch\u201d (Koki Saito), chapter 7: no "
            "padding, stride 1. Input, filter and output are the book's numbers."
        ),
        x=_BOOK_INPUT[None],
        kernel=_BOOK_FILTER[None],
        expected=_a([[15, 16], [6, 15]]),
    ),
    ConvExample(
        key="book_bias",
        title="Textbook: with bias 3",
        description=(
            "Figure 7-5 of \u201cDeep Learning from Scratch\u201d (Koki Saito), chapter 7: the "
            "same convolution plus a bias of 3 added to every output. All numbers are the "
            "book's."
        ),
        x=_BOOK_INPUT[None],
        kernel=_BOOK_FILTER[None],
        bias=3.0,
        expected=_a([[18, 19], [9, 18]]),
    ),
    ConvExample(
        key="book_padding",
        title="Textbook: padding 1",
        description=(
            "Figure 7-6 of \u201cDeep Learning from Scratch\u201d (Koki Saito), chapter 7: zero "
            "padding of 1 keeps the 4x4 size. All numbers are the book's."
        ),
        x=_BOOK_INPUT[None],
        kernel=_BOOK_FILTER[None],
        padding=1,
        expected=_a([[7, 12, 10, 2], [4, 15, 16, 10], [10, 6, 15, 6], [8, 10, 4, 3]]),
    ),
    ConvExample(
        key="three_channel",
        chosen_here=(1, 2),
        title="3 channels: 3x4x4 input, 3x3x3 filter",
        description=(
            "Laid out like Figure 7-8 of \u201cDeep Learning from Scratch\u201d (Koki Saito), "
            "chapter 7: each input channel is convolved with its own filter channel and the "
            "three channel sums are added into one output map. Channel 0 is the book's input "
            "and filter; the numbers of channels 1 and 2 were chosen here."
        ),
        x=np.stack(
            [
                _BOOK_INPUT,
                _a([[0, 1, 2, 1], [2, 0, 1, 0], [1, 3, 0, 2], [0, 1, 2, 3]]),
                _a([[3, 0, 1, 2], [1, 2, 0, 1], [0, 1, 3, 0], [2, 0, 1, 1]]),
            ]
        ),
        kernel=np.stack(
            [
                _BOOK_FILTER,
                _a([[0, 1, 0], [1, 2, 1], [0, 1, 0]]),
                _a([[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
            ]
        ),
    ),
)

POOL_EXAMPLES: tuple[ConvExample, ...] = (
    ConvExample(
        key="book_maxpool",
        title="Textbook: 2x2 max pooling, stride 2",
        description=(
            "Figure 7-14 of \u201cDeep Learning from Scratch\u201d (Koki Saito), chapter 7: each "
            "2x2 window is replaced by its largest value. All numbers are the book's."
        ),
        x=_a([[1, 2, 1, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 4, 0, 1]])[None],
        stride=2,
        pool="max",
        pool_size=2,
        expected=_a([[2, 3], [4, 2]]),
    ),
)


def get_example(key: str) -> ConvExample:
    """The example named ``key``; ``KeyError`` lists the names that exist."""
    for ex in CONV_EXAMPLES + POOL_EXAMPLES:
        if ex.key == key:
            return ex
    names = ", ".join(ex.key for ex in CONV_EXAMPLES + POOL_EXAMPLES)
    raise KeyError(f"no example {key!r}; the examples are: {names}")
