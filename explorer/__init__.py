"""CNN Explorer: a from-scratch NumPy CNN and a Qt desktop app to learn how it works.

`explorer.engine` and `explorer.data` are pure NumPy and never import Qt; the Qt code lives
in `explorer.app`, `explorer.worker` and `explorer.ui`.
"""

__version__ = "0.1.0"
