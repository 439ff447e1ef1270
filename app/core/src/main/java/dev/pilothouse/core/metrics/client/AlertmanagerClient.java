package dev.pilothouse.core.metrics.client;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pilothouse.core.metrics.endpoint.Body;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.Transport;
import dev.pilothouse.sdk.alerts.Matcher;
import dev.pilothouse.sdk.alerts.Silence;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Alertmanager's API v2 over a {@link Transport}: alerts (silenced and inhibited included), silences, and the two
 * writes the action engine performs, creating and expiring a silence.
 */
public final class AlertmanagerClient {

    private static final Pattern SILENCE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Transport transport;

    public AlertmanagerClient(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** The endpoint's URL, for messages. */
    public String endpoint() {
        return transport.endpoint();
    }

    public Transport transport() {
        return transport;
    }

    /** Every alert Alertmanager holds that is not resolved: active, silenced, inhibited and unprocessed ones. */
    public CompletableFuture<List<AlertmanagerAlert>> alerts() {
        return transport.get("/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true")
                .thenApply(r -> {
                    List<AlertmanagerAlert> alerts = new ArrayList<>();
                    for (Node a : Answers.json(r, endpoint()).elements()) {
                        Node status = a.field("status");
                        alerts.add(new AlertmanagerAlert(a.strings("labels"), a.strings("annotations"),
                                a.text("fingerprint"), status.textOr("state"), status.stringList("silencedBy"),
                                status.stringList("inhibitedBy"), a.instant("startsAt"), a.textOr("generatorURL"),
                                a.arrayOrEmpty("receivers").stream().map(n -> n.textOr("name")).toList()));
                    }
                    return alerts;
                });
    }

    /**
     * Every silence, expired ones included (Alertmanager keeps them for its retention period).
     *
     * @param cluster the cluster the silences are reported for
     */
    public CompletableFuture<List<Silence>> silences(String cluster) {
        return transport.get("/api/v2/silences").thenApply(r -> {
            List<Silence> silences = new ArrayList<>();
            for (Node s : Answers.json(r, endpoint()).elements()) {
                List<Matcher> matchers = new ArrayList<>();
                for (Node m : s.array("matchers")) {
                    matchers.add(new Matcher(m.text("name"), m.text("value"), m.bool("isRegex", false),
                            m.bool("isEqual", true)));
                }
                Instant startsAt = s.instant("startsAt");
                Instant endsAt = s.instant("endsAt");
                if (startsAt == null || endsAt == null) {
                    throw s.malformed(s.path(), "has no startsAt or endsAt");
                }
                String state = s.field("status").text("state");
                Silence.State parsed = switch (state) {
                    case "active" -> Silence.State.ACTIVE;
                    case "pending" -> Silence.State.PENDING;
                    case "expired" -> Silence.State.EXPIRED;
                    default -> throw s.malformed(s.path() + ".status.state", "is '" + state
                            + "', expected active, pending or expired");
                };
                silences.add(new Silence(cluster, s.text("id"), matchers, startsAt, endsAt, s.textOr("createdBy"),
                        s.textOr("comment"), parsed));
            }
            return silences;
        });
    }

    /**
     * Creates a silence ({@code POST /api/v2/silences} with exactly {@link #silenceBody}'s text).
     *
     * @return the new silence's id
     */
    public CompletableFuture<String> createSilence(List<Matcher> matchers, Instant startsAt, Instant endsAt,
                                                   String createdBy, String comment) {
        String body = silenceBody(matchers, startsAt, endsAt, createdBy, comment);
        return transport.send("POST", "/api/v2/silences", Body.json(body))
                .thenApply(r -> Answers.json(r, endpoint()).text("silenceID"));
    }

    /** Expires a silence now ({@code DELETE /api/v2/silence/{id}}). */
    public CompletableFuture<Void> expireSilence(String id) {
        if (!SILENCE_ID.matcher(id).matches()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not a silence id: '" + id + "'"));
        }
        return transport.send("DELETE", "/api/v2/silence/" + id, null)
                .thenAccept(r -> {
                    if (!r.ok()) {
                        throw EndpointException.httpStatus(endpoint(), r.status(), r.text());
                    }
                });
    }

    /** Completes when {@code /-/ready} answers 200. */
    public CompletableFuture<Void> ready() {
        return transport.get("/-/ready").thenAccept(r -> Answers.requireOk(r, endpoint()));
    }

    /**
     * The exact JSON a silence is created with: the action engine previews it, sends it and records it in the audit
     * log, so all three show the same bytes. Field order is fixed; times are UTC with a {@code Z}.
     *
     * @throws IllegalArgumentException without matchers, with an end not after the start, or without a creator or
     *                                  comment (Alertmanager would refuse them)
     */
    public static String silenceBody(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                                     String comment) {
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts");
        }
        if (createdBy == null || createdBy.isBlank() || comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a silence needs a creator and a comment");
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Answers.JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("matchers");
            for (Matcher m : matchers) {
                json.writeStartObject();
                json.writeStringField("name", m.name());
                json.writeStringField("value", m.value());
                json.writeBooleanField("isRegex", m.regex());
                json.writeBooleanField("isEqual", m.equal());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("startsAt", startsAt.toString());
            json.writeStringField("endsAt", endsAt.toString());
            json.writeStringField("createdBy", createdBy);
            json.writeStringField("comment", comment);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
