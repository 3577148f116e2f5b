"""Augmented training batches made one batch ahead, on a second core, while a batch trains.

Augmenting a batch of 32 digits takes ~0.33 ms, about 13 % of a LeNet-5 training step on one
core, and the app's engine thread leaves the second core idle at that batch size. `AugmentAhead`
starts the next batch's augmentation right after the current one is handed out, so the
training thread finds it ready: in the helper process (`explorer.second_process`: its own GIL,
so the training thread's NumPy calls never wait for it), or, where that is unavailable, on the
helper thread (NumPy releases the GIL in its loops, but the two threads' hand-overs cost more
than half of what the thread saves). When the Trainer splits its batches over both cores, it
sends the next batch's augmentation right after the other core's half of the current batch
(`Model.loss_and_gradients(meanwhile=...)`): the helper process takes up to two jobs at once
and does them in order, so it distorts the next batch as soon as its half is done.

Each batch's random distortions come from its own generator, seeded by (seed, epoch, batch):
the result is the same whether it was made ahead, on time, twice (a batch retried after a
divergence gets the same distortions) or in another thread, and the same seed gives the same
training run bit for bit. Qt-free.
"""

from __future__ import annotations

import dataclasses
from concurrent.futures import Future

import numpy as np

from explorer import second_process
from explorer.second_core import helper

from .augment import AugmentParams, augment_batch

__all__ = ["AugmentAhead"]

class AugmentAhead:
    """``get(key, images)``: batch ``key`` = (epoch, batch) augmented, ``(N, H, W)`` float32;
    ``ahead(key, images)``: start making batch ``key`` in the helper process or thread (at most
    one is made ahead; a later ``get`` of another key discards it)."""

    def __init__(self, seed: int, params: AugmentParams):
        self.seed = int(seed)
        self.params = params
        # (key, Future of the helper thread or ticket of the helper process)
        self._pending: tuple[tuple[int, int], Future | int] | None = None

    def __repr__(self) -> str:
        ahead = None if self._pending is None else self._pending[0]
        return f"AugmentAhead(seed={self.seed}, ahead={ahead})"

    def _seed(self, key: tuple[int, int]) -> list[int]:
        return [self.seed, 3, int(key[0]), int(key[1])]

    def _make(self, key: tuple[int, int], images: np.ndarray) -> np.ndarray:
        return augment_batch(images, np.random.default_rng(self._seed(key)), self.params)

    def get(self, key: tuple[int, int], images: np.ndarray) -> np.ndarray:
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == key:
            if isinstance(pending[1], Future):
                return pending[1].result()
            try:
                return second_process.shared().result(pending[1])[1]["out"]
            except second_process.Unavailable:
                pass  # made here instead: the same generator gives the same batch
        elif pending is not None and isinstance(pending[1], Future):
            pending[1].cancel()
        return self._make(key, images)

    def ahead(self, key: tuple[int, int], images: np.ndarray) -> None:
        self.close()
        meta = {"seed": self._seed(key), "params": dataclasses.asdict(self.params)}
        try:
            ticket = second_process.shared().submit(
                "augment", meta, {"images": images},
                {"out": (np.float32, np.shape(images))})
        except second_process.Unavailable:
            self._pending = (key, helper().submit(self._make, key, np.array(images)))
        else:
            self._pending = (key, ticket)

    def close(self) -> None:
        """Forget the batch made ahead (e.g. the run has ended); a job of the helper process
        is dropped when the next job is sent."""
        if self._pending is not None:
            if isinstance(self._pending[1], Future):
                self._pending[1].cancel()
            self._pending = None
