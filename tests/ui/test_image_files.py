"""Reading pictures for the Kernel lab (explorer/ui/image_files.py)."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from PySide6.QtGui import QImage

from explorer.ui.image_files import MAX_PIXELS, load_grey_image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header (IHDR) claims ``width`` x ``height`` 8-bit grey pixels (its
    data is a few rows only: what matters is that the header is read first)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(bytes(width + 1) * 4)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", rows)
            + _chunk(b"IEND", b""))


def test_a_huge_png_is_refused_from_its_header_with_its_size_and_the_limit(qapp, tmp_path):
    path = tmp_path / "huge.png"
    path.write_bytes(png_claiming(20000, 20000))
    with pytest.raises(ValueError) as info:
        load_grey_image(path)
    message = str(info.value)
    assert message.startswith("huge.png is 20000x20000 pixels, too large to open: the limit is "
                              f"{MAX_PIXELS // 1_000_000} million pixels")
    assert "PNG or JPEG" not in message


def test_a_big_picture_under_the_limit_is_scaled_down(qapp, tmp_path):
    path = tmp_path / "wide.png"
    image = QImage(2000, 1000, QImage.Format.Format_Grayscale8)
    image.fill(200)
    assert image.save(str(path))
    grey = load_grey_image(path)
    assert grey.pixels.shape == (256, 512) and grey.original_size == (2000, 1000)
    np.testing.assert_allclose(grey.pixels, 200 / 255, atol=1e-6)
    assert "scaled down to 512x256" in grey.note


def test_every_message_is_a_translated_sentence_filled_with_its_values(qapp, tmp_path):
    """Issue 11: the messages are whole translated sentences with ``%1``.. filled by `fill`
    (under the pseudo-translation each comes back wrapped whole, with the values inside)."""
    from tests.ui.pseudo_translation import pseudo_language

    missing = tmp_path / "missing.png"
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    wide = tmp_path / "wide.png"
    image = QImage(1000, 600, QImage.Format.Format_Grayscale8)
    image.fill(10)
    assert image.save(str(wide))
    with pseudo_language(qapp):
        with pytest.raises(ValueError) as info:
            load_grey_image(missing)
        assert str(info.value) == f"⟦{missing} does not exist or is not a file.⟧"
        with pytest.raises(ValueError) as info:
            load_grey_image(broken)
        # Qt's own reason ("Unsupported image format") is English: our sentence replaces it
        assert str(info.value) == ("⟦Could not read broken.png: it is not in a picture format "
                                   "CNN Explorer can open. Open a PNG or JPEG file.⟧")
        note = load_grey_image(wide).note
        assert note == ("⟦wide.png is 1000x600 pixels; it was scaled down to 512x307 so "
                        "filtering stays interactive.⟧")


def test_a_truncated_picture_and_every_reader_error_have_their_own_sentence(qapp, tmp_path):
    from PySide6.QtGui import QImageReader

    from explorer.ui.image_files import read_error_text

    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(0)
    whole = tmp_path / "whole.png"
    assert image.save(str(whole))
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[:40])
    with pytest.raises(ValueError, match="cut.png: its picture data is damaged or incomplete"):
        load_grey_image(cut)
    errors = list(QImageReader.ImageReaderError.__members__.values())
    texts = {read_error_text(error, "p.png") for error in errors}
    assert len(texts) == len(errors)         # one sentence per reason
    assert all("p.png" in text and "%1" not in text for text in texts)


def test_a_picture_error_says_it_again_in_the_new_language(qapp, tmp_path):
    from tests.ui.pseudo_translation import CLOSE, OPEN, pseudo_language

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    with pytest.raises(ValueError) as info:
        load_grey_image(broken)
    english = str(info.value)
    assert english.startswith("Could not read broken.png: it is not in a picture format")
    with pseudo_language(qapp):          # raised before the switch, shown after it
        assert str(info.value) == f"{OPEN}{english}{CLOSE}"
    assert str(info.value) == english
