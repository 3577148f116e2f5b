"""The Convolution panel's written-out arithmetic and output-size explanations (HTML).

Text only: every number comes from a stepper position or an engine ``OutputSizeExplanation``.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject

from explorer.ui.widgets.number_grid import format_value




class OutputSizeTexts(QObject):
    """The output-size sentences that name a count: one sentence per axis and number (a
    "rows"/"columns" word put into a sentence cannot be translated well). ``n == 1`` has its own
    singular sentence; otherwise ``tr(text, "", n)`` gives translators Qt's plural forms (%n)."""

    def dropped(self, axis: str, n: int) -> str:
        """{0} padded size, {1} kernel, {2} numerator, {3} stride, {4} the dropped indices."""
        if axis == "H":
            if n == 1:
                return self.tr("{0} \u2212 {1} = {2} is not a multiple of the stride {3} (remainder 1): "
                               "the floor drops the last padded row ({4}); no window ever reaches it.")
            return self.tr("{0} \u2212 {1} = {2} is not a multiple of the stride {3} (remainder %n): "
                           "the floor drops the last %n padded rows ({4}); no window ever reaches them.",
                           "", n)
        if n == 1:
            return self.tr("{0} \u2212 {1} = {2} is not a multiple of the stride {3} (remainder 1): "
                           "the floor drops the last padded column ({4}); no window ever reaches it.")
        return self.tr("{0} \u2212 {1} = {2} is not a multiple of the stride {3} (remainder %n): "
                       "the floor drops the last %n padded columns ({4}); no window ever reaches them.",
                       "", n)

    def lost(self, axis: str, n: int) -> str:
        """{0}: the real input indices lost."""
        if axis == "H":
            return self.tr("Real input row lost: {0}.") if n == 1 else self.tr(
                "Real input rows lost (%n): {0}.", "", n)
        return self.tr("Real input column lost: {0}.") if n == 1 else self.tr(
            "Real input columns lost (%n): {0}.", "", n)

    def skipped(self, axis: str, n: int) -> str:
        """{0}: the input indices no window reads."""
        if axis == "H":
            return self.tr("The stride is larger than the window: input row {0} falls between windows "
                           "and is never read.") if n == 1 else self.tr(
                "The stride is larger than the window: %n input rows ({0}) fall between windows and "
                "are never read.", "", n)
        return self.tr("The stride is larger than the window: input column {0} falls between windows "
                       "and is never read.") if n == 1 else self.tr(
            "The stride is larger than the window: %n input columns ({0}) fall between windows and "
            "are never read.", "", n)


_TEXTS = OutputSizeTexts()


def _v(value, decimals=None) -> str:
    return html.escape(format_value(float(value), decimals))


def _factor(value, decimals=None) -> str:
    """A factor of a product: negative numbers in brackets, 2×(−1)."""
    text = _v(value, decimals)
    return f"({text})" if float(value) < 0 else text


def _decimals(*arrays) -> int | None:
    """None (integers shown plainly) when every value is a whole number, else 2."""
    for a in arrays:
        a = np.asarray(a, dtype=np.float64)
        finite = a[np.isfinite(a)]
        if finite.size and not np.all(finite == np.round(finite)):
            return 2
    return None


def _indices(seq) -> str:
    seq = list(seq)
    if len(seq) > 6:
        return f"{seq[0]}\u2013{seq[-1]}"
    return ", ".join(str(i) for i in seq)


def conv_arithmetic_html(pos, applied_kernel, flip: bool) -> str:
    """Each product, each channel's sum, the total, + bias, the result of one output cell.

    pos : a ``ConvPosition``; applied_kernel : (C, KH, KW) as multiplied (rotated when flip).
    """
    c, kh, kw = applied_kernel.shape
    dec = _decimals(pos.patch, applied_kernel)
    lines = [
        "<b>"
        + QCoreApplication.translate("ConvolutionPanel", "Output cell (row {0}, column {1})").format(pos.row, pos.col)
        + "</b> = "
        + QCoreApplication.translate("ConvolutionPanel", "sum of input \u00d7 kernel over the {0}\u00d7{1} window").format(kh, kw)
        + (" " + QCoreApplication.translate("ConvolutionPanel", "(kernel rotated 180\u00b0: true convolution)") if flip else "")
    ]
    for ch in range(c):
        rows = []
        for i in range(kh):
            terms = [
                f"{_factor(pos.patch[ch, i, j], dec)}\u00d7{_factor(applied_kernel[ch, i, j], dec)}"
                for j in range(kw)
            ]
            rows.append(" + ".join(terms))
        prefix = QCoreApplication.translate("ConvolutionPanel", "channel {0}").format(ch) + ": " if c > 1 else ""
        body = "<br>&nbsp;&nbsp;+ ".join(rows)
        lines.append(
            f"{prefix}{body}<br>&nbsp;&nbsp;= <b>{_v(pos.channel_sums[ch], 4 if dec else None)}</b>"
        )
    if c > 1:
        sums = " + ".join(_v(s, 4 if dec else None) for s in pos.channel_sums)
        lines.append(QCoreApplication.translate("ConvolutionPanel", "total of the channel sums") + f": {sums} = <b>{_v(pos.total, 4 if dec else None)}</b>")
    lines.append(
        QCoreApplication.translate("ConvolutionPanel", "plus bias")
        + f": {_v(pos.total, 4 if dec else None)} + {_v(pos.bias, 4 if dec else None)}"
        + " = "
        + f"<b style='color:#c06000'>{_v(pos.result, 4 if _decimals([pos.result, pos.bias]) or dec else None)}</b>"
        + " \u2190 "
        + QCoreApplication.translate("ConvolutionPanel", "the output value")
    )
    return "<br><br>".join(lines)


def pool_arithmetic_html(pos, mode: str) -> str:
    """The window of each channel and its max (winner marked) or average."""
    c, kh, kw = pos.patch.shape
    dec = _decimals(pos.patch)
    what = QCoreApplication.translate("ConvolutionPanel", "largest value") if mode == "max" else QCoreApplication.translate("ConvolutionPanel", "average (padding counts as 0)")
    lines = [
        "<b>"
        + QCoreApplication.translate("ConvolutionPanel", "Output cell (row {0}, column {1})").format(pos.row, pos.col)
        + "</b> = "
        + QCoreApplication.translate("ConvolutionPanel", "{0} of the {1}\u00d7{2} window, channel by channel").format(what, kh, kw)
    ]
    for ch in range(c):
        vals = pos.patch[ch].ravel()
        if mode == "max":
            r, col = pos.winner[ch]
            win = r * kw + col
            cells = [
                f"<b style='color:#d000a0'>[{_v(v, dec)}]</b>" if k == win else _v(v, dec)
                for k, v in enumerate(vals)
            ]
            text = f"max({', '.join(cells)}) = <b>{_v(pos.results[ch], dec and 4)}</b>"
        else:
            text = f"({' + '.join(_v(v, dec) for v in vals)}) / {kh * kw} = <b>{_v(pos.results[ch], 4)}</b>"
        prefix = QCoreApplication.translate("ConvolutionPanel", "channel {0}").format(ch) + ": " if c > 1 else ""
        lines.append(prefix + text)
    if mode == "max":
        lines.append(QCoreApplication.translate("ConvolutionPanel", "The winning cell (circled) is the only one whose gradient flows back."))
    return "<br><br>".join(lines)


def output_size_html(axis: str, expl, same) -> str:
    """Explain one axis. axis: "H" or "W"; expl: the current explanation; same: the SAME one."""
    out, k, pad = ("OH", "FH", "P") if axis == "H" else ("OW", "FW", "P")
    text = f"<b>{out} = ({axis} + 2{pad} \u2212 {k})/S + 1</b> = {html.escape(expl.formula)}"
    parts = [text]
    if expl.pad_before != expl.pad_after:
        parts.append(
            QCoreApplication.translate("ConvolutionPanel", "Padding is uneven here: {0} before and {1} after.").format(expl.pad_before, expl.pad_after)
        )
    if expl.divides:
        parts.append(QCoreApplication.translate("ConvolutionPanel", "The division is exact: the last window ends on the last (padded) cell."))
    else:
        msg = _TEXTS.dropped(axis, expl.remainder).format(
            expl.padded_size, expl.kernel, expl.numerator, expl.stride, _indices(expl.dropped))
        if expl.dropped_input:
            msg += " " + _TEXTS.lost(axis, len(expl.dropped_input)).format(_indices(expl.dropped_input))
        else:
            msg += " " + QCoreApplication.translate("ConvolutionPanel", "Only padding is dropped, no real input.")
        parts.append(msg)
    if expl.skipped_input:
        parts.append(_TEXTS.skipped(axis, len(expl.skipped_input)).format(_indices(expl.skipped_input)))
    if same is not None:
        text = QCoreApplication.translate("ConvolutionPanel", "With SAME padding instead: {0} before, {1} after, {2} = ceil({3}/{4}) = {5}").format(
            same.pad_before, same.pad_after, out, same.size, same.stride, same.output)
        if same.dropped_input:
            text += ", " + QCoreApplication.translate("ConvolutionPanel", "and input {0} are still dropped.").format(_indices(same.dropped_input))
        else:
            text += ", " + QCoreApplication.translate("ConvolutionPanel", "and every real input row/column is reached.")
        parts.append(text)
    return "<br>".join(parts)
