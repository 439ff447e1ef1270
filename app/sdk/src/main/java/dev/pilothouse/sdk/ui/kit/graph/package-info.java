/**
 * A graph view for plugin views: {@link dev.pilothouse.sdk.ui.kit.graph.DagView} draws a
 * {@link dev.pilothouse.sdk.ui.kit.graph.DagModel} (nodes with a label, a detail line and a health state; edges by id)
 * on a canvas, laid out left to right by {@link dev.pilothouse.sdk.ui.kit.graph.DagLayout} (layered, Sugiyama
 * style), with pan, zoom, fit, selection by mouse and keyboard and an open callback. Pipeline runs (workflow steps)
 * and the agents-to-tool-servers graph both use it.
 *
 * <p>Colours come from the theme: {@code -ph-dag-*} CSS properties that the app's style sheet sets from looked-up
 * colours, one border and one fill colour per health tone.
 */
package dev.pilothouse.sdk.ui.kit.graph;
