"""The output-size formula explained with the learner's numbers: floor((H + P1 + P2 - K) / S) + 1,
whether the stride divides, and which rows a floor drops. Re-exported by
`explorer.engine.functional`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .geometry import as_int, conv_output_size, pair, resolve_padding

__all__ = ["OutputSizeExplanation", "explain_output_size"]


# ----------------------------------------------------------------------------------------------
# Output size explainer
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutputSizeExplanation:
    """Why a window op along one axis has the output length it has.

    ``padded_size = pad_before + size + pad_after``; ``numerator = padded_size - kernel``;
    ``output = numerator // stride + 1``; ``divides`` says whether ``numerator % stride == 0``
    and ``remainder`` is that ``%``. ``dropped`` lists the padded-input indices past the last
    window (the floor drops them; there are ``remainder`` of them); ``dropped_input`` the same
    as indices into the unpadded input, only real rows. ``skipped`` / ``skipped_input`` list the
    indices that fall into gaps between windows (only when stride > kernel).
    ``formula`` is the computation with the numbers plugged in.
    """

    size: int
    kernel: int
    stride: int
    pad_before: int
    pad_after: int
    padded_size: int
    numerator: int
    output: int
    divides: bool
    remainder: int
    dropped: tuple
    dropped_input: tuple
    formula: str
    skipped: tuple = ()
    skipped_input: tuple = ()


def explain_output_size(size: int, kernel: int, stride: int = 1,
                        padding=0) -> OutputSizeExplanation:
    """Explain the output length of a kernel sliding along one axis of ``size`` cells.

    padding : int (both sides), ``(before, after)``, ``"valid"`` or ``"same"`` (TensorFlow's
    rule, with the extra cell after). Raises ValueError only for illegal input (kernel bigger
    than the padded input, stride < 1, negative sizes); a non-dividing case is explained.
    """
    size, kernel, stride = (as_int(v, name, 1) for name, v in
                            (("size", size), ("kernel", kernel), ("stride", stride)))
    if isinstance(padding, str):
        (before, after), _ = resolve_padding(padding, (size, 1), (kernel, 1), (stride, 1))
    else:
        before, after = pair(padding, "padding")
        if before < 0 or after < 0:
            raise ValueError(f"padding must not be negative, got {padding!r}")
    output = conv_output_size(size, kernel, stride, before, after)
    padded = size + before + after
    numerator = padded - kernel
    remainder = numerator % stride
    end = (output - 1) * stride + kernel  # one past the last padded index any window covers
    dropped = tuple(range(end, padded))
    # Windows start at 0, S, 2S, ...: before `end`, index i is covered iff i % S < K.
    skipped = tuple(i for i in range(end) if i % stride >= kernel)

    def to_input(indices):
        return tuple(i - before for i in indices if before <= i < before + size)

    pads = f"2*{before}" if before == after else f"{before} + {after}"
    fraction = f"({size} + {pads} - {kernel})/{stride}"
    if remainder == 0:
        formula = f"{fraction} + 1 = {output}"
    else:
        formula = f"floor({fraction}) + 1 = floor({numerator}/{stride}) + 1 = {output}"
    return OutputSizeExplanation(
        size=size,
        kernel=kernel,
        stride=stride,
        pad_before=before,
        pad_after=after,
        padded_size=padded,
        numerator=numerator,
        output=output,
        divides=remainder == 0,
        remainder=remainder,
        dropped=dropped,
        dropped_input=to_input(dropped),
        formula=formula,
        skipped=skipped,
        skipped_input=to_input(skipped),
    )
