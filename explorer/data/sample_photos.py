"""The sample colour photos shipped in ``resources/photos/`` (Qt-free: names and paths only).

Four real photographs with free licences (public domain or CC0; see the folder's README.md),
96x96 PNG, so that colour inputs work offline. Decoding them needs Qt's image plugins: the UI
reads them with `explorer.ui.sample_photos.load_sample_photo`.
"""

from __future__ import annotations

from pathlib import Path

from explorer.paths import RESOURCES

__all__ = ["PHOTOS_DIR", "SAMPLE_PHOTOS", "DEFAULT_PHOTO", "photo_path"]

#: The folder of the sample photos (repository: ``resources/photos/``).
PHOTOS_DIR = RESOURCES / "photos"
#: The photos' keys, in the order they are offered (each is ``<key>.png`` in `PHOTOS_DIR`).
SAMPLE_PHOTOS: tuple[str, ...] = ("cat", "astronaut", "coffee", "rocket")
#: The photo offered first.
DEFAULT_PHOTO = "cat"


def photo_path(key: str) -> Path:
    """The PNG file of the sample photo ``key``; ``KeyError`` naming the keys for another."""
    if key not in SAMPLE_PHOTOS:
        raise KeyError(f"no sample photo {key!r}; the photos are {', '.join(SAMPLE_PHOTOS)}")
    return PHOTOS_DIR / f"{key}.png"
