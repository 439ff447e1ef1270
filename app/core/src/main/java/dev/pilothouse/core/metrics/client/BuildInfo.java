package dev.pilothouse.core.metrics.client;

/**
 * What a Prometheus-compatible server says it is ({@code /api/v1/status/buildinfo}).
 *
 * @param version   e.g. {@code 2.42.0}
 * @param revision  the source revision
 * @param goVersion the Go version it was built with ("" if not reported)
 */
public record BuildInfo(String version, String revision, String goVersion) {
}
