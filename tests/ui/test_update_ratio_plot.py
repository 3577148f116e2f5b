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


def test_a_fast_run_is_drawn_in_batches_and_not_while_hidden(qtbot):
    """Points come every batch, but the curves are set at most once per redraw interval and
    never while the plot is hidden (it shares its box with the filters); showing it draws
    what came meanwhile."""
    plot = UpdateRatioPlot()
    qtbot.addWidget(plot)
    for step in range(1, 51):  # hidden: kept, not drawn
        plot.add(step, {"conv1": 1e-3 * step, "fc1": 2e-3})
    assert len(plot.series("conv1")[0]) == 50 and plot.drawn("conv1") == 0
    assert not plot._redraw.isActive()
    plot.show()
    qtbot.waitExposed(plot)
    assert plot.drawn("conv1") == plot.drawn("fc1") == 50

    calls = []
    curve = plot._curves["conv1"]
    original = curve.setData
    curve.setData = lambda *a, **k: (calls.append(len(a[0])), original(*a, **k))
    for step in range(51, 151):  # a burst while shown: one redraw later
        plot.add(step, {"conv1": 1e-3, "fc1": 2e-3})
    assert plot.drawn("conv1") == 50 and plot._redraw.isActive()
    qtbot.waitUntil(lambda: plot.drawn("conv1") == 150, timeout=2000)
    assert calls == [150]
    plot.clear_run()
    assert plot.drawn("conv1") == 0 and not plot._redraw.isActive()
