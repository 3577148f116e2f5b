"""Engine messages with stable codes: str() is the English sentence scripts always saw, and the
code and values let the UI write it in another language."""

import pickle
import re

import numpy as np
import pytest

from explorer.engine import functional as F
from explorer.engine import kernels as K
from explorer.engine.geometry import pool_geometry, window_geometry
from explorer.engine.messages import MESSAGES, MessageError, Term, english
from explorer.engine.output_size import explain_output_size


@pytest.mark.parametrize(("call", "code", "text"), [
    (lambda: window_geometry((4, 4), (5, 3), 1, 0), "kernel_taller_than_input",
     "kernel height 5 is bigger than the padded input height 4 (4 + padding 0 + 0); use a "
     "smaller kernel or more padding"),
    (lambda: window_geometry((4, 4), (3, 7), 1, 1), "kernel_wider_than_input",
     "kernel width 7 is bigger than the padded input width 6 (4 + padding 1 + 1); use a "
     "smaller kernel or more padding"),
    (lambda: explain_output_size(4, 9, 1, 1), "kernel_bigger_than_input",
     "kernel size 9 is bigger than the padded input size 6 (4 + 1 + 1); use a smaller kernel or "
     "more padding"),
    (lambda: pool_geometry((4, 4), 2, 2, 2), "pool_padding_too_large",
     "pooling padding 2 must be at most half the kernel size (2, 2) (as in PyTorch): otherwise "
     "some windows hold only padding"),
    (lambda: K.preset("log", size=2), "preset_sizes", "Laplacian of Gaussian takes sizes 3 to 7, "
                                                      "got 2"),
    (lambda: K.preset("sobel_x", size=5), "preset_fixed_size",
     "Sobel x is a fixed 3x3 kernel; it has no 5x5 version"),
    (lambda: K.preset("sobel_x", sigma=1.0), "preset_no_sigma", "Sobel x has no sigma"),
    (lambda: K.parse_cell(" "), "cell_empty", "empty cell: type a number"),
    (lambda: K.parse_cell("abc"), "cell_not_a_number", "'abc' is not a number: use digits"),
    (lambda: K.parse_cell("1/0"), "cell_divides_by_zero", "'1/0' divides by zero"),
    (lambda: K.parse_cell("1e999"), "cell_too_large", "'1e999' is too large to be a kernel"),
    (lambda: K.normalise(K.preset("sobel_x")), "kernel_sums_to_zero", "the kernel sums to 0"),
    (lambda: K.scaled(np.ones((3, 3)), float("inf")), "scale_not_finite",
     "the scale factor must be a finite number, got inf"),
])
def test_engine_errors_carry_a_code_and_the_unchanged_english(call, code, text):
    with pytest.raises(ValueError) as info:
        call()
    exc = info.value
    assert isinstance(exc, MessageError) and exc.code == code
    assert str(exc).startswith(text)
    assert str(exc) == english(code, *exc.values)
    assert "%" not in str(exc).replace("%)", "")


def test_a_message_error_is_a_value_error_that_pickles():
    exc = MessageError("preset_sizes", Term("Box blur"), 1, 7, 9)
    assert isinstance(exc, ValueError)
    assert str(exc) == "Box blur takes sizes 1 to 7, got 9"
    back = pickle.loads(pickle.dumps(exc))
    assert (back.code, back.values, str(back)) == (exc.code, exc.values, str(exc))
    assert isinstance(back.values[0], Term)
    with pytest.raises(KeyError, match="no engine message"):
        MessageError("no_such_code")


def test_every_template_fills_each_placeholder_it_names():
    for code, template in MESSAGES.items():
        used = sorted({int(n) for n in re.findall(r"%([1-9])", template)})
        assert used == list(range(1, len(used) + 1)), code
        text = english(code, *(f"<{i}>" for i in used))
        assert "%" not in text.replace("%)", ""), code


def test_functional_conv2d_raises_the_coded_message():
    with pytest.raises(MessageError, match="kernel height 5 is bigger") as info:
        F.conv2d(np.zeros((1, 1, 4, 4)), np.zeros((1, 1, 5, 5)), np.zeros(1))
    assert info.value.values[:3] == (5, 4, 4)


def test_the_gradient_checks_errors_are_coded():
    from explorer.ui.conv_backward import conv_gradient_check

    x, k, dy = np.zeros((1, 4, 4)), np.zeros((1, 3, 3)), np.ones((2, 2))
    with pytest.raises(MessageError, match=r"weight index \(0, 3, 0\) is outside the kernel of "
                                           r"shape \(1, 3, 3\)") as info:
        conv_gradient_check(x, k, dy, (0, 3, 0))
    assert info.value.code == "weight_index_outside_kernel"
    with pytest.raises(MessageError, match="the step h must be a positive finite number, got 0") \
            as info:
        conv_gradient_check(x, k, dy, (0, 0, 0), h=0)
    assert info.value.code == "gradient_step_not_positive"
