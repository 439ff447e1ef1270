/**
 * A time-series chart for plugin views: {@link dev.pilothouse.sdk.ui.kit.chart.TimeSeriesChart} draws many series
 * on a canvas (downsampled with {@link dev.pilothouse.sdk.ui.kit.chart.Lttb} to about one point per pixel), with a
 * crosshair read-out, a legend whose entries hide and show series, and empty, error and loading states.
 * {@link dev.pilothouse.sdk.ui.kit.chart.ChartPanelView} puts one in a titled card with range presets, a refresh
 * button and auto-refresh, loading data through a function the plugin supplies (usually a PromQL range query from
 * a {@link dev.pilothouse.sdk.metrics.Panel}).
 *
 * <p>Colours come from the theme: the chart reads its series palette and axis colours from CSS properties
 * ({@code -ph-chart-series-0} to {@code -9}, {@code -ph-chart-grid-color}, ...) that the app's style sheet sets from looked-up
 * colours, so light and dark themes both work and code holds no colour values.
 */
package dev.pilothouse.sdk.ui.kit.chart;
