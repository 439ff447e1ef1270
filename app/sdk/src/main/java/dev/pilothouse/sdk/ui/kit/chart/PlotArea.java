package dev.pilothouse.sdk.ui.kit.chart;

/**
 * Where the last drawing put the data: the plot rectangle in canvas pixels and the time and value ranges it
 * spans, to map the pointer back to a time and read-out values to pixels.
 */
record PlotArea(double left, double top, double width, double height, long startMillis, long endMillis,
                double minValue, double maxValue) {

    double xOf(long time) {
        return left + (time - startMillis) * width / (double) (endMillis - startMillis);
    }

    double yOf(double value) {
        return top + height - (value - minValue) * height / (maxValue - minValue);
    }

    long timeAt(double x) {
        return startMillis + Math.round((x - left) * (endMillis - startMillis) / width);
    }

    boolean contains(double x, double y) {
        return x >= left && x <= left + width && y >= top && y <= top + height;
    }

    /** The milliseconds one pixel spans along the time axis. */
    double millisPerPixel() {
        return (endMillis - startMillis) / width;
    }
}
