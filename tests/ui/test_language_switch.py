"""Run-time language switching of the main window (View > Language), --lang, the remembered
choice, Qt's own translation, a damaged .qm file and the CJK font warning."""

import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMenu

import explorer.__main__ as entry
import explorer.app as app_module
import explorer.language as language_module
from explorer.app import PANELS, apply_startup_language, build_window
from explorer.language import NATIVE_NAMES, qm_path
from explorer.ui import language as ui_language
from explorer.ui.language import current_language, install_language, installed_files
from explorer.ui.state import app_settings
from tests.ui.pseudo_translation import all_texts, pseudo_language, untranslated_texts

#: The widgets the main window itself labels (the panels retranslate their own texts).
WINDOW_PARTS = ("mainWindow.", "panelTabs.tab", "statusModel.", "fileMenu.", "viewMenu.",
                "languageMenu.", "helpMenu.")


@pytest.fixture
def window(qtbot, monkeypatch):
    # a message box would wait for a click: record what would have been shown instead
    shown = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(app_module.QMessageBox, kind,
                            lambda _parent, title, text, *a, kind=kind: shown.append(
                                (kind, title, text)))
    w = build_window()
    w.shown_boxes = shown
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    yield w
    w.close()


def compile_qm(folder: Path, language: str, messages: dict[str, str]) -> Path:
    """A small cnn_explorer_<language>.qm in ``folder`` with MainWindow ``messages``."""
    body = "".join(f"<message><source>{escape(s)}</source><translation>{escape(t)}"
                   "</translation></message>" for s, t in messages.items())
    ts = folder / f"cnn_explorer_{language}.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
                  f'language="{language}"><context><name>MainWindow</name>{body}</context></TS>',
                  encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm_path(language, folder))],
                   check=True)
    return qm_path(language, folder)


def window_texts(window):
    return [(where, text) for where, text in all_texts(window)
            if where.startswith(WINDOW_PARTS)]


def test_every_menu_tab_action_and_label_of_the_window_retranslates(window, qapp):
    with pseudo_language(qapp):
        missing = [line for line in untranslated_texts(window, allowed=[
            # the language names are written in their own language on purpose
            r"^English$"]) if line.startswith(WINDOW_PARTS)]
        assert missing == []
        assert "⟦" in window.windowTitle()
        assert all(window.tabs.tabText(i).startswith("⟦") for i in range(window.tabs.count()))
        title, text = window.view_help_text()
        assert title.startswith("⟦") and text.startswith("⟦")
        assert window.about_text().startswith("⟦")
        assert window.model_label.text().startswith("⟦")
        # the View menu's "Show <tab>" entries name the tabs in the new language
        view = window.findChild(QMenu, "viewMenu")
        assert view.actions()[0].text().startswith("⟦Show ⟦")
        assert {a.text() for a in window.language_menu.actions()} == set(NATIVE_NAMES.values())
    assert not any("⟦" in text for _where, text in window_texts(window))
    assert window.model_label.text().startswith("Live model:")


def test_the_status_message_is_rendered_again_in_the_new_language(window, qapp, tmp_path):
    window._on_saved(str(tmp_path / "m.npz"))
    assert window.statusBar().currentMessage() == f"Saved the model to {tmp_path / 'm.npz'}"
    with pseudo_language(qapp):
        message = window.statusBar().currentMessage()
        assert message == f"⟦Saved the model to {tmp_path / 'm.npz'}⟧"
    assert window.statusBar().currentMessage() == f"Saved the model to {tmp_path / 'm.npz'}"
    window.statusBar().showMessage("someone else's message")
    with pseudo_language(qapp):   # a message the window did not write is left alone
        assert window.statusBar().currentMessage() == "someone else's message"


def test_view_language_switches_at_once_and_is_remembered(window, qtbot, monkeypatch,
                                                          tmp_path):
    compile_qm(tmp_path, "zh_CN", {"&View": "视图(&V)", "&Draw": "绘制(&D)",
                                   "Show %1": "显示%1", "&File": "文件(&F)"})
    compile_qm(tmp_path, "en", {})
    monkeypatch.setattr(language_module, "I18N_DIR", tmp_path)
    monkeypatch.setattr(ui_language, "cjk_families", lambda: ["Noto Sans CJK SC"])
    chinese = window.findChild(type(window.language_menu.actions()[0]), "language_zh_CN")
    chinese.trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "绘制(&D)", timeout=2000)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "视图(&V)" in titles and "文件(&F)" in titles
    assert window.findChild(QMenu, "viewMenu").actions()[0].text() == "显示绘制"
    assert current_language() == "zh_CN" and chinese.isChecked()
    assert QLocale().name() == "zh_CN"
    files = installed_files()
    assert files[0] == tmp_path / "cnn_explorer_zh_CN.qm"
    assert any(f.name == "qtbase_zh_CN.qm" for f in files[1:]), files  # Qt's own dialogs
    assert app_settings().value("language/language") == "zh_CN"
    assert window.shown_boxes == []

    english = window.findChild(type(chinese), "language_en")
    english.trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "&Draw", timeout=2000)
    assert english.isChecked() and not chinese.isChecked()
    assert app_settings().value("language/language") == "en"
    assert installed_files() == [tmp_path / "cnn_explorer_en.qm"]


def test_the_shipped_files_are_the_ones_installed():
    assert install_language("zh_CN") is None
    assert installed_files()[0] == qm_path("zh_CN") and current_language() == "zh_CN"
    assert install_language("en") is None
    assert installed_files() == [qm_path("en")]


def test_english_plural_forms_come_from_the_english_qm(qapp):
    from PySide6.QtCore import QCoreApplication

    install_language("en")
    text = "So %n input rows are lost, rows %1 (counted from 0): no window reads them."
    assert QCoreApplication.translate("OutputSizeTexts", text, "", 1) == \
        "So 1 input row is lost, row %1 (counted from 0): no window reads it."
    assert QCoreApplication.translate("OutputSizeTexts", text, "", 3) == \
        "So 3 input rows are lost, rows %1 (counted from 0): no window reads them."


def test_a_damaged_qm_file_leaves_english_and_says_so(window, monkeypatch, tmp_path):
    (tmp_path / "cnn_explorer_zh_CN.qm").write_bytes(b"not a translation at all")
    compile_qm(tmp_path, "en", {})
    monkeypatch.setattr(language_module, "I18N_DIR", tmp_path)
    window.set_language("zh_CN")
    assert current_language() == "en"
    assert window.tabs.tabText(0) == "&Draw"
    assert window.findChild(type(window.language_menu.actions()[0]), "language_en").isChecked()
    [(kind, _title, text)] = window.shown_boxes
    assert kind == "warning" and "cnn_explorer_zh_CN.qm" in text and "English" in text
    assert "cnn_explorer_zh_CN.qm" in window.statusBar().currentMessage()


def test_a_missing_qm_file_leaves_english_and_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(language_module, "I18N_DIR", tmp_path)
    problem = install_language("zh_CN")
    assert problem and str(tmp_path / "cnn_explorer_zh_CN.qm") in problem
    assert current_language() == "en" and installed_files() == []


def test_lang_option_wins_for_the_run_without_overwriting_the_setting():
    app_settings().setValue("language/language", "zh_CN")
    assert apply_startup_language("en") == []
    assert current_language() == "en"
    assert app_settings().value("language/language") == "zh_CN"
    assert apply_startup_language(None) == []
    assert current_language() == "zh_CN"


def test_bad_lang_option_and_junk_setting_give_english_with_a_message():
    [message] = apply_startup_language("fr")
    assert current_language() == "en" and "fr" in message and "zh_CN" in message
    app_settings().setValue("language/language", "klingon")
    [message] = apply_startup_language(None)
    assert current_language() == "en" and "klingon" in message


def test_without_a_choice_the_system_language_is_used(monkeypatch):
    monkeypatch.setattr(ui_language.QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert apply_startup_language(None) == []
    assert current_language() == "zh_CN"


def test_cjk_font_warning_is_given_once(window, monkeypatch):
    monkeypatch.setattr(ui_language, "cjk_families", lambda: [])
    window.set_language("zh_CN")
    window.set_language("en")
    window.set_language("zh_CN")
    infos = [box for box in window.shown_boxes if box[0] == "information"]
    assert len(infos) == 1 and "fonts-noto-cjk" in infos[0][2]
    assert app_settings().value("language/cjkFontWarned") in (True, "true")


def test_lang_on_the_command_line_reaches_the_app_or_the_cli(monkeypatch):
    calls = []
    monkeypatch.setattr(app_module, "run_app", lambda **kw: calls.append(("app", kw)) or 0)
    monkeypatch.setattr("explorer.cli.main", lambda argv: calls.append(("cli", argv)) or 0)
    entry.main(["--lang", "zh_CN"])
    entry.main(["--lang=en"])
    entry.main([])
    entry.main(["--lang", "zh_CN", "data", "list"])
    assert calls == [("app", {"language": "zh_CN"}), ("app", {"language": "en"}),
                     ("app", {"language": None}), ("cli", ["--lang", "zh_CN", "data", "list"])]


def test_every_panel_has_a_tab_title_and_help_page_for_lupdate():
    # the titles and help texts are QT_TRANSLATE_NOOP("MainWindow", ...) strings
    assert all(title and len(help_text) > 80 for _cls, title, help_text in PANELS)
