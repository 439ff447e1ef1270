package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.client.AlertmanagerAlert;
import dev.pilothouse.core.metrics.client.AlertmanagerClient;
import dev.pilothouse.core.metrics.client.LabelFingerprint;
import dev.pilothouse.core.metrics.client.PrometheusAlert;
import dev.pilothouse.core.metrics.client.PrometheusClient;
import dev.pilothouse.core.metrics.endpoint.DirectTransport;
import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.demo.lab.AlertmanagerConfig;
import dev.pilothouse.demo.lab.AlertmanagerProcess;
import dev.pilothouse.demo.lab.PrometheusConfig;
import dev.pilothouse.demo.lab.PrometheusProcess;
import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertState;
import dev.pilothouse.sdk.alerts.Matcher;
import dev.pilothouse.sdk.alerts.Rule;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.alerts.RuleHealth;
import dev.pilothouse.sdk.alerts.Silence;
import dev.pilothouse.sdk.metrics.Sample;
import dev.pilothouse.sdk.metrics.Series;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static dev.pilothouse.testkit.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clients against a real Prometheus that scrapes a tiny exporter and evaluates rules (one firing at once, one
 * pending for an hour, one that fails on every evaluation), wired to a real Alertmanager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabPrometheusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RULES = """
            groups:
              - name: lab
                rules:
                  - alert: LabAlwaysFiring
                    expr: vector(1)
                    for: 0s
                    labels: {severity: warning}
                    annotations: {summary: "always firing", runbook_url: "https://runbooks.example/lab"}
                  - alert: LabPending
                    expr: vector(2)
                    for: 1h
                    labels: {severity: info}
                  - record: lab:requests:sum
                    expr: sum(lab_requests_total)
              - name: broken
                rules:
                  - alert: LabBroken
                    expr: vector(1) + on() (label_replace(vector(1), "a", "x", "", "") or label_replace(vector(1), "a", "y", "", ""))
            """;

    private Path work;
    private TinyExporter exporter;
    private AlertmanagerProcess alertmanager;
    private PrometheusProcess prometheus;
    private DirectTransport prometheusTransport;
    private DirectTransport alertmanagerTransport;
    private PrometheusClient client;
    private AlertmanagerClient am;
    private MetricsEndpoints endpoints;

    @BeforeAll
    void startLab() throws Exception {
        work = Files.createTempDirectory("lab-prometheus-test");
        exporter = new TinyExporter(() -> """
                # TYPE lab_requests_total counter
                lab_requests_total{model="llama"} 42
                # TYPE lab_queue_depth gauge
                lab_queue_depth{model="llama"} NaN
                # TYPE lab_temperature gauge
                lab_temperature{model="llama"} +Inf
                """);
        alertmanager = AlertmanagerProcess.start(work, AlertmanagerConfig.create());
        prometheus = PrometheusProcess.start(work, PrometheusConfig.create()
                .scrape("lab", List.of(exporter.target()))
                .ruleFile("lab.yml", RULES)
                .alertmanager(alertmanager.url()));
        prometheusTransport = new DirectTransport(EndpointConfig.of(prometheus.url()));
        alertmanagerTransport = new DirectTransport(EndpointConfig.of(alertmanager.url()));
        client = new PrometheusClient(prometheusTransport);
        am = new AlertmanagerClient(alertmanagerTransport);
        endpoints = new MetricsEndpoints(ClusterAccess.none(), Clock.systemUTC());
        endpoints.preset("lab", EndpointKind.PROMETHEUS, EndpointConfig.of(prometheus.url()));
        endpoints.preset("lab", EndpointKind.ALERTMANAGER, EndpointConfig.of(alertmanager.url()));
    }

    @AfterAll
    void stopLab() {
        for (AutoCloseable c : new AutoCloseable[] {endpoints, prometheusTransport, alertmanagerTransport, prometheus,
            alertmanager, exporter}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    /** Polls an asynchronous call until its answer satisfies the condition; returns that answer. */
    private static <T> T eventually(String what, Supplier<CompletableFuture<T>> call, java.util.function.Predicate<T> ok) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        await(WAIT, what, () -> {
            try {
                T value = call.get().get(10, TimeUnit.SECONDS);
                last.set(value);
                return ok.test(value);
            } catch (Exception e) {
                error.set(e);
                return false;
            }
        }, () -> "last answer " + last.get() + (error.get() == null ? "" : ", last error " + error.get()));
        return last.get();
    }

    @Test
    void instantQueriesReadScrapedValuesIncludingNaNAndInfinities() {
        List<Sample> samples = eventually("the exporter is scraped",
                () -> client.query("{__name__=~\"lab_.*\", job=\"lab\"}", null), s -> s.size() == 3);

        assertThat(samples).filteredOn(s -> s.labels().get("__name__").equals("lab_requests_total")).singleElement()
                .satisfies(s -> {
                    assertThat(s.value()).isEqualTo(42.0);
                    assertThat(s.labels()).containsEntry("model", "llama").containsEntry("job", "lab");
                });
        assertThat(samples).filteredOn(s -> s.labels().get("__name__").equals("lab_queue_depth")).singleElement()
                .satisfies(s -> assertThat(s.value()).isNaN());
        assertThat(samples).filteredOn(s -> s.labels().get("__name__").equals("lab_temperature")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(Double.POSITIVE_INFINITY));
    }

    @Test
    void negativeInfinityAndScalarsComeThroughToo() throws Exception {
        eventually("the exporter is scraped", () -> client.query("lab_temperature", null), s -> !s.isEmpty());

        assertThat(get(client.query("-lab_temperature", null))).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(Double.NEGATIVE_INFINITY));
        assertThat(get(client.query("scalar(vector(7))", Instant.now()))).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(7.0));
    }

    @Test
    void rangeQueriesReturnSeriesOfPoints() {
        List<Series> series = eventually("two scrapes of the exporter",
                () -> client.queryRange("up{job=\"lab\"}", Instant.now().minusSeconds(20), Instant.now(),
                        Duration.ofMillis(500)),
                s -> s.size() == 1 && s.getFirst().times().length >= 2);

        Series up = series.getFirst();
        assertThat(up.labels()).containsEntry("job", "lab").containsEntry("instance", exporter.target());
        assertThat(up.values()).containsOnly(1.0);
        assertThat(up.times()).isSorted();
    }

    @Test
    void aBadQueryIsPrometheusOwnError() {
        assertThatThrownBy(() -> get(client.query("sum(", null)))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(EndpointException.class)
                .satisfies(e -> {
                    EndpointException ee = (EndpointException) e;
                    assertThat(ee.kind()).isEqualTo(EndpointException.Kind.API_ERROR);
                    assertThat(ee.errorType()).isEqualTo("bad_data");
                    assertThat(ee.getMessage()).startsWith(prometheus.url() + ": bad_data: ").contains("parse error");
                });
    }

    @Test
    void alertsAreFiringAndPending() {
        List<PrometheusAlert> alerts = eventually("one firing and one pending alert", client::alerts,
                a -> a.stream().anyMatch(x -> x.labels().get("alertname").equals("LabAlwaysFiring")
                        && x.state() == AlertState.FIRING)
                        && a.stream().anyMatch(x -> x.labels().get("alertname").equals("LabPending")
                        && x.state() == AlertState.PENDING));

        PrometheusAlert firing = alerts.stream().filter(a -> a.labels().get("alertname").equals("LabAlwaysFiring"))
                .findFirst().orElseThrow();
        assertThat(firing.labels()).isEqualTo(Map.of("alertname", "LabAlwaysFiring", "severity", "warning"));
        assertThat(firing.annotations()).containsEntry("runbook_url", "https://runbooks.example/lab");
        assertThat(firing.activeAt()).isNotNull().isBefore(Instant.now().plusSeconds(1));
        assertThat(Double.parseDouble(firing.value())).isEqualTo(1.0);
    }

    @Test
    void rulesReportHealthAndTheBrokenRulesError() {
        List<RuleGroup> groups = eventually("both groups evaluated", () -> client.rules("lab"),
                g -> g.size() == 2 && g.stream().allMatch(x -> x.lastEvaluation() != null)
                        && g.stream().flatMap(x -> x.rules().stream()).allMatch(r -> r.health() != RuleHealth.UNKNOWN));

        RuleGroup lab = groups.stream().filter(g -> g.name().equals("lab")).findFirst().orElseThrow();
        assertThat(lab.health()).isEqualTo(RuleHealth.OK);
        assertThat(lab.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(lab.file()).endsWith("lab.yml");
        assertThat(lab.rules()).extracting(Rule::name).containsExactly("LabAlwaysFiring", "LabPending", "lab:requests:sum");
        Rule pending = lab.rules().get(1);
        assertThat(pending.forDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(pending.activeAlerts()).isEqualTo(1);
        assertThat(lab.rules().get(2).alerting()).isFalse();

        RuleGroup broken = groups.stream().filter(g -> g.name().equals("broken")).findFirst().orElseThrow();
        assertThat(broken.health()).isEqualTo(RuleHealth.ERR);
        assertThat(broken.rules().getFirst().lastError()).contains("many-to-many matching not allowed");
    }

    @Test
    void whichMetricsExist() throws Exception {
        eventually("the exporter is scraped", () -> client.query("lab_requests_total", null), s -> !s.isEmpty());

        assertThat(get(client.existingMetrics(List.of("lab_requests_total", "DCGM_FI_DEV_GPU_UTIL"))))
                .containsExactly("lab_requests_total");
        assertThat(get(client.seriesExists("vllm:num_requests_running"))).isFalse();
        assertThat(get(client.labelValues("model", List.of("lab_requests_total")))).containsExactly("llama");
    }

    @Test
    void buildInfoAndReadiness() throws Exception {
        assertThat(get(client.buildInfo()).version()).startsWith("2.");
        get(client.ready());
        get(am.ready());
    }

    @Test
    void alertmanagerReceivesTheFiringAlertWithTheFingerprintWeCompute() {
        List<AlertmanagerAlert> alerts = eventually("Alertmanager has the firing alert", am::alerts,
                a -> a.stream().anyMatch(x -> "LabAlwaysFiring".equals(x.labels().get("alertname"))));

        AlertmanagerAlert received = alerts.stream().filter(x -> "LabAlwaysFiring".equals(x.labels().get("alertname")))
                .findFirst().orElseThrow();
        assertThat(received.fingerprint()).isEqualTo(LabelFingerprint.of(received.labels()));
        assertThat(received.generatorUrl()).contains("/graph?g0.expr=");
        assertThat(alerts).noneMatch(x -> "LabPending".equals(x.labels().get("alertname")));
    }

    @Test
    void aSilenceMutesTheMergedAlertUntilItIsExpired() throws Exception {
        eventually("Alertmanager has the firing alert", am::alerts,
                a -> a.stream().anyMatch(x -> "LabAlwaysFiring".equals(x.labels().get("alertname"))));
        Instant now = Instant.now();

        String id = get(am.createSilence(List.of(Matcher.equal("alertname", "LabAlwaysFiring")), now,
                now.plus(Duration.ofHours(1)), "lab-test", "muting the always-firing alert"));

        List<Alert> merged = eventually("the merged alert is silenced", () -> endpoints.alertService().alerts("lab"),
                a -> firing(a).map(x -> x.silencedBy().contains(id)).orElse(false));
        assertThat(firing(merged).orElseThrow().suppressed()).isTrue();
        assertThat(merged).filteredOn(a -> a.name().equals("LabPending")).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.PENDING);
            assertThat(a.fingerprint()).isEqualTo(LabelFingerprint.of(a.labels()));
        });
        assertThat(get(endpoints.alertService().silences("lab"))).filteredOn(s -> s.id().equals(id)).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(Silence.State.ACTIVE));

        get(am.expireSilence(id));

        eventually("the merged alert is no longer silenced", () -> endpoints.alertService().alerts("lab"),
                a -> firing(a).map(x -> x.silencedBy().isEmpty()).orElse(false));
        assertThat(get(am.silences("lab"))).filteredOn(s -> s.id().equals(id)).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(Silence.State.EXPIRED));
        assertThat(endpoints.status("lab", EndpointKind.ALERTMANAGER).state()).isEqualTo(EndpointStatus.State.LIVE);
    }

    private static Optional<Alert> firing(List<Alert> alerts) {
        return alerts.stream().filter(a -> a.name().equals("LabAlwaysFiring")).findFirst();
    }

    @Test
    void theServiceQueriesThroughThePresetEndpoint() throws Exception {
        eventually("the exporter is scraped", () -> client.query("lab_requests_total", null), s -> !s.isEmpty());

        List<Sample> samples = get(endpoints.metricsService().query("lab", "sum(lab_requests_total)"));

        assertThat(samples).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(42.0));
        EndpointStatus status = endpoints.status("lab", EndpointKind.PROMETHEUS);
        assertThat(status.state()).isEqualTo(EndpointStatus.State.LIVE);
        assertThat(status.origin()).isEqualTo(EndpointOrigin.PRESET);
        assertThat(status.url()).isEqualTo(prometheus.url().toString());
        assertThat(status.lastSuccess()).isNotNull();
    }
}
