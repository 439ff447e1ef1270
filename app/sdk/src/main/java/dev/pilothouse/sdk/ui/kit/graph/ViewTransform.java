package dev.pilothouse.sdk.ui.kit.graph;

/**
 * How {@link DagView} maps layout coordinates to its own: {@code view = layout * scale + offset}.
 *
 * @param scale   zoom factor, 1 = 100 %
 * @param offsetX where layout x 0 lands in the view
 * @param offsetY where layout y 0 lands in the view
 */
public record ViewTransform(double scale, double offsetX, double offsetY) {

    public static final ViewTransform IDENTITY = new ViewTransform(1, 0, 0);

    public double toViewX(double layoutX) {
        return layoutX * scale + offsetX;
    }

    public double toViewY(double layoutY) {
        return layoutY * scale + offsetY;
    }

    public double toLayoutX(double viewX) {
        return (viewX - offsetX) / scale;
    }

    public double toLayoutY(double viewY) {
        return (viewY - offsetY) / scale;
    }

    /** The same view moved by this many view pixels. */
    public ViewTransform panned(double dx, double dy) {
        return new ViewTransform(scale, offsetX + dx, offsetY + dy);
    }

    /** Zoomed to {@code newScale}, keeping the layout point under view point (px, py) where it is. */
    public ViewTransform zoomedAt(double newScale, double px, double py) {
        double lx = toLayoutX(px);
        double ly = toLayoutY(py);
        return new ViewTransform(newScale, px - lx * newScale, py - ly * newScale);
    }
}
