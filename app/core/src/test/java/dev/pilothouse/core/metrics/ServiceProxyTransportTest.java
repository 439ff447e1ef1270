package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.client.AlertmanagerClient;
import dev.pilothouse.core.metrics.client.PrometheusClient;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.ServiceProxyTransport;
import dev.pilothouse.core.metrics.endpoint.ServiceRef;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service proxy transport through a real fabric8 client against a loopback stand-in for the API server, which
 * records the proxy requests (the emulated cluster's mock server cannot proxy).
 */
class ServiceProxyTransportTest {

    private static final String PROXY = "/api/v1/namespaces/monitoring/services/http:prometheus-k8s:web/proxy";
    private static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{\"job\":\"a\"},\"value\":[1700000000,\"1\"]}]}}";

    private FakeHttpServer apiServer;
    private KubernetesClient kube;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger clientsAskedFor = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        apiServer = new FakeHttpServer();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(apiServer.url().toString())
                .withOauthToken("cluster-token").withRequestRetryBackoffLimit(0).build();
        kube = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        kube.close();
        apiServer.close();
        executor.shutdownNow();
    }

    private ServiceProxyTransport transport(ServiceRef service, Duration timeout, long maxBytes) {
        return new ServiceProxyTransport(() -> {
            clientsAskedFor.incrementAndGet();
            return kube;
        }, "https://api.example.com:6443/", service, "", timeout, maxBytes, executor);
    }

    private ServiceProxyTransport prometheusK8s() {
        return transport(new ServiceRef("monitoring", "prometheus-k8s", "http", "web"), Duration.ofSeconds(10),
                32L * 1024 * 1024);
    }

    private static EndpointException failure(CompletableFuture<?> call) {
        try {
            call.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(EndpointException.class);
            return (EndpointException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void queriesGoThroughTheServiceProxyWithTheClustersCredentials() throws Exception {
        apiServer.on(PROXY + "/", FakeHttpServer.json(VECTOR));
        ServiceProxyTransport transport = prometheusK8s();
        assertThat(clientsAskedFor).hasValue(0);

        var samples = new PrometheusClient(transport).query("up{job=\"a\"}", null).get(20, TimeUnit.SECONDS);

        assertThat(samples).singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("job", "a"));
        assertThat(clientsAskedFor).hasValue(1);
        FakeHttpServer.Received request = apiServer.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(PROXY + "/api/v1/query");
        assertThat(request.header("Authorization")).isEqualTo("Bearer cluster-token");
        assertThat(URLDecoder.decode(request.body(), StandardCharsets.UTF_8)).isEqualTo("query=up{job=\"a\"}");
        assertThat(transport.endpoint()).isEqualTo("https://api.example.com:6443" + PROXY);
    }

    @Test
    void queryStringsAndDeletesPassThrough() throws Exception {
        String amProxy = "/api/v1/namespaces/monitoring/services/https:alertmanager-main:web/proxy";
        apiServer.on(amProxy + "/api/v2/alerts", FakeHttpServer.json("[]"));
        apiServer.on(amProxy + "/api/v2/silence/", FakeHttpServer.answer(200, "application/json", ""));
        AlertmanagerClient am = new AlertmanagerClient(transport(
                new ServiceRef("monitoring", "alertmanager-main", "https", "web"), Duration.ofSeconds(10), 1 << 20));

        assertThat(am.alerts().get(20, TimeUnit.SECONDS)).isEmpty();
        assertThat(apiServer.last().query()).isEqualTo("active=true&silenced=true&inhibited=true&unprocessed=true");

        am.expireSilence("4ddd8485-f3c6-4f75-819e-663df0acd14f").get(20, TimeUnit.SECONDS);
        assertThat(apiServer.last().method()).isEqualTo("DELETE");
        assertThat(apiServer.last().path()).isEqualTo(amProxy + "/api/v2/silence/4ddd8485-f3c6-4f75-819e-663df0acd14f");
    }

    @Test
    void theApiServersOwnRefusalIsAnHttpStatus() {
        apiServer.on(PROXY + "/", FakeHttpServer.answer(503, "application/json",
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"message\":\"no endpoints available for service \\\"prometheus-k8s\\\"\",\"code\":503}"));

        EndpointException e = failure(new PrometheusClient(prometheusK8s()).query("up", null));

        assertThat(e.kind()).isEqualTo(EndpointException.Kind.HTTP_STATUS);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).startsWith("https://api.example.com:6443" + PROXY + ": HTTP 503")
                .contains("no endpoints available");
    }

    @Test
    void answersOverTheLimitAreCutOff() {
        apiServer.on(PROXY + "/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 3200; i++) { // 200 MiB unless the client hangs up
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client hung up
            }
        });

        EndpointException e = failure(transport(new ServiceRef("monitoring", "prometheus-k8s", "http", "web"),
                Duration.ofSeconds(20), 256 * 1024).get("/api/v1/query_range"));

        assertThat(e.kind()).isEqualTo(EndpointException.Kind.TOO_LARGE);
        assertThat(e.getMessage()).contains("256 KiB");
    }

    @Test
    void aSlowServiceTimesOut() {
        apiServer.on(PROXY + "/", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();

        EndpointException e = failure(transport(new ServiceRef("monitoring", "prometheus-k8s", "http", "web"),
                Duration.ofMillis(700), 1 << 20).get("/api/v1/query"));

        assertThat(e.kind()).isEqualTo(EndpointException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aClusterWhoseCredentialsFailIsReportedNotThrown() {
        ServiceProxyTransport transport = new ServiceProxyTransport(() -> {
            throw new IllegalStateException("credentials for context 'prod' could not be obtained: token expired");
        }, "https://api.example.com:6443", new ServiceRef("monitoring", "prometheus-k8s", "http", "web"), "",
                Duration.ofSeconds(5), 1024, executor);

        EndpointException e = failure(transport.get("/api/v1/query"));

        assertThat(e.getMessage()).contains("https://api.example.com:6443" + PROXY).contains("token expired");
    }

    @Test
    void serviceRefsBuildTheProxyPathAndRejectInjection() {
        assertThat(new ServiceRef("monitoring", "prometheus-k8s", "https", "9090").proxyPath())
                .isEqualTo("/api/v1/namespaces/monitoring/services/https:prometheus-k8s:9090/proxy");
        assertThatThrownBy(() -> new ServiceRef("monitoring/../kube-system", "x", "http", "web"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceRef("monitoring", "x", "ftp", "web"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceRef("monitoring", "x", "http", "web/../../secrets"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
