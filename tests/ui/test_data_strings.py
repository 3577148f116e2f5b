"""The data modules' coded errors are rendered in the user's language (data_strings), and a
background job keeps the code so that a panel shows them in the current language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explorer.data import messages
from explorer.data.folders import IdxFolderError, find_idx_files, read_idx_folder
from explorer.data.idx import parse_idx
from explorer.data.messages import DATA_MESSAGES, Term, coded, message_of
from explorer.data.registry import SOURCES
from explorer.engine.messages import MESSAGES
from explorer.ui.data_strings import DATA_MESSAGE_TEXTS, DATA_TERMS, data_message
from explorer.ui.engine_strings import engine_message
from explorer.ui.jobs import BackgroundJob, JobFailure
from tests.ui.pseudo_translation import CLOSE, OPEN, pseudo_language

DATA_DIR = Path(messages.__file__).parent


def test_every_code_has_a_rendering_with_the_same_placeholders():
    assert DATA_MESSAGE_TEXTS == DATA_MESSAGES
    assert not set(DATA_MESSAGES) & set(MESSAGES)   # one code, one meaning
    for code in DATA_MESSAGES:
        exc = coded(ValueError, code, *(f"v{i}" for i in range(1, 10)))
        shown = data_message(exc)
        assert shown == str(exc), code          # English: the same sentence as str()
        assert not re.search(r"%[1-9]", shown), code


def test_every_code_is_raised_somewhere_in_the_data_package():
    source = "\n".join(p.read_text(encoding="utf-8") for p in DATA_DIR.glob("*.py")
                       if p.name != "messages.py")
    unused = [c for c in DATA_MESSAGES
              if f'"{c}"' not in source and not re.match(r"folder_(train|test)_empty$", c)]
    assert not unused
    assert 'f"folder_{split}_empty"' in source


def test_every_installation_hint_is_listed_for_translation():
    hints = {s.hint for s in SOURCES.values() if s.hint}
    assert hints, "no registered data set gives a hint: the check would pass vacuously"
    assert hints <= set(DATA_TERMS)


def test_a_data_error_keeps_its_type_and_english_text(tmp_path):
    with pytest.raises(IdxFolderError, match="is not a folder") as info:
        find_idx_files(tmp_path / "nowhere")
    assert message_of(info.value) == ("folder_not_a_folder", (tmp_path / "nowhere",))
    with pytest.raises(ValueError, match="wrong magic number 01 02 03 04") as info:
        parse_idx(b"\x01\x02\x03\x04", "x.idx")
    assert info.value.code == "idx_wrong_magic"
    assert message_of(ValueError("plain")) is None
    with pytest.raises(KeyError):
        coded(ValueError, "no_such_code")


def test_a_wrapped_idx_error_keeps_its_code(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                 "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        (folder / name).write_bytes(b"\x00\x00\x08")          # 3 bytes: no whole header
    with pytest.raises(IdxFolderError, match="too short for an IDX header") as info:
        read_idx_folder(folder)
    assert info.value.code == "idx_header_too_short"


def test_a_data_error_is_shown_translated(qapp, tmp_path):
    with pytest.raises(IdxFolderError) as info:
        find_idx_files(tmp_path / "nowhere")
    exc = info.value
    with pseudo_language(qapp):
        shown = engine_message(exc)
    assert shown.startswith(OPEN) and shown.endswith(CLOSE)
    assert str(tmp_path / "nowhere") in shown          # the value is filled in
    assert engine_message(exc) == str(exc)             # translator gone: English again


def test_a_term_value_is_translated_and_a_path_is_not(qapp):
    exc = coded(FileNotFoundError, "dataset_not_installed_hint", "'mnist'", "/a/b",
                Term("Download it with: python main.py data download mnist"))
    with pseudo_language(qapp):
        shown = data_message(exc)
    assert f"{OPEN}Download it with: python main.py data download mnist{CLOSE}" in shown
    assert f"{OPEN}/a/b" not in shown and "/a/b" in shown


def test_a_job_keeps_the_code_and_renders_in_the_current_language(qtbot, qapp, tmp_path):
    missing = tmp_path / "nowhere"
    job = BackgroundJob(lambda report, cancel: find_idx_files(missing))
    with qtbot.waitSignal(job.sigFailed, timeout=5000) as blocker:
        job.start()
    job.wait()
    failure, cancelled = blocker.args
    assert isinstance(failure, JobFailure) and not cancelled
    assert failure.code == "folder_not_a_folder"
    assert failure.exc.__traceback__ is None
    english = failure.text()
    assert "is not a folder" in english and str(missing) in english
    with pseudo_language(qapp):
        assert failure.text().startswith(OPEN)     # the same failure, rendered again
    assert failure.text() == english


def test_the_data_panel_error_follows_the_language(qtbot, qapp, tmp_path):
    from tests.ui.test_data_panel import _small_model  # noqa: F401 (the panel's model)
    from explorer.data.cache import set_cache_dir
    from explorer.ui.panels.data import DataPanel
    from explorer.ui.state import AppState
    from explorer.worker import EngineClient

    client = EngineClient(load_live=_small_model)
    set_cache_dir(tmp_path / "cache")
    panel = DataPanel(client, AppState())
    qtbot.addWidget(panel)
    panel.show()
    try:
        qtbot.waitUntil(lambda: panel.dataset is not None, timeout=10000)
        panel.open_folder(tmp_path / "nowhere")
        qtbot.waitUntil(lambda: panel.error_label.isVisible(), timeout=10000)
        assert "is not a folder" in panel.error_label.text()
        with pseudo_language(qapp):
            text = panel.error_label.text()
            # the panel's sentence and the data module's detail are both translated
            assert text.count(OPEN) >= 2
            assert f"{OPEN}%1 is not a folder" not in text       # filled, not raw
            assert f"{OPEN}{tmp_path / 'nowhere'} is not a folder" in text
        assert OPEN not in panel.error_label.text()
    finally:
        panel.shutdown()
        client.shutdown()
        set_cache_dir(None)
