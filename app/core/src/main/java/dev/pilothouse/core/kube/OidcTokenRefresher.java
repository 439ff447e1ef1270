package dev.pilothouse.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One OAuth 2.0 refresh-token grant against an OpenID Connect issuer, as kubectl's oidc auth-provider does it: the
 * token endpoint comes from {@code ISSUER/.well-known/openid-configuration}, the answer must carry an id_token. TLS is
 * always verified: against {@code idp-certificate-authority(-data)} when the kubeconfig gives one, else the JDK's
 * trust store. Failures carry the issuer's own error and never a token.
 */
final class OidcTokenRefresher {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the issuer handed out; the refresh token is the old one when the issuer does not rotate it. */
    record Tokens(String idToken, String refreshToken) {
        @Override
        public String toString() {
            return "Tokens[hidden]";
        }
    }

    /**
     * A refresh that did not work.
     *
     * @see #permanent()
     */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        Failure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        /** True when asking again with the same settings cannot succeed (the issuer rejected them). */
        boolean permanent() {
            return permanent;
        }
    }

    private final Duration connectTimeout;
    private final Duration requestTimeout;

    OidcTokenRefresher(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    Tokens refresh(OidcSettings settings) throws Failure {
        if (settings.refreshToken().isEmpty()) {
            throw new Failure("the id-token has expired and the kubeconfig has no refresh-token to renew it", true, null);
        }
        if (settings.issuer().isEmpty() || settings.clientId().isEmpty()) {
            throw new Failure("the kubeconfig's oidc auth-provider needs idp-issuer-url and client-id to renew the "
                    + "expired id-token", true, null);
        }
        // HTTP/1.1: two small requests an hour gain nothing from HTTP/2, and an h2c upgrade offer upsets some proxies.
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).sslContext(sslContext(settings)).build()) {
            Discovery discovery = discover(http, settings.issuer());
            return grant(http, settings, discovery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while asking the issuer " + settings.issuer(), false, e);
        }
    }

    /** The parts of the discovery document we use. */
    private record Discovery(String tokenEndpoint, boolean basicAuth) {
    }

    private Discovery discover(HttpClient http, String issuer) throws Failure, InterruptedException {
        // As kubectl does: the issuer URL may end in a path (Dex, Keycloak realms), discovery lives below it.
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(uri(url, issuer)).GET()
                .header("Accept", "application/json"), issuer);
        if (response.statusCode() != 200) {
            throw new Failure("the issuer " + issuer + " did not serve its discovery document (HTTP "
                    + response.statusCode() + ")", response.statusCode() < 500, null);
        }
        JsonNode document = json(response.body(), "discovery document of " + issuer);
        String endpoint = document.path("token_endpoint").asText("");
        if (endpoint.isEmpty()) {
            throw new Failure("the discovery document of " + issuer + " has no token_endpoint", true, null);
        }
        // Discovery's default is client_secret_basic; only a server that does not list it gets the secret in the form.
        JsonNode methods = document.path("token_endpoint_auth_methods_supported");
        boolean basic = !methods.isArray() || methods.isEmpty() || contains(methods, "client_secret_basic")
                || !contains(methods, "client_secret_post");
        return new Discovery(endpoint, basic);
    }

    private Tokens grant(HttpClient http, OidcSettings settings, Discovery discovery) throws Failure, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", settings.refreshToken());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(discovery.tokenEndpoint(), settings.issuer()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        boolean confidential = !settings.clientSecret().isEmpty();
        if (confidential && discovery.basicAuth()) {
            // RFC 6749 2.3.1: id and secret are form-encoded before they are joined; one authentication method only.
            String pair = encode(settings.clientId()) + ":" + encode(settings.clientSecret());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", settings.clientId());
            if (confidential) {
                form.put("client_secret", settings.clientSecret());
            }
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(http, request.POST(HttpRequest.BodyPublishers.ofString(body)),
                settings.issuer());
        if (response.statusCode() != 200) {
            throw new Failure("the issuer " + settings.issuer() + " refused to renew the id-token: "
                    + issuerError(response), response.statusCode() < 500, null);
        }
        JsonNode answer = json(response.body(), "token response of " + settings.issuer());
        String idToken = answer.path("id_token").asText("");
        if (idToken.isEmpty()) {
            throw new Failure("the issuer " + settings.issuer() + " renewed the session but sent no id_token (was the "
                    + "scope \"openid\" requested at login?)", true, null);
        }
        String refreshToken = answer.path("refresh_token").asText("");
        return new Tokens(idToken, refreshToken.isEmpty() ? settings.refreshToken() : refreshToken);
    }

    private HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String issuer)
            throws Failure, InterruptedException {
        try {
            return http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpConnectTimeoutException e) {
            throw new Failure("could not reach the issuer " + issuer + " (no connection within "
                    + connectTimeout.toMillis() + " ms)", false, e);
        } catch (HttpTimeoutException e) {
            throw new Failure("the issuer " + issuer + " did not answer within " + requestTimeout.toSeconds() + " s",
                    false, e);
        } catch (SSLException e) {
            throw new Failure("the TLS connection to the issuer " + issuer + " failed (" + reason(e) + "); if it uses a "
                    + "private CA, set idp-certificate-authority or idp-certificate-authority-data", false, e);
        } catch (IOException e) {
            throw new Failure("could not reach the issuer " + issuer + " (" + reason(e) + ")", false, e);
        }
    }

    /** The issuer's {@code error} and {@code error_description} (RFC 6749 5.2), else only the status: bodies may echo input. */
    private static String issuerError(HttpResponse<String> response) {
        try {
            JsonNode error = JSON.readTree(response.body());
            String code = error.path("error").asText("");
            if (!code.isEmpty()) {
                String description = error.path("error_description").asText("");
                return shorten(code + (description.isEmpty() ? "" : " (" + description + ")"));
            }
        } catch (IOException e) {
            // not JSON: report the status alone
        }
        return "HTTP " + response.statusCode();
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static JsonNode json(String body, String what) throws Failure {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new Failure("the " + what + " is not JSON", false, e);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static URI uri(String url, String issuer) throws Failure {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new Failure("'" + url + "' (from the issuer " + issuer + ") is not a valid URL", true, e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The most specific message in a chain; the JDK's HTTP client reports a refused or unresolvable host without one. */
    private static String reason(Throwable t) {
        String found = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.nio.channels.UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                found = c.getMessage();
            }
        }
        if (found != null) {
            return found;
        }
        return t instanceof java.net.ConnectException ? "connection refused" : t.getClass().getSimpleName();
    }

    /** Trusts only the kubeconfig's CA for the issuer when it names one, as kubectl does; otherwise the JDK's defaults. */
    private static SSLContext sslContext(OidcSettings settings) throws Failure {
        if (settings.caFile() == null && settings.caData() == null) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new Failure("no TLS support in this Java runtime: " + e.getMessage(), true, e);
            }
        }
        String source = settings.caData() != null ? "idp-certificate-authority-data"
                : "idp-certificate-authority " + settings.caFile();
        try (InputStream pem = settings.caData() != null
                ? new ByteArrayInputStream(Base64.getMimeDecoder().decode(settings.caData()))
                : Files.newInputStream(settings.caFile())) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            if (certificates.isEmpty()) {
                throw new Failure(source + " holds no certificate", true, null);
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("idp-ca-" + i++, certificate);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new Failure("cannot read " + source + ": " + reason(e), true, e);
        }
    }
}
