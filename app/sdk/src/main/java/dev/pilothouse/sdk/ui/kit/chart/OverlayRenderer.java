package dev.pilothouse.sdk.ui.kit.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Draws the crosshair on its own canvas above the plot: a vertical line at the snapped time, a dot on each series
 * and a box with the time and values. Moving the pointer redraws only this layer, never the lines.
 */
final class OverlayRenderer {

    /** Rows the read-out box lists before summing up the rest as "+ n more". */
    static final int MAX_ROWS = 10;
    private static final int MAX_LABEL_CHARS = 48;
    private static final double PAD = 8;
    private static final double SWATCH = 9;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Text measure = new Text();

    void clear(GraphicsContext gc, double width, double height) {
        gc.clearRect(0, 0, width, height);
    }

    void draw(GraphicsContext gc, double width, double height, PlotArea area, Readout readout, double pointerY,
              ZoneId zone, Font font, ChartStyle style) {
        clear(gc, width, height);
        if (area == null || readout == null) {
            return;
        }
        double x = Math.floor(area.xOf(readout.time().toEpochMilli())) + 0.5;
        gc.setLineWidth(1);
        gc.setStroke(style.crosshair.get());
        gc.strokeLine(x, area.top(), x, area.top() + area.height());
        for (Readout.Entry e : readout.entries()) {
            if (Double.isFinite(e.value())) {
                double y = area.yOf(e.value());
                if (y >= area.top() - 1 && y <= area.top() + area.height() + 1) {
                    gc.setFill(style.series(e.colorIndex()));
                    gc.fillOval(x - 3.5, y - 3.5, 7, 7);
                    gc.setStroke(style.tooltipBackground.get());
                    gc.strokeOval(x - 3.5, y - 3.5, 7, 7);
                }
            }
        }
        drawBox(gc, width, area, readout, x, pointerY, zone, font, style);
    }

    private void drawBox(GraphicsContext gc, double width, PlotArea area, Readout readout, double x, double pointerY,
                         ZoneId zone, Font font, ChartStyle style) {
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        String header = TIME.format(readout.time().atZone(zone));
        int rows = Math.min(MAX_ROWS, readout.entries().size());
        int more = readout.entries().size() - rows;
        String[] labels = new String[rows];
        double labelWidth = width(header, bold);
        double valueWidth = 0;
        for (int i = 0; i < rows; i++) {
            Readout.Entry e = readout.entries().get(i);
            labels[i] = e.label().length() > MAX_LABEL_CHARS ? e.label().substring(0, MAX_LABEL_CHARS - 1) + "…"
                    : e.label();
            labelWidth = Math.max(labelWidth, SWATCH + 6 + width(labels[i], font));
            valueWidth = Math.max(valueWidth, width(e.text(), font));
        }
        String moreText = more > 0 ? "+ " + more + " more" : null;
        if (moreText != null) {
            labelWidth = Math.max(labelWidth, width(moreText, font));
        }
        double lineHeight = Math.ceil(font.getSize() * 1.4);
        double boxWidth = PAD * 2 + labelWidth + (rows > 0 ? 16 + valueWidth : 0);
        double boxHeight = PAD * 2 + lineHeight * (1 + rows + (moreText != null ? 1 : 0));
        double boxX = x + 14 + boxWidth <= width ? x + 14 : x - 14 - boxWidth;
        boxX = Math.max(0, boxX);
        double boxY = Math.max(area.top(), Math.min(pointerY - boxHeight / 2, area.top() + area.height() - boxHeight));
        boxY = Math.max(0, boxY);

        gc.setFill(style.tooltipBackground.get());
        gc.fillRoundRect(boxX, boxY, boxWidth, boxHeight, 8, 8);
        gc.setStroke(style.tooltipBorder.get());
        gc.strokeRoundRect(boxX + 0.5, boxY + 0.5, boxWidth - 1, boxHeight - 1, 8, 8);

        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(style.tooltipText.get());
        gc.setFont(bold);
        double y = boxY + PAD + lineHeight / 2;
        gc.fillText(header, boxX + PAD, y);
        gc.setFont(font);
        for (int i = 0; i < rows; i++) {
            Readout.Entry e = readout.entries().get(i);
            y += lineHeight;
            gc.setFill(style.series(e.colorIndex()));
            gc.fillRect(boxX + PAD, y - SWATCH / 2, SWATCH, SWATCH);
            gc.setFill(style.tooltipText.get());
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText(labels[i], boxX + PAD + SWATCH + 6, y);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(e.text(), boxX + boxWidth - PAD, y);
        }
        if (moreText != null) {
            y += lineHeight;
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText(moreText, boxX + PAD, y);
        }
    }

    private double width(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
