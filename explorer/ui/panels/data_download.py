"""The Data panel's download section: pick MNIST, Fashion-MNIST or KMNIST, watch the bytes,
rate and time left, cancel at any moment.

The download itself is `explorer.data.download.download_dataset`, run on a
`explorer.worker.BackgroundJob` thread; this widget only shows its progress.
"""

from __future__ import annotations

import html
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QProgressBar, QPushButton

from explorer.data.catalogue import CATALOGUE
from explorer.data.datasets import SOURCES
from explorer.data.download import download_dataset, format_bytes, is_cached
from explorer.ui.engine_strings import tr_engine
from explorer.ui.jobs import BackgroundJob
from explorer.ui.text import fill
from explorer.ui.widgets.signals import blocked


def _download_job(key, cache_dir, report, cancel):
    """Background job: fetch the catalogue set ``key`` into ``cache_dir``."""
    return download_dataset(key, cache_dir, progress=report, cancel=cancel)


class DownloadBox(QGroupBox):
    """Catalogue chooser, Download and Cancel buttons, a progress bar with bytes, rate and
    ETA, and the chosen set's licence. ``sigDownloaded(key)`` when a set is ready."""

    sigDownloaded = Signal(str)

    def __init__(self, cache_dir: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("downloadBox")
        self.cache_dir = Path(cache_dir)
        self._job: BackgroundJob | None = None
        self._job_key: str | None = None
        self._status = None    # () -> the status line in the current language

        self.catalogue_combo = QComboBox(self)
        self.catalogue_combo.setObjectName("catalogueCombo")
        for key in CATALOGUE:
            self.catalogue_combo.addItem("", key)     # texts: retranslate_ui
        self.catalogue_combo.currentIndexChanged.connect(self._update)
        self.download_button = QPushButton(self)
        self.download_button.setObjectName("downloadButton")
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelDownloadButton")
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
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        """Every text in the current language; a download going on keeps going and its
        status line is said anew."""
        self.setTitle(self.tr("Download a full data set"))
        with blocked(self.catalogue_combo):
            for i in range(self.catalogue_combo.count()):
                entry = CATALOGUE[self.catalogue_combo.itemData(i)]
                self.catalogue_combo.setItemText(i, fill(self.tr("%1 (%2)"),
                                                         tr_engine(entry.title),
                                                         format_bytes(entry.total_size)))
        self.catalogue_combo.setToolTip(self.tr(
            "MNIST: 70,000 handwritten digits. Fashion-MNIST: 70,000 photos of clothes. "
            "Kuzushiji-MNIST: 70,000 cursive Japanese characters. All 28x28 pixels, 10 classes."))
        self.download_button.setToolTip(self.tr(
            "Fetch the four files, check each against its published MD5 checksum and keep them "
            "on this computer: a set is only downloaded once."))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setToolTip(self.tr(
            "Stop the download. Files already checked are kept and the next download "
            "continues from there."))
        status = self._status
        self._update()             # the Download button and licence
        if status is not None:     # the last status (a download's progress or its end) stays
            self._say(status)

    def _say(self, status):
        """The status line is ``status()``, rendered again when the language changes."""
        self._status = status
        self.progress_label.setText(status())

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
        self.licence_label.setText(fill(self.tr(
            "%1 <a href=\"%2\">Home page</a>. Saved in %3"),
            html.escape(tr_engine(entry.attribution)), entry.homepage,
            html.escape(str(self.cache_dir))))
        if not self.busy:
            self.progress.setValue(1000 if present else 0)
            if present:
                self._say(lambda: fill(self.tr(
                    "%1 is on this computer (%2): choose it under Data set."),
                    tr_engine(entry.title), located))
            else:
                self._say(lambda: fill(self.tr(
                    "%1 to download, checked against the published checksums."),
                    format_bytes(entry.total_size)))

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
        self._say(lambda: self.tr("Connecting..."))
        job.start()

    def cancel_download(self):
        if self._job is not None:
            self._job.cancel()
            self._say(lambda: self.tr("Cancelling..."))

    def _on_progress(self, p):
        self.progress.setValue(int(1000 * p.fraction))
        if self._job is not None and self._job.cancel_event.is_set():
            return      # "Cancelling..." stays
        self._say(lambda: self._progress_text(p))

    def _progress_text(self, p) -> str:
        """``p`` (a `explorer.data.download` progress report) as one whole sentence."""
        args = (p.file_index + 1, p.n_files, format_bytes(p.done), format_bytes(p.total))
        if p.rate > 0 and p.eta is not None:
            return fill(self.tr("File %1 of %2: %3 of %4, %5/s, %6 left"), *args,
                        format_bytes(p.rate), self._eta_text(p.eta))
        if p.rate > 0:
            return fill(self.tr("File %1 of %2: %3 of %4, %5/s"), *args, format_bytes(p.rate))
        return fill(self.tr("File %1 of %2: %3 of %4"), *args)

    def _eta_text(self, seconds: float) -> str:
        """``75 -> "1 min 15 s"`` in the current language."""
        seconds = max(0, int(round(seconds)))
        if seconds < 60:
            return fill(self.tr("%1 s"), seconds)
        minutes, seconds = divmod(seconds, 60)
        if minutes < 60:
            return fill(self.tr("%1 min %2 s"), minutes, f"{seconds:02d}")
        hours, minutes = divmod(minutes, 60)
        return fill(self.tr("%1 h %2 min"), hours, f"{minutes:02d}")

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
        self._say(lambda: fill(self.tr("%1 is ready in %2. Loading it..."),
                               tr_engine(CATALOGUE[key].title), folder))
        self.sigDownloaded.emit(key)

    @Slot(object, bool)
    def _on_failed(self, failure, cancelled):
        """``failure``: a `JobFailure`, rendered in the language of each repaint."""
        if self.sender() is not self._job:
            return
        self._finished()
        if cancelled:
            self._say(lambda: self.tr(
                "Cancelled. Files already checked are kept; Download continues from there."))
        else:
            self._say(lambda: fill(self.tr(
                "The download failed. Check the internet connection and press Download again: "
                "files already checked are kept.\nDetails: %1"), failure.text()))

    def shutdown(self, wait_ms: int = 100):
        """Cancel a running download; wait at most ``wait_ms`` for its thread. A read stalled
        on a silent server is aborted at once; a connection still waiting for the server's
        first answer is left to time out on its own (`BackgroundJob.release`)."""
        if self._job is not None:
            job, self._job = self._job, None
            job.release(wait_ms)
