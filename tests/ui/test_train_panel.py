"""Train panel: a small run from the buttons, live curves, pause/resume/stop, results, export,
save and make live."""

import csv

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explorer.run_control import PACES
from explorer.ui.panels.train import TrainPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient


@pytest.fixture
def panel(qtbot):
    from explorer.engine import build_model

    client = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    p = TrainPanel(client, AppState())
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitUntil(lambda: client.model_info is not None, timeout=10000)
    p.architecture.setCurrentIndex(p.architecture.findData("lenet5"))
    p.optimizer.setCurrentIndex(p.optimizer.findData("adam"))
    p.dataset.setCurrentIndex(p.dataset.findData("mnist-subset"))
    p.lr.setValue(0.002)
    p.batch_size.setValue(16)
    p.train_limit.setValue(64)
    p.augment.setChecked(False)
    p.pace.setCurrentIndex(p.pace.findData("fast"))
    yield p
    client.shutdown()


def _click(panel, name):
    button = panel.findChild(type(panel.start_button), name)
    assert button.isEnabled(), f"{name} is disabled"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_every_architecture_is_listed_with_its_size(panel, qtbot):
    from explorer.engine import list_models

    assert [panel.architecture.itemData(i) for i in range(panel.architecture.count())] == \
        list_models()
    qtbot.waitUntil(lambda: "parameters" in panel.arch_description.text(), timeout=10000)
    assert "61,706" in panel.arch_description.text()   # lenet5
    assert "lenet5" in panel.architecture.currentText() and "(" in panel.architecture.currentText()


def test_a_run_fills_curves_progress_and_results(panel, qtbot, tmp_path):
    panel.epochs.setValue(2)
    _click(panel, "trainStartButton")
    assert not panel.architecture.isEnabled()        # settings are locked while running
    qtbot.waitUntil(lambda: panel.last_outcome is not None, timeout=30000)
    assert panel.last_outcome["reason"] == "completed"
    assert len(panel.curves.batches) == 8            # 2 epochs x 4 batches of 16
    assert len(panel.curves.epochs) == 2
    assert panel.progress.value() == panel.progress.maximum() == 8
    assert panel.filters.count() == 6                # lenet5's first layer: 6 filters 5x5
    assert panel.results.filters_change.count() == 6     # and how far each moved
    assert panel.results.filters_change_caption.text().startswith("Change since the start: ")
    steps, ratios = panel.results.ratios.series("conv1")      # one point per batch and layer
    assert steps == [1, 2, 3, 4, 5, 6, 7, 8] and all(0 < r < 10 for r in ratios)
    assert len(panel.results.ratios.getPlotItem().listDataItems()) == 5    # lenet5's layers
    assert panel.confusion.matrix.sum() == 1000
    assert panel.mistakes.count() > 0
    loss_items = panel.curves.loss_plot.getPlotItem().listDataItems()
    assert len(loss_items[0].getData()[0]) == 8
    # export: two PNGs and two CSVs with the numbers
    written = panel.export_curves_to(str(tmp_path / "run"))
    assert sorted(p.name for p in written) == ["run-accuracy.png", "run-batches.csv",
                                               "run-epochs.csv", "run-loss.png"]
    with open(tmp_path / "run-batches.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][3] == "loss" and len(rows) == 9
    assert float(rows[1][3]) == pytest.approx(panel.curves.batches[0][3])
    assert (tmp_path / "run-loss.png").read_bytes()[:4] == b"\x89PNG"
    # save with the history, then load it back
    panel.save_model_to(str(tmp_path / "trained"))
    qtbot.waitUntil(lambda: "Saved" in panel.message.text(), timeout=10000)
    from explorer.engine import load_model

    model = load_model(tmp_path / "trained.npz")
    assert len(model.metadata["history"]["batch_loss"]) == 8
    # make it live
    with qtbot.waitSignal(panel.client.sigModelChanged, timeout=10000) as changed:
        _click(panel, "trainMakeLiveButton")
    assert changed.args[0].trained
    # a confusion-matrix cell shows only that mix-up; the diagonal shows all mistakes again
    confusion = panel.last_outcome["evaluation"]["confusion"].copy()
    np.fill_diagonal(confusion, 0)
    t, p = np.unravel_index(np.argmax(confusion), confusion.shape)
    panel.confusion.sigCellClicked.emit(int(t), int(p))
    assert panel.mistakes.count() == min(64, confusion[t, p])
    assert f"{t}\u2192{p}" in panel.mistakes.captions()[0]
    panel.confusion.sigCellClicked.emit(0, 0)
    assert panel.mistakes.count() == min(64, panel.last_outcome["evaluation"]["n_wrong"])
    # clicking a mistake makes it the current input
    panel.mistakes.sigImageClicked.emit(0)
    assert panel.state.current_input is not None
    assert panel.state.current_input_source.startswith("test set #")


def _paused_at(panel):
    """The number of batches done that the bar's "paused at epoch e, batch b/n" says, or None."""
    import re

    m = re.fullmatch(r"paused at epoch (\d+), batch (\d+)/(\d+)", panel.progress.text())
    if m is None:
        return None
    epoch, batch, n_batches = map(int, m.groups())
    return (epoch - 1) * n_batches + batch


def test_pause_resume_and_stop_from_the_buttons(panel, qtbot):
    panel.epochs.setValue(200)
    _click(panel, "trainStartButton")
    qtbot.waitUntil(lambda: panel.n_batches_seen >= 2, timeout=20000)
    _click(panel, "trainPauseButton")
    qtbot.waitUntil(lambda: panel.client.train_state == "paused", timeout=10000)
    assert panel.pause_button.text() == "&Resume"
    n = panel.n_batches_seen
    qtbot.wait(300)
    assert panel.n_batches_seen == n
    # the bar says where the run stopped, not a speed and a time left that no longer apply
    assert _paused_at(panel) == n
    assert "images/s" not in panel.progress.text()
    _click(panel, "trainStepButton")
    qtbot.waitUntil(lambda: panel.n_batches_seen == n + 1, timeout=10000)
    qtbot.waitUntil(lambda: _paused_at(panel) == n + 1, timeout=5000)
    _click(panel, "trainPauseButton")                  # resume
    qtbot.waitUntil(lambda: panel.n_batches_seen >= n + 3, timeout=20000)
    panel.lr.setValue(0.0007)                          # changed while running
    qtbot.waitUntil(lambda: panel.progress.text() and panel.client.train_state == "running",
                    timeout=5000)
    _click(panel, "trainStopButton")
    qtbot.waitUntil(lambda: panel.last_outcome is not None, timeout=20000)
    assert panel.last_outcome["reason"] == "stopped"
    qtbot.waitUntil(panel.start_button.isEnabled, timeout=5000)
    assert not panel.stop_button.isEnabled() and panel.live_button.isEnabled()


def test_the_pace_and_the_learning_rate_change_during_a_run_and_are_acknowledged(panel, qtbot):
    panel.pace.setCurrentIndex(panel.pace.findData("watch"))
    assert panel.client.control.interval == PACES["watch"]
    panel.epochs.setValue(3)                           # 12 batches, at least 0.15 s apart
    _click(panel, "trainStartButton")
    qtbot.waitUntil(lambda: panel.n_batches_seen >= 1, timeout=20000)
    assert panel.pace.isEnabled() and not panel.epochs.isEnabled()
    with qtbot.waitSignal(panel.client.sigTrainLearningRate, timeout=10000):
        panel.lr.setValue(0.001)
    ((step, old, new, _line),) = panel.curves.lr_marks
    assert (old, new) == (0.002, 0.001) and 2 <= step <= 12
    assert panel.message.text() == (f"Learning rate 0.002 \u2192 0.001 from batch {step} on "
                                    "(the dashed line in the loss plot).")
    panel.pace.setCurrentIndex(panel.pace.findData("fast"))
    assert panel.client.control.interval == 0.0
    qtbot.waitUntil(lambda: panel.last_outcome is not None, timeout=30000)
    assert panel.last_outcome["reason"] == "completed"
    assert [b[0] for b in panel.curves.batches] == list(range(1, 13))     # batch 1 included


def test_invalid_settings_are_explained(panel, qtbot):
    panel.dataset.addItem("missing", "no-such-set")
    panel.dataset.setCurrentIndex(panel.dataset.count() - 1)
    _click(panel, "trainStartButton")
    qtbot.waitUntil(lambda: "no-such-set" in panel.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: panel.start_button.isEnabled(), timeout=5000)


def test_a_diverging_run_pauses_says_what_to_try_and_resumes(panel, qtbot):
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("sgd"))
    panel.lr.setValue(10.0)
    panel.weight_decay.setValue(1.0)
    panel.epochs.setValue(50)
    diverged = []
    panel.client.sigTrainDiverged.connect(diverged.append)
    _click(panel, "trainStartButton")
    qtbot.waitUntil(lambda: bool(diverged), timeout=30000)
    qtbot.waitUntil(lambda: panel.client.train_state == "paused", timeout=5000)
    assert panel.last_outcome is None                     # paused, not ended
    text = panel.message.text()
    assert "diverged" in text and "restored" in text and "press Resume" in text
    assert "e.g. 1" in text                               # a tenth of the learning rate
    assert "color: #b00000" in panel.message.styleSheet()
    assert "diverged" in panel.progress.text() and "Resume" in panel.progress.text()
    assert panel.pause_button.isEnabled() and "Resume" in panel.pause_button.text()
    assert panel.lr.isEnabled() and not panel.start_button.isEnabled()

    events = []
    panel.client.sigTrainBatch.connect(lambda p: events.append(p["event"]))
    panel.client.sigTrainDiverged.connect(lambda p: events.append(p["event"]))
    panel.lr.setValue(0.001)
    _click(panel, "trainPauseButton")                     # Resume
    qtbot.waitUntil(lambda: bool(events), timeout=20000)
    assert events[0].lr == pytest.approx(0.001)           # the run went on with the new rate
    assert (events[0].epoch, events[0].batch) == (diverged[0]["event"].epoch,
                                                  diverged[0]["event"].batch)
    _click(panel, "trainStopButton")
    qtbot.waitUntil(lambda: panel.last_outcome is not None, timeout=30000)


def test_settings_persist_between_sessions(panel, qtbot):
    panel.epochs.setValue(7)
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("momentum"))
    panel.augment.setChecked(True)
    panel.architecture.setCurrentIndex(panel.architecture.findData("simple_convnet"))
    panel.lr.setValue(0.0123)
    panel.batch_size.setValue(48)
    panel.train_limit.setValue(1500)
    panel.init.setCurrentIndex(panel.init.findData("xavier"))
    panel.weight_decay.setValue(0.0004)
    panel.dropout.setValue(0.3)
    other = TrainPanel(panel.client, AppState())
    qtbot.addWidget(other)
    assert other.architecture.currentData() == "simple_convnet"
    assert other.lr.value() == pytest.approx(0.0123)
    assert (other.batch_size.value(), other.train_limit.value()) == (48, 1500)
    assert other.init.currentData() == "xavier"
    assert other.weight_decay.value() == pytest.approx(0.0004)
    assert other.dropout.value() == pytest.approx(0.3)
    assert other.epochs.value() == 7
    assert other.optimizer.currentData() == "momentum"
    assert other.augment.isChecked()
    assert other.pace.currentData() == "fast"      # the fixture's choice, not the default
    assert other.config().optimizer == "momentum" and other.config().augment


def test_a_data_set_chosen_elsewhere_appears_and_is_selected(panel, tmp_path):
    import shutil

    from explorer.paths import BUILTIN_DATA

    folder = tmp_path / "my-digits"
    shutil.copytree(BUILTIN_DATA, folder)
    panel.state.set_dataset(str(folder))
    assert panel.dataset.currentData() == str(folder)
    assert panel.config().dataset == str(folder)


def test_a_folder_opened_in_the_data_tab_is_listed_by_its_path(panel, tmp_path):
    """The Data tab's "Open folder" makes a Dataset named after the folder the active set: the
    Train panel lists its path, which the worker can load."""
    import shutil

    from explorer.data import load_dataset
    from explorer.data.folders import open_idx_folder
    from explorer.paths import BUILTIN_DATA

    folder = tmp_path / "my-digits"
    shutil.copytree(BUILTIN_DATA, folder)
    panel.state.set_dataset(open_idx_folder(folder))
    assert panel.dataset.currentData() == str(folder)
    assert panel.dataset.currentText() == "my-digits (folder)"
    assert load_dataset(panel.config().dataset).n_train == 3000


def test_the_list_follows_downloads_and_keeps_the_selection(panel, qtbot, monkeypatch, tmp_path):
    import explorer.data
    import explorer.ui.panels.data as data_module
    from explorer.ui.panels.data import DataPanel

    present = ["mnist-subset"]
    monkeypatch.setattr(explorer.data, "available_datasets", lambda: list(present))
    monkeypatch.setattr(data_module, "available_datasets", lambda: list(present))
    data_panel = DataPanel(panel.client, panel.state, cache_dir=tmp_path)
    qtbot.addWidget(data_panel)
    try:
        panel.refresh_datasets()
        panel.dataset.setCurrentIndex(panel.dataset.findData("mnist-subset"))
        assert panel.dataset.findData("fashion-mnist") < 0

        present.append("fashion-mnist")              # a download finished in the Data tab
        with qtbot.waitSignal(panel.state.sigDatasetListChanged, timeout=5000):
            data_panel.downloads.sigDownloaded.emit("fashion-mnist")
        assert panel.dataset.findData("fashion-mnist") >= 0
        assert panel.dataset.currentData() == "mnist-subset"   # the user's choice is kept

        panel.dataset.setCurrentIndex(panel.dataset.findData("fashion-mnist"))
        panel.state.datasets_changed()
        assert panel.dataset.currentData() == "fashion-mnist"
        present.remove("fashion-mnist")              # gone (deleted outside the app)
        panel.state.datasets_changed()
        assert panel.dataset.findData("fashion-mnist") < 0
        assert panel.dataset.currentData() == "mnist-subset"
    finally:
        data_panel.shutdown()


FASHION = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
           "Bag", "Ankle boot")


def _outcome(class_names, n_wrong=64):
    """A finished run's outcome as the worker sends it (session.evaluation_payload's keys)."""
    rng = np.random.default_rng(0)
    true = rng.integers(0, 10, n_wrong)
    pred = (true + 1 + rng.integers(0, 9, n_wrong)) % 10
    confusion = np.diag(np.full(10, 90))
    np.add.at(confusion, (true, pred), 1)
    return {"reason": "completed", "message": "Trained 1 epoch(s).", "info": None,
            "filters": None,
            "evaluation": {"class_names": list(class_names), "confusion": confusion,
                           "accuracy": 900 / (900 + n_wrong), "loss": 0.3, "n_wrong": n_wrong,
                           "wrong_index": np.arange(n_wrong) * 3,
                           "wrong_images": rng.integers(0, 256, (n_wrong, 28, 28)).astype(np.uint8),
                           "wrong_true": true, "wrong_pred": pred}}


def test_clothing_results_name_their_classes_and_keep_the_plots_tall(panel, qtbot):
    panel.resize(1280, 780)
    panel._on_finished(_outcome(FASHION))
    legend = panel.findChild(type(panel.message), "trainClassLegend")
    assert legend.isVisibleTo(panel)
    for i, name in enumerate(FASHION):
        assert f"{i} {name}" in legend.text()
    assert "test images wrong" in panel.message.text() and "digits" not in panel.message.text()
    qtbot.wait(50)
    # 64 mistakes and a 10x10 matrix do not squeeze the plots: the rows share the height
    results = panel.confusion.parentWidget()
    assert panel.curves.loss_plot.height() >= 0.8 * results.height()
    assert panel.curves.loss_plot.height() > 250
    # digits need no legend and are called digits
    panel._on_finished(_outcome([str(d) for d in range(10)]))
    assert not legend.isVisibleTo(panel)
    assert "test digits wrong" in panel.message.text()


def test_a_mistake_sent_to_the_other_panels_names_its_source(panel):
    panel._on_finished(_outcome(FASHION))
    panel.mistakes.sigImageClicked.emit(2)
    row = panel.results.mistake_rows[2]
    assert panel.state.current_input_source == f"test set #{row * 3}"
    assert f"Test image #{row * 3}" in panel.message.text()


def test_dropout_is_offered_only_for_architectures_with_dropout_layers(panel, qtbot):
    qtbot.waitUntil(lambda: "parameters" in panel.arch_description.text(), timeout=10000)
    assert not panel.dropout.isEnabled()                 # lenet5 has no dropout layer
    assert "no dropout" in panel.dropout.toolTip()
    panel.architecture.setCurrentIndex(panel.architecture.findData("mini_alexnet"))
    assert panel.dropout.isEnabled()
    panel.dropout.setValue(0.3)
    assert panel.config().dropout == pytest.approx(0.3)
    panel.architecture.setCurrentIndex(panel.architecture.findData("lenet5"))
    assert not panel.dropout.isEnabled()
    assert panel.config().dropout is None                # so build_model is not refused


def test_the_end_of_a_run_and_a_divergence_are_told_in_the_panels_own_words(panel):
    from explorer.training import DivergedEvent

    panel._on_finished(_outcome([str(i) for i in range(10)], n_wrong=100))
    text = panel.message.text()
    assert "Training finished: test accuracy 90.00 %." in text and "100 of 1,000" in text
    assert "epoch(s)" not in text                        # the engine's English is not shown
    event = DivergedEvent(epoch=1, batch=4, loss=float("nan"), lr=5.0, suggested_lr=0.5,
                          message="engine text")
    panel._on_diverged({"event": event})
    text = panel.message.text()
    assert "epoch 2, batch 5" in text and "learning rate 5" in text and "e.g. 0.5" in text
    assert "engine text" not in text
    assert "Adam is the most forgiving" not in text      # the panel's optimiser is adam already
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("sgd"))
    panel._on_diverged({"event": event})
    assert "Adam is the most forgiving" in panel.message.text()


# the tab in a 1280x800 window, and in a 1024 wide one shorter than the form with the buttons
# and the message (as at 1024x700 in Chinese, where the form's texts take more lines)
@pytest.mark.parametrize("size", [(1260, 720), (1004, 520)])
def test_the_buttons_and_message_stay_in_sight_and_only_the_settings_scroll(panel, qtbot, size):
    from PySide6.QtWidgets import QScrollArea

    panel.resize(*size)
    qtbot.waitUntil(lambda: panel.size().width() == size[0], timeout=2000)
    panel._say(lambda: "A two-line message: " + "word " * 20)
    qtbot.wait(50)
    assert panel.minimumSizeHint().width() <= size[0]          # nothing hidden sideways
    scroll = panel.findChild(QScrollArea, "trainSettingsScroll")
    for widget in (panel.start_button, panel.export_button, panel.message):
        corner = widget.mapTo(panel, widget.rect().bottomRight())
        assert panel.rect().contains(corner), widget.objectName()
    if size[0] > 1200:                                        # room for the whole form
        assert scroll.verticalScrollBar().maximum() == 0


def test_the_filter_views_are_chosen_from_a_combo_that_fits_the_narrow_column(panel, qtbot):
    # three tab titles did not fit the column (the bar scrolled and cut the third)
    results = panel.results
    combo, views = results.filter_view_combo, results.filter_views
    assert combo.isVisible() and views.count() == combo.count() == 3
    assert [combo.itemText(i) for i in range(3)] == [
        "The filters now", "Change since the start", "Update ratio"]
    combo.setCurrentIndex(2)
    assert views.currentWidget() is results.ratios
    combo.setCurrentIndex(0)
    assert views.currentWidget() is results.filters
    panel.resize(1004, 520)
    qtbot.wait(20)
    assert combo.width() <= results._filters_box.width()     # squeezed, elided, never cut off


def test_a_fast_run_updates_the_bar_now_and_then_never_with_an_older_batch(panel, qtbot):
    """Batches faster than PROGRESS_MS: the loss curve gets every one, the bar and its text
    show the newest within PROGRESS_MS (at once for the first batch and an epoch's last), and
    a later text (the test evaluation) is never overwritten by an older batch's."""
    from explorer.training import BatchEvent, EvaluatingEvent
    from explorer.ui.panels.train import PROGRESS_MS

    panel._on_started({"info": panel.client.model_info, "class_names": list("0123456789"),
                       "n_batches": 10, "epochs": 2, "filters": None})

    def batch(i):
        e = BatchEvent(epoch=0, batch=i, n_batches=10, loss=1.0, accuracy=0.5,
                       images_per_s=1000.0 + i, elapsed=0.1, eta=1.0, lr=0.001)
        panel._on_batch({"event": e, "step": i + 1, "smoothed_loss": 1.0})

    batch(0)
    assert panel.progress.value() == 1 and "batch 1/10" in panel.progress.format()
    for i in range(1, 6):
        batch(i)
    assert len(panel.curves.batches) == 6 and panel.progress.value() == 1
    qtbot.waitUntil(lambda: panel.progress.value() == 6, timeout=10 * PROGRESS_MS)
    assert "batch 6/10" in panel.progress.format() and "1005 images/s" in panel.progress.format()
    batch(6)
    batch(7)
    panel._on_evaluating({"event": EvaluatingEvent(epoch=0, done=100, total=1000)})
    assert panel.progress.value() == 8 and "testing on 100 of 1,000" in panel.progress.format()
    qtbot.wait(3 * PROGRESS_MS)
    assert "testing on 100 of 1,000" in panel.progress.format()
    batch(9)  # an epoch's last batch: at once
    assert panel.progress.value() == 10 and "batch 10/10" in panel.progress.format()
