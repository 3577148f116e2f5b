"""The CLI in English and Chinese: --lang, the locale, --help, argparse's words, errors."""

import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import explorer.language as language_module
from explorer import cli, cli_text

ZH = {
    "cli": {"error: %1": "错误：%1", "data sets": "数据集",
            "the model file must end in .npz, got %1": "模型文件必须以 .npz 结尾，得到的是 %1",
            "unknown language \u201c%1\u201d for --lang; choose one of: %2":
                "--lang 的语言“%1”未知；请选择其中之一：%2",
            "train a model and save it as .npz": "训练模型并保存为 .npz"},
    "argparse": {"usage: ": "用法：", "options": "选项",
                 "show this help message and exit": "显示此帮助信息并退出"},
}


@pytest.fixture
def qm_folder(tmp_path, monkeypatch):
    """A folder with a small Chinese and an empty English .qm, made the CLI's source."""
    for language, contexts in (("zh_CN", ZH), ("en", {})):
        body = "".join(
            f"<context><name>{ctx}</name>" + "".join(
                f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation>"
                "</message>" for s, t in msgs.items()) + "</context>"
            for ctx, msgs in contexts.items())
        ts = tmp_path / f"cnn_explorer_{language}.ts"
        ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
                      f'language="{language}">{body}</TS>', encoding="utf-8")
        subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent",
                        str(ts), "-qm", str(tmp_path / f"cnn_explorer_{language}.qm")],
                       check=True)
    monkeypatch.setattr(language_module, "I18N_DIR", tmp_path)
    yield tmp_path
    cli_text.set_language("en")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    cli_text.set_language("en")


def run(argv, capsys):
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_lang_zh_translates_help_and_argparse_words(qm_folder, capsys):
    code, out, _ = run(["--lang", "zh_CN", "--help"], capsys)
    assert code == 0
    assert out.startswith("用法：python main.py")
    assert "选项" in out and "显示此帮助信息并退出" in out and "训练模型并保存为 .npz" in out
    code, out, _ = run(["--help"], capsys)     # the next run, without --lang: English again
    assert out.startswith("usage: python main.py") and "train a model and save it" in out


def test_lang_zh_translates_errors(qm_folder, capsys, tmp_path):
    code, out, err = run(["train", "--out", str(tmp_path / "m.txt"), "--lang=zh_CN"], capsys)
    assert code == 2
    assert err == "错误：模型文件必须以 .npz 结尾，得到的是 m.txt\n"


def test_the_locale_chooses_when_lang_is_not_given(qm_folder, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = run(["train", "--out", str(tmp_path / "m.txt")], capsys)
    assert err.startswith("错误：")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")   # LC_ALL wins over LANG
    code, _, err = run(["train", "--out", str(tmp_path / "m.txt")], capsys)
    assert err.startswith("error: the model file must end in .npz")
    monkeypatch.setenv("LC_ALL", "zh_TW.UTF-8")   # Traditional Chinese: English
    code, _, err = run(["train", "--out", str(tmp_path / "m.txt")], capsys)
    assert err.startswith("error: ")
    code, _, err = run(["--lang", "zh_CN", "train", "--out", str(tmp_path / "m.txt")], capsys)
    assert err.startswith("错误：")             # --lang wins over the locale


@pytest.mark.parametrize("argv", [["--lang", "fr", "data", "list"], ["--lang"],
                                  ["data", "list", "--lang=klingon"]])
def test_an_unknown_lang_is_an_error_naming_the_choices(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert err.startswith("error: unknown language") and "en, zh_CN" in err
    assert err.count("\n") == 1


def test_an_unknown_lang_is_said_in_the_locale_language(qm_folder, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = run(["--lang", "fr", "data", "list"], capsys)
    assert code == 2 and err == "错误：--lang 的语言“fr”未知；请选择其中之一：en, zh_CN\n"


def test_a_missing_translation_leaves_english(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(language_module, "I18N_DIR", tmp_path)   # no .qm files at all
    assert cli_text.set_language("zh_CN") is False
    assert cli_text.language() == "en"
    code, out, _ = run(["--lang", "zh_CN", "--help"], capsys)
    assert code == 0 and out.startswith("usage: ")


def test_argparse_gets_its_own_words_back_after_a_run(qm_folder, capsys):
    import argparse

    before = argparse._
    run(["--lang", "zh_CN", "--help"], capsys)
    assert argparse._ is before


def test_the_cli_imports_only_qtcore():
    code = ("import sys, explorer.cli, explorer.__main__\n"
            "explorer.cli.build_parser()\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "['PySide6.QtCore']"


def test_the_shipped_chinese_file_is_found_by_the_cli():
    assert cli_text.set_language("zh_CN") is True and cli_text.language() == "zh_CN"


def test_a_coded_os_error_is_said_in_the_cli_language():
    # the model's "folder does not exist" is an OSError without strerror: it was shown as
    # its English str() inside a Chinese sentence
    from explorer.engine.messages import MessageFileNotFoundError

    exc = MessageFileNotFoundError("model_save_no_folder", "/x")
    try:
        assert cli_text.set_language("zh_CN") is True
        reason = cli._os_reason(exc)
        assert "/x" in reason and "folder" not in reason and reason != str(exc)
    finally:
        cli_text.set_language("en")
    assert cli._os_reason(exc) == str(exc)
    assert cli._os_reason(PermissionError(13, "Permission denied")) == "Permission denied"
