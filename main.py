#!/usr/bin/env python3
"""Start CNN Explorer: with no arguments the desktop app, with a command the CLI
(``python main.py train ...``, ``python main.py evaluate m.npz``, ``python main.py data list``).
``--lang zh_CN`` or ``--lang en`` chooses the language of either for this run."""

import sys

from explorer.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
