"""The Data tab retranslates at run time: every text shows the pseudo-translation's markers
while it is installed (a set shown, the download box in each state reachable offline, an error
shown) and is English again once it is removed; a download goes on through a language change.
No test here touches the network: the download job is replaced by a local one."""

from __future__ import annotations

import threading

import pytest

import explorer.ui.panels.data_download as data_download
from explorer.data.cache import set_cache_dir
from explorer.data.download import DownloadProgress
from explorer.ui.panels.data import DataPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient
from tests.ui.pseudo_translation import OPEN, all_texts, pseudo_language, untranslated_texts


def _small_model():
    from explorer.engine import build_model

    return build_model("simple_convnet", seed=1), None, ""


@pytest.fixture
def panel(qtbot, tmp_path):
    client = EngineClient(load_live=_small_model)
    set_cache_dir(tmp_path / "cache")
    p = DataPanel(client, AppState())
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitUntil(lambda: p.dataset is not None, timeout=10000)
    yield p
    p.shutdown()
    client.shutdown()
    set_cache_dir(None)


def _check(panel, qapp, allowed=()):
    """Translated under the pseudo-language, English again after it."""
    with pseudo_language(qapp):
        assert untranslated_texts(panel, allowed=allowed) == []
        assert panel.grid.placeholder.startswith(OPEN)
        assert all(t.startswith(OPEN) for t in panel.grid._tooltips)
        assert all(t.startswith(OPEN) for t in panel.means_grid._tooltips)
    assert not any(OPEN in t for _, t in all_texts(panel))
    assert not any(OPEN in t for t in panel.grid._tooltips)


def _progress(fraction=0.25, rate=2e5, eta=75.0):
    total = 11_000_000
    return DownloadProgress(dataset="mnist", file="train-images-idx3-ubyte.gz", file_index=0,
                            n_files=4, done=int(fraction * total), total=total, rate=rate,
                            eta=eta, url="http://127.0.0.1/mnist/")


def test_a_shown_set_in_both_languages(panel, qapp, qtbot):
    panel.class_combo.setCurrentIndex(panel.class_combo.findData(3))
    panel.split_combo.setCurrentIndex(panel.split_combo.findData("test"))
    panel.show_random()
    shown = list(panel.shown_indices)
    panel._on_sample_clicked(0)
    assert panel.hint.text().startswith("Sent test image #")
    _check(panel, qapp)
    # the choices and the samples stay as they were (a language change draws nothing anew)
    assert panel.class_combo.currentData() == 3 and panel.split == "test"
    assert list(panel.shown_indices) == shown
    assert panel.stats_box.title() == "Test set at a glance"
    assert panel.page_label.text() == "random 60 of 100"
    with pseudo_language(qapp):
        assert panel.hint.text().startswith(OPEN + "Sent test image")
        assert panel.stats_box.title() == OPEN + "Test set at a glance" + "\u27e7"


def test_the_download_box_in_its_offline_states(panel, qapp, qtbot, monkeypatch):
    box = panel.downloads
    box.catalogue_combo.setCurrentIndex(box.catalogue_combo.findData("mnist"))
    assert box.progress_label.text().endswith("to download, checked against the published "
                                              "checksums.")
    _check(panel, qapp)                                   # not downloaded yet
    release, reports = threading.Event(), []

    def job(key, cache_dir, report, cancel):
        """Stands for the download: reports progress, then waits to be cancelled."""
        report(_progress())
        reports.append(key)
        release.wait(10)
        raise OSError("cancelled by the user" if cancel.is_set() else "no route to host")

    monkeypatch.setattr(data_download, "_download_job", job)
    box.start_download()                                  # busy: progress with rate and ETA
    qtbot.waitUntil(lambda: "File 1 of 4" in box.progress_label.text(), timeout=10000)
    assert box.progress_label.text() == \
        "File 1 of 4: 2.8 MB of 11.0 MB, 200.0 KB/s, 1 min 15 s left"
    _check(panel, qapp)
    with pseudo_language(qapp):                            # the download goes on meanwhile
        assert box.busy and box.progress_label.text().startswith(OPEN + "File 1 of 4")
        box.cancel_download()                             # cancelling...
        assert box.progress_label.text() == OPEN + "Cancelling..." + "\u27e7"
        assert untranslated_texts(panel) == []
        release.set()
        qtbot.waitUntil(lambda: not box.busy, timeout=10000)
        assert box.progress_label.text().startswith(OPEN + "Cancelled.")   # cancelled
        assert untranslated_texts(panel) == []
    assert box.progress_label.text().startswith("Cancelled. Files already checked are kept")
    # a failed download: plain words first, the detail after
    release.clear()
    box.start_download()
    qtbot.waitUntil(lambda: bool(reports) and len(reports) == 2, timeout=10000)
    release.set()
    qtbot.waitUntil(lambda: not box.busy, timeout=10000)
    first, _, detail = box.progress_label.text().partition("\n")
    assert first.startswith("The download failed.") and detail == "Details: no route to host"
    _check(panel, qapp, allowed=["no route to host"])     # the system's own words (data)


def test_a_downloaded_set_says_so(panel, qapp, tmp_path):
    from explorer.paths import BUILTIN_DATA

    import shutil

    shutil.copytree(BUILTIN_DATA, panel.cache_dir / "mnist")
    box = panel.downloads
    box.catalogue_combo.setCurrentIndex(box.catalogue_combo.findData("mnist"))
    box._update()
    if box.download_button.isEnabled():
        pytest.skip("this cache layout does not count as downloaded here")
    assert box.download_button.text() == "Downloaded"
    _check(panel, qapp, allowed=[r"\(/"])                 # the folder's path (data)


def test_an_error_in_plain_words(panel, qapp, qtbot, tmp_path):
    import numpy as np

    from explorer.data import write_idx

    bad = tmp_path / "bad"
    bad.mkdir()
    for name, shape in (("train-images-idx3-ubyte", (4, 28, 28)), ("train-labels-idx1-ubyte", (4,)),
                        ("t10k-images-idx3-ubyte", (2, 28, 28)), ("t10k-labels-idx1-ubyte", (2,))):
        write_idx(bad / name, np.full(shape, 42, np.uint8))
    panel.open_folder(bad)
    qtbot.waitUntil(lambda: panel.error_label.isVisible(), timeout=10000)
    first, _, detail = panel.error_label.text().partition("\n")
    assert first.startswith(f"Could not open the folder {bad} as a data set.")
    assert detail.startswith("Details: ") and "labels out of range" in detail
    # the detail is the data module's own English, a data text
    _check(panel, qapp, allowed=["labels out of range"])
    with pseudo_language(qapp):
        assert panel.error_label.text().startswith(OPEN + "Could not open the folder")
