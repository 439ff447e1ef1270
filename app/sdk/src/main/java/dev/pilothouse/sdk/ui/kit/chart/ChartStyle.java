package dev.pilothouse.sdk.ui.kit.chart;

import javafx.beans.Observable;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The chart's colours as CSS properties, so the theme's style sheet decides them (from looked-up colours) and code
 * holds none. The defaults only matter when no Pilothouse sheet is loaded (a plugin's own test, say).
 */
final class ChartStyle {

    private static final Paint[] DEFAULT_PALETTE = {Color.ROYALBLUE, Color.SEAGREEN, Color.DARKGOLDENROD,
        Color.CRIMSON, Color.MEDIUMPURPLE, Color.DARKCYAN, Color.CHOCOLATE, Color.PALEVIOLETRED, Color.GRAY,
        Color.SLATEBLUE};

    /**
     * One property per palette slot ({@code -ph-chart-series-0} .. {@code -ph-chart-series-9}): JavaFX resolves a
     * looked-up colour in a single-colour property, but not inside a comma list of a custom property.
     */
    private static final List<CssMetaData<TimeSeriesChart, Paint>> PALETTE = paletteMetaData();
    private static final CssMetaData<TimeSeriesChart, Paint> GRID = paint("-ph-chart-grid-color", Color.LIGHTGRAY,
            s -> s.grid);
    private static final CssMetaData<TimeSeriesChart, Paint> AXIS = paint("-ph-chart-axis-color", Color.GRAY,
            s -> s.axis);
    private static final CssMetaData<TimeSeriesChart, Paint> TEXT = paint("-ph-chart-text-color", Color.DIMGRAY,
            s -> s.text);
    private static final CssMetaData<TimeSeriesChart, Paint> CROSSHAIR = paint("-ph-chart-crosshair-color",
            Color.GRAY, s -> s.crosshair);
    private static final CssMetaData<TimeSeriesChart, Paint> MARKER = paint("-ph-chart-marker-color",
            Color.ORANGERED, s -> s.marker);
    private static final CssMetaData<TimeSeriesChart, Paint> TOOLTIP_BACKGROUND = paint(
            "-ph-chart-tooltip-background", Color.WHITE, s -> s.tooltipBackground);
    private static final CssMetaData<TimeSeriesChart, Paint> TOOLTIP_BORDER = paint("-ph-chart-tooltip-border",
            Color.LIGHTGRAY, s -> s.tooltipBorder);
    private static final CssMetaData<TimeSeriesChart, Paint> TOOLTIP_TEXT = paint("-ph-chart-tooltip-text",
            Color.BLACK, s -> s.tooltipText);

    static final List<CssMetaData<? extends Styleable, ?>> META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(PALETTE);
        all.addAll(List.of(GRID, AXIS, TEXT, CROSSHAIR, MARKER, TOOLTIP_BACKGROUND, TOOLTIP_BORDER, TOOLTIP_TEXT));
        META_DATA = Collections.unmodifiableList(all);
    }

    private final List<StyleableObjectProperty<Paint>> palette = new ArrayList<>();
    final StyleableObjectProperty<Paint> grid;
    final StyleableObjectProperty<Paint> axis;
    final StyleableObjectProperty<Paint> text;
    final StyleableObjectProperty<Paint> crosshair;
    final StyleableObjectProperty<Paint> marker;
    final StyleableObjectProperty<Paint> tooltipBackground;
    final StyleableObjectProperty<Paint> tooltipBorder;
    final StyleableObjectProperty<Paint> tooltipText;

    /** Properties of {@code chart}; {@code changed} runs when the theme changes any of them. */
    ChartStyle(TimeSeriesChart chart, Runnable changed) {
        for (int i = 0; i < PALETTE.size(); i++) {
            palette.add(property(PALETTE.get(i), chart, "series" + i + "Color"));
        }
        grid = property(GRID, chart, "gridColor");
        axis = property(AXIS, chart, "axisColor");
        text = property(TEXT, chart, "textColor");
        crosshair = property(CROSSHAIR, chart, "crosshairColor");
        marker = property(MARKER, chart, "markerColor");
        tooltipBackground = property(TOOLTIP_BACKGROUND, chart, "tooltipBackground");
        tooltipBorder = property(TOOLTIP_BORDER, chart, "tooltipBorder");
        tooltipText = property(TOOLTIP_TEXT, chart, "tooltipText");
        List<Observable> all = new ArrayList<>(palette);
        all.addAll(List.of(grid, axis, text, crosshair, marker, tooltipBackground, tooltipBorder, tooltipText));
        for (Observable o : all) {
            o.addListener(ignored -> changed.run());
        }
    }

    /** The colour of palette slot {@code index} (wrapping around). */
    Paint series(int index) {
        Paint p = palette.get(Math.floorMod(index, palette.size())).get();
        return p != null ? p : DEFAULT_PALETTE[Math.floorMod(index, DEFAULT_PALETTE.length)];
    }

    private static List<CssMetaData<TimeSeriesChart, Paint>> paletteMetaData() {
        List<CssMetaData<TimeSeriesChart, Paint>> slots = new ArrayList<>();
        for (int i = 0; i < DEFAULT_PALETTE.length; i++) {
            int slot = i;
            slots.add(paint("-ph-chart-series-" + i, DEFAULT_PALETTE[i], s -> s.palette.get(slot)));
        }
        return List.copyOf(slots);
    }

    private static StyleableObjectProperty<Paint> property(CssMetaData<TimeSeriesChart, Paint> meta,
                                                           TimeSeriesChart chart, String name) {
        return new SimpleStyleableObjectProperty<>(meta, chart, name, meta.getInitialValue(chart));
    }

    private static CssMetaData<TimeSeriesChart, Paint> paint(String property, Paint initial,
                                                             Function<ChartStyle, StyleableObjectProperty<Paint>> of) {
        StyleConverter<?, Paint> converter = PaintConverter.getInstance();
        return new CssMetaData<>(property, converter, initial) {
            @Override
            public boolean isSettable(TimeSeriesChart chart) {
                return !of.apply(chart.style()).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(TimeSeriesChart chart) {
                return of.apply(chart.style());
            }
        };
    }
}
