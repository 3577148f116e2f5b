"""The sample colour photos: every offered photo is shipped, credited in the README, and read
as the network's input (96x96 RGB scaled and cropped to any size)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from explorer.data.sample_photos import DEFAULT_PHOTO, PHOTOS_DIR, SAMPLE_PHOTOS, photo_path


def test_every_photo_is_shipped_and_credited():
    readme = (PHOTOS_DIR / "README.md").read_text(encoding="utf-8")
    assert DEFAULT_PHOTO in SAMPLE_PHOTOS
    for key in SAMPLE_PHOTOS:
        path = photo_path(key)
        assert path.is_file() and path.suffix == ".png"
        assert path.stat().st_size < 40_000          # small: the wheel stays reasonable
        assert f"| {path.name} |" in readme          # its source and licence are named
    assert sorted(p.name for p in PHOTOS_DIR.glob("*.png")) == sorted(
        f"{k}.png" for k in SAMPLE_PHOTOS)


def test_an_unknown_photo_is_refused_with_the_names():
    with pytest.raises(KeyError, match="cat"):
        photo_path("dog")


def test_the_list_imports_no_qt():
    code = ("import sys, explorer.data.sample_photos\n"
            "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_photos_are_read_as_colour_images_at_any_size():
    from explorer.ui.sample_photos import load_sample_photo

    for key in SAMPLE_PHOTOS:
        photo = load_sample_photo(key, 3, 32, 24)
        assert photo.shape == (32, 24, 3) and photo.dtype == np.float32
        assert 0.0 <= photo.min() and photo.max() <= 1.0
        # a real colour photo: its channels differ (not a grey picture stored as RGB)
        assert np.abs(photo[..., 0] - photo[..., 2]).mean() > 0.02
        grey = load_sample_photo(key, 1, 28, 28)
        assert grey.shape == (28, 28)
    a = load_sample_photo("cat", 3, 32, 32)
    a[:] = 0                                          # a copy: the cache is not changed
    assert load_sample_photo("cat", 3, 32, 32).max() > 0.5
