package dev.pilothouse.desktop.diagnostics;

import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ConnectionState;
import dev.pilothouse.sdk.cluster.ConnectionStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --metrics-port: the registry in Prometheus' text format, on the loopback interface only. */
class MetricsExporterTest {

    private final SelfMetrics metrics = new SelfMetrics();

    private static HttpResponse<String> scrape(MetricsExporter exporter) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(exporter.url()).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesEveryMetricInTheTextFormat() throws Exception {
        metrics.event("demo-prod", "pods");
        metrics.reconnect("demo-prod");
        metrics.answered("demo-prod", EndpointKind.PROMETHEUS, Duration.ofMillis(12), true);
        metrics.pulse(Duration.ofMillis(3));
        metrics.alertsFiring("demo-prod", 2);
        metrics.trackQueue("fx_flushes", () -> 0);
        metrics.trackConnections(() -> List.of(new ClusterInfo("demo-prod", "https://prod", "",
                new ConnectionStatus(ConnectionState.LIVE, Instant.EPOCH, Instant.EPOCH, ""))));
        try (MetricsExporter exporter = MetricsExporter.start(metrics.registry(), 0)) {
            HttpResponse<String> response = scrape(exporter);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body()).contains(
                    "# TYPE pilothouse_watch_events_total counter",
                    "pilothouse_watch_events_total{context=\"demo-prod\",kind=\"pods\"} 1.0",
                    "pilothouse_watch_reconnects_total{context=\"demo-prod\"} 1.0",
                    "# TYPE pilothouse_query_duration_seconds histogram",
                    "pilothouse_query_duration_seconds_bucket{backend=\"prometheus\",context=\"demo-prod\",le=\"0.025\"} 1",
                    "# TYPE pilothouse_fx_pulse_seconds histogram",
                    "pilothouse_alerts_firing{context=\"demo-prod\"} 2.0",
                    "pilothouse_queue_depth{queue=\"fx_flushes\"} 0.0",
                    "pilothouse_connection_state{context=\"demo-prod\",state=\"live\"} 1.0");
        }
    }

    @Test
    void listensOnTheLoopbackInterfaceOnly() throws Exception {
        try (MetricsExporter exporter = MetricsExporter.start(metrics.registry(), 0)) {
            assertThat(exporter.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(exporter.url().toString()).isEqualTo("http://127.0.0.1:" + exporter.address().getPort()
                    + "/metrics");
            assertThat(scrape(exporter).statusCode()).isEqualTo(200);
            for (InetAddress external : externalAddresses()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(external, exporter.address().getPort()), 2_000);
                    }
                }).as("connecting through %s", external).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void aPortInUseFailsWithTheReason() throws Exception {
        try (MetricsExporter first = MetricsExporter.start(metrics.registry(), 0)) {
            assertThatThrownBy(() -> MetricsExporter.start(metrics.registry(), first.address().getPort()))
                    .isInstanceOf(IOException.class);
        }
    }

    /** This machine's IPv4 addresses other than loopback (there may be none in a sandbox). */
    private static List<InetAddress> externalAddresses() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
    }
}
