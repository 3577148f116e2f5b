"""Augmented training batches made one batch ahead, on a second core, while a batch trains.

Augmenting a batch of 32 digits takes ~0.33 ms, about 13 % of a LeNet-5 training step on one
core, and the app's engine thread leaves the second core idle at that batch size. `AugmentAhead`
starts the next batch's augmentation right after the current one is handed out, so the
training thread finds it ready: in the helper process (`explorer.second_process`: its own GIL,
so the training thread's NumPy calls never wait for it), or, where that is unavailable, on the
helper thread (NumPy releases the GIL in its loops, but the two threads' hand-overs cost more
than half of what the thread saves).

When the Trainer splits its batches over both cores (``split``), that core is busy with half of
every batch's gradients, and the weight update alone is too short to hide a whole batch's
distortions made in the helper process: then a quarter of each batch is distorted on the
training thread (while the helper process makes the rest), see :data:`OWN_SHARE`.

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

from .augment import AugmentParams, Draws, apply_draws, augment_batch, draw

__all__ = ["AugmentAhead", "OWN_SHARE"]

#: With ``split`` batches, the share of a batch distorted by the core that trains (the rest is
#: made in the helper process). That core is busy with its half of the gradients while the
#: helper process has its half and then the distortions to make, and only the weight update
#: and the next batch's set-up to overlap them: LeNet-5, batches of 64 on a 2-core EPYC,
#: distorting a batch takes ~1.1 ms, and the training thread waited ~0.75 ms a batch for it
#: when it was all made there. Trainer batches (Fashion-MNIST, 300 per epoch, paired
#: rounds): a quarter here took 0.90x and 0.925x the time of a third, a fifth 1.055x.
OWN_SHARE = 0.25


@dataclasses.dataclass
class _Parts:
    """A split batch on its way: the helper process's ticket for the images from ``cut`` on,
    and this batch's draws (the images before ``cut`` are distorted here, by ``get``)."""

    ticket: int
    cut: int
    draws: Draws


class AugmentAhead:
    """``get(key, images)``: batch ``key`` = (epoch, batch) augmented, ``(N, H, W)`` float32;
    ``ahead(key, images)``: start making batch ``key`` in the helper process or thread (at most
    one is made ahead; a later ``get`` of another key discards it).

    ``split`` (set by the Trainer when its batches are split over both cores): each batch is
    distorted in two parts, the first :data:`OWN_SHARE` of it by ``get`` on the calling thread
    while the rest is made in the helper process (started by ``ahead``). The parts are made
    with the whole batch's draws, so a batch is the same wherever its parts were made; it may
    differ from the unsplit batch by float rounding (one small matrix product per part)."""

    def __init__(self, seed: int, params: AugmentParams, split: bool = False):
        self.seed = int(seed)
        self.params = params
        self.split = split
        # (key, split when made, Future of the helper thread, ticket of the helper process or
        # _Parts)
        self._pending: tuple[tuple[int, int], bool, Future | int | _Parts] | None = None

    def __repr__(self) -> str:
        ahead = None if self._pending is None else self._pending[0]
        return f"AugmentAhead(seed={self.seed}, ahead={ahead})"

    def _seed(self, key: tuple[int, int]) -> list[int]:
        return [self.seed, 3, int(key[0]), int(key[1])]

    def _cut(self, n: int) -> int:
        return int(n * OWN_SHARE)

    def _make(self, key: tuple[int, int], images: np.ndarray, split: bool) -> np.ndarray:
        rng = np.random.default_rng(self._seed(key))
        if not split:
            return augment_batch(images, rng, self.params)
        images = np.asarray(images)
        draws, cut = draw(rng, len(images), self.params), self._cut(len(images))
        return np.concatenate([apply_draws(images[:cut], draws[:cut]),
                               apply_draws(images[cut:], draws[cut:])])

    def get(self, key: tuple[int, int], images: np.ndarray) -> np.ndarray:
        pending, self._pending = self._pending, None
        if pending is not None and pending[:2] == (key, self.split):
            job = pending[2]
            if isinstance(job, Future):
                return job.result()
            if isinstance(job, _Parts):
                images = np.asarray(images)
                mine = apply_draws(images[: job.cut], job.draws[: job.cut])
                try:
                    theirs = second_process.shared().result(job.ticket)[1]["out"]
                except second_process.Unavailable:  # made here: the same draws, the same part
                    theirs = apply_draws(images[job.cut :], job.draws[job.cut :])
                return np.concatenate([mine, theirs])
            try:
                return second_process.shared().result(job)[1]["out"]
            except second_process.Unavailable:
                pass  # made here instead: the same generator gives the same batch
        elif pending is not None and isinstance(pending[2], Future):
            pending[2].cancel()
        return self._make(key, images, self.split)

    def ahead(self, key: tuple[int, int], images: np.ndarray) -> None:
        self.close()
        proc = second_process.shared()
        try:
            if self.split:
                draws = draw(np.random.default_rng(self._seed(key)), len(images), self.params)
                cut = self._cut(len(images))
                rest = np.asarray(images)[cut:]
                ticket = proc.submit("augment_drawn", {},
                                     {"images": rest, **draws[cut:].arrays()},
                                     {"out": (np.float32, rest.shape)})
                self._pending = (key, True, _Parts(ticket, cut, draws))
                return
            meta = {"seed": self._seed(key), "params": dataclasses.asdict(self.params)}
            ticket = proc.submit("augment", meta, {"images": images},
                                 {"out": (np.float32, np.shape(images))})
        except second_process.Unavailable:
            self._pending = (key, self.split, helper().submit(self._make, key,
                                                              np.array(images), self.split))
        else:
            self._pending = (key, False, ticket)

    def close(self) -> None:
        """Forget the batch made ahead (e.g. the run has ended); a job of the helper process
        is dropped when the next job is sent."""
        if self._pending is not None:
            if isinstance(self._pending[2], Future):
                self._pending[2].cancel()
            self._pending = None
