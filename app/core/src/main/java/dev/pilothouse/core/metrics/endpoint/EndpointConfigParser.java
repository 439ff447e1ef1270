package dev.pilothouse.core.metrics.endpoint;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@link EndpointConfig} from a settings map, nested ({@code auth: {type: bearer}}) or flat
 * ({@code auth.type: bearer}). Every problem names its field with the settings prefix, and unknown keys are errors so
 * that a typo does not silently drop a setting.
 */
final class EndpointConfigParser {

    private static final Set<String> TOP = Set.of("url", "auth", "caFile", "insecureSkipTlsVerify", "tenant",
            "timeout", "maxResponseBytes");
    private static final Set<String> AUTH = Set.of("type", "tokenFile", "tokenEnv", "user", "passwordFile",
            "passwordEnv", "certFile", "keyFile");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

    private final String prefix;
    private final UnaryOperator<String> environment;

    EndpointConfigParser(String prefix, UnaryOperator<String> environment) {
        this.prefix = prefix.isEmpty() ? "" : prefix + ".";
        this.environment = environment;
    }

    EndpointConfig parse(Map<String, ?> raw) {
        Map<String, Object> settings = unflatten(raw);
        checkKeys(settings, TOP, "");
        URI url = url(settings.get("url"));
        Auth auth = auth(settings.get("auth"), "https".equals(url.getScheme()));
        Path caFile = optionalPath(settings.get("caFile"), "caFile");
        if (caFile != null) {
            try {
                PemFiles.certificates(caFile);
            } catch (IllegalArgumentException e) {
                throw problem("caFile", e.getMessage());
            }
        }
        boolean insecure = bool(settings.get("insecureSkipTlsVerify"), "insecureSkipTlsVerify");
        String tenant = string(settings.get("tenant"), "tenant");
        if (tenant.contains("\n") || tenant.contains("\r")) {
            throw problem("tenant", "must be one line");
        }
        Duration timeout = settings.containsKey("timeout") ? duration(settings.get("timeout"), "timeout")
                : EndpointConfig.DEFAULT_TIMEOUT;
        long max = settings.containsKey("maxResponseBytes") ? size(settings.get("maxResponseBytes"), "maxResponseBytes")
                : EndpointConfig.DEFAULT_MAX_RESPONSE_BYTES;
        return new EndpointConfig(url, auth, caFile, insecure, tenant, timeout, max);
    }

    private URI url(@Nullable Object value) {
        String text = string(value, "url");
        if (text.isEmpty()) {
            throw problem("url", "is required");
        }
        try {
            return EndpointConfig.of(new URI(text)).url();
        } catch (URISyntaxException e) {
            throw problem("url", "is not a URL: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw problem("url", e.getMessage());
        }
    }

    private Auth auth(@Nullable Object value, boolean https) {
        if (value == null) {
            return Auth.none();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw problem("auth", "must be an object with a type");
        }
        Map<String, Object> auth = stringKeys(map, "auth");
        checkKeys(auth, AUTH, "auth.");
        String type = string(auth.get("type"), "auth.type");
        if (type.isEmpty()) {
            type = auth.containsKey("tokenFile") || auth.containsKey("tokenEnv") ? "bearer"
                    : auth.containsKey("user") ? "basic"
                    : auth.containsKey("certFile") ? "clientCertificate" : "none";
        }
        return switch (type) {
            case "none" -> Auth.none();
            case "bearer" -> new Auth.Bearer(secret(auth, "token"));
            case "basic" -> {
                String user = string(auth.get("user"), "auth.user");
                if (user.isEmpty()) {
                    throw problem("auth.user", "is required for basic authentication");
                }
                yield new Auth.Basic(user, secret(auth, "password"));
            }
            case "clientCertificate" -> {
                if (!https) {
                    throw problem("auth", "a client certificate needs an https URL");
                }
                yield clientCertificate(auth);
            }
            default -> throw problem("auth.type", "must be none, bearer, basic or clientCertificate, got '" + type + "'");
        };
    }

    private Auth clientCertificate(Map<String, Object> auth) {
        Path cert = optionalPath(auth.get("certFile"), "auth.certFile");
        Path key = optionalPath(auth.get("keyFile"), "auth.keyFile");
        if (cert == null) {
            throw problem("auth.certFile", "is required for a client certificate");
        }
        if (key == null) {
            throw problem("auth.keyFile", "is required for a client certificate");
        }
        try {
            PemFiles.certificates(cert);
        } catch (IllegalArgumentException e) {
            throw problem("auth.certFile", e.getMessage());
        }
        try {
            PemFiles.identity(cert, key);
        } catch (IllegalArgumentException e) {
            throw problem("auth.keyFile", e.getMessage());
        }
        return new Auth.ClientCertificate(cert, key);
    }

    /** {@code <name>File} or {@code <name>Env}, exactly one, and readable now. */
    private Secret secret(Map<String, Object> auth, String name) {
        String fileKey = name + "File";
        String envKey = name + "Env";
        boolean hasFile = auth.containsKey(fileKey);
        boolean hasEnv = auth.containsKey(envKey);
        if (hasFile == hasEnv) {
            throw problem("auth", "set exactly one of " + fileKey + " and " + envKey);
        }
        String field = "auth." + (hasFile ? fileKey : envKey);
        String value = string(auth.get(hasFile ? fileKey : envKey), field);
        if (value.isEmpty()) {
            throw problem(field, "is empty");
        }
        Secret secret = hasFile ? new Secret.FromFile(Path.of(value)) : new Secret.FromEnv(value);
        try {
            secret.read(environment);
        } catch (IllegalStateException e) {
            throw problem(field, e.getMessage());
        }
        return secret;
    }

    private @Nullable Path optionalPath(@Nullable Object value, String field) {
        String text = string(value, field);
        if (text.isEmpty()) {
            return null;
        }
        Path path = Path.of(text);
        if (!Files.exists(path)) {
            throw problem(field, "file " + path + " not found");
        }
        return path;
    }

    private String string(@Nullable Object value, String field) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s.strip();
        }
        throw problem(field, "must be a string, got " + value);
    }

    private boolean bool(@Nullable Object value, String field) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw problem(field, "must be true or false, got " + value);
        };
    }

    private Duration duration(@Nullable Object value, String field) {
        Duration d;
        if (value instanceof Number n) {
            d = Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        } else {
            Matcher m = DURATION.matcher(string(value, field));
            if (!m.matches()) {
                throw problem(field, "must be a duration such as 10s, 500ms or 2m, got '" + value + "'");
            }
            long amount = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (d.isZero() || d.isNegative()) {
            throw problem(field, "must be positive, got '" + value + "'");
        }
        return d;
    }

    private long size(@Nullable Object value, String field) {
        long bytes;
        if (value instanceof Number n) {
            bytes = n.longValue();
        } else {
            Matcher m = SIZE.matcher(string(value, field));
            if (!m.matches()) {
                throw problem(field, "must be a size such as 33554432 or 32MiB, got '" + value + "'");
            }
            long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
                case "KiB" -> 1024L;
                case "MiB" -> 1024L * 1024;
                case "GiB" -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            bytes = Long.parseLong(m.group(1)) * unit;
        }
        if (bytes <= 0) {
            throw problem(field, "must be positive, got '" + value + "'");
        }
        return bytes;
    }

    private void checkKeys(Map<String, Object> map, Set<String> known, String at) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw problem(at + key, "unknown setting (known: " + String.join(", ", known.stream().sorted().toList())
                        + ")");
            }
        }
    }

    private Map<String, Object> stringKeys(Map<?, ?> map, String field) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String key)) {
                throw problem(field, "keys must be strings");
            }
            out.put(key, v);
        });
        return out;
    }

    /** Nests dotted keys ({@code auth.type}) so that flat key-value stores and nested JSON read alike. */
    private Map<String, Object> unflatten(Map<String, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var entry : raw.entrySet()) {
            String key = entry.getKey();
            int dot = key.indexOf('.');
            if (dot < 0) {
                if (entry.getValue() instanceof Map<?, ?> nested && out.get(key) instanceof Map<?, ?> existing) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> merged = (Map<String, Object>) existing;
                    merged.putAll(stringKeys(nested, key));
                } else {
                    out.put(key, entry.getValue() instanceof Map<?, ?> m ? new LinkedHashMap<>(stringKeys(m, key))
                            : entry.getValue());
                }
                continue;
            }
            String head = key.substring(0, dot);
            Object existing = out.computeIfAbsent(head, h -> new LinkedHashMap<String, Object>());
            if (!(existing instanceof Map<?, ?>)) {
                throw problem(head, "is both a value and an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) existing;
            nested.put(key.substring(dot + 1), entry.getValue());
        }
        return out;
    }

    private IllegalArgumentException problem(String field, String message) {
        return new IllegalArgumentException(prefix + field + ": " + message);
    }
}
