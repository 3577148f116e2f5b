"""The Kernel lab's library of kernels: unreadable kernel-set files (issue 10)."""

from __future__ import annotations

import pytest

from explorer.ui.widgets import kernel_library
from explorer.ui.widgets.kernel_library import KernelLibrary

NESTED = "[" * 100_000 + "]" * 100_000
HUGE_INT = ('{"format": "cnn-explorer-kernel-set", "version": 1, "kernels": [{"name": "k", '
            '"values": [[1' + "0" * 400 + "]]}]}")


@pytest.fixture
def user_file(tmp_path, monkeypatch):
    path = tmp_path / "data" / "my-kernels.json"
    path.parent.mkdir()
    monkeypatch.setattr(kernel_library, "user_kernels_path", lambda: path)
    return path


@pytest.mark.parametrize("text", [NESTED, HUGE_INT], ids=["nested", "huge_int"])
def test_an_unparseable_saved_set_is_moved_aside_and_the_app_starts(qtbot, user_file, text):
    user_file.write_text(text, "utf-8")
    library = KernelLibrary()
    qtbot.addWidget(library)
    assert "Your saved kernels could not be read" in library.startup_message
    assert library.user_kernels == []
    assert not user_file.exists()
    assert [p.name.split(".")[1][:10] for p in user_file.parent.iterdir()] == ["unreadable"]


@pytest.mark.parametrize("text, message", [(NESTED, "nested too deeply"),
                                           (HUGE_INT, "2-D array of numbers")],
                         ids=["nested", "huge_int"])
def test_import_says_what_is_wrong(qtbot, user_file, tmp_path, monkeypatch, text, message):
    library = KernelLibrary()
    qtbot.addWidget(library)
    bad = tmp_path / "shared.json"
    bad.write_text(text, "utf-8")
    shown = []
    monkeypatch.setattr(kernel_library.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(kernel_library.QMessageBox, "warning",
                        lambda parent, title, text: shown.append((title, text)))
    library.import_button.click()
    assert len(shown) == 1 and shown[0][0] == "Could not import"
    assert shown[0][1].startswith("shared.json") and message in shown[0][1]
    assert "nothing was changed" in shown[0][1]
