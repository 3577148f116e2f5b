#!/usr/bin/env python3
"""Refresh the translation files from the code, then compile them.

    python scripts/update_translations.py            # lupdate + lrelease
    python scripts/update_translations.py --release  # only lrelease (after editing a .ts)

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
import shutil
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", action="store_true",
                        help="only compile the .ts files (do not run lupdate)")
    args = parser.parse_args(argv)
    for language, extra in LANGUAGES.items():
        ts = I18N / f"cnn_explorer_{language}.ts"
        if not args.release:
            lupdate(ts, language, extra)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"{ts.relative_to(REPO)} -> {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
