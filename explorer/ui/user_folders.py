"""The user's data folder, as Qt finds it on each system, for `explorer.data.cache`'s folders.

Qt's AppDataLocation is ``<data>/<organisation>/<application>``, and the app's organisation and
application are both "CNN Explorer": the data sets ended in ``…/CNN Explorer/CNN Explorer``.
`user_data_base` gives ``<data>`` (``~/.local/share`` on Linux, ``AppData/Roaming`` on Windows,
``Library/Application Support`` on macOS) and the app's files go to ``<data>/CNN Explorer``
(`explorer.data.cache.app_data_dir`, which also moves an older version's files there).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths


def user_data_base() -> Path:
    """``<data>``: Qt's AppDataLocation without its application and organisation folders."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not location:
        return Path.home() / ".local" / "share"
    path = Path(location)
    for name in (QCoreApplication.applicationName(), QCoreApplication.organizationName()):
        if name and path.name == name:
            path = path.parent
    return path
