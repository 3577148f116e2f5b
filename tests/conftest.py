import os

# CI has no screen: every Qt test runs on the offscreen platform unless told otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
