package dev.pilothouse.sdk.ui.kit.graph;

import dev.pilothouse.sdk.kube.CellTone;
import javafx.beans.Observable;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The graph's colours as CSS properties ({@code -ph-dag-*}), so the theme's sheet maps them from looked-up colours
 * and code holds none. Each tone has a border and a fill colour; the defaults only matter without the app's sheet.
 */
final class DagStyle {

    /** The tones a node can take: {@link CellTone#DEFAULT} draws like MUTED. */
    private static final List<CellTone> TONES = List.of(CellTone.SUCCESS, CellTone.ACCENT, CellTone.WARNING,
            CellTone.DANGER, CellTone.MUTED);

    private static final Map<CellTone, CssMetaData<DagView, Paint>> TONE_STROKE = new EnumMap<>(CellTone.class);
    private static final Map<CellTone, CssMetaData<DagView, Paint>> TONE_FILL = new EnumMap<>(CellTone.class);
    private static final CssMetaData<DagView, Paint> EDGE = paint("-ph-dag-edge-color", Color.GRAY, s -> s.edge);
    private static final CssMetaData<DagView, Paint> EDGE_SELECTED = paint("-ph-dag-edge-selected-color",
            Color.ROYALBLUE, s -> s.edgeSelected);
    private static final CssMetaData<DagView, Paint> TEXT = paint("-ph-dag-text-color", Color.BLACK, s -> s.text);
    private static final CssMetaData<DagView, Paint> DETAIL = paint("-ph-dag-detail-color", Color.DIMGRAY,
            s -> s.detail);
    private static final CssMetaData<DagView, Paint> SELECTION = paint("-ph-dag-selection-color", Color.ROYALBLUE,
            s -> s.selection);

    static final List<CssMetaData<? extends Styleable, ?>> META_DATA;

    static {
        Color[] strokes = {Color.SEAGREEN, Color.ROYALBLUE, Color.DARKGOLDENROD, Color.CRIMSON, Color.GRAY};
        for (int i = 0; i < TONES.size(); i++) {
            CellTone tone = TONES.get(i);
            String name = tone.name().toLowerCase(java.util.Locale.ROOT);
            TONE_STROKE.put(tone, paint("-ph-dag-" + name + "-color", strokes[i], s -> s.stroke.get(tone)));
            TONE_FILL.put(tone, paint("-ph-dag-" + name + "-fill", strokes[i].deriveColor(0, 0.3, 1.6, 0.25),
                    s -> s.fill.get(tone)));
        }
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(TONE_STROKE.values());
        all.addAll(TONE_FILL.values());
        all.addAll(List.of(EDGE, EDGE_SELECTED, TEXT, DETAIL, SELECTION));
        META_DATA = Collections.unmodifiableList(all);
    }

    private final Map<CellTone, StyleableObjectProperty<Paint>> stroke = new EnumMap<>(CellTone.class);
    private final Map<CellTone, StyleableObjectProperty<Paint>> fill = new EnumMap<>(CellTone.class);
    final StyleableObjectProperty<Paint> edge;
    final StyleableObjectProperty<Paint> edgeSelected;
    final StyleableObjectProperty<Paint> text;
    final StyleableObjectProperty<Paint> detail;
    final StyleableObjectProperty<Paint> selection;

    /** Properties of {@code view}; {@code changed} runs when the theme changes any of them. */
    DagStyle(DagView view, Runnable changed) {
        List<Observable> all = new ArrayList<>();
        for (CellTone tone : TONES) {
            String name = tone.name().toLowerCase(java.util.Locale.ROOT);
            stroke.put(tone, property(TONE_STROKE.get(tone), view, name + "Color"));
            fill.put(tone, property(TONE_FILL.get(tone), view, name + "Fill"));
            all.add(stroke.get(tone));
            all.add(fill.get(tone));
        }
        edge = property(EDGE, view, "edgeColor");
        edgeSelected = property(EDGE_SELECTED, view, "edgeSelectedColor");
        text = property(TEXT, view, "textColor");
        detail = property(DETAIL, view, "detailColor");
        selection = property(SELECTION, view, "selectionColor");
        all.addAll(List.of(edge, edgeSelected, text, detail, selection));
        for (Observable o : all) {
            o.addListener(ignored -> changed.run());
        }
    }

    /** The border colour of a node in this tone. */
    Paint stroke(CellTone tone) {
        return stroke.get(drawn(tone)).get();
    }

    /** The fill colour of a node in this tone. */
    Paint fill(CellTone tone) {
        return fill.get(drawn(tone)).get();
    }

    private static CellTone drawn(CellTone tone) {
        return tone == CellTone.DEFAULT ? CellTone.MUTED : tone;
    }

    private static StyleableObjectProperty<Paint> property(CssMetaData<DagView, Paint> meta, DagView view,
                                                           String name) {
        return new SimpleStyleableObjectProperty<>(meta, view, name, meta.getInitialValue(view));
    }

    private static CssMetaData<DagView, Paint> paint(String property, Paint initial,
                                                     Function<DagStyle, StyleableObjectProperty<Paint>> of) {
        return new CssMetaData<>(property, PaintConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(DagView view) {
                return !of.apply(view.style()).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(DagView view) {
                return of.apply(view.style());
            }
        };
    }
}
