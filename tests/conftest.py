import os

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
