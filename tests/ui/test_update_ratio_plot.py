"""The update/weight ratio plot: one curve per layer, created once, updated in place; ratios a
log axis cannot show (0, inf, nan) are left out."""

from explorer.ui.widgets.update_ratio_plot import UpdateRatioPlot


def test_one_curve_per_layer_and_unplottable_ratios_are_left_out(qtbot):
    plot = UpdateRatioPlot()
    qtbot.addWidget(plot)
    plot.add(1, {"conv1": 1e-3, "fc1": 0.0})
    plot.add(2, {"conv1": float("inf"), "fc1": 2e-3})
    plot.add(3, {"conv1": 5e-4, "fc1": float("nan")})
    assert plot.series("conv1") == ([1.0, 3.0], [1e-3, 5e-4])
    assert plot.series("fc1") == ([2.0], [2e-3])
    items = plot.getPlotItem().listDataItems()
    assert len(items) == 2
    plot.clear_run()
    plot.add(1, {"conv1": 2e-3})
    assert plot.getPlotItem().listDataItems() == items      # the same items, emptied and reused
    assert plot.series("conv1") == ([1.0], [2e-3]) and plot.series("fc1") == ([], [])
