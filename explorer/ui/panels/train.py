"""Train panel: choose a network and its training settings, train it in the engine thread and
watch it learn (loss and accuracy curves, first-layer filters, confusion matrix, mistakes)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QScrollArea, QSizePolicy, QSpinBox, QVBoxLayout,
                               QWidget)

from explorer.data import BUILTIN_NAME, pixels_to_float
from explorer.training import format_duration
from explorer.ui.engine_strings import tr_engine
from explorer.ui.state import app_settings
from explorer.ui.widgets import ImageGrid, MatrixView
from explorer.ui.widgets.training_curves import TrainingCurves
from explorer.worker import TRAINING

#: At most this many misclassified digits are drawn at once.
SHOWN_MISTAKES = 64


def describe_architectures(_live_model) -> list[tuple[str, str, int, bool]]:
    """Runs in the worker: ``(name, description, parameter count, has dropout layers)`` of every
    built-in model."""
    from explorer.engine import build_model, describe_model, list_models

    rows = []
    for name in list_models():
        model = build_model(name)
        has_dropout = any(row["type"] == "Dropout" for row in model.summary())
        rows.append((name, describe_model(name), model.n_params, has_dropout))
    return rows


def _save_model(path, model):
    model.save(path)
    return path


def _are_digits(names) -> bool:
    """True when the class names are the digits "0".."9" (MNIST-like), not e.g. clothing."""
    return all(str(n) == str(i) for i, n in enumerate(names))


class _ResultBox(QGroupBox):
    """A result's group box whose height comes from the row stretch alone: no height-for-width
    (a word-wrapped caption would make the grid of mistakes' full height its minimum and squeeze
    the plots above to ~180 px)."""

    def hasHeightForWidth(self) -> bool:
        return False


class TrainPanel(QWidget):
    """Settings on the left, Start/Pause/Stop/one batch, live curves and results on the right."""

    def __init__(self, client, state, parent=None):
        super().__init__(parent)
        self.setObjectName("trainPanel")
        self.client, self.state = client, state
        self._settings = app_settings()
        self._run_info = None
        self._class_names = [str(i) for i in range(10)]
        self.last_outcome: dict | None = None
        self.n_batches_seen = 0
        self._diverged_text = ""   # shown while a run paused itself after a divergence
        self._folders: dict[str, str] = {}   # folder path -> name, for sets opened elsewhere

        self._build_settings()
        self._build_buttons()
        self.curves = TrainingCurves()
        self.curves.loss_plot.setToolTip(self.tr(
            "Cross-entropy loss of every mini-batch (light), its running average (dark) and the "
            "test set's loss after each epoch (red dots). Falling means learning."))
        self.curves.accuracy_plot.setToolTip(self.tr(
            "Share of digits classified correctly after each epoch, on the training batches "
            "(blue; dropout and augmentation on) and on the test set the network never trains "
            "on (red). A widening gap means overfitting."))
        self.filters = ImageGrid(self, cell_size=40, cmap="diverging", levels="shared")
        self.filters.setObjectName("trainFilters")
        self.filters.set_placeholder(self.tr("The first layer's filters appear here when a run "
                                             "starts."))
        self.filters.setToolTip(self.tr(
            "The first convolution layer's kernels, live: red weights are positive, blue "
            "negative, white zero (one shared scale). Random noise at the start; edge and stroke "
            "detectors after some training."))
        self.confusion = MatrixView(self, row_title=self.tr("true"), col_title=self.tr("predicted"))
        self.confusion.setObjectName("trainConfusion")
        self.confusion.set_placeholder(self.tr("The confusion matrix appears when a run ends."))
        self.confusion.setToolTip(self.tr(
            "Test digits counted by true class (row) and predicted class (column). The diagonal "
            "is right; any other cell shows which digit was taken for which. Click a cell to see "
            "those digits."))
        self.mistakes = ImageGrid(self, cell_size=36, levels=(0.0, 255.0))
        self.mistakes.setObjectName("trainMistakes")
        self.mistakes.set_placeholder(self.tr("Misclassified test images appear when a run ends."))
        self._mistake_rows = np.zeros(0, dtype=int)
        self.mistakes_caption = QLabel(self)
        self.mistakes_caption.setObjectName("trainMistakesCaption")
        self.mistakes_caption.setWordWrap(True)
        self.mistakes_caption.setMinimumHeight(2 * self.mistakes_caption.fontMetrics().lineSpacing())
        self.mistakes.setToolTip(self.tr(
            "Test digits the network got wrong, captioned true\u2192predicted. Click one to make "
            "it the current input of the other panels; click a confusion-matrix cell to see only "
            "that mix-up."))
        self._build_layout()
        self._connect()
        self._set_state("idle")
        client.request(describe_architectures, owner=self, key="architectures",
                       on_result=self._on_architectures)

    def __repr__(self) -> str:
        return (f"TrainPanel(state={self.client.train_state!r}, batches={self.n_batches_seen}, "
                f"arch={self.architecture.currentData()!r})")

    # --- construction -----------------------------------------------------------------------
    def _build_settings(self):
        s = self._settings
        self.architecture = QComboBox(self)
        self.architecture.setObjectName("trainArchitecture")
        self.architecture.setToolTip(self.tr("The network to train (built fresh from random "
                                             "weights when you press Start)."))
        from explorer.engine import list_models

        for name in list_models():
            self.architecture.addItem(name, name)
        self._select(self.architecture, s.value("train/model", "lenet5"))
        self.arch_description = QLabel(self)
        self.arch_description.setWordWrap(True)
        self.arch_description.setObjectName("trainArchitectureDescription")
        self._descriptions = {}
        self._has_dropout = True   # until the worker has described the architectures

        self.dataset = QComboBox(self)
        self.dataset.setObjectName("trainDataset")
        self.dataset.setToolTip(self.tr(
            "Training data. The built-in MNIST subset (3,000 training and 1,000 test digits) is "
            "always there; Fashion-MNIST and others appear once installed or downloaded."))
        self.refresh_datasets(s.value("train/dataset", BUILTIN_NAME))

        from explorer.engine.optim import OPTIMIZERS

        self.optimizer = QComboBox(self)
        self.optimizer.setObjectName("trainOptimizer")
        for name in OPTIMIZERS:
            self.optimizer.addItem(name, name)
        self._select(self.optimizer, s.value("train/optimizer", "adam"))
        self.optimizer.setToolTip(self.tr(
            "How the gradient changes the weights: plain SGD, SGD with momentum, or the "
            "adaptive AdaGrad, RMSProp and Adam (Adam is the most forgiving)."))

        self.lr = QDoubleSpinBox(self)
        self.lr.setObjectName("trainLearningRate")
        self.lr.setDecimals(5)
        self.lr.setRange(0.00001, 10.0)
        self.lr.setSingleStep(0.0005)
        self.lr.setValue(float(s.value("train/lr", 0.001)))
        self.lr.setToolTip(self.tr(
            "Step size of every weight update. Can be changed while training runs. Too large "
            "and the loss jumps or becomes NaN; too small and it falls slowly. Adam: about 0.001; "
            "SGD: about 0.01-0.1."))

        self.batch_size = QSpinBox(self)
        self.batch_size.setObjectName("trainBatchSize")
        self.batch_size.setRange(1, 1024)
        self.batch_size.setValue(int(s.value("train/batch", 64)))
        self.batch_size.setToolTip(self.tr("Images per mini-batch (one weight update each)."))

        self.epochs = QSpinBox(self)
        self.epochs.setObjectName("trainEpochs")
        self.epochs.setRange(1, 200)
        self.epochs.setValue(int(s.value("train/epochs", 3)))
        self.epochs.setToolTip(self.tr("Passes over the whole training set."))

        self.train_limit = QSpinBox(self)
        self.train_limit.setObjectName("trainLimit")
        self.train_limit.setRange(0, 1_000_000)
        self.train_limit.setSingleStep(500)
        self.train_limit.setSpecialValueText(self.tr("all"))
        self.train_limit.setValue(int(s.value("train/limit", 0)))
        self.train_limit.setToolTip(self.tr(
            "Train on only the first N training images (\u201call\u201d: every one), for quick "
            "experiments on a large data set."))

        from explorer.engine.init import INITS

        self.init = QComboBox(self)
        self.init.setObjectName("trainInit")
        self.init.addItem(self.tr("architecture's default"), None)
        for name in INITS:
            self.init.addItem(name, name)
        self._select(self.init, s.value("train/init", None))
        self.init.setToolTip(self.tr(
            "Initial weights: normal (std 0.01, the textbook's), He (for ReLU) or Xavier (for "
            "tanh/sigmoid). A bad choice can stop a deep network from learning at all."))

        self.weight_decay = QDoubleSpinBox(self)
        self.weight_decay.setObjectName("trainWeightDecay")
        self.weight_decay.setDecimals(5)
        self.weight_decay.setRange(0.0, 1.0)
        self.weight_decay.setSingleStep(0.0001)
        self.weight_decay.setValue(float(s.value("train/weightDecay", 0.0)))
        self.weight_decay.setToolTip(self.tr(
            "L2 penalty pulling every weight towards 0 (fights overfitting); 0 = off."))

        self.dropout = QDoubleSpinBox(self)
        self.dropout.setObjectName("trainDropout")
        self.dropout.setRange(-0.05, 0.9)
        self.dropout.setSingleStep(0.05)
        self.dropout.setSpecialValueText(self.tr("architecture's default"))
        self.dropout.setValue(float(s.value("train/dropout", -0.05)))
        self.dropout.setToolTip(self.tr(
            "Rate of the dropout layers (share of units switched off at random while "
            "training). Only architectures with dropout layers use it."))

        self.augment = QCheckBox(self.tr("Augment (shift, rotate, scale, thicken)"), self)
        self.augment.setObjectName("trainAugment")
        self.augment.setChecked(s.value("train/augment", False, type=bool))
        self.augment.setToolTip(self.tr(
            "Distort every training digit a little at random each time it is used: the network "
            "then reads hand-drawn digits better."))

    def _build_buttons(self):
        def button(text, name, tip):
            """``text`` and ``tip`` already translated (literal self.tr calls below)."""
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.setToolTip(tip)
            return b

        self.start_button = button(self.tr("&Start"), "trainStartButton", self.tr(
            "Build a fresh network with these settings and train it"))
        self.pause_button = button(self.tr("&Pause"), "trainPauseButton", self.tr(
            "Pause after the current batch / resume"))
        self.stop_button = button(self.tr("St&op"), "trainStopButton", self.tr(
            "End the run after the current batch (the weights are kept)"))
        self.step_button = button(self.tr("One &batch"), "trainStepButton", self.tr(
            "Train exactly one mini-batch and pause (starts a paused run if none is going)"))
        self.live_button = button(self.tr("Make &live"), "trainMakeLiveButton", self.tr(
            "Use this network in the Draw and other panels"))
        self.save_button = button(self.tr("Sa&ve model..."), "trainSaveButton", self.tr(
            "Save the trained network with its settings and training history (.npz)"))
        self.export_button = button(self.tr("E&xport curves..."), "trainExportButton", self.tr(
            "Save both plots as PNG and their numbers as CSV"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("trainProgress")
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("not started: choose the settings and press Start"))
        self.progress.setToolTip(self.tr("Share of all batches of the run done; epoch, batch, "
                                         "speed and the time left."))
        self.class_legend = QLabel(self)
        self.class_legend.setObjectName("trainClassLegend")
        self.class_legend.setWordWrap(True)
        self.class_legend.setTextFormat(Qt.TextFormat.PlainText)
        self.class_legend.setToolTip(self.tr(
            "The confusion matrix and the mistakes' captions number the classes; this is what "
            "each number means for this data set."))
        self.class_legend.setVisible(False)
        self._last_batch = None   # (epoch, batch, n_batches) of the newest batch, for "paused"
        self.message = QLabel(self)
        self.message.setObjectName("trainMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

    def _build_layout(self):
        form_box = QGroupBox(self.tr("Run settings"), self)
        form = QFormLayout(form_box)
        form.addRow(self.tr("&Architecture:"), self.architecture)
        form.addRow(self.arch_description)
        form.addRow(self.tr("&Data set:"), self.dataset)
        form.addRow(self.tr("&Optimiser:"), self.optimizer)
        form.addRow(self.tr("&Learning rate:"), self.lr)
        form.addRow(self.tr("Batch si&ze:"), self.batch_size)
        form.addRow(self.tr("&Epochs:"), self.epochs)
        form.addRow(self.tr("Training &images:"), self.train_limit)
        form.addRow(self.tr("&Initialisation:"), self.init)
        form.addRow(self.tr("&Weight decay:"), self.weight_decay)
        form.addRow(self.tr("Dro&pout:"), self.dropout)
        form.addRow(self.augment)
        buttons = QGridLayout()
        buttons.addWidget(self.start_button, 0, 0)
        buttons.addWidget(self.pause_button, 0, 1)
        buttons.addWidget(self.stop_button, 1, 0)
        buttons.addWidget(self.step_button, 1, 1)
        buttons.addWidget(self.live_button, 2, 0)
        buttons.addWidget(self.save_button, 2, 1)
        buttons.addWidget(self.export_button, 3, 0, 1, 2)
        left_widget = QWidget(self)
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(form_box)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(left_widget)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(300)
        scroll.setMaximumWidth(420)

        def boxed(title, widget):
            """A group box (``title`` already translated) around ``widget``. Its height comes
            from the row stretch alone: a grid of 64 mistakes must not squeeze the plots."""
            box = _ResultBox(title, self)
            QVBoxLayout(box).addWidget(widget)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
            return box

        right = QGridLayout()
        for plot in (self.curves.loss_plot, self.curves.accuracy_plot):
            plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            plot.setMinimumHeight(200)
        right.addWidget(self.curves.loss_plot, 0, 0, 1, 3)
        right.addWidget(self.curves.accuracy_plot, 0, 3, 1, 2)
        right.addWidget(boxed(self.tr("Layer-1 filters"), self.filters), 1, 0, 1, 1)
        right.addWidget(boxed(self.tr("Confusion (test set)"), self.confusion), 1, 1, 1, 2)
        mistakes_box = boxed(self.tr("Misclassified"), self.mistakes)
        mistakes_box.layout().addWidget(self.mistakes_caption)
        right.addWidget(mistakes_box, 1, 3, 1, 2)
        right.addWidget(self.class_legend, 2, 1, 1, 4)
        right.setRowStretch(0, 1)   # plots and results share the height evenly, whatever
        right.setRowStretch(1, 1)   # the results' own size hints (64 mistakes, a 10x10 matrix)
        for c in range(5):
            right.setColumnStretch(c, 1)
        column = QVBoxLayout()
        column.addWidget(self.progress)
        column.addLayout(right, 1)
        main = QHBoxLayout(self)
        main.addWidget(scroll)
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
        self.lr.valueChanged.connect(self._on_lr_change)
        self.architecture.currentIndexChanged.connect(self._on_architecture_change)
        self.mistakes.sigImageClicked.connect(self._on_mistake_clicked)
        self.confusion.sigCellClicked.connect(self._on_confusion_clicked)
        for widget, key in ((self.architecture, "model"), (self.dataset, "dataset"),
                            (self.optimizer, "optimizer"), (self.init, "init")):
            widget.currentIndexChanged.connect(
                lambda _i, w=widget, k=key: self._settings.setValue(f"train/{k}", w.currentData()))
        for widget, key in ((self.batch_size, "batch"), (self.epochs, "epochs"),
                            (self.train_limit, "limit"), (self.weight_decay, "weightDecay"),
                            (self.dropout, "dropout")):
            widget.valueChanged.connect(
                lambda v, k=key: self._settings.setValue(f"train/{k}", v))
        self.augment.toggled.connect(lambda on: self._settings.setValue("train/augment", on))

    def refresh_datasets(self, select=None):
        """List the data sets present now (one downloaded in the Data tab appears here) and
        the folders opened there; select ``select``, else keep the current selection while it
        is still listed (else the first, the built-in set)."""
        from explorer.data import available_datasets

        current = select or self.dataset.currentData()
        if current and current not in self._folders and Path(current).is_dir():
            self._folders[current] = Path(current).name   # e.g. the last session's choice
        items = [(name, name) for name in available_datasets()]
        items += [(self.tr("%1 (folder)").replace("%1", name), path)
                  for path, name in self._folders.items() if Path(path).is_dir()]
        if items != [(self.dataset.itemText(i), self.dataset.itemData(i))
                     for i in range(self.dataset.count())]:
            self.dataset.blockSignals(True)
            self.dataset.clear()
            for text, data in items:
                self.dataset.addItem(text, data)
            self.dataset.blockSignals(False)
        self._select(self.dataset, current)

    def _source_of(self, dataset) -> str | None:
        """What ``load_dataset`` in the worker needs for ``dataset``: its registered name, or
        its folder (None for a set that exists only in memory)."""
        from explorer.data.datasets import SOURCES

        name = getattr(dataset, "name", None)
        if name in SOURCES:
            return name
        path = getattr(dataset, "path", None)
        if path is None:
            return None
        self._folders[str(path)] = str(name or Path(path).name)
        return str(path)

    def showEvent(self, event):
        self.refresh_datasets()
        super().showEvent(event)

    @staticmethod
    def _select(combo, data):
        i = combo.findData(data)
        combo.setCurrentIndex(max(i, 0))

    # --- configuration ------------------------------------------------------------------
    def config(self):
        """The `TrainConfig` of the current settings (ValueError when one is invalid)."""
        from explorer.training import TrainConfig

        return TrainConfig(
            model=self.architecture.currentData(),
            epochs=self.epochs.value(),
            batch_size=self.batch_size.value(),
            lr=self.lr.value(),
            optimizer=self.optimizer.currentData(),
            weight_decay=self.weight_decay.value(),
            init=self.init.currentData(),
            dropout=(None if self.dropout.value() < 0 or not self._has_dropout
                     else self.dropout.value()),
            augment=self.augment.isChecked(),
            dataset=self.dataset.currentData() or BUILTIN_NAME,
            train_limit=self.train_limit.value() or None,
        )

    # --- actions ------------------------------------------------------------------------
    def start(self, *, start_paused: bool = False):
        """Start a run with the current settings (a fresh network)."""
        if self.client.is_training:
            return
        try:
            config = self.config()
        except ValueError as exc:
            self._say(str(exc), error=True)
            return
        self.curves.clear()
        self.n_batches_seen = 0
        self.confusion.set_matrix(np.zeros((0, 0)))
        self.mistakes.set_images([])
        self.mistakes_caption.setText("")
        self.class_legend.setVisible(False)
        self._last_batch = None
        self.last_outcome = None
        self._run_info = None
        self._diverged_text = ""
        self._say(self.tr("Building %1 and loading %2...").replace("%1", config.model)
                  .replace("%2", config.dataset))
        self.progress.setRange(0, 0)
        self.client.start_training(config, start_paused=start_paused)
        self._set_state("starting")

    def toggle_pause(self):
        if self.client.train_state == "running":
            self.client.pause()
            self.pause_button.setText(self.tr("&Resume"))
        elif self.client.train_state == "paused":
            self.client.resume()

    def step_one_batch(self):
        if not self.client.is_training:
            self.start(start_paused=True)
        self.client.step_one_batch()

    def make_live(self):
        self.client.make_training_model_live(owner=self, on_error=self._on_error)
        self._say(self.tr("The trained network is now the live model: draw in the Draw tab."))

    def save_model(self):
        last = str(self._settings.value("files/lastDir", str(Path.home())))
        name = f"{self.architecture.currentData()}.npz"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save trained model"),
                                              str(Path(last) / name),
                                              self.tr("CNN Explorer models (*.npz)"))
        if path:
            self.save_model_to(path)

    def save_model_to(self, path: str):
        if not path.endswith(".npz"):
            path += ".npz"
        self._settings.setValue("files/lastDir", str(Path(path).parent))
        self.client.request(partial(_save_model, path), owner=self, key="save", target=TRAINING,
                            on_result=self._on_saved, on_error=self._on_error)

    def export_curves(self):
        last = str(self._settings.value("files/lastDir", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export curves (PNG and CSV)"), str(Path(last) / "training"),
            self.tr("Base name (files end -loss.png, -accuracy.png, -batches.csv, "
                    "-epochs.csv) (*)"))
        if path:
            self.export_curves_to(path)

    def export_curves_to(self, base) -> list:
        try:
            written = self.curves.export(base)
        except OSError as exc:
            self._say(self.tr("Could not export the curves: %1. Choose a folder you can write "
                              "to.").replace("%1", str(exc)), error=True)
            return []
        self._settings.setValue("files/lastDir", str(Path(base).parent))
        self._say(self.tr("Exported %1").replace("%1", ", ".join(p.name for p in written)))
        return written

    # --- engine events ------------------------------------------------------------------
    def _on_dataset_change(self, dataset):
        """The Data tab made ``dataset`` the app's set: list it and, unless a run is going
        (its set stays shown), select it."""
        source = self._source_of(dataset)
        self.refresh_datasets(None if self.client.is_training else source)

    def _on_lr_change(self, value):
        self._settings.setValue("train/lr", value)
        if self.client.is_training:
            self.client.set_lr(value)

    def _on_architecture_change(self, _index):
        name = self.architecture.currentData()
        desc = self._descriptions.get(name)
        if desc is not None:
            text, n, has_dropout = desc
            self.arch_description.setText(self.tr("%1 (%2 parameters)")
                                          .replace("%1", tr_engine(text))
                                          .replace("%2", f"{n:,}"))
            # The rate applies only to dropout layers: a model without any has nothing to set.
            self._has_dropout = has_dropout
            self.dropout.setEnabled(has_dropout)
            self.dropout.setToolTip(self.tr(
                "Rate of the dropout layers (share of units switched off at random while "
                "training). Only architectures with dropout layers use it.") if has_dropout
                else self.tr("%1 has no dropout layers, so there is no rate to set.")
                .replace("%1", name))

    def _on_architectures(self, result):
        for name, description, n_params, has_dropout in result:
            self._descriptions[name] = (description, n_params, has_dropout)
            i = self.architecture.findData(name)
            if i >= 0:
                self.architecture.setItemText(i, f"{name}  ({n_params:,})")
                self.architecture.setItemData(i, tr_engine(description),
                                              Qt.ItemDataRole.ToolTipRole)
        self._on_architecture_change(self.architecture.currentIndex())

    def _on_saved(self, path):
        self._say(self.tr("Saved the trained model (with its training history) to %1")
                  .replace("%1", path))

    def _on_error(self, message):
        self._say(message, error=True)

    def _on_train_error(self, message):
        self._say(message, error=True)
        if not self.client.is_training:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("not started"))

    def _on_started(self, started):
        self._run_info = started
        self._class_names = started["class_names"]
        self._show_filters(started["filters"])
        info = started["info"]
        self.progress.setRange(0, started["n_batches"] * started["epochs"])
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("epoch 1/%1").replace("%1", str(started["epochs"])))
        self._say(self.tr("Training %1 (%2 parameters)...").replace("%1", info.name)
                  .replace("%2", f"{info.n_params:,}"))

    def _on_batch(self, payload):
        e = payload["event"]
        self.n_batches_seen += 1
        self._diverged_text = ""
        self.curves.add_batch(payload["step"], e.epoch, e.batch, e.loss, payload["smoothed_loss"])
        self._last_batch = (e.epoch, e.batch, e.n_batches)
        if self._run_info is not None:
            epochs = self._run_info["epochs"]
            self.progress.setValue(e.epoch * e.n_batches + e.batch + 1)
            self.progress.setFormat(self.tr(
                "epoch %1/%2 \u00b7 batch %3/%4 \u00b7 %5 images/s \u00b7 %6 left \u00b7 loss %7")
                .replace("%1", str(e.epoch + 1)).replace("%2", str(epochs))
                .replace("%3", str(e.batch + 1)).replace("%4", str(e.n_batches))
                .replace("%5", f"{e.images_per_s:.0f}").replace("%6", format_duration(e.eta))
                .replace("%7", f"{e.loss:.3f}"))
        if payload.get("filters") is not None:
            self._show_filters(payload["filters"])
        if self.client.train_state == "paused":   # a batch stepped with "One batch"
            self._show_paused()

    def _on_epoch(self, payload):
        e = payload["event"]
        self.curves.add_epoch(payload["step"], e.epoch, e.train_accuracy, e.test_accuracy,
                              e.test_loss)
        test = (self.tr(", test accuracy %1 %").replace("%1", f"{100 * e.test_accuracy:.1f}")
                if e.test_accuracy is not None else "")
        self._say(self.tr("Epoch %1: training accuracy %2 %%3").replace("%1", str(e.epoch + 1))
                  .replace("%2", f"{100 * e.train_accuracy:.1f}").replace("%3", test))

    def _on_diverged(self, payload):
        """The run undid a batch that made the loss or the weights NaN/infinite and paused."""
        e = payload["event"]
        # Composed here from the event's numbers (the engine's own message is English only).
        loss = (self.tr("loss %1, ").replace("%1", f"{e.loss:.4g}")
                if np.isfinite(e.loss) else "")
        self._diverged_text = self.tr(
            "Training diverged at epoch %1, batch %2 (%3learning rate %4): the loss exploded, "
            "or a gradient or a weight became NaN or infinite. The weights are back to what "
            "they were before that batch and training is paused.").replace("%1", str(e.epoch + 1)).replace(
            "%2", str(e.batch + 1)).replace("%3", loss).replace("%4", f"{e.lr:g}") + self.tr(
            "\nSet a lower learning rate above (e.g. %1) and press Resume: training continues "
            "from the restored weights. Or Stop and start again with other settings: a little "
            "weight decay (e.g. 0.0001) keeps the weights small.").replace(
            "%1", f"{max(e.suggested_lr, self.lr.minimum()):g}")
        if self.optimizer.currentData() != "adam":
            self._diverged_text += self.tr(" Adam is the most forgiving optimiser.")
        self._say(self._diverged_text, error=True)
        self.progress.setFormat(self.tr(
            "diverged at epoch %1, batch %2: paused, lower the learning rate and Resume")
            .replace("%1", str(e.epoch + 1)).replace("%2", str(e.batch + 1)))
        if payload.get("filters") is not None:
            self._show_filters(payload["filters"])

    def _on_evaluating(self, payload):
        e = payload["event"]
        self.progress.setFormat(self.tr("epoch %1: testing on %2 of %3 test images").replace(
            "%1", str(e.epoch + 1)).replace("%2", f"{e.done:,}").replace("%3", f"{e.total:,}"))

    def _on_finished(self, outcome):
        self.curves.flush()
        self.last_outcome = outcome
        reason = outcome["reason"]
        if outcome.get("filters") is not None:
            self._show_filters(outcome["filters"])
        ev = outcome.get("evaluation")
        if ev is not None:
            names = ev["class_names"]
            short = [n if len(n) <= 2 else str(i) for i, n in enumerate(names)]
            self.confusion.set_matrix(ev["confusion"], short, short)
            self._show_class_legend(names)
            self.show_mistakes(None)
        self._diverged_text = ""
        # Composed here from the outcome's numbers (the engine's own message is English only);
        # an error's message says what went wrong in the engine's words.
        if reason == "completed" and ev is not None:
            text = self.tr("Training finished: test accuracy %1 %.").replace(
                "%1", f"{100 * ev['accuracy']:.2f}")
        elif reason == "stopped" and ev is not None:
            text = self.tr("Training stopped: with the weights as they are now the test accuracy "
                           "is %1 %.").replace("%1", f"{100 * ev['accuracy']:.2f}")
        elif reason == "stopped":
            text = self.tr("Training stopped before the first batch.")
        else:
            text = outcome["message"]
        if ev is not None:
            wrong = (self.tr(" %1 of %2 test digits wrong.") if _are_digits(ev["class_names"])
                     else self.tr(" %1 of %2 test images wrong."))
            text += wrong.replace("%1", f"{int(ev['n_wrong']):,}").replace(
                "%2", f"{int(ev['confusion'].sum()):,}")
        if reason in ("completed", "stopped"):
            text += self.tr(" \u201cMake live\u201d to draw with it, or save it.")
        self._say(text, error=reason in ("error", "diverged"))
        if reason == "completed":
            self.progress.setValue(self.progress.maximum())
            self.progress.setFormat(self.tr("done"))
        else:
            self.progress.setFormat(self.tr("%1 at %v of %m batches").replace("%1", reason))

    def _show_class_legend(self, names):
        """Under the confusion matrix: number -> class name, unless the classes are digits."""
        if _are_digits(names):
            self.class_legend.setVisible(False)
            return
        pairs = "  \u00b7  ".join(f"{i} {tr_engine(n)}" for i, n in enumerate(names))
        self.class_legend.setText(self.tr("Classes: %1").replace("%1", pairs))
        self.class_legend.setVisible(True)

    def show_mistakes(self, pair=None):
        """Show the misclassified test digits, all of them or only those of class ``pair[0]``
        taken for ``pair[1]`` (a click on that confusion-matrix cell)."""
        ev = (self.last_outcome or {}).get("evaluation")
        if ev is None:
            return
        short = [n if len(n) <= 2 else str(i) for i, n in enumerate(ev["class_names"])]
        names = [tr_engine(n) for n in ev["class_names"]]   # translated for display
        true, pred = ev["wrong_true"], ev["wrong_pred"]
        if pair is None:
            chosen = np.arange(len(true))
        else:
            chosen = np.flatnonzero((true == pair[0]) & (pred == pair[1]))
        self._mistake_rows = chosen[:SHOWN_MISTAKES]
        rows = self._mistake_rows
        self.mistakes.set_images(
            ev["wrong_images"][rows],
            [f"{short[true[r]]}\u2192{short[pred[r]]}" for r in rows],
            [self.tr("test image #%1: true %2, predicted %3")
             .replace("%1", str(ev["wrong_index"][r])).replace("%2", names[true[r]])
             .replace("%3", names[pred[r]]) for r in rows])
        if pair is None:
            what = self.tr("Showing %1 of the %2 misclassified test images. Click a cell of the "
                           "confusion matrix to see only that mix-up.")
            what = what.replace("%1", str(len(rows))).replace("%2", f"{int(ev['n_wrong']):,}")
        else:
            what = self.tr("%1 taken for %2: %3 test images (click the diagonal to see all "
                           "mistakes again).").replace("%1", names[pair[0]]).replace(
                "%2", names[pair[1]]).replace("%3", f"{len(chosen):,}")
        self.mistakes_caption.setText(what)
        if pair is not None and not len(chosen):
            self.mistakes.set_placeholder(self.tr("No test image of this kind."))

    def _on_confusion_clicked(self, row, col):
        self.show_mistakes(None if row == col else (row, col))

    def _on_mistake_clicked(self, index):
        ev = (self.last_outcome or {}).get("evaluation")
        if ev is None or index >= len(self._mistake_rows):
            return
        row = self._mistake_rows[index]
        image = pixels_to_float(ev["wrong_images"][row])
        number = int(ev["wrong_index"][row])
        self.state.set_current_input(image, self.tr("test set #%1").replace("%1", str(number)))
        self._say(self.tr("Test image #%1 is now the current input of the other panels.")
                  .replace("%1", str(number)))

    def _show_filters(self, weights):
        if weights is None:
            self.filters.set_images([])
            self.filters.set_placeholder(self.tr("This architecture has no convolution layer."))
            return
        f, c = weights.shape[:2]
        images = weights[:, 0] if c == 1 else weights.reshape(f * c, *weights.shape[2:])
        self.filters.set_images(images, tooltips=[self.tr("filter %1").replace("%1", str(i))
                                                  for i in range(len(images))])

    def _set_state(self, state):
        running = state in ("starting", "running", "paused")
        has_model = self.last_outcome is not None or running
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(state in ("running", "paused"))
        self.pause_button.setText(self.tr("&Resume") if state == "paused" else self.tr("&Pause"))
        self.stop_button.setEnabled(running)
        self.step_button.setEnabled(state in ("idle", "paused"))
        self.live_button.setEnabled(has_model and state != "starting")
        self.save_button.setEnabled(has_model and state != "starting")
        for w in (self.architecture, self.dataset, self.optimizer, self.batch_size, self.epochs,
                  self.train_limit, self.init, self.weight_decay, self.dropout, self.augment):
            w.setEnabled(not running)
        self.dropout.setEnabled(not running and self._has_dropout)
        if state == "paused" and self._diverged_text:
            self._say(self._diverged_text, error=True)
        elif state == "paused":
            self._say(self.tr("Paused: Resume continues, One batch steps a single mini-batch."))
        if state == "paused":
            self._show_paused()

    def _show_paused(self):
        """The bar says where a paused run stands (its speed and time left no longer apply)."""
        if self._diverged_text:
            return
        if self._last_batch is None:
            self.progress.setFormat(self.tr("paused before the first batch"))
        else:
            epoch, batch, n_batches = self._last_batch
            self.progress.setFormat(self.tr("paused at epoch %1, batch %2/%3").replace(
                "%1", str(epoch + 1)).replace("%2", str(batch + 1)).replace(
                "%3", str(n_batches)))

    def _say(self, text, error=False):
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00000;" if error else "")

    def shutdown(self):
        """Called by the main window before the engine thread stops."""
        self.client.stop()
