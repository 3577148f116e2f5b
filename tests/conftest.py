import os
import types

import pytest
from hypothesis import settings

# CI has no screen: every Qt test runs on the offscreen platform unless told otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests draw the same examples on every run (fixed seeds) so a CI run is reproducible;
# `pytest --hypothesis-profile explore` searches afresh (and remembers failures locally).
settings.register_profile("default", derandomize=True, deadline=None, database=None)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile("default")


def pytest_addoption(parser):
    parser.addoption(
        "--monkey-actions", type=int, default=None,
        help="random GUI actions per seed in tests/ui/test_monkey.py (default: 10,000 locally, "
             "fewer when CI is set)")


@pytest.fixture(params=["process", "thread"])
def second_core(request, monkeypatch):
    """Where the second core's work runs in this test: in the helper process, or (the process
    turned off) on the helper thread. ``.mode`` says which; ``.jobs()`` counts the jobs the
    process finished since the test began (a process test checks the work went there)."""
    from explorer import second_process

    monkeypatch.setattr(second_process, "enabled", request.param == "process")
    start = second_process.shared().jobs_done
    return types.SimpleNamespace(mode=request.param,
                                 jobs=lambda: second_process.shared().jobs_done - start)
