package dev.pilothouse.sdk.ui.kit.chart;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A chart panel's header: the title on the left and the controls on the right, on one row when the panel is wide
 * enough for both, otherwise the controls on a row of their own under the title. A chart in a narrow detail pane
 * thus keeps readable buttons instead of eliding them to "...".
 */
final class ChartHeader extends Region {

    private static final double GAP = 8;

    private final Node lead;
    private final Node controls;

    ChartHeader(Node lead, Node controls) {
        this.lead = lead;
        this.controls = controls;
        getStyleClass().add("ph-chart-header");
        getChildren().addAll(lead, controls);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL; // its height depends on whether the width fits one row
    }

    private boolean fitsOnOneRow(double width) {
        return lead.prefWidth(-1) + GAP + controls.prefWidth(-1) <= width - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + lead.prefWidth(-1) + GAP + controls.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.min(lead.minWidth(-1), controls.minWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double leadHeight = lead.prefHeight(-1);
        double controlsHeight = controls.prefHeight(-1);
        double rows = width < 0 || fitsOnOneRow(width) ? Math.max(leadHeight, controlsHeight)
                : leadHeight + GAP / 2 + controlsHeight;
        return snappedTopInset() + rows + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double leadHeight = lead.prefHeight(-1);
        double controlsWidth = Math.min(w, controls.prefWidth(-1));
        double controlsHeight = controls.prefHeight(-1);
        if (fitsOnOneRow(getWidth())) {
            double rowHeight = Math.max(leadHeight, controlsHeight);
            layoutInArea(lead, x, y, w - controlsWidth - GAP, rowHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(controls, x + w - controlsWidth, y, controlsWidth, rowHeight, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            layoutInArea(lead, x, y, w, leadHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(controls, x, y + leadHeight + GAP / 2, w, controlsHeight, 0, HPos.LEFT, VPos.CENTER);
        }
    }
}
