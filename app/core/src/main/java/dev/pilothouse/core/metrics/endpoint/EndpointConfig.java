package dev.pilothouse.core.metrics.endpoint;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How to reach one Prometheus-compatible server (Prometheus, Thanos, Mimir, Cortex, VictoriaMetrics) or Alertmanager
 * directly over HTTP(S).
 *
 * @param url                   the base URL, e.g. {@code https://thanos.example.com/prefix} (no trailing slash, no
 *                              credentials)
 * @param auth                  how requests authenticate
 * @param caFile                a PEM file of the CAs that sign the server's certificate, replacing the system's trust
 *                              store; null for the system's
 * @param insecureSkipTlsVerify accept any server certificate (never by default)
 * @param tenant                sent as {@code X-Scope-OrgID} (Mimir, Cortex, Thanos receive); empty for none
 * @param timeout               the longest a request may take, connection to last byte
 * @param maxResponseBytes      answers larger than this fail instead of filling the heap
 */
public record EndpointConfig(URI url, Auth auth, @Nullable Path caFile, boolean insecureSkipTlsVerify, String tenant,
                             Duration timeout, long maxResponseBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    public EndpointConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
        url = normalize(url);
        tenant = tenant == null ? "" : tenant.strip();
        if (tenant.contains("\n") || tenant.contains("\r")) {
            throw new IllegalArgumentException("tenant must be one line");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
        }
        if (auth instanceof Auth.ClientCertificate && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("a client certificate needs an https URL, got " + url);
        }
    }

    /** An endpoint with the defaults: no authentication, system trust, no tenant, 10 s, 32 MiB. */
    public static EndpointConfig of(URI url) {
        return new EndpointConfig(url, Auth.none(), null, false, "", DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** As {@link #of(URI)}. */
    public static EndpointConfig of(String url) {
        return of(URI.create(url));
    }

    /**
     * Reads a config from settings ({@code url}, {@code auth{type, tokenFile|tokenEnv, user, passwordFile|passwordEnv,
     * certFile, keyFile}}, {@code caFile}, {@code insecureSkipTlsVerify}, {@code tenant}, {@code timeout},
     * {@code maxResponseBytes}), checking that the files and variables it names exist.
     *
     * @param prefix      where the map sits in the settings, e.g. {@code prometheus}, for messages
     * @param environment looks up environment variables
     * @throws IllegalArgumentException naming the field, e.g. "prometheus.auth.tokenFile: file /x not found"
     */
    public static EndpointConfig parse(String prefix, Map<String, ?> settings, UnaryOperator<String> environment) {
        return new EndpointConfigParser(prefix, environment).parse(settings);
    }

    public EndpointConfig withAuth(Auth newAuth) {
        return new EndpointConfig(url, newAuth, caFile, insecureSkipTlsVerify, tenant, timeout, maxResponseBytes);
    }

    public EndpointConfig withCaFile(@Nullable Path newCaFile) {
        return new EndpointConfig(url, auth, newCaFile, insecureSkipTlsVerify, tenant, timeout, maxResponseBytes);
    }

    public EndpointConfig withInsecureSkipTlsVerify(boolean skip) {
        return new EndpointConfig(url, auth, caFile, skip, tenant, timeout, maxResponseBytes);
    }

    public EndpointConfig withTenant(String newTenant) {
        return new EndpointConfig(url, auth, caFile, insecureSkipTlsVerify, newTenant, timeout, maxResponseBytes);
    }

    public EndpointConfig withTimeout(Duration newTimeout) {
        return new EndpointConfig(url, auth, caFile, insecureSkipTlsVerify, tenant, newTimeout, maxResponseBytes);
    }

    public EndpointConfig withMaxResponseBytes(long max) {
        return new EndpointConfig(url, auth, caFile, insecureSkipTlsVerify, tenant, timeout, max);
    }

    /** Whether the URL is https. */
    public boolean https() {
        return "https".equals(url.getScheme());
    }

    private static URI normalize(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("URL must start with http:// or https://, got " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        if (url.getRawUserInfo() != null) {
            // Credentials in a URL end up in messages and logs: they belong in auth.
            throw new IllegalArgumentException("URL must not carry credentials; use auth instead");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("URL must not have a query or fragment: " + url);
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }
}
