"""What the Kernel lab says in words: the kernel's sum and what it does, what flipping it does,
and the items (with tooltips) of its input, padding and view choices.

Every function returns text in the current language, so the lab calls them again from its
``retranslate_ui``. The strings keep the ``KernelPanel`` translation context they had inside
the panel.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from explorer.engine import kernels as K
from explorer.engine.images import BUILTIN_PICTURES
from explorer.ui.engine_strings import tr_engine
from explorer.ui.text import fill

translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")


def sum_text(kernel: np.ndarray) -> str:
    """The sum of a ``(K, K)`` kernel and what it does, e.g. “Sum: 0 (flat areas → 0)”."""
    total = K.kernel_sum(kernel)
    if abs(total) < 1e-12 * max(1.0, float(np.abs(kernel).sum())):
        total = 0.0  # rounding left-overs of a zero-sum kernel (LoG) read as 0
    if abs(total - 1) < 1e-9:
        text = translate("KernelPanel", "Sum: %1 (keeps brightness)")
    elif abs(total) < 1e-9:
        text = translate("KernelPanel", "Sum: %1 (flat areas → 0)")
    elif total > 1:
        text = translate("KernelPanel", "Sum: %1 (brightens)")
    elif total > 0:
        text = translate("KernelPanel", "Sum: %1 (darkens)")
    else:
        text = translate("KernelPanel", "Sum: %1 (inverts)")
    return fill(text, K.format_cell(total))


def flip_text(effect: str) -> str:
    """What a true convolution changes, for `explorer.engine.kernels.flip_effect`'s answer
    (``"same"``, ``"negated"`` or ``"different"``)."""
    if effect == "same":
        return translate("KernelPanel", "Turned 180° this kernel is unchanged, so flipping "
                                        "changes nothing (like a Gaussian).")
    if effect == "negated":
        return translate("KernelPanel", "Turned 180° this kernel becomes its negative: flipping "
                                        "changes the sign of every response (like Sobel).")
    return translate("KernelPanel", "Turned 180° this kernel is a different kernel: flipping "
                                    "changes the output.")


def source_texts() -> dict[str, tuple[str, str]]:
    """``{input key: (item text, tooltip)}`` of the lab's input choice."""
    texts = {
        "digit": (translate("KernelPanel", "Current digit"), translate(
            "KernelPanel", "The app's current input: the digit drawn in the Draw tab or the "
                           "sample picked in the Data tab.")),
        "test": (translate("KernelPanel", "Test-set image"), ""),
        "file": (translate("KernelPanel", "Opened picture"), ""),
    }
    for key, (title, desc, _) in BUILTIN_PICTURES.items():
        texts[key] = (tr_engine(title), tr_engine(desc))
    return texts


def padding_texts() -> dict[str, tuple[str, str]]:
    """``{padding mode: (item text, tooltip)}``."""
    return {
        "zero": (translate("KernelPanel", "zero"), translate(
            "KernelPanel", "Outside the image counts as 0 (black): edges of the picture light "
                           "up.")),
        "reflect": (translate("KernelPanel", "reflect"), translate(
            "KernelPanel", "Outside mirrors the inside (d c b | a b c d).")),
        "replicate": (translate("KernelPanel", "replicate"), translate(
            "KernelPanel", "Outside repeats the border pixel (a a a | a b c d).")),
    }


def view_texts() -> dict[bool, tuple[str, str]]:
    """``{magnitude on: (item text, tooltip)}`` of the view choice."""
    return {False: (translate("KernelPanel", "Response"), ""),
            True: (translate("KernelPanel", "Edge magnitude √(gx² + gy²)"), "")}
