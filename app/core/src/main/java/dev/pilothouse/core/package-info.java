/**
 * The headless engine: connections, resource store, plugin host, settings. Imports nothing from JavaFX so command-line
 * runners can use it; ArchUnit checks this.
 */
package dev.pilothouse.core;
