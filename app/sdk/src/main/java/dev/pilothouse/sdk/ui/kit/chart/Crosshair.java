package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.Unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds what the crosshair shows at a pointer time: the nearest sample time and each series' value there. */
final class Crosshair {

    /** Largest first; gaps (NaN) last. */
    private static final Comparator<Readout.Entry> LARGEST_FIRST = Comparator
            .comparing((Readout.Entry e) -> Double.isNaN(e.value()))
            .thenComparing(Readout.Entry::value, Comparator.reverseOrder());

    private Crosshair() {
    }

    /**
     * The read-out at {@code pointer} (epoch ms), or null when no sample is near. A sample is near when it is within
     * its series' spacing or {@code slack} milliseconds (a few pixels), whichever is larger, so sparse series snap
     * from anywhere between their points and dense ones from a few pixels away.
     */
    static Readout read(List<ChartSeries> visible, long pointer, long slack, Unit unit) {
        long snapped = 0;
        long best = Long.MAX_VALUE;
        for (ChartSeries s : visible) {
            int i = s.nearest(pointer);
            if (i < 0) {
                continue;
            }
            long distance = Math.abs(s.times[i] - pointer);
            if (distance <= Math.max(s.spacing(), slack) && distance < best) {
                best = distance;
                snapped = s.times[i];
            }
        }
        if (best == Long.MAX_VALUE) {
            return null;
        }
        List<Readout.Entry> entries = new ArrayList<>();
        for (ChartSeries s : visible) {
            int i = s.nearest(snapped);
            if (i >= 0 && Math.abs(s.times[i] - snapped) <= Math.max(s.spacing() / 2, slack)) {
                double v = s.values[i];
                entries.add(new Readout.Entry(s.label, s.colorIndex, v, unit.format(v)));
            }
        }
        entries.sort(LARGEST_FIRST);
        return new Readout(Instant.ofEpochMilli(snapped), entries);
    }
}
