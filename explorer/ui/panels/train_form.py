"""The Train panel's settings form: architecture, data set, optimiser, learning rate, pace, batch
size, epochs, training images, initialisation, weight decay, dropout and augmentation, remembered in
the ``train/`` settings group (read only through `PanelSettings`: a missing, unreadable or out of
range value falls back to the default)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
)

from explorer.data import BUILTIN_NAME
from explorer.run_control import PACES
from explorer.ui.engine_strings import tr_engine
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.train_logic import clamp
from explorer.ui.text import fill
from explorer.ui.widgets.signals import blocked

#: Each numeric setting's key: (kind, default, lowest, highest).
NUMBERS = {
    "lr": (float, 0.001, 0.00001, 10.0),
    "batch": (int, 64, 1, 1024),
    "epochs": (int, 3, 1, 200),
    "limit": (int, 0, 0, 1_000_000),
    "weightDecay": (float, 0.0, 0.0, 1.0),
    "dropout": (float, -0.05, -0.05, 0.9),
}


def read_number(settings: PanelSettings, key: str):
    """The stored ``key`` of `NUMBERS`, or its default when missing, unreadable (``abc``, NaN,
    a fraction for a whole number) or outside the box's range (``batch=1e7``)."""
    kind, default, low, high = NUMBERS[key]
    value = settings.get(key, kind)
    if value is None or not low <= value <= high:
        return default
    return value


class LimitedSpinBox(QDoubleSpinBox):
    """A `QDoubleSpinBox` that takes a typed number outside its range and cuts it to the limit
    when the input is done, saying so with ``sigInputCut(typed, value)`` (a plain spin box
    silently refuses the keystroke: a typed 50 with a maximum of 10 stays 5)."""

    sigInputCut = Signal(float, float)

    def _typed(self, text: str) -> float | None:
        text = text.strip()
        if self.prefix() and text.startswith(self.prefix()):
            text = text[len(self.prefix()):]
        if self.suffix() and text.endswith(self.suffix()):
            text = text[: -len(self.suffix())]
        number, ok = self.locale().toDouble(text.strip())
        return number if ok else None

    def validate(self, text: str, pos: int):
        state, fixed, pos = super().validate(text, pos)
        if state == QValidator.State.Invalid:
            typed = self._typed(text)
            if typed is not None and not self.minimum() <= typed <= self.maximum():
                return QValidator.State.Intermediate, text, pos
        return state, fixed, pos

    def fixup(self, text: str) -> str:
        typed = self._typed(text)
        if typed is None:
            return super().fixup(text)
        value, cut = clamp(typed, self.minimum(), self.maximum())
        if cut:
            self.sigInputCut.emit(typed, value)
        return self.textFromValue(value)


class TrainForm(QGroupBox):
    """The run settings. ``config()`` gives the `TrainConfig`; ``set_running(True)`` locks every
    setting but the learning rate and the pace, which may change while training.
    ``sigLearningRateChanged`` when the learning rate changes (for a running trainer),
    ``sigPaceChanged(interval)`` when the pace does (`pace_interval`)."""

    sigLearningRateChanged = Signal(float)
    sigPaceChanged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trainForm")
        self.settings = PanelSettings("train")
        self._descriptions: dict[str, tuple] = {}
        self._cut_to: float | None = None   # the value a typed learning rate was just cut to
        self._cut_typed: float | None = None   # ... and the number typed
        self._has_dropout = True   # until the worker has described the architectures
        self._folders: dict[str, str] = {}   # folder path -> name, for sets opened elsewhere
        self._build()
        self._layout()
        self._connect()
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text of the form in the current language, the shown messages included."""
        self.setTitle(self.tr("Run settings"))
        self.architecture.setToolTip(self.tr(
            "The network to train (built fresh from random weights when you press Start)."))
        self.dataset.setToolTip(self.tr(
            "Training data. The built-in MNIST subset (3,000 training and 1,000 test digits) is "
            "always there; Fashion-MNIST and others appear once installed or downloaded."))
        self.optimizer.setToolTip(
            self.tr("How the gradient changes the weights: plain SGD, SGD with momentum, or the "
                    "adaptive AdaGrad, RMSProp and Adam (Adam is the most forgiving)."))
        names = {"sgd": self.tr("SGD"), "momentum": self.tr("Momentum"),
                 "adagrad": self.tr("AdaGrad"), "rmsprop": self.tr("RMSProp"),
                 "adam": self.tr("Adam")}
        with blocked(self.optimizer):
            for i in range(self.optimizer.count()):
                key = self.optimizer.itemData(i)
                self.optimizer.setItemText(i, names.get(key, key))
        self.lr.setToolTip(self.tr(
            "Step size of every weight update. Can be changed while training runs. Too large "
            "and the loss jumps or becomes NaN; too small and it falls slowly. Adam: about 0.001; "
            "SGD: about 0.01-0.1."))
        with blocked(self.pace):
            self.pace.setItemText(self.pace.findData("watch"), self.tr("Watch it learn"))
            self.pace.setItemText(self.pace.findData("fast"), self.tr("As fast as possible"))
        self.pace.setToolTip(self.tr(
            "Watch it learn: a few mini-batches a second, each one drawn, so the curves move while "
            "you look and Pause can be tried (the default run takes about 20 seconds). As "
            "fast as possible: the computer's full speed. Can be changed while training runs."))
        self.batch_size.setToolTip(self.tr("Images per mini-batch (one weight update each)."))
        self.epochs.setToolTip(self.tr("Passes over the whole training set."))
        self.train_limit.setToolTip(self.tr(
            "Train on only the first N training images (\u201call\u201d: every one), for quick "
            "experiments on a large data set."))
        self.train_limit.setSpecialValueText(self.tr("all"))
        inits = {None: self.tr("architecture's default"), "normal": self.tr("normal (std 0.01)"),
                 "he": self.tr("He"), "xavier": self.tr("Xavier")}
        with blocked(self.init):
            for i in range(self.init.count()):
                key = self.init.itemData(i)
                self.init.setItemText(i, inits.get(key, str(key)))
        self.init.setToolTip(
            self.tr("Initial weights: normal (std 0.01, as in the book Deep Learning from "
                    "Scratch), He (for ReLU) or Xavier (for tanh/sigmoid). A bad choice can "
                    "stop a deep network from learning at all."))
        self.weight_decay.setToolTip(self.tr(
            "L2 penalty pulling every weight towards 0 (fights overfitting); 0 = off."))
        self.dropout.setSpecialValueText(self.tr("architecture's default"))
        self.augment.setText(self.tr("Augment (shift, rotate, scale, thicken)"))
        self.augment.setToolTip(self.tr(
            "Distort every training digit a little at random each time it is used: the network "
            "then reads hand-drawn digits better."))
        form = self.layout()
        for field, text in ((self.architecture, self.tr("&Architecture:")),
                            (self.dataset, self.tr("&Data set:")),
                            (self.optimizer, self.tr("&Optimiser:")),
                            (self.lr, self.tr("&Learning rate:")),
                            (self.pace, self.tr("Pa&ce:")),
                            (self.batch_size, self.tr("Batch si&ze:")),
                            (self.epochs, self.tr("&Epochs:")),
                            (self.train_limit, self.tr("Training &images:")),
                            (self.init, self.tr("&Initialisation:")),
                            (self.weight_decay, self.tr("&Weight decay:")),
                            (self.dropout, self.tr("Dro&pout:"))):
            form.labelForField(field).setText(text)
        self._show_descriptions()
        self.refresh_datasets()
        if self._cut_to is not None and self._cut_typed is not None:
            self._show_cut(self._cut_typed, self._cut_to)

    def __repr__(self) -> str:
        return f"TrainForm(arch={self.architecture.currentData()!r}, lr={self.lr.value():g})"

    # --- construction -----------------------------------------------------------------------
    def _combo(self, name, items, key, default):
        """A combo of ``items`` ``(text, data)``; texts that need translating are set (by
        item data) in `retranslate_ui`."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        if not self.settings.restore_combo(key, combo):
            combo.setCurrentIndex(max(combo.findData(default), 0))
        return combo

    def _spin(self, cls, name, key, step=None, decimals=None):
        box = cls(self)
        box.setObjectName(name)
        _kind, _default, low, high = NUMBERS[key]
        if decimals is not None:
            box.setDecimals(decimals)
        box.setRange(low, high)
        if step is not None:
            box.setSingleStep(step)
        box.setValue(read_number(self.settings, key))
        return box

    def _build(self):
        from explorer.engine import list_models
        from explorer.engine.init import INITS
        from explorer.engine.optim import OPTIMIZERS

        self.architecture = self._combo(
            "trainArchitecture", [(n, n) for n in list_models()], "model", "lenet5")
        self.arch_description = QLabel(self)
        self.arch_description.setWordWrap(True)
        self.arch_description.setObjectName("trainArchitectureDescription")
        self.dataset = QComboBox(self)
        self.dataset.setObjectName("trainDataset")
        self.refresh_datasets(self.settings.get("dataset") or BUILTIN_NAME)
        self.optimizer = self._combo(
            "trainOptimizer", [(n, n) for n in OPTIMIZERS], "optimizer", "adam")
        self.lr = self._spin(LimitedSpinBox, "trainLearningRate", "lr", step=0.0005, decimals=5)
        # a typed rate counts when typing is done (Enter, focus out): a running trainer must not
        # get the 5 on the way to 50, nor the 0 on the way to 0.0005
        self.lr.setKeyboardTracking(False)
        self.lr_message = QLabel(self)
        self.lr_message.setObjectName("trainLearningRateMessage")
        self.lr_message.setWordWrap(True)
        self.lr_message.setTextFormat(Qt.TextFormat.PlainText)
        self.lr_message.setStyleSheet("color: #b00000;")
        self.lr_message.setVisible(False)
        self.pace = self._combo("trainPace", [("", key) for key in PACES], "pace", "watch")
        self.batch_size = self._spin(QSpinBox, "trainBatchSize", "batch")
        self.epochs = self._spin(QSpinBox, "trainEpochs", "epochs")
        self.train_limit = self._spin(QSpinBox, "trainLimit", "limit", step=500)
        self.init = self._combo(
            "trainInit", [("", None)] + [(n, n) for n in INITS], "init", None)
        self.weight_decay = self._spin(QDoubleSpinBox, "trainWeightDecay", "weightDecay",
                                       step=0.0001, decimals=5)
        self.dropout = self._spin(QDoubleSpinBox, "trainDropout", "dropout", step=0.05)
        self.augment = QCheckBox(self)
        self.augment.setObjectName("trainAugment")
        self.augment.setChecked(bool(self.settings.get("augment", bool)))

    def _dropout_tip(self) -> str:
        return self.tr("Rate of the dropout layers (share of units switched off at random while "
                       "training). Only architectures with dropout layers use it.")

    def _layout(self):
        """The rows; their labels' texts come from `retranslate_ui`."""
        form = QFormLayout(self)

        def row(field):
            label = QLabel(self)
            label.setBuddy(field)     # the label's mnemonic focuses the field
            form.addRow(label, field)

        row(self.architecture)
        form.addRow(self.arch_description)
        row(self.dataset)
        row(self.optimizer)
        row(self.lr)
        form.addRow(self.lr_message)
        row(self.pace)
        for field in (self.batch_size, self.epochs, self.train_limit, self.init,
                      self.weight_decay, self.dropout):
            row(field)
        form.addRow(self.augment)

    def _connect(self):
        s = self.settings
        for combo, key in ((self.architecture, "model"), (self.dataset, "dataset"),
                           (self.optimizer, "optimizer"), (self.init, "init"),
                           (self.pace, "pace")):
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, k=key: s.remember_combo(k, c))
        for box, key in ((self.batch_size, "batch"), (self.epochs, "epochs"),
                         (self.train_limit, "limit"), (self.weight_decay, "weightDecay"),
                         (self.dropout, "dropout")):
            box.valueChanged.connect(lambda v, k=key: s.set(k, v))
        self.augment.toggled.connect(lambda on: s.set("augment", on))
        self.lr.valueChanged.connect(self._on_lr_change)
        self.lr.sigInputCut.connect(self._on_lr_cut)
        self.pace.currentIndexChanged.connect(
            lambda _i: self.sigPaceChanged.emit(self.pace_interval()))
        self.architecture.currentIndexChanged.connect(self._on_architecture_change)

    def pace_interval(self) -> float:
        """The chosen pace: seconds at least between the starts of two batches."""
        return PACES.get(self.pace.currentData(), 0.0)

    # --- reactions --------------------------------------------------------------------------
    def _on_lr_change(self, value):
        self.settings.set("lr", value)
        if value != self._cut_to:    # not the cut just announced: that message no longer applies
            self.lr_message.setVisible(False)
            self._cut_to = self._cut_typed = None
        self.sigLearningRateChanged.emit(value)

    def _on_lr_cut(self, typed, value):
        self._cut_to, self._cut_typed = value, typed
        self._show_cut(typed, value)
        self.lr_message.setVisible(True)

    def _show_cut(self, typed: float, value: float):
        text = (self.tr("The learning rate is at most %1; %2 was cut to %1.") if typed > value
                else self.tr("The learning rate is at least %1; %2 was raised to %1."))
        self.lr_message.setText(fill(text, f"{value:g}", f"{typed:g}"))

    def set_descriptions(self, rows):
        """``rows`` of ``(name, description, parameter count, has dropout layers)`` from the
        worker: shown in the list and under it."""
        for name, description, n_params, has_dropout in rows:
            self._descriptions[name] = (description, n_params, has_dropout)
        self._show_descriptions()

    def _show_descriptions(self):
        """The architectures' sizes in the list, their descriptions as item tooltips and the
        chosen one's under the list (in the current language)."""
        for name, (description, n_params, _has_dropout) in self._descriptions.items():
            i = self.architecture.findData(name)
            if i >= 0:
                self.architecture.setItemText(i, f"{name}  ({n_params:,})")
                self.architecture.setItemData(i, tr_engine(description),
                                              Qt.ItemDataRole.ToolTipRole)
        self._on_architecture_change(self.architecture.currentIndex())

    def _on_architecture_change(self, _index):
        name = self.architecture.currentData()
        desc = self._descriptions.get(name)
        if desc is None:
            self.dropout.setToolTip(self._dropout_tip())
            return
        text, n, has_dropout = desc
        self.arch_description.setText(fill(self.tr("%1 (%2 parameters)"), tr_engine(text),
                                           f"{n:,}"))
        # The rate applies only to dropout layers: a model without any has nothing to set.
        self._has_dropout = has_dropout
        self.dropout.setEnabled(has_dropout and self.architecture.isEnabled())
        self.dropout.setToolTip(self._dropout_tip() if has_dropout else fill(self.tr(
            "%1 has no dropout layers, so there is no rate to set."), name))

    def set_running(self, running: bool):
        """Lock the settings a run cannot change (all but the learning rate)."""
        for w in (self.architecture, self.dataset, self.optimizer, self.batch_size, self.epochs,
                  self.train_limit, self.init, self.weight_decay, self.augment):
            w.setEnabled(not running)
        self.dropout.setEnabled(not running and self._has_dropout)

    # --- data sets --------------------------------------------------------------------------
    def refresh_datasets(self, select=None):
        """List the data sets present now (one downloaded in the Data tab appears here) and
        the folders opened there; select ``select``, else keep the current selection while it
        is still listed (else the first, the built-in set)."""
        from explorer.data import available_datasets

        current = select or self.dataset.currentData()
        if current and current not in self._folders and _is_folder(current):
            self._folders[current] = Path(current).name   # e.g. the last session's choice
        items = [(name, name) for name in available_datasets()]
        items += [(fill(self.tr("%1 (folder)"), name), path)
                  for path, name in self._folders.items() if Path(path).is_dir()]
        with blocked(self.dataset):
            if [data for _text, data in items] != [self.dataset.itemData(i)
                                                   for i in range(self.dataset.count())]:
                self.dataset.clear()
                for text, data in items:
                    self.dataset.addItem(text, data)
            else:   # the same sets: their texts in the current language
                for i, (text, _data) in enumerate(items):
                    self.dataset.setItemText(i, text)
        self.dataset.setCurrentIndex(max(self.dataset.findData(current), 0))

    def source_of(self, dataset) -> str | None:
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

    # --- the configuration ------------------------------------------------------------------
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


def _is_folder(path: str) -> bool:
    """True for an existing folder; False for anything else, including a stored "path" the
    system cannot even look at (too long, a NUL byte, no permission)."""
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):
        return False
