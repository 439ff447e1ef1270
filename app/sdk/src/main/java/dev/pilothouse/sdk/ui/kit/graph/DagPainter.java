package dev.pilothouse.sdk.ui.kit.graph;

import dev.pilothouse.sdk.ui.kit.graph.DagView.Fonts;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * Draws a laid-out graph on a canvas: edges first (all ordinary edges in one path, so 600 curves cost one stroke),
 * then the boxes in view, then the selection. Line widths are divided by the zoom so they stay crisp at any scale;
 * text is left out below {@link #TEXT_MIN_SCALE}, where it would be unreadable smudges anyway.
 */
final class DagPainter {

    static final double TEXT_MIN_SCALE = 0.45;
    private static final double ARC = 8;
    private static final double STRIPE = 4;
    private static final double PADDING = 10;
    private static final double ARROW = 6;

    record Frame(double width, double height, DagLayout layout, ViewTransform transform, int selected,
                 DagStyle style, Fonts fonts, LabelElider labels, LabelElider details) {
    }

    private DagPainter() {
    }

    static void draw(GraphicsContext gc, Frame f) {
        gc.clearRect(0, 0, f.width(), f.height());
        if (f.layout() == null || f.layout().model().isEmpty()) {
            return;
        }
        ViewTransform t = f.transform();
        double s = t.scale();
        Visible area = new Visible(t.toLayoutX(0), t.toLayoutY(0), t.toLayoutX(f.width()), t.toLayoutY(f.height()));
        gc.save();
        gc.translate(t.offsetX(), t.offsetY());
        gc.scale(s, s);
        gc.setLineCap(StrokeLineCap.ROUND);
        drawEdges(gc, f, area, s);
        drawNodes(gc, f, area, s);
        gc.restore();
    }

    private record Visible(double left, double top, double right, double bottom) {
        boolean overlaps(double x0, double y0, double x1, double y1) {
            return x1 >= left && x0 <= right && y1 >= top && y0 <= bottom;
        }
    }

    private static void drawEdges(GraphicsContext gc, Frame f, Visible area, double s) {
        DagLayout layout = f.layout();
        double loop = layout.spacing().nodeHeight();
        gc.setLineWidth(1.2 / s);
        gc.setStroke(f.style().edge.get());
        gc.setFill(f.style().edge.get());
        gc.beginPath();
        for (EdgeRoute r : layout.routes()) {
            if (!r.back() && !touchesSelection(r, f.selected()) && inView(r, area, loop)) {
                trace(gc, r);
            }
        }
        gc.stroke();
        gc.beginPath();
        for (EdgeRoute r : layout.routes()) {
            if (!touchesSelection(r, f.selected()) && inView(r, area, loop)) {
                arrowHead(gc, r);
            }
        }
        gc.fill();
        gc.setLineDashes(4 / s, 4 / s);
        gc.beginPath();
        for (EdgeRoute r : layout.routes()) {
            if (r.back() && inView(r, area, loop)) {
                traceLoop(gc, r, loop);
            }
        }
        gc.stroke();
        gc.setLineDashes();
        if (f.selected() >= 0) {
            gc.setLineWidth(2.2 / s);
            gc.setStroke(f.style().edgeSelected.get());
            gc.setFill(f.style().edgeSelected.get());
            for (EdgeRoute r : layout.routes()) {
                if (touchesSelection(r, f.selected())) {
                    gc.beginPath();
                    if (r.back()) {
                        traceLoop(gc, r, loop);
                    } else {
                        trace(gc, r);
                    }
                    gc.stroke();
                    gc.beginPath();
                    arrowHead(gc, r);
                    gc.fill();
                }
            }
        }
    }

    private static boolean touchesSelection(EdgeRoute r, int selected) {
        return selected >= 0 && (r.from() == selected || r.to() == selected);
    }

    private static boolean inView(EdgeRoute r, Visible area, double slack) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int k = 0; k < r.points(); k++) {
            x0 = Math.min(x0, r.xs()[k]);
            x1 = Math.max(x1, r.xs()[k]);
            y0 = Math.min(y0, r.ys()[k]);
            y1 = Math.max(y1, r.ys()[k]);
        }
        return area.overlaps(x0 - slack, y0 - slack, x1 + slack, y1 + slack);
    }

    /** Horizontal-tangent cubic curves through the route's points. */
    private static void trace(GraphicsContext gc, EdgeRoute r) {
        double[] x = r.xs();
        double[] y = r.ys();
        gc.moveTo(x[0], y[0]);
        for (int k = 1; k < x.length; k++) {
            double half = (x[k] - x[k - 1]) / 2;
            double end = k == x.length - 1 ? x[k] - ARROW : x[k];
            gc.bezierCurveTo(x[k - 1] + half, y[k - 1], x[k] - half, y[k], end, y[k]);
        }
    }

    /** A back edge: an arc below both boxes, from the later node back to the earlier one. */
    private static void traceLoop(GraphicsContext gc, EdgeRoute r, double depth) {
        double x0 = r.xs()[0];
        double y0 = r.ys()[0];
        double x1 = r.xs()[1] - ARROW;
        double y1 = r.ys()[1];
        double below = Math.max(y0, y1) + depth * 1.2;
        gc.moveTo(x0, y0);
        gc.bezierCurveTo(x0 + depth * 1.5, below, x1 - depth * 1.5, below, x1, y1);
    }

    private static void arrowHead(GraphicsContext gc, EdgeRoute r) {
        double x = r.xs()[r.points() - 1];
        double y = r.ys()[r.points() - 1];
        gc.moveTo(x, y);
        gc.lineTo(x - ARROW - 1, y - ARROW / 2 - 0.5);
        gc.lineTo(x - ARROW - 1, y + ARROW / 2 + 0.5);
        gc.closePath();
    }

    private static void drawNodes(GraphicsContext gc, Frame f, Visible area, double s) {
        DagLayout layout = f.layout();
        double w = layout.spacing().nodeWidth();
        double h = layout.spacing().nodeHeight();
        boolean text = s >= TEXT_MIN_SCALE;
        gc.setLineWidth(1 / s);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        double textWidth = w - STRIPE - 2 * PADDING;
        for (int i = 0; i < layout.model().size(); i++) {
            double x = layout.x(i);
            double y = layout.y(i);
            if (!area.overlaps(x, y, x + w, y + h)) {
                continue;
            }
            GraphNode node = layout.model().nodes().get(i);
            var tone = node.state().tone();
            gc.setFill(f.style().fill(tone));
            gc.fillRoundRect(x, y, w, h, ARC, ARC);
            gc.setStroke(f.style().stroke(tone));
            gc.strokeRoundRect(x, y, w, h, ARC, ARC);
            gc.setFill(f.style().stroke(tone));
            gc.fillRoundRect(x, y, STRIPE + ARC / 2, h, ARC, ARC);
            if (text) {
                double left = x + STRIPE + PADDING;
                boolean twoLines = !node.detail().isEmpty();
                gc.setFont(f.fonts().label());
                gc.setFill(f.style().text.get());
                gc.fillText(f.labels().fit(node.label(), f.fonts().label(), textWidth), left,
                        twoLines ? y + h * 0.33 : y + h / 2);
                if (twoLines) {
                    gc.setFont(f.fonts().detail());
                    gc.setFill(f.style().detail.get());
                    gc.fillText(f.details().fit(node.detail(), f.fonts().detail(), textWidth), left, y + h * 0.7);
                }
            }
        }
        if (f.selected() >= 0) {
            gc.setLineWidth(2.5 / s);
            gc.setStroke(f.style().selection.get());
            double out = 2 / s;
            gc.strokeRoundRect(layout.x(f.selected()) - out, layout.y(f.selected()) - out, w + 2 * out, h + 2 * out,
                    ARC + out, ARC + out);
        }
    }
}
