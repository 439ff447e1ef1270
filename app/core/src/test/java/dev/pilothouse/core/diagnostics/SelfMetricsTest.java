package dev.pilothouse.core.diagnostics;

import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ConnectionState;
import dev.pilothouse.sdk.cluster.ConnectionStatus;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SelfMetricsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SelfMetrics metrics = new SelfMetrics(nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private Map<String, Double> gauge(String name) {
        for (MetricSnapshot s : metrics.registry().scrape()) {
            if (s.getMetadata().getPrometheusName().equals(name) && s instanceof GaugeSnapshot g) {
                return g.getDataPoints().stream().collect(Collectors.toMap(p -> p.getLabels().toString(),
                        GaugeSnapshot.GaugeDataPointSnapshot::getValue));
            }
        }
        throw new AssertionError("no gauge " + name);
    }

    @Test
    void registersEveryMetricUnderItsDocumentedName() {
        List<String> names = metrics.registry().scrape().stream().map(s -> s.getMetadata().getPrometheusName()).toList();
        assertThat(names).contains("pilothouse_watch_events", "pilothouse_watch_reconnects",
                "pilothouse_query_duration_seconds", "pilothouse_query_failures", "pilothouse_fx_pulse_seconds",
                "pilothouse_alerts_firing", "pilothouse_queue_depth", "pilothouse_watches_active",
                "pilothouse_connection_state");
    }

    @Test
    void twoInstancesKeepTheirFiguresApart() {
        SelfMetrics other = new SelfMetrics();
        metrics.event("prod", "pods");
        assertThat(other.snapshot().watchEvents()).isEmpty();
        assertThat(metrics.snapshot().watchEvents()).hasSize(1);
    }

    @Test
    void countsWatchEventsPerContextAndKind() {
        metrics.event("prod", "pods");
        metrics.event("prod", "pods");
        metrics.event("prod", "deployments.apps");
        metrics.event("staging", "pods");
        assertThat(metrics.snapshot().watchEvents()).containsExactly(
                new DiagnosticsSnapshot.WatchEvents("prod", "deployments.apps", 1),
                new DiagnosticsSnapshot.WatchEvents("prod", "pods", 2),
                new DiagnosticsSnapshot.WatchEvents("staging", "pods", 1));
    }

    @Test
    void eventRatesCompareTwoSnapshotsOverTheTimeBetweenThem() {
        metrics.event("prod", "pods");
        DiagnosticsSnapshot first = metrics.snapshot();
        for (int i = 0; i < 30; i++) {
            metrics.event("prod", "pods");
        }
        metrics.event("prod", "nodes");
        advance(Duration.ofSeconds(2));
        DiagnosticsSnapshot second = metrics.snapshot();

        assertThat(second.eventRates(first)).containsExactly(
                new DiagnosticsSnapshot.EventRate("prod", "nodes", 0.5, 1),
                new DiagnosticsSnapshot.EventRate("prod", "pods", 15.0, 31));
        assertThat(second.eventsPerSecond(first)).isEqualTo(15.5);
        assertThat(second.eventsPerSecond(null)).isNaN();
    }

    @Test
    void countsReconnectsPerContext() {
        metrics.reconnect("prod");
        metrics.reconnect("prod");
        metrics.reconnect("staging");
        DiagnosticsSnapshot s = metrics.snapshot();
        assertThat(s.reconnects()).containsExactly(Map.entry("prod", 2L), Map.entry("staging", 1L));
        assertThat(s.totalReconnects()).isEqualTo(3);
    }

    @Test
    void queryPercentilesCoverRecentAnswersPerBackendAndContext() {
        for (int ms = 1; ms <= 100; ms++) {
            metrics.answered("prod", EndpointKind.PROMETHEUS, Duration.ofMillis(ms), true);
        }
        metrics.answered("prod", EndpointKind.ALERTMANAGER, Duration.ofMillis(7), false);

        List<DiagnosticsSnapshot.Queries> queries = metrics.snapshot().queries();
        assertThat(queries).extracting(DiagnosticsSnapshot.Queries::backend).containsExactly("alertmanager", "prometheus");
        DiagnosticsSnapshot.Queries am = queries.get(0);
        assertThat(am.total()).isEqualTo(1);
        assertThat(am.failures()).isEqualTo(1);
        DiagnosticsSnapshot.Queries prom = queries.get(1);
        assertThat(prom.total()).isEqualTo(100);
        assertThat(prom.failures()).isZero();
        assertThat(prom.recent().p50()).isCloseTo(0.050, within(1e-9));
        assertThat(prom.recent().p99()).isCloseTo(0.099, within(1e-9));
    }

    @Test
    void percentilesForgetAnswersOlderThanTheWindowButTotalsKeepThem() {
        metrics.answered("prod", EndpointKind.PROMETHEUS, Duration.ofSeconds(9), true);
        advance(SelfMetrics.QUERY_WINDOW.plusSeconds(1));
        metrics.answered("prod", EndpointKind.PROMETHEUS, Duration.ofMillis(20), true);

        DiagnosticsSnapshot.Queries prom = metrics.snapshot().queries().getFirst();
        assertThat(prom.total()).isEqualTo(2);
        assertThat(prom.recent().count()).isEqualTo(1);
        assertThat(prom.recent().p99()).isCloseTo(0.020, within(1e-9));
    }

    @Test
    void pulseDurationsGiveARecentP99() {
        assertThat(metrics.snapshot().pulse().measured()).isFalse();
        for (int i = 0; i < 99; i++) {
            metrics.pulse(Duration.ofMillis(2));
        }
        metrics.pulse(Duration.ofMillis(80));
        Latency pulse = metrics.snapshot().pulse();
        assertThat(pulse.count()).isEqualTo(100);
        assertThat(pulse.p50()).isCloseTo(0.002, within(1e-9));
        assertThat(pulse.p99()).isCloseTo(0.002, within(1e-9));
        metrics.pulse(Duration.ofMillis(80));
        assertThat(metrics.snapshot().pulse().p99()).isCloseTo(0.080, within(1e-9));
    }

    @Test
    void alertsThatCannotBeReadRemoveTheSeriesInsteadOfKeepingAStaleCount() {
        metrics.alertsFiring("prod", 3);
        metrics.alertsFiring("staging", 0);
        assertThat(metrics.snapshot().alertsFiring()).containsExactly(Map.entry("prod", 3), Map.entry("staging", 0));
        assertThat(gauge("pilothouse_alerts_firing")).containsEntry("{context=\"prod\"}", 3.0);

        metrics.alertsUnknown("prod");
        assertThat(metrics.snapshot().alertsFiring()).containsExactly(Map.entry("staging", 0));
        assertThat(gauge("pilothouse_alerts_firing")).doesNotContainKey("{context=\"prod\"}");
    }

    @Test
    void queuesAreSampledWhenRead() {
        AtomicLong depth = new AtomicLong(4);
        metrics.trackQueue("fx_flushes", () -> (int) depth.get());
        assertThat(metrics.snapshot().queueDepths()).containsExactly(Map.entry("fx_flushes", 4));
        depth.set(0);
        assertThat(gauge("pilothouse_queue_depth")).containsEntry("{queue=\"fx_flushes\"}", 0.0);
    }

    @Test
    void aFailingSampledSourceReadsAsZeroAndNeverBreaksTheScrape() {
        metrics.trackQueue("broken", () -> {
            throw new IllegalStateException("boom");
        });
        metrics.trackConnections(() -> {
            throw new IllegalStateException("boom");
        });
        assertThat(gauge("pilothouse_queue_depth")).containsEntry("{queue=\"broken\"}", 0.0);
        assertThat(metrics.snapshot().connections()).isEmpty();
    }

    @Test
    void connectionStateMarksOnlyTheCurrentState() {
        ConnectionStatus live = new ConnectionStatus(ConnectionState.LIVE, Instant.EPOCH, Instant.EPOCH, "");
        metrics.trackConnections(() -> List.of(new ClusterInfo("prod", "https://prod", "", live)));
        Map<String, Double> states = gauge("pilothouse_connection_state");
        assertThat(states).hasSize(ConnectionState.values().length)
                .containsEntry("{context=\"prod\",state=\"live\"}", 1.0)
                .containsEntry("{context=\"prod\",state=\"stale\"}", 0.0);
        assertThat(metrics.snapshot().connections()).containsExactly(Map.entry("prod", ConnectionState.LIVE));
    }

    @Test
    void aFreshRegistryHasNothingToShow() {
        assertThat(metrics.snapshot().empty()).isTrue();
        metrics.reconnect("prod");
        assertThat(metrics.snapshot().empty()).isFalse();
    }
}
