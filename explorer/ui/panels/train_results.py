"""The Train panel's results: live loss and accuracy curves, the first layer's filters, and when
a run ends the confusion matrix, the misclassified test images and the class legend."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QLabel, QPushButton, QSizePolicy,
                               QStackedWidget, QVBoxLayout, QWidget)

from explorer.data import pixels_to_float
from explorer.ui.engine_strings import tr_engine
from explorer.ui.panels.explain_mistakes import mistake_selection
from explorer.ui.text import fill
from explorer.ui.widgets import ImageGrid, MatrixView
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.training_curves import TrainingCurves
from explorer.ui.widgets.update_ratio_plot import UpdateRatioPlot

#: At most this many misclassified digits are drawn at once.
SHOWN_MISTAKES = 64


def are_digits(names) -> bool:
    """True when the class names are the digits "0".."9" (MNIST-like), not e.g. clothing."""
    return all(str(n) == str(i) for i, n in enumerate(names))


def short_names(names) -> list[str]:
    """Class names of at most two characters as they are, longer ones by their number."""
    return [n if len(n) <= 2 else str(i) for i, n in enumerate(names)]


class _ResultBox(QGroupBox):
    """A result's group box whose height comes from the row stretch alone: no height-for-width
    (a word-wrapped caption would make the grid of mistakes' full height its minimum and squeeze
    the plots above to ~180 px)."""

    def hasHeightForWidth(self) -> bool:
        return False

    def minimumSizeHint(self) -> QSize:
        """As narrow as its contents allow: in a very narrow window the title is cut rather
        than widen the whole tab (QGroupBox makes its title's width a minimum)."""
        return QSize(QWidget.minimumSizeHint(self).width(), super().minimumSizeHint().height())


class TrainResults(QWidget):
    """Curves on top, filters / confusion / mistakes below. ``evaluation`` is the shown run's
    evaluation dict (``explorer.session.evaluation_payload``) or None.
    ``sigMistakeChosen(image, number)``: a misclassified test image was clicked (``image``
    (28, 28) float32 in [0, 1], ``number`` its index in the test split).
    ``sigExplainMistakes(selection)``: "Show these in Explain" was pressed for the mistakes
    shown (`explorer.ui.panels.explain_mistakes.mistake_selection`; the window routes it)."""

    sigMistakeChosen = Signal(object, int)
    sigExplainMistakes = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trainResults")
        self.evaluation: dict | None = None
        self._filters = None     # the run's filters (F, C, KH, KW), or None
        self._snapshot = None    # a timeline snapshot's filters shown instead, or None
        self._no_conv = False    # the run's architecture has no convolution layer
        self._change: tuple | None = None   # the shown (change (F, C, KH, KW), relative)
        self._pair: tuple[int, int] | None = None   # the confusion cell whose mistakes show
        self.curves = TrainingCurves()
        self.filters = ImageGrid(self, cell_size=40, cmap="diverging", levels="shared")
        self.filters.setObjectName("trainFilters")
        self.filters_change = ImageGrid(self, cell_size=40, cmap="diverging", levels="shared")
        self.filters_change.setObjectName("trainFiltersChange")
        self.ratios = UpdateRatioPlot(self)
        self.filters_change_caption = QLabel(self)
        self.filters_change_caption.setObjectName("trainFiltersChangeCaption")
        self.confusion = MatrixView(self)
        self.confusion.setObjectName("trainConfusion")
        self.mistakes = ImageGrid(self, cell_size=36, levels=(0.0, 255.0))
        self.mistakes.setObjectName("trainMistakes")
        self.mistake_rows = np.zeros(0, dtype=int)
        self.mistakes_caption = QLabel(self)
        self.mistakes_caption.setObjectName("trainMistakesCaption")
        self.mistakes_caption.setWordWrap(True)
        line = self.mistakes_caption.fontMetrics().lineSpacing()
        self.mistakes_caption.setMinimumHeight(2 * line)
        self.explain_button = QPushButton(self)
        self.explain_button.setObjectName("trainExplainMistakes")
        self.explain_button.setEnabled(False)
        # its text must not widen the mistakes' column (the Train tab's minimum width)
        self.explain_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.explain_button.clicked.connect(self.explain_mistakes)
        self.class_legend = QLabel(self)
        self.class_legend.setObjectName("trainClassLegend")
        self.class_legend.setWordWrap(True)
        self.class_legend.setTextFormat(Qt.TextFormat.PlainText)
        self.class_legend.setVisible(False)
        self._layout()
        self.retranslate_ui()
        self.mistakes.sigImageClicked.connect(self._on_mistake_clicked)
        self.confusion.sigCellClicked.connect(self._on_confusion_clicked)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text in the current language: titles, tooltips, placeholders, and the shown
        run's filters, change caption, confusion matrix, legend and mistakes."""
        self.curves.retranslate()
        self.ratios.retranslate_ui()   # first: its tooltip is the tab's tooltip
        self.curves.loss_plot.setToolTip(self.tr(
            "Cross-entropy loss of every mini-batch (light), its running average (dark) and the "
            "test set's loss after each epoch (red dots). Falling means learning."))
        self.curves.accuracy_plot.setToolTip(self.tr(
            "Share of digits classified correctly after each epoch, on the training batches "
            "(blue; dropout and augmentation on) and on the test set the network never trains "
            "on (red). A widening gap means overfitting."))
        self.filters.setToolTip(self.tr(
            "The first convolution layer's kernels, live: red weights are positive, blue "
            "negative, white zero (one shared scale). Random noise at the start; edge and stroke "
            "detectors after some training."))
        self.filters_change.set_placeholder(self.tr("How far each filter moved since the run "
                                                    "started appears here during a run."))
        self.filters_change.setToolTip(self.tr(
            "Each first-layer filter now minus the same filter when the run started: red grew, "
            "blue shrank, white did not move (one shared scale, its range in the caption). The "
            "filters above change little per batch; this shows where learning went."))
        self.filters_change_caption.setToolTip(self.filters_change.toolTip())
        self.confusion.row_title, self.confusion.col_title = self.tr("true"), self.tr("predicted")
        self.confusion.set_placeholder(self.tr("The confusion matrix appears when a run ends."))
        self.confusion.setToolTip(self.tr(
            "Test digits counted by true class (row) and predicted class (column). The diagonal "
            "is right; any other cell shows which digit was taken for which. Click a cell to see "
            "those digits."))
        self.mistakes.setToolTip(self.tr(
            "Test digits the network got wrong, captioned true\u2192predicted. Click one to make "
            "it the current input of the other panels; click a confusion-matrix cell to see only "
            "that mix-up."))
        self.explain_button.setText(self.tr("Show these in Explain"))
        self.explain_button.setToolTip(self.tr(
            "Open the Explain tab's feature space with these test digits circled in the map "
            "and listed below it; click one there to see where the network looked."))
        self.class_legend.setToolTip(self.tr(
            "The confusion matrix and the mistakes' captions number the classes; this is what "
            "each number means for this data set."))
        chooser = self.filter_view_combo
        for i, (title, tip) in enumerate((
                (self.tr("The filters now"), self.tr(
                    "The first layer's filters as they are now (red positive, blue negative).")),
                (self.tr("Change since the start"), self.filters_change.toolTip()),
                (self.tr("Update ratio"), self.ratios.toolTip()))):
            chooser.setItemText(i, title)
            chooser.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
        chooser.setToolTip(self.tr("Which view of the first layer's filters this box shows."))
        for box, title in ((self._filters_box, self._filters_title()),
                           (self._confusion_box, self.tr("Confusion: counts of test images")),
                           (self._mistakes_box, self.tr("Misclassified"))):
            box.setTitle(title)
        # the shown run, in the new words
        if self._no_conv:
            self.show_filters(None)
        else:
            self.filters.set_placeholder(self.tr("The first layer's filters appear here when a "
                                                 "run starts."))
            if self._snapshot is not None or self._filters is not None:
                self._draw_filters(self._snapshot if self._snapshot is not None
                                   else self._filters)
        if self._change is not None:
            self.show_filters_change(*self._change)
        if self.evaluation is not None:
            self._show_class_legend(self.evaluation["class_names"])
            self.show_mistakes(self._pair)
        else:
            self.mistakes.set_placeholder(self.tr(
                "Misclassified test images appear when a run ends."))

    def __repr__(self) -> str:
        return f"TrainResults({self.curves!r}, evaluated={self.evaluation is not None})"

    def _layout(self):
        def boxed(widget):
            """A group box around ``widget`` (its title set by `retranslate_ui`). Its height
            comes from the row stretch alone: a grid of 64 mistakes must not squeeze the
            plots."""
            box = _ResultBox(self)
            QVBoxLayout(box).addWidget(widget)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
            return box

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for plot in (self.curves.loss_plot, self.curves.accuracy_plot):
            plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            plot.setMinimumHeight(200)
        grid.addWidget(self.curves.loss_plot, 0, 0, 1, 3)
        grid.addWidget(self.curves.accuracy_plot, 0, 3, 1, 2)
        # the filters, their change since the start and the update/weight ratios share one box
        # as tabs, so the results row keeps its shape (a long caption must not widen it)
        views = QStackedWidget(self)
        views.setObjectName("trainFilterViews")
        views.addWidget(self.filters)
        change = QWidget(self)
        change_layout = QVBoxLayout(change)
        change_layout.setContentsMargins(0, 0, 0, 0)
        change_layout.addWidget(self.filters_change, 1)
        change_layout.addWidget(self.filters_change_caption)
        self.filters_change_caption.setWordWrap(True)
        views.addWidget(change)
        self.ratios.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        views.addWidget(self.ratios)
        views.setMinimumSize(40, 40)
        # chosen by a combo box, not tabs: three tab titles do not fit a column this narrow
        # (the bar scrolled and cut the third, in Chinese even at 1280 wide)
        self.filter_views = views
        self.filter_view_combo = FitComboBox(self)
        self.filter_view_combo.setObjectName("trainFilterView")
        for _ in range(views.count()):
            self.filter_view_combo.addItem("")
        self.filter_view_combo.currentIndexChanged.connect(views.setCurrentIndex)
        self._filters_box = boxed(views)
        self._filters_box.layout().insertWidget(0, self.filter_view_combo)
        grid.addWidget(self._filters_box, 1, 0, 1, 1)
        self._confusion_box = boxed(self.confusion)
        grid.addWidget(self._confusion_box, 1, 1, 1, 2)
        self._mistakes_box = mistakes_box = boxed(self.mistakes)
        mistakes_box.layout().addWidget(self.mistakes_caption)
        mistakes_box.layout().addWidget(self.explain_button)
        grid.addWidget(mistakes_box, 1, 3, 1, 2)
        grid.addWidget(self.class_legend, 2, 1, 1, 4)
        grid.setRowStretch(0, 1)   # plots and results share the height evenly, whatever
        grid.setRowStretch(1, 1)   # the results' own size hints (64 mistakes, a 10x10 matrix)
        for c in range(5):
            grid.setColumnStretch(c, 1)

    # --- a run ------------------------------------------------------------------------------
    def clear(self):
        """Empty everything for a new run."""
        self.curves.clear()
        self.evaluation = None
        self._pair = None
        self.confusion.set_matrix(np.zeros((0, 0)))
        self.mistakes.set_images([])
        self.mistake_rows = np.zeros(0, dtype=int)
        self.mistakes_caption.setText("")
        self.explain_button.setEnabled(False)
        self.class_legend.setVisible(False)

    def show_filters(self, weights):
        """The first conv layer's weights ``(F, C, KH, KW)`` (None: the model has none); kept
        for later while a timeline snapshot's filters are shown."""
        self._filters, self._no_conv = weights, weights is None
        if self._snapshot is None:
            self._draw_filters(weights)

    def show_snapshot_filters(self, weights):
        """The timeline shows a snapshot: its first conv layer's weights replace the run's in
        the grid (None: the live model is shown again, and so are the run's filters)."""
        self._snapshot = weights
        self._draw_filters(self._filters if weights is None else weights)
        self._filters_box.setTitle(self._filters_title())

    def _filters_title(self) -> str:
        return (self.tr("Layer-1 filters") if self._snapshot is None
                else self.tr("Layer-1 filters (timeline snapshot)"))

    def _draw_filters(self, weights):
        if weights is None:
            self.filters.set_images([])
            self.filters.set_placeholder(self.tr("This architecture has no convolution layer."))
            return
        f, c = weights.shape[:2]
        images = weights[:, 0] if c == 1 else weights.reshape(f * c, *weights.shape[2:])
        self.filters.set_images(images, tooltips=[fill(self.tr("filter %1"), i)
                                                  for i in range(len(images))])

    def show_filters_change(self, change, relative: float):
        """The first conv layer's weights minus those the run started with ``(F, C, KH, KW)``,
        and ``relative`` = ||change|| / ||initial weights||."""
        self._change = (change, relative)
        f, c = change.shape[:2]
        images = change[:, 0] if c == 1 else change.reshape(f * c, *change.shape[2:])
        self.filters_change.set_images(images, tooltips=[
            fill(self.tr("change of filter %1"), i) for i in range(len(images))])
        largest = float(np.abs(change).max()) if change.size else 0.0
        self.filters_change_caption.setText(fill(self.tr(
            "Change since the start: from -%1 (blue) to +%1 (red); the filters moved %2 % of "
            "their initial size."), f"{largest:.3g}", f"{100 * relative:.2g}"))

    def clear_filters_change(self):
        """Forget the last run's change (a new run starts)."""
        self._change = None
        self.filters_change.set_images([])
        self.filters_change_caption.clear()

    def show_evaluation(self, evaluation: dict):
        """A finished run's test evaluation: confusion matrix, legend and every mistake."""
        self.evaluation = evaluation
        names = evaluation["class_names"]
        short = short_names(names)
        self.confusion.set_matrix(evaluation["confusion"], short, short)
        self._show_class_legend(names)
        self.show_mistakes(None)

    def _show_class_legend(self, names):
        """Under the confusion matrix: number -> class name, unless the classes are digits."""
        if are_digits(names):
            self.class_legend.setVisible(False)
            return
        pairs = "  \u00b7  ".join(f"{i} {tr_engine(n)}" for i, n in enumerate(names))
        self.class_legend.setText(fill(self.tr("Classes: %1"), pairs))
        self.class_legend.setVisible(True)

    def show_mistakes(self, pair=None):
        """Show the misclassified test digits, all of them or only those of class ``pair[0]``
        taken for ``pair[1]`` (a click on that confusion-matrix cell)."""
        ev = self.evaluation
        if ev is None:
            return
        self._pair = pair
        short = short_names(ev["class_names"])
        names = [tr_engine(n) for n in ev["class_names"]]   # translated for display
        true, pred = ev["wrong_true"], ev["wrong_pred"]
        if pair is None:
            chosen = np.arange(len(true))
        else:
            chosen = np.flatnonzero((true == pair[0]) & (pred == pair[1]))
        self.mistake_rows = rows = chosen[:SHOWN_MISTAKES]
        self.mistakes.set_images(
            ev["wrong_images"][rows],
            [f"{short[true[r]]}\u2192{short[pred[r]]}" for r in rows],
            [fill(self.tr("test image #%1: true %2, predicted %3"), ev["wrong_index"][r],
                  names[true[r]], names[pred[r]]) for r in rows])
        if pair is None:
            what = fill(self.tr("Showing %1 of the %2 misclassified test images. Click a cell "
                                "of the confusion matrix to see only that mix-up."),
                        len(rows), f"{int(ev['n_wrong']):,}")
        else:
            what = fill(self.tr("%1 taken for %2: %3 test images (click the diagonal to see all "
                                "mistakes again)."), names[pair[0]], names[pair[1]],
                        f"{len(chosen):,}")
        self.mistakes_caption.setText(what)
        self.explain_button.setEnabled(bool(len(chosen)))
        self.mistakes.set_placeholder(
            self.tr("No test image of this kind.") if pair is not None and not len(chosen) else
            self.tr("Misclassified test images appear when a run ends."))

    def explain_mistakes(self):
        """Send the mistakes shown (a confusion cell's, or all) to the Explain tab."""
        if self.evaluation is not None:
            self.sigExplainMistakes.emit(mistake_selection(self.evaluation, self._pair))

    def _on_confusion_clicked(self, row, col):
        self.show_mistakes(None if row == col else (row, col))

    def _on_mistake_clicked(self, index):
        ev = self.evaluation
        if ev is None or index >= len(self.mistake_rows):
            return
        row = self.mistake_rows[index]
        self.sigMistakeChosen.emit(pixels_to_float(ev["wrong_images"][row]),
                                   int(ev["wrong_index"][row]))
