"""fill(): Qt's %1..%9 placeholders filled in one pass, as QString.arg does."""

import pytest

from explorer.ui.text import fill


def test_placeholders_are_filled_in_any_order():
    assert fill("%2 of %1", "layer", 3) == "3 of layer"
    assert fill("Your settings: %1\u00d7%1 window", 2) == "Your settings: 2\u00d72 window"


def test_a_value_that_contains_a_placeholder_is_not_filled_again():
    assert fill("%1 and %2", "%2", "x") == "%2 and x"


def test_percent_signs_and_missing_values_stay():
    assert fill("%1 % sure, %n cells, %3", "98.1") == "98.1 % sure, %n cells, %3"


def test_every_occurrence_of_a_placeholder_is_filled():
    assert fill("Filter %1 of %2 (bias %3); %1 again", 4, "conv2", -0.5) == \
        "Filter 4 of conv2 (bias -0.5); 4 again"


def test_more_than_nine_values_is_an_error():
    with pytest.raises(ValueError, match="at most 9 values"):
        fill("%1", *range(10))
