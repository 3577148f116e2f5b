"""Data panel: browsing the built-in set, sending a sample to the app, opening folders,
downloading from a loopback HTTP server with progress and Cancel."""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explorer.data import load_builtin, pixels_to_float, write_idx
from explorer.data.cache import set_cache_dir
from explorer.data.catalogue import CATALOGUE, CatalogueEntry, RemoteFile
from explorer.ui.panels.data import DataPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient


def _small_model():
    from explorer.engine import build_model

    return build_model("simple_convnet", seed=1), None, ""


@pytest.fixture
def make_panel(qtbot, tmp_path):
    made = []

    def make():
        client = EngineClient(load_live=_small_model)
        state = AppState()
        set_cache_dir(tmp_path / "cache")   # what the app does at start-up
        panel = DataPanel(client, state)
        qtbot.addWidget(panel)
        panel.resize(1200, 800)
        panel.show()
        made.append((panel, client))
        qtbot.waitUntil(lambda: panel.dataset is not None, timeout=10000)
        return panel

    yield make
    for panel, client in made:
        panel.shutdown()
        client.shutdown()
    set_cache_dir(None)


def test_builtin_set_is_browsed(make_panel):
    panel = make_panel()
    assert panel.objectName() == "dataPanel"
    assert panel.dataset.name == "mnist-subset"
    assert panel.grid.count() == 60
    np.testing.assert_array_equal(panel.count_bars.opts["height"], [300] * 10)
    assert panel.means_grid.count() == 10
    assert "3,000 images" in panel.pixel_label.text()
    assert panel.page_label.text() == "1-60 of 3,000"
    # the test split
    panel.split_combo.setCurrentIndex(1)
    np.testing.assert_array_equal(panel.count_bars.opts["height"], [100] * 10)
    assert "1,000 images" in panel.pixel_label.text()


def test_class_filter_and_pages(make_panel):
    panel = make_panel()
    labels = panel.dataset.train_labels
    panel.class_combo.setCurrentIndex(panel.class_combo.findData(3))
    assert panel.page_label.text() == "1-60 of 300"
    assert (labels[panel.shown_indices] == 3).all() and len(panel.shown_indices) == 60
    first_page = panel.shown_indices.copy()
    QTest.keyClick(panel.grid, Qt.Key.Key_PageDown)
    assert panel.page_label.text() == "61-120 of 300"
    assert not set(first_page) & set(panel.shown_indices)
    for _ in range(10):  # past the end stays on the last page
        panel.turn_page(1)
    assert panel.page_label.text() == "241-300 of 300"
    assert not panel.next_button.isEnabled()
    panel.show_random()
    assert (labels[panel.shown_indices] == 3).all()
    assert panel.page_label.text() == "random 60 of 300"


def test_clicking_a_sample_makes_it_the_current_input(make_panel, qtbot):
    panel = make_panel()
    seen = []
    panel.state.sigCurrentInputChanged.connect(seen.append)
    cell = 7
    rect = panel.grid._cell_rect(cell)
    QTest.mouseClick(panel.grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())
    index = int(panel.shown_indices[cell])
    expected = pixels_to_float(panel.dataset.train_images[index])
    assert len(seen) == 1
    np.testing.assert_allclose(panel.state.current_input, expected, atol=1e-7)
    assert panel.state.current_input_source == f"mnist-subset training image #{index}"
    assert f"#{index}" in panel.hint.text()


def _write_set(folder, labels_max=9):
    rng = np.random.default_rng(5)
    folder.mkdir(parents=True)
    write_idx(folder / "train-images-idx3-ubyte.gz",
              rng.integers(0, 256, (40, 28, 28), dtype=np.uint8))
    labels = (np.arange(40) % 10).astype(np.uint8)
    labels[0] = labels_max
    write_idx(folder / "train-labels-idx1-ubyte.gz", labels)
    write_idx(folder / "t10k-images-idx3-ubyte", rng.integers(0, 256, (20, 28, 28), dtype=np.uint8))
    write_idx(folder / "t10k-labels-idx1-ubyte", (np.arange(20) % 10).astype(np.uint8))


def test_open_folder_good_and_bad(make_panel, qtbot, tmp_path):
    panel = make_panel()
    bad = tmp_path / "bad"
    _write_set(bad, labels_max=42)
    panel.open_folder(bad)
    qtbot.waitUntil(lambda: panel.error_label.isVisible(), timeout=10000)
    assert "labels out of range" in panel.error_label.text()
    assert panel.dataset.name == "mnist-subset"  # nothing lost
    assert panel.state.dataset_name == "mnist-subset"
    good = tmp_path / "teacher-set"
    _write_set(good)
    panel.open_folder(good)
    qtbot.waitUntil(lambda: panel.dataset.name == "teacher-set", timeout=10000)
    assert not panel.error_label.isVisible()
    assert panel.state.dataset() is panel.dataset
    assert panel.page_label.text() == "1-40 of 40"
    assert panel.dataset_combo.currentData() == "teacher-set"


# --- downloads from a loopback server ------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        srv = self.server
        srv.hits.append(self.path)
        if srv.stall_headers:             # a server that never answers
            srv.release.wait(30)
            return
        data = srv.files.get(self.path)
        if data is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        step = 16384
        try:
            for start in range(0, len(data), step):
                if srv.stall_after is not None and start >= srv.stall_after:
                    self.wfile.flush()
                    srv.release.wait(30)  # falls silent in the middle of the file
                    return
                self.wfile.write(data[start:start + step])
                if self.server.slow:
                    time.sleep(0.02)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client cancelled


@pytest.fixture
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.files, srv.slow, srv.hits = {}, False, []
    srv.stall_headers, srv.stall_after, srv.release = False, None, threading.Event()
    thread = threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield srv
    srv.release.set()
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def _serve_builtin(server, monkeypatch, pad=0):
    """Serve the built-in subset's files as if they were MNIST's; returns the entry."""
    from explorer.paths import BUILTIN_DATA

    base = f"http://127.0.0.1:{server.server_address[1]}/mnist/"
    files = []
    for f in CATALOGUE["mnist"].files:
        data = (BUILTIN_DATA / f.name).read_bytes()
        if pad and "train-images" in f.name:  # a bigger file: the same data, not compressed
            data = gzip.compress(gzip.decompress(data), compresslevel=0, mtime=0)
        server.files[f"/mnist/{f.name}"] = data
        files.append(RemoteFile(f.name, len(data), hashlib.md5(data).hexdigest()))
    entry = CatalogueEntry(**{**CATALOGUE["mnist"].__dict__, "mirrors": (base,),
                              "files": tuple(files)})
    monkeypatch.setitem(CATALOGUE, "mnist", entry)
    return entry


def test_download_shows_progress_then_loads_the_set(make_panel, qtbot, server, monkeypatch):
    _serve_builtin(server, monkeypatch)
    panel = make_panel()
    box = panel.downloads
    box.catalogue_combo.setCurrentIndex(box.catalogue_combo.findData("mnist"))
    assert box.download_button.isEnabled()
    values = []
    box.progress.valueChanged.connect(values.append)
    QTest.mouseClick(box.download_button, Qt.MouseButton.LeftButton)
    assert box.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: panel.dataset.name == "mnist", timeout=15000)
    assert values and values[-1] == 1000 and values == sorted(values)
    assert panel.state.dataset().name == "mnist"
    assert panel.dataset.n_train == load_builtin().n_train
    assert not box.download_button.isEnabled() and box.download_button.text() == "Downloaded"
    assert not box.cancel_button.isEnabled()
    assert panel.dataset_combo.findData("mnist") >= 0


def test_cancel_a_download(make_panel, qtbot, server, monkeypatch):
    _serve_builtin(server, monkeypatch, pad=1)
    server.slow = True
    panel = make_panel()
    box = panel.downloads
    box.catalogue_combo.setCurrentIndex(box.catalogue_combo.findData("mnist"))
    box.start_download()
    qtbot.waitUntil(lambda: "File 1 of 4" in box.progress_label.text(), timeout=10000)
    QTest.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cancelled" in box.progress_label.text(), timeout=10000)
    assert box.download_button.isEnabled() and not box.cancel_button.isEnabled()
    assert not (panel.cache_dir / "mnist").exists()
    assert panel.dataset.name == "mnist-subset"


def test_closing_while_a_download_stalls_mid_file_is_prompt(make_panel, qtbot, server,
                                                           monkeypatch):
    from explorer.ui.jobs import _JobKeeper

    _serve_builtin(server, monkeypatch, pad=1)
    server.stall_after = 100_000
    panel = make_panel()
    box = panel.downloads
    box.catalogue_combo.setCurrentIndex(box.catalogue_combo.findData("mnist"))
    box.start_download()
    qtbot.waitUntil(lambda: "File 1 of 4" in box.progress_label.text(), timeout=10000)
    part = panel.cache_dir / "mnist.part" / "train-images-idx3-ubyte.gz.part"
    # the first 64 KB chunk is on disk: the next read now waits in the server's silence
    qtbot.waitUntil(lambda: part.is_file() and part.stat().st_size >= 65536, timeout=20000)
    job = box._job
    start = time.perf_counter()
    panel.shutdown()
    # Prompt: the stalled read is aborted, not waited out until the 20 s socket timeout
    # (generous, so that a loaded machine cannot fail it).
    assert time.perf_counter() - start < 10.0
    assert job.isFinished()                 # the stalled read was aborted, not left behind
    assert job not in _JobKeeper.instance().jobs
    assert not (panel.cache_dir / "mnist").exists()


def _deleted(widget) -> bool:
    """Whether Qt has deleted ``widget``'s C++ object (after deleteLater and an event loop)."""
    from shiboken6 import isValid

    QTest.qWait(10)
    return not isValid(widget)


def test_closing_while_a_server_never_answers_leaves_the_job_to_end_alone(qtbot, server,
                                                                          monkeypatch, tmp_path):
    """Waiting for a silent server's first answer ends only with the socket timeout: closing
    does not wait for it; the job outlives its (deleted) widget safely and is dropped when its
    thread ends."""
    from explorer.ui.jobs import _JobKeeper
    from explorer.ui.panels.data_download import DownloadBox

    _serve_builtin(server, monkeypatch)
    server.stall_headers = True
    box = DownloadBox(tmp_path / "cache")
    box.catalogue_combo.setCurrentIndex(box.catalogue_combo.findData("mnist"))
    box.start_download()
    qtbot.waitUntil(lambda: bool(server.hits), timeout=10000)
    job = box._job
    start = time.perf_counter()
    box.shutdown()
    assert time.perf_counter() - start < 10.0  # not the 20 s socket timeout (generous bound)
    keeper = _JobKeeper.instance()
    assert job in keeper.jobs and job.isRunning() and job.parent() is None
    box.deleteLater()                       # the window goes; the job must not go with it
    qtbot.waitUntil(lambda: _deleted(box), timeout=10000)
    assert job in keeper.jobs and job.isRunning()
    server.release.set()                    # the server hangs up: the job sees the cancel
    qtbot.waitUntil(lambda: job not in keeper.jobs, timeout=10000)
    assert not (tmp_path / "cache" / "mnist").exists()


@pytest.mark.skipif(not __import__("pathlib").Path("/usr/share/datasets/fashion-mnist").is_dir(),
                    reason="apt-get install dataset-fashion-mnist")
def test_a_set_installed_by_the_system_is_not_downloaded_again(make_panel):
    panel = make_panel()
    box = panel.downloads
    box.catalogue_combo.setCurrentIndex(box.catalogue_combo.findData("fashion-mnist"))
    assert not box.download_button.isEnabled()
    assert "/usr/share/datasets/fashion-mnist" in box.progress_label.text()
    assert panel.dataset_combo.findData("fashion-mnist") >= 0


def test_dropping_a_folder_opens_it(make_panel, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    panel = make_panel()
    folder = tmp_path / "dropped"
    _write_set(folder)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "train-images-idx3-ubyte.gz"))])
    assert panel.dropped_folder(mime) == folder  # a file stands for its folder
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(event)
    qtbot.waitUntil(lambda: panel.dataset.name == "dropped", timeout=10000)
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/x")])
    assert panel.dropped_folder(web) is None


# --- remembered choices -----------------------------------------------------------------------


def test_split_and_class_filter_are_remembered(make_panel, qtbot):
    panel = make_panel()
    panel.split_combo.setCurrentIndex(panel.split_combo.findData("test"))
    panel.class_combo.setCurrentIndex(panel.class_combo.findData(7))
    again = make_panel()
    assert again.split == "test" and again.class_combo.currentData() == 7
    assert again.page_label.text() == "1-60 of 100"           # the test set's 100 sevens
    assert again.dataset.name == "mnist-subset"


def test_an_opened_folder_is_remembered_and_a_vanished_one_ignored(make_panel, qtbot, tmp_path):
    import shutil

    panel = make_panel()
    good = tmp_path / "teacher-set"
    _write_set(good)
    panel.open_folder(good)
    qtbot.waitUntil(lambda: panel.dataset.name == "teacher-set", timeout=10000)
    again = make_panel()
    qtbot.waitUntil(lambda: again.dataset.name == "teacher-set", timeout=10000)
    assert again.state.dataset() is again.dataset     # made the app's data set again
    assert again.dataset_combo.currentData() == "teacher-set"
    shutil.rmtree(good)
    third = make_panel()
    assert third.dataset.name == "mnist-subset" and not third.error_label.isVisible()


def test_remembered_values_that_no_longer_exist_are_ignored(make_panel):
    from explorer.ui.panel_settings import PanelSettings

    s = PanelSettings("data")
    s.set("dataset", "no-such-set")
    s.set("split", "validation")
    s.set("classFilter", "12")
    panel = make_panel()
    assert panel.dataset.name == "mnist-subset" and panel.split == "train"
    assert panel.class_combo.currentData() is None and panel.page_label.text() == "1-60 of 3,000"


def test_the_panel_leaves_the_process_cache_folder_alone(qtbot, tmp_path):
    """Building a Data panel no longer sets the process-wide cache folder (the app does that
    once at start-up with use_app_cache_folder)."""
    from explorer.data.cache import cache_dir
    from explorer.ui.panels.data import default_cache_location, use_app_cache_folder

    set_cache_dir(tmp_path / "app")
    client = EngineClient(load_live=_small_model)
    try:
        panel = DataPanel(client, AppState(), cache_dir=tmp_path / "elsewhere")
        qtbot.addWidget(panel)
        assert cache_dir() == tmp_path / "app"
        assert panel.cache_dir == tmp_path / "elsewhere"
        panel.shutdown()
        assert use_app_cache_folder() == default_cache_location() == cache_dir()
    finally:
        client.shutdown()
        set_cache_dir(None)
