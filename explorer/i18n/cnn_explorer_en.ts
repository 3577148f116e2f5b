<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConvForm</name>
    <message numerus="yes">
        <source>all %n channels</source>
        <translation>
            <numerusform>the %n channel</numerusform>
            <numerusform>all %n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawingView</name>
    <message numerus="yes">
        <source>SmoothGrad for %1, mean of %n noisy copies (noise %2): largest value %3, shown as 1</source>
        <translation>
            <numerusform>SmoothGrad for %1, mean of %n noisy copy (noise %2): largest value %3, shown as 1</numerusform>
            <numerusform>SmoothGrad for %1, mean of %n noisy copies (noise %2): largest value %3, shown as 1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeatureSpaceView</name>
    <message numerus="yes">
        <source>All %n misclassified test images of the last training run.</source>
        <translation>
            <numerusform>The only misclassified test image of the last training run (%n).</numerusform>
            <numerusform>All %n misclassified test images of the last training run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 taken for %2: %n test images of the last training run.</source>
        <translation>
            <numerusform>%1 taken for %2: %n test image of the last training run.</numerusform>
            <numerusform>%1 taken for %2: %n test images of the last training run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them circled in the map (it holds the first %1 test images).</source>
        <translation>
            <numerusform>%n of them circled in the map (it holds the first %1 test images).</numerusform>
            <numerusform>%n of them circled in the map (it holds the first %1 test images).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Im2colView</name>
    <message numerus="yes">
        <source>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%n rows per output cell here); the maximum of each row is the output.</source>
        <translation>
            <numerusform>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%n row per output cell here); the maximum of each row is the output.</numerusform>
            <numerusform>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%n rows per output cell here); the maximum of each row is the output.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%n rows per output cell here); the mean of each row is the output.</source>
        <translation>
            <numerusform>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%n row per output cell here); the mean of each row is the output.</numerusform>
            <numerusform>Pooling in “Deep Learning from Scratch” (chapter 7) also uses im2col: the windows become rows, reshaped so each row holds one channel&apos;s %1×%2 window (%n rows per output cell here); the mean of each row is the output.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shown: im2col rows %1 to %2, of %n rows in all (row r is the window of output cell r, output cells counted row by row from 0).</source>
        <translation>
            <numerusform>Shown: im2col rows %1 to %2, of %n row in all (row r is the window of output cell r, output cells counted row by row from 0).</numerusform>
            <numerusform>Shown: im2col rows %1 to %2, of %n rows in all (row r is the window of output cell r, output cells counted row by row from 0).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerGridView</name>
    <message numerus="yes">
        <source>%1 (%n filter(s))</source>
        <translation>
            <numerusform>%1 (%n filter)</numerusform>
            <numerusform>%1 (%n filters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n filter(s) of %1:</source>
        <translation>
            <numerusform>The %n filter of %1:</numerusform>
            <numerusform>The %n filters of %1:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message numerus="yes">
        <source>Made by filter %1: one %2×%3 kernel per input channel (%n channels of %4), the %n results added, plus the bias %5.</source>
        <translation>
            <numerusform>Made by filter %1: one %2×%3 kernel on the input channel (%n channel of %4), its result plus the bias %5.</numerusform>
            <numerusform>Made by filter %1: one %2×%3 kernel per input channel (%n channels of %4), the %n results added, plus the bias %5.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputSizeTexts</name>
    <message numerus="yes">
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last %n padded rows (%5); no window ever reaches them.</source>
        <translation>
            <numerusform>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last padded row (%5); no window ever reaches it.</numerusform>
            <numerusform>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last %n padded rows (%5); no window ever reaches them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last %n padded columns (%5); no window ever reaches them.</source>
        <translation>
            <numerusform>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last padded column (%5); no window ever reaches it.</numerusform>
            <numerusform>%1 − %2 = %3 is not a multiple of the stride %4 (remainder %n): the floor drops the last %n padded columns (%5); no window ever reaches them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>So %n input rows are lost, rows %1 (counted from 0): no window reads them.</source>
        <translation>
            <numerusform>So %n input row is lost, row %1 (counted from 0): no window reads it.</numerusform>
            <numerusform>So %n input rows are lost, rows %1 (counted from 0): no window reads them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>So %n input columns are lost, columns %1 (counted from 0): no window reads them.</source>
        <translation>
            <numerusform>So %n input column is lost, column %1 (counted from 0): no window reads it.</numerusform>
            <numerusform>So %n input columns are lost, columns %1 (counted from 0): no window reads them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The stride is larger than the window: %n input rows (%1) fall between windows and are never read.</source>
        <translation>
            <numerusform>The stride is larger than the window: %n input row (%1) falls between windows and is never read.</numerusform>
            <numerusform>The stride is larger than the window: %n input rows (%1) fall between windows and are never read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The stride is larger than the window: %n input columns (%1) fall between windows and are never read.</source>
        <translation>
            <numerusform>The stride is larger than the window: %n input column (%1) falls between windows and is never read.</numerusform>
            <numerusform>The stride is larger than the window: %n input columns (%1) fall between windows and are never read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message numerus="yes">
        <source>%n snapshots, %1 MB</source>
        <translation>
            <numerusform>%n snapshot, %1 MB</numerusform>
            <numerusform>%n snapshots, %1 MB</numerusform>
        </translation>
    </message>
</context>
</TS>
