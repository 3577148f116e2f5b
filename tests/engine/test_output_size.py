"""Output sizes, padding rules and the output-size explainer the convolution stepper shows."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import functional as fn
from tests.engine import reference as ref


def test_explain_dividing_case():
    e = fn.explain_output_size(5, 3, stride=2)
    assert (e.output, e.divides, e.remainder, e.numerator, e.padded_size) == (2, True, 0, 2, 5)
    assert e.dropped == () and e.dropped_input == ()
    assert e.formula == "(5 + 2*0 - 3)/2 + 1 = 2"


def test_explain_non_dividing_case_lists_dropped_rows():
    e = fn.explain_output_size(7, 3, stride=3)  # windows 0-2, 3-5; row 6 is never reached
    assert (e.output, e.divides, e.remainder) == (2, False, 1)
    assert e.dropped == (6,) and e.dropped_input == (6,)
    assert e.formula == "floor((7 + 2*0 - 3)/3) + 1 = floor(4/3) + 1 = 2"


def test_explain_dropped_rows_in_padding_and_input():
    # padded: [P, 0..5, P] = 8 cells; K=3, S=3 -> windows 0-2, 3-5; padded 6, 7 dropped,
    # i.e. input row 5 (real) and the bottom padding (not a real row).
    e = fn.explain_output_size(6, 3, stride=3, padding=1)
    assert (e.padded_size, e.output, e.remainder) == (8, 2, 2)
    assert e.dropped == (6, 7)
    assert e.dropped_input == (5,)
    assert e.formula == "floor((6 + 2*1 - 3)/3) + 1 = floor(5/3) + 1 = 2"


def test_explain_same_and_valid():
    same = fn.explain_output_size(5, 3, stride=2, padding="same")  # ceil(5/2) = 3, total pad 2
    assert (same.pad_before, same.pad_after, same.output, same.divides) == (1, 1, 3, True)
    odd = fn.explain_output_size(6, 3, stride=2, padding="SAME")  # ceil(6/2)=3, total pad 1
    assert (odd.pad_before, odd.pad_after, odd.output) == (0, 1, 3)
    assert odd.formula == "(6 + 0 + 1 - 3)/2 + 1 = 3"
    valid = fn.explain_output_size(6, 3, stride=2, padding="valid")
    assert (valid.pad_before, valid.pad_after, valid.output, valid.remainder) == (0, 0, 2, 1)
    assert valid.dropped_input == (5,)


def test_explain_stride_bigger_than_kernel_reports_gaps():
    e = fn.explain_output_size(5, 1, stride=2)  # windows at 0, 2, 4
    assert (e.output, e.divides, e.dropped) == (3, True, ())
    assert e.skipped == (1, 3) and e.skipped_input == (1, 3)


def test_explanation_is_frozen():
    e = fn.explain_output_size(28, 5)
    with pytest.raises(AttributeError):
        e.output = 3


@settings(max_examples=50, deadline=None, derandomize=True)
@given(st.integers(1, 40), st.integers(1, 7), st.integers(1, 5), st.integers(0, 3))
def test_explain_agrees_with_walking_the_windows(size, kernel, stride, pad):
    if kernel > size + 2 * pad:
        with pytest.raises(ValueError, match=f"kernel size {kernel} is bigger"):
            fn.explain_output_size(size, kernel, stride, pad)
        return
    e = fn.explain_output_size(size, kernel, stride, pad)
    assert e.output == ref.out_len(size + 2 * pad, kernel, stride)
    assert e.output == math.floor((size + 2 * pad - kernel) / stride) + 1
    covered = set()
    for start in range(0, e.output * stride, stride):
        covered.update(range(start, start + kernel))
    last = max(covered)
    assert e.dropped == tuple(i for i in range(size + 2 * pad) if i > last)
    assert len(e.dropped) == e.remainder
    assert e.skipped == tuple(i for i in range(last) if i not in covered)
    assert e.dropped_input == tuple(i - pad for i in e.dropped if pad <= i < pad + size)
    assert e.formula.endswith(f"= {e.output}")


@settings(max_examples=50, deadline=None, derandomize=True)
@given(st.integers(1, 40), st.integers(1, 7), st.integers(1, 5))
def test_same_padding_gives_ceil(size, kernel, stride):
    (top, bottom), (left, right) = fn.resolve_padding(
        "same", (size, size), (kernel, kernel), (stride, stride)
    )
    assert (top, bottom) == ref.same_pads(size, kernel, stride) == (left, right)
    assert bottom - top in (0, 1)  # the extra row goes to the bottom
    assert fn.conv_output_size(size, kernel, stride, top, bottom) == math.ceil(size / stride)


def test_resolve_padding_forms():
    assert fn.resolve_padding(2, (5, 5), (3, 3), (1, 1)) == ((2, 2), (2, 2))
    assert fn.resolve_padding((1, 0), (5, 5), (3, 3), (1, 1)) == ((1, 1), (0, 0))
    assert fn.resolve_padding(((0, 1), (2, 3)), (5, 5), (3, 3), (1, 1)) == ((0, 1), (2, 3))
    assert fn.resolve_padding("valid", (5, 5), (3, 3), (1, 1)) == ((0, 0), (0, 0))
    with pytest.raises(ValueError, match="got 'full'"):
        fn.resolve_padding("full", (5, 5), (3, 3), (1, 1))


def test_conv_output_size():
    assert fn.conv_output_size(28, 5, 1, 0, 0) == 24
    assert fn.conv_output_size(28, 5, 1, 2, 2) == 28
    assert fn.conv_output_size(7, 3, 2, 0, 0) == 3
    with pytest.raises(ValueError, match=r"kernel size 9 is bigger than the padded input size 7"):
        fn.conv_output_size(5, 9, 1, 1, 1)
    with pytest.raises(ValueError, match="stride must be at least 1, got 0"):
        fn.conv_output_size(5, 3, 0, 0, 0)


@pytest.mark.parametrize(
    "args, message",
    [
        ((0, 3), "size must be an int of at least 1, got 0"),
        ((5, 0), "kernel must be an int of at least 1, got 0"),
        ((5, 3, 0), "stride must be an int of at least 1, got 0"),
        ((5, 3, 1, -1), "padding must not be negative"),
        ((5, 3, 1, "full"), "got 'full'"),
        ((2, 5, 1, 1), "kernel size 5 is bigger than the padded input size 4"),
    ],
)
def test_explain_bad_arguments(args, message):
    with pytest.raises(ValueError, match=message):
        fn.explain_output_size(*args)
