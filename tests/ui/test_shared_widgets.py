"""The shared widgets the panels use: one message line, one test-image picker that follows
the data set, and blocking several widgets' signals at once."""

import pytest
from PySide6.QtWidgets import QSpinBox

from explorer.ui.state import AppState
from explorer.ui.widgets.image_picker import ImageIndexPicker
from explorer.ui.widgets.message_label import ERROR_COLOUR, MessageLabel
from explorer.ui.widgets.signals import blocked
from tests.ui.datasets import small_dataset


def test_message_label_shows_info_and_errors_in_one_colour(qtbot):
    label = MessageLabel()
    qtbot.addWidget(label)
    label.show_error("Could not open the data set: <b>x</b>")
    assert label.is_error and ERROR_COLOUR in label.styleSheet()
    assert label.text() == "Could not open the data set: <b>x</b>"   # plain text, never HTML
    label.show_info("Showing #199.")
    assert not label.is_error and label.styleSheet() == ""
    label.show_error("")
    assert not label.is_error
    label.clear()
    assert label.text() == "" and not label.is_error


def test_picker_follows_the_data_set_and_says_when_it_moved(qtbot):
    state = AppState()
    state.set_dataset(small_dataset(1000))
    picker = ImageIndexPicker(state)
    qtbot.addWidget(picker)
    assert picker.sync() == 1000 and picker.maximum() == 999
    picker.setValue(999)
    followed, changed = [], []
    picker.sigFollowed.connect(lambda *a: followed.append(a))
    picker.valueChanged.connect(changed.append)
    state.set_dataset(small_dataset(200))
    assert picker.value() == 199 and picker.count == 200
    assert followed == [(999, 199, 200)] and changed == []
    state.set_dataset(small_dataset(500))                  # a larger set: nothing moves
    assert picker.value() == 199 and followed[-1] == (199, 199, 500)
    picker.setValue(10**6)
    assert picker.value() == 499


def test_picker_keeps_a_remembered_index_until_the_set_is_known(qtbot):
    state = AppState()
    picker = ImageIndexPicker(state)
    qtbot.addWidget(picker)
    picker.set_index(5000)                            # before the data set was loaded
    assert picker.value() == 5000 and picker.count is None
    state.set_dataset(small_dataset(30))
    assert picker.value() == 29


def test_picker_with_a_set_that_cannot_load_changes_nothing(qtbot, monkeypatch):
    state = AppState()
    monkeypatch.setattr(state, "dataset", lambda: (_ for _ in ()).throw(OSError("gone")))
    picker = ImageIndexPicker(state)
    qtbot.addWidget(picker)
    picker.set_index(7)
    assert picker.sync() is None and picker.value() == 7


def test_blocked_silences_several_widgets_and_restores_them(qtbot):
    a, b = QSpinBox(), QSpinBox()
    for w in (a, b):
        qtbot.addWidget(w)
    b.blockSignals(True)                              # already blocked before: stays blocked
    seen = []
    a.valueChanged.connect(seen.append)
    with pytest.raises(RuntimeError), blocked(a, b):
        a.setValue(3)
        raise RuntimeError("while writing")
    assert seen == [] and not a.signalsBlocked() and b.signalsBlocked()
    a.setValue(4)
    assert seen == [4]
