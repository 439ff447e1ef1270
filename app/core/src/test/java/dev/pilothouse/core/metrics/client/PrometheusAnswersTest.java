package dev.pilothouse.core.metrics.client;

import dev.pilothouse.core.metrics.FakeHttpServer;
import dev.pilothouse.core.metrics.endpoint.DirectTransport;
import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.EndpointException.Kind;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.alerts.RuleHealth;
import dev.pilothouse.sdk.metrics.Sample;
import dev.pilothouse.sdk.metrics.Series;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Prometheus client on canned answers: every shape of result, and every way an answer can be wrong. */
class PrometheusAnswersTest {

    private FakeHttpServer server;
    private DirectTransport transport;
    private PrometheusClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeHttpServer();
        transport = new DirectTransport(EndpointConfig.of(server.url()));
        client = new PrometheusClient(transport);
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static EndpointException failure(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(EndpointException.class);
            return (EndpointException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void vectorsBecomeSamplesWithSpecialValues() throws Exception {
        server.on("/api/v1/query", FakeHttpServer.json("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"up","job":"a"},"value":[1700000000.123,"1"]},
                  {"metric":{"job":"b"},"value":[1700000000.123,"NaN"]},
                  {"metric":{"job":"c"},"value":[1700000000,"+Inf"]},
                  {"metric":{"job":"d"},"value":[1700000000,"-Inf"]},
                  {"metric":{"job":"e"},"value":[1700000000,"1e-3"]}]}}"""));

        List<Sample> samples = get(client.query("up", Instant.ofEpochSecond(1_700_000_000)));

        assertThat(samples).hasSize(5);
        assertThat(samples.get(0).labels()).containsEntry("__name__", "up").containsEntry("job", "a");
        assertThat(samples.get(0).time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(samples.get(0).value()).isEqualTo(1.0);
        assertThat(samples.get(1).value()).isNaN();
        assertThat(samples.get(2).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(samples.get(3).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(samples.get(4).value()).isCloseTo(0.001, within(1e-12));
        assertThat(server.last().method()).isEqualTo("POST");
        assertThat(server.last().body()).contains("query=up").contains("time=1700000000");
    }

    @Test
    void aScalarIsOneSampleWithoutLabels() throws Exception {
        server.on("/api/v1/query", FakeHttpServer.json(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.5,\"42\"]}}"));

        List<Sample> samples = get(client.query("42", null));

        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEmpty();
            assertThat(s.value()).isEqualTo(42.0);
            assertThat(s.time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_500L));
        });
    }

    @Test
    void matricesBecomeSeriesInParallelArrays() throws Exception {
        server.on("/api/v1/query_range", FakeHttpServer.json("""
                {"status":"success","warnings":["ignored"],"data":{"resultType":"matrix","result":[
                  {"metric":{"pod":"a"},"values":[[1700000000,"1"],[1700000015,"2"],[1700000030,"NaN"]]},
                  {"metric":{"pod":"b"},"values":[]}]}}"""));

        List<Series> series = get(client.queryRange("x", Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_030), Duration.ofSeconds(15)));

        assertThat(series).hasSize(2);
        assertThat(series.get(0).labels()).isEqualTo(Map.of("pod", "a"));
        assertThat(series.get(0).times()).containsExactly(1_700_000_000_000L, 1_700_000_015_000L, 1_700_000_030_000L);
        assertThat(series.get(0).values()[0]).isEqualTo(1.0);
        assertThat(series.get(0).values()[2]).isNaN();
        assertThat(series.get(1).times()).isEmpty();
        assertThat(server.last().body()).contains("start=1700000000").contains("end=1700000030").contains("step=15");
    }

    @Test
    void anHtmlPageIsNotJson() {
        server.on("/api/v1/query", FakeHttpServer.answer(200, "text/html",
                "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Log in with SSO</body></html>"));

        EndpointException e = failure(client.query("up", null));

        assertThat(e.kind()).isEqualTo(Kind.NOT_JSON);
        assertThat(e.getMessage()).startsWith("the answer from " + server.url() + " is not JSON: <!DOCTYPE html>");
    }

    @Test
    void aServerErrorNamesTheStatusAndTheStartOfTheBody() {
        server.on("/api/v1/query", FakeHttpServer.answer(500, "text/plain", "internal error: " + "x".repeat(500)));

        EndpointException e = failure(client.query("up", null));

        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getMessage()).startsWith(server.url() + ": HTTP 500: internal error: xxx")
                .hasSizeLessThan(server.url().toString().length() + 230);
    }

    @Test
    void prometheusErrorEnvelopesCarryTheirTypeAndMessage() {
        server.on("/api/v1/query", FakeHttpServer.answer(400, "application/json",
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected end of input\"}"));

        EndpointException e = failure(client.query("sum(", null));

        assertThat(e.kind()).isEqualTo(Kind.API_ERROR);
        assertThat(e.errorType()).isEqualTo("bad_data");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(server.url() + ": bad_data: 1:5: parse error: unexpected end of input");
    }

    @Test
    void truncatedJsonIsMalformed() {
        server.on("/api/v1/query", FakeHttpServer.json("{\"status\":\"success\",\"data\":{\"resultType\":\"vec"));

        EndpointException e = failure(client.query("up", null));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains(server.url().toString()).contains("not valid JSON");
    }

    @Test
    void jsonOfTheWrongShapeNamesTheField() {
        server.on("/api/v1/query", FakeHttpServer.json("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{},"value":[1700000000,"1"]},
                  {"metric":{},"value":[1700000000, 7]}]}}"""));

        EndpointException e = failure(client.query("up", null));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("data.result[1].value[1] should be a sample value as a string");
    }

    @Test
    void anUnexpectedResultTypeIsMalformed() {
        server.on("/api/v1/query", FakeHttpServer.json(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1700000000,\"hello\"]}}"));

        EndpointException e = failure(client.query("\"hello\"", null));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("data.resultType is string");
    }

    @Test
    void aMissingDataFieldIsNamed() {
        server.on("/api/v1/alerts", FakeHttpServer.json("{\"status\":\"success\",\"data\":{\"notalerts\":[]}}"));

        EndpointException e = failure(client.alerts());

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("data.alerts is missing");
    }

    @Test
    void rulesReportHealthErrorsAndEvaluationTimes() throws Exception {
        server.on("/api/v1/rules", FakeHttpServer.json("""
                {"status":"success","data":{"groups":[{"name":"slo","file":"/etc/rules/slo.yml","interval":30,
                  "lastEvaluation":"2026-01-02T03:04:05.678901234Z","evaluationTime":0.001,"rules":[
                   {"state":"firing","name":"HighLatency","query":"histogram_quantile(0.99, x) > 1","duration":300,
                    "labels":{"severity":"critical"},"annotations":{"summary":"slow"},"alerts":[{},{}],
                    "health":"ok","lastEvaluation":"2026-01-02T03:04:05Z","type":"alerting"},
                   {"name":"Broken","query":"a + on() b","duration":0,"alerts":[],"health":"err",
                    "lastError":"many-to-many matching not allowed","lastEvaluation":"0001-01-01T00:00:00Z",
                    "type":"alerting"},
                   {"name":"job:up:sum","query":"sum(up) by (job)","health":"unknown","type":"recording"}]}]}}"""));

        List<RuleGroup> groups = get(client.rules("prod"));

        RuleGroup group = groups.getFirst();
        assertThat(group.cluster()).isEqualTo("prod");
        assertThat(group.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(group.lastEvaluation()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678901234Z"));
        assertThat(group.health()).isEqualTo(RuleHealth.ERR);
        assertThat(group.rules()).extracting(r -> r.name() + ":" + r.health() + ":" + r.activeAlerts())
                .containsExactly("HighLatency:OK:2", "Broken:ERR:0", "job:up:sum:UNKNOWN:0");
        assertThat(group.rules().get(0).forDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(group.rules().get(0).labels()).containsEntry("severity", "critical");
        assertThat(group.rules().get(1).lastError()).isEqualTo("many-to-many matching not allowed");
        assertThat(group.rules().get(1).lastEvaluation()).isNull();
        assertThat(group.rules().get(2).alerting()).isFalse();
    }

    @Test
    void labelValuesAndExistingMetrics() throws Exception {
        server.on("/api/v1/label/", FakeHttpServer.json("{\"status\":\"success\",\"data\":[\"a\",\"b\"]}"));
        server.on("/api/v1/query", FakeHttpServer.json("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"vllm:num_requests_running"},"value":[1700000000,"3"]}]}}"""));

        assertThat(get(client.labelValues("job", List.of("up{env=\"prod\"}")))).containsExactly("a", "b");
        assertThat(server.last().path()).isEqualTo("/api/v1/label/job/values");
        assertThat(server.last().query()).isEqualTo("match[]=up%7Benv%3D%22prod%22%7D");

        assertThat(get(client.existingMetrics(List.of("vllm:num_requests_running", "DCGM_FI_DEV_GPU_UTIL"))))
                .containsExactly("vllm:num_requests_running");
        assertThat(java.net.URLDecoder.decode(server.last().body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("count by (__name__) ({__name__=~\"vllm:num_requests_running|DCGM_FI_DEV_GPU_UTIL\"})");
    }

    @Test
    void regexQuotingKeepsMetricNamesLiteral() {
        assertThat(PrometheusClient.regexQuote("a.b")).isEqualTo("a\\\\.b");
        assertThat(PrometheusClient.regexQuote("vllm:x")).isEqualTo("vllm:x");
    }
}
