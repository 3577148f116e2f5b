"""A panel's remembered choices: one `QSettings` group per panel (``layers/``, ``convolution/``...).

Values are read back defensively: a key that is missing, of the wrong type or no longer offered
(a removed kernel preset, a data set that was deleted) gives ``None`` and the panel keeps its
default, so an old or hand-edited settings file can never stop a panel from opening.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QComboBox

from explorer.ui.state import app_settings


class PanelSettings:
    """The settings of one panel, under ``group/`` in the app's `QSettings`."""

    def __init__(self, group: str):
        self.group = group
        self._settings = app_settings()

    def __repr__(self) -> str:
        return f"PanelSettings({self.group!r}, keys={self.keys()})"

    def keys(self) -> list[str]:
        self._settings.beginGroup(self.group)
        try:
            return list(self._settings.childKeys())
        finally:
            self._settings.endGroup()

    def set(self, key: str, value) -> None:
        """Remember ``value`` (str, int, float or bool; None stores an empty string)."""
        self._settings.setValue(f"{self.group}/{key}", "" if value is None else value)

    def get(self, key: str, kind=str, default=None, valid=None):
        """The stored value converted to ``kind`` (str, int, float, bool or bytes), or
        ``default`` when it is missing, cannot be read as one (``"abc"`` or ``2.5`` for an int,
        ``nan`` for a float) or ``valid(value)`` says no (a range check, a known name)."""
        value = self._read(key, kind)
        if value is None or (valid is not None and not valid(value)):
            return default
        return value

    def _read(self, key: str, kind):
        raw = self._settings.value(f"{self.group}/{key}")
        if raw is None:
            return None
        try:
            if kind is bytes:
                if isinstance(raw, QByteArray):
                    return bytes(raw.data())
                return bytes(raw) if isinstance(raw, (bytes, bytearray)) else None
            if isinstance(raw, (QByteArray, bytes, bytearray, list, dict)):
                return None
            if kind is bool:
                if isinstance(raw, bool):
                    return raw
                text = str(raw).strip().lower()
                return {"true": True, "1": True, "false": False, "0": False}.get(text)
            if kind is int:
                if isinstance(raw, bool):
                    return None
                value = float(raw)
                return int(value) if value.is_integer() and abs(value) < 2**53 else None
            if kind is float:
                value = float(raw)
                return value if math.isfinite(value) else None
            return str(raw)
        except (TypeError, ValueError, OverflowError):
            return None

    def remember_combo(self, key: str, combo: QComboBox) -> None:
        """Store the item data of ``combo``'s current entry (None as an empty string)."""
        data = combo.currentData()
        self.set(key, "" if data is None else str(data))

    def restore_combo(self, key: str, combo: QComboBox) -> bool:
        """Select the entry whose item data (as text) was stored; False (nothing changes) when
        nothing was stored or no entry has that data any more."""
        stored = self.get(key)
        if stored is None:
            return False
        for i in range(combo.count()):
            data = combo.itemData(i)
            if ("" if data is None else str(data)) == stored:
                combo.setCurrentIndex(i)
                return True
        return False

    def clear(self) -> None:
        """Forget every value of this panel."""
        self._settings.remove(self.group)
