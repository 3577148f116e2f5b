"""The Data panel's download section: pick MNIST, Fashion-MNIST or KMNIST, watch the bytes,
rate and time left, cancel at any moment.

The download itself is `explorer.data.download.download_dataset`, run on a
`explorer.worker.BackgroundJob` thread; this widget only shows its progress.
"""

from __future__ import annotations

import html
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QProgressBar, QPushButton

from explorer.data.catalogue import CATALOGUE
from explorer.data.datasets import SOURCES
from explorer.data.download import download_dataset, format_bytes, format_eta, is_cached
from explorer.ui.engine_strings import tr_engine
from explorer.ui.jobs import BackgroundJob


def _download_job(key, cache_dir, report, cancel):
    """Background job: fetch the catalogue set ``key`` into ``cache_dir``."""
    return download_dataset(key, cache_dir, progress=report, cancel=cancel)


class DownloadBox(QGroupBox):
    """Catalogue chooser, Download and Cancel buttons, a progress bar with bytes, rate and
    ETA, and the chosen set's licence. ``sigDownloaded(key)`` when a set is ready."""

    sigDownloaded = Signal(str)

    def __init__(self, cache_dir: Path, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Download a full data set"))
        self.setObjectName("downloadBox")
        self.cache_dir = Path(cache_dir)
        self._job: BackgroundJob | None = None
        self._job_key: str | None = None

        self.catalogue_combo = QComboBox(self)
        self.catalogue_combo.setObjectName("catalogueCombo")
        for key, entry in CATALOGUE.items():
            self.catalogue_combo.addItem(
                self.tr("%1 (%2)").replace("%1", tr_engine(entry.title)).replace(
                    "%2", format_bytes(entry.total_size)), key)
        self.catalogue_combo.setToolTip(self.tr(
            "MNIST: 70,000 handwritten digits. Fashion-MNIST: 70,000 photos of clothes. "
            "Kuzushiji-MNIST: 70,000 cursive Japanese characters. All 28x28 pixels, 10 classes."))
        self.catalogue_combo.currentIndexChanged.connect(self._update)
        self.download_button = QPushButton(self.tr("&Download"), self)
        self.download_button.setObjectName("downloadButton")
        self.download_button.setToolTip(self.tr(
            "Fetch the four files, check each against its published MD5 checksum and keep them "
            "on this computer: a set is only downloaded once."))
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setObjectName("cancelDownloadButton")
        self.cancel_button.setToolTip(self.tr(
            "Stop the download. Files already checked are kept and the next download "
            "continues from there."))
        self.cancel_button.clicked.connect(self.cancel_download)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("downloadProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("downloadStatus")
        self.progress_label.setWordWrap(True)
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence_label = QLabel(self)
        self.licence_label.setObjectName("licenceLabel")
        self.licence_label.setWordWrap(True)
        self.licence_label.setOpenExternalLinks(True)

        layout = QGridLayout(self)
        layout.addWidget(self.catalogue_combo, 0, 0)
        layout.addWidget(self.download_button, 0, 1)
        layout.addWidget(self.cancel_button, 0, 2)
        layout.addWidget(self.progress, 1, 0, 1, 3)
        layout.addWidget(self.progress_label, 2, 0, 1, 3)
        layout.addWidget(self.licence_label, 3, 0, 1, 3)
        layout.setColumnStretch(0, 1)
        self._update()

    def __repr__(self) -> str:
        return f"DownloadBox({self.catalogue_combo.currentData()!r}, busy={self.busy})"

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _update(self, *_):
        key = self.catalogue_combo.currentData()
        entry = CATALOGUE[key]
        located = SOURCES[key].locate() if key in SOURCES else None
        present = is_cached(self.cache_dir, key) or located is not None
        self.download_button.setEnabled(not self.busy and not present)
        self.download_button.setText(self.tr("Downloaded") if present else self.tr("&Download"))
        self.licence_label.setText(self.tr(
            "%1 <a href=\"%2\">Home page</a>. Saved in %3").replace(
            "%1", html.escape(tr_engine(entry.attribution))).replace("%2", entry.homepage).replace(
            "%3", str(self.cache_dir)))
        if not self.busy:
            self.progress.setValue(1000 if present else 0)
            self.progress_label.setText(
                self.tr("%1 is on this computer (%2): choose it under Data set.").replace(
                    "%1", tr_engine(entry.title)).replace("%2", str(located)) if present else
                self.tr("%1 to download, checked against the published checksums.").replace(
                    "%1", format_bytes(entry.total_size)))

    def start_download(self):
        """Download the chosen catalogue set in the background."""
        if self.busy:
            return
        key = self.catalogue_combo.currentData()
        job = BackgroundJob(partial(_download_job, key, self.cache_dir), self)
        job.finished.connect(job.deleteLater)  # after its thread has ended
        # bound methods, not partials: Qt disconnects them if this box is deleted while a
        # released job still runs (see shutdown)
        job.sigProgress.connect(self._on_progress)
        job.sigDone.connect(self._on_done)
        job.sigFailed.connect(self._on_failed)
        self._job, self._job_key = job, key
        self.cancel_button.setEnabled(True)
        self.catalogue_combo.setEnabled(False)
        self.progress.setValue(0)
        self._update()
        self.progress_label.setText(self.tr("Connecting..."))
        job.start()

    def cancel_download(self):
        if self._job is not None:
            self._job.cancel()
            self.progress_label.setText(self.tr("Cancelling..."))

    def _on_progress(self, p):
        self.progress.setValue(int(1000 * p.fraction))
        text = self.tr("File %1 of %2: %3 of %4").replace("%1", str(p.file_index + 1)).replace(
            "%2", str(p.n_files)).replace("%3", format_bytes(p.done)).replace(
            "%4", format_bytes(p.total))
        if p.rate > 0:
            text += self.tr(", %1/s").replace("%1", format_bytes(p.rate))
        if p.eta is not None:
            text += self.tr(", %1 left").replace("%1", format_eta(p.eta))
        self.progress_label.setText(text)

    def _finished(self):
        self._job = None
        self.cancel_button.setEnabled(False)
        self.catalogue_combo.setEnabled(True)
        self._update()

    @Slot(object)
    def _on_done(self, folder):
        if self.sender() is not self._job:   # a job released at shutdown
            return
        key = self._job_key
        self._finished()
        self.progress_label.setText(self.tr("%1 is ready in %2. Loading it...").replace(
            "%1", tr_engine(CATALOGUE[key].title)).replace("%2", str(folder)))
        self.sigDownloaded.emit(key)

    @Slot(str, bool)
    def _on_failed(self, message, cancelled):
        if self.sender() is not self._job:
            return
        self._finished()
        if cancelled:
            self.progress_label.setText(self.tr(
                "Cancelled. Files already checked are kept; Download continues from there."))
        else:
            self.progress_label.setText(self.tr("Download failed: %1").replace("%1", message))

    def shutdown(self, wait_ms: int = 100):
        """Cancel a running download; wait at most ``wait_ms`` for its thread. A read stalled
        on a silent server is aborted at once; a connection still waiting for the server's
        first answer is left to time out on its own (`BackgroundJob.release`)."""
        if self._job is not None:
            job, self._job = self._job, None
            job.release(wait_ms)
