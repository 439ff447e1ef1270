/**
 * Alerts, alerting rules and silences of each cluster, merged from its Prometheus ({@code /api/v1/alerts},
 * {@code /api/v1/rules}) and Alertmanager ({@code /api/v2/alerts}, {@code /api/v2/silences}).
 */
package dev.pilothouse.sdk.alerts;
