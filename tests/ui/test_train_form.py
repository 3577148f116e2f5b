"""The Train panel's settings form and run control: stored settings that cannot be used fall
back to the defaults, a learning rate typed beyond the limit is cut with a message, Export waits
for something to export, and Make live asks before a diverged or chance-level network."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from explorer.ui.panel_settings import PanelSettings
from explorer.ui.panels.train_form import TrainForm


@pytest.fixture
def stored():
    settings = PanelSettings("train")
    settings.clear()
    yield settings
    settings.clear()


def _form(qtbot):
    form = TrainForm()
    qtbot.addWidget(form)
    return form


DEFAULTS = {"lr": 0.001, "batch_size": 64, "epochs": 3, "train_limit": 0, "weight_decay": 0.0,
            "dropout": -0.05}


@pytest.mark.parametrize("key, raw, widget", [
    ("lr", "abc", "lr"), ("lr", "nan", "lr"), ("lr", "inf", "lr"), ("lr", "50", "lr"),
    ("lr", "-1", "lr"), ("batch", "1e7", "batch_size"), ("batch", "2.5", "batch_size"),
    ("batch", "0", "batch_size"), ("epochs", "3.7", "epochs"), ("epochs", "x", "epochs"),
    ("limit", "-5", "train_limit"), ("weightDecay", "nan", "weight_decay"),
    ("weightDecay", "3", "weight_decay"), ("dropout", "2", "dropout"),
])
def test_a_stored_number_that_cannot_be_used_falls_back_to_the_default(qtbot, stored, key, raw,
                                                                        widget):
    stored.set(key, raw)
    form = _form(qtbot)
    assert getattr(form, widget).value() == pytest.approx(DEFAULTS[widget])


def test_usable_stored_numbers_and_choices_are_restored(qtbot, stored):
    for key, raw in (("lr", "0.05"), ("batch", "32.0"), ("epochs", "7"), ("limit", "500"),
                     ("optimizer", "sgd"), ("init", "he"), ("augment", "true")):
        stored.set(key, raw)
    form = _form(qtbot)
    assert form.lr.value() == pytest.approx(0.05)
    assert (form.batch_size.value(), form.epochs.value(), form.train_limit.value()) == (32, 7, 500)
    assert form.optimizer.currentData() == "sgd" and form.init.currentData() == "he"
    assert form.augment.isChecked()


def test_stored_choices_that_no_longer_exist_fall_back(qtbot, stored):
    for key, raw in (("model", "no-such-net"), ("optimizer", "lbfgs"), ("init", "zeros"),
                     ("augment", "maybe"), ("dataset", "/no/such/folder")):
        stored.set(key, raw)
    form = _form(qtbot)
    assert form.architecture.currentData() == "lenet5"
    assert form.optimizer.currentData() == "adam"
    assert form.init.currentData() is None and not form.augment.isChecked()
    assert form.dataset.currentData() == "mnist-subset"


def _type(box, text):
    box.setFocus()
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), text)
    QTest.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def test_a_learning_rate_typed_beyond_the_limit_is_cut_and_said(qtbot, stored):
    form = _form(qtbot)
    form.show()
    qtbot.waitExposed(form)
    _type(form.lr, "50")
    assert form.lr.value() == pytest.approx(10.0)
    assert not form.lr_message.isHidden()
    assert form.lr_message.text() == "The learning rate is at most 10; 50 was cut to 10."
    assert stored.get("lr", float) == pytest.approx(10.0)
    _type(form.lr, "0.5")                      # within range: no message is needed
    assert form.lr.value() == pytest.approx(0.5)
    form.lr.setValue(0.002)                    # set another way: the old message goes
    assert form.lr_message.isHidden()


# --- the run control (a panel with an engine) ---------------------------------------------------


@pytest.fixture
def panel(qtbot, stored):
    from explorer.engine import build_model
    from explorer.ui.panels.train import TrainPanel
    from explorer.ui.state import AppState
    from explorer.worker import EngineClient

    client = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    p = TrainPanel(client, AppState())
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: client.model_info is not None, timeout=10000)
    p.batch_size.setValue(16)
    p.train_limit.setValue(32)
    p.epochs.setValue(1)
    p.pace.setCurrentIndex(p.pace.findData("fast"))
    yield p
    client.shutdown()


def test_export_waits_until_there_is_something_to_export(panel, qtbot, tmp_path):
    assert not panel.export_button.isEnabled()
    assert "Nothing to export yet" in panel.export_button.toolTip()
    panel.start()
    qtbot.waitUntil(lambda: panel.last_outcome is not None, timeout=30000)
    assert panel.export_button.isEnabled()
    assert "PNG" in panel.export_button.toolTip()
    qtbot.waitUntil(lambda: panel.client.train_state == "idle", timeout=10000)
    panel.start()                              # a new run starts with nothing to export
    assert not panel.export_button.isEnabled()
    qtbot.waitUntil(lambda: panel.last_outcome is not None, timeout=30000)


def test_make_live_asks_before_a_diverged_network(panel, qtbot, monkeypatch):
    from explorer.training import DivergedEvent

    panel.start(start_paused=True)
    qtbot.waitUntil(lambda: panel.client.train_state == "paused", timeout=10000)
    event = DivergedEvent(epoch=0, batch=1, loss=1e9, lr=5.0, suggested_lr=0.5, message="",
                          restored_epoch=0, restored_batch=0)
    panel._on_diverged({"event": event})
    assert "from before epoch 1, batch 1" in panel.message.text()
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    changed = []
    panel.client.sigModelChanged.connect(changed.append)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert panel.make_live() is False
    assert "diverged" in asked[-1] and "left as it was" in panel.message.text()
    qtbot.wait(200)
    assert changed == []
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert panel.make_live() is True
    qtbot.waitUntil(lambda: bool(changed), timeout=10000)
    panel.client.stop()
    qtbot.waitUntil(lambda: panel.last_outcome is not None, timeout=30000)


def test_make_live_asks_before_a_chance_level_network_and_not_otherwise(panel, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No)
    panel.run.finished("stopped", 0.098)
    assert panel.make_live() is False and "9.8 %" in asked[-1]
    panel.run.finished("completed", 0.91)
    assert panel.make_live() is True and len(asked) == 1
