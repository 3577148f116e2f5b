import numpy as np
import pytest

from explorer.ui.typed_input import (DEFAULT, fill_pattern, from_settings, parse_typed, resize,
                                     to_settings)


def test_default_is_the_chapters_7x7_input():
    assert DEFAULT.shape == (1, 7, 7)


def test_round_trip_through_the_settings():
    x = fill_pattern("random", (3, 4, 5), seed=2)
    np.testing.assert_array_equal(from_settings(to_settings(x)), x)


@pytest.mark.parametrize("junk", [None, 3, "", "abc", "[[1, 2], [3]]", "[[[1e999]]]",
                                  "[]", "[[" * 5000 + "]]" * 5000, "[[1]]" * 100_000,
                                  '[[["a"]]]', str(np.zeros((4, 2, 2)).tolist())])
def test_junk_in_the_settings_is_ignored(junk):
    assert from_settings(junk) is None


def test_limits_are_value_errors():
    with pytest.raises(ValueError, match="channels"):
        parse_typed(np.zeros((4, 3, 3)))
    with pytest.raises(ValueError, match="rows"):
        parse_typed(np.zeros((1, 33, 3)))
    with pytest.raises(ValueError, match="finite"):
        parse_typed([[np.nan]])
    with pytest.raises(ValueError, match="pattern"):
        fill_pattern("stripes", (1, 2, 2))


def test_patterns_and_resize_keep_what_fits():
    edge = fill_pattern("edge", (1, 6, 6))
    assert edge[0, 0].tolist() == [10, 10, 10, 0, 0, 0]
    x = fill_pattern("ramp", (1, 3, 3))
    y = resize(x, (2, 4, 2))
    assert y.shape == (2, 4, 2)
    np.testing.assert_array_equal(y[0, :3, :2], x[0, :, :2])
    assert y[1].sum() == 0 and y[0, 3].sum() == 0
    assert parse_typed(np.ones((28, 31))).shape == (1, 28, 31)
