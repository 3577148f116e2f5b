"""Kernel lab panel: editing, invalid cells, presets, flip, padding, user kernels, opened
pictures, and putting a kernel into the live model and restoring it exactly."""

import json

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage

from explorer.engine import kernels as K
from explorer.engine.filtering import filter_image
from explorer.engine.images import builtin_picture
from explorer.ui.panels import kernels as panel_module
from explorer.ui.panels.kernels import KernelPanel
from explorer.ui.state import AppState, app_settings
from explorer.ui.widgets import kernel_grid, kernel_library
from explorer.ui.widgets.live_text import render
from tests.ui.pseudo_translation import CLOSE, OPEN, all_texts, pseudo_language, untranslated_texts
from explorer.worker import EngineClient


def _lenet():
    from explorer.engine import build_model

    return build_model("lenet5", seed=3), None, ""


@pytest.fixture
def user_file(tmp_path, monkeypatch):
    path = tmp_path / "data" / "my-kernels.json"
    monkeypatch.setattr(kernel_library, "user_kernels_path", lambda: path)
    return path


@pytest.fixture
def client(qtbot):
    c = EngineClient(load_live=_lenet)
    qtbot.waitUntil(lambda: c.model_info is not None, timeout=10000)
    yield c
    c.shutdown()


@pytest.fixture
def panel(qtbot, client, user_file):
    app_settings().remove("kernels")   # every test starts from the defaults
    state = AppState()
    p = KernelPanel(client, state)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    qtbot.waitUntil(lambda: p.network.current_slot() is not None, timeout=5000)
    return p


def _use_picture(panel, key):
    panel.source_combo.setCurrentIndex(panel.source_combo.findData(key))


def _fetch(client, qtbot, fn):
    """Run ``fn(model)`` in the worker and wait for its result."""
    box = {}
    owner = QObject()
    client.request(fn, owner=owner, key="fetch", on_result=lambda r: box.setdefault("r", r))
    qtbot.waitUntil(lambda: "r" in box, timeout=5000)
    return box["r"]


def _params(model):
    return {k: v.copy() for k, v in model.parameters().items()}


# --------------------------------------------------------------------------------------------


def test_panel_starts_with_sobel_on_a_picture(panel):
    assert panel.objectName() == "kernelPanel"
    np.testing.assert_array_equal(panel.grid.kernel(), K.preset("sobel_x"))
    assert panel.result is not None and panel.result.output.shape == panel.image.shape
    assert "Sum: 0" in panel.sum_label.text()
    assert "negative" in panel.flip_note.text()


def test_editing_a_cell_updates_the_output(panel):
    _use_picture(panel, "vertical_edge")
    panel.library.select("preset", "identity")
    np.testing.assert_allclose(panel.result.output, builtin_picture("vertical_edge"))
    panel.grid.set_cell_text(1, 1, "1/2")
    k = K.preset("identity")
    k[1, 1] = 0.5
    np.testing.assert_array_equal(panel.kernel, k)
    expected = filter_image(panel.image, k, "zero")
    np.testing.assert_allclose(panel.result.output, expected.output)
    assert panel.active_preset is None and "Sum: 0.5" in panel.sum_label.text()
    panel.grid.set_cell_text(0, 2, " -3 / 4 ")
    assert panel.kernel[0, 2] == -0.75


def test_an_invalid_cell_is_marked_and_never_applied(panel):
    _use_picture(panel, "circles")
    panel.library.select("preset", "box_blur")
    last = panel.result
    panel.grid.set_cell_text(0, 0, "abc")
    item = panel.grid.item(0, 0)
    bad = item.background().color()
    # yellow: a colour no weight's tint (white to blue / white to red) can take
    assert bad.red() > 240 and bad.green() > 200 and bad.blue() < 120
    for value in np.linspace(-1.0, 1.0, 41):
        tint = kernel_grid._tint(value, 1.0)
        assert not (tint.red() > 240 and tint.green() > 200 and tint.blue() < 120), value
    assert item.data(kernel_grid._INVALID_ROLE) and item.font().bold()
    assert not panel.grid.item(0, 1).data(kernel_grid._INVALID_ROLE)
    assert "not a number" in item.toolTip()
    assert panel.result is last  # the last valid output stays
    np.testing.assert_allclose(panel.kernel, K.preset("box_blur"))
    assert "row 1, column 1" in panel.status.text()
    assert not panel.network.put_button.isEnabled()
    panel.grid.set_cell_text(1, 1, "1/0")  # a second invalid cell: still nothing applied
    assert panel.result is last and "divides by zero" in panel.grid.item(1, 1).toolTip()
    message = panel.status.text()   # every bad cell is named, not only the first
    assert "2 invalid cells" in message
    assert "row 1, column 1" in message and "row 2, column 2" in message
    assert "divides by zero" in message and "not a number" in message
    panel.grid.grab()   # the delegate paints the red frame without error
    panel.grid.set_cell_text(0, 0, "0")
    assert panel.result is last
    panel.grid.set_cell_text(1, 1, "2")
    assert panel.result is not last and panel.kernel[1, 1] == 2.0 and panel.kernel[0, 0] == 0.0


def test_normalise_scale_and_size(panel):
    panel.library.select("preset", "box_blur")
    panel.scale_spin.setValue(3.0)
    panel.scale_button.click()
    assert panel.kernel.sum() == pytest.approx(3.0)
    panel.normalise_button.click()
    assert panel.kernel.sum() == pytest.approx(1.0)
    panel.library.select("preset", "sobel_y")
    before = panel.kernel.copy()
    panel.normalise_button.click()
    assert "Cannot normalise" in panel.status.text() and "sums to 0" in panel.status.text()
    np.testing.assert_array_equal(panel.kernel, before)
    panel.size_spin.setValue(5)  # a fixed 3x3 preset is padded, centred
    assert panel.grid.size == 5 and panel.kernel[1:4, 1:4].tolist() == before.tolist()
    panel.library.select("preset", "box_blur")
    panel.size_spin.setValue(4)  # a sized preset is regenerated
    np.testing.assert_allclose(panel.kernel, np.full((4, 4), 1 / 16))


def test_gaussian_sigma_slider_recomputes_a_normalised_kernel(panel):
    panel.library.select("preset", "gaussian")
    assert panel.sigma_slider.isEnabled() and panel.kernel.shape == (5, 5)
    panel.sigma_slider.setValue(20)
    np.testing.assert_allclose(panel.kernel, K.preset("gaussian", 5, 2.0))
    assert panel.kernel.sum() == pytest.approx(1.0) and "σ = 2.0" in panel.sigma_label.text()
    panel.size_spin.setValue(7)
    np.testing.assert_allclose(panel.kernel, K.preset("gaussian", 7, 2.0))
    panel.library.select("preset", "sharpen")
    assert not panel.sigma_slider.isEnabled()


def test_flip_changes_sobel_sign_but_not_gaussian(panel):
    _use_picture(panel, "vertical_edge")
    panel.library.select("preset", "sobel_x")
    plain = panel.result.output.copy()
    assert plain.max() > 0
    panel.flip_check.setChecked(True)
    np.testing.assert_allclose(panel.result.output, -plain)
    assert "true convolution" in panel.after_title.text
    panel.library.select("preset", "gaussian")
    flipped = panel.result.output.copy()
    panel.flip_check.setChecked(False)
    np.testing.assert_allclose(panel.result.output, flipped)
    assert "unchanged" in panel.flip_note.text()


def test_padding_modes_and_edge_magnitude(panel):
    _use_picture(panel, "gradient")
    panel.library.select("preset", "sobel_x")
    results = {}
    for i in range(panel.padding_combo.count()):
        panel.padding_combo.setCurrentIndex(i)
        results[panel.padding_combo.currentData()] = panel.result.output.copy()
        assert panel.result.padding == panel.padding_combo.currentData()
    assert not np.allclose(results["zero"][:, 0], results["replicate"][:, 0])
    np.testing.assert_allclose(results["zero"][5:-5, 5:-5], results["reflect"][5:-5, 5:-5])
    panel.view_combo.setCurrentIndex(1)
    assert panel.result.magnitude and panel.result.minimum >= 0 and not panel.result.signed
    assert "black" in panel.range_label.text()
    x, _ = panel.hist_curve.getData()
    np.testing.assert_allclose(x, panel.result.hist_edges)


def test_drawn_digit_and_test_set_inputs(panel, qtbot):
    panel.source_combo.setCurrentIndex(panel.source_combo.findData("digit"))
    assert "Nothing drawn yet" in panel.input_note.text()
    digit = np.zeros((28, 28), np.float32)
    digit[5:23, 13:15] = 1.0
    panel.state.set_current_input(digit, "draw")
    np.testing.assert_array_equal(panel.image, digit)
    assert render(panel.network_input()[1]) == "the current digit"
    assert "from draw" in panel.input_note.text()
    panel.source_combo.setCurrentIndex(panel.source_combo.findData("test"))
    ds = panel.state.dataset()
    panel.test_index.setValue(3)
    np.testing.assert_allclose(panel.image, ds.test_images[3] / 255.0)
    assert "#3" in panel.input_note.text() and panel.result.output.shape == (28, 28)


def test_user_kernels_persist_and_import_export(panel, qtbot, user_file, client, tmp_path):
    panel.grid.set_cell_text(0, 0, "7")
    mine = panel.kernel.copy()
    panel.library.add_user_kernel("seven", mine, "a test kernel")
    assert json.loads(user_file.read_text("utf-8"))["kernels"][0]["name"] == "seven"
    other = KernelPanel(client, AppState())  # a new session reads them back
    qtbot.addWidget(other)
    assert other.library.user_kernel("seven") == K.named_kernel("seven", mine, "a test kernel")
    other.library.select("user", "seven")
    np.testing.assert_array_equal(other.kernel, mine)
    out = tmp_path / "set.json"
    panel.library.export_file(out)
    panel.library.remove_user_kernel("seven")
    assert panel.library.user_kernels == []
    assert panel.library.import_file(out) == 1 and panel.library.user_kernel("seven") is not None
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        panel.library.import_file(bad)
    assert [k.name for k in panel.library.user_kernels] == ["seven"]  # nothing lost


def test_an_unreadable_saved_file_is_kept_aside_with_a_message(qtbot, client, user_file):
    user_file.parent.mkdir(parents=True)
    user_file.write_text("not json", "utf-8")
    p = KernelPanel(client, AppState())
    qtbot.addWidget(p)
    assert "could not be read" in p.status.text()
    # renamed, not deleted
    assert not user_file.exists() and len(list(user_file.parent.iterdir())) == 1


def test_a_large_opened_picture_is_scaled_down_and_filtered_in_the_worker(panel, qtbot, tmp_path):
    img = QImage(1200, 600, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    for x in range(600, 1200):
        for y in range(0, 600, 50):
            img.setPixel(x, y, 0)
    path = tmp_path / "wide.png"
    assert img.save(str(path))
    panel.library.select("preset", "sobel_y")
    assert panel.open_image_file(path)
    assert panel.image.shape == (256, 512) and "scaled down to 512x256" in panel.status.text()
    assert panel.image.size > panel_module.SYNC_PIXELS
    qtbot.waitUntil(lambda: panel.result.output.shape == (256, 512), timeout=10000)
    expected = filter_image(panel.image, K.preset("sobel_y"))
    np.testing.assert_allclose(panel.result.output, expected.output)
    (tmp_path / "junk.png").write_bytes(b"not a picture")
    assert not panel.open_image_file(tmp_path / "junk.png")
    assert "Could not read junk.png" in panel.status.text()
    assert panel.image.shape == (256, 512)  # the previous picture stays


def test_put_kernel_into_the_network_and_restore_exact_weights(panel, qtbot, client):
    digit = np.zeros((28, 28), np.float32)
    digit[4:24, 12:16] = 1.0
    panel.state.set_current_input(digit, "draw")
    box = panel.network
    before = _fetch(client, qtbot, _params)
    box.select("conv2.weight", 3, 4)
    qtbot.waitUntil(lambda: box.learned_grid.kernel() is not None
                    and np.array_equal(box.learned_grid.kernel(), before["conv2.weight"][3, 4]),
                    timeout=5000)
    panel.library.select("preset", "sobel_x")  # 3x3 into a 5x5 layer: refused with the reason
    assert "5x5" in box.status.text()
    box.put_kernel()
    assert "uses 5x5 kernels but yours is 3x3" in box.status.text()
    assert box.fit_button.isVisibleTo(box) and "5x5" in box.fit_button.text()
    box.fit_button.click()  # the grid becomes 5x5 (Sobel padded, centred) and the button goes
    assert panel.kernel.shape == (5, 5) and not box.fit_button.isVisibleTo(box)
    assert box.status.text() == ""
    panel.library.select("preset", "log")  # 5x5
    box.put_button.click()
    qtbot.waitUntil(lambda: ("conv2.weight", 3, 4) in box.swapped, timeout=5000)
    after = _fetch(client, qtbot, _params)
    for name, arr in after.items():
        if name != "conv2.weight":
            np.testing.assert_array_equal(arr, before[name])
    diff = after["conv2.weight"] != before["conv2.weight"]
    others = np.delete(diff.reshape(-1, 25), 3 * 6 + 4, 0)
    assert diff.sum() > 0 and diff[3, 4].any() and not others.any()
    np.testing.assert_array_equal(after["conv2.weight"][3, 4], K.preset("log").astype(np.float32))
    assert box.restore_button.isEnabled() and "Prediction: learned" in box.prediction.text()
    assert box.after_item.image.shape == (10, 10)  # LeNet-5 conv2 output, filter 3
    # a second, different kernel into the same filter keeps the *learned* weights for restore
    panel.library.select("preset", "box_blur")
    panel.size_spin.setValue(5)
    box.put_button.click()
    second = _fetch(client, qtbot, _params)  # requests run in order: after the second put
    np.testing.assert_allclose(second["conv2.weight"][3, 4], np.full((5, 5), 1 / 25), rtol=1e-6)
    np.testing.assert_array_equal(box.learned_grid.kernel(), before["conv2.weight"][3, 4])
    box.restore_button.click()
    qtbot.waitUntil(lambda: ("conv2.weight", 3, 4) not in box.swapped, timeout=5000)
    restored = _fetch(client, qtbot, _params)
    for name, arr in restored.items():
        assert arr.dtype == before[name].dtype
        np.testing.assert_array_equal(arr, before[name])  # bit for bit
    assert "restored" in box.status.text() and not box.restore_button.isEnabled()


def test_typing_into_a_cell_with_the_keyboard(panel, qtbot):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    panel.library.select("preset", "identity")
    grid = panel.grid
    rect = grid.visualItemRect(grid.item(0, 0))
    # opens the editor
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = grid.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    QTest.keyClicks(editor, "1/4")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.kernel[0, 0] == 0.25, timeout=2000)
    assert grid.item(0, 0).text() == "1/4"  # what was typed stays visible


def test_follow_edits_puts_every_valid_edit_into_the_network(panel, qtbot, client):
    box = panel.network
    box.select("conv1.weight", 1, 0)
    panel.library.select("preset", "gaussian")  # 5x5, fits LeNet-5's conv1
    box.put_button.click()
    qtbot.waitUntil(lambda: ("conv1.weight", 1, 0) in box.swapped, timeout=5000)
    panel.grid.set_cell_text(2, 2, "3")
    assert "again" in box.status.text()  # not followed: says the network still has the old one
    in_net = _fetch(client, qtbot, _params)["conv1.weight"][1, 0]
    np.testing.assert_allclose(in_net, K.preset("gaussian", 5, 1.0), rtol=1e-6)
    box.follow_check.setChecked(True)
    panel.grid.set_cell_text(2, 2, "-1")
    in_net = _fetch(client, qtbot, _params)["conv1.weight"][1, 0]
    assert in_net[2, 2] == -1.0
    panel.grid.set_cell_text(0, 0, "oops")  # invalid: nothing goes in
    in_net2 = _fetch(client, qtbot, _params)["conv1.weight"][1, 0]
    np.testing.assert_array_equal(in_net2, in_net)


def test_a_replaced_live_model_has_nothing_to_restore(panel, qtbot, client):
    from explorer.engine import build_model

    box = panel.network
    panel.library.select("preset", "gaussian")
    box.select("conv1.weight", 0, 0)
    box.put_button.click()
    qtbot.waitUntil(lambda: ("conv1.weight", 0, 0) in box.swapped, timeout=5000)
    fresh = build_model("lenet5", seed=11)
    learned = fresh.parameters()["conv1.weight"][0, 0].copy()
    client.replace_live_model(lambda old: (fresh, None, ""), owner=box)
    qtbot.waitUntil(lambda: not box.swapped, timeout=5000)
    assert "nothing to restore" in box.status.text() and not box.restore_button.isEnabled()
    qtbot.waitUntil(lambda: np.array_equal(box.learned_grid.kernel(), learned), timeout=5000)


def test_a_7x7_kernel_fits_beside_the_learned_filter(panel, qtbot):
    """At 7x7 in a window of 1300x860 (the panel gets about 1300x780) the grid ends above the
    Normalise row and both small grids of “Into the network” fit without a scroll bar."""
    panel.resize(1300, 780)
    panel.library.select("preset", "gaussian")
    panel.size_spin.setValue(7)
    assert panel.grid.size == 7
    qtbot.wait(50)   # layouts run on the event loop

    def bottom(w):
        return w.mapTo(panel, w.rect().bottomLeft()).y()

    def top(w):
        return w.mapTo(panel, w.rect().topLeft()).y()

    assert bottom(panel.grid) < top(panel.normalise_button)
    assert panel.grid.cell_size_for(7) < panel.grid.cell_size_for(5)
    # every cell shows its value without eliding
    metrics = panel.grid.fontMetrics()
    for r in range(7):
        for c in range(7):
            width = metrics.horizontalAdvance(panel.grid.item(r, c).text())
            assert width < panel.grid.columnWidth(c)
    net = panel.network
    scroll = panel.columns.widget(2)
    assert scroll.widget().isAncestorOf(net)
    assert not scroll.horizontalScrollBar().isVisible()
    yours = net.yours_grid
    right = yours.mapTo(scroll.viewport(), yours.rect().topRight()).x()
    assert yours.size == 7 and right <= scroll.viewport().width()


def test_the_learned_versus_yours_chart_has_a_legend(panel):
    bars = panel.network.bars
    texts = [text for _, text in bars.legend_entries]
    assert texts == ["with your kernel", "its answer", "learned filter"]
    title = bars.getPlotItem().titleLabel
    assert title.isVisible() and all(t in title.text for t in texts)
    # the swatches have the bars' own colours
    from explorer.ui.widgets import probability_bars as pb
    assert [c for c, _ in bars.legend_entries] == [pb._MAIN, pb._BEST, pb._SECOND]


def test_kernel_lab_settings_persist_across_restarts(panel, qtbot, client, user_file):
    panel.library.select("preset", "gaussian")
    panel.size_spin.setValue(7)
    panel.sigma_slider.setValue(17)
    _use_picture(panel, "circles")
    panel.padding_combo.setCurrentIndex(panel.padding_combo.findData("reflect"))
    panel.view_combo.setCurrentIndex(1)
    panel.flip_check.setChecked(True)
    kernel = panel.kernel.copy()
    again = KernelPanel(client, AppState())
    qtbot.addWidget(again)
    assert again.active_preset == "gaussian" and again.kernel.shape == (7, 7)
    assert again.sigma() == pytest.approx(1.7)
    np.testing.assert_allclose(again.kernel, kernel)
    assert again.source_combo.currentData() == "circles"
    assert again.padding_combo.currentData() == "reflect"
    assert again.view_combo.currentData() is True and again.flip_check.isChecked()
    assert again.result.magnitude and again.result.flip   # and the output is computed so

    # a kernel typed by hand comes back too; the test-set input with its index
    panel.library.select("preset", "box_blur")
    panel.grid.set_cell_text(0, 0, "-1/2")
    panel.source_combo.setCurrentIndex(panel.source_combo.findData("test"))
    panel.test_index.setValue(5)
    third = KernelPanel(client, AppState())
    qtbot.addWidget(third)
    assert third.active_preset is None and third.kernel[0, 0] == -0.5
    np.testing.assert_allclose(third.kernel, panel.kernel)
    assert third.source_combo.currentData() == "test" and third.test_index.value() == 5

    # an unreadable saved kernel falls back to the default, never fails to open
    app_settings().setValue("kernels/preset", "")
    app_settings().setValue("kernels/custom", "[[1, 2], [oops")
    fourth = KernelPanel(client, AppState())
    qtbot.addWidget(fourth)
    assert fourth.active_preset == "sobel_x"


def test_test_image_follows_a_smaller_data_set(panel):
    """Issue 10: test image #999, then a data set with 200 test images: the lab filters
    image #199 and says why."""
    from explorer.data import pixels_to_float

    from tests.ui.datasets import small_dataset

    panel.source_combo.setCurrentIndex(panel.source_combo.findData("test"))
    panel.test_index.setValue(999)
    assert panel.test_index.value() == 999
    small = small_dataset(200)
    panel.state.set_dataset(small)
    assert panel.test_index.value() == 199
    np.testing.assert_array_equal(panel.image, pixels_to_float(small.test_images[199]))
    assert "#199 of 200 (small200)" in panel.input_note.text()
    assert "no test image #999" in panel.status.text() and not panel.status.is_error
    np.testing.assert_allclose(panel.result.output, filter_image(
        panel.image, panel.kernel, panel.padding_combo.currentData(),
        panel.flip_check.isChecked(), bool(panel.view_combo.currentData())).output)


# --- run-time language switching (issue 14) ------------------------------------------------------


def _retranslates(panel, qapp, allowed=()):
    """Every text of the lab is translated under the pseudo-language, and English again after."""
    with pseudo_language(qapp):
        assert untranslated_texts(panel, allowed) == []
    assert not any(OPEN in text for _, text in all_texts(panel))


def test_the_kernel_lab_retranslates_in_every_state(panel, qtbot, qapp, tmp_path):
    panel.library.select("preset", "gaussian")        # a preset chosen: its description shown
    assert "Gaussian" in panel.status.text()
    _retranslates(panel, qapp)
    with pseudo_language(qapp):                       # the message comes back translated
        assert panel.status.text().startswith(OPEN) and "Gaussian" in panel.status.text()
        assert panel.sum_label.text().startswith(OPEN)
        assert panel.source_combo.currentData() == "checkerboard"   # the choice stays
    assert panel.status.text().startswith("Gaussian blur: ")

    panel.grid.set_cell_text(0, 0, "1/2")              # a custom kernel typed
    assert panel.active_preset is None
    _retranslates(panel, qapp)
    panel.grid.set_cell_text(1, 1, "abc")              # an invalid cell: the grid's message
    with pseudo_language(qapp):
        assert untranslated_texts(panel) == []
        assert OPEN + "Invalid cell" in panel.status.text()
        assert OPEN in panel.grid.item(1, 1).toolTip()
    assert "“abc” is not a number" in panel.status.text()
    panel.grid.set_cell_text(1, 1, "1")

    box = panel.network                                # the kernel put into the network
    panel.state.set_current_input(np.eye(28, dtype=np.float32), "draw")
    panel.library.select("preset", "gaussian")
    box.select("conv1.weight", 1, 0)
    box.put_button.click()
    qtbot.waitUntil(lambda: ("conv1.weight", 1, 0) in box.swapped, timeout=5000)
    assert "Prediction: learned" in box.prediction.text()
    _retranslates(panel, qapp)
    with pseudo_language(qapp):
        assert box.map_caption.text().startswith(OPEN) and OPEN + "the current digit" in (
            box.map_caption.text())
    panel.library.add_user_kernel("mine", np.ones((3, 3)))   # a name the user typed
    panel.library.select("user", "mine")
    # the user's kernel's name stays as typed, in the list and its description
    _retranslates(panel, qapp, allowed=[r"\bmine\b"])

    (tmp_path / "junk.png").write_bytes(b"not a picture")   # an import error shown
    assert not panel.open_image_file(tmp_path / "junk.png")
    assert panel.status.is_error
    _retranslates(panel, qapp, allowed=[r"\bmine\b"])
    assert "Could not read junk.png" in panel.status.text()


def test_a_kernel_set_message_is_said_again_in_the_new_language(panel, qapp, tmp_path):
    path = tmp_path / "set.json"
    panel.library.add_user_kernel("edge", [[1, 0], [0, -1]])
    panel.library.export_file(path)
    assert panel.library.import_file(path) == 1
    panel.library.select("user", "edge")
    panel.library.remove_button.click()
    assert panel.status.text() == "Removed “edge” from My kernels."
    with pseudo_language(qapp):
        assert panel.status.text() == OPEN + "Removed “edge” from My kernels." + CLOSE
    assert panel.status.text() == "Removed “edge” from My kernels."


def test_no_negative_zero_in_the_grids_and_range(panel):
    panel.grid.set_kernel([[0.0, -0.0], [-1e-9, 1.0]])
    texts = [panel.grid.item(r, c).text() for r in range(2) for c in range(2)]
    assert not any(t.startswith("-0") or t == "-.0" for t in texts), texts
    assert "-0.0" not in panel.grid.item(0, 1).toolTip()
    from explorer.ui.widgets.number_grid import format_value
    assert format_value(-0.001, 2) == "0.00" and format_value(-0.02, 2) == "\u22120.02"


def test_the_three_columns_fit_a_1024_pixel_window_in_any_language(panel, qtbot, qapp):
    """A 1024x700 window leaves the lab about 1004x600, a 1280x800 one about 1260x690: the
    three columns stand side by side, none hidden sideways, also when the texts grow (the
    pseudo-language makes every text longer); at 1280x800 the network column, chart included,
    needs no scrolling."""
    net, column = panel.network, panel.columns.widget(2)

    def fits(width, height):
        panel.resize(width, height)
        qtbot.wait(50)   # layouts run on the event loop
        assert panel.columns.minimumSizeHint().width() <= width - 20
        assert panel.columns.width() <= width
        assert column.viewport().width() >= net.minimumSizeHint().width()
        assert column.viewport().width() >= net.width() > 0
        assert net.bars.isVisible()

    for size in ((1004, 600), (1260, 690)):
        fits(*size)
        with pseudo_language(qapp):
            fits(*size)
    panel.resize(1260, 690)
    qtbot.wait(50)
    assert not column.verticalScrollBar().isVisible()
    bars = net.bars
    assert bars.mapTo(column.viewport(), bars.rect().bottomLeft()).y() <= column.viewport().height()


def test_a_picture_error_goes_after_the_next_thing_that_works(panel, qtbot, tmp_path):
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"garb")
    assert not panel.open_image_file(fake)
    assert panel.status.is_error and "fake.png" in panel.status.text()
    qtbot.wait(10)   # the failed action is over
    assert panel.status.is_error   # nothing else happened yet
    _use_picture(panel, "circles")  # works: the error is old news
    assert not panel.status.is_error and "fake.png" not in panel.status.text()
