package dev.pilothouse.desktop.diagnostics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Serves the console's own metrics in Prometheus' text format ({@code --metrics-port}). Bound to 127.0.0.1 only:
 * the figures name the user's clusters, and a desktop app must not open a port to the network unasked.
 */
public final class MetricsExporter implements AutoCloseable {

    private final HTTPServer server;
    private final InetSocketAddress address;

    private MetricsExporter(HTTPServer server, InetAddress loopback) {
        this.server = server;
        this.address = new InetSocketAddress(loopback, server.getPort());
    }

    /**
     * Starts serving {@code /metrics}.
     *
     * @param port the port, or 0 for a free one
     * @throws IOException when the port cannot be bound (in use, not permitted)
     */
    public static MetricsExporter start(PrometheusRegistry registry, int port) throws IOException {
        InetAddress loopback = loopbackV4();
        HTTPServer server = HTTPServer.builder().inetAddress(loopback).port(port).registry(registry).buildAndStart();
        return new MetricsExporter(server, loopback);
    }

    /** 127.0.0.1 without a name lookup (and not ::1, which IPv4-only scrapers could not reach). */
    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is not a valid address", e);
        }
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return address;
    }

    /** The scrape URL, e.g. {@code http://127.0.0.1:9464/metrics}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + address.getPort() + "/metrics");
    }

    @Override
    public void close() {
        server.close();
    }
}
