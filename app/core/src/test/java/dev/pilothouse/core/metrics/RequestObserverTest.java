package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request to an endpoint is reported with its cluster, backend, duration and outcome (self-metrics). */
class RequestObserverTest {

    private record Answered(String cluster, EndpointKind kind, Duration took, boolean succeeded) {
    }

    private final List<Answered> answered = new CopyOnWriteArrayList<>();
    private FakeHttpServer prometheus;
    private FakeHttpServer broken;
    private MetricsEndpoints endpoints;

    @BeforeEach
    void start() throws IOException {
        prometheus = new FakeHttpServer().on("/api/v1/query", FakeHttpServer.json(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        broken = new FakeHttpServer().on("/", FakeHttpServer.answer(502, "text/html", "<html>bad gateway</html>"));
        endpoints = new MetricsEndpoints(ClusterAccess.none(), Clock.systemUTC(), name -> null,
                (cluster, kind, took, ok) -> answered.add(new Answered(cluster, kind, took, ok)));
    }

    @AfterEach
    void stop() {
        endpoints.close();
        prometheus.close();
        broken.close();
    }

    @Test
    void anAnsweredQueryIsReportedWithItsClusterBackendAndDuration() throws Exception {
        endpoints.preset("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(prometheus.url()));
        endpoints.metricsService().query("prod", "up").get(10, TimeUnit.SECONDS);

        assertThat(answered).singleElement().satisfies(a -> {
            assertThat(a.cluster()).isEqualTo("prod");
            assertThat(a.kind()).isEqualTo(EndpointKind.PROMETHEUS);
            assertThat(a.took()).isPositive();
            assertThat(a.succeeded()).isTrue();
        });
    }

    @Test
    void anEndpointThatFailsIsReportedAsAFailedRequest() {
        endpoints.preset("prod", EndpointKind.ALERTMANAGER, EndpointConfig.of(broken.url()));
        endpoints.alertService().silences("prod").handle((v, e) -> null).join();

        assertThat(answered).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(EndpointKind.ALERTMANAGER);
            assertThat(a.succeeded()).isFalse();
        });
    }
}
