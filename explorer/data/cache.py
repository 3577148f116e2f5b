"""Where downloaded data sets live, and how they join the named data sets.

The app passes ``QStandardPaths.AppDataLocation`` (+ ``/datasets``) to :func:`set_cache_dir`
at start-up; the CLI and notebooks use :func:`default_cache_dir`, which computes the same
folder without Qt (on Linux ``~/.local/share/CNN Explorer/CNN Explorer/datasets``) unless
``CNN_EXPLORER_DATA_DIR`` says otherwise. Every catalogue data set is registered as a named source
(``load_dataset("mnist")``), found once it has been downloaded there: ``import explorer.data``
(which runs before any of its modules) calls :func:`register_cached_sources` once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from explorer.data.catalogue import CATALOGUE
from explorer.data.datasets import DatasetSource
from explorer.data.registry import SOURCES, register_source

__all__ = ["default_cache_dir", "cache_dir", "set_cache_dir", "register_cached_sources",
           "APP_DIR_NAME", "ENV_VAR"]

#: Qt's AppDataLocation is <generic data>/<organisation>/<application>; both are
#: "CNN Explorer" (explorer.ui.state.ORGANISATION / APPLICATION).
APP_DIR_NAME = ("CNN Explorer", "CNN Explorer")
ENV_VAR = "CNN_EXPLORER_DATA_DIR"
_cache_dir: Path | None = None
_base_sources: dict[str, DatasetSource | None] = {}


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
    return base.joinpath(*APP_DIR_NAME, "datasets")


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
        if key not in _base_sources:
            _base_sources[key] = SOURCES.get(key)
        base = _base_sources[key]
        download_hint = f"Download it with: python main.py data download {key}"
        register_source(
            DatasetSource(
                name=key,
                title=base.title if base else f"{entry.title}: {entry.description.rstrip('.')}",
                candidates=(base.candidates if base else ()) + (folder / key,),
                class_names=entry.class_names,
                attribution=base.attribution if base and base.attribution else entry.attribution,
                hint=f"{base.hint.rstrip('.')}; or {download_hint[0].lower()}{download_hint[1:]}"
                if base and base.hint else download_hint,
                layout=entry.layout,
            )
        )
