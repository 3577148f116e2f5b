"""Where downloaded data sets live, and how they join the named data sets.

The app passes ``QStandardPaths.AppDataLocation`` (+ ``/datasets``) to :func:`set_cache_dir`
at start-up; the CLI and notebooks use :func:`default_cache_dir`, which is the same folder
on Linux (``~/.local/share/cnn-explorer/datasets``) unless ``CNN_EXPLORER_DATA_DIR`` says
otherwise. Every catalogue data set is registered as a named source
(``load_dataset("mnist")``), found once it has been downloaded there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from explorer.data.catalogue import CATALOGUE
from explorer.data.datasets import SOURCES, DatasetSource, register_source

__all__ = ["default_cache_dir", "cache_dir", "set_cache_dir", "register_cached_sources",
           "APP_DIR_NAME", "ENV_VAR"]

APP_DIR_NAME = "cnn-explorer"
ENV_VAR = "CNN_EXPLORER_DATA_DIR"
_cache_dir: Path | None = None
_base_candidates: dict[str, tuple[Path, ...]] = {}


def default_cache_dir() -> Path:
    """The per-user folder for downloaded data sets (``$CNN_EXPLORER_DATA_DIR`` wins)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", home / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_DIR_NAME / "datasets"


def cache_dir() -> Path:
    """The folder in use: the one given to :func:`set_cache_dir`, else the default."""
    return _cache_dir if _cache_dir is not None else default_cache_dir()


def set_cache_dir(folder: str | os.PathLike | None) -> Path:
    """Use ``folder`` for downloads from now on (None: back to the default) and register
    the catalogue sets found there. Returns the folder in use."""
    global _cache_dir
    _cache_dir = None if folder is None else Path(folder).expanduser()
    register_cached_sources()
    return cache_dir()


def register_cached_sources() -> None:
    """Make every catalogue set a named source that looks in the cache folder (after any
    folder already registered under that name, such as Debian's Fashion-MNIST)."""
    folder = cache_dir()
    for key, entry in CATALOGUE.items():
        if key not in _base_candidates:
            existing = SOURCES.get(key)
            _base_candidates[key] = existing.candidates if existing else ()
        register_source(
            DatasetSource(
                name=key,
                title=f"{entry.title} ({entry.description})",
                candidates=_base_candidates[key] + (folder / key,),
                class_names=entry.class_names,
                attribution=entry.attribution,
                hint=f"Download it with: python main.py data download {key}",
            )
        )
