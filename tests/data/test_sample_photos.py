"""The sample colour photos: every offered photo is shipped and credited in the README.

Reading them as the network's input: tests/ui/test_sample_photo_reading.py; that this module
imports no Qt: tests/engine/test_no_qt.py (it imports every explorer.data module)."""

from __future__ import annotations

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
