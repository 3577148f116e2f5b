"""The Convolution panel's written-out arithmetic and output-size explanations (HTML).

Text only: every number comes from a stepper position or an engine ``OutputSizeExplanation``.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject

from explorer.engine.conv_examples import get_example
from explorer.ui.engine_strings import message_text, tr_engine
from explorer.ui.text import fill
from explorer.ui.sample_photos import photo_credit, photo_title
from explorer.ui.widgets.image_picker import ImageIndexPicker
from explorer.ui.widgets.number_grid import format_number, format_value

translate = QCoreApplication.translate  #: lupdate extracts translate("Context", "literal")




class OutputSizeTexts(QObject):
    """The output-size sentences that name a count: one sentence per axis and number (a
    "rows"/"columns" word put into a sentence cannot be translated well). ``n == 1`` has its own
    singular sentence; otherwise ``tr(text, "", n)`` gives translators Qt's plural forms (%n)."""

    def dropped(self, axis: str, n: int) -> str:
        """%1 padded size, %2 kernel, %3 numerator, %4 stride, %5 the dropped indices."""
        if axis == "H":
            if n == 1:
                return self.tr("%1 \u2212 %2 = %3 is not a multiple of the stride %4 (remainder "
                               "1): the floor drops the last padded row (%5); no window ever "
                               "reaches it.")
            return self.tr("%1 \u2212 %2 = %3 is not a multiple of the stride %4 (remainder %n): "
                           "the floor drops the last %n padded rows (%5); no window ever reaches "
                           "them.",
                           "", n)
        if n == 1:
            return self.tr("%1 \u2212 %2 = %3 is not a multiple of the stride %4 (remainder 1): "
                           "the floor drops the last padded column (%5); no window ever reaches "
                           "it.")
        return self.tr("%1 \u2212 %2 = %3 is not a multiple of the stride %4 (remainder %n): the "
                       "floor drops the last %n padded columns (%5); no window ever reaches them.",
                       "", n)

    def lost(self, axis: str, n: int) -> str:
        """%1: the real input indices lost."""
        if axis == "H":
            return self.tr("So input row %1 (counted from 0) is lost: no window reads it.") \
                if n == 1 else self.tr(
                "So %n input rows are lost, rows %1 (counted from 0): no window reads them.",
                "", n)
        return self.tr("So input column %1 (counted from 0) is lost: no window reads it.") \
            if n == 1 else self.tr(
            "So %n input columns are lost, columns %1 (counted from 0): no window reads them.",
            "", n)

    def skipped(self, axis: str, n: int) -> str:
        """%1: the input indices no window reads."""
        if axis == "H":
            return self.tr("The stride is larger than the window: input row %1 falls between "
                           "windows and is never read.") if n == 1 else self.tr(
                "The stride is larger than the window: %n input rows (%1) fall between windows and "
                "are never read.", "", n)
        return self.tr("The stride is larger than the window: input column %1 falls between "
                       "windows and is never read.") if n == 1 else self.tr(
            "The stride is larger than the window: %n input columns (%1) fall between windows and "
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


def colour_name(ch: int) -> str:
    """Channel ``ch`` (0-2) of an RGB picture: "R (red)", "G (green)" or "B (blue)"."""
    return (translate("ConvolutionPanel", "R (red)"), translate("ConvolutionPanel", "G (green)"),
            translate("ConvolutionPanel", "B (blue)"))[ch]


def channel_caption(ch: int, c: int, rgb: bool = False) -> str:
    """The caption over channel ``ch`` of ``c`` input (or pooled output) grids: "" for one
    channel, the colour for an RGB picture (``rgb``), else "channel 2"."""
    if c <= 1:
        return ""
    if rgb and c == 3:
        return colour_name(ch)
    return fill(translate("ConvolutionPanel", "channel %1"), ch)


def slice_caption(ch: int, c: int, rgb: bool = False) -> str:
    """The caption over slice ``ch`` of a ``c``-channel filter: "" for one channel, "R slice"
    (and G, B) on an RGB picture, else "channel 2"."""
    if c <= 1:
        return ""
    if rgb and c == 3:
        return (translate("ConvolutionPanel", "R slice"),
                translate("ConvolutionPanel", "G slice"),
                translate("ConvolutionPanel", "B slice"))[ch]
    return fill(translate("ConvolutionPanel", "channel %1"), ch)


def _channel_line(ch: int, c: int, line: str, rgb: bool = False) -> str:
    """A channel's line, "channel 2: ..." (or "R (red): ..." on an RGB picture) when there are
    several channels (HTML ``line``)."""
    if c <= 1:
        return line
    if rgb and c == 3:
        return fill(translate("ConvolutionPanel", "%1: %2"), colour_name(ch), line)
    return fill(translate("ConvolutionPanel", "channel %1: %2"), ch, line)


def conv_arithmetic_html(pos, applied_kernel, flip: bool, rgb: bool = False,
                         example: str | None = None) -> str:
    """Each product, each channel's sum, the total, + bias, the result of one output cell.

    pos : a ``ConvPosition``; applied_kernel : (C, KH, KW) as multiplied (rotated when flip);
    rgb : the input is an RGB picture (its channels are named by colour); example : the key of
    the worked example whose input AND filter are shown, if any (one whose values were partly
    chosen here says which).
    """
    c, kh, kw = applied_kernel.shape
    dec = _decimals(pos.patch, applied_kernel)
    places = 4 if dec else None
    heading = (translate("ConvolutionPanel", "<b>Output cell (row %1, column %2)</b> = sum of "
                                             "input \u00d7 kernel over the %3\u00d7%4 window "
                                             "(kernel rotated 180\u00b0: true convolution)")
               if flip else
               translate("ConvolutionPanel", "<b>Output cell (row %1, column %2)</b> = sum of "
                                             "input \u00d7 kernel over the %3\u00d7%4 window"))
    lines = [fill(heading, pos.row, pos.col, kh, kw)]
    for ch in range(c):
        rows = []
        for i in range(kh):
            terms = [f"{_factor(pos.patch[ch, i, j], dec)}\u00d7"
                     f"{_factor(applied_kernel[ch, i, j], dec)}" for j in range(kw)]
            rows.append(" + ".join(terms))
        body = "<br>&nbsp;&nbsp;+ ".join(rows)
        lines.append(_channel_line(ch, c, f"{body}<br>&nbsp;&nbsp;= "
                                          f"<b>{_v(pos.channel_sums[ch], places)}</b>", rgb))
    if c > 1:
        sums = " + ".join(_v(s, places) for s in pos.channel_sums)
        total = (translate("ConvolutionPanel", "total of the R, G and B sums: %1 = %2")
                 if rgb and c == 3 else
                 translate("ConvolutionPanel", "total of the channel sums: %1 = %2"))
        lines.append(fill(total, sums, f"<b>{_v(pos.total, places)}</b>"))
    result = _v(pos.result, 4 if _decimals([pos.result, pos.bias]) or dec else None)
    lines.append(fill(translate("ConvolutionPanel", "plus bias: %1 + %2 = %3 \u2190 the output "
                                                    "value"),
                      _v(pos.total, places), _v(pos.bias, places),
                      f"<b style='color:#c06000'>{result}</b>"))
    chosen = get_example(example).chosen_here if example is not None else ()
    if chosen:                         # an example whose numbers are partly ours
        lines.append("<i>" + fill(translate(
            "ConvolutionPanel", "The input and filter values of channels %1 were chosen here "
                                "for this app; the other channels are the book's."),
            ", ".join(str(c) for c in chosen)) + "</i>")
    return "<br><br>".join(lines)


def pool_arithmetic_html(pos, mode: str, rgb: bool = False) -> str:
    """The window of each channel and its max (winner marked) or average (channels named by
    colour on an RGB picture, ``rgb``)."""
    c, kh, kw = pos.patch.shape
    dec = _decimals(pos.patch)
    heading = (translate("ConvolutionPanel", "<b>Output cell (row %1, column %2)</b> = largest "
                                             "value of the %3\u00d7%4 window, channel by channel")
               if mode == "max" else
               translate("ConvolutionPanel", "<b>Output cell (row %1, column %2)</b> = average "
                                             "(padding counts as 0) of the %3\u00d7%4 window, "
                                             "channel by channel"))
    lines = [fill(heading, pos.row, pos.col, kh, kw)]
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
            text = (f"({' + '.join(_v(v, dec) for v in vals)}) / {kh * kw} = "
                    f"<b>{_v(pos.results[ch], 4)}</b>")
        lines.append(_channel_line(ch, c, text, rgb))
    if mode == "max":
        lines.append(translate("ConvolutionPanel", "The winning cell (circled) is the only one "
                                                   "whose gradient flows back."))
    return "<br><br>".join(lines)


def output_size_html(axis: str, expl, same) -> str:
    """Explain one axis. axis: "H" or "W"; expl: the current explanation; same: the SAME one."""
    out, k, pad = ("OH", "FH", "P") if axis == "H" else ("OW", "FW", "P")
    text = f"<b>{out} = ({axis} + 2{pad} \u2212 {k})/S + 1</b> = {html.escape(expl.formula)}"
    parts = [text]
    if expl.pad_before != expl.pad_after:
        parts.append(fill(translate("ConvolutionPanel", "Padding is uneven here: %1 before and %2 "
                                                        "after."),
                          expl.pad_before, expl.pad_after))
    if expl.divides:
        parts.append(translate("ConvolutionPanel", "The division is exact: the last window ends on "
                                                   "the last (padded) cell."))
    else:
        msg = fill(_TEXTS.dropped(axis, expl.remainder), expl.padded_size, expl.kernel,
                   expl.numerator, expl.stride, _indices(expl.dropped))
        if expl.dropped_input:
            msg += " " + fill(_TEXTS.lost(axis, len(expl.dropped_input)),
                              _indices(expl.dropped_input))
        else:
            msg += " " + translate("ConvolutionPanel", "Only padding is dropped, no real input.")
        parts.append(msg)
    if expl.skipped_input:
        parts.append(fill(_TEXTS.skipped(axis, len(expl.skipped_input)),
                          _indices(expl.skipped_input)))
    if same is not None:
        values = (same.pad_before, same.pad_after, out, same.size, same.stride, same.output)
        if same.dropped_input:
            parts.append(fill(translate(
                "ConvolutionPanel", "With SAME padding instead: %1 before, %2 after, %3 = "
                "ceil(%4/%5) = %6, and input %7 are still dropped."),
                *values, _indices(same.dropped_input)))
        else:
            parts.append(fill(translate(
                "ConvolutionPanel", "With SAME padding instead: %1 before, %2 after, %3 = "
                "ceil(%4/%5) = %6, and every real input row/column is reached."), *values))
    return "<br>".join(parts)


def padding_text(padding) -> str:
    """A set-up's padding in words: "SAME padding", "VALID padding (none)" or "padding 2"."""
    if padding == "same":
        return translate("ConvolutionPanel", "SAME padding")
    if padding == "valid":
        return translate("ConvolutionPanel", "VALID padding (none)")
    return fill(translate("ConvolutionPanel", "padding %1"), padding)


def note_text(note) -> str:
    """The sentence for a `explorer.ui.conv_setup.Note` (input and kernel captions, what was
    clamped). The example description may carry a "your settings" note, written in italics."""
    k, a = note.kind, note.args
    if k == "example":
        text = tr_engine(a[0])
        return text if a[1] is None else f"{text} <i>{note_text(a[1])}</i>"
    if k == "example_other":
        return fill(translate("ConvolutionPanel", "The input of \u201c%1\u201d."),
                    tr_engine(a[0]))
    if k == "your_pool_settings":
        return fill(translate("ConvolutionPanel",
                              "Your settings: %1\u00d7%1 window, stride %2, %3."),
                    a[0], a[1], padding_text(a[2]))
    if k == "your_conv_settings":
        return fill(translate("ConvolutionPanel", "Your settings: stride %1, %2, bias %3."),
                    a[0], padding_text(a[1]), format_number(a[2]))
    if k == "typed":
        n = a[0]
        return fill(translate("ConvolutionPanel", "Numbers you typed: %n channel(s) of %1\u00d7%2 "
                                                  "(Edit numbers\u2026 to change them).", "", n),
                    a[1], a[2])
    if k == "typed_batch":
        i, n_images, c, h, w = a
        return fill(translate("ConvolutionPanel",
                              "Numbers you typed, a batch of %1 images (N, C, H, W) = (%1, %2, "
                              "%3, %4): showing image %5 (Edit numbers\u2026 to change them)."),
                    n_images, c, h, w, i)
    if k == "current_missing":
        return translate("ConvolutionPanel", "Nothing drawn yet: showing test image 0. Draw in the "
                                             "Draw tab to use your own.")
    if k == "current":
        return fill(translate("ConvolutionPanel", "The current input (%1), as the network sees "
                                                  "it."), a[0])
    if k == "photo":
        return fill(translate("ConvolutionPanel", "The sample photo \u201c%1\u201d, %2\u00d7%3 "
                                                  "pixels: its red, green and blue channels (0 "
                                                  "to 1). %4"),
                    photo_title(a[0]), a[2], a[3], photo_credit(a[0]))
    if k == "test":
        return fill(translate("ConvolutionPanel", "Test image #%1, labelled %2."),
                    a[0], tr_engine(a[1]))
    if k == "map_all":
        if a[1] == 1:
            return fill(translate("ConvolutionPanel", "The one channel of %1's output."), a[0])
        return fill(translate("ConvolutionPanel", "All %n channels of %1's output.", "", a[1]),
                    a[0])
    if k == "map_channel":
        return fill(translate("ConvolutionPanel", "Channel %1 of %2's output."), a[0], a[1])
    if k == "example_filter":
        chosen = get_example(a[0]).chosen_here if a else ()
        if chosen:
            return fill(translate("ConvolutionPanel", "The example's filter: channels %1 were "
                                                      "chosen here, the others are the book's."),
                        ", ".join(str(c) for c in chosen))
        return translate("ConvolutionPanel", "The example's filter.")
    if k == "book_filter":
        return translate("ConvolutionPanel", "The textbook's 3x3 filter.")
    if k == "preset":
        return tr_engine(a[0])
    if k == "learned":
        return fill(translate(
            "ConvolutionPanel", "Filter %1 of %2 (its learned bias %3 is added to the bias set "
            "here). With the layer's own stride and padding and the input %2 receives, the output "
            "is channel %1 of %2's output."), a[0], a[1], format_number(a[2]))
    if k == "shared_kernel":
        return translate("ConvolutionPanel", "The same kernel is used on each of the %n "
                                             "channels.", "", a[0])
    if k == "test_clamped":
        return ImageIndexPicker.moved_text(*a)
    if k == "filter_clamped":
        return fill(translate(
            "ConvolutionPanel", "The layer has %1 filters, so there is no filter %2: showing "
            "filter %3."), a[2], a[0], a[1])
    if k == "channel_clamped":
        return fill(translate(
            "ConvolutionPanel", "The layer has %1 channels, so there is no channel %2: showing "
            "channel %3."), a[2], a[0], a[1])
    raise ValueError(f"no sentence for the note kind {k!r}")


def _channels_text(kernel_c: int, input_c: int) -> str:
    if kernel_c == 1:
        return translate("ConvolutionPanel", "This filter has 1 channel but the input has %n: a "
                                             "filter needs one channel per input channel.",
                         "", input_c)
    if input_c == 1:
        return translate("ConvolutionPanel", "This filter has %n channels but the input has 1: a "
                                             "filter needs one channel per input channel.",
                         "", kernel_c)
    return fill(translate("ConvolutionPanel", "This filter has %1 channels but the input has %2: a "
                                              "filter needs one channel per input "
                                              "channel."), kernel_c, input_c)


def problem_text(problem) -> str:
    """The sentence for a `explorer.ui.conv_setup.Problem`."""
    k, a = problem.kind, problem.args
    if k == "no_maps":
        return translate("ConvolutionPanel", "The live model's feature maps have not arrived yet.")
    if k == "no_photo":
        return fill(translate("ConvolutionPanel", "The sample photo \u201c%1\u201d is not "
                                                  "loaded yet."), photo_title(a[0]))
    if k == "no_filters":
        return translate("ConvolutionPanel", "The live model's filters have not arrived yet.")
    if k == "preset_size":
        return fill(translate("ConvolutionPanel", "%1 takes sizes %2 to %3."),
                    tr_engine(a[0]), a[1], a[2])
    if k == "channels":
        kernel_c, input_c, layer, before = a
        text = _channels_text(kernel_c, input_c)
        if before is not None:
            text += " " + fill(translate(
                "ConvolutionPanel", "%1 reads the output of %2: choose \u201cFeature maps of the "
                "live model\u201d, layer %2, all channels."), layer, before)
        return text
    if k == "data":
        return fill(translate("ConvolutionPanel", "The data set could not be loaded: %1"),
                    message_text(a[1] if len(a) > 1 else None, a[2] if len(a) > 2 else (), a[0]))
    if k == "empty_data":
        return fill(translate("ConvolutionPanel", "The data set %1 has no test images."), a[0])
    if k == "engine":   # (English message, code or None, values): see conv_setup.Problem
        return message_text(a[1] if len(a) > 1 else None, a[2] if len(a) > 2 else (), a[0])
    raise ValueError(f"no sentence for the problem kind {k!r}")
