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


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file (raw or gzip) into an array in native byte order.

    Returns an ndarray of the file's shape, e.g. ``(N, 28, 28) uint8`` for MNIST images or
    ``(N,) uint8`` for labels. Raises ``OSError`` when the file cannot be read and ``ValueError``
    when it is not a well-formed IDX file.
    """
    path = Path(path)
    raw = path.read_bytes()
    if raw[:2] == _GZIP_MAGIC:
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as exc:
            raise ValueError(
                f"{path}: the gzip data is damaged or truncated ({exc}); download the file again"
            ) from None
    return parse_idx(raw, source=str(path))


def parse_idx(data: bytes, source: str = "IDX data") -> np.ndarray:
    """Decode the bytes of an uncompressed IDX file; ``source`` names it in error messages."""
    if len(data) < 4:
        raise ValueError(f"{source}: truncated: {len(data)} bytes, too short for an IDX header")
    if data[0] != 0 or data[1] != 0:
        raise ValueError(
            f"{source}: wrong magic number {data[:4].hex(' ')}: not an IDX file "
            "(IDX files start with 00 00 TYPE NDIM)"
        )
    code, ndim = data[2], data[3]
    if code not in IDX_DTYPES:
        known = ", ".join(f"0x{c:02X}" for c in IDX_DTYPES)
        raise ValueError(f"{source}: unknown IDX type code 0x{code:02X} (known: {known})")
    if ndim == 0:
        raise ValueError(f"{source}: wrong dimensions: the header declares 0 dimensions")
    header_len = 4 + 4 * ndim
    if len(data) < header_len:
        raise ValueError(
            f"{source}: truncated header: {ndim} dimensions need {header_len} bytes, "
            f"the file has {len(data)}"
        )
    shape = tuple(int(s) for s in np.frombuffer(data, dtype=">u4", count=ndim, offset=4))
    dtype = IDX_DTYPES[code]
    expected = math.prod(shape) * dtype.itemsize  # Python ints: no overflow on bogus sizes
    actual = len(data) - header_len
    if actual < expected:
        raise ValueError(
            f"{source}: truncated: shape {shape} needs {expected} bytes of data, "
            f"the file has {actual}"
        )
    if actual > expected:
        raise ValueError(
            f"{source}: {actual - expected} unexpected trailing bytes after the data of "
            f"shape {shape}: the header's dimensions do not match the file length"
        )
    values = np.frombuffer(data, dtype=dtype, offset=header_len).reshape(shape)
    return values.astype(dtype.newbyteorder("="), copy=True)


def encode_idx(array: np.ndarray) -> bytes:
    """The bytes of an uncompressed IDX file holding ``array`` (any shape, 1 to 255 dims)."""
    array = np.asarray(array)
    if array.ndim == 0 or array.ndim > 255:
        raise ValueError(f"IDX stores 1 to 255 dimensions, got an array of {array.ndim}")
    for code, dtype in IDX_DTYPES.items():
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
