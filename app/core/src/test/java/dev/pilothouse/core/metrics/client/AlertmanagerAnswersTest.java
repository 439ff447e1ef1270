package dev.pilothouse.core.metrics.client;

import dev.pilothouse.core.metrics.FakeHttpServer;
import dev.pilothouse.core.metrics.endpoint.DirectTransport;
import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.sdk.alerts.Matcher;
import dev.pilothouse.sdk.alerts.Silence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Alertmanager client on canned answers, and the exact silence body. */
class AlertmanagerAnswersTest {

    private FakeHttpServer server;
    private DirectTransport transport;
    private AlertmanagerClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeHttpServer();
        transport = new DirectTransport(EndpointConfig.of(server.url()));
        client = new AlertmanagerClient(transport);
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @Test
    void theSilenceBodyIsExactlyWhatAlertmanagerDocuments() {
        String body = AlertmanagerClient.silenceBody(
                List.of(Matcher.equal("alertname", "KVCacheFull"), new Matcher("pod", "vllm-.*", true, true),
                        new Matcher("env", "dev", false, false)),
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T05:04:05.5Z"), "ana@example.com",
                "investigating \"cache\" pressure");

        assertThat(body).isEqualTo("{\"matchers\":["
                + "{\"name\":\"alertname\",\"value\":\"KVCacheFull\",\"isRegex\":false,\"isEqual\":true},"
                + "{\"name\":\"pod\",\"value\":\"vllm-.*\",\"isRegex\":true,\"isEqual\":true},"
                + "{\"name\":\"env\",\"value\":\"dev\",\"isRegex\":false,\"isEqual\":false}],"
                + "\"startsAt\":\"2026-01-02T03:04:05Z\",\"endsAt\":\"2026-01-02T05:04:05.500Z\","
                + "\"createdBy\":\"ana@example.com\",\"comment\":\"investigating \\\"cache\\\" pressure\"}");
    }

    @Test
    void silenceBodiesAlertmanagerWouldRefuseAreRefusedFirst() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        assertThatThrownBy(() -> AlertmanagerClient.silenceBody(List.of(), t, t.plusSeconds(60), "a", "b"))
                .hasMessageContaining("at least one matcher");
        assertThatThrownBy(() -> AlertmanagerClient.silenceBody(List.of(Matcher.equal("a", "b")), t, t, "a", "b"))
                .hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> AlertmanagerClient.silenceBody(List.of(Matcher.equal("a", "b")), t, t.plusSeconds(1),
                "a", " ")).hasMessageContaining("comment");
    }

    @Test
    void createSendsTheBodyAndReturnsTheId() throws Exception {
        server.on("/api/v2/silences", FakeHttpServer.json("{\"silenceID\":\"4ddd8485-f3c6-4f75-819e-663df0acd14f\"}"));
        Instant t = Instant.parse("2026-01-02T03:04:05Z");

        String id = client.createSilence(List.of(Matcher.equal("alertname", "X")), t, t.plusSeconds(3600), "me", "why")
                .get(10, TimeUnit.SECONDS);

        assertThat(id).isEqualTo("4ddd8485-f3c6-4f75-819e-663df0acd14f");
        assertThat(server.last().method()).isEqualTo("POST");
        assertThat(server.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(server.last().body()).isEqualTo(AlertmanagerClient.silenceBody(List.of(Matcher.equal("alertname", "X")),
                t, t.plusSeconds(3600), "me", "why"));
    }

    @Test
    void aRefusedSilenceCarriesAlertmanagersReason() {
        server.on("/api/v2/silences", FakeHttpServer.answer(400, "application/json",
                "{\"code\":602,\"message\":\"comment in body is required\"}"));
        Instant t = Instant.parse("2026-01-02T03:04:05Z");

        assertThatThrownBy(() -> client.createSilence(List.of(Matcher.equal("a", "b")), t, t.plusSeconds(5), "me", "x")
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(EndpointException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("comment in body is required");
    }

    @Test
    void expiringChecksTheIdBeforeBuildingAPath() throws Exception {
        server.on("/api/v2/silence/", FakeHttpServer.answer(200, "application/json", ""));

        client.expireSilence("4ddd8485-f3c6-4f75-819e-663df0acd14f").get(10, TimeUnit.SECONDS);
        assertThat(server.last().method()).isEqualTo("DELETE");
        assertThat(server.last().path()).isEqualTo("/api/v2/silence/4ddd8485-f3c6-4f75-819e-663df0acd14f");

        assertThatThrownBy(() -> client.expireSilence("../../api/v2/status").get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alertsAndSilencesParse() throws Exception {
        server.on("/api/v2/alerts", FakeHttpServer.json("""
                [{"annotations":{"summary":"s"},"endsAt":"2026-11-23T01:16:46.047Z","fingerprint":"c4fa8262820e0e19",
                  "receivers":[{"name":"null"}],"startsAt":"2026-11-23T01:11:46.047Z",
                  "status":{"inhibitedBy":[],"silencedBy":["abc"],"state":"suppressed"},
                  "updatedAt":"2026-11-23T01:11:46.047Z","generatorURL":"http://p/graph","labels":{"a":"b","alertname":"X"}}]"""));
        server.on("/api/v2/silences", FakeHttpServer.json("""
                [{"id":"abc","status":{"state":"active"},"updatedAt":"2026-11-23T01:11:46.070Z","comment":"c",
                  "createdBy":"me","endsAt":"2026-11-24T00:00:00.000Z",
                  "matchers":[{"isRegex":false,"name":"alertname","value":"X"}],"startsAt":"2026-11-23T01:11:46.070Z"}]"""));

        AlertmanagerAlert alert = client.alerts().get(10, TimeUnit.SECONDS).getFirst();
        assertThat(alert.fingerprint()).isEqualTo("c4fa8262820e0e19");
        assertThat(alert.silencedBy()).containsExactly("abc");
        assertThat(alert.state()).isEqualTo("suppressed");
        assertThat(alert.receivers()).containsExactly("null");
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-23T01:11:46.047Z"));
        assertThat(server.received().getFirst().query()).contains("silenced=true").contains("inhibited=true");

        Silence silence = client.silences("prod").get(10, TimeUnit.SECONDS).getFirst();
        assertThat(silence.cluster()).isEqualTo("prod");
        assertThat(silence.state()).isEqualTo(Silence.State.ACTIVE);
        assertThat(silence.matchers()).containsExactly(Matcher.equal("alertname", "X")); // isEqual defaults to true
        assertThat(silence.endsAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }
}
