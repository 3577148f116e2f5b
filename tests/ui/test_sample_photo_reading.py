"""The sample colour photos read as the network's input: 96x96 RGB scaled and cropped to any
size, in colour or grey, each call a copy."""

from __future__ import annotations

import numpy as np

from explorer.data.sample_photos import SAMPLE_PHOTOS


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
