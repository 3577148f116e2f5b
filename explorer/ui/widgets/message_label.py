"""The one message line of a panel: information in the normal text colour, errors in red."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel

from explorer.ui.status_policy import MessageLifetime
from explorer.ui.widgets.live_text import LiveText, render

#: The one colour of an error message (the panels' arithmetic views use it too).
ERROR_COLOUR = "#b00020"
#: A warning that is not an error (an untrained model, an edited one).
WARNING_COLOUR = "#b04000"


class MessageLabel(QLabel):
    """A word-wrapped plain-text line: `show_info`, `show_error` or `clear`;
    `clear_stale_error` after a success (see `explorer.ui.status_policy.MessageLifetime`).

    The message is a `LiveText`: pass ``lambda: fill(self.tr("Loaded %1."), name)`` and the
    line says it again in the new language when the language changes; a plain (already
    translated) string stays as it was given. ``is_error`` says whether an error is shown (tests
    and panels read it instead of the style sheet)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.is_error = False
        self._message: LiveText = ""
        self._lifetime = MessageLifetime()

    def __repr__(self) -> str:
        kind = "error" if self.is_error else "info"
        return f"MessageLabel({kind}: {self.text()!r})"

    def show_info(self, text: LiveText) -> None:
        """Show ``text`` (translated, or a function translating it) as information."""
        self._show(text, False)

    def show_error(self, text: LiveText) -> None:
        """Show ``text`` (translated, or a function translating it) as an error, in
        `ERROR_COLOUR`."""
        self._show(text, True)

    def clear(self) -> None:
        self._show("", False)

    def clear_stale_error(self) -> None:
        """Something the user did worked: an error shown by an earlier action goes (an error
        shown while this action ran stays; information stays)."""
        if self._lifetime.clears_on_success():
            self.clear()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Say the current message again, in the current language (when it was given as a
        function)."""
        self.setText(render(self._message))

    def _show(self, text: LiveText, error: bool) -> None:
        self._message = text
        shown = render(text)
        self.is_error = bool(error and shown)
        self._lifetime.shown(shown, error)
        QTimer.singleShot(0, self._lifetime.settle)   # settled once this action is over
        self.setStyleSheet(f"color: {ERROR_COLOUR};" if self.is_error else "")
        self.setText(shown)
