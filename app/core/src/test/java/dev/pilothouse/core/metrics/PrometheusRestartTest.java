package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.client.AlertmanagerClient;
import dev.pilothouse.core.metrics.endpoint.DirectTransport;
import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.demo.lab.AlertmanagerConfig;
import dev.pilothouse.demo.lab.AlertmanagerProcess;
import dev.pilothouse.demo.lab.PrometheusConfig;
import dev.pilothouse.demo.lab.PrometheusProcess;
import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.alerts.AlertSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.pilothouse.testkit.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Prometheus that crashes and comes back: honest status while it is down, recovery on the next call. */
class PrometheusRestartTest {

    @TempDir
    Path work;

    @Test
    void killedPrometheusIsUnreachableKeepsTheLastSuccessAndRecoversAfterRestart() throws Exception {
        try (PrometheusProcess prometheus = PrometheusProcess.start(work, PrometheusConfig.create().scrapeSelf());
             MetricsEndpoints endpoints = new MetricsEndpoints(ClusterAccess.none(), Clock.systemUTC())) {
            endpoints.preset("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(prometheus.url()));
            List<EndpointStatus> events = new CopyOnWriteArrayList<>();
            endpoints.onStatusChange(events::add);

            endpoints.metricsService().query("prod", "vector(1)").get(10, TimeUnit.SECONDS);
            EndpointStatus live = endpoints.status("prod", EndpointKind.PROMETHEUS);
            assertThat(live.state()).isEqualTo(EndpointStatus.State.LIVE);
            Instant lastSuccess = live.lastSuccess();

            prometheus.kill();

            assertThatThrownBy(() -> endpoints.metricsService().query("prod", "vector(1)").get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(EndpointException.class)
                    .satisfies(e -> {
                        assertThat(((EndpointException) e).kind()).isEqualTo(EndpointException.Kind.UNREACHABLE);
                        assertThat(e.getMessage()).isEqualTo(prometheus.url() + ": connection refused (is it running?)");
                    });
            EndpointStatus down = endpoints.status("prod", EndpointKind.PROMETHEUS);
            assertThat(down.state()).isEqualTo(EndpointStatus.State.FAILING);
            assertThat(down.lastSuccess()).isEqualTo(lastSuccess);
            assertThat(down.since()).isAfterOrEqualTo(lastSuccess);
            assertThat(down.lastErrorKind()).isEqualTo(EndpointException.Kind.UNREACHABLE);
            assertThat(down.lastError()).contains("connection refused");

            prometheus.restart();

            assertThat(endpoints.metricsService().query("prod", "vector(1)").get(10, TimeUnit.SECONDS))
                    .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(1.0));
            EndpointStatus back = endpoints.status("prod", EndpointKind.PROMETHEUS);
            assertThat(back.state()).isEqualTo(EndpointStatus.State.LIVE);
            assertThat(back.lastSuccess()).isAfter(lastSuccess);
            assertThat(events).extracting(EndpointStatus::state).containsSubsequence(EndpointStatus.State.LIVE,
                    EndpointStatus.State.FAILING, EndpointStatus.State.LIVE);
        }
    }

    @Test
    void withPrometheusDownTheAlertmanagersAlertsAreShownAsAPartialAnswerThatSaysWhatIsMissing() throws Exception {
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(work, AlertmanagerConfig.create());
             PrometheusProcess prometheus = PrometheusProcess.start(work, PrometheusConfig.create().scrapeSelf()
                     .ruleFile("always.yml", """
                             groups:
                             - name: always
                               interval: 1s
                               rules:
                               - alert: AlwaysFiring
                                 expr: vector(1)
                             """)
                     .alertmanager(alertmanager.url()));
             MetricsEndpoints endpoints = new MetricsEndpoints(ClusterAccess.none(), Clock.systemUTC())) {
            endpoints.preset("prod", EndpointKind.PROMETHEUS, EndpointConfig.of(prometheus.url()));
            endpoints.preset("prod", EndpointKind.ALERTMANAGER, EndpointConfig.of(alertmanager.url()));
            AlertService service = endpoints.alertService();
            // Prometheus sends a firing alert to Alertmanager shortly after evaluating it; kill it only after.
            try (DirectTransport toAlertmanager = new DirectTransport(EndpointConfig.of(alertmanager.url()))) {
                AlertmanagerClient am = new AlertmanagerClient(toAlertmanager);
                await(Duration.ofSeconds(60), "Alertmanager has the alert", () -> {
                    try {
                        return am.alerts().get(10, TimeUnit.SECONDS).stream()
                                .anyMatch(a -> "AlwaysFiring".equals(a.labels().get("alertname")));
                    } catch (Exception e) {
                        return false;
                    }
                });
            }

            prometheus.kill();

            AlertSnapshot partial = snapshotOf(service);
            assertThat(partial.alerts()).extracting(Alert::name).contains("AlwaysFiring");
            assertThat(partial.problems()).singleElement().asString()
                    .startsWith("Prometheus did not answer (" + prometheus.url() + ": connection refused")
                    .endsWith("showing Alertmanager's alerts only, so pending alerts are missing");
            assertThat(service.alerts("prod").get(10, TimeUnit.SECONDS)).isEqualTo(partial.alerts());

            prometheus.restart();

            assertThat(service.snapshot("prod").get(10, TimeUnit.SECONDS).partial()).isFalse();
        }
    }

    private static AlertSnapshot snapshotOf(AlertService service) {
        try {
            return service.snapshot("prod").get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new AlertSnapshot(List.of(), List.of(String.valueOf(e)));
        }
    }
}
