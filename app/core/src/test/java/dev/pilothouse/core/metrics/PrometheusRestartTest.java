package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.demo.lab.PrometheusConfig;
import dev.pilothouse.demo.lab.PrometheusProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
}
