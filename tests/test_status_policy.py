"""The message-line policy without a window: errors go after a later success, the model label
gives a status message the room it needs."""

from explorer.ui.status_policy import MessageLifetime, model_label_width


def test_an_error_survives_its_own_action_and_goes_after_a_later_success():
    line = MessageLifetime()
    assert not line.clears_on_success()
    line.shown("Could not read fake.png as a picture", error=True)
    assert not line.clears_on_success()   # the failing action's own result may still arrive
    line.settle()
    assert line.clears_on_success()       # the next thing that works clears it


def test_information_and_an_empty_line_are_not_cleared_by_success():
    line = MessageLifetime()
    line.shown("Sobel x: left-right brightness change", error=False)
    line.settle()
    assert not line.clears_on_success()
    line.shown("", error=True)   # clearing, even through show_error
    line.settle()
    assert line.kind == "" and not line.clears_on_success()


def test_a_new_error_restarts_the_wait():
    line = MessageLifetime()
    line.shown("first", error=True)
    line.settle()
    line.shown("second", error=True)
    assert not line.clears_on_success()


def test_the_model_label_gives_a_message_room_down_to_its_minimum():
    # no message: the whole label
    assert model_label_width(1280, 0, 460, 160) == 460
    # a short message leaves the label whole
    assert model_label_width(1280, 300, 460, 160) == 460
    # a long one takes what it needs
    assert model_label_width(1280, 900, 460, 160) == 1280 - 900 - 24
    # but not below the minimum (the message is elided then)
    assert model_label_width(1280, 1200, 460, 160) == 160
    # a label shorter than the minimum keeps its own width
    assert model_label_width(1280, 1200, 100, 160) == 100
