"""Data panel: browse a data set (samples, class counts, mean images, pixel statistics),
download MNIST and its siblings, open any IDX folder.

Loading, statistics and downloads run on a `explorer.worker.BackgroundJob` thread; the
statistics come from `explorer.data.stats`. The panel only renders them.
"""

from __future__ import annotations

import html
from functools import partial
from pathlib import Path

import numpy as np
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFrame, QHBoxLayout,
                               QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout,
                               QWidget)

from explorer.data import BUILTIN_NAME, available_datasets, load_dataset, pixels_to_float
from explorer.data.cache import cache_dir as current_cache_dir
from explorer.data.cache import datasets_dir, set_cache_dir
from explorer.data.datasets import SOURCES
from explorer.data.folders import looks_like_idx_folder, open_idx_folder
from explorer.data.stats import dataset_statistics, samples_of_class
from explorer.ui.engine_strings import tr_engine
from explorer.ui.jobs import BackgroundJob
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.data_download import DownloadBox
from explorer.ui.panels.data_stats import DataStats, short_name
from explorer.ui.text import fill
from explorer.ui.user_folders import user_data_base
from explorer.ui.widgets import ImageGrid
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.layout_fit import FitToViewport
from explorer.ui.widgets.message_label import MessageLabel
from explorer.ui.widgets.signals import blocked

#: Samples shown per page (10 columns).
PAGE = 60


def load_with_stats(source, report, cancel) -> tuple:
    """Background job: ``source`` is a data set name, ``("folder", path)`` or a loaded
    `Dataset`; returns ``(dataset, stats)``."""
    if isinstance(source, tuple) and source[0] == "folder":
        dataset = open_idx_folder(source[1])
    elif isinstance(source, str):
        dataset = load_dataset(BUILTIN_NAME if source == "builtin" else source)
    else:
        dataset = source
    return dataset, dataset_statistics(dataset)


def default_cache_location() -> Path:
    """``<the user's data folder>/CNN Explorer/datasets`` (one "CNN Explorer", not Qt's
    organisation/application pair; `explorer.data.cache.datasets_dir` moves an older folder)."""
    return datasets_dir(user_data_base())


def use_app_cache_folder() -> Path:
    """Make `default_cache_location` the process's data-set cache (downloads go there and the
    sets found there become named sources). Called once at app start-up, before the panels
    are built; returns the folder."""
    return set_cache_dir(default_cache_location())


class DataPanel(QWidget):
    """Samples grid (filter by class), class counts, mean image per class, pixel statistics,
    a download section with progress and Cancel, and Open IDX folder.

    ``cache_dir``: where downloads go; default ``explorer.data.cache.cache_dir()``, the
    process's cache folder (`use_app_cache_folder` sets it at start-up). The panel never
    changes that process-wide setting itself."""

    def __init__(self, client, state, parent=None, *, cache_dir=None):
        super().__init__(parent)
        self.setObjectName("dataPanel")
        self.client, self.state = client, state
        self.cache_dir = Path(cache_dir) if cache_dir is not None else current_cache_dir()
        self.dataset = None
        self.stats: dict | None = None
        self.shown_indices = np.zeros(0, dtype=np.int64)
        self._page = 0
        self._rng = np.random.default_rng()
        self._random = False
        self._load_job: BackgroundJob | None = None
        self._jobs: list[BackgroundJob] = []  # running or not yet deleted
        # The dynamic texts as functions that render them in the current language (called
        # again on a language change): the info line, the error line, the hint under the grid
        # and the grid's placeholder.
        self._info_text = None
        self._error_text = None
        self._hint_text = None
        self._placeholder_text = None
        #: Remembered choices (data set, split, class filter) under "data/" in QSettings.
        self.settings = PanelSettings("data")
        # applied once the set is shown
        self._wanted_class = self.settings.get("classFilter", str, None)
        self._build()
        self.retranslate_ui()
        self.settings.restore_combo("split", self.split_combo)
        self.state.sigDatasetChanged.connect(self._on_dataset_change)
        self.refresh_dataset_list()
        remembered = self.remembered_source()
        if remembered is not None and remembered != self.state.dataset_name:
            self.load(remembered, make_active=True)
        else:
            self.load(self.state.dataset_name)

    def __repr__(self) -> str:
        name = getattr(self.dataset, "name", None)
        return f"DataPanel(dataset={name!r}, split={self.split!r}, shown={len(self.shown_indices)})"

    # --- building ---------------------------------------------------------------------------
    def _build(self):
        self.dataset_combo = FitComboBox(self, min_chars=16)   # elided, whole in its tooltip
        self.dataset_combo.setObjectName("datasetCombo")
        self.dataset_combo.activated.connect(self._on_dataset_chosen)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openFolderButton")
        self.open_button.clicked.connect(self.choose_folder)
        self.setAcceptDrops(True)
        QShortcut(QKeySequence("Ctrl+Shift+O"), self, self.choose_folder,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.split_combo = QComboBox(self)
        self.split_combo.setObjectName("splitCombo")
        self.split_combo.addItem("", "train")     # texts: retranslate_ui
        self.split_combo.addItem("", "test")
        self.split_combo.currentIndexChanged.connect(self._on_view_change)
        self.class_combo = QComboBox(self)
        self.class_combo.setObjectName("classFilter")
        self.class_combo.currentIndexChanged.connect(self._on_view_change)

        self.prev_button = QPushButton(self)
        self.prev_button.setObjectName("previousPageButton")
        self.prev_button.clicked.connect(partial(self.turn_page, -1))
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextPageButton")
        self.next_button.clicked.connect(partial(self.turn_page, 1))
        self.random_button = QPushButton(self)
        self.random_button.setObjectName("randomButton")
        self.random_button.clicked.connect(self.show_random)
        for key, slot in (("PgUp", partial(self.turn_page, -1)),
                          ("PgDown", partial(self.turn_page, 1)), ("R", self.show_random)):
            QShortcut(QKeySequence(key), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")

        self.grid = ImageGrid(self, cell_size=50, levels=(0.0, 255.0))  # cells grow to fit
        self.grid.setObjectName("sampleGrid")
        self.grid.sigImageClicked.connect(self._on_sample_clicked)
        self.hint = QLabel(self)
        self.hint.setObjectName("dataHint")
        self.hint.setWordWrap(True)

        self.stats_box = DataStats(self)
        # the statistics' views, also reachable as attributes of the panel
        for name in ("counts_plot", "count_bars", "means_grid", "pixel_label", "hist_plot",
                     "hist_curve"):
            setattr(self, name, getattr(self.stats_box, name))

        self.info_label = QLabel(self)
        self.info_label.setObjectName("datasetInfo")
        self.info_label.setWordWrap(True)
        self.error_label = MessageLabel(self)
        self.error_label.setObjectName("dataError")
        self.error_label.hide()

        # --- layout
        top = QHBoxLayout()
        self._dataset_label = QLabel(self)
        top.addWidget(self._dataset_label)
        top.addWidget(self.dataset_combo, 1)
        top.addWidget(self.open_button)
        view = QHBoxLayout()
        self._show_label = QLabel(self)
        view.addWidget(self._show_label)
        view.addWidget(self.split_combo)
        view.addWidget(self.class_combo)
        view.addStretch(1)
        pages = QHBoxLayout()
        pages.addWidget(self.prev_button)
        pages.addWidget(self.page_label)
        pages.addWidget(self.next_button)
        pages.addStretch(1)
        pages.addWidget(self.random_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.info_label)
        left_layout.addWidget(self.error_label)
        left_layout.addLayout(view)
        left_layout.addLayout(pages)
        left_layout.addWidget(self.grid, 1)
        left_layout.addWidget(self.hint)

        # takes the viewport's height while its minimum fits (a plain widget was made as tall
        # as its word-wrapped texts' preferred height: the column scrolled even at 1280x800)
        right = FitToViewport(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stats_box, 1)
        self.downloads = DownloadBox(self.cache_dir, self)
        self.downloads.sigDownloaded.connect(self._on_downloaded)
        right_layout.addWidget(self.downloads)

        scroll = QScrollArea(self)  # small windows scroll the statistics instead of clipping
        scroll.setObjectName("dataStatsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(right)
        right.setMinimumWidth(340)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text of the panel in the current language, the shown set's included (a load
        or a download going on keeps going)."""
        self.dataset_combo.setToolTip(self.tr(
            "The data set to browse and to train on: the built-in 4,000 digits, data sets you "
            "downloaded below, and Fashion-MNIST when your system has it installed."))
        self.open_button.setText(self.tr("&Open IDX folder..."))
        self.open_button.setToolTip(self.tr(
            "Use your own data: a folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, "
            "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (gzip or not), 28x28 images, "
            "labels 0-9 (Ctrl+Shift+O). You can also drag the folder onto this panel."))
        with blocked(self.split_combo):
            self.split_combo.setItemText(self.split_combo.findData("train"),
                                         self.tr("Training set"))
            self.split_combo.setItemText(self.split_combo.findData("test"), self.tr("Test set"))
        self.split_combo.setToolTip(self.tr(
            "The network learns from the training set; the test set is kept apart to measure "
            "how well it does on images it has never seen."))
        self.class_combo.setToolTip(self.tr("Show only the samples of one class."))
        self.prev_button.setText(self.tr("< &Previous"))
        self.prev_button.setToolTip(self.tr("The previous page of samples (Page Up)."))
        self.next_button.setText(self.tr("&Next >"))
        self.next_button.setToolTip(self.tr("The next page of samples (Page Down)."))
        self.random_button.setText(self.tr("&Random"))
        self.random_button.setToolTip(self.tr("A random choice of samples (R)."))
        self.grid.setToolTip(self.tr("Click a sample to make it the input of the Draw and "
                                     "Layers panels."))
        self._dataset_label.setText(self.tr("Data set:"))
        self._show_label.setText(self.tr("Show:"))
        self.refresh_dataset_list()
        if self.dataset is not None:
            self._show_classes()
            self._render_samples(same_samples=True)
        self._show_texts()

    def _show_texts(self):
        """The info, error and hint lines and the grid's placeholder from their renderers."""
        self.info_label.setText(self._info_text() if self._info_text is not None else "")
        error = self._error_text() if self._error_text is not None else ""
        self.error_label.show_error(error)
        self.error_label.setVisible(bool(error))
        self.hint.setText(self._hint_text() if self._hint_text is not None else self.tr(
            "Click a sample to send it to the Draw and Layers panels as the current input."))
        if self._placeholder_text is not None:
            self.grid.set_placeholder(self._placeholder_text())

    # --- data set list and loading --------------------------------------------------------
    @property
    def split(self) -> str:
        return self.split_combo.currentData() or "train"

    def remembered_source(self):
        """The data set chosen last time if it can still be loaded: a name of
        ``available_datasets()`` or ``("folder", path)`` of a folder that still holds IDX files;
        else None."""
        folder = self.settings.get("folder", str, None,
                                   valid=lambda f: bool(f) and looks_like_idx_folder(f))
        if folder is not None:
            return ("folder", folder)
        return self.settings.get("dataset", str, None, valid=lambda n: n in available_datasets())

    def _remember_dataset(self, ds):
        source = SOURCES.get(ds.name)
        path = getattr(ds, "path", None)
        located = source.locate() if source is not None else None
        if source is not None and (path is None or located is None
                                   or Path(located).resolve() == Path(path).resolve()):
            self.settings.set("dataset", ds.name)
            self.settings.set("folder", "")
        elif path is not None:
            self.settings.set("dataset", "")
            self.settings.set("folder", str(path))

    def refresh_dataset_list(self):
        """Fill the data set chooser with what can be loaded now."""
        current = self.dataset_combo.currentData()
        with blocked(self.dataset_combo):
            self.dataset_combo.clear()
            for name in available_datasets():
                source = SOURCES[name]
                self.dataset_combo.addItem(tr_engine(source.title), name)
            if self.dataset is not None and self.dataset_combo.findData(self.dataset.name) < 0:
                self.dataset_combo.addItem(fill(self.tr("%1 (folder)"), self.dataset.name),
                                           self.dataset.name)
            index = self.dataset_combo.findData(current if current is not None
                                                else getattr(self.dataset, "name", BUILTIN_NAME))
            self.dataset_combo.setCurrentIndex(max(0, index))

    def _on_dataset_chosen(self, index: int):
        name = self.dataset_combo.itemData(index)
        if name is not None and name != getattr(self.dataset, "name", None):
            self.load(name, make_active=True)

    def load(self, source, make_active: bool = False):
        """Load a data set (a name, ``("folder", path)`` or a Dataset) and its statistics off
        the GUI thread; when ``make_active`` it becomes the app's data set."""
        self._error_text = None
        self.grid.set_images([])
        self._placeholder_text = lambda: self.tr("Loading the data set...")
        self._info_text = lambda: self.tr("Loading...")
        self._show_texts()
        if self._load_job is not None:  # a newer choice replaces a load still running
            self._load_job.cancel()
        job = BackgroundJob(partial(load_with_stats, source), self)
        self._jobs.append(job)
        job.finished.connect(partial(self._forget, job))  # after its thread has ended
        job.sigDone.connect(partial(self._on_loaded, job, make_active))
        job.sigFailed.connect(partial(self._on_load_failed, job, source))
        self._load_job = job
        job.start()

    def choose_folder(self):
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a folder of IDX files"), str(Path.home()))
        if folder:
            self.open_folder(folder)

    # drag a folder (or one of its IDX files) from the file manager onto the panel
    @staticmethod
    def dropped_folder(mime) -> Path | None:
        """The folder a drop carries: a dropped folder, or the folder of a dropped file."""
        urls = mime.urls() if mime.hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.is_dir() else path.parent if path.is_file() else None

    def dragEnterEvent(self, event):
        if self.dropped_folder(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event):
        folder = self.dropped_folder(event.mimeData())
        if folder is not None:
            event.acceptProposedAction()
            self.open_folder(folder)

    def open_folder(self, folder):
        """Validate and load the IDX files in ``folder``; errors show above the grid."""
        self.load(("folder", str(folder)), make_active=True)

    def _on_loaded(self, job, make_active: bool, result):
        # a result queued before this panel was deleted still arrives (the slot is a partial,
        # which Qt does not disconnect with the panel); a newer load may also have replaced it
        if not shiboken6.isValid(self) or job is not self._load_job:
            return
        self._load_job = None
        dataset, stats = result
        self.dataset, self.stats = dataset, stats
        if make_active or self.state.dataset_name in ("builtin", dataset.name):
            self.state.set_dataset(dataset)
        self._show_dataset()

    def _on_load_failed(self, job, source, failure, cancelled: bool):
        """Say in plain words what could not be opened and what to do; ``failure`` (a
        `JobFailure`: the data module's own message, in the current language) is the detail."""
        if not shiboken6.isValid(self) or job is not self._load_job:
            return
        self._load_job = None
        self._placeholder_text = lambda: self.tr("No data set loaded.")
        self._info_text = None
        if isinstance(source, tuple) and source[0] == "folder":
            folder = source[1]
            self._error_text = lambda: fill(self.tr(
                "Could not open the folder %1 as a data set. It must hold the four IDX files "
                "(training and test images and labels) of 28x28 images labelled 0-9.\n"
                "Details: %2"), folder, failure.text())
        else:
            name = getattr(source, "name", source)
            self._error_text = lambda: fill(self.tr(
                "Could not load the data set %1. It may have been moved or damaged: download it "
                "again below or choose another one.\nDetails: %2"), name, failure.text())
        self._show_texts()
        if self.dataset is not None:
            self._show_dataset()  # the previous set stays

    def _on_dataset_change(self, dataset):
        if dataset is not None and dataset is not self.dataset:
            self.load(dataset)

    def _show_dataset(self):
        ds = self.dataset
        self.refresh_dataset_list()
        index = self.dataset_combo.findData(ds.name)
        if index >= 0:
            self.dataset_combo.setCurrentIndex(index)
        self._info_text = self._info
        self._show_texts()
        self._show_classes()
        self._remember_dataset(ds)
        self._remember_view()
        self.stats_box.set_class_count(len(ds.class_names))
        self._page = 0
        self._random = False
        self._render_stats()
        self._render_samples()

    def _info(self) -> str:
        """The shown set's description line."""
        ds = self.dataset
        attribution = html.escape(" ".join(tr_engine(ds.attribution).split())[:300])
        _c, h, w = ds.input_shape
        if ds.is_colour:
            return fill(self.tr(
                "<b>%1</b>: %2 training and %3 test colour images of %6x%7 pixels (red, green "
                "and blue channels), %5 classes. <small>%4</small>"), html.escape(ds.name),
                f"{ds.n_train:,}", f"{ds.n_test:,}", attribution, len(ds.class_names), w, h)
        return fill(self.tr(
            "<b>%1</b>: %2 training and %3 test images of 28x28 pixels, %5 classes. "
            "<small>%4</small>"), html.escape(ds.name), f"{ds.n_train:,}", f"{ds.n_test:,}",
            attribution, len(ds.class_names))

    def _show_classes(self):
        """The class filter's entries for the shown set (the selection is kept by index; the
        class chosen last session is selected once)."""
        ds = self.dataset
        with blocked(self.class_combo):
            keep = self.class_combo.currentIndex()
            self.class_combo.clear()
            self.class_combo.addItem(self.tr("All classes"), None)
            for label, name in enumerate(ds.class_names):
                text = str(label) if name == str(label) else f"{label}: {tr_engine(name)}"
                self.class_combo.addItem(text, label)
            self.class_combo.setCurrentIndex(max(0, keep))
            if self._wanted_class is not None:  # the class chosen last time, if this set has it
                for i in range(self.class_combo.count()):
                    data = self.class_combo.itemData(i)
                    if ("" if data is None else str(data)) == self._wanted_class:
                        self.class_combo.setCurrentIndex(i)
                self._wanted_class = None

    def _remember_view(self):
        if self.dataset is None:  # still starting: the remembered class is not shown yet
            return
        self.settings.remember_combo("split", self.split_combo)
        self.settings.remember_combo("classFilter", self.class_combo)

    def _on_view_change(self, *_):
        self._remember_view()
        self._page = 0
        self._random = False
        self._render_stats()
        self._render_samples()

    # --- rendering ------------------------------------------------------------------------
    def _render_stats(self):
        if self.stats is not None:
            self.stats_box.show_split(self.stats[self.split], self.dataset.class_names,
                                      self.split)

    def _render_samples(self, same_samples: bool = False):
        """Show the current page (or a random choice) of samples; ``same_samples``: the ones
        shown now again (a language change re-renders their texts, not a new random draw)."""
        if self.dataset is None:
            return
        images, labels = self.dataset.split(self.split)
        label = self.class_combo.currentData()
        pool = len(labels) if label is None else int(self.stats[self.split]["counts"][label])
        n_pages = max(1, -(-pool // PAGE))
        self._page = min(max(0, self._page), n_pages - 1)
        if self._random:
            indices = (self.shown_indices if same_samples else
                       samples_of_class(labels, label, PAGE, rng=self._rng))
            self.page_label.setText(fill(self.tr("random %1 of %2"), len(indices), f"{pool:,}"))
        else:
            indices = samples_of_class(labels, label, PAGE, start=self._page * PAGE)
            first = self._page * PAGE + 1 if len(indices) else 0
            last = self._page * PAGE + len(indices)
            self.page_label.setText(fill(self.tr("%1-%2 of %3"), f"{first:,}", f"{last:,}",
                                         f"{pool:,}"))
        self.prev_button.setEnabled(not self._random and self._page > 0)
        self.next_button.setEnabled(self._random or self._page < n_pages - 1)
        self.shown_indices = indices
        names = [tr_engine(n) for n in self.dataset.class_names]
        tip = (self.tr("Training image #%1, label %2 (%3). Click to use it as the input.")
               if self.split == "train" else
               self.tr("Test image #%1, label %2 (%3). Click to use it as the input."))
        self.grid.set_images(
            images[indices],
            captions=[short_name(names[int(labels[i])]) for i in indices],
            tooltips=[fill(tip, int(i), int(labels[i]), names[int(labels[i])])
                      for i in indices])
        self._placeholder_text = lambda: self.tr("No images of this class in this split.")
        self.grid.set_placeholder(self._placeholder_text())

    def turn_page(self, step: int):
        if self.dataset is None:
            return
        self._random = False
        self._page += step
        self._render_samples()

    def show_random(self):
        if self.dataset is None:
            return
        self._random = True
        self._render_samples()

    def _on_sample_clicked(self, cell: int):
        if cell >= len(self.shown_indices):
            return
        index = int(self.shown_indices[cell])
        images, labels = self.dataset.split(self.split)
        image = pixels_to_float(images[index])   # (H, W) grey or (H, W, 3) colour
        template = (self.tr("%1 training image #%2") if self.split == "train" else
                    self.tr("%1 test image #%2"))
        source = fill(template, self.dataset.name, index)
        self.state.set_current_input(image, source)
        self.grid.set_highlight(cell)
        label = int(labels[index])
        name = self.dataset.class_names[label]
        split = self.split
        self._hint_text = lambda: fill(
            self.tr("Sent training image #%1 (label %2: %3) to the Draw and Layers panels.")
            if split == "train" else
            self.tr("Sent test image #%1 (label %2: %3) to the Draw and Layers panels."),
            index, label, tr_engine(name))
        self._show_texts()

    def _on_downloaded(self, key: str):
        self.refresh_dataset_list()
        self.state.datasets_changed()
        self.load(key, make_active=True)

    # --- threads --------------------------------------------------------------------------
    def _forget(self, job):
        if job in self._jobs:
            self._jobs.remove(job)
        job.deleteLater()

    def shutdown(self):
        """Cancel downloads and loads (called when the app closes). A job that cannot stop at
        once (a large set half read) is released: the app ends without waiting for it."""
        self.downloads.shutdown()
        for job in list(self._jobs):
            job.release(100)
