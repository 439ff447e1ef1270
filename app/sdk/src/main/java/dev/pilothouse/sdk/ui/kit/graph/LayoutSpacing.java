package dev.pilothouse.sdk.ui.kit.graph;

/**
 * Sizes for {@link DagLayout}, in layout units (pixels at 100 % zoom).
 *
 * @param nodeWidth   width of every box (labels are elided to it, so boxes line up in columns)
 * @param nodeHeight  height of every box (two lines of text)
 * @param layerGap    horizontal space between columns, where edges run
 * @param nodeGap     vertical space between boxes of one column
 * @param channelSize height a long edge takes where it passes through a column
 */
public record LayoutSpacing(double nodeWidth, double nodeHeight, double layerGap, double nodeGap,
                            double channelSize) {

    /** The view's sizes: room for about 24 characters and two lines. */
    public static final LayoutSpacing DEFAULT = new LayoutSpacing(176, 44, 56, 14, 6);

    public LayoutSpacing {
        if (!(nodeWidth > 0 && nodeHeight > 0 && layerGap >= 0 && nodeGap >= 0 && channelSize >= 0)) {
            throw new IllegalArgumentException("layout spacing must be positive: " + nodeWidth + "x" + nodeHeight
                    + ", gaps " + layerGap + "/" + nodeGap + ", channel " + channelSize);
        }
    }
}
