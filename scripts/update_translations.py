#!/usr/bin/env python3
"""Refresh the translation files from the code, then compile them.

    python scripts/update_translations.py            # lupdate + lrelease
    python scripts/update_translations.py --release  # only lrelease (after editing a .ts)
    python scripts/update_translations.py --fill zh.json [--fill-en en.json]
    python scripts/update_translations.py --missing [--fill zh.json]   # what is untranslated

1. ``pyside6-lupdate`` reads every ``explorer/**/*.py`` and ``main.py`` into
   ``explorer/i18n/cnn_explorer_zh_CN.ts`` (existing translations are kept, strings that left
   the code are dropped: ``-no-obsolete``) and into ``cnn_explorer_en.ts``, which holds only
   the plural texts (``-pluralonly``: English needs "1 filter" / "3 filters" for ``%n``).
2. ``pyside6-lrelease`` compiles each .ts into its .qm beside it (shipped in the package).

New strings arrive as ``type="unfinished"``: translate them (Qt Linguist:
``pyside6-linguist explorer/i18n/cnn_explorer_zh_CN.ts``, terms from ``glossary.md``), run
with ``--release``, and commit the .ts and .qm together; tests/test_translations.py fails
until every string is translated and the .qm matches its .ts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import xml.etree.ElementTree as ElementTree
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
I18N = REPO / "explorer" / "i18n"
#: language -> extra lupdate options
LANGUAGES = {"zh_CN": [], "en": ["-pluralonly"]}


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease``: beside this Python first, else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships {name})")
    return found


def sources(repo: Path = REPO) -> list[Path]:
    """The files lupdate reads: the package's Python modules and main.py."""
    files = sorted(p for p in (repo / "explorer").rglob("*.py") if "__pycache__" not in p.parts)
    return files + [repo / "main.py"]


def lupdate(ts: Path, language: str, extra: list[str], repo: Path = REPO) -> None:
    """Update ``ts`` from the code of ``repo`` (kept translations, no obsolete entries)."""
    subprocess.run([tool("pyside6-lupdate"), *map(str, sources(repo)), "-no-obsolete",
                    "-locations", "none", "-source-language", "en",
                    "-target-language", language, *extra, "-ts", str(ts)],
                   check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` (unfinished entries are left out: they show in English)."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True, capture_output=True, text=True)


def fill(ts: Path, translations: dict[str, dict[str, str | list[str]]]) -> int:
    """Write ``translations`` (``{context: {source: text}}``) into the unfinished entries of
    ``ts``; a plural entry takes a list of forms (one for Chinese, two for English) or a
    string. Entries already translated are left alone. Returns how many were filled."""
    tree = ElementTree.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        texts = translations.get(context.findtext("name"), {})
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if translation.get("type") != "unfinished" or source not in texts:
                continue
            text = texts[source]
            forms = [text] if isinstance(text, str) else list(text)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                for form in forms:
                    ElementTree.SubElement(translation, "numerusform").text = form
            else:
                translation.text = forms[0]
            del translation.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def unfinished(ts: Path) -> dict[str, dict[str, str]]:
    """``{context: {source: ""}}`` for every entry of ``ts`` still to be translated."""
    found: dict[str, dict[str, str]] = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            if message.find("translation").get("type") == "unfinished":
                found.setdefault(context.findtext("name"), {})[message.findtext("source")] = ""
    return found


def load(paths: list[str]) -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for path in paths:
        for context, texts in json.loads(Path(path).read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(texts)
    return merged


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", action="store_true",
                        help="only compile the .ts files (do not run lupdate)")
    parser.add_argument("--fill", action="append", default=[], metavar="JSON",
                        help="Chinese translations {context: {source: text}} to write in")
    parser.add_argument("--fill-en", action="append", default=[], metavar="JSON",
                        help="English plural forms {context: {source: [one, many]}}")
    parser.add_argument("--missing", action="store_true",
                        help="print (as JSON) what the code asks for and no .ts (after "
                             "--fill) translates; the files are not changed")
    args = parser.parse_args(argv)
    fills = {"zh_CN": load(args.fill), "en": load(args.fill_en)}
    if args.missing:
        report = {}
        with tempfile.TemporaryDirectory() as tmp:
            for language, extra in LANGUAGES.items():
                ts = Path(tmp) / f"{language}.ts"
                shutil.copy(I18N / f"cnn_explorer_{language}.ts", ts)
                lupdate(ts, language, extra)
                fill(ts, fills[language])
                if missing := unfinished(ts):
                    report[language] = missing
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 1 if report else 0
    for language, extra in LANGUAGES.items():
        ts = I18N / f"cnn_explorer_{language}.ts"
        if not args.release:
            lupdate(ts, language, extra)
            if fills[language]:
                print(f"{ts.name}: {fill(ts, fills[language])} entries filled")
                lupdate(ts, language, extra)  # lupdate's own layout again
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"{ts.relative_to(REPO)} -> {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
