/** One health model for every kind of object, and health checks for the diagnostics page. */
package dev.pilothouse.sdk.health;
