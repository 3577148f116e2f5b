"""One image as the panels hold it and as a model takes it, grey or colour (Qt-free).

The panels keep an input image as a float32 array in [0, 1]: ``(H, W)`` grey or ``(H, W, 3)``
colour (RGB, channel-last, as image files and the colour data sets store pixels). A model takes
``(N, C, H, W)``. These helpers convert between the two and say whether an image fits a model's
declared input ``(C, H, W)``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["input_batch", "image_chw", "fits_input", "from_chw", "channel_planes"]


def image_chw(image) -> tuple[int, int, int]:
    """``(C, H, W)`` of an ``(H, W)`` or ``(H, W, 3)`` image."""
    shape = np.shape(image)
    if len(shape) == 2:
        return (1, shape[0], shape[1])
    if len(shape) == 3 and shape[2] == 3:
        return (3, shape[0], shape[1])
    raise ValueError(f"an image must have shape (H, W) or (H, W, 3), got {shape}")


def input_batch(image) -> np.ndarray:
    """``(1, C, H, W)`` float32 (a contiguous copy) of an ``(H, W)`` or ``(H, W, 3)`` image."""
    image = np.asarray(image, dtype=np.float32)
    image_chw(image)   # checks the shape
    if image.ndim == 2:
        return image[None, None].copy()
    return np.ascontiguousarray(image.transpose(2, 0, 1)[None])


def from_chw(x) -> np.ndarray:
    """A model's input ``(C, H, W)`` as the panels show it: ``(H, W)`` for one channel,
    ``(H, W, 3)`` for three; any other channel count gives the channel mean ``(H, W)``."""
    x = np.asarray(x)
    if x.shape[0] == 1:
        return x[0]
    if x.shape[0] == 3:
        return np.ascontiguousarray(x.transpose(1, 2, 0))
    return x.mean(axis=0)


def fits_input(image, input_shape) -> bool:
    """Whether ``image`` has the model's declared input ``(C, H, W)``."""
    try:
        return tuple(image_chw(image)) == tuple(int(s) for s in input_shape)
    except ValueError:
        return False


def channel_planes(image) -> list[np.ndarray]:
    """The channels of an image as 2-D planes: one for grey, R, G and B for colour."""
    image = np.asarray(image)
    if image.ndim == 2:
        return [image]
    return [np.ascontiguousarray(image[..., c]) for c in range(image.shape[2])]
