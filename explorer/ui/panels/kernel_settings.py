"""The Kernel lab's remembered choices: kernel (a preset with its size and sigma, or the
user's own values), input, padding, flip and view. Every value is read through
`PanelSettings` (a junk value keeps the default)."""

from __future__ import annotations

import json

from explorer.engine import kernels as K
from explorer.ui.panel_settings import PanelSettings
from explorer.ui.widgets.signals import blocked


def restore_kernel_lab(self, s: PanelSettings) -> None:
    """Kernel (preset with its size and sigma, or the user's own values), input, padding,
    flip and view as the last session left them; anything unreadable keeps the default."""
    widgets = (self.sigma_slider, self.padding_combo, self.view_combo, self.flip_check,
               self.source_combo, self.test_index)
    with blocked(*widgets):
        slider = self.sigma_slider
        self.sigma_slider.setValue(s.get("sigma", int, slider.value(), valid=lambda v:
                                         slider.minimum() <= v <= slider.maximum()))
        for combo, key in ((self.padding_combo, "padding"), (self.source_combo, "input")):
            i = combo.findData(s.get(key))
            if i >= 0 and combo.itemData(i) != "file":   # an opened picture is not kept
                combo.setCurrentIndex(i)
        self.view_combo.setCurrentIndex(1 if s.get("magnitude", bool, False) else 0)
        self.flip_check.setChecked(s.get("flip", bool, False))
        # kept until the data set is loaded; then the picker clamps it to the set's range
        self.test_index.set_index(s.get("testIndex", int, 0, valid=lambda v: v >= 0))
    name = s.get("preset", str, "sobel_x")
    size = s.get("size", int, 0)
    if name in K.PRESETS:
        p = K.PRESETS[name]
        self._set_grid(K.preset(name, size if size in p.sizes else None,
                                self.sigma() if p.uses_sigma else None), name)
        self.library.select("preset", name, emit=False)
        return
    try:
        self._set_grid(K.kernel_from_json(s.get("custom", str, "")), None)
    except ValueError:
        # nothing saved or unreadable (deeply nested, huge numbers): the default kernel
        self.load_preset("sobel_x")
        self.library.select("preset", "sobel_x", emit=False)

def save_kernel_lab(self, s: PanelSettings) -> None:
    s.set("preset", self.active_preset or "")
    s.set("size", int(self.kernel.shape[0]))
    s.set("sigma", int(self.sigma_slider.value()))
    s.set("custom", "" if self.active_preset else json.dumps(self.kernel.tolist()))
    s.set("padding", self.padding_combo.currentData())
    s.set("magnitude", bool(self.view_combo.currentData()))
    s.set("flip", self.flip_check.isChecked())
    s.set("input", self.source_combo.currentData())
    s.set("testIndex", int(self.test_index.value()))
