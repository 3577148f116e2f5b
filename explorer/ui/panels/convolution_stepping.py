"""The Convolution tab's forward stepping: the step bar, the output built up cell by cell,
clicks on the grids, a typed batch's image and the shared colour scales.

`SteppingMixin` is part of `explorer.ui.panels.convolution.ConvolutionPanel` (split off to
keep each file short); it uses the panel's widgets and ``stepper``. The decisions (which cells
are computed, which output cells an input cell feeds, one scale for one quantity) are the
Qt-free functions of `explorer.ui.conv_steps`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from explorer.data.model_input import from_chw
from explorer.engine.stepper import ConvStepper
from explorer.ui.conv_steps import built_up_output, cells_fed_by, position_at, shared_levels
from explorer.ui.panels.convolution_text import (channel_caption, conv_arithmetic_html,
                                                 output_size_html, pool_arithmetic_html,
                                                 slice_caption)
from explorer.ui.text import fill
from explorer.ui.widgets.imaging import cmap_for, value_range
from explorer.ui.widgets.number_grid import HIGHLIGHT, MARK, SECOND, format_number
from explorer.ui.widgets.signals import blocked

__all__ = ["SteppingMixin"]

#: Texts keep the panel's translation context ("ConvolutionPanel"), as before the split.
translate = QCoreApplication.translate


class SteppingMixin:
    """Stepping for `ConvolutionPanel` (forward direction; backward is `BackwardView`'s)."""

    #: The input cell clicked last (row, col in input coordinates) and the output cells it
    #: feeds, or None: outlined on the output until the next click or set-up.
    fed: tuple | None = None

    # --- a typed batch of two images ----------------------------------------------------------
    def _show_images(self, build):
        """Offer the images of a typed batch (the selector is hidden for one image)."""
        n = build.n_images
        with blocked(self.image_combo):
            if self.image_combo.count() != n:
                self.image_combo.clear()
                for i in range(n):
                    self.image_combo.addItem("", i)
            self.image_combo.setCurrentIndex(min(build.setup.image, n - 1))
        self._image_texts()
        for w in (self.image_label, self.image_combo):
            w.setVisible(n > 1)

    def _image_texts(self):
        self.image_label.setText(translate("ConvolutionPanel", "&Image:"))
        self.image_combo.setToolTip(translate("ConvolutionPanel",
            "The typed batch holds two images: the stepper walks the one chosen here. Each "
            "image has its own output; going backward, dW and db add up both images."))
        for i in range(self.image_combo.count()):
            self.image_combo.setItemText(
                i, fill(translate("ConvolutionPanel", "image %1 of the batch"), i))

    @property
    def image(self) -> int:
        """The image of a typed batch shown (0 for a single input)."""
        b = self.build
        return 0 if b is None else int(b.setup.image)

    # --- the grids of a new stepper ----------------------------------------------------------
    def _setup_static_views(self):
        """Grids, titles, colour bars and the output-size text of a new stepper."""
        st = self.stepper
        c = st.x.shape[0]
        conv = isinstance(st, ConvStepper)
        own = self.contrast_check.isChecked()
        rgb = self.build.rgb   # an RGB picture: channels named red, green, blue
        in_cmap = cmap_for(st.x)
        # one scale for the input, its im2col rows (and a pooling's output): the same values
        views = [st.padded] if (own or conv) else [st.padded, st.output]
        levels = shared_levels(views, in_cmap == "diverging")   # skips -inf (max-pool padding)
        self.input_levels = None if own else levels
        self.input_row.set_count(c, st.padded.shape[1:])
        for ch in range(c):
            g = self.input_row.grids[ch]
            g.set_matrix(st.padded[ch], levels=levels, cmap=in_cmap)
            g.set_padding(st.pads)
            g.set_dropped(st.explain_h.dropped + st.explain_h.skipped,
                          st.explain_w.dropped + st.explain_w.skipped)
            g.row_offset = -st.pads[0][0]
            g.col_offset = -st.pads[1][0]
            g.value_name = translate("ConvolutionPanel", "input")
            self.input_row.captions[ch].setText(channel_caption(ch, c, rgb))
        self.input_row.set_scale(levels, in_cmap)
        self.input_row.set_preview(
            from_chw(st.x) if rgb and c == 3 else None,
            translate("ConvolutionPanel", "in colour"))
        if conv:
            self.kernel_row.set_count(c)
            kc = cmap_for(st.applied_kernel)
            klevels = value_range(st.applied_kernel, kc == "diverging")
            for ch in range(c):
                g = self.kernel_row.grids[ch]
                g.set_matrix(st.applied_kernel[ch], levels=klevels, cmap=kc)
                g.value_name = translate("ConvolutionPanel", "weight")
                self.kernel_row.captions[ch].setText(slice_caption(ch, c, rgb))
            self.kernel_row.set_scale(klevels, kc)
            n = self.build.n_images
            outputs = [st.output] if n == 1 else self._typed_batch_outputs()
            self.output_row.set_count(n, st.output.shape[-2:])
            stacked = np.stack(outputs)
            oc = cmap_for(stacked)
            olevels = value_range(stacked, oc == "diverging")
            for k, out in enumerate(outputs):
                g = self.output_row.grids[k]
                g.set_matrix(out, levels=olevels, cmap=oc)
                g.value_name = translate("ConvolutionPanel", "output")
                self.output_row.captions[k].setText(
                    fill(translate("ConvolutionPanel", "image %1"), k) if n > 1 else "")
            self.output_row.set_scale(olevels, oc)
            head = fill(translate("ConvolutionPanel", "Output %1\u00d7%2"), *st.output_shape)
            bias = (translate("ConvolutionPanel", "Bias %1 included. From the engine's conv2d.")
                    if n == 1 else translate(
                        "ConvolutionPanel",
                        "Bias %1 included. From the engine's conv2d of the whole batch: one "
                        "output per image (click a cell of the other image to step it)."))
            self.output_title.setText(f"<b>{head}</b><br>" + fill(bias, format_number(st.bias)))
        else:
            self.kernel_row.set_count(0)
            self.output_row.set_count(c, st.output.shape[-2:])
            oc = cmap_for(st.output)
            olevels = (value_range(st.output, oc == "diverging") if own
                       else levels)   # the input's scale: a pooled value keeps its colour
            ocmap = oc if own else in_cmap
            for ch in range(c):
                g = self.output_row.grids[ch]
                g.set_matrix(st.output[ch], levels=olevels, cmap=ocmap)
                g.value_name = translate("ConvolutionPanel", "output")
                self.output_row.captions[ch].setText(channel_caption(ch, c, rgb))
            self.output_row.set_scale(olevels, ocmap)
            head = fill(translate("ConvolutionPanel", "Output %1\u00d7%2\u00d7%3"), c,
                        *st.output_shape)
            self.output_title.setText(f"<b>{head}</b><br>" + fill(translate("ConvolutionPanel",
                "From the engine's %1."), "max_pool2d" if st.mode == "max" else "avg_pool2d"))
        self.connect_grid_clicks()
        same_h, same_w = self.build.same_h, self.build.same_w
        self.size_text.setHtml(
            "<p>" + output_size_html("H", st.explain_h, same_h) + "</p><p>"
            + output_size_html("W", st.explain_w, same_w) + "</p><p>"
            + translate("ConvolutionPanel",
                        "The hatched band of the input is the padding (zeros; for max pooling "
                      "\u2212\u221e, which never wins). Rows and columns cross-hatched in grey "
                      "and outlined with dots are never under any window: their values cannot "
                      "change the output.") + "</p>")
        self.im2col.show_setup(st)

    def _on_contrast(self, on: bool):
        self.settings.set("perViewContrast", bool(on))
        if self.build is not None and self.build.stepper is not None:
            self._show_build()

    # --- stepping ------------------------------------------------------------------------------
    def set_position(self, index: int):
        if self.backward_shown:
            self.backward_view.set_position(index)
            return
        if self.stepper is None:
            return
        index = int(np.clip(index, 0, self.stepper.n_positions - 1))
        self.position = index
        with blocked(self.position_slider):
            self.position_slider.setValue(index)
        self._render_position()

    def step(self, delta: int):
        if self.backward_shown:
            self.backward_view.step(delta)
            return
        if self.stepper is None:
            return
        self.set_position(self.position + delta)

    def run_to_end(self):
        """Complete the stepping at once: the last cell, the whole output shown."""
        if self.backward_shown:
            self.backward_view.set_position(10**9)
            self.backward_view.stop()
            return
        self.timer.stop()
        self._show_play_state()
        self.set_position(10**9)

    def toggle_play(self):
        if self.backward_shown:
            self.backward_view.toggle_play()
            return
        if self.timer.isActive():
            self.timer.stop()
        elif self.stepper is not None:
            if self.position >= self.stepper.n_positions - 1:
                self.set_position(0)
            self._on_speed_change(self.speed.value())
            self.timer.start()
        self._show_play_state()

    def _show_play_state(self):
        self.play_button.setText(translate("ConvolutionPanel", "Pause") if self.timer.isActive()
                                 else translate("ConvolutionPanel", "Play"))

    def _on_play_tick(self):
        if self.stepper is None or self.position >= self.stepper.n_positions - 1:
            self.timer.stop()
            self._show_play_state()
            return
        self.step(1)

    def _on_speed_change(self, value):
        self.timer.setInterval(int(1000 / max(1, value)))
        self.backward_view.set_interval(int(1000 / max(1, value)))
        self.speed_label.setText(translate("ConvolutionPanel", "1 cell/s") if value == 1 else
                                 translate("ConvolutionPanel", "%n cells/s", "", value))

    def _on_slider_change(self, value):
        self.set_position(value)

    def current(self):
        """The `ConvPosition` / `PoolPosition` shown, or None when the set-up is invalid."""
        return None if self.stepper is None else self.stepper.position(self.position)

    # --- clicks on the grids ---------------------------------------------------------------------
    def connect_grid_clicks(self):
        """Output cells jump the stepper there; input cells show the output cells they feed.
        (Grids are created as needed: each is connected once.)"""
        for k, g in enumerate(self.output_row.grids):
            if not g.property("stepConnected"):
                g.sigCellClicked.connect(lambda r, c, k=k: self.on_output_click(k, r, c))
                g.setProperty("stepConnected", True)
        for g in self.input_row.grids:
            if not g.property("stepConnected"):
                g.sigCellClicked.connect(self.on_input_click)
                g.setProperty("stepConnected", True)

    def on_output_click(self, grid: int, row: int, col: int):
        """Output cell (row, col) of output grid ``grid`` clicked: step there (for a typed
        batch's convolution the grids are the images: the other image is chosen first)."""
        if self.stepper is None:
            return
        b = self.build
        if isinstance(self.stepper, ConvStepper) and b.n_images > 1 and grid != self.image:
            self.image_combo.setCurrentIndex(grid)     # rebuilds for that image
        index = position_at(self.stepper, row, col)
        if index is not None:
            self.timer.stop()
            self._show_play_state()
            self.set_position(index)

    def on_input_click(self, row: int, col: int):
        """Input cell (row, col) clicked: outline every output cell it feeds and say how many."""
        if self.stepper is None:
            return
        cells = cells_fed_by(self.stepper, row, col)
        self.fed = (row, col, cells)
        self._render_position()

    def fed_text(self) -> str:
        """The sentence about the input cell clicked last ("" for none)."""
        if self.fed is None:
            return ""
        row, col, cells = self.fed
        if not cells:
            return fill(translate("ConvolutionPanel", "Input row %1, column %2 is under no "
                                                      "window: it feeds no output cell."), row, col)
        n = len(cells)
        if n == 1:
            return fill(translate("ConvolutionPanel", "Input row %1, column %2 feeds one output "
                                                      "cell (outlined in pink)."), row, col)
        return fill(translate("ConvolutionPanel", "Input row %1, column %2 feeds %n output cells "
                                                  "(outlined in pink).", "", n), row, col)

    # --- rendering -------------------------------------------------------------------------------
    def _render_position(self):
        st = self.stepper
        pos = st.position(self.position)
        top, left, kh, kw = pos.window
        conv = isinstance(st, ConvStepper)
        if self.build.n_images > 1:
            self.position_label.setText(fill(translate("ConvolutionPanel",
                "image %1: cell %2 of %3 (row %4, column %5)"), self.image, pos.index + 1,
                st.n_positions, pos.row, pos.col))
        else:
            self.position_label.setText(fill(
                translate("ConvolutionPanel", "cell %1 of %2 (row %3, column %4)"),
                pos.index + 1, st.n_positions, pos.row, pos.col))
        for ch, g in enumerate(self.input_row.grids[: st.x.shape[0]]):
            g.set_highlights([(top, left, kh, kw, HIGHLIGHT)])
            if getattr(pos, "winner", None) is None:  # convolution, or average pooling
                g.set_marks([])
            else:
                r, c = pos.winner[ch]
                g.set_marks([(top + r, left + c)])
        fed = [] if self.fed is None else self.fed[2]
        if conv:
            shown = self._conv_outputs(pos.index)
        else:
            so_far = built_up_output(st.output, pos.index)
            shown = [(g, so_far[ch]) for ch, g in enumerate(self.output_row.grids[:st.x.shape[0]])]
        for k, (g, values) in enumerate(shown):
            g.set_matrix(values, levels=g.levels, cmap=g.cmap)
            here = not conv or k == self.image
            g.set_highlights([(pos.row, pos.col, 1, 1, SECOND)]
                             + [(r, c, 1, 1, MARK) for r, c in fed] if here else [])
        self.fed_label.setText(self.fed_text())
        self.fed_label.setVisible(self.fed is not None)
        if conv:
            self.arithmetic.setHtml(conv_arithmetic_html(pos, st.applied_kernel, st.flip,
                                                         self.build.rgb, self._example_shown()))
        else:
            self.arithmetic.setHtml(pool_arithmetic_html(pos, st.mode, self.build.rgb))
        self.im2col.show_position(st, pos, self.input_levels)

    def _example_shown(self) -> str | None:
        """The key of the worked example whose input and filter are both shown (its
        arithmetic then says whose numbers they are), else None (e.g. a preset filter)."""
        setup = self.build.setup
        return setup.example_key if setup.kernel == "example" else None

    def _typed_batch_outputs(self) -> list:
        """Each image's output of a typed batch: one batched conv2d per build, not one per
        step (the stepper asks at every cell)."""
        cached = getattr(self, "_batch_outputs", None)
        if cached is None or cached[0] is not self.build:
            cached = self._batch_outputs = (self.build, list(self.build.batch_output()))
        return cached[1]

    def _conv_outputs(self, index: int) -> list:
        """(grid, values) of each output grid: the stepped image's output built up to
        ``index``; for a typed batch the other image's output complete (it was computed in
        the same batched conv2d)."""
        outputs = ([self.stepper.output] if self.build.n_images == 1
                   else self._typed_batch_outputs())
        shown = []
        for k, out in enumerate(outputs):
            values = built_up_output(out, index) if k == self.image else out
            shown.append((self.output_row.grids[k], values))
        return shown
