"""When a message line forgets its message, and how much room the status bar's permanent model
label leaves a message. Qt-free (tests/test_status_policy.py runs it without a window).

`MessageLifetime`: an error stays until the learner does something else that works. The action
that showed the error may still finish (its own result arrives in the same turn of the event
loop), so a message is *settled* only once that turn is over; a later success clears a settled
error and leaves information alone (an invalid cell says so again at every edit).

`model_label_width`: the status bar shows a message left of the permanent model label; a long
message was cut mid-word where the label began. While a message is shown the label gives up
what the message needs, down to a minimum (then it elides), and takes its whole width back when
the message goes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MessageLifetime:
    """The state of one message line: what kind of message is shown and whether the action that
    showed it is over."""

    kind: str = ""          # "" (nothing shown), "info" or "error"
    settled: bool = True    # the action that showed it has finished

    def shown(self, text: str, error: bool) -> None:
        """A message was shown (``text`` "" clears the line)."""
        self.kind = ("error" if error else "info") if text else ""
        self.settled = False

    def settle(self) -> None:
        """The action that showed the message is over (the next event-loop turn began)."""
        self.settled = True

    def clears_on_success(self) -> bool:
        """Whether a successful action now should clear the line: only an error shown by an
        earlier action."""
        return self.kind == "error" and self.settled


def model_label_width(bar_width: int, message_width: int, label_width: int,
                      label_minimum: int, spacing: int = 24) -> int:
    """The width the permanent model label gets in a status bar ``bar_width`` pixels wide.

    ``message_width``: the message's text width (0: no message); ``label_width``: what the
    label's whole text needs; ``label_minimum``: the narrowest the label gets (it elides below
    its text). The message gets the rest; a message longer than the rest is elided by the
    caller.
    """
    if message_width <= 0:
        return label_width
    room = bar_width - message_width - spacing
    return max(min(label_minimum, label_width), min(label_width, room))
