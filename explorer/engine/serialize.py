"""Model files: ``Model.save(path)`` and ``load_model(path)``.

A model file is a plain ``.npz`` (a zip of ``.npy`` arrays) that needs no pickle:

- ``__format__``: int array ``[FORMAT_VERSION]`` (required: a file without it is refused);
- ``__spec__``: the architecture spec (:attr:`Model.spec`) as UTF-8 JSON in a uint8 array;
- ``__metadata__``: :attr:`Model.metadata` as UTF-8 JSON in a uint8 array;
- ``param/<name>``: every parameter (``param/conv1.weight``, ...);
- ``buffer/<name>``: every buffer (BatchNorm running statistics).

Files are written atomically (``explorer._atomic``: a temporary file in the same folder, then
``os.replace``, with the permissions a plain ``open`` gives), so a crash never leaves half a
model behind, and read with ``allow_pickle=False``.
"""

from __future__ import annotations

import json
import math
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

import numpy as np

from explorer._atomic import atomic_write

from . import models
from .messages import MessageError, MessageFileNotFoundError, MessageIsADirectoryError, cause
from .models import _json_default, model_from_spec, planned_arrays

__all__ = ["FORMAT_VERSION", "save_model", "load_model", "load_default_model"]

FORMAT_VERSION = 1


def _json_bytes(obj, code: str) -> np.ndarray:
    """``obj`` as UTF-8 JSON bytes; a MessageError of ``code`` when it cannot be."""
    try:
        text = json.dumps(obj, default=_json_default, allow_nan=True)
    except (TypeError, ValueError) as exc:
        raise MessageError(code, str(exc)) from None
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def save_model(model, path) -> None:
    """Write ``model`` to ``path`` (an .npz file; the name is used as given), atomically."""
    path = Path(path)
    arrays = {
        "__format__": np.array([FORMAT_VERSION], dtype=np.int64),
        "__spec__": _json_bytes(model.spec, "model_spec_not_saved"),
        "__metadata__": _json_bytes(model.metadata, "model_metadata_not_saved"),
    }
    arrays.update({f"param/{k}": v for k, v in model.parameters().items()})
    arrays.update({f"buffer/{k}": v for k, v in model.buffers().items()})
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise MessageFileNotFoundError("model_save_no_folder", str(folder))
    with atomic_write(path, "wb") as fh:
        np.savez(fh, **arrays)


models.set_saver(save_model)  # Model.save delegates here (see explorer.engine.models)


#: How a zip archive (and so an .npz) begins: a local file header, or the end-of-directory
#: record of an empty archive.
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")

#: The most array data (uncompressed) a model file may hold: ~600 times the biggest built-in
#: model, and room for models.MAX_PARAMS float64 values. Checked from the headers, before any
#: array is read, so a small file that claims (or deflates to) gigabytes is refused at once.
MAX_ARRAY_BYTES = 1 << 30
#: The most bytes of JSON in ``__spec__`` and in ``__metadata__`` (a long training history
#: is ~100 KB).
MAX_JSON_BYTES = 16 << 20

#: What can go wrong while reading a zip entry's bytes (truncation, corruption, a compression
#: method or encryption zipfile does not support).
_ZIP_ERRORS = (ValueError, zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError,
               NotImplementedError, RuntimeError)


class _Entry(NamedTuple):
    """One ``.npy`` member of the archive, from its header only (nothing of its data read)."""

    info: zipfile.ZipInfo
    shape: tuple
    dtype: np.dtype
    nbytes: int


def _unreadable(path, exc) -> ValueError:
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        # zipfile's and zlib's own words ("File is not a zip file", "Error -3 while
        # decompressing data") are English: say it in a coded sentence instead
        exc = MessageError("model_zip_damaged")
    return MessageError("model_file_unreadable", str(path), cause(exc))


def _first_bytes(head: bytes) -> tuple[str, str]:
    """(message code, shown) saying what a file beginning with ``head`` is, in words for a
    person (no Python bytes literal such as ``b'garb'``): its first characters if they are
    plain text, else the bytes in hexadecimal."""
    if all(32 <= b < 127 or b in (9, 10, 13) for b in head):
        shown = head.decode("ascii").replace("\n", " ").replace("\r", " ").replace("\t", " ")
        return "model_file_is_text", shown.strip()
    return "model_file_is_bytes", head.hex(" ").upper()


def _check_signature(path: Path) -> None:
    """ValueError unless ``path`` begins like a zip archive (before zipfile or np.load, whose
    message would suggest loading with allow_pickle)."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head not in _ZIP_SIGNATURES:
        if head.startswith(b"\x93NUM"):
            raise MessageError("model_file_is_npy", str(path))
        if not head:
            raise MessageError("model_file_is_empty", str(path))
        code, shown = _first_bytes(head)
        raise MessageError(code, str(path), shown)


def _scan(zf: zipfile.ZipFile, path: Path) -> dict[str, _Entry]:
    """``{key: _Entry}`` for every member, from the ``.npy`` headers alone (a few hundred
    bytes each are decompressed). ValueError when a member is not an ``.npy`` array, holds
    objects, does not hold exactly the bytes its header claims, or when all of them together
    claim more than MAX_ARRAY_BYTES."""
    entries: dict[str, _Entry] = {}
    total = 0
    for info in zf.infolist():
        if not info.filename.endswith(".npy"):
            raise MessageError("model_member_not_npy", str(path), repr(info.filename))
        key = info.filename[:-4]
        if key in entries:
            raise MessageError("model_array_twice", str(path), key)
        try:
            with zf.open(info) as fh:
                version = np.lib.format.read_magic(fh)
                if version == (1, 0):
                    shape, _, dtype = np.lib.format.read_array_header_1_0(fh)
                elif version == (2, 0):
                    shape, _, dtype = np.lib.format.read_array_header_2_0(fh)
                else:
                    raise MessageError("model_npy_version", version)
                offset = fh.tell()
        except _ZIP_ERRORS as exc:
            raise MessageError("model_header_unreadable", str(path), key, cause(exc)) from None
        if dtype.hasobject:
            raise MessageError("model_array_objects", str(path), key, str(dtype))
        nbytes = math.prod(shape) * dtype.itemsize
        if info.file_size != offset + nbytes:
            raise MessageError("model_array_size_mismatch", str(path), key, tuple(shape),
                               str(dtype), f"{nbytes:,}", f"{info.file_size - offset:,}")
        total += nbytes
        if total > MAX_ARRAY_BYTES:
            raise MessageError("model_arrays_too_large", str(path), f"{MAX_ARRAY_BYTES:,}",
                               f"{total:,}", key)
        entries[key] = _Entry(info, tuple(shape), dtype, nbytes)
    return entries


def _read(zf: zipfile.ZipFile, entry: _Entry, path: Path) -> np.ndarray:
    """The array of one member already checked by _scan."""
    try:
        with zf.open(entry.info) as fh:
            return np.lib.format.read_array(fh, allow_pickle=False)
    except _ZIP_ERRORS as exc:
        raise _unreadable(path, exc) from None


def _json_entry(zf, entries, key, path):
    entry = entries.get(key)
    if entry is None:
        raise MessageError("model_entry_missing", str(path), key)
    if entry.dtype != np.uint8 or len(entry.shape) != 1:
        raise MessageError("model_json_wrong_array", str(path), key, str(entry.dtype),
                           entry.shape)
    if entry.nbytes > MAX_JSON_BYTES:
        raise MessageError("model_json_too_large", str(path), key, f"{entry.nbytes:,}",
                           f"{MAX_JSON_BYTES:,}")
    raw = _read(zf, entry, path).tobytes()
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # ValueError covers JSONDecodeError and integers of more than 4300 digits
        raise MessageError("model_json_invalid", str(path), key, type(exc).__name__,
                           str(exc)[:200]) from None


def _check_format(zf, entries, path) -> int:
    """The file's format version (an int); ValueError when it is absent, malformed or newer.

    Every file Model.save ever wrote has ``__format__``, so a file without it was not made by
    CNN Explorer (there is no older, unversioned format to accept)."""
    entry = entries.get("__format__")
    if entry is None:
        raise MessageError("model_file_no_format", str(path))
    size = math.prod(entry.shape)
    if size != 1 or entry.dtype.kind not in "iu":
        raise MessageError("model_format_not_one_integer", str(path), size, str(entry.dtype))
    version = int(_read(zf, entry, path).ravel()[0])
    if version > FORMAT_VERSION:
        raise MessageError("model_file_newer", str(path), version, FORMAT_VERSION)
    if version < 1:
        raise MessageError("model_format_too_old", str(path), version)
    return version


def _check_arrays(entries, planned, path) -> None:
    """The stored arrays' keys, shapes and dtypes (headers only) against ``planned``, the
    ``(parameters, buffers)`` shapes of :func:`planned_arrays`; ValueError at the first
    mismatch."""
    params, buffers = planned
    expected = {f"param/{k}": v for k, v in params.items()}
    expected.update({f"buffer/{k}": v for k, v in buffers.items()})
    stored = {k for k in entries if not k.startswith("__")}
    missing = sorted(set(expected) - stored)
    extra = sorted(stored - set(expected))
    if missing:
        raise MessageError("model_arrays_missing", str(path), ", ".join(missing))
    if extra:
        raise MessageError("model_arrays_unexpected", str(path), ", ".join(extra))
    for key, shape in expected.items():
        entry = entries[key]
        if entry.shape != shape:
            raise MessageError("model_array_wrong_shape", str(path), key[key.index("/") + 1:],
                               entry.shape, shape)
        if entry.dtype.kind != "f":
            raise MessageError("model_array_not_float", str(path), key, str(entry.dtype))


def _from_spec(build, path):
    """``build()`` (planning or building from the file's spec); every error of a malformed
    spec (ValueError, or TypeError, OverflowError, ... from a layer's arguments) becomes a
    ValueError naming the file."""
    try:
        return build()
    except ValueError as exc:
        raise MessageError("model_spec_unbuildable", str(path), cause(exc)) from None
    except (TypeError, OverflowError, KeyError, IndexError, AttributeError) as exc:
        raise MessageError("model_spec_malformed", str(path), type(exc).__name__,
                           str(exc)) from None


def load_model(path):
    """Read a model written by :meth:`Model.save` (or, for a name ending ``.onnx``, an ONNX
    file: :func:`explorer.engine.onnx_io.load_onnx`).

    Nothing big is read or allocated before it is checked: the archive's ``.npy`` headers
    (shapes, dtypes, sizes; at most MAX_ARRAY_BYTES in all), then the spec (against the limits
    of :mod:`explorer.engine.spec_limits`), then the stored shapes against those the spec
    plans; only then is the model built and its arrays read.

    Raises FileNotFoundError/OSError when the file cannot be opened (IsADirectoryError for a
    folder) and ValueError, naming the file and saying what is wrong, when it is not a zip
    archive, truncated or corrupt, lacks ``__format__`` or the spec, has a newer format, has a
    malformed or oversized spec (an unknown layer type, a non-integer or huge size, ...), or
    its arrays are missing, extra, of the wrong shape or not finite.
    """
    path = Path(path)
    if not path.exists():
        raise MessageFileNotFoundError("model_file_missing", str(path))
    if path.is_dir():
        raise MessageIsADirectoryError("model_file_is_folder", str(path))
    if path.suffix.lower() == ".onnx":
        from .onnx_io import load_onnx

        return load_onnx(path)
    _check_signature(path)
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        raise _unreadable(path, exc) from None
    with zf:
        entries = _scan(zf, path)
        _check_format(zf, entries, path)
        spec = _json_entry(zf, entries, "__spec__", path)
        metadata = (_json_entry(zf, entries, "__metadata__", path)
                    if "__metadata__" in entries else {})
        if not isinstance(spec, dict):
            raise MessageError("model_spec_not_object", str(path), type(spec).__name__)
        if not isinstance(metadata, dict):
            raise MessageError("model_metadata_not_object", str(path),
                               type(metadata).__name__)
        dtype = spec.get("dtype", "float32")
        if dtype not in ("float32", "float64"):
            raise MessageError("model_spec_dtype", str(path), repr(dtype))
        planned = _from_spec(lambda: planned_arrays(spec), path)
        _check_arrays(entries, planned, path)
        model = _from_spec(lambda: model_from_spec(spec, dtype=dtype, seed=0), path)
        for key, target in {**{f"param/{k}": v for k, v in model.parameters().items()},
                            **{f"buffer/{k}": v for k, v in model.buffers().items()}}.items():
            value = _read(zf, entries[key], path)
            if not np.all(np.isfinite(value)):
                raise MessageError("model_array_not_finite", str(path), key)
            target[...] = value
    model.metadata = metadata
    return model


def load_default_model():
    """The model shipped with the app (``explorer.paths.DEFAULT_MODEL``)."""
    from ..paths import DEFAULT_MODEL

    if not Path(DEFAULT_MODEL).exists():
        raise MessageFileNotFoundError("default_model_missing", str(DEFAULT_MODEL))
    return load_model(DEFAULT_MODEL)
