"""User-facing engine messages with stable ids, so that the UI can show them in any language.

A `MessageError` is a ValueError whose ``str()`` is the English sentence (scripts, the CLI and
``pytest.raises(match=...)`` see exactly the text they always saw), and which also carries the
sentence's ``code`` (a key of `MESSAGES`) and its ``values``. The UI translates the template
of ``code`` (``explorer.ui.engine_strings.engine_message``) and fills in the values, so the
engine stays Qt-free. A value that is itself engine text (a preset's title) is passed as a
`Term`, which the UI translates too; other values (numbers, a user's typed text) are data.

Templates use Qt's ``%1``..``%9`` placeholders (numbered, so a translation may reorder them).
Pure Python, no Qt.
"""

from __future__ import annotations

import re

__all__ = ["MESSAGES", "MessageError", "Term", "english"]

#: Every coded message: id -> English template. The UI lists the same templates for
#: translation (tests/ui/test_engine_strings.py checks that the two lists agree).
MESSAGES: dict[str, str] = {
    # explorer.engine.geometry: a window that does not fit (the Convolution tab shows these)
    "kernel_taller_than_input": (
        "kernel height %1 is bigger than the padded input height %2 (%3 + padding %4 + %5); "
        "use a smaller kernel or more padding"),
    "kernel_wider_than_input": (
        "kernel width %1 is bigger than the padded input width %2 (%3 + padding %4 + %5); "
        "use a smaller kernel or more padding"),
    "kernel_bigger_than_input": (
        "kernel size %1 is bigger than the padded input size %2 (%3 + %4 + %5); use a smaller "
        "kernel or more padding"),
    "pool_padding_too_large": (
        "pooling padding %1 must be at most half the kernel size %2 (as in PyTorch): otherwise "
        "some windows hold only padding"),
    # explorer.engine.kernels: presets, cells and normalising (the Kernel lab shows these)
    "kernel_size_not_integer": "kernel size must be an integer, got %1",
    "kernel_size_range": "kernel size must be between %1 and %2, got %3",
    "sigma_not_positive": "sigma must be a positive number, got %1",
    "preset_sizes": "%1 takes sizes %2 to %3, got %4",
    "preset_fixed_size": "%1 is a fixed 3x3 kernel; it has no %2x%2 version",
    "preset_no_sigma": "%1 has no sigma",
    "cell_empty": "empty cell: type a number such as 0, -2, 0.5 or a fraction such as 1/16",
    "cell_not_a_number": (
        "%1 is not a number: use digits with an optional sign and decimal point (-2, 0.5) or a "
        "fraction a/b (1/16)"),
    "cell_divides_by_zero": "%1 divides by zero: the number under the / must not be 0",
    "cell_too_large": "%1 is too large to be a kernel weight",
    "kernel_sums_to_zero": (
        "the kernel sums to 0, so it cannot be scaled to sum to 1 (edge and Laplacian kernels "
        "sum to 0 on purpose: a flat area gives 0)"),
    "scale_not_finite": "the scale factor must be a finite number, got %1",
    # explorer.ui.conv_backward: the gradient check of one weight
    "gradient_step_not_positive": "the step h must be a positive finite number, got %1",
    "weight_index_outside_kernel": "weight index %1 is outside the kernel of shape %2",
}

_PLACEHOLDER = re.compile(r"%([1-9])")


class Term(str):
    """A value of a message that is engine text itself (a kernel preset's title): the UI shows
    it translated, where a plain ``str`` value (a user's typed text) is shown as it is."""

    __slots__ = ()


def english(code: str, *values) -> str:
    """The English sentence of ``code`` with ``values`` in its ``%1``..``%9`` (one pass)."""
    template = MESSAGES[code]

    def value(match: re.Match) -> str:
        i = int(match.group(1)) - 1
        return str(values[i]) if i < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


class MessageError(ValueError):
    """A ValueError for the user: ``code`` (a key of `MESSAGES`), ``values`` (what fills its
    placeholders); ``str()`` is the English sentence."""

    def __init__(self, code: str, *values):
        if code not in MESSAGES:
            raise KeyError(f"no engine message {code!r}")
        super().__init__(english(code, *values))
        self.code = code
        self.values = tuple(values)

    def __reduce__(self):
        return (type(self), (self.code, *self.values))
