"""PanelSettings: one QSettings group per panel, read back defensively."""

import pytest
from PySide6.QtWidgets import QComboBox

from explorer.ui.panel_settings import PanelSettings


@pytest.fixture
def settings():
    s = PanelSettings("panelSettingsTest")
    s.clear()
    yield s
    s.clear()


def test_values_round_trip_by_kind(settings):
    settings.set("n", 3)
    settings.set("x", 1.5)
    settings.set("on", True)
    settings.set("name", "conv2")
    fresh = PanelSettings("panelSettingsTest")
    assert fresh.get("n", int) == 3 and fresh.get("x", float) == 1.5
    assert fresh.get("on", bool) is True and fresh.get("name") == "conv2"
    assert sorted(fresh.keys()) == ["n", "name", "on", "x"]


@pytest.mark.parametrize("raw, kind", [("abc", int), ("2.5", int), ("nan", float), ("maybe", bool),
                                       (True, int)])
def test_unreadable_values_give_none(settings, raw, kind):
    settings.set("v", raw)
    assert settings.get("v", kind) is None
    assert settings.get("missing", kind) is None


def test_combo_restores_only_an_existing_entry(settings, qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    for text, data in (("all", None), ("zero", 0), ("seven", 7)):
        combo.addItem(text, data)
    combo.setCurrentIndex(2)
    settings.remember_combo("c", combo)
    combo.setCurrentIndex(0)
    assert settings.restore_combo("c", combo) and combo.currentData() == 7
    settings.remember_combo("c", combo.__class__())  # an empty combo stores "" (no data)
    combo.setCurrentIndex(1)
    assert settings.restore_combo("c", combo) and combo.currentIndex() == 0
    settings.set("c", "gone")
    assert not settings.restore_combo("c", combo) and combo.currentIndex() == 0
