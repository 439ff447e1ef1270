package dev.pilothouse.sdk.ui.kit.chart;

import java.time.Instant;
import java.util.List;

/**
 * What the crosshair shows: the sample time under the pointer and each visible series' value there, largest
 * first.
 *
 * @param time    the sample time the crosshair snapped to
 * @param entries one per visible series with a sample at that time
 */
public record Readout(Instant time, List<Entry> entries) {

    public Readout {
        entries = List.copyOf(entries);
    }

    /**
     * One series' value at the crosshair.
     *
     * @param label      the series' legend label
     * @param colorIndex the series' index in the palette
     * @param value      the raw value ({@code NaN} when the series has a gap there)
     * @param text       the value formatted with the chart's unit
     */
    public record Entry(String label, int colorIndex, double value, String text) {
    }
}
