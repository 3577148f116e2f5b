"""Reusable views: image grid, probability bars, matrix (heat-map) view, array-to-image helpers."""

from explorer.ui.widgets.image_grid import ImageGrid
from explorer.ui.widgets.imaging import to_qimage, value_range
from explorer.ui.widgets.matrix_view import MatrixView
from explorer.ui.widgets.probability_bars import ProbabilityBars

__all__ = ["ImageGrid", "MatrixView", "ProbabilityBars", "to_qimage", "value_range"]
