"""Python's cycle collector runs in the GUI thread only.

Widgets that hold a closure over themselves (a caption re-rendered on a language change, a
message stored as a function) form reference cycles that only the cycle collector frees. Left
automatic, it runs in whatever thread happens to allocate, often the engine thread, and then
destroys Qt widgets outside the GUI thread: Qt's destructor waits for a lock the GUI thread holds
while that thread waits for the GIL (a deadlock seen in CI). So automatic collection is switched
off and a timer in the GUI thread collects instead (pyqtgraph's GarbageCollector, the well-known
remedy: it collects each generation when its threshold is passed, as Python would).
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector

__all__ = ["collect_in_gui_thread"]

_collector: GarbageCollector | None = None


def collect_in_gui_thread(interval: float = 0.5) -> GarbageCollector:
    """Switch automatic collection off and collect every ``interval`` seconds from a timer of
    the calling (GUI) thread. Call after the QApplication exists; calling again is harmless."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=interval)
    return _collector
