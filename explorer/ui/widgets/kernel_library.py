"""The Kernel lab's library: the engine's presets and the user's own kernels.

The user's kernels are kept in a JSON kernel set (``explorer.engine.kernels`` format) in the
application data folder, written atomically after every change; kernel sets can also be
imported from and exported to any file.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from explorer.data.cache import app_data_dir
from explorer.engine.kernels import (PRESETS, NamedKernel, load_kernel_set, named_kernel,
                                     save_kernel_set)
from explorer.ui.engine_strings import tr_engine
from explorer.ui.text import fill
from explorer.ui.user_folders import user_data_base

USER_FILE = "my-kernels.json"
JSON_FILTER = QT_TRANSLATE_NOOP("KernelLibrary", "Kernel sets (*.json)")
_ROLE = Qt.ItemDataRole.UserRole


translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


def user_kernels_path() -> Path:
    """Where the user's own kernels are stored: ``<data>/CNN Explorer/`` (an older version's
    file one folder deeper is moved there; tests point this elsewhere)."""
    return app_data_dir(user_data_base()) / USER_FILE


#: The library list shows at least this many rows.
MIN_ROWS = 6


class KernelLibrary(QWidget):
    """A list of presets (``("preset", name)``) and user kernels (``("user", name)``).

    ``sigPresetChosen(name)`` / ``sigUserKernelChosen(NamedKernel)`` when the user picks one;
    ``sigMessage(text)`` for the panel's status line: a `LiveText` (a function that says the
    message in the current language, for `MessageLabel`). ``add_user_kernel`` stores a
    kernel."""

    sigPresetChosen = Signal(str)
    sigUserKernelChosen = Signal(object)
    sigMessage = Signal(object)

    def hasHeightForWidth(self) -> bool:
        """No: a vertical layout takes an item's height-for-width (the list's full preferred
        height) as its minimum, which squeezed the kernel grid above the library at 7x7. The
        list shrinks and scrolls instead; the description keeps three lines."""
        return False

    def __init__(self, parent=None):
        super().__init__(parent)
        self.user_kernels: list[NamedKernel] = []
        # a problem met while reading the saved kernels, for the panel to show: a function
        # saying it in the current language, or None
        self.startup_problem = None
        self.list = QListWidget()
        self.list.setObjectName("kernelLibraryList")
        # a narrow column elides long names ("Laplacian (8-neigh…") instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("kernelDescription")
        self.description.setMinimumHeight(3 * self.description.fontMetrics().lineSpacing())
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        # two rows of two: one row of four made the lab's left column too wide for a
        # 1024-pixel window (wider still in Chinese)
        buttons = QGridLayout()
        for i, b in enumerate((self.add_button, self.remove_button, self.import_button,
                               self.export_button)):
            buttons.addWidget(b, i // 2, i % 2)
        #: rows the list shows at least (the column scrolls in a short window instead)
        self.list.setMinimumHeight(MIN_ROWS * self.list.fontMetrics().lineSpacing()
                                   + 2 * self.list.frameWidth() + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.remove_button.clicked.connect(self._on_remove)
        self.import_button.clicked.connect(self._on_import)
        self.export_button.clicked.connect(self._on_export)
        self._load_user_kernels()
        self.retranslate_ui()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Buttons, tooltips, the list (selection kept) and the description, in the current
        language."""
        self.list.setToolTip(translate(
            "KernelLibrary", "Click a kernel to load it into the grid; hover for what it does."))
        self.add_button.setText(translate("KernelLibrary", "Add c&urrent…"))
        self.add_button.setToolTip(translate(
            "KernelLibrary", "Save the kernel in the grid under a name in “My kernels” (kept "
                             "between sessions)."))
        self.remove_button.setText(translate("KernelLibrary", "Remove"))
        self.remove_button.setToolTip(translate(
            "KernelLibrary", "Delete the selected kernel from “My kernels”."))
        self.import_button.setText(translate("KernelLibrary", "Import…"))
        self.import_button.setToolTip(translate(
            "KernelLibrary", "Add the kernels of a kernel-set JSON file to “My kernels”."))
        self.export_button.setText(translate("KernelLibrary", "Export…"))
        self.export_button.setToolTip(translate(
            "KernelLibrary", "Write “My kernels” to a kernel-set JSON file to share or keep."))
        item = self.list.currentItem()
        scroll = self.list.verticalScrollBar().value()
        self._rebuild(select=item.data(_ROLE) if item is not None else None)
        self.list.verticalScrollBar().setValue(scroll)

    @property
    def startup_message(self) -> str:
        """The problem met while reading the saved kernels, in the current language (or "")."""
        return self.startup_problem() if self.startup_problem else ""

    def __repr__(self) -> str:
        return f"KernelLibrary({len(PRESETS)} presets, {len(self.user_kernels)} of the user's)"

    # --- list -----------------------------------------------------------------------------------
    def _header(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        return item

    def _rebuild(self, select: tuple[str, str] | None = None):
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItem(self._header(translate("KernelLibrary", "Presets")))
        for p in PRESETS.values():
            item = QListWidgetItem("  " + tr_engine(p.title))
            item.setData(_ROLE, ("preset", p.name))
            item.setToolTip(tr_engine(p.description))
            self.list.addItem(item)
        self.list.addItem(self._header(translate("KernelLibrary", "My kernels")))
        if not self.user_kernels:
            hint = QListWidgetItem("  " + translate(
                "KernelLibrary", "(none yet: edit a kernel, then “Add current…”)"))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(hint)
        for k in self.user_kernels:
            n = k.values.shape[0]
            item = QListWidgetItem(f"  {k.name}  ({n}x{n})")
            item.setData(_ROLE, ("user", k.name))
            item.setToolTip(k.description or translate("KernelLibrary", "Your own kernel."))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if select is not None:
            self.select(*select, emit=False)
        else:
            self._describe(None)
        self._update_buttons()

    def select(self, kind: str, name: str, emit: bool = True) -> bool:
        """Select the entry ``(kind, name)``; emit its signal when ``emit``. False if absent."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(_ROLE) == (kind, name):
                self.list.blockSignals(not emit)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
                self._describe(item)
                self._update_buttons()
                return True
        return False

    def clear_selection(self):
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        self._update_buttons()

    def user_kernel(self, name: str) -> NamedKernel | None:
        return next((k for k in self.user_kernels if k.name == name), None)

    def _describe(self, item: QListWidgetItem | None):
        data = item.data(_ROLE) if item is not None else None
        if not data:
            self.description.setText("")
        elif data[0] == "preset":
            p = PRESETS[data[1]]
            self.description.setText(fill(translate("KernelLibrary", "<b>%1</b>: %2"),
                                          html.escape(tr_engine(p.title)),
                                          html.escape(tr_engine(p.description))))
        else:
            k = self.user_kernel(data[1])
            if k.description:
                self.description.setText(fill(translate("KernelLibrary", "<b>%1</b>: %2"),
                                              html.escape(k.name), html.escape(k.description)))
            else:
                self.description.setText(fill(translate("KernelLibrary",
                                                        "<b>%1</b>: your own kernel."),
                                              html.escape(k.name)))

    def _emit_choice(self, item: QListWidgetItem | None):
        data = item.data(_ROLE) if item is not None else None
        if not data:
            return
        if data[0] == "preset":
            self.sigPresetChosen.emit(data[1])
        else:
            self.sigUserKernelChosen.emit(self.user_kernel(data[1]))

    def _on_current_changed(self, current, previous):
        self._describe(current)
        self._update_buttons()
        self._emit_choice(current)

    def _on_item_clicked(self, item):
        # clicking the already-selected entry reloads it (e.g. to undo edits)
        if item is self.list.currentItem():
            self._emit_choice(item)

    def _update_buttons(self):
        item = self.list.currentItem()
        data = item.data(_ROLE) if item is not None else None
        self.remove_button.setEnabled(bool(data) and data[0] == "user")
        self.export_button.setEnabled(bool(self.user_kernels))

    # --- the user's kernels -------------------------------------------------------------------
    def _load_user_kernels(self):
        path = user_kernels_path()
        if not path.exists():
            return
        try:
            self.user_kernels = load_kernel_set(path)
        except (ValueError, OSError):
            stamp = time.strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
            try:
                path.rename(backup)
            except OSError:
                self.startup_problem = lambda: fill(translate(
                    "KernelLibrary", "Your saved kernels could not be read from %1, and the file "
                    "could not be set aside either: My kernels starts empty. Check that the "
                    "folder can be read and written."), str(path))
                return
            self.startup_problem = lambda: fill(translate(
                "KernelLibrary", "Your saved kernels could not be read (the file is damaged or "
                "is not a kernel set). It was kept as %1, and My kernels starts empty."),
                str(backup))

    def _store(self) -> bool:
        try:
            save_kernel_set(user_kernels_path(), self.user_kernels)
            return True
        except (OSError, ValueError):
            path = str(user_kernels_path())
            self.sigMessage.emit(lambda: fill(translate(
                "KernelLibrary", "Could not save your kernels to %1: check that the folder "
                "exists and can be written to. They are kept until you close the app."), path))
            return False

    def add_user_kernel(self, name: str, values, description: str = "") -> NamedKernel:
        """Store ``values`` ``(K, K)`` as ``name`` (replacing a kernel of that name) and select it.
        Raises ``ValueError`` for an empty name or a bad kernel."""
        k = named_kernel(name, values, description)
        existing = [i for i, old in enumerate(self.user_kernels) if old.name == k.name]
        if existing:
            self.user_kernels[existing[0]] = k
        else:
            self.user_kernels.append(k)
        self._store()
        self._rebuild(select=("user", k.name))
        return k

    def ask_and_add(self, values, suggested: str = "") -> NamedKernel | None:
        """Ask for a name (and replace-confirmation) and store ``values``; None if cancelled."""
        name, ok = QInputDialog.getText(self, translate("KernelLibrary", "Add to my kernels"),
                                        translate("KernelLibrary", "Name for this kernel:"),
                                        text=suggested)
        if not ok or not name.strip():
            return None
        if self.user_kernel(name.strip()) is not None:
            question = fill(translate("KernelLibrary", "“%1” already exists in My kernels. "
                                      "Replace it?"), name.strip())
            answer = QMessageBox.question(self, translate("KernelLibrary", "Replace kernel?"),
                                          question)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        k = self.add_user_kernel(name, values)
        self.sigMessage.emit(lambda: fill(translate(
            "KernelLibrary", "Saved “%1” in My kernels."), k.name))
        return k

    def remove_user_kernel(self, name: str) -> None:
        self.user_kernels = [k for k in self.user_kernels if k.name != name]
        self._store()
        self._rebuild()

    def _on_remove(self):
        item = self.list.currentItem()
        data = item.data(_ROLE) if item is not None else None
        if data and data[0] == "user":
            name = data[1]
            self.remove_user_kernel(name)
            self.sigMessage.emit(lambda: fill(translate(
                "KernelLibrary", "Removed “%1” from My kernels."), name))

    def import_file(self, path) -> int:
        """Add every kernel of the set at ``path`` (same names are replaced). Returns how many.
        Raises ``ValueError``/``OSError``; then nothing changes."""
        loaded = load_kernel_set(path)
        by_name = {k.name: k for k in self.user_kernels}
        for k in loaded:
            by_name[k.name] = k
        self.user_kernels = list(by_name.values())
        self._store()
        self._rebuild()
        return len(loaded)

    def export_file(self, path) -> None:
        save_kernel_set(path, self.user_kernels)

    def _on_import(self):
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("KernelLibrary", "Import a kernel set"),
            "",
            translate("KernelLibrary", JSON_FILTER),
        )
        if not path:
            return
        name = Path(path).name
        try:
            n = self.import_file(path)
        except OSError:
            QMessageBox.warning(self, translate("KernelLibrary", "Could not import"), fill(
                translate("KernelLibrary", "%1 could not be opened: check that the file exists "
                          "and that you may read it. Nothing was changed."), name))
            return
        except ValueError as exc:
            # the engine's own description of the fault (English until it has message ids)
            text = fill(translate(
                "KernelLibrary", "%1 is not a kernel set that CNN Explorer can read, so nothing "
                "was changed. Choose a kernel set saved by CNN Explorer (Export…).\n\nWhat is "
                "wrong: %2"), name, exc)
            QMessageBox.warning(self, translate("KernelLibrary", "Could not import"), text)
            return
        self.sigMessage.emit(lambda: fill(translate(
            "KernelLibrary", "Imported %n kernel(s) from %1.", "", n), name))

    def _on_export(self):
        path, _ = QFileDialog.getSaveFileName(self, translate("KernelLibrary", "Export my kernels"),
                                              "my-kernels.json",
                                              translate("KernelLibrary", JSON_FILTER))
        if not path:
            return
        name = Path(path).name
        try:
            self.export_file(path)
        except (ValueError, OSError):
            text = fill(translate(
                "KernelLibrary", "%1 could not be written: check that the folder exists and "
                "that you may write there, or choose another folder or file name."), name)
            QMessageBox.warning(self, translate("KernelLibrary", "Could not export"), text)
            return
        n = len(self.user_kernels)
        self.sigMessage.emit(lambda: fill(translate(
            "KernelLibrary", "Exported %n kernel(s) to %1.", "", n), name))
