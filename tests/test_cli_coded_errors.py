"""The CLI says a coded engine or data error in its language (cli_text.error_text), and the
same English text as ``str(exc)`` in English."""

import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import explorer.language as language_module
from explorer import cli, cli_text
from explorer.cli_text import error_text
from explorer.data.messages import Term, coded
from explorer.engine.messages import MessageError
from tests.cli_locale import english_cli  # noqa: F401 (autouse: English unless --lang)

ZH = {
    "cli": {"error: %1": "错误：%1"},
    "data": {"Unknown data set %1: the downloadable ones are %2.":
             "未知的数据集 %1：可下载的是 %2。",
             "data set %1 is not installed (looked in %2). %3": "数据集 %1 未安装（查找了 %2）。%3",
             "Download it with: python main.py data download mnist":
             "下载方法：python main.py data download mnist"},
    "engine": {"a kernel needs a non-empty name": "卷积核需要一个非空的名称"},
}


@pytest.fixture
def zh_qm(tmp_path, monkeypatch):
    body = "".join(
        f"<context><name>{ctx}</name>" + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation>"
            "</message>" for s, t in msgs.items()) + "</context>"
        for ctx, msgs in ZH.items())
    ts = tmp_path / "cnn_explorer_zh_CN.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
                  f'language="zh_CN">{body}</TS>', encoding="utf-8")
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(ts),
                    "-qm", str(tmp_path / "cnn_explorer_zh_CN.qm")], check=True)
    monkeypatch.setattr(language_module, "I18N_DIR", tmp_path)
    yield tmp_path


def test_english_error_text_is_str():
    for exc in (coded(ValueError, "catalogue_unknown", "'x'", "mnist"),
                MessageError("kernel_needs_name"), KeyError("k"), OSError("disk full")):
        assert error_text(exc) == str(exc)


def test_coded_errors_in_chinese(zh_qm):
    assert cli_text.set_language("zh_CN")
    hint = Term("Download it with: python main.py data download mnist")
    exc = coded(FileNotFoundError, "dataset_not_installed_hint", "'mnist'", "/d", hint)
    assert error_text(exc) == ("数据集 'mnist' 未安装（查找了 /d）。"
                               "下载方法：python main.py data download mnist")
    assert error_text(MessageError("kernel_needs_name")) == "卷积核需要一个非空的名称"
    assert error_text(ValueError("plain words")) == "plain words"


def test_the_cli_prints_a_data_error_in_chinese(zh_qm, capsys):
    assert cli.main(["--lang", "zh_CN", "data", "download", "emnist"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：未知的数据集 'emnist'：可下载的是 mnist")
