"""The sample colour photos for the panels: their names in the user's language and their pixels
fitted to a network's input (decoded with Qt; the list itself is `explorer.data.sample_photos`).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from explorer.data.sample_photos import SAMPLE_PHOTOS, photo_path
from explorer.ui.image_files import load_fitted_picture

__all__ = ["SAMPLE_PHOTOS", "load_sample_photo", "photo_credit", "photo_title"]

#: key: (title, credit), translated in the "SamplePhotos" context.
_TEXTS = {
    "cat": (QT_TRANSLATE_NOOP("SamplePhotos", "Cat"),
            QT_TRANSLATE_NOOP("SamplePhotos", "Chelsea the cat. Photo: Stefan van der Walt, "
                                              "CC0 (from scikit-image's sample data).")),
    "astronaut": (QT_TRANSLATE_NOOP("SamplePhotos", "Astronaut"),
                  QT_TRANSLATE_NOOP("SamplePhotos", "Eileen Collins, NASA astronaut. Photo: "
                                                    "NASA, public domain (from scikit-image's "
                                                    "sample data).")),
    "coffee": (QT_TRANSLATE_NOOP("SamplePhotos", "Coffee"),
               QT_TRANSLATE_NOOP("SamplePhotos", "A cup of coffee. Photo: Rachel Michetti, CC0 "
                                                 "(from scikit-image's sample data).")),
    "rocket": (QT_TRANSLATE_NOOP("SamplePhotos", "Rocket launch"),
               QT_TRANSLATE_NOOP("SamplePhotos", "DSCOVR's launch on a Falcon 9. Photo: SpaceX, "
                                                 "public domain (from scikit-image's sample "
                                                 "data).")),
}


def photo_title(key: str) -> str:
    """The photo's short name in the current language."""
    return QCoreApplication.translate("SamplePhotos", _TEXTS[key][0])


def photo_credit(key: str) -> str:
    """What the photo shows, who took it and its licence, in the current language."""
    return QCoreApplication.translate("SamplePhotos", _TEXTS[key][1])


@lru_cache(maxsize=32)
def _fitted(key: str, channels: int, height: int, width: int) -> np.ndarray:
    image = load_fitted_picture(photo_path(key), channels, height, width)
    image.setflags(write=False)
    return image


def load_sample_photo(key: str, channels: int, height: int, width: int) -> np.ndarray:
    """The sample photo ``key`` scaled and centre-cropped to ``height`` x ``width``:
    ``(H, W, 3)`` for ``channels`` 3, ``(H, W)`` grey for 1, float32 in [0, 1] (a copy).
    Raises ``ValueError`` saying what went wrong (a missing file, another channel count)."""
    return _fitted(key, int(channels), int(height), int(width)).copy()
