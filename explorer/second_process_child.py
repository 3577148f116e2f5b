"""The child side of :mod:`explorer.second_process`: reads jobs from stdin, computes, answers.

Started as ``python -m explorer.second_process_child BELL SPIN`` by
:class:`explorer.second_process.SecondProcess`, never by hand: BELL is the path of the parent's
shared page of counters, polled for up to SPIN seconds after each answer before the next read
blocks (``_Bell``). It builds models from the spec the parent sends and copies the weights sent
with every job; it reads no user file. It ends when its stdin closes, or when its answer finds
the pipe closed. Qt-free.
"""

from __future__ import annotations

import json
import os
import sys

import numpy as np

from explorer.data.augment import AugmentParams, augment_batch
from explorer.engine.models import model_from_spec
from explorer.second_process import _Bell, _read_msg, _Scratch, _write_msg


class _Child:
    def __init__(self):
        self.maps: dict[tuple[str, int], _Scratch] = {}  # by (in/out, slot): the file in use
        self.models: dict[int, object] = {}

    def scratch(self, which: str, slot: int, path: str, size: int, serial: int) -> _Scratch:
        m = self.maps.get((which, slot))
        if m is None or m.serial != serial:  # a new file (the parent grew this slot's)
            if m is not None:
                m.close()
            m = self.maps[(which, slot)] = _Scratch(size, path)
            m.serial = serial
        return m

    def run(self, header: dict) -> dict:
        # [path, size, serial, layout, plan id, slot]: views are kept per file and plan
        (ipath, isize, iserial, ilayout, iplan, islot) = header["in"]
        (opath, osize, oserial, olayout, oplan, oslot) = header["out"]
        src = self.scratch("in", islot, ipath, isize, iserial)
        dst = self.scratch("out", oslot, opath, osize, oserial)
        inputs, outputs = src.views(iplan, ilayout), dst.views(oplan, olayout)
        job = getattr(self, "job_" + header["kind"], None)
        if job is None:
            raise ValueError(f"no job {header['kind']!r}")
        return job(header["meta"], inputs, outputs) or {}

    def job_gradients(self, meta, inputs, outputs):
        model = self.models.get(meta["model"])
        if model is None:
            if meta.get("spec") is None:
                raise ValueError(f"model {meta['model']} is unknown here: its spec never came")
            model = self.models[meta["model"]] = model_from_spec(
                json.loads(meta["spec"]), dtype=np.dtype(meta["dtype"]), seed=0)
        model.fast = bool(meta["fast"])
        for layer in model.layers:
            for key, value in layer.params.items():
                np.copyto(value, inputs[f"w:{layer.name}.{key}"])
        loss, grads, probs = model._gradients(inputs["x"], inputs["labels"],
                                              bool(meta["training"]))
        for key, g in grads.items():
            np.copyto(outputs["g:" + key], g)
        np.copyto(outputs["probs"], probs)
        return {"loss": float(loss)}

    def job_augment(self, meta, inputs, outputs):
        params = AugmentParams(**{k: tuple(v) if isinstance(v, list) else v
                                  for k, v in meta["params"].items()})
        rng = np.random.default_rng([int(v) for v in meta["seed"]])
        np.copyto(outputs["out"], augment_batch(inputs["images"], rng, params))

    def job_ping(self, meta, inputs, outputs):
        return {"pid": os.getpid(), "qt": any(m.startswith("PySide") for m in sys.modules)}


def _serve(bell: _Bell | None) -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol
    child = _Child()
    jobs = 0
    while True:
        if bell is not None:  # poll a while for the next job before blocking on the pipe
            bell.wait_above(_Bell.SENT, jobs)
        header = _read_msg(stdin)
        if header is None:
            return
        jobs += 1
        try:
            answer = {"ok": True, "meta": child.run(header)}
        except Exception as e:  # noqa: BLE001 - any failure goes back to the parent as text
            answer = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        try:
            _write_msg(stdout, answer)
        except OSError:  # the parent closed the pipe (it quit mid-job): nobody to answer
            return
        if bell is not None:
            bell.count[_Bell.ANSWERED] = jobs


def _bell(argv) -> _Bell | None:
    """The parent's bell (its path and the seconds to poll, in argv), or None: then every
    read blocks at once (a bell is only a hint)."""
    try:
        return _Bell(float(argv[1]), argv[0])
    except (IndexError, ValueError, OSError):
        return None


if __name__ == "__main__":
    _serve(_bell(sys.argv[1:]))
