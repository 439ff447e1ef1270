package dev.pilothouse.core.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.pilothouse.core.metrics.TestCertificates;
import io.fabric8.kubernetes.client.internal.CertUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A tiny OpenID Connect issuer on a loopback port, enough for the refresh-token grant: the discovery document at
 * {@code ISSUER/.well-known/openid-configuration} and a token endpoint that checks the client's credentials and the
 * refresh token, then mints a new id_token (an HS256 JWT with an {@code exp}) and a new refresh token, retiring the old
 * one as Dex and Keycloak do. Every minted id_token is handed to a listener so the emulated API server can accept it.
 */
final class TestOidcIssuer implements AutoCloseable {

    static final String CLIENT_ID = "pilothouse";
    static final String CLIENT_SECRET = "client-s3cret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SIGNING_KEY = "test-issuer-signing-key".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String issuer;
    private final Clock clock;
    private final Consumer<String> onIdToken;
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile String lastIdToken;
    private volatile String lastRefreshToken;

    private TestOidcIssuer(HttpServer server, String scheme, Clock clock, Consumer<String> onIdToken) {
        this.server = server;
        this.clock = clock;
        this.onIdToken = onIdToken;
        // A path after the host, as Dex and Keycloak issuers have: discovery must be found under it.
        this.issuer = scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/realms/ml";
        server.setExecutor(executor);
        server.createContext("/realms/ml/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/ml/protocol/openid-connect/token", this::token);
        server.start();
    }

    /** An issuer over plain HTTP. */
    static TestOidcIssuer http(Consumer<String> onIdToken) throws IOException {
        return http(Clock.systemUTC(), onIdToken);
    }

    /** An issuer over plain HTTP whose tokens' lifetimes run on the given clock. */
    static TestOidcIssuer http(Clock clock, Consumer<String> onIdToken) throws IOException {
        return new TestOidcIssuer(HttpServer.create(loopback(), 0), "http", clock, onIdToken);
    }

    /** An issuer over HTTPS with a certificate for 127.0.0.1 signed by the given test CA. */
    static TestOidcIssuer https(TestCertificates.Pem certificate, Consumer<String> onIdToken) throws Exception {
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(certificate)));
        return new TestOidcIssuer(server, "https", Clock.systemUTC(), onIdToken);
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    String url() {
        return issuer;
    }

    /** Refresh requests received at the token endpoint, valid or not. */
    int tokenRequests() {
        return tokenRequests.get();
    }

    int discoveryRequests() {
        return discoveryRequests.get();
    }

    /** A refresh token the issuer will honour once (as after a login). */
    String issueRefreshToken() {
        String token = "rt-" + random();
        liveRefreshTokens.add(token);
        return token;
    }

    /** A signed id_token valid for the given time; the API server is told about it. */
    String mintIdToken(Duration validFor) {
        String token = jwt(clock.instant().plus(validFor));
        onIdToken.accept(token);
        return token;
    }

    /** An id_token that expired a minute ago; nobody accepts it. */
    String expiredIdToken() {
        return jwt(clock.instant().minus(Duration.ofMinutes(1)));
    }

    /** An id_token that looks valid for an hour but that the API server was never told about (it answers 401). */
    String unknownIdToken() {
        return jwt(clock.instant().plus(Duration.ofHours(1)));
    }

    /** The id_token of the last successful refresh, or null. */
    String lastIdToken() {
        return lastIdToken;
    }

    /** The refresh token handed out by the last successful refresh, or null. */
    String lastRefreshToken() {
        return lastRefreshToken;
    }

    /** Retires every refresh token (the session ended at the identity provider). */
    void revokeAll() {
        liveRefreshTokens.clear();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        discoveryRequests.incrementAndGet();
        Map<String, Object> document = Map.of(
                "issuer", issuer,
                "authorization_endpoint", issuer + "/protocol/openid-connect/auth",
                "token_endpoint", issuer + "/protocol/openid-connect/token",
                "jwks_uri", issuer + "/protocol/openid-connect/certs",
                "token_endpoint_auth_methods_supported", new String[] {"client_secret_basic", "client_secret_post"});
        respond(exchange, 200, document);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, error("invalid_request", "use POST"));
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            respond(exchange, 400, error("invalid_request", "expected a form, got " + contentType));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && form.containsKey("client_secret")) {
            // RFC 6749 2.3: a client MUST NOT use more than one authentication method in a request.
            respond(exchange, 400, error("invalid_request", "more than one client authentication method"));
            return;
        }
        String[] client = basic != null ? basicCredentials(basic)
                : new String[] {form.get("client_id"), form.get("client_secret")};
        if (!CLIENT_ID.equals(client[0]) || !CLIENT_SECRET.equals(client[1])) {
            respond(exchange, 401, error("invalid_client", "Invalid client credentials"));
            return;
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            respond(exchange, 400, error("unsupported_grant_type", "grant_type must be refresh_token"));
            return;
        }
        String refreshToken = form.get("refresh_token");
        if (refreshToken == null || !liveRefreshTokens.remove(refreshToken)) {
            respond(exchange, 400, error("invalid_grant", "Token is not active"));
            return;
        }
        String idToken = mintIdToken(Duration.ofMinutes(5));
        String nextRefreshToken = issueRefreshToken();
        lastIdToken = idToken;
        lastRefreshToken = nextRefreshToken;
        respond(exchange, 200, Map.of(
                "access_token", "at-" + random(),
                "token_type", "Bearer",
                "expires_in", 300,
                "id_token", idToken,
                "refresh_token", nextRefreshToken));
    }

    private static Map<String, String> error(String code, String description) {
        return Map.of("error", code, "error_description", description);
    }

    private static String[] basicCredentials(String header) {
        String decoded = new String(Base64.getDecoder().decode(header.substring("Basic ".length()).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private String jwt(Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            String header = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT")));
            String payload = b64.encodeToString(JSON.writeValueAsBytes(Map.of(
                    "iss", issuer, "sub", "ana", "aud", CLIENT_ID, "email", "ana@example.com",
                    "iat", clock.instant().getEpochSecond(), "exp", expires.getEpochSecond(), "jti", random())));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_KEY, "HmacSHA256"));
            String signature = b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            return header + "." + payload + "." + signature;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static SSLContext serverContext(TestCertificates.Pem pem) throws Exception {
        char[] password = "issuer".toCharArray();
        KeyStore identity;
        try (InputStream cert = Files.newInputStream(pem.certFile()); InputStream key = Files.newInputStream(pem.keyFile())) {
            identity = CertUtils.createKeyStore(cert, key, "RSA", password, null, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** Stops serving (the port is closed: the issuer becomes unreachable). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
