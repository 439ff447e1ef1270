package dev.pilothouse.desktop.metrics;

import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.sdk.settings.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Prometheus and Alertmanager addresses a user configured per context, kept in the app's settings as
 * {@code metrics.<context>.<kind>.<field>} (fields as {@link EndpointConfig#parse} reads them: {@code url},
 * {@code auth.type}, {@code auth.tokenFile} ...). Only file paths and variable names are stored, never a token or a
 * password. A configured endpoint wins over a preset and over detection.
 */
public final class EndpointSettings {

    /** The fields a user can set, in the order a form shows them. */
    public static final List<String> FIELDS = List.of("url", "auth.type", "auth.tokenFile", "auth.tokenEnv",
            "auth.user", "auth.passwordFile", "auth.passwordEnv", "auth.certFile", "auth.keyFile", "caFile",
            "insecureSkipTlsVerify", "tenant", "timeout");

    private final Settings settings;
    private final UnaryOperator<String> environment;

    public EndpointSettings(Settings settings, UnaryOperator<String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** The prefix of a context's endpoint in the settings and in messages, e.g. {@code metrics.prod.prometheus}. */
    public static String prefix(String context, EndpointKind kind) {
        return "metrics." + context + "." + kind.name().toLowerCase(Locale.ROOT);
    }

    /** The stored fields of an endpoint; empty values left out. */
    public Map<String, String> read(String context, EndpointKind kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            settings.get(prefix(context, kind) + "." + field).filter(v -> !v.isBlank())
                    .ifPresent(v -> fields.put(field, v.strip()));
        }
        return fields;
    }

    /**
     * Checks the fields and, when they hold, stores them and configures the endpoint. Empty fields (or no URL at all)
     * remove the configuration, so the preset or detection applies again.
     *
     * @throws IllegalArgumentException naming the field, e.g. "metrics.prod.prometheus.auth.tokenFile: file /x not
     *                                  found"; nothing is stored then
     */
    public void save(String context, EndpointKind kind, Map<String, String> fields, MetricsEndpoints endpoints) {
        Map<String, String> kept = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException(prefix(context, kind) + "." + k + ": not a setting");
            }
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        EndpointConfig config = kept.containsKey("url") ? parse(context, kind, kept) : null;
        for (String field : FIELDS) {
            settings.put(prefix(context, kind) + "." + field, kept.getOrDefault(field, ""));
        }
        endpoints.configure(context, kind, config);
    }

    /**
     * Configures every context's stored endpoints (at start); a stored endpoint that no longer holds (a token file
     * deleted) is reported in {@code problems}, naming the field, and left unconfigured.
     */
    public void applyAll(List<String> contexts, MetricsEndpoints endpoints, List<String> problems) {
        for (String context : contexts) {
            for (EndpointKind kind : EndpointKind.values()) {
                Map<String, String> fields = read(context, kind);
                if (!fields.containsKey("url")) {
                    continue;
                }
                try {
                    endpoints.configure(context, kind, parse(context, kind, fields));
                } catch (IllegalArgumentException e) {
                    problems.add("Settings > Metrics: " + e.getMessage());
                }
            }
        }
    }

    private EndpointConfig parse(String context, EndpointKind kind, Map<String, String> fields) {
        Map<String, Object> raw = new LinkedHashMap<>(fields);
        if ("none".equals(fields.get("auth.type"))) {
            raw.keySet().removeIf(k -> k.startsWith("auth."));
        }
        return EndpointConfig.parse(prefix(context, kind), raw, environment);
    }
}
