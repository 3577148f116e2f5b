"""The colour set made here from the MNIST subset: real digits, random colours, reproducible."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.data import available_datasets, load_builtin, load_dataset
from explorer.data.colour_mnist import COLOUR_MNIST_NAME, MIN_CONTRAST, NOISE, colourise


@pytest.fixture(scope="module")
def colour():
    return load_dataset(COLOUR_MNIST_NAME)


def test_it_is_listed_and_has_the_subsets_split_and_labels(colour):
    assert COLOUR_MNIST_NAME in available_datasets()
    grey = load_builtin()
    assert colour.is_colour and colour.input_shape == (3, 32, 32)
    assert colour.train_images.shape == (3000, 32, 32, 3)
    assert colour.test_images.shape == (1000, 32, 32, 3)
    np.testing.assert_array_equal(colour.train_labels, grey.train_labels)
    np.testing.assert_array_equal(colour.test_labels, grey.test_labels)
    assert "MNIST" in colour.attribution and "Not photos" in colour.attribution


def test_the_images_are_the_same_every_time(colour):
    again = load_dataset(COLOUR_MNIST_NAME)
    np.testing.assert_array_equal(again.train_images, colour.train_images)
    np.testing.assert_array_equal(again.test_images, colour.test_images)


def test_each_digit_is_drawn_in_one_colour_on_another():
    grey = np.zeros((2, 28, 28), np.uint8)
    grey[:, 10:18, 12:16] = 255                     # a bar of full ink
    out = colourise(grey, np.random.default_rng(0))
    assert out.shape == (2, 32, 32, 3) and out.dtype == np.uint8
    for image in out.astype(float):
        ink = image[12:20, 14:18].reshape(-1, 3)      # shifted by the 2-pixel padding
        paper = image[:8, :8].reshape(-1, 3)
        assert np.ptp(ink, axis=0).max() <= 2 * NOISE + 1   # one colour plus the noise
        assert np.ptp(paper, axis=0).max() <= 2 * NOISE + 1
        gap = np.linalg.norm(ink.mean(0) - paper.mean(0))
        assert gap >= MIN_CONTRAST - 2 * NOISE
    # the two images got different colours
    assert np.abs(out[0, 0, 0].astype(int) - out[1, 0, 0].astype(int)).max() > 2 * NOISE


def test_colours_do_not_give_the_label_away(colour):
    """Mean colour per class is about the same: only the shape tells the digits apart."""
    means = np.array([colour.train_images[colour.train_labels == k].mean(axis=(0, 1, 2))
                      for k in range(10)])
    assert np.ptp(means, axis=0).max() < 20      # out of 255


def test_training_refuses_a_model_or_augmentation_that_does_not_fit_colour(colour):
    from explorer.engine import build_model
    from explorer.training import Trainer, TrainConfig

    with pytest.raises(ValueError, match="lenet5 takes 1x28x28 images but the data set "
                                         "colour-mnist has 3x32x32"):
        Trainer(build_model("lenet5"), colour, TrainConfig(model="lenet5"))
    with pytest.raises(ValueError, match="switch it off"):
        Trainer(build_model("tiny_vgg"), colour, TrainConfig(model="tiny_vgg", augment=True))


def test_tiny_vgg_takes_colour_batches_and_its_loss_falls(colour):
    """Forty batches of the colour set: the loss falls (the full run is in the closing note)."""
    from explorer.engine import build_model
    from explorer.training import Trainer, TrainConfig

    cfg = TrainConfig(model="tiny_vgg", epochs=1, batch_size=32, lr=0.003, train_limit=1280,
                      eval_each_epoch=False)
    trainer = Trainer(build_model("tiny_vgg", seed=0), colour, cfg)
    for _ in range(39):    # every batch but the last (which would evaluate)
        trainer.step_once()
    losses = trainer.history["batch_loss"]
    assert len(losses) == 39
    assert np.mean(losses[-8:]) < np.mean(losses[:8]) - 0.1
