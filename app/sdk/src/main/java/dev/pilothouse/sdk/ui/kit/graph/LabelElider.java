package dev.pilothouse.sdk.ui.kit.graph;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;

/**
 * Shortens texts with an ellipsis to fit a width in a font, remembering results: a graph is redrawn on every pan,
 * and measuring text is the costly part of drawing a box. Cleared when the model or font changes.
 */
final class LabelElider {

    private static final String ELLIPSIS = "…";

    private final Text probe = new Text();
    private final Map<String, String> cache = new HashMap<>();
    private Font font;
    private double maxWidth;

    /** {@code text} as it fits {@code width} in {@code font}. */
    String fit(String text, Font newFont, double width) {
        if (!newFont.equals(font) || width != maxWidth) {
            cache.clear();
            font = newFont;
            maxWidth = width;
            probe.setFont(newFont);
        }
        return cache.computeIfAbsent(text, this::elide);
    }

    void clear() {
        cache.clear();
    }

    private String elide(String text) {
        if (measure(text) <= maxWidth) {
            return text;
        }
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (measure(text.substring(0, mid) + ELLIPSIS) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.substring(0, low).stripTrailing() + ELLIPSIS;
    }

    private double measure(String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
