"""The rarer details are coded too: a damaged model file, each mirror attempt of a failed
download, Colour MNIST without its subset, a picture Qt cannot read. Their English text is what
it always was; the UI (and the CLI) render them in the current language."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest

from explorer.data.colour_mnist import ColourMnistSource
from explorer.data.download import DownloadError
from explorer.data.messages import Lines, Message, Term, coded
from explorer.engine import build_model, load_model
from explorer.engine.messages import MessageError, MessageFileNotFoundError
from explorer.ui.engine_strings import engine_message
from tests.ui.pseudo_translation import CLOSE, OPEN, pseudo_language


def _rewritten(tmp_path, change):
    """A saved LeNet-5 whose arrays went through ``change(arrays)``."""
    path = tmp_path / "m.npz"
    build_model("lenet5", seed=0).save(path)
    with np.load(path) as npz:
        arrays = dict(npz)
    change(arrays)
    np.savez(path, **arrays)
    return path


@pytest.mark.parametrize("change, code", [
    (lambda a: a.__setitem__("param/fc1.weight", np.zeros((400, 7), np.float32)),
     "model_array_wrong_shape"),
    (lambda a: a.pop("param/conv2.bias"), "model_arrays_missing"),
    (lambda a: a.__setitem__("param/fc3.bias", np.full(10, np.nan, np.float32)),
     "model_array_not_finite"),
    (lambda a: a.__setitem__("__spec__", np.frombuffer(b"{not json", np.uint8)),
     "model_json_invalid"),
    (lambda a: a.__setitem__("__spec__", np.frombuffer(b"[1, 2]", np.uint8)),
     "model_spec_not_object"),
])
def test_a_damaged_model_file_is_explained_in_the_current_language(qapp, tmp_path, change,
                                                                   code):
    path = _rewritten(tmp_path, change)
    with pytest.raises(MessageError) as info:
        load_model(path)
    exc = info.value
    assert exc.code == code and str(path) in str(exc)
    assert engine_message(exc) == str(exc)
    with pseudo_language(qapp):
        shown = engine_message(exc)
    assert shown.startswith(f"{OPEN}{path}") and shown.endswith(CLOSE)


def test_a_member_that_is_not_an_array_and_a_missing_file(qapp, tmp_path):
    path = tmp_path / "m.npz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(MessageError) as info:
        load_model(path)
    assert info.value.code == "model_member_not_npy"
    with pytest.raises(FileNotFoundError) as missing:     # still a FileNotFoundError
        load_model(tmp_path / "none.npz")
    assert isinstance(missing.value, MessageFileNotFoundError)
    with pytest.raises(IsADirectoryError) as folder:
        load_model(tmp_path)
    with pseudo_language(qapp):
        for exc in (info.value, missing.value, folder.value):
            assert engine_message(exc).startswith(OPEN)


def test_a_nested_engine_message_is_translated_inside_its_sentence(qapp):
    inner = MessageError("model_npy_version", (3, 0))
    outer = MessageError("model_header_unreadable", "/m.npz", "param/x", inner)
    assert str(outer) == "/m.npz: the header of param/x cannot be read: " \
                         "unsupported .npy format version (3, 0)"
    with pseudo_language(qapp):
        assert engine_message(outer).endswith(
            f"cannot be read: {OPEN}unsupported .npy format version (3, 0){CLOSE}{CLOSE}")


def _failed_download():
    attempts = Lines((Message("attempt_http", "http://a/f.gz", 404, "Not Found"),
                      Message("attempt_retry", "http://b/f.gz", 2,
                              Message("attempt_connection_closed", "1,000", "2,000")),
                      Message("attempt_md5", "http://c/f.gz", "ab", "cd")))
    return coded(DownloadError, "download_failed_one", "f.gz", Term("MNIST"), attempts)


def test_the_attempt_lines_of_a_failed_download_are_translated(qapp):
    exc = _failed_download()
    english = str(exc)
    assert ("from any mirror:\n  http://a/f.gz: HTTP 404 Not Found\n"
            "  http://b/f.gz (attempt 2): connection closed after 1,000 of 2,000 bytes\n"
            "  http://c/f.gz: MD5 ab differs from the published cd\n") in english
    assert engine_message(exc) == english
    with pseudo_language(qapp):
        shown = engine_message(exc)
    assert f"{OPEN}http://a/f.gz: HTTP 404 Not Found{CLOSE}" in shown
    assert (f"{OPEN}http://b/f.gz (attempt 2): {OPEN}connection closed after 1,000 of 2,000 "
            f"bytes{CLOSE}{CLOSE}") in shown
    assert shown.count("\n  ") == 3          # one line per attempt, as in English


def test_the_cli_renders_the_same_attempt_lines(monkeypatch):
    from explorer import cli_text

    exc = _failed_download()
    assert cli_text.error_text(exc) == str(exc)
    monkeypatch.setattr(cli_text, "translate", lambda context, text, *a: f"<{text}>")
    shown = cli_text.error_text(exc)
    assert "<http://a/f.gz: HTTP 404 Not Found>" in shown and "<MNIST>" in shown


def test_colour_mnist_without_its_subset_is_coded(qapp, tmp_path):
    source = ColourMnistSource("colour-mnist", "Colour", (tmp_path / "none",))
    with pytest.raises(FileNotFoundError, match="built-in MNIST subset, which is missing") as info:
        source.load()
    assert info.value.code == "colour_mnist_subset_missing"
    with pseudo_language(qapp):
        assert engine_message(info.value).startswith(f"{OPEN}data set 'colour-mnist'")
