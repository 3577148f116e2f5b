"""The one helper thread for the machine's second core, used when the helper *process*
(`explorer.second_process`, which has its own GIL and is tried first) cannot run. Qt-free.

Two pieces of the training path hand work to it: the second half of a split batch
(`explorer.engine.split`) and the next batch's augmentation (`explorer.data.augment_ahead`).
With a split batch the next batch's augmentation is handed over right after the second
half and waits its turn behind it (one worker); one thread for both keeps the process at two
busy threads at most. Made on first use; its thread is joined when Python exits.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

__all__ = ["helper"]

_executor: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def helper() -> ThreadPoolExecutor:
    """The shared one-thread executor."""
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="explorer-helper")
        return _executor
