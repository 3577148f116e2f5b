"""The status bar: a long message gets room from the model label (elided meanwhile) instead of
being cut mid-word under it; the label takes its width back when the message goes."""

from explorer.app import build_window


def test_a_long_message_gets_room_from_the_model_label(qtbot):
    w = build_window()
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    label, bar = w.model_label, w.statusBar()
    whole = label.text_width()
    qtbot.waitUntil(lambda: label.width() >= whole - 1, timeout=2000)
    long = "Could not read fake.png as a picture: " + "the file is not a PNG or JPEG " * 2
    w._show_status(lambda: long)
    qtbot.wait(20)
    assert bar.currentMessage() == long
    message_end = bar.fontMetrics().horizontalAdvance(long)
    assert label.width() < whole and label.is_elided()
    assert message_end + 8 < label.geometry().left()   # nothing of the message under the label
    longer = long * 3   # longer than the bar: said whole in the tooltip
    w._show_status(lambda: longer)
    assert bar.currentMessage() == longer and bar.toolTip() == longer
    bar.clearMessage()
    qtbot.waitUntil(lambda: label.width() >= whole - 1, timeout=2000)
    assert not label.is_elided() and bar.toolTip() == ""
    w.close()


def test_the_loading_message_goes_when_the_model_is_live(qtbot, tmp_path):
    from explorer.engine import build_model
    from explorer.engine.serialize import save_model

    w = build_window()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.client.model_info is not None, timeout=15000)
    path = tmp_path / "tiny.npz"
    save_model(build_model("simple_convnet", seed=0), path)
    w.load_model_file(str(path))
    assert "Loading" in w.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "tiny.npz" in w.model_label.text(), timeout=15000)
    assert "Loading" not in w.statusBar().currentMessage()
    w.close()
