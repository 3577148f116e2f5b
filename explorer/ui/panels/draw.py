"""Draw panel: draw a digit, see what the network sees and what it answers while the pen moves."""

from __future__ import annotations

import time
from functools import partial

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSlider, QToolButton, QVBoxLayout, QWidget)

from explorer.data.datasets import N_CLASSES
from explorer.data.model_input import input_batch
from explorer.ui.engine_strings import describe_edits, tr_engine
from explorer.ui.panel_settings import PanelSettings
from explorer.crossing import input_shape_of
from explorer.ui.panels.draw_colour import InputFit, PictureBar, shape_words
from explorer.ui.text import fill
from explorer.ui.widgets import ImageGrid, ProbabilityBars
from explorer.ui.widgets.draw_canvas import DrawCanvas
from explorer.ui.timeline_logic import describe_snapshot
from explorer.ui.widgets.message_label import WARNING_COLOUR

CLASSIFY_KEY = "classify"
#: Where the app's input came from when it is the drawing (rendered at every read of
#: ``AppState.current_input_source``, so it follows a language switch).
DRAW_SOURCE = QT_TRANSLATE_NOOP("DrawPanel", "the Draw tab")
#: Classify at most once per display frame while the pen moves (about 60 Hz).
FRAME_MS = 16


def classify_drawing(raw: np.ndarray, model, with_raw: bool = False) -> dict:
    """Runs in the worker thread: what the network sees and what it answers.

    Parameters
    ----------
    raw : ndarray of shape (H, W), uint8, ink 255 on 0
    model : the live `explorer.engine.Model`
    with_raw : also classify the plain resize (no cropping, scaling or centring)

    Returns
    -------
    dict with ``pre`` (28, 28) float32 (``explorer.data.preprocess_digit``), ``proba`` (10,),
    and when ``with_raw``: ``raw`` (28, 28) the whole canvas shrunk
    (``explorer.data.preprocess.raw_resize``) and ``raw_proba`` (10,).
    """
    from explorer.data.preprocess import preprocess_digit, raw_resize

    pre = preprocess_digit(raw)
    out = {"pre": pre, "proba": model.predict_proba(pre[None, None].astype(np.float32))[0]}
    if with_raw:
        small = raw_resize(raw)
        out["raw"] = small
        out["raw_proba"] = model.predict_proba(small[None, None])[0]
    return out


def classify_input(image: np.ndarray, model, with_raw: bool = False) -> dict:
    """Runs in the worker thread: classify an input that is already preprocessed (a test-set
    sample sent by another tab), exactly as the other panels see it.

    Parameters
    ----------
    image : ndarray (28, 28) float32 in [0, 1], or any (H, W) / (H, W, 3) image of the
        model's input size (a colour model's picture)
    model : the live `explorer.engine.Model`
    with_raw : also fill ``raw``/``raw_proba``; for a 28x28 input the plain resize is the input

    Returns
    -------
    dict like `classify_drawing`'s: ``pre`` (the image itself), ``proba`` (10,) and, when
    ``with_raw``, ``raw`` and ``raw_proba``.
    """
    pre = np.asarray(image, dtype=np.float32)
    proba = model.predict_proba(input_batch(pre))[0]
    out = {"pre": pre, "proba": proba}
    if with_raw:
        out["raw"], out["raw_proba"] = pre, proba.copy()
    return out


class DrawPanel(QWidget):
    """Canvas, tools, the 28x28 input the network sees, probability bars and the answer."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("drawPanel")
        self.client, self.state = client, state
        self._settings = PanelSettings("draw")
        self.last_result: dict | None = None

        self.last_error: str | None = None
        self._model_info = None

        self.canvas = DrawCanvas(self)

        self.brush = QSlider(Qt.Orientation.Horizontal, self)
        self.brush.setObjectName("brushWidth")
        self.brush.setRange(6, 40)
        self.brush.setValue(self._settings.get("brush", int, 20, valid=lambda v: 6 <= v <= 40))
        self.brush_label = QLabel(self)
        self.eraser = QToolButton(self)
        self.eraser.setObjectName("eraserButton")
        self.eraser.setCheckable(True)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoButton")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clearButton")

        self.seen = ImageGrid(self, cell_size=130, columns=1, levels=(0.0, 1.0), centred=True)
        self.seen.setObjectName("networkInput")
        self.raw_switch = QCheckBox(self)
        self.raw_switch.setObjectName("rawCompare")
        self.raw_switch.setChecked(self._settings.get("compareRaw", bool, False))
        self.raw_view = ImageGrid(self, cell_size=130, columns=1, levels=(0.0, 1.0),
                                  centred=True)
        self.raw_view.setObjectName("rawInput")
        self.raw_answer = QLabel(self)
        self.raw_answer.setObjectName("rawPrediction")

        self.predicted = QLabel("?", self)
        self.predicted.setObjectName("predictedDigit")
        font = QFont(self.predicted.font())
        font.setPointSize(64)
        font.setBold(True)
        self.predicted.setFont(font)
        self.predicted.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.predicted.setMinimumWidth(110)
        self.confidence = QLabel(self)
        self.confidence.setObjectName("predictionConfidence")
        self.confidence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.confidence.font())
        font.setPointSize(font.pointSize() + 4)
        self.confidence.setFont(font)
        self.confidence.setWordWrap(True)
        self.bars_legend = QLabel(self)
        self.bars_legend.setObjectName("probabilityLegend")
        self.bars_legend.setWordWrap(True)
        self.bars = ProbabilityBars(parent=self)
        self.bars.setObjectName("probabilityChart")
        self.bars.setMinimumHeight(120)
        self.source_note = QLabel(self)
        self.source_note.setObjectName("drawSourceNote")
        self.source_note.setWordWrap(True)
        self.source_note.setTextFormat(Qt.TextFormat.PlainText)
        self.source_note.setStyleSheet(
            "color: #1a5fb4; background: rgba(255, 255, 255, 230); padding: 4px;")
        self.source_note.setAutoFillBackground(False)
        self.source_note.setVisible(False)
        #: where the image on the canvas came from when another tab sent it (None: drawn here):
        #: a text, or a callable rendering it in the current language (see `AppState`)
        self.external_source = None
        self._external_image: np.ndarray | None = None
        self._loading_external = False
        self._emitting = False
        self.model_note = QLabel(self)
        self.model_note.setObjectName("drawModelNote")
        self.model_note.setWordWrap(True)
        self.model_note.setTextFormat(Qt.TextFormat.PlainText)
        #: what the live model's input allows (a colour model cannot read the canvas)
        self._fit = InputFit(None)
        self.picture_bar = PictureBar(self)
        self.picture_bar.sigPicture.connect(self._on_picture)
        self.canvas_note = QLabel(self)
        self.canvas_note.setObjectName("drawCanvasNote")
        self.canvas_note.setWordWrap(True)
        self.canvas_note.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.canvas_note.setVisible(False)

        self._build_layout()
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._last_sent = 0.0
        self._class_names = [str(d) for d in range(N_CLASSES)]
        self._throttle.timeout.connect(self.classify_now)

        self.canvas.sigChanged.connect(self._on_canvas_change)
        self.brush.valueChanged.connect(self._on_brush_change)
        self.eraser.toggled.connect(self._on_eraser_change)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.raw_switch.toggled.connect(self._on_raw_switch_change)
        client.sigModelChanged.connect(self._on_model_change)
        state.sigCurrentInputChanged.connect(self._on_current_input_change)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.canvas.undo),
                           (Qt.Key.Key_Escape, self.canvas.clear),
                           (Qt.Key.Key_Delete, self.canvas.clear)):
            QShortcut(QKeySequence(keys), self, slot)
        self._on_brush_change(self.brush.value())
        self._on_raw_switch_change(self.raw_switch.isChecked())
        self._on_model_change(client.model_info)
        self._show_empty()
        self.retranslate_ui()

    def __repr__(self) -> str:
        return f"DrawPanel(predicted={self.predicted.text()!r}, canvas={self.canvas!r})"

    def _build_layout(self):
        tools = QHBoxLayout()
        self.brush_caption = QLabel(self)
        tools.addWidget(self.brush_caption)
        tools.addWidget(self.brush, 1)
        tools.addWidget(self.brush_label)
        tools.addWidget(self.eraser)
        tools.addWidget(self.undo_button)
        tools.addWidget(self.clear_button)
        # the note lies over the canvas's lower edge: in a row of its own it took the canvas's
        # height whenever it appeared (the canvas shrank when an input came from another tab)
        board = QGridLayout()
        board.addWidget(self.canvas, 0, 0)
        board.addWidget(self.source_note, 0, 0, Qt.AlignmentFlag.AlignBottom)
        left = QVBoxLayout()
        left.addWidget(self.canvas_note)
        left.addLayout(board, 1)
        left.addLayout(tools)
        left.addWidget(self.picture_bar)

        seen_box = self.seen_box = QGroupBox(self)
        seen = QGridLayout(seen_box)
        self.seen_caption = QLabel(self)
        seen.addWidget(self.seen_caption, 0, 0)
        seen.addWidget(self.seen, 1, 0)
        self.raw_caption = QLabel(self)
        seen.addWidget(self.raw_caption, 0, 1)
        seen.addWidget(self.raw_view, 1, 1)
        seen.addWidget(self.raw_answer, 2, 1)
        seen.addWidget(self.raw_switch, 3, 0, 1, 2)
        seen.setRowStretch(1, 1)   # the 28x28 pictures grow with the box

        answer_box = self.answer_box = QGroupBox(self)
        answer = QVBoxLayout(answer_box)
        top = QHBoxLayout()
        top.addWidget(self.predicted)
        top.addWidget(self.confidence, 1)
        answer.addLayout(top)
        answer.addWidget(self.bars, 1)
        answer.addWidget(self.bars_legend)

        right = QVBoxLayout()
        right.addWidget(seen_box, 2)
        right.addWidget(answer_box, 3)
        right.addWidget(self.model_note)
        main = QHBoxLayout(self)
        main.addLayout(left, 5)
        main.addLayout(right, 4)

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text in the current language: the static ones, then the answer, the notes and
        the class names re-rendered from what the panel last showed (nothing is recomputed)."""
        self.canvas.setToolTip(self.tr(
            "Draw one digit 0-9 with the left mouse button (or a pen). The network answers "
            "while you draw. Esc/Delete clears, Ctrl+Z undoes the last stroke."))
        self.brush_caption.setText(self.tr("Brush:"))
        self.brush.setToolTip(self.tr(
            "Brush width in canvas pixels (the canvas is 280 pixels wide, the network's input "
            "28: MNIST strokes are about 2-3 input pixels wide)."))
        self.eraser.setText(self.tr("&Eraser"))
        self.eraser.setToolTip(self.tr("Paint black to erase parts of the digit (Alt+E)."))
        self.undo_button.setText(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Take back the last stroke (Ctrl+Z)."))
        self.clear_button.setText(self.tr("&Clear"))
        self.clear_button.setToolTip(self.tr("Erase the whole drawing (Esc or Delete)."))
        self.seen_box.setTitle(self.tr("What the network sees (28x28)") if self._fit.canvas_works
                               else fill(self.tr("What the network sees (%1)"),
                                         shape_words(self._fit.shape)))
        self.seen_caption.setText(self.tr("Preprocessed:") if self._fit.canvas_works
                                  else self.tr("As given:"))
        self.raw_caption.setText(self.tr("Raw resize:"))
        self.seen.setToolTip(self.tr(
            "The 28x28 image the network actually receives: your drawing cropped to its ink, "
            "scaled to fit 20x20 and centred by its centre of mass, as MNIST's digits were."))
        self.seen.set_placeholder(self.tr("Draw a digit"))
        self.raw_view.set_placeholder(self.tr("Draw a digit"))
        self.raw_switch.setText(self.tr("Compare with the &raw resize"))
        self.raw_switch.setToolTip(self.tr(
            "Also show the whole canvas simply shrunk to 28x28 (no cropping, scaling or "
            "centring) and what the network answers for it: the grey bars. This is why "
            "MNIST-style preprocessing matters."))
        self.answer_box.setTitle(self.tr("The network's answer"))
        self.predicted.setToolTip(self.tr("The class with the highest probability."))
        self.bars_legend.setText(self.tr(
            "Coloured bars: the preprocessed input (orange = the answer). Grey bars: the raw "
            "resize."))
        self.bars.setToolTip(self.tr(
            "The network's softmax output: one probability per digit, summing to 1. Orange is "
            "the answer; grey bars (when comparing) are the answer for the raw resize."))
        self.source_note.setToolTip(self.tr(
            "Another tab (Data or Train) chose this digit as the app's input: it is shown on the "
            "canvas and classified as it is. Drawing on it makes it your drawing."))
        self.canvas_note.setText("" if self._fit.canvas_works else fill(self.tr(
            "The live model takes %1 images (channels x height x width); the drawing canvas "
            "makes 1x28x28 digits, so it is off. Open a picture below (Open image... or Sample "
            "photo) or click an image in the Data tab."), shape_words(self._fit.shape)))
        if self._model_info is not None:
            self._set_class_names(self._model_info.class_names)
        self._render_model_note()
        self._render_source_note()
        self._render_answer()

    # --- input ------------------------------------------------------------------------------
    def _on_canvas_change(self):
        """Classify at once if the last request is a frame old, else at the next frame."""
        if self._loading_external:
            return
        if self.external_source is not None:   # the user draws over (or clears) the sent digit
            self._set_external(None, None)
        if self._throttle.isActive():
            return
        wait = FRAME_MS - (time.perf_counter() - self._last_sent) * 1000.0
        if wait <= 0:
            self.classify_now()
        else:
            self._throttle.start(int(wait) + 1)

    def classify_now(self):
        """Send the current drawing to the worker (coalesced: only the newest is classified)."""
        self._last_sent = time.perf_counter()
        if self.external_source is not None:
            if not self._fit.fits(self._external_image):
                self._show_mismatch(self._external_image)
                return
            self._classify(partial(classify_input, self._external_image,
                                   with_raw=self.raw_switch.isChecked()
                                   and self._fit.canvas_works))
            return
        if not self._fit.canvas_works:    # a colour model: the canvas is off
            self._show_empty()
            return
        raw = self.canvas.image_array()
        if not raw.any():
            self._show_empty()
            self.client.cancel(self, CLASSIFY_KEY)   # an answer on its way is stale now
            return
        self._classify(partial(classify_drawing, raw, with_raw=self.raw_switch.isChecked()))

    def _classify(self, job):
        self.client.request(job, owner=self, key=CLASSIFY_KEY, on_result=self._on_result,
                            on_error=self._on_error)

    def _show_mismatch(self, image):
        """The input does not fit the live model: show it, say so, no answer."""
        self.client.cancel(self, CLASSIFY_KEY)
        self.last_result = None
        self.last_error = self._fit.mismatch(image)
        self.bars.clear_probabilities()
        self.bars.set_secondary(None)
        self.seen.set_images([image])
        self._render_answer()

    def _on_picture(self, image, name):
        """An opened picture (already fitted to the live model) becomes the app's input."""
        self.state.set_current_input(
            image, lambda: fill(QCoreApplication.translate("DrawPanel", "the picture %1"), name))

    def _show_empty(self):
        self.last_result = None
        self.last_error = None
        self.bars.clear_probabilities()
        self.bars.set_secondary(None)
        self.seen.set_images([])
        self.raw_view.set_images([])
        self._render_answer()
        if self.state.current_input is not None:
            self._publish(None)

    def _publish(self, image):
        """Make the drawing the app's current input (without reacting to our own signal)."""
        self._emitting = True
        try:
            self.state.set_current_input(
                image, partial(QCoreApplication.translate, "DrawPanel", DRAW_SOURCE))
        finally:
            self._emitting = False

    def _on_current_input_change(self, image):
        """Another tab chose the input (a test-set or data sample): show it on the canvas,
        say where it came from and classify it as it is."""
        if self._emitting or image is None:
            return
        source = self.state.current_input_origin   # a callable follows the language
        self._loading_external = True
        try:
            if np.ndim(image) == 2:
                self.canvas.set_image_array(np.asarray(image) * 255.0)
            else:   # a colour image is shown beside, as the network sees it, not on the canvas
                self.canvas.clear()
        finally:
            self._loading_external = False
        self._set_external(np.array(image, dtype=np.float32), source)
        self._throttle.stop()
        self.classify_now()

    def _set_external(self, image, source):
        self._external_image, self.external_source = image, source
        self.source_note.setVisible(source is not None)
        self._render_source_note()

    def _render_source_note(self):
        source = self.external_source
        if source is None:
            return
        text = source() if callable(source) else source
        if not self._fit.canvas_works:
            self.source_note.setText(fill(self.tr("Input from %1, classified as it is."), text))
            return
        self.source_note.setText(fill(self.tr(
            "Input from %1, classified as it is. Draw on it to make it your own drawing "
            "(it is then preprocessed like one), or clear (Esc) to start again."), text))

    # --- results ----------------------------------------------------------------------------
    def _on_result(self, result):
        self.last_result = result
        self.last_error = None
        p = result["proba"]
        self.seen.set_images([result["pre"]])
        if "raw" in result and self.raw_switch.isChecked():
            self.raw_view.set_images([result["raw"]])
            self.bars.set_secondary(result["raw_proba"])
        else:
            self.bars.set_secondary(None)
        self.bars.set_probabilities(p)
        self._render_answer()
        if self.external_source is None:
            self._publish(result["pre"])

    def _on_error(self, message):
        self.last_error = message
        self._render_answer()

    def _render_answer(self):
        """The answer, its confidence and the raw resize's answer from `last_result` (or the
        empty/error line), in the current language."""
        result = self.last_result
        if result is None:
            self.predicted.setText("?")
            self.raw_answer.setText("")
        else:
            p = result["proba"]
            best = int(np.argmax(p))
            self.predicted.setText(self._class_names[best])
            self.confidence.setText(fill(self.tr("%1 sure"), f"{100 * float(p[best]):.1f} %"))
            if "raw" in result and self.raw_switch.isChecked():
                q = result["raw_proba"]
                rb = int(np.argmax(q))
                self.raw_answer.setText(fill(self.tr("answer: %1 (%2)"), self._class_names[rb],
                                             f"{100 * float(q[rb]):.0f} %"))
        if self.last_error is not None:
            self.confidence.setText(fill(self.tr("Could not classify: %1"), self.last_error))
        elif result is None:
            self.confidence.setText(self.tr("Draw a digit on the black square.")
                                    if self._fit.canvas_works else
                                    self.tr("Open a picture or click an image in the Data tab."))

    def _on_model_change(self, info):
        self._model_info = info
        if info is not None:
            self._set_class_names(info.class_names)
            self._set_fit(InputFit(input_shape_of(info)))
        self._render_model_note()
        if info is not None and (not self.canvas.is_empty() or self.external_source is not None):
            self.classify_now()

    def _set_fit(self, fit: InputFit):
        """Switch the canvas and its tools on or off for the live model's input."""
        self._fit = fit
        self.picture_bar.set_shape(fit.shape)
        for w in (self.canvas, self.brush, self.eraser, self.undo_button, self.clear_button):
            w.setEnabled(fit.canvas_works)
        self.canvas_note.setVisible(not fit.canvas_works)
        # the raw-resize comparison is about drawings: off for a model the canvas cannot feed
        self.raw_switch.setVisible(fit.canvas_works)
        if fit.canvas_works:
            self._on_raw_switch_change(self.raw_switch.isChecked())
        else:
            for w in (self.raw_view, self.raw_answer, self.raw_caption, self.bars_legend):
                w.setVisible(False)
        self.retranslate_ui()

    def _render_model_note(self):
        info = self._model_info
        if info is None:
            self.model_note.setText(self.tr("Loading the model..."))
        elif not info.trained and info.timeline is None:
            # the worker's note is an English source in context EngineClient: say it translated
            note = QCoreApplication.translate("EngineClient", info.note) if info.note else ""
            self.model_note.setText(note or self.tr(
                "This model is untrained: its answers are guesses. Train one in the Train tab."))
            self.model_note.setStyleSheet(f"color: {WARNING_COLOUR};")
        elif info.edits or info.timeline is not None:
            # the accuracy is older than the edit, or a timeline snapshot answers: say so here
            self.model_note.setText(self._model_sentence(info))
            self.model_note.setStyleSheet(f"color: {WARNING_COLOUR};")
        else:   # nothing to warn about: the status bar's model label says which model answers
            self.model_note.setText("")
        self.model_note.setVisible(bool(self.model_note.text()))

    def _model_sentence(self, info) -> str:
        """"Live model: name, test accuracy 98.1 %" (and the edits made since it was measured);
        for a training-timeline snapshot shown instead, which one it is."""
        if info.timeline is not None:
            words = describe_snapshot(info.timeline, int(info.timeline.get("epochs", 0)))
            if words.kind == "before":
                return self.tr("Shown: the last run's network before training (not the live "
                               "model; see the timeline bar below).")
            if words.kind == "partial":
                return fill(self.tr("Shown: the last run's network where it stopped in epoch "
                                    "%1 (not the live model; see the timeline bar below)."),
                            words.epoch)
            return fill(self.tr("Shown: the last run's network after epoch %1 of %2 (not the "
                                "live model; see the timeline bar below)."), words.epoch,
                        words.epochs)
        edits = describe_edits(info.edits) if info.edits else ""
        if info.accuracy is None:
            return (fill(self.tr("Live model: %1; %2"), info.name, edits) if edits else
                    fill(self.tr("Live model: %1"), info.name))
        acc = f"{100 * info.accuracy:.1f}"
        if edits:
            return fill(self.tr("Live model: %1, test accuracy %2 % (measured before the edit); "
                                "%3"), info.name, acc, edits)
        return fill(self.tr("Live model: %1, test accuracy %2 %"), info.name, acc)

    def _set_class_names(self, names):
        """Label the answer with the live model's classes (digits, or e.g. Fashion-MNIST's)."""
        self._class_names = [tr_engine(str(n)) for n in names]
        digits = all(len(n) <= 2 for n in self._class_names)
        self.bars.set_class_names(self._class_names if digits else
                                  [n[:5] for n in self._class_names])
        font = QFont(self.predicted.font())
        font.setPointSize(64 if digits else 20)
        self.predicted.setFont(font)
        self.predicted.setWordWrap(not digits)

    # --- settings ---------------------------------------------------------------------------
    def _on_brush_change(self, value):
        self.canvas.brush_width = float(value)
        self.brush_label.setText(f"{value}")
        self._settings.set("brush", int(value))

    def _on_eraser_change(self, on):
        self.canvas.eraser = bool(on)

    def _on_raw_switch_change(self, on):
        for w in (self.raw_view, self.raw_answer, self.raw_caption, self.bars_legend):
            w.setVisible(bool(on))
        self._settings.set("compareRaw", bool(on))
        if not self.canvas.is_empty():
            self.classify_now()
        else:
            self.bars.set_secondary(None)

