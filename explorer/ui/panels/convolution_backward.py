"""The Convolution tab's backward pass: dX, dW and db (or a pooling's dX) one cell at a time.

The Convolution panel shows this view instead of its forward views when the Direction control
says Backward. It takes the forward stepper of the panel's set-up, an output gradient dY
(`explorer.ui.conv_backward.make_dy` presets, cells typed by the learner, or the live model's
real dY from the loss, computed in the engine thread), and walks the engine's
`ConvBackwardStepper` / `PoolBackwardStepper`: the grids show dY (dilated and padded for dX),
the kernel rotated 180 degrees or the input, and the result filling up cell by cell; the text
below writes out each cell's products and sum, and in dW the gradient check beside it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (QInputDialog, QLabel, QPushButton, QSlider, QSpinBox,
                               QTextBrowser, QWidget)

from explorer.engine.backward import ConvBackwardStepper, PoolBackwardStepper
from explorer.engine.stepper import ConvStepper
from explorer.ui.conv_backward import (backward_for, built_up, conv_gradient_check, loss_gradient,
                                       make_dy, n_images, n_steps)
from explorer.ui.engine_strings import engine_message
from explorer.ui.panels.convolution_backward_layout import backward_layout
from explorer.ui.panels.convolution_backward_text import (db_html, dw_html, dx_html,
                                                          gate_html, pool_html)
from explorer.ui.panels.convolution_views import ChannelRow, DirectionBox
from explorer.ui.text import fill
from explorer.ui.widgets.fit_combo import FitComboBox
from explorer.ui.widgets.imaging import cmap_for, value_range
from explorer.ui.widgets.message_label import MessageLabel
from explorer.ui.widgets.number_grid import HIGHLIGHT, SECOND
from explorer.ui.widgets.signals import blocked

__all__ = ["BackwardView", "DirectionBox"]   # DirectionBox lives in convolution_views

LOSS_KEY = "loss_dy"
#: The smallest cell of the dY and result grids: a digit's padded dY (36x36) and dX (32x32)
#: side by side with the kernel fit the tab of a 1024-pixel window without scrolling sideways.
MIN_CELL = 7


class BackwardView(QWidget):
    """dY, the kernel or input, the result being built, the step bar and the arithmetic.

    ``set_forward(stepper, loss_source)`` shows the backward pass of a forward stepper
    (None: nothing to show). ``loss_source()`` returns ``(image, model_layer, filter, label)``
    for "from the loss" or None when the set-up is not a layer of the network."""

    def __init__(self, client, parent=None):
        super().__init__(parent)
        self.setObjectName("convBackwardView")
        self.client = client
        self.forward = None
        self.rgb = False
        self.backward = None
        self.position = 0
        self.dy: np.ndarray | None = None
        self.loss: object = None            # the last LossGradient shown, if any
        self._loss_source = None
        self._edited = False
        #: A typed batch (N, C, H, W) of two images, or None; ``image``: the one shown.
        self.batch: np.ndarray | None = None
        self.image = 0

        self.result_combo = FitComboBox(self)
        self.result_combo.setObjectName("backwardResult")
        for key in ("dx", "dw", "db"):
            self.result_combo.addItem("", key)
        self.dy_combo = FitComboBox(self)
        self.dy_combo.setObjectName("dyPreset")
        for key in ("ones", "one_hot", "random", "loss"):
            self.dy_combo.addItem("", key)
        self.seed = QSpinBox(self)
        self.seed.setObjectName("dySeed")
        self.seed.setRange(0, 9999)
        self.result_label, self.dy_label = QLabel(self), QLabel(self)
        self.result_label.setBuddy(self.result_combo)
        self.dy_label.setBuddy(self.dy_combo)
        self.message = MessageLabel(self)
        self.message.setObjectName("backwardMessage")

        self.dy_row = ChannelRow(self, max_size=300, min_cell=MIN_CELL)
        self.dy_row.setObjectName("backwardDy")
        self.middle_row = ChannelRow(self, cell_size=40, max_size=260, min_cell=8)
        self.middle_row.setObjectName("backwardMiddle")
        self.result_row = ChannelRow(self, max_size=300, min_cell=MIN_CELL)
        self.result_row.setObjectName("backwardResultView")
        self.gate_row = ChannelRow(self, max_size=200, min_cell=6)
        self.gate_row.setObjectName("backwardGate")
        self.titles = [QLabel(self) for _ in range(3)]
        for t in self.titles:
            t.setWordWrap(True)
        self.gate_title = QLabel(self)
        self.gate_title.setWordWrap(True)

        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backwardBack")
        self.play_button = QPushButton(self)
        self.play_button.setObjectName("backwardPlay")
        self.forward_button = QPushButton(self)
        self.forward_button.setObjectName("backwardForward")
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("backwardEnd")
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("backwardPosition")
        self.position_label = QLabel(self)
        self.position_label.setWordWrap(True)   # long step texts wrap in a narrow window
        self.arithmetic = QTextBrowser(self)
        self.arithmetic.setObjectName("backwardArithmetic")
        self.timer = QTimer(self)
        self.timer.setInterval(333)
        backward_layout(self)

        self.result_combo.currentIndexChanged.connect(lambda _i: self._restart())
        self.dy_combo.currentIndexChanged.connect(lambda _i: self._on_dy_preset())
        self.seed.valueChanged.connect(lambda _v: self._on_dy_preset())
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.play_button.clicked.connect(self.toggle_play)
        self.end_button.clicked.connect(lambda: self.set_position(10**9))
        self.slider.valueChanged.connect(self.set_position)
        self.timer.timeout.connect(self._on_tick)
        self.retranslate_ui()

    # --- language -------------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self):
        self.result_label.setText(self.tr("&Result:"))
        self.dy_label.setText(self.tr("Output &gradient dY:"))
        with blocked(self.result_combo):
            self.result_combo.setItemText(0, self.tr("dX: the input gradient"))
            self.result_combo.setItemText(1, self.tr("dW: the kernel gradient"))
            self.result_combo.setItemText(2, self.tr("db: the bias gradient"))
        self.result_combo.setToolTip(self.tr(
            "Which gradient to step through. dX passes the gradient on to the layer below; dW "
            "and db are what the optimiser uses to change the weights. Pooling has no weights: "
            "only dX."))
        with blocked(self.dy_combo):
            self.dy_combo.setItemText(0, self.tr("All ones"))
            self.dy_combo.setItemText(1, self.tr("One-hot at a cell"))
            self.dy_combo.setItemText(2, self.tr("Random integers"))
            self.dy_combo.setItemText(3, self.tr("From the loss (live model)"))
        self.dy_combo.setToolTip(self.tr(
            "The gradient arriving at the output, dL/dY. All ones: dW is then the sum of the "
            "input windows. One-hot: where one output cell's gradient goes (click a dY cell to "
            "move the 1). Random: small integers you can multiply by hand. From the loss: the "
            "real dY of this layer when the network sees the current digit (for a learned filter "
            "on its own layer's input). Click any dY cell to type its value."))
        self.seed.setPrefix(self.tr("seed "))
        self.seed.setToolTip(self.tr("The random generator's seed for the random dY."))
        self.back_button.setText(self.tr("\u25c0 Back"))
        self.back_button.setToolTip(self.tr("Previous cell of the result (Left arrow)."))
        self.play_button.setToolTip(self.tr("Step through every cell of the result (Space)."))
        self.forward_button.setText(self.tr("Forward \u25b6"))
        self.forward_button.setToolTip(self.tr("Next cell of the result (Right arrow)."))
        self.end_button.setText(self.tr("Run to the end"))
        self.end_button.setToolTip(self.tr("Show the whole result at once (End)."))
        self.slider.setToolTip(self.tr("Every cell of the result in order (Home/End)."))
        self.arithmetic.setToolTip(self.tr("The sum behind the highlighted cell, written out."))
        self._update_play_text()
        self._render_static()
        self._render_position()

    def _update_play_text(self):
        self.play_button.setText(self.tr("Pause") if self.timer.isActive() else self.tr("Play"))

    # --- input from the panel -------------------------------------------------------------------
    @property
    def result(self) -> str:
        if isinstance(self.backward, PoolBackwardStepper):
            return "dx"
        return self.result_combo.currentData()

    def set_forward(self, stepper, loss_source=None, batch=None, image: int = 0,
                    rgb: bool = False):
        """Show the backward pass of ``stepper`` (a `ConvStepper`/`PoolStepper`, or None);
        ``batch`` (N, C, H, W): the typed batch the stepper's image ``image`` comes from (a
        convolution's backward pass then covers every image); ``rgb``: the input is an RGB
        picture (a weight's slice is named by its colour)."""
        self.forward = stepper
        self.rgb = bool(rgb)
        self.batch = batch if isinstance(stepper, ConvStepper) else None
        self.image = int(image) if self.batch is not None else 0
        self._loss_source = loss_source
        self._edited = False
        self.result_combo.setEnabled(isinstance(stepper, ConvStepper))
        self._on_dy_preset()

    def set_interval(self, ms: int):
        self.timer.setInterval(int(ms))

    def _out_shape(self) -> tuple:
        st = self.forward
        if isinstance(st, ConvStepper):
            lead = () if self.batch is None else (self.batch.shape[0],)
            return lead + st.output.shape[-2:]
        return st.output.shape

    def _on_dy_preset(self):
        self.client.cancel(self, LOSS_KEY)
        self.loss = None
        self._edited = False
        self.seed.setVisible(self.dy_combo.currentData() == "random")
        if self.forward is None:
            self.backward = None
            self.message.show_info("")
            self._render_static()
            self._render_position()
            return
        preset = self.dy_combo.currentData()
        if preset == "loss":
            self._request_loss()
            return
        cell = (0, 0)
        if preset == "one_hot" and self.dy is not None and self.dy.shape == self._out_shape():
            hot = np.argwhere(self.dy.reshape((-1,) + self.dy.shape[-2:])[0] == 1)
            cell = tuple(hot[0]) if len(hot) == 1 else cell
        self._set_dy(make_dy(preset, self._out_shape(), cell=cell, seed=self.seed.value()))
        self.message.show_info("")

    def _request_loss(self):
        source = self._loss_source() if self._loss_source is not None else None
        if source is None or not isinstance(self.forward, ConvStepper):
            self.message.show_error(self.tr(
                "From the loss needs a learned filter on its own layer's input: choose the "
                "kernel \"Learned filter\" and, for conv1, the current digit or a test image as "
                "input (for conv2, the feature map of the layer before it). Showing all ones."))
            self._set_dy(make_dy("ones", self._out_shape()))
            return
        image, layer, filt, label = source
        self.message.show_info(self.tr("Asking the live model for the loss's gradient\u2026"))

        def job(model, image=image, layer=layer, filt=filt, label=label):
            return loss_gradient(image, model, layer, filt, label)

        self.client.request(job, owner=self, key=LOSS_KEY, on_result=self._on_loss,
                            on_error=self._on_loss_error)

    def _on_loss(self, g):
        if self.forward is None or self.dy_combo.currentData() != "loss":
            return
        if g.dy.shape != tuple(self._out_shape()):
            self.message.show_error(fill(self.tr(
                "The layer %1 has a %2\u00d7%3 output but this set-up gives %4\u00d7%5: use the "
                "layer's own stride and padding to see its real gradient. Showing all ones."),
                g.layer, *g.dy.shape, *self._out_shape()))
            self._set_dy(make_dy("ones", self._out_shape()))
            return
        self.loss = g
        self._set_dy(g.dy)
        self._render_static()

    def _on_loss_error(self, message):
        self.message.show_error(
            lambda: fill(self.tr("The live model could not answer: %1"), message))

    def _set_dy(self, dy):
        self.dy = np.asarray(dy, dtype=np.float64)
        try:
            self.backward = backward_for(self.forward, self.dy, self.batch)
        except ValueError as exc:   # a set-up the engine refuses: say so, show nothing
            self.backward = None
            self.message.show_error(engine_message(exc))
        self._restart()

    def _restart(self):
        self.position = 0
        self._render_static()
        if self.backward is not None:
            with blocked(self.slider):
                self.slider.setRange(0, n_steps(self.backward, self.result) - 1)
                self.slider.setValue(0)
        self._render_position()

    def edit_dy_cell(self, channel: int, row: int, col: int):
        """Ask for dY at (channel, row, col) and recompute (one-hot: move the 1 there)."""
        if self.backward is None:
            return
        dy = self.dy.copy()
        if self.dy_combo.currentData() == "one_hot":
            dy[...] = 0.0
            dy[..., row, col] = 1.0
        else:
            if self.batch is not None:
                channel = self.image          # dY of a batch is (N, OH, OW)
            where = (channel, row, col) if dy.ndim == 3 else (row, col)
            value, ok = QInputDialog.getDouble(
                self, self.tr("Output gradient"),
                fill(self.tr("dY at row %1, column %2:"), row, col), float(dy[where]),
                -1e6, 1e6, 3)
            if not ok:
                return
            dy[where] = value
            self._edited = True
        self._set_dy(dy)

    # --- stepping -------------------------------------------------------------------------------
    def set_position(self, index: int):
        if self.backward is None:
            return
        n = n_steps(self.backward, self.result)
        self.position = int(np.clip(index, 0, n - 1))
        with blocked(self.slider):
            self.slider.setValue(self.position)
        self._render_position()

    def step(self, delta: int):
        self.set_position(self.position + delta)

    def toggle_play(self):
        if self.timer.isActive():
            self.timer.stop()
        elif self.backward is not None:
            if self.position >= n_steps(self.backward, self.result) - 1:
                self.set_position(0)
            self.timer.start()
        self._update_play_text()

    def stop(self):
        self.timer.stop()
        self._update_play_text()

    def _on_tick(self):
        if self.backward is None or self.position >= n_steps(self.backward, self.result) - 1:
            self.stop()
            return
        self.step(1)

    # --- rendering ------------------------------------------------------------------------------
    def _grid(self, row: ChannelRow, i: int, values, *, levels=None, name=""):
        g = row.grids[i]
        cmap = cmap_for(values)
        g.set_matrix(values, levels=levels or value_range(values, cmap == "diverging"),
                     cmap=cmap)
        g.set_padding(((0, 0), (0, 0)))
        g.set_dropped()
        g.set_highlights([])
        g.set_marks([])
        g.value_name = name
        row.set_scale(g.levels, g.cmap)   # every grid with its colour bar
        return g

    def _render_static(self):
        """The grids that do not change while stepping: dY (as the result needs it) and the
        kernel or input; the ReLU gate when the loss's dY came through one."""
        bw = self.backward
        for row in (self.dy_row, self.middle_row, self.result_row, self.gate_row):
            row.set_count(0)
        for t in self.titles + [self.gate_title]:
            t.setText("")
        self.gate_title.setVisible(False)
        if bw is None:
            self.arithmetic.setHtml("")
            return
        self.dy_row.set_count(1)
        self._connect_dy_grids()
        if isinstance(bw, PoolBackwardStepper):
            c = bw.x3.shape[0]
            self.dy_row.set_count(c)
            self._connect_dy_grids()
            lv = value_range(bw.dout3, True)
            for ch in range(c):
                self._grid(self.dy_row, ch, bw.dout3[ch], levels=lv, name="dY")
            self.middle_row.set_count(c)
            for ch in range(c):
                g = self._grid(self.middle_row, ch, bw.x3[ch], name=self.tr("input"))
            self.titles[0].setText("<b>" + self.tr("dY, the pooled output's gradient") + "</b>")
            self.titles[1].setText("<b>" + self.tr("The forward input (who won each window)")
                                   + "</b>")
            self.titles[2].setText("<b>" + self.tr("dX, routed back") + "</b>")
            self.result_row.set_count(c)
            return
        result = self.result
        if result == "dx":
            grid = bw.dy_grid[self.image, 0]
            g = self._grid(self.dy_row, 0, grid, name="dY")
            kh, kw = bw.kernel_size
            (pt, pb), (pl, pr) = bw.grid_pads
            g.set_padding(((pt, pb), (pl, pr)))
            g.row_offset, g.col_offset = -pt, -pl
            g.set_marks([tuple(v) for v in np.argwhere(bw.dy_grid_mask)]
                        if bw.stride != (1, 1) else [])
            dil = bw.stride != (1, 1)
            self.titles[0].setText("<b>" + (fill(self.tr(
                "dY dilated for stride %1 (zeros between its cells) and padded by %2 = K\u22121"),
                bw.stride[0], kh - 1) if dil else fill(self.tr(
                    "dY padded by %1 = K\u22121 on every side"), kh - 1)) + "</b>")
            c = bw.rotated_kernel.shape[1]
            self.middle_row.set_count(c)
            for ch in range(c):
                self._grid(self.middle_row, ch, bw.rotated_kernel[0, ch], name=self.tr("weight"))
            self.titles[1].setText("<b>" + self.tr("The kernel rotated 180\u00b0") + "</b>")
            self.result_row.set_count(c)
            self.titles[2].setText("<b>" + self.tr(
                "dX over the padded input (hatched: cropped away)") + "</b>")
        else:
            g = self._grid(self.dy_row, 0, bw.dout4[self.image, 0], name="dY")
            g.row_offset = g.col_offset = 0
            self.titles[0].setText("<b>" + self.tr("dY, the output's gradient") + "</b>")
            if result == "dw":
                c = bw.padded_x.shape[1]
                self.middle_row.set_count(c)
                for ch in range(c):
                    gx = self._grid(self.middle_row, ch, bw.padded_x[self.image, ch],
                                    name=self.tr("input"))
                    gx.set_padding(bw.pads)
                self.titles[1].setText("<b>" + self.tr("The input (padded)") + "</b>")
                self.result_row.set_count(c)
                self.titles[2].setText("<b>" + (self.tr(
                    "dW, one weight at a time: the sum of both images' contributions")
                    if n_images(bw) > 1 else self.tr("dW, one weight at a time")) + "</b>")
            else:
                self.result_row.set_count(1)
                self.titles[2].setText("<b>" + (self.tr(
                    "db: the sum of dY over both images") if n_images(bw) > 1 else
                    self.tr("db: the sum of dY")) + "</b>")
        if n_images(bw) > 1:
            # the grids show one image of the batch: say which, and what is summed
            for i in (0, 1):
                self.titles[i].setText(self.titles[i].text() + "<br>" + fill(self.tr(
                    "Image %1 of the batch of %2 (choose the image under the form)."),
                    self.image, n_images(bw)))
        self._render_gate()

    def _connect_dy_grids(self):
        """Each dY grid's clicks reach `_on_dy_click` once (grids are created as needed)."""
        for ch, g in enumerate(self.dy_row.grids):
            if not g.property("backwardConnected"):
                g.sigCellClicked.connect(lambda r, c, ch=ch: self._on_dy_click(ch, r, c))
                g.setProperty("backwardConnected", True)

    def _on_dy_click(self, channel: int, row: int, col: int):
        bw = self.backward
        if bw is None:
            return
        if isinstance(bw, ConvBackwardStepper) and self.result == "dx":
            self._on_dy_grid_click(row, col)
        else:
            self.edit_dy_cell(channel, row, col)

    def _on_dy_grid_click(self, row: int, col: int):
        """A click on the padded dY grid (dX view): cells of the real dY only."""
        bw = self.backward
        kh, kw = bw.kernel_size
        r, c = row + kh - 1, col + kw - 1     # back into grid coordinates
        if not (0 <= r < bw.dy_grid_mask.shape[0] and 0 <= c < bw.dy_grid_mask.shape[1]):
            return
        if not bw.dy_grid_mask[r, c]:
            self.message.show_info(self.tr(
                "That cell is padding or dilation: it is always 0. Click a cell of dY itself."))
            return
        self.edit_dy_cell(0, (r - kh + 1) // bw.stride[0], (c - kw + 1) // bw.stride[1])

    def _render_gate(self):
        g = self.loss
        self.gate_title.setVisible(g is not None)
        if g is None:
            return
        if g.relu is None:
            self.gate_title.setText(fill(self.tr(
                "dY of %1 from the loss for the true label %2. No ReLU follows this layer.")
                if g.true else self.tr(
                "dY of %1 from the loss for the network's answer %2. No ReLU follows this "
                "layer."), g.layer, g.label))
            return
        self.gate_row.set_count(3)
        lv = value_range(np.concatenate([g.dy_after.ravel(), g.dy.ravel()]), True)
        self._grid(self.gate_row, 0, g.dy_after, levels=lv, name="dY")
        self._grid(self.gate_row, 1, g.gate.astype(float), levels=(0.0, 1.0),
                   name=self.tr("gate"))
        self._grid(self.gate_row, 2, g.dy, levels=lv, name="dY")
        self.gate_row.captions[0].setText(fill(self.tr("arriving at %1's output"), g.relu))
        self.gate_row.captions[1].setText(self.tr("gate: 1 where the forward input > 0"))
        self.gate_row.captions[2].setText(fill(self.tr("leaving %1 = dY of %2"), g.relu, g.layer))
        self.gate_title.setText(gate_html(g, int(g.gate.sum()), g.gate.size))

    def _render_position(self):
        bw = self.backward
        if bw is None:
            self.position_label.setText(self.tr("no gradient"))
            return
        n = n_steps(bw, self.result)
        if n_images(bw) > 1 and self.result == "dx":
            self.position_label.setText(fill(self.tr("image %1: cell %2 of %3"), self.image,
                                             self.position + 1, n))
        else:
            self.position_label.setText(fill(self.tr("cell %1 of %2"), self.position + 1, n))
        if isinstance(bw, PoolBackwardStepper):
            self._render_pool(bw)
            return
        result = self.result
        so_far = built_up(bw, result, self.position, self.image)
        if result == "dx":
            p = bw.dx_position(self.image * n + self.position)
            lv = value_range(bw.full_dx[self.image], True)
            for ch in range(so_far.shape[0]):
                g = self._grid(self.result_row, ch, so_far[ch], levels=lv, name="dX")
                (top, left, h, w) = bw.crop
                hp, wp = bw.full_dx.shape[2:]
                g.set_padding(((top, hp - top - h), (left, wp - left - w)))
                g.row_offset, g.col_offset = -top, -left
                if ch == p.channel:
                    g.set_highlights([(p.row, p.col, 1, 1, SECOND)])
            top_, left_, kh, kw = p.window
            self.dy_row.grids[0].set_highlights([(top_, left_, kh, kw, HIGHLIGHT)])
            self.arithmetic.setHtml(dx_html(p, bw))
        elif result == "dw":
            p = bw.dw_position(self.position)
            lv = value_range(bw.dweight4[p.filter], True)
            for ch in range(so_far.shape[0]):
                g = self._grid(self.result_row, ch, so_far[ch], levels=lv, name="dW")
                if ch == p.channel:
                    g.set_highlights([(p.row, p.col, 1, 1, SECOND)])
            ai, aj, hh, ww = p.window
            for ch, gx in enumerate(self.middle_row.grids[: bw.padded_x.shape[1]]):
                gx.set_highlights([(ai, aj, hh, ww, HIGHLIGHT)] if ch == p.channel else [])
                sh, sw = bw.stride
                gx.set_marks([(ai + r * sh, aj + c * sw) for r in range(p.dy.shape[1])
                              for c in range(p.dy.shape[2])] if ch == p.channel and
                             (sh, sw) != (1, 1) else [])
            check = None
            if bw.weight4.shape[0] == 1:
                batched = n_images(bw) > 1
                check = conv_gradient_check(bw.x4 if batched else bw.x4[0], bw.weight4[0],
                                            bw.dout4[:, 0] if batched else bw.dout4[0, 0],
                                            (p.channel, p.row, p.col), stride=bw.stride,
                                            padding=bw.pads, flip=bw.flip)
            self.arithmetic.setHtml(dw_html(p, check, self.rgb and bw.weight4.shape[1] == 3))
        else:
            p = bw.db_position(self.position)
            self._grid(self.result_row, 0, so_far[None], name="db")
            self.dy_row.grids[0].set_highlights(
                [(0, 0, p.dy.shape[1], p.dy.shape[2], HIGHLIGHT)])
            self.arithmetic.setHtml(db_html(p))

    def _render_pool(self, bw: PoolBackwardStepper):
        p = bw.position(self.position)
        so_far = built_up(bw, "dx", self.position)
        lv = value_range(bw.dx.reshape(bw.x3.shape), True)
        top, left, kh, kw = p.window
        (pt, _pb), (pl, _pr) = bw.pads
        for ch in range(bw.x3.shape[0]):
            g = self._grid(self.result_row, ch, so_far[ch], levels=lv, name="dX")
            gx = self.middle_row.grids[ch]
            here = ch == p.channel
            rect = [(top - pt, left - pl, kh, kw, HIGHLIGHT)] if here else []
            g.set_highlights(rect)
            gx.set_highlights(rect)
            gx.set_marks([(r, c) for r, c in p.destinations] if here and p.winner else [])
            g.set_marks([(r, c) for r, c in p.destinations] if here else [])
            self.dy_row.grids[ch].set_highlights([(p.row, p.col, 1, 1, SECOND)] if here else [])
        self.result_row.grids[p.channel].set_marks(
            [(r, c) for r, c in p.destinations])
        self.arithmetic.setHtml(pool_html(p, bw.mode, kh * kw))
