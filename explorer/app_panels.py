"""The main window's tab table: every panel with its tab title and its "how to read this view"
help text (context "MainWindow", as the window translates them), and the help paragraphs
that span panels. Imported by `explorer.app`, which re-exports these names; import that
module first when running the app (it limits BLAS threads before NumPy is imported).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from explorer.ui.panels.convolution import ConvolutionPanel
from explorer.ui.panels.data import DataPanel
from explorer.ui.panels.draw import DrawPanel
from explorer.ui.panels.explain import ExplainPanel
from explorer.ui.panels.kernels import KernelPanel
from explorer.ui.panels.layers import LayersPanel
from explorer.ui.panels.train import TrainPanel

# The status bar's sizes live here, before the panel table, only so that pyside6-lupdate keeps
# attaching their "#:" comments to the first tab title as it always did (moving them would
# change the .ts files).
#: The narrowest the status bar's model label gets while a long message is shown (pixels).
MODEL_LABEL_MINIMUM = 200
#: Pixels between a message and the model label (the bar's margins and size grip included).
STATUS_SPACING = 48

#: Every panel, in tab order: (class, tab title, "how to read this view" text).
#: A panel is a QWidget built as ``Panel(client, state, parent=None)``; add yours with one line.
PANELS = [
    (DrawPanel, QT_TRANSLATE_NOOP("MainWindow", "&Draw"),
     QT_TRANSLATE_NOOP("MainWindow",
         "Draw a digit on the black square. The small image at the top right is what the network "
         "really receives: your drawing cropped, scaled into 20x20 pixels and centred in a 28x28 "
         "field, exactly how the MNIST digits were prepared. The bars are the softmax output: "
         "one probability per digit, they sum to 1; the big number is the most probable class. "
         "Tick \u201cCompare with the raw resize\u201d to see what happens without the "
         "preprocessing (grey bars).")),
    (LayersPanel, QT_TRANSLATE_NOOP("MainWindow", "&Layers"),
     QT_TRANSLATE_NOOP("MainWindow",
         "The network layer by layer. Left: every layer in order with what it receives, the "
         "shape of its output (channels x height x width, or a vector length) and how many "
         "numbers it learns; click one or press Page Up / Page Down. Right: the chosen layer's "
         "output for the current digit (drawn, or picked from the test set): one small image "
         "per channel, coloured by the bar above it (one scale for the whole layer unless "
         "\u201cScale each map on its own\u201d is ticked). Click a map to open it large (hover "
         "to read values) beside the kernels and bias that produced it. The layer marked with a "
         "star is the feature vector the classifier reads.")),
    (ConvolutionPanel,
     QT_TRANSLATE_NOOP("MainWindow", "&Convolution"),
     QT_TRANSLATE_NOOP("MainWindow",
         "A convolution (or pooling) done one output cell at a time. Choose an input (the "
         "textbook's 4x4 example, a 3-channel example, a digit, any feature map of the live "
         "network), a kernel, the stride, padding and bias, then step with the arrow keys or "
         "Play (Space). The orange square is the window on the padded input (hatched cells are "
         "padding), the green cell the output it makes; the Arithmetic tab writes the sum out, "
         "Output size explains (H + 2P - FH)/S + 1 and what a stride that does not fit drops, "
         "and im2col shows the same computation as one matrix product. Direction > Backward steps "
         "through backpropagation the same way, from an output gradient dY (all ones, one-hot, "
         "random integers, cells you type, or the live network's real dY from the loss, with "
         "its ReLU gate): dW is the input correlated with dY (with the gradient check, the "
         "textbook's numeric test, beside it), db the sum of dY, and dX a full convolution of "
         "the padded, stride-dilated dY with the kernel rotated 180 degrees; max pooling routes "
         "each dY to its window's winner, average pooling shares it. Numbers you type lets you "
         "enter any input up to 32x32; Local connectivity draws the wiring and weight sharing "
         "of a small convolution; Pooling and shifts moves the digit and counts what changes.")),
    (TrainPanel, QT_TRANSLATE_NOOP("MainWindow", "&Train"),
     QT_TRANSLATE_NOOP("MainWindow",
         "Pick an architecture and the training settings, then Start. The loss plot shows the "
         "cross-entropy of every mini-batch (light) and its running average (dark): it should "
         "fall. The accuracy plot shows, after each epoch, the share of training and test "
         "digits classified correctly: when training accuracy keeps rising but test accuracy "
         "does not, the network is overfitting. The filter grid shows the first layer's "
         "kernels changing as they learn. At the end, the confusion matrix counts which digit "
         "was taken for which (rows: true, columns: predicted), and the grid shows misclassified "
         "test digits. \u201cMake live\u201d lets the Draw panel use the new network.")),
    (DataPanel, QT_TRANSLATE_NOOP("MainWindow", "D&ata"),
     QT_TRANSLATE_NOOP("MainWindow",
         "The images the network learns from. Left: samples of the chosen split with their "
         "labels; pick a class to see only its samples, click one to make it the input of the "
         "Draw and Layers panels. Right: how many images each class has, the average image of "
         "each class, and how bright the pixels are. Download the full MNIST (or "
         "Fashion-MNIST, Kuzushiji-MNIST) below, or open a folder of your own IDX files.")),
    (KernelPanel, QT_TRANSLATE_NOOP("MainWindow", "&Kernel lab"),
     QT_TRANSLATE_NOOP("MainWindow",
         "Edit a convolution kernel and see what it does. Left: the weights (numbers or "
         "fractions like 1/16), their sum, and a library of classic kernels. Middle: the input "
         "and the output of sliding the kernel over it (red positive, blue negative), with a "
         "histogram of the output values. Right: put your kernel into a filter of the live "
         "network and watch the feature map and prediction change; restore the learned "
         "filter with one click.")),
    (ExplainPanel, QT_TRANSLATE_NOOP("MainWindow", "E&xplain"),
     QT_TRANSLATE_NOOP("MainWindow",
         "What the network learned, on your drawing and your network. On my drawing: the "
         "saliency map shows which pixels would change the chosen class's score most if they "
         "changed; the Grad-CAM map shows where the chosen conv layer's maps raise that score. "
         "Both are scaled to their maximum, so read the raw maximum beside them: a weak map is "
         "not a confident one. Neither proves why the network decided: they show sensitivity, "
         "not reasons. The sanity check computes the same map on a copy with random weights; "
         "if the two look alike, the map shows the digit's outline rather than anything "
         "learned. What a filter wants: starting from grey, the image is changed step by step "
         "to raise one filter's (or one class's) output, with decay, blur and jitter keeping "
         "it readable; beside it, the test digits that excite it most. The image shows one "
         "pattern the filter responds to, not everything it detects, and a different seed or "
         "setting can give another. Feature space: every test digit's penultimate-layer vector "
         "as a dot (PCA at once, t-SNE on request), coloured by label, your drawing as a star, "
         "and its nearest digits by features beside its nearest by pixels. Clusters show what "
         "the network groups together; t-SNE distances between clusters and cluster sizes "
         "mean little, and two axes cannot show everything the vectors hold. SmoothGrad "
         "averages the saliency over many noisy copies of your drawing: smoother, not truer. "
         "A whole layer grows one "
         "image per filter of a conv layer and one per class in the background; click one to "
         "see the five test digits that excite it most. The feature-space layer switch shows "
         "flatten, a hidden fully connected layer or the penultimate layer; point at a dot to "
         "see its digit.")),
]


#: Help paragraphs added after a panel's own text (by objectName): the training timeline and
#: the link from the Train tab's confusion matrix to the Explain tab, which span panels.
TIMELINE_HELP = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Training timeline: a run in the Train tab keeps the network's weights before training and "
    "after each epoch (within a memory cap; the bar below the tabs shows how much they use). "
    "Move the bar's handle to show the network as it was after that epoch in every view (Draw, "
    "Layers, Explain, the Train tab's filters); the bar says which epoch is shown and that it is "
    "not the live model. The live model does not change until you press \u201cMake this the "
    "live model\u201d (Undo brings the old one back); \u201cBack to live\u201d shows it "
    "again. Editing the live model (the Kernel lab) or starting a new run also shows it again.")
CONFUSION_HELP = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Mistakes in the Explain tab: click a cell of the confusion matrix, then \u201cShow these "
    "in Explain\u201d. The Explain tab's feature space circles those test digits in its map "
    "(when they are among the test images it maps) and lists them below it; the timeline shows "
    "the run's last weights, the network that made these mistakes. Click a listed digit to see "
    "its saliency and Grad-CAM maps on \u201cOn my drawing\u201d: where the network looked "
    "when it got it wrong.")
EXTRA_HELP = {"drawPanel": (TIMELINE_HELP,), "layersPanel": (TIMELINE_HELP,),
              "trainPanel": (TIMELINE_HELP, CONFUSION_HELP),
              "explainPanel": (CONFUSION_HELP, TIMELINE_HELP)}

def plain_title(text: str) -> str:
    """A tab title without its mnemonic: "&Draw" -> "Draw", "绘制(&D)" -> "绘制"."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&", "")
