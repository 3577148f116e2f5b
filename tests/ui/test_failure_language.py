"""Failures that cross from the engine thread (a request, a run that cannot start or fails)
keep their exception, so that the GUI shows coded engine and data messages in the current
language (the pseudo-translation wraps each translated text in ⟦...⟧)."""

from __future__ import annotations

import errno

from explorer.data.messages import coded
from explorer.engine.messages import MessageError
from explorer.ui.engine_strings import engine_message
from explorer.worker import shown_failure
from tests.ui.pseudo_translation import CLOSE, OPEN, pseudo_language
from tests.ui.test_train_panel import panel  # noqa: F401 (fixture)
from tests.ui.test_worker import _config, _Receiver, client, engine  # noqa: F401 (fixtures)


def test_shown_failure(qapp):
    data = coded(FileNotFoundError, "cifar_missing", "/x")
    engine_error = MessageError("kernel_needs_name")
    assert shown_failure(data) == "CIFAR-10: /x does not exist"
    assert shown_failure(engine_error) == "a kernel needs a non-empty name"
    assert shown_failure(KeyError("labels")) == "KeyError: 'labels'"   # a bug: named
    assert shown_failure("already said") == "already said"
    with pseudo_language(qapp):
        assert shown_failure(data) == f"{OPEN}CIFAR-10: /x does not exist⟧"
        assert shown_failure(engine_error).startswith(OPEN)
        assert shown_failure(ValueError("plain")) == "plain"    # no code: its own words


def test_a_failed_request_is_said_in_the_current_language(client, qtbot, qapp):  # noqa: F811
    def bad(model):
        raise coded(ValueError, "idx_zero_dimensions", "x.idx")

    rx = _Receiver()
    with pseudo_language(qapp):
        rx.ask(client, bad)
        qtbot.waitUntil(lambda: bool(rx.errors), timeout=5000)
    assert rx.errors == [f"{OPEN}x.idx: wrong dimensions: the header declares 0 dimensions⟧"]


def test_a_run_that_cannot_start_says_why_in_the_current_language(engine, qtbot,  # noqa: F811
                                                                 qapp):
    with pseudo_language(qapp):
        with qtbot.waitSignal(engine.sigTrainError, timeout=10000) as blocker:
            engine.start_training(_config(dataset="no-such-set"))
    message = blocker.args[0]
    assert message.startswith(f"{OPEN}unknown data set 'no-such-set'")
    qtbot.waitUntil(lambda: engine.train_state == "idle", timeout=5000)


def test_the_train_tab_details_follow_the_language(panel, qapp):  # noqa: F811
    failed = {"reason": "error", "message": "English only", "evaluation": None,
              "exception": coded(ValueError, "cifar_missing", "/x")}
    ended = {"reason": "completed", "message": "Trained (evaluation failed: ...)",
             "evaluation": None, "evaluation_error": MessageError("kernel_needs_name")}
    assert "Details: CIFAR-10: /x does not exist" in panel._outcome_message(failed)
    assert "a kernel needs a non-empty name" in panel._outcome_message(ended)
    with pseudo_language(qapp):
        text = panel._outcome_message(failed)
        assert f"{OPEN}CIFAR-10: /x does not exist" in text and "English only" not in text
        assert f"{OPEN}a kernel needs a non-empty name" in panel._outcome_message(ended)


def test_common_os_errors_name_their_file_in_the_current_language(qapp):
    denied = PermissionError(errno.EACCES, "Permission denied", "/x/m.npz")
    assert engine_message(denied) == "/x/m.npz: permission denied"
    assert engine_message(OSError(errno.ENOSPC, "No space left on device")) == \
        "[Errno 28] No space left on device"          # no file named: its own words
    assert engine_message(OSError(errno.EIO, "I/O error", "/x")) == "[Errno 5] I/O error: '/x'"
    with pseudo_language(qapp):
        assert engine_message(denied) == f"{OPEN}/x/m.npz: permission denied⟧"


def test_a_failed_curve_export_is_explained_in_the_current_language(panel, qapp,  # noqa: F811
                                                                     tmp_path):
    missing = tmp_path / "no-such-folder"
    assert panel.export_curves_to(str(missing / "run")) == []
    assert "does not exist" in panel.message.text() and str(missing) in panel.message.text()
    with pseudo_language(qapp):
        assert f"does not exist{CLOSE}" in panel.message.text()
    assert CLOSE not in panel.message.text()


def test_a_failure_already_shown_is_said_again_after_a_language_switch(client, qtbot,  # noqa: F811
                                                                        qapp):
    """Point 4 of issue 14's remainder: the message keeps its exception, so a line that shows
    it (a panel's render function, a MessageLabel) follows View > Language."""
    from explorer.ui.text import fill
    from explorer.ui.widgets.message_label import MessageLabel
    from explorer.worker import FailureText

    def bad(model):
        raise coded(ValueError, "idx_zero_dimensions", "x.idx")

    rx = _Receiver()
    rx.ask(client, bad)
    qtbot.waitUntil(lambda: bool(rx.errors), timeout=5000)
    (message,) = rx.errors
    english = "x.idx: wrong dimensions: the header declares 0 dimensions"
    assert isinstance(message, FailureText) and message == english
    label = MessageLabel()
    qtbot.addWidget(label)
    label.show_error(lambda: fill(label.tr("It failed: %1"), message))
    plain = MessageLabel()
    qtbot.addWidget(plain)
    plain.show_error(message)                 # given as it came: follows too
    assert label.text() == f"It failed: {english}"
    with pseudo_language(qapp):
        assert str(message) == f"{OPEN}{english}{CLOSE}"
        assert label.text() == f"{OPEN}It failed: {OPEN}{english}{CLOSE}{CLOSE}"
        assert plain.text() == f"{OPEN}{english}{CLOSE}"
    assert label.text() == f"It failed: {english}" and plain.text() == english


def test_the_status_bar_says_a_model_file_error_again_in_the_new_language(qtbot, qapp,
                                                                           tmp_path,
                                                                           monkeypatch):
    from explorer import app as app_module

    boxes = []
    monkeypatch.setattr(app_module.QMessageBox, "warning", lambda *a: boxes.append(a[2]))
    w = app_module.build_window()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    path = tmp_path / "cut.npz"
    path.write_bytes(b"PK\x03\x04 a truncated archive")
    w.load_model_file(str(path))
    qtbot.waitUntil(lambda: bool(boxes), timeout=15000)
    bar = w.statusBar()
    assert bar.currentMessage().startswith(f"{path} is not a readable model file")
    assert bar.currentMessage().endswith(": its zip data is damaged or cut short")
    with pseudo_language(qapp):
        assert bar.currentMessage().startswith(f"{OPEN}{path} is not a readable model file")
        # the cause is ours too (zipfile says "File is not a zip file" in English)
        assert bar.currentMessage().endswith(
            f"{OPEN}its zip data is damaged or cut short{CLOSE}{CLOSE}")
    assert bar.currentMessage().startswith(f"{path} is not a readable model file")
    w.close()
