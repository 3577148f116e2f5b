"""The named data sets: one dictionary every data module registers into and looks things up in.

It imports no other ``explorer.data`` module (the ``DatasetSource`` type is only named for the
type checker), so :mod:`explorer.data.datasets` (the built-in sources), :mod:`explorer.data.cache`
(downloaded catalogue sets) and :mod:`explorer.data.folders` (a known folder keeps its class
names) can all use it while the imports run one way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - for annotations only, never imported at run time
    from explorer.data.datasets import DatasetSource

__all__ = ["SOURCES", "register_source"]

#: Named data sets (name -> ``explorer.data.datasets.DatasetSource``), in the order listed.
SOURCES: dict[str, DatasetSource] = {}


def register_source(source: DatasetSource) -> None:
    """Add (or replace) a named data set; ``load_dataset(source.name)`` then finds it."""
    SOURCES[source.name] = source
