"""The committed translations are complete and current (explorer/i18n, issue 14).

Fails when a text of the code is missing from a committed .ts (run
``python scripts/update_translations.py``), when an entry is unfinished or empty (translate
it), when a translation loses or repeats a ``%1``..``%9``/``%n`` placeholder or the ``&``
mnemonic, and when a committed .qm is not what its .ts compiles to (run the script with
``--release``). The checks themselves are tested on small hand-made files below, so that a
failure here means the files, not the checker.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
import update_translations as tools  # noqa: E402

from tests.test_packaging import needs_build, wheel  # noqa: E402, F401 (the wheel fixture)

_PLACEHOLDER = re.compile(r"%[1-9n]")
# a keyboard mnemonic: "&" before a letter or digit, but not "&&" nor an HTML entity ("&amp;")
_MNEMONIC = re.compile(r"(?<!&)&(?!&|[A-Za-z]+;|#\d+;)(?=\w)")


def have_tools() -> bool:
    try:
        tools.tool("pyside6-lupdate"), tools.tool("pyside6-lrelease")
    except SystemExit:
        return False
    return True


needs_tools = pytest.mark.skipif(not have_tools(), reason="pyside6-lupdate/lrelease missing")


def messages(ts: Path) -> list[tuple[str, ElementTree.Element]]:
    """(context, <message>) for every entry of ``ts``."""
    root = ElementTree.parse(ts).getroot()
    return [(c.findtext("name"), m) for c in root.iter("context") for m in c.iter("message")]


def entries(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every entry that is not obsolete."""
    return {(ctx, m.findtext("source")) for ctx, m in messages(ts)
            if m.find("translation").get("type") not in ("obsolete", "vanished")}


def ts_problems(ts: Path) -> list[str]:
    """What is wrong with the translations in ``ts`` (empty when complete and consistent)."""
    found = []
    for ctx, message in messages(ts):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        where = f"{ts.name} {ctx}: {source[:70]!r}"
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        if translation.get("type") == "unfinished":
            found.append(f"unfinished {where}")
            continue
        numerus = message.get("numerus") == "yes"
        forms = ([f.text or "" for f in translation.iter("numerusform")] if numerus
                 else [translation.text or ""])
        if not forms or not all(form.strip() for form in forms):
            found.append(f"empty {where}")
            continue
        wanted = Counter(_PLACEHOLDER.findall(source))
        n_counts = [Counter(_PLACEHOLDER.findall(form))["%n"] for form in forms]
        for form, n_count in zip(forms, n_counts):
            got = Counter(_PLACEHOLDER.findall(form))
            if numerus and wanted["%n"]:
                # a plural form may name the number fewer times ("the last row"), but never
                # more, and one form at least (the only one, in Chinese) must name it
                ok = (got - Counter({"%n": n_count}) == wanted - Counter({"%n": wanted["%n"]})
                      and n_count <= wanted["%n"] and max(n_counts) >= 1)
            else:
                ok = got == wanted
            if not ok:
                found.append(f"placeholders {where} -> {form[:70]!r}")
            mnemonics = len(_MNEMONIC.findall(form))
            if mnemonics != len(_MNEMONIC.findall(source)):
                found.append(f"mnemonic {where} -> {form[:70]!r}")
    return found


def code_entries(repo: Path, language: str, extra: list[str], folder: Path) -> set:
    """(context, source) of every text lupdate finds in ``repo``'s code (a fresh .ts)."""
    ts = folder / f"fresh_{language}.ts"
    tools.lupdate(ts, language, extra, repo)
    return entries(ts)


# --- the committed files -----------------------------------------------------------------------

@pytest.fixture(scope="module", params=list(tools.LANGUAGES))
def language(request):
    return request.param


@needs_tools
def test_every_text_of_the_code_is_in_the_ts(language, tmp_path):
    ts = tools.I18N / f"cnn_explorer_{language}.ts"
    missing = code_entries(REPO, language, tools.LANGUAGES[language], tmp_path) - entries(ts)
    assert not missing, (
        f"{len(missing)} texts of the code are not in {ts.name}; run "
        f"python scripts/update_translations.py and translate them: {sorted(missing)[:10]}")


def test_every_entry_is_translated_with_its_placeholders_and_mnemonic(language):
    problems = ts_problems(tools.I18N / f"cnn_explorer_{language}.ts")
    assert not problems, f"{len(problems)} problems, e.g.\n" + "\n".join(problems[:20])


@needs_tools
def test_the_qm_is_compiled_from_the_ts(language, tmp_path):
    ts = tools.I18N / f"cnn_explorer_{language}.ts"
    fresh = tmp_path / ts.with_suffix(".qm").name
    tools.lrelease(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        f"{ts.with_suffix('.qm').name} is older than {ts.name}: run "
        "python scripts/update_translations.py --release")


# --- the checks, on hand-made files ------------------------------------------------------------

def write_ts(path: Path, body: str, language: str = "zh_CN") -> Path:
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
                    f'language="{language}"><context><name>Ctx</name>{body}</context></TS>\n',
                    encoding="utf-8")
    return path


def message(source: str, translation: str, kind: str = "") -> str:
    kind = f' type="{kind}"' if kind else ""
    return (f"<message><source>{source}</source><translation{kind}>{translation}"
            "</translation></message>")


def plural(source: str, *forms: str) -> str:
    body = "".join(f"<numerusform>{f}</numerusform>" for f in forms)
    return f'<message numerus="yes"><source>{source}</source><translation>{body}' \
           "</translation></message>"


COMPLETE = (message("&amp;Draw", "绘制(&amp;D)") + message("Layer %1 of %2", "第 %1 层，共 %2 层")
            + message("%2 then %1", "先 %1 后 %2") + message("a &lt;b&gt;bold&lt;/b&gt; word",
                                                        "&lt;b&gt;粗体&lt;/b&gt;")
            + plural("%n filter(s)", "%n 个滤波器"))


def test_a_complete_file_has_no_problems(tmp_path):
    assert ts_problems(write_ts(tmp_path / "ok.ts", COMPLETE)) == []
    english = plural("Real input rows lost (%n): %1.", "Real input row lost: %1.",
                     "Real input rows lost (%n): %1.")
    assert ts_problems(write_ts(tmp_path / "en.ts", english, "en")) == []


@pytest.mark.parametrize("body, kind", [
    (message("Open", "", "unfinished"), "unfinished"),
    (message("Open", "打开", "unfinished"), "unfinished"),
    (message("Open", ""), "empty"),
    (message("Open", "   "), "empty"),
    (plural("%n filter(s)", ""), "empty"),
    (message("Layer %1 of %2", "第 %1 层"), "placeholders"),
    (message("Layer %1 of %2", "第 %1 层，共 %1 层"), "placeholders"),
    (message("Layer %1", "第 %1 层 %1"), "placeholders"),
    (plural("%n filter(s)", "个滤波器"), "placeholders"),
    (plural("%n filter(s) in %1", "%n 个滤波器"), "placeholders"),
    (message("&amp;Draw", "绘制"), "mnemonic"),
    (message("&amp;Draw", "绘制(&amp;D)(&amp;X)"), "mnemonic"),
])
def test_each_kind_of_problem_is_found(tmp_path, body, kind):
    problems = ts_problems(write_ts(tmp_path / "bad.ts", COMPLETE + body))
    assert len(problems) == 1 and problems[0].startswith(kind), problems


@needs_tools
def test_a_new_text_in_the_code_is_reported_missing(tmp_path):
    repo = tmp_path / "repo"
    (repo / "explorer").mkdir(parents=True)
    (repo / "main.py").write_text("")
    code = ("from PySide6.QtWidgets import QWidget\n\nclass Ctx(QWidget):\n"
            "    def f(self):\n        return self.tr('Layer %1 of %2')\n")
    (repo / "explorer" / "a.py").write_text(code)
    ts = write_ts(tmp_path / "old.ts", message("Layer %1 of %2", "第 %1 层，共 %2 层"))
    assert code_entries(repo, "zh_CN", [], tmp_path) - entries(ts) == set()
    (repo / "explorer" / "a.py").write_text(code + "    def g(self):\n"
                                            "        return self.tr('New text')\n")
    assert code_entries(repo, "zh_CN", [], tmp_path) - entries(ts) == {("Ctx", "New text")}


@needs_tools
def test_the_update_keeps_translations_and_drops_vanished_texts(tmp_path):
    repo = tmp_path / "repo"
    (repo / "explorer").mkdir(parents=True)
    (repo / "main.py").write_text("")
    (repo / "explorer" / "a.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\nclass Ctx(QWidget):\n"
        "    def f(self):\n        return self.tr('Layer %1 of %2')\n")
    ts = write_ts(tmp_path / "kept.ts", message("Layer %1 of %2", "第 %1 层，共 %2 层")
                  + message("Gone", "走了"))
    tools.lupdate(ts, "zh_CN", [], repo)
    assert ts_problems(ts) == [] and entries(ts) == {("Ctx", "Layer %1 of %2")}
    qm = tmp_path / "kept.qm"
    tools.lrelease(ts, qm)
    again = tmp_path / "again.qm"
    tools.lrelease(ts, again)
    assert qm.read_bytes() == again.read_bytes()   # byte-stable: the .qm check can compare bytes


def test_fill_translates_unfinished_entries_only(tmp_path):
    ts = write_ts(tmp_path / "fill.ts", message("Open", "", "unfinished")
                  + message("Kept", "保留") + plural("%n filter(s)", "").replace(
                      "<translation>", '<translation type="unfinished">'))
    assert tools.unfinished(ts) == {"Ctx": {"Open": "", "%n filter(s)": ""}}
    filled = tools.fill(ts, {"Ctx": {"Open": "打开", "Kept": "改了", "%n filter(s)": "%n 个滤波器"},
                             "Other": {"Open": "别的"}})
    assert filled == 2 and tools.unfinished(ts) == {} and ts_problems(ts) == []
    assert {m.findtext("source"): "".join(m.find("translation").itertext())
            for _, m in messages(ts)} == {"Open": "打开", "Kept": "保留",
                                          "%n filter(s)": "%n 个滤波器"}



@needs_build
def test_the_wheel_ships_the_compiled_translations(wheel):  # noqa: F811 (the fixture)
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"explorer/i18n/cnn_explorer_{language}.qm" for language in tools.LANGUAGES}
    assert shipped <= names, f"missing from the wheel: {sorted(shipped - names)}"
