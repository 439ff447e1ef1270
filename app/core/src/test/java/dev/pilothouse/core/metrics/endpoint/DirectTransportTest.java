package dev.pilothouse.core.metrics.endpoint;

import dev.pilothouse.core.metrics.FakeHttpServer;
import dev.pilothouse.core.metrics.endpoint.EndpointException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import static dev.pilothouse.testkit.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The direct transport against scripted loopback servers: headers, credentials, limits, timeouts. */
class DirectTransportTest {

    private static final String OK = "{\"status\":\"success\",\"data\":[]}";

    @TempDir
    Path dir;
    private FakeHttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = new FakeHttpServer();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private EndpointConfig config() {
        return EndpointConfig.of(server.url());
    }

    private static EndpointException failure(DirectTransport transport, String path) {
        try {
            transport.get(path).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(EndpointException.class);
            return (EndpointException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no answer from the transport", e);
        }
        throw new AssertionError("the request succeeded");
    }

    @Test
    void sendsTheTenantHeaderAndAcceptsJson() throws Exception {
        server.on("/api/v1/labels", FakeHttpServer.json(OK));
        try (DirectTransport transport = new DirectTransport(config().withTenant("team-ml"))) {
            HttpResult result = transport.get("/api/v1/labels").get(10, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.text()).isEqualTo(OK);
            assertThat(server.last().header("X-Scope-OrgID")).isEqualTo("team-ml");
            assertThat(server.last().header("Accept")).isEqualTo("application/json");
        }
    }

    @Test
    void sendsNoTenantHeaderWithoutATenant() throws Exception {
        server.on("/", FakeHttpServer.json(OK));
        try (DirectTransport transport = new DirectTransport(config())) {
            transport.get("/api/v1/labels").get(10, TimeUnit.SECONDS);

            assertThat(server.last().header("X-Scope-OrgID")).isNull();
            assertThat(server.last().header("Authorization")).isNull();
        }
    }

    @Test
    void aBearerTokenFromAnEnvironmentVariableIsSent() throws Exception {
        server.on("/", FakeHttpServer.json(OK));
        EndpointConfig config = config().withAuth(new Auth.Bearer(new Secret.FromEnv("PROM_TOKEN")));
        try (DirectTransport transport = new DirectTransport(config, n -> n.equals("PROM_TOKEN") ? "env-token" : null)) {
            transport.get("/api/v1/labels").get(10, TimeUnit.SECONDS);

            assertThat(server.last().header("Authorization")).isEqualTo("Bearer env-token");
        }
    }

    @Test
    void aBearerTokenFileIsReadAtEachRequestSoRotationNeedsNoRestart() throws Exception {
        server.on("/", FakeHttpServer.json(OK));
        Path token = Files.writeString(dir.resolve("token"), "first\n");
        try (DirectTransport transport = new DirectTransport(
                config().withAuth(new Auth.Bearer(new Secret.FromFile(token))))) {
            transport.get("/a").get(10, TimeUnit.SECONDS);
            assertThat(server.last().header("Authorization")).isEqualTo("Bearer first");

            Files.writeString(token, "second");
            transport.get("/b").get(10, TimeUnit.SECONDS);
            assertThat(server.last().header("Authorization")).isEqualTo("Bearer second");
        }
    }

    @Test
    void basicAuthIsSent() throws Exception {
        server.on("/", FakeHttpServer.json(OK));
        Path password = Files.writeString(dir.resolve("password"), "pa:ss\n");
        try (DirectTransport transport = new DirectTransport(
                config().withAuth(new Auth.Basic("ops", new Secret.FromFile(password))))) {
            transport.get("/api/v1/labels").get(10, TimeUnit.SECONDS);

            assertThat(server.last().header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("ops:pa:ss".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aCredentialThatVanishedFailsAsConfigWithoutTheSecret() throws Exception {
        server.on("/", FakeHttpServer.json(OK));
        Path token = Files.writeString(dir.resolve("token"), "very-secret");
        try (DirectTransport transport = new DirectTransport(
                config().withAuth(new Auth.Bearer(new Secret.FromFile(token))))) {
            Files.delete(token);

            EndpointException e = failure(transport, "/api/v1/labels");

            assertThat(e.kind()).isEqualTo(Kind.CONFIG);
            assertThat(e.getMessage()).contains(server.url().toString()).contains("file " + token + " not found")
                    .doesNotContain("very-secret");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void postsForms() throws Exception {
        server.on("/", FakeHttpServer.json(OK));
        try (DirectTransport transport = new DirectTransport(config())) {
            transport.send("POST", "/api/v1/query", Body.form(Map.of("query", "sum(rate(x[5m])) by (a)")))
                    .get(10, TimeUnit.SECONDS);

            assertThat(server.last().method()).isEqualTo("POST");
            assertThat(server.last().header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(java.net.URLDecoder.decode(server.last().body(), StandardCharsets.UTF_8))
                    .isEqualTo("query=sum(rate(x[5m])) by (a)");
        }
    }

    @Test
    void aSlowServerTimesOutWithinTheConfiguredTimeout() {
        server.on("/", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS); // holds the answer until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (DirectTransport transport = new DirectTransport(config().withTimeout(Duration.ofMillis(500)))) {
            long start = System.nanoTime();

            EndpointException e = failure(transport, "/api/v1/query");

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.getMessage()).contains(server.url().toString()).contains("500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aBodyThatTricklesPastTheTimeoutTimesOutToo() {
        server.on("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"status\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (DirectTransport transport = new DirectTransport(config().withTimeout(Duration.ofMillis(500)))) {
            long start = System.nanoTime();

            EndpointException e = failure(transport, "/api/v1/query");

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aHugeStreamedAnswerIsCutOffAtTheLimit() {
        long huge = 200L * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        AtomicBoolean cutOff = new AtomicBoolean();
        server.on("/", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                while (sent.get() < huge) {
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                cutOff.set(true);
            }
        });
        try (DirectTransport transport = new DirectTransport(config().withMaxResponseBytes(1024 * 1024))) {
            EndpointException e = failure(transport, "/api/v1/query_range");

            assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
            assertThat(e.getMessage()).contains("the answer exceeded 1 MiB").contains(server.url().toString());
            await(Duration.ofSeconds(20), "the server notices the closed connection", cutOff::get,
                    () -> sent.get() + " bytes sent");
            assertThat(sent.get()).isLessThan(huge);
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        server.on("/", exchange -> {
            exchange.sendResponseHeaders(200, 300L * 1024 * 1024);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[1024]);
                out.flush();
                release.await(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the client hung up, as it should
            }
        });
        try (DirectTransport transport = new DirectTransport(config().withMaxResponseBytes(4096))) {
            EndpointException e = failure(transport, "/api/v1/query");

            assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
            assertThat(e.getMessage()).contains("4 KiB");
        }
    }

    @Test
    void gzipAnswersAreInflatedAndTheLimitAppliesToTheInflatedSize() throws Exception {
        byte[] big = " ".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(OK.getBytes(StandardCharsets.UTF_8));
            gzip.write(big);
        }
        server.on("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, zipped.size());
            try (OutputStream out = exchange.getResponseBody()) {
                zipped.writeTo(out);
            }
        });
        try (DirectTransport roomy = new DirectTransport(config());
             DirectTransport tight = new DirectTransport(config().withMaxResponseBytes(50_000))) {
            HttpResult result = roomy.get("/x").get(10, TimeUnit.SECONDS);
            assertThat(result.text()).startsWith(OK).hasSize(OK.length() + big.length);
            assertThat(server.last().header("Accept-Encoding")).isEqualTo("gzip");

            assertThat(failure(tight, "/x").kind()).isEqualTo(Kind.TOO_LARGE);
        }
    }

    @Test
    void nothingListeningIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (DirectTransport transport = new DirectTransport(EndpointConfig.of(URI.create("http://127.0.0.1:" + port)))) {
            EndpointException e = failure(transport, "/api/v1/query");

            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e.getMessage()).isEqualTo("http://127.0.0.1:" + port + ": connection refused (is it running?)");
        }
    }

    @Test
    void httpsToAPlainHttpServerSaysSo() throws IOException {
        // A plain HTTP server answers a TLS hello with a plain-text 400, as Go's does.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    release.await(30, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort());
            try (DirectTransport transport = new DirectTransport(EndpointConfig.of(https))) {
                EndpointException e = failure(transport, "/api/v1/query");

                assertThat(e.kind()).isEqualTo(Kind.TLS);
                assertThat(e.getMessage()).contains("does not speak TLS");
            }
        }
    }

    @Test
    void errorStatusesAreResultsForTheApiToInterpret() throws Exception {
        server.on("/", FakeHttpServer.answer(503, "text/plain", "busy"));
        try (DirectTransport transport = new DirectTransport(config())) {
            HttpResult result = transport.get("/x").get(10, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(503);
            assertThat(result.text()).isEqualTo("busy");
        }
    }

    @Test
    void aBrokenClientCertificateFailsEachRequestAsConfig() throws Exception {
        Path cert = Files.writeString(dir.resolve("c.crt"), "not a cert");
        EndpointConfig config = EndpointConfig.of("https://127.0.0.1:1")
                .withAuth(new Auth.ClientCertificate(cert, cert));
        try (DirectTransport transport = new DirectTransport(config)) {
            EndpointException e = failure(transport, "/x");

            assertThat(e.kind()).isEqualTo(Kind.CONFIG);
            assertThat(e.getMessage()).contains(cert.toString());
        }
    }
}
