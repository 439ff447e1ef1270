package dev.pilothouse.desktop.diagnostics;

import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.alerts.AlertState;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.alerts.Silence;
import dev.pilothouse.testkit.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** pilothouse_alerts_firing follows each context's alerts, with or without an alerts view. */
class AlertsFiringPollerTest {

    /** Alerts per context as the test sets them; a context without an entry fails like an unreachable server. */
    static class ScriptedAlerts implements AlertService {
        final Map<String, List<Alert>> alerts = new ConcurrentHashMap<>();
        final Set<String> asked = ConcurrentHashMap.newKeySet();

        @Override
        public boolean available(String cluster) {
            return true;
        }

        @Override
        public boolean alertmanagerAvailable(String cluster) {
            return true;
        }

        @Override
        public CompletableFuture<List<Alert>> alerts(String cluster) {
            asked.add(cluster);
            List<Alert> list = alerts.get(cluster);
            return list == null ? CompletableFuture.failedFuture(new IllegalStateException(cluster + " unreachable"))
                    : CompletableFuture.supplyAsync(() -> list);
        }

        @Override
        public CompletableFuture<List<RuleGroup>> rules(String cluster) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<Silence>> silences(String cluster) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    private static Alert alert(String cluster, String name, AlertState state) {
        return new Alert(cluster, Map.of("alertname", name), Map.of(), state, Instant.EPOCH, "1", name, "", List.of(),
                List.of());
    }

    private final ScriptedAlerts service = new ScriptedAlerts();
    private final SelfMetrics metrics = new SelfMetrics();

    @Test
    void countsFiringAlertsPerContextAndLeavesPendingOnesOut() throws Exception {
        service.alerts.put("prod", List.of(alert("prod", "A", AlertState.FIRING), alert("prod", "B", AlertState.FIRING),
                alert("prod", "C", AlertState.PENDING)));
        service.alerts.put("staging", List.of());
        try (AlertsFiringPoller poller = new AlertsFiringPoller(service, () -> List.of("prod", "staging"), c -> true,
                metrics)) {
            poller.poll().get(10, TimeUnit.SECONDS);
        }
        assertThat(metrics.snapshot().alertsFiring()).containsExactly(Map.entry("prod", 2), Map.entry("staging", 0));
    }

    @Test
    void aContextWhoseAlertsCannotBeReadLosesItsCountInsteadOfKeepingAStaleOne() throws Exception {
        service.alerts.put("prod", List.of(alert("prod", "A", AlertState.FIRING)));
        try (AlertsFiringPoller poller = new AlertsFiringPoller(service, () -> List.of("prod"), c -> true, metrics)) {
            poller.poll().get(10, TimeUnit.SECONDS);
            assertThat(metrics.snapshot().alertsFiring()).containsEntry("prod", 1);

            service.alerts.remove("prod");
            poller.poll().get(10, TimeUnit.SECONDS);
            assertThat(metrics.snapshot().alertsFiring()).doesNotContainKey("prod");
        }
    }

    @Test
    void contextsThatMayNotBeAskedAreNeverAskedAndCountAsUnknown() throws Exception {
        metrics.alertsFiring("never-opened", 5);
        try (AlertsFiringPoller poller = new AlertsFiringPoller(service, () -> List.of("never-opened"),
                c -> false, metrics)) {
            poller.poll().get(10, TimeUnit.SECONDS);
        }
        assertThat(service.asked).isEmpty();
        assertThat(metrics.snapshot().alertsFiring()).isEmpty();
    }

    @Test
    void pollsOnItsOwnEveryPeriodAndSurvivesAThrowingService() {
        AlertService throwing = new ScriptedAlerts() {
            @Override
            public CompletableFuture<List<Alert>> alerts(String cluster) {
                if (asked.add(cluster)) {
                    throw new IllegalStateException("thrown, not failed");
                }
                return CompletableFuture.completedFuture(List.of(alert(cluster, "A", AlertState.FIRING)));
            }
        };
        try (AlertsFiringPoller poller = new AlertsFiringPoller(throwing, () -> List.of("prod"), c -> true, metrics)) {
            poller.start(Duration.ZERO, Duration.ofMillis(50));
            Eventually.await(Duration.ofSeconds(10), "a later poll counted the alert",
                    () -> metrics.snapshot().alertsFiring().getOrDefault("prod", 0) == 1,
                    () -> metrics.snapshot().alertsFiring().toString());
        }
    }
}
