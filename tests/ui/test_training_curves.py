"""The loss plot shows batch 1 on its own, and marks a learning-rate change with a labelled line."""

import pyqtgraph as pg
import pytest

from explorer.ui.widgets.training_curves import TrainingCurves


@pytest.fixture
def curves(qtbot):
    c = TrainingCurves()
    qtbot.addWidget(c.loss_plot)
    c.loss_plot.resize(360, 260)
    c.loss_plot.show()
    return c


def _dots(curves) -> list[tuple[float, float]]:
    """The points the loss plot draws as dots (a line item alone draws nothing for one point)."""
    dots = []
    for item in curves.loss_plot.getPlotItem().items:
        if isinstance(item, pg.ScatterPlotItem) or (isinstance(item, pg.PlotDataItem)
                                                    and item.opts["symbol"] is not None):
            x, y = item.getData()
            if x is not None:
                dots += [(float(a), float(b)) for a, b in zip(x, y)]
    return dots


def test_the_first_batch_is_drawn_before_a_second_one_makes_a_line(curves):
    curves.add_batch(1, 0, 0, 2.3, 2.1)
    curves.flush()
    assert (1.0, 2.3) in _dots(curves)
    x_range, y_range = curves.loss_plot.getPlotItem().viewRange()
    assert x_range[0] < 1 < x_range[1] and y_range[0] < 2.3 < y_range[1]
    curves.add_batch(2, 0, 1, 2.2, 2.0)
    curves.flush()
    assert (2.0, 2.2) in _dots(curves) and (1.0, 2.3) not in _dots(curves)   # the newest only


def test_a_learning_rate_change_is_a_labelled_line_before_its_first_batch(curves):
    for step in range(1, 6):
        curves.add_batch(step, 0, step - 1, 2.0, 2.0)
    curves.add_lr_mark(4, 0.001, 0.0005)
    ((step, old, new, line),) = curves.lr_marks
    assert (step, old, new) == (4, 0.001, 0.0005)
    assert line.value() == pytest.approx(3.5) and line.angle == 90
    assert line.label.toPlainText() == "learning rate 0.0005"
    assert line in curves.loss_plot.getPlotItem().items
    curves.add_lr_mark(4, 0.0005, 0.002)     # changed again before the same batch: one mark
    ((_, old, new, again),) = curves.lr_marks
    assert (old, new) == (0.001, 0.002) and again is line
    assert line.label.toPlainText() == "learning rate 0.002"
    curves.add_lr_mark(9, 0.002, 0.01)
    assert [m[0] for m in curves.lr_marks] == [4, 9]
    curves.clear()
    assert curves.lr_marks == []
    assert not any(isinstance(item, pg.InfiniteLine)
                   for item in curves.loss_plot.getPlotItem().items)
