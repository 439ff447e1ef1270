/**
 * The JavaFX side of the SDK: views, detail sections, status-bar items, settings pages and themes, plus a small kit
 * of controls (state panes, health badges, resource tables) so plugins look alike. Style with the classes in
 * {@link dev.pilothouse.sdk.ui.Styles} and AtlantaFX colour tokens, never with hex colours.
 */
package dev.pilothouse.sdk.ui;
