package dev.pilothouse.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns records into their one canonical line and back. The member order here is the format: docs/audit-format.md
 * lists the same order, and the hashes cover these exact bytes.
 */
final class AuditRecordCodec {

    /** The format version, the first member of every record. */
    static final int VERSION = 1;

    /** Fixed width (always milliseconds) so the same instant is always the same bytes. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The length of the trailing {@code ,"hash":"<64 hex>"}} that the own hash does not cover. */
    private static final int HASH_MEMBER_LENGTH = ",\"hash\":\"".length() + 64 + "\"}".length();

    private AuditRecordCodec() {
    }

    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Seals the entry: the record with its own hash, and its line (UTF-8, ending in LF). */
    static Sealed seal(long seq, Instant time, AuditEntry entry, String prevHash) {
        String unhashed = withoutHash(seq, truncate(time), entry, prevHash);
        String hash = AuditChain.sha256(unhashed);
        String line = unhashed.substring(0, unhashed.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
        return new Sealed(new AuditRecord(seq, truncate(time), entry, prevHash, hash),
                line.getBytes(StandardCharsets.UTF_8));
    }

    /** A record and its exact line bytes. */
    record Sealed(AuditRecord record, byte[] line) {
    }

    /** The canonical JSON of the record without its hash member: what the hash member is the SHA-256 of. */
    static String withoutHash(long seq, Instant time, AuditEntry e, String prevHash) {
        CanonicalJson json = new CanonicalJson().beginObject()
                .name("v").value(VERSION)
                .name("seq").value(seq)
                .name("time").value(TIME.format(time))
                .name("localUser").value(e.localUser())
                .name("kubeIdentity").value(e.kubeIdentity())
                .name("context").value(e.context())
                .name("action").value(e.action())
                .name("target").beginObject()
                .name("kind").value(e.target().kind())
                .name("namespace").value(e.target().namespace())
                .name("name").value(e.target().name())
                .endObject();
        json.name("parameters").beginObject();
        for (Map.Entry<String, String> p : e.parameters().entrySet()) {
            json.name(p.getKey()).value(p.getValue());
        }
        json.endObject();
        json.name("requests").beginArray();
        for (SentRequest r : e.requests()) {
            json.beginObject()
                    .name("method").value(r.method())
                    .name("path").value(r.path())
                    .name("contentType").value(r.contentType())
                    .name("body").value(r.body())
                    .endObject();
        }
        json.endArray();
        json.name("dryRun").value(e.dryRun())
                .name("confirmedBy").value(e.confirmedBy())
                .name("outcome").beginObject()
                .name("status").value(e.outcome().status().json())
                .name("message").value(e.outcome().message())
                .endObject()
                .name("resourceVersionBefore").value(e.resourceVersionBefore().orElse(null))
                .name("resourceVersionAfter").value(e.resourceVersionAfter().orElse(null))
                .name("prevHash").value(prevHash)
                .endObject();
        return json.toString();
    }

    /**
     * Parses one line (without its LF) and checks that it is exactly the canonical form of what it says, so that any
     * byte changed outside the hashed content (whitespace, key order, escapes) is caught too.
     *
     * @throws BadRecordException saying what is wrong, without the file and line (the caller knows those)
     */
    static AuditRecord parse(byte[] line) throws BadRecordException {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadRecordException("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new BadRecordException("not readable (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadRecordException("not a JSON object");
        }
        AuditRecord record = fromTree(root);
        byte[] canonical = seal(record.seq(), record.time(), record.entry(), record.prevHash()).line();
        byte[] withoutLf = Arrays.copyOf(canonical, canonical.length - 1);
        if (!Arrays.equals(withoutLf, line)) {
            boolean sameContent = line.length >= HASH_MEMBER_LENGTH
                    && Arrays.equals(withoutLf, 0, withoutLf.length - HASH_MEMBER_LENGTH,
                    line, 0, line.length - HASH_MEMBER_LENGTH);
            throw new BadRecordException(sameContent
                    ? "hash does not match the record's content (the record was edited)"
                    : "not in canonical JSON form (the line was rewritten or edited)");
        }
        return record;
    }

    private static AuditRecord fromTree(JsonNode root) throws BadRecordException {
        int version = integer(root, "v");
        if (version != VERSION) {
            throw new BadRecordException("format version " + version + " is not supported (this reader knows "
                    + VERSION + ")");
        }
        long seq = longValue(root, "seq");
        Instant time;
        try {
            time = Instant.from(TIME.parse(text(root, "time")));
        } catch (RuntimeException e) {
            throw new BadRecordException("field time is not a UTC timestamp like 2026-01-31T09:15:02.123Z");
        }
        JsonNode target = object(root, "target");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().isTextual()) {
                throw new BadRecordException("parameter " + p.getKey() + " is not a string");
            }
            parameters.put(p.getKey(), p.getValue().textValue());
        }
        JsonNode requestNodes = root.get("requests");
        if (requestNodes == null || !requestNodes.isArray()) {
            throw new BadRecordException("field requests is missing or not an array");
        }
        List<SentRequest> requests = new ArrayList<>();
        for (JsonNode r : requestNodes) {
            requests.add(new SentRequest(text(r, "method"), text(r, "path"), text(r, "contentType"),
                    text(r, "body")));
        }
        JsonNode dryRun = root.get("dryRun");
        if (dryRun == null || !dryRun.isBoolean()) {
            throw new BadRecordException("field dryRun is missing or not true/false");
        }
        JsonNode outcome = object(root, "outcome");
        AuditOutcome.Status status;
        try {
            status = AuditOutcome.Status.fromJson(text(outcome, "status"));
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage());
        }
        String prevHash = text(root, "prevHash");
        String hash = text(root, "hash");
        if (!AuditChain.isHash(prevHash) || !AuditChain.isHash(hash)) {
            throw new BadRecordException("prevHash and hash must be 64 lowercase hex digits");
        }
        AuditEntry entry = new AuditEntry(text(root, "localUser"), text(root, "kubeIdentity"),
                text(root, "context"), text(root, "action"),
                new AuditTarget(text(target, "kind"), text(target, "namespace"), text(target, "name")),
                parameters, requests, dryRun.booleanValue(), text(root, "confirmedBy"),
                new AuditOutcome(status, text(outcome, "message")),
                optionalText(root, "resourceVersionBefore"), optionalText(root, "resourceVersionAfter"));
        return new AuditRecord(seq, time, entry, prevHash, hash);
    }

    private static String text(JsonNode node, String field) throws BadRecordException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new BadRecordException("field " + field + " is missing or not a string");
        }
        return v.textValue();
    }

    private static Optional<String> optionalText(JsonNode node, String field) throws BadRecordException {
        JsonNode v = node.get(field);
        if (v == null || !(v.isTextual() || v.isNull())) {
            throw new BadRecordException("field " + field + " is missing or not a string or null");
        }
        return v.isNull() ? Optional.empty() : Optional.of(v.textValue());
    }

    private static JsonNode object(JsonNode node, String field) throws BadRecordException {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new BadRecordException("field " + field + " is missing or not an object");
        }
        return v;
    }

    private static long longValue(JsonNode node, String field) throws BadRecordException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new BadRecordException("field " + field + " is missing or not an integer");
        }
        return v.longValue();
    }

    private static int integer(JsonNode node, String field) throws BadRecordException {
        long v = longValue(node, field);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** A line that is not a well-formed record; the message says why. */
    static final class BadRecordException extends Exception {
        BadRecordException(String message) {
            super(message);
        }
    }
}
