/** Commands of the command palette (Ctrl+K). */
package dev.pilothouse.sdk.command;
