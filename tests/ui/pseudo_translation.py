"""A pseudo-translation that proves texts are translated and retranslated at run time.

`PseudoTranslator` answers every lookup with the source wrapped in ``⟦...⟧``. Install it (the
`pseudo_language` context manager does, and removes it again), and Qt sends every window a
``LanguageChange``: a widget that retranslates shows ``⟦...⟧`` around each of its texts.
`untranslated_texts(root)` walks a widget tree (labels, buttons, group titles, tabs, combo
items, table headers, menus and actions, tooltips, placeholders, spin-box affixes and
pyqtgraph titles, axis labels and legends) and lists every text that shows no marker: a
string that escaped ``tr()``, or one that was translated once and never again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QGroupBox,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QMenu,
                               QTableWidget, QTabWidget, QWidget)

OPEN, CLOSE = "⟦", "⟧"

#: A text needs translating when it holds a word: two or more letters in a row.
_WORDS = re.compile(r"[A-Za-z]{2,}")

#: Names every language keeps in Latin letters (the issue's list), and units.
KEPT_NAMES = re.compile(
    r"^(?:[\s\d.,:;=+\-−x×/()%\[\]]|ReLU|LeNet|AlexNet|Inception|im2col|col2im|SAME|VALID|"
    r"Adam|SGD|MNIST|Fashion-MNIST|CIFAR-10|CIFAR|VGG|Tiny|ONNX|PCA|t-SNE|Grad-CAM|"
    r"SmoothGrad|NumPy|PyTorch|Qt|fc\d*|conv\d*|pool\d*|relu\d*|flatten|dW|dX|dY|db|"
    r"N|C|H|W|P|S|FH|FW|OH|OW|px|ms|s|MB|KB|GB|e[-+]?\d+)*$")


class PseudoTranslator(QTranslator):
    """Every text becomes ``⟦source⟧``; placeholders and ``&`` mnemonics stay inside."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt API)
        return f"{OPEN}{source}{CLOSE}" if source else source

    def isEmpty(self):
        return False


@contextmanager
def pseudo_language(app=None):
    """Install `PseudoTranslator` for the block (Qt sends LanguageChange to every window on
    install and on removal), then process the events so that widgets have retranslated."""
    app = app or QCoreApplication.instance()
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    app.processEvents()
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
        app.processEvents()


def needs_marker(text: str) -> bool:
    """True for a text a reader reads as words (not a number, a unit or a kept name)."""
    plain = re.sub(r"<[^>]+>|&\w+;", " ", text)  # rich text: tags and entities
    plain = plain.replace("&", "")
    return bool(_WORDS.search(plain)) and not KEPT_NAMES.match(plain.strip())


def _widget_texts(w: QWidget) -> Iterator[tuple[str, str]]:
    name = w.objectName() or type(w).__name__
    yield f"{name}.toolTip", w.toolTip()
    yield f"{name}.statusTip", w.statusTip()
    yield f"{name}.whatsThis", w.whatsThis()
    if isinstance(w, QLabel):
        yield f"{name}.text", w.text()
    if isinstance(w, QAbstractButton):
        yield f"{name}.text", w.text()
    if isinstance(w, QGroupBox):
        yield f"{name}.title", w.title()
    if isinstance(w, QLineEdit):
        yield f"{name}.placeholderText", w.placeholderText()
    if isinstance(w, QAbstractSpinBox):
        for attr in ("prefix", "suffix", "specialValueText"):
            if hasattr(w, attr):
                yield f"{name}.{attr}", getattr(w, attr)()
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield f"{name}.item[{i}]", w.itemText(i)
            yield f"{name}.itemToolTip[{i}]", w.itemData(i, 3) or ""  # Qt.ToolTipRole
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield f"{name}.tab[{i}]", w.tabText(i)
            yield f"{name}.tabToolTip[{i}]", w.tabToolTip(i)
    if isinstance(w, QTableWidget):
        for i in range(w.columnCount()):
            item = w.horizontalHeaderItem(i)
            yield f"{name}.column[{i}]", item.text() if item else ""
    elif isinstance(w, QHeaderView) and w.model() is not None:
        for i in range(w.count()):
            value = w.model().headerData(i, w.orientation())
            yield f"{name}.header[{i}]", value if isinstance(value, str) else ""
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            yield f"{name}.item[{i}]", w.item(i).text()
            yield f"{name}.itemToolTip[{i}]", w.item(i).toolTip()
    if isinstance(w, QMenu):
        yield f"{name}.title", w.title()
    for action in w.actions():
        label = action.objectName() or action.text()
        yield f"{name}.action[{label}].text", action.text()
        yield f"{name}.action[{label}].toolTip", (
            action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
        if action.menu() is not None:
            yield f"{name}.action[{label}].menu", action.menu().title()


def _plot_texts(w: QWidget) -> Iterator[tuple[str, str]]:
    """Titles, axis labels, legends and text items of a pyqtgraph view (if ``w`` is one)."""
    scene = getattr(w, "scene", None)
    if not callable(scene) or scene() is None:
        return
    try:
        import pyqtgraph as pg
    except ImportError:  # pragma: no cover - pyqtgraph is a dependency
        return
    name = w.objectName() or type(w).__name__
    for item in scene().items():
        if isinstance(item, pg.AxisItem):
            if item.label.isVisible():
                yield f"{name}.axis", item.labelText
        elif isinstance(item, pg.LabelItem):
            if item.isVisible():
                yield f"{name}.label", item.text or ""
        elif isinstance(item, pg.TextItem):
            if item.isVisible():
                yield f"{name}.textItem", item.textItem.toPlainText()


def all_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text under ``root`` (root included)."""
    for w in [root, *root.findChildren(QWidget)]:
        yield from _widget_texts(w)
        yield from _plot_texts(w)
    if hasattr(root, "menuBar"):
        for menu in root.menuBar().findChildren(QMenu):
            yield from _widget_texts(menu)


def untranslated_texts(root: QWidget, allowed: Iterable[str] = ()) -> list[str]:
    """Every text under ``root`` that needs translating but shows no ``⟦`` marker.

    ``allowed``: regular expressions of texts that rightly stay as they are (a file name, a
    layer's name typed by the user). Returns ``"where: text"`` lines, empty when all is well.
    """
    keep = [re.compile(a) for a in allowed]
    found = []
    for where, text in all_texts(root):
        if not text or OPEN in text or not needs_marker(text):
            continue
        if any(k.search(text) for k in keep):
            continue
        found.append(f"{where}: {text[:120]!r}")
    return sorted(set(found))
