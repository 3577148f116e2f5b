"""Train panel: choose a network and its training settings, train it in the engine thread and
watch it learn (loss and accuracy curves, first-layer filters, confusion matrix, mistakes).

The panel is three parts: the settings form (`train_form.TrainForm`), the results
(`train_results.TrainResults`) and, here, the run control: Start / Pause / Stop / One batch /
Make live / Save / Export, the progress bar and the message line, wired to the engine's training
signals. Which control is enabled when, and when making the network live needs a warning, is
decided by the Qt-free `train_logic.RunView`."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.training import format_duration
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.engine_strings import engine_message
from explorer.ui.panels.train_form import TrainForm
from explorer.ui.panels.train_logic import RunView
from explorer.ui.panels.train_results import TrainResults, are_digits
from explorer.ui.panels.train_support import (FittingScroll, describe_architectures,
                                              save_model_file)
from explorer.ui.text import fill
from explorer.worker import TRAINING, shown_failure

#: The settings form's widgets, also reachable as attributes of the panel.
FORM_WIDGETS = ("architecture", "arch_description", "dataset", "optimizer", "lr", "pace",
                "batch_size", "epochs", "train_limit", "init", "weight_decay", "dropout",
                "augment")
#: The results' widgets, also reachable as attributes of the panel.
RESULT_WIDGETS = ("curves", "filters", "confusion", "mistakes", "mistakes_caption",
                  "class_legend")

#: The progress bar, its text and the controls follow the batches at most this often (ms).
#: Setting them on every batch repainted them ~200 times a second in a fast run at batch 32:
#: the GUI thread used 25-29 % of a core and the app trained 8-27 % slower end to end than
#: with them set only now and then (14-16 %).
PROGRESS_MS = 100


class TrainPanel(QWidget):
    """Settings on the left, Start/Pause/Stop/one batch, live curves and results on the right."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("trainPanel")
        self.client, self.state = client, state
        self._files = PanelSettings("files")
        self._run_info = None
        self.run = RunView()
        self.last_outcome: dict | None = None
        self.n_batches_seen = 0
        self._diverged = None      # the DivergedEvent of a run paused after a divergence
        # The message line and the progress bar's text as functions that render them in the
        # current language (re-run on a language change): () -> str, and the message's kind.
        self._message_text = None
        self._message_error = False
        self._progress_text = None
        # The bar, its text and the controls follow the batches at most every PROGRESS_MS
        # (the newest batch's): see _on_batch
        self._newest_batch = None
        self._progress_due = QTimer(self)
        self._progress_due.setSingleShot(True)
        self._progress_due.setInterval(PROGRESS_MS)
        self._progress_due.timeout.connect(self._show_batch_progress)
        self.form = TrainForm(self)
        self.results = TrainResults(self)
        for name in FORM_WIDGETS:
            setattr(self, name, getattr(self.form, name))
        for name in RESULT_WIDGETS:
            setattr(self, name, getattr(self.results, name))
        self._build_buttons()
        self._build_layout()
        self._connect()
        client.set_pace(self.form.pace_interval())
        self._set_state("idle")
        self._set_progress(lambda: self.tr("not started: choose the settings and press Start"))
        self.retranslate_ui()
        client.request(describe_architectures, owner=self, key="architectures",
                       on_result=self.form.set_descriptions)

    def __repr__(self) -> str:
        return (f"TrainPanel(state={self.client.train_state!r}, batches={self.n_batches_seen}, "
                f"arch={self.architecture.currentData()!r})")

    # --- construction -----------------------------------------------------------------------
    def _build_buttons(self):
        def button(name):
            b = QPushButton(self)
            b.setObjectName(name)
            return b

        self.start_button = button("trainStartButton")
        self.pause_button = button("trainPauseButton")
        self.stop_button = button("trainStopButton")
        self.step_button = button("trainStepButton")
        self.live_button = button("trainMakeLiveButton")
        self.save_button = button("trainSaveButton")
        self.export_button = button("trainExportButton")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("trainProgress")
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message = QLabel(self)
        self.message.setObjectName("trainMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """The buttons' texts and tooltips, the progress bar's text and the message line in
        the current language (a run going on keeps going; its status is said anew)."""
        for b, text, tip in (
                (self.start_button, self.tr("&Start"),
                 self.tr("Build a fresh network with these settings and train it")),
                (self.pause_button, None, self.tr("Pause after the current batch / resume")),
                (self.stop_button, self.tr("St&op"),
                 self.tr("End the run after the current batch (the weights are kept)")),
                (self.step_button, self.tr("One &batch"), self.tr(
                    "Train exactly one mini-batch and pause (starts a paused run if none is "
                    "going)")),
                (self.live_button, self.tr("Make &live"),
                 self.tr("Use this network in the Draw and other panels")),
                (self.save_button, self.tr("Sa&ve model..."), self.tr(
                    "Save the trained network with its settings and training history (.npz)")),
                (self.export_button, self.tr("E&xport curves..."), None)):
            if text is not None:
                b.setText(text)
            if tip is not None:
                b.setToolTip(tip)
        self.progress.setToolTip(self.tr("Share of all batches of the run done; epoch, batch, "
                                         "speed and the time left."))
        self._apply_controls()     # Pause/Resume and the export tooltip
        self._show_progress()
        self._show_message()

    def _build_layout(self):
        buttons = QGridLayout()
        buttons.addWidget(self.start_button, 0, 0)
        buttons.addWidget(self.pause_button, 0, 1)
        buttons.addWidget(self.stop_button, 1, 0)
        buttons.addWidget(self.step_button, 1, 1)
        buttons.addWidget(self.live_button, 2, 0)
        buttons.addWidget(self.save_button, 2, 1)
        buttons.addWidget(self.export_button, 3, 0, 1, 2)
        # only the settings scroll when the window is short: the run's buttons and its
        # message line stay in sight (at 1024x700 in Chinese the form is taller than the tab)
        scroll = FittingScroll(self.form, self)
        scroll.setObjectName("trainSettingsScroll")
        left_widget = QWidget(self)
        left_widget.setMinimumWidth(300)
        left_widget.setMaximumWidth(420)
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(scroll)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.progress)
        column.addWidget(self.results, 1)
        main = QHBoxLayout(self)
        main.addWidget(left_widget)
        main.addLayout(column, 1)

    def _connect(self):
        c = self.client
        c.sigTrainError.connect(self._on_train_error)
        c.sigTrainStarted.connect(self._on_started)
        c.sigTrainBatch.connect(self._on_batch)
        c.sigTrainEpoch.connect(self._on_epoch)
        c.sigTrainFinished.connect(self._on_finished)
        c.sigTrainDiverged.connect(self._on_diverged)
        c.sigTrainEvaluating.connect(self._on_evaluating)
        c.sigTrainLearningRate.connect(self._on_lr_applied)
        c.sigTrainState.connect(self._set_state)
        self.state.sigDatasetChanged.connect(self._on_dataset_change)
        self.state.sigDatasetListChanged.connect(self.refresh_datasets)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.client.stop)
        self.step_button.clicked.connect(self.step_one_batch)
        self.live_button.clicked.connect(self.make_live)
        self.save_button.clicked.connect(self.save_model)
        self.export_button.clicked.connect(self.export_curves)
        self.form.sigLearningRateChanged.connect(self._on_lr_change)
        self.form.sigPaceChanged.connect(self.client.set_pace)
        self.results.sigMistakeChosen.connect(self._on_mistake_chosen)

    def refresh_datasets(self, select=None):
        """List the data sets present now and select ``select`` (see `TrainForm`)."""
        self.form.refresh_datasets(select)

    def showEvent(self, event):
        self.refresh_datasets()
        super().showEvent(event)

    def config(self):
        """The `TrainConfig` of the current settings (ValueError when one is invalid)."""
        return self.form.config()

    # --- actions ------------------------------------------------------------------------
    def start(self, *, start_paused: bool = False):
        """Start a run with the current settings (a fresh network)."""
        if self.client.is_training:
            return
        try:
            config = self.config()
        except ValueError as exc:
            error = exc.with_traceback(None)    # said again in the new language if switched
            self._say(lambda: fill(self.tr(
                "These settings cannot make a run: %1\nChange the setting and press Start "
                "again."), engine_message(error)), error=True)
            return
        self.results.clear()
        self.n_batches_seen = 0
        self.last_outcome = None
        self._run_info = None
        self._diverged = None
        self.run.new_run()
        self._say(lambda: fill(self.tr("Building %1 and loading %2..."), config.model,
                               config.dataset))
        self.progress.setRange(0, 0)
        self.client.start_training(config, start_paused=start_paused)
        self._set_state("starting")

    def toggle_pause(self):
        if self.client.train_state == "running":
            self.client.pause()
            self.pause_button.setText(self.tr("&Resume"))   # at once; the state follows
        elif self.client.train_state == "paused":
            self.client.resume()

    def step_one_batch(self):
        if not self.client.is_training:
            self.start(start_paused=True)
        self.client.step_one_batch()

    def make_live(self) -> bool:
        """Make the run's network the live model; a diverged or untrained-looking one only
        after the user confirmed (`RunView.make_live_risk`). True when it was sent."""
        risk = self.run.make_live_risk()
        if risk is not None and not self._confirm_make_live(risk):
            self._say(lambda: self.tr("The live model was left as it was."))
            return False
        self.client.make_training_model_live(owner=self, on_error=self._on_live_error)
        self._say(lambda: self.tr("The trained network is now the live model: draw in the "
                                  "Draw tab."))
        return True

    def _confirm_make_live(self, risk: str) -> bool:
        if risk == "diverged":
            text = self.tr("This run diverged and has not trained a batch since: its weights "
                           "may not recognise anything. Make it the live model anyway?")
        else:
            text = fill(self.tr("This network's test accuracy is %1 %, about what guessing "
                                "gives. Make it the live model anyway?"),
                        f"{100 * (self.run.accuracy or 0):.1f}")
        answer = QMessageBox.question(
            self, self.tr("Make live"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _last_dir(self) -> str:
        return self._files.get("lastDir") or str(Path.home())

    def save_model(self):
        name = f"{self.architecture.currentData()}.npz"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save trained model"),
                                              str(Path(self._last_dir()) / name),
                                              self.tr("CNN Explorer models (*.npz)"))
        if path:
            self.save_model_to(path)

    def save_model_to(self, path: str):
        if not path.endswith(".npz"):
            path += ".npz"
        self._files.set("lastDir", str(Path(path).parent))
        self.client.request(partial(save_model_file, path), owner=self, key="save", target=TRAINING,
                            on_result=self._on_saved, on_error=self._on_save_error)

    def export_curves(self):
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export curves (PNG and CSV)"), str(Path(self._last_dir()) / "training"),
            self.tr("Base name (files end -loss.png, -accuracy.png, -batches.csv, "
                    "-epochs.csv) (*)"))
        if path:
            self.export_curves_to(path)

    def export_curves_to(self, base) -> list:
        try:
            written = self.curves.export(base)
        except OSError as exc:
            error = exc.with_traceback(None)    # said again in the new language if switched
            self._say(lambda: fill(self.tr(
                "Could not export the curves. Choose a folder you can write to and try again.\n"
                "Details: %1"), engine_message(error)), error=True)
            return []
        self._files.set("lastDir", str(Path(base).parent))
        names = ", ".join(p.name for p in written)
        self._say(lambda: fill(self.tr("Exported %1"), names))
        return written

    # --- engine events ------------------------------------------------------------------
    def _on_dataset_change(self, dataset):
        """The Data tab made ``dataset`` the app's set: list it and, unless a run is going
        (its set stays shown), select it."""
        source = self.form.source_of(dataset)
        self.refresh_datasets(None if self.client.is_training else source)

    def _on_lr_change(self, value):
        if self.client.is_training:
            self.client.set_lr(value)

    def _on_lr_applied(self, payload):
        """The run took a new learning rate: say so, and mark it on the loss curve."""
        e = payload["event"]
        self.curves.add_lr_mark(e.from_step, e.old, e.new)
        self._say(lambda: fill(self.tr(
            "Learning rate %1 \u2192 %2 from batch %3 on (the dashed line in the loss plot)."),
            f"{e.old:g}", f"{e.new:g}", e.from_step))

    def _on_saved(self, path):
        self._say(lambda: fill(self.tr("Saved the trained model (with its training history) "
                                       "to %1"), path))

    def _on_save_error(self, message):
        self._say(lambda: fill(self.tr(
            "Could not save the model. Choose a folder you can write to and try again.\n"
            "Details: %1"), message), error=True)

    def _on_live_error(self, message):
        self._say(lambda: fill(self.tr(
            "Could not make this network the live model; the live model was left as it was.\n"
            "Details: %1"), message), error=True)

    def _on_train_error(self, message):
        """The engine could not start the run, or refused a change during it (``message`` its
        own English words, shown as the detail)."""
        if self.client.train_state in ("running", "paused"):
            self._say(lambda: fill(self.tr(
                "The run refused a change; it goes on with the settings it had.\nDetails: %1"),
                message), error=True)
            return
        self._say(lambda: fill(self.tr(
            "The run could not start. Check the data set (Data tab) and the settings, then "
            "press Start again.\nDetails: %1"), message), error=True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._set_progress(lambda: self.tr("not started"))

    def _on_started(self, started):
        self._show_batch_progress()
        self._run_info = started
        self.run.new_run(len(started["class_names"]))
        self.results.show_filters(started["filters"])
        self.results.clear_filters_change()     # the last run's change is not this one's
        self.results.ratios.clear_run()
        info = started["info"]
        self.progress.setRange(0, started["n_batches"] * started["epochs"])
        self.progress.setValue(0)
        epochs = started["epochs"]
        self._set_progress(lambda: fill(self.tr("epoch 1/%1"), epochs))
        self._say(lambda: fill(self.tr("Training %1 (%2 parameters)..."), info.name,
                               f"{info.n_params:,}"))

    def _on_batch(self, payload):
        """A batch's numbers go to the plots at once; the bar, its text and the controls show
        the newest batch at most every PROGRESS_MS, and at once for an epoch's last batch, the
        first one and a stepped one."""
        e = payload["event"]
        self.n_batches_seen += 1
        self._diverged = None
        self.run.batch_done(e.epoch, e.batch, e.n_batches)
        self.curves.add_batch(payload["step"], e.epoch, e.batch, e.loss, payload["smoothed_loss"])
        self._newest_batch = e
        paused = self.client.train_state == "paused"   # a batch stepped with "One batch"
        if paused or self.n_batches_seen == 1 or e.batch + 1 == e.n_batches:
            self._show_batch_progress()
        elif not self._progress_due.isActive():
            self._progress_due.start()
        if payload.get("filters") is not None:
            self.results.show_filters(payload["filters"])
        if payload.get("update_ratios"):
            self.results.ratios.add(payload["step"], payload["update_ratios"])
        if payload.get("filters_change") is not None:
            self.results.show_filters_change(payload["filters_change"],
                                             payload["filters_change_relative"])
        if paused:
            self._show_paused()

    def _show_batch_progress(self):
        """The bar, its text and the controls as of the newest batch not shown yet (before
        any other progress text, which must not be overwritten by an older batch's)."""
        self._progress_due.stop()
        e, self._newest_batch = self._newest_batch, None
        if e is None:
            return
        if self._run_info is not None:
            epochs = self._run_info["epochs"]
            self.progress.setValue(e.epoch * e.n_batches + e.batch + 1)
            self._set_progress(lambda: fill(self.tr(
                "epoch %1/%2 \u00b7 batch %3/%4 \u00b7 %5 images/s \u00b7 %6 left \u00b7 loss %7"),
                e.epoch + 1, epochs, e.batch + 1, e.n_batches, f"{e.images_per_s:.0f}",
                format_duration(e.eta), f"{e.loss:.3f}"))
        self._apply_controls()

    def _on_epoch(self, payload):
        e = payload["event"]
        self.run.epoch_done(e.test_accuracy)
        self.curves.add_epoch(payload["step"], e.epoch, e.train_accuracy, e.test_accuracy,
                              e.test_loss)
        train = f"{100 * e.train_accuracy:.1f}"
        if e.test_accuracy is None:
            self._say(lambda: fill(self.tr("Epoch %1: training accuracy %2 %."), e.epoch + 1,
                                   train))
        else:
            test = f"{100 * e.test_accuracy:.1f}"
            self._say(lambda: fill(self.tr(
                "Epoch %1: training accuracy %2 %, test accuracy %3 %."), e.epoch + 1, train,
                test))

    def _on_diverged(self, payload):
        """The run rolled back to its last known good weights after a divergence and paused."""
        e = payload["event"]
        self._show_batch_progress()
        self.run.divergence()
        self._diverged = e
        self._say(self._diverged_message, error=True)
        self._set_progress(lambda: fill(self.tr(
            "diverged at epoch %1, batch %2: paused, lower the learning rate and Resume"),
            e.epoch + 1, e.batch + 1))
        if payload.get("filters") is not None:
            self.results.show_filters(payload["filters"])

    def _diverged_message(self) -> str:
        """What happened at the divergence and what to try, from the event's numbers (the
        engine's own message is English only)."""
        e = self._diverged
        if e is None:
            return ""
        if np.isfinite(e.loss):
            what = fill(self.tr(
                "Training diverged at epoch %1, batch %2 (loss %3, learning rate %4): the loss "
                "exploded, or a gradient or a weight became NaN or infinite. The weights are "
                "back to the last known good ones, from before epoch %5, batch %6, and training "
                "is paused."), e.epoch + 1, e.batch + 1, f"{e.loss:.4g}", f"{e.lr:g}",
                e.restored_epoch + 1, e.restored_batch + 1)
        else:
            what = fill(self.tr(
                "Training diverged at epoch %1, batch %2 (learning rate %3): the loss exploded, "
                "or a gradient or a weight became NaN or infinite. The weights are back to the "
                "last known good ones, from before epoch %4, batch %5, and training is paused."),
                e.epoch + 1, e.batch + 1, f"{e.lr:g}", e.restored_epoch + 1,
                e.restored_batch + 1)
        lower = f"{max(e.suggested_lr, self.lr.minimum()):g}"
        if self.optimizer.currentData() != "adam":
            todo = fill(self.tr(
                "Set a lower learning rate above (e.g. %1) and press Resume: training continues "
                "from the restored weights. Or Stop and start again with other settings: a "
                "little weight decay (e.g. 0.0001) keeps the weights small. Adam is the most "
                "forgiving optimiser."), lower)
        else:
            todo = fill(self.tr(
                "Set a lower learning rate above (e.g. %1) and press Resume: training continues "
                "from the restored weights. Or Stop and start again with other settings: a "
                "little weight decay (e.g. 0.0001) keeps the weights small."), lower)
        return what + "\n" + todo

    def _on_evaluating(self, payload):
        e = payload["event"]
        self._show_batch_progress()
        self._set_progress(lambda: fill(self.tr("epoch %1: testing on %2 of %3 test images"),
                                        e.epoch + 1, f"{e.done:,}", f"{e.total:,}"))

    def _on_finished(self, outcome):
        self.curves.flush()
        self._show_batch_progress()
        self.last_outcome = outcome
        reason = outcome["reason"]
        if outcome.get("filters") is not None:
            self.results.show_filters(outcome["filters"])
        ev = outcome.get("evaluation")
        self.run.finished(reason, None if ev is None else ev["accuracy"])
        if ev is not None:
            self.run.n_classes = len(ev["class_names"])
            self.results.show_evaluation(ev)
        self._diverged = None
        self._say(partial(self._outcome_message, outcome),
                  error=reason in ("error", "diverged"))
        if reason == "completed":
            self.progress.setValue(self.progress.maximum())
            self._set_progress(lambda: self.tr("done"))
        elif reason == "stopped":
            self._set_progress(lambda: self.tr("stopped at %v of %m batches"))
        elif reason == "diverged":
            self._set_progress(lambda: self.tr("diverged at %v of %m batches"))
        else:
            self._set_progress(lambda: self.tr("failed at %v of %m batches"))
        self._apply_controls()

    def _outcome_message(self, outcome) -> str:
        """How the run ended, composed from the outcome's numbers (the engine's own message is
        English only); an error (the outcome's ``exception``) is the detail, in the language
        current at each call."""
        reason, ev = outcome["reason"], outcome.get("evaluation")
        evaluation_error = outcome.get("evaluation_error")
        if reason == "completed" and ev is not None:
            text = fill(self.tr("Training finished: test accuracy %1 %."),
                        f"{100 * ev['accuracy']:.2f}")
        elif reason == "stopped" and ev is not None:
            text = fill(self.tr("Training stopped: with the weights as they are now the test "
                                "accuracy is %1 %."), f"{100 * ev['accuracy']:.2f}")
        elif reason in ("completed", "stopped") and evaluation_error is not None:
            text = fill(self.tr("Training ended, but the test evaluation of its weights failed; "
                                "the weights are kept.\nDetails: %1"),
                        shown_failure(evaluation_error))
        elif reason == "stopped":
            text = self.tr("Training stopped before the first batch.")
        elif reason == "diverged":
            text = self.tr("Training diverged and ended: the weights are no longer usable. Lower "
                           "the learning rate (a tenth, say) or choose the adam optimizer and "
                           "start again.")
        else:
            detail = (shown_failure(outcome["exception"]) if "exception" in outcome
                      else outcome["message"])
            text = fill(self.tr("Training failed and ended. Check the settings and start "
                                "again.\nDetails: %1"), detail)
        sentences = [text]
        if ev is not None:
            wrong = (self.tr("%1 of %2 test digits wrong.") if are_digits(ev["class_names"])
                     else self.tr("%1 of %2 test images wrong."))
            sentences.append(fill(wrong, f"{int(ev['n_wrong']):,}",
                                  f"{int(ev['confusion'].sum()):,}"))
        if reason in ("completed", "stopped"):
            sentences.append(self.tr("\u201cMake live\u201d to draw with it, or save it."))
        return " ".join(sentences)

    def _on_mistake_chosen(self, image, number):
        self.state.set_current_input(image, fill(self.tr("test set #%1"), number))
        self._say(lambda: fill(self.tr("Test image #%1 is now the current input of the other "
                                       "panels."), number))

    # --- state --------------------------------------------------------------------------
    def _set_state(self, state):
        self._show_batch_progress()
        self.run.set_state(state)
        self._apply_controls()
        if state == "paused" and self._diverged is not None:
            self._say(self._diverged_message, error=True)
        elif state == "paused":
            self._say(lambda: self.tr("Paused: Resume continues, One batch steps a single "
                                      "mini-batch."))
        if state == "paused":
            self._show_paused()

    def _apply_controls(self):
        """Enable the controls as `RunView.controls` decides."""
        c = self.run.controls()
        self.start_button.setEnabled(c.start)
        self.pause_button.setEnabled(c.pause)
        self.pause_button.setText(self.tr("&Resume") if c.pause_resumes else self.tr("&Pause"))
        self.stop_button.setEnabled(c.stop)
        self.step_button.setEnabled(c.step)
        self.live_button.setEnabled(c.make_live)
        self.save_button.setEnabled(c.save)
        self.export_button.setEnabled(c.export)
        self.export_button.setToolTip(
            self.tr("Save both plots as PNG and their numbers as CSV") if c.export else
            self.tr("Nothing to export yet: the curves fill once a run has trained a batch."))
        self.form.set_running(not c.settings)

    def _show_paused(self):
        """The bar says where a paused run stands (its speed and time left no longer apply)."""
        if self._diverged is not None:
            return
        position = self.run.paused_position()
        if position is None:
            self._set_progress(lambda: self.tr("paused before the first batch"))
        else:
            epoch, batch, n_batches = position
            self._set_progress(lambda: fill(self.tr("paused at epoch %1, batch %2/%3"), epoch,
                                            batch, n_batches))

    def _say(self, text, error=False):
        """Show ``text()`` on the message line (``text`` renders it in the current language and
        is called again when the language changes); ``error`` in red."""
        self._message_text, self._message_error = text, error
        self._show_message()

    def _show_message(self):
        self.message.setText(self._message_text() if self._message_text is not None else "")
        self.message.setStyleSheet("color: #b00000;" if self._message_error else "")

    def _set_progress(self, text):
        """The progress bar's text is ``text()`` (rendered again on a language change)."""
        self._progress_text = text
        self._show_progress()

    def _show_progress(self):
        if self._progress_text is not None:
            self.progress.setFormat(self._progress_text())

    def shutdown(self):
        """Called by the main window before the engine thread stops."""
        self.client.stop()
