"""The one message line of a panel: information in the normal text colour, errors in red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

#: The one colour of an error message (the panels' arithmetic views use it too).
ERROR_COLOUR = "#b00020"
#: A warning that is not an error (an untrained model, an edited one).
WARNING_COLOUR = "#b04000"


class MessageLabel(QLabel):
    """A word-wrapped plain-text line: `show_info`, `show_error` or `clear`.

    ``is_error`` says whether an error is shown (tests and panels read it instead of the
    style sheet)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.is_error = False

    def __repr__(self) -> str:
        kind = "error" if self.is_error else "info"
        return f"MessageLabel({kind}: {self.text()!r})"

    def show_info(self, text: str) -> None:
        """Show ``text`` (already translated) as information."""
        self._show(text, False)

    def show_error(self, text: str) -> None:
        """Show ``text`` (already translated) as an error, in `ERROR_COLOUR`."""
        self._show(text, True)

    def clear(self) -> None:
        self._show("", False)

    def _show(self, text: str, error: bool) -> None:
        self.is_error = bool(error and text)
        self.setStyleSheet(f"color: {ERROR_COLOUR};" if self.is_error else "")
        self.setText(text)
