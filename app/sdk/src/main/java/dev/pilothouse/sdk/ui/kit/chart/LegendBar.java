package dev.pilothouse.sdk.ui.kit.chart;

import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The chart's legend: one toggle per series (selected means shown), coloured like its line, reachable with Tab and
 * switched with Space. Scrolls when there are more series than fit below the chart.
 */
final class LegendBar extends ScrollPane {

    /** Style class of each legend entry. */
    static final String ITEM = "ph-chart-legend-item";

    private final FlowPane flow = new FlowPane(4, 2);
    private List<ChartSeries> shown = List.of();

    LegendBar() {
        getStyleClass().add("ph-chart-legend");
        flow.getStyleClass().add("ph-chart-legend-items");
        flow.setPadding(new Insets(2, 0, 2, 0));
        setContent(flow);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setFocusTraversable(false);
    }

    /**
     * Shows an entry per series. Entries are rebuilt only when the series' names or colours differ from the last
     * call, so a refresh with the same series keeps the nodes (and keyboard focus) as they are.
     */
    void setEntries(List<ChartSeries> series, Predicate<ChartSeries> visible, BiConsumer<ChartSeries, Boolean> toggled,
                    ChartStyle style) {
        if (sameEntries(series)) {
            shown = series;
            sync(visible);
            return;
        }
        shown = series;
        List<ToggleButton> items = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            ChartSeries s = series.get(i);
            int index = i;
            ToggleButton item = new ToggleButton(s.label);
            item.getStyleClass().add(ITEM);
            item.setSelected(visible.test(s));
            item.setMnemonicParsing(false);
            item.setTooltip(new Tooltip(s.label));
            item.setAccessibleHelp("Shows or hides this series");
            Region swatch = new Region();
            swatch.getStyleClass().add("ph-chart-swatch");
            swatch.setMinSize(10, 10);
            swatch.setPrefSize(10, 10);
            swatch.setMaxSize(10, 10);
            item.setGraphic(swatch);
            // By position: after a refresh with the same series the entry stands for the new series object.
            item.selectedProperty().addListener((obs, was, now) -> toggled.accept(shown.get(index), now));
            items.add(item);
        }
        flow.getChildren().setAll(items);
        recolor(style);
    }

    /** Sets each entry's selection from the series' visibility. */
    void sync(Predicate<ChartSeries> visible) {
        for (int i = 0; i < flow.getChildren().size() && i < shown.size(); i++) {
            ((ToggleButton) flow.getChildren().get(i)).setSelected(visible.test(shown.get(i)));
        }
    }

    /** Paints each swatch in its series' palette colour (after a theme change too). */
    void recolor(ChartStyle style) {
        for (int i = 0; i < flow.getChildren().size() && i < shown.size(); i++) {
            ToggleButton item = (ToggleButton) flow.getChildren().get(i);
            Region swatch = (Region) item.getGraphic();
            swatch.setBackground(new Background(new BackgroundFill(style.series(shown.get(i).colorIndex),
                    new CornerRadii(2), Insets.EMPTY)));
        }
    }

    /** The legend entries, in series order. */
    List<ToggleButton> items() {
        List<ToggleButton> items = new ArrayList<>();
        flow.getChildren().forEach(n -> items.add((ToggleButton) n));
        return items;
    }

    /** The height the entries need at this width. */
    double contentHeight(double width) {
        return flow.prefHeight(width) + snappedTopInset() + snappedBottomInset();
    }

    private boolean sameEntries(List<ChartSeries> series) {
        if (series.size() != flow.getChildren().size() || series.size() != shown.size()) {
            return false;
        }
        for (int i = 0; i < series.size(); i++) {
            ChartSeries a = series.get(i);
            ChartSeries b = shown.get(i);
            if (!a.label.equals(b.label) || a.colorIndex != b.colorIndex) {
                return false;
            }
        }
        return true;
    }
}
