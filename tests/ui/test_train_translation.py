"""The Train tab retranslates at run time: every text shows the pseudo-translation's markers
while it is installed (before a run, during one, after one with results, after a divergence)
and is English again once it is removed; a run goes on through a language change."""

import pytest

from explorer.ui.panels.train import TrainPanel
from explorer.ui.state import AppState
from explorer.worker import EngineClient
from tests.ui.pseudo_translation import OPEN, all_texts, pseudo_language, untranslated_texts

#: The architectures' and data sets' identifiers (``lenet5  (61,706)``, ``mnist-subset``) are
#: the engine's names for them, the same in every language (the CLI takes them too); the
#: description under the list is translated.
IDS = [r"^(simple_convnet|lenet5|lenet5_classic|mini_alexnet|mini_inception|tiny_vgg|"
       r"lenet5_colour)  \(\d[\d,]*\)$",
       r"^(mnist-subset|colour-mnist|mnist|fashion-mnist|kmnist|cifar-10)$"]


@pytest.fixture
def panel(qtbot):
    from explorer.engine import build_model

    client = EngineClient(load_live=lambda: (build_model("lenet5", seed=0), None, ""))
    p = TrainPanel(client, AppState())
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitUntil(lambda: client.model_info is not None, timeout=10000)
    qtbot.waitUntil(lambda: "parameters" in p.arch_description.text(), timeout=10000)
    p.architecture.setCurrentIndex(p.architecture.findData("lenet5"))
    p.optimizer.setCurrentIndex(p.optimizer.findData("adam"))
    p.dataset.setCurrentIndex(p.dataset.findData("mnist-subset"))
    p.lr.setValue(0.002)
    p.batch_size.setValue(16)
    p.train_limit.setValue(64)
    p.augment.setChecked(False)
    yield p
    client.shutdown()


def _painted(panel) -> list[str]:
    """The texts the results paint themselves (placeholders, the matrix's axis words)."""
    r = panel.results
    return [r.filters.placeholder, r.filters_change.placeholder, r.mistakes.placeholder,
            r.confusion.placeholder, r.confusion.row_title, r.confusion.col_title]


def _check(panel, qapp):
    """Translated under the pseudo-language, English again after it."""
    with pseudo_language(qapp):
        assert untranslated_texts(panel, allowed=IDS) == []
        assert all(t.startswith(OPEN) for t in _painted(panel))
        assert OPEN in panel.progress.text()
        assert not panel.message.text() or OPEN in panel.message.text()
    assert not any(OPEN in t for _, t in all_texts(panel))
    assert not any(OPEN in t for t in _painted(panel))
    assert OPEN not in panel.progress.text() and OPEN not in panel.message.text()


def test_before_a_run(panel, qapp):
    _check(panel, qapp)
    assert panel.start_button.text() == "&Start"
    assert panel.form.optimizer.currentData() == "adam"       # the selection never changes
    # a typed learning rate that was cut: its message is retranslated too
    panel.form.lr.sigInputCut.emit(50.0, 10.0)
    assert "at most 10" in panel.form.lr_message.text()
    with pseudo_language(qapp):
        assert panel.form.lr_message.text().startswith(OPEN)
    assert panel.form.lr_message.text() == "The learning rate is at most 10; 50 was cut to 10."


def test_during_a_run_and_after_it(panel, qapp, qtbot):
    panel.epochs.setValue(200)
    panel.start()
    qtbot.waitUntil(lambda: panel.n_batches_seen >= 2, timeout=20000)
    panel.toggle_pause()
    qtbot.waitUntil(lambda: panel.client.train_state == "paused", timeout=10000)
    _check(panel, qapp)
    assert panel.progress.text().startswith("paused at epoch 1, batch")
    assert panel.pause_button.text() == "&Resume"
    # a language change while running: the run goes on and its status is in the new words
    panel.toggle_pause()
    qtbot.waitUntil(lambda: panel.client.train_state == "running", timeout=10000)
    with pseudo_language(qapp):
        n = panel.n_batches_seen
        qtbot.waitUntil(lambda: panel.n_batches_seen >= n + 2, timeout=20000)
        assert panel.client.train_state == "running"
        assert panel.progress.text().startswith(OPEN + "epoch")
        assert untranslated_texts(panel, allowed=IDS) == []
    panel.client.stop()
    qtbot.waitUntil(lambda: panel.last_outcome is not None, timeout=30000)
    assert panel.confusion.matrix.sum() == 1000 and panel.mistakes.count() > 0
    _check(panel, qapp)
    assert "Training stopped" in panel.message.text()
    assert panel.results.mistakes_caption.text().startswith("Showing ")
    with pseudo_language(qapp):    # the results' own tooltips and captions too
        assert panel.results.mistakes_caption.text().startswith(OPEN)
        assert panel.results.filters_change_caption.text().startswith(OPEN)
        assert all(t.startswith(OPEN) for t in panel.mistakes._tooltips)
        assert all(t.startswith(OPEN) for t in panel.filters._tooltips)
        names = [i.opts["name"] for i in panel.curves.loss_plot.getPlotItem().listDataItems()
                 if i.opts["name"] is not None]      # not the newest batch's unnamed dot
        assert len(names) == 3 and all(OPEN in name for name in names)
    assert panel.curves.loss_plot.getPlotItem().legend.getLabel(panel.curves._raw).text == \
        "batch loss"


def test_a_divergence_message(panel, qapp):
    from explorer.training import DivergedEvent

    panel.optimizer.setCurrentIndex(panel.optimizer.findData("sgd"))
    event = DivergedEvent(epoch=1, batch=4, loss=float("nan"), lr=5.0, suggested_lr=0.5,
                          message="engine text")
    panel._on_diverged({"event": event})
    _check(panel, qapp)
    text = panel.message.text()
    assert "epoch 2, batch 5 (learning rate 5)" in text and "e.g. 0.5" in text
    assert "Adam is the most forgiving" in text
    assert panel.progress.text().startswith("diverged at epoch 2, batch 5")


def test_a_start_error_is_said_in_plain_words(panel, qapp, qtbot):
    panel.dataset.addItem("missing", "no-such-set")   # an id that names no set (data)
    panel.dataset.setCurrentIndex(panel.dataset.count() - 1)
    panel.start()
    qtbot.waitUntil(lambda: "no-such-set" in panel.message.text(), timeout=10000)
    qtbot.waitUntil(panel.start_button.isEnabled, timeout=5000)
    first, _, detail = panel.message.text().partition("\n")
    assert first.startswith("The run could not start.") and "no-such-set" in detail
    assert panel.progress.text() == "not started"
    with pseudo_language(qapp):
        assert untranslated_texts(panel, allowed=IDS + ["^missing$"]) == []
        assert panel.message.text().startswith(OPEN)
