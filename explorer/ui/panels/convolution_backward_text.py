"""The backward stepper's arithmetic, written out as translated rich text.

Each function turns one position of `explorer.engine.backward` (a `DxPosition`, `DwPosition`,
`DbPosition` or `PoolGradPosition`) into the sum a learner can check by hand. Sentences are
whole and translated in the "BackwardText" context; numbers are filled in with `fill`.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication

from explorer.ui.text import fill
from explorer.ui.panels.convolution_text import colour_name
from explorer.ui.widgets.number_grid import format_value

CONTEXT = "BackwardText"
#: Products written out before the sum is abbreviated ("… 40 more").
MAX_TERMS = 36


translate = QCoreApplication.translate


def _decimals(*arrays) -> int | None:
    for a in arrays:
        a = np.asarray(a, dtype=np.float64)
        if a.size and not np.all(a == np.round(a)):
            return 4
    return None


def _v(value, decimals=None) -> str:
    return html.escape(format_value(float(value), decimals))


def _factor(value, decimals=None) -> str:
    text = _v(value, decimals)
    return f"({text})" if float(value) < 0 else text


def _sum_of_products(a, b, decimals) -> str:
    """``a0×b0 + a1×b1 + …`` over equally shaped arrays (zero terms kept: they teach)."""
    a, b = np.ravel(a), np.ravel(b)
    terms = [f"{_factor(x, decimals)}\u00d7{_factor(y, decimals)}" for x, y in zip(a, b)]
    if len(terms) > MAX_TERMS:
        more = len(terms) - MAX_TERMS
        terms = terms[:MAX_TERMS] + [fill(translate("BackwardText", "\u2026 %1 more"), more)]
    return " + ".join(terms)


def dx_html(p, bw) -> str:
    """One cell of dX: the window of the padded, dilated dY times the rotated kernel."""
    dec = _decimals(p.dy_window, p.kernel)
    kh, kw = bw.kernel_size
    if p.cropped:
        head = fill(translate("BackwardText",
                              "<b>dX at row %1, column %2</b> of the padded input"), p.row, p.col)
    else:
        head = fill(translate("BackwardText", "<b>dX at row %1, column %2</b>"), *p.input_cell)
    lines = [head, fill(translate(
        "BackwardText",
        "= the sum of dY (padded, %1\u00d7%2 window) \u00d7 the kernel rotated 180\u00b0:"),
        kh, kw)]
    for f in range(p.products.shape[0]):
        lines.append(_sum_of_products(p.dy_window[f], p.kernel[f], dec)
                     + f" = <b>{_v(p.filter_sums[f], dec)}</b>")
    if p.cropped:
        lines.append(translate(
            "BackwardText",
            "This cell lies on the padding: it is computed and then cropped away, because "
            "padding is not part of the input and needs no gradient."))
    else:
        lines.append(fill(translate("BackwardText", "The engine's conv2d_backward gives %1 here."),
                          f"<b>{_v(p.result, dec)}</b>"))
    return "<br>".join(lines)


def dw_html(p, check=None, rgb: bool = False) -> str:
    """One weight of dW: the input cells it multiplied times dY, summed; and the gradient
    check (``check``: a `ConvGradientCheck`, or None when not computed). ``rgb``: the input
    is an RGB picture, so the weight's slice is named by its colour."""
    dec = _decimals(p.x_cells, p.dy)
    if rgb:
        head = fill(translate("BackwardText", "<b>dW at row %1, column %2</b> (the %3 slice)"),
                    p.row, p.col, colour_name(p.channel))
    else:
        head = fill(translate("BackwardText", "<b>dW at row %1, column %2</b> (channel %3)"),
                    p.row, p.col, p.channel)
    lines = [
        head,
        translate("BackwardText",
                  "= the sum of the input cells this weight multiplied \u00d7 the dY of the "
                  "output cell each product went to:"),
    ]
    n = p.x_cells.shape[0] if np.ndim(p.x_cells) == 3 else 1
    if n == 1:
        lines.append(_sum_of_products(p.x_cells, p.dy, dec) + f" = <b>{_v(p.total, dec)}</b>")
    else:
        parts = []
        for i in range(n):
            part = float(np.sum(p.products[i]))
            parts.append(part)
            lines.append(fill(translate("BackwardText", "image %1: %2 = %3"), i,
                              _sum_of_products(p.x_cells[i], p.dy[i], dec), _v(part, dec)))
        lines.append(fill(translate(
            "BackwardText",
            "dW is summed over the batch: the images' contributions %1 add up to %2."),
            " + ".join(_factor(v, dec) for v in parts), f"<b>{_v(p.total, dec)}</b>"))
    lines.append(fill(translate("BackwardText", "The engine's conv2d_backward gives %1 here."),
                      f"<b>{_v(p.result, dec)}</b>"))
    if check is not None:
        lines.append("<br>" + fill(translate(
            "BackwardText",
            "<b>Gradient check</b> (as \u201cDeep Learning from Scratch\u201d checks its code): "
            "for L = sum(dY \u00d7 Y), "
            "backpropagation gives %1; the central difference (L(w + h) \u2212 L(w \u2212 h)) / "
            "2h with h = %2 gives %3. Relative difference: %4."),
            f"{check.backprop:.6g}", f"{check.h:g}", f"{check.numeric:.6g}",
            f"{check.relative:.1e}"))
    return "<br>".join(lines)


def db_html(p) -> str:
    """The bias gradient: every dY cell summed (the bias is added to every output cell)."""
    dec = _decimals(p.dy)
    if np.ndim(p.dy) == 3 and p.dy.shape[0] > 1:
        sums = [float(np.sum(d)) for d in p.dy]
        return "<br>".join([
            translate("BackwardText",
                      "<b>db</b> = the sum of all dY cells of every image of the batch: the bias "
                      "was added to every output cell of each image."),
            *(fill(translate("BackwardText", "image %1: the sum of its dY = %2"), i,
                   _v(v, dec)) for i, v in enumerate(sums)),
            " + ".join(_factor(v, dec) for v in sums) + f" = <b>{_v(p.total, dec)}</b>",
            fill(translate("BackwardText", "The engine's conv2d_backward gives %1 here."),
                 f"<b>{_v(p.result, dec)}</b>"),
        ])
    values = np.ravel(p.dy)
    terms = [_v(v, dec) for v in values[:MAX_TERMS]]
    if values.size > MAX_TERMS:
        terms.append(fill(translate("BackwardText", "\u2026 %1 more"), values.size - MAX_TERMS))
    return "<br>".join([
        translate("BackwardText",
                  "<b>db</b> = the sum of all dY cells: the bias was added to every output cell, "
                  "so each of them passes its gradient on to it."),
        " + ".join(terms) + f" = <b>{_v(p.total, dec)}</b>",
        fill(translate("BackwardText", "The engine's conv2d_backward gives %1 here."),
             f"<b>{_v(p.result, dec)}</b>"),
    ])


def pool_html(p, mode: str, window_cells: int) -> str:
    """Where one dY cell of a pooling goes: to the winner (max) or shared (average)."""
    dec = _decimals([p.dy], p.amounts)
    head = fill(translate("BackwardText", "<b>dY at row %1, column %2</b> (channel %3) = %4"),
                p.row, p.col, p.channel, _v(p.dy, dec))
    if mode == "max":
        if p.destinations:
            r, c = p.destinations[0]
            body = fill(translate(
                "BackwardText",
                "Max pooling sends it all to the window's winner, input row %1, column %2 "
                "(circled); the other cells of the window get 0."), r, c)
        else:
            body = translate("BackwardText",
                             "The window's winner is a padding cell: the gradient is lost.")
    else:
        share = p.dy / window_cells
        places = 4 if dec or share != round(share) else None
        body = fill(translate(
            "BackwardText",
            "Average pooling shares it equally: %1 / %2 = %3 for each cell of the window."),
            _v(p.dy, dec), window_cells, _v(share, places))
        if p.lost:
            body += " " + fill(translate(
                "BackwardText", "The shares that fall on padding (%1 in all) are lost."),
                _v(p.lost, 4))
    return head + "<br>" + body + "<br>" + translate(
        "BackwardText", "A cell under several windows adds up what each window sends it.")


def gate_html(g, open_cells: int, cells: int) -> str:
    """The ReLU gate's caption: which label, how many cells let the gradient through."""
    if g.true:
        text = translate(
            "BackwardText",
            "<b>The ReLU gate</b>: the loss for the true label %1 sends dY back through %2. The "
            "gradient passes only where %3's output was positive: %4 of %5 cells.")
    else:
        text = translate(
            "BackwardText",
            "<b>The ReLU gate</b>: the loss for the network's answer %1 sends dY back through "
            "%2. The gradient passes only where %3's output was positive: %4 of %5 cells.")
    return fill(text, g.label, g.relu, g.layer, open_cells, cells)
