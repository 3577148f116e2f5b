"""A training batch's loss and gradients as two halves computed at once on two threads.

One batch of LeNet-5 is a few dozen NumPy calls on arrays of a few hundred kB: OpenBLAS cannot
spread such small products over two cores (two BLAS threads make a step slower, not faster),
but two halves of the batch are two independent computations, and NumPy releases the GIL in
its copies, ufunc loops and BLAS calls. :class:`BatchSplit` runs the second half on a worker
thread through a *replica* of the model: the same layer types holding the model's own
parameter dicts (so every in-place update of the weights is seen by both) but their own
scratch buffers, saved activations and gradients. The mean loss and gradients of the whole
batch are the halves' means weighted by their sizes; they equal the one-pass values up to
float rounding (another summation order, as any change of batch size gives).

Only models whose forward pass treats every image on its own are split: no dropout (its masks
come from one random stream in a fixed order) and no batch statistics (batch norm); see
:func:`splittable`. Each half runs with one BLAS thread, so the two threads use two cores and
no more. On a machine whose other core is busy the halves take turns and lose the GIL
hand-overs: measured 10-20 % slower than one thread (LeNet-5, batch 64-100, load average 3-7
on 2 cores), so :attr:`Model.threads` stays 1 unless a caller asks for 2.

Where the helper process (`explorer.second_process`) runs, the second half goes there instead
of to the helper thread: a process has its own GIL, so the halves no longer wait for each
other's NumPy calls (LeNet-5, batch 100, 2-core x86: two halves took 1.42x one half alone on
two threads, 1.16-1.30x in two processes). Its weights are copied there with every batch (62K
numbers for LeNet-5, ~20 us); if the process is unavailable or a job fails there, the thread
does the work. Qt-free.
"""

from __future__ import annotations

import json
import os

import numpy as np

from explorer import second_process
from explorer.second_core import helper

from . import blas

__all__ = ["BatchSplit", "MIN_SPLIT_BATCH", "MIN_THREAD_SPLIT_BATCH", "default_threads",
           "min_split_batch", "splittable"]

#: Smallest batch split in two while the helper process takes the second half. Measured on
#: LeNet-5 (2-core EPYC VM, paired rounds in one process), with both processes polling before
#: they block (explorer.second_process._Bell): loss_and_gradients split / one thread at 8
#: images 0.84x as fast, 16 1.00x, 24 1.07x, 32 1.11x, 48 1.33x; a Trainer's full
#: Fashion-MNIST epoch at batch 32 split 1.07x and 1.30x as fast without augmentation, 1.13x
#: and 1.24x with it (6 and 4 paired rounds). Before the polling a batch of 32 was slower
#: split in the Trainer (3 of 3 paired rounds), each hand-over costing a process's wake-up.
MIN_SPLIT_BATCH = 32
#: The same when the second half runs on the helper thread (the process off, or given up):
#: a batch of 100 as two halves ran 1.34-1.42x faster than on one thread, 64 images
#: 1.26-1.36x, but 32 only 1.03-1.05x (halves of 16: the threads' hand-overs of the GIL
#: between small NumPy calls eat the gain).
MIN_THREAD_SPLIT_BATCH = 64


def min_split_batch() -> int:
    """The smallest batch split now: the helper process's threshold while jobs may go there,
    the helper thread's once it is off or was given up in this run."""
    return MIN_SPLIT_BATCH if second_process.usable() else MIN_THREAD_SPLIT_BATCH


def default_threads() -> int:
    """Threads a training step may use: 2 when this process may run on 2 or more cores."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return 2 if cores >= 2 else 1


def splittable(model) -> bool:
    """True when every layer handles each image on its own (no dropout, no batch norm) and
    has no sublayers, so two halves of a batch give the batch's gradients."""
    return all(not layer.has_training_mode and not hasattr(layer, "sublayers")
               for layer in model.layers)


class BatchSplit:
    """Loss and gradients of a batch of ``model``'s, half on the calling thread and half on
    the worker (see the module docstring). Made by :meth:`Model.loss_and_gradients`."""

    def __init__(self, model, replica):
        if len(model.layers) != len(replica.layers):
            raise ValueError("the replica must have the model's layers")
        for mine, theirs in zip(model.layers, replica.layers):
            if type(mine) is not type(theirs) or mine.params.keys() != theirs.params.keys():
                raise ValueError(f"the replica's {theirs.name} does not match {mine.name}")
            theirs.params = mine.params  # the same dict: weight updates reach both
        self.model, self.replica = model, replica
        self._k = None
        self._spec_text = None

    def run(self, x, labels, training, meanwhile=None):
        """``(loss, grads, probs)`` of the batch x (checked by ``_as_batch``) and labels
        (their first axis as long as x's); ``meanwhile()`` runs once the second half is on
        its way, before this thread's half."""
        n = x.shape[0]
        half = n // 2
        replica = self.replica
        replica.fast = self.model.fast
        threads = blas.blas_threads()
        if threads is not None and threads > 1:
            blas.set_blas_threads(1)  # one core per half
        try:
            ticket = self._submit_to_process(x[half:], labels[half:], training)
            if ticket is None:  # the helper thread; its result() re-raises the worker's error
                collect = helper().submit(replica._gradients, x[half:], labels[half:],
                                          training).result
            else:
                def collect():
                    return self._process_result(ticket, x[half:], labels[half:], training)
            try:
                if meanwhile is not None:
                    meanwhile()
                first = self.model._gradients(x[:half], labels[:half], training)
            finally:
                second = collect()  # waits for the second half
        finally:
            if threads is not None and threads > 1:
                blas.set_blas_threads(threads)
        (loss1, grads, probs1), (loss2, grads2, probs2) = first, second
        dtype = x.dtype.type
        w1, w2 = half / n, (n - half) / n
        ratio, w2 = dtype(w1 / w2), dtype(w2)
        for key, g in grads.items():  # g = w1*g + w2*g2, in place (grads2 may be views)
            if ratio != 1:
                g *= ratio
            g += grads2[key]
            g *= w2
        loss = loss1 * (half / n) + loss2 * ((n - half) / n)
        return loss, grads, np.concatenate([probs1, probs2])

    def _submit_to_process(self, x, labels, training) -> int | None:
        """Send the second half and the current weights to the helper process: the job's
        ticket, or None when it is unavailable (the helper thread then does it)."""
        proc = second_process.shared()
        model = self.model
        try:
            if self._spec_text is None:
                self._spec_text = json.dumps(model.spec, sort_keys=True)
            inputs = {f"w:{layer.name}.{key}": value
                      for layer in model.layers for key, value in layer.params.items()}
            inputs["x"], inputs["labels"] = x, np.asarray(labels)
            outputs = {f"g:{layer.name}.{key}": (value.dtype, value.shape)
                       for layer in model.layers for key, value in layer.params.items()}
            outputs["probs"] = (model.dtype, (x.shape[0], self._classes(x)))
            meta = {"dtype": model.dtype.str, "fast": bool(model.fast),
                    "training": bool(training)}
            return proc.submit("gradients", meta, inputs, outputs, spec_text=self._spec_text)
        except second_process.Unavailable:
            return None

    def _process_result(self, ticket, x, labels, training):
        """The helper process's (loss, grads, probs); the replica computes them here if the
        job failed there."""
        try:  # views of the scratch file, read by run() before the next job is sent
            meta, out = second_process.shared().result(ticket, copy=False)
        except second_process.Unavailable:
            return self.replica._gradients(x, labels, training)
        grads = {key[2:]: value for key, value in out.items() if key.startswith("g:")}
        return meta["loss"], grads, out["probs"]

    def _classes(self, x) -> int:
        """Classes the model scores (the width of its probabilities), found once."""
        if self._k is None:
            self._k = int(self.model.forward(x[:1]).shape[1])
        return self._k
