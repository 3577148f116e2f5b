"""IDX files: round trips and the errors a malformed file gives."""

import gzip

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis.extra import numpy as hnp

from explorer.data import read_idx, write_idx
from explorer.data.idx import encode_idx, parse_idx

DTYPES = [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["a.idx", "a.idx.gz"])
def test_round_trip_every_dtype(tmp_path, dtype, name):
    rng = np.random.default_rng(1)
    array = (rng.random((3, 4, 5)) * 100).astype(dtype)
    path = tmp_path / name
    write_idx(path, array)
    back = read_idx(path)
    assert back.dtype == np.dtype(dtype)
    assert back.dtype.isnative
    np.testing.assert_array_equal(back, array)
    assert (path.read_bytes()[:2] == b"\x1f\x8b") == name.endswith(".gz")


@settings(max_examples=30, deadline=None)
@given(hnp.arrays(np.uint8, hnp.array_shapes(min_dims=1, max_dims=4, max_side=6)))
def test_round_trip_any_shape(array):
    np.testing.assert_array_equal(parse_idx(encode_idx(array)), array)


def test_header_layout_matches_mnist():
    data = encode_idx(np.zeros((2, 28, 28), np.uint8))
    assert data[:4] == bytes([0, 0, 0x08, 3])
    assert data[4:16] == (2).to_bytes(4, "big") + (28).to_bytes(4, "big") + (28).to_bytes(4, "big")
    assert len(data) == 16 + 2 * 28 * 28


def test_gzip_is_detected_by_content_not_name(tmp_path):
    path = tmp_path / "labels-without-gz-suffix"
    path.write_bytes(gzip.compress(encode_idx(np.arange(7, dtype=np.uint8))))
    np.testing.assert_array_equal(read_idx(path), np.arange(7))


def test_truncated_data(tmp_path):
    path = tmp_path / "t.idx"
    path.write_bytes(encode_idx(np.zeros((4, 3), np.uint8))[:-2])
    with pytest.raises(ValueError, match="truncated.*needs 12 bytes.*has 10"):
        read_idx(path)


def test_truncated_header():
    with pytest.raises(ValueError, match="truncated header"):
        parse_idx(bytes([0, 0, 8, 3, 0, 0, 0, 1]))
    with pytest.raises(ValueError, match="truncated"):
        parse_idx(b"\x00\x00")


def test_truncated_gzip(tmp_path):
    path = tmp_path / "t.idx.gz"
    path.write_bytes(gzip.compress(encode_idx(np.zeros((50, 50), np.uint8)))[:-20])
    with pytest.raises(ValueError, match="gzip data is damaged or truncated"):
        read_idx(path)


def test_wrong_magic(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    with pytest.raises(ValueError, match="wrong magic number 89 50 4e 47: not an IDX file"):
        read_idx(path)


def test_unknown_type_code():
    with pytest.raises(ValueError, match="unknown IDX type code 0x07"):
        parse_idx(bytes([0, 0, 7, 1, 0, 0, 0, 0]))


def test_wrong_dimensions_trailing_bytes():
    data = encode_idx(np.zeros((2, 2), np.uint8)) + b"\x00\x00"
    with pytest.raises(ValueError, match="2 unexpected trailing bytes.*dimensions do not match"):
        parse_idx(data, "x.idx")


def test_absurd_sizes_are_reported_as_truncated_not_overflowed():
    header = bytes([0, 0, 8, 3]) + (2**32 - 1).to_bytes(4, "big") * 3
    with pytest.raises(ValueError, match="truncated"):
        parse_idx(header + bytes(10))


def test_zero_dimensions():
    with pytest.raises(ValueError, match="wrong dimensions"):
        parse_idx(bytes([0, 0, 8, 0]))


def test_writer_rejects_unstorable_dtype(tmp_path):
    with pytest.raises(ValueError, match="cannot store dtype uint16"):
        write_idx(tmp_path / "x.idx", np.zeros(3, np.uint16))
    with pytest.raises(ValueError, match="1 to 255 dimensions"):
        write_idx(tmp_path / "x.idx", np.float32(1.0))
    assert list(tmp_path.iterdir()) == []


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "x.idx.gz"
    write_idx(path, np.ones(5, np.uint8))
    write_idx(path, np.zeros(3, np.uint8))
    np.testing.assert_array_equal(read_idx(path), np.zeros(3))
    assert [p.name for p in tmp_path.iterdir()] == ["x.idx.gz"]


def _gzip_file(path, header_shape, payload_len):
    """A gzip IDX file whose header claims ``header_shape`` (uint8) over ``payload_len`` zeros."""
    header = bytes([0, 0, 8, len(header_shape)]) + b"".join(
        s.to_bytes(4, "big") for s in header_shape)
    path.write_bytes(gzip.compress(header + bytes(payload_len), compresslevel=1))
    return path


def test_a_header_claiming_a_billion_images_is_refused_before_decompressing(tmp_path):
    path = _gzip_file(tmp_path / "big.gz", (10**9, 28, 28), 1000)
    with pytest.raises(ValueError, match=r"big.gz: the header claims shape \(1000000000, 28, 28\)"
                                         r", 784,000,000,000 bytes of data, more than the "
                                         r"1,073,741,824 bytes"):
        read_idx(path)
    raw = tmp_path / "big.idx"
    raw.write_bytes(gzip.decompress(path.read_bytes()))
    with pytest.raises(ValueError, match="more than the 1,073,741,824 bytes"):
        read_idx(raw)


def test_a_claim_no_gzip_file_of_its_size_can_hold_is_refused_before_decompressing(tmp_path):
    path = _gzip_file(tmp_path / "claims.gz", (600_000, 28, 28), 100)  # 470 MB from ~150 bytes
    with pytest.raises(ValueError, match=r"truncated: shape \(600000, 28, 28\) needs "
                                         r"470,400,000 bytes of data, more than a gzip file of "
                                         r"\d+ bytes can hold"):
        read_idx(path)


def test_reading_stops_at_the_claimed_size(tmp_path):
    """A gzip file far longer than its header says: only the claim (and a megabyte to say how
    much is left over) is decompressed, not the whole 50 MB."""
    path = _gzip_file(tmp_path / "long.gz", (10, 28, 28), 50_000_000)
    with pytest.raises(ValueError, match=r"long.gz: more than 1,048,576 unexpected trailing "
                                         r"bytes after the data of shape \(10, 28, 28\)"):
        read_idx(path)
    short = _gzip_file(tmp_path / "short.gz", (10, 28, 28), 7000)
    with pytest.raises(ValueError, match=r"short.gz: truncated: shape \(10, 28, 28\) needs 7840 "
                                         r"bytes of data, the file has 7000"):
        read_idx(short)
    exact = _gzip_file(tmp_path / "exact.gz", (10, 28, 28), 7840)
    assert read_idx(exact).shape == (10, 28, 28)
