package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.HttpResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which endpoint a cluster uses, and how its status follows every request. */
class MetricsEndpointsTest {

    private static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{},\"value\":[1700000000,\"%s\"]}]}}";

    private FakeHttpServer configured;
    private FakeHttpServer preset;
    private final AtomicInteger detections = new AtomicInteger();
    private MetricsEndpoints endpoints;

    @BeforeEach
    void start() throws IOException {
        configured = new FakeHttpServer().on("/api/v1/query", FakeHttpServer.json(VECTOR.formatted("1")));
        preset = new FakeHttpServer().on("/api/v1/query", FakeHttpServer.json(VECTOR.formatted("2")));
        endpoints = new MetricsEndpoints(new ClusterAccess() {
            @Override
            public String apiServer(String cluster) {
                return "https://api.example.com";
            }

            @Override
            public KubernetesClient client(String cluster) {
                detections.incrementAndGet();
                throw new IllegalStateException("no cluster in this test");
            }
        }, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        endpoints.close();
        configured.close();
        preset.close();
    }

    private double query() throws Exception {
        return endpoints.metricsService().query("prod", "x").get(10, TimeUnit.SECONDS).getFirst().value();
    }

    @Test
    void settingsWinOverPresetsWhichWinOverDetection() throws Exception {
        endpoints.preset("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(preset.url()));
        assertThat(query()).isEqualTo(2.0);
        assertThat(endpoints.status("prod", EndpointKind.PROMETHEUS).origin()).isEqualTo(EndpointOrigin.PRESET);

        endpoints.configure("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(configured.url()));
        assertThat(query()).isEqualTo(1.0);
        assertThat(endpoints.status("prod", EndpointKind.PROMETHEUS).origin()).isEqualTo(EndpointOrigin.CONFIGURED);

        endpoints.configure("prod", EndpointKind.PROMETHEUS, null);
        assertThat(query()).isEqualTo(2.0);
        assertThat(detections).hasValue(0);
    }

    @Test
    void statusFollowsEveryRequestAndListenersHearOfChangesOnly() throws Exception {
        List<EndpointStatus> events = new CopyOnWriteArrayList<>();
        endpoints.onStatusChange(events::add);
        endpoints.configure("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(configured.url()));
        assertThat(endpoints.status("prod", EndpointKind.PROMETHEUS).state()).isEqualTo(EndpointStatus.State.IDLE);

        query();
        query();

        assertThat(events).extracting(EndpointStatus::state)
                .containsExactly(EndpointStatus.State.IDLE, EndpointStatus.State.LIVE);
        assertThat(endpoints.statuses()).singleElement().satisfies(s -> {
            assertThat(s.url()).isEqualTo(configured.url().toString());
            assertThat(s.lastSuccess()).isNotNull();
        });
    }

    @Test
    void aLoginPageMarksTheEndpointFailingEvenThoughItAnswered200() throws Exception {
        try (FakeHttpServer sso = new FakeHttpServer().on("/", FakeHttpServer.answer(200, "text/html; charset=utf-8",
                "<html><body>Sign in</body></html>"))) {
            endpoints.configure("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(sso.url()));

            assertThatThrownBy(this::query).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(EndpointException.class).hasMessageContaining("is not JSON");
            EndpointStatus status = endpoints.status("prod", EndpointKind.PROMETHEUS);
            assertThat(status.state()).isEqualTo(EndpointStatus.State.FAILING);
            assertThat(status.lastErrorKind()).isEqualTo(EndpointException.Kind.NOT_JSON);
        }
    }

    @Test
    void aBadQueryDoesNotMakeAWorkingEndpointFailing() throws Exception {
        try (FakeHttpServer prometheus = new FakeHttpServer().on("/", FakeHttpServer.answer(400, "application/json",
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}"))) {
            endpoints.configure("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(prometheus.url()));

            assertThatThrownBy(this::query).cause().isInstanceOf(EndpointException.class)
                    .hasMessageContaining("bad_data: parse error");
            assertThat(endpoints.status("prod", EndpointKind.PROMETHEUS).state()).isEqualTo(EndpointStatus.State.LIVE);
        }
    }

    @Test
    void theActionEngineGetsATrackedTransport() throws Exception {
        configured.on("/api/v2/silences", FakeHttpServer.json("{\"silenceID\":\"abc\"}"));
        endpoints.configure("prod", EndpointKind.ALERTMANAGER, EndpointConfig.of(configured.url()));

        HttpResult result = endpoints.transport("prod", EndpointKind.ALERTMANAGER).get(10, TimeUnit.SECONDS)
                .send("POST", "/api/v2/silences", dev.pilothouse.core.metrics.endpoint.Body.json("{}"))
                .get(10, TimeUnit.SECONDS);

        assertThat(result.text()).contains("abc");
        assertThat(endpoints.status("prod", EndpointKind.ALERTMANAGER).state()).isEqualTo(EndpointStatus.State.LIVE);
        assertThatThrownBy(() -> endpoints.transport("staging", EndpointKind.ALERTMANAGER).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(EndpointException.class).hasMessageContaining("no Alertmanager is configured for staging");
    }

    @Test
    void alertsNeedOneOfTheTwoAndSayWhenNeitherIsThere() {
        assertThatThrownBy(() -> endpoints.alertService().alerts("prod").get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(EndpointException.class)
                .hasMessage("no Prometheus or Alertmanager is configured for prod");
        assertThat(endpoints.alertService().alertmanagerAvailable("prod")).isFalse();
    }

    @Test
    void alertsFromPrometheusAloneWhenAlertmanagerIsDown() throws Exception {
        configured.on("/api/v1/alerts", FakeHttpServer.json("{\"status\":\"success\",\"data\":{\"alerts\":["
                + "{\"labels\":{\"alertname\":\"X\"},\"annotations\":{},\"state\":\"firing\","
                + "\"activeAt\":\"2026-01-01T00:00:00Z\",\"value\":\"1e+00\"}]}}"));
        endpoints.configure("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(configured.url()));
        endpoints.configure("prod", EndpointKind.ALERTMANAGER, EndpointConfig.of("http://127.0.0.1:1"));

        assertThat(endpoints.alertService().alerts("prod").get(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(a -> assertThat(a.name()).isEqualTo("X"));
        assertThat(endpoints.status("prod", EndpointKind.ALERTMANAGER).state()).isEqualTo(EndpointStatus.State.FAILING);
    }
}
