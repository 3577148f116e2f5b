"""Every string the engine/data modules show to users is listed for translation (engine_strings)."""

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from explorer.data import catalogue, datasets
from explorer.engine import conv_examples, images, kernels, models
from explorer.ui import engine_strings
from explorer.ui.engine_strings import ENGINE_STRINGS, tr_engine


def engine_provided_strings() -> dict[str, str]:
    """Every user-visible string the engine/data modules provide -> where it comes from."""
    found: dict[str, str] = {}

    def add(text, where):
        if text:
            found.setdefault(text, where)

    for name, p in kernels.PRESETS.items():
        add(p.title, f"kernels.PRESETS[{name!r}].title")
        add(p.description, f"kernels.PRESETS[{name!r}].description")
    for ex in conv_examples.CONV_EXAMPLES + conv_examples.POOL_EXAMPLES:
        add(ex.title, f"conv_examples {ex.key!r} title")
        add(ex.description, f"conv_examples {ex.key!r} description")
    for key, (title, description, _make) in images.BUILTIN_PICTURES.items():
        add(title, f"images.BUILTIN_PICTURES[{key!r}] title")
        add(description, f"images.BUILTIN_PICTURES[{key!r}] description")
    for name in models.list_models():
        add(models.describe_model(name), f"describe_model({name!r})")
    for key, entry in catalogue.CATALOGUE.items():
        add(entry.title, f"CATALOGUE[{key!r}].title")
        add(entry.description, f"CATALOGUE[{key!r}].description")
        add(entry.attribution, f"CATALOGUE[{key!r}].attribution")
        for c in entry.class_names:
            if not c.isdigit():
                add(c, f"CATALOGUE[{key!r}].class_names")
    for c in datasets.FASHION_NAMES:
        add(c, "datasets.FASHION_NAMES")
    for name, source in datasets.SOURCES.items():
        add(source.title, f"SOURCES[{name!r}].title")
        add(source.attribution, f"SOURCES[{name!r}].attribution")
    return found


def test_every_engine_string_is_listed_for_translation():
    missing = {t: w for t, w in engine_provided_strings().items() if t not in ENGINE_STRINGS}
    assert not missing, (
        "add these to explorer/ui/engine_strings.py with QT_TRANSLATE_NOOP(\"engine\", ...):\n"
        + "\n".join(f"  {w}: {t!r}" for t, w in missing.items())
    )


def test_the_enumeration_reaches_every_source():
    # The check above would pass vacuously if a source were empty: make sure each one is read.
    found = engine_provided_strings()
    wheres = " ".join(found.values())
    for source in ("kernels.PRESETS", "conv_examples", "images.BUILTIN_PICTURES", "describe_model",
                   "CATALOGUE", "SOURCES"):
        assert source in wheres
    assert len(found) >= 80
    assert "Sobel x" in found and "Trouser" in found


def test_listed_strings_are_unique_and_not_stale():
    assert len(set(ENGINE_STRINGS)) == len(ENGINE_STRINGS)
    stale = set(ENGINE_STRINGS) - set(engine_provided_strings())
    assert not stale, f"no engine module provides these any more: {sorted(stale)}"


def test_tr_engine_translates_in_the_engine_context(qapp, tmp_path):
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(__file__).resolve().parents[2] / ".venv" / "bin" / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease not installed")
    ts = tmp_path / "zh.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="zh_CN">\n'
        "<context><name>engine</name><message><source>Sobel x</source>"
        "<translation>索贝尔 x</translation></message></context>\n</TS>\n",
        encoding="utf-8",
    )
    qm = tmp_path / "zh.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert tr_engine("Sobel x") == "索贝尔 x"
        assert tr_engine("Sobel y") == "Sobel y"  # untranslated: unchanged
        assert tr_engine("/home/me/my digits") == "/home/me/my digits"  # unlisted: unchanged
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr_engine("Sobel x") == "Sobel x"
    assert tr_engine("") == "" and tr_engine(None) == ""


def test_lupdate_extracts_every_listed_string(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(__file__).resolve().parents[2] / ".venv" / "bin" / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "engine.ts"
    subprocess.run([lupdate, engine_strings.__file__, "-ts", str(ts)], check=True,
                   capture_output=True)
    from xml.etree import ElementTree

    root = ElementTree.parse(ts).getroot()
    sources = {m.findtext("source") for c in root.iter("context") if c.findtext("name") == "engine"
               for m in c.iter("message")}
    assert set(ENGINE_STRINGS) <= sources


def test_every_engine_message_code_has_its_template_listed():
    from explorer.engine.messages import MESSAGES
    from explorer.ui.engine_strings import ENGINE_MESSAGES

    assert set(ENGINE_MESSAGES) == set(MESSAGES)
    differ = [code for code in MESSAGES if ENGINE_MESSAGES[code] != MESSAGES[code]]
    assert not differ, f"copy the engine's English template to engine_strings: {differ}"


def test_engine_messages_are_written_in_the_users_language(qapp):
    from explorer.engine import kernels
    from explorer.engine.messages import MessageError
    from explorer.ui.engine_strings import engine_message, message_text
    from tests.ui.pseudo_translation import pseudo_language

    with pytest.raises(MessageError) as info:
        kernels.preset("log", size=2)
    exc = info.value
    assert engine_message(exc) == str(exc) == "Laplacian of Gaussian takes sizes 3 to 7, got 2"
    with pseudo_language(qapp):
        # the template is translated and filled; the preset's title (a Term) is translated too
        assert engine_message(exc) == "⟦⟦Laplacian of Gaussian⟧ takes sizes 3 to 7, got 2⟧"
        with pytest.raises(MessageError) as cell:
            kernels.parse_cell("abc")
        # a user's typed text is data: shown as typed
        assert engine_message(cell.value).startswith("⟦'abc' is not a number")
        assert engine_message(ValueError("plain")) == "plain"   # not coded: as it is
        assert message_text(None, (), "Sobel x") == "⟦Sobel x⟧"   # fallback through tr_engine
    assert engine_message(exc) == str(exc)


def test_describe_edits_is_whole_sentences_in_the_users_language(qapp):
    from explorer.ui.engine_strings import describe_edits
    from tests.ui.pseudo_translation import pseudo_language

    one = [{"layer": "conv1", "filter": 0, "channel": 0}]
    two = one + [{"layer": "conv2", "filter": 3, "channel": 4}]
    with pseudo_language(qapp):
        assert describe_edits(one) == "⟦edited: conv1 filter 0 (channel 0) replaced⟧"
        assert describe_edits(two) == ("⟦edited: ⟦conv1 filter 0 (channel 0)⟧⟦, ⟧"
                                       "⟦conv2 filter 3 (channel 4)⟧ replaced⟧")


def test_engine_terms_are_listed_and_nested_causes_are_translated(qapp, tmp_path):
    from explorer.engine import kernels
    from explorer.engine.messages import TERMS, MessageError
    from explorer.ui.engine_strings import ENGINE_TERMS, engine_message
    from tests.ui.pseudo_translation import pseudo_language

    assert tuple(ENGINE_TERMS) == TERMS
    with pytest.raises(MessageError) as info:
        kernels.kernel_from_json("[[1, 2], [3]]")   # a ragged kernel, from the settings
    exc = info.value
    assert str(exc).startswith("the saved kernel: a kernel must be a 2-D array of numbers (")
    with pytest.raises(MessageError) as bad_set:
        kernels.kernel_set_from_json('{"format": "cnn-explorer-kernel-set", "version": 1, '
                                     '"kernels": [{"name": "a", "values": [[1, 2]]}]}', "my.json")
    assert str(bad_set.value) == "my.json: kernel #1: kernel 'a' is 1x2; kernels must be square"
    with pseudo_language(qapp):
        assert engine_message(exc).startswith(
            "⟦⟦the saved kernel⟧: ⟦a kernel must be a 2-D array of numbers (")
        # the file name and the user's kernel name are data; every sentence is translated
        assert engine_message(bad_set.value) == (
            "⟦my.json: kernel #1: ⟦kernel 'a' is 1x2; kernels must be square⟧⟧")


def test_every_name_an_onnx_refusal_gives_a_constant_is_a_listed_term():
    # BatchNorm's "mean" and "var" were missing: a Chinese message named them in English
    import ast

    from explorer.engine import onnx_ops
    from explorer.engine.messages import TERMS

    tree = ast.parse(Path(onnx_ops.__file__).read_text(encoding="utf-8"))
    named = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "const"):
            what = node.args[2] if len(node.args) > 2 else None
            if isinstance(what, ast.Constant):
                named.add(what.value)
        if isinstance(node, ast.Tuple) and all(isinstance(e, ast.Constant) for e in node.elts) \
                and any(getattr(e, "value", None) == "scale" for e in node.elts):
            named.update(e.value for e in node.elts)      # BatchNorm's four inputs
    assert named >= {"weight", "scale", "mean"} and named <= set(TERMS)


def test_a_file_that_is_not_a_model_is_described_in_the_users_language(qapp, tmp_path):
    from explorer.engine.messages import MessageError
    from explorer.engine.serialize import load_model
    from explorer.ui.engine_strings import engine_message
    from tests.ui.pseudo_translation import pseudo_language

    cases = {b"garb": ("model_file_is_text", "garb"), b"": ("model_file_is_empty", None),
             b"\x93NUMPY": ("model_file_is_npy", None),
             b"\x00\x01\xfe": ("model_file_is_bytes", "00 01 FE")}
    for i, (content, (code, shown)) in enumerate(cases.items()):
        path = tmp_path / f"m{i}.npz"
        path.write_bytes(content)
        with pytest.raises(MessageError) as info:
            load_model(path)
        assert info.value.code == code and info.value.values[0] == str(path)
        if shown is not None:
            assert info.value.values[1] == shown
        with pseudo_language(qapp):
            text = engine_message(info.value)
        assert text.startswith("⟦" + str(path)) and text.endswith("⟧")
