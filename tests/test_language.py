"""The language decision (explorer/language.py), without Qt: precedence, spellings, junk."""

import subprocess
import sys

import pytest

from explorer.language import (DEFAULT, NATIVE_NAMES, SUPPORTED, LanguageChoice,
                               choose_language, env_ui_languages, from_system,
                               needs_cjk_font_warning, normalize, qm_path, split_lang_option)


@pytest.mark.parametrize("value, expected", [
    ("en", "en"), ("en_GB", "en"), ("en-US", "en"), ("EN", "en"),
    ("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"), ("zh", "zh_CN"), ("zh-Hans-CN", "zh_CN"),
    ("zh_CN.UTF-8", "zh_CN"), ("zh_SG", "zh_CN"), ("zh-Hans-HK", "zh_CN"), (" zh_cn ", "zh_CN"),
    ("zh_TW", None), ("zh-HK", None), ("zh-Hant", None), ("zh-Hant-CN", None), ("zh_MO", None),
    ("fr", None), ("", None), ("C", None), ("english", None), ("zhx", None), (None, None),
    (42, None), ("de_DE", None),
])
def test_normalize(value, expected):
    assert normalize(value) == expected


def test_option_wins_over_setting_and_system():
    choice = choose_language("en", "zh_CN", ["zh-CN"])
    assert choice == LanguageChoice("en", "option")
    assert choose_language("zh_CN", "en", ["en-US"]) == LanguageChoice("zh_CN", "option")


def test_setting_wins_over_system():
    assert choose_language(None, "zh_CN", ["en-US"]) == LanguageChoice("zh_CN", "setting")
    assert choose_language(None, "en", ["zh-CN"]) == LanguageChoice("en", "setting")


@pytest.mark.parametrize("ui_languages, expected", [
    (["zh-CN", "zh-Hans-CN", "en-US"], "zh_CN"),
    (["en-US", "zh-CN"], "en"),          # the first one we speak decides
    (["fr-FR", "zh-CN"], "zh_CN"),       # languages we do not speak are skipped
    (["zh-TW", "zh-Hant-TW"], "en"),     # Traditional Chinese: English
    (["zh-HK", "zh-CN"], "en"),
    (["de-DE", "fr-FR"], "en"),
    ([], "en"),
    (["C"], "en"),
])
def test_system_languages(ui_languages, expected):
    assert from_system(ui_languages) == expected
    assert choose_language(None, None, ui_languages) == LanguageChoice(expected, "system")
    assert choose_language(None, "", ui_languages).source == "system"


@pytest.mark.parametrize("option", ["fr", "", "zh_TW", "klingon"])
def test_a_bad_option_gives_english_and_says_so(option):
    choice = choose_language(option, "zh_CN", ["zh-CN"])
    assert choice == LanguageChoice(DEFAULT, "fallback", ("option", option))


@pytest.mark.parametrize("setting", ["fr", "@ByteArray(x)", "1", 3, "zh_TW"])
def test_junk_in_the_setting_gives_english_and_says_so(setting):
    choice = choose_language(None, setting, ["zh-CN"])
    assert choice == LanguageChoice(DEFAULT, "fallback", ("setting", str(setting)))


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "zh_CN.UTF-8"}, ["zh_CN"]),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, ["zh_CN"]),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.GB2312"}, ["zh_CN"]),
    ({"LANG": "de_DE.UTF-8", "LANGUAGE": "zh_CN:en"}, ["zh_CN", "en", "de_DE"]),
    ({"LANG": "C", "LANGUAGE": "zh_CN"}, []),          # gettext ignores LANGUAGE under C
    ({"LC_ALL": "POSIX", "LANG": "zh_CN.UTF-8"}, []),   # LC_ALL wins, even when it is C
    ({"LANG": "sr_RS@latin"}, ["sr_RS"]),
    ({}, []),
])
def test_env_ui_languages(env, expected):
    assert env_ui_languages(env) == expected


def test_env_decides_the_cli_language():
    assert from_system(env_ui_languages({"LANG": "zh_CN.UTF-8"})) == "zh_CN"
    assert from_system(env_ui_languages({"LANG": "zh_TW.UTF-8"})) == "en"
    assert from_system(env_ui_languages({"LANGUAGE": "fr:zh_CN", "LANG": "fr_FR"})) == "zh_CN"


@pytest.mark.parametrize("argv, expected", [
    ([], (None, [])),
    (["--lang", "zh_CN"], ("zh_CN", [])),
    (["--lang=en"], ("en", [])),
    (["--lang", "zh_CN", "train", "--out", "m.npz"], ("zh_CN", ["train", "--out", "m.npz"])),
    (["evaluate", "m.npz", "--lang", "en"], ("en", ["evaluate", "m.npz"])),
    (["--lang"], ("", [])),
    (["data", "list", "--", "--lang", "en"], (None, ["data", "list", "--", "--lang", "en"])),
])
def test_split_lang_option(argv, expected):
    assert split_lang_option(argv) == expected


def test_cjk_font_warning_decision():
    assert needs_cjk_font_warning("zh_CN", [], already_warned=False)
    assert not needs_cjk_font_warning("zh_CN", [], already_warned=True)
    assert not needs_cjk_font_warning("zh_CN", ["Noto Sans CJK SC"], already_warned=False)
    assert not needs_cjk_font_warning("en", [], already_warned=False)


def test_every_language_has_its_native_name_and_a_shipped_qm():
    assert set(NATIVE_NAMES) == set(SUPPORTED) and DEFAULT in SUPPORTED
    for language in SUPPORTED:
        assert qm_path(language).is_file(), (
            f"{qm_path(language)}: run scripts/update_translations.py")


def test_the_decision_imports_no_qt():
    code = ("import sys, explorer.language\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
