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
import zipfile
import zlib
from pathlib import Path

import numpy as np

from explorer._atomic import atomic_write

__all__ = ["FORMAT_VERSION", "save_model", "load_model", "load_default_model"]

FORMAT_VERSION = 1


def _json_bytes(obj, what: str) -> np.ndarray:
    from .models import _json_default

    try:
        text = json.dumps(obj, default=_json_default, allow_nan=True)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the model's {what} cannot be saved as JSON: {exc}") from None
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def save_model(model, path) -> None:
    """Write ``model`` to ``path`` (an .npz file; the name is used as given), atomically."""
    path = Path(path)
    arrays = {
        "__format__": np.array([FORMAT_VERSION], dtype=np.int64),
        "__spec__": _json_bytes(model.spec, "spec"),
        "__metadata__": _json_bytes(model.metadata, "metadata"),
    }
    arrays.update({f"param/{k}": v for k, v in model.parameters().items()})
    arrays.update({f"buffer/{k}": v for k, v in model.buffers().items()})
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"cannot save the model: folder {folder} does not exist")
    with atomic_write(path, "wb") as fh:
        np.savez(fh, **arrays)


#: How a zip archive (and so an .npz) begins: a local file header, or the end-of-directory
#: record of an empty archive.
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    """Every array of the .npz at ``path``; ValueError if it is not a readable npz."""
    with open(path, "rb") as fh:  # our own handle: closed even when np.load fails
        head = fh.read(4)
        if head not in _ZIP_SIGNATURES:
            # Checked before np.load, whose message would suggest loading with allow_pickle.
            what = ("a single NumPy array (.npy)" if head.startswith(b"\x93NUM")
                    else "an empty file" if not head else f"a file starting with {head!r}")
            raise ValueError(
                f"{path} is not a CNN Explorer model file (.npz, a zip archive): it is {what}; "
                "choose a file written by Model.save or `python main.py train --out`"
            )
        fh.seek(0)
        try:
            npz = np.load(fh, allow_pickle=False)
            if not isinstance(npz, np.lib.npyio.NpzFile):
                raise ValueError("it holds a single array, not a model archive")
            with npz:
                return {name: npz[name] for name in npz.files}
        except (ValueError, zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
            raise ValueError(
                f"{path} is not a readable model file (truncated or not an .npz made by "
                f"Model.save): {exc}"
            ) from None


def _json_array(arrays, key, path):
    if key not in arrays:
        raise ValueError(f"{path} has no {key} entry: it was not written by Model.save")
    arr = arrays[key]
    if arr.dtype != np.uint8 or arr.ndim != 1:
        raise ValueError(
            f"{path}: {key} must be a 1-D uint8 array of JSON, got {arr.dtype} {arr.shape}"
        )
    try:
        return json.loads(arr.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: {key} is not valid JSON ({exc})") from None


def _check_format(arrays, path) -> int:
    """The file's format version (an int); ValueError when it is absent, malformed or newer.

    Every file Model.save ever wrote has ``__format__``, so a file without it was not made by
    CNN Explorer (there is no older, unversioned format to accept)."""
    fmt = arrays.get("__format__")
    if fmt is None:
        raise ValueError(
            f"{path} has no __format__ entry: it is an .npz archive but not a CNN Explorer "
            "model file (Model.save always writes one)"
        )
    if fmt.size != 1 or fmt.dtype.kind not in "iu":
        raise ValueError(
            f"{path}: __format__ must be one integer, got {fmt.size} value(s) of dtype "
            f"{fmt.dtype}"
        )
    version = int(fmt.ravel()[0])
    if version > FORMAT_VERSION:
        raise ValueError(
            f"{path} uses model file format {version}, newer than the format {FORMAT_VERSION} "
            "this version of CNN Explorer reads; update the program"
        )
    if version < 1:
        raise ValueError(f"{path}: model file format {version} does not exist (formats start at 1)")
    return version


def load_model(path):
    """Read a model written by :meth:`Model.save` (or, for a name ending ``.onnx``, an ONNX
    file: :func:`explorer.engine.onnx_io.load_onnx`).

    Raises FileNotFoundError/OSError when the file cannot be opened (IsADirectoryError for a
    folder) and ValueError, saying what is wrong, when it is not a zip archive, truncated or
    corrupt, lacks ``__format__`` or the spec, has a newer format, names an unknown layer type,
    or its arrays are missing, extra, of the wrong shape or not finite.
    """
    from .models import model_from_spec

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"model file {path} does not exist")
    if path.is_dir():
        raise IsADirectoryError(
            f"{path} is a folder, not a model file: give the path of an .npz file"
        )
    if path.suffix.lower() == ".onnx":
        from .onnx_io import load_onnx

        return load_onnx(path)
    arrays = _read_arrays(path)
    _check_format(arrays, path)
    spec = _json_array(arrays, "__spec__", path)
    metadata = _json_array(arrays, "__metadata__", path) if "__metadata__" in arrays else {}
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: the spec must be a JSON object, got {type(spec).__name__}")
    dtype = spec.get("dtype", "float32")
    if dtype not in ("float32", "float64"):
        raise ValueError(f"{path}: unsupported dtype {dtype!r} in the spec")
    try:
        model = model_from_spec(spec, dtype=dtype, seed=0)
    except ValueError as exc:
        raise ValueError(f"{path}: the architecture cannot be built: {exc}") from None
    expected = {f"param/{k}": v for k, v in model.parameters().items()}
    expected.update({f"buffer/{k}": v for k, v in model.buffers().items()})
    stored = {k for k in arrays if not k.startswith("__")}
    missing = sorted(set(expected) - stored)
    extra = sorted(stored - set(expected))
    if missing:
        raise ValueError(f"{path}: arrays missing for {', '.join(missing)}")
    if extra:
        raise ValueError(f"{path}: unexpected arrays {', '.join(extra)} (not in the architecture)")
    for key, target in expected.items():
        value = arrays[key]
        if value.shape != target.shape:
            raise ValueError(
                f"{path}: {key[key.index('/') + 1:]} has shape {value.shape} in the file but the "
                f"architecture needs {target.shape}"
            )
        if not np.issubdtype(value.dtype, np.floating):
            raise ValueError(f"{path}: {key} has dtype {value.dtype}, expected floats")
        if not np.all(np.isfinite(value)):
            raise ValueError(f"{path}: {key} contains NaN or infinite values (a diverged model?)")
        target[...] = value
    if not isinstance(metadata, dict):
        raise ValueError(f"{path}: metadata must be a JSON object, got {type(metadata).__name__}")
    model.metadata = metadata
    return model


def load_default_model():
    """The model shipped with the app (``explorer.paths.DEFAULT_MODEL``)."""
    from ..paths import DEFAULT_MODEL

    if not Path(DEFAULT_MODEL).exists():
        raise FileNotFoundError(
            f"the default model {DEFAULT_MODEL} has not been trained yet; produce it with "
            "`python main.py train --model lenet5 --out resources/models/default.npz`"
        )
    return load_model(DEFAULT_MODEL)
