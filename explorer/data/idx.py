"""Read and write IDX files, the format MNIST and Fashion-MNIST are distributed in.

An IDX file is a 4-byte magic number ``00 00 TYPE NDIM``, then NDIM big-endian uint32 sizes,
then the values in C order, big-endian. Files may be gzip-compressed: the reader looks at the
first two bytes (``1f 8b``), not at the name; the writer compresses when the name ends ``.gz``.

Every malformed file raises ``ValueError`` naming the file and what is wrong with it (not an
IDX file, unknown type code, truncated header or data, trailing bytes).
"""

from __future__ import annotations

import gzip
import math
import os
import zlib
from pathlib import Path

import numpy as np

from explorer._atomic import atomic_write
from explorer.data.messages import coded

__all__ = ["IDX_DTYPES", "read_idx", "parse_idx", "write_idx", "encode_idx"]

#: IDX type code -> NumPy dtype (big-endian, as stored in the file).
IDX_DTYPES: dict[int, np.dtype] = {
    0x08: np.dtype("u1"),
    0x09: np.dtype("i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_GZIP_MAGIC = b"\x1f\x8b"


#: The most data bytes an IDX file may claim: 1 GiB (MNIST's training images are 47 MB,
#: EMNIST's biggest split 0.55 GB). A header claiming more is refused before anything is read.
MAX_IDX_BYTES = 1 << 30
#: Deflate never compresses better than about 1032:1, so a gzip file of n bytes cannot hold
#: more than this many times n bytes (plus a little): a bound on a header's claim known
#: before decompressing anything.
_MAX_DEFLATE_RATIO = 1032
_CHUNK = 1 << 20


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file (raw or gzip) into an array in native byte order.

    Returns an ndarray of the file's shape, e.g. ``(N, 28, 28) uint8`` for MNIST images or
    ``(N,) uint8`` for labels. Raises ``OSError`` when the file cannot be read and ``ValueError``
    when it is not a well-formed IDX file.

    The header is read and checked first: the size it claims must be at most MAX_IDX_BYTES
    and fit the file (its length, or for gzip what that length can decompress to); then
    exactly the claimed bytes are read (decompressed) into the array, and a file longer or
    shorter than its header says is a ValueError. Nothing beyond the claim is decompressed.
    """
    path = Path(path)
    size = path.stat().st_size
    with open(path, "rb") as raw:
        gz = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        if not gz:
            return _read_stream(raw, str(path), size)
        try:
            with gzip.GzipFile(fileobj=raw, mode="rb") as fh:
                return _read_stream(fh, str(path), None, compressed=size)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise coded(ValueError, "idx_gzip_damaged", path, str(exc)) from None


def _read_exactly(fh, n: int) -> bytes:
    out = b""
    while len(out) < n:
        part = fh.read(n - len(out))
        if not part:
            break
        out += part
    return out


def _read_stream(fh, source: str, size: int | None, compressed: int | None = None) -> np.ndarray:
    """The array of the IDX file open as ``fh`` (raw bytes, positioned at its start).
    ``size`` is the whole file's length in bytes when known (raw files), ``compressed`` the
    gzip file's length (bounds what it can decompress to)."""
    head = _read_exactly(fh, 4)
    ndim = head[3] if len(head) == 4 else 0
    head += _read_exactly(fh, 4 * ndim)
    shape, dtype, header_len = _parse_header(head, source)
    expected = math.prod(shape) * dtype.itemsize
    if expected > MAX_IDX_BYTES:
        raise coded(ValueError, "idx_too_large", source, shape, f"{expected:,}",
                    f"{MAX_IDX_BYTES:,}")
    if size is not None:
        _check_length(source, shape, expected, size - header_len)
    if compressed is not None and expected > _MAX_DEFLATE_RATIO * compressed + _CHUNK:
        raise coded(ValueError, "idx_gzip_too_short", source, shape, f"{expected:,}",
                    f"{compressed:,}")
    data = np.empty(expected, dtype=np.uint8)
    view, done = memoryview(data), 0
    while done < expected:
        n = fh.readinto(view[done : done + _CHUNK])
        if not n:
            break
        done += n
    if done < expected:
        _check_length(source, shape, expected, done)
    if fh.read(1):
        rest = 1 + len(fh.read(_CHUNK))  # how much more, up to a megabyte: for the message
        if rest <= _CHUNK:
            raise coded(ValueError, "idx_trailing_bytes", source, rest, shape)
        raise coded(ValueError, "idx_trailing_bytes_many", source, f"{_CHUNK:,}", shape)
    return data.view(dtype).reshape(shape).astype(dtype.newbyteorder("="), copy=False)


def _check_length(source, shape, expected, actual) -> None:
    if actual < expected:
        raise coded(ValueError, "idx_truncated", source, shape, expected, actual)
    if actual > expected:
        raise coded(ValueError, "idx_trailing_bytes", source, actual - expected, shape)


def _parse_header(data: bytes, source: str):
    """``(shape, dtype, header_len)`` from the first bytes of an IDX file; ValueError when
    they are not a complete, valid header."""
    if len(data) < 4:
        raise coded(ValueError, "idx_header_too_short", source, len(data))
    if data[0] != 0 or data[1] != 0:
        raise coded(ValueError, "idx_wrong_magic", source, data[:4].hex(" "))
    code, ndim = data[2], data[3]
    if code not in IDX_DTYPES:
        known = ", ".join(f"0x{c:02X}" for c in IDX_DTYPES)
        raise coded(ValueError, "idx_unknown_type", source, f"0x{code:02X}", known)
    if ndim == 0:
        raise coded(ValueError, "idx_zero_dimensions", source)
    header_len = 4 + 4 * ndim
    if len(data) < header_len:
        raise coded(ValueError, "idx_header_truncated", source, ndim, header_len, len(data))
    shape = tuple(int(s) for s in np.frombuffer(data, dtype=">u4", count=ndim, offset=4))
    return shape, IDX_DTYPES[code], header_len


def parse_idx(data: bytes, source: str = "IDX data") -> np.ndarray:
    """Decode the bytes of an uncompressed IDX file; ``source`` names it in error messages."""
    shape, dtype, header_len = _parse_header(data, source)
    expected = math.prod(shape) * dtype.itemsize  # Python ints: no overflow on bogus sizes
    _check_length(source, shape, expected, len(data) - header_len)
    values = np.frombuffer(data, dtype=dtype, offset=header_len).reshape(shape)
    return values.astype(dtype.newbyteorder("="), copy=True)


def encode_idx(array: np.ndarray) -> bytes:
    """The bytes of an uncompressed IDX file holding ``array`` (any shape, 1 to 255 dims)."""
    array = np.asarray(array)
    if array.ndim == 0 or array.ndim > 255:
        raise ValueError(f"IDX stores 1 to 255 dimensions, got an array of {array.ndim}")
    for code, dtype in IDX_DTYPES.items():  # noqa: B007  (code is used after the loop)
        if array.dtype.kind == dtype.kind and array.dtype.itemsize == dtype.itemsize:
            break
    else:
        names = ", ".join(str(d.newbyteorder("=")) for d in IDX_DTYPES.values())
        raise ValueError(f"IDX cannot store dtype {array.dtype} (it stores {names})")
    if any(s >= 2**32 for s in array.shape):
        raise ValueError(f"IDX sizes are uint32: shape {array.shape} is too large")
    header = bytes([0, 0, code, array.ndim]) + np.asarray(array.shape, dtype=">u4").tobytes()
    return header + np.ascontiguousarray(array, dtype=dtype).tobytes()


def write_idx(path: str | os.PathLike, array: np.ndarray) -> None:
    """Write ``array`` as an IDX file, gzip-compressed when the name ends ``.gz``.

    The write is atomic: a temporary file in the same folder is renamed over ``path``, so a
    crash never leaves a half-written file behind.
    """
    path = Path(path)
    data = encode_idx(array)
    if path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    with atomic_write(path, "wb") as f:
        f.write(data)
