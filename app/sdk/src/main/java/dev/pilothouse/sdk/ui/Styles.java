package dev.pilothouse.sdk.ui;

import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.health.HealthState;

import java.util.Locale;

/**
 * Style class names shared by the shell, the themes and plugins, so code never hard-codes class names or colours.
 * AtlantaFX classes are repeated here so plugins need not depend on AtlantaFX.
 */
public final class Styles {

    // AtlantaFX
    public static final String TITLE_1 = "title-1";
    public static final String TITLE_2 = "title-2";
    public static final String TITLE_3 = "title-3";
    public static final String TITLE_4 = "title-4";
    public static final String TEXT_MUTED = "text-muted";
    public static final String TEXT_SMALL = "text-small";
    public static final String TEXT_BOLD = "text-bold";
    public static final String ACCENT = "accent";
    public static final String SUCCESS = "success";
    public static final String WARNING = "warning";
    public static final String DANGER = "danger";
    public static final String FLAT = "flat";
    public static final String STRIPED = "striped";
    public static final String DENSE = "dense";

    // Pilothouse
    /** A raised card on the page background. */
    public static final String CARD = "ph-card";
    /** A card header line. */
    public static final String CARD_TITLE = "ph-card-title";
    /** A large number on a card. */
    public static final String METRIC_VALUE = "ph-metric-value";
    /** The caption under a metric value. */
    public static final String METRIC_LABEL = "ph-metric-label";
    /** A small rounded badge. */
    public static final String BADGE = "ph-badge";
    /** A view's title row. */
    public static final String VIEW_HEADER = "ph-view-header";
    /** A monospaced text (logs, YAML). */
    public static final String MONO = "ph-mono";
    /** A banner across the top of a view (stale data, forbidden). */
    public static final String BANNER = "ph-banner";

    private Styles() {
    }

    /** The class of a cell or badge with a tone: {@code ph-tone-danger}. */
    public static String tone(CellTone tone) {
        return "ph-tone-" + tone.name().toLowerCase(Locale.ROOT);
    }

    /** The class of a health badge: {@code ph-health-failed}. */
    public static String health(HealthState state) {
        return "ph-health-" + state.name().toLowerCase(Locale.ROOT);
    }

    /** Every tone class, for removing before adding another. */
    public static String[] allTones() {
        CellTone[] tones = CellTone.values();
        String[] classes = new String[tones.length];
        for (int i = 0; i < tones.length; i++) {
            classes[i] = tone(tones[i]);
        }
        return classes;
    }
}
