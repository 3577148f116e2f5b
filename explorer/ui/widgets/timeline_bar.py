"""The training timeline bar, below the tabs: scrub through the weights of the last training run.

The session in the engine thread keeps a snapshot of the weights before training and after each
epoch; moving the slider shows that snapshot instead of the live model in every view (Draw,
Layers, Explain, the Train tab's filters), through `EngineClient.timeline`. A label says which
epoch is shown and that it is not the live model; "Back to live" shows the live model again,
"Make this the live model" makes the snapshot live (the model it replaced can come back with
"Undo"). The decisions are in the Qt-free `explorer.ui.timeline_logic.TimelineState`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSlider,
                               QWidget)

from explorer.ui.text import fill
from explorer.ui.timeline_logic import TimelineState
from explorer.ui.widgets.elided_label import ElidedLabel
from explorer.ui.widgets.message_label import WARNING_COLOUR


class TimelineBar(QWidget):
    """Slider, what is shown, memory used, and the Back to live / Make live / Undo buttons.

    ``sigShownFilters(filters_or_None)``: the first conv layer's weights of the snapshot now
    shown (None: the live model is shown again), for the Train tab's filter grid.
    ``sigVisibilityWanted(bool)``: the bar has something to show (the window shows it)."""

    sigShownFilters = Signal(object)
    sigVisibilityWanted = Signal(bool)

    def __init__(self, client, parent=None):
        super().__init__(parent)
        self.setObjectName("timelineBar")
        self.client = client
        self.state = TimelineState()
        self.message = ""        # the last error from the engine thread, shown as it came
        self._asked: int | None = None   # the snapshot asked for and not answered yet
        self.title = QLabel(self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("timelineSlider")
        self.slider.setTracking(False)    # one snapshot per release, not per pixel dragged
        self.slider.setPageStep(1)
        self.slider.setMinimumWidth(100)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.shown_label = ElidedLabel(self, minimum=0)   # "…" where it is cut
        self.shown_label.setObjectName("timelineShown")
        # a long sentence must not set the window's minimum width: in a narrow window it is
        # cut, and its tooltip holds all of it
        self.shown_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.memory_label = QLabel(self)
        self.memory_label.setObjectName("timelineMemory")
        self.live_button = QPushButton(self)
        self.live_button.setObjectName("timelineBackToLive")
        self.make_live_button = QPushButton(self)
        self.make_live_button.setObjectName("timelineMakeLive")
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("timelineUndo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)   # as low as its buttons: the tabs keep the height
        layout.addWidget(self.title)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.shown_label, 2)
        layout.addWidget(self.memory_label)
        layout.addWidget(self.live_button)
        layout.addWidget(self.make_live_button)
        layout.addWidget(self.undo_button)
        self.slider.valueChanged.connect(self.show_snapshot)
        # releasing the handle where it already sits (the newest snapshot while the live
        # model is shown) shows that snapshot too: no valueChanged comes then
        self.slider.sliderReleased.connect(lambda: self.show_snapshot(self.slider.value()))
        self.live_button.clicked.connect(self.back_to_live)
        self.make_live_button.clicked.connect(self.make_live)
        self.undo_button.clicked.connect(self.undo)
        client.sigTrainStarted.connect(self._on_started)
        client.sigTrainEpoch.connect(self._on_summary)
        client.sigTrainFinished.connect(self._on_summary)
        client.sigModelChanged.connect(self._on_model_changed)
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"TimelineBar({self.state!r})"

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.title.setText(self.tr("Training timeline:"))
        self.slider.setToolTip(self.tr(
            "The network as it was before training and after each epoch of the last run in "
            "the Train tab. Move the handle to show that network in every tab instead of the "
            "live model; the live model does not change."))
        self.live_button.setText(self.tr("Back to live"))
        self.live_button.setToolTip(self.tr("Show the live model again in every tab."))
        self.make_live_button.setText(self.tr("Make this the live model"))
        self.make_live_button.setToolTip(self.tr(
            "Replace the live model with the network shown (Undo brings the old one back)."))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr(
            "Make the model that the snapshot replaced the live model again."))
        self.memory_label.setToolTip(self.tr(
            "Memory the kept snapshots use. When they would pass the cap, every other middle "
            "snapshot is dropped, so the kept ones stay spread over the run."))
        self._render()

    # --- what the bar shows ---------------------------------------------------------------------
    def _render(self):
        state = self.state
        lo, hi = state.slider_range()
        was = self.slider.blockSignals(True)
        self.slider.setRange(lo, hi)
        self.slider.setValue(state.slider_value())
        self.slider.blockSignals(was)
        self.slider.setEnabled(len(state.labels) > 1 or (
            bool(state.labels) and not state.showing_snapshot))
        showing = state.showing_snapshot
        self.live_button.setEnabled(showing)
        self.make_live_button.setEnabled(showing)
        self.undo_button.setVisible(state.can_undo)
        if self.message:
            text = str(self.message)   # a FailureText: in the current language
        elif state.problem and not state.labels:
            text = fill(self.tr("This run keeps no snapshots: %1"), state.problem)
        elif showing:
            text = self._shown_sentence()
        else:
            # short enough for a 1024-pixel window (the handle's tooltip says the rest)
            text = self.tr("Showing the live model. Drag the handle to see past epochs.")
        self.shown_label.setText(text)
        self.shown_label.setToolTip(text)
        self.shown_label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;"
                                       if showing else "")
        n = len(state.labels)
        self.memory_label.setText(fill(self.tr("%n snapshots, %1 MB", "", n),
                                       f"{state.megabytes:.2f}"))
        self.sigVisibilityWanted.emit(state.visible)

    def _shown_sentence(self) -> str:
        words = self.state.shown_words()
        acc = "" if words.accuracy is None else f"{words.accuracy:.1f}"
        if words.kind == "before":
            return self.tr("Showing the network before training: its random initial weights "
                           "(not the live model).")
        if words.kind == "partial":
            if acc:
                return fill(self.tr("Showing the network where the run stopped, in epoch %1 "
                                    "after %2 batches, test accuracy %3 % (not the live "
                                    "model)."), words.epoch, words.step, acc)
            return fill(self.tr("Showing the network where the run stopped, in epoch %1 after "
                                "%2 batches (not the live model)."), words.epoch, words.step)
        if acc:
            return fill(self.tr("Showing epoch %1 of %2, test accuracy %3 % (not the live "
                                "model)."), words.epoch, words.epochs, acc)
        return fill(self.tr("Showing epoch %1 of %2 (not the live model)."), words.epoch,
                    words.epochs)

    # --- actions -------------------------------------------------------------------------------
    def show_snapshot(self, index: int):
        """Show snapshot ``index`` (0: before training) in every view instead of the live
        model."""
        if 0 <= index < len(self.state.labels) and index != self._asked:
            self._asked = index
            self.client.timeline("show", int(index), owner=self, on_result=self._on_answer,
                                 on_error=self._on_error)

    def show_newest(self):
        """Show the run's last snapshot (the weights its final test evaluation measured),
        unless it is shown already."""
        newest = len(self.state.labels) - 1
        if newest >= 0 and self.state.shown_index != newest:
            self.show_snapshot(newest)

    def back_to_live(self):
        self._asked = None
        self.client.timeline("live", owner=self, on_result=self._on_answer,
                             on_error=self._on_error)

    def make_live(self):
        index = self.state.shown_index
        if index is None:
            return
        self.client.timeline("make_live", index, owner=self, on_result=self._on_answer,
                             on_error=self._on_error)

    def undo(self):
        self.client.timeline("undo", owner=self, on_result=self._on_answer,
                             on_error=self._on_error)

    # --- answers and the run --------------------------------------------------------------------
    def _on_answer(self, answer):
        self.message, self._asked = "", None
        self.state.can_undo = bool(answer.get("can_undo"))
        self.state.set_shown(answer["info"].timeline)
        self.sigShownFilters.emit(answer["filters"] if self.state.showing_snapshot else None)
        self._render()

    def _on_error(self, message):
        self.message, self._asked = message, None
        self._render()

    def _on_started(self, _started):
        was_showing = self.state.showing_snapshot
        self.state.start_run()
        self.message = ""
        if was_showing:
            self.sigShownFilters.emit(None)
        self._render()

    def _on_summary(self, payload):
        self.state.update(payload.get("timeline"))
        self._render()

    def _on_model_changed(self, info):
        """The worker shows another model (a snapshot, or live again after a change of the
        live model made elsewhere)."""
        if info is None:
            return
        was_showing = self.state.showing_snapshot
        self.state.set_shown(info.timeline)
        if was_showing and not self.state.showing_snapshot:
            self.sigShownFilters.emit(None)
        self._render()
