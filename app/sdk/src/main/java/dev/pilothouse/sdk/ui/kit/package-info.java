/** Reusable controls for plugin views: state panes, health badges, resource tables. */
package dev.pilothouse.sdk.ui.kit;
