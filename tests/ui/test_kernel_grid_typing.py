"""Typing into the Kernel lab's grid: every key goes into the selected cell, never to the item
view's keyboard search (which jumped the selection to another cell starting with that digit)."""

import numpy as np
from PySide6.QtCore import Qt

from explorer.ui.widgets.kernel_grid import KernelGrid


def _commit(qtbot, grid):
    """Return in the cell's editor, as the keyboard sends it there."""
    editor = grid.indexWidget(grid.currentIndex())
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)   # the delegate commits on the event loop


def _texts(grid):
    return [[grid.item(r, c).text() for c in range(grid.size)] for r in range(grid.size)]


def test_typing_fast_into_a_clicked_cell_edits_that_cell(qtbot):
    grid = KernelGrid(cell_size=46)
    qtbot.addWidget(grid)
    grid.set_kernel(np.array([[1.0, 0, 1], [-2, 0, 2], [1, 0, 1]]))  # other cells start with 1
    grid.show()
    qtbot.waitExposed(grid)
    rect = grid.visualItemRect(grid.item(1, 1))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(grid, Qt.Key.Key_Escape)      # editor closed, cell (1, 1) still selected
    qtbot.wait(20)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClicks(grid, "1/0")                 # at once, before any double-click interval
    _commit(qtbot, grid)
    qtbot.waitUntil(lambda: grid.errors() != {}, timeout=2000)
    assert (grid.currentRow(), grid.currentColumn()) == (1, 1)
    assert _texts(grid) == [["1", "0", "1"], ["-2", "1/0", "2"], ["1", "0", "1"]]
    assert list(grid.errors()) == [(1, 1)]       # 1/0 is not a number: marked, not applied


def test_a_printable_key_starts_editing_the_current_cell(qtbot):
    grid = KernelGrid(cell_size=46)
    qtbot.addWidget(grid)
    grid.show()
    qtbot.waitExposed(grid)
    grid.setCurrentCell(0, 2)
    qtbot.keyClick(grid, Qt.Key.Key_Escape)
    qtbot.keyClicks(grid, "-3")
    editor = grid.indexWidget(grid.currentIndex())
    qtbot.keyClick(editor, Qt.Key.Key_Tab)       # commits and moves to the next cell
    qtbot.wait(20)
    qtbot.keyClicks(grid, ".5")
    _commit(qtbot, grid)
    qtbot.waitUntil(lambda: grid.kernel()[1, 0] == 0.5, timeout=2000)
    assert grid.kernel()[0, 2] == -3.0
