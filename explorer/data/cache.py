"""Where downloaded data sets live, and how they join the named data sets.

The app passes ``datasets_dir(<the per-user data folder>)`` to :func:`set_cache_dir` at
start-up; the CLI and notebooks use :func:`default_cache_dir`, which computes the same folder
without Qt (on Linux ``~/.local/share/CNN Explorer/datasets``) unless ``CNN_EXPLORER_DATA_DIR``
says otherwise. Versions before issue 17 used Qt's AppDataLocation, whose organisation and
application are both "CNN Explorer" (``…/CNN Explorer/CNN Explorer/datasets``):
:func:`app_data_dir` moves what they kept there one level up, so nobody's data is lost.
Every catalogue data set is registered as a named source
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
           "app_data_dir", "datasets_dir", "APP_DIR_NAME", "LEGACY_APP_DIR_NAME", "ENV_VAR"]

#: The app's folder in the per-user data folder: "<data>/CNN Explorer".
APP_DIR_NAME = ("CNN Explorer",)
#: Where older versions kept it: Qt's AppDataLocation, <data>/<organisation>/<application>,
#: both "CNN Explorer" (explorer.ui.state.ORGANISATION / APPLICATION).
LEGACY_APP_DIR_NAME = ("CNN Explorer", "CNN Explorer")
ENV_VAR = "CNN_EXPLORER_DATA_DIR"
_cache_dir: Path | None = None
_base_sources: dict[str, DatasetSource | None] = {}
#: The legacy folders already looked at in this process (the move is tried once each: the cache
#: folder is asked for on import and by every data-set lookup)
_looked_at: set[Path] = set()


def app_data_dir(base: str | os.PathLike) -> Path:
    """``base/CNN Explorer``, the app's per-user folder (``base``: the user's data folder, e.g.
    ``~/.local/share``), after moving into it what an older version kept one level deeper
    (``base/CNN Explorer/CNN Explorer``: the downloaded data sets, the user's kernels). An entry
    whose name is already taken, or that cannot be moved, stays where it was (see
    :func:`datasets_dir`)."""
    folder = Path(base).joinpath(*APP_DIR_NAME)
    legacy = Path(base).joinpath(*LEGACY_APP_DIR_NAME)
    if legacy not in _looked_at and legacy.is_dir():
        _looked_at.add(legacy)
        for entry in sorted(legacy.iterdir()):
            target = folder / entry.name
            if target.exists():
                continue
            try:
                entry.rename(target)
            except OSError:
                pass   # left in place: still read from there
        try:
            legacy.rmdir()   # only when everything moved
        except OSError:
            pass
    return folder


def datasets_dir(base: str | os.PathLike) -> Path:
    """The data-set folder under the user's data folder ``base``: ``base/CNN Explorer/datasets``,
    or the older ``base/CNN Explorer/CNN Explorer/datasets`` if it could not be moved."""
    folder = app_data_dir(base) / "datasets"
    legacy = Path(base).joinpath(*LEGACY_APP_DIR_NAME, "datasets")
    return legacy if legacy.is_dir() and not folder.exists() else folder


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
    return datasets_dir(base)


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
