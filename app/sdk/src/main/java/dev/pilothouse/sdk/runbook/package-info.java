/**
 * Runbook step types. A runbook is Markdown with typed fenced blocks ({@code ```promql {"id":"ttft"}}); each info
 * string names a step type contributed by a plugin. Steps that change something go through the action engine.
 */
package dev.pilothouse.sdk.runbook;
