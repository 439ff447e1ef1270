/** Persistent settings, scoped per plugin. */
package dev.pilothouse.sdk.settings;
