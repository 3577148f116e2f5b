"""Kernel-set files and the saved custom kernel: every malformed input is a ValueError with a
message, never a RecursionError, OverflowError or TypeError (issue 10)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from explorer.engine import kernels

NESTED = "[" * 100_000 + "]" * 100_000
HUGE_INT = "1" + "0" * 400


def kernel_set(values) -> str:
    head = json.dumps({"format": kernels.KERNEL_SET_FORMAT,
                       "version": kernels.KERNEL_SET_VERSION})[:-1]
    return head + ', "kernels": [{"name": "k", "values": ' + values + "}]}"


@pytest.mark.parametrize("text, message", [
    (NESTED, "nested too deeply"),
    (kernel_set(NESTED), "nested too deeply"),
    (kernel_set(f"[[{HUGE_INT}, 0], [0, 1]]"), "kernel #1: .*2-D array of numbers"),
    (kernel_set("[[" + "9" * 5000 + "]]"), "not a usable JSON file"),
    (kernel_set("[[1e400]]"), "NaN or infinity"),
    (" " * (kernels.MAX_KERNEL_SET_BYTES + 1), "larger than the 4,000,000 characters"),
])
def test_malformed_kernel_sets_are_value_errors(text, message):
    with pytest.raises(ValueError, match=message) as info:
        kernels.kernel_set_from_json(text, source="my-kernels.json")
    assert str(info.value).startswith("my-kernels.json")


def test_load_kernel_set_refuses_a_huge_file_without_reading_it_all(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (kernels.MAX_KERNEL_SET_BYTES + 10))
    with pytest.raises(ValueError, match=r"big.json is larger than the 4,000,000 bytes"):
        kernels.load_kernel_set(path)
    path.write_text(NESTED, "utf-8")
    with pytest.raises(ValueError, match="big.json is not a kernel set: its JSON is nested"):
        kernels.load_kernel_set(path)


@pytest.mark.parametrize("text, message", [
    ("[[1, 2], [oops", "not valid JSON"),
    (NESTED, "nested too deeply"),
    (f"[[{HUGE_INT}]]", "2-D array of numbers"),
    ("9" * 5000, "not valid JSON"),
    ('[["a", 1]]', "2-D array of numbers"),
    ("[[1, 2], [3]]", "2-D array of numbers"),
    ("[[1, 2], [3, 4], [5, 6], [7, 8], [1, 2], [3, 4], [5, 6], [7, 8]]", "kernels go from"),
    ("7", "2-D array"),
])
def test_kernel_from_json_gives_value_errors(text, message):
    with pytest.raises(ValueError, match=message) as info:
        kernels.kernel_from_json(text)
    assert str(info.value).startswith("the saved kernel")
    with pytest.raises(ValueError, match="is not text"):
        kernels.kernel_from_json(None)


def test_kernel_from_json_reads_what_the_kernel_lab_saves():
    k = np.array([[1.0, -0.5], [0.25, 0.0]])
    np.testing.assert_array_equal(kernels.kernel_from_json(json.dumps(k.tolist())), k)
