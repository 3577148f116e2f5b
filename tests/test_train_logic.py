"""The Train panel's decisions without a window: controls per run state, where a paused run
stands, when making the network live needs a warning, and cutting a typed number to a range."""

import subprocess
import sys

import pytest

from explorer.ui.panels.train_logic import Controls, RunView, clamp


def test_controls_follow_the_run_state():
    view = RunView()
    assert view.controls() == Controls(start=True, pause=False, pause_resumes=False, stop=False,
                                       step=True, make_live=False, save=False, export=False,
                                       settings=True)
    view.set_state("starting")
    c = view.controls()
    assert not c.start and c.stop and not c.pause and not c.step and not c.settings
    assert not c.make_live and not c.save                  # no model yet while it builds
    view.set_state("running")
    c = view.controls()
    assert c.pause and not c.pause_resumes and not c.step and c.make_live and not c.export
    view.batch_done(0, 0, 4)
    assert view.controls().export                          # there is a curve to export
    view.set_state("paused")
    c = view.controls()
    assert c.pause and c.pause_resumes and c.step and c.stop and not c.start
    view.finished("stopped", 0.8)
    view.set_state("idle")
    c = view.controls()
    assert c.start and c.make_live and c.save and c.export and c.settings and not c.stop
    view.new_run()
    assert not view.controls().export and view.last_batch is None


def test_a_paused_run_says_where_it_stands_from_one():
    view = RunView()
    assert view.paused_position() is None
    view.batch_done(1, 3, 47)
    assert view.paused_position() == (2, 4, 47)


def test_making_a_diverged_or_chance_level_network_live_needs_a_warning():
    view = RunView(n_classes=10)
    assert view.make_live_risk() is None                   # no accuracy known: no warning
    view.divergence()
    assert view.make_live_risk() == "diverged"
    view.batch_done(0, 5, 47)                              # resumed and trained on: recovered
    assert view.make_live_risk() is None and view.ran_diverged
    view.epoch_done(0.92)
    assert view.make_live_risk() is None
    view.finished("stopped", 0.10)                         # stopped at chance: warn
    assert view.make_live_risk() == "chance"
    view.finished("completed", 0.149)
    assert view.make_live_risk() == "chance"
    view.finished("completed", 0.16)
    assert view.make_live_risk() is None
    two = RunView(n_classes=2)
    two.finished("completed", 0.6)                         # chance is 50 % for two classes
    assert two.make_live_risk() == "chance"
    view.finished("diverged", None)                        # the CLI-like end: diverged
    assert view.make_live_risk() == "diverged"


@pytest.mark.parametrize("value, expected", [
    (5.0, (5.0, False)), (50.0, (10.0, True)), (0.0, (1e-5, True)), (1e-5, (1e-5, False)),
    (float("nan"), (1e-5, True)), (float("inf"), (1e-5, True)),
])
def test_clamp_says_when_it_cut(value, expected):
    assert clamp(value, 1e-5, 10.0) == expected


def test_the_decisions_and_the_session_import_no_qt():
    code = ("import sys\nimport explorer.ui.panels.train_logic, explorer.session\n"
            "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
